"""Synthetic merged events for the dyad-query benchmark (``peacewatch.store.ledger.generate_events``)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from ..types import Argument
from .records import MergedEvent

_TYPES = {"AGREE": 2.5, "CONSULT": 2.5, "SUPPORT": 5.0, "RETREAT": 6.5, "ACCUSE": -2.0,
          "THREATEN": -3.5, "SANCTION": -6.0, "ASSAULT": -9.0}
_START = dt.date(2015, 1, 1)


def synthetic_events(n: int, *, seed: int = 0, parties: int = 40) -> Iterator[MergedEvent]:
    """``n`` merged events between random pairs of ``parties`` made-up codes, of random types, on
    random days over ten years (the same ones for the same seed)."""
    rng = random.Random(seed)
    codes = [f"Q{chr(65 + i // 26 % 26)}{chr(65 + i % 26)}" for i in range(parties)]
    types = list(_TYPES)
    for i in range(n):
        a, b = rng.sample(codes, 2)
        type_ = rng.choice(types)
        day = (_START + dt.timedelta(days=rng.randrange(3650))).isoformat()
        yield MergedEvent(
            id=f"syn-{i:09d}", type=type_, status="occurred", date=day, first_reported=day,
            actor=[Argument(None, a, "GOV", a)], recipient=[Argument(None, b, "GOV", b)],
            score=_TYPES[type_], why="synthetic event for the benchmark",
        )

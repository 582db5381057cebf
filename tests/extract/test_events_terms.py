"""What an agreed text sets out, by the guide's list of retreats (coding guide, "Retreats": ceasefires,
releases, handovers of territory, withdrawals and disarmament agreed but not carried out are CONCEDE
``future``; "promises, intentions, agreements in principle" are AGREE). On texts of an invented conflict
written for these tests (docs/events.md, "Seventh round")."""

from __future__ import annotations

import pytest

from .annotate import events_pipeline
from .annotate import types_and_status as _events


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return events_pipeline(make_pipeline)


def test_access_set_out_by_a_deal_is_a_promise(pipe) -> None:  # type: ignore[no-untyped-def]
    # humanitarian access is no retreat of the guide's list: promised, AGREE future
    text = "The deal between Kenya and Uganda provides for humanitarian access to the north."
    assert _events(pipe, text) == [("AGREE", "future")]
    text = "Under the truce, humanitarian access is granted to the northern towns."
    assert ("CONCEDE", "future") not in _events(pipe, text)


def test_the_guides_retreats_set_out_by_a_deal_stay_concessions(pipe) -> None:  # type: ignore[no-untyped-def]
    for text in ("The deal between Kenya and Uganda provides for the release of all prisoners.",
                 "The deal between Kenya and Uganda calls for the withdrawal of troops from the border.",
                 "Under the deal, Uganda withdraws its troops from the border."):
        assert _events(pipe, text)[-1] == ("CONCEDE", "future"), text


def _acts(pipe, text: str) -> list[tuple[str, frozenset[str | None]]]:  # type: ignore[no-untyped-def]
    from .annotate import annotated

    return [(e.type, frozenset(a.code for a in e.actor)) for e in annotated(pipe, text, "2024-05-10").events]


def test_a_term_of_a_deal_with_its_parties_named_is_theirs(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "The deal between Kenya and Uganda provides for the release of all prisoners."
    assert _acts(pipe, text) == [("CONCEDE", frozenset({"KEN", "UGA"}))]


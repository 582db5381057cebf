"""Where the fighting is: the state whose places a document names most.

Unnamed civilians ("12 civilians were killed", "residents", "refugees", "displaced people") are the
people of the place the text is about, which in war reporting is not always the state it names most
as an actor: an article about Russia's strikes names Russia as the actor and Kharkiv and Odesa as
the places, and the civilians are Ukraine's. The coding guide codes a non-state armed group by the
state it fights in (and accepts the state a breakaway authority is in), so "the separatists" with
no armed group named and no state in focus are coded by the same places.

The *theatre* is the state whose places (regions, cities, towns; capitals read as places: "strikes
on Kyiv") are named most, each place mention once; datelines are left out (where a story was filed
is not where it happened), and a state counts only where it is named as a place ("fighting in
Ukraine", "strikes across Gaza"). Like the state in focus it needs two namings and half as many again as
any other state's places, else there is none.
"""

from __future__ import annotations

from collections import Counter

from ...types import Mention
from .datelines import is_dateline
from .work import Work, state_rows

MIN_PLACES = 2
LEAD = 1.5


def find(w: Work) -> tuple[str | None, str]:
    """The code of the theatre (or ``None``) and how it was found."""
    places: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m, code in _places(w):
        places[code] += 1
        first.setdefault(code, m.start)
    best = max(places, key=lambda c: (places[c], -first[c]), default=None)
    runner_up = max((n for c, n in places.items() if c != best), default=0)
    if best is None or places[best] < MIN_PLACES or places[best] < LEAD * runner_up:
        return None, "no theatre"
    return best, f"theatre {best} ({places[best]} places named)"


def named_states(w: Work) -> set[str]:
    """The states whose places (or whose names as places) the document names, datelines left out."""
    return {code for _, code in _places(w)}


def _places(w: Work) -> list[tuple[Mention, str]]:
    """Each place mention in text order with its state's code (datelines and uncoded places left out)."""
    out = []
    for m in sorted(w.mentions, key=lambda x: x.start):
        ent = w.entities.get(m.entity or "")
        if ent is None or not ent.code or is_dateline(m):
            continue
        if ent.kind != "place" and not (ent.kind == "state" and _located(w, m)):
            continue
        if ent.code in state_rows():
            out.append((m, ent.code))
    return out


# Prepositions that make a state's name a place ("in Ukraine", "across Gaza").
LOCATIVE = frozenset("in at near inside across throughout within into".split())


def _located(w: Work, m: Mention) -> bool:
    span = w.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE

"""Teams named by their city in sports copy: "Cleveland beat Detroit 5-2", "Leeds were held by Southampton".

CoNLL-2003 marks a club or franchise named by its city an organization (ORG), a national team named by
its state a place (LOC), and the small model reads every city as a place (GPE). In a story whose slug
names a team sport ("BASEBALL - CLEVELAND BEAT DETROIT", ``data/actors/team_sports.tsv``), a place the
model found that is no state's name and does not follow a preposition of place ("in London") is a
team: ORG. The dateline keeps its place. A score the model took into a name ("Arsenal 2-0") is cut off
in any story. See docs/ner.md, tenth round.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .headlines import DASHES, DATE, doc_lines, state_names
from .tables import team_sports

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

PLACES = frozenset({"GPE", "LOC"})
# Words before a place that keep it a place in sports copy too: "in London", "at Wembley", "from Bonn".
PLACE_WORDS = frozenset({"in", "at", "near", "from", "outside", "of"})
SCORE = re.compile(r"\d{1,3}-\d{1,3}$")  # "2-0", "7-6": a result, never part of a team's name


def settle_teams(doc: Doc) -> None:
    """Scores cut off the names that hold them, and in team-sports copy the cities that name teams as ORG."""
    lines = doc_lines(doc)
    sport = bool(lines) and _team_sport(lines[0])
    dated = {t.i for line in lines if DATE.search(line.text) for t in line}
    ents = [_relabelled(e, sport, dated) for e in (_without_score(e) for e in doc.ents) if e is not None]
    if [(e.start, e.end, e.label_) for e in ents] != [(e.start, e.end, e.label_) for e in doc.ents]:
        doc.ents = ents


def _team_sport(first: Span) -> bool:
    """Whether a story's first line opens with a team sport's slug and a dash ("SOCCER - …")."""
    dash = next((t.i for t in first if t.text in DASHES), None)
    return dash is not None and first.doc[first.start:dash].text.lower() in team_sports()


def _without_score(e: Span) -> Span | None:
    from spacy.tokens import Span

    doc, end = e.doc, e.end
    while end > e.start and SCORE.match(doc[end - 1].text):
        end -= 1
    if end - e.start > 3 and doc[end - 1].is_digit and doc[end - 2].text == "-" and doc[end - 3].is_digit \
            and not doc[end - 3].whitespace_ and not doc[end - 2].whitespace_:
        end -= 3  # the tokenizer's "2 - 0", written "2-0"
    if end == e.end or e.label_ not in ("ORG", "GPE", "LOC", "PERSON", "NORP"):
        return e
    return Span(e.doc, e.start, end, label=e.label_) if end > e.start else None


def _relabelled(e: Span, sport: bool, dated: set[int]) -> Span:
    from spacy.tokens import Span

    if not sport or e.label_ not in PLACES or e.start in dated:
        return e
    before = e.doc[e.start - 1].lower_ if e.start > 0 else ""
    if before in PLACE_WORDS or e.text.title() in state_names() or e.text.title() in _regions():
        return e
    return Span(e.doc, e.start, e.end, label="ORG")


@lru_cache(maxsize=1)
def _regions() -> frozenset[str]:
    from .tables import regions

    return frozenset(name for name, _ in regions())

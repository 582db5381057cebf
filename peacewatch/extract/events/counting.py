"""Acts dated by a count from another act: "a week after the signing" (the day of the act counted to,
``anchored_timex``) and "comes a week after Blinken visited" (the act counted from, ``counted_back_timex``).
Split from ``dating`` (which picks an act's own time expression) when that module passed 600 lines.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..timex.tense import governing_verb, verb_direction
from .dating import INHERITABLE, OWN_CLAUSES, own_clause

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ...types import Event, Timex

# A count of days or weeks ("a week", "two days", P1W, P2D) an act is told after or before another.
OFFSET = re.compile(r"^P(\d+)([DW])$")
# Words before "<count> of <act>" that make the count how long the act had lasted.
LASTED = frozenset({"after", "following"})
# A count of days, weeks, months or years an act is told before another ("a week after Blinken visited",
# "six months after the war began").
COUNT = re.compile(r"^P(\d+)([DWMY])$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _counts_in_sentence(timexes: list[Timex], doc: Doc, trigger: Token, pattern: re.Pattern[str]
                        ) -> Iterator[tuple[Timex, re.Match[str], Span, Token]]:
    """The expressions of the trigger's sentence whose value ``pattern`` matches, each with the match,
    its span and the word right after it (a count before "after", "before", "since" …)."""
    sent = trigger.sent
    for timex in timexes:
        found = pattern.match(timex.value)
        if found is None or not sent.start_char <= timex.start < sent.end_char:
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None or not sent.start <= span.start < sent.end or span.end >= len(doc):
            continue
        yield timex, found, span, doc[span.end]


def anchored_timex(timexes: list[Timex], doc: Doc, trigger: Token, earlier: list[Event]) -> Timex | None:
    """The day of an act told as a count of days or weeks after or before another act ("a week after
    the signing", "two days after Ostland attacked"), when that act was told earlier in the text
    with its day (an event whose trigger has the anchor's lemma): its day plus (minus) the count.
    None when the count does not hang on the trigger's clause or the anchor act has no day."""
    mine = _verb_at(trigger)
    for timex, offset, _span, word in _counts_in_sentence(timexes, doc, trigger, OFFSET):
        anchor = _anchor(word)
        hung = None if anchor is None else _verb_at(anchor[1])
        if anchor is None or mine is None or hung is None or hung.i != mine.i:
            continue
        day = _anchor_day(doc, anchor[0], timex.start, earlier)
        if day is None:
            continue
        days = int(offset.group(1)) * (7 if offset.group(2) == "W" else 1)
        moved = day + dt.timedelta(days=days if word.lower_ == "after" else -days)
        return dataclasses.replace(timex, type="DATE", value=moved.isoformat())
    return None


def counted_back_timex(timexes: list[Timex], doc: Doc, trigger: Token, anchor: dt.date | None) -> Timex | None:
    """The date of an act told as the one a count runs from ("the declassification comes a week after
    Blinken visited Ethiopia", "designated in May 2021, six months after the war began"): the date of
    the clause the count hangs on, minus the count (plus it, for "before"). That clause's date is a day
    or month it states itself, else, told in the present ("comes", "is"), the document's day
    (``anchor``). A count of days or weeks needs a day and gives one; of months or years, a month or
    a year. None when the trigger is not the act counted from, or the clause has no date."""
    mine = _verb_at(trigger)
    for timex, count, span, word in _counts_in_sentence(timexes, doc, trigger, COUNT):
        found = _anchor(word) or _lasted(word, span.root)
        if found is None or not _counted_from(trigger, mine, found[0]) or _states_date(timexes, found[0], timex):
            continue
        hung = _verb_at(found[1])
        if hung is None or (mine is not None and hung.i == mine.i and trigger.i != found[0].i):
            continue
        base = _clause_date(timexes, doc, hung, found[0], timex, anchor)
        value = None if base is None else _moved(base, int(count.group(1)), count.group(2),
                                                 1 if word.lower_ == "before" else -1)
        if value is not None:
            return dataclasses.replace(timex, type="DATE", value=value)
    return None


def _lasted(word: Token, count: Token) -> tuple[Token, Token] | None:
    """For "of" after a count that "after" governs ("fighting resumed in August after five months of
    truce"; a gerund clause too: "after 13 days of being held, he was freed on Thursday"): the act that
    lasted the count, so began that long before the clause "after" hangs on, and the token the phrase
    hangs on; else None."""
    if word.lower_ != "of" or word.head.i != count.i or count.dep_ != "pobj" or count.head.lower_ not in LASTED:
        return None
    acts = [c for c in word.children if c.dep_ in ("pobj", "pcomp")]  # "of truce", "of being held"
    return (acts[0], count.head.head) if acts else None


def _counted_from(trigger: Token, mine: Token | None, act: Token) -> bool:
    """Whether ``trigger`` tells the act a count runs from: it is the word after "after" ("a week after
    the signing"), a clause of that word telling that it took place ("five months of truce agreed
    between the parties"), or stands in the clause that word heads ("a week after Blinken visited")."""
    if trigger.i == act.i or (trigger.dep_ in OWN_CLAUSES and own_clause(trigger, act)):
        return True
    return act.pos_ in ("VERB", "AUX") and mine is not None and mine.i == act.i


def _states_date(timexes: list[Timex], act: Token, count: Timex) -> bool:
    """Whether the clause of the act counted from states a date of its own ("after the talks were
    suspended on Saturday"): that date is the act's."""
    lo, hi = act.left_edge.idx, act.right_edge.idx + len(act.right_edge)
    return any((t.start, t.end) != (count.start, count.end) and t.type in ("DATE", "TIME") and lo <= t.start < hi
               for t in timexes)


def _clause_date(timexes: list[Timex], doc: Doc, hung: Token, act: Token, count: Timex,
                 anchor: dt.date | None) -> str | None:
    """The day or month the clause of ``hung`` states for itself (not one in the clause of the act
    counted from), else the document's day when that clause is told in the present."""
    lo, hi = act.left_edge.idx, act.right_edge.idx + len(act.right_edge)
    for t in timexes:
        if ((t.start, t.end) == (count.start, count.end) or not INHERITABLE.match(t.value) or t.mod is not None
                or lo <= t.start < hi):
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or not hung.sent.start <= span.start < hung.sent.end:
            continue
        verb = _verb_at(span.root)
        if verb is not None and verb.i == hung.i:
            return t.value
    if anchor is not None and hung.tag_ in ("VBZ", "VBP") and verb_direction(hung) != "future":
        return anchor.isoformat()
    return None


def _moved(base: str, n: int, unit: str, sign: int) -> str | None:
    """``base`` (a day or month) moved by ``n`` days, weeks, months or years; a count of days or weeks
    needs a day, a count of months gives a month, of years a year."""
    if unit in "DW":
        if not DAY.match(base):
            return None
        return (dt.date.fromisoformat(base) + dt.timedelta(days=sign * n * (7 if unit == "W" else 1))).isoformat()
    year, month = int(base[:4]), int(base[5:7])
    if unit == "Y":
        return f"{year + sign * n:04d}"
    months = year * 12 + month - 1 + sign * n
    return f"{months // 12:04d}-{months % 12 + 1:02d}"


def _anchor(word: Token) -> tuple[Token, Token] | None:
    """For "after" or "before" following a count: the word naming the act counted from and the token
    the phrase hangs on, or None."""
    if word.lower_ not in ("after", "before"):
        return None
    if word.dep_ == "mark":
        return word.head, word.head.head
    objects = [c for c in word.children if c.dep_ in ("pobj", "pcomp")]
    return (objects[0], word.head) if objects else None


def _anchor_day(doc: Doc, anchor: Token, before: int, earlier: list[Event]) -> dt.date | None:
    """The day of the last event told before character ``before`` whose trigger has ``anchor``'s lemma."""
    lemmas = {anchor.lemma_.lower()}
    if anchor.lower_.endswith("ing"):  # "the signing": the act of the verb
        lemmas.add(anchor.lower_[:-3])
    for event in reversed(earlier):
        if event.trigger_span[0] >= before or event.date is None or not DAY.match(event.date):
            continue
        span = doc.char_span(*event.trigger_span, alignment_mode="expand")
        if span is not None and span.root.lemma_.lower() in lemmas:
            return dt.date.fromisoformat(event.date)
    return None


def _verb_at(tok: Token) -> Token | None:
    """The nearest verb at or above ``tok``, however far up (None when its chain reaches the root with
    none): ``governing_verb`` with no step limit (a chain is never longer than the document)."""
    return governing_verb(tok, max_steps=len(tok.doc))

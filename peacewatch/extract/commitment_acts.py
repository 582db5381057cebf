"""Provisions told as nouns: what an agreement holds when no event of the sentence carries it.

The events component reads acts as verbs ("Hamas released 24 hostages"); what a deal provides for
is often told as a noun or an infinitive the event rules do not type: "the agreement includes a
framework for regional economic integration", "it also establishes a Joint Security Coordination
Mechanism", "the ELN has pledged to provide information about the hostages", "a decision was made
to improve the conditions for humanitarian aid". Each such phrase of ``provision_acts.tsv`` in a
sentence that states what was agreed (a cue before it, ``CUE``: "includes", "provides for",
"calls for", "establishes", "agreed to", "pledged to", "decision", "under the deal" ...) is one
promised act, in a document that reports an agreement reached; none in a sentence that denies or
doubts it between the cue and the act ("no agreement on", "failed to agree on", "if").

The commitment is tied to an event of its sentence (the pledge or the agreement), else to the
agreement the document reports. Its obligors are the bindable actors of a pledge or agreement of
the sentence, else the parties of the document's agreement; it was made on the date of that
sentence's agreement or pledge (when it happened by publication), else on the agreement's day,
else on publication; due on a date after "within", "by" or "until" in the sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..tables import Column, optional, read_table
from ..timespan import interval
from ..types import Commitment, Event
from .events import promise
from .events.dating import is_later
from .events.tables import words

if TYPE_CHECKING:
    from spacy.tokens import Span

    from ..contract import Annotation

CUE = re.compile(
    r"\b(provisions?|under the (?:terms|deal|agreement|declaration|accord)|terms of|commits?|committing|committed to"
    r"|stipulat\w*|provides? for|providing for|calls? for|includes?|included|outlines?|establish(?:es)?|creates?"
    r"|agreed (?:to|on|upon)|agreement (?:on|to)|pledg(?:e|es|ed|ing) to|obligations?|clauses?|decision was made to"
    r"|decided to|were to|are to)\b", re.IGNORECASE)
DENIED = frozenset({"not", "no", "nothing", "never", "failed", "fail", "fails", "without", "if", "whether",
                    "unless", "n't"})
PLEDGES = ("AGREE", "CONCEDE", "SUPPORT")
CALENDAR_DAYS = (dt.date.max - dt.date.min).days  # more days than that reach past year 9999 from anywhere


@dataclass(frozen=True)
class ActRow:
    pattern: re.Pattern[str]
    type: str
    mode: str | None
    note: str


@lru_cache(maxsize=1)
def act_rows() -> tuple[ActRow, ...]:
    rows = read_table("commitments", "provision_acts.tsv",
                      (Column("pattern"), Column("type"), optional("mode"), optional("note")))
    return tuple(ActRow(re.compile(rf"\b(?:{r['pattern']})\b"), r["type"], r["mode"] or None, r["note"])
                 for r in rows)


def phrases(text: str) -> list[tuple[int, ActRow]]:
    """The promised acts a (lower-cased) sentence names, each kind once, with where it starts."""
    found: dict[tuple[str, str | None], tuple[int, ActRow]] = {}
    for row in act_rows():
        match = row.pattern.search(text)
        if match is not None and (row.type, row.mode) not in found:
            found[(row.type, row.mode)] = (match.start(), row)
    return sorted(found.values(), key=lambda f: f[0])


def provision_acts(ann: Annotation, deal: str | None, parties: list[str], published: str | None
                   ) -> list[Commitment]:
    """The provisions a document's sentences state as nouns (module docstring); ``deal`` is the
    day of the agreement the document reports ("" when undated), ``parties`` its parties."""
    if ann.doc is None or deal is None:
        return []
    anchor_event = agreement_event(ann)
    out = []
    for sent in ann.doc.sents:
        text = sent.text.lower()
        cue = CUE.search(text)
        if cue is None:
            continue
        for start, row in phrases(text):
            if start <= cue.start() or _denied(sent, cue.start(), start):
                continue
            made = _made(ann, sent, deal, published, parties, anchor_event, row)
            if made is not None:
                out.append(made)
    return out


def _made(ann: Annotation, sent: Span, deal: str, published: str | None, parties: list[str],
          anchor_event: Event | None, row: ActRow) -> Commitment | None:
    entities = {e.id: e for e in ann.result.entities}
    own = _sentence_event(ann, sent)
    event = own or anchor_event
    if event is None:
        return None
    obligor = promise.bindable(own.actor, entities) if own is not None else []
    note = "the actors of the sentence's pledge or agreement"
    if len(obligor) < 1 or (own is not None and own.type == "AGREE" and own.status != "future" and len(obligor) < 2):
        obligor, note = list(parties), "the parties of the agreement the document reports"
    if not obligor:
        return None
    dated = own is not None and own.date and interval(own.date) is not None and not is_later(own.date, ann.anchor)
    made: str | None
    if dated and own is not None and own.date:
        made = own.date.split("T")[0]
    elif own is not None and own.status == "future" \
            and own.id not in ann.notes.get("events", {}).get("provision", ()):  # a pledge reported now
        made = published
    else:
        made = latest_agreement_day(ann) or deal or published
    due = _due(ann, sent)
    beneficiary = beneficiaries(obligor, parties)
    why = (f"{row.type}/{row.mode or '-'} named as agreed ('{row.note}') in a sentence stating what was "
           f"agreed; obligors: {note}" + (f"; due {due}" if due else ""))
    return Commitment(id="", event=event.id, obligor=obligor, beneficiary=beneficiary,
                      action={"type": row.type, "mode": row.mode}, made=made, due=due, status="open", why=why)


def _denied(sent: Span, cue_at: int, act_at: int) -> bool:
    """A denial or doubt between the cue and the act, or just before the cue ("no agreement on")."""
    lo = sent.start_char + cue_at
    return any((t.lower_ in DENIED or t.dep_ == "neg") and lo - 12 <= t.idx < sent.start_char + act_at
               for t in sent)


def _sentence_event(ann: Annotation, sent: Span) -> Event | None:
    """The pledge or agreement of the sentence that happened or was announced, if any."""
    for e in ann.result.events:
        if e.type in PLEDGES and e.status in ("occurred", "future", "historical") \
                and sent.start_char <= e.trigger_span[0] < sent.end_char:
            return e
    return None


def reached_agreement(e: Event) -> bool:
    """Whether an event is an agreement reached or a text signed (not one promised or to come)."""
    return (e.type == "AGREE" or (e.type, e.mode) == ("SUPPORT", "sign")) and e.status in ("occurred", "historical")


def beneficiaries(obligor: list[str], parties: list[str]) -> list[str]:
    """Who a provision binding ``obligor`` benefits: the obligors themselves when they are two or more
    (a mutual term), else the agreement's other parties."""
    return list(obligor) if len(obligor) > 1 else [p for p in parties if p not in obligor]


def latest_agreement_day(ann: Annotation) -> str | None:
    """The day of the newest dated agreement the document reports as done by publication: an
    article recounting a process ("in the first round... in the second...") restates the terms
    of its news, the latest deal."""
    days = [e.date.split("T")[0] for e in ann.result.events
            if reached_agreement(e) and e.date and interval(e.date) is not None and not is_later(e.date, ann.anchor)]
    return max(days) if days else None


def agreement_event(ann: Annotation) -> Event | None:
    """The first agreement reached or text signed that the document reports."""
    return next((e for e in ann.result.events if reached_agreement(e)), None)


def _due(ann: Annotation, sent: Span) -> str | None:
    found = deadline_in(ann, sent.start_char, sent.end_char, sent.start_char)
    return found[0] if found is not None else None


def deadline_in(ann: Annotation, lo: int, hi: int, after: int) -> tuple[str, str] | None:
    """The date an act must be done by, when the text from ``lo`` to ``hi`` sets one at or after
    ``after``: a date after "by", "before", "until", "no later than" ("withdraw by the end of the
    year", "implement the terms by July 29"), or a span of time after "within" counted from
    publication ("within 90 days"); with the words that set it."""
    text = ann.document.text if ann.document is not None else ""
    for timex in ann.result.timexes:
        if not (lo <= timex.start < hi) or timex.start < after:
            continue
        before = text[max(lo, timex.start - 16):timex.start].lower().split()
        cue = next((w for w in words("deadline") if before[-len(w.split()):] == w.split()), None) if before else None
        if cue is None:
            continue
        if cue == "within":
            end = _after(ann.anchor, timex.value)
            if end is not None:
                return end, f"within {timex.text} of publication"
            continue
        if interval(timex.value) is not None:
            return timex.value, f"'{cue} {timex.text}'"
    return None


def _after(anchor: dt.date | None, duration: str) -> str | None:
    """The day a duration ("P90D", "P3M", "P2W") after ``anchor`` ends, or None."""
    match = re.fullmatch(r"P(\d+)([DWMY])", duration or "")
    if anchor is None or match is None:
        return None
    n, unit = int(match[1]), match[2]
    if n > CALENDAR_DAYS:  # "within 9000 years": no calendar day that far off
        return None
    days = duration_days(n, unit)
    return (anchor + dt.timedelta(days=days)).isoformat() if days <= (dt.date.max - anchor).days else None


def duration_days(n: int, unit: str) -> int:
    """Days in ``n`` hours (rounded up), days, weeks, months (30.44 days) or years (365.25 days) —
    ``unit`` H, D, W, M or Y of a TIMEX3 duration; ``n`` counts at most CALENDAR_DAYS (longer than any
    calendar, and too long for 30.44 × n as a float)."""
    n = min(n, CALENDAR_DAYS)
    if unit == "H":
        return -(-n // 24)
    return {"D": n, "W": 7 * n, "M": round(30.44 * n), "Y": round(365.25 * n)}[unit]

"""A meeting to come, told with its host: the host's undertaking to hold it.

"An inter-state summit scheduled for the end of July at the White House, at the invitation of President
Donald Trump", "we look forward to hosting a summit of the heads of state", "talks scheduled for next week,
hosted by Qatar": the event rules read talks (CONSULT), often as held, and no promise, since no verb of
promising governs them. The coding guide codes a future meeting as an undertaking (AGREE ``future``), and
a hosted meeting's host as the one who holds it: so a CONSULT told as to come (``to_come``: a scheduling
participle on its noun or over it, "look forward to" over the hosting verb, or a hosting verb with status
``future``) whose host the sentence names (``hosts``: the hosting verb's own actors, the agent of "hosted
by", the inviter of "at the invitation of") is a commitment of that host to hold it:

- action CONSULT, mode ``visit``: what the host undertakes is to receive the guests (PLOVER's visit, the
  host its recipient), whatever the talks among the guests are coded as events; a meeting is a CONSULT,
  or an AGREE ``future`` whose own act is CONSULT (the coding guide's future meeting: "Qatar will host
  talks", the host its recipient);
- obligors the host's bindable entities; beneficiaries the meeting's other bindable participants;
- made on the article's day; due the day the scheduling phrase names, when after the article's, else the
  meeting's own date when it lies ahead.

A meeting negated, conditional or asked about (``promise.refusal``), past, or with no host named gives
nothing: "talks are set to continue" names no one who undertook them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..timespan import interval
from ..types import Commitment, Event
from .events import promise
from .events.dating import is_later

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..contract import Annotation

SCHEDULING = frozenset({"schedule", "plan", "set", "slate", "expect"})
HOSTING = "host"
INVITATION = "invitation"
STILL_OPEN = ("occurred", "future")


def hosted_meetings(ann: Annotation, published: str | None) -> list[Commitment]:
    """The hosts' undertakings to hold the meetings to come that the document tells (module docstring)."""
    if ann.doc is None:
        return []
    entities = {e.id: e for e in ann.result.entities}
    own: dict[str, dict[str, str]] = ann.notes.get("events", {}).get("action", {})
    out: list[Commitment] = []
    for event in ann.result.events:
        meeting = event.type == "CONSULT" or (event.type == "AGREE" and event.status == "future"
                                              and own.get(event.id, {}).get("type") == "CONSULT")
        if not meeting or event.status not in STILL_OPEN or promise.refusal(ann.doc, event, True):
            continue
        token = promise.trigger_token(ann.doc, event)
        cue = to_come(token, event) if token is not None else None
        if token is None or cue is None:
            continue
        hosts, how = hosts_of(ann, token, event)
        if not hosts:
            continue
        due = _due(ann, cue, token) or (event.date if _ahead(event.date, ann) else None)
        if due is None and event.date and not _ahead(event.date, ann):
            continue  # told with a date already past: held, not to come
        guests = [g for g in promise.bindable(event.actor + event.recipient, entities) if g not in hosts]
        out.append(Commitment(
            id="", event=event.id, obligor=hosts, beneficiary=guests,
            action={"type": "CONSULT", "mode": "visit"}, made=published, due=due,
            status="open", why=f"a meeting to come ('{cue.text}'), held by its host: {how}"))
    return out


def to_come(token: Token, event: Event) -> Token | None:
    """The word that tells a meeting as to come: the trigger of a future meeting (AGREE ``future``); a
    scheduling participle on its noun ("a summit scheduled for July") or over it ("talks are scheduled for
    next week"); "look forward" over its hosting verb ("we look forward to hosting a summit"); a hosting
    verb the events component reads as future ("Qatar will host the talks")."""
    for child in token.children:
        if child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() in SCHEDULING:
            return child
    head = token.head
    if token.dep_ == "nsubjpass" and head.i != token.i and head.lemma_.lower() in SCHEDULING:
        return head
    if event.type == "AGREE":
        return token
    if token.lemma_.lower() != HOSTING:
        return None
    word = token
    for _ in range(3):
        if any(c.lower_ == "forward" for c in word.children) and word.lemma_.lower() == "look":
            return word
        if word.head.i == word.i or word.dep_ not in ("advcl", "xcomp", "pcomp", "pobj", "prep"):
            break
        word = word.head
    return token if event.status == "future" else None


def hosts_of(ann: Annotation, token: Token, event: Event) -> tuple[list[str], str]:
    """The bindable entities that host the meeting: the actors of a hosting verb that is the trigger, the
    agent of a "hosted by" participle in the sentence, the inviter of "at the invitation of"; with how
    they were found."""
    entities = {e.id: e for e in ann.result.entities}
    if token.lemma_.lower() == HOSTING and token.pos_ == "VERB":
        tokens, subject = promise.party_tokens(ann.doc, event)
        if subject is not None and subject.pos_ == "PRON":  # "we look forward to hosting": resolved as actor
            return promise.bindable(event.actor, entities), f"the actors of '{token.text}'"
        ids = [m.entity for m in ann.result.mentions if m.entity
               and any(t.idx <= m.start < t.idx + len(t) for t in tokens)]
        sides = [a for a in event.actor + event.recipient if a.entity in ids]
        return promise.bindable(sides, entities), f"named by the subject of '{token.text}'"
    for word in token.sent:
        phrase: Token | None = None
        if word.lemma_.lower() == HOSTING and word.tag_ == "VBN":
            phrase = next((c for c in word.children if c.dep_ == "agent"), None)
        elif word.lemma_.lower() == INVITATION:
            phrase = next((c for c in word.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if phrase is None:
            continue
        found = promise.named_by(phrase, ann.result.mentions, entities)
        if found:
            return found, f"named by '{word.text} {' '.join(t.text for t in phrase.subtree)}'"
    return [], ""


def _due(ann: Annotation, cue: Token, token: Token) -> str | None:
    """The date the scheduling phrase (or the meeting's own phrase) names, when it lies after the article."""
    words = list(cue.subtree) + ([] if cue.i == token.i else list(token.subtree))
    lo = min(t.idx for t in words)
    hi = max(t.idx + len(t) for t in words)
    for timex in ann.result.timexes:
        if lo <= timex.start < hi and timex.type == "DATE" and interval(timex.value) is not None \
                and _ahead(timex.value, ann):
            return timex.value
    return None


def _ahead(value: str | None, ann: Annotation) -> bool:
    """Whether a date lies wholly after the article's day (a week "2024-W48" too, by its first day)."""
    if is_later(value, ann.anchor):
        return True
    span = interval(value) if value and ann.anchor is not None else None
    return span is not None and ann.anchor is not None and span.start > ann.anchor

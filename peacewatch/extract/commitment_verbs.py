"""Announced acts of carrying out a deal, told by verbs the event rules do not type.

"Joint mediators Qatar, the US and Egypt will monitor the ceasefire deal through a body based in
Cairo", "the names of the other hostages will be relayed to Israel", "the numbers would be finalised
during the initial 42 days": the terms of a deal are often told as future clauses whose verb is no
event trigger (or one whose frame did not fit), so no promise was read. A verb of
``implementing_verbs.tsv`` announced (``will``, ``would``, ``shall`` or "is to" governs it, or an
agentless passive hangs from "due / set / scheduled to": "the hostages are due to be handed over on
Sunday"), not negated nor conditional, that no event of the document has as its trigger, in a document that
reports an agreement reached, is one promised act:

- its obligors are the bindable parties its subject names (the agent after "by" in the passive);
  a passive with no agent ("the names will be relayed") binds the parties of the agreement the
  document reports, when they are two or more; a subject that names no party ("the body will
  monitor"), or an agreement of one party left (who announced it), binds no one: it abstains;
- it was made on the day of the newest deal the article reports (an article restates the terms of
  its news), else on publication; due on a date after "by", "until", "within" in its sentence, or
  for an owed passive on the day its clause names after the deal's ("on Sunday").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..tables import Column, optional, read_table
from ..timespan import day, interval
from ..types import Commitment
from .commitment_acts import agreement_event, beneficiaries, deadline_in, latest_agreement_day
from .events import promise
from .events.dating import is_later

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..contract import Annotation

MODALS = frozenset({"will", "would", "shall", "'ll"})
CONDITIONS = frozenset({"if", "unless", "whether"})
OBJECT_DEPS = ("dobj", "nsubjpass", "prt", "pobj")


@dataclass(frozen=True)
class VerbRow:
    lemma: str
    objects: re.Pattern[str] | None
    type: str
    mode: str | None
    where: str


@lru_cache(maxsize=1)
def verb_rows() -> dict[str, tuple[VerbRow, ...]]:
    rows = read_table("commitments", "implementing_verbs.tsv",
                      (Column("lemma"), Column("object"), Column("type"), optional("mode")))
    out: dict[str, list[VerbRow]] = {}
    for r in rows:
        objects = None if r["object"] == "-" else re.compile(rf"^(?:{r['object']})$")
        out.setdefault(r["lemma"], []).append(VerbRow(r["lemma"], objects, r["type"], r["mode"] or None, r.where))
    return {lemma: tuple(found) for lemma, found in out.items()}


def announced(token: Token) -> bool:
    """Whether a verb is told as to come: a modal ("will monitor", "would be finalised") or "is to"
    ("X is to release") governs it, or the verb it is coordinated with, with no negation and no
    condition on either."""
    children = list(token.children)
    if any(c.dep_ == "neg" or _conditional(c) for c in children) or promise.none_acted_on(token):
        return False
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in children):
        return True
    head = token.head
    if token.dep_ == "conj" and head.i != token.i and head.pos_ in ("VERB", "AUX"):
        return announced(head)  # "will stay in Cairo and monitor": the modal of the first verb
    if (governor := promise.owed_passive(token)) is not None:
        # "are to be freed", "are due / set / scheduled to be handed over": owed, unless that is denied
        return not any(c.dep_ == "neg" or _conditional(c) for w in (governor, governor.head) for c in w.children)
    return token.dep_ == "xcomp" and head.i != token.i and head.lemma_ == "be" \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children) \
        and not any(c.dep_ == "neg" for c in head.children)


def _conditional(child: Token) -> bool:
    """Whether a dependent makes its verb conditional: "if", "unless", "whether" on it or on a clause
    under it ("if the talks go well, X would monitor")."""
    if child.dep_ == "mark":
        return child.lower_ in CONDITIONS
    return child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in CONDITIONS for g in child.children)


def row_for(token: Token) -> VerbRow | None:
    """The row of an implementing verb: the first of its lemma whose object words fit."""
    rows = verb_rows().get(token.lemma_.lower(), ())
    held = [c for c in token.children if c.dep_ in OBJECT_DEPS] + promise.patients(token)
    objects = [w.lemma_.lower() for c in held for w in _object_words(c)]
    for row in rows:
        if row.objects is None or any(row.objects.match(w) for w in objects):
            return row
    return None


def _object_words(head: Token) -> list[Token]:
    """The words of an object phrase that say what is acted on: the phrase without what an "of" phrase of
    a noun tells ("a list of the names of prisoners" is a list, not prisoners), but through the "of" of a
    number, quantifier or pronoun ("50 of the hostages", "some of the prisoners")."""
    out = [head]
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of" and head.pos_ in ("NOUN", "PROPN"):
            continue
        out.extend(_object_words(child))
    return out


def promised_verb(trigger: Token) -> VerbRow | None:
    """The implementing act a bare pledge names by a verb: its own ("will allow aid trucks into Gaza",
    typed a bare AGREE by the event rules) or the one it controls ("pledged to monitor the truce",
    "agreed to share the lists"), when that verb is not negated."""
    own = row_for(trigger) if trigger.pos_ == "VERB" else None
    if own is not None:
        return own
    for child in trigger.children:
        if child.dep_ == "xcomp" and child.pos_ == "VERB" and not any(c.dep_ == "neg" for c in child.children):
            return row_for(child)
    return None


def verb_acts(ann: Annotation, deal: str, parties: list[str], published: str | None) -> list[Commitment]:
    """The announced implementing acts of a document (module docstring); ``deal`` the day of the
    agreement it reports ("" undated), ``parties`` that agreement's parties."""
    anchor = agreement_event(ann)
    if ann.doc is None or anchor is None:
        return []
    triggers = {e.trigger_span[0] for e in ann.result.events}
    made = latest_agreement_day(ann) or deal or published
    out = []
    for token in ann.doc:
        if token.pos_ != "VERB" or token.idx in triggers or not announced(token):
            continue
        row = row_for(token)
        if row is None:
            continue
        obligor, note = _obligors(ann, token, parties)
        if row.mode == "release" and obligor == parties and len(parties) > 1:
            entities = {e.id: e for e in ann.result.entities}
            obligor = promise.released_by(ann.doc, ann.result.mentions, entities, token, parties)
        if not obligor:
            continue
        found = deadline_in(ann, token.sent.start_char, token.sent.end_char, token.idx) or _stated_day(ann, token, made)
        due = found[0] if found is not None else None
        why = (f"{row.type}/{row.mode or '-'} announced by '{token.text}' ({row.where}) in a document reporting "
               f"an agreement; obligors: {note}" + (f"; due: {found[1]}" if found else ""))
        out.append(Commitment(id="", event=anchor.id, obligor=obligor, beneficiary=beneficiaries(obligor, parties),
                              action={"type": row.type, "mode": row.mode}, made=made, due=due, status="open",
                              why=why))
    return out


def _stated_day(ann: Annotation, token: Token, made: str | None) -> tuple[str, str] | None:
    """The day an owed passive names for its act ("are due to be handed over on Sunday"), when it is a
    day after the deal's: the day the term falls due."""
    if promise.owed_passive(token) is None:
        return None
    lo = min(t.idx for t in token.subtree)
    hi = max(t.idx + len(t) for t in token.subtree)
    for timex in ann.result.timexes:
        if lo <= timex.start < hi and timex.type == "DATE" and interval(timex.value) is not None \
                and is_later(timex.value, day(made)):
            return timex.value, f"'{timex.text}', the day the owed act names"
    return None


def _obligors(ann: Annotation, token: Token, parties: list[str]) -> tuple[list[str], str]:
    """The bindable parties the verb's subject (or passive agent) names; a passive with neither
    binds the agreement's parties; an active subject naming no party binds no one."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)
    agent = next((c for c in token.children if c.dep_ == "agent"), None)
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    phrase = agent if passive else subject
    if phrase is None and not passive:
        phrase = _shared_subject(token)
    if phrase is None:
        # the agreement's parties, when it has two sides: one party left is who announced it, not who acts
        return (list(parties), "the parties of the agreement the document reports, the passive naming no "
                               "agent") if passive and len(parties) > 1 else ([], "")
    entities = {e.id: e for e in ann.result.entities}
    bound = promise.named_by(phrase, ann.result.mentions, entities)
    return bound, f"named by '{' '.join(t.text for t in phrase.subtree)[:60]}'"


def _shared_subject(token: Token) -> Token | None:
    """The subject of the verb a coordinated or controlled verb hangs from ("Qatar will host and
    monitor", "X agreed to monitor")."""
    word = token
    for _ in range(3):
        if word.dep_ not in ("conj", "xcomp") or word.head.i == word.i:
            return None
        word = word.head
        found = next((c for c in word.children if c.dep_ == "nsubj"), None)
        if found is not None:
            return found
    return None

"""Commitments within one document: promises and agreed obligations, from the events.

Two sources, after PLOVER's reading of peace processes:

- an AGREE or CONCEDE event with status ``future`` (a party undertook to do something): the
  obligors are its actors, the beneficiaries its recipients;
- an AGREE event (``occurred`` or ``future``) whose nested action the events component recorded
  ("agreed on a prisoner swap" → RETREAT/release): one commitment per action. An agreement among
  several parties with no recipient binds each of them towards the others.

``made`` is the date of the event that made the commitment (else the publication date), ``due`` the
date the promised action is set for when the text gives one. The action is the nested one, else
the trigger's own (an announced withdrawal, typed CONCEDE, commits to RETREAT/withdraw);
``status`` is ``open`` in one document.

Before that, the frame must be a promise and the parties named (``events/promise.py``): no
question, proposal, negated or conditional frame, aim, or future noun without a promissory verb;
the obligors are the actors the subject (or the agreement's own words) names and that can be
bound — a state, person, organization, armed group, IGO or coded group, never a place, a reporter
or a photo credit. A CONCEDE binds only when announced (``future``); its purpose clause is not what
was conceded. Nested actions in ``nonaction`` (a "prisoners of war" topic, a broker) are dropped,
and the same obligation told twice in one document is kept once. A promise that binds but names no
party ("the ceasefire will enter into force on August 3") binds the parties of the agreement the
document reports, when it reports one between two or more parties; so does an act announced in the
passive with no doer in a sentence naming the deal or its part ("33 Israeli hostages will be released in
the first phase", "prisoners held by Israel will be freed under the deal"), whatever it names as freed or
holding (a release binds the holding side), and it was made on the deal's day (``_owed_term``).

An act told as agreed by a participle on its own noun ("five months of truce agreed between the
parties") is a promise of that act by the parties the participle names, made no later than the act began
(``commitment_agreed.py``, ``_agreed_participle``). A meeting to come told with its host ("a summit scheduled
for July at the invitation of X", "X will host the talks") is the host's undertaking to hold it
(``commitment_meetings.py``); an agreement's act named only as the topic of talks it undertakes ("agreed to
hold talks on a prisoner exchange") gives way to the talks (``_talked_of``).

Agreed provisions told as acts ("Main provisions include the exchange of prisoners") are
commitments too (``provisions``), and so are those told as nouns (``commitment_acts.py``) and as
announced clauses of verbs no event rule types ("the mediators will monitor the ceasefire",
``commitment_verbs.py``). A truce's term, when its sentence gives one ("until January 2", "a
four-day pause", "for six months"), is kept in the action as ``until`` (``commitment_terms.py``): its
due date is the day it takes effect.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..contract import Annotation
from ..timespan import interval
from ..types import Commitment, Event
from .commitment_acts import deadline_in, latest_agreement_day, phrases, provision_acts, reached_agreement
from .commitment_agreed import agreed_act, agreed_made, agreed_parties
from .commitment_meetings import hosted_meetings
from .commitment_terms import TERM_MODES, truce_term
from .commitment_verbs import promised_verb, verb_acts
from .events import promise
from .events.dating import is_later
from .events.status import scheduled_act
from .events.tables import words
from .events.triggers import topic_host

if TYPE_CHECKING:
    from ..config import Config

PROMISE_TYPES = ("AGREE", "CONCEDE")
# Acts an agreement provides for, and the words that, before such an act in its sentence, tell it
# as a provision rather than as done.
PROVISION_TYPES = ("RETREAT", "COOPERATE", "CONSULT", "AID", "SANCTION")
CUE_REACH = 200
# Dependencies that lead from a promise verb down to what it undertakes (``_undertaken``).
UNDERTAKEN_DEPS = ("xcomp", "ccomp", "dobj", "pobj", "prep", "advcl", "conj")
HEADLINE_END = re.compile(r"\n| / ")
DENIALS = frozenset({"nothing", "no", "never", "failed", "fail", "fails", "without", "if", "whether", "unless"})
PROVISION_CUE = re.compile(
    r"\b(provisions?|under the terms|terms of the (?:deal|agreement|declaration|accord|truce)|commits?|committing"
    r"|committed to"
    r"|stipulat\w*|provides? for|providing for|deadline for|were to|are to)\b", re.IGNORECASE)
BINDING_STATUSES = ("occurred", "future", "historical")
# Civilians (hostages, prisoners, "people") are what a deal is about, never a party it binds.
CIVILIANS = "CVL"


class CommitmentsComponent:
    name = "commitments"
    requires = ("events",)
    provides = ("commitments",)

    def __call__(self, ann: Annotation) -> Annotation:
        notes = ann.notes.get("events", {})
        nested: dict[str, list[dict[str, Any]]] = notes.get("inner", {})
        own: dict[str, dict[str, Any]] = notes.get("action", {})
        published = ann.anchor.isoformat() if ann.anchor else None
        seen: set[tuple[Any, ...]] = set()
        agreed: list[str] | None = None
        terms: list[str] | None = None  # the parties of a deal whose terms are told without their doer
        for event in ann.result.events:
            inner = _talked_of(ann, event, nested.get(event.id, []))
            actions = _named_act(ann, event, _actions(event, inner, own.get(event.id)))
            if not actions and (told := _agreed_participle(ann, event)) is not None:
                _keep(ann, seen, told)
                continue
            bound = _bound(ann, event, bool(nested.get(event.id))) if actions else None
            owed = bound is None and bool(actions) and _owed_term(ann, event, bool(nested.get(event.id)))
            if owed:
                terms = _agreement_parties(ann, agreed_acts=True) if terms is None else terms
                bound = _released(ann, event, actions, _doers(event, terms))
            elif bound is None and actions and _unnamed(ann, event, bool(nested.get(event.id))):
                agreed = _agreement_parties(ann) if agreed is None else agreed
                bound = _doers(event, agreed)
            if bound is None:
                continue
            obligor, note = bound
            for action, why in _counted(event, obligor, actions):
                made = _commitment("", event, obligor, action, why + note, published, ann)
                _keep(ann, seen, _dated_by_deal(ann, made, event) if owed else made)
        for made in provisions(ann, published) + hosted_meetings(ann, published):
            _keep(ann, seen, made)
        deal = _agreement_day(ann) if ann.doc is not None else None
        if deal is not None:
            parties = _agreement_parties(ann)
            for made in provision_acts(ann, deal, parties, published) + verb_acts(ann, deal, parties, published):
                _keep(ann, seen, made)
        return ann


def _talked_of(ann: Annotation, event: Event, nested: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An AGREE's acts with those it names only as the topic of talks it undertakes replaced by the talks
    ("agreed to hold talks on a prisoner exchange", "agreed to send a delegation to negotiate the release of
    the hostages": CONSULT, as the coding guide codes talks; the exchange is what they are about, not an act
    promised). The talks word is one of ``talks_host`` (``words.tsv``) over the act (``triggers.topic_host``),
    reached from the promise through its complements only: talks told as past ("agreed after talks on a
    truce") are no act of the promise."""
    if ann.doc is None or event.type != "AGREE" or not nested:
        return nested
    agree = promise.trigger_token(ann.doc, event)
    if agree is None:
        return nested
    out: list[dict[str, Any]] = []
    talks: dict[str, Any] | None = None
    for act in nested:
        start, end = act["trigger_span"]
        span = ann.doc.char_span(start, end, alignment_mode="expand")
        host = topic_host(span.root) if span is not None and len(span) else None
        if host is None or host.lemma_.lower() not in words("talks_host") or not _undertaken(host, agree):
            out.append(act)
            continue
        if talks is None:
            talks = {"type": "CONSULT", "mode": None, "trigger_span": [host.idx, host.idx + len(host)],
                     "why": f"the talks undertaken, '{host.text}' (topic: {act['type']}/{act['mode'] or '-'})"}
    if talks is not None and not any(a["type"] == "CONSULT" for a in out):
        out.append(talks)
    return out


def _undertaken(word: Any, agree: Any) -> bool:
    """Whether a word is in what a promise verb undertakes: reached from it through complements, objects,
    purpose clauses and "to" phrases only ("agreed to hold talks", "agreed to talks", "agreed to send a
    delegation to negotiate"), not through another phrase ("agreed after talks")."""
    for _ in range(6):
        if word.head.i == word.i or word.dep_ not in UNDERTAKEN_DEPS or (
                word.dep_ == "prep" and word.lower_ != "to"):
            return False
        word = word.head
        if word.i == agree.i:
            return True
    return False


def _named_act(ann: Annotation, event: Event, actions: list[tuple[dict[str, Any], str]]
               ) -> list[tuple[dict[str, Any], str]]:
    """A bare promise (AGREE with no act the events component read: "the ELN has pledged to provide
    information about the hostages") promises the act its sentence names after the trigger, by
    ``provision_acts.tsv``, when it names one."""
    if ann.doc is None or [a["type"] for a, _ in actions] != ["AGREE"] or event.mode:
        return actions
    token = promise.trigger_token(ann.doc, event)
    if token is None:
        return actions
    named = phrases(ann.document.text[event.trigger_span[1]:token.sent.end_char].lower())
    if not named:
        verb = promised_verb(token)
        return actions if verb is None else [
            ({"type": verb.type, "mode": verb.mode}, f"{actions[0][1]}; the act its verb names ({verb.where})")]
    row = named[0][1]
    return [({"type": row.type, "mode": row.mode}, f"{actions[0][1]}; the act named after it: {row.note}")]


def _agreed_participle(ann: Annotation, event: Event) -> Commitment | None:
    """The promise of an act told as agreed by a participle on its noun ("the truce agreed between the
    parties", ``commitment_agreed``): bound on the parties the participle names, made when it was agreed
    and no later than the act began; None when the event tells no such act or binds no one (a negated or
    conditional frame, no bindable party)."""
    act = agreed_act(ann, event, PROVISION_TYPES)
    if act is None or ann.doc is None or promise.refusal(ann.doc, event, True) is not None:
        return None
    parties = agreed_parties(ann, event)
    if not parties:
        return None
    names = {e.id: e.name for e in ann.result.entities}
    why = (f"AGREE {event.status} told as a participle on the act it agrees: {act.type}/{act.mode or '-'} "
           f"('{ann.document.text[act.trigger_span[0]:act.trigger_span[1]]}', {act.id}); obligors: "
           + ", ".join(names.get(p, p) for p in parties))
    made = _commitment("", event, parties, {"type": act.type, "mode": act.mode}, why,
                       ann.anchor.isoformat() if ann.anchor else None, ann)
    day = agreed_made(event, act)
    if day and day != made.made and not is_later(day, ann.anchor):
        made = replace(made, made=day, why=f"{made.why}; made no later than the act it agrees began ({day})")
    return made


def _doers(event: Event, agreed: list[str]) -> tuple[list[str], str] | None:
    """The obligors of a promise that names none ("the first hostages will be released on Sunday"):
    the parties of the agreement the document reports, narrowed to those the events component
    carried over as the act's doers (the sides last named) when some of them are such parties: the
    side holding the hostages, not every signatory."""
    if not agreed:
        return None
    carried = [a.entity for a in event.actor if a.entity in agreed]
    if carried:
        return carried, (f"; obligors: the parties of the agreement the document reports that the act's "
                         f"sentence carries over as its doers ({', '.join(carried)}), the promise naming none")
    return agreed, (f"; obligors: the parties of the agreement the document reports ({', '.join(agreed)}), "
                    "the promise naming none")


def _owed_term(ann: Annotation, event: Event, nested: bool) -> bool:
    """An act announced in the passive with no doer, in a sentence that names the deal or its part ("33
    hostages will be released in the first phase", "prisoners will be freed under the agreement":
    ``provision_text`` of ``words.tsv``): in an article that reports a deal, a term of that deal, whatever
    the sentence names as held, freed or holding (``promise.agentless``); not a question, proposal, refusal
    or condition (``promise.refusal``)."""
    if ann.doc is None or event.status != "future":
        return False
    token = promise.trigger_token(ann.doc, event)
    if token is None or not promise.agentless(token) \
            or not any(t.lemma_.lower() in words("provision_text") for t in token.sent):
        return False
    if token.dep_ == "xcomp" and promise.owed_passive(token) is None:
        return False  # "are expected / hoped to be released": a forecast or a wish, no term
    return promise.refusal(ann.doc, event, nested) is None


def _released(ann: Annotation, event: Event, actions: list[tuple[dict[str, Any], str]],
              bound: tuple[list[str], str] | None) -> tuple[list[str], str] | None:
    """A release among a deal's terms binds the side holding the people it frees, as its sentence tells
    it (``promise.released_by``: "prisoners held by Israel", "Israeli hostages")."""
    token = promise.trigger_token(ann.doc, event) if ann.doc is not None else None
    if bound is None or token is None or [a["mode"] for a, _ in actions] != ["release"]:
        return bound
    entities = {e.id: e for e in ann.result.entities}
    held = promise.released_by(ann.doc, ann.result.mentions, entities, token, bound[0])
    if held == bound[0]:
        return bound
    return held, bound[1] + f"; the side holding those it frees ({', '.join(held)})"


def _dated_by_deal(ann: Annotation, made: Commitment, event: Event) -> Commitment:
    """A deal's term told without its doer was made when the deal was (the newest dated agreement the
    article reports), not on the day its sentence names, which is the day the act is due ("are due to be
    handed over on Sunday"); unchanged when the deal has no day."""
    deal = latest_agreement_day(ann) or _agreement_day(ann) or _agreed_day(ann)
    if not deal or made.made == deal:
        return made
    due = made.due or (event.date if is_later(event.date, _day(deal)) else None)
    return replace(made, made=deal, due=due, why=f"{made.why}; made on the day of the deal it is a term of ({deal})")


def _agreed_day(ann: Annotation) -> str | None:
    """The newest day of an act agreed by a verb told as done (``promise.agreed_now``), not after
    publication: the day of a deal the document reports only so."""
    days = [e.date.split("T")[0] for e in ann.result.events if e.date and interval(e.date) is not None
            and not is_later(e.date, ann.anchor) and ann.doc is not None and promise.agreed_now(ann.doc, e)]
    return max(days) if days else None


def _counted(event: Event, obligor: list[str], actions: list[tuple[dict[str, Any], str]]
             ) -> list[tuple[dict[str, Any], str]]:
    """The promised count on the act, when the event states one and one party promises one act
    ("Hamas will release 33 hostages in the first stage"): reports of one promised act with
    different counts, or with and without one ("the first hostages will be released on Sunday"),
    are different promises across documents, and only its own count tells how much of it was
    carried out. The count of a joint promise is usually one side's share ("Baku would free 32 and
    Yerevan two"), so it binds neither."""
    q = event.quantity
    if len(actions) != 1 or len(obligor) != 1 or not q or not isinstance(q.get("value"), int | float) \
            or not q.get("unit"):
        return actions
    action, why = actions[0]
    value = q["value"]
    counted = {**action, "quantity": {"unit": q["unit"], "value": value}}
    return [(counted, f"{why}; promised count {value:g} {q['unit']}")]


def _keep(ann: Annotation, seen: set[tuple[Any, ...]], made: Commitment) -> None:
    """Add a commitment unless the document already has the same obligation."""
    key = (tuple(sorted(made.obligor)), tuple(sorted(made.beneficiary)),
           made.action["type"], made.action["mode"], made.made, made.due)
    if key not in seen:
        seen.add(key)
        made.id = f"c{len(ann.result.commitments) + 1}"
        ann.result.commitments.append(made)


def provisions(ann: Annotation, published: str | None) -> list[Commitment]:
    """Agreed provisions told as acts ("Main provisions include an immediate cessation of violence,
    the exchange of prisoners", "under the terms of the deal, the parties were to begin peace talks
    on August 8", "a deal that commits both sides to a permanent ceasefire"): an act of a type an
    agreement provides for (``PROVISION_TYPES``) whose sentence puts a provision cue before it, in
    a document that reports an agreement reached. Each binds its own bindable actors, else the
    parties of the agreement; it was made when the newest agreement the document reports was (an
    article recounting a process restates the terms of its news; else on publication) and is due
    on the date the act names, when that comes later."""
    if ann.doc is None:
        return []
    deal = _agreement_day(ann)
    if deal is None:
        return []
    entities = {e.id: e for e in ann.result.entities}
    parties: list[str] | None = None
    out = []
    for event in ann.result.events:
        if event.type not in PROVISION_TYPES or (event.status not in BINDING_STATUSES and not _owed(ann, event)):
            continue
        cue = _provision_cue(ann, event)
        if cue is None:
            continue
        obligor = promise.bindable(event.actor, entities)
        note = "its actors"
        if not obligor:
            parties = _agreement_parties(ann) if parties is None else parties
            obligor, note = parties, "the parties of the agreement the document reports"
        if not obligor:
            continue
        # an article recounting a process restates the terms of its news, the newest deal
        made = latest_agreement_day(ann) or deal or published
        due = event.date if is_later(event.date, _day(made)) else None
        why = f"{event.type} {event.status} told as an agreed provision ('{cue}'); obligors: {note}"
        why += _inferred(ann, made, published)
        out.append(_provision(event, obligor, made, due, why, ann))
    return out


def _provision(event: Event, obligor: list[str], made: str | None, due: str | None, why: str,
               ann: Annotation) -> Commitment:
    entities = {e.id: e for e in ann.result.entities}
    beneficiary = [b for b in promise.bindable(event.recipient, entities) if b not in obligor]
    if not beneficiary and len(obligor) > 1:
        beneficiary, why = list(obligor), why + "; mutual: no recipient, several parties"
    return Commitment(id="", event=event.id, obligor=list(obligor), beneficiary=beneficiary,
                      action={"type": event.type, "mode": event.mode}, made=made, due=due, status="open", why=why)


def _owed(ann: Annotation, event: Event) -> bool:
    """A negated act told as owed ("under the deal, the parties were to begin talks on August 8, but the
    deadline expired"): the deal provided for it all the same, and the ledger judges it overdue or
    broken (``status.scheduled_act``)."""
    token = promise.trigger_token(ann.doc, event) if ann.doc is not None else None
    return event.status == "negated" and token is not None and scheduled_act(token) is not None


def _provision_cue(ann: Annotation, event: Event) -> str | None:
    """The provision cue before the event's trigger in its sentence (within ``CUE_REACH``
    characters, and not across a line break or a headline's " / ": a list of provisions, not a
    headline run into the next sentence by the parser), or None; none
    when the sentence denies or doubts it before the act ("nothing in the provisions", "failed to
    agree on the terms of")."""
    token = promise.trigger_token(ann.doc, event)
    if token is None:
        return None
    start = max(token.sent.start_char, event.trigger_span[0] - CUE_REACH)
    region = HEADLINE_END.split(ann.document.text[start:event.trigger_span[0]])[-1]
    found = PROVISION_CUE.search(region)
    denied = any(t.dep_ == "neg" or t.lower_ in DENIALS for t in token.sent if t.idx < event.trigger_span[0])
    return found.group(0) if found is not None and not denied else None


def _agreement_day(ann: Annotation) -> str | None:
    """The day of the agreement a document reports (its earliest dated agreement or signing that
    took place, never after publication), "" when it reports one without a date, None when none."""
    found: list[str] = []
    for e in ann.result.events:
        if reached_agreement(e):
            span = interval(e.date)
            if span is not None and not is_later(e.date, ann.anchor):
                found.append(e.date.split("T")[0] if e.date else "")
            else:
                found.append("")
    dated = sorted(d for d in found if d)
    return dated[0] if dated else ("" if found else None)


def _day(value: str | None) -> dt.date | None:
    span = interval(value)
    return span.start if span is not None else None


def _bound(ann: Annotation, event: Event, nested: bool) -> tuple[list[str], str] | None:
    """The obligors of a promising event with a note on those left out, or None."""
    if ann.doc is None:  # hand-made events (tests): trust the arguments
        named = [a.entity for a in event.actor if a.entity]
        return (named, "") if named else None
    if promise.refusal(ann.doc, event, nested) is not None:
        return None
    entities = {e.id: e for e in ann.result.entities}
    tokens, subject = promise.party_tokens(ann.doc, event)
    obligor, left = promise.parties(event.actor, entities, ann.result.mentions, tokens, subject)
    if not obligor:
        return None
    return obligor, f"; obligors named by '{_phrase(tokens)}'" + (f" (left: {left})" if left else "")


def _unnamed(ann: Annotation, event: Event, nested: bool) -> bool:
    """A promise whose frame binds but names no party ("The ceasefire will enter into force on
    August 3", a provision restated after the deal): not a question, proposal or refusal, and no
    actor of the event's own."""
    if ann.doc is None or _own_actors(ann, event):
        return False
    return promise.refusal(ann.doc, event, nested) is None


def _own_actors(ann: Annotation, event: Event) -> bool:
    """Whether an actor of the event is named in its own sentence (an actor the events component
    carried over from the sides last named binds nobody by this sentence)."""
    ids = {a.entity for a in event.actor if a.entity}
    start, end = event.span
    return any(m.entity in ids and start <= m.start < end for m in ann.result.mentions)


def _agreement_parties(ann: Annotation, agreed_acts: bool = False) -> list[str]:
    """The parties of the agreement a document reports, for its provisions that name none: every
    bindable actor or recipient of its agreements and signings that took place, when they are two
    or more (an article on one deal restates its terms without repeating who is bound). Civilians
    read as its actors ("a hostage deal", "people react to the deal") count towards the two sides
    of an agreement but are bound by none of it: a deal is about them, not made by them. With
    ``agreed_acts``, also the parties of an act agreed by a verb told as done ("agreed to a truce",
    typed CONCEDE ``future``: ``promise.agreed_now``)."""
    entities = {e.id: e for e in ann.result.entities}
    found: list[str] = []
    for e in ann.result.events:
        if reached_agreement(e) or (agreed_acts and ann.doc is not None and promise.agreed_now(ann.doc, e)):
            found += [p for p in promise.bindable(e.actor + e.recipient, entities) if p not in found]
    return sorted(p for p in found if entities[p].sector != CIVILIANS) if len(found) >= 2 else []


def _phrase(tokens: list[Any]) -> str:
    ordered = sorted(tokens, key=lambda t: t.i)
    return " ".join(t.text for t in ordered[:8]) + (" …" if len(ordered) > 8 else "")


def _actions(event: Event, nested: list[dict[str, Any]],
             own: dict[str, Any] | None) -> list[tuple[dict[str, Any], str]]:
    """The actions an event commits its actors to, each with the reason."""
    if event.type not in PROMISE_TYPES or event.status not in BINDING_STATUSES:
        return []
    if nested and event.type == "AGREE":
        barred = words("nonaction")
        return [({"type": a["type"], "mode": a["mode"]},
                 f"{event.type} {event.status} about {a['type']}/{a['mode'] or '-'} ({a['why']})")
                for a in nested if a["type"].lower() not in barred
                and f"{a['type']}/{a['mode']}".lower() not in barred]
    if event.status == "future":
        # The trigger's own action: an announced withdrawal (CONCEDE) commits to RETREAT/withdraw.
        action = own or {"type": event.type, "mode": event.mode, "why": event.why}
        return [({"type": action["type"], "mode": action["mode"]},
                 f"{event.type} future: {action['type']}/{action['mode'] or '-'} ({action['why']})")]
    return []


def _commitment(cid: str, event: Event, obligor: list[str], action: dict[str, Any], why: str,
                published: str | None, ann: Annotation) -> Commitment:
    entities = {e.id: e for e in ann.result.entities}
    placed = promise.placed(ann.doc, ann.result.mentions, event) if ann.doc is not None else set()
    beneficiary = [b for b in (promise.bindable(event.recipient, entities) if entities
                               else [r.entity for r in event.recipient if r.entity])
                   if b not in obligor and b not in placed]
    if placed & {r.entity for r in event.recipient}:
        why += "; not beneficiaries, named only as a place: " + ", ".join(sorted(
            entities[p].name if p in entities else p for p in placed & {r.entity for r in event.recipient}))
    if not beneficiary and len(obligor) > 1:
        beneficiary = list(obligor)
        why += "; mutual: no recipient, several parties"
    ahead = is_later(event.date, ann.anchor)
    made = event.date if event.date and not ahead and not _stale(event, ann.anchor) else published
    due = event.date if ahead else None
    if (deadline := _deadline(ann, event)) is not None:
        due, cue = deadline
        why += f"; due: {cue}"
        if made == due:  # the deadline was the event's own date, not the day the promise was made
            made = published
    why += _inferred(ann, made, published)
    if action.get("mode") in TERM_MODES and (term := truce_term(ann, event, due, deadline)) is not None:
        action = {**action, "until": term[0]}
        why += f"; lasts until {term[0]}: {term[1]}"
    return Commitment(id=cid, event=event.id, obligor=obligor, beneficiary=beneficiary,
                      action=action, made=made, due=due, status="open", why=why)


def _inferred(ann: Annotation, made: str | None, published: str | None) -> str:
    """A note for the ``why`` when the promise was made on the document's day and that day was
    inferred from its text (the document has no publication date; ``extract/dating.py``)."""
    dated = ann.result.dated
    if dated is None or made is None or made != published:
        return ""
    return f"; made on the document's day, inferred from its {dated.how} ('{dated.text}')"


def _stale(event: Event, anchor: dt.date | None) -> bool:
    """Whether a promise still announced (``future``) carries a date over a year before publication:
    the coding guide calls such an event historical, so the date belongs to another phrase of the
    sentence ("33 hostages seized in the October 7, 2023 attack will be released"), not to the day
    the promise was made."""
    span = interval(event.date)
    return event.status == "future" and span is not None and anchor is not None \
        and (anchor - span.end).days > 365


def _deadline(ann: Annotation, event: Event) -> tuple[str, str] | None:
    """The date a promise must be kept by, when its sentence sets one after its trigger
    (``commitment_acts.deadline_in``)."""
    return deadline_in(ann, event.span[0], event.span[1], event.trigger_span[0])


def make_commitments(config: Config) -> CommitmentsComponent:
    return CommitmentsComponent()

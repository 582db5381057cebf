"""The ``events`` component: PLOVER events from the dependency parse, explained.

For each sentence: find the triggers and how they nest (``triggers``), read type, mode and status
from the trigger table and the cues around it (``status``), attach actors and recipients
(``participants``), quantity and place (``arguments``) and the governing date (``dating``). Every
event's ``why`` lists the table rows and cues that decided it. What an agreement or promise is
*about* (the inner action) is left in ``ann.notes["events"]`` for the commitments component, with
the ids of the events an agreed text sets out (``provision``: "the deal provides for the release of
X").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...contract import LINK_LINES, Annotation
from ...types import Argument, Event
from . import arguments as args
from . import places, quantity
from .aspect import partial
from .counting import anchored_timex, counted_back_timex
from .dating import (
    earlier_one,
    event_timex,
    in_clause,
    inherited_timex,
    is_historical,
    is_later,
)
from .exchange import other_half
from .implicit import frame_lemmas, implicit_recipients
from .learned import (
    TypeModel,
    decide,
    load_model,
    main_event,
    model_found,
    other_types,
    retypable,
    sentence_reading,
    unknown_retreat,
)
from .mediators import mediator_receives, mediators, named_by_mediator
from .participants import participants, placed_actors
from .provisions import further_retreats
from .status import Reading, future_type, read
from .tables import cameo, contexts, score
from .transformer import MiniLMTypes, Scored, load_minilm
from .triggers import Found, find, is_anaphoric, model_view
from .wrappers import wrapper_role

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ...config import Config


ONE_SIDED = ("release", "withdraw")  # retreats one side carries out (``_told_again``)
SWAPS = ("exchange", "swap")  # a bare exchange is both sides' (coding guide, "Exchanges")


class EventsComponent:
    name = "events"
    requires = ("parse", "entities", "timexes")
    provides = ("events",)

    def __init__(self, model: TypeModel | MiniLMTypes | None = None) -> None:
        self.model = model  # None: the rules alone (``peacewatch eval events`` compares both)

    def __call__(self, ann: Annotation) -> Annotation:
        index = args.Index.build(ann.doc, ann.result)
        third = mediators(ann.doc, index)
        inner: dict[str, list[dict[str, Any]]] = {}
        own: dict[str, dict[str, Any]] = {}
        provisions: list[str] = []
        sents = list(ann.doc.sents)
        founds = [find(sent) for sent in sents]
        # the model reads each sentence as the table's own rows find it: a noun made from a verb
        # ("the signing of") is told apart, and stands for an act only where the model added none
        plain = [model_view(found) for found in founds]
        links = ann.doc.user_data.get(LINK_LINES, ())
        for sent, found_all, derived, scored in zip(sents, plain, founds, self._scores(sents, plain), strict=True):
            # a link line is another story's headline: it takes no actor from the story, nor leaves one
            linked = any(a <= sent.start_char < b for a, b in links)
            if linked:
                story = index.last_actors, index.last_group
                index.last_actors, index.last_group = [], []
            built: list[tuple[Found, Event]] = []
            found_list, note = self._combined(found_all, scored)
            if found_all or not found_list:  # (the model added an event where the rules had none)
                found_list = found_list + [f for f in derived if f.rule.derived]
            for found in found_list:
                event = build_event(ann, index, found, "")
                if note and found.token.i == note[0]:
                    event.why = f"{event.why}; {note[1]}"
                if found.rule.weak and not found.inners and not event.actor:
                    continue  # "the agreement is an opportunity": a topic, not an event
                as_named = named_by_mediator(event, found, index, third)  # "the Saudi and US-sponsored talks"
                if not event.actor and _inherit_sides(event, index, third) and _told_again(event, found):
                    continue  # "the release went ahead": a one-sided act given both sides, the one told before
                if as_named is not None and not event.actor:
                    event.actor, event.recipient, event.mode, event.why = as_named  # no side named before
                built.append((found, event))
                if (half := other_half(index, event, found.token, found.rule.mode)) is not None:
                    built.append((found, half))  # "freed 30 soldiers in exchange for 50 prisoners"
                built.extend((found, more) for more in further_retreats(found, event))
                if event.type == "ASSAULT" and args.pitted_sides(index, found.token):
                    continue  # a war's sides and their allies are not who "the two sides" of later text are
                if acting := [a for a in event.actor if a.entity and a.entity not in third]:
                    index.last_actors = acting  # a mediator's act leaves the sides told before it
                named = [a for a in _sides(event) if a.entity not in third]
                if len(named) > 1:
                    index.last_group = named
            for k, (found, event) in enumerate(built):
                if is_anaphoric(found) and any((e.type, e.mode) == (event.type, event.mode)
                                               for j, (_f, e) in enumerate(built) if j != k):
                    continue  # "… to seek support for the demand": the demand already told
                mediator_receives(event, found.token, index, third)  # "Kenya and Uganda held talks", Qatar mediating
                event.id = f"ev{len(ann.result.events) + 1}"
                ann.result.events.append(event)
                own[event.id] = _own_action(found, event)
                if event.type == "CONCEDE" and own[event.id]["type"] == "RETREAT":
                    # the act conceded (a release, a withdrawal): CONCEDE's own code has no mode to tell it,
                    # and the ledger keeps two concessions of different acts apart by it
                    event.cameo = cameo("RETREAT", own[event.id]["mode"]) or event.cameo
                if any(wrapper_role(w) == "provision" for w in found.wrappers):
                    provisions.append(event.id)  # set out by an agreed text, not pledged on the day told
                if found.inners:
                    inner[event.id] = [{"type": a.rule.type, "mode": a.rule.mode,
                                        "trigger_span": list(trigger_span(a.token)), "why": a.rule.why}
                                       for a in found.actions()]
            if linked:
                index.last_actors, index.last_group = story
        ann.notes["events"] = {"inner": inner, "action": own, "provision": provisions}
        return ann

    def _scores(self, sents: list[Span], founds: list[list[Found]]) -> list[tuple[Token | None, Scored] | None]:
        """The model's reading of each sentence (None: not read). The linear model reads every sentence
        (a few look-ups); MiniLM only those where its word can change something, batched."""
        if self.model is None:
            return [None] * len(sents)
        readings = [sentence_reading(sent, found, self.model.vectors)
                    for sent, found in zip(sents, founds, strict=True)]
        if isinstance(self.model, TypeModel):
            return [(anchor, Scored(*self.model.verdict(reading))) for anchor, reading in readings]
        wanted = [i for i, found in enumerate(founds) if may_change(found, readings[i][0])]
        scored = self.model.score([sents[i].text.strip() for i in wanted], [readings[i][1] for i in wanted])
        out: list[tuple[Token | None, Scored] | None] = [None] * len(sents)
        for i, one in zip(wanted, scored, strict=True):
            out[i] = (readings[i][0], one)
        return out

    def _combined(self, found: list[Found], scored: tuple[Token | None, Scored] | None
                  ) -> tuple[list[Found], tuple[int, str] | None]:
        """The rules' events of a sentence, retyped or added to where the model is sure (see
        ``learned``); and a note of the model's opinion for the main event the rules kept."""
        if scored is None or self.model is None:
            return found, None
        anchor, reading = scored
        verdict, probs = reading.verdict, reading.probs
        main = main_event(found)
        plain = main is not None and retypable(main)
        action = decide(verdict, probs, main.rule.type if main else None, plain, self.model.thresholds,
                        other_types(found, main))
        if action == "add" and anchor is not None and not unknown_retreat(anchor, verdict.label):
            return [model_found(anchor, verdict.label, verdict, "added (the rules found no event)", True)], None
        if action == "retype" and main is not None:
            new = model_found(main.token, verdict.label, verdict, f"retyped from {main.rule.why}", main.rule.weak)
            return [new if f.token.i == main.token.i else f for f in found], None
        if main is None:
            return found, None
        return found, (main.token.i, f"{verdict.describe()}; rules kept")


def may_change(found: list[Found], anchor: Token | None) -> bool:
    """Whether the model's word can change a sentence: an anchor where the rules found nothing (an
    event to add), or a main rule event it may retype."""
    main = main_event(found)
    return anchor is not None if main is None else retypable(main)


def _told_again(event: Event, found: Found) -> bool:
    """A release or withdrawal told as done with no party in its sentence, which took both sides last named
    together (``_inherit_sides``): one side's act (coding guide, "Exchanges": one release per direction)
    that neither side is told to do here is the one the article told before, or a topic, not a new act. A
    bare exchange is both sides' (it stays), and so is a ceasefire, whose report as in force tells the
    truce carried out."""
    return event.type == "RETREAT" and event.status == "occurred" and event.mode in ONE_SIDED \
        and found.token.lemma_.lower() not in SWAPS


def _inherit_sides(event: Event, index: args.Index, third: set[str]) -> bool:
    """An event the sentence names no actor for ("The talks resumed on Monday", "the truce
    collapsed", "fighting flared again") is the act of the parties the text last named together
    ("Serbia and Kosovo …"), else of the last named actor, as an analyst reading the article codes
    it (measured on the tuning processes of the document gold); its ``why`` says so. Entities the
    article names as mediator or host (``third``) are never inherited. True when the sides named together
    were taken (``_told_again``)."""
    taken = {r.entity for r in event.recipient if r.entity} | third
    sides = [a for a in index.last_group if a.entity not in taken]
    together = len(sides) > 1
    if not together:
        sides = [a for a in index.last_actors if a.entity not in taken]
    if not sides:
        return False
    event.actor = list(sides)
    names = " and ".join(a.text for a in sides)
    event.why = f"{event.why}; no actor in its sentence: the actor(s) last named ({names})"
    return together


def _sides(event: Event) -> list[Argument]:
    """The parties a later "both sides" can stand for: a mediation's parties are its recipients
    ("Qatar and the US mediated between Kinshasa and M23"), not the mediators."""
    if event.mode == "third-party":
        return [r for r in event.recipient if r.entity]
    return [a for a in event.actor if a.entity]


def build_event(ann: Annotation, index: args.Index, found: Found, event_id: str) -> Event:
    """One contract event from a found trigger."""
    reading = read(found)
    token = found.token
    actors, recipients = participants(index, found, reading)
    # the act a count runs from ("a week after Blinken visited") takes the day counted back, not the
    # date of the clause the count hangs on, which the sentence's governing date would give it
    timex = counted_back_timex(ann.result.timexes, ann.doc, token, ann.anchor) if reading.status == "occurred" else None
    if timex is not None:
        reading.why.append(f"'{timex.text}' before the clause it is counted from: {timex.value}")
    else:
        timex = event_timex(ann.result.timexes, ann.doc, token)
    if timex is None and reading.status == "occurred" and (timex := inherited_timex(
            ann.result.timexes, ann.doc, token, reading.type, ann.anchor, ann.result.events,
            ann.document.text)) is not None:
        reading.why.append(f"no date in its sentence: '{timex.text}' inherited from the narrative before it")
    if timex is None and (timex := anchored_timex(ann.result.timexes, ann.doc, token, ann.result.events)) is not None:
        reading.why.append(f"'{timex.text}' counted from the day of an act told before it: {timex.value}")
    date = timex.value if timex else None
    if date is None and (earlier := earlier_one(token)) is not None:
        date = "PAST_REF"
        reading.why.append(f"'{earlier}': an earlier one, some time before publication (PAST_REF)")
    _date_status(reading, date, ann, timex is not None and in_clause(timex, token))
    taken = {a.entity for a in actors + recipients if a.entity}
    place = places.location(index, token, taken)
    actors = placed_actors(actors, place or places.location(index, token, set()), reading)
    lemmas = frame_lemmas([token] + [a.token for a in found.actions()])
    recipients = implicit_recipients(reading.type, reading.mode, actors, recipients, lemmas, reading.why)
    sent = token.sent
    objects = _object_heads(found)
    return Event(
        id=event_id, type=reading.type, mode=reading.mode,
        trigger_span=trigger_span(token), span=_sentence_span(sent),
        context=_contexts(found), status=reading.status,
        actor=actors, recipient=recipients,
        date=date, date_span=(timex.start, timex.end) if timex else None,
        location=place,
        quantity=quantity.quantity(token, objects),
        reported_by=_reported_by(ann, index, found),
        score=score(reading.type, reading.mode), cameo=cameo(reading.type, reading.mode),
        why="; ".join(reading.why),
        partial=partial(token, reading.type, objects),
    )


def _date_status(reading: Reading, date: str | None, ann: Annotation, own: bool) -> None:
    if reading.status != "occurred":
        return
    if own and is_later(date, ann.anchor):
        reading.type, reading.mode, why = future_type(reading.type, reading.mode)
        reading.status = "future"
        reading.why.append(f"date {date} after publication: {why}")
    elif is_historical(date, ann.anchor):
        reading.status = "historical"
        reading.why.append(f"date {date} more than a year before publication")


def _reported_by(ann: Annotation, index: args.Index, found: Found) -> str | None:
    start = found.token.idx
    for quote in ann.result.quotes:
        lo, hi = quote.content_span
        if quote.speaker and lo <= start < hi:
            return quote.speaker
    reporter = args.reporting_verb(found.top)
    source = args.subject(reporter) if reporter is not None else None
    if source is None:
        source = args.according_to(list(found.token.sent))
    if source is None:
        return None
    named = [a.entity for a in args.phrase(index, source) if a.entity]
    return named[0] if named else None


def _object_heads(found: Found) -> list[Token]:
    tokens = [found.token] + [a.token for a in found.actions()]
    return [c for t in tokens for c in t.children if c.dep_ in ("dobj", "nsubjpass")] + [
        g for t in tokens for c in t.children if c.dep_ == "prt" or c.lower_ == "of"
        for g in c.children if g.dep_ == "pobj"]


def _contexts(found: Found) -> list[str]:
    table = contexts()
    tokens = list(found.token.subtree) + [t for a in found.actions() for t in a.token.subtree]
    return sorted({table[t.lemma_.lower()] for t in tokens if t.lemma_.lower() in table})


def trigger_span(token: Token) -> tuple[int, int]:
    """The trigger word with its particle or noun compounds ("handed over", "prisoner swap")."""
    parts = [token] + [c for c in token.children if c.dep_ in ("prt", "compound")
                       and abs(c.i - token.i) <= 2]
    start = min(p.idx for p in parts)
    end = max(p.idx + len(p.text) for p in parts)
    return start, end


def _sentence_span(sent: Span) -> tuple[int, int]:
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    return start, sent.start_char + len(text.rstrip())


def make_events(config: Config) -> EventsComponent:
    return EventsComponent(load_minilm() if config.event_model == "minilm" else load_model())


def _own_action(found: Found, event: Event) -> dict[str, Any]:
    """The act an event's actors undertake themselves, for the commitments component: the
    trigger's, or, for an agreed ceasefire or withdrawal typed CONCEDE, the agreed retreat."""
    if event.type == "CONCEDE" and found.rule.type == "AGREE":
        for action in found.actions():
            if action.rule.type == "RETREAT":
                return {"type": action.rule.type, "mode": action.rule.mode, "why": action.rule.why}
    return {"type": found.rule.type, "mode": found.rule.mode, "why": found.rule.why}


"""Whether an event's sentence frames a promise, and who it binds.

The commitments component asks three things of the parse before it turns an AGREE or CONCEDE
event into a commitment:

- ``refusal(doc, event)``: a reason the frame is no undertaking — a question, a proposal, a
  negated or conditional frame ("was not ready to accept", "we will see if he will accept"), an
  aim ("the objective was for X to agree"), a future noun with no promissory verb ("talks will
  continue", "a ceasefire monitoring mechanism"), or a passive of which none is the subject ("no
  hostages will be released");
- ``party_tokens(doc, event)``: the phrase that names the parties (the subject or agent of the
  promise verb; for an agreement noun its own words and the subject of the verb concluding it);
- ``parties(...)``: the event's actors that this phrase actually names, are actors that can be
  bound (``obligor_kind`` in ``words.tsv``: never a place) — a reporter, a commentator or a
  photo credit taken for the party is not one.
- ``agentless(verb)``, ``owed_passive(verb)``, ``patients(verb)``: an act told in the passive with no
  doer ("33 hostages will be released", "are to be freed", "are due to be handed over on Sunday"),
  which in an article reporting a deal is a term of that deal, binding its parties (of a release, the
  side holding those it frees: ``released_by``); ``agreed_now``: a deal reached by a verb told as done
  whose act the events component reads as to come ("agreed on Wednesday to a truce").

Every word list is in ``peacewatch/data/events/words.tsv``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...types import Argument
from .tables import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ...types import Entity, Event, Mention

# Dependencies along which the frame of a trigger extends upwards ("not ready to accept",
# "it was not easy to reach the agreement", "the ceasefire will come into force").
FRAME_DEPS = ("xcomp", "acomp", "pcomp", "pobj", "prep", "dobj", "nsubj", "nsubjpass",
              "compound", "attr", "conj")
SUBJECT_DEPS = ("nsubj", "agent", "csubj")
# Verb forms that tell an act as done or now ("agreed", "has reached", "agree" in a headline), not to come.
DONE_TAGS = ("VBD", "VBN", "VBZ", "VBP")


def trigger_token(doc: Doc, event: Event) -> Token | None:
    """The syntactic head of the event's trigger."""
    span: Span | None = doc.char_span(*event.trigger_span, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def frame(token: Token) -> list[Token]:
    """The trigger and the words above it that belong to its frame, nearest first."""
    chain = [token]
    while chain[-1].dep_ in FRAME_DEPS and chain[-1].head.i != chain[-1].i and len(chain) < 8:
        chain.append(chain[-1].head)
    return chain


def refusal(doc: Doc, event: Event, nested: bool) -> str | None:
    """Why the event's frame is not an undertaking, or None when it is one."""
    token = trigger_token(doc, event)
    if token is None:
        return "no trigger token"
    if token.lemma_.lower() in words("nonpromise"):
        return f"'{token.text}' is a proposal (words.tsv nonpromise), binding nobody until accepted"
    if none_acted_on(token):
        return "none acted on: the passive's subject is 'no …' (words.tsv no_determiner)"
    last = token.sent[-1] if token.sent[-1].is_punct else None
    if last is not None and last.text in words("question_mark"):
        return "a question (words.tsv question_mark)"
    for word in frame(token):
        for child in word.children:
            if child.dep_ == "neg":
                return f"negated frame: '{child.text} … {word.text}'"
            lemma = child.lemma_.lower()
            if child.dep_ == "mark" and lemma in words("condition") | {"whether"}:
                return f"conditional frame: '{child.text} … {word.text}' (words.tsv condition)"
            if child.dep_ == "mark" and lemma in words("aim_mark") and word.tag_ != "MD":
                return f"an aim, not an undertaking: '{child.text} … {word.text}' (words.tsv aim_mark)"
    if event.status == "future":
        for word in frame(token)[:3]:
            mark = next((c for c in word.children if c.dep_ in ("mark", "advmod")
                         and c.lemma_.lower() in words("background_mark")), None)
            if mark is not None:
                return f"a scheduled background: '{mark.text} … {word.text}' (words.tsv background_mark)"
    if token.pos_ in ("NOUN", "PROPN") and not nested and _concluding_verb(token) is None:
        return f"'{token.text}' is a noun with no promissory verb (words.tsv conclude)"
    return None


def _concluding_verb(token: Token) -> Token | None:
    """The verb of ``conclude`` that governs an agreement noun ("reached an agreement")."""
    for word in frame(token)[1:]:
        if word.pos_ in ("VERB", "AUX"):
            return word if word.lemma_.lower() in words("conclude") else None
    return None


def party_tokens(doc: Doc, event: Event) -> tuple[list[Token], Token | None]:
    """The tokens naming the parties, and the head of the subject phrase (for anaphors)."""
    token = trigger_token(doc, event)
    if token is None:
        return [], None
    if token.pos_ in ("NOUN", "PROPN"):
        tokens = [token] + [t for c in token.children if _names_party(c) for t in c.subtree]
        verb = _concluding_verb(token)
        subject = _subject(verb) if verb is not None else None
        if subject is not None:
            tokens.extend(_phrase_tokens(subject))
        return tokens, subject
    subject = _subject(token)
    return (_phrase_tokens(subject), subject) if subject is not None else ([], None)


def _names_party(child: Token) -> bool:
    """A dependent of an agreement noun that can name its parties ("Israel's", "between X and Y")."""
    if child.dep_ in ("poss", "compound", "amod", "nmod"):
        return True
    return child.dep_ == "prep" and child.lemma_.lower() in words("party_prep")


def _phrase_tokens(head: Token) -> list[Token]:
    """A subject phrase without its places and clauses ("the two belligerents in the Gaza Strip")."""
    out = [head]
    for child in head.children:
        if child.dep_ in ("relcl", "acl", "advcl") or (
                child.dep_ == "prep" and child.lemma_.lower() in words("place_prep")):
            continue
        out.extend(_phrase_tokens(child))
    return out


def _subject(verb: Token) -> Token | None:
    """The subject or agent of a verb, through control and coordination ("X agreed to Y"); never the
    subject of the "be" or "due" an owed passive hangs from ("33 hostages are to be freed", "are due to
    be handed over"): that names what is acted on, not who acts (``owed_passive``)."""
    if owed_passive(verb):
        return None
    word = verb
    for _ in range(4):
        for child in word.children:
            if child.dep_ in SUBJECT_DEPS:
                return next((c for c in child.children if c.dep_ == "pobj"), child) \
                    if child.dep_ == "agent" else child
        if word.dep_ not in ("xcomp", "conj", "advcl") or word.head.i == word.i:
            return None
        word = word.head
    return None


def agentless(verb: Token) -> bool:
    """A verb told in the passive that names no doer ("33 hostages will be released", "the prisoners
    are to be freed"): its subject is what is acted on, and no "by" phrase says who acts."""
    return verb.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in verb.children) \
        and not any(c.dep_ == "agent" for c in verb.children)


def owed_passive(verb: Token) -> Token | None:
    """The word an agentless passive infinitive hangs from when that tells the act as owed: "is / are
    to" ("are to be freed") or an ``owed_governor`` of ``words.tsv`` ("are due / set / scheduled to be
    handed over"); None for any other verb ("agreed to be disarmed" names its doer)."""
    if not agentless(verb) or verb.dep_ != "xcomp" or verb.head.i == verb.i \
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    head = verb.head
    return head if head.lemma_.lower() == "be" or head.lemma_.lower() in words("owed_governor") else None


def patients(verb: Token) -> list[Token]:
    """What a passive verb acts on: its own passive subject, or for an owed passive the subject of the
    word it hangs from ("the hostages are due to be handed over": the hostages)."""
    own = [c for c in verb.children if c.dep_ == "nsubjpass"]
    governor = owed_passive(verb)
    if own or governor is None:
        return own
    holders = [governor] + ([governor.head] if governor.dep_ == "acomp" and governor.head.i != governor.i else [])
    return [c for w in holders for c in w.children if c.dep_ in ("nsubj", "nsubjpass")]


def released_by(doc: Doc, mentions: list[Mention], entities: dict[str, Entity], verb: Token,
                parties: list[str]) -> list[str]:
    """Which of a deal's parties a term told without its doer binds, by what it acts on: the party a
    clause on it names as holding it ("prisoners held by Israel", "hostages held in Gaza by Hamas"), else
    the parties other than the one it belongs to ("Israeli hostages", "Palestinian prisoners": each side
    frees the other's people), else all of them. A name counts for a party it is, or whose country
    code it bears ("Palestinian" for Hamas)."""
    holders: list[str] = []
    owners: list[str] = []
    for patient in patients(verb):
        lo, hi = patient.left_edge.idx, patient.right_edge.idx + len(patient.right_edge)
        for mention in mentions:
            named = entities.get(mention.entity or "")
            if named is None or not (lo <= mention.start and mention.end <= hi):
                continue
            sides = [p for p in parties if p == named.id or (
                named.code and p in entities and entities[p].code == named.code)]
            if not sides:
                continue
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or not len(span) or span.root.i == patient.i:
                continue  # the released group's own name carries the side in focus, not its own
            word, held = span.root, False
            while word.i != patient.i and word.head.i != word.i:
                held = held or word.dep_ in ("acl", "relcl")
                word = word.head
            (holders if held else owners).extend(sides)
    if holders:
        return [p for p in parties if p in holders]
    others = [p for p in parties if p not in owners]
    return others if owners and others else list(parties)


def none_acted_on(verb: Token) -> bool:
    """Whether a passive verb's subject says none is acted on ("no hostages will be released")."""
    return any(d.dep_ == "det" and d.lower_ in words("no_determiner") for p in patients(verb) for d in p.children)


def agreed_now(doc: Doc, event: Event) -> bool:
    """Whether an announced act was agreed by a verb told as done ("Israel and Hamas agreed on Wednesday
    to a four-day truce", "reached a ceasefire and hostage deal"): the events component types the act
    (CONCEDE ``future``), but the sentence reports a deal reached all the same (``deal_reached`` of
    ``words.tsv``: the trigger itself, or the first verb of its frame); not one to come ("will agree",
    "to reach"), negated or conditional (``refusal``)."""
    token = trigger_token(doc, event)
    if token is None or event.status != "future" or refusal(doc, event, True) is not None:
        return False
    verb = next((w for w in frame(token) if w.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.lemma_.lower() not in words("deal_reached") or verb.tag_ not in DONE_TAGS:
        return False
    return not any(c.dep_ in ("aux", "auxpass") and (c.lower_ in words("modal:future") or c.lower_ == "to")
                   for c in verb.children)


def bindable(arguments: list[Argument], entities: dict[str, Entity]) -> list[str]:
    """The entity ids of arguments that can be bound or benefit (no place, no uncoded group); an
    argument naming several parties at once ("the two belligerents", an entity with ``members``)
    stands for those of its members that can be bound, as in ``parties``."""
    out: list[str] = []
    for arg in arguments:
        entity = entities.get(arg.entity or "")
        if entity is None:
            continue
        found = [entity] if not entity.members else [entities[m] for m in entity.members if m in entities]
        out.extend(e.id for e in found if _bindable(e) and e.id not in out)
    return out


def named_by(phrase: Token, mentions: list[Mention], entities: dict[str, Entity]) -> list[str]:
    """The bindable entity ids (``bindable``) of the mentions inside ``phrase`` and its subtree ("by the
    two sides", "at the invitation of President X")."""
    lo = min(t.idx for t in phrase.subtree)
    hi = max(t.idx + len(t) for t in phrase.subtree)
    return bindable([Argument(entity=m.entity, code=None, sector=None, text=m.text) for m in mentions
                     if m.entity and lo <= m.start and m.end <= hi], entities)


def placed(doc: Doc, mentions: list[Mention], event: Event) -> set[str]:
    """Entities the event's sentence names only as a place ("a ceasefire in the Gaza Strip")."""
    start, end = event.span
    places: set[str] = set()
    others: set[str] = set()
    for mention in mentions:
        if not mention.entity or mention.start < start or mention.end > end:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        head = span.root.head if span is not None and len(span) else None
        located = head is not None and span is not None and span.root.dep_ == "pobj" \
            and head.lemma_.lower() in words("place_prep")
        (places if located else others).add(mention.entity)
    return places - others


def _bindable(entity: Entity) -> bool:
    """An actor that can be bound: a kind of ``obligor_kind``, coded if of ``obligor_needs_code``."""
    return entity.kind in words("obligor_kind") and bool(
        entity.code or entity.kind not in words("obligor_needs_code"))


def parties(arguments: list[Argument], entities: dict[str, Entity], mentions: list[Mention],
            tokens: list[Token], subject: Token | None) -> tuple[list[str], str]:
    """The entity ids the party phrase names among the arguments, and why the others were left."""
    spans = [(t.idx, t.idx + len(t.text)) for t in tokens]
    named = {m.entity for m in mentions if m.entity
             and any(m.start < end and start < m.end for start, end in spans)}
    anaphor = subject is not None and subject.tag_ not in ("WDT", "WP") and (
        subject.pos_ == "PRON" or subject.lemma_.lower() in words("collective"))
    kept: list[str] = []
    left: list[str] = []
    for arg in arguments:
        entity = entities.get(arg.entity or "")
        if entity is None:
            continue
        if entity.members and (entity.id in named or anaphor):
            kept.extend(m for m in entity.members if m not in kept)
        elif not _bindable(entity):
            left.append(f"{entity.name} is a {entity.kind}{'' if entity.code else ' without code'}")
        elif entity.id not in named and not anaphor:
            left.append(f"{entity.name} is not named by the party phrase")
        elif entity.id not in kept:
            kept.append(entity.id)
    plural = subject is not None and subject.lemma_.lower() in words("collective")
    if plural and len(kept) == 1:
        left.append(f"'{subject.text}' stands for several parties, resolved to one")  # type: ignore[union-attr]
        kept = []
    return kept, "; ".join(left)

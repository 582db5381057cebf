"""Matching one token to a row of the trigger table.

``match`` decides whether a token is a trigger and which row of ``triggers.tsv`` types it: its
lemma, its coarse part of speech (``coarse_pos``) and the words of its syntactic frame (``frame``)
that a row's ``needs`` may name. A noun the table lacks that is made from a verb it lists is read
with that verb's rows (``verb_of``). How the matched triggers of a sentence nest into events is
``triggers.find``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ..actors.tables import sector_terms
from .aspect import begun
from .frames import framed
from .stopping import stopped_words, stops_nothing
from .tables import DerivedRule, HandoverRule, TriggerRule, matching_rules, trigger_rules, words

if TYPE_CHECKING:
    from spacy.tokens import Token

# Dependents that are not part of a trigger's frame (other clauses, punctuation).
FRAME_SKIP = ("punct", "det", "conj", "cc", "advcl", "ccomp", "relcl", "parataxis", "mark")
TIME_LABELS = ("DATE", "TIME")
UNCOUNTED = ("DATE", "TIME", "MONEY", "QUANTITY", "PERCENT")
NAMED_LABELS = ("ORG", "PERSON", "GPE", "FAC", "LAW", "WORK_OF_ART", "NORP", "LOC")
# Entity kinds an attack can be aimed at: a party, or a place held or taken.
TARGET_LABELS = ("ORG", "PERSON", "GPE", "FAC", "NORP", "LOC")
# How English makes a noun of a verb, as (ending of the noun, what the verb's stem takes back):
# "signing", "killing", "kidnapping" (a doubled consonant), "endorsement", "disarmament",
# "seizure", "violation", "mobilization", "deportation", "abduction", "acceptance", "handover",
# "pullout" (a particle joined: it counts as the particle the verb's row needs).
NOUN_ENDINGS = (("ing", ""), ("ment", ""), ("ament", ""), ("ure", "e"), ("ion", "e"), ("ion", ""),
                ("ation", "e"), ("ation", ""), ("ance", ""), ("al", ""), ("over", ""), ("out", ""))


def coarse_pos(token: Token) -> str:
    if token.pos_ in ("VERB", "AUX"):
        return "NOUN" if _nominal_subject(token) else "VERB"
    if token.pos_ in ("NOUN", "PROPN"):
        return "NOUN"
    return token.pos_


def _nominal_subject(token: Token) -> bool:
    """A subject the tagger took for a verb but that is a noun: sentence-initial "Ceasefire between
    X and Y takes effect", "Fighting between X and Y resumed" (no object, no auxiliary, no subject
    of its own), unlike a gerund clause ("Signing a treaty does not mean …")."""
    return token.dep_ in ("nsubj", "nsubjpass") and token.i == token.sent.start and not any(
        c.dep_ in ("dobj", "aux", "auxpass", "nsubj", "xcomp", "ccomp") for c in token.children)


def frame(token: Token) -> set[str]:
    """The lemmas a rule's ``needs`` may name: the token's dependents, its objects and their
    modifiers, and (for a noun) the verb that governs it."""
    out: set[str] = set()
    if participle_aside(token):  # "the accord, signed by X and Y,": the noun is what was signed
        noun = token.head
        out.add(noun.lemma_.lower())
        if noun.dep_ == "pobj" and noun.head.lower_ == "of":  # "the declaration of principles signed on ..."
            out.add(noun.head.head.lemma_.lower())
    for child in token.children:
        if child.dep_ in FRAME_SKIP and not object_misparsed(child) or under_provision(child) or is_time_adjunct(child):
            continue  # "under the deal, the rebels would withdraw": the deal is no object of the act
        if child.lower_ == "according":
            continue  # "withdrew from the town, according to AFP": the tagger's lemma "accord" names no accord
        out.add(child.lemma_.lower())
        targets = list(child.children) if child.dep_ in ("prep", "agent", "prt") else [child]
        for target in targets:
            out.add(target.lemma_.lower())
            out.update(g.lemma_.lower() for g in target.children if g.dep_ in ("compound", "amod"))
            out.update(g.lower_ for g in target.children if g.dep_ in ("compound", "amod"))
            heads = [p for g in target.children if g.lower_ == "of" for p in g.children if p.dep_ == "pobj"]
            # "sent a team of experts, equipment and drugs": what the "of" lists is sent, each of it. Not
            # the object's own conjuncts: in "reached a ceasefire and hostage deal" both name one deal
            heads += [c for p in heads for c in p.conjuncts]
            out.update(p.lemma_.lower() for p in heads)
            if target.dep_ == "prep":  # "pulled out of the talks": a preposition after a particle
                out.update(p.lemma_.lower() for p in target.children if p.dep_ == "pobj")
    if token.dep_ == "relcl" and token.head.i != token.i and any(
            c.dep_ in ("nsubjpass", "dobj") and c.tag_ in ("WDT", "WP") for c in token.children):
        out.add(token.head.lemma_.lower())  # "the talks that were suspended": the noun the pronoun stands for
    if coarse_pos(token) == "NOUN":
        out.add(token.head.lemma_.lower())
        if token.dep_ == "pobj":  # "went on strike": the verb above the preposition
            out.add(token.head.head.lemma_.lower())
    return out


def participle_aside(token: Token) -> bool:
    """A past participle after the noun it tells of that tells an act of its own on that noun: set
    off by a comma with its own "by" agent ("the accord, signed by X and Y on Friday,"), or with a
    date of its own ("the Declaration of Principles signed on April 25"): the signing is then told as
    a dated act, as the guide codes background acts. Without either ("the agreement inked by the
    parties", "an agreement inked last year") the participle only names which text is meant."""
    if token.dep_ != "acl" or token.tag_ != "VBN" or token.head.i > token.i:
        return False
    if any(is_time_adjunct(c) and stated_day(c) for c in token.children):
        return True
    before = token.left_edge.i - 1
    return before > 0 and token.doc[before].text == "," and any(c.dep_ == "agent" for c in token.children)


def stated_day(prep: Token) -> bool:
    """A time adjunct whose date has a number in it, a day or a year ("on April 25", "on October 31,
    2024", "in 2019"), not a vague or relative one ("last year", "in the past")."""
    return any(t.like_num for g in prep.children if g.dep_ == "pobj" for t in g.subtree)


def object_misparsed(child: Token) -> bool:
    """A noun the parser made a clause of its verb ("inked a ceasefire deal": "deal" as ``ccomp``): a clause
    has a verb, so it is the verb's object."""
    return child.dep_ == "ccomp" and coarse_pos(child) == "NOUN" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "cop") for c in child.children)


def is_time_adjunct(prep: Token) -> bool:
    """A preposition whose objects are all dates or times ("called him *on Saturday*", "met *in
    March*"): when the act happened, not a word of its frame (the "on" of "call on X to" is not this one)."""
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    return prep.dep_ == "prep" and bool(objects) and all(g.ent_type_ in TIME_LABELS for g in objects)


def under_provision(prep: Token) -> Token | None:
    """The agreed text of an "under the deal" / "under the terms of the truce" phrase: the act it
    modifies is one the text sets out (``provision_text``), else None."""
    if prep.dep_ != "prep" or prep.lower_ != "under":
        return None
    texts = words("provision_text")
    for obj in prep.children:
        if obj.dep_ != "pobj":
            continue
        if obj.lemma_.lower() in texts:
            return obj
        if (text := relative_text(obj, prep.head)) is not None:
            return text  # "a deal under which the rebels will withdraw": "which" is the deal
        for of in obj.children:  # "under the terms of the deal"
            if of.dep_ == "prep" and of.lower_ == "of":
                found = [p for p in of.children if p.dep_ == "pobj" and p.lemma_.lower() in texts]
                if found:
                    return found[0]
    return None


def relative_text(pronoun: Token, verb: Token) -> Token | None:
    """The agreed text (``provision_text``) a relative pronoun stands for, as the object of a
    preposition of the relative clause ``verb`` heads ("a deal under which X withdraws"), else None."""
    if pronoun.tag_ not in ("WDT", "WP") or verb.dep_ != "relcl" or verb.head.i == verb.i:
        return None
    return verb.head if verb.head.lemma_.lower() in words("provision_text") else None


def is_person(token: Token) -> bool:
    """Whether a noun names people: a nationality or person name, or a person noun."""
    if token.ent_type_ in ("NORP", "PERSON") or token.lemma_.lower() in words("person"):
        return True
    return token.pos_ == "NOUN" and any(
        c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP" for c in token.children)


def names_people(obj: Token) -> bool:
    """Whether an object names people: a person noun or name, a counted noun, a share of people ("a
    handful of activists", "a group of prisoners"), a noun a "who" clause tells of ("a former
    candidate who was jailed": only people take "who") or one held captive ("the abducted engineers",
    "those held"). A bare number's share ("freed 11 of the prisoners") is left out: measured, it cost
    the untouched articles an event (docs/events.md)."""
    if is_person(obj) or _counted(obj) or _held_captive(obj):
        return True
    if obj.lemma_.lower() in words("share") and any(
            c.lower_ == "of" and any(p.dep_ == "pobj" and is_person(p) for p in c.children) for c in obj.children):
        return True
    return obj.pos_ == "NOUN" and any(
        c.dep_ == "relcl" and any(g.lower_ in ("who", "whom") and g.i < c.i for g in c.children) for c in obj.children)


def _held_captive(obj: Token) -> bool:
    """A noun or pronoun a participle of captivity tells of: "the kidnapped workers", "engineers
    abducted in May", "those detained". Holding and capturing tell of people only after a pronoun
    ("those held"): "captured weapons" and "held territory" are things."""
    if obj.pos_ not in ("NOUN", "PRON"):
        return False
    cues = words("captive") | (words("captive_pronoun") if obj.pos_ == "PRON" else frozenset())
    return any(c.dep_ in ("amod", "acl") and (c.lemma_.lower() in cues or c.lower_ in cues) for c in obj.children)


def _person_object(token: Token) -> bool:
    if coarse_pos(token) == "VERB" and not any(c.dep_ == "dobj" for c in token.children):
        if any(c.dep_ == "nsubj" and is_person(c) for c in token.children):
            return True
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass") and names_people(child):
            return True
        if child.dep_ in ("prep", "prt"):
            if any(g.dep_ == "pobj" and is_person(g) for g in child.children):
                return True
    return coarse_pos(token) == "NOUN" and any(
        c.dep_ in ("compound", "prep") and is_person(c) for c in token.children)


def _counted(obj: Token) -> bool:
    """An object counted by a bare number ("released two homeguards", "freed 17 crew"): what an act
    on people counts is people; money, quantities and spans of time are entities of their own."""
    return obj.pos_ == "NOUN" and obj.ent_type_ not in UNCOUNTED and any(
        c.dep_ == "nummod" and c.ent_type_ == "CARDINAL" for c in obj.children)


def _excluded(token: Token, pos: str) -> bool:
    """Words that look like triggers but are names or nominal uses ("Amnesty International",
    "the wounded", "alleged bombers")."""
    if pos == "NOUN" and token.ent_type_ in NAMED_LABELS:
        return True
    if pos == "VERB" and token.tag_ == "VBN" and token.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass"):
        return True
    if pos != "VERB" or token.dep_ != "amod":
        return False
    if not any(c.dep_ in ("npadvmod", "compound") for c in token.children):
        return True
    return not _names_an_act(token.head)


def _names_an_act(noun: Token) -> bool:
    """Whether a noun is itself an act the tables know ("talks", "deal", "the signing"): an
    "X-mediated meeting" names who mediated an act; an "Iran-backed militia" only describes an
    actor, and its participle is no event of the sentence."""
    lemma = noun.lemma_.lower()
    return lemma in trigger_rules() or verb_of(lemma) is not None


@lru_cache(maxsize=1)
def _party_nouns() -> frozenset[str]:
    """One-word nouns the actor layer reads as a party ("troops", "government", "rebels")."""
    return frozenset(t.term for t in sector_terms() if " " not in t.term)


def names_a_target(noun: Token) -> bool:
    """Whether a noun names a party or a place: what a use of force can be aimed at (people, a group the
    actor layer knows, a named entity, or a noun a party or place qualifies: "government troops",
    "military positions")."""
    if is_person(noun) or _counted(noun) or noun.ent_type_ in TARGET_LABELS:
        return True
    if noun.lower_ in _party_nouns() or noun.lemma_.lower() in _party_nouns():
        return True
    return any(c.dep_ in ("compound", "amod") and (c.ent_type_ in TARGET_LABELS or c.lower_ in _party_nouns())
               for c in noun.children)


def _target_object(token: Token) -> bool:
    """Whether a verb's direct object names a party or a place ("@target" in a row's needs)."""
    return any(c.dep_ == "dobj" and names_a_target(c) for c in token.children)


def _given_to_a_party(token: Token) -> bool:
    """Whether a verb gives its direct object to a party or a place ("@owner" in a row's needs): "returned
    an ancient sculpture to the Algerian ambassador", "returned the artifacts to the government of Iraq",
    the "to" phrase on the verb or on its object, or one the parse hangs at the end of a participle told of
    the object ("returned a painting that was stolen in 1989 from the gallery to the Register", "returned a
    manuscript, missing since 1943, to Venafro": ``_trailing_to``)."""
    for obj in (c for c in token.children if c.dep_ == "dobj"):
        preps = [c for h in (token, obj) for c in h.children if c.dep_ == "prep" and c.lower_ == "to"]
        preps += [p for c in _aside_participles(token, obj) for p in _trailing_to(c)]
        if any(p.dep_ == "pobj" and names_a_target(p) for prep in preps for p in prep.children):
            return True
    return False


def _aside_participles(verb: Token, obj: Token) -> list[Token]:
    """Participles after a direct object that tell of it (a relative or participle clause of the object, or
    one the parse hangs on the verb) and take no object of their own."""
    clauses = [c for h in (verb, obj) for c in h.children if c.dep_ in ("relcl", "acl", "advcl") and c.i > obj.i]
    return [c for c in clauses if c.tag_ in ("VBN", "VBG") and not any(d.dep_ == "dobj" for d in c.children)]


def _trailing_to(participle: Token) -> list[Token]:
    """A participle's "to" phrases that follow another of its phrases ("stolen in 1989 from the gallery to
    the Register"): the giving verb's, which the parse hung on the nearest word. A participle's first
    phrase is its own ("weapons sold to the rebels", "a profit reported to shareholders")."""
    preps = [c for c in participle.children if c.dep_ == "prep"]
    return [p for p in preps[1:] if p.lower_ == "to"]


def aimed_at_a_thing(token: Token, rule: TriggerRule) -> bool:
    """A weak verb of force whose direct object names no party, place or act: a purpose, not a use of
    force ("fight the epidemic", "fighting the root causes of migration", "fight corruption"). PLOVER's
    ASSAULT is force used against someone; "fought government troops" and "fought a war" stay."""
    if rule.type != "ASSAULT" or not rule.weak or coarse_pos(token) != "VERB":
        return False
    objects = [c for c in token.children if c.dep_ == "dobj"]
    return bool(objects) and not any(names_a_target(o) or _names_an_act(o) for o in objects)


def match(token: Token) -> TriggerRule | None:
    """The trigger rule that applies to ``token``, or None. A noun the table lacks that is made from
    a verb it lists ("the signing of the accord", "the killing of two soldiers") is read with that
    verb's rows, as a weak trigger: it stands for an act only where the sentence tells no other."""
    lemma = token.lemma_.lower()
    rules = matching_rules().get(lemma)
    pos = coarse_pos(token)
    particle = ""
    if not rules and pos == "NOUN" and (derived := verb_of(lemma)) is not None:
        verb, particle = derived
        rules = [DerivedRule(r.line, f"{lemma} (noun of {verb})", "NOUN", r.needs, r.type, r.mode, True)
                 for r in matching_rules()[verb] if r.pos in ("VERB", "*") and r.type != "CONSULT"]
    if is_provision(token) or framed(token) or _excluded(token, pos):
        return None  # framed: "under the deal, X will ..." names a deal told before, no new one
    if not rules:
        return handover(token)
    lemmas: set[str] | None = None
    for rule in rules:  # ``matching_rules``: "called off the talks" before "called off"
        if rule.pos != "*" and rule.pos != pos:
            continue
        if rule.needs:
            lemmas = (frame(token) | stopped_words(token) | {particle}) if lemmas is None else lemmas
            if not any((n == "@person" and _person_object(token)) or (n == "@target" and _target_object(token))
                       or (n == "@owner" and _given_to_a_party(token))
                       or all(part in lemmas for part in n.split("+")) for n in rule.needs):
                continue
        if aimed_at_a_thing(token, rule) or stops_nothing(token, rule):
            continue
        return rule
    return handover(token)


@lru_cache(maxsize=4096)
def verb_of(noun: str) -> tuple[str, str] | None:
    """The trigger verb a noun is made from (``NOUN_ENDINGS``) and the particle its ending joined
    ("pullout" → ("pull", "out")), or None; only for nouns the trigger table does not list."""
    rules = trigger_rules()
    if noun in rules:
        return None
    for ending, back in NOUN_ENDINGS:
        if not noun.endswith(ending) or len(noun) - len(ending) < 3:
            continue
        stem = noun[:-len(ending)] + back
        candidates = [stem, stem[:-1]] if len(stem) > 3 and stem[-1] == stem[-2] else [stem]
        for verb in candidates:
            if any(r.pos in ("VERB", "*") for r in rules.get(verb, ())):
                return verb, ending if ending in ("over", "out") else ""
    return None


def is_provision(token: Token) -> bool:
    """A verb by which an agreed text sets out an act: "the deal provides for / calls for / includes
    X" (lists ``provision`` and ``provision_text``). Not an event of its own ("the deal calls for"
    is no demand), but what it governs is agreed and not yet done."""
    if token.lemma_.lower() not in words("provision") or token.pos_ != "VERB":
        return False
    text = text_subject(token)
    return text is not None and text.lemma_.lower() in words("provision_text")


def text_subject(verb: Token) -> Token | None:
    """The subject of a verb, the noun a relative pronoun stands for ("the deal, which provides for X":
    the deal) and the subject of the first of coordinated verbs ("the first phase lasts six weeks and
    includes X": the phase) taken in; None when it has none."""
    current = verb
    for _ in range(3):
        subj = next((c for c in current.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            relative = subj.tag_ in ("WDT", "WP") and current.dep_ == "relcl" and current.head.i != current.i
            return current.head if relative else subj
        if current.dep_ != "conj" or current.head.i == current.i or current.head.pos_ not in ("VERB", "AUX"):
            return None
        current = current.head
    return None


# What a handover gives up, by the retreat it is (coding guide, "Retreats": handovers of territory,
# releases and disarmament are RETREAT; announced or agreed ones CONCEDE ``future``).
HANDOVER_MODES = ("disarm", "withdraw", "release")


def handover(token: Token) -> TriggerRule | None:
    """A verb (or noun) of giving something up (``handover_verb``: "surrender", "hand over", "cede")
    read by what it gives up, its object's head: weapons are disarmament, ground a withdrawal, people a
    release ("will surrender their weapons", "pledged to hand over the villages", "the handover of the
    prisoners"). The verb alone is no act ("handed over a letter"), and a verb of giving in general
    ("deliver", "transfer") is left out: weapons delivered to a side are aid, not a retreat. Only a
    promised or agreed handover (``_promised``): one told as done may be a first part of a larger one
    ("a first round of heavy weapons was handed over"), which the ledger would take for the whole.
    A handover told as begun ("began handing over their heavy weapons", ``aspect.begun``) is read too: its
    first part is carried out, and the event's partial aspect says it is no more than a start. A surrender
    with no object is read told as done too: the side gave itself up (``_gave_themselves_up``)."""
    if _handover_lemma(token) is None:
        return None
    if _gave_themselves_up(token):
        return HandoverRule(0, token.lemma_.lower(), coarse_pos(token), (), "RETREAT", "disarm", False)
    if not (_promised(token) or begun(token)):
        return None
    for obj in _given_up(token):
        lemma = obj.lemma_.lower()
        for mode in HANDOVER_MODES:
            if lemma in words(f"handover:{mode}") or (mode == "release" and names_people(obj)):
                return HandoverRule(0, token.lemma_.lower(), coarse_pos(token), (lemma,), "RETREAT", mode, False)
    return None


def _handover_lemma(token: Token) -> str | None:
    """The word of ``handover_verb`` a token is: its lemma, or the verb of a gerund the tagger took for
    a noun ("the start of handing over heavy weapons": "handing")."""
    lemma = token.lemma_.lower()
    verbs = words("handover_verb")
    if lemma in verbs:
        return lemma
    return lemma[:-3] if lemma.endswith("ing") and lemma[:-3] in verbs else None


def _gave_themselves_up(token: Token) -> bool:
    """A surrender with no object: fighters or a person giving themselves up ("twenty rebels surrendered
    to the police", "the commander has surrendered"), the coding guide's retreat of a fighting side
    (CAMEO 0874, "retreat or surrender militarily"), told as done or promised alike."""
    return (token.lemma_.lower() == "surrender" and coarse_pos(token) == "VERB"
            and not any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in token.children)
            and any(c.dep_ == "nsubj" and names_a_target(c) for c in token.children))


def _given_up(token: Token) -> list[Token]:
    """The heads of what a handover gives up: the object, the subject of a passive ("the weapons will
    be surrendered"), the "of" phrase of a noun ("the handover of the town"), with their conjuncts."""
    heads = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    # the "of" phrase, and an object the parser hung on the particle ("handing over heavy weapons")
    heads += [p for c in token.children if c.lower_ == "of" or c.dep_ == "prt" for p in c.children if p.dep_ == "pobj"]
    return heads + [c for h in heads for c in h.conjuncts]


def _promised(token: Token) -> bool:
    """Whether a handover is promised or agreed: a word of ``handover_promise`` (a modal "will", a
    promise or agreement verb or noun) on it or up to three clauses above it, as its auxiliary, its
    modifier or the object of "under" ("under the deal, X will hand over")."""
    current = token
    for _ in range(4):
        near = [current, *current.children]
        near += [p for c in current.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
        if any(w.lemma_.lower() in words("handover_promise") for w in near):
            return True
        if current.head.i == current.i:
            return False
        current = current.head
    return False

"""Finding event triggers in a sentence and how they nest.

A trigger is a token whose lemma, part of speech and syntactic frame match a row of ``triggers.tsv``
(``matching.match``). Triggers nest: "agreed on a prisoner swap" is one AGREE event whose *inner* action is the
swap; "ready to withdraw" is the withdrawal under an *intent* wrapper. ``find`` returns one ``Found`` per event
of the sentence, with the wrapper chain above it and the inner trigger it absorbed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .dating import own_clause
from .matching import (
    coarse_pos,
    is_provision,
    is_time_adjunct,
    match,
    object_misparsed,
    participle_aside,
    relative_text,
    stated_day,
)
from .stopping import stopper
from .tables import TriggerRule, trigger_rules, words, wrapper_roles
from .wrappers import ABOUT_PREPS, OBJECT_DEPS, wrapper_chain, wrapper_role

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Prepositions and subordinators that put an event in the background of the sentence's main one.
BACKGROUND_WORDS = ("after", "since", "during", "amid", "despite", "because", "before", "until", "wake",
                    "once", "if", "unless")
VERBAL_TYPES = ("ACCUSE", "REQUEST", "REJECT", "THREATEN", "AGREE")  # statements (``told_aside``)
# Talks and agreements named as the framework of another act ("negotiations within the EU-facilitated
# dialogue", "under the deal"): told as background, not as new acts.
FRAMEWORK_TYPES = ("CONSULT", "AGREE", "SUPPORT", "COOPERATE")
FRAMEWORK_PREPS = ("within", "under")
# Talks as the means or aim of another act ("freed thanks to the mediation", "paving the way for talks").
MEANS_PREPS = {"through": None, "to": "thanks", "for": None}  # "to" only after "thanks"
# Prepositions naming the parties of talks ("a mediation effort between Sudan and Chad").
PARTY_PREPS = ("between", "with")
# Determiners that make a bare noun trigger refer back to an event already told ("the demand").
ANAPHORIC_DETS = ("the", "this", "that", "these", "those")
# Steps up the tree that stay inside what a trigger is about ("agreement on taking measures").
CONTENT_DEPS = ("dobj", "pobj", "pcomp", "conj", "compound", "amod", "nsubjpass", "xcomp", "acl")
# Steps up from a noun trigger inside what talks, a demand or a plan are about ("discussions over a mechanism
# for monitoring the truce") and their prepositions. Not compounds: "the ceasefire talks" often produced one.
TOPIC_DEPS = ("dobj", "pobj", "pcomp", "conj", "appos")
TOPIC_PREPS = ("on", "about", "over", "regarding", "concerning", "for", "of", "including", "like", "alongside",
               "with")  # "to discuss compliance with the truce"


@dataclass
class Found:
    """One event of a sentence: its trigger, the rule that typed it and how it is embedded."""

    token: Token
    rule: TriggerRule
    wrappers: list[Token] = field(default_factory=list)
    inners: list[Found] = field(default_factory=list)
    topic_of: Token | None = None  # set when only discussed ("discussed the withdrawal")
    background: bool = False  # in a relative clause or an "after X" phrase

    @property
    def weak(self) -> bool:
        """A weak trigger carrying no nested action ("the conflict")."""
        return (self.rule.weak or self.background) and not self.inners

    @property
    def inner(self) -> Found | None:
        """The first action this event is about, if any."""
        return self.inners[0] if self.inners else None

    def actions(self) -> list[Found]:
        """The innermost actions this event is about ("agreement on X and Y" → X, Y)."""
        out: list[Found] = []
        for item in self.inners:
            out.extend(item.actions() or [item])
        return out

    @property
    def top(self) -> Token:
        """The outermost token of the event: its last wrapper, else the trigger."""
        return self.wrappers[-1] if self.wrappers else self.token


def is_scheduled(token: Token) -> bool:
    """ "is to" + verb: an act arranged, not yet done ("the prisoners are to be released on Sunday")."""
    return token.dep_ == "xcomp" and token.head.lemma_ == "be" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def is_background(token: Token) -> bool:
    """Whether a trigger sits in a relative clause, a participle modifying a noun, or an "after/during/because
    of X" phrase: background to the sentence's main event."""
    current = token
    for _ in range(8):
        if current.dep_ in ("relcl", "acl") and current.i != token.i or (
                current.dep_ == "relcl" and current.i == token.i):
            return True
        if current.lower_ in BACKGROUND_WORDS and current.dep_ in ("prep", "mark", "pobj"):
            return True
        if current.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in BACKGROUND_WORDS
                                           for c in current.children):
            return True
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def dated_aside(token: Token) -> bool:
    """A noun trigger in the background of the sentence whose own relative clause or participle tells
    the day it took place ("reached during the third round of talks, which began on May 2"): an act the
    article reports with its own date, coded as the guide codes background paragraphs, not the topic
    of the main event. The clause hangs on the trigger or on the noun the trigger is "of"."""
    if coarse_pos(token) != "NOUN":
        return False
    nouns = [token]
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        nouns.append(token.head.head)
    return any(own_clause(c, token) and any(is_time_adjunct(p) and stated_day(p) for p in c.children)
               for noun in nouns for c in noun.children)


def told_aside(token: Token, rule: TriggerRule) -> bool:
    """An act of the noun a relative clause set off by a comma hangs on ("Hungary, which recognized Kosovo,"):
    a fact of its own the article reports, not background, and the guide codes every reported act. A
    restrictive clause ("the group that signed") names which one is meant, a clause of a place ("Darfur, where
    dozens were killed") sets the scene, a statement ("X, which accused Y") tells what the antecedent is
    like: all stay background (``VERBAL_TYPES``)."""
    if token.dep_ != "relcl" or coarse_pos(token) != "VERB" or rule.type in VERBAL_TYPES:
        return False
    relative = any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP") for c in token.children)
    return relative and set_off(token)


def dated_relative(token: Token, rule: TriggerRule) -> bool:
    """The verb of a relative clause that tells, with a stated day or year of its own, an act on the noun
    it hangs on ("resumed peace talks that were suspended in 2019", "the truce that was signed on 3
    March"): an act the article dates, coded as the guide codes background acts, not only which talks or
    truce is meant. A statement stays background, as in ``told_aside``; without a stated day ("the talks
    that collapsed last year", "the group that attacked the base") the clause names which one is meant."""
    if token.dep_ != "relcl" or coarse_pos(token) != "VERB" or rule.type in VERBAL_TYPES:
        return False
    return any(is_time_adjunct(c) and stated_day(c) for c in token.children)


def term_told(token: Token) -> bool:
    """Whether a trigger is a term of an agreed text told in a relative clause on the text's noun ("signed
    a deal under which X will withdraw", "a deal that would see X release the captives", "welcomed the
    truce, which includes a prisoner exchange"): what the text sets out, coded per provision (coding
    guide, "Retreats"), not background to the signing or welcoming the main clause tells."""
    clause = token
    while clause.dep_ != "relcl":
        if clause.head.i == clause.i:
            return False
        clause = clause.head
    if is_provision(clause):
        return True
    return any(c.dep_ == "prep" and c.lower_ == "under" and any(relative_text(p, clause) is not None
                                                                for p in c.children if p.dep_ == "pobj")
               for c in clause.children)


def set_off(clause: Token) -> bool:
    """Whether a clause is set off by a comma before it ("Hungary, which recognized Kosovo"): a non-restrictive
    relative clause, telling a fact of its own about the noun it hangs on."""
    left = clause.left_edge
    return left.i > 0 and clause.doc[left.i - 1].text == ","


def is_framework(token: Token, rule: TriggerRule) -> bool:
    """Talks or an agreement as the frame of another act (``FRAMEWORK_PREPS``), or talks as its means or aim
    (``MEANS_PREPS``): background, like "after X". "As agreed/negotiated" tells an earlier act: an event."""
    prep = token.head
    if token.dep_ != "pobj":
        return False
    if rule.type == "CONSULT" and prep.lower_ in MEANS_PREPS:
        return MEANS_PREPS[prep.lower_] in (None, prep.head.lower_)
    return rule.type in FRAMEWORK_TYPES and prep.lower_ in FRAMEWORK_PREPS


def names_a_kind(token: Token, rule: TriggerRule, triggers: dict[int, TriggerRule]) -> bool:
    """A talks word modifying a noun that is no act ("the negotiating parties", "the negotiation process",
    "the mediation team"): it says which parties, process or team, and tells no talks of its own. A place
    one is at ("still at the talks headquarters") tells the talks going on, and a noun with the talks' own
    parties ("the mediation between X and Y") or naming the talks themselves ("a mediation effort",
    ``talks_act``) is the talks: they stay."""
    head = token.head
    return (rule.type == "CONSULT" and token.dep_ in ("compound", "amod") and head.i != token.i
            and head.pos_ in ("NOUN", "PROPN") and head.i not in triggers
            and not (head.dep_ == "pobj" and head.head.lower_ in ("at", "in"))
            and not any(c.dep_ == "prep" and c.lower_ in PARTY_PREPS for c in head.children)
            and head.lemma_.lower() not in words("talks_act"))


def model_view(found: list[Found]) -> list[Found]:
    """A sentence's events as the table's own rows find them, without the nouns read off a verb's
    row ("the signing of"): what the learned model reads, in training (``scripts/train_events.py``)
    as at run time."""
    return [f for f in found if not f.rule.derived]


def _absorber(token: Token, triggers: dict[int, TriggerRule]) -> Token | None:
    """The trigger that acts on this noun trigger ("signed a ceasefire", "talks mediated by")."""
    head = token.head
    if head.i == token.i:
        return None
    if token.dep_ == "conj" and head.i in triggers and {token.lemma_.lower(), head.lemma_.lower()} <= \
            words("casualty") and coarse_pos(token) == coarse_pos(head) == "VERB" and not is_background(head):
        return head  # "killed one soldier and wounded two others": the toll of one attack
    if token.dep_ == "amod" and head.i in triggers and coarse_pos(head) == "NOUN" \
            and triggers[head.i].type == triggers[token.i].type:
        return head  # "the EU-mediated meeting": one meeting, with its mediator
    if coarse_pos(token) != "NOUN":
        return None
    if (token.dep_ in OBJECT_DEPS or object_misparsed(token)) and head.i in triggers:
        return head
    if token.dep_ == "nsubj" and head.i in triggers and triggers[head.i].type == triggers[token.i].type:
        return head  # "a bomb attack killed two soldiers": one attack
    if token.dep_ == "pobj" and head.lower_ in ("in", "during") and head.head.i in triggers \
            and triggers[head.head.i].type == triggers[token.i].type and not is_background(head.head):
        return head.head  # "wounded two soldiers in a bomb attack": one attack
    if (stopping := stopper(token, triggers)) is not None:
        return stopping  # "a pause in the fighting", "put an end to the attacks": the attack is what stops
    if token.dep_ in ("pobj", "pcomp") and head.dep_ == "prep" and head.lower_ in ABOUT_PREPS:
        if head.head.i in triggers:
            return head.head
    for child in token.children:
        if child.dep_ == "acl" and child.i in triggers and coarse_pos(child) == "VERB" \
                and not _wrapped_by(child, token):
            return child
    return None


def _wrapped_by(verb: Token, noun: Token) -> bool:
    """Whether an infinitive on a noun is what the noun wraps ("an agreement to exchange prisoners", "a
    pledge to withdraw"): the noun takes the act in (``_content_host``), so the act must not take the
    noun in as well, or each absorbs the other and the sentence loses both."""
    return noun.lemma_.lower() in wrapper_roles() and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _content_host(token: Token, triggers: dict[int, TriggerRule]) -> Token | None:
    """The wrapper trigger whose content this trigger is part of, walking up through objects, "about"
    prepositions and coordination (never across another clause)."""
    roles = wrapper_roles()
    current = token
    for _ in range(6):
        head = current.head
        if head.i == current.i:
            return None
        if current.dep_ == "prep":
            if current.lower_ not in ABOUT_PREPS:
                return None
        elif current.dep_ not in CONTENT_DEPS:
            return None
        if head.i in triggers and head.lemma_.lower() in roles:
            return head
        current = head
    return None


def _purpose_host(token: Token, triggers: dict[int, TriggerRule]) -> Token | None:
    """The event a trigger is the purpose, manner or stated reason of ("staged rallies to demand
    X", "demonstrated calling for X", "resigned to allow elections", "rallied, saying he must go"). An
    accusation in a participle ("withdrew from the talks, accusing X of Y") is a statement that is an act
    (coding guide, "Which events"), not the reason of the act beside it."""
    clause = token
    if token.i in triggers and triggers[token.i].type == "ACCUSE" and token.tag_ == "VBG" and token.dep_ == "advcl":
        return None  # "imposed sanctions, blaming them for X": the accusation is an act of its own (coding guide)
    if coarse_pos(token) == "NOUN" and token.dep_ == "dobj":
        clause = token.head  # "to press their demands": the verb the noun is the object of
    for _ in range(3):
        if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in words("report"):
            clause = clause.head  # "saying he must resign": the participle that reports it
        if clause.dep_ not in ("advcl", "xcomp") or coarse_pos(clause) != "VERB":
            return None
        if any(c.dep_ == "mark" for c in clause.children) or is_background(clause):
            return None
        head = clause.head
        if head.i in triggers:
            return head
        objects = [c for c in head.children if c.dep_ == "dobj" and c.i in triggers]
        if objects:
            return objects[0]
        clause = head
    return None


def modal_requests(sent: Span, triggers: dict[int, TriggerRule]) -> dict[int, TriggerRule]:
    """"X said Y must do Z": the verb under "must" in a reported clause is a REQUEST by X."""
    rules = trigger_rules().get("must", [])
    out: dict[int, TriggerRule] = {}
    for tok in sent:
        verb = tok.head
        if (rules and tok.dep_ == "aux" and tok.lower_ in words("modal:requested")
                and verb.i not in triggers and verb.dep_ == "ccomp"
                and verb.head.lemma_.lower() in words("report")
                and not any(c.dep_ == "nsubj" and c.lower_ in ("we", "i") for c in verb.children)):
            out[verb.i] = rules[0]
    return out


def find(sent: Span) -> list[Found]:
    """The events of one sentence, each trigger used once."""
    triggers = {t.i: rule for t in sent if (rule := match(t)) is not None}
    triggers.update(modal_requests(sent, triggers))
    triggers = {i: rule for i, rule in triggers.items() if not names_a_kind(sent.doc[i], rule, triggers)}
    found = {i: Found(sent.doc[i], rule, background=(is_background(sent.doc[i]) and not told_aside(sent.doc[i], rule)
                                                     and not term_told(sent.doc[i]) and not dated_aside(sent.doc[i])
                                                     and not dated_relative(sent.doc[i], rule))
                      or is_framework(sent.doc[i], rule))
             for i, rule in triggers.items()}
    absorbed: set[int] = set()
    for i, item in found.items():
        if participle_aside(item.token) and item.rule.type != "CONSULT":
            # "the accord, signed by X,": an act on the noun, neither its content nor wrapped by it; "the
            # deal, brokered by X," names the mediator of the deal (``mediators``), not talks of its own
            continue
        item.wrappers = wrapper_chain(item.token)
        outer = item.wrappers[0] if item.wrappers else (
            _absorber(item.token, triggers) or _content_host(item.token, triggers)
            or _purpose_host(item.token, triggers))
        if (outer is None or outer.i not in found) and item.wrappers:
            # "blocked roads to press their demands": the wrapped act is the purpose of another event
            outer = _purpose_host(item.wrappers[-1], triggers)
        if outer is None or outer.i not in found:
            if not item.wrappers and not item.inners and topic_host(item.token) is not None:
                absorbed.add(i)  # "monitoring the ceasefire" under talks: what they are about
            continue
        if wrapper_role(outer) == "topic":
            item.topic_of = outer
            item.wrappers = []
            continue
        found[outer.i].inners.append(item)
        absorbed.add(i)
    _absorb_conjuncts(found, absorbed)
    events = [f for i, f in sorted(found.items()) if i not in absorbed]
    if any(not f.weak for f in events):
        events = [f for f in events if not f.weak]
    return events


def topic_host(token: Token) -> Token | None:
    """The talks, demand, proposal or plan a noun trigger only names the subject of ("discussions over a
    mechanism for monitoring the truce", "demands including a withdrawal"): walking up through objects,
    coordination and "on/about/over/for/of" phrases, never across a clause with a subject of its own."""
    if coarse_pos(token) != "NOUN":
        return None
    hosts = words("topic_host")
    current = token
    for _ in range(6):
        head = current.head
        if head.i == current.i or current.dep_ not in TOPIC_DEPS + ("prep",):
            return None
        if current.dep_ == "prep" and current.lower_ not in TOPIC_PREPS:
            return None
        if (talks := _topic_subject(head)) is not None:
            return talks  # "the talks focused on the release of prisoners"
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children) and head.pos_ in ("VERB", "AUX"):
            return None  # a clause of its own ("Kyiv rejected the truce")
        if head.lemma_.lower() in hosts:
            return head
        current = head
    return None


def _topic_subject(verb: Token) -> Token | None:
    """The talks or demand that are the subject of a verb of subject matter ("the talks focused on /
    covered / centred on X", ``topic_verb``): what X names is what they are about."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in words("topic_verb"):
        return None
    hosts = words("topic_host")
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() in hosts:
            return child
    return None


def _absorb_conjuncts(found: dict[int, Found], absorbed: set[int]) -> None:
    """A noun trigger coordinated with one another event took in goes with it ("talks on a ceasefire
    and the exchange of prisoners": both are what the talks are about, not two acts)."""
    owner = {inner.token.i: f for f in found.values() for inner in f.inners}
    for i, item in sorted(found.items()):
        head = item.token.head
        if i in absorbed or item.token.dep_ != "conj" or coarse_pos(item.token) != "NOUN" or head.i not in owner:
            continue
        owner[head.i].inners.append(item)
        absorbed.add(i)


def is_anaphoric(item: Found) -> bool:
    """A bare definite noun trigger ("support for the demand") that names an event of the sentence
    again rather than a new one: no modifier, possessor or complement of its own."""
    tok = item.token
    if coarse_pos(tok) != "NOUN" or item.inners:
        return False
    deps = [c.dep_ for c in tok.children]
    return deps == ["det"] and next(tok.children).lower_ in ANAPHORIC_DETS

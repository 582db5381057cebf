"""Who said it: the speaker span beside the cue and the entity it stands for.

Rules, in order (the first that applies decides, and the quote's ``why`` names it):

1. ``mention``: a mention (from ``mentions`` or ``actors``, including resolved pronouns labelled
   ``PRON``) that covers the subject's head word, else one in the words before the head ("Obama's
   former strategist") or in an apposition ("one of the attorneys, Justin Bamberg"), is the
   speaker span; its entity is the speaker.
2. ``speakers.tsv``: a pronoun ("he", "she") or a definite role noun ("the minister") without a
   mention of its own resolves to the nearest person-entity mention before it that is the subject
   of its clause (the centre of attention in news prose: "Bayramov informed that ... to Yerevan.
   He believes ..." is Bayramov), else to the nearest person-entity mention before it; "it"
   likewise to the nearest institution, armed group, IGO or state (not a dateline or place):
   "The ministry said … It added …"; so do "we" and "they". A person role noun with no person
   named before it ("the spokesman said") speaks for the actor that last spoke (the subject of a
   cue), else the nearest actor. A body noun ("the ministry", "the army", "the agency") resolves to
   the last actor named with that word or an alias of ``speakers.tsv``, else to the state or
   institution (not an armed group) that last spoke, else the nearest. A document noun ("the
   statement said", "the communique") speaks for its issuer: the coded actor that issued the last
   one named before ("X issued a statement", "X said in a statement", "X's statement", "a statement
   from X"), else the actor or person that last spoke, else the nearest; a joint statement has no
   single speaker (coding guide). A service noun with no state of its own ("the air force", "the
   navy", "the coast guard"; with a state in focus the actors component has coded it already) is
   the state's forces that last spoke, else the ones named nearest ("Ukrainian forces").
3. ``surname``: a proper-noun subject without a mention ("Young said") that is the last word of a
   person entity's name resolves to that person.
4. ``relative``: "who" / "that" / "which" opening a relative clause ("McConnell, who said …")
   keeps its own span and takes the entity of the noun the clause hangs from.
5. Otherwise the speaker span is the subject phrase up to its head word and the speaker is unknown.

A speaker is coded by what it speaks for: when rules 1-5 leave a speaker with no entity or an
entity without a code, a coded actor named inside the subject phrase ("medical officials in Gaza",
"the Hamas-run health ministry", "a spokesman for the army") is the speaker's entity (``speaking
for``); the speaker span stays where it was. A subject that coordinates actors of two codes ("Saudi
Arabia and the US said"), and "they" after such a subject, speak jointly: no speaker entity (the
coding guide gives a joint statement no single speaker code).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ...types import Mention, Result
from ..actors.datelines import is_dateline
from .lexicon import Lexicon

Range = tuple[int, int]
_RELATIVE = ("who", "that", "which")
_DEFINITE = ("the", "its", "our", "their")  # "the ministry", "our delegation": a body named before
# Entities "it" may stand for as a speaker: institutions, armed groups, IGOs and states (not places).
ACTOR_KINDS = frozenset({"organization", "armed_group", "igo", "state"})


@dataclass(frozen=True)
class Speaker:
    """The speaker of one cue: where it stands, who it is (entity id) and why."""

    span: Range | None
    entity: str | None
    why: str


class SpeakerFinder:
    """Resolves cue subjects to entities for one document."""

    def __init__(self, doc: Doc, result: Result, lex: Lexicon, speaking: tuple[Token, ...] = ()) -> None:
        self.mentions = sorted(result.mentions, key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.mentions]
        self.codes = {e.id: e.code for e in result.entities}
        self.doc = doc
        persons = {e.id for e in result.entities if e.kind == "person"}
        self.person_mentions = [m for m in self.mentions if m.entity in persons and m.label != "PRON"]
        actors = {e.id for e in result.entities if e.kind in ACTOR_KINDS and e.code}
        self.actor_mentions = [m for m in self.mentions if m.entity in actors and m.label != "PRON"
                               and not is_dateline(m)]
        bodies = {e.id for e in result.entities if e.kind in ACTOR_KINDS - {"armed_group"}}
        self.body_mentions = [m for m in self.actor_mentions if m.entity in bodies]
        self.subjects = {id(m) for m in self.person_mentions + self.actor_mentions if _is_subject(doc, m)}
        self.speaking = _holding(self.actor_mentions + self.person_mentions, speaking)
        # A state's forces ("Ukrainian forces", "Sudan's army"), not an armed group's: whose a service is.
        armed_forces = forces(result)
        self.forces = [m for m in self.mentions if m.label != "PRON" and m.entity in armed_forces]
        self.coded = [m for m in self.person_mentions + self.actor_mentions if self.codes.get(m.entity or "")]
        self.surnames = {key: e.id for e in result.entities if e.kind == "person" and e.name.split()
                         for key in _surname_keys(e.name)}
        self.lex = lex

    def _covering(self, start: int, end: int) -> Mention | None:
        i = bisect_left(self.starts, end)
        for m in reversed(self.mentions[max(0, i - 8):i]):
            if m.start < end and start < m.end:
                return m
        return None

    def _within(self, start: int, end: int) -> Mention | None:
        i = bisect_left(self.starts, start)
        for m in self.mentions[i:]:
            if m.start >= end:
                return None
            if m.end <= end:
                return m
        return None

    def _previous_person(self, before: int, pool: list[Mention] | None = None) -> tuple[Mention | None, str]:
        found, subject = None, None
        for m in self.person_mentions if pool is None else pool:
            if m.start >= before:
                break
            found = m
            if id(m) in self.subjects:
                subject = m
        if subject is not None:
            return subject, "nearest preceding person subject"
        return found, "nearest preceding person"

    def _previous_body(self, word: str, aliases: str, before: int) -> tuple[Mention | None, str]:
        """'the ministry': the last actor named with that word or one of its ``aliases`` ('the
        military' after 'Sudan's army'), else the nearest preceding state or institution (not an
        armed group: these are a state's bodies), the subject of its clause first."""
        words = {word, *(w for w in aliases.split(",") if w)}
        named = [m for m in self.actor_mentions if m.start < before and words & set(m.text.lower().split())]
        if named:
            return named[-1], f"last actor named with {word!r}"
        return self._previous_speaker(before, self.body_mentions, "state body")

    def _previous_speaker(self, before: int, pool: list[Mention], what: str) -> tuple[Mention | None, str]:
        """The last mention of ``pool`` before ``before`` that is the subject of a cue (the body that
        last spoke), else the nearest one that is the subject of its clause, else the nearest."""
        spoke = [m for m in pool if m.start < before and id(m) in self.speaking]
        if spoke:
            return spoke[-1], f"last {what} that spoke"
        prev, how = self._previous_person(before, pool)
        return prev, how.replace("person", what)

    def _issuer(self, subject: Token) -> tuple[Mention | None, str]:
        """'the statement said': the actor that issued the last statement named before ('X issued a
        statement', 'X said in a statement', 'X's statement', 'a statement from X'), else the actor
        (or person) that last spoke, else the nearest."""
        lemma = subject.lemma_.lower()
        for t in reversed(self.doc[:subject.left_edge.i]):
            if t.lemma_.lower() == lemma:
                found = self._issuing(t)
                if found is not None:
                    return found, f"issuer of the {t.lower_} named before"
        return self._previous_speaker(subject.idx, self.coded, "actor")

    def _issuing(self, noun: Token) -> Mention | None:
        """The coded actor that issues ``noun``: its owner, 'from'/'by' X, else the subject of the verb
        it hangs from ('X issued a statement', 'X said in a statement')."""
        words = [c for c in noun.children if c.dep_ == "poss"]
        words += [g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
                  for g in c.children if g.dep_ == "pobj"]
        verb = noun.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        words += [c for c in verb.children if c.dep_ in ("nsubj", "agent")]
        words += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        for word in words:
            m = self._covering(word.idx, word.idx + len(word))
            if m is not None and self.codes.get(m.entity or "") and not is_dateline(m):
                return m
        return None

    def find(self, subject: Token | None) -> Speaker:
        if subject is None:
            return Speaker(None, None, "no subject")
        if self.lex.speakers.get(subject.lemma_.lower()) == "document" and \
                any(c.lower_ == "joint" for c in subject.children):
            span = (subject.left_edge.idx, subject.idx + len(subject))
            return Speaker(span, None, f"joint {subject.lower_}: no single speaker")
        found = self._find(subject)
        if self._joint(subject):
            return Speaker(found.span, None, f"{found.why}; a coordinated subject of two actors: no single speaker")
        if found.entity is not None and self.codes.get(found.entity):
            return found
        return self._speaking_for(subject, found) or self._uncoded_name(subject, found) or found

    def _joint(self, subject: Token) -> bool:
        """Whether a subject coordinates actors of two codes ("Saudi Arabia and the US said"): the
        coding guide gives a joint statement no single speaker code."""
        words = [subject, *(c for c in subject.children if c.dep_ == "conj")]
        found = {self.codes.get(m.entity or "") for t in words
                 if (m := self._covering(t.idx, t.idx + len(t))) is not None and m.label != "PRON"}
        return len(found - {None}) > 1

    def _joint_at(self, mention: Mention) -> bool:
        """Whether ``mention`` heads a coordinated subject of two codes ("X and Y hosted the talks")."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span is not None and span.root.dep_ in ("nsubj", "nsubjpass") and self._joint(span.root)

    def _uncoded_name(self, subject: Token, found: Speaker) -> Speaker | None:
        """A service or document noun that spaCy names without a code ('the navy' tagged ORG after
        "Ukraine's navy"): the rule of its noun, when that finds a coded actor."""
        rule = self.lex.speakers.get(subject.lemma_.lower(), "")
        if found.entity is None or rule not in ("service", "document"):
            return None
        left = subject.left_edge.idx
        again = self._fallback(subject, (left, subject.idx + len(subject)))
        if again.entity is None or not self.codes.get(again.entity):
            return None
        return Speaker(found.span, again.entity, f"{found.why} without a code; {again.why}")

    def _speaking_for(self, subject: Token, found: Speaker) -> Speaker | None:
        """A coded actor named inside the subject phrase, for a speaker without a code."""
        last = subject.right_edge
        start, end = subject.left_edge.idx, last.idx + len(last)
        i = bisect_left(self.starts, start)
        for m in self.mentions[i:]:
            if m.start >= end:
                return None
            if m.end <= end and m.entity is not None and self.codes.get(m.entity) and m.label != "PRON" \
                    and not is_dateline(m):
                return Speaker(found.span, m.entity, f"{found.why}, speaking for {m.text!r}")
        return None

    def _find(self, subject: Token) -> Speaker:
        head = (subject.idx, subject.idx + len(subject))
        left = subject.left_edge.idx
        mention = self._covering(*head) or self._within(left, head[1])
        for appos in (c for c in subject.children if c.dep_ == "appos"):
            last = appos.right_edge
            mention = mention or self._within(appos.left_edge.idx, last.idx + len(last))
        if mention is not None:
            return Speaker((mention.start, mention.end), mention.entity,
                           f"mention {mention.text!r} ({mention.why or mention.label})")
        return self._fallback(subject, (left, head[1]))

    def _fallback(self, subject: Token, phrase: Range) -> Speaker:
        word = subject.lower_
        rule = self.lex.speakers.get(word if subject.pos_ == "PRON" else subject.lemma_.lower())
        definite = subject.pos_ == "PRON" or any(c.lower_ in _DEFINITE for c in subject.children)
        span = (subject.idx, subject.idx + len(subject)) if subject.pos_ == "PRON" else phrase
        if rule == "person" and definite:
            prev, how = self._previous_person(span[0])
            if prev is not None:
                return Speaker(span, prev.entity, f"speakers.tsv:{word} -> {how} {prev.text!r}")
        rule, _, aliases = (rule or "").partition(":")
        if rule == "body" and definite:
            prev, how = self._previous_body(subject.lemma_.lower(), aliases, span[0])
            if prev is not None:
                return Speaker(span, prev.entity, f"speakers.tsv:{word} -> {how} {prev.text!r}")
        if rule == "actor" and subject.pos_ == "PRON":
            prev, how = self._previous_person(span[0], self.actor_mentions)
            if prev is not None and word == "they" and self._joint_at(prev):
                return Speaker(span, None, f"speakers.tsv:{word} -> {prev.text!r} with another: no single speaker")
            if prev is not None:
                how = how.replace("person", "actor")
                return Speaker(span, prev.entity, f"speakers.tsv:{word} -> {how} {prev.text!r}")
        if rule == "person" and definite:
            prev, how = self._previous_speaker(span[0], self.actor_mentions, "actor")
            if prev is not None:
                return Speaker(span, prev.entity, f"speakers.tsv:{word} -> {how} {prev.text!r}")
        if rule == "document" and definite:
            prev, how = self._issuer(subject)
            if prev is not None:
                return Speaker(span, prev.entity, f"speakers.tsv:{word} -> {how} {prev.text!r}")
        if rule == "service" and definite:
            prev, how = self._previous_speaker(span[0], self.forces, "state's forces")
            if prev is not None:
                return Speaker(span, prev.entity, f"speakers.tsv:{word} -> {how} {prev.text!r}")
        surname = self.surnames.get(word) if subject.pos_ == "PROPN" else None
        if surname is not None:
            return Speaker(span, surname, f"surname {subject.text!r} of a person named earlier")
        if word in _RELATIVE and subject.head.dep_ == "relcl" and subject.head.head.i != subject.i:
            antecedent = self.find(subject.head.head)
            if antecedent.entity is not None:
                return Speaker(span, antecedent.entity, f"relative {word!r} -> {antecedent.why}")
        return Speaker(span, None, f"subject {word!r} without a mention")


def _holding(mentions: list[Mention], tokens: tuple[Token, ...]) -> set[int]:
    """Ids of the mentions that hold one of ``tokens`` (a binary search each, not every token)."""
    starts = sorted(t.idx for t in tokens)
    return {id(m) for m in mentions if bisect_left(starts, m.end) > bisect_left(starts, m.start)}


def forces(result: Result) -> set[str]:
    """Entities that are a state's armed forces or police: sector MIL or COP, coded, not an armed group."""
    return {e.id for e in result.entities if e.sector in ("MIL", "COP") and e.code and e.kind != "armed_group"}


def _surname_keys(name: str) -> set[str]:
    """'Majed al-Ansari' is 'al-Ansari' and 'Ansari' when named again."""
    last = name.split()[-1].casefold()
    return {last, last.rsplit("-", 1)[-1]}


def _is_subject(doc: Doc, mention: Mention) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")

"""The content of a verb cue, by its frame: the complements ``cues.tsv`` lists for the verb, an
unmarked clause, the topic of a speech verb, the noun object a named source says, the judgement of a
naming verb and the passive subject of a verb with no other content (``cues``, docs/quotes.md).

Predicates and spans over a spaCy parse; the verb's entry in the tables is read by ``cues``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .frames import fenced, that_clause
from .lexicon import Lexicon

Range = tuple[int, int]
_NAMED_PRONOUNS = ("he", "she")
_TOPIC = ("prep:about",)  # what a speech verb with no other content is about (``topic``)
_OBJECTS_OF_PREP = ("pobj", "pcomp")


def trim(doc: Doc, start: int, end: int) -> Range | None:
    """Character range of tokens ``start``..``end`` (exclusive) without edge punctuation, a
    conjunction opening it ("And Mrs. Clinton now holds …, according to …") or one dangling at
    the end."""
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].dep_ == "cc"):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"):
        end -= 1
    if end <= start:
        return None
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def fits(child: Token, dep: str) -> bool:
    label, _, word = dep.partition(":")
    return child.dep_ == label and (not word or child.lower_ == word)


def clause(verb: Token, deps: tuple[str, ...]) -> Range | None:
    """The content: the first listed dependent found and the listed ones beside it on its side
    of the verb ('urged Baku to act': dobj + xcomp). ``prep:for`` means a "for" phrase's object."""
    found = [c for dep in deps for c in verb.children if fits(c, dep) and not fenced(verb, c)]
    if not found:
        return None
    right = found[0].i > verb.i or any(that_clause(c) for c in found if c.i > verb.i)
    side = sorted((c for c in found if (c.i > verb.i) == right), key=lambda c: c.i)
    first, last = side[0], side[-1]
    start = first.i + 1 if first.dep_ == "prep" else first.left_edge.i
    return trim(verb.doc, start, last.right_edge.i + 1)


def unmarked_clause(verb: Token) -> Range | None:
    """'Trump said after the convention he would not accept …': a clause with a subject of its own
    and no conjunction, parsed as an adverbial clause of the speech verb, is what was said."""
    for c in verb.rights:
        subject = next((k for k in c.children if k.dep_ in ("nsubj", "nsubjpass")), None)
        if c.dep_ == "advcl" and subject is not None and not any(k.dep_ == "mark" for k in c.children):
            return trim(verb.doc, subject.left_edge.i, c.right_edge.i + 1)
    return None


def topic(verb: Token) -> Range | None:
    """What a speech verb with no other content is about: its "about" phrase ('asked him about his
    tax returns'), unless that is a pronoun alone ('wrote about it': the words are elsewhere)."""
    about = next((c for c in verb.rights if fits(c, _TOPIC[0]) and not fenced(verb, c)), None)
    if about is None:
        return None
    words = [k for k in about.children if k.dep_ == "pobj"]
    if not words or (words[0].pos_ == "PRON" and words[0].left_edge.i == words[0].right_edge.i):
        return None
    return trim(verb.doc, about.i + 1, about.right_edge.i + 1)


def named_object(verb: Token, subject: Token | None, lex: Lexicon) -> Range | None:
    """'He claimed vast wealth', 'Trump disclosed detailed medical records': the noun object of a
    speech or report verb with no clause is what was said when a named source says it (a proper
    noun, "he" / "she" standing for one, or a document or poll, ``_document``), the verb finite and
    not negated; not 'the committee answered questions' (nobody named), 'did not disclose the terms'
    or 'wrote it' (the words are elsewhere)."""
    if subject is None or not (subject.pos_ == "PROPN" or subject.lower_ in _NAMED_PRONOUNS
                               or _document(subject, lex)):
        return None
    if any(c.dep_ == "neg" for c in verb.children) or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
        return None
    return clause(verb, ("dobj",))


def _document(subject: Token, lex: Lexicon) -> bool:
    """Whether a subject is a document or a poll, a source in its own right ('The survey showed a
    narrow lead', 'the statement reported heavy losses'): a noun of ``sources.tsv`` or a document
    noun of ``speakers.tsv``."""
    lemma = subject.lemma_.lower()
    return subject.pos_ == "NOUN" and (lemma in lex.sources or lex.speakers.get(lemma) == "document")


def passive_subject(verb: Token) -> Range | None:
    """'North Korea's nuclear ambitions have barely been mentioned', 'the diagnosis was confirmed':
    a passive speech, report or judging verb with no other content reports its passive subject."""
    said = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if said is None or said.pos_ not in ("NOUN", "PROPN") or any(_other_sense(c) for c in verb.children):
        return None
    return trim(verb.doc, said.left_edge.i, said.right_edge.i + 1)


def _other_sense(child: Token) -> bool:
    """A complement that gives a passive verb another sense or another content: a particle ('talks
    were called off'), a stranded preposition ('are referred to by'), "as" ('was quoted as saying'),
    a clause or a predicate."""
    if child.dep_ in ("prt", "xcomp", "ccomp", "advcl", "oprd"):
        return True
    stranded = not any(k.dep_ in _OBJECTS_OF_PREP for k in child.children)
    return child.dep_ == "prep" and (child.lower_ == "as" or stranded)


def judged(verb: Token) -> Range | None:
    """'Moscow called the strike a provocation', 'called Oz a quack': a naming verb with a predicate
    of its object (``oprd``, or a second object) reports the object and what it is called, the judgement PolNeAR takes
    for the content; 'called the hearing' or 'called his troops to the front' name nothing."""
    said = [c for c in verb.rights if c.dep_ in ("dobj", "oprd")]
    if len(said) < 2 and not any(c.dep_ == "oprd" for c in said):  # the parse makes it two objects too
        return None
    return trim(verb.doc, said[0].left_edge.i, said[-1].right_edge.i + 1)

"""Quoted words in the complements of a verb outside the tables: a mixed quote of the verb's subject.

'Cruz exhorted Republicans to "vote your conscience"', 'has used the phrase "Islamic terrorism"',
'specified "Christian" as their religion': the quotation marks say the words are someone's, and the
verb, whatever it is, is how the journalist reports them. PolNeAR's guidelines take the cue to be the
verb and the content its complements, as for the verbs of ``cues.tsv`` whose object holds a quotation
('called the proposal "a step backwards"'). A quotation no cue took and that does not fill its
sentence (a stand-alone quotation inherits a speaker instead) is looked up here: it must be a whole
phrase, and the verb must govern it directly, through a preposition of its own, or through its
object's apposition ("the phrase '…'"); the verb stands before it outside every quotation and has a
subject; the content is the verb's right-hand complements.

Not such a quotation: part of a larger noun phrase ('a separate "reconstruction trust"', '"miracle"
cures': a scare quote), words on a thing named ('a shirt with "Free the prisoners"', 'chants of
"Peace now"'), the complement of a copula ('the requirement is a "lawful source"': the subject is
what the words describe, not who said them) or of a participle modifying a noun ('the bill, known as
the "… Act"': no subject of its own).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .marks import Quotation
from .subjects import subject_of

Range = tuple[int, int]
# Dependencies a quotation climbs through on its way to the verb.
_CLIMB = frozenset({"dobj", "pobj", "prep", "appos", "attr", "oprd", "conj", "dative", "acomp", "xcomp", "ccomp"})
# Words outside the quotation that make it part of a larger noun phrase.
_NOUN_PHRASE = frozenset({"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})


def object_verb(doc: Doc, q: Quotation) -> Token | None:
    """The verb whose complements hold the quotation ``q``, before it in the text; None when the
    quotation is part of a noun phrase, names a thing, or hangs from a copula, a modifier or nothing."""
    span = doc.char_span(q.content_start, q.content_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    if any(not span.start <= c.i < span.end and c.dep_ in _NOUN_PHRASE for c in tok.children):
        return None
    for step in range(6):
        head = tok.head
        if head.i == tok.i or tok.dep_ not in _CLIMB or (step and tok.dep_ == "pobj"):
            return None
        if tok.dep_ == "prep" and head.pos_ in _NOMINAL:
            return None
        if head.pos_ == "VERB" and head.idx < q.start:
            return head if head.dep_ not in ("amod", "acl") and head.lemma_ != "be" else None
        if head.pos_ in ("VERB", "AUX"):
            return None
        tok = head
    return None


def object_cue(doc: Doc, q: Quotation, quoted: list[Range]) -> tuple[Token, Token] | None:
    """The verb and its subject for a quotation in the verb's complements, if both are there."""
    verb = object_verb(doc, q)
    if verb is None:
        return None
    subject = subject_of(verb, quoted)
    if subject is None or q.start <= subject.idx < q.end:
        return None
    return verb, subject

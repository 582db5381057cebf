"""Parse frames of reporting cues: which complement of a verb is what it reports.

Predicates over a spaCy parse, with no table: the finite complement clause that makes a verb of
``clause_verbs.tsv`` a cue ("suspect [those losses were generated …]"), the that-clause preferred
of two complements, the clause an "as" clause of a cue modifies ("As experts have pointed out,
[…]"), the participle a cue continues, and whether a colon or semicolon fences a complement off.
"""

from __future__ import annotations

from spacy.tokens import Token

_TENSED = ("VBD", "VBZ", "VBP", "MD")
_WH = ("WDT", "WP", "WP$", "WRB")


def fenced(verb: Token, child: Token) -> bool:
    """Whether a colon or semicolon stands between ``child``'s phrase and the verb: 'The revelation
    … set off partisan fireworks: Republicans said they …' (the parse hung the clause before the
    colon on "said"; what was said follows it)."""
    doc = verb.doc
    if child.i < verb.i:
        lo, hi = child.right_edge.i, verb.i
        while lo > child.i and doc[lo].is_punct:  # a colon the parse hung on the clause is still between
            lo -= 1
    else:
        lo, hi = verb.i, child.left_edge.i
        while hi < child.i and doc[hi].is_punct:
            hi += 1
    return any(doc[k].text in (":", ";") for k in range(lo + 1, hi))


def that_clause(child: Token) -> bool:
    """Whether a complement opens with "that": of two the parse hung on a cue ('Should the company
    fail, environmentalists worry that the cost …'), the one after the verb opened by "that" is
    what is reported, not the clause before it."""
    return child.dep_ == "ccomp" and any(k.dep_ == "mark" and k.lower_ == "that" for k in child.children)


def finite_complement(verb: Token) -> Token | None:
    """The verb's complement clause when it is finite: it opens with "that", "whether" or "if", or
    it has a subject and a tensed verb or auxiliary ('suspect [those losses were generated]'); an
    infinitive or a participle ('allows investors to gain …') is not one."""
    for c in verb.children:
        if c.dep_ != "ccomp" or c.i < verb.i or fenced(verb, c):
            continue
        marks = {k.lower_ for k in c.children if k.dep_ == "mark"}
        if marks & {"that", "whether", "if"}:
            return c
        if c.left_edge.tag_ in _WH and c.left_edge.lower_ != "that":
            continue  # 'decide what information could be useful': a question, not a claim
        if tensed(c) and any(k.dep_ in ("nsubj", "nsubjpass", "expl") for k in c.children):
            return c
    return None


def tensed(verb: Token) -> bool:
    """Whether a verb is finite: tensed itself or through an auxiliary ('said', 'will say', 'has
    said'), not an infinitive or a participle ('to think', 'saying')."""
    return verb.tag_ in _TENSED or any(k.dep_ in ("aux", "auxpass") and k.tag_ in _TENSED for k in verb.children)


def own_clause(verb: Token) -> bool:
    """Whether a verb heads a clause of its own, one that a comma can set off ('…, Graham said, …'):
    not the infinitive of another verb ('he declined to comment'), and tensed or with a subject of
    its own (not a bare participle: 'Patriot failed as predicted')."""
    if verb.dep_ == "xcomp":
        return False
    return tensed(verb) or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def as_clause(verb: Token) -> tuple[int, int] | None:
    """'As many experts have pointed out, the mayor is free to …', 'as I have suggested, …': a cue
    in an adverbial clause opened by "as", with no complement of its own, reports the clause it
    modifies, without the "as" clause (its tokens, start and end)."""
    if verb.dep_ != "advcl" or any(c.dep_ in ("ccomp", "dobj", "xcomp") and not _it(c) for c in verb.children):
        return None
    head, doc = verb.head, verb.doc
    if head.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    if not any(c.dep_ in ("nsubj", "agent") for c in verb.children):  # 'proposed dropping it as promised'
        return None
    if verb.i < head.i:
        after = verb.right_edge.i + 1
        return (after, head.right_edge.i + 1) if after < len(doc) and doc[after].text == "," else None
    before = verb.left_edge.i - 1
    return (head.left_edge.i, verb.left_edge.i) if before >= 0 and doc[before].text == "," else None


def _it(child: Token) -> bool:
    """An object "it" standing for the words reported ('as a memo put it, …', 'as he said it')."""
    return child.dep_ == "dobj" and child.lower_ == "it"


def put_it(verb: Token) -> bool:
    """'As a Homeland Security memo put it, …', '…, as The New Yorker put it, "the operator."': "put"
    with the object "it" in an "as" clause is a verb of saying (the word alone is none: 'put the
    rule on hold')."""
    return verb.lemma_.lower() == "put" and any(_it(c) for c in verb.children) \
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def participle(verb: Token) -> Token | None:
    """The participle a cue is, or hangs from as its infinitive ('going on to say', 'continuing to
    insist'), else None."""
    if verb.tag_ == "VBG":
        return verb
    return verb.head if verb.dep_ == "xcomp" and verb.head.tag_ == "VBG" else None

"""Who speaks at a reporting cue: the subject token of a cue verb.

A cue verb's speaker is its nominal subject outside every quotation; a passive cue takes its "by"
agent, and without one names nobody (the one it is said of is no source: "Mr. Quiros was accused
of …", "it is considered a threat"); a participle or conjoined verb without either borrows the
subject of the verb it hangs from, climbing the chain of such verbs; failing all that, a noun right
beside the verb is taken as a misparsed subject, or a name the parse hung on the phrase before a main
verb (``subject_of``, ``hung_before``). Finding the cues and their content
is ``cues``; resolving the speaker token to a person or an organization is ``speaker``.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token

Range = tuple[int, int]
_SUBJECTS: tuple[str, ...] = ("nsubj",)
# A verb lent its subject by the verb it hangs from takes that verb's subject as written, passive
# too: 'After saying …, she was whisked off' (she said), 'he was asked to say …' (he says).
_BORROWED = ("nsubj", "nsubjpass")
_BORROW = ("advcl", "xcomp", "conj", "pcomp", "prep", "acl", "dobj", "pobj", "acomp")
_NOMINAL = ("NOUN", "PROPN", "PRON")
_FINITE = ("VBD", "VBZ", "VBP")
_ANY_SUBJECT = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")


def subject_of(verb: Token, quoted: list[Range]) -> Token | None:
    """The speaker token of a cue verb: its subject outside the quotations, a passive one's "by" agent
    (none without it), else the subject of the verb it hangs from (up the chain of such verbs to the
    first with a subject: a step limit only cut long chains short), else a noun beside it, else a name
    the parse hung on the phrase before the main verb."""
    current, deps = verb, _SUBJECTS
    for _ in range(len(verb.doc)):  # a bound only: every climb ends at the sentence's root
        subj = _nearest([c for c in current.children if c.dep_ in deps and not inside(c.idx, quoted)],
                        current) or _agent(current)
        if subj is not None:
            return None if _dummy(subj, current, verb) else subj
        if current.i == verb.i and passive(verb) and not _quoting(verb, quoted):
            return None  # 'Mr. Quiros was accused of …': who accused him is not said
        if current.dep_ not in _BORROW or current.head.i == current.i:
            return _beside(verb) or hung_before(current)
        current, deps = current.head, _BORROWED
    return _beside(verb)


def _dummy(subject: Token, holder: Token, verb: Token) -> bool:
    """Whether a borrowed subject is an "it" before an adjective ('It is worth noting that …', 'it is
    fair to say …'): mostly the dummy of an adjective whose infinitive has no speaker of its own, so
    the cue names none (while 'The general was unable to … accuse …' lends the general)."""
    return holder.i != verb.i and subject.lower_ == "it" and any(c.dep_ == "acomp" for c in holder.children)


def passive(verb: Token) -> bool:
    """Whether a cue verb is passive ('was accused', 'is considered'): its subject is what was said
    about, not who said it, so with no "by" agent the report names no source (PolNeAR leaves it out)."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _quoting(verb: Token, quoted: list[Range]) -> bool:
    """Whether a quotation stands in the cue's sentence (whose passive cue may name its speaker)."""
    sent = verb.sent
    return any(s < sent.end_char and sent.start_char < e for s, e in quoted)


def _nearest(subjects: list[Token], verb: Token) -> Token | None:
    """Of two subjects the parse gave one verb ('People like Scott, he said': the reported words
    taken for a subject), the one nearest before it speaks."""
    before = [c for c in subjects if c.i < verb.i]
    return before[-1] if before else (subjects[0] if subjects else None)


def verb_subject(verb: Token, quoted: list[Range]) -> Token | None:
    """The speaker token of any verb, by the rules of a cue's subject (for a colon before a quote)."""
    return subject_of(verb, sorted(quoted))


def _agent(verb: Token) -> Token | None:
    """The speaker of a passive cue: 'was called a charlatan by fellow physicians'."""
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return None if by is None else next((c for c in by.children if c.dep_ == "pobj"), None)


def _beside(verb: Token) -> Token | None:
    """A misparsed subject: the noun right before the verb ('strategist said'), or right after it
    when the verb follows a quotation ('," said Caddell')."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].pos_ in ("ADV", "AUX", "PART") and verb.i - i < 3:
        i -= 1
    if i >= 0 and doc[i].pos_ in _NOMINAL and (doc[i].dep_ not in ("dobj", "pobj") or _opens_line(doc, i)):
        return doc[i]
    after = verb.i + 1
    if verb.i > 0 and doc[verb.i - 1].is_punct and after < len(doc) and doc[after].pos_ in _NOMINAL:
        return doc[after]
    return None


def hung_before(root: Token) -> Token | None:
    """The subject the parse hung on the phrase before it: a finite main verb with no subject at all,
    right after a name that is a conjunct or apposition of a noun across a comma ('In a panel in
    Washington, Marc Morial, the head of the League, told …'; '… of the war, Obama and Clinton call
    them …'), takes that name (the first of names joined by "and")."""
    if root.head.i != root.i or root.tag_ not in _FINITE or any(c.dep_ in _ANY_SUBJECT for c in root.children):
        return None
    doc = root.doc
    i = root.i - 1
    while i >= 0 and doc[i].pos_ in ("ADV", "PART"):
        i -= 1
    if i < 1:
        return None
    name = doc[i]
    if name.text == ",":  # an apposition set off by commas: climb to the noun it stands beside
        name = doc[i - 1]
        while name.dep_ != "appos" and name.head.i < name.i and name.head.i < i:
            name = name.head
        if name.dep_ != "appos":
            return None
        name = name.head
    while name.dep_ == "conj" and name.head.pos_ == "PROPN" and any(c.dep_ == "cc" for c in name.head.children):
        name = name.head  # 'Obama and Clinton': the first name
    left = name.left_edge.i
    if name.pos_ != "PROPN" or name.dep_ not in ("conj", "appos") or name.head.i >= left or left < 1 \
            or doc[left - 1].text != ",":
        return None
    return name


def _opens_line(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is the first word of its paragraph (a parse across the break, "Recommended
    / Ansari said", hangs it on the line before)."""
    return i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_


def inside(idx: int, ranges: list[Range]) -> bool:
    """Whether ``idx`` falls in one of ``ranges`` (sorted by start, not overlapping)."""
    i = bisect_right(ranges, idx, key=lambda r: r[0]) - 1
    return i >= 0 and ranges[i][0] <= idx < ranges[i][1]

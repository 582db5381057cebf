"""Which way in time a relative expression points, from the verb that governs it.

News reports the past: "said Monday" is the latest Monday on or before publication, "will meet on
Monday" the next one. We climb from the expression to its verb in spaCy's parse and read the cues
of ``data/timex/tense.tsv``: a future auxiliary (will, 'll, shall, would), a verb of planning
("planned to leave Thursday", "has scheduled a news conference Thursday"), "going to", a present
progressive ("is meeting Friday") or a phrase just before ("as soon as Tuesday") point forward; a
past tag (VBD, or an auxiliary was/had/has) points back. A timetable's simple present ("the talks
resume Thursday") points forward; any other present, a possessive ("Wednesday's ruling") and no verb
at all say nothing: ``None``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .lexicon import timex_rows

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@lru_cache(maxsize=1)
def cues() -> dict[str, dict[str, str]]:
    """role → word → direction, from ``tense.tsv``."""
    out: dict[str, dict[str, str]] = {"aux": {}, "lemma": {}, "before": {}, "pastlike": {}}
    for row in timex_rows("tense"):
        out[row["role"]][row["word"]] = row["direction"]
    return out


def governing_verb(token: Token, max_steps: int = 6) -> Token | None:
    """The nearest verb or auxiliary above ``token`` in the parse (itself included)."""
    for _ in range(max_steps):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def verb_direction(verb: Token) -> str | None:
    """``"future"``, ``"past"`` or None for one verb, its auxiliaries and the verb it complements."""
    table = cues()
    if _past_perfect(verb):
        return "past"
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and table["lemma"].get(verb.lemma_.lower()) == "future":
        # "a rally planned for Saturday was called off": the clause the noun stands in decides
        outer = governing_verb(verb.head)
        return verb_direction(outer) if outer is not None and outer.i != verb.i else None
    planners = [verb]
    if verb.dep_ in ("xcomp", "ccomp", "advcl") and verb.head.i != verb.i:
        planners.append(verb.head)
    # a plan still ahead ("is scheduled to", "has scheduled"); a plan in the simple past points
    # forward only through its infinitive ("planned to leave on Thursday": what was planned is still
    # ahead, else the report says "left"), not by itself ("the talks it planned Monday")
    if any(table["lemma"].get(p.lemma_.lower()) == "future" and p.tag_ != "VBD" for p in planners):
        return "future"
    if verb.tag_ == "VB" and verb.dep_ == "xcomp" and table["lemma"].get(verb.head.lemma_.lower()) == "future":
        return "future"
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "be" and verb.head.tag_ in ("VBZ", "VBP"):
        return "future"  # "is to resume trading Tuesday"
    if _headline_infinitive(verb):
        return "future"  # the headline "UN envoy to visit Damascus on Tuesday"
    auxes = _auxiliaries(verb)
    found = [table["aux"][a] for a in auxes if a in table["aux"]]
    if "future" in found or _going_to(verb):
        return "future"
    if verb.tag_ == "VBD" or "past" in found or (verb.tag_ == "VBN" and verb.dep_ == "acl"):
        return "past"
    if verb.tag_ == "VBG" and set(auxes) & {"is", "are", "'s", "'re", "am"}:
        return "future"
    return None


# Verbs whose simple present reports rather than schedules ("says Monday" in a lede is yesterday's news).
_REPORTING = frozenset({"say", "tell", "report", "announce", "claim", "insist", "add", "note", "confirm", "deny"})


def _timetable(verb: Token, token: Token) -> bool:
    """A simple present of an event dates what a timetable holds when the date belongs to the verb
    itself: "the talks resume Thursday", "the ceasefire expires on Sunday", and so does the present of
    "be" ("the vote is on Wednesday", "the next round is due Friday"). Not "the talks follow a proposal
    on Sunday" (the date is the proposal's), nor "losses hurt the index on Friday" (a verb whose past
    is spelled the same may be a past), nor a headline, which writes the past in the present ("Rebels
    seize town Monday": no closing punctuation), nor a date on a line of its own under a caption."""
    lemma = verb.lemma_.lower()
    if verb.tag_ not in ("VBZ", "VBP") or (verb.pos_ != "VERB" and lemma != "be") or lemma in _REPORTING:
        return False
    if verb.tag_ == "VBP" and lemma in cues()["pastlike"]:
        return False  # "weakness hurt the index on Friday" is as likely a past
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children) or verb.dep_ == "aux":
        return False
    through = token.head if token.head.dep_ == "prep" else token
    if through.head.dep_ == "acomp" and cues()["lemma"].get(through.head.lemma_.lower()) == "future":
        through = through.head  # "is due on Friday"
    if through.head.i != verb.i or through.i == verb.i or through.dep_ in ("nsubj", "nsubjpass"):
        return False
    if any(_bare_singular(c) for c in verb.children if c.dep_ == "nsubj"):
        return False  # a lede in headline grammar, its article dropped ("Ceasefire … takes effect on Monday.")
    first, last_tok = sorted((verb, token), key=lambda t: t.i)
    if "\n" in verb.doc[first.i:last_tok.i + 1].text:
        return False  # a date on a line of its own (under a caption) is no argument of the line before
    last = [t for t in verb.sent if not t.is_space and t.text not in ("\"", "'", "”", "’", "''")]
    return bool(last) and last[-1].text in (".", "!", "?")


def _bare_singular(subject: Token) -> bool:
    """A singular common noun with no determiner: headline grammar, or a mass noun ("fighting")."""
    if subject.pos_ in ("PROPN", "PRON", "NUM") or subject.tag_ in ("NNS", "NNPS", "WDT", "WP"):
        return False
    return not any(c.dep_ in ("det", "poss", "nummod") for c in subject.children)


FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _auxiliaries(verb: Token) -> list[str]:
    """The auxiliaries of ``verb``; a bare verb joined to another without one of its own shares the
    first verb's ("will travel to Cairo and return on Friday": the return is ahead too)."""
    own = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if own or verb.dep_ != "conj" or verb.tag_ != "VB" or verb.head.i == verb.i:
        return own
    return [c.lower_ for c in verb.head.children if c.dep_ in ("aux", "auxpass")]


def _headline_infinitive(verb: Token) -> bool:
    """An infinitive that no finite verb or auxiliary governs: headline style for what is planned
    ("Rebels to hold talks Friday"), where running text would say "will hold" ("was supposed to
    hand them over on Saturday" has its finite auxiliary)."""
    if verb.tag_ != "VB" or not any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return False
    chain = [verb, *verb.ancestors]
    return not any(t.tag_ in FINITE for t in chain) and not any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE for t in chain for c in t.children)


def _going_to(verb: Token) -> bool:
    head = verb.head
    return verb.dep_ == "xcomp" and head.lower_ == "going" and head.tag_ == "VBG"


def _cue_before(text: str, start: int) -> str | None:
    before = text[max(0, start - 14):start].lower()
    for phrase, way in cues()["before"].items():
        if before.endswith(phrase + " ") or before.endswith(phrase + " on "):
            return way
    return None


def direction(doc: Doc, text: str, start: int, end: int) -> str | None:
    """The tense direction of the clause holding the characters ``start:end`` of ``doc``
    (``text`` is ``doc.text``, which spaCy rebuilds on every access)."""
    cue = _cue_before(text, start)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return cue
    verb = governing_verb(span.root)
    if cue is not None:
        # "had filed by Wednesday", "until Thursday they had not called": a past perfect wins
        return "past" if cue == "future" and verb is not None and _past_perfect(verb) else cue
    if span.root.dep_ == "poss" or (span.end < len(doc) and doc[span.end].tag_ == "POS"):
        return None
    if _day_of_saying(doc, span.start):
        return "past"
    if START_CUE.search(text[max(0, start - 16):start]):
        return _start_direction(verb)
    if verb is None:
        return None
    way = verb_direction(verb)
    return "future" if way is None and _timetable(verb, span.root) else way


def _day_of_saying(doc: Doc, start: int) -> bool:
    """Whether the expression at token ``start`` follows a verb of saying in the simple past, directly or
    after its object: "said Monday", "told reporters on Monday". It dates the saying, though the parser
    often hangs it on the reported clause ("said Monday talks would resume": not next Monday)."""
    i = start - 1
    if i >= 0 and doc[i].lower_ == "on":
        i -= 1
    if i < 0:
        return False
    verb = doc[i]
    if verb.dep_ in ("dobj", "dative") and verb.pos_ in ("NOUN", "PROPN", "PRON"):
        verb = verb.head  # "told reporters Monday"
    return verb.tag_ == "VBD" and verb.lemma_.lower() in _REPORTING


# A date that opens a range or starts what the clause names: "truce starting Friday", "takes effect from Monday".
START_CUE = re.compile(r"(?<![\w-])(?:starting|beginning|from|effective)\s+(?:on\s+)?$", re.I)


def _start_direction(verb: Token | None) -> str | None:
    """The way a start date points: ahead unless a past clause reports it. A headline or lede with no
    finite verb ("Truce starting Friday") or a present one ("takes effect from Monday") announces
    what is to come; "a truce beginning Monday was agreed" keeps the past of its clause."""
    if verb is not None and verb.lower_ in ("starting", "beginning") and verb.head.i != verb.i:
        outer = governing_verb(verb.head)
        verb = outer if outer is not None and outer.i != verb.i else None
    way = verb_direction(verb) if verb is not None else None
    return "future" if way is None else way


def _past_perfect(verb: Token) -> bool:
    """Whether ``verb`` (or the verb it complements: "had been due to expire", or the first of two joined
    verbs sharing one "had": "had ruled … and set Friday as the deadline") is in the past perfect."""
    own_aux = any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    shares = verb.dep_ in ("xcomp", "ccomp", "acomp") or (verb.dep_ == "conj" and not own_aux)
    chain = [verb, verb.head] if shares else [verb]
    if verb.head.dep_ in ("xcomp", "acomp") and verb.head.head.i != verb.head.i:
        chain.append(verb.head.head)
    return any(c.lower_ == "had" and c.dep_ in ("aux", "auxpass") for v in chain for c in v.children)

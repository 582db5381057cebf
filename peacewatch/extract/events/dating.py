"""When an event happened: the governing time expression, and whether that is background.

The timex component's ``governing_timex`` picks the expression of the trigger's clause; here the
candidates are first narrowed to those not buried in a relative clause or participle that
modifies some other noun ("two soldiers held since April 2023" does not date the hand-over).

An event sentence with no time expression of its own may take the date the text is talking about
(``inherited_timex``): see its docstring for when an analyst reads it so.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from ..timex.govern import governing_timex
from ..timex.stamps import is_marked
from ..timex.tense import direction, governing_verb, verb_direction

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ...types import Event, Timex

# Clauses whose time expressions belong to their own verb, not to a trigger outside them.
MODIFIER_CLAUSES = ("relcl", "acl", "advcl", "ccomp", "xcomp")
# Of those, the clauses that describe the noun they hang on: when that noun is the trigger and their
# verb says that it took place (``OWN_VERBS``), they tell when the event itself was ("the attacks,
# which took place on Thursday", "the deal reached on Monday"); another verb tells of another act on
# it ("talks that were suspended in 2019").
OWN_CLAUSES = ("relcl", "acl")
OWN_VERBS = frozenset({"happen", "occur", "take", "hold", "be", "begin", "start", "open", "reach", "sign",
                       "agree", "strike", "conclude", "launch", "carry", "stage", "unfold"})
HISTORICAL_DAYS = 365
LOOK_BACK = 40  # sentences _previous_dated walks back at most (a bound on the work: docs/reliability.md)
# Expressions counting forward from the event told before them (not from today, as "next month" does).
ANAPHORIC_FORWARD = re.compile(r"^the\s+(?:following|next)\s+\w+$|\blater$", re.I)
# A calendar value: a date the text stated (not a duration, a reference word or an unknown year).
STATED = re.compile(r"^\d{4}")
# A stated period longer than a week (a year, half, quarter, season or month): it holds the acts told
# around the one it dates ("44 days of clashes in the fall of 2020, which ended with a peace agreement").
PERIOD = re.compile(r"^\d{4}(?:-(?:\d{2}|SP|SU|FA|WI|Q\d|H\d))?$")
# Words opening a clause whose act is at the time of the clause it hangs on, or before it.
SAME_OR_EARLIER = frozenset({"when", "as", "while", "after"})
# Prepositions of a date that tell when an act is done or due ("to meet on Monday", "to withdraw by
# Friday"), not a span it lasts or covers ("until June", "for 2024", "since May").
DUE_WORDS = frozenset({"on", "in", "at", "by", "before", "during"})
SEASON_END = {"SP": (5, 31), "SU": (8, 31), "FA": (11, 30), "WI": (2, 28)}


def _clause_above(timex: Timex, doc: Doc, deps: tuple[str, ...]) -> Token | None:
    """The innermost head above the time expression attached by one of ``deps``, or None (also when
    the expression's characters make no span)."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    while tok.head.i != tok.i:
        if tok.dep_ in deps and not compound_misread(tok):
            return tok
        tok = tok.head
    return None


def compound_misread(tok: Token) -> bool:
    """Whether ``tok`` is an "-ing" participle the parser made of the middle word of a run of nouns
    ("the ceasefire monitoring mechanism": "monitoring" a participle of "ceasefire" with "mechanism"
    its object): a singular common noun, the participle right after it, and a singular common noun
    right after that with no determiner of its own. Such a run is one noun phrase, not a clause
    telling another act, so a date the parser hangs on the participle ("agreement on the ceasefire
    monitoring mechanism on October 14") is the phrase's. "rubble following Israeli strikes on
    November 22" (an adjective between), "the rebels holding talks" (plural nouns: a doer and what it
    does) and "the army holding the town" (a determiner) stay clauses."""
    if tok.dep_ != "acl" or tok.tag_ != "VBG" or tok.i != tok.head.i + 1 or tok.head.tag_ != "NN":
        return False
    return any(c.dep_ == "dobj" and c.i == tok.i + 1 and c.tag_ == "NN"
               and not any(d.dep_ in ("det", "poss", "nummod") for d in c.children) for c in tok.children)


def _modifier_clause(timex: Timex, doc: Doc) -> Token | None:
    """The innermost relative clause, participle or complement holding the time expression, or None."""
    return _clause_above(timex, doc, MODIFIER_CLAUSES)


def _inside_other_modifier(timex: Timex, doc: Doc, governors: set[int], trigger: Token,
                           timexes: list[Timex]) -> bool:
    """``governors``: the indices of the trigger and its ancestors, the tokens whose subtree holds it
    (a set, not a walk of each clause's subtree: on a long parse that walk made dating cubic). A
    relative clause or participle of the trigger telling that it took place is its own (``own_clause``);
    a second date its verb cannot have is the sentence's (``_second_date``)."""
    clause = _modifier_clause(timex, doc)
    return (clause is not None and clause.i not in governors and not own_clause(clause, trigger)
            and not _second_date(timex, doc, clause, timexes))


def _timex_root(timex: Timex, doc: Doc) -> Token | None:
    """The parse's head word of a time expression, or None when its characters make no span."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    return None if span is None else span.root


def _preposition(root: Token) -> Token | None:
    """The preposition a time expression's head word is the object of ("in" of "suspended in 2019")."""
    return root.head if root.dep_ == "pobj" and root.head.dep_ == "prep" else None


def _adjunct_verb(timex: Timex, doc: Doc) -> Token | None:
    """The word a time expression is a prepositional adjunct of ("suspended in 2019": "suspended"),
    or None (also when the expression's characters make no span)."""
    root = _timex_root(timex, doc)
    prep = None if root is None else _preposition(root)
    return None if prep is None else prep.head


def _second_date(timex: Timex, doc: Doc, clause: Token, timexes: list[Timex]) -> bool:
    """Whether ``timex`` closes the clause ``clause`` as a second date of its verb that cannot be the
    time of the first ("talks that were suspended in 2019 on Nov. 22, 2022"): one act has one time,
    so the parser hung the sentence's closing date on the nearest verb; it dates the clause above.
    Only a date at the clause's right edge, after a calendar date of the same verb neither holds."""
    verb = _adjunct_verb(timex, doc)
    if verb is None or verb.i != clause.i or not STATED.match(timex.value):
        return False
    edge = clause.right_edge
    if not timex.start <= edge.idx < timex.end:
        return False
    lo = clause.left_edge.idx
    for other in timexes:
        if not lo <= other.start < timex.start or other.end > timex.start or not STATED.match(other.value):
            continue
        head = _adjunct_verb(other, doc)
        if head is not None and head.i == verb.i and _disjoint(other.value, timex.value):
            return True
    return False


def _disjoint(a: str, b: str) -> bool:
    """Whether two calendar values share no day (either not read as a calendar span: False)."""
    first_a, last_a, first_b, last_b = earliest_day(a), latest_day(a), earliest_day(b), latest_day(b)
    if first_a is None or last_a is None or first_b is None or last_b is None:
        return False
    return last_a < first_b or last_b < first_a


def _in_complement(timex: Timex, doc: Doc, trigger: Token) -> bool:
    """Whether ``timex`` is a time adjunct of a verb of the trigger's own complement, a chain of
    ``xcomp`` clauses under it ("agreed to sit down for a dialogue in early October", "agreed to try
    to meet on Monday"): a calendar date on, in, at, by, before or during which the act is done, not
    a span it runs over ("extend the truce until June", "a plan for 2024") nor one of a noun."""
    root = _timex_root(timex, doc)
    if root is None or not STATED.match(timex.value):
        return False
    prep = _preposition(root)
    if prep is not None and prep.lower_ in DUE_WORDS:
        verb = prep.head
    elif root.dep_ == "npadvmod":
        verb = root.head
    else:
        return False
    while verb.dep_ == "xcomp":
        if verb.head.i == trigger.i:
            return True
        verb = verb.head
    return False


def own_clause(clause: Token, trigger: Token) -> bool:
    """Whether ``clause`` (a relative clause or participle) tells when the trigger's event took place:
    it hangs on the trigger, or on the noun the trigger is "of" ("the second round of talks, which
    began on Feb. 14"), and its verb says that it took place."""
    if clause.dep_ not in OWN_CLAUSES:
        return False
    head = clause.head.i
    of_noun = trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and head == trigger.head.head.i
    if head != trigger.i and not of_noun:
        return False
    return clause.lemma_.lower() in OWN_VERBS


def event_timex(timexes: list[Timex], doc: Doc, trigger: Token) -> Timex | None:
    """The time expression that dates the event whose trigger is ``trigger``: not one in a clause of
    another noun, nor one outside the clause of a noun the trigger stands in (``noun_clause``), nor
    one counted from nothing."""
    governors = {trigger.i, *(a.i for a in trigger.ancestors)}
    clause = noun_clause(trigger)
    fits = [t for t in timexes if (clause is None or _within_tokens(t, clause) or PERIOD.match(t.value))
            and not counted_from_nothing(t, timexes)]
    usable = [t for t in fits if not _inside_other_modifier(t, doc, governors, trigger, timexes)]
    found = governing_timex(usable, doc, trigger.i) if usable else None
    if found is None:
        # no date of its own clause: the act it agrees, tries or begins to do may state one, the day
        # it is due (coding guide: a future event's date) or the day it was done
        complement = [t for t in fits if _in_complement(t, doc, trigger)]
        found = governing_timex(complement, doc, trigger.i) if complement else None
    return found


def noun_clause(trigger: Token) -> Token | None:
    """The innermost relative clause or participle of a noun holding ``trigger`` (or being it), or
    None. An act told there is about the noun, an earlier or other act than the clause the noun
    stands in ("Luis Perez, who was kidnapped by the rebels, was released on Thursday"; "rebels,
    backed by Ostland, attacked the town on Monday"; "a deal to free hostages, announced on
    Wednesday"): only a date inside it, or a period that holds both (``PERIOD``), dates the act. Not
    a present participle: it tells what goes on at the time of the clause ("rubble following Israeli
    strikes in Rafah on November 22")."""
    tok = trigger
    while tok.head.i != tok.i:
        if tok.dep_ in OWN_CLAUSES and tok.tag_ != "VBG":
            return tok
        tok = tok.head
    return None


def _within_tokens(timex: Timex, head: Token) -> bool:
    return head.left_edge.idx <= timex.start and timex.end <= head.right_edge.idx + len(head.right_edge)


def counted_from_nothing(timex: Timex, timexes: list[Timex]) -> bool:
    """Whether ``timex`` counts forward from an earlier event ("a month later", "the following day")
    while the text states no date before it: the event it counts from was told undated, so the timex
    component could only count from the document's own day, a day no event had ("a month later"
    after a deal told without its day). Such an expression dates nothing."""
    if not ANAPHORIC_FORWARD.search(timex.text.strip()):
        return False
    return not any(t.end <= timex.start and STATED.match(t.value) for t in timexes)


def in_clause(timex: Timex, trigger: Token) -> bool:
    """Whether the time expression lies in the trigger's own clause (so a date after publication makes
    the event one to come). A clause of the trigger telling that it took place, in a tense not of the
    future ("the round of talks, which began on Feb. 14"), says it happened: a date after publication
    there is a misread year (or an article's day inferred too early), not an event to come."""
    clause = _modifier_clause(timex, trigger.doc)
    if clause is not None and own_clause(clause, trigger) and verb_direction(clause) != "future":
        return False
    head = trigger
    while head.dep_ not in ("ROOT", "ccomp", "advcl", "relcl", "xcomp") and head.head.i != head.i:
        head = head.head
    lo, hi = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
    return lo <= timex.start and timex.end <= hi


def latest_day(value: str) -> dt.date | None:
    """The last calendar day a TIMEX3 date value can denote (None when it is not a date)."""
    m = re.match(r"^(\d{4})(?:-(\d{2}|SP|SU|FA|WI|Q\d|H\d|W\d{2}))?(?:-(\d{2}))?", value)
    if m is None:
        return None
    year, part, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if part is None:
            return dt.date(year, 12, 31)
        if part in SEASON_END:
            month, last = SEASON_END[part]
            return dt.date(year + (part == "WI"), month, last)
        if part.startswith("Q"):
            return _month_end(year, 3 * int(part[1]))
        if part.startswith("H"):
            return _month_end(year, 6 * int(part[1]))
        if part.startswith("W"):
            return dt.date.fromisocalendar(year, int(part[1:]), 7)
        if day is None:
            return _month_end(year, int(part))
        return dt.date(year, int(part), int(day))
    except ValueError:
        return None


def earliest_day(value: str) -> dt.date | None:
    """The first calendar day of a full-date, year-month or year TIMEX3 value (else None)."""
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", value)
    if m is None:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def _month_end(year: int, month: int) -> dt.date:
    first_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


def is_historical(value: str | None, anchor: dt.date | None) -> bool:
    """Whether the event ended more than a year before publication."""
    if value is None or anchor is None:
        return False
    last = latest_day(value)
    return last is not None and (anchor - last).days > HISTORICAL_DAYS


def is_later(value: str | None, anchor: dt.date | None) -> bool:
    """Whether the event date lies wholly after publication."""
    if value is None or anchor is None:
        return False
    if value == "FUTURE_REF":
        return True
    first = earliest_day(value)
    if first is None and re.match(r"^\d{4}$", value or ""):
        first = dt.date(int(value), 1, 1)
    return first is not None and first > anchor


def earlier_one(trigger: Token) -> str | None:
    """What makes the trigger's act an earlier one, some time before publication (``PAST_REF``), or
    None: an adjective on the trigger noun ("a previous ceasefire", "earlier talks"), or on the subject
    of the clause a "when", "as", "while" or "after" clause of the act hangs on ("earlier peace efforts
    were disrupted when two soldiers were killed in an ELN attack": the attack was at that earlier
    time, or before it). The words are returned to tell the reason."""
    from .tables import words

    for child in trigger.children:
        if child.dep_ == "amod" and child.lower_ in words("past_adj"):
            return f"{child.text} {trigger.text}"
    clause, word = _time_clause(trigger)
    if clause is None or word is None:
        return None
    for subject in clause.head.children:
        if subject.dep_ not in ("nsubj", "nsubjpass"):
            continue
        for child in subject.children:
            if child.dep_ == "amod" and child.lower_ in words("past_adj"):
                return f"{child.text} {subject.text} ... {word.text} ... {trigger.text}"
    return None


def _time_clause(trigger: Token) -> tuple[Token | None, Token | None]:
    """The adverbial clause holding the trigger (itself, or through prepositions and coordination:
    "when two soldiers were killed and 29 injured in an attack") and the word that makes it tell the
    same or an earlier time ("when", "as", "while", "after"), else (None, None)."""
    tok = trigger
    while tok.dep_ in ("pobj", "prep", "conj", "dobj", "compound") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ != "advcl":
        return None, None
    for child in tok.children:
        if child.dep_ in ("advmod", "mark") and child.lower_ in SAME_OR_EARLIER and child.i < tok.i:
            return tok, child
    return None, None


# Type families whose reports tell of one act (coding guide: an agreement is also its signing and
# the concession it holds; a seizure in a raid is the raid).
FAMILIES = (frozenset({"AGREE", "SUPPORT", "CONCEDE"}), frozenset({"ASSAULT", "COERCE"}))
# A date an event may inherit: a stated day or month, not a week, season, reference or duration.
INHERITABLE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")
# Words just before a date that make it background or a limit, not the day of the act told.
BACKGROUND = re.compile(r"\b(?:since|until|till|by|before|from|through|deadline|due)\s+(?:the\s+)?$", re.I)
# Clauses whose dates tell of something else than the narrative: a relative clause or participle.
BACKGROUND_CLAUSES = ("relcl", "acl")


def same_family(a: str, b: str) -> bool:
    """Whether two PLOVER types tell of one kind of act."""
    return a == b or any(a in f and b in f for f in FAMILIES)


def inherited_timex(timexes: list[Timex], doc: Doc, trigger: Token, kind: str, anchor: dt.date | None,
                    earlier: list[Event], text: str | None = None) -> Timex | None:
    """The date an event sentence with no time expression of its own takes from the text, or None.

    As an analyst reads a narrative: the last day or month stated in the sentences before it in
    its paragraph (or in the one sentence before, when it opens a paragraph) dates it when that
    date is about the same act (an earlier event of the same type family is dated by it) or the
    sentence goes on telling the past ("... on Saturday. The mother was released hours later").
    Never into a headline, a sentence told as future, nor across one; never from a background date
    ("since 2021", a relative clause, a deadline), a week or a reference word, a date after
    publication or more than a year before it.

    ``text`` is ``doc.text`` read once by the caller (spaCy joins it anew from every token at each
    access: read per event, and per sentence passed, it made a list of 600 short lines cost a
    minute per 20,000 characters)."""
    text = doc.text if text is None else text
    sent = trigger.sent
    if _has_date(timexes, sent) or _headline(doc, sent, text) or _future(doc, sent, text) or earlier_one(trigger):
        return None
    source = _previous_dated(timexes, doc, sent, text)
    if source is None:
        return None
    timex = max((t for t in timexes if _within(t, source) and t.type in ("DATE", "TIME")), key=lambda t: t.start)
    if timex.type != "DATE" or not _usable(timex, doc, anchor, text):
        return None
    span = (timex.start, timex.end)
    same_act = any(e.date_span == span and same_family(e.type, kind) for e in earlier)
    verb = governing_verb(trigger)
    return timex if same_act and (verb is None or verb_direction(verb) != "future") else None


def _within(t: Timex, sent: Span) -> bool:
    return sent.start_char <= t.start and t.end <= sent.end_char and not is_marked(t)


def _has_date(timexes: list[Timex], sent: Span) -> bool:
    return any(_within(t, sent) and t.type in ("DATE", "TIME") for t in timexes)


def _headline(doc: Doc, sent: Span, text: str) -> bool:
    """Whether ``sent`` lies on the text's first line and that line reads as a title (no full stop)."""
    first = text.lstrip()
    offset = len(text) - len(first)
    line = first.split("\n", 1)[0].rstrip()
    return sent.start_char < offset + len(line) and not line.endswith((".", "!", "?", '"', "”"))


def _future(doc: Doc, sent: Span, text: str | None = None) -> bool:
    """Whether the sentence's main verb tells of what is still to come (``text``: ``doc.text``, which
    spaCy joins anew from every token at each access: read once by a caller that asks many sentences)."""
    root = sent.root
    return direction(doc, doc.text if text is None else text, root.idx, root.idx + len(root)) == "future"


def _previous_dated(timexes: list[Timex], doc: Doc, sent: Span, text: str) -> Span | None:
    """The nearest sentence before ``sent`` in its paragraph stating a date (or the one sentence
    before, when ``sent`` opens a paragraph), unless a sentence told as future lies between; at most
    ``LOOK_BACK`` sentences back (a bound on the work, not a rule: no paragraph of news is that long,
    but a list of thousands of lines parsed as one paragraph made every event walk all of it)."""
    passed = crossed = False  # a sentence of the paragraph passed; a paragraph break crossed
    current = sent
    for _ in range(LOOK_BACK):
        if current.start <= 0:
            break
        before = doc[current.start - 1].sent
        gap = text[before.start_char:current.start_char]
        blank = not before.text.strip()
        if blank or "\n" in gap[len(gap.rstrip()):]:
            if passed:
                return None
            crossed = True
        if not blank:
            if _has_date(timexes, before):
                return before
            if crossed or _future(doc, before, text):
                return None
            passed = True
        current = before
    return None


def _usable(timex: Timex, doc: Doc, anchor: dt.date | None, text: str) -> bool:
    """Whether a stated date can be inherited: a day or month of the narrative's past."""
    if not INHERITABLE.match(timex.value) or timex.mod is not None:
        return False
    if BACKGROUND.search(text[max(0, timex.start - 30):timex.start]):
        return False
    if direction(doc, text, timex.start, timex.end) == "future" or _in_background_clause(timex, doc):
        return False
    return not is_later(timex.value, anchor) and not is_historical(timex.value, anchor)


def _in_background_clause(timex: Timex, doc: Doc) -> bool:
    """Whether the expression stands in a background clause (or makes no span: then it dates nothing)."""
    if doc.char_span(timex.start, timex.end, alignment_mode="expand") is None:
        return True
    return _clause_above(timex, doc, BACKGROUND_CLAUSES) is not None

"""Calendar words inside names and titles: "CBS's ``60 Minutes''", ABC's "This Week", "High Noon",
dates that name a group or a treaty: "the March 23 Movement", "the Good Friday Agreement" (``named_after``),
weekdays or months named by an epithet: "Black Monday", "Bloody Sunday", "Black September"
(``epithet_before``), and a newspaper called by how often it comes out: "the daily said" (``publication``).

A unit or part of the day is written in lower case in running text; capitalised inside a sentence
it belongs to the title of a show, film or event, which the TimeML guidelines leave untagged. The
words are those of ``data/timex/namewords.tsv``. The first word of a sentence and lines written in
title case (headlines, where every word is capitalised) say nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .lexicon import timex_rows

if TYPE_CHECKING:
    from spacy.tokens import Doc

_WORD = re.compile(r"[A-Za-z]+")
# What may stand between a sentence end and its first word: spaces, quotes, brackets, dashes; an
# opening quote also starts a sentence (said, ``Today we …).
_OPENERS = re.compile(r"(?:(?:^|[.!?:;\n])[\s\"'`“‘(\[_—–-]*|(?:``|\"|“|‘)\s*)$")
# A line of running text has at least this many words written in lower case.
_LOWER_WORDS = 3


@lru_cache(maxsize=1)
def _words() -> frozenset[str]:
    return frozenset(row["word"].lower() for row in timex_rows("namewords"))


def name_word(text: str, start: int, end: int) -> str | None:
    """The capitalised calendar word that makes ``text[start:end]`` part of a name, or None."""
    for w in _WORD.finditer(text, start, end):
        word = w.group()
        if not word[0].isupper() or word.isupper() or word.lower() not in _words():
            continue
        opens_sentence = w.start() == start and _OPENERS.search(text[max(0, start - 40):start])
        if not opens_sentence and _running_text(text, w.start()):
            return word
    return None


@lru_cache(maxsize=1)
def _heads() -> frozenset[str]:
    return frozenset(row["word"].lower() for row in timex_rows("nameheads"))


# The capitalised words after a date, up to the head of the name: "March 23 Movement", "6 April Youth Movement".
_AFTER = re.compile(r"(?:\s+[A-Z][a-z]+){1,3}")


def named_after(text: str, end: int) -> str | None:
    """The name head (``data/timex/nameheads.tsv``) that makes the date ending at ``end`` part of a
    group's name ("the March 23 Movement"), or None."""
    found = _AFTER.match(text, end)
    if found is None:
        return None
    words = found.group().split()
    return next((w for w in words if w.lower() in _heads()), None)


def epithet_before(doc: Doc, start: int) -> str | None:
    """The capitalised word that, written inside a sentence of running text just before the weekday
    or month starting at ``start`` and modifying it, makes the two a name ("Black Monday", "Bloody Sunday",
    "Super Tuesday", "Black September"), or None. Such a day is a past event's, not the latest such day, so it
    is not tagged as one. A word opening the sentence ("Last Friday's", "Late Monday"), a word in
    capitals ("EST Tuesday") and a place before the weekday ("in Washington Monday", whose head is
    the preposition) say nothing."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or not len(span) or span[0].i == 0:
        return None
    day, word = span[0], doc[span[0].i - 1]
    if word.head.i != day.i or word.dep_ not in ("amod", "compound"):
        return None
    if not word.text[:1].isupper() or word.is_upper or not word.is_alpha:
        return None
    text = doc.text
    if _OPENERS.search(text[max(0, word.idx - 40):word.idx]) or not _running_text(text, word.idx):
        return None
    return word.text


def publication(doc: Doc, start: int) -> bool:
    """Whether the frequency word ("daily", "weekly") starting at ``start`` is a noun heading a phrase of
    its own, a newspaper, not how often something happens: "the daily said", "Israel's largest daily",
    "a German weekly reported". A word that modifies another ("a daily tally", "the daily Haaretz",
    whose reading the gold splits) or a verb ("cross daily") keeps its reading as a set; a capitalised
    one inside a name ("The Daily Beast") is a name word (``name_word``)."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    word = span[0]
    if word.tag_ not in ("NN", "NNS") or word.dep_ not in _PAPER_ROLES:
        return False
    # A paper is a determined noun ("the daily", "Israel's largest daily") that says, stands beside a
    # name or follows a preposition. An object is left alone: a word closing a clause that the parser
    # took for a noun is mostly the adverb ("briefs the council weekly", parsed "the council weekly").
    children = list(word.children)
    return (any(child.dep_ in ("det", "poss") for child in children)
            and not any(child.dep_ == "compound" and child.tag_ in ("NN", "NNS") for child in children))


# Where a paper stands in a clause: what says or reports ("the daily said"), a name's apposition
# ("Haaretz, Israel's oldest daily,"), after a preposition ("according to the daily").
_PAPER_ROLES = frozenset({"nsubj", "nsubjpass", "appos", "pobj"})


def _running_text(text: str, pos: int) -> bool:
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    line = text[lo:len(text) if hi < 0 else hi]
    return sum(1 for w in _WORD.findall(line) if w[0].islower() and len(w) > 3) >= _LOWER_WORDS

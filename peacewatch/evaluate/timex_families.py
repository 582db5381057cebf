"""Families of expressions the TimeML guidelines single out, counted per fold of a TIMEX3 gold file.

A family is a pattern over the text ("now", "currently", "recently"; ages such as "50-year-old";
frequency adjectives such as "daily", "annual"; …). Every occurrence of it in the scored extent is
counted once, whether or not anyone tagged it, and classed by who did: the gold only (missed), the
tagger only (false alarm), both with the gold's value, or both with another value. The counts are
aggregates, so a held-out fold can be set beside the tuning fold without reading one of its
instances (docs/time.md, eleventh round). ``fold_families`` runs the pipeline once over the file.

``fold_year_readings`` reads the gold alone: how each fold writes a bare year or decade ("in 1998",
"the 1990s"), closed (``1998``, ``199``) or open (``1998-XX``, ``199X``), by the word before it, the
check of whether a year used as a period is spelt open in more than one corpus (thirteenth round).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from ..types import Timex
from .timex import FOLDS, GoldDoc, _system, align, read_gold, same_value

if TYPE_CHECKING:
    from ..config import Config

# (name, pattern): the classes of issue 13's fourth item, in the order they are reported.
FAMILIES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((name, re.compile(pattern)) for name, pattern in (
    ("now, currently, recently", r"(?i)\b(?:right now|now|currently|presently|at present|recently|lately|"
                                 r"nowadays|these days)\b"),
    ("the past, former, then", r"(?i)\b(?:in the past|the past(?! \w+ (?:days|weeks|months|years))|former|"
                               r"formerly|previously|once|then)\b"),
    ("at the time", r"(?i)\bat (?:the|that) time\b"),
    ("soon, the future", r"(?i)\b(?:soon|(?:the )?(?:near |foreseeable |distant )?future)\b"),
    ("year before a name", r"(?<![\w$.,-])(?:19|20)\d\d(?= +(?!(?:January|February|March|April|May|June|July|"
                           r"August|September|October|November|December)\b)[A-Z][a-z])"),
    ("ages (50-year-old)", r"(?i)\b[\w-]+-(?:year|month|week|day)s?-old\b|\b\d+ (?:years|months) old\b"),
    ("daily, annual", r"(?i)\b(?:daily|weekly|monthly|yearly|annual|annually|hourly|nightly|quarterly)\b"),
    ("the end of the year", r"(?i)\b(?:the )?(?:end|beginning|start|middle|close) of (?:the |this |last |next )?"
                            r"(?:year|month|week|quarter|decade)\b|\byear[- ]end\b|\byear's end\b"),
    ("earlier this week", r"(?i)\b(?:earlier|later) (?:this|last|next) (?:week|month|year)\b|"
                          r"\b(?:earlier|later) in the (?:day|week|month|year)\b"),
))
OUTCOMES = ("in text", "gold", "untagged", "missed", "false alarm", "gold's value", "another value")

FamilyCounts = dict[str, Counter[str]]


def family_outcomes(doc: GoldDoc, pred: list[Timex]) -> FamilyCounts:
    """Each family's occurrences in one document's scored extent, by outcome (see the module docstring)."""
    pred = [p for p in pred if p.start < doc.extent]
    partner = {id(g): p for g, p in align(doc.timexes, pred)}
    text = doc.text[:doc.extent]
    out: FamilyCounts = {}
    for name, pattern in FAMILIES:
        counts = Counter[str]()
        for m in pattern.finditer(text):
            counts["in text"] += 1
            gold = _overlapping(doc.timexes, m.start(), m.end())
            ours = _overlapping(pred, m.start(), m.end())
            counts[_outcome(gold, ours, partner)] += 1
            if gold is not None:
                counts["gold"] += 1
        out[name] = counts
    return out


def _overlapping(timexes: list[Timex], start: int, end: int) -> Timex | None:
    return next((t for t in timexes if t.start < end and start < t.end), None)


def _outcome(gold: Timex | None, ours: Timex | None, partner: dict[int, Timex]) -> str:
    if gold is None:
        return "false alarm" if ours is not None else "untagged"
    if ours is None:
        return "missed"
    matched = partner.get(id(gold))
    return "gold's value" if matched is not None and same_value(gold.value, matched.value) else "another value"


def fold_families(gold_path: Path, config: Config, *, limit: int | None = None) -> dict[str, FamilyCounts]:
    """Per fold (odd lines tune, even lines held out), each family's occurrences by outcome."""
    docs = read_gold(Path(gold_path), limit)
    out: dict[str, FamilyCounts] = {fold: {name: Counter[str]() for name, _ in FAMILIES} for fold in FOLDS}
    for n, (doc, pred) in enumerate(zip(docs, _system(config)(docs), strict=True)):
        for name, counts in family_outcomes(doc, pred).items():
            out[FOLDS[n % 2]][name].update(counts)
    return out


# A bare year or decade as a gold timex's whole text: "1998", "the 1990s", "the '90s", "1980's".
_BARE_YEAR = re.compile(r"(?i)(?:the\s+)?(?:(?P<year>(?:1[5-9]|20)\d\d)|(?:(?:1[5-9]|20)\d|['’]\d)0['’]?s)")
# The words before a year that a rule could key on; any other word counts as "other".
YEAR_LEADS = frozenset({"in", "during", "throughout", "since", "by", "until", "from", "between", "and", "of",
                        "for", "after", "before", "through", "to", "the", "early", "late", "mid"})
_LAST_WORD = re.compile(r"(\w+)\W*$")


def year_readings(doc: GoldDoc) -> Counter[str]:
    """The gold's bare years and decades in one document, as "<year|decade> | <word before> | <open|closed>"."""
    out = Counter[str]()
    for gold in doc.timexes:
        found = _BARE_YEAR.fullmatch(gold.text.strip())
        if found is None:
            continue
        last = _LAST_WORD.search(doc.text[max(0, gold.start - 20):gold.start])
        word = last[1].lower() if last else ""
        kind = "year" if found["year"] else "decade"
        reading = "open" if "X" in gold.value else "closed"
        out[f"{kind} | {word if word in YEAR_LEADS else 'other'} | {reading}"] += 1
    return out


def fold_year_readings(gold_path: Path, *, limit: int | None = None) -> dict[str, Counter[str]]:
    """Per fold, the gold's bare years and decades by the word before them and whether the value is
    open (``year_readings``): counts of the gold only, no system run."""
    out = {fold: Counter[str]() for fold in FOLDS}
    for n, doc in enumerate(read_gold(Path(gold_path), limit)):
        out[FOLDS[n % 2]].update(year_readings(doc))
    return out

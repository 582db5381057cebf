"""Value F1 taken apart: detection, value accuracy, what is wrong in a value, and families of expression.

Value F1 = relaxed F1 × value accuracy, and relaxed F1 comes from detection precision and recall. A
fold's figure can fall because we take spans the gold does not, miss spans it has, or give a found span
another value; ``Decomposition`` keeps the three apart (docs/time.md, twelfth round):

- detection precision and recall (relaxed, one-to-one) and value accuracy over the matches;
- each wrong value by *what is wrong in it* (``value_fault``): the granularity, coarser or finer than
  the gold's; the part of the day; the side of the publication date (direction); the year alone of a
  month or day; another period on the same side, counted from the publication date or from the date
  last told (anchor); the ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF`` family; a value the gold leaves
  open; a duration's unit or amount; sets;
- misses and false alarms by family of expression (``family``), read from the value and the words;
- the share of value F1 each TimeML type loses (``type_shares``): 1 − value F1 = (2·wrong + missed +
  false) / (gold + predicted), a wrong value counted under the gold's type, a miss under the gold's and a
  false alarm under ours (docs/time.md, the project's fourteenth round).

It only counts: the pairs come from the caller's alignment (``timex.align``), so this module knows no
scorer and no pipeline, and every figure is an aggregate a held-out fold may be compared on.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from ..types import Timex

REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")

# What is wrong in a value, in the order the first that fits is taken (``value_fault``).
VALUE_FAULTS = (
    "set", "duration vs date", "gold _REF, ours date", "ours _REF, gold date", "another _REF",
    "gold open", "ours open", "duration unit", "duration amount", "part of the day", "ours finer",
    "ours coarser", "other granularity", "direction", "year of month/day", "anchor: date told",
    "anchor: DCT", "other",
)

_OPEN = re.compile(r"X")
_DURATION = re.compile(r"PT?(?:[\dX.]+[A-Z]+)+(?:T(?:[\dX.]+[A-Z]+)+)?$")
# Granularity of a calendar value: how many characters of YYYY-MM-DDThh:mm it fixes, or its own unit.
_CALENDAR = (
    ("decade", re.compile(r"\d{3}X?$")), ("century", re.compile(r"\d\dX{0,2}$")),
    ("year", re.compile(r"[\dX]{4}$")), ("part of year", re.compile(r"[\dX]{4}-(?:H\d|Q\d|SP|SU|FA|WI)$")),
    ("month", re.compile(r"[\dX]{4}-[\dX]{2}$")), ("week", re.compile(r"[\dX]{4}-W[\dX]{1,2}(?:-WE)?$")),
    ("day", re.compile(r"[\dX]{4}-[\dX]{2}-[\dX]{2}$")), ("part of a day", re.compile(r"[\dX-]+T(?:MO|AF|EV|NI|DT)$")),
    ("clock", re.compile(r"[\dX-]+T\d\d(?::\d\d){0,2}.*$")),
)
_RANK = {"century": 0, "decade": 1, "year": 2, "part of year": 3, "month": 4, "week": 5, "day": 6,
         "part of a day": 7, "clock": 8}


def is_duration(value: str) -> bool:
    """Whether a TIMEX3 value is an ISO duration ("P3D", "PT2H", "PXY"; not "PAST_REF")."""
    return _DURATION.match(value) is not None


def granularity(value: str) -> str:
    """The unit a calendar value fixes ("1989-10" → month, "1989-W42" → week), or "other"."""
    return next((name for name, pattern in _CALENDAR if pattern.match(value)), "other")


def value_fault(gold: Timex, pred: Timex, dct: str | None) -> str:
    """What is wrong in the value of a prediction matched to a gold timex whose value it does not have."""
    for test in _FAULT_TESTS:
        found = test(gold, pred, dct)
        if found is not None:
            return found
    return _anchor(pred, dct)


def _set(gold: Timex, pred: Timex, dct: str | None) -> str | None:
    return "set" if "SET" in (gold.type, pred.type) else None


def _duration_type(gold: Timex, pred: Timex, dct: str | None) -> str | None:
    one = is_duration(gold.value) or gold.type == "DURATION"
    other = is_duration(pred.value) or pred.type == "DURATION"
    return "duration vs date" if one != other else None


def _ref(gold: Timex, pred: Timex, dct: str | None) -> str | None:
    if gold.value in REFS and pred.value in REFS:
        return "another _REF"
    if gold.value in REFS:
        return "gold _REF, ours date"
    return "ours _REF, gold date" if pred.value in REFS else None


def _open(gold: Timex, pred: Timex, dct: str | None) -> str | None:
    if _OPEN.search(gold.value) and not _OPEN.search(pred.value):
        return "gold open"
    return "ours open" if _OPEN.search(pred.value) and not _OPEN.search(gold.value) else None


def _duration(gold: Timex, pred: Timex, dct: str | None) -> str | None:
    if not is_duration(gold.value):
        return None
    units = [re.sub(r"[\dX.]+", " ", value).split() for value in (gold.value, pred.value)]
    return "duration amount" if is_duration(pred.value) and units[0] == units[1] else "duration unit"


def _granularity(gold: Timex, pred: Timex, dct: str | None) -> str | None:
    g, p = granularity(gold.value), granularity(pred.value)
    if "other" in (g, p):
        return "other"  # a value of no calendar shape: a malformed gold value ("PM6") or an unknown form
    if g == p:
        return None
    if "part of a day" in (g, p) and {g, p} <= {"day", "part of a day"}:
        return "part of the day"
    if g in _RANK and p in _RANK:
        return "ours finer" if _RANK[p] > _RANK[g] else "ours coarser"
    return "other granularity"


def _direction(gold: Timex, pred: Timex, dct: str | None) -> str | None:
    """Both values of one granularity, on different sides of the publication date at that granularity."""
    if not dct or not re.fullmatch(r"\d{4}(?:-\d\d){0,2}", gold.value[:10]):
        return None
    day = dct[:len(gold.value[:10])]
    g, p = gold.value[:10], pred.value[:10]
    return "direction" if (g < day) != (p < day) and day not in (g, p) else None


def _year(gold: Timex, pred: Timex, dct: str | None) -> str | None:
    """The same month (and day) in another year: the year a month or day written without one was given."""
    same_rest = gold.value[4:] == pred.value[4:] and len(gold.value) > 4
    return "year of month/day" if same_rest and gold.value[:4] != pred.value[:4] else None


def _anchor(pred: Timex, dct: str | None) -> str:
    """Another period on the same side: counted from the date last told (ours) or from the DCT."""
    told = pred.anchor is not None and dct is not None and pred.anchor[:10] != dct[:10]
    return "anchor: date told" if told else "anchor: DCT"


_FAULT_TESTS: tuple[Callable[[Timex, Timex, str | None], str | None], ...] = (
    _set, _duration_type, _ref, _open, _duration, _granularity, _direction, _year)

# Families of expression for misses and false alarms: the kind of value, then whether the words write
# the date out (a digit, a month's name) or leave it relative to the reading (last week, two days ago).
_WRITTEN = re.compile(r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b", re.IGNORECASE)
_OFFSET = re.compile(r"\b(?:ago|later|earlier|before|after|since|from now|hence|previous|following)\b", re.I)


def family(timex: Timex) -> str:
    """The family of one expression, from its value and its words (for misses and false alarms)."""
    value = timex.value
    if timex.type == "SET":
        return "set"
    if value in REFS:
        return value.lower().replace("_", " ")
    if is_duration(value):
        return "duration, vague" if "X" in value else "duration"
    unit = granularity(value)
    if unit in ("part of a day", "clock"):
        return "time of day"
    how = "written" if _WRITTEN.search(timex.text) else ("offset" if _OFFSET.search(timex.text) else "relative")
    return f"{unit}, {how}"


@dataclass
class Decomposition:
    """One fold's detection, value accuracy, wrong values by fault, and misses and false alarms by family."""

    gold: int = 0
    pred: int = 0
    matched: int = 0
    right: int = 0
    faults: Counter[str] = field(default_factory=Counter)
    missed: Counter[str] = field(default_factory=Counter)
    false_alarms: Counter[str] = field(default_factory=Counter)
    type_errors: Counter[str] = field(default_factory=Counter)  # 2 a wrong value, 1 a miss or false alarm

    def add(self, gold: list[Timex], pred: list[Timex], pairs: list[tuple[Timex, Timex]],
            same: Callable[[str, str], bool], dct: str | None) -> None:
        """One document's timexes, with the one-to-one pairs the scorer aligned and its test of a value."""
        self.gold += len(gold)
        self.pred += len(pred)
        self.matched += len(pairs)
        found_g, found_p = {id(g) for g, _ in pairs}, {id(p) for _, p in pairs}
        self.missed.update(family(g) for g in gold if id(g) not in found_g)
        self.false_alarms.update(family(p) for p in pred if id(p) not in found_p)
        self.type_errors.update(g.type for g in gold if id(g) not in found_g)
        self.type_errors.update(p.type for p in pred if id(p) not in found_p)
        for g, p in pairs:
            if same(g.value, p.value):
                self.right += 1
            else:
                self.faults[value_fault(g, p, dct)] += 1
                self.type_errors[g.type] += 2

    def counts(self) -> dict[str, Counter[str]]:
        """The three tables of counts, by title: wrong values by fault, misses and false alarms by family."""
        return {"wrong values by fault": self.faults, "missed by family": self.missed,
                "false alarms by family": self.false_alarms}

    def type_shares(self) -> dict[str, float]:
        """The value F1 each TimeML type loses; the shares add up to 1 − value F1."""
        total = self.gold + self.pred
        return {typ: n / total for typ, n in sorted(self.type_errors.items())} if total else {}

    def scores(self) -> dict[str, float]:
        """Detection precision and recall, value accuracy, and their product, value F1."""
        precision = self.matched / self.pred if self.pred else 0.0
        recall = self.matched / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        accuracy = self.right / self.matched if self.matched else 0.0
        return {"detection_p": precision, "detection_r": recall, "detection_f1": f1,
                "value_accuracy": accuracy, "value_f1": f1 * accuracy}

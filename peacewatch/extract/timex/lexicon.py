"""The word tables of the timex grammar, read from ``peacewatch/data/timex/*.tsv``.

Each table is a small TSV file with a header line (``#`` lines are comments), read by the shared
loader (``peacewatch/tables.py``) against the columns declared here. They are read once, when the
first document is tagged, and cached; nothing here runs at import time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...tables import Column, Row, optional, read_table

# The columns of each table; a table's header line names them in this order.
COLUMNS: dict[str, tuple[Column, ...]] = {
    "months": (Column("word"), Column("month")),
    "weekdays": (Column("word"), Column("day")),
    "seasons": (Column("word"), Column("code"), Column("bare")),
    "numbers": (Column("word"), Column("value")),
    "units": (Column("word"), Column("unit")),
    "ordinals": (Column("word"), Column("value")),
    "mods": (Column("phrase"), Column("mod")),
    "parts": (Column("word"), Column("code")),
    "dayrefs": (Column("phrase"), Column("offset"), optional("part")),
    "refs": (Column("phrase"), Column("value")),
    "sets": (Column("word"), Column("value")),
    "tense": (Column("word"), Column("direction"), Column("role")),
    "rules": (Column("id"), Column("kind"), Column("type"), Column("pattern")),
    "holidays": (Column("name"), Column("rule")),
    "titles": (Column("word"),),
    "namewords": (Column("word"),),
    "nameheads": (Column("word"),),
    "generic": (Column("word"),),
    "stamps": (Column("cue"),),
}
TABLES = tuple(COLUMNS)


@lru_cache(maxsize=None)
def timex_rows(name: str) -> tuple[Row, ...]:
    """The rows of ``data/timex/<name>.tsv``, each a mapping from the header's column names to cells."""
    return read_table("timex", f"{name}.tsv", COLUMNS[name])


def _column(name: str, key: str, value: str) -> dict[str, str]:
    return {row[key].lower(): row[value] for row in timex_rows(name)}


def alternation(words: list[str]) -> str:
    """A non-capturing regex alternation of ``words``, longest first, each ending on a word edge."""
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        body = r"\s+".join(re.escape(piece) for piece in w.split(" "))
        parts.append(body + (r"\b" if w[-1].isalnum() else ""))
    return "(?:" + "|".join(parts) + ")"


@dataclass(frozen=True)
class Lexicon:
    """Lookups from (lower-cased) words to values, and the placeholders of rule patterns."""

    months: dict[str, str]
    weekdays: dict[str, str]
    seasons: dict[str, str]
    bare_seasons: frozenset[str]
    numbers: dict[str, str]
    units: dict[str, str]
    ordinals: dict[str, str]
    mods: dict[str, str]
    parts: dict[str, str]
    dayrefs: dict[str, tuple[int, str]]
    refs: dict[str, str]
    titles: frozenset[str]
    generic: frozenset[str]
    sets: dict[str, str]
    holidays: dict[str, str]

    def placeholders(self) -> dict[str, str]:
        number_words = alternation([w for w in self.numbers if " " not in w or w.startswith("a ")])
        simple = alternation([w for w, v in self.numbers.items() if v != "X" and w not in ("a", "an")])
        return {
            "MONTH": alternation(list(self.months)),
            "WEEKDAY": alternation(list(self.weekdays)),
            "SEASON": alternation(list(self.seasons)),
            # digits never start inside a number written with thousands separators ("1,425 days")
            "NUM": rf"(?:(?<!\d,)(?:\d{{1,3}}(?:,\d{{3}})+(?![\d,])|\d+\s+1/2|\d+(?:\.\d+)?)"
                   rf"|{simple}(?:[\s-]+{simple})?(?:(?<=hundred)[\s-]+and[\s-]+{simple}(?:[\s-]+{simple})?)?|{number_words})",
            "UNIT": alternation(list(self.units)),
            "ORD": rf"(?:{alternation(list(self.ordinals))}|\d{{1,2}}(?:st|nd|rd|th)\b)",
            "MOD": rf"(?:{alternation([m for m in self.mods if not m.endswith('-')])}|mid-)",
            "PART": alternation(list(self.parts)),
            "DAYREF": alternation(list(self.dayrefs)),
            "REF": alternation(list(self.refs)),
            "SETWORD": alternation(list(self.sets)),
            "HOLIDAY": alternation(list(self.holidays)),
            "YEAR": rf"(?:(?:1[5-9]\d\d|20\d\d)(?!\d)|{self.year_words()})",
            "DAY": r"(?:[12]\d|3[01]|0?[1-9])(?!\d|:\d)",
        }

    def year_words(self) -> str:
        """A regex for years said in words: "nineteen ninety-six", "two thousand (and) one"."""
        units = "one|two|three|four|five|six|seven|eight|nine"
        teens = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
        tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
        rest = rf"(?:(?:{tens})(?:[\s-]+(?:{units}))?|(?:{teens})\b|oh[\s-]+(?:{units}))"
        return (rf"(?:(?:eighteen|nineteen)[\s-]+(?:hundred[\s-]+(?:and[\s-]+)?)?{rest}"
                rf"|two\s+thousand(?:[\s-]+(?:and[\s-]+)?(?:{rest}|(?:{units})\b))?)")

    def year_value(self, text: str) -> int:
        """The year a written-out year stands for (digits pass through)."""
        low = _words(text)
        if low.isdigit():
            return int(low)
        if low.startswith("two thousand"):
            tail = low[len("two thousand"):].replace("and", " ").strip()
            return 2000 + (int(self.number(tail)) if tail else 0)
        century, _, tail = low.partition(" ")
        tail = tail.replace("hundred", " ").replace("and", " ").replace("oh", " ").strip()
        return int(self.numbers[century]) * 100 + (int(self.number(tail)) if tail else 0)

    def number(self, text: str) -> str:
        """The value of a number phrase: digits, "twenty-four", "a few" (→ ``X``)."""
        low = re.sub(r"\s+", " ", text.lower()).strip()
        half = re.fullmatch(r"(\d+)\s+1/2", low)
        if half:
            return f"{half[1]}.5"
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+", low):  # "1,425"
            return low.replace(",", "")
        if re.fullmatch(r"\d+(?:\.\d+)?", low):
            return low.rstrip("0").rstrip(".") if "." in low else str(int(low))
        if low in self.numbers:
            return self.numbers[low]
        total = 0
        for piece in re.split(r"[\s-]+", low):
            if piece == "and":  # "one hundred and eighty"
                continue
            value = self.numbers.get(piece)
            if value is None or value == "X":
                return "X"
            total = (total or 1) * int(value) if piece in MULTIPLIERS else total + int(value)
        return str(total)


# Number words that multiply what comes before them ("two hundred", "a dozen", "two dozen").
MULTIPLIERS = frozenset({"hundred", "dozen"})


def _words(text: str) -> str:
    return re.sub(r"[\s-]+", " ", text.lower()).strip()


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon built from the shipped tables (cached)."""
    return Lexicon(
        months=_column("months", "word", "month"),
        weekdays=_column("weekdays", "word", "day"),
        seasons=_column("seasons", "word", "code"),
        bare_seasons=frozenset(r["word"] for r in timex_rows("seasons") if r["bare"] == "yes"),
        numbers=_column("numbers", "word", "value"),
        units=_column("units", "word", "unit"),
        ordinals=_column("ordinals", "word", "value"),
        mods=_column("mods", "phrase", "mod"),
        parts=_column("parts", "word", "code"),
        dayrefs={r["phrase"]: (int(r["offset"]), r["part"]) for r in timex_rows("dayrefs")},
        refs=_column("refs", "phrase", "value"),
        titles=frozenset(r["word"].lower() for r in timex_rows("titles")),
        generic=frozenset(r["word"].lower() for r in timex_rows("generic")),
        sets=_column("sets", "word", "value"),
        holidays=_column("holidays", "name", "rule"),
    )

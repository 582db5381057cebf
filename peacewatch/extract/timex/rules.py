"""The rule table (``data/timex/rules.tsv``) compiled to regexes, and the matcher that runs it.

Every rule is one compiled regex run over the whole text; where matches overlap, the longest wins,
then the rule listed first. No per-token Python loop runs here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...errors import ConfigError
from .lexicon import alternation, lexicon, timex_rows


@dataclass(frozen=True)
class Rule:
    """One line of the grammar: which normalizer (``kind``) turns its groups into a value."""

    id: str
    kind: str
    type: str
    regex: re.Pattern[str]
    order: int


@dataclass(frozen=True)
class Match:
    """A rule's match in the text."""

    rule: Rule
    start: int
    end: int
    groups: dict[str, str]
    text: str


def _compile(pattern: str, placeholders: dict[str, str], rule_id: str) -> re.Pattern[str]:
    if re.search(r"[A-Z]", re.sub(r"\(\?P<|\\[A-Z]|\{[A-Z]+\}", "", pattern)):
        raise ConfigError(f"timex rule {rule_id!r} has upper-case letters; rules match lower-cased text, "
                          "write the pattern in lower case in rules.tsv", "E027")
    body = re.sub(r"\{([A-Z]+)\}", lambda m: placeholders[m[1]], pattern)
    try:
        return re.compile(rf"(?<!\w){body}(?!\w)")
    except (re.error, KeyError) as e:
        raise ConfigError(f"timex rule {rule_id!r} has an invalid pattern ({e}); fix rules.tsv",
                          "E027") from e


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """The compiled rules, in table order (cached)."""
    placeholders = lexicon().placeholders()
    out = []
    for order, row in enumerate(timex_rows("rules")):
        regex = _compile(row["pattern"], placeholders, row["id"])
        out.append(Rule(row["id"], row["kind"], row["type"], regex, order))
    return tuple(out)


# How far before and after a trigger word a rule's match may reach: the longest lead-in is a
# modifier such as "the latter part of this past", the longest tail "from now" or "-long".
BEFORE, AFTER = 45, 30


@lru_cache(maxsize=1)
def trigger() -> re.Pattern[str]:
    """Digits or a word every rule needs one of: the only places worth running the rules."""
    lx = lexicon()
    words = {"noon", "midnight", "midday", "weekend", "period", "fiscal", "half", "nineteen", "eighteen",
             "thousand", "decadeslong", "yearslong", "monthslong", "weekslong", "yearlong", "monthlong",
             "weeklong", "daylong", "hourlong", "twenties", "thirties",
             "forties", "fifties", "sixties", "seventies", "eighties", "nineties"}
    for table in (lx.months, lx.weekdays, lx.seasons, lx.units, lx.refs, lx.dayrefs, lx.holidays,
                  lx.sets, lx.parts):
        for phrase in table:
            pieces = phrase.split(" ")
            words.add(pieces[1] if pieces[0] == "the" and len(pieces) > 1 else pieces[0])
    words.update(f"{day}s" for day in lx.weekdays if day.endswith("day"))  # "on Sundays": a set
    return re.compile(r"\d|(?<!\w)" + alternation(sorted(words)))


def lower(text: str) -> str:
    """``text`` in lower case with every offset kept (a few characters, such as "İ", lengthen
    under ``str.lower``; those stay as they are)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


# The rest of a word: a window never ends inside one.
_WORD_REST = re.compile(r"\w*")


def windows(text: str) -> list[tuple[int, int]]:
    """Stretches of ``text`` around trigger words, merged where they touch.

    A stretch ends at the end of a word, never inside it: a regex run up to ``endpos`` sees the text
    end there, so a word cut at the edge ("easter|n DRC", "Ma|yor") would pass the word edge that closes
    every rule as a calendar word of its own. The start needs no care: a look-behind sees the text
    before ``pos``."""
    out: list[tuple[int, int]] = []
    for m in trigger().finditer(lower(text)):
        lo = max(0, m.start() - BEFORE)
        hi = _WORD_REST.match(text, min(len(text), m.end() + AFTER)).end()  # type: ignore[union-attr]
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def find(text: str) -> list[Match]:
    """All non-overlapping rule matches in ``text``, in text order.

    The rules run only on windows around trigger words (one cheap pass finds them), which keeps
    the cost of some fifty regexes well below the parser's."""
    found = []
    low = lower(text)
    for lo, hi in windows(text):
        for rule in rules():
            for hit in rule.regex.finditer(low, lo, hi):
                if hit.end() > hit.start():
                    groups = {k: text[hit.start(k):hit.end(k)] for k, v in hit.groupdict().items()
                              if v is not None}
                    found.append(Match(rule, hit.start(), hit.end(), groups, text[hit.start():hit.end()]))
    found.sort(key=lambda m: (m.start - m.end, m.rule.order, m.start))
    taken: list[Match] = []
    for m in found:
        if all(m.end <= t.start or m.start >= t.end for t in taken):
            taken.append(m)
    taken.sort(key=lambda m: m.start)
    return taken

"""The rule table (``data/timex/rules.tsv``) compiled to regexes, and the matcher that runs it.

Every rule is one compiled regex run over the whole text; where matches overlap, the longest wins,
then the rule listed first. No per-token Python loop runs here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...errors import ConfigError
from .lexicon import lexicon, read_table


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
    body = re.sub(r"\{([A-Z]+)\}", lambda m: placeholders[m[1]], pattern)
    try:
        return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)
    except (re.error, KeyError) as e:
        raise ConfigError(f"timex rule {rule_id!r} has an invalid pattern ({e}); fix rules.tsv", "E020") from e


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """The compiled rules, in table order (cached)."""
    placeholders = lexicon().placeholders()
    out = []
    for order, row in enumerate(read_table("rules")):
        regex = _compile(row["pattern"], placeholders, row["id"])
        out.append(Rule(row["id"], row["kind"], row["type"], regex, order))
    return tuple(out)


def find(text: str) -> list[Match]:
    """All non-overlapping rule matches in ``text``, in text order."""
    found = []
    for rule in rules():
        for m in rule.regex.finditer(text):
            if m.end() > m.start():
                groups = {k: v for k, v in m.groupdict().items() if v is not None}
                found.append(Match(rule, m.start(), m.end(), groups, m.group(0)))
    found.sort(key=lambda m: (m.start - m.end, m.rule.order, m.start))
    taken: list[Match] = []
    for m in found:
        if all(m.end <= t.start or m.start >= t.end for t in taken):
            taken.append(m)
    taken.sort(key=lambda m: m.start)
    return taken

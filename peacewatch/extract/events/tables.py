"""The data tables of the events component, read lazily from ``peacewatch/data/events``.

Every rule the component applies is a row in one of these files, so a reader can extend the
coverage without touching code and every output can name the row that decided it (its ``why``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from ...errors import ConfigError
from ...tables import Column, Row, read_table

COOPERATIVE_QUADS = ("vc", "mc")


@dataclass(frozen=True)
class TriggerRule:
    """One row of ``triggers.tsv``."""

    line: int
    lemma: str
    pos: str
    needs: tuple[str, ...]
    type: str
    mode: str | None
    weak: bool

    @property
    def derived(self) -> bool:
        """Whether the rule is a verb's row read for a noun made from it (``DerivedRule``)."""
        return False

    @property
    def joint(self) -> bool:
        """Whether one of the row's ``needs`` joins words with "+" (all of them in the frame: "off+talk"
        for "called off the talks"); ``matching.match`` tries such rows before the lemma's others."""
        return any("+" in n for n in self.needs)

    @property
    def why(self) -> str:
        need = f" + {'|'.join(self.needs)}" if self.needs else ""
        return f"triggers.tsv:{self.line} {self.lemma}/{self.pos}{need} -> {self.type}/{self.mode or '-'}"


@dataclass(frozen=True)
class DerivedRule(TriggerRule):
    """A verb's row read for a noun made from it ("the signing of the accord"; ``matching.verb_of``)."""

    @property
    def derived(self) -> bool:
        return True


@dataclass(frozen=True)
class HandoverRule(TriggerRule):
    """A verb of giving up typed by what it gives up (``matching.handover``; ``handover_*`` in
    ``words.tsv``), not by a row of ``triggers.tsv``."""

    @property
    def why(self) -> str:
        if not self.needs:  # "the rebels surrendered": no object, the side gave itself up
            return f"words.tsv handover_verb {self.lemma}/{self.pos} with no object -> {self.type}/{self.mode}"
        return f"words.tsv handover_verb {self.lemma}/{self.pos} + handover:{self.mode} {self.needs[0]} " \
               f"-> {self.type}/{self.mode}"


# The columns of every events table; every cell is required ('-' stands for none).
COLUMNS: dict[str, tuple[str, ...]] = {
    "cameo.tsv": ("type", "mode", "cameo"),
    "cameo_roots.tsv": ("root", "type"),
    "contexts.tsv": ("word", "context"),
    "implicit_recipient.tsv": ("type", "mode", "actor_sector", "words", "rule", "sector", "why"),
    "keywords.tsv": ("lemma", "type"),
    "numbers.tsv": ("word", "value"),
    "plover_scores.tsv": ("type", "mode", "quad", "score"),
    "triggers.tsv": ("lemma", "pos", "needs", "type", "mode", "strength"),
    "words.tsv": ("list", "word"),
}


def _rows(name: str) -> list[tuple[int, Row]]:
    """The rows of an events table (header first; '#' lines are comments) with their line numbers,
    read and checked by the one table loader (``peacewatch.tables``)."""
    return [(row.line, row) for row in read_table("events", name, tuple(Column(c) for c in COLUMNS[name]))]


def _opt(value: str) -> str | None:
    return None if value in ("", "-") else value


@lru_cache(maxsize=1)
def trigger_rules() -> dict[str, list[TriggerRule]]:
    """Trigger rules by lemma, the rules with ``needs`` first (more specific wins)."""
    by_lemma: dict[str, list[TriggerRule]] = defaultdict(list)
    for line, row in _rows("triggers.tsv"):
        needs = tuple(n for n in row["needs"].split(",") if n and n != "-")
        by_lemma[row["lemma"]].append(TriggerRule(
            line, row["lemma"], row["pos"], needs, row["type"], _opt(row["mode"]),
            row["strength"] == "weak",
        ))
    for rules in by_lemma.values():
        rules.sort(key=lambda r: (not r.needs, r.line))
    return dict(by_lemma)


@lru_cache(maxsize=1)
def matching_rules() -> dict[str, list[TriggerRule]]:
    """``trigger_rules`` in the order ``matching.match`` tries them: a row whose need joins words with "+"
    first ("called off the talks" before "called off"). ``trigger_rules`` keeps the table's order, the one
    the learned model's candidate features read."""
    return {lemma: sorted(rules, key=lambda r: not r.joint) for lemma, rules in trigger_rules().items()}


@lru_cache(maxsize=1)
def word_lists() -> dict[str, frozenset[str]]:
    """The named word lists of ``words.tsv``."""
    lists: dict[str, set[str]] = defaultdict(set)
    for _, row in _rows("words.tsv"):
        lists[row["list"]].add(row["word"])
    return {k: frozenset(v) for k, v in lists.items()}


def words(name: str) -> frozenset[str]:
    """One word list (empty if the table has none of that name)."""
    return word_lists().get(name, frozenset())


@lru_cache(maxsize=1)
def wrapper_roles() -> dict[str, str]:
    """Lemma → wrapper role (intent, future, threat, request, refuse, hypothetical, topic, fail, target)."""
    roles: dict[str, str] = {}
    for name, members in word_lists().items():
        if name.startswith("wrap:"):
            for lemma in members:
                roles.setdefault(lemma, name[5:])
    return roles


@lru_cache(maxsize=1)
def contexts() -> dict[str, str]:
    """Topic word → PLOVER context."""
    return {row["word"]: row["context"] for _, row in _rows("contexts.tsv")}


@lru_cache(maxsize=1)
def _scores() -> dict[tuple[str, str | None], tuple[str, float]]:
    return {(row["type"], _opt(row["mode"])): (row["quad"], float(row["score"]))
            for _, row in _rows("plover_scores.tsv")}


def score(event_type: str, mode: str | None) -> float | None:
    """The PLOVER score of a type and mode (the type's base score where the mode has none)."""
    table = _scores()
    hit = table.get((event_type, mode)) or table.get((event_type, None))
    return hit[1] if hit else None


def is_cooperative(event_type: str) -> bool:
    """Whether a type is in one of PLOVER's two cooperation quad classes."""
    hit = _scores().get((event_type, None))
    return hit is not None and hit[0] in COOPERATIVE_QUADS


@lru_cache(maxsize=1)
def _cameo() -> dict[tuple[str, str | None], str]:
    return {(row["type"], _opt(row["mode"])): row["cameo"] for _, row in _rows("cameo.tsv")}


def cameo(event_type: str, mode: str | None) -> str | None:
    """The nearest CAMEO code of a type and mode."""
    table = _cameo()
    return table.get((event_type, mode)) or table.get((event_type, None))


@lru_cache(maxsize=1)
def cameo_roots() -> dict[str, str]:
    """CAMEO two-digit root → the PLOVER type whose base code falls under it (for CAMEO gold)."""
    roots: dict[str, str] = {}
    for _, row in _rows("cameo_roots.tsv"):
        roots[row["root"]] = row["type"]
    return roots


@lru_cache(maxsize=1)
def numbers() -> dict[str, int]:
    """Number words and their values."""
    return {row["word"]: int(row["value"]) for _, row in _rows("numbers.tsv")}


@lru_cache(maxsize=1)
def keyword_types() -> dict[str, str]:
    """The keyword-only baseline's verb lemma → type map."""
    return {row["lemma"]: row["type"] for _, row in _rows("keywords.tsv")}


@dataclass(frozen=True)
class ImplicitRule:
    """One row of ``implicit_recipient.tsv``: when an unstated recipient is the actor's own country."""

    line: int
    type: str
    modes: frozenset[str] | None  # None: any mode ("-" in the set: no mode)
    actor_sectors: frozenset[str] | None
    words: frozenset[str] | None
    own: bool  # rule "own" (else "none")
    sector: str | None
    reading: str

    @property
    def why(self) -> str:
        return f"implicit_recipient.tsv:{self.line} {self.type} -> {'own country' if self.own else 'none'}"


def _any(value: str) -> frozenset[str] | None:
    return None if value == "*" else frozenset(value.split("|"))


@lru_cache(maxsize=1)
def implicit_rules() -> tuple[ImplicitRule, ...]:
    """The rows of ``implicit_recipient.tsv`` in order (the first match decides)."""
    rules = []
    for line, row in _rows("implicit_recipient.tsv"):
        if row["rule"] not in ("own", "none"):
            raise ConfigError(f"event table implicit_recipient.tsv line {line}: rule {row['rule']!r} "
                              "is neither 'own' nor 'none'", "E027")
        rules.append(ImplicitRule(line, row["type"], _any(row["mode"]), _any(row["actor_sector"]),
                                  _any(row["words"]), row["rule"] == "own", _opt(row["sector"]), row["why"]))
    return tuple(rules)

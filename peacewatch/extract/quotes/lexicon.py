"""The quote tables of ``peacewatch/data/quotes``, loaded once and cached.

Every rule that decides a quote comes from one of these tables, so the ``why`` of a quote can name
the entry: ``cues.tsv`` (reporting verbs and where their content hangs), ``marks.tsv`` (quotation-mark
pairs), ``according.tsv`` (prepositional attributions such as "according to X"), ``nouns.tsv``
(reporting nouns: "his claim that ..."), ``clause_verbs.tsv`` (verbs that report only with a finite
complement clause or a quotation), ``sources.tsv`` (documents and polls: "in the latest poll, …") and
``speakers.tsv`` (pronouns and role nouns whose entity
is found in the preceding text) and ``deeds.tsv`` (reporting verbs that also name a deed, and the words
that tell the senses apart).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...errors import ConfigError
from ...tables import Column, Row, optional, read_table


@dataclass(frozen=True)
class CueEntry:
    """A reporting verb: its lemma, the kind of attribution, and the dependencies holding content."""

    lemma: str
    frame: str
    content: tuple[str, ...]


@dataclass(frozen=True)
class MarkPair:
    """A pair of quotation marks; symmetric when both marks are the same string. ``direct``: a quote
    inside the pair is flagged direct (``marks.tsv``)."""

    open: str
    close: str
    name: str
    direct: bool = True

    @property
    def symmetric(self) -> bool:
        return self.open == self.close


@dataclass(frozen=True)
class Lexicon:
    """All quote tables."""

    cues: dict[str, CueEntry]
    marks: tuple[MarkPair, ...]
    according: dict[str, str]
    speakers: dict[str, str]
    nouns: dict[str, str]
    clause_verbs: dict[str, str]
    sources: dict[str, str]
    deeds: dict[str, str]


# The columns of each table (none has a header line); a ``note`` says what a row is for.
COLUMNS: dict[str, tuple[Column, ...]] = {
    "cues.tsv": (Column("lemma"), Column("frame"), optional("content"), optional("note")),
    "marks.tsv": (Column("open"), Column("close"), Column("name"), Column("direct")),
    "according.tsv": (Column("head_lemma"), Column("preposition"), optional("note")),
    "speakers.tsv": (Column("word"), Column("rule"), optional("note")),
    "nouns.tsv": (Column("lemma"), Column("frame")),
    "clause_verbs.tsv": (Column("lemma"), Column("class")),
    "sources.tsv": (Column("lemma"), Column("preposition"), optional("note")),
    "deeds.tsv": (Column("word"), Column("kind"), optional("note")),
}


def _yes(row: Row, column: str) -> bool:
    if row[column] not in ("yes", "no"):
        raise ConfigError(f"{row.file}:{row.line}: the {column} column is 'yes' or 'no', not {row[column]!r}; "
                          "reinstall peacewatch", "E027")
    return row[column] == "yes"


def _rows(name: str) -> tuple[Row, ...]:
    return read_table("quotes", name, COLUMNS[name], header=False)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the quote tables (once per process)."""
    cues = {
        r["lemma"]: CueEntry(r["lemma"], r["frame"], tuple(d for d in r["content"].split(",") if d))
        for r in _rows("cues.tsv")
    }
    marks = tuple(MarkPair(r["open"], r["close"], r["name"], _yes(r, "direct")) for r in _rows("marks.tsv"))
    according = {r["head_lemma"]: r["preposition"] for r in _rows("according.tsv")}
    speakers = {r["word"]: r["rule"] for r in _rows("speakers.tsv")}
    nouns = {r["lemma"]: r["frame"] for r in _rows("nouns.tsv")}
    clause_verbs = {r["lemma"]: r["class"] for r in _rows("clause_verbs.tsv")}
    sources = {r["lemma"]: r["preposition"] for r in _rows("sources.tsv")}
    deeds = {r["word"]: r["kind"] for r in _rows("deeds.tsv")}
    return Lexicon(cues, marks, according, speakers, nouns, clause_verbs, sources, deeds)

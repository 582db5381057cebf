"""The quote tables of ``peacewatch/data/quotes``, loaded once and cached.

Every rule that decides a quote comes from one of these tables, so the ``why`` of a quote can name
the entry: ``cues.tsv`` (reporting verbs and where their content hangs), ``marks.tsv`` (quotation-mark
pairs), ``according.tsv`` (prepositional attributions such as "according to X"), ``nouns.tsv``
(reporting nouns: "his claim that ...") and ``speakers.tsv`` (pronouns and role nouns whose entity
is found in the preceding text).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ...errors import ConfigError


@dataclass(frozen=True)
class CueEntry:
    """A reporting verb: its lemma, the kind of attribution, and the dependencies holding content."""

    lemma: str
    frame: str
    content: tuple[str, ...]


@dataclass(frozen=True)
class MarkPair:
    """A pair of quotation marks; symmetric when both marks are the same string."""

    open: str
    close: str
    name: str

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


def _rows(name: str, width: int) -> list[list[str]]:
    path = resources.files("peacewatch").joinpath("data", "quotes", name)
    rows = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < width:
            raise ConfigError(f"quote table {name} line {number} needs {width} tab-separated cells", "E027")
        rows.append([c.strip() for c in cells])
    return rows


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the quote tables (once per process)."""
    cues = {
        r[0]: CueEntry(r[0], r[1], tuple(d for d in r[2].split(",") if d))
        for r in _rows("cues.tsv", 3)
    }
    marks = tuple(MarkPair(r[0], r[1], r[2]) for r in _rows("marks.tsv", 3))
    according = {r[0]: r[1] for r in _rows("according.tsv", 2)}
    speakers = {r[0]: r[1] for r in _rows("speakers.tsv", 2)}
    nouns = {r[0]: r[1] for r in _rows("nouns.tsv", 2)}
    return Lexicon(cues, marks, according, speakers, nouns)

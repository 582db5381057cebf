"""The ``timex`` component: temporal expressions as TIMEX3 values anchored on the publication date.

The grammar is data (``peacewatch/data/timex/rules.tsv`` and its word tables); ``tagger.tag`` runs
it over a spaCy Doc. Relative expressions resolve against ``ann.anchor`` in the direction the
clause's tense gives; without an anchor their unknown parts stay ``X``. See ``docs/time.md``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...contract import Annotation
from .govern import governing_timex
from .tagger import tag

if TYPE_CHECKING:
    from ...config import Config

__all__ = ["TimexTagger", "governing_timex", "tag"]


class TimexTagger:
    """Fills ``result.timexes``; reads the parse only for the tense of relative expressions."""

    name = "timex"
    requires = ("tokens", "pos", "parse")
    provides = ("timexes",)

    def __call__(self, ann: Annotation) -> Annotation:
        ann.result.timexes.extend(tag(ann.doc, ann.anchor))
        return ann


def make_timex(config: Config) -> TimexTagger:
    return TimexTagger()

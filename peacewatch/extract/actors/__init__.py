"""The ``actors`` component: recognize, resolve and code who acts in a document.

It replaces the baseline ``mentions`` component (spaCy's names as they are). From spaCy's tokens,
parse and names plus the shipped dictionaries (``peacewatch/data/actors/``) and the user's
(configuration key ``actors``, CLI ``--actors FILE.csv``) it fills ``mentions`` and ``entities``
per the record contract: states with ISO 3166-1 alpha-3 codes, capitals standing for governments
(``metonymy``), titled persons with office, country and sector, later surnames, pronouns and
"the minister" linked back to them, groups such as "Azerbaijani soldiers" (AZE, MIL), and
"the pair" as a group entity whose ``members`` are the two states. See ``docs/actors.md``. Last,
``names.add_names`` gives names a name's span and adds the names designations hold (``docs/ner.md``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...contract import Annotation
from .datelines import set_aside
from .headlines import read_lines
from .identify import identify
from .lexicon import Lexicon
from .names import add_names, settle_labels
from .tables import read_user_entries
from .teams import settle_teams

if TYPE_CHECKING:
    from ...config import Config

__all__ = ["ActorResolver", "make_actors"]


class ActorResolver:
    name = "actors"
    requires = ("ner", "parse")
    provides = ("mentions", "entities")

    def __init__(self, lexicon: Lexicon, model: str | None = None) -> None:
        self.lexicon = lexicon
        self.model = model

    def __call__(self, ann: Annotation) -> Annotation:
        read_lines(ann.doc, self.model)
        settle_teams(ann.doc)
        settle_labels(ann.doc)
        mentions, entities = identify(ann.doc, self.lexicon, ann.anchor)
        ann.result.mentions.extend(add_names(ann.doc, mentions))
        set_aside(ann.doc, ann.result.mentions)  # a dateline is no clause's subject for the readers after
        ann.result.entities.extend(entities)
        return ann


def make_actors(config: Config) -> ActorResolver:
    """Build the lexicon once per pipeline (user dictionaries are validated here: E026)."""
    return ActorResolver(Lexicon.build(read_user_entries(config.actors)), config.model)

"""The ``mentions`` component: spaCy's named entities as contract mentions and entities.

This is the baseline the ``actors`` component improves on: labels are spaCy's own and entities are
grouped by their surface text only; ``kind`` is guessed from the label and ``code``/``sector`` stay
unknown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..contract import Annotation
from ..types import Entity, Mention

if TYPE_CHECKING:
    from ..config import Config

# spaCy/OntoNotes labels that name actors or places, and the entity kind each suggests.
LABEL_KIND = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "NORP": "group",
    "LOC": "place",
    "FAC": "place",
}


class SpacyMentions:
    name = "mentions"
    requires = ("ner",)
    provides = ("mentions", "entities")

    def __call__(self, ann: Annotation) -> Annotation:
        by_key: dict[tuple[str, str], Entity] = {}
        for ent in ann.doc.ents:
            kind = LABEL_KIND.get(ent.label_)
            if kind is None:
                continue
            key = (ent.text.casefold(), ent.label_)
            entity = by_key.get(key)
            if entity is None:
                entity = Entity(
                    id=f"e{len(by_key) + 1}", name=ent.text, kind=kind,
                    why=f"spaCy NER label {ent.label_}",
                )
                by_key[key] = entity
            ann.result.mentions.append(
                Mention(ent.start_char, ent.end_char, ent.text, ent.label_, entity.id,
                        why="spaCy NER")
            )
        ann.result.entities.extend(by_key.values())
        return ann


def make_mentions(config: Config) -> SpacyMentions:
    return SpacyMentions()

"""The ``places`` component: the places a document names, geocoded offline, and the place of each event.

``finder`` collects the places (the actor layer's GPE/LOC/FAC mentions and gazetteer names spaCy
missed), ``pick`` picks the gazetteer entry each stands for, ``site`` finds where each event
happened. The gazetteer (``gazetteer``) is read once per pipeline, on the first document.
See docs/places.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...contract import Annotation
from .finder import find_places, focus_countries
from .gazetteer import Gazetteer
from .site import locate, place_tokens

if TYPE_CHECKING:
    from ...config import Config


class PlacesComponent:
    name = "places"
    requires = ("parse", "entities", "events")
    provides = ("places",)

    def __init__(self) -> None:
        self.gazetteer = Gazetteer()

    def __call__(self, ann: Annotation) -> Annotation:
        focus = focus_countries(ann.result)
        places = find_places(ann.doc, ann.result, self.gazetteer, focus, ann.document.text)
        ann.result.places = places
        tokens = place_tokens(ann.doc, places)
        for event in ann.result.events:
            event.location = locate(ann.doc, event, tokens)
        return ann


def make_places(config: Config) -> PlacesComponent:
    return PlacesComponent()

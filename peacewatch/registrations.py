"""Every built-in pipeline component, listed once.

``Pipeline.build`` reads this list (then the plug-ins of the ``peacewatch.components`` entry-point
group); no component registers itself by being imported. A new built-in component is one more
line here, with the requires/provides its class declares.
"""

from __future__ import annotations

from .contract import Registration
from .extract.actors import ActorResolver, make_actors
from .extract.commitments import CommitmentsComponent, make_commitments
from .extract.events import EventsComponent, make_events
from .extract.ner import SpacyMentions, make_mentions
from .extract.places import PlacesComponent, make_places
from .extract.quotes.component import QuoteExtractor, make_quotes
from .extract.timex import TimexTagger, make_timex

BUILTINS: tuple[Registration, ...] = (
    Registration("timex", tuple(TimexTagger.requires), tuple(TimexTagger.provides), make_timex),
    Registration("mentions", tuple(SpacyMentions.requires), tuple(SpacyMentions.provides), make_mentions),
    Registration("actors", tuple(ActorResolver.requires), tuple(ActorResolver.provides), make_actors),
    Registration("quotes", tuple(QuoteExtractor.requires), tuple(QuoteExtractor.provides), make_quotes),
    Registration("events", tuple(EventsComponent.requires), tuple(EventsComponent.provides), make_events),
    Registration("commitments", tuple(CommitmentsComponent.requires), tuple(CommitmentsComponent.provides),
                 make_commitments),
    Registration("places", tuple(PlacesComponent.requires), tuple(PlacesComponent.provides), make_places),
)

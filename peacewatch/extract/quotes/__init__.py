"""The ``quotes`` component: direct and indirect reported speech, with speaker, cue and content.

Importing this package registers the component (``requires=("parse", "mentions", "entities")``,
``provides=("quotes",)``); the rules are documented in ``docs/quotes.md`` and the tables live in
``peacewatch/data/quotes``.
"""

from .component import QuoteExtractor, make_quotes

__all__ = ["QuoteExtractor", "make_quotes"]

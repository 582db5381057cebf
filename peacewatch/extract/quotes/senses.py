"""Whether a reporting verb that also names a deed reports speech where it stands (``deeds.tsv``,
docs/quotes.md "Ninth round, follow-up").

'Kiir attacked the mediators' is a judgement, 'Russia attacked the convoy' an assault; 'Kurti called
the move illegal' reports, 'Putin called an emergency meeting' convenes one. Only the content rules
that take a bare noun (the noun object a named source says, the passive subject) are asked: a
clause or a predicate ('called the move illegal', 'attacked the plan as reckless') is speech by its
frame.

- An *act* verb (attack, blast, slam …): its noun object or passive subject is what was said only when
  the one acting speaks — "he" / "she", a mention of a person, a role noun of ``speakers.tsv``, a
  document, or a body that speaks (a word of ``speakers.tsv``'s bodies or ``deeds.tsv``'s in its
  name: "the Foreign Ministry", "the party"), never a state, an armed force or an armed group, and the
  passive needs such a "by" agent — and what is acted on is no place and no thing of ``deeds.tsv``
  (a vehicle, position, facility, settlement or weapon).
- A *convene* verb (call): its bare noun object or passive subject is never what was said, nor its
  prepositional content in the passive ('the vote was called for June'); 'called for a truce' and
  'called the move illegal' stay.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from ...types import Result
from .lexicon import Lexicon
from .page import Page

_SPEAKING_PRONOUNS = ("he", "she")
_SPEAKING_RULES = ("person", "document", "body")  # rules of speakers.tsv whose nouns speak (not army, service)
_STRUCK_KINDS = ("place",)
_STRUCK_LABELS = ("GPE", "LOC", "FAC")  # spaCy's places, for a token no mention holds


def mention_kinds(result: Result) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every mention of ``result`` whose entity has a kind, for ``Page``."""
    kinds = {e.id: e.kind for e in result.entities}
    return [(m.start, m.end, kinds[m.entity]) for m in result.mentions if m.entity in kinds]


def deed(verb: Token, lex: Lexicon) -> str | None:
    """"act" or "convene" when the verb also names a deed (``deeds.tsv``), else None."""
    kind = lex.deeds.get(verb.lemma_.lower())
    return kind if kind in ("act", "convene") else None


def said_noun(verb: Token, kind: str, subject: Token | None, lex: Lexicon, page: Page) -> bool:
    """Whether the noun object or passive subject of a deed verb of ``kind`` is what ``subject`` said."""
    if kind != "act" or subject is None or not speaks(subject, lex, page):
        return False
    acted_on = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    return acted_on is None or not struck(acted_on, lex, page)


def speaks(subject: Token, lex: Lexicon, page: Page) -> bool:
    """A person, a document or a body that speaks: "he", "she", a person's mention, or a word of the
    subject's name that ``speakers.tsv`` (person, document, body) or ``deeds.tsv`` (body) lists."""
    if subject.lower_ in _SPEAKING_PRONOUNS or page.kind_at(subject) == "person":
        return True
    return any(lex.speakers.get(w) in _SPEAKING_RULES or lex.deeds.get(w) == "body" for w in _name_words(subject))


def struck(noun: Token, lex: Lexicon, page: Page) -> bool:
    """A place (a mention of kind place, or spaCy's place label) or a thing of ``deeds.tsv``."""
    kind = page.kind_at(noun)
    if kind in _STRUCK_KINDS or (kind is None and noun.ent_type_ in _STRUCK_LABELS):
        return True
    return lex.deeds.get(noun.lemma_.lower()) == "thing"


def _name_words(head: Token) -> Iterable[str]:
    """The head noun's lemma and its compounds' ('Foreign Ministry', 'the Clinton campaign')."""
    yield head.lemma_.lower()
    yield from (c.lemma_.lower() for c in head.children if c.dep_ == "compound")

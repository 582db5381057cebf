"""Why a matched attribution has the wrong speaker: one class per wrong pair, counted per fold.

``eval quotes`` scores a speaker by its span only: our ``speaker_span`` (the mention beside the cue,
a pronoun as written) must share a character with a gold source span. The entity a pronoun is
resolved to never enters that score, so a pronoun counts as right exactly when the gold marks the
pronoun itself. The classes say where a wrong pair's spans stand, without reading the text twice:

- ``gold names no source``: the gold attribution has no source span and ours has one;
- ``we name none``: ours has no speaker span and the gold has a source;
- ``ours inside the gold content``: our speaker stands inside the gold's content, so the quote that
  took the match is a report nested in the gold's (the outer one is ours to find);
- ``pronoun, gold another pronoun`` / ``pronoun, gold a noun or name``: ours is a pronoun as
  written and the gold's source is elsewhere;
- ``noun or name, gold another``: the rest.
"""

from __future__ import annotations

Range = tuple[int, int]
PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "me",
                      "who", "whom", "that", "which"})
CLASSES = ("gold names no source", "we name none", "ours inside the gold content",
           "pronoun, gold another pronoun", "pronoun, gold a noun or name", "noun or name, gold another")


def _is_pronoun(text: str, spans: tuple[Range, ...]) -> bool:
    return any(text[s:e].strip().lower() in PRONOUNS for s, e in spans)


def speaker_class(text: str, content: tuple[Range, ...], gold_source: tuple[Range, ...],
                  ours: tuple[Range, ...]) -> str:
    """The class of one wrong pair: the gold's content and source spans against our speaker spans."""
    if not gold_source:
        return CLASSES[0]
    if not ours:
        return CLASSES[1]
    if all(any(cs <= s and e <= ce for cs, ce in content) for s, e in ours):
        return CLASSES[2]
    if _is_pronoun(text, ours):
        return CLASSES[3] if _is_pronoun(text, gold_source) else CLASSES[4]
    return CLASSES[5]


def by_class(counts: dict[str, int]) -> dict[str, float]:
    """Counts of one tally in the order of ``CLASSES`` (classes with no pair left out)."""
    return {name: counts[name] for name in CLASSES if name in counts}

"""Page furniture: the link lines a web page carries between its paragraphs.

News sites put lines such as "ALSO READ: <another story's headline>", "Related", "RELATED STORY",
"Recommended" or "Watch: …" between paragraphs, and the text the ingest keeps has them as lines of
their own. Such a line has no final punctuation, so spaCy's parser read it and the sentence after
it as one sentence, and the events of that sentence were lost. A line is a link line when it begins
(case and leading blanks aside) with one of the cues of ``rules.json``'s ``link_cues`` and then ends,
or goes on with one of its ``after`` marks ("ALSO READ:", "Related |", "Watch -"): a sentence that
merely starts with the word ("Related talks resume on Monday.") is not one. The text itself is kept
as read; the pipeline makes each link line a sentence of its own and starts a new one after it
(``pipeline.load_spacy``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .rules import load_rules


@lru_cache(maxsize=1)
def _link_line() -> re.Pattern[str]:
    rule = load_rules().link_cues
    cues = "|".join(re.escape(cue) for cue in sorted(rule.cues, key=len, reverse=True))
    marks = re.escape(rule.after)
    return re.compile(rf"^[ \t]*(?:{cues})[ \t]*(?:[{marks}][^\n]*)?$", re.IGNORECASE | re.MULTILINE)


def link_lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each link line of ``text``: from its first word to the end of the line
    (the line break not included)."""
    if not load_rules().link_cues.cues:
        return []
    found = []
    for m in _link_line().finditer(text):
        start = m.start() + len(m.group()) - len(m.group().lstrip(" \t"))
        end = m.start() + len(m.group().rstrip())
        found.append((start, end))
    return found

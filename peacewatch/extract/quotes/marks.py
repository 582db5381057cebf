"""Quotation marks: pair them into quotations, per paragraph, in one pass over the text.

Rules (each quotation records its pair and whether it continues into the next paragraph):

- A curly opening mark waits for its own closing mark; a symmetric mark (straight ``"``, doubled
  apostrophes) alternates open/close within a paragraph. A closing mark with nothing open is stray
  and ignored, except at the very start of a paragraph, where it is a mistyped opening mark. A
  curly opening mark while one of the same kind is open nests: the inner quotation is part of the
  outer one. When the outer one never closes, the inner ones that closed stand on their own.
- A quotation still open at the end of a paragraph continues when the next paragraph opens with the
  same mark (the newswire convention for a quote that runs over paragraphs): the part in the first
  paragraph becomes a quotation of its own that ends with its paragraph. Otherwise it is unbalanced
  and dropped.
- A straight double mark and a curly one close each other ('"…”', '“…"'), as hand-typed or
  pasted web copy mixes them.
- The content excludes the marks, surrounding whitespace and a trailing comma.
- Each quotation says whether its pair flags a quote ``direct`` (``marks.tsv``: the double marks do,
  newswire and TeX doubled apostrophes do not; ``undirect`` applies it to the quotes made).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache

from ...types import Quote
from .lexicon import MarkPair, load_lexicon

_DOUBLE_OPEN, _DOUBLE_CLOSE = ('"', "\u201c"), ('"', "\u201d")


@dataclass(frozen=True)
class Quotation:
    """A stretch of text inside quotation marks. ``start``/``end`` include the marks."""

    start: int
    end: int
    content_start: int
    content_end: int
    pair: str
    continued: bool = False
    direct: bool = True  # the pair flags a quote inside it direct (marks.tsv)


@lru_cache(maxsize=1)
def _mark_pattern() -> tuple[re.Pattern[str], dict[str, list[MarkPair]]]:
    pairs = load_lexicon().marks
    strings = sorted({p.open for p in pairs} | {p.close for p in pairs}, key=len, reverse=True)
    by_open: dict[str, list[MarkPair]] = {}
    for p in pairs:
        by_open.setdefault(p.open, []).append(p)
    return re.compile("|".join(re.escape(s) for s in strings)), by_open


def _mixed_double(opening: str, mark: str) -> bool:
    """A straight and a curly double mark closing each other ('"We acknowledge …,” Rubio said',
    '“Immunity deals …," he said'): typed by hand or pasted, common in web copy."""
    return opening in _DOUBLE_OPEN and mark in _DOUBLE_CLOSE and mark != opening


def _content(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _make(text: str, start: int, end: int, inner: tuple[int, int], pair: MarkPair,
          continued: bool = False) -> Quotation | None:
    cs, ce = _content(text, *inner)
    if ce <= cs:
        return None
    return Quotation(start, end, cs, ce, pair.name, continued, pair.direct)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer(r"\n", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _opens_with(text: str, span: tuple[int, int], mark: str) -> bool:
    return text[span[0]:span[1]].lstrip().startswith(mark)


def find_quotations(text: str) -> list[Quotation]:
    """All quotations of ``text`` in reading order."""
    paragraphs = _paragraphs(text)
    found: list[Quotation] = []
    for i, span in enumerate(paragraphs):
        following = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
        found.extend(_in_paragraph(text, span, following))
    return found


def _in_paragraph(text: str, span: tuple[int, int], following: tuple[int, int] | None) -> list[Quotation]:
    """The quotations of one paragraph. Open marks stack up: a curly opening mark inside an open
    quotation nests ('“I'd rather live in what he calls “hell” than …”' is one quotation), and what
    closes inside another quotation is part of it. When the outer quotation never closes, the ones
    that closed inside it stand on their own (a missing closing mark loses one quotation, not all)."""
    pattern, by_open = _mark_pattern()
    by_close = {p.close: p for p in load_lexicon().marks if not p.symmetric}
    pstart, pend = span
    found: list[Quotation] = []
    inner: list[Quotation] = []
    stack: list[tuple[int, str, MarkPair]] = []
    for m in pattern.finditer(text, pstart, pend):
        mark = m.group()
        top = stack[-1] if stack else None
        if top is not None and (mark == top[2].close or _mixed_double(top[1], mark)):
            stack.pop()
            q = _make(text, top[0], m.end(), (top[0] + len(top[1]), m.start()), top[2])
            if q is not None:
                (inner if stack else found).append(q)
        elif mark in by_open and (top is None or mark == top[1]):
            stack.append((m.start(), mark, by_open[mark][0]))
        elif top is None and m.start() == pstart and mark in by_close:
            stack.append((m.start(), mark, by_close[mark]))
    if not stack:
        return found
    outer = stack[0]
    if following is not None and _opens_with(text, following, outer[1]):
        q = _make(text, outer[0], pend, (outer[0] + len(outer[1]), pend), outer[2], True)
        return sorted(found + ([q] if q is not None else []), key=lambda x: x.start)
    return sorted(found + inner, key=lambda x: x.start)


def undirect(quotes: list[Quote], quotations: list[Quotation]) -> list[Quote]:
    """``quotes`` with ``direct`` false on each whose quoted words are all in pairs that flag no direct
    quote (``''…''``): such a quotation is found and attributed like any other, and only the flag
    follows the attribution gold's convention (docs/quotes.md, "Eighth round")."""
    plain = sorted((q.start, q.end) for q in quotations if not q.direct)
    if not plain:
        return quotes
    flagged = sorted((q.start, q.end) for q in quotations if q.direct)
    return [_undirected(q) if q.direct and _touches(plain, q.content_span) and not _touches(flagged, q.content_span)
            else q for q in quotes]


def _touches(spans: list[tuple[int, int]], content: tuple[int, int]) -> bool:
    """Whether a quotation of ``spans`` (sorted, none nested in another of the list) overlaps ``content``."""
    k = bisect_left(spans, (content[0], content[0]))
    return any(0 <= i < len(spans) and spans[i][0] < content[1] and spans[i][1] > content[0] for i in (k - 1, k))


def _undirected(quote: Quote) -> Quote:
    return replace(quote, direct=False, why=f"{quote.why}; not direct: quoted only in doubled apostrophes (marks.tsv)")

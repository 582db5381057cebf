"""Plain-text files: one document per file, the first line its title when it looks like one.

The title rule: a first line is the title when it is short (``title.max_chars`` characters and
``title.max_words`` words at most), does not end with sentence punctuation (closing quotes and
brackets are looked through) and is followed by a blank line and more text. The document's
``text`` is then the body after the blank line(s), exactly as read; otherwise the whole file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..config import Config
from ..types import Document, Result
from .origin import Opened, decode_utf8, read_bounded
from .records import check_text
from .rules import TitleRule, load_rules

if TYPE_CHECKING:
    from .sources import Source

_TITLE = re.compile(r"([^\r\n]*)\r?\n(?:[ \t]*\r?\n)+")


@dataclass(frozen=True)
class Split:
    """A text cut into its title (or None) and the body that becomes the document's text."""

    title: str | None
    body: str
    why: str


def split_title(text: str, rule: TitleRule) -> Split:
    """Apply the title rule to ``text``."""
    match = _TITLE.match(text)
    if match is None:
        return Split(None, text, "title: none (first line not followed by a blank line)")
    line, body = match.group(1).strip(), text[match.end():]
    if not line or not body.strip():
        return Split(None, text, "title: none (no text around the blank line)")
    if len(line) > rule.max_chars or len(line.split()) > rule.max_words:
        return Split(None, text, "title: none (first line too long)")
    if line.rstrip(rule.closing_marks)[-1:] in tuple(rule.final_punctuation):
        return Split(None, text, "title: none (first line ends with punctuation)")
    return Split(line, body, "title: first line (short, no final punctuation, blank line after)")


def read_txt(opened: Opened, source: Source, config: Config) -> Iterator[Document | Result]:
    """The file as one document; E003/E004/E005 for an empty, too long or non-UTF-8 file."""
    limit = config.max_chars * load_rules().limits["txt_bytes_per_char"]
    text = decode_utf8(read_bounded(opened.stream, limit, "text file"), "text file")
    check_text(text, config.max_chars)
    split = split_title(text, load_rules().title)
    doc = Document(
        id=Document.hash_id(split.body), text=split.body, published=source.published, title=split.title,
    )
    why = "published: --published" if source.published else "published: none given"
    yield opened.origin.stamp(doc, split.why, why)

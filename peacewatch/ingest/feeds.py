"""RSS and Atom files: one document per item, with feedparser (given bytes, so it never fetches).

An item's text is its longest ``content`` entry, else its ``summary``, with HTML tags stripped;
its id is the item's guid/id, else its link, else the hash of the text; ``published`` keeps the
item's own date and UTC offset (``2023-12-13T10:00:00+04:00``), so the local date stays the
anchor.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import io
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..config import Config
from ..errors import InputError
from ..types import Document, Result
from .html import html_to_text
from .origin import Opened, read_bounded
from .records import check_published, check_text
from .rules import load_rules

if TYPE_CHECKING:
    from .sources import Source

_CHARREF = re.compile(rb"&#([xX][0-9a-fA-F]{1,32}|[0-9]{1,32});")


def read_rss(opened: Opened, source: Source, config: Config) -> Iterator[Document | Result]:
    """Each item as a document; an item without text is an E003 result, the rest go on."""
    import feedparser

    limit = config.max_chars * load_rules().limits["feed_bytes_per_char"]
    data = _CHARREF.sub(_charref, read_bounded(opened.stream, limit, "feed file"))
    try:
        feed = feedparser.parse(io.BytesIO(data))
    except (ValueError, OverflowError, RecursionError) as e:  # UnicodeError is a ValueError
        raise InputError(f"the feed cannot be parsed ({type(e).__name__}: {e}); check that it is RSS or Atom",
                         "E009") from e
    if not feed.entries:
        reason = feed.get("bozo_exception") or "no <item> or <entry> elements"
        raise InputError(f"no feed items could be read ({reason}); check that it is RSS or Atom", "E009")
    for number, entry in enumerate(feed.entries, 1):
        item = opened.origin.item_id("item", number)
        try:
            yield _item_document(entry, opened, source, config, number)
        except InputError as e:
            yield opened.origin.failed(e, _own_id(entry) or item)


def _charref(match: re.Match[bytes]) -> bytes:
    """A numeric character reference feedparser would choke on (a surrogate, NUL, past U+10FFFF:
    it calls ``chr(n).encode()``) as U+FFFD, the replacement character; any other unchanged."""
    digits = match.group(1)
    number = int(digits[1:], 16) if digits[:1] in (b"x", b"X") else int(digits)
    return b"&#xFFFD;" if number == 0 or 0xD800 <= number <= 0xDFFF or number > 0x10FFFF else match.group(0)


def _item_document(entry: Any, opened: Opened, source: Source, config: Config, number: int) -> Document:
    text, text_why = _item_text(entry)
    check_text(text, config.max_chars)
    published, date_why = _item_published(entry, source)
    title = _as_text(entry.get("title_detail") or {"value": entry.get("title", "")}) or None
    doc = Document(
        id=_own_id(entry) or Document.hash_id(text), text=text, published=published,
        url=entry.get("link") or None, title=title,
    )
    return opened.origin.stamp(doc, text_why, date_why, item=number)


def _own_id(entry: Any) -> str | None:
    value = entry.get("id") or entry.get("link")
    return value if isinstance(value, str) and value.strip() else None


def _item_text(entry: Any) -> tuple[str, str]:
    contents = [c for c in entry.get("content", []) if c.get("value")]
    if contents:
        best = max(contents, key=lambda c: len(c["value"]))
        return _as_text(best), "text: item content"
    summary = entry.get("summary_detail") or {"value": entry.get("summary", ""), "type": "text/html"}
    return _as_text(summary), "text: item summary"


def _as_text(detail: Any) -> str:
    value = str(detail.get("value", ""))
    return value.strip() if detail.get("type") == "text/plain" else html_to_text(value)


def _item_published(entry: Any, source: Source) -> tuple[str | None, str]:
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if isinstance(raw, str) and raw.strip():
            parsed = _parse_date(raw.strip())
            if parsed is not None and _usable(parsed):
                return parsed, f"published: item <{key}>"
    if source.published:
        return source.published, "published: --published"
    return None, "published: none in the item"


def _usable(published: str) -> bool:
    """Whether a parsed item date passes ``check_published`` (not a 9999-12-31 placeholder …);
    one that does not is passed over like an unparseable one."""
    try:
        check_published(published)
    except InputError:
        return False
    return True


def _parse_date(raw: str) -> str | None:
    """An RFC 822 (RSS) or ISO 8601 (Atom) date as ISO 8601, keeping its own UTC offset."""
    try:
        return email.utils.parsedate_to_datetime(raw).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        value = dt.datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value.date().isoformat() if len(raw) <= 10 else value.isoformat()

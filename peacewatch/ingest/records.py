"""Turn one input record (a JSON Lines line or a parsed mapping) into a ``Document``.

Every way an input can be wrong ends here in an ``InputError`` with its code; callers turn that
into an error result for that one item and go on with the rest.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ..errors import InputError
from ..types import Document

KNOWN = ("id", "text", "published", "url", "title")


def parse_line(line: str | bytes, lineno: int, max_chars: int) -> Document:
    """A JSON Lines line as a document; raises ``InputError`` (E001–E010)."""
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError as e:
            raise InputError(
                f"line {lineno} is not valid UTF-8 (byte {e.start}); re-encode the file as UTF-8", "E005"
            ) from e
    try:
        data = json.loads(line)
    except json.JSONDecodeError as e:
        raise InputError(
            f"line {lineno} is not valid JSON ({e.msg} at column {e.colno}); fix or remove the line", "E001"
        ) from e
    if not isinstance(data, dict):
        raise InputError(
            f"line {lineno} is JSON but not an object; each line must be one {{...}} document", "E010"
        )
    return document_from_mapping(data, max_chars)


def record_id(data: Any, lineno: int) -> str:
    """The id to report for a record that failed: its own id, else ``line:N``."""
    if isinstance(data, dict) and isinstance(data.get("id"), str | int):
        return str(data["id"])
    return f"line:{lineno}"


def document_from_mapping(data: dict[str, Any], max_chars: int) -> Document:
    """A mapping with the contract's input fields as a document; raises ``InputError``."""
    text = data.get("text")
    if not isinstance(text, str):
        raise InputError("the record has no 'text' string; add the article text as \"text\"", "E002")
    check_text(text, max_chars)
    published = data.get("published")
    if published is not None:
        published = check_published(published)
    doc_id = data.get("id")
    doc_id = str(doc_id) if isinstance(doc_id, str | int) and str(doc_id) else Document.hash_id(text)
    extra = {k: v for k, v in data.items() if k not in KNOWN}
    return Document(
        id=doc_id, text=text, published=published,
        url=_opt_str(data.get("url")), title=_opt_str(data.get("title")), extra=extra,
    )


def check_text(text: str, max_chars: int) -> None:
    """Raise E003 for an empty text and E004 for one over the size limit."""
    if not text.strip():
        raise InputError("the text is empty; nothing to extract", "E003")
    if len(text) > max_chars:
        raise InputError(
            f"the text has {len(text):,} characters, over the limit of {max_chars:,}; split it or "
            "raise 'max_chars' in the configuration", "E004",
        )


def check_published(value: Any) -> str:
    """``published`` as given when it is an ISO date or date-time; raises E007 otherwise."""
    if isinstance(value, str):
        try:
            dt.date.fromisoformat(value[:10])
            if len(value) > 10:
                dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
            return value
        except ValueError:
            pass
    raise InputError(f"'published' is {value!r}, not YYYY-MM-DD or an ISO 8601 date-time", "E007")


def _opt_str(value: Any) -> str | None:
    return value if isinstance(value, str) else None

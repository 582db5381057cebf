"""Turn one input record (a JSON Lines line or a parsed mapping) into a ``Document``.

Every way an input can be wrong ends here in an ``InputError`` with its code; callers turn that
into an error result for that one item and go on with the rest.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from typing import Any

from ..errors import InputError
from ..types import Document

KNOWN = ("id", "text", "published", "url", "title")
# Publication years accepted: 0001-01-01 and 9999-12-31 are the placeholders of databases and
# content systems, and a date near either end of the calendar leaves no room for the date
# arithmetic of time expressions ("three weeks later") and of the ledger's windows.
FIRST_YEAR, LAST_YEAR = 1600, 2199
_YEAR_OR_MONTH = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2]))?")


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
    except ValueError as e:  # the one other refusal of the parser: a number Python will not convert
        raise InputError(
            f"line {lineno} holds a number too long to read (over 4,300 digits); fix or remove the line", "E001"
        ) from e
    except RecursionError as e:  # the parser's own depth limit: the line alone is refused
        raise too_deep(lineno) from e
    if not isinstance(data, dict):
        raise InputError(
            f"line {lineno} is JSON but not an object; each line must be one {{...}} document", "E010"
        )
    return document_from_mapping(data, max_chars)


def too_deep(lineno: int) -> InputError:
    """E011 for a line whose nesting exhausts the JSON parser."""
    return InputError(f"line {lineno} nests lists or objects too deeply to parse; flatten the record", "E011")


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
    if published is not None and not (isinstance(published, str) and not published.strip()):
        published = check_published(published)
    else:  # absent, null or "": the source's --published, if any, applies
        published = None
    doc_id = data.get("id")
    doc_id = str(doc_id) if isinstance(doc_id, str | int) and str(doc_id) else Document.hash_id(text)
    extra = {k: v for k, v in data.items() if k not in KNOWN}
    return Document(
        id=doc_id, text=text, published=published,
        url=_opt_str(data.get("url")), title=_opt_str(data.get("title")), extra=extra,
    )


# Unicode categories of characters that show nothing: controls, formats (U+200B, U+FEFF, U+200F, …), separators.
_INVISIBLE = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})


def check_text(text: str, max_chars: int) -> None:
    """Raise E003 for an empty text (or one of characters no reader sees: zero-width spaces and
    joiners, byte-order and direction marks, control characters), E004 for one over the size limit and
    E005 for one that UTF-8 cannot encode (a lone surrogate, from a JSON ``"\\ud800"`` escape without
    its pair)."""
    if not text.strip():
        raise InputError("the text is empty; nothing to extract", "E003")
    if len(text) > max_chars:
        raise InputError(
            f"the text has {len(text):,} characters, over the limit of {max_chars:,}; split it or "
            "raise 'max_chars' in the configuration", "E004",
        )
    if all(unicodedata.category(c) in _INVISIBLE for c in text):  # stops at the first visible character
        raise InputError("the text shows nothing (only zero-width, direction-mark or control characters); "
                         "nothing to extract", "E003")
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as e:
            raise InputError(
                f"the text holds a lone surrogate at character {e.start} (a JSON \\ud800 escape without its "
                "pair), which no UTF-8 text can hold; fix the escape", "E005",
            ) from e


def check_published(value: Any) -> str:
    """``published`` trimmed, when it is a TIMEX3 publication date (``YYYY``, ``YYYY-MM``,
    ``YYYY-MM-DD``) or an ISO 8601 date-time, of a year from ``FIRST_YEAR`` to ``LAST_YEAR``;
    raises E007 otherwise."""
    if isinstance(value, str):
        text = value.strip()
        year = _parsed_year(text)
        if year is not None and FIRST_YEAR <= year <= LAST_YEAR:
            return text
        if year is not None:
            raise InputError(
                f"'published' is {text!r}, a year outside {FIRST_YEAR}-{LAST_YEAR}: a placeholder, "
                "not the day an article appeared; give the real date or none", "E007",
            )
    shown = repr(value[:40]) if isinstance(value, str) else f"a JSON {type(value).__name__}"
    raise InputError(
        f"'published' is {shown}, not YYYY-MM-DD, YYYY-MM, YYYY or an ISO 8601 date-time", "E007"
    )


def _parsed_year(text: str) -> int | None:
    """The year of a publication date in one of the accepted forms, else None."""
    if _YEAR_OR_MONTH.fullmatch(text):
        return int(text[:4])
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text).year
        if len(text) > 10 and text[10] in "T ":
            dt.date.fromisoformat(text[:10])
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).year
    except ValueError:
        return None
    return None


def _opt_str(value: Any) -> str | None:
    return value if isinstance(value, str) else None

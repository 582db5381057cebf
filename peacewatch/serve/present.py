"""How records read to an analyst, shared by the HTML report and the web dashboard: a document's
name, a safe link, a quantity, a party's name, what a commitment promised, and a sentence cut into
pieces with the trigger, actor, recipient and date marked.

Nothing here escapes HTML: the report escapes what these return, the dashboard's templates
autoescape it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import urlsplit

from ..resolve import LedgerCommitment
from ..store.rows import DocumentHead, Report
from ..types import Argument

_IRREGULAR = {"person": "people", "child": "children", "man": "men", "woman": "women", "casualty": "casualties",
              "militia": "militias", "family": "families", "body": "bodies"}
TITLE_CHARS = 90


def doc_title(head: DocumentHead | None, doc_id: str = "") -> str:
    """A document's name: its title, else the name of the file it was read from, else its first line
    (clipped), and only when there is none of those its id."""
    if head is None:
        return doc_id
    if head.title and head.title.strip():
        return head.title.strip()
    if head.source and head.source not in ("-", "stdin"):
        name = PurePath(head.source.split("::")[-1]).name
        if name:
            return name
    if head.first_line:
        line = head.first_line
        return line if len(line) <= TITLE_CHARS else line[:TITLE_CHARS - 1].rstrip() + "…"
    return head.id or doc_id


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) address with a host (it may become a link), else None: a
    ``javascript:`` or ``data:`` URL is shown as text, never followed."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or any(c in url for c in "\n\r\t <>\"'`"):
        return None
    return url


def plural(n: int, one: str, many: str | None = None) -> str:
    """``1 event``, ``18 events``, ``32 people``."""
    return f"{n:,} {one if n == 1 else (many or pluralize(one))}"


def pluralize(word: str) -> str:
    lower = word.lower()
    if lower in _IRREGULAR:
        return _IRREGULAR[lower]
    if lower.endswith(("s", "x", "ch", "sh")):
        return word + "es" if not lower.endswith("s") else word
    if lower.endswith("y") and lower[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def quantity_text(quantity: dict[str, object] | None) -> str:
    """``32 people`` for ``{"value": 32, "unit": "person"}``; a number without unit stays a number."""
    if not quantity:
        return ""
    value, unit = quantity.get("value"), quantity.get("unit")
    if isinstance(value, int | float) and isinstance(unit, str) and unit:
        return f"{value:g} {unit if value == 1 else pluralize(unit)}"
    return " ".join(str(v) for v in (value, unit) if v not in (None, ""))


def party_name(token: str, names: dict[str, str]) -> str:
    """A party as the dashboard names it: ``code:AZE`` → the ledger's name of the state (else ``AZE``),
    a ledger entity id → its name."""
    if token.startswith("code:"):
        code = token[5:]
        return names.get(f"state:{code}", code)
    return names.get(token, token)


def who(args: list[Argument], names: dict[str, str]) -> str:
    """The parties of one side of an event, by name, each once."""
    seen = dict.fromkeys(names.get(a.entity or "", a.text or a.code or "") for a in args)
    return ", ".join(n for n in seen if n)


def action_text(commitment: LedgerCommitment) -> str:
    return "/".join(str(v) for v in (commitment.action.get("type"), commitment.action.get("mode")) if v)


def beneficiaries(commitment: LedgerCommitment) -> list[str]:
    """Who a promise is to: its beneficiaries that are not also its obligors; ``each other`` is said
    by the caller when both lists are the same parties (a mutual promise)."""
    return [b for b in commitment.beneficiary if b not in commitment.obligor]


def mutual(commitment: LedgerCommitment) -> bool:
    return bool(commitment.obligor) and set(commitment.beneficiary) == set(commitment.obligor)


@dataclass(frozen=True)
class Piece:
    """A stretch of a sentence and what it is (``trigger``, ``actor``, ``recipient``, ``date``;
    empty for plain text)."""

    text: str
    role: str = ""


def marked_sentence(report: Report) -> list[Piece]:
    """The sentence of a report cut into pieces, the event's trigger, date, actors and recipients
    marked (the trigger and date by their spans, a party at the first place its words appear)."""
    text, base, event = report.sentence, report.start, report.event
    marks: list[tuple[int, int, str]] = []
    for span, role in ((event.trigger_span, "trigger"), (event.date_span, "date")):
        if span is not None:
            marks.append((span[0] - base, span[1] - base, role))
    for args, role in ((event.actor, "actor"), (event.recipient, "recipient")):
        for a in args:
            if a.text and (at := text.find(a.text)) >= 0:
                marks.append((at, at + len(a.text), role))
    return _cut(text, marks)


def _cut(text: str, marks: list[tuple[int, int, str]]) -> list[Piece]:
    pieces, pos = [], 0
    for start, end, role in sorted(marks):
        start, end = max(start, pos), min(end, len(text))
        if end <= start:
            continue
        if start > pos:
            pieces.append(Piece(text[pos:start]))
        pieces.append(Piece(text[start:end], role))
        pos = end
    if pos < len(text):
        pieces.append(Piece(text[pos:]))
    return pieces

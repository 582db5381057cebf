"""The shared records of peacewatch.

Every stage passes these typed records, never bare dicts or aligned lists. Each record converts
symmetrically to and from the JSON dictionaries of the record contract (``spec/records.md``):
``Record.from_dict(r.to_dict()) == r``. Fields beyond the contract (``why``, ``mod`` …) are
additions the contract allows; none of the contract's fields is renamed or repurposed.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeVar

from .errors import InputError

Span = tuple[int, int]
R = TypeVar("R", bound="Record")

EVENT_TYPES = (
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT "
    "THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT"
).split()
# The modes of each PLOVER type (the table of ../shared/spec/plover.md, manual draft 2.0), with the
# three the coder's CAMEO map also gives (AGREE meet, COERCE destroy, SUPPORT sign: data/events/cameo.tsv).
EVENT_MODES: dict[str, frozenset[str]] = {t: frozenset(m.split()) for t, m in {
    "AGREE": "meet", "CONSULT": "visit third-party multilateral phone", "SUPPORT": "sign", "CONCEDE": "",
    "COOPERATE": "", "AID": "", "RETREAT": "withdraw release disarm ceasefire access resign",
    "REQUEST": "assist change yield meet", "ACCUSE": "disapprove investigate allege",
    "REJECT": "assist change yield meet", "THREATEN": "restrict arrest relations expel territory violence",
    "PROTEST": "demo riot strike hunger boycott obstruct vandalize",
    "SANCTION": "convict expel withdraw discontinue", "MOBILIZE": "troops weapons police militia",
    "COERCE": "seize restrict censor curfew martial-law arrest deport withhold misinformation cyber destroy",
    "ASSAULT": "abduct beat torture sexual targeted destroy primitive firearms explosives suicide-attack aerial "
               "drone heavy-weapons crowd-control unconventional",
}.items()}
EVENT_STATUSES = ("occurred", "future", "negated", "hypothetical", "requested", "historical")
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
ENTITY_KINDS = ("state", "person", "organization", "armed_group", "igo", "group", "place")
COMMITMENT_STATUSES = ("open", "fulfilled", "overdue", "broken")
# How deep lists and objects may nest in ``Document.extra``: far beyond any news record, far below
# the depth at which json, pickle or sqlite's JSON functions run out of stack.
MAX_NESTING = 100


def _span_out(value: Span | None) -> list[int] | None:
    return None if value is None else [value[0], value[1]]


def _span_in(value: Any) -> Span | None:
    if value is None:
        return None
    start, end = value
    return (int(start), int(end))


class Record:
    """Mixin: symmetric conversion between a dataclass record and its JSON dictionary.

    ``_nested`` names fields holding records (or lists of records); ``_spans`` names fields
    holding ``(start, end)`` tuples, written as two-item lists.
    """

    _nested: ClassVar[dict[str, type[Record]]] = {}
    _spans: ClassVar[tuple[str, ...]] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if f.name in self._spans:
                value = _span_out(value)
            elif f.name in self._nested:
                value = _nested_out(value)
            elif isinstance(value, list):
                value = list(value)
            elif isinstance(value, dict):
                value = dict(value)
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls: type[R], data: dict[str, Any]) -> R:
        kwargs: dict[str, Any] = {}
        for f in dataclasses.fields(cls):  # type: ignore[arg-type]
            if f.name not in data:
                continue
            value = data[f.name]
            if f.name in cls._spans:
                value = _span_in(value)
            elif f.name in cls._nested and value is not None:
                sub = cls._nested[f.name]
                value = [sub.from_dict(v) for v in value] if isinstance(value, list) else sub.from_dict(value)
            kwargs[f.name] = value
        return cls(**kwargs)


def _nested_out(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, list):
        return [v.to_dict() for v in value]
    return value.to_dict()


@dataclass
class Timex(Record):
    """A temporal expression with its TIMEX3 type and value."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    anchor: str | None = None
    why: str | None = None


@dataclass
class Mention(Record):
    """A span that names or designates an entity."""

    start: int
    end: int
    text: str
    label: str
    entity: str | None = None
    metonymy: bool = False
    why: str | None = None


@dataclass
class Entity(Record):
    """An actor of one document (or, in the database, of the whole ledger)."""

    id: str
    name: str
    kind: str
    code: str | None = None
    sector: str | None = None
    role: str | None = None
    wikidata: str | None = None
    why: str = ""
    # For a collective that stands for several entities of the document ("the pair", "both
    # parties"): the ids of those entities, so a reader can expand it to their codes.
    members: list[str] = field(default_factory=list)


@dataclass
class Quote(Record):
    """Direct or indirect reported speech."""

    _spans = ("speaker_span", "cue_span", "content_span")

    content_span: Span
    speaker: str | None = None
    speaker_span: Span | None = None
    cue_span: Span | None = None
    direct: bool = False
    why: str | None = None


@dataclass
class Argument(Record):
    """One actor or recipient of an event; carries its code so the event stands alone."""

    entity: str | None
    code: str | None
    sector: str | None
    text: str
    # added by a coding rule, not told by the event's sentence: the actor's own country (entity None, text
    # ""), or the mediator the article names elsewhere, receiving the parties' talks (its entity and name)
    implicit: bool = False


@dataclass
class Event(Record):
    """A PLOVER-typed event instance."""

    _nested = {"actor": Argument, "recipient": Argument}
    _spans = ("trigger_span", "span", "date_span")

    id: str
    type: str
    trigger_span: Span
    span: Span
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    status: str = "occurred"
    actor: list[Argument] = field(default_factory=list)
    recipient: list[Argument] = field(default_factory=list)
    date: str | None = None
    date_span: Span | None = None
    # {"name", "code", "lat", "lon"} of the contract, and from the places component "ref", "geonameid",
    # "admin1", "feature", "precision" (ACLED's 1-3), "why" and "span" (docs/places.md)
    location: dict[str, Any] | None = None
    quantity: dict[str, Any] | None = None
    reported_by: str | None = None
    score: float | None = None
    cameo: str | None = None
    why: str | None = None
    # the words that tell a retreat as a part or a start of a larger one ("a first round", "began
    # handing over", "partially"; extract/events/aspect.py), else None: the ledger keeps a promise in part by it
    partial: str | None = None


@dataclass
class Commitment(Record):
    """A promise or agreed obligation."""

    id: str
    event: str
    obligor: list[str] = field(default_factory=list)
    beneficiary: list[str] = field(default_factory=list)
    action: dict[str, Any] = field(default_factory=dict)
    made: str | None = None
    due: str | None = None
    status: str = "open"
    why: str | None = None


@dataclass
class Place(Record):
    """A place named in the text, resolved to an entry of the shipped gazetteer (docs/places.md).

    ``ref`` is the gazetteer key: ``geonames:ID`` for countries and towns, ``geonames-admin1:CC.CODE``
    for first-level divisions, ``peacewatch:…`` for regions made of several. An unknown place keeps
    its text with ``ref``, ``lat`` and ``lon`` None: nothing is guessed.
    """

    id: str
    start: int
    end: int
    text: str
    name: str | None = None
    ref: str | None = None
    geonameid: int | None = None
    code: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None
    why: str = ""


@dataclass
class ErrorInfo(Record):
    """A coded error attached to a document result."""

    code: str
    message: str


@dataclass
class Document(Record):
    """One input document as read. ``extra`` keeps every input field the contract does not name."""

    id: str
    text: str
    published: str | None = None
    url: str | None = None
    title: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        """Refuse what no later stage could store or write: nesting past ``MAX_NESTING`` (E011) and
        text that UTF-8 cannot encode, such as a lone surrogate from a JSON ``"\\ud800"`` (E005)."""
        if nesting_depth(self.extra, MAX_NESTING) > MAX_NESTING:
            raise InputError(
                f"the record nests lists or objects more than {MAX_NESTING} levels deep; flatten it", "E011"
            )
        fields = {"id": self.id, "text": self.text, "title": self.title, "url": self.url,
                  "published": self.published, "extra": self.extra}
        bad = next((name for name, value in fields.items() if not _encodable(value)), None)
        if bad is not None:
            raise InputError(
                f"the record's {bad!r} holds a lone surrogate (a JSON \\ud800 escape without its pair), "
                "which no UTF-8 text can hold; fix the escape", "E005",
            )

    @staticmethod
    def hash_id(text: str) -> str:
        """The contract's default id: the first 16 hex digits of SHA-256 of the UTF-8 text."""
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def nesting_depth(value: Any, limit: int) -> int:
    """How deep lists and dicts nest in ``value`` (a scalar is 0), counted without recursion and
    only up to ``limit + 1``: a value a million levels deep costs no more than one of ``limit``."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if not isinstance(item, dict | list | tuple):
            continue
        deepest = max(deepest, depth)
        if depth > limit:
            return depth
        children = item.values() if isinstance(item, dict) else item
        stack.extend((child, depth + 1) for child in children)
    return deepest


def _encodable(value: Any) -> bool:
    """Whether every string in ``value`` (keys included, nesting already bounded) encodes as UTF-8."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if not item.isascii():
                try:
                    item.encode("utf-8")
                except UnicodeEncodeError:
                    return False
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list | tuple):
            stack.extend(item)
    return True


@dataclass
class Dated(Record):
    """The reference day of a document with no publication date, inferred from its own text
    (``extract/dating.py``): ``day`` (``YYYY-MM-DD``, or ``XXXX-MM-DD`` when no year is known),
    ``how`` ("byline stamp", "web address", "dateline", "latest date in text" or "latest date in the
    week of a weekday with its day") and the ``span``
    of the text and the ``text`` that gave it (no span when it is the document's own ``url``)."""

    _spans = ("span",)

    day: str
    how: str
    span: Span | None
    text: str

    @property
    def written(self) -> bool:
        """Whether ``day`` is the day the page was written: a byline stamp, a web address or a dateline
        says so; the latest day its text states is only the newest day it tells of."""
        return self.how not in (LATEST_STATED, WEEKDAY_STATED)


# ``Dated.how`` of a day that is the latest the text states (``extract/dating.py``), not the day written.
LATEST_STATED = "latest date in text"
# ``Dated.how`` of the latest day the text states in the week of a weekday named with its day
# ("on Tuesday, February 6"), which gives its year: not the day written either.
WEEKDAY_STATED = "latest date in the week of a weekday with its day"


@dataclass
class Result(Record):
    """What the pipeline produces for one document: the contract's output line."""

    _nested = {
        "error": ErrorInfo,
        "timexes": Timex,
        "mentions": Mention,
        "entities": Entity,
        "quotes": Quote,
        "events": Event,
        "commitments": Commitment,
        "places": Place,
        "dated": Dated,
    }

    id: str
    published: str | None = None
    error: ErrorInfo | None = None
    timexes: list[Timex] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    # Added to the contract by the places component (docs/places.md).
    places: list[Place] = field(default_factory=list)
    # Added to the contract by the dating of undated documents (docs/time.md): None when the
    # document has a publication date or its text gives no day.
    dated: Dated | None = None

    LISTS: ClassVar[tuple[str, ...]] = (
        "timexes", "mentions", "entities", "quotes", "events", "commitments", "places",
    )

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, or None."""
        if entity_id is None:
            return None
        return next((e for e in self.entities if e.id == entity_id), None)

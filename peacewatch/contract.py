"""The component contract: what a pipeline component is, and the registry it is found in.

A component is a callable that takes the working state of one document (``Annotation``) and returns
it, and declares what it ``requires`` and what it ``provides``. The built-in components are listed
in ``peacewatch.registrations``; a third-party one calls ``register`` from its own package, found
through the ``peacewatch.components`` entry-point group. This module sits on the ground floor with
``types`` and ``config``: every stage may import it, and it imports no stage.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from .errors import ProcessingError
from .timespan import impossible
from .types import Document, Result

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .config import Config

# Fields of the result record added to the shared record contract (``shared/spec/records.md``,
# which may only grow), each with the page that defines it. ``dated``: the reference day of a
# document with no publication date, read from its own text (``extract/dating.py``).
RESULT_ADDITIONS = {"places": "docs/places.md", "dated": "docs/time.md"}

# What the spaCy pipeline itself provides before any of our components runs.
SPACY_PROVIDES = ("text", "tokens", "sentences", "pos", "lemmas", "parse", "ner")
# The key of a spaCy Doc's ``user_data`` under which the pipeline leaves the ``(start, end)`` of the
# text's link lines ("ALSO READ: …", ``ingest.furniture``), each a sentence of its own.
LINK_LINES = "link_lines"


@dataclass
class Annotation:
    """The working state of one document while components run."""

    document: Document
    doc: Doc
    result: Result
    anchor: dt.date | None
    # Per-document notes that one component leaves for a later one, keyed by component name.
    notes: dict[str, Any] = field(default_factory=dict)


class Component(Protocol):
    """What every pipeline component is."""

    @property
    def name(self) -> str: ...

    @property
    def requires(self) -> tuple[str, ...]: ...

    @property
    def provides(self) -> tuple[str, ...]: ...

    def __call__(self, ann: Annotation) -> Annotation: ...


Factory = Callable[["Config"], Component]


@dataclass(frozen=True)
class Registration:
    """A component factory under its name, with what the component requires and provides."""

    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    factory: Factory


# Components registered at run time: plug-ins (entry points) and tests.
_REGISTRY: dict[str, Registration] = {}


def register(
    name: str, *, requires: Iterable[str], provides: Iterable[str]
) -> Callable[[Factory], Factory]:
    """Register a component factory under ``name`` (a decorator, for plug-ins)."""

    def wrap(factory: Factory) -> Factory:
        _REGISTRY[name] = Registration(name, tuple(requires), tuple(provides), factory)
        return factory

    return wrap


def added() -> dict[str, Registration]:
    """The components registered through ``register`` so far."""
    return dict(_REGISTRY)


def impossible_dates(result: Result) -> list[str]:
    """Every date field of a result record that names a day, week, month or clock no calendar has
    ("2024-02-31", "2023-13", "T25:70"), as ``field: value``; empty when all are possible."""
    fields = [("published", result.published)]
    fields += [("dated.day", result.dated.day if result.dated else None)]
    fields += [(f"timexes[{i}].value", t.value) for i, t in enumerate(result.timexes)]
    fields += [(f"events[{i}].date", e.date) for i, e in enumerate(result.events)]
    for i, c in enumerate(result.commitments):
        fields += [(f"commitments[{i}].made", c.made), (f"commitments[{i}].due", c.due)]
    return [f"{name}: {value}" for name, value in fields if value is not None and impossible(value)]


def check_dates(result: Result) -> None:
    """Refuse a result record holding an impossible date (E035): the record contract allows none."""
    found = impossible_dates(result)
    if found:
        raise ProcessingError(f"the record holds a date no calendar has ({'; '.join(found)}); a component "
                              "wrote it, which is a bug: report it with the document", "E035")

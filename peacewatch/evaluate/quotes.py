"""``peacewatch eval quotes GOLD``: attribution scores on PolNeAR-format gold (shared/data/SOURCES.md).

Definitions (docs/quotes.md repeats them):

- An *attribution* is a set of content spans with a set of source spans. A gold record is one
  attribution (a broken or multi-paragraph quote has several content spans). Our quotes are grouped
  into attributions by (cue span, speaker span): the parts of '"A," he said, "B."' and the
  stand-alone paragraphs that inherit that cue form one attribution, as in the gold.
- *Overlap match*: attributions whose content spans share at least one character, paired one-to-one,
  largest shared character count first. Overlap precision/recall/F1 count these pairs.
- *Exact match*: a matched pair whose outer content ranges are equal once quotation marks,
  whitespace and edge punctuation are trimmed from both (the gold includes the marks, the contract
  excludes them). *Raw exact* compares the outer ranges as they are, offsets only: what a scorer
  that does not trim sees (``exact_raw_f1``). ``exact_marked_f1`` is raw exact with each of our
  content spans widened over the quotation marks right beside it and the punctuation just inside
  the closing mark: what raw offsets would give if spans were drawn with their marks, as PolNeAR's
  are (a diagnostic: the contract's ``content_span`` excludes the marks).
- *Folds*: each PolNeAR document falls in the ``tune`` or the ``test`` fold by the parity of the
  SHA-1 of its ``doc_id`` (``fold``); errors are read and rules tuned on ``tune`` only, and every
  score is repeated per fold (``tune_…``, ``test_…``).
- *Speaker accuracy*, over matched pairs: the predicted speaker span overlaps a gold source span,
  or both are absent.
- ``direct`` scores repeat all of this for gold ``direct == true`` against our direct quotes only,
  ``indirect`` ones for the rest against the rest (our mixed quotes are direct: one the gold marks
  indirect is a miss of the indirect scores).
- *Speaker-code accuracy* (``speaker_code_acc``), over matched pairs whose gold gives a
  ``speaker_code``: the code of our speaker entity equals it ("IGO:UN" and "IGO" are both "IGO";
  null agrees with null). Gold in the document-gold shape (``shared/data/docs``: quotes with
  ``content`` strings, ``speaker`` and ``speaker_code``) joined with its ``text`` is read too: each
  ``content`` is located as a substring of the text, and speaker accuracy is the code accuracy.
  That gold counts each part of a broken quote ('"A," he said, "B."') as a quote of its own, so
  ours are not grouped on its records.

``--baseline textacy`` runs ``textacy.extract.triples.direct_quotations`` on the same spaCy docs and
scores its triples the same way (speaker = its speaker tokens).
"""

from __future__ import annotations

import hashlib
import re
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import DependencyError, EvalError
from ..pipeline import Pipeline
from ..types import Document, Quote, Result
from .quotes_classes import count
from .quotes_speakers import by_class, speaker_class
from .scores import Scores, prf, read_gold_lines

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..config import Config

Range = tuple[int, int]
_TRIM = " \t\n\u00a0\"“”'‘’`«».,;:!?-—―"
_OPENING, _CLOSING = "\"“«", "\"”»"
BASELINES = ("textacy",)
FOLDS = ("tune", "test")


def fold(doc_id: str) -> str:
    """The fold of a gold document: ``tune`` when the SHA-1 of its id is even, else ``test``."""
    return FOLDS[int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16) % 2]


@dataclass(frozen=True)
class Attribution:
    """Content spans, source spans and directness of one attribution (gold or predicted)."""

    content: tuple[Range, ...]
    source: tuple[Range, ...]
    direct: bool
    why: str = ""
    code: str | None = None  # the speaker's code (gold: when given; ours: the speaker entity's)
    coded: bool = False  # gold only: whether ``code`` is given (null is a code too)
    cue: tuple[Range, ...] = ()  # the cue spans (gold) or our cue span


@dataclass
class GoldDoc:
    doc_id: str
    text: str
    gold: list[Attribution]
    pieces: bool = False  # document gold: each part of a broken quote is a quote of its own


@dataclass
class Tally:
    """Counts for one system on one subset (all attributions, or direct only)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    exact: int = 0
    exact_raw: int = 0
    exact_marked: int = 0
    speaker_ok: int = 0
    coded: int = 0
    code_ok: int = 0
    rules: dict[str, dict[str, float]] = field(default_factory=dict)
    wrong_speakers: dict[str, int] = field(default_factory=dict)  # by quotes_speakers.speaker_class

    def count_rule(self, why: str, matched: bool) -> None:
        """Tally one prediction under the rule that made it (the ``why`` up to its first ';')."""
        rule = re.sub(r"\s*\(.*\)|\s*at \d+", "", why.split(";")[0]).strip() or "-"
        row = self.rules.setdefault(rule, {"matched": 0, "false_alarms": 0})
        row["matched" if matched else "false_alarms"] += 1

    def scores(self, prefix: str) -> dict[str, float]:
        p, r, f = prf(self.tp, self.fp, self.fn)
        _, _, ef = prf(self.exact, self.tp + self.fp - self.exact, self.tp + self.fn - self.exact)
        raw = self.exact_raw
        _, _, rf = prf(raw, self.tp + self.fp - raw, self.tp + self.fn - raw)
        marked = self.exact_marked
        _, _, mf = prf(marked, self.tp + self.fp - marked, self.tp + self.fn - marked)
        acc = self.speaker_ok / self.tp if self.tp else 0.0
        out = {f"{prefix}overlap_p": p, f"{prefix}overlap_r": r, f"{prefix}overlap_f1": f,
               f"{prefix}exact_f1": ef, f"{prefix}exact_raw_f1": rf, f"{prefix}exact_marked_f1": mf,
               f"{prefix}speaker_acc": acc}
        if self.coded:
            out[f"{prefix}speaker_code_acc"] = self.code_ok / self.coded
        return out


def read_gold(path: Path, limit: int | None = None) -> list[GoldDoc]:
    """PolNeAR-format gold records, or document-gold records with their text (first ``limit``)."""
    rows = read_gold_lines(path, ("text", "quotes"), limit)
    return [_gold_doc(row, path, number) for number, row in enumerate(rows, 1)]


def _gold_doc(row: dict[str, Any], path: Path, number: int) -> GoldDoc:
    try:
        doc_id = str(row["doc_id"] if "doc_id" in row else row["id"])
        text = row["text"]
        gold = [_gold_attribution(q) if "content" not in q else _coded_attribution(q, text, path, number)
                for q in row["quotes"] if q.get("content_start") is not None or "content" in q]
        return GoldDoc(doc_id, text, gold, any("content" in q for q in row["quotes"]))
    except (KeyError, TypeError, ValueError) as e:
        raise EvalError(
            f"{path} record {number} is not a PolNeAR quote record ({type(e).__name__}: {e}); "
            "see shared/data/SOURCES.md for the format", "E050",
        ) from e


def _gold_attribution(q: dict[str, Any]) -> Attribution:
    content = tuple((int(s), int(e)) for s, e in q.get("content_spans") or [[q["content_start"],
                                                                               q["content_end"]]])
    source = tuple((int(s), int(e)) for s, e in q.get("source_spans") or [])
    cue = tuple((int(s), int(e)) for s, e in q.get("cue_spans") or [])
    return Attribution(content, source, bool(q.get("direct")), cue=cue)


def _coded_attribution(q: dict[str, Any], text: str, path: Path, number: int) -> Attribution:
    """A document-gold quote ({content, speaker, speaker_code, direct}) located in ``text``."""
    content = str(q["content"])
    start = text.find(content)
    if start < 0:
        raise EvalError(f"{path} record {number}: quote content {content[:60]!r} is not in the text", "E050")
    return Attribution(((start, start + len(content)),), (), bool(q.get("direct")),
                       code=norm_code(q.get("speaker_code")), coded=True)


def norm_code(code: Any) -> str | None:
    """Codes as the document gold compares them: upper case, "IGO:UN" → "IGO", empty → null."""
    if not code:
        return None
    return str(code).upper().split(":")[0]


def group_quotes(quotes: Iterable[Quote], codes: dict[str, str | None] | None = None,
                 pieces: bool = False) -> list[Attribution]:
    """Our quotes as attributions: parts sharing cue and speaker span are one attribution (with
    ``pieces``, as the document gold counts them, every quote is one)."""
    groups: dict[Any, list[Quote]] = {}
    for i, q in enumerate(quotes):
        key = (q.cue_span, q.speaker_span) if q.cue_span is not None and not pieces else i
        groups.setdefault(key, []).append(q)
    return [
        Attribution(
            tuple(q.content_span for q in parts),
            (parts[0].speaker_span,) if parts[0].speaker_span else (),
            any(q.direct for q in parts),
            parts[0].why or "",
            norm_code((codes or {}).get(parts[0].speaker or "")),
            cue=(parts[0].cue_span,) if parts[0].cue_span is not None else (),
        )
        for parts in groups.values()
    ]


def _shared(a: tuple[Range, ...], b: tuple[Range, ...]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def match(gold: list[Attribution], pred: list[Attribution]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, largest content overlap first."""
    candidates = [
        (_shared(g.content, p.content), gi, pi)
        for gi, g in enumerate(gold) for pi, p in enumerate(pred)
    ]
    pairs, used_g, used_p = [], set(), set()
    for _, gi, pi in sorted((c for c in candidates if c[0] > 0), reverse=True):
        if gi not in used_g and pi not in used_p:
            pairs.append((gi, pi))
            used_g.add(gi)
            used_p.add(pi)
    return pairs


def _raw(spans: tuple[Range, ...]) -> Range:
    return min(s for s, _ in spans), max(e for _, e in spans)


def _with_marks(text: str, spans: tuple[Range, ...]) -> tuple[Range, ...]:
    """Each span widened over an opening mark right before it and a closing mark right after it
    (or after one punctuation mark: '"We are ready,"')."""
    out = []
    for start, end in spans:
        if start > 0 and text[start - 1] in _OPENING:
            start -= 1
            if end < len(text) and text[end] in _CLOSING:
                end += 1
            elif end + 1 < len(text) and text[end] in ",.?!" and text[end + 1] in _CLOSING:
                end += 2
        out.append((start, end))
    return tuple(out)


def _outer(text: str, spans: tuple[Range, ...]) -> Range:
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _speaker_ok(g: Attribution, p: Attribution) -> bool:
    if not g.source:
        return not p.source
    return _shared(g.source, p.source) > 0


def score_doc(doc: GoldDoc, gold: list[Attribution], pred: list[Attribution], tally: Tally,
              errors: list[str] | None = None) -> None:
    """Add one document's matches to ``tally`` (and its misses/false alarms to ``errors``)."""
    pairs = match(gold, pred)
    tally.tp += len(pairs)
    tally.fp += len(pred) - len(pairs)
    tally.fn += len(gold) - len(pairs)
    for gi, pi in pairs:
        tally.exact += _outer(doc.text, gold[gi].content) == _outer(doc.text, pred[pi].content)
        tally.exact_raw += _raw(gold[gi].content) == _raw(pred[pi].content)
        tally.exact_marked += _raw(gold[gi].content) == _raw(_with_marks(doc.text, pred[pi].content))
        ok = _speaker_ok(gold[gi], pred[pi])
        if gold[gi].coded:
            ok = gold[gi].code == pred[pi].code
            tally.coded += 1
            tally.code_ok += ok
        tally.speaker_ok += ok
        if not ok and not gold[gi].coded:
            why = speaker_class(doc.text, gold[gi].content, gold[gi].source, pred[pi].source)
            tally.wrong_speakers[why] = tally.wrong_speakers.get(why, 0) + 1
        if errors is not None and not ok:
            who = (gold[gi].code, pred[pi].code) if gold[gi].coded else (
                _show(doc.text, gold[gi].source), _show(doc.text, pred[pi].source))
            errors.append(f"{doc.doc_id} speaker: gold {who[0]} vs {who[1]} for {_show(doc.text, gold[gi].content)}")
    matched_g, matched_p = {g for g, _ in pairs}, {p for _, p in pairs}
    for i, p in enumerate(pred):
        tally.count_rule(p.why, i in matched_p)
    if errors is None:
        return
    errors.extend(f"{doc.doc_id} miss: {_show(doc.text, g.content)} (source {_show(doc.text, g.source)})"
                  for i, g in enumerate(gold) if i not in matched_g)
    errors.extend(f"{doc.doc_id} false alarm: {_show(doc.text, p.content)} [{p.why}]"
                  for i, p in enumerate(pred) if i not in matched_p)


def _show(text: str, spans: tuple[Range, ...]) -> str:
    if not spans:
        return "-"
    shown = " … ".join(text[s:e] for s, e in spans)
    shown = shown if len(shown) <= 90 else shown[:87] + "..."
    return repr(shown.replace("\n", " "))


def _textacy_quotes(sdoc: Doc) -> list[Attribution]:
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError as e:
        raise DependencyError("textacy", "baselines", "the textacy quote baseline") from e
    try:
        triples = list(direct_quotations(sdoc))
    except ValueError:  # textacy bails out on an odd number of quotation marks
        return []
    out = []
    for t in triples:
        source = (t.speaker[0].idx, t.speaker[-1].idx + len(t.speaker[-1])) if t.speaker else None
        out.append(Attribution(((t.content.start_char, t.content.end_char),),
                               (source,) if source else (), True, "textacy"))
    return out


def _precision(rules: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    for row in rules.values():
        total = row["matched"] + row["false_alarms"]
        row["precision"] = row["matched"] / total if total else 0.0
    return rules


def _with_quotes(config: Config) -> Config:
    """The configured pipeline up to ``quotes`` (later components cannot change quotes), or with
    ``quotes`` appended when it is not configured."""
    names = list(config.pipeline)
    if "quotes" in names:
        return config.with_overrides(pipeline=names[:names.index("quotes") + 1])
    return config.with_overrides(pipeline=[*names, "quotes"])


def _run(docs: list[GoldDoc], pipe: Pipeline) -> Iterator[tuple[GoldDoc, Doc, Result, float]]:
    texts = (d.text for d in docs)
    for gold, sdoc in zip(docs, pipe.nlp.pipe(texts, batch_size=pipe.config.batch_size), strict=True):
        start = time.perf_counter()
        result = pipe.run_components(Document(id=gold.doc_id, text=gold.text), sdoc)
        yield gold, sdoc, result, time.perf_counter() - start


def _tallies() -> dict[str, Tally]:
    """One tally per score prefix: all documents, then each fold; all attributions, then direct, then
    indirect."""
    return {f"{part}{kind}": Tally() for part in ("", *(f"{name}_" for name in FOLDS))
            for kind in ("", "direct_", "indirect_")}


def _score_folds(gold: GoldDoc, pred: list[Attribution], tallies: dict[str, Tally],
                 errors: list[str] | None = None) -> None:
    """Score one document into the whole-file tallies and its fold's; errors tagged with the fold."""
    part = fold(gold.doc_id)
    direct_gold, direct_pred = [g for g in gold.gold if g.direct], [p for p in pred if p.direct]
    other_gold, other_pred = [g for g in gold.gold if not g.direct], [p for p in pred if not p.direct]
    found: list[str] = []
    score_doc(gold, gold.gold, pred, tallies[""], found)
    for prefix in ("", f"{part}_"):
        if prefix:
            score_doc(gold, gold.gold, pred, tallies[prefix])
        score_doc(gold, direct_gold, direct_pred, tallies[f"{prefix}direct_"])
        score_doc(gold, other_gold, other_pred, tallies[f"{prefix}indirect_"])
    if errors is not None:
        errors.extend(f"[{part}] {line}" for line in found)


def error_classes(gold: GoldDoc, sdoc: Doc, pred: list[Attribution]) -> Counter[str]:
    """Misses, false quotes and edges of one document by class (``quotes_classes``)."""
    pairs = match(gold.gold, pred)
    trimmed = {(gi, pi): (_outer(gold.text, gold.gold[gi].content), _outer(gold.text, pred[pi].content))
               for gi, pi in pairs}
    return count(sdoc, trimmed, gold.gold, pred, pairs)


def _scores(tallies: dict[str, Tally]) -> dict[str, float]:
    return {k: v for prefix, tally in tallies.items() for k, v in tally.scores(prefix).items()}


def evaluate(gold_path: Path, config: Config, *, limit: int | None = None,
             baseline: str | None = None) -> Scores:
    """Score the quotes component (and optionally a baseline) on a PolNeAR-format gold file."""
    if baseline is not None and baseline not in BASELINES:
        raise EvalError(f"unknown quotes baseline {baseline!r}; known: {', '.join(BASELINES)}", "E051")
    docs = read_gold(gold_path, limit)
    pipe = Pipeline.build(_with_quotes(config))
    ours, base = _tallies(), _tallies()
    errors: list[str] = []
    seconds = {"spacy+components": 0.0, "components": 0.0, "baseline": 0.0}
    failed, quotes, resolved = 0, 0, 0
    classes: dict[str, Counter[str]] = {"all": Counter(), **{name: Counter() for name in FOLDS}}
    started = time.perf_counter()
    for gold, sdoc, result, spent in _run(docs, pipe):
        seconds["components"] += spent
        if result.error is not None:
            failed += 1
            errors.append(f"{gold.doc_id} failed: {result.error.code} {result.error.message}")
        quotes += len(result.quotes)
        resolved += sum(q.speaker is not None for q in result.quotes)
        pred = group_quotes(result.quotes, {e.id: e.code for e in result.entities}, gold.pieces)
        _score_folds(gold, pred, ours, errors)
        found = error_classes(gold, sdoc, pred)
        classes["all"].update(found)
        classes[fold(gold.doc_id)].update(found)
        if baseline == "textacy":
            base_started = time.perf_counter()
            extra = _textacy_quotes(sdoc)
            seconds["baseline"] += time.perf_counter() - base_started
            _score_folds(gold, extra, base)
    seconds["spacy+components"] = time.perf_counter() - started - seconds["baseline"]
    scored = Scores(
        task="quotes", gold=str(gold_path),
        scores=_scores(ours),
        counts={"documents": len(docs), "failed": failed, "quotes": quotes, "quotes_with_speaker": resolved,
                "gold": ours[""].tp + ours[""].fn, "predicted": ours[""].tp + ours[""].fp,
                "gold_direct": ours["direct_"].tp + ours["direct_"].fn,
                **{f"{name}_documents": sum(fold(d.doc_id) == name for d in docs) for name in FOLDS}},
        breakdown={"seconds": {"time": seconds}, "predictions by rule": _precision(ours[""].rules),
                   "wrong speakers by class": {part.rstrip("_") or "all": by_class(ours[part].wrong_speakers)
                                               for part in ("", "tune_", "test_")},
                   "errors by class": {name: {part: c[name] for part, c in classes.items()}
                                       for name in sorted(classes["all"])}},
        errors=errors,
    )
    if baseline is not None:
        scored.baselines[baseline] = _scores(base)
    return scored

"""``peacewatch eval ner GOLD``: named-mention P/R/F1 of ``actors`` beside the spaCy-alone baseline.

Gold formats (chosen by content, not by file name):

- JSON Lines as in ``shared/data/timex/meantime_en.jsonl``: one document per line with ``text`` and
  ``entities: [{start, end, type, syntactic_type, …}]``. Only *named* gold mentions are scored
  (``syntactic_type`` ``NAM`` or ``PRE.NAM``, or any when the field is absent) of types ``PER``,
  ``ORG``, ``LOC``. Where one named gold mention contains another of the same type ("Airbus parent
  EADS" ⊃ "EADS"), only the inner one is kept.
- CoNLL-2003 style: one token per line, the NER tag (IOB1 or IOB2, types ``PER ORG LOC MISC``) in the
  last column, blank lines between sentences, ``-DOCSTART-`` lines between documents. Tokens are
  joined by single spaces to form the text. ``MISC`` is scored too.

Predicted mentions are mapped to those types: ``PERSON`` → PER, ``ORG`` → ORG, ``GPE``/``LOC``/``FAC``
→ LOC, ``NORP``/``EVENT``/``LAW``/``PRODUCT``/``WORK_OF_ART``/``LANGUAGE`` → MISC (scored only on gold
that marks MISC: MEANTIME does not); other labels (``PRON`` …) and mentions whose first (after a
leading "the") or last word is not capitalized (``the minister``, ``US government``: a common noun
heads them) are not names and are left out, and so are group nouns (``why`` "group noun …"), which
an all-caps headline capitalizes ("KURDISH REBEL BASES").
A prediction matches a gold mention of the same type when their character spans overlap
(*relaxed*; one-to-one, largest overlap first) or are equal (*strict*); ``name_strict_f1`` counts a
relaxed match exact when the prediction equals the gold span without a leading "the" and a
trailing possessive, as CoNLL draws names (MEANTIME's spans hold the article: "the United States").
Headline: relaxed F1 overall (``f1``) for the ``actors`` component; ``baselines["spacy"]`` holds the
same scores for the ``mentions`` component (spaCy's NER alone), from the same parsed documents, and
``breakdown["by_type_spacy"]`` its per-type scores beside ours in ``breakdown["by_type"]``. Every
score is also given for two fixed halves of the documents (``tune_…``, ``untouched_…``: by the SHA-1
of the document id), so that what is tuned on one half is reported on the other (``docs/ner.md``).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import EvalError
from ..pipeline import Pipeline, load_spacy
from ..types import Document, Mention
from .scores import Scores, prf, read_gold_lines

if TYPE_CHECKING:
    from spacy.language import Language

    from ..config import Config

TYPES = ("PER", "ORG", "LOC")
CONLL_TYPES = (*TYPES, "MISC")
LABEL_TYPE = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC",
              "EVENT": "MISC", "LAW": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LANGUAGE": "MISC"}
PARTS = ("tune", "untouched")
ARTICLES = ("the ", "The ")
POSSESSIVES = ("'s", "\u2019s", " 's", " \u2019s")
NAMED = frozenset({"NAM", "PRE.NAM"})
BASELINES = ("spacy", "none")
# How the ``why`` of a mention begins when the actors component read it as a common noun ("the rebels",
# "REBELS" in an all-caps headline): a designation, never a name, however it is cased.
COMMON_NOUNS = ("group noun ",)


@dataclass(frozen=True)
class Named:
    start: int
    end: int
    type: str
    text: str

    @property
    def name_span(self) -> tuple[int, int]:
        """The span without a leading article and a trailing possessive, as CoNLL draws a name."""
        start, end, text = self.start, self.end, self.text
        if text.startswith(ARTICLES) and len(text) > 4:
            start, text = start + 4, text[4:]
        for tail in POSSESSIVES:
            if text.endswith(tail) and len(text) > len(tail):
                end, text = end - len(tail), text[:-len(tail)]
                break
        return start, end


@dataclass
class GoldDoc:
    doc_id: str
    text: str
    gold: list[Named]
    types: tuple[str, ...] = TYPES  # the types the gold marks: CoNLL's MISC too

    @property
    def part(self) -> str:
        """``tune`` or ``untouched``, by the SHA-1 of the document id (half and half, fixed)."""
        return PARTS[int(hashlib.sha1(self.doc_id.encode("utf-8")).hexdigest(), 16) % 2]


@dataclass
class Tally:
    tp: Counter[str]
    fp: Counter[str]
    fn: Counter[str]
    strict: Counter[str]
    named: Counter[str]  # exact matches of the gold name's span (no article, no possessive)


def evaluate(gold_path: Path, config: Config, *, limit: int | None = None, baseline: str | None = None,
             nlp: Language | None = None) -> Scores:
    """Score ``actors`` (and, unless ``baseline="none"``, spaCy alone) on a gold file."""
    if baseline not in (None, *BASELINES):
        raise EvalError(f"unknown baseline {baseline!r} for ner; use one of {', '.join(BASELINES)}", "E051")
    docs = read_gold(gold_path, limit)
    nlp = nlp if nlp is not None else load_spacy(config.model)
    ours = Pipeline.build(replace(config, pipeline=("actors",)), nlp=nlp)
    base = Pipeline.build(replace(config, pipeline=("mentions",)), nlp=nlp)
    tallies = {(name, part): _tally() for name in ("actors", "spacy") for part in ("all", *PARTS)}
    errors: list[str] = []
    for gdoc, sdoc in zip(docs, nlp.pipe(g.text for g in docs), strict=True):
        document = Document(id=gdoc.doc_id, text=gdoc.text)
        for name, pipe in (("spacy", base), ("actors", ours)):  # spaCy's names first: ours may re-read some
            predicted = [p for p in named_predictions(pipe.run_components(document, sdoc).mentions)
                         if p.type in gdoc.types]
            _score(gdoc, predicted, tallies[(name, "all")], errors if name == "actors" else None)
            _score(gdoc, predicted, tallies[(name, gdoc.part)], None)
    scored = _scored(gold_path, tallies[("actors", "all")], errors, len(docs))
    for part in PARTS:
        scored.scores.update({f"{part}_{k}": v for k, v in _scores(tallies[("actors", part)]).items()})
    if baseline != "none":
        scored.baselines["spacy"] = _scores(tallies[("spacy", "all")])
        for part in PARTS:
            scored.baselines["spacy"].update({f"{part}_{k}": v for k, v in _scores(tallies[("spacy", part)]).items()})
        scored.breakdown["by_type_spacy"] = _by_type(tallies[("spacy", "all")])
    return scored


def _tally() -> Tally:
    return Tally(Counter(), Counter(), Counter(), Counter(), Counter())


def named_predictions(mentions: list[Mention]) -> list[Named]:
    """Mentions that are names of a scored type."""
    out = []
    for m in mentions:
        kind = LABEL_TYPE.get(m.label)
        words = m.text.split()
        if words and words[0].lower() == "the" and len(words) > 1:
            words = words[1:]  # "the Air Force" is a name
        common = (m.why or "").startswith(COMMON_NOUNS)  # "REBEL" in a caps headline: a noun, not a name
        if kind is not None and words and words[0][:1].isupper() and words[-1][:1].isupper() and not common:
            out.append(Named(m.start, m.end, kind, m.text))
    return out


def _score(gdoc: GoldDoc, predicted: list[Named], tally: Tally, errors: list[str] | None) -> None:
    pairs = []
    for gi, g in enumerate(gdoc.gold):
        for pi, p in enumerate(predicted):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0 and g.type == p.type:
                pairs.append((overlap, gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, gi, pi in sorted(pairs, reverse=True):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            g, p = gdoc.gold[gi], predicted[pi]
            tally.tp[g.type] += 1
            tally.strict[g.type] += (g.start, g.end) == (p.start, p.end)
            tally.named[g.type] += g.name_span == (p.start, p.end)
    for gi, g in enumerate(gdoc.gold):
        if gi not in used_g:
            tally.fn[g.type] += 1
            if errors is not None:
                errors.append(f"MISS {gdoc.doc_id} {g.type} {g.text!r} [{g.start}:{g.end}]")
    for pi, p in enumerate(predicted):
        if pi not in used_p:
            tally.fp[p.type] += 1
            if errors is not None:
                errors.append(f"FALSE {gdoc.doc_id} {p.type} {p.text!r} [{p.start}:{p.end}]")


def _scores(t: Tally) -> dict[str, float]:
    tp, fp, fn, strict, named = (sum(c.values()) for c in (t.tp, t.fp, t.fn, t.strict, t.named))
    p, r, f = prf(tp, fp, fn)
    _, _, sf = prf(strict, tp + fp - strict, tp + fn - strict)
    _, _, nf = prf(named, tp + fp - named, tp + fn - named)
    return {"precision": p, "recall": r, "f1": f, "strict_f1": sf, "name_strict_f1": nf}


def _by_type(t: Tally) -> dict[str, dict[str, float]]:
    rows = {}
    for kind in CONLL_TYPES if t.tp["MISC"] + t.fn["MISC"] + t.fp["MISC"] else TYPES:
        p, r, f = prf(t.tp[kind], t.fp[kind], t.fn[kind])
        rows[kind] = {"precision": p, "recall": r, "f1": f, "gold": float(t.tp[kind] + t.fn[kind])}
    return rows


def _scored(gold: Path, t: Tally, errors: list[str], n: int) -> Scores:
    counts = {"documents": n, "gold": sum(t.tp.values()) + sum(t.fn.values()),
              "predicted": sum(t.tp.values()) + sum(t.fp.values())}
    return Scores("ner", str(gold), _scores(t), {"by_type": _by_type(t)}, {}, counts, errors)


def read_gold(path: Path, limit: int | None = None) -> list[GoldDoc]:
    """Gold documents from a MEANTIME-style JSON Lines file or a CoNLL-style file."""
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise EvalError(f"gold file {path} cannot be read: {e}", "E050") from e
    docs = _read_jsonl(path) if text.lstrip().startswith("{") else _read_conll(text, path)
    return docs[:limit] if limit is not None else docs


def _read_jsonl(path: Path) -> list[GoldDoc]:
    return [
        GoldDoc(str(r.get("doc_id") or r.get("id") or f"record:{n}"), r["text"],
                _named_gold(r["text"], r["entities"]))
        for n, r in enumerate(read_gold_lines(path, ("text", "entities")), 1)
    ]


def _named_gold(text: str, entities: list[dict[str, Any]]) -> list[Named]:
    named = {
        Named(e["start"], e["end"], e["type"], text[e["start"]:e["end"]])
        for e in entities
        if e.get("type") in TYPES and e.get("syntactic_type", "NAM") in NAMED
    }
    inner = [g for g in named if not any(
        o != g and o.type == g.type and g.start <= o.start and o.end <= g.end for o in named
    )]
    return sorted(inner, key=lambda g: (g.start, g.end))


def _read_conll(text: str, path: Path) -> list[GoldDoc]:
    docs: list[GoldDoc] = []
    tokens: list[str] = []
    tags: list[str] = []
    for n, line in enumerate(text.splitlines() + ["-DOCSTART-"], 1):
        cols = line.split()
        if cols and cols[0] == "-DOCSTART-":
            if tokens:
                docs.append(_conll_doc(f"doc{len(docs) + 1}", tokens, tags))
            tokens, tags = [], []
        elif cols:
            if len(cols) < 2:
                raise EvalError(f"gold file {path} line {n}: a CoNLL line needs a token and a tag", "E050")
            tokens.append(cols[0])
            tags.append(cols[-1])
        elif tokens:
            tokens.append("\n")
            tags.append("O")
    return docs


def _conll_doc(doc_id: str, tokens: list[str], tags: list[str]) -> GoldDoc:
    text, gold, offset = "", [], 0
    open_: list[Any] = []  # [start, end, type] of the name being read
    for token, tag in zip(tokens, tags, strict=True):
        start = offset + (1 if text and token != "\n" and not text.endswith("\n") else 0)
        text += ("" if start == offset else " ") + token
        offset = len(text)
        prefix, _, kind = tag.partition("-")
        if open_ and (prefix in ("O", "B") or kind != open_[2] or token == "\n"):
            gold.append(open_)
            open_ = []
        if kind and prefix in ("B", "I") and token != "\n":
            if open_:
                open_[1] = offset
            else:
                open_ = [start, offset, kind]
    if open_:
        gold.append(open_)
    return GoldDoc(doc_id, text, [Named(s, e, k, text[s:e]) for s, e, k in gold if k in CONLL_TYPES], CONLL_TYPES)

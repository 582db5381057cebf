"""The learned half of the event coder: a linear classifier over what the parse already gives.

For each sentence the rules have parsed, the classifier reads one *anchor* (the trigger of the
sentence's main rule event, else the main verb), its dependents, the words of the sentence and the
types the rules found, and scores the sentence's main PLOVER type (CONCEDE and RETREAT are one
class, ``YIELD``, as in its training data; ``NONE`` is "no event"). It costs a few dictionary look-ups
per sentence. ``combine`` decides what to do with the score beside the rules:

- the rules found the main event and the model agrees, or is not sure: the rules stand;
- the model is sure of another type for a plain trigger (no wrapper, no nested action): it retypes
  that event (the rules still read status, negation and arguments);
- the rules found nothing and the model is sure of a type: a new event on the anchor.

The weights and thresholds live in ``peacewatch/data/models/events_type.json``, trained by
``scripts/train_events.py`` (``make model``); its card, beside it, says from which data.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import numpy as np

from ...errors import ConfigError
from .matching import coarse_pos
from .stopping import PAUSES
from .tables import TriggerRule, trigger_rules, words
from .triggers import Found, is_background
from .vectors import PieceVectors, load_vectors
from .wrappers import wrapper_chain

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

MODEL_FILE = "events_type.json"
YIELD_TYPES = ("CONCEDE", "RETREAT")
NONE = "NONE"
BAG_POS = ("NOUN", "VERB", "ADJ")
FRAME_DEPS = ("aux", "auxpass", "neg", "advmod", "nsubj", "nsubjpass", "dobj", "amod", "compound", "npadvmod")
ANCHOR_DEPS = ("dobj", "nsubjpass", "attr", "prt", "xcomp", "ccomp", "acomp", "neg", "dative")


@dataclass(frozen=True)
class ModelRule(TriggerRule):
    """A trigger rule made by the model: its ``why`` names the model's decision."""

    note: str = ""

    @property
    def why(self) -> str:
        return self.note


@dataclass(frozen=True)
class Verdict:
    """The model's reading of a sentence: best label and runner-up with their probabilities."""

    label: str
    score: float
    runner_up: str
    runner_score: float

    def describe(self) -> str:
        return f"model: {self.label} {self.score:.2f}, runner-up {self.runner_up} {self.runner_score:.2f}"


@dataclass(frozen=True)
class Thresholds:
    """When the model's word counts: adding an event where the rules found none, retyping a
    plain rule trigger, and how unsure of the rule's own type it must be to retype."""

    add: float
    retype: float
    keep: float


@dataclass(frozen=True)
class Reading:
    """What the model reads of a sentence: sparse binary features and a dense vector (see ``dense``)."""

    sparse: list[str]
    dense: np.ndarray | None = None


class TypeModel:
    """A multinomial logistic regression over sparse binary features (weights by feature) and, when
    the model has them, the dense word-vector reading (one weight row per dimension)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.classes: list[str] = list(data["classes"])
        self.bias: list[float] = list(data["bias"])
        self.weights: dict[str, list[float]] = data["weights"]
        self.thresholds = Thresholds(**data["thresholds"])
        self.meta: dict[str, Any] = data.get("meta", {})
        self.vectors: PieceVectors | None = None  # the word vectors its dense weights read (``load_model``)
        dense = data.get("dense")
        self.dense = None if dense is None else np.asarray(dense, dtype=np.float32)
        if self.dense is not None and self.dense.shape[1:] != (len(self.classes),):
            raise ValueError(f"dense weights of shape {self.dense.shape} for {len(self.classes)} classes")

    def probabilities(self, reading: Reading | list[str]) -> dict[str, float]:
        if isinstance(reading, list):
            reading = Reading(reading)
        scores = list(self.bias)
        for name in set(reading.sparse):
            row = self.weights.get(name)
            if row is not None:
                scores = [s + w for s, w in zip(scores, row, strict=True)]
        if self.dense is not None:
            if reading.dense is None or reading.dense.shape != (self.dense.shape[0],):
                raise ValueError(f"the model reads {self.dense.shape[0]} dense dimensions")
            scores = [s + float(d) for s, d in zip(scores, reading.dense @ self.dense, strict=True)]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}

    def verdict(self, reading: Reading | list[str]) -> tuple[Verdict, dict[str, float]]:
        probs = self.probabilities(reading)
        ranked = sorted(probs.items(), key=lambda kv: (-kv[1], kv[0]))
        (label, score), (second, second_score) = ranked[0], ranked[1]
        return Verdict(label, score, second, second_score), probs


@lru_cache(maxsize=1)
def load_model() -> TypeModel:
    """The shipped type model (``peacewatch/data/models/events_type.json``)."""
    try:
        text = resources.files("peacewatch").joinpath("data", "models", MODEL_FILE).read_text("utf-8")
        model = TypeModel(json.loads(text))
        model.vectors = None if model.dense is None else load_vectors()
        return model
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise ConfigError(f"the event type model {MODEL_FILE} is missing or invalid ({e}); "
                          "reinstall peacewatch or rebuild it with 'make model'", "E027") from e


def model_class(event_type: str) -> str:
    """The model's class for a PLOVER type (CONCEDE and RETREAT are one class)."""
    return "YIELD" if event_type in YIELD_TYPES else event_type


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def main_event(found: list[Found]) -> Found | None:
    """The sentence's main event: the one whose outermost word is nearest the root."""
    if not found:
        return None
    return min(found, key=lambda f: (f.background, _depth(f.top), f.token.i))


def anchor_verb(sent: Span) -> Token | None:
    """The main verb of a sentence without rule events; under a reporting verb ("X said Y did Z"),
    the reported verb."""
    root = sent.root
    for child in root.children:
        if root.lemma_.lower() in words("report") and child.dep_ == "ccomp" and coarse_pos(child) == "VERB":
            return child
    return root if coarse_pos(root) == "VERB" else None


def features(sent: Span, found: list[Found], anchor: Token | None) -> list[str]:
    """The sparse features of a sentence: anchor frame, rule types, content words."""
    out = [f"rule:{f.rule.type}" for f in found] + [f"inner:{a.rule.type}" for f in found for a in f.actions()]
    main = main_event(found)
    out.append(f"main:{main.rule.type}" if main else "main:none")
    out += [f"wrap:{w.lemma_.lower()}" for w in (main.wrappers if main else [])]
    if anchor is not None:
        out += _anchor_features(anchor) + _frame_features(anchor)
    out += [f"w:{t.lemma_.lower()}" for t in sent
            if t.pos_ in BAG_POS and t.is_alpha and not t.is_stop and len(t.text) > 2]
    return out + _candidate_features(sent) + _bigram_features(sent)


def _anchor_features(anchor: Token) -> list[str]:
    lemma = anchor.lemma_.lower()
    out = [f"lem:{lemma}", f"pos:{coarse_pos(anchor)}"]
    if anchor.head.i != anchor.i:
        out.append(f"head:{anchor.head.lemma_.lower()}")
    for child in anchor.children:
        if child.dep_ in ANCHOR_DEPS:
            out += [f"{child.dep_}:{child.lemma_.lower()}", f"lem+{child.dep_}:{lemma}+{child.lemma_.lower()}"]
        elif child.dep_ in ("prep", "agent"):
            out.append(f"prep:{child.lower_}")
            out += [f"prep:{child.lower_}:{g.lemma_.lower()}" for g in child.children if g.dep_ == "pobj"]
    return out


def _frame_features(anchor: Token) -> list[str]:
    """What surrounds the anchor: its own relation, its auxiliaries, negation and adverbs, the entity
    kinds of its subject and object, and the words that qualify its object ("release of prisoners")."""
    out = [f"hdep:{anchor.dep_}"]
    for child in anchor.children:
        dep, lemma = child.dep_, child.lemma_.lower()
        if dep in FRAME_DEPS:
            out.append(f"c:{dep}:{lemma}")
        if dep in ("nsubj", "nsubjpass", "dobj", "pobj") and child.ent_type_:
            out.append(f"ent:{dep}:{child.ent_type_}")
        if dep in ("dobj", "nsubjpass", "attr"):
            out += _object_features(child)
    return out


def _object_features(obj: Token) -> list[str]:
    out = []
    for g in obj.children:
        if g.dep_ in ("compound", "amod", "prep", "nmod"):
            out.append(f"objmod:{g.lemma_.lower()}")
        if g.dep_ == "prep":
            out += [f"objprep:{g.lower_}:{h.lemma_.lower()}" for h in g.children if h.dep_ == "pobj"]
    return out


def _candidate_features(sent: Span) -> list[str]:
    """The types the trigger table knows for the sentence's words, whatever their frame (the rules'
    vocabulary, where the frame did not fit). Not the pause nouns ("end", "pause"): without what they stop
    they are times and ends of anything, and the model was trained before their rows."""
    rules = trigger_rules()
    out = []
    for token in sent:
        pos = coarse_pos(token)
        if pos == "NOUN" and token.lemma_.lower() in PAUSES:
            continue
        types = [r.type for r in rules.get(token.lemma_.lower(), []) if r.pos == pos]
        if types:
            out.append(f"cand:{types[0]}")
    return out


def _bigram_features(sent: Span) -> list[str]:
    lemmas = [t.lemma_.lower() for t in sent if t.is_alpha and not t.is_stop]
    return [f"bg:{a}_{b}" for a, b in zip(lemmas, lemmas[1:], strict=False)]


def dense_reading(sent: Span, anchor: Token | None, table: PieceVectors) -> np.ndarray:
    """The word-vector part of the reading: the unit mean vector of the sentence's content words, of
    the anchor, and of the anchor's dependents (zeros where there is none), one after the other."""
    content = [t.text for t in sent if t.is_alpha and not t.is_stop]
    if anchor is None:
        near: list[str] = []
        own = np.zeros(table.dim, dtype=np.float32)
    else:
        near = [t.text for t in anchor.children if t.is_alpha]
        own = table.mean([anchor.text])
    return np.concatenate([table.mean(content), own, table.mean(near)])


def sentence_reading(sent: Span, found: list[Found], table: PieceVectors | None = None) -> tuple[Token | None, Reading]:
    """The anchor and what the model reads for a sentence (training and run time alike); the dense
    reading only with a word-vector ``table`` (a model trained with vectors has one: ``TypeModel.vectors``)."""
    main = main_event(found)
    anchor = main.token if main else anchor_verb(sent)
    dense = None if table is None else dense_reading(sent, anchor, table)
    return anchor, Reading(features(sent, found, anchor), dense)


def yield_type(token: Token) -> tuple[str, str | None]:
    """CONCEDE or RETREAT for a YIELD label: RETREAT (with its mode) when the trigger table knows
    the word as a retreat ("withdraw", "release"), else CONCEDE."""
    for rule in trigger_rules().get(token.lemma_.lower(), []):
        if rule.type == "RETREAT":
            return "RETREAT", rule.mode
    return "CONCEDE", None


def unknown_retreat(token: Token, label: str) -> bool:
    """A YIELD read on a word the trigger table knows as no retreat ("announced the return of"): what is
    conceded is not in the sentence's words, so the model adds no CONCEDE there (the coding guide's CONCEDE is
    an announced or agreed retreat, an admission or a pardon: each has its word)."""
    return (label == "YIELD" and yield_type(token)[0] == "CONCEDE"
            and (token.pos_ == "AUX" or token.lemma_.lower() in words("report")))


def retypable(found: Found) -> bool:
    """Whether the model may retype a rule event: a bare trigger (no wrapper, no nested action)
    whose type no status rule changed ("will withdraw" is CONCEDE by PLOVER's rule for announced
    withdrawals, whatever the model thinks of the words)."""
    from .status import read

    return not found.wrappers and not found.inners and read(found).type == found.rule.type


def model_found(token: Token, label: str, verdict: Verdict, action: str, weak: bool) -> Found:
    """A ``Found`` for an event the model types (``action``: 'added …' or 'retyped from …'). An
    added event is weak: the component keeps it only with an actor, as it does weak triggers."""
    etype, mode = yield_type(token) if label == "YIELD" else (label, None)
    note = f"{verdict.describe()}; {action}"
    rule = ModelRule(0, token.lemma_.lower(), coarse_pos(token), (), etype, mode, weak, note)
    return Found(token, rule, wrappers=wrapper_chain(token), background=is_background(token))


def other_types(found: list[Found], main: Found | None) -> frozenset[str]:
    """The model classes of the sentence's rule events besides the main one (as the rules read them)."""
    from .status import read

    return frozenset(model_class(read(f).type) for f in found if main is None or f.token.i != main.token.i)


def decide(verdict: Verdict, probs: dict[str, float], main_type: str | None, plain: bool,
           limits: Thresholds, others: frozenset[str] = frozenset()) -> str | None:
    """What the model changes in a sentence: 'add', 'retype' or None (the rules stand).

    ``main_type`` is the rules' type of the main event (None: the rules found nothing); ``plain``
    whether that event is a bare trigger (no wrapper, no nested action) the model may retype;
    ``others`` the types of the sentence's other rule events: a label among them is what the model
    read there ("with Türkiye lending its support, Azerbaijan liberated …"), no reason to retype.
    """
    if verdict.label == NONE:
        return None
    if main_type is None:
        return "add" if verdict.score >= limits.add else None
    if not plain or model_class(main_type) == verdict.label or verdict.label in others:
        return None
    if verdict.score >= limits.retype and probs.get(model_class(main_type), 0.0) < limits.keep:
        return "retype"
    return None

"""The two sides of a text: who "the pair", "both parties", "the two sides" stand for.

The pair is the two parties most recently named as such before the collective noun: the two sides of
"talks between X and Y", of "X and Y agreed …" (a coordinated subject of a party verb), or the
subject and object of a hostile verb ("X accused Y"). Third parties never make up a pair: an actor named
as mediator, host, broker, facilitator or chair ("mediated by X", "X hosted the talks", "X's
mediation", "the facilitation of X", "Fidan, who chairs the talks"). With no such cue, the pair is the
two states most mentioned so far, third parties left out. Cue words are in ``data/actors/dyads.tsv``.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from .tables import dyad_cues
from .work import Work

if TYPE_CHECKING:
    from spacy.tokens import Token

# Children of a third-party word whose subtree names the third party.
_PLACE_PREPS = frozenset({"in", "at"})
_THIRD_DEPS = frozenset({"nsubj", "poss", "compound", "amod", "npadvmod", "nmod", "appos"})


def token_keys(w: Work) -> dict[int, str]:
    """Token index → the actor entity key of the mention covering it (places and pairs left out)."""
    out: dict[int, str] = {}
    for m in w.mentions:
        key = m.entity
        if key is None or key.startswith(("place:", "pair:")):
            continue
        span = w.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        if key.startswith("person:"):
            code = w.entities[key].code
            if not code or f"state:{code}" not in w.entities:
                continue
            key = f"state:{code}"
        for t in span:
            out.setdefault(t.i, key)
    return out


def _first_key(tokens: list[Token], keys: dict[int, str]) -> str | None:
    return next((keys[t.i] for t in sorted(tokens, key=lambda t: t.i) if t.i in keys), None)


def _own(t: Token) -> list[Token]:
    """The subtree of ``t`` without its conjuncts (``X`` of "X and Y")."""
    cut = {d.i for c in t.children if c.dep_ in ("conj", "cc") for d in c.subtree}
    return [d for d in t.subtree if d.i not in cut]


def _coordinated(t: Token) -> list[tuple[Token, Token]]:
    """``(X, Y)`` of "X and Y" at ``t`` or nested in it ("representatives of X and Y", "X and Y
    rebels"), nearest first."""
    out: list[tuple[Token, Token]] = []
    todo = [t]
    while todo:
        d = todo.pop(0)
        out += [(d, c) for c in d.children if c.dep_ == "conj"]
        todo += [c for c in d.children if c.dep_ not in ("conj", "cc", "relcl", "acl", "punct")]
    return out


def _locative(w: Work, start: int) -> bool:
    """Whether the mention at character ``start`` names a place something is in ("talks in Doha")."""
    span = w.doc.char_span(start, start + 1, alignment_mode="expand")
    t = span.root if span is not None else None
    while t is not None and t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        if t.dep_ == "pobj" and t.head.lower_ in _PLACE_PREPS:
            return True
        t = t.head
    return False


def third_parties(w: Work, keys: dict[int, str]) -> set[str]:
    """Keys of actors named as mediator, host, broker, facilitator … anywhere in the document."""
    words = dyad_cues().get("third", frozenset())
    out: set[str] = set()
    for t in w.doc:
        if t.lemma_.lower() not in words and t.lower_ not in words:
            continue
        found: list[Token] = []
        for c in t.children:
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in ("of", "by")):
                found += [d for p in c.children if p.dep_ == "pobj" for d in p.subtree]
            elif c.dep_ in _THIRD_DEPS:
                found += list(c.subtree)
        if t.dep_ in ("relcl", "acl", "appos") and t.head.i in keys:
            found.append(t.head)
        if t.i >= 2 and w.doc[t.i - 1].text in ("-", "–"):  # "Qatar-mediated", "US-brokered"
            found.append(w.doc[t.i - 2])
        out.update(keys[d.i] for d in found if d.i in keys)
    return out


def cued_dyads(w: Work, keys: dict[int, str], third: set[str]) -> list[tuple[int, str, str, str]]:
    """(character offset, side A, side B, cue) for every party cue in the document, in text order."""
    cues = dyad_cues()
    out: list[tuple[int, str, str, str]] = []
    for t in w.doc:
        pairs: list[tuple[Token, Token]] = []
        if t.lower_ in cues.get("between", ()):
            pairs += [x for p in t.children if p.dep_ == "pobj" for x in _coordinated(p)]
        elif t.pos_ == "VERB":
            lemma = t.lemma_.lower()
            subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
            if lemma in cues.get("verb", ()):
                pairs += [x for s in subj for x in _coordinated(s)]
            if lemma in cues.get("versus", ()):
                pairs += [(s, o) for s in subj for o in t.children if o.dep_ == "dobj"]
        for a_tok, b_tok in pairs:
            a, b = _first_key(_own(a_tok), keys), _first_key(_own(b_tok), keys)
            if a is not None and b is not None and a != b and a not in third and b not in third:
                out.append((t.idx, a, b, f"{t.text!r} at {t.idx}"))
                break
    return out


def dyad(w: Work, before: int, cued: list[tuple[int, str, str, str]], third: set[str]
         ) -> tuple[str, str, str] | None:
    """The two sides named last before offset ``before`` (else the two states most mentioned, third
    parties left out), with the reason."""
    last_cue = max((c for c in cued if c[0] < before), key=lambda c: c[0], default=None)
    if last_cue is not None:
        return last_cue[1], last_cue[2], f"the two sides named by the party cue {last_cue[3]}"
    counts: Counter[str] = Counter()
    last: dict[str, int] = {}
    for m in w.mentions:
        key = m.entity
        if m.start < before and key is not None and key.startswith("state:") and key not in third \
                and not _locative(w, m.start):
            counts[key] += 1
            last[key] = max(last.get(key, -1), m.start)
    ranked = sorted(counts, key=lambda k: (-counts[k], -last[k]))
    if len(ranked) < 2:
        return None
    a, b = ranked[:2]
    a, b = (a, b) if last[a] <= last[b] or counts[a] != counts[b] else (b, a)
    return a, b, "the two states most mentioned before it (third parties and places left out)"

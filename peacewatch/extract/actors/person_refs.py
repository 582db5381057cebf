"""Later references to a person introduced earlier: "the minister" and "he"/"she" as a subject.

Both link back to a person the text has already named: the office alone to the last person named
who holds it, a pronoun subject to the subject of the main clause of the nearest sentence naming a
person (else the last person named). Called by ``identify`` after the persons are known.
"""

from __future__ import annotations

from .work import Work

AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "agent"})
PRONOUNS = frozenset({"he", "she"})


def definite_offices(w: Work) -> None:
    """'the minister' → the last person named before whose office it is."""
    for i in sorted(w.terms):
        tm = w.terms[i]
        if tm.term.kind != "person" or i == 0 or w.doc[i - 1].lower_ != "the" or not w.free(i - 1, tm.end):
            continue
        head = tm.term.term.split()[-1]
        key = _last_person(w, w.doc[i].idx, head)
        if key is not None:
            why = f"definite office 'the {tm.term.term}' → last {head} named"
            w.mention(i - 1, tm.end, "PERSON", key, why)


def pronouns(w: Work) -> None:
    """'he'/'she' as a subject (speaker or agent) → the person who is the subject of the main clause
    of the nearest sentence (up to the pronoun) that names a person, the centre of attention ("Vucic
    met EU envoy Lajcak … ⏎ 'We will not give up,' he said" is Vucic); when no person there is
    that subject, the last person mentioned before."""
    for t in w.doc:
        if t.lower_ in PRONOUNS and t.dep_ in AGENT_DEPS and t.i not in w.claimed:
            key, how = _main_subject(w, t.idx), "subject of the main clause of the last sentence naming a person"
            if key is None:
                key, how = _last_person(w, t.idx, None), "last person mentioned"
            if key is not None:
                w.mention(t.i, t.i + 1, "PRON", key, f"pronoun subject → {how}")


def _main_subject(w: Work, before: int) -> str | None:
    """The person entity that is the main clause's subject in the nearest sentence naming a person."""
    persons = [m for m in w.mentions if m.start < before and m.entity in w.entities
               and w.entities[m.entity].kind == "person"]
    if not persons:
        return None
    last = max(persons, key=lambda m: m.start)
    sent = w.doc.char_span(last.start, last.end, alignment_mode="expand")
    if sent is None:
        return None
    bounds = (sent.sent.start_char, sent.sent.end_char)
    same = [m for m in persons if bounds[0] <= m.start < bounds[1]]
    for m in sorted(same, key=lambda m: m.start, reverse=True):
        span = w.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and span.root.dep_ in ("nsubj", "nsubjpass") and span.root.head.dep_ == "ROOT":
            return m.entity
    return None


def _last_person(w: Work, before: int, office: str | None) -> str | None:
    """The person mentioned last before offset ``before`` (holding ``office``, if given)."""
    best: tuple[int, str] | None = None
    for m in w.mentions:
        ent = w.entities.get(m.entity or "")
        if ent is None or ent.kind != "person" or m.start >= before:
            continue
        if office is not None and not (ent.role or "").lower().endswith(office):
            continue
        if best is None or m.start > best[0]:
            best = (m.start, m.entity or "")
    return best[1] if best else None

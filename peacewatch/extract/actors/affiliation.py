"""Whom a person speaks for, read from the phrase that introduces them.

A person the other rules leave without a code is often introduced by an office whose body is named
around the name, not in a title pattern: "The spokesperson for the Russian foreign ministry, Maria
Zakharova,", "The army's spokesperson, Nabil Abdallah,", "Foreign Ministry spokesman Heorhii
Tykhyi", "Maria Zakharova, the foreign ministry spokeswoman,", "Their spokesman Getachew Reda". The
coding guide codes a speaker by what they speak for, and every later "she said" or surname takes
the person's code, so a person left uncoded here loses every quote after the first.

The *introducing phrase* of a person's first mention is, from the parse: the words before the name
that modify it ("Foreign Ministry spokesman"), the noun phrase the name stands in apposition to
("The spokesperson for …, Maria Zakharova"), and an apposition after the name ("…, the foreign
ministry spokeswoman,"). It must hold an office word of ``sectors.tsv`` (a person's office), so a
name beside an unrelated actor is left alone. The person takes, in this order:

1. the code of the first coded actor named in the phrase (a state, an institution, an armed group,
   an IGO, or a coded person: "Vucic's spokesperson" is Serbia's);
2. for an institution word in the phrase with no code ("Foreign Ministry", "the agency"), the code
   of the last coded actor named before with that word ("Ukraine's foreign ministry");
3. for "its" / "their" in the phrase, the last actor (not a person, place or dateline) named before
   it, the subject of its clause first ("Tigrayan forces withdrew … Their spokesman").

A person coded only by an office they no longer hold (a dictionary row out of date, "former
President X") is read the same way, but only a body named around the name now (an IGO, an
organization, an armed group; not a state) changes their code: "Olusegun Obasanjo, the African
Union's envoy," speaks for the AU.

This runs after every other rule has made its mentions (the state institutions of the state in
focus among them) and before the default that gives a person with no affiliation the state in
focus. Every ``why`` says "introduced as".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...types import Entity, Mention
from .datelines import is_dateline
from .work import Work

if TYPE_CHECKING:
    from spacy.tokens import Token

# Entity kinds a person may speak for.
BODY_KINDS = frozenset({"state", "organization", "armed_group", "igo", "person"})
POSSESSIVE_PRONOUNS = frozenset({"its", "their"})
# Dependency labels of the words before a name that belong to its title.
TITLE_DEPS = frozenset({"compound", "amod", "poss", "nmod", "det", "case"})
# How many words an introducing phrase may span on either side of the name.
REACH = 14


def introduced_persons(w: Work) -> None:
    """Give each person still without a code the code of what its introducing phrase names."""
    seen: set[str] = set()
    for m in sorted(w.mentions, key=lambda x: x.start):
        ent = w.entities.get(m.entity or "")
        if ent is None or ent.kind != "person" or ent.id in seen or m.label == "PRON":
            continue
        seen.add(ent.id)
        if ent.code is not None and not stale(ent):
            continue
        phrase = _phrase(w, m)
        if phrase and any(k in w.terms and w.terms[k].term.kind == "person" for k in phrase):
            _affiliate(w, ent, m, phrase)
        if ent.code is not None and stale(ent):
            _body_after(w, ent, m)


# What the ``why`` of a person coded by an office they no longer hold says (``persons``, ``lexicon``).
STALE = ("(a past office)", "(not in that office on this date)", "(an office that ended")


def stale(ent: Entity) -> bool:
    """Whether a person's code comes only from an office they no longer hold: a dictionary row out of
    date (or, with no date, a row whose office ended), or a title with "former"; the body that
    introduces them now ("the African Union's envoy, former Nigerian President X") is what they
    speak for (the coding guide: an IGO's officials acting as such take its code)."""
    return any(mark in ent.why for mark in STALE) and "introduced as" not in ent.why


def _phrase(w: Work, m: Mention) -> list[int]:
    """Token indices of the phrase that introduces mention ``m`` (not the name's own tokens)."""
    doc = w.doc
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return []
    root, own = span.root, set(range(span.start, span.end))
    found: set[int] = set()
    for t in root.lefts:
        if t.dep_ in TITLE_DEPS or t.i in own:
            found.update(x.i for x in t.subtree)
    if root.dep_ == "appos":
        found.update(x.i for x in root.head.subtree if not _under(x, root))
    for child in root.rights:
        if child.dep_ == "appos":
            found.update(x.i for x in child.subtree)
    return sorted(i for i in found - own if abs(i - span.start) <= REACH)


def _under(t: Token, top: Token) -> bool:
    """Whether ``t`` lies in the subtree of ``top``."""
    return top.left_edge.i <= t.i <= top.right_edge.i


def _affiliate(w: Work, ent: Entity, m: Mention, phrase: list[int]) -> None:
    inside = _mentions_in(w, phrase, ent.id)
    if ent.code is not None:  # coded by a past office: only a body named around the name now says more
        found = _coded(w, inside)
        if found is None or found[0] == ent.code:
            return
        ent.sector = "IGO" if found[0] == "IGO" else None
    else:
        found = _coded(w, inside) or _institution(w, phrase, m.start) or _possessor(w, phrase)
    if found is None:
        return
    code, what = found
    ent.code = code
    ent.why = f"{ent.why}; introduced as {what}"


# Bodies whose naming right after a person says whom a person out of office speaks for now.
NOW_BODIES = frozenset({"igo", "organization", "armed_group"})
# Tokens that close the words set off after a name ("X, who heads the AU panel, said").
CLOSE = frozenset({",", ".", ";", ":", "(", ")", "\"", "\u201c", "\u201d"})


def _body_after(w: Work, ent: Entity, m: Mention) -> None:
    """A person out of office with the words set off after their name naming a body ("Olusegun
    Obasanjo, who heads the African Union panel,", "…, the AU's High Representative,"): that body's
    code (a state there names where they come from, not what they speak for)."""
    doc = w.doc
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return
    stop = next((k for k in range(span.end + 1, min(span.end + 1 + REACH, len(doc))) if doc[k].text in CLOSE), None)
    if stop is None:
        return
    inside = _mentions_in(w, list(range(span.end + 1, stop)), ent.id)
    body = next((w.entities[x.entity or ""] for x in inside if w.entities.get(x.entity or "") is not None
                 and w.entities[x.entity or ""].kind in NOW_BODIES and w.entities[x.entity or ""].code), None)
    if body is None or body.code == ent.code:
        return
    ent.code, ent.sector = body.code, "IGO" if body.code == "IGO" else body.sector
    ent.why = f"{ent.why}; introduced as of {body.name!r} ({body.code}), set off after the name"


def _mentions_in(w: Work, phrase: list[int], own: str) -> list[Mention]:
    doc, tokens = w.doc, set(phrase)
    out = []
    for x in w.mentions:
        span = doc.char_span(x.start, x.end, alignment_mode="expand")
        if span is not None and span.start in tokens and x.entity != own and x.label != "PRON" \
                and not is_dateline(x):
            out.append(x)
    return sorted(out, key=lambda x: x.start)


def _coded(w: Work, inside: list[Mention]) -> tuple[str, str] | None:
    for x in inside:
        ent = w.entities.get(x.entity or "")
        if ent is not None and ent.code and ent.kind in BODY_KINDS:
            return ent.code, f"of {x.text!r} ({ent.code})"
    return None


def _institution(w: Work, phrase: list[int], before: int) -> tuple[str, str] | None:
    """An institution word in the phrase: the last coded actor named before with that word."""
    words: set[str] = set()
    for k in phrase:
        tm = w.terms.get(k)
        if tm is not None and tm.term.kind == "organization":
            words.update(t.lower_ for t in w.doc[tm.start:tm.end])
    if not words:
        return None
    first = w.doc[phrase[0]].idx
    for x in sorted(w.mentions, key=lambda x: x.start, reverse=True):
        if x.start >= min(first, before):
            continue
        ent = w.entities.get(x.entity or "")
        if ent is not None and ent.code and ent.kind in BODY_KINDS - {"person"} \
                and words & set(x.text.lower().split()):
            return ent.code, f"the {'/'.join(sorted(words))} of {x.text!r} named before ({ent.code})"
    return None


def _possessor(w: Work, phrase: list[int]) -> tuple[str, str] | None:
    """'Their spokesman': the last actor named before, the subject of its clause first."""
    doc = w.doc
    pronoun = next((k for k in phrase if doc[k].lower_ in POSSESSIVE_PRONOUNS and doc[k].dep_ == "poss"), None)
    if pronoun is None:
        return None
    before = [x for x in w.mentions if x.end <= doc[pronoun].idx and x.label != "PRON"
              and not is_dateline(x)]
    actors = [(x, ent) for x in sorted(before, key=lambda x: x.start)
              for ent in [w.entities.get(x.entity or "")]
              if ent is not None and ent.code and ent.kind in BODY_KINDS - {"person"}]
    subjects = [(x, ent) for x, ent in actors if _subject(w, x)]
    pick = (subjects or actors)[-1:] if actors else []
    if not pick:
        return None
    x, ent = pick[0]
    return ent.code or "", f"{doc[pronoun].text!r} → {x.text!r} named before ({ent.code})"


def _subject(w: Work, x: Mention) -> bool:
    span = w.doc.char_span(x.start, x.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")

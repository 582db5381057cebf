"""Headline-style names that spaCy joins into one: "Serbia Aleksandar Vucic", "Kosovo & Serbia".

All-caps lines (wire headlines "TURKEY BOMBS KURDISH REBEL BASES", datelines "BONN 1996-08-22") are
read again by spaCy's NER in sentence case (``recase_caps_lines``): the small model finds few names
in upper case, where every word has a name's shape. A slug and its headline ("SOCCER - GERMAN FIRST
DIVISION RESULTS") are read apart, and states' names, demonyms and capitals keep their own case. A
wire dateline names a place, and a results line of sports copy ("Bayern Munich 3 Hamburg 1") two
teams: organizations, or states where the dictionary names one (national teams) (``shaped_lines``).
See docs/ner.md, seventh round.

A state name directly followed by a person's name (a dictionary person, or two or three capitalized
words that are no office, no other known name and hold no institution word of
``data/actors/institution_words.tsv``) is a state mention plus a person of that
state. Two state names joined by "&" or "and" inside one spaCy name are two states.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ...types import Entity
from .lexicon import Match
from .tables import institution_words
from .work import Work, entries_by_name

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

JOINERS = frozenset({"&", "and"})
# Pipes the second NER pass leaves out (and the shared tok2vec where the NER does not listen to it).
NOT_NER = ("tagger", "parser", "attribute_ruler", "lemmatizer", "senter", "morphologizer")
DATE = re.compile(r"(?<=\w) +\d{4}-\d\d-\d\d$")  # "BONN 1996-08-22": the wire dateline's date
SCORE = re.compile(r"\d{1,3}$")
DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


def joined_states(w: Work, names: list[Match], start: int, end: int) -> bool:
    """Whether the spaCy name ``start:end`` is "<state> and <state>", or begins with "<state> & <state>"
    (a headline: "Kosovo & Serbia Agree …")."""
    inside = sorted((m for m in names if start <= m.start and m.end <= end), key=lambda m: m.start)
    if len(inside) < 2 or any(m.item.kind != "state" for m in inside[:2]):
        return False
    a, b = inside[:2]
    joiner = w.doc[a.end].lower_
    if a.start != start or b.start != a.end + 1 or joiner not in JOINERS:
        return False
    return b.end == end and len(inside) == 2 or joiner == "&"


def headline_person(w: Work, names: list[Match], m: Match, end: int) -> bool:
    """Whether a state name ``m`` is followed, up to ``end``, by a person's name; if so record it."""
    doc = w.doc
    if m.item.kind != "state" or not m.item.code:
        return False
    rest = doc[m.end:end]
    entry = entries_by_name().get(rest.text)
    if entry is not None and entry.kind != "person":
        return False
    if entry is None:
        if not 2 <= len(rest) <= 3 or any(not (t.is_title and t.is_alpha) for t in rest):
            return False
        if any(t.i in w.terms or t.lower_ in institution_words() for t in rest) or any(
                m.end <= n.start < end for n in names):
            return False
    w.headline_persons.append((m.end, end, m.item.code, m.item.form))
    return True


def adjacent_persons(w: Work) -> None:
    """A state name right before a separate spaCy PERSON name ("North Macedonia | Hristijan Mickoski")."""
    persons = {e.start: e.end for e in w.doc.ents if e.label_ == "PERSON"}
    for m in w.names:
        end = persons.get(m.end)
        if end is not None and "\n" not in w.doc[m.end - 1].whitespace_:
            headline_person(w, w.names, m, end)


def add_persons(w: Work) -> None:
    """Person mentions for the names split off a state name ("Serbia | Aleksandar Vucic")."""
    for start, end, code, form in w.headline_persons:
        if not w.free(start, end):
            continue
        text = w.doc[start:end].text
        why = f"headline apposition: state name {form!r} followed by a person's name"
        entry = entries_by_name().get(text)
        if entry is not None:
            key = w.named(entry, f"{why} (dictionary)")
        else:
            key = w.surnames.get(text) or w.surnames.get(w.doc[end - 1].text) or f"person:{text}"
            w.entity(key, Entity("", text, "person", code, why=why))
            if w.entities[key].code is None:
                w.entities[key].code = code
        w.mention(start, end, "PERSON", key, why)
        w.surnames.setdefault(w.doc[end - 1].text, key)


def recase_caps_lines(doc: Doc, model: str) -> None:
    """spaCy's names on each all-caps line read again from the line in sentence case ("Turkey bombs
    kurdish rebel bases in northern iraq"), in place of those found in upper case; a dateline's place
    and a results line's teams are set by their shape. Lines with any lower-case letter are left."""
    lines = [line for line in _lines(doc) if _all_caps(line)]
    if not lines:
        return
    from spacy.tokens import Span

    ner = _ner(model)
    found = [Span(doc, part.start + e.start, part.start + e.end, label=e.label_)
             for line in lines for part in _segments(line) for e in ner(_sentence_case(ner, part)).ents]
    kept = [e for e in doc.ents if not any(e.start < line.end and line.start < e.end for line in lines)]
    doc.ents = sorted(kept + found, key=lambda e: e.start)


def shaped_lines(doc: Doc) -> None:
    """A wire dateline's place ("BONN 1996-08-22", "AKRON , Ohio 1996-08-23") as GPE, and the teams of
    a results line ("Bayern Munich 3 Hamburg 1") as ORG, or GPE where a team is named by its state."""
    found: list[Span] = []
    for line in _lines(doc):
        words = [t for t in line if not t.is_space]
        dated = DATE.search(line.text)
        place = [t for t in words if t.idx < line.start_char + dated.start()] if dated else []
        if place and place[0].is_upper and all(_capital(t) or t.text == "," for t in place):
            found += _parts(doc, place, "GPE")
        elif len(words) >= 4 and SCORE.match(words[-1].text) and any(SCORE.match(t.text) for t in words[1:-2]):
            middle = next(i for i, t in enumerate(words[1:-2], 1) if SCORE.match(t.text))
            teams = (words[:middle], words[middle + 1:-1])
            if all(team and all(_capital(t) for t in team) for team in teams):
                found += [s for team in teams for s in _parts(doc, team, None)]
    if found:
        spans = {t.i for s in found for t in s}
        kept = [e for e in doc.ents if not any(t.i in spans for t in e)]
        doc.ents = sorted(kept + found, key=lambda e: e.start)


def _parts(doc: Doc, words: list[Token], label: str | None) -> list[Span]:
    """The comma-separated runs of ``words`` as names: ``label``, or for a team ORG unless a state's name."""
    from spacy.tokens import Span

    runs: list[list[Token]] = [[]]
    for t in words:
        if t.text == ",":
            runs.append([])
        else:
            runs[-1].append(t)
    out = []
    for run in (r for r in runs if r):
        text = doc[run[0].i:run[-1].i + 1].text
        kind = label or ("GPE" if text.title() in _state_names() else "ORG")
        out.append(Span(doc, run[0].i, run[-1].i + 1, label=kind))
    return out


@lru_cache(maxsize=1)
def _state_names() -> frozenset[str]:
    from .work import state_rows

    return frozenset(n for row in state_rows().values() for n in (*row.names, *row.iso_names))


def _capital(t: Token) -> bool:
    """A capitalized word, abbreviations and hyphenated words too ("U.S.", "Baden-Baden")."""
    return t.text[:1].isupper() and t.text.replace(".", "").replace("-", "").isalpha()


def _lines(doc: Doc) -> list[Span]:
    """The document's lines as token spans (a token holding a line break ends a line)."""
    out, start = [], 0
    for t in doc:
        if "\n" in t.text or "\n" in t.whitespace_:
            end = t.i if "\n" in t.text else t.i + 1
            if end > start:
                out.append(doc[start:end])
            start = t.i + 1
    if start < len(doc):
        out.append(doc[start:len(doc)])
    return out


def _segments(line: Span) -> list[Span]:
    """The parts of a line between dashes standing apart ("SOCCER - GERMAN FIRST DIVISION RESULTS"): a
    slug and a headline, each its own sentence."""
    doc = line.doc
    cuts = [t.i for t in line if t.text in DASHES and t.whitespace_ and t.i > 0 and doc[t.i - 1].whitespace_]
    bounds = [line.start - 1, *cuts, line.end]
    return [doc[a + 1:b] for a, b in zip(bounds, bounds[1:], strict=False) if b > a + 1]


def _all_caps(line: Span) -> bool:
    letters = [c for c in line.text if c.isalpha()]
    return len(letters) >= 3 and not any(c.islower() for c in letters)


def _sentence_case(ner: Language, line: Span) -> Doc:
    """The line's words in sentence case: the first capitalized, the rest lower; abbreviations with a
    full stop ("U.S.") as written."""
    from spacy.tokens import Doc

    words = [t.text if "." in t.text[:-1] else t.text.lower() for t in line]
    first = next((i for i, t in enumerate(line) if t.is_alpha), None)
    if first is not None:
        words[first] = words[first].capitalize()
    known = _known_forms()
    i = 0
    while i < len(words):
        n = next((n for n in (3, 2, 1) if tuple(w.lower() for w in words[i:i + n]) in known), 0)
        if n:
            words[i:i + n] = known[tuple(w.lower() for w in words[i:i + n])]
        i += max(n, 1)
    return Doc(ner.vocab, words=words, spaces=[bool(t.whitespace_) for t in line])


@lru_cache(maxsize=1)
def _known_forms() -> dict[tuple[str, ...], list[str]]:
    """States' names, demonyms and capitals by their lower-case words ("german" → "German")."""
    from .work import state_rows

    forms = (f for row in state_rows().values() for f in (*row.names, *row.iso_names, *row.demonyms, *row.capitals))
    return {tuple(w.lower() for w in f.split()): f.split() for f in forms if 1 <= len(f.split()) <= 3}


@lru_cache(maxsize=2)
def _ner(model: str) -> Language:
    """The configured model with its NER alone, loaded once per process (only when a caps line comes)."""
    import spacy

    nlp = spacy.load(model, exclude=list(NOT_NER))
    if "tok2vec" in nlp.pipe_names and "ner" not in getattr(nlp.get_pipe("tok2vec"), "listening_components", ()):
        nlp.remove_pipe("tok2vec")  # the small model's NER has its own token vectors: the shared ones idle
    return nlp

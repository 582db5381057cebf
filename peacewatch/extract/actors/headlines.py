"""Headline-style names that spaCy joins into one: "Serbia Aleksandar Vucic", "Kosovo & Serbia".

All-caps lines (wire headlines "TURKEY BOMBS KURDISH REBEL BASES", datelines "BONN 1996-08-22") are
read again by spaCy's NER in sentence case (``recase_caps_lines``): the small model finds few names
in upper case, where every word has a name's shape. A slug and its headline ("SOCCER - GERMAN FIRST
DIVISION RESULTS") are read apart, and states' names, demonyms and capitals keep their own case. A
wire dateline names a place, and a results line of sports copy ("Bayern Munich 3 Hamburg 1") two
teams: organizations, or states where the dictionary names one (national teams) (``shaped_lines``).
So do the listing lines of sports and market copy: a standings table's teams, a scorers line's persons,
names with their country or club in brackets, a market line's company or index.
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
from .names import EVENT_HEADS, capital_word
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
COUNT = re.compile(r"(\d+|\d*\.\d+|\d+/\d+)$")  # a standings table's counts: "10", ".576", "1/2"
RANK = re.compile(r"(\d{1,3}|\.)$")  # "1 ." before a listed name
PRICE = re.compile(r"\d[\d,]*(\.\d+)?$")  # "2,561.32"
MOVES = frozenset({"up", "down", "unchanged", "off", "higher", "lower", "firmer", "easier"})
INDEX_WORDS = frozenset({"index", "average"})  # "DAX index", "Nikkei average"
SCORER_LABELS = frozenset({"scorer", "scorers", "goalscorer", "goalscorers"})
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


def read_lines(doc: Doc, model: str | None) -> None:
    """Both passes over the document's lines, which are cut once: the all-caps lines read again when a
    model is given (``recase_caps_lines``), then the names set by a line's shape (``shaped_lines``)."""
    lines = doc_lines(doc)
    if model is not None:
        recase_caps_lines(doc, model, lines)
    shaped_lines(doc, lines)


def recase_caps_lines(doc: Doc, model: str, lines: list[Span] | None = None) -> None:
    """spaCy's names on each all-caps line read again from the line in sentence case ("Turkey bombs
    kurdish rebel bases in northern iraq"), in place of those found in upper case; a dateline's place
    and a results line's teams are set by their shape. Lines with any lower-case letter are left.
    ``lines``: the document's lines when they were cut already."""
    lines = [line for line in (doc_lines(doc) if lines is None else lines) if _all_caps(line)]
    if not lines:
        return
    from spacy.tokens import Span

    ner = _ner(model)
    kept = [e for e in doc.ents if not any(e.start < line.end and line.start < e.end for line in lines)]
    body = _body_names(kept)
    found = []
    for part in (part for line in lines for part in _segments(line)):
        read = [Span(doc, part.start + e.start, part.start + e.end, label=e.label_)
                for e in ner(_sentence_case(ner, part)).ents]
        found += _as_in_body(part, _caps_events(part, _known_names(part, read)), body)
    doc.ents = sorted(kept + found, key=lambda e: e.start)


def shaped_lines(doc: Doc, lines: list[Span] | None = None) -> None:
    """Names set by a line's shape: a wire dateline's place ("BONN 1996-08-22", "AKRON , Ohio 1996-08-23")
    as GPE, the teams of a results line ("Bayern Munich 3 Hamburg 1") or a standings line ("Bayern
    Munich 5 3 2 0 9 3 11") as ORG, or GPE where a team is named by its state; the names of a scorers
    line ("Scorers : Ajax - Ronald de Boer 12") and of a listing with brackets ("1 . Greg Norman (
    Australia ) 66"). ``lines``: the document's lines when they were cut already."""
    found = [s for line in (doc_lines(doc) if lines is None else lines)
             for s in _line_names(doc, [t for t in line if not t.is_space])]
    if found:
        spans = {t.i for s in found for t in s}
        kept = [e for e in doc.ents if not any(t.i in spans for t in e)]
        doc.ents = sorted(kept + found, key=lambda e: e.start)


def _line_names(doc: Doc, words: list[Token]) -> list[Span]:
    if not words:
        return []
    dated = DATE.search(doc[words[0].i:words[-1].i + 1].text)
    place = [t for t in words if t.idx < words[0].idx + dated.start()] if dated else []
    if place and place[0].is_upper and all(capital_word(t) or t.text == "," for t in place):
        return _parts(doc, place, "GPE")
    if len(words) > 2 and words[0].lower_ in SCORER_LABELS and words[1].text == ":":
        return _scorers(doc, words[2:])
    if len(words) >= 4 and SCORE.match(words[-1].text) and any(SCORE.match(t.text) for t in words[1:-2]):
        middle = next(i for i, t in enumerate(words[1:-2], 1) if SCORE.match(t.text))
        teams = (words[:middle], words[middle + 1:-1])
        if all(team and all(capital_word(t) for t in team) for team in teams):
            return [s for team in teams for s in _parts(doc, team, None)]
    runs = _runs(words)
    return _standing(doc, words, runs) or _market(doc, words, runs) or _bracketed(doc, words, runs)


def _standing(doc: Doc, words: list[Token], runs: list[tuple[int, int]]) -> list[Span]:
    """A standings line: a capitalized name, after a rank or not, then counts alone ("Boston 67 67 .500
    10"): a team, or a person where spaCy read one. ``runs``: the line's runs of capitalized words."""
    if len(runs) != 1:
        return []
    start, end = runs[0]
    counts = words[end:]
    if any(not (COUNT.match(t.text) or t.text in DASHES) for t in counts) or sum(
            t.text[-1:].isdigit() for t in counts) < 3 or any(not RANK.match(t.text) for t in words[:start]):
        return []
    team = _parts(doc, words[start:end], None)
    persons = {(e.start, e.end) for e in doc.ents if e.label_ == "PERSON"}
    return [_relabel(s, "PERSON") if (s.start, s.end) in persons else s for s in team]


def _market(doc: Doc, words: list[Token], runs: list[tuple[int, int]]) -> list[Span]:
    """A market line: a company's name, a price and its move ("Siemens 69.85 up 0.70"), ORG; an index
    ("DAX index 2,561.32 up 11.04"), PRODUCT (CoNLL's MISC)."""
    if not runs or runs[0][0] != 0:
        return []
    end = runs[0][1]
    index = end < len(words) and words[end].lower_ in INDEX_WORDS
    rest = [t.text.lower() for t in words[end + index:]]
    if not 2 <= len(rest) <= 3 or rest[1] not in MOVES or not all(PRICE.match(r) for r in rest[:1] + rest[2:]):
        return []
    return [_span(doc, words, 0, end, "PRODUCT" if index else "ORG")]


def _scorers(doc: Doc, words: list[Token]) -> list[Span]:
    """A scorers line after its label: a name before a dash is a team ("Ajax -"), every other a person
    ("Ronald de Boer 12 , Patrick Kluivert 40")."""
    out = []
    for start, end in _runs(words):
        follows = words[end].text if end < len(words) else ""
        out += _parts(doc, words[start:end], None if follows in DASHES or follows == ":" else "PERSON")
    return out


def _bracketed(doc: Doc, words: list[Token], runs: list[tuple[int, int]]) -> list[Span]:
    """A listing's names with their country or club in brackets ("Greg Turner ( New Zealand )", "Angelo
    Peruzzi ( Juventus )"): persons, their countries GPE and their clubs ORG; the other names of such a
    line standing between commas and scores are persons too ("67 Paul Broadhurst , Costantino Rocca (
    Italy )"). A line qualifies with a state's name in brackets, or two bracketed names or more that are
    no abbreviations (prose: "General Motors Corporation ( GM ) , … Penske Automotive Group ( PAG )")."""
    pairs = [(a, b) for a, b in zip(runs, runs[1:], strict=False)
             if a[1] == b[0] - 1 and words[a[1]].text == "(" and b[1] < len(words) and words[b[1]].text == ")"]
    states = [b for _, b in pairs if _text(doc, words, b).title() in state_names()]
    inner = {b for _, b in pairs if b in states or b[1] - b[0] > 1 or not words[b[0]].is_upper}  # not "( GM )"
    if not states and len(inner) < 2:
        return []
    out = []
    for start, end in runs:
        if (start, end) in inner:
            out += _parts(doc, words[start:end], None)
        elif _listed(words, start, end):
            out.append(_span(doc, words, start, end, "PERSON"))
    return out


def _listed(words: list[Token], start: int, end: int) -> bool:
    """Whether a name stands between a line's edges, commas, scores and brackets (a listed name)."""
    before = words[start - 1].text if start else ","
    after = words[end].text if end < len(words) else ","
    return (before in (",", ".", "-") or before[-1:].isdigit()) and (after in (",", "(") or after[:1].isdigit())


def _runs(words: list[Token]) -> list[tuple[int, int]]:
    """The runs of capitalized words of a line as (start, end) indexes into ``words``; a short lower-case
    particle between two capitalized words belongs to the run ("Ronald de Boer", "Pierre van Hooijdonk"), and
    so does a hyphen inside a word ("Daimler-Benz")."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        if not capital_word(words[i]):
            i += 1
            continue
        j = i + 1
        while j < len(words) and (capital_word(words[j]) or j + 1 < len(words) and capital_word(words[j + 1]) and (
                words[j].is_lower and words[j].is_alpha and len(words[j]) <= 3 or _joining_hyphen(words, j))):
            j += 1
        out.append((i, j))
        i = j
    return out


def _joining_hyphen(words: list[Token], j: int) -> bool:
    """A hyphen inside a word ("Daimler-Benz", which spaCy cuts in three)."""
    return words[j].text == "-" and not words[j].whitespace_ and not words[j - 1].whitespace_


def _text(doc: Doc, words: list[Token], run: tuple[int, int]) -> str:
    return doc[words[run[0]].i:words[run[1] - 1].i + 1].text


def _span(doc: Doc, words: list[Token], start: int, end: int, label: str) -> Span:
    from spacy.tokens import Span

    return Span(doc, words[start].i, words[end - 1].i + 1, label=label)


def _relabel(span: Span, label: str) -> Span:
    from spacy.tokens import Span

    return Span(span.doc, span.start, span.end, label=label)


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
        kind = label or ("GPE" if text.title() in state_names() else "ORG")
        out.append(Span(doc, run[0].i, run[-1].i + 1, label=kind))
    return out


@lru_cache(maxsize=1)
def state_names() -> frozenset[str]:
    from .work import state_rows

    return frozenset(n for row in state_rows().values() for n in (*row.names, *row.iso_names))


def doc_lines(doc: Doc) -> list[Span]:
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


def _known_names(part: Span, ents: list[Span]) -> list[Span]:
    """The names the model read on a part of an all-caps line, with the states' names and capitals (GPE)
    and the nationalities (NORP) it missed there or read otherwise ("NIGERIA OPPOSITION LEADER STAYS IN
    JAIL": nothing; "MOLDOVA" an ORG). A form that may be a common word or a person's ("TURKEY",
    "JORDAN") and one inside a longer name are left."""
    from spacy.tokens import Span

    labels = _caps_labels()
    out = list(ents)
    i = part.start
    while i < part.end:
        n = next((n for n in (3, 2, 1) if i + n <= part.end
                  and tuple(t.lower_ for t in part.doc[i:i + n]) in labels), 0)
        if not n:
            i += 1
            continue
        label = labels[tuple(t.lower_ for t in part.doc[i:i + n])]
        over = [e for e in out if e.start < i + n and i < e.end]
        if not over or len(over) == 1 and (over[0].start, over[0].end) == (i, i + n) \
                and over[0].label_ in ("ORG", "PERSON", "GPE", "NORP", "LOC", "FAC"):
            out = [e for e in out if e not in over] + [Span(part.doc, i, i + n, label=label)]
        i += n
    return sorted(out, key=lambda e: e.start)


# The labels of names the body's reading may lend to an all-caps line.
BODY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})


def _body_names(ents: list[Span]) -> dict[tuple[str, ...], str]:
    """The names read in a story's lower-case lines by their lower-case words, with their label; a
    person's surname too ("Yoweri Museveni": "museveni" PERSON). A form read two ways is left out."""
    seen: dict[tuple[str, ...], set[str]] = {}
    for e in ents:
        if e.label_ in BODY_LABELS and all(t.text[:1].isupper() for t in e if t.is_alpha):
            seen.setdefault(tuple(t.lower_ for t in e), set()).add(e.label_)
            if e.label_ == "PERSON" and len(e) > 1:
                seen.setdefault((e[-1].lower_,), set()).add("PERSON")
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


def _as_in_body(part: Span, ents: list[Span], body: dict[tuple[str, ...], str]) -> list[Span]:
    """The names of a part of an all-caps line as the story's body reads them: a name read in the body
    takes the body's label on the caps line ("MUSEVENI" ORG, "Yoweri Museveni" PERSON below), but for the
    states' names and nationalities, and one the caps reading missed is added, where no name of the caps
    reading crosses it."""
    from spacy.tokens import Span

    doc, out, known = part.doc, [], _caps_labels()
    for e in ents:
        words = tuple(t.lower_ for t in e)
        label = None if words in known else body.get(words)  # a state's name is one, however the body reads it
        out.append(e if label is None or label == e.label_ else Span(doc, e.start, e.end, label=label))
    i = part.start
    while i < part.end:
        n = next((n for n in (3, 2, 1) if i + n <= part.end and doc[i].is_alpha
                  and tuple(t.lower_ for t in doc[i:i + n]) in body), 0)
        if n and not any(e.start < i + n and i < e.end for e in out):
            out.append(Span(doc, i, i + n, label=body[tuple(t.lower_ for t in doc[i:i + n])]))
        i += max(n, 1)
    return sorted(out, key=lambda e: e.start)


def _caps_events(part: Span, ents: list[Span]) -> list[Span]:
    """Event names on an all-caps line: a place or nationality, or "WORLD", followed by one or two words
    that end in an event's head word ("BRITISH MASTERS", "U.S. OPEN", "WORLD CUP") is one EVENT name
    (CoNLL's MISC); the sentence-case reading sees a place and common words there."""
    from spacy.tokens import Span

    doc, out = part.doc, list(ents)
    leads = [(e.start, e.end) for e in ents if e.label_ in ("GPE", "NORP", "LOC")]
    leads += [(t.i, t.i + 1) for t in part if t.lower_ == "world" and not any(e.start <= t.i < e.end for e in ents)]
    for start, end in leads:
        stop = end + 1 if end < part.end and doc[end].lower_ in EVENT_HEADS else None
        if stop is None or any(e.start < start or e.end > stop for e in out if e.start < stop and start < e.end):
            continue
        out = [e for e in out if not (e.start < stop and start < e.end)] + [Span(doc, start, stop, label="EVENT")]
    return sorted(out, key=lambda e: e.start)


@lru_cache(maxsize=1)
def _caps_labels() -> dict[tuple[str, ...], str]:
    """States' names and capitals (GPE) and nationalities (NORP) by their lower-case words, but for the
    forms the state table marks ambiguous ("Turkey", "Jordan", "Washington")."""
    from .names import national_forms
    from .work import state_rows

    out = {tuple(w.lower() for w in f): "NORP" for f in national_forms()}
    for row in state_rows().values():
        for f in (*row.names, *row.iso_names, *row.capitals):
            if f not in row.ambiguous and "," not in f:
                out[tuple(f.lower().split())] = "GPE"
    return out


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

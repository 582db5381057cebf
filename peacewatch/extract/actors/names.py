"""Names with a name's span: the last pass of the ``actors`` component.

The mentions the other passes make cover what designates an actor, and that is often more than its
name: "the EU", "Hamas militants", "Ethiopian government", "Russia's foreign ministry", "Turkish
leader". A reader that wants names as CoNLL-2003 draws them (no article, no possessive, no head noun
after the name; the nationality "Ethiopian" a name of its own) finds none in such a span. This pass
keeps every other mention as it is and adds, after them, the names they hold:

- a mention that is a name with an article or a possessive ("the European Union", "General Motors 's")
  is trimmed to the name: the article and the possessive are not part of any name, and nothing
  downstream reads them from the span;
- a dictionary name at the start of a longer mention ("M23" in "M23 rebels", "TPLF" in "TPLF
  fighters") gives that name with the mention's label and entity (the small model calls "M23" a GPE);
- a spaCy name (article and possessive trimmed) inside a longer mention that is no name itself gives
  that name with spaCy's label, linked to the longer mention's entity (the name is how the text
  designates it); inside a name ("Office of Prime Minister Benjamin Netanyahu") it is a part of that
  name, which CoNLL does not mark apart;
- spaCy names of the labels the other passes do not take (``EVENT``, ``LAW``, ``PRODUCT``,
  ``WORK_OF_ART``, ``LANGUAGE``; CoNLL's MISC) that no mention touches, with no entity: they name
  no actor (``docs/ner.md``).

The added mentions come after the others in the list, so a reader that takes the first mention of a
token (the events' argument index) still finds the longer one.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ...types import Mention
from .tables import institution_words, nationals, sector_terms

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
MISC_LABELS = frozenset({"EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "LANGUAGE"})
POSSESSIVE = ("'s", "\u2019s", "'", "\u2019")
JOINING = frozenset({"of", "the", "and", "for", "on", "in", "to", "a", "de", "la", "al"})
WHY = "name inside a longer mention"


def add_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` followed by the names they hold and the MISC names no mention touches."""
    mentions = [_trimmed(doc, m) for m in mentions]
    added = _Added(doc, {(m.start, m.end) for m in mentions})
    for m in mentions:
        form = _dictionary_form(m)
        if form is not None and m.text.startswith(form) and len(m.text) > len(form) \
                and not m.text[len(form)].isalnum():
            added.add(m.start, m.start + len(form), m.label, m.entity, f"{WHY}: dictionary name {form!r} in {m.text!r}")
    _spacy_names(doc, mentions, added)
    _outlet_names(doc, mentions, added)
    return mentions + added.mentions


def _outlet_names(doc: Doc, mentions: list[Mention], added: _Added) -> None:
    """The name at the start of an outlet's designation ("Xinhua" in the dictionary's "Xinhua news
    agency"), with the designation's label and entity: CoNLL marks the name, not the noun after it."""
    for m in mentions:
        span = doc.char_span(m.start, m.end)
        if m.label != "ORG" or span is None:
            continue
        cut = next((i for i, t in enumerate(span) if not capital_word(t)), len(span))
        if 0 < cut < len(span) and span[cut:].text.lower() in OUTLET_TAILS:
            added.add(span[0].idx, span[cut - 1].idx + len(span[cut - 1].text), m.label, m.entity,
                      f"{WHY}: the outlet's name in {m.text!r}")


class _Added:
    """The mentions this pass adds, each span once and none where a mention is already."""

    def __init__(self, doc: Doc, spans: set[tuple[int, int]]) -> None:
        self.doc, self.spans = doc, spans
        self.mentions: list[Mention] = []

    def add(self, start: int, end: int, label: str, entity: str | None, why: str) -> None:
        if (start, end) not in self.spans:
            self.spans.add((start, end))
            self.mentions.append(Mention(start, end, self.doc.text[start:end], label, entity, why=why))


def _spacy_names(doc: Doc, mentions: list[Mention], added: _Added) -> None:
    """spaCy's names inside designations, and its MISC names that no mention touches."""
    host_of = _smallest_hosts(doc, mentions)
    taken = {i for m in mentions for i in _tokens(doc, m)}
    for ent in doc.ents:
        if "\n" in ent.text:
            continue
        start, end = _core(ent)
        host = host_of.get(ent.start)
        if ent.label_ in NAME_LABELS and host is not None and host.start <= start and end <= host.end \
                and (host.start, host.end) != (start, end):
            added.add(start, end, ent.label_, host.entity, f"{WHY}: spaCy {ent.label_} in {host.text!r}")
        elif ent.label_ in MISC_LABELS and _named(ent) and not any(i in taken for i in range(ent.start, ent.end)):
            added.add(start, end, ent.label_, None, f"spaCy NER {ent.label_} (names no actor)")


def _smallest_hosts(doc: Doc, mentions: list[Mention]) -> dict[int, Mention]:
    """For each token, the shortest mention over it that may hold a name: no pronoun, no name itself."""
    out: dict[int, Mention] = {}
    hosts = [m for m in mentions if m.label != "PRON" and not _is_name(doc, m)]
    for m in sorted(hosts, key=lambda m: m.start - m.end):  # longest first: shorter ones overwrite
        out.update(dict.fromkeys(_tokens(doc, m), m))
    return out


def _tokens(doc: Doc, m: Mention) -> range:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)


def _trimmed(doc: Doc, m: Mention) -> Mention:
    """The mention without a leading "the" and a trailing possessive when what is left is a name
    ("the Ministry of Information"; not "the army"); the mention itself otherwise."""
    if m.label == "PRON":
        return m
    span = doc.char_span(m.start, m.end)
    if span is None or len(span) < 2:
        return m
    first, last = span.start, span.end
    if doc[first].lower_ == "the":
        first += 1
    if doc[last - 1].text in POSSESSIVE and last - first > 1:
        last -= 1
    if (first, last) == (span.start, span.end) or not _named(doc[first:last]):
        return m
    start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text)
    return replace(m, start=start, end=end, text=doc.text[start:end],
                   why=f"{m.why}; trimmed to the name" if m.why else "trimmed to the name")


def _dictionary_form(m: Mention) -> str | None:
    """The form a dictionary mention was matched by ("M23" in "M23 rebels"), from its ``why``
    ("dictionary entries.csv:98 'M23'", as the actors component writes it)."""
    why = m.why or ""
    if not why.startswith("dictionary ") or not why.endswith("'") or " '" not in why:
        return None
    return why[why.rindex(" '") + 2:-1] or None


def _is_name(doc: Doc, m: Mention) -> bool:
    """Whether a mention is a name as a whole ("Ministry of Foreign Affairs of Qatar"): the names
    inside it are parts of one name, which CoNLL does not mark apart."""
    span = doc.char_span(m.start, m.end)
    return span is not None and _named(span)


def _named(ent: Span) -> bool:
    """Whether a span reads as a name: its words capitalized but for a few joining words
    ("Universal Declaration of Human Rights"), and no clause inside it (the small model tags
    "WALLACE: Let's start with …" a WORK_OF_ART)."""
    words = [t for t in ent if t.is_alpha]
    ends = (ent[1] if ent[0].lower_ == "the" and len(ent) > 1 else ent[0], ent[-1])
    return all(t.text[:1].isupper() or t.text[:1].isdigit() for t in ends) and all(
        t.text[:1].isupper() or t.lower_ in JOINING for t in words) and not any(t.text in (":", ";") for t in ent)


def _core(ent: Span) -> tuple[int, int]:
    """Character bounds of a spaCy name without a leading "the" and a trailing possessive."""
    first, last = ent.start, ent.end
    if ent[0].lower_ == "the" and last - first > 1:
        first += 1
    if ent.doc[last - 1].text in POSSESSIVE and last - first > 1:
        last -= 1
    return ent.doc[first].idx, ent.doc[last - 1].idx + len(ent.doc[last - 1].text)


def settle_labels(doc: Doc) -> None:
    """spaCy's names made to agree with a name's form, before the actors component reads them: a run
    of capitalized words ending in an event's head word ("U.S. Open", "World Series of Golf") is one
    EVENT name (``_events``); a nationality is a NORP name of its own, and the name of a person it
    stands before a PERSON ("Spaniard Carlos Costa", ``_nationals``); a person's name starts after
    the title ("Mrs Ogata", "Lt-Gen Ratko Mladic", ``_untitled``); a name that a newspaper's or an
    agency's noun stands next to is the outlet's ("the daily Hurriyet", "Tanjug news agency",
    ``_outlets``)."""
    ents = _outlets(_untitled(_nationals(doc, _events(doc, list(doc.ents)))))
    if [(e.start, e.end, e.label_) for e in ents] != [(e.start, e.end, e.label_) for e in doc.ents]:
        doc.ents = ents


# The last word of a sports or cultural event's name ("U.S. Open", "Brussels Grand Prix", "World Cup",
# "Asian Games"): the name is an EVENT (CoNLL's MISC) however the small model read its first words.
EVENT_HEADS = frozenset("open masters prix cup championship championships games olympics marathon classic trophy "
                        "memorial tournament series rally invitational derby".split())


def _events(doc: Doc, ents: list[Span]) -> list[Span]:
    """Runs of capitalized words ending in an event's head word, with an "of X" after it ("World Series
    of Golf"), as EVENT names, in place of the names inside them (and of one that holds the article
    too: "the British Masters"). A run that a name crosses is left."""
    from spacy.tokens import Span

    out = list(ents)
    for start, end in _capital_runs(doc):
        if end - start < 2 or doc[end - 1].lower_ not in EVENT_HEADS:
            continue
        if doc[start].lower_ == "the":
            start += 1
        while end + 1 < len(doc) and doc[end].lower_ == "of" and capital_word(doc[end + 1]) \
                and "\n" not in doc[end].whitespace_:
            end += 2
        inside = [e for e in out if e.start < end and start < e.end]
        first = start - 1 if start > 0 and doc[start - 1].lower_ == "the" else start  # "the British Masters"
        if end - start < 2 or any(e.start < first or e.end > end for e in inside) \
                or any(e.label_ == "EVENT" and (e.start, e.end) == (start, end) for e in inside):
            continue
        out = [e for e in out if e not in inside] + [Span(doc, start, end, label="EVENT")]
    return sorted(out, key=lambda e: e.start)


def _capital_runs(doc: Doc) -> list[tuple[int, int]]:
    """Maximal runs of capitalized words on one line (lines all in capitals are left: every word of a
    headline has a name's shape there)."""
    runs, start = [], None
    for t in doc:
        if start is not None and (not capital_word(t) or "\n" in doc[t.i - 1].whitespace_):
            runs.append((start, t.i))
            start = None
        if start is None and capital_word(t):
            start = t.i
    if start is not None:
        runs.append((start, len(doc)))
    return [(a, b) for a, b in runs if not all(t.is_upper for t in doc[a:b] if t.is_alpha)]


def capital_word(t: Token) -> bool:
    """A capitalized word, abbreviations and hyphenated words too ("U.S.", "Baden-Baden")."""
    return t.text[:1].isupper() and t.text.replace(".", "").replace("-", "").isalpha()


# Labels a nationality standing alone may have been given by the small model ("Dutchman" GPE).
NOT_NATIONAL = frozenset({"GPE", "LOC", "ORG", "PERSON", "FAC"})
# Labels of a name over a nationality and a person's name ("Namibian Frankie Fredericks" WORK_OF_ART).
HOSTS = frozenset({"PERSON", "NORP", "WORK_OF_ART"})


def _nationals(doc: Doc, ents: list[Span]) -> list[Span]:
    """Nationalities as CoNLL marks them (MISC; our NORP): a nationality before the name of a person
    ("Spaniard Carlos Costa" one PERSON, "Namibian Frankie Fredericks" one NORP, "Kenyan Moses Kiptanui"
    with only "Kiptanui" found) is a NORP name and the person's name a PERSON; a nationality the model
    read as a place or a person on its own ("Dutchman" GPE) is NORP, and one it missed is added when no
    capitalized word follows. A name that holds the nationality as its first word with another label
    ("British Airways" ORG, "Czech Republic" GPE) is left."""
    from spacy.tokens import Span

    forms, firsts = national_forms(), national_first_words()
    words = [t.text for t in doc]  # read once: a Token is made anew on every access
    out = list(ents)
    i = 0
    while i < len(words):
        n = 0 if words[i] not in firsts else next(
            (n for n in (3, 2, 1) if i + n <= len(words) and tuple(words[i:i + n]) in forms
             and "\n" not in doc[i:i + n].text), 0)
        if not n:
            i += 1
            continue
        end = i + n
        over = [e for e in out if e.start < end and i < e.end]
        if not any(e.start < i or (e.end > end and e.label_ not in HOSTS) for e in over):
            person = _person_after(doc, out, i, end)
            if person is not None:
                out = [e for e in out if not (e.start < person and i < e.end)]
                out += [Span(doc, i, end, label="NORP"), Span(doc, end, person, label="PERSON")]
            elif any((e.start, e.end) == (i, end) and e.label_ in NOT_NATIONAL for e in over) or (
                    not over and not _name_follows(doc, end)):
                out = [e for e in out if e not in over] + [Span(doc, i, end, label="NORP")]
        i = end
    return sorted(out, key=lambda e: e.start)


def _person_after(doc: Doc, ents: list[Span], start: int, end: int) -> int | None:
    """The end of a person's name right after the nationality ``start:end``: one to three capitalized
    words on its line, no office or institution word and no nationality among them ("Palestinian
    President Yasser Arafat" is left to the office rules, "Bosnian Serb" is one nationality), over which
    the model read a person (or one name over both), or whose last word ends a person's name elsewhere."""
    stop = end
    while stop < len(doc) and stop - end < 4 and capital_word(doc[stop]) and doc[stop].text[1:2] != "." \
            and "\n" not in doc[stop - 1].whitespace_:
        stop += 1
    if not 1 <= stop - end <= 3 or _name_follows(doc, stop):
        return None
    if any(t.lower_ in office_words() or t.lower_ in institution_words() or t.lower_ in EVENT_HEADS
           or not t.is_title or (t.text,) in national_forms() for t in doc[end:stop]):
        return None
    over = [e for e in ents if e.start < stop and end < e.end or e.start <= start < e.end]
    if any(e.label_ not in HOSTS or e.start < start or e.end > stop for e in over):
        return None
    if any(e.label_ not in ("PERSON", "NORP") and stop - end < 2 for e in over):
        return None  # "French Revolution": one word after a nationality in a work's or an event's name
    persons = [e for e in over if e.label_ == "PERSON" or e.start == start and e.end > end]
    surname = doc[stop - 1].text
    return stop if persons or any(e.label_ == "PERSON" and doc[e.end - 1].text == surname for e in ents) else None


def _name_follows(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a capitalized word on the line of the token before it."""
    return i < len(doc) and capital_word(doc[i]) and "\n" not in doc[i - 1].whitespace_


@lru_cache(maxsize=1)
def national_first_words() -> frozenset[str]:
    """The first words of the nationalities' forms (a token that is none starts none)."""
    return frozenset(form[0] for form in national_forms())


@lru_cache(maxsize=1)
def national_forms() -> frozenset[tuple[str, ...]]:
    """Nationalities by their words: the states' demonyms ("Swedish", "Swedes") and their singular
    nouns ("Swede", "Spaniard"), and ``data/actors/nationals.tsv`` ("Kurdish", "Dutchman"); none
    that is also a state's name ("Saudi")."""
    from .work import state_rows

    rows = state_rows().values()
    names = {n for row in rows for n in (*row.names, *row.iso_names)}
    demonyms = {d for row in rows for d in row.demonyms}
    singular = {d[:-1] for d in demonyms if d.endswith("s") and not d.endswith(("ss", "is", "ois"))}
    return frozenset(tuple(f.split()) for f in demonyms | singular | nationals() if f not in names)


@lru_cache(maxsize=1)
def office_words() -> frozenset[str]:
    """The words of the offices a person holds ("president", "prime", "minister"; ``sectors.tsv``)."""
    return frozenset(w for term in sector_terms() if term.kind == "person" for w in term.term.lower().split())


# Forms of address and ranks written before a name: CoNLL's names leave them out, as they do offices.
HONORIFICS = frozenset("mr mrs ms miss dr prof professor lt-gen maj-gen brig-gen lt-col lt maj capt sgt cpl "
                       "gen col adm".split())


def _untitled(ents: list[Span]) -> list[Span]:
    """PERSON names without the titles the model took in at their start ("Mrs Ogata" -> "Ogata")."""
    from spacy.tokens import Span

    out = []
    for e in ents:
        start, doc = e.start, e.doc
        while e.label_ == "PERSON" and start < e.end - 1 and _title_word(doc[start]):
            if start < e.end - 3 and doc[start + 1].text == "-" and _title_word(doc[start + 2]):
                start += 2  # "Lt-Gen", cut in three by the tokenizer
            elif capital_word(doc[start + 1]):
                start += 1
            else:
                break
        out.append(e if start == e.start else Span(e.doc, start, e.end, label="PERSON"))
    return out


def _title_word(t: Token) -> bool:
    word = t.lower_.rstrip(".")
    return word in HONORIFICS or word in office_words() and t.text[:1].isupper()


# The nouns of a news outlet: a name right after one ("the daily Hurriyet") or right before one
# ("Tanjug news agency", "Xinhua news agency") names the outlet, an organization.
OUTLET_BEFORE = frozenset({"daily", "newspaper", "weekly", "magazine", "paper", "tabloid"})
OUTLET_TAILS = frozenset({"news agency", "agency", "newspaper", "daily", "news", "radio", "television", "tv",
                          "magazine", "weekly", "press agency", "state news agency"})


def _outlets(ents: list[Span]) -> list[Span]:
    """A name the model read as a person or a place that an outlet's noun stands next to is the outlet's
    name: ORG. A NORP stays one ("the Turkish newspaper Milliyet"; "Anatolian news agency", which our
    fixtures mark both ways)."""
    from spacy.tokens import Span

    out = []
    for e in ents:
        doc = e.doc
        before = doc[e.start - 1].lower_ if e.start > 0 else ""
        after = " ".join(t.lower_ for t in doc[e.end:e.end + 2])
        named_before = after.split(" ")[0] in ("agency", "newspaper") or after == "news agency"
        if e.label_ in ("PERSON", "GPE", "LOC") and _named(e) and (before in OUTLET_BEFORE or named_before):
            out.append(Span(doc, e.start, e.end, label="ORG"))
        else:
            out.append(e)
    return out

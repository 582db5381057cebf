"""Acronyms a text defines: "the Northern Liberation Front (NLF)", then "the NLF said".

News introduces an organization once by its full name with its acronym in brackets and then uses
the acronym alone. spaCy tags the later acronym as a name of its own (uncoded), and a table may know
the same letters as another body (ADF is also Uganda's Allied Democratic Forces). Within the
document the text's own definition wins:

- ``defined``: each "Full Name (ACR)" whose capitalized words' initials spell the acronym (the
  small words "of", "for", "the", "and" … may count or not: "Movement for Democratic Change (MDC)");
- ``foreign_readings``: the table readings of a defined acronym that name something else than the
  definition, which ``identify`` drops before resolving names;
- ``link``: once every name is read, the full name's entity (one mention over it, read by its head
  word when no rule took it whole) and every later use of the acronym as a mention of it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...types import Entity, Mention
from . import institutions
from .lexicon import Match
from .work import Work

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Small words inside a full name that an acronym may leave out ("Movement for Democratic Change").
SMALL = frozenset({"of", "for", "the", "and", "de", "del", "des", "du", "la", "le", "el", "al", "in", "&"})
# Kinds of entity a full name keeps nested inside the new mention (a state or place it is named after).
NESTED = frozenset({"state", "place"})
MAX_WORDS = 8


@dataclass(frozen=True)
class Definition:
    """A full name (tokens ``start:end``) and the acronym defined for it in brackets after it."""

    start: int
    end: int
    acronym: str


def _is_acronym(text: str) -> bool:
    letters = text.replace("-", "")
    return 2 <= len(letters) <= 8 and letters.isalnum() and letters.isupper() and letters[0].isalpha()


def defined(doc: Doc) -> list[Definition]:
    """Every "Full Name (ACR)" of the document whose initials spell the acronym."""
    out = []
    for t in doc:
        i = t.i
        if t.text != "(" or i + 2 >= len(doc) or doc[i + 2].text != ")" or not _is_acronym(doc[i + 1].text):
            continue
        start = _full_name_start(doc, i, doc[i + 1].text.replace("-", ""))
        if start is not None:
            out.append(Definition(start, i, doc[i + 1].text))
    return out


def _full_name_start(doc: Doc, end: int, acronym: str) -> int | None:
    """The first token of the shortest run of capitalized words (small words allowed inside) ending
    before token ``end`` whose initials spell ``acronym``."""
    j = end
    while j > 0 and end - j < MAX_WORDS:
        t = doc[j - 1]
        if not (t.is_title or t.is_upper or t.lower_ in SMALL) or not (t.is_alpha or t.text == "&"):
            break
        j -= 1
        if doc[j].lower_ in SMALL:
            continue
        words = [w for w in doc[j:end] if w.text != "&"]
        content = "".join(w.text[0] for w in words if w.lower_ not in SMALL).upper()
        every = "".join(w.text[0] for w in words).upper()
        if acronym.upper() in (content, every):
            return j
    return None


def foreign_readings(w: Work, names: list[Match], definitions: list[Definition]) -> list[Match]:
    """``names`` without table readings of a defined acronym whose table names are not the full name
    the text gives ("Ambazonia Defence Forces (ADF)" is not the table's Allied Democratic Forces; the
    Portuguese "Exército de Libertação Nacional (ELN)" is its Spanish alias, ``_same_name``)."""
    doc = w.doc
    full = {d.acronym: doc[d.start:d.end].text for d in definitions}
    kept = []
    for m in names:
        form = doc[m.start:m.end].text
        entry = m.item.entry
        if form in full and entry is not None \
                and not any(_same_name(full[form], n) for n in (entry.name, *entry.aliases)):
            continue
        kept.append(m)
    return kept


def _stems(name: str) -> list[str]:
    """The content words of a name, without accents, cut to their first four letters."""
    plain = unicodedata.normalize("NFKD", name.casefold()).encode("ascii", "ignore").decode()
    return [word[:4] for word in re.findall(r"[a-z0-9]+", plain) if word not in SMALL]


def _same_name(full: str, known: str) -> bool:
    """Whether a full name and a table's name are one name, spelled alike or translated alike: at
    least half the full name's words begin as a word of the table's name does."""
    words, other = _stems(full), set(_stems(known))
    return bool(words) and 2 * sum(word in other for word in words) >= len(words)


def link(w: Work, definitions: list[Definition], in_focus: str | None, armed_home: str | None) -> None:
    """The full name's entity for every definition, and each later acronym as a mention of it."""
    for d in definitions:
        known = _table_reading(w, d)
        key = _full_name(w, d, in_focus, armed_home, known)
        if key is None or key == known:
            continue
        for t in w.doc[d.end + 1:]:
            if t.text == d.acronym:
                _acronym_mention(w, t.i, key, d)


def _table_reading(w: Work, d: Definition) -> str | None:
    """The entity key of a table entry the defined acronym is read as (kept by ``foreign_readings``
    because its table names are the full name)."""
    doc = w.doc
    uses = {t.idx for t in doc[d.end + 1:] if t.text == d.acronym}
    return next((m.entity for m in w.mentions if m.start in uses and (m.entity or "").startswith("entry:")), None)


def _full_name(w: Work, d: Definition, in_focus: str | None, armed_home: str | None,
               known: str | None) -> str | None:
    """The entity key of the full name: of the mention over it (a leading "the" aside; taken as the
    table's entry when the acronym is one, ``known``), else of a new mention read by its head word
    (the mentions of its words dropped, a state or place in it kept)."""
    doc = w.doc
    span = doc[d.start:d.end]
    for m in w.mentions:
        if m.entity and m.end == span.end_char and m.start in (span.start_char, _the_before(doc, d.start)):
            if known is not None and not m.entity.startswith("entry:"):
                m.entity = known  # "Exército de Libertação Nacional (ELN)": the table's ELN
            return m.entity
    inside = [m for m in w.mentions if span.start_char <= m.start and m.end <= span.end_char]
    if any(w.entities.get(m.entity or "") is not None and w.entities[m.entity or ""].kind == "person"
           for m in inside):
        return None  # a person's name with initials is no organization
    for m in inside:
        ent = w.entities.get(m.entity or "")
        if ent is None or ent.kind not in NESTED:
            w.mentions.remove(m)
    why = f"full name defined for {d.acronym!r}"
    if known is not None:
        w.mention(d.start, d.end, "ORG", known, f"{why}, which the tables know")
        return known
    headed = institutions.by_head_word(span, _named_state(w, inside), in_focus, armed_home)
    kind, code, sector, how = headed if headed is not None else ("organization", None, None, "no head word")
    key = f"acronym:{d.acronym}:{span.text.casefold()}"
    why = f"{why}; {how}"
    w.entity(key, Entity("", span.text, kind, code, sector, why=why))
    w.mention(d.start, d.end, "ORG", key, why)
    return key


def _the_before(doc: Doc, start: int) -> int:
    return doc[start - 1].idx if start > 0 and doc[start - 1].lower_ == "the" else -1


def _named_state(w: Work, inside: list[Mention]) -> str | None:
    """The code of a state or place named inside the full name ("Sudan Liberation Army"), if any."""
    for m in inside:
        ent = w.entities.get(m.entity or "")
        if ent is not None and ent.kind in NESTED and ent.code:
            return ent.code
    return None


def _acronym_mention(w: Work, i: int, key: str, d: Definition) -> None:
    """The acronym at token ``i`` as a mention of the full name's entity: a mention exactly over it
    (or over it and a possessive) is relinked, an unclaimed token gets one."""
    t = w.doc[i]
    why = f"acronym {d.acronym!r} defined in the text for {w.entities[key].name!r}"
    found = next((m for m in w.mentions
                  if m.start == t.idx and m.end in (t.idx + len(t.text), t.idx + len(t.text) + 2)), None)
    if found is not None:
        found.entity, found.why = key, why
    elif i not in w.claimed:
        found = w.mention(i, i + 1, "ORG", key, why)
    else:
        return
    after = next((m for m in w.mentions if m.start == t.idx + len(t.text) + 1 and m.label == "NORP"
                  and (m.entity or "").startswith("group:") and t.whitespace_), None)
    if after is not None:  # "12 NLF fighters": the group itself, as "M23 rebels" is
        w.mentions.remove(after)
        found.end, found.text = after.end, w.doc.text[found.start:after.end]

"""One name, one reading per document: occurrences of a name spaCy tagged elsewhere but not here.

spaCy's statistical NER decides every occurrence from its own context, so a company or person it
tags once ("Ryanair said …") may go untagged three sentences later ("… than Ryanair"). Within one
news article a capitalized name nearly always names the same thing each time, so an untagged
occurrence of a name spaCy tagged (and the ``actors`` passes turned into an entity of spaCy's
reading) is a mention of that same entity. Only exact, case-sensitive token sequences count, never
inside another spaCy name or a mention already made, and never a name that is a common word when
lowercased at the start of a sentence ("Will", "March").

``slashed`` joins two names of one side written as one ("Congo River Alliance/March 23 Movement").

``vote`` does the same for labels: a name spaCy tags ORG twice and GPE once in one article ("Cisco")
takes the majority label (and entity) at every occurrence; a tie changes nothing.
"""

from __future__ import annotations

from collections import Counter

from ...types import Mention
from .work import Work

# spaCy labels whose names are propagated (the actor and place labels the component keeps).
LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})


def propagate(w: Work) -> None:
    """Add a mention for each untagged occurrence of a name made an entity from spaCy's reading."""
    doc = w.doc
    names: dict[tuple[str, ...], tuple[str, str]] = {}
    for ent in doc.ents:
        key = f"spacy:{ent.label_}:{ent.text.casefold()}"
        words = tuple(t.text for t in ent)
        if ent.label_ in LABELS and key in w.entities and _name_like(words):
            names.setdefault(words, (key, ent.label_))
    if not names:
        return
    lengths: dict[str, list[int]] = {}  # first word → lengths of the names it begins, longest first
    for words in names:
        lengths.setdefault(words[0], []).append(len(words))
    texts = [t.text for t in doc]
    i = 0
    while i < len(doc):
        hit = next(((n, names[tuple(texts[i:i + n])]) for n in sorted(lengths.get(texts[i], ()), reverse=True)
                    if tuple(texts[i:i + n]) in names), None)
        if hit is None:
            i += 1
            continue
        n, (key, label) = hit
        if _untagged(w, i, i + n) and not (n == 1 and doc[i].is_sent_start and doc[i].is_stop):
            start, end, text = w.chars(i, i + n)
            w.mentions.append(Mention(start, end, text, label, key, False,
                                      f"same name as spaCy's {label} elsewhere in the document"))
            w.claimed.update(range(i, i + n))
        i += n


def _name_like(words: tuple[str, ...]) -> bool:
    """A name to propagate: capitalized at both ends, more than one letter, not a lone stop word."""
    return bool(words) and words[0][:1].isupper() and words[-1][:1].isupper() and len("".join(words)) > 2


def _untagged(w: Work, start: int, end: int) -> bool:
    """Whether tokens ``start:end`` are outside every spaCy name and every mention."""
    doc = w.doc
    if not w.free(start, end) or any(doc[k].ent_iob_ != "O" for k in range(start, end)):
        return False
    before = start > 0 and doc[start - 1].is_alpha and doc[start - 1].is_title and not doc[start - 1].is_sent_start
    after = end < len(doc) and doc[end].is_alpha and doc[end].is_title
    return not (before or after)  # a word of a longer name ("Ryanair Holdings") is not the name


def vote(w: Work) -> None:
    """Give every occurrence of a name spaCy read under several labels the label most of them have."""
    by_name: dict[str, list[Mention]] = {}
    for m in w.mentions:
        key = m.entity or ""
        if key.startswith("spacy:") and key.split(":", 2)[1] in LABELS:
            by_name.setdefault(m.text, []).append(m)
    for mentions in by_name.values():
        votes = Counter(m.label for m in mentions)
        if len(votes) < 2:
            continue
        (first, n1), (_, n2) = votes.most_common(2)
        if n1 == n2:
            continue
        winner = next(m.entity for m in mentions if m.label == first)
        for m in mentions:
            if m.label != first:
                m.label, m.entity = first, winner
                m.why = f"{m.why}; {first} by {n1} of {sum(votes.values())} occurrences of the name"


# Kinds of entity two names joined by a slash may have to be read as one ("AFC/M23").
SIDE_KINDS = frozenset({"armed_group", "organization", "igo"})


def slashed(w: Work) -> None:
    """"Congo River Alliance/March 23 Movement", "AFC/M23": two named actors of one code written
    with a slash and no space are one mention over both, of the first one's entity (both stay)."""
    text = w.doc.text
    ends = {m.end: m for m in w.mentions if m.entity in w.entities}
    for m in list(w.mentions):
        first = ends.get(m.start - 1)
        if first is None or text[m.start - 1] != "/" or m.entity not in w.entities:
            continue
        a, b = w.entities[first.entity or ""], w.entities[m.entity or ""]
        if a.kind in SIDE_KINDS and b.kind in SIDE_KINDS and a.code and a.code == b.code:
            why = f"{first.text!r} and {m.text!r} written as one name"
            w.mentions.append(Mention(first.start, m.end, text[first.start:m.end], first.label, first.entity,
                                      False, why))

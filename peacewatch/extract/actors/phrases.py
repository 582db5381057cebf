"""The phrase around an unnamed collective: its modifiers, where it is, and what of it acts.

A collective noun in the text is rarely alone: "other militants", "medical officials in Gaza",
"the people of Barrancas", "the guerrilla delegation". This module reads those words around a
sector term so that ``focus`` can give the whole phrase one mention and the right code:

- ``left_start``: lowercase modifiers before the noun ("other", "armed", "medical", "displaced",
  "community") belong to the mention;
- ``located``: "of <place or state>" after a civilian or official collective names whose it is (the
  mention runs over it: "people of Barrancas"), "in <place or state>" where it is (the code only:
  "medical officials in Gaza", "a police academy in Bogota"); never for troops, armed groups or the
  held (hostages, prisoners), who are often where they are not from;
- ``institution_after``: an armed collective followed by an institution noun ("guerrilla
  delegation", "rebel leadership") is that institution of the armed side.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...types import Entity, Mention
from .datelines import is_dateline
from .lexicon import TermMatch
from .work import Work

# Dependency labels of a modifier that belongs to the collective's mention.
MODIFIERS = frozenset({"amod", "compound", "nmod", "advmod"})
# Parts of speech a lowercase modifier may have ("other" is ADJ, "armed" VERB or ADJ).
MODIFIER_POS = frozenset({"ADJ", "NOUN", "VERB", "PROPN"})
# Collectives that are often held or stationed where they are not from: no code from where they are.
DISPLACED = frozenset({"hostages", "hostage", "prisoners", "prisoner", "detainees", "captives", "refugees",
                       "displaced people", "displaced families", "peacekeepers", "migrants", "asylum seekers"})
# Sectors of collectives that belong to a place they are in (officials, civilians, medics, aid workers).
LOCAL_SECTORS = frozenset({"GOV", "CVL", "MED", "EDU", "LAB", "REL", "BUS", "LEG", "JUD", "COP"})
# Kinds of entity whose code says where a collective is or whose it is.
PLACE_KINDS = frozenset({"state", "place"})


@dataclass(frozen=True)
class Located:
    """A place after a collective: its code, the token the mention may end at, and how it was read."""

    code: str
    end: int
    why: str


# What a state does to an armed group it backs from outside: "Rwandan-backed rebels" are not Rwanda's
# own (the coding guide codes a non-state armed group by the state it fights in).
BACKING = frozenset({"backed", "sponsored", "supported", "funded", "armed", "allied"})


def backer_start(w: Work, start: int) -> int:
    """The start of "X-backed" before an armed collective that starts (with its modifiers) at
    ``start``, so one mention runs over "Nigerian-backed militia"; else ``start``."""
    doc = w.doc
    if start < 2 or doc[start].lower_ not in BACKING or doc[start - 1].text != "-":
        return start
    end_char = doc[start - 2].idx + len(doc[start - 2])
    backer = next((m for m in w.mentions if m.end == end_char), None)
    span = doc.char_span(backer.start, backer.end) if backer is not None else None
    return span.start if span is not None else start


# spaCy labels of names a capitalized collective noun may be a word of ("People's Progressive Party").
NAME_LABELS = frozenset({"ORG", "FAC", "WORK_OF_ART", "LAW", "EVENT"})


def in_a_name(w: Work, tm: TermMatch) -> bool:
    """Whether a capitalized collective noun, not opening its sentence, is a word of a spaCy
    organization (or other) name that runs on past it: "the People's Progressive Party" is a party,
    not people ("Ukrainian Armed Forces", a headline's "… Say Officials" end in the noun: not these)."""
    doc = w.doc
    first = doc[tm.start]
    if tm.term.kind != "group" or not first.is_title or first.is_sent_start or first.ent_type_ not in NAME_LABELS:
        return False
    ent = next((e for e in doc.ents if e.start <= tm.start < e.end), None)
    return ent is not None and ent.end > tm.end


def left_start(w: Work, start: int, end: int) -> int:
    """The first token of the collective ``start:end`` with its lowercase modifiers ("other armed
    groups", "medical officials"); never past a determiner, number, name or claimed token."""
    doc, j = w.doc, start
    while j > 0 and start - j < 3:
        t = doc[j - 1]
        lower = t.is_lower or (t.is_sent_start and t.is_title)  # "Other militants" opening a sentence
        if (t.i in w.claimed or not lower or not t.is_alpha or t.pos_ not in MODIFIER_POS
                or t.dep_ not in MODIFIERS or not start <= t.head.i < end + 2):
            break
        j -= 1
    return j


def located(w: Work, tm: TermMatch) -> Located | None:
    """The place or state named right after a civilian or official collective: "of X" (whose it is;
    the mention may run over it) or "in X" (where it is; the mention stays)."""
    term = tm.term
    if term.sector not in LOCAL_SECTORS or term.term in DISPLACED or term.kind not in ("group", "organization"):
        return None
    doc = w.doc
    if tm.end + 1 >= len(doc) or doc[tm.end].lower_ not in ("of", "in"):
        return None
    mention = _place_at(w, tm.end + 1)
    if mention is None:
        return None
    code = w.entities[mention.entity or ""].code or ""
    if doc[tm.end].lower_ == "of":
        last = next((t.i for t in doc[tm.end + 1:] if t.idx >= mention.end), len(doc))
        return Located(code, last, f"of {mention.text!r}")
    return Located(code, tm.end, f"in {mention.text!r}")


# Sectors of non-state armed collectives: they fight where they are (the coding guide's rule).
ARMED_SECTORS = frozenset({"REB", "PRM"})


def armed_located(w: Work, tm: TermMatch) -> Located | None:
    """The place or state an unnamed armed collective is "in" ("the separatists in Karabakh"): a
    non-state armed group is coded with the state it fights in; the mention stays on the collective."""
    return placed_after(w, tm.end) if tm.term.sector in ARMED_SECTORS else None


# Sectors of collectives that fight: forces from a region are that region's ("fighters from Tigray").
FIGHTING_SECTORS = frozenset({"MIL", "REB", "PRM"})


def from_region(w: Work, tm: TermMatch) -> Located | None:
    """A region (not a state) an unnamed fighting collective comes "from": "forces from Tigray",
    "fighters from Amhara" are the region's own, as "Tigrayan forces" are; the mention runs over it."""
    doc = w.doc
    if tm.term.sector not in FIGHTING_SECTORS or tm.term.kind != "group" or tm.end + 1 >= len(doc) \
            or doc[tm.end].lower_ != "from":
        return None
    mention = _place_at(w, tm.end + 1)
    if mention is None or w.entities[mention.entity or ""].kind != "place":
        return None
    last = next((t.i for t in doc[tm.end + 1:] if t.idx >= mention.end), len(doc))
    return Located(w.entities[mention.entity or ""].code or "", last, f"from the region {mention.text!r}")


def loyal_collectives(w: Work) -> None:
    """'fighters loyal to X', 'troops loyal to the government': a collective's mention runs over
    "loyal to" and X's mention, and takes X's code; X's armed sector (an armed group, a rebel leader)
    makes it REB, else the noun's sector stays. Runs once every name is read (X may be a name spaCy
    alone tags)."""
    doc = w.doc
    for m in list(w.mentions):
        ent = w.entities.get(m.entity or "")
        if ent is None or ent.kind not in COLLECTIVE_KINDS or ent.members or m.label != "NORP":
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        lord = _loyal_to(w, span.end) if span is not None else None
        if lord is None or lord.entity is None:
            continue
        boss = w.entities[lord.entity]
        sector = boss.sector if boss.sector in ARMED_SECTORS else ent.sector
        kind = "armed_group" if sector in ARMED_SECTORS else "group"
        text = doc.text[m.start:lord.end]
        key = f"loyal:{lord.entity}:{sector}:{ent.name.casefold()}"
        why = f"{text!r}: the collective of {lord.text!r} ({boss.code}), sector {sector}"
        w.entity(key, Entity("", text, kind, boss.code, sector, why=why))
        m.end, m.text, m.entity, m.why = lord.end, text, key, why


def _loyal_to(w: Work, k: int) -> Mention | None:
    """The coded mention of an actor right after "loyal to" at token ``k`` (the longest starting
    there, "the" included or not)."""
    doc = w.doc
    if k + 2 >= len(doc) or doc[k].lower_ != "loyal" or doc[k + 1].lower_ != "to":
        return None
    starts = {doc[k + 2].idx} | ({doc[k + 3].idx} if doc[k + 2].lower_ == "the" and k + 3 < len(doc) else set())
    found = [m for m in w.mentions if m.start in starts and m.entity and w.entities[m.entity].code
             and m.label != "NORP"]  # a collective's modifier ("loyal to rebel commander X") is no lord
    return max(found, key=lambda m: m.end - m.start, default=None)


def _place_at(w: Work, k: int) -> Mention | None:
    """The mention of a coded place or state starting at token ``k`` (after an optional 'the')."""
    doc = w.doc
    if k < len(doc) - 1 and doc[k].lower_ == "the":
        k += 1
    idx = doc[k].idx
    found = None
    for m in w.mentions:
        ent = w.entities.get(m.entity or "")
        if m.start == idx and ent is not None and ent.kind in PLACE_KINDS and ent.code and \
                not is_dateline(m):
            found = m
            break
    if found is not None and any(m.start == idx and m.end > found.end for m in w.mentions):
        return None  # "families of Israeli hostages": the demonym only modifies a longer mention
    return found


def collective_after(w: Work, tm: TermMatch) -> TermMatch | None:
    """The group noun right after an armed collective ("rebel fighters", "militia commanders")."""
    nxt = w.terms.get(tm.end)
    if nxt is None or nxt.term.kind != "group" or not w.free(nxt.start, nxt.end):
        return None
    return nxt


def institution_after(w: Work, tm: TermMatch) -> TermMatch | None:
    """The institution noun right after an armed collective ("guerrilla delegation")."""
    nxt = w.terms.get(tm.end)
    if nxt is None or nxt.term.kind != "organization" or not w.free(nxt.start, nxt.end):
        return None
    return nxt


# Prepositions after which a coded place says where a people or collective lives or comes from.
WHERE = frozenset({"in", "from"})
# Kinds of entity whose mention may run over "in <place>": peoples and collectives, not institutions.
COLLECTIVE_KINDS = frozenset({"group", "armed_group"})


def over_places(w: Work) -> None:
    """A people or collective named with where it lives or comes from, in another state than its own,
    is one phrase ("Serbs in Kosovo", "the Serb community in northern Kosovo"): its mention runs over
    "in" / "from", a "the" and up to two lowercase modifiers, and the coded place, whose own mention
    stays inside; the collective keeps its own code (the place says where, not whose). Where the
    place is its own ("civilians in Gaza"), or the collective has no code, the mention stays as it was."""
    doc = w.doc
    starts = {m.start: m for m in w.mentions if _is_place(w, m)}
    for m in w.mentions:
        ent = w.entities.get(m.entity or "")
        if ent is None or ent.kind not in COLLECTIVE_KINDS or ent.members or m.label != "NORP" or not ent.code:
            continue  # an uncoded collective ("Rebels in the Ivory Coast") leaves the place's code on its own
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        k = span.end if span is not None else len(doc)
        if k >= len(doc) - 1 or doc[k].lower_ not in WHERE:
            continue
        j = k + 1 + (doc[k + 1].lower_ == "the")
        while j < min(k + 4, len(doc)) and doc[j].is_lower and doc[j].pos_ == "ADJ":
            j += 1
        place = starts.get(doc[j].idx) if j < len(doc) else None
        if place is not None and w.entities[place.entity or ""].code != ent.code:
            m.end, m.text = place.end, doc.text[m.start:place.end]


def _is_place(w: Work, m: Mention) -> bool:
    ent = w.entities.get(m.entity or "")
    return ent is not None and ent.kind in PLACE_KINDS and bool(ent.code) and not is_dateline(m)



# Words an institution's name runs on with ("Ministry of Foreign and Diaspora Affairs", "of the Interior").
TAIL_JOINING = frozenset({"and", "the", "&"})  # "the" only right after "of"
# Capitalized words that start a person's name or title, not a name's tail ("… Affairs H E Dr. …").
NOT_TAIL = frozenset({"h", "he", "h.e.", "h.e", "dr", "dr.", "mr", "mr.", "mrs", "ms", "sheikh", "minister"})


def name_tail(w: Work, end: int) -> int:
    """The end of a capitalized institution noun's name after its "of …" ("Qatari Ministry" + "of
    Foreign Affairs", "Kenyan Ministry" + "of the Interior"): capitalized words (with "and", "the"
    between them) up to the first other word, stopping at a state or place mention ("of Qatar" names
    whose it is, which the caller already knows) and at a person's title; ``end`` when there is none."""
    doc = w.doc
    if end + 1 >= len(doc) or doc[end].lower_ != "of" or not doc[end - 1].is_title:
        return end
    last, k = end, end + 1
    named = {m.start for m in w.names}
    while k < len(doc):
        t = doc[k]
        if t.lower_ in NOT_TAIL or t.ent_type_ in ("GPE", "PERSON", "NORP") or k in w.claimed or k in named:
            break
        if t.is_title or t.is_upper and t.is_alpha:
            last = k + 1
        elif t.lower_ not in TAIL_JOINING or (t.lower_ == "the" and k != end + 1):
            break  # "of the Interior"; not "… of Defence and the Kenyan Ministry …"
        k += 1
    return last


def placed_after(w: Work, end: int) -> Located | None:
    """The coded place or state right after a name or collective ending at token ``end``, "in X" ("the
    Ministry of Foreign Affairs in Doha", "Sheba Medical Center in Ramat Gan", "the separatists in
    Karabakh"): where it is; the mention stays where it ends."""
    doc = w.doc
    if end + 1 >= len(doc) or doc[end].lower_ != "in":
        return None
    mention = _place_at(w, end + 1)
    if mention is None:
        return None
    return Located(w.entities[mention.entity or ""].code or "", end, f"in {mention.text!r}")

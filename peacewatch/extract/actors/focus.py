"""The unnamed actors that stand for the sides a document is about.

News about a conflict names its state and its armed group many times and then says "the government",
"the rebels", "civilians", "the ministry" without naming them again. The state in focus and the side
in focus are found by ``sides.find``; this module resolves to them: "the government" / "the
authorities" with no state (the state itself); unnamed collectives with no state ("separatists",
"the rebels", "civilians", "hostages") to the side in focus (sector from ``sectors.tsv``), officials
to the state in focus, protesters and residents to it when no armed group is named; "the army", "the
police", "the parliament" with no state and no earlier name to an organization of the state in
focus; and a titled person with no country ("then-president Juan Manuel Santos") to the state in
focus (the persons' passes are ``focus_persons``). Every ``why`` says "in focus". A collective of or
in a named place takes that place's code instead, and institutions in a place are that place's
(``phrases``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...types import Entity, Mention
from . import phrases
from .focus_persons import appositions, stateless_persons
from .lexicon import TermMatch
from .sides import ARMED, STATE_SECTORS, Focus, find
from .work import Work

if TYPE_CHECKING:
    from spacy.tokens import Token

# Government nouns that, with "the" and no state, are the state in focus.
GOVERNMENT = frozenset({"government", "authorities", "administration", "regime", "leadership", "cabinet", "junta"})


def resolve_unnamed(w: Work) -> Focus:
    """All the passes of this module, in order, on one document; returns what is in focus."""
    focus = find(w)
    the_government(w, focus)
    collectives(w, focus)
    placed_institutions(w)
    stateless_persons(w, focus)
    appositions(w, focus)
    return focus


def the_government(w: Work, focus: Focus) -> None:
    """'the government', 'the authorities', 'the federal government' with no state → the state in focus
    (else the only state named)."""
    code = focus.government()
    if code is None:
        return
    doc = w.doc
    for i, tm in sorted(w.terms.items()):
        if tm.term.term not in GOVERNMENT or not w.free(tm.start, tm.end):
            continue
        start = _definite_start(w, i)
        if start is None or _government_forces(w, tm.end) is not None:
            continue  # "the government forces" are the state's forces (``collectives``)
        key = w.state(code, f"state in focus: {focus.why}")
        text = doc[start:tm.end].text
        w.mention(start, tm.end, "ORG", key, f"{text!r} with no state named → {focus.why}")
        _government_s(w, tm.end, code, doc[start].idx)


def _government_s(w: Work, k: int, code: str, start: int) -> None:
    """"the government's negotiating delegation": the institution the government's possessive names,
    an organization of the state in focus (one mention over the whole phrase)."""
    doc = w.doc
    if k >= len(doc) or doc[k].text not in ("'s", "\u2019s"):
        return
    for j in range(k + 1, min(k + 4, len(doc))):
        tm = w.terms.get(j)
        if tm is not None and tm.term.kind in ("organization", "group") and w.free(tm.start, tm.end):
            end = doc[tm.end - 1].idx + len(doc[tm.end - 1])
            text = doc.text[start:end]
            key = f"group:{code}:{tm.term.sector}:{tm.term.term}"
            why = f"{text!r}: the {tm.term.term!r} of the government in focus ({code})"
            w.entity(key, Entity("", text, tm.term.kind, code, tm.term.sector, why=why))
            w.mentions.append(Mention(start, end, text, "ORG", key, False, why))
            w.claimed.update(range(k, tm.end))
            return
        if not doc[j].is_lower:
            return


def _definite_start(w: Work, i: int) -> int | None:
    """Start of 'the [federal|national|…] government' ending at token ``i`` (``None`` without 'the')."""
    doc, j = w.doc, i - 1
    while j >= 0 and i - j <= 3 and doc[j].pos_ == "ADJ" and not doc[j].is_title:
        j -= 1
    if j >= 0 and doc[j].lower_ in ("the", "this", "that") and w.free(j, i):
        return j
    return None


def collectives(w: Work, focus: Focus) -> None:
    """Unnamed collectives with no state: armed ones to the side in focus, civilians to the side of
    an armed group only (between two states at war, "prisoners" or "civilians" may be either's),
    officials and forces to the state in focus; with nothing in focus, armed ones keep no code. A
    civilian or official collective of or in a named place takes that place's code instead
    ("people of Barrancas", "medical officials in Gaza"); see ``phrases``."""
    for _, tm in sorted(w.terms.items()):
        term = tm.term
        if term.kind != "group" or not w.free(tm.start, tm.end) or term.term in GOVERNMENT \
                or phrases.in_a_name(w, tm):
            continue
        armed = term.sector in ARMED
        if armed and focus.armed and _names_a_group(w, tm):
            continue  # "the rebel group", "the armed group": the group named before (back_references)
        region = phrases.from_region(w, tm)
        if region is not None:
            _regional_forces(w, tm, region)
            continue
        place = phrases.located(w, tm)
        if place is not None:
            _collective(w, tm, place.code, focus, armed, place)
            continue
        if armed and not focus.armed:
            fights_in = phrases.armed_located(w, tm)
            if fights_in is not None:
                _collective(w, tm, fights_in.code, focus, armed, fights_in)
                continue
        if not armed and _bloc_collective(w, tm):
            continue  # "European officials", "Western diplomats": a bloc's, not the state in focus's
        if term.term in OWNED:
            continue  # "the three women" may be anyone's; "Ukrainian children", "children in Gaza" are coded
        if term.term in HELD and not focus.armed:
            continue  # hostages, prisoners of war between states: who they are is not where they are
        if term.sector in STATE_SECTORS:
            # security forces and police with no state in focus are the only state's (its streets)
            code = focus.state or (focus.sole if term.sector == "COP" else None)
            if _government_forces(w, tm.start) is not None:
                _government_collective(w, tm, focus)
                continue
        elif armed or focus.armed:
            code = focus.armed_home() if armed else focus.side
        else:
            code = _unarmed(term.term, term.sector, focus)
        if code is None and not armed:
            continue
        _collective(w, tm, code, focus, armed)


def placed_institutions(w: Work) -> None:
    """'a police academy in Bogota', 'the hospital in Gaza': an institution of the place it is in."""
    doc = w.doc
    for i, tm in sorted(w.terms.items()):
        if tm.term.kind != "organization" or not w.free(tm.start, tm.end):
            continue
        place = phrases.located(w, tm)
        start = phrases.left_start(w, i, tm.end)
        if place is None or start == 0 or doc[start - 1].lower_ not in ("a", "an", "the"):
            continue
        key = f"placed:{place.code}:{tm.term.sector}:{tm.term.term}"
        why = f"{tm.term.term!r} ({tm.term.sector}) {place.why}: of that place ({place.code})"
        w.entity(key, Entity("", doc[start:tm.end].text, "organization", place.code, tm.term.sector, why=why))
        w.mention(start - 1, place.end, "ORG", key, why)


def _government_forces(w: Work, k: int) -> TermMatch | None:
    """The forces, troops or soldiers starting at token ``k`` right after "government" ("government
    forces", "government troops"), if any."""
    tm = w.terms.get(k)
    if k == 0 or w.doc[k - 1].lower_ != "government" or tm is None or tm.start != k:
        return None
    return tm if tm.term.kind == "group" and tm.term.sector in STATE_SECTORS else None


def _government_collective(w: Work, tm: TermMatch, focus: Focus) -> None:
    """'government forces', 'government troops': the forces of the state in focus (else of the only
    state named), one mention over "government" and the noun; with no such state, no mention."""
    code = focus.government()
    if code is None or not w.free(tm.start - 1, tm.end):
        return
    term, start = tm.term, tm.start - 1
    if start >= 2 and w.doc[start - 1].text == "-" and w.doc[start - 2].lower_ == "pro" and w.free(start - 2, start):
        start -= 2  # "pro-government forces" fight for it: still the state's forces
    key = f"group:{code}:{term.sector}:{term.term}"
    why = f"'government {term.term}' ({term.sector}): the forces of the {focus.why}"
    w.entity(key, Entity("", w.doc[start:tm.end].text, "group", code, term.sector, why=why))
    w.mention(start, tm.end, "NORP", key, f"government {term.term!r} → {code} in focus")


def _regional_forces(w: Work, tm: TermMatch, region: phrases.Located) -> None:
    """'forces from Tigray', 'fighters from Amhara': the region's own armed group (REB) of the state the
    region lies in, one mention over the phrase, as for "Tigrayan forces" (``collectives``)."""
    start = phrases.left_start(w, tm.start, tm.end)
    text = w.doc[start:region.end].text
    key = f"regional:{region.why}:{region.code}:REB:{tm.term.term}"
    why = f"group noun {tm.term.term!r} {region.why}: the region's own armed group ({region.code}, REB)"
    w.entity(key, Entity("", text, "armed_group", region.code, "REB", why=why))
    w.mention(start, region.end, "NORP", key, why)


# Sectors of collectives that, with no armed group named, are the state in focus's own people:
# protesters, residents, students, workers take to the streets of their own country.
DOMESTIC_SECTORS = frozenset({"CVL", "EDU", "LAB"})


# Persons by age, sex or kin: coded only with a state ("Ukrainian children") or a place ("in Gaza").
KIN = frozenset({"women", "children", "families"})
# Peoples, offices and communities that are whoever's a state, a region or a place says they are
# ("the Serb community", "Tigrayan leaders", "citizens of Sudan"), never the side in focus by default
# ("community leaders", "world leaders", "the international community").
OWNED = KIN | frozenset({"leaders", "politicians", "representatives", "commanders", "mayors", "elders", "community",
                         "communities", "minority", "majority", "population", "diaspora", "citizens", "nationals",
                         # third parties: whose mediators they are, a state or a demonym says ("Brazilian mediators")
                         "mediators", "envoys", "facilitators", "allies", "partners", "backers", "counterparts"})
# The held and the foreign: who they are is not where they are (hostages in Gaza are Israelis).
HELD = frozenset({"hostages", "hostage", "prisoners", "prisoner", "detainees", "captives", "peacekeepers",
                  "migrants", "asylum seekers", "prisoners of war", "pows"})


def _unarmed(term: str, sector: str, focus: Focus) -> str | None:
    """An unarmed collective with no armed group named: protesters, students, workers (domestic) are
    the state in focus's, else the theatre's; civilians, residents, refugees and the displaced live
    where the fighting is: the theatre's, else the state in focus's; the held are nobody's here."""
    if _domestic(term, sector):
        return focus.state or focus.theatre or focus.sole
    if sector in DOMESTIC_SECTORS or sector == "REF" or term in phrases.DISPLACED:
        return focus.theatre or focus.state or focus.sole
    return None


# spaCy labels of a people or bloc named before a collective noun ("European", "Western", "Arab").
BLOC_LABELS = frozenset({"NORP"})


def _bloc_word(t: Token) -> bool:
    """A capitalized people or bloc word: one spaCy names (NORP), or a capitalized adjective inside a
    sentence before a lowercase noun ("Western diplomats", which the small model does not always tag;
    not "Senior officials said" opening a sentence, nor a headline's "Senior Officials")."""
    if not t.is_title:
        return False
    return t.ent_type_ in BLOC_LABELS or (t.tag_ == "JJ" and not t.is_sent_start and t.nbor().is_lower)


def _bloc_collective(w: Work, tm: TermMatch) -> bool:
    """'European officials', 'Western diplomats', 'Arab mediators': an unarmed collective right after a
    capitalized people or bloc that spaCy names and no table codes is that bloc's, which is no one
    state: one mention over both, with no code (the coding guide codes a state or an IGO, not a
    bloc), so the noun does not fall to the state in focus. Whether the modifier is free of any
    table reading is what tells "European" from "Ethiopian" (a demonym, read before this pass)."""
    doc = w.doc
    k = phrases.left_start(w, tm.start, tm.end)
    if k == tm.start or not _bloc_word(doc[k]):
        k -= 1  # the modifiers stop at the name, unless it opens the sentence ("European officials said")
    if k < 0 or not _bloc_word(doc[k]) or not w.free(k, tm.end):
        return False
    if k in w.terms or any(m.start <= doc[k].idx < m.end for m in w.mentions):
        return False
    term = tm.term
    key = f"bloc:{doc[k].text.casefold()}:{term.sector}:{term.term}"
    why = f"group noun {term.term!r} ({term.sector}) after {doc[k].text!r}, a people or bloc no table codes: no code"
    w.entity(key, Entity("", doc[k:tm.end].text, "group", None, term.sector, why=why))
    w.mention(k, tm.end, "NORP", key, why)
    return True


def _domestic(term: str, sector: str) -> bool:
    """Whether an unarmed collective is the state in focus's own when no armed group is named; not
    civilians (between two states at war they may be either's) nor the held (hostages, prisoners)."""
    return sector in DOMESTIC_SECTORS and term not in phrases.DISPLACED and term not in ("civilians", "civilian")


def _names_a_group(w: Work, tm: TermMatch) -> bool:
    """Whether an armed collective modifies a definite 'group' / 'movement' / 'militia'."""
    doc, heads = w.doc, ("group", "movement", "militia")
    ends = doc[tm.end - 1].lower_ in heads or (tm.end < len(doc) and doc[tm.end].lower_ in heads)
    return ends and tm.start > 0 and doc[tm.start - 1].lower_ == "the"


def _collective(w: Work, tm: TermMatch, code: str | None, focus: Focus, armed: bool,
                place: phrases.Located | None = None) -> None:
    """One mention over the collective with its modifiers ("other armed groups"), over "of <place>"
    when its place says whose it is, and over an institution noun after an armed one ("guerrilla
    delegation": an organization of the armed side)."""
    term = tm.term
    start, end = phrases.left_start(w, tm.start, tm.end), tm.end
    if armed:
        start = phrases.backer_start(w, start)
    kind = "armed_group" if armed else "group"
    noun = term.term
    office = phrases.institution_after(w, tm) if armed else None
    members = phrases.collective_after(w, tm) if armed else None
    sector = term.sector
    if office is not None:
        end, kind, noun = office.end, "organization", f"{term.term} {office.term.term}"
    elif members is not None:
        # "rebel fighters", "militia commanders": one armed collective (REB if either noun says so)
        end, noun = members.end, f"{term.term} {members.term.term}"
        sector = "REB" if "REB" in (term.sector, members.term.sector) else term.sector
    if place is not None:
        end, how = place.end, f"{place.why}: that place's ({code})"
    elif code is not None and code == focus.theatre and code not in (focus.state, focus.side if focus.armed else None):
        how = f"where the fighting is: {focus.theatre_why}"
    else:
        how = f"in focus: {focus.why}" if code else "no state named"
    key = f"group:{code}:{sector}:{noun}"
    why = f"group noun {noun!r} ({sector}), {how}"
    w.entity(key, Entity("", w.doc[start:end].text, kind, code, sector, why=why))
    short = f"group noun {noun!r}" + (f" → {code} " + ("of the place named" if place else "in focus") if code else "")
    w.mention(start, end, "NORP", key, short)


# Institution nouns that, with "the" and no state or earlier name, are not the state in focus's own.
NOT_OWN = frozenset({"embassy", "company", "newspaper", "party", "opposition coalition", "delegation"})


def state_institutions(w: Work, focus: Focus) -> None:
    """'the army', 'the military', 'the police', 'the parliament', 'the defence ministry' with no
    state and no earlier name they take up (``institutions.back_references`` runs first): an
    organization of the state in focus with the noun's sector."""
    if focus.state is None:
        return
    doc = w.doc
    for i, tm in sorted(w.terms.items()):
        term = tm.term
        if term.kind != "organization" or term.sector not in STATE_SECTORS or term.term in NOT_OWN \
                or term.term in GOVERNMENT or not w.free(tm.start, tm.end):
            continue
        if tm.end < len(doc) and doc[tm.end].lower_ in ("of", "-"):
            continue  # "the army of X" is X's; "the army-backed government" is the government
        start = _definite_start(w, i)
        if start is None and _bare_legislature(w, tm):
            start = tm.start
        if start is None:
            continue
        key = f"group:{focus.state}:{term.sector}:{term.term}"
        text = doc[start:tm.end].text
        why = f"{text!r} with no state named: the {term.term!r} ({term.sector}) of the {focus.why}"
        w.entity(key, Entity("", text, "organization", focus.state, term.sector, why=why))
        w.mention(start, tm.end, "ORG", key, why)


def _bare_legislature(w: Work, tm: TermMatch) -> bool:
    """'in parliament', 'before parliament', 'after congress': a legislature with no article after a
    preposition or conjunction is the one of the country the text is about (singular, not opening a
    sentence)."""
    doc = w.doc
    return tm.term.sector == "LEG" and tm.start > 0 and doc[tm.start - 1].tag_ == "IN" \
        and not doc[tm.start].is_sent_start and doc[tm.end - 1].tag_ == "NN"

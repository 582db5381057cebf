"""Actor resolution in one document: the passes in order, each recording its ``why``.

1. lexicon matches (names case-sensitive, offices and group nouns not), minus those spaCy's NER
   shows to be something else ("Michael Jordan", "Georgia" the person, "Washington Post");
2. persons: titled names, bare offices with their state, dictionary persons;
3. states, capitals, seats, demonyms and named organizations, with states modifying agents
   ("Azerbaijani soldiers") and plural demonyms ("Armenians");
4. spaCy's remaining PERSON names (linked by surname), surnames spaCy missed, other spaCy names;
5. institutions by pattern ("Government of Colombia", "Netanyahu's office"); what is in focus:
   "the government", unnamed collectives and titled persons with no state (``focus``);
6. anaphora: "the ministry" / "the group" (``institutions``), else "the army" / "the police" of the
   state in focus, "the minister", "he"/"she" as subject,
   "the pair" / "both parties", "the country";
7. last, one unnamed official left ("a senior official said") to the state in focus (``officials``).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ...types import Entity, Mention
from . import (
    acronyms,
    affiliation,
    collectives,
    consistency,
    focus,
    focus_persons,
    headlines,
    institutions,
    officials,
    person_refs,
    persons,
    phrases,
    sides,
    tables,
)
from .lexicon import Lexicon, Match, glued_possessive
from .tables import DATELINE
from .work import Work

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# spaCy labels that name actors or places, and the entity kind each suggests (as the baseline).
LABEL_KIND = {"PERSON": "person", "ORG": "organization", "GPE": "place", "NORP": "group", "LOC": "place",
              "FAC": "place"}
# Names that hold a place name inside them and are not that place ("Washington Post").
CONTAINER_LABELS = frozenset({"PERSON", "ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"})
AGREEING_LABELS = frozenset({"GPE", "LOC", "NORP", "ORG"})
LOCATIVE = frozenset("in at near outside inside around across throughout within into from".split())
AGENTIVE_SUFFIX = ("-brokered", "-led", "-backed", "-sponsored", "-mediated", "-made", "-drafted", "-supported",
                   "-funded", "-armed", "-allied")


def identify(doc: Doc, lex: Lexicon, day: dt.date | None) -> tuple[list[Mention], list[Entity]]:
    names, terms = lex.scan(doc, day)
    w = Work(doc, day, [], terms)
    defined = acronyms.defined(doc)
    w.names = _keep(w, acronyms.foreign_readings(w, names, defined))
    headlines.adjacent_persons(w)
    headlines.add_persons(w)
    persons.titled_persons(w)
    persons.dictionary_persons(w)
    for m in w.names:
        if w.free(m.start, m.end):
            _place_or_org(w, m)
    persons.spacy_persons(w)
    persons.surname_tokens(w)
    persons.given_names(w)
    collectives.pairs(w, tables.pair_heads())
    collectives.the_country(w)
    institutions.of_state(w)
    institutions.offices(w)
    in_focus = focus.resolve_unnamed(w)
    _other_spacy_names(w, in_focus)
    consistency.propagate(w)
    consistency.vote(w)
    consistency.slashed(w)
    acronyms.link(w, defined, in_focus.state, in_focus.armed_home())
    collectives.pairs(w, tables.pair_heads(), spacy_sides=True)  # a side named by spaCy alone ("the X Front")
    phrases.loyal_collectives(w)
    institutions.back_references(w)
    focus.state_institutions(w, in_focus)
    person_refs.definite_offices(w)
    person_refs.pronouns(w)
    affiliation.introduced_persons(w)
    persons.past_offices(w)
    focus_persons.unaffiliated_persons(w, in_focus)
    officials.unnamed(w, in_focus)
    phrases.over_places(w)
    return w.finish()


def _keep(w: Work, names: list[Match]) -> list[Match]:
    """Drop matches spaCy shows to be part of a longer name, or ambiguous forms it does not agree on."""
    # a spaCy name across a line break is layout ("The Associated Press\n\nIsrael"): no container
    ent_of = {t.i: e for e in w.doc.ents if "\n" not in e.text for t in e}
    kept = []
    for m in names:
        ent = ent_of.get(m.start)
        start, end = _core(ent) if ent is not None else (m.start, m.end)
        longer = start < m.start or end > m.end
        entry = m.item.entry
        named = entry is not None and ent is not None and (
            ent.label_ != "PERSON" or (entry.kind == "person" and m.start == start))
        split = longer and (headlines.joined_states(w, names, start, end) or (
            m.start == start and headlines.headline_person(w, names, m, end)))
        if longer and not named and not split and ent is not None and ent.label_ in CONTAINER_LABELS \
                and not _has_office(w, ent, m) and not _people_named(w, ent, m) \
                and not _only_names(w, names, start, end):
            w.inner[ent.start] = m
            continue
        if m.end < len(w.doc) and w.doc[m.end].text == "$":
            continue  # "US $50 million": a currency, not the state
        agrees = ent is not None and ent.label_ in AGREEING_LABELS and not longer
        if m.item.ambiguous and not (agrees or _before_office(w, m)):
            continue  # "Jordan" alone as a place or "Turkey's Defense Minister", not "Georgia Mills"
        kept.append(m)
    return kept


def _only_names(w: Work, names: list[Match], start: int, end: int) -> bool:
    """Whether a spaCy name is only known names joined by "and" or commas ("Kharkiv and Odesa", which
    the small model may tag a WORK_OF_ART): a list of names, not one name holding them."""
    covered = {i for m in names if start <= m.start and m.end <= end for i in range(m.start, m.end)}
    joins = [i for i in range(start, end) if i not in covered]
    return bool(covered) and bool(joins) and all(w.doc[i].text in COORDINATORS for i in joins)


COORDINATORS = frozenset({"and", ",", "&"})


def _people_named(w: Work, ent: Span, m: Match) -> bool:
    """Whether a plural demonym ends a spaCy name that is a people, not a person ("Kosovo Serbs")."""
    return m.item.kind == "demonym" and m.end == ent.end and w.doc[m.end - 1].tag_ in ("NNS", "NNPS")


def _before_office(w: Work, m: Match) -> bool:
    """Whether an office or institution follows the match ("Jordan's King", "Turkey's Defense Minister")."""
    doc, k = w.doc, m.end
    if k < len(doc) and doc[k].text in ("'s", "\u2019s", "\u02bcs"):
        k += 1
    elif not glued_possessive(doc[m.end - 1].text):
        return False
    for j in range(k, min(k + 3, len(doc))):
        if j in w.terms:
            return True
        if not doc[j].is_title:
            return False
    return False


def _core(ent: Span) -> tuple[int, int]:
    """Token bounds of a spaCy name without a leading 'the' or a trailing possessive."""
    start, end = ent.start, ent.end
    if ent[0].lower_ == "the" and end - start > 1:
        start += 1
    if ent[-1].text in ("'s", "\u2019s", "'") and end - start > 1:
        end -= 1
    return start, end


def _has_office(w: Work, ent: Span, m: Match) -> bool:
    """Whether the rest of a spaCy name is an office or institution ("US Congress", "Foreign Minister …")."""
    inside = any(i in w.terms for i in range(ent.start, ent.end) if not m.start <= i < m.end)
    return inside or ent.end in w.terms  # "Ukraineʼs Infrastructure | Minister"


def _place_or_org(w: Work, m: Match) -> None:
    item = m.item
    why = f"{item.source} {item.form!r}"
    if item.entry is not None:
        key = w.named(item.entry, f"dictionary {item.entry.source}: {item.form!r}")
        tm = w.terms.get(m.end)
        end = tm.end if tm is not None and tm.term.kind in ("group", "organization") and w.free(tm.start, tm.end) \
            else m.end
        w.mention(m.start, end, _entry_label(item.entry.kind), key, why)  # "M23 rebels", "ELN delegation" are the group
        return
    code = item.code if item.code in _codes() else None
    if code is not None and item.kind in ("state", "demonym", "capital", "region") and not _anti(w, m):
        found = collectives.modified_agent(w, m)
        if found is not None and found[1].term.sector in ARMED_SECTORS and _backing(w, m):
            found = None  # "Nigerian-backed militia": the backer's proxies fight elsewhere (``focus``)
        if found is not None and w.free(m.start, found[0]):
            collectives.agent_group(w, m, found[0], found[1], code)
            return
        if item.kind == "demonym" and collectives.people(w, m, code):
            return
        if item.kind == "region" and collectives.regional_people(w, m, code):
            return
    if item.kind in ("region", "dateline"):
        key = f"place:{item.form}"
        w.entity(key, Entity("", item.form, "place", code, None, why=f"{why} ({code or 'no state'})"))
        if item.kind == "dateline":  # where the story was filed: never a party to what it reports
            why = f"{DATELINE} {why}"
        w.mention(m.start, m.end, "GPE" if code else "LOC", key, why)
        return
    if item.kind in ("capital", "seat"):
        _metonym(w, m, why)
        return
    actor = w.item_key(item, why)
    if item.kind == "demonym":
        why = f"{why}, agentive compound" if _agentive(w, m) else f"{why} → its state"
    w.mention(m.start, m.end, "NORP" if item.kind == "demonym" else "GPE", actor, why)


def _metonym(w: Work, m: Match, why: str) -> None:
    """A capital or seat: the government it houses when it acts, a place when something is in it."""
    root = w.doc[m.end - 1]
    label = "GPE" if m.item.kind == "capital" else "ORG"
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE and root.head.head.lemma_ not in _CUE_VERBS:
        seat = m.item.seat
        code = seat.country if seat is not None else m.item.code
        key = f"place:{m.item.form}"
        w.entity(key, Entity("", m.item.form, "place", code, None, why=f"{why} (a place)"))
        w.mention(m.start, m.end, label, key, f"{why}: place (object of {root.head.lower_!r})")
        return
    actor = w.item_key(m.item, f"{m.item.kind} metonymy: {m.item.form}")
    w.mention(m.start, m.end, label, actor, f"{why}: stands for the government", metonymy=True)


# Verbs after which "from X" is a source that acts ("signs from Yerevan", "a response from Baku").
_CUE_VERBS = frozenset("sign signal message response reply word call hear receive come".split())


def _anti(w: Work, m: Match) -> bool:
    """'anti-Syria journalist': the state is what the noun is against, not what it belongs to."""
    return m.start >= 2 and w.doc[m.start - 1].text == "-" and w.doc[m.start - 2].lower_ in ("anti", "pro")


def _agentive(w: Work, m: Match) -> bool:
    doc = w.doc
    return m.end + 1 < len(doc) and doc[m.end].text == "-" and any(
        ("-" + doc[m.end + 1].lower_).startswith(s) for s in AGENTIVE_SUFFIX
    )


ARMED_SECTORS = frozenset({"REB", "PRM"})


def _backing(w: Work, m: Match) -> bool:
    doc = w.doc
    return m.end + 1 < len(doc) and doc[m.end].text == "-" and doc[m.end + 1].lower_ in phrases.BACKING


def _entry_label(kind: str) -> str:
    return {"person": "PERSON", "group": "NORP", "state": "GPE", "place": "GPE"}.get(kind, "ORG")


def _codes() -> dict[str, tables.StateRow]:
    from .work import state_rows

    return state_rows()


def _other_spacy_names(w: Work, in_focus: sides.Focus) -> None:
    """spaCy's other names, as the baseline has them; a place name inside gives its country code, and
    an organization's own words may say what it is ("… Liberation Front", "Ministry of …", "… Party")."""
    for ent in w.doc.ents:
        kind, label = LABEL_KIND.get(ent.label_), ent.label_
        if kind is None or not w.free(ent.start, ent.end) or "\n" in ent.text:
            continue  # a name never runs across a line break: that is layout (a dateline, a caption)
        if _common_institution(w, ent):
            continue  # "the army spokesman": spaCy's lowercase "army" is the state's (focus.state_institutions)
        inner = w.inner.get(ent.start)
        code = inner.item.code if inner is not None and inner.item.code in _codes() else None
        sector = inner.item.seat.sector if inner is not None and inner.item.seat is not None else None
        why = f"spaCy NER {ent.label_}" + (f"; named after {inner.item.form!r}" if inner and code else "")
        owner = institutions.owned(w, ent) if ent.label_ == "ORG" and code is None else None
        described = _described(w, ent) if ent.label_ in ("ORG", "GPE") and code is None else None
        if described is not None:
            owner, kind, label = described, "organization", "ORG"  # "English club Liverpool" is the club
        if owner is not None:
            code, sector, how = owner
            why = f"{why}; {how}"
        # where it is ("the Ministry of Foreign Affairs in Doha") before the state in focus
        place = phrases.placed_after(w, ent.end) if ent.label_ == "ORG" and code is None else None
        headed = institutions.by_head_word(ent, code, place.code if place else in_focus.state,
                                           in_focus.armed_home()) if ent.label_ == "ORG" else None
        if headed is not None:
            kind, code, sector, how = headed
            how = how.replace("the state in focus", f"{place.why}: of that place") if place else how
            why = f"{why}; {how}"
        key = f"spacy:{label}:{ent.text.casefold()}"
        w.entity(key, Entity("", ent.text, kind, code, sector, why=why))
        w.mention(ent.start, ent.end, label, key, why)


# Nouns that say what kind of body a name after them is ("the Kenyan firm Safaricom", "English club
# Arsenal"), with the sector of what they head.
DESCRIBED = {"company": "BUS", "firm": "BUS", "bank": "BUS", "group": None, "club": None, "side": None,
             "team": None, "charity": "CVL", "organisation": None, "organization": None, "airline": "BUS",
             "carrier": "BUS", "operator": "BUS", "lender": "BUS", "miner": "BUS", "broadcaster": None}


def _described(w: Work, ent: Span) -> tuple[str, str | None, str] | None:
    """(code, sector, why) of a name its nationality describes: a demonym and a noun of what kind of
    body it is right before it ("the Kenyan firm Safaricom", "English club Arsenal"): the state's
    body, as a demonym used as an agent is the state's (coding guide)."""
    if ent.start < 2 or w.doc[ent.start - 1].lower_ not in DESCRIBED:
        return None
    found = next((m for m in w.names if m.end == ent.start - 1 and m.item.kind == "demonym"), None)
    if found is None or found.item.code not in _codes():
        return None
    noun = w.doc[ent.start - 1].lower_
    return found.item.code, DESCRIBED[noun], f"{found.item.form} {noun} (its nationality)"


def _common_institution(w: Work, ent: Span) -> bool:
    """Whether spaCy's name is a lowercase institution noun of the tables ("the army spokesman"),
    which is no name: the state institutions in focus read it. After a possessive ("Colombia's
    defence ministry") it stays, for ``institutions.owned``."""
    tm = w.terms.get(ent.start)
    owned = ent.start > 0 and w.doc[ent.start - 1].text in institutions.POSSESSIVE
    return ent.text.islower() and not owned and tm is not None and tm.end == ent.end \
        and tm.term.kind == "organization"

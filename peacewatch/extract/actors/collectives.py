"""Collectives: states and demonyms modifying agents, peoples, and "the pair" / "both parties".

"Azerbaijani soldiers" is a group of AZE in sector MIL; "Armenian separatist forces" an armed group
of ARM (REB); "Sudan's government" the state itself; "Armenians" the people of ARM. "The pair",
"both parties", "the two countries" stand for the two sides named last (``dyads``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...types import Entity, Mention
from . import dyads, persons, phrases
from .lexicon import Match, TermMatch
from .work import Work

if TYPE_CHECKING:
    from spacy.tokens import Doc

MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod", "nummod"})
COORDINATION = frozenset({"and", "or", ",", "&"})
# Government nouns that, with a state, are the state itself ("the Turkish government").
STATE_ITSELF = frozenset("government administration authorities regime leadership cabinet rulers junta".split())
# Words that make a region's authorities separatist ones (sector REB).
BREAKAWAY = frozenset("de facto separatist breakaway self-proclaimed rebel unrecognized unrecognised".split())


def modified_agent(w: Work, m: Match) -> tuple[int, TermMatch] | None:
    """(end token, sector term) when match ``m`` modifies an office, institution or group noun."""
    doc = w.doc
    head = doc[m.end - 1]
    steps = 0
    while head.dep_ in MODIFIER_DEPS and head.head.i > head.i and steps < 4:
        head, steps = head.head, steps + 1
    stop = head.i + 1 if head.i >= m.end else m.end + 1
    k = m.end + (1 if m.end < len(doc) and doc[m.end].text in ("'s", "\u2019s", "'") else 0)
    while k < min(stop, len(doc)):
        tm = w.terms.get(k)
        # the term may run past the head noun it starts at ("Ukrainian prisoners of war")
        if tm is not None and (tm.end <= max(stop, k + 1) or tm.start == head.i) and w.free(tm.start, tm.end):
            if phrases.in_a_name(w, tm):
                return None  # "Cameroon People's Democratic Movement" is a party, not Cameroon's people
            return (tm.end, tm) if not _other_name(doc, m.start, k) else None
        k += 1
    return None


def _other_name(doc: Doc, start: int, k: int) -> bool:
    """Whether token ``k`` is in a spaCy name (no person or place) that begins after ``start``."""
    if doc[k].ent_type_ in ("", "PERSON", "NORP", "GPE"):
        return False
    j = k
    while j > start and doc[j].ent_iob_ == "I":
        j -= 1
    return j > start


# Words of a ministry's name that make it the armed forces' (sector MIL): "Ministry of Defence".
DEFENCE = frozenset({"Defence", "Defense"})
# Collectives a state is the other side of: a state's allies, partners or backers are not that state.
RELATIONAL = frozenset({"allies", "partners", "backers", "counterparts"})


def agent_group(w: Work, m: Match, end: int, tm: TermMatch, code: str) -> None:
    """A mention of ``m`` … ``end`` as a group, organization or person of state ``code``."""
    doc, term = w.doc, tm.term
    text = doc[m.start:end].text
    if any(t.lower_ in COORDINATION for t in doc[m.end:tm.start]):
        # "US and British forces": this conjunct is "US (forces)"; the next one gets its own mention.
        text, end = f"{doc[m.start:m.end].text} {doc[tm.start:tm.end].text}", m.end
    elif m.item.kind != "region":
        _nested_name(w, m, code)
    if m.item.kind == "region" and _regional(w, m, end, tm, code):
        return
    if term.sector == "GOV" and term.term in STATE_ITSELF:
        key = w.state(code, f"state government: {text!r}")
        w.mention(m.start, end, "ORG", key, f"government noun {term.term!r} with a state")
        return
    if term.kind == "person":
        persons.office_mention(w, m.start, end, code, term.sector, term.role)
        return
    kind = "organization" if term.kind == "organization" else "group"
    if term.sector in ("REB", "PRM"):
        kind = "armed_group"
    if term.term in RELATIONAL:
        _relational(w, m, end, tm, code)
        return
    key, sector = f"group:{code}:{term.sector}:{term.term}", term.sector
    why = f"{m.item.source} {m.item.form!r} + {term.term!r} ({term.sector})"
    tail = phrases.name_tail(w, end) if kind == "organization" and end == tm.end else end
    if tail > end:
        # "the Qatari Ministry of Foreign Affairs": one name, the state's named in it
        name = doc[tm.start:tail].text
        sector = "MIL" if sector == "GOV" and DEFENCE & {t.text for t in doc[end:tail]} else sector
        key, end, text = f"named:{code}:{sector}:{name.lower()}", tail, doc[m.start:tail].text
        why = f"{why}; its name {name!r}"
    w.entity(key, Entity("", text, kind, code, sector, why=why))
    w.mention(m.start, end, "ORG" if kind == "organization" else "NORP", key, why)


def _relational(w: Work, m: Match, end: int, tm: TermMatch, code: str) -> None:
    """"Russia's allies", "US partners", "Kyiv's Western backers": other states than the one named,
    which the phrase does not say: one group mention with no code (the state keeps its own inside)."""
    key = f"relational:{code}:{tm.term.term}"
    why = f"{m.item.form!r} + {tm.term.term!r}: other states than {code}, no code"
    w.entity(key, Entity("", w.doc[m.start:end].text, "group", None, tm.term.sector, why=why))
    w.mention(m.start, end, "NORP", key, why)


def _regional(w: Work, m: Match, end: int, tm: TermMatch, code: str) -> bool:
    """A region's own authorities or forces are not its state's: "Karabakh's de facto authorities"
    are an organization (REB when the phrase says de facto, separatist, breakaway, self-proclaimed or
    rebel, else GOV), "Karabakh Armenian forces", "Tigrayan forces" an armed group (REB) of the state
    whose demonym stands between region and noun, else of the region's state."""
    doc, term = w.doc, tm.term
    text = doc[m.start:end].text
    if term.sector == "GOV" and term.term in STATE_ITSELF:
        window = {t.lower_ for t in doc[max(0, m.start - 3):end]} | {doc[m.start:end].text.lower()}
        sector = "REB" if window & BREAKAWAY or any(b in text.lower() for b in BREAKAWAY) else "GOV"
        kind = "organization"
    elif term.sector == "MIL" and term.kind in ("group", "organization"):
        sides = [n for n in w.names if m.end <= n.start and n.end <= tm.start and n.item.kind == "demonym"]
        code = sides[0].item.code if sides and sides[0].item.code else code
        sector, kind = "REB", "armed_group"
    else:
        return False
    key = f"regional:{m.item.form}:{code}:{sector}:{term.term}"
    why = f"region {m.item.form!r} + {term.term!r}: the region's own {kind.replace('_', ' ')} ({code}, {sector})"
    w.entity(key, Entity("", text, kind, code, sector, why=why))
    w.mention(m.start, end, "ORG" if kind == "organization" else "NORP", key, why)
    return True


def _nested_name(w: Work, m: Match, code: str) -> None:
    """The state's own mention inside a group mention ("Azerbaijani" in "Azerbaijani soldiers")."""
    key = w.state(code, f"{m.item.source} {m.item.form!r}")
    label = "NORP" if m.item.kind == "demonym" else "GPE"
    start, end, text = w.chars(m.start, m.end)
    w.mentions.append(Mention(start, end, text, label, key, False,
                              f"{m.item.source} {m.item.form!r} inside a group mention"))


def people(w: Work, m: Match, code: str) -> bool:
    """Plural demonyms ("Armenians", "Palestinians") as the people of a state."""
    token = w.doc[m.end - 1]
    form = m.item.form
    if not (token.tag_ in ("NNS", "NNPS") or (form.endswith("s") and form[:-1] in _demonyms(w, code))):
        return False
    key = f"group:{code}:people"
    w.entity(key, Entity("", form, "group", code, None, why=f"demonym {form!r}: people of {code}"))
    start = _people_start(w, m)
    w.mention(start, m.end, "NORP", key, "plural demonym" + (" with what qualifies it" if start < m.start else ""))
    return True


def regional_people(w: Work, m: Match, code: str) -> bool:
    """A plural regional demonym ("Tigrayans", "Darfuris") is a people of the region's state, not a
    place: the plural of a region form that is itself in the table."""
    from .tables import regions

    form = m.item.form
    if not (form.endswith("s") and w.doc[m.end - 1].tag_ in ("NNS", "NNPS")
            and form[:-1] in {name for name, _ in regions()}):
        return False
    key = f"group:{code}:people:{form}"
    w.entity(key, Entity("", form, "group", code, None, why=f"regional demonym {form!r}: people of {code}"))
    w.mention(_people_start(w, m), m.end, "NORP", key, "plural regional demonym")
    return True


def _people_start(w: Work, m: Match) -> int:
    """Where a people's mention starts: over the name spaCy read it in ("Kosovo Serbs") and lowercase
    modifiers before ("ethnic Albanians"); the demonym's state decides the code."""
    from .phrases import left_start

    doc, start = w.doc, m.start
    while start > 0 and doc[start].ent_iob_ == "I" and doc[start - 1].is_title and w.free(start - 1, start):
        start -= 1
    return left_start(w, start, m.end)


def _demonyms(w: Work, code: str) -> tuple[str, ...]:
    from .work import state_rows

    row = state_rows().get(code)
    return row.demonyms if row is not None else ()


def pairs(w: Work, heads: dict[str, frozenset[str]], spacy_sides: bool = False) -> None:
    """'the pair', 'both parties', 'the two countries' → the two sides named last (see ``dyads``).
    Run again once spaCy's other names are read (``spacy_sides``), it takes only the pairs left where
    one side is such a name ("the government and the Northern Liberation Front signed …")."""
    doc = w.doc
    keys = dyads.token_keys(w)
    third = dyads.third_parties(w, keys)
    cued = dyads.cued_dyads(w, keys, third)
    if spacy_sides:
        cued = [c for c in cued if _late(c[1]) or _late(c[2])]
    for t in doc:
        needs = heads.get(t.lower_)
        if needs is None or t.i in w.claimed:
            continue
        start = _determiner_start(doc, t.i, needs)
        if start is None or not w.free(start, t.i + 1):
            continue
        found = dyads.dyad(w, t.idx, cued, third)
        if found is None:
            continue
        a, b, reason = found
        if spacy_sides and not (_late(a) or _late(b)):
            continue
        names = " and ".join(w.entities[k].name for k in (a, b))
        key = "pair:" + "+".join(sorted((a, b)))
        states = a.startswith("state:") and b.startswith("state:")
        why = f"collective {doc[start:t.i + 1].text!r} → {reason}"
        w.entity(key, Entity("", names, "group", None, "GOV" if states else None, why=why, members=[a, b]))
        w.mention(start, t.i + 1, "NORP", key, why)


def _late(key: str) -> bool:
    """Whether an entity key is of a name read after the first pass of ``pairs`` (spaCy's other
    names, acronyms defined in the text)."""
    return key.startswith(("spacy:", "acronym:"))


def _determiner_start(doc: Doc, i: int, needs: frozenset[str]) -> int | None:
    """Start of 'the … pair' / 'both parties' / 'two nations' when head ``i`` has what it needs."""
    j = i - 1
    while j >= 0 and i - j <= 4:
        low = doc[j].lower_
        if low in needs:
            return j - 1 if low == "two" and j > 0 and doc[j - 1].lower_ in ("the", "both") else j
        if low in ("the", "a", "their", "its", ",", "and", "of", "between") or doc[j].pos_ in ("VERB", "AUX"):
            return None
        j -= 1
    return None


def the_country(w: Work) -> None:
    """'the country' → the state mentioned last before it."""
    doc = w.doc
    for t in doc:
        if t.lower_ != "country" or t.i == 0 or doc[t.i - 1].lower_ != "the" or not w.free(t.i - 1, t.i + 1):
            continue
        last = max((m for m in w.mentions if m.start < t.idx and (m.entity or "").startswith("state:")),
                   key=lambda m: m.start, default=None)
        if last is not None and last.entity is not None:
            w.mention(t.i - 1, t.i + 1, "GPE", last.entity, f"'the country' → the last state named ({last.text})")
            _country_s(w, t.i + 1, last.entity)


def _country_s(w: Work, k: int, state_key: str) -> None:
    """"the country's army", "the country's foreign ministry": an institution of that state (one
    mention over the whole phrase; the state's own mention stays inside)."""
    doc = w.doc
    if k >= len(doc) - 1 or doc[k].text not in ("'s", "\u2019s"):
        return
    tm = next((w.terms[j] for j in range(k + 1, min(k + 3, len(doc))) if j in w.terms), None)
    if tm is None or tm.term.kind not in ("organization", "group") or not w.free(k + 1, tm.end) \
            or not all(doc[j].is_lower for j in range(k + 1, tm.end)):
        return
    code = w.entities[state_key].code
    start = k - 2
    if tm.term.sector == "GOV" and tm.term.term in STATE_ITSELF:
        w.mention(start, tm.end, "ORG", state_key, f"'the country's {tm.term.term}': the state itself")
        return
    kind = "armed_group" if tm.term.sector in ("REB", "PRM") else ("organization" if tm.term.kind == "organization"
                                                                  else "group")
    key = f"group:{code}:{tm.term.sector}:{tm.term.term}"
    text = doc[start:tm.end].text
    why = f"{text!r}: the {tm.term.term!r} ({tm.term.sector}) of the country named last ({code})"
    w.entity(key, Entity("", text, kind, code, tm.term.sector, why=why))
    w.mentions.append(Mention(*w.chars(start, tm.end), "ORG" if kind == "organization" else "NORP", key, False, why))
    w.claimed.update(range(k, tm.end))

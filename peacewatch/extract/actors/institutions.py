"""Institutions named by pattern, and definite nouns that refer back to them.

- "the Government of Colombia", "the Government of the Democratic Republic of the Congo": the state
  itself, one mention over the whole phrase; "the Ministry of Defence of Ukraine": an organization of
  that state with the sector of the noun (``sectors.tsv``);
- "the Office of Prime Minister Benjamin Netanyahu", "Netanyahu's office": an organization of the
  person's country (sector GOV);
- "the ministry", "the office", "the delegation", "the group", "the movement": the last institution
  named before whose name has that head word (for "the group", "the militia": the last armed group).

The whole-phrase mentions of the first two patterns are added over the mentions already made for the
state or the person inside (which stay), the way a group mention holds its state's mention.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...types import Entity, Mention
from .collectives import STATE_ITSELF
from .work import Work

if TYPE_CHECKING:
    from spacy.tokens import Span

# Kinds of entity a definite institution noun ("the ministry") may take up.
INSTITUTION_KINDS = frozenset({"organization", "armed_group", "igo"})
# Definite nouns that refer back to a named institution, and the words its name must contain (any;
# none listed: any armed group).
BACK_NOUNS: dict[str, tuple[str, ...]] = {
    "ministry": ("ministry",), "office": ("office",), "delegation": ("delegation",),
    "agency": ("agency",), "council": ("council",), "commission": ("commission",),
    "movement": ("movement",), "group": (), "militia": (), "organisation": (), "organization": (),
    "alliance": ("alliance",), "coalition": ("coalition",),
}
POSSESSIVE = frozenset({"'s", "\u2019s", "\u02bcs"})
# Words of an organization's own name that make it a non-state armed group.
ARMED_WORDS = frozenset("Liberation Revolutionary Resistance Rebel Rebels Insurgents Militia Militias Mujahideen "
                        "Jihad Brigade Brigades Guerrilla Guerrillas Insurgency Jihadist".split())
# Last words that make a name with no state in it an armed group ("Arakan Army").
STATELESS_ARMED = frozenset({"Army", "Forces", "Force"})
# Last words of a name and the sector of what they head ("Prosperity Party", "the Kosovo Security Force").
# A numbered unit ("93rd Mechanized Brigade", "58th Army", "1st Battalion") is a state's army's.
UNITS = frozenset("Brigade Battalion Regiment Division Corps Army Squadron Fleet".split())
ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$", re.IGNORECASE)
HEAD_SECTORS = {"Administration": "GOV", "Guard": "MIL", "Hospital": "MED", "University": "EDU",
                "Party": "PTY", "Army": "MIL", "Forces": "MIL", "Force": "MIL", "Navy": "MIL", "Police": "COP",
                "Parliament": "LEG", "Assembly": "LEG", "Court": "JUD", "Ministry": "GOV", "Government": "GOV"}
# Last words of a public body ("Niger Delta Development Commission", "Kenya Revenue Authority",
# "National Electoral Commission", "Senate"): a body of the state named in
# it, else of the state in focus, unless its name says it is more than one state's (``SUPRANATIONAL``).
BODY_SECTORS = {"Commission": "GOV", "Council": "GOV", "Authority": "GOV", "Agency": "GOV", "Committee": "GOV",
                "Bureau": "GOV", "Directorate": "GOV", "Department": "GOV", "Office": "GOV", "Service": "GOV",
                "Senate": "LEG", "Congress": "LEG", "Tribunal": "JUD", "Mission": "GOV", "Union": "LAB"}
# Words in a body's name that make it international or joint, not the state in focus's
# ("International Commission", "UN Human Rights Council", "Joint Monitoring Committee", "World Food …").
SUPRANATIONAL = frozenset("International Inter Intergovernmental World Global Regional Joint United Nations UN UNHCR "
                          "European African Arab Asian American Islamic Commonwealth Atlantic Pacific Bilateral "
                          "Tripartite Ceasefire Truce Verification Monitoring Peacekeeping Red Cross Crescent".split())


def _mention_starting(w: Work, k: int) -> Mention | None:
    """The (first, widest) mention that starts at token ``k``."""
    idx = w.doc[k].idx
    found = [m for m in w.mentions if m.start == idx and m.entity is not None]
    return max(found, key=lambda m: m.end, default=None)


def _token_after(w: Work, char: int) -> int | None:
    """Index of the first token at or after character ``char``."""
    span = w.doc.char_span(char, char, alignment_mode="expand")
    if span is not None:
        return span.start
    return next((t.i for t in w.doc if t.idx >= char), None)


def of_state(w: Work) -> None:
    """'Government of Colombia', 'the Ministry of Defence of Ukraine': an institution of the state after 'of'."""
    doc = w.doc
    for i, tm in sorted(w.terms.items()):
        if tm.term.kind != "organization" or not w.free(tm.start, tm.end):
            continue
        inner = _state_after_of(w, tm.end)
        if inner is None or inner.entity is None:
            continue
        start = i - 1 if i > 0 and doc[i - 1].lower_ == "the" else i
        code = w.entities[inner.entity].code
        _wide(w, start, inner.end, tm.term.term, inner.entity, code, tm.term.sector)


def _state_after_of(w: Work, k: int) -> Mention | None:
    """The state mention after 'of' at token ``k`` ('Government of Colombia'), or after a second
    'of' past the institution's own name ('Ministry of Foreign Affairs of Qatar')."""
    doc = w.doc
    first = _after_of(w, k)
    if first is None:
        return None
    j = first
    while j < len(doc) and j - first < 4 and doc[j].is_title:
        j += 1
    for at in (first, _after_of(w, j) if j > first else None):
        inner = _mention_starting(w, at) if at is not None and at < len(doc) else None
        ent = w.entities.get(inner.entity or "") if inner is not None else None
        if inner is not None and ent is not None and ent.kind == "state":
            return inner
    return None


def _after_of(w: Work, k: int) -> int | None:
    """The token after 'of' [the] at ``k`` (``None`` when ``k`` is no 'of')."""
    doc = w.doc
    if k >= len(doc) or doc[k].lower_ != "of":
        return None
    k += 1
    return k + 1 if k < len(doc) and doc[k].lower_ == "the" and k + 1 < len(doc) and doc[k + 1].is_title else k


def _wide(w: Work, start: int, end_char: int, noun: str, state_key: str, code: str | None,
          sector: str) -> None:
    """One mention from token ``start`` to character ``end_char``: the state itself for a government
    noun, else an organization of the state."""
    doc = w.doc
    text = w.doc.text[doc[start].idx:end_char]
    if noun in STATE_ITSELF:
        key, why = state_key, f"{text!r}: the state itself (government noun {noun!r} of the state)"
    else:
        key = f"group:{code}:{sector}:{noun}"
        why = f"{text!r}: {noun!r} of the state ({sector})"
        w.entity(key, Entity("", text, "organization", code, sector, why=why))
    w.mentions.append(Mention(doc[start].idx, end_char, text, "ORG", key, False, why))
    last = _token_after(w, end_char)
    w.claimed.update(range(start, last if last is not None else len(doc)))


def offices(w: Work) -> None:
    """'the Office of Prime Minister Benjamin Netanyahu', "Netanyahu's office": an organization of
    the person's country, sector GOV."""
    doc = w.doc
    for t in doc:
        if t.lower_ != "office" or t.i in w.claimed:
            continue
        k = _after_of(w, t.i + 1)
        if k is not None:
            while k < len(doc) and doc[k].is_title and _person_at(w, k) is None and k - t.i < 6:
                k += 1  # titles before the name: "Office of Prime Minister …"
            person = _person_at(w, k) if k < len(doc) else None
            if person is not None:
                start = t.i - 1 if t.i > 0 and doc[t.i - 1].lower_ == "the" else t.i
                _office(w, doc[start].idx, person.end, person)
            continue
        if t.i >= 2 and doc[t.i - 1].text in POSSESSIVE:
            person = _person_ending(w, doc[t.i - 2].idx + len(doc[t.i - 2]))
            if person is not None:
                _office(w, person.start, t.idx + len(t), person)


def _person_at(w: Work, k: int) -> Mention | None:
    m = _mention_starting(w, k)
    ent = w.entities.get(m.entity or "") if m is not None else None
    return m if ent is not None and ent.kind == "person" and ent.code else None


def _person_ending(w: Work, end: int) -> Mention | None:
    for m in w.mentions:
        ent = w.entities.get(m.entity or "")
        if m.end == end and ent is not None and ent.kind == "person" and ent.code:
            return m
    return None


def _office(w: Work, start: int, end: int, person: Mention) -> None:
    ent = w.entities[person.entity or ""]
    text = w.doc.text[start:end]
    key = f"office-of:{person.entity}"
    why = f"{text!r}: the office of {ent.name} ({ent.code})"
    w.entity(key, Entity("", text, "organization", ent.code, "GOV", why=why))
    w.mentions.append(Mention(start, end, text, "ORG", key, False, why))
    span = w.doc.char_span(start, end, alignment_mode="expand")
    if span is not None:
        w.claimed.update(range(span.start, span.end))


def back_references(w: Work) -> None:
    """'the ministry', 'the office', 'the delegation', 'the group' → the last institution named before
    whose name has that head word ('the group', 'the militia': the last armed group)."""
    doc = w.doc
    for t in doc:
        words = BACK_NOUNS.get(t.lower_)
        start = _the_before(w, t.i) if words is not None else None
        if words is None or start is None or not w.free(start, t.i + 1):
            continue
        key = _last_institution(w, t.idx, words)
        if key is not None:
            name = w.entities[key].name
            text = doc[start:t.i + 1].text
            w.mention(start, t.i + 1, "ORG", key, f"{text!r} → last institution named ({name})")


def _the_before(w: Work, i: int) -> int | None:
    """The 'the' before noun ``i``, over up to two modifiers ("the rebel group", "the Islamist
    movement", "the armed group"), else ``None``."""
    doc, j = w.doc, i - 1
    while j >= 0 and i - j <= 3:
        t = doc[j]
        if t.lower_ == "the":
            return j
        if t.dep_ not in ("amod", "compound") or t.head.i != i or not t.is_alpha or t.ent_type_ in ("GPE", "ORG"):
            return None  # "the Ukrainian delegation", "the ELN delegation" are read as named
        j -= 1
    return None


def _last_institution(w: Work, before: int, words: tuple[str, ...]) -> str | None:
    best: tuple[int, str] | None = None
    for m in w.mentions:
        ent = w.entities.get(m.entity or "")
        if ent is None or m.start >= before or ent.kind not in INSTITUTION_KINDS or ent.code is None:
            continue
        if not words and ent.kind != "armed_group":
            continue
        if words and not any(word in m.text.lower() for word in words):
            continue
        if best is None or m.start > best[0]:
            best = (m.start, m.entity or "")
    return best[1] if best else None


def by_head_word(ent: Span, code: str | None, in_focus: str | None,
                 armed_home: str | None = None) -> tuple[str, str | None, str, str] | None:
    """(kind, code, sector, why) of a spaCy organization name that says what it is: "… Liberation
    Front", "… Brigades", and "… Army" / "… Forces" with no state in the name are armed groups (REB)
    of the state named in them, else of the state in focus, else of where unnamed armed collectives
    fight (``armed_home``: the theatre, the only state named); "Ministry of …", "… Party", "Pakistan
    Army", "… Police" institutions of that state."""
    words = [t.text for t in ent if t.is_alpha and t.lower_ != "the"]
    if not words or not words[-1][:1].isupper():
        return None
    if words[-1] in UNITS and any(ORDINAL.match(t.text) for t in ent):
        # "the 93rd Mechanized Brigade", "the 58th Army": a numbered unit is a state's army's
        where = code or in_focus
        how = "named in it" if code else ("the state in focus" if where else "no state")
        return "organization", where, "MIL", f"numbered military unit ({how})"
    if ARMED_WORDS & set(words) or (words[-1] in STATELESS_ARMED and code is None):
        # "Arakan Army", "Free Syrian Army" are rebels; a state's army is "the Sudanese army" or
        # carries its state's name ("Pakistan Army", then MIL below)
        where = code or in_focus or armed_home
        how = "named in it" if code else ("the state in focus" if in_focus else
                                          "where it fights" if where else "no state")
        return "armed_group", where, "REB", f"armed group by its name ({how})"
    head = "Ministry" if words[0] == "Ministry" else words[-1]
    sector = HEAD_SECTORS.get(head)
    if head in ("Center", "Centre") and "Medical" in words:
        sector = "MED"
    if sector is None and head in BODY_SECTORS and not SUPRANATIONAL & set(words) \
            and not any(t.text == "-" for t in ent):
        sector = BODY_SECTORS[head]
    if sector is None:
        return None
    if head == "Ministry" and any(w in ("Defence", "Defense") for w in words):
        sector = "MIL"
    where = code or in_focus
    how = "named in it" if code else ("the state in focus" if where else "no state")
    return "organization", where, sector, f"{head.lower()} by its name ({how})"


def owned(w: Work, ent: Span) -> tuple[str, str | None, str] | None:
    """(code, sector, why) of an organization name after a state's possessive: "Colombia's defence
    ministry" (spaCy's name 'defence ministry'), sector from the institution noun it ends in."""
    doc = w.doc
    if ent.start < 2 or doc[ent.start - 1].text not in POSSESSIVE:
        return None
    end_char = doc[ent.start - 2].idx + len(doc[ent.start - 2])
    owner = next((m for m in w.mentions if m.end == end_char and m.entity
                  and w.entities[m.entity].kind == "state"), None)
    if owner is None or owner.entity is None:
        return None
    ends = [tm for tm in w.terms.values() if tm.end == ent.end and tm.start >= ent.start]
    sector = min(ends, key=lambda tm: tm.start).term.sector if ends else None
    return w.entities[owner.entity].code or "", sector, f"of {owner.text!r} (possessive)"


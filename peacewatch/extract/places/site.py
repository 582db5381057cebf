"""The place of one event: where the act happened, from the parse, with ACLED's precision.

Rules, first that applies (docs/places.md):

1. a locative preposition on the trigger or the verb that governs a noun trigger ("talks were held
   in Istanbul", "withdrew from Kherson", "an attack near Bakhmut"; "on"/"against" for attacks);
2. a host: "Qatar hosted the talks", "talks hosted by Turkey" — the host country or city;
3. a place modifying a noun trigger ("the Istanbul talks", "the Doha agreement");
4. the object of the trigger when it is a place or holds one ("shelled Kharkiv", "handed over
   four villages in Tavush"), for acts on ground (``GROUND``) and attacks;
5. a place inside the trigger's own phrase ("agreed to return the villages in Tavush").

Never a dateline, a capital standing for its government, or a place hanging on a reporting verb
("said in Kyiv" is where the speaker was). Precision (ACLED): 1 the named town, 2 near a town or a
part of a region ("near", "outskirts of", "northern", "villages in"), 3 a division, region or country.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ...types import Event, Place
from .gazetteer import TOWNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PREPS = ("in", "at", "near", "outside", "inside", "from", "around", "across", "throughout", "within")
ATTACK_PREPS = ("on", "against")
APPROX = ("near", "outside", "around", "outskirts", "vicinity", "suburbs", "suburb", "close", "north", "south",
          "east", "west", "northern", "southern", "eastern", "western", "northeast", "northwest", "southeast",
          "southwest", "northeastern", "northwestern", "southeastern", "southwestern", "central", "km",
          "kilometres", "kilometers", "miles", "part", "parts")
NAMED = ("village", "town", "city", "settlement", "hamlet", "district", "region", "province")
REPORTING = ("say", "tell", "announce", "state", "report", "claim", "add", "note", "speak", "write", "confirm",
             "deny", "accuse", "warn", "insist", "stress", "declare", "explain", "quote")
GROUND = ("hand", "return", "cede", "capture", "seize", "take", "liberate", "retake", "recapture", "occupy",
          "enter", "evacuate", "shell", "attack", "strike", "bomb", "hit", "besiege", "storm", "surrender",
          "transfer", "give", "control", "raid", "target", "blockade", "encircle", "withdraw", "leave")
ATTACK_TYPES = ("ASSAULT", "COERCE", "THREATEN")


@dataclass(frozen=True)
class Found:
    place: Place
    token: Token
    precision: int | None
    why: str


def place_tokens(doc: Doc, places: list[Place]) -> dict[int, Place]:
    """The places that can be where an act happened, by token index (computed once per document):
    not a dateline, not a capital standing for its government ("Baku said"; "in Brussels" stays)."""
    out: dict[int, Place] = {}
    for place in places:
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if place.why.startswith("dateline:") or span is None:
            continue
        if place.why.startswith("metonymy:") and not (span.root.head.dep_ == "prep" and span.root.head.lower_ in PREPS):
            continue
        for i in range(span.start, span.end):
            out[i] = place
    return out


def locate(doc: Doc, event: Event, tokens: dict[int, Place]) -> dict[str, Any] | None:
    """The contract's ``location`` of an event, or None when its sentence gives no place of the act;
    ``tokens`` are the document's ``place_tokens``."""
    trigger = _trigger(doc, event)
    if trigger is None:
        return None
    sent = trigger.sent
    usable = {i: p for i, p in tokens.items() if sent.start <= i < sent.end}
    if not usable:
        return None
    found = _find(trigger, usable, event.type) or _earlier(event, trigger, usable)
    return None if found is None else _location(found)


def _trigger(doc: Doc, event: Event) -> Token | None:
    span = doc.char_span(event.trigger_span[0], event.trigger_span[1], alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _earlier(event: Event, trigger: Token, usable: dict[int, Place]) -> Found | None:
    """The place the events component found (by name), when the rules above found none."""
    name = (event.location or {}).get("name")
    i = next((i for i, p in usable.items() if name and p.text == name), None)
    if i is None:
        return None
    return Found(usable[i], trigger.doc[i], _precision(usable[i], False), "the events component's place")


def _find(trigger: Token, usable: dict[int, Place], event_type: str) -> Found | None:
    preps = PREPS + (ATTACK_PREPS if event_type in ATTACK_TYPES else ())
    for host in _hosts(trigger):
        for child in host.children:
            if child.dep_ == "prep" and child.lower_ in preps and (hit := _inside(child, usable)) is not None:
                return _found(hit, child, usable, f"'{child.text} {hit.place.text}' on '{host.text}'")
    for rule in (_host, _modifier, _object, _phrase):
        if (found := rule(trigger, usable, event_type)) is not None:
            return found
    return None


def _hosts(trigger: Token) -> list[Token]:
    """The trigger and the verbs its clause hangs on, stopping at a reporting verb."""
    hosts = [trigger]
    t = trigger
    while t.head.i != t.i and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "prep", "xcomp", "attr",
                                         "acl", "compound", "conj"):
        t = t.head
        if t.lemma_.lower() in REPORTING:
            break
        if t.pos_ in ("VERB", "AUX"):
            hosts.append(t)
            if t.dep_ not in ("xcomp", "conj"):
                break
    return hosts


def _inside(root: Token, usable: dict[int, Place], countries: bool = True, extra: tuple[str, ...] = ()) -> Found | None:
    """The place nearest to ``root`` down the edges of a place phrase (``_EDGES``: "in the Turkish
    city of Istanbul", "at an army base outside Mekelle", "villages in Tavush"), a resolved one before an
    unresolved one; ``countries`` False: not a country."""
    unresolved: Found | None = None
    queue = [root]
    while queue:
        t = queue.pop(0)
        if t.i in usable and (countries or usable[t.i].feature != "PCLI"):
            if usable[t.i].ref is not None:
                return Found(usable[t.i], t, None, "")
            unresolved = unresolved or Found(usable[t.i], t, None, "")
        queue.extend(c for c in t.children if _edge(c, extra))
    return unresolved


def _edge(child: Token, extra: tuple[str, ...] = ()) -> bool:
    """Whether a place phrase goes on down to ``child`` (``extra``: more prepositions)."""
    if child.dep_ == "prep":
        return child.lower_ in PREPS or child.lower_ == "of" or child.lower_ in extra
    return child.dep_ in ("pobj", "appos", "conj", "dobj", "nsubjpass", "npadvmod") and \
        child.lemma_.lower() not in REPORTING


def _found(hit: Found, top: Token, usable: dict[int, Place], how: str) -> Found:
    if hit.place.ref is None and (known := _known_within(hit.token, usable)) is not None:
        # "the town of Shire in northern Tigray": Shire is unknown, Tigray is where it lies
        return Found(known.place, known.token, _precision(known.place, True),
                     f"{how}; '{hit.place.text}' is not in the gazetteer, it lies in '{known.place.text}'")
    approx = _approximate(hit.token, top, usable)
    return Found(hit.place, hit.token, _precision(hit.place, approx),
                 how + ("; near or part of it" if approx else ""))


def _known_within(t: Token, usable: dict[int, Place]) -> Found | None:
    """A resolved place that locates an unresolved one ("Shire in Tigray", "Shire, Tigray")."""
    for child in t.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "of"):
            targets = [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ in ("appos", "npadvmod"):
            targets = [child]
        else:
            continue
        for g in targets:
            if g.i in usable and usable[g.i].ref is not None:
                return Found(usable[g.i], g, None, "")
    return None


def _approximate(t: Token, top: Token, usable: dict[int, Place]) -> bool:
    """Whether words up to the preposition nearest above the place make it near or part of it
    ("near Kharkiv", "outskirts of Kyiv", "northern Tigray", "part of Donetsk region"); "the village
    of Kozacha Lopan" is the village itself, "outside the parliament in Belgrade" is in Belgrade."""
    words = {c.lower_ for c in t.children if c.i not in usable}
    while t.i != top.i and t.head.i != t.i:
        t = t.head
        if t.lower_ == "of" and t.head.lower_ in NAMED:
            t = t.head
            continue
        if t.i not in usable:
            words.add(t.lower_)
        if t.dep_ == "prep" and t.lower_ != "of":
            break
    else:
        words.add(top.lower_)
    return bool(words & set(APPROX))


def _precision(place: Place, approx: bool) -> int | None:
    if place.ref is None:
        return None
    if place.feature in TOWNS:
        return 2 if approx else 1
    if place.feature in ("ADM1", "RGN"):
        return 2 if approx else 3
    return 3


def _host(trigger: Token, usable: dict[int, Place], event_type: str) -> Found | None:
    """"Qatar hosted the talks" / "talks hosted by Turkey": the host."""
    verb = trigger.head if trigger.dep_ in ("dobj", "nsubjpass") else None
    if trigger.dep_ == "acl" or trigger.lemma_.lower() == "host":
        verb = trigger
    if verb is None or verb.lemma_.lower() != "host":
        return None
    for child in verb.children:
        targets = [child] if child.dep_ == "nsubj" else [g for g in child.children if child.dep_ == "agent"]
        for t in targets:
            if (hit := _inside(t, usable)) is not None:
                return _found(hit, t, usable, f"hosted by '{hit.place.text}'")
    for child in trigger.children:  # "talks hosted by Turkey": acl under the trigger
        if child.lemma_.lower() == "host":
            for agent in (c for c in child.children if c.dep_ == "agent"):
                if (hit := _inside(agent, usable)) is not None:
                    return _found(hit, agent, usable, f"hosted by '{hit.place.text}'")
    return None


def _modifier(trigger: Token, usable: dict[int, Place], event_type: str) -> Found | None:
    """"the Istanbul talks", "the Tigray war": a town (a region for fighting) before a noun trigger;
    "the Black Sea deal" and "the Sudan truce" say what, not where."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return None
    for child in trigger.children:
        place = usable.get(child.i)
        if place is None or child.dep_ not in ("compound", "nmod", "amod") or child.i > trigger.i:
            continue
        if place.feature in TOWNS or (place.feature in ("ADM1", "RGN") and event_type in ATTACK_TYPES):
            hit = Found(place, child, None, "")
            return _found(hit, child, usable, f"'{usable[child.i].text}' modifies '{trigger.text}'")
    return None


def _object(trigger: Token, usable: dict[int, Place], event_type: str) -> Found | None:
    """"shelled Kharkiv", "handed over four villages in Tavush": the place acted on."""
    if trigger.lemma_.lower() not in GROUND and event_type not in ATTACK_TYPES:
        return None
    for child in trigger.children:
        extra = ATTACK_PREPS if event_type in ATTACK_TYPES else ()
        if child.dep_ in ("dobj", "nsubjpass") and (hit := _inside(child, usable, extra=extra)) is not None:
            if hit.place.feature == "PCLI" and event_type not in ATTACK_TYPES:
                continue
            return _found(hit, child, usable, f"object of '{trigger.text}'")
    return None


def _phrase(trigger: Token, usable: dict[int, Place], event_type: str) -> Found | None:
    """A place inside the trigger's own phrase, not separated by a clause or reporting verb."""
    for child in trigger.children:
        if child.dep_ in ("xcomp", "dobj", "prep", "advmod", "npadvmod") and \
                (hit := _inside(child, usable, countries=False)) is not None and hit.place.ref is not None:
            return _found(hit, child, usable, f"in the phrase of '{trigger.text}'")
    return None


def _location(found: Found) -> dict[str, Any]:
    p = found.place
    return {"name": p.name or p.text, "code": p.code, "lat": p.lat, "lon": p.lon, "ref": p.ref,
            "geonameid": p.geonameid, "admin1": p.admin1, "feature": p.feature, "precision": found.precision,
            "why": f"{found.why} ({p.id}: {p.why})", "span": [p.start, p.end]}

"""Writes ledger_articles.jsonl and ledger_results.jsonl: the project's own multi-outlet articles on
the December 2023 Armenia–Azerbaijan prisoner exchange (facts restated in our words, some details
invented for the test) and hand-made per-document records for them, with offsets computed here so
they always slice the texts. Run it after editing the scenario: python tests/golden/ledger_make.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).parent

ARTICLES = [
    {
        "id": "wire-a", "published": "2023-12-07", "title": "Armenia and Azerbaijan agree to swap prisoners",
        "text": (
            "Armenia and Azerbaijan said on Thursday that they would exchange prisoners as a goodwill "
            "gesture on the road to a peace treaty. In a joint statement, the two governments said Baku "
            "would free 32 Armenian servicemen and Yerevan would free two Azerbaijani soldiers. "
            "Azerbaijani Foreign Minister Jeyhun Bayramov called the deal a historic chance. "
            "The sides also promised to hold a new round of border talks in January."
        ),
    },
    {
        "id": "wire-b", "published": "2023-12-08", "title": "Swap deal raises hopes in the South Caucasus",
        "text": (
            "A day after the joint statement of Dec. 7, diplomats in the region welcomed the agreement. "
            "Under it, Azerbaijan and Armenia are to exchange detained soldiers in the coming days. "
            "Armenian Foreign Minister Ararat Mirzoyan said both sides had also vowed to keep the calm "
            "along their shared border."
        ),
    },
    {
        "id": "daily-c", "published": "2023-12-13", "title": "Captives go home",
        "text": (
            "On Wednesday Azerbaijan handed over 32 Armenian soldiers at the border, and Armenia released "
            "two Azerbaijani servicemen in return. Bayramov said the exchange showed that the two "
            "countries could settle their disputes without mediators."
        ),
    },
    {
        "id": "weekly-d", "published": "2023-12-18", "title": "Week in review",
        "text": (
            "The exchange on Dec. 13 returned 32 Armenians and two Azerbaijanis to their families. "
            "Armenia freed the two Azerbaijani conscripts at the same crossing. "
            "Azerbaijan's release of the 32 men drew praise from the European Union."
        ),
    },
    {
        "id": "review-e", "published": "2024-02-20", "title": "Border calm broken",
        "text": (
            "In December, Azerbaijan released 32 Armenian captives. The border talks promised for January "
            "never took place. On Feb. 13 Azerbaijani troops opened fire on Armenian positions, killing "
            "four soldiers, Armenia's defence ministry said. Mirzoyan called the attack a blow to the "
            "peace process."
        ),
    },
    {
        "id": "wire-f", "published": "2024-06-10", "title": "Another release",
        "text": (
            "Azerbaijan freed five Armenian detainees on Monday, its foreign ministry said. "
            "Baku also promised to open a crossing for Armenian lorries."
        ),
    },
]


def span(text: str, phrase: str, nth: int = 1) -> list[int]:
    start = -1
    for _ in range(nth):
        start = text.index(phrase, start + 1)
    return [start, start + len(phrase)]


_BOUNDARY = re.compile(r"\. (?=[A-Z])")


def sentence(text: str, phrase: str, nth: int = 1) -> list[int]:
    """The sentence around a phrase (a full stop, a space and a capital end a sentence)."""
    start, end = span(text, phrase, nth)
    left = max((m.end() for m in _BOUNDARY.finditer(text, 0, start)), default=0)
    right = next((m.start() + 1 for m in _BOUNDARY.finditer(text, end)), len(text))
    return [left, right]


STATES = {"AZE": ("Azerbaijan", "Q227"), "ARM": ("Armenia", "Q399")}


def state(eid: str, code: str, why: str = "country name") -> dict:
    name, qid = STATES[code]
    return {"id": eid, "name": name, "kind": "state", "code": code, "sector": "GOV", "role": None,
            "wikidata": qid, "why": why}


def person(eid: str, name: str, code: str, role: str) -> dict:
    return {"id": eid, "name": name, "kind": "person", "code": code, "sector": "GOV", "role": role,
            "wikidata": None, "why": "person name with office"}


def group(eid: str, name: str, code: str) -> dict:
    return {"id": eid, "name": name, "kind": "group", "code": code, "sector": None, "role": None,
            "wikidata": None, "why": "nationality noun"}


def arg(entities: list[dict], eid: str, text: str) -> dict:
    ent = next(e for e in entities if e["id"] == eid)
    return {"entity": eid, "code": ent["code"], "sector": ent["sector"], "text": text}


def event(text: str, eid: str, type_: str, trigger: str, *, nth: int = 1, **fields: object) -> dict:
    out = {"id": eid, "type": type_, "mode": None, "context": [], "status": "occurred", "actor": [],
           "recipient": [], "date": None, "date_span": None, "location": None, "quantity": None,
           "reported_by": None, "trigger_span": span(text, trigger, nth),
           "span": sentence(text, trigger, nth), "score": None, "cameo": None, "why": "hand-made"}
    out.update(fields)
    return out


def mention(text: str, phrase: str, label: str, entity: str, nth: int = 1) -> dict:
    s, e = span(text, phrase, nth)
    return {"start": s, "end": e, "text": phrase, "label": label, "entity": entity, "metonymy": False}


def result(doc: dict, entities: list, mentions: list, events: list, commitments: list) -> dict:
    return {"id": doc["id"], "published": doc["published"], "error": None, "timexes": [],
            "mentions": mentions, "entities": entities, "quotes": [], "events": events,
            "commitments": commitments}


def commitment(cid: str, ev: str, obligor: list, beneficiary: list, action: dict, made: str,
               due: str | None = None) -> dict:
    return {"id": cid, "event": ev, "obligor": obligor, "beneficiary": beneficiary, "action": action,
            "made": made, "due": due, "status": "open", "why": "hand-made"}


def wire_a(doc: dict) -> dict:
    t = doc["text"]
    ents = [state("e1", "ARM"), state("e2", "AZE"),
            person("e3", "Jeyhun Bayramov", "AZE", "Foreign Minister"),
            state("e4", "AZE", "capital metonymy: Baku"), state("e5", "ARM", "capital metonymy: Yerevan")]
    ments = [mention(t, "Armenia", "GPE", "e1"), mention(t, "Azerbaijan", "GPE", "e2"),
             mention(t, "Baku", "GPE", "e4"), mention(t, "Yerevan", "GPE", "e5"),
             mention(t, "Jeyhun Bayramov", "PERSON", "e3")]
    both = [arg(ents, "e1", "Armenia"), arg(ents, "e2", "Azerbaijan")]
    evs = [
        event(t, "ev1", "AGREE", "joint statement", actor=both, date="2023-12-07",
              date_span=span(t, "Thursday")),
        event(t, "ev2", "RETREAT", "exchange prisoners", mode="release", status="future", actor=both,
              recipient=both),
        event(t, "ev3", "CONSULT", "hold a new round", status="future", actor=both, date="2024-01",
              date_span=span(t, "January")),
    ]
    cms = [commitment("c1", "ev2", ["e1", "e2"], ["e1", "e2"], {"type": "RETREAT", "mode": "release"},
                      "2023-12-07"),
           commitment("c2", "ev3", ["e1", "e2"], [], {"type": "CONSULT", "mode": None}, "2023-12-07",
                      due="2024-01")]
    return result(doc, ents, ments, evs, cms)


def wire_b(doc: dict) -> dict:
    t = doc["text"]
    ents = [state("e1", "AZE"), state("e2", "ARM"),
            person("e3", "Ararat Mirzoyan", "ARM", "Foreign Minister")]
    ments = [mention(t, "Azerbaijan", "GPE", "e1"), mention(t, "Armenia", "GPE", "e2"),
             mention(t, "Ararat Mirzoyan", "PERSON", "e3")]
    both = [arg(ents, "e1", "Azerbaijan"), arg(ents, "e2", "Armenia")]
    evs = [
        event(t, "ev1", "AGREE", "joint statement", actor=both, date="2023-12-07",
              date_span=span(t, "Dec. 7")),
        event(t, "ev2", "RETREAT", "exchange detained soldiers", mode="release", status="future",
              actor=both, recipient=both),
        event(t, "ev3", "RETREAT", "keep the calm", mode="ceasefire", status="future", actor=both,
              recipient=both),
    ]
    cms = [commitment("c1", "ev2", ["e1", "e2"], ["e1", "e2"], {"type": "RETREAT", "mode": "release"},
                      "2023-12-07"),
           commitment("c2", "ev3", ["e1", "e2"], ["e1", "e2"], {"type": "RETREAT", "mode": "ceasefire"},
                      "2023-12-07")]
    return result(doc, ents, ments, evs, cms)


def daily_c(doc: dict) -> dict:
    t = doc["text"]
    ents = [state("e1", "AZE"), state("e2", "ARM"), group("e3", "Armenian soldiers", "ARM"),
            group("e4", "Azerbaijani servicemen", "AZE"), person("e5", "Bayramov", "AZE", None)]
    ments = [mention(t, "Azerbaijan", "GPE", "e1"), mention(t, "Armenia", "GPE", "e2", 2),
             mention(t, "Armenian soldiers", "NORP", "e3"),
             mention(t, "Azerbaijani servicemen", "NORP", "e4"),
             mention(t, "Bayramov", "PERSON", "e5")]
    evs = [
        event(t, "ev1", "RETREAT", "handed over", mode="release", actor=[arg(ents, "e1", "Azerbaijan")],
              recipient=[arg(ents, "e3", "Armenian soldiers")], date="2023-12-13",
              date_span=span(t, "Wednesday"), quantity={"value": 32, "unit": "person"}),
        event(t, "ev2", "RETREAT", "released", mode="release", actor=[arg(ents, "e2", "Armenia")],
              recipient=[arg(ents, "e4", "Azerbaijani servicemen")], date="2023-12-13",
              date_span=span(t, "Wednesday"), quantity={"value": 2, "unit": "person"}),
    ]
    return result(doc, ents, ments, evs, [])


def weekly_d(doc: dict) -> dict:
    t = doc["text"]
    ents = [group("e1", "Armenians", "ARM"), group("e2", "Azerbaijanis", "AZE"), state("e3", "ARM"),
            state("e4", "AZE"), {"id": "e5", "name": "European Union", "kind": "igo", "code": "IGO",
                                 "sector": "IGO", "role": None, "wikidata": "Q458", "why": "IGO name"}]
    ments = [mention(t, "Armenians", "NORP", "e1"), mention(t, "Azerbaijanis", "NORP", "e2"),
             mention(t, "Armenia", "GPE", "e3", 2), mention(t, "Azerbaijan", "GPE", "e4", 3),
             mention(t, "European Union", "ORG", "e5")]
    evs = [
        event(t, "ev1", "RETREAT", "returned", mode="release", recipient=[arg(ents, "e1", "Armenians")],
              date="2023-12-13", date_span=span(t, "Dec. 13"), quantity={"value": 32, "unit": "person"}),
        event(t, "ev2", "RETREAT", "freed", mode="release", actor=[arg(ents, "e3", "Armenia")],
              recipient=[arg(ents, "e2", "Azerbaijani conscripts")],
              quantity={"value": 2, "unit": "person"}),
        event(t, "ev3", "RETREAT", "release", mode="release", actor=[arg(ents, "e4", "Azerbaijan")],
              recipient=[arg(ents, "e1", "the 32 men")], quantity={"value": 32, "unit": "person"}),
        event(t, "ev4", "SUPPORT", "drew praise", actor=[arg(ents, "e5", "European Union")],
              recipient=[arg(ents, "e4", "Azerbaijan")]),
    ]
    return result(doc, ents, ments, evs, [])


def review_e(doc: dict) -> dict:
    t = doc["text"]
    ents = [state("e1", "AZE"), state("e2", "ARM"), group("e3", "Armenian captives", "ARM"),
            {"id": "e4", "name": "Azerbaijani troops", "kind": "group", "code": "AZE", "sector": "MIL",
             "role": None, "wikidata": None, "why": "nationality + troops"},
            person("e5", "Mirzoyan", "ARM", None)]
    ments = [mention(t, "Azerbaijan", "GPE", "e1"), mention(t, "Armenia", "GPE", "e2", 3),
             mention(t, "Armenian captives", "NORP", "e3"), mention(t, "Azerbaijani troops", "NORP", "e4"),
             mention(t, "Mirzoyan", "PERSON", "e5")]
    evs = [
        event(t, "ev1", "RETREAT", "released", mode="release", actor=[arg(ents, "e1", "Azerbaijan")],
              recipient=[arg(ents, "e3", "Armenian captives")], date="2023-12",
              date_span=span(t, "December"), quantity={"value": 32, "unit": "person"}),
        event(t, "ev2", "CONSULT", "border talks", status="negated",
              actor=[arg(ents, "e1", "Azerbaijan"), arg(ents, "e2", "Armenia")], date="2024-01",
              date_span=span(t, "January")),
        event(t, "ev3", "ASSAULT", "opened fire", mode="firearms",
              actor=[arg(ents, "e4", "Azerbaijani troops")],
              recipient=[arg(ents, "e2", "Armenian positions")], date="2024-02-13",
              date_span=span(t, "Feb. 13"), quantity={"value": 4, "unit": "killed"}, reported_by="e2"),
    ]
    return result(doc, ents, ments, evs, [])


def wire_f(doc: dict) -> dict:
    t = doc["text"]
    ents = [state("e1", "AZE"), group("e2", "Armenian detainees", "ARM"),
            state("e3", "AZE", "capital metonymy: Baku"), group("e4", "Armenian lorries", "ARM")]
    ments = [mention(t, "Azerbaijan", "GPE", "e1"), mention(t, "Armenian detainees", "NORP", "e2"),
             mention(t, "Baku", "GPE", "e3"), mention(t, "Armenian lorries", "NORP", "e4")]
    evs = [
        event(t, "ev1", "RETREAT", "freed", mode="release", actor=[arg(ents, "e1", "Azerbaijan")],
              recipient=[arg(ents, "e2", "Armenian detainees")], date="2024-06-10",
              date_span=span(t, "Monday"), quantity={"value": 5, "unit": "person"}),
        event(t, "ev2", "RETREAT", "open a crossing", mode="access", status="future",
              actor=[arg(ents, "e3", "Baku")], recipient=[arg(ents, "e4", "Armenian lorries")]),
    ]
    cms = [commitment("c1", "ev2", ["e3"], ["e4"], {"type": "RETREAT", "mode": "access"}, "2024-06-10")]
    return result(doc, ents, ments, evs, cms)


BUILDERS = [wire_a, wire_b, daily_c, weekly_d, review_e, wire_f]


def main() -> None:
    with open(HERE / "ledger_articles.jsonl", "w", encoding="utf-8") as out:
        for doc in ARTICLES:
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    with open(HERE / "ledger_results.jsonl", "w", encoding="utf-8") as out:
        for doc, build in zip(ARTICLES, BUILDERS, strict=True):
            out.write(json.dumps(build(doc), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

"""Agreements as the API and the dashboard show them: the ledger's agreement records (``Reader.agreements``)
with their provisions, each provision a commitment with its status and its implementation level
(PAM's 0 not begun, 1 minimal, 2 intermediate, 3 complete)."""

from __future__ import annotations

from typing import Any

from ...resolve import LedgerCommitment
from ...resolve.records import Agreement
from ...store.reads import Reader
from ..present import action_text

LEVELS = {0: "not begun", 1: "minimal", 2: "intermediate", 3: "complete"}
AGREEMENT_COLUMNS = ["id", "date", "name", "stage", "signatories", "third_parties", "signed", "in_force",
                     "provisions", "fulfilled", "mean_level", "ceasefire_ended", "sources", "first_reported"]


def agreements_between(reader: Reader, actor: str | None, since: str | None, until: str | None) -> list[Agreement]:
    """The agreements a party took part in (all without one), in order, dated within the days given
    (an agreement without a date is left out when days are asked for)."""
    found = reader.agreements(actor)
    if since:
        found = [a for a in found if a.date and a.date >= since]
    if until:
        found = [a for a in found if a.date and a.date[:len(until)] <= until]
    return found


def dyad_agreements(reader: Reader, a: str, b: str) -> list[Agreement]:
    """The agreements both parties took part in (as signatory or third party), in order."""
    mine = {x.id for x in reader.agreements(a)}
    return [x for x in reader.agreements(b) if x.id in mine]


def provision_item(c: LedgerCommitment, names: dict[str, str]) -> dict[str, Any]:
    return {"id": c.id, "promise": action_text(c), "action": c.action, "status": c.status, "level": c.level,
            "level_name": LEVELS.get(c.level, str(c.level)), "made": c.made, "due": c.due,
            "obligor_names": ", ".join(names.get(o, o) for o in c.obligor) or "–", "fulfilled_on": c.fulfilled_on}


def agreement_items(reader: Reader, agreements: list[Agreement], names: dict[str, str]) -> list[dict[str, Any]]:
    """Each agreement's record with its parties' names and its provisions (in the record's order)."""
    return [_agreement(a, reader.provisions(a), names) for a in agreements]


def _agreement(a: Agreement, provisions: list[LedgerCommitment], names: dict[str, str]) -> dict[str, Any]:
    return {**a.to_dict(), "signatory_names": ", ".join(names.get(s, s) for s in a.signatories) or "–",
            "third_party_names": ", ".join(names.get(s, s) for s in a.third_parties),
            "provision_items": [provision_item(c, names) for c in provisions]}


def agreement_row(item: dict[str, Any]) -> dict[str, Any]:
    provisions = item["provision_items"]
    levels = [p["level"] for p in provisions]
    return {
        "id": item["id"], "date": item["date"], "name": item["name"], "stage": item["stage"],
        "signatories": item["signatory_names"], "third_parties": item["third_party_names"],
        "signed": item["signed"], "in_force": item["in_force"], "provisions": len(provisions),
        "fulfilled": sum(1 for p in provisions if p["status"] == "fulfilled"),
        "mean_level": round(sum(levels) / len(levels), 2) if levels else None,
        "ceasefire_ended": (item.get("ceasefire") or {}).get("ended"), "sources": item["sources"],
        "first_reported": item["first_reported"],
    }

"""Announced acts of carrying out a deal told by verbs the event rules do not type
(``extract/commitment_verbs.py``): who is bound, and when the clause binds no one."""

from __future__ import annotations

import pytest

from peacewatch.extract.commitment_verbs import verb_rows
from peacewatch.types import Document

DEAL = "Azerbaijan and Armenia signed a peace agreement on Tuesday in Washington. "


@pytest.fixture(scope="module")
def full(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex", "actors", "events", "commitments")


def _announced(full, text: str) -> list[tuple[str, str | None, int]]:  # type: ignore[no-untyped-def]
    [result] = list(full.annotate([Document(id="d", text=text, published="2024-03-01")]))
    return [(c.action["type"], c.action["mode"], len(c.obligor)) for c in result.commitments
            if "announced by" in (c.why or "")]


@pytest.mark.parametrize("text, found", [
    # the subject's parties are bound; a passive with no agent binds the deal's two parties
    (DEAL + "Qatar and Egypt will monitor the ceasefire through a body based in Cairo.", [("COOPERATE", None, 2)]),
    (DEAL + "The lists of detainees will be relayed to the mediators.", [("COOPERATE", None, 2)]),
    (DEAL + "Armenia is to hand over its heavy weapons.", [("RETREAT", "disarm", 1)]),
    (DEAL + "Qatar and Egypt will stay in Cairo and monitor the ceasefire.", [("COOPERATE", None, 2)]),
    (DEAL + "Qatar and Egypt will not stay in Cairo and monitor the ceasefire.", []),
    # a subject naming no party, a negated or conditional clause, a deal of no parties: none
    (DEAL + "A joint body will monitor the ceasefire.", []),
    (DEAL + "Qatar and Egypt will not monitor the ceasefire.", []),
    (DEAL + "If the talks go well, Qatar and Egypt would monitor the ceasefire.", []),
    ("Qatar and Egypt will monitor the ceasefire through a body based in Cairo.", []),
    # done, not announced
    (DEAL + "Qatar and Egypt monitored the ceasefire.", []),
])
def test_an_announced_implementing_verb_is_a_commitment_of_its_subject(
        full, text: str, found: list[tuple[str, str | None, int]]) -> None:  # type: ignore[no-untyped-def]
    assert _announced(full, text) == found


def test_an_announced_act_dates_from_the_deal_and_is_due_by_its_deadline(full) -> None:  # type: ignore[no-untyped-def]
    text = DEAL + "Azerbaijan and Armenia will finalise the border map by June 30."
    [result] = list(full.annotate([Document(id="d", text=text, published="2024-03-01")]))
    [c] = [c for c in result.commitments if "announced by" in (c.why or "")]
    assert c.action == {"type": "CONSULT", "mode": None}
    assert c.made == "2024-02-27" and c.due == "2024-06-30" and c.event


def test_the_verb_table_reads_a_row_by_its_object() -> None:
    rows = verb_rows()
    assert [(r.type, r.mode) for r in rows["hand"]] == [("RETREAT", "disarm"), ("RETREAT", "release"),
                                                         ("COOPERATE", None)]
    assert rows["hand"][0].objects is not None and rows["hand"][0].objects.match("weapons")
    assert rows["hand"][1].objects is not None and rows["hand"][1].objects.match("hostages")
    assert rows["monitor"][0].objects is None


@pytest.mark.parametrize("text, action", [
    # a bare pledge whose verb is an implementing one promises that act, not a vague agreement
    ("Egypt has pledged to relay the lists of names to Israel.", ("COOPERATE", None)),
    # the pledge's own verb: aid let in is humanitarian access, not a vague agreement
    ("Israel will allow 600 aid trucks into Gaza every day.", ("RETREAT", "access")),
    ("Israel will allow journalists into Gaza.", ("AGREE", None)),
    ("Azerbaijan has pledged to work with Armenia.", ("AGREE", None)),
])
def test_a_bare_pledge_promises_the_implementing_act_its_verb_names(
        full, text: str, action: tuple[str, str | None]) -> None:  # type: ignore[no-untyped-def]
    [result] = list(full.annotate([Document(id="d", text=text, published="2024-03-01")]))
    assert [(c.action["type"], c.action["mode"]) for c in result.commitments] == [action]


@pytest.mark.parametrize("text, found", [
    # the deal's party is a coalition ("the two belligerents" standing for both sides): its members
    # are the deal's parties, so the agentless passive binds them
    ("Qatar said Azerbaijan and Armenia would end the war. \"The two belligerents have reached a deal on "
     "the prisoner swap,\" the prime minister said on Tuesday. The numbers of prisoners would be finalised "
     "during the first 42 days.", [("CONSULT", ["Armenia", "Azerbaijan"])]),
    ("Qatar said that Azerbaijan and Armenia had agreed to end the war. The two belligerents reached a peace "
     "agreement on Tuesday. The lists of detainees will be relayed to the mediators.",
     [("COOPERATE", ["Armenia", "Azerbaijan"])]),
])
def test_a_coalition_party_of_the_deal_binds_its_members(full, text: str, found: list[tuple[str, list[str]]]
                                                         ) -> None:  # type: ignore[no-untyped-def]
    [result] = list(full.annotate([Document(id="d", text=text, published="2024-03-01")]))
    names = {e.id: e.name for e in result.entities}
    assert [(c.action["type"], sorted(names[o] for o in c.obligor)) for c in result.commitments
            if "announced by" in (c.why or "")] == found

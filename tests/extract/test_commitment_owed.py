"""A deal's terms told without their doer ("30 prisoners are to be freed", "are due to be handed over on
Sunday", "32 Armenian prisoners will be released in the first phase"): in an article that reports a deal, a
commitment of the deal's parties (of the side holding those a release frees), made on the deal's day and due
on the day its clause names (``extract/commitments.py`` ``_owed_term``, ``extract/commitment_verbs.py``,
``events/promise.owed_passive``, ``released_by``); and where they bind no one."""

from __future__ import annotations

import pytest

from tests.extract.annotate import annotated

PUBLISHED = "2024-03-01"  # a Friday: "Tuesday" is 27 February, "Sunday" 3 March
DEAL = "Azerbaijan and Armenia reached a ceasefire deal on Tuesday. "
AGREED = "Azerbaijan and Armenia agreed on Tuesday to a three-day truce. "


@pytest.fixture(scope="module")
def full(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("timex", "actors", "quotes", "events", "commitments")



def _releases(full, text: str) -> list[tuple[list[str], str | None, str | None]]:  # type: ignore[no-untyped-def]
    """(obligor names, made, due) of every release the text commits to."""
    result = annotated(full, text, PUBLISHED)
    names = {e.id: e.name for e in result.entities}
    return [(sorted(names[o] for o in c.obligor), c.made, c.due) for c in result.commitments
            if (c.action["type"], c.action["mode"]) == ("RETREAT", "release")]


BOTH = ["Armenia", "Azerbaijan"]


@pytest.mark.parametrize("text, found", [
    # "is / are to", "due / scheduled to" + an agentless passive: no event rule reads these releases
    (DEAL + "Under the deal, 30 prisoners are to be freed in the first phase.", [(BOTH, "2024-02-27", None)]),
    (DEAL + "The prisoners are due to be handed over on Sunday.", [(BOTH, "2024-02-27", "2024-03-03")]),
    (DEAL + "The detainees are scheduled to be released on Sunday.", [(BOTH, "2024-02-27", "2024-03-03")]),
    # an announced passive that names a side only in what it frees binds the deal's side holding them:
    # the one it names as holding them, else the other side than theirs
    (DEAL + "32 Armenian prisoners will be released in the first phase.", [(["Azerbaijan"], "2024-02-27", None)]),
    (DEAL + "Prisoners held by Azerbaijan will be freed under the deal.", [(["Azerbaijan"], "2024-02-27", None)]),
    (DEAL + "Thirty prisoners will be released in the first phase.", [(BOTH, "2024-02-27", None)]),
    # a deal told only as an act agreed ("agreed to a truce", typed CONCEDE future) has parties too
    (AGREED + "Thirty prisoners will be released during the truce.", [(BOTH, "2024-02-27", None)]),
])
def test_a_term_told_without_its_doer_binds_the_deals_parties(
        full, text: str, found: list[tuple[list[str], str | None, str | None]]) -> None:  # type: ignore[no-untyped-def]
    assert _releases(full, text) == found


@pytest.mark.parametrize("text", [
    # no deal reached, or none reported
    "Azerbaijan and Armenia failed to reach a deal on Tuesday. The prisoners are to be freed on Sunday.",
    "The prisoners are to be freed on Sunday, the mediators said.",
    # a hope, a forecast, a condition, a denial, a demand
    DEAL + "Families hope the prisoners will be released soon.",
    DEAL + "The prisoners are expected to be released on Sunday.",
    DEAL + "If the truce holds, the prisoners will be released on Sunday.",
    DEAL + "The prisoners are not due to be released before Sunday.",
    DEAL + "No prisoners will be released under the deal.",
    DEAL + "Armenia demanded that the prisoners be released.",
    # an announced passive whose sentence names neither the deal nor a part of it is not read as its term
    DEAL + "Prisoners held by Azerbaijan will be freed in exchange.",
])
def test_no_term_from_a_hope_a_condition_a_denial_or_no_deal(full, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _releases(full, text) == []


def test_a_named_doer_is_bound_alone(full) -> None:  # type: ignore[no-untyped-def]
    text = DEAL + "The prisoners will be released by Azerbaijan on Sunday."
    assert _releases(full, text) == [(["Azerbaijan"], PUBLISHED, "2024-03-03")]


@pytest.mark.parametrize("text, count", [
    # a tens word hung on the unit word after it ("thirty-three", "twenty one") is one number
    (DEAL + "Thirty-three Armenian prisoners will be released in the first phase.", 33),
    ("Azerbaijan will release twenty one Armenian prisoners on Sunday.", 21),
    ("Azerbaijan will release three Armenian prisoners on Sunday.", 3),
])
def test_a_promised_count_told_in_words(full, text: str, count: int) -> None:  # type: ignore[no-untyped-def]
    [c] = [c for c in annotated(full, text, PUBLISHED).commitments if c.action["mode"] == "release"]
    assert c.action["quantity"] == {"unit": "person", "value": count}

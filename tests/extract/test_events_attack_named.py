"""The attacker named in the attack noun of a passive act's occasion (docs/events.md, "Fifteenth round:
acts in whole articles"): "ten people were killed in a rebel raid" is the rebels' act, not that of the
sides the article named last. On texts of an invented conflict written for these tests."""

from __future__ import annotations

import pytest

from .annotate import annotated, events_pipeline

# An earlier sentence names both sides, so that an actorless act would inherit them.
BEFORE = "Togo and Ghana met in Accra on Monday. "


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return events_pipeline(make_pipeline)


def _acts(pipe, text: str, trigger: str) -> list[set[str]]:  # type: ignore[no-untyped-def]
    """The actor codes of every event whose trigger is the word ``trigger``."""
    full = BEFORE + text
    return [{a.code for a in e.actor if a.code} for e in annotated(pipe, full, "2024-05-10").events
            if full[e.trigger_span[0]:e.trigger_span[1]] == trigger]


@pytest.mark.parametrize("text, trigger, actors", [
    # before: each inherited Togo and Ghana, the sides last named
    ("Three civilians were killed in a Ghanaian raid on Lome on Tuesday.", "killed", {"GHA"}),
    ("The hostages were abducted during the Ghanaian attack on Lome.", "abducted", {"GHA"}),
    ("Three civilians were wounded in an attack by Ghanaian troops.", "wounded", {"GHA"}),
    # one raid told in the perfect is still one attack
    ("Three civilians have been killed in a Ghanaian raid.", "killed", {"GHA"}),
])
def test_the_attack_noun_names_who_did_the_passive_act(pipe, text, trigger, actors) -> None:  # type: ignore[no-untyped-def]
    assert _acts(pipe, text, trigger) == [actors]


def test_a_gerund_names_its_doer_as_a_modifier(pipe) -> None:  # type: ignore[no-untyped-def]
    # before: Togo (inherited), with the Ghanaians as recipient
    assert _acts(pipe, "Ghanaian shelling of Lome continued on Tuesday.", "shelling") == [{"GHA"}]


@pytest.mark.parametrize("text, trigger, actors", [
    # the attack noun names no attacker: the act inherits as before
    ("Ten people were killed in an attack on Lome.", "killed", {"TGO", "GHA"}),
    # an agent of its own wins over the occasion
    ("Ten people were killed by Togolese troops in a Ghanaian raid.", "killed", {"TGO"}),
    # an active verb keeps its subject
    ("Togolese troops killed ten people in a Ghanaian raid.", "killed", {"TGO"}),
    # a running toll of many attacks in the present perfect is no one attack: as before
    ("More than 1,800 Togolese have been killed in Ghanaian attacks since May.", "killed", {"TGO", "GHA"}),
])
def test_limits(pipe, text, trigger, actors) -> None:  # type: ignore[no-untyped-def]
    assert _acts(pipe, text, trigger) == [actors]

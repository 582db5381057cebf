"""A deal named as the frame of another act ("under the deal", "as part of the ceasefire", "under the terms
of the truce") in an article that told the deal before is that deal again: no new agreement or truce of its
sentence, and the sentence's subject is not its party; the act the frame governs keeps its reading
(``extract/events/frames.py``). On sentences of an invented conflict written for this test
(docs/events.md, "Fourteenth round: a deal named as a frame")."""

from __future__ import annotations

import pytest

from .annotate import dated, events_pipeline

TOLD = "The Harlan rebels and the government signed a truce on Sunday. "  # the deal, told before the frame


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return events_pipeline(make_pipeline)


def _events(pipe, text: str) -> list[tuple[str, str, list[str]]]:  # type: ignore[no-untyped-def]
    return [(e.type, text[e.trigger_span[0]:e.trigger_span[1]], [a.text for a in e.actor])
            for e in dated(pipe, text).events]


def _triggers(pipe, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [trigger for _type, trigger, _actors in _events(pipe, text)]


@pytest.mark.parametrize("text, party", [
    ("Under the deal, Kenyan hostages are to be freed in the first phase.", "Kenyan hostages"),
    ("Under the deal, the United Nations was chosen to monitor the border.", "United Nations"),
])
def test_under_the_deal_adds_no_second_agreement_with_the_subject_as_its_party(pipe, text: str, party: str) -> None:  # type: ignore[no-untyped-def]
    # before: a second AGREE, triggered by "deal", the sentence's subject its actor
    events = _events(pipe, "The Harlan rebels and the government reached a deal on Monday. " + text)
    assert ("AGREE", "reached") in [(e[0], e[1]) for e in events]
    assert not [e for e in events if e[1] == "deal" or party in e[2]]


def test_a_truce_named_as_a_frame_is_no_truce_of_its_sentence(pipe) -> None:  # type: ignore[no-untyped-def]
    # before: RETREAT ceasefire triggered by "ceasefire", the rebels its actor
    assert _triggers(pipe, TOLD + "As part of the ceasefire, the Harlan rebels are expected to halt recruitment.") == [
        "signed"]


def test_under_the_terms_of_a_truce_the_act_is_no_new_truce(pipe) -> None:  # type: ignore[no-untyped-def]
    # before: CONCEDE future triggered by "truce", not by the act it frames
    assert _triggers(pipe, TOLD + "Under the terms of the truce, the Harlan rebels will leave Kere.") == [
        "signed", "leave"]


@pytest.mark.parametrize("text, kept", [
    ("Pursuant to the ceasefire agreement, the Harlan rebels handed over 30 rifles on Friday.",
     ("RETREAT", "handed over")),
    ("Under the peace agreement, the Harlan rebels withdrew from Kere on Monday.", ("RETREAT", "withdrew")),
    ("As per the accord, the army released 20 prisoners on Monday.", ("RETREAT", "released")),
])
def test_the_act_a_frame_governs_keeps_its_reading_alone(pipe, text: str, kept: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    # before (the first): a CONCEDE future triggered by "ceasefire agreement" beside the handover told as done
    assert [(e[0], e[1]) for e in _events(pipe, TOLD + text)] == [("SUPPORT", "signed"), kept]


@pytest.mark.parametrize("text, trigger", [
    # the frame is the article's first word of its deal: its only report of it, a background event
    ("Pursuant to the ceasefire agreement, the Harlan rebels handed over 30 rifles on Friday.", "ceasefire agreement"),
    ("Government troops entered Kere on Tuesday as part of the truce.", "truce"),
    # "in line with" was measured and left out (docs/events.md)
    (TOLD + "Government troops entered Kere on Tuesday in line with the provisions of the truce.", "truce"),
    # talks named as a frame are talks the guide codes ("as part of the talks in Jeddah")
    (TOLD + "Within the framework of the talks, the Harlan rebels freed 12 soldiers on Sunday.", "talks"),
    # no frame: the signed truce, the terms of a truce an act is done to
    ("The Harlan rebels and the government signed a truce on Monday.", "signed"),
    (TOLD + "The Harlan rebels violated the terms of the truce on Monday.", "violated"),
    ("The truce under which prisoners were freed collapsed on Monday.", "truce"),
])
def test_a_deal_noun_outside_a_told_frame_keeps_its_reading(pipe, text: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    assert trigger in _triggers(pipe, text)


def test_the_frame_words_alone(nlp) -> None:  # type: ignore[no-untyped-def]
    from peacewatch.extract.events.frames import framed

    def framed_words(text: str) -> list[str]:
        return [t.text for t in nlp(TOLD + text) if framed(t)]

    assert framed_words("Under the terms of the ceasefire deal, the army will leave.") == ["terms", "ceasefire", "deal"]
    assert framed_words("The exchange took place under the truce and the prisoner deal.") == ["truce", "deal"]
    assert framed_words("The army and the rebels agreed to a truce under pressure from Qatar.") == []
    assert framed_words("Most of the fighters are part of the truce committee.") == []
    assert framed_words("The rebels violated the terms of the truce.") == []
    assert framed_words("Police entered Kere in line with the provisions of the accord.") == []
    assert framed_words("Within the framework of the accord, the army will leave.") == ["accord"]
    # a deal told with its making reports the agreeing, with its parties
    assert framed_words("Under a deal reached on Tuesday, the army will leave.") == []
    assert framed_words("Under the deal between the rebels and Kerland, the army will leave.") == []
    assert [t.text for t in nlp("Under the terms of the ceasefire deal, the army will leave.") if framed(t)] == []

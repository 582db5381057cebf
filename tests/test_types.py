from hypothesis import given
from hypothesis import strategies as st

from peacewatch.types import Argument, Commitment, Document, Entity, Event, Quote, Result, Timex


def sample_result() -> Result:
    return Result(
        id="d1", published="2023-12-26",
        timexes=[Timex(0, 6, "Monday", "DATE", "2023-12-25", why="weekday, past")],
        entities=[Entity("e1", "Azerbaijan", "state", "AZE", "GOV")],
        quotes=[Quote((10, 20), speaker="e1", speaker_span=(0, 4), cue_span=(5, 9), direct=True)],
        events=[Event("ev1", "RETREAT", (3, 9), (0, 40), mode="release",
                      actor=[Argument("e1", "AZE", "GOV", "Azerbaijan")],
                      quantity={"value": 32, "unit": "person"})],
        commitments=[Commitment("c1", "ev1", obligor=["e1"], action={"type": "RETREAT"})],
    )


def test_result_round_trips_through_its_dictionary():
    result = sample_result()
    data = result.to_dict()
    assert data["quotes"][0]["content_span"] == [10, 20]
    assert data["events"][0]["actor"][0]["code"] == "AZE"
    assert Result.from_dict(data) == result


def test_contract_fields_are_present_even_when_empty():
    data = Result(id="x").to_dict()
    for key in ("id", "published", "error", "timexes", "mentions", "entities", "quotes", "events",
                "commitments"):
        assert key in data
    assert data["error"] is None


@given(st.text(min_size=1))
def test_document_hash_id_is_16_hex_digits_and_stable(text: str) -> None:
    first = Document.hash_id(text)
    assert first == Document.hash_id(text)
    assert len(first) == 16 and int(first, 16) >= 0

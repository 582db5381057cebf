"""Long texts run in bounded pieces: offsets still slice the whole text, ids stay unique, nothing is lost."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from peacewatch.pieces import split
from peacewatch.types import Document

PARAGRAPHS = [
    "Kenya and Uganda held talks in Nairobi on Monday. Officials said the talks would resume next week.",
    "Serbia and Kosovo met in Brussels on March 3. Kosovo rejected the proposal a day later.",
    "The army of Sudan and the RSF signed a truce in Jeddah on May 20, 2023.",
    "Armenia and Azerbaijan exchanged prisoners on Friday. Armenia said it welcomed the exchange.",
    "Colombia and the ELN agreed to extend the ceasefire until August 3.",
]


def long_text(repeats: int) -> str:
    return "\n\n".join(p.replace("Monday", f"Monday {i}") if i else p
                       for i in range(repeats) for p in PARAGRAPHS)


@given(st.text(alphabet=st.sampled_from("ab .\n"), max_size=400), st.integers(min_value=1, max_value=60))
def test_pieces_cover_the_text_end_to_end_and_are_never_too_long(text, size):
    pieces = split(text, size)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:], strict=False))
    assert all(0 < end - start <= size for start, end in pieces) or text == ""


def test_a_cut_falls_on_a_paragraph_break_when_there_is_one():
    text = long_text(1)
    [(_, end), _rest] = split(text, len(text) - 10)
    assert text[end - 2:end] == "\n\n"


def test_a_long_text_is_annotated_in_pieces_with_offsets_into_the_whole_text(make_pipeline):
    text = long_text(4)  # about 1,800 characters
    pipe = make_pipeline("timex", "actors", "quotes", "events", "commitments", piece_chars=500)
    assert len(split(text, 500)) >= 4
    [result] = list(pipe.annotate([Document("long", text, published="2024-03-10")]))
    assert result.error is None
    for m in result.mentions:
        assert text[m.start:m.end] == m.text
    for t in result.timexes:
        assert text[t.start:t.end] == t.text
    for ev in result.events:
        start, end = ev.trigger_span
        assert 0 <= start < end <= len(text)
    second = split(text, 500)[1]
    assert any(second[0] <= m.start < second[1] and m.text == "Kosovo" for m in result.mentions)
    assert any(t.start > second[1] for t in result.timexes)
    for records in (result.entities, result.events, result.commitments):
        ids = [r.id for r in records]
        assert len(ids) == len(set(ids))
    entity_ids = {e.id for e in result.entities}
    assert all(m.entity in entity_ids for m in result.mentions if m.entity)
    assert all(a.entity in entity_ids for ev in result.events for a in ev.actor + ev.recipient if a.entity)
    event_ids = {e.id for e in result.events}
    assert all(c.event in event_ids for c in result.commitments)
    kenya = {m.entity for m in result.mentions if m.text == "Kenya"}
    assert len(kenya) == 1  # the same state in every piece is one entity


def test_pieces_give_what_each_piece_gives_alone_shifted(make_pipeline):
    text = long_text(1)
    pieces = split(text, 200)
    pipe = make_pipeline("timex", piece_chars=200)
    [whole] = list(pipe.annotate([Document("d", text, published="2024-03-10")]))
    alone = []
    for start, end in pieces:
        [part] = list(make_pipeline("timex").annotate([Document("d", text[start:end], published="2024-03-10")]))
        alone += [(t.start + start, t.end + start, t.value) for t in part.timexes]
    assert [(t.start, t.end, t.value) for t in whole.timexes] == alone and alone


def test_the_result_is_the_same_run_twice(make_pipeline):
    pipe = make_pipeline("timex", "actors", "quotes", "events", "commitments", piece_chars=500)
    doc = Document("long", long_text(3), published="2024-03-10")
    assert list(pipe.annotate([doc])) == list(pipe.annotate([doc]))

"""The quotes component: quotation-mark pairing, registration, the seed article and properties."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peacewatch.config import load_config
from peacewatch.errors import ConfigError
from peacewatch.extract.quotes.lexicon import load_lexicon
from peacewatch.extract.quotes.marks import find_quotations
from peacewatch.pipeline import Pipeline, registered
from peacewatch.types import Document, Result
from tests.conftest import shared_path
from tests.extract.annotate import annotated as run


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("mentions", "quotes")


def cut(text: str, span: tuple[int, int] | None) -> str:
    assert span is not None
    return text[span[0]:span[1]]


def contents(text: str) -> list[str]:
    return [text[q.content_start:q.content_end] for q in find_quotations(text)]


# --- quotation marks -------------------------------------------------------------------------

def test_straight_and_curly_pairs() -> None:
    text = 'He said "one two" and then \u201cthree four,\u201d she said.'
    assert contents(text) == ["one two", "three four"]


def test_content_excludes_marks_space_and_trailing_comma() -> None:
    text = '" We are ready, " he said.'
    [q] = find_quotations(text)
    assert text[q.content_start:q.content_end] == "We are ready"
    assert (q.start, q.end) == (0, 17)


def test_quotation_over_paragraphs_continues_when_next_paragraph_opens_with_mark() -> None:
    text = '"First paragraph of the quote.\n"Second paragraph," she said.'
    found = find_quotations(text)
    assert [text[q.content_start:q.content_end] for q in found] == [
        "First paragraph of the quote.", "Second paragraph"]
    assert found[0].continued and not found[1].continued


def test_straight_and_curly_double_marks_close_each_other() -> None:
    text = '"We acknowledge it,\u201d Rubio said. \u201cImmunity deals are bad," he said.'
    assert contents(text) == ["We acknowledge it", "Immunity deals are bad"]


def test_unbalanced_quotation_is_dropped() -> None:
    assert contents('He said "this never closes.\nA new paragraph without marks.') == []


def test_stray_closing_mark_is_ignored() -> None:
    assert contents("Text with a stray \u201d mark and \u201cthen a quote\u201d.") == ["then a quote"]


def test_closing_mark_opening_a_paragraph_is_taken_as_opening() -> None:
    assert contents("Intro.\n\u201dWe stay,\u201d she said.") == ["We stay"]


def test_doubled_apostrophes_are_quotation_marks() -> None:
    assert contents("''We will see,'' the envoy said.") == ["We will see"]


def test_lexicon_tables_load() -> None:
    lex = load_lexicon()
    assert lex.cues["say"].content == ("ccomp",)
    assert lex.according["accord"] == "to"
    assert lex.speakers["she"] == "person"
    assert lex.nouns["claim"] == "speech"
    assert any(p.symmetric for p in lex.marks)


# --- the component ---------------------------------------------------------------------------

def test_registered_with_its_contract() -> None:
    reg = registered()["quotes"]
    assert reg.requires == ("parse", "mentions", "entities")
    assert reg.provides == ("quotes",)


def test_quotes_before_mentions_is_refused() -> None:
    with pytest.raises(ConfigError) as info:
        Pipeline.build(load_config(pipeline=["quotes", "mentions"]), nlp=object())  # type: ignore[arg-type]
    assert info.value.code == "E023"


def test_every_quote_has_a_why_and_spans_in_text(pipe) -> None:  # type: ignore[no-untyped-def]
    text = ('Minister Paul Young arrived on Monday. "We are ready to sign," Young said. '
            "He added that the border would open in May.")
    result = run(pipe, text)
    assert len(result.quotes) == 2
    for q in result.quotes:
        assert q.why
        for span in (q.content_span, q.speaker_span, q.cue_span):
            assert span is not None and 0 <= span[0] < span[1] <= len(text)
    direct, indirect = result.quotes
    assert direct.direct and cut(text, direct.cue_span) == "said"
    assert not indirect.direct and cut(text, indirect.speaker_span) == "He"
    assert indirect.speaker == direct.speaker


def test_speaker_span_is_the_pronoun_beside_the_cue(pipe) -> None:  # type: ignore[no-untyped-def]
    text = 'Helen Ward spoke to the council. "The roads are open again," she said.'
    [q] = run(pipe, text).quotes
    assert cut(text, q.speaker_span) == "she"
    assert q.speaker is not None and "nearest preceding person" in (q.why or "")


def test_pronoun_without_any_person_leaves_speaker_unknown(pipe) -> None:  # type: ignore[no-untyped-def]
    text = '"The roads are open again," she said.'
    [q] = run(pipe, text).quotes
    assert q.speaker is None and cut(text, q.speaker_span) == "she"


# --- the seed article ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed(pipe):  # type: ignore[no-untyped-def]
    line = shared_path("seed", "seed.jsonl").read_text("utf-8").splitlines()[0]
    doc = Document.from_dict(json.loads(line))
    [result] = list(pipe.annotate([doc]))
    assert result.error is None
    return doc.text, result


def _speaker_of(text: str, result: Result, content_start: str) -> str:
    for q in result.quotes:
        if text[q.content_span[0]:q.content_span[1]].startswith(content_start):
            entity = result.entity(q.speaker)
            assert entity is not None, f"no speaker for {content_start!r}: {q.why}"
            return entity.name
    raise AssertionError(f"no quote starting {content_start!r}")


def test_seed_direct_quotes_are_bayramovs(seed) -> None:  # type: ignore[no-untyped-def]
    text, result = seed
    direct = [q for q in result.quotes if q.direct]
    wholly_quoted = [q for q in direct if "mixed" not in (q.why or "")]
    assert len(wholly_quoted) == 4
    for q in direct:
        entity = result.entity(q.speaker)
        assert entity is not None and "Bayramov" in entity.name, q.why
        speaker_text = text[q.speaker_span[0]:q.speaker_span[1]]  # type: ignore[index]
        assert speaker_text in ("Bayramov", "he", "He"), speaker_text


@pytest.mark.parametrize("start, who", [
    ("Signing a peace treaty", "Bayramov"),
    ("Azerbaijan is the party behind", "Bayramov"),
    ("that Baku had received", "Bayramov"),
    ("the respective meetings will take place", "Bayramov"),
    ("it was possible to sign", "Pashinyan"),
])
def test_seed_indirect_quotes(seed, start: str, who: str) -> None:  # type: ignore[no-untyped-def]
    text, result = seed
    assert who in _speaker_of(text, result, start)


def test_seed_scare_quote_is_not_a_quote_of_its_own(seed) -> None:  # type: ignore[no-untyped-def]
    text, result = seed
    assert all(text[q.content_span[0]:q.content_span[1]] != "concrete steps" for q in result.quotes)


# --- properties ------------------------------------------------------------------------------

QUOTEY = st.text(alphabet=st.sampled_from(list('ab ."\u201c\u201d\n,\'`:\u2015Xy')), max_size=80)


@given(QUOTEY)
def test_quotations_slice_the_text(text: str) -> None:
    for q in find_quotations(text):
        assert 0 <= q.start <= q.content_start < q.content_end <= q.end <= len(text)
        assert text[q.content_start:q.content_end].strip() == text[q.content_start:q.content_end]


WORDS = st.sampled_from(["He", "said", '"', "\u201c", "\u201d", "Maria Lopez", "that", "the", "talks",
                         "according", "to", ",", ".", "\n", "told", "believes", "\u2015", "called",
                         "resume", "she", "''", ":", "will"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.lists(WORDS, max_size=30).map(" ".join), st.text(max_size=60)))
def test_arbitrary_text_never_crashes_and_spans_slice(pipe, text: str) -> None:  # type: ignore[no-untyped-def]
    if not text.strip():
        return
    result = run(pipe, text)
    for q in result.quotes:
        for span in (q.content_span, q.speaker_span, q.cue_span):
            if span is not None:
                assert 0 <= span[0] < span[1] <= len(text)
        assert q.speaker is None or result.entity(q.speaker) is not None

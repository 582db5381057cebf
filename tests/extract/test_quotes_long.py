"""Quotes inside one long piece of text (issue 13, third part): the lookups that replaced the scans
of every cue, quotation and line break give the same answers as the scans, and a long piece of many
cues gives, paragraph for paragraph, the quotes a short one gives. Every text here is written for
the test."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peacewatch.extract.quotes.loose import Loose, Spans
from peacewatch.extract.quotes.marks import Quotation
from peacewatch.extract.quotes.page import FirstAtLeast, Page, char_after, char_before
from tests.extract.annotate import annotated as run

# One stretch of news with a cue of every kind: a broken quote, a colon, an indirect quote, "according
# to", a stand-alone quotation, a scare quote, a transcript turn and a speaker named only by "he".
PIECE = (
    "\u201cThe corridor will open at dawn,\u201d the mayor of Lenvik said, \u201cand it will stay open.\u201d\n"
    "The envoy told reporters: \u201cWe have a text both sides can sign.\u201d\n"
    "Commander Ilse Varna said the convoy had crossed the river, and the ministry warned that the "
    "so-called \u201cquiet zone\u201d was not safe, according to a statement.\n"
    "\u201cNobody will be left behind.\u201d\n"
    "\u201cVARNA: We held the bridge for three days.\n"
    "He added that the talks would resume on Monday.\n"
)


def shifted(span: tuple[int, int] | None, base: int) -> tuple[int, int] | None:
    return None if span is None else (span[0] - base, span[1] - base)


def quotes_by_copy(pipe, text: str, copies: int) -> list[list[tuple]]:  # type: ignore[no-untyped-def]
    """The quotes of ``text`` written out ``copies`` times, per copy, with offsets from the copy's start."""
    whole = text * copies
    found: list[list[tuple]] = [[] for _ in range(copies)]
    for q in run(pipe, whole).quotes:
        k = q.content_span[0] // len(text)
        base = k * len(text)
        found[k].append((shifted(q.content_span, base), shifted(q.speaker_span, base), shifted(q.cue_span, base),
                         q.direct))
    return found


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("mentions", "quotes", piece_chars=100_000)


def test_a_long_piece_of_many_cues_gives_each_copy_the_quotes_of_a_short_one(pipe) -> None:  # type: ignore[no-untyped-def]
    short = quotes_by_copy(pipe, PIECE, 3)
    copies = 19_000 // len(PIECE)  # one piece of about 19,000 characters, hundreds of cues and quotations
    long = quotes_by_copy(pipe, PIECE, copies)
    assert len(short[1]) >= 6
    # the middle copy of the short text has the same text on both sides as every middle copy of the long one
    for k in range(1, copies - 1):
        assert long[k] == short[1], k
    assert long[0] == short[0] and long[-1] == short[-1]


# --- the lookups against the scans they replaced ------------------------------------------------


@given(st.lists(st.integers(-20, 20), max_size=40), st.integers(-2, 45), st.integers(-21, 21))
def test_first_at_least_is_the_first_index_a_scan_finds(values: list[int], j: int, x: int) -> None:
    scan = next((k for k in range(max(j, 0), len(values)) if values[k] >= x), len(values))
    assert FirstAtLeast(values).first(j, x) == scan


def quotation(start: int, end: int) -> Quotation:
    return Quotation(start, end, start + 1, end - 1, "straight double")


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=12),
       st.lists(st.tuples(st.integers(0, 70), st.integers(0, 70)), max_size=12))
def test_loose_quotations_are_taken_as_a_scan_of_the_list_takes_them(starts, asks) -> None:  # type: ignore[no-untyped-def]
    quotations = [quotation(10 * i, 10 * i + 5) for i in range(len(starts))]
    loose, scan = Loose(quotations), list(quotations)
    for a, b in asks:
        span = (min(a, b), max(a, b))
        inside = [q for q in scan if span[0] <= q.content_start < span[1]]
        assert loose.any_in(span) == bool(inside)
        if (a + b) % 2:  # take every other time, as only cues that become quotes take
            assert loose.take(span) == inside
            scan = [q for q in scan if q not in inside]
    assert loose.left() == scan and not loose.any_in(None)


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50)), max_size=10), st.integers(0, 50),
       st.integers(0, 50))
def test_spans_overlap_as_a_scan_of_every_span_says(spans, a, b) -> None:  # type: ignore[no-untyped-def]
    spans = [(min(s, e), max(s, e)) for s, e in spans]
    asked = (min(a, b), max(a, b))
    scan = any(asked[0] < e and s < asked[1] for s, e in spans)
    assert Spans(spans).overlaps(asked) == scan


def test_the_page_finds_lines_sentences_and_neighbours_as_the_text_does(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The envoy said talks resumed. They stalled.\n\nThe mayor agreed.\nNo one else spoke"
    doc = nlp(text)
    page = Page(doc, text)
    for pos in range(len(text)):
        assert page.line_start(pos) == text.rfind("\n", 0, pos) + 1
        end = text.find("\n", pos)
        assert page.line_end(pos) == (len(text) if end < 0 else end)
        assert char_before(text, pos, " \n") == text[:pos].rstrip(" \n")[-1:]
        assert char_after(text, pos, " \n") == text[pos:].lstrip(" \n")[:1]
    for t in doc:
        assert page.sentence(t.i) == (t.sent.start, t.sent.end)
    assert page.words(0, 6) == 5 and page.words(6, 2) == 0  # "." is no word; an empty range has none

"""Hostile texts against the rules on text: each bound is a count of steps or a growth over sizes,
never a wall-clock time alone.

Found by the adversarial inputs of this session (docs/reliability.md, "Hostile texts"): one long run-on
"sentence" of many events and time expressions made dating cubic, so a piece of 18,600 characters
of transcript lines took 247 s in the events component and failed with E032.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import spacy

from peacewatch.extract.events.dating import event_timex
from peacewatch.pieces import LONG_RUN, BoundedTokenizer
from peacewatch.types import Document, Timex


@dataclass
class _Counter:
    steps: int = 0


@dataclass
class _Token:
    """A token of a made-up parse that counts every step taken along the tree."""

    i: int
    dep_: str
    tokens: list[_Token] = field(repr=False)
    counter: _Counter = field(repr=False)
    lemma_: str = ""
    tag_: str = ""

    @property
    def head(self) -> _Token:
        self.counter.steps += 1
        return self.tokens[max(self.i - 1, 0)]

    @property
    def subtree(self):  # type: ignore[no-untyped-def]
        for tok in self.tokens[self.i:]:
            self.counter.steps += 1
            yield tok

    @property
    def ancestors(self):  # type: ignore[no-untyped-def]
        tok = self
        while tok.i > 0:
            tok = tok.head
            yield tok


@dataclass
class _Span:
    root: _Token


class _Doc:
    """A chain: token k hangs on token k - 1, each in a clause (``acl``) of the one before."""

    def __init__(self, n: int) -> None:
        self.counter = _Counter()
        self.tokens: list[_Token] = []
        self.tokens.extend(_Token(k, "ROOT" if k == 0 else "acl", self.tokens, self.counter) for k in range(n))

    def char_span(self, start: int, end: int, alignment_mode: str = "strict") -> _Span:
        return _Span(self.tokens[start])


def _dating_steps(n: int) -> int:
    doc = _Doc(n)
    timexes = [Timex(start=k, end=k + 1, text="Monday", type="DATE", value="2024-03-04") for k in range(1, n)]
    assert event_timex(timexes, doc, doc.tokens[0]) is None  # type: ignore[arg-type]  # each dates its own clause
    return doc.counter.steps


def test_dating_an_event_takes_steps_in_proportion_to_the_time_expressions_not_their_clauses():
    small, large = _dating_steps(200), _dating_steps(3_200)
    assert large <= 4 * 3_200  # one step or so per time expression; walking each clause's subtree made it n²/2
    assert large <= 32 * small  # 16× the size: linear is 16×, the old walk was 256×


def _longest_run(text: str) -> int:
    return max((len(m) for m in re.findall(r"\S+", text)), default=0)


def test_the_tokenizer_never_gets_a_run_without_spaces_longer_than_the_bound():
    inner = spacy.blank("en").tokenizer
    seen: list[str] = []

    def spy(text: str):  # type: ignore[no-untyped-def]
        seen.append(text)
        return inner(text)

    text = "Talks in Doha: " + ":;" * 5_000 + " then " + "—" * 1_234 + "\n“" + "x" * (LONG_RUN + 1) + "” ended."
    doc = BoundedTokenizer(spy)(text)
    assert doc.text == text  # every offset still slices the document's text
    assert max(_longest_run(s) for s in seen) <= LONG_RUN  # spaCy strips affixes in n² of a run's length
    assert [t.text for t in doc][:4] == ["Talks", "in", "Doha", ":"] and doc[-1].text == "."
    seen.clear()
    plain = "Talks in Doha ended on Monday."
    assert BoundedTokenizer(spy)(plain).text == plain and seen == [plain]


def test_the_loaded_pipeline_parses_a_page_of_colons_and_keeps_its_text(nlp):
    text = ":;" * 3_000 + "\nKenya and Uganda met in Nairobi on Monday."
    doc = nlp(text)
    assert doc.text == text and any(t.text == "Nairobi" for t in doc)


FAR_OFF = [
    "Israel and Hamas signed an agreement on Monday. Under the deal, the parties agreed to establish a joint "
    "committee within 9000 years.",
    "Israel and Hamas signed an agreement on Monday. The parties pledged to withdraw troops within 999999999999 days.",
    "Israel and Hamas agreed to a truce for 99999999999999999999999999 months on Monday.",
]


def test_a_deadline_past_any_calendar_is_no_deadline_not_a_failed_document(make_pipeline):
    pipe = make_pipeline("timex", "actors", "quotes", "events", "commitments", document_timeout=0)
    docs = [Document(f"far{i}", text, published="2024-03-01") for i, text in enumerate(FAR_OFF)]
    results = list(pipe.annotate(docs))
    assert [r.error for r in results] == [None, None, None]  # was E030: OverflowError in the deadline reader
    assert all(r.commitments and all(c.due is None for c in r.commitments) for r in results)


def test_a_shift_past_the_calendar_is_no_date(make_pipeline):
    pipe = make_pipeline("timex", document_timeout=0)
    texts = ["Talks began 2000000 years ago.", "The war began 3000000 days ago.", "They meet 100000000 weeks from now."]
    results = list(pipe.annotate([Document(f"s{i}", t, published="2024-03-01") for i, t in enumerate(texts)]))
    assert [r.error for r in results] == [None, None, None]  # timedelta overflowed: E030
    values = [t.value for r in results for t in r.timexes]
    assert all(re.match(r"(\d{4}(?!\d)|P|[A-Z])", v) for v in values), values  # was '-1997976'

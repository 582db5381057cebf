"""Which quotation marks flag a quote ``direct`` (``marks.tsv``): double marks do, doubled apostrophes
are found and attributed all the same but flag no direct quote (docs/quotes.md, "Eighth round")."""

from __future__ import annotations

import pytest

from peacewatch.errors import ConfigError
from peacewatch.extract.quotes.lexicon import _yes
from peacewatch.extract.quotes.marks import find_quotations
from peacewatch.tables import Row
from tests.extract.annotate import annotated as run


@pytest.fixture(scope="module")
def pipe(make_pipeline):  # type: ignore[no-untyped-def]
    return make_pipeline("mentions", "quotes")


def quoted(pipe, text: str) -> list[tuple[str, bool, str]]:  # type: ignore[no-untyped-def]
    return [(text[q.content_span[0]:q.content_span[1]], q.direct, q.why) for q in run(pipe, text).quotes]


def test_the_pairs_say_whether_they_flag_a_direct_quote() -> None:
    text = "''We will see,'' she said. He called it \u201cfine\u201d and \"late.\" ``Soon,'' he added."
    found = find_quotations(text)
    assert [(q.pair, q.direct) for q in found] == [
        ("doubled apostrophe (newswire style)", False), ("curly double", True), ("straight double", True),
        ("TeX-style backquotes", False)]


def test_a_quotation_in_doubled_apostrophes_is_attributed_but_not_direct(pipe) -> None:  # type: ignore[no-untyped-def]
    [(content, direct, why)] = quoted(pipe, "''We will keep the ceasefire,'' the envoy said on Monday.")
    assert content == "We will keep the ceasefire"
    assert not direct and "doubled apostrophes" in why and "cue before" in why


def test_the_same_quotation_in_double_marks_is_direct(pipe) -> None:  # type: ignore[no-untyped-def]
    [(content, direct, why)] = quoted(pipe, '"We will keep the ceasefire," the envoy said on Monday.')
    assert content == "We will keep the ceasefire"
    assert direct and "doubled apostrophes" not in why


def test_a_mixed_quote_takes_its_flag_from_its_marks(pipe) -> None:  # type: ignore[no-untyped-def]
    apostrophes = quoted(pipe, "The minister said Baku expects ''concrete steps'' toward peace.")
    doubles = quoted(pipe, 'The minister said Baku expects "concrete steps" toward peace.')
    assert [(c, d) for c, d, _ in apostrophes] == [("Baku expects ''concrete steps'' toward peace", False)]
    assert [(c, d) for c, d, _ in doubles] == [('Baku expects "concrete steps" toward peace', True)]


def test_a_quote_holding_both_kinds_of_marks_stays_direct(pipe) -> None:  # type: ignore[no-untyped-def]
    [(_, direct, _)] = quoted(pipe, "The minister said Baku expects ''concrete steps'' and a \"real\" peace.")
    assert direct


def test_the_direct_column_takes_only_yes_or_no() -> None:
    assert _yes(Row("marks.tsv", 3, (("direct", "yes"),)), "direct")
    assert not _yes(Row("marks.tsv", 3, (("direct", "no"),)), "direct")
    with pytest.raises(ConfigError, match="marks.tsv:3"):
        _yes(Row("marks.tsv", 3, (("direct", "true"),)), "direct")

"""Families of expressions counted per fold: every occurrence, tagged or not, classed by who tagged it;
and how the gold writes a bare year or decade, by the word before it."""

from __future__ import annotations

import pytest

from peacewatch.config import load_config
from peacewatch.evaluate.timex import GoldDoc
from peacewatch.evaluate.timex_families import (
    FAMILIES,
    family_outcomes,
    fold_families,
    fold_year_readings,
    year_readings,
)
from peacewatch.types import Timex
from tests.evaluate.test_timex import write

TEXT = ("The 50-year-old envoy, now retired, said the daily talks would end soon. "
        "The former minister recently met rebels at the 2012 Olympics.")


def at(phrase: str, value: str, typ: str = "DATE") -> Timex:
    start = TEXT.index(phrase)
    return Timex(start, start + len(phrase), phrase, typ, value)


def outcomes(gold: list[Timex], pred: list[Timex]) -> dict[str, dict[str, int]]:
    found = family_outcomes(GoldDoc("d", "2023-12-26", TEXT, gold, len(TEXT)), pred)
    return {name: dict(counts) for name, counts in found.items() if counts}


def test_each_occurrence_is_classed_by_who_tagged_it():
    gold = [at("now", "PRESENT_REF"), at("recently", "PAST_REF"), at("soon", "FUTURE_REF"), at("2012", "2012")]
    pred = [at("now", "PRESENT_REF"), at("recently", "PRESENT_REF"), at("daily", "P1D", "SET"), at("2012", "2012")]
    found = outcomes(gold, pred)
    assert found["now, currently, recently"] == {"in text": 2, "gold": 2, "gold's value": 1, "another value": 1}
    assert found["soon, the future"] == {"in text": 1, "gold": 1, "missed": 1}
    assert found["daily, annual"] == {"in text": 1, "false alarm": 1}
    assert found["the past, former, then"] == {"in text": 1, "untagged": 1}
    assert found["ages (50-year-old)"] == {"in text": 1, "untagged": 1}
    assert found["year before a name"] == {"in text": 1, "gold": 1, "gold's value": 1}


@pytest.mark.parametrize(
    ("text", "family", "found"),
    [
        ("a 50-year-old man, a 3-month-old girl, 40 years old", "ages (50-year-old)", 3),
        ("the 2012 Olympics, in 2012, Obama won; 2012 saw a war; 2,012 Rebels; $2012 Bonds", "year before a name", 1),
        ("by the end of the year, at year-end, the start of next month", "the end of the year", 3),
        ("earlier this week and later in the day", "earlier this week", 2),
        ("over the past three years, in the past", "the past, former, then", 1),
    ],
)
def test_family_patterns(text: str, family: str, found: int) -> None:
    pattern = dict(FAMILIES)[family]
    assert len(pattern.findall(text)) == found


def test_fold_families_counts_each_fold_apart(tmp_path):  # type: ignore[no-untyped-def]
    text = "The talks ended recently."
    tagged = {"doc_id": "a", "dct": "2023-12-26", "text": text,
              "timexes": [{"start": 16, "end": 24, "type": "DATE", "value": "PAST_REF", "text": "recently"}]}
    untagged = {**tagged, "doc_id": "b", "timexes": []}
    counts = fold_families(write(tmp_path, tagged, untagged), load_config())
    family = "now, currently, recently"
    assert counts["tuning"][family] == {"in text": 1, "gold": 1, "gold's value": 1}
    assert counts["held_out"][family] == {"in text": 1, "false alarm": 1}


def test_year_readings_class_bare_years_and_decades_by_the_word_before():
    text = "In 1998 the rebels, active since 1994, grew; in the 1990s and in 1997 they fought, the 2001 raid too."
    spans = [("1998", "1998-XX"), ("1994", "1994"), ("the 1990s", "199X"), ("1997", "1997"), ("2001", "2001")]
    gold = [Timex(text.index(s), text.index(s) + len(s), s, "DATE", v) for s, v in spans]
    found = year_readings(GoldDoc("d", "2000-01-01", text, gold, len(text)))
    assert found == {"year | in | open": 1, "year | since | closed": 1, "decade | in | open": 1,
                     "year | in | closed": 1, "year | the | closed": 1}


def test_fold_year_readings_reads_the_gold_of_each_fold(tmp_path):  # type: ignore[no-untyped-def]
    text = "The war began in 1992."
    closed = {"doc_id": "a", "dct": "2000-01-01", "text": text,
              "timexes": [{"start": 17, "end": 21, "type": "DATE", "value": "1992", "text": "1992"}]}
    spelt_open = {**closed, "doc_id": "b",
                  "timexes": [{"start": 17, "end": 21, "type": "DATE", "value": "1992-XX", "text": "1992"}]}
    readings = fold_year_readings(write(tmp_path, closed, spelt_open))
    assert readings == {"tuning": {"year | in | closed": 1}, "held_out": {"year | in | open": 1}}

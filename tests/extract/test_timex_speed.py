"""The timex component may add at most 10 % to the time of spaCy's own pipeline."""

from __future__ import annotations

import json
import time

from peacewatch.extract.timex import tag
from peacewatch.pipeline import parse_anchor
from tests.conftest import shared_path


def test_timex_adds_at_most_ten_percent_to_nlp_pipe(nlp):  # type: ignore[no-untyped-def]
    path = shared_path("data", "timex", "tbaq_timebank.jsonl")
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines()[:60]]
    texts = [r["text"] for r in records]
    tag(nlp(texts[0]), None)  # load the tables and compile the rules outside the timing
    start = time.perf_counter()
    docs = list(nlp.pipe(texts))
    parsed = time.perf_counter()
    for record, doc in zip(records, docs, strict=True):
        tag(doc, parse_anchor(record["dct"]))
    tagged = time.perf_counter()
    assert (tagged - parsed) / (parsed - start) <= 0.10

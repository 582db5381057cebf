"""Properties: any bytes under any name give documents or coded error results, never a crash.

The number of examples comes from the hypothesis profile (tests/conftest.py): ``ci`` derandomized
for ``make test``, ``fuzz`` for long runs (``make fuzz``)."""

from __future__ import annotations

import gzip

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peacewatch.errors import CODES
from peacewatch.ingest.plain import split_title
from peacewatch.ingest.rules import load_rules
from peacewatch.types import Document, Result

from .helpers import read

NAMES = ["a.txt", "a.html", "a.jsonl", "a.csv", "a.tsv", "a.rss", "a.xml", "noext", "a.jsonl.gz"]
FRAGMENTS = [b"{", b"}", b'"text"', b":", b",", b"\n", b"<rss>", b"<item>", b"<html>", b"<p>", b"id,text\n",
             b"\x00", b"\xff", b"\xc3\xa9", b"Plain words. ", b"\t", b"\r\n", b"\"", b"2023-12-13"]


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(NAMES), data=st.one_of(
    st.binary(max_size=300), st.lists(st.sampled_from(FRAGMENTS), max_size=30).map(b"".join),
))
def test_any_input_gives_documents_or_coded_errors(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    for item in read(path):
        if isinstance(item, Result):
            assert item.error is not None and item.error.code in CODES
        else:
            assert isinstance(item, Document) and item.text.strip()


@given(st.text(alphabet=st.sampled_from("ab .?\n\r\t\"”"), max_size=60))
def test_title_rule_never_loses_text(text):
    split = split_title(text, load_rules().title)
    if split.title is None:
        assert split.body == text
    else:
        assert text.startswith(split.title) or text.lstrip().startswith(split.title)
        assert text.endswith(split.body) and split.body.strip()

"""Databases for the web tests: the golden ledger scenario (fast, no spaCy) and the repository's
examples/ ingested as `make demo` does; each with one hostile document whose title, text and URL
carry script payloads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from peacewatch.store.ledger import rebuild_ledger
from peacewatch.store.sqlite import Store
from peacewatch.types import Document, Quote, Result
from tests.resolve.helpers import golden_documents, golden_results

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
EVIL_ID = 'evil"><svg onload=alert(4)>'
EVIL_TITLE = "<script>alert('title')</script><img src=x onerror=alert(1)>"
EVIL = Document(
    id=EVIL_ID, published="2024-02-02", url="javascript:alert(3)", title=EVIL_TITLE,
    text="<script>alert('text')</script> Diplomats met in Geneva. <img src=x onerror=alert(2)> The talks ended.",
)


def add_hostile_document(path: Path | str) -> None:
    with Store(path) as store:
        store.save(EVIL, Result(id=EVIL.id, published=EVIL.published))
        rebuild_ledger(store.conn, force=True)


# places given to three golden reports (test data written here: the golden results have none), so
# the web tests have located events in two countries, and one without coordinates
PLACES = {
    ("daily-c", "ev1"): {"name": "Baku", "code": "AZE", "lat": 40.38, "lon": 49.89, "geonameid": 587084,
                         "admin1": "Baku", "feature": "PPLC", "precision": 1, "why": "web test fixture"},
    ("review-e", "ev3"): {"name": "Sotk", "code": "ARM", "lat": 40.21, "lon": 45.92, "geonameid": 616011,
                          "admin1": "Gegharkunik", "feature": "PPL", "precision": 1, "why": "web test fixture"},
    ("wire-f", "ev2"): {"name": "the border road", "code": None, "lat": None, "lon": None, "precision": None},
}


def golden_database(path: Path | str) -> Path | str:
    """The golden scenario, its first article with the foreign minister's words as a quote, and
    places for three of its reports (``PLACES``)."""
    documents, results = golden_documents(), golden_results()
    for result in results:
        for event in result.events:
            event.location = PLACES.get((result.id, event.id), event.location)
    text = documents[0].text
    start = text.index("called the deal")
    speaker = next(e.id for e in results[0].entities if e.name == "Jeyhun Bayramov")
    results[0].quotes.append(Quote((start, text.index(".", start)), speaker, why="web test fixture"))
    with Store(path) as store:
        for doc, result in zip(documents, results, strict=True):
            store.save(doc, result)
        rebuild_ledger(store.conn)
    add_hostile_document(path)
    return path


def examples_database(path: Path) -> Path:
    """examples/ ingested by the command line, the way `make demo` does it."""
    exe = str(BIN / "peacewatch")
    examples = ROOT / "examples"
    for argv in ([exe, "ingest", str(examples / "articles.jsonl"), str(examples / "border-tavush-2024-04-20.html")],
                 [exe, "ingest", str(examples / "exchange-followup-2023-12-14.txt"), "--published", "2023-12-14"]):
        subprocess.run([*argv, "--db", str(path), "--quiet"], check=True, capture_output=True)
    add_hostile_document(path)
    return path

"""The REST API on the golden scenario: lists with totals and pages, filters that select what they
say, every record with its sentences, CSV of exactly the JSON's rows, and one error shape."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import get_args

import pytest

from peacewatch.serve.web.params import Sort
from peacewatch.store.event_query import SORTS
from tests.resolve.helpers import golden_documents
from tests.serve.webdb import EVIL_ID

LISTS = ["/api/documents", "/api/events", "/api/commitments", "/api/agreements", "/api/entities", "/api/quotes",
         "/api/dyads"]


def every(client, url: str) -> list[dict]:  # type: ignore[no-untyped-def]
    """Every item of a listing, following ``next``."""
    items, page = [], client.get(url).json()
    items += page["items"]
    while page["next"]:
        page = client.get(page["next"]).json()
        items += page["items"]
    return items


def csv_rows(text: str) -> tuple[str, list[dict[str, str]]]:
    note, rest = text.split("\r\n", 1)
    return note, list(csv.DictReader(io.StringIO(rest)))


@pytest.mark.parametrize("url", LISTS)
def test_every_list_has_a_total_and_pages_that_add_up(client, url: str) -> None:  # type: ignore[no-untyped-def]
    first = client.get(url, params={"limit": 2}).json()
    assert set(first) == {"total", "limit", "offset", "next", "items"}
    assert first["total"] >= 1 and len(first["items"]) == min(2, first["total"])
    assert len(every(client, f"{url}?limit=2")) == first["total"]


@pytest.mark.parametrize("url", LISTS)
def test_csv_holds_exactly_the_rows_of_the_json(client, golden_db, url: str) -> None:  # type: ignore[no-untyped-def]
    answer = client.get(url, params={"format": "csv"})
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/csv")
    assert "attachment" in answer.headers["content-disposition"]
    note, rows = csv_rows(answer.text)
    name = "golden.db" if isinstance(golden_db, Path) else golden_db.rsplit("/", 1)[1]  # a PostgreSQL database's name
    assert note.startswith(f"# peacewatch export of {url} from {name} at 20")
    items = every(client, f"{url}?limit=3")
    keys = ["id"] if "id" in rows[0] else ["doc", "index"] if "doc" in rows[0] else ["a", "b"]
    assert [[r[k] for k in keys] for r in rows] == [[str(i[k]) for k in keys] for i in items]


def test_csv_says_its_filters(client) -> None:  # type: ignore[no-untyped-def]
    note, rows = csv_rows(client.get("/api/events?type=agree&sort=-day&format=csv").text)
    assert "/api/events?sort=-day&type=agree" in note
    assert rows and {r["type"] for r in rows} == {"AGREE"}
    assert [r["day"] for r in rows] == sorted((r["day"] for r in rows), reverse=True)


def test_event_filters_select_what_they_say(client) -> None:  # type: ignore[no-untyped-def]
    everything = every(client, "/api/events?limit=100")
    agree = every(client, "/api/events?type=AGREE")
    assert agree and len(agree) < len(everything) and {e["type"] for e in agree} == {"AGREE"}
    dyad = every(client, "/api/events?dyad=AZE,ARM")
    assert dyad and all({"AZE", "ARM"} <= {a["code"] for a in e["actor"] + e["recipient"]} for e in dyad)
    actor = every(client, "/api/events?actor=ARM")
    assert all("ARM" in {a["code"] for a in e["actor"] + e["recipient"]} for e in actor)
    window = every(client, "/api/events?since=2023-12-08&until=2023-12")
    assert window and all("2023-12-08" <= e["day"] <= "2023-12-31" for e in window)
    doc = golden_documents()[0].id
    in_doc = every(client, f"/api/events?document={doc}")
    assert in_doc and all(any(m["doc"] == doc for m in e["mentions"]) for e in in_doc)
    said = every(client, "/api/events?q=prisoners")
    assert said and all(any("prisoners" in s["sentence"].lower() for s in e["sources"]) for e in said)


def test_sorting_orders_the_rows(client) -> None:  # type: ignore[no-untyped-def]
    days = [e["day"] for e in every(client, "/api/events?sort=-day")]
    assert days == sorted(days, reverse=True)
    reports = [len(e["mentions"]) for e in every(client, "/api/events?sort=-reports")]
    assert reports == sorted(reports, reverse=True)


def test_an_event_has_every_mention_with_its_sentence_marked(client) -> None:  # type: ignore[no-untyped-def]
    texts = {d.id: d.text for d in golden_documents()}
    busiest = client.get("/api/events?sort=-reports&limit=1").json()["items"][0]
    event = client.get(f"/api/events/{busiest['id']}").json()
    assert len(event["sources"]) == len(event["mentions"]) >= 2
    for source in event["sources"]:
        assert texts[source["doc"]][source["start"]:].startswith(source["sentence"])
        assert "".join(p["text"] for p in source["pieces"]) == source["sentence"]
        assert "trigger" in {p["role"] for p in source["pieces"]}
        assert source["title"] and source["title"] != source["doc"]
    published = [s["published"] for s in event["sources"]]
    assert published == sorted(published)


def test_a_document_has_its_text_and_every_annotation_span(client) -> None:  # type: ignore[no-untyped-def]
    doc = golden_documents()[0]
    answer = client.get(f"/api/documents/{doc.id}").json()
    assert answer["document"]["text"] == doc.text and answer["document"]["label"] == doc.title
    notes = answer["annotations"]
    assert notes["events"] and notes["mentions"]
    for event in notes["events"]:
        start, end = event["trigger_span"]
        assert 0 <= start < end <= len(doc.text)
    assert answer["ledger_events"]


def test_commitments_say_what_was_promised(client) -> None:  # type: ignore[no-untyped-def]
    items = every(client, "/api/commitments")
    assert items and all(c["sentence"] for c in items if c["event"])
    assert all(set(c["beneficiary_names"].split(", ")).isdisjoint(c["obligor_names"].split(", "))
               for c in items if c["beneficiary_names"] not in ("–", "each other"))
    mine = every(client, "/api/commitments?obligor=AZE")
    assert mine and all("state:AZE" in c["obligor"] for c in mine)
    fulfilled = every(client, "/api/commitments?status=fulfilled")
    assert fulfilled and all(c["fulfilled"] and c["fulfilled"][0]["sources"] for c in fulfilled)


def test_commitments_of_a_dyad_and_the_negotiation_record_as_csv(client) -> None:  # type: ignore[no-untyped-def]
    mine = every(client, "/api/commitments?dyad=AZE,ARM")
    assert mine and len(mine) <= len(every(client, "/api/commitments"))
    assert every(client, "/api/commitments?dyad=AZE,NOR") == []
    steps = client.get("/api/timeline?a=AZE&b=ARM").json()["negotiation"]
    note, rows = csv_rows(client.get("/api/timeline?a=AZE&b=ARM&part=negotiation&format=csv").text)
    assert "format=" not in note and [r["event"] for r in rows] == [s["event"] for s in steps] and rows


def test_quotes_name_their_speakers(client) -> None:  # type: ignore[no-untyped-def]
    quotes = every(client, "/api/quotes")
    named = [q for q in quotes if q["speaker"]]
    assert named and all(q["speaker_name"] for q in named)
    assert any(q["speaker_code"] for q in named)


def test_timeline_and_summary(client) -> None:  # type: ignore[no-untyped-def]
    month = client.get("/api/timeline?a=AZE&b=ARM").json()
    week = client.get("/api/timeline?a=aze&b=arm&by=week").json()
    assert month["events"] == week["events"] >= 5
    assert sum(p["events"] for p in month["periods"]) == month["counted"] == week["counted"]
    note, rows = csv_rows(client.get("/api/timeline?a=AZE&b=ARM&format=csv").text)
    assert [r["period"] for r in rows] == [p["period"] for p in month["periods"]]
    summary = client.get("/api/summary").json()
    assert summary["documents"] == len(golden_documents()) + 1
    assert summary["top_dyads"][0]["events"] >= 1 and summary["event_days"]["first"]


def test_dyads_are_pairs_of_countries_or_of_entities_most_events_first(client) -> None:  # type: ignore[no-untyped-def]
    every_pair = every(client, "/api/dyads")
    countries, entities = every(client, "/api/dyads?countries=true"), every(client, "/api/dyads?countries=false")
    assert countries and all(d["a"].startswith("code:") and d["b"].startswith("code:") for d in countries)
    assert all(not d["a"].startswith("code:") and not d["b"].startswith("code:") for d in entities)
    assert len(countries) + len(entities) <= len(every_pair)
    assert [d["events"] for d in every_pair] == sorted((d["events"] for d in every_pair), reverse=True)
    top = next(d for d in countries if {d["a"], d["b"]} == {"code:AZE", "code:ARM"})
    assert top["events"] == client.get("/api/timeline?a=AZE&b=ARM").json()["events"]


def test_agreements_are_the_ledger_agreement_records_of_agree_events(client) -> None:  # type: ignore[no-untyped-def]
    agree = [e["id"] for e in every(client, "/api/events?type=AGREE")]
    found = every(client, "/api/agreements")
    assert found and all(a["event"] in agree for a in found)


ERRORS = [("/api/events/ev-none", 404, "E060"), (f"/api/documents/{EVIL_ID}x", 404, "E060"),
          ("/api/events?since=yesterday", 422, "E061"), ("/api/events?limit=0", 422, "E061"),
          ("/api/events?sort=colour", 422, "E061"), ("/api/events?dyad=AZE", 400, "E061"),
          ("/api/commitments?status=kept", 422, "E061"), ("/api/timeline?a=AZE", 422, "E061"),
          ("/api/nothing", 404, "E062")]


@pytest.mark.parametrize(("url", "status", "code"), ERRORS)
def test_errors_have_one_shape(client, url: str, status: int, code: str) -> None:  # type: ignore[no-untyped-def]
    answer = client.get(url)
    assert answer.status_code == status
    body = answer.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code and body["error"]["message"]


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_there_is_no_write_route(client, method: str) -> None:  # type: ignore[no-untyped-def]
    for url in ["/api/events", "/api/documents", "/events", "/"]:
        answer = getattr(client, method)(url)
        assert answer.status_code == 405
        assert "GET" in answer.headers.get("allow", "GET")
    assert client.post("/api/events").json()["error"]["code"] == "E062"


def test_the_schema_documents_every_route(client) -> None:  # type: ignore[no-untyped-def]
    schema = client.get("/openapi.json").json()
    paths = set(schema["paths"])
    for url in [*LISTS, "/api/summary", "/api/timeline", "/api/events/{event_id}", "/api/documents/{doc_id}"]:
        assert url in paths, url
    # reads only, but for the corrections log, whose POST answers 403 unless a write token is set
    assert all(set(ops) == {"get"} for path, ops in schema["paths"].items() if path != "/api/corrections")
    assert set(schema["paths"]["/api/corrections"]) == {"get", "post"}
    assert set(get_args(Sort)) == set(SORTS)

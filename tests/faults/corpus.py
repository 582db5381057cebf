"""Generated hostile inputs for tests/faults: every format, every kind of damage, beside good records.

Each item says what it must become: ``good`` (stored or written without error: its ``marker`` must be
found in a stored text), ``bad`` (a coded error) or ``either`` (readable or not, but never a crash).
Good texts carry a unique marker so they can be found whatever id or title rule applies.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field

MAX_CHARS = 2_000  # small, so a "huge" line is cheap to make


@dataclass
class Item:
    """One record (a JSONL line, a CSV row, a feed item) or one whole file."""

    data: bytes
    expect: str  # good | bad | either
    marker: str | None = None


@dataclass
class File:
    """A file of the corpus: its name, bytes and what its records must become."""

    name: str
    items: list[Item] = field(default_factory=list)
    raw: bytes | None = None  # the file's bytes when they are not the items joined

    def data(self) -> bytes:
        return self.raw if self.raw is not None else b"\n".join(i.data for i in self.items) + b"\n"


def good_text(marker: str) -> str:
    return f"Report {marker}: negotiators met in Doha on Monday and agreed to meet again next week."


def _good_line(marker: str, **fields: object) -> Item:
    record = {"id": marker, "text": good_text(marker), **fields}
    return Item(json.dumps(record).encode(), "good", marker)


def _bad(data: bytes) -> Item:
    return Item(data, "bad")


def _invalid_byte_everywhere(template: bytes, tag: str) -> list[Item]:
    """The template with 0xFF put at its start, in its first field name, in the text and at its end."""
    inside_key, inside_text = template.index(b'"') + 2, template.index(b"Report") + 3
    return [_bad(template[:i] + b"\xff" + template[i:]) for i in (0, inside_key, inside_text, len(template))] + [
        _bad(template.replace(tag.encode(), tag.encode() + b"\xc3")),  # a cut two-byte sequence
    ]


def jsonl_items() -> list[Item]:
    """JSONL lines: good ones and every kind of hostile one."""
    bad_template = json.dumps({"id": "damaged", "text": good_text("damaged")}).encode()
    deep_ok: object = []
    for _ in range(90):
        deep_ok = [deep_ok]
    return [
        _good_line("j-good-1"),
        _bad(b'{"id": "deep1000", "text": "x", "n": ' + b"[" * 1_000 + b"]" * 1_000 + b"}"),
        _bad(b'{"id": "deep100k", "text": "x", "n": ' + b"{\"a\":" * 100_000 + b"1" + b"}" * 100_000 + b"}"),
        _bad(json.dumps({"id": "deep-extra", "text": "x", "n": json.loads("[" * 150 + "]" * 150)}).encode()),
        _good_line("j-good-deep-extra", n=deep_ok),
        *_invalid_byte_everywhere(bad_template, "damaged"),
        _bad(json.dumps({"id": "latin", "text": "Caf\u00e9"}).encode().replace(b"\\u00e9", b"\xe9")),
        _bad(b'{"id": "nul", "text": "raw \x00 nul"}'),
        Item(json.dumps({"id": "j-escaped-nul", "text": good_text("j-escaped-nul") + " \u0000"}).encode(),
             "good", "j-escaped-nul"),
        _bad(rb'{"id": "surrogate-text", "text": "half \ud800 pair"}'),
        _bad(rb'{"id": "surrogate-extra", "text": "fine", "note": "\udfff"}'),
        _bad(rb'{"id": "\ud800", "text": "fine"}'),
        Item(json.dumps({"id": "j-pair", "text": good_text("j-pair") + " \U0001F600"}).encode(), "good", "j-pair"),
        _bad(json.dumps({"id": "huge", "text": "word " * (MAX_CHARS * 40)}).encode()),
        _bad(json.dumps({"id": "long", "text": "w" * (MAX_CHARS + 1)}).encode()),
        Item(b"\xef\xbb\xbf" + _good_line("j-bom-mid").data, "good", "j-bom-mid"),
        _bad(json.dumps({"id": "year1", "text": "x", "published": "0001-01-01"}).encode()),
        _bad(json.dumps({"id": "year9999", "text": "x", "published": "9999-12-31"}).encode()),
        _bad(json.dumps({"id": "month13", "text": "x", "published": "2023-13-01"}).encode()),
        _bad(json.dumps({"id": "words", "text": "x", "published": "yesterday"}).encode()),
        _bad(json.dumps({"id": "number", "text": "x", "published": 20231207}).encode()),
        _good_line("j-padded-date", published=" 2023-12-07 "),
        _good_line("j-month", published="2023-12"),
        _good_line("j-year", published="2023"),
        _good_line("j-empty-date", published=""),
        _bad(b'["a", "list"]'), _bad(b'"a string"'), _bad(b"42"), _bad(b"null"), _bad(b"{}"),
        _bad(json.dumps({"id": "blank", "text": "\u2003\u00a0 \t"}).encode()),
        _bad(json.dumps({"id": "not-text", "text": ["a"]}).encode()),
        _bad(b'{"id": "truncated", "text": "no end'),
        _good_line("j-big-id", id=10**30),
        _good_line("j-good-2"),
    ]


def jsonl_file(name: str = "lines.jsonl") -> File:
    """A JSONL file of every line above, opened by a UTF-8 byte-order mark."""
    items = jsonl_items()
    first = Item(b"\xef\xbb\xbf" + items[0].data, items[0].expect, items[0].marker)
    return File(name, [first, *items[1:]])


def csv_file(name: str, sep: str) -> File:
    """Rows of a CSV (or TSV) file: good rows and rows damaged in every cell."""
    d = sep.encode()

    def row(*cells: bytes) -> bytes:
        return d.join(cells)

    def good(marker: str, published: bytes = b"2023-12-07", note: bytes = b"ok") -> Item:
        return Item(row(marker.encode(), good_text(marker).encode(), published, note), "good", marker)

    items = [
        Item(row(b"id", b"text", b"published", b"note"), "header"),
        good(f"{name}-good-1"),
        _bad(row(b"bad\xff-id", b"Text.", b"2023-12-07", b"ok")),
        _bad(row(b"bad-text", b"Caf\xe9 talks.", b"2023-12-07", b"ok")),
        _bad(row(b"bad-date-bytes", b"Text.", b"2023-12-\xff7", b"ok")),
        _bad(row(b"bad-note", b"Text.", b"2023-12-07", b"\xc3")),
        _bad(row(b"too-many", b"Text.", b"2023-12-07", b"ok", b"extra")),
        _bad(row(b"year9999", b"Text.", b"9999-12-31", b"ok")),
        _bad(row(b"empty-text", b"", b"2023-12-07", b"ok")),
        good(f"{name}-nul-note", note=b"a\x00b"),
        good(f"{name}-no-date", published=b""),
        good(f"{name}-month", published=b" 2023-12 "),
        Item(row(f"{name}-quoted".encode(), b'"' + good_text(f"{name}-quoted").encode() + b'\nsecond line"',
                 b"2023", b"ok"), "good", f"{name}-quoted"),
        good(f"{name}-good-2"),
    ]
    return File(name, items, b"\xef\xbb\xbf" + b"\n".join(i.data for i in items) + b"\n")


def whole_files() -> list[File]:
    """Files that are one document each, or refused whole."""
    text = good_text("t-good").encode()
    html = ("<html><head><title>Truce talks</title></head><body><article><h1>Truce talks</h1><p>"
            + good_text("h-good") + "</p><p>The mediators said the next round would follow soon.</p>"
            "</article></body></html>").encode()
    deep = b"<div>" * 5_000 + good_text("h-deep").encode() + b"</div>" * 5_000
    deep_html = b"<html><body>" + deep + b"</body></html>"
    return [
        File("t_good.txt", [Item(text, "good", "t-good")], text),
        File("t_bom.txt", [Item(b"", "good", "t-bom")], b"\xef\xbb\xbf" + good_text("t-bom").encode()),
        File("t_bad_start.txt", [_bad(b"")], b"\xff" + text),
        File("t_bad_middle.txt", [_bad(b"")], text[:20] + b"\xfe" + text[20:]),
        File("t_bad_end.txt", [_bad(b"")], text + b"\xe2\x82"),
        File("t_mixed.txt", [_bad(b"")], "Caf\u00e9 in UTF-8, ".encode() + "caf\u00e9 in Latin-1".encode("latin-1")),
        File("t_utf16_bom.txt", [_bad(b"")], "\ufeffTalks resumed.".encode("utf-16-le")),
        File("t_utf16_bare.txt", [_bad(b"")], "Talks resumed in Doha.".encode("utf-16-le")),
        File("t_utf16be_bom.txt", [_bad(b"")], "\ufeffTalks resumed.".encode("utf-16-be")),
        File("t_nul.txt", [_bad(b"")], text + b"\x00"),
        File("t_huge.txt", [_bad(b"")], b"word " * (MAX_CHARS * 2)),
        File("t_huge_line.txt", [_bad(b"")], b"w" * (MAX_CHARS * 10)),
        File("t_blank.txt", [_bad(b"")], b"  \n\t\n"),
        File("h_good.html", [Item(b"", "good", "h-good")], html),
        File("h_bad_bytes.html", [Item(b"", "either")], html.replace(b"<p>", b"<p>\xff\xfe", 1)),
        File("h_deep.html", [Item(b"", "either")], deep_html),
        File("h_nul.html", [_bad(b"")], html.replace(b"<p>", b"<p>\x00", 1)),
        File("h_not_html.html", [Item(b"", "either")], b"<<<>>>&&&;;;\n"),
        File("h_charrefs.html", [Item(b"", "good", "h-good")],
             html.replace(b"<p>", b"<p>&#xD800; &#0; &#x110000; &#99999999999999999999999; ", 1)),
        File("f_garbage.gz", [_bad(b"")], b"\x1f\x8b\x08\x00not really gzip"),
        File("f_truncated.txt.gz", [_bad(b"")], gzip.compress(b"Some text. " * 2_000)[:200]),
        File("f_binary.bin", [_bad(b"")], b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
        *[File(f"e_empty.{ext}", [_bad(b"")], b"") for ext in ("txt", "html", "jsonl", "csv", "tsv", "rss")],
    ]


def feed_file() -> File:
    """An RSS feed: a good item, damaged items and absurd dates."""
    def item(guid: str, body: str, date: str = "Thu, 07 Dec 2023 10:00:00 +0000") -> str:
        return (f"<item><guid>{guid}</guid><title>{guid}</title><pubDate>{date}</pubDate>"
                f"<description><![CDATA[{body}]]></description></item>")

    deep = "<div>" * 3_000 + good_text("r-deep") + "</div>" * 3_000
    items = [
        item("r-good", "<p>" + good_text("r-good") + "</p>"),
        item("r-empty", ""),
        item("r-date-9999", good_text("r-date-9999"), "Fri, 31 Dec 9999 23:59:59 +0000"),
        item("r-date-junk", good_text("r-date-junk"), "the day after tomorrow"),
        item("r-deep", deep),
        # numeric references feedparser turned into chr(n).encode() errors: surrogate, NUL, past U+10FFFF
        f"<item><guid>r-charrefs&#xD800;</guid><title>T&#xDC00;</title><description>{good_text('r-charrefs')}"
        " &#xD800; &#0; &#x110000; &#99999999999999999999999;</description></item>",
    ]
    data = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed</title>'
            + "".join(items) + "</channel></rss>").encode()
    return File("r_feed.rss", [
        Item(b"", "good", "r-good"), _bad(b""), Item(b"", "good", "r-date-9999"),
        Item(b"", "good", "r-date-junk"), Item(b"", "either"), Item(b"", "good", "r-charrefs"),
    ], data)


def corpus() -> list[File]:
    """Every file of the hostile corpus."""
    return [jsonl_file(), csv_file("c_rows.csv", ","), csv_file("c_rows.tsv", "\t"),
            File("c_bad_header.csv", [_bad(b"")], b"\x80,text\n,\n"), feed_file(),
            File("g_lines.jsonl.gz", jsonl_file().items, gzip.compress(jsonl_file().data())), *whole_files()]

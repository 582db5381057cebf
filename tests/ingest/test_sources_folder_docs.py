"""A folder read passes over the README and licence files that come with corpora."""

import json

from peacewatch.config import load_config
from peacewatch.ingest.sources import Source, documents_from
from peacewatch.types import Document


def test_folder_read_skips_readme_and_licence_but_not_when_named(tmp_path):
    (tmp_path / "README.md").write_text("# About this corpus\n\nIt holds two articles.\n")
    (tmp_path / "LICENSE").write_text("Use freely.\n")
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a", "text": "Talks resumed in Doha."}) + "\n")
    config = load_config()
    ids = [d.id for d in documents_from([Source(str(tmp_path))], config) if isinstance(d, Document)]
    assert ids == ["a"]
    named = list(documents_from([Source(str(tmp_path / "README.md"))], config))
    assert len(named) == 1 and isinstance(named[0], Document)

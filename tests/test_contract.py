"""The record contract, checked by the project-independent checker in ../shared/tools."""

import json
import subprocess
import sys

from click.testing import CliRunner

from peacewatch.cli import main
from tests.conftest import shared_path


def check(tmp_path, source_lines: list[str]) -> str:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(line + "\n" for line in source_lines), "utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["extract", str(src), "-o", str(out)])
    assert result.exit_code in (0, 1), result.output
    checker = shared_path("tools", "check_contract.py")
    proc = subprocess.run([sys.executable, str(checker), str(src), str(out)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout[-3000:]
    return proc.stdout


def test_seed_article_meets_the_contract(tmp_path):
    seed = json.loads(shared_path("seed", "seed.jsonl").read_text("utf-8").splitlines()[0])
    with_date = dict(seed, published="2023-12-26")
    check(tmp_path, [json.dumps(seed), json.dumps(with_date)])


def test_every_corpus_meets_the_contract(tmp_path):
    for path in sorted(shared_path("corpus").glob("*.jsonl")):
        check(tmp_path, path.read_text("utf-8").splitlines())

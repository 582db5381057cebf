"""The README's quick start, word for word: every `peacewatch` line of it runs and succeeds.

`make demo` and `make test` are what CI itself runs; here the demo's ingest is repeated in a
scratch folder laid out like the repository (examples/ beside it, ../shared beside that).
"""

import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED

BIN = Path(sys.executable).parent


def quickstart_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text("utf-8")
    block = re.search(r"<!-- quickstart -->\s*```sh\n(.*?)```", readme, re.S)
    assert block, "README has no quick start block"
    lines = [line.split("#", 1)[0].strip() for line in block.group(1).splitlines()]
    return [line for line in lines if line.startswith(".venv/bin/peacewatch")]


def demo_commands() -> list[str]:
    """The ingest lines of `make demo`, as the Makefile has them."""
    makefile = (ROOT / "Makefile").read_text("utf-8")
    recipe = makefile.split("\ndemo:", 1)[1].split("\n\n", 1)[0]
    return [line.strip() for line in recipe.splitlines() if "peacewatch ingest" in line]


def test_readme_quick_start_runs(tmp_path):
    if not SHARED.exists():
        pytest.skip("../shared is absent: the quick start's eval line reads it")
    work = tmp_path / "main"
    work.mkdir()
    (tmp_path / "shared").symlink_to(SHARED)
    shutil.copytree(ROOT / "examples", work / "examples")
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ['PATH']}")
    exe = str(BIN / "peacewatch")
    for line in demo_commands():
        argv = shlex.split(line.replace("$(BIN)/peacewatch", exe))
        demo = subprocess.run(argv, cwd=work, env=env, capture_output=True, text=True, check=False)
        assert demo.returncode == 0, demo.stderr
    commands = quickstart_commands()
    assert len(commands) >= 4
    for command in commands:
        argv = shlex.split(command)
        argv[0] = exe
        if argv[1] == "serve":
            check_serves(argv, work, env)
            continue
        proc = subprocess.run(argv, cwd=work, env=env, capture_output=True, text=True, check=False)
        assert proc.returncode == 0, f"{command}\n{proc.stderr[-2000:]}"
    assert (work / "results.jsonl").stat().st_size > 0
    assert (work / "events.csv").read_text("utf-8").startswith("id,")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def check_serves(argv: list[str], cwd: Path, env: dict[str, str]) -> None:
    """`peacewatch serve` as the README has it (on a free port, not to clash with a running one):
    it says its address, answers the dashboard and the API, and stops on request."""
    port = free_port()
    server = subprocess.Popen([*argv, "--port", str(port)], cwd=cwd, env=env, stderr=subprocess.PIPE, text=True)
    try:
        assert server.stderr is not None
        said = server.stderr.readline()
        assert f"http://127.0.0.1:{port}/" in said, said
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/summary", timeout=5) as answer:
                    assert b'"documents"' in answer.read()
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise AssertionError("peacewatch serve did not answer")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as page:
            assert b"Overview" in page.read()
    finally:
        server.terminate()
        server.wait(timeout=20)

"""Every command, configuration key and error code is documented (datasette's test_docs idea)."""

import re
import subprocess
import sys
from pathlib import Path

from peacewatch.config import config_keys
from peacewatch.errors import CODES

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def test_cli_reference_is_current():
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "cli_reference.py"), "--check"],
                          cwd=ROOT, check=False)
    assert proc.returncode == 0, "docs/cli.md is stale: run python scripts/cli_reference.py"


def test_every_command_is_in_the_readme():
    from peacewatch.cli import main

    readme = (ROOT / "README.md").read_text("utf-8")
    for name in main.commands:
        assert f"peacewatch {name}" in readme, f"README does not mention `peacewatch {name}`"


def test_every_config_key_is_documented():
    doc = (DOCS / "configuration.md").read_text("utf-8")
    for key in config_keys():
        assert f"`{key}`" in doc, f"docs/configuration.md does not document {key}"


def test_every_error_code_is_documented_and_used():
    doc = (DOCS / "errors.md").read_text("utf-8")
    documented = set(re.findall(r"^\| (E\d{3}) \|", doc, re.M))
    assert documented == set(CODES), f"errors.md and errors.CODES differ: {documented ^ set(CODES)}"
    source = "\n".join(p.read_text("utf-8") for p in (ROOT / "peacewatch").rglob("*.py")
                       if p.name != "errors.py")
    import peacewatch.errors as errors

    by_class = {cls.code: name for name, cls in vars(errors).items()
                if isinstance(cls, type) and issubclass(cls, errors.PeacewatchError)}
    unused = [c for c in CODES if f'"{c}"' not in source and f"{by_class.get(c, '@')}(" not in source]
    assert not unused, f"codes never raised anywhere: {unused}"

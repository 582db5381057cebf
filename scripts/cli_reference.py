"""Write docs/cli.md from the command line's own help texts (run after changing a command).

    python scripts/cli_reference.py          # rewrite docs/cli.md
    python scripts/cli_reference.py --check  # exit 1 if docs/cli.md is out of date
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from peacewatch.cli import main

DOC = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def reference() -> str:
    parts = [
        "# Command-line reference\n",
        "Generated from `peacewatch --help` by `scripts/cli_reference.py`; a test keeps it current.\n",
        "Exit codes: 0 when every document was processed, 1 when some failed (each failure has its",
        "code, see [errors.md](errors.md)) or the command failed while it ran (database, output file,",
        "unknown actors, internal error), 2 on usage errors (an option value, the configuration, a missing",
        "input path), 130 when Ctrl-C stopped it, 143 for SIGTERM (`kill`, `timeout`) and 129 for SIGHUP (a",
        "closed terminal), which end a command as Ctrl-C does (what was stored stays, an output file's",
        "temporary file is removed; the same command again goes on).",
        "Every failure is one line `error E0NN: …`, never a traceback (`PEACEWATCH_DEBUG=1` shows the",
        "traceback of an internal error, E099).\n",
    ]
    ctx = click.Context(main, info_name="peacewatch")
    parts.append(f"## peacewatch\n\n```\n{main.get_help(ctx)}\n```\n")
    for name in sorted(main.list_commands(ctx)):
        command = main.get_command(ctx, name)
        assert command is not None
        sub = click.Context(command, info_name=f"peacewatch {name}", parent=None)
        parts.append(f"## peacewatch {name}\n\n```\n{command.get_help(sub)}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    text = reference()
    if "--check" in sys.argv:
        sys.exit(0 if DOC.read_text("utf-8") == text else 1)
    DOC.write_text(text, "utf-8")

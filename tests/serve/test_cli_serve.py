"""`peacewatch serve` on the command line: a missing database and a taken port are coded errors
before anything listens, and an address open to the network is announced as such."""

from __future__ import annotations

import socket
from pathlib import Path

from click.testing import CliRunner

from peacewatch.cli import main


def test_a_missing_database_is_a_coded_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "E043" in result.output and not (tmp_path / "none.db").exists()


def test_a_taken_port_is_a_coded_error_and_the_network_is_warned_of(golden_db: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        local = CliRunner().invoke(main, ["serve", "--db", str(golden_db), "--port", str(port)])
        assert local.exit_code == 2 and "E063" in local.output and "warning" not in local.output
        wide = CliRunner().invoke(main, ["serve", "--db", str(golden_db), "--host", "0.0.0.0", "--port", str(port)])
    assert "warning: listening on 0.0.0.0" in wide.output and "can read the whole database" in wide.output
    assert wide.exit_code == 2 and "E063" in wide.output

"""Input and output files of the commands: a missing input is a usage error, an output file is
written whole or not at all."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import IO, BinaryIO

from ..errors import InputError
from ..inputs import open_named


def check_inputs(paths: tuple[str, ...] | list[str]) -> None:
    """E008 (a usage error, exit 2) for an input path named on the command line that does not exist."""
    for path in paths:
        if path != "-" and not os.path.exists(path):
            raise InputError(f"no such file or folder: {path}; check the path", "E008")


@contextlib.contextmanager
def open_input(path: str) -> Iterator[BinaryIO]:
    """The input file's bytes (stdin for '-'); E008 when it is missing or cannot be opened."""
    check_inputs([path])
    if path == "-":
        yield sys.stdin.buffer
        return
    try:
        stream = open_named(path)
    except OSError as e:
        raise InputError(f"cannot read {path} ({e.strerror}); check the path and its permissions", "E008") from e
    with stream:
        yield stream


@contextlib.contextmanager
def atomic_output(path: str) -> Iterator[IO[str]]:
    """A text file written whole or not at all (``store.export.output_file``: a temporary file beside
    ``path``, renamed to it when the command finishes; a device such as ``/dev/null`` is written in
    place); '-' is standard output. E046 when it cannot be written."""
    if path == "-":
        yield sys.stdout
        return
    from ..store.export import output_file

    with output_file(path) as out:
        yield out

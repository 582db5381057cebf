"""Input and output files of the commands: a missing input is a usage error, an output file is
written whole or not at all."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import IO, BinaryIO

from ..errors import InputError, OutputError


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
        stream = open(path, "rb")
    except OSError as e:
        raise InputError(f"cannot read {path} ({e.strerror}); check the path and its permissions", "E008") from e
    with stream:
        yield stream


@contextlib.contextmanager
def atomic_output(path: str) -> Iterator[IO[str]]:
    """A text file written under a temporary name beside ``path`` and renamed to it only when the
    command finishes, so a failure never leaves a half-written file; '-' is standard output.
    E046 when the folder is missing or cannot be written."""
    if path == "-":
        yield sys.stdout
        return
    target = os.path.abspath(path)
    partial = os.path.join(os.path.dirname(target), f".{os.path.basename(target)}.{os.getpid()}.part")
    try:
        out = open(partial, "x", encoding="utf-8")
    except OSError as e:
        raise OutputError(f"cannot write {path} ({e.strerror}); check that its folder exists and is "
                          "writable", "E046") from e
    try:
        with out:
            yield out
        _replace(partial, target, path)
    finally:
        if os.path.exists(partial):
            os.unlink(partial)


def _replace(partial: str, target: str, path: str) -> None:
    try:
        os.replace(partial, target)
    except OSError as e:
        raise OutputError(f"cannot write {path} ({e.strerror}); nothing was written", "E046") from e

"""Files a user names as input, opened so that no command waits for ever on one.

A regular file opens as ``open`` opens it. A named pipe (FIFO), a character device (``/dev/tty``)
or the pipe of a shell's process substitution (``<(zcat a.gz)``, seen as ``/dev/fd/63``) is read
like standard input, once something arrives: it is opened without blocking and waited on for at most
``WRITER_WAIT`` seconds for its first bytes (or for its writer to close it, an empty input). Nothing
within that time is E008 naming the file, where ``open`` on a named pipe no program writes to waited
for ever (``peacewatch ingest /tmp/fifo``, ``corrections import``, ``--config``). Once bytes arrive the
reader trusts the writer as it trusts standard input; ``-`` (standard input itself) waits as ``cat``
does, since the user piped it. Every command's input path comes through ``open_named``.
"""

from __future__ import annotations

import os
import select
import stat
from typing import BinaryIO

from .errors import InputError

WRITER_WAIT = 30.0  # seconds a named pipe or device may stay silent before its first byte


def open_named(path: str, wait: float | None = None) -> BinaryIO:
    """``path`` opened for reading bytes (see the module docstring); an ``OSError`` as ``open``
    raises it (missing, permissions, a socket), E008 for a pipe or device silent for ``wait``
    seconds (default ``WRITER_WAIT``)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = stat.S_IFREG  # let open() say what is wrong
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return open(path, "rb")
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO opens at once, with or without a writer
    try:
        poller = select.poll()
        poller.register(fd, select.POLLIN | select.POLLPRI)
        limit = WRITER_WAIT if wait is None else wait
        if not poller.poll(int(limit * 1000)):  # a hang-up (the writer came and went) also ends the wait
            kind = "named pipe" if stat.S_ISFIFO(mode) else "device" if stat.S_ISCHR(mode) else "special file"
            raise InputError(f"nothing was written to the {kind} {path} within {limit:g} s; start the program "
                             f"that writes to it first, or pipe it in: peacewatch … - < {path}", "E008")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_named_text(path: str, wait: float | None = None) -> str:
    """The whole of ``path`` as UTF-8 text (``open_named``; ``UnicodeDecodeError`` when it is not)."""
    with open_named(path, wait) as f:
        return f.read().decode("utf-8")

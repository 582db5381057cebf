"""The ``peacewatch`` command line. Only this package prints.

Exit codes: 0 when every document was processed, 1 when some failed (each failure is reported with
its code) or the command failed at run time (the database, an output file, an internal error), 2 on
usage errors (click's own convention, kept for ours: a bad option value, configuration or input path).
Every failure is one coded line (``error E0NN: …``), never a traceback; ``PEACEWATCH_DEBUG=1`` lets
an unexpected exception through with its traceback.
"""

from . import corrections, reads, run  # noqa: F401 (each registers its commands)
from .base import main

__all__ = ["main"]

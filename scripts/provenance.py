"""What the training scripts write into a model card about the code that made it.

A module of plain Python beside the scripts (no peacewatch import), so that ``train_minilm.py``,
which runs in its own build environment without peacewatch, can use it as ``train_events.py`` does.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


def code_version(root: Path) -> str:
    """The git commit the repository at ``root`` is on, or "unknown" outside a git checkout."""
    try:
        done = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True,
                              check=True)
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return done.stdout.strip()

"""Shared fixtures: where ../shared is, one loaded spaCy pipeline per test session, and the
hypothesis profiles.

Profiles: ``ci`` (derandomized, no example database, no deadline) is what ``make test`` and CI run,
so a property test passes or fails the same way on every run; ``fuzz`` (many examples, no deadline)
is for long exploratory runs, ``make fuzz``. Choose one with ``--hypothesis-profile`` or
``HYPOTHESIS_PROFILE``; without either, ``ci`` is loaded.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True)
settings.register_profile(
    "fuzz", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True,
)
# CI sets CI: it always gets the deterministic profile, whatever HYPOTHESIS_PROFILE says.
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: this test reads the project's shared data from ../shared")
    return path


@lru_cache(maxsize=1)
def _nlp():  # type: ignore[no-untyped-def]
    from peacewatch.config import load_config
    from peacewatch.pipeline import load_spacy

    return load_spacy(load_config().model)


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The spaCy language object, loaded once for the whole session."""
    return _nlp()


@pytest.fixture(scope="session")
def make_pipeline(nlp):  # type: ignore[no-untyped-def]
    """Build a Pipeline with the given component names, sharing the loaded spaCy model."""
    from peacewatch.config import load_config
    from peacewatch.pipeline import Pipeline

    def build(*names: str, **overrides):  # type: ignore[no-untyped-def]
        config = load_config(pipeline=list(names), **overrides)
        return Pipeline.build(config, nlp=nlp)

    return build

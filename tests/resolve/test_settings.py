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


def test_wrong_types_are_coded_errors() -> None:
    for bad in ({"horizon_days": "30"}, {"mode_none_matches": "yes"}, {"date_slack_days": True},
                {"quantity_tolerance": None}, {"as_of": 20240131}):
        with pytest.raises(ConfigError) as err:
            LedgerSettings.from_dict(bad)
        assert err.value.code == "E020"

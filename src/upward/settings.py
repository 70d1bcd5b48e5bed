"""Where Upward keeps its data and how it serves it. Environment variables start with UPWARD_."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Literal

import platformdirs
from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from upward.model import UpwardError


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="UPWARD_", extra="ignore")

    home: Path = Field(default_factory=lambda: Path(platformdirs.user_data_dir("upward", appauthor=False)))
    database_url: str | None = None
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    account: str = "local"
    #: A coach's or a company's own playbook file instead of the one Upward ships with.
    playbook: Path | None = None
    #: How recurring problems are found: "tfidf" (words and spellings) or "semantic" (needs upward[semantic]).
    patterns_backend: Literal["tfidf", "semantic"] = "tfidf"

    @field_validator("host")
    @classmethod
    def _host_is_an_address(cls, value: str) -> str:
        if value != "localhost":
            ipaddress.ip_address(value)
        return value

    @property
    def database(self) -> str:
        """The database URL: UPWARD_DATABASE_URL, or a SQLite file in the home folder."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.home / 'upward.db'}"

    def ensure_home(self) -> Path:
        self.home.mkdir(parents=True, exist_ok=True)
        return self.home


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment, with overrides; a bad value becomes a plain message."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as error:
        first = error.errors()[0]
        name = "UPWARD_" + str(first["loc"][0]).upper() if first["loc"] else "a setting"
        raise UpwardError(f"{name}: {first['msg']}") from None

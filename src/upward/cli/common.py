"""What every command shares: the data context, the console and parsing of typed values."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from rich.console import Console

from upward.services import Context, open_context
from upward.settings import Settings, load_settings

#: Lines are never wrapped; tables fit the terminal, or 160 columns when the output goes to a file or a pipe.
console = Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 160)
_overrides: dict[str, Any] = {}


def set_overrides(*, home: Path | None, database_url: str | None, playbook: Path | None = None) -> None:
    _overrides.clear()
    if playbook is not None:
        _overrides["playbook"] = playbook
    if home is not None:
        _overrides["home"] = home
    if database_url is not None:
        _overrides["database_url"] = database_url


def settings() -> Settings:
    return load_settings(**_overrides)


def context() -> Context:
    return open_context(load_settings(**_overrides))


def day_label(value: Any) -> str:
    return f"{value:%a %d %b %Y}"

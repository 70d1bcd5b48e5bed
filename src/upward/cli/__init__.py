"""The `upward` command. Each command group lives in a module of its own."""

from __future__ import annotations

from upward.cli.app import app, main

__all__ = ["app", "main"]

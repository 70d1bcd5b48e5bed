"""The root command: registers the command groups and turns problems into one plain line."""

from __future__ import annotations

import pkgutil
from importlib import import_module
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from upward import __version__
from upward.cli.common import set_overrides
from upward.model import UpwardError


class UpwardGroup(TyperGroup):
    """Every UpwardError, wherever it is raised, ends as one line on stderr and exit code 2."""

    def invoke(self, ctx: Any) -> Any:  # ctx: the click context typer passes (its vendored click)
        try:
            return super().invoke(ctx)
        except UpwardError as error:
            typer.echo(f"upward: {error}", err=True)
            raise typer.Exit(2) from None

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)  # keep the order commands were added in: most used first


app = typer.Typer(
    cls=UpwardGroup,
    help="Upward turns your everyday work into a promotion. Start with `upward init`, then `upward log`.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"upward {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    home: Annotated[
        Path | None, typer.Option(help="Folder for Upward's data (default: your data folder; env UPWARD_HOME).")
    ] = None,
    database_url: Annotated[
        str | None, typer.Option(help="Database to use instead of the SQLite file (env UPWARD_DATABASE_URL).")
    ] = None,
    playbook: Annotated[
        Path | None, typer.Option(help="Your own playbook file instead of Upward's (env UPWARD_PLAYBOOK).")
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and stop.")
    ] = False,
) -> None:
    set_overrides(home=home, database_url=database_url, playbook=playbook)


def _register_commands(root: typer.Typer) -> None:
    """Every module of `upward.cli` with a `register(app)` adds its commands, in the order of its `PLACE`."""
    names = [info.name for info in pkgutil.iter_modules([str(Path(__file__).parent)])]
    modules = [import_module(f"upward.cli.{name}") for name in names if name != "app"]
    for module in sorted((m for m in modules if hasattr(m, "register")), key=lambda m: m.PLACE):
        module.register(root)


_register_commands(app)


def main() -> None:
    app()

"""What the import page and its JSON twin share: an importer's options read from a form or from JSON, the
checks on what was handed over, and problems told with the names of the files the person uploaded.

The options are read from each importer's declarations alone, so an importer added later needs no code here.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from upward.importers import Importer, ImportOption
from upward.model import InputError
from upward.model.imports import ImportProblem, ImportRun
from upward.services import Context
from upward.services.imports import SECRET_WORDS, run_import

#: Form fields that are not options: the source, the files, typed paths and the page's CSRF token.
FORM_FIELDS = frozenset({"source", "files", "paths", "csrf_token"})
YES = frozenset({"on", "true", "yes", "1"})
NO = frozenset({"off", "false", "no", "0"})
WHOLE_NUMBER = re.compile(r"-?\d+")


def label(name: str) -> str:
    """A field's name as a form shows it: `all_branches` is "All branches"."""
    return name.replace("_", " ").capitalize()


def is_secret(option: ImportOption) -> bool:
    """A token or password: typed into a password box and never shown back."""
    return any(word in option.name.lower() for word in SECRET_WORDS)


@dataclass(frozen=True)
class OptionField:
    """One of an importer's options as a form field."""

    name: str
    label: str
    hint: str
    input_type: str  # checkbox, number, password or text
    value: str


def option_fields(importer: Importer, values: Mapping[str, str]) -> list[OptionField]:
    """The form fields for an importer's options, filled with `values` (a secret is never filled in)."""
    return [_field(option, values) for option in importer.options]


def form_options(importer: Importer, fields: Mapping[str, list[str]]) -> dict[str, Any]:
    """The options of a form (the page, or a multipart API call): a ticked box is yes, commas separate values."""
    unknown = sorted(set(fields) - FORM_FIELDS - {option.name for option in importer.options})
    if unknown:
        raise InputError(unknown[0], _unknown(importer, unknown[0]))
    given = {option.name: _pieces(option, fields[option.name]) for option in importer.options if option.name in fields}
    return _typed(importer, given)


def json_options(importer: Importer, given: Mapping[str, Any]) -> dict[str, Any]:
    """The options of a JSON call: each as its own JSON type; a list where an option may be given several times."""
    unknown = sorted(set(given) - {option.name for option in importer.options})
    if unknown:
        raise InputError(unknown[0], _unknown(importer, unknown[0]))
    return _typed(importer, {name: value if isinstance(value, list) else [value] for name, value in given.items()})


def typed_paths(values: Iterable[str]) -> list[str]:
    """Folders or files typed into a form, one a line."""
    return [line.strip() for value in values for line in value.splitlines() if line.strip()]


def start_import(
    ctx: Context,
    importer: Importer,
    typed: list[str],
    uploaded: list[Path],
    options: dict[str, Any],
    *,
    uploads: bool = True,
) -> ImportRun:
    """Check what was handed over, then import it; a problem names uploaded files by their own names.

    `uploads` says whether the caller could send files at all (a form can, a JSON body can't)."""
    _check_handed_over(importer, typed, uploaded, uploads)
    try:
        return run_import(ctx, importer.name, [*typed, *uploaded], options)
    except ImportProblem as problem:
        if not uploaded:
            raise
        raise _told_by_name(problem, uploaded[0].parent) from None


def problem_field(problem: ImportProblem, importer: Importer, uploaded: bool) -> str:
    """The field an import problem belongs to: an option it names (`--since`), else the files or paths."""
    for option in importer.options:
        if problem.file == option.flag:
            return option.name
    return "files" if uploaded else "paths"


def _field(option: ImportOption, values: Mapping[str, str]) -> OptionField:
    if option.type is bool:
        input_type = "checkbox"
    elif is_secret(option):
        input_type = "password"
    elif option.type is int and not option.multiple:
        input_type = "number"
    else:
        input_type = "text"
    hint = option.help.rstrip(".") + ". Separate several with commas." if option.multiple else option.help
    value = "" if input_type == "password" else values.get(option.name, "")
    return OptionField(option.name, label(option.name), hint, input_type, value)


def _unknown(importer: Importer, name: str) -> str:
    takes = ", ".join(option.name for option in importer.options)
    settings = f"it takes: {takes}" if takes else "it takes none"
    return f"the {importer.name} import has no setting called '{name}'; {settings}"


def _pieces(option: ImportOption, values: list[str]) -> list[str]:
    if not option.multiple:
        return values
    return [piece.strip() for value in values for piece in value.split(",")]


def _typed(importer: Importer, given: Mapping[str, list[Any]]) -> dict[str, Any]:
    """Each option as its declared type, leaving out what was left empty (as the command line does)."""
    chosen: dict[str, Any] = {}
    for option in importer.options:
        values = [_value(option, raw) for raw in given.get(option.name, []) if not _empty(raw)]
        if option.multiple:
            if values:
                chosen[option.name] = values
            continue
        if len(values) > 1:
            raise InputError(option.name, "give one value, not several")
        if values and values[0] is not False:
            chosen[option.name] = values[0]
    return chosen


def _empty(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def _value(option: ImportOption, raw: Any) -> Any:
    if option.type is bool:
        return _yes_or_no(option, raw)
    if option.type is int:
        return _whole_number(option, raw)
    if not isinstance(raw, str):
        raise InputError(option.name, "should be text")
    return raw.strip()


def _yes_or_no(option: ImportOption, raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    word = raw.strip().lower() if isinstance(raw, str) else None
    if word in YES or word in NO:
        return word in YES
    raise InputError(option.name, "answer yes or no (true or false)")


def _whole_number(option: ImportOption, raw: Any) -> int:
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and WHOLE_NUMBER.fullmatch(raw.strip()):
        return int(raw)
    raise InputError(option.name, "should be a whole number, like 30")


def _check_handed_over(importer: Importer, typed: list[str], uploaded: list[Path], uploads: bool) -> None:
    if uploaded and not importer.suffixes:
        raise InputError(
            "files", f"the {importer.name} import reads {importer.paths_help}, not uploaded files; type where they are"
        )
    for path in uploaded:
        if not path.name.lower().endswith(tuple(suffix.lower() for suffix in importer.suffixes)):
            endings = " or ".join(importer.suffixes)
            raise ImportProblem(path.name, f"the {importer.name} import reads {endings} files; is this the right file?")
    if importer.needs_paths and not typed and not uploaded:
        field, what = ("files", "choose") if uploads and importer.suffixes else ("paths", "name")
        raise InputError(field, f"{what} at least one: {importer.paths_help}")


def _told_by_name(problem: ImportProblem, folder: Path) -> ImportProblem:
    """The same problem, naming each uploaded file as it was called on the person's computer."""
    prefix = str(folder) + os.sep
    return ImportProblem(
        problem.file.replace(prefix, ""), problem.problem.replace(prefix, ""), line=problem.line, field=problem.field
    )

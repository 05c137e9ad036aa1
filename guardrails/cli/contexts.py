"""Context for the CLI: the --context/config JSON file, and a template's own ``context:``.

A template's context (a path relative to the template, or an inline table) is laid over the
run's context key by key: the file's ``facts`` replace the run's, other keys stay.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from guardrails.errors import ConfigurationError

if TYPE_CHECKING:
    from guardrails.context import Context

__all__ = ["load_context_file", "merge_template_context"]


def _read_json(path: Path) -> dict[str, Any]:
    from guardrails.cli.inputs import read_text

    text = read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigurationError(f"{path}:{exc.lineno}: invalid JSON: {exc.msg}") from None
    if not isinstance(data, dict):
        raise ConfigurationError(f"{path}: context must be a JSON object")
    return data


def load_context_file(path: str) -> Context:
    """The validated Context in JSON file ``path`` (errors name the file)."""
    from guardrails.api import to_context

    data = _read_json(Path(path))
    try:
        return to_context(data)
    except ConfigurationError as exc:
        raise ConfigurationError(f"{path}: {exc}") from None


def merge_template_context(base: Context | None, value: Any, template: Path,
                           line: int) -> Context | None:
    """``base`` with a template's ``context`` (path string or table) laid over it."""
    from guardrails.api import to_context

    where = f"{template}:{line}: context"
    if isinstance(value, str):
        file = (template.parent / value) if not Path(value).is_absolute() else Path(value)
        if not file.is_file():
            raise ConfigurationError(f"{where}: no such file {value!r}")
        data = _read_json(file)
        where = f"{file}"
    elif isinstance(value, dict):
        data = value
    else:
        raise ConfigurationError(f"{where}: must be a JSON file path or a table, got {value!r}")
    merged = {**(base.model_dump(exclude_unset=True) if base is not None else {}), **data}
    try:
        return to_context(merged)
    except ConfigurationError as exc:
        raise ConfigurationError(f"{where}: {exc}") from None

"""``[tool.guardrails]`` in the nearest pyproject.toml: defaults for ``guardrails check``.

Each option given on the command line replaces the configured one (the CLI beats the config).
Unknown keys are an error: a typo must not silently disable a rule.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from guardrails.errors import ConfigurationError

__all__ = ["Config", "find_config", "load_config"]

_LISTS = ("rules", "select", "ignore")
_KEYS = (*_LISTS, "context", "fail-on")


@dataclass(frozen=True)
class Config:
    """The check defaults from one pyproject.toml (paths already resolved against it)."""

    path: Path | None = None
    rules: list[str] = field(default_factory=list)
    select: list[str] | None = None
    ignore: list[str] | None = None
    context: str | None = None
    fail_on: str | None = None


def find_config(start: Path) -> Path | None:
    """The nearest pyproject.toml at or above ``start`` that has a ``[tool.guardrails]`` table."""
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                text = candidate.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            if "[tool.guardrails" in text:
                return candidate
    return None


def _strings(path: Path, key: str, value: object) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigurationError(
            f"{path}: [tool.guardrails] {key} must be a list of strings, got {value!r}"
        )
    return list(value)


def load_config(path: Path) -> Config:
    """Read and validate ``[tool.guardrails]`` from ``path``."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigurationError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigurationError(f"{path}: invalid TOML: {exc}") from None
    table = data.get("tool", {}).get("guardrails", {})
    if not isinstance(table, dict):
        raise ConfigurationError(f"{path}: [tool.guardrails] must be a table")
    unknown = sorted(set(table) - set(_KEYS) - {"fail_on"})
    if unknown:
        raise ConfigurationError(
            f"{path}: [tool.guardrails] unknown key {unknown[0]!r}; expected one of: "
            f"{', '.join(_KEYS)}"
        )
    root = path.parent
    fail_on = table.get("fail-on", table.get("fail_on"))
    if fail_on is not None and fail_on not in ("error", "warning"):
        raise ConfigurationError(
            f"{path}: [tool.guardrails] fail-on must be 'error' or 'warning', got {fail_on!r}"
        )
    context = table.get("context")
    if context is not None and not isinstance(context, str):
        raise ConfigurationError(f"{path}: [tool.guardrails] context must be a path string")
    return Config(
        path=path,
        rules=[str(root / p) for p in _strings(path, "rules", table.get("rules", []))],
        select=_strings(path, "select", table["select"]) if "select" in table else None,
        ignore=_strings(path, "ignore", table["ignore"]) if "ignore" in table else None,
        context=str(root / context) if context is not None else None,
        fail_on=fail_on,
    )

"""Project configuration: ``[tool.guardrails]`` in pyproject.toml, or guardrails.toml's top level.

The nearest file at or above the checked file wins (guardrails.toml before pyproject.toml in one
folder); an option given on the command line replaces the configured one. Unknown keys and
wrong types are a ConfigurationError naming the file and the key: a typo must not silently
disable a rule. Rule ids are checked later, against the packs the config loads.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from guardrails.errors import ConfigurationError
from guardrails.templates.variables import Variable, parse_variable

__all__ = ["CONFIG_NAMES", "Config", "find_config", "load_config", "validate_ids"]

CONFIG_NAMES = ("guardrails.toml", "pyproject.toml")
_KEYS = ("rules", "select", "ignore", "context", "fail-on", "app_domains", "deep_link_scheme",
         "routes", "default-length", "channels", "per-file-ignores", "variables")
_NORMAL = {k.replace("_", "-"): k for k in _KEYS}


@dataclass(frozen=True)
class Config:
    """The check defaults from one config file (paths already resolved against its folder)."""

    path: Path | None = None
    rules: list[str] = field(default_factory=list)
    select: list[str] | None = None
    ignore: list[str] | None = None
    context: str | None = None
    fail_on: str | None = None
    app_domains: tuple[str, ...] | None = None
    deep_link_scheme: str | None = None
    routes: tuple[str, ...] | None = None
    default_length: int | None = None
    channels: tuple[tuple[str, str], ...] = ()
    """(glob, channel) in the order written; the first match wins."""
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    variables: dict[str, Variable] = field(default_factory=dict)

    @property
    def table(self) -> str:
        """How messages name the table: ``[tool.guardrails] `` in pyproject.toml, else nothing."""
        return "[tool.guardrails] " if self.path and self.path.name == "pyproject.toml" else ""

    def sub(self, name: str) -> str:
        prefix = "tool.guardrails." if self.table else ""
        return f"[{prefix}{name}] "

    def context_keys(self) -> dict[str, Any]:
        """app_domains, deep_link_scheme and routes, for merging under the context file."""
        keys: dict[str, Any] = {}
        if self.app_domains is not None:
            keys["app_domains"] = self.app_domains
        if self.deep_link_scheme is not None:
            keys["deep_link_scheme"] = self.deep_link_scheme
        if self.routes is not None:
            keys["routes"] = self.routes
        return keys


def find_config(start: Path) -> Path | None:
    """The nearest guardrails.toml, or pyproject.toml with [tool.guardrails], from ``start`` up."""
    for folder in (start, *start.parents):
        own = folder / "guardrails.toml"
        if own.is_file():
            return own
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                text = candidate.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            if "[tool.guardrails" in text:
                return candidate
    return None


class _Reader:
    """Validation helpers that name the file and key in every error."""

    def __init__(self, path: Path, table: str) -> None:
        self.path, self.table = path, table

    def fail(self, message: str) -> ConfigurationError:
        return ConfigurationError(f"{self.path}: {self.table}{message}")

    def strings(self, key: str, value: object) -> list[str]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(f"{key} must be a list of strings, got {value!r}")
        return list(value)

    def table_of(self, key: str, value: object) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(f"{key} must be a table, got {value!r}")
        return value


def _normalized(reader: _Reader, table: dict[str, Any]) -> dict[str, Any]:
    """Keys by canonical name (``fail_on`` = ``fail-on``); unknown or doubled keys fail."""
    out: dict[str, Any] = {}
    for key, value in table.items():
        canonical = _NORMAL.get(key.replace("_", "-"))
        if canonical is None:
            raise reader.fail(f"unknown key {key!r}; expected one of: {', '.join(_KEYS)}")
        if canonical in out:
            raise reader.fail(f"{canonical} is given twice")
        out[canonical] = value
    return out


def load_config(path: Path) -> Config:
    """Read and validate the configuration in ``path`` (pyproject.toml or guardrails.toml)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigurationError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigurationError(f"{path}: invalid TOML: {exc}") from None
    pyproject = path.name == "pyproject.toml"
    shell = Config(path=path)
    reader = _Reader(path, shell.table)
    raw = data.get("tool", {}).get("guardrails", {}) if pyproject else data
    if not isinstance(raw, dict):
        raise ConfigurationError(f"{path}: [tool.guardrails] must be a table")
    table = _normalized(reader, raw)
    root = path.parent
    fail_on = table.get("fail-on")
    if fail_on is not None and fail_on not in ("error", "warning"):
        raise reader.fail(f"fail-on must be 'error' or 'warning', got {fail_on!r}")
    context = table.get("context")
    if context is not None and not isinstance(context, str):
        raise reader.fail("context must be a path string")
    scheme = table.get("deep_link_scheme")
    if scheme is not None and not isinstance(scheme, str):
        raise reader.fail(f"deep_link_scheme must be a string, got {scheme!r}")
    length = table.get("default-length")
    if length is not None and (isinstance(length, bool) or not isinstance(length, int)
                               or length < 1):
        raise reader.fail(f"default-length must be a positive integer, got {length!r}")
    lists = {key: tuple(reader.strings(key, table[key])) if key in table else None
             for key in ("app_domains", "routes")}
    return Config(
        path=path,
        rules=[str(root / p) for p in reader.strings("rules", table.get("rules", []))],
        select=reader.strings("select", table["select"]) if "select" in table else None,
        ignore=reader.strings("ignore", table["ignore"]) if "ignore" in table else None,
        context=str(root / context) if context is not None else None,
        fail_on=fail_on,
        app_domains=lists["app_domains"],
        deep_link_scheme=scheme,
        routes=lists["routes"],
        default_length=length,
        channels=_channels(path, shell, table.get("channels")),
        per_file_ignores=_per_file(path, shell, table.get("per-file-ignores")),
        variables=_variables(path, shell, table.get("variables")),
    )


def _channels(path: Path, shell: Config, raw: object) -> tuple[tuple[str, str], ...]:
    if raw is None:
        return ()
    from guardrails.models import normalize_channel

    reader = _Reader(path, shell.sub("channels"))
    out = []
    for glob, channel in _Reader(path, shell.table).table_of("channels", raw).items():
        if not isinstance(channel, str):
            raise reader.fail(f"{glob!r}: must be a channel name, got {channel!r}")
        try:
            out.append((glob, normalize_channel(channel)))
        except ConfigurationError as exc:
            raise reader.fail(f"{glob!r}: {exc}") from None
    return tuple(out)


def _per_file(path: Path, shell: Config, raw: object) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if raw is None:
        return ()
    reader = _Reader(path, shell.sub("per-file-ignores"))
    table = _Reader(path, shell.table).table_of("per-file-ignores", raw)
    return tuple((glob, tuple(reader.strings(repr(glob), ids))) for glob, ids in table.items())


def _variables(path: Path, shell: Config, raw: object, prefix: str = "") -> dict[str, Variable]:
    """Declarations by dotted name; a table without type/max/min is a namespace (``user.name``)."""
    if raw is None:
        return {}
    reader = _Reader(path, shell.sub("variables"))
    table = _Reader(path, shell.table).table_of("variables", raw) if not prefix else raw
    assert isinstance(table, dict)
    out: dict[str, Variable] = {}
    for name, value in table.items():
        full = f"{prefix}{name}"
        if not re.fullmatch(r"[A-Za-z_@][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*", full):
            raise reader.fail(f"{full!r}: not a variable name (letters, digits, _ and dots)")
        if isinstance(value, dict) and value and not set(value) & {"type", "max", "min"} \
                and all(isinstance(v, dict) for v in value.values()):
            out.update(_variables(path, shell, value, prefix=f"{full}."))
            continue
        parsed = parse_variable(full, value)
        if isinstance(parsed, str):
            raise reader.fail(f"{full}: {parsed}")
        out[full] = parsed
    return out


def validate_ids(config: Config, known: Callable[[str], bool]) -> None:
    """Every id or prefix in select, ignore and per-file-ignores names a rule, else fail."""
    reader = _Reader(config.path or Path("."), config.table)
    for key, values in (("select", config.select), ("ignore", config.ignore)):
        for value in values or ():
            if not known(value):
                raise reader.fail(f"{key}: unknown rule id or prefix {value.strip().upper()!r}")
    per_file = _Reader(config.path or Path("."), config.sub("per-file-ignores"))
    for glob, ids in config.per_file_ignores:
        for value in ids:
            if not known(value):
                raise per_file.fail(f"{glob!r}: unknown rule id or prefix "
                                    f"{value.strip().upper()!r}")

"""Per-file settings for ``guardrails check``: the nearest config, merged with the command line.

Each checked file gets the configuration nearest to it (resolved once per folder), so two
template folders with their own guardrails.toml are checked by their own rules in one run.
A ``FileJob`` carries everything a worker process needs to check one file.
"""

from __future__ import annotations

import argparse
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from guardrails.cli.config import Config, find_config, load_config, validate_ids
from guardrails.errors import ConfigurationError

__all__ = ["FileJob", "Project", "Resolver", "glob_matches"]


@functools.lru_cache(maxsize=256)
def _glob(pattern: str) -> re.Pattern[str]:
    """``**`` any folders, ``*`` within one name, ``?`` one character, ``[...]`` a class."""
    out, i = [], 0
    while i < len(pattern):
        ch = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if ch == "*":
            out.append("[^/]*")
        elif ch == "?":
            out.append("[^/]")
        elif ch == "[" and "]" in pattern[i + 1:]:
            end = pattern.index("]", i + 1)
            out.append("[" + pattern[i + 1:end].replace("!", "^", 1) + "]")
            i = end
        else:
            out.append(re.escape(ch))
        i += 1
    return re.compile("".join(out))


def glob_matches(pattern: str, relative: str) -> bool:
    """True when ``relative`` (a posix path under the config's folder) matches ``pattern``.

    Without a ``/`` the pattern matches a file or folder name anywhere (``*.sms.txt``); with one
    it matches from the config's folder (``templates/sms/**``). A folder matches what is in it.
    """
    pattern = pattern.strip().removeprefix("./").lstrip("/").rstrip("/")
    regex = _glob(pattern)
    parts = relative.split("/")
    if "/" not in pattern:
        return any(regex.fullmatch(part) for part in parts)
    return any(regex.fullmatch("/".join(parts[:n])) for n in range(1, len(parts) + 1))


@dataclass(frozen=True)
class FileJob:
    """One file to check and every setting it needs (picklable: it crosses into workers)."""

    path: str
    channel: str | None
    """Forced by --channel."""
    fallback_channel: str | None
    """From [tool.guardrails.channels] or the file name; front matter beats it."""
    rules: tuple[str, ...]
    select: tuple[str, ...] | None
    ignore: tuple[str, ...] | None
    context: Any
    settings: Any
    ignores: tuple[str, ...] = ()
    """Per-file ignores that apply to this file."""
    known: frozenset[str] = frozenset()
    active: frozenset[str] = frozenset()
    fail_on: str = "error"


@dataclass
class Project:
    """One configuration (or none) merged with the command line, ready to make FileJobs."""

    config: Config
    rules: tuple[str, ...]
    select: tuple[str, ...] | None
    ignore: tuple[str, ...] | None
    known: frozenset[str]
    active: frozenset[str]
    context: Any
    settings: Any
    fail_on: str
    pack: Any = field(repr=False, default=None)

    @property
    def root(self) -> Path:
        return self.config.path.parent if self.config.path else Path.cwd()

    def relative(self, path: Path) -> str | None:
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return None

    def channel_of(self, path: Path) -> str | None:
        """The channel [tool.guardrails.channels] gives ``path`` (first matching glob)."""
        relative = self.relative(path) if self.config.channels else None
        if relative is None:
            return None
        return next((ch for glob, ch in self.config.channels if glob_matches(glob, relative)),
                    None)

    def ignores_for(self, path: Path) -> tuple[str, ...]:
        relative = self.relative(path) if self.config.per_file_ignores else None
        if relative is None:
            return ()
        return tuple(i.strip().upper() for glob, ids in self.config.per_file_ignores
                     if glob_matches(glob, relative) for i in ids)


def _matches(rule_id: str, selectors: Sequence[str]) -> bool:
    return any(s == "ALL" or rule_id.startswith(s) for s in selectors)


class Resolver:
    """Finds, loads and validates the configuration of each folder once per run."""

    def __init__(self, ns: argparse.Namespace) -> None:
        self.ns = ns
        self._by_folder: dict[Path, Project] = {}
        self._by_config: dict[Path | None, Project] = {}

    def project(self, path: Path) -> Project:
        folder = (path.parent if str(path) != "-" else Path.cwd()).resolve()
        found = self._by_folder.get(folder)
        if found is None:
            config_path = None if self.ns.isolated else find_config(folder)
            found = self._by_config.get(config_path)
            if found is None:
                config = load_config(config_path) if config_path else Config()
                found = self._build(config)
                self._by_config[config_path] = found
            self._by_folder[folder] = found
        return found

    def _build(self, config: Config) -> Project:
        from guardrails.api import Checker
        from guardrails.templates.rules import TEMPLATE_RULES
        from guardrails.templates.variables import DEFAULT_LENGTH, TemplateSettings

        ns = self.ns
        rules = tuple(ns.rules or config.rules)
        pack = Checker(rules=list(rules)).pack
        ids = [r.id for r in pack.rules] + [r.id for r in TEMPLATE_RULES]

        def known(selector: str) -> bool:
            s = selector.strip().upper()
            return s == "ALL" or any(i.startswith(s) for i in ids)

        for flag in (ns.select or []) + (ns.ignore or []):
            if not known(flag):
                raise ConfigurationError(
                    f"unknown rule id or prefix {flag.strip().upper()!r} in select/ignore")
        validate_ids(config, known)
        select = [s.strip().upper() for s in (ns.select if ns.select is not None
                                              else config.select or []) if s.strip()]
        ignore = [s.strip().upper() for s in (ns.ignore if ns.ignore is not None
                                              else config.ignore or []) if s.strip()]
        active = frozenset(i for i in ids if (not select or _matches(i, select))
                           and not _matches(i, ignore))
        pack_ids = [r.id for r in pack.rules]
        engine_select: tuple[str, ...] | None = None
        engine_ignore: tuple[str, ...] | None = None
        if not set(pack_ids) <= active:
            chosen = tuple(i for i in pack_ids if i in active)
            engine_select, engine_ignore = (chosen, None) if chosen else (("ALL",), ("ALL",))
        settings = TemplateSettings(
            variables=config.variables,
            default_length=config.default_length or DEFAULT_LENGTH,
            report=frozenset(r.id for r in TEMPLATE_RULES if r.id in active))
        return Project(config, rules, engine_select, engine_ignore, frozenset(ids), active,
                       self._context(config), settings, ns.fail_on or config.fail_on or "error",
                       pack)

    def _context(self, config: Config) -> Any:
        from guardrails.cli.contexts import load_context_file
        from guardrails.context import Context

        path = self.ns.context or config.context
        context = load_context_file(path) if path else None
        keys = config.context_keys()
        if not keys:
            return context
        data = {**keys, **(context.model_dump(exclude_unset=True) if context else {})}
        return Context.model_validate(data)

    def projects(self) -> list[Project]:
        """Every project resolved so far."""
        return list(self._by_config.values())

    def job(self, path: Path, channel: str | None) -> FileJob:
        from guardrails.cli.inputs import channel_from_name

        project = self.project(path)
        fallback = project.channel_of(path) or channel_from_name(path)
        return FileJob(str(path), channel, fallback, project.rules, project.select,
                       project.ignore, project.context, project.settings,
                       project.ignores_for(path), project.known, project.active,
                       project.fail_on)

"""Loading rule packs: TOML → validated specs → compiled rules (once per pack, thread-safe after).

Every problem in a pack is collected and reported together as one RulePackError that names
the file, the line, the rule id and the key.
"""

from __future__ import annotations

import contextlib
import functools
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from pydantic import ValidationError

from guardrails.engine.base import GroupRunner, Params, Runner, trusted_patterns
from guardrails.engine.checks import KINDS
from guardrails.engine.fields import resolve_layout
from guardrails.engine.schema import PackSpec, RuleSpec
from guardrails.errors import ConfigurationError, RulePackError
from guardrails.models import CHANNELS, normalize_channel
from guardrails.profiles import data_dir

__all__ = [
    "CompiledRule", "RulePack", "Step", "builtin_pack", "load_pack", "merge_packs", "select_rules",
]

BUILTIN_PACKS = ("core", "review")


@dataclass(frozen=True, eq=False)
class CompiledRule:
    """A rule ready to run: its spec, params and compiled runner."""

    spec: RuleSpec
    params: Params
    runner: Runner
    channels: frozenset[str]
    fields: tuple[str, ...]
    source: str
    line: int = 0

    @property
    def id(self) -> str:
        return self.spec.id

    def applies_to(self, channel: str) -> bool:
        return channel in self.channels


class Step(NamedTuple):
    """Rules run together on one message: one rule, or neighbours of a kind that fuses."""

    rules: tuple[CompiledRule, ...]
    fields: tuple[str, ...]
    group: GroupRunner | None
    """The rules' one pass (None for a single rule, which runs its own runner)."""


def _fuses(before: CompiledRule, rule: CompiledRule) -> bool:
    return before.spec.check == rule.spec.check and KINDS[rule.spec.check].group is not None


@dataclass(frozen=True, eq=False)
class RulePack:
    """An ordered, immutable set of compiled rules (share it freely across threads)."""

    name: str
    rules: tuple[CompiledRule, ...]
    _by_channel: dict[str, tuple[CompiledRule, ...]] = field(
        default_factory=dict, init=False, repr=False
    )
    _plans: dict[tuple[str, tuple[str, ...], tuple[str, ...]], tuple[Step, ...]] = field(
        default_factory=dict, init=False, repr=False
    )
    _groups: dict[tuple[CompiledRule, ...], GroupRunner] = field(
        default_factory=dict, init=False, repr=False
    )

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.rules)

    def get(self, rule_id: str) -> CompiledRule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def plan(self, channel: str, present: tuple[str, ...], body: tuple[str, ...]
             ) -> tuple[Step, ...]:
        """The rules for ``channel`` in steps, with the fields they read in a message whose
        fields are ``present`` (resolved once per layout: a channel's messages share a
        handful). Neighbouring rules of a kind that fuses, on the same fields, share a step."""
        key = (channel, present, body)
        cached = self._plans.get(key)
        if cached is None:
            runs: list[tuple[list[CompiledRule], tuple[str, ...]]] = []
            for rule in self.for_channel(channel):
                fields = resolve_layout(present, body, rule.fields)
                if runs and runs[-1][1] == fields and _fuses(runs[-1][0][-1], rule):
                    runs[-1][0].append(rule)
                else:
                    runs.append(([rule], fields))
            cached = tuple(Step(tuple(rules), fields, self._group(tuple(rules)))
                           for rules, fields in runs)
            if len(self._plans) < 1024:
                self._plans[key] = cached  # same value from any thread: benign race
        return cached

    def _group(self, rules: tuple[CompiledRule, ...]) -> GroupRunner | None:
        """One pass for ``rules`` (None for a single rule), built once per pack."""
        if len(rules) < 2:
            return None
        group = self._groups.get(rules)
        if group is None:
            fuse = KINDS[rules[0].spec.check].group
            assert fuse is not None
            group = self._groups[rules] = fuse([rule.runner for rule in rules])  # benign race
        return group

    def for_channel(self, channel: str) -> tuple[CompiledRule, ...]:
        """Rules for ``channel``, review-claim rules last (they read the flags raised before)."""
        cached = self._by_channel.get(channel)
        if cached is None:
            rules = [r for r in self.rules if r.applies_to(channel)]
            cached = tuple(sorted(rules, key=lambda r: r.spec.check == "review_claim"))
            self._by_channel[channel] = cached  # same value from any thread: benign race
        return cached


def _line_of(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    at = text.find(needle, start)
    if at == -1:
        return 1, 0
    return text.count("\n", 0, at) + 1, at


def _locate(text: str, rule_id: str | None, key: str | None, nth: int = 0) -> int:
    """Best-effort line of ``key`` inside the ``nth`` rule with ``rule_id`` in the TOML source."""
    line, at = 1, 0
    if rule_id:
        for quote in ('"', "'"):
            start, found = 0, False
            for _ in range(nth + 1):
                found_line, found_at = _line_of(text, f"id = {quote}{rule_id}{quote}", start)
                found = found_at > 0 or text.startswith(f"id = {quote}{rule_id}")
                if not found:
                    break
                line, at, start = found_line, found_at, found_at + 1
            if found:
                break
    if key:
        leaf = key.split(".")[-1]
        key_line, key_at = _line_of(text, f"{leaf} =", at)
        if key_at > at or (key_at == 0 and text.startswith(f"{leaf} =")):
            return key_line
    return line


def load_pack(path: str | Path, *, text: str | None = None, trusted: bool = False) -> RulePack:
    """Load and compile the rule pack at ``path`` (``text`` overrides reading the file).

    ``trusted`` (bundled packs only): its tested patterns run without a per-call timeout.
    """
    path = Path(path)
    if text is None:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise RulePackError(f"{path}: cannot read rule pack: {exc}") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RulePackError(f"{path}: invalid TOML: {exc}") from exc
    problems: list[str] = []
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list):
        raise RulePackError(f"{path}:1: 'rule' must be an array of tables ([[rule]])")
    try:
        spec = PackSpec.model_validate({**data, "rule": []})
    except ValidationError as exc:
        for err in exc.errors():
            key = ".".join(str(x) for x in err["loc"])
            problems.append(f"{path}:{_locate(text, None, key)}: key {key!r}: {err['msg']}")
        spec = PackSpec(name=path.stem)
    compiled: list[CompiledRule] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(raw_rules):
        rule_id = raw.get("id") if isinstance(raw, dict) else None
        label = f"rule {rule_id}" if rule_id else f"rule #{index + 1}"
        try:
            rule = RuleSpec.model_validate(raw)
        except ValidationError as exc:
            for err in exc.errors():
                key = ".".join(str(x) for x in err["loc"])
                line = _locate(text, rule_id, key)
                problems.append(f"{path}:{line}: {label}: key {key!r}: {err['msg']}")
            continue
        line = _locate(text, rule.id, None, nth=int(rule.id in seen))
        if rule.id in seen:
            problems.append(f"{path}:{line}: {label}: key 'id': duplicate id (first on line "
                            f"{seen[rule.id]})")
            continue
        seen[rule.id] = line
        with trusted_patterns() if trusted else contextlib.nullcontext():
            problem = _compile_rule(rule, str(path), line, compiled)
        if problem:
            key, msg = problem
            problems.append(f"{path}:{_locate(text, rule.id, key)}: {label}: key {key!r}: {msg}")
    if problems:
        head = problems[0] if len(problems) == 1 else f"{len(problems)} problems in {path}"
        detail = "" if len(problems) == 1 else "\n  " + "\n  ".join(problems)
        raise RulePackError(head + detail, problems=problems)
    return RulePack(spec.name, tuple(compiled))


def _compile_rule(rule: RuleSpec, source: str, line: int,
                  out: list[CompiledRule]) -> tuple[str, str] | None:
    kind = KINDS.get(rule.check)
    if kind is None:
        return "check", f"unknown check kind {rule.check!r}; expected one of: {', '.join(KINDS)}"
    try:
        params = kind.params.model_validate(rule.params)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(x) for x in err["loc"])
        return f"params.{loc}" if loc else "params", str(err["msg"])
    channels: set[str] = set()
    for name in rule.channels:
        if name == "*":
            channels.update(CHANNELS)
            continue
        try:
            channels.add(normalize_channel(name))
        except ConfigurationError as exc:
            return "channels", str(exc)
    try:
        runner = kind.compile(params)
    except (ValueError, TypeError) as exc:
        return "params", str(exc)
    out.append(CompiledRule(rule, params, runner, frozenset(channels), tuple(rule.fields), source,
                            line))
    return None


@functools.cache
def builtin_pack() -> RulePack:
    """The bundled packs (core + review) merged into one, loaded and compiled once."""
    root = data_dir("rules")
    return merge_packs([load_pack(root / f"{name}.toml", trusted=True) for name in BUILTIN_PACKS],
                       "builtin")


def merge_packs(packs: Sequence[RulePack], name: str = "merged") -> RulePack:
    """One pack from several; a duplicate rule id across packs is an error."""
    rules: list[CompiledRule] = []
    seen: dict[str, CompiledRule] = {}
    for pack in packs:
        for rule in pack.rules:
            first = seen.get(rule.id)
            if first is not None:
                where = Path(first.source).name if first.source.startswith(
                    str(data_dir("rules"))) else f"{first.source}:{first.line}"
                raise RulePackError(f"{rule.source}:{rule.line}: rule {rule.id}: key 'id': "
                                    f"duplicate id (already defined in {where})")
            seen[rule.id] = rule
            rules.append(rule)
    return RulePack(name, tuple(rules))


def _matches(rule_id: str, selectors: Iterable[str]) -> bool:
    return any(s == "ALL" or rule_id.startswith(s) for s in selectors)


def select_rules(pack: RulePack, select: Sequence[str] | None = None,
                 ignore: Sequence[str] | None = None) -> RulePack:
    """Keep rules whose id starts with a ``select`` prefix, minus ``ignore`` prefixes (like ruff).

    An id or prefix that matches no rule is a ConfigurationError (a typo must not pass silently).
    """
    sel = [s.strip().upper() for s in (select or []) if s.strip()]
    ign = [s.strip().upper() for s in (ignore or []) if s.strip()]
    for selector in (*sel, *ign):
        if selector != "ALL" and not any(r.id.startswith(selector) for r in pack.rules):
            raise ConfigurationError(f"unknown rule id or prefix {selector!r} in select/ignore")
    if not sel and not ign:
        return pack
    rules = tuple(r for r in pack.rules
                  if (not sel or _matches(r.id, sel)) and not _matches(r.id, ign))
    return RulePack(pack.name, rules)

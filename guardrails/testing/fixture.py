"""What the pytest fixture hands a test: ``check()`` with the project's configuration applied
(rules, select, ignore, context, fail-on), bound to the test's channel marker."""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from guardrails.errors import ConfigurationError
from guardrails.models import Draft
from guardrails.testing.assertions import (
    FailOn,
    NotSendableError,
    Output,
    assert_within_limits,
    raise_if_failing,
    to_draft,
)

if TYPE_CHECKING:
    from guardrails.api import Checker
    from guardrails.context import Context
    from guardrails.report import Report

__all__ = ["GuardrailsCheck", "ProjectConfig", "load_project"]

_KEPT = 50  # reports remembered per test (a @given test makes one per example)


@dataclass(kw_only=True)
class ProjectConfig:
    """The project's configuration as the checker uses it, with its checkers built once."""

    path: Path | None = None
    rules: tuple[str, ...] = ()
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    context: Context | None = None
    fail_on: FailOn = "error"
    _checkers: dict[tuple[Any, ...], Checker] = field(default_factory=dict, repr=False,
                                                      compare=False)

    def checker(self, select: Sequence[str] | None = None,
                ignore: Sequence[str] | None = None) -> Checker:
        """The configured Checker; ``select``/``ignore`` given here replace the configured ones."""
        sel = self.select if select is None else tuple(select)
        ign = self.ignore if ignore is None else tuple(ignore)
        key = (sel, ign)
        if key not in self._checkers:
            self._checkers[key] = _checker(self.rules, sel or (), ign or ())
        return self._checkers[key]


def _matches(rule_id: str, selectors: Sequence[str]) -> bool:
    return any(s == "ALL" or rule_id.startswith(s) for s in selectors)


def _checker(rules: Sequence[str], select: Sequence[str], ignore: Sequence[str]) -> Checker:
    """A Checker of ``rules`` running what ``select``/``ignore`` leave active, as the CLI does:
    ids of template rules (GR0xx, which only ``guardrails check`` runs) are known but inert."""
    from guardrails.api import Checker
    from guardrails.templates.rules import TEMPLATE_RULES

    everything = Checker(rules=list(rules))
    ids = [rule.id for rule in everything.pack.rules]
    known = ids + [rule.id for rule in TEMPLATE_RULES]
    sel = [s.strip().upper() for s in select if s.strip()]
    ign = [s.strip().upper() for s in ignore if s.strip()]
    for selector in (*sel, *ign):
        if selector != "ALL" and not any(i.startswith(selector) for i in known):
            raise ConfigurationError(f"unknown rule id or prefix {selector!r} in select/ignore")
    active = [i for i in ids if (not sel or _matches(i, sel)) and not _matches(i, ign)]
    if active == ids:
        return everything
    return Checker(rules=list(rules), select=active or ["ALL"], ignore=None if active else ["ALL"])


def load_project(start: Path) -> ProjectConfig:
    """The configuration ``guardrails check`` would use for a file in ``start``: the nearest
    guardrails.toml or pyproject.toml ``[tool.guardrails]`` at or above it (defaults if none).

    Its rules, select, ignore, context (with app_domains, deep_link_scheme and routes under
    the context file's keys) and fail-on apply; file-pattern settings have nothing to match.
    """
    from guardrails.api import to_context
    from guardrails.cli.config import find_config, load_config
    from guardrails.cli.contexts import load_context_file

    found = find_config(start)
    if found is None:
        return ProjectConfig()
    cfg = load_config(found)
    context = load_context_file(cfg.context) if cfg.context else None
    if keys := cfg.context_keys():
        try:
            context = to_context({**keys, **(context.model_dump(exclude_unset=True)
                                             if context else {})})
        except ConfigurationError as exc:
            raise ConfigurationError(f"{found}: {exc}") from None
    project = ProjectConfig(
        path=found, rules=tuple(cfg.rules),
        select=None if cfg.select is None else tuple(cfg.select),
        ignore=None if cfg.ignore is None else tuple(cfg.ignore),
        context=context, fail_on="warning" if cfg.fail_on == "warning" else "error",
    )
    try:
        project.checker()  # a broken pack or an unknown rule id fails here, once
    except ConfigurationError as exc:
        raise ConfigurationError(f"{found}: {exc}") from None
    return project


class GuardrailsCheck:
    """``guardrails_check(output)`` → Report, using the project's rules, context and fail-on.

    The channel comes from the call, else the test's ``@pytest.mark.channel``, else a Draft's
    own. The latest reports are kept in ``reports``; the plugin shows failing ones on failure.
    """

    def __init__(self, project: ProjectConfig, *, channel: str | None = None) -> None:
        self.project = project
        self.channel = channel
        self.reports: deque[Report] = deque(maxlen=_KEPT)

    def bind(self, channel: str | None) -> None:
        """Start a new test: its marker's channel, and no reports yet."""
        self.channel = channel
        self.reports.clear()

    def __repr__(self) -> str:
        config = str(self.project.path) if self.project.path else "none"
        return f"<guardrails_check channel={self.channel!r} config={config!r}>"

    @property
    def context(self) -> Context | None:
        """The configured context (file and context keys), used when a call passes none."""
        return self.project.context

    def _channel(self, output: Output, channel: str | None) -> str | None:
        """The call's channel, else a Draft's own (None), else the marker's; or an error."""
        if channel is not None or isinstance(output, Draft):
            return channel
        if self.channel is None:
            raise ConfigurationError("no channel for this output: pass channel='sms' or mark "
                                     "the test @pytest.mark.channel('sms')")
        return self.channel

    def __call__(self, output: Output, channel: str | None = None,
                 context: Context | Mapping[str, Any] | None = None, *,
                 select: Sequence[str] | None = None,
                 ignore: Sequence[str] | None = None) -> Report:
        """Check ``output`` (raw reply, Draft or mapping of fields); never fails by itself."""
        name = self._channel(output, channel)
        checker = self.project.checker(select, ignore)
        report = checker.check(to_draft(output, name), name,
                               context if context is not None else self.project.context)
        self.reports.append(report)
        return report

    def assert_sendable(self, output: Output, channel: str | None = None,
                        context: Context | Mapping[str, Any] | None = None, *,
                        select: Sequence[str] | None = None,
                        ignore: Sequence[str] | None = None) -> Report:
        """Like :func:`guardrails.testing.assert_sendable`, with the project's configuration."""
        __tracebackhide__ = True
        report = self(output, channel, context, select=select, ignore=ignore)
        return raise_if_failing(report, self.project.fail_on)

    def assert_within_limits(self, text: str, channel: str | None = None, *,
                             field: str | None = None) -> Report:
        """Like :func:`guardrails.testing.assert_within_limits`, with the project's rule packs."""
        __tracebackhide__ = True
        name = channel or self.channel
        if name is None:
            raise ConfigurationError("no channel for this text: pass channel='sms' or mark the "
                                     "test @pytest.mark.channel('sms')")
        try:
            report = assert_within_limits(text, name, field=field, checker=self.project.checker())
        except NotSendableError as exc:
            self.reports.append(exc.report)
            raise
        self.reports.append(report)
        return report

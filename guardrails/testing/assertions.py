"""Assertion helpers whose failure message lists every violation: rule, constraint, evidence.

They need no hypothesis and no pytest: ``assert_sendable(render(order), "sms")`` works in any
test runner. A str is parsed like a model reply; pass a mapping of fields (or a Draft) for text
you rendered yourself, so nothing in it is mistaken for a label.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

from guardrails.errors import ConfigurationError
from guardrails.models import DRAFT_TYPES, Draft, normalize_channel

if TYPE_CHECKING:
    from guardrails.api import Checker
    from guardrails.context import Context
    from guardrails.report import Report, Violation

__all__ = [
    "NotSendableError", "Output", "assert_sendable", "assert_within_limits", "describe_report",
    "describe_violation", "limits_draft", "raise_if_failing", "to_draft",
]

Output = str | Draft | Mapping[str, Any]
"""What the helpers check: a raw model reply, a Draft, or a mapping of field name to value."""
FailOn = Literal["error", "warning"]
_SHOWN = 160  # characters of a field value quoted in a failure message


class NotSendableError(AssertionError):
    """Raised by the helpers when a message breaks rules; ``report`` holds the whole Report."""

    def __init__(self, message: str, report: Report) -> None:
        super().__init__(message)
        self.report = report


def _short(value: str) -> str:
    return repr(value if len(value) <= _SHOWN else value[: _SHOWN - 1] + "…")


def describe_violation(violation: Violation) -> str:
    """One line: ``text:1: GR403 [4] error: SMS needs 2 segments (limit 1) | evidence: '…'``."""
    where = violation.field or "message"
    if violation.line is not None:
        where += f":{violation.line}"
    rule = f"{violation.rule} [{violation.constraint}] {violation.level}"
    line = f"{where}: {rule}: {violation.message}"
    if violation.evidence:
        line += f" | evidence: {_short(violation.evidence)}"
    return line


def describe_report(report: Report, *, fail_on: FailOn = "error",
                    problem: str = "is not sendable") -> list[str]:
    """A headline, then one line per violation, each review flag, and the fields checked."""
    failing = sum(v.level == "error" or fail_on == "warning" for v in report.violations)
    noun = "error" if fail_on == "error" else "violation"
    lines = [f"{report.channel} message {problem}: {_count(failing, noun)}"]
    lines += [f"  {describe_violation(v)}" for v in report.violations]
    lines += [f"  review flag ({f.category}): {f.reason}" for f in report.review_flags]
    lines += [f"  {name} = {_short(value)}" for name, value in report.fields.items()
              if value is not None]
    return lines


def to_draft(output: Output, channel: str | None) -> str | Draft:
    """``output`` as check() takes it: a mapping becomes the channel's Draft (fields validated)."""
    if isinstance(output, str | Draft):
        if isinstance(output, str) and channel is None:
            raise ConfigurationError("a raw output needs a channel: pass channel='sms' (or email, "
                                     "slack, push, in_app)")
        return output
    if not isinstance(output, Mapping):
        raise ConfigurationError(f"expected a str, Draft or mapping of fields, not "
                                 f"{type(output).__name__}")
    if channel is None:
        raise ConfigurationError("a mapping of fields needs a channel: pass channel='sms' (or "
                                 "email, slack, push, in_app)")
    from pydantic import ValidationError

    name = normalize_channel(channel)
    try:
        return DRAFT_TYPES[name].model_validate({**output, "channel": name})
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise ConfigurationError(f"not a {name} draft: {problems}") from None


def raise_if_failing(report: Report, fail_on: FailOn, problem: str = "is not sendable") -> Report:
    """``report`` if nothing in it fails at ``fail_on``; else NotSendableError describing it."""
    __tracebackhide__ = True  # pytest shows the caller's line, not this helper
    if fail_on not in ("error", "warning"):
        raise ConfigurationError(f"fail_on must be 'error' or 'warning', got {fail_on!r}")
    if any(v.level == "error" or fail_on == "warning" for v in report.violations):
        lines = describe_report(report, fail_on=fail_on, problem=problem)
        raise NotSendableError("\n".join(lines), report)
    return report


def assert_sendable(output: Output, channel: str | None = None,
                    context: Context | Mapping[str, Any] | None = None,
                    select: Sequence[str] | None = None, *, ignore: Sequence[str] | None = None,
                    fail_on: FailOn = "error") -> Report:
    """Fail with every violation listed unless ``output`` is safe to send on ``channel``.

    ``select``/``ignore`` take rule ids or prefixes (``"GR4"``); ``fail_on="warning"`` makes
    warnings fail too. Returns the Report when it passes.

    >>> assert_sendable({"text": render_sms(order)}, "sms")
    """
    __tracebackhide__ = True
    from guardrails.api import check

    draft = to_draft(output, channel)
    return raise_if_failing(check(draft, channel, context, select=select, ignore=ignore),
                             fail_on)


@functools.cache
def _length_checker() -> Checker:
    from guardrails.api import Checker

    return Checker(select=["GR4"])


def limits_draft(text: str, channel: str, field: str | None) -> Draft:
    """A draft of ``channel`` holding only ``text`` in ``field`` (default: the main field)."""
    from guardrails.profiles import profile

    if not isinstance(text, str):
        raise ConfigurationError(f"expected the text as str, not {type(text).__name__}")
    prof = profile(channel)
    name = field or prof.main_field
    limited = sorted({lim.field for lim in prof.limits})
    if name not in limited:
        raise ConfigurationError(f"{prof.name} has no length limit on {name!r}; pass field= one "
                                 f"of: {', '.join(limited)}")
    return DRAFT_TYPES[prof.name](channel=prof.name, **{name: text})


def assert_within_limits(text: str, channel: str, *, field: str | None = None,
                         checker: Checker | None = None) -> Report:
    """Fail unless ``text`` fits every length limit of ``channel``'s ``field`` (default: its
    main field; ``field="subject"`` for an email subject). Warning-level limits count too.

    >>> assert_within_limits(render_sms(order), "sms")   # 160 characters and one segment
    """
    __tracebackhide__ = True
    draft = limits_draft(text, channel, field)
    report = (checker or _length_checker()).check(draft)
    report = report.model_copy(update={
        "violations": [v for v in report.violations if v.constraint == 4],
        "review_flags": [],
    })
    return raise_if_failing(report, "warning", "is over its length limits")


def _summary(value: object) -> str:
    from guardrails.report import Report

    if isinstance(value, Report):
        state = "ok" if not value.violations else (
            f"{_count(len(value.errors), 'error')}, {_count(len(value.warnings), 'warning')}")
        return f"Report({value.channel}: {state})"
    return _count(len(value), "violation") if isinstance(value, list | tuple) else repr(value)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _violations(value: object) -> list[Violation] | None:
    """The violations a compared operand stands for, or None when it is not about reports."""
    from guardrails.report import Report, Violation

    if isinstance(value, Report):
        return list(value.violations)
    if isinstance(value, list | tuple) and all(isinstance(v, Violation) for v in value):
        return list(value)
    return None


def explain_comparison(op: str, left: object, right: object) -> list[str] | None:
    """Readable ``assert report == other`` / ``report.violations == []`` failure lines."""
    from guardrails.report import Report, Violation

    if op not in ("==", "!="):
        return None
    mine, theirs = _violations(left), _violations(right)
    about_reports = any(isinstance(v, Report) for v in (left, right)) or any(
        isinstance(x, Violation) for side in (mine or [], theirs or []) for x in side)
    if mine is None or theirs is None or not about_reports:
        return None
    lines = [f"{_summary(left)} {op} {_summary(right)}"]
    if op == "==":
        gone = [v for v in mine if v not in theirs]
        new = [v for v in theirs if v not in mine]
        for title, only in (("Only on the left:", gone), ("Only on the right:", new)):
            lines += [title, *(f"  {describe_violation(v)}" for v in only)] if only else []
    if isinstance(left, Report) and isinstance(right, Report):
        for name in ("channel", "fields", "review_flags", "engine_errors"):
            mine_value, their_value = getattr(left, name), getattr(right, name)
            if mine_value != their_value:
                lines.append(f"{name} differ: {mine_value!r} != {their_value!r}")
    return lines

"""Running a pack over one analyzed message and collecting the Report."""

from __future__ import annotations

from collections.abc import Iterable

from guardrails.analyze import Message
from guardrails.context import Context
from guardrails.engine.base import Hit, RunState
from guardrails.engine.pack import CompiledRule, RulePack
from guardrails.report import Report, ReviewFlag, Violation

__all__ = ["run_pack"]


class _Default(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


def _format(rule: CompiledRule, hit: Hit) -> str:
    values = _Default(detail=hit.detail, field=hit.field or "", evidence=hit.evidence or "")
    try:
        return rule.spec.message.format_map(values)
    except (ValueError, IndexError):
        return f"{rule.spec.message}: {hit.detail}"


def run_pack(message: Message, context: Context, pack: RulePack) -> Report:
    """Every rule of ``pack`` for the message's channel; a failing rule is an engine error."""
    state = RunState()
    violations: list[Violation] = []
    errors: list[str] = []
    for rules, fields, group in pack.plan(message.channel, tuple(message.fields),
                                          message.profile.body_fields):
        if group is not None:
            try:
                results = group(message, context, state, fields)
            except Exception:  # incl. a timeout: run each rule alone to say which one failed
                pass
            else:
                for rule, hits in zip(rules, results, strict=True):
                    _record(rule, hits, message, state, violations)
                continue
        for rule in rules:
            try:
                hits = list(rule.runner(message, context, state, fields))
            except TimeoutError:
                errors.append(f"{rule.id}: a pattern timed out on this message; rule skipped")
                continue
            except Exception as exc:  # a rule bug must never crash the send path
                errors.append(f"{rule.id}: {type(exc).__name__}: {exc}"[:300])
                continue
            _record(rule, hits, message, state, violations)
    shown: dict[str, str | None] = {name: view.raw for name, view in message.fields.items()}
    for link in message.links:
        if link.kind == "button":
            shown[link.field] = link.url
    violations.sort(key=lambda v: (v.line or 0, v.rule))
    return Report(channel=message.channel, fields=shown, violations=violations,
                  review_flags=_dedupe(state.flags), engine_errors=errors)


def _record(rule: CompiledRule, hits: Iterable[Hit], message: Message, state: RunState,
            violations: list[Violation]) -> None:
    """One rule's hits as review flags (a flag check's) or violations."""
    for hit in hits:
        text = _format(rule, hit)
        if hit.category is not None:
            state.flags.append(ReviewFlag.model_validate(
                {"category": hit.category, "reason": text, "evidence": hit.evidence,
                 "rule": rule.id}))
            continue
        violations.append(Violation(
            rule=rule.id, constraint=rule.spec.constraint, level=rule.spec.level,
            field=hit.field, message=text, line=message.line_of(hit.field, hit.offset),
            evidence=hit.evidence, fix=hit.fix,
        ))


def _dedupe(flags: list[ReviewFlag]) -> list[ReviewFlag]:
    seen: set[str] = set()
    out: list[ReviewFlag] = []
    for flag in flags:
        if flag.category not in seen:
            seen.add(flag.category)
            out.append(flag)
    return out

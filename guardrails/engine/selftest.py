"""Running every rule's own examples: each must fire on its ``violation``/``flag`` example and
stay quiet on its ``pass`` example (``guardrails rules --test`` and the test suite)."""

from __future__ import annotations

from dataclasses import dataclass

from guardrails.engine.pack import CompiledRule, RulePack

__all__ = ["ExampleResult", "run_examples"]


@dataclass(frozen=True)
class ExampleResult:
    """The outcome of one example of one rule."""

    rule: str
    index: int
    expect: str
    ok: bool
    detail: str


def _run_one(rule: CompiledRule, pack: RulePack, index: int) -> ExampleResult:
    from guardrails.api import Checker, to_context
    from guardrails.engine.pack import RulePack as Pack
    from guardrails.errors import ConfigurationError

    example = rule.spec.examples[index]
    channel = example.channel or next(iter(sorted(rule.channels)), "email")
    if len(rule.spec.channels) == 1 and rule.spec.channels[0] != "*" and not example.channel:
        channel = sorted(rule.channels)[0]
    try:
        context = to_context(example.context)
    except ConfigurationError as exc:
        return ExampleResult(rule.id, index, example.expect, False, str(exc))
    # Run the rule alone, plus flag rules when it reads their flags (review_claim).
    rules: tuple[CompiledRule, ...] = (rule,)
    if rule.spec.check == "review_claim":
        rules = tuple(r for r in pack.rules if r.spec.check == "flag") + rules
    checker = Checker.from_pack(Pack(pack.name, rules))
    report = checker.check(example.output, channel, context)
    fired_violation = any(v.rule == rule.id for v in report.violations)
    fired_flag = any(f.rule == rule.id for f in report.review_flags)
    if report.engine_errors:
        return ExampleResult(rule.id, index, example.expect, False, report.engine_errors[0])
    if example.expect == "violation":
        ok = fired_violation
        detail = "did not fire" if not ok else report.violations[0].message
    elif example.expect == "flag":
        ok = fired_flag
        detail = "raised no flag" if not ok else "flag raised"
    else:
        ok = not fired_violation and not fired_flag
        found = [v.message for v in report.violations if v.rule == rule.id]
        detail = "quiet" if ok else f"fired on a passing example: {found[:1] or 'flag'}"
    return ExampleResult(rule.id, index, example.expect, ok, detail)


def run_examples(pack: RulePack) -> list[ExampleResult]:
    """Run every example of every rule in ``pack``; a rule without both kinds fails too."""
    results: list[ExampleResult] = []
    for rule in pack.rules:
        kinds = {e.expect for e in rule.spec.examples}
        if "pass" not in kinds or not kinds & {"violation", "flag"}:
            results.append(ExampleResult(rule.id, -1, "examples", False,
                                         "needs at least one firing and one passing example"))
        for index in range(len(rule.spec.examples)):
            results.append(_run_one(rule, pack, index))
    return results

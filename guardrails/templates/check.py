"""``check_template``: check a template as the messages it can render, worst and best case.

Every variable at its maximum length (and the longest branch of each block) is the worst case;
every variable at its minimum (and the shortest branch, an if without else printing nothing) is
the best case. Both are checked with the public ``Checker``; a length violation says which case
it holds in, other violations are merged and deduplicated, and findings that only concern a
stand-in value (a number variable read as an invented figure) are dropped.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from guardrails.models import PushDraft
from guardrails.report import Report, ReviewFlag, Violation
from guardrails.templates.blocks import Node, build
from guardrails.templates.draft import assemble, pieces_for
from guardrails.templates.placeholders import Problem, Token, tokenize
from guardrails.templates.render import Mode, Rendered, compact, render
from guardrails.templates.rules import template_rule
from guardrails.templates.source import Piece, Template
from guardrails.templates.values import Policy, link_position
from guardrails.templates.variables import NEUTRAL_DOMAIN, Position, TemplateSettings

if TYPE_CHECKING:
    from guardrails.api import Checker
    from guardrails.context import Context
    from guardrails.models import Draft

__all__ = ["TemplateSettings", "check_template"]

_LINK_HINTS = ("://", "www.", "href", "src", "](", "BUTTON", "Button", "button")
_WORST = " in the worst case: every variable at its maximum length"
_BEST = " in the best case: every variable at its minimum length"
_EVEN_BEST = " even in the best case: every variable at its minimum length"


@dataclass(slots=True)
class _Part:
    name: str
    piece: Piece
    tokens: list[Token]
    nodes: list[Node]


def _source_line(piece: Piece, line: int) -> int:
    return piece.line if piece.single_line else piece.line + line - 1


def _issue(rule_id: str, detail: str, line: int | None) -> Violation:
    rule = template_rule(rule_id)
    assert rule is not None
    return Violation(rule=rule.id, constraint=rule.constraint, level=rule.level,
                     message=rule.message.format(detail=detail), line=line)


def check_template(tpl: Template | str, channel: str, checker: Checker | None = None,
                   context: Context | Mapping[str, Any] | None = None,
                   settings: TemplateSettings | None = None) -> Report:
    """Check template ``tpl`` (a Template, or a file's text) on ``channel``.

    Content problems are violations, never exceptions; ``checker`` defaults to the built-in packs.
    """
    from guardrails.api import Checker as _Checker
    from guardrails.api import to_context
    from guardrails.models import normalize_channel
    from guardrails.templates.source import load_template

    if isinstance(tpl, str):
        tpl = load_template(tpl)
    channel = normalize_channel(channel)
    checker = checker or _DEFAULT.setdefault("checker", _Checker())
    ctx = to_context(context)
    settings = settings or TemplateSettings()
    parts, issues = _parse(tpl, channel)
    if tpl.broken:
        return _finish(channel, {}, issues, [], [], settings)
    as_written = assemble(tpl, channel, {p.name: p.piece.text for p in parts})
    shown = _shown(as_written)
    if not any(p.tokens for p in parts):
        draft = as_written
        report = checker.check(draft, channel, ctx)
        found_v = [_clamp(v, parts) for v in report.violations]
        return _finish(channel, shown, [*found_v, *issues], list(report.review_flags),
                       list(report.engine_errors), settings)
    policy = Policy(settings.variables, settings.default_length, _domain(ctx),
                    {t.local for p in parts for t in p.tokens if t.local},
                    _probe(tpl, channel, parts))
    modes: tuple[Mode, ...] = ("worst", "best")
    if any(t.kind == "tag" for p in parts for t in p.tokens):
        modes = ("worst", "all", "best")
    runs: dict[str, tuple[dict[str, Rendered], Report, Draft]] = {}
    for mode in modes:
        value = functools.partial(_value, policy, mode)
        rendered = {p.name: render(p.piece.text, p.nodes, value, mode) for p in parts}
        draft = assemble(tpl, channel, {n: r.text for n, r in rendered.items()})
        run_with = _shape_checker(checker) if mode == "best" else checker
        runs[mode] = (rendered, run_with.check(draft, channel, _with_stand_ins(ctx, parts, policy,
                                                                                mode)), draft)
    length_ids = {r.id for r in checker.pack.rules if r.spec.check == "max_length"}
    merged = _lengths(runs, parts, policy, length_ids)
    merged += _others(runs, length_ids, tpl.source)
    merged = _annotate_kept(merged, parts, policy)
    issues += _undeclared(parts, policy, settings.default_length)
    flags: dict[str, ReviewFlag] = {}
    errors: list[str] = []
    for rendered, report, _ in runs.values():
        for flag in report.review_flags:
            if flag.category not in flags and not _from_stand_in(flag.evidence, rendered):
                flags[flag.category] = flag
        errors.extend(e for e in report.engine_errors if e not in errors)
    return _finish(channel, shown, [*(_clamp(v, parts) for v in merged), *issues],
                   list(flags.values()), errors, settings)


def _value(policy: Policy, mode: Mode, tok: Token) -> str | None:
    return policy.value(tok, mode)


def _parse(tpl: Template, channel: str) -> tuple[list[_Part], list[Violation]]:
    """Every piece tokenized and built into a tree; syntax problems and unknown keys as issues."""
    pieces = pieces_for(tpl, channel)
    problems: list[Problem] = [*tpl.problems, *pieces.problems]
    parts: list[_Part] = []
    for name, piece in pieces.items.items():
        tokens, found = tokenize(piece.text)
        nodes, unbalanced = build(piece.text, tokens)
        problems.extend(Problem(_source_line(piece, p.line), p.message)
                        for p in (*found, *unbalanced))
        parts.append(_Part(name, piece, tokens, nodes))
    issues = [_issue("GR001", p.message, p.line) for p in sorted(problems, key=lambda p: p.line)]
    issues += [_issue("GR004", f"{key!r} is not a field of {channel} (expected channel, "
                               f"context, {', '.join(_allowed(channel))})", line)
               for key, line in pieces.unknown]
    return parts, issues


_DEFAULT: dict[str, Checker] = {}
_SHAPE_KINDS = frozenset({"max_length", "fields_present"})
_SHAPE: dict[int, tuple[Checker, Checker]] = {}


def _shape_checker(checker: Checker) -> Checker:
    """``checker`` with only its length and field-presence rules, for the best case.

    Content rules need not run again: the best case differs from the worst only in value
    lengths and in which branch prints, and the all-branches rendering covers every branch.
    """
    cached = _SHAPE.get(id(checker))
    if cached is None or cached[0] is not checker:
        from guardrails.api import Checker as _Checker
        from guardrails.engine.pack import RulePack

        shape = _Checker.from_pack(RulePack(checker.pack.name, tuple(
            r for r in checker.pack.rules if r.spec.check in _SHAPE_KINDS)))
        cached = _SHAPE[id(checker)] = (checker, shape)
    return cached[1]


def _allowed(channel: str) -> tuple[str, ...]:
    from guardrails.templates.draft import FIELDS

    return FIELDS[channel]


def _domain(ctx: Context) -> str:
    for domain in ctx.app_domains:
        host = domain.strip().split("://")[-1].strip("/.").split("/")[0]
        if host:
            return host
    return NEUTRAL_DOMAIN


def _with_stand_ins(ctx: Context, parts: list[_Part], policy: Policy, mode: Mode) -> Context:
    """The context plus one fact stating the number and date stand-ins: they come from your
    data, so the grounding rules must not read them as invented figures (literal text still is)."""
    values = []
    for part in parts:
        for tok in part.tokens:
            var = policy.choice(tok).variable if tok.kind == "output" else None
            if var is not None and var.type in ("number", "date"):
                value = policy.value(tok, mode)
                if value and value not in values:
                    values.append(value)
    if not values:
        return ctx
    return ctx.model_copy(update={"facts": (*ctx.facts, "; ".join(values))})


def _shown(draft: Draft) -> dict[str, str | None]:
    shown: dict[str, str | None] = dict(draft.text_fields())
    for i, button in enumerate(getattr(draft, "buttons", [])):
        shown[f"buttons[{i}].url"] = button.url
    return shown


def _probe(tpl: Template, channel: str, parts: list[_Part]) -> dict[int, Position]:
    """Which placeholders sit inside a link, and where: rendered with markers, then analyzed."""
    import re

    from guardrails.analyze import analyze

    outputs = [t for p in parts for t in p.tokens if t.kind == "output"]
    if not outputs or not any(p.name.endswith(".url") or any(hint in p.piece.text
                                                             for hint in _LINK_HINTS)
                              for p in parts):
        return {}  # no link can hold a placeholder: skip the analysis
    marker = {id(t): f"tplvar{i}x" for i, t in enumerate(outputs)}
    texts = {p.name: render(p.piece.text, p.nodes, lambda t: marker.get(id(t)), "all").text
             for p in parts}
    positions: dict[int, Position] = {}
    for link in analyze(assemble(tpl, channel, texts)).links:
        for m in re.finditer(r"tplvar(\d+)x", link.url):
            index = int(m.group(1))
            if index < len(outputs):
                positions[id(outputs[index])] = link_position(link.url, m.start())
    return positions


def _field_tokens(name: str | None, parts: list[_Part], draft: Draft) -> list[Token]:
    """The merge tags that shape field ``name`` of the rendered ``draft``."""
    if name is None:
        return [t for p in parts for t in p.tokens]
    for part in parts:
        if part.name == name:
            return part.tokens
    body = next((p for p in parts if p.name == "body"), None)
    if body is None:
        return []
    value = draft.text_fields().get(name, "")
    start = draft.lines.get(name.split("[")[0] if name.startswith("buttons[") else name)
    if name.startswith("buttons[") and isinstance(draft, PushDraft):
        index = int(name[8:name.index("]")])
        start = draft.buttons[index].line if index < len(draft.buttons) else start
    if start is None:
        return body.tokens
    end = start + value.count("\n")
    return [t for t in body.tokens if start <= t.line <= end]


def _lengths(runs: dict[str, tuple[dict[str, Rendered], Report, Draft]], parts: list[_Part],
             policy: Policy, length_ids: set[str]) -> list[Violation]:
    """Length violations of the worst and best case, each saying which case it holds in."""
    worst = {(v.rule, v.field): v for v in runs["worst"][1].violations if v.rule in length_ids}
    best = {(v.rule, v.field): v for v in runs["best"][1].violations if v.rule in length_ids}
    out: list[Violation] = []
    for key in [*worst, *(k for k in best if k not in worst)]:
        tokens = _field_tokens(key[1], parts, runs["worst"][2])
        v = best[key] if key in best else worst[key]
        if not tokens:
            out.append(worst.get(key, v))
            continue
        if key in worst and key in best:
            suffix = _EVEN_BEST
        elif key in worst:
            assumed: dict[str, int] = {}
            for tok in tokens:
                n = policy.assumed(tok) if tok.kind == "output" else None
                if tok.name and n is not None:
                    assumed.setdefault(tok.name, n)
            names = [f"{k} {n}" for k, n in assumed.items()]
            detail = f" ({', '.join(names[:4])}{', …' if len(names) > 4 else ''})" if names \
                else ""
            blocks = ", longest branch of each block" if any(t.kind == "tag" for t in tokens) \
                else ""
            suffix = _WORST + detail + blocks
        else:
            suffix = _BEST
        out.append(v.model_copy(update={"message": v.message + suffix}))
    return out


def _from_stand_in(evidence: str | None, rendered: dict[str, Rendered]) -> bool:
    """True when every occurrence of ``evidence`` lies inside a stand-in value."""
    if not evidence or not evidence.strip():
        return False
    found = False
    for r in rendered.values():
        at = r.text.find(evidence)
        while at != -1:
            found = True
            if not any(a <= at and at + len(evidence) <= b for a, b in r.spans):
                return False
            at = r.text.find(evidence, at + 1)
    return found


def _others(runs: dict[str, tuple[dict[str, Rendered], Report, Draft]], length_ids: set[str],
            source: str) -> list[Violation]:
    """Every other violation once (worst case first), minus those about a stand-in value."""
    seen: set[tuple[Any, ...]] = set()
    where: set[tuple[Any, ...]] = set()
    out: list[Violation] = []
    for mode in ("worst", "all", "best"):
        if mode not in runs:
            continue
        rendered, report, _ = runs[mode]
        for v in report.violations:
            if v.rule in length_ids or _from_stand_in(v.evidence, rendered):
                continue
            key, loose = (v.rule, v.field, v.line, v.message), (v.rule, v.field, v.line)
            if key in seen or (mode == "best" and loose in where):
                continue
            seen.add(key)
            where.add(loose)
            if v.fix is not None and v.fix.find is not None and v.fix.find not in source:
                v = v.model_copy(update={"fix": None})  # the fix would edit a stand-in
            if mode == "best":  # e.g. no text at all when every if prints nothing
                v = v.model_copy(update={"message": v.message + _BEST})
            out.append(_as_written(v, rendered))
    return out


def _as_written(v: Violation, rendered: dict[str, Rendered]) -> Violation:
    """Quote the template, not the rendering: stand-ins in the message become placeholders."""
    swaps: dict[str, str] = {}
    for r in rendered.values():
        for (a, b), placeholder in zip(r.spans, r.placeholders, strict=True):
            if b - a >= 4:
                swaps.setdefault(r.text[a:b], placeholder)
    message, evidence = v.message, v.evidence
    for value in sorted(swaps, key=len, reverse=True):
        if value in message:
            message = message.replace(value, swaps[value])
        if evidence and value in evidence:
            evidence = evidence.replace(value, swaps[value])
    if message == v.message and evidence == v.evidence:
        return v
    return v.model_copy(update={"message": message, "evidence": evidence})


def _annotate_kept(violations: list[Violation], parts: list[_Part],
                   policy: Policy) -> list[Violation]:
    """GR502 on a placeholder left as written says why, at its line; one report per link."""
    kept = [(compact(t), why, _source_line(p.piece, t.line)) for p in parts for t in p.tokens
            if t.kind == "output" and (why := policy.choice(t).keep)]
    out: list[Violation] = []
    for v in violations:
        if v.rule == "GR502":
            if v.evidence and any(o is not v and o.rule == "GR502" and o.field == v.field
                                  and o.evidence and v.evidence in o.evidence
                                  and o.evidence != v.evidence for o in violations):
                continue  # '{{host}}' alone, when the link 'https://{{host}}/x' is reported
            found = next(((why, line) for text, why, line in kept if text in v.message), None)
            if found:
                v = v.model_copy(update={"message": f"{v.message}, {found[0]}",
                                         "line": found[1]})
        out.append(v)
    return out


def _undeclared(parts: list[_Part], policy: Policy, default_length: int) -> list[Violation]:
    seen: set[str] = set()
    out: list[Violation] = []
    for part in parts:
        for tok in part.tokens:
            if tok.kind != "output" or not tok.name or tok.name in seen:
                continue
            if policy.choice(tok).undeclared:
                seen.add(tok.name)
                out.append(_issue("GR002", f"{tok.name!r} is not in [tool.guardrails.variables]; "
                                           f"assumed {default_length} characters",
                                  _source_line(part.piece, tok.line)))
    return out


def _clamp(v: Violation, parts: list[_Part]) -> Violation:
    """A violation in a one-line JSON value points at that line, not past it."""
    name = v.field or ""
    for part in parts:
        if part.piece.single_line and (part.name == name or
                                       part.name == name.replace(".url", ".label")):
            if v.line != part.piece.line:
                return v.model_copy(update={"line": part.piece.line})
    return v


def _finish(channel: str, shown: dict[str, str | None], violations: list[Violation],
            flags: list[ReviewFlag], errors: list[str], settings: TemplateSettings) -> Report:
    if settings.report is not None:
        allowed = settings.report
        violations = [v for v in violations
                      if template_rule(v.rule) is None or v.rule in allowed]
    violations.sort(key=lambda v: (v.line or 0, v.rule))
    return Report(channel=channel, fields=shown, violations=violations, review_flags=flags,
                  engine_errors=errors)

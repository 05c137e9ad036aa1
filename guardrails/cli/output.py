"""Rendering check results for humans (text) and machines (json, sarif, github)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from guardrails.engine.pack import RulePack
    from guardrails.report import Report
    from guardrails.templates.rules import TemplateRule

__all__ = ["FileResult", "render"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI = "https://github.com/personize-ai/personize-guardrails"


@dataclass
class FileResult:
    """One checked file: its path and report."""

    path: str
    report: Report


def _text(results: list[FileResult], color: bool) -> str:
    red, yellow, cyan, bold, reset = (
        ("\x1b[31m", "\x1b[33m", "\x1b[36m", "\x1b[1m", "\x1b[0m") if color else ("",) * 5
    )
    lines: list[str] = []
    errors = warnings = flags = 0
    for res in results:
        for v in res.report.violations:
            level_color = red if v.level == "error" else yellow
            fixable = " [*]" if v.fix else ""
            lines.append(f"{bold}{res.path}{reset}:{v.line or 1}:{v.column or 1}: "
                         f"{level_color}{v.rule}{reset}{fixable} [{v.constraint}] {v.message}")
            if v.level == "error":
                errors += 1
            else:
                warnings += 1
        for f in res.report.review_flags:
            flags += 1
            lines.append(f"{bold}{res.path}{reset}: {cyan}review{reset} ({f.category}) {f.reason}")
        for e in res.report.engine_errors:
            lines.append(f"{res.path}: engine error: {e}")
    files = len(results)
    if errors or warnings:
        lines.append(f"Found {errors} error{'s' * (errors != 1)} and {warnings} "
                     f"warning{'s' * (warnings != 1)} in {files} file{'s' * (files != 1)}"
                     f" ({flags} review flag{'s' * (flags != 1)}).")
    else:
        lines.append(f"All checks passed ({files} file{'s' * (files != 1)}, "
                     f"{flags} review flag{'s' * (flags != 1)}).")
    return "\n".join(lines)


def _json(results: list[FileResult]) -> str:
    """Exactly the design.md contract: no key more, no key less (consumers pin it)."""
    out = []
    for res in results:
        r = res.report
        out.append({
            "path": res.path,
            "channel": r.channel,
            "ok": r.ok,
            "fields": r.fields,
            "violations": [
                {"rule": v.rule, "constraint": v.constraint, "level": v.level, "field": v.field,
                 "message": v.message, "line": v.line}
                for v in r.violations
            ],
            "review_flags": [
                {"category": f.category, "reason": f.reason, "evidence": f.evidence}
                for f in r.review_flags
            ],
        })
    return json.dumps({"results": out}, ensure_ascii=False, indent=2)


def _sarif(results: list[FileResult], pack: RulePack, extra: Sequence[TemplateRule]) -> str:
    from guardrails import __version__

    rules: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    entries: list[tuple[str, str, str, str, str, int]] = [
        (r.id, r.spec.name, r.spec.message, r.spec.explain, r.spec.level, r.spec.constraint)
        for r in pack.rules]
    used = {v.rule for res in results for v in res.report.violations}
    entries += [(r.id, r.name, r.message, r.explain, r.level, r.constraint)
                for r in extra if r.id in used]  # template-layer rules, when they fired
    for rule_id, name, message, explain_text, level, constraint in entries:
        index[rule_id] = len(rules)
        explain = explain_text.strip() or message
        rules.append({
            "id": rule_id,
            "name": name,
            "shortDescription": {"text": message.split(":")[0].strip()},
            "help": {"text": explain, "markdown": explain},
            "defaultConfiguration": {"level": level},
            "properties": {"constraint": constraint},
        })
    sarif_results: list[dict[str, Any]] = []
    for res in results:
        uri = res.path.replace("\\", "/")
        for v in res.report.violations:
            region: dict[str, int] = {"startLine": max(v.line or 1, 1)}
            if v.column:
                region["startColumn"] = max(v.column, 1)
            item: dict[str, Any] = {
                "ruleId": v.rule,
                "level": v.level,
                "message": {"text": v.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": uri},
                    "region": region,
                }}],
                "properties": {"constraint": v.constraint, "field": v.field},
            }
            if v.rule in index:
                item["ruleIndex"] = index[v.rule]
            sarif_results.append(item)
        for f in res.report.review_flags:  # SARIF's own notion: kind "review", level "none"
            flag: dict[str, Any] = {
                "ruleId": f.rule or f"review/{f.category}",
                "kind": "review",
                "level": "none",
                "message": {"text": f"Review suggested ({f.category}): {f.reason}"},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}],
            }
            if f.rule in index:
                flag["ruleIndex"] = index[f.rule]
            sarif_results.append(flag)
    doc = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "guardrails", "version": __version__,
                                "informationUri": INFO_URI, "rules": rules}},
            "results": sarif_results,
        }],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)


def _escape(value: str, *, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def _github(results: list[FileResult]) -> str:
    lines: list[str] = []
    for res in results:
        for v in res.report.violations:
            kind = "error" if v.level == "error" else "warning"
            lines.append(f"::{kind} file={_escape(res.path, prop=True)},line={v.line or 1},"
                         f"title={_escape(v.rule, prop=True)}::"
                         f"{_escape(f'{v.rule} [{v.constraint}] {v.message}')}")
        for f in res.report.review_flags:
            lines.append(f"::notice file={_escape(res.path, prop=True)},"
                         f"title={_escape('review ' + f.category, prop=True)}::{_escape(f.reason)}")
    return "\n".join(lines)


def render(fmt: str, results: list[FileResult], pack: RulePack, *, color: bool = False,
           extra: Sequence[TemplateRule] = ()) -> str:
    """The whole output for ``fmt`` (text, json, sarif, github); ``extra``: template-layer rules."""
    if fmt == "json":
        return _json(results)
    if fmt == "sarif":
        return _sarif(results, pack, extra)
    if fmt == "github":
        return _github(results)
    return _text(results, color)

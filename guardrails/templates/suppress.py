"""Inline suppressions: ``<!-- guardrails: ignore GR501 -->``, ``{# guardrails: ignore GR501 #}``.

``ignore IDS`` applies to the line it is written on, or to the next line when the comment is
alone on its line; ``ignore-file IDS`` applies to the whole file wherever it is written. IDS are
rule ids or prefixes, comma- or space-separated; text after `` -- `` is a free-form reason.
A suppression that matched nothing is reported as GR003.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from guardrails.report import Violation

__all__ = ["Directive", "apply_suppressions", "check_directive", "strip_directives"]

_DIRECTIVE = re.compile(
    r"<!--[ \t]*guardrails[ \t]*:(?P<a>[^\n]*?)-->|\{#-?[ \t]*guardrails[ \t]*:(?P<b>[^\n]*?)-?#\}"
)
_VERBS = ("ignore", "ignore-file")


@dataclass(frozen=True, slots=True)
class Directive:
    """One suppression comment as written: where, what verb, which ids, which line it covers."""

    line: int
    verb: str
    codes: tuple[str, ...]
    target: int | None
    """The line it suppresses; None for ``ignore-file``."""
    text: str


def strip_directives(text: str) -> tuple[str, list[Directive]]:
    """``text`` with every suppression comment removed (lines kept), and the comments found."""
    if "guardrails" not in text:
        return text, []
    found: list[tuple[int, str, str]] = []
    lines = text.split("\n")
    alone: set[int] = set()
    for index, content in enumerate(lines):
        if "guardrails" not in content:
            continue
        for m in _DIRECTIVE.finditer(content):
            found.append((index + 1, (m.group("a") or m.group("b") or "").strip(), m.group()))
        stripped = _DIRECTIVE.sub("", content)
        if stripped != content:
            if not stripped.strip():
                alone.add(index + 1)
            lines[index] = stripped if stripped.strip() else ""
    directives: list[Directive] = []
    for line, body, raw in found:
        verb, _, rest = body.partition(" ")
        verb = verb.rstrip(":")
        rest = rest.split("--", 1)[0]  # "-- reason" is for humans
        codes = tuple(c.upper() for c in re.split(r"[\s,]+", rest.strip()) if c)
        target: int | None = line
        if verb.lower() == "ignore-file":
            target = None
        elif line in alone:
            target = line + 1
            while target in alone:
                target += 1
        directives.append(Directive(line, verb.lower(), codes, target, raw))
    return "\n".join(lines), directives


def check_directive(directive: Directive, known: Callable[[str], bool]) -> str | None:
    """Why ``directive`` is unusable (unknown verb or id, no id), or None when it is fine."""
    if directive.verb not in _VERBS:
        return (f"unknown suppression {directive.verb!r}; expected 'guardrails: ignore IDS' or "
                "'guardrails: ignore-file IDS'")
    if not directive.codes:
        return f"'{directive.verb}' names no rule id (write 'guardrails: {directive.verb} GR501')"
    for code in directive.codes:
        if not known(code):
            return f"unknown rule id or prefix {code!r}"
    return None


def _matches(rule: str, code: str) -> bool:
    return rule.startswith(code)


def apply_suppressions(violations: Sequence[Violation], directives: Sequence[Directive],
                       active: Callable[[str], bool]) -> list[Violation]:
    """Violations minus the suppressed ones, plus a GR003 warning per unused id.

    ``active(code)`` says whether a suppressed id names a rule that ran; ids of rules that did
    not run (deselected) are not reported as unused.
    """
    if not directives:
        return list(violations)
    used: set[tuple[int, str]] = set()
    kept: list[Violation] = []
    for v in violations:
        hit = False
        for d in directives:
            if d.target is not None and d.target != v.line:
                continue
            for code in d.codes:
                if _matches(v.rule, code):
                    used.add((d.line, code))
                    hit = True
        if not hit:
            kept.append(v)
    for d in directives:
        for code in d.codes:
            if (d.line, code) in used or not active(code):
                continue
            where = "in this file" if d.target is None else f"on line {d.target}"
            unused = Violation(rule="GR003", constraint=0, level="warning",
                               message=f"Unused suppression: {code} matched nothing {where}",
                               line=d.line, evidence=d.text)
            if not any(e.target is None and _matches("GR003", c)
                       for e in directives for c in e.codes):
                kept.append(unused)
    kept.sort(key=lambda v: (v.line or 0, v.rule))
    return kept

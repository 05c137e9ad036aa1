"""The rules the template layer reports itself (GR0xx): not check kinds, so not in a rule pack.

``guardrails rules --templates`` lists them and ``guardrails rules --explain GR001`` explains
them; select/ignore, per-file ignores and suppressions accept their ids like any other.
A placeholder inside a link is not one of them: it stays GR502 (constraint 5).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["TEMPLATE_RULES", "TemplateRule", "template_rule"]


@dataclass(frozen=True, slots=True)
class TemplateRule:
    """One template-layer rule: the same fields ``guardrails rules`` shows for pack rules."""

    id: str
    name: str
    level: Literal["error", "warning"]
    message: str
    explain: str
    constraint: int = 0
    """0: the template itself, not one of the eight constraints."""


TEMPLATE_RULES: tuple[TemplateRule, ...] = (
    TemplateRule(
        "GR001", "template-syntax", "error", "Template syntax: {detail}",
        """
## What it does
Reports merge-tag syntax that no template engine renders: an unclosed `{{`, `{%` or `{#`, a
block (`{% if %}`, `{% for %}`, `{{#if}}`) that is never closed, an end tag without its block,
an empty `{{ }}`, and front matter that does not parse. The line is where the problem starts.
## Why is this bad?
Jinja, Liquid and Handlebars refuse to render the template (or print the braces to the
customer), and every other check of the file is guesswork until it is fixed.
## Example
`Hi {{ first_name, your order is ready.`
## Use instead
`Hi {{ first_name }}, your order is ready.`
"""),
    TemplateRule(
        "GR002", "undeclared-variable", "warning", "Undeclared variable: {detail}",
        """
## What it does
Warns about a merge-tag variable that `[tool.guardrails.variables]` does not declare. Its
length is assumed to be `default-length` (20 unless configured) for the length checks.
## Why is this bad?
Length limits can only be checked against a length you state; a guessed length hides an SMS
that breaks 160 characters for a customer with a long name.
## Example
`Hi {{ first_name }}` with no `first_name` in `[tool.guardrails.variables]`.
## Use instead
`first_name = { type = "text", max = 20 }` under `[tool.guardrails.variables]`.
"""),
    TemplateRule(
        "GR003", "unused-suppression", "warning", "Unused suppression: {detail}",
        """
## What it does
Reports a `guardrails: ignore` / `ignore-file` comment naming a rule that reported nothing
where the comment applies.
## Why is this bad?
A stale suppression silently hides the next real problem on that line.
## Example
`SMS: Short text. {# guardrails: ignore GR402 #}` when the SMS fits.
## Use instead
Delete the comment.
"""),
    TemplateRule(
        "GR004", "unknown-template-key", "warning", "Unknown key: {detail}",
        """
## What it does
Warns about a front-matter (or `.json`/`.toml` template) key that is neither a field of the
channel nor `channel`/`context`; the key is ignored.
## Why is this bad?
A misspelt `subjct:` leaves the email without a subject, and nothing else says why.
## Example
`subjct: Welcome aboard`
## Use instead
`subject: Welcome aboard`
"""),
)

_BY_ID = {rule.id: rule for rule in TEMPLATE_RULES}


def template_rule(rule_id: str) -> TemplateRule | None:
    """The template-layer rule with ``rule_id``, or None."""
    return _BY_ID.get(rule_id.upper())

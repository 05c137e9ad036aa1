"""The result of a check: violations (errors and warnings), review flags, and safe fixes."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Fix", "Report", "ReviewFlag", "Violation"]

Level = Literal["error", "warning"]
FlagCategory = Literal[
    "pricing", "legal", "medical", "financial", "compliance",
    "governance", "evaluation", "first_send", "sensitive",
]

REVIEW_BANNER = "⚠️ REVIEW SUGGESTED: {reasons}. Consider testing via manual approval before sending at scale."


class Fix(BaseModel):
    """A mechanical, safe change to one field: a literal replacement or a derivation."""

    model_config = ConfigDict(defer_build=True, extra="forbid", frozen=True)

    field: str
    description: str
    find: str | None = None
    replace: str | None = None
    derive: Literal["text_fallback", "sms_transliterate"] | None = None


class Violation(BaseModel):
    """One broken rule at one place in the message."""

    model_config = ConfigDict(defer_build=True, extra="forbid", frozen=True)

    rule: str
    constraint: int = Field(ge=0, le=8)
    level: Level
    field: str | None = None
    message: str
    line: int | None = None
    column: int | None = None
    evidence: str | None = None
    fix: Fix | None = None


class ReviewFlag(BaseModel):
    """A reason a human should look before sending at scale (never blocks on its own)."""

    model_config = ConfigDict(defer_build=True, extra="forbid", frozen=True)

    category: FlagCategory
    reason: str
    evidence: str | None = None
    rule: str | None = None


class Report(BaseModel):
    """Whether a message is safe to send on its channel, and why not."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    channel: str
    fields: dict[str, str | None] = Field(default_factory=dict)
    violations: list[Violation] = Field(default_factory=list)
    review_flags: list[ReviewFlag] = Field(default_factory=list)
    engine_errors: list[str] = Field(default_factory=list)
    """Rules that could not run (e.g. a user regex that timed out); reported, never raised."""

    @property
    def ok(self) -> bool:
        """True when no error-level violation remains (warnings and flags allowed)."""
        return not any(v.level == "error" for v in self.violations)

    @property
    def errors(self) -> list[Violation]:
        return [v for v in self.violations if v.level == "error"]

    @property
    def warnings(self) -> list[Violation]:
        return [v for v in self.violations if v.level == "warning"]

    @property
    def constraints(self) -> list[int]:
        """Sorted distinct constraint numbers that are violated."""
        return sorted({v.constraint for v in self.violations})

    @property
    def flag_categories(self) -> list[str]:
        return sorted({f.category for f in self.review_flags})

    def annotated(self, text: str | None = None) -> str:
        """The message (main field, or ``text``) with a review banner on top when flags exist."""
        body = text if text is not None else next(
            (v for v in self.fields.values() if v), ""
        )
        if not self.review_flags:
            return body
        reasons: list[str] = []
        for flag in self.review_flags:
            if flag.reason not in reasons:
                reasons.append(flag.reason)
        return REVIEW_BANNER.format(reasons="; ".join(reasons)) + "\n\n" + body

    def fixed(self) -> tuple[dict[str, str | None], list[str]]:
        """Fields with every safe auto-fix applied, and a description of each fix that ran."""
        fields = dict(self.fields)
        applied: list[str] = []
        fixes = [v.fix for v in self.violations if v.fix is not None]
        # Literal replacements first, so derived fields (the text fallback) see repaired links.
        for fix in sorted(fixes, key=lambda f: f.derive is not None):
            current = fields.get(fix.field)
            if fix.find is not None and fix.replace is not None:
                if current is None or fix.find not in current:
                    continue
                fields[fix.field] = current.replace(fix.find, fix.replace)
            elif fix.derive == "text_fallback":
                from guardrails.formats.email import html_to_text

                fields[fix.field] = html_to_text(fields.get("body_html") or "")
            elif fix.derive == "sms_transliterate":
                from guardrails.formats.sms import transliterate

                fields[fix.field] = transliterate(current or "")
            if fix.description not in applied:
                applied.append(fix.description)
        return fields, applied

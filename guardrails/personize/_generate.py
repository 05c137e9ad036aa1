"""``generate()`` without the I/O: context building, prompt bodies, checking, fixing, results.

The sync and async clients drive one :class:`GenerationPlan` per call: fetch governance and
the recipient digest, ``use_sources``, then ``prompt_body``/``take`` while ``wants_attempt``.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import re
import time
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guardrails.api import Checker, to_context
from guardrails.api import parse as parse_output
from guardrails.context import Context, Governance
from guardrails.errors import ConfigurationError
from guardrails.models import Draft, PushDraft, normalize_channel
from guardrails.personize import _prompts
from guardrails.personize._models import Digest, Guidelines, PromptResult
from guardrails.personize.errors import PersonizeError
from guardrails.personize.result import GenerationResult
from guardrails.profiles import profile
from guardrails.report import Report, ReviewFlag

__all__ = ["GenerationPlan"]

logger = logging.getLogger("guardrails.personize")
_BUTTON_KEY = re.compile(r"^buttons\[(\d+)\]\.(label|url)$")


@functools.lru_cache(maxsize=16)
def _checker_for(paths: tuple[str, ...]) -> Checker:
    return Checker(rules=paths)


def _checker(rules: Checker | Sequence[str | Path] | None) -> Checker:
    if isinstance(rules, Checker):
        return rules
    if isinstance(rules, str | Path):
        rules = [rules]
    return _checker_for(tuple(str(p) for p in rules or ()))


def with_fields(draft: Draft, fields: Mapping[str, str | None]) -> Draft:
    """``draft`` with its message fields replaced (buttons by ``buttons[i].label|url`` keys)."""
    known = set(draft.text_fields()) | set(profile(draft.channel).fields)
    update: dict[str, Any] = {k: v for k, v in fields.items()
                              if k in known and k in type(draft).model_fields}
    if isinstance(draft, PushDraft):
        buttons = [b.model_copy() for b in draft.buttons]
        for key, value in fields.items():
            match = _BUTTON_KEY.match(key)
            if match and int(match[1]) < len(buttons):
                setattr(buttons[int(match[1])], match[2], value or "")
        update["buttons"] = buttons
    return draft.model_copy(update=update)


@dataclass
class Attempt:
    """One prompt run, parsed and checked (after the safe fixes)."""

    raw_text: str
    report: Report
    score: float | None
    fixes: list[str]


class GenerationPlan:
    """State of one ``generate()`` call; bad arguments raise ConfigurationError here."""

    def __init__(self, channel: str, goal: str, *, email: str | None, website_url: str | None,
                 context: Context | Mapping[str, Any] | None,
                 rules: Checker | Sequence[str | Path] | None, tier: str, max_attempts: int,
                 fallback: Mapping[str, str | None] | None) -> None:
        self.channel = normalize_channel(channel)
        self.profile = profile(self.channel)
        if not isinstance(goal, str) or not goal.strip():
            raise ConfigurationError("generate() needs a goal: one sentence saying what the "
                                     "message is for")
        if isinstance(max_attempts, bool) or not isinstance(max_attempts, int) or max_attempts < 1:
            raise ConfigurationError(f"max_attempts must be an int >= 1, got {max_attempts!r}")
        if fallback is not None and not isinstance(fallback, Mapping):
            raise ConfigurationError("fallback must be a dict of fields, e.g. "
                                     "{'subject': ..., 'body_html': ..., 'body_text': ...}")
        self.goal = goal.strip()
        self.email = email
        self.website_url = website_url
        self.base_context = to_context(context)
        self.checker = _checker(rules)
        self.tier = tier
        self.max_attempts = max_attempts
        self.fallback: dict[str, str | None] = dict(fallback or {})
        self.session_id = f"guardrails-{uuid.uuid4().hex}"
        self.criteria = _prompts.evaluation_criteria(self.checker.pack, self.profile)
        self.context = self.base_context
        self.guidelines_empty = False
        self.attempts = 0
        self.last: Attempt | None = None
        self.timings: dict[str, float] = {}
        self._started = time.perf_counter()
        self._prompt_context = ""

    @contextlib.contextmanager
    def timed(self, name: str) -> Iterator[None]:
        """Record how long the block took, in seconds, under ``name``."""
        started = time.perf_counter()
        try:
            yield
        finally:
            self.timings[name] = round(time.perf_counter() - started, 4)

    # -- requests ----------------------------------------------------------------------------

    def guidelines_body(self) -> dict[str, Any]:
        return {"message": f"{self.profile.description}: {self.goal}", "mode": "fast"}

    def digest_body(self) -> dict[str, Any] | None:
        if not (self.email or self.website_url):
            return None
        body: dict[str, Any] = {"token_budget": 1000, "include_properties": True,
                                "include_memories": True}
        if self.email:
            body["email"] = self.email
        if self.website_url:
            body["website_url"] = self.website_url
        return body

    def use_sources(self, guidelines: Guidelines, digest: Digest | None) -> None:
        """Merge governance and the digest into the caller's context (theirs wins on conflict)."""
        base = self.base_context
        values = base.model_dump(exclude_unset=True)
        values.setdefault("goal", self.goal)
        text = guidelines.compiled_context.strip()
        self.guidelines_empty = not text
        if text:
            gov = base.governance or Governance()
            merged = "\n\n".join(t for t in (gov.text, text) if t)
            values["governance"] = gov.model_copy(update={"text": merged}).model_dump()
        elif base.governance is None:
            values["governance"] = None  # generated without governance: a review flag
        facts = list(base.facts)
        if digest is not None:
            if digest.compiled_context.strip():
                facts.append(digest.compiled_context.strip())
            facts.extend(f"{k}: {v}" for k, v in digest.properties.items()
                         if isinstance(v, str | int | float) and not isinstance(v, bool)
                         and str(v).strip())
        values["facts"] = facts
        self.context = Context.model_validate(values)
        self._prompt_context = _prompts.prompt_context(self.context, digest, text)

    def wants_attempt(self) -> bool:
        """True while attempts are left and the last one still breaks a MUST rule."""
        return self.attempts < self.max_attempts and (self.last is None or not self.last.report.ok)

    def prompt_body(self) -> dict[str, Any]:
        if self.last is None:
            steps = _prompts.instructions(self.profile, self.goal)
        else:
            steps = [{"prompt": _prompts.reask_instruction(
                self.profile, self.last.report.fields, self.last.report.errors), "maxSteps": 2}]
        return {"context": self._prompt_context, "instructions": steps, "evaluate": True,
                "evaluationCriteria": self.criteria, "tier": self.tier,
                "sessionId": self.session_id}

    # -- responses ---------------------------------------------------------------------------

    def take(self, result: PromptResult) -> None:
        """Parse and check one run; apply the report's safe fixes first, then check again."""
        self.attempts += 1
        raw = result.text
        if not raw.strip() and result.outputs:
            raw = _prompts.render_fields(self.channel, {
                str(k): v if isinstance(v, str) else str(v) for k, v in result.outputs.items()})
        score = result.evaluation.score if result.evaluation is not None else None
        context = self.context
        if score is not None:
            context = context.model_copy(update={"evaluation": {"score": score}})
        with self.timed(f"check_{self.attempts}"):
            draft = parse_output(raw, self.channel)
            report = self.checker.check(draft, self.channel, context)
            applied: list[str] = []
            if any(v.fix is not None for v in report.violations):
                fields, applied = report.fixed()
                if applied:
                    report = self.checker.check(with_fields(draft, fields), self.channel, context)
        logger.debug("generate(%s) attempt %d: %d error(s), %d warning(s), %d fix(es)",
                     self.channel, self.attempts, len(report.errors), len(report.warnings),
                     len(applied))
        self.last = Attempt(raw, report, score, applied)

    def _flags(self, report: Report | None, score: float | None) -> list[ReviewFlag]:
        flags = list(report.review_flags) if report is not None else []
        categories = {f.category for f in flags}
        threshold = self.context.review_threshold
        if score is not None and score < threshold and "evaluation" not in categories:
            flags.append(ReviewFlag(category="evaluation", reason=f"evaluation score "
                                    f"{score:.2f} is below {threshold:.2f}"))
        if self.guidelines_empty and "governance" not in categories:
            flags.append(ReviewFlag(category="governance",
                                    reason="smart_guidelines returned no governance for this goal"))
        return flags

    def _result(self, *, error: str | None) -> GenerationResult:
        self.timings["total"] = round(time.perf_counter() - self._started, 4)
        last = self.last
        report = last.report if last is not None else None
        score = last.score if last is not None else None
        flags = self._flags(report, score)
        if report is not None:
            report = report.model_copy(update={"review_flags": flags})
        sendable = error is None and report is not None and report.ok
        if not sendable and error is None and report is not None:
            rules = ", ".join(dict.fromkeys(v.rule for v in report.errors))
            error = (f"{len(report.errors)} MUST violation(s) remain after {self.attempts} "
                     f"attempt(s): {rules}")
        fields = dict(report.fields) if sendable and report is not None else dict(self.fallback)
        return GenerationResult(
            sendable=sendable, channel=self.channel, fields=fields, report=report,
            evaluation_score=score, review_flags=flags, attempts=self.attempts,
            raw_text=last.raw_text if last is not None else None, timings=dict(self.timings),
            error=error, fixes=last.fixes if last is not None else [], goal=self.goal,
            email=self.email, website_url=self.website_url)

    def result(self) -> GenerationResult:
        """The outcome once attempts are done; not sendable if a MUST rule still fails."""
        out = self._result(error=None)
        if not out.sendable:
            logger.warning("generate(%s): %s; using the fallback", self.channel, out.error)
        return out

    def failed(self, exc: Exception) -> GenerationResult:
        """The fallback result when Personize failed (or anything unexpected happened)."""
        if isinstance(exc, PersonizeError):
            logger.warning("generate(%s): Personize unavailable (%s: %s); using the fallback",
                           self.channel, type(exc).__name__, exc)
        else:
            logger.exception("generate(%s): unexpected %s; using the fallback", self.channel,
                             type(exc).__name__)
        return self._result(error=f"{type(exc).__name__}: {exc}")

"""What the Personize endpoints return, as frozen value objects (``data`` keeps the raw payload)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "Account",
    "CriterionScore",
    "Digest",
    "Evaluation",
    "Guidelines",
    "PromptResult",
    "normalize_score",
]


class _Value(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid", frozen=True)


class Account(_Value):
    """``me()``: the organization, user and plan behind the key."""

    max_api_calls_per_minute: int | None = None
    max_api_calls_per_month: int | None = None
    plan: str | None = None
    data: dict[str, Any] = Field(default_factory=dict, repr=False)


class Guidelines(_Value):
    """``smart_guidelines()``: governance matched to a message, compiled as markdown."""

    compiled_context: str = ""
    selection: list[Any] = Field(default_factory=list)
    data: dict[str, Any] = Field(default_factory=dict, repr=False)

    @property
    def empty(self) -> bool:
        """True when Personize found no guideline for the message."""
        return not self.compiled_context.strip()


class Digest(_Value):
    """``smart_digest()``: what Personize remembers about one recipient."""

    compiled_context: str = ""
    properties: dict[str, Any] = Field(default_factory=dict)
    memories: list[Any] = Field(default_factory=list)
    data: dict[str, Any] = Field(default_factory=dict, repr=False)


class CriterionScore(_Value):
    """One evaluation criterion's score, on its own scale (``max_score``)."""

    name: str
    score: float | None = None
    max_score: float | None = None
    reason: str | None = None


class Evaluation(_Value):
    """Personize's self-evaluation of a prompt run; ``score`` is normalized to 0–1."""

    final_score: float | None = None
    criteria_scores: tuple[CriterionScore, ...] = ()
    explanation: str | None = None

    @property
    def score(self) -> float | None:
        """``final_score`` on a 0–1 scale (from 0–1, 0–10 or 0–100), None when unknown."""
        scored = [c for c in self.criteria_scores if c.score is not None and c.max_score]
        total = sum(c.max_score or 0.0 for c in scored)
        if self.final_score is None:
            if not scored:
                return None
            return normalize_score(sum(c.score or 0.0 for c in scored) / total, scale=1.0)
        if self.final_score <= 1 and any((c.score or 0.0) > 1 for c in scored):
            return normalize_score(self.final_score, scale=1.0)  # already 0–1, criteria are not
        scales = {c.max_score for c in scored}
        if len(scales) == 1 and self.final_score <= (scale := scales.pop() or 0.0):
            return normalize_score(self.final_score, scale=scale)  # an average of the criteria
        if total and self.final_score <= total:
            return normalize_score(self.final_score, scale=total)  # their sum
        return normalize_score(self.final_score)


class PromptResult(_Value):
    """``prompt()``: the generated text, named outputs, evaluation and run metadata."""

    text: str = ""
    outputs: dict[str, Any] = Field(default_factory=dict)
    evaluation: Evaluation | None = None
    metadata: dict[str, Any] = Field(default_factory=dict)
    event_id: str | None = None
    status: str | None = None
    """``completed`` (also for synchronous runs) or ``partial_completed``."""


def normalize_score(value: float | None, *, scale: float | None = None) -> float | None:
    """A 0–1 score from 0–1, 0–10 or 0–100 (``scale`` when known); None if not a score."""
    if value is None or isinstance(value, bool) or not math.isfinite(value) or value < 0:
        return None
    if scale is not None and scale > 0 and value <= scale:
        return min(1.0, value / scale)
    for limit in (1.0, 10.0, 100.0):
        if value <= limit:
            return value / limit
    return None


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip().rstrip("%"))
        except ValueError:
            return None
    return None


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _dict(value: Any) -> dict[str, Any]:
    return dict(value) if isinstance(value, Mapping) else {}


def account_from(data: Any) -> Account:
    raw = _dict(data)
    plan = _dict(raw.get("plan"))
    limits = _dict(plan.get("limits"))
    per_minute = _number(limits.get("maxApiCallsPerMinute"))
    per_month = _number(limits.get("maxApiCallsPerMonth"))
    return Account(
        max_api_calls_per_minute=int(per_minute) if per_minute and per_minute > 0 else None,
        max_api_calls_per_month=int(per_month) if per_month and per_month > 0 else None,
        plan=plan.get("name") if isinstance(plan.get("name"), str) else None,
        data=raw,
    )


def guidelines_from(data: Any) -> Guidelines:
    raw = _dict(data)
    if isinstance(data, str):
        return Guidelines(compiled_context=data, data={"compiledContext": data})
    selection = raw.get("selection")
    return Guidelines(compiled_context=_text(raw.get("compiledContext")),
                      selection=list(selection) if isinstance(selection, list) else [], data=raw)


def digest_from(data: Any) -> Digest:
    if isinstance(data, str):
        return Digest(compiled_context=data, data={"compiledContext": data})
    raw = _dict(data)
    props = raw.get("properties")
    if isinstance(props, list):  # [{name, value}, ...] in some deployments
        props = {str(p.get("name")): p.get("value") for p in props
                 if isinstance(p, Mapping) and p.get("name")}
    memories = raw.get("memories")
    return Digest(compiled_context=_text(raw.get("compiledContext")), properties=_dict(props),
                  memories=list(memories) if isinstance(memories, list) else [], data=raw)


def evaluation_from(data: Any) -> Evaluation | None:
    if isinstance(data, int | float) and not isinstance(data, bool):
        return Evaluation(final_score=float(data))
    raw = _dict(data)
    if not raw:
        return None
    criteria: list[CriterionScore] = []
    for item in raw.get("criteriaScores") or ():
        if isinstance(item, Mapping):
            criteria.append(CriterionScore(
                name=str(item.get("name") or "criterion"), score=_number(item.get("score")),
                max_score=_number(item.get("maxScore")),
                reason=item.get("reason") if isinstance(item.get("reason"), str) else None))
    final = _number(raw.get("finalScore", raw.get("score")))
    explanation = raw.get("explanation")
    return Evaluation(final_score=final, criteria_scores=tuple(criteria),
                      explanation=explanation if isinstance(explanation, str) else None)


def prompt_result_from(data: Any, *, event_id: str | None = None,
                       status: str | None = None) -> PromptResult:
    """Accepts ``{text, outputs, evaluation, metadata}`` or, from older deployments, the text."""
    if isinstance(data, str):
        return PromptResult(text=data, event_id=event_id, status=status or "completed")
    raw = _dict(data)
    text = raw.get("text", raw.get("output", raw.get("response")))
    return PromptResult(text=_text(text), outputs=_dict(raw.get("outputs")),
                        evaluation=evaluation_from(raw.get("evaluation")),
                        metadata=_dict(raw.get("metadata")), event_id=event_id,
                        status=status or "completed")

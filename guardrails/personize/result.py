"""What ``generate()`` returns, and recording a delivered message back into Personize memory."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Sequence
from typing import TYPE_CHECKING, overload

from pydantic import BaseModel, ConfigDict, Field

from guardrails.errors import ConfigurationError
from guardrails.personize._prompts import render_fields
from guardrails.personize.errors import PersonizeError
from guardrails.report import Report, ReviewFlag

if TYPE_CHECKING:
    from guardrails.personize.async_client import AsyncPersonize
    from guardrails.personize.client import Personize

__all__ = ["GenerationResult"]

logger = logging.getLogger("guardrails.personize")
GENERATED_TAGS = ("generated", "guardrails")


class GenerationResult(BaseModel):
    """A checked generation. Send ``fields``: the message when ``sendable``, else the fallback."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    sendable: bool
    """True only when the final output passes every MUST rule; review flags never block."""
    channel: str
    fields: dict[str, str | None] = Field(default_factory=dict)
    """The checked message (safe fixes applied) when sendable, else the ``fallback`` (or {})."""
    report: Report | None = None
    """The last attempt's report (with the review flags below); None if Personize failed first."""
    evaluation_score: float | None = None
    """Personize's self-evaluation normalized to 0–1; None when it sent none."""
    review_flags: list[ReviewFlag] = Field(default_factory=list)
    attempts: int = 0
    raw_text: str | None = None
    timings: dict[str, float] = Field(default_factory=dict)
    """Seconds per step: guidelines, digest, prompt_N, check_N and total."""
    error: str | None = None
    """What went wrong when not sendable (never contains the key)."""
    fixes: list[str] = Field(default_factory=list)
    """The safe mechanical fixes applied to the last attempt."""
    goal: str = ""
    email: str | None = None
    website_url: str | None = None

    @property
    def needs_review(self) -> bool:
        """True when a human should look before sending at scale (sensitive, low score…)."""
        return bool(self.review_flags)

    def annotated(self) -> str:
        """The main field with the ``⚠️ REVIEW SUGGESTED`` banner when flags exist."""
        if self.report is not None and self.sendable:
            return self.report.annotated()
        return next((v for v in self.fields.values() if v), "")

    def memory_content(self) -> str:
        """What ``record_sent`` stores: ``[GENERATED] <goal> via <channel>`` and the fields."""
        return f"[GENERATED] {self.goal} via {self.channel}\n\n" + render_fields(
            self.channel, self.fields)

    def _recordable(self, raise_on_error: bool) -> bool:
        problem = None
        if not self.sendable:
            problem = "nothing generated was sent (the result is not sendable)"
        elif not (self.email or self.website_url):
            problem = ("record_sent() needs the recipient: call generate() with email= or "
                       "website_url=")
        if problem is None:
            return True
        if raise_on_error:
            raise ConfigurationError(problem)
        logger.info("record_sent skipped: %s", problem)
        return False

    @overload
    def record_sent(self, client: Personize, *, tags: Sequence[str] = ...,
                    raise_on_error: bool = ...) -> bool: ...

    @overload
    def record_sent(self, client: AsyncPersonize, *, tags: Sequence[str] = ...,
                    raise_on_error: bool = ...) -> Awaitable[bool]: ...

    def record_sent(self, client: Personize | AsyncPersonize, *, tags: Sequence[str] = (),
                    raise_on_error: bool = False) -> bool | Awaitable[bool]:
        """Memorize the delivered message; call after delivery (``await`` it with AsyncPersonize).

        Returns True when stored. Failures are logged, raised only with ``raise_on_error``.
        """
        from guardrails.personize.async_client import AsyncPersonize

        all_tags = [*GENERATED_TAGS, f"channel:{self.channel}", *tags]
        if isinstance(client, AsyncPersonize):
            return self._arecord(client, all_tags, raise_on_error)
        if not self._recordable(raise_on_error):
            return False
        try:
            client.memorize(self.memory_content(), email=self.email,
                            website_url=self.website_url, tags=all_tags)
        except PersonizeError as exc:
            if raise_on_error:
                raise
            logger.warning("record_sent failed: %s: %s", type(exc).__name__, exc)
            return False
        return True

    async def _arecord(self, client: AsyncPersonize, tags: list[str],
                       raise_on_error: bool) -> bool:
        if not self._recordable(raise_on_error):
            return False
        try:
            await client.memorize(self.memory_content(), email=self.email,
                                  website_url=self.website_url, tags=tags)
        except PersonizeError as exc:
            if raise_on_error:
                raise
            logger.warning("record_sent failed: %s: %s", type(exc).__name__, exc)
            return False
        return True

"""What the generator was allowed to know: goal, governance, facts, link rules.

Unknown keys are an error: a typo must never silently disable a rule.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Context", "Governance"]


class Governance(BaseModel):
    """Brand and legal rules the message must obey (constraint 8)."""

    model_config = ConfigDict(defer_build=True, extra="forbid", frozen=True)

    forbidden_terms: tuple[str, ...] = ()
    required_disclaimer: str | None = None
    banned_phrases: tuple[str, ...] = ()
    sign_off: str | None = None
    updated_at: dt.date | None = None
    text: str | None = None


class Context(BaseModel):
    """Everything a check may compare the message against. Every key is optional."""

    model_config = ConfigDict(defer_build=True, extra="forbid", frozen=True)

    goal: str | None = None
    governance: Governance | None = None
    facts: tuple[str, ...] = ()
    deep_link_scheme: str | None = None
    routes: tuple[str, ...] = ()
    app_domains: tuple[str, ...] = ()
    first_send: bool = False
    evaluation: dict[str, Any] | None = None
    now: dt.date | None = None
    review_threshold: float = Field(default=0.85, ge=0, le=1)

    @property
    def governance_missing(self) -> bool:
        """True when the caller said explicitly that no governance was used (``governance: null``)."""
        return "governance" in self.model_fields_set and self.governance is None

    def today(self) -> dt.date:
        """``now`` if given, else today's date."""
        return self.now or dt.date.today()

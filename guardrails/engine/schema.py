"""The rule-pack file format: what a rule is, validated with pydantic (typos are errors)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["ExampleSpec", "PackSpec", "RuleSpec"]


class ExampleSpec(BaseModel):
    """A message that must (``expect = "violation"``) or must not (``"pass"``) trigger the rule."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    expect: Literal["violation", "flag", "pass"]
    output: str
    channel: str | None = None
    context: dict[str, Any] | None = None


class RuleSpec(BaseModel):
    """One rule as written in a pack: data only; ``check`` names one of the closed set of kinds."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    id: str = Field(pattern=r"^[A-Z]{1,5}[0-9]{3}$")
    name: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    constraint: int = Field(ge=1, le=8)
    level: Literal["error", "warning"] = "error"
    channels: list[str] = Field(default_factory=lambda: ["*"])
    fields: list[str] = Field(default_factory=list)
    check: str
    params: dict[str, Any] = Field(default_factory=dict)
    message: str
    explain: str = ""
    examples: list[ExampleSpec] = Field(default_factory=list)


class PackSpec(BaseModel):
    """A whole pack file: a name and its rules."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    name: str
    description: str = ""
    rule: list[RuleSpec] = Field(default_factory=list)

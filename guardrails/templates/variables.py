"""Declared merge-tag variables and the stand-in values the worst and best case render.

Values contain no newline (rendering keeps every line where it was) and nothing a content rule
could object to: lower-case words (``abcdefghi``; never ``xxx``, which reads as a placeholder),
digits, a date, or an https URL on the app's own domain.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import KW_ONLY, dataclass, field
from typing import Literal

__all__ = [
    "DEFAULT_LENGTH", "NEUTRAL_DOMAIN", "VAR_TYPES", "Position", "TemplateSettings", "Variable",
    "parse_variable", "shortest", "stand_in",
]

VarType = Literal["text", "url", "number", "date"]
VAR_TYPES: tuple[VarType, ...] = ("text", "url", "number", "date")
Position = Literal["text", "start", "host", "path"]
"""Where a placeholder sits: plain text, the whole start of a link, its host, or later in it."""

DEFAULT_LENGTH = 20
"""Characters assumed for an undeclared variable (``default-length`` changes it)."""
NEUTRAL_DOMAIN = "links.mergetag.net"
"""Host of a ``url`` stand-in when the context lists no app_domains."""
_FLOORS = {"text": 0, "number": 1, "date": 6, "url": 0}
_DATE = "Wednesday, November 25, 2026"
_WORD = "abcdefghi"


@dataclass(frozen=True, slots=True)
class Variable:
    """One ``[tool.guardrails.variables]`` entry: a type and the length bounds of its values."""

    name: str
    _: KW_ONLY
    type: VarType = "text"
    max: int | None = None
    """Longest value; None → ``default-length``."""
    min: int | None = None
    """Shortest value; None → the type's floor (text 0, number 1, date 6, url its bare host)."""

    def longest(self, default_length: int) -> int:
        return self.max if self.max is not None else default_length


@dataclass(frozen=True, slots=True, kw_only=True)
class TemplateSettings:
    """Variable declarations, the length of an undeclared variable, and which GR0xx to report."""

    variables: Mapping[str, Variable] = field(default_factory=dict)
    default_length: int = DEFAULT_LENGTH
    report: frozenset[str] | None = None
    """Template-layer rule ids to report (None: all of them)."""


def parse_variable(name: str, raw: object) -> Variable | str:
    """A Variable from its TOML value (``{type, max, min}`` or an int max), else a problem."""
    if isinstance(raw, bool):
        return f"must be a table like {{ type = \"text\", max = 20 }}, got {raw!r}"
    if isinstance(raw, int):
        raw = {"max": raw}
    if not isinstance(raw, dict):
        return f"must be a table like {{ type = \"text\", max = 20 }}, got {raw!r}"
    unknown = sorted(set(raw) - {"type", "max", "min"})
    if unknown:
        return f"unknown key {unknown[0]!r}; expected type, max, min"
    kind = raw.get("type", "text")
    if kind not in VAR_TYPES:
        return f"type must be one of {', '.join(VAR_TYPES)}, got {kind!r}"
    bounds: dict[str, int | None] = {}
    for key in ("max", "min"):
        value = raw.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                                  or value < 0):
            return f"{key} must be a non-negative integer, got {value!r}"
        bounds[key] = value
    low, high = bounds["min"], bounds["max"]
    if low is not None and high is not None and low > high:
        return f"min ({low}) is larger than max ({high})"
    return Variable(name, type=kind, max=high, min=low)


def _letters(n: int, *, spaces: bool) -> str:
    """``n`` characters of lower-case words (or one word when no spaces are allowed)."""
    if n <= 0:
        return ""
    unit = _WORD + " " if spaces else _WORD
    text = (unit * (n // len(unit) + 1))[:n]
    return text[:-1] + "a" if text.endswith(" ") else text


def _digits(n: int) -> str:
    return ("1234567890" * (n // 10 + 1))[:max(n, 0)]


def _date(n: int, *, spaces: bool) -> str:
    if not spaces:
        return ("2026-11-25" + _digits(max(n - 10, 0)))[:n]
    if n <= len(_DATE):
        text = _DATE[:n]
        return text[:-1] + "a" if text.endswith(" ") else text
    return _DATE + " " + _letters(n - len(_DATE) - 1, spaces=True)


def _url(n: int, domain: str) -> str:
    base = f"https://{domain}"
    if n <= len(base):
        return base
    if n == len(base) + 1:
        return base + "/"
    return base + "/" + _letters(n - len(base) - 1, spaces=False)


def stand_in(var: Variable, n: int, position: Position, domain: str) -> str:
    """A value of ``var``'s type about ``n`` characters long for where it sits in the message.

    A url stand-in is never shorter than ``https://<domain>``; in a link's host it is the domain.
    """
    if position == "host":
        return domain
    if var.type == "url" or position == "start":
        return _url(n, domain)
    n = max(n, _FLOORS[var.type])
    spaces = position == "text"
    if var.type == "number":
        return _digits(n)
    if var.type == "date":
        return _date(n, spaces=spaces)
    return _letters(n, spaces=spaces)


def shortest(var: Variable) -> int:
    """The best-case length of ``var`` (its ``min``, else its type's floor)."""
    return var.min if var.min is not None else _FLOORS[var.type]

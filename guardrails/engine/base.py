"""What every check kind shares: the hit it yields and the compiled-rule protocol."""

from __future__ import annotations

import bisect
import contextlib
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import regex
from pydantic import AfterValidator, BaseModel, ConfigDict

if TYPE_CHECKING:
    from guardrails.analyze import Message
    from guardrails.context import Context
    from guardrails.report import Fix, ReviewFlag

__all__ = [
    "REGEX_TIMEOUT", "GroupRunner", "Hit", "Params", "Regexes", "RunState", "Runner",
    "alternation", "compile_pattern", "finditer", "match", "occurrences", "parts_of",
    "prefilter_allows", "search", "span_inside", "trusted_patterns",
]

REGEX_TIMEOUT = 0.25
"""Seconds a user pattern may spend on one field before the rule reports an engine error.

Patterns of the bundled packs are tested and linear; they run without a timeout, because
``regex`` charges ~6 µs per call for arming one (dozens of calls per message).
"""

_TRUSTED: set[int] = set()
"""ids of compiled bundled-pack patterns (alive for the process, so an id is never reused)."""
_loading = threading.local()


@contextlib.contextmanager
def trusted_patterns() -> Iterator[None]:
    """Patterns compiled in this block (this thread) come from a bundled pack: no timeout."""
    outer = getattr(_loading, "trusted", False)
    _loading.trusted = True
    try:
        yield
    finally:
        _loading.trusted = outer


def compile_pattern(body: str, flags: int) -> regex.Pattern[str]:
    """Compile a pack's pattern, remembering whether it is a bundled (trusted) one."""
    compiled = regex.compile(body, flags)
    if getattr(_loading, "trusted", False):
        _TRUSTED.add(id(compiled))
    return compiled


def _timeout(pattern: regex.Pattern[str]) -> float | None:
    return None if id(pattern) in _TRUSTED else REGEX_TIMEOUT


def _valid_regexes(value: tuple[str, ...]) -> tuple[str, ...]:
    for pattern in value:
        try:
            regex.compile(pattern)
        except regex.error as exc:
            raise ValueError(f"invalid regex {pattern!r}: {exc}") from None
    return value


Regexes = Annotated[tuple[str, ...], AfterValidator(_valid_regexes)]
"""A param holding user regexes (``regex`` syntax), each validated when the pack loads."""


def alternation(patterns: tuple[str, ...], flags: int = regex.IGNORECASE | regex.MULTILINE
                ) -> regex.Pattern[str] | None:
    """One compiled pattern matching any of ``patterns`` (None when there are none)."""
    if not patterns:
        return None
    return compile_pattern("|".join(f"(?:{p})" for p in patterns), flags)


def prefilter_allows(lowered: str, requires: tuple[str, ...]) -> bool:
    """A ``requires`` prefilter: True when it is empty or one of its lower-case strings occurs
    in ``lowered`` (lower-cased text; a substring test is far cheaper than the patterns)."""
    if not requires:
        return True
    for r in requires:  # a loop, not any(genexpr): this runs dozens of times per message
        if r in lowered:
            return True
    return False


def occurrences(lowered: str, needles: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    """(start, end) of every occurrence of each needle in ``lowered`` (C substring scans):
    where prefilter strings occur, found once per text rather than once per piece of it."""
    for needle in needles:
        at = lowered.find(needle)
        while at >= 0:
            yield at, at + len(needle)
            at = lowered.find(needle, at + 1)


def span_inside(spans: list[tuple[int, int]], starts: list[int], lo: int, hi: int) -> bool:
    """Whether one of ``spans`` (sorted; ``starts`` their starts) lies inside ``[lo, hi)``."""
    i = bisect.bisect_left(starts, lo)
    while i < len(spans) and spans[i][0] < hi:
        if spans[i][1] <= hi:
            return True
        i += 1
    return False


class Params(BaseModel):
    """Base for the typed params of every check kind (unknown keys are errors)."""

    model_config = ConfigDict(defer_build=True, extra="forbid", frozen=True)


@dataclass(slots=True)
class Hit:
    """One finding of a check, before the engine turns it into a Violation or ReviewFlag."""

    field: str | None
    detail: str = ""
    evidence: str | None = None
    offset: int | None = None
    fix: Fix | None = None
    category: str | None = None
    """Set by ``flag`` checks: the review category this hit raises."""


@dataclass(slots=True)
class RunState:
    """What earlier rules found in this run (review flags feed the review-claim rule)."""

    flags: list[ReviewFlag] = field(default_factory=list)
    cache: dict[str, Any] = field(default_factory=dict)


Runner = Callable[["Message", "Context", RunState, tuple[str, ...]], Iterable[Hit]]
"""A compiled check: (message, context, state, fields) → hits."""

_Part = TypeVar("_Part")

GroupRunner = Callable[["Message", "Context", RunState, tuple[str, ...]], list[list[Hit]]]
"""Neighbouring rules of one kind on the same fields, run in one pass over the message: each
rule's hits, in rule order, exactly as each rule's own runner gives them (one loop over the
fields and links instead of one per rule; ~1-2 µs per rule on a short message)."""


def parts_of(runners: Sequence[Runner], kind: type[_Part]) -> tuple[_Part, ...]:
    """The compiled rules a kind's ``group`` function fuses (all of that kind's runner class)."""
    parts = tuple(r for r in runners if isinstance(r, kind))
    assert len(parts) == len(runners)
    return parts


def finditer(pattern: regex.Pattern[str], text: str) -> Iterator[regex.Match[str]]:
    """``pattern.finditer`` with the engine's timeout for user patterns (TimeoutError on
    catastrophic ones)."""
    found: Iterator[regex.Match[str]] = pattern.finditer(text, timeout=_timeout(pattern))
    return found


def search(pattern: regex.Pattern[str], text: str, pos: int = 0) -> regex.Match[str] | None:
    """``pattern.search`` (from ``pos``) with the engine's timeout for user patterns."""
    return pattern.search(text, pos, timeout=_timeout(pattern))


def match(pattern: regex.Pattern[str], text: str, pos: int) -> regex.Match[str] | None:
    """``pattern.match`` at ``pos`` with the engine's timeout for user patterns."""
    return pattern.match(text, pos, timeout=_timeout(pattern))

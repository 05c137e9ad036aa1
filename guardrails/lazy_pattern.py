"""Regular expressions compiled on first use, so importing a module stays cheap.

A ``guardrails check`` run on one file would otherwise compile every module-level pattern of
the parser and engine at import (~45 ms), most of which that file never reaches.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    import regex

__all__ = ["lazy_re", "lazy_regex"]


class _LazyPattern:
    """Stands in for a compiled pattern; compiles it when an attribute is first read.

    Each attribute read once is kept on the instance, so later calls cost what a module-level
    pattern's method lookup costs. Two threads racing to compile build equal patterns.
    """

    def __init__(self, build: Callable[[], Any]) -> None:
        self._build = build

    def __getattr__(self, name: str) -> Any:  # only for attributes not yet on the instance
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self.__dict__["_compiled"] = self._build()
        value = getattr(compiled, name)
        self.__dict__[name] = value
        return value

    def __repr__(self) -> str:
        return f"<lazy {self.__getattr__('pattern')!r}>"


def lazy_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A stdlib ``re`` pattern compiled on first use."""
    return cast("re.Pattern[str]", _LazyPattern(lambda: re.compile(pattern, flags)))


def lazy_regex(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """A ``regex`` module pattern compiled on first use."""

    def build() -> Any:
        import regex

        return regex.compile(pattern, flags)

    return cast("regex.Pattern[str]", _LazyPattern(build))

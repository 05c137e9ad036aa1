"""Lazily compiled patterns behave like compiled ones and compile only when first used."""

from __future__ import annotations

import re
import subprocess
import sys

import regex

from guardrails.lazy_pattern import lazy_re, lazy_regex


def test_lazy_patterns_match_like_compiled_ones() -> None:
    text = "Order 12 ships on 2026-12-08; café"
    for lazy, real in ((lazy_re(r"\d+"), re.compile(r"\d+")),
                       (lazy_regex(r"\p{Ll}+", regex.I), regex.compile(r"\p{Ll}+", regex.I))):
        assert [m.group() for m in lazy.finditer(text)] == [m.group() for m in real.finditer(text)]
        assert lazy.sub("#", text) == real.sub("#", text)
        assert lazy.pattern == real.pattern
        assert "lazy" in repr(lazy)


def test_nothing_is_compiled_before_first_use() -> None:
    pattern = lazy_re("a+")
    assert "_compiled" not in vars(pattern)
    assert pattern.fullmatch("aaa") is not None
    assert "_compiled" in vars(pattern)


def test_importing_the_engine_compiles_no_claim_patterns() -> None:
    code = ("import guardrails.engine.grounding as g, guardrails.parser as p; "
            "print(sum('_compiled' in vars(o) for m in (g, p) for o in vars(m).values() "
            "if type(o).__name__ == '_LazyPattern'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"

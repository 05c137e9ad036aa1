"""Claim extraction for constraint 2: numbers by value, named customers, and lexicon claims.

A claim is supported when the facts (or governance text) state the same value or words;
"40%" and "40 percent", "$1,200" and "1200 dollars", "3" and "three" are the same value.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from guardrails.engine.lexicon import strip_accents, words

__all__ = ["Claim", "FactBase", "name_claims", "number_claims"]

_NUMBER = regex.compile(
    r"(?<![\w.,/])(?P<cur>[$€£¥])?\s?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<suf>\s?(?:%|percent\b|x\b|×|k\b|m\b|million\b|billion\b|st\b|nd\b|rd\b|th\b|\+)|)"
    r"(?![\w])",
    regex.IGNORECASE,
)
_WORD_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "thousand": 1000, "dozen": 12,
    "half": 0.5, "twice": 2, "double": 2, "triple": 3,
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}
_WORD_NUMBER = regex.compile(r"\b(?:" + "|".join(_WORD_NUMBERS) + r")\b", regex.IGNORECASE)
# "second" as time unit or "a second look" is not a claim; skip ordinals used idiomatically.
_IDIOMS = regex.compile(
    r"\b(?:a|one|per|the) second\b|\bsecond (?:look|thought|chance)\b|\bin half\b|"
    r"\bdouble[- ]check|\bhalf (?:an?|the) \b", regex.IGNORECASE)
_MULT = {"k": 1e3, "m": 1e6, "million": 1e6, "billion": 1e9}


@dataclass(frozen=True, slots=True)
class Claim:
    """One checkable statement found in message text."""

    text: str
    offset: int
    values: tuple[float, ...] = ()


def _values(m: regex.Match[str]) -> tuple[float, ...]:
    num = float(m.group("num").replace(",", ""))
    suffix = m.group("suf").strip().lower()
    if suffix in _MULT:
        return (num, num * _MULT[suffix])
    return (num,)


def number_claims(text: str) -> list[Claim]:
    """Every figure in ``text`` with its value(s): digits with units, and number words."""
    claims: list[Claim] = []
    if any(c.isdigit() for c in text):
        for m in _NUMBER.finditer(text, timeout=0.25):
            claims.append(Claim(m.group().strip(), m.start(), _values(m)))
    idioms = [m.span() for m in _IDIOMS.finditer(text)] if "second" in text.lower() or \
        "half" in text.lower() or "double" in text.lower() else []
    for m in _WORD_NUMBER.finditer(text, timeout=0.25):
        if any(a <= m.start() < b for a, b in idioms):
            continue
        claims.append(Claim(m.group(), m.start(), (float(_WORD_NUMBERS[m.group().lower()]),)))
    return claims


class FactBase:
    """Everything the writer was allowed to state, indexed for fast lookups."""

    def __init__(self, texts: list[str]) -> None:
        joined = "\n".join(texts)
        self.text = joined
        self.words = frozenset(words(strip_accents(joined)))
        values: set[float] = set()
        for claim in number_claims(joined):
            values.update(claim.values)
        # Dates such as 2026-12-09 or 12/09 also yield their parts (day 9, month 12).
        for m in regex.finditer(r"\d+", joined):
            values.add(float(m.group()))
        self.values = frozenset(values)

    def supports_number(self, claim: Claim) -> bool:
        return any(v in self.values for v in claim.values)

    def supports_words(self, phrase: str) -> bool:
        toks = [w for w in words(strip_accents(phrase)) if len(w) > 2 or w.isdigit()]
        return bool(toks) and all(t in self.words for t in toks)


_CUSTOMER_TRIGGER = regex.compile(
    r"\b(?:customers?|clients?|brands?|companies|teams|agencies|partners|leaders|users)\s+"
    r"(?:like|such as|including|incl\.)\s+|\b(?:trusted|used|loved|chosen|relied on|backed)\s+by\s+"
    r"(?:teams at\s+|companies like\s+)?|\bjoin(?:ing)?\s+(?!us\b|the\b)|\b(?:teams|companies) at\s+|"
    r"\bjust like\s+",
    regex.IGNORECASE,
)
_PROPER = regex.compile(r"(?:[A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*)*)")


def name_claims(text: str) -> list[Claim]:
    """Capitalised names right after customer-claim triggers ("trusted by Acme and Globex")."""
    claims: list[Claim] = []
    for trig in _CUSTOMER_TRIGGER.finditer(text, timeout=0.25):
        pos = trig.end()
        for _ in range(6):
            m = _PROPER.match(text, pos)
            if not m:
                break
            claims.append(Claim(m.group(), m.start()))
            pos = m.end()
            sep = regex.match(r"\s*(?:,\s*(?:and\s+|&\s+)?|\s+and\s+|\s*&\s*)", text[pos:])
            if not sep or not sep.group():
                break
            pos += sep.end()
    return claims

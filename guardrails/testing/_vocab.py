"""The small, ordered alphabets and word lists the strategies draw from (simplest first).

Order matters: hypothesis shrinks a ``sampled_from`` towards its first element, so the first
entries are what a failing example is reduced to. Every word here passes every built-in rule
(no figures, names, superlatives, sensitive topics, label names or chatter).
"""

from __future__ import annotations

import string
from typing import Any

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from guardrails.formats.sms import GSM_BASIC, GSM_EXTENSION

__all__ = [
    "FORCING", "GSM_ORDER", "HOSTS", "PLACEHOLDER_RESTS", "QUERY_KEYS", "QUERY_VALUES",
    "SEGMENTS", "WORDS", "check_count", "check_flag", "formatted",
]

_FIRST = string.ascii_lowercase + " " + string.ascii_uppercase + string.digits + \
    ".,!?'\"-():;/&%+#*=<>@_$\n"
# CR and form feed are GSM characters, but no renderer should emit them: never drawn.
_NEVER = frozenset("\r\x0c")
GSM_ORDER: list[str] = [
    *_FIRST,
    *sorted(GSM_BASIC - set(_FIRST) - _NEVER),
    *sorted(GSM_EXTENSION - _NEVER, key=lambda c: c != "€"),
]
"""Every GSM 03.38 character but CR and form feed: ASCII letters first, 2-septet ones last."""

FORCING: dict[bool, list[str]] = {
    # transliterate() maps each of these to GSM-7 ...
    True: ["ç", "’", "“", "”", "—", "–", "…", "á", "ó", "í", "ú", "â", "ê", "ô", "ã", "ł", "œ",
           "ğ", "ş", "\u00a0", "•", "‘"],
    # ... and has no GSM-7 stand-in for these.
    False: ["中", "😀", "Ж", "α", "✓", "→", "ш", "한", "🎉"],
}
"""Single code points outside GSM 03.38, by whether transliteration can replace them."""

WORDS: list[str] = [
    "hi", "your", "order", "is", "ready", "see", "you", "soon", "the", "team", "class", "starts",
    "at", "noon", "we", "saved", "a", "seat", "for", "pick", "it", "up", "desk", "open", "room",
    "week", "lesson", "café", "über", "thanks", "welcome", "back", "all", "set", "guide", "map",
    "park", "door", "key", "lunch", "coffee", "bring", "friend",
]
"""Neutral message words: lower case, no digits, nothing any built-in rule reacts to."""

HOSTS: list[str] = [
    "acme.com", "app.acme.com", "pantrio.com", "www.roomly.io", "go.northwind.dev",
    "shop.globex.co.uk", "initech.org", "mail.hooli.net",
]
SEGMENTS: list[str] = ["a", "orders", "welcome", "help", "docs", "start", "b", "classes", "team"]
QUERY_KEYS: list[str] = ["ref", "id", "utm_source", "utm_campaign", "q", "token"]
QUERY_VALUES: list[str] = ["email", "a1", "spring", "x", "spring-sale-winback-b",
                           "8f14e45fceea167a5a36dedd4bea2543"]
PLACEHOLDER_RESTS: list[str] = [
    "example.com", "example.com/welcome", "acme.com/{{url}}", "acme.com/orders/{id}",
    "acme.com/[LINK]", "yourcompany.com/start", "localhost/a", "192.168.0.1/a", "...",
    "{{tracking_url}}", "acme.com/TODO", "link",
]
"""What follows ``https://`` in a link that was never filled in (GR502 rejects each)."""


def check_count(name: str, value: object, *, minimum: int = 0) -> int:
    """``value`` if it is an int >= ``minimum``; otherwise InvalidArgument naming the argument."""
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise InvalidArgument(
            f"Expected {name} to be an int >= {minimum} but got {name}={value!r}"
        )
    return value


def check_flag(name: str, value: object) -> bool:
    """``value`` if it is a bool; otherwise InvalidArgument naming the argument."""
    if not isinstance(value, bool):
        raise InvalidArgument(f"Expected {name} to be a bool but got {name}={value!r}")
    return value


def formatted(template: str, *parts: SearchStrategy[Any]) -> SearchStrategy[str]:
    """``template.format(*drawn parts)``. A failing example then shows the finished string,
    where ``st.builds`` would show the call that made it."""
    return st.tuples(*parts).map(lambda drawn: template.format(*drawn))

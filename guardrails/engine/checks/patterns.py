"""``forbidden`` / ``required``: terms (whole words, any case) or regexes, optionally anchored."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

import regex

from guardrails.engine.base import (
    Hit,
    Params,
    Regexes,
    Runner,
    RunState,
    compile_pattern,
    finditer,
    match,
    search,
)

if TYPE_CHECKING:
    from guardrails.analyze import Message
    from guardrails.context import Context

__all__ = ["GREETING", "PatternParams", "compile_forbidden", "compile_required"]

GREETING = regex.compile(
    r"\A\s*(?:(?:hi|hello|hey|dear|greetings|good\s+(?:morning|afternoon|evening))\b"
    r"(?:\b(?:mrs?|ms|mx|dr|prof)\.|[^\n.!?]){0,60}"
    r"[,.!:;—-]*[ \t]*(?:\n|(?<=[,!:;.])\s)|[^\s,]{1,40},[ \t]*\n)\s*",
    regex.IGNORECASE,
)
"""A greeting line such as ``Hi Yusuf,`` that may precede the real first sentence."""


class PatternParams(Params):
    terms: tuple[str, ...] = ()
    """Literal terms, matched as whole words ignoring case."""
    patterns: Regexes = ()
    """Regular expressions (``regex`` module syntax), matched ignoring case unless told."""
    case_sensitive: bool = False
    anchor: Literal["anywhere", "start", "line_start"] = "anywhere"
    skip_greeting: bool = False
    """With ``anchor = "start"``: allow a greeting line before the match."""
    scope: Literal["visible", "raw"] = "visible"
    """``visible``: text the recipient reads (HTML rendered, URLs removed); ``raw``: as written."""


def _compile(p: PatternParams) -> regex.Pattern[str] | None:
    parts = [rf"(?<!\w){regex.escape(t)}(?!\w)" for t in p.terms]
    parts.extend(f"(?:{pat})" for pat in p.patterns)
    if not parts:
        return None
    flags = regex.MULTILINE | regex.VERSION0
    if not p.case_sensitive:
        flags |= regex.IGNORECASE
    body = "|".join(parts)
    if p.anchor == "line_start":
        body = rf"^[ \t>*_#-]*(?:{body})"
    return compile_pattern(body, flags)


def _text(message: Message, name: str, scope: str) -> str:
    if scope == "raw":
        return message.fields[name].raw
    return message.visible_without_urls(name)


def _matches(p: PatternParams, pattern: regex.Pattern[str], text: str) -> Iterator[regex.Match[str]]:
    if p.anchor == "start":
        start = 0
        if p.skip_greeting:
            greeting = GREETING.match(text)
            if greeting:
                start = greeting.end()
        end = len(text)
        while start < end and text[start].isspace():  # no slice: a body is kilobytes long
            start += 1
        m = match(pattern, text, start)
        if m:
            yield m
        return
    yield from finditer(pattern, text)


def compile_forbidden(params: Params) -> Runner:
    assert isinstance(params, PatternParams)
    p = params
    pattern = _compile(p)

    def run(message: Message, context: Context, state: RunState,
            fields: tuple[str, ...]) -> Iterator[Hit]:
        if pattern is None:
            return
        for name in fields:
            text = _text(message, name, p.scope)
            for m in _matches(p, pattern, text):
                found = m.group().strip()
                offset = m.start() if p.scope == "raw" else None
                yield Hit(name, detail=repr(found), evidence=found, offset=offset)

    return run


def compile_required(params: Params) -> Runner:
    assert isinstance(params, PatternParams)
    p = params
    pattern = _compile(p)

    def run(message: Message, context: Context, state: RunState,
            fields: tuple[str, ...]) -> Iterator[Hit]:
        if pattern is None:
            return
        for name in fields:
            if search(pattern, _text(message, name, p.scope)) is None:
                wanted = ", ".join(repr(t) for t in (*p.terms, *p.patterns))
                yield Hit(name, detail=f"missing {wanted}")

    return run

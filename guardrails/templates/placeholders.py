"""Tokenizing merge tags: Jinja/Liquid ``{{ x }}``, ``{% tag %}``, ``{# #}``, Handlebars, ``{x}``.

``tokenize`` never raises: text it cannot read as a tag stays text, and what a template engine
would refuse (an unclosed ``{{``) comes back as a ``Problem`` with its line.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Literal

__all__ = ["Filter", "Problem", "Token", "tokenize"]

TokenKind = Literal["output", "tag", "comment", "raw"]

_OPENER = re.compile(r"\{\{|\{%|\{#|\{(?=[A-Za-z_])")
_BRACE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\}(?!\})")
_PATH = re.compile(r"[A-Za-z_@][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*|\[[^\]\n]{0,40}\])*")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_FILTER = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\(\s*|:\s*|\s+)?(.*)", re.S)
_END_RAW = re.compile(r"\{%-?\s*endraw\s*-?%\}")
_END_COMMENT = re.compile(r"\{%-?\s*endcomment\s*-?%\}")
_HBS_BLOCKS = {"if": "if", "unless": "unless", "each": "each", "with": "with"}
_LITERAL_WORDS = frozenset({"true", "false", "none", "null", "nil", "not", "blank", "empty"})


@dataclass(frozen=True, slots=True)
class Filter:
    """One ``| name(arg)`` / ``| name: arg`` after an output expression."""

    name: str
    arg: str | None = None
    """The first argument as written, quotes removed (``truncate(20)`` → ``"20"``)."""


@dataclass(frozen=True, slots=True)
class Token:
    """One merge tag: where it is, what kind, and what it names."""

    kind: TokenKind
    start: int
    end: int
    line: int
    """1-based line of ``start``."""
    source: str
    name: str | None = None
    """Output: the variable path (``user.first_name``). Tag: the tag name (``if``, ``endif``)."""
    literal: str | None = None
    """Output: a quoted literal (``{{ "Hi" }}``). Raw: the verbatim content."""
    filters: tuple[Filter, ...] = ()
    local: str | None = None
    """Tag: the variable it defines (``for item in items``, ``set x = 1``, ``capture x``)."""
    style: Literal["jinja", "hbs", "brace"] = "jinja"


@dataclass(frozen=True, slots=True)
class Problem:
    """Template syntax a template engine would reject, at a 1-based line."""

    line: int
    message: str


class _Lines:
    """Offset → 1-based line, by binary search over newline offsets."""

    def __init__(self, text: str) -> None:
        self.breaks = [i for i, ch in enumerate(text) if ch == "\n"]

    def __call__(self, offset: int) -> int:
        return bisect.bisect_left(self.breaks, offset) + 1


def _strip_ws_control(body: str) -> str:
    """Jinja/Handlebars whitespace control (``{{- x -}}``, ``{{~x~}}``) changes no length here."""
    if body[:1] in "-+~":
        body = body[1:]
    if body[-1:] in "-+~":
        body = body[:-1]
    return body.strip()


def _split_pipes(expr: str) -> list[str]:
    """Split at ``|`` outside quotes and brackets (``a | default("x|y")`` → 2 parts)."""
    parts: list[str] = []
    depth, quote, start = 0, "", 0
    for i, ch in enumerate(expr):
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(depth - 1, 0)
        elif ch == "|" and depth == 0 and expr[i + 1:i + 2] != "|" and expr[i - 1:i] != "|":
            parts.append(expr[start:i])
            start = i + 1
    parts.append(expr[start:])
    return parts


def _unquote(text: str) -> str | None:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return None


def _first_arg(rest: str) -> str | None:
    rest = rest.strip().rstrip(")").strip()
    if not rest:
        return None
    quoted = re.match(r"(\"[^\"]*\"|'[^']*')", rest)
    if quoted:
        return quoted.group()[1:-1]
    return re.split(r"[,\s]", rest, maxsplit=1)[0] or None


def _expression(expr: str) -> tuple[str | None, str | None, tuple[Filter, ...]]:
    """(variable path, literal, filters) of an output expression; both None when unknown."""
    head, *rest = _split_pipes(expr)
    filters = []
    for part in rest:
        m = _FILTER.match(part)
        if m:
            filters.append(Filter(m.group(1).lower(), _first_arg(m.group(2))))
    head = head.strip()
    literal = _unquote(head)
    if literal is not None:
        return None, literal, tuple(filters)
    if _NUMBER.fullmatch(head):
        return None, head, tuple(filters)
    m = _PATH.match(head)
    if m is None or m.group().lower() in _LITERAL_WORDS:
        return None, None, tuple(filters)
    return m.group(), None, tuple(filters)


def _tag_parts(body: str) -> tuple[str, str | None]:
    """(tag name, the variable it defines) of a ``{% ... %}`` body."""
    m = _WORD.match(body)
    if m is None:
        return "", None
    name = m.group().lower()
    rest = body[m.end():].strip()
    local = _first_word(rest) if name in ("for", "tablerow", "set", "assign", "capture") else None
    if name == "set" and "=" not in rest:
        name = "setblock"  # {% set x %}...{% endset %} captures a block
    return name, local


def _first_word(text: str) -> str | None:
    m = _WORD.match(text)
    return m.group() if m else None


def _hbs(body: str, start: int, end: int, line: int, source: str) -> Token:
    """A Handlebars ``{{#if x}}``/``{{/if}}``/``{{else}}``/``{{> p}}``/``{{! c}}`` or output."""
    if body.startswith("!"):
        return Token("comment", start, end, line, source, style="hbs")
    if body.startswith("#") or body.startswith("/"):
        word = (_first_word(body[1:].strip()) or "").lower()
        name = _HBS_BLOCKS.get(word, word)
        local = None
        if name == "each":
            m = re.search(r"\bas\s*\|\s*([A-Za-z_]\w*)", body)
            local = m.group(1) if m else None
        tag = name if body.startswith("#") else f"end{name}"
        return Token("tag", start, end, line, source, name=tag, local=local, style="hbs")
    if body == "else" or body == "^":
        return Token("tag", start, end, line, source, name="else", style="hbs")
    if body.startswith("else "):
        return Token("tag", start, end, line, source, name="elif", style="hbs")
    if body.startswith(">"):
        return Token("tag", start, end, line, source, name="partial", style="hbs")
    var, literal, filters = _expression(body)
    return Token("output", start, end, line, source, name=var, literal=literal,
                 filters=filters, style="hbs")


def _output(text: str, at: int, line: int, problems: list[Problem]) -> tuple[Token | None, int]:
    triple = text.startswith("{{{", at)
    close = "}}}" if triple else "}}"
    stop = text.find(close, at + 2)
    newline = text.find("\n", at)
    nested = min((p for p in (text.find("{{", at + 2), text.find("{%", at + 2)) if p != -1),
                 default=-1)
    comment = text.startswith("{{!--", at)
    if comment:
        stop = text.find("--}}", at)
        close = "--}}"
    elif stop != -1 and ((newline != -1 and newline < stop) or (nested != -1 and nested < stop)):
        stop = -1
    if stop == -1:
        what = "'{{!--' comment" if comment else "'{{'"
        problems.append(Problem(line, f"unclosed {what} (no matching '{close}')"))
        return None, at + 2
    end = stop + len(close)
    source = text[at:end]
    body = _strip_ws_control(source[3:-3] if triple else source[2:-2])
    if comment:
        return Token("comment", at, end, line, source, style="hbs"), end
    if not body:
        problems.append(Problem(line, f"empty placeholder {source!r}"))
        return Token("comment", at, end, line, source), end
    if body[0] in "#/!>^" or body == "else" or body.startswith("else "):
        return _hbs(body, at, end, line, source), end
    name, literal, filters = _expression(body)
    return Token("output", at, end, line, source, name=name, literal=literal,
                 filters=filters), end


def _tag(text: str, at: int, line: int, problems: list[Problem]) -> tuple[Token | None, int]:
    stop = text.find("%}", at + 2)
    nested = min((p for p in (text.find("{%", at + 2), text.find("{{", at + 2)) if p != -1),
                 default=-1)
    if stop == -1 or (nested != -1 and nested < stop):
        problems.append(Problem(line, "unclosed '{%' (no matching '%}')"))
        return None, at + 2
    end = stop + 2
    name, local = _tag_parts(_strip_ws_control(text[at + 2:stop]))
    if name in ("raw", "comment"):
        closing = (_END_RAW if name == "raw" else _END_COMMENT).search(text, end)
        if closing is None:
            problems.append(Problem(line, f"'{{% {name} %}}' is never closed "
                                          f"(expected '{{% end{name} %}}')"))
            return Token("tag", at, end, line, text[at:end], name=name), end
        kind: TokenKind = "raw" if name == "raw" else "comment"
        return Token(kind, at, closing.end(), line, text[at:closing.end()], name=name,
                     literal=text[end:closing.start()]), closing.end()
    return Token("tag", at, end, line, text[at:end], name=name, local=local), end


def tokenize(text: str) -> tuple[list[Token], list[Problem]]:
    """Every merge tag in ``text`` in order, and the syntax problems found (never raises)."""
    tokens: list[Token] = []
    problems: list[Problem] = []
    if "{" not in text:
        return tokens, problems
    line_of = _Lines(text)
    pos = 0
    while True:
        m = _OPENER.search(text, pos)
        if m is None:
            break
        at = m.start()
        opener = m.group()
        token: Token | None
        if opener == "{{":
            token, pos = _output(text, at, line_of(at), problems)
        elif opener == "{%":
            token, pos = _tag(text, at, line_of(at), problems)
        elif opener == "{#":
            stop = text.find("#}", at + 2)
            if stop == -1:
                problems.append(Problem(line_of(at), "unclosed '{#' comment (no matching '#}')"))
                token, pos = None, at + 2
            else:
                token = Token("comment", at, stop + 2, line_of(at), text[at:stop + 2])
                pos = stop + 2
        else:
            brace = _BRACE.match(text, at)
            if brace is None:
                token, pos = None, at + 1
            else:
                token = Token("output", at, brace.end(), line_of(at), brace.group(),
                              name=brace.group(1), style="brace")
                pos = brace.end()
        if token is not None:
            tokens.append(token)
    return tokens, problems

"""Rendering a template tree with stand-in values, keeping every newline where it was.

Line-preserving on purpose: a tag renders to the newlines it contained, a branch left out
renders to its newlines, so line N of the rendering is line N of the template and violations
need no mapping. ``worst`` picks the longest branch of each if/case/for (a loop body counts
once), ``best`` the shortest (an if without else may print nothing), ``all`` prints every branch.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from guardrails.templates.blocks import Block, Node, Text
from guardrails.templates.placeholders import Token

__all__ = ["Mode", "Rendered", "compact", "render"]

Mode = Literal["worst", "best", "all"]
ValueFn = Callable[[Token], "str | None"]
"""The stand-in for an output token; None keeps the placeholder as written (compacted)."""


@dataclass(slots=True)
class Rendered:
    """Rendered text and the spans ``(start, end)`` where a stand-in value was put."""

    text: str = ""
    spans: list[tuple[int, int]] = field(default_factory=list)
    placeholders: list[str] = field(default_factory=list)
    """The placeholder each span stands for, as written (compacted): ``{{first_name}}``."""
    parts: list[str] = field(default_factory=list, repr=False)
    size: int = 0

    def add(self, text: str) -> None:
        if text:
            self.parts.append(text)
            self.size += len(text)

    def value(self, text: str, placeholder: str) -> None:
        if text:
            self.spans.append((self.size, self.size + len(text)))
            self.placeholders.append(placeholder)
        self.add(text)

    def extend(self, other: Rendered) -> None:
        self.spans.extend((a + self.size, b + self.size) for a, b in other.spans)
        self.placeholders.extend(other.placeholders)
        for part in other.parts:
            self.add(part)

    def visible(self) -> int:
        return self.size - sum(part.count("\n") for part in self.parts)

    def done(self) -> Rendered:
        self.text = "".join(self.parts)
        return self


def compact(tok: Token) -> str:
    """A kept placeholder as the reader wrote it, minus inner spaces: ``{{domain}}``."""
    if tok.style == "brace" or tok.name is None:
        return tok.source.replace("\n", " ")
    return f"{{{{{tok.name}}}}}"


def render(text: str, nodes: list[Node], value: ValueFn, mode: Mode) -> Rendered:
    """``text`` (whose tree is ``nodes``) with each output replaced by ``value(token)``."""
    out = Rendered()
    _nodes(text, nodes, value, mode, out)
    return out.done()


def _newlines(out: Rendered, text: str) -> None:
    out.add("\n" * text.count("\n"))


def _nodes(text: str, nodes: list[Node], value: ValueFn, mode: Mode, out: Rendered) -> None:
    for node in nodes:
        if isinstance(node, Text):
            out.add(text[node.start:node.end])
        elif isinstance(node, Token):
            _token(node, value, out)
        else:
            _block(text, node, value, mode, out)


def _token(tok: Token, value: ValueFn, out: Rendered) -> None:
    if tok.kind == "output":
        stand_in = value(tok)
        if stand_in is None:
            out.add(compact(tok))
        else:
            out.value(stand_in, compact(tok))
        _newlines(out, tok.source)
    elif tok.kind == "raw":
        content = tok.literal or ""
        out.add(content)
        out.add("\n" * (tok.source.count("\n") - content.count("\n")))
    else:
        _newlines(out, tok.source)


def _block(text: str, block: Block, value: ValueFn, mode: Mode, out: Rendered) -> None:
    _newlines(out, block.opener.source)
    if block.kind == "hidden":
        _newlines(out, text[block.opener.end:block.end])
        return
    first = 1 if block.opener.name == "case" else 0  # before the first {% when %}: nothing prints
    subs: dict[int, Rendered] = {}
    for i in range(first, len(block.branches)):
        sub = Rendered()
        _nodes(text, block.branches[i].nodes, value, mode, sub)
        subs[i] = sub
    chosen = set(subs)
    if block.kind == "choice" and mode != "all" and subs:
        if mode == "worst":
            chosen = {max(subs, key=lambda i: subs[i].visible())}
        elif block.optional:
            chosen = set()
        else:
            chosen = {min(subs, key=lambda i: subs[i].visible())}
    for i, branch in enumerate(block.branches):
        if i > 0:
            _newlines(out, branch.tag.source)
        if i in chosen:
            out.extend(subs[i])
        else:
            _newlines(out, text[branch.start:branch.end])
    if block.closer is not None:
        _newlines(out, block.closer.source)

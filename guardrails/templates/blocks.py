"""Block structure of a template: ``{% if %}…{% else %}…{% endif %}`` and friends as a tree.

Unbalanced blocks are reported as problems with the line of the tag; the tree is still built
(an unclosed block runs to the end of the text), so rendering always works.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from guardrails.templates.placeholders import Problem, Token

__all__ = ["Block", "Branch", "Node", "Text", "build", "show_tag"]

_CHOICE = frozenset({"if", "unless", "case", "for", "tablerow", "each"})
"""Blocks whose content may or may not appear: worst and best case pick a branch."""
_HIDDEN = frozenset({"capture", "macro", "setblock"})
"""Blocks whose content is stored, not printed."""
_PLAIN = frozenset({"block", "with", "filter", "call", "autoescape", "trans", "paginate",
                    "form", "style", "javascript", "schema", "spaceless", "embed", "apply"})
_BRANCHES = {"elif": ("if",), "elsif": ("if", "unless"), "when": ("case",),
             "else": ("if", "unless", "case", "for", "tablerow", "each")}


@dataclass(slots=True)
class Text:
    """Literal template text between tags."""

    start: int
    end: int


@dataclass(slots=True)
class Branch:
    """One alternative of a block: its opening tag and the nodes up to the next tag."""

    tag: Token
    start: int
    end: int = -1
    nodes: list[Node] = field(default_factory=list)


@dataclass(slots=True)
class Block:
    """A block tag with its branches; ``optional`` when no ``else`` branch exists."""

    kind: Literal["choice", "hidden", "plain"]
    opener: Token
    branches: list[Branch]
    closer: Token | None = None
    optional: bool = True

    @property
    def end(self) -> int:
        return self.closer.end if self.closer is not None else self.branches[-1].end


Node = Text | Token | Block


def show_tag(name: str, style: str) -> str:
    """How a tag is written: ``{% endif %}`` (Jinja/Liquid) or ``{{/if}}`` (Handlebars)."""
    if style == "hbs":
        if name.startswith("end"):
            return f"{{{{/{name[3:]}}}}}"
        if name in ("else", "elif"):
            return "{{else}}"
        return f"{{{{#{name}}}}}"
    return f"{{% {name.replace('setblock', 'set')} %}}"


def _kind(name: str) -> Literal["choice", "hidden", "plain"]:
    if name in _CHOICE:
        return "choice"
    if name in _HIDDEN:
        return "hidden"
    return "plain"


def build(text: str, tokens: list[Token]) -> tuple[list[Node], list[Problem]]:
    """The node tree of ``text`` and its block-structure problems."""
    ended = {t.name[3:] for t in tokens if t.kind == "tag" and t.name and t.name.startswith("end")}
    openers = _CHOICE | _HIDDEN | _PLAIN | (ended - {""})
    root: list[Node] = []
    stack: list[Block] = []
    problems: list[Problem] = []
    current = root
    pos = 0
    for tok in tokens:
        if tok.start > pos:
            current.append(Text(pos, tok.start))
        pos = tok.end
        name = tok.name or ""
        if tok.kind != "tag":
            current.append(tok)
            continue
        if name in openers:
            block = Block(_kind(name), tok, [Branch(tok, tok.end)])
            current.append(block)
            stack.append(block)
            current = block.branches[-1].nodes
        elif name.startswith("end") and name[3:] in openers:
            target = name[3:]
            if not any(b.opener.name == target for b in stack):
                problems.append(Problem(tok.line, f"'{show_tag(name, tok.style)}' without an "
                                                  f"open '{show_tag(target, tok.style)}'"))
                current.append(tok)
                continue
            while stack[-1].opener.name != target:
                _unclosed(stack.pop(), tok.start, problems)
            block = stack.pop()
            block.branches[-1].end = tok.start
            block.closer = tok
            current = stack[-1].branches[-1].nodes if stack else root
        elif name in _BRANCHES:
            if stack and stack[-1].opener.name in _BRANCHES[name]:
                block = stack[-1]
                block.branches[-1].end = tok.start
                block.branches.append(Branch(tok, tok.end))
                block.optional = block.optional and name != "else"
                current = block.branches[-1].nodes
            else:
                allowed = ", ".join(show_tag(n, tok.style) for n in _BRANCHES[name])
                problems.append(Problem(tok.line, f"'{show_tag(name, tok.style)}' outside "
                                                  f"a block it belongs to ({allowed})"))
                current.append(tok)
        else:
            current.append(tok)
    if pos < len(text):
        current.append(Text(pos, len(text)))
    while stack:
        _unclosed(stack.pop(), len(text), problems)
    problems.sort(key=lambda p: p.line)
    return root, problems


def _unclosed(block: Block, end: int, problems: list[Problem]) -> None:
    block.branches[-1].end = end
    name, style = block.opener.name or "", block.opener.style
    problems.append(Problem(block.opener.line, f"'{show_tag(name, style)}' is never closed "
                                               f"(expected '{show_tag('end' + name, style)}')"))

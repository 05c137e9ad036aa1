"""Tolerant Markdown reader for what LLMs write: a tiny typed AST, plain-text and email renderers.

Not CommonMark (no HTML blocks, reference links, setext headings, indented code); linear time.
"""

from __future__ import annotations

import html
import re
from typing import Literal, NamedTuple

from guardrails.formats.markdown_inline import (
    MAX_BRACKETS as MAX_BRACKETS,
)
from guardrails.formats.markdown_inline import (
    MAX_EMPHASIS_CHARS as MAX_EMPHASIS_CHARS,
)
from guardrails.formats.markdown_inline import (
    MAX_INLINE_DEPTH as MAX_INLINE_DEPTH,
)
from guardrails.formats.markdown_inline import (
    SLACK_LINK_RE,
    SLACK_MENTION_RE,
    Inline,
    InlineKind,
    linkable_url,
    mention_text,
    parse_inlines,
    plain_text,
)

__all__ = [
    "SLACK_LINK_RE",
    "SLACK_MENTION_RE",
    "Block",
    "BlockKind",
    "Inline",
    "InlineKind",
    "linkable_url",
    "list_item",
    "looks_like_markdown",
    "markdown_to_html",
    "markdown_to_text",
    "mention_text",
    "parse_markdown",
    "starts_block",
]

BlockKind = Literal["paragraph", "heading", "list", "item", "code", "quote", "rule"]
MAX_BLOCK_DEPTH = 12  # lists/quotes nested deeper are read as paragraph text

_FENCE_RE = re.compile(r"(`{3,}|~{3,})(.*)")
_HEADING_RE = re.compile(r"(#{1,6})(?:[ \t](.*))?$")
_LIST_RE = re.compile(r"( *)([-*+•]|[0-9]{1,9}[.)])(?:[ \t]+|$)")
_MD_HINT = re.compile(
    r"^[ \t]{0,3}#{1,6}[ \t]+\S|\*\*[^\s*]|__[^\s_]|~~[^\s~]|`[^`\n]{1,200}`"
    r"|\[[^\[\]\n]{1,300}\]\([^()\s]{1,500}\)|^[ \t]{0,8}(?:[-*+•]|[0-9]{1,3}[.)])[ \t]+\S"
    r"|^[ \t]{0,3}(?:```|~~~)",
    re.MULTILINE,
)


class Block(NamedTuple):
    """One block: paragraphs and headings hold ``inlines``; lists, items and quotes ``children``."""

    kind: BlockKind
    inlines: tuple[Inline, ...] = ()
    children: tuple[Block, ...] = ()
    level: int = 0
    ordered: bool = False
    start: int = 1
    text: str = ""
    info: str = ""


def parse_markdown(text: str) -> list[Block]:
    """Parse Markdown into blocks; anything unrecognised is kept as paragraph text."""
    return _parse_blocks(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 0)


def starts_block(line: str) -> bool:
    """Whether ``line`` would open a heading, list, quote, fence or rule at the top level."""
    ex = _expand(line)
    body = ex.lstrip(" ")
    return bool(body.strip(" \t")) and _block_start(ex, body, 0) is not None


def looks_like_markdown(text: str) -> bool:
    """Cheap source sniffing: headings, ``**``, links, list markers, fences or code spans."""
    return _MD_HINT.search(text) is not None


# ---------------------------------------------------------------------------------------- blocks


def _expand(line: str) -> str:
    body = line.lstrip(" \t")
    lead = line[: len(line) - len(body)]
    return lead.expandtabs(4) + body if "\t" in lead else line


def _blank(line: str) -> bool:
    return not line.strip(" \t")


def _is_rule(body: str) -> bool:
    t = body.replace(" ", "").replace("\t", "")
    return len(t) >= 3 and t[0] in "-*_" and t == t[0] * len(t)


def _block_start(line: str, body: str, depth: int) -> str | None:
    c = body[0]
    if c in "`~" and (m := _FENCE_RE.match(body)) and not (c == "`" and "`" in m.group(2)):
        return "fence"
    if c == "#" and _HEADING_RE.match(body):
        return "heading"
    if c in "-*_" and _is_rule(body):
        return "rule"
    if c == ">" and depth < MAX_BLOCK_DEPTH:
        return "quote"
    if depth < MAX_BLOCK_DEPTH and (c in "-*+•" or "0" <= c <= "9") and _LIST_RE.match(line):
        return "list"
    return None


def _parse_blocks(lines: list[str], depth: int) -> list[Block]:
    out: list[Block] = []
    para: list[str] = []
    i, n = 0, len(lines)
    while i < n:
        line = _expand(lines[i])
        body = line.lstrip(" ")
        if _blank(body):
            _flush(para, out)
            i += 1
            continue
        kind = _block_start(line, body, depth)
        if kind is None:
            para.append(body)
            i += 1
            continue
        _flush(para, out)
        if kind == "fence":
            block, i = _parse_fence(lines, i)
        elif kind == "list":
            block, i = _parse_list(lines, i, depth)
        elif kind == "quote":
            block, i = _parse_quote(lines, i, depth)
        else:
            block = _heading(body) if kind == "heading" else Block(kind="rule")
            i += 1
        out.append(block)
    _flush(para, out)
    return out


def _flush(para: list[str], out: list[Block]) -> None:
    if para:
        out.append(Block(kind="paragraph", inlines=parse_inlines("\n".join(para).rstrip(" \t"))))
        para.clear()


def _heading(body: str) -> Block:
    m = _HEADING_RE.match(body)
    content = ((m.group(2) if m else None) or "").strip(" \t")
    trimmed = content.rstrip("#")
    if trimmed != content and (not trimmed or trimmed[-1] in " \t"):
        content = trimmed.rstrip(" \t")
    return Block(
        kind="heading", level=len(m.group(1)) if m else 1, inlines=parse_inlines(content, 2)
    )


def _parse_fence(lines: list[str], i: int) -> tuple[Block, int]:
    line = _expand(lines[i])
    body = line.lstrip(" ")
    indent = len(line) - len(body)
    m = _FENCE_RE.match(body)
    fence, info = (m.group(1), m.group(2).strip(" \t")) if m else ("```", "")
    content: list[str] = []
    j, closed = i + 1, False
    while j < len(lines):
        raw = lines[j]
        ex = _expand(raw)
        s = ex.lstrip(" ")
        j += 1
        if s.startswith(fence) and not s.rstrip(" \t").strip(fence[0]):
            closed = True
            break
        strip = min(indent, len(raw) - len(raw.lstrip(" ")))
        content.append(raw[strip:])
    while not closed and content and _blank(content[-1]):
        content.pop()
    return Block(kind="code", text="\n".join(content), info=info), j


def _parse_quote(lines: list[str], i: int, depth: int) -> tuple[Block, int]:
    inner: list[str] = []
    while i < len(lines):
        ex = _expand(lines[i])
        body = ex.lstrip(" ")
        if not body.startswith(">"):
            break
        rest = body[1:]
        inner.append(rest[1:] if rest[:1] in (" ", "\t") else rest)
        i += 1
    return Block(kind="quote", children=tuple(_parse_blocks(inner, depth + 1))), i


def _sibling(line: str, base: int, ordered: bool) -> re.Match[str] | None:
    m = _LIST_RE.match(line)
    if m is None or len(m.group(1)) >= base + 2 or (m.group(2)[-1] in ".)") != ordered:
        return None
    return m


def _parse_list(lines: list[str], i: int, depth: int) -> tuple[Block, int]:
    n = len(lines)
    first = _LIST_RE.match(_expand(lines[i]))
    marker = first.group(2) if first else "-"
    ordered = marker[-1] in ".)"
    base = len(first.group(1)) if first else 0
    items: list[Block] = []
    while i < n:
        line = _expand(lines[i])
        m = _sibling(line, base, ordered)
        if m is None:
            break
        col = m.end() if m.end() < len(line) else len(m.group(0).rstrip(" \t")) + 1
        body = [line[m.end() :]]
        i += 1
        while i < n:
            line = _expand(lines[i])
            stripped = line.lstrip(" ")
            indent = len(line) - len(stripped)
            if _blank(stripped):
                j = i
                while j < n and _blank(lines[j]):
                    j += 1
                if j < n and len(ex := _expand(lines[j])) - len(ex.lstrip(" ")) >= base + 2:
                    body.extend([""] * (j - i))
                    i = j
                    continue
                break
            if indent >= base + 2:
                body.append(line[min(indent, col) :])
            elif not _blank(body[-1]) and _block_start(line, stripped, depth) is None:
                body.append(stripped)  # lazy paragraph continuation
            else:
                break
            i += 1
        items.append(Block(kind="item", children=tuple(_parse_blocks(body, depth + 1))))
        j = i
        while j < n and _blank(lines[j]):
            j += 1
        if j >= n or _sibling(_expand(lines[j]), base, ordered) is None:
            break
        i = j
    start = int(marker[:-1]) if ordered else 1
    return Block(kind="list", ordered=ordered, start=start, children=tuple(items)), i


# --------------------------------------------------------------------------------------- inlines


# ------------------------------------------------------------------------------------- renderers


def list_item(marker: str, body: str) -> str:
    """``marker body`` with the body's further lines indented under its first character."""
    pad = " " * (len(marker) + 1)
    first, _, rest = body.partition("\n")
    lines = [f"{marker} {first}".rstrip(" ")]
    lines.extend(pad + line if line else "" for line in rest.split("\n") if rest)
    return "\n".join(lines)


def _text_blocks(blocks: tuple[Block, ...] | list[Block], sep: str) -> str:
    chunks: list[str] = []
    for b in blocks:
        if b.kind in ("paragraph", "heading"):
            lines = (line.strip(" \t") for line in plain_text(b.inlines).split("\n"))
            chunk = "\n".join(line for line in lines if line)
        elif b.kind == "code":
            chunk = b.text
        elif b.kind == "quote":
            chunk = _text_blocks(b.children, "\n\n")
        elif b.kind == "list":
            markers = (f"{b.start + i}." if b.ordered else "-" for i in range(len(b.children)))
            items = zip(markers, b.children, strict=True)
            chunk = "\n".join(list_item(m, _text_blocks(it.children, "\n")) for m, it in items)
        else:
            chunk = ""
        if chunk.strip():
            chunks.append(chunk)
    return sep.join(chunks)


def markdown_to_text(text: str) -> str:
    """Plain text: markers dropped, links as ``text (url)``, lists as ``- item``/``1. item``.

    Idempotent: re-rendered until stable, so code that looks like Markdown is rendered too."""
    out = _text_blocks(parse_markdown(text), "\n\n")
    for _ in range(8):
        again = _text_blocks(parse_markdown(out), "\n\n")
        if again == out:
            break
        out = again
    return out


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _html_inlines(nodes: tuple[Inline, ...], bold: bool = False) -> str:
    parts: list[str] = []
    for nd in nodes:
        k = nd.kind
        if (k == "strong" and bold) or k == "strike":
            parts.append(_html_inlines(nd.children, bold))
        elif k in ("strong", "em"):
            tag = "strong" if k == "strong" else "em"
            inner = _html_inlines(nd.children, bold or k == "strong")
            parts.append(f"<{tag}>{inner}</{tag}>")
        elif k in ("link", "image"):
            label = _esc(nd.text) if k == "image" else _html_inlines(nd.children, bold)
            url = linkable_url(nd.url)
            parts.append(f'<a href="{_esc(url)}">{label or _esc(url)}</a>' if url else label)
        elif k == "hardbreak":
            parts.append("<br>\n")
        else:
            parts.append(_esc(plain_text((nd,))))
    return "".join(parts)


def _html_blocks(blocks: tuple[Block, ...] | list[Block]) -> str:
    chunks: list[str] = []
    for b in blocks:
        if b.kind == "paragraph":
            chunks.append(f"<p>{_html_inlines(b.inlines)}</p>")
        elif b.kind == "heading":
            chunks.append(f"<p><strong>{_html_inlines(b.inlines, True)}</strong></p>")
        elif b.kind == "code" and b.text.strip():
            chunks.append("<p>" + _esc(b.text).replace("\n", "<br>\n") + "</p>")
        elif b.kind == "quote":
            chunks.append(_html_blocks(b.children))
        elif b.kind == "list":
            tag = "ol" if b.ordered else "ul"
            items = "".join(f"<li>{_html_item(it)}</li>" for it in b.children)
            chunks.append(f"<{tag}>{items}</{tag}>")
    return "\n".join(chunk for chunk in chunks if chunk)


def _html_item(item: Block) -> str:
    kids = item.children
    if len(kids) == 1 and kids[0].kind == "paragraph":
        return _html_inlines(kids[0].inlines)
    return _html_blocks(kids)


def markdown_to_html(text: str) -> str:
    """Simple email HTML (p, strong, em, a[href], br, ul, ol, li); input HTML is escaped as text."""
    return _html_blocks(parse_markdown(text))

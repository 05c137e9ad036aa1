"""Tolerant Markdown reader for what LLMs write: a tiny typed AST, plain-text and email renderers.

Not CommonMark (no HTML blocks, reference links, setext headings, indented code); linear time.
"""

from __future__ import annotations

import bisect
import html
import re
import string
import unicodedata
from typing import Literal, NamedTuple
from urllib.parse import quote

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
InlineKind = Literal[
    "text", "escape", "entity", "code", "strong", "em", "strike",
    "link", "image", "mention", "hardbreak",
]  # fmt: skip

MAX_BLOCK_DEPTH = 12  # lists/quotes nested deeper are read as paragraph text
MAX_INLINE_DEPTH = 32  # emphasis/links nested deeper stay literal
MAX_EMPHASIS_CHARS = 5000  # a paragraph with more "*", "_", "~" keeps them all literal
MAX_BRACKETS = 2000  # a paragraph with more "[" has no links

_SCHEME = (
    r"(?!(?i:javascript|vbscript|data|file):)"
    r"(?:(?i:https?|mailto|tel|sms|ftp):|[A-Za-z][A-Za-z0-9+.\-]{0,31}://)"
)
SLACK_LINK_RE = re.compile(rf"<({_SCHEME}[^\s<>|]*)(?:\|([^<>\n]*))?>")
SLACK_MENTION_RE = re.compile(
    r"<(?:[@#][A-Z0-9]{2,}|!(?:here|channel|everyone)|!(?:subteam|date)\^[^<>|\n]*)"
    r"(?:\|[^<>\n]*)?>"
)
_LINKABLE = re.compile(_SCHEME)
_URL_UNSAFE = re.compile(r"[\s<>|]")

_FENCE_RE = re.compile(r"(`{3,}|~{3,})(.*)")
_HEADING_RE = re.compile(r"(#{1,6})(?:[ \t](.*))?$")
_LIST_RE = re.compile(r"( *)([-*+•]|[0-9]{1,9}[.)])(?:[ \t]+|$)")
_SPECIALS = {  # (emphasis, links) → scanner; "_" inside a word and soft breaks are not special
    (emph, link): re.compile(
        "[\\\\`<&" + "*~" * emph + "\\[\\]!" * link + "]|(?<! ) ++\n|https?://"
        + r"|(?<!\w)_+|(?<!_)_++(?![^\W_])" * emph
    )
    for emph in (True, False) for link in (True, False)
}  # fmt: skip
_SPECIAL = _SPECIALS[True, True]
_TICKS = re.compile(r"`+")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_XML_ENTITIES = re.compile(r"(?:&(?:amp|lt|gt);)+")
_BR = re.compile(r"<br[ \t]*/?>", re.IGNORECASE)
_BARE_URL = re.compile(r"https?://[^\s<>\[\]`]{1,2048}")
_DEST = re.compile(
    r"\([ \t\n]{0,3}(?:<([^<>\n]{0,2048})>"
    r"|((?:[^\s()\\]|\\[^\n]|\((?:[^\s()\\]|\\[^\n]){0,512}\)){0,2048}))"
    r"(?:[ \t\n]{1,3}(?:\"[^\"]{0,512}\"|'[^']{0,512}'|\([^()]{0,512}\)))?[ \t\n]{0,3}\)"
)
_DEST_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_MD_HINT = re.compile(
    r"^[ \t]{0,3}#{1,6}[ \t]+\S|\*\*[^\s*]|__[^\s_]|~~[^\s~]|`[^`\n]{1,200}`"
    r"|\[[^\[\]\n]{1,300}\]\([^()\s]{1,500}\)|^[ \t]{0,8}(?:[-*+•]|[0-9]{1,3}[.)])[ \t]+\S"
    r"|^[ \t]{0,3}(?:```|~~~)",
    re.MULTILINE,
)
_PUNCT = frozenset(string.punctuation)


class Inline(NamedTuple):
    """One inline node; ``marker`` keeps its syntax (``*``/``__``, the code span, ``[``/``<``).

    ``text``: literal (soft breaks as ``\\n``), raw ``&…;``, image alt, or raw Slack link label."""

    kind: InlineKind
    text: str = ""
    url: str = ""
    children: tuple[Inline, ...] = ()
    marker: str = ""


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


def linkable_url(url: str) -> str | None:
    """``url`` with whitespace, ``<``, ``>``, ``|`` percent-encoded; None for an unsafe scheme."""
    if not _LINKABLE.match(url):
        return None
    return _URL_UNSAFE.sub(lambda m: quote(m.group(), safe=""), url)


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
        out.append(Block(kind="paragraph", inlines=_parse_inlines("\n".join(para).rstrip(" \t"))))
        para.clear()


def _heading(body: str) -> Block:
    m = _HEADING_RE.match(body)
    content = ((m.group(2) if m else None) or "").strip(" \t")
    trimmed = content.rstrip("#")
    if trimmed != content and (not trimmed or trimmed[-1] in " \t"):
        content = trimmed.rstrip(" \t")
    return Block(
        kind="heading", level=len(m.group(1)) if m else 1, inlines=_parse_inlines(content, 2)
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


class _Frame:
    """An emphasis pair matched by the delimiter algorithm; ``literal`` when nested too deep."""

    __slots__ = ("kind", "literal", "marker")

    def __init__(self, kind: InlineKind, marker: str) -> None:
        self.kind: InlineKind = kind
        self.marker = marker
        self.literal = False


class _Delim:
    """A run of ``*``, ``_`` or ``~`` on the delimiter stack (a doubly linked list)."""

    __slots__ = (
        "can_close", "can_open", "char", "closes", "count", "next", "opens", "orig", "prev",
    )  # fmt: skip

    def __init__(self, char: str, count: int, can_open: bool, can_close: bool) -> None:
        self.char, self.count, self.orig = char, count, count
        self.can_open, self.can_close = can_open, can_close
        self.prev: _Delim | None = None
        self.next: _Delim | None = None
        self.opens: list[_Frame] = []
        self.closes: list[_Frame] = []


class _Bracket:
    """A ``[`` or ``![`` that may become a link; ``url`` is set once its ``](…)`` is found."""

    __slots__ = ("bottom", "image", "literal", "source", "url")

    def __init__(self, image: bool, bottom: _Delim | None) -> None:
        self.image, self.bottom = image, bottom
        self.url: str | None = None
        self.source = ""
        self.literal = False


class _End:
    __slots__ = ("bracket",)

    def __init__(self, bracket: _Bracket) -> None:
        self.bracket = bracket


_Node = str | Inline | _Delim | _Bracket | _End


def _is_punct(ch: str) -> bool:
    return ch in _PUNCT or (ch > "\x7f" and unicodedata.category(ch)[0] in "PS")


def _parse_inlines(src: str, bonus: int = 0) -> tuple[Inline, ...]:
    """Parse one paragraph or heading; ``bonus`` counts the ``*…*`` a heading renders to.

    The caps count characters that rendering never adds, so a re-read keeps the same mode.
    """
    if not _SPECIAL.search(src):
        return (Inline(kind="text", text=src),) if src else ()
    emphasis = src.count("*") + src.count("_") + src.count("~") + bonus <= MAX_EMPHASIS_CHARS
    return _InlineParser(src, emphasis, src.count("[") <= MAX_BRACKETS).run()


class _InlineParser:
    """Left-to-right scanner plus CommonMark's delimiter-stack emphasis algorithm (linear time)."""

    def __init__(self, src: str, emphasis: bool, links: bool) -> None:
        self.s, self.emphasis, self.links = src, emphasis, links
        self.nodes: list[_Node] = []
        self.top: _Delim | None = None
        self.brackets: list[_Bracket] = []
        self.dead = 0  # brackets below this index cannot open links (no links inside links)
        self.scan = _SPECIALS[emphasis, links]
        self.ticks: dict[int, list[int]] | None = None  # backtick run length → start offsets

    def run(self) -> tuple[Inline, ...]:
        s, pos = self.s, 0
        while pos < len(s):
            m = self.scan.search(s, pos)
            if m is None:
                self.nodes.append(s[pos:])
                break
            if m.start() > pos:
                self.nodes.append(s[pos : m.start()])
            pos = self._special(m.start(), m.group())
        self._emphasis(None)
        return self._build()

    def _special(self, k: int, tok: str) -> int:
        s, c = self.s, tok[0]
        nxt = s[k + 1 : k + 2]
        if c == "\\":
            if nxt == "\n":
                self.nodes.append(Inline(kind="hardbreak"))
                return k + 2
            if nxt in _PUNCT and nxt:
                self.nodes.append(Inline(kind="escape", text=nxt))
                return k + 2
        elif c == "`":
            return self._code(k)
        elif c in "*_~":
            return self._delim(k, c)
        elif c == "[" or (c == "!" and nxt == "["):
            br = _Bracket(c == "!", self.top)
            self.brackets.append(br)
            self.nodes.append(br)
            return k + len(c) + (c == "!")
        elif c == "]":
            return self._close_bracket(k)
        elif c == "<":
            return self._angle(k)
        elif c == "&":
            if m := _XML_ENTITIES.match(s, k):  # decoded here; renderers escape them again
                self.nodes.append(html.unescape(m.group()))
                return m.end()
            if (m := _ENTITY.match(s, k)) and html.unescape(m.group()) != m.group():
                self.nodes.append(Inline(kind="entity", text=m.group()))
                return m.end()
        elif c == " ":  # spaces before a line break: two or more make it a hard break
            self.nodes.append(Inline(kind="hardbreak") if len(tok) > 2 else "\n")
            return k + len(tok)
        elif c == "h":
            return self._bare_url(k, tok)
        self.nodes.append(c)
        return k + 1

    def _code(self, k: int) -> int:
        s = self.s
        if self.ticks is None:
            self.ticks = {}
            for tick in _TICKS.finditer(s):
                self.ticks.setdefault(len(tick.group()), []).append(tick.start())
        tm = _TICKS.match(s, k)
        run = len(tm.group()) if tm else 1
        start = k + run
        runs = self.ticks.get(run, [])
        i = bisect.bisect_left(runs, start)
        if i == len(runs):
            self.nodes.append("`" * run)
            return start
        end = runs[i]
        body = s[start:end].replace("\n", " ")
        if len(body) > 2 and body[0] == " " and body[-1] == " " and body.strip(" "):
            body = body[1:-1]
        self.nodes.append(Inline(kind="code", text=body, marker=s[k : end + run]))
        return end + run

    def _delim(self, k: int, c: str) -> int:
        s = self.s
        j = k
        while j < len(s) and s[j] == c:
            j += 1
        run = j - k
        before = s[k - 1] if k else "\n"
        after = s[j] if j < len(s) else "\n"
        ws_b, ws_a = before.isspace(), after.isspace()
        p_b, p_a = _is_punct(before), _is_punct(after)
        left = not ws_a and (not p_a or ws_b or p_b)
        right = not ws_b and (not p_b or ws_a or p_a)
        if c == "_":
            left, right = left and (not right or p_b), right and (not left or p_a)
        if not (left or right) or not self.emphasis or (c == "~" and run > 2):
            self.nodes.append(s[k:j])
            return j
        d = _Delim(c, run, left, right)
        d.prev = self.top
        if self.top is not None:
            self.top.next = d
        self.top = d
        self.nodes.append(d)
        return j

    def _close_bracket(self, k: int) -> int:
        if not self.brackets:
            self.nodes.append("]")
            return k + 1
        br = self.brackets.pop()
        active = br.image or len(self.brackets) >= self.dead
        self.dead = min(self.dead, len(self.brackets))
        m = _DEST.match(self.s, k + 1) if active else None
        if m is None:
            self.nodes.append("]")
            return k + 1
        url = m.group(1) if m.group(1) is not None else m.group(2)
        br.url = html.unescape(_DEST_ESCAPE.sub(r"\1", url))
        br.source = "]" + m.group()
        self._emphasis(br.bottom)
        self.nodes.append(_End(br))
        if not br.image:
            self.dead = len(self.brackets)
        return m.end()

    def _angle(self, k: int) -> int:
        s, nxt = self.s, self.s[k + 1 : k + 2]
        m = SLACK_LINK_RE.match(s, k) if nxt.isalpha() or nxt in ("@", "#", "!") else None
        if m is not None:
            label = m.group(2) or ""
            kid = Inline(kind="text", text=html.unescape(label) if label else m.group(1))
            node = Inline(kind="link", url=m.group(1), text=label, marker="<", children=(kid,))
        elif nxt and (m := SLACK_MENTION_RE.match(s, k)):
            node = Inline(kind="mention", text=m.group())
        elif nxt in ("b", "B") and (m := _BR.match(s, k)):
            node = Inline(kind="hardbreak", marker="<br>")
        else:
            self.nodes.append("<")
            return k + 1
        self.nodes.append(node)
        return m.end()

    def _bare_url(self, k: int, tok: str) -> int:
        s = self.s
        m = _BARE_URL.match(s, k) if k == 0 or s[k - 1].isspace() or s[k - 1] in "*_~(" else None
        url = m.group() if m else ""
        opens, closes = url.count("("), url.count(")")
        while url:
            if url[-1] in "?!.,:;*_~'\"":
                url = url[:-1]
            elif url[-1] == ")" and closes > opens:
                url, closes = url[:-1], closes - 1
            else:
                break
        if len(url) <= len(tok):
            self.nodes.append(tok)
            return k + len(tok)
        self.nodes.append(Inline(kind="link", url=url, children=(Inline(kind="text", text=url),)))
        return k + len(url)

    def _unlink(self, d: _Delim) -> None:
        if d.prev is not None:
            d.prev.next = d.next
        if d.next is not None:
            d.next.prev = d.prev
        if self.top is d:
            self.top = d.prev

    def _emphasis(self, bottom: _Delim | None) -> None:
        """Match delimiter runs above ``bottom`` (CommonMark 'process emphasis'), then drop them."""
        first, cur = None, self.top
        while cur is not None and cur is not bottom:
            first, cur = cur, cur.prev
        floors: dict[tuple[str, int, bool], _Delim | None] = {}
        closer = first
        while closer is not None:
            if not closer.can_close:
                closer = closer.next
                continue
            key = (
                closer.char,
                closer.orig if closer.char == "~" else closer.orig % 3,
                closer.can_open,
            )
            floor = floors.get(key, bottom)
            opener = closer.prev
            while opener is not None and opener is not bottom and opener is not floor:
                if opener.char == closer.char and opener.can_open and _pairs(opener, closer):
                    break
                opener = opener.prev
            else:
                opener = None
            if opener is None:
                floors[key] = closer.prev
                nxt = closer.next
                if not closer.can_open:
                    self._unlink(closer)
                closer = nxt
                continue
            use = closer.count if closer.char == "~" else min(2, opener.count, closer.count)
            kind: InlineKind = "strike" if closer.char == "~" else ("strong" if use == 2 else "em")
            frame = _Frame(kind, closer.char * use)
            opener.count -= use
            closer.count -= use
            opener.opens.append(frame)
            closer.closes.append(frame)
            opener.next, closer.prev = closer, opener
            if opener.count == 0:
                self._unlink(opener)
            if closer.count == 0:
                nxt = closer.next
                self._unlink(closer)
                closer = nxt
        self.top = bottom
        if bottom is not None:
            bottom.next = None

    def _build(self) -> tuple[Inline, ...]:
        kids: list[list[Inline | str]] = [[]]
        opened: list[_Frame | _Bracket] = []
        for node in self.nodes:
            if isinstance(node, str | Inline):
                kids[-1].append(node)
            elif isinstance(node, _Delim):
                for fr in node.closes:
                    _close(kids, opened, fr)
                if node.count:
                    kids[-1].append(node.char * node.count)
                for fr in reversed(node.opens):
                    _open(kids, opened, fr)
            elif isinstance(node, _Bracket):
                if node.url is None:
                    kids[-1].append("![" if node.image else "[")
                else:
                    _open(kids, opened, node)
            else:
                _close(kids, opened, node.bracket)
        while len(kids) > 1:
            _close(kids, opened, opened[-1])
        return _merge(kids[0])


def _pairs(opener: _Delim, closer: _Delim) -> bool:
    if closer.char == "~":
        return opener.count == closer.count
    if not (opener.can_close or closer.can_open):
        return True
    total = opener.orig + closer.orig
    return total % 3 != 0 or (opener.orig % 3 == 0 and closer.orig % 3 == 0)


def _open(
    kids: list[list[Inline | str]], opened: list[_Frame | _Bracket], fr: _Frame | _Bracket
) -> None:
    if len(opened) >= MAX_INLINE_DEPTH:
        fr.literal = True
        kids[-1].append(fr.marker if isinstance(fr, _Frame) else "![" if fr.image else "[")
    else:
        opened.append(fr)
        kids.append([])


def _close(
    kids: list[list[Inline | str]], opened: list[_Frame | _Bracket], fr: _Frame | _Bracket
) -> None:
    if fr.literal or not opened or opened[-1] is not fr:
        kids[-1].append(fr.marker if isinstance(fr, _Frame) else fr.source)
        return
    opened.pop()
    children = _merge(kids.pop())
    if isinstance(fr, _Frame):
        node = Inline(kind=fr.kind, marker=fr.marker, children=children)
    elif fr.image:
        node = Inline(kind="image", url=fr.url or "", text=_plain(children), children=children)
    else:
        node = Inline(kind="link", url=fr.url or "", marker="[", children=children)
    kids[-1].append(node)


def _merge(items: list[Inline | str]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    buf: list[str] = []
    for item in items:
        if isinstance(item, str):
            buf.append(item)
            continue
        if buf:
            out.append(Inline(kind="text", text="".join(buf)))
            buf.clear()
        out.append(item)
    if buf:
        out.append(Inline(kind="text", text="".join(buf)))
    return tuple(out)


# ------------------------------------------------------------------------------------- renderers


def mention_text(raw: str) -> str:
    """Readable form of a Slack mention: ``<@U1|ana>`` → ``@ana``, ``<!here>`` → ``@here``."""
    target, _, label = raw[1:-1].partition("|")
    sigil = "#" if target[:1] == "#" else "@"
    if label:
        return label if label[:1] in "@#" or target.startswith("!date") else sigil + label
    return sigil + target.lstrip("@#!").split("^")[0]


def _link_text(label: str, url: str) -> str:
    label = label.strip()
    if not url or url == label:
        return label or url
    return f"{label} ({url})" if label else url


def _plain(nodes: tuple[Inline, ...]) -> str:
    parts: list[str] = []
    for nd in nodes:
        k = nd.kind
        if k in ("text", "escape", "code"):
            parts.append(nd.text)
        elif k == "entity":
            parts.append(html.unescape(nd.text))
        elif k == "hardbreak":
            parts.append("\n")
        elif k == "mention":
            parts.append(mention_text(nd.text))
        elif k == "image":
            parts.append(_link_text(nd.text, nd.url))
        elif k == "link":
            parts.append(_link_text(_plain(nd.children), nd.url))
        else:
            parts.append(_plain(nd.children))
    return "".join(parts)


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
            lines = (line.strip(" \t") for line in _plain(b.inlines).split("\n"))
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
            parts.append(_esc(_plain((nd,))))
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

"""Inline Markdown parser: a left-to-right scanner plus CommonMark's delimiter-stack emphasis.

Kept apart from the block reader in ``markdown.py`` because it is self-contained and large."""

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
    "Inline",
    "InlineKind",
    "linkable_url",
    "mention_text",
    "parse_inlines",
    "plain_text",
]

InlineKind = Literal[
    "text", "escape", "entity", "code", "strong", "em", "strike",
    "link", "image", "mention", "hardbreak",
]  # fmt: skip

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
_PUNCT = frozenset(string.punctuation)


class Inline(NamedTuple):
    """One inline node; ``marker`` keeps its syntax (``*``/``__``, the code span, ``[``/``<``).

    ``text``: literal (soft breaks as ``\\n``), raw ``&…;``, image alt, or raw Slack link label."""

    kind: InlineKind
    text: str = ""
    url: str = ""
    children: tuple[Inline, ...] = ()
    marker: str = ""


def linkable_url(url: str) -> str | None:
    """``url`` with whitespace, ``<``, ``>``, ``|`` percent-encoded; None for an unsafe scheme."""
    if not _LINKABLE.match(url):
        return None
    return _URL_UNSAFE.sub(lambda m: quote(m.group(), safe=""), url)


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


def parse_inlines(src: str, bonus: int = 0) -> tuple[Inline, ...]:
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
        node = Inline(kind="image", url=fr.url or "", text=plain_text(children), children=children)
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


# ------------------------------------------------------------------------------------ plain text


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


def plain_text(nodes: tuple[Inline, ...]) -> str:
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
            parts.append(_link_text(plain_text(nd.children), nd.url))
        else:
            parts.append(plain_text(nd.children))
    return "".join(parts)

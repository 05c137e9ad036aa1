"""Slack mrkdwn: convert Markdown or HTML to it, count its words, and find what Slack won't render.

Only ``&``, ``<``, ``>`` can be escaped in mrkdwn, so literal ``*``/``_``/``~`` are kept as is.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from lxml import etree
from lxml import html as lxml_html

from guardrails.formats.markdown import (
    Block,
    Inline,
    linkable_url,
    list_item,
    parse_markdown,
    starts_block,
)

__all__ = [
    "ProblemKind",
    "SlackLink",
    "SlackProblem",
    "html_to_mrkdwn",
    "markdown_to_mrkdwn",
    "slack_format_problems",
    "slack_links",
    "slack_word_count",
]

ProblemKind = Literal["html", "md_bold", "md_link", "md_heading", "md_image"]


@dataclass(frozen=True, slots=True, kw_only=True)
class SlackProblem:
    """Something Slack shows literally instead of formatting; ``offset`` indexes the input."""

    kind: ProblemKind
    snippet: str
    offset: int


@dataclass(frozen=True, slots=True, kw_only=True)
class SlackLink:
    """A ``<url|label>`` or ``<url>`` link; ``label`` is None when the link has none."""

    url: str
    label: str | None
    offset: int


_KEEP_ENTITY = re.compile(r"&(?!(?:amp|lt|gt);)")


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _esc_keep(text: str) -> str:
    """Escape for mrkdwn but leave ``&amp;``/``&lt;``/``&gt;`` alone (idempotent)."""
    return _KEEP_ENTITY.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")


# ------------------------------------------------------------------------- Markdown → mrkdwn


def markdown_to_mrkdwn(text: str) -> str:
    """Standard Markdown (or mrkdwn, or a mix) → Slack mrkdwn; converting twice equals once.

    ``**b**`` → ``*b*``; ``*x*`` stays (Markdown italic = mrkdwn bold; keeping it is idempotent)."""
    out = _render(text)
    for _ in range(_MAX_PASSES):
        # Collapsing "**" to "*" can make neighbouring markers pair up differently on a re-read
        # ("*_***__***"); re-render until stable. Real messages are stable after one pass.
        again = _render(out)
        if again == out:
            break
        out = again
    return out


_MAX_PASSES = 6


def _render(text: str) -> str:
    return _blocks(parse_markdown(text), "\n\n")


def _blocks(blocks: tuple[Block, ...] | list[Block], sep: str) -> str:
    chunks = (_block(b) for b in blocks)
    return sep.join(chunk for chunk in chunks if chunk)


def _block(b: Block) -> str:
    if b.kind == "paragraph":
        return _paragraph(_inlines(b.inlines, star=False, label=False))
    if b.kind == "heading":
        body = " ".join(_inlines(b.inlines, star=True, label=False).split("\n")).strip(" \t")
        return f"*{body}*" if body.strip("* \t") else ""
    if b.kind == "code":
        ticks = (t for s in b.text.split("\n") if (t := s.strip(" \t")) and not t.strip("`"))
        fence = "`" * max(3, max(map(len, ticks), default=0) + 1)  # longer than any inner fence
        return f"{fence}\n{b.text}\n{fence}" if b.text else f"{fence}\n{fence}"
    if b.kind == "quote":
        body = _blocks(b.children, "\n\n")
        return "\n".join(f"> {line}" if line else ">" for line in body.split("\n")) if body else ""
    if b.kind == "list":
        return "\n".join(
            list_item(f"{b.start + i}." if b.ordered else "•", _blocks(item.children, "\n"))
            for i, item in enumerate(b.children)
        )
    return "---" if b.kind == "rule" else ""


def _paragraph(text: str) -> str:
    """Tidy a rendered paragraph so it re-reads as one: a hard break that leaves a line opening
    a block ("*", "#") joins the previous line, or gets a ``\\`` when it is the first line."""
    lines: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip(" \t")
        if not line:
            continue
        if starts_block(line):
            if lines:
                lines[-1] += " " + line
                continue
            line = "\\" + line
        lines.append(line)
    return "\n".join(lines)


def _entity(raw: str) -> str:
    ch = html.unescape(raw)
    if ch in ("&", "<", ">"):
        return _esc(ch)
    # Only decode what cannot change how the text re-parses: non-ASCII punctuation/symbols.
    if len(ch) == 1 and ch > "\x7f" and ch != "•" and unicodedata.category(ch)[0] in "PS":
        return ch
    return "&amp;" + raw[1:]


def _inlines(nodes: tuple[Inline, ...], *, star: bool, label: bool) -> str:
    """Render inlines; ``star`` = inside ``*…*`` already (bold line or emphasis)."""
    parts: list[str] = []
    for nd in nodes:
        k = nd.kind
        if k == "text":
            parts.append(_esc(nd.text.replace("\n", " ") if label else nd.text))
        elif k == "escape":
            parts.append(_esc(nd.text) if nd.text in "&<>" else "\\" + nd.text)
        elif k == "entity":
            parts.append(_entity(nd.text))
        elif k == "code":
            parts.append(_esc(nd.marker.replace("\n", " ")) if label else nd.marker)
        elif k == "hardbreak":
            parts.append(" " if label else "\n")
        elif k == "mention":
            parts.append(_esc(nd.text) if label else nd.text)
        elif k == "strong":
            inner = _inlines(nd.children, star=True, label=label)
            parts.append(inner if star else f"*{inner}*")
        elif k == "em":
            mark = "_" if star or nd.marker == "_" else "*"
            inner = _inlines(nd.children, star=star or mark == "*", label=label)
            parts.append(f"{mark}{inner}{mark}")
        elif k == "strike":
            parts.append(f"~{_inlines(nd.children, star=star, label=label)}~")
        else:
            parts.append(_link(nd, star=star, label=label))
    return "".join(parts)


def _link(nd: Inline, *, star: bool, label: bool) -> str:
    if nd.kind == "image":
        text = _esc(" ".join(nd.text.split("\n")).strip())
    elif nd.marker == "<":
        text = _esc_keep(nd.text)
    else:
        text = _inlines(nd.children, star=star, label=True).strip(" ")
    url = linkable_url(nd.url)
    if label or url is None:
        return text
    return f"<{url}>" if not text or text == url else f"<{url}|{text}>"


# ----------------------------------------------------------------------------- HTML → mrkdwn

_DROP = frozenset(
    "script style head title template iframe object embed svg math select textarea".split()
)
_PARA = frozenset(
    "p h1 h2 h3 h4 h5 h6 pre blockquote table hr section article header footer "
    "aside nav figure address dl details form fieldset main".split()
)
_LINE = frozenset("div li tr dt dd caption summary figcaption".split())
_STYLE = {"b": "*", "strong": "*", "i": "_", "em": "_", "s": "~", "strike": "~", "del": "~"}
_STYLE |= {"code": "`", "kbd": "`", "samp": "`", "tt": "`"}
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_BLANKS = re.compile(r"\n{3,}")
_TAG_RE = re.compile(r"<[^<>]{0,2000}>")


class _Writer:
    """Streams mrkdwn for an lxml tree walked iteratively (safe on 10,000-deep nesting)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.last = "\n"  # last character written ("\n" at the start)
        self.drop = 0
        self.pre = 0
        self.active: dict[str, int] = {}  # marker → index in parts where its span starts
        self.lists: list[tuple[bool, list[int], str]] = []  # ordered, [counter], indent
        self.indents: list[str] = []  # content indentation of open <li>
        self.frames: list[tuple[str, int]] = []
        self.fresh = False  # a list marker was just written

    def write(self, piece: str) -> None:
        if piece:
            self.parts.append(piece)
            self.last = piece[-1]
            self.fresh = False

    def text(self, text: str | None) -> None:
        if not text or self.drop:
            return
        if self.pre:
            self.write(_esc(text))
            return
        text = _HTML_SPACE.sub(" ", text)
        if self.last in " \n":
            text = text.lstrip(" ")
        self.write(_esc(text))

    def newline(self, count: int) -> None:
        if not self.parts or self.fresh:  # nothing yet, or right after a list marker
            return
        count = 1 if self.indents else count
        tail = "".join(self.parts[-3:])
        have = len(tail) - len(tail.rstrip("\n"))
        if self.last == " ":
            self.parts[-1] = self.parts[-1].rstrip(" ")
        if count > have:
            self.write("\n" * (count - have))
        self.last = "\n"

    def replace_from(self, index: int, piece: str) -> None:
        del self.parts[index:]
        self.parts.append(piece)
        tail = "".join(self.parts[-2:])
        self.last = tail[-1] if tail else "\n"

    def start(self, tag: str, el: etree._Element) -> None:
        action, index = "", len(self.parts)
        if tag in _DROP or self.drop:  # inside script/style/svg…: nothing is written
            self.drop += 1
            self.frames.append(("drop", index))
            return
        if tag in _PARA or tag in _LINE:
            self.newline(2 if tag in _PARA else 1)
        if tag == "br":
            self.write("\n")
        elif tag == "hr":
            self.write("---")
        elif tag == "img":
            self.text(el.get("alt"))
        elif tag == "pre":
            self.pre += 1
            self.write("```\n")
            action = "pre"
        elif tag in ("ul", "ol"):
            self.newline(1 if self.indents else 2)
            indent = self.indents[-1] if self.indents else ""
            self.lists.append((tag == "ol", [0], indent))
            action = "list"
        elif tag == "li":
            ordered, counter, indent = self.lists[-1] if self.lists else (False, [0], "")
            counter[0] += 1
            marker = f"{counter[0]}." if ordered else "•"
            self.write(f"{indent}{marker} ")
            self.fresh = True
            self.indents.append(indent + " " * (len(marker) + 1))
            action = "li"
        elif tag == "a" and "a" not in self.active and el.get("href"):
            self.active["a"] = index
            action = "a"
        elif tag == "blockquote" and "q" not in self.active:
            self.active["q"] = index
            action = "q"
        mark = "*" if tag in _HEADINGS else _STYLE.get(tag, "")
        if mark and mark not in self.active and not self.pre:
            self.active[mark] = len(self.parts)
            action += "+" + mark
        self.frames.append((action, index))

    def end(self, tag: str, el: etree._Element) -> None:
        action, _ = self.frames.pop() if self.frames else ("", 0)
        name, _, mark = action.partition("+")
        if name == "drop":
            self.drop -= 1
            return
        if mark:
            self._wrap(mark)
        if name == "pre":
            self.pre -= 1
            self.newline(1)
            self.write("```")
        elif name == "list":
            self.lists.pop()
            self.newline(1 if self.indents else 2)
        elif name == "li":
            self.indents.pop()
            self.fresh = False
        elif name == "a":
            self._anchor(el.get("href") or "")
        elif name == "q":
            start = self.active.pop("q")
            body = "".join(self.parts[start:]).strip("\n")
            self.replace_from(start, "\n".join(f"> {ln}" if ln else ">" for ln in body.split("\n")))
        if tag in _PARA or tag in _LINE:
            self.newline(2 if tag in _PARA else 1)
        elif tag in ("td", "th") and self.last not in " \n":
            self.write(" ")

    def _wrap(self, mark: str) -> None:
        start = self.active.pop(mark)
        lines = []
        for line in "".join(self.parts[start:]).split("\n"):
            core = line.strip(" ")
            if core:
                lead = line[: len(line) - len(line.lstrip(" "))]
                trail = line[len(line.rstrip(" ")) :]
                line = f"{lead}{mark}{core}{mark}{trail}"
            lines.append(line)
        self.replace_from(start, "\n".join(lines))

    def _anchor(self, href: str) -> None:
        start = self.active.pop("a")
        label = " ".join("".join(self.parts[start:]).split())
        url = linkable_url(href.strip())
        if url is not None:
            self.replace_from(
                start, f"<{url}>" if not label or label == url else f"<{url}|{label}>"
            )

    def result(self) -> str:
        lines = (line.rstrip(" \t") for line in "".join(self.parts).split("\n"))
        return _BLANKS.sub("\n\n", "\n".join(lines)).strip("\n")


def html_to_mrkdwn(html_text: str) -> str:
    """HTML → mrkdwn with lxml; tolerant of malformed or deeply nested markup, never raises."""
    data = _XML_BAD.sub("", html_text)
    if not data.strip():
        return ""
    parser = lxml_html.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True
    )
    try:
        root = lxml_html.document_fromstring(data.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError):
        root = None
    if root is None or any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        # libxml2 stops at 2048 levels of nesting; keep the text rather than lose it.
        text = html.unescape(_TAG_RE.sub(" ", data))
        return _esc(" ".join(text.split()))
    body = root.find("body")
    top = body if body is not None else root
    writer = _Writer()
    for event, el in etree.iterwalk(top, events=("start", "end")):
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            writer.start(tag, el)
            writer.text(el.text)
        else:
            writer.end(tag, el)
            if el is not top:
                writer.text(el.tail)
    return writer.result()


# ----------------------------------------------------------------------------------- checks

_HTML_TAGS = (
    "a|abbr|b|blockquote|body|br|button|center|code|del|div|em|font|footer|form|h[1-6]|head"
    "|header|hr|html|i|iframe|img|input|ins|label|li|link|mark|meta|nav|ol|p|pre|s|script"
    "|section|small|span|strike|strong|style|sub|sup|svg|table|tbody|td|th|thead|title|tr|u|ul"
)
_HTML_RE = re.compile(rf"</?(?:{_HTML_TAGS})(?:\s[^<>]{{0,500}})?/?>|<!--|<!doctype", re.I)
_MD_BOLD_RE = re.compile(  # content stops at the next "*"/"_" so a scan never runs past it
    r"(?<![\\*])\*\*(?=[^\s*])[^\n*]{0,500}[^\s*\\]\*\*(?!\*)"
    r"|(?<![\\\w])__(?=[^\s_])[^\n_]{0,500}[^\s_\\]__(?!\w)"
)
_MD_LINK_RE = re.compile(r"(?<!!)\[[^\[\]\n]{1,300}\]\([^\s()]{1,2000}\)")
_MD_IMAGE_RE = re.compile(r"!\[[^\[\]\n]{0,300}\]\([^\s()]{1,2000}\)")
_MD_HEADING_RE = re.compile(r"^[ \t]{0,3}(#{1,6}[ \t]+\S[^\n]*)", re.MULTILINE)
_ANY_LINK_RE = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>|]*)(?:\|([^<>\n]*))?>")
_INLINE_CODE = re.compile(r"`[^`\n]+`")
_TILDE_FENCE = re.compile(r"^[ \t]{0,3}~{3,}", re.MULTILINE)
_NOT_NEWLINE = re.compile(r"[^\n]")


def _mask_code(text: str) -> str:
    """Blank out code (``` blocks, ~~~ fences, `spans`) keeping offsets and newlines."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while (a := text.find("```", pos)) >= 0 and (b := text.find("```", a + 3)) >= 0:
        spans.append((a, b + 3))
        pos = b + 3
    marks = [m.start() for m in _TILDE_FENCE.finditer(text)] if "~~~" in text else []
    for a, b in zip(marks[::2], marks[1::2], strict=False):
        end = text.find("\n", b)
        spans.append((a, len(text) if end < 0 else end))
    out = _blank_spans(text, spans)
    if "`" not in out:
        return out
    return _blank_spans(out, [(m.start(), m.end()) for m in _INLINE_CODE.finditer(out)])


def _blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    pieces, pos = [], 0
    for a, b in sorted(spans):
        if a < pos:
            a = pos
        if b <= a:
            continue
        pieces.append(text[pos:a])
        pieces.append(_NOT_NEWLINE.sub(" ", text[a:b]))
        pos = b
    pieces.append(text[pos:])
    return "".join(pieces)


def _matches_at(pattern: re.Pattern[str], text: str, starts: tuple[str, ...]
                ) -> list[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose matches all begin with one of ``starts``:
    tried only where one occurs (a leading look-behind otherwise makes ``re`` test every
    position)."""
    at: set[int] = set()
    for lit in starts:
        pos = text.find(lit)
        while pos >= 0:
            at.add(pos)
            pos = text.find(lit, pos + 1)
    found: list[re.Match[str]] = []
    end = 0
    for pos in sorted(at):
        if pos < end:
            continue
        m = pattern.match(text, pos)
        if m is not None:
            found.append(m)
            end = m.end()
    return found


def slack_format_problems(text: str) -> list[SlackProblem]:
    """Markup Slack shows literally: HTML tags, ``**bold**``, ``[t](u)``, ``![a](s)``, ``# h``."""
    masked = _mask_code(text)
    found: list[SlackProblem] = []
    # Each pattern needs its literal: a substring test skips most regex scans of a long post.
    checks: tuple[tuple[ProblemKind, re.Pattern[str], tuple[str, ...]], ...] = (
        ("html", _HTML_RE, ("<",)),
        ("md_bold", _MD_BOLD_RE, ("**", "__")),
        ("md_link", _MD_LINK_RE, ("](",)),
        ("md_image", _MD_IMAGE_RE, ("![",)),
    )
    for kind, pattern, needs in checks:
        if not any(n in masked for n in needs):
            continue
        matches = _matches_at(pattern, masked, needs) if kind == "md_bold" else (
            pattern.finditer(masked))
        for m in matches:
            found.append(
                SlackProblem(kind=kind, snippet=text[m.start() : m.end()][:80], offset=m.start())
            )
    if "#" in masked:
        for m in _MD_HEADING_RE.finditer(masked):
            found.append(SlackProblem(kind="md_heading", snippet=m.group(1)[:80],
                                      offset=m.start(1)))
    return sorted(found, key=lambda p: (p.offset, p.kind))


def slack_links(text: str) -> list[SlackLink]:
    """Every ``<url|label>``/``<url>`` link outside code, any scheme (mentions excluded)."""
    return [
        SlackLink(url=m.group(1), label=m.group(2), offset=m.start())
        for m in _ANY_LINK_RE.finditer(_mask_code(text))
    ]


def slack_word_count(text: str) -> int:
    """Words as the Slack limits count them: ``len(text.split())``."""
    return len(text.split())

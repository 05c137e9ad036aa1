"""Email body HTML: sanitize to the channel allowlist, report what it removes, convert to/from text.

Security decisions (what may stay) are made by nh3, which parses like a browser (HTML5);
text and link analysis use one lxml tree per message (:func:`parse_html`).
"""

from __future__ import annotations

import functools
import html as htmlmod
import re
from string import ascii_letters
from typing import cast
from urllib.parse import unquote

import nh3
from lxml import etree

from guardrails.models import HtmlPolicy

__all__ = [
    "disallowed_markup",
    "html_to_text",
    "only_allowed_markup",
    "parse_html",
    "sanitize_html",
    "squash_lines",
    "text_to_html",
    "visible_links",
]

# Removed with their content, not just unwrapped: code, styling, embedded documents, templates.
_CLEAN_CONTENT_TAGS = frozenset(
    "script style iframe frame frameset object embed applet template noscript noembed noframes"
    " xmp svg math title head".split()
)
# Attributes nh3 treats as URLs (checked against the allowed schemes).
_URL_ATTRS = frozenset({"href", "src", "action", "formaction", "cite", "data", "poster", "ping"})
# Start/end tag names as the HTML5 tokenizer reads them (a superset: also matches inside values).
_TAG_NAME = re.compile(r"</?([A-Za-z][^\t\n\f\r />]*)")
# Characters of a URL scheme (WHATWG URL parsing drops tabs/newlines in it); it starts with a letter.
_NOT_FIRST = "0123456789+.-\t\n\r"
_SCHEME_CHARS = frozenset(ascii_letters + _NOT_FIRST)
_DOC_TAGS = ("html", "head", "body", "frameset")
_EOF = "\ue000"  # a private-use character appended to detect input that ends inside a tag
_SPACE_CTRL = "".join(chr(c) for c in range(33))
_NO_TAB_NL = str.maketrans("", "", "\t\n\r")

_PolicyKey = tuple[frozenset[str], frozenset[tuple[str, frozenset[str]]], frozenset[str]]


def _key(policy: HtmlPolicy) -> _PolicyKey:
    attrs = frozenset((tag, frozenset(names)) for tag, names in policy.allowed_attributes.items())
    return policy.allowed_tags, attrs, frozenset(s.lower() for s in policy.url_schemes)


@functools.lru_cache(maxsize=64)
def _strict(key: _PolicyKey) -> nh3.Cleaner:
    """The policy's nh3 cleaner, built once per distinct policy."""
    tags, attrs, schemes = key
    # "*" first: nh3 otherwise allows lang and title on every tag.
    attributes = {"*": set[str](), **{tag: set(names) for tag, names in attrs}}
    return nh3.Cleaner(
        tags=set(tags),
        clean_content_tags=set(_CLEAN_CONTENT_TAGS - tags),
        attributes=attributes,
        strip_comments=True,
        link_rel=None,
        url_schemes=set(schemes),
        url_relative="deny",
    )


@functools.lru_cache(maxsize=128)
def _permissive(names: frozenset[str], schemes: frozenset[str]) -> nh3.Cleaner:
    """A cleaner that keeps every tag, attribute, scheme and comment seen: nh3's normal form."""
    return nh3.Cleaner(
        tags=set(names | nh3.ALLOWED_TAGS | _CLEAN_CONTENT_TAGS),
        clean_content_tags=set(),
        attributes={"*": set()},
        generic_attribute_prefixes={""},
        strip_comments=False,
        link_rel=None,
        url_schemes=set(schemes),
        url_relative="pass_through",
    )


def _valid_text(text: str | bytes) -> str:
    """``text`` as a str both parsers accept: bytes decoded, lone surrogates replaced."""
    if isinstance(text, bytes):
        return text.decode("utf-8", "replace")
    if text.isascii():  # no lone surrogate: nothing to replace (O(1) test)
        return text
    return text.encode("utf-8", "replace").decode("utf-8")


def sanitize_html(html: str, policy: HtmlPolicy) -> str:
    """Keep only the policy's tags, attributes and URL schemes; drop comments and scripts.

    Re-cleaned until stable (unwrapping can nest ``<a>`` in ``<a>``), so it is idempotent.
    """
    cleaner = _strict(_key(policy))
    try:
        out = cleaner.clean(html)
    except UnicodeEncodeError:
        return sanitize_html(_valid_text(html), policy)
    for _ in range(3):
        if _same(out, html):
            break
        html, out = out, cleaner.clean(out)
    return out


def _same(clean: str, html: str) -> bool:
    """Whether ``html`` already is nh3's output ``clean`` (up to how ``<br>`` is spelled)."""
    return clean == html or clean == html.replace("<br/>", "<br>").replace("<br />", "<br>")


def disallowed_markup(html: str, policy: HtmlPolicy) -> list[str]:
    """What :func:`sanitize_html` would remove, as readable findings in document order.

    nh3 decides: its strict output is compared with its permissive normal form of the input.
    """
    try:
        clean = _strict(key := _key(policy)).clean(html)
    except UnicodeEncodeError:
        return disallowed_markup(_valid_text(html), policy)
    if _same(clean, html):
        return []
    names = dict.fromkeys(map(str.lower, _TAG_NAME.findall(html)))  # ordered set
    tags = [f"<{t}>" for t in names if t not in policy.allowed_tags]
    schemes = key[2] | _schemes(html) | (_schemes(htmlmod.unescape(html)) if "&" in html else set())
    permissive = _permissive(frozenset(names), schemes)
    normal = permissive.clean(html)
    # A character appended is swallowed when the input ends inside a tag. (Compared on its
    # own: text after an open <em> makes the tree builder reopen it, an element of no input.)
    probe = html + _EOF
    dangling = permissive.clean(probe).count(_EOF) < probe.count(_EOF)
    found = [f"<{t}>" for t in _DOC_TAGS if t in names and t not in policy.allowed_tags]
    if normal != clean:  # nh3 removed something: name it (lxml reads nh3's normal form)
        found += _explain(parse_html(normal), policy) or tags or ["markup the sanitizer removes"]
    else:  # only tokens the HTML5 parser ignores (stray or document-level tags) were dropped
        found += tags
    if dangling:
        found.append("unclosed tag at the end")
    return list(dict.fromkeys(found))


# --- fast path: markup a strict tokenizer proves allowed -------------------------------

# Tags whose tokens, in a body fragment, never switch the HTML5 tokenizer's state and never
# make the tree builder add an element of another name (no tables: they imply <tbody>).
_SIMPLE_TAGS = frozenset(
    "p br a b strong i em u s ul ol li h1 h2 h3 h4 h5 h6 div span blockquote hr small sup sub"
    " code".split()
)
# Attributes a sanitizer reads as URLs (only <a href> is exempt: link rules judge its target).
_ANY_URL_ATTRS = _URL_ATTRS | frozenset(
    "longdesc background codebase manifest srcset profile usemap classid icon lowsrc dynsrc"
    " xlink:href".split()
)
_HTML_WS = "[ \t\n\f\r]"  # the tokenizer's whitespace (not str.isspace: no \v or NBSP)
# One tag as the tokenizer reads it, restricted to unambiguous syntax: lower/upper-case name,
# quoted attribute values without "<" (so a value never hides a tag), optional "/" at the end.
_STRICT_TAG = re.compile(
    rf"<(/?)([A-Za-z][A-Za-z0-9]*)((?:{_HTML_WS}+[A-Za-z_:][-A-Za-z0-9_:.]*(?:{_HTML_WS}*="
    rf"{_HTML_WS}*(?:\"[^\"<]*\"|'[^'<]*'))?)*){_HTML_WS}*/?>"
)
_ATTR_NAME = re.compile(
    rf"{_HTML_WS}+([A-Za-z_:][-A-Za-z0-9_:.]*)(?:{_HTML_WS}*={_HTML_WS}*(?:\"[^\"]*\"|'[^']*'))?"
)


class _FastPolicy:
    """What :func:`only_allowed_markup` needs of one policy: bare tags to skip, attributes."""

    def __init__(self, key: _PolicyKey) -> None:
        tags, attrs, _ = key
        by_tag = dict(attrs)
        generic = by_tag.get("*", frozenset())
        names = sorted(_SIMPLE_TAGS & tags)
        self.attributes = {t: by_tag.get(t, frozenset()) | generic for t in names}
        bare = "|".join(names) or "(?!)"
        br = "|br ?/>" if "br" in names else ""
        # Every "<" except a bare allowed tag ("<p>", "</li>", "<br/>"): a handful per body.
        self.other = re.compile(f"<(?!/?(?:{bare})>{br})")


@functools.lru_cache(maxsize=64)
def _fast_policy(key: _PolicyKey) -> _FastPolicy:
    return _FastPolicy(key)


def only_allowed_markup(html: str, policy: HtmlPolicy) -> bool:
    """True when every tag and attribute of ``html`` is provably allowed (link targets aside).

    A fast path, not a sanitizer: it reads only syntax the HTML5 tokenizer reads the same way
    and says False for anything else (comments, tables, unquoted values, stray ``<``), in
    which case :func:`disallowed_markup` decides. True implies that it finds nothing but
    ``<a href>`` targets (property-tested against nh3).
    """
    fast = _fast_policy(_key(policy))
    attributes = fast.attributes
    for found in fast.other.finditer(html):
        tag = _STRICT_TAG.match(html, found.start())
        if tag is None:
            return False
        closing, name, attrs = tag.groups()
        name = name.lower()
        allowed = attributes.get(name)
        if allowed is None:
            return False
        if not attrs:
            continue
        if closing:
            return False
        for attr in _ATTR_NAME.findall(attrs):
            attr = attr.lower()
            if attr not in allowed or (attr in _ANY_URL_ATTRS and (name, attr) != ("a", "href")):
                return False
    return True


def _schemes(text: str) -> frozenset[str]:
    """Every URL scheme a value in ``text`` may start with (a superset), lower-cased."""
    found: set[str] = set()
    colon = text.find(":")
    while colon != -1:
        start = colon
        while start > colon - 64 and start and text[start - 1] in _SCHEME_CHARS:
            start -= 1
        if scheme := text[start:colon].lstrip(_NOT_FIRST).translate(_NO_TAB_NL):
            found.add(scheme.lower())
        colon = text.find(":", colon + 1)
    return frozenset(found)


def _scheme(url: str) -> str | None:
    """The lower-case scheme a browser reads from ``url``, or None for a relative URL."""
    match = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*):", url.strip(_SPACE_CTRL).translate(_NO_TAB_NL))
    return match.group(1).lower() if match else None


def _explain(root: etree._Element, policy: HtmlPolicy) -> list[str]:
    """Name each element, attribute, URL and comment of ``root`` that the policy disallows."""
    found: list[str] = []
    generic = policy.allowed_attributes.get("*", frozenset())
    schemes = _key(policy)[2]
    for el in root.iterdescendants():
        tag = el.tag
        if not isinstance(tag, str):
            found.append("HTML comment" if tag is etree.Comment else "processing instruction")
            continue
        if tag not in policy.allowed_tags:
            found.append(f"<{tag}>")
            continue
        for name, value in cast("list[tuple[str, str]]", el.items()):
            if name not in generic and name not in policy.allowed_attributes.get(tag, ()):
                found.append(f"{name} attribute on <{tag}>")
            elif name in _URL_ATTRS:
                scheme = _scheme(value)
                if scheme is None:
                    found.append(f"relative URL in <{tag} {name}>")
                elif scheme not in schemes:
                    found.append(f"{scheme}: URL in <{tag} {name}>")
    return found


# --- parsing ---------------------------------------------------------------------------

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in lxml text
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
"""``_CONTROL``'s ASCII characters as UTF-8 bytes (no multi-byte sequence holds one)."""


def _without_control(text: str) -> str:
    """``_CONTROL.sub("", text)`` for valid text. Deleting bytes is a C table pass that costs
    ~1 µs on a 2 KB body, where the regex scan costs ~7; nearly no body has one to delete."""
    data = text.encode("ascii" if text.isascii() else "utf-8")
    if len(data.translate(None, _CONTROL_BYTES)) == len(data) and (
            text.isascii() or ("\ufffe" not in text and "\uffff" not in text)):
        return text
    return _CONTROL.sub("", text)


_DOC_END = re.compile(r"(?i)</(?:body|html)[^<>]*>")
_NESTING_TAGS = re.compile(r"(?i)<(?!/?(?:a|br|p|script|style)[\s/>])[^<>]*>")  # linear time


def _document(text: str) -> etree._Element | None:
    """The ``<html>`` root of ``text``, or None if libxml2 failed or hit its depth limit (256).

    A plain ``etree.HTMLParser``: ``lxml.html``'s element classes are looked up in Python for
    every element touched, which costs ~40% more per walk of the tree.
    """
    parser = etree.HTMLParser(remove_comments=False, remove_pis=False)  # owns its error log
    try:
        doc: etree._Element | None = etree.fromstring(f"<html><body>{text}</body></html>", parser)
    except (etree.LxmlError, ValueError):
        return None
    if doc is None:
        return None
    if any("Excessive depth" in error.message for error in parser.error_log):
        return None
    return doc


def parse_html(html: str | bytes) -> etree._Element:
    """Parse a body into one ``<div>`` root; never raises (junk gives a best-effort tree).

    Nesting beyond libxml2's limit (256) is flattened to ``<a>``, ``<br>``, ``<p>`` and scripts.
    """
    root = etree.Element("div")
    text = _without_control(_valid_text(html).replace("\x0c", " "))
    if not text.strip():
        return root
    text = _DOC_END.sub("", text)  # so that nothing lands outside <body>
    doc = _document(text)
    if doc is None:
        doc = _document(_NESTING_TAGS.sub(" ", text))
    body = None if doc is None else doc.find("body")
    if doc is None or body is None or body is not doc[-1]:  # give up on markup: text only
        root.text = _CONTROL.sub("", htmlmod.unescape(re.sub(r"<[^<>]*>", " ", text)))
        return root
    doc.remove(body)
    body.tag = "div"
    body.attrib.clear()
    return body


def text_content(el: etree._Element) -> str:
    """All text inside ``el`` (no comments or processing instructions), like XPath ``string()``."""
    text: str = etree.tostring(el, method="text", encoding=str, with_tail=False)
    return text


def visible_links(root: etree._Element) -> list[tuple[str, str]]:
    """``(href, link text)`` of every ``<a>`` in document order, href stripped."""
    return [
        ((a.get("href") or "").strip(), " ".join(text_content(a).split())) for a in root.iter("a")
    ]


# --- HTML -> plain text ----------------------------------------------------------------

_WS = re.compile(r"[ \t\n\r\f\xa0]+")
_SKIP = frozenset("script style head title template iframe object embed applet noframes".split())
_BLOCKS = "p h1 h2 h3 h4 h5 h6 blockquote pre table hr dl figure form fieldset address"
_LINES = "div tr dt dd section article header footer nav aside main caption details summary"
_PARA, _LINE, _BR, _LIST, _ITEM, _LINK, _CELL = range(7)
_KINDS = {**dict.fromkeys(_BLOCKS.split(), _PARA), **dict.fromkeys(_LINES.split(), _LINE)}
_KINDS.update(br=_BR, ul=_LIST, ol=_LIST, li=_ITEM, a=_LINK, td=_CELL, th=_CELL)


class _TextWriter:
    """Collects text with owed line breaks, list markers and link labels."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pending = 0  # newlines owed before the next text (2 = blank line)
        self.marker = ""  # list marker owed before the next text
        self.links: list[list[str]] = []  # label buffers of the open <a> elements
        self.lists: list[list[int]] = []  # [is_ordered, next number] per open list

    def brk(self, newlines: int) -> None:
        if self.links:
            self.links[-1].append(" ")
        elif newlines > self.pending:
            self.pending = newlines

    def text(self, text: str) -> None:
        if self.links:
            self.links[-1].append(text)
            return
        if not text.isprintable() or "  " in text:
            text = _WS.sub(" ", text)
        parts = self.parts
        if self.pending or not parts:
            text = text.lstrip(" ")
            if not text:
                return
            if parts:
                parts[-1] = parts[-1].rstrip(" ")
                parts.append("\n" * self.pending)
            self.pending = 0
            parts.append(self.marker)
            self.marker = ""
        elif text[:1] == " " and parts[-1][-1:] == " ":
            text = text[1:]
        parts.append(text)

    def open(self, el: etree._Element, kind: int) -> None:
        if kind == _PARA:
            self.brk(1 if self.lists else 2)
        elif kind == _LINE:
            self.brk(1)
        elif kind == _BR:
            self.brk(min(self.pending + 1, 2))
        elif kind == _LIST:
            self.brk(1 if self.lists else 2)
            start = el.get("start", "1")
            number = int(start) if re.fullmatch(r"[0-9]{1,9}", start) else 1
            self.lists.append([el.tag == "ol", number])
        elif kind == _ITEM:
            self.brk(1)
            indent = "  " * max(len(self.lists) - 1, 0)
            self.marker = f"{indent}- "
            if self.lists and self.lists[-1][0]:
                self.marker = f"{indent}{self.lists[-1][1]}. "
                self.lists[-1][1] += 1
        elif kind == _LINK:
            self.links.append([])
        elif kind == _CELL:
            self.text(" ")

    def close(self, el: etree._Element, kind: int) -> None:
        if kind == _PARA:
            self.brk(1 if self.lists else 2)
        elif kind in (_LINE, _ITEM):
            self.brk(1)
        elif kind == _LIST:
            self.lists.pop()
            self.marker = ""
            self.brk(1 if self.lists else 2)
        elif kind == _LINK and self.links:
            label = " ".join("".join(self.links.pop()).split())
            self.text(_link_text(label, (el.get("href") or "").strip()))

    def result(self) -> str:
        return "".join(self.parts).strip()


def _link_text(label: str, href: str) -> str:
    """``label (url)``; just the url when the label is empty or repeats it; mailto as address."""
    if not href:
        return label
    shown = href
    if href[:7].lower() == "mailto:":
        shown = unquote(href[7:].split("?", 1)[0])
    if not label or label in (href, shown):
        return shown
    return f"{label} ({shown})"


def html_to_text(html: str | etree._Element) -> str:
    """The plain-text fallback of an email body: blocks, lists, ``text (url)`` links.

    lxml's iterwalk visits the tree without recursion, so any nesting depth is safe.
    """
    root: etree._Element = parse_html(html) if isinstance(html, str | bytes) else html
    out = _TextWriter()
    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, el in walker:
        tag = el.tag
        if event == "start":
            if tag in _SKIP:
                walker.skip_subtree()
            else:
                if (kind := _KINDS.get(tag)) is not None:
                    out.open(el, kind)
                if el.text:
                    out.text(el.text)
            continue
        if event == "end" and tag not in _SKIP and (kind := _KINDS.get(tag)) is not None:
            out.close(el, kind)
        if el.tail and el is not root:
            out.text(el.tail)
    return out.result()


_BREAKS = frozenset([*_KINDS, "br"]) - {"a", "td", "th"}


def visible_text(root: etree._Element) -> str:
    """What a reader sees of a parsed body, one block per line, for analysis (no link URLs,
    list markers or spacing rules: about half the cost of :func:`html_to_text`)."""
    parts: list[str] = []
    text = root.text
    if text:
        parts.append(text)
    _visible_children(root, parts, not text)
    return squash_lines("".join(parts))


_ODD_SPACE = "\t\x0b\x0c\r\x1c\x1d\x1e\x1f"
"""The ASCII whitespace of ``str.split()`` other than space and newline."""
_WIDE_SPACE = "\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
    "\u2028\u2029\u202f\u205f\u3000"
"""The rest of ``str.split()``'s whitespace (the characters for which ``str.isspace()``)."""


def squash_lines(text: str) -> str:
    """Each line's words joined by one space, blank lines dropped.

    When the only whitespace is spaces and newlines (the usual case) this strips lines and
    collapses double spaces in C: splitting into words builds one str per word (~20 µs for a
    2 KB body, against ~8).
    """
    odd = _ODD_SPACE if text.isascii() else _ODD_SPACE + _WIDE_SPACE
    for ch in odd:
        if ch in text:
            lines = [" ".join(line.split()) for line in text.split("\n")]
            return "\n".join(filter(None, lines))
    text = "\n".join(filter(None, map(str.strip, text.split("\n"))))
    while "  " in text:
        text = text.replace("  ", " ")
    return text


def _visible_children(el: etree._Element, parts: list[str], newline: bool) -> bool:
    """Append the visible text of ``el``'s children and their tails; ``newline`` says whether
    the last part is a block break (a second one would only add an empty line), and the
    updated flag is returned. Recursion is bounded: :func:`parse_html` caps the depth at 256.
    Each read of .tag, .text or .tail builds a new str from libxml2's UTF-8: read each once.
    """
    for child in el:
        tag = child.tag
        if isinstance(tag, str) and tag not in _SKIP:  # comments and PIs: only their tail
            block = tag in _BREAKS
            if block and not newline:
                parts.append("\n")
                newline = True
            text = child.text
            if text:
                parts.append(text)
                newline = False
            if len(child):
                newline = _visible_children(child, parts, newline)
            if block and not newline:
                parts.append("\n")
                newline = True
        tail = child.tail
        if tail:
            parts.append(tail)
            newline = False
    return newline


# --- plain text -> HTML ----------------------------------------------------------------

_BULLET = re.compile(r"[-*•]\s+(.*)")
_NUMBERED = re.compile(r"\d{1,9}[.)]\s+(.*)")
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_HOST = rf"(?:{_LABEL}\.)*[A-Za-z](?:[A-Za-z0-9-]{{0,61}}[A-Za-z0-9])?"  # not an IP address
_URL = re.compile(rf"https://{_HOST}(?::(\d{{1,5}}))?(?:[/?#][^\s<>\"']*)?")
_TRAILING = ".,;:!?'\""


def _escape(text: str) -> str:
    return htmlmod.escape(text, quote=False).replace("\xa0", "&nbsp;")


def _inline(line: str) -> str:
    """Escape one line of text, turning bare https URLs into links (trailing punctuation not)."""
    out: list[str] = []
    pos = 0
    for match in _URL.finditer(line):
        url = match.group(0).rstrip(_TRAILING)
        while url.endswith(")") and url.count(")") > url.count("("):
            url = url[:-1].rstrip(_TRAILING)
        if int(match.group(1) or 0) > 65535 or "xn--" in url.lower():
            continue  # URLs nh3 would reject: bad port, punycode needing validation
        out.append(_escape(line[pos : match.start()]))
        out.append(f'<a href="{htmlmod.escape(url)}">{_escape(url)}</a>')
        pos = match.start() + len(url)
    out.append(_escape(line[pos:]))
    return "".join(out)


def _block_html(lines: list[str]) -> list[str]:
    """One blank-line-separated block: runs of bullets, numbered items and plain lines."""
    runs: list[tuple[str, list[str]]] = []
    for line in lines:
        kind, content = "p", line.strip()
        if match := _BULLET.fullmatch(content):
            kind, content = "ul", match.group(1)
        elif match := _NUMBERED.fullmatch(content):
            kind, content = "ol", match.group(1)
        if not runs or runs[-1][0] != kind:
            runs.append((kind, []))
        runs[-1][1].append(_inline(content))
    return [
        f"<p>{'<br>'.join(run)}</p>"
        if kind == "p"
        else f"<{kind}>{''.join(f'<li>{item}</li>' for item in run)}</{kind}>"
        for kind, run in runs
    ]


def text_to_html(text: str) -> str:
    """Plain text as simple email HTML: paragraphs, ``<br>`` lines, lists, linked https URLs."""
    blocks: list[str] = []
    lines: list[str] = []
    for line in [*text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), ""]:
        if line.strip():
            lines.append(line)
        elif lines:
            blocks.extend(_block_html(lines))
            lines = []
    return "\n".join(blocks)

"""The tolerant Markdown reader: parse tree, plain-text and email-HTML renders, hostile input."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guardrails.formats.markdown import (
    Block,
    Inline,
    looks_like_markdown,
    markdown_to_html,
    markdown_to_text,
    parse_markdown,
)

TOKENS = [
    "*", "**", "_", "__", "~~", "`", "```", "~~~", "[", "]", "](", ")", "![", "<", ">", "&",
    "&amp;", "&lt;", "&#35;", "&eacute;", "# ", "## ", "- ", "* ", "1. ", "2) ", "> ", "\n",
    "\n\n", "  ", " ", "\\", "a", "word", "snake_case", "https://x.io/a_b", "<https://x.io|y>",
    "<@U123>", "<br>", "[t](https://u.io)", "![i](https://i.io/p.png)", "---", "•", "|", ":wave:",
]  # fmt: skip
markdownish = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join)
any_text = st.one_of(markdownish, st.text(max_size=200))

TEXT_CASES = [
    ("# Title\n\nBody text.", "Title\n\nBody text."),
    ("**bold** and *it* and __b__ and _i_ and ~~gone~~", "bold and it and b and i and gone"),
    ("Use `snake_case_name` or snake_case_name", "Use snake_case_name or snake_case_name"),
    ("2 * 3 * 4 = 24", "2 * 3 * 4 = 24"),
    ("[Docs](https://x.io/d), [https://y.io](https://y.io)", "Docs (https://x.io/d), https://y.io"),
    ("See <https://a.io/c> or https://d.io/f.", "See https://a.io/c or https://d.io/f."),
    ("- one\n* two\n+ three\n• four", "- one\n- two\n- three\n- four"),
    ("1. a\n2) b\n7. c", "1. a\n2. b\n3. c"),
    ("- a\n  - b\n    - c", "- a\n  - b\n    - c"),
    ("1. first\n\n   continued\n2. second", "1. first\n   continued\n2. second"),
    ("Text\n- list right after\n- two", "Text\n\n- list right after\n- two"),
    ("```python\nprint(x)\nx = 1\n```", "print(x)\nx = 1"),
    ("> quoted **text**\n> more", "quoted text\nmore"),
    ("line one  \nline two\\\nthree<br>four", "line one\nline two\nthree\nfour"),
    ("a\n\n---\n\nb", "a\n\nb"),
    ("Caf&eacute; &amp; bar &lt;3", "Café & bar <3"),
    ("![logo](https://x.io/l.png)", "logo (https://x.io/l.png)"),
    ("Ping <@U123> and <!here> in <#C1|general>", "Ping @U123 and @here in #general"),
    ("## Heading with # closing ##", "Heading with # closing"),
    ("#channel is not a heading", "#channel is not a heading"),
    ("<b>raw</b> html stays text", "<b>raw</b> html stays text"),
    ("", ""),
    ("   \n\n  ", ""),
]  # fmt: skip

HTML_CASES = [
    ("# Title **bold**", "<p><strong>Title bold</strong></p>"),
    ("**b** *i* ~~s~~ `c<d`", "<p><strong>b</strong> <em>i</em> s c&lt;d</p>"),
    ("[a & b](https://x.io/?q=1&r=2)", '<p><a href="https://x.io/?q=1&amp;r=2">a &amp; b</a></p>'),
    ("[x](javascript:alert(1))", "<p>x</p>"),
    ("- one\n- two", "<ul><li>one</li><li>two</li></ul>"),
    ("1. a\n2. b", "<ol><li>a</li><li>b</li></ol>"),
    ("a  \nb", "<p>a<br>\nb</p>"),
    ("> quote", "<p>quote</p>"),
    ("```\nx < 1\ny\n```", "<p>x &lt; 1<br>\ny</p>"),
    ('<script>alert("x")</script>', "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>"),
    ('<a href="javascript:x">y</a>', "<p>&lt;a href=&quot;javascript:x&quot;&gt;y&lt;/a&gt;</p>"),
    ("text\n\n---\n\nmore", "<p>text</p>\n<p>more</p>"),
]  # fmt: skip


@pytest.mark.parametrize(("source", "expected"), TEXT_CASES)
def test_markdown_to_text(source: str, expected: str) -> None:
    assert markdown_to_text(source) == expected


@pytest.mark.parametrize(("source", "expected"), HTML_CASES)
def test_markdown_to_html(source: str, expected: str) -> None:
    assert markdown_to_html(source) == expected


def test_parse_blocks() -> None:
    doc = "## Plan\n\nIntro *now*\n\n3. a\n4. b\n   - nested\n\n```sh\nmake\n```\n\n> q\n\n***"
    kinds = [b.kind for b in parse_markdown(doc)]
    assert kinds == ["heading", "paragraph", "list", "code", "quote", "rule"]
    heading, para, lst, code, quote, _ = parse_markdown(doc)
    assert heading.level == 2 and heading.inlines == (Inline(kind="text", text="Plan"),)
    assert para.inlines[1] == Inline(
        kind="em", marker="*", children=(Inline(kind="text", text="now"),)
    )
    assert (lst.ordered, lst.start, len(lst.children)) == (True, 3, 2)
    assert [b.kind for b in lst.children[1].children] == ["paragraph", "list"]
    assert (code.text, code.info) == ("make", "sh")
    assert quote.children == (Block(kind="paragraph", inlines=(Inline(kind="text", text="q"),)),)


@pytest.mark.parametrize(
    ("source", "kinds"),
    [
        ("snake_case_name", ["text"]),
        ("__init__ and **b** and __u__", ["strong", "text", "strong", "text", "strong"]),
        ("`**not bold**`", ["code"]),
        ("[t](https://x.io) <https://y.io> https://z.io", ["link", "text", "link", "text", "link"]),
        ("![alt](https://x.io/a.png)", ["image"]),
        ("<@U1> <!here>", ["mention", "text", "mention"]),
        ("\\*x\\*", ["escape", "text", "escape"]),
        ("a<br>b", ["text", "hardbreak", "text"]),
        ("~~s~~ ~t~", ["strike", "text", "strike"]),
    ],
)
def test_inline_kinds(source: str, kinds: list[str]) -> None:
    assert [i.kind for i in parse_markdown(source)[0].inlines] == kinds


def test_bare_url_trims_trailing_punctuation() -> None:
    (para,) = parse_markdown("(see https://x.io/a_(b)), then https://y.io/z.")
    urls = [i.url for i in para.inlines if i.kind == "link"]
    assert urls == ["https://x.io/a_(b)", "https://y.io/z"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# Heading", True),
        ("some **bold** text", True),
        ("a [link](https://x.io)", True),
        ("- item\n- item", True),
        ("1. first", True),
        ("```\ncode\n```", True),
        ("Hello there, how are you?", False),
        ("#channel mention, 2 * 3, snake_case", False),
        ("<p>html</p>", False),
    ],
)
def test_looks_like_markdown(text: str, expected: bool) -> None:
    assert looks_like_markdown(text) is expected


HOSTILE = {
    "stars": "*" * 100_000,
    "brackets": "[" * 50_000,
    "underscore_words": "_a" * 50_000,
    "star_words": "*a" * 50_000,
    "link_openers": "[a](" * 25_000,
    "image_openers": "![" * 50_000,
    "angles": "<" * 50_000,
    "ampersands": "&lt;" * 25_000,
    "backtick_ladder": "".join("`" * i + "a" for i in range(1, 440)),
    "nested_emphasis": "*a " * 20_000 + "b*" * 20_000,
    "quotes": "> " * 20_000 + "x",
    "list_ladder": "\n".join(" " * i + "- x" for i in range(400)),
    "fences": "```\n" * 20_000,
    "dest_parens": "[a](" + "(" * 50_000,
    "breaks": "a<br>" * 20_000,
    "heading_spaces": "# a" + " " * 100_000 + "b",
}
RENDERERS: list[Callable[[str], object]] = [
    parse_markdown,
    markdown_to_text,
    markdown_to_html,
    looks_like_markdown,
]


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_finishes(name: str) -> None:
    for render in RENDERERS:
        started = time.perf_counter()
        render(HOSTILE[name])
        # Linear time runs in well under a second; the bound only catches a quadratic blow-up.
        assert time.perf_counter() - started < 5, (name, render.__name__)


@given(any_text)
def test_never_raises_and_text_is_idempotent(text: str) -> None:
    parse_markdown(text)
    looks_like_markdown(text)
    once = markdown_to_text(text)
    assert markdown_to_text(once) == once


_TAG = re.compile(r"<(/?)([a-z]+)[^<>]*>")


@given(any_text)
def test_html_uses_only_allowed_tags(text: str) -> None:
    out = markdown_to_html(text)
    assert {m.group(2) for m in _TAG.finditer(out)} <= {
        "p",
        "strong",
        "em",
        "a",
        "br",
        "ul",
        "ol",
        "li",
    }
    assert "<" not in _TAG.sub("", out)

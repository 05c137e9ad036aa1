"""Slack mrkdwn: Markdown and HTML conversion, idempotence, format problems, links, word count."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guardrails.formats.slack import (
    SlackLink,
    SlackProblem,
    html_to_mrkdwn,
    markdown_to_mrkdwn,
    slack_format_problems,
    slack_links,
    slack_word_count,
)

MD_CASES = [
    ("**bold**", "*bold*"),
    ("__bold__", "*bold*"),
    ("*stays*", "*stays*"),
    ("_italic_", "_italic_"),
    ("~~strike~~", "~strike~"),
    ("***both***", "*both*"),
    ("**bold _it_ bold**", "*bold _it_ bold*"),
    ("**a *b* c**", "*a _b_ c*"),
    ("snake_case_name and 2 * 3 * 4", "snake_case_name and 2 * 3 * 4"),
    ("`a*b*c` and `**x** <y>`", "`a*b*c` and `**x** <y>`"),
    ("```python\nx = a**2 < b && c\n```", "```\nx = a**2 < b && c\n```"),
    ("~~~\n```\ninner\n```\n~~~", "````\n```\ninner\n```\n````"),
    ("[the docs](https://x.io/a?b=1&c=2)", "<https://x.io/a?b=1&c=2|the docs>"),
    ("[a|b > c](<https://x.io/a b>)", "<https://x.io/a%20b|a|b &gt; c>"),
    ("[**Bold** label](https://x.io)", "<https://x.io|*Bold* label>"),
    ("[https://x.io](https://x.io)", "<https://x.io>"),
    ("[x](javascript:alert(1)) and [y](/relative)", "x and y"),
    ("![logo](https://x.io/l.png)", "<https://x.io/l.png|logo>"),
    ("see <https://a.io> and https://b.io/c_d.", "see <https://a.io> and <https://b.io/c_d>."),
    ("# Title", "*Title*"),
    ("### Title with **bold** and *it*", "*Title with bold and _it_*"),
    ("Intro\n## Next\ntext", "Intro\n\n*Next*\n\ntext"),
    ("- a\n* b\n+ c", "• a\n• b\n• c"),
    ("1. a\n2) b\n5. c", "1. a\n2. b\n3. c"),
    ("- a\n  - b\n    1. c\n- d", "• a\n  • b\n    1. c\n• d"),
    ("1. step\n   ```\n   run\n   ```", "1. step\n   ```\n   run\n   ```"),
    ("> quote **b**\n> two", "> quote *b*\n> two"),
    ("> - item\n>\n> para", "> • item\n>\n> para"),
    ("a & b < c > d", "a &amp; b &lt; c &gt; d"),
    ("a &amp; b &lt; c &gt; d &copy; &nbsp;", "a &amp; b &lt; c &gt; d © &amp;nbsp;"),
    ("hi <@U123> <#C9|general> <!here> <!channel>", "hi <@U123> <#C9|general> <!here> <!channel>"),
    ("<https://x.io|a & b> stays a link", "<https://x.io|a &amp; b> stays a link"),
    (":wave: thanks :tada:", ":wave: thanks :tada:"),
    ("<b>raw html</b> is text", "&lt;b&gt;raw html&lt;/b&gt; is text"),
    ("line one  \nline two<br>three", "line one\nline two\nthree"),
    ("---", "---"),
    ("", ""),
    ("Hi *you*, [docs](https://d.io) & **Fri**", "Hi *you*, <https://d.io|docs> &amp; *Fri*"),
]  # fmt: skip

HTML_CASES = [
    ("<p>Hello <b>world</b></p>", "Hello *world*"),
    ("<strong>a</strong> <em>b</em> <i>c</i> <del>d</del> <s>e</s>", "*a* _b_ _c_ ~d~ ~e~"),
    ("<p>a &amp; b &lt; c &gt; d</p>", "a &amp; b &lt; c &gt; d"),
    ('<a href="https://x.io/?a=1&amp;b=2">Link</a>', "<https://x.io/?a=1&b=2|Link>"),
    ('<a href="https://x.io">https://x.io</a>', "<https://x.io>"),
    ('<a href="javascript:alert(1)">click</a>', "click"),
    ("<ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul>", "• one\n• two\n  • nested"),
    ("<ol><li>a</li><li>b</li></ol><p>after</p>", "1. a\n2. b\n\nafter"),
    ("<ol><li><p>para</p><ul><li>x</li></ul></li><li></li></ol>", "1. para\n   • x\n2."),
    ("<h1>Title</h1><p>Body</p>", "*Title*\n\nBody"),
    ("<p>a<br>b</p><div>c</div>", "a\nb\n\nc"),
    ("<script>alert(1)</script><style>p{}</style>ok", "ok"),
    ("<p>a<script>x</script>b<svg><b>t</b></svg></p><template><li>x</li></template>", "ab"),
    ("<pre>x &lt; 1\n  y</pre>", "```\nx &lt; 1\n  y\n```"),
    ("<code>a*b</code>", "`a*b`"),
    ("<blockquote>quoted <b>text</b></blockquote>", "> quoted *text*"),
    ("<p>unclosed <b>bold", "unclosed *bold*"),
    ("<b> spaced </b>word", "*spaced* word"),
    ("<b><strong>double</strong></b>", "*double*"),
    ("<p>caf&eacute;<!-- note --> &lt;3</p>", "café &lt;3"),
    ("<table><tr><td>a</td><td>b</td></tr></table>", "a b"),
    ("plain &amp; text", "plain &amp; text"),
    ("", ""),
    ("<div>" * 10_000 + "deep" + "</div>" * 10_000, "deep"),
]  # fmt: skip


@pytest.mark.parametrize(("source", "expected"), MD_CASES)
def test_markdown_to_mrkdwn(source: str, expected: str) -> None:
    out = markdown_to_mrkdwn(source)
    assert out == expected
    assert markdown_to_mrkdwn(out) == out


@pytest.mark.parametrize(("source", "expected"), HTML_CASES)
def test_html_to_mrkdwn(source: str, expected: str) -> None:
    assert html_to_mrkdwn(source) == expected


PROBLEM_CASES = [
    ("<b>hi</b>", [("html", "<b>", 0), ("html", "</b>", 5)]),
    ("line<br>next <p>x</p>", [("html", "<br>", 4), ("html", "<p>", 13), ("html", "</p>", 17)]),
    ('<a href="https://x">x</a>', [("html", '<a href="https://x">', 0), ("html", "</a>", 21)]),
    ("**bold** and __also__", [("md_bold", "**bold**", 0), ("md_bold", "__also__", 13)]),
    ("read [the docs](https://x.io)", [("md_link", "[the docs](https://x.io)", 5)]),
    ("![chart](https://x.io/c.png)", [("md_image", "![chart](https://x.io/c.png)", 0)]),
    ("# Weekly\n## Wins", [("md_heading", "# Weekly", 0), ("md_heading", "## Wins", 9)]),
    ("Ask in #data-platform-help today", []),
    ("#data-platform-help is the place", []),
    ("<https://x.io|docs> <https://y.io> <@U123> <#C1|gen> <!here>", []),
    ("*bold* _it_ ~s~ `c` :wave:\n> quote\n• item", []),
    ("`<b>**x**</b>` and\n```\n# not a heading\n[a](b)\n```", []),
    ("snake_case and 2 * 3 * 4 and x_y_z", []),
    ("", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), PROBLEM_CASES)
def test_slack_format_problems(text: str, expected: list[tuple[str, str, int]]) -> None:
    got = slack_format_problems(text)
    assert [(p.kind, p.snippet, p.offset) for p in got] == expected
    assert all(isinstance(p, SlackProblem) for p in got)


def test_slack_links() -> None:
    text = "<https://x.io|Docs> <mailto:a@b.io> <@U1> `<https://code.io>` <http://insecure.io|y>"
    assert slack_links(text) == [
        SlackLink(url="https://x.io", label="Docs", offset=0),
        SlackLink(url="mailto:a@b.io", label=None, offset=20),
        SlackLink(url="http://insecure.io", label="y", offset=62),
    ]


@pytest.mark.parametrize(
    ("text", "count"),
    [("", 0), ("one", 1), ("  two\nwords  ", 2), ("hi :wave: <https://x.io|the docs>", 4)],
)
def test_slack_word_count(text: str, count: int) -> None:
    assert slack_word_count(text) == count


TOKENS = [
    "*", "**", "***", "_", "__", "~", "~~", "`", "``", "```", "~~~", "[", "]", "](", ")", "(",
    "![", "<", ">", "&", "&amp;", "&lt;", "&gt;", "&#35;", "&eacute;", "&nbsp;", "&mdash;",
    "#", "# ", "## ", "- ", "* ", "+ ", "• ", "1. ", "2) ", "10. ", "> ", "\n", "\n\n", "  ",
    " ", "    ", "\t", "\\", "a", "word", "snake_case", ":wave:", "|", "---", "é", ".", "!",
    "https://x.io/a_b", "http://q.io/(p)", "<https://x.io|y>", "<https://a.io>", "<@U123>",
    "<!here>", "<#C1|gen>", "<br>", "<b>", "[t](https://u.io)", "[t](/rel)", "![i](https://i.io)",
]  # fmt: skip
markdownish = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join)
HTML_TOKENS = [
    "<p>", "</p>", "<b>", "</b>", "<i>", "<ul>", "<li>", "</li>", "<ol>", "<br>", "<pre>",
    "</pre>", '<a href="https://x.io">', "</a>", "<blockquote>", "<h2>", "</h2>", "<script>",
    "</script>", "<!--", "-->", "&amp;", "&lt;", "&#x1F600;", "text", " ", "\n", "*", "_", "<",
]  # fmt: skip
htmlish = st.lists(st.sampled_from(HTML_TOKENS), max_size=40).map("".join)


@given(st.one_of(markdownish, st.text(max_size=200)))
def test_markdown_to_mrkdwn_is_idempotent(text: str) -> None:
    once = markdown_to_mrkdwn(text)
    assert markdown_to_mrkdwn(once) == once


@given(st.one_of(htmlish, st.text(max_size=200)))
def test_html_to_mrkdwn_never_raises(text: str) -> None:
    out = html_to_mrkdwn(text)
    assert "<script" not in out
    slack_format_problems(out)


@given(st.one_of(markdownish, st.text(max_size=200)))
def test_checks_never_raise(text: str) -> None:
    slack_format_problems(text)
    slack_links(text)


@pytest.mark.parametrize(
    "text",
    ["*" * 100_000, "[" * 50_000, "_a" * 50_000, "**a " * 30_000, "<b>" * 30_000, "&lt;" * 25_000],
)
def test_hostile_input_finishes(text: str) -> None:
    started = time.perf_counter()
    markdown_to_mrkdwn(text)
    html_to_mrkdwn(text)
    slack_format_problems(text)
    slack_links(text)
    assert time.perf_counter() - started < 10  # catches a quadratic blow-up, not a slow machine

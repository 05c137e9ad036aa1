"""Email body HTML: sanitizer against XSS payloads, findings, plain-text fallback, text → HTML."""

from __future__ import annotations

import re
import time

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from guardrails.formats.email import (
    disallowed_markup,
    html_to_text,
    parse_html,
    sanitize_html,
    text_to_html,
    visible_links,
)
from guardrails.models import HtmlPolicy
from guardrails.profiles import profile


def _email_policy() -> HtmlPolicy:
    policy = profile("email").html
    assert policy is not None
    return policy


POLICY = _email_policy()

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT>alert(1)</SCRIPT>",
    "<ScRiPt src=//evil.example/x.js></ScRiPt>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<script/xss src="https://evil.example/x.js"></script>',
    '"><script>alert(1)</script>',
    "<img src=x onerror=alert(1)>",
    '<img src="x" onerror="alert(1)">',
    "<img/src=x/onerror=alert(1)>",
    "<p onclick='alert(1)'>hi</p>",
    "<b onmouseover=alert(1)>x</b>",
    '<a href="https://ok.example" onmouseover = "alert(1)">x</a>',
    '<a href="https://ok.example"\nonclick\n=\nalert(1)>x</a>',
    '<a href="https://ok.example"/onclick=alert(1)>x</a>',
    "<body onload=alert(1)>x</body>",
    "<details open ontoggle=alert(1)>x</details>",
    '<video><source onerror="alert(1)"></video>',
    '<a href="javascript:alert(1)">x</a>',
    '<A HREF="JAVASCRIPT:alert(1)">x</A>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="&#x6A;&#x61;&#x76;&#x61;script:alert(1)">x</a>',
    '<a href="&#0000106&#0000097vascript:alert(1)">x</a>',
    '<a href="jav\tascript:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="javas&Tab;cript:alert(1)">x</a>',
    '<a href="java\nscript:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="&#14;javascript:alert(1)">x</a>',
    "<a href=javascript&colon;alert(1)>x</a>",
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="//evil.example/x">x</a>',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<math href="javascript:alert(1)">x</math>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="data:text/html,<script>alert(1)</script>">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<form action="javascript:alert(1)"><button>go</button></form>',
    '<button formaction="javascript:alert(1)">x</button>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<div style="width: expression(alert(1))">x</div>',
    "<style>@import 'https://evil.example/x.css';</style>",
    '<link rel=stylesheet href="https://evil.example/x.css">',
    "<!--<img src=x onerror=alert(1)>-->",
    "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<img src=x onerror=alert(1)//",
    '<a href="https://ok.example">x<script>alert(1)',
    '<p title="</p><script>alert(1)</script>">x</p>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "<template><script>alert(1)</script></template>",
    "<textarea></textarea><img src=x onerror=alert(1)>",
    "<xmp><img src=x onerror=alert(1)></xmp>",
    '<a href="https://ok.example" target="_blank" rel="opener">x</a>',
]
EXECUTABLE = {"script", "iframe", "frame", "object", "embed", "applet", "svg", "math", "style"}
EXECUTABLE |= {"meta", "base", "form", "link", "img", "template", "noscript"}
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_TAG_NAME = re.compile(r"</?([A-Za-z][^\t\n\f\r />]*)")


def href_scheme(value: str) -> str | None:
    """Scheme as a browser reads it: whitespace/controls stripped, tabs/newlines removed."""
    cleaned = re.sub(r"[\t\n\r]", "", value.strip("".join(map(chr, range(33)))))
    match = _SCHEME.match(cleaned)
    return match.group(1).lower() if match else None


def assert_no_executable_vector(out: str) -> None:
    out = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", out)  # lxml rejects these
    if not out.strip():
        return
    root = lxml.html.fragment_fromstring(out, create_parent="div")
    for el in root.iterdescendants():
        assert isinstance(el.tag, str), f"comment or PI kept: {out!r}"
        assert el.tag not in EXECUTABLE, out
        assert el.tag in POLICY.allowed_tags, out
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), out
            assert el.tag == "a" and name == "href", out
            assert href_scheme(value) in POLICY.url_schemes, out


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_xss_payload_is_neutralised_and_reported(payload: str) -> None:
    out = sanitize_html(payload, POLICY)
    assert_no_executable_vector(out)
    assert sanitize_html(out, POLICY) == out
    assert disallowed_markup(payload, POLICY), payload
    assert disallowed_markup(out, POLICY) == []


def test_at_least_thirty_payloads() -> None:
    assert len(set(XSS_PAYLOADS)) >= 30


CLEAN_EMAIL = (
    "<p>Hi Sam,</p>\n<p>Thanks for trying <strong>Acme</strong> &amp; <em>welcome</em>.</p>\n"
    "<ul><li>Shared <b>workspaces</b></li><li>Weekly digest<br/>on Mondays</li></ul>\n"
    '<ol><li>Read the <a href="https://acme.example/guide?a=1&amp;b=2">guide</a></li></ol>\n'
    '<p>Questions? <a href="mailto:help@acme.example">help@acme.example</a>.<br>'
    "Best,<br>Jordan</p>"
)


def test_clean_email_is_kept_and_has_no_findings() -> None:
    assert disallowed_markup(CLEAN_EMAIL, POLICY) == []
    assert sanitize_html(CLEAN_EMAIL, POLICY) == CLEAN_EMAIL.replace("<br/>", "<br>")


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<div>x</div>", ["<div>"]),
        ('<p style="color:red">x</p>', ["style attribute on <p>"]),
        ('<p>a <img src="https://acme.example/x.png" alt="x"></p>', ["<img>"]),
        ("<table><tr><td>x</td></tr></table>", ["<table>", "<tbody>", "<tr>", "<td>"]),
        ("<p>a</p><!-- note -->", ["HTML comment"]),
        ('<a href="javascript:alert(1)">x</a>', ["javascript: URL in <a href>"]),
        ('<a href="/pricing">x</a>', ["relative URL in <a href>"]),
        ('<a href="http://acme.example">x</a>', ["http: URL in <a href>"]),
        ('<a href="https://acme.example" target="_blank">x</a>', ["target attribute on <a>"]),
        ("<p title=t>x</p>", ["title attribute on <p>"]),
        ("<html><body><p>x</p></body></html>", ["<html>", "<body>"]),
        (
            "<div><p class=a>x</p></div><div>y</div><script>z</script>",
            ["<div>", "class attribute on <p>", "<script>"],
        ),
    ],
)
def test_disallowed_markup_findings(html: str, expected: list[str]) -> None:
    assert disallowed_markup(html, POLICY) == expected


def test_policy_is_data() -> None:
    policy = HtmlPolicy(allowed_tags=frozenset({"b"}), url_schemes=frozenset({"https"}))
    html = '<b>x</b><a href="mailto:a@b.example">m</a>'
    assert sanitize_html(html, policy) == "<b>x</b>m"
    assert disallowed_markup(html, policy) == ["<a>"]
    assert sanitize_html(html, POLICY) == html


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<a><table><a>x", "<a></a><a>x</a>"),  # one nh3 pass nests <a> in <a>
        ("<li><table><td><li>x", "<li></li><li>x</li>"),
    ],
)
def test_sanitize_is_idempotent_where_one_pass_is_not(html: str, expected: str) -> None:
    assert sanitize_html(html, POLICY) == expected
    assert sanitize_html(expected, POLICY) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>hi</p><img src=x onerror=alert(1)//", ["<img>", "unclosed tag at the end"]),
        ('<p>hi</p><a href="javascript:alert(1)"', ["unclosed tag at the end"]),
        ("<p>x</p></div>", ["<div>"]),
        ("<P>x<BR/>y", []),
        ('<a href="https://exa mple.example">x</a>', []),  # invalid URL: left to the URL rules
        # A formatting element left open is closed by the parser, not removed by the sanitizer.
        ("<p><b>Hi</p>", []),
        ('<a href="https://a.example"><p><em>Hi</p>', []),
    ],
)
def test_disallowed_markup_on_tokens_the_parser_drops(html: str, expected: list[str]) -> None:
    assert disallowed_markup(html, POLICY) == expected


def test_surrogates_and_nul_never_raise() -> None:
    assert sanitize_html("<p>a\ud800b\x00</p>", POLICY) == "<p>a?b</p>"
    assert disallowed_markup("<p>a\ud800b\x00</p>", POLICY) == []


HTML_TO_TEXT = [
    ("<p>One</p><p>Two</p>", "One\n\nTwo"),
    ("<p>a<br>b<br/><br>c</p>", "a\nb\n\nc"),
    ('<a href="https://acme.example/x">the guide</a>', "the guide (https://acme.example/x)"),
    ('<a href="https://acme.example">https://acme.example</a>', "https://acme.example"),
    ('<a href=" https://acme.example "></a>', "https://acme.example"),
    ('<a href="mailto:help@acme.example?subject=Hi">Email us</a>', "Email us (help@acme.example)"),
    ('<a href="mailto:help@acme.example">help@acme.example</a>', "help@acme.example"),
    ("<p>Plan:</p><ul><li>one</li><li>two</li></ul><p>End</p>", "Plan:\n\n- one\n- two\n\nEnd"),
    ("<ol><li>first</li><li>second</li><li>third</li></ol>", "1. first\n2. second\n3. third"),
    ('<ol start="3"><li>c</li><li>d</li></ol><ol start="²"><li>x</li></ol>', "3. c\n4. d\n\n1. x"),
    (
        "<ul><li>a<ul><li>a1</li><li>a2</li></ul></li><li>b<ol><li>b1</li></ol></li></ul>",
        "- a\n  - a1\n  - a2\n- b\n  1. b1",
    ),
    (
        "<p>Tom &amp; Jerry&nbsp;say &eacute;t&eacute; &#8217;hi&#8217; &lt;3</p>",
        "Tom & Jerry say été ’hi’ <3",
    ),
    ("<p>Hi</p><script>alert(1)</script><style>p{color:red}</style><p>there</p>", "Hi\n\nthere"),
    ("<html><head><title>T</title></head><body><p>Body</p></body></html>", "Body"),
    ("  <p>  lots   of\n\n  space  </p>\n\n\n<p>\tnext </p>  ", "lots of space\n\nnext"),
    ("<div>Hi Sam,</div><div><br></div><div>Thanks</div>", "Hi Sam,\n\nThanks"),
    ("<h1>Title</h1><blockquote>Quote</blockquote>tail", "Title\n\nQuote\n\ntail"),
    ("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc"),
    ("<p>x <b>bold</b>, <!-- hidden --><i>it</i>.</p>", "x bold, it."),
    ("<p>a</p><p></p><p></p><p>b</p><br><br><br>", "a\n\nb"),
    ("", ""),
]


@pytest.mark.parametrize(("html", "expected"), HTML_TO_TEXT)
def test_html_to_text(html: str, expected: str) -> None:
    assert html_to_text(html) == expected
    assert html_to_text(parse_html(html)) == expected


TEXT_TO_HTML = [
    ("", ""),
    ("  \n \n", ""),
    ("Hello", "<p>Hello</p>"),
    ("One\n\nTwo\nlines", "<p>One</p>\n<p>Two<br>lines</p>"),
    ("- a\n* b", "<ul><li>a</li><li>b</li></ul>"),
    ("1. a\n2) b", "<ol><li>a</li><li>b</li></ol>"),
    ("Plan:\n- a\n- b\nDone", "<p>Plan:</p>\n<ul><li>a</li><li>b</li></ul>\n<p>Done</p>"),
    ("<b>x</b> & y", "<p>&lt;b&gt;x&lt;/b&gt; &amp; y</p>"),
    (
        "See https://acme.example/x?a=1&b=2.",
        '<p>See <a href="https://acme.example/x?a=1&amp;b=2">'
        "https://acme.example/x?a=1&amp;b=2</a>.</p>",
    ),
    (
        "(https://acme.example/a_(b)) or http://plain.example",
        '<p>(<a href="https://acme.example/a_(b)">https://acme.example/a_(b)</a>)'
        " or http://plain.example</p>",
    ),
    ("https:// and https://x.example:99999", "<p>https:// and https://x.example:99999</p>"),
]


@pytest.mark.parametrize(("text", "expected"), TEXT_TO_HTML)
def test_text_to_html(text: str, expected: str) -> None:
    html = text_to_html(text)
    assert html == expected
    assert disallowed_markup(html, POLICY) == []


def test_visible_links() -> None:
    root = parse_html(
        '<p><a href=" https://a.example/1 ">One <b>bold</b>\n link</a> '
        '<a href="mailto:x@y.example">mail</a> <a>none</a></p>'
    )
    assert visible_links(root) == [
        ("https://a.example/1", "One bold link"),
        ("mailto:x@y.example", "mail"),
        ("", "none"),
    ]


@pytest.mark.parametrize(
    "html", ["", "   \n\t", "\x00", "\x00<p>\x00</p>", "<p>unclosed <b>bold <a href=x>", "a\ud800b"]
)
def test_parse_html_never_raises(html: str) -> None:
    root = parse_html(html)
    assert root.tag == "div"
    assert isinstance(html_to_text(root), str)
    assert isinstance(visible_links(root), list)


def test_parse_html_keeps_content_after_document_end_tags() -> None:
    root = parse_html('<html lang="en"><body class="x"><p>a</p></body></html><p>b &#1;</p>')
    assert root.tag == "div" and root.attrib == {} and root.getparent() is None
    assert html_to_text(root) == "a\n\nb \x01"


def test_deep_nesting_fallback_still_drops_scripts() -> None:
    html = (
        "<div>" * 300
        + "<script>alert(1)</script><style>p{}</style>ok <a href=https://x.example>l</a>"
    )
    root = parse_html(html)
    assert html_to_text(root) == "ok l (https://x.example)"
    assert visible_links(root) == [("https://x.example", "l")]


def test_parse_html_bytes_and_controls() -> None:
    assert html_to_text(parse_html(b"\xff<p>caf\xc3\xa9</p>")) == "\ufffd\n\ncafé"
    assert html_to_text("\x01a\x0bb\x0cc\ufffe") == "ab c"


@pytest.mark.parametrize("tag", ["div", "b", "ul><li", "table><tr><td"])
def test_ten_thousand_levels_of_nesting(tag: str) -> None:
    end = tag.split(">")[0]
    html = f"<{tag}>" * 10_000 + 'deep <a href="https://x.example">x</a>'
    html += f"</{end}>" * 10_000 + "<p>after</p>"
    start = time.perf_counter()
    root = parse_html(html)
    text = html_to_text(root)
    assert time.perf_counter() - start < 2.0
    assert text.endswith("deep x (https://x.example)\n\nafter")
    assert visible_links(root) == [("https://x.example", "x")]


def test_html_to_text_walks_deep_trees_without_recursion() -> None:
    root = etree.Element("div")
    node = root
    for _ in range(10_000):
        node = etree.SubElement(node, "div")
    node.text = "deep"
    node.tail = "tail"
    assert html_to_text(root) == "deep\ntail"


# --- properties ------------------------------------------------------------------------

_TAGS = ["p", "b", "a", "br", "ul", "ol", "li", "em", "div", "span", "script", "style", "img"]
_TAGS += ["svg", "math", "table", "td", "iframe", "template", "textarea", "title", "noscript"]
_ATTRS = ["href", "onclick", "style", "src", "title", "xlink:href", "srcdoc", "class"]
_VALUES = ["https://ok.example/x", "javascript:alert(1)", "java&#9;script:x", "mailto:a@b.co"]
_VALUES += ["/rel", "data:,x", 'x" onerror="y', "", "&amp;"]
_open_tags = st.builds(
    lambda tag, attrs: "<" + tag + "".join(f' {k}="{v}"' for k, v in attrs) + ">",
    st.sampled_from(_TAGS),
    st.lists(st.tuples(st.sampled_from(_ATTRS), st.sampled_from(_VALUES)), max_size=2),
)
_pieces = st.one_of(
    _open_tags,
    st.sampled_from(_TAGS).map(lambda tag: f"</{tag}>"),
    st.text(max_size=6),
    st.sampled_from(["<", ">", "&", "&amp;", "<!--", "-->", "]]>", "<![CDATA[", "\x00", "'"]),
)
html_ish = st.lists(_pieces, max_size=25).map("".join)


@given(html_ish)
def test_sanitize_properties(html: str) -> None:
    out = sanitize_html(html, POLICY)
    assert sanitize_html(out, POLICY) == out
    assert_no_executable_vector(out)
    assert disallowed_markup(out, POLICY) == []
    findings = disallowed_markup(html, POLICY)
    assert findings == list(dict.fromkeys(findings))
    if not findings:  # then no disallowed tag token is anywhere in the input
        assert {name.lower() for name in _TAG_NAME.findall(html)} <= POLICY.allowed_tags
    html_to_text(html)


_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzAZ09éß", min_size=1, max_size=8)
_urls = st.builds(
    lambda host, path: f"https://{host}.example/{path}",
    st.text(alphabet="abcxyz0", min_size=1, max_size=6),
    st.text(alphabet="abc/_-=", max_size=6),
)
_lines = st.lists(st.one_of(_words, _urls), min_size=1, max_size=6).map(" ".join)
_blocks = st.one_of(
    st.lists(_lines, min_size=1, max_size=3).map("\n".join),
    st.lists(_lines, min_size=1, max_size=4).map(lambda items: "\n".join(f"- {i}" for i in items)),
    st.lists(_lines, min_size=1, max_size=4).map(
        lambda items: "\n".join(f"{n}. {i}" for n, i in enumerate(items, 1))
    ),
)
documents = st.lists(_blocks, min_size=1, max_size=4).map("\n\n".join)


@given(documents)
def test_text_round_trip_keeps_words_and_urls(text: str) -> None:
    html = text_to_html(text)
    assert disallowed_markup(html, POLICY) == []
    back = html_to_text(html)
    assert re.findall(r"\w+", back) == re.findall(r"\w+", text)
    assert re.findall(r"https://\S+", back) == re.findall(r"https://\S+", text)


@given(st.text())
def test_text_to_html_is_always_allowed_html(text: str) -> None:
    html = text_to_html(text)
    assert disallowed_markup(html, POLICY) == []
    assert_no_executable_vector(sanitize_html(html, POLICY))
    html_to_text(html)


@given(st.one_of(st.text(), st.binary()))
def test_parse_html_never_raises_on_junk(junk: str | bytes) -> None:
    root = parse_html(junk)
    assert root.tag == "div"
    html_to_text(root)
    visible_links(root)

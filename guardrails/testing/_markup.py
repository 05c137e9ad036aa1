"""Markup strategies: URLs, app deep links, simple email HTML, Slack mrkdwn, plain phrases."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from guardrails.testing._vocab import (
    HOSTS,
    PLACEHOLDER_RESTS,
    QUERY_KEYS,
    QUERY_VALUES,
    SEGMENTS,
    WORDS,
    check_count,
    check_flag,
    formatted,
)

__all__ = ["deep_links", "email_html", "phrases", "slack_markdown", "urls"]

_IDS = st.integers(0, 99_999).map(str)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*")
_SLOT = re.compile(r"\{[^{}/]*\}")


def phrases(*, min_words: int = 1, max_words: int = 6) -> SearchStrategy[str]:
    """Lower-case words that no built-in rule reacts to, one space apart. Shrinks to ``'hi'``."""
    return st.lists(st.sampled_from(WORDS), min_size=min_words, max_size=max_words).map(" ".join)


def _url(scheme: str, host: str, port: str, path: list[str], slash: str,
         query: list[tuple[str, str]], fragment: str, *, limit: int | None) -> str:
    """The URL of the drawn parts; over ``limit``, query pairs, then path segments, then the
    fragment, trailing slash, port and finally the host's length give way."""
    def joined() -> str:
        tail = "?" + "&".join(f"{k}={v}" for k, v in query) if query else ""
        return f"{scheme}://{host}{port}{''.join('/' + p for p in path)}{slash}{tail}{fragment}"

    url = joined()
    while limit is not None and len(url) > limit:
        if query:
            query = query[:-1]
        elif path:
            path = path[:-1]
        elif fragment or slash or port:
            fragment = slash = port = ""
        elif host != HOSTS[0]:
            host = HOSTS[0]
        else:  # pragma: no cover - max_length is at least len("https://acme.com")
            break
        url = joined()
    return url


def urls(*, https_only: bool = True, placeholder: bool = False,
         max_length: int | None = None) -> SearchStrategy[str]:
    """Absolute web URLs on real-looking hosts, with optional port, path, query (tracking
    parameters make some over 150 characters) and fragment.

    ``https_only=False`` also draws ``http://``. ``max_length`` (at least 16) caps the length,
    as a link shortener would. ``placeholder=True`` draws only links nobody filled in
    (``https://example.com``, ``{{url}}``, ``[LINK]``), each one GR502 rejects.
    Shrinks towards ``'https://acme.com'``.

    >>> @given(urls(max_length=60))
    ... def test_kept(url): assert url in render_sms(link=url)
    """
    schemes = ["https"] if check_flag("https_only", https_only) else ["https", "http"]
    if max_length is not None:
        check_count("max_length", max_length, minimum=len(f"https://{HOSTS[0]}"))
    if check_flag("placeholder", placeholder):
        if max_length is not None:
            raise InvalidArgument("max_length applies to real URLs, not to placeholder=True")
        return formatted("{}://{}", st.sampled_from(schemes), st.sampled_from(PLACEHOLDER_RESTS))
    return st.tuples(
        st.sampled_from(schemes), st.sampled_from(HOSTS), st.sampled_from(["", ":8443"]),
        st.lists(st.one_of(st.sampled_from(SEGMENTS), _IDS), max_size=4),
        st.sampled_from(["", "/"]),
        st.lists(st.tuples(st.sampled_from(QUERY_KEYS), st.sampled_from(QUERY_VALUES)),
                 max_size=4),
        st.sampled_from(["", "#top", "#faq"]),
    ).map(lambda parts: _url(*parts, limit=max_length))


def deep_links(scheme: str, routes: Sequence[str]) -> SearchStrategy[str]:
    """App deep links that match one of ``routes``; each ``{name}`` becomes one path segment.

    Shrinks towards the first route, each ``{name}`` as ``0`` (``'acmefit://workouts/0'``).

    >>> @given(deep_links("acmefit://", ["workouts/{id}", "settings"]))
    ... def test_opens(link): assert my_router.resolve(link) is not None
    """
    name = scheme.removesuffix("://") if isinstance(scheme, str) else ""
    if not _SCHEME.fullmatch(name):
        raise InvalidArgument(f"Expected a scheme like 'acmefit://' but got scheme={scheme!r}")
    if isinstance(routes, str) or not isinstance(routes, Sequence) or not routes or not all(
            isinstance(r, str) and r.strip().strip("/") for r in routes):
        raise InvalidArgument(f"Expected routes to be a non-empty list of routes like "
                              f"'workouts/{{id}}' but got routes={routes!r}")
    part = st.one_of(_IDS, st.sampled_from(SEGMENTS))
    # One strategy per route, so a failing example shows the link, not how it was drawn.
    return st.one_of([_route_links(name, _SLOT.split(r.strip().strip("/")), part)
                      for r in routes])


def _route_links(scheme: str, pieces: list[str], part: SearchStrategy[str]) -> SearchStrategy[str]:
    """``scheme://`` + the route's fixed ``pieces`` with a drawn ``part`` between each two."""
    def link(values: tuple[str, ...]) -> str:
        filled = "".join(v + after for v, after in zip(values, pieces[1:], strict=True))
        return f"{scheme}://{pieces[0]}{filled}"

    return st.tuples(*[part] * (len(pieces) - 1)).map(link)


def _inline_html(links: bool) -> SearchStrategy[str]:
    """A run of words, some bold/italic, some linked, some before a line break (escaped)."""
    word = st.sampled_from([*WORDS, "&"]).map(html.escape)
    styled = formatted("<{0}>{1}</{0}>", st.sampled_from(["b", "strong", "i", "em"]), word)
    tokens = [word, styled, word.map("{} <br>".format)]
    if links:
        tokens.append(formatted('<a href="{}">{}</a>', urls().map(html.escape),
                                phrases(max_words=3)))
    return st.lists(st.one_of(tokens), min_size=1, max_size=6).map(" ".join)


def _email_blocks(*, max_blocks: int, links: bool, lists: bool,
                  ordered: bool) -> SearchStrategy[str]:
    inline = _inline_html(links)
    blocks = [inline.map("<p>{}</p>".format)]
    if lists:
        items = st.lists(inline.map("<li>{}</li>".format), min_size=1, max_size=3).map("".join)
        blocks.append(items.map("<ul>{}</ul>".format))
        if ordered:
            blocks.append(items.map("<ol>{}</ol>".format))
    return st.lists(st.one_of(blocks), min_size=1, max_size=max_blocks).map("\n".join)


def email_html(*, max_blocks: int = 4, links: bool = True,
               lists: bool = True) -> SearchStrategy[str]:
    """Simple email HTML inside the channel allowlist, which the sanitizer leaves unchanged:
    paragraphs with ``<b> <strong> <i> <em> <br>`` and https links, ``<ul>``/``<ol>`` lists.

    Shrinks towards ``'<p>hi</p>'``.

    >>> @given(email_html())
    ... def test_fallback(body): assert "<" not in my_text_fallback(body)
    """
    check_count("max_blocks", max_blocks, minimum=1)
    return _email_blocks(max_blocks=max_blocks, links=check_flag("links", links),
                         lists=check_flag("lists", lists), ordered=True)


_MAX_LINES = 6  # each line holds at most 25 words: a bullet and 8 tokens of up to 3 words


def _slack_line() -> SearchStrategy[str]:
    word = st.sampled_from(WORDS)
    token = st.one_of(
        word,
        formatted("{0}{1}{0}", st.sampled_from(["*", "_", "~", "`"]), word),
        formatted("<{}|{}>", urls(), phrases(max_words=3)),
        urls().map("<{}>".format),
        st.sampled_from(["<@U024BE7LH>", ":tada:", "&amp;", "&lt;", "<#C024BE7LR>"]),
    )
    prefix = st.sampled_from(["", "• ", "> "])
    return formatted("{}{}", prefix, st.lists(token, min_size=1, max_size=8).map(" ".join))


def slack_markdown(*, max_lines: int = 5) -> SearchStrategy[str]:
    """Slack mrkdwn that renders as meant and fits a DM (150 words; ``max_lines`` up to 6):
    ``*bold*``, ``_italic_``, ``~strike~``, inline code, ``<url|label>`` links, mentions,
    emoji codes, bullets and quotes.

    Shrinks towards ``'hi'``.

    >>> @given(slack_markdown())
    ... def test_words(text): assert my_word_count(text) == slack_word_count(text)
    """
    check_count("max_lines", max_lines, minimum=1)
    if max_lines > _MAX_LINES:
        raise InvalidArgument(f"Expected max_lines <= {_MAX_LINES} (a Slack DM holds 150 words) "
                              f"but got max_lines={max_lines!r}")
    return st.lists(_slack_line(), min_size=1, max_size=max_lines).map("\n".join)

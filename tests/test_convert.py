"""convert(): every target fits its channel and converting twice equals converting once."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guardrails import ConfigurationError, convert, sms_info
from guardrails.formats.text import grapheme_count
from guardrails.profiles import profile

PIECES = st.sampled_from([
    "**bold**", "_it_", "[link](https://acme.com/a)", "<p>", "</p>", "<b>x</b>", "# Head\n",
    "- item\n", "1. first\n", "“quoted”", "—", "…", "😀", "👍🏽", "\u00a0", "é", "ç", "€", "{",
    "https://acme.com/x?y=1", "\n\n", "  ", "&amp;", "<a href='https://acme.com'>go</a>",
])
TEXTS = st.lists(PIECES | st.text(max_size=12), max_size=40).map("".join) | st.text(max_size=300)


@given(text=TEXTS, segments=st.integers(min_value=1, max_value=3))
def test_sms_always_fits_and_is_idempotent(text: str, segments: int) -> None:
    once = convert(text, to="sms", segments=segments)
    assert sms_info(once).segments <= segments
    assert convert(once, to="sms", segments=segments, source="text") == once


@given(text=TEXTS)
def test_default_sms_fits_the_channel_profile(text: str) -> None:
    limit = profile("sms").limit("text", "sms_segments")
    assert limit is not None
    assert sms_info(convert(text, to="sms")).segments <= limit.max


@given(text=TEXTS, limit=st.integers(min_value=1, max_value=120))
def test_push_fits_in_graphemes_and_is_idempotent(text: str, limit: int) -> None:
    once = convert(text, to="push", limit=limit)
    assert grapheme_count(once) <= limit
    assert convert(once, to="push", limit=limit, source="text") == once


@given(text=TEXTS)
def test_slack_is_idempotent(text: str) -> None:
    once = convert(text, to="slack", source="markdown")
    assert convert(once, to="slack", source="markdown") == once


@given(text=TEXTS)
def test_email_output_is_stable_under_sanitizing(text: str) -> None:
    once = convert(text, to="email")
    assert convert(once, to="email", source="html") == once


@given(text=TEXTS)
def test_text_keeps_every_https_link_target(text: str) -> None:
    html = convert(text, to="email", source="text")
    plain = convert(html, to="text", source="html")
    for url in ("https://acme.com/x?y=1",):
        if url in text and "<" not in text and "&" not in text:
            assert url in plain


@pytest.mark.parametrize(("text", "to", "expected"), [
    ("**Big** news: [read](https://acme.com/n)", "slack", "*Big* news: <https://acme.com/n|read>"),
    ("<p>Hi&nbsp;there</p>", "text", "Hi there"),
    ("It’s “ready” — pick it up…", "sms", "It's \"ready\" - pick it up..."),
    ("Hello **world**", "email", "<p>Hello <strong>world</strong></p>"),
])
def test_examples_from_the_readme(text: str, to: str, expected: str) -> None:
    assert convert(text, to=to) == expected


def test_bad_options_are_configuration_errors() -> None:
    with pytest.raises(ConfigurationError, match="unknown target 'fax'"):
        convert("x", to="fax")
    with pytest.raises(ConfigurationError, match="segments must be a positive integer"):
        convert("x", to="sms", segments=0)
    with pytest.raises(ConfigurationError, match="unknown option"):
        convert("x", to="email", segments=2)

"""guardrails.testing.strategies: every drawn value is what the docstring promises, every
strategy shrinks to a small readable example, and bad arguments are InvalidArgument."""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from guardrails import ConfigurationError, Context, check, convert, sms_info
from guardrails.engine.urls import classify, route_matches, valid_url
from guardrails.formats.slack import slack_format_problems, slack_word_count
from guardrails.formats.sms import GSM_BASIC, GSM_CHARS, transliterate
from guardrails.formats.text import grapheme_count, graphemes
from guardrails.models import CHANNELS, Draft, PushDraft, SmsDraft
from guardrails.testing import render_output, strategies
from guardrails.testing._vocab import FORCING, GSM_ORDER, WORDS
from guardrails.testing.strategies import (
    contexts,
    deep_links,
    drafts,
    email_html,
    emoji_clusters,
    emoji_text,
    gsm7_text,
    llm_outputs,
    slack_markdown,
    sms_text,
    ucs2_text,
    urls,
)

FIND = settings(database=None, max_examples=2000, derandomize=True,
                phases=[Phase.generate, Phase.shrink], suppress_health_check=list(HealthCheck))
ROUTES = ("workouts/{id}", "settings", "orders/{id}/items/{item}")


def smallest(strategy: SearchStrategy[Any],
             condition: Callable[[Any], bool] = lambda _: True) -> Any:
    return find(strategy, condition, settings=FIND)


# --- the module's surface ---------------------------------------------------------------------


def test_all_lists_exactly_the_public_strategies() -> None:
    public = {name for name, value in vars(strategies).items()
              if callable(value) and not name.startswith("_") and name != "annotations"}
    assert sorted(strategies.__all__) == strategies.__all__
    assert set(strategies.__all__) == public
    for name in strategies.__all__:
        made = getattr(strategies, name)(*(("acme://", ["a"]) if name == "deep_links" else ()))
        assert isinstance(made, SearchStrategy), name


@pytest.mark.parametrize("name", strategies.__all__)
def test_each_strategy_documents_an_example_and_what_it_shrinks_to(name: str) -> None:
    doc = inspect.getdoc(getattr(strategies, name)) or ""
    assert "Shrinks towards" in doc, name
    if name != "emoji_clusters":
        assert re.search(r"^>>> @given\(", doc, re.M), name
    positional = {"deep_links": {"scheme", "routes"}, "drafts": {"channel"},
                  "llm_outputs": {"channel"}}.get(name, set())
    for param in inspect.signature(getattr(strategies, name)).parameters.values():
        assert param.name in positional or param.kind is param.KEYWORD_ONLY, (name, param)


def test_importing_the_package_does_not_import_the_toolkit() -> None:
    import subprocess
    import sys

    code = ("import sys, guardrails; guardrails.check; print(sorted(m for m in sys.modules "
            "if m.startswith(('guardrails.testing', 'hypothesis'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- shrinking: the minimal example is small and readable -------------------------------------


@pytest.mark.parametrize(("strategy", "expected"), [
    (gsm7_text(), ""),
    (ucs2_text(), "ç"),
    (ucs2_text(transliterable=False), "中"),
    (sms_text(), ""),
    (sms_text(encoding="UCS-2"), "ç"),
    (emoji_text(), ""),
    (emoji_clusters(), "a"),
    (urls(), "https://acme.com"),
    (urls(placeholder=True), "https://example.com"),
    (deep_links("acmefit://", ROUTES), "acmefit://workouts/0"),
    (email_html(), "<p>hi</p>"),
    (slack_markdown(), "hi"),
    (llm_outputs("sms"), "SMS: hi"),
    (llm_outputs("email"), "SUBJECT: hi\nBODY_HTML:\n<p>hi</p>\nBODY_TEXT:\nhi"),
    (contexts(), Context()),
], ids=lambda value: str(value)[:40] if isinstance(value, str | Context) else None)
def test_minimal_example(strategy: SearchStrategy[Any], expected: Any) -> None:
    assert smallest(strategy) == expected


@pytest.mark.parametrize(("strategy", "condition", "expected"), [
    (gsm7_text(), lambda t: len(t) >= 5, "aaaaa"),
    (gsm7_text(), lambda t: sms_info(t).units > len(t), "€"),
    (ucs2_text(), lambda t: len(t) >= 3, "çaa"),
    (sms_text(max_segments=2), lambda t: sms_info(t).segments == 2, "ç" + "a" * 70),
    (emoji_text(), lambda t: len(graphemes(t)) != len(t), "👍🏻"),
    (emoji_text(), lambda t: "\u0301" in t, "e\u0301"),
    (emoji_text(), lambda t: "\u200d" in t, "😀\u200d😀"),
    (urls(), lambda u: "?" in u, "https://acme.com?ref=email"),
    (urls(https_only=False), lambda u: u.startswith("http:"), "http://acme.com"),
    (deep_links("acmefit://", ROUTES), lambda u: "/" not in u[10:], "acmefit://settings"),
    (deep_links("acmefit://", ROUTES), lambda u: "items" in u, "acmefit://orders/0/items/0"),
    (email_html(), lambda h: "<a " in h, '<p><a href="https://acme.com">hi</a></p>'),
    (email_html(), lambda h: "<ol>" in h, "<ol><li>hi</li></ol>"),
    (slack_markdown(), lambda t: "<https" in t, "<https://acme.com>"),
    (slack_markdown(), lambda t: "|" in t, "<https://acme.com|hi>"),
    (contexts(), lambda c: c.governance is not None, Context(governance={})),
], ids=lambda value: str(value)[:40] if isinstance(value, str | Context) else None)
def test_shrinks_to_a_small_readable_example(strategy: SearchStrategy[Any],
                                             condition: Callable[[Any], bool],
                                             expected: Any) -> None:
    assert smallest(strategy, condition) == expected


def test_drafts_shrink_to_one_word_per_field() -> None:
    for channel in CHANNELS:
        fields = smallest(drafts(channel)).text_fields()
        assert fields == ({"subject": "hi", "body_html": "<p>hi</p>", "body_text": "hi"}
                          if channel == "email" else {n: "hi" for n in fields}), channel
    push = smallest(drafts("push"), lambda d: len(d.buttons) == 1)
    assert [(b.label, b.url) for b in push.buttons] == [("hi hi", "https://acme.com")]


# --- every drawn value is what the docstring promises -----------------------------------------


def test_gsm_order_is_the_whole_alphabet_but_cr_and_form_feed() -> None:
    assert sorted(GSM_ORDER) == sorted(GSM_CHARS - {"\r", "\x0c"})
    assert len(GSM_ORDER) == len(set(GSM_ORDER))
    assert GSM_ORDER[:3] == ["a", "b", "c"]
    assert all(sms_info(c).encoding == "UCS-2" for side in FORCING.values() for c in side)


@given(gsm7_text(), gsm7_text(extension=False))
def test_gsm7_text_is_gsm7(text: str, basic: str) -> None:
    assert sms_info(text).encoding == "GSM-7"
    assert set(basic) <= GSM_BASIC and sms_info(basic).units == len(basic)
    assert "\r" not in text + basic and "\x0c" not in text + basic


@given(gsm7_text(min_size=3, max_size=7), ucs2_text(min_size=2, max_size=4))
def test_sizes_are_respected(gsm: str, ucs2: str) -> None:
    assert 3 <= len(gsm) <= 7 and 2 <= len(ucs2) <= 4


@given(ucs2_text(), ucs2_text(transliterable=True), ucs2_text(transliterable=False))
def test_ucs2_text_forces_ucs2(any_text: str, fixable: str, unfixable: str) -> None:
    for text in (any_text, fixable, unfixable):
        assert sms_info(text).encoding == "UCS-2"
    assert sms_info(transliterate(fixable)).encoding == "GSM-7"
    assert sms_info(transliterate(unfixable)).encoding == "UCS-2"


@given(st.integers(1, 4).flatmap(lambda n: st.tuples(st.just(n), sms_text(max_segments=n))),
       sms_text(encoding="GSM-7"), sms_text(encoding="UCS-2"))
def test_sms_text_fits_its_segments(drawn: tuple[int, str], gsm: str, ucs2: str) -> None:
    segments, text = drawn
    assert sms_info(text).segments <= segments
    assert sms_info(gsm).encoding == "GSM-7" and sms_info(gsm).segments <= 1
    assert sms_info(ucs2).encoding == "UCS-2" and sms_info(ucs2).segments == 1


@pytest.mark.parametrize(("encoding", "segments", "units"), [
    ("GSM-7", 1, 160), ("UCS-2", 1, 70), ("GSM-7", 2, 306), ("UCS-2", 3, 201),
])
def test_sms_text_often_ends_at_the_segment_boundary(encoding: Any, segments: int,
                                                    units: int) -> None:
    found = find(sms_text(max_segments=segments, encoding=encoding),
                 lambda t: sms_info(t).units >= units - 1,
                 settings=settings(FIND, max_examples=50, phases=[Phase.generate]))
    assert sms_info(found).segments == segments


@given(st.lists(emoji_clusters(), max_size=12))
def test_every_cluster_is_one_grapheme_even_next_to_another(clusters: list[str]) -> None:
    text = "".join(clusters)
    assert graphemes(text) == clusters
    assert grapheme_count(text) == len(clusters)


@given(emoji_text(min_size=2, max_size=5))
def test_emoji_text_sizes_count_graphemes(text: str) -> None:
    assert 2 <= grapheme_count(text) <= 5


@given(urls(), urls(https_only=False))
def test_urls_are_valid_and_real(secure: str, web: str) -> None:
    for url in (secure, web):
        assert valid_url(url) and classify(url).placeholder is None, url
        assert url.split("://")[0] in ("https", "http")
    assert secure.startswith("https://")
    assert check(SmsDraft(text=f"see {secure}"), select=["GR5"]).violations == []


@given(st.integers(16, 120).flatmap(lambda n: st.tuples(st.just(n), urls(max_length=n))))
def test_urls_respect_max_length(drawn: tuple[int, str]) -> None:
    limit, url = drawn
    assert len(url) <= limit and valid_url(url) and classify(url).placeholder is None


def test_long_tracking_urls_are_drawn_too() -> None:
    assert len(smallest(urls(), lambda u: len(u) > 150)) <= 170


@given(urls(placeholder=True))
def test_placeholder_urls_are_placeholders_that_gr502_rejects(url: str) -> None:
    assert classify(url).placeholder is not None
    assert "GR502" in {v.rule for v in check(SmsDraft(text=f"see {url}")).violations}


@given(deep_links("acmefit://", ROUTES))
def test_deep_links_match_a_route_and_pass_the_url_rules(link: str) -> None:
    scheme, path = link.split("://")
    assert scheme == "acmefit" and route_matches(path, ROUTES)
    report = check(PushDraft(title="hi", body="hi", buttons=[{"label": "see it", "url": link}]),
                   context={"deep_link_scheme": "acmefit://", "routes": ROUTES})
    assert report.violations == []


@given(email_html())
def test_email_html_is_what_the_sanitizer_keeps(body: str) -> None:
    assert convert(body, to="email", source="html") == body
    report = check(f"SUBJECT: hi\nBODY_HTML:\n{body}\nBODY_TEXT:\nhi", "email")
    assert [v.rule for v in report.violations if v.constraint in (1, 5)] == []


@given(email_html(links=False, lists=False))
def test_email_html_options(body: str) -> None:
    assert "<a " not in body and "<li>" not in body


@given(slack_markdown(max_lines=6))
def test_slack_markdown_renders_and_fits_a_dm(text: str) -> None:
    assert slack_format_problems(text) == []
    assert slack_word_count(text) <= 150
    assert check(f"SLACK:\n{text}", "slack").violations == []


@given(drafts())
def test_drafts_are_valid_and_sendable(draft: Draft) -> None:
    assert type(draft).model_validate(draft.model_dump()) == draft  # a real, valid model
    report = check(draft)
    assert (report.violations, report.review_flags) == ([], [])


@pytest.mark.parametrize("channel", ["slack", "in-app", "SMS"])
def test_drafts_accept_channel_aliases(channel: str) -> None:
    assert smallest(drafts(channel)).channel in CHANNELS


@given(st.sampled_from(CHANNELS).flatmap(lambda c: st.tuples(st.just(c), llm_outputs(c))))
def test_llm_outputs_parse_and_pass(drawn: tuple[str, str]) -> None:
    channel, raw = drawn
    report = check(raw, channel)
    assert report.ok and report.violations == [], (raw, report.violations)


@given(contexts())
def test_contexts_are_valid_and_round_trip_through_json(context: Context) -> None:
    assert Context.model_validate_json(context.model_dump_json(exclude_unset=True)) == context


def test_render_output_writes_each_style() -> None:
    draft = PushDraft(title="Table ready", body="Come in",
                      buttons=[{"label": "See the menu", "url": "https://acme.com"}])
    assert render_output(draft) == ("TITLE: Table ready\nBODY: Come in\n"
                                    "BUTTON: See the menu | https://acme.com")
    assert render_output(draft, "headings") == (
        "### Title\nTable ready\n\n### Body\nCome in\n\n### Buttons\n"
        "- See the menu | https://acme.com")
    assert render_output(SmsDraft(text="hi"), "preamble") == "Sure! Here's the SMS:\n\nSMS: hi"
    assert json.loads(render_output(SmsDraft(text="hi"), "json")) == {"text": "hi"}
    assert render_output(SmsDraft(text="hi"), "crlf") == "SMS: hi"
    with pytest.raises(ConfigurationError, match="unknown style 'yaml'; expected one of: labels"):
        render_output(draft, "yaml")  # type: ignore[arg-type]


def test_words_trigger_no_rule() -> None:
    for word in WORDS:
        assert check(SmsDraft(text=f"{word} {word}")).violations == [], word


# --- bad arguments ----------------------------------------------------------------------------


@pytest.mark.parametrize(("strategy", "args", "kwargs", "message"), [
    (gsm7_text, (), {"min_size": -1}, "Expected min_size to be an int >= 0 but got min_size=-1"),
    (gsm7_text, (), {"min_size": 3, "max_size": 2}, "Expected max_size to be an int >= 3"),
    (gsm7_text, (), {"max_size": 2.5}, "got max_size=2.5"),
    (gsm7_text, (), {"extension": "no"}, "Expected extension to be a bool"),
    (ucs2_text, (), {"min_size": 0}, "Expected min_size to be an int >= 1 but got min_size=0"),
    (ucs2_text, (), {"transliterable": "yes"}, "got transliterable='yes'"),
    (sms_text, (), {"max_segments": 0}, "Expected max_segments to be an int >= 1"),
    (sms_text, (), {"max_segments": True}, "got max_segments=True"),
    (sms_text, (), {"encoding": "utf-8"}, "got encoding='utf-8'"),
    (emoji_text, (), {"max_size": -2}, "got max_size=-2"),
    (urls, (), {"https_only": "no"}, "Expected https_only to be a bool but got https_only='no'"),
    (urls, (), {"placeholder": 1}, "got placeholder=1"),
    (urls, (), {"max_length": 15}, "Expected max_length to be an int >= 16 but got max_length=15"),
    (urls, (), {"placeholder": True, "max_length": 40}, "max_length applies to real URLs"),
    (deep_links, ("acme fit", ["a"]), {}, "Expected a scheme like 'acmefit://'"),
    (deep_links, ("acme://", []), {}, "Expected routes to be a non-empty list"),
    (deep_links, ("acme://", "settings"), {}, "got routes='settings'"),
    (deep_links, ("acme://", ["/"]), {}, "got routes=['/']"),
    (email_html, (), {"max_blocks": 0}, "got max_blocks=0"),
    (email_html, (), {"lists": None}, "Expected lists to be a bool"),
    (slack_markdown, (), {"max_lines": 7}, "Expected max_lines <= 6"),
    (drafts, ("fax",), {}, "unknown channel 'fax'"),
    (drafts, (3,), {}, "Expected channel to be a str or None but got channel=3"),
    (llm_outputs, ("sms",), {"styles": ["yaml"]}, "Expected styles to be a non-empty list"),
    (llm_outputs, ("sms",), {"styles": []}, "got styles=[]"),
], ids=lambda value: value.__name__ if callable(value) else None)
def test_bad_arguments_are_invalid_argument(strategy: Callable[..., Any], args: tuple[Any, ...],
                                            kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidArgument, match=re.escape(message)):
        strategy(*args, **kwargs)

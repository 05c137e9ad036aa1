"""Property tests of order_messages.py with guardrails' strategies and pytest plugin.

Run with ``python -m pytest examples/testing``; CI runs them with the suite.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from order_messages import order_ready_push, order_ready_sms

from guardrails import sms_info
from guardrails.testing import GuardrailsCheck, assert_within_limits
from guardrails.testing.strategies import deep_links, emoji_text, gsm7_text, ucs2_text, urls

# Anything a customer may type as a name: GSM-7, accents and smart quotes, emoji, CJK.
any_name = st.one_of(gsm7_text(max_size=60), ucs2_text(max_size=40), emoji_text(max_size=20))
real_name = st.sampled_from(["Ana", "Zoë", "François", "Søren", "Łucja", "Nguyễn", "李雷"])
link = urls(max_length=60)  # our links come from a link shortener
app_link = deep_links("acmeshop://", ["orders/{id}", "orders/{id}/track"])
APP = {"deep_link_scheme": "acmeshop://", "routes": ["orders/{id}", "orders/{id}/track"]}


@given(any_name, link)
def test_order_sms_always_fits_one_segment(first_name: str, link: str) -> None:
    assert_within_limits(order_ready_sms(first_name, link), "sms")


@given(any_name, link)
def test_order_sms_keeps_the_link_whole(first_name: str, link: str) -> None:
    assert order_ready_sms(first_name, link).endswith(f": {link}")


@given(ucs2_text(transliterable=True, max_size=40), link)
def test_accents_and_smart_quotes_never_force_ucs2(first_name: str, link: str) -> None:
    assert sms_info(order_ready_sms(first_name, link)).encoding == "GSM-7"


@pytest.mark.channel("sms")
@given(real_name, link)
def test_order_sms_is_sendable(guardrails_check: GuardrailsCheck, first_name: str,
                               link: str) -> None:
    guardrails_check.assert_sendable({"text": order_ready_sms(first_name, link)})


@pytest.mark.channel("push")
@given(st.one_of(real_name, emoji_text(min_size=1, max_size=80)), app_link)
def test_order_push_fits_and_links_into_the_app(guardrails_check: GuardrailsCheck,
                                                first_name: str, link: str) -> None:
    # Only format, length and link rules: a name like "1️⃣" would be an unsupported figure.
    guardrails_check.assert_sendable(order_ready_push(first_name, link), context=APP,
                                     select=["GR1", "GR4", "GR5"])

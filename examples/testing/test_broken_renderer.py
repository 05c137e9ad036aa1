"""What a caught bug looks like: a renderer that cuts at 160 characters, as many do.

``text[:160]`` is one segment only while the text is GSM-7: one emoji or "ç" makes it UCS-2,
where a segment holds 70 characters. The property finds that and shrinks the input.
"""

from __future__ import annotations

import ast
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guardrails.testing import NotSendableError, assert_within_limits
from guardrails.testing.strategies import emoji_text, gsm7_text, ucs2_text, urls


def naive_order_sms(first_name: str, link: str) -> str:
    return f"Hi {first_name}, your order is ready: {link}"[:160]


NAMES = st.one_of(gsm7_text(max_size=60), ucs2_text(max_size=40), emoji_text(max_size=20))


@settings(max_examples=200, derandomize=True, database=None)
@given(first_name=NAMES, link=urls(max_length=60))
def naive_sms_fits_one_segment(first_name: str, link: str) -> None:
    assert_within_limits(naive_order_sms(first_name, link), "sms")


def test_the_naive_renderer_is_caught_with_a_small_example() -> None:
    with pytest.raises(NotSendableError) as caught:
        naive_sms_fits_one_segment()
    message = str(caught.value)  # names the rule, the constraint and why
    assert message.startswith("sms message is over its length limits: 1 violation\n")
    assert "text: GR403 [4] error: SMS needs 2 segments (limit 1)" in message
    assert "forces UCS-2, where one segment holds 70 characters" in message
    notes = "\n".join(getattr(caught.value, "__notes__", []))  # hypothesis's shrunk example
    found = re.search(r"(?:Falsifying example|Failing test case): naive_sms_fits_one_segment\("
                      r"\n.*?first_name=(?P<name>'[^\n]*'),\n\s*link=(?P<link>'[^\n]*'),",
                      notes, re.S)
    assert found is not None, notes
    assert len(ast.literal_eval(found["name"])) <= 8, notes  # shrunk to a name like "çaaa"
    assert len(ast.literal_eval(found["link"])) <= 60, notes

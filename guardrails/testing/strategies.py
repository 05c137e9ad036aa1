"""Hypothesis strategies for testing message generators against channel limits and formats.

Every strategy draws from short lists ordered simplest first, so a failing example shrinks to
something small and readable (``''``, ``'ç'``, ``'https://acme.com'``, ``'<p>hi</p>'``). Bad
arguments raise :class:`hypothesis.errors.InvalidArgument` when the strategy is created::

    from hypothesis import given
    from guardrails import sms_info
    from guardrails.testing.strategies import sms_text

    @given(sms_text(max_segments=1))
    def test_renderer_fits_one_segment(name):
        assert sms_info(render_sms(name)).segments == 1
"""

from __future__ import annotations

from guardrails.testing._markup import deep_links, email_html, slack_markdown, urls
from guardrails.testing._messages import contexts, drafts, llm_outputs
from guardrails.testing._text import emoji_clusters, emoji_text, gsm7_text, sms_text, ucs2_text

__all__ = [
    "contexts",
    "deep_links",
    "drafts",
    "email_html",
    "emoji_clusters",
    "emoji_text",
    "gsm7_text",
    "llm_outputs",
    "slack_markdown",
    "sms_text",
    "ucs2_text",
    "urls",
]

"""Message strategies: sendable drafts per channel, the raw replies they parse from, contexts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from guardrails.api import convert
from guardrails.context import Context, Governance
from guardrails.errors import ConfigurationError
from guardrails.formats.sms import sms_info
from guardrails.models import (
    CHANNELS,
    Button,
    Draft,
    EmailDraft,
    InAppDraft,
    PushDraft,
    SlackDraft,
    SmsDraft,
    normalize_channel,
)
from guardrails.testing._markup import _email_blocks, phrases, slack_markdown, urls
from guardrails.testing._vocab import WORDS
from guardrails.testing.outputs import STYLES, Style, render_output

__all__ = ["contexts", "drafts", "llm_outputs"]


def _channels(channel: str | None) -> tuple[str, ...]:
    if channel is None:
        return CHANNELS
    if not isinstance(channel, str):
        raise InvalidArgument(f"Expected channel to be a str or None but got channel={channel!r}")
    try:
        return (normalize_channel(channel),)
    except ConfigurationError as exc:
        raise InvalidArgument(str(exc)) from None


def _email_draft(body: str, subject: str, preheader: str | None) -> EmailDraft:
    return EmailDraft(subject=subject, preheader=preheader, body_html=body,
                      body_text=convert(body, to="text", source="html"))


def _email() -> SearchStrategy[EmailDraft]:
    # Unordered lists only: the "1." a text fallback writes for <ol> trips GR201 (a figure).
    body = _email_blocks(max_blocks=3, links=True, lists=True, ordered=False)
    parts = st.tuples(body, phrases(max_words=8), st.none() | phrases(max_words=10))
    return parts.map(lambda drawn: _email_draft(*drawn))


def _sms_draft(words: list[str], end: str, link: str | None) -> SmsDraft:
    """Words, an ending and a link, dropping the ending, then words, then the link to fit."""
    while True:
        text = " ".join(words) + end + (f" {link}" if link else "")
        if len(text) <= 160 and sms_info(text).segments <= 1:
            return SmsDraft(text=text)
        if end:
            end = ""
        elif len(words) > 1:
            words = words[:-1]
        else:
            link = None


def _sms() -> SearchStrategy[SmsDraft]:
    parts = st.tuples(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30),
                      st.sampled_from(["", ".", "!", " 🎉", "…"]), st.none() | urls())
    return parts.map(lambda drawn: _sms_draft(*drawn))


def _slack(channel: str) -> SearchStrategy[Draft]:
    return slack_markdown().map(lambda text: SlackDraft(channel=channel, text=text))


def _buttons() -> SearchStrategy[list[Button]]:
    button = st.builds(Button, label=phrases(min_words=2, max_words=3), url=urls())
    return st.lists(button, max_size=3)


def _push(in_app: bool) -> SearchStrategy[Draft]:
    if in_app:  # title optional, body up to 100 words
        return st.builds(InAppDraft, title=st.none() | phrases(max_words=6),
                         body=phrases(max_words=60), buttons=_buttons())
    # title <= 50 and body <= 100 characters by construction (words are at most 7 long)
    return st.builds(PushDraft, title=phrases(max_words=6), body=phrases(max_words=12),
                     buttons=_buttons())


def _draft(channel: str) -> SearchStrategy[Draft]:
    if channel == "email":
        return _email()
    if channel == "sms":
        return _sms()
    if channel in ("push", "in_app"):
        return _push(channel == "in_app")
    return _slack(channel)


def drafts(channel: str | None = None) -> SearchStrategy[Draft]:
    """Drafts that pass ``check()`` with an empty Context: every required field, within every
    limit, https links, no figures or claims. ``channel=None`` draws any channel.

    Shrinks towards the smallest draft, such as ``SmsDraft(text='hi')``.

    >>> @given(drafts("push"))
    ... def test_pipeline_keeps_them_sendable(draft): assert check(my_postprocess(draft)).ok
    """
    return st.one_of([_draft(name) for name in _channels(channel)])


def llm_outputs(channel: str | None = None, *,
                styles: Sequence[Style] = STYLES) -> SearchStrategy[str]:
    """Raw model replies that parse to one of :func:`drafts`: labels, bold labels, headings,
    JSON, code fences, a preamble, trailing chatter, CRLF (see ``outputs.STYLES``).

    Shrinks towards the first style of the smallest draft (``'SMS: hi'``).

    >>> @given(llm_outputs("email"))
    ... def test_my_wrapper(raw): assert my_send_pipeline(raw).status == "sent"
    """
    names = _channels(channel)
    if isinstance(styles, str) or not styles or not set(styles) <= set(STYLES):
        raise InvalidArgument(f"Expected styles to be a non-empty list from {STYLES} but got "
                              f"styles={styles!r}")
    drawn = st.tuples(st.one_of([_draft(name) for name in names]), st.sampled_from(list(styles)))
    return drawn.map(lambda pair: render_output(*pair))


_DATES = st.dates(dt.date(2024, 1, 1), dt.date(2030, 12, 31))


def _governance() -> SearchStrategy[Governance]:
    words = ["Competitor", "CartHop", "cheap", "act fast", "limited time", "don't miss out"]
    return st.fixed_dictionaries({}, optional={
        "forbidden_terms": st.lists(st.sampled_from(words[:3]), max_size=3).map(tuple),
        "banned_phrases": st.lists(st.sampled_from(words[3:]), max_size=3).map(tuple),
        "required_disclaimer": st.sampled_from(["Reply STOP to opt out.",
                                                "Msg & data rates may apply."]),
        "sign_off": st.sampled_from(["Best, Jordan", "The Acme team"]),
        "updated_at": _DATES,
        "text": st.sampled_from(["Friendly, plain words. No hype."]),
    }).map(lambda kw: Governance(**kw))


def contexts() -> SearchStrategy[Context]:
    """Contexts with any mix of goal, governance (or ``governance: None``), facts, deep-link
    scheme and routes, app domains, first send, evaluation score and date.

    Shrinks towards ``Context()``.

    >>> @given(llm_outputs("sms"), contexts())
    ... def test_never_raises(raw, ctx): check(raw, "sms", context=ctx)
    """
    return st.fixed_dictionaries({}, optional={
        "goal": st.sampled_from(["Tell the customer their order is ready.",
                                 "Welcome a new member to the gym."]),
        "governance": st.none() | _governance(),
        "facts": st.lists(st.sampled_from(["Order 88140 is ready for pickup.",
                                           "The gym opens at 6am.", "Classes cost $20 a month."]),
                          max_size=3).map(tuple),
        "deep_link_scheme": st.sampled_from(["acmefit://", "pantrio://"]),
        "routes": st.lists(st.sampled_from(["workouts/{id}", "settings", "orders/{id}/track"]),
                           max_size=3).map(tuple),
        "app_domains": st.lists(st.sampled_from(["acme.com", "pantrio.com"]),
                                max_size=2).map(tuple),
        "first_send": st.booleans(),
        "evaluation": st.fixed_dictionaries({"score": st.floats(0, 1)}),
        "now": _DATES,
        "review_threshold": st.floats(0, 1),
    }).map(lambda kw: Context(**kw))

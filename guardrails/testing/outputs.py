"""Render a Draft as a raw LLM reply in one of the messy forms the parser accepts.

Used by the ``llm_outputs`` strategy, and by tests that need ``parse(render_output(d)) == d``.
"""

from __future__ import annotations

import json
from typing import Any, Literal, get_args

from guardrails.errors import ConfigurationError
from guardrails.models import Draft, EmailDraft, PushDraft

__all__ = ["STYLES", "Style", "render_output"]

Style = Literal[
    "labels", "bold", "headings", "json", "fenced", "fenced_json", "preamble", "chatter", "crlf",
]
STYLES: tuple[Style, ...] = get_args(Style)
"""Every style, plainest first: ``SUBJECT: …`` lines, ``**Subject:**``, ``### Subject``, a JSON
object, labels in a code fence, JSON in a ```json fence, a "Sure! Here's…" preamble, trailing
"Let me know…" chatter, and CRLF line ends."""

# (labels, bold, headings) names of each field; "text" depends on the channel family.
_NAMES: dict[str, tuple[str, str, str]] = {
    "subject": ("SUBJECT", "Subject", "Subject"),
    "preheader": ("PREHEADER", "Preheader", "Preheader"),
    "body_html": ("BODY_HTML", "Body (HTML)", "Body HTML"),
    "body_text": ("BODY_TEXT", "Body (plain text)", "Body Text"),
    "sms": ("SMS", "SMS", "SMS"),
    "slack": ("SLACK", "Slack message", "Slack message"),
    "title": ("TITLE", "Title", "Title"),
    "body": ("BODY", "Body", "Body"),
    "button": ("BUTTON", "Button", "Buttons"),
}
_WHAT = {"email": "email", "sms": "SMS", "slack_dm": "Slack DM", "slack_channel": "Slack post",
         "push": "push notification", "in_app": "in-app message"}


def _fields(draft: Draft) -> list[tuple[str, str]]:
    """(label key, value) of every field the draft has, in the order a model writes them."""
    if isinstance(draft, EmailDraft):
        found = [("subject", draft.subject), ("preheader", draft.preheader),
                 ("body_html", draft.body_html), ("body_text", draft.body_text)]
    elif isinstance(draft, PushDraft):
        found = [("title", draft.title), ("body", draft.body)]
    else:
        found = [("sms" if draft.channel == "sms" else "slack", draft.text_fields().get("text"))]
    return [(key, value) for key, value in found if value is not None]


def _buttons(draft: Draft) -> list[tuple[str, str]]:
    return [(b.label, b.url) for b in draft.buttons] if isinstance(draft, PushDraft) else []


def _labelled(draft: Draft, style: int) -> str:
    """Label lines: 0 ``KEY: value``, 1 ``**Key:** value``, 2 ``### Key`` headings."""
    out: list[str] = []
    for key, value in _fields(draft):
        name = _NAMES[key][style]
        multi = "\n" in value or key in ("body_html", "body_text")
        if style == 2:
            out.append(f"### {name}\n{value}\n")
        elif style == 1:
            out.append(f"**{name}:**\n{value}\n" if multi else f"**{name}:** {value}")
        else:
            out.append(f"{name}:\n{value}" if multi else f"{name}: {value}")
    buttons = _buttons(draft)
    if buttons and style == 2:
        out.append("### Buttons\n" + "\n".join(f"- {label} | {url}" for label, url in buttons))
    for label, url in buttons if style != 2 else ():
        name = _NAMES["button"][style]
        out.append(f"**{name}:** {label} | {url}" if style else f"{name}: {label} | {url}")
    return "\n".join(out).strip("\n")


def _json(draft: Draft) -> str:
    data: dict[str, Any] = {"text" if key in ("sms", "slack") else key: value
                            for key, value in _fields(draft)}
    if buttons := _buttons(draft):
        data["buttons"] = [{"label": label, "url": url} for label, url in buttons]
    return json.dumps(data, ensure_ascii=False, indent=2)


def render_output(draft: Draft, style: Style = "labels") -> str:
    """``draft`` written the way a model might reply, in ``style`` (one of :data:`STYLES`).

    >>> render_output(SmsDraft(text="Your table is ready."), "preamble")
    "Sure! Here's the SMS:\\n\\nSMS: Your table is ready."
    """
    if style == "labels":
        return _labelled(draft, 0)
    if style == "bold":
        return _labelled(draft, 1)
    if style == "headings":
        return _labelled(draft, 2)
    if style == "json":
        return _json(draft)
    if style == "fenced":
        return f"```\n{_labelled(draft, 0)}\n```"
    if style == "fenced_json":
        return f"Here is the JSON:\n\n```json\n{_json(draft)}\n```"
    if style == "preamble":
        return f"Sure! Here's the {_WHAT.get(draft.channel, 'message')}:\n\n{_labelled(draft, 0)}"
    if style == "chatter":
        return f"{_labelled(draft, 0)}\n\nLet me know if you'd like any changes!"
    if style == "crlf":
        return _labelled(draft, 0).replace("\n", "\r\n")
    raise ConfigurationError(f"unknown style {style!r}; expected one of: {', '.join(STYLES)}")

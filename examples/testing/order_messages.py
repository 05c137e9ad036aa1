"""A shop's order notifications: the code under test in this example (yours will differ)."""

from __future__ import annotations

from guardrails import convert, sms_info

SMS_SEGMENTS = 1


def _fits(text: str) -> bool:
    info = sms_info(text)
    return info.segments <= SMS_SEGMENTS and info.chars <= 160


def order_ready_sms(first_name: str, link: str) -> str:
    """``Hi Ana, your order is ready: <link>`` in one GSM-7 segment; the link is never cut."""
    name = convert(first_name, to="sms", source="text")  # GSM-7 look-alikes, tidy spaces
    text = f"Hi {name}, your order is ready: {link}"
    if not name.strip() or not _fits(text):  # greet without a name rather than cut the link
        text = f"Hi, your order is ready: {link}"
    return text


def order_ready_push(first_name: str, link: str) -> dict[str, object]:
    """A push notification: title and body cut on grapheme boundaries, one deep-link button."""
    return {
        "title": convert(f"{first_name}, your order is ready", to="push", limit=50,
                         source="text"),
        "body": convert(f"{first_name}, pick it up at the front desk any time today.",
                        to="push", limit=100, source="text"),
        "buttons": [{"label": "Track order", "url": link}],
    }

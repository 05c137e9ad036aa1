"""Structured-output parser: the example cases, a table of messy outputs, decisions, properties."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guardrails.errors import ConfigurationError
from guardrails.models import Draft, PushDraft, SlackDraft
from guardrails.parser import _parse, parse_output
from guardrails.profiles import profile

CHANNELS = ("email", "sms", "slack_dm", "slack_channel", "push", "in_app")
FIELDS = {
    "email": ("subject", "preheader", "body_html", "body_text"),
    "sms": ("text",),
    "slack_dm": ("text",),
    "slack_channel": ("text",),
    "push": ("title", "body"),
    "in_app": ("title", "body"),
}
DATA = json.loads((Path(__file__).parent / "data" / "parse_cases.json").read_text("utf-8"))
EXAMPLES: list[dict[str, Any]] = DATA["cases"]


def get(draft: Draft, name: str) -> Any:
    return getattr(draft, name)


def pairs(draft: Draft) -> list[tuple[str, str]]:
    return [(b.label, b.url) for b in draft.buttons] if isinstance(draft, PushDraft) else []


# --- (1) the 14 labelled example cases ------------------------------------------------------


@pytest.mark.parametrize("case", EXAMPLES, ids=[c["id"] for c in EXAMPLES])
def test_example_case_fields(case: dict[str, Any]) -> None:
    draft = parse_output(case["raw_output"], case["channel"])
    expected = case["fields"]
    assert draft.structure_ok
    if case["channel"] == "email":
        assert get(draft, "subject") == expected["subject"]
    elif case["channel"] == "sms":
        assert get(draft, "text") == expected["text"]
        assert len(get(draft, "text")) == expected["char_count"]
    elif case["channel"].startswith("slack"):
        assert get(draft, "text") == expected["text"]
        assert len(get(draft, "text").split()) == expected["word_count"]
    else:
        assert isinstance(draft, PushDraft)
        assert draft.title == expected["title"]
        assert draft.body == expected["body"]
        assert [{"label": b.label, "url": b.url} for b in draft.buttons] == expected["buttons"]


def test_example_line_numbers() -> None:
    by_id = {c["id"]: parse_output(c["raw_output"], c["channel"]) for c in EXAMPLES}
    assert by_id["ex-email-01"].lines == {
        "subject": 1, "body_html": 3, "body_text": 10, "channel_notes": 20,
    }  # fmt: skip
    assert by_id["ex-email-02"].lines == {"subject": 3, "body_html": 4, "body_text": 5}
    assert by_id["ex-email-03"].missing == ["subject"]
    assert by_id["ex-sms-02"].lines == {"text": 3}
    assert by_id["ex-slack-03"].lines == {"text": 3}
    assert by_id["ex-push-02"].lines == {"title": 2, "body": 3, "buttons[0]": 6}
    marker = by_id["ex-inapp-01"].review_markers[0]
    assert (marker.source, marker.needs_review, marker.line) == ("needs_review", False, 10)
    assert by_id["ex-email-01"].review_markers[0].needs_review is True  # "should confirm"


# --- (2) messy outputs with exact expectations ----------------------------------------------


def case(
    cid: str,
    channel: str,
    raw: str,
    *,
    missing: tuple[str, ...] = (),
    lines: dict[str, int] | None = None,
    notes: str | None = None,
    markers: tuple[tuple[str, bool | None], ...] = (),
    extras: dict[str, str] | None = None,
    ok: bool = True,
    buttons: tuple[tuple[str, str], ...] = (),
    **fields: str,
) -> Any:
    meta = {"missing": list(missing), "lines": lines, "notes": notes, "markers": list(markers),
            "extras": extras or {}, "ok": ok, "buttons": list(buttons)}  # fmt: skip
    return pytest.param(channel, raw, fields, meta, id=cid)


HTML2 = "<p>Hi Ana,</p>\n<p>Your order is on its way.</p>"
MESSY = [
    # ---------------------------------------------------------------- email
    case("email-fence-chatter", "email",
         "```html\nSUBJECT: Your order shipped\nBODY_HTML:\n<p>Hi Ana,</p>\n<p>Your order is on its"
         " way.</p>\nBODY_TEXT:\nHi Ana,\nYour order is on its way.\n```\n\nLet me know if you'd"
         " like any changes!",
         subject="Your order shipped", body_html=HTML2,
         body_text="Hi Ana,\nYour order is on its way.",
         lines={"subject": 2, "body_html": 4, "body_text": 7}),
    case("email-bold-paren-labels-fenced-values", "email",
         "Sure! Here's the email:\n\n**Subject:** <b>Big</b> news for you\n\n**Body (HTML):**\n"
         "```html\n<p>Hi Clara,</p>\n<p>Big news.</p>\n```\n\n**Body (plain text):**\n```text\n"
         "Hi Clara,\nBig news.\n```",
         subject="<b>Big</b> news for you", body_html="<p>Hi Clara,</p>\n<p>Big news.</p>",
         body_text="Hi Clara,\nBig news.", lines={"subject": 3, "body_html": 7, "body_text": 13}),
    case("email-heading-labels", "email",
         "### Subject\nYour order shipped\n\n### Preheader\nTracking inside\n\n### Body HTML\n"
         "<p>Hi Ana,</p>\n\n### Body Text\nHi Ana,",
         subject="Your order shipped", preheader="Tracking inside", body_html="<p>Hi Ana,</p>",
         body_text="Hi Ana,",
         lines={"subject": 2, "preheader": 5, "body_html": 8, "body_text": 11}),
    case("email-dash-subject-unlabelled-body", "email",
         "Subject - Your order shipped\n\nHi Ana,\nYour order is on its way.\n\nBest, Team",
         subject="Your order shipped", body_text="Hi Ana,\nYour order is on its way.\n\nBest, Team",
         missing=("body_html",), lines={"subject": 1, "body_text": 3}),
    case("email-json-camelcase-after-preamble", "email",
         'Here is the JSON:\n{\n  "subject": "Your trial ends Friday",\n  "bodyHtml": "<p>Hi Sam,'
         '</p>",\n  "bodyText": "Hi Sam,",\n  "needsReview": true\n}',
         subject="Your trial ends Friday", body_html="<p>Hi Sam,</p>", body_text="Hi Sam,",
         markers=(("needsReview", True),), lines={"subject": 3, "body_html": 4, "body_text": 5}),
    case("email-json-single-quotes-trailing-comma", "email",
         "{'subject': 'Trial recap', 'body_html': '<p>Hi</p>', 'body_text': 'Hi',}",
         subject="Trial recap", body_html="<p>Hi</p>", body_text="Hi"),
    case("email-json-uppercase-fence-short-keys", "email",
         '```JSON\n{"subject": "Welcome aboard", "html": "<p>Welcome!</p>", "text": "Welcome!"}\n'
         "```\nWant me to add a preheader?",
         subject="Welcome aboard", body_html="<p>Welcome!</p>", body_text="Welcome!",
         lines={"subject": 2, "body_html": 2, "body_text": 2}),
    case("email-json-nested-body-and-notes", "email",
         '{"subject": "Invoice ready",\n "body": {"html": "<p>Your invoice is ready.</p>", "text":'
         ' "Your invoice is ready."},\n "notes": "No review needed."}',
         subject="Invoice ready", body_html="<p>Your invoice is ready.</p>",
         body_text="Your invoice is ready.", notes="No review needed.",
         markers=(("notes", False),),
         lines={"subject": 1, "body_html": 2, "body_text": 2, "channel_notes": 3}),
    case("email-json-unparseable", "email",
         '{"subject": "He said "hi" to you", "body_text": "x"}',
         missing=("subject", "body_html", "body_text"), ok=False, lines={}),
    case("email-json-raw-newlines-in-strings", "email",
         '{\n  "subject": "Two lines",\n  "body_text": "Line one\nLine two",\n  "body_html": "<p>'
         'Line one</p>\n<p>Line two</p>"\n}',
         subject="Two lines", body_text="Line one\nLine two",
         body_html="<p>Line one</p>\n<p>Line two</p>",
         lines={"subject": 2, "body_text": 3, "body_html": 5}),
    case("email-aliases-and-metadata", "email",
         "Email subject: Your March statement\nPreview text: It's ready to view\nBody:\n<p>Your "
         "statement is ready.</p>\nPlain text:\nYour statement is ready.\nCHANNEL: email\n"
         "WORD_COUNT: 5",
         subject="Your March statement", preheader="It's ready to view",
         body_html="<p>Your statement is ready.</p>", body_text="Your statement is ready.",
         extras={"channel": "email", "word_count": "5"},
         lines={"subject": 1, "preheader": 2, "body_html": 4, "body_text": 6}),
    case("email-bare-html-after-preamble", "email",
         "Here is your email:\n\n<p>Hi Ana,</p>\n<p>Your order shipped.</p>",
         body_html="<p>Hi Ana,</p>\n<p>Your order shipped.</p>", missing=("subject", "body_text"),
         lines={"body_html": 3}),
    case("email-separator-then-note", "email",
         "Subject: Your order shipped\n\nBody HTML:\n<p>Hi Ana,</p>\n\nBody Text:\nHi Ana,\n\nBest,"
         " Team\n\n---\nNote: I kept the tone warm and friendly.",
         subject="Your order shipped", body_html="<p>Hi Ana,</p>",
         body_text="Hi Ana,\n\nBest, Team",
         notes="I kept the tone warm and friendly.",
         lines={"subject": 1, "body_html": 4, "body_text": 7, "channel_notes": 12}),
    case("email-sensitive-and-review-markers", "email",
         "SUBJECT: Your renewal quote\nBODY_HTML:\n<p>Your renewal is $1,200.</p>\nBODY_TEXT:\n"
         "Your renewal is $1,200.\nSENSITIVE: YES pricing\nREVIEW: not needed",
         subject="Your renewal quote", body_html="<p>Your renewal is $1,200.</p>",
         body_text="Your renewal is $1,200.", markers=(("SENSITIVE", True), ("REVIEW", False))),
    case("email-crlf", "email",
         "Subject: Hello\r\nBody HTML:\r\n<p>Hi</p>\r\n\r\nBody Text:\r\nHi\r\n",
         subject="Hello", body_html="<p>Hi</p>", body_text="Hi",
         lines={"subject": 1, "body_html": 3, "body_text": 6}),
    case("email-bullet-bold-labels", "email",
         "- **Subject:** Hello there\n- **Preheader:** Quick update\n- **Body:** <p>Hi</p>\n"
         "- **Text version:** Hi",
         subject="Hello there", preheader="Quick update", body_html="<p>Hi</p>", body_text="Hi",
         lines={"subject": 1, "preheader": 2, "body_html": 3, "body_text": 4}),
    case("email-markdown-in-subject-kept", "email",
         "**Subject:** **Last chance** to save\n**Body HTML:** <p>Hi</p>\n**Body Text:** Hi",
         subject="**Last chance** to save", body_html="<p>Hi</p>", body_text="Hi"),
    case("email-empty", "email", "", missing=("subject", "body_html", "body_text"), ok=False),
    case("email-subject-only-plus-chatter", "email",
         "Subject line: Quick question\n\nLet me know if you want me to draft the body too.",
         subject="Quick question", missing=("body_html", "body_text"), lines={"subject": 1}),
    case("email-inline-fence-after-label", "email",
         "BODY_HTML: ```html\n<p>Hi</p>\n```\nBODY_TEXT: Hi",
         body_html="<p>Hi</p>", body_text="Hi", missing=("subject",),
         lines={"body_html": 2, "body_text": 4}),
    case("email-bold-labels-values-below", "email",
         "**SUBJECT:**\n\nYour trial\n\n**BODY:**\n\nHi there,\nthanks.",
         subject="Your trial", body_text="Hi there,\nthanks.", missing=("body_html",),
         lines={"subject": 3, "body_text": 7}),
    # ---------------------------------------------------------------- sms
    case("sms-meta-note-after-message", "sms",
         "SMS: Hi Clara, your bike is ready. Text STOP to opt out.\n\nNote: I kept it under 160 "
         "characters.",
         text="Hi Clara, your bike is ready. Text STOP to opt out.",
         notes="I kept it under 160 characters.", lines={"text": 1, "channel_notes": 3}),
    case("sms-bare-trailing-question", "sms",
         "Hi Clara, your bike is ready. Text STOP to opt out.\n\nWould you like a shorter version?",
         text="Hi Clara, your bike is ready. Text STOP to opt out.", lines={"text": 1}),
    case("sms-only-chatter", "sms", "Let me know if you'd like any changes!",
         missing=("text",), ok=False),
    case("sms-subject-label-is-extra", "sms", "Subject: Pickup\nHi Clara, your bike is ready.",
         text="Hi Clara, your bike is ready.", extras={"subject": "Pickup"}, lines={"text": 2}),
    case("sms-metadata-labels", "sms",
         "CHANNEL: sms\nCHAR_COUNT: 24\nTONE: friendly\nSMS: Your bike is ready, Clara",
         text="Your bike is ready, Clara",
         extras={"channel": "sms", "char_count": "24", "tone": "friendly"}, lines={"text": 4}),
    case("sms-fenced-after-preamble", "sms",
         "Here's the text message:\n\n```text\nPantrio: order 88140 is on its way. Reply STOP to "
         "cancel.\n```",
         text="Pantrio: order 88140 is on its way. Reply STOP to cancel.", lines={"text": 4}),
    case("sms-json", "sms", '{"sms": "Pantrio: order 88140 is on its way.", "char_count": 38}',
         text="Pantrio: order 88140 is on its way.", extras={"char_count": "38"}),
    case("sms-tabs", "sms", "SMS:\tHi Clara,\tyour bike is ready.",
         text="Hi Clara,\tyour bike is ready."),
    case("sms-whitespace-only", "sms", "  \n\t\n  ", missing=("text",), ok=False),
    case("sms-text-message-alias", "sms",
         "Text message: Marlow Bikes: Hi Clara, your bike is ready.\nText STOP to unsubscribe.",
         text="Marlow Bikes: Hi Clara, your bike is ready.\nText STOP to unsubscribe."),
    case("sms-fenced-json-message-and-review", "sms",
         '```json\n{\n  "message": "Your code is 482913.",\n  "review": "none"\n}\n```',
         text="Your code is 482913.", markers=(("review", False),), lines={"text": 3}),
    # ---------------------------------------------------------------- slack
    case("slack-code-block-kept", "slack_channel",
         "SLACK:\nDeploy steps:\n```\nmake deploy\n```\nPing #ops with questions.",
         text="Deploy steps:\n```\nmake deploy\n```\nPing #ops with questions.", lines={"text": 2}),
    case("slack-weak-labels", "slack_dm",
         "SLACK MESSAGE:\nHi Wen, the offsite agenda is up.\nReview: please add your session by "
         "Friday.\n\nTone: friendly",
         text="Hi Wen, the offsite agenda is up.\nReview: please add your session by Friday.",
         extras={"tone": "friendly"}),
    case("slack-preamble-and-hope-this-helps", "slack_dm",
         "Sure! Here's the DM for Pavel:\n\nHi Pavel! :wave: Lunch is at 12:30.\n\nI hope this "
         "helps!",
         text="Hi Pavel! :wave: Lunch is at 12:30.", lines={"text": 3}),
    case("slack-json", "slack_channel",
         '{"text": "*Heads-up:* the sync moves to 01:00 UTC.", "channel": "#data"}',
         text="*Heads-up:* the sync moves to 01:00 UTC.", extras={"channel": "#data"}),
    case("slack-single-star-note-is-mrkdwn", "slack_dm",
         "SLACK:\nHi Siobhan,\n*Note:* the IT desk moved to floor 4.\nThanks!",
         text="Hi Siobhan,\n*Note:* the IT desk moved to floor 4.\nThanks!"),
    case("slack-markdown-fence-then-chatter", "slack_dm",
         "```markdown\nHi Ana, your laptop is ready :tada:\n```\nFeel free to tweak the tone.",
         text="Hi Ana, your laptop is ready :tada:", lines={"text": 2}),
    case("slack-questions-line-is-message", "slack_dm",
         "Hi team, the deploy is done.\n\nLet me know if you have any questions!",
         text="Hi team, the deploy is done.\n\nLet me know if you have any questions!"),
    case("slack-content-line-ending-in-colon", "slack_dm",
         "Here's the DM:\n\nHere are the details for the offsite:\n- Lunch at 12\n- Room 5B",
         text="Here are the details for the offsite:\n- Lunch at 12\n- Room 5B", lines={"text": 3}),
    # ---------------------------------------------------------------- push / in-app
    case("push-button-label-url-pairs", "push",
         "TITLE: Your order shipped\nBODY: It arrives Friday.\nBUTTON_LABEL: Track order\n"
         "BUTTON_URL: https://app.pantrio.com/orders/1\nBUTTON_2_LABEL: View receipt\n"
         "BUTTON_2_URL: https://app.pantrio.com/receipts/1",
         title="Your order shipped", body="It arrives Friday.",
         buttons=(("Track order", "https://app.pantrio.com/orders/1"),
                  ("View receipt", "https://app.pantrio.com/receipts/1")),
         lines={"title": 1, "body": 2, "buttons[0]": 3, "buttons[1]": 5}),
    case("inapp-buttons-list", "in_app",
         "Title: Try speaking practice\nBody: Record your answer and compare.\nButtons:\n"
         "- Start practice | inkwell://lessons/12\n- [Maybe later](inkwell://streak)\n"
         "- Open settings -> inkwell://profile/settings",
         title="Try speaking practice", body="Record your answer and compare.",
         buttons=(("Start practice", "inkwell://lessons/12"), ("Maybe later", "inkwell://streak"),
                  ("Open settings", "inkwell://profile/settings")),
         lines={"title": 1, "body": 2, "buttons[0]": 4, "buttons[1]": 5, "buttons[2]": 6}),
    case("push-json-fence-buttons-text-link-then-chatter", "push",
         '```json\n{"title": "Lesson 12", "body": "Ready when you are.",\n "buttons": [{"text": '
         '"Resume lesson", "link": "inkwell://lessons/12"},\n             {"title": "Not now", '
         '"url": "inkwell://streak"}]}\n```\nWant me to add a third button?',
         title="Lesson 12", body="Ready when you are.",
         buttons=(("Resume lesson", "inkwell://lessons/12"), ("Not now", "inkwell://streak")),
         lines={"title": 2, "body": 2, "buttons[0]": 3, "buttons[1]": 4}),
    case("push-json-wrapper-and-cta", "push",
         '{"notification": {"title": "Big sale", "body": "20% off today."},\n "cta": "Shop now", '
         '"cta_url": "https://shop.acme.app/sale"}',
         title="Big sale", body="20% off today.",
         buttons=(("Shop now", "https://shop.acme.app/sale"),),
         lines={"title": 1, "body": 1, "buttons[0]": 2}),
    case("push-headline-message-cta", "push",
         "Headline: Big sale\nMessage: 20% off today only.\nCTA: Shop now\n"
         "CTA_URL: https://shop.acme.app/sale",
         title="Big sale", body="20% off today only.",
         buttons=(("Shop now", "https://shop.acme.app/sale"),)),
    case("push-missing-title", "push",
         "BODY: Your order shipped.\nBUTTON: Track order | https://app.pantrio.com/orders/1",
         body="Your order shipped.", missing=("title",),
         buttons=(("Track order", "https://app.pantrio.com/orders/1"),),
         lines={"body": 1, "buttons[0]": 2}),
    case("inapp-bare-text-after-preamble", "in_app",
         "Here's the in-app message:\n\nYour saved list can now be reordered in one tap.",
         body="Your saved list can now be reordered in one tap.", lines={"body": 3}),
    case("push-sensitive-no-review-none", "push",
         "TITLE: Rate update\nBODY: Your savings APY is now 4.1%.\nSENSITIVE: NO\nREVIEW: none",
         title="Rate update", body="Your savings APY is now 4.1%.",
         markers=(("SENSITIVE", False), ("REVIEW", False))),
    case("inapp-arrow-button", "in_app",
         "TITLE: New feature\nBODY: Reorder in one tap.\nButton: Open my list -> "
         "pantrio://lists/weekly",
         title="New feature", body="Reorder in one tap.",
         buttons=(("Open my list", "pantrio://lists/weekly"),)),
    case("push-crlf-and-tabs", "push",
         "Title:\tLesson 12 is ready\r\nBody:\tJump back in.\r\nButton:\tResume lesson | "
         "inkwell://lessons/12\r\n",
         title="Lesson 12 is ready", body="Jump back in.",
         buttons=(("Resume lesson", "inkwell://lessons/12"),),
         lines={"title": 1, "body": 2, "buttons[0]": 3}),
    case("push-json-button-label-url-keys", "push",
         '{\n  "title": "Order shipped",\n  "body": "It arrives Friday.",\n  "button_label": '
         '"Track order",\n  "button_url": "https://app.pantrio.com/orders/1"\n}',
         title="Order shipped", body="It arrives Friday.",
         buttons=(("Track order", "https://app.pantrio.com/orders/1"),),
         lines={"title": 2, "body": 3, "buttons[0]": 4}),
    case("inapp-json-review-and-sensitive", "in_app",
         '{"body": "Your plan renews on Dec 9 for $49.", "needsReview": "not required", '
         '"sensitive": true}',
         body="Your plan renews on Dec 9 for $49.",
         markers=(("needsReview", False), ("sensitive", True))),
    case("push-link-label-completes-button", "push",
         "Title: Order shipped\nBody: It arrives Friday.\nButton: Track order\n"
         "Link: pantrio://orders/1",
         title="Order shipped", body="It arrives Friday.",
         buttons=(("Track order", "pantrio://orders/1"),)),
    case("inapp-json-buttons-as-strings", "in_app",
         '{"title": "Hi", "body": "Reorder in one tap.", "buttons": ["Reorder now | '
         'pantrio://lists/1", "Not now | pantrio://cart"]}',
         title="Hi", body="Reorder in one tap.",
         buttons=(("Reorder now", "pantrio://lists/1"), ("Not now", "pantrio://cart"))),
]  # fmt: skip


@pytest.mark.parametrize(("channel", "raw", "fields", "meta"), MESSY)
def test_messy_output(channel: str, raw: str, fields: dict[str, str], meta: dict[str, Any]) -> None:
    draft = parse_output(raw, channel)
    assert {name: getattr(draft, name) for name in FIELDS[channel]} == {
        name: fields.get(name) for name in FIELDS[channel]
    }
    assert pairs(draft) == meta["buttons"]
    assert draft.missing == meta["missing"]
    assert draft.structure_ok is meta["ok"]
    assert draft.channel_notes == meta["notes"]
    assert [(m.source, m.needs_review) for m in draft.review_markers] == meta["markers"]
    assert draft.extra_labels == meta["extras"]
    if meta["lines"] is not None:
        assert draft.lines == meta["lines"]
    assert type(draft).model_validate(draft.model_dump()) == draft  # built valid, unvalidated


def test_table_size_and_coverage() -> None:
    channels = {p.values[0] for p in MESSY}
    assert len(MESSY) >= 40 and channels == set(CHANNELS)
    assert sum(p.values[3]["lines"] is not None for p in MESSY) >= 12


# --- decisions a reviewer should see spelled out --------------------------------------------


def test_note_line_inside_a_message_stays_message_text() -> None:
    """``Note:`` is a label only when bold/heading, or a paragraph of remarks about the draft."""
    raw = "SMS:\nHi Clara, your bike is ready.\nNote: the store closes at 5.\nText STOP to opt out."
    draft = parse_output(raw, "sms")
    assert get(draft, "text") == raw.removeprefix("SMS:\n")
    assert draft.channel_notes is None
    bold = parse_output("SMS: Hi Clara.\n**Note:** the store closes at 5.", "sms")
    assert (get(bold, "text"), bold.channel_notes) == ("Hi Clara.", "the store closes at 5.")
    remark = parse_output("SMS: Hi Clara.\n\nNote: I kept it under 160 characters.", "sms")
    assert (get(remark, "text"), remark.channel_notes) == (
        "Hi Clara.",
        "I kept it under 160 characters.",
    )


def test_repeated_field_label_stays_in_the_body() -> None:
    """A second ``Subject:`` inside the body is body text, so constraint 3 can see it."""
    raw = "SUBJECT: Ready\nBODY_HTML:\n<p>Hi</p>\nBODY_TEXT:\nSubject: Ready\nHi"
    draft = parse_output(raw, "email")
    assert get(draft, "subject") == "Ready"
    assert get(draft, "body_text") == "Subject: Ready\nHi"


@pytest.mark.parametrize(
    ("raw", "channel", "text"),
    [
        ("Your bike is ready.\nText - reply STOP to opt out.", "sms",
         "Your bike is ready.\nText - reply STOP to opt out."),  # prose word + dash: no label
        ("Hi Clara:\nYour order shipped.", "sms", "Hi Clara:\nYour order shipped."),
        ("Sure thing, Clara! Your bike is ready.", "sms", "Sure thing, Clara! Your bike is ready."),
        ("Here's your code: 482913", "sms", "Here's your code: 482913"),
        ("Would you like to book a follow-up? Reply YES.", "sms",
         "Would you like to book a follow-up? Reply YES."),
        ("Hi Clara, ready.\n\nWould you like to make changes to your booking? Reply CHANGE.", "sms",
         "Hi Clara, ready.\n\nWould you like to make changes to your booking? Reply CHANGE."),
        ("SMS:\nYour code is 1234\n\nLink: https://pantrio.com/x", "sms",
         "Your code is 1234\n\nLink: https://pantrio.com/x"),  # Link: is a label only for push
        ("Hi Clara,\nthanks!\n\nCheers, the Copperleaf team", "slack_dm",
         "Hi Clara,\nthanks!\n\nCheers, the Copperleaf team"),
    ],
)  # fmt: skip
def test_message_content_is_never_taken_for_preamble_chatter_or_labels(
    raw: str, channel: str, text: str
) -> None:
    assert get(parse_output(raw, channel), "text") == text


def test_only_the_first_label_on_a_line_counts() -> None:
    draft = parse_output("SMS: Marlow Bikes: Hi Clara: ready. Subject: none", "sms")
    assert get(draft, "text") == "Marlow Bikes: Hi Clara: ready. Subject: none"


def test_channel_names_and_aliases() -> None:
    draft = parse_output("Hi", "slack")
    assert isinstance(draft, SlackDraft) and draft.channel == "slack_dm"
    assert parse_output("Hi", "Slack_Channel").channel == "slack_channel"
    with pytest.raises(ConfigurationError, match="unknown channel"):
        parse_output("Hi", "fax")


def test_line_of_each_field_holds_the_start_of_its_value() -> None:
    for param in [*MESSY, *(pytest.param(c["channel"], c["raw_output"]) for c in EXAMPLES)]:
        channel, raw = param.values[0], param.values[1]
        draft = parse_output(raw, channel)
        raw_lines = raw.replace("\r\n", "\n").split("\n")
        for name, value in draft.text_fields().items():
            if "[" not in name:
                head = value.split("\n")[0][:20]
                assert head in raw_lines[draft.lines[name] - 1], (param.id, name)


# --- (3) properties and performance ---------------------------------------------------------

TOKENS = [
    "SUBJECT:", "**Subject:**", "**Subject**:", "### Body", "BODY_HTML:", "Body (plain text):",
    "Body Text", "SMS:", "SLACK:", "TITLE:", "BODY:", "BUTTON:", "BUTTONS:", "- ", "1. ",
    "BUTTON_1_LABEL:", "BUTTON_URL:", "CTA:", "Link:", "NOTES:", "Note:", "CHANNEL_NOTES:",
    "SENSITIVE: YES", "REVIEW: none", "needs_review", "```", "```json", "~~~", "---", "***",
    "{", "}", "[", "]", '"', "'", ":", ",", "|", "->", "(", ")", "\\", "\\n", "\\u12",
    "\n", "\n\n", "\r\n", "\r", "\t", " ", "<p>", "</p>", "https://a.example/c", "x://",
    "Here's the email:", "Sure!", "Let me know if you'd like changes!", "Want me to",
    '"subject": ', '"buttons": [', '{"title": "x"', "null", "true", "1e5", "é", "👋",
    "\u2028", "\x00", "\ufeff", "_", "*", "#",
]  # fmt: skip
SOUP = st.lists(st.sampled_from(TOKENS) | st.text(max_size=4), max_size=60).map("".join)


def check_invariants(draft: Draft, channel: str) -> None:
    required = profile(channel).required
    assert set(draft.missing) <= set(required)
    assert draft.missing == [f for f in required if f not in draft.text_fields()]
    assert draft.structure_ok == bool(draft.text_fields())
    assert all(line >= 1 for line in draft.lines.values())


@given(st.text(), st.sampled_from(CHANNELS))
def test_never_raises_on_any_text(raw: str, channel: str) -> None:
    check_invariants(_parse(raw, channel), channel)  # the function under the last-resort guard


@given(SOUP, st.sampled_from(CHANNELS))
def test_never_raises_on_label_soup(raw: str, channel: str) -> None:
    check_invariants(_parse(raw, channel), channel)


SAFE = st.text(st.characters(codec="utf-8"), min_size=1).filter(str.strip)


@given(SAFE, SAFE, st.lists(st.tuples(SAFE, SAFE), max_size=3), st.booleans())
def test_json_push_round_trip(
    title: str, body: str, buttons: list[tuple[str, str]], fence: bool
) -> None:
    obj = {"title": title, "body": body, "buttons": [{"label": a, "url": b} for a, b in buttons]}
    raw = json.dumps(obj, indent=2, ensure_ascii=False)
    draft = parse_output(f"```json\n{raw}\n```" if fence else raw, "push")
    assert (get(draft, "title"), get(draft, "body")) == (title.strip(), body.strip())
    assert pairs(draft) == [(a.strip(), b.strip()) for a, b in buttons]  # JSON: as written


@given(st.text("abcdefghij KLMNOP.,!?0123456789", min_size=1).filter(str.strip))
def test_sms_label_round_trip(text: str) -> None:
    draft = parse_output(f"SMS: {text}\nCHANNEL_NOTES: plain", "sms")
    assert (get(draft, "text"), draft.channel_notes) == (text.strip(), "plain")


PATHOLOGICAL = {
    "long line": "a" * 1_000_000,
    "labelled 1 MB": "SUBJECT: x\nBODY_TEXT:\n" + "Hello world, this is a line.\n" * 35_000,
    "stars": "*" * 1_000_000,
    "word colons": "a:" * 500_000,
    "open braces": "{" * 1_000_000,
    "unclosed json": '{"a": ' * 150_000,
    "escaped quotes": '{"' + '\\"' * 400_000,
    "fences": "```\n" * 250_000,
    "rules": "---\n" * 250_000,
    "label lines": "SUBJECT: a\n" * 90_000,
    "note lines": "Note: I kept it\n" * 60_000,
    "json array": '{"buttons": [' + '{"label": "a", "url": "b"},' * 35_000 + "]}",
    "chatter paragraphs": "x\n\n" + "Let me know if you'd like any changes!\n\n" * 20_000,
    "label-ish words": "Subject line body html text " * 35_000,
    "parens": "Body (" * 160_000,
    "tag starts": "<a " * 300_000,
    "button specs": "BUTTONS:\n" + "- a (b" * 150_000,
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_large_and_pathological_inputs_finish_fast(name: str) -> None:
    raw = PATHOLOGICAL[name]
    for channel in ("email", "sms", "push"):
        start = time.perf_counter()
        draft = parse_output(raw, channel)
        assert time.perf_counter() - start < 3.0, (name, channel)
        check_invariants(draft, channel)


def test_typical_output_parses_in_well_under_a_millisecond() -> None:
    raw = EXAMPLES[0]["raw_output"]
    start = time.perf_counter()
    for _ in range(200):
        parse_output(raw, "email")
    assert (time.perf_counter() - start) / 200 < 0.002  # loose: guards against slow paths


@pytest.mark.parametrize("raw, text", [
    # A message line ending in an emoji shortcode is not a "Here's the email:" preamble.
    ("SLACK:\n<https://acme.com?ref=email|hi> :tada:\nhi", "<https://acme.com?ref=email|hi> :tada:\nhi"),
    ("SLACK:\nThe new email digest is live :rocket:\nTry it", "The new email digest is live :rocket:\nTry it"),
    ("SLACK:\nHere is the Slack message:\nhi team", "hi team"),
])
def test_message_line_ending_in_a_shortcode_is_kept(raw: str, text: str) -> None:
    draft = parse_output(raw, "slack_dm")
    assert isinstance(draft, SlackDraft) and draft.text == text

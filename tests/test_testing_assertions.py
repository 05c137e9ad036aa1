"""assert_sendable / assert_within_limits: pass quietly, or fail listing every violation."""

from __future__ import annotations

import pytest

from guardrails import ConfigurationError, Report, check
from guardrails.models import EmailDraft, SmsDraft
from guardrails.testing import NotSendableError, assert_sendable, assert_within_limits
from guardrails.testing.assertions import describe_violation, explain_comparison

LONG_SMS = "SMS: Your order 88140 is ready at http://acme.com/o " + "x" * 120
EMAIL = "SUBJECT: Hi\nBODY_HTML:\n<p>Your table is ready.</p>\nBODY_TEXT:\nYour table is ready."


def test_the_package_exports_what_all_lists() -> None:
    import guardrails.testing as testing

    assert len(set(testing.__all__)) == len(testing.__all__)  # ruff RUF022 keeps it sorted
    assert set(dir(testing)) == set(testing.__all__)
    for name in testing.__all__:
        value = getattr(testing, name)
        assert name == "STYLES" or value.__module__.startswith("guardrails.testing."), name
    with pytest.raises(AttributeError, match="has no attribute 'nope'"):
        testing.nope  # noqa: B018


def test_a_sendable_output_passes_and_returns_its_report() -> None:
    report = assert_sendable("SMS: Your table is ready.", "sms")
    assert isinstance(report, Report) and report.ok and report.fields == {
        "text": "Your table is ready."}


def test_failure_lists_every_violation_with_rule_constraint_and_evidence() -> None:
    with pytest.raises(NotSendableError) as caught:
        assert_sendable(LONG_SMS, "sms")
    lines = str(caught.value).splitlines()
    assert lines[0] == "sms message is not sendable: 4 errors"
    assert [line.split(": ", 2)[1].split(" [")[0] for line in lines[1:5]] == [
        "GR201", "GR402", "GR403", "GR501"]
    assert lines[2].startswith("  text:1: GR402 [4] error: SMS is 167 characters (limit 160)")
    assert lines[4] == ("  text:1: GR501 [5] error: Link is not https: 'http://acme.com/o' uses "
                        "http | evidence: 'http://acme.com/o'")
    assert lines[1].endswith("| evidence: '88140'")
    assert lines[5].startswith("  text = 'Your order 88140 is ready at http://acme.com/o xxx")
    assert lines[5].endswith("…'") and len(lines[5]) < 180  # long values are cut
    assert isinstance(caught.value, AssertionError)
    assert caught.value.report.channel == "sms" and len(caught.value.report.errors) == 4


def test_review_flags_are_shown_but_do_not_fail() -> None:
    raw = "SMS: Your plan renews at $20/month. Reply STOP to opt out. " + "x" * 120
    with pytest.raises(NotSendableError) as caught:
        assert_sendable(raw, "sms", select=["GR4", "GR7"])
    assert "\n  review flag (pricing): " in str(caught.value)
    assert assert_sendable("SMS: Your plan renews at $20/month.", "sms",
                           context={"facts": ["The plan renews at $20/month."]}).review_flags


def test_select_ignore_and_context_narrow_what_counts() -> None:
    with pytest.raises(NotSendableError, match=r"^sms message is not sendable: 2 errors\n"):
        assert_sendable(LONG_SMS, "sms", select=["GR4"])
    assert_sendable(LONG_SMS, "sms", ignore=["GR2", "GR4", "GR5"])
    assert_sendable("SMS: Order 88140 is ready.", "sms",
                    context={"facts": ["Order 88140 is ready."]})


def test_warnings_fail_only_with_fail_on_warning() -> None:
    raw = EMAIL.replace("SUBJECT: Hi", "SUBJECT: Hi\nPREHEADER: " + "word " * 40)
    assert_sendable(raw, "email")
    with pytest.raises(NotSendableError) as caught:
        assert_sendable(raw, "email", fail_on="warning")
    assert str(caught.value).splitlines()[:2] == [
        "email message is not sendable: 1 violation",
        "  preheader:2: GR408 [4] warning: Preheader is 199 characters (limit 150) | evidence: "
        "'word word word word word word word word word word word word word word word word '",
    ]
    with pytest.raises(ConfigurationError, match="fail_on must be 'error' or 'warning'"):
        assert_sendable(raw, "email", fail_on="never")  # type: ignore[arg-type]


def test_a_mapping_of_fields_is_taken_as_is_not_parsed() -> None:
    text = "Note: your table is ready."  # a parser would read "Note:" as a label
    assert assert_sendable({"text": text}, "sms").fields == {"text": text}
    report = assert_sendable({"title": "Table ready", "body": "Come in",
                              "buttons": [{"label": "See the menu", "url": "https://acme.com"}]},
                             "push")
    assert report.channel == "push"
    with pytest.raises(ConfigurationError, match=r"not a sms draft: subject: Extra inputs"):
        assert_sendable({"subject": "x"}, "sms")


def test_a_draft_uses_its_own_channel() -> None:
    assert assert_sendable(SmsDraft(text="Your table is ready.")).channel == "sms"
    draft = EmailDraft(subject="Hi", body_html="<p>Hi</p>", body_text="Hi")
    assert assert_sendable(draft).channel == "email"


@pytest.mark.parametrize(("output", "channel", "message"), [
    ("SMS: hi", None, "a raw output needs a channel"),
    ({"text": "hi"}, None, "a mapping of fields needs a channel"),
    (["hi"], "sms", "expected a str, Draft or mapping of fields, not list"),
    ("SMS: hi", "fax", "unknown channel 'fax'"),
])
def test_misuse_is_a_configuration_error(output: object, channel: str | None,
                                         message: str) -> None:
    with pytest.raises(ConfigurationError, match=message):
        assert_sendable(output, channel)  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "channel", "field"), [
    ("x" * 160, "sms", None),
    ("ç" * 70, "sms", None),
    ("👍🏽" * 100, "push", None),
    ("x" * 50, "push", "title"),
    ("x" * 80, "email", "subject"),
    ("word " * 150, "slack", None),
    ("word " * 300, "slack_channel", None),
    ("word " * 100, "in_app", None),
])
def test_within_limits_passes_at_the_limit(text: str, channel: str, field: str | None) -> None:
    assert assert_within_limits(text, channel, field=field).violations == []


@pytest.mark.parametrize(("text", "channel", "field", "first"), [
    ("x" * 161, "sms", None, "text: GR402 [4] error: SMS is 161 characters (limit 160)"),
    ("ç" * 71, "sms", None, "text: GR403 [4] error: SMS needs 2 segments (limit 1); 'ç' forces"),
    ("x" * 159 + "€", "sms", None, "text: GR403 [4] error: SMS needs 2 segments (limit 1)"),
    ("👍🏽" * 101, "push", None, "body: GR405 [4] error: Push body is 101 characters (limit 100)"),
    ("x" * 51, "in_app", "title", "title: GR404 [4] error: Title is 51 characters (limit 50)"),
    ("x" * 81, "email", "subject", "subject: GR401 [4] error: Subject is 81 characters (limit 80)"),
    ("word " * 151, "slack", None, "text: GR407 [4] error: Slack message is 151 words (limit 150)"),
    ("x" * 151, "email", "preheader", "preheader: GR408 [4] warning: Preheader is 151 characters"),
])
def test_within_limits_fails_over_the_limit(text: str, channel: str, field: str | None,
                                           first: str) -> None:
    with pytest.raises(NotSendableError) as caught:
        assert_within_limits(text, channel, field=field)
    lines = str(caught.value).splitlines()
    assert lines[0].startswith(f"{check('', channel).channel} message is over its length limits")
    assert lines[1].startswith(f"  {first}")
    assert all(v.constraint == 4 for v in caught.value.report.violations)


def test_within_limits_measures_the_text_whole_never_parsed() -> None:
    with pytest.raises(NotSendableError, match="SMS is 161 characters"):
        assert_within_limits("SMS: " + "x" * 156, "sms")  # a parser would drop "SMS: "


def test_within_limits_ignores_every_other_rule() -> None:
    assert_within_limits("Call http://example.com about the $99 deal 88140", "sms")


def test_within_limits_needs_a_limited_field() -> None:
    with pytest.raises(ConfigurationError, match="email has no length limit on 'body_html'; "
                                                 "pass field= one of: preheader, subject"):
        assert_within_limits("<p>hi</p>", "email")
    with pytest.raises(ConfigurationError, match="push has no length limit on 'buttons'"):
        assert_within_limits("hi", "push", field="buttons")
    with pytest.raises(ConfigurationError, match="expected the text as str, not int"):
        assert_within_limits(3, "sms")  # type: ignore[arg-type]


def test_describe_violation_without_line_or_evidence() -> None:
    violation = check("", "sms").violations[0]
    assert describe_violation(violation) == "text: GR107 [1] error: Message has no text"


# --- the comparison explanation the pytest plugin shows -----------------------------------------


def test_explains_two_reports_that_differ() -> None:
    bad, good = check("SMS: " + "x" * 161, "sms"), check("SMS: hi", "sms")
    lines = explain_comparison("==", bad, good)
    assert lines is not None
    assert lines[:3] == ["Report(sms: 2 errors, 0 warnings) == Report(sms: ok)",
                         "Only on the left:",
                         "  text:1: GR402 [4] error: SMS is 161 characters (limit 160) | "
                         "evidence: '" + "x" * 80 + "'"]
    assert lines[-1].startswith("fields differ: {'text': 'xxx")


def test_explains_a_violation_list_compared_with_an_empty_one() -> None:
    report = check("SMS: see http://acme.com", "sms")
    assert explain_comparison("==", report.violations, []) == [
        "1 violation == 0 violations", "Only on the left:",
        "  text:1: GR501 [5] error: Link is not https: 'http://acme.com' uses http | evidence: "
        "'http://acme.com'",
    ]
    assert explain_comparison("!=", report, report) == ["Report(sms: 1 error, 0 warnings) != "
                                                        "Report(sms: 1 error, 0 warnings)"]


@pytest.mark.parametrize(("op", "left", "right"), [
    ("==", [], []), ("==", [1], []), ("<", check("SMS: hi", "sms"), check("SMS: hi", "sms")),
    ("==", "text", "other"),
])
def test_other_comparisons_are_left_to_pytest(op: str, left: object, right: object) -> None:
    assert explain_comparison(op, left, right) is None

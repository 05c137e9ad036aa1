"""Decisions taken after the blind cases (tests/cases/blind.jsonl), one test each."""

from __future__ import annotations

from guardrails import check
from guardrails.engine.grounding import outside_names
from guardrails.parser import parse_output

CLINIC = {
    "goal": "Remind Grace of her appointment on Thursday.",
    "governance": {"required_disclaimer": "This email is general information, not a diagnosis."},
    "facts": ["Grace has an appointment on Thursday at 9:15 AM."],
}


def test_required_disclaimer_is_not_content() -> None:
    body = "Your appointment is on Thursday at 9:15 AM. This email is general information, " \
           "not a diagnosis."
    report = check(f"BODY: {body}", "in_app", CLINIC)
    assert report.constraints == []
    assert not [f for f in report.review_flags if f.category == "medical"]


def test_topic_outside_the_disclaimer_still_flags() -> None:
    body = "Take your medication with food. This email is general information, not a diagnosis."
    report = check(f"BODY: {body}", "in_app", CLINIC)
    assert "medical" in {f.category for f in report.review_flags}


def test_term_inside_a_proper_name_is_not_a_topic() -> None:
    text = "Your desk was delivered to Riverbend Physiotherapy on December 4."
    assert not outside_names(text, "physiotherapy")
    assert outside_names("Physiotherapy can help.", "physiotherapy")
    assert outside_names("Your Medication Schedule", "medication")
    report = check(f"SMS: {text}", "sms", {"facts": [text]})
    assert report.review_flags == [] or "medical" not in {f.category for f in report.review_flags}


def test_the_best_person_to_ask_is_not_a_ranking() -> None:
    ctx = {"facts": ["Acme is a scheduler."]}
    assert check("SMS: Your buddy is the best person to ask.", "sms", ctx).constraints == []
    assert check("SMS: Acme is the best scheduler.", "sms", ctx).constraints == [2]


def test_offer_of_another_version_is_chatter_but_a_real_question_is_text() -> None:
    assert parse_output("Your table is ready.\n\nWant a shorter version?", "sms").text == \
        "Your table is ready."
    raw = "Your ride is at 3 PM.\n\nWant a longer ride? Book the 2-hour tour at the desk."
    assert parse_output(raw, "sms").text == raw


def test_markdown_link_text_ending_in_here_is_not_a_placeholder() -> None:
    raw = "BODY: [Read the import guide here](https://help.ledgerly.com/import)"
    report = check(raw, "in_app", {"app_domains": ["ledgerly.com"]})
    assert 5 not in report.constraints
    assert 5 in check("BODY: Track it: [LINK]", "in_app").constraints


def test_deep_link_must_be_written_with_both_slashes() -> None:
    ctx = {"deep_link_scheme": "noodlebox://", "routes": ["orders/{id}"]}
    good = check("TITLE: Order\nBODY: On its way.\nBUTTON: Track order | noodlebox://orders/7",
                 "push", ctx)
    bad = check("TITLE: Order\nBODY: On its way.\nBUTTON: Track order | noodlebox:/orders/7",
                "push", ctx)
    assert 5 not in good.constraints and 5 in bad.constraints


def test_family_and_travel_words_and_travel_goals() -> None:
    goal = {"goal": "Tell Ravi his hardware ticket is resolved."}
    assert 6 in check("SMS: Hope the twins like daycare! Ticket resolved.", "sms", goal).constraints
    trip = "SMS: Your trip to Berlin is booked."
    assert 6 in check(trip, "sms", goal).constraints
    assert 6 not in check(trip, "sms", {"goal": "Send Keiko her travel details."}).constraints


SOC2 = {"facts": ["The SOC 2 audit evidence is due Dec 18."]}


def test_closing_review_remark_is_metadata_not_message_text() -> None:
    post = "*SOC 2 audit:* please upload your evidence by Dec 18."
    raw = f"{post}\n\nAuto-send approved: routine reminder, no review needed."
    draft = parse_output(raw, "slack_channel")
    assert draft.text == post
    assert [m.needs_review for m in draft.review_markers] == [False]
    assert 7 in check(raw, "slack_channel", SOC2).constraints  # the claim still counts
    request = parse_output(f"{post}\n\nNeeds a compliance review before posting.", "slack_dm")
    assert request.text == post
    assert [m.needs_review for m in request.review_markers] == [True]


def test_review_words_addressed_to_the_recipient_stay_in_the_message() -> None:
    for raw in ("Your claim is approved.\n\nNo review needed on your side.",
                "Your order shipped.\n\nNeeds a signature on delivery.",
                "No review needed."):
        assert parse_output(raw, "sms").text == raw


def test_closing_count_remark_is_not_message_text() -> None:
    text = "Hi Ana, your table for 2 is ready at 7 PM."
    for remark in ("(44 characters)", "[44 chars]", "— 44 characters",
                   "Fits in a single SMS segment (44 chars).", "Hope this works!"):
        assert parse_output(f"{text}\n\n{remark}", "sms").text == text, remark
    for kept in ("3 words: thank you, Ana.", "44 characters is all it takes."):
        assert parse_output(kept, "sms").text == kept  # the whole message is never a remark
    assert parse_output(f"{text}\n\n20 chairs left for Friday's class!", "sms").text != text


def test_number_word_restating_a_list_in_the_facts_is_backed() -> None:
    ctx = {"facts": ["From 2027-01-04, Jonah takes over the Marrow Creek Dairy, Ardent Paper "
                     "and Lakeview Glassworks accounts."]}
    assert check("SLACK: You're taking over three accounts.", "slack_dm", ctx).constraints == []
    assert check("SLACK: You're taking over five accounts.", "slack_dm", ctx).constraints == [2]
    assert check("SLACK: You're taking over 3 accounts.", "slack_dm", ctx).constraints == [2]


def test_double_up_is_an_idiom_not_a_multiplier() -> None:
    ctx = {"facts": ["If a dose is missed, skip it rather than doubling up."]}
    assert check("SMS: Missed a dose? Skip it, don't double up.", "sms", ctx).constraints == []
    assert check("SMS: Our plan will double your savings.", "sms", ctx).constraints == [2]


def test_sensitive_no_or_send_as_is_in_notes_waives_review() -> None:
    raw = ("BODY: Take 1 capsule with food and finish the course.\n"
           "CHANNEL_NOTES: SENSITIVE: NO - routine medication reminder, send as is.")
    assert [m.needs_review for m in parse_output(raw, "in_app").review_markers] == [False]
    assert 7 in check(raw, "in_app").constraints


def test_negated_mandatory_training_is_not_a_compliance_topic() -> None:
    social = "SMS: The social is optional and it's not mandatory training, just pizza."
    assert "compliance" not in {f.category for f in check(social, "sms").review_flags}
    training = "SMS: Complete the mandatory training by Friday."
    assert "compliance" in {f.category for f in check(training, "sms").review_flags}


def test_here_is_line_alone_before_the_message_is_a_preamble() -> None:
    raw = "Here's the weekly update for #field-ops:\n\n*Installs* are on track."
    assert parse_output(raw, "slack_channel").text == "*Installs* are on track."
    kept = "Here's the plan:\n*Installs* are on track."  # no blank line: part of the post
    assert parse_output(kept, "slack_channel").text == kept


def test_award_winning_is_backed_by_an_award_the_facts_say_was_won() -> None:
    won = {"facts": ["The teaching team won the 2026 Golden Clef Award."]}
    raw = "SMS: Our award-winning teachers can help."
    assert check(raw, "sms", won).constraints == []
    assert check(raw, "sms", {"facts": ["The team teaches piano."]}).constraints == [2]


def test_greeting_with_an_honorific_still_precedes_the_opener() -> None:
    html = "<p>Dear Mr. Petrov,</p><p>I hope this email finds you well! The course opened.</p>"
    text = "Dear Mr. Petrov,\n\nI hope this email finds you well! The course opened."
    raw = f"SUBJECT: Course\nBODY_HTML: {html}\nBODY_TEXT: {text}"
    assert 1 in check(raw, "email").constraints

"""Fused steps: neighbouring rules of one kind (grounded, urls, flag) run in one pass and give exactly what each
rule's own runner gives; a rule failing inside a fused pass is still reported on its own."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guardrails import Checker, Context
from guardrails.analyze import Message, analyze
from guardrails.engine.base import RunState
from guardrails.engine.pack import RulePack, Step, builtin_pack
from guardrails.models import CHANNELS
from guardrails.parser import parse_output

PACK = builtin_pack()
CASES = Path(__file__).parent / "cases"


def _steps(pack: RulePack, raw: str, channel: str) -> tuple[Message, tuple[Step, ...]]:
    """The parsed message and the steps ``pack`` runs on it."""
    message = analyze(parse_output(raw, channel))
    return message, pack.plan(message.channel, tuple(message.fields),
                              message.profile.body_fields)


def _user_checker(tmp_path: Path, pack: str) -> Checker:
    """A checker running only the ACME rules of the user pack ``pack`` (TOML text)."""
    path = tmp_path / "user.toml"
    path.write_text(pack, encoding="utf-8")
    return Checker(rules=[path], select=["ACME"])


def _fused_equals_one_by_one(pack: RulePack, raw: str, channel: str, context: Context) -> int:
    """Assert every fused step of ``pack`` on this message gives each rule's own hits."""
    message, steps = _steps(pack, raw, channel)
    fused = 0
    for rules, fields, group in steps:
        if group is None:
            continue
        fused += len(rules)
        together = group(message, context, RunState(), fields)
        alone = [list(rule.runner(message, context, RunState(), fields)) for rule in rules]
        assert together == alone, [rule.id for rule in rules]
    return fused


def _cases() -> list[dict[str, Any]]:
    rows = []
    for name in ("corpus.jsonl", "examples.jsonl"):
        for line in (CASES / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append(json.loads(line))
    return rows


def test_fused_steps_equal_each_rule_alone_on_every_labeled_case() -> None:
    fused = 0
    for case in _cases():
        fused += _fused_equals_one_by_one(PACK, case["raw_output"], case["channel"],
                                          Context.model_validate(case.get("context") or {}))
    assert fused > 1000  # the URL and flag rules of every case ran fused


PIECES = [
    "Hi Ana,", "the price is $40 per month.", "Your refund of $12 was paid out.", "at no cost",
    "see https://acme.com/a", "http://acme.com/b", "http://evil.com/x", "https://example.com",
    "[LINK]", "{{url}}",
    "acme://workouts/42", "acme://nowhere", "www.acme.io", "Consult your doctor.", "legal terms",
    "invest in stocks", "GDPR compliance", "renewal", "priceless", "% off", "promo code",
    "SENSITIVE: NO", "\n", ". ", "Medical Group", "free shipping", "trusted by Globex and Initech",
    "award-winning", "Award-winning", "guaranteed results", "you'll save 3 hours", "the #1 app",
    "40% faster", "3x more", "Acme Corp", "Initech", "leading", "2 seats left",
]
LABELS = {"email": ["SUBJECT: Hi", "BODY_HTML:", "BODY_TEXT:"], "sms": ["SMS:"],
          "slack_dm": ["MESSAGE:"], "slack_channel": ["MESSAGE:"],
          "push": ["TITLE: Hi", "BODY:", "BUTTON: Open | https://acme.com/x"],
          "in_app": ["TITLE: Hi", "BODY:"]}


@st.composite
def outputs(draw: st.DrawFn) -> tuple[str, str]:
    channel = draw(st.sampled_from(sorted(CHANNELS)))
    lines = []
    for label in LABELS.get(channel, ["MESSAGE:"]):
        lines.append(label + " " + " ".join(draw(st.lists(st.sampled_from(PIECES), max_size=8))))
    return "\n".join(lines), channel


contexts = st.builds(
    dict,
    app_domains=st.sampled_from([[], ["acme.com", "acme.io"]]),
    deep_link_scheme=st.sampled_from([None, "acme://", "other://"]),
    routes=st.sampled_from([[], ["workouts/{id}"]]),
    first_send=st.booleans(),
    evaluation=st.sampled_from([None, {"score": 0.5}, {"score": 9}]),
    facts=st.lists(st.sampled_from(["Globex uses Acme.", "Award-winning support since 2020.",
                                    "Plans cost $40 per month.", "3x faster exports.",
                                    "Results are guaranteed."]), max_size=3),
)


@given(outputs(), contexts)
def test_fused_steps_equal_each_rule_alone(output: tuple[str, str], ctx: dict[str, Any]) -> None:
    raw, channel = output
    assert _fused_equals_one_by_one(PACK, raw, channel, Context.model_validate(ctx)) > 0


def test_builtin_grounded_url_and_flag_rules_run_fused() -> None:
    _, steps = _steps(PACK, "SMS: Hi https://acme.com/a", "sms")
    fused = [[rule.id for rule in step.rules] for step in steps if step.group is not None]
    assert ["GR201", "GR202", "GR203", "GR204", "GR205"] in fused
    assert ["GR501", "GR502", "GR503", "GR504", "GR505", "GR506"] in fused
    assert ["GR711", "GR712", "GR713", "GR714", "GR715", "GR716", "GR717", "GR718"] in fused
    assert all(step.group is None for step in steps if len(step.rules) == 1)


USER_FLAGS = '''name = "user"

[[rule]]
id = "ACME901"
name = "slow-pricing"
constraint = 7
level = "warning"
check = "flag"
params = { category = "pricing", patterns = ["(a|aa)+$"] }
message = "Pricing: {evidence}"

[[rule]]
id = "ACME902"
name = "legal-words"
constraint = 7
level = "warning"
check = "flag"
params = { category = "legal", terms = ["synergy"] }
message = "Legal: {evidence}"
'''


def test_a_rule_timing_out_in_a_fused_pass_is_reported_alone(tmp_path: Path) -> None:
    checker = _user_checker(tmp_path, USER_FLAGS)
    _, steps = _steps(checker.pack, "SMS: synergy", "sms")
    assert [[rule.id for rule in step.rules] for step in steps] == [["ACME901", "ACME902"]]
    started = time.monotonic()
    report = checker.check("SMS: synergy " + "a" * 40 + "!", "sms")
    assert time.monotonic() - started < 10
    assert [e.split(":")[0] for e in report.engine_errors] == ["ACME901"]
    assert [(f.rule, f.category) for f in report.review_flags] == [("ACME902", "legal")]


@pytest.mark.parametrize("channel", sorted(CHANNELS))
def test_fused_flags_keep_the_first_term_of_each_topic(channel: str) -> None:
    raw = {"email": "SUBJECT: Hi\nBODY_HTML: <p>Ask your doctor about the price per month.</p>"
                    "\nBODY_TEXT: Ask your doctor about the price per month.",
           "push": "TITLE: Hi\nBODY: Ask your doctor about the price per month.",
           "in_app": "TITLE: Hi\nBODY: Ask your doctor about the price per month."}.get(
        channel, "MESSAGE: Ask your doctor about the price per month.")
    flags = {f.category: f.evidence for f in Checker().check(raw, channel).review_flags}
    assert flags["pricing"] == "price"
    assert flags["medical"] is not None and "doctor" in flags["medical"]


USER_PHRASES = '''name = "user"

[[rule]]
id = "ACME911"
name = "claims-a"
constraint = 2
check = "grounded"
params = { claims = "phrases", terms = ["synergy", "best-in-class"] }
message = "Unsupported: {evidence}"

[[rule]]
id = "ACME912"
name = "claims-b"
constraint = 2
check = "grounded"
params = { claims = "phrases", terms = ["synergy"] }
message = "Unsupported: {evidence}"
'''


def test_fused_phrase_rules_sharing_a_term_each_report_it(tmp_path: Path) -> None:
    checker = _user_checker(tmp_path, USER_PHRASES)
    report = checker.check("SMS: Best-in-class synergy, more synergy.", "sms")
    assert sorted((v.rule, v.evidence) for v in report.violations) == [
        ("ACME911", "best-in-class"), ("ACME911", "synergy"), ("ACME912", "synergy")]
    supported = checker.check("SMS: Pure synergy.", "sms", {"facts": ["Synergy is our name."]})
    assert supported.violations == []

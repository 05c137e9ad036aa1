"""The rule engine: packs are data, validated on load, examples run, bad input never crashes."""

from __future__ import annotations

import concurrent.futures
import json
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guardrails import Checker, ConfigurationError, Context, RulePackError, check
from guardrails.engine.pack import builtin_pack, load_pack
from guardrails.engine.selftest import run_examples
from guardrails.models import CHANNELS

PACK = builtin_pack()


@pytest.mark.parametrize("rule", PACK.rules, ids=lambda r: r.id)
def test_every_rule_fires_on_its_examples_and_stays_quiet_otherwise(rule: object) -> None:
    from guardrails.engine.pack import RulePack

    results = run_examples(RulePack("one", (rule,) if rule.spec.check != "review_claim"
                                    else PACK.rules))
    mine = [r for r in results if r.rule == rule.id]
    assert mine and all(r.ok for r in mine), [(r.index, r.expect, r.detail) for r in mine]


@pytest.mark.parametrize("rule", PACK.rules, ids=lambda r: r.id)
def test_every_rule_is_explained_like_ruff(rule: object) -> None:
    explain = rule.spec.explain
    for section in ("## What it does", "## Why is this bad?", "## Example", "## Use instead"):
        assert section in explain


def test_rule_ids_follow_the_constraint_numbering() -> None:
    for rule in PACK.rules:
        assert rule.id.startswith("GR") and int(rule.id[2]) == rule.spec.constraint, rule.id


def _pack(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "user.toml"
    path.write_text('name = "user"\n' + body, encoding="utf-8")
    return path


RULE = '''
[[rule]]
id = "{id}"
name = "no-hype"
constraint = 8
check = "{check}"
params = {params}
message = "Hype: {{detail}}"
'''


def test_duplicate_id_names_file_line_rule_and_key(tmp_path: Path) -> None:
    rule = RULE.format(id="ACME801", check="forbidden", params='{ terms = ["hype"] }')
    path = _pack(tmp_path, rule + rule)
    with pytest.raises(RulePackError) as exc:
        load_pack(path)
    assert f"{path}:" in str(exc.value) and "ACME801" in str(exc.value)
    assert "key 'id': duplicate id (first on line 4)"
    assert "user.toml:12: rule ACME801" in str(exc.value) in str(exc.value)


def test_unknown_kind_is_reported_with_its_line(tmp_path: Path) -> None:
    path = _pack(tmp_path, RULE.format(id="ACME802", check="vibes", params="{}"))
    with pytest.raises(RulePackError, match=r"user\.toml:7: rule ACME802: key 'check': unknown"):
        load_pack(path)


def test_bad_param_names_the_param(tmp_path: Path) -> None:
    path = _pack(tmp_path, RULE.format(id="ACME803", check="max_length",
                                       params='{ unit = "lightyears" }'))
    with pytest.raises(RulePackError, match=r"rule ACME803: key 'params.unit'"):
        load_pack(path)


def test_invalid_regex_is_a_pack_error(tmp_path: Path) -> None:
    path = _pack(tmp_path, RULE.format(id="ACME804", check="forbidden",
                                       params='{ patterns = ["(unclosed"] }'))
    with pytest.raises(RulePackError, match=r"ACME804: key 'params.patterns'.*invalid regex"):
        load_pack(path)


def test_every_problem_is_listed(tmp_path: Path) -> None:
    body = RULE.format(id="ACME805", check="vibes", params="{}") + RULE.format(
        id="ACME806", check="forbidden", params='{ patterns = ["("] }')
    with pytest.raises(RulePackError) as exc:
        load_pack(_pack(tmp_path, body))
    assert len(exc.value.problems) == 2


def test_catastrophic_user_regex_is_an_engine_error_not_a_hang(tmp_path: Path) -> None:
    path = _pack(tmp_path, RULE.format(id="ACME807", check="forbidden",
                                       params='{ patterns = ["(a|aa)+$"] }'))
    checker = Checker(rules=[path])
    started = time.monotonic()
    report = checker.check("SMS: " + "a" * 40 + "!", "sms")
    assert time.monotonic() - started < 10
    assert any(e.startswith("ACME807") for e in report.engine_errors)


def test_user_pack_rule_fires_and_select_ignore_work(tmp_path: Path) -> None:
    path = _pack(tmp_path, RULE.format(id="ACME808", check="forbidden",
                                       params='{ terms = ["synergy"] }'))
    report = Checker(rules=[path]).check("SMS: Pure synergy.", "sms")
    assert "ACME808" in {v.rule for v in report.violations}
    only = Checker(rules=[path], select=["ACME"]).check("SMS: Pure synergy.", "sms")
    assert {v.rule for v in only.violations} == {"ACME808"}
    none = Checker(rules=[path], ignore=["ACME8"]).check("SMS: Pure synergy.", "sms")
    assert "ACME808" not in {v.rule for v in none.violations}


def test_unknown_select_id_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="unknown rule id or prefix 'GR999'"):
        Checker(select=["GR999"])


def test_unknown_context_key_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="gooal"):
        check("SMS: hi", "sms", {"gooal": "typo"})


def test_bad_channel_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="unknown channel 'fax'"):
        check("hi", "fax")


contexts = st.builds(
    Context,
    goal=st.none() | st.text(max_size=40),
    facts=st.lists(st.text(max_size=40), max_size=3).map(tuple),
    deep_link_scheme=st.none() | st.sampled_from(["app://", "acme://"]),
    routes=st.lists(st.sampled_from(["a/{id}", "b", "{id}"]), max_size=2).map(tuple),
    app_domains=st.lists(st.sampled_from(["acme.com", "x.io"]), max_size=2).map(tuple),
)


@given(text=st.text(max_size=400), channel=st.sampled_from(CHANNELS), context=contexts)
def test_check_never_raises_and_is_deterministic(text: str, channel: str, context: Context) -> None:
    first = check(text, channel, context)
    second = check(text, channel, context)
    assert first.model_dump() == second.model_dump()
    assert not first.engine_errors


MARKUP = st.sampled_from(["<p>", "</p>", "<a href='http://x'>", "**", "[x](y)", "{{v}}", "\n",
                          "SUBJECT:", "BODY_HTML:", "```", "<div style=x>", "$5", "50%", "#1"])


@given(parts=st.lists(MARKUP | st.text(max_size=8), max_size=30),
       channel=st.sampled_from(CHANNELS))
def test_check_never_raises_on_markup_soup(parts: list[str], channel: str) -> None:
    report = check("".join(parts), channel)
    assert not report.engine_errors


def _clean_emails() -> list[dict[str, object]]:
    path = Path(__file__).parent / "cases" / "corpus.jsonl"
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [c for c in cases if c["channel"] == "email" and not c["expected"]["violations"]][:8]


@pytest.mark.parametrize("case", _clean_emails(), ids=lambda c: str(c["id"]))
def test_adding_a_clean_fact_sentence_never_creates_a_violation(case: dict[str, object]) -> None:
    context = Context.model_validate(case["context"])
    raw = str(case["raw_output"])
    before = {v.rule for v in check(raw, "email", context).violations}
    for fact in context.facts:
        alone = check(f"SUBJECT: Note\nBODY_HTML: <p>{fact}</p>\nBODY_TEXT: {fact}", "email",
                      context)
        # Violation-free on its own, under the same context (disclaimer and sign-off are about
        # the whole body, which this one-sentence probe lacks on purpose).
        if {v.rule for v in alone.violations} - {"GR803", "GR804"}:
            continue
        grown = raw.replace("</p>", f"</p><p>{fact}</p>", 1)
        after = {v.rule for v in check(grown, "email", context).violations}
        assert after <= before, (fact, after - before)


def test_pack_is_shared_safely_across_threads() -> None:
    raws = [("SMS: Order 1 ships today. Reply STOP to opt out.", "sms"),
            ("TITLE: Hi\nBODY: Try http://example.com now", "push")] * 20
    expected = [check(r, c).model_dump() for r, c in raws]
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda rc: check(*rc).model_dump(), raws))
    assert got == expected


@pytest.mark.parametrize("channel", CHANNELS)
def test_hostile_inputs_give_reports_in_bounded_time(channel: str) -> None:
    inputs = [
        "",
        "\x00\x01\x02" * 1000,
        "<div>" * 10_000 + "x" + "</div>" * 10_000,
        "SUBJECT: x\nBODY_HTML: " + "<b>" * 10_000 + "\nBODY_TEXT: y",
        ("word " * 200_000)[:1_000_000],
        "\ud800 lone surrogate",
    ]
    for text in inputs:
        started = time.monotonic()
        report = check(text, channel)
        assert time.monotonic() - started < 30
        assert isinstance(report.ok, bool)


def test_ten_megabyte_output_is_checked() -> None:
    text = "SUBJECT: Big\nBODY_HTML: " + "<p>" + "Lorem ipsum dolor sit amet. " * 380_000 + "</p>"
    assert len(text) > 10_000_000
    report = check(text, "email")
    assert "GR102" in {v.rule for v in report.violations}


def test_public_names_survive_lazy_imports() -> None:
    import importlib

    import guardrails

    draft = guardrails.parse("SMS: hi", "sms")  # triggers the lazy imports behind it
    assert callable(guardrails.parse) and callable(guardrails.check)
    assert draft.channel == "sms"
    importlib.import_module("guardrails.parser")
    assert callable(guardrails.parse)


def test_root_exports_are_sorted_and_resolve() -> None:
    import guardrails

    assert guardrails.__all__ == sorted(guardrails.__all__)
    for name in guardrails.__all__:
        assert getattr(guardrails, name) is not None


def test_exports_match_the_lazy_table() -> None:
    import guardrails

    assert set(guardrails.__all__) == {*guardrails._EXPORTS, "__version__"}


def test_annotated_prepends_the_review_banner_only_when_flagged() -> None:
    flagged = check("SMS: Annual billing costs $3,888 per year. Reply STOP to opt out.", "sms",
                    {"facts": ["Annual billing costs $3,888 per year."]})
    assert flagged.annotated().startswith("⚠️ REVIEW SUGGESTED: Pricing content")
    assert flagged.annotated().endswith(
        "Consider testing via manual approval before sending at scale.\n\n"
        "Annual billing costs $3,888 per year. Reply STOP to opt out.")
    clean = check("SMS: Your laptop is ready.", "sms")
    assert clean.annotated() == "Your laptop is ready."


def test_fixed_applies_every_safe_fix_and_says_which() -> None:
    raw = ("SUBJECT: Rooms\nBODY_HTML: <p>Book at <a href=\"http://app.roomly.work/rooms\">"
           "rooms</a></p>")
    report = check(raw, "email", {"app_domains": ["roomly.work"]})
    assert {"GR102", "GR501"} <= {v.rule for v in report.violations}
    fields, applied = report.fixed()
    assert fields["body_html"] == '<p>Book at <a href="https://app.roomly.work/rooms">rooms</a></p>'
    assert fields["body_text"] == "Book at rooms (https://app.roomly.work/rooms)"
    assert applied == ["rewrote http://app.roomly.work/rooms to https",
                       "generated body_text from body_html"]
    again = check(f"SUBJECT: {fields['subject']}\nBODY_HTML: {fields['body_html']}\n"
                  f"BODY_TEXT: {fields['body_text']}", "email", {"app_domains": ["roomly.work"]})
    assert again.ok


def test_sms_transliteration_fix_brings_it_to_one_segment() -> None:
    report = check("SMS: It’s ready — pick up your bike at the Riverside shop any weekday before "
                   "6pm, we’ll keep it safe…", "sms",
                   {"facts": ["Pick up before 6pm."]})
    assert [v.rule for v in report.violations] == ["GR403"]
    fields, _ = report.fixed()
    fixed_text = fields["text"]
    assert fixed_text is not None and check(f"SMS: {fixed_text}", "sms",
                                            {"facts": ["Pick up before 6pm."]}).ok


@pytest.mark.parametrize(("fact", "sms", "supported"), [
    ("Save 40 percent on annual plans.", "Save 40% on annual plans.", True),
    ("The plan costs $1,200 a year.", "The plan costs 1200 dollars a year.", True),
    ("The team ran 3 workshops.", "The team ran three workshops.", True),
    ("Pickup opens at 5:30 PM.", "Pickup opens at 17:30.", True),
    ("The concert is on 2026-12-09.", "The concert is on Dec 9.", True),
    ("The concert is on 2026-12-09.", "The concert is on 12/9.", True),
    ("Version 5.3 is out.", "Version 5.3 makes exports 3x faster.", False),
    ("The concert is on 2026-12-05.", "Only 12 seats left for the concert.", False),
    ("Trial tracked 312 hours.", "9 out of 10 agencies keep using it.", False),
    ("Your order ships today.", "Your order ships today, guaranteed.", False),
])
def test_claims_are_matched_by_value_not_by_string(fact: str, sms: str, supported: bool) -> None:
    report = check(f"SMS: {sms}", "sms", {"facts": [fact]})
    assert (not any(v.constraint == 2 for v in report.violations)) is supported, report.violations

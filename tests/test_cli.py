"""The ``guardrails`` command line: exit codes, stdout and stderr pinned (style guide rule 11).

Most tests run ``main(argv)`` in-process with capsys; a few run the installed console script.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"

CLEAN_SMS = "SMS: Your starter kit is ready at the front desk today. To opt out, reply STOP.\n"
LONG_SMS = "SMS: " + "Your starter kit is ready at the front desk today. " * 4 + "See you soon.\n"
LONG_SMS_CHARS = len(LONG_SMS.removeprefix("SMS: ").strip())
HTTP_PUSH = "TITLE: Your lesson is ready\nBODY: Pick up where you left off.\n" \
            "BUTTON: Start lesson | http://app.brightloop.io/lessons/loops\n"
LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<rule>[A-Z]+\d{3})"
                  r"(?: \[\*\])? \[(?P<constraint>\d)\] (?P<message>.+)$")

USER_PACK = '''name = "acme"

[[rule]]
id = "ACME001"
name = "no-jargon"
constraint = 8
level = "warning"
check = "forbidden"
params = { terms = ["synergy", "circle back"] }
message = "Jargon: {detail}"
explain = """
## What it does
Flags office jargon.
## Why is this bad?
Readers tune out.
"""
[[rule.examples]]
expect = "violation"
channel = "sms"
output = "SMS: Let's find some synergy."
[[rule.examples]]
expect = "pass"
channel = "sms"
output = "SMS: Let's work together."
'''

Run = Callable[..., tuple[int, str, str]]


def write(directory: Path, name: str, content: str | bytes) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def one_error_line(code: int, out: str, err: str) -> str:
    """Assert the usage/config/input error contract and return the message."""
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert err.startswith("guardrails: error: ")
    return err.removeprefix("guardrails: error: ").rstrip("\n")


def rules_of(out: str) -> list[str]:
    return [m["rule"] for line in out.splitlines() if (m := LINE.match(line))]


# ---------------------------------------------------------------------------- check: text


def test_clean_file_passes(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "ready.sms.txt", CLEAN_SMS)
    assert run("check", path) == (0, "All checks passed (1 file, 0 review flags).\n", "")


def test_violation_lines_point_at_file_line_and_rule(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "long.sms.txt", LONG_SMS)
    code, out, err = run("check", path)
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert lines[-1] == "Found 2 errors and 0 warnings in 1 file (0 review flags)."
    parsed = [LINE.match(line) for line in lines[:-1]]
    assert all(parsed), lines
    assert [(m["path"], m["line"], m["rule"], m["constraint"]) for m in parsed if m] == [
        (str(path), "1", "GR402", "4"), (str(path), "1", "GR403", "4"),
    ]
    assert lines[0].endswith(f": GR402 [4] SMS is {LONG_SMS_CHARS} characters (limit 160)")
    assert lines[1].endswith(": GR403 [4] SMS needs 2 segments (limit 1)")


def test_fixable_violation_is_marked(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "lesson.push.txt", HTTP_PUSH)
    context = write(tmp_path, "ctx.json", json.dumps({"app_domains": ["app.brightloop.io"]}))
    code, out, _ = run("check", path, "--context", context, "--select", "GR501")
    assert code == 1
    assert re.search(r":3:\d+: GR501 \[\*\] \[5\] Link is not https", out), out


def test_fail_on_warning_counts_warnings(run: Run, tmp_path: Path) -> None:
    pack = write(tmp_path, "acme.toml", USER_PACK)
    path = write(tmp_path, "j.sms.txt", "SMS: Let's find some synergy today.\n")
    code, out, err = run("check", path, "--rules", pack)
    assert (code, err) == (0, "")
    assert rules_of(out) == ["ACME001"]
    assert re.match(rf"^{re.escape(str(path))}:1:\d+: ACME001 \[8\] Jargon: 'synergy'$", out,
                    re.MULTILINE)
    assert out.splitlines()[-1] == "Found 0 errors and 1 warning in 1 file (0 review flags)."
    code, out2, err = run("check", path, "--rules", pack, "--fail-on", "warning")
    assert (code, out2, err) == (1, out, "")


def test_user_pack_adds_a_rule_that_fires(run: Run, tmp_path: Path) -> None:
    pack = write(tmp_path, "acme.toml", USER_PACK.replace('level = "warning"', 'level = "error"'))
    path = write(tmp_path, "j.sms.txt", "SMS: We should circle back on this today.\n")
    code, out, err = run("check", path, "--rules", pack)
    assert (code, err) == (1, "")
    assert rules_of(out) == ["ACME001"]
    assert "ACME001 [8] Jargon: 'circle back'" in out
    code, out, _ = run("rules", "--rules", pack)
    assert code == 0 and re.search(r"^ACME001 +\[8\] error +no-jargon", out, re.MULTILINE)


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ((), ["GR402", "GR403"]),
        (("--select", "GR402"), ["GR402"]),
        (("--select", "gr402,GR403"), ["GR402", "GR403"]),
        (("--select", "GR4"), ["GR402", "GR403"]),
        (("--select", "GR40"), ["GR402", "GR403"]),
        (("--ignore", "GR403"), ["GR402"]),
        (("--select", "GR4", "--ignore", "GR402"), ["GR403"]),
        (("--ignore", "GR4"), []),
        (("--select", "GR5"), []),
        (("--select", "ALL", "--ignore", "GR40"), []),
    ],
)
def test_select_and_ignore_by_id_and_prefix(
    run: Run, tmp_path: Path, options: tuple[str, ...], expected: list[str]
) -> None:
    path = write(tmp_path, "long.sms.txt", LONG_SMS)
    code, out, err = run("check", path, *options)
    assert (code, err) == (1 if expected else 0, "")
    assert rules_of(out) == expected
    if not expected:
        assert out == "All checks passed (1 file, 0 review flags).\n"


def test_review_flag_is_reported_but_not_a_failure(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "sync.slack_channel.md",
                 "SLACK: We'll walk through the new pricing for the spring cohort on Thursday.\n")
    code, out, err = run("check", path)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"{path}: review (pricing) Pricing content: pricing",
        "All checks passed (1 file, 1 review flag).",
    ]


def test_empty_email_file_gives_a_report(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "empty.email.md", "")
    code, out, err = run("check", path)
    assert (code, err) == (1, "")
    assert {"GR102", "GR103", "GR301"} <= set(rules_of(out))
    assert out.splitlines()[-1].startswith("Found ")


def test_empty_sms_file_gives_a_report(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "empty.sms.txt", "")
    code, out, err = run("check", path)
    assert code in (0, 1) and err == ""
    assert re.match(r"^(All checks passed|Found )", out.splitlines()[-1])


def test_empty_sms_is_not_safe_to_send(run: Run, tmp_path: Path) -> None:
    code, _, _ = run("check", write(tmp_path, "empty.sms.txt", ""))
    assert code == 1


def test_ten_megabyte_file_completes_without_traceback(run: Run, tmp_path: Path) -> None:
    sentence = "Your starter kit is ready for pickup at the front desk. "
    body = sentence * (10_000_000 // len(sentence) + 1)
    path = write(tmp_path, "huge.sms.txt", "SMS: " + body[:10_000_000] + "\n")
    code, out, err = run("check", path)
    assert "Traceback" not in out + err
    if code == 2:  # refused as input: one line that says why
        assert "MB" in one_error_line(code, out, err)
    else:
        assert code == 1 and "GR402" in rules_of(out)
        assert out.splitlines()[-1].startswith("Found ")


def test_no_colour_when_stdout_is_not_a_tty(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "long.sms.txt", LONG_SMS)
    _, out, err = run("check", path)
    assert "\x1b[" not in out + err


def test_colour_on_a_tty_unless_no_color(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "long.sms.txt", LONG_SMS)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    code, out, _ = run("check", path)
    assert code == 1 and "\x1b[31mGR402\x1b[0m" in out
    monkeypatch.setenv("NO_COLOR", "1")
    _, out, _ = run("check", path)
    assert "\x1b[" not in out


def test_folder_is_searched_for_named_message_files(run: Run, tmp_path: Path) -> None:
    write(tmp_path, "a/ready.sms.txt", CLEAN_SMS)
    write(tmp_path, "a/b/long.sms.txt", LONG_SMS)
    write(tmp_path, "a/notes.txt", "not a message: no channel in the name")
    write(tmp_path, "a/.hidden/x.sms.txt", LONG_SMS)
    code, out, err = run("check", tmp_path / "a")
    assert (code, err) == (1, "")
    assert {m["path"] for line in out.splitlines() if (m := LINE.match(line))} == {
        str(tmp_path / "a" / "b" / "long.sms.txt")
    }
    assert out.splitlines()[-1] == "Found 2 errors and 0 warnings in 2 files (0 review flags)."


def test_channel_option_overrides_the_name(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "message.txt", LONG_SMS)
    code, out, _ = run("check", path, "--channel", "sms")
    assert code == 1 and rules_of(out) == ["GR402", "GR403"]


# ---------------------------------------------------------------------------- check: errors


def test_unknown_rule_in_select_is_a_usage_error(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "ready.sms.txt", CLEAN_SMS)
    message = one_error_line(*run("check", path, "--select", "GR999"))
    assert message == "unknown rule id or prefix 'GR999' in select/ignore"
    assert "GR9" in one_error_line(*run("check", path, "--ignore", "GR9"))


def test_file_name_without_a_channel_is_an_error(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "notes.fax.txt", CLEAN_SMS)
    message = one_error_line(*run("check", path))
    assert message == f"{path}: cannot tell the channel; name it like 'x.sms.txt' or pass --channel"


def test_unknown_channel_option_is_a_usage_error(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "ready.sms.txt", CLEAN_SMS)
    assert "invalid choice: 'fax'" in one_error_line(*run("check", path, "--channel", "fax"))


def test_folder_without_message_files_is_an_error(run: Run, tmp_path: Path) -> None:
    write(tmp_path, "notes.txt", "hello")
    assert "no message files found" in one_error_line(*run("check", tmp_path))


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("latin1.sms.txt", b"SMS: caf\xe9 ready\n", "not valid UTF-8 (byte 0xe9 at offset 8)"),
        ("binary.sms.txt", b"SMS\x00\x01\x02\xff\xfe", "binary file (NUL bytes)"),
        ("gone.sms.txt", None, "no such file or directory"),
    ],
)
def test_unreadable_input_is_one_line_exit_2(
    run: Run, tmp_path: Path, name: str, content: bytes | None, expected: str
) -> None:
    path = tmp_path / name
    if content is not None:
        write(tmp_path, name, content)
    message = one_error_line(*run("check", path))
    assert message.startswith(f"{path}: ") and expected in message


def test_unreadable_file_among_good_ones_fails_the_run(run: Run, tmp_path: Path) -> None:
    for i in range(3):
        write(tmp_path, f"m{i}.sms.txt", CLEAN_SMS)
    write(tmp_path, "m3.sms.txt", b"\xff\xfe\x00")
    message = one_error_line(*run("check", tmp_path))
    assert message.startswith(str(tmp_path / "m3.sms.txt"))


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"goal": ', "ctx.json:1: invalid JSON: Expecting value"),
        ('["not", "an", "object"]', "ctx.json: context must be a JSON object"),
        ('{"gaol": "typo"}', "ctx.json: invalid context: gaol: Extra inputs are not permitted"),
        ('{"governance": {"sign_of": "Best"}}', "governance.sign_of"),
        ('{"first_send": "sometimes"}', "first_send"),
        (b"\xff\xfe{}", "not valid UTF-8"),
        (None, "ctx.json: cannot read"),
    ],
)
def test_bad_context_is_one_line_exit_2(
    run: Run, tmp_path: Path, content: str | bytes | None, expected: str
) -> None:
    path = write(tmp_path, "ready.sms.txt", CLEAN_SMS)
    context = tmp_path / "ctx.json"
    if content is not None:
        write(tmp_path, "ctx.json", content)
    message = one_error_line(*run("check", path, "--context", context))
    assert expected in message and str(context) in message


@pytest.mark.parametrize(
    "argv",
    [
        ("check",),
        ("check", "x.sms.txt", "--format", "xml"),
        ("check", "x.sms.txt", "--jobs", "0"),
        ("check", "x.sms.txt", "--fail-on", "never"),
        ("convert", "x.md"),
        ("frobnicate",),
        (),
    ],
)
def test_usage_errors_are_one_line_exit_2(run: Run, argv: tuple[str, ...]) -> None:
    one_error_line(*run(*argv))


def test_version(run: Run) -> None:
    from guardrails import __version__

    assert run("--version") == (0, f"guardrails {__version__}\n", "")


# ---------------------------------------------------------------------------- [tool.guardrails]


def test_pyproject_config_supplies_defaults(run: Run, tmp_path: Path) -> None:
    write(tmp_path, "packs/acme.toml", USER_PACK)
    write(tmp_path, "ctx.json", json.dumps({"facts": ["Let's find some synergy."]}))
    write(tmp_path, "pyproject.toml", '[project]\nname = "x"\n\n[tool.guardrails]\n'
          'rules = ["packs/acme.toml"]\nfail-on = "warning"\ncontext = "ctx.json"\n'
          'ignore = ["GR7"]\n')
    path = write(tmp_path, "msgs/j.sms.txt", "SMS: Let's find some synergy today.\n")
    code, out, err = run("check", path)
    assert (code, err) == (1, "")
    assert rules_of(out) == ["ACME001"]
    assert run("check", path, "--fail-on", "error")[0] == 0
    assert run("check", path, "--isolated") == (0, "All checks passed (1 file, 0 review flags).\n", "")


def test_pyproject_config_is_found_from_a_subfolder_and_cli_wins(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "pyproject.toml", '[tool.guardrails]\nselect = ["GR402"]\n')
    path = write(tmp_path, "sub/dir/long.sms.txt", LONG_SMS)
    monkeypatch.chdir(tmp_path / "sub" / "dir")
    assert rules_of(run("check", path)[1]) == ["GR402"]
    assert rules_of(run("check", path, "--select", "GR403")[1]) == ["GR403"]
    assert rules_of(run("check", path, "--select", "GR4")[1]) == ["GR402", "GR403"]


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ('selct = ["GR4"]', "unknown key 'selct'"),
        ('select = "GR4,"\nfail-on = "never"', "fail-on must be 'error' or 'warning'"),
        ("rules = [1]", "rules must be a list of strings"),
        ('rules = ["missing.toml"]', "missing.toml"),
        ('select = ["GR999"]', "unknown rule id or prefix 'GR999'"),
    ],
)
def test_bad_pyproject_config_is_one_line_exit_2(
    run: Run, tmp_path: Path, table: str, expected: str
) -> None:
    write(tmp_path, "pyproject.toml", f"[tool.guardrails]\n{table}\n")
    path = write(tmp_path, "ready.sms.txt", CLEAN_SMS)
    assert expected in one_error_line(*run("check", path))
    assert run("check", path, "--isolated")[0] == 0


# ---------------------------------------------------------------------------- user rule packs

BAD_PACKS = {
    "duplicate-id": (USER_PACK + USER_PACK.split("\n\n", 1)[1], "ACME001", "'id'",
                     "duplicate id"),
    "unknown-kind": (USER_PACK.replace('check = "forbidden"', 'check = "forbiden"'), "ACME001",
                     "'check'", "unknown check kind 'forbiden'"),
    "bad-param": (USER_PACK.replace('params = { terms = ["synergy", "circle back"] }',
                                    'params = { terms = ["synergy"], wholeword = true }'),
                  "ACME001", "'params.wholeword'", "Extra inputs are not permitted"),
    "bad-param-type": (USER_PACK.replace('params = { terms = ["synergy", "circle back"] }',
                                         "params = { terms = 7 }"),
                       "ACME001", "'params.terms'", ""),
    "invalid-regex": (USER_PACK.replace('params = { terms = ["synergy", "circle back"] }',
                                        'params = { patterns = ["(unclosed"] }'),
                      "ACME001", "'params.patterns'", "invalid regex"),
    "bad-level": (USER_PACK.replace('level = "warning"', 'level = "fatal"'), "ACME001",
                  "'level'", "'error' or 'warning'"),
}


@pytest.mark.parametrize("case", sorted(BAD_PACKS))
@pytest.mark.parametrize("command", ["check", "rules-test"])
def test_bad_user_pack_names_file_line_rule_and_key(
    run: Run, tmp_path: Path, case: str, command: str
) -> None:
    text, rule, key, detail = BAD_PACKS[case]
    pack = write(tmp_path, "acme.toml", text)
    if command == "check":
        argv: tuple[str | Path, ...] = (
            "check", write(tmp_path, "ready.sms.txt", CLEAN_SMS), "--rules", pack)
    else:
        argv = ("rules", "--test", pack)
    message = one_error_line(*run(*argv))
    match = re.match(rf"^{re.escape(str(pack))}:(\d+): rule {rule}: key {re.escape(key)}: ",
                     message)
    assert match, message
    assert detail in message
    line = int(match.group(1))
    keyword = key.strip("'").split(".")[-1]
    source_line = text.splitlines()[line - 1]
    assert source_line.startswith(("id =", f"{keyword} =", "params =")), (line, source_line)


def test_pack_with_several_problems_lists_them_all_on_one_line(run: Run, tmp_path: Path) -> None:
    second = USER_PACK.split("\n\n", 1)[1].replace("ACME001", "ACME002")
    text = USER_PACK.replace('check = "forbidden"', 'check = "nope"') + \
        second.replace('level = "warning"', 'level = "fatal"')
    pack = write(tmp_path, "acme.toml", text)
    message = one_error_line(*run("rules", "--test", pack))
    assert message.startswith(f"2 problems in {pack}: ")
    assert "rule ACME001: key 'check'" in message and "rule ACME002: key 'level'" in message


def test_user_pack_reusing_a_builtin_id_is_an_error(run: Run, tmp_path: Path) -> None:
    pack = write(tmp_path, "acme.toml", USER_PACK.replace("ACME001", "GR402"))
    path = write(tmp_path, "ready.sms.txt", CLEAN_SMS)
    message = one_error_line(*run("check", path, "--rules", pack))
    assert str(pack) in message and "GR402" in message and "'id'" in message


def test_user_pack_reusing_a_builtin_id_names_the_line(run: Run, tmp_path: Path) -> None:
    pack = write(tmp_path, "acme.toml", USER_PACK.replace("ACME001", "GR402"))
    message = one_error_line(*run("rules", "--rules", pack))
    assert message.startswith(f"{pack}:4: rule GR402: key 'id': duplicate id")


def test_invalid_toml_pack_is_an_error(run: Run, tmp_path: Path) -> None:
    pack = write(tmp_path, "acme.toml", "name = [\n")
    message = one_error_line(*run("rules", "--test", pack))
    assert message.startswith(f"{pack}: invalid TOML")


def test_rules_test_runs_a_user_pack(run: Run, tmp_path: Path) -> None:
    pack = write(tmp_path, "acme.toml", USER_PACK)
    assert run("rules", "--test", pack) == (0, "2 passed, 0 failed (1 rule)\n", "")


def test_rules_test_reports_a_rule_that_never_fires(run: Run, tmp_path: Path) -> None:
    pack = write(tmp_path, "acme.toml", USER_PACK.replace("find some synergy", "find some unity"))
    code, out, err = run("rules", "--test", pack)
    assert (code, err) == (1, "")
    assert out == "FAIL ACME001 example 1 (violation): did not fire\n1 passed, 1 failed (1 rule)\n"


# ---------------------------------------------------------------------------- machine formats


def test_json_matches_the_design_contract(run: Run, tmp_path: Path) -> None:
    long_sms = write(tmp_path, "long.sms.txt", LONG_SMS)
    flagged = write(tmp_path, "sync.slack_channel.md",
                    "SLACK: We'll walk through the new pricing for the spring cohort.\n")
    code, out, err = run("check", long_sms, flagged, "--format", "json")
    assert (code, err) == (1, "")
    doc = json.loads(out)
    assert list(doc) == ["results"]
    results = doc["results"]
    assert [r["path"] for r in results] == [str(long_sms), str(flagged)]
    for result in results:
        assert set(result) == {"path", "channel", "ok", "fields", "violations", "review_flags"}
        for violation in result["violations"]:
            assert set(violation) == {"rule", "constraint", "level", "field", "message", "line"}
        for flag in result["review_flags"]:
            assert set(flag) == {"category", "reason", "evidence"}
    sms, slack = results
    assert sms["channel"] == "sms" and sms["ok"] is False
    assert sms["fields"] == {"text": LONG_SMS.removeprefix("SMS: ").strip()}
    assert sms["violations"][0] == {
        "rule": "GR402", "constraint": 4, "level": "error", "field": "text",
        "message": f"SMS is {LONG_SMS_CHARS} characters (limit 160)", "line": 1,
    }
    assert [v["rule"] for v in sms["violations"]] == ["GR402", "GR403"]
    assert slack["channel"] == "slack_channel" and slack["ok"] is True
    assert slack["violations"] == []
    assert [f["category"] for f in slack["review_flags"]] == ["pricing"]


def test_sarif_is_valid_sarif_2_1_0(run: Run, tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    pack = write(tmp_path, "acme.toml", USER_PACK)
    write(tmp_path, "m/long.sms.txt", LONG_SMS)
    write(tmp_path, "m/jargon.sms.txt", "SMS: Let's find some synergy today.\n")
    write(tmp_path, "m/lesson.push.txt", HTTP_PUSH)
    write(tmp_path, "m/sync.slack_channel.md", "SLACK: The new pricing goes live on Thursday.\n")
    code, out, err = run("check", tmp_path / "m", "--rules", pack, "--format", "sarif")
    assert (code, err) == (1, "")
    doc = json.loads(out)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(doc)]
    assert errors == []
    assert doc["version"] == "2.1.0"
    run_ = doc["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert "ACME001" in {r["id"] for r in rules} and "GR402" in {r["id"] for r in rules}
    failures = {(r["ruleId"], r["level"]) for r in run_["results"] if r.get("kind") != "review"}
    assert {("GR402", "error"), ("GR403", "error"), ("GR501", "error"),
            ("ACME001", "warning")} <= failures
    for result in run_["results"]:
        if "ruleIndex" in result:
            assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert any(r.get("kind") == "review" and r["level"] == "none" for r in run_["results"])


def test_github_annotations(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "long.sms.txt", LONG_SMS)
    code, out, err = run("check", path, "--format", "github")
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert len(lines) == 2
    for line, rule in zip(lines, ["GR402", "GR403"], strict=True):
        assert re.match(rf"^::error file={re.escape(str(path))},line=1,title={rule}::{rule} \[4\] ",
                        line), line
    clean = write(tmp_path, "ok.sms.txt", CLEAN_SMS)
    assert run("check", clean, "--format", "github") == (0, "", "")


def test_github_escapes_properties_and_data(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "a,b:c.sms.txt", LONG_SMS)
    _, out, _ = run("check", path, "--format", "github", "--select", "GR402")
    assert f"file={str(path).replace(':', '%3A').replace(',', '%2C')},line=1," in out


@pytest.mark.parametrize("fmt", ["json", "sarif", "github"])
def test_output_file_gets_the_report_and_stdout_the_summary(
    run: Run, tmp_path: Path, fmt: str
) -> None:
    path = write(tmp_path, "long.sms.txt", LONG_SMS)
    report = tmp_path / f"report.{fmt}"
    code, out, err = run("check", path, "--format", fmt, "--output", report)
    assert (code, err) == (1, "")
    assert out.splitlines()[-1] == "Found 2 errors and 0 warnings in 1 file (0 review flags)."
    assert rules_of(out) == ["GR402", "GR403"]
    _, expected, _ = run("check", path, "--format", fmt)
    assert report.read_text(encoding="utf-8") == expected


def test_output_to_an_unwritable_place_is_an_error(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "long.sms.txt", LONG_SMS)
    message = one_error_line(*run("check", path, "--output", tmp_path / "no" / "such" / "r.json",
                                  "--format", "json"))
    assert "cannot write" in message


def test_jobs_gives_the_same_results_as_one_process(run: Run, tmp_path: Path) -> None:
    bodies = [CLEAN_SMS, LONG_SMS, HTTP_PUSH,
              "SLACK: The new pricing for the spring cohort is out.\n",
              "SUBJECT: Hi\nBODY_HTML: <p>Hi <b>there</b></p>\n"]
    for i in range(20):
        suffix = ["sms.txt", "sms.txt", "push.txt", "slack.md", "email.md"][i % 5]
        write(tmp_path, f"msg{i:02}.{suffix}", bodies[i % 5])
    one = run("check", tmp_path, "--format", "json", "--jobs", "1")
    two = run("check", tmp_path, "--format", "json", "--jobs", "2")
    assert one == two
    assert one[0] == 1 and len(json.loads(one[1])["results"]) == 20


# ---------------------------------------------------------------------------- parse, convert


def test_parse_prints_the_fields_as_json(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "hi.email.md",
                 "Here is your email:\n\n**Subject:** Your kit is ready\n"
                 "BODY_HTML: <p>It is at the front desk.</p>\n"
                 "BODY_TEXT: It is at the front desk.\n")
    code, out, err = run("parse", path)
    assert (code, err) == (0, "")
    doc = json.loads(out)
    assert doc["channel"] == "email"
    assert doc["subject"] == "Your kit is ready"
    assert doc["body_html"] == "<p>It is at the front desk.</p>"
    assert doc["body_text"] == "It is at the front desk."
    assert doc["lines"]["subject"] == 3
    assert "raw" not in doc


def test_parse_push_buttons_and_channel_option(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "message.txt", HTTP_PUSH)
    doc = json.loads(run("parse", path, "--channel", "push")[1])
    assert doc["title"] == "Your lesson is ready"
    assert doc["buttons"][0]["label"] == "Start lesson"
    assert doc["buttons"][0]["url"] == "http://app.brightloop.io/lessons/loops"
    assert "cannot tell the channel" in one_error_line(*run("parse", path))


DESK = "https://app.brightloop.io/desk"
MARKDOWN = f"# Kit ready\n\nYour **starter kit** is at the [front desk]({DESK}).\n"


@pytest.mark.parametrize(
    ("to", "expected"),
    [
        ("sms", f"Kit ready\n\nYour starter kit is at the front desk ({DESK})."),
        ("slack", f"*Kit ready*\n\nYour *starter kit* is at the <{DESK}|front desk>."),
        ("text", f"Kit ready\n\nYour starter kit is at the front desk ({DESK})."),
    ],
)
def test_convert_markdown_file(run: Run, tmp_path: Path, to: str, expected: str) -> None:
    path = write(tmp_path, "note.md", MARKDOWN)
    assert run("convert", path, "--to", to) == (0, expected + "\n", "")


def test_convert_to_email_is_sanitized_html(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "note.md", MARKDOWN + "\n<script>alert(1)</script>\n")
    code, out, err = run("convert", path, "--to", "email")
    assert (code, err) == (0, "")
    assert "<strong>starter kit</strong>" in out
    assert '<a href="https://app.brightloop.io/desk">front desk</a>' in out
    assert "<script" not in out


def test_convert_a_labelled_message_converts_its_body(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "welcome.email.md",
                 "SUBJECT: Welcome\nBODY_HTML:\n<p>Hi there,</p><p>Your kit is <b>ready</b>.</p>\n"
                 "BODY_TEXT:\nHi there,\n\nYour kit is ready.\n")
    code, out, err = run("convert", path, "--to", "sms")
    assert (code, out, err) == (0, "Hi there,\n\nYour kit is ready.\n", "")
    assert run("convert", path, "--to", "slack")[1] == "Hi there,\n\nYour kit is *ready*.\n"


def test_convert_sms_fits_the_requested_segments(run: Run, tmp_path: Path) -> None:
    from guardrails import sms_info

    path = write(tmp_path, "note.txt", "Your kit is ready “today” — come by. " * 20)
    code, out, _ = run("convert", path, "--to", "sms")
    info = sms_info(out.rstrip("\n"))
    assert code == 0 and info.segments == 1 and info.encoding == "GSM-7"
    _, out, _ = run("convert", path, "--to", "sms", "--segments", "2")
    assert sms_info(out.rstrip("\n")).segments == 2


def test_convert_bad_option_is_a_usage_error(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "note.md", MARKDOWN)
    assert "segments" in one_error_line(*run("convert", path, "--to", "email", "--segments", "2"))
    assert "segments" in one_error_line(*run("convert", path, "--to", "sms", "--segments", "0"))


# ---------------------------------------------------------------------------- rules


def test_rules_lists_every_rule(run: Run) -> None:
    from guardrails.engine.pack import builtin_pack

    code, out, err = run("rules")
    assert (code, err) == (0, "")
    from guardrails.templates.rules import TEMPLATE_RULES

    listed = [line.split()[0] for line in out.splitlines()]
    # The packs' rules, then the template layer's (constraint 0): every id a report can carry.
    assert listed == [rule.id for rule in builtin_pack().rules] + [r.id for r in TEMPLATE_RULES]
    assert {"GR001", "GR101", "GR201", "GR301", "GR402", "GR501", "GR601", "GR701",
            "GR801"} <= set(listed)
    for line in out.splitlines():
        assert re.match(r"^GR\d{3} +\[[0-8]\] (error|warning) +[a-z0-9-]+ +\S", line), line


def test_rules_json(run: Run) -> None:
    code, out, _ = run("rules", "--format", "json")
    rules = json.loads(out)
    assert code == 0 and {"GR402", "GR501"} <= {r["id"] for r in rules}
    assert set(rules[0]) == {"id", "name", "constraint", "level", "check", "channels"}


def test_rules_explain(run: Run) -> None:
    code, out, err = run("rules", "--explain", "GR501")
    assert (code, err) == (0, "")
    assert out.startswith("GR501 (link-not-https) — constraint 5, error, check 'urls'")
    assert "## What it does\n" in out and "## Why is this bad?\n" in out
    assert run("rules", "--explain", "gr501")[1] == out


def test_rules_explain_unknown_rule(run: Run) -> None:
    assert one_error_line(*run("rules", "--explain", "GR999")) == (
        "unknown rule 'GR999'; run 'guardrails rules'")


def test_rules_test_passes_on_the_builtin_packs(run: Run) -> None:
    code, out, err = run("rules", "--test")
    assert (code, err) == (0, ""), out
    assert re.fullmatch(r"\d+ passed, 0 failed \(\d+ rules\)\n", out), out


# ---------------------------------------------------------------------------- the real executable


def _guardrails_executable() -> list[str]:
    script = shutil.which("guardrails", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "guardrails.cli.main"]


def _run_process(*argv: str, cwd: Path = REPO, stdin: str | None = None) -> Any:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    return subprocess.run([*_guardrails_executable(), *argv], cwd=cwd, input=stdin,
                          capture_output=True, text=True, timeout=120, env=env, check=False)


def test_readme_command_on_the_bundled_examples() -> None:
    proc = _run_process("check", "examples/")
    assert proc.returncode == 1 and proc.stderr == ""
    found = {(m["path"], m["rule"]) for line in proc.stdout.splitlines()
             if (m := LINE.match(line))}
    assert found == {
        ("examples/feature.in_app.txt", "GR501"),
        ("examples/pickup.sms.txt", "GR402"),
        ("examples/pickup.sms.txt", "GR403"),
    }
    assert "examples/sync.slack_channel.md: review (pricing)" in proc.stdout
    assert proc.stdout.splitlines()[-1] == \
        "Found 3 errors and 0 warnings in 6 files (1 review flag)."
    assert "\x1b[" not in proc.stdout


def test_bundled_examples_with_their_context() -> None:
    proc = _run_process("check", "examples/", "--context", "examples/context.json",
                        "--format", "json")
    assert proc.returncode == 1 and proc.stderr == ""
    results = {Path(r["path"]).name: r for r in json.loads(proc.stdout)["results"]}
    assert sorted(results) == ["feature.in_app.txt", "laptop.slack.md", "lesson.push.txt",
                               "pickup.sms.txt", "sync.slack_channel.md", "welcome.email.md"]
    broken = {name: [v["rule"] for v in r["violations"]]
              for name, r in results.items() if r["violations"]}
    assert broken == {"feature.in_app.txt": ["GR501"], "pickup.sms.txt": ["GR402", "GR403"]}
    assert [f["category"] for f in results["sync.slack_channel.md"]["review_flags"]] == ["pricing"]
    assert {r["channel"] for r in results.values()} == {
        "email", "sms", "slack_dm", "slack_channel", "push", "in_app"}


def test_stdin_and_exit_codes_through_the_console_script(tmp_path: Path) -> None:
    proc = _run_process("check", "-", "--channel", "sms", stdin=LONG_SMS, cwd=tmp_path)
    assert proc.returncode == 1 and proc.stderr == ""
    assert rules_of(proc.stdout) == ["GR402", "GR403"]
    write(tmp_path, "bin.sms.txt", b"\x00\x01")
    proc = _run_process("check", "bin.sms.txt", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == "guardrails: error: bin.sms.txt: binary file (NUL bytes); " \
        "expected UTF-8 text\n"


def test_module_entry_point(tmp_path: Path) -> None:
    write(tmp_path, "ready.sms.txt", CLEAN_SMS)
    proc = subprocess.run([sys.executable, "-m", "guardrails.cli.main", "check", "ready.sms.txt"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False)
    assert (proc.returncode, proc.stdout, proc.stderr) == (
        0, "All checks passed (1 file, 0 review flags).\n", "")

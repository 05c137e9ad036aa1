"""Project configuration and templates through the command line: exit codes, stdout, stderr.

guardrails.toml / [tool.guardrails] discovery, channel globs, per-file ignores, variables,
link settings, inline suppressions, and the exact one-line messages of every config error.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from guardrails.cli.project import glob_matches

SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
STOP = " Reply STOP to opt out."
CLEAN_SMS = "SMS: Your starter kit is ready at the front desk today." + STOP + "\n"
LONG_SMS = "SMS: " + "Your starter kit is ready at the front desk today. " * 4 + "Bye.\n"
NAME_SMS = ("SMS: Hi {{ first_name }}, your order is ready for pickup at the Riverside shop."
            + STOP + "\n")

Run = Callable[..., tuple[int, str, str]]


def write(directory: Path, name: str, content: str) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


def error_line(code: int, out: str, err: str) -> str:
    """The usage/config error contract: exit 2, nothing on stdout, one line on stderr."""
    assert (code, out) == (2, ""), (out, err)
    assert err.count("\n") == 1 and err.startswith("guardrails: error: "), err
    return err.removeprefix("guardrails: error: ").rstrip("\n")


def lines_of(out: str) -> list[str]:
    return out.splitlines()[:-1]


# ---------------------------------------------------------------------------- discovery


def test_guardrails_toml_is_found_walking_up_from_the_file(run: Run, tmp_path: Path) -> None:
    write(tmp_path, "project/guardrails.toml", '[variables]\nfirst_name = { max = 80 }\n')
    path = write(tmp_path, "project/deep/er/hi.sms.txt", NAME_SMS)
    code, out, _ = run("check", path)
    assert code == 1
    assert [line.split(": ")[1].split()[0] for line in lines_of(out)] == ["GR402", "GR403"]
    assert run("check", path, "--isolated")[0] == 0  # the default length (20) fits


def test_guardrails_toml_wins_over_pyproject_in_the_same_folder(run: Run, tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.guardrails]\nselect = ["GR402"]\n')
    write(tmp_path, "guardrails.toml", 'select = ["GR403"]\n')
    path = write(tmp_path, "long.sms.txt", LONG_SMS)
    assert [line.split()[1] for line in lines_of(run("check", path)[1])] == ["GR403"]


def test_each_file_gets_its_nearest_config(run: Run, tmp_path: Path) -> None:
    write(tmp_path, "a/guardrails.toml", 'ignore = ["GR4"]\n')
    write(tmp_path, "b/guardrails.toml", 'select = ["GR403"]\n')
    write(tmp_path, "a/long.sms.txt", LONG_SMS)
    write(tmp_path, "b/long.sms.txt", LONG_SMS)
    code, out, _ = run("check", "a", "b")
    assert code == 1
    assert lines_of(out) == ["b/long.sms.txt:1:1: GR403 [4] SMS needs 2 segments (limit 1)"]


def test_channel_globs_map_files_and_folders(run: Run, tmp_path: Path) -> None:
    write(tmp_path, "guardrails.toml",
          '[channels]\n"texts/**" = "sms"\n"*.notice" = "push"\n"news.md" = "slack"\n')
    write(tmp_path, "texts/pickup.txt", LONG_SMS.removeprefix("SMS: "))
    write(tmp_path, "texts/sub/hello.md", CLEAN_SMS)
    write(tmp_path, "notes/readme.md", "not a message\n")
    code, out, _ = run("check", ".", "--format", "json")
    results = {r["path"]: r["channel"] for r in json.loads(out)["results"]}
    assert results == {"texts/pickup.txt": "sms", "texts/sub/hello.md": "sms"}
    assert code == 1
    news = write(tmp_path, "news.md", "SLACK: Hello team.\n")
    assert json.loads(run("check", news, "--format", "json")[1])["results"][0]["channel"] == \
        "slack_dm"


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("*.sms.txt", "a/b/x.sms.txt", True), ("templates/**", "templates/a/b.txt", True),
        ("templates", "templates/a/b.txt", True), ("templates/*.txt", "templates/a/b.txt", False),
        ("**/sms/*.txt", "x/sms/a.txt", True), ("**/sms/*.txt", "sms/a.txt", True),
        ("sms", "legacy/sms/a.txt", True), ("a?.txt", "ab.txt", True),
        ("[ab].txt", "c.txt", False), ("./legacy/**", "legacy/x.txt", True),
    ],
)
def test_glob_semantics(pattern: str, path: str, expected: bool) -> None:
    assert glob_matches(pattern, path) is expected


def test_front_matter_channel_and_folder_discovery(run: Run, tmp_path: Path) -> None:
    write(tmp_path, "t/welcome.md", "---\nchannel: sms\n---\nHi there." + STOP + "\n")
    write(tmp_path, "t/readme.md", "---\ntitle: docs\n---\nNot a message.\n")
    write(tmp_path, "t/card.toml", 'channel = "push"\ntitle = "Hi"\nbody = "Hello."\n')
    write(tmp_path, "t/data.json", '{"meta": {"channel": "sms"}, "rows": []}')
    code, out, _ = run("check", "t", "--format", "json")
    assert code == 0
    assert {r["path"]: r["channel"] for r in json.loads(out)["results"]} == {
        "t/card.toml": "push", "t/welcome.md": "sms"}


def test_cli_channel_beats_front_matter(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "w.md", "---\nchannel: sms\n---\nHi there.\n")
    out = run("check", path, "--channel", "push", "--format", "json")[1]
    assert json.loads(out)["results"][0]["channel"] == "push"


# ---------------------------------------------------------------------------- settings


def test_per_file_ignores(run: Run, tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml",
          '[tool.guardrails.per-file-ignores]\n"legacy/**" = ["GR402"]\n'
          '"*.old.sms.txt" = ["GR4"]\n')
    write(tmp_path, "legacy/a.sms.txt", LONG_SMS)
    write(tmp_path, "b.old.sms.txt", LONG_SMS)
    write(tmp_path, "c.sms.txt", LONG_SMS)
    code, out, _ = run("check", ".")
    assert code == 1
    assert [line.split(": ")[0].rsplit(":", 2)[0] + " " + line.split()[1]
            for line in lines_of(out)] == [
        "c.sms.txt GR402", "c.sms.txt GR403", "legacy/a.sms.txt GR403"]


def test_link_settings_merge_into_the_context(run: Run, tmp_path: Path) -> None:
    write(tmp_path, "guardrails.toml", 'app_domains = ["acme.com"]\ndeep_link_scheme = "acme://"\n'
                                       'routes = ["orders/{id}"]\n')
    sms = write(tmp_path, "go.sms.txt", "SMS: Open https://bit.ly/x now." + STOP + "\n")
    push = write(tmp_path, "go.push.txt", "TITLE: Order\nBODY: Ready.\n"
                                          "BUTTON: View order | acme://order/1\n")
    out = run("check", sms, push)[1]
    assert [line.split()[1] for line in lines_of(out)] == ["GR504", "GR506"]
    ctx = write(tmp_path, "ctx.json", json.dumps({"app_domains": ["bit.ly"]}))
    code, out, _ = run("check", sms, "--context", ctx)  # the context file wins
    assert (code, out) == (0, "All checks passed (1 file, 0 review flags).\n")


def test_front_matter_context_is_laid_over_the_run_context(run: Run, tmp_path: Path) -> None:
    write(tmp_path, "guardrails.toml", 'app_domains = ["acme.com"]\n')
    write(tmp_path, "ctx/bitly.json", json.dumps({"app_domains": ["bit.ly"]}))
    path = write(tmp_path, "t/go.sms.txt", "---\ncontext: ../ctx/bitly.json\n---\n"
                                           "SMS: Open https://bit.ly/x now." + STOP + "\n")
    assert run("check", path)[0] == 0
    inline = write(tmp_path, "t/in.sms.txt", '+++\ncontext = { app_domains = ["bit.ly"] }\n+++\n'
                                             "SMS: Open https://bit.ly/x now." + STOP + "\n")
    assert run("check", inline)[0] == 0


def test_variables_and_default_length(run: Run, tmp_path: Path) -> None:
    config = write(tmp_path, "guardrails.toml", "default-length = 80\n")
    path = write(tmp_path, "hi.sms.txt", NAME_SMS)
    code, out, _ = run("check", path)
    assert code == 1
    assert lines_of(out)[0] == (f"{path}:1:1: GR002 [0] Undeclared variable: 'first_name' is "
                                "not in [tool.guardrails.variables]; assumed 80 characters")
    config.write_text('[variables]\nuser = { first_name = { type = "text", max = 20 } }\n'
                      'first_name = 30\n', encoding="utf-8")
    assert run("check", path) == (0, "All checks passed (1 file, 0 review flags).\n", "")


def test_template_rule_ids_can_be_selected_and_ignored(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "hi.sms.txt", NAME_SMS)
    assert run("check", path, "--fail-on", "warning")[0] == 1
    assert run("check", path, "--fail-on", "warning", "--ignore", "GR002")[0] == 0
    code, out, _ = run("check", path, "--select", "GR0")
    assert (code, [line.split()[1] for line in lines_of(out)]) == (0, ["GR002"])


def test_fail_on_comes_from_each_files_config(run: Run, tmp_path: Path) -> None:
    write(tmp_path, "strict/guardrails.toml", 'fail-on = "warning"\n')
    write(tmp_path, "strict/hi.sms.txt", NAME_SMS)
    write(tmp_path, "lax/hi.sms.txt", NAME_SMS)
    assert run("check", "lax")[0] == 0
    assert run("check", "lax", "strict")[0] == 1


def test_jobs_gives_the_same_results_for_templates(run: Run, tmp_path: Path) -> None:
    write(tmp_path, "guardrails.toml", '[variables]\nfirst_name = 90\n')
    for i in range(12):
        write(tmp_path, f"t/m{i:02}.sms.txt", NAME_SMS if i % 2 else CLEAN_SMS)
    one = run("check", "t", "--format", "json", "--jobs", "1")
    assert one == run("check", "t", "--format", "json", "--jobs", "2")
    assert one[0] == 1


# ---------------------------------------------------------------------------- suppressions


def test_suppression_on_the_line(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "long.sms.txt",
                 LONG_SMS.rstrip("\n") + " {# guardrails: ignore GR402, GR403 -- legal text #}\n")
    assert run("check", path) == (0, "All checks passed (1 file, 0 review flags).\n", "")


def test_suppression_alone_on_its_line_covers_the_next_line(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "long.sms.txt",
                 "<!-- guardrails: ignore GR402 -->\n{# guardrails: ignore GR403 #}\n" + LONG_SMS)
    assert run("check", path) == (0, "All checks passed (1 file, 0 review flags).\n", "")


def test_file_suppression(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "long.sms.txt",
                 LONG_SMS + "<!-- guardrails: ignore-file GR4 -->\n")
    assert run("check", path) == (0, "All checks passed (1 file, 0 review flags).\n", "")


def test_unused_suppressions_are_reported(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "ok.sms.txt", "{# guardrails: ignore GR402 #}\n" + CLEAN_SMS
                 + "<!-- guardrails: ignore-file GR501 -->\n")
    code, out, err = run("check", path)
    assert (code, err) == (0, "")
    assert out == (
        f"{path}:1:1: GR003 [0] Unused suppression: GR402 matched nothing on line 2\n"
        f"{path}:3:1: GR003 [0] Unused suppression: GR501 matched nothing in this file\n"
        "Found 0 errors and 2 warnings in 1 file (0 review flags).\n")
    assert run("check", path, "--select", "GR4")[1] == \
        "All checks passed (1 file, 0 review flags).\n"  # GR501 did not run: not "unused"


def test_suppression_inside_a_template_value(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "t.json", json.dumps({
        "channel": "push", "title": "Hi",
        "body": "See http://acme.com/x {# guardrails: ignore GR501 #}"}, indent=1))
    assert run("check", path)[0] == 0


# ---------------------------------------------------------------------------- exact errors


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("pyproject.toml", '[tool.guardrails]\nselct = ["GR4"]\n',
         "{path}: [tool.guardrails] unknown key 'selct'; expected one of: rules, select, ignore, "
         "context, fail-on, app_domains, deep_link_scheme, routes, default-length, channels, "
         "per-file-ignores, variables"),
        ("guardrails.toml", 'app_domains = "acme.com"\nroutes = 3\n',
         "{path}: routes must be a list of strings, got 3"),
        ("guardrails.toml", "default-length = \"20\"\n",
         "{path}: default-length must be a positive integer, got '20'"),
        ("guardrails.toml", "deep_link_scheme = [1]\n",
         "{path}: deep_link_scheme must be a string, got [1]"),
        ("guardrails.toml", 'fail_on = "error"\nfail-on = "error"\n',
         "{path}: fail-on is given twice"),
        ("pyproject.toml", '[tool.guardrails.variables]\nfirst_name = { type = "string" }\n',
         "{path}: [tool.guardrails.variables] first_name: type must be one of text, url, "
         "number, date, got 'string'"),
        ("guardrails.toml", '[variables]\nfirst_name = { max = "20" }\n',
         "{path}: [variables] first_name: max must be a non-negative integer, got '20'"),
        ("guardrails.toml", '[variables]\nfirst_name = { maxx = 20 }\n',
         "{path}: [variables] first_name: unknown key 'maxx'; expected type, max, min"),
        ("guardrails.toml", '[variables]\nname = { min = 9, max = 3 }\n',
         "{path}: [variables] name: min (9) is larger than max (3)"),
        ("guardrails.toml", '[channels]\n"sms/**" = "smss"\n',
         "{path}: [channels] 'sms/**': unknown channel 'smss'; expected one of: email, sms, "
         "slack_dm, slack_channel, push, in_app (or 'slack')"),
        ("pyproject.toml", '[tool.guardrails]\nchannels = ["sms"]\n',
         "{path}: [tool.guardrails] channels must be a table, got ['sms']"),
        ("pyproject.toml", '[tool.guardrails]\nselect = ["GR4", "GR999"]\n',
         "{path}: [tool.guardrails] select: unknown rule id or prefix 'GR999'"),
        ("guardrails.toml", 'ignore = ["gr9"]\n',
         "{path}: ignore: unknown rule id or prefix 'GR9'"),
        ("pyproject.toml", '[tool.guardrails.per-file-ignores]\n"legacy/**" = ["GR402", "GR77"]\n',
         "{path}: [tool.guardrails.per-file-ignores] 'legacy/**': unknown rule id or prefix "
         "'GR77'"),
        ("guardrails.toml", '[per-file-ignores]\n"legacy/**" = "GR402"\n"x" = [1]\n',
         "{path}: [per-file-ignores] 'x' must be a list of strings, got [1]"),
        ("guardrails.toml", "select = [\n", "{path}: invalid TOML: "),
    ],
)
def test_config_errors_name_the_file_and_key(run: Run, tmp_path: Path, name: str, content: str,
                                            expected: str) -> None:
    config = write(tmp_path, name, content)
    path = write(tmp_path, "ready.sms.txt", CLEAN_SMS)
    message = error_line(*run("check", path))
    if expected.endswith("invalid TOML: "):
        assert message.startswith(expected.format(path=config))
    else:
        assert message == expected.format(path=config)
    assert run("check", path, "--isolated")[0] == 0


def test_unknown_rule_id_on_the_command_line(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "ready.sms.txt", CLEAN_SMS)
    assert error_line(*run("check", path, "--ignore", "GR0,GR98")) == \
        "unknown rule id or prefix 'GR98' in select/ignore"


@pytest.mark.parametrize(
    ("directive", "expected"),
    [
        ("{# guardrails: ignore GR999 #}", "suppression: unknown rule id or prefix 'GR999'"),
        ("<!-- guardrails: ignore -->",
         "suppression: 'ignore' names no rule id (write 'guardrails: ignore GR501')"),
        ("<!-- guardrails: ignroe GR402 -->",
         "suppression: unknown suppression 'ignroe'; expected 'guardrails: ignore IDS' or "
         "'guardrails: ignore-file IDS'"),
    ],
)
def test_bad_suppressions_are_usage_errors(run: Run, tmp_path: Path, directive: str,
                                           expected: str) -> None:
    path = write(tmp_path, "ok.sms.txt", CLEAN_SMS + directive + "\n")
    assert error_line(*run("check", path)) == f"{path}:2: {expected}"


def test_bad_front_matter_channel_and_context(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "w.md", "---\nchannel: smss\n---\nHi.\n")
    assert error_line(*run("check", path)) == (
        f"{path}:2: channel: unknown channel 'smss'; expected one of: email, sms, slack_dm, "
        "slack_channel, push, in_app (or 'slack')")
    path = write(tmp_path, "x.sms.txt", "---\ncontext: nope.json\n---\nHi.\n")
    assert error_line(*run("check", path)) == f"{path}:2: context: no such file 'nope.json'"
    path = write(tmp_path, "y.sms.txt", '---\ncontext: {"gaol": "x"}\n---\nHi.\n')
    assert error_line(*run("check", path)) == (
        f"{path}:2: context: invalid context: gaol: Extra inputs are not permitted")


# ---------------------------------------------------------------------------- rules and formats


def test_rules_lists_and_explains_template_rules(run: Run) -> None:
    code, out, _ = run("rules", "--templates")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == ["GR001", "GR002", "GR003", "GR004"]
    assert out.splitlines()[2].split()[1:4] == ["[0]", "warning", "unused-suppression"]
    code, out, _ = run("rules", "--explain", "gr003")
    assert code == 0 and out.startswith("GR003 (unused-suppression) — constraint 0, warning")
    assert "## Why is this bad?" in out
    rules = json.loads(run("rules", "--format", "json")[1])
    assert {"GR001", "GR402"} <= {r["id"] for r in rules}


def test_sarif_with_template_violations_is_valid(run: Run, tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    write(tmp_path, "t/hi.sms.txt", NAME_SMS)
    write(tmp_path, "t/bad.sms.txt", "SMS: Hi {{ name\n")
    code, out, _ = run("check", "t", "--format", "sarif")
    doc = json.loads(out)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert list(jsonschema.Draft4Validator(schema).iter_errors(doc)) == []
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    results = doc["runs"][0]["results"]
    assert code == 1
    assert {(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
            for r in results} == {("GR001", 1), ("GR002", 1)}
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)


def test_readme_documents_every_config_key() -> None:
    from guardrails.cli.config import _KEYS

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Configuration", 1)[1].split("### Inline suppressions", 1)[0]
    documented = set()
    for row in section.splitlines():
        if row.startswith("| `"):
            for cell in row.split("|")[1].split(","):
                documented.add(cell.strip().strip("`").removeprefix("[…").removesuffix("]"))
    assert documented == set(_KEYS)

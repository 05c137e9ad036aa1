"""The pytest plugin, run the way users run it: pytester sessions on small test files."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

SMS_OVER = "'SMS: ' + 'x' * 161"


def lines(*patterns: str) -> list[str]:
    """fnmatch patterns where ``[`` is literal (rule lines say ``[4]``); ``*`` still matches."""
    return [p.replace("[", "[[]") for p in patterns]


def run(pytester: pytest.Pytester, source: str, *args: str) -> pytest.RunResult:
    pytester.makepyfile(test_user=textwrap.dedent(source))
    return pytester.runpytest("-p", "no:cacheprovider", "-W", "error", *args)


def test_marker_is_registered_for_strict_markers(pytester: pytest.Pytester) -> None:
    result = run(pytester, """
        import pytest

        @pytest.mark.channel("sms")
        def test_marked():
            pass
    """, "--strict-markers")
    result.assert_outcomes(passed=1)
    markers = pytester.runpytest("--markers")
    markers.stdout.fnmatch_lines(lines("@pytest.mark.channel(name): bind the guardrails_check "
                                       "fixture "
                                  "to a channel: email, sms, slack (slack_dm), slack_channel, "
                                  "push or in_app"))


def test_fixture_is_bound_to_the_closest_channel_marker(pytester: pytest.Pytester) -> None:
    result = run(pytester, """
        import pytest
        from guardrails import ConfigurationError, Report
        from guardrails.models import SmsDraft

        @pytest.mark.channel("sms")
        def test_sms(guardrails_check):
            report = guardrails_check("SMS: Your table is ready.")
            assert isinstance(report, Report) and report.ok and report.channel == "sms"
            assert guardrails_check.channel == "sms"

        @pytest.mark.channel("slack")
        class TestSlack:
            def test_alias(self, guardrails_check):
                assert guardrails_check("Hi *team*").channel == "slack_dm"

            @pytest.mark.channel("push")
            def test_closest_wins(self, guardrails_check):
                assert guardrails_check("TITLE: Hi\\nBODY: Ready").channel == "push"

        def test_unmarked(guardrails_check):
            assert guardrails_check.channel is None
            with pytest.raises(ConfigurationError, match="mark the test @pytest.mark.channel"):
                guardrails_check("SMS: hi")
            assert guardrails_check("SMS: hi", "sms").ok
            assert guardrails_check(SmsDraft(text="hi")).channel == "sms"

        @pytest.mark.channel("email")
        def test_explicit_channel_beats_the_marker(guardrails_check):
            assert guardrails_check({"text": "hi"}, "sms").channel == "sms"
            assert guardrails_check.reports[-1].channel == "sms"
    """)
    result.assert_outcomes(passed=5)


@pytest.mark.parametrize(("marker", "message"), [
    ('"fax"', "@pytest.mark.channel: unknown channel 'fax'; expected one of: email, sms*"),
    ("", "@pytest.mark.channel takes one channel name, like @pytest.mark.channel('sms'); got ()"),
    ('"sms", strict=True', "*takes one channel name*; got ('sms', strict=True)"),
])
def test_a_bad_marker_is_an_error_even_without_the_fixture(pytester: pytest.Pytester,
                                                           marker: str, message: str) -> None:
    result = run(pytester, f"""
        import pytest

        @pytest.mark.channel({marker})
        def test_bad():
            pass
    """)
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(lines(f"*{message}"))
    assert "Traceback" not in result.stdout.str()


def test_assert_sendable_fails_with_the_violations_listed(pytester: pytest.Pytester) -> None:
    result = run(pytester, f"""
        import pytest

        @pytest.mark.channel("sms")
        def test_long(guardrails_check):
            guardrails_check.assert_sendable({SMS_OVER})
    """)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(lines(
        ">       guardrails_check.assert_sendable('SMS: ' + 'x' * 161)",
        "E       guardrails.testing.assertions.NotSendableError: sms message is not sendable: 2 "
        "errors",
        "E         text:1: GR402 [4] error: SMS is 161 characters (limit 160) | evidence: 'xxx*'",
        "E         text:1: GR403 [4] error: SMS needs 2 segments (limit 1) | evidence: 'xxx*'",
        "E         text = 'xxx*'",
        "",
        "test_user.py:5: NotSendableError",
    ))
    assert "guardrails_check reports" not in result.stdout.str()  # no repeat of the message


def test_a_failing_report_is_listed_under_the_failure(pytester: pytest.Pytester) -> None:
    result = run(pytester, f"""
        import pytest

        @pytest.mark.channel("sms")
        def test_ok_report(guardrails_check):
            guardrails_check("SMS: fine")
            report = guardrails_check({SMS_OVER})
            assert report.ok

        @pytest.mark.channel("sms")
        def test_passes_after(guardrails_check):
            assert guardrails_check.reports == type(guardrails_check.reports)()
    """)
    result.assert_outcomes(failed=1, passed=1)
    result.stdout.fnmatch_lines(lines(
        "*- guardrails_check reports -*",
        "sms message checked by guardrails_check: 2 errors",
        "  text:1: GR402 [4] error: SMS is 161 characters (limit 160) | evidence: 'xxx*'",
        "  text:1: GR403 [4] error: SMS needs 2 segments (limit 1) | evidence: 'xxx*'",
        "  text = 'xxx*'",
    ))
    assert result.stdout.str().count("checked by guardrails_check") == 1  # not the clean one


def test_report_comparisons_are_explained(pytester: pytest.Pytester) -> None:
    result = run(pytester, f"""
        from guardrails import check

        def test_equal():
            assert check({SMS_OVER}, "sms") == check("SMS: hi", "sms")

        def test_no_violations():
            assert check("SMS: see http://acme.com", "sms").violations == []
    """)
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(lines(
        "E       AssertionError: assert Report(sms: 2 errors, 0 warnings) == Report(sms: ok)",
        "E         Only on the left:",
        "E           text:1: GR402 [4] error: SMS is 161 characters (limit 160) | evidence: *",
        "E           text:1: GR403 [4] error: SMS needs 2 segments (limit 1) | evidence: *",
        "E         fields differ: {'text': 'xxx*'} != {'text': 'hi'}",
    ))
    result.stdout.fnmatch_lines(lines(
        "E       AssertionError: assert 1 violation == 0 violations",
        "E         Only on the left:",
        "E           text:1: GR501 [5] error: Link is not https: 'http://acme.com' uses http *",
    ))


def test_works_under_given_and_shows_the_shrunk_example(pytester: pytest.Pytester) -> None:
    result = run(pytester, """
        import pytest
        from hypothesis import given, settings
        from guardrails.testing.strategies import gsm7_text, sms_text

        @pytest.mark.channel("sms")
        @settings(max_examples=30, database=None)
        @given(sms_text())
        def test_fits(guardrails_check, text):
            guardrails_check.assert_within_limits(text)

        @pytest.mark.channel("sms")
        @settings(max_examples=200, database=None, derandomize=True)
        @given(gsm7_text(min_size=1, extension=False))
        def test_doubled(guardrails_check, name):
            assert guardrails_check({"text": "Hi " + name * 20}, select=["GR4"]).ok
    """)
    result.assert_outcomes(passed=1, failed=1)
    output = result.stdout.str()
    assert "function_scoped_fixture" not in output
    result.stdout.fnmatch_lines(lines(
        "*test_doubled(*", "*name='aaaaaaaa',",
    ))
    result.stdout.fnmatch_lines(lines("*- guardrails_check reports -*",
                                 "  text: GR402 [4] error: SMS is 163 characters (limit 160)*"))
    assert output.count("checked by guardrails_check") == 1  # only the shrunk example's report


PACK = '''name = "acme"

[[rule]]
id = "ACME801"
name = "no-jargon"
constraint = 8
level = "error"
check = "forbidden"
params = { terms = ["synergy"] }
message = "Jargon: {detail}"
explain = """
## What it does
Flags jargon.
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


def test_the_checker_honours_tool_guardrails(pytester: pytest.Pytester) -> None:
    pytester.makefile(".toml", pack=PACK)
    pytester.makefile(".json", context=json.dumps({"facts": ["Order 88140 is ready."]}))
    pytester.makepyprojecttoml('[tool.guardrails]\nrules = ["pack.toml"]\n'
                               'ignore = ["GR403", "GR002"]\ncontext = "context.json"\n'
                               'fail-on = "warning"\ndeep_link_scheme = "acmefit://"\n'
                               'routes = ["workouts/{id}"]\n')
    result = run(pytester, f"""
        import pytest
        from guardrails.testing import NotSendableError

        @pytest.mark.channel("sms")
        def test_config(guardrails_check, guardrails_config):
            assert guardrails_config.path.name == "pyproject.toml"
            assert guardrails_check.context.facts == ("Order 88140 is ready.",)
            assert guardrails_check.context.routes == ("workouts/{{id}}",)
            button = dict(label="Start workout", url="acmefit://workouts/12")
            push = dict(title="Hi", body="Ready", buttons=[button])
            assert guardrails_check(push, "push").violations == []
            assert guardrails_check("SMS: Order 88140 is ready.").violations == []
            rules = [v.rule for v in guardrails_check({SMS_OVER} + " synergy").violations]
            assert sorted(rules) == ["ACME801", "GR402"]  # GR403 ignored, the pack's rule added
            narrowed = guardrails_check({SMS_OVER} + " synergy", select=["GR4"])
            assert [v.rule for v in narrowed.violations] == ["GR402"]  # still ignoring GR403
            widened = guardrails_check({SMS_OVER}, select=["GR4"], ignore=[])
            assert [v.rule for v in widened.violations] == ["GR402", "GR403"]
            email = ("SUBJECT: Hi\\nPREHEADER: " + "w " * 80
                     + "\\nBODY_HTML: <p>Hi</p>\\nBODY_TEXT: Hi")
            with pytest.raises(NotSendableError, match="1 violation\\n  preheader:2: GR408"):
                guardrails_check.assert_sendable(email, "email")  # fail-on = "warning"
    """)
    result.assert_outcomes(passed=1)


@pytest.mark.parametrize(("table", "message"), [
    ('selct = ["GR4"]', "*pyproject.toml: [tool.guardrails] unknown key 'selct'; expected one of: "
                        "rules, select, *"),
    ('select = ["GR99"]', "*pyproject.toml: unknown rule id or prefix 'GR99' in select/ignore"),
    ('rules = ["missing.toml"]', "*missing.toml*"),
])
def test_a_broken_config_fails_the_tests_that_use_it(pytester: pytest.Pytester, table: str,
                                                     message: str) -> None:
    pytester.makepyprojecttoml(f"[tool.guardrails]\n{table}\n")
    result = run(pytester, """
        def test_uses(guardrails_check):
            pass

        def test_does_not():
            pass
    """)
    result.assert_outcomes(errors=1, passed=1)
    result.stdout.fnmatch_lines(lines(f"*guardrails_config: {message}"))
    assert "Traceback" not in result.stdout.str()


def test_a_guardrails_toml_is_found_like_the_cli_finds_it(pytester: pytest.Pytester) -> None:
    pytester.makefile(".toml", guardrails='select = ["GR5"]\n')
    result = run(pytester, f"""
        import pytest

        @pytest.mark.channel("sms")
        def test_only_links(guardrails_check, guardrails_config):
            assert guardrails_config.path.name == "guardrails.toml"
            assert guardrails_check({SMS_OVER}).violations == []
    """)
    result.assert_outcomes(passed=1)


def test_the_config_fixture_can_be_overridden(pytester: pytest.Pytester) -> None:
    pytester.makeconftest("""
        import pytest
        from guardrails.testing import ProjectConfig

        @pytest.fixture(scope="session")
        def guardrails_config():
            return ProjectConfig(select=("GR5",))
    """)
    result = run(pytester, f"""
        import pytest

        @pytest.mark.channel("sms")
        def test_only_links(guardrails_check):
            assert guardrails_check({SMS_OVER}).violations == []
            assert guardrails_check("SMS: http://acme.com").violations[0].rule == "GR501"
    """)
    result.assert_outcomes(passed=1)


def test_the_plugin_can_be_disabled_by_its_entry_point_name(pytester: pytest.Pytester) -> None:
    result = run(pytester, """
        def test_uses(guardrails_check):
            pass
    """, "-p", "no:guardrails")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(lines("*fixture 'guardrails_check' not found*"))


def _python(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True,
                          timeout=120, check=False)


def test_loading_the_plugin_imports_nothing_heavy(tmp_path: Path) -> None:
    code = ("import sys, pytest; before = set(sys.modules)\n"
            "import guardrails.testing.plugin\n"
            "print(sorted(set(sys.modules) - before))")
    proc = _python(code, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["['guardrails',", "'guardrails.testing',",
                                   "'guardrails.testing.plugin']"]


def test_the_plugin_and_helpers_work_without_hypothesis(tmp_path: Path) -> None:
    (tmp_path / "test_no_hypothesis.py").write_text(textwrap.dedent("""
        import pytest
        from guardrails.testing import NotSendableError, assert_sendable

        @pytest.mark.channel("sms")
        def test_it(guardrails_check):
            assert guardrails_check("SMS: hi").ok
            with pytest.raises(NotSendableError, match="GR402"):
                assert_sendable({"text": "x" * 161}, "sms")
    """))
    code = textwrap.dedent("""
        import sys, pytest

        class NoHypothesis:  # as if hypothesis were not installed
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("hypothesis", "_hypothesis_pytestplugin"):
                    raise ModuleNotFoundError(f"No module named {name!r}")
                return None

        sys.meta_path.insert(0, NoHypothesis())
        code = pytest.main(["-p", "no:hypothesispytest", "-p", "no:cacheprovider", "-q",
                            "-W", "error", "test_no_hypothesis.py"])
        assert "hypothesis" not in sys.modules
        sys.exit(code)
    """)
    proc = _python(code, tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "1 passed" in proc.stdout

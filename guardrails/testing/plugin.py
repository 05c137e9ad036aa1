"""pytest plugin (entry point ``pytest11``): the ``guardrails_check`` fixture, the ``channel``
marker, and readable failure output for guardrails reports.

Importing it costs nothing beyond pytest: the package loads when a fixture or hook first needs
it, and hypothesis is never imported, so it cannot break a suite that does not use it.
"""

from __future__ import annotations

import sys
from collections.abc import Generator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from guardrails.testing.fixture import GuardrailsCheck, ProjectConfig

MARKER = ("channel(name): bind the guardrails_check fixture to a channel: email, sms, slack "
          "(slack_dm), slack_channel, push or in_app")
_CHANNEL = pytest.StashKey["str | None"]()
_CHECK = pytest.StashKey["GuardrailsCheck"]()
_SHOWN_REPORTS = 5


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", MARKER)


def _marked_channel(item: pytest.Item) -> str | None:
    """The channel of the closest ``@pytest.mark.channel``, validated; None when unmarked."""
    marker = item.get_closest_marker("channel")
    if marker is None:
        return None
    if len(marker.args) != 1 or not isinstance(marker.args[0], str) or marker.kwargs:
        given = ", ".join([*map(repr, marker.args),
                           *(f"{k}={v!r}" for k, v in marker.kwargs.items())])
        pytest.fail(f"@pytest.mark.channel takes one channel name, like "
                    f"@pytest.mark.channel('sms'); got ({given})", pytrace=False)
    from guardrails.errors import ConfigurationError
    from guardrails.models import normalize_channel

    try:
        return normalize_channel(marker.args[0])
    except ConfigurationError as exc:
        pytest.fail(f"@pytest.mark.channel: {exc}", pytrace=False)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Validate the marker of every test and bind the shared checker to it."""
    channel = _marked_channel(item)
    item.config.stash[_CHANNEL] = channel
    check = item.config.stash.get(_CHECK, None)
    if check is not None:
        check.bind(channel)


@pytest.fixture(scope="session")
def guardrails_config(pytestconfig: pytest.Config) -> ProjectConfig:
    """The configuration ``guardrails check`` would use at the rootdir (nearest guardrails.toml
    or pyproject.toml ``[tool.guardrails]``). Override this fixture to configure in code."""
    from guardrails.errors import ConfigurationError
    from guardrails.testing.fixture import load_project

    try:
        return load_project(pytestconfig.rootpath)
    except ConfigurationError as exc:
        pytest.fail(f"guardrails_config: {exc}", pytrace=False)


@pytest.fixture(scope="session")
def guardrails_check(pytestconfig: pytest.Config,
                     guardrails_config: ProjectConfig) -> GuardrailsCheck:
    """``guardrails_check(output)`` → Report, configured by ``guardrails_config`` and bound to
    the test's ``@pytest.mark.channel``. Session-scoped (rules load once; safe with @given)."""
    from guardrails.testing.fixture import GuardrailsCheck

    check = GuardrailsCheck(guardrails_config, channel=pytestconfig.stash.get(_CHANNEL, None))
    pytestconfig.stash[_CHECK] = check
    return check


def pytest_assertrepr_compare(config: pytest.Config, op: str, left: object,
                              right: object) -> list[str] | None:
    """Violations, one per line, when ``assert report == …`` or ``violations == []`` fails."""
    if "guardrails.report" not in sys.modules:  # no report exists yet: nothing to explain
        return None
    from guardrails.testing.assertions import explain_comparison

    return explain_comparison(op, left, right)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item,
                              call: pytest.CallInfo[None]) -> Generator[None, Any, None]:
    """On a failing test, list the reports ``guardrails_check`` made that have violations."""
    outcome = yield
    report: pytest.TestReport = outcome.get_result()
    check = item.config.stash.get(_CHECK, None)
    if call.when != "call" or not report.failed or check is None or not check.reports:
        return
    if "guardrails_check" not in getattr(item, "fixturenames", ()):
        return
    from guardrails.testing.assertions import NotSendableError, describe_report

    if call.excinfo is not None and isinstance(call.excinfo.value, NotSendableError):
        return  # its message already lists the violations
    made = list(check.reports)
    if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
        made = made[-1:]  # the last run is hypothesis's replay of the shrunk example
    failing = [r for r in made if r.violations]
    if failing:
        shown = failing[-_SHOWN_REPORTS:]
        text = "\n".join(line for r in shown for line in describe_report(
            r, fail_on=check.project.fail_on, problem="checked by guardrails_check"))
        report.sections.append(("guardrails_check reports", text))

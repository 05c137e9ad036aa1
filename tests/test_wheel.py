"""The wheel works on its own: build it, install it into a fresh venv, run it outside the repo.

Channel profiles and rule packs are data shipped inside the package; this proves they load
from the installed location (not from a checkout), that the console script runs, and that the
pytest plugin is found through its entry point with the ``testing`` extra installed.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME", "NO_COLOR")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def _run(argv: list[str | Path], *, cwd: Path, timeout: float = 120) -> Any:
    proc = subprocess.run([str(a) for a in argv], cwd=cwd, env=_env(), capture_output=True,
                          text=True, timeout=timeout, check=False)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv (no system site-packages) with only the built wheel, its dependencies and
    its ``testing`` extra (pytest, hypothesis)."""
    root = tmp_path_factory.mktemp("wheel")
    dist = root / "dist"
    build = [sys.executable, "-m", "build", "--wheel", "--outdir", dist]
    if importlib.util.find_spec("hatchling") is not None:
        build.append("--no-isolation")  # the build backend is already here: no download needed
    proc = _run([*build, REPO], cwd=root, timeout=180)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    wheels = list(dist.glob("personize_guardrails-*.whl"))
    assert len(wheels) == 1, wheels
    venv = root / "venv"
    proc = _run([sys.executable, "-m", "venv", venv], cwd=root, timeout=120)
    assert proc.returncode == 0, proc.stderr
    python = venv / "bin" / "python"
    proc = _run([python, "-m", "pip", "install", "-q", f"{wheels[0]}[testing]"], cwd=root,
                timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return venv


@pytest.fixture(scope="module")
def workdir(installed: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder outside the repository holding copies of the bundled examples."""
    work = tmp_path_factory.mktemp("outside")
    for path in EXAMPLES.iterdir():
        if path.is_file():
            shutil.copy(path, work / path.name)
    assert REPO not in work.parents
    return work


def guardrails(venv: Path, *argv: str, cwd: Path) -> Any:
    return _run([venv / "bin" / "guardrails", *argv], cwd=cwd)


def test_installed_parse(installed: Path, workdir: Path) -> None:
    proc = guardrails(installed, "parse", "welcome.email.md", cwd=workdir)
    assert (proc.returncode, proc.stderr) == (0, "")
    fields = json.loads(proc.stdout)
    assert fields["channel"] == "email"
    assert fields["subject"] == "Welcome aboard: your first lesson is ready"
    assert fields["body_html"].startswith("<p>Hi there,</p>")
    assert fields["body_text"].startswith("Hi there,")


def test_installed_convert_to_sms(installed: Path, workdir: Path) -> None:
    proc = guardrails(installed, "convert", "welcome.email.md", "--to", "sms", cwd=workdir)
    assert (proc.returncode, proc.stderr) == (0, "")
    text = proc.stdout.rstrip("\n")
    assert text.startswith("Hi there,") and "<p>" not in text and "BODY_HTML" not in text
    assert len(text) <= 160


def test_installed_check_json(installed: Path, workdir: Path) -> None:
    proc = guardrails(installed, "check", "pickup.sms.txt", "welcome.email.md",
                      "--format", "json", cwd=workdir)
    assert (proc.returncode, proc.stderr) == (1, "")
    sms, email = json.loads(proc.stdout)["results"]
    assert sms["path"] == "pickup.sms.txt" and sms["ok"] is False
    assert [v["rule"] for v in sms["violations"]] == ["GR402", "GR403"]
    assert email["ok"] is True and email["violations"] == []


def test_installed_check_folder_with_context(installed: Path, workdir: Path) -> None:
    proc = guardrails(installed, "check", ".", "--context", "context.json", cwd=workdir)
    assert (proc.returncode, proc.stderr) == (1, "")
    assert proc.stdout.splitlines()[-1] == \
        "Found 3 errors and 0 warnings in 6 files (1 review flag)."


def test_installed_rules_self_test(installed: Path, workdir: Path) -> None:
    proc = guardrails(installed, "rules", "--test", cwd=workdir)
    assert (proc.returncode, proc.stderr) == (0, ""), proc.stdout
    assert re.fullmatch(r"\d+ passed, 0 failed \(\d+ rules\)\n", proc.stdout), proc.stdout


def test_data_ships_inside_the_package(installed: Path, workdir: Path) -> None:
    code = (
        "import json, pathlib, guardrails\n"
        "from guardrails.profiles import data_dir, profile\n"
        "from guardrails.engine.pack import builtin_pack\n"
        "pkg = pathlib.Path(guardrails.__file__).parent\n"
        "print(json.dumps({'pkg': str(pkg),\n"
        "  'channels': sorted(p.name for p in (pkg / 'channels').glob('*.toml')),\n"
        "  'rules': sorted(p.name for p in (pkg / 'rules').glob('*.toml')),\n"
        "  'gsm': (pkg / 'formats' / 'gsm0338.json').is_file(),\n"
        "  'channels_dir': str(data_dir('channels')), 'rules_dir': str(data_dir('rules')),\n"
        "  'sms_limit': profile('sms').limit('text', 'chars').max,\n"
        "  'rule_sources': sorted({r.source for r in builtin_pack().rules}),\n"
        "  'ok': guardrails.check('SMS: ' + 'x' * 200, 'sms').ok})\n)\n"
    )
    proc = _run([installed / "bin" / "python", "-c", code], cwd=workdir)
    assert (proc.returncode, proc.stderr) == (0, "")
    info = json.loads(proc.stdout)
    pkg = Path(info["pkg"])
    assert installed in pkg.parents and "site-packages" in pkg.parts
    assert info["channels"] == ["email.toml", "in_app.toml", "push.toml", "slack.toml", "sms.toml"]
    assert info["rules"] == ["core.toml", "review.toml"]
    assert info["gsm"] is True
    assert Path(info["channels_dir"]) == pkg / "channels"
    assert Path(info["rules_dir"]) == pkg / "rules"
    assert all(Path(src).parent == pkg / "rules" for src in info["rule_sources"])
    assert info["sms_limit"] == 160
    assert info["ok"] is False


PLUGIN_TEST = """
import pytest
from hypothesis import given
from guardrails import parse
from guardrails.testing import NotSendableError, assert_within_limits
from guardrails.testing.strategies import llm_outputs, sms_text


@pytest.mark.channel("sms")
def test_fixture_marker_and_config(guardrails_check, guardrails_config):
    assert guardrails_config.select == ("GR4",)
    assert guardrails_check("SMS: Call http://example.com").ok  # GR5 is not selected
    with pytest.raises(NotSendableError, match=r"GR402 \\[4\\] error: SMS is 161 characters"):
        guardrails_check.assert_sendable({"text": "x" * 161})


@given(sms_text(), llm_outputs("push"))
def test_strategies(text, raw):
    assert_within_limits(text, "sms")
    assert parse(raw, "push").missing == []
"""


def test_installed_pytest_plugin(installed: Path, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.guardrails]\nselect = ["GR4"]\n')
    (tmp_path / "test_plugin.py").write_text(PLUGIN_TEST)
    python = installed / "bin" / "python"
    proc = _run([python, "-m", "pytest", "-p", "no:cacheprovider", "-W", "error", "-q",
                 "test_plugin.py"], cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "2 passed" in proc.stdout
    proc = _run([python, "-m", "pytest", "--markers"], cwd=tmp_path)
    assert "@pytest.mark.channel(name): bind the guardrails_check fixture" in proc.stdout
    where = _run([python, "-c", "import guardrails.testing.plugin as p; print(p.__file__)"],
                 cwd=tmp_path).stdout.strip()
    assert installed in Path(where).parents and "site-packages" in Path(where).parts

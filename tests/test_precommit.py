"""The pre-commit hook, exercised with the real ``pre-commit`` tool in a temporary git repo."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None or not (BIN / "pre-commit").exists(),
    reason="needs git and pre-commit",
)


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
           "PRE_COMMIT_HOME": str(cwd.parent / "pre-commit-home"), "NO_COLOR": "1"}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_hook_fails_on_a_long_sms_and_passes_after_the_fix(tmp_path: Path) -> None:
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    repo = tmp_path / "templates"
    repo.mkdir()
    # `repo: local` with this repository's own hook definition, run by the installed console
    # script (a `language: python` hook from a path would re-install the package from PyPI).
    config = {"repos": [{"repo": "local", "hooks": [
        {**hook, "language": "system", "entry": f"{BIN / 'guardrails'} check"}]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    long_sms = ("SMS: Your bike service is complete and your bike is waiting for you at the "
                "Riverside shop, open every weekday until six, so come by any time this week. "
                "Reply STOP to opt out.\n")
    (repo / "pickup.sms.txt").write_text(long_sms, encoding="utf-8")
    (repo / "notes.txt").write_text("not a template\n", encoding="utf-8")
    assert _run(["git", "init", "-q"], repo).returncode == 0
    assert _run(["git", "add", "-A"], repo).returncode == 0

    failed = _run([str(BIN / "pre-commit"), "run", "--all-files"], repo)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "pickup.sms.txt:1:1: GR402 [4] SMS is" in failed.stdout
    assert "notes.txt" not in failed.stdout

    (repo / "pickup.sms.txt").write_text(
        "SMS: Your bike is ready at the Riverside shop. Reply STOP to opt out.\n",
        encoding="utf-8")
    assert _run(["git", "add", "-A"], repo).returncode == 0
    passed = _run([str(BIN / "pre-commit"), "run", "--all-files"], repo)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout


def test_hook_checks_merge_tag_templates_with_the_project_config(tmp_path: Path) -> None:
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    repo = tmp_path / "templates-repo"
    (repo / "templates").mkdir(parents=True)
    # Templates named without a channel need the hook's `files` widened in the user's config.
    config = {"repos": [{"repo": "local", "hooks": [
        {**hook, "language": "system", "entry": f"{BIN / 'guardrails'} check",
         "files": r"^templates/"}]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (repo / "guardrails.toml").write_text(
        '[channels]\n"templates/sms/**" = "sms"\n\n'
        '[variables]\nfirst_name = { type = "text", max = 60 }\n', encoding="utf-8")
    (repo / "templates" / "sms").mkdir()
    (repo / "templates" / "sms" / "pickup.txt").write_text(
        "{# pickup reminder #}\nHi {{ first_name }}, your bike is ready at the Riverside shop, "
        "open every weekday until late.\nReply STOP to opt out.\n", encoding="utf-8")
    (repo / "templates" / "welcome.md").write_text(
        "---\nchannel: push\ntitle: Welcome {{ first_name }}\n---\nYour account is ready.\n",
        encoding="utf-8")
    assert _run(["git", "init", "-q"], repo).returncode == 0
    assert _run(["git", "add", "-A"], repo).returncode == 0

    failed = _run([str(BIN / "pre-commit"), "run", "--all-files"], repo)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "templates/welcome.md:3:1: GR404 [4] Title is 68 characters (limit 50) in the " \
           "worst case: every variable at its maximum length (first_name 60)" in failed.stdout
    assert "templates/sms/pickup.txt" not in failed.stdout  # checked as SMS via the glob: fits
    assert "Found 1 error and 0 warnings in 2 files (0 review flags)." in failed.stdout

    (repo / "guardrails.toml").write_text(
        '[channels]\n"templates/sms/**" = "sms"\n\n'
        '[variables]\nfirst_name = { type = "text", max = 30 }\n', encoding="utf-8")
    assert _run(["git", "add", "-A"], repo).returncode == 0
    passed = _run([str(BIN / "pre-commit"), "run", "--all-files"], repo)
    assert passed.returncode == 0, passed.stdout + passed.stderr

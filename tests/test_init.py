"""``guardrails init``: starter configuration and templates, appended never clobbered."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from guardrails.cli.config import load_config
from guardrails.cli.init import TEMPLATES, starter_config

Run = Callable[..., tuple[int, str, str]]


def test_init_writes_guardrails_toml_and_templates_that_pass(run: Run, tmp_path: Path) -> None:
    code, out, err = run("init")
    assert (code, err) == (0, "")
    assert out.splitlines() == ["wrote guardrails.toml",
                                *(f"wrote {name}" for name in TEMPLATES),
                                "next: guardrails check templates"]
    config = load_config(tmp_path / "guardrails.toml")
    assert set(config.variables) == {"first_name", "order_id", "order_url", "delivery_date"}
    assert config.app_domains == ("acme.com",)
    assert run("check", "templates") == (0, "All checks passed (5 files, 0 review flags).\n", "")
    channels = {Path(r).name for r in TEMPLATES}
    assert len(channels) == 5


def test_every_starter_template_uses_merge_tags(tmp_path: Path) -> None:
    from guardrails.templates import load_template

    for name, body in TEMPLATES.items():
        template = load_template(body, Path(name).suffix)
        assert not template.is_plain, name


def test_starter_templates_fail_when_a_variable_grows(run: Run, tmp_path: Path) -> None:
    run("init")
    config = tmp_path / "guardrails.toml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        'first_name = { type = "text", max = 20 }', 'first_name = { type = "text", max = 90 }'),
        encoding="utf-8")
    code, out, _ = run("check", "templates")
    assert code == 1
    assert "templates/reminder.sms.txt:2:1: GR402 [4] SMS is" in out
    assert "in the worst case: every variable at its maximum length (first_name 90" in out


def test_init_appends_to_pyproject_without_touching_it(run: Run, tmp_path: Path) -> None:
    original = '[project]\nname = "shop"\n\n[tool.ruff]\nline-length = 100\n'
    (tmp_path / "pyproject.toml").write_text(original, encoding="utf-8")
    code, out, _ = run("init", tmp_path)
    assert code == 0 and out.splitlines()[0] == \
        f"appended a [tool.guardrails] block to {tmp_path / 'pyproject.toml'}"
    text = (tmp_path / "pyproject.toml").read_text(encoding="utf-8")
    assert text == original + "\n" + starter_config(True)
    assert not (tmp_path / "guardrails.toml").exists()
    assert load_config(tmp_path / "pyproject.toml").variables["order_id"].max == 8
    assert run("check", tmp_path / "templates")[0] == 0


def test_init_refuses_an_existing_table(run: Run, tmp_path: Path) -> None:
    original = '[tool.guardrails]\nselect = ["GR4"]\n'
    (tmp_path / "pyproject.toml").write_text(original, encoding="utf-8")
    assert run("init") == (2, "", f"guardrails: error: {Path('pyproject.toml')}: already has a "
                                  "[tool.guardrails] table; guardrails init changed nothing\n")
    assert (tmp_path / "pyproject.toml").read_text(encoding="utf-8") == original
    assert not (tmp_path / "templates").exists()


def test_init_never_overwrites_a_template(run: Run, tmp_path: Path) -> None:
    mine = tmp_path / "templates" / "reminder.sms.txt"
    mine.parent.mkdir()
    mine.write_text("SMS: mine\n", encoding="utf-8")
    assert run("init") == (2, "", "guardrails: error: templates/reminder.sms.txt: already "
                                  "exists; guardrails init never overwrites a file\n")
    assert mine.read_text(encoding="utf-8") == "SMS: mine\n"
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["reminder.sms.txt"]
    (tmp_path / "guardrails.toml").write_text("", encoding="utf-8")
    assert "guardrails.toml: already exists" in run("init")[2]


def test_init_into_a_missing_directory(run: Run, tmp_path: Path) -> None:
    assert run("init", tmp_path / "nope") == (
        2, "", f"guardrails: error: {tmp_path / 'nope'}: no such directory\n")


def test_init_loads_neither_the_engine_nor_pydantic(tmp_path: Path) -> None:
    code = ("import sys\nfrom guardrails.cli.main import main\n"
            f"assert main(['init', {str(tmp_path)!r}]) == 0\n"
            "heavy = sorted(m for m in sys.modules if m.startswith(\n"
            "    ('pydantic', 'guardrails.engine', 'guardrails.api', 'guardrails.templates')))\n"
            "print(heavy)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1] == "[]"

"""The example in examples/testing: collected by the suite, and set up like it (same profiles)."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "testing"


def _profile_calls(path: Path) -> list[str]:
    """Every ``settings.register_profile``/``load_profile`` call in a conftest, as an AST dump."""
    calls = [node for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
             and node.func.attr in ("register_profile", "load_profile")]
    return [ast.dump(call) for call in calls]


def test_the_example_registers_the_same_hypothesis_profiles_as_the_suite() -> None:
    # Both conftests load at start-up and the last one wins, so they must agree.
    suite = _profile_calls(REPO / "tests" / "conftest.py")
    assert len(suite) == 4
    assert _profile_calls(EXAMPLE / "conftest.py") == suite


def test_the_example_is_collected_by_the_suite_and_nothing_else_of_examples() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert config["tool"]["pytest"]["ini_options"]["testpaths"] == ["tests", "examples/testing"]
    tests = sorted(p.name for p in EXAMPLE.glob("test_*.py"))
    assert tests == ["test_broken_renderer.py", "test_order_messages.py"]
    others = [p for p in (REPO / "examples").rglob("*.py") if p.parent != EXAMPLE]
    assert others == []

"""The labelled cases: shared examples reproduced exactly, our corpus at >= 0.95 precision/recall."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from guardrails import check

CASES = Path(__file__).parent / "cases"
SENSITIVE = {"pricing", "legal", "medical", "financial", "compliance"}


def load(name: str) -> list[dict[str, Any]]:
    with (CASES / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def outcome(case: dict[str, Any]) -> tuple[list[int], list[str]]:
    report = check(case["raw_output"], case["channel"], case["context"])
    flags = sorted({f.category for f in report.review_flags} & SENSITIVE)
    return report.constraints, flags


@pytest.mark.parametrize("case", load("examples.jsonl"), ids=lambda c: c["id"])
def test_shared_example_reproduced_exactly(case: dict[str, Any]) -> None:
    violations, flags = outcome(case)
    assert violations == case["expected"]["violations"], case["expected"]["notes"]
    assert flags == case["expected"]["review_flags"], case["expected"]["notes"]


@pytest.mark.parametrize("case", load("blind.jsonl"), ids=lambda c: c["id"])
def test_blind_case_reproduced_exactly(case: dict[str, Any]) -> None:
    """Cases written by labellers who never read the engine, from the example conventions."""
    violations, flags = outcome(case)
    assert violations == case["expected"]["violations"], case["expected"]["notes"]
    assert flags == case["expected"]["review_flags"], case["expected"]["notes"]


def _scores(cases: list[dict[str, Any]]) -> Iterator[tuple[str, int, int, int]]:
    results = [(c, *outcome(c)) for c in cases]
    labels: list[tuple[str, Any]] = [(str(n), n) for n in range(1, 9)]
    labels += [(f"flag:{cat}", cat) for cat in sorted(SENSITIVE)]
    for name, label in labels:
        tp = fp = fn = 0
        for case, got_v, got_f in results:
            want = case["expected"]["violations"] if isinstance(label, int) else \
                case["expected"]["review_flags"]
            got = got_v if isinstance(label, int) else got_f
            tp += label in got and label in want
            fp += label in got and label not in want
            fn += label not in got and label in want
        yield name, tp, fp, fn


def precision_recall_table(cases: list[dict[str, Any]]) -> tuple[str, dict[str, tuple[float, float]]]:
    """A printable per-constraint table and the scores behind it."""
    rows = ["label          support  precision  recall"]
    scores: dict[str, tuple[float, float]] = {}
    for name, tp, fp, fn in _scores(cases):
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        scores[name] = (precision, recall)
        rows.append(f"{name:<14} {tp + fn:>7}  {precision:>9.3f}  {recall:>6.3f}")
    return "\n".join(rows), scores


def test_corpus_precision_and_recall_per_constraint(capsys: pytest.CaptureFixture[str]) -> None:
    cases = load("corpus.jsonl") + load("examples.jsonl") + load("blind.jsonl")
    table, scores = precision_recall_table(cases)
    with capsys.disabled():
        print(f"\n{len(cases)} labelled cases\n{table}")
    low = {k: v for k, v in scores.items() if min(v) < 0.95}
    assert not low, f"below 0.95:\n{table}"


def test_corpus_shape() -> None:
    cases = load("corpus.jsonl")
    assert len(cases) >= 150
    clean = sum(1 for c in cases if not c["expected"]["violations"])
    assert clean / len(cases) >= 0.30
    for n in range(1, 9):
        assert sum(n in c["expected"]["violations"] for c in cases) >= 12, n


@pytest.mark.parametrize("case", load("examples.jsonl"), ids=lambda c: c["id"])
def test_shared_example_through_the_cli_json(case: dict[str, Any], tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    from guardrails.cli.main import main

    message = tmp_path / f"case.{case['channel']}.txt"
    message.write_text(case["raw_output"], encoding="utf-8")
    context = tmp_path / "context.json"
    context.write_text(json.dumps(case["context"]), encoding="utf-8")
    code = main(["check", str(message), "--context", str(context), "--format", "json",
                 "--isolated"])
    result = json.loads(capsys.readouterr().out)["results"][0]
    violations = sorted({v["constraint"] for v in result["violations"]})
    flags = sorted({f["category"] for f in result["review_flags"]} & SENSITIVE)
    assert (violations, flags) == (case["expected"]["violations"], case["expected"]["review_flags"])
    assert code == (1 if violations else 0)

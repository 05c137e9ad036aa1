"""``guardrails check``: find files, give each its project's settings, check them, report."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from guardrails.cli.project import FileJob, Resolver

if TYPE_CHECKING:
    from guardrails.report import Report
    from guardrails.templates.source import Template

__all__ = ["check_file", "run_check"]

_CHECKERS: dict[tuple[Any, ...], Any] = {}


def checker_for(rules: tuple[str, ...], select: tuple[str, ...] | None,
                ignore: tuple[str, ...] | None) -> Any:
    """One Checker per (packs, selection), built once per process."""
    key = (rules, select, ignore)
    if key not in _CHECKERS:
        from guardrails.api import Checker

        _CHECKERS[key] = Checker(rules=list(rules), select=list(select) if select else None,
                                 ignore=list(ignore) if ignore else None)
    return _CHECKERS[key]


def _channel(tpl: Template, path: Path, job: FileJob) -> str:
    from guardrails.errors import ConfigurationError

    if job.channel is not None:
        return job.channel
    if tpl.channel is not None:
        from guardrails.models import normalize_channel

        if not isinstance(tpl.channel, str):
            raise ConfigurationError(f"{path}:{tpl.line_of('channel')}: channel must be a "
                                     f"string, got {tpl.channel!r}")
        try:
            return normalize_channel(tpl.channel)
        except ConfigurationError as exc:
            raise ConfigurationError(f"{path}:{tpl.line_of('channel')}: channel: {exc}") from None
    if job.fallback_channel is None:
        raise ConfigurationError(
            f"{path}: cannot tell the channel; name it like 'x.sms.txt' or pass --channel")
    return job.fallback_channel


def check_file(job: FileJob) -> Report:
    """Read and check one file (also runs in worker processes: module-level and picklable)."""
    from guardrails.cli.inputs import read_text
    from guardrails.templates.source import load_template

    path = Path(job.path)
    text = read_text(path)
    checker = checker_for(job.rules, job.select, job.ignore)
    tpl = load_template(text, path.suffix if str(path) != "-" else "")
    channel = _channel(tpl, path, job)
    if tpl.is_plain:  # no front matter, merge tag or suppression: exactly the plain check
        report: Report = checker.check(text, channel, job.context)
    else:
        from guardrails.templates.check import check_template

        context = job.context
        if tpl.context is not None:
            from guardrails.cli.contexts import merge_template_context

            context = merge_template_context(context, tpl.context, path, tpl.line_of("context"))
        _check_directives(tpl, path, job)
        report = check_template(tpl, channel, checker, context, job.settings)
    return _filtered(report, tpl, job)


def _check_directives(tpl: Template, path: Path, job: FileJob) -> None:
    from guardrails.errors import ConfigurationError
    from guardrails.templates.suppress import check_directive

    for directive in tpl.directives:
        problem = check_directive(directive, lambda code: any(i.startswith(code)
                                                              for i in job.known))
        if problem:
            raise ConfigurationError(f"{path}:{directive.line}: suppression: {problem}")


def _filtered(report: Report, tpl: Template, job: FileJob) -> Report:
    """Per-file ignores, then inline suppressions (which may add GR003 for unused ones)."""
    violations = report.violations
    if job.ignores:
        violations = [v for v in violations if not any(v.rule.startswith(i) for i in job.ignores)]
    if tpl.directives:
        from guardrails.templates.suppress import apply_suppressions

        violations = apply_suppressions(
            violations, tpl.directives, lambda code: any(a.startswith(code) for a in job.active))
        if "GR003" not in job.active or any("GR003".startswith(i) for i in job.ignores):
            violations = [v for v in violations if v.rule != "GR003"]
    if violations is report.violations:
        return report
    return report.model_copy(update={"violations": violations})


def _check_chunk(chunk: list[FileJob]) -> list[tuple[bool, Any]]:
    """Check a run of files in a worker: (True, report) or (False, input-error message) each.

    Jobs of one project share their context and settings objects, so a chunk pickles them once.
    """
    from guardrails.errors import InputError

    out: list[tuple[bool, Any]] = []
    for job in chunk:
        try:
            out.append((True, check_file(job)))
        except InputError as exc:
            out.append((False, str(exc)))
    return out


def _run_jobs(jobs: list[FileJob], workers: int) -> tuple[list[tuple[FileJob, Any]], list[str]]:
    """Check every job (in ``workers`` processes when worth it); results keep the input order."""
    if workers > 1 and len(jobs) > 8:
        import gc
        from concurrent.futures import ProcessPoolExecutor

        # Check one file of each kind here first: the lazily imported modules (templates, lxml,
        # ...), compiled checkers and caches are then inherited by every forked worker instead
        # of being rebuilt in each; gc.freeze() keeps the workers from copying that memory.
        kinds = {(Path(j.path).suffix, j.fallback_channel, j.rules, j.select, j.ignore): i
                 for i, j in reversed(list(enumerate(jobs)))}
        first = sorted(kinds.values())
        done = dict(zip(first, _check_chunk([jobs[i] for i in first]), strict=True))
        rest = [j for i, j in enumerate(jobs) if i not in done]
        size = max(1, -(-len(rest) // (workers * 4)))
        chunks = [rest[i:i + size] for i in range(0, len(rest), size)]
        gc.freeze()
        try:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                pooled = iter([o for chunk in pool.map(_check_chunk, chunks) for o in chunk])
        finally:
            gc.unfreeze()
        outcomes = [done[i] if i in done else next(pooled) for i in range(len(jobs))]
    else:
        outcomes = _check_chunk(jobs)
    results = [(job, value) for job, (ok, value) in zip(jobs, outcomes, strict=True) if ok]
    return results, [value for ok, value in outcomes if not ok]


def _use_color() -> bool:
    """Colour only on a TTY, and never when NO_COLOR is set (https://no-color.org)."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _run_pack(resolver: Resolver) -> Any:
    """Every rule the checked files ran with, once (for the SARIF rule table)."""
    from guardrails.engine.pack import RulePack

    seen: dict[str, Any] = {}
    for project in resolver.projects():
        for rule in checker_for(project.rules, project.select, project.ignore).pack.rules:
            seen.setdefault(rule.id, rule)
    return RulePack("run", tuple(seen.values()))


def run_check(ns: argparse.Namespace) -> int:
    """The whole ``guardrails check`` command; returns the exit code."""
    from guardrails.cli.config import CONFIG_NAMES
    from guardrails.cli.inputs import discover, has_channel_header
    from guardrails.cli.output import FileResult, render
    from guardrails.errors import ConfigurationError, InputError
    from guardrails.templates.rules import TEMPLATE_RULES

    _CHECKERS.clear()  # packs on disk may have changed since an earlier in-process run
    resolver = Resolver(ns)

    def wanted(path: Path) -> bool:
        if path.name in CONFIG_NAMES:
            return False
        return resolver.project(path).channel_of(path) is not None or has_channel_header(path)

    files = discover(ns.paths, any_name=ns.channel is not None, include=wanted)
    if not files:
        raise ConfigurationError(
            f"no message files found in {', '.join(ns.paths)}; name them like 'x.sms.txt' "
            "or pass --channel"
        )
    jobs = [resolver.job(p, ns.channel) for p in files]
    pairs, input_errors = _run_jobs(jobs, ns.jobs)
    if input_errors:  # the run is not trustworthy: say which files, report nothing else
        for line in input_errors[:-1]:
            print(f"guardrails: error: {line}", file=sys.stderr)
        raise InputError(input_errors[-1])
    results = [FileResult(job.path, report) for job, report in pairs]
    pack = _run_pack(resolver)
    machine = ns.format != "text"
    if ns.output:
        try:
            Path(ns.output).write_text(render(ns.format, results, pack, extra=TEMPLATE_RULES)
                                       + "\n", encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{ns.output}: cannot write: {exc.strerror or exc}") from None
        machine = False  # the machine report went to the file; humans get the text summary
    out = render("text" if not machine else ns.format, results, pack,
                 color=not machine and _use_color(), extra=TEMPLATE_RULES)
    if out:
        print(out)
    if machine:  # json/sarif/github have no place for them: do not lose them silently
        for res in results:
            for err in res.report.engine_errors:
                print(f"guardrails: warning: {res.path}: engine error: {err}", file=sys.stderr)
    for job, report in pairs:
        failing = {"error"} if job.fail_on == "error" else {"error", "warning"}
        if any(v.level in failing for v in report.violations):
            return 1
    return 0

"""``guardrails``: check, parse, convert, rules. Exit 0 clean, 1 violations, 2 usage/input error."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = ["main"]

CHANNEL_CHOICES = ("email", "sms", "slack", "slack_dm", "slack_channel", "push", "in_app")
FORMATS = ("text", "json", "sarif", "github")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # one line, exit 2, no usage dump
        self.exit(2, f"guardrails: error: {message}\n")


def _ids(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {value!r}") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {value!r}")
    return jobs


def _build() -> argparse.ArgumentParser:
    parser = _Parser(prog="guardrails", description="Is this AI-generated message safe to send?")
    from guardrails import __version__

    parser.add_argument("--version", action="version", version=f"guardrails {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    chk = sub.add_parser(
        "check", help="check message files against the rules",
        epilog="Defaults come from [tool.guardrails] (rules, select, ignore, context, fail-on) "
               "in the nearest pyproject.toml; an option given here replaces the configured one.")
    chk.add_argument("paths", nargs="+", metavar="PATH")
    chk.add_argument("--channel", choices=CHANNEL_CHOICES)
    chk.add_argument("--context", metavar="FILE.json")
    chk.add_argument("--rules", action="append", default=[], metavar="PACK.toml")
    chk.add_argument("--select", type=_ids, default=None, metavar="IDS")
    chk.add_argument("--ignore", type=_ids, default=None, metavar="IDS")
    chk.add_argument("--format", choices=FORMATS, default="text")
    chk.add_argument("--output", metavar="FILE", help="write the machine report to FILE; "
                     "the text report still goes to stdout")
    chk.add_argument("--fail-on", choices=("error", "warning"), default=None)
    chk.add_argument("--jobs", type=_jobs, default=1, metavar="N")
    chk.add_argument("--isolated", action="store_true",
                     help="ignore [tool.guardrails] in pyproject.toml")

    prs = sub.add_parser("parse", help="parse a raw LLM output into fields (JSON)")
    prs.add_argument("file")
    prs.add_argument("--channel", choices=CHANNEL_CHOICES)

    cnv = sub.add_parser("convert", help="convert text to a channel format")
    cnv.add_argument("file", help="markdown, HTML or text; a labelled message file (x.email.md) "
                     "is parsed first and its body converted")
    cnv.add_argument("--channel", choices=CHANNEL_CHOICES,
                     help="parse FILE as this channel's labelled output first")
    cnv.add_argument("--to", required=True,
                     choices=("email", "sms", "slack", "push", "in_app", "text"))
    cnv.add_argument("--source", choices=("markdown", "html", "text"))
    cnv.add_argument("--segments", type=int, default=None)
    cnv.add_argument("--limit", type=int, default=None)

    rls = sub.add_parser("rules", help="list, explain or test rules")
    rls.add_argument("--explain", metavar="ID")
    rls.add_argument("--test", metavar="PACK.toml", nargs="?", const="",
                     help="run every rule's examples (built-in packs when no file is given)")
    rls.add_argument("--rules", action="append", default=[], metavar="PACK.toml")
    rls.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def _channel_for(path: Path, forced: str | None) -> str:
    from guardrails.cli.inputs import channel_from_name
    from guardrails.errors import ConfigurationError

    channel = forced or channel_from_name(path)
    if channel is None:
        raise ConfigurationError(
            f"{path}: cannot tell the channel; name it like 'x.sms.txt' or pass --channel"
        )
    return channel


def _load_context(path: str | None) -> Any:
    if path is None:
        return None
    import json

    from guardrails.api import to_context
    from guardrails.cli.inputs import read_text
    from guardrails.errors import ConfigurationError

    text = read_text(Path(path))
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigurationError(f"{path}:{exc.lineno}: invalid JSON: {exc.msg}") from None
    if not isinstance(data, dict):
        raise ConfigurationError(f"{path}: context must be a JSON object")
    try:
        return to_context(data)
    except ConfigurationError as exc:
        raise ConfigurationError(f"{path}: {exc}") from None


_Job = tuple[str, str, Any, list[str], list[str] | None, list[str] | None]


def _check_one(args: _Job) -> Any:
    """Read and check one file (also runs in worker processes: module-level and picklable)."""
    path, channel, context, rules, select, ignore = args
    from guardrails.cli.inputs import read_text

    checker = _checker_cache(tuple(rules), tuple(select or ()), tuple(ignore or ()))
    return checker.check(read_text(Path(path)), channel, context)


_CHECKERS: dict[tuple[Any, ...], Any] = {}


def _checker_cache(rules: tuple[str, ...], select: tuple[str, ...], ignore: tuple[str, ...]) -> Any:
    key = (rules, select, ignore)
    if key not in _CHECKERS:
        from guardrails.api import Checker

        _CHECKERS[key] = Checker(rules=list(rules), select=list(select) or None,
                                 ignore=list(ignore) or None)
    return _CHECKERS[key]


def _use_color() -> bool:
    """Colour only on a TTY, and never when NO_COLOR is set (https://no-color.org)."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _run_jobs(jobs: list[_Job], workers: int) -> tuple[list[Any], list[str]]:
    """Check every job (in ``workers`` processes when worth it); results keep the input order."""
    from guardrails.cli.output import FileResult
    from guardrails.errors import InputError

    results: list[FileResult] = []
    input_errors: list[str] = []
    if workers > 1 and len(jobs) > 8:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(_check_one, job) for job in jobs]
            for job, future in zip(jobs, futures, strict=True):
                try:
                    results.append(FileResult(job[0], future.result()))
                except InputError as exc:
                    input_errors.append(str(exc))
    else:
        for job in jobs:
            try:
                results.append(FileResult(job[0], _check_one(job)))
            except InputError as exc:
                input_errors.append(str(exc))
    return results, input_errors


def _apply_config(ns: argparse.Namespace) -> None:
    """Fill options not given on the command line from ``[tool.guardrails]`` (CLI wins)."""
    if not ns.isolated:
        from guardrails.cli.config import find_config, load_config

        found = find_config(Path.cwd())
        if found is not None:
            cfg = load_config(found)
            ns.rules = ns.rules or cfg.rules
            ns.select = ns.select if ns.select is not None else cfg.select
            ns.ignore = ns.ignore if ns.ignore is not None else cfg.ignore
            ns.context = ns.context or cfg.context
            ns.fail_on = ns.fail_on or cfg.fail_on
    ns.fail_on = ns.fail_on or "error"


def _cmd_check(ns: argparse.Namespace) -> int:
    from guardrails.cli.inputs import discover
    from guardrails.cli.output import render
    from guardrails.errors import ConfigurationError, InputError

    _apply_config(ns)
    _CHECKERS.clear()  # packs on disk may have changed since an earlier in-process run
    checker = _checker_cache(tuple(ns.rules), tuple(ns.select or ()), tuple(ns.ignore or ()))
    context = _load_context(ns.context)
    files = discover(ns.paths, any_name=ns.channel is not None)
    if not files:
        raise ConfigurationError(
            f"no message files found in {', '.join(ns.paths)}; name them like 'x.sms.txt' "
            "or pass --channel"
        )
    jobs: list[_Job] = [
        (str(p), _channel_for(p, ns.channel), context, ns.rules, ns.select, ns.ignore)
        for p in files
    ]
    results, input_errors = _run_jobs(jobs, ns.jobs)
    if input_errors:  # the run is not trustworthy: say which files, report nothing else
        for line in input_errors[:-1]:
            print(f"guardrails: error: {line}", file=sys.stderr)
        raise InputError(input_errors[-1])
    machine = ns.format != "text"
    if ns.output:
        try:
            Path(ns.output).write_text(render(ns.format, results, checker.pack) + "\n",
                                       encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{ns.output}: cannot write: {exc.strerror or exc}") from None
        machine = False  # the machine report went to the file; humans get the text summary
    out = render("text" if not machine else ns.format, results, checker.pack,
                 color=not machine and _use_color())
    if out:
        print(out)
    if machine:  # json/sarif/github have no place for them: do not lose them silently
        for res in results:
            for err in res.report.engine_errors:
                print(f"guardrails: warning: {res.path}: engine error: {err}", file=sys.stderr)
    failing = {"error"} if ns.fail_on == "error" else {"error", "warning"}
    return 1 if any(v.level in failing for r in results for v in r.report.violations) else 0


def _cmd_parse(ns: argparse.Namespace) -> int:
    import json

    from guardrails.api import parse
    from guardrails.cli.inputs import read_text

    path = Path(ns.file)
    channel = _channel_for(path, ns.channel)
    draft = parse(read_text(path), channel)
    print(json.dumps(draft.model_dump(exclude={"raw"}), ensure_ascii=False, indent=2))
    return 0


def _message_body(text: str, channel: str) -> tuple[str, str | None]:
    """The body of a labelled message (and its source format), for ``convert``."""
    from guardrails.api import parse

    fields = parse(text, channel).text_fields()
    if fields.get("body_html"):
        return fields["body_html"], "html"
    for name in ("body_text", "text", "body"):
        if fields.get(name):
            return fields[name], None
    return text, None


def _cmd_convert(ns: argparse.Namespace) -> int:
    from guardrails.api import convert
    from guardrails.cli.inputs import channel_from_name, read_text

    path = Path(ns.file)
    text = read_text(path)
    source = ns.source
    channel = ns.channel or channel_from_name(path)
    if channel is not None:
        text, detected = _message_body(text, channel)
        source = source or detected
    options: dict[str, Any] = {}
    if ns.segments is not None:
        options["segments"] = ns.segments
    if ns.limit is not None:
        options["limit"] = ns.limit
    print(convert(text, to=ns.to, source=source, **options))
    return 0


def _cmd_rules(ns: argparse.Namespace) -> int:
    import json

    from guardrails.api import Checker
    from guardrails.engine.pack import load_pack

    if ns.test is not None:  # every rule's own examples must behave as declared
        from guardrails.engine.selftest import run_examples

        pack = load_pack(ns.test) if ns.test else Checker(rules=ns.rules).pack
        results = run_examples(pack)
        for res in results:
            if res.ok:
                continue
            where = f"example {res.index + 1} ({res.expect})" if res.index >= 0 else "examples"
            print(f"FAIL {res.rule} {where}: {res.detail}")
        failed = sum(not res.ok for res in results)
        print(f"{len(results) - failed} passed, {failed} failed "
              f"({len(pack.rules)} rule{'s' * (len(pack.rules) != 1)})")
        return 1 if failed else 0
    pack = Checker(rules=ns.rules).pack
    if ns.explain:
        rule = pack.get(ns.explain.upper())
        if rule is None:
            from guardrails.errors import ConfigurationError

            raise ConfigurationError(f"unknown rule {ns.explain!r}; run 'guardrails rules'")
        s = rule.spec
        print(f"{s.id} ({s.name}) — constraint {s.constraint}, {s.level}, check '{s.check}', "
              f"channels: {', '.join(sorted(rule.channels))}")
        print(s.explain.strip())
        return 0
    if ns.format == "json":
        print(json.dumps([{"id": r.id, "name": r.spec.name, "constraint": r.spec.constraint,
                           "level": r.spec.level, "check": r.spec.check,
                           "channels": sorted(r.channels)} for r in pack.rules], indent=2))
        return 0
    width = max((len(r.id) for r in pack.rules), default=5)
    for r in pack.rules:
        print(f"{r.id:<{width}}  [{r.spec.constraint}] {r.spec.level:<7} {r.spec.name:<32} "
              f"{r.spec.message.split(':')[0]}")
    return 0


def _one_line(exc: BaseException) -> str:
    """An exception as one stderr line; a RulePackError keeps every problem, joined."""
    problems = getattr(exc, "problems", None)
    if isinstance(problems, list) and len(problems) > 1:
        head = str(exc).splitlines()[0]
        return f"{head}: {'; '.join(str(p) for p in problems)}"
    text = " ".join(part.strip() for part in str(exc).splitlines() if part.strip())
    return text or type(exc).__name__


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (0 clean, 1 violations, 2 usage/config/input error)."""
    # pydantic scans every installed distribution for plugins at import (~30 ms); the CLI uses
    # none, and pre-commit starts it on every commit.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    parser = _build()
    try:
        ns = parser.parse_args(argv)
    except SystemExit as exc:  # --help/--version (0) or a usage error (2, already printed)
        return exc.code if isinstance(exc.code, int) else 2
    if ns.command is None:
        print("guardrails: error: missing command (check, parse, convert, rules); "
              "see 'guardrails --help'", file=sys.stderr)
        return 2
    from guardrails.errors import GuardrailsError

    handlers = {"check": _cmd_check, "parse": _cmd_parse, "convert": _cmd_convert,
                "rules": _cmd_rules}
    try:
        code = handlers[ns.command](ns)
        sys.stdout.flush()
        return code
    except GuardrailsError as exc:
        print(f"guardrails: error: {_one_line(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `guardrails check ... | head`: stop quietly
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 0
    except Exception as exc:  # never a traceback on the command line
        print(f"guardrails: error: internal error: {type(exc).__name__}: {_one_line(exc)}"[:500],
              file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

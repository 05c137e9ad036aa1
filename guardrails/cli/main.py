"""``guardrails``: check, parse, convert, rules, init. Exit 0 clean, 1 violations, 2 usage error."""

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
        "check", help="check message files and templates against the rules",
        epilog="Defaults come from the guardrails.toml, or [tool.guardrails] in pyproject.toml, "
               "nearest to each file (rules, select, ignore, context, fail-on, channels, "
               "per-file-ignores, variables, ...); an option given here replaces the configured "
               "one.")
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
                     help="ignore guardrails.toml and [tool.guardrails] in pyproject.toml")

    ini = sub.add_parser(
        "init", help="write a starter configuration and one example template per channel",
        description="Append a commented [tool.guardrails] block to pyproject.toml (or write "
                    "guardrails.toml when there is no pyproject.toml) and one example template "
                    "per channel under templates/. Never overwrites a file.")
    ini.add_argument("directory", nargs="?", default=".", metavar="DIR")

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
    rls.add_argument("--templates", action="store_true",
                     help="list the template-layer rules (GR0xx) instead of the pack rules")
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


def _cmd_check(ns: argparse.Namespace) -> int:
    from guardrails.cli.check import run_check

    return run_check(ns)


def _cmd_init(ns: argparse.Namespace) -> int:
    from guardrails.cli.init import run_init

    return run_init(Path(ns.directory))


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
    from guardrails.templates.rules import TEMPLATE_RULES, template_rule

    pack = Checker(rules=ns.rules).pack
    if ns.explain:
        rule = pack.get(ns.explain.upper())
        if rule is None:
            own = template_rule(ns.explain)
            if own is not None:
                print(f"{own.id} ({own.name}) — constraint {own.constraint}, {own.level}, "
                      "reported by the template layer, channels: all")
                print(own.explain.strip())
                return 0
            from guardrails.errors import ConfigurationError

            raise ConfigurationError(f"unknown rule {ns.explain!r}; run 'guardrails rules'")
        s = rule.spec
        print(f"{s.id} ({s.name}) — constraint {s.constraint}, {s.level}, check '{s.check}', "
              f"channels: {', '.join(sorted(rule.channels))}")
        print(s.explain.strip())
        return 0
    rows = [(r.id, r.spec.name, r.spec.constraint, r.spec.level, r.spec.check,
             sorted(r.channels), r.spec.message) for r in pack.rules]
    own_rows = [(r.id, r.name, r.constraint, r.level, "template", ["*"], r.message)
                for r in TEMPLATE_RULES]
    if ns.format == "json":
        print(json.dumps([{"id": i, "name": n, "constraint": c, "level": lv, "check": k,
                           "channels": ch} for i, n, c, lv, k, ch, _ in rows + own_rows],
                         indent=2))
        return 0
    shown = own_rows if ns.templates else rows + own_rows  # every id a report can carry
    width = max((len(row[0]) for row in shown), default=5)
    for rule_id, name, constraint, level, _, _, message in shown:
        print(f"{rule_id:<{width}}  [{constraint}] {level:<7} {name:<32} {message.split(':')[0]}")
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
        print("guardrails: error: missing command (check, parse, convert, rules, init); "
              "see 'guardrails --help'", file=sys.stderr)
        return 2
    from guardrails.errors import GuardrailsError

    handlers = {"check": _cmd_check, "parse": _cmd_parse, "convert": _cmd_convert,
                "rules": _cmd_rules, "init": _cmd_init}
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

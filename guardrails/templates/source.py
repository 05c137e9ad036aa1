"""Reading a template file into pieces: front matter, ``.json``/``.toml`` fields, or a text body.

A *piece* is one run of template text with the source line it starts on: the body (parsed as
labelled fields, or taken whole as the channel's main field), or one metadata/field value.
A file with no front matter, no merge tag and no suppression is ``plain``: the CLI checks it
exactly as before templates existed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from guardrails.templates.placeholders import Problem
    from guardrails.templates.suppress import Directive

__all__ = ["META_KEYS", "Piece", "Template", "has_template_syntax", "load_template"]

META_KEYS = ("channel", "context")
_LABEL = re.compile(
    r"[ \t>*_#-]*(?:subject|preheader|body_?html|body_?text|body|sms|slack|title|buttons?|text)"
    r"[*_ \t]*:", re.IGNORECASE)
_JSON_KEY = '"{}"\\s*:'
_HINT = re.compile(r"\{\{|\{%|\{#|\{[A-Za-z_][A-Za-z0-9_.]*\}")


def has_template_syntax(text: str) -> bool:
    """A cheap test: could ``text`` contain a merge tag at all?"""
    return "{" in text and _HINT.search(text) is not None


@dataclass(slots=True)
class Piece:
    """Template text checked as one unit, and the source line its first line is on."""

    text: str
    line: int
    single_line: bool = False
    """True for a JSON string: every line of the value maps to ``line``."""


@dataclass(slots=True)
class Template:
    """A template file split into what to render and what it says about itself."""

    source: str
    """The file with suppression comments removed (line numbers unchanged)."""
    kind: Literal["plain", "text", "structured"] = "plain"
    body: Piece | None = None
    body_main: bool = False
    """The body is the channel's main field verbatim (front matter, no labels)."""
    values: dict[str, Any] = field(default_factory=dict)
    """Front-matter / structured keys other than channel and context, as written."""
    lines: dict[str, int] = field(default_factory=dict)
    item_lines: dict[str, list[int]] = field(default_factory=dict)
    single_line: bool = False
    channel: Any = None
    context: Any = None
    directives: list[Directive] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    broken: bool = False
    """A .toml template that does not parse: only its syntax problem is reported."""
    multiline: dict[str, int] = field(default_factory=dict)
    """Structured TOML values that start on the line after their key (``key = \"\"\"``)."""

    @property
    def is_plain(self) -> bool:
        return self.kind == "plain"

    def line_of(self, key: str) -> int:
        return self.lines.get(key, 1)


def load_template(text: str, suffix: str = "") -> Template:
    """Split ``text`` (a file with ``suffix`` like ``.json``) into a Template; never raises."""
    source = text
    directives: list[Directive] = []
    if "guardrails" in text:  # the modules below load only for files that need them
        from guardrails.templates.suppress import strip_directives

        source, directives = strip_directives(text)
    suffix = suffix.lower()
    if suffix in (".json", ".toml"):
        structured = _structured(source, suffix, bool(directives))
        if structured is not None:
            structured.directives = directives
            return structured
    fm = None
    if source[:3] in ("---", "+++"):
        from guardrails.templates.frontmatter import split_front_matter

        fm = split_front_matter(source)
    if fm is None:
        kind: Literal["plain", "text"] = "text" if directives or has_template_syntax(source) \
            else "plain"
        return Template(source, kind, body=Piece(source, 1), directives=directives)
    if fm.end == 0:  # never closed: report it and read the whole file as the body
        return Template(source, "text", body=Piece(source, 1), directives=directives,
                        problems=fm.problems)
    lines = source.split("\n")
    body = "\n" * fm.end + "\n".join(lines[fm.end:])  # the front matter blanked: lines align
    first = next((ln for ln in lines[fm.end:] if ln.strip()), "")
    tpl = Template(source, "text", body=Piece(body, 1), directives=directives,
                   problems=fm.problems, lines=fm.lines, item_lines=fm.item_lines)
    tpl.body_main = not _LABEL.match(first)
    tpl.channel = fm.data.pop("channel", None)
    tpl.context = fm.data.pop("context", None)
    tpl.values = fm.data
    return tpl


def _structured(source: str, suffix: str, has_directives: bool) -> Template | None:
    """A ``.json``/``.toml`` template, or None to read the file as an LLM output (as before)."""
    import json
    import tomllib

    from guardrails.templates.placeholders import Problem

    problems: list[Problem] = []
    data: Any
    if suffix == ".json":
        try:
            data = json.loads(source)
        except json.JSONDecodeError:
            return None  # tolerant parser territory: fenced JSON, trailing chatter, ...
        if not isinstance(data, dict):
            return None
        strings = _strings(data)
        if not (set(META_KEYS) & set(data) or has_directives
                or any(has_template_syntax(s) for s in strings)):
            return None
    else:
        try:
            data = tomllib.loads(source)
        except tomllib.TOMLDecodeError as exc:
            at = re.search(r"\(at line (\d+)", str(exc))
            problems.append(Problem(int(at.group(1)) if at else 1,
                                    f"not valid TOML: {str(exc).split(' (at')[0]}"))
            data = {}
    tpl = Template(source, "structured", problems=problems, single_line=suffix == ".json",
                   broken=bool(problems))
    tpl.channel = data.pop("channel", None)
    tpl.context = data.pop("context", None)
    tpl.values = data
    src_lines = source.split("\n")
    for key in (*META_KEYS, *data):
        pattern = re.compile(_JSON_KEY.format(re.escape(key)) if suffix == ".json"
                             else rf"^[ \t]*\"?{re.escape(key)}\"?[ \t]*=", re.MULTILINE)
        m = pattern.search(source)
        if m is None:
            continue
        line = source.count("\n", 0, m.start()) + 1
        tpl.lines[key] = line
        if suffix == ".toml" and src_lines[line - 1].split("=", 1)[-1].strip() in ('"""', "'''"):
            tpl.multiline[key] = line + 1  # the value starts on the next line
    return tpl


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []

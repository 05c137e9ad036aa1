"""Front matter: ``---`` (YAML-like ``key: value``) or ``+++`` (TOML) at the top of a template.

The YAML-like form reads what message metadata needs and no more: ``key: value`` scalars
(plain, ``"double"`` or ``'single'`` quoted), JSON flow values (``[…]``, ``{…}``; a value
starting with a merge tag is text), and block
lists (``- item``, ``- label: …`` with indented ``url: …``). Anything else is a problem with
its line, never an exception. Plain scalars keep a ``#`` (``Order #{{ id }}``): no comments
after values.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from typing import Any

from guardrails.templates.placeholders import Problem

__all__ = ["FrontMatter", "split_front_matter"]

_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]+(.*)|[ \t]*)$")
_TOML_KEY = re.compile(r"[ \t]*([A-Za-z_][A-Za-z0-9_-]*|\"[^\"]+\")[ \t]*=")
_TOML_AT = re.compile(r"\(at line (\d+)")


@dataclass(slots=True)
class FrontMatter:
    """What the front matter says, where each key is, and where the body starts."""

    data: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    """1-based source line of each top-level key."""
    item_lines: dict[str, list[int]] = field(default_factory=dict)
    """1-based source line of each item of a block list (``buttons``)."""
    end: int = 0
    """1-based line of the closing fence (0 when the front matter is never closed)."""
    problems: list[Problem] = field(default_factory=list)


def split_front_matter(text: str) -> FrontMatter | None:
    """The front matter at the top of ``text``, or None when the text has none."""
    head = text[:4].rstrip("\r\n ")
    if head not in ("---", "+++") or text[3:4] not in ("\n", "\r", " ", "\t"):
        return None
    lines = text.split("\n")
    fence = lines[0].strip()
    if fence not in ("---", "+++"):
        return None
    body = next((ln for ln in lines[1:] if ln.strip()), "")
    if fence == "---" and not _KEY.match(body.rstrip("\r")):
        return None  # a markdown horizontal rule, not front matter
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == fence), 0)
    if end == 0:
        return FrontMatter(problems=[Problem(1, f"front matter opened with '{fence}' is never "
                                                f"closed (expected a '{fence}' line)")])
    inner = [ln.rstrip("\r") for ln in lines[1:end]]
    fm = _toml(inner) if fence == "+++" else _yaml(inner)
    fm.end = end + 1
    return fm


def _toml(inner: list[str]) -> FrontMatter:
    fm = FrontMatter()
    try:
        fm.data = tomllib.loads("\n".join(inner))
    except tomllib.TOMLDecodeError as exc:
        at = _TOML_AT.search(str(exc))
        line = int(at.group(1)) + 1 if at else 1
        reason = str(exc).split(" (at")[0]
        fm.problems.append(Problem(line, f"front matter is not valid TOML: {reason}"))
        return fm
    for index, raw in enumerate(inner):
        m = _TOML_KEY.match(raw)
        if m:
            fm.lines.setdefault(m.group(1).strip('"'), index + 2)
    return fm


def _scalar(value: str, line: int, problems: list[Problem]) -> Any:
    value = value.strip()
    if value[:1] in "[{" and value[:2] not in ("{{", "{%", "{#"):  # a merge tag is text
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            if value.startswith("[") and value.endswith("]"):
                return [_scalar(v, line, problems) for v in value[1:-1].split(",") if v.strip()]
            if value.startswith("[") or (value.endswith("}") and ":" in value):
                problems.append(Problem(line, "front matter value is not valid JSON: "
                                              f"{value[:40]!r}"))
                return None
            return value  # '{first_name}, welcome': text with a placeholder
    if value.startswith('"'):
        try:
            return str(json.loads(value))
        except json.JSONDecodeError:
            problems.append(Problem(line, f"unterminated quoted value: {value[:40]!r}"))
            return value.strip('"')
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return value


def _yaml(inner: list[str]) -> FrontMatter:
    fm = FrontMatter()
    i = 0
    while i < len(inner):
        raw, line = inner[i], i + 2
        i += 1
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        m = _KEY.match(raw)
        if m is None or raw[:1] in " \t":
            fm.problems.append(Problem(line, f"front matter: expected 'key: value', got "
                                             f"{raw.strip()[:40]!r}"))
            continue
        key, value = m.group(1), m.group(2)
        fm.lines[key] = line
        if value is not None and value.strip():
            fm.data[key] = _scalar(value, line, fm.problems)
            continue
        block: list[tuple[int, str]] = []
        while i < len(inner) and (not inner[i].strip() or inner[i][:1] in " \t-"):
            if inner[i].strip():
                block.append((i + 2, inner[i]))
            i += 1
        fm.data[key], fm.item_lines[key] = _block(block, fm.problems)
    return fm


def _block(block: list[tuple[int, str]], problems: list[Problem]) -> tuple[Any, list[int]]:
    """A block list (``- a``, ``- label: x`` + ``  url: y``) or a one-level map."""
    if not block:
        return "", []
    if not block[0][1].lstrip().startswith("-"):
        mapping: dict[str, Any] = {}
        for line, raw in block:
            m = _KEY.match(raw.strip())
            if m is None:
                problems.append(Problem(line, f"front matter: expected 'key: value', got "
                                              f"{raw.strip()[:40]!r}"))
                continue
            mapping[m.group(1)] = _scalar(m.group(2) or "", line, problems)
        return mapping, [block[0][0]]
    items: list[Any] = []
    lines: list[int] = []
    for line, raw in block:
        text = raw.strip()
        if text.startswith("-"):
            text = text[1:].strip()
            lines.append(line)
            m = _KEY.match(text)
            if m and not text.startswith(("http", '"', "'")):
                items.append({m.group(1): _scalar(m.group(2) or "", line, problems)})
            else:
                items.append(_scalar(text, line, problems))
            continue
        m = _KEY.match(text)
        if m and items and isinstance(items[-1], dict):
            items[-1][m.group(1)] = _scalar(m.group(2) or "", line, problems)
        else:
            problems.append(Problem(line, f"front matter: cannot read {text[:40]!r} here"))
    return items, lines

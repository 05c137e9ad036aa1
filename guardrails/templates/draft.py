"""From a template's pieces (rendered or as written) to the channel's Draft, lines included."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from guardrails.models import DRAFT_TYPES, Button, Draft
from guardrails.templates.placeholders import Problem
from guardrails.templates.source import Piece, Template

__all__ = ["FIELDS", "Pieces", "assemble", "pieces_for"]

FIELDS: dict[str, tuple[str, ...]] = {
    "email": ("subject", "preheader", "body_html", "body_text"),
    "sms": ("text",), "slack_dm": ("text",), "slack_channel": ("text",),
    "push": ("title", "body", "buttons"), "in_app": ("title", "body", "buttons"),
}
"""The keys front matter and ``.json``/``.toml`` templates may set, per channel."""
_TAG = re.compile(r"<[A-Za-z][^<>]*>")


@dataclass(slots=True)
class Pieces:
    """Every named piece of a template for one channel, and the keys that are not fields."""

    items: dict[str, Piece] = field(default_factory=dict)
    unknown: list[tuple[str, int]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _button(item: Any) -> tuple[str, str] | None:
    if isinstance(item, str):
        label, sep, url = item.rpartition("|")
        return (label.strip(), url.strip()) if sep else (item.strip(), "")
    if isinstance(item, dict) and set(item) <= {"label", "url"} and "label" in item:
        return str(item["label"]), str(item.get("url", ""))
    return None


def pieces_for(tpl: Template, channel: str) -> Pieces:
    """The body and each field value of ``tpl`` as pieces named like the Draft's fields."""
    out = Pieces()
    if tpl.body is not None:
        out.items["body"] = tpl.body
    allowed = FIELDS[channel]
    for key, value in tpl.values.items():
        line = tpl.multiline.get(key) or tpl.line_of(key)
        if key not in allowed:
            out.unknown.append((key, tpl.line_of(key)))
        elif key == "buttons":
            items = value if isinstance(value, list) else None
            if items is None:
                out.problems.append(Problem(line, "'buttons' must be a list of 'label | url' "
                                                  "or {label, url}"))
                continue
            lines = tpl.item_lines.get(key, [])
            for i, item in enumerate(items):
                at = lines[i] if i < len(lines) else line
                pair = _button(item)
                if pair is None:
                    out.problems.append(Problem(at, f"button {i + 1} must be 'label | url' or "
                                                    "{label, url}"))
                    continue
                out.items[f"buttons[{i}].label"] = Piece(pair[0], at, True)
                out.items[f"buttons[{i}].url"] = Piece(pair[1], at, True)
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            out.items[key] = Piece(str(value), line, tpl.single_line)
        else:
            out.problems.append(Problem(line, f"{key!r} must be a string, got "
                                              f"{type(value).__name__}"))
    return out


def _main_field(channel: str, body: str) -> str:
    if channel == "email":
        return "body_html" if _TAG.search(body) else "body_text"
    return "body" if channel in ("push", "in_app") else "text"


def assemble(tpl: Template, channel: str, texts: Mapping[str, str]) -> Draft:
    """The Draft whose fields are ``texts`` (one string per piece name of ``pieces_for``)."""
    from guardrails.api import parse

    kind = DRAFT_TYPES[channel]
    body = texts.get("body")
    if body is None:
        draft: Draft = kind(channel=channel)
    elif tpl.body_main:
        draft = kind(channel=channel)
        if body.strip():
            first = len(body) - len(body.lstrip())
            name = _main_field(channel, body)
            draft = draft.model_copy(update={
                name: body.strip(), "lines": {name: body.count("\n", 0, first) + 1}})
    else:
        draft = parse(body, channel)
    updates: dict[str, Any] = {}
    lines = dict(draft.lines)
    buttons: list[Button] = []
    for name, text in texts.items():
        if name == "body":
            continue
        if name.startswith("buttons["):
            if name.endswith(".label"):
                url = texts.get(name.replace(".label", ".url"), "")
                piece_line = _line(tpl, name)
                buttons.append(Button(label=text.strip(), url=url.strip(), line=piece_line))
                lines.setdefault("buttons", piece_line)
            continue
        updates[name] = text.strip()
        lines[name] = _line(tpl, name)
    if buttons:
        updates["buttons"] = buttons
    if updates:
        supplied = set(updates)
        updates["lines"] = lines
        updates["missing"] = [m for m in draft.missing if m not in supplied]
        extra = "\n".join(t for n, t in texts.items() if n != "body")
        updates["raw"] = f"{body or ''}\n{extra}" if body is not None else extra
        draft = draft.model_copy(update=updates)
    return draft


def _line(tpl: Template, name: str) -> int:
    key = name.split("[")[0]
    if name.startswith("buttons["):
        index = int(name[8:name.index("]")])
        items = tpl.item_lines.get(key, [])
        if index < len(items):
            return items[index]
    return tpl.multiline.get(key) or tpl.line_of(key)


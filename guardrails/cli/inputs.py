"""Finding message files, deciding their channel, and reading them safely as text."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

from guardrails.errors import ConfigurationError, InputError

__all__ = ["MESSAGE_SUFFIXES", "channel_from_name", "discover", "has_channel_header", "read_text"]

MESSAGE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".toml")
_NAME_CHANNELS = {
    "email": "email", "mail": "email", "sms": "sms", "text": "sms", "slack": "slack_dm",
    "slack_dm": "slack_dm", "slack-dm": "slack_dm", "slack_channel": "slack_channel",
    "slack-channel": "slack_channel", "push": "push", "in_app": "in_app", "in-app": "in_app",
    "inapp": "in_app",
}
MAX_BYTES = 5 * 1024 * 1024
"""Larger files are refused (exit 2): no channel's message comes near it (mail clients clip
HTML at ~100 KB), and checking time must stay bounded for pre-commit and CI."""


def channel_from_name(path: Path) -> str | None:
    """``welcome.email.md`` → ``email``; ``remind.sms.txt`` → ``sms``; otherwise None."""
    parts = path.name.lower().split(".")
    for part in reversed(parts[1:-1]):
        if part in _NAME_CHANNELS:
            return _NAME_CHANNELS[part]
    return None


_FRONT_MATTER_CHANNEL = re.compile(
    r"\A(---|\+\+\+)[ \t]*\r?\n(?:(?!(?:---|\+\+\+)[ \t]*\r?$)[^\n]*\n){0,60}?"
    r"[ \t]*channel[ \t]*[:=]", re.MULTILINE)
_STRUCTURED_CHANNEL = {".json": re.compile(r'"channel"\s*:'),
                       ".toml": re.compile(r"^[ \t]*channel[ \t]*=", re.MULTILINE)}


def has_channel_header(path: Path) -> bool:
    """True when the file names its channel itself: front matter, or a top-level ``channel``
    key in a .json/.toml file (parsed: a nested ``channel`` does not count)."""
    suffix = path.suffix.lower()
    try:
        with path.open("rb") as handle:
            head = handle.read(65536 if suffix in (".json", ".toml") else 4096)
    except OSError:
        return False
    text = head.decode("utf-8", "replace")
    if suffix in (".json", ".toml"):
        if _STRUCTURED_CHANNEL[suffix].search(text) is None or len(head) == 65536:
            return False
        try:
            if suffix == ".json":
                import json

                data = json.loads(text)
            else:
                import tomllib

                data = tomllib.loads(text)
        except ValueError:  # JSONDecodeError and TOMLDecodeError are ValueErrors
            return False
        return isinstance(data, dict) and isinstance(data.get("channel"), str)
    return _FRONT_MATTER_CHANNEL.match(text) is not None


def discover(paths: list[str], *, any_name: bool,
             include: Callable[[Path], bool] | None = None) -> list[Path]:
    """Files to check: given files as-is, folders searched for message files (hidden skipped).

    In folders, a file is taken when its name carries a channel, ``include(path)`` says so
    (a [tool.guardrails.channels] glob, front matter with a channel), or ``any_name``.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_file() or raw == "-":
            found.append(path)
            continue
        if not path.exists():
            raise ConfigurationError(f"{raw}: no such file or directory")
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
            for name in sorted(files):
                candidate = Path(root) / name
                if name.startswith(".") or candidate.suffix.lower() not in MESSAGE_SUFFIXES:
                    continue
                if any_name or channel_from_name(candidate) or (include and include(candidate)):
                    found.append(candidate)
    return found


def read_text(path: Path) -> str:
    """The file as text; binary or non-UTF-8 content is an InputError with one clear line."""
    try:
        if str(path) == "-":
            import sys

            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            with path.open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise InputError(f"{path}: larger than {MAX_BYTES // (1024 * 1024)} MB; not a message")
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file (NUL bytes); expected UTF-8 text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None
    return text.removeprefix("\ufeff")

"""``format``: markup the channel's format does not allow (email allowlist, plain, Slack mrkdwn)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Literal

import regex

from guardrails.engine.base import Hit, Params, Runner, RunState
from guardrails.formats import email_format

if TYPE_CHECKING:
    from guardrails.analyze import Message
    from guardrails.context import Context
    from guardrails.formats.slack import SlackProblem

__all__ = ["FormatParams", "compile_format", "markup_in_plain_text"]

_HTML_TAG = regex.compile(r"</?[a-zA-Z][a-zA-Z0-9]{0,15}(?:\s[^<>]{0,500})?/?>|&(?:nbsp|amp|lt|gt|quot|#\d{1,6});")
_MARKDOWN = regex.compile(
    r"\*\*[^*\n]{1,300}\*\*|__[^_\n]{1,300}__|!?\[[^\]\n]{1,300}\]\([^)\s]{1,2000}\)"
    r"|^[ \t]{0,3}#{1,6}[ \t]+\S|^```|(?<![\w*])\*[^*\s\n](?:[^*\n]{0,200}[^*\s])?\*(?![\w*])"
    r"|(?<!\w)~~[^~\n]{1,300}~~",
    regex.MULTILINE,
)


class FormatParams(Params):
    format: Literal["email_html", "plain", "mrkdwn"]


def markup_in_plain_text(text: str) -> list[str]:
    """HTML tags/entities and markdown constructs found in text that must be plain."""
    found: list[str] = []
    if "<" in text or "&" in text:
        found.extend(m.group() for m in _HTML_TAG.finditer(text))
    if any(c in text for c in "*_[#`~"):
        found.extend(m.group() for m in _MARKDOWN.finditer(text))
    return found


@functools.cache
def _slack_format_problems() -> Callable[[str], list[SlackProblem]]:
    """``formats.slack.slack_format_problems``, imported on first use (not per call: ~0.7 µs)."""
    from guardrails.formats.slack import slack_format_problems

    return slack_format_problems


def compile_format(params: Params) -> Runner:
    assert isinstance(params, FormatParams)
    fmt = params.format

    def run(message: Message, context: Context, state: RunState,
            fields: tuple[str, ...]) -> Iterator[Hit]:
        for name in fields:
            raw = message.fields[name].raw
            if fmt == "plain":
                found = markup_in_plain_text(raw)
                if found:
                    shown = ", ".join(dict.fromkeys(f[:40] for f in found[:3]))
                    yield Hit(name, detail=shown, evidence=found[0][:80],
                              offset=raw.find(found[0]))
            elif fmt == "mrkdwn":
                for problem in _slack_format_problems()(raw):
                    yield Hit(name, detail=f"{problem.kind.replace('_', ' ')} {problem.snippet[:40]!r}",
                              evidence=problem.snippet[:80], offset=problem.offset)
            else:
                policy = message.profile.html
                if policy is None:
                    continue
                email = email_format()
                if email.only_allowed_markup(raw, policy):
                    continue  # most bodies: proven clean without running the sanitizer
                # Link targets are judged by the URL rules (constraint 5), not here.
                found = [f for f in email.disallowed_markup(raw, policy)
                         if not f.endswith("<a href>")]
                if found:
                    yield Hit(name, detail=", ".join(found[:5]), evidence=found[0])

    return run

"""The public functions: check, parse, convert, sms_info (re-exported from ``guardrails``)."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from guardrails.context import Context
from guardrails.errors import ConfigurationError
from guardrails.models import Draft, normalize_channel

if TYPE_CHECKING:
    from guardrails.engine.pack import RulePack
    from guardrails.formats.sms import SmsInfo
    from guardrails.report import Report

__all__ = ["Checker", "check", "convert", "parse", "sms_info", "to_context"]


def to_context(context: Context | Mapping[str, Any] | None) -> Context:
    """A Context from a Context, a dict (its JSON form) or None; a bad dict is a ConfigurationError."""
    if context is None:
        return Context()
    if isinstance(context, Context):
        return context
    try:
        return Context.model_validate(dict(context))
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'context'}: {err['msg']}"
            for err in exc.errors()
        )
        raise ConfigurationError(f"invalid context: {problems}") from None


def parse(raw: str, channel: str = "email") -> Draft:
    """Parse a raw LLM output into the channel's draft model. Never raises on content."""
    from guardrails.parser import parse_output

    return parse_output(raw, normalize_channel(channel))


class Checker:
    """A configured checker: rule packs compiled once, reusable across threads."""

    def __init__(self, *, rules: Sequence[str | Path] = (), select: Sequence[str] | None = None,
                 ignore: Sequence[str] | None = None, builtin: bool = True) -> None:
        from guardrails.engine.pack import builtin_pack, load_pack, merge_packs, select_rules

        packs = [builtin_pack()] if builtin else []
        packs.extend(load_pack(path) for path in rules)
        self._use(select_rules(merge_packs(packs, "active"), select, ignore))

    @classmethod
    def from_pack(cls, pack: RulePack) -> Checker:
        """A checker running exactly ``pack`` (already loaded and selected)."""
        checker = cls.__new__(cls)
        checker._use(pack)
        return checker

    def _use(self, pack: RulePack) -> None:
        self.pack: RulePack = pack
        # Imported here, once, rather than in check(): an import statement costs ~1 µs a call.
        from guardrails.analyze import analyze
        from guardrails.engine.run import run_pack
        from guardrails.parser import parse_output

        self._steps = (parse_output, analyze, run_pack)

    def check(self, output: str | Draft, channel: str | None = None,
              context: Context | Mapping[str, Any] | None = None) -> Report:
        """Check one message; bad content gives violations, never an exception."""
        parse_output, analyze, run_pack = self._steps
        ctx = to_context(context)
        if isinstance(output, Draft):
            draft = output
            if channel is not None and normalize_channel(channel) != draft.channel:
                draft = draft.model_copy(update={"channel": normalize_channel(channel)})
        else:
            if not isinstance(output, str):
                raise ConfigurationError(
                    f"check() takes the raw output as str or a Draft, not {type(output).__name__}"
                )
            draft = parse_output(output, normalize_channel(channel or "email"))
        return run_pack(analyze(draft), ctx, self.pack)


@functools.cache
def _default_checker() -> Checker:
    return Checker()


def check(output: str | Draft, channel: str | None = None,
          context: Context | Mapping[str, Any] | None = None, *,
          rules: Sequence[str | Path] = (), select: Sequence[str] | None = None,
          ignore: Sequence[str] | None = None) -> Report:
    """Is ``output`` safe to send on ``channel`` given ``context``? Returns a Report.

    ``output`` is the raw LLM text or a parsed Draft (its channel wins when ``channel`` is None).
    """
    if rules or select or ignore:
        checker = Checker(rules=rules, select=select, ignore=ignore)
    else:
        checker = _default_checker()
    return checker.check(output, channel, context)


def convert(text: str, to: str, *, source: str | None = None, **options: Any) -> str:
    """Convert markdown/HTML/plain text to a channel format (email, text, sms, slack, push)."""
    from guardrails.formats.convert import convert_text

    return convert_text(text, to=to, source=source, **options)


def sms_info(text: str) -> SmsInfo:
    """Encoding (GSM-7/UCS-2), segments, units and characters of an SMS text."""
    from guardrails.formats.sms import sms_info as _sms_info

    return _sms_info(text)

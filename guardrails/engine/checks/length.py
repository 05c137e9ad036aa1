"""``max_length``: a field's length in one unit against a limit (from params or channel profile)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from guardrails.engine.base import Hit, Params, Runner, RunState
from guardrails.formats.text import grapheme_count, word_count
from guardrails.profiles import Unit
from guardrails.report import Fix

if TYPE_CHECKING:
    from guardrails.analyze import Message
    from guardrails.context import Context

__all__ = ["MaxLengthParams", "compile_max_length", "measure"]

_UNIT_NAMES = {"chars": "characters", "graphemes": "characters", "words": "words",
               "bytes": "bytes", "sms_segments": "segments"}


class MaxLengthParams(Params):
    unit: Unit
    max: int | None = Field(default=None, ge=0)
    """Limit; omitted → the channel profile's limit for the field (button policy for labels)."""
    min: int | None = Field(default=None, ge=0)


def measure(text: str, unit: Unit) -> int:
    """Length of ``text`` in ``unit``."""
    if unit == "chars":
        return len(text)
    if unit == "graphemes":
        return grapheme_count(text)
    if unit == "words":
        return word_count(text)
    if unit == "bytes":
        return len(text.encode("utf-8", "surrogatepass"))
    return _segment_count()(text)


@functools.cache
def _segment_count() -> Callable[[str], int]:
    """``formats.sms.segment_count``, imported on first use (not per call: ~1 µs each)."""
    from guardrails.formats.sms import segment_count

    return segment_count


def _limits(message: Message, field: str, p: MaxLengthParams) -> tuple[int | None, int | None]:
    if field.startswith("buttons["):
        policy = message.profile.buttons
        if policy is None or p.unit != "words":
            return p.min, p.max
        return (p.min if p.min is not None else policy.min_words,
                p.max if p.max is not None else policy.max_words)
    if p.max is not None:
        return p.min, p.max
    limit = message.profile.limit(field, p.unit)
    return p.min, (limit.max if limit is not None else None)


def _sms_detail(text: str, n: int, limit: int, unit: Unit) -> str:
    from guardrails.formats.sms import sms_info

    info = sms_info(text)
    if info.encoding == "GSM-7":
        return f"{n} {_UNIT_NAMES[unit]} (limit {limit})"
    chars = ", ".join(repr(c) for c in info.forcing_ucs2[:3])
    return (f"{n} {_UNIT_NAMES[unit]} (limit {limit}); {chars} forces UCS-2, where one "
            f"segment holds 70 characters, not 160: {info.chars} characters need "
            f"{info.segments} segments")


def _transliteration_fix(field: str, text: str, limit: int) -> Fix | None:
    """Offer GSM-7 transliteration when smart quotes/dashes alone push the SMS over the limit."""
    from guardrails.formats.sms import sms_info, transliterate

    if sms_info(transliterate(text)).segments <= limit:
        return Fix(field=field, derive="sms_transliterate",
                   description="replaced characters that forced UCS-2 with GSM-7 equivalents")
    return None


def compile_max_length(params: Params) -> Runner:
    assert isinstance(params, MaxLengthParams)
    p = params

    def run(message: Message, context: Context, state: RunState,
            fields: tuple[str, ...]) -> Iterator[Hit]:
        for name in fields:
            text = message.fields[name].raw
            low, high = _limits(message, name, p)
            if high is None and low is None:
                continue
            n = measure(text, p.unit)
            if high is not None and n > high:
                fix = None
                if message.channel == "sms" and p.unit in ("chars", "sms_segments"):
                    detail = _sms_detail(text, n, high, p.unit)
                    if p.unit == "sms_segments":
                        fix = _transliteration_fix(name, text, high)
                else:
                    detail = f"{n} {_UNIT_NAMES[p.unit]} (limit {high})"
                yield Hit(name, detail=detail, evidence=text[:80], fix=fix)
            elif low is not None and n < low:
                yield Hit(name, detail=f"{n} {_UNIT_NAMES[p.unit]} (minimum {low})",
                          evidence=text[:80])

    return run

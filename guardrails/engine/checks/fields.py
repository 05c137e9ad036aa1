"""``fields_present``: fields the channel needs (subject, text fallback, push title...)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from guardrails.engine.base import Hit, Params, Runner, RunState
from guardrails.report import Fix

if TYPE_CHECKING:
    from guardrails.analyze import Message
    from guardrails.context import Context

__all__ = ["FieldsParams", "compile_fields_present"]


class FieldsParams(Params):
    require: tuple[str, ...]
    """Field names that must be present and non-empty."""
    fix: Literal["text_fallback"] | None = None
    """A safe auto-fix for a missing field (``text_fallback``: derive it from the HTML body)."""


def compile_fields_present(params: Params) -> Runner:
    assert isinstance(params, FieldsParams)
    p = params

    def run(message: Message, context: Context, state: RunState,
            fields: tuple[str, ...]) -> Iterator[Hit]:
        for name in p.require:
            view = message.fields.get(name)
            if view is not None and view.raw.strip():
                continue
            fix = None
            if p.fix == "text_fallback" and "body_html" in message.fields:
                fix = Fix(field=name, derive="text_fallback",
                          description=f"generated {name} from body_html")
            yield Hit(name, detail=f"no {name} field", fix=fix)

    return run

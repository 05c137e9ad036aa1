"""Which message fields a rule looks at: rule ``fields`` names resolved against one message."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from guardrails.analyze import Message

__all__ = ["resolve_fields", "resolve_layout"]


def resolve_fields(message: Message, wanted: tuple[str, ...]) -> tuple[str, ...]:
    """Expand ``body`` (channel body fields), ``buttons`` (labels) and ``*`` (all) for ``message``."""
    return resolve_layout(tuple(message.fields), message.profile.body_fields, wanted)


@functools.lru_cache(maxsize=4096)
def resolve_layout(present: tuple[str, ...], body_fields: tuple[str, ...],
             wanted: tuple[str, ...]) -> tuple[str, ...]:
    """``wanted`` against a field layout (memoized: messages share a handful of layouts)."""
    if not wanted or "*" in wanted:
        return present
    out: list[str] = []
    for name in wanted:
        if name == "body":
            out.extend(f for f in body_fields if f in present)
        elif name == "buttons":
            out.extend(f for f in present if f.startswith("buttons["))
        elif name in present:
            out.append(name)
    return tuple(dict.fromkeys(out))

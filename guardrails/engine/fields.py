"""Which message fields a rule looks at: rule ``fields`` names resolved against one message."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from guardrails.analyze import Message

__all__ = ["resolve_fields"]


def resolve_fields(message: Message, wanted: tuple[str, ...]) -> tuple[str, ...]:
    """Expand ``body`` (channel body fields), ``buttons`` (labels) and ``*`` (all) for ``message``."""
    present = message.fields
    if not wanted or "*" in wanted:
        return tuple(present)
    out: list[str] = []
    for name in wanted:
        if name == "body":
            out.extend(f for f in message.profile.body_fields if f in present)
        elif name == "buttons":
            out.extend(f for f in present if f.startswith("buttons["))
        elif name in present:
            out.append(name)
    return tuple(dict.fromkeys(out))

"""Which message fields a rule looks at: rule ``fields`` names resolved against one message."""

from __future__ import annotations

__all__ = ["resolve_layout"]


def resolve_layout(present: tuple[str, ...], body_fields: tuple[str, ...],
                   wanted: tuple[str, ...]) -> tuple[str, ...]:
    """Expand ``body`` (channel body fields), ``buttons`` (labels) and ``*`` (all) against a
    message's field names (``RulePack.plan`` resolves each layout once and keeps the result)."""
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

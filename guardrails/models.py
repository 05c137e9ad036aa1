"""Parsed message drafts: the typed fields a raw LLM output is reduced to.

Every draft keeps where each field started in the raw text (1-based line) so
reports can point at `file:line`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "Button",
    "Draft",
    "EmailDraft",
    "HtmlPolicy",
    "InAppDraft",
    "PushDraft",
    "ReviewMarker",
    "SlackDraft",
    "SmsDraft",
    "trusted_draft",
]

ChannelName = Literal["email", "sms", "slack_dm", "slack_channel", "push", "in_app"]


class HtmlPolicy(BaseModel):
    """The HTML allowlist of an email body."""

    model_config = ConfigDict(defer_build=True, extra="forbid", frozen=True)

    allowed_tags: frozenset[str]
    allowed_attributes: dict[str, frozenset[str]] = Field(default_factory=dict)
    url_schemes: frozenset[str] = frozenset({"https"})


class Button(BaseModel):
    """A push / in-app call-to-action button."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    label: str
    url: str = ""
    line: int | None = None


class ReviewMarker(BaseModel):
    """What the output itself says about human review (SENSITIVE:, REVIEW:, needs_review)."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    source: str
    """The label or key the marker came from, e.g. ``SENSITIVE`` or ``needs_review``."""
    value: str
    """The raw value as written (``"YES pricing"``, ``"false"``, ``"none"``)."""
    needs_review: bool | None
    """True when it asks for review, False when it claims none is needed, None if unclear."""
    line: int | None = None


class Draft(BaseModel):
    """Fields common to every channel's parsed output."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    channel: str
    raw: str = ""
    lines: dict[str, int] = Field(default_factory=dict)
    """1-based line in ``raw`` where each found field's value starts."""
    missing: list[str] = Field(default_factory=list)
    """Expected fields the parser could not find."""
    channel_notes: str | None = None
    review_markers: list[ReviewMarker] = Field(default_factory=list)
    extra_labels: dict[str, str] = Field(default_factory=dict)
    """Other labelled metadata (NOTES:, REVIEW: ...) that is not message text."""
    structure_ok: bool = True
    """False when nothing message-like could be found in the output."""

    def text_fields(self) -> dict[str, str]:
        """Every message field the recipient sees, as ``name -> value`` (missing ones left out)."""
        raise NotImplementedError

    @property
    def sensitive(self) -> ReviewMarker | None:
        """The model's own ``SENSITIVE: YES <reason>`` marker, if present."""
        for marker in self.review_markers:
            if marker.source.lower() == "sensitive":
                return marker
        return None


class EmailDraft(Draft):
    channel: str = "email"
    subject: str | None = None
    preheader: str | None = None
    body_html: str | None = None
    body_text: str | None = None

    def text_fields(self) -> dict[str, str]:
        out = {"subject": self.subject, "preheader": self.preheader,
               "body_html": self.body_html, "body_text": self.body_text}
        return {k: v for k, v in out.items() if v is not None}


class SmsDraft(Draft):
    channel: str = "sms"
    text: str | None = None

    def text_fields(self) -> dict[str, str]:
        return {} if self.text is None else {"text": self.text}


class SlackDraft(Draft):
    channel: str = "slack_dm"
    text: str | None = None

    def text_fields(self) -> dict[str, str]:
        return {} if self.text is None else {"text": self.text}


class PushDraft(Draft):
    channel: str = "push"
    title: str | None = None
    body: str | None = None
    buttons: list[Button] = Field(default_factory=list)

    def text_fields(self) -> dict[str, str]:
        out: dict[str, str] = {}
        if self.title is not None:
            out["title"] = self.title
        if self.body is not None:
            out["body"] = self.body
        for i, button in enumerate(self.buttons):
            out[f"buttons[{i}].label"] = button.label
        return out


class InAppDraft(PushDraft):
    channel: str = "in_app"


DRAFT_TYPES: dict[str, type[Draft]] = {
    "email": EmailDraft,
    "sms": SmsDraft,
    "slack_dm": SlackDraft,
    "slack_channel": SlackDraft,
    "push": PushDraft,
    "in_app": InAppDraft,
}

CHANNELS: tuple[str, ...] = tuple(DRAFT_TYPES)
_ALIASES = {"slack": "slack_dm", "inapp": "in_app", "in-app": "in_app", "slack-dm": "slack_dm",
            "slack-channel": "slack_channel", "text": "sms", "mail": "email"}


def normalize_channel(name: str) -> str:
    """Return the canonical channel name (``slack`` → ``slack_dm``) or raise ConfigurationError."""
    if name in DRAFT_TYPES:
        return name  # already canonical (every check passes one): no import, no copies
    from guardrails.errors import ConfigurationError

    key = name.strip().lower()
    key = _ALIASES.get(key, key)
    if key not in DRAFT_TYPES:
        raise ConfigurationError(
            f"unknown channel {name!r}; expected one of: {', '.join(CHANNELS)} (or 'slack')"
        )
    return key


_IMMUTABLE = (type(None), str, bool, int, float, tuple, frozenset)
_Layout = tuple[tuple[str, object, "Callable[[], object] | None"], ...]
_LAYOUTS: dict[type[Draft], _Layout | None] = {}


def _layout(cls: type[Draft]) -> _Layout | None:
    """(name, default, default factory) of each field of ``cls`` in declaration order, or None
    when a field's default needs pydantic (a mutable default, a factory reading other fields)
    or the class has private attributes or a post-init hook."""
    if cls in _LAYOUTS:
        return _LAYOUTS[cls]
    rows: list[tuple[str, object, Callable[[], object] | None]] = []
    plain = not cls.__private_attributes__ and not cls.__pydantic_post_init__
    for name, info in cls.model_fields.items():
        factory = info.default_factory
        if factory is None:
            plain = plain and isinstance(info.default, _IMMUTABLE)
        elif getattr(info, "default_factory_takes_validated_data", False):
            plain = False
        rows.append((name, info.default, factory))  # type: ignore[arg-type]
    layout = _LAYOUTS[cls] = tuple(rows) if plain else None  # same from any thread
    return layout


def trusted_draft(cls: type[Draft], values: dict[str, object]) -> Draft:
    """``cls.model_construct(**values)`` for values already of their declared types, at about a
    quarter of its cost (the parser builds one per message; a test compares the two)."""
    layout = _layout(cls)
    if layout is None:
        return cls.model_construct(**values)  # type: ignore[arg-type]
    data = {}
    for name, default, factory in layout:
        if name in values:
            data[name] = values[name]
        else:
            data[name] = factory() if factory is not None else default
    draft = cls.__new__(cls)
    object.__setattr__(draft, "__dict__", data)
    object.__setattr__(draft, "__pydantic_fields_set__", set(values))
    object.__setattr__(draft, "__pydantic_extra__", None)
    object.__setattr__(draft, "__pydantic_private__", None)
    return draft

"""Channel profiles: every limit and format fact of a channel, loaded from ``channels/*.toml``."""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from guardrails.errors import ConfigurationError
from guardrails.models import HtmlPolicy, normalize_channel

__all__ = ["ButtonPolicy", "ChannelProfile", "FieldLimit", "HtmlPolicy", "data_dir", "profile"]

Unit = Literal["chars", "graphemes", "words", "bytes", "sms_segments"]
FieldFormat = Literal["plain", "html", "mrkdwn"]


class FieldLimit(BaseModel):
    """One length limit on one field, in one unit."""

    model_config = ConfigDict(defer_build=True, extra="forbid", frozen=True)

    field: str
    max: int = Field(ge=0)
    unit: Unit
    level: Literal["error", "warning"] = "error"


class ButtonPolicy(BaseModel):
    """How many buttons a message may carry and how many words a label needs."""

    model_config = ConfigDict(defer_build=True, extra="forbid", frozen=True)

    min_words: int = Field(ge=0)
    max_words: int = Field(ge=1)
    max_buttons: int = Field(ge=0)


class ChannelProfile(BaseModel):
    """Everything the engine and converters know about one channel."""

    model_config = ConfigDict(defer_build=True, extra="forbid", frozen=True)

    name: str
    description: str
    aliases: tuple[str, ...] = ()
    main_field: str
    fields: tuple[str, ...]
    required: tuple[str, ...]
    body_fields: tuple[str, ...]
    plain_fields: tuple[str, ...]
    formats: dict[str, FieldFormat]
    limits: tuple[FieldLimit, ...] = ()
    html: HtmlPolicy | None = None
    buttons: ButtonPolicy | None = None

    def limit(self, field: str, unit: Unit) -> FieldLimit | None:
        """The limit on ``field`` in ``unit``, if the channel has one."""
        for lim in self.limits:
            if lim.field == field and lim.unit == unit:
                return lim
        return None


def data_dir(name: str) -> Path:
    """Directory of bundled data (``channels`` or ``rules``).

    An installed wheel carries it inside the package (``guardrails/<name>``); an editable
    checkout keeps it at the repository root. Both are found the same way, package first.
    """
    package = Path(__file__).resolve().parent
    for candidate in (package / name, package.parent / name):
        if candidate.is_dir():
            return candidate
    raise ConfigurationError(f"bundled data folder {name!r} not found next to {package}")


@functools.cache
def _all_profiles() -> dict[str, ChannelProfile]:
    profiles: dict[str, ChannelProfile] = {}
    for path in sorted(data_dir("channels").glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigurationError(f"{path}: invalid TOML: {exc}") from exc
        for name, table in data.items():
            try:
                profiles[name] = ChannelProfile(name=name, **table)
            except ValidationError as exc:
                raise ConfigurationError(f"{path}: channel {name!r}: {exc}") from exc
    return profiles


def profile(channel: str) -> ChannelProfile:
    """The profile of ``channel`` (aliases such as ``slack`` accepted)."""
    name = normalize_channel(channel)
    try:
        return _all_profiles()[name]
    except KeyError:
        raise ConfigurationError(f"no channel profile for {name!r} in channels/*.toml") from None

"""Channel formats: counting, sanitizing and converting text for email, SMS, Slack, push."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types import ModuleType

__all__ = ["email_format"]


@functools.cache
def email_format() -> ModuleType:
    """:mod:`guardrails.formats.email` (lxml, nh3), imported when first needed: a check of a
    message without HTML never loads it, and a cached call costs ~0.1 µs where an import
    statement in a hot function costs ~0.7."""
    from guardrails.formats import email

    return email

"""Exceptions raised by personize-guardrails.

Bad *message content* never raises: it becomes a violation in a `Report`.
Exceptions are for bad *configuration* or misuse::

    GuardrailsError
    ├── ConfigurationError     bad argument, channel, context or project config
    │   └── RulePackError      a rule pack that does not load (names file, rule, key)
    ├── InputError             a file the CLI cannot read as text
    └── PersonizeError         a failure talking to Personize (tree in guardrails/personize/errors.py)
"""

from __future__ import annotations

__all__ = ["ConfigurationError", "GuardrailsError", "InputError", "RulePackError"]


class GuardrailsError(Exception):
    """Root of every exception this package raises on purpose."""


class ConfigurationError(GuardrailsError, ValueError):
    """Raised when an argument, channel name, context or config file is invalid."""


class RulePackError(ConfigurationError):
    """Raised when a rule pack fails to load; the message lists every problem with its location."""

    def __init__(self, message: str, *, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems: list[str] = problems or [message]


class InputError(GuardrailsError):
    """Raised when an input file cannot be read (missing, binary, not UTF-8)."""

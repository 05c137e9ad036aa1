"""personize-guardrails: is this AI-generated message safe to send on its channel?

The public surface is re-exported here and imported lazily, so ``guardrails`` on the
command line starts fast and pays for HTML machinery only when a message needs it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    "Button": "guardrails.models",
    "Checker": "guardrails.api",
    "Context": "guardrails.context",
    "Governance": "guardrails.context",
    "Report": "guardrails.report",
    "ReviewFlag": "guardrails.report",
    "Violation": "guardrails.report",
    "check": "guardrails.api",
    "ConfigurationError": "guardrails.errors",
    "Draft": "guardrails.models",
    "EmailDraft": "guardrails.models",
    "GuardrailsError": "guardrails.errors",
    "InAppDraft": "guardrails.models",
    "InputError": "guardrails.errors",
    "PushDraft": "guardrails.models",
    "RulePackError": "guardrails.errors",
    "SlackDraft": "guardrails.models",
    "SmsDraft": "guardrails.models",
    "convert": "guardrails.api",
    "parse": "guardrails.api",
    "sms_info": "guardrails.api",
}

__all__ = sorted([*_EXPORTS, "__version__"])

if TYPE_CHECKING:
    from guardrails.api import Checker, check, convert, parse, sms_info
    from guardrails.context import Context, Governance
    from guardrails.errors import ConfigurationError, GuardrailsError, InputError, RulePackError
    from guardrails.models import (
        Button,
        Draft,
        EmailDraft,
        InAppDraft,
        PushDraft,
        SlackDraft,
        SmsDraft,
    )
    from guardrails.report import Report, ReviewFlag, Violation


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'guardrails' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__

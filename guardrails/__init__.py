"""personize-guardrails: is this AI-generated message safe to send on its channel?

The public surface is re-exported here and imported lazily, so ``guardrails`` on the
command line starts fast and pays for HTML machinery only when a message needs it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    "AsyncPersonize": "guardrails.personize",
    "Button": "guardrails.models",
    "Checker": "guardrails.api",
    "ConfigurationError": "guardrails.errors",
    "Context": "guardrails.context",
    "Draft": "guardrails.models",
    "EmailDraft": "guardrails.models",
    "GenerationResult": "guardrails.personize",
    "Governance": "guardrails.context",
    "GuardrailsError": "guardrails.errors",
    "InAppDraft": "guardrails.models",
    "InputError": "guardrails.errors",
    "Personize": "guardrails.personize",
    "PersonizeError": "guardrails.personize.errors",
    "PushDraft": "guardrails.models",
    "Report": "guardrails.report",
    "ReviewFlag": "guardrails.report",
    "RulePackError": "guardrails.errors",
    "SlackDraft": "guardrails.models",
    "SmsDraft": "guardrails.models",
    "Violation": "guardrails.report",
    "check": "guardrails.api",
    "convert": "guardrails.api",
    "parse": "guardrails.api",
    "sms_info": "guardrails.api",
}

__all__ = [
    "AsyncPersonize", "Button", "Checker", "ConfigurationError", "Context", "Draft", "EmailDraft",
    "GenerationResult", "Governance", "GuardrailsError", "InAppDraft", "InputError", "Personize",
    "PersonizeError", "PushDraft", "Report", "ReviewFlag", "RulePackError", "SlackDraft",
    "SmsDraft", "Violation", "__version__", "check", "convert", "parse", "sms_info",
]

if TYPE_CHECKING:
    from guardrails.api import Checker as Checker
    from guardrails.api import check as check
    from guardrails.api import convert as convert
    from guardrails.api import parse as parse
    from guardrails.api import sms_info as sms_info
    from guardrails.context import Context as Context
    from guardrails.context import Governance as Governance
    from guardrails.errors import ConfigurationError as ConfigurationError
    from guardrails.errors import GuardrailsError as GuardrailsError
    from guardrails.errors import InputError as InputError
    from guardrails.errors import RulePackError as RulePackError
    from guardrails.models import Button as Button
    from guardrails.models import Draft as Draft
    from guardrails.models import EmailDraft as EmailDraft
    from guardrails.models import InAppDraft as InAppDraft
    from guardrails.models import PushDraft as PushDraft
    from guardrails.models import SlackDraft as SlackDraft
    from guardrails.models import SmsDraft as SmsDraft
    from guardrails.personize import AsyncPersonize as AsyncPersonize
    from guardrails.personize import GenerationResult as GenerationResult
    from guardrails.personize import Personize as Personize
    from guardrails.personize.errors import PersonizeError as PersonizeError
    from guardrails.report import Report as Report
    from guardrails.report import ReviewFlag as ReviewFlag
    from guardrails.report import Violation as Violation


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'guardrails' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__

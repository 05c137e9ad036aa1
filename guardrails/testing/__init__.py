"""Testing toolkit: assertion helpers, hypothesis strategies and a pytest plugin.

``assert_sendable`` and ``assert_within_limits`` need neither hypothesis nor pytest; the
strategies live in :mod:`guardrails.testing.strategies` (needs hypothesis), the plugin in
:mod:`guardrails.testing.plugin` (loaded by pytest through the ``pytest11`` entry point).
Exports load on first use, so importing this package costs almost nothing.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_EXPORTS: dict[str, str] = {
    "GuardrailsCheck": "guardrails.testing.fixture",
    "NotSendableError": "guardrails.testing.assertions",
    "ProjectConfig": "guardrails.testing.fixture",
    "STYLES": "guardrails.testing.outputs",
    "assert_sendable": "guardrails.testing.assertions",
    "assert_within_limits": "guardrails.testing.assertions",
    "render_output": "guardrails.testing.outputs",
}

__all__ = [
    "STYLES", "GuardrailsCheck", "NotSendableError", "ProjectConfig", "assert_sendable",
    "assert_within_limits", "render_output",
]

if TYPE_CHECKING:
    from guardrails.testing.assertions import NotSendableError as NotSendableError
    from guardrails.testing.assertions import assert_sendable as assert_sendable
    from guardrails.testing.assertions import assert_within_limits as assert_within_limits
    from guardrails.testing.fixture import GuardrailsCheck as GuardrailsCheck
    from guardrails.testing.fixture import ProjectConfig as ProjectConfig
    from guardrails.testing.outputs import STYLES as STYLES
    from guardrails.testing.outputs import render_output as render_output


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'guardrails.testing' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__

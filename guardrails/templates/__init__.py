"""Message templates with merge tags: read, render worst and best case, check, suppress.

``load_template(text, suffix)`` splits a file (front matter, ``.json``/``.toml`` fields, or a
labelled body); ``check_template(template, channel, checker, context, settings)`` checks it
through the public ``Checker``. Submodules load on first use (the CLI's cold start matters).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from guardrails.templates.check import check_template
    from guardrails.templates.rules import TEMPLATE_RULES, TemplateRule
    from guardrails.templates.source import Template, load_template
    from guardrails.templates.variables import TemplateSettings, Variable

__all__ = [
    "TEMPLATE_RULES", "Template", "TemplateRule", "TemplateSettings", "Variable",
    "check_template", "load_template",
]

_HOMES = {
    "TEMPLATE_RULES": "rules", "TemplateRule": "rules", "Template": "source",
    "load_template": "source", "TemplateSettings": "variables", "check_template": "check",
    "Variable": "variables",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'guardrails.templates' has no attribute {name!r}")
    return getattr(importlib.import_module(f"guardrails.templates.{home}"), name)

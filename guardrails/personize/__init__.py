"""Personize client and ``generate()``: every generation checked before anyone sends it.

``Personize`` (sync) and ``AsyncPersonize`` (async) share one surface: ``me``,
``smart_guidelines``, ``smart_digest``, ``prompt``, ``memorize``, ``limit_rate`` and
``generate``. Errors are drawn in :mod:`guardrails.personize.errors`.
"""

from __future__ import annotations

from guardrails.personize._base import USE_CLIENT_DEFAULT
from guardrails.personize._models import (
    Account,
    CriterionScore,
    Digest,
    Evaluation,
    Guidelines,
    PromptResult,
)
from guardrails.personize._timing import RateLimiter
from guardrails.personize.async_client import AsyncPersonize
from guardrails.personize.client import Personize
from guardrails.personize.errors import (
    APIConnectionError,
    APIError,
    AuthenticationError,
    GenerationFailedError,
    MalformedResponseError,
    NotFoundError,
    PermissionDeniedError,
    PersonizeError,
    PersonizeTimeout,
    RateLimitError,
    ServerError,
    ValidationError,
)
from guardrails.personize.result import GenerationResult

__all__ = [
    "USE_CLIENT_DEFAULT",
    "APIConnectionError",
    "APIError",
    "Account",
    "AsyncPersonize",
    "AuthenticationError",
    "CriterionScore",
    "Digest",
    "Evaluation",
    "GenerationFailedError",
    "GenerationResult",
    "Guidelines",
    "MalformedResponseError",
    "NotFoundError",
    "PermissionDeniedError",
    "Personize",
    "PersonizeError",
    "PersonizeTimeout",
    "PromptResult",
    "RateLimitError",
    "RateLimiter",
    "ServerError",
    "ValidationError",
]

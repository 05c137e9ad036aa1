"""Exceptions raised by the Personize client. None of them ever shows the secret key::

    GuardrailsError
    └── PersonizeError                 anything that went wrong talking to Personize
        ├── APIConnectionError         no usable HTTP response (refused, DNS, reset)
        │   └── PersonizeTimeout       a request, poll or deadline ran out (a TimeoutError too)
        ├── MalformedResponseError     a 2xx whose body is not the documented JSON envelope
        ├── GenerationFailedError      an async run ended ``failed`` or ``failed_stale``
        └── APIError                   an error status, or success=false, from Personize
            ├── ValidationError        400: the request was rejected; see ``details``
            ├── AuthenticationError    401: the secret key is wrong, revoked or expired
            ├── PermissionDeniedError  403: the key's plan or role may not use this endpoint
            ├── NotFoundError          404: unknown path, event or record
            ├── RateLimitError         429: too many calls; ``retry_after`` says when to retry
            └── ServerError            5xx: Personize failed; retried automatically

A missing key is a :class:`guardrails.errors.ConfigurationError` raised at construction.
``ValidationError`` here is Personize's 400, not pydantic's.
"""

from __future__ import annotations

from typing import Any

from guardrails.errors import GuardrailsError

__all__ = [
    "APIConnectionError",
    "APIError",
    "AuthenticationError",
    "GenerationFailedError",
    "MalformedResponseError",
    "NotFoundError",
    "PermissionDeniedError",
    "PersonizeError",
    "PersonizeTimeout",
    "RateLimitError",
    "ServerError",
    "ValidationError",
]


class PersonizeError(GuardrailsError):
    """Root of every failure talking to Personize; ``generate()`` turns these into a fallback."""

    retryable: bool = False
    """True when the same request may succeed if sent again (the client retries these)."""

    def __init__(self, message: str, *, method: str | None = None, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.method = method
        self.path = path

    def __str__(self) -> str:
        where = f" ({self.method} {self.path})" if self.method and self.path else ""
        return f"{self.message}{where}"


class APIConnectionError(PersonizeError):
    """Raised when no HTTP response arrived: connection refused or reset, DNS, TLS, protocol."""

    retryable = True


class PersonizeTimeout(APIConnectionError, TimeoutError):
    """Raised when a request, an event poll or the whole call's deadline took too long."""

    def __init__(self, message: str, *, method: str | None = None, path: str | None = None,
                 retryable: bool = False) -> None:
        super().__init__(message, method=method, path=path)
        self.retryable = retryable


class MalformedResponseError(PersonizeError):
    """Raised when a successful response is not JSON or lacks the documented fields."""


class GenerationFailedError(PersonizeError):
    """Raised when an asynchronous prompt run (202 + eventId) ends ``failed``/``failed_stale``."""

    def __init__(self, message: str, *, event_id: str, status: str,
                 method: str | None = None, path: str | None = None) -> None:
        super().__init__(message, method=method, path=path)
        self.event_id = event_id
        self.status = status


class APIError(PersonizeError):
    """Raised when Personize answers with an error status, or ``success: false``."""

    def __init__(self, message: str, *, status_code: int, body: Any = None,
                 code: str | None = None, method: str | None = None,
                 path: str | None = None) -> None:
        super().__init__(message, method=method, path=path)
        self.status_code = status_code
        self.body = body
        self.code = code


class ValidationError(APIError):
    """Raised on 400: Personize rejected the request body; ``details`` lists what is wrong."""

    def __init__(self, message: str, *, details: Any = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.details = details


class AuthenticationError(APIError):
    """Raised on 401: check the secret key (``PERSONIZE_SECRET_KEY``)."""


class PermissionDeniedError(APIError):
    """Raised on 403: the key may not use this endpoint (plan, role or organization)."""


class NotFoundError(APIError):
    """Raised on 404: the path, event or record does not exist."""


class RateLimitError(APIError):
    """Raised on 429 once retries are used up; ``retry_after`` is the server's wait in seconds."""

    retryable = True

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class ServerError(APIError):
    """Raised on 5xx once retries are used up; Personize or a proxy in front of it failed."""

    retryable = True

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after

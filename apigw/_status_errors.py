"""The ``apigw.exceptions`` classes a request needs only on its way to some error answers: loaded on first use.

PERF: a class costs a cold start 10-15 µs to create, and apigw itself raises none of these on the way to an answer
(a handler raises ``ForbiddenError``; a body is found unreadable): ``apigw.exceptions`` hands them out on first
access, from here. Import them from ``apigw.exceptions`` (or ``apigw``); their ``__module__`` says so.
"""

from __future__ import annotations

import json

from .exceptions import BadRequestError, _DefaultMessageError

__all__ = [
    "UnauthorizedError",
    "ForbiddenError",
    "RequestTimeoutError",
    "RequestEntityTooLargeError",
    "TooManyRequestsError",
    "InternalServerError",
    "ServiceUnavailableError",
    "InvalidJSONBodyError",
    "InvalidBodyEncodingError",
]


class UnauthorizedError(_DefaultMessageError):
    """401 Unauthorized."""

    status, default_message = 401, "Unauthorized"


class ForbiddenError(_DefaultMessageError):
    """403 Forbidden."""

    status, default_message = 403, "Forbidden"


class RequestTimeoutError(_DefaultMessageError):
    """408 Request Timeout."""

    status, default_message = 408, "Request timeout"


class RequestEntityTooLargeError(_DefaultMessageError):
    """413 Content Too Large."""

    status, default_message = 413, "Request entity too large"


class TooManyRequestsError(_DefaultMessageError):
    """429 Too Many Requests."""

    status, default_message = 429, "Too many requests"


class InternalServerError(_DefaultMessageError):
    """500 Internal Server Error."""

    status, default_message = 500, "Internal server error"


class ServiceUnavailableError(_DefaultMessageError):
    """503 Service Unavailable."""

    status, default_message = 503, "Service unavailable"


class InvalidJSONBodyError(BadRequestError, json.JSONDecodeError):
    """The request body is not valid JSON.

    Answered as a 400 when a route does not catch it; still a ``json.JSONDecodeError`` (and so a ``ValueError``) for
    code that catches those.
    """

    def __init__(self, error: json.JSONDecodeError) -> None:
        json.JSONDecodeError.__init__(self, error.msg, error.doc, error.pos)
        BadRequestError.__init__(self, f"Invalid JSON body: {error}")
        self.args = (self.msg,)


class InvalidBodyEncodingError(BadRequestError, UnicodeDecodeError):
    """A text view of a body that is not UTF-8 was asked for (answered as a 400; ``body_bytes`` has the bytes)."""

    def __init__(self, error: UnicodeDecodeError) -> None:
        UnicodeDecodeError.__init__(self, error.encoding, error.object, error.start, error.end, error.reason)
        BadRequestError.__init__(self, f"Request body is not valid UTF-8 text: {error}")
        self.args = (self.msg,)


for _name in __all__:
    globals()[_name].__module__ = "apigw.exceptions"  # where they are documented and imported from
del _name

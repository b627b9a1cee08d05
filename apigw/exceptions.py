"""Errors a handler raises to answer with an HTTP error, and errors apigw raises about bad input.

Raising a ``ServiceError`` (or a subclass) from a route answers ``status_code`` with the JSON body
``{"statusCode": <status_code>, "message": <msg>}``::

    @app.get("/orders/<order_id>")
    def get_order(order_id):
        raise NotFoundError(f"order {order_id} does not exist")
"""

from __future__ import annotations

import binascii
import json
from typing import Optional


class ServiceError(Exception):
    """An HTTP error answered as ``{"statusCode": status_code, "message": msg}``."""

    def __init__(self, status_code: int, msg: str) -> None:
        # NOTE: Exception.__init__ by name, not super(): subclasses also inherit from json/unicode errors whose
        # __init__ takes other arguments.
        Exception.__init__(self, msg)
        self.status_code = status_code
        self.msg = msg


class _DefaultMessageError(ServiceError):
    status: int = 500
    default_message: str = "Internal server error"

    def __init__(self, msg: Optional[str] = None) -> None:
        super().__init__(self.status, self.default_message if msg is None else msg)


class BadRequestError(_DefaultMessageError):
    """400 Bad Request."""

    status, default_message = 400, "Bad request"


class UnauthorizedError(_DefaultMessageError):
    """401 Unauthorized."""

    status, default_message = 401, "Unauthorized"


class ForbiddenError(_DefaultMessageError):
    """403 Forbidden."""

    status, default_message = 403, "Forbidden"


class NotFoundError(_DefaultMessageError):
    """404 Not Found (``raise NotFoundError`` answers ``"Not found"``)."""

    status, default_message = 404, "Not found"


class MethodNotAllowedError(_DefaultMessageError):
    """405 Method Not Allowed."""

    status, default_message = 405, "Method not allowed"


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


class InvalidBase64BodyError(BadRequestError, binascii.Error):
    """The event says ``isBase64Encoded`` but its body is not valid base64 (answered as a 400)."""


class InvalidBodyEncodingError(BadRequestError, UnicodeDecodeError):
    """A text view of a body that is not UTF-8 was asked for (answered as a 400; ``body_bytes`` has the bytes)."""

    def __init__(self, error: UnicodeDecodeError) -> None:
        UnicodeDecodeError.__init__(self, error.encoding, error.object, error.start, error.end, error.reason)
        BadRequestError.__init__(self, f"Request body is not valid UTF-8 text: {error}")
        self.args = (self.msg,)


class InvalidEventError(ValueError):
    """The Lambda event is not an HTTP event of the resolver's kind (for example it has no method or path).

    This is a deployment or test-event problem, not a client error, so it is raised rather than answered.
    """

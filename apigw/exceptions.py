"""Errors a handler raises to answer with an HTTP error, and errors apigw raises about bad input.

Raising a ``ServiceError`` (or a subclass) from a route answers ``status_code`` with the JSON body
``{"statusCode": <status_code>, "message": <msg>}``::

    @app.get("/orders/<order_id>")
    def get_order(order_id):
        raise NotFoundError(f"order {order_id} does not exist")

PERF: this module makes the two classes a resolver needs at hand, ``ServiceError`` and ``InvalidEventError``, when it
is imported; every other one is made the first time it is imported or read from here (``apigw._errors``), so a cold
start does not pay for errors its requests never meet. Nothing else changes for code that uses them.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    import binascii


class ServiceError(Exception):
    """An HTTP error answered as ``{"statusCode": status_code, "message": msg}``."""

    def __init__(self, status_code: int, msg: str) -> None:
        # NOTE: Exception.__init__ by name, not super(): subclasses also inherit from json/unicode errors whose
        # __init__ takes other arguments.
        Exception.__init__(self, msg)
        self.status_code = status_code
        self.msg = msg


_INVALID_BASE64_DOC = """The event says ``isBase64Encoded`` but its body is not valid base64 (answered as a 400)."""

if TYPE_CHECKING:
    from ._errors import BadRequestError as BadRequestError
    from ._errors import ForbiddenError as ForbiddenError
    from ._errors import InternalServerError as InternalServerError
    from ._errors import InvalidBodyEncodingError as InvalidBodyEncodingError
    from ._errors import InvalidJSONBodyError as InvalidJSONBodyError
    from ._errors import InvalidResponseHeaderError as InvalidResponseHeaderError
    from ._errors import MethodNotAllowedError as MethodNotAllowedError
    from ._errors import NotFoundError as NotFoundError
    from ._errors import RequestEntityTooLargeError as RequestEntityTooLargeError
    from ._errors import RequestTimeoutError as RequestTimeoutError
    from ._errors import ResponseSerializationError as ResponseSerializationError
    from ._errors import ResponseSizeExceededError as ResponseSizeExceededError
    from ._errors import ServiceUnavailableError as ServiceUnavailableError
    from ._errors import TooManyRequestsError as TooManyRequestsError
    from ._errors import UnauthorizedError as UnauthorizedError
    from ._errors import _DefaultMessageError as _DefaultMessageError

    class InvalidBase64BodyError(BadRequestError, binascii.Error):
        __doc__ = _INVALID_BASE64_DOC

else:

    def __getattr__(name: str) -> type:
        # PERF: only ServiceError and InvalidEventError are made at import (a resolver needs them at hand); the other
        # classes come from apigw._errors on first use, and this one, a binascii.Error as a failed base64 decode is,
        # is made here then (binascii is loaded when the first base64 body is read, not at every cold start).
        if name == "InvalidBase64BodyError":
            import binascii

            from ._errors import BadRequestError

            cls = type(
                name, (BadRequestError, binascii.Error), {"__doc__": _INVALID_BASE64_DOC, "__module__": __name__}
            )
        elif name in _ON_FIRST_USE:
            from . import _errors

            cls = getattr(_errors, name)
        else:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        globals()[name] = cls
        return cls

    def __dir__() -> list:
        return sorted(set(globals()) | _ON_FIRST_USE | {"InvalidBase64BodyError"})


#: the classes made on first use, by apigw._errors
_ON_FIRST_USE = frozenset(
    (
        "_DefaultMessageError",
        "BadRequestError",
        "ForbiddenError",
        "InternalServerError",
        "InvalidBodyEncodingError",
        "InvalidJSONBodyError",
        "InvalidResponseHeaderError",
        "MethodNotAllowedError",
        "NotFoundError",
        "RequestEntityTooLargeError",
        "RequestTimeoutError",
        "ResponseSerializationError",
        "ResponseSizeExceededError",
        "ServiceUnavailableError",
        "TooManyRequestsError",
        "UnauthorizedError",
    )
)


class InvalidEventError(ValueError):
    """The Lambda event is not an HTTP event of the resolver's kind (for example it has no method or path).

    This is a deployment or test-event problem, not a client error, so it is raised rather than answered.
    """

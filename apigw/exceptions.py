"""Errors a handler raises to answer with an HTTP error, and errors apigw raises about bad input.

Raising a ``ServiceError`` (or a subclass) from a route answers ``status_code`` with the JSON body
``{"statusCode": <status_code>, "message": <msg>}``::

    @app.get("/orders/<order_id>")
    def get_order(order_id):
        raise NotFoundError(f"order {order_id} does not exist")

PERF: a request that is answered normally never loads this module (a cold start pays for every class it makes):
the classes are made the first time something needs one (a 404, a handler raising ``ForbiddenError``, a body
found unreadable, a header refused, an event the resolver cannot read). apigw's own request path reads the two it
raises or catches there as ``apigw._shared.ServiceError`` and ``apigw._shared.InvalidEventError``, which load this
module on first use.
"""

from __future__ import annotations

import json

TYPE_CHECKING = False
if TYPE_CHECKING:
    import binascii
    from typing import Any, Dict, Optional, Tuple


def _reduce_error(error: BaseException) -> Tuple[Any, ...]:
    """How to pickle an error whose ``__init__`` takes other arguments than its ``args`` hold (``ServiceError`` and
    its subclasses, the response errors): a plain ``Exception`` pickles as ``cls(*args)``, which would refuse them or
    lose their attributes (multiprocessing, caches). ``_restore_error`` makes it again without ``__init__``."""
    return _restore_error, (type(error), error.args, error.__dict__)


def _restore_error(cls: type, args: Tuple[Any, ...], state: Dict[str, Any]) -> BaseException:
    error: BaseException = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(state)
    return error


class ServiceError(Exception):
    """An HTTP error answered as ``{"statusCode": status_code, "message": msg}``."""

    def __init__(self, status_code: int, msg: str) -> None:
        # NOTE: Exception.__init__ by name, not super(): subclasses also inherit from json/unicode errors whose
        # __init__ takes other arguments.
        Exception.__init__(self, msg)
        self.status_code = status_code
        self.msg = msg

    __reduce__ = _reduce_error  # its __init__ takes other arguments than its args hold


class InvalidEventError(ValueError):
    """The Lambda event is not an HTTP event of the resolver's kind (for example it has no method or path).

    This is a deployment or test-event problem, not a client error, so it is raised rather than answered.
    """


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


_INVALID_BASE64_DOC = """The event says ``isBase64Encoded`` but its body is not valid base64 (answered as a 400)."""

if TYPE_CHECKING:

    class InvalidBase64BodyError(BadRequestError, binascii.Error):
        __doc__ = _INVALID_BASE64_DOC

else:

    def __getattr__(name: str) -> type:
        # PERF: binascii is loaded when the first base64 body is read, not at every cold start; so is this class
        # (a binascii.Error, as a failed base64 decode is), made here on first use.
        if name == "InvalidBase64BodyError":
            import binascii

            cls = type(
                name, (BadRequestError, binascii.Error), {"__doc__": _INVALID_BASE64_DOC, "__module__": __name__}
            )
            globals()[name] = cls
            return cls
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class InvalidBodyEncodingError(BadRequestError, UnicodeDecodeError):
    """A text view of a body that is not UTF-8 was asked for (answered as a 400; ``body_bytes`` has the bytes)."""

    def __init__(self, error: UnicodeDecodeError) -> None:
        UnicodeDecodeError.__init__(self, error.encoding, error.object, error.start, error.end, error.reason)
        BadRequestError.__init__(self, f"Request body is not valid UTF-8 text: {error}")
        self.args = (self.msg,)

    def __reduce__(self) -> Tuple[Any, ...]:
        # The decode error's own fields live in C slots, not in __dict__: rebuilt through __init__.
        return type(self), (UnicodeDecodeError(self.encoding, self.object, self.start, self.end, self.reason),)


class InvalidResponseHeaderError(ValueError):
    """A response header name or value, or a cookie, that cannot be sent: it holds a CR, LF or NUL (which would let
    it add headers of its own: header injection), or the name is empty or not a string.

    Raised while the response is built, so it reaches ``exception_handler`` and debug mode like a handler's error.
    ``name`` is the header (``"Set-Cookie"`` for a cookie), ``value`` the refused value (``None`` for a bad name).
    """

    __reduce__ = _reduce_error  # its __init__ takes other arguments than its args hold

    def __init__(self, name: object, value: object) -> None:
        self.name = name
        self.value = value
        part = f"name {name!r}" if value is None else f"{name!r} value {value!r}"
        super().__init__(
            f"response header {part} cannot be sent: CR, LF and NUL are not allowed in header names, values and "
            "cookies (they would let the value add headers of its own)"
        )


class ResponseSerializationError(TypeError):
    """A route's result could not be turned into a JSON body (say a ``datetime`` or a ``set`` with the default
    serializer). Names the route and its handler; the serializer's own error is its ``__cause__``.

    Raised while the response is built, so ``exception_handler`` and debug mode see it like a handler's error.
    """

    __reduce__ = _reduce_error  # its __init__ takes other arguments than its args hold

    def __init__(self, method: str, rule: str, handler: str, error: BaseException, result: Any = None) -> None:
        self.method = method
        self.rule = rule
        self.handler = handler
        if hasattr(result, "cr_await"):  # whatever the serializer: the result of an async def called by resolve()
            result.close()  # never awaited: closed, so Python adds no "never awaited" warning to this error
            super().__init__(
                f"{method} {rule} ({handler}) returned a coroutine: an async def handler or middleware needs "
                "`await app.resolve_async(event, context)` instead of app.resolve(event, context)"
            )
            return
        super().__init__(
            f"the result of {method} {rule} ({handler}) cannot be serialized to JSON: {error}. Return JSON-compatible "
            "values (dict, list, str, int, float, bool, None, Decimal, dataclasses, pydantic models), or give the "
            "resolver a serializer= that handles this type"
        )


class ResponseSizeExceededError(Exception):
    """A response larger than the integration accepts (AWS would answer an opaque 502 instead).

    ``actual_size`` and ``max_size`` are bytes of response JSON. apigw answers a 500 naming the route and both
    sizes instead of sending it; ``ALBResolver(enable_response_size_validation=True)`` raises this error through
    the exception handlers, as Powertools does.
    """

    __reduce__ = _reduce_error  # its __init__ takes other arguments than its args hold

    def __init__(self, *, actual_size: int, max_size: int, route: object = None, integration: object = None) -> None:
        self.actual_size = actual_size
        self.max_size = max_size
        where = ""
        if route is not None:
            method, rule = getattr(route, "method", ""), getattr(route, "rule", "")
            where = f" of {method} {rule} ({getattr(route, 'handler_name', route)})"
        limit_of = f" {getattr(integration, 'title', '')}'s" if integration is not None else ""
        super().__init__(
            f"the response{where} is {actual_size} bytes, over the{limit_of} {max_size}-byte limit; return less "
            "(paginate), or compress=True for clients that accept gzip"
        )

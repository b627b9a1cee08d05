"""Validation errors. No pydantic here: an app's exception handlers may name these classes without loading it.

A ``RequestValidationError`` is answered ``422`` with ``{"statusCode": 422, "detail": [{"loc": [...], "type":
"..."}]}`` (only where and what: no message or input, which could echo data or internals back to the client); a
``ResponseValidationError`` with the route's ``custom_response_validation_http_code`` or the app's
``response_validation_error_http_code``; a body whose content type apigw cannot read (``RequestUnsupportedContentType``)
with ``415``. ``app.exception_handler(RequestValidationError)`` replaces that answer: ``exc.errors()`` has the full
pydantic errors (``msg``, ``input``, ...) and ``exc.body`` the request body when it was not JSON.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, List, Literal, Sequence

    from ..resolver import ApiGatewayResolver
    from ..response import Response

__all__ = [
    "OpenAPIMergeError",
    "RequestUnsupportedContentType",
    "RequestValidationError",
    "ResponseValidationError",
    "SchemaValidationError",
    "SerializationError",
    "ValidationException",
]


class ValidationException(Exception):
    """Base of the validation errors: ``errors()`` lists what failed (pydantic's error dicts)."""

    def __init__(self, errors: Sequence[Any]) -> None:
        super().__init__(errors)
        self._errors = errors

    def errors(self) -> Sequence[Any]:
        """The errors: dicts with ``type``, ``loc`` (where: ``("query", "limit")``), ``msg``, ``input``, ..."""
        return self._errors


def _detail(errors: Sequence[Any]) -> List[Dict[str, Any]]:
    # APPSEC: only the location and the error type reach the client.
    return [{"loc": error["loc"], "type": error["type"]} for error in errors]


def _answer(status: int, errors: Sequence[Any]) -> Response:
    from ..response import Response

    return Response(status, "application/json", {"statusCode": status, "detail": _detail(errors)})


class RequestValidationError(ValidationException):
    """The request does not match the handler's parameters (answered 422)."""

    def __init__(self, errors: Sequence[Any], *, body: Any = None) -> None:
        super().__init__(errors)
        self.body = body

    def _apigw_response(self, app: ApiGatewayResolver) -> Response:
        return _answer(422, self.errors())


class ResponseValidationError(ValidationException):
    """The handler's result does not match its return annotation, on a route or app configured with a response
    validation error code (without one, a bad result is a ``RequestValidationError``, answered 422, as in
    Powertools). ``source`` says whose setting applies: ``"route"`` or ``"app"``."""

    def __init__(self, errors: Sequence[Any], *, body: Any = None, source: Literal["route", "app"] = "app") -> None:
        super().__init__(errors)
        self.body = body
        self.source = source

    def _apigw_response(self, app: ApiGatewayResolver) -> Response:
        from ..resolver import _ROUTE

        state = app._request_state.get()
        route = state[_ROUTE] if state is not None else None
        code = route.openapi.get("custom_response_validation_http_code") if route is not None else None
        code = code or app._response_validation_error_http_code or 422
        return _answer(int(code), self.errors())


class SerializationError(Exception):
    """A result ``jsonable_encoder`` cannot turn into JSON data."""


class SchemaValidationError(ValidationException):
    """The OpenAPI document cannot be built as configured (an unknown security scheme, a bad extension key)."""

    def __init__(self, errors: Any) -> None:  # a message, or a list of errors
        super().__init__(errors)


class OpenAPIMergeError(Exception):
    """Merging OpenAPI documents failed (kept for name compatibility; apigw has no merge)."""


class RequestUnsupportedContentType(NotImplementedError, ValidationException):
    """The request body has a content type validation cannot read (answered 415). COMPAT: also a
    ``NotImplementedError``, as in Powertools 3."""

    def __init__(self, msg: str, errors: Sequence[Any]) -> None:
        NotImplementedError.__init__(self, msg)
        self._errors = errors

    def _apigw_response(self, app: ApiGatewayResolver) -> Response:
        return _answer(415, self.errors())

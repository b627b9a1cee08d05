"""Middlewares: code that runs around route handlers.

A middleware is a callable ``(app, next_middleware) -> Response``; it calls ``next_middleware(app)`` to run the
rest of the chain (and finally the route), may change the ``Response`` it gets back, or may return its own
response (a ``Response``, a dict, or a ``(body, status)`` tuple) without calling the route at all::

    def require_api_key(app, next_middleware):
        if app.current_event.get_header_value("x-api-key") != "secret":
            return Response(401, content_types.APPLICATION_JSON, {"message": "Unauthorized"})
        return next_middleware(app)

    app.use(middlewares=[require_api_key])                       # every route, and 404s
    @app.get("/admin", middlewares=[AuditMiddleware("admin")])   # this route only, after the global ones

Order: the app's middlewares (``app.use``) in registration order, then the route's own, then the handler.
Exceptions raised anywhere in the chain are answered by the app's exception handlers, as a handler's are.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod

from .exceptions import BadRequestError, InternalServerError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, Generic, Optional, Protocol, TypeVar

    from .resolver import Response

    _AppT = TypeVar("_AppT")
else:
    from ._shared import Generic, Protocol  # COMPAT: BaseMiddlewareHandler[App] without typing at run time

    _AppT = None


class NextMiddleware(Protocol):
    """The rest of the chain: call it with the app to get the ``Response``."""

    def __call__(self, app: Any) -> Response[Any]: ...


class BaseMiddlewareHandler(ABC, Generic[_AppT]):
    """A middleware written as a class: implement ``handler(self, app, next_middleware)``.

    >>> class Timing(BaseMiddlewareHandler):
    ...     def handler(self, app, next_middleware):
    ...         response = next_middleware(app)
    ...         response.headers["X-Handled-By"] = "apigw"
    ...         return response
    """

    @abstractmethod
    def handler(self, app: Any, next_middleware: NextMiddleware) -> Response[Any]:
        """Run before and/or after ``next_middleware(app)`` and return the response."""

    def __call__(self, app: Any, next_middleware: NextMiddleware) -> Response[Any]:
        return self.handler(app, next_middleware)


class SchemaValidationMiddleware(BaseMiddlewareHandler["Any"]):
    """Validates a route's JSON request body, and optionally its response body, against JSON Schemas.

    ::

        validate_order = SchemaValidationMiddleware(inbound_schema=ORDER_SCHEMA)

        @app.post("/orders", middlewares=[validate_order])
        def create_order():
            ...

    A request body that fails ``inbound_schema`` answers 400 ``"Bad Request: Failed schema validation. Error: ...,
    Path: ..., Data: ..."``; a response body that fails ``outbound_schema`` answers 400 ``"Bad Response: ..."``, as
    Powertools does. ``*_formats`` are custom formats (name -> regex or predicate). The schemas are compiled once,
    here, by ``fastjsonschema`` (``pip install 'apigw[schema]'``), which is imported only by this class. A schema
    that is not valid JSON Schema is reported here, where the mistake is made (a ``RuntimeWarning`` saying what is
    wrong), and its routes answer 500 ``"Internal Server Error"``, as Powertools answers.
    """

    def __init__(
        self,
        inbound_schema: Dict[str, Any],
        inbound_formats: Optional[Dict[str, Any]] = None,
        outbound_schema: Optional[Dict[str, Any]] = None,
        outbound_formats: Optional[Dict[str, Any]] = None,
    ) -> None:
        try:
            import fastjsonschema
        except ImportError as exc:  # pragma: no cover - depends on the extras installed
            raise ImportError(
                "SchemaValidationMiddleware validates with fastjsonschema: pip install 'apigw[schema]'"
            ) from exc
        self._invalid_data = fastjsonschema.JsonSchemaValueException
        self.inbound_schema = inbound_schema
        self.inbound_formats = inbound_formats
        self.outbound_schema = outbound_schema
        self.outbound_formats = outbound_formats
        self._inbound = _compile_schema(fastjsonschema, "inbound_schema", inbound_schema, inbound_formats)
        self._outbound = (
            None
            if outbound_schema is None
            else _compile_schema(fastjsonschema, "outbound_schema", outbound_schema, outbound_formats)
        )
        # A schema that did not compile was reported above; its routes answer 500, decided once.
        self._broken_schema = self._inbound is None or (outbound_schema is not None and self._outbound is None)

    def handler(self, app: Any, next_middleware: NextMiddleware) -> Response[Any]:
        if self._broken_schema:
            raise InternalServerError("Internal Server Error")  # the invalid schema was reported when made
        try:
            self._inbound(app.current_event.json_body)
        except self._invalid_data as error:
            raise BadRequestError(f"Bad Request: {_schema_message(error)}") from None
        response = next_middleware(app)
        if self._outbound is not None:
            body = response.body
            if isinstance(body, (str, bytes)) and response.is_json():
                body = json.loads(body)
            try:
                self._outbound(body)
            except self._invalid_data as error:
                raise BadRequestError(f"Bad Response: {_schema_message(error)}") from None
        return response


def _compile_schema(fastjsonschema: Any, name: str, schema: Any, formats: Optional[Dict[str, Any]]) -> Any:
    try:
        return fastjsonschema.compile(schema, formats=formats or {})
    except (TypeError, AttributeError, fastjsonschema.JsonSchemaDefinitionException) as exc:
        import warnings

        warnings.warn(
            f"SchemaValidationMiddleware: {name} is not a valid JSON Schema ({type(exc).__name__}: {exc}); the "
            "routes using this middleware will answer 500",
            RuntimeWarning,
            stacklevel=3,
        )
        return None


def _schema_message(error: Any) -> str:
    # COMPAT: Powertools' wording, so clients and tests see the same message.
    return f"Failed schema validation. Error: {error.message}, Path: {error.path}, Data: {error.value}"

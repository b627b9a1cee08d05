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

from abc import ABC, abstractmethod

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Generic, Protocol, TypeVar

    from .response import Response

    _AppT = TypeVar("_AppT")
else:
    from ._typing import Generic, Protocol  # COMPAT: BaseMiddlewareHandler[App] without typing at run time

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

"""What a resolver answers when a request goes wrong: its exception handlers, the ``ServiceError`` rule, debug
tracebacks, the not-found, method-not-allowed and CORS pre-flight answers, and the message for an event it cannot
read.

PERF: none of this runs for a request that succeeds, so it is loaded by a process's first error (``resolver._errors``),
with ``apigw.exceptions``, instead of at every cold start. Each function takes the app it answers for.
"""

from __future__ import annotations

import sys

from . import integrations
from ._shared import JSON
from .exceptions import (
    InvalidEventError,
    MethodNotAllowedError,
    NotFoundError,
    ResponseSizeExceededError,
    ServiceError,
)
from .resolver import Response

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Dict, Optional, Set

    from .events import BaseProxyEvent
    from .integrations import Integration
    from .resolver import ApiGatewayResolver, Route


def write_error(
    app: ApiGatewayResolver, view: BaseProxyEvent, exc: Exception, route: Route, integration: Integration
) -> Dict[str, Any]:
    """The error response for ``exc``. If writing it fails in turn (an exception handler's response too large, or
    with a bad header), that second error gets one turn through the exception handlers; a third propagates."""
    response = handle_exception(app, exc)
    try:
        return app._writer.write(view, response, route, integration)
    except Exception as second:
        if type(second) is type(exc):
            raise
        return app._writer.write(view, handle_exception(app, second), route, integration)


def handle_exception(app: ApiGatewayResolver, exc: Exception) -> Response[Any]:
    """A response for ``exc`` from a registered handler or the ServiceError rule; re-raises otherwise."""
    raised, exc = exc, handled_as(app, exc)
    handler = exception_handler(app, type(exc))
    if handler is not None:
        try:
            return app._to_response(handler(exc))
        except ServiceError as service_error:
            exc = service_error
    return unhandled(app, exc, raised)


def handled_as(app: ApiGatewayResolver, exc: Exception) -> Exception:
    """The exception the app's handlers answer for ``exc``: for a ``Depends()`` dependency that raised, what it
    raised (COMPAT: Powertools 3.37), unless a handler is registered for ``DependencyResolutionError`` itself."""
    depends = sys.modules.get("apigw.depends")
    if (
        depends is not None
        and isinstance(exc, depends.DependencyResolutionError)
        and isinstance(exc.__cause__, Exception)
        and depends.DependencyResolutionError not in app._exception_handlers
    ):
        return exc.__cause__
    return exc


def exception_handler(app: ApiGatewayResolver, exc_class: type) -> Optional[Callable[[Any], Any]]:
    """The app's handler for ``exc_class``: the one registered for the nearest class of its MRO."""
    if not app._exception_handlers:
        return None
    for cls in exc_class.__mro__:
        handler = app._exception_handlers.get(cls)
        if handler is not None:
            return handler
    return None


def unhandled(app: ApiGatewayResolver, exc: Exception, raised: Optional[Exception] = None) -> Response[Any]:
    """What no exception handler answered: a validation error's or ``ServiceError``'s response, the debug-mode
    traceback, or ``raised`` (default ``exc``) raised again."""
    answer = getattr(exc, "_apigw_response", None)  # validation errors (apigw.openapi) know their answer
    if answer is not None:
        return answer(app)  # type: ignore[no-any-return]
    if isinstance(exc, ServiceError):
        body = app._serializer({"statusCode": exc.status_code, "message": exc.msg})
        return Response(exc.status_code, JSON, body)
    if app._debug and not isinstance(exc, ResponseSizeExceededError):  # a traceback could be too large
        import traceback  # PERF: debug mode only; traceback costs a millisecond of cold start

        return Response(500, "text/plain", "".join(traceback.format_exception(exc)))
    raise raised if raised is not None else exc


def answer_not_found(app: ApiGatewayResolver) -> Response[Any]:
    """The not-found route beyond the plain 404: a CORS pre-flight answer, a 405 (``method_not_allowed``), or the
    app's ``not_found`` handler."""
    view = app.current_event
    if app._cors_enabled and view.http_method.upper() == "OPTIONS":
        path = app._remove_prefix(view.path) if app._strip_prefixes else view.path
        methods = ",".join(sorted(cors_methods_for(app, path)))
        return Response(204, None, "", {"Access-Control-Allow-Methods": methods})
    if app._method_not_allowed:
        allowed = app.allowed_methods(app._remove_prefix(view.path) if app._strip_prefixes else view.path)
        if allowed:
            response = handle_exception(app, MethodNotAllowedError())
            response.headers.setdefault("Allow", ", ".join(allowed))
            return response
    return handle_exception(app, NotFoundError())


def cors_methods_for(app: ApiGatewayResolver, path: str) -> Set[str]:
    """The methods a pre-flight may allow: those of ``path`` whose winning route has CORS enabled, or, for a path
    without any, every CORS-enabled method of the app (COMPAT: Powertools answers 204 for any path)."""
    methods = {"OPTIONS"}
    for method in app._matcher.methods_for(path):
        hit = app._matcher.match(method, path)
        if hit is not None and hit[0].cors:
            methods.add(method)
    if len(methods) == 1:
        methods.update(route.method for route in app._routes if route.cors)
    return methods


def invalid_event(app: ApiGatewayResolver, event: Any) -> InvalidEventError:
    """The error for an event ``app`` cannot read: says what the event is and which resolver reads it."""
    found, what = integrations.describe(event)
    mine = app._integration
    name = type(app).__name__
    if not isinstance(event, dict):
        return InvalidEventError(f"{name} reads {mine.title} events, but this is {what}")
    if found is not None and found.family() != mine.family():
        return InvalidEventError(
            f"{name} reads {mine.title} events, but this is {what}: use {found.resolver_name} "
            f"(or ApiGatewayResolver(proxy_type=ProxyEventType.{found.view_name}))"
        )
    try:  # same integration, or none known: the view says which key is missing
        view = mine.event_class(event)
        view.http_method  # noqa: B018
        view.path  # noqa: B018
    except InvalidEventError as exc:
        return exc if found is not None else InvalidEventError(f"{exc}; this is {what}")
    return InvalidEventError(f"{name} cannot read this {mine.title} event")

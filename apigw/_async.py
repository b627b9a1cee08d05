"""``ApiGatewayResolver.resolve_async``: the same request path as ``resolve``, awaiting what is awaitable.

Loaded on the first ``resolve_async`` call, so synchronous apps never import ``asyncio`` for it.

What may be asynchronous: route handlers, middlewares (``async def mw(app, next_middleware)`` awaits
``next_middleware(app)``), exception handlers and ``not_found``. Synchronous ones keep working:

- a synchronous handler or exception handler is simply called;
- a synchronous middleware whose inner chain is synchronous too runs as in ``resolve``, on the event loop;
- a synchronous middleware wrapping something asynchronous runs in a worker thread (``asyncio.to_thread``, which
  carries the request's context variables), and its ``next_middleware(app)`` waits for the event loop to run the
  asynchronous rest of the chain. It never blocks the event loop, so concurrent requests keep going.
"""

from __future__ import annotations

import asyncio
import inspect

from . import _errors, integrations
from ._callables import is_async
from ._chain import CallRoute, Next, returned_none
from .events import BaseProxyEvent
from .exceptions import InvalidEventError, MethodNotAllowedError, NotFoundError, ServiceError
from .resolver import (
    _ACTIVE_APP,
    _IN_FLIGHT,
    _NO_PARAMS,
    _PARAMS,
    _PATH,
    _ROUTE,
    Response,
    Route,
    _add_route_context,
    _drop_head_body,
    _integration_of_view,
    _unwrap_view,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Coroutine, Dict, List, Mapping, Tuple

    from .integrations import Integration
    from .resolver import ApiGatewayResolver

    AsyncLink = Callable[[Any], Coroutine[Any, Any, Any]]


async def resolve_async(app: ApiGatewayResolver, event: Mapping[str, Any], context: Any) -> Dict[str, Any]:
    """``app.resolve_async(event, context)``: see the module docstring."""
    view, integration, state, route, params, active = _start(app, event, context)
    try:
        if app._middlewares or route.middlewares:
            result = await (route.async_chain or _build_chain(app, route))(app)
        elif route is app._not_found_route:
            result = await _answer_not_found(app)
        else:  # PERF: _call_route written out, as resolve does
            result = route.func(**params) if route.invoke is None else route.invoke(app, params)
            if type(result) is not dict and inspect.isawaitable(result):
                result = await result
        if type(result) is dict or type(result) is list:
            response = app._writer.write_result(view, result, route.status_code, route, integration)
        else:
            response = app._writer.write(view, app._to_response(result, route.status_code), route, integration)
    except Exception as exc:
        response = await _write_error(app, view, exc, route, integration)
    finally:
        _end(app, state, active)
    if app._auto_head:
        _drop_head_body(view.http_method.upper(), route, response)
    if app._debug:
        app._print_debug(state, response)
    return response


async def _call_route(app: ApiGatewayResolver, route: Route, params: Dict[str, str]) -> Any:
    if route is app._not_found_route:
        return await _answer_not_found(app)
    result = route.func(**params) if route.invoke is None else route.invoke(app, params)
    if type(result) is not dict and inspect.isawaitable(result):
        result = await result
    return result


async def _answer_not_found(app: ApiGatewayResolver) -> Response[Any]:
    """The not-found route, with ``not_found`` handlers that may be asynchronous."""
    view = app.current_event
    if app._cors_enabled and view.http_method.upper() == "OPTIONS":
        return app._answer_not_found()  # the pre-flight answer: nothing to await
    if app._method_not_allowed:
        allowed = app.allowed_methods(app._remove_prefix(view.path) if app._strip_prefixes else view.path)
        if allowed:
            response = await _handle_exception(app, MethodNotAllowedError())
            response.headers.setdefault("Allow", ", ".join(allowed))
            return response
    return await _handle_exception(app, NotFoundError())


async def _write_error(
    app: ApiGatewayResolver, view: Any, exc: Exception, route: Route, integration: Any
) -> Dict[str, Any]:
    """``apigw._errors.write_error`` with exception handlers that may be asynchronous."""
    response = await _handle_exception(app, exc)
    try:
        return app._writer.write(view, response, route, integration)
    except Exception as second:
        if type(second) is type(exc):
            raise
        return app._writer.write(view, await _handle_exception(app, second), route, integration)


async def _handle_exception(app: ApiGatewayResolver, exc: Exception) -> Response[Any]:
    """``apigw._errors.handle_exception`` with exception handlers that may be asynchronous."""
    raised, exc = exc, _errors.handled_as(app, exc)
    handler = _errors.exception_handler(app, type(exc))
    if handler is not None:
        try:
            result = handler(exc)
            if inspect.isawaitable(result):
                result = await result
            return app._to_response(result)
        except ServiceError as service_error:
            exc = service_error
    return _errors.unhandled(app, exc, raised)


def _start(
    app: ApiGatewayResolver, event: Mapping[str, Any], context: Any
) -> Tuple[BaseProxyEvent, Integration, List[Any], Route, Dict[str, str], Any]:
    """Start a request (``ApiGatewayResolver.resolve`` has these steps written out): the view, its integration, the
    request state of this thread or task, the route (the not-found route when none matched), its path parameters,
    and the token that ``_end`` takes back."""
    if type(event) is not dict:
        if isinstance(event, BaseProxyEvent):
            event = _unwrap_view(event)
        if not isinstance(event, dict):
            raise app._invalid_event(event)
    if app._debug:
        print(app._serializer(event))
    integration = app._integration
    view = app._event_class(event, app._json_body_deserializer)
    if integration is None:  # AnyIntegrationResolver: each event's own integration
        integration = _integration_of_view(view)
    state = [view, context, None, _NO_PARAMS, None, True]
    app._request_state.set(state)
    pending = app._request_context.get()
    if pending is not None:
        # This request's own copy: concurrent tasks inherit the same pending dict from the context they start in.
        pending = dict(pending)
        app._request_context.set(pending)
    active = _ACTIVE_APP.set(app) if app._routers else None
    try:
        try:
            method, path = view._request_line()
        except InvalidEventError:
            raise app._invalid_event(event) from None
        if integration.expects_elb is not None and integrations.mismatch(integration, event):
            raise app._invalid_event(event)
        if app._strip_prefixes:
            path = app._remove_prefix(path)
        state[_PATH] = path
        hit = app._matcher.match(method, path)
        if hit is None and method == "HEAD" and app._auto_head:
            hit = app._matcher.match("GET", path)
        if hit is None:
            route, params = app._not_found_route, _NO_PARAMS
        else:
            route, params = state[_ROUTE], state[_PARAMS] = hit
        if pending is not None:
            _add_route_context(pending, state)
    except BaseException:
        _end(app, state, active)
        raise
    return view, integration, state, route, params, active


def _end(app: ApiGatewayResolver, state: List[Any], active: Any) -> None:
    state[_IN_FLIGHT] = False
    if active is not None:
        _ACTIVE_APP.reset(active)
    if app._request_context.get() is not None:
        app._request_context.set(None)


def _build_chain(app: ApiGatewayResolver, route: Route) -> AsyncLink:
    """The middleware chain of ``route`` for ``resolve_async``, built once per route (like ``_chain``).

    Links are built from the route outwards. As long as everything inside is synchronous, the synchronous links of
    ``resolve`` are reused; from the first asynchronous part on, each link is awaitable.
    """
    handler_async = route is app._not_found_route or is_async(route.func)
    sync_inner: Any = None if handler_async else CallRoute(route)
    async_inner: Any = _AsyncCallRoute(route) if handler_async else None
    for middleware in reversed(app._route_middlewares(route, asynchronous=True)):
        if is_async(middleware):
            inner = async_inner if async_inner is not None else _Awaitable(sync_inner)
            async_inner, sync_inner = _AsyncNext(middleware, inner), None
        elif async_inner is None:
            sync_inner = Next(middleware, sync_inner)
        else:
            async_inner = _ThreadedNext(middleware, async_inner)
    chain: AsyncLink = async_inner if async_inner is not None else _Awaitable(sync_inner)
    route.async_chain = chain
    return chain


class _Awaitable:
    """A synchronous chain as an awaitable link."""

    __slots__ = ("link",)

    def __init__(self, link: Callable[[Any], Any]) -> None:
        self.link = link

    @property
    def __name__(self) -> str:
        return getattr(self.link, "__name__", "chain")

    async def __call__(self, app: Any) -> Any:
        return self.link(app)


class _AsyncCallRoute(CallRoute):
    """The end of an asynchronous chain: awaits the route (or the not-found answer), returns a ``Response``."""

    __slots__ = ()

    async def __call__(self, app: ApiGatewayResolver) -> Response[Any]:  # type: ignore[override]
        result = await _call_route(app, self.route, app._request_state.get()[_PARAMS])  # type: ignore[index]
        return app._to_response(result, self.route.status_code)


class _AsyncNext(Next):
    """An ``async def`` middleware: ``await middleware(app, next_link)``."""

    __slots__ = ()

    async def __call__(self, app: Any) -> Any:
        result = await self.middleware(app, self.next_link)
        if result is None:
            raise returned_none(self.middleware, awaited=True)
        return result


class _ThreadedNext(Next):
    """A synchronous middleware around asynchronous links: it runs in a worker thread; its ``next_middleware``
    hands the rest of the chain to the event loop and waits for the response."""

    __slots__ = ()

    async def __call__(self, app: Any) -> Any:
        loop = asyncio.get_running_loop()
        next_link = self.next_link

        def next_middleware(app: Any) -> Any:
            return asyncio.run_coroutine_threadsafe(next_link(app), loop).result()

        result = await asyncio.to_thread(self.middleware, app, next_middleware)
        if result is None:
            raise returned_none(self.middleware)
        return result

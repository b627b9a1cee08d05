"""The middleware chain of a route: ``chain(app)`` runs the app's middlewares, then the route's, then the route.

Built by ``ApiGatewayResolver._chain`` on the first request of a route that has middlewares, then kept on the route
(``route.chain``); ``apigw._async`` builds its awaitable variant from the same links. PERF: an app without
middlewares never loads this module.
"""

from __future__ import annotations

from .resolver import _PARAMS, _callable_name

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

    from .resolver import ApiGatewayResolver, Response, Route


def build_chain(app: ApiGatewayResolver, route: Route) -> Callable[[Any], Any]:
    """``route``'s chain for ``resolve``, kept as ``route.chain``."""
    chain: Callable[[Any], Any] = CallRoute(route)
    for middleware in reversed(app._route_middlewares(route)):
        chain = Next(middleware, chain)
    route.chain = chain
    return chain


class Next:
    """One link of a middleware chain: ``link(app)`` runs ``middleware(app, next_link)``."""

    __slots__ = ("middleware", "next_link")

    def __init__(self, middleware: Callable[..., Any], next_link: Callable[[Any], Any]) -> None:
        self.middleware = middleware
        self.next_link = next_link

    @property
    def __name__(self) -> str:
        return getattr(self.middleware, "__name__", type(self.middleware).__name__)

    def __call__(self, app: Any) -> Any:
        result = self.middleware(app, self.next_link)
        if result is None:
            raise returned_none(self.middleware)
        return result


def returned_none(middleware: Any, awaited: bool = False) -> TypeError:
    got = "next_middleware(app) (awaited, in an async middleware)" if awaited else "next_middleware(app)"
    return TypeError(
        f"middleware {_callable_name(middleware)} returned None: a middleware returns the response it got from {got}, "
        "or a response of its own"
    )


class CallRoute:
    """The end of a middleware chain: calls the route with its path parameters, always returns a ``Response``."""

    __slots__ = ("route",)

    def __init__(self, route: Route) -> None:
        self.route = route

    @property
    def __name__(self) -> str:
        return getattr(self.route.func, "__name__", "route")

    def __call__(self, app: ApiGatewayResolver) -> Response[Any]:
        route = self.route
        params = app._request_state.get()[_PARAMS]  # type: ignore[index]
        result = route.func(**params) if route.invoke is None else route.invoke(app, params)
        return app._to_response(result, route.status_code)

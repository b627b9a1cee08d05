"""``Router``: routes defined in another module, added to an app with ``app.include_router(router, prefix=...)``.

::

    # orders.py
    router = Router()

    @router.get("/<order_id>")
    def get_order(order_id):
        return {"id": order_id, "agent": router.current_event.get_header_value("user-agent")}

    # app.py
    app = APIGatewayRestResolver()
    app.include_router(orders.router, prefix="/orders")
"""

from __future__ import annotations

from .resolver import _ACTIVE_APP, BaseRouter

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Dict, List, Optional, Tuple

    from .events import (
        ALBEvent,
        APIGatewayProxyEvent,
        APIGatewayProxyEventV2,
        LambdaFunctionUrlEvent,
        VPCLatticeEvent,
        VPCLatticeEventV2,
    )
    from .request import Request
    from .resolver import ApiGatewayResolver


class Registration:
    """One (method, rule) as a decorator registered it on a ``Router``, kept until ``include_router`` replays it on
    an app (behind a prefix)."""

    __slots__ = ("method", "rule", "func", "cors", "compress", "cache_control", "middlewares", "status_code", "openapi")

    def __init__(
        self,
        method: str,
        rule: str,
        func: Callable[..., Any],
        cors: Optional[bool],  # None: follow the resolver's CORS configuration
        compress: bool,
        cache_control: Optional[str],
        middlewares: Tuple[Callable[..., Any], ...],
        status_code: int,
        openapi: Dict[str, Any],
    ) -> None:
        self.method = method
        self.rule = rule
        self.func = func
        self.cors = cors
        self.compress = compress
        self.cache_control = cache_control
        self.middlewares = middlewares
        self.status_code = status_code
        self.openapi = openapi

    def behind(self, prefix: Optional[str]) -> Registration:
        """The same registration with its rule behind ``prefix`` (``"/"`` becomes the prefix itself)."""
        if not prefix:
            return self
        rule = prefix if self.rule == "/" else f"{prefix}{self.rule}"
        return Registration(
            self.method,
            rule,
            self.func,
            self.cors,
            self.compress,
            self.cache_control,
            self.middlewares,
            self.status_code,
            self.openapi,
        )


class Router(BaseRouter):
    """Collects routes, middlewares and exception handlers until an app includes it.

    Once included, ``current_event``, ``lambda_context``, ``context`` and ``request`` are those of the request the
    app is resolving in this thread or task; a router included in several apps follows the one resolving.
    ``APIGatewayRouter``, ``APIGatewayHttpRouter``, ``ALBRouter`` and ``LambdaFunctionUrlRouter`` are the same class
    with ``current_event`` typed for one integration.
    """

    def __init__(self) -> None:
        self._registrations: List[Registration] = []
        self._exception_handlers = {}
        self._middlewares = []
        # Context set on the router before any app includes it: handed to the first app that does (Powertools).
        self._pending_context: Dict[str, Any] = {}
        self._apps: List[ApiGatewayResolver] = []
        self.api_resolver: Optional[ApiGatewayResolver] = None

    def _add_route(self, *fields: Any, stacklevel: int = 3) -> None:
        self._registrations.append(Registration(*fields))  # BaseRouter._add_route's arguments, in its order

    def _included_by(self, app: ApiGatewayResolver) -> None:
        if app not in self._apps:
            self._apps.append(app)
        self.api_resolver = app
        self._pending_context = {}

    def _app(self) -> Optional[ApiGatewayResolver]:
        """The app resolving a request in this thread or task, if it included this router; else the last one."""
        active = _ACTIVE_APP.get()
        if active is not None and active in self._apps:
            return active
        return self.api_resolver

    @property
    def current_event(self) -> Any:
        """The event being handled by the app that included this router (``None`` before)."""
        app = self._app()
        return app.current_event if app is not None else None

    @property
    def lambda_context(self) -> Any:
        """The Lambda context of the request being handled by the app that included this router."""
        app = self._app()
        return app.lambda_context if app is not None else None

    @property
    def request(self) -> Request:
        """The request the app that included this router is resolving (see ``ApiGatewayResolver.request``)."""
        app = self._app()
        if app is None:
            raise RuntimeError(
                "router.request is only available after route resolution, in an app that included this router"
            )
        return app.request

    @property
    def context(self) -> Dict[str, Any]:
        """The app's request context once included; until then, context to hand over to the app."""
        app = self._app()
        return app.context if app is not None else self._pending_context

    @context.setter
    def context(self, value: Dict[str, Any]) -> None:
        app = self._app()
        if app is not None:
            app.context = value
        else:
            self._pending_context = value


class APIGatewayRouter(Router):
    """A ``Router`` for REST API apps (``current_event`` is an ``APIGatewayProxyEvent``)."""

    current_event: APIGatewayProxyEvent


class APIGatewayHttpRouter(Router):
    """A ``Router`` for HTTP API apps (``current_event`` is an ``APIGatewayProxyEventV2``)."""

    current_event: APIGatewayProxyEventV2


class ALBRouter(Router):
    """A ``Router`` for ALB apps (``current_event`` is an ``ALBEvent``)."""

    current_event: ALBEvent


class LambdaFunctionUrlRouter(Router):
    """A ``Router`` for Function URL apps (``current_event`` is a ``LambdaFunctionUrlEvent``)."""

    current_event: LambdaFunctionUrlEvent


class VPCLatticeRouter(Router):
    """A ``Router`` for VPC Lattice apps (``current_event`` is a ``VPCLatticeEvent``)."""

    current_event: VPCLatticeEvent


class VPCLatticeV2Router(Router):
    """A ``Router`` for VPC Lattice v2 apps (``current_event`` is a ``VPCLatticeEventV2``)."""

    current_event: VPCLatticeEventV2


def include(app: ApiGatewayResolver, router: Router, prefix: Optional[str]) -> None:
    """``app.include_router(router, prefix)``: see ``ApiGatewayResolver.include_router``."""
    if prefix is not None and (not isinstance(prefix, str) or (prefix and not prefix.startswith("/"))):
        raise ValueError(f"include_router prefix must be a path starting with '/', such as '/orders', not {prefix!r}")
    if router._pending_context:
        app.context.update(router._pending_context)
    router._included_by(app)
    if router not in app._routers:
        app._routers.append(router)
    app._exception_handlers.update(router._exception_handlers)
    if router._middlewares:
        app.use(router._middlewares)
    for registration in router._registrations:
        one = registration.behind(prefix)
        app._add_route(
            one.method,
            one.rule,
            one.func,
            one.cors,
            one.compress,
            one.cache_control,
            one.middlewares,
            one.status_code,
            one.openapi,
            stacklevel=4,  # the include_router call (_add_route, include, include_router, its caller)
        )

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
    from typing import Any, Dict, List, Optional, Tuple

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


class Router(BaseRouter):
    """Collects routes, middlewares and exception handlers until an app includes it.

    Once included, ``current_event``, ``lambda_context``, ``context`` and ``request`` are those of the request the
    app is resolving in this thread or task; a router included in several apps follows the one resolving.
    ``APIGatewayRouter``, ``APIGatewayHttpRouter``, ``ALBRouter`` and ``LambdaFunctionUrlRouter`` are the same class
    with ``current_event`` typed for one integration.
    """

    def __init__(self) -> None:
        # The arguments of each _add_route call (BaseRouter._add_route's, in its order), replayed by include_router.
        self._registrations: List[Tuple[Any, ...]] = []
        self._exception_handlers = {}
        self._middlewares = []
        # Context set on the router before any app includes it: handed to the first app that does (Powertools).
        self._pending_context: Dict[str, Any] = {}
        self._apps: List[ApiGatewayResolver] = []
        self.api_resolver: Optional[ApiGatewayResolver] = None

    def _add_route(self, *registration: Any) -> None:
        self._registrations.append(registration)

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
    for method, rule, *settings in router._registrations:
        if prefix:
            rule = prefix if rule == "/" else f"{prefix}{rule}"  # "/" becomes the prefix itself
        # stacklevel: the include_router call (_add_route, include, include_router, its caller)
        app._add_route(method, rule, *settings, stacklevel=4)

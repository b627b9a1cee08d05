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

from typing import Any, Dict, List, Optional

from .events import ALBEvent, APIGatewayProxyEvent, APIGatewayProxyEventV2, LambdaFunctionUrlEvent
from .resolver import ApiGatewayResolver, BaseRouter, Registration


class Router(BaseRouter):
    """Collects routes, middlewares and exception handlers until an app includes it.

    Once included (``api_resolver`` is then the app), ``current_event``, ``lambda_context`` and ``context`` are
    those of the app's current request. ``APIGatewayRouter``, ``APIGatewayHttpRouter``, ``ALBRouter`` and
    ``LambdaFunctionUrlRouter`` are the same class with ``current_event`` typed for one integration.
    """

    def __init__(self) -> None:
        self._registrations: List[Registration] = []
        self._exception_handlers = {}
        self._middlewares = []
        self._context: Dict[str, Any] = {}
        self.api_resolver: Optional[ApiGatewayResolver] = None

    def _add_route(self, registration: Registration) -> None:
        self._registrations.append(registration)

    @property
    def current_event(self) -> Any:
        """The event being handled by the app that included this router (``None`` before)."""
        return self.api_resolver.current_event if self.api_resolver is not None else None

    @property
    def lambda_context(self) -> Any:
        """The Lambda context of the request being handled by the app that included this router."""
        return self.api_resolver.lambda_context if self.api_resolver is not None else None

    @property
    def context(self) -> Dict[str, Any]:
        """The app's request context once included; until then, context to hand over to the app."""
        return self.api_resolver.context if self.api_resolver is not None else self._context

    @context.setter
    def context(self, value: Dict[str, Any]) -> None:
        if self.api_resolver is not None:
            self.api_resolver.context = value
        else:
            self._context = value


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

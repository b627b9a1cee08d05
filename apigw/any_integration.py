"""``AnyIntegrationResolver``: one app for a function that sits behind several integrations at once; and
``ResponseBuilder``, which writes a ``Response`` in the format of whichever integration sent an event view.

The named resolvers (``APIGatewayRestResolver``, ``ALBResolver``, ...) read one integration's events and refuse the
others'. This one recognises the integration of each event (``apigw.integrations.detect``) and answers in that
integration's format, so the same function can serve an API Gateway REST API, an HTTP API, a Function URL and an
ALB; the dev server uses it for handlers of any integration::

    from apigw import AnyIntegrationResolver

    app = AnyIntegrationResolver()

    @app.get("/health")
    def health():
        return {"ok": True}

    def lambda_handler(event, context):
        return app.resolve(event, context)

Its name says what it does, so it is not taken for Powertools' ``ApiGatewayResolver`` (one integration, REST by
default). Trailing slashes are significant, as in ``ApiGatewayResolver``; the ALB views keep query values as the
ALB sends them (percent-encoded).
"""

from __future__ import annotations

from . import _impl, integrations
from .events import BaseProxyEvent
from .exceptions import InvalidEventError
from .resolver import _DEFAULT_CORS, Route, _integration_of_view, _NamedResolver

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Dict, Mapping, Optional

    from .integrations import Integration
    from .resolver import CORSConfig, Response

__all__ = ["AnyIntegrationResolver", "ResponseBuilder"]


class AnyIntegrationResolver(_NamedResolver):
    """Resolves the HTTP events of every integration apigw knows, each answered in its own integration's format.

    The keywords are ``ApiGatewayResolver``'s (without ``proxy_type``: the event says which integration sent it).
    ``integration`` is the integration of the event being resolved in this thread or task.
    """

    # Each event's view class follows its integration (resolve and _start build views through _detected_view),
    # and no integration is fixed: resolve and _start take the integration of each event's view.
    _integration = None  # type: ignore[assignment]

    def _view_class(self) -> Callable[..., BaseProxyEvent]:
        return self._detected_view

    @property
    def integration(self) -> Integration:
        """The integration of the event being resolved in this thread or task (a ``LookupError`` outside one)."""
        view = self._get_current_event()
        if view is None:
            raise LookupError("AnyIntegrationResolver answers every integration; it has one only during a request")
        return _integration_of_view(view)

    def _detected_view(self, event: Mapping[str, Any], json_deserializer: Any = None) -> BaseProxyEvent:
        integration = integrations.detect(event)
        if integration is None:
            raise self._invalid_event(event)
        return integration.event_class(event, json_deserializer)

    def _invalid_event(self, event: Any) -> InvalidEventError:
        found, what = integrations.describe(event)
        if found is not None:
            try:  # a known integration whose event misses a field: the view names it
                view = found.event_class(event)
                view.http_method  # noqa: B018
                view.path  # noqa: B018
            except InvalidEventError as exc:
                return exc
        return InvalidEventError(
            f"AnyIntegrationResolver reads the HTTP events of every integration, but this is {what}"
        )


_PLAIN_ROUTE = Route("*", "*", lambda: None, False, False, None)


class ResponseBuilder:
    """Builds the integration's response dict for a ``Response`` outside an app (as Powertools' class of that
    name): ``ResponseBuilder(response).build(event_view)``. The integration follows the event view's class; a
    ``route`` (``Route``) adds its CORS, cache-control and compression settings."""

    def __init__(
        self, response: Response[Any], serializer: Optional[Callable[[Any], str]] = None, route: Optional[Route] = None
    ) -> None:
        self.response = response
        self.serializer = serializer or _impl.encoder.dumps
        self.route = route or _PLAIN_ROUTE

    def build(self, event: BaseProxyEvent, cors: Optional[CORSConfig] = None) -> Dict[str, Any]:
        writer = _impl.encoder.ResponseWriter(self.serializer, cors or _DEFAULT_CORS, _impl.headers)
        return writer.write(event, self.response, self.route, _integration_of_view(event))

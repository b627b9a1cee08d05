"""API Gateway REST APIs (and HTTP API payload format 1.0): the event view ``APIGatewayProxyEvent`` and the resolver
``APIGatewayRestResolver``. Loaded on first use; the public names are in ``apigw.events`` and ``apigw``.
"""

from __future__ import annotations

from . import integrations
from .events import BaseProxyEvent, _child, _Field, _merged_query
from .resolver import _NamedResolver

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any, Dict, List

    from ._events_contexts import APIGatewayEventRequestContext


class APIGatewayProxyEvent(BaseProxyEvent):
    """An API Gateway REST API event (also the HTTP API payload format 1.0)."""

    __slots__ = ()

    _KIND = "REST API"
    _HINT = (
        "is this an API Gateway REST/ALB event? HTTP API 2.0 and Function URL events carry the method in "
        "requestContext.http.method and need APIGatewayProxyEventV2"
    )

    version: _Field[str] = _Field("version", 'The payload version (``"1.0"`` from HTTP API; REST events have none).')
    resource: _Field[str] = _Field("resource", 'The resource template that matched, e.g. ``"/orders/{id}"``.')

    @property
    def resolved_query_string_parameters(self) -> Dict[str, List[str]]:
        """Every query parameter with the list of its values: ``multiValueQueryStringParameters``, completed by
        the (comma-split) names only ``queryStringParameters`` has."""
        return _merged_query(self)

    @property
    def resolved_headers_field(self) -> Mapping[str, Any]:
        """``multi_value_headers`` (every value, as lists) when the event has them, else ``headers``."""
        return self.multi_value_headers or self.headers

    @property
    def request_context(self) -> APIGatewayEventRequestContext:
        """A view of ``requestContext`` (empty when missing)."""
        from ._events_contexts import (
            APIGatewayEventRequestContext,  # PERF: loaded on first use (most apps never read it)
        )

        return APIGatewayEventRequestContext(_child(self._data, "requestContext"))


class APIGatewayRestResolver(_NamedResolver):
    """Resolver for API Gateway REST APIs (and HTTP API payload 1.0). Trailing slashes are ignored: ``/orders/``
    matches the rule ``/orders``."""

    _integration = integrations.REST_API
    _ignore_trailing_slash = True

    if TYPE_CHECKING:

        @property
        def current_event(self) -> APIGatewayProxyEvent: ...

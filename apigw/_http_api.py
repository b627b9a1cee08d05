"""API Gateway HTTP APIs (payload format 2.0) and Lambda Function URLs: the event views ``APIGatewayProxyEventV2`` and
``LambdaFunctionUrlEvent``, and the resolvers ``APIGatewayHttpResolver`` and ``LambdaFunctionUrlResolver``. Loaded on
first use; the public names are in ``apigw.events`` and ``apigw``.
"""

from __future__ import annotations

from . import integrations
from ._case_insensitive import split_values
from .events import BaseProxyEvent, _child, _Field, _parse_cookie_header
from .resolver import _NamedResolver

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any, Dict, List, Optional, Tuple

    from ._events_contexts import RequestContextV2


class APIGatewayProxyEventV2(BaseProxyEvent):
    """An API Gateway HTTP API event in payload format 2.0.

    This format has no multi-value fields: HTTP API joins repeated headers and repeated query parameters with
    ``,`` into one value, and sends cookies in their own ``cookies`` list instead of a ``Cookie`` header.
    """

    __slots__ = ()

    def _request_line(self) -> Tuple[str, str]:
        # PERF: the method and the stage from one look at requestContext (see BaseProxyEvent._request_line).
        # Subscripts, not get(): a well-formed event takes no method call; anything else takes the checked path.
        data = self._data
        try:
            context = data["requestContext"]
            method = context["http"]["method"]
            raw = data["rawPath"]
        except (KeyError, TypeError):
            return self.http_method.upper(), self.path
        if type(method) is str and type(raw) is str and type(context) is dict:
            if not self._STAGE_IN_RAW_PATH:
                return method.upper(), raw
            stage = context.get("stage")
            if not stage or stage == "$default":
                return method.upper(), raw
        return self.http_method.upper(), self.path

    #: Whether ``rawPath`` starts with ``/{stage}`` for a named stage (HTTP API); ``path`` removes it then.
    _STAGE_IN_RAW_PATH = True

    _KIND = "HTTP API"
    _HINT = (
        "is this an HTTP API 2.0 or Function URL event? REST API and ALB events carry 'httpMethod' and 'path' "
        "and need APIGatewayProxyEvent or ALBEvent"
    )

    version: _Field[str] = _Field("version", 'The payload version, ``"2.0"``.')
    route_key: _Field[str] = _Field(
        "routeKey", 'The route that matched, e.g. ``"GET /orders/{id}"`` or ``"$default"``.'
    )
    raw_path: _Field[str] = _Field(
        "rawPath", "The ``rawPath`` field: the path including ``/{stage}`` for a named stage."
    )

    @property
    def raw_query_string(self) -> str:
        """The query string as the client sent it, undecoded (``""`` when none)."""
        return self._data.get("rawQueryString") or ""

    @property
    def cookies(self) -> List[str]:
        """The request cookies as ``"name=value"`` strings (the event's ``cookies`` list, or ``[]``)."""
        return self._data.get("cookies") or []

    @property
    def resolved_cookies_field(self) -> Dict[str, str]:
        """The request cookies (the ``cookies`` list) as a ``{name: value}`` dict."""
        return _parse_cookie_header("; ".join(item for item in self.cookies if isinstance(item, str)))

    @property
    def resolved_headers_field(self) -> Mapping[str, Any]:
        """The headers with comma-joined values split into lists, in a ``CaseInsensitiveDict``."""
        return split_values(self.headers)

    @property
    def http_method(self) -> str:
        """The request method, from ``requestContext.http.method``."""
        method = _child(_child(self._data, "requestContext"), "http").get("method")
        if not isinstance(method, str):
            raise self._invalid("requestContext.http.method")
        return method

    @property
    def path(self) -> str:
        """``rawPath`` without the ``/{stage}`` prefix a named stage adds.

        The prefix is removed only when ``rawPath`` really starts with the whole ``/{stage}`` segment, so stage
        ``v1`` leaves ``/v1beta/x`` alone, and ``/{stage}`` alone becomes ``/``. Behind a custom domain the stage
        is not in ``rawPath``; a route whose first segment equals the stage name would then lose it (as in
        Powertools). A Function URL has no stages: its ``path`` is ``rawPath``, unchanged.
        """
        raw = self._data.get("rawPath")
        if not isinstance(raw, str):
            raise self._invalid("rawPath")
        if not self._STAGE_IN_RAW_PATH:
            return raw
        stage = _child(self._data, "requestContext").get("stage")
        if stage and isinstance(stage, str) and stage != "$default":
            prefix_length = len(stage) + 1
            if raw.startswith(stage, 1) and raw[:1] == "/":
                if len(raw) == prefix_length:
                    return "/"
                if raw[prefix_length] == "/":
                    return raw[prefix_length:]
        return raw

    def get_multi_value_query_string_values(self, name: str, default_values: Optional[List[str]] = None) -> List[str]:
        """Every value of query parameter ``name``, or ``default_values`` (``[]`` when not given).

        HTTP API joins repeated parameters with ``,``, so the joined value is split on ``,``; a value that itself
        contained an (encoded) comma is split too. Parse ``raw_query_string`` when that matters.
        """
        params = self._single_query()
        if params:
            value = params.get(name)
            if isinstance(value, str):
                return value.split(",")
        return default_values or []

    @property
    def request_context(self) -> RequestContextV2:
        """A view of ``requestContext`` (empty when missing)."""
        from ._events_contexts import RequestContextV2  # PERF: loaded on first use (most apps never read it)

        return RequestContextV2(_child(self._data, "requestContext"))


class LambdaFunctionUrlEvent(APIGatewayProxyEventV2):
    """A Lambda Function URL event: the 2.0 format, always with stage ``$default``."""

    __slots__ = ()

    _KIND = "Function URL"
    _STAGE_IN_RAW_PATH = False  # Function URLs have no stages: ``path`` is ``rawPath``, unchanged


class APIGatewayHttpResolver(_NamedResolver):
    """Resolver for API Gateway HTTP APIs (payload 2.0)."""

    _integration = integrations.HTTP_API

    if TYPE_CHECKING:

        @property
        def current_event(self) -> APIGatewayProxyEventV2: ...


class LambdaFunctionUrlResolver(_NamedResolver):
    """Resolver for Lambda Function URLs (payload 2.0)."""

    _integration = integrations.FUNCTION_URL

    if TYPE_CHECKING:

        @property
        def current_event(self) -> LambdaFunctionUrlEvent: ...

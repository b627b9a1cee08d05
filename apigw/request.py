"""``Request``: the resolved request, as a middleware, a handler or a ``Depends()`` dependency sees it.

It answers what the raw event cannot: which route matched (in OpenAPI path-template form, ``/orders/{order_id}``),
and the path parameters the matcher extracted from the path. The rest are shortcuts into the event view::

    def audit(app, next_middleware):
        request = app.request
        print(request.method, request.route, request.path_parameters)
        return next_middleware(app)

    @app.get("/orders/<order_id>")
    def get_order(order_id: str, request: Request):  # any parameter name; the annotation is what counts
        return {"id": order_id, "agent": request.headers.get("user-agent")}

``app.request`` (and ``router.request``) builds it on first use during a request and hands out the same object
until the request ends; a request nobody asks about never builds one. Outside a matched request (before
``resolve``, or for a request no route matches) ``app.request`` raises ``RuntimeError``.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, Optional

    from .events import BaseProxyEvent

__all__ = ["Request"]

_NOT_RESOLVING = "app.request is only available after route resolution. Use it inside middleware or a route handler."


class RequestHeaders(dict):  # type: ignore[type-arg]
    """The request headers as a ``dict`` keyed by lower-case name, read in any letter case.

    >>> headers = RequestHeaders({"Content-Type": "text/plain"})
    >>> headers["content-type"], headers.get("CONTENT-TYPE"), "Content-Type" in headers
    ('text/plain', 'text/plain', True)
    """

    def __init__(self, headers: Any = ()) -> None:
        items = headers.items() if hasattr(headers, "items") else headers
        super().__init__((str(name).lower(), value) for name, value in items)

    def __getitem__(self, name: str) -> Any:
        return super().__getitem__(name.lower() if isinstance(name, str) else name)

    def __contains__(self, name: object) -> bool:
        return super().__contains__(name.lower() if isinstance(name, str) else name)

    def get(self, name: str, default: Any = None) -> Any:  # type: ignore[override]
        return super().get(name.lower() if isinstance(name, str) else name, default)


class Request:
    """The request being resolved: matched route, path parameters, and the event's method, headers and body.

    ``Request(route_path, path_parameters, current_event, context)`` builds one by hand (to unit-test a
    dependency); during a request, ask for ``app.request`` or annotate a handler or dependency parameter with
    ``Request``.
    """

    __slots__ = ("_route_path", "_path_parameters", "_current_event", "_context", "_headers")

    def __init__(
        self,
        route_path: str,
        path_parameters: Dict[str, Any],
        current_event: BaseProxyEvent,
        context: Optional[Dict[str, Any]] = None,
    ) -> None:
        self._route_path = route_path
        self._path_parameters = path_parameters
        self._current_event = current_event
        self._context = context if context is not None else {}
        self._headers: Optional[RequestHeaders] = None

    @property
    def route(self) -> str:
        """The rule that matched, in OpenAPI path-template form: ``/orders/<order_id>`` reads
        ``/orders/{order_id}`` (and a ``{proxy+}`` rule reads ``{proxy+}``)."""
        return self._route_path

    @property
    def path_parameters(self) -> Dict[str, Any]:
        """The values the rule's placeholders matched, e.g. ``{"order_id": "42"}`` (not the event's
        ``pathParameters``, which behind a ``{proxy+}`` resource only hold ``proxy``)."""
        return self._path_parameters

    @property
    def method(self) -> str:
        """The HTTP method in upper case, e.g. ``"PUT"``."""
        return self._current_event.http_method.upper()

    @property
    def headers(self) -> RequestHeaders:
        """The request headers: a ``dict`` keyed by lower-case name that ignores letter case on lookup (one value
        per name; ``resolved_event.headers.get_all(name)`` has every value of a repeated header)."""
        headers = self._headers
        if headers is None:
            view = self._current_event.headers
            headers = self._headers = RequestHeaders((name, view[name]) for name in view)
        return headers

    @property
    def query_parameters(self) -> Optional[Dict[str, str]]:
        """The event view's ``query_string_parameters`` (empty when the request has no query string)."""
        return self._current_event.query_string_parameters

    @property
    def body(self) -> Optional[str]:
        """The raw body field (base64 text for binary bodies), or ``None``."""
        return self._current_event.body

    @property
    def json_body(self) -> Any:
        """The body parsed as JSON, or ``None`` without a body (``InvalidJSONBodyError``, a 400, if it is not
        JSON)."""
        return self._current_event.json_body

    @property
    def resolved_event(self) -> BaseProxyEvent:
        """The full event view (``app.current_event``): cookies, request context, raw fields."""
        return self._current_event

    @property
    def context(self) -> Dict[str, Any]:
        """The request context (``app.context``): what middlewares put there with ``append_context`` is here."""
        return self._context

    def __repr__(self) -> str:
        return f"Request({self.method} {self._route_path!r}, path_parameters={self._path_parameters!r})"


def openapi_path(rule: str) -> str:
    """A normalized apigw rule in OpenAPI path-template form: ``<name>`` -> ``{name}``, and the ``(?P<name>.+)``
    group an API Gateway ``{name+}`` became -> ``{name+}``.

    >>> openapi_path("/orders/<order_id>/items"), openapi_path("/files/(?P<proxy>.+)")
    ('/orders/{order_id}/items', '/files/{proxy+}')
    """
    import re  # loaded by the resolver already; local to keep this module's import free

    return re.sub(r"<(\w+)>", r"{\1}", re.sub(r"\(\?P<(\w+)>\.\+\)", r"{\1+}", rule))

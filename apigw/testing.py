"""Test a Lambda HTTP app without AWS: ``Client`` sends HTTP-like requests through the real event format.

::

    from apigw.testing import Client
    from my_service import app

    def test_get_order():
        client = Client(app)                       # the integration follows the resolver
        response = client.get("/orders/42", query={"expand": ["items", "customer"]})
        assert response.status_code == 200
        assert response.json()["id"] == "42"

Each request is built into the event its integration sends (``Integration.build_event``: REST API, HTTP API,
Function URL, ALB in single- or multi-value mode, VPC Lattice), given to the function with a Lambda-like context,
and the raw response is checked as the integration would check it: a response AWS would refuse (a 502 at the
gateway) or partly drop fails the test with an ``AssertionError`` naming the problem. What comes back is what an
HTTP client would receive: status, headers (every value of a repeated header), cookies, the body as bytes (base64
and gzip decoded), plus the raw response dict and the event sent.

Any ``lambda_handler(event, context)`` function can be tested too: ``Client(lambda_handler, integration="http")``.
"""

from __future__ import annotations

import gzip
import json as _json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterator, List, Optional, Protocol, Sequence, Tuple, Union

from . import _wire, integrations
from ._lambda_context import LambdaContext
from .integrations import Integration

__all__ = ["Client", "ClientResponse", "LambdaContext", "ResponseHeaders", "integration_named"]

#: ``Client(handler, integration=...)`` names (those of ``apigw.integrations.BY_NAME``)
INTEGRATION_NAMES = tuple(integrations.BY_NAME)

if TYPE_CHECKING:
    # The event builder's own argument types: what Integration.build_event accepts, the client passes on.
    from ._wire import CookiesInput, HeadersInput, QueryInput

    class _MethodRequest(Protocol):
        """What type checkers see of ``Client.get``, ``post``, ...: ``request`` for one method."""

        def __call__(
            self,
            path: str,
            *,
            query: QueryInput = None,
            headers: HeadersInput = None,
            cookies: CookiesInput = None,
            json: Any = None,
            body: Union[str, bytes, None] = None,
        ) -> ClientResponse: ...


Handler = Callable[[Dict[str, Any], Any], Any]


def integration_named(name: str) -> Integration:
    """The integration for a short name (``rest``, ``http``, ``url``, ``alb``, ``lattice``, ``lattice-v2``); a
    ``ValueError`` listing the names for any other (``apigw.integrations.named``)."""
    return integrations.named(name)


class ResponseHeaders(Mapping[str, str]):
    """Response headers as an HTTP client sees them: names ignore case, and a repeated header keeps every value.

    ``headers["x-id"]`` is the values joined with ``", "`` (how HTTP combines a repeated field);
    ``headers.get_all("Set-Cookie")`` lists each one; ``headers.pairs`` is every ``(name, value)`` in order.
    """

    def __init__(self, pairs: Sequence[Tuple[str, str]]) -> None:
        self.pairs: List[Tuple[str, str]] = list(pairs)

    def get_all(self, name: str) -> List[str]:
        """Every value of header ``name`` (any case), in order; ``[]`` when absent."""
        lowered = name.lower()
        return [value for key, value in self.pairs if key.lower() == lowered]

    def __getitem__(self, name: str) -> str:
        values = self.get_all(name)
        if not values:
            raise KeyError(name)
        return ", ".join(values)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and bool(self.get_all(name))

    def __iter__(self) -> Iterator[str]:
        seen = set()
        for key, _ in self.pairs:
            if key.lower() not in seen:
                seen.add(key.lower())
                yield key

    def __len__(self) -> int:
        return len({key.lower() for key, _ in self.pairs})

    def __repr__(self) -> str:
        return f"ResponseHeaders({self.pairs!r})"


class ClientResponse:
    """What an HTTP client would receive for one request, plus what the function saw and returned."""

    def __init__(
        self, status_code: int, headers: ResponseHeaders, body: bytes, raw: Any, event: Dict[str, Any]
    ) -> None:
        #: the HTTP status
        self.status_code = status_code
        #: case-insensitive; ``headers.get_all(name)`` for every value of a repeated header
        self.headers = headers
        #: the body bytes as the client receives them: base64 decoded, and gunzipped when ``Content-Encoding: gzip``
        self.body = body
        #: the response dict the function returned
        self.raw = raw
        #: the event the function was given
        self.event = event

    @property
    def cookies(self) -> Dict[str, str]:
        """Cookie name to value, from every ``Set-Cookie`` header (attributes such as ``Path`` left out)."""
        found = {}
        for header in self.headers.get_all("set-cookie"):
            name, _, value = header.split(";", 1)[0].partition("=")
            found[name.strip()] = value.strip()
        return found

    @property
    def text(self) -> str:
        """The body as text (UTF-8, or the ``charset`` of the ``Content-Type``)."""
        charset = "utf-8"
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                charset = value.strip('"')
        return self.body.decode(charset)

    def json(self) -> Any:
        """The body parsed as JSON."""
        return _json.loads(self.body)

    def __repr__(self) -> str:
        return f"<ClientResponse {self.status_code}, {len(self.body)} bytes>"


def _method_request(method: str) -> Callable[..., ClientResponse]:
    """``Client.get`` and its siblings: ``request`` for one method, with the same keyword-only options."""

    def method_request(self: Client, path: str, **options: Any) -> ClientResponse:
        return self.request(method, path, **options)

    method_request.__name__ = method.lower()
    method_request.__qualname__ = f"Client.{method_request.__name__}"
    method_request.__doc__ = f"``request({method!r}, path, ...)``."
    return method_request


class Client:
    """Sends requests to a resolver or a ``lambda_handler(event, context)`` function through real Lambda events.

    ``Client(app)`` follows the resolver's integration (``AnyIntegrationResolver`` answers every integration: say
    which one with ``integration=``). ``Client(handler, integration="http")`` tests any handler function;
    ``integration`` is ``rest``, ``http``, ``url``, ``alb``, ``lattice`` or ``lattice-v2``.
    ``multi_value_headers=True`` sends ALB events of a target group with multi-value headers on; ``stage`` names
    the API Gateway stage.

    Every method returns a ``ClientResponse``; a response the integration would refuse raises ``AssertionError``.
    """

    def __init__(
        self,
        app: Union[Handler, Any],
        *,
        integration: Optional[str] = None,
        multi_value_headers: bool = False,
        stage: Optional[str] = None,
    ) -> None:
        self.app = app
        self.integration = _integration_for(app, integration)
        self.integration.check_settings(stage=stage, multi_value=multi_value_headers)  # bad settings fail here
        self.multi_value_headers = multi_value_headers
        self.stage = stage
        resolve = getattr(app, "resolve", None)
        self._handler: Handler = resolve if callable(resolve) and hasattr(app, "routes") else app

    def request(
        self,
        method: str,
        path: str,
        *,
        query: QueryInput = None,
        headers: HeadersInput = None,
        cookies: CookiesInput = None,
        json: Any = None,
        body: Union[str, bytes, None] = None,
    ) -> ClientResponse:
        """Send ``method path`` and return what the client receives.

        ``path`` may carry a query string (``/orders?page=2``); ``query`` adds parameters (a mapping whose values
        may be lists, or ``(name, value)`` pairs); ``headers`` is a mapping whose values may be lists (a repeated
        header), or ``(name, value)`` pairs; ``cookies`` (a mapping, or a list of ``"name=value"`` strings) is sent
        as a ``Cookie`` header (HTTP API and Function URL events carry them in their ``cookies`` list); ``json`` is
        sent as a JSON body with ``Content-Type: application/json``; ``body`` is text, or ``bytes`` (sent
        base64-encoded).
        """
        header_pairs = _wire.header_pairs(headers)
        if json is not None:
            if body is not None:
                raise TypeError("give json= or body=, not both")
            body = _json.dumps(json, separators=(",", ":"))
            if not any(name.lower() == "content-type" for name, _ in header_pairs):
                header_pairs.append(("Content-Type", "application/json"))
        if body is not None and not any(name.lower() == "content-length" for name, _ in header_pairs):
            size = len(body.encode("utf-8")) if isinstance(body, str) else len(body)
            header_pairs.append(("Content-Length", str(size)))
        integration = self.integration
        event = integration.build_event(
            method,
            _wire.quote_path(path),
            query=query,
            headers=header_pairs,
            cookies=cookies,
            body=body,
            stage=self.stage,
            multi_value=self.multi_value_headers,
        )
        raw = self._handler(event, LambdaContext())
        problems = integration.response_problems(raw, event)
        if problems:
            shown = repr(raw)
            shown = shown if len(shown) <= 600 else shown[:600] + "..."
            raise AssertionError(
                f"{method.upper()} {path}: the {integration.title} would refuse this response or lose part of it:\n- "
                + "\n- ".join(problems)
                + f"\nresponse: {shown}"
            )
        status, pairs, data = integration.http_response(raw, event)
        headers_seen = ResponseHeaders(pairs)
        if method.upper() == "HEAD":
            data = b""  # a HEAD answer has no body on the wire, whatever the function returned
        elif data and headers_seen.get("content-encoding", "").strip().lower() == "gzip":
            data = gzip.decompress(data)  # as HTTP clients do
        return ClientResponse(status, headers_seen, data, raw, event)

    # One method each, as request() for that method (type checkers read _MethodRequest).
    if TYPE_CHECKING:
        get: _MethodRequest
        head: _MethodRequest
        options: _MethodRequest
        post: _MethodRequest
        put: _MethodRequest
        patch: _MethodRequest
        delete: _MethodRequest
    else:
        get, head, options = _method_request("GET"), _method_request("HEAD"), _method_request("OPTIONS")
        post, put = _method_request("POST"), _method_request("PUT")
        patch, delete = _method_request("PATCH"), _method_request("DELETE")


def _integration_for(app: Any, name: Optional[str], how: str = "pass integration=") -> Integration:
    """The integration a client, the dev server or the CLI emulates for ``app``: the resolver's, or the one named.
    ``how`` says how the caller names one, in the message when it must."""
    from .any_integration import AnyIntegrationResolver
    from .resolver import ApiGatewayResolver

    wanted = None if name is None else integrations.named(name)
    if isinstance(app, AnyIntegrationResolver):
        if wanted is None:
            raise TypeError(
                f"AnyIntegrationResolver answers every integration: name the one to send; {how} "
                f"({integrations.known_names()})"
            )
        return wanted
    if isinstance(app, ApiGatewayResolver):
        own = app.integration
        if wanted is not None and wanted.family() != own.family():
            raise ValueError(
                f"{type(app).__name__} reads {own.title} events; it would refuse {wanted.title} events "
                f"(use {wanted.resolver_name}, or AnyIntegrationResolver)"
            )
        return wanted or own
    if not callable(app):
        raise TypeError(f"test a resolver or a lambda_handler(event, context) function, not {type(app).__name__}")
    if wanted is None:
        raise TypeError(f"a handler function does not say which events it reads: {how} ({integrations.known_names()})")
    return wanted

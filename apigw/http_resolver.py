"""``HttpResolverLocal`` (also named ``HttpResolver``): one app that is a Lambda resolver and an ASGI application.

::

    from apigw import HttpResolverLocal

    app = HttpResolverLocal()

    @app.get("/hello/<name>")
    async def hello(name: str):
        return {"message": f"hello {name}"}

    def lambda_handler(event, context):           # in Lambda: API Gateway REST events
        return asyncio.run(app.resolve_async(event, context))

    # on this machine, or behind the Lambda Web Adapter:  uvicorn my_module:app

``app.resolve(event, context)`` and ``app.resolve_async(event, context)`` take API Gateway REST (payload 1.0) events.
``await app(scope, receive, send)`` serves ASGI: each HTTP request becomes a REST event built by the REST
integration's builder (``Integration.build_event``, as the test client and the dev server build theirs), with what
Powertools' ``HttpResolverLocal`` shows a handler differently from API Gateway (see ``LOCAL_HTTP``); the event is
resolved by ``resolve_async`` (synchronous and ``async def`` handlers, middlewares and exception handlers), and the
response dict is written back as API Gateway would deliver it (``Integration.http_response``): every header, each
cookie its own ``set-cookie``, base64 bodies as bytes. Request state lives in context variables, and an ASGI server
runs each request in its own task, so concurrent requests never see each other's event or context.

The ``lifespan`` scope is acknowledged (startup and shutdown complete at once); other scopes (``websocket``) are not
HTTP events and are left to the server, which refuses them.

Loaded on first use (``from apigw import HttpResolverLocal``): ``import apigw`` never loads it, and an app that only
resolves Lambda events loads neither ``asyncio`` nor the event builders.
"""

from __future__ import annotations

from . import _shared
from ._lambda_context import LambdaContext
from .integrations import REST_API, Integration
from .resolver import _NamedResolver

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Awaitable, Callable, Dict, List, MutableMapping, Tuple, Union

    from .events import APIGatewayProxyEvent

    Scope = MutableMapping[str, Any]
    Message = MutableMapping[str, Any]
    Receive = Callable[[], Awaitable[Message]]
    Send = Callable[[Message], Awaitable[None]]

__all__ = ["LOCAL_HTTP", "HttpResolver", "HttpResolverLocal", "MockLambdaContext"]

#: The largest request body accepted over ASGI: a Lambda synchronous invocation takes at most 6 MB of request, so a
#: larger body could never reach the function in AWS.
REQUEST_BODY_LIMIT = 6 * 1024 * 1024

# A decoded path is percent-encoded again with these left as they are; "%" and "?" are encoded, so that decoding the
# result gives the server's path back exactly.
_PATH_SAFE = "/:@!$&'()*+,;=-._~"


# The integration of every ``HttpResolverLocal``: API Gateway REST events and responses, with what Powertools'
# HttpResolverLocal shows differently.
#
# Events (built for ASGI requests, by the test client and by the dev server: ``apigw._wire.LocalHttpWire``):
#
# - ``path`` is percent-decoded, as an HTTP server hands it to an application (API Gateway REST keeps the
#   encoding), so ``/files/a%20b`` matches ``/files/<name>`` with ``name == "a b"``;
# - header names are lowercase, and ``headers`` holds every value of a repeated header joined with ``", "``
#   (``"; "`` for ``Cookie``, as HTTP/2 joins cookie fields); ``multiValueHeaders`` keeps each value;
# - query values are form-decoded (``+`` is a space), as HTTP servers do (API Gateway keeps ``+``);
# - the stage is ``local`` and the request URL has no stage prefix (a server reached directly).
#
# Responses: ``headers`` with a header's values joined with ``", "`` (Powertools' HttpResolverLocal), and the
# cookies, which cannot be joined, as ``Set-Cookie`` values in ``multiValueHeaders``. API Gateway merges the two
# maps, so the answer is a legal REST response too.
LOCAL_HTTP = REST_API.replace(
    layout=_shared.JOINED_COOKIES_IN_MULTI,
    # COMPAT: as Powertools' HttpResolverLocal: served locally or behind a proxy, no URL has a stage prefix (the
    # OpenAPI server URL is "/" even for an event with a stage).
    stage_in_urls=False,
    wire_name="LocalHttpWire",
)


class MockLambdaContext(LambdaContext):
    """The Lambda context handlers get for ASGI requests: the attributes of the Lambda runtime's context object, with
    local values, a new ``aws_request_id`` per request and a ``get_remaining_time_in_millis`` that counts down from
    five minutes (``apigw.testing.LambdaContext``, named ``http-resolver``)."""

    timeout_seconds = 300.0

    def __init__(self) -> None:
        super().__init__("http-resolver", self.timeout_seconds)
        self.invoked_function_arn = "arn:aws:lambda:local:000000000000:function:http-resolver"
        self.log_stream_name = "local"


class HttpResolverLocal(_NamedResolver):
    """A resolver of API Gateway REST events that is also an ASGI application: the same app runs in Lambda
    (``app.resolve`` / ``app.resolve_async``) and under uvicorn or any ASGI server (``uvicorn my_module:app``).

    The keywords are ``ApiGatewayResolver``'s without ``proxy_type``. Trailing slashes are significant (as in
    Powertools' HttpResolverLocal). See the module documentation for what an ASGI request looks like to handlers.
    """

    _integration = LOCAL_HTTP
    _ignore_trailing_slash = False

    if TYPE_CHECKING:

        @property
        def current_event(self) -> APIGatewayProxyEvent: ...

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:  # type: ignore[override]
        """The ASGI application: ``await app(scope, receive, send)``."""
        await self.asgi_handler(scope, receive, send)

    async def asgi_handler(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve one ASGI connection scope: ``http`` requests, the ``lifespan`` protocol; other scopes are ignored."""
        kind = scope.get("type")
        if kind == "lifespan":
            await _lifespan(receive, send)
            return
        if kind != "http":
            return  # NOTE: not an HTTP request (a websocket): the server refuses the connection
        data = await _read_body(receive, REQUEST_BODY_LIMIT)
        if data is None:
            return  # the client went away before sending the whole request: nobody to answer
        method = scope.get("method") or "GET"
        if isinstance(data, _TooLarge):
            message = f"the request body is over {REQUEST_BODY_LIMIT} bytes, more than a Lambda invocation takes"
            await _send_error(send, method, 413, message)
            return
        try:
            event = _event_of(self._integration, scope, data)
        except ValueError as exc:  # a request no integration could deliver: a bad path, header or method
            await _send_error(send, method, 400, str(exc))
            return
        response = await self.resolve_async(event, MockLambdaContext())
        status, pairs, body = self._integration.http_response(response, event)
        await _send_response(send, method, status, pairs, body)


#: Powertools names the same class both ways.
HttpResolver = HttpResolverLocal


# -- ASGI helpers ----------------------------------------------------------------------------------------------------


class _TooLarge:
    """A request body over the limit (its bytes are not kept)."""


async def _lifespan(receive: Receive, send: Send) -> None:
    """Acknowledge startup and shutdown; the app has nothing to open or close."""
    while True:
        message = await receive()
        kind = message.get("type")
        if kind == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif kind == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return


async def _read_body(receive: Receive, limit: int) -> Union[bytes, _TooLarge, None]:
    """The request body; ``None`` when the client disconnected first; a ``_TooLarge`` over ``limit`` bytes."""
    chunks: List[bytes] = []
    size = 0
    while True:
        message = await receive()
        kind = message.get("type")
        if kind == "http.disconnect":
            return None
        if kind != "http.request":
            continue
        chunk = message.get("body") or b""
        size += len(chunk)
        if size > limit:
            return _TooLarge()
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def _text(data: bytes) -> str:
    """Header bytes as text: UTF-8 (what clients send today), else Latin-1 (every byte is a character)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _event_of(integration: Integration, scope: Scope, data: bytes) -> Dict[str, Any]:
    """The REST event of one ASGI ``http`` request (``ValueError`` when no integration could deliver it)."""
    from urllib.parse import quote

    path = scope.get("path")
    if not isinstance(path, str):
        raise ValueError(f"the ASGI scope has no request path ({path!r})")
    target = quote(path, safe=_PATH_SAFE)
    query_string = scope.get("query_string") or b""
    if query_string:
        target = f"{target}?{query_string.decode('utf-8', 'replace')}"
    headers = [(_text(name), _text(value)) for name, value in scope.get("headers") or ()]
    body: Union[str, bytes, None] = None
    if data:
        try:
            body = data.decode("utf-8")  # COMPAT: Powertools hands text bodies over as text, whatever their type
        except UnicodeDecodeError:
            body = data  # binary: base64-encoded, with isBase64Encoded (body_bytes has the bytes)
    client = scope.get("client")
    source_ip = client[0] if client and isinstance(client[0], str) else "127.0.0.1"
    return integration.build_event(
        scope.get("method") or "GET", target, headers=headers, body=body, source_ip=source_ip
    )


async def _send_response(send: Send, method: str, status: int, pairs: List[Tuple[str, str]], body: bytes) -> None:
    """``http.response.start`` (header names lowercase, as ASGI wants them) and one ``http.response.body``."""
    from . import _wire  # PERF: loaded already by the event builder of every ASGI request

    pairs, body = _wire.framed(method, status, pairs, body)
    headers = [
        (name.lower().encode("latin-1"), value.encode("utf-8"))  # NOTE: non-ASCII values as UTF-8, as API Gateway
        for name, value in pairs
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body, "more_body": False})


async def _send_error(send: Send, method: str, status: int, message: str) -> None:
    import json

    body = json.dumps({"statusCode": status, "message": message}).encode("utf-8")
    await _send_response(send, method, status, [("Content-Type", "application/json")], body)

"""``HttpResolverLocal``: the same app as a Lambda resolver of REST events and as an ASGI application.

ASGI requests are driven the way a server drives an application: a scope (``builders.asgi_scope``), a ``receive``
that hands over the body (in chunks when asked), a ``send`` that records the messages. Every test runs against the
compiled and the pure implementation (see conftest.py).
"""

from __future__ import annotations

import asyncio
import gzip
import json
import threading
from typing import Any, Dict, List, Optional, Tuple

import pytest
from builders import alb_event, asgi_scope, rest_event

from apigw import Cookie, CORSConfig, Response
from apigw.exceptions import InvalidEventError
from apigw.http_resolver import HttpResolver, HttpResolverLocal, MockLambdaContext
from apigw.integrations import REST_API
from apigw.server import DevServer
from apigw.testing import Client, LambdaContext

BINARY = bytes(range(256)) * 64  # every byte value; not UTF-8


class Answer:
    """What an ASGI server got back from the application for one request."""

    def __init__(self, messages: List[Dict[str, Any]]) -> None:
        self.messages = messages
        start = [message for message in messages if message["type"] == "http.response.start"]
        self.status: Optional[int] = start[0]["status"] if start else None
        self.header_pairs: List[Tuple[bytes, bytes]] = list(start[0]["headers"]) if start else []
        bodies = [message for message in messages if message["type"] == "http.response.body"]
        self.body = b"".join(message.get("body", b"") for message in bodies)

    def header(self, name: str) -> Optional[str]:
        values = self.headers_named(name)
        return values[-1] if values else None

    def headers_named(self, name: str) -> List[str]:
        return [value.decode("utf-8") for key, value in self.header_pairs if key == name.encode("ascii")]

    def json(self) -> Any:
        return json.loads(self.body)


async def call(app: Any, scope: Dict[str, Any], body: bytes = b"", chunks: int = 1) -> Answer:
    """``await app(scope, receive, send)`` with ``body`` handed over in ``chunks`` ``http.request`` messages."""
    size = -(-len(body) // chunks) if body else 0
    parts = [body[i : i + size] for i in range(0, len(body), size)] if body else [b""]
    incoming = [
        {"type": "http.request", "body": part, "more_body": index < len(parts) - 1} for index, part in enumerate(parts)
    ]
    sent: List[Dict[str, Any]] = []

    async def receive() -> Dict[str, Any]:
        await asyncio.sleep(0)
        return incoming.pop(0) if incoming else {"type": "http.disconnect"}

    async def send(message: Dict[str, Any]) -> None:
        await asyncio.sleep(0)
        sent.append(message)

    await app(scope, receive, send)
    return Answer(sent)


def asgi(app: Any, scope: Dict[str, Any], body: bytes = b"", chunks: int = 1) -> Answer:
    return asyncio.run(call(app, scope, body, chunks))


# -- the Lambda side ----------------------------------------------------------------------------------------------


def test_resolve_answers_a_rest_event():
    app = HttpResolverLocal()
    app.get("/orders/<order_id>")(lambda order_id: {"id": order_id})

    response = app.resolve(rest_event("/orders/7"), MockLambdaContext())

    assert response["statusCode"] == 200
    assert json.loads(response["body"]) == {"id": "7"}


def test_resolve_joins_header_values_and_keeps_each_cookie_a_rest_api_accepts():
    app = HttpResolverLocal()

    @app.get("/")
    def index():
        cookies = [Cookie("a", "1"), Cookie("b", "2")]
        return Response(200, "text/plain", "ok", headers={"X-Tag": ["a", "b"]}, cookies=cookies)

    response = app.resolve(rest_event("/"), None)

    assert response["headers"]["X-Tag"] == "a, b"
    assert [value.split(";")[0] for value in response["multiValueHeaders"]["Set-Cookie"]] == ["a=1", "b=2"]
    assert "cookies" not in response
    assert REST_API.response_problems(response, rest_event("/")) == []


def test_resolve_async_runs_async_handlers_for_lambda():
    app = HttpResolverLocal()

    @app.get("/async")
    async def handler():
        await asyncio.sleep(0)
        return {"async": True}

    response = asyncio.run(app.resolve_async(rest_event("/async"), None))

    assert json.loads(response["body"]) == {"async": True}


def test_trailing_slashes_are_significant_as_in_powertools():
    app = HttpResolverLocal()
    app.get("/hello")(lambda: {})

    assert app.resolve(rest_event("/hello/"), None)["statusCode"] == 404


def test_an_event_of_another_integration_names_the_resolver_to_use():
    app = HttpResolverLocal()
    app.get("/hello")(lambda: {})

    with pytest.raises(InvalidEventError, match="ALBResolver"):
        app.resolve(alb_event("/hello"), None)


def test_http_resolver_is_the_same_class():
    assert HttpResolver is HttpResolverLocal


# -- ASGI requests ------------------------------------------------------------------------------------------------


def test_an_asgi_get_is_routed_with_its_path_parameters():
    app = HttpResolverLocal()
    app.get("/hello/<name>")(lambda name: {"hello": name})

    answer = asgi(app, asgi_scope("/hello/world"))

    assert answer.status == 200
    assert answer.json() == {"hello": "world"}
    assert answer.header("content-type") == "application/json"
    assert answer.header("content-length") == str(len(answer.body))


def test_the_path_is_the_decoded_path_the_server_hands_over():
    app = HttpResolverLocal()
    app.get("/files/<name>")(lambda name: {"name": name, "path": app.current_event.path})

    answer = asgi(app, asgi_scope("/files/a b%2F100%"))

    assert answer.json() == {"name": "a b%2F100%", "path": "/files/a b%2F100%"}


def test_query_values_are_form_decoded_and_repeated_ones_kept():
    app = HttpResolverLocal()

    @app.get("/search")
    def search():
        event = app.current_event
        return {
            "q": event.get_query_string_value("q"),
            "tags": event.get_multi_value_query_string_values("tag"),
            "empty": event.get_query_string_value("empty"),
        }

    answer = asgi(app, asgi_scope("/search", query=b"q=red+shoes%21&tag=a&tag=b&empty="))

    assert answer.json() == {"q": "red shoes!", "tags": ["a", "b"], "empty": ""}


def test_repeated_request_headers_are_joined_in_headers_and_kept_in_get_all():
    app = HttpResolverLocal()

    @app.get("/headers")
    def headers():
        event = app.current_event
        return {"accept": event.headers["Accept"], "each": event.headers.get_all("accept")}

    scope = asgi_scope("/headers", headers=[(b"accept", b"text/html"), (b"accept", b"application/json")])
    answer = asgi(app, scope)

    assert answer.json() == {"accept": "text/html, application/json", "each": ["text/html", "application/json"]}


def test_several_cookie_headers_read_as_one_cookie_list():
    app = HttpResolverLocal()
    app.get("/me")(lambda: {"cookies": app.current_event.headers["cookie"]})

    answer = asgi(app, asgi_scope("/me", headers=[(b"cookie", b"a=1"), (b"cookie", b"b=2")]))

    assert answer.json() == {"cookies": "a=1; b=2"}


def test_a_json_body_reaches_the_handler_as_text():
    app = HttpResolverLocal()

    @app.post("/orders")
    def create():
        event = app.current_event
        return {"body": event.body, "json": event.json_body, "base64": event.is_base64_encoded}

    scope = asgi_scope("/orders", "POST", headers=[(b"content-type", b"application/json")])
    answer = asgi(app, scope, b'{"item": "caf\xc3\xa9"}')

    assert answer.json() == {"body": '{"item": "café"}', "json": {"item": "café"}, "base64": False}


def test_a_request_without_body_has_none():
    app = HttpResolverLocal()
    app.get("/body")(lambda: {"body": app.current_event.body})

    assert asgi(app, asgi_scope("/body")).json() == {"body": None}


def test_a_binary_upload_in_chunks_reaches_the_handler_byte_for_byte():
    app = HttpResolverLocal()

    @app.post("/upload")
    def upload():
        data = app.current_event.body_bytes
        return {"size": len(data), "same": data == BINARY, "base64": app.current_event.is_base64_encoded}

    scope = asgi_scope("/upload", "POST", headers=[(b"content-type", b"application/octet-stream")])
    answer = asgi(app, scope, BINARY, chunks=5)

    assert answer.json() == {"size": len(BINARY), "same": True, "base64": True}


def test_a_binary_body_is_echoed_byte_for_byte():
    app = HttpResolverLocal()

    @app.post("/echo")
    def echo():
        return Response(200, "application/octet-stream", app.current_event.body_bytes)

    answer = asgi(app, asgi_scope("/echo", "POST"), BINARY, chunks=3)

    assert answer.body == BINARY
    assert answer.header("content-length") == str(len(BINARY))
    assert answer.header("content-type") == "application/octet-stream"


def test_each_cookie_is_its_own_set_cookie_header():
    app = HttpResolverLocal()

    @app.get("/login")
    def login():
        return Response(200, "text/plain", "hi", cookies=[Cookie("session", "abc"), Cookie("theme", "dark")])

    answer = asgi(app, asgi_scope("/login"))

    assert [value.split(";")[0] for value in answer.headers_named("set-cookie")] == ["session=abc", "theme=dark"]


def test_response_header_names_are_lowercase_and_list_values_joined():
    app = HttpResolverLocal()
    app.get("/tags")(lambda: Response(200, "text/plain", "ok", headers={"X-Tag": ["a", "b"]}))

    answer = asgi(app, asgi_scope("/tags"))

    assert (b"x-tag", b"a, b") in answer.header_pairs
    assert all(name == name.lower() for name, _ in answer.header_pairs)


def test_a_compressed_answer_arrives_gzipped_with_its_content_encoding():
    app = HttpResolverLocal()
    app.get("/big", compress=True)(lambda: {"items": list(range(100))})

    answer = asgi(app, asgi_scope("/big", headers=[(b"accept-encoding", b"gzip")]))

    assert answer.header("content-encoding") == "gzip"
    assert json.loads(gzip.decompress(answer.body)) == {"items": list(range(100))}


def test_async_and_sync_middlewares_run_around_an_async_handler_over_asgi():
    app = HttpResolverLocal()
    order: List[str] = []

    async def timing(app, next_middleware):
        order.append("async before")
        response = await next_middleware(app)
        order.append("async after")
        return response

    def tagging(app, next_middleware):  # synchronous, around an async handler: runs in a worker thread
        order.append("sync before")
        response = next_middleware(app)
        response.headers["X-Tagged"] = "yes"
        return response

    app.use([timing, tagging])

    @app.get("/items/<item_id>")
    async def item(item_id: str):
        await asyncio.sleep(0)
        order.append("handler")
        return {"id": item_id}

    answer = asgi(app, asgi_scope("/items/42"))

    assert (answer.status, answer.json(), answer.header("x-tagged")) == (200, {"id": "42"}, "yes")
    assert order == ["async before", "sync before", "handler", "async after"]


def test_an_async_exception_handler_answers_for_an_async_handler_over_asgi():
    app = HttpResolverLocal()

    @app.exception_handler(KeyError)
    async def missing(exc: KeyError):
        await asyncio.sleep(0)
        return Response(404, "application/json", {"missing": str(exc.args[0])})

    @app.get("/items/<item_id>")
    async def item(item_id: str):
        await asyncio.sleep(0)
        raise KeyError(item_id)

    answer = asgi(app, asgi_scope("/items/42"))

    assert (answer.status, answer.json()) == (404, {"missing": "42"})


def test_an_unhandled_exception_propagates_to_the_server():
    app = HttpResolverLocal()

    @app.get("/boom")
    async def boom():
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        asgi(app, asgi_scope("/boom"))


def test_a_cors_preflight_answers_204_without_a_body():
    app = HttpResolverLocal(cors=CORSConfig(allow_origin="https://app.example"))
    app.post("/orders")(lambda: {})

    scope = asgi_scope(
        "/orders",
        "OPTIONS",
        headers=[(b"origin", b"https://app.example"), (b"access-control-request-method", b"POST")],
    )
    answer = asgi(app, scope)

    assert (answer.status, answer.body, answer.header("content-length")) == (204, b"", None)
    assert answer.header("access-control-allow-origin") == "https://app.example"


def test_head_answers_carry_the_length_but_not_the_body():
    app = HttpResolverLocal(auto_head=True)
    app.get("/page")(lambda: Response(200, "text/plain", "hello"))

    found = asgi(app, asgi_scope("/page", "HEAD"))
    missing = asgi(app, asgi_scope("/nothing", "HEAD"))

    assert (found.status, found.body, found.header("content-length")) == (200, b"", None)
    assert (missing.status, missing.body) == (404, b"")
    assert int(missing.header("content-length") or 0) > 0


def test_handlers_get_a_lambda_context_of_their_own():
    app = HttpResolverLocal()

    @app.get("/context")
    def context():
        lambda_context = app.lambda_context
        return {
            "name": lambda_context.function_name,
            "id": lambda_context.aws_request_id,
            "remaining": lambda_context.get_remaining_time_in_millis(),
        }

    first, second = asgi(app, asgi_scope("/context")).json(), asgi(app, asgi_scope("/context")).json()

    assert first["name"] == "http-resolver"
    assert first["id"] != second["id"]
    assert 0 < first["remaining"] <= 300_000


def test_the_asgi_lambda_context_is_the_test_clients_with_local_values():
    context = MockLambdaContext()

    assert isinstance(context, LambdaContext)
    assert (context.function_name, context.function_version, context.memory_limit_in_mb) == (
        "http-resolver",
        "$LATEST",
        128,
    )
    assert context.invoked_function_arn == "arn:aws:lambda:local:000000000000:function:http-resolver"
    assert (context.log_group_name, context.log_stream_name) == ("/aws/lambda/http-resolver", "local")
    assert (context.identity, context.client_context, context.tenant_id) == (None, None, None)
    assert 299_000 < context.get_remaining_time_in_millis() <= 300_000


# -- concurrency --------------------------------------------------------------------------------------------------


def test_concurrent_asgi_requests_each_see_their_own_event_context_and_lambda_context():
    app = HttpResolverLocal()

    def tenant(app, next_middleware):  # synchronous middleware before an async handler: a worker thread
        app.append_context(tenant=app.current_event.headers["x-tenant"], thread=threading.get_ident())
        return next_middleware(app)

    app.use([tenant])

    @app.get("/echo/<n>")
    async def echo(n: str):
        await asyncio.sleep(0.001 * (int(n) % 7))  # interleave the requests
        return {
            "n": n,
            "path": app.current_event.path,
            "tenant": app.context["tenant"],
            "request_id": app.lambda_context.aws_request_id,
        }

    async def many():
        scopes = [asgi_scope(f"/echo/{n}", headers=[(b"x-tenant", f"t{n}".encode())]) for n in range(40)]
        return await asyncio.gather(*(call(app, scope) for scope in scopes))

    answers = [answer.json() for answer in asyncio.run(many())]

    assert [(a["n"], a["path"], a["tenant"]) for a in answers] == [(str(n), f"/echo/{n}", f"t{n}") for n in range(40)]
    assert len({a["request_id"] for a in answers}) == 40


def test_context_appended_in_one_request_does_not_leak_into_the_next():
    app = HttpResolverLocal()

    @app.get("/set")
    def set_context():
        app.append_context(secret="s3cret")
        return {}

    app.get("/read")(lambda: {"secret": app.context.get("secret")})

    async def both():
        await call(app, asgi_scope("/set"))
        return await call(app, asgi_scope("/read"))

    assert asyncio.run(both()).json() == {"secret": None}


# -- the ASGI protocol --------------------------------------------------------------------------------------------


def test_lifespan_startup_and_shutdown_are_acknowledged():
    app = HttpResolverLocal()
    incoming = [{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}]
    sent: List[str] = []

    async def receive() -> Dict[str, Any]:
        return incoming.pop(0)

    async def send(message: Dict[str, Any]) -> None:
        sent.append(message["type"])

    asyncio.run(app({"type": "lifespan", "asgi": {"version": "3.0"}}, receive, send))

    assert sent == ["lifespan.startup.complete", "lifespan.shutdown.complete"]


def test_a_websocket_scope_is_left_to_the_server():
    app = HttpResolverLocal()
    app.get("/ws")(lambda: {})
    calls: List[str] = []

    async def receive() -> Dict[str, Any]:
        calls.append("receive")
        return {"type": "websocket.connect"}

    async def send(message: Dict[str, Any]) -> None:
        calls.append(message["type"])

    asyncio.run(app({"type": "websocket", "path": "/ws", "headers": []}, receive, send))

    assert calls == []


def test_a_client_that_disconnects_before_its_body_ends_gets_no_answer():
    app = HttpResolverLocal()
    handled: List[str] = []
    app.post("/upload")(lambda: handled.append("called") or {})
    incoming = [{"type": "http.request", "body": b"part", "more_body": True}, {"type": "http.disconnect"}]
    sent: List[Dict[str, Any]] = []

    async def receive() -> Dict[str, Any]:
        return incoming.pop(0)

    async def send(message: Dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(app(asgi_scope("/upload", "POST"), receive, send))

    assert (sent, handled) == ([], [])


def test_a_body_larger_than_lambda_takes_answers_413(monkeypatch):
    from apigw import http_resolver

    monkeypatch.setattr(http_resolver, "REQUEST_BODY_LIMIT", 1000)
    app = HttpResolverLocal()
    app.post("/upload")(lambda: {})

    answer = asgi(app, asgi_scope("/upload", "POST"), b"x" * 1001, chunks=4)

    assert answer.status == 413
    assert "1000 bytes" in answer.json()["message"]


def test_a_request_no_integration_could_deliver_answers_400_saying_why():
    app = HttpResolverLocal()
    app.get("/hello")(lambda: {})

    answer = asgi(app, asgi_scope("/hello", headers=[(b"x-bad", b"a\x00b")]))

    assert answer.status == 400
    assert "x-bad" in answer.json()["message"]


# -- the same events everywhere -----------------------------------------------------------------------------------


def test_the_test_client_sends_the_events_an_asgi_server_would():
    app = HttpResolverLocal()
    app.get("/files/<name>")(lambda name: {"name": name, "accept": app.current_event.headers["accept"]})
    scope = asgi_scope("/files/a b", query=b"x=1", headers=[(b"accept", b"text/html"), (b"accept", b"text/plain")])

    over_asgi = asgi(app, scope).json()
    through_client = Client(app).get("/files/a%20b?x=1", headers={"Accept": ["text/html", "text/plain"]}).json()

    assert over_asgi == through_client == {"name": "a b", "accept": "text/html, text/plain"}


def test_the_dev_server_sends_the_events_an_asgi_server_would():
    import http.client
    import io

    app = HttpResolverLocal()
    app.get("/files/<name>")(lambda name: {"name": name, "q": app.current_event.get_query_string_value("q")})

    with DevServer(app, port=0, log=io.StringIO()) as server:
        connection = http.client.HTTPConnection(server.url[len("http://") :], timeout=10)
        try:
            connection.request("GET", "/files/a%20b?q=x+y")
            response = connection.getresponse()
            over_http = json.loads(response.read())
        finally:
            connection.close()

    assert over_http == asgi(app, asgi_scope("/files/a b", query=b"q=x+y")).json() == {"name": "a b", "q": "x y"}

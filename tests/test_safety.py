"""Nothing silent: injection refused, oversize responses caught, errors that reach the app, mistakes caught where
they are made, request state per request.

Every test runs against the compiled and the pure implementation (see conftest.py).
"""

from __future__ import annotations

import base64
import datetime
import gzip
import json
import logging
import threading
from http import HTTPStatus

import pytest
from builders import alb_event, http_event, rest_event, url_event

from apigw import (
    ALBResolver,
    APIGatewayHttpResolver,
    ApiGatewayResolver,
    APIGatewayRestResolver,
    Cookie,
    CORSConfig,
    LambdaFunctionUrlResolver,
    Response,
    Router,
    _impl,
    content_types,
)
from apigw._shared import PLAIN_FIELDS_BOUND, status_line
from apigw.exceptions import (
    InvalidEventError,
    InvalidResponseHeaderError,
    ResponseSerializationError,
    ResponseSizeExceededError,
)
from apigw.integrations import BY_NAME

RESOLVERS = [
    (APIGatewayRestResolver, rest_event),
    (APIGatewayHttpResolver, http_event),
    (LambdaFunctionUrlResolver, url_event),
    (ALBResolver, alb_event),
    (ALBResolver, lambda *a, **k: alb_event(*a, multi_value=True, **k)),
]
RESOLVER_IDS = ["rest", "http", "url", "alb", "alb-multi"]


def body(response):
    return json.loads(response["body"])


# -- 1. no header injection ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("resolver, event", RESOLVERS, ids=RESOLVER_IDS)
@pytest.mark.parametrize(
    "headers, cookies",
    [
        ({"X-Evil": "a\r\nSet-Cookie: x=1"}, None),
        ({"X-Evil": ["fine", "a\nb"]}, None),
        ({"X-Evil": "nul\x00byte"}, None),
        ({"X-Evil\r\nInjected": "value"}, None),
        ({"Set-Cookie": "a=1\r\nX: y"}, None),
        (None, ["a=1\r\nLocation: https://evil.example"]),
    ],
    ids=["crlf-value", "lf-in-list", "nul", "crlf-name", "set-cookie-header", "cookie-string"],
)
def test_a_line_break_or_nul_never_reaches_a_response_header(resolver, event, headers, cookies):
    app = resolver()

    @app.get("/evil")
    def evil():
        return Response(200, content_types.TEXT_PLAIN, "ok", headers, cookies=cookies)

    with pytest.raises(InvalidResponseHeaderError, match="CR, LF and NUL are not allowed"):
        app(event("/evil"), None)


def test_an_injected_header_goes_through_the_exception_handlers():
    app = APIGatewayRestResolver()
    app.get("/evil")(lambda: Response(200, content_types.TEXT_PLAIN, "ok", {"X-Evil": "a\r\nb"}))

    @app.exception_handler(InvalidResponseHeaderError)
    def refused(exc):
        return Response(500, content_types.TEXT_PLAIN, f"refused {exc.name}")

    response = app(rest_event("/evil"), None)

    assert response["statusCode"] == 500
    assert response["body"] == "refused X-Evil"
    assert "X-Evil" not in response["multiValueHeaders"]


def test_an_injected_header_answers_500_with_the_traceback_in_debug_mode():
    app = APIGatewayRestResolver(debug=True)
    app.get("/evil")(lambda: Response(200, content_types.TEXT_PLAIN, "ok", {"X-Evil": "a\nb"}))

    response = app(rest_event("/evil"), None)

    assert response["statusCode"] == 500
    assert "InvalidResponseHeaderError" in response["body"]


def test_a_cookie_object_refuses_line_breaks_when_it_is_made():
    with pytest.raises(ValueError, match="line breaks"):
        Cookie("session", "abc\r\nSet-Cookie: admin=1")


# -- 2. payload limits ---------------------------------------------------------------------------------------------


def big_app(resolver=ALBResolver, size=2 * 1024 * 1024, **kwargs):
    app = resolver(**kwargs)

    @app.get("/big")
    def big():
        return {"data": "x" * size}

    @app.get("/incompressible")
    def incompressible():
        import random

        rng = random.Random(7)
        return Response(200, content_types.APPLICATION_OCTET_STREAM, bytes(rng.getrandbits(8) for _ in range(size)))

    return app


def test_a_response_over_the_alb_limit_becomes_a_500_naming_route_and_sizes(caplog):
    with caplog.at_level(logging.ERROR, logger="apigw"):
        response = big_app()(alb_event("/big"), None)

    assert response["statusCode"] == 500
    assert response["statusDescription"] == "500 Internal Server Error"
    message = body(response)["message"]
    assert "GET /big" in message and "big" in message
    assert "1048576-byte limit" in message
    size = int(message.split(" is ")[1].split(" bytes")[0])
    assert size > 2 * 1024 * 1024
    assert len(json.dumps(response)) < 1024 * 1024
    assert any("1048576-byte limit" in record.getMessage() for record in caplog.records)


def test_an_oversize_response_is_sent_gzipped_when_the_client_accepts_gzip_and_it_fits():
    response = big_app()(alb_event("/big", headers={"Accept-Encoding": "gzip"}), None)

    assert response["statusCode"] == 200
    assert response["headers"]["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["headers"]["Vary"]
    assert json.loads(gzip.decompress(base64.b64decode(response["body"]))) == {"data": "x" * 2 * 1024 * 1024}
    assert len(json.dumps(response)) <= 1024 * 1024


def test_an_incompressible_oversize_response_is_an_error_even_for_gzip_clients():
    response = big_app(size=900 * 1024)(alb_event("/incompressible", headers={"Accept-Encoding": "gzip"}), None)

    assert response["statusCode"] == 500
    assert "/incompressible" in body(response)["message"]


@pytest.mark.parametrize("resolver, event", RESOLVERS[:3], ids=RESOLVER_IDS[:3])
def test_lambda_integrations_take_6_mb(resolver, event):
    app = big_app(resolver, size=5 * 1024 * 1024)

    assert app(event("/big"), None)["statusCode"] == 200
    assert big_app(resolver, size=7 * 1024 * 1024)(event("/big"), None)["statusCode"] == 500


@pytest.mark.parametrize("kind", [bytes, bytearray, memoryview])
def test_an_oversize_binary_body_of_any_bytes_type_is_gzipped_for_gzip_clients(kind):
    app = APIGatewayRestResolver(response_size_limit=2048)
    app.get("/file")(lambda: Response(200, content_types.APPLICATION_OCTET_STREAM, kind(b"\0" * 5000)))

    response = app(rest_event("/file", headers={"Accept-Encoding": "gzip"}), None)

    assert response["statusCode"] == 200
    assert gzip.decompress(base64.b64decode(response["body"])) == b"\0" * 5000


def test_the_response_limit_is_configurable():
    app = big_app(APIGatewayRestResolver, size=20_000, response_size_limit=10_000)

    response = app(rest_event("/big"), None)

    assert response["statusCode"] == 500
    assert "10000-byte limit" in body(response)["message"]


def test_alb_response_size_validation_raises_through_exception_handlers_as_powertools():
    app = big_app(enable_response_size_validation=True)

    @app.exception_handler(ResponseSizeExceededError)
    def too_big(exc):
        return Response(413, content_types.TEXT_PLAIN, f"{exc.actual_size}>{exc.max_size}")

    response = app(alb_event("/big"), None)

    assert response["statusCode"] == 413
    actual, limit = map(int, response["body"].split(">"))
    assert actual > limit == 1024 * 1024


def test_plain_fields_bound_covers_every_field_but_the_body_of_a_plain_json_response():
    # The writer skips measuring a plain JSON response when 12 bytes a body character (size_bound's worst case)
    # plus PLAIN_FIELDS_BOUND is under the limit: that bound must cover every other field, in every layout.
    layouts = {integration.layout for integration in BY_NAME.values()}
    layouts |= {integration.multi_value_layout for integration in BY_NAME.values()} - {None}
    for layout in layouts:
        for status in range(100, 600):
            response = {"statusCode": status}
            _impl.headers.add_json_fields(response, layout)
            response["statusDescription"] = status_line(status)
            response.update(body="", isBase64Encoded=False)
            assert _impl.encoder.size_bound(response) <= PLAIN_FIELDS_BOUND, (layout, status)


def test_response_size_limit_must_be_a_number_of_bytes():
    with pytest.raises(ValueError, match="number of bytes"):
        APIGatewayRestResolver(response_size_limit="1MB")


# -- 3. errors reach the app -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("result", [{"when": datetime.datetime(2026, 1, 1)}, {"tags": {"a"}}, {"x": object()}])
def test_a_result_that_cannot_be_serialized_names_the_route(result):
    app = APIGatewayRestResolver()

    @app.get("/bad")
    def bad_result():
        return result

    with pytest.raises(ResponseSerializationError, match=r"GET /bad \(.*bad_result\)") as raised:
        app(rest_event("/bad"), None)
    assert isinstance(raised.value.__cause__, TypeError)


def test_a_serialization_error_reaches_exception_handler_for_exception():
    app = APIGatewayRestResolver()
    app.get("/bad")(lambda: {"when": datetime.date(2026, 1, 1)})

    @app.exception_handler(Exception)
    def anything(exc):
        return Response(500, content_types.TEXT_PLAIN, type(exc).__name__)

    assert app(rest_event("/bad"), None)["body"] == "ResponseSerializationError"


def test_a_serialization_error_answers_500_with_traceback_in_debug_mode():
    app = APIGatewayRestResolver(debug=True)
    app.get("/bad")(lambda: {"tags": {"a"}})

    response = app(rest_event("/bad"), None)

    assert response["statusCode"] == 500
    assert "is not JSON serializable" in response["body"]


# -- 4. mistakes caught at registration ----------------------------------------------------------------------------


def test_a_handler_without_the_rules_parameter_is_refused_when_decorated():
    app = APIGatewayRestResolver()

    with pytest.raises(TypeError, match=r"has no parameter named 'todo_id'.*rename the parameter"):

        @app.get("/todos/<todo_id>")
        def get_todo(id):  # noqa: A002
            return {}


def test_a_handler_requiring_a_parameter_the_rule_lacks_is_refused():
    app = APIGatewayRestResolver()

    with pytest.raises(TypeError, match=r"requires 'limit'"):

        @app.get("/todos")
        def list_todos(limit):
            return {}


def test_handlers_with_kwargs_defaults_or_keyword_only_parameters_are_accepted():
    app = APIGatewayRestResolver()
    app.get("/a/<x>")(lambda **kwargs: kwargs)
    app.get("/b/<x>")(lambda x, limit=10: {"x": x, "limit": limit})
    app.get("/c/<x>")(lambda *, x: {"x": x})

    assert body(app(rest_event("/b/1"), None)) == {"x": "1", "limit": 10}
    assert body(app(rest_event("/c/2"), None)) == {"x": "2"}


def test_a_router_handler_is_checked_when_included():
    router = Router()
    router.get("/<item_id>")(lambda item_id, user_id: {})
    app = APIGatewayRestResolver()

    app.include_router(router, prefix="/users/<user_id>/items")  # the prefix provides user_id

    with pytest.raises(TypeError, match="requires 'user_id'"):
        APIGatewayRestResolver().include_router(router, prefix="/items")


def test_api_gateway_brace_syntax_is_a_placeholder():
    app = APIGatewayRestResolver()
    app.get("/todos/{todo_id}")(lambda todo_id: {"id": todo_id})

    assert body(app(rest_event("/todos/7"), None)) == {"id": "7"}


def test_greedy_brace_syntax_matches_the_rest_of_the_path():
    app = APIGatewayHttpResolver()
    app.get("/files/{proxy+}")(lambda proxy: {"path": proxy})

    assert body(app(http_event("/files/a/b/c.txt"), None)) == {"path": "a/b/c.txt"}
    assert app(http_event("/files/"), None)["statusCode"] == 404


def test_a_literal_rule_without_a_leading_slash_is_refused():
    app = APIGatewayRestResolver()

    with pytest.raises(ValueError, match="does not start with '/'.*Did you mean '/todos'"):
        app.get("todos")(lambda: {})


def test_a_regex_catch_all_without_a_slash_is_allowed():
    app = APIGatewayRestResolver()
    app.get(".+")(lambda: {"catch": "all"})

    assert body(app(rest_event("/any/thing"), None)) == {"catch": "all"}


@pytest.mark.parametrize(
    "rule, position, marked",
    [("/a/(b", 3, "/a/>>>(b"), ("/<id>/[x", 6, "/<id>/>>>[x"), ("/x/<name>/)", 10, "/x/<name>/>>>)")],
)
def test_an_invalid_regex_rule_points_at_the_position_in_the_rule(rule, position, marked):
    app = APIGatewayRestResolver()

    with pytest.raises(ValueError) as raised:
        app.get(rule)(lambda **kwargs: {})

    assert f"position {position}" in str(raised.value)
    assert marked in str(raised.value)


# -- 5. configuration mistakes --------------------------------------------------------------------------------------


def test_a_single_extra_origin_string_is_one_origin():
    app = APIGatewayRestResolver(cors=CORSConfig(allow_origin="https://a.example", extra_origins="https://b.example"))
    app.get("/x")(lambda: {})

    response = app(rest_event("/x", headers={"Origin": "https://b.example"}), None)

    assert response["multiValueHeaders"]["Access-Control-Allow-Origin"] == ["https://b.example"]


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"allow_origin": ["https://a.example"]}, "allow_origin must be one origin"),
        ({"allow_headers": "X-Custom"}, None),
        ({"max_age": "600"}, "max_age must be a number of seconds"),
        ({"allow_credentials": "yes"}, "allow_credentials must be True or False"),
    ],
)
def test_cors_config_type_mistakes_are_reported(kwargs, message):
    if message is None:  # a single header name is one header, not its characters
        assert "X-Custom" in CORSConfig(**kwargs).allow_headers
        return
    with pytest.raises(TypeError, match=message):
        CORSConfig(**kwargs)


@pytest.mark.parametrize("status, expected", [("201", 201), (HTTPStatus.ACCEPTED, 202), (204, 204)])
def test_a_status_given_as_text_or_enum_is_converted(status, expected):
    app = APIGatewayRestResolver()
    app.post("/items")(lambda: ({"id": 1}, status))

    response = app(rest_event("/items", "POST"), None)

    assert response["statusCode"] == expected and type(response["statusCode"]) is int


@pytest.mark.parametrize("status", ["created", 99, 600, 2.5, "²", "२००"])
def test_a_status_that_is_not_one_is_refused(status):
    app = APIGatewayRestResolver()
    app.post("/items")(lambda: ({"id": 1}, status))

    with pytest.raises((TypeError, ValueError), match="HTTP status"):
        app(rest_event("/items", "POST"), None)


def test_a_route_status_code_is_checked_when_decorated():
    with pytest.raises(TypeError, match="HTTP status"):
        APIGatewayRestResolver().get("/x", status_code="ok")


def test_cors_must_be_a_cors_config():
    with pytest.raises(TypeError, match="CORSConfig"):
        APIGatewayRestResolver(cors=True)


# -- 6. wrong integration named ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "resolver, event, expected",
    [
        (APIGatewayRestResolver, alb_event, "use ALBResolver"),
        (APIGatewayRestResolver, http_event, "use APIGatewayHttpResolver"),
        (APIGatewayRestResolver, url_event, "use LambdaFunctionUrlResolver"),
        (APIGatewayHttpResolver, rest_event, "use APIGatewayRestResolver"),
        (ALBResolver, rest_event, "use APIGatewayRestResolver"),
        (ALBResolver, http_event, "use APIGatewayHttpResolver"),
        (LambdaFunctionUrlResolver, alb_event, "use ALBResolver"),
    ],
)
def test_an_event_of_another_integration_names_the_resolver_to_use(resolver, event, expected):
    app = resolver()
    app.get("/hello")(lambda: {})

    with pytest.raises(InvalidEventError, match=expected):
        app(event("/hello"), None)


def test_http_api_and_function_url_events_are_interchangeable():
    app = APIGatewayHttpResolver()
    app.get("/hello")(lambda: {"ok": True})

    assert body(app(url_event("/hello"), None)) == {"ok": True}


def test_something_that_is_no_http_event_says_so():
    with pytest.raises(InvalidEventError, match="not an HTTP event"):
        APIGatewayRestResolver()({"Records": [{"eventSource": "aws:sqs"}]}, None)
    with pytest.raises(InvalidEventError, match="not an event dict"):
        APIGatewayRestResolver()("GET /hello", None)


# -- 7. Vary: Accept-Encoding ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("accept", ["gzip", "identity", None])
def test_a_compressing_route_always_says_vary_accept_encoding(accept):
    app = APIGatewayHttpResolver()
    app.get("/report", compress=True)(lambda: {"rows": list(range(100))})

    response = app(http_event("/report", headers={"Accept-Encoding": accept} if accept else None), None)

    assert response["headers"]["Vary"] == "Accept-Encoding"


def test_vary_accept_encoding_joins_the_handlers_own_vary_and_cors():
    app = APIGatewayHttpResolver(cors=CORSConfig(allow_origin="https://a.example"))
    app.get("/r", compress=True)(lambda: Response(200, content_types.TEXT_PLAIN, "x", {"Vary": "Cookie"}))

    response = app(http_event("/r", headers={"Origin": "https://a.example"}), None)

    tokens = {token.strip() for token in response["headers"]["Vary"].split(",")}
    assert tokens == {"Cookie", "Origin", "Accept-Encoding"}


def test_a_plain_route_has_no_vary():
    app = APIGatewayHttpResolver()
    app.get("/plain")(lambda: {})

    assert "Vary" not in app(http_event("/plain"), None)["headers"]


# -- 8. request state per request ----------------------------------------------------------------------------------


def test_concurrent_requests_in_threads_each_see_their_own_event_and_context():
    app = APIGatewayRestResolver()
    router = Router()
    threads_count, per_thread = 8, 30
    barrier = threading.Barrier(threads_count)
    mismatches, errors = [], []

    @router.get("/echo/<n>")
    def echo(n):
        app.append_context(n=n)
        barrier.wait(timeout=10)  # every thread is inside a request at once
        seen = (app.current_event.path, router.current_event.path, app.context["n"], app.lambda_context)
        if seen != (f"/echo/{n}", f"/echo/{n}", n, f"ctx-{n}"):
            mismatches.append(seen)
        return {"n": n}

    app.include_router(router)

    def worker(first):
        try:
            for n in range(first, threads_count * per_thread, threads_count):
                assert body(app(rest_event(f"/echo/{n}"), f"ctx-{n}")) == {"n": str(n)}
        except Exception as exc:  # reported below: an exception in a thread would not fail the test
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(index,)) for index in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert not any(thread.is_alive() for thread in threads)
    assert errors == []
    assert mismatches == []


def test_a_router_shared_by_two_apps_follows_the_app_resolving():
    router = Router()
    router.get("/who")(lambda: {"app": router.current_event.request_context.stage})
    rest = APIGatewayRestResolver()
    http = APIGatewayHttpResolver()
    rest.include_router(router)
    http.include_router(router)

    assert body(rest(rest_event("/who"), None)) == {"app": "Prod"}
    assert body(http(http_event("/who"), None)) == {"app": "$default"}


def test_context_appended_before_resolve_is_the_next_requests_and_is_cleared_after():
    app = APIGatewayRestResolver()
    app.get("/ctx")(lambda: {key: value for key, value in app.context.items() if not key.startswith("_")})

    app.append_context(tenant="acme")

    assert body(app(rest_event("/ctx"), None)) == {"tenant": "acme"}
    assert app.context == {}


def test_current_event_is_the_last_resolved_after_resolve():
    app = APIGatewayRestResolver()
    app.get("/x")(lambda: {})

    app(rest_event("/x"), "context")

    assert app.current_event.path == "/x"
    assert app.lambda_context == "context"


def test_a_middleware_returning_none_is_named():
    def forgetful(app, next_middleware):
        next_middleware(app)

    app = ApiGatewayResolver()
    app.use([forgetful])
    app.get("/x")(lambda: {})

    with pytest.raises(TypeError, match="middleware .*forgetful returned None"):
        app(rest_event("/x"), None)


def test_a_handler_returning_none_sends_json_null():
    app = APIGatewayRestResolver()
    app.get("/none")(lambda: None)

    assert app(rest_event("/none"), None)["body"] == "null"


def test_a_middleware_can_finish_the_apps_error_response():
    def add_request_id(app, next_middleware):
        try:
            response = next_middleware(app)
        except Exception as exc:
            response = app.error_response(exc)
        response.headers["X-Request-Id"] = "r-1"
        return response

    from apigw.exceptions import NotFoundError

    app = APIGatewayRestResolver()
    app.use([add_request_id])

    @app.get("/orders/<order_id>")
    def get_order(order_id):
        raise NotFoundError(f"no order {order_id}")

    response = app(rest_event("/orders/9"), None)

    assert response["statusCode"] == 404
    assert body(response)["message"] == "no order 9"
    assert response["headers"]["X-Request-Id"] == "r-1"


def test_without_error_response_a_middlewares_headers_do_not_reach_an_error_response():
    def add_header(app, next_middleware):
        response = next_middleware(app)
        response.headers["X-Seen"] = "1"
        return response

    app = APIGatewayRestResolver()
    app.use([add_header])
    app.get("/boom")(lambda: (_ for _ in ()).throw(ValueError("boom")))
    app.exception_handler(ValueError)(lambda exc: Response(400, content_types.TEXT_PLAIN, "bad"))

    response = app(rest_event("/boom"), None)

    assert response["statusCode"] == 400 and "X-Seen" not in response["headers"]


def test_alb_response_size_validation_true_raises_instead_of_gzipping():
    app = big_app(enable_response_size_validation=True)

    with pytest.raises(ResponseSizeExceededError) as raised:
        app(alb_event("/big", headers={"Accept-Encoding": "gzip"}), None)
    assert raised.value.max_size == 1024 * 1024


def test_alb_response_size_validation_false_turns_the_guard_off_as_powertools_default():
    response = big_app(enable_response_size_validation=False)(alb_event("/big"), None)

    assert response["statusCode"] == 200
    assert len(json.dumps(response)) > 2 * 1024 * 1024


def test_an_event_view_given_to_resolve_is_unwrapped_with_a_warning():
    from apigw.events import APIGatewayProxyEvent

    app = APIGatewayRestResolver()
    app.get("/x")(lambda: {"ok": True})

    with pytest.warns(UserWarning, match="raw Lambda event"):
        response = app(APIGatewayProxyEvent(rest_event("/x")), None)
    assert body(response) == {"ok": True}


def test_a_catch_all_rule_on_a_path_of_many_slashes_is_linear_in_rest_mode():
    import time

    app = APIGatewayRestResolver()
    app.get("/files/.+")(lambda: {})
    hostile = "/files/" + "/" * 20_000 + "\n"

    started = time.process_time()
    response = app(rest_event(hostile), None)

    assert response["statusCode"] == 404
    assert time.process_time() - started < 2  # quadratic took ~1.3 s at 4,000 slashes; linear is milliseconds


def test_the_rest_resolver_ignores_trailing_slashes_for_regex_rules_too():
    app = APIGatewayRestResolver()
    app.get("/files/(?P<name>.+)")(lambda name: {"name": name})
    app.get("/dir/.*")(lambda: {"dir": True})

    assert body(app(rest_event("/files/a.txt//"), None)) == {"name": "a.txt"}
    assert body(app(rest_event("/dir/"), None)) == {"dir": True}


def test_a_non_text_accept_encoding_is_no_encoding():
    app = APIGatewayRestResolver()
    app.get("/r", compress=True)(lambda: {"x": 1})
    event = rest_event("/r")
    event["headers"]["Accept-Encoding"] = 5
    event["multiValueHeaders"]["Accept-Encoding"] = [5, None]

    response = app(event, None)

    assert response["statusCode"] == 200 and "Content-Encoding" not in response["headers"]

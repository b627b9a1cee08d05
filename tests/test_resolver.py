"""The resolver end to end: routing, the four response formats, errors, CORS, compression and bad input.

Every test runs against the compiled and the pure implementation (see conftest.py).
"""

from __future__ import annotations

import base64
import decimal
import gzip
import json
import re
import time

import pytest
from builders import alb_event, http_event, rest_event, sample_event, url_event

from apigw import (
    ALBResolver,
    APIGatewayHttpResolver,
    ApiGatewayResolver,
    APIGatewayRestResolver,
    CORSConfig,
    LambdaFunctionUrlResolver,
    ProxyEventType,
    Response,
    content_types,
)
from apigw.exceptions import (
    BadRequestError,
    InvalidEventError,
    NotFoundError,
    ServiceError,
    UnauthorizedError,
)


def hello_app(resolver_class=ApiGatewayResolver, **kwargs):
    app = resolver_class(**kwargs)

    @app.get("/hello")
    def hello():
        return {"message": "hello universe"}

    @app.get("/hello/<name>")
    def hello_name(name):
        return {"message": f"hello {name}"}

    return app


# -- routing --------------------------------------------------------------------------------------------------------


def test_static_route_answers_compact_json():
    response = hello_app()(rest_event("/hello"), None)

    assert response["statusCode"] == 200
    assert response["headers"]["Content-Type"] == "application/json"
    assert response["body"] == '{"message":"hello universe"}'
    assert response["isBase64Encoded"] is False


def test_dynamic_route_passes_the_segment_as_keyword_argument():
    response = hello_app()(rest_event("/hello/lessa"), None)

    assert json.loads(response["body"]) == {"message": "hello lessa"}


def test_nested_dynamic_route_passes_every_segment():
    app = ApiGatewayResolver()

    @app.get("/<message>/<name>")
    def message(message, name):
        return {"message": f"{message}, {name}"}

    assert json.loads(app(rest_event("/hi/michael"), None)["body"]) == {"message": "hi, michael"}


def test_placeholder_never_matches_across_a_slash():
    assert hello_app()(rest_event("/hello/a/b"), None)["statusCode"] == 404


def test_unknown_path_answers_404_json():
    response = hello_app()(rest_event("/nope"), None)

    assert response["statusCode"] == 404
    assert response["headers"]["Content-Type"] == "application/json"
    assert json.loads(response["body"]) == {"statusCode": 404, "message": "Not found"}


def test_method_must_match():
    assert hello_app()(rest_event("/hello", "POST"), None)["statusCode"] == 404


def test_static_route_wins_over_an_earlier_dynamic_route():
    app = ApiGatewayResolver()

    @app.get("/users/<user_id>")
    def user(user_id):
        return {"route": "dynamic"}

    @app.get("/users/me")
    def me():
        return {"route": "static"}

    assert json.loads(app(rest_event("/users/me"), None)["body"]) == {"route": "static"}
    assert json.loads(app(rest_event("/users/42"), None)["body"]) == {"route": "dynamic"}


def test_registering_the_same_route_twice_warns_and_the_first_wins():
    app = ApiGatewayResolver()

    @app.get("/twice")
    def first():
        return {"which": 1}

    with pytest.warns(UserWarning, match="already registered"):

        @app.get("/twice")
        def second():
            return {"which": 2}

    assert json.loads(app(rest_event("/twice"), None)["body"]) == {"which": 1}


def test_the_duplicate_route_warning_points_at_the_user_line_for_decorators_and_include_router():
    from apigw import Router

    app = ApiGatewayResolver()
    app.get("/twice")(lambda: {})
    with pytest.warns(UserWarning, match="already registered") as decorated:
        app.get("/twice")(lambda: {})
    router = Router()
    router.get("/twice")(lambda: {})
    with pytest.warns(UserWarning, match="already registered") as included:
        app.include_router(router)

    assert [warning.filename for warning in (*decorated, *included)] == [__file__, __file__]


def test_route_accepts_a_list_of_methods():
    app = ApiGatewayResolver()

    @app.route("/items", method=["GET", "post"])
    def items():
        return {"method": app.current_event.http_method}

    assert json.loads(app(rest_event("/items", "GET"), None)["body"]) == {"method": "GET"}
    assert json.loads(app(rest_event("/items", "POST"), None)["body"]) == {"method": "POST"}
    assert app(rest_event("/items", "PUT"), None)["statusCode"] == 404


@pytest.mark.parametrize("decorator", ["get", "post", "put", "delete", "patch", "head"])
def test_each_method_decorator_registers_its_method(decorator):
    app = ApiGatewayResolver()
    getattr(app, decorator)("/thing")(lambda: {"ok": True})

    assert app(rest_event("/thing", decorator.upper()), None)["statusCode"] == 200


def test_the_method_decorators_go_through_a_subclass_route_override():
    # @app.get(rule) takes a shortcut past route() only when route() is apigw's own.
    seen = []

    class TaggingResolver(ApiGatewayResolver):
        def route(self, rule, method, *args, **kwargs):
            seen.append((rule, method))
            return super().route(rule, method, *args, **kwargs)

    app = TaggingResolver()
    app.get("/thing")(lambda: {"ok": True})
    app.post("/thing", cors=False, compress=True)(lambda: {"ok": True})

    assert seen == [("/thing", "GET"), ("/thing", "POST")]
    assert app(rest_event("/thing", "GET"), None)["statusCode"] == 200


def test_a_method_decorator_refuses_a_rule_that_is_not_text():
    app = ApiGatewayResolver()

    with pytest.raises(TypeError, match="a route rule must be a str"):
        app.get(42)


def test_rule_text_other_than_placeholders_is_a_regular_expression():
    app = ApiGatewayResolver()

    @app.get("/files/.+")
    def files():
        return {"path": app.current_event.path}

    assert json.loads(app(rest_event("/files/a/b.txt"), None)["body"]) == {"path": "/files/a/b.txt"}
    assert app(rest_event("/files/"), None)["statusCode"] == 404


def test_an_invalid_rule_fails_at_registration_with_its_text():
    app = ApiGatewayResolver()

    with pytest.raises(ValueError, match=re.escape("'/broken/(unclosed'")):
        app.get("/broken/(unclosed")(lambda: None)


def test_a_placeholder_used_twice_fails_at_registration():
    app = ApiGatewayResolver()

    with pytest.raises(ValueError, match="used twice"):
        app.get("/<id>/<id>")(lambda id: None)


def test_rest_resolver_ignores_trailing_slashes():
    app = hello_app(APIGatewayRestResolver)
    app.get("/slashed/")(lambda: {"ok": True})

    assert app(rest_event("/hello/"), None)["statusCode"] == 200
    assert app(rest_event("/hello/you/"), None)["body"] == '{"message":"hello you"}'
    assert app(rest_event("/slashed"), None)["statusCode"] == 200


def test_seed_resolver_keeps_trailing_slashes_significant():
    assert hello_app()(rest_event("/hello/"), None)["statusCode"] == 404


def test_current_event_and_lambda_context_are_the_request_being_handled():
    app = ApiGatewayResolver()
    seen = {}

    @app.get("/hello")
    def hello():
        seen["name"] = app.current_event.get_query_string_value("name", "")
        seen["agent"] = app.current_event.get_header_value("user-agent")
        seen["context"] = app.lambda_context
        return {}

    context = object()
    app(rest_event("/hello", headers={"User-Agent": "curl"}, query={"name": "ana"}), context)

    assert seen == {"name": "ana", "agent": "curl", "context": context}


def test_json_body_is_parsed_from_the_request():
    app = ApiGatewayResolver()

    @app.post("/echo")
    def echo():
        return {"got": app.current_event.json_body}

    response = app(rest_event("/echo", "POST", body='{"a": [1, 2]}'), None)

    assert json.loads(response["body"]) == {"got": {"a": [1, 2]}}


# -- response formats -------------------------------------------------------------------------------------------


def test_rest_response_has_single_values_in_headers_and_all_values_in_multi_value_headers():
    app = ApiGatewayResolver()
    app.get("/h")(lambda: Response(200, "text/plain", "ok", {"X-One": "1", "X-Many": ["a", "b"]}))

    response = app(rest_event("/h"), None)

    assert response["headers"] == {"X-One": "1", "Content-Type": "text/plain"}
    assert response["multiValueHeaders"] == {"X-One": ["1"], "X-Many": ["a", "b"], "Content-Type": ["text/plain"]}


def test_http_api_response_joins_header_values_and_has_cookies():
    app = hello_app(ProxyEventType and ApiGatewayResolver, proxy_type=ProxyEventType.APIGatewayProxyEventV2)
    app.get("/h")(lambda: Response(200, "text/plain", "ok", {"X-Many": ["a", "b"]}))

    response = app(http_event("/h"), None)

    assert response == {
        "statusCode": 200,
        "headers": {"X-Many": "a, b", "Content-Type": "text/plain"},
        "cookies": [],
        "body": "ok",
        "isBase64Encoded": False,
    }


def test_http_api_route_with_named_stage_is_found_without_the_stage_prefix():
    app = hello_app(APIGatewayHttpResolver)

    response = app(http_event("/Prod/hello", stage="Prod"), None)

    assert response["body"] == '{"message":"hello universe"}'


def test_function_url_resolver_answers_payload_2_format():
    response = hello_app(LambdaFunctionUrlResolver)(url_event("/hello"), None)

    assert set(response) == {"statusCode", "headers", "cookies", "body", "isBase64Encoded"}
    assert response["body"] == '{"message":"hello universe"}'


def test_alb_single_value_response_has_headers_and_status_description():
    response = hello_app(ALBResolver)(alb_event("/hello"), None)

    assert response == {
        "statusCode": 200,
        "statusDescription": "200 OK",
        "headers": {"Content-Type": "application/json"},
        "body": '{"message":"hello universe"}',
        "isBase64Encoded": False,
    }


def test_alb_multi_value_request_gets_a_multi_value_response():
    response = hello_app(ALBResolver)(alb_event("/nope", multi_value=True), None)

    assert response["multiValueHeaders"] == {"Content-Type": ["application/json"]}
    assert "headers" not in response
    assert response["statusDescription"] == "404 Not Found"


def test_alb_never_answers_a_null_body():
    app = ALBResolver()
    app.get("/empty")(lambda: Response(204))

    assert app(alb_event("/empty"), None)["body"] == ""


@pytest.mark.parametrize(
    "resolver_class, sample",
    [
        (APIGatewayRestResolver, "rest-api-v1.json"),
        (APIGatewayHttpResolver, "http-api-v2.json"),
        (ALBResolver, "alb-single-value.json"),
        (ALBResolver, "alb-multi-value.json"),
        (LambdaFunctionUrlResolver, "function-url.json"),
    ],
)
def test_every_sample_event_is_routed_by_its_resolver(resolver_class, sample):
    response = hello_app(resolver_class)(sample_event(sample), None)

    assert response["statusCode"] == 200
    assert json.loads(response["body"]) == {"message": "hello universe"}


# -- handler results ----------------------------------------------------------------------------------------------


def test_response_gives_full_control():
    app = ApiGatewayResolver()

    @app.get("/teapot")
    def teapot():
        return Response(418, content_types.APPLICATION_JSON, json.dumps({"message": "I'm a teapot"}), {"X-Custom": "v"})

    response = app(rest_event("/teapot"), None)

    assert response["statusCode"] == 418
    assert response["headers"] == {"X-Custom": "v", "Content-Type": "application/json"}
    assert response["body"] == '{"message": "I\'m a teapot"}'


def test_response_with_a_json_content_type_serializes_a_dict_body():
    app = ApiGatewayResolver()
    app.get("/d")(lambda: Response(201, content_types.APPLICATION_JSON, {"created": True}))

    assert app(rest_event("/d"), None)["body"] == '{"created":true}'


def test_a_body_and_status_tuple_sets_the_status():
    app = ApiGatewayResolver()
    app.post("/items")(lambda: ({"id": 1}, 201))

    response = app(rest_event("/items", "POST"), None)

    assert (response["statusCode"], response["body"]) == (201, '{"id":1}')


def test_decimals_serialize_as_strings():
    app = ApiGatewayResolver()
    app.get("/price")(lambda: {"price": decimal.Decimal("10.50")})

    assert app(rest_event("/price"), None)["body"] == '{"price":"10.50"}'


def test_custom_serializer_is_used_for_results_and_errors():
    app = ApiGatewayResolver(serializer=lambda obj: json.dumps(obj, sort_keys=True, indent=1))
    app.get("/x")(lambda: {"b": 1, "a": 2})

    @app.get("/err")
    def err():
        raise BadRequestError("nope")

    assert app(rest_event("/x"), None)["body"] == '{\n "a": 2,\n "b": 1\n}'
    assert app(rest_event("/err"), None)["body"] == '{\n "message": "nope",\n "statusCode": 400\n}'


def test_bytes_are_sent_base64_encoded():
    app = ApiGatewayResolver()
    app.get("/logo")(lambda: Response(200, "image/png", b"\x89PNG\r\n"))

    response = app(rest_event("/logo"), None)

    assert response["isBase64Encoded"] is True
    assert base64.b64decode(response["body"]) == b"\x89PNG\r\n"
    assert response["headers"]["Content-Type"] == "image/png"


def test_cache_control_is_sent_on_200_and_no_cache_otherwise():
    app = ApiGatewayResolver()
    app.get("/ok", cache_control="max-age=60")(lambda: {"ok": True})

    @app.get("/missing", cache_control="max-age=60")
    def missing():
        raise NotFoundError("gone")

    assert app(rest_event("/ok"), None)["headers"]["Cache-Control"] == "max-age=60"
    assert app(rest_event("/missing"), None)["headers"]["Cache-Control"] == "no-cache"


# -- compression --------------------------------------------------------------------------------------------------


def compress_app():
    app = ApiGatewayResolver()
    app.get("/big", compress=True)(lambda: {"message": "hello universe"})
    app.get("/override", compress=True)(lambda: Response(200, "text/plain", "plain", compress=False))
    app.get("/forced")(lambda: Response(200, "text/plain", "forced", compress=True))
    app.get("/bin", compress=True)(lambda: Response(200, "application/octet-stream", b"\x00\x01"))
    return app


def test_compress_gzips_when_the_client_accepts_gzip():
    response = compress_app()(rest_event("/big", headers={"Accept-Encoding": "gzip, deflate"}), None)

    assert response["isBase64Encoded"] is True
    assert response["headers"]["Content-Encoding"] == "gzip"
    assert gzip.decompress(base64.b64decode(response["body"])) == b'{"message":"hello universe"}'


@pytest.mark.parametrize("accept", [None, "deflate, br", "gzip;q=0", "*;q=0"])
def test_compress_sends_plain_text_when_gzip_is_not_accepted(accept):
    headers = {"Accept-Encoding": accept} if accept else {}

    response = compress_app()(rest_event("/big", headers=headers), None)

    assert response["body"] == '{"message":"hello universe"}'
    assert "Content-Encoding" not in response["headers"]


def test_response_compress_overrides_the_route_setting():
    app = compress_app()
    gzip_ok = {"Accept-Encoding": "gzip"}

    assert app(rest_event("/override", headers=gzip_ok), None)["body"] == "plain"
    forced = app(rest_event("/forced", headers=gzip_ok), None)
    assert gzip.decompress(base64.b64decode(forced["body"])) == b"forced"


def test_compress_works_for_binary_bodies_and_for_every_format():
    app = compress_app()
    response = app(rest_event("/bin", headers={"Accept-Encoding": "gzip"}), None)
    assert gzip.decompress(base64.b64decode(response["body"])) == b"\x00\x01"

    alb = ALBResolver()
    alb.get("/big", compress=True)(lambda: {"message": "hello universe"})
    multi = alb(alb_event("/big", headers={"accept-encoding": "gzip"}, multi_value=True), None)
    assert multi["multiValueHeaders"]["Content-Encoding"] == ["gzip"]


# -- errors -------------------------------------------------------------------------------------------------------


def error_app(**kwargs):
    app = ApiGatewayResolver(**kwargs)

    @app.get("/bad-request")
    def bad_request():
        raise BadRequestError("Missing required parameter")

    @app.get("/unauthorized")
    def unauthorized():
        raise UnauthorizedError("Unauthorized")

    @app.get("/not-found")
    def not_found():
        raise NotFoundError

    @app.get("/service-error", cors=True)
    def service_error():
        raise ServiceError(502, "Something went wrong!")

    @app.get("/boom")
    def boom():
        raise RuntimeError("kaboom")

    return app


@pytest.mark.parametrize(
    "path, status, message",
    [
        ("/bad-request", 400, "Missing required parameter"),
        ("/unauthorized", 401, "Unauthorized"),
        ("/not-found", 404, "Not found"),
        ("/service-error", 502, "Something went wrong!"),
    ],
)
def test_service_errors_answer_their_status_with_a_json_message(path, status, message):
    response = error_app()(rest_event(path), None)

    assert response["statusCode"] == status
    assert response["headers"]["Content-Type"] == "application/json"
    assert json.loads(response["body"]) == {"statusCode": status, "message": message}


def test_an_error_on_a_cors_route_still_carries_cors_headers():
    response = error_app()(rest_event("/service-error"), None)

    assert response["headers"]["Access-Control-Allow-Origin"] == "*"


def test_an_unhandled_exception_propagates_without_debug():
    with pytest.raises(RuntimeError, match="kaboom"):
        error_app(debug=False)(rest_event("/boom"), None)


def test_debug_mode_answers_500_with_the_traceback_and_prints_event_and_response(capsys):
    response = error_app(debug=True)(rest_event("/boom"), None)

    assert response["statusCode"] == 500
    assert response["headers"]["Content-Type"] == "text/plain"
    assert "RuntimeError: kaboom" in response["body"]
    assert "Traceback" in response["body"]
    printed = capsys.readouterr()
    assert '"path":"/boom"' in printed.out
    assert '"statusCode":500' in printed.err


@pytest.mark.parametrize("variable", ["POWERTOOLS_EVENT_HANDLER_DEBUG", "POWERTOOLS_DEV"])
def test_debug_mode_can_be_enabled_by_environment(monkeypatch, variable, capsys):
    monkeypatch.setenv(variable, "true")

    assert error_app()(rest_event("/boom"), None)["statusCode"] == 500


def test_debug_false_wins_over_the_environment(monkeypatch):
    monkeypatch.setenv("POWERTOOLS_EVENT_HANDLER_DEBUG", "true")

    with pytest.raises(RuntimeError):
        error_app(debug=False)(rest_event("/boom"), None)


def test_exception_handler_answers_for_its_class_and_the_most_specific_wins():
    app = ApiGatewayResolver()
    app.exception_handler(Exception)(lambda exc: Response(500, "text/plain", "generic"))
    app.exception_handler(ValueError)(lambda exc: Response(422, "text/plain", f"bad value: {exc}"))
    app.get("/value")(lambda: int("x"))
    app.get("/key")(lambda: {}["k"])

    assert app(rest_event("/value"), None)["statusCode"] == 422
    assert app(rest_event("/key"), None)["body"] == "generic"


def test_custom_not_found_handler_answers_unknown_paths():
    app = ApiGatewayResolver()

    @app.not_found
    def missing(exc):
        return Response(404, "text/plain", f"no route for {app.current_event.path}")

    assert app(rest_event("/ghost"), None)["body"] == "no route for /ghost"


# -- strip_prefixes -----------------------------------------------------------------------------------------------


def test_strip_prefixes_removes_a_custom_domain_mapping():
    app = ApiGatewayResolver(strip_prefixes=["/payment"])
    app.get("/subscriptions/<subscription>")(lambda subscription: {"subscription_id": subscription})

    assert app(rest_event("/payment/subscriptions/123"), None)["body"] == '{"subscription_id":"123"}'


@pytest.mark.parametrize("path", ["/pay", "/pay/"])
def test_strip_prefixes_maps_the_bare_prefix_to_root(path):
    app = ApiGatewayResolver(strip_prefixes=["/pay"])
    app.get("/")(lambda: {"root": True})

    assert app(rest_event(path), None)["body"] == '{"root":true}'


def test_strip_prefixes_only_strips_whole_segments():
    app = ApiGatewayResolver(strip_prefixes=["/pay"])
    app.get("/ments")(lambda: {"wrong": True})

    assert app(rest_event("/payments"), None)["statusCode"] == 404


@pytest.mark.parametrize("prefixes", [{"/foo"}, [None, 1, "", False]])
def test_strip_prefixes_ignores_what_is_not_a_list_of_strings_or_patterns(prefixes):
    app = ApiGatewayResolver(strip_prefixes=prefixes)
    app.get("/foo/status")(lambda: {})

    assert app(rest_event("/foo/status"), None)["statusCode"] == 200


def test_strip_prefixes_accepts_compiled_patterns():
    app = ApiGatewayResolver(strip_prefixes=[re.compile(r"^/v\d+")])
    app.get("/items")(lambda: {"ok": True})

    assert app(rest_event("/v2/items"), None)["statusCode"] == 200


# -- CORS ---------------------------------------------------------------------------------------------------------


def cors_app(**cors_kwargs):
    app = ApiGatewayResolver(cors=CORSConfig(**cors_kwargs))
    app.get("/hello/<name>")(lambda name: {"message": f"hello {name}"})
    app.post("/hello/<name>")(lambda name: {"posted": name})
    app.get("/private", cors=False)(lambda: {"cors": False})
    return app


def test_cors_headers_are_on_every_response_of_a_cors_route():
    response = cors_app(allow_origin="https://example.com", max_age=300)(rest_event("/hello/lessa"), None)

    assert response["headers"]["Access-Control-Allow-Origin"] == "https://example.com"
    assert (
        response["headers"]["Access-Control-Allow-Headers"]
        == "Authorization,Content-Type,X-Amz-Date,X-Amz-Security-Token,X-Api-Key"
    )
    assert response["headers"]["Access-Control-Max-Age"] == "300"


def test_cors_false_route_has_no_cors_headers():
    response = cors_app()(rest_event("/private"), None)

    assert not [name for name in response["headers"] if name.startswith("Access-Control")]


def test_cors_allow_headers_extend_the_defaults():
    response = cors_app(allow_headers=["X-Trace"], expose_headers=["X-Req"])(rest_event("/hello/a"), None)

    assert "X-Trace" in response["headers"]["Access-Control-Allow-Headers"].split(",")
    assert "Authorization" in response["headers"]["Access-Control-Allow-Headers"].split(",")
    assert response["headers"]["Access-Control-Expose-Headers"] == "X-Req"


def test_preflight_answers_204_with_the_methods_of_that_path():
    response = cors_app()(rest_event("/hello/x", "OPTIONS", headers={"Origin": "https://a.example"}), None)

    assert response["statusCode"] == 204
    assert response["body"] == ""
    assert response["headers"]["Access-Control-Allow-Methods"] == "GET,OPTIONS,POST"
    assert response["headers"]["Access-Control-Allow-Origin"] == "https://a.example"


def test_preflight_for_a_path_without_cors_routes_offers_every_cors_method_of_the_app():
    response = cors_app()(rest_event("/nowhere", "OPTIONS"), None)

    assert response["statusCode"] == 204
    assert response["headers"]["Access-Control-Allow-Methods"] == "GET,OPTIONS,POST"


def test_without_cors_config_options_is_not_answered():
    assert hello_app()(rest_event("/hello", "OPTIONS"), None)["statusCode"] == 404


def test_extra_origins_are_echoed_with_vary_origin():
    app = cors_app(allow_origin="https://a.example", extra_origins=["https://b.example"])

    response = app(rest_event("/hello/x", headers={"Origin": "https://b.example"}), None)

    assert response["headers"]["Access-Control-Allow-Origin"] == "https://b.example"
    assert response["headers"]["Vary"] == "Origin"


def test_a_disallowed_origin_gets_no_cors_headers():
    app = cors_app(allow_origin="https://a.example")

    response = app(rest_event("/hello/x", headers={"Origin": "https://evil.example"}), None)

    assert "Access-Control-Allow-Origin" not in response["headers"]


def test_an_origin_allowed_through_the_wildcard_is_echoed_without_credentials():
    app = cors_app(allow_credentials=True)

    response = app(rest_event("/hello/x", headers={"Origin": "https://a.example"}), None)

    assert response["headers"]["Access-Control-Allow-Origin"] == "https://a.example"
    assert response["headers"]["Vary"] == "Origin"
    assert "Access-Control-Allow-Credentials" not in response["headers"]


def test_without_origin_a_wildcard_config_answers_star_without_credentials():
    response = cors_app(allow_credentials=True)(rest_event("/hello/x"), None)

    assert response["headers"]["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response["headers"]


def test_rest_cors_headers_without_origin_are_in_headers_only():
    response = cors_app(allow_origin="https://a.example")(rest_event("/hello/x"), None)

    assert response["headers"]["Access-Control-Allow-Origin"] == "https://a.example"
    assert "Access-Control-Allow-Origin" not in response["multiValueHeaders"]


def test_rest_cors_headers_for_a_browser_request_are_in_both_header_maps():
    response = cors_app()(rest_event("/hello/x", headers={"Origin": "https://a.example"}), None)

    assert response["multiValueHeaders"]["Access-Control-Allow-Origin"] == ["https://a.example"]


def test_credentials_are_sent_with_a_specific_origin():
    app = cors_app(allow_origin="https://a.example", allow_credentials=True)

    response = app(rest_event("/hello/x", headers={"Origin": "https://a.example"}), None)

    assert response["headers"]["Access-Control-Allow-Credentials"] == "true"


def test_vary_origin_joins_a_vary_header_the_handler_set():
    app = ApiGatewayResolver(cors=CORSConfig(allow_origin="https://a.example"))
    app.get("/v")(lambda: Response(200, "text/plain", "v", {"Vary": "Accept-Encoding"}))

    assert app(rest_event("/v"), None)["headers"]["Vary"] == "Accept-Encoding, Origin"


# -- bad input ----------------------------------------------------------------------------------------------------


def test_minimal_event_from_the_documentation_is_enough():
    assert hello_app()({"path": "/hello", "httpMethod": "GET"}, None)["statusCode"] == 200


def test_null_headers_query_and_body_are_tolerated():
    app = ApiGatewayResolver()

    @app.get("/nulls", compress=True, cors=True)
    def nulls():
        event = app.current_event
        return {
            "header": event.get_header_value("x-missing", "none"),
            "query": event.get_query_string_value("q", "none"),
            "body": event.body,
            "json": event.json_body,
        }

    event = rest_event("/nulls", headers=None, body=None)
    event.update(headers=None, multiValueHeaders=None, queryStringParameters=None, body=None)

    response = app(event, None)

    assert json.loads(response["body"]) == {"header": "none", "query": "none", "body": None, "json": None}


def test_an_invalid_json_body_answers_400_naming_the_problem():
    app = ApiGatewayResolver()
    app.post("/echo")(lambda: app.current_event.json_body)

    response = app(rest_event("/echo", "POST", body="{not json"), None)

    assert response["statusCode"] == 400
    assert json.loads(response["body"])["message"].startswith("Invalid JSON body: ")


def test_invalid_base64_body_answers_400_naming_the_problem():
    app = ApiGatewayResolver()
    app.post("/upload")(lambda: {"size": len(app.current_event.decoded_body)})

    response = app(rest_event("/upload", "POST", body="!!not base64!!", isBase64Encoded=True), None)

    assert response["statusCode"] == 400
    assert "base64" in json.loads(response["body"])["message"]


@pytest.mark.parametrize("missing", ["httpMethod", "path"])
def test_an_event_without_method_or_path_raises_invalid_event_error_naming_the_key(missing):
    event = rest_event("/hello")
    del event[missing]

    with pytest.raises(InvalidEventError, match=missing):
        hello_app()(event, None)


def test_a_non_http_event_raises_invalid_event_error():
    with pytest.raises(InvalidEventError):
        hello_app(APIGatewayHttpResolver)({"Records": [{"eventSource": "aws:sqs"}]}, None)


@pytest.mark.parametrize(
    "path",
    [
        "/" + "a/" * 50_000,
        "/nothing/" + "x" * 200_000 + "/y/z",
        "/hello/" + "é٣_-~" * 10_000 + "\n",
        "/" + "%00" * 10_000,
        "//////" * 10_000,
    ],
)
def test_hostile_paths_get_a_quick_404(path):
    app = hello_app()
    app.get("/files/.+/meta")(lambda: {})
    app.get("/<a>/<b>/<c>")(lambda a, b, c: {})

    started = time.perf_counter()
    response = app(rest_event(path), None)

    assert response["statusCode"] == 404
    assert time.perf_counter() - started < 2.0  # generous: only catches catastrophic (super-linear) matching


def test_hostile_accept_encoding_is_parsed_in_linear_time():
    app = compress_app()
    header = "gzip;q=0," + ";" * 100_000 + "br," * 50_000

    started = time.perf_counter()
    response = app(rest_event("/big", headers={"Accept-Encoding": header}), None)

    assert response["body"] == '{"message":"hello universe"}'
    assert time.perf_counter() - started < 2.0


@pytest.mark.parametrize("decode, expected", [(True, "a b/c"), (False, "a%20b%2Fc")])
def test_alb_decode_query_parameters_decodes_names_and_values(decode, expected):
    app = ALBResolver(decode_query_parameters=decode)
    app.get("/q")(lambda: {"q": app.current_event.resolved_query_string_parameters.get("q")})

    response = app(alb_event("/q", queryStringParameters={"q": "a%20b%2Fc"}), None)

    assert json.loads(response["body"]) == {"q": [expected]}  # resolved parameters are lists, as in Powertools


def test_a_dict_body_without_a_content_type_is_sent_as_json():
    app = APIGatewayRestResolver()
    app.get("/deny")(lambda: Response(status_code=401, body={"message": "no"}))

    response = app(rest_event("/deny"), None)

    assert response["statusCode"] == 401
    assert response["headers"]["Content-Type"] == "application/json"
    assert json.loads(response["body"]) == {"message": "no"}


def _apigw_errors() -> list:
    from apigw import exceptions as errors

    return [
        errors.ServiceError(418, "tea"),
        errors.NotFoundError(),
        errors.ForbiddenError("no"),
        errors.InvalidEventError("not an HTTP event"),
        errors.InvalidJSONBodyError(json.JSONDecodeError("Expecting value", "{x", 1)),
        errors.InvalidBodyEncodingError(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")),
        errors.InvalidResponseHeaderError("X-A", "a\nb"),
        errors.ResponseSizeExceededError(actual_size=2048, max_size=1024),
        errors.ResponseSerializationError("GET", "/x", "app.handler", TypeError("not JSON")),
    ]


@pytest.mark.once
@pytest.mark.parametrize("error", _apigw_errors(), ids=lambda error: type(error).__name__)
def test_every_error_survives_pickling_with_its_message_and_fields(error):
    import pickle

    again = pickle.loads(pickle.dumps(error))

    assert type(again) is type(error)
    assert (again.args, str(again), vars(again)) == (error.args, str(error), vars(error))

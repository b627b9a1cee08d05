"""The examples of the seed documentation page, run as the page shows them.

Each test imports its example afresh (``load_example``), so the app is built under the implementation that the
conftest fixture selected for this test run (compiled or pure). Events are built by ``event()``; the realistic
sample events of ``events/`` are loaded where a real-looking event matters.
"""

from __future__ import annotations

import base64
import copy
import gzip
import importlib.util
import itertools
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, Optional

import pytest

from apigw.integrations import REST_API
from apigw.testing import Client

REPO_DIR = Path(__file__).resolve().parent.parent
EXAMPLES_DIR = REPO_DIR / "examples"
EVENTS_DIR = REPO_DIR / "events"

# Every example and the sample event of its integration (the default its ``__main__`` block uses).
EXAMPLES = {
    "getting_started": "rest-api-v1.json",
    "http_api": "http-api-v2.json",
    "alb": "alb-single-value.json",
    "dynamic_routes": "rest-api-v1.json",
    "nested_routes": "rest-api-v1.json",
    "query_strings_and_payload": "rest-api-v1.json",
    "headers": "rest-api-v1.json",
    "raising_http_errors": "rest-api-v1.json",
    "custom_domain_mappings": "rest-api-v1.json",
    "cors": "rest-api-v1.json",
    "fine_grained_responses": "rest-api-v1.json",
    "compress": "rest-api-v1.json",
    "binary_responses": "rest-api-v1.json",
    "debug_mode": "rest-api-v1.json",
    "custom_serializer": "rest-api-v1.json",
    "testing_your_code": "rest-api-v1.json",
}

_module_ids = itertools.count()


# --------------------------------------------------------------------------------------------------- helpers


def load_example(name: str) -> ModuleType:
    """Import ``examples/<name>.py`` under a new module name, so each call builds a new app."""
    path = EXAMPLES_DIR / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"apigw_example_{name}_{next(_module_ids)}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def event(path: str, method: str = "GET", headers: Optional[dict] = None, **extra: Any) -> dict:
    """A REST API (v1) proxy event for ``method path`` (``Integration.build_event``); ``extra`` keys are set as given.

    ``multiValueQueryStringParameters`` mirrors ``queryStringParameters`` unless given, as API Gateway sends them.
    """
    result = REST_API.build_event(method, path, headers=headers)
    result.update(extra)
    query = extra.get("queryStringParameters")
    if query and "multiValueQueryStringParameters" not in extra:
        result["multiValueQueryStringParameters"] = {name: [value] for name, value in query.items()}
    return result


def load_event(file_name: str) -> dict:
    """A sample event of ``events/``."""
    return json.loads((EVENTS_DIR / file_name).read_text(encoding="utf-8"))


def header(response: dict, name: str) -> Optional[str]:
    """The value of response header ``name`` (case-insensitive) in ``response["headers"]``, or None."""
    for key, value in (response.get("headers") or {}).items():
        if key.lower() == name.lower():
            return value
    return None


def body_json(response: dict) -> Any:
    return json.loads(response["body"])


def subprocess_env() -> dict:
    """The test's environment (APIGW_NO_EXTENSIONS included), with the apigw this test imports on the path."""
    import apigw

    env = dict(os.environ)
    package_parent = str(Path(apigw.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_parent, env.get("PYTHONPATH")) if p)
    return env


def run_example_script(name: str, *args: str) -> dict:
    """Run ``python examples/<name>.py *args`` and return the response it prints last."""
    completed = subprocess.run(
        [sys.executable, str(EXAMPLES_DIR / f"{name}.py"), *args],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        cwd=REPO_DIR,
        timeout=60,
    )
    assert completed.returncode == 0, completed.stderr
    # NOTE: debug mode prints the event and the response before ours; the response we print is the last
    # top-level JSON object (json.dumps(indent=2) puts a top-level "{" alone on its line, nested ones indented).
    lines = completed.stdout.splitlines()
    start = max(i for i, line in enumerate(lines) if line == "{")
    return json.loads("\n".join(lines[start:]))


# ----------------------------------------------------------------------------------------- getting started


def test_getting_started_answers_hello_universe_as_the_page_shows():
    app = load_example("getting_started")

    response = app.lambda_handler(event("/hello"), None)

    assert response["statusCode"] == 200
    assert response["headers"]["Content-Type"] == "application/json"
    assert response["body"] == '{"message":"hello universe"}'
    assert response["isBase64Encoded"] is False


def test_getting_started_resolves_the_sample_rest_api_event():
    app = load_example("getting_started")

    response = app.lambda_handler(load_event("rest-api-v1.json"), None)

    assert response["statusCode"] == 200
    assert response["headers"]["Content-Type"] == "application/json"
    assert response["body"] == '{"message":"hello universe"}'


def test_getting_started_resolves_the_page_sample_event_with_a_text_body():
    app = load_example("getting_started")
    page_event = event(
        "/hello",
        headers={"Accept-Encoding": "gzip, deflate, sdch", "Host": "1234567890.execute-api.us-east-1.amazonaws.com"},
        body="hello",
        queryStringParameters={"foo": "bar"},
        multiValueQueryStringParameters={},
        pathParameters={"hello": "/hello"},
        stageVariables={},
    )

    response = app.lambda_handler(page_event, None)

    assert response["statusCode"] == 200
    assert response["body"] == '{"message":"hello universe"}'


def test_http_api_resolves_the_sample_http_api_event():
    app = load_example("http_api")

    response = app.lambda_handler(load_event("http-api-v2.json"), None)

    assert response["statusCode"] == 200
    assert header(response, "Content-Type") == "application/json"
    assert response["body"] == '{"message":"hello universe"}'
    assert response["isBase64Encoded"] is False


def test_http_api_resolver_resolves_a_function_url_event():
    app = load_example("http_api")

    response = app.lambda_handler(load_event("function-url.json"), None)

    assert response["statusCode"] == 200
    assert response["body"] == '{"message":"hello universe"}'


def test_alb_resolves_the_sample_single_value_event():
    app = load_example("alb")

    response = app.lambda_handler(load_event("alb-single-value.json"), None)

    assert response["statusCode"] == 200
    assert header(response, "Content-Type") == "application/json"
    assert response["body"] == '{"message":"hello universe"}'
    assert response["isBase64Encoded"] is False


def test_alb_response_carries_a_status_description():
    app = load_example("alb")

    response = app.lambda_handler(load_event("alb-single-value.json"), None)

    assert response["statusDescription"] == "200 OK"


def test_alb_answers_a_multi_value_event_with_multi_value_headers_only():
    app = load_example("alb")

    response = app.lambda_handler(load_event("alb-multi-value.json"), None)

    assert response["statusCode"] == 200
    assert response["body"] == '{"message":"hello universe"}'
    content_types = {k.lower(): v for k, v in response["multiValueHeaders"].items()}["content-type"]
    assert content_types == ["application/json"]
    assert not response.get("headers")


# ------------------------------------------------------------------------------------------ dynamic routes


def test_dynamic_route_passes_the_segment_as_argument():
    app = load_example("dynamic_routes")

    response = app.lambda_handler(event("/hello/lessa", resource="/hello/{name}"), None)

    assert response["statusCode"] == 200
    assert response["body"] == '{"message":"hello lessa"}'


def test_dynamic_route_does_not_match_the_bare_prefix():
    app = load_example("dynamic_routes")

    response = app.lambda_handler(load_event("rest-api-v1.json"), None)

    assert response["statusCode"] == 404


def test_nested_dynamic_route_passes_both_segments():
    app = load_example("nested_routes")

    response = app.lambda_handler(event("/hi/michael", resource="/{message}/{name}"), None)

    assert response["statusCode"] == 200
    assert response["body"] == '{"message":"hi, michael"}'


# ---------------------------------------------------------------------------------------- request details


def test_query_string_value_by_name_with_a_json_payload():
    app = load_example("query_strings_and_payload")

    response = app.lambda_handler(
        event(
            "/hello",
            "GET",
            {"Content-Type": "application/json"},
            queryStringParameters={"name": "lessa"},
            body='{"greeting": "hi"}',
        ),
        None,
    )

    assert response["statusCode"] == 200
    assert response["body"] == '{"message":"hello lessa"}'


def test_query_string_value_from_the_sample_rest_api_event():
    app = load_example("query_strings_and_payload")
    sample = load_event("rest-api-v1.json")
    sample["body"] = '{"greeting": "hi"}'

    response = app.lambda_handler(sample, None)

    assert response["statusCode"] == 200
    assert response["body"] == '{"message":"hello lambda"}'


def test_query_string_value_defaults_when_absent():
    app = load_example("query_strings_and_payload")

    response = app.lambda_handler(event("/hello", body="{}"), None)

    assert response["body"] == '{"message":"hello "}'


@pytest.mark.parametrize("name", ["X-Name", "x-name", "X-NAME"])
def test_header_value_by_name_is_case_insensitive(name):
    app = load_example("headers")

    response = app.lambda_handler(event("/hello", headers={name: "lessa"}), None)

    assert response["statusCode"] == 200
    assert response["body"] == '{"message":"hello lessa"}'


def test_header_value_defaults_when_absent():
    app = load_example("headers")

    response = app.lambda_handler(load_event("rest-api-v1.json"), None)

    assert response["body"] == '{"message":"hello "}'


# ------------------------------------------------------------------------------------------- HTTP errors


@pytest.mark.parametrize(
    ("path", "status", "message"),
    [
        ("/bad-request-error", 400, "Missing required parameter"),
        ("/unauthorized-error", 401, "Unauthorized"),
        ("/not-found-error", 404, "Not found"),
        ("/internal-server-error", 500, "Internal server error"),
        ("/service-error", 502, "Something went wrong!"),
    ],
)
def test_raised_http_error_answers_its_status_and_json_message(path, status, message):
    app = load_example("raising_http_errors")

    response = app.handler(event(path), None)

    assert response["statusCode"] == status
    assert header(response, "Content-Type") == "application/json"
    assert response["body"] == json.dumps({"statusCode": status, "message": message}, separators=(",", ":"))
    assert body_json(response) == {"statusCode": status, "message": message}


def test_route_with_cors_true_and_no_cors_config_gets_default_cors_headers_on_errors():
    app = load_example("raising_http_errors")

    response = app.handler(event("/service-error", headers={"Origin": "https://example.org"}), None)

    assert response["statusCode"] == 502
    assert header(response, "Access-Control-Allow-Origin") == "https://example.org"  # allowed by the default "*"


def test_unknown_route_answers_404_not_found():
    app = load_example("raising_http_errors")

    response = app.handler(event("/no-such-route"), None)

    assert response["statusCode"] == 404
    assert body_json(response) == {"statusCode": 404, "message": "Not found"}


# ------------------------------------------------------------------------------- custom domain mappings


def test_strip_prefixes_routes_the_path_after_the_mapping():
    app = load_example("custom_domain_mappings")

    response = app.lambda_handler(event("/payment/subscriptions/123", resource="/subscriptions/{subscription}"), None)

    assert response["statusCode"] == 200
    assert response["body"] == '{"subscription_id":"123"}'


@pytest.mark.parametrize("path", ["/payment", "/payment/"])
def test_strip_prefixes_maps_the_bare_prefix_to_the_root_route(path):
    module = load_example("custom_domain_mappings")

    @module.app.get("/")
    def root():
        return {"path": "/"}

    response = module.lambda_handler(event(path), None)

    assert response["statusCode"] == 200
    assert response["body"] == '{"path":"/"}'


# ------------------------------------------------------------------------------------------------- CORS

ALLOW_HEADERS = "Authorization,Content-Type,X-Amz-Date,X-Amz-Security-Token,X-Api-Key"


def test_cors_headers_are_added_to_a_cors_route():
    app = load_example("cors")

    response = app.lambda_handler(event("/hello/lessa", headers={"Origin": "https://example.com"}), None)

    assert response["statusCode"] == 200
    assert response["body"] == '{"message":"hello lessa"}'
    assert response["isBase64Encoded"] is False
    assert header(response, "Content-Type") == "application/json"
    # NOTE: the page's sample output shows "https://www.example.com", a typo: the example configures
    # "https://example.com".
    assert header(response, "Access-Control-Allow-Origin") == "https://example.com"
    assert header(response, "Access-Control-Allow-Headers") == ALLOW_HEADERS


def test_cors_headers_are_always_returned_even_without_an_origin_header():
    # The page: "CORS headers are always returned as part of the response when your functions match the path".
    app = load_example("cors")

    response = app.lambda_handler(event("/hello/lessa"), None)

    assert header(response, "Access-Control-Allow-Origin") == "https://example.com"
    assert header(response, "Access-Control-Allow-Headers") == ALLOW_HEADERS


def test_route_with_cors_false_has_no_cors_headers():
    app = load_example("cors")

    response = app.lambda_handler(event("/hello", headers={"Origin": "https://example.com"}), None)

    assert response["statusCode"] == 200
    assert response["body"] == '{"message":"hello, no CORS needed for this path ;)"}'
    assert [name for name in response.get("headers") or {} if name.lower().startswith("access-control-")] == []
    assert header(response, "Content-Type") == "application/json"


def test_preflight_options_request_answers_204_with_allowed_methods():
    app = load_example("cors")
    preflight = event(
        "/hello/lessa",
        "OPTIONS",
        {"Origin": "https://example.com", "Access-Control-Request-Method": "GET"},
    )

    response = app.lambda_handler(preflight, None)

    assert response["statusCode"] == 204
    methods = {m.strip() for m in header(response, "Access-Control-Allow-Methods").split(",")}
    assert {"GET", "OPTIONS"} <= methods
    assert header(response, "Access-Control-Allow-Origin") == "https://example.com"
    assert header(response, "Access-Control-Max-Age") == "300"
    assert not response["body"]


# ------------------------------------------------------------------------------------------------ Response


def test_response_class_sets_status_content_type_headers_and_body():
    app = load_example("fine_grained_responses")

    response = app.lambda_handler(event("/hello"), None)

    assert response["statusCode"] == 418
    assert response["headers"]["Content-Type"] == "application/json"
    assert response["headers"]["X-Custom"] == "X-Value"
    assert response["body"] == '{"message": "I\'m a teapot"}'
    assert response["isBase64Encoded"] is False


# ------------------------------------------------------------------------------------------------ compress

COMPRESSED_HELLO_UNIVERSE = "H4sIAAAAAAACE6tWyk0tLk5MT1WyUspIzcnJVyjNyyxLLSpOVaoFANha8kEcAAAA"


def test_compress_gzips_and_base64_encodes_when_the_client_accepts_gzip():
    app = load_example("compress")

    response = app.lambda_handler(event("/hello", headers={"Accept-Encoding": "gzip"}), None)

    assert response["statusCode"] == 200
    assert response["headers"]["Content-Encoding"] == "gzip"
    assert response["headers"]["Content-Type"] == "application/json"
    assert response["isBase64Encoded"] is True
    assert gzip.decompress(base64.b64decode(response["body"])) == b'{"message":"hello universe"}'


def test_compressed_body_matches_the_page_apart_from_the_gzip_header_os_byte():
    # NOTE: byte 9 of a gzip header names the OS that compressed; the page's 0x13 is what zlib writes on macOS
    # (where the page was generated). apigw always writes 0x03 (Unix, as on Lambda), whatever machine it runs on.
    app = load_example("compress")

    response = app.lambda_handler(event("/hello", headers={"Accept-Encoding": "gzip"}), None)

    actual = bytearray(base64.b64decode(response["body"]))
    expected = bytearray(base64.b64decode(COMPRESSED_HELLO_UNIVERSE))
    assert actual[9] == 0x03
    expected[9] = 0x03
    assert actual == expected


def test_compress_sends_plain_json_without_accept_encoding():
    app = load_example("compress")

    response = app.lambda_handler(event("/hello"), None)

    assert response["statusCode"] == 200
    assert response["body"] == '{"message":"hello universe"}'
    assert header(response, "Content-Encoding") is None
    assert response["isBase64Encoded"] is False


def test_compress_honours_the_sample_event_accept_encoding_list():
    app = load_example("compress")

    response = app.lambda_handler(load_event("rest-api-v1.json"), None)  # "gzip, deflate, br"

    assert header(response, "Content-Encoding") == "gzip"
    assert response["isBase64Encoded"] is True
    assert gzip.decompress(base64.b64decode(response["body"])) == b'{"message":"hello universe"}'


# ------------------------------------------------------------------------------------------ binary responses


def test_binary_response_is_base64_of_the_logo(monkeypatch):
    monkeypatch.delenv("LAMBDA_TASK_ROOT", raising=False)
    app = load_example("binary_responses")
    logo = (EXAMPLES_DIR / "logo.svg").read_bytes()

    response = app.lambda_handler(event("/logo", headers={"Accept": "image/svg+xml"}), None)

    assert response["statusCode"] == 200
    assert response["headers"]["Content-Type"] == "image/svg+xml"
    assert response["isBase64Encoded"] is True
    assert response["body"] == base64.b64encode(logo).decode()


def test_binary_response_reads_the_logo_from_lambda_task_root(monkeypatch, tmp_path):
    logo = b'<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'
    (tmp_path / "logo.svg").write_bytes(logo)
    monkeypatch.setenv("LAMBDA_TASK_ROOT", str(tmp_path))
    app = load_example("binary_responses")

    response = app.lambda_handler(event("/logo", headers={"Accept": "image/svg+xml"}), None)

    assert base64.b64decode(response["body"]) == logo


# ---------------------------------------------------------------------------------------------- debug mode


def test_debug_mode_still_answers_normal_routes():
    app = load_example("debug_mode")

    response = app.lambda_handler(event("/hello"), None)

    assert response["statusCode"] == 200
    assert response["body"] == '{"message":"hello universe"}'


def test_debug_mode_answers_an_unhandled_error_with_its_traceback():
    module = load_example("debug_mode")

    @module.app.get("/boom")
    def boom():
        raise ValueError("kaboom")

    response = module.lambda_handler(event("/boom"), None)

    assert response["statusCode"] == 500
    assert header(response, "Content-Type") == "text/plain"
    assert "Traceback (most recent call last)" in response["body"]
    assert "ValueError: kaboom" in response["body"]


# ----------------------------------------------------------------------------------------- custom serializer


def test_custom_serializer_serializes_enum_values_and_sorted_sets():
    app = load_example("custom_serializer")

    response = app.lambda_handler(event("/colors"), None)

    assert response["statusCode"] == 200
    assert header(response, "Content-Type") == "application/json"
    assert response["body"] == '{"color": 1, "variations": ["dark", "light"]}'


# ------------------------------------------------------------------------ testing your code (the page's test)


@pytest.fixture
def lambda_context():
    @dataclass
    class LambdaContext:
        function_name: str = "test"
        memory_limit_in_mb: int = 128
        invoked_function_arn: str = "arn:aws:lambda:eu-west-1:809313241:function:test"
        aws_request_id: str = "52fdfc07-2182-154f-163f-5f0f9a621d72"

    return LambdaContext()


def test_lambda_handler(lambda_context):
    app = load_example("testing_your_code")  # the page's `import app`
    minimal_event = {
        "path": "/hello",
        "httpMethod": "GET",  # NOTE: the page misses this comma
        "requestContext": {  # correlation ID
            "requestId": "c6af9ac6-7b61-11e6-9a41-93e8deadbeef"
        },
    }

    response = app.lambda_handler(minimal_event, lambda_context)

    assert response["statusCode"] == 200
    assert response["body"] == '{"message":"hello universe"}'


def test_lambda_context_is_available_to_routes(lambda_context):
    module = load_example("testing_your_code")

    @module.app.get("/whoami")
    def whoami():
        return {"function_name": module.app.lambda_context.function_name}

    response = module.lambda_handler(event("/whoami"), lambda_context)

    assert response["body"] == '{"function_name":"test"}'


# ------------------------------------------------------------------------------------- examples as scripts


def test_every_example_file_is_covered():
    files = {p.stem for p in EXAMPLES_DIR.glob("*.py") if not p.stem.startswith("_")}
    assert files == set(EXAMPLES)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_example_imports_without_running_anything(name, capsys):
    module = load_example(name)

    assert capsys.readouterr().out == ""
    assert callable(getattr(module, "lambda_handler", None) or getattr(module, "handler", None))


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_example_runs_as_a_script_and_prints_a_response(name):
    response = run_example_script(name, str(EVENTS_DIR / EXAMPLES[name]))

    assert isinstance(response["statusCode"], int)
    assert "body" in response


@pytest.mark.parametrize(
    ("name", "event_file"),
    [
        ("getting_started", "rest-api-v1.json"),
        ("http_api", "http-api-v2.json"),
        ("http_api", "function-url.json"),
        ("alb", "alb-single-value.json"),
        ("alb", "alb-multi-value.json"),
    ],
)
def test_hello_universe_example_answers_200_to_its_sample_event(name, event_file):
    response = run_example_script(name, str(EVENTS_DIR / event_file))

    assert response["statusCode"] == 200
    assert response["body"] == '{"message":"hello universe"}'


def test_example_script_defaults_to_the_sample_event_of_its_integration():
    response = run_example_script("getting_started")

    assert response["statusCode"] == 200
    assert response["body"] == '{"message":"hello universe"}'


def test_sample_events_are_not_modified_by_resolving():
    sample = load_event("rest-api-v1.json")
    pristine = copy.deepcopy(sample)

    load_example("compress").lambda_handler(sample, None)

    assert sample == pristine


# ------------------------------------------------------------------------------------ through the test client


@pytest.mark.parametrize(
    ("name", "method", "path", "options", "status"),
    [
        ("getting_started", "GET", "/hello", {}, 200),
        ("http_api", "GET", "/hello", {}, 200),
        ("alb", "GET", "/hello", {}, 200),
        ("dynamic_routes", "GET", "/hello/lessa", {}, 200),
        ("nested_routes", "GET", "/hi/michael", {}, 200),
        ("query_strings_and_payload", "GET", "/hello?name=lessa", {"json": {"greeting": "hi"}}, 200),
        ("headers", "GET", "/hello", {"headers": {"X-Name": "lessa"}}, 200),
        ("raising_http_errors", "GET", "/bad-request-error", {}, 400),
        ("raising_http_errors", "GET", "/service-error", {}, 502),
        ("custom_domain_mappings", "GET", "/payment/subscriptions/123", {}, 200),
        ("cors", "OPTIONS", "/hello/lessa", {"headers": {"Origin": "https://example.com"}}, 204),
        ("fine_grained_responses", "GET", "/hello", {}, 418),
        ("compress", "GET", "/hello", {"headers": {"Accept-Encoding": "gzip"}}, 200),
        ("binary_responses", "GET", "/logo", {}, 200),
        ("custom_serializer", "GET", "/colors", {}, 200),
        ("testing_your_code", "GET", "/hello", {}, 200),
    ],
)
def test_every_example_answers_what_its_integration_accepts(name, method, path, options, status, monkeypatch):
    # The client fails the test on any response the example's integration would refuse (shape, types, size).
    monkeypatch.delenv("LAMBDA_TASK_ROOT", raising=False)
    client = Client(load_example(name).app)

    response = client.request(method, path, **options)

    assert response.status_code == status


def test_the_compress_example_reaches_a_client_as_plain_json():
    client = Client(load_example("compress").app)

    response = client.get("/hello", headers={"Accept-Encoding": "gzip"})

    assert response.headers["Content-Encoding"] == "gzip"
    assert response.json() == {"message": "hello universe"}


def test_the_binary_example_reaches_a_client_as_the_logo_bytes(monkeypatch):
    monkeypatch.delenv("LAMBDA_TASK_ROOT", raising=False)
    client = Client(load_example("binary_responses").app)

    response = client.get("/logo", headers={"Accept": "image/svg+xml"})

    assert response.body == (EXAMPLES_DIR / "logo.svg").read_bytes()

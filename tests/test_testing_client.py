"""``apigw.testing.Client``: requests through real events, answers as an HTTP client receives them."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

import pytest

from apigw import (
    ALBResolver,
    APIGatewayHttpResolver,
    APIGatewayRestResolver,
    Cookie,
    LambdaFunctionUrlResolver,
    Response,
    VPCLatticeResolver,
    VPCLatticeV2Resolver,
)
from apigw.testing import Client, LambdaContext, ResponseHeaders


def echo_app(resolver_class=APIGatewayRestResolver):
    """An app whose routes report what they were sent."""
    app = resolver_class()

    @app.route("/echo", method=["GET", "POST", "PUT", "PATCH", "DELETE"])
    def echo():
        event = app.current_event
        return {
            "method": event.http_method,
            "path": event.path,
            "tags": event.get_multi_value_query_string_values("tag"),
            "header": event.headers.get("x-trace"),
            "cookies": event.cookies,
            "json": event.json_body if event.headers.get("content-type") == "application/json" else None,
        }

    @app.post("/upload")
    def upload():
        return Response(200, "application/octet-stream", app.current_event.body_bytes)

    @app.get("/session")
    def session():
        return Response(
            200, "text/plain", "ok", {"X-Id": ["1", "2"]}, cookies=[Cookie("a", "1"), Cookie("b", "2", path="/")]
        )

    @app.get("/report", compress=True)
    def report():
        return {"rows": ["row"] * 200}

    return app


RESOLVERS = [
    APIGatewayRestResolver,
    APIGatewayHttpResolver,
    LambdaFunctionUrlResolver,
    ALBResolver,
    VPCLatticeResolver,
    VPCLatticeV2Resolver,
]


@pytest.mark.parametrize("resolver_class", RESOLVERS)
def test_the_client_follows_the_resolvers_integration(resolver_class):
    app = echo_app(resolver_class)

    client = Client(app)

    assert client.integration is app.integration
    assert client.get("/echo").json()["method"] == "GET"


@pytest.mark.parametrize("resolver_class", RESOLVERS)
def test_query_values_may_be_lists_and_the_path_may_carry_a_query(resolver_class):
    response = Client(echo_app(resolver_class)).get("/echo?tag=a", query={"tag": ["b c", "d"]})

    single_valued = resolver_class in (ALBResolver, VPCLatticeResolver)  # one value per name: the last one
    expected = ["d"] if single_valued else ["a", "b c", "d"]
    assert response.json()["tags"] == expected


def test_alb_multi_value_headers_mode_sends_every_value():
    client = Client(echo_app(ALBResolver), multi_value_headers=True)

    response = client.get("/echo", query={"tag": ["a", "b"]})

    assert response.json()["tags"] == ["a", "b"]
    assert "multiValueHeaders" in response.event and "multiValueHeaders" in response.raw


@pytest.mark.parametrize("resolver_class", RESOLVERS)
def test_json_is_sent_as_a_json_body(resolver_class):
    response = Client(echo_app(resolver_class)).post("/echo", json={"n": 1})

    assert response.json()["json"] == {"n": 1}
    assert response.event.get("isBase64Encoded", response.event.get("is_base64_encoded")) is False


@pytest.mark.parametrize("resolver_class", RESOLVERS)
def test_bytes_go_base64_encoded_and_come_back_byte_exact(resolver_class):
    data = bytes(range(256)) * 4

    response = Client(echo_app(resolver_class)).post("/upload", body=data)

    assert response.event.get("isBase64Encoded", response.event.get("is_base64_encoded")) is True
    assert response.body == data


@pytest.mark.parametrize("resolver_class", RESOLVERS)
def test_cookies_reach_the_app_in_each_integrations_place(resolver_class):
    response = Client(echo_app(resolver_class)).get("/echo", cookies={"session": "abc", "theme": "dark"})

    assert response.json()["cookies"] == ["session=abc", "theme=dark"]


@pytest.mark.parametrize("resolver_class", RESOLVERS)
def test_every_set_cookie_is_a_cookie_of_the_response(resolver_class):
    response = Client(echo_app(resolver_class)).get("/session")

    assert response.cookies == {"a": "1", "b": "2"}
    assert len(response.headers.get_all("set-cookie")) == 2


def test_a_repeated_header_keeps_every_value():
    response = Client(echo_app()).get("/session")

    assert response.headers.get_all("x-id") == ["1", "2"]
    assert response.headers["X-ID"] == "1, 2"


@pytest.mark.parametrize("resolver_class", RESOLVERS)
def test_a_gzip_body_is_decoded_as_http_clients_do(resolver_class):
    response = Client(echo_app(resolver_class)).get("/report", headers={"Accept-Encoding": "gzip"})

    assert response.headers["Content-Encoding"] == "gzip"
    assert response.json() == {"rows": ["row"] * 200}
    assert gzip.decompress(__import__("base64").b64decode(response.raw["body"])) == response.body


def test_text_reads_the_charset_of_the_content_type():
    app = APIGatewayRestResolver()
    app.get("/latin")(lambda: Response(200, "text/plain; charset=latin-1", "café".encode("latin-1")))

    assert Client(app).get("/latin").text == "café"


def test_a_space_in_the_path_is_sent_percent_encoded():
    app = APIGatewayRestResolver()
    app.get("/files/<name>")(lambda name: {"name": name})

    response = Client(app).get("/files/a b")

    assert response.event["path"] == "/files/a%20b"
    assert response.json() == {"name": "a%20b"}  # REST keeps the encoding in the path, so in the parameter


def test_any_handler_function_can_be_tested_with_an_integration_name():
    def lambda_handler(event, context):
        return {"statusCode": 201, "headers": {"X-Path": event["rawPath"]}, "body": context.aws_request_id}

    response = Client(lambda_handler, integration="http").post("/things")

    assert response.status_code == 201
    assert response.headers["x-path"] == "/things"
    assert len(response.text) == 36


def test_a_handler_function_needs_an_integration():
    with pytest.raises(TypeError, match="pass integration="):
        Client(lambda event, context: {})


def test_an_unknown_integration_name_is_refused_listing_the_known_ones():
    with pytest.raises(ValueError, match="unknown integration .apigw.*alb, http, lattice, lattice-v2, rest, url"):
        Client(lambda event, context: {}, integration="apigw")


def test_a_resolver_refuses_another_integrations_events_at_construction():
    with pytest.raises(ValueError, match="would refuse Application Load Balancer events"):
        Client(APIGatewayRestResolver(), integration="alb")


def test_an_http_resolver_can_be_sent_function_url_events():
    assert Client(APIGatewayHttpResolver(), integration="url").integration.name == "url"


def test_multi_value_headers_is_for_alb_only():
    with pytest.raises(ValueError, match="ALB setting"):
        Client(APIGatewayRestResolver(), multi_value_headers=True)


def test_a_stage_that_is_no_name_is_refused_when_the_client_is_made():
    with pytest.raises(ValueError, match="a stage is a name"):
        Client(APIGatewayRestResolver(), stage="a/b")


def test_a_stage_for_an_integration_without_stages_is_refused_when_the_client_is_made():
    with pytest.raises(ValueError, match="no stages"):
        Client(ALBResolver(), stage="Prod")


def test_an_illegal_response_fails_the_test_naming_the_problem():
    def lambda_handler(event, context):
        return {"statusCode": "200", "body": {"not": "text"}}

    client = Client(lambda_handler, integration="rest")

    with pytest.raises(AssertionError) as failure:
        client.get("/")
    message = str(failure.value)
    assert "GET /: the API Gateway REST API would refuse this response" in message
    assert "'statusCode' is '200' (str), not an int" in message
    assert "'body' is a dict" in message


def test_json_and_body_together_are_refused():
    with pytest.raises(TypeError, match="json= or body="):
        Client(echo_app()).post("/echo", json={}, body="{}")


def test_the_stage_is_named_in_the_event():
    response = Client(echo_app(), stage="v2").get("/echo")

    assert response.event["requestContext"]["stage"] == "v2"


def test_head_has_no_body_on_the_wire():
    app = APIGatewayRestResolver()
    app.head("/x")(lambda: Response(200, "text/plain", "ignored"))

    assert Client(app).head("/x").body == b""


def test_the_lambda_context_looks_like_lambdas():
    context = LambdaContext(timeout_seconds=3)

    assert context.function_name == "apigw-local"
    assert context.invoked_function_arn.startswith("arn:aws:lambda:")
    assert 0 < context.get_remaining_time_in_millis() <= 3000
    assert context.aws_request_id != LambdaContext().aws_request_id


def test_response_headers_are_a_case_insensitive_mapping():
    headers = ResponseHeaders([("Content-Type", "text/plain"), ("set-cookie", "a=1"), ("Set-Cookie", "b=2")])

    assert list(headers) == ["Content-Type", "set-cookie"]
    assert len(headers) == 2
    assert "SET-COOKIE" in headers
    assert headers.get("missing") is None


@pytest.mark.once
def test_a_user_test_using_the_client_passes_mypy_strict():
    pytest.importorskip("mypy", reason="mypy is a test dependency: pip install -e '.[test]'")
    source = Path(__file__).resolve().parent / "typing" / "strict_client.py"
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(source)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    own_errors = [line for line in result.stdout.splitlines() if "strict_client.py" in line]
    assert own_errors == [], result.stdout


@pytest.mark.once
def test_mypy_strict_refuses_client_arguments_the_client_would_refuse(tmp_path):
    pytest.importorskip("mypy", reason="mypy is a test dependency: pip install -e '.[test]'")
    source = tmp_path / "wrong_client.py"
    source.write_text(
        "from apigw import APIGatewayRestResolver\n"
        "from apigw.testing import Client\n"
        "client = Client(APIGatewayRestResolver())\n"
        "client.get('/', cookies='a=1')\n"  # a str: refused at run time, so by the types too
        "client.get('/', headers={'X-A': 1.5})\n"
        "client.get('/', query={'a': None})\n"
        "client.get('/', query=[('a', None)])\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(source)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    lines_with_errors = {
        int(line.split(":")[1])
        for line in result.stdout.splitlines()
        if line.startswith(str(source)) and ": error" in line
    }
    assert lines_with_errors == {4, 5, 6, 7}, result.stdout

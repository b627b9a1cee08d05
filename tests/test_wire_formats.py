"""The integrations' HTTP side: events built as AWS sends them (``build_event``), responses checked as AWS checks
them (``response_problems``) and read as an HTTP client receives them (``http_response``).

The facts behind each test are restated in docs/wire-formats.md.
"""

from __future__ import annotations

import base64

import pytest

from apigw import (
    ALBResolver,
    APIGatewayHttpResolver,
    APIGatewayRestResolver,
    LambdaFunctionUrlResolver,
    Response,
    VPCLatticeResolver,
    VPCLatticeV2Resolver,
    _shared,
    _wire,
)
from apigw.events import (
    ALBEvent,
    APIGatewayProxyEvent,
    APIGatewayProxyEventV2,
    LambdaFunctionUrlEvent,
    VPCLatticeEvent,
    VPCLatticeEventV2,
)
from apigw.integrations import (
    ALB,
    BY_NAME,
    FUNCTION_URL,
    HTTP_API,
    REST_API,
    VPC_LATTICE,
    VPC_LATTICE_V2,
    detect,
    named,
)
from apigw.testing import INTEGRATION_NAMES

once = pytest.mark.once

# ------------------------------------------------------------------------------------------------ names


@once
def test_an_integration_is_found_by_its_short_name():
    assert [named(name) for name in BY_NAME] == list(BY_NAME.values())


@once
@pytest.mark.parametrize("name", ["apigw", "ALB", None])
def test_an_unknown_integration_name_is_refused_listing_the_names(name):
    with pytest.raises(
        ValueError, match=f"unknown integration {name!r}: use one of alb, http, lattice, lattice-v2, rest, url"
    ):
        named(name)


@once
def test_the_test_client_names_every_integration():
    assert INTEGRATION_NAMES == tuple(BY_NAME)


# ------------------------------------------------------------------------------------------------ REST API


@once
def test_rest_event_keeps_the_path_encoded_and_names_the_stage_in_the_request_context_only():
    event = REST_API.build_event("GET", "/files/a%20b", stage="v1")

    assert event["path"] == "/files/a%20b"
    assert event["requestContext"]["path"] == "/v1/files/a%20b"
    assert event["requestContext"]["stage"] == "v1"


@once
def test_rest_event_comes_from_a_catch_all_resource_with_the_decoded_proxy_parameter():
    event = REST_API.build_event("GET", "/files/a%20b")

    assert event["resource"] == "/{proxy+}"
    assert event["pathParameters"] == {"proxy": "files/a b"}


@once
def test_rest_event_for_the_root_path_comes_from_the_root_resource():
    event = REST_API.build_event("GET", "/")

    assert (event["resource"], event["pathParameters"]) == ("/", None)


@once
def test_rest_event_stage_defaults_to_prod():
    assert REST_API.build_event("GET", "/")["requestContext"]["stage"] == "Prod"


@once
def test_rest_event_has_the_last_value_in_headers_and_every_value_in_multi_value_headers():
    event = REST_API.build_event("GET", "/", headers=[("X-Id", "1"), ("x-id", "2"), ("Accept", "text/plain")])

    assert event["headers"] == {"X-Id": "2", "Accept": "text/plain"}
    assert event["multiValueHeaders"] == {"X-Id": ["1", "2"], "Accept": ["text/plain"]}


@once
def test_rest_event_decodes_query_values_last_in_single_every_in_multi():
    event = REST_API.build_event("GET", "/search?tag=a%20b&tag=c", query={"page": 2})

    assert event["queryStringParameters"] == {"tag": "c", "page": "2"}
    assert event["multiValueQueryStringParameters"] == {"tag": ["a b", "c"], "page": ["2"]}


@once
def test_rest_event_without_query_or_headers_has_nulls():
    event = REST_API.build_event("GET", "/")

    assert event["queryStringParameters"] is None
    assert event["multiValueQueryStringParameters"] is None
    assert event["headers"] is None
    assert event["body"] is None


@once
def test_rest_event_sends_cookies_in_the_cookie_header():
    event = REST_API.build_event("GET", "/", cookies={"session": "abc", "theme": "dark"})

    assert event["headers"]["Cookie"] == "session=abc; theme=dark"


@once
def test_rest_event_request_context_carries_the_caller():
    event = REST_API.build_event("GET", "/", headers={"User-Agent": "curl/8"}, source_ip="203.0.113.9")

    identity = event["requestContext"]["identity"]
    assert (identity["sourceIp"], identity["userAgent"]) == ("203.0.113.9", "curl/8")
    assert event["requestContext"]["requestId"] != REST_API.build_event("GET", "/")["requestContext"]["requestId"]


@pytest.mark.parametrize("integration", list(BY_NAME.values()), ids=list(BY_NAME))
@once
def test_a_bytes_body_is_sent_base64_encoded(integration):
    event = integration.build_event("POST", "/upload", body=b"\x00\xff\x10")

    assert event.get("isBase64Encoded", event.get("is_base64_encoded")) is True
    assert base64.b64decode(event["body"]) == b"\x00\xff\x10"


@pytest.mark.parametrize("integration", list(BY_NAME.values()), ids=list(BY_NAME))
@once
def test_a_text_body_is_sent_as_it_is(integration):
    event = integration.build_event("POST", "/notes", body='{"note": "é"}')

    assert (event["body"], event.get("isBase64Encoded", event.get("is_base64_encoded"))) == ('{"note": "é"}', False)


@pytest.mark.parametrize("integration", list(BY_NAME.values()), ids=list(BY_NAME))
@once
def test_every_built_event_is_recognised_as_its_integration(integration):
    assert detect(integration.build_event("GET", "/")) is integration


# ------------------------------------------------------------------------------------------------ HTTP API


@once
def test_http_event_path_is_decoded_and_carries_a_named_stage():
    event = HTTP_API.build_event("GET", "/files/a%20b", stage="v1")

    assert event["rawPath"] == event["requestContext"]["http"]["path"] == "/v1/files/a b"
    assert APIGatewayProxyEventV2(event).path == "/files/a b"


@once
def test_http_event_default_stage_adds_no_prefix():
    event = HTTP_API.build_event("GET", "/orders")

    assert (event["rawPath"], event["requestContext"]["stage"]) == ("/orders", "$default")


@once
def test_http_event_lowercases_header_names_and_joins_repeated_values_with_commas():
    event = HTTP_API.build_event("GET", "/", headers=[("X-Id", "1"), ("X-ID", "2")])

    assert event["headers"] == {"x-id": "1,2"}


@once
def test_http_event_moves_the_cookie_header_to_the_cookies_list():
    event = HTTP_API.build_event("GET", "/", headers={"Cookie": "a=1; b=2"}, cookies={"c": "3"})

    assert event["cookies"] == ["a=1", "b=2", "c=3"]
    assert "cookie" not in event["headers"]


@once
def test_http_event_keeps_the_raw_query_string_and_decodes_joined_parameters():
    event = HTTP_API.build_event("GET", "/?tag=a%2Cb&tag=c&q=x%20y")

    assert event["rawQueryString"] == "tag=a%2Cb&tag=c&q=x%20y"
    assert event["queryStringParameters"] == {"tag": "a,b,c", "q": "x y"}


@once
def test_http_event_without_query_cookies_or_body_leaves_those_keys_out():
    event = HTTP_API.build_event("GET", "/")

    assert {"queryStringParameters", "cookies", "body"}.isdisjoint(event)
    assert event["rawQueryString"] == ""


# ------------------------------------------------------------------------------------------------ Function URL


@once
def test_function_url_event_keeps_the_path_encoded_on_a_lambda_url_domain():
    event = FUNCTION_URL.build_event("GET", "/files/a%20b")

    assert event["rawPath"] == "/files/a%20b"
    assert ".lambda-url." in event["requestContext"]["domainName"]
    assert LambdaFunctionUrlEvent(event).path == "/files/a%20b"


@once
def test_function_url_has_no_stages():
    with pytest.raises(ValueError, match="no stages"):
        FUNCTION_URL.build_event("GET", "/", stage="v1")


# ------------------------------------------------------------------------------------------------ ALB


@once
def test_alb_event_single_value_has_the_last_header_and_query_value_not_decoded():
    event = ALB.build_event("GET", "/search?q=a%20b&q=c%20d", headers=[("X-Id", "1"), ("X-Id", "2")])

    assert event["headers"] == {"x-id": "2"}
    assert event["queryStringParameters"] == {"q": "c%20d"}
    assert "multiValueHeaders" not in event


@once
def test_alb_event_multi_value_has_every_header_and_query_value_not_decoded():
    event = ALB.build_event("GET", "/search?q=a%20b&q=c", headers=[("X-Id", "1"), ("X-Id", "2")], multi_value=True)

    assert event["multiValueHeaders"] == {"x-id": ["1", "2"]}
    assert event["multiValueQueryStringParameters"] == {"q": ["a%20b", "c"]}
    assert "headers" not in event


@once
def test_alb_event_without_body_has_an_empty_body():
    assert ALB.build_event("GET", "/")["body"] == ""


@once
def test_alb_has_no_stages():
    with pytest.raises(ValueError, match="no stages"):
        ALB.build_event("GET", "/", stage="Prod")


@once
def test_multi_value_headers_is_an_alb_setting_only():
    with pytest.raises(ValueError, match="ALB"):
        REST_API.build_event("GET", "/", multi_value=True)


@once
def test_settings_are_decided_by_the_integration_facts_not_its_name():
    REST_API.replace(name="alb-like-rest", multi_value_layout=_shared.MULTI).check_settings(multi_value=True)
    ALB.replace(name="staged-alb", has_stages=True).check_settings(stage="Prod")


@once
@pytest.mark.parametrize("integration", [ALB, VPC_LATTICE, VPC_LATTICE_V2], ids=["alb", "lattice", "lattice-v2"])
def test_an_integration_without_stages_refuses_even_the_default_stage(integration):
    with pytest.raises(ValueError, match="no stages"):
        integration.check_settings(stage="$default")


@once
def test_a_function_url_accepts_its_one_stage_name():
    FUNCTION_URL.check_settings(stage="$default")
    assert FUNCTION_URL.build_event("GET", "/", stage="$default")["requestContext"]["stage"] == "$default"


@once
@pytest.mark.parametrize("stage", ["a/b", "", 3])
def test_a_stage_that_is_no_name_is_refused(stage):
    with pytest.raises(ValueError, match="a stage is a name"):
        REST_API.check_settings(stage=stage)


# ------------------------------------------------------------------------------------------------ VPC Lattice


@once
def test_lattice_v1_event_has_snake_case_keys_and_the_query_in_the_raw_path():
    event = VPC_LATTICE.build_event("GET", "/search?q=a%20b&q=c", headers=[("X-Id", "1"), ("X-Id", "2")])

    assert event["raw_path"] == "/search?q=a%20b&q=c"
    assert event["query_string_parameters"] == {"q": "c"}
    assert event["headers"] == {"x-id": "1,2"}
    assert (event["body"], event["is_base64_encoded"]) == ("", False)


@once
def test_lattice_v2_event_has_lists_of_values_and_the_callers_context():
    event = VPC_LATTICE_V2.build_event("GET", "/search?q=a%20b&q=c", headers=[("X-Id", "1"), ("X-Id", "2")])

    assert (event["version"], event["path"]) == ("2.0", "/search")
    assert event["queryStringParameters"] == {"q": ["a b", "c"]}
    assert event["headers"] == {"x-id": ["1", "2"]}
    assert {"serviceNetworkArn", "serviceArn", "targetGroupArn", "identity", "region"} <= set(event["requestContext"])
    assert event["requestContext"]["timeEpoch"].isdigit()  # microseconds, as text


@pytest.mark.parametrize("integration", [VPC_LATTICE, VPC_LATTICE_V2])
@once
def test_lattice_keeps_cookies_in_the_cookie_header(integration):
    event = integration.build_event("GET", "/", cookies={"a": "1"})

    assert "cookie" in event["headers"] and "cookies" not in event


@once
def test_lattice_reads_only_the_headers_map_of_a_response():
    problems = VPC_LATTICE.response_problems({"statusCode": 200, "body": "", "multiValueHeaders": {"X-A": ["1"]}})

    assert problems == ["VPC Lattice reads only 'headers': the response's 'multiValueHeaders' is ignored"]


# ------------------------------------------------------------------------------------------------ bad requests


@pytest.mark.parametrize(
    ("arguments", "error"),
    [
        ({"method": "GE T", "path": "/"}, "HTTP method"),
        ({"method": "GET", "path": "orders"}, "starts with '/'"),
        ({"method": "GET", "path": "/", "headers": {"X-A": "1\r\nX-B: 2"}}, "CR, LF or NUL"),
        ({"method": "GET", "path": "/", "headers": {"Bad Name": "1"}}, "not an HTTP header name"),
        ({"method": "GET", "path": "/", "cookies": ["a=1; b=2"]}, "is not a cookie"),
        ({"method": "GET", "path": "/", "stage": "a/b"}, "a stage is a name"),
    ],
)
@once
def test_a_request_no_client_could_send_is_refused_saying_why(arguments, error):
    with pytest.raises(ValueError, match=error):
        REST_API.build_event(**arguments)


@once
def test_a_method_with_a_non_ascii_letter_is_refused():
    with pytest.raises(ValueError, match="HTTP method"):
        REST_API.build_event("G\u00c9T", "/")


@once
def test_a_header_name_with_non_ascii_characters_is_refused():
    with pytest.raises(ValueError, match="not an HTTP header name"):
        HTTP_API.build_event("GET", "/", headers={"\u00d1ame\u00b2": "1"})


@once
def test_a_header_name_may_hold_every_token_mark():
    event = HTTP_API.build_event("GET", "/", headers={"X-!#$%&'*+-.^_`|~1": "1"})

    assert event["headers"] == {"x-!#$%&'*+-.^_`|~1": "1"}


@once
def test_a_body_of_another_type_is_refused():
    with pytest.raises(TypeError, match="str .text., bytes"):
        REST_API.build_event("POST", "/", body={"a": 1})  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------------------ responses


RESOLVERS = [
    (APIGatewayRestResolver, REST_API, False),
    (APIGatewayHttpResolver, HTTP_API, False),
    (LambdaFunctionUrlResolver, FUNCTION_URL, False),
    (ALBResolver, ALB, False),
    (ALBResolver, ALB, True),
    (VPCLatticeResolver, VPC_LATTICE, False),
    (VPCLatticeV2Resolver, VPC_LATTICE_V2, False),
]


@pytest.mark.parametrize(("resolver_class", "integration", "multi"), RESOLVERS)
def test_what_apigw_answers_is_legal_for_each_integration(resolver_class, integration, multi):
    app = resolver_class()

    @app.get("/thing")
    def thing():
        return Response(200, "image/png", b"\x89PNG", headers={"X-A": ["1", "2"]}, cookies=["a=1", "b=2"])

    event = integration.build_event("GET", "/thing", multi_value=multi)
    response = app.resolve(event, None)

    assert integration.response_problems(response, event) == []
    status, headers, body = integration.http_response(response, event)
    assert (status, body) == (200, b"\x89PNG")
    assert [value for name, value in headers if name.lower() == "set-cookie"] == ["a=1", "b=2"]


@once
def test_rest_refuses_unknown_keys_and_wrong_types():
    problems = REST_API.response_problems(
        {"statusCode": "200", "headers": {"X-A": 1}, "multiValueHeaders": {"X-B": "2"}, "body": {}, "extra": 1}
    )

    assert problems == [
        "API Gateway REST API refuses a response with other keys than statusCode, headers, multiValueHeaders, "
        "body, isBase64Encoded: extra",
        "'statusCode' is '200' (str), not an int",
        "headers['X-A'] is 1 (int), not a str",
        "'body' is a dict, not a str (JSON text, or base64 with isBase64Encoded)",
        "multiValueHeaders['X-B'] is '2', not a list of str",
    ]


@once
def test_a_response_that_is_not_a_dict_is_refused_by_rest_and_alb():
    assert REST_API.response_problems("hello") == ["the response is a str, not a dict with a statusCode"]
    assert ALB.response_problems(None) == ["the response is a NoneType, not a dict with a statusCode"]


@once
def test_http_api_takes_any_json_value_as_a_200_json_body():
    assert HTTP_API.response_problems({"id": 1}) == []
    assert HTTP_API.http_response({"id": 1}) == (200, [("content-type", "application/json")], b'{"id": 1}')


@once
def test_http_api_refuses_cookies_that_are_not_a_list_of_strings():
    problems = HTTP_API.response_problems({"statusCode": 200, "cookies": "a=1"})

    assert problems == ["'cookies' is 'a=1', not a list of Set-Cookie strings"]


@once
def test_a_status_outside_100_to_599_is_refused():
    assert REST_API.response_problems({"statusCode": 600}) == ["'statusCode' 600 is not an HTTP status (100-599)"]


@once
def test_a_response_header_name_with_non_ascii_letters_is_refused():
    problems = HTTP_API.response_problems({"statusCode": 200, "headers": {"\u00dcn\u00ef": "1"}})

    assert problems == ["headers has '\u00dcn\u00ef', which is not an HTTP header name"]


@once
def test_a_header_value_with_a_line_break_is_refused():
    problems = HTTP_API.response_problems({"statusCode": 200, "headers": {"X-A": "1\r\nX-B: 2"}})

    assert problems == ["headers['X-A'] holds CR, LF or NUL: '1\\r\\nX-B: 2'"]


@once
def test_base64_flag_with_a_body_that_is_not_base64_is_refused():
    problems = REST_API.response_problems({"statusCode": 200, "body": "not base64!", "isBase64Encoded": True})

    assert len(problems) == 1 and problems[0].startswith("'isBase64Encoded' is true but 'body' is not base64")


@once
def test_a_response_that_is_not_json_is_refused():
    problems = REST_API.response_problems({"statusCode": 200, "body": b"bytes"})

    assert problems[0].startswith("the response is not JSON (Lambda cannot return it)")


@once
def test_alb_refuses_a_null_body():
    problems = ALB.response_problems({"statusCode": 200, "body": None})

    assert problems == ["'body' is missing or null; this integration answers 502 to that (send \"\")"]


@once
def test_alb_ignores_the_header_map_of_the_other_mode():
    event = ALB.build_event("GET", "/", multi_value=True)

    problems = ALB.response_problems({"statusCode": 200, "body": "", "headers": {"X-A": "1"}}, event)

    assert problems == [
        "this target group sends multiValueHeaders (see the request), so the ALB ignores the response's 'headers'"
    ]


@once
@pytest.mark.parametrize("integration", [ALB, VPC_LATTICE, VPC_LATTICE_V2], ids=["alb", "lattice", "lattice-v2"])
def test_a_status_description_that_is_no_text_is_refused(integration):
    problems = integration.response_problems({"statusCode": 200, "statusDescription": 200, "body": ""})

    assert problems == ["'statusDescription' is 200, not a str such as '200 OK'"]


@once
def test_the_status_description_is_checked_wherever_the_integration_has_one():
    problems = HTTP_API.replace(status_description=True).response_problems(
        {"statusCode": 200, "statusDescription": 200}
    )

    assert problems == ["'statusDescription' is 200, not a str such as '200 OK'"]
    assert HTTP_API.response_problems({"statusCode": 200, "statusDescription": 200}) == []


@once
def test_the_header_mode_of_a_request_follows_the_multi_value_layout_fact():
    single_value_alb = ALB.replace(multi_value_layout=None)
    event = ALB.build_event("GET", "/", multi_value=True)
    response = {"statusCode": 200, "body": "", "headers": {"X-A": "1"}, "multiValueHeaders": {"X-B": ["2"]}}

    assert single_value_alb.http_response(response, event)[1] == [("X-A", "1")]
    assert ALB.http_response(response, event)[1] == [("X-B", "2")]


@once
def test_an_integration_refuses_a_fact_it_does_not_have():
    with pytest.raises(TypeError, match="no fact named stages"):
        REST_API.replace(stages=True)


@once
def test_a_replaced_integration_keeps_its_other_facts_and_leaves_the_original_alone():
    local = REST_API.replace(stage_in_urls=False)

    assert (local.name, local.view_name, local.stage_in_urls) == ("rest", "APIGatewayProxyEvent", False)
    assert REST_API.stage_in_urls is True


@once
def test_a_response_over_the_limit_is_refused_with_both_sizes():
    body = "x" * ALB.response_limit

    problems = ALB.response_problems({"statusCode": 200, "body": body})

    assert len(problems) == 1
    assert f"more than the {ALB.response_limit} bytes the integration takes" in problems[0]


@once
def test_rest_sends_a_pair_present_in_both_header_maps_once():
    response = {
        "statusCode": 200,
        "headers": {"X-A": "1", "X-B": "b"},
        "multiValueHeaders": {"X-A": ["1", "2"]},
        "body": "",
    }

    assert REST_API.http_response(response)[1] == [("X-A", "1"), ("X-A", "2"), ("X-B", "b")]


@once
def test_alb_single_value_sends_each_differently_cased_set_cookie():
    response = {"statusCode": 200, "headers": {"Set-Cookie": "a=1", "set-cookie": "b=2"}, "body": ""}

    headers = ALB.http_response(response, ALB.build_event("GET", "/"))[1]

    assert headers == [("Set-Cookie", "a=1"), ("set-cookie", "b=2")]


@once
def test_a_base64_body_reaches_the_client_as_bytes():
    response = {"statusCode": 200, "body": base64.b64encode(b"\x00\x01").decode(), "isBase64Encoded": True}

    assert REST_API.http_response(response)[2] == b"\x00\x01"


# ------------------------------------------------------------------------------------------------ the views agree


@pytest.mark.parametrize(
    ("integration", "view_class", "multi", "tags"),
    [
        (REST_API, APIGatewayProxyEvent, False, ["a", "b"]),
        (HTTP_API, APIGatewayProxyEventV2, False, ["a", "b"]),
        (FUNCTION_URL, LambdaFunctionUrlEvent, False, ["a", "b"]),
        (ALB, ALBEvent, False, ["b"]),  # single-value mode: the last value only
        (ALB, ALBEvent, True, ["a", "b"]),
        (VPC_LATTICE, VPCLatticeEvent, False, ["b"]),  # structure v1: one value per name
        (VPC_LATTICE_V2, VPCLatticeEventV2, False, ["a", "b"]),
    ],
)
@once
def test_the_event_views_read_what_the_builders_wrote(integration, view_class, multi, tags):
    event = integration.build_event(
        "PUT",
        "/orders/42?tag=a&tag=b",
        headers=[("X-Id", "1"), ("Content-Type", "application/json")],
        cookies={"session": "abc"},
        body='{"n": 1}',
        multi_value=multi,
    )

    view = view_class(event)
    assert (view.http_method, view.path) == ("PUT", "/orders/42")
    assert view.headers["x-id"] == "1"
    assert view.cookies == ["session=abc"]
    assert view.get_multi_value_query_string_values("tag") == tags
    assert view.json_body == {"n": 1}


# ------------------------------------------------------------------------------------------------ framing


@once
def test_framing_drops_hop_by_hop_headers_and_sends_the_real_length():
    pairs = [("Content-Length", "99"), ("Connection", "keep-alive"), ("Transfer-Encoding", "chunked"), ("X-A", "1")]

    assert _wire.framed("GET", 200, pairs, b"hello") == ([("X-A", "1"), ("Content-Length", "5")], b"hello")


@once
def test_framing_a_head_answer_keeps_the_length_without_the_body():
    assert _wire.framed("HEAD", 200, [], b"hello") == ([("Content-Length", "5")], b"")
    assert _wire.framed("HEAD", 200, [], b"") == ([], b"")  # auto_head lost the GET body: no length to tell


@once
@pytest.mark.parametrize("status", [101, 204, 304])
def test_framing_a_status_without_a_body_sends_neither_body_nor_length(status):
    assert _wire.framed("GET", status, [("X-A", "1")], b"ignored") == ([("X-A", "1")], b"")

"""Tests for apigw.events: the lazy, read-only views over raw Lambda HTTP events."""

from __future__ import annotations

import base64
import json
import types
from collections.abc import Mapping
from types import MappingProxyType

import pytest

from apigw import _impl
from apigw.events import (
    ALBEvent,
    ALBEventRequestContext,
    APIGatewayEventAuthorizer,
    APIGatewayEventIdentity,
    APIGatewayEventRequestContext,
    APIGatewayProxyEvent,
    APIGatewayProxyEventV2,
    BaseProxyEvent,
    CaseInsensitiveDict,
    Headers,
    LambdaFunctionUrlEvent,
    RequestContextClientCert,
    RequestContextV2,
    RequestContextV2Authorizer,
    RequestContextV2AuthorizerIam,
    RequestContextV2Http,
)
from apigw.exceptions import (
    BadRequestError,
    InvalidBase64BodyError,
    InvalidBodyEncodingError,
    InvalidEventError,
    InvalidJSONBodyError,
)

# ---------------------------------------------------------------------------------------------------------------
# Event builders: realistic defaults, anything overridable (None included, to mimic JSON null).
# ---------------------------------------------------------------------------------------------------------------


def rest_event(**overrides):
    """A REST API (v1) event for GET /orders/42 on stage "prod"."""
    event = {
        "resource": "/orders/{id}",
        "path": "/orders/42",
        "httpMethod": "GET",
        "headers": {"Accept": "application/json", "Content-Type": "application/json", "X-Trace": "b"},
        "multiValueHeaders": {
            "Accept": ["application/json"],
            "Content-Type": ["application/json"],
            "X-Trace": ["a", "b"],
        },
        "queryStringParameters": {"page": "2", "tag": "blue"},
        "multiValueQueryStringParameters": {"page": ["2"], "tag": ["red", "blue"]},
        "pathParameters": {"id": "42"},
        "stageVariables": {"table": "orders-prod"},
        "requestContext": {
            "accountId": "123456789012",
            "apiId": "abc123",
            "domainName": "abc123.execute-api.eu-west-1.amazonaws.com",
            "domainPrefix": "abc123",
            "extendedRequestId": "ext-1",
            "httpMethod": "GET",
            "path": "/prod/orders/42",
            "protocol": "HTTP/1.1",
            "requestId": "req-1",
            "requestTime": "04/Mar/2024:19:15:17 +0000",
            "requestTimeEpoch": 1709579717000,
            "resourceId": "res-1",
            "resourcePath": "/orders/{id}",
            "stage": "prod",
            "identity": {"sourceIp": "203.0.113.9", "userAgent": "curl/8.0"},
            "authorizer": {"claims": {"sub": "user-1"}, "scopes": ["orders/read"]},
        },
        "body": None,
        "isBase64Encoded": False,
    }
    event.update(overrides)
    return event


def http_event(raw_path="/orders/42", stage="$default", method="GET", **overrides):
    """An HTTP API payload 2.0 event (lowercase headers, joined duplicates, cookies list)."""
    event = {
        "version": "2.0",
        "routeKey": "GET /orders/{id}",
        "rawPath": raw_path,
        "rawQueryString": "tag=red&tag=blue&page=2",
        "cookies": ["session=abc", "theme=dark"],
        "headers": {"accept": "application/json", "x-trace": "a,b"},
        "queryStringParameters": {"tag": "red,blue", "page": "2"},
        "pathParameters": {"id": "42"},
        "stageVariables": {"table": "orders"},
        "requestContext": {
            "accountId": "123456789012",
            "apiId": "api-1",
            "domainName": "api-1.execute-api.eu-west-1.amazonaws.com",
            "domainPrefix": "api-1",
            "http": {
                "method": method,
                "path": raw_path,
                "protocol": "HTTP/1.1",
                "sourceIp": "203.0.113.9",
                "userAgent": "curl/8.0",
            },
            "requestId": "req-2",
            "routeKey": "GET /orders/{id}",
            "stage": stage,
            "time": "12/Mar/2024:19:03:58 +0000",
            "timeEpoch": 1710270238000,
        },
        "body": None,
        "isBase64Encoded": False,
    }
    event.update(overrides)
    return event


def url_event(raw_path="/", **overrides):
    """A Lambda Function URL event (2.0 format, stage $default)."""
    event = http_event(raw_path=raw_path, **overrides)
    event["routeKey"] = "$default"
    event["requestContext"].update(
        routeKey="$default", domainName="xyz.lambda-url.eu-west-1.on.aws", domainPrefix="xyz", accountId="anonymous"
    )
    return event


def alb_event(multi=False, **overrides):
    """An ALB event, in single-value mode or (multi=True) with multi-value headers enabled."""
    event = {
        "requestContext": {"elb": {"targetGroupArn": "arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/tg/1"}},
        "httpMethod": "GET",
        "path": "/orders",
        "body": "",
        "isBase64Encoded": False,
    }
    if multi:
        event["multiValueHeaders"] = {"accept": ["text/html"], "x-trace": ["a", "b"], "cookie": ["a=1; b=2"]}
        event["multiValueQueryStringParameters"] = {"q": ["a%20b"], "tag": ["red", "blue"]}
    else:
        event["headers"] = {"accept": "text/html", "x-trace": "b", "cookie": "a=1; b=2"}
        event["queryStringParameters"] = {"q": "a%20b", "tag": "blue"}
    event.update(overrides)
    return event


def with_context(event, **context_overrides):
    event["requestContext"].update(context_overrides)
    return event


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


MINIMAL = {"path": "/hello", "httpMethod": "GET"}


# ---------------------------------------------------------------------------------------------------------------
# Construction, laziness and the mapping interface
# ---------------------------------------------------------------------------------------------------------------


class RecordingEvent(Mapping):
    """A Mapping event that records which keys were read."""

    def __init__(self, data):
        self.data = data
        self.reads = []

    def __getitem__(self, key):
        self.reads.append(key)
        return self.data[key]

    def __iter__(self):
        return iter(self.data)

    def __len__(self):
        return len(self.data)


@pytest.mark.parametrize("cls", [APIGatewayProxyEvent, APIGatewayProxyEventV2, LambdaFunctionUrlEvent, ALBEvent])
def test_constructor_reads_nothing_from_the_event(cls):
    event = RecordingEvent(rest_event())
    cls(event)
    assert event.reads == []


def test_accessors_read_only_the_keys_they_need():
    event = RecordingEvent(rest_event())
    assert APIGatewayProxyEvent(event).http_method == "GET"
    assert event.reads == ["httpMethod"]


def test_accepts_any_mapping_as_event():
    event = APIGatewayProxyEvent(MappingProxyType(rest_event(body='{"a": 1}')))
    assert event.path == "/orders/42"
    assert event.json_body == {"a": 1}
    assert event.headers["accept"] == "application/json"


@pytest.mark.parametrize(
    "view",
    [
        APIGatewayProxyEvent({}),
        APIGatewayProxyEventV2({}),
        LambdaFunctionUrlEvent({}),
        ALBEvent({}),
        Headers(),
        APIGatewayEventRequestContext({}),
        APIGatewayEventIdentity({}),
        APIGatewayEventAuthorizer({}),
        RequestContextV2({}),
        RequestContextV2Http({}),
        RequestContextV2Authorizer({}),
        RequestContextV2AuthorizerIam({}),
        ALBEventRequestContext({}),
    ],
)
def test_views_use_slots(view):
    assert not hasattr(view, "__dict__")


def test_raw_event_is_the_event_itself():
    raw = rest_event()
    assert APIGatewayProxyEvent(raw).raw_event is raw


def test_event_getitem_and_get_read_raw_keys():
    event = APIGatewayProxyEvent(rest_event())
    assert event["resource"] == "/orders/{id}"
    assert event.get("resource") == "/orders/{id}"
    assert event.get("nope") is None
    assert event.get("nope", "dflt") == "dflt"
    with pytest.raises(KeyError):
        event["nope"]


def test_event_is_a_read_only_mapping_of_the_raw_event():
    raw = rest_event()
    event = APIGatewayProxyEvent(raw)
    assert "httpMethod" in event
    assert len(event) == len(raw)
    assert dict(event) == raw
    with pytest.raises(TypeError):
        event["path"] = "/other"  # type: ignore[index]


# ---------------------------------------------------------------------------------------------------------------
# Minimal and null-filled events
# ---------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("cls", [BaseProxyEvent, APIGatewayProxyEvent, ALBEvent])
def test_minimal_event_has_method_and_path(cls):
    event = cls(dict(MINIMAL))
    assert event.http_method == "GET"
    assert event.path == "/hello"


@pytest.mark.parametrize("cls", [BaseProxyEvent, APIGatewayProxyEvent, ALBEvent])
def test_minimal_event_optional_fields_are_empty_or_none(cls):
    event = cls(dict(MINIMAL))
    assert event.query_string_parameters == {}
    assert event.multi_value_query_string_parameters == {}
    assert event.multi_value_headers == {}
    assert event.path_parameters == {}
    assert event.stage_variables == {}
    assert event.body is None
    assert event.decoded_body is None
    assert event.body_bytes is None
    assert event.json_body is None
    assert event.is_base64_encoded is False
    assert event.cookies == []
    assert len(event.headers) == 0
    assert event.headers == {}
    assert event.get_header_value("accept") is None
    assert event.get_header_value("accept", "x", case_sensitive=True) == "x"
    assert event.get_query_string_value("q") is None
    assert event.get_query_string_value("q", "d") == "d"
    assert event.get_multi_value_query_string_values("q") == []
    assert event.get_multi_value_query_string_values("q", ["d"]) == ["d"]
    assert len(event.request_context) == 0


def test_minimal_rest_event_context_views_are_empty():
    context = APIGatewayProxyEvent(dict(MINIMAL)).request_context
    assert context.stage is None
    assert context.request_id is None
    assert context.identity.source_ip is None
    assert context.identity.client_cert is None
    assert context.authorizer.claims == {}
    assert context.authorizer.scopes == []
    assert context.authorizer.principal_id == ""
    assert context.authorizer.get("tenant") is None


def test_minimal_rest_event_version_and_resource_are_none():
    event = APIGatewayProxyEvent(dict(MINIMAL))
    assert event.version is None
    assert event.resource is None


NULLABLE = [
    "headers",
    "multiValueHeaders",
    "queryStringParameters",
    "multiValueQueryStringParameters",
    "pathParameters",
    "stageVariables",
    "body",
    "requestContext",
    "cookies",
    "isBase64Encoded",
]


@pytest.mark.parametrize("key", NULLABLE)
def test_rest_event_survives_null_field(key):
    event = APIGatewayProxyEvent(rest_event(**{key: None}))
    assert event.http_method == "GET"
    # Touch everything that reads the field.
    event.headers.get("accept")
    list(event.headers)
    event.get_header_value("accept")
    event.get_query_string_value("tag")
    event.get_multi_value_query_string_values("tag")
    assert event.cookies == []
    assert event.json_body is None
    event.request_context.identity.source_ip
    event.request_context.authorizer.claims


@pytest.mark.parametrize("key", NULLABLE)
def test_http_event_survives_null_field(key):
    event = APIGatewayProxyEventV2(http_event(**{key: None}))
    assert event.path == "/orders/42"
    event.headers.get("accept")
    event.get_query_string_value("tag")
    event.get_multi_value_query_string_values("tag")
    event.cookies
    assert event.json_body is None
    event.request_context.authorizer.jwt_claim
    event.request_context.http.method


def test_null_headers_give_an_empty_headers_view():
    event = APIGatewayProxyEvent(rest_event(headers=None, multiValueHeaders=None))
    assert isinstance(event.headers, Headers)
    assert dict(event.headers) == {}
    assert "accept" not in event.headers


def test_null_query_parameters_are_returned_as_empty_dicts():
    event = APIGatewayProxyEvent(rest_event(queryStringParameters=None, multiValueQueryStringParameters=None))
    assert event.query_string_parameters == {}
    assert event.multi_value_query_string_parameters == {}
    assert event.get_query_string_value("tag", "none") == "none"


def test_null_nested_context_dicts_give_empty_views():
    event = APIGatewayProxyEvent(rest_event())
    event.raw_event["requestContext"].update(identity=None, authorizer=None)
    assert event.request_context.identity.source_ip is None
    assert event.request_context.authorizer.claims == {}


# ---------------------------------------------------------------------------------------------------------------
# Invalid events
# ---------------------------------------------------------------------------------------------------------------


def test_missing_http_method_raises_invalid_event_error_naming_it():
    with pytest.raises(InvalidEventError, match="REST API event has no 'httpMethod'"):
        APIGatewayProxyEvent({"path": "/hello"}).http_method


def test_missing_path_raises_invalid_event_error_naming_it():
    with pytest.raises(InvalidEventError, match="'path'"):
        APIGatewayProxyEvent({"httpMethod": "GET"}).path


def test_non_string_http_method_raises_invalid_event_error():
    with pytest.raises(InvalidEventError, match="httpMethod"):
        APIGatewayProxyEvent({"httpMethod": None, "path": "/"}).http_method


def test_v2_event_in_rest_view_hints_at_the_v2_view():
    with pytest.raises(InvalidEventError, match="APIGatewayProxyEventV2"):
        APIGatewayProxyEvent(http_event()).http_method


def test_alb_missing_method_names_alb():
    with pytest.raises(InvalidEventError, match="ALB event has no 'httpMethod'"):
        ALBEvent({"path": "/"}).http_method


def test_v2_missing_method_names_request_context_http_method():
    with pytest.raises(InvalidEventError, match=r"HTTP API event has no 'requestContext\.http\.method'"):
        APIGatewayProxyEventV2({"rawPath": "/"}).http_method


def test_v2_missing_raw_path_raises_invalid_event_error():
    with pytest.raises(InvalidEventError, match="rawPath"):
        APIGatewayProxyEventV2({"requestContext": {"http": {"method": "GET"}}}).path


def test_rest_event_in_v2_view_hints_at_rest_view():
    with pytest.raises(InvalidEventError, match="APIGatewayProxyEvent or ALBEvent"):
        APIGatewayProxyEventV2(rest_event()).path


def test_function_url_missing_raw_path_names_function_url():
    with pytest.raises(InvalidEventError, match="Function URL event has no 'rawPath'"):
        LambdaFunctionUrlEvent({}).path


def test_invalid_event_error_is_a_value_error():
    with pytest.raises(ValueError):
        APIGatewayProxyEvent({}).http_method


def test_dict_body_raises_invalid_event_error():
    event = APIGatewayProxyEvent(rest_event(body={"a": 1}))
    with pytest.raises(InvalidEventError, match="'body' of type dict"):
        event.json_body


# ---------------------------------------------------------------------------------------------------------------
# Body, decoded body, bytes and JSON
# ---------------------------------------------------------------------------------------------------------------


def test_plain_body_is_returned_as_is():
    event = APIGatewayProxyEvent(rest_event(body="hello"))
    assert event.body == "hello"
    assert event.decoded_body == "hello"
    assert event.body_bytes == b"hello"
    assert event.is_base64_encoded is False


def test_missing_is_base64_encoded_is_false():
    raw = rest_event(body="aGk=")
    del raw["isBase64Encoded"]
    event = APIGatewayProxyEvent(raw)
    assert event.is_base64_encoded is False
    assert event.decoded_body == "aGk="


def test_string_false_is_base64_encoded_is_false():
    assert APIGatewayProxyEvent(rest_event(isBase64Encoded="false")).is_base64_encoded is False
    assert APIGatewayProxyEvent(rest_event(isBase64Encoded="true")).is_base64_encoded is True


def test_base64_body_is_decoded():
    event = APIGatewayProxyEvent(rest_event(body=b64("héllo".encode()), isBase64Encoded=True))
    assert event.decoded_body == "héllo"
    assert event.body_bytes == "héllo".encode()


def test_base64_json_body_is_decoded_then_parsed():
    event = APIGatewayProxyEventV2(http_event(body=b64(b'{"id": 7}'), isBase64Encoded=True))
    assert event.json_body == {"id": 7}


def test_json_body_parses_plain_text_body():
    assert APIGatewayProxyEvent(rest_event(body='{"a": [1, 2]}')).json_body == {"a": [1, 2]}


def test_json_body_is_parsed_once_and_cached():
    event = APIGatewayProxyEvent(rest_event(body='{"a": 1}'))
    first = event.json_body
    assert event.json_body is first


def test_json_body_cache_holds_even_if_raw_body_changes():
    raw = rest_event(body='{"a": 1}')
    event = APIGatewayProxyEvent(raw)
    first = event.json_body
    raw["body"] = '{"a": 2}'
    assert event.json_body is first


def test_decoded_body_is_cached():
    event = APIGatewayProxyEvent(rest_event(body=b64(b"x" * 100), isBase64Encoded=True))
    assert event.decoded_body is event.decoded_body


def test_body_bytes_is_cached():
    event = APIGatewayProxyEvent(rest_event(body=b64(b"\x00\x01"), isBase64Encoded=True))
    assert event.body_bytes is event.body_bytes


def test_json_body_of_empty_string_is_none():
    assert APIGatewayProxyEvent(rest_event(body="")).json_body is None


def test_json_body_of_empty_base64_body_is_none():
    assert APIGatewayProxyEvent(rest_event(body="", isBase64Encoded=True)).json_body is None


def test_json_body_of_missing_body_is_none():
    assert APIGatewayProxyEvent(rest_event(body=None)).json_body is None


def test_invalid_json_raises_invalid_json_body_error():
    event = APIGatewayProxyEvent(rest_event(body="{not json"))
    with pytest.raises(InvalidJSONBodyError) as info:
        event.json_body
    assert info.value.status_code == 400
    assert isinstance(info.value, BadRequestError)
    assert isinstance(info.value.__cause__, json.JSONDecodeError)


def test_invalid_json_error_is_catchable_as_json_decode_error():
    with pytest.raises(json.JSONDecodeError):
        APIGatewayProxyEvent(rest_event(body="[1,")).json_body


def test_invalid_json_error_is_catchable_as_value_error():
    with pytest.raises(ValueError):
        ALBEvent(alb_event(body="nope")).json_body


def test_bad_base64_raises_invalid_base64_body_error():
    event = APIGatewayProxyEvent(rest_event(body="not base64!", isBase64Encoded=True))
    with pytest.raises(InvalidBase64BodyError, match="^Request body is not valid base64: ") as info:
        event.decoded_body
    assert info.value.status_code == 400


def test_bad_base64_raises_from_body_bytes_and_json_body_too():
    event = APIGatewayProxyEvent(rest_event(body="a", isBase64Encoded=True))
    with pytest.raises(InvalidBase64BodyError):
        event.body_bytes
    with pytest.raises(InvalidBase64BodyError):
        event.json_body


def test_non_ascii_base64_text_raises_invalid_base64_body_error():
    with pytest.raises(InvalidBase64BodyError):
        APIGatewayProxyEvent(rest_event(body="é===", isBase64Encoded=True)).decoded_body


def test_non_utf8_binary_body_is_available_as_bytes():
    payload = b"\x89PNG\r\n\x1a\n\xff\xfe"
    event = APIGatewayProxyEvent(rest_event(body=b64(payload), isBase64Encoded=True))
    assert event.body_bytes == payload


def test_non_utf8_binary_body_as_text_raises_invalid_body_encoding_error():
    event = APIGatewayProxyEvent(rest_event(body=b64(b"\xff\xfe\x00"), isBase64Encoded=True))
    with pytest.raises(InvalidBodyEncodingError) as info:
        event.decoded_body
    assert info.value.status_code == 400
    assert isinstance(info.value, UnicodeDecodeError)


def test_non_utf8_binary_body_as_json_raises_invalid_body_encoding_error():
    event = APIGatewayProxyEvent(rest_event(body=b64(b"\xff"), isBase64Encoded=True))
    with pytest.raises(InvalidBodyEncodingError):
        event.json_body


def test_custom_json_deserializer_is_used():
    calls = []

    def loads(text):
        calls.append(text)
        return {"custom": True}

    event = APIGatewayProxyEvent(rest_event(body='{"a": 1}'), loads)
    assert event.json_body == {"custom": True}
    assert calls == ['{"a": 1}']


# ---------------------------------------------------------------------------------------------------------------
# Headers view
# ---------------------------------------------------------------------------------------------------------------


def test_headers_lookup_ignores_case_on_rest_mixed_case_names():
    headers = APIGatewayProxyEvent(rest_event()).headers
    assert headers["content-type"] == "application/json"
    assert headers["CONTENT-TYPE"] == "application/json"
    assert headers["Content-Type"] == "application/json"


def test_headers_lookup_ignores_case_on_v2_lowercase_names():
    headers = APIGatewayProxyEventV2(http_event()).headers
    assert headers["Accept"] == "application/json"
    assert headers.get("X-TRACE") == "a,b"


def test_headers_lookup_ignores_case_on_alb_multi_value_headers():
    headers = ALBEvent(alb_event(multi=True)).headers
    assert headers["Accept"] == "text/html"
    assert headers["X-Trace"] == "b"
    assert headers.get_all("X-TRACE") == ["a", "b"]


def test_headers_get_returns_default_when_missing():
    headers = APIGatewayProxyEvent(rest_event()).headers
    assert headers.get("x-missing") is None
    assert headers.get("x-missing", "d") == "d"


def test_headers_getitem_raises_key_error_when_missing():
    with pytest.raises(KeyError):
        APIGatewayProxyEvent(rest_event()).headers["x-missing"]


def test_headers_contains_ignores_case():
    headers = APIGatewayProxyEvent(rest_event()).headers
    assert "accept" in headers
    assert "ACCEPT" in headers
    assert "x-missing" not in headers
    assert 42 not in headers


def test_headers_non_string_key_is_absent():
    headers = Headers({"a": "1"})
    assert headers.get(1, "d") == "d"  # type: ignore[arg-type]
    assert headers.get_all(1) == []  # type: ignore[arg-type]
    with pytest.raises(KeyError):
        headers[1]  # type: ignore[index]


def test_headers_iterates_original_names_then_multi_only_names():
    headers = Headers({"Accept": "a", "X-One": "1"}, {"accept": ["a"], "X-Only-Multi": ["m1", "m2"]})
    assert list(headers) == ["Accept", "X-One", "X-Only-Multi"]
    assert len(headers) == 3


def test_headers_value_of_multi_only_name_is_its_last_value():
    headers = Headers({"Accept": "a"}, {"X-Only-Multi": ["m1", "m2"]})
    assert headers["x-only-multi"] == "m2"
    assert dict(headers) == {"Accept": "a", "X-Only-Multi": "m2"}


def test_headers_skip_multi_only_name_with_no_values():
    headers = Headers(None, {"X-Empty": [], "X-Full": ["1"]})
    assert list(headers) == ["X-Full"]
    assert dict(headers.items()) == {"X-Full": "1"}


def test_headers_get_all_returns_every_value():
    headers = APIGatewayProxyEvent(rest_event()).headers
    assert headers.get_all("x-trace") == ["a", "b"]
    assert headers.get_all("accept") == ["application/json"]
    assert headers.get_all("x-missing") == []


def test_headers_get_all_falls_back_to_single_value_headers():
    assert Headers({"accept": "text/html"}).get_all("Accept") == ["text/html"]


def test_headers_single_value_wins_over_multi_value_last():
    # REST v1 keeps the last value in `headers`; whatever it holds is what `headers[...]` answers.
    headers = Headers({"X-A": "from-headers"}, {"X-A": ["1", "2"]})
    assert headers["x-a"] == "from-headers"


def test_headers_equal_a_plain_dict_of_their_items_in_any_letter_case():
    headers = Headers({"Accept": "a"}, {"Accept": ["a"], "X-M": ["1", "2"]})
    assert headers == {"Accept": "a", "X-M": "2"}
    assert headers == {"accept": "a", "x-m": "2"}
    assert headers != {"accept": "a"}
    assert headers != {"accept": "b", "x-m": "2"}
    assert headers != ["Accept"]


def test_headers_repr_shows_the_dict():
    assert repr(Headers({"Accept": "a"})) == repr({"Accept": "a"})


def test_headers_is_read_only():
    headers = Headers({"Accept": "a"})
    with pytest.raises(TypeError):
        headers["Accept"] = "b"  # type: ignore[index]


def test_headers_is_a_mapping():
    headers = Headers({"Accept": "a"})
    assert isinstance(headers, Mapping)
    assert list(headers.items()) == [("Accept", "a")]
    assert list(headers.keys()) == ["Accept"]
    assert list(headers.values()) == ["a"]


def test_every_view_is_a_mapping_with_mappings_methods_though_not_derived_from_the_abc():
    # PERF: registered with Mapping, not subclasses of it (cheaper classes); what Mapping gave them stays.
    view = APIGatewayProxyEvent(rest_event())
    headers = view.headers
    for mapping in (view, headers):
        assert isinstance(mapping, Mapping) and issubclass(type(mapping), Mapping)
        assert Mapping not in type(mapping).__mro__
        assert list(mapping.keys()) == list(mapping) and len(mapping.items()) == len(mapping)
        assert list(mapping.values()) == [mapping[key] for key in mapping]
        assert "no-such-key" not in mapping.keys()
        with pytest.raises(TypeError, match="not reversible"):
            reversed(mapping)  # type: ignore[call-overload]
    assert dict(view.items()) == rest_event() and view != rest_event()  # a view never equals a plain dict


def test_headers_view_does_not_copy_the_event_dicts():
    raw = rest_event()
    headers = APIGatewayProxyEvent(raw).headers
    raw["headers"]["X-Late"] = "added later"
    assert headers["x-late"] == "added later"


def test_headers_property_is_cached_per_view():
    event = APIGatewayProxyEvent(rest_event())
    assert event.headers is event.headers


def test_headers_empty_when_event_has_neither_field():
    headers = Headers()
    assert len(headers) == 0
    assert list(headers) == []
    assert headers.get("a") is None
    assert headers.get_all("a") == []


def test_headers_lookups_go_through_the_current_impl_module(monkeypatch):
    calls = []

    def get_header(headers, multi, name, default=None):
        calls.append(("get_header", name))
        return "stub"

    def get_header_values(headers, multi, name):
        calls.append(("get_header_values", name))
        return ["stub"]

    stub = types.SimpleNamespace(get_header=get_header, get_header_values=get_header_values)
    headers = Headers({"Accept": "a"})
    monkeypatch.setattr(_impl, "headers", stub)
    assert headers["x"] == "stub"
    assert headers.get("y") == "stub"
    assert headers.get_all("z") == ["stub"]
    assert calls == [("get_header", "x"), ("get_header", "y"), ("get_header_values", "z")]


def test_get_header_value_ignores_case_by_default():
    event = APIGatewayProxyEvent(rest_event())
    assert event.get_header_value("content-type") == "application/json"
    assert event.get_header_value("x-missing", "d") == "d"


def test_get_header_value_ignores_case_sensitive_as_powertools_v3():
    event = APIGatewayProxyEvent(rest_event())
    assert event.get_header_value("Content-Type", case_sensitive=True) == "application/json"
    assert event.get_header_value("content-type", case_sensitive=True) == "application/json"
    assert event.get_header_value("x-missing", "d", case_sensitive=True) == "d"


# ---------------------------------------------------------------------------------------------------------------
# REST API (v1) event
# ---------------------------------------------------------------------------------------------------------------


def test_rest_method_and_path():
    event = APIGatewayProxyEvent(rest_event(httpMethod="POST"))
    assert event.http_method == "POST"
    assert event.path == "/orders/42"


def test_rest_path_keeps_percent_encoding_and_trailing_slash():
    assert APIGatewayProxyEvent(rest_event(path="/a%20b/")).path == "/a%20b/"


def test_rest_version_and_resource():
    event = APIGatewayProxyEvent(rest_event(version="1.0"))
    assert event.version == "1.0"
    assert event.resource == "/orders/{id}"


def test_rest_multi_value_headers_is_a_case_insensitive_copy():
    raw = rest_event()
    multi = APIGatewayProxyEvent(raw).multi_value_headers
    assert isinstance(multi, CaseInsensitiveDict)
    assert multi == raw["multiValueHeaders"]
    assert multi["x-trace"] == ["a", "b"]
    assert multi is not raw["multiValueHeaders"]


def test_rest_query_string_parameters_is_the_raw_dict():
    raw = rest_event()
    event = APIGatewayProxyEvent(raw)
    assert event.query_string_parameters is raw["queryStringParameters"]
    assert event.multi_value_query_string_parameters is raw["multiValueQueryStringParameters"]


def test_rest_get_query_string_value():
    event = APIGatewayProxyEvent(rest_event())
    assert event.get_query_string_value("page") == "2"
    assert event.get_query_string_value("tag") == "blue"
    assert event.get_query_string_value("missing", "d") == "d"


def test_get_query_string_value_falls_back_to_last_multi_value():
    raw = rest_event(queryStringParameters={}, multiValueQueryStringParameters={"t": ["1", "2"]})
    event = APIGatewayProxyEvent(raw)
    assert event.get_query_string_value("t") == "2"


def test_rest_get_multi_value_query_string_values():
    event = APIGatewayProxyEvent(rest_event())
    assert event.get_multi_value_query_string_values("tag") == ["red", "blue"]


def test_multi_value_query_falls_back_to_single_value():
    event = APIGatewayProxyEvent(rest_event(multiValueQueryStringParameters=None))
    assert event.get_multi_value_query_string_values("tag") == ["blue"]


def test_multi_value_query_default_values():
    event = APIGatewayProxyEvent(rest_event())
    assert event.get_multi_value_query_string_values("missing") == []
    assert event.get_multi_value_query_string_values("missing", ["x"]) == ["x"]


def test_rest_path_parameters_and_stage_variables():
    event = APIGatewayProxyEvent(rest_event())
    assert event.path_parameters == {"id": "42"}
    assert event.stage_variables == {"table": "orders-prod"}


def test_rest_cookies_are_parsed_from_the_cookie_header():
    raw = rest_event(headers={"Cookie": "session=abc; theme=dark;  ;"}, multiValueHeaders=None)
    assert APIGatewayProxyEvent(raw).cookies == ["session=abc", "theme=dark"]


def test_rest_cookies_come_from_every_cookie_header():
    raw = rest_event(headers={"Cookie": "b=2"}, multiValueHeaders={"Cookie": ["a=1", "b=2"]})
    assert APIGatewayProxyEvent(raw).cookies == ["a=1", "b=2"]


def test_rest_cookie_header_lookup_ignores_case():
    assert APIGatewayProxyEvent(rest_event(headers={"COOKIE": "a=1"})).cookies == ["a=1"]


def test_rest_cookies_empty_without_cookie_header():
    assert APIGatewayProxyEvent(rest_event()).cookies == []


def test_rest_request_context_fields():
    context = APIGatewayProxyEvent(rest_event()).request_context
    assert isinstance(context, APIGatewayEventRequestContext)
    assert context.account_id == "123456789012"
    assert context.api_id == "abc123"
    assert context.domain_name == "abc123.execute-api.eu-west-1.amazonaws.com"
    assert context.domain_prefix == "abc123"
    assert context.extended_request_id == "ext-1"
    assert context.http_method == "GET"
    assert context.protocol == "HTTP/1.1"
    assert context.request_id == "req-1"
    assert context.request_time == "04/Mar/2024:19:15:17 +0000"
    assert context.request_time_epoch == 1709579717000
    assert context.resource_id == "res-1"
    assert context.resource_path == "/orders/{id}"
    assert context.stage == "prod"
    assert context.operation_name is None
    assert context.connected_at is None


def test_rest_request_context_path_includes_stage():
    event = APIGatewayProxyEvent(rest_event())
    assert event.request_context.path == "/prod/orders/42"
    assert event.path == "/orders/42"


def test_rest_request_context_optional_fields():
    raw = with_context(rest_event(), operationName="getOrder", routeKey="GET /orders/{id}", connectedAt=1)
    context = APIGatewayProxyEvent(raw).request_context
    assert context.operation_name == "getOrder"
    assert context.route_key == "GET /orders/{id}"
    assert context.connected_at == 1


def test_rest_request_context_is_a_view_over_the_raw_dict():
    raw = rest_event()
    context = APIGatewayProxyEvent(raw).request_context
    assert context.raw_event is raw["requestContext"]
    assert context["stage"] == "prod"
    assert context.get("missing", 1) == 1


def test_rest_identity_fields():
    identity_dict = {
        "accessKey": "AKIA",
        "accountId": "111",
        "apiKey": "key",
        "apiKeyId": "key-id",
        "caller": "caller",
        "cognitoAuthenticationProvider": "provider",
        "cognitoAuthenticationType": "authenticated",
        "cognitoIdentityId": "identity",
        "cognitoIdentityPoolId": "pool",
        "principalOrgId": "o-1",
        "sourceIp": "203.0.113.9",
        "user": "user",
        "userAgent": "curl/8.0",
        "userArn": "arn:aws:iam::111:user/u",
        "clientCert": {"clientCertPem": "PEM", "subjectDN": "CN=client"},
    }
    identity = APIGatewayProxyEvent(with_context(rest_event(), identity=identity_dict)).request_context.identity
    assert isinstance(identity, APIGatewayEventIdentity)
    assert identity.access_key == "AKIA"
    assert identity.account_id == "111"
    assert identity.api_key == "key"
    assert identity.api_key_id == "key-id"
    assert identity.caller == "caller"
    assert identity.cognito_authentication_provider == "provider"
    assert identity.cognito_authentication_type == "authenticated"
    assert identity.cognito_identity_id == "identity"
    assert identity.cognito_identity_pool_id == "pool"
    assert identity.principal_org_id == "o-1"
    assert identity.source_ip == "203.0.113.9"
    assert identity.user == "user"
    assert identity.user_agent == "curl/8.0"
    assert identity.user_arn == "arn:aws:iam::111:user/u"
    assert isinstance(identity.client_cert, RequestContextClientCert)
    assert identity.client_cert.raw_event == {"clientCertPem": "PEM", "subjectDN": "CN=client"}


def test_rest_identity_missing_fields_are_none():
    identity = APIGatewayProxyEvent(rest_event()).request_context.identity
    assert identity.access_key is None
    assert identity.client_cert is None


def test_rest_authorizer_claims_and_scopes():
    authorizer = APIGatewayProxyEvent(rest_event()).request_context.authorizer
    assert isinstance(authorizer, APIGatewayEventAuthorizer)
    assert authorizer.claims == {"sub": "user-1"}
    assert authorizer.scopes == ["orders/read"]


def test_rest_authorizer_null_claims_scopes_and_principal_are_empty():
    authorizer = APIGatewayProxyEvent(
        with_context(rest_event(), authorizer={"claims": None, "scopes": None, "principalId": None})
    ).request_context.authorizer
    assert authorizer.claims == {}
    assert authorizer.scopes == []
    assert authorizer.principal_id == ""


def test_rest_lambda_authorizer_context_values_are_raw_keys():
    authorizer_dict = {"principalId": "user-9", "integrationLatency": 12, "tenant": "acme", "admin": "true"}
    authorizer = APIGatewayProxyEvent(with_context(rest_event(), authorizer=authorizer_dict)).request_context.authorizer
    assert authorizer.principal_id == "user-9"
    assert authorizer.integration_latency == 12
    assert authorizer["tenant"] == "acme"
    assert authorizer.get("admin") == "true"
    assert authorizer.get("missing", "d") == "d"
    assert authorizer.get_context() is authorizer_dict


# ---------------------------------------------------------------------------------------------------------------
# HTTP API (payload 2.0) event
# ---------------------------------------------------------------------------------------------------------------


def test_v2_method_comes_from_request_context_http():
    assert APIGatewayProxyEventV2(http_event(method="PATCH")).http_method == "PATCH"


def test_v2_top_level_fields():
    event = APIGatewayProxyEventV2(http_event())
    assert event.version == "2.0"
    assert event.route_key == "GET /orders/{id}"
    assert event.raw_path == "/orders/42"
    assert event.raw_query_string == "tag=red&tag=blue&page=2"
    assert event.path_parameters == {"id": "42"}
    assert event.stage_variables == {"table": "orders"}


def test_v2_raw_query_string_missing_is_empty():
    raw = http_event()
    del raw["rawQueryString"]
    assert APIGatewayProxyEventV2(raw).raw_query_string == ""


def test_v2_cookies_is_the_event_cookies_list():
    raw = http_event()
    assert APIGatewayProxyEventV2(raw).cookies is raw["cookies"]


def test_v2_cookies_missing_is_empty_list():
    assert APIGatewayProxyEventV2(http_event(cookies=None)).cookies == []
    raw = http_event()
    del raw["cookies"]
    assert APIGatewayProxyEventV2(raw).cookies == []


def test_v2_cookies_are_not_read_from_headers():
    raw = http_event(cookies=None, headers={"cookie": "a=1"})
    assert APIGatewayProxyEventV2(raw).cookies == []


def test_v2_joined_header_value_is_one_value():
    headers = APIGatewayProxyEventV2(http_event()).headers
    assert headers["x-trace"] == "a,b"
    assert headers.get_all("x-trace") == ["a,b"]


def test_v2_query_string_parameters_are_raw():
    raw = http_event()
    event = APIGatewayProxyEventV2(raw)
    assert event.query_string_parameters is raw["queryStringParameters"]
    assert event.multi_value_query_string_parameters == {}


def test_v2_get_query_string_value_returns_the_joined_value():
    event = APIGatewayProxyEventV2(http_event())
    assert event.get_query_string_value("tag") == "red,blue"
    assert event.get_query_string_value("missing", "d") == "d"


def test_v2_multi_value_query_splits_the_joined_value_on_commas():
    event = APIGatewayProxyEventV2(http_event())
    assert event.get_multi_value_query_string_values("tag") == ["red", "blue"]
    assert event.get_multi_value_query_string_values("page") == ["2"]


def test_v2_multi_value_query_default_values():
    event = APIGatewayProxyEventV2(http_event(queryStringParameters=None))
    assert event.get_multi_value_query_string_values("tag") == []
    assert event.get_multi_value_query_string_values("tag", ["x"]) == ["x"]


def test_v2_path_strips_named_stage():
    assert APIGatewayProxyEventV2(http_event(raw_path="/prod/orders/42", stage="prod")).path == "/orders/42"


def test_v2_path_keeps_raw_path_on_default_stage():
    assert APIGatewayProxyEventV2(http_event(raw_path="/orders/42", stage="$default")).path == "/orders/42"


def test_v2_path_does_not_strip_a_stage_that_is_only_a_string_prefix():
    assert APIGatewayProxyEventV2(http_event(raw_path="/v1beta/x", stage="v1")).path == "/v1beta/x"


def test_v2_path_of_just_the_stage_is_root():
    assert APIGatewayProxyEventV2(http_event(raw_path="/prod", stage="prod")).path == "/"


def test_v2_path_stage_prefix_with_trailing_slash_keeps_it():
    assert APIGatewayProxyEventV2(http_event(raw_path="/prod/", stage="prod")).path == "/"
    assert APIGatewayProxyEventV2(http_event(raw_path="/prod/a/", stage="prod")).path == "/a/"


def test_v2_path_unchanged_when_stage_is_not_in_raw_path():
    # A custom domain mapping leaves the stage out of rawPath.
    assert APIGatewayProxyEventV2(http_event(raw_path="/orders/42", stage="prod")).path == "/orders/42"


def test_v2_path_unchanged_without_stage():
    raw = http_event(raw_path="/prod/x")
    del raw["requestContext"]["stage"]
    assert APIGatewayProxyEventV2(raw).path == "/prod/x"
    assert APIGatewayProxyEventV2({"rawPath": "/prod/x"}).path == "/prod/x"


def test_v2_request_context_fields():
    context = APIGatewayProxyEventV2(http_event(stage="prod")).request_context
    assert isinstance(context, RequestContextV2)
    assert context.account_id == "123456789012"
    assert context.api_id == "api-1"
    assert context.domain_name == "api-1.execute-api.eu-west-1.amazonaws.com"
    assert context.domain_prefix == "api-1"
    assert context.request_id == "req-2"
    assert context.route_key == "GET /orders/{id}"
    assert context.stage == "prod"
    assert context.time == "12/Mar/2024:19:03:58 +0000"
    assert context.time_epoch == 1710270238000
    assert context.authentication is None


def test_v2_request_context_http_fields():
    http = APIGatewayProxyEventV2(http_event(method="PUT")).request_context.http
    assert isinstance(http, RequestContextV2Http)
    assert http.method == "PUT"
    assert http.path == "/orders/42"
    assert http.protocol == "HTTP/1.1"
    assert http.source_ip == "203.0.113.9"
    assert http.user_agent == "curl/8.0"


def test_v2_authentication_is_the_client_cert_view():
    authentication = {"clientCert": {"clientCertPem": "PEM", "serialNumber": "a1"}}
    raw = with_context(http_event(), authentication=authentication)
    cert = APIGatewayProxyEventV2(raw).request_context.authentication
    assert isinstance(cert, RequestContextClientCert)
    assert cert.raw_event is authentication["clientCert"]
    assert cert.serial_number == "a1"


def test_v2_jwt_authorizer():
    raw = with_context(http_event(), authorizer={"jwt": {"claims": {"sub": "u1"}, "scopes": ["read", "write"]}})
    authorizer = APIGatewayProxyEventV2(raw).request_context.authorizer
    assert isinstance(authorizer, RequestContextV2Authorizer)
    assert authorizer.jwt_claim == {"sub": "u1"}
    assert authorizer.jwt_scopes == ["read", "write"]


def test_v2_lambda_authorizer_context():
    raw = with_context(http_event(), authorizer={"lambda": {"tenant": "acme"}})
    authorizer = APIGatewayProxyEventV2(raw).request_context.authorizer
    assert authorizer.get_lambda == {"tenant": "acme"}
    assert authorizer.get_context() == {"tenant": "acme"}


def test_v2_iam_authorizer():
    iam_dict = {
        "accessKey": "AKIA",
        "accountId": "111",
        "callerId": "caller",
        "cognitoIdentity": {"amr": ["authenticated"], "identityId": "id-1", "identityPoolId": "pool-1"},
        "principalOrgId": "o-1",
        "userArn": "arn:aws:iam::111:user/u",
        "userId": "uid",
    }
    raw = with_context(http_event(), authorizer={"iam": iam_dict})
    iam = APIGatewayProxyEventV2(raw).request_context.authorizer.iam
    assert isinstance(iam, RequestContextV2AuthorizerIam)
    assert iam.access_key == "AKIA"
    assert iam.account_id == "111"
    assert iam.caller_id == "caller"
    assert iam.cognito_amr == ["authenticated"]
    assert iam.cognito_identity_id == "id-1"
    assert iam.cognito_identity_pool_id == "pool-1"
    assert iam.principal_org_id == "o-1"
    assert iam.user_arn == "arn:aws:iam::111:user/u"
    assert iam.user_id == "uid"


def test_v2_iam_with_null_cognito_identity():
    raw = with_context(http_event(), authorizer={"iam": {"accessKey": "AKIA", "cognitoIdentity": None}})
    iam = APIGatewayProxyEventV2(raw).request_context.authorizer.iam
    assert iam.cognito_amr == []
    assert iam.cognito_identity_id == ""
    assert iam.cognito_identity_pool_id == ""


def test_v2_missing_authorizer_gives_empty_values():
    authorizer = APIGatewayProxyEventV2(http_event()).request_context.authorizer
    assert authorizer.jwt_claim == {}
    assert authorizer.jwt_scopes == []
    assert authorizer.get_lambda == {}
    assert authorizer.iam.user_arn == ""


def test_v2_null_jwt_fields_give_empty_values():
    raw = with_context(http_event(), authorizer={"jwt": {"claims": None, "scopes": None}, "lambda": None})
    authorizer = APIGatewayProxyEventV2(raw).request_context.authorizer
    assert authorizer.jwt_claim == {}
    assert authorizer.jwt_scopes == []
    assert authorizer.get_lambda == {}


def test_v2_body_and_json():
    event = APIGatewayProxyEventV2(http_event(body='{"message": "hi"}'))
    assert event.decoded_body == '{"message": "hi"}'
    assert event.json_body == {"message": "hi"}


# ---------------------------------------------------------------------------------------------------------------
# Lambda Function URL event
# ---------------------------------------------------------------------------------------------------------------


def test_function_url_is_a_v2_event():
    event = LambdaFunctionUrlEvent(url_event("/items", method="POST"))
    assert isinstance(event, APIGatewayProxyEventV2)
    assert event.http_method == "POST"
    assert event.path == "/items"
    assert event.request_context.stage == "$default"
    assert event.request_context.account_id == "anonymous"


def test_function_url_path_is_raw_path_even_if_stage_looks_like_a_prefix():
    raw = with_context(url_event("/prod/items"), stage="prod")
    assert LambdaFunctionUrlEvent(raw).path == "/prod/items"


def test_a_function_url_event_subclass_keeps_the_stage_looking_prefix_in_its_request_line():
    class TracedUrlEvent(LambdaFunctionUrlEvent):
        __slots__ = ()

    event = TracedUrlEvent(with_context(url_event("/prod/items"), stage="prod"))

    assert event.path == "/prod/items"
    assert event._request_line() == ("GET", "/prod/items")


def test_function_url_path_keeps_encoding():
    assert LambdaFunctionUrlEvent(url_event("/a%2Fb")).path == "/a%2Fb"


def test_function_url_iam_authorizer_without_cognito():
    raw = with_context(url_event(), authorizer={"iam": {"accessKey": "AKIA", "userArn": "arn"}})
    iam = LambdaFunctionUrlEvent(raw).request_context.authorizer.iam
    assert iam.user_arn == "arn"
    assert iam.cognito_identity_pool_id == ""
    assert iam.cognito_identity_id == ""
    assert iam.cognito_amr == []


# ---------------------------------------------------------------------------------------------------------------
# ALB event
# ---------------------------------------------------------------------------------------------------------------


def test_alb_method_and_path():
    event = ALBEvent(alb_event(httpMethod="DELETE", path="/orders/1"))
    assert event.http_method == "DELETE"
    assert event.path == "/orders/1"


def test_alb_target_group_arn():
    context = ALBEvent(alb_event()).request_context
    assert isinstance(context, ALBEventRequestContext)
    assert context.elb_target_group_arn == "arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/tg/1"


def test_alb_target_group_arn_missing_is_none():
    assert ALBEvent(dict(MINIMAL)).request_context.elb_target_group_arn is None
    assert ALBEvent(alb_event(requestContext={"elb": None})).request_context.elb_target_group_arn is None


def test_alb_single_value_headers():
    event = ALBEvent(alb_event())
    assert event.headers["Accept"] == "text/html"
    assert event.multi_value_headers == {}


def test_alb_multi_value_headers_is_a_case_insensitive_copy():
    raw = alb_event(multi=True)
    multi = ALBEvent(raw).multi_value_headers
    assert multi == raw["multiValueHeaders"]
    assert multi["X-Trace"] == ["a", "b"]


def test_alb_cookies_in_single_value_mode():
    assert ALBEvent(alb_event()).cookies == ["a=1", "b=2"]


def test_alb_cookies_in_multi_value_mode():
    assert ALBEvent(alb_event(multi=True)).cookies == ["a=1", "b=2"]


def test_alb_query_values_are_kept_url_encoded():
    assert ALBEvent(alb_event()).get_query_string_value("q") == "a%20b"
    assert ALBEvent(alb_event(multi=True)).get_query_string_value("q") == "a%20b"


def test_alb_get_query_string_value_in_multi_value_mode_is_the_last_value():
    assert ALBEvent(alb_event(multi=True)).get_query_string_value("tag") == "blue"


def test_alb_multi_value_query_in_both_modes():
    assert ALBEvent(alb_event(multi=True)).get_multi_value_query_string_values("tag") == ["red", "blue"]
    assert ALBEvent(alb_event()).get_multi_value_query_string_values("tag") == ["blue"]


def test_alb_query_parameter_fields_are_raw():
    single = ALBEvent(alb_event())
    assert single.query_string_parameters == {"q": "a%20b", "tag": "blue"}
    assert single.multi_value_query_string_parameters == {}
    multi = ALBEvent(alb_event(multi=True))
    assert multi.query_string_parameters == {}
    assert multi.multi_value_query_string_parameters == {"q": ["a%20b"], "tag": ["red", "blue"]}


def test_alb_base64_body():
    event = ALBEvent(alb_event(body=b64(b"\x00\x01binary"), isBase64Encoded=True))
    assert event.body_bytes == b"\x00\x01binary"


def test_alb_empty_body_has_no_json():
    event = ALBEvent(alb_event())
    assert event.body == ""
    assert event.decoded_body == ""
    assert event.json_body is None

"""The Powertools v3 side of apigw.events: v3 defaults, client certificates, resolved fields, the DictWrapper
contract (equality, hashing, str, repr, json_deserializer), ALB query decoding, and the VPC Lattice views.

The differential proof against Powertools itself is test_events_parity.py; these tests pin each behaviour by name.
"""

from __future__ import annotations

import ast
import base64
import json
import warnings
from decimal import Decimal

import pytest
from builders import (
    alb_event,
    http_event,
    lattice_event,
    lattice_v2_event,
    rest_event,
    sample_event,
    url_event,
)

from apigw.events import (
    ALBEvent,
    APIGatewayEventRequestContext,
    APIGatewayProxyEvent,
    APIGatewayProxyEventV2,
    BaseProxyEvent,
    CaseInsensitiveDict,
    ClientCertValidity,
    DictWrapper,
    Headers,
    LambdaFunctionUrlEvent,
    RequestContextClientCert,
    VPCLatticeEvent,
    VPCLatticeEventV2,
    VPCLatticeEventV2Identity,
    VPCLatticeEventV2RequestContext,
    vpcLatticeEventV2Identity,
    vpcLatticeEventV2RequestContext,
)
from apigw.exceptions import InvalidBase64BodyError, InvalidEventError, InvalidJSONBodyError

CERT = {
    "clientCertPem": "-----BEGIN CERTIFICATE-----\nMIIC...\n-----END CERTIFICATE-----",
    "subjectDN": "CN=client.example.com,O=Example",
    "issuerDN": "CN=Example Root CA,O=Example",
    "serialNumber": "3a:f1:9c:07",
    "validity": {"notBefore": "Mar  1 00:00:00 2024 GMT", "notAfter": "Mar  1 00:00:00 2025 GMT"},
}

MINIMAL_REST = {"path": "/hello", "httpMethod": "GET"}


# -- empty values instead of None ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "event",
    [APIGatewayProxyEvent(dict(MINIMAL_REST)), APIGatewayProxyEventV2({"rawPath": "/"}), ALBEvent(dict(MINIMAL_REST))],
    ids=["rest", "http", "alb"],
)
def test_missing_maps_are_empty_dicts(event):
    assert event.query_string_parameters == {}
    assert event.multi_value_query_string_parameters == {}
    assert event.path_parameters == {}
    assert event.stage_variables == {}
    assert event.multi_value_headers == {}
    assert event.resolved_query_string_parameters == {}
    assert event.resolved_cookies_field == {}


def test_null_maps_are_new_empty_dicts_each_time():
    event = APIGatewayProxyEvent(rest_event(pathParameters=None))
    first = event.path_parameters
    first["id"] = "mutated"
    assert event.path_parameters == {}


def test_present_maps_are_the_event_dicts_themselves():
    raw = rest_event(query={"q": "1"}, pathParameters={"id": "42"})
    event = APIGatewayProxyEvent(raw)
    assert event.query_string_parameters is raw["queryStringParameters"]
    assert event.path_parameters is raw["pathParameters"]


def test_rest_authorizer_missing_values_are_empty():
    authorizer = APIGatewayProxyEvent(dict(MINIMAL_REST)).request_context.authorizer
    assert (authorizer.claims, authorizer.scopes, authorizer.principal_id) == ({}, [], "")
    assert authorizer.integration_latency is None


def test_v2_iam_missing_values_are_empty_strings_and_lists():
    iam = APIGatewayProxyEventV2(http_event()).request_context.authorizer.iam
    assert (iam.access_key, iam.account_id, iam.caller_id, iam.user_arn, iam.user_id) == ("", "", "", "", "")
    assert (iam.principal_org_id, iam.cognito_identity_id, iam.cognito_identity_pool_id) == ("", "", "")
    assert iam.cognito_amr == []


def test_v2_jwt_null_scopes_are_an_empty_list():
    raw = http_event(requestContext={"authorizer": {"jwt": {"claims": None, "scopes": None}}})
    authorizer = APIGatewayProxyEventV2(raw).request_context.authorizer
    assert authorizer.jwt_scopes == []
    assert authorizer.jwt_claim == {}


def test_rest_request_context_has_the_websocket_fields():
    context = APIGatewayEventRequestContext(
        {
            "connectedAt": 1710237758000,
            "connectionId": "Lq3XEd3rIAMCJWw=",
            "eventType": "MESSAGE",
            "messageDirection": "IN",
            "messageId": "Lq3XEf0OoAMCJWw=",
            "routeKey": "sendMessage",
        }
    )
    assert context.connected_at == 1710237758000
    assert context.connection_id == "Lq3XEd3rIAMCJWw="
    assert (context.event_type, context.message_direction) == ("MESSAGE", "IN")
    assert context.message_id == "Lq3XEf0OoAMCJWw="
    assert context.route_key == "sendMessage"


# -- client certificates (mutual TLS) -------------------------------------------------------------------------------


def test_rest_identity_client_cert_view():
    raw = rest_event(requestContext={"identity": {"sourceIp": "198.51.100.7", "clientCert": CERT}})
    cert = APIGatewayProxyEvent(raw).request_context.identity.client_cert
    assert isinstance(cert, RequestContextClientCert)
    assert cert.subject_dn == "CN=client.example.com,O=Example"
    assert cert.issuer_dn == "CN=Example Root CA,O=Example"
    assert cert.serial_number == "3a:f1:9c:07"
    assert cert.client_cert_pem.startswith("-----BEGIN CERTIFICATE-----")
    assert cert.validity_not_before == "Mar  1 00:00:00 2024 GMT"
    assert cert.validity_not_after == "Mar  1 00:00:00 2025 GMT"


def test_client_cert_validity_is_also_a_view():
    cert = RequestContextClientCert(CERT)
    assert isinstance(cert.validity, ClientCertValidity)
    assert (cert.validity.not_before, cert.validity.not_after) == (
        "Mar  1 00:00:00 2024 GMT",
        "Mar  1 00:00:00 2025 GMT",
    )


def test_v2_authentication_is_the_client_cert_itself():
    raw = http_event(requestContext={"authentication": {"clientCert": CERT}})
    cert = APIGatewayProxyEventV2(raw).request_context.authentication
    assert cert.subject_dn == "CN=client.example.com,O=Example"
    assert cert.validity_not_after == "Mar  1 00:00:00 2025 GMT"


@pytest.mark.parametrize("authentication", [None, {}, {"clientCert": None}])
def test_v2_without_client_cert_authentication_is_none(authentication):
    raw = url_event(requestContext={"authentication": authentication})
    assert LambdaFunctionUrlEvent(raw).request_context.authentication is None


def test_rest_without_client_cert_is_none():
    assert APIGatewayProxyEvent(rest_event()).request_context.identity.client_cert is None


def test_client_cert_missing_fields_are_none():
    cert = RequestContextClientCert({})
    assert cert.subject_dn is None and cert.validity_not_after is None and cert.validity.not_before is None


# -- resolved fields (what Powertools' validation reads) -------------------------------------------------------------


def test_rest_resolved_query_prefers_multi_values_and_adds_single_only_names():
    raw = rest_event(queryStringParameters={"a": "1,2", "b": "x"}, multiValueQueryStringParameters={"b": ["x", "y"]})
    assert APIGatewayProxyEvent(raw).resolved_query_string_parameters == {"a": ["1", "2"], "b": ["x", "y"]}


def test_v2_resolved_query_splits_joined_values():
    raw = http_event(queryStringParameters={"tag": "red,blue", "page": "2"})
    assert APIGatewayProxyEventV2(raw).resolved_query_string_parameters == {"tag": ["red", "blue"], "page": ["2"]}


def test_rest_resolved_headers_are_the_multi_value_headers():
    raw = rest_event(headers={"X-Id": "2"}, multiValueHeaders={"X-Id": ["1", "2"]})
    resolved = APIGatewayProxyEvent(raw).resolved_headers_field
    assert resolved["x-id"] == ["1", "2"]


def test_rest_resolved_headers_without_multi_value_headers_are_the_headers():
    raw = rest_event(headers={"X-Id": "2"}, multiValueHeaders=None)
    assert APIGatewayProxyEvent(raw).resolved_headers_field["X-ID"] == "2"


def test_v2_resolved_headers_split_joined_values():
    resolved = APIGatewayProxyEventV2(
        http_event(headers={"X-Tag": "a,b", "Accept": "text/html"})
    ).resolved_headers_field
    assert resolved == {"x-tag": ["a", "b"], "accept": "text/html"}
    assert isinstance(resolved, CaseInsensitiveDict)


def test_resolved_cookies_parse_the_cookie_header():
    event = APIGatewayProxyEvent(rest_event(headers={"Cookie": "a=1; b = 2 ; flag; a=3"}))
    assert event.resolved_cookies_field == {"a": "3", "b": "2"}


def test_resolved_cookies_read_every_cookie_header_line():
    raw = rest_event(headers={"Cookie": "b=2"}, multiValueHeaders={"Cookie": ["a=1", "b=2"]})
    assert APIGatewayProxyEvent(raw).resolved_cookies_field == {"a": "1", "b": "2"}


def test_v2_resolved_cookies_come_from_the_cookies_list():
    event = APIGatewayProxyEventV2(http_event(cookies=["session=abc", "theme=dark"], headers={"Cookie": "x=1"}))
    assert event.resolved_cookies_field == {"session": "abc", "theme": "dark"}


# -- query helpers ----------------------------------------------------------------------------------------------------


def test_multi_value_query_with_an_empty_list_gives_the_default():
    raw = rest_event(queryStringParameters=None, multiValueQueryStringParameters={"q": []})
    assert APIGatewayProxyEvent(raw).get_multi_value_query_string_values("q", ["d"]) == ["d"]


def test_multi_value_query_default_of_an_empty_list_is_an_empty_list():
    assert APIGatewayProxyEvent(dict(MINIMAL_REST)).get_multi_value_query_string_values("q", []) == []


# -- headers ------------------------------------------------------------------------------------------------------


def test_get_header_value_does_not_warn():
    event = APIGatewayProxyEvent(rest_event(headers={"X-Name": "apigw"}))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert event.get_header_value("x-name", case_sensitive=True) == "apigw"


def test_headers_follow_a_middleware_replacing_the_headers_dict():
    raw = rest_event(headers={"X-Id": "1"}, multiValueHeaders=None)
    event = APIGatewayProxyEvent(raw)
    assert event.get_header_value("x-id") == "1"
    raw["headers"] = {"X-Id": "2"}
    assert event.get_header_value("x-id") == "2"


def test_headers_view_is_reused_while_the_event_keeps_its_dicts():
    event = APIGatewayProxyEvent(rest_event(headers={"X-Id": "1"}))
    assert event.headers is event.headers


def test_headers_compare_equal_to_a_case_insensitive_dict():
    headers = Headers({"Content-Type": "text/plain"})
    assert headers == CaseInsensitiveDict({"content-type": "text/plain"})
    assert CaseInsensitiveDict({"CONTENT-TYPE": "text/plain"}) == headers


# -- CaseInsensitiveDict ------------------------------------------------------------------------------------------


def test_case_insensitive_dict_stores_lowercased_names():
    headers = CaseInsensitiveDict({"Content-Type": "a"}, X_Id="1")
    assert list(headers) == ["content-type", "x_id"]
    assert headers["CONTENT-TYPE"] == headers.get("content-type") == "a"
    assert "X_ID" in headers


def test_case_insensitive_dict_equality_ignores_case_and_never_equals_a_non_mapping():
    assert CaseInsensitiveDict({"A": 1}) == {"a": 1}
    assert CaseInsensitiveDict({"A": 1}) != {"a": 2}
    assert CaseInsensitiveDict({"A": 1}) != [("a", 1)]


def test_case_insensitive_dict_edits_ignore_case():
    headers = CaseInsensitiveDict({"A": 1})
    headers["a"] = 2
    headers.setdefault("B", 3)
    headers.update({"C": 4}, D=5)
    assert headers.pop("A") == 2
    del headers["b"]
    assert headers == {"c": 4, "d": 5}


def test_case_insensitive_dict_copy_and_merge_stay_case_insensitive():
    headers = CaseInsensitiveDict({"A": 1})
    assert isinstance(headers.copy(), CaseInsensitiveDict)
    merged = {"B": 2} | headers
    assert isinstance(merged, CaseInsensitiveDict) and merged["b"] == 2
    merged = headers | {"C": 3}
    assert merged["c"] == 3 and "c" not in headers
    headers |= {"D": 4}
    assert headers["d"] == 4


def test_case_insensitive_dict_is_hashable_when_its_values_are():
    assert hash(CaseInsensitiveDict({"A": "1"})) == hash(CaseInsensitiveDict({"a": "1"}))
    with pytest.raises(TypeError):
        hash(CaseInsensitiveDict({"A": ["1"]}))


# -- DictWrapper: equality, hashing, str, repr, json_deserializer ---------------------------------------------------


def test_views_are_equal_when_their_dicts_are():
    raw = rest_event()
    assert APIGatewayProxyEvent(raw) == APIGatewayProxyEvent(dict(raw))
    assert APIGatewayProxyEvent(raw) != APIGatewayProxyEvent(rest_event(path="/other"))


def test_views_of_different_classes_over_equal_dicts_are_equal():
    raw = rest_event()
    assert APIGatewayProxyEvent(raw) == DictWrapper(raw)


def test_a_view_never_equals_a_plain_dict():
    raw = rest_event()
    assert APIGatewayProxyEvent(raw) != raw
    assert raw != APIGatewayProxyEvent(raw)


def test_hash_of_a_view_is_the_hash_of_its_data():
    with pytest.raises(TypeError):
        hash(APIGatewayProxyEvent(rest_event()))  # a dict is unhashable, so is its view

    class Frozen(dict):
        def __hash__(self):
            return 42

    assert hash(DictWrapper(Frozen())) == 42


def test_str_shows_the_properties_and_masks_the_raw_event():
    text = str(APIGatewayProxyEvent(rest_event("/orders", headers={"X-Id": "1"})))
    described = ast.literal_eval(text)
    assert described["path"] == "/orders"
    assert described["raw_event"] == "[SENSITIVE]"
    assert described["request_context"]["raw_event"] == "[SENSITIVE]"
    assert described["request_context"]["stage"] == "Prod"


def test_str_does_not_parse_the_body():
    described = ast.literal_eval(str(APIGatewayProxyEvent(rest_event(body="{not json", isBase64Encoded=False))))
    assert described["body"] == "{not json"
    assert "json_body" not in described and "decoded_body" not in described and "body_bytes" not in described


def test_str_shows_a_failing_property_as_not_deserializable():
    described = ast.literal_eval(str(APIGatewayProxyEvent({})))
    assert described["http_method"] == "[Cannot be deserialized]"


def test_str_masks_the_sensitive_properties_a_subclass_names():
    class Credentials(DictWrapper):
        _sensitive_properties = ["secret"]

        @property
        def secret(self):
            return self["secret"]

    assert str(Credentials({"secret": "s3cr3t"})) == "{'raw_event': '[SENSITIVE]', 'secret': '[SENSITIVE]'}"


def test_repr_shows_no_values():
    text = repr(APIGatewayProxyEvent(rest_event(headers={"Authorization": "Bearer s3cr3t"})))
    assert "s3cr3t" not in text
    assert text.startswith("<APIGatewayProxyEvent view of an event with keys ['resource', 'path'")


@pytest.mark.parametrize(
    "cls, raw",
    [
        (APIGatewayProxyEvent, rest_event(body='{"n": 1.5}')),
        (APIGatewayProxyEventV2, http_event(body='{"n": 1.5}')),
        (LambdaFunctionUrlEvent, url_event(body='{"n": 1.5}')),
        (ALBEvent, alb_event(body='{"n": 1.5}')),
        (VPCLatticeEvent, lattice_event(body='{"n": 1.5}')),
        (VPCLatticeEventV2, lattice_v2_event(body='{"n": 1.5}')),
    ],
)
def test_json_deserializer_parses_json_body(cls, raw):
    event = cls(raw, json_deserializer=lambda text: json.loads(text, parse_float=Decimal))
    assert event.json_body == {"n": Decimal("1.5")}


def test_json_deserializer_defaults_to_json_loads():
    assert DictWrapper({})._json_deserializer is json.loads


def test_a_json_decode_error_of_a_custom_deserializer_is_a_400():
    with pytest.raises(InvalidJSONBodyError):
        APIGatewayProxyEvent(rest_event(body="{"), json_deserializer=json.loads).json_body


def test_get_turns_a_non_string_key_into_a_string():
    assert DictWrapper({"1": "one"}).get(1) == "one"


# -- ALB query decoding ---------------------------------------------------------------------------------------------


def test_alb_resolved_query_is_not_decoded_by_default():
    event = ALBEvent(alb_event(queryStringParameters={"a%20b": "1%2B1"}))
    assert event.decode_query_parameters is False
    assert event.resolved_query_string_parameters == {"a%20b": ["1%2B1"]}


def test_alb_decode_query_parameters_keyword_decodes_names_and_values():
    event = ALBEvent(alb_event(queryStringParameters={"a%20b": "1%2B1", "q": "x+y"}), decode_query_parameters=True)
    assert event.resolved_query_string_parameters == {"a b": ["1+1"], "q": ["x+y"]}


def test_alb_decode_query_parameters_attribute_can_be_set_after_construction():
    event = ALBEvent(alb_event(multi_value=True, multiValueQueryStringParameters={"t": ["%C3%A9", "b"]}))
    event.decode_query_parameters = True
    assert event.resolved_query_string_parameters == {"t": ["é", "b"]}


def test_alb_decoding_leaves_the_other_query_accessors_raw():
    event = ALBEvent(alb_event(queryStringParameters={"q": "a%20b"}), decode_query_parameters=True)
    assert event.get_query_string_value("q") == "a%20b"
    assert event.query_string_parameters == {"q": "a%20b"}


# -- VPC Lattice v1 -------------------------------------------------------------------------------------------------


def test_lattice_v1_method_and_path():
    event = VPCLatticeEvent(lattice_event("/orders/42", "DELETE"))
    assert (event.http_method, event.method, event.path) == ("DELETE", "DELETE", "/orders/42")


def test_lattice_v1_path_drops_the_query_string_raw_path_carries():
    event = VPCLatticeEvent(lattice_event("/orders", query={"page": "2"}))
    assert event.raw_path == "/orders?page=2"
    assert event.path == "/orders"


def test_lattice_v1_query_helpers():
    event = VPCLatticeEvent(lattice_event(query={"page": "2", "tag": "a,b"}))
    assert event.query_string_parameters == {"page": "2", "tag": "a,b"}
    assert event.get_query_string_value("page") == "2"
    assert event.get_query_string_value("nope", "d") == "d"
    assert event.get_multi_value_query_string_values("page") == ["2"]
    assert event.resolved_query_string_parameters == {"page": ["2"], "tag": ["a", "b"]}


def test_lattice_v1_headers_ignore_case():
    event = VPCLatticeEvent(lattice_event(headers={"X-Id": "7", "Cookie": "a=1; b=2"}))
    assert event.headers["X-ID"] == event.get_header_value("x-id") == "7"
    assert event.cookies == ["a=1", "b=2"]
    assert event.resolved_cookies_field == {"a": "1", "b": "2"}


def test_lattice_v1_base64_body_is_decoded():
    raw = lattice_event(body=base64.b64encode(b'{"test": "event"}').decode(), is_base64_encoded=True)
    event = VPCLatticeEvent(raw)
    assert event.is_base64_encoded is True
    assert event.decoded_body == '{"test": "event"}'
    assert event.json_body == {"test": "event"}


def test_lattice_v1_empty_body_has_no_json():
    assert VPCLatticeEvent(lattice_event(body="")).json_body is None


def test_lattice_v1_reads_its_own_base64_key_only():
    raw = lattice_event(body="e30=", isBase64Encoded=True)
    assert VPCLatticeEvent(raw).decoded_body == "e30="


def test_lattice_v1_without_raw_path_names_it():
    with pytest.raises(InvalidEventError, match="raw_path"):
        VPCLatticeEvent({"method": "GET"}).path


def test_lattice_v1_without_method_names_it():
    with pytest.raises(InvalidEventError, match="'method'"):
        VPCLatticeEvent({"raw_path": "/"}).http_method


def test_lattice_v1_sample_event():
    event = VPCLatticeEvent(sample_event("vpc-lattice-v1.json"))
    assert (event.http_method, event.path) == ("GET", "/hello")
    assert event.get_query_string_value("name") == "lambda"
    assert event.headers["Host"].endswith(".vpc-lattice-svcs.eu-west-1.on.aws")


# -- VPC Lattice v2 -------------------------------------------------------------------------------------------------


def test_lattice_v2_method_path_and_version():
    event = VPCLatticeEventV2(lattice_v2_event("/orders/42?x=1", "PATCH"))
    assert (event.http_method, event.path, event.version) == ("PATCH", "/orders/42", "2.0")


def test_lattice_v2_header_value_is_the_last_and_get_all_has_every_one():
    event = VPCLatticeEventV2(lattice_v2_event(headers={"X-Id": ["1", "2"], "Accept": "text/html"}))
    assert event.headers["x-id"] == event.get_header_value("X-ID") == "2"
    assert event.headers.get_all("x-id") == ["1", "2"]
    assert event.headers["accept"] == "text/html"


def test_lattice_v2_multi_value_headers_are_the_lists():
    event = VPCLatticeEventV2(lattice_v2_event(headers={"X-Id": ["1", "2"]}))
    assert event.multi_value_headers == {"x-id": ["1", "2"]}
    assert event.resolved_headers_field["X-Id"] == ["1", "2"]


def test_lattice_v2_cookies_come_from_every_cookie_header():
    event = VPCLatticeEventV2(lattice_v2_event(headers={"Cookie": ["a=1; b=2", "c=3"]}))
    assert event.cookies == ["a=1", "b=2", "c=3"]
    assert event.resolved_cookies_field == {"a": "1", "b": "2", "c": "3"}


def test_lattice_v2_query_values_are_joined_with_commas():
    event = VPCLatticeEventV2(lattice_v2_event(query={"tag": ["a", "b"], "page": ["2"]}))
    assert event.query_string_parameters == {"tag": "a,b", "page": "2"}
    assert event.get_query_string_value("tag") == "a,b"


def test_lattice_v2_query_follows_a_middleware_replacing_the_query_dict():
    raw = lattice_v2_event(query={"page": ["1"]})
    event = VPCLatticeEventV2(raw)
    assert event.query_string_parameters == {"page": "1"}

    raw["queryStringParameters"] = {"page": ["2"], "tag": ["a", "b"]}

    assert event.query_string_parameters == {"page": "2", "tag": "a,b"}
    assert event.get_query_string_value("page") == "2"


def test_lattice_v2_multi_value_query_is_the_lists():
    event = VPCLatticeEventV2(lattice_v2_event(query={"tag": ["a,1", "b"]}))
    assert event.get_multi_value_query_string_values("tag") == ["a,1", "b"]
    assert event.multi_value_query_string_parameters == {"tag": ["a,1", "b"]}
    assert event.resolved_query_string_parameters == {"tag": ["a,1", "b"]}
    assert event.get_multi_value_query_string_values("nope") == []


def test_lattice_v2_hand_written_string_query_value_is_kept():
    event = VPCLatticeEventV2(lattice_v2_event(queryStringParameters={"order-id": "12"}))
    assert event.query_string_parameters == {"order-id": "12"}
    assert event.get_multi_value_query_string_values("order-id") == ["12"]


def test_lattice_v2_request_context():
    context = VPCLatticeEventV2(sample_event("vpc-lattice-v2.json")).request_context
    assert isinstance(context, VPCLatticeEventV2RequestContext)
    assert context.service_network_arn.endswith(":servicenetwork/sn-05a9c3e7d1b2f4068")
    assert context.service_arn.endswith(":service/svc-0c7d2e9a41b35f861")
    assert context.target_group_arn.endswith(":targetgroup/tg-0e4b1d8c6a2f93715")
    assert context.region == "eu-west-1"
    assert context.time_epoch == "1710237758412905"


def test_lattice_v2_identity():
    identity = VPCLatticeEventV2(sample_event("vpc-lattice-v2.json")).request_context.identity
    assert identity.source_vpc_arn.endswith(":vpc/vpc-0b7e3a9d5c1f24680")
    assert identity.get_type == "AWS_IAM"
    assert identity.principal.startswith("arn:aws:sts::210987654321:assumed-role/")
    assert identity.principal_org_id == "o-7h2k9m4q1x"
    assert identity.session_name == "i-0a1b2c3d4e5f67890"
    assert identity.x509_subject_cn is None


def test_lattice_v2_identity_keys_match_in_any_letter_case():
    identity = VPCLatticeEventV2Identity(
        {
            "principalOrgId": "o-1",
            "X509SanDns": "a.example.com",
            "x509SubjectCn": "client",
            "x509IssuerOu": "ops",
            "x509SanUri": "spiffe://x",
            "x509SanNameCn": "n",
        }
    )
    assert identity.principal_org_id == "o-1"
    assert identity.x509_san_dns == "a.example.com"
    assert (identity.x509_subject_cn, identity.x509_issuer_ou) == ("client", "ops")
    assert (identity.x509_san_uri, identity.x509_san_name_cn) == ("spiffe://x", "n")


def test_lattice_v2_identity_fields_are_documented_read_only_properties():
    identity = VPCLatticeEventV2Identity({"principal": "arn:aws:iam::123456789012:role/x"})
    field = VPCLatticeEventV2Identity.principal

    assert isinstance(field, property)
    assert field.__doc__ == "The authenticated principal (an IAM or STS ARN)."
    assert "'principal': 'arn:aws:iam::123456789012:role/x'" in str(identity)
    with pytest.raises(AttributeError):
        identity.principal = "other"  # type: ignore[misc]


def test_lattice_v2_null_body_has_no_text_and_no_json():
    event = VPCLatticeEventV2(lattice_v2_event(body=None))
    assert event.body is None and event.decoded_body is None and event.json_body is None


def test_lattice_v2_base64_body_is_decoded():
    event = VPCLatticeEventV2(lattice_v2_event(body=base64.b64encode(b"\x00\xff").decode(), isBase64Encoded=True))
    assert event.body_bytes == b"\x00\xff"


def test_lattice_v2_bad_base64_body_is_a_400():
    with pytest.raises(InvalidBase64BodyError):
        VPCLatticeEventV2(lattice_v2_event(body="@@@", isBase64Encoded=True)).decoded_body


def test_lattice_v2_missing_context_gives_empty_views():
    event = VPCLatticeEventV2({"path": "/", "method": "GET"})
    assert event.request_context.service_arn is None
    assert event.request_context.identity.principal is None
    assert len(event.headers) == 0
    assert event.query_string_parameters == {}


def test_lattice_v2_without_path_names_it():
    with pytest.raises(InvalidEventError, match="'path'"):
        VPCLatticeEventV2({"version": "2.0", "method": "GET"}).path


def test_lattice_v2_powertools_class_names_are_importable():
    assert vpcLatticeEventV2RequestContext is VPCLatticeEventV2RequestContext
    assert vpcLatticeEventV2Identity is VPCLatticeEventV2Identity


@pytest.mark.parametrize("cls", [VPCLatticeEvent, VPCLatticeEventV2])
def test_lattice_views_are_proxy_events_with_slots(cls):
    event = cls({})
    assert isinstance(event, BaseProxyEvent)
    assert not hasattr(event, "__dict__")


def test_lattice_v2_query_join_is_computed_once_per_view():
    event = VPCLatticeEventV2(lattice_v2_event(query={"a": ["1"]}))
    assert event.query_string_parameters is event.query_string_parameters

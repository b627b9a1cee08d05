"""``AnyIntegrationResolver``: one app behind every integration, each event answered in its own format."""

from __future__ import annotations

import pytest

from apigw import AnyIntegrationResolver, Cookie, Response
from apigw.exceptions import InvalidEventError
from apigw.integrations import ALB, BY_NAME, FUNCTION_URL, HTTP_API, REST_API
from apigw.testing import Client


def any_app():
    app = AnyIntegrationResolver()

    @app.get("/whoami")
    def whoami():
        return Response(200, "application/json", {"integration": app.integration.name}, cookies=[Cookie("a", "1")])

    return app


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_each_integration_is_recognised_and_answered(name):
    response = Client(any_app(), integration=name).get("/whoami")

    assert response.status_code == 200
    assert response.json() == {"integration": name}
    assert response.cookies == {"a": "1"}


@pytest.mark.parametrize(
    ("integration", "multi", "fields"),
    [
        (REST_API, False, {"headers", "multiValueHeaders"}),
        (HTTP_API, False, {"headers", "cookies"}),
        (FUNCTION_URL, False, {"headers", "cookies"}),
        (ALB, False, {"headers", "statusDescription"}),
        (ALB, True, {"multiValueHeaders", "statusDescription"}),
    ],
)
def test_the_response_has_the_fields_of_the_events_integration(integration, multi, fields):
    response = any_app().resolve(integration.build_event("GET", "/whoami", multi_value=multi), None)

    assert fields <= set(response)
    assert integration.response_problems(response, integration.build_event("GET", "/", multi_value=multi)) == []


def test_outside_a_request_it_has_no_integration():
    with pytest.raises(LookupError, match="only during a request"):
        AnyIntegrationResolver().integration  # noqa: B018


def test_an_event_of_no_integration_is_refused_saying_what_it_is():
    with pytest.raises(InvalidEventError, match="AnyIntegrationResolver reads the HTTP events of every integration"):
        any_app().resolve({"Records": []}, None)


def test_a_known_integrations_event_missing_a_field_names_the_field():
    event = HTTP_API.build_event("GET", "/whoami")
    del event["rawPath"]

    with pytest.raises(InvalidEventError, match="rawPath"):
        any_app().resolve(event, None)


def test_the_client_asks_which_integration_to_send():
    with pytest.raises(TypeError, match="name the one to send"):
        Client(any_app())


def test_its_name_is_not_powertools_api_gateway_resolver():
    import apigw

    assert apigw.AnyIntegrationResolver.__name__ != "ApiGatewayResolver"
    assert apigw.ApiGatewayResolver is not apigw.AnyIntegrationResolver

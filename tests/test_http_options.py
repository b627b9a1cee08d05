"""HTTP-correct answers, off by default: ``method_not_allowed=True`` (405 with ``Allow``) and ``auto_head=True``
(HEAD answered by GET routes). Powertools answers 404 to both, so without the options apigw does too."""

from __future__ import annotations

import asyncio

import pytest

from apigw import (
    ALBResolver,
    APIGatewayHttpResolver,
    APIGatewayRestResolver,
    CORSConfig,
    LambdaFunctionUrlResolver,
    Response,
    VPCLatticeResolver,
    VPCLatticeV2Resolver,
)
from apigw.exceptions import MethodNotAllowedError
from apigw.testing import Client

RESOLVERS = [
    APIGatewayRestResolver,
    APIGatewayHttpResolver,
    LambdaFunctionUrlResolver,
    ALBResolver,
    VPCLatticeResolver,
    VPCLatticeV2Resolver,
]


def orders_app(resolver_class=APIGatewayRestResolver, **options):
    app = resolver_class(**options)

    @app.get("/orders/<order_id>")
    def get_order(order_id):
        return Response(200, "application/json", f'{{"id":"{order_id}"}}', {"X-Order": order_id})

    @app.delete("/orders/<order_id>")
    def delete_order(order_id):
        return {"deleted": order_id}

    return app


@pytest.mark.parametrize("resolver_class", RESOLVERS)
def test_without_the_options_another_method_is_a_404_as_in_powertools(resolver_class):
    client = Client(orders_app(resolver_class))

    assert client.put("/orders/1").status_code == 404
    assert client.head("/orders/1").status_code == 404


@pytest.mark.parametrize("resolver_class", RESOLVERS)
def test_method_not_allowed_answers_405_with_the_allowed_methods(resolver_class):
    client = Client(orders_app(resolver_class, method_not_allowed=True))

    response = client.put("/orders/1")

    assert response.status_code == 405
    assert response.headers["Allow"] == "DELETE, GET"
    assert response.json() == {"statusCode": 405, "message": "Method not allowed"}


def test_method_not_allowed_keeps_404_for_a_path_no_route_matches():
    client = Client(orders_app(method_not_allowed=True))

    response = client.put("/invoices/1")

    assert response.status_code == 404
    assert "Allow" not in response.headers


def test_allow_lists_head_with_auto_head_and_options_with_cors():
    app = orders_app(method_not_allowed=True, auto_head=True, cors=CORSConfig())

    assert Client(app).put("/orders/1").headers["Allow"] == "DELETE, GET, HEAD, OPTIONS"


def test_a_cors_pre_flight_is_still_answered_204_with_method_not_allowed():
    client = Client(orders_app(method_not_allowed=True, cors=CORSConfig()))

    response = client.options(
        "/orders/1", headers={"Origin": "https://a.example", "Access-Control-Request-Method": "GET"}
    )

    assert response.status_code == 204


def test_a_405_goes_through_the_apps_exception_handler_and_keeps_allow():
    app = orders_app(method_not_allowed=True)

    @app.exception_handler(MethodNotAllowedError)
    def not_allowed(exc):
        return Response(405, "text/plain", "use another method")

    response = Client(app).post("/orders/1")

    assert (response.status_code, response.text, response.headers["Allow"]) == (
        405,
        "use another method",
        "DELETE, GET",
    )


def test_method_not_allowed_follows_strip_prefixes():
    client = Client(orders_app(method_not_allowed=True, strip_prefixes=["/shop"]))

    assert client.put("/shop/orders/1").headers["Allow"] == "DELETE, GET"


def test_allowed_methods_lists_the_methods_of_a_path():
    app = orders_app(auto_head=True)

    assert app.allowed_methods("/orders/7") == ["DELETE", "GET", "HEAD"]
    assert app.allowed_methods("/nothing") == []


@pytest.mark.parametrize("resolver_class", RESOLVERS)
def test_auto_head_answers_head_with_the_get_headers_and_no_body(resolver_class):
    client = Client(orders_app(resolver_class, auto_head=True))

    response = client.head("/orders/1")

    assert response.status_code == 200
    assert response.headers["X-Order"] == "1"
    assert response.raw["body"] == ""


def test_auto_head_drops_a_compressed_body_too():
    app = APIGatewayRestResolver(auto_head=True)

    @app.get("/report", compress=True)
    def report():
        return {"rows": ["x"] * 100}

    response = Client(app).head("/report", headers={"Accept-Encoding": "gzip"})

    assert response.headers["Content-Encoding"] == "gzip"
    assert (response.raw["body"], response.raw["isBase64Encoded"]) == ("", False)


def test_an_explicit_head_route_wins_over_auto_head():
    app = orders_app(auto_head=True)

    @app.head("/orders/<order_id>")
    def head_order(order_id):
        return Response(200, "application/json", "", {"X-Head": "own"})

    assert Client(app).head("/orders/1").headers["X-Head"] == "own"


def test_auto_head_and_method_not_allowed_work_in_resolve_async():
    app = orders_app(auto_head=True, method_not_allowed=True)
    event = app.integration.build_event("HEAD", "/orders/1")

    head = asyncio.run(app.resolve_async(event, None))
    put = asyncio.run(app.resolve_async(app.integration.build_event("PUT", "/orders/1"), None))

    assert (head["statusCode"], head["body"], head["headers"]["X-Order"]) == (200, "", "1")
    assert (put["statusCode"], put["headers"]["Allow"]) == (405, "DELETE, GET, HEAD")

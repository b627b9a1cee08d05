"""VPC Lattice: both event structures, their response format, and the same answers as Powertools 3.37.

Every test runs against the compiled and the pure implementation (see conftest.py).
"""

from __future__ import annotations

import json

import pytest
from builders import lattice_event, lattice_v2_event, rest_event, sample_event

from apigw import (
    ApiGatewayResolver,
    APIGatewayRestResolver,
    Cookie,
    ProxyEventType,
    Response,
    VPCLatticeResolver,
    VPCLatticeRouter,
    VPCLatticeV2Resolver,
    content_types,
    integrations,
)
from apigw.exceptions import InvalidEventError

LATTICES = [(VPCLatticeResolver, lattice_event), (VPCLatticeV2Resolver, lattice_v2_event)]
IDS = ["v1", "v2"]


def todo_app(resolver):
    app = resolver()

    @app.get("/todos/<todo_id>")
    def get_todo(todo_id):
        return {"id": todo_id, "agent": app.current_event.get_header_value("user-agent")}

    @app.post("/todos")
    def create_todo():
        return {"created": app.current_event.json_body}, 201

    return app


@pytest.mark.parametrize("resolver, event", LATTICES, ids=IDS)
def test_a_lattice_resolver_routes_and_answers_in_the_lattice_format(resolver, event):
    response = todo_app(resolver)(event("/todos/7", headers={"User-Agent": "curl"}), None)

    assert response == {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json"},
        "statusDescription": "200 OK",
        "body": '{"id":"7","agent":"curl"}',
        "isBase64Encoded": False,
    }


@pytest.mark.parametrize("resolver, event", LATTICES, ids=IDS)
def test_a_lattice_post_reads_the_json_body(resolver, event):
    response = todo_app(resolver)(event("/todos", "POST", body='{"title": "write"}'), None)

    assert response["statusCode"] == 201 and response["statusDescription"] == "201 Created"
    assert json.loads(response["body"]) == {"created": {"title": "write"}}


def test_the_v1_raw_path_may_carry_the_query_string():
    app = VPCLatticeResolver()
    app.get("/search")(lambda: {"q": app.current_event.get_query_string_value("q")})

    response = app(lattice_event("/search", query={"q": "books"}), None)

    assert json.loads(response["body"]) == {"q": "books"}


@pytest.mark.parametrize("resolver, event", LATTICES, ids=IDS)
def test_lattice_cookies_are_never_lost(resolver, event):
    app = resolver()
    cookies = [Cookie("a", "1"), Cookie("b", "2")]
    app.get("/login")(lambda: Response(200, content_types.TEXT_PLAIN, "ok", cookies=cookies))

    headers = app(event("/login"), None)["headers"]

    assert sorted(value for name, value in headers.items() if name.lower() == "set-cookie") == [
        "a=1; Secure",
        "b=2; Secure",
    ]


@pytest.mark.parametrize(
    "name, resolver", [("VPCLatticeEvent", VPCLatticeResolver), ("VPCLatticeEventV2", VPCLatticeV2Resolver)]
)
def test_proxy_type_selects_the_lattice_integrations(name, resolver):
    app = ApiGatewayResolver(proxy_type=getattr(ProxyEventType, name))

    assert app.integration is resolver().integration


def test_sample_events_are_recognised():
    assert integrations.detect(sample_event("vpc-lattice-v1.json")) is integrations.VPC_LATTICE
    assert integrations.detect(sample_event("vpc-lattice-v2.json")) is integrations.VPC_LATTICE_V2


@pytest.mark.parametrize(
    "resolver, event, expected",
    [
        (VPCLatticeResolver, lattice_v2_event, "use VPCLatticeV2Resolver"),
        (VPCLatticeV2Resolver, lattice_event, "use VPCLatticeResolver"),
        (VPCLatticeV2Resolver, rest_event, "use APIGatewayRestResolver"),
        (APIGatewayRestResolver, lattice_event, "use VPCLatticeResolver"),
        (APIGatewayRestResolver, lattice_v2_event, "use VPCLatticeV2Resolver"),
    ],
)
def test_a_lattice_event_in_the_wrong_resolver_names_the_right_one(resolver, event, expected):
    app = resolver()
    app.get("/hello")(lambda: {})

    with pytest.raises(InvalidEventError, match=expected):
        app(event("/hello"), None)


def test_a_lattice_router_joins_a_lattice_app():
    router = VPCLatticeRouter()
    router.get("/ping")(lambda: {"path": router.current_event.path})
    app = VPCLatticeV2Resolver()
    app.include_router(router, prefix="/svc")

    assert json.loads(app(lattice_v2_event("/svc/ping"), None)["body"]) == {"path": "/svc/ping"}


@pytest.mark.parametrize(
    "name, event", [("VPCLatticeResolver", "vpc-lattice-v1.json"), ("VPCLatticeV2Resolver", "vpc-lattice-v2.json")]
)
def test_lattice_answers_match_powertools_but_for_the_documented_fields(name, event):
    import aws_lambda_powertools.event_handler as powertools

    import apigw

    def build(lib):
        app = getattr(lib, name)()
        app.get("/hello")(lambda: {"message": "hello", "q": app.current_event.get_query_string_value("name")})
        return app

    ours = build(apigw)(sample_event(event), None)
    theirs = build(powertools)(sample_event(event), None)

    # README rows: apigw adds statusDescription (AWS documents it) and sends cookies in headers, not a `cookies` key.
    assert ours.pop("statusDescription") == "200 OK"
    assert theirs.pop("cookies") == []
    assert ours == theirs

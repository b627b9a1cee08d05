"""``Request``: the resolved request, for middlewares (``app.request``), handlers and dependencies (annotation)."""

import json

import pytest
from builders import alb_event, http_event, rest_event

from apigw import ALBResolver, APIGatewayHttpResolver, APIGatewayRestResolver, Request, Response, Router


def capture_request(app, seen):
    def middleware(app, next_middleware):
        seen.append(app.request)
        return next_middleware(app)

    app.use(middlewares=[middleware])


def test_middleware_sees_the_matched_route_in_openapi_form():
    app, seen = APIGatewayRestResolver(), []
    capture_request(app, seen)

    @app.get("/orders/<order_id>/items/<item_id>")
    def get_item(order_id, item_id):
        return {}

    app.resolve(rest_event("/orders/7/items/3"), None)

    assert seen[0].route == "/orders/{order_id}/items/{item_id}"


def test_route_template_is_worked_out_once_per_route_not_per_request(monkeypatch):
    import apigw.request

    rules, original = [], apigw.request.openapi_path
    monkeypatch.setattr(apigw.request, "openapi_path", lambda rule: rules.append(rule) or original(rule))
    app, seen = APIGatewayRestResolver(), []
    capture_request(app, seen)

    @app.get("/orders/<order_id>")
    def get_order(order_id):
        return {}

    for order_id in ("1", "2", "3"):
        app.resolve(rest_event(f"/orders/{order_id}"), None)

    assert [request.route for request in seen] == ["/orders/{order_id}"] * 3
    assert rules == ["/orders/<order_id>"]


def test_path_parameters_are_the_values_the_rule_matched_not_the_events_proxy_parameter():
    app, seen = APIGatewayRestResolver(), []
    capture_request(app, seen)

    @app.put("/applications/<application_id>")
    def put(application_id):
        return {}

    event = rest_event("/applications/4da7", "PUT", pathParameters={"proxy": "4da7"}, resource="/{proxy+}")
    app.resolve(event, None)

    assert seen[0].path_parameters == {"application_id": "4da7"}
    assert seen[0].method == "PUT"


def test_handler_receives_request_through_its_annotation_whatever_the_parameter_name():
    app = APIGatewayRestResolver()

    @app.get("/users/<user_id>")
    def get_user(user_id: str, req: Request):
        return {"id": user_id, "route": req.route, "params": req.path_parameters}

    body = json.loads(app.resolve(rest_event("/users/42"), None)["body"])

    assert body == {"id": "42", "route": "/users/{user_id}", "params": {"user_id": "42"}}


def test_request_is_built_once_per_request():
    app, seen = APIGatewayRestResolver(), []
    capture_request(app, seen)

    @app.get("/hello")
    def hello(request: Request):
        seen.append(request)
        seen.append(app.request)
        return {}

    app.resolve(rest_event("/hello"), None)
    first = seen[:]
    app.resolve(rest_event("/hello"), None)

    assert first[0] is first[1] is first[2]
    assert seen[3] is not first[0]


def test_headers_are_a_dict_read_in_any_letter_case():
    app = APIGatewayRestResolver()

    @app.get("/hello")
    def hello(request: Request):
        headers = request.headers
        return {"is_dict": isinstance(headers, dict), "agent": headers.get("USER-AGENT"), "has": "Accept" in headers}

    event = rest_event("/hello", headers={"User-Agent": "curl/8", "accept": "*/*"})
    body = json.loads(app.resolve(event, None)["body"])

    assert body == {"is_dict": True, "agent": "curl/8", "has": True}


def test_query_parameters_body_and_json_body_come_from_the_event():
    app, seen = APIGatewayRestResolver(), []
    capture_request(app, seen)

    @app.post("/items")
    def create():
        return {}

    app.resolve(rest_event("/items", "POST", body='{"name": "widget"}', query={"dry": "1"}), None)

    assert seen[0].query_parameters == {"dry": "1"}
    assert seen[0].body == '{"name": "widget"}'
    assert seen[0].json_body == {"name": "widget"}


def test_query_parameters_are_empty_without_a_query_string():
    app, seen = APIGatewayRestResolver(), []
    capture_request(app, seen)

    @app.get("/hello")
    def hello():
        return {}

    app.resolve(rest_event("/hello"), None)

    assert not seen[0].query_parameters


def test_resolved_event_is_the_event_view_and_context_is_the_app_context():
    app, seen = APIGatewayRestResolver(), []

    def tag_user(app, next_middleware):
        app.append_context(user="ana")
        seen.append(app.request)
        return next_middleware(app)

    app.use(middlewares=[tag_user])

    @app.get("/hello")
    def hello():
        seen.append(app.current_event)
        return {}

    app.resolve(rest_event("/hello"), None)

    assert seen[0].resolved_event is seen[1]
    assert seen[0].context["user"] == "ana"


def test_route_middleware_sees_the_request():
    app, seen = APIGatewayRestResolver(), []

    def route_middleware(app, next_middleware):
        seen.append(app.request.path_parameters)
        return next_middleware(app)

    @app.get("/protected/<resource_id>", middlewares=[route_middleware])
    def protected(resource_id):
        return {}

    app.resolve(rest_event("/protected/abc"), None)

    assert seen == [{"resource_id": "abc"}]


def test_router_routes_get_the_request_and_router_request_is_the_apps():
    app, router, seen = APIGatewayRestResolver(), Router(), []

    @router.get("/<item_id>")
    def get_item(item_id: str, request: Request):
        seen.append(request)
        seen.append(router.request)
        return {"route": request.route}

    app.include_router(router, prefix="/items")
    body = json.loads(app.resolve(rest_event("/items/xyz"), None)["body"])

    assert body == {"route": "/items/{item_id}"}
    assert seen[0] is seen[1]


def test_http_api_and_alb_requests_have_the_method():
    for app, event in (
        (APIGatewayHttpResolver(), http_event("/hello", "DELETE")),
        (ALBResolver(), alb_event("/hello", "DELETE")),
    ):
        seen = []
        capture_request(app, seen)
        app.delete("/hello")(lambda: {})

        assert app.resolve(event, None)["statusCode"] == 200
        assert seen[0].method == "DELETE"


def test_request_in_a_not_found_middleware_names_the_path():
    app, seen = APIGatewayRestResolver(), []
    capture_request(app, seen)

    assert app.resolve(rest_event("/nowhere"), None)["statusCode"] == 404
    assert seen[0].route == "/nowhere"
    assert seen[0].path_parameters == {}


def test_app_request_before_any_request_is_a_runtime_error():
    app = APIGatewayRestResolver()

    with pytest.raises(RuntimeError, match="app.request is only available after route resolution"):
        app.request  # noqa: B018


def test_router_request_before_inclusion_is_a_runtime_error():
    with pytest.raises(RuntimeError, match="router.request is only available"):
        Router().request  # noqa: B018


def test_middleware_may_declare_a_request_parameter():
    app, seen = APIGatewayRestResolver(), []

    def audit(app, next_middleware, request: Request):
        seen.append(request.route)
        return next_middleware(app)

    app.use(middlewares=[audit])
    app.get("/orders/<order_id>")(lambda order_id: {})

    app.resolve(rest_event("/orders/1"), None)

    assert seen == ["/orders/{order_id}"]


def test_request_can_be_built_by_hand_to_test_a_dependency():
    from apigw.events import APIGatewayProxyEvent

    request = Request("/orders/{id}", {"id": "1"}, APIGatewayProxyEvent(rest_event("/orders/1", "PATCH")))

    assert (request.method, request.route, request.context) == ("PATCH", "/orders/{id}", {})


def test_optional_request_annotation_is_injected_too():
    app = APIGatewayRestResolver()

    @app.get("/hello")
    def hello(request: Request | None = None):
        return {"injected": request is not None}

    assert json.loads(app.resolve(rest_event("/hello"), None)["body"]) == {"injected": True}


def test_a_plain_handler_gets_no_call_plan():
    app = APIGatewayRestResolver()

    @app.get("/hello/<name>")
    def hello(name: str):
        return Response(200, "text/plain", name)

    assert app.routes[0].invoke is None


def test_app_request_after_the_request_is_a_runtime_error():
    app = APIGatewayRestResolver()
    app.get("/hello")(lambda: {})
    app.resolve(rest_event("/hello"), None)

    with pytest.raises(RuntimeError, match="only available after route resolution"):
        app.request  # noqa: B018

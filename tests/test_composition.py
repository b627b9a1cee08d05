"""Routers, request context, middlewares and exception handlers: composing an app from parts."""

from __future__ import annotations

import json

import pytest
from builders import rest_event

from apigw import (
    APIGatewayRestResolver,
    BaseMiddlewareHandler,
    ForbiddenError,
    MethodNotAllowedError,
    RequestEntityTooLargeError,
    RequestTimeoutError,
    Response,
    Router,
    ServiceUnavailableError,
    TooManyRequestsError,
    content_types,
)
from apigw.exceptions import NotFoundError


def body(response):
    return json.loads(response["body"])


# -- Router ---------------------------------------------------------------------------------------------------------


def orders_router():
    router = Router()

    @router.get("/")
    def list_orders():
        return {"orders": [], "agent": router.current_event.get_header_value("user-agent")}

    @router.get("/<order_id>")
    def get_order(order_id):
        return {"id": order_id}

    return router


def test_included_router_routes_answer_behind_the_prefix():
    app = APIGatewayRestResolver()
    app.include_router(orders_router(), prefix="/orders")

    assert body(app(rest_event("/orders/42"), None)) == {"id": "42"}
    assert body(app(rest_event("/orders", headers={"User-Agent": "curl"}), None)) == {"orders": [], "agent": "curl"}


def test_router_without_prefix_keeps_its_rules():
    app = APIGatewayRestResolver()
    app.include_router(orders_router())

    assert body(app(rest_event("/42"), None)) == {"id": "42"}


def test_router_sees_the_apps_lambda_context_and_context():
    app = APIGatewayRestResolver()
    router = Router()

    @router.get("/who")
    def who():
        return {"context": router.lambda_context, "tenant": router.context.get("tenant")}

    app.include_router(router)
    app.append_context(tenant="acme")

    assert body(app(rest_event("/who"), "ctx")) == {"context": "ctx", "tenant": "acme"}


def test_router_context_set_before_inclusion_is_handed_to_the_app():
    router = Router()
    router.append_context(source="router")
    app = APIGatewayRestResolver()
    app.include_router(router)

    assert app.context == {"source": "router"}


def test_router_exception_handlers_apply_once_included():
    router = Router()
    router.get("/fail")(lambda: int("x"))
    router.exception_handler(ValueError)(lambda exc: Response(422, content_types.TEXT_PLAIN, "unprocessable"))
    app = APIGatewayRestResolver()
    app.include_router(router)

    assert app(rest_event("/fail"), None)["statusCode"] == 422


def test_router_middlewares_join_the_apps_middlewares_when_included():
    calls = []

    def mark(app, next_middleware):
        calls.append(app.current_event.path)
        return next_middleware(app)

    router = Router()
    router.use([mark])
    router.get("/inside")(lambda: {})
    app = APIGatewayRestResolver()
    app.get("/outside")(lambda: {})
    app.include_router(router)

    app(rest_event("/inside"), None)
    app(rest_event("/outside"), None)

    assert calls == ["/inside", "/outside"]


def test_included_router_knows_its_app():
    router = Router()
    app = APIGatewayRestResolver()
    app.include_router(router)

    assert router.api_resolver is app


# -- context --------------------------------------------------------------------------------------------------------


def test_context_is_cleared_after_each_request():
    app = APIGatewayRestResolver()

    @app.get("/ctx")
    def ctx():
        seen = dict(app.context)
        app.append_context(leaked=True)
        return {"seen": sorted(seen)}

    app.append_context(user="ana")

    # COMPAT: during a request the context also holds the matched _route, its _path and _route_args, as Powertools'.
    route_keys = ["_path", "_route", "_route_args"]
    assert body(app(rest_event("/ctx"), None)) == {"seen": route_keys + ["user"]}
    assert body(app(rest_event("/ctx"), None)) == {"seen": route_keys}


def test_context_is_cleared_even_when_the_handler_raises():
    app = APIGatewayRestResolver()

    @app.get("/boom")
    def boom():
        app.append_context(step="before")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        app(rest_event("/boom"), None)

    assert app.context == {}


# -- results and errors ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "error, status",
    [
        (ForbiddenError, 403),
        (MethodNotAllowedError, 405),
        (RequestTimeoutError, 408),
        (RequestEntityTooLargeError, 413),
        (TooManyRequestsError, 429),
        (ServiceUnavailableError, 503),
    ],
)
def test_extra_error_classes_answer_their_status(error, status):
    app = APIGatewayRestResolver()

    @app.get("/err")
    def err():
        raise error("custom message")

    response = app(rest_event("/err"), None)

    assert response["statusCode"] == status
    assert body(response) == {"statusCode": status, "message": "custom message"}


def test_route_status_code_sets_the_status_of_plain_results():
    app = APIGatewayRestResolver()
    app.post("/items", status_code=201)(lambda: {"id": 1})

    assert app(rest_event("/items", "POST"), None)["statusCode"] == 201


def test_openapi_only_route_keywords_are_accepted_and_unknown_ones_rejected():
    app = APIGatewayRestResolver()
    app.get("/doc", summary="Documented", tags=["docs"], operation_id="doc")(lambda: {})

    assert app(rest_event("/doc"), None)["statusCode"] == 200
    with pytest.raises(TypeError, match="colour"):
        app.get("/x", colour="red")


def test_an_exception_handler_may_raise_a_service_error():
    app = APIGatewayRestResolver()
    app.get("/key")(lambda: {}["missing"])

    @app.exception_handler(KeyError)
    def missing_key(exc):
        raise NotFoundError(f"no such key: {exc}")

    response = app(rest_event("/key"), None)

    assert response["statusCode"] == 404
    assert body(response)["message"] == "no such key: 'missing'"


def test_exception_handler_accepts_a_list_of_classes():
    app = APIGatewayRestResolver()
    app.exception_handler([KeyError, ValueError])(
        lambda exc: Response(400, content_types.TEXT_PLAIN, type(exc).__name__)
    )
    app.get("/k")(lambda: {}["k"])
    app.get("/v")(lambda: int("v"))

    assert app(rest_event("/k"), None)["body"] == "KeyError"
    assert app(rest_event("/v"), None)["body"] == "ValueError"


def test_head_decorator_registers_head():
    app = APIGatewayRestResolver()
    app.head("/ping")(lambda: Response(200, content_types.TEXT_PLAIN, ""))

    assert app(rest_event("/ping", "HEAD"), None)["statusCode"] == 200


# -- middlewares ----------------------------------------------------------------------------------------------------


def recorder(name, calls):
    def middleware(app, next_middleware):
        calls.append(f"{name}:before")
        response = next_middleware(app)
        calls.append(f"{name}:after")
        return response

    middleware.__name__ = name
    return middleware


def test_global_middlewares_run_before_route_middlewares_in_order():
    calls = []
    app = APIGatewayRestResolver()
    app.use([recorder("global1", calls), recorder("global2", calls)])

    @app.get("/m", middlewares=[recorder("route", calls)])
    def handler():
        calls.append("handler")
        return {}

    app(rest_event("/m"), None)

    assert calls == [
        "global1:before",
        "global2:before",
        "route:before",
        "handler",
        "route:after",
        "global2:after",
        "global1:after",
    ]


def test_a_middleware_gets_a_response_it_can_change():
    def add_header(app, next_middleware):
        response = next_middleware(app)
        response.headers["X-Seen"] = type(response).__name__
        return response

    app = APIGatewayRestResolver()
    app.use([add_header])
    app.get("/d")(lambda: {"plain": "dict"})

    assert app(rest_event("/d"), None)["headers"]["X-Seen"] == "Response"


def test_a_middleware_can_short_circuit_with_its_own_response():
    def deny(app, next_middleware):
        return Response(401, content_types.APPLICATION_JSON, {"message": "no"})

    app = APIGatewayRestResolver()
    called = []
    app.get("/secret", middlewares=[deny])(lambda: called.append(True))

    response = app(rest_event("/secret"), None)

    assert (response["statusCode"], response["body"], called) == (401, '{"message":"no"}', [])


def test_class_middlewares_implement_handler():
    class Stamp(BaseMiddlewareHandler):
        def __init__(self, value):
            super().__init__()
            self.value = value

        def handler(self, app, next_middleware):
            response = next_middleware(app)
            response.headers["X-Stamp"] = self.value
            return response

    app = APIGatewayRestResolver()
    app.get("/s", middlewares=[Stamp("v1")])(lambda: {})

    assert app(rest_event("/s"), None)["headers"]["X-Stamp"] == "v1"


def test_middlewares_see_path_parameters_in_context():
    seen = {}

    def peek(app, next_middleware):
        seen.update(app.context["_route_args"])
        return next_middleware(app)

    app = APIGatewayRestResolver()
    app.get("/users/<user_id>", middlewares=[peek])(lambda user_id: {"id": user_id})

    assert body(app(rest_event("/users/7"), None)) == {"id": "7"}
    assert seen == {"user_id": "7"}


def test_global_middlewares_also_run_for_not_found():
    calls = []
    app = APIGatewayRestResolver()
    app.use([recorder("global", calls)])

    assert app(rest_event("/missing"), None)["statusCode"] == 404
    assert calls == ["global:before", "global:after"]


def test_exceptions_raised_in_a_middleware_reach_the_exception_handlers():
    def explode(app, next_middleware):
        raise ForbiddenError("not today")

    app = APIGatewayRestResolver()
    app.use([explode])
    app.get("/x")(lambda: {})

    response = app(rest_event("/x"), None)

    assert response["statusCode"] == 403


def test_use_after_routes_were_called_applies_to_later_requests():
    calls = []
    app = APIGatewayRestResolver()
    app.get("/late")(lambda: {})
    app(rest_event("/late"), None)
    app.use([recorder("late", calls)])

    app(rest_event("/late"), None)

    assert calls == ["late:before", "late:after"]

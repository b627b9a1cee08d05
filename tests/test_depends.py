"""``Depends()``: dependencies computed per request for handlers (and middlewares), overridable in tests.

No ``from __future__ import annotations`` here: dependencies defined inside a test function are locals, which
string annotations cannot name (see test_unresolvable_string_annotation_is_reported_at_registration).
"""

import json
from typing import Annotated

import pytest
from builders import rest_event

from apigw import APIGatewayRestResolver, DependencyResolutionError, Depends, Request
from apigw.exceptions import UnauthorizedError


def call(app, path="/hello", **kwargs):
    return app.resolve(rest_event(path, **kwargs), None)


def body_of(response):
    return json.loads(response["body"])


def test_annotated_dependency_is_injected():
    app = APIGatewayRestResolver()

    def get_greeting() -> str:
        return "hello"

    @app.get("/hello")
    def hello(greeting: Annotated[str, Depends(get_greeting)]):
        return {"greeting": greeting}

    assert body_of(call(app)) == {"greeting": "hello"}


def test_default_value_form_is_injected_too():
    app = APIGatewayRestResolver()

    @app.get("/hello")
    def hello(greeting: str = Depends(lambda: "hi")):
        return {"greeting": greeting}

    assert body_of(call(app)) == {"greeting": "hi"}


def test_dependencies_can_depend_on_dependencies_and_on_the_request():
    app = APIGatewayRestResolver()

    def tenant(request: Request) -> str:
        return request.headers.get("x-tenant", "public")

    def table(tenant_name: Annotated[str, Depends(tenant)]) -> str:
        return f"orders-{tenant_name}"

    @app.get("/orders/<order_id>")
    def get_order(order_id, orders: Annotated[str, Depends(table)]):
        return {"table": orders, "id": order_id}

    response = call(app, "/orders/9", headers={"X-Tenant": "acme"})

    assert body_of(response) == {"table": "orders-acme", "id": "9"}


def test_a_dependency_runs_once_per_request_however_many_ask_for_it():
    app, calls = APIGatewayRestResolver(), []

    def config() -> dict:
        calls.append(1)
        return {"region": "eu-west-1"}

    def region(cfg: Annotated[dict, Depends(config)]) -> str:
        return cfg["region"]

    @app.get("/hello")
    def hello(cfg: Annotated[dict, Depends(config)], where: Annotated[str, Depends(region)]):
        return {"where": where}

    call(app)
    call(app)

    assert len(calls) == 2  # once in each of the two requests


def test_use_cache_false_runs_the_dependency_for_each_use():
    app, counter = APIGatewayRestResolver(), iter(range(100))

    def ticket() -> int:
        return next(counter)

    @app.get("/hello")
    def hello(a: Annotated[int, Depends(ticket, use_cache=False)], b: Annotated[int, Depends(ticket, use_cache=False)]):
        return {"a": a, "b": b}

    assert body_of(call(app)) == {"a": 0, "b": 1}


def test_dependency_overrides_replace_a_dependency_anywhere_in_the_tree():
    app = APIGatewayRestResolver()

    def db() -> str:
        return "real-db"

    def table(conn: Annotated[str, Depends(db)]) -> str:
        return f"table@{conn}"

    @app.get("/hello")
    def hello(t: Annotated[str, Depends(table)]):
        return {"table": t}

    app.dependency_overrides[db] = lambda: "fake-db"

    assert body_of(call(app)) == {"table": "table@fake-db"}


def test_an_override_gets_its_own_dependencies_not_the_originals():
    app = APIGatewayRestResolver()

    def session(request: Request) -> str:
        raise AssertionError("the real session must not be opened in tests")

    def user(s: Annotated[str, Depends(session)]) -> str:
        return "real"

    def fake_user(request: Request) -> str:
        return f"fake for {request.method}"

    @app.get("/hello")
    def hello(u: Annotated[str, Depends(user)]):
        return {"user": u}

    app.dependency_overrides[user] = fake_user

    assert body_of(call(app)) == {"user": "fake for GET"}


def test_a_failing_dependency_raises_dependency_resolution_error_caused_by_the_original():
    app = APIGatewayRestResolver()

    def broken() -> str:
        raise ValueError("boom")

    @app.get("/hello")
    def hello(value: Annotated[str, Depends(broken)]):
        return {}

    with pytest.raises(DependencyResolutionError, match="'broken' for parameter 'value': boom") as caught:
        call(app)

    assert isinstance(caught.value.__cause__, ValueError)


def test_a_service_error_raised_by_a_dependency_is_its_response():
    app = APIGatewayRestResolver()

    def current_user(request: Request) -> str:
        if "authorization" not in request.headers:
            raise UnauthorizedError("who are you?")
        return "ana"

    @app.get("/hello")
    def hello(user: Annotated[str, Depends(current_user)]):
        return {"user": user}

    response = call(app)

    assert response["statusCode"] == 401
    assert body_of(response) == {"statusCode": 401, "message": "who are you?"}


def test_exception_handler_for_the_original_class_answers_a_dependency_failure():
    app = APIGatewayRestResolver()

    @app.exception_handler(KeyError)
    def missing_key(exc):
        return {"missing": str(exc)}, 400

    def setting() -> str:
        raise KeyError("TABLE_NAME")

    @app.get("/hello")
    def hello(value: Annotated[str, Depends(setting)]):
        return {}

    assert body_of(call(app)) == {"missing": "'TABLE_NAME'"}


def test_exception_handler_for_dependency_resolution_error_gets_the_wrapper():
    app = APIGatewayRestResolver()

    @app.exception_handler(DependencyResolutionError)
    def failed(exc):
        return {"type": type(exc).__name__, "cause": type(exc.__cause__).__name__}, 503

    def broken() -> str:
        raise ValueError("boom")

    @app.get("/hello")
    def hello(value: Annotated[str, Depends(broken)]):
        return {}

    response = call(app)

    assert response["statusCode"] == 503
    assert body_of(response) == {"type": "DependencyResolutionError", "cause": "ValueError"}


def test_depends_refuses_what_is_not_callable():
    with pytest.raises(DependencyResolutionError, match="requires a callable"):
        Depends("get_db")  # type: ignore[arg-type]


def test_a_dependency_parameter_apigw_cannot_provide_is_refused_at_registration():
    app = APIGatewayRestResolver()

    def needs_limit(limit: int) -> int:
        return limit

    with pytest.raises(TypeError, match="dependency .*needs_limit requires 'limit'"):

        @app.get("/hello")
        def hello(value: Annotated[int, Depends(needs_limit)]):
            return {}


def test_classes_and_callable_objects_are_dependencies_too():
    app = APIGatewayRestResolver()

    class Settings:
        def __init__(self) -> None:
            self.region = "eu-west-1"

    class Tenant:
        def __call__(self, request: Request) -> str:
            return request.method.lower()

    @app.get("/hello")
    def hello(settings: Annotated[Settings, Depends(Settings)], tenant: Annotated[str, Depends(Tenant())]):
        return {"region": settings.region, "tenant": tenant}

    assert body_of(call(app)) == {"region": "eu-west-1", "tenant": "get"}


def test_middleware_and_handler_share_one_dependency_value_per_request():
    app, calls = APIGatewayRestResolver(), []

    def user() -> dict:
        calls.append(1)
        return {"name": "ana"}

    def audit(app, next_middleware, who: Annotated[dict, Depends(user)]):
        who["audited"] = True
        return next_middleware(app)

    app.use(middlewares=[audit])

    @app.get("/hello")
    def hello(who: Annotated[dict, Depends(user)]):
        return who

    assert body_of(call(app)) == {"name": "ana", "audited": True}
    assert len(calls) == 1


def test_dependencies_are_worked_out_at_registration_not_per_request(monkeypatch):
    app = APIGatewayRestResolver()

    @app.get("/hello")
    def hello(value: Annotated[str, Depends(lambda: "v")], request: Request):
        return {"value": value}

    import inspect
    import typing

    def forbidden(*args, **kwargs):
        raise AssertionError("signature read during a request")

    monkeypatch.setattr(inspect, "signature", forbidden)
    monkeypatch.setattr(typing, "get_type_hints", forbidden)

    assert body_of(call(app)) == {"value": "v"}


def test_async_handler_gets_its_dependencies_resolved_synchronously():
    import asyncio

    app = APIGatewayRestResolver()

    @app.get("/hello")
    async def hello(value: Annotated[str, Depends(lambda: "v")], request: Request):
        return {"value": value, "route": request.route}

    response = asyncio.run(app.resolve_async(rest_event("/hello"), None))

    assert body_of(response) == {"value": "v", "route": "/hello"}


def test_unresolvable_string_annotation_is_reported_at_registration():
    app = APIGatewayRestResolver()

    def hello(user: "Annotated[str, Depends(get_user_not_importable)]"):
        return {}

    with pytest.raises(TypeError, match="cannot resolve the annotation .* of parameter 'user'"):
        app.get("/hello")(hello)


def handler_from_module(source, name="hello"):
    """``name`` from ``source`` run as a module of its own (string annotations resolve against its globals)."""
    namespace = {"__name__": "handlers"}
    exec(compile("from __future__ import annotations\n" + source, "handlers.py", "exec"), namespace)
    return namespace[name]


TYPE_CHECKING_ONLY_REQUEST = """
from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from apigw import Request
"""


@pytest.mark.parametrize("annotation", ["Request | None", "Optional[Request]", "apigw.Request", "'Request'"])
def test_request_annotation_imported_only_for_type_checkers_is_refused_at_registration(annotation):
    app = APIGatewayRestResolver()
    hello = handler_from_module(
        TYPE_CHECKING_ONLY_REQUEST + f"def hello(request: {annotation} = None):\n    return {{}}\n"
    )

    with pytest.raises(TypeError, match=r"parameter 'request'.*import what it names at module level.*TYPE_CHECKING"):
        app.get("/hello")(hello)


def test_nested_quoted_request_resolves_when_another_annotation_cannot():
    app = APIGatewayRestResolver()
    hello = handler_from_module(
        """
from typing import TYPE_CHECKING, Optional
from apigw import Request
if TYPE_CHECKING:
    from tenants import Tenant

def hello(request: Optional["Request"] = None, tenant: Tenant = None):
    return {"route": request.route if request else None}
"""
    )

    app.get("/hello")(hello)

    assert body_of(call(app)) == {"route": "/hello"}


def test_unresolvable_annotation_naming_neither_request_nor_depends_is_left_alone():
    app = APIGatewayRestResolver()
    hello = handler_from_module(
        """
from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from models import RequestBody

def hello(body: RequestBody | None = None):
    return {"body": body}
"""
    )

    app.get("/hello")(hello)

    assert body_of(call(app)) == {"body": None}


def test_middleware_request_annotation_imported_only_for_type_checkers_is_refused_when_its_chain_is_built():
    app = APIGatewayRestResolver()
    audit = handler_from_module(
        TYPE_CHECKING_ONLY_REQUEST
        + "def audit(app, next_middleware, request: Request | None = None):\n    return next_middleware(app)\n",
        "audit",
    )
    app.use(middlewares=[audit])
    app.get("/hello")(lambda: {})

    with pytest.raises(TypeError, match=r"middleware handlers.audit: cannot resolve .* parameter 'request'"):
        call(app)

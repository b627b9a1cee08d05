"""Cold start: an app that uses neither injection, validation nor OpenAPI imports none of their machinery."""

import json
import os
import subprocess
import sys
import textwrap

import pytest

OPTIONAL = [
    "pydantic",
    "apigw.openapi",
    "apigw.request",
    "apigw.depends",
    "apigw._injection",
    "inspect",
    "apigw.http_resolver",
    "apigw._async",
    "apigw._wire",
    "asyncio",
    "apigw.any_integration",
    "apigw.router",
    "apigw.middlewares",
    "apigw.content_types",
    "apigw.cookies",
    "apigw._case_insensitive",  # the header maps built when read (multi_value_headers, resolved_headers_field)
    "apigw.exceptions",  # the error classes: a request answered normally needs none beyond apigw._shared's
    "apigw.response",  # the public path of Response and CORSConfig (defined in apigw.resolver) and the cookies
    "apigw._errors",  # what answers a request that went wrong (exception handlers, 405, pre-flight, bad events)
    # the views of the other integrations, and the request-context views nobody read
    "apigw._http_api",
    "apigw._alb",
    "apigw._vpc_lattice",
    "apigw._events_contexts",
]

# one per integration: its event view and its named resolver
INTEGRATION_MODULES = ["apigw._rest_api", "apigw._http_api", "apigw._alb", "apigw._vpc_lattice"]


def modules_after(code: str, names: list = OPTIONAL) -> dict:
    """Which of ``names`` are loaded after running ``code`` in a fresh interpreter."""
    script = textwrap.dedent(code) + textwrap.dedent(
        f"""
        import json, sys
        print(json.dumps({{name: name in sys.modules for name in {names!r}}}))
        """
    )
    output = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True, timeout=60)
    return json.loads(output.stdout.strip().splitlines()[-1])


@pytest.mark.once
def test_plain_app_with_annotated_handlers_and_middlewares_loads_no_optional_machinery():
    loaded = modules_after(
        """
        from apigw import APIGatewayRestResolver

        app = APIGatewayRestResolver()
        app.use(middlewares=[lambda app, next_middleware: next_middleware(app)])

        @app.get("/orders/<order_id>")
        def get_order(order_id: str, verbose: bool = False) -> dict:
            return {"id": order_id}

        event = {"path": "/orders/1", "httpMethod": "GET", "headers": {}, "body": None}
        assert app.resolve(event, None)["statusCode"] == 200
        """
    )

    assert not any(loaded.values()), loaded


@pytest.mark.once
@pytest.mark.parametrize(
    "resolver, event, view_module",
    [
        ("APIGatewayRestResolver", {"path": "/hello", "httpMethod": "GET"}, "apigw._rest_api"),
        (
            "APIGatewayHttpResolver",
            {"version": "2.0", "rawPath": "/hello", "requestContext": {"http": {"method": "GET"}}},
            "apigw._http_api",
        ),
        (
            "LambdaFunctionUrlResolver",
            {"version": "2.0", "rawPath": "/hello", "requestContext": {"http": {"method": "GET"}}},
            "apigw._http_api",
        ),
        (
            "ALBResolver",
            {"path": "/hello", "httpMethod": "GET", "requestContext": {"elb": {"targetGroupArn": "arn"}}},
            "apigw._alb",
        ),
        ("VPCLatticeResolver", {"raw_path": "/hello", "method": "GET"}, "apigw._vpc_lattice"),
        ("VPCLatticeV2Resolver", {"version": "2.0", "path": "/hello", "method": "GET"}, "apigw._vpc_lattice"),
    ],
)
def test_an_app_loads_the_module_of_its_own_integration_only(resolver, event, view_module):
    loaded = modules_after(
        f"""
        import apigw

        app = apigw.{resolver}()

        @app.get("/hello")
        def hello():
            return {{}}

        assert app.resolve({event!r}, None)["statusCode"] == 200
        """,
        [*INTEGRATION_MODULES, "apigw._events_contexts", "apigw._chain"],
    )

    assert [name for name, present in loaded.items() if present] == [view_module]  # no middleware: no apigw._chain


@pytest.mark.once
def test_importing_apigw_loads_no_integration_module_and_each_resolver_is_one_class_wherever_it_is_read():
    loaded = modules_after(
        """
        import sys
        import apigw, apigw.resolver

        assert not [name for name in sys.modules if name in %r]
        assert "ALBResolver" in dir(apigw.resolver)
        from apigw.resolver import ALBResolver
        from apigw._alb import ALBResolver as defined

        assert ALBResolver is defined is apigw.ALBResolver and issubclass(ALBResolver, apigw.ApiGatewayResolver)
        """
        % INTEGRATION_MODULES,
        INTEGRATION_MODULES,
    )

    assert [name for name, present in loaded.items() if present] == ["apigw._alb"]


@pytest.mark.compiled
def test_the_compiled_build_keeps_request_state_without_loading_the_contextvars_module():
    # The compiled library lends the ContextVar type (apigw/_speedups.pyx): the same class, one library fewer to load.
    loaded = modules_after(
        """
        import threading
        import apigw, apigw._impl

        assert apigw.IMPLEMENTATION == "cython"
        app = apigw.APIGatewayRestResolver()

        @app.get("/orders/<order_id>")
        def get_order(order_id):
            return {"id": order_id, "path": app.current_event.path}

        answers = []

        def ask(n):
            answers.append(app.resolve({"path": f"/orders/{n}", "httpMethod": "GET"}, None))

        threads = [threading.Thread(target=ask, args=(n,)) for n in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(10)
        assert sorted(answer["body"] for answer in answers) == [
            '{"id":"%d","path":"/orders/%d"}' % (n, n) for n in range(4)
        ]
        import sys
        assert "_contextvars" not in sys.modules
        import contextvars
        assert apigw._impl.ContextVar is contextvars.ContextVar
        """,
        ["_contextvars", "contextvars"],
    )

    assert loaded == {"_contextvars": True, "contextvars": True}  # loaded by the test's own import, at its end


@pytest.mark.once
def test_the_pure_build_takes_the_contextvar_type_from_the_contextvars_module():
    script = "import apigw._impl, contextvars; assert apigw._impl.ContextVar is contextvars.ContextVar"
    subprocess.run(
        [sys.executable, "-c", script], check=True, timeout=60, env={**os.environ, "APIGW_NO_EXTENSIONS": "1"}
    )


@pytest.mark.once
def test_content_types_is_imported_when_first_read():
    loaded = modules_after(
        """
        import sys
        import apigw

        assert "apigw.content_types" not in sys.modules
        assert apigw.content_types.APPLICATION_JSON == "application/json"
        from apigw.content_types import TEXT_HTML
        from apigw import content_types

        assert content_types.TEXT_HTML is TEXT_HTML
        """
    )

    assert loaded["apigw.content_types"]


@pytest.mark.once
def test_the_error_classes_load_with_the_first_error_and_are_the_public_ones_wherever_they_are_imported_from():
    loaded = modules_after(
        """
        import pickle, sys
        import apigw
        from apigw import APIGatewayRestResolver, ServiceError

        app = APIGatewayRestResolver()
        assert app.resolve({"path": "/nowhere", "httpMethod": "GET"}, None)["statusCode"] == 404
        from apigw import exceptions
        from apigw.exceptions import ForbiddenError, InvalidEventError

        assert exceptions.ServiceError is ServiceError and ServiceError.__module__ == "apigw.exceptions"
        assert InvalidEventError.__module__ == "apigw.exceptions"
        assert apigw.ForbiddenError is ForbiddenError and issubclass(ForbiddenError, ServiceError)
        error = pickle.loads(pickle.dumps(ForbiddenError("no")))
        assert type(error) is ForbiddenError and error.status_code == 403
        """
    )

    assert loaded["apigw.exceptions"]


@pytest.mark.once
def test_an_unreadable_event_makes_the_error_class_of_apigw_exceptions_on_the_spot():
    loaded = modules_after(
        """
        import sys
        from apigw import APIGatewayRestResolver

        app = APIGatewayRestResolver()
        try:
            app.resolve({"path": "/orders"}, None)
        except ValueError as exc:
            caught = exc
        from apigw import _shared
        from apigw.exceptions import InvalidEventError, ServiceError

        assert type(caught) is InvalidEventError and "httpMethod" in str(caught), caught
        assert _shared.InvalidEventError is InvalidEventError and _shared.ServiceError is ServiceError
        """
    )

    assert loaded["apigw.exceptions"] and loaded["apigw._errors"]


@pytest.mark.once
def test_the_error_path_loads_with_the_first_error_a_plain_404_does_not_need_it():
    loaded = modules_after(
        """
        import sys
        from apigw import APIGatewayRestResolver, BadRequestError

        app = APIGatewayRestResolver()

        @app.get("/orders")
        def orders():
            raise BadRequestError("no orders today")

        assert app.resolve({"path": "/nowhere", "httpMethod": "GET"}, None)["statusCode"] == 404
        assert "apigw._errors" not in sys.modules
        assert app.resolve({"path": "/orders", "httpMethod": "GET"}, None)["statusCode"] == 400
        """
    )

    assert loaded["apigw._errors"]


@pytest.mark.once
def test_the_cookie_classes_load_with_the_first_cookie_and_are_the_same_wherever_they_are_imported_from():
    loaded = modules_after(
        """
        import sys
        import apigw
        from apigw import response

        assert "apigw.cookies" not in sys.modules
        from apigw.response import Cookie, SameSite
        from apigw.cookies import Cookie as Cookie2, SameSite as SameSite2

        assert Cookie is Cookie2 is apigw.Cookie and SameSite is SameSite2 is apigw.SameSite
        assert str(Cookie("a", "1", same_site=SameSite.LAX_MODE)) == "a=1; Secure; SameSite=Lax"
        """
    )

    assert loaded["apigw.cookies"]


@pytest.mark.once
def test_a_body_that_is_not_json_loads_its_error_class_and_is_answered_400():
    loaded = modules_after(
        """
        from apigw import APIGatewayRestResolver

        app = APIGatewayRestResolver()

        @app.post("/orders")
        def create():
            return app.current_event.json_body

        event = {"path": "/orders", "httpMethod": "POST", "headers": {}, "body": "{not json"}
        assert app.resolve(event, None)["statusCode"] == 400
        """
    )

    assert loaded["apigw.exceptions"]


@pytest.mark.once
def test_injection_loads_the_injection_module_but_not_pydantic():
    loaded = modules_after(
        """
        from apigw import APIGatewayRestResolver, Request

        app = APIGatewayRestResolver()

        @app.get("/hello")
        def hello(request: Request):
            return {"route": request.route}

        assert app.resolve({"path": "/hello", "httpMethod": "GET"}, None)["statusCode"] == 200
        """
    )

    assert loaded["apigw._injection"] and loaded["apigw.request"]
    assert not loaded["pydantic"] and not loaded["apigw.openapi"]


@pytest.mark.once
def test_validation_loads_pydantic_but_the_schema_machinery_only_when_the_document_is_asked_for():
    pytest.importorskip("pydantic")
    code = """
        from apigw import APIGatewayRestResolver
        import sys

        app = APIGatewayRestResolver(enable_validation=True)

        @app.get("/orders/<order_id>")
        def get_order(order_id: int):
            return {"id": order_id}

        assert app.resolve({"path": "/orders/1", "httpMethod": "GET"}, None)["statusCode"] == 200
        before = {name: name in sys.modules for name in ("apigw.openapi.models", "apigw.openapi._schema")}
        app.get_openapi_schema()
        after = {name: name in sys.modules for name in ("apigw.openapi.models", "apigw.openapi._schema")}
        print(before, after)
        assert not any(before.values()) and all(after.values()), (before, after)
    """
    loaded = modules_after(code)

    assert loaded["pydantic"] and loaded["apigw.openapi"]


@pytest.mark.once
def test_http_resolver_local_resolving_lambda_events_loads_neither_asyncio_nor_the_event_builders():
    loaded = modules_after(
        """
        import apigw, sys

        assert "apigw.http_resolver" not in sys.modules  # import apigw does not load it
        from apigw import HttpResolverLocal

        app = HttpResolverLocal()

        @app.get("/hello")
        def hello():
            return {"hello": "world"}

        assert app.resolve({"path": "/hello", "httpMethod": "GET"}, None)["statusCode"] == 200
        """
    )

    assert loaded["apigw.http_resolver"]
    assert not any(loaded[name] for name in ("asyncio", "apigw._async", "apigw._wire", "inspect")), loaded


@pytest.mark.once
def test_reading_app_request_in_a_middleware_loads_no_injection_machinery_for_later_routes():
    loaded = modules_after(
        """
        from apigw import APIGatewayRestResolver

        app = APIGatewayRestResolver()

        def audit(app, next_middleware):
            app.request  # loads apigw.request, and with it the Request a handler could ask for
            return next_middleware(app)

        app.use(middlewares=[audit])

        @app.get("/first")
        def first():
            return {}

        @app.get("/second")
        def second():
            return {}

        for path in ("/first", "/second"):
            assert app.resolve({"path": path, "httpMethod": "GET"}, None)["statusCode"] == 200
        """
    )

    assert loaded["apigw.request"]
    assert not loaded["apigw._injection"] and not loaded["inspect"], loaded


@pytest.mark.once
def test_a_middleware_that_declares_more_than_app_and_next_loads_the_injection_machinery():
    loaded = modules_after(
        """
        from apigw import APIGatewayRestResolver, Request

        app = APIGatewayRestResolver()

        def audit(app, next_middleware, request: Request):
            assert request.route == "/hello"
            return next_middleware(app)

        app.use(middlewares=[audit])

        @app.get("/hello")
        def hello():
            return {}

        assert app.resolve({"path": "/hello", "httpMethod": "GET"}, None)["statusCode"] == 200
        """
    )

    assert loaded["apigw._injection"]


@pytest.mark.once
def test_resolve_async_chains_of_plain_middlewares_load_no_injection_machinery_after_app_request_is_read():
    loaded = modules_after(
        """
        import asyncio
        from apigw import APIGatewayRestResolver

        app = APIGatewayRestResolver()

        async def audit(app, next_middleware):
            app.request
            return await next_middleware(app)

        app.use(middlewares=[audit])

        @app.get("/first")
        def first():
            return {}

        @app.get("/second")
        async def second():
            return {}

        for path in ("/first", "/second"):
            response = asyncio.run(app.resolve_async({"path": path, "httpMethod": "GET"}, None))
            assert response["statusCode"] == 200
        """
    )

    assert loaded["apigw.request"] and not loaded["apigw._injection"], loaded


@pytest.mark.once
def test_configure_openapi_stores_its_settings_without_loading_pydantic():
    loaded = modules_after(
        """
        from apigw import APIGatewayRestResolver

        app = APIGatewayRestResolver()
        app.configure_openapi(title="Orders", version="2.0.0")

        assert (app.openapi_config.title, app.openapi_config.version) == ("Orders", "2.0.0")
        """
    )

    assert not loaded["pydantic"], loaded


@pytest.mark.once
def test_enable_swagger_loads_the_document_builder_on_the_first_request_for_the_page():
    pytest.importorskip("pydantic")
    loaded = modules_after(
        """
        import sys
        from apigw import APIGatewayRestResolver

        app = APIGatewayRestResolver()
        app.enable_swagger(path="/docs")
        builder = ("pydantic", "apigw.openapi._schema", "apigw.openapi.models")
        before = [name for name in builder if name in sys.modules]

        event = {"path": "/docs", "httpMethod": "GET", "queryStringParameters": {"format": "json"}}
        response = app.resolve(event, None)

        assert before == [], before
        assert response["statusCode"] == 200 and '"openapi": "3.1.0"' in response["body"], response
        assert all(name in sys.modules for name in builder)
        """
    )

    assert loaded["pydantic"]

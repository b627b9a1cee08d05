"""``resolve_async``: async handlers, middlewares (async and sync mixed), exception handlers and not_found.

Every test runs against the compiled and the pure implementation (see conftest.py).
"""

from __future__ import annotations

import asyncio
import gc
import json
import threading
import warnings

import pytest
from builders import alb_event, http_event, rest_event

from apigw import APIGatewayHttpResolver, APIGatewayRestResolver, CORSConfig, Response, Router, content_types
from apigw.exceptions import InvalidEventError, NotFoundError, ResponseSerializationError


def run(coroutine):
    return asyncio.run(coroutine)


def body(response):
    return json.loads(response["body"])


def test_resolve_on_an_async_handler_says_so_whatever_the_serializer_and_closes_the_coroutine():
    app = APIGatewayRestResolver(serializer=json.dumps)

    @app.get("/async")
    async def handler():
        return {}

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(ResponseSerializationError, match="returned a coroutine.*resolve_async"):
            app.resolve(rest_event("/async"), None)
        gc.collect()

    assert not [warning for warning in caught if "never awaited" in str(warning.message)]


def test_an_async_handler_is_awaited():
    app = APIGatewayRestResolver()

    @app.get("/items/<item_id>")
    async def get_item(item_id):
        await asyncio.sleep(0)
        return {"id": item_id}

    assert body(run(app.resolve_async(rest_event("/items/7"), None))) == {"id": "7"}


def test_sync_handlers_work_in_resolve_async_and_answer_as_resolve_does():
    app = APIGatewayRestResolver()
    app.get("/sync")(lambda: {"sync": True})

    assert run(app.resolve_async(rest_event("/sync"), None)) == app.resolve(rest_event("/sync"), None)


def test_resolve_stays_a_plain_function():
    app = APIGatewayRestResolver()
    app.get("/x")(lambda: {})

    assert isinstance(app.resolve(rest_event("/x"), None), dict)


def test_resolve_on_an_async_handler_says_to_use_resolve_async():
    app = APIGatewayRestResolver()

    @app.get("/async")
    async def handler():
        return {}

    with pytest.raises(ResponseSerializationError, match="returned a coroutine.*resolve_async"):
        app.resolve(rest_event("/async"), None)


def test_concurrent_tasks_each_see_their_own_request():
    app = APIGatewayHttpResolver()
    router = Router()

    @router.get("/echo/<n>")
    async def echo(n):
        app.append_context(n=n)
        await asyncio.sleep(0.001 * (int(n) % 5))  # interleave the tasks
        return {"path": app.current_event.path, "router": router.current_event.path, "ctx": app.context["n"], "n": n}

    app.include_router(router)

    async def many():
        return await asyncio.gather(*(app.resolve_async(http_event(f"/echo/{n}"), None) for n in range(50)))

    for n, response in enumerate(run(many())):
        assert body(response) == {"path": f"/echo/{n}", "router": f"/echo/{n}", "ctx": str(n), "n": str(n)}


def recorder(name, calls, is_async):
    if is_async:

        async def middleware(app, next_middleware):
            calls.append(f"{name}:before")
            response = await next_middleware(app)
            response.headers[f"X-{name}"] = "1"
            calls.append(f"{name}:after")
            return response

    else:

        def middleware(app, next_middleware):
            calls.append(f"{name}:before")
            response = next_middleware(app)
            response.headers[f"X-{name}"] = "1"
            calls.append(f"{name}:after")
            return response

    middleware.__name__ = name
    return middleware


@pytest.mark.parametrize(
    "kinds",
    [(False, False, False), (True, True, True), (False, True, True), (True, False, True), (False, False, True)],
    ids=["all-sync", "all-async", "sync-outer", "sync-middle", "async-handler-only"],
)
def test_async_and_sync_middlewares_mix_in_order(kinds):
    outer_async, inner_async, handler_async = kinds
    calls = []
    app = APIGatewayRestResolver()
    app.use([recorder("outer", calls, outer_async)])

    if handler_async:

        async def handler():
            calls.append("handler")
            return {"ok": True}

    else:

        def handler():
            calls.append("handler")
            return {"ok": True}

    app.get("/m", middlewares=[recorder("inner", calls, inner_async)])(handler)

    response = run(app.resolve_async(rest_event("/m"), None))

    assert body(response) == {"ok": True}
    assert response["headers"]["X-outer"] == "1" and response["headers"]["X-inner"] == "1"
    assert calls == ["outer:before", "inner:before", "handler", "inner:after", "outer:after"]


def test_a_sync_middleware_around_async_code_runs_off_the_event_loop():
    loop_thread = []
    middleware_thread = []

    def sync_middleware(app, next_middleware):
        middleware_thread.append(threading.get_ident())
        return next_middleware(app)

    app = APIGatewayRestResolver()
    app.use([sync_middleware])

    @app.get("/a")
    async def handler():
        loop_thread.append(threading.get_ident())
        return {"ok": True}

    assert body(run(app.resolve_async(rest_event("/a"), None))) == {"ok": True}
    assert middleware_thread != loop_thread


def test_an_async_middleware_can_short_circuit():
    async def deny(app, next_middleware):
        return Response(401, content_types.TEXT_PLAIN, "no")

    app = APIGatewayRestResolver()
    app.get("/secret", middlewares=[deny])(lambda: {})

    assert run(app.resolve_async(rest_event("/secret"), None))["statusCode"] == 401


def test_an_async_middleware_returning_none_is_named():
    async def forgetful(app, next_middleware):
        await next_middleware(app)

    app = APIGatewayRestResolver()
    app.use([forgetful])
    app.get("/x")(lambda: {})

    with pytest.raises(TypeError, match="middleware .*forgetful returned None"):
        run(app.resolve_async(rest_event("/x"), None))


def test_async_exception_handlers_answer():
    app = APIGatewayRestResolver()

    @app.get("/boom")
    async def boom():
        raise ValueError("bad value")

    @app.exception_handler(ValueError)
    async def on_value_error(exc):
        await asyncio.sleep(0)
        return Response(422, content_types.TEXT_PLAIN, str(exc))

    response = run(app.resolve_async(rest_event("/boom"), None))

    assert (response["statusCode"], response["body"]) == (422, "bad value")


def test_an_async_not_found_handler_answers_misses():
    app = APIGatewayRestResolver()

    @app.not_found
    async def missing(exc: NotFoundError):
        return Response(404, content_types.TEXT_PLAIN, "nothing here")

    response = run(app.resolve_async(rest_event("/nope"), None))

    assert (response["statusCode"], response["body"]) == (404, "nothing here")


def test_middlewares_run_around_misses_in_resolve_async():
    calls = []
    app = APIGatewayRestResolver()
    app.use([recorder("global", calls, True)])

    response = run(app.resolve_async(rest_event("/nope"), None))

    assert response["statusCode"] == 404
    assert calls == ["global:before", "global:after"]


def test_an_unhandled_error_propagates_from_resolve_async():
    app = APIGatewayRestResolver()

    @app.get("/boom")
    async def boom():
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        run(app.resolve_async(rest_event("/boom"), None))


def test_a_cors_preflight_is_answered_by_resolve_async():
    app = APIGatewayRestResolver(cors=CORSConfig(allow_origin="https://app.example"))
    app.post("/orders")(lambda: {})

    response = run(app.resolve_async(rest_event("/orders", "OPTIONS", headers={"Origin": "https://app.example"}), None))

    assert response["statusCode"] == 204
    assert response["multiValueHeaders"]["Access-Control-Allow-Methods"] == ["OPTIONS,POST"]


def test_an_event_of_another_integration_is_refused_by_resolve_async():
    app = APIGatewayRestResolver()
    app.get("/x")(lambda: {})

    with pytest.raises(InvalidEventError, match="APIGatewayRestResolver reads .* use ALBResolver"):
        run(app.resolve_async(alb_event("/x"), None))


def test_resolve_async_answers_head_from_the_get_route_without_a_body():
    app = APIGatewayRestResolver(auto_head=True)
    app.get("/x")(lambda: {"big": "body"})

    response = run(app.resolve_async(rest_event("/x", "HEAD"), None))

    assert response["statusCode"] == 200
    assert response["body"] == ""
    assert response == app.resolve(rest_event("/x", "HEAD"), None)


def test_resolve_async_fills_the_route_context_as_resolve_does():
    app = APIGatewayRestResolver()
    seen = []

    @app.get("/items/<item_id>")
    async def get_item(item_id):
        seen.append({key: app.context[key] for key in ("_path", "_route_args", "tenant")})
        return {}

    app.append_context(tenant="t1")
    run(app.resolve_async(rest_event("/items/7"), None))

    assert seen == [{"_path": "/items/7", "_route_args": {"item_id": "7"}, "tenant": "t1"}]


class AsyncCallable:
    async def __call__(self, app, next_middleware):
        return await next_middleware(app)


async def async_function(app, next_middleware):
    return await next_middleware(app)


@pytest.mark.once
@pytest.mark.parametrize(
    "candidate, expected",
    [
        (async_function, True),
        (AsyncCallable(), True),
        (AsyncCallable().__call__, True),
        (__import__("functools").partial(async_function), True),
        (AsyncCallable, False),  # calling the class makes an instance, not a coroutine
        (lambda app, next_middleware: next_middleware(app), False),
        (print, False),
    ],
    ids=["function", "callable-object", "bound-method", "partial", "class", "sync-function", "builtin"],
)
def test_what_counts_as_asynchronous_for_resolve_async_and_the_injection_analysis(candidate, expected):
    from apigw._callables import is_async

    assert is_async(candidate) is expected


def test_async_callable_object_middleware_is_awaited():
    app, seen = APIGatewayRestResolver(), []

    class Audit:
        async def __call__(self, app, next_middleware):
            seen.append(app.current_event.path)
            return await next_middleware(app)

    app.use(middlewares=[Audit()])

    @app.get("/hello")
    async def hello():
        return {"hello": "world"}

    assert body(run(app.resolve_async(rest_event("/hello"), None))) == {"hello": "world"}
    assert seen == ["/hello"]

"""apigw memory check: resolve 1,000,000 mixed events in one process; the resident set must stay flat.

    python benchmarks/memory.py [--pure] [--events N]

Four REST apps answer, in turn, one event of each kind below. The main app has 50 static and 50 dynamic routes,
a gzip route, a route answering a ``Response`` with cookies, routes that fail, and exception handlers; a
``debug=True`` app answers unhandled exceptions with their traceback; an app with ``exception_handler(Exception)``
answers a result that cannot be serialized; an app with ``response_size_limit=2048`` makes the oversize path
cheap to reach.

- the happy paths: a static hit, a dynamic hit, a 404, a compressed response, a cookies response;
- the error paths: a handler raising a ``ServiceError`` (400), a handler exception answered by an
  ``exception_handler`` (409), an unhandled exception in debug mode (500 with the traceback; the debug printing
  goes to the null device), a result that cannot be serialized answered by ``exception_handler(Exception)``
  (422), a header carrying CR/LF refused and answered by an ``exception_handler`` (502);
- the size guard: a response over the limit that gzip brings under it (200, gzipped), and one it cannot (500,
  logged to a ``NullHandler``).

Dynamic, 404 and error paths carry a different id on every request, so a cache keyed by path (or an exception,
traceback or frame kept alive by request state) would grow and show here. The RSS (``/proc/self/statm``, after a
``gc.collect()``) is printed every 100,000 events; the first 100,000 are the warm-up. Exits 1 if the RSS grows
from there to the end by more than 5% + 2 MB, or if any response is not the one expected.

``--pure`` runs the pure-Python twins (``APIGW_NO_EXTENSIONS=1``) instead of the compiled modules.
"""

from __future__ import annotations

import argparse
import base64
import gc
import json
import logging
import os
import random
import sys
import time
from pathlib import Path

EVENTS_DIR = Path(__file__).resolve().parent.parent / "events"


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


class OrderRejected(Exception):
    """An application error that an exception handler answers."""


def build_app(apigw):
    from apigw.exceptions import BadRequestError, InvalidResponseHeaderError

    app = apigw.APIGatewayRestResolver()
    for i in range(50):
        app.get(f"/static/r{i}")(lambda i=i: {"route": i})
        app.get(f"/dyn/r{i}/<id>")(lambda id, i=i: {"route": i, "id": id})
    report = {"items": [{"id": i, "name": f"item number {i}", "price": "19.99"} for i in range(30)]}
    app.get("/report", compress=True)(lambda: report)

    @app.post("/login")
    def login():
        cookies = [apigw.Cookie("session", "abc123", path="/", http_only=True), apigw.Cookie("theme", "dark")]
        return apigw.Response(200, "application/json", {"ok": True}, {"X-Request-Id": "r-1"}, cookies)

    @app.get("/bad/<id>")
    def bad(id):
        raise BadRequestError(f"order {id} is malformed")

    @app.get("/rejected/<id>")
    def rejected(id):
        raise OrderRejected(f"order {id} was rejected")

    @app.get("/injection/<id>")
    def injection(id):
        return apigw.Response(200, "text/plain", "hi", {"X-Next": f"/orders/{id}\r\nSet-Cookie: admin=1"})

    @app.exception_handler(OrderRejected)
    def handle_rejected(exc):
        return apigw.Response(409, "application/json", {"message": str(exc)})

    @app.exception_handler(InvalidResponseHeaderError)
    def handle_injection(exc):
        return apigw.Response(502, "application/json", {"message": "refused a response header"})

    return app


def build_catch_all_app(apigw):
    # NOTE: an app of its own: exception_handler(Exception) also answers the NotFoundError of a 404.
    app = apigw.APIGatewayRestResolver()

    @app.get("/unserializable/<id>")
    def unserializable(id):
        return {"id": id, "tags": {id}}  # a set is not JSON

    @app.exception_handler(Exception)
    def handle_any(exc):
        return apigw.Response(422, "application/json", {"message": type(exc).__name__})

    return app


def build_debug_app(apigw):
    app = apigw.APIGatewayRestResolver(debug=True)

    @app.get("/crash/<id>")
    def crash(id):
        return {"id": id, "ratio": 1 / 0}

    return app


def build_small_limit_app(apigw):
    app = apigw.APIGatewayRestResolver(response_size_limit=2048)
    compressible = {"items": [{"id": i, "name": f"item number {i}"} for i in range(100)]}  # ~3 KB of JSON
    # ~4 KB of base64 text: gzip saves about a quarter, so base64 of the gzip is still over 2 KB.
    incompressible = base64.b64encode(random.Random(1).randbytes(3000)).decode("ascii")
    app.get("/big/compressible")(lambda: compressible)
    app.get("/big/incompressible")(lambda: apigw.Response(200, "text/plain", incompressible))
    return app


def quietly(resolve):
    """``resolve`` with stdout and stderr sent to the null device (debug mode prints every event and response)."""
    null = open(os.devnull, "w")

    def run(event, context):
        saved = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = null
        try:
            return resolve(event, context)
        finally:
            sys.stdout, sys.stderr = saved

    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pure", action="store_true", help="use the pure-Python twins")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--every", type=int, default=100_000)
    args = parser.parse_args()
    if args.pure:
        os.environ["APIGW_NO_EXTENSIONS"] = "1"
    import apigw  # after the environment is set: the implementation is chosen at import

    expected = "python" if args.pure else "cython"
    if apigw.IMPLEMENTATION != expected:
        sys.exit(f"apigw.IMPLEMENTATION is {apigw.IMPLEMENTATION!r}, expected {expected!r}")
    logging.getLogger("apigw").addHandler(logging.NullHandler())  # the oversize kind logs one error per event
    logging.getLogger("apigw").propagate = False
    app = build_app(apigw)
    debug = quietly(build_debug_app(apigw).resolve)
    catch_all = build_catch_all_app(apigw).resolve
    small = build_small_limit_app(apigw).resolve
    template = json.loads((EVENTS_DIR / "rest-api-v1.json").read_text())  # sends Accept-Encoding: gzip

    def event(method: str, path: str) -> dict:
        return {**template, "httpMethod": method, "path": path}

    def has(text: str):
        return lambda response: text in response["body"]

    kinds = (  # (name, resolve, method, path for request n, expected status, isBase64Encoded, body check)
        ("static hit", app.resolve, "GET", lambda n: "/static/r49", 200, False, has('"route":49')),
        ("dynamic hit", app.resolve, "GET", lambda n: f"/dyn/r{n % 50}/{n}", 200, False, has('"id"')),
        ("404", app.resolve, "GET", lambda n: f"/missing/{n}", 404, False, has("Not found")),
        ("gzip", app.resolve, "GET", lambda n: "/report", 200, True, None),
        (
            "cookies",
            app.resolve,
            "POST",
            lambda n: "/login",
            200,
            False,
            lambda response: len(response["multiValueHeaders"].get("Set-Cookie", ())) == 2,
        ),
        ("ServiceError", app.resolve, "GET", lambda n: f"/bad/{n}", 400, False, has("is malformed")),
        ("exception handler", app.resolve, "GET", lambda n: f"/rejected/{n}", 409, False, has("was rejected")),
        ("debug traceback", debug, "GET", lambda n: f"/crash/{n}", 500, False, has("ZeroDivisionError")),
        (
            "serialization error",
            catch_all,
            "GET",
            lambda n: f"/unserializable/{n}",
            422,
            False,
            has("ResponseSerializationError"),
        ),
        ("header injection", app.resolve, "GET", lambda n: f"/injection/{n}", 502, False, has("refused")),
        ("oversize gzipped", small, "GET", lambda n: "/big/compressible", 200, True, None),
        ("oversize refused", small, "GET", lambda n: "/big/incompressible", 500, False, has("2048")),
    )
    names = ", ".join(kind[0] for kind in kinds)
    print(
        f"apigw {apigw.IMPLEMENTATION}: {args.events:,} events, {len(kinds)} kinds in turn ({names}); "
        f"RSS every {args.every:,}"
    )
    print(f"{'events':>10}{'RSS MB':>10}{'since warm-up':>15}{'µs/event':>10}")
    print(f"{0:>10}{rss_mb():>10.1f}{'':>15}{'':>10}  (apps built, before the first event)")
    samples = []
    start = time.perf_counter()
    for n in range(args.events):
        name, resolve, method, path, status, b64, check = kinds[n % len(kinds)]
        response = resolve(event(method, path(n)), None)
        if response["statusCode"] != status or response["isBase64Encoded"] != b64 or (check and not check(response)):
            sys.exit(f"wrong response to the {name} kind, {method} {path(n)}: {response!r}")
        if (n + 1) % args.every == 0:
            elapsed = time.perf_counter() - start
            gc.collect()
            samples.append(rss_mb())
            growth = samples[-1] - samples[0]
            print(f"{n + 1:>10,}{samples[-1]:>10.1f}{growth:>+15.2f}{elapsed / args.every * 1e6:>10.2f}", flush=True)
            start = time.perf_counter()
    if not samples:
        sys.exit(f"--events must be at least --every ({args.every:,})")
    warm, final = samples[0], samples[-1]
    limit = warm * 0.05 + 2
    verdict = "PASS" if final - warm <= limit else "FAIL"
    print(
        f"{verdict}: RSS {warm:.1f} MB after warm-up, {final:.1f} MB at the end: "
        f"{final - warm:+.2f} MB (limit +{limit:.2f} MB = 5% + 2 MB)"
    )
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())

"""apigw memory check: resolve 1,000,000 mixed events in one process; the resident set must stay flat.

    python benchmarks/memory.py [--pure] [--events N]

One REST app (50 static and 50 dynamic routes, a gzip route, a route answering a ``Response`` with cookies)
answers, in turn: a static hit, a dynamic hit, a 404, a compressed response and a cookies response. Dynamic and
404 paths carry a different id on every request, so a cache keyed by path would grow and show here. The RSS
(``/proc/self/statm``, after a ``gc.collect()``) is printed every 100,000 events; the first 100,000 are the
warm-up. Exits 1 if the RSS grows from there to the end by more than 5% + 2 MB.

``--pure`` runs the pure-Python twins (``APIGW_NO_EXTENSIONS=1``) instead of the compiled modules.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
from pathlib import Path

EVENTS_DIR = Path(__file__).resolve().parent.parent / "events"


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def build_app(apigw):
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

    return app


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
    app = build_app(apigw)
    template = json.loads((EVENTS_DIR / "rest-api-v1.json").read_text())  # sends Accept-Encoding: gzip

    def event(method: str, path: str) -> dict:
        return {**template, "httpMethod": method, "path": path}

    kinds = (  # (method, path for request n, expected status, expected isBase64Encoded)
        ("GET", lambda n: "/static/r49", 200, False),
        ("GET", lambda n: f"/dyn/r{n % 50}/{n}", 200, False),
        ("GET", lambda n: f"/missing/{n}", 404, False),
        ("GET", lambda n: "/report", 200, True),
        ("POST", lambda n: "/login", 200, False),
    )
    print(f"apigw {apigw.IMPLEMENTATION}: {args.events:,} events, 5 kinds in turn; RSS every {args.every:,}")
    print(f"{'events':>10}{'RSS MB':>10}{'since warm-up':>15}{'µs/event':>10}")
    print(f"{0:>10}{rss_mb():>10.1f}{'':>15}{'':>10}  (app built, before the first event)")
    samples = []
    start = time.perf_counter()
    n = 0
    while n < args.events:
        for method, path, status, b64 in kinds:
            response = app.resolve(event(method, path(n)), None)
            if response["statusCode"] != status or response["isBase64Encoded"] != b64:
                sys.exit(f"wrong response for {method} {path(n)}: {response!r}")
            n += 1
        if n % args.every == 0:
            elapsed = time.perf_counter() - start
            gc.collect()
            samples.append(rss_mb())
            growth = samples[-1] - samples[0]
            print(f"{n:>10,}{samples[-1]:>10.1f}{growth:>+15.2f}{elapsed / args.every * 1e6:>10.2f}")
            start = time.perf_counter()
    if "set-cookie" not in json.dumps(response).lower():
        sys.exit("the cookies response lost its cookies")
    warm, final = samples[0], samples[-1]
    limit = warm * 0.05 + 2
    verdict = "PASS" if final - warm <= limit else "FAIL"
    print(f"{verdict}: RSS {warm:.1f} MB after warm-up, {final:.1f} MB at the end: "
          f"{final - warm:+.2f} MB (limit +{limit:.2f} MB = 5% + 2 MB)")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())

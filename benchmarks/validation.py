"""Validation benchmark: per-event cost and init time of validated routes, apigw (compiled and pure) vs Powertools.

    python benchmarks/validation.py [--quick]

Same methodology as ``bench.py`` (whose helpers it uses): every answer is checked first, batches of ~30 ms with the
garbage collector paused, contenders interleaved and rotated, median per event. Targets (issue 12): a validated
route costs at most 0.5x Powertools per event; init (import, app with validated routes, first request) at most
0.6x Powertools'.

Workloads (REST API events; the same app code for every contender, imports switched):

- ``validated POST``: ``POST /items/<item_id>``: ``item_id: int`` (path), ``limit: Annotated[int, Query(gt=0)]``,
  a pydantic model body, returns a pydantic model (response validation and serialization);
- ``validated GET``: ``GET /orders/<order_id>``: ``order_id: int``, ``verbose: bool = False`` (query), a header,
  returns a dict (no return annotation: made JSON data, as Powertools does);
- ``invalid (422)``: the POST route with a body missing a field.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import statistics
import sys
import tempfile
from typing import Any, Callable, Dict, List, Tuple

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import bench  # noqa: E402  (the shared timing helpers)

CONTENDERS = ("apigw-c", "apigw-py", "powertools")

APP_CODE = """
from typing import Annotated, List, Optional
from pydantic import BaseModel, Field

class Item(BaseModel):
    name: str
    price: float = Field(gt=0)
    tags: List[str] = []

class Created(BaseModel):
    id: int
    item: Item
    limit: int

def add_routes(app):
    @app.post("/items/<item_id>", status_code=201)
    def create_item(item_id: int, item: Item, limit: Annotated[int, Query(gt=0)] = 10) -> Created:
        return Created(id=item_id, item=item, limit=limit)

    @app.get("/orders/<order_id>")
    def get_order(order_id: int, x_tenant: Annotated[str, Header()], verbose: bool = False):
        return {"id": order_id, "tenant": x_tenant, "verbose": verbose}
"""
IMPORTS = {
    "apigw": "from apigw import APIGatewayRestResolver\nfrom apigw.openapi.params import Header, Query\n",
    "powertools": (
        "from aws_lambda_powertools.event_handler import APIGatewayRestResolver\n"
        "from aws_lambda_powertools.event_handler.openapi.params import Header, Query\n"
    ),
}


def rest_event(method: str, path: str, body: Any = None, query: Any = None, headers: Any = None) -> Dict[str, Any]:
    event = bench.make_event("REST", path)
    event["httpMethod"] = method
    event["headers"] = dict(event.get("headers") or {}, **(headers or {}))
    event["multiValueHeaders"] = {name: [value] for name, value in event["headers"].items()}
    event["queryStringParameters"] = query
    event["multiValueQueryStringParameters"] = {k: [v] for k, v in query.items()} if query else None
    event["body"] = None if body is None else json.dumps(body)
    return event


WORKLOADS: List[Tuple[str, Dict[str, Any], int, Any]] = [
    (
        "validated POST",
        rest_event(
            "POST",
            "/items/42",
            {"name": "pen", "price": 1.5, "tags": ["a"]},
            {"limit": "5"},
            {"Content-Type": "application/json"},
        ),
        201,
        {"id": 42, "item": {"name": "pen", "price": 1.5, "tags": ["a"]}, "limit": 5},
    ),
    (
        "validated GET",
        rest_event("GET", "/orders/7", None, {"verbose": "true"}, {"X-Tenant": "acme"}),
        200,
        {"id": 7, "tenant": "acme", "verbose": True},
    ),
    (
        "invalid (422)",
        rest_event("POST", "/items/42", {"name": "pen"}, None, {"Content-Type": "application/json"}),
        422,
        {"statusCode": 422, "detail": [{"loc": ["body", "price"], "type": "missing"}]},
    ),
]


def build(contender: str) -> Callable[..., Any]:
    family = "powertools" if contender == "powertools" else "apigw"
    namespace: Dict[str, Any] = {"__name__": f"app_{family}"}
    # dont_inherit: this module's ``from __future__ import annotations`` must not turn the app's into strings.
    exec(compile(IMPORTS[family] + APP_CODE, f"<{family} app>", "exec", dont_inherit=True), namespace)
    if family == "apigw":
        with bench.implementation("cython" if contender == "apigw-c" else "python"):
            app = namespace["APIGatewayRestResolver"](enable_validation=True)
    else:
        app = namespace["APIGatewayRestResolver"](enable_validation=True)
    namespace["add_routes"](app)
    return app.resolve  # type: ignore[no-any-return]


def measure_per_event(repeats: int) -> Dict[Tuple[str, str], float]:
    calls = {}
    for label, event, status, expected in WORKLOADS:
        for contender in CONTENDERS:
            resolve = build(contender)
            response = resolve(event, None)
            if response["statusCode"] != status or json.loads(response["body"]) != expected:
                sys.exit(f"WRONG ANSWER from {contender} on {label!r}: {response!r}")
            calls[(label, contender)] = functools.partial(resolve, event, None)
    return bench.interleaved_medians(calls, repeats)


COLD_CODE = """\
import time
t0 = time.perf_counter()
{imports}
{app}
app = APIGatewayRestResolver(enable_validation=True)
add_routes(app)
t1 = time.perf_counter()
response = app.resolve({event!r}, None)
t2 = time.perf_counter()
assert response["statusCode"] == 201, response
print((t1 - t0) * 1000, (t2 - t0) * 1000)
"""


FLOOR_CODE = """\
import time
t0 = time.perf_counter()
Query = Header = lambda **kwargs: None
{app}
t1 = time.perf_counter()
print((t1 - t0) * 1000, (t1 - t0) * 1000)
"""


def measure_init(runs: int) -> Dict[str, Tuple[float, float]]:
    event = WORKLOADS[0][1]
    codes = {
        "apigw-c": COLD_CODE.format(imports=IMPORTS["apigw"], app=APP_CODE, event=event),
        "apigw-py": COLD_CODE.format(imports=IMPORTS["apigw"], app=APP_CODE, event=event),
        "powertools": COLD_CODE.format(imports=IMPORTS["powertools"], app=APP_CODE, event=event),
        # What any pydantic-based validation pays before the framework: pydantic and the app's own models.
        "pydantic floor": FLOOR_CODE.format(app=APP_CODE),
    }
    names = list(codes)
    samples: Dict[str, List[Tuple[float, float]]] = {name: [] for name in names}
    with tempfile.TemporaryDirectory(prefix="apigw-bench-pycache-") as pycache:
        env = {k: v for k, v in os.environ.items() if k not in ("APIGW_NO_EXTENSIONS", "PYTHONDONTWRITEBYTECODE")}
        env["PYTHONPYCACHEPREFIX"] = pycache
        import subprocess

        def child(name: str) -> Tuple[float, float]:
            child_env = dict(env, APIGW_NO_EXTENSIONS="1") if name == "apigw-py" else env
            done = subprocess.run([sys.executable, "-c", codes[name]], env=child_env, capture_output=True, text=True)
            if done.returncode != 0:
                sys.exit(f"init child {name} failed:\n{done.stderr}")
            build_ms, first_ms = done.stdout.split()
            return float(build_ms), float(first_ms)

        for name in names:  # warm-up: bytecode cached, as in a deployed package
            child(name)
        for run in range(runs):
            for name in names[run % len(names) :] + names[: run % len(names)]:
                samples[name].append(child(name))
    return {
        name: (statistics.median(s[0] for s in samples[name]), statistics.median(s[1] for s in samples[name]))
        for name in names
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats (a smoke run)")
    args = parser.parse_args()
    repeats, runs = (5, 5) if args.quick else (15, 15)
    bench.print_header(repeats, runs)
    medians = measure_per_event(repeats)
    print("\nper event, µs (median)            apigw-c  apigw-py  powertools   c/pt   py/pt")
    worst = 0.0
    for label, *_ in WORKLOADS:
        c, py, pt = (medians[(label, name)] for name in CONTENDERS)
        worst = max(worst, c / pt, py / pt)
        print(f"{label:<32} {c:>8.1f} {py:>9.1f} {pt:>11.1f} {c / pt:>6.2f} {py / pt:>7.2f}")
    init = measure_init(runs)
    floor = init["pydantic floor"][0]
    print("\ninit, ms (median of fresh interpreters)   apigw-c  apigw-py  powertools   c/pt   py/pt   floor/pt")
    for index, label in enumerate(("import + app + routes", "... + first request")):
        c, py, pt = (init[name][index] for name in CONTENDERS)
        print(f"{label:<40} {c:>8.1f} {py:>9.1f} {pt:>11.1f} {c / pt:>6.2f} {py / pt:>7.2f} {floor / pt:>10.2f}")
    print(f"(floor: importing pydantic and defining the app's two models, no framework: {floor:.1f} ms)")
    first = max(init["apigw-c"][1], init["apigw-py"][1]) / init["powertools"][1]
    print(
        f"\n{'PASS' if worst <= 0.5 else 'FAIL'}: validated per-event cost at most 0.5x Powertools (worst {worst:.2f}x)"
    )
    print(f"{'PASS' if first <= 0.6 else 'FAIL'}: init to first response at most 0.6x Powertools (worst {first:.2f}x)")


if __name__ == "__main__":
    main()

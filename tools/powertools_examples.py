"""Run Powertools' REST event-handler documentation examples on Powertools and on apigw, with only the imports switched.

    python tools/powertools_examples.py --examples /path/to/examples/event_handler_rest/src [--impl python]

``--examples`` is a copy of the ``examples/event_handler_rest/src`` folder of the Powertools repository (``*.py``
apps, their ``<name>.json`` events and ``<name>_output.json`` documented responses). Those files are never part of
this repository; fetch them separately. Positional names narrow the run to some examples (``data_validation``).
Besides the ``test`` and ``validation`` extras, the examples need ``email-validator`` (two use pydantic's
``EmailStr``, which apigw refuses at registration when it cannot validate it).

Each example module is imported twice, each time in a fresh process: once as written (Powertools), once with the
import hook of ``tools/powertools_suite.py`` installed, so that every ``aws_lambda_powertools.event_handler*`` module
is apigw's. Its HTTP resolvers are driven through the example's own handler (``lambda_handler``, ``<prefix>_handler``
for a ``<prefix>_app``; else ``app.resolve``) with the same events on both sides: the example's paired event files
(``<name>.json``, ``<name>_<case>.json``) when it has some, otherwise one event per route of the app (up to
``MAX_ROUTES``; placeholders filled with ``1``; a JSON body for methods that take one) built with
``apigw.integrations`` for the resolver's integration, plus a request for a path no route matches.

The responses are compared as a client sees them: the status; the header values of ``headers``,
``multiValueHeaders`` and ``cookies`` merged per lower-cased name (API Gateway merges the two maps; apigw fills both
where Powertools v3 fills one, see README); ``isBase64Encoded``; the body, base64- and gzip-decoded and parsed when
it is JSON. Values that differ on every run (UUIDs) are masked; ALB's and Lattice's ``statusDescription`` (which
apigw adds, see README) is not compared. An exception escaping the handler is compared by its type name. Where a
``<name>_output.json`` documents the response, each side is also checked against it (status, body, the headers it
names); the documentation's outputs are illustrative, so only a response that matches on Powertools and not on apigw
is a difference.

Examples that are pytest test files (``assert_*``, ``*_testing``) are run by pytest on both sides. Examples without
an HTTP resolver (OpenAPI merge scripts, middleware modules imported by other examples) and examples that do not run
on Powertools itself are skipped with the reason. Network calls (``requests``) and AWS calls (``boto3``) are answered
by small stand-ins (``STUBS``); Logger and Tracer run offline (``POWERTOOLS_TRACE_DISABLED``).

One row per example: ``ok``, ``expected`` (only differences listed in ``EXPECTED_DIFFERENCES``, each a deliberate
apigw choice from README's compatibility table), ``differs`` (with the first difference), ``import error`` (apigw
lacks a name the example imports) or ``skipped`` (why). The exit status is 1 when an example that runs on
Powertools differs or does not import on apigw.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
MAX_ROUTES = 12
WORKER_TIMEOUT_SECONDS = 120
NOT_FOUND_PATH = "/no-route-has-this-path"
# Sent with every built event, so that examples reading these headers get them on both sides.
REQUEST_HEADERS = {
    "X-Api-Key": "example-api-key",
    "x-correlation-id": "example-correlation",
    "correlation-id": "0123456789abcdef",
    "Origin": "https://www.example.com",
    "Accept-Encoding": "gzip",
}
REQUEST_BODY = json.dumps({"id": 1, "title": "foo", "userId": 1, "completed": False})
BODY_METHODS = ("POST", "PUT", "PATCH")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# A route rule with regex syntax besides <placeholders> cannot be turned into a path by filling it in.
REGEX_SYNTAX = re.compile(r"[\\.+*?()\[\]{}|^$]")

# Resolver class name -> apigw.integrations name of the events it reads.
INTEGRATIONS = {
    "APIGatewayRestResolver": "rest",
    "ApiGatewayResolver": "rest",
    "HttpResolver": "rest",
    "HttpResolverLocal": "rest",
    "APIGatewayHttpResolver": "http",
    "LambdaFunctionUrlResolver": "url",
    "ALBResolver": "alb",
    "VPCLatticeResolver": "lattice",
    "VPCLatticeV2Resolver": "lattice-v2",
}
NOT_HTTP = ("AppSync", "Bedrock")

# Differences that are deliberate apigw choices (README, "Compatibility with Powertools"). Each entry: a name, the
# README row it stands for, and a test of one difference (kind, name, Powertools' value, apigw's value).
EXPECTED_DIFFERENCES = [
    {
        "name": "vary",
        "reason": "apigw adds `Vary: Origin` to CORS answers echoing the origin and `Vary: Accept-Encoding` to a "
        "compressing route's responses (README: CORS with an allowed Origin; a compressing route's responses)",
        "test": lambda kind, name, powertools, apigw: kind == "header" and name == "vary" and powertools is None,
    },
    {
        "name": "cors-origin-echoed",
        "reason": "an Origin allowed through a wildcard is echoed in Access-Control-Allow-Origin where Powertools "
        "sends `*` (README: CORS with an allowed Origin)",
        "test": lambda kind, name, powertools, apigw: (
            kind == "header"
            and name == "access-control-allow-origin"
            and powertools == ["*"]
            and apigw == [REQUEST_HEADERS["Origin"]]
        ),
    },
    {
        "name": "swagger-ui-assets",
        "reason": "Swagger UI page: apigw loads the assets from swagger_base_url instead of inlining Powertools' "
        "bundled copy (README: Swagger UI assets)",
        "test": lambda kind, name, powertools, apigw: kind == "body" and name == "swagger-html",
    },
]

# --- stand-ins for network and AWS SDK calls (written as modules into a scratch folder on sys.path) ----------------

STUBS = {
    "requests/__init__.py": '''
"""Stand-in for requests: answers the examples' jsonplaceholder calls from a fixed list of todos, offline."""
import json as _json
import os as _os


def _todos():
    path = _os.environ.get("EXAMPLES_TODOS")
    if path:
        with open(path) as handle:
            return _json.load(handle)
    return [{"userId": 1, "id": n, "title": f"todo {n}", "completed": n % 3 == 0} for n in range(1, 11)]


class HTTPError(Exception):
    pass


class Response:
    def __init__(self, status_code, payload):
        self.status_code = status_code
        self._payload = payload
        self.text = _json.dumps(payload)

    def json(self):
        return self._payload

    def raise_for_status(self):
        if self.status_code >= 400:
            raise HTTPError(f"{self.status_code} error")


def _answer(method, url, data=None, json=None, **kwargs):
    path = url.split("://", 1)[-1].split("/", 1)[-1].split("?", 1)[0].rstrip("/")
    todos = _todos()
    if method != "GET":
        created = dict(json if json is not None else (data or {}))
        created["id"] = 201
        return Response(201, created)
    last = path.rsplit("/", 1)[-1]
    if last.isdigit():
        found = [todo for todo in todos if todo["id"] == int(last)]
        return Response(200, found[0]) if found else Response(404, {})
    return Response(200, todos)


def get(url, **kwargs):
    return _answer("GET", url, **kwargs)


def post(url, **kwargs):
    return _answer("POST", url, **kwargs)


def put(url, **kwargs):
    return _answer("PUT", url, **kwargs)


def delete(url, **kwargs):
    return _answer("DELETE", url, **kwargs)
''',
    "boto3/__init__.py": '''
"""Stand-in for boto3: a DynamoDB resource whose tables answer with fixed items, offline."""


class _Table:
    def __init__(self, name):
        self.name = name

    def scan(self, **kwargs):
        return {"Items": [{"id": "order-1"}]}

    def query(self, **kwargs):
        return {"Items": [{"id": "order-1"}]}

    def get_item(self, Key, **kwargs):
        return {"Item": {**Key, "name": "Jane"}}

    def put_item(self, Item, **kwargs):
        return {}


class _Resource:
    def Table(self, name):
        return _Table(name)


def resource(service_name, **kwargs):
    return _Resource()


def client(service_name, **kwargs):
    raise RuntimeError("boto3 clients are not stubbed by the examples runner")
''',
}

# --- the worker (runs in a fresh process: imports one example and drives it) --------------------------------------


class LambdaContext:
    """The Lambda context the examples' handlers get (Logger.inject_lambda_context reads these)."""

    function_name = "example"
    function_version = "$LATEST"
    memory_limit_in_mb = 128
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:example"
    aws_request_id = "00000000-0000-4000-8000-000000000000"
    log_group_name = "/aws/lambda/example"
    log_stream_name = "example"

    def get_remaining_time_in_millis(self) -> int:
        return 30000


def _resolvers(module) -> list:
    """(variable name, resolver) of the module's HTTP resolver instances, in definition order."""
    found = []
    for name, value in vars(module).items():
        cls = type(value)
        if not (callable(getattr(value, "resolve", None)) and callable(getattr(value, "include_router", None))):
            continue
        if isinstance(value, type) or any(part in cls.__name__ for part in NOT_HTTP):
            continue
        if any(value is seen for _, seen in found):
            continue
        found.append((name, value))
    return found


def _not_http(module) -> list:
    return [name for name, value in vars(module).items() if any(part in type(value).__name__ for part in NOT_HTTP)]


def _integration_name(resolver) -> str:
    for cls in type(resolver).__mro__:
        if cls.__name__ in INTEGRATIONS:
            return INTEGRATIONS[cls.__name__]
    return "rest"


def _handler_for(module, variable: str, resolver):
    """The example's own entry point for this resolver, else its resolve method."""
    candidates = ["lambda_handler"]
    if variable.endswith("_app"):
        candidates.insert(0, variable[: -len("_app")] + "_handler")
    for name in candidates:
        function = getattr(module, name, None)
        if callable(function) and getattr(function, "__module__", None) == module.__name__:
            return name, function
    return f"{variable}.resolve", resolver.resolve


def _route_paths(resolver) -> list:
    """(method, rule text, is the Swagger UI route) of a resolver's routes (Powertools' or apigw's)."""
    if hasattr(resolver, "_static_routes"):
        routes = list(resolver._static_routes) + list(resolver._dynamic_routes)
        return [(r.method, r.path, getattr(r.func, "__name__", "") == "swagger_handler") for r in routes]
    return [(r.method, r.rule, getattr(r.func, "__name__", "") == "swagger") for r in resolver.routes]


def _built_events(resolver) -> list:
    from apigw.integrations import BY_NAME

    integration = BY_NAME[_integration_name(resolver)]
    cases = []
    for method, rule, swagger in _route_paths(resolver)[:MAX_ROUTES]:
        path = re.sub(r"<[^>]+>", "1", rule)
        if REGEX_SYNTAX.search(path):
            path = "/any/matching/path"
        query = {"format": "json"} if swagger else None
        body = REQUEST_BODY if method in BODY_METHODS else None
        headers = dict(REQUEST_HEADERS, **({"Content-Type": "application/json"} if body else {}))
        event = integration.build_event(method, path, query=query, headers=headers, body=body)
        label = f"{method} {path}" + ("?format=json" if swagger else "")
        cases.append({"name": label, "event": event, "swagger": swagger})
    event = integration.build_event("GET", NOT_FOUND_PATH, headers=REQUEST_HEADERS)
    cases.append({"name": f"GET {NOT_FOUND_PATH}", "event": event, "swagger": False})
    return cases


def _call(handler, event):
    import asyncio
    import inspect

    try:
        result = handler(event, LambdaContext())
        if inspect.iscoroutine(result):
            result = asyncio.run(result)
        return {"response": json.loads(json.dumps(result, default=repr))}
    except Exception as exc:  # noqa: BLE001 - the exception is the outcome being compared
        return {"raised": f"{type(exc).__name__}: {exc}"[:300]}


def worker(args) -> int:
    examples = Path(args.examples)
    sys.path[:0] = [str(examples), str(TOOLS)]
    os.chdir(examples)
    outcome: dict = {"module": args.module}
    if args.target == "apigw":
        import powertools_suite

        powertools_suite.install_import_hook()
    try:
        module = __import__(args.module)
    except ImportError as exc:
        outcome.update(status="import-error", error=f"{type(exc).__name__}: {exc}")
    except BaseException as exc:  # noqa: BLE001 - a module that fails at import is a result, SystemExit included
        outcome.update(status="import-failed", error=f"{type(exc).__name__}: {exc}")
    else:
        outcome["status"] = "imported"
        outcome["tests"] = sorted(name for name in vars(module) if name.startswith("test_"))
        outcome["not_http"] = _not_http(module)
        resolvers = _resolvers(module)
        outcome["resolvers"] = [f"{name} ({type(value).__name__})" for name, value in resolvers]
        cases = json.loads(Path(args.events).read_text()) if args.events else None
        results = []
        if cases is None:
            cases = []
            paired = json.loads(Path(args.paired).read_text()) if args.paired else []
            for name, resolver in resolvers:
                handler_name, _ = _handler_for(module, name, resolver)
                own = paired if paired else _built_events(resolver)
                for case in own:
                    cases.append({**case, "resolver": name, "handler": handler_name})
            Path(args.events_out).write_text(json.dumps(cases))
        by_name = dict(resolvers)
        for case in cases:
            resolver = by_name.get(case["resolver"])
            if resolver is None:
                results.append({"raised": f"no resolver named {case['resolver']} on this side"})
                continue
            _, handler = _handler_for(module, case["resolver"], resolver)
            results.append(_call(handler, case["event"]))
        outcome["results"] = results
    Path(args.out).write_text(json.dumps(outcome, default=repr))
    return 0


# --- comparing responses -------------------------------------------------------------------------------------------


def _mask(value):
    return UUID.sub("<uuid>", value) if isinstance(value, str) else value


def client_headers(response: dict) -> dict:
    """Lower-cased header name -> its values as a client sees them (single and multi-value maps merged)."""
    merged: dict = {}

    def add(name, value):
        values = merged.setdefault(name.lower(), [])
        value = _mask(str(value))
        if value not in values:
            values.append(value)

    for name, value in (response.get("headers") or {}).items():
        add(name, value)
    for name, values in (response.get("multiValueHeaders") or {}).items():
        for value in values or []:
            add(name, value)
    for cookie in response.get("cookies") or []:
        add("Set-Cookie", cookie)
    return merged


def decoded_body(response: dict):
    body = response.get("body")
    if body is None or body == "":
        return body
    if not isinstance(body, str):
        return body
    raw = body.encode()
    if response.get("isBase64Encoded"):
        try:
            raw = base64.b64decode(body, validate=True)
        except (binascii.Error, ValueError):
            return body
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    try:
        text = raw.decode()
    except UnicodeDecodeError:
        return "<binary %d bytes: %s>" % (len(raw), base64.b64encode(raw[:32]).decode())
    try:
        return json.loads(text)
    except ValueError:
        return text


def differences(powertools: dict, apigw: dict, swagger: bool = False) -> list:
    """(kind, name, Powertools' value, apigw's value) for each difference between two outcomes of one case."""
    if "raised" in powertools or "raised" in apigw:
        powertools_raised = (powertools.get("raised") or "").split(":", 1)[0]
        apigw_raised = (apigw.get("raised") or "").split(":", 1)[0]
        return (
            [] if powertools_raised == apigw_raised else [("raised", "", powertools.get("raised"), apigw.get("raised"))]
        )
    powertools, apigw = powertools["response"], apigw["response"]
    found = []
    if powertools.get("statusCode") != apigw.get("statusCode"):
        found.append(("status", "", powertools.get("statusCode"), apigw.get("statusCode")))
    powertools_headers, apigw_headers = client_headers(powertools), client_headers(apigw)
    for name in sorted(set(powertools_headers) | set(apigw_headers)):
        if swagger and name == "content-encoding":
            continue
        if powertools_headers.get(name) != apigw_headers.get(name):
            found.append(("header", name, powertools_headers.get(name), apigw_headers.get(name)))
    powertools_body, apigw_body = decoded_body(powertools), decoded_body(apigw)
    if powertools_body != apigw_body:
        html = swagger and isinstance(powertools_body, str) and powertools_body.lstrip().startswith("<")
        found.append(("body", "swagger-html" if html else "", powertools_body, apigw_body))
    if not found and bool(powertools.get("isBase64Encoded")) != bool(apigw.get("isBase64Encoded")):
        found.append(("isBase64Encoded", "", powertools.get("isBase64Encoded"), apigw.get("isBase64Encoded")))
    return found


def expected_reason(difference: tuple):
    for entry in EXPECTED_DIFFERENCES:
        if entry["test"](*difference):
            return entry["name"]
    return None


def matches_documented(outcome: dict, documented: dict) -> bool:
    """The response has the documented status, body and the values of the headers the documentation names."""
    if "response" not in outcome:
        return False
    response = outcome["response"]
    if "statusCode" in documented and documented["statusCode"] != response.get("statusCode"):
        return False
    if "body" in documented and decoded_body(documented) != decoded_body(response):
        return False
    got = client_headers(response)
    for name, values in client_headers(documented).items():
        if "<" in "".join(values) or name == "x-transaction-id":
            continue  # placeholders and per-request values in the documentation
        if got.get(name) != values:
            return False
    return True


def _one_line(value, limit: int = 160) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def describe(difference: tuple) -> str:
    kind, name, powertools, apigw = difference
    label = f"{kind} {name}".strip()
    return _one_line(f"{label}: powertools={_one_line(powertools, 70)} apigw={_one_line(apigw, 70)}")


# --- the runner ----------------------------------------------------------------------------------------------------


def pairing(folder: Path, modules: list) -> tuple:
    """Events per module (longest module-name prefix of each ``<name>.json``) and documented outputs per event."""
    names = sorted(modules, key=len, reverse=True)
    events: dict = {}
    outputs: dict = {}
    for path in sorted(folder.glob("*.json")):
        stem = path.stem
        if stem.endswith("_output"):
            continue
        owner = next((name for name in names if stem == name or stem.startswith(name + "_")), None)
        if owner is not None:
            events.setdefault(owner, []).append(stem)
    event_stems = sorted({stem for stems in events.values() for stem in stems} | set(modules), key=len, reverse=True)
    unpaired = []
    for path in sorted(folder.glob("*_output.json")):
        stem = path.stem[: -len("_output")]
        owner = next((name for name in event_stems if stem == name or stem.startswith(name + "_")), None)
        if owner is None:
            unpaired.append(path.name)
        else:
            outputs.setdefault(owner, []).append(path)
    return events, outputs, unpaired


def _run_worker(target: str, module: str, folder: Path, scratch: Path, impl: str, **files) -> dict:
    out = scratch / f"{module}.{target}.json"
    command = [sys.executable, __file__, "--worker", "--target", target, "--module", module, "--examples", str(folder)]
    command += ["--out", str(out)]
    for option, path in files.items():
        if path is not None:
            command += [f"--{option.replace('_', '-')}", str(path)]
    env = _environment(scratch, target, impl)
    try:
        completed = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=WORKER_TIMEOUT_SECONDS, cwd=folder
        )
    except subprocess.TimeoutExpired:
        return {"status": "import-failed", "error": f"timed out after {WORKER_TIMEOUT_SECONDS}s"}
    if not out.exists():
        lines = [line for line in (completed.stderr or completed.stdout).splitlines() if line.strip()]
        return {"status": "import-failed", "error": lines[-1] if lines else f"exit status {completed.returncode}"}
    return json.loads(out.read_text())


def _environment(scratch: Path, target: str, impl: str) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(scratch / "stubs"), str(TOOLS), env.get("PYTHONPATH")]))
    env.update(
        POWERTOOLS_TRACE_DISABLED="1",
        POWERTOOLS_SERVICE_NAME="examples",
        POWERTOOLS_METRICS_NAMESPACE="examples",
        AWS_DEFAULT_REGION="us-east-1",
        LAMBDA_TASK_ROOT=str(scratch / "task_root"),
        TABLE_NAME="orders",
        ORDERS_TABLE="orders",
        USERS_TABLE="users",
        EXAMPLES_TODOS=str(scratch / "todos.json"),
    )
    for name in ("POWERTOOLS_DEV", "POWERTOOLS_DEBUG", "APIGW_NO_EXTENSIONS", "APIGW_REQUIRE_EXTENSIONS"):
        env.pop(name, None)
    if target == "apigw":
        env["APIGW_NO_EXTENSIONS" if impl == "python" else "APIGW_REQUIRE_EXTENSIONS"] = "1"
    return env


def _prepare_scratch(folder: Path, scratch: Path) -> None:
    for relative, text in STUBS.items():
        path = scratch / "stubs" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.lstrip())
    (scratch / "task_root").mkdir()
    logo = folder / "binary_responses_logo.svg"
    (scratch / "task_root" / "logo.svg").write_bytes(logo.read_bytes() if logo.exists() else b"<svg/>")
    # NOTE: the todos the documented outputs show, when the documentation's gzip example is at hand.
    todos = None
    documented = folder / "compressing_responses_output.json"
    if documented.exists():
        try:
            todos = decoded_body(json.loads(documented.read_text())).get("todos")
        except (ValueError, AttributeError, OSError):
            todos = None
    if todos:
        (scratch / "todos.json").write_text(json.dumps(todos))


def _run_pytest(target: str, module: str, folder: Path, scratch: Path, impl: str) -> dict:
    """pytest over one example test file: test id -> outcome."""
    report = scratch / f"{module}.{target}.pytest.json"
    ini = scratch / "pytest.ini"
    ini.write_text("[pytest]\n")
    env = _environment(scratch, target, impl)
    env["PYTHONPATH"] = os.pathsep.join([str(folder), env["PYTHONPATH"]])
    env["POWERTOOLS_SUITE_TARGET"] = target
    env["POWERTOOLS_SUITE_REPORT"] = str(report)
    command = [
        sys.executable, "-m", "pytest", "-q", "-p", "powertools_suite", "-p", "no:cacheprovider", "-c", str(ini),
        "--rootdir", str(scratch), "-o", "addopts=", str(folder / f"{module}.py"),
    ]  # fmt: skip
    try:
        subprocess.run(command, env=env, capture_output=True, text=True, timeout=WORKER_TIMEOUT_SECONDS, cwd=scratch)
    except subprocess.TimeoutExpired:
        return {}
    if not report.exists():
        return {}
    outcomes = json.loads(report.read_text())["outcomes"]
    return {nodeid.split("::")[-1]: record for nodeid, record in outcomes.items()}


def run_example(module: str, folder: Path, scratch: Path, impl: str, events: dict, outputs: dict) -> dict:
    """One example on both sides: {"row": kind, "detail": text, ...}."""
    paired_file = None
    if module in events:
        paired_file = scratch / f"{module}.paired.json"
        cases = []
        for stem in events[module]:
            event = json.loads((folder / f"{stem}.json").read_text())
            cases.append({"name": f"{stem}.json", "event": event, "swagger": False, "stem": stem})
        paired_file.write_text(json.dumps(cases))
    events_file = scratch / f"{module}.events.json"
    powertools_side = _run_worker(
        "powertools", module, folder, scratch, impl, paired=paired_file, events_out=events_file
    )
    if powertools_side.get("status") != "imported":
        detail = f"does not run on Powertools: {_one_line(powertools_side.get('error'), 110)}"
        if powertools_side.get("status") == "import-error" and "aws_lambda_powertools" in powertools_side.get(
            "error", ""
        ):
            # NOTE: an example newer than the installed Powertools: nothing to compare with, but say how apigw fares.
            detail += "; apigw alone: " + _apigw_alone(module, folder, scratch, impl, paired_file)
        return {"row": "skipped", "detail": detail}
    if powertools_side.get("not_http") and not powertools_side["resolvers"]:
        return {"row": "skipped", "detail": f"not an HTTP resolver: {', '.join(powertools_side['not_http'])}"}
    if powertools_side["tests"] and not powertools_side["resolvers"]:
        return _compare_tests(module, folder, scratch, impl, powertools_side["tests"])
    if not powertools_side["resolvers"]:
        return {"row": "skipped", "detail": "no HTTP resolver in the module (a helper or an OpenAPI-merge script)"}
    apigw_side = _run_worker("apigw", module, folder, scratch, impl, events=events_file)
    if apigw_side.get("status") != "imported":
        return {"row": "import error", "detail": _one_line(apigw_side.get("error"), 140)}
    cases = json.loads(events_file.read_text())
    unexpected, expected, powertools_raises = [], set(), []
    for case, powertools, apigw in zip(cases, powertools_side["results"], apigw_side["results"]):
        if "raised" in powertools and apigw.get("raised", "").split(":", 1)[0] != powertools["raised"].split(":", 1)[0]:
            # NOTE: the case does not run on Powertools itself: nothing to compare apigw with.
            answer = apigw.get("raised") or f"answers {apigw['response'].get('statusCode')}"
            powertools_raises.append(
                f"[{case['name']}] Powertools raises {_one_line(powertools['raised'], 60)}; "
                f"apigw {_one_line(answer, 60)}"
            )
            continue
        for difference in differences(powertools, apigw, case.get("swagger", False)):
            reason = expected_reason(difference)
            if reason:
                expected.add(reason)
            else:
                unexpected.append(f"[{case['name']}] {describe(difference)}")
    documented = _documented(module, cases, powertools_side["results"], apigw_side["results"], outputs)
    unexpected += documented["differs"]
    detail = f"{len(cases)} request(s)"
    if documented["notes"]:
        detail += "; " + "; ".join(documented["notes"])
    if unexpected:
        return {"row": "differs", "detail": unexpected[0], "all": unexpected + powertools_raises}
    if powertools_raises:
        return {"row": "skipped", "detail": f"{detail}; " + powertools_raises[0], "all": powertools_raises}
    if expected:
        return {"row": "expected", "detail": f"{detail}; expected: {', '.join(sorted(expected))}"}
    return {"row": "ok", "detail": detail}


def _apigw_alone(module: str, folder: Path, scratch: Path, impl: str, paired_file) -> str:
    """How apigw answers an example Powertools cannot import: the statuses of its requests, or why not."""
    events_file = scratch / f"{module}.apigw-alone.json"
    side = _run_worker("apigw", module, folder, scratch, impl, paired=paired_file, events_out=events_file)
    if side.get("status") != "imported":
        return _one_line(side.get("error"), 80)
    if not side.get("resolvers"):
        return "imports; no HTTP resolver" + (f", {len(side['tests'])} test(s)" if side.get("tests") else "")
    answers = [str(r["response"].get("statusCode")) if "response" in r else r["raised"][:40] for r in side["results"]]
    return f"{len(answers)} request(s) answered {', '.join(answers)}"


def _documented(module: str, cases: list, powertools_results: list, apigw_results: list, outputs: dict) -> dict:
    """Check both sides against the documented ``*_output.json`` of the first case of each event."""
    result: dict = {"differs": [], "notes": []}
    for index, case in enumerate(cases):
        stem = case.get("stem") if case.get("stem") else (module if index == 0 else None)
        for path in outputs.get(stem, []) if stem else []:
            try:
                documented = json.loads(path.read_text())
            except ValueError:
                result["notes"].append(f"{path.name} is not valid JSON")
                continue
            on_powertools = matches_documented(powertools_results[index], documented)
            on_apigw = matches_documented(apigw_results[index], documented)
            if on_powertools and not on_apigw:
                result["differs"].append(f"[{case['name']}] response differs from {path.name} (Powertools matches)")
            elif on_apigw:
                result["notes"].append(f"matches {path.name}")
            else:
                result["notes"].append(f"{path.name} matched by neither (illustrative)")
    return result


def _compare_tests(module: str, folder: Path, scratch: Path, impl: str, tests: list) -> dict:
    powertools = _run_pytest("powertools", module, folder, scratch, impl)
    apigw = _run_pytest("apigw", module, folder, scratch, impl)
    passing = [name for name, record in powertools.items() if record["outcome"] == "passed"]
    if not passing:
        reasons = "; ".join(record.get("reason", "") for record in powertools.values()) or "pytest did not run"
        return {"row": "skipped", "detail": f"test file; fails on Powertools: {_one_line(reasons, 100)}"}
    failing = [name for name in passing if apigw.get(name, {}).get("outcome") != "passed"]
    if failing:
        reason = apigw.get(failing[0], {}).get("reason", "not run")
        return {"row": "differs", "detail": f"test file: {failing[0]} fails on apigw: {_one_line(reason, 110)}"}
    return {"row": "ok", "detail": f"test file: {len(passing)} test(s) pass on both"}


def main(argv: list | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--examples", required=True, type=Path, help="folder of Powertools' REST examples")
    parser.add_argument("--impl", choices=("cython", "python"), default="cython", help="apigw implementation")
    parser.add_argument("--jobs", type=int, default=2, help="examples run at once")
    parser.add_argument("--verbose", action="store_true", help="every difference, not only the first")
    parser.add_argument("--expected-differences", action="store_true", help="list the expected differences")
    parser.add_argument("names", nargs="*", help="example module names (default: every *.py)")
    # the worker half
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    for option in ("--target", "--module", "--out", "--events", "--events-out", "--paired"):
        parser.add_argument(option, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return worker(args)
    if args.expected_differences:
        for entry in EXPECTED_DIFFERENCES:
            print(f"{entry['name']}: {entry['reason']}")
        return 0

    folder = args.examples.resolve()
    if not folder.is_dir():
        parser.error(f"{folder} is not a folder")
    modules = sorted(path.stem for path in folder.glob("*.py"))
    names = args.names or modules
    unknown = [name for name in names if name not in modules]
    if unknown:
        parser.error(f"not in {folder}: {', '.join(unknown)}")
    events, outputs, unpaired = pairing(folder, modules)
    with tempfile.TemporaryDirectory(prefix="powertools-examples-") as scratch_name:
        scratch = Path(scratch_name)
        _prepare_scratch(folder, scratch)
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            rows = list(pool.map(lambda name: run_example(name, folder, scratch, args.impl, events, outputs), names))
    width = max(len(name) for name in names)
    counts: dict = {}
    print(f"Powertools REST examples in {folder}, apigw {args.impl}")
    for name, row in zip(names, rows):
        counts[row["row"]] = counts.get(row["row"], 0) + 1
        print(f"{name:<{width}}  {row['row']:<12}  {row['detail']}")
        if args.verbose:
            for line in row.get("all", [])[1:]:
                print(f"{'':<{width}}  {'':<12}  {line}")
    if unpaired and not args.names:
        print(f"\ndocumented outputs with no example or event of that name: {', '.join(unpaired)}")
    summary = ", ".join(f"{counts.get(kind, 0)} {kind}" for kind in ("ok", "expected", "differs", "import error"))
    print(f"\n{len(names)} examples: {summary}, {counts.get('skipped', 0)} skipped")
    return 1 if counts.get("differs") or counts.get("import error") else 0


if __name__ == "__main__":
    sys.exit(main())

"""``python -m apigw``: run, inspect and poke a Lambda HTTP app locally, with the standard library only.

::

    python -m apigw serve examples/getting_started.py:app          # a local HTTP server on 127.0.0.1:3000
    python -m apigw routes examples/getting_started.py:app         # the route table, with shadowed routes flagged
    python -m apigw event http POST /orders -H 'Content-Type: application/json' -d '{"id": 1}'
    python -m apigw invoke examples/getting_started.py:app events/rest-api-v1.json

``MODULE:ATTR`` names a resolver or a ``lambda_handler(event, context)`` function: ``MODULE`` is a dotted module
name (importable from the current directory) or a ``.py`` file; without ``:ATTR``, ``app`` is used, else
``lambda_handler``, else ``handler``.

Exit status: 0; 1 when ``routes`` flags a route or ``invoke`` gets a response the integration would refuse; 2 for
a usage error (a module that does not import, an unknown integration, ...).
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

from . import integrations

__all__ = ["main", "load_target", "route_report"]

_RELOADER_CHILD = "APIGW_RELOADER_CHILD"
_DEFAULT_ATTRS = ("app", "lambda_handler", "handler")
_SKIPPED_DIRS = frozenset(("__pycache__", "node_modules", "build", "dist", "site-packages", "venv"))


class UsageError(Exception):
    """A mistake in the command line: printed without a traceback, exit status 2."""


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        return int(args.run(args))
    except UsageError as exc:
        print(f"apigw {args.command}: {exc}", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m apigw", description="Run, inspect and poke a Lambda HTTP app locally (no AWS, no Docker)."
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    names = integrations.known_names()

    serve = commands.add_parser("serve", help="serve an app over HTTP, each request as its integration's event")
    serve.add_argument("target", metavar="MODULE:ATTR", help="a resolver or a lambda_handler function")
    serve.add_argument("--integration", help=f"the events to send ({names}); default: the resolver's")
    serve.add_argument(
        "--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1: this machine only)"
    )
    serve.add_argument("--port", type=int, default=3000, help="port (default 3000; 0 picks a free one)")
    serve.add_argument(
        "--stage", help="API Gateway stage named in the events (default Prod for REST, $default for HTTP)"
    )
    serve.add_argument(
        "--multi-value-headers", action="store_true", help="ALB: a target group with multi-value headers"
    )
    serve.add_argument(
        "--reload", action="store_true", help="restart when a .py file under the current directory changes"
    )
    serve.set_defaults(run=_serve)

    routes = commands.add_parser("routes", help="print the route table; flag duplicates and shadowed routes")
    routes.add_argument("target", metavar="MODULE:ATTR", help="a resolver")
    routes.set_defaults(run=_routes)

    event = commands.add_parser("event", help="print the event an integration sends for one request")
    event.add_argument("integration", metavar="INTEGRATION", help=names)
    event.add_argument("method", metavar="METHOD")
    event.add_argument("path", metavar="PATH", help="the path, optionally with ?query")
    event.add_argument("-H", "--header", action="append", default=[], metavar="'NAME: VALUE'", help="a request header")
    event.add_argument("-d", "--data", metavar="BODY", help="the body; @FILE sends a file's bytes, @- standard input")
    event.add_argument("--query", action="append", default=[], metavar="NAME=VALUE", help="a query parameter")
    event.add_argument("--cookie", action="append", default=[], metavar="NAME=VALUE", help="a cookie")
    event.add_argument("--stage", help="API Gateway stage")
    event.add_argument(
        "--multi-value-headers", action="store_true", help="ALB: a target group with multi-value headers"
    )
    event.set_defaults(run=_event)

    invoke = commands.add_parser("invoke", help="invoke an app with an event file and print the response")
    invoke.add_argument("target", metavar="MODULE:ATTR", help="a resolver or a lambda_handler function")
    invoke.add_argument("event_file", metavar="EVENT.json", help="the event (- reads standard input)")
    invoke.set_defaults(run=_invoke)
    return parser


# -- loading MODULE:ATTR ------------------------------------------------------------------------------------------


def load_target(spec: str) -> Tuple[Any, Any, str]:
    """``(object, module, attribute name)`` for ``MODULE[:ATTR]``; ``UsageError`` saying what went wrong."""
    module_name, _, attr = spec.partition(":")
    if not module_name:
        raise UsageError(
            f"{spec!r}: expected MODULE:ATTR, such as my_service.app:app or examples/getting_started.py:app"
        )
    module = _import(module_name)
    names = [attr] if attr else list(_DEFAULT_ATTRS)
    for name in names:
        value: Any = module
        try:
            for part in name.split("."):
                value = getattr(value, part)
        except AttributeError:
            continue
        return value, module, name
    if attr:
        raise UsageError(f"module {module_name!r} has no attribute {attr!r}")
    raise UsageError(f"module {module_name!r} has none of {', '.join(_DEFAULT_ATTRS)}: name one, as {module_name}:ATTR")


def _import(module_name: str) -> Any:
    # As `python file.py` and `python -m module` would: the file's folder, or the current directory, comes first.
    try:
        if module_name.endswith(".py") or os.sep in module_name or "/" in module_name:
            path = Path(module_name).resolve()
            if not path.is_file():
                raise UsageError(f"no such file: {module_name}")
            sys.path.insert(0, str(path.parent))
            spec = importlib.util.spec_from_file_location(path.stem, path)
            if spec is None or spec.loader is None:
                raise UsageError(f"{module_name} is not a Python module")
            module = importlib.util.module_from_spec(spec)
            sys.modules[path.stem] = module
            spec.loader.exec_module(module)
            return module
        if "" not in sys.path and os.getcwd() not in sys.path:
            sys.path.insert(0, os.getcwd())
        return importlib.import_module(module_name)
    except UsageError:
        raise
    except ImportError as exc:
        raise UsageError(f"cannot import {module_name!r}: {exc}") from exc


def _is_resolver(value: Any) -> bool:
    from .resolver import ApiGatewayResolver

    return isinstance(value, ApiGatewayResolver)


def _integration_of(target: Any, module: Any, name: Optional[str]) -> Tuple[Optional[str], str]:
    """``(integration name for DevServer/Client, how it was chosen)``: as given, the resolver's, or for a handler
    function the integration of the one resolver its module defines."""
    from .any_integration import AnyIntegrationResolver
    from .testing import _integration_for

    if name is None and not _is_resolver(target):
        found = {
            value.integration.name: attr
            for attr, value in vars(module).items()
            if _is_resolver(value) and not isinstance(value, AnyIntegrationResolver)
        }
        if len(found) == 1:
            ((integration, attr),) = found.items()
            return integration, f"from the module's resolver {attr!r}"
    try:
        _integration_for(target, name, how="add --integration")
    except (TypeError, ValueError) as exc:
        raise UsageError(str(exc)) from exc
    return name, "as given" if name is not None else "the resolver's"


# -- serve --------------------------------------------------------------------------------------------------------


def _serve(args: argparse.Namespace) -> int:
    if args.reload and os.environ.get(_RELOADER_CHILD) != "1":
        return _reloader(_rebuild_serve_argv(args), _watch_roots(args.target))
    from .server import DevServer

    target, module, attr = load_target(args.target)
    integration, chosen = _integration_of(target, module, args.integration)
    try:
        server = DevServer(
            target,
            integration=integration,
            host=args.host,
            port=args.port,
            stage=args.stage,
            multi_value_headers=args.multi_value_headers,
        )
    except OSError as exc:
        raise UsageError(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}") from exc
    except (TypeError, ValueError) as exc:
        raise UsageError(str(exc)) from exc
    out = sys.stderr
    stage = f", stage {args.stage}" if args.stage else ""
    print(
        f"apigw dev server: {args.target.partition(':')[0]}:{attr} as {server.integration.title} ({chosen}{stage})",
        file=out,
    )
    if _is_resolver(target):
        for line in route_report(target)[0]:
            print(f"  {line}", file=out)
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"  WARNING: listening on {args.host}: other machines can reach this development server", file=out)
    print(f"Listening on {server.url} (Ctrl+C to stop)", file=out, flush=True)
    server.serve_forever()
    return 0


def _rebuild_serve_argv(args: argparse.Namespace) -> List[str]:
    argv = ["serve", args.target, "--host", args.host, "--port", str(args.port), "--reload"]
    if args.integration:
        argv += ["--integration", args.integration]
    if args.stage:
        argv += ["--stage", args.stage]
    if args.multi_value_headers:
        argv.append("--multi-value-headers")
    return argv


def _watch_roots(target: str) -> List[Path]:
    roots = [Path.cwd()]
    module_name = target.partition(":")[0]
    if module_name.endswith(".py"):
        roots.append(Path(module_name).resolve().parent)
    return roots


def _snapshot(roots: List[Path], limit: int = 20000) -> Dict[str, int]:
    """Modification times of the ``.py`` files under ``roots`` (hidden folders, virtualenvs and caches skipped)."""
    found: Dict[str, int] = {}
    for root in roots:
        for folder, subfolders, files in os.walk(root):
            subfolders[:] = [name for name in subfolders if not name.startswith(".") and name not in _SKIPPED_DIRS]
            for name in files:
                if name.endswith(".py"):
                    path = os.path.join(folder, name)
                    try:
                        found[path] = os.stat(path).st_mtime_ns
                    except OSError:
                        continue
                    if len(found) >= limit:
                        return found
    return found


def _reloader(argv: List[str], roots: List[Path], poll_seconds: float = 0.5) -> int:
    """Run the server in a child process; restart it when a watched file changes (or appears, or goes)."""
    env = dict(os.environ, **{_RELOADER_CHILD: "1"})
    command = [sys.executable, "-m", "apigw", *argv]
    snapshot = _snapshot(roots)
    child = subprocess.Popen(command, env=env)
    reported_exit = False
    try:
        while True:
            time.sleep(poll_seconds)
            current = _snapshot(roots)
            if current != snapshot:
                changed = sorted(set(current.items()) ^ set(snapshot.items()))
                print(f"apigw: {changed[0][0]} changed; restarting", file=sys.stderr, flush=True)
                snapshot = current
                _stop(child)
                child = subprocess.Popen(command, env=env)
                reported_exit = False
            elif child.poll() is not None and not reported_exit:
                print(
                    f"apigw: the server stopped (exit status {child.returncode}); it restarts when a file changes",
                    file=sys.stderr,
                    flush=True,
                )
                reported_exit = True
    except KeyboardInterrupt:
        return 0
    finally:
        _stop(child)


def _stop(child: subprocess.Popen[bytes]) -> None:
    if child.poll() is None:
        child.terminate()
        try:
            child.wait(timeout=5)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait(timeout=5)


# -- routes -------------------------------------------------------------------------------------------------------


def _routes(args: argparse.Namespace) -> int:
    target, module, attr = load_target(args.target)
    if not _is_resolver(target):
        resolvers = [name for name, value in vars(module).items() if _is_resolver(value)]
        hint = f"; try {args.target.partition(':')[0]}:{resolvers[0]}" if resolvers else ""
        raise UsageError(f"{attr} is not a resolver (a {type(target).__name__}){hint}")
    lines, flagged = route_report(target)
    print("\n".join(lines))
    return 1 if flagged else 0


def route_report(app: Any) -> Tuple[List[str], int]:
    """``(lines, number of flagged routes)``: the route table of ``app`` with its options, duplicates (a second
    registration of a method and rule never answers) and shadowed routes (an earlier route answers every path
    tried for them; static rules are tried before dynamic ones)."""
    from ._shared import PLACEHOLDER_PATTERN, compile_rule

    routes = app.routes
    first_of: Dict[Tuple[str, str], Any] = {}
    rows: List[Tuple[str, ...]] = [("METHOD", "RULE", "HANDLER", "CORS", "COMPRESS", "MIDDLEWARES", "NOTE")]
    flagged = 0
    for route in routes:
        note = ""
        key = (route.method, route.rule)
        if key in first_of:
            note = f"DUPLICATE: never answers, the first {route.method} {route.rule} registration wins"
        else:
            first_of[key] = route
            winner = _shadowing_route(app, route, re.compile(PLACEHOLDER_PATTERN), compile_rule)
            if winner is not None:
                note = f"SHADOWED by {winner.method} {winner.rule} ({winner.handler_name}): never answers"
        flagged += bool(note)
        rows.append(_row(route.method, route.rule, route.handler_name, route, note))
        if route.method == "GET" and app._auto_head and ("HEAD", route.rule) not in first_of and not note:
            rows.append(
                _row("HEAD", route.rule, route.handler_name, route, "auto_head: the GET answer without its body")
            )
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows]
    if len(rows) == 1:
        lines = ["(no routes)"]
    integration = getattr(app, "_integration", None)  # None: AnyIntegrationResolver (and its subclasses)
    title = integration.title if integration is not None else "every integration"
    lines.insert(0, f"{type(app).__name__}: {title}, {len(routes)} route(s)")
    if app._middlewares:
        lines.append("middlewares around every route: " + ", ".join(_name_of(one) for one in app._middlewares))
    lines.append(
        "other methods on a known path: "
        + ("405 Method Not Allowed with Allow" if app._method_not_allowed else "404 (method_not_allowed=True for 405)")
    )
    lines.append(
        "HEAD: "
        + ("answered by GET routes (auto_head)" if app._auto_head else "only HEAD routes (auto_head=True for GET)")
    )
    if flagged:
        lines.append(f"{flagged} route(s) flagged")
    return lines, flagged


def _row(method: str, rule: str, handler: str, route: Any, note: str) -> Tuple[str, ...]:
    middlewares = ", ".join(_name_of(one) for one in route.middlewares) or "-"
    return (method, rule, handler, "yes" if route.cors else "no", "yes" if route.compress else "no", middlewares, note)


def _name_of(function: Any) -> str:
    return str(getattr(function, "__name__", None) or type(function).__name__)


_PROBE_VALUES = ("zq9x", "Probe-7.x")


def _shadowing_route(app: Any, route: Any, placeholder: Any, compile_rule: Any) -> Any:
    """The route that answers every probe path of ``route`` instead of it, or ``None``. Probes: the literal path,
    or each placeholder filled with unlikely values; for other regular expressions, the rule's own text and common
    wildcards filled in (only probes the rule itself matches count)."""
    rule = route.rule
    candidates = [placeholder.sub(value, rule) for value in _PROBE_VALUES]
    for value in _PROBE_VALUES:
        candidates.append(placeholder.sub(value, rule).replace(".+", value).replace(".*", value).replace("\\", ""))
    try:
        compiled = compile_rule(rule)
    except ValueError:
        return None
    probes = [path for path in dict.fromkeys(candidates) if path.startswith("/") and compiled.fullmatch(path)]
    if not probes:
        return None
    winners = set()
    for path in probes:
        hit = app._matcher.match(route.method, path)
        if hit is None or hit[0] is route:
            return None
        winners.add(id(hit[0]))
        winner = hit[0]
    return winner if len(winners) == 1 else None


# -- event and invoke ---------------------------------------------------------------------------------------------


def _event(args: argparse.Namespace) -> int:
    try:
        integration = integrations.named(args.integration)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    headers = []
    for header in args.header:
        name, colon, value = header.partition(":")
        if not colon or not name.strip():
            raise UsageError(f"-H {header!r}: a header is 'Name: value'")
        headers.append((name.strip(), value.strip()))
    body: Any = args.data
    if isinstance(body, str) and body.startswith("@"):
        body = sys.stdin.buffer.read() if body == "@-" else _read_file(body[1:])
    try:
        event = integration.build_event(
            args.method,
            args.path,
            query=[_pair(item, "--query") for item in args.query],
            headers=headers,
            cookies=[f"{name}={value}" for name, value in (_pair(item, "--cookie") for item in args.cookie)],
            body=body,
            stage=args.stage,
            multi_value=args.multi_value_headers,
        )
    except (TypeError, ValueError) as exc:
        raise UsageError(str(exc)) from exc
    print(json.dumps(event, indent=2))
    return 0


def _invoke(args: argparse.Namespace) -> int:
    from .testing import LambdaContext

    try:
        text = sys.stdin.read() if args.event_file == "-" else Path(args.event_file).read_text(encoding="utf-8")
        event = json.loads(text)
    except OSError as exc:
        raise UsageError(f"cannot read {args.event_file}: {exc.strerror or exc}") from exc
    except json.JSONDecodeError as exc:
        raise UsageError(f"{args.event_file} is not JSON: {exc}") from exc
    target, _module, _attr = load_target(args.target)
    handler = target.resolve if _is_resolver(target) else target
    if not callable(handler):
        raise UsageError(f"{args.target} is neither a resolver nor a function")
    try:
        response = handler(event, LambdaContext())
    except Exception:
        import traceback

        traceback.print_exc()
        print(
            "apigw invoke: the function raised (Lambda reports an error; the integration answers 502)", file=sys.stderr
        )
        return 1
    try:
        print(json.dumps(response, indent=2, ensure_ascii=False))
    except (TypeError, ValueError) as exc:
        print(repr(response))
        print(f"apigw invoke: the response is not JSON, Lambda cannot return it: {exc}", file=sys.stderr)
        return 1
    integration = integrations.detect(event) if isinstance(event, dict) else None
    if integration is None:
        print(
            "apigw invoke: the event is no HTTP event of a known integration; the response is not checked",
            file=sys.stderr,
        )
        return 0
    problems = integration.response_problems(response, event)
    for problem in problems:
        print(f"apigw invoke: the {integration.title} would refuse this response: {problem}", file=sys.stderr)
    return 1 if problems else 0


def _pair(item: str, option: str) -> Tuple[str, str]:
    name, equals, value = item.partition("=")
    if not equals or not name:
        raise UsageError(f"{option} {item!r}: expected NAME=VALUE")
    return name, value


def _read_file(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from exc

"""Event builders for the tests: thin wrappers over ``Integration.build_event`` (the builder the test client and the
dev server use), so that every test event is laid out as AWS sends it and tests say only what matters to them.

Each wrapper keeps the keyword arguments tests were written with; ``**extra`` keys replace the built event's keys
as given (a ``None`` included, to mimic a JSON null).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import quote

from apigw.integrations import ALB, FUNCTION_URL, HTTP_API, REST_API, VPC_LATTICE, VPC_LATTICE_V2

EVENTS_DIR = Path(__file__).resolve().parent.parent / "events"


def sample_event(name: str) -> Dict[str, Any]:
    """A realistic sample event from ``events/`` (a fresh copy each time)."""
    return json.loads((EVENTS_DIR / name).read_text())


def rest_event(
    path: str = "/hello",
    method: str = "GET",
    headers: Optional[Dict[str, str]] = None,
    body: Optional[str] = None,
    query: Optional[Dict[str, str]] = None,
    **extra: Any,
) -> Dict[str, Any]:
    """API Gateway REST (payload 1.0): ``headers`` and ``multiValueHeaders`` both present, as AWS sends them."""
    event = REST_API.build_event(method, path, query=query, headers=headers, body=body)
    if event["headers"] is None:  # tests add headers to the event they get: empty maps rather than nulls
        event["headers"], event["multiValueHeaders"] = {}, {}
    event.update(extra)
    return event


def http_event(
    path: str = "/hello",
    method: str = "GET",
    headers: Optional[Dict[str, str]] = None,
    body: Optional[str] = None,
    stage: str = "$default",
    cookies: Optional[List[str]] = None,
    **extra: Any,
) -> Dict[str, Any]:
    """API Gateway HTTP API (payload 2.0): lowercase header names, ``cookies`` outside the headers. ``path`` is the
    ``rawPath`` exactly as given (a named stage's ``/{stage}`` prefix included, when the test wants one); a
    ``Cookie`` header given here stays in ``headers`` (AWS would move it to ``cookies``: give ``cookies=`` for that)."""
    return _v2_event(HTTP_API, path, method, headers, body, cookies, extra, stage=stage)


def url_event(
    path: str = "/hello",
    method: str = "GET",
    headers: Optional[Dict[str, str]] = None,
    body: Optional[str] = None,
    cookies: Optional[List[str]] = None,
    **extra: Any,
) -> Dict[str, Any]:
    """Lambda Function URL (payload 2.0 with a ``lambda-url`` domain); ``path`` and a ``Cookie`` header as in
    ``http_event``."""
    return _v2_event(FUNCTION_URL, path, method, headers, body, cookies, extra)


def alb_event(
    path: str = "/hello",
    method: str = "GET",
    headers: Optional[Dict[str, str]] = None,
    body: Optional[str] = None,
    multi_value: bool = False,
    **extra: Any,
) -> Dict[str, Any]:
    """ALB target event, single-value (``headers``) or multi-value (``multiValueHeaders``) mode."""
    event = ALB.build_event(method, path, headers=headers, body=body, multi_value=multi_value)
    event.update(extra)
    return event


def _v2_event(
    integration: Any,
    path: str,
    method: str,
    headers: Optional[Dict[str, str]],
    body: Optional[str],
    cookies: Optional[List[str]],
    extra: Dict[str, Any],
    **build: Any,
) -> Dict[str, Any]:
    # Payload 2.0 (HTTP API, Function URL): the raw path and a Cookie header kept exactly as the test gives them.
    event = integration.build_event(method, "/", headers=_no_cookie(headers), body=body, cookies=cookies, **build)
    _set_raw_path(event, path)
    _keep_cookie_header(event, headers)
    event.update(extra)
    return event


def _set_raw_path(event: Dict[str, Any], path: str) -> None:
    path, _, query = path.partition("?")
    event["rawPath"] = event["requestContext"]["http"]["path"] = path
    if query:
        event["rawQueryString"] = query


def lattice_event(
    path: str = "/hello",
    method: str = "GET",
    headers: Optional[Dict[str, str]] = None,
    body: Optional[str] = None,
    query: Optional[Dict[str, str]] = None,
    **extra: Any,
) -> Dict[str, Any]:
    """VPC Lattice event structure v1: snake_case keys, single-valued headers and query parameters; ``raw_path``
    carries the query string too."""
    event = VPC_LATTICE.build_event(method, path, query=query, headers=headers, body=body)
    event.update(extra)
    return event


def lattice_v2_event(
    path: str = "/hello",
    method: str = "GET",
    headers: Optional[Dict[str, Any]] = None,
    body: Optional[str] = None,
    query: Optional[Dict[str, Any]] = None,
    **extra: Any,
) -> Dict[str, Any]:
    """VPC Lattice event structure v2 (``version`` "2.0"): every header and query value is a list (give a list for
    several values), the caller's identity is in ``requestContext``."""
    event = VPC_LATTICE_V2.build_event(method, path, query=query, headers=headers, body=body)
    event.update(extra)
    return event


def _no_cookie(headers: Optional[Dict[str, str]]) -> Optional[Dict[str, str]]:
    return None if headers is None else {name: value for name, value in headers.items() if name.lower() != "cookie"}


def _keep_cookie_header(event: Dict[str, Any], headers: Optional[Dict[str, str]]) -> None:
    for name, value in (headers or {}).items():
        if name.lower() == "cookie":
            event["headers"]["cookie"] = value


def asgi_scope(
    path: str = "/hello",
    method: str = "GET",
    query: bytes = b"",
    headers: Optional[List[Tuple[bytes, bytes]]] = None,
    **extra: Any,
) -> Dict[str, Any]:
    """An ASGI ``http`` connection scope as uvicorn hands it to an application: ``path`` percent-decoded, ``query``
    the raw query string bytes, ``headers`` ``(name, value)`` byte pairs with lowercase names."""
    scope: Dict[str, Any] = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "scheme": "http",
        "method": method,
        "path": path,
        "raw_path": quote(path).encode("ascii"),
        "query_string": query,
        "root_path": "",
        "headers": list(headers or []),
        "client": ("127.0.0.1", 54321),
        "server": ("127.0.0.1", 8000),
    }
    scope.update(extra)
    return scope

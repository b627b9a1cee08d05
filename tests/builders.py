"""Small builders for the four HTTP event formats, so tests say only what matters to them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, Optional

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
    headers = headers or {}
    event = {
        "resource": path,
        "path": path,
        "httpMethod": method,
        "headers": headers,
        "multiValueHeaders": {name: [value] for name, value in headers.items()},
        "queryStringParameters": query,
        "multiValueQueryStringParameters": {k: [v] for k, v in query.items()} if query else None,
        "pathParameters": None,
        "stageVariables": None,
        "requestContext": {"stage": "Prod", "path": f"/Prod{path}", "requestId": "req-1", "httpMethod": method},
        "body": body,
        "isBase64Encoded": False,
    }
    event.update(extra)
    return event


def http_event(
    path: str = "/hello",
    method: str = "GET",
    headers: Optional[Dict[str, str]] = None,
    body: Optional[str] = None,
    stage: str = "$default",
    cookies: Optional[list] = None,
    **extra: Any,
) -> Dict[str, Any]:
    """API Gateway HTTP API (payload 2.0): lowercase header names, ``cookies`` outside the headers."""
    event = {
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": path,
        "rawQueryString": "",
        "headers": {name.lower(): value for name, value in (headers or {}).items()},
        "requestContext": {
            "stage": stage,
            "http": {"method": method, "path": path, "protocol": "HTTP/1.1", "sourceIp": "198.51.100.7"},
            "requestId": "req-2",
            "domainName": "abc123.execute-api.eu-west-1.amazonaws.com",
        },
        "body": body,
        "isBase64Encoded": False,
    }
    if cookies is not None:
        event["cookies"] = cookies
    event.update(extra)
    return event


def url_event(path: str = "/hello", method: str = "GET", **kwargs: Any) -> Dict[str, Any]:
    """Lambda Function URL (payload 2.0 with a ``lambda-url`` domain)."""
    event = http_event(path, method, **kwargs)
    event["requestContext"]["domainName"] = "abcdefghij.lambda-url.eu-west-1.on.aws"
    return event


def alb_event(
    path: str = "/hello",
    method: str = "GET",
    headers: Optional[Dict[str, str]] = None,
    body: Optional[str] = None,
    multi_value: bool = False,
    **extra: Any,
) -> Dict[str, Any]:
    """ALB target event, single-value (``headers``) or multi-value (``multiValueHeaders``) mode."""
    lowered = {name.lower(): value for name, value in (headers or {}).items()}
    event: Dict[str, Any] = {
        "requestContext": {"elb": {"targetGroupArn": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:tg/x/1"}},
        "httpMethod": method,
        "path": path,
        "body": body if body is not None else "",
        "isBase64Encoded": False,
    }
    if multi_value:
        event["multiValueHeaders"] = {name: [value] for name, value in lowered.items()}
        event["multiValueQueryStringParameters"] = {}
    else:
        event["headers"] = lowered
        event["queryStringParameters"] = {}
    event.update(extra)
    return event

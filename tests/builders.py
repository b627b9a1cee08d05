"""Small builders for the HTTP event formats (REST, HTTP API, Function URL, ALB, VPC Lattice v1/v2), so tests say
only what matters to them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List, Optional

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


def lattice_event(
    path: str = "/hello",
    method: str = "GET",
    headers: Optional[Dict[str, str]] = None,
    body: Optional[str] = None,
    query: Optional[Dict[str, str]] = None,
    **extra: Any,
) -> Dict[str, Any]:
    """VPC Lattice event structure v1: snake_case keys, single-valued headers and query parameters.

    ``raw_path`` carries the query string too, as the view expects it may.
    """
    query_string = "&".join(f"{name}={value}" for name, value in (query or {}).items())
    event: Dict[str, Any] = {
        "raw_path": f"{path}?{query_string}" if query_string else path,
        "method": method,
        "headers": {name.lower(): value for name, value in (headers or {}).items()},
        "query_string_parameters": dict(query or {}),
        "body": body if body is not None else "",
        "is_base64_encoded": False,
    }
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
    """VPC Lattice event structure v2 (``version`` "2.0"): every header and query value is a list (a ``str``
    given here becomes a one-item list), the caller's identity is in ``requestContext``."""

    def as_lists(values: Optional[Dict[str, Any]], lower: bool) -> Dict[str, List[str]]:
        return {
            (name.lower() if lower else name): value if isinstance(value, list) else [value]
            for name, value in (values or {}).items()
        }

    arn = "arn:aws:vpc-lattice:eu-west-1:123456789012"
    event: Dict[str, Any] = {
        "version": "2.0",
        "path": path,
        "method": method,
        "headers": as_lists(headers, lower=True),
        "queryStringParameters": as_lists(query, lower=False),
        "body": body,
        "isBase64Encoded": False,
        "requestContext": {
            "serviceNetworkArn": f"{arn}:servicenetwork/sn-0123456789abcdef0",
            "serviceArn": f"{arn}:service/svc-0123456789abcdef0",
            "targetGroupArn": f"{arn}:targetgroup/tg-0123456789abcdef0",
            "identity": {"sourceVpcArn": "arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-0123456789abcdef0"},
            "region": "eu-west-1",
            "timeEpoch": "1710237758412905",
        },
    }
    event.update(extra)
    return event

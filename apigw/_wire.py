"""The HTTP side of the integrations, for the dev tools: one HTTP request as the integrations' event builders take
it, each integration's event and response formats (``WireFormat``, one subclass per integration), and the checks and
readers of response dicts they share.

Loaded only by ``Integration.build_event``, ``response_problems`` and ``http_response`` (the test client, the dev
server and the CLI), never by a resolver at work: PERF, a cold start does not pay for it. An integration in
``apigw.integrations`` names its ``WireFormat`` here (``wire_name``). The wire-format facts these follow are in
``docs/wire-formats.md``.
"""

from __future__ import annotations

import base64
import binascii
import time
from string import ascii_letters, digits
from urllib.parse import quote, unquote

from ._lambda_context import ACCOUNT_ID, REGION, new_request_id
from ._shared import response_size
from .events import _cookie_items

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union

    from .integrations import Integration

    HeaderValue = Union[str, int, Sequence[Union[str, int]]]
    HeadersInput = Union[Mapping[str, HeaderValue], Sequence[Tuple[str, Union[str, int]]], None]
    QueryValue = Union[str, int, float, Sequence[Union[str, int, float]]]
    QueryInput = Union[Mapping[str, QueryValue], Sequence[Tuple[str, Union[str, int, float]]], None]
    # A list or tuple of "name=value" strings, not any Sequence[str]: a str is one, and is refused.
    CookiesInput = Union[Mapping[str, str], List[str], Tuple[str, ...], None]
    Pairs = List[Tuple[str, str]]

# Made-up but well-formed AWS identifiers for built events (documentation ranges and example ids); the account and
# the region are the Lambda context's (see ``apigw._lambda_context``).
API_ID = "a1b2c3d4e5"
FUNCTION_URL_ID = "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6"
TARGET_GROUP_ARN = f"arn:aws:elasticloadbalancing:{REGION}:{ACCOUNT_ID}:targetgroup/apigw-local/0123456789abcdef"

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# The characters of an HTTP token (RFC 9110 section 5.6.2 "tchar"): ASCII letters and digits and these 15 marks.
_TOKEN_CHARS = frozenset(ascii_letters + digits + "!#$%&'*+-.^_`|~")


def is_token(text: object) -> bool:
    """Whether ``text`` is an HTTP token, as a method and a header name must be: one or more ASCII letters, digits
    or ``!#$%&'*+-.^_`|~`` (so no space, no separator, no non-ASCII letter)."""
    return isinstance(text, str) and bool(text) and _TOKEN_CHARS.issuperset(text)


class HttpRequest:
    """One HTTP request as a client sent it, before any integration formats it: what the builders read.

    ``raw_path`` and the ``query`` pairs are as on the wire (percent-encoded); each integration decodes what AWS
    decodes for it. ``headers`` are ``(name, value)`` pairs in the order sent, repeated names included.
    """

    __slots__ = (
        "method",
        "raw_path",
        "raw_query",
        "query",
        "headers",
        "body",
        "is_base64",
        "stage",
        "multi_value",
        "source_ip",
        "request_id",
        "epoch_ms",
    )

    def __init__(
        self,
        method: str,
        raw_path: str,
        raw_query: str,
        headers: Pairs,
        body: Optional[str],
        is_base64: bool,
        stage: Optional[str],
        multi_value: bool,
        source_ip: str,
    ) -> None:
        self.method = method
        self.raw_path = raw_path
        self.raw_query = raw_query
        self.query = split_query(raw_query)
        self.headers = headers
        self.body = body
        self.is_base64 = is_base64
        self.stage = stage
        self.multi_value = multi_value
        self.source_ip = source_ip
        self.request_id = new_request_id()
        self.epoch_ms = int(time.time() * 1000)

    def header(self, name: str) -> Optional[str]:
        """The last value of header ``name`` (any case), or ``None``."""
        lowered = name.lower()
        found = None
        for key, value in self.headers:
            if key.lower() == lowered:
                found = value
        return found

    @property
    def request_time(self) -> str:
        """``12/Mar/2024:09:41:07 +0000``: the time format of API Gateway's request contexts."""
        moment = time.gmtime(self.epoch_ms / 1000)
        return (
            f"{moment.tm_mday:02d}/{_MONTHS[moment.tm_mon - 1]}/{moment.tm_year}:"
            f"{moment.tm_hour:02d}:{moment.tm_min:02d}:{moment.tm_sec:02d} +0000"
        )


def http_request(
    method: str,
    path: str,
    query: QueryInput,
    headers: HeadersInput,
    cookies: CookiesInput,
    body: Union[str, bytes, bytearray, memoryview, None],
    stage: Optional[str],
    multi_value: bool,
    source_ip: str,
) -> HttpRequest:
    """Check and normalize the arguments of ``Integration.build_event`` (see there) into an ``HttpRequest``; the
    integration's settings (``stage``, ``multi_value``) are checked by ``Integration.check_settings``."""
    if not is_token(method):
        raise ValueError(f"an HTTP method is a word such as 'GET', not {method!r}")
    if not isinstance(path, str) or not path.startswith("/"):
        raise ValueError(f"a request path starts with '/', such as '/orders/42?page=2', not {path!r}")
    raw_path, _, raw_query = path.partition("?")
    extra = encode_query(query)
    if extra:
        raw_query = f"{raw_query}&{extra}" if raw_query else extra
    pairs = header_pairs(headers)
    cookie = cookie_header(cookies)
    if cookie:
        pairs.append(("Cookie", cookie))
    if body is None:
        text: Optional[str] = None
        is_base64 = False
    elif isinstance(body, str):
        text, is_base64 = body, False
    elif isinstance(body, (bytes, bytearray, memoryview)):
        text, is_base64 = base64.b64encode(bytes(body)).decode("ascii"), True
    else:
        raise TypeError(f"a request body is str (text), bytes (sent base64-encoded) or None, not {type(body).__name__}")
    return HttpRequest(method.upper(), raw_path, raw_query, pairs, text, is_base64, stage, multi_value, source_ip)


def quote_path(path: str) -> str:
    """``path`` as an HTTP client sends it: a space, a non-ASCII letter or a control character percent-encoded
    (``%`` sequences and ``?`` kept)."""
    return quote(path, safe="/%:@!$&'()*+,;=-._~?")


def encode_query(query: QueryInput) -> str:
    """``query`` (a mapping whose values may be lists, or ``(name, value)`` pairs) as query string text."""
    if not query:
        return ""
    items = query.items() if hasattr(query, "items") else query
    parts = []
    for name, value in items:
        if not isinstance(name, str):
            raise TypeError(f"query parameter names are str, not {name!r}")
        values = value if isinstance(value, (list, tuple)) else [value]
        for one in values:
            if isinstance(one, bool) or not isinstance(one, (str, int, float)):
                raise TypeError(f"query parameter {name!r}: a value is a str (or a number), not {one!r}")
            # quote, not quote_plus: %20 means a space under every decoding rule; '+' does not.
            parts.append(f"{quote(name, safe='')}={quote(str(one), safe='')}")
    return "&".join(parts)


def split_query(raw_query: str) -> Pairs:
    """``a=1&b=&c`` as raw ``(name, value)`` pairs, still percent-encoded."""
    pairs = []
    for part in raw_query.split("&"):
        if part:
            name, _, value = part.partition("=")
            pairs.append((name, value))
    return pairs


def decoded(pairs: Pairs) -> Pairs:
    """Percent-decoded pairs (``+`` stays ``+``: see ``docs/wire-formats.md``)."""
    return [(unquote(name), unquote(value)) for name, value in pairs]


def header_pairs(headers: HeadersInput) -> Pairs:
    """Request headers (a mapping whose values may be lists, or ``(name, value)`` pairs) as checked pairs."""
    if not headers:
        return []
    items = headers.items() if hasattr(headers, "items") else headers
    pairs = []
    for name, value in items:
        if not is_token(name):
            raise ValueError(f"{name!r} is not an HTTP header name")
        values = value if isinstance(value, (list, tuple)) else [value]
        for one in values:
            if isinstance(one, int) and not isinstance(one, bool):
                one = str(one)
            if not isinstance(one, str):
                raise TypeError(f"header {name!r}: a value is a str, not {one!r}")
            if "\r" in one or "\n" in one or "\x00" in one:
                raise ValueError(f"header {name!r}: a value cannot hold CR, LF or NUL ({one!r})")
            pairs.append((name, one))
    return pairs


def cookie_header(cookies: CookiesInput) -> str:
    """The ``Cookie`` header value for ``cookies`` (a name-to-value mapping, or ``"name=value"`` strings)."""
    if not cookies:
        return ""
    if isinstance(cookies, str):
        raise TypeError("cookies is a mapping such as {'session': 'abc'} or a list of 'name=value' strings, not a str")
    items = [f"{name}={value}" for name, value in cookies.items()] if hasattr(cookies, "items") else list(cookies)
    for item in items:
        if not isinstance(item, str) or "=" not in item or ";" in item or "\r" in item or "\n" in item:
            raise ValueError(f"{item!r} is not a cookie ('name=value', without ';' or line breaks)")
    return "; ".join(items)


def by_name(pairs: Pairs) -> Dict[str, List[str]]:
    """Values by exact name (query parameter names are case-sensitive)."""
    result: Dict[str, List[str]] = {}
    for name, value in pairs:
        result.setdefault(name, []).append(value)
    return result


def grouped(pairs: Pairs, lower: bool) -> Dict[str, List[str]]:
    """Values by header name, names compared ignoring case: lowercased, or as first spelled."""
    result: Dict[str, List[str]] = {}
    spelling: Dict[str, str] = {}
    for name, value in pairs:
        key = name.lower()
        if lower:
            result.setdefault(key, []).append(value)
        else:
            result.setdefault(spelling.setdefault(key, name), []).append(value)
    return result


# -- responses --------------------------------------------------------------------------------------------------


def check_common(response: Any, limit: int, problems: List[str], any_json: bool = False) -> bool:
    """Problems every integration shares (a dict unless ``any_json``, JSON-encodable, within ``limit``); False when
    the shape is so wrong that nothing else can be checked."""
    if not any_json and not isinstance(response, dict):
        problems.append(f"the response is a {type(response).__name__}, not a dict with a statusCode")
        return False
    try:
        size = response_size(response)
    except (TypeError, ValueError) as exc:
        problems.append(f"the response is not JSON (Lambda cannot return it): {exc}")
        return False
    if size > limit:
        problems.append(f"the response is {size} bytes of JSON, more than the {limit} bytes the integration takes")
    return True


def check_status(response: Dict[str, Any], problems: List[str]) -> None:
    status = response.get("statusCode", None)
    if "statusCode" not in response:
        problems.append("the response has no 'statusCode'")
    elif type(status) is not int:
        problems.append(f"'statusCode' is {status!r} ({type(status).__name__}), not an int")
    elif not 100 <= status <= 599:
        problems.append(f"'statusCode' {status} is not an HTTP status (100-599)")


def check_single_headers(response: Dict[str, Any], key: str, problems: List[str]) -> None:
    headers = response.get(key)
    if headers is None:
        return
    if not isinstance(headers, dict):
        problems.append(f"{key!r} is a {type(headers).__name__}, not a dict of header names to str values")
        return
    for name, value in headers.items():
        _check_header(key, name, value, problems)


def check_multi_headers(response: Dict[str, Any], key: str, problems: List[str]) -> None:
    headers = response.get(key)
    if headers is None:
        return
    if not isinstance(headers, dict):
        problems.append(f"{key!r} is a {type(headers).__name__}, not a dict of header names to lists of str")
        return
    for name, values in headers.items():
        if not isinstance(values, list):
            problems.append(f"{key}[{name!r}] is {values!r}, not a list of str")
            continue
        for value in values:
            _check_header(key, name, value, problems)


def _check_header(key: str, name: Any, value: Any, problems: List[str]) -> None:
    if not is_token(name):
        problems.append(f"{key} has {name!r}, which is not an HTTP header name")
    elif not isinstance(value, str):
        problems.append(f"{key}[{name!r}] is {value!r} ({type(value).__name__}), not a str")
    elif "\r" in value or "\n" in value or "\x00" in value:
        problems.append(f"{key}[{name!r}] holds CR, LF or NUL: {value!r}")


def check_body(response: Dict[str, Any], problems: List[str], null_allowed: bool = True) -> None:
    body = response.get("body")
    is_base64 = response.get("isBase64Encoded", False)
    if not isinstance(is_base64, bool):
        problems.append(f"'isBase64Encoded' is {is_base64!r}, not true or false")
    if body is None:
        if not null_allowed:
            problems.append("'body' is missing or null; this integration answers 502 to that (send \"\")")
        return
    if not isinstance(body, str):
        problems.append(f"'body' is a {type(body).__name__}, not a str (JSON text, or base64 with isBase64Encoded)")
        return
    if is_base64 is True:
        try:
            base64.b64decode(body, validate=True)
        except (binascii.Error, ValueError) as exc:
            problems.append(f"'isBase64Encoded' is true but 'body' is not base64: {exc}")


def check_unknown_keys(response: Dict[str, Any], known: Tuple[str, ...], what: str, problems: List[str]) -> None:
    unknown = sorted(str(key) for key in response if key not in known)
    if unknown:
        problems.append(f"{what} refuses a response with other keys than {', '.join(known)}: {', '.join(unknown)}")


def body_bytes(response: Dict[str, Any]) -> bytes:
    """The body bytes a client receives for a (legal) response dict."""
    body = response.get("body")
    if not body:
        return b""
    if response.get("isBase64Encoded"):
        return base64.b64decode(body)
    return str(body).encode("utf-8")


def status_of(response: Dict[str, Any]) -> int:
    return int(response["statusCode"])


# -- writing a response on the wire (the dev server, HttpResolverLocal over ASGI) ------------------------------------

#: Response headers the HTTP server owns: it frames the body itself (the Content-Length sent is the real one).
HOP_BY_HOP = frozenset(("connection", "content-length", "keep-alive", "transfer-encoding"))


def framed(method: str, status: int, pairs: Pairs, body: bytes) -> Tuple[Pairs, bytes]:
    """The header pairs and body to write for a response to ``method``: the function's headers without the
    hop-by-hop ones, plus the real ``Content-Length``; no body (and no length) for 1xx, 204 and 304, and no body
    for ``HEAD``."""
    headers = [(name, value) for name, value in pairs if name.lower() not in HOP_BY_HOP]
    if status < 200 or status in (204, 304):
        return headers, b""
    head = method == "HEAD"
    if body or not head:
        # A HEAD answer of auto_head has lost the GET body, and with it the length: no Content-Length then.
        headers.append(("Content-Length", str(len(body))))
    return headers, b"" if head else body


# -- each integration's events and responses (``Integration.wire``) --------------------------------------------------


class WireFormat:
    """The dev-tool half of one integration (``Integration.wire``): the event it sends for an HTTP request, what it
    refuses in a response, and what an HTTP client receives. The facts it follows are its integration's
    (``response_limit``, ``null_body``, ``status_description``, ...)."""

    #: True when any JSON value is a valid response (HTTP API 2.0 answers one without ``statusCode`` as a 200)
    any_json_response = False

    def __init__(self, integration: Integration) -> None:
        self.integration = integration

    def event(self, request: HttpRequest) -> Dict[str, Any]:
        raise NotImplementedError(f"{self.integration.title} events cannot be built yet")

    def response_problems(self, response: Any, event: Mapping[str, Any]) -> List[str]:
        problems: List[str] = []
        if check_common(response, self.integration.response_limit, problems, self.any_json_response):
            if isinstance(response, dict) and (not self.any_json_response or "statusCode" in response):
                self.check_response(response, event, problems)
        return problems

    def check_response(self, response: Dict[str, Any], event: Mapping[str, Any], problems: List[str]) -> None:
        check_status(response, problems)
        check_single_headers(response, "headers", problems)
        check_body(response, problems, self.integration.null_body)
        if self.integration.status_description:
            description = response.get("statusDescription")
            if description is not None and not isinstance(description, str):
                problems.append(f"'statusDescription' is {description!r}, not a str such as '200 OK'")

    def http_response(self, response: Any, event: Mapping[str, Any]) -> Tuple[int, Pairs, bytes]:
        return status_of(response), self.http_headers(response, event), body_bytes(response)

    def http_headers(self, response: Dict[str, Any], event: Mapping[str, Any]) -> Pairs:
        return list((response.get("headers") or {}).items())


_REST_RESPONSE_KEYS = ("statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded")


class RestApiWire(WireFormat):
    def event(self, request: HttpRequest) -> Dict[str, Any]:
        # A catch-all API: the resource "/{proxy+}" (and "/" for the root), as a router behind API Gateway has.
        stage = request.stage or "Prod"
        path = request.raw_path  # NOTE: REST keeps the percent-encoding in `path`; pathParameters are decoded
        root = path == "/"
        resource = "/" if root else "/{proxy+}"
        headers = grouped(request.headers, lower=False)
        query = by_name(decoded(request.query))
        return {
            "resource": resource,
            "path": path,
            "httpMethod": request.method,
            "headers": {name: values[-1] for name, values in headers.items()} or None,
            "multiValueHeaders": headers or None,
            "queryStringParameters": {name: values[-1] for name, values in query.items()} or None,
            "multiValueQueryStringParameters": query or None,
            "pathParameters": None if root else {"proxy": unquote(path[1:])},
            "stageVariables": None,
            "requestContext": {
                "resourceId": "abc123",
                "resourcePath": resource,
                "httpMethod": request.method,
                "extendedRequestId": request.request_id[:16],
                "requestTime": request.request_time,
                "path": f"/{stage}{path}",
                "accountId": ACCOUNT_ID,
                "protocol": "HTTP/1.1",
                "stage": stage,
                "domainPrefix": API_ID,
                "requestTimeEpoch": request.epoch_ms,
                "requestId": request.request_id,
                "identity": {
                    "cognitoIdentityPoolId": None,
                    "accountId": None,
                    "cognitoIdentityId": None,
                    "caller": None,
                    "sourceIp": request.source_ip,
                    "principalOrgId": None,
                    "accessKey": None,
                    "cognitoAuthenticationType": None,
                    "cognitoAuthenticationProvider": None,
                    "userArn": None,
                    "userAgent": request.header("User-Agent"),
                    "user": None,
                },
                "domainName": f"{API_ID}.execute-api.{REGION}.amazonaws.com",
                "apiId": API_ID,
            },
            "body": request.body,
            "isBase64Encoded": request.is_base64,
        }

    def check_response(self, response: Dict[str, Any], event: Mapping[str, Any], problems: List[str]) -> None:
        # API Gateway answers 502 "Malformed Lambda proxy response" to any other key.
        check_unknown_keys(response, _REST_RESPONSE_KEYS, self.integration.title, problems)
        super().check_response(response, event, problems)
        check_multi_headers(response, "multiValueHeaders", problems)

    def http_headers(self, response: Dict[str, Any], event: Mapping[str, Any]) -> Pairs:
        # API Gateway merges the two maps; a name/value pair present in both is sent once.
        multi = response.get("multiValueHeaders") or {}
        pairs = [(name, value) for name, values in multi.items() for value in values]
        sent = {(name.lower(), value) for name, value in pairs}
        for name, value in (response.get("headers") or {}).items():
            if (name.lower(), value) not in sent:
                pairs.append((name, value))
        return pairs


#: The stage name of events built for ASGI requests (Powertools' HttpResolverLocal says "local" too).
LOCAL_STAGE = "local"


class LocalHttpWire(RestApiWire):
    """``HttpResolverLocal``'s events: REST events as an HTTP server hands a request over (see
    ``apigw.http_resolver.LOCAL_HTTP``)."""

    def event(self, request: HttpRequest) -> Dict[str, Any]:
        from urllib.parse import unquote_plus

        explicit_stage = request.stage is not None
        if not explicit_stage:
            request.stage = LOCAL_STAGE
        event = super().event(request)
        path = unquote(request.raw_path)
        event["path"] = path
        if not explicit_stage:
            event["requestContext"]["path"] = path
        headers = grouped(request.headers, lower=True)
        event["headers"] = {
            name: ("; " if name == "cookie" else ", ").join(values) for name, values in headers.items()
        } or None
        event["multiValueHeaders"] = headers or None
        query = by_name([(unquote_plus(name), unquote_plus(value)) for name, value in request.query])
        event["queryStringParameters"] = {name: values[-1] for name, values in query.items()} or None
        event["multiValueQueryStringParameters"] = query or None
        return event


class HttpApiWire(WireFormat):
    any_json_response = True

    def event(self, request: HttpRequest) -> Dict[str, Any]:
        stage = request.stage or "$default"
        raw_path = unquote(request.raw_path)  # NOTE: HTTP API hands the path over percent-decoded
        if stage != "$default":
            raw_path = f"/{stage}{raw_path}"
        domain = f"{API_ID}.execute-api.{REGION}.amazonaws.com"
        return self.v2_event(request, raw_path, stage, API_ID, domain, ACCOUNT_ID)

    def v2_event(
        self, request: HttpRequest, raw_path: str, stage: str, prefix: str, domain: str, account: str
    ) -> Dict[str, Any]:
        headers = grouped(request.headers, lower=True)
        cookies = _cookie_items(headers.pop("cookie", []))  # the Cookie header becomes the cookies list
        event: Dict[str, Any] = {
            "version": "2.0",
            "routeKey": "$default",
            "rawPath": raw_path,
            "rawQueryString": request.raw_query,
        }
        if cookies:
            event["cookies"] = cookies
        event["headers"] = {name: ",".join(values) for name, values in headers.items()}
        if request.query:
            query = by_name(decoded(request.query))
            event["queryStringParameters"] = {name: ",".join(values) for name, values in query.items()}
        event["requestContext"] = {
            "accountId": account,
            "apiId": prefix,
            "domainName": domain,
            "domainPrefix": prefix,
            "http": {
                "method": request.method,
                "path": raw_path,
                "protocol": "HTTP/1.1",
                "sourceIp": request.source_ip,
                "userAgent": request.header("User-Agent") or "",
            },
            "requestId": request.request_id,
            "routeKey": "$default",
            "stage": stage,
            "time": request.request_time,
            "timeEpoch": request.epoch_ms,
        }
        if request.body is not None:
            event["body"] = request.body
        event["isBase64Encoded"] = request.is_base64
        return event

    def check_response(self, response: Dict[str, Any], event: Mapping[str, Any], problems: List[str]) -> None:
        super().check_response(response, event, problems)
        cookies = response.get("cookies")
        if cookies is not None and not (isinstance(cookies, list) and all(isinstance(one, str) for one in cookies)):
            problems.append(f"'cookies' is {cookies!r}, not a list of Set-Cookie strings")

    def http_response(self, response: Any, event: Mapping[str, Any]) -> Tuple[int, Pairs, bytes]:
        if not isinstance(response, dict) or "statusCode" not in response:
            # Payload 2.0: any other JSON value is a 200 with that JSON as the body.
            import json

            return 200, [("content-type", "application/json")], json.dumps(response).encode("utf-8")
        return super().http_response(response, event)

    def http_headers(self, response: Dict[str, Any], event: Mapping[str, Any]) -> Pairs:
        pairs = list((response.get("headers") or {}).items())
        pairs.extend(("set-cookie", cookie) for cookie in response.get("cookies") or ())
        return pairs


class FunctionUrlWire(HttpApiWire):
    def event(self, request: HttpRequest) -> Dict[str, Any]:
        domain = f"{FUNCTION_URL_ID}.lambda-url.{REGION}.on.aws"
        # The path keeps its percent-encoding; accountId is "anonymous" without IAM auth.
        return self.v2_event(request, request.raw_path, "$default", FUNCTION_URL_ID, domain, "anonymous")


class AlbWire(WireFormat):
    def event(self, request: HttpRequest) -> Dict[str, Any]:
        headers = grouped(request.headers, lower=True)
        query = by_name(request.query)  # NOTE: names and values as the client sent them, not decoded
        event: Dict[str, Any] = {
            "requestContext": {"elb": {"targetGroupArn": TARGET_GROUP_ARN}},
            "httpMethod": request.method,
            "path": request.raw_path,
        }
        if request.multi_value:
            event["multiValueQueryStringParameters"] = query
            event["multiValueHeaders"] = headers
        else:  # one value per name: the last one sent
            event["queryStringParameters"] = {name: values[-1] for name, values in query.items()}
            event["headers"] = {name: values[-1] for name, values in headers.items()}
        event["body"] = "" if request.body is None else request.body
        event["isBase64Encoded"] = request.is_base64
        return event

    def check_response(self, response: Dict[str, Any], event: Mapping[str, Any], problems: List[str]) -> None:
        super().check_response(response, event, problems)
        check_multi_headers(response, "multiValueHeaders", problems)
        if event:
            multi = self.multi_value_request(event)
            used, ignored = ("multiValueHeaders", "headers") if multi else ("headers", "multiValueHeaders")
            if response.get(ignored):
                problems.append(
                    f"this target group sends {used} (see the request), so the ALB ignores the response's {ignored!r}"
                )

    def http_headers(self, response: Dict[str, Any], event: Mapping[str, Any]) -> Pairs:
        if self.multi_value_request(event) if event else "multiValueHeaders" in response:
            multi = response.get("multiValueHeaders") or {}
            return [(name, value) for name, values in multi.items() for value in values]
        # Differently-cased Set-Cookie keys (several cookies in single-value mode) each become a header.
        return list((response.get("headers") or {}).items())

    def multi_value_request(self, event: Mapping[str, Any]) -> bool:
        """Whether the request ``event`` asks for the integration's ``multi_value_layout`` (an ALB target group with
        multi-value headers on sends ``multiValueHeaders``)."""
        return self.integration.multi_value_layout is not None and event.get("multiValueHeaders") is not None


class VpcLatticeWire(WireFormat):
    def event(self, request: HttpRequest) -> Dict[str, Any]:
        headers = grouped(request.headers, lower=True)
        query = by_name(decoded(request.query))
        # NOTE: structure v1 has one value per name: repeated headers joined with "," (as HTTP combines them),
        # repeated query parameters the last one. raw_path keeps the query string as sent.
        return {
            "raw_path": f"{request.raw_path}?{request.raw_query}" if request.raw_query else request.raw_path,
            "method": request.method,
            "headers": {name: ",".join(values) for name, values in headers.items()},
            "query_string_parameters": {name: values[-1] for name, values in query.items()},
            "body": "" if request.body is None else request.body,
            "is_base64_encoded": request.is_base64,
        }

    def check_response(self, response: Dict[str, Any], event: Mapping[str, Any], problems: List[str]) -> None:
        super().check_response(response, event, problems)
        for ignored in ("multiValueHeaders", "cookies"):
            if response.get(ignored):
                problems.append(f"VPC Lattice reads only 'headers': the response's {ignored!r} is ignored")


class VpcLatticeV2Wire(VpcLatticeWire):
    def event(self, request: HttpRequest) -> Dict[str, Any]:
        arn = f"arn:aws:vpc-lattice:{REGION}:{ACCOUNT_ID}"
        return {
            "version": "2.0",
            "path": request.raw_path,
            "method": request.method,
            "headers": grouped(request.headers, lower=True),  # every value, as a list
            "queryStringParameters": by_name(decoded(request.query)),
            "body": request.body,
            "isBase64Encoded": request.is_base64,
            "requestContext": {
                "serviceNetworkArn": f"{arn}:servicenetwork/sn-0123456789abcdef0",
                "serviceArn": f"{arn}:service/svc-0123456789abcdef0",
                "targetGroupArn": f"{arn}:targetgroup/tg-0123456789abcdef0",
                "identity": {"sourceVpcArn": f"arn:aws:ec2:{REGION}:{ACCOUNT_ID}:vpc/vpc-0123456789abcdef0"},
                "region": REGION,
                "timeEpoch": str(request.epoch_ms * 1000),  # microseconds, as text
            },
        }

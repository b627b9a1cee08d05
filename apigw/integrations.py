"""The AWS integrations that deliver HTTP requests to a Lambda function, one object each.

API Gateway REST APIs, HTTP APIs, Lambda Function URLs, Application Load Balancers and VPC Lattice each send their
own event format and read their own response format. Everything that differs between them lives in one
``Integration`` object: which view reads its events, how to recognise them, the response layout and its quirks, and
how large a response may be. Resolvers, ``ResponseBuilder``, the test client and the dev server ask the integration
instead of comparing names.

>>> from apigw.integrations import ALB, detect
>>> detect({"httpMethod": "GET", "path": "/", "requestContext": {"elb": {"targetGroupArn": "arn:..."}}}) is ALB
True
>>> ALB.response_limit
1048576

Adding an integration is one subclass here, its event view in ``apigw.events``, a sample event in ``events/`` and
tests.
"""

from __future__ import annotations

from functools import cached_property  # PERF: functools is loaded by re, which the runtime loads

from . import _layouts, events

TYPE_CHECKING = False
if TYPE_CHECKING:
    from types import ModuleType
    from typing import Any, Dict, List, Mapping, Optional, Tuple, Union

    from ._wire import CookiesInput, HeadersInput, HttpRequest, QueryInput

#: Lambda's synchronous response payload limit: 6 MB of response JSON. API Gateway's own 10 MB is never reached.
LAMBDA_RESPONSE_LIMIT = 6 * 1024 * 1024
#: An ALB target's response JSON may be at most 1 MB.
ALB_RESPONSE_LIMIT = 1024 * 1024


class Integration:
    """One AWS integration. The attributes are the facts; the methods are where the integrations differ."""

    #: short name used by the CLI and the test client (``rest``, ``http``, ``url``, ``alb``, ``lattice``, ...)
    name = ""
    #: what AWS calls it, for messages
    title = ""
    #: the apigw resolver class for its events
    resolver_name = ""
    #: the name in ``apigw.events`` of the view class that reads its events (``event_class``)
    view_name = "BaseProxyEvent"
    #: the largest response JSON, in bytes, the integration accepts (more is an opaque 502 at AWS)
    response_limit = LAMBDA_RESPONSE_LIMIT
    #: header layout of the response (see ``apigw._layouts``)
    layout = _layouts.SINGLE_AND_MULTI
    #: the layout instead when the request event has ``multiValueHeaders`` (ALB with multi-value headers on)
    multi_value_layout: Optional[int] = None
    #: True when the response carries a ``statusDescription`` (``"200 OK"``)
    status_description = False
    #: False when a null body must be sent as ``""`` (ALB answers 502 to a null body)
    null_body = True
    #: True when CORS headers of a request without ``Origin`` go in the single-value ``headers`` map only
    cors_without_origin_in_headers_only = False
    #: Whether this integration's events carry ``requestContext.elb`` (True: ALB; False: REST), for the two whose
    #: views could read each other's events; None: another integration's event fails on a missing key anyway.
    expects_elb: Optional[bool] = None
    #: Whether the URLs clients use carry the API Gateway stage (``/prod/...``) when the event's path has it: the
    #: OpenAPI document's server URL keeps that prefix.
    stage_in_urls = True
    #: True when a request may name a stage (API Gateway). An integration without stages refuses ``stage``, except
    #: for ``fixed_stage``: the one stage name its events carry anyway (a Function URL's ``$default``).
    has_stages = True
    fixed_stage: Optional[str] = None

    @cached_property
    def event_class(self) -> type:
        """The view class that reads its events. PERF: looked up on first use, so that an app imports the view
        module of its own integration only (see ``apigw.events``); then kept (AnyIntegrationResolver asks per event)."""
        view: type = getattr(events, self.view_name)
        return view

    def family(self) -> str:
        """Integrations whose events and responses are interchangeable share a family (HTTP API and Function URL)."""
        return self.name

    # -- the HTTP side, for the test client, the dev server and the CLI (docs/wire-formats.md) ---------------------

    def build_event(
        self,
        method: str,
        path: str,
        *,
        query: QueryInput = None,
        headers: HeadersInput = None,
        cookies: CookiesInput = None,
        body: Union[str, bytes, None] = None,
        stage: Optional[str] = None,
        multi_value: bool = False,
        source_ip: str = "127.0.0.1",
    ) -> Dict[str, Any]:
        """The event this integration sends to a Lambda function for one HTTP request.

        ``path`` is the path exactly as the client sent it (percent-encoded), optionally with ``?query``; ``query`` adds
        parameters (a mapping whose values may be lists, or ``(name, value)`` pairs; encoded here); ``headers`` is
        a mapping (values may be lists) or ``(name, value)`` pairs, names as the client spelled them; ``cookies``
        (a mapping, or ``"name=value"`` strings) become a ``Cookie`` header; a ``str`` body is sent as text, a
        ``bytes`` body base64-encoded with ``isBase64Encoded``. ``stage`` names the API Gateway stage (REST
        ``Prod``, HTTP API ``$default`` when not given); ``multi_value`` is an ALB target group's multi-value
        headers setting.

        >>> event = HTTP_API.build_event("GET", "/orders?tag=a&tag=b", headers={"X-Id": ["1", "2"]})
        >>> event["rawPath"], event["queryStringParameters"], event["headers"]
        ('/orders', {'tag': 'a,b'}, {'x-id': '1,2'})
        """
        from . import _wire  # PERF: dev tools only; a resolver at work never builds events

        self.check_settings(stage=stage, multi_value=multi_value)
        request = _wire.http_request(method, path, query, headers, cookies, body, stage, multi_value, source_ip)
        return self._event(request, _wire)

    def check_settings(self, *, stage: Optional[str] = None, multi_value: bool = False) -> None:
        """Raise ``ValueError`` saying why, when this integration has no such settings: a ``stage`` where it has
        no stages (or a stage name that is no name), ``multi_value`` headers where its responses have no
        multi-value layout. ``build_event`` checks its arguments with it; the test client and the dev server check
        theirs when they are made, before any request.

        >>> ALB.check_settings(stage="Prod")
        Traceback (most recent call last):
        ...
        ValueError: Application Load Balancer has no stages: stage 'Prod' cannot be sent
        """
        if multi_value and self.multi_value_layout is None:
            raise ValueError(f"multi-value headers are an ALB setting (of its target groups); {self.title} has none")
        if stage is None:
            return
        if not isinstance(stage, str) or not stage or "/" in stage:
            raise ValueError(f"a stage is a name such as 'Prod' or '$default', not {stage!r}")
        if not self.has_stages and stage != self.fixed_stage:
            raise ValueError(f"{self.title} has no stages: stage {stage!r} cannot be sent")

    def response_problems(self, response: Any, event: Optional[Mapping[str, Any]] = None) -> List[str]:
        """Why this integration would refuse ``response`` (a function's return value), or lose part of it: one
        sentence per problem (shape, types, size against ``response_limit``); ``[]`` for a legal response.
        ``event`` is the request (an ALB's header mode follows it).

        >>> REST_API.response_problems({"statusCode": "200", "body": "hi"})
        ["'statusCode' is '200' (str), not an int"]
        """
        from . import _wire  # PERF: dev tools only

        problems: List[str] = []
        if _wire.check_common(response, self.response_limit, problems, self._any_json_response):
            if isinstance(response, dict) and (not self._any_json_response or "statusCode" in response):
                self._check_response(response, event or {}, problems, _wire)
        return problems

    def http_response(
        self, response: Any, event: Optional[Mapping[str, Any]] = None
    ) -> Tuple[int, List[Tuple[str, str]], bytes]:
        """What an HTTP client receives for a legal ``response``: the status, the header ``(name, value)`` pairs
        (each cookie its own ``Set-Cookie``) and the body bytes (base64 decoded). Check ``response_problems``
        first: an illegal response has no defined answer (AWS sends a 502)."""
        from . import _wire  # PERF: dev tools only

        return _wire.status_of(response), self._http_headers(response, event or {}), _wire.body_bytes(response)

    #: True when any JSON value is a valid response (HTTP API 2.0 answers one without ``statusCode`` as a 200)
    _any_json_response = False

    def _event(self, request: HttpRequest, wire: ModuleType) -> Dict[str, Any]:
        raise NotImplementedError(f"{self.title} events cannot be built yet")

    def _check_response(
        self, response: Dict[str, Any], event: Mapping[str, Any], problems: List[str], wire: ModuleType
    ) -> None:
        wire.check_status(response, problems)
        wire.check_single_headers(response, "headers", problems)
        wire.check_body(response, problems, self.null_body)
        if self.status_description:
            description = response.get("statusDescription")
            if description is not None and not isinstance(description, str):
                problems.append(f"'statusDescription' is {description!r}, not a str such as '200 OK'")

    def _multi_value_request(self, event: Mapping[str, Any]) -> bool:
        """Whether the request ``event`` asks for the ``multi_value_layout`` (an ALB target group with multi-value
        headers on sends ``multiValueHeaders``)."""
        return self.multi_value_layout is not None and event.get("multiValueHeaders") is not None

    def _http_headers(self, response: Dict[str, Any], event: Mapping[str, Any]) -> List[Tuple[str, str]]:
        return list((response.get("headers") or {}).items())

    def __repr__(self) -> str:
        return f"<integration {self.name}: {self.title}>"


class RestApi(Integration):
    """API Gateway REST API (and HTTP API payload 1.0): ``headers`` + ``multiValueHeaders`` in and out."""

    name = "rest"
    title = "API Gateway REST API"
    resolver_name = "APIGatewayRestResolver"
    view_name = "APIGatewayProxyEvent"
    layout = _layouts.SINGLE_AND_MULTI
    # COMPAT: the seed page's CORS headers are "always returned"; without an Origin they go in `headers` only, which
    # clients get (API Gateway merges the two maps) while `multiValueHeaders` stays as Powertools v3 has it.
    cors_without_origin_in_headers_only = True
    expects_elb = False  # an ALB event reads as a REST event: told apart by requestContext.elb

    def _event(self, request: HttpRequest, wire: ModuleType) -> Dict[str, Any]:
        # A catch-all API: the resource "/{proxy+}" (and "/" for the root), as a router behind API Gateway has.
        stage = request.stage or "Prod"
        path = request.raw_path  # NOTE: REST keeps the percent-encoding in `path`; pathParameters are decoded
        root = path == "/"
        resource = "/" if root else "/{proxy+}"
        headers = wire.grouped(request.headers, lower=False)
        query = wire.by_name(wire.decoded(request.query))
        return {
            "resource": resource,
            "path": path,
            "httpMethod": request.method,
            "headers": {name: values[-1] for name, values in headers.items()} or None,
            "multiValueHeaders": headers or None,
            "queryStringParameters": {name: values[-1] for name, values in query.items()} or None,
            "multiValueQueryStringParameters": query or None,
            "pathParameters": None if root else {"proxy": wire.unquote(path[1:])},
            "stageVariables": None,
            "requestContext": {
                "resourceId": "abc123",
                "resourcePath": resource,
                "httpMethod": request.method,
                "extendedRequestId": request.request_id[:16],
                "requestTime": request.request_time,
                "path": f"/{stage}{path}",
                "accountId": wire.ACCOUNT_ID,
                "protocol": "HTTP/1.1",
                "stage": stage,
                "domainPrefix": wire.API_ID,
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
                "domainName": f"{wire.API_ID}.execute-api.{wire.REGION}.amazonaws.com",
                "apiId": wire.API_ID,
            },
            "body": request.body,
            "isBase64Encoded": request.is_base64,
        }

    def _check_response(
        self, response: Dict[str, Any], event: Mapping[str, Any], problems: List[str], wire: ModuleType
    ) -> None:
        # API Gateway answers 502 "Malformed Lambda proxy response" to any other key.
        wire.check_unknown_keys(response, _REST_RESPONSE_KEYS, self.title, problems)
        super()._check_response(response, event, problems, wire)
        wire.check_multi_headers(response, "multiValueHeaders", problems)

    def _http_headers(self, response: Dict[str, Any], event: Mapping[str, Any]) -> List[Tuple[str, str]]:
        # API Gateway merges the two maps; a name/value pair present in both is sent once.
        multi = response.get("multiValueHeaders") or {}
        pairs = [(name, value) for name, values in multi.items() for value in values]
        sent = {(name.lower(), value) for name, value in pairs}
        for name, value in (response.get("headers") or {}).items():
            if (name.lower(), value) not in sent:
                pairs.append((name, value))
        return pairs


class HttpApi(Integration):
    """API Gateway HTTP API, payload 2.0: joined ``headers`` and a ``cookies`` list."""

    name = "http"
    title = "API Gateway HTTP API"
    resolver_name = "APIGatewayHttpResolver"
    view_name = "APIGatewayProxyEventV2"
    layout = _layouts.JOINED_WITH_COOKIES

    def family(self) -> str:
        return "v2"

    _any_json_response = True

    def _event(self, request: HttpRequest, wire: ModuleType) -> Dict[str, Any]:
        stage = request.stage or "$default"
        raw_path = wire.unquote(request.raw_path)  # NOTE: HTTP API hands the path over percent-decoded
        if stage != "$default":
            raw_path = f"/{stage}{raw_path}"
        domain = f"{wire.API_ID}.execute-api.{wire.REGION}.amazonaws.com"
        return self._v2_event(request, wire, raw_path, stage, wire.API_ID, domain, wire.ACCOUNT_ID)

    def _v2_event(
        self, request: HttpRequest, wire: ModuleType, raw_path: str, stage: str, prefix: str, domain: str, account: str
    ) -> Dict[str, Any]:
        headers = wire.grouped(request.headers, lower=True)
        cookies = events._cookie_items(headers.pop("cookie", []))  # the Cookie header becomes the cookies list
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
            query = wire.by_name(wire.decoded(request.query))
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

    def _check_response(
        self, response: Dict[str, Any], event: Mapping[str, Any], problems: List[str], wire: ModuleType
    ) -> None:
        super()._check_response(response, event, problems, wire)
        cookies = response.get("cookies")
        if cookies is not None and not (isinstance(cookies, list) and all(isinstance(one, str) for one in cookies)):
            problems.append(f"'cookies' is {cookies!r}, not a list of Set-Cookie strings")

    def http_response(
        self, response: Any, event: Optional[Mapping[str, Any]] = None
    ) -> Tuple[int, List[Tuple[str, str]], bytes]:
        if not isinstance(response, dict) or "statusCode" not in response:
            # Payload 2.0: any other JSON value is a 200 with that JSON as the body.
            import json

            return 200, [("content-type", "application/json")], json.dumps(response).encode("utf-8")
        return super().http_response(response, event)

    def _http_headers(self, response: Dict[str, Any], event: Mapping[str, Any]) -> List[Tuple[str, str]]:
        pairs = list((response.get("headers") or {}).items())
        pairs.extend(("set-cookie", cookie) for cookie in response.get("cookies") or ())
        return pairs


class FunctionUrl(HttpApi):
    """Lambda Function URL: the HTTP API 2.0 format without stages."""

    name = "url"
    title = "Lambda Function URL"
    resolver_name = "LambdaFunctionUrlResolver"
    view_name = "LambdaFunctionUrlEvent"

    has_stages = False
    fixed_stage = "$default"

    def _event(self, request: HttpRequest, wire: ModuleType) -> Dict[str, Any]:
        domain = f"{wire.FUNCTION_URL_ID}.lambda-url.{wire.REGION}.on.aws"
        # The path keeps its percent-encoding; accountId is "anonymous" without IAM auth.
        return self._v2_event(request, wire, request.raw_path, "$default", wire.FUNCTION_URL_ID, domain, "anonymous")


class Alb(Integration):
    """Application Load Balancer: ``headers`` or ``multiValueHeaders`` as the target group is set, never both; a
    ``statusDescription``; never a null body; at most 1 MB of response."""

    name = "alb"
    title = "Application Load Balancer"
    resolver_name = "ALBResolver"
    view_name = "ALBEvent"
    response_limit = ALB_RESPONSE_LIMIT
    layout = _layouts.SINGLE
    # The request's multiValueHeaders key is how ALB says the target group has multi-value headers on.
    multi_value_layout = _layouts.MULTI
    # COMPAT: Powertools sends no statusDescription; AWS documents it as required ("200 OK").
    status_description = True
    null_body = False
    expects_elb = True  # a REST event reads as an ALB event: told apart by requestContext.elb
    has_stages = False

    def _event(self, request: HttpRequest, wire: ModuleType) -> Dict[str, Any]:
        headers = wire.grouped(request.headers, lower=True)
        query = wire.by_name(request.query)  # NOTE: names and values as the client sent them, not decoded
        event: Dict[str, Any] = {
            "requestContext": {"elb": {"targetGroupArn": wire.TARGET_GROUP_ARN}},
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

    def _check_response(
        self, response: Dict[str, Any], event: Mapping[str, Any], problems: List[str], wire: ModuleType
    ) -> None:
        super()._check_response(response, event, problems, wire)
        wire.check_multi_headers(response, "multiValueHeaders", problems)
        if event:
            multi = self._multi_value_request(event)
            used, ignored = ("multiValueHeaders", "headers") if multi else ("headers", "multiValueHeaders")
            if response.get(ignored):
                problems.append(
                    f"this target group sends {used} (see the request), so the ALB ignores the response's {ignored!r}"
                )

    def _http_headers(self, response: Dict[str, Any], event: Mapping[str, Any]) -> List[Tuple[str, str]]:
        if self._multi_value_request(event) if event else "multiValueHeaders" in response:
            multi = response.get("multiValueHeaders") or {}
            return [(name, value) for name, values in multi.items() for value in values]
        # Differently-cased Set-Cookie keys (several cookies in single-value mode) each become a header.
        return list((response.get("headers") or {}).items())


_REST_RESPONSE_KEYS = ("statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded")


class VpcLattice(Integration):
    """VPC Lattice, event structure version 1 (snake_case keys): single-valued headers in and out, and a
    ``statusDescription``. Its response has no ``cookies`` field: several cookies go under differently-cased
    ``Set-Cookie`` names, as for ALB (COMPAT: Powertools sends them in a ``cookies`` key Lattice does not read)."""

    name = "lattice"
    title = "VPC Lattice"
    resolver_name = "VPCLatticeResolver"
    view_name = "VPCLatticeEvent"
    layout = _layouts.SINGLE
    status_description = True  # documented by AWS; Powertools leaves it out
    has_stages = False

    def _event(self, request: HttpRequest, wire: ModuleType) -> Dict[str, Any]:
        headers = wire.grouped(request.headers, lower=True)
        query = wire.by_name(wire.decoded(request.query))
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

    def _check_response(
        self, response: Dict[str, Any], event: Mapping[str, Any], problems: List[str], wire: ModuleType
    ) -> None:
        super()._check_response(response, event, problems, wire)
        for ignored in ("multiValueHeaders", "cookies"):
            if response.get(ignored):
                problems.append(f"VPC Lattice reads only 'headers': the response's {ignored!r} is ignored")


class VpcLatticeV2(VpcLattice):
    """VPC Lattice, event structure version 2: multi-valued request headers and query parameters, a
    ``requestContext`` naming the service network, service and target group. Responses as version 1."""

    name = "lattice-v2"
    title = "VPC Lattice (v2)"
    resolver_name = "VPCLatticeV2Resolver"
    view_name = "VPCLatticeEventV2"

    def _event(self, request: HttpRequest, wire: ModuleType) -> Dict[str, Any]:
        arn = f"arn:aws:vpc-lattice:{wire.REGION}:{wire.ACCOUNT_ID}"
        return {
            "version": "2.0",
            "path": request.raw_path,
            "method": request.method,
            "headers": wire.grouped(request.headers, lower=True),  # every value, as a list
            "queryStringParameters": wire.by_name(wire.decoded(request.query)),
            "body": request.body,
            "isBase64Encoded": request.is_base64,
            "requestContext": {
                "serviceNetworkArn": f"{arn}:servicenetwork/sn-0123456789abcdef0",
                "serviceArn": f"{arn}:service/svc-0123456789abcdef0",
                "targetGroupArn": f"{arn}:targetgroup/tg-0123456789abcdef0",
                "identity": {"sourceVpcArn": f"arn:aws:ec2:{wire.REGION}:{wire.ACCOUNT_ID}:vpc/vpc-0123456789abcdef0"},
                "region": wire.REGION,
                "timeEpoch": str(request.epoch_ms * 1000),  # microseconds, as text
            },
        }


REST_API = RestApi()
HTTP_API = HttpApi()
FUNCTION_URL = FunctionUrl()
ALB = Alb()
VPC_LATTICE = VpcLattice()
VPC_LATTICE_V2 = VpcLatticeV2()

#: every integration, by short name
BY_NAME: Dict[str, Integration] = {
    one.name: one for one in (REST_API, HTTP_API, FUNCTION_URL, ALB, VPC_LATTICE, VPC_LATTICE_V2)
}


def named(name: str) -> Integration:
    """The integration whose short name is ``name``; a ``ValueError`` listing the names when there is none.

    >>> named("alb") is ALB
    True
    >>> named("apigw")
    Traceback (most recent call last):
    ...
    ValueError: unknown integration 'apigw': use one of alb, http, lattice, lattice-v2, rest, url
    """
    found = BY_NAME.get(name) if isinstance(name, str) else None
    if found is None:
        raise ValueError(f"unknown integration {name!r}: use one of {known_names()}")
    return found


def known_names() -> str:
    """The short names as messages and help texts list them: ``"alb, http, lattice, lattice-v2, rest, url"``."""
    return ", ".join(sorted(BY_NAME))


def detect(event: Mapping[str, Any]) -> Optional[Integration]:
    """The integration that sent ``event``, from the keys that tell them apart; ``None`` when it is no HTTP event.

    A minimal ``{"httpMethod": ..., "path": ...}`` event is taken as REST. Function URL events are HTTP API 2.0
    events whose domain is ``<id>.lambda-url.<region>.on.aws``.
    """
    context = event.get("requestContext")
    if isinstance(context, dict):
        if "elb" in context:
            return ALB
        if "serviceArn" in context or "serviceNetworkArn" in context:
            return VPC_LATTICE_V2
        if event.get("version") == "2.0" and isinstance(context.get("http"), dict):
            domain = context.get("domainName")
            return FUNCTION_URL if isinstance(domain, str) and ".lambda-url." in domain else HTTP_API
    if "httpMethod" in event:
        return REST_API
    if "raw_path" in event and "method" in event:
        return VPC_LATTICE
    if "method" in event and "path" in event and event.get("version") == "2.0":
        return VPC_LATTICE_V2
    return None


def mismatch(integration: Integration, event: Mapping[str, Any]) -> bool:
    """True when ``event`` is positively not ``integration``'s although its view could read it (REST and ALB events
    read as each other's; any other mix fails on a missing key, and the error path calls ``detect``).

    An ALB event always has ``requestContext.elb``; a REST event with a request context never has it (a minimal
    ``{"httpMethod": ..., "path": ...}`` test event has none, and passes for either).
    """
    expects_elb = integration.expects_elb
    if expects_elb is None:
        return False
    context = event.get("requestContext")
    return type(context) is dict and ("elb" in context) is not expects_elb and bool(context or not expects_elb)


def describe(event: Any) -> Tuple[Optional[Integration], str]:
    """``(integration, text)`` naming what ``event`` is, for error messages."""
    if not isinstance(event, dict):
        return None, f"a {type(event).__name__}, not an event dict"
    found = detect(event)
    if found is None:
        keys = ", ".join(sorted(map(str, event))[:8]) or "no keys"
        return None, f"not an HTTP event of any integration apigw knows (keys: {keys})"
    return found, f"an {found.title} event" if found.title[0] in "AEIOU" else f"a {found.title} event"

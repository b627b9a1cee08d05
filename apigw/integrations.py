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

from . import _layouts, events

TYPE_CHECKING = False
if TYPE_CHECKING:
    from types import ModuleType
    from typing import Any, Dict, List, Mapping, Optional, Tuple

    from .events import BaseProxyEvent

#: Lambda's synchronous response payload limit: 6 MB of response JSON. API Gateway's own 10 MB is never reached.
LAMBDA_RESPONSE_LIMIT = 6 * 1024 * 1024
#: An ALB target's response JSON may be at most 1 MB.
ALB_RESPONSE_LIMIT = 1024 * 1024

_STATUS_LINES: Dict[int, str] = {}  # status -> "200 OK", filled on the first response that needs one


class Integration:
    """One AWS integration. The attributes are the facts; the methods are where the integrations differ."""

    #: short name used by the CLI and the test client (``rest``, ``http``, ``url``, ``alb``, ``lattice``, ...)
    name = ""
    #: what AWS calls it, for messages
    title = ""
    #: the apigw resolver class for its events
    resolver_name = ""
    #: the view class that reads its events
    event_class: type = events.BaseProxyEvent
    #: the largest response JSON, in bytes, the integration accepts (more is an opaque 502 at AWS)
    response_limit = LAMBDA_RESPONSE_LIMIT
    #: header layout of the response (see ``apigw._layouts``)
    layout = _layouts.SINGLE_AND_MULTI
    #: False when a null body must be sent as ``""`` (ALB answers 502 to a null body)
    null_body = True
    #: True when CORS headers of a request without ``Origin`` go in the single-value ``headers`` map only
    cors_without_origin_in_headers_only = False
    #: Whether this integration's events carry ``requestContext.elb`` (True: ALB; False: REST), for the two whose
    #: views could read each other's events; None: another integration's event fails on a missing key anyway.
    expects_elb: Optional[bool] = None

    def respond(
        self,
        headers_module: ModuleType,
        event: BaseProxyEvent,
        status: int,
        headers: Mapping[str, Any],
        cookies: List[str],
        body: Optional[str],
        is_base64: bool,
    ) -> Dict[str, Any]:
        """The response dict for this integration. ``headers_module`` is the app's headers twin (compiled or pure)."""
        result: Dict[str, Any] = {"statusCode": status}
        result.update(headers_module.serialize(headers, cookies, self.layout))
        result["body"] = body
        result["isBase64Encoded"] = is_base64
        return result

    def family(self) -> str:
        """Integrations whose events and responses are interchangeable share a family (HTTP API and Function URL)."""
        return self.name

    def __repr__(self) -> str:
        return f"<integration {self.name}: {self.title}>"


class RestApi(Integration):
    """API Gateway REST API (and HTTP API payload 1.0): ``headers`` + ``multiValueHeaders`` in and out."""

    name = "rest"
    title = "API Gateway REST API"
    resolver_name = "APIGatewayRestResolver"
    event_class = events.APIGatewayProxyEvent
    layout = _layouts.SINGLE_AND_MULTI
    # COMPAT: the seed page's CORS headers are "always returned"; without an Origin they go in `headers` only, which
    # clients get (API Gateway merges the two maps) while `multiValueHeaders` stays as Powertools v3 has it.
    cors_without_origin_in_headers_only = True
    expects_elb = False  # an ALB event reads as a REST event: told apart by requestContext.elb


class HttpApi(Integration):
    """API Gateway HTTP API, payload 2.0: joined ``headers`` and a ``cookies`` list."""

    name = "http"
    title = "API Gateway HTTP API"
    resolver_name = "APIGatewayHttpResolver"
    event_class = events.APIGatewayProxyEventV2
    layout = _layouts.JOINED_WITH_COOKIES

    def family(self) -> str:
        return "v2"


class FunctionUrl(HttpApi):
    """Lambda Function URL: the HTTP API 2.0 format without stages."""

    name = "url"
    title = "Lambda Function URL"
    resolver_name = "LambdaFunctionUrlResolver"
    event_class = events.LambdaFunctionUrlEvent


class Alb(Integration):
    """Application Load Balancer: ``headers`` or ``multiValueHeaders`` as the target group is set, never both; a
    ``statusDescription``; never a null body; at most 1 MB of response."""

    name = "alb"
    title = "Application Load Balancer"
    resolver_name = "ALBResolver"
    event_class = events.ALBEvent
    response_limit = ALB_RESPONSE_LIMIT
    layout = _layouts.SINGLE
    null_body = False
    expects_elb = True  # a REST event reads as an ALB event: told apart by requestContext.elb

    def respond(
        self,
        headers_module: ModuleType,
        event: BaseProxyEvent,
        status: int,
        headers: Mapping[str, Any],
        cookies: List[str],
        body: Optional[str],
        is_base64: bool,
    ) -> Dict[str, Any]:
        # The request's multiValueHeaders key is how ALB says the target group has multi-value headers on.
        multi = event._data.get("multiValueHeaders") is not None
        layout = _layouts.MULTI if multi else _layouts.SINGLE
        result: Dict[str, Any] = {"statusCode": status}
        result.update(headers_module.serialize(headers, cookies, layout))
        # COMPAT: Powertools sends no statusDescription; AWS documents it as required ("200 OK").
        result["statusDescription"] = status_line(status)
        result["body"] = body
        result["isBase64Encoded"] = is_base64
        return result


class VpcLattice(Integration):
    """VPC Lattice, event structure version 1 (snake_case keys): single-valued headers in and out, and a
    ``statusDescription``. Its response has no ``cookies`` field: several cookies go under differently-cased
    ``Set-Cookie`` names, as for ALB (COMPAT: Powertools sends them in a ``cookies`` key Lattice does not read)."""

    name = "lattice"
    title = "VPC Lattice"
    resolver_name = "VPCLatticeResolver"
    event_class: type = events.VPCLatticeEvent
    layout = _layouts.SINGLE

    def respond(
        self,
        headers_module: ModuleType,
        event: BaseProxyEvent,
        status: int,
        headers: Mapping[str, Any],
        cookies: List[str],
        body: Optional[str],
        is_base64: bool,
    ) -> Dict[str, Any]:
        result: Dict[str, Any] = {"statusCode": status}
        result.update(headers_module.serialize(headers, cookies, self.layout))
        result["statusDescription"] = status_line(status)  # documented by AWS; Powertools leaves it out
        result["body"] = body
        result["isBase64Encoded"] = is_base64
        return result


class VpcLatticeV2(VpcLattice):
    """VPC Lattice, event structure version 2: multi-valued request headers and query parameters, a
    ``requestContext`` naming the service network, service and target group. Responses as version 1."""

    name = "lattice-v2"
    title = "VPC Lattice (v2)"
    resolver_name = "VPCLatticeV2Resolver"
    event_class = events.VPCLatticeEventV2


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


def status_line(status: int) -> str:
    """``"200 OK"``: the status and its reason phrase (``statusDescription`` of ALB and VPC Lattice responses)."""
    line = _STATUS_LINES.get(status)
    if line is None:
        if not _STATUS_LINES:
            from http import HTTPStatus  # PERF: loaded on the first response that needs it, not at cold start

            _STATUS_LINES.update((item.value, f"{item.value} {item.phrase}") for item in HTTPStatus)
        line = _STATUS_LINES.get(status) or f"{status} Unknown"
    return line


def describe(event: Any) -> Tuple[Optional[Integration], str]:
    """``(integration, text)`` naming what ``event`` is, for error messages."""
    if not isinstance(event, dict):
        return None, f"a {type(event).__name__}, not an event dict"
    found = detect(event)
    if found is None:
        keys = ", ".join(sorted(map(str, event))[:8]) or "no keys"
        return None, f"not an HTTP event of any integration apigw knows (keys: {keys})"
    return found, f"an {found.title} event" if found.title[0] in "AEIOU" else f"a {found.title} event"

"""The AWS integrations that deliver HTTP requests to a Lambda function, one object each.

API Gateway REST APIs, HTTP APIs, Lambda Function URLs, Application Load Balancers and VPC Lattice each send their
own event format and read their own response format. Everything that differs between them lives in one
``Integration`` object: which view reads its events, how to recognise them, the response layout and its quirks, and
how large a response may be. Resolvers, ``ResponseBuilder``, the test client and the dev server ask the integration
instead of comparing names. The half only the dev tools use (building an event for an HTTP request, judging a
response as AWS would) is the integration's ``wire`` (a ``WireFormat`` of ``apigw._wire``), loaded on first use: a
function at work never pays for it.

>>> from apigw.integrations import ALB, detect
>>> detect({"httpMethod": "GET", "path": "/", "requestContext": {"elb": {"targetGroupArn": "arn:..."}}}) is ALB
True
>>> ALB.response_limit
1048576

Adding an integration is one ``Integration`` here, its event view in ``apigw.events``, its ``WireFormat`` in
``apigw._wire``, a sample event in ``events/`` and tests.
"""

from __future__ import annotations

from functools import cached_property  # PERF: functools is loaded by re, which the runtime loads

from . import _shared, events

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, List, Mapping, Optional, Tuple, Union

    from ._wire import CookiesInput, HeadersInput, QueryInput, WireFormat

#: Lambda's synchronous response payload limit: 6 MB of response JSON. API Gateway's own 10 MB is never reached.
LAMBDA_RESPONSE_LIMIT = 6 * 1024 * 1024
#: An ALB target's response JSON may be at most 1 MB.
ALB_RESPONSE_LIMIT = 1024 * 1024


class Integration:
    """One AWS integration: the facts apigw follows for its events and responses. There is one instance per
    integration (below); ``Integration(name=..., title=..., ...)`` takes any of the facts, the others keep their
    defaults, and ``replace`` makes a variant.

    PERF: instances of one class rather than a class each: a cold start pays for every class it makes.
    """

    #: short name used by the CLI and the test client (``rest``, ``http``, ``url``, ``alb``, ``lattice``, ...)
    name: str = ""
    #: what AWS calls it, for messages
    title: str = ""
    #: the apigw resolver class for its events
    resolver_name: str = ""
    #: the name in ``apigw.events`` of the view class that reads its events (``event_class``)
    view_name: str = "BaseProxyEvent"
    #: the name in ``apigw._wire`` of the ``WireFormat`` class that builds its events and reads its responses
    wire_name: str = "WireFormat"
    #: integrations whose events and responses are interchangeable share a family name (HTTP API and Function URL);
    #: empty: a family of its own (``family()``)
    family_name: str = ""
    #: the largest response JSON, in bytes, the integration accepts (more is an opaque 502 at AWS)
    response_limit: int = LAMBDA_RESPONSE_LIMIT
    #: header layout of the response (see ``apigw._shared``)
    layout: int = _shared.SINGLE_AND_MULTI
    #: the layout instead when the request event has ``multiValueHeaders`` (ALB with multi-value headers on)
    multi_value_layout: Optional[int] = None
    #: True when the response carries a ``statusDescription`` (``"200 OK"``)
    status_description: bool = False
    #: False when a null body must be sent as ``""`` (ALB answers 502 to a null body)
    null_body: bool = True
    #: True when CORS headers of a request without ``Origin`` go in the single-value ``headers`` map only
    cors_without_origin_in_headers_only: bool = False
    #: Whether this integration's events carry ``requestContext.elb`` (True: ALB; False: REST), for the two whose
    #: views could read each other's events; None: another integration's event fails on a missing key anyway.
    expects_elb: Optional[bool] = None
    #: Whether the URLs clients use carry the API Gateway stage (``/prod/...``) when the event's path has it: the
    #: OpenAPI document's server URL keeps that prefix.
    stage_in_urls: bool = True
    #: True when a request may name a stage (API Gateway). An integration without stages refuses ``stage``, except
    #: for ``fixed_stage``: the one stage name its events carry anyway (a Function URL's ``$default``).
    has_stages: bool = True
    fixed_stage: Optional[str] = None

    def __init__(self, **facts: Any) -> None:
        unknown = facts.keys() - _FACTS
        if unknown:
            raise TypeError(
                f"an Integration has no fact named {', '.join(sorted(unknown))}: use {', '.join(sorted(_FACTS))}"
            )
        self.__dict__.update(facts)

    def replace(self, **facts: Any) -> Integration:
        """This integration with some of its facts changed (``HttpResolverLocal``'s REST integration; tests).

        >>> REST_API.replace(stage_in_urls=False).stage_in_urls, REST_API.stage_in_urls
        (False, True)
        """
        return Integration(**{**{fact: value for fact, value in vars(self).items() if fact in _FACTS}, **facts})

    @cached_property
    def event_class(self) -> type:
        """The view class that reads its events. PERF: looked up on first use, so that an app imports the view
        module of its own integration only (see ``apigw.events``); then kept (AnyIntegrationResolver asks per event)."""
        view: type = getattr(events, self.view_name)
        return view

    def family(self) -> str:
        """Integrations whose events and responses are interchangeable share a family (HTTP API and Function URL)."""
        return self.family_name or self.name

    # -- the HTTP side, for the test client, the dev server and the CLI (docs/wire-formats.md) ---------------------

    @cached_property
    def wire(self) -> WireFormat:
        """This integration's ``WireFormat`` (``apigw._wire``): how its events and responses look for one HTTP
        request, the half of an integration only the dev tools use. PERF: made on first use, so a function at work
        never loads it."""
        from . import _wire

        wire_format: WireFormat = getattr(_wire, self.wire_name)(self)
        return wire_format

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
        from ._wire import http_request

        self.check_settings(stage=stage, multi_value=multi_value)
        return self.wire.event(http_request(method, path, query, headers, cookies, body, stage, multi_value, source_ip))

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
        return self.wire.response_problems(response, event or {})

    def http_response(
        self, response: Any, event: Optional[Mapping[str, Any]] = None
    ) -> Tuple[int, List[Tuple[str, str]], bytes]:
        """What an HTTP client receives for a legal ``response``: the status, the header ``(name, value)`` pairs
        (each cookie its own ``Set-Cookie``) and the body bytes (base64 decoded). Check ``response_problems``
        first: an illegal response has no defined answer (AWS sends a 502)."""
        return self.wire.http_response(response, event or {})

    def __repr__(self) -> str:
        return f"<integration {self.name}: {self.title}>"


#: The facts of the integrations' own (their ``Integration`` attributes).
_FACTS = frozenset(Integration.__annotations__)

# API Gateway REST API (and HTTP API payload 1.0): ``headers`` + ``multiValueHeaders`` in and out.
REST_API = Integration(
    name="rest",
    title="API Gateway REST API",
    resolver_name="APIGatewayRestResolver",
    view_name="APIGatewayProxyEvent",
    wire_name="RestApiWire",
    layout=_shared.SINGLE_AND_MULTI,
    # COMPAT: the seed page's CORS headers are "always returned"; without an Origin they go in `headers` only, which
    # clients get (API Gateway merges the two maps) while `multiValueHeaders` stays as Powertools v3 has it.
    cors_without_origin_in_headers_only=True,
    expects_elb=False,  # an ALB event reads as a REST event: told apart by requestContext.elb
)

# API Gateway HTTP API, payload 2.0: joined ``headers`` and a ``cookies`` list.
HTTP_API = Integration(
    name="http",
    title="API Gateway HTTP API",
    resolver_name="APIGatewayHttpResolver",
    view_name="APIGatewayProxyEventV2",
    wire_name="HttpApiWire",
    family_name="v2",
    layout=_shared.JOINED_WITH_COOKIES,
)

# Lambda Function URL: the HTTP API 2.0 format without stages.
FUNCTION_URL = HTTP_API.replace(
    name="url",
    title="Lambda Function URL",
    resolver_name="LambdaFunctionUrlResolver",
    view_name="LambdaFunctionUrlEvent",
    wire_name="FunctionUrlWire",
    has_stages=False,
    fixed_stage="$default",
)

# Application Load Balancer: ``headers`` or ``multiValueHeaders`` as the target group is set, never both; a
# ``statusDescription``; never a null body; at most 1 MB of response.
ALB = Integration(
    name="alb",
    title="Application Load Balancer",
    resolver_name="ALBResolver",
    view_name="ALBEvent",
    wire_name="AlbWire",
    response_limit=ALB_RESPONSE_LIMIT,
    layout=_shared.SINGLE,
    # The request's multiValueHeaders key is how ALB says the target group has multi-value headers on.
    multi_value_layout=_shared.MULTI,
    # COMPAT: Powertools sends no statusDescription; AWS documents it as required ("200 OK").
    status_description=True,
    null_body=False,
    expects_elb=True,  # a REST event reads as an ALB event: told apart by requestContext.elb
    has_stages=False,
)

# VPC Lattice, event structure version 1 (snake_case keys): single-valued headers in and out, and a
# ``statusDescription``. Its response has no ``cookies`` field: several cookies go under differently-cased
# ``Set-Cookie`` names, as for ALB (COMPAT: Powertools sends them in a ``cookies`` key Lattice does not read).
VPC_LATTICE = Integration(
    name="lattice",
    title="VPC Lattice",
    resolver_name="VPCLatticeResolver",
    view_name="VPCLatticeEvent",
    wire_name="VpcLatticeWire",
    layout=_shared.SINGLE,
    status_description=True,  # documented by AWS; Powertools leaves it out
    has_stages=False,
)

# VPC Lattice, event structure version 2: multi-valued request headers and query parameters, a ``requestContext``
# naming the service network, service and target group. Responses as version 1.
VPC_LATTICE_V2 = VPC_LATTICE.replace(
    name="lattice-v2",
    title="VPC Lattice (v2)",
    resolver_name="VPCLatticeV2Resolver",
    view_name="VPCLatticeEventV2",
    wire_name="VpcLatticeV2Wire",
)

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

"""Read-only views over the raw Lambda event of an HTTP request (REST v1, HTTP API v2, ALB, Function URL).

A view is built for every request, so building one only stores a reference to the event: nothing is copied,
re-keyed or parsed until a property is read. Values that cost something to compute (the ``Headers`` view, the
decoded body, the parsed JSON body) are computed on first use and kept on that view instance.

Real events leave out, or send as ``null``, most optional fields (``headers``, ``multiValueHeaders``, query
parameters, ``pathParameters``, ``stageVariables``, ``body``, ``requestContext``, ``cookies``), and test events are
often as small as ``{"path": "/hello", "httpMethod": "GET"}``. Every accessor copes with that: raw-field
properties (``query_string_parameters``, ``path_parameters``, ...) return the field as the event holds it, or
``None``; views (``headers``, ``request_context``, ...) come back empty. Only ``http_method`` and ``path``, without
which no request can be routed, raise: an ``InvalidEventError`` naming the missing field.

>>> event = APIGatewayProxyEvent({"path": "/hello", "httpMethod": "GET", "headers": {"Content-Type": "text/plain"}})
>>> event.http_method, event.path, event.headers["content-type"], event.json_body
('GET', '/hello', 'text/plain', None)
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Callable, Dict, Generic, Iterator, List, NoReturn, Optional, TypeVar, overload

from . import _impl
from .exceptions import InvalidBase64BodyError, InvalidBodyEncodingError, InvalidEventError, InvalidJSONBodyError

__all__ = [
    "DictWrapper",
    "Headers",
    "BaseProxyEvent",
    "APIGatewayProxyEvent",
    "APIGatewayEventRequestContext",
    "APIGatewayEventIdentity",
    "APIGatewayEventAuthorizer",
    "APIGatewayProxyEventV2",
    "RequestContextV2",
    "RequestContextV2Http",
    "RequestContextV2Authorizer",
    "RequestContextV2AuthorizerIam",
    "LambdaFunctionUrlEvent",
    "ALBEvent",
    "ALBEventRequestContext",
]

# Shared by every empty view; read-only so that no caller can fill it in for everyone else.
_EMPTY: Mapping[str, Any] = MappingProxyType({})


class _Missing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "<missing>"


_MISSING: Any = _Missing()

_T = TypeVar("_T")


def _mapping(value: Any) -> Optional[Mapping[str, Any]]:
    """``value`` if it is a mapping, else ``None`` (a ``null`` field, or junk in a hand-written event)."""
    if value is None or type(value) is dict:
        return value
    return value if isinstance(value, Mapping) else None


def _child(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    """The sub-dict ``data[key]``, or an empty mapping when it is missing, ``null`` or not a dict."""
    value = data.get(key)
    if type(value) is dict:
        return value
    return value if isinstance(value, Mapping) else _EMPTY


class _Field(property, Generic[_T]):
    # A read-only property returning ``view._data.get(key)``, declared in one line:
    # ``name: _Field[str] = _Field("key", "docstring")``; type checkers see ``Optional[str]`` on instances.
    # A ``property`` subclass rather than a class with a Python ``__get__``: property's C ``__get__`` keeps an access
    # within a few percent of a hand-written ``@property``, a Python ``__get__`` measured ~25% slower. Being a
    # property it keeps property semantics: no setter, no deleter, ``help()`` lists it with its doc. No class
    # docstring: it would clash with the ``__doc__`` slot holding each field's doc (which ``property.__init__``
    # does not fill on a slotted subclass, hence the assignment below).

    __slots__ = ("key", "__doc__")

    def __init__(self, key: str, doc: str) -> None:
        super().__init__(lambda view: view._data.get(key))
        self.key = key
        self.__doc__ = doc

    if TYPE_CHECKING:

        @overload
        def __get__(self, obj: None, owner: Optional[type] = None) -> _Field[_T]: ...
        @overload
        def __get__(self, obj: object, owner: Optional[type] = None) -> Optional[_T]: ...
        def __get__(self, obj: Any, owner: Optional[type] = None) -> Any: ...
        def __set__(self, obj: object, value: NoReturn) -> None: ...  # read-only for type checkers too


class DictWrapper(Mapping):
    """A read-only mapping over one dict of the event, with typed properties for its well-known keys."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[str, Any]) -> None:
        self._data = data

    @property
    def raw_event(self) -> Mapping[str, Any]:
        """The wrapped dict itself (not a copy)."""
        return self._data

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def get(self, key: str, default: Any = None) -> Any:
        """The raw value under ``key``, or ``default``."""
        return self._data.get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._data!r})"


class Headers(Mapping):
    """Case-insensitive, read-only view of the request headers in ``headers`` and ``multiValueHeaders``.

    ``view["content-type"]`` and ``view["Content-Type"]`` find the same header whichever way the event spells it.
    Iteration yields the names as the event spells them: those of ``headers`` first, then the names only
    ``multiValueHeaders`` has. A value is a ``str``: the ``headers`` value, or for a name only in
    ``multiValueHeaders`` its last value (the one REST v1 and ALB would have put in ``headers``). ``get_all``
    returns every value. HTTP API v2 and Function URL join repeated headers with ``,`` into one value, so there
    ``get_all`` returns that one joined value.

    >>> h = Headers({"Content-Type": "text/plain"}, {"X-Id": ["1", "2"]})
    >>> h["content-type"], h["x-id"], h.get_all("X-ID"), list(h)
    ('text/plain', '2', ['1', '2'], ['Content-Type', 'X-Id'])
    """

    __slots__ = ("_headers", "_multi")

    def __init__(
        self,
        headers: Optional[Mapping[str, Any]] = None,
        multi_value_headers: Optional[Mapping[str, Any]] = None,
    ) -> None:
        self._headers = headers
        self._multi = multi_value_headers

    def __getitem__(self, name: str) -> str:
        if isinstance(name, str):
            value = _impl.headers.get_header(self._headers, self._multi, name, _MISSING)
            if value is not _MISSING:
                return value
        raise KeyError(name)

    def get(self, name: str, default: Any = None) -> Any:
        """The value of header ``name`` in any letter case, or ``default``."""
        if not isinstance(name, str):
            return default
        return _impl.headers.get_header(self._headers, self._multi, name, default)

    def get_all(self, name: str) -> List[str]:
        """Every value of header ``name`` in any letter case (``[]`` when absent)."""
        if not isinstance(name, str):
            return []
        return _impl.headers.get_header_values(self._headers, self._multi, name)

    def __contains__(self, name: object) -> bool:
        return (
            isinstance(name, str)
            and _impl.headers.get_header(self._headers, self._multi, name, _MISSING) is not _MISSING
        )

    def __iter__(self) -> Iterator[str]:
        headers = self._headers or _EMPTY
        multi = self._multi
        if not multi:
            yield from headers
            return
        seen = set()
        for name in headers:
            seen.add(name.lower())
            yield name
        for name, values in multi.items():
            lowered = name.lower()
            # An empty value list has no value to show, so the name is left out (keeps iteration and
            # __getitem__ consistent).
            if lowered not in seen and values:
                seen.add(lowered)
                yield name

    def __len__(self) -> int:
        if not self._multi:
            return len(self._headers or _EMPTY)
        return sum(1 for _ in self)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return dict(self) == dict(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(dict(self))


def _parse_cookie_headers(values: List[str]) -> List[str]:
    """``Cookie`` header values split into their ``name=value`` items (the shape of HTTP API v2 ``cookies``)."""
    cookies = []
    for value in values:
        if not isinstance(value, str):
            continue
        for item in value.split(";"):
            item = item.strip()
            if item:
                cookies.append(item)
    return cookies


def _as_bool(value: Any) -> bool:
    # AWS sends a JSON boolean; hand-written events sometimes say "true"/"false", and bool("false") is True.
    if isinstance(value, str):
        return value.strip().lower() == "true"
    return bool(value)


class BaseProxyEvent(DictWrapper):
    """What every HTTP event format has: method, path, headers, query string, body.

    ``json_deserializer`` (default ``json.loads``) parses ``json_body``, as in Powertools.
    """

    # A readable name of the event format, and a hint, for InvalidEventError messages.
    _KIND = "HTTP"
    _HINT = "is this an API Gateway REST/ALB event?"

    __slots__ = ("_json_deserializer", "_headers", "_body_bytes", "_decoded_body", "_json_body")
    _headers: Headers
    _body_bytes: Optional[bytes]
    _decoded_body: Optional[str]
    _json_body: Any

    # The cache slots are deliberately not set here: an unset slot means "not computed yet", which keeps the
    # constructor down to two stores.
    def __init__(self, data: Mapping[str, Any], json_deserializer: Optional[Callable[[str], Any]] = None) -> None:
        self._data = data
        self._json_deserializer = json_deserializer

    def _invalid(self, key: str) -> InvalidEventError:
        return InvalidEventError(f"{self._KIND} event has no {key!r} ({self._HINT})")

    # -- method and path ------------------------------------------------------------------------------------

    @property
    def http_method(self) -> str:
        """The request method, e.g. ``"GET"``."""
        method = self._data.get("httpMethod")
        if not isinstance(method, str):
            raise self._invalid("httpMethod")
        return method

    @property
    def path(self) -> str:
        """The request path as the event carries it."""
        path = self._data.get("path")
        if not isinstance(path, str):
            raise self._invalid("path")
        return path

    # -- headers and cookies --------------------------------------------------------------------------------

    @property
    def headers(self) -> Headers:
        """Case-insensitive view of the request headers (empty when the event has none)."""
        try:
            return self._headers
        except AttributeError:
            data = self._data
            view = Headers(_mapping(data.get("headers")), _mapping(data.get("multiValueHeaders")))
            self._headers = view
            return view

    multi_value_headers: _Field[Dict[str, List[str]]] = _Field(
        "multiValueHeaders", "The raw ``multiValueHeaders`` field, or ``None``."
    )

    def get_header_value(
        self, name: str, default_value: Optional[str] = None, case_sensitive: bool = False
    ) -> Optional[str]:
        """The value of header ``name``, or ``default_value``.

        Letter case is ignored unless ``case_sensitive`` is true; then only the exact key of ``headers`` counts.
        """
        if case_sensitive:
            headers = _mapping(self._data.get("headers"))
            return default_value if headers is None else headers.get(name, default_value)
        return self.headers.get(name, default_value)

    @property
    def cookies(self) -> List[str]:
        """The request cookies as ``"name=value"`` strings, parsed from the ``Cookie`` header(s)."""
        return _parse_cookie_headers(self.headers.get_all("cookie"))

    # -- query string ---------------------------------------------------------------------------------------

    query_string_parameters: _Field[Dict[str, str]] = _Field(
        "queryStringParameters", "The raw ``queryStringParameters`` field, or ``None``."
    )
    multi_value_query_string_parameters: _Field[Dict[str, List[str]]] = _Field(
        "multiValueQueryStringParameters", "The raw ``multiValueQueryStringParameters`` field, or ``None``."
    )

    def get_query_string_value(self, name: str, default_value: Optional[str] = None) -> Optional[str]:
        """The value of query parameter ``name``, or ``default_value``.

        Taken from ``queryStringParameters``, else the last value in ``multiValueQueryStringParameters`` (the
        only field an ALB in multi-value mode fills).
        """
        params = _mapping(self._data.get("queryStringParameters"))
        if params:
            value = params.get(name, _MISSING)
            if value is not _MISSING:
                return value
        multi = _mapping(self._data.get("multiValueQueryStringParameters"))
        if multi:
            values = multi.get(name)
            if values:
                return values[-1] if isinstance(values, list) else values
        return default_value

    def get_multi_value_query_string_values(
        self, name: str, default_values: Optional[List[str]] = None
    ) -> List[str]:
        """Every value of query parameter ``name``, or ``default_values`` (``[]`` when not given)."""
        multi = _mapping(self._data.get("multiValueQueryStringParameters"))
        if multi:
            values = multi.get(name)
            if values is not None:
                return values if isinstance(values, list) else [values]
        params = _mapping(self._data.get("queryStringParameters"))
        if params:
            value = params.get(name)
            if value is not None:
                return [value]
        return [] if default_values is None else default_values

    # -- body -----------------------------------------------------------------------------------------------

    @property
    def is_base64_encoded(self) -> bool:
        """Whether ``body`` is base64 text (``False`` when the event does not say)."""
        return _as_bool(self._data.get("isBase64Encoded"))

    body: _Field[str] = _Field(
        "body", "The raw ``body`` field: text, base64 text when ``is_base64_encoded``, or ``None``."
    )

    @property
    def body_bytes(self) -> Optional[bytes]:
        """The body as bytes (base64-decoded when needed), or ``None``: the property for binary uploads.

        Raises ``InvalidBase64BodyError`` (a 400) when the event claims base64 but the body is not.
        """
        try:
            return self._body_bytes
        except AttributeError:
            pass
        body = self._data.get("body")
        if body is None:
            raw = None
        elif not isinstance(body, (str, bytes)):
            raise self._bad_body(body)
        elif self.is_base64_encoded:
            try:
                # validate=True: without it b64decode silently drops stray characters and returns garbage.
                import base64  # PERF: only binary requests pay for it, not every cold start

                raw = base64.b64decode(body, validate=True)
            except ValueError as exc:  # binascii.Error, or non-ASCII text
                raise InvalidBase64BodyError(f"Request body is not valid base64: {exc}") from exc
        elif isinstance(body, str):
            raw = body.encode("utf-8")
        else:
            raw = body
        self._body_bytes = raw
        return raw

    @property
    def decoded_body(self) -> Optional[str]:
        """The body as text: base64-decoded when needed, then read as UTF-8; ``None`` without a body.

        Raises ``InvalidBase64BodyError`` or ``InvalidBodyEncodingError`` (both answered as 400).
        """
        try:
            return self._decoded_body
        except AttributeError:
            pass
        body = self._data.get("body")
        if body is None or (isinstance(body, str) and not self.is_base64_encoded):
            # The common case: plain text is already str, no round trip through bytes.
            text = body
        else:
            raw = self.body_bytes
            try:
                text = None if raw is None else raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise InvalidBodyEncodingError(exc) from exc
        self._decoded_body = text
        return text

    def _bad_body(self, body: Any) -> InvalidEventError:
        # A hand-written test event with a dict body is the usual cause; a TypeError deep inside base64 or json
        # would not say so.
        return InvalidEventError(
            f"{self._KIND} event has a 'body' of type {type(body).__name__}; AWS sends a string (JSON text, "
            "or base64 with isBase64Encoded) or null"
        )

    @property
    def json_body(self) -> Any:
        """``decoded_body`` parsed as JSON (once per view), or ``None`` when the body is missing or empty.

        Raises ``InvalidJSONBodyError``: a 400 that is also a ``json.JSONDecodeError``.
        """
        try:
            return self._json_body
        except AttributeError:
            pass
        text = self.decoded_body
        if text is None or text == "":
            value = None
        else:
            loads = self._json_deserializer or json.loads
            try:
                value = loads(text)
            except json.JSONDecodeError as exc:
                raise InvalidJSONBodyError(exc) from exc
        self._json_body = value
        return value

    # -- the rest -------------------------------------------------------------------------------------------

    path_parameters: _Field[Dict[str, str]] = _Field(
        "pathParameters", "The raw ``pathParameters`` field (values API Gateway matched), or ``None``."
    )
    stage_variables: _Field[Dict[str, str]] = _Field("stageVariables", "The raw ``stageVariables`` field, or ``None``.")

    @property
    def request_context(self) -> DictWrapper:
        """A view of ``requestContext`` (empty when missing)."""
        return DictWrapper(_child(self._data, "requestContext"))


# --------------------------------------------------------------------------------------------------------------
# API Gateway REST API (and HTTP API payload format 1.0)
# --------------------------------------------------------------------------------------------------------------


class APIGatewayEventIdentity(DictWrapper):
    """``requestContext.identity`` of a REST event: who called (fields are ``None`` when not sent)."""

    __slots__ = ()

    access_key: _Field[str] = _Field("accessKey", "The caller's access key (IAM-signed requests).")
    account_id: _Field[str] = _Field("accountId", "The caller's AWS account id (IAM-signed requests).")
    api_key: _Field[str] = _Field("apiKey", "The API key the request carried (usage plans).")
    api_key_id: _Field[str] = _Field("apiKeyId", "The id of that API key.")
    caller: _Field[str] = _Field("caller", "The principal id of the caller (IAM-signed requests).")
    cognito_authentication_provider: _Field[str] = _Field(
        "cognitoAuthenticationProvider", "The Cognito providers that authenticated the caller."
    )
    cognito_authentication_type: _Field[str] = _Field(
        "cognitoAuthenticationType", '``"authenticated"`` or ``"unauthenticated"`` for Cognito callers.'
    )
    cognito_identity_id: _Field[str] = _Field("cognitoIdentityId", "The Cognito identity id of the caller.")
    cognito_identity_pool_id: _Field[str] = _Field(
        "cognitoIdentityPoolId", "The Cognito identity pool id of the caller."
    )
    principal_org_id: _Field[str] = _Field("principalOrgId", "The AWS Organizations id of the caller.")
    source_ip: _Field[str] = _Field("sourceIp", "The client IP address as API Gateway saw it.")
    user: _Field[str] = _Field("user", "The principal id of the user (IAM-signed requests).")
    user_agent: _Field[str] = _Field("userAgent", "The client's ``User-Agent``.")
    user_arn: _Field[str] = _Field("userArn", "The ARN of the authenticated user.")
    client_cert: _Field[Dict[str, Any]] = _Field(
        "clientCert", "The raw ``clientCert`` dict of a mutual-TLS request, or ``None``."
    )


class APIGatewayEventAuthorizer(DictWrapper):
    """``requestContext.authorizer`` of a REST event.

    A Lambda authorizer's context values sit directly in this dict: read them with ``get``/``[]``.
    """

    __slots__ = ()

    @property
    def claims(self) -> Dict[str, Any]:
        """The Cognito user pool claims (``{}`` when none)."""
        return self._data.get("claims") or {}

    scopes: _Field[List[str]] = _Field("scopes", "The OAuth scopes of the token, or ``None``.")
    principal_id: _Field[str] = _Field("principalId", "The principal id a Lambda authorizer returned.")
    integration_latency: _Field[int] = _Field("integrationLatency", "How long the authorizer took, in milliseconds.")

    def get_context(self) -> Mapping[str, Any]:
        """The whole authorizer dict (where a Lambda authorizer's context lives)."""
        return self._data


class _RequestContext(DictWrapper):
    """What the ``requestContext`` of every API Gateway payload (REST, HTTP API, Function URL) has."""

    __slots__ = ()

    account_id: _Field[str] = _Field("accountId", "The AWS account that owns the API.")
    api_id: _Field[str] = _Field("apiId", "The API's id.")
    domain_name: _Field[str] = _Field("domainName", "The host name the client called.")
    domain_prefix: _Field[str] = _Field("domainPrefix", "The first label of ``domain_name``.")
    request_id: _Field[str] = _Field("requestId", "API Gateway's id of this request.")
    stage: _Field[str] = _Field("stage", "The deployment stage.")
    route_key: _Field[str] = _Field(
        "routeKey", 'The route key, such as ``"$default"`` or ``"GET /orders/{id}"``, when the payload carries one.'
    )


class APIGatewayEventRequestContext(_RequestContext):
    """``requestContext`` of a REST (or HTTP API payload 1.0) event."""

    __slots__ = ()

    extended_request_id: _Field[str] = _Field("extendedRequestId", "API Gateway's extended request id.")
    http_method: _Field[str] = _Field("httpMethod", "The request method.")
    path: _Field[str] = _Field(
        "path", "The request path including ``/{stage}`` (the event's top-level ``path`` has no stage)."
    )
    protocol: _Field[str] = _Field("protocol", 'The request protocol, e.g. ``"HTTP/1.1"``.')
    request_time: _Field[str] = _Field(
        "requestTime", "The request time in CLF format (``dd/MMM/yyyy:HH:mm:ss +0000``)."
    )
    request_time_epoch: _Field[int] = _Field("requestTimeEpoch", "The request time in epoch milliseconds.")
    resource_id: _Field[str] = _Field("resourceId", "The id of the API Gateway resource.")
    resource_path: _Field[str] = _Field("resourcePath", 'The resource template that matched, e.g. ``"/orders/{id}"``.')
    operation_name: _Field[str] = _Field("operationName", "The operation name set on the method, if any.")
    connected_at: _Field[int] = _Field("connectedAt", "When the WebSocket connection was opened (epoch milliseconds).")

    @property
    def identity(self) -> APIGatewayEventIdentity:
        """A view of ``identity`` (empty when missing)."""
        return APIGatewayEventIdentity(_child(self._data, "identity"))

    @property
    def authorizer(self) -> APIGatewayEventAuthorizer:
        """A view of ``authorizer`` (empty when missing)."""
        return APIGatewayEventAuthorizer(_child(self._data, "authorizer"))


class APIGatewayProxyEvent(BaseProxyEvent):
    """An API Gateway REST API event (also the HTTP API payload format 1.0)."""

    __slots__ = ()

    _KIND = "REST API"
    _HINT = (
        "is this an API Gateway REST/ALB event? HTTP API 2.0 and Function URL events carry the method in "
        "requestContext.http.method and need APIGatewayProxyEventV2"
    )

    version: _Field[str] = _Field("version", 'The payload version (``"1.0"`` from HTTP API; REST events have none).')
    resource: _Field[str] = _Field("resource", 'The resource template that matched, e.g. ``"/orders/{id}"``.')

    @property
    def request_context(self) -> APIGatewayEventRequestContext:
        """A view of ``requestContext`` (empty when missing)."""
        return APIGatewayEventRequestContext(_child(self._data, "requestContext"))


# --------------------------------------------------------------------------------------------------------------
# API Gateway HTTP API payload 2.0 and Lambda Function URLs
# --------------------------------------------------------------------------------------------------------------


class RequestContextV2Http(DictWrapper):
    """``requestContext.http`` of a 2.0 event."""

    __slots__ = ()

    method: _Field[str] = _Field("method", "The request method.")
    path: _Field[str] = _Field("path", "The request path.")
    protocol: _Field[str] = _Field("protocol", 'The request protocol, e.g. ``"HTTP/1.1"``.')
    source_ip: _Field[str] = _Field("sourceIp", "The client IP address.")
    user_agent: _Field[str] = _Field("userAgent", "The client's ``User-Agent``.")


class RequestContextV2AuthorizerIam(DictWrapper):
    """``requestContext.authorizer.iam`` of a 2.0 event signed with AWS credentials."""

    __slots__ = ()

    access_key: _Field[str] = _Field("accessKey", "The caller's access key.")
    account_id: _Field[str] = _Field("accountId", "The caller's AWS account id.")
    caller_id: _Field[str] = _Field("callerId", "The principal id of the caller.")

    @property
    def cognito_amr(self) -> Optional[List[str]]:
        """How a Cognito caller authenticated (authentication methods references)."""
        return _child(self._data, "cognitoIdentity").get("amr")

    @property
    def cognito_identity_id(self) -> Optional[str]:
        """The Cognito identity id of the caller."""
        return _child(self._data, "cognitoIdentity").get("identityId")

    @property
    def cognito_identity_pool_id(self) -> Optional[str]:
        """The Cognito identity pool id of the caller."""
        return _child(self._data, "cognitoIdentity").get("identityPoolId")

    principal_org_id: _Field[str] = _Field("principalOrgId", "The AWS Organizations id of the caller.")
    user_arn: _Field[str] = _Field("userArn", "The ARN of the caller.")
    user_id: _Field[str] = _Field("userId", "The IAM user id of the caller.")


class RequestContextV2Authorizer(DictWrapper):
    """``requestContext.authorizer`` of a 2.0 event: JWT, Lambda or IAM authorizer output."""

    __slots__ = ()

    @property
    def jwt_claim(self) -> Dict[str, Any]:
        """The JWT claims (``{}`` when none)."""
        return _child(self._data, "jwt").get("claims") or {}

    @property
    def jwt_scopes(self) -> List[str]:
        """The JWT scopes (``[]`` when none)."""
        return _child(self._data, "jwt").get("scopes") or []

    @property
    def get_lambda(self) -> Dict[str, Any]:
        """The context a Lambda authorizer returned (``{}`` when none). A property, as in Powertools."""
        return self._data.get("lambda") or {}

    def get_context(self) -> Dict[str, Any]:
        """Same as ``get_lambda``."""
        return self.get_lambda

    @property
    def iam(self) -> RequestContextV2AuthorizerIam:
        """A view of ``iam`` (empty when missing)."""
        return RequestContextV2AuthorizerIam(_child(self._data, "iam"))


class RequestContextV2(_RequestContext):
    """``requestContext`` of an HTTP API 2.0 or Function URL event."""

    __slots__ = ()

    time: _Field[str] = _Field("time", "The request time in CLF format.")
    time_epoch: _Field[int] = _Field("timeEpoch", "The request time in epoch milliseconds.")

    @property
    def http(self) -> RequestContextV2Http:
        """A view of ``http`` (empty when missing)."""
        return RequestContextV2Http(_child(self._data, "http"))

    authentication: _Field[Dict[str, Any]] = _Field(
        "authentication", "The raw ``authentication`` dict (with ``clientCert`` under mutual TLS), or ``None``."
    )

    @property
    def authorizer(self) -> RequestContextV2Authorizer:
        """A view of ``authorizer`` (empty when missing)."""
        return RequestContextV2Authorizer(_child(self._data, "authorizer"))


class APIGatewayProxyEventV2(BaseProxyEvent):
    """An API Gateway HTTP API event in payload format 2.0.

    This format has no multi-value fields: HTTP API joins repeated headers and repeated query parameters with
    ``,`` into one value, and sends cookies in their own ``cookies`` list instead of a ``Cookie`` header.
    """

    __slots__ = ()

    _KIND = "HTTP API"
    _HINT = (
        "is this an HTTP API 2.0 or Function URL event? REST API and ALB events carry 'httpMethod' and 'path' "
        "and need APIGatewayProxyEvent or ALBEvent"
    )

    version: _Field[str] = _Field("version", 'The payload version, ``"2.0"``.')
    route_key: _Field[str] = _Field(
        "routeKey", 'The route that matched, e.g. ``"GET /orders/{id}"`` or ``"$default"``.'
    )
    raw_path: _Field[str] = _Field(
        "rawPath", "The ``rawPath`` field: the path including ``/{stage}`` for a named stage."
    )

    @property
    def raw_query_string(self) -> str:
        """The query string as the client sent it, undecoded (``""`` when none)."""
        return self._data.get("rawQueryString") or ""

    @property
    def cookies(self) -> List[str]:
        """The request cookies as ``"name=value"`` strings (the event's ``cookies`` list, or ``[]``)."""
        return self._data.get("cookies") or []

    @property
    def http_method(self) -> str:
        """The request method, from ``requestContext.http.method``."""
        method = _child(_child(self._data, "requestContext"), "http").get("method")
        if not isinstance(method, str):
            raise self._invalid("requestContext.http.method")
        return method

    @property
    def path(self) -> str:
        """``rawPath`` without the ``/{stage}`` prefix a named stage adds.

        The prefix is removed only when ``rawPath`` really starts with the whole ``/{stage}`` segment, so stage
        ``v1`` leaves ``/v1beta/x`` alone, and ``/{stage}`` alone becomes ``/``. Behind a custom domain the stage
        is not in ``rawPath``; a route whose first segment equals the stage name would then lose it (as in
        Powertools).
        """
        raw = self._data.get("rawPath")
        if not isinstance(raw, str):
            raise self._invalid("rawPath")
        stage = _child(self._data, "requestContext").get("stage")
        if stage and isinstance(stage, str) and stage != "$default":
            prefix_length = len(stage) + 1
            if raw.startswith(stage, 1) and raw[:1] == "/":
                if len(raw) == prefix_length:
                    return "/"
                if raw[prefix_length] == "/":
                    return raw[prefix_length:]
        return raw

    def get_multi_value_query_string_values(
        self, name: str, default_values: Optional[List[str]] = None
    ) -> List[str]:
        """Every value of query parameter ``name``, or ``default_values`` (``[]`` when not given).

        HTTP API joins repeated parameters with ``,``, so the joined value is split on ``,``; a value that itself
        contained an (encoded) comma is split too. Parse ``raw_query_string`` when that matters.
        """
        params = _mapping(self._data.get("queryStringParameters"))
        if params:
            value = params.get(name)
            if isinstance(value, str):
                return value.split(",")
        return [] if default_values is None else default_values

    @property
    def request_context(self) -> RequestContextV2:
        """A view of ``requestContext`` (empty when missing)."""
        return RequestContextV2(_child(self._data, "requestContext"))


class LambdaFunctionUrlEvent(APIGatewayProxyEventV2):
    """A Lambda Function URL event: the 2.0 format, always with stage ``$default``."""

    __slots__ = ()

    _KIND = "Function URL"

    @property
    def path(self) -> str:
        """``rawPath``, unchanged (Function URLs have no stage prefix)."""
        raw = self._data.get("rawPath")
        if not isinstance(raw, str):
            raise self._invalid("rawPath")
        return raw


# --------------------------------------------------------------------------------------------------------------
# Application Load Balancer
# --------------------------------------------------------------------------------------------------------------


class ALBEventRequestContext(DictWrapper):
    """``requestContext`` of an ALB event."""

    __slots__ = ()

    @property
    def elb_target_group_arn(self) -> Optional[str]:
        """The ARN of the target group that invoked the function."""
        return _child(self._data, "elb").get("targetGroupArn")


class ALBEvent(BaseProxyEvent):
    """An Application Load Balancer event.

    An ALB sends either ``headers``/``queryStringParameters`` or, when the target group enables multi-value
    headers, ``multiValueHeaders``/``multiValueQueryStringParameters``; the accessors read whichever is there.
    Query values arrive exactly as the client sent them, NOT URL-decoded (``a%20b`` stays ``a%20b``); this view
    keeps them that way, decode with ``urllib.parse.unquote_plus`` where needed.
    """

    __slots__ = ()

    _KIND = "ALB"

    @property
    def request_context(self) -> ALBEventRequestContext:
        """A view of ``requestContext`` (empty when missing)."""
        return ALBEventRequestContext(_child(self._data, "requestContext"))

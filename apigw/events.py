"""Read-only views over the raw Lambda event of an HTTP request.

One view class per event format: ``APIGatewayProxyEvent`` (REST API, and HTTP API payload 1.0),
``APIGatewayProxyEventV2`` (HTTP API payload 2.0), ``LambdaFunctionUrlEvent``, ``ALBEvent``, ``VPCLatticeEvent``
(VPC Lattice event structure v1) and ``VPCLatticeEventV2``, each with views of its request context. Names and
values follow the Powertools v3 data classes (``aws_lambda_powertools.utilities.data_classes``); where apigw
deliberately differs, the README's compatibility table says so.

The views of each format live in their own private module (``_rest_api``, ``_http_api``, ``_alb``,
``_vpc_lattice``; the API Gateway request contexts in ``_events_contexts``), imported the first time one of their
names is read from this module: an app loads the view of its own integration only; so is ``CaseInsensitiveDict``
(``_case_insensitive``), the type of the header maps built when read. This module has what every view shares
(``DictWrapper``, ``Headers``, ``BaseProxyEvent``).

A view is built for every request, so building one only stores a reference to the event: nothing is copied,
re-keyed or parsed until a property is read. Body parsing (``body_bytes``, ``decoded_body``, ``json_body``) is done
once per view; everything else reads the event again (the ``headers`` view and VPC Lattice v2's joined query
parameters are kept only while the event holds the same dict), so a middleware that edits the raw event is seen.

Real events leave out, or send as ``null``, most optional fields, and test events are often as small as
``{"path": "/hello", "httpMethod": "GET"}``. Every accessor copes with that: maps come back as ``{}``, lists as
``[]``, nested views empty, single values as ``None``. Only ``http_method`` and ``path``, without which no request
can be routed, raise: an ``InvalidEventError`` naming the missing field.

>>> event = APIGatewayProxyEvent({"path": "/hello", "httpMethod": "GET", "headers": {"Content-Type": "text/plain"}})
>>> event.http_method, event.path, event.headers["content-type"], event.query_string_parameters, event.json_body
('GET', '/hello', 'text/plain', {}, None)
"""

from __future__ import annotations

import json
from collections.abc import ItemsView, KeysView, Mapping, ValuesView
from types import MappingProxyType

from . import _impl, _shared
from ._shared import load_lazily

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import (
        Any,
        Callable,
        Dict,
        Generic,
        Iterator,
        List,
        NoReturn,
        Optional,
        Tuple,
        TypeVar,
        overload,
    )

    from ._alb import ALBEvent as ALBEvent
    from ._alb import ALBEventRequestContext as ALBEventRequestContext
    from ._case_insensitive import CaseInsensitiveDict as CaseInsensitiveDict
    from ._events_contexts import APIGatewayEventAuthorizer as APIGatewayEventAuthorizer
    from ._events_contexts import APIGatewayEventIdentity as APIGatewayEventIdentity
    from ._events_contexts import APIGatewayEventRequestContext as APIGatewayEventRequestContext
    from ._events_contexts import ClientCertValidity as ClientCertValidity
    from ._events_contexts import RequestContextClientCert as RequestContextClientCert
    from ._events_contexts import RequestContextV2 as RequestContextV2
    from ._events_contexts import RequestContextV2Authorizer as RequestContextV2Authorizer
    from ._events_contexts import RequestContextV2AuthorizerIam as RequestContextV2AuthorizerIam
    from ._events_contexts import RequestContextV2Http as RequestContextV2Http
    from ._http_api import APIGatewayProxyEventV2 as APIGatewayProxyEventV2
    from ._http_api import LambdaFunctionUrlEvent as LambdaFunctionUrlEvent
    from ._rest_api import APIGatewayProxyEvent as APIGatewayProxyEvent
    from ._vpc_lattice import VPCLatticeEvent as VPCLatticeEvent
    from ._vpc_lattice import VPCLatticeEventV2 as VPCLatticeEventV2
    from ._vpc_lattice import VPCLatticeEventV2Identity as VPCLatticeEventV2Identity
    from ._vpc_lattice import VPCLatticeEventV2RequestContext as VPCLatticeEventV2RequestContext
    from ._vpc_lattice import vpcLatticeEventV2Identity as vpcLatticeEventV2Identity
    from ._vpc_lattice import vpcLatticeEventV2RequestContext as vpcLatticeEventV2RequestContext
    from .exceptions import InvalidEventError

    _T = TypeVar("_T")
    _AnyMapping = Mapping[str, Any]
    _StrMapping = Mapping[str, str]
    _AnyDict = Dict[str, Any]
else:
    # PERF: no typing at run time (the Lambda runtime has not loaded it; it costs cold starts milliseconds).
    from ._shared import Generic, overload

    _T = None
    # PERF: DictWrapper and Headers are registered as Mappings (below) rather than derived from the ABC: making a class
    # whose bases include an ABC costs a cold start about three times a plain one, and every view class paid it. They
    # define the methods Mapping would have added (keys, items, values, no reversed()); isinstance(view, Mapping) holds.
    _AnyMapping = _StrMapping = object
    _AnyDict = dict

__all__ = [
    "DictWrapper",
    "event_source",
    "Headers",
    "CaseInsensitiveDict",
    "BaseProxyEvent",
    "RequestContextClientCert",
    "ClientCertValidity",
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
    "VPCLatticeEvent",
    "VPCLatticeEventV2",
    "VPCLatticeEventV2RequestContext",
    "VPCLatticeEventV2Identity",
    "vpcLatticeEventV2RequestContext",
    "vpcLatticeEventV2Identity",
]

# Shared by every empty view; read-only so that no caller can fill it in for everyone else.
_EMPTY: Mapping[str, Any] = MappingProxyType({})
_MISSING: Any = object()  # a value no event holds (PERF: no class of its own to make at a cold start)


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
    # property it keeps property semantics: no setter, no deleter, ``help()`` lists it with its doc, and ``str()`` of
    # a view shows it. No class docstring: it would clash with the ``__doc__`` slot holding each field's doc (which
    # ``property.__init__`` does not fill on a slotted subclass, hence the assignment below). ``empty``: see
    # ``_FieldOr``.

    __slots__ = ("key", "__doc__")

    def __init__(self, key: str, doc: str, empty: Optional[Callable[[], Any]] = None) -> None:
        if empty is None:
            super().__init__(lambda view: view._data.get(key))
        else:
            super().__init__(lambda view: view._data.get(key) or empty())
        self.key = key
        self.__doc__ = doc

    if TYPE_CHECKING:

        @overload
        def __get__(self, obj: None, owner: Optional[type] = None) -> _Field[_T]: ...
        @overload
        def __get__(self, obj: object, owner: Optional[type] = None) -> Optional[_T]: ...
        def __get__(self, obj: Any, owner: Optional[type] = None) -> Any: ...
        def __set__(self, obj: object, value: NoReturn) -> None: ...  # read-only for type checkers too


# Like _Field, for fields Powertools v3 never returns as None: ``view._data.get(key) or empty()``, so a missing or
# null map is a new ``{}``, a list ``[]``, a string ``""`` (``empty`` is the type: dict, list or str). Type checkers
# see a class whose instances read as ``_T``; at run time it is a _Field (PERF: one class less to make at a cold start).
if TYPE_CHECKING:

    class _FieldOr(_Field[_T]):
        def __init__(self, key: str, empty: Callable[[], _T], doc: str) -> None: ...
        @overload
        def __get__(self, obj: None, owner: Optional[type] = None) -> _FieldOr[_T]: ...
        @overload
        def __get__(self, obj: object, owner: Optional[type] = None) -> _T: ...
        def __get__(self, obj: Any, owner: Optional[type] = None) -> Any: ...

else:

    def _FieldOr(key: str, empty: Callable[[], Any], doc: str) -> Any:
        return _Field(key, doc, empty)


# --------------------------------------------------------------------------------------------------------------
# The mapping types: DictWrapper (base of every view), Headers (CaseInsensitiveDict: apigw._case_insensitive)
# --------------------------------------------------------------------------------------------------------------


class DictWrapper(_AnyMapping):
    """A read-only mapping over one dict of the event, with typed properties for its well-known keys.

    Two views are equal when they wrap equal dicts (whatever their classes, as in Powertools); a view never equals
    a plain dict. ``hash()`` is the hash of the wrapped dict, so a view of a ``dict`` is unhashable, like the dict.
    ``str()`` shows every property of the view, nested views included, with ``raw_event`` and the names in
    ``_sensitive_properties`` replaced by ``"[SENSITIVE]"`` and a property that raises shown as
    ``"[Cannot be deserialized]"``; ``repr()`` shows no event data at all.

    ``json_deserializer`` (default ``json.loads``) is the function that parses JSON bodies.
    """

    __slots__ = ("_data", "_json_deserializer")
    _json_deserializer: Callable[[str], Any]

    # Properties str() leaves out: parsing the body to describe a view could raise (a 400) or cost a lot.
    # COMPAT: Powertools' str() leaves out the same ones (cached properties there, invisible to its listing).
    _NOT_DESCRIBED: Tuple[str, ...] = ("json_body", "decoded_body", "body_bytes")

    def __init__(self, data: Mapping[str, Any], json_deserializer: Optional[Callable[[str], Any]] = None) -> None:
        self._data = data
        self._json_deserializer = json_deserializer or json.loads

    @property
    def raw_event(self) -> Dict[str, Any]:
        """The wrapped dict itself (not a copy)."""
        return self._data  # type: ignore[return-value]

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def get(self, key: Any, default: Any = None) -> Any:
        """The raw value under ``key`` (turned into a string if it is not one), or ``default``."""
        return self._data.get(key if type(key) is str else str(key), default)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    # What Mapping would add (see _AnyMapping).
    def keys(self) -> KeysView[str]:
        return KeysView(self)

    def items(self) -> ItemsView[str, Any]:
        return ItemsView(self)

    def values(self) -> ValuesView[Any]:
        return ValuesView(self)

    __reversed__ = None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DictWrapper):
            return False
        return self._data == other._data

    def __hash__(self) -> int:
        return hash(self._data)

    def __str__(self) -> str:
        return str(self._describe())

    def __repr__(self) -> str:
        # APPSEC: no values; a logged repr must not carry tokens, cookies or bodies.
        return f"<{type(self).__name__} view of an event with keys {list(self._data)!r}>"

    def _describe(self) -> Dict[str, Any]:
        """The dict ``str()`` prints: every property by name, sensitive ones masked, nested views described."""
        cls = type(self)
        masked = {"raw_event", *getattr(self, "_sensitive_properties", ())}
        skipped = self._NOT_DESCRIBED
        result: Dict[str, Any] = {}
        for name in dir(cls):
            if not isinstance(getattr(cls, name, None), property) or name in skipped:
                continue
            if name in masked:
                result[name] = "[SENSITIVE]"
                continue
            try:
                value = getattr(self, name)
                if isinstance(value, DictWrapper):
                    value = value._describe()
                elif isinstance(value, list):
                    value = [item._describe() if isinstance(item, DictWrapper) else item for item in value]
            except Exception:
                value = "[Cannot be deserialized]"
            result[name] = value
        return result


class Headers(_StrMapping):
    """Case-insensitive, read-only view of the request headers in ``headers`` and ``multiValueHeaders``.

    ``view["content-type"]`` and ``view["Content-Type"]`` find the same header whichever way the event spells it.
    Iteration yields the names as the event spells them: those of ``headers`` first, then the names only
    ``multiValueHeaders`` has. A value is a ``str``: the ``headers`` value, or for a name only in
    ``multiValueHeaders`` its last value (the one REST v1 and ALB would have put in ``headers``). ``get_all``
    returns every value. HTTP API v2 and Function URL join repeated headers with ``,`` into one value, so there
    ``get_all`` returns that one joined value. Equality with another mapping ignores the letter case of names.

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
            value: str = _impl.headers.get_header(self._headers, self._multi, name, _MISSING)
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
        values: List[str] = _impl.headers.get_header_values(self._headers, self._multi, name)
        return values

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

    # What Mapping would add (see _AnyMapping).
    def keys(self) -> KeysView[str]:
        return KeysView(self)

    def items(self) -> ItemsView[str, str]:
        return ItemsView(self)

    def values(self) -> ValuesView[str]:
        return ValuesView(self)

    __reversed__ = None

    def __eq__(self, other: object) -> bool:
        # COMPAT: Powertools' headers compare equal to a dict spelling the names in any case.
        if isinstance(other, Mapping):
            return _lowered_items(self) == _lowered_items(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(dict(self))


Mapping.register(DictWrapper)
Mapping.register(Headers)


def _lowered_items(mapping: Mapping[Any, Any]) -> Dict[Any, Any]:
    return {name.lower() if isinstance(name, str) else name: value for name, value in mapping.items()}


def _parse_cookie_header(text: str) -> Dict[str, str]:
    """``"a=1; b=2"`` as ``{"a": "1", "b": "2"}``: items without ``=`` are skipped, a repeated name keeps its last
    value, names and values are stripped (the shape of Powertools' ``resolved_cookies_field``)."""
    cookies: Dict[str, str] = {}
    for item in text.split(";"):
        name, equals, value = item.strip().partition("=")
        if equals:
            cookies[name.strip()] = value.strip()
    return cookies


def _cookie_items(values: List[str]) -> List[str]:
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


# --------------------------------------------------------------------------------------------------------------
# What every HTTP event has
# --------------------------------------------------------------------------------------------------------------


class BaseProxyEvent(DictWrapper):
    """What every HTTP event format has: method, path, headers, query string, body.

    ``json_deserializer`` (default ``json.loads``) parses ``json_body``, as in Powertools.
    """

    # A readable name of the event format, and a hint, for InvalidEventError messages.
    _KIND = "HTTP"
    _HINT = "is this an API Gateway REST/ALB event?"
    # The event keys of the method, the path and the base64 flag (VPC Lattice v1 spells them differently).
    _METHOD_KEY = "httpMethod"
    _PATH_KEY = "path"
    _BASE64_KEY = "isBase64Encoded"

    __slots__ = ("_headers", "_body_bytes", "_decoded_body", "_json_body")
    _headers: Headers
    _body_bytes: Optional[bytes]
    _decoded_body: Optional[str]
    _json_body: Any

    # The cache slots are deliberately not set here: an unset slot means "not computed yet", which keeps the
    # constructor down to two stores.

    def _invalid(self, key: str) -> InvalidEventError:
        return _shared.InvalidEventError(f"{self._KIND} event has no {key!r} ({self._HINT})")

    # -- method and path ------------------------------------------------------------------------------------

    @property
    def http_method(self) -> str:
        """The request method, e.g. ``"GET"``."""
        method = self._data.get(self._METHOD_KEY)
        if not isinstance(method, str):
            raise self._invalid(self._METHOD_KEY)
        return method

    @property
    def path(self) -> str:
        """The request path as the event carries it."""
        path = self._data.get(self._PATH_KEY)
        if not isinstance(path, str):
            raise self._invalid(self._PATH_KEY)
        return path

    def _request_line(self) -> Tuple[str, str]:
        """``(http_method.upper(), path)`` in one call (PERF: the resolver's per-event path). A view class whose
        ``path`` or ``http_method`` is more than a key lookup sets ``_PLAIN_REQUEST_LINE = False``."""
        if self._PLAIN_REQUEST_LINE:
            data = self._data
            method = data.get(self._METHOD_KEY)
            path = data.get(self._PATH_KEY)
            if type(method) is str and type(path) is str:
                return method.upper(), path
        return self.http_method.upper(), self.path

    _PLAIN_REQUEST_LINE = True

    # -- headers and cookies --------------------------------------------------------------------------------

    @property
    def headers(self) -> Headers:
        """Case-insensitive view of the request headers (empty when the event has none)."""
        data = self._data
        single = data.get("headers")
        multi = data.get("multiValueHeaders")
        # PERF: inlined _headers_view (the resolver reads headers on every CORS or compressed response).
        try:
            view = self._headers
            if view._headers is single and view._multi is multi:
                return view
        except AttributeError:
            pass
        view = self._headers = Headers(_mapping(single), _mapping(multi))
        return view

    def _headers_view(self, single: Any, multi: Any) -> Headers:
        """The ``Headers`` view of these two raw fields, kept on the view while the event still holds them."""
        try:
            view = self._headers
            # Reused only while it views the event's current dicts: a middleware replacing them is seen.
            if view._headers is single and view._multi is multi:
                return view
        except AttributeError:
            pass
        view = self._headers = Headers(_mapping(single), _mapping(multi))
        return view

    @property
    def multi_value_headers(self) -> Dict[str, List[str]]:
        """The ``multiValueHeaders`` field as a ``CaseInsensitiveDict`` (``{}`` when the event has none)."""
        from ._case_insensitive import CaseInsensitiveDict  # PERF: loaded on first use

        return CaseInsensitiveDict(_mapping(self._data.get("multiValueHeaders")))

    @overload
    def get_header_value(self, name: str, default_value: str, case_sensitive: bool = False) -> str: ...
    @overload
    def get_header_value(
        self, name: str, default_value: Optional[str] = None, case_sensitive: bool = False
    ) -> Optional[str]: ...
    def get_header_value(
        self, name: str, default_value: Optional[str] = None, case_sensitive: bool = False
    ) -> Optional[str]:
        """The value of header ``name`` in any letter case, or ``default_value``.

        ``case_sensitive`` is accepted and ignored, as in Powertools v3: header names are case-insensitive.
        """
        value: Optional[str] = self.headers.get(name, default_value)
        return value

    @property
    def cookies(self) -> List[str]:
        """The request cookies as ``"name=value"`` strings, parsed from the ``Cookie`` header(s)."""
        return _cookie_items(self.headers.get_all("cookie"))

    @property
    def resolved_cookies_field(self) -> Dict[str, str]:
        """The request cookies as a ``{name: value}`` dict (a repeated name keeps its last value)."""
        return _parse_cookie_header("; ".join(value for value in self.headers.get_all("cookie") if value))

    @property
    def resolved_headers_field(self) -> Mapping[str, Any]:
        """The request headers as the OpenAPI validation of Powertools reads them: here, ``headers``."""
        return self.headers

    # -- query string ---------------------------------------------------------------------------------------

    query_string_parameters: _FieldOr[Dict[str, str]] = _FieldOr(
        "queryStringParameters", dict, "The ``queryStringParameters`` field (``{}`` when the event has none)."
    )
    multi_value_query_string_parameters: _FieldOr[Dict[str, List[str]]] = _FieldOr(
        "multiValueQueryStringParameters",
        dict,
        "The ``multiValueQueryStringParameters`` field (``{}`` when the event has none).",
    )

    def _single_query(self) -> Optional[Mapping[str, Any]]:
        return _mapping(self._data.get("queryStringParameters"))

    def _multi_query(self) -> Optional[Mapping[str, Any]]:
        return _mapping(self._data.get("multiValueQueryStringParameters"))

    @overload
    def get_query_string_value(self, name: str, default_value: str) -> str: ...
    @overload
    def get_query_string_value(self, name: str, default_value: Optional[str] = None) -> Optional[str]: ...
    def get_query_string_value(self, name: str, default_value: Optional[str] = None) -> Optional[str]:
        """The value of query parameter ``name``, or ``default_value``.

        Taken from ``queryStringParameters``, else the last value in ``multiValueQueryStringParameters`` (the
        only field an ALB in multi-value mode fills).
        """
        params = self._single_query()
        value: Optional[str]
        if params:
            value = params.get(name, _MISSING)
            if value is not _MISSING:
                return value
        multi = self._multi_query()
        if multi:
            values = multi.get(name)
            if values:
                value = values[-1] if isinstance(values, list) else values
                return value
        return default_value

    def get_multi_value_query_string_values(self, name: str, default_values: Optional[List[str]] = None) -> List[str]:
        """Every value of query parameter ``name``, or ``default_values`` (``[]`` when not given).

        Taken from ``multiValueQueryStringParameters``, else the one value in ``queryStringParameters``.
        """
        multi = self._multi_query()
        if multi:
            values = multi.get(name)
            if values:
                return values if isinstance(values, list) else [values]
        params = self._single_query()
        if params:
            value = params.get(name)
            if value is not None:
                return [value]
        return default_values or []

    @property
    def resolved_query_string_parameters(self) -> Dict[str, List[str]]:
        """Every query parameter with the list of its values (a comma-joined value is split on ``,``)."""
        return {name: value.split(",") for name, value in self.query_string_parameters.items()}

    # -- body -----------------------------------------------------------------------------------------------

    @property
    def is_base64_encoded(self) -> bool:
        """Whether ``body`` is base64 text (``False`` when the event does not say)."""
        return _as_bool(self._data.get(self._BASE64_KEY))

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
                from .exceptions import InvalidBase64BodyError

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
                from .exceptions import InvalidBodyEncodingError  # PERF: made on first use (see there)

                raise InvalidBodyEncodingError(exc) from exc
        self._decoded_body = text
        return text

    def _bad_body(self, body: Any) -> InvalidEventError:
        # A hand-written test event with a dict body is the usual cause; a TypeError deep inside base64 or json
        # would not say so.
        return _shared.InvalidEventError(
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
            try:
                value = self._json_deserializer(text)
            except json.JSONDecodeError as exc:
                from .exceptions import InvalidJSONBodyError  # PERF: made on first use (see there)

                raise InvalidJSONBodyError(exc) from exc
        self._json_body = value
        return value

    # -- the rest -------------------------------------------------------------------------------------------

    path_parameters: _FieldOr[Dict[str, str]] = _FieldOr(
        "pathParameters", dict, "The ``pathParameters`` field: values API Gateway matched (``{}`` when none)."
    )
    stage_variables: _FieldOr[Dict[str, str]] = _FieldOr(
        "stageVariables", dict, "The ``stageVariables`` field (``{}`` when none)."
    )

    @property
    def request_context(self) -> DictWrapper:
        """A view of ``requestContext`` (empty when missing)."""
        return DictWrapper(_child(self._data, "requestContext"))


def _merged_query(event: BaseProxyEvent) -> Dict[str, List[str]]:
    single = {name: value.split(",") for name, value in event.query_string_parameters.items()}
    multi = event.multi_value_query_string_parameters
    if not multi:
        return single
    if not single:
        return multi
    return {**single, **multi}


def event_source(*, data_class: type) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorate a Lambda handler so that it receives ``data_class(event)`` (a view) instead of the raw dict::

        @event_source(data_class=APIGatewayProxyEvent)
        def lambda_handler(event: APIGatewayProxyEvent, context):
            return {"statusCode": 200, "body": event.path}

    Resolvers accept such a view too (they read its ``raw_event``).
    """

    def decorate(handler: Callable[..., Any]) -> Callable[..., Any]:
        def with_view(event: Any, context: Any) -> Any:
            return handler(data_class(event), context)

        with_view.__name__ = getattr(handler, "__name__", "lambda_handler")
        with_view.__qualname__ = getattr(handler, "__qualname__", with_view.__name__)
        with_view.__doc__ = handler.__doc__
        with_view.__wrapped__ = handler  # type: ignore[attr-defined]
        return with_view

    return decorate


# PERF: the module of each name that is not defined here, imported on first use (see the module docstring).
_LAZY_MODULES = {
    "CaseInsensitiveDict": "_case_insensitive",
    "APIGatewayProxyEvent": "_rest_api",
    "APIGatewayProxyEventV2": "_http_api",
    "LambdaFunctionUrlEvent": "_http_api",
    "ALBEvent": "_alb",
    "ALBEventRequestContext": "_alb",
    "VPCLatticeEvent": "_vpc_lattice",
    "VPCLatticeEventV2": "_vpc_lattice",
    "VPCLatticeEventV2RequestContext": "_vpc_lattice",
    "VPCLatticeEventV2Identity": "_vpc_lattice",
    "vpcLatticeEventV2RequestContext": "_vpc_lattice",
    "vpcLatticeEventV2Identity": "_vpc_lattice",
    "ClientCertValidity": "_events_contexts",
    "RequestContextClientCert": "_events_contexts",
    "APIGatewayEventRequestContext": "_events_contexts",
    "APIGatewayEventIdentity": "_events_contexts",
    "APIGatewayEventAuthorizer": "_events_contexts",
    "RequestContextV2": "_events_contexts",
    "RequestContextV2Http": "_events_contexts",
    "RequestContextV2Authorizer": "_events_contexts",
    "RequestContextV2AuthorizerIam": "_events_contexts",
}

if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        return load_lazily(globals(), _LAZY_MODULES, name, __name__)


def __dir__() -> List[str]:
    return sorted({*globals(), *_LAZY_MODULES})

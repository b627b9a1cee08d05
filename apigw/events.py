"""Read-only views over the raw Lambda event of an HTTP request.

One view class per event format: ``APIGatewayProxyEvent`` (REST API, and HTTP API payload 1.0),
``APIGatewayProxyEventV2`` (HTTP API payload 2.0), ``LambdaFunctionUrlEvent``, ``ALBEvent``, ``VPCLatticeEvent``
(VPC Lattice event structure v1) and ``VPCLatticeEventV2``, each with views of its request context. Names and
values follow the Powertools v3 data classes (``aws_lambda_powertools.utilities.data_classes``); where apigw
deliberately differs, the README's compatibility table says so.

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
from collections.abc import Mapping
from types import MappingProxyType

from . import _impl
from .exceptions import InvalidBodyEncodingError, InvalidEventError, InvalidJSONBodyError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import (
        Any,
        Callable,
        Dict,
        Generic,
        Iterable,
        Iterator,
        List,
        NoReturn,
        Optional,
        Tuple,
        TypeVar,
        Union,
        overload,
    )

    _T = TypeVar("_T")
    _AnyMapping = Mapping[str, Any]
    _StrMapping = Mapping[str, str]
    _AnyDict = Dict[str, Any]
else:
    # PERF: no typing at run time (the Lambda runtime has not loaded it; it costs cold starts milliseconds).
    from ._typing import Generic, overload

    _T = None
    _AnyMapping = _StrMapping = Mapping
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


class _Missing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "<missing>"


_MISSING: Any = _Missing()


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


def _get_any_case(data: Mapping[str, Any], key: str) -> Optional[str]:
    """``data[key]``, else the value of the first key equal to ``key`` ignoring case, else ``None``."""
    found: Any = data.get(key, _MISSING)
    if found is _MISSING:
        lowered = key.lower()
        found = next((value for name, value in data.items() if isinstance(name, str) and name.lower() == lowered), None)
    value: Optional[str] = found
    return value


class _Field(property, Generic[_T]):
    # A read-only property returning ``view._data.get(key)``, declared in one line:
    # ``name: _Field[str] = _Field("key", "docstring")``; type checkers see ``Optional[str]`` on instances.
    # A ``property`` subclass rather than a class with a Python ``__get__``: property's C ``__get__`` keeps an access
    # within a few percent of a hand-written ``@property``, a Python ``__get__`` measured ~25% slower. Being a
    # property it keeps property semantics: no setter, no deleter, ``help()`` lists it with its doc, and ``str()`` of
    # a view shows it. No class docstring: it would clash with the ``__doc__`` slot holding each field's doc (which
    # ``property.__init__`` does not fill on a slotted subclass, hence the assignment below).

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


class _FieldOr(property, Generic[_T]):
    # Like _Field, for fields Powertools v3 never returns as None: ``view._data.get(key) or empty()``, so a missing
    # or null map is a new ``{}``, a list ``[]``, a string ``""`` (``empty`` is the type: dict, list or str).

    __slots__ = ("key", "__doc__")

    def __init__(self, key: str, empty: Callable[[], _T], doc: str) -> None:
        super().__init__(lambda view: view._data.get(key) or empty())
        self.key = key
        self.__doc__ = doc

    if TYPE_CHECKING:

        @overload
        def __get__(self, obj: None, owner: Optional[type] = None) -> _FieldOr[_T]: ...
        @overload
        def __get__(self, obj: object, owner: Optional[type] = None) -> _T: ...
        def __get__(self, obj: Any, owner: Optional[type] = None) -> Any: ...
        def __set__(self, obj: object, value: NoReturn) -> None: ...


class _FieldAnyCase(property):
    # Like _Field for a ``str`` field whose key AWS spells in more than one letter case: ``view._data[key]``, else
    # the first key equal to it ignoring case, else None (see ``_get_any_case``).

    __slots__ = ("key", "__doc__")

    def __init__(self, key: str, doc: str) -> None:
        super().__init__(lambda view: _get_any_case(view._data, key))
        self.key = key
        self.__doc__ = doc

    if TYPE_CHECKING:

        @overload
        def __get__(self, obj: None, owner: Optional[type] = None) -> _FieldAnyCase: ...
        @overload
        def __get__(self, obj: object, owner: Optional[type] = None) -> Optional[str]: ...
        def __get__(self, obj: Any, owner: Optional[type] = None) -> Any: ...
        def __set__(self, obj: object, value: NoReturn) -> None: ...


# --------------------------------------------------------------------------------------------------------------
# The mapping types: DictWrapper (base of every view), Headers, CaseInsensitiveDict
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

    def __eq__(self, other: object) -> bool:
        # COMPAT: Powertools' headers compare equal to a dict spelling the names in any case.
        if isinstance(other, Mapping):
            return _lowered_items(self) == _lowered_items(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(dict(self))


def _lowered_items(mapping: Mapping[Any, Any]) -> Dict[Any, Any]:
    return {name.lower() if isinstance(name, str) else name: value for name, value in mapping.items()}


class CaseInsensitiveDict(_AnyDict):
    """A ``dict`` whose string keys are stored lowercased, so every lookup ignores their letter case.

    The type of the multi-value and "resolved" header maps (``multi_value_headers``, ``resolved_headers_field``),
    as in Powertools. They are built when read; the hot ``headers`` property is the lazy ``Headers`` view instead.

    >>> d = CaseInsensitiveDict({"Content-Type": "text/plain"}, X_Id="1")
    >>> d["CONTENT-TYPE"], "x_id" in d, d == {"content-type": "text/plain", "X_ID": "1"}
    ('text/plain', True, True)
    """

    __slots__ = ()

    def __init__(self, data: Union[Mapping[str, Any], Iterable[Tuple[str, Any]], None] = None, **kwargs: Any) -> None:
        super().__init__()
        self.update(data, **kwargs)

    def __getitem__(self, key: str) -> Any:
        return super().__getitem__(key.lower())

    def __setitem__(self, key: str, value: Any) -> None:
        super().__setitem__(key.lower(), value)

    def __delitem__(self, key: str) -> None:
        super().__delitem__(key.lower())

    def __contains__(self, key: object) -> bool:
        return super().__contains__(key.lower() if isinstance(key, str) else key)

    def get(self, key: str, default: Any = None) -> Any:
        return super().get(key.lower(), default)

    def pop(self, key: str, *default: Any) -> Any:
        return super().pop(key.lower(), *default)

    def setdefault(self, key: str, default: Any = None) -> Any:
        return super().setdefault(key.lower(), default)

    def update(  # type: ignore[override]
        self, data: Union[Mapping[str, Any], Iterable[Tuple[str, Any]], None] = None, **kwargs: Any
    ) -> None:
        if data is not None:
            items = data.items() if isinstance(data, Mapping) else data
            super().update((key.lower(), value) for key, value in items)
        if kwargs:
            super().update((key.lower(), value) for key, value in kwargs.items())

    def copy(self) -> CaseInsensitiveDict:
        return CaseInsensitiveDict(self)

    def __or__(self, other: object) -> Any:
        if not isinstance(other, Mapping):
            return NotImplemented
        merged = self.copy()
        merged.update(other)
        return merged

    def __ror__(self, other: object) -> Any:
        if not isinstance(other, Mapping):
            return NotImplemented
        merged = CaseInsensitiveDict(other)
        merged.update(self)
        return merged

    def __ior__(self, other: Any) -> CaseInsensitiveDict:  # type: ignore[override,misc]
        self.update(other)
        return self

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Mapping):
            return False
        if not isinstance(other, CaseInsensitiveDict):
            other = CaseInsensitiveDict(other)
        return dict.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:  # type: ignore[override]
        # COMPAT: hashable as in Powertools, as long as the values are (list values are not).
        return hash(frozenset(self.items()))


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


def _split_values(headers: Mapping[str, Any]) -> CaseInsensitiveDict:
    """Header values joined with ``,`` (HTTP API, Function URL, Lattice v1) split back into lists."""
    return CaseInsensitiveDict(
        (name, value.split(",") if isinstance(value, str) and "," in value else value)
        for name, value in headers.items()
    )


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
        return InvalidEventError(f"{self._KIND} event has no {key!r} ({self._HINT})")

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
            try:
                value = self._json_deserializer(text)
            except json.JSONDecodeError as exc:
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


# --------------------------------------------------------------------------------------------------------------
# Mutual TLS client certificates (REST identity.clientCert, HTTP API authentication.clientCert)
# --------------------------------------------------------------------------------------------------------------


class ClientCertValidity(DictWrapper):
    """``validity`` of a client certificate: when it starts and stops being valid."""

    __slots__ = ()

    not_before: _Field[str] = _Field("notBefore", 'Start of validity, e.g. ``"May 28 12:30:02 2019 GMT"``.')
    not_after: _Field[str] = _Field("notAfter", 'End of validity, e.g. ``"Aug  5 09:36:04 2021 GMT"``.')


class RequestContextClientCert(DictWrapper):
    """The client certificate of a mutual TLS request, as API Gateway verified it."""

    __slots__ = ()

    client_cert_pem: _Field[str] = _Field("clientCertPem", "The certificate in PEM format.")
    issuer_dn: _Field[str] = _Field("issuerDN", "The distinguished name of the issuer.")
    serial_number: _Field[str] = _Field("serialNumber", "The serial number of the certificate.")
    subject_dn: _Field[str] = _Field("subjectDN", "The distinguished name of the subject.")

    @property
    def validity(self) -> ClientCertValidity:
        """A view of ``validity`` (empty when missing)."""
        return ClientCertValidity(_child(self._data, "validity"))

    @property
    def validity_not_before(self) -> Optional[str]:
        """Start of validity (``validity.notBefore``)."""
        return _child(self._data, "validity").get("notBefore")

    @property
    def validity_not_after(self) -> Optional[str]:
        """End of validity (``validity.notAfter``)."""
        return _child(self._data, "validity").get("notAfter")


def _client_cert(container: Mapping[str, Any]) -> Optional[RequestContextClientCert]:
    cert = _mapping(container.get("clientCert"))
    return None if cert is None else RequestContextClientCert(cert)


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

    @property
    def client_cert(self) -> Optional[RequestContextClientCert]:
        """The client certificate of a mutual TLS request, or ``None``."""
        return _client_cert(self._data)


class APIGatewayEventAuthorizer(DictWrapper):
    """``requestContext.authorizer`` of a REST event.

    A Lambda authorizer's context values sit directly in this dict: read them with ``get``/``[]`` or
    ``get_context()``.
    """

    __slots__ = ()

    claims: _FieldOr[Dict[str, Any]] = _FieldOr("claims", dict, "The Cognito user pool claims (``{}`` when none).")
    scopes: _FieldOr[List[str]] = _FieldOr("scopes", list, "The OAuth scopes of the token (``[]`` when none).")
    principal_id: _FieldOr[str] = _FieldOr(
        "principalId", str, 'The principal id a Lambda authorizer returned (``""`` when none).'
    )
    integration_latency: _Field[int] = _Field("integrationLatency", "How long the authorizer took, in milliseconds.")

    def get_context(self) -> Dict[str, Any]:
        """The whole authorizer dict (where a Lambda authorizer's context lives)."""
        return self._data  # type: ignore[return-value]


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
    # The WebSocket API fields, which Powertools keeps on the REST request context.
    connected_at: _Field[int] = _Field("connectedAt", "When the WebSocket connection was opened (epoch milliseconds).")
    connection_id: _Field[str] = _Field("connectionId", "The id of the WebSocket connection.")
    event_type: _Field[str] = _Field("eventType", '``"CONNECT"``, ``"MESSAGE"`` or ``"DISCONNECT"`` (WebSocket).')
    message_direction: _Field[str] = _Field("messageDirection", "The direction of a WebSocket message.")
    message_id: _Field[str] = _Field("messageId", "The id of a WebSocket message (``MESSAGE`` events).")

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
    def resolved_query_string_parameters(self) -> Dict[str, List[str]]:
        """Every query parameter with the list of its values: ``multiValueQueryStringParameters``, completed by
        the (comma-split) names only ``queryStringParameters`` has."""
        return _merged_query(self)

    @property
    def resolved_headers_field(self) -> Mapping[str, Any]:
        """``multi_value_headers`` (every value, as lists) when the event has them, else ``headers``."""
        return self.multi_value_headers or self.headers

    @property
    def request_context(self) -> APIGatewayEventRequestContext:
        """A view of ``requestContext`` (empty when missing)."""
        return APIGatewayEventRequestContext(_child(self._data, "requestContext"))


def _merged_query(event: BaseProxyEvent) -> Dict[str, List[str]]:
    single = {name: value.split(",") for name, value in event.query_string_parameters.items()}
    multi = event.multi_value_query_string_parameters
    if not multi:
        return single
    if not single:
        return multi
    return {**single, **multi}


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
    """``requestContext.authorizer.iam`` of a 2.0 event signed with AWS credentials (``""`` for what is missing)."""

    __slots__ = ()

    access_key: _FieldOr[str] = _FieldOr("accessKey", str, "The caller's access key.")
    account_id: _FieldOr[str] = _FieldOr("accountId", str, "The caller's AWS account id.")
    caller_id: _FieldOr[str] = _FieldOr("callerId", str, "The principal id of the caller.")

    @property
    def cognito_amr(self) -> List[str]:
        """How a Cognito caller authenticated (authentication methods references; ``[]`` when none)."""
        return _child(self._data, "cognitoIdentity").get("amr") or []

    @property
    def cognito_identity_id(self) -> str:
        """The Cognito identity id of the caller (``""`` when none)."""
        identity_id: str = _child(self._data, "cognitoIdentity").get("identityId", "")
        return identity_id

    @property
    def cognito_identity_pool_id(self) -> str:
        """The Cognito identity pool id of the caller (``""`` when none)."""
        return _child(self._data, "cognitoIdentity").get("identityPoolId") or ""

    principal_org_id: _FieldOr[str] = _FieldOr("principalOrgId", str, "The AWS Organizations id of the caller.")
    user_arn: _FieldOr[str] = _FieldOr("userArn", str, "The ARN of the caller.")
    user_id: _FieldOr[str] = _FieldOr("userId", str, "The IAM user id of the caller.")


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

    @property
    def authentication(self) -> Optional[RequestContextClientCert]:
        """The client certificate of a mutual TLS request (``authentication.clientCert``), or ``None``.

        As in Powertools, this is the certificate itself: ``request_context.authentication.subject_dn``.
        """
        return _client_cert(_child(self._data, "authentication"))

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

    def _request_line(self) -> Tuple[str, str]:
        # PERF: the method and the stage from one look at requestContext (see BaseProxyEvent._request_line).
        data = self._data
        context = data.get("requestContext")
        http = context.get("http") if type(context) is dict else None
        method = http.get("method") if type(http) is dict else None
        raw = data.get("rawPath")
        if type(method) is str and type(raw) is str:
            stage = context.get("stage")  # type: ignore[union-attr]
            if not stage or stage == "$default" or not self._STAGE_IN_RAW_PATH:
                return method.upper(), raw
        return self.http_method.upper(), self.path

    #: Whether ``rawPath`` starts with ``/{stage}`` for a named stage (HTTP API); ``path`` removes it then.
    _STAGE_IN_RAW_PATH = True

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
    def resolved_cookies_field(self) -> Dict[str, str]:
        """The request cookies (the ``cookies`` list) as a ``{name: value}`` dict."""
        return _parse_cookie_header("; ".join(item for item in self.cookies if isinstance(item, str)))

    @property
    def resolved_headers_field(self) -> Mapping[str, Any]:
        """The headers with comma-joined values split into lists, in a ``CaseInsensitiveDict``."""
        return _split_values(self.headers)

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
        Powertools). A Function URL has no stages: its ``path`` is ``rawPath``, unchanged.
        """
        raw = self._data.get("rawPath")
        if not isinstance(raw, str):
            raise self._invalid("rawPath")
        if not self._STAGE_IN_RAW_PATH:
            return raw
        stage = _child(self._data, "requestContext").get("stage")
        if stage and isinstance(stage, str) and stage != "$default":
            prefix_length = len(stage) + 1
            if raw.startswith(stage, 1) and raw[:1] == "/":
                if len(raw) == prefix_length:
                    return "/"
                if raw[prefix_length] == "/":
                    return raw[prefix_length:]
        return raw

    def get_multi_value_query_string_values(self, name: str, default_values: Optional[List[str]] = None) -> List[str]:
        """Every value of query parameter ``name``, or ``default_values`` (``[]`` when not given).

        HTTP API joins repeated parameters with ``,``, so the joined value is split on ``,``; a value that itself
        contained an (encoded) comma is split too. Parse ``raw_query_string`` when that matters.
        """
        params = self._single_query()
        if params:
            value = params.get(name)
            if isinstance(value, str):
                return value.split(",")
        return default_values or []

    @property
    def request_context(self) -> RequestContextV2:
        """A view of ``requestContext`` (empty when missing)."""
        return RequestContextV2(_child(self._data, "requestContext"))


class LambdaFunctionUrlEvent(APIGatewayProxyEventV2):
    """A Lambda Function URL event: the 2.0 format, always with stage ``$default``."""

    __slots__ = ()

    _KIND = "Function URL"
    _STAGE_IN_RAW_PATH = False  # Function URLs have no stages: ``path`` is ``rawPath``, unchanged


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
    Query values arrive exactly as the client sent them, NOT URL-decoded (``a%20b`` stays ``a%20b``), and the
    accessors keep them that way: decode with ``urllib.parse.unquote`` where needed.

    ``decode_query_parameters`` (a keyword and an attribute, set by ``ALBResolver(decode_query_parameters=True)``
    in Powertools) makes ``resolved_query_string_parameters`` URL-decode names and values (``%20`` becomes a
    space, ``+`` stays ``+``); as in Powertools, the other query accessors are not affected.
    """

    __slots__ = ("decode_query_parameters",)

    _KIND = "ALB"

    def __init__(
        self,
        data: Mapping[str, Any],
        json_deserializer: Optional[Callable[[str], Any]] = None,
        *,
        decode_query_parameters: bool = False,
    ) -> None:
        self._data = data
        self._json_deserializer = json_deserializer or json.loads
        self.decode_query_parameters = decode_query_parameters

    @property
    def resolved_query_string_parameters(self) -> Dict[str, List[str]]:
        """Every query parameter with the list of its values (both fields merged, multi-value first);
        URL-decoded when ``decode_query_parameters`` is set."""
        params = _merged_query(self)
        if not self.decode_query_parameters:
            return params
        from urllib.parse import unquote  # PERF: only apps that ask for decoding import it

        return {unquote(name): [unquote(value) for value in values] for name, values in params.items()}

    @property
    def resolved_headers_field(self) -> Mapping[str, Any]:
        """``multi_value_headers`` (every value, as lists) in multi-value mode, else ``headers``."""
        return self.multi_value_headers or self.headers

    @property
    def request_context(self) -> ALBEventRequestContext:
        """A view of ``requestContext`` (empty when missing)."""
        return ALBEventRequestContext(_child(self._data, "requestContext"))


# --------------------------------------------------------------------------------------------------------------
# Amazon VPC Lattice (Lambda target groups, event structure v1 and v2)
# --------------------------------------------------------------------------------------------------------------


class _VPCLatticeEventBase(BaseProxyEvent):
    """What both VPC Lattice event structures have: ``method``, ``headers``, ``body``.

    VPC Lattice sends no multi-value fields besides its own (v2 ``headers`` and ``queryStringParameters`` hold
    lists), no path parameters, no stage variables and no ``multiValueHeaders``.
    """

    __slots__ = ()
    _PLAIN_REQUEST_LINE = False  # the path may carry the query string

    _KIND = "VPC Lattice"
    _METHOD_KEY = "method"

    method: _Field[str] = _Field("method", "The request method, as the event spells it (see ``http_method``).")

    @property
    def path(self) -> str:
        """The request path, without the query string VPC Lattice may leave in it."""
        path = self._data.get(self._PATH_KEY)
        if not isinstance(path, str):
            raise self._invalid(self._PATH_KEY)
        return path.partition("?")[0]


class VPCLatticeEvent(_VPCLatticeEventBase):
    """A VPC Lattice event, structure version 1: snake_case keys.

    ``{"raw_path": "/orders?id=1", "method": "GET", "headers": {...}, "query_string_parameters": {...},
    "body": "...", "is_base64_encoded": false}``: single-valued headers and query parameters.
    """

    __slots__ = ()

    _HINT = "is this a VPC Lattice v1 event? v2 events carry 'version': '2.0' and need VPCLatticeEventV2"
    _PATH_KEY = "raw_path"
    _BASE64_KEY = "is_base64_encoded"

    raw_path: _Field[str] = _Field("raw_path", "The ``raw_path`` field: the path, possibly with its query string.")
    query_string_parameters: _FieldOr[Dict[str, str]] = _FieldOr(
        "query_string_parameters", dict, "The ``query_string_parameters`` field (``{}`` when none)."
    )

    @property
    def headers(self) -> Headers:
        """Case-insensitive view of the request headers (empty when the event has none)."""
        return self._headers_view(self._data.get("headers"), None)

    def _single_query(self) -> Optional[Mapping[str, Any]]:
        return _mapping(self._data.get("query_string_parameters"))

    def _multi_query(self) -> Optional[Mapping[str, Any]]:
        return None

    @property
    def resolved_headers_field(self) -> Mapping[str, Any]:
        """The headers with comma-joined values split into lists, in a ``CaseInsensitiveDict``."""
        return _split_values(self.headers)


class VPCLatticeEventV2Identity(DictWrapper):
    """``requestContext.identity`` of a VPC Lattice v2 event: the caller, as VPC Lattice authenticated it.

    The key of each field is matched in any letter case (AWS's examples spell ``principalOrgID``, ``x509SanDns``
    and ``X509SubjectCn`` inconsistently).
    """

    __slots__ = ()

    source_vpc_arn = _FieldAnyCase("sourceVpcArn", "The ARN of the VPC the request came from.")
    get_type = _FieldAnyCase(
        "type", 'How the caller authenticated, e.g. ``"AWS_IAM"`` (the ``type`` field; the name is Powertools\').'
    )
    principal = _FieldAnyCase("principal", "The authenticated principal (an IAM or STS ARN).")
    principal_org_id = _FieldAnyCase("principalOrgID", "The AWS Organizations id of the principal.")
    session_name = _FieldAnyCase("sessionName", "The name of the authenticated session.")
    x509_subject_cn = _FieldAnyCase("X509SubjectCn", "The subject name (CN) of an IAM Roles Anywhere certificate.")
    x509_issuer_ou = _FieldAnyCase("X509IssuerOu", "The issuer (OU) of an IAM Roles Anywhere certificate.")
    x509_san_dns = _FieldAnyCase(
        "x509SanDns", "The subject alternative name (DNS) of an IAM Roles Anywhere certificate."
    )
    x509_san_uri = _FieldAnyCase(
        "X509SanUri", "The subject alternative name (URI) of an IAM Roles Anywhere certificate."
    )
    x509_san_name_cn = _FieldAnyCase(
        "X509SanNameCn", "The alternative name (Name/CN) of an IAM Roles Anywhere certificate."
    )


class VPCLatticeEventV2RequestContext(DictWrapper):
    """``requestContext`` of a VPC Lattice v2 event: which service network, service and target group."""

    __slots__ = ()

    service_network_arn: _Field[str] = _Field("serviceNetworkArn", "The ARN of the service network.")
    service_arn: _Field[str] = _Field("serviceArn", "The ARN of the service that received the request.")
    target_group_arn: _Field[str] = _Field("targetGroupArn", "The ARN of the target group that invoked the function.")
    region: _Field[str] = _Field("region", "The AWS Region of the service.")
    time_epoch: _Field[str] = _Field(
        "timeEpoch", 'The request time in epoch microseconds, as AWS sends it: a string (``"1724875399456789"``).'
    )

    @property
    def identity(self) -> VPCLatticeEventV2Identity:
        """A view of ``identity`` (empty when missing)."""
        return VPCLatticeEventV2Identity(_child(self._data, "identity"))


class VPCLatticeEventV2(_VPCLatticeEventBase):
    """A VPC Lattice event, structure version 2.0.

    ``headers`` and ``queryStringParameters`` map each name to the list of its values. ``headers`` here is the
    usual case-insensitive view (a value is the last one; ``headers.get_all(name)`` has them all);
    ``query_string_parameters`` joins each list with ``,`` (as Powertools does), and
    ``get_multi_value_query_string_values`` returns the list itself.
    """

    __slots__ = ("_query",)
    _query: Tuple[Any, Dict[str, str]]

    _HINT = "is this a VPC Lattice v2 event? v1 events carry 'raw_path' and need VPCLatticeEvent"

    version: _Field[str] = _Field("version", 'The event structure version, ``"2.0"``.')

    @property
    def headers(self) -> Headers:
        """Case-insensitive view of the request headers: a value is the last one, ``get_all`` has every one."""
        # Every value is a list: the multi-value side of the Headers view.
        return self._headers_view(None, self._data.get("headers"))

    def _multi_query(self) -> Optional[Mapping[str, Any]]:
        return _mapping(self._data.get("queryStringParameters"))

    def _single_query(self) -> Optional[Mapping[str, Any]]:
        return self.query_string_parameters

    @property
    def query_string_parameters(self) -> Dict[str, str]:  # type: ignore[override]
        """The query parameters, each list of values joined with ``,`` (``{}`` when none)."""
        raw = self._data.get("queryStringParameters")
        try:
            seen, query = self._query
            # Reused only while the event holds the same dict: a middleware replacing it is seen (as headers).
            if seen is raw:
                return query
        except AttributeError:
            pass
        found = _mapping(raw) or _EMPTY
        query = {name: ",".join(value) if isinstance(value, list) else value for name, value in found.items()}
        self._query = (raw, query)
        return query

    @property
    def multi_value_query_string_parameters(self) -> Dict[str, List[str]]:  # type: ignore[override]
        """The query parameters with the list of their values (``{}`` when none)."""
        raw = _mapping(self._data.get("queryStringParameters")) or _EMPTY
        return {name: value if isinstance(value, list) else [value] for name, value in raw.items()}

    @property
    def multi_value_headers(self) -> Dict[str, List[str]]:
        """The headers with the list of their values, in a ``CaseInsensitiveDict``."""
        return CaseInsensitiveDict(_mapping(self._data.get("headers")))

    @property
    def resolved_query_string_parameters(self) -> Dict[str, List[str]]:
        """The query parameters with the list of their values."""
        return self.multi_value_query_string_parameters

    @property
    def resolved_headers_field(self) -> Mapping[str, Any]:
        """The headers with the list of their values, in a ``CaseInsensitiveDict``."""
        return self.multi_value_headers

    @property
    def request_context(self) -> VPCLatticeEventV2RequestContext:
        """A view of ``requestContext`` (empty when missing)."""
        return VPCLatticeEventV2RequestContext(_child(self._data, "requestContext"))


# COMPAT: Powertools' spellings of the two Lattice v2 context classes.
vpcLatticeEventV2RequestContext = VPCLatticeEventV2RequestContext
vpcLatticeEventV2Identity = VPCLatticeEventV2Identity


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

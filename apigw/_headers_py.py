"""Request header lookup and response header serialization, pure-Python twin of ``_headers_c.pyx``.

Request side: HTTP header names are case-insensitive, but AWS delivers them as sent (REST v1) or lowercased
(HTTP API, ALB, Function URL), in ``headers`` and/or ``multiValueHeaders``. ``get_header`` looks a name up without
copying or re-keying the event's dicts.

Response side: integrations read different fields (``apigw.integrations`` chooses, per integration, one of the
layouts below). ``serialize`` turns one response's headers (``str`` or ``list`` of ``str`` values; ``None`` values
are dropped; other values such as ints are sent as text) and cookies (``Set-Cookie`` strings) into exactly the fields
of that layout:

- ``SINGLE_AND_MULTI`` (API Gateway REST, HTTP API payload 1.0): single-valued headers in ``headers`` and every
  header in ``multiValueHeaders`` (API Gateway merges the two, an identical pair is sent once), cookies in
  ``multiValueHeaders["Set-Cookie"]``.
- ``JOINED_WITH_COOKIES`` (HTTP API payload 2.0, Function URL): ``headers`` with several values joined by ``", "``,
  and ``cookies``. A ``Set-Cookie`` header given in ``headers`` is moved to ``cookies``: joining cookies with commas
  corrupts them (``Expires`` dates contain commas).
- ``SINGLE`` (ALB without multi-value headers, VPC Lattice): one value per header name, so several values are
  joined with ``", "``; several cookies are sent under differently-cased ``Set-Cookie`` names (``Set-Cookie``,
  ``set-cookie``, ``SET-COOKIE``, ...) because header names are case-insensitive for clients while the ``headers``
  dict needs distinct keys. Nothing is dropped.
- ``MULTI`` (ALB with multi-value headers): everything in ``multiValueHeaders``.
- ``JOINED_COOKIES_IN_MULTI`` (``HttpResolverLocal``): ``headers`` as ``JOINED_WITH_COOKIES`` has them, and the
  cookies as ``Set-Cookie`` values of ``multiValueHeaders``, which a REST API accepts.

APPSEC: a CR, LF or NUL in a header name, a value or a cookie would let response data add headers (header
injection); ``serialize`` refuses it with ``InvalidResponseHeaderError`` naming the header.
"""

from __future__ import annotations

from ._shared import (
    JOINED_COOKIES_IN_MULTI,
    JOINED_WITH_COOKIES,
    MULTI,
    SINGLE,
    SINGLE_AND_MULTI,
    set_cookie_spellings,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, List, Mapping, Optional

__all__ = [
    "JOINED_COOKIES_IN_MULTI",
    "JOINED_WITH_COOKIES",
    "MULTI",
    "SINGLE",
    "SINGLE_AND_MULTI",
    "get_header",
    "get_header_values",
    "add_json_fields",
    "serialize",
]

_SET_COOKIE = "set-cookie"
_JSON = "application/json"


def get_header(
    headers: Optional[Mapping[str, Any]],
    multi_value_headers: Optional[Mapping[str, Any]],
    name: str,
    default: Any = None,
) -> Any:
    """The value of header ``name`` (any case), or ``default``.

    ``headers`` is searched first: the key spelled exactly as ``name``, then its lowercase spelling (how HTTP API,
    ALB and Function URL deliver names), then the first key equal to it ignoring case. When ``headers`` has no
    such key, the last value of that header in ``multi_value_headers`` is returned (the value REST v1 and ALB put
    in ``headers``).

    >>> get_header({"Content-Type": "text/plain"}, None, "content-type")
    'text/plain'
    >>> get_header(None, {"x-id": ["1", "2"]}, "X-Id")
    '2'
    """
    if headers:
        value = _lookup(headers, name)
        if value is not _MISSING:
            return value
    if multi_value_headers:
        values = _lookup(multi_value_headers, name)
        if values is not _MISSING:
            if isinstance(values, list):
                return values[-1] if values else default
            return values
    return default


def get_header_values(
    headers: Optional[Mapping[str, Any]],
    multi_value_headers: Optional[Mapping[str, Any]],
    name: str,
) -> List[str]:
    """Every value of header ``name`` (any case): from ``multi_value_headers`` if it has the header, else the one
    value in ``headers``, else ``[]``."""
    if multi_value_headers:
        values = _lookup(multi_value_headers, name)
        if values is not _MISSING and values is not None:
            return list(values) if isinstance(values, list) else [values]
    if headers:
        value = _lookup(headers, name)
        if value is not _MISSING and value is not None:
            return [value]
    return []


class _Missing:
    __slots__ = ()


_MISSING: Any = _Missing()


def _lookup(mapping: Mapping[str, Any], name: str) -> Any:
    value = mapping.get(name, _MISSING)
    if value is not _MISSING:
        return value
    lowered = name.lower()
    value = mapping.get(lowered, _MISSING)
    if value is not _MISSING:
        return value
    for key in mapping:
        if isinstance(key, str) and key.lower() == lowered:
            return mapping[key]
    return _MISSING


def serialize(headers: Mapping[str, Any], cookies: List[str], layout: int) -> Dict[str, Any]:
    """The response fields carrying ``headers`` and ``cookies`` in ``layout``.

    >>> serialize({"Content-Type": "application/json"}, ["a=1"], JOINED_WITH_COOKIES)
    {'headers': {'Content-Type': 'application/json'}, 'cookies': ['a=1']}
    >>> serialize({"X-A": ["1", "2"], "X-B": "b"}, [], SINGLE_AND_MULTI)
    {'headers': {'X-B': 'b'}, 'multiValueHeaders': {'X-A': ['1', '2'], 'X-B': ['b']}}
    """
    for cookie in cookies:
        _check("Set-Cookie", cookie)
    if layout == JOINED_WITH_COOKIES or layout == SINGLE or layout == JOINED_COOKIES_IN_MULTI:
        single: Dict[str, str] = {}
        set_cookies = list(cookies)
        for key, value in headers.items():
            if value is None:
                continue
            _check_name(key)
            if _is_set_cookie(key):
                set_cookies.extend(_as_checked_list(key, value))
            elif isinstance(value, str):
                _check(key, value)
                single[key] = value
            elif value or value == 0:
                single[key] = ", ".join(_as_checked_list(key, value))
        if layout == JOINED_WITH_COOKIES:
            return {"headers": single, "cookies": set_cookies}
        if layout == JOINED_COOKIES_IN_MULTI:
            if not set_cookies:
                return {"headers": single}
            return {"headers": single, "multiValueHeaders": {"Set-Cookie": set_cookies}}
        if set_cookies:
            for spelling, cookie in zip(set_cookie_spellings(len(set_cookies)), set_cookies):
                single[spelling] = cookie
        return {"headers": single}

    multi: Dict[str, List[str]] = {}
    for key, value in headers.items():
        if value is None:
            continue
        _check_name(key)
        if isinstance(value, str):  # NOTE: keys of a dict are unique: each is set once
            _check(key, value)
            multi[key] = [value]
        elif value or value == 0:
            multi[key] = _as_checked_list(key, value)
    if cookies:
        cookie_key = "Set-Cookie"  # or the spelling the handler used, so cookies join its own Set-Cookie values
        for key in multi:
            if _is_set_cookie(key):
                cookie_key = key
                break
        multi.setdefault(cookie_key, []).extend(cookies)
    if layout == MULTI:
        return {"multiValueHeaders": multi}
    single = {}
    for key, values in multi.items():
        if len(values) == 1:
            single[key] = values[0]
    return {"headers": single, "multiValueHeaders": multi}


def add_json_fields(result: Dict[str, Any], layout: int) -> None:
    """Add to a response dict what ``serialize({"Content-Type": "application/json"}, [], layout)`` returns, written
    out: the header fields of a plain JSON response (PERF: what most responses are; no intermediate dict). New
    dicts each time: callers may change them.

    >>> result = {"statusCode": 200}
    >>> add_json_fields(result, JOINED_WITH_COOKIES)
    >>> result
    {'statusCode': 200, 'headers': {'Content-Type': 'application/json'}, 'cookies': []}
    """
    if layout == SINGLE_AND_MULTI:
        result["headers"] = {"Content-Type": _JSON}
        result["multiValueHeaders"] = {"Content-Type": [_JSON]}
    elif layout == JOINED_WITH_COOKIES:
        result["headers"] = {"Content-Type": _JSON}
        result["cookies"] = []
    elif layout == MULTI:
        result["multiValueHeaders"] = {"Content-Type": [_JSON]}
    else:
        result["headers"] = {"Content-Type": _JSON}


def _is_set_cookie(key: str) -> bool:
    return len(key) == 10 and key.lower() == _SET_COOKIE


def _forbidden(text: str) -> bool:
    return "\r" in text or "\n" in text or "\x00" in text


def _refused(name: Any, value: Any) -> Exception:
    from .exceptions import InvalidResponseHeaderError  # PERF: made on first use (see apigw.exceptions)

    return InvalidResponseHeaderError(name, value)


def _check(name: str, value: Any) -> None:
    """APPSEC: refuse a CR, LF or NUL in a header value (``isprintable`` answers the common case in one pass)."""
    if not isinstance(value, str) or (not value.isprintable() and _forbidden(value)):
        if isinstance(value, str):
            raise _refused(name, value)
        raise TypeError(f"response header {name!r} value must be text, not {type(value).__name__}")


def _check_name(name: Any) -> None:
    if not isinstance(name, str) or not name or (not name.isprintable() and _forbidden(name)):
        raise _refused(name, None)


def _as_checked_list(name: str, value: Any) -> List[str]:
    """A header value as a list of checked strings: lists and tuples item by item, anything else (an int) as text."""
    if isinstance(value, (list, tuple)):
        values = [item if isinstance(item, str) else str(item) for item in value]
    else:
        values = [value if isinstance(value, str) else str(value)]
    for item in values:
        _check(name, item)
    return values

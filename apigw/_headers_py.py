"""Request header lookup and response header serialization, pure-Python twin of ``_headers_c.pyx``.

Request side: HTTP header names are case-insensitive, but AWS delivers them as sent (REST v1) or lowercased
(HTTP API, ALB, Function URL), in ``headers`` and/or ``multiValueHeaders``. ``get_header`` looks a name up without
copying or re-keying the event's dicts.

Response side: each integration reads different fields (see WIRE-FORMATS.md). ``serialize`` turns one response's
headers (``str`` or ``list`` of ``str`` values; ``None`` values are dropped) and cookies (``Set-Cookie`` strings)
into exactly the fields that integration reads (non-string values such as ints are sent as text):

- ``REST`` (API Gateway REST and HTTP API payload 1.0): single-valued headers in ``headers`` and every header in
  ``multiValueHeaders`` (API Gateway merges the two, an identical pair is sent once), cookies in
  ``multiValueHeaders["Set-Cookie"]``.
- ``HTTP`` (HTTP API payload 2.0, Function URL): ``headers`` with several values joined by ``", "``, and
  ``cookies``. A ``Set-Cookie`` header given in ``headers`` is moved to ``cookies``: joining cookies with commas
  corrupts them (``Expires`` dates contain commas).
- ``ALB_SINGLE`` (ALB target group without multi-value headers): one value per header name, so several values are
  joined with ``", "``; several cookies are sent under differently-cased ``Set-Cookie`` names (``Set-Cookie``,
  ``set-cookie``, ``SET-COOKIE``, ...) because header names are case-insensitive for clients while the
  ``headers`` dict needs distinct keys. Nothing is dropped.
- ``ALB_MULTI``: everything in ``multiValueHeaders``.
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional

__all__ = ["ALB_MULTI", "ALB_SINGLE", "HTTP", "REST", "get_header", "get_header_values", "serialize"]

REST = 0
HTTP = 1
ALB_SINGLE = 2
ALB_MULTI = 3

_SET_COOKIE = "set-cookie"


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


def serialize(headers: Mapping[str, Any], cookies: List[str], mode: int) -> Dict[str, Any]:
    """The response fields carrying ``headers`` and ``cookies`` for integration ``mode``.

    >>> serialize({"Content-Type": "application/json"}, ["a=1"], HTTP)
    {'headers': {'Content-Type': 'application/json'}, 'cookies': ['a=1']}
    >>> serialize({"X-A": ["1", "2"], "Content-Type": "text/plain"}, [], REST)
    {'headers': {'Content-Type': 'text/plain'}, 'multiValueHeaders': {'X-A': ['1', '2'], 'Content-Type': ['text/plain']}}
    """
    if mode == HTTP:
        single: Dict[str, str] = {}
        all_cookies = list(cookies)
        for key, value in headers.items():
            if value is None:
                continue
            if key.lower() == _SET_COOKIE:
                all_cookies.extend(_as_list(value))
            elif isinstance(value, str):
                single[key] = value
            elif value or value == 0:
                single[key] = ", ".join(_as_list(value))
        return {"headers": single, "cookies": all_cookies}

    if mode == ALB_SINGLE:
        single = {}
        set_cookies = list(cookies)
        for key, value in headers.items():
            if value is None:
                continue
            if key.lower() == _SET_COOKIE:
                set_cookies.extend(_as_list(value))
            elif isinstance(value, str):
                single[key] = value
            elif value or value == 0:
                single[key] = ", ".join(_as_list(value))
        for spelling, cookie in zip(_set_cookie_spellings(len(set_cookies)), set_cookies):
            single[spelling] = cookie
        return {"headers": single}

    multi: Dict[str, List[str]] = {}
    for key, value in headers.items():
        if value is None:
            continue
        if isinstance(value, str):
            multi.setdefault(key, []).append(value)
        elif value or value == 0:
            multi.setdefault(key, []).extend(_as_list(value))
    if cookies:
        multi.setdefault(_set_cookie_key(multi), []).extend(cookies)
    if mode == ALB_MULTI:
        return {"multiValueHeaders": multi}
    single = {key: values[0] for key, values in multi.items() if len(values) == 1}
    return {"headers": single, "multiValueHeaders": multi}


def _as_list(value: Any) -> List[str]:
    """A header value as a list of strings: lists and tuples item by item, anything else (say an int) as text."""
    if isinstance(value, (list, tuple)):
        return [item if isinstance(item, str) else str(item) for item in value]
    return [value if isinstance(value, str) else str(value)]


def _set_cookie_key(multi: Mapping[str, Any]) -> str:
    """The existing spelling of Set-Cookie in ``multi``, so cookies join the user's own Set-Cookie values."""
    for key in multi:
        if key.lower() == _SET_COOKIE:
            return key
    return "Set-Cookie"


def _set_cookie_spellings(count: int) -> List[str]:
    """``count`` distinct spellings of Set-Cookie: the canonical one first, then other upper/lower-case mixes."""
    spellings = ["Set-Cookie"]
    letters = "setcookie"  # the 9 letters of set-cookie: 512 spellings, far more than a response carries
    mask = 0
    while len(spellings) < count:
        if mask >= 1 << len(letters):
            raise ValueError(f"cannot send {count} cookies in an ALB single-value response")
        chars = []
        bit = 0
        for char in _SET_COOKIE:
            if char == "-":
                chars.append(char)
                continue
            chars.append(char.upper() if mask >> bit & 1 else char)
            bit += 1
        mask += 1
        spelling = "".join(chars)
        if spelling not in spellings:
            spellings.append(spelling)
    return spellings[:count]

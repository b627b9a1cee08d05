# cython: language_level=3
"""Request header lookup and response header serialization, compiled twin of ``_headers_py.py`` (same functions,
same behaviour; the pure twin documents the contract)."""

from ._shared import JOINED_COOKIES_IN_MULTI, JOINED_WITH_COOKIES, MULTI, SINGLE, SINGLE_AND_MULTI, set_cookie_spellings

cdef object _MISSING = object()
cdef str _JSON = u"application/json"


cdef object _lookup(object mapping, object name):
    cdef str lowered
    if type(mapping) is dict:
        value = (<dict>mapping).get(name, _MISSING)
        if value is not _MISSING:
            return value
        lowered = name.lower()
        value = (<dict>mapping).get(lowered, _MISSING)
        if value is not _MISSING:
            return value
        for key in <dict>mapping:
            if isinstance(key, str) and (<str>key).lower() == lowered:
                return (<dict>mapping)[key]
        return _MISSING
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


# NOTE: text arguments are typed `object` where a `str` subclass (a StrEnum member) can arrive: a `str` typed
# argument accepts only exact str, and the pure twin takes any str.
cpdef object get_header(object headers, object multi_value_headers, object name, object default=None):
    """The value of header ``name`` (any case), or ``default`` (see ``_headers_py.get_header``)."""
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


cpdef list get_header_values(object headers, object multi_value_headers, object name):
    """Every value of header ``name`` (any case)."""
    if multi_value_headers:
        values = _lookup(multi_value_headers, name)
        if values is not _MISSING and values is not None:
            return list(values) if isinstance(values, list) else [values]
    if headers:
        value = _lookup(headers, name)
        if value is not _MISSING and value is not None:
            return [value]
    return []


cdef inline bint _is_set_cookie(object key):
    return len(key) == 10 and key.lower() == u"set-cookie"


cpdef dict serialize(object headers, list cookies, int layout):
    """The response fields carrying ``headers`` and ``cookies`` in ``layout``."""
    cdef dict single, multi
    cdef list set_cookies, values
    for cookie in cookies:
        _check(u"Set-Cookie", cookie)
    if layout == JOINED_WITH_COOKIES or layout == SINGLE or layout == JOINED_COOKIES_IN_MULTI:
        single = {}
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
                single[key] = u", ".join(_as_checked_list(key, value))
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

    multi = {}
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
        cookie_key = u"Set-Cookie"  # or the spelling the handler used, so cookies join its own Set-Cookie values
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


cpdef add_json_fields(dict result, int layout):
    """Add the header fields of a plain JSON response to a response dict (see the pure twin)."""
    if layout == SINGLE_AND_MULTI:
        result[u"headers"] = {u"Content-Type": _JSON}
        result[u"multiValueHeaders"] = {u"Content-Type": [_JSON]}
    elif layout == JOINED_WITH_COOKIES:
        result[u"headers"] = {u"Content-Type": _JSON}
        result[u"cookies"] = []
    elif layout == MULTI:
        result[u"multiValueHeaders"] = {u"Content-Type": [_JSON]}
    else:
        result[u"headers"] = {u"Content-Type": _JSON}


cdef inline bint _forbidden(str text):
    # APPSEC: CR, LF or NUL would let a value add headers of its own.
    cdef Py_UCS4 ch
    for ch in text:
        if ch == u"\r" or ch == u"\n" or ch == 0:
            return True
    return False


cdef object _refused(object name, object value):
    from .exceptions import InvalidResponseHeaderError  # PERF: made on first use (see apigw.exceptions)

    return InvalidResponseHeaderError(name, value)


cdef inline void _check(object name, object value) except *:
    if not isinstance(value, str) or _forbidden(<str>value):
        if isinstance(value, str):
            raise _refused(name, value)
        raise TypeError(f"response header {name!r} value must be text, not {type(value).__name__}")


cdef inline void _check_name(object name) except *:
    if not isinstance(name, str) or not name or _forbidden(<str>name):
        raise _refused(name, None)


cdef list _as_checked_list(object name, object value):
    cdef list values
    if isinstance(value, (list, tuple)):
        values = [item if isinstance(item, str) else str(item) for item in value]
    else:
        values = [value if isinstance(value, str) else str(value)]
    for item in values:
        _check(name, item)
    return values

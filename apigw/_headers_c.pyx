# cython: language_level=3
"""Request header lookup and response header serialization, compiled twin of ``_headers_py.py`` (same functions,
same behaviour; the pure twin documents the contract)."""

# The rare paths (many-cookie spellings for ALB) are shared with the pure twin rather than written twice.
from ._headers_py import _as_list, _set_cookie_spellings

REST = 0
HTTP = 1
ALB_SINGLE = 2
ALB_MULTI = 3

cdef object _MISSING = object()


cdef object _lookup(object mapping, str name):
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


cpdef object get_header(object headers, object multi_value_headers, str name, object default=None):
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


cpdef list get_header_values(object headers, object multi_value_headers, str name):
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


cdef inline bint _is_set_cookie(str key):
    return len(key) == 10 and key.lower() == u"set-cookie"


cpdef dict serialize(object headers, list cookies, int mode):
    """The response fields carrying ``headers`` and ``cookies`` for integration ``mode``."""
    cdef dict single, multi
    cdef list set_cookies, values
    cdef str key
    if mode == HTTP or mode == ALB_SINGLE:
        single = {}
        set_cookies = list(cookies)
        for key, value in headers.items():
            if value is None:
                continue
            if _is_set_cookie(key):
                set_cookies.extend(_as_list(value))
            elif isinstance(value, str):
                single[key] = value
            elif value or value == 0:
                single[key] = u", ".join(_as_list(value))
        if mode == HTTP:
            return {"headers": single, "cookies": set_cookies}
        if set_cookies:
            for spelling, cookie in zip(_set_cookie_spellings(len(set_cookies)), set_cookies):
                single[spelling] = cookie
        return {"headers": single}

    multi = {}
    for key, value in headers.items():
        if value is None:
            continue
        if isinstance(value, str):
            values = multi.get(key)
            if values is None:
                multi[key] = [value]
            else:
                values.append(value)
        elif value or value == 0:
            values = multi.get(key)
            if values is None:
                multi[key] = _as_list(value)
            else:
                values.extend(_as_list(value))
    if cookies:
        cookie_key = u"Set-Cookie"
        for key in multi:
            if _is_set_cookie(key):
                cookie_key = key
                break
        multi.setdefault(cookie_key, []).extend(cookies)
    if mode == ALB_MULTI:
        return {"multiValueHeaders": multi}
    single = {}
    for key, values in multi.items():
        if len(values) == 1:
            single[key] = values[0]
    return {"headers": single, "multiValueHeaders": multi}

# cython: language_level=3
"""Response body encoding, compiled twin of ``_encoder_py.py`` (same functions, same behaviour; the pure twin
documents the contract). ``dumps`` and ``gzip_compress`` are json's and zlib's C code either way: both twins take
them from ``apigw._body``."""

from cpython.bytes cimport PyBytes_Check
from cpython.unicode cimport PyUnicode_Check

from ._body import dumps, gzip_compress, quality_above_zero


cpdef bint accepts_gzip(object accept_encoding):
    """True when the ``Accept-Encoding`` value lets the response be gzipped (see the pure twin)."""
    cdef str text, name
    cdef Py_ssize_t n, start, end, semi
    cdef bint wildcard = False
    if not accept_encoding:
        return False
    if isinstance(accept_encoding, str):
        text = <str>accept_encoding  # NOTE: a str subclass too (a `str` variable accepts only exact str)
    else:
        text = accept_encoding
    n = len(text)
    start = 0
    # PERF: walk the commas and semicolons by index instead of building split() lists per request.
    while start <= n:
        end = start
        while end < n and text[end] != u",":
            end += 1
        semi = start
        while semi < end and text[semi] != u";":
            semi += 1
        name = text[start:semi].strip().lower()
        if name == u"gzip" or name == u"x-gzip":
            return semi >= end or quality_above_zero(text[semi + 1:end])
        if name == u"*":
            wildcard = semi >= end or quality_above_zero(text[semi + 1:end])
        start = end + 1
    return wildcard


cpdef tuple encode_body(object body, bint compress):
    """``(text, is_base64, gzipped)`` for a response ``body`` (see the pure twin)."""
    cdef bytes data
    if body is None:
        return None, False, False
    if PyUnicode_Check(body):
        if not compress:
            return body, False, False
        data = (<str>body).encode("utf-8")
    elif PyBytes_Check(body):
        data = <bytes>body
    elif isinstance(body, (bytearray, memoryview)):
        data = bytes(body)
    else:
        raise TypeError(f"a response body must be str, bytes or None, not {type(body).__name__}")
    if compress:
        data = gzip_compress(data)
    from binascii import b2a_base64  # PERF: loaded by the first binary or gzipped body, not at cold start

    return b2a_base64(data, newline=False).decode("ascii"), True, compress


cpdef Py_ssize_t size_bound(dict result) except -1:
    """An upper bound of the bytes of ``result`` written as JSON (see the pure twin)."""
    cdef Py_ssize_t total = 2
    for key, value in result.items():
        total += _text_bound(key) + 4
        if PyUnicode_Check(value):
            total += _text_bound(value)
        elif isinstance(value, dict):
            for name, item in (<dict>value).items():
                total += _text_bound(name) + 4
                if PyUnicode_Check(item):
                    total += _text_bound(item)
                elif isinstance(item, list):
                    for one in <list>item:
                        total += _text_bound(one) + 2 if PyUnicode_Check(one) else 32
                else:
                    total += 32
        elif isinstance(value, list):
            for one in <list>value:
                total += _text_bound(one) + 2 if PyUnicode_Check(one) else 32
        else:
            total += 32
    return total


cdef inline Py_ssize_t _text_bound(object text) except -1:
    # NOTE: `object`: a str subclass (a StrEnum member as a header value) is text too, and any other key fails
    # as in the pure twin.
    return 6 * len(text) + 2 if text.isascii() else 12 * len(text) + 2

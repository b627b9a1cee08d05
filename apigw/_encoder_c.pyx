# cython: language_level=3
"""Response body encoding, compiled twin of ``_encoder_py.py`` (same functions, same behaviour; the pure twin
documents the contract). ``dumps`` and ``gzip_compress`` are json's and zlib's C code either way and are shared."""

from cpython.bytes cimport PyBytes_Check
from cpython.unicode cimport PyUnicode_Check

from binascii import b2a_base64

from ._encoder_py import _quality_above_zero, dumps, gzip_compress


cpdef bint accepts_gzip(object accept_encoding):
    """True when the ``Accept-Encoding`` value lets the response be gzipped (see the pure twin)."""
    cdef str text, name
    cdef Py_ssize_t n, start, end, semi
    cdef bint wildcard = False
    if not accept_encoding:
        return False
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
            return semi >= end or _quality_above_zero(text[semi + 1:end])
        if name == u"*":
            wildcard = semi >= end or _quality_above_zero(text[semi + 1:end])
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
    return b2a_base64(data, newline=False).decode("ascii"), True, compress

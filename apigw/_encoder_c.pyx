# cython: language_level=3
"""Response body encoding, compiled twin of ``_encoder_py.py`` (same functions, same behaviour; the pure twin
documents the contract). ``gzip_compress`` is zlib's C code either way, taken from ``apigw._shared``; ``dumps`` calls
the same json C encoder as ``apigw._shared.dumps`` without a Python frame around it."""

from cpython.bytes cimport PyBytes_Check
from cpython.unicode cimport PyUnicode_Check

from ._shared import _ENCODER, _FAST_ENCODE, JSON, PLAIN_FIELDS_BOUND, VARY_ACCEPT_ENCODING, accept_encoding, add_headers
from ._shared import fit, gzip_compress
from ._shared import _STATUS_LINES, quality_above_zero, status_code, status_line


def dumps(obj):
    """Compact JSON for a handler's result (see ``apigw._shared.dumps``): json's C encoder, called without a Python
    frame around it."""
    if _FAST_ENCODE is not None:
        try:
            return u"".join(_FAST_ENCODE(obj, 0))
        except RecursionError:
            pass
    return _ENCODER.encode(obj)


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


cdef class ResponseWriter:
    """A handler's result to the integration's response dict (see the pure twin)."""

    cdef public object serializer
    cdef public object cors
    cdef public object headers
    cdef public object size_limit
    cdef public object size_guard
    cdef object _serialize_headers  # PERF: headers.serialize and headers.add_json_fields, looked up once
    cdef object _add_json_fields
    # PERF: the integration of the last response and the facts the writer reads of it, learnt where a response
    # starts (write_result, respond): C fields instead of four attribute lookups per response.
    cdef object _integration
    cdef int _single_layout, _multi_layout  # _multi_layout -1: none
    cdef bint _status_description
    cdef object _response_limit

    def __init__(self, serializer, cors, headers, size_limit=None):
        self.serializer = serializer
        self.cors = cors
        self.headers = headers
        self.size_limit = size_limit
        self.size_guard = u"answer"
        self._serialize_headers = headers.serialize
        self._add_json_fields = headers.add_json_fields
        self._integration = None

    cdef inline _learn(self, object integration):
        if integration is not self._integration:
            multi = integration.multi_value_layout
            self._single_layout = integration.layout
            self._multi_layout = -1 if multi is None else multi
            self._status_description = integration.status_description
            self._response_limit = integration.response_limit
            self._integration = integration

    cpdef dict write(self, object view, object response, object route, object integration):
        """The response dict for a ``Response``, finished with the route's settings."""
        status = response.status_code
        if type(status) is not int or not 100 <= status <= 599:
            status = status_code(status, u"Response.status_code")
        body = response.body
        if body is None and not integration.null_body:
            body = u""  # ALB turns a null body into a 502; COMPAT: blanked before serializing, as Powertools
        elif not isinstance(body, (str, bytes, bytearray, memoryview)):
            if response.is_json():
                body = self._serialize(body, route)  # a JSON None is "null", as Powertools sends it
            elif "Content-Type" not in response.headers and body is not None:
                # A dict or list body with no content type can only mean JSON (Powertools sends it unserialized).
                body = self._serialize(body, route)
                response.headers["Content-Type"] = JSON
        result = self._finish(
            view, status, response.headers, response.cookies, body, response.compress, route, integration
        )
        response.base64_encoded = result[u"isBase64Encoded"]
        return result

    cpdef dict write_result(self, object view, object result, int status, object route, object integration):
        """``write`` for a plain JSON result, without building the ``Response`` (see the pure twin)."""
        self._learn(integration)
        body = self._serialize(result, route)
        if route.plain:
            # PERF: no CORS, cache control or compression to add: the layout's fields of the one JSON header.
            response = {u"statusCode": status}
            self._add_json_fields(response, self._layout(view))
            self._complete(response, status, body, False)
            if 12 * len(body) + PLAIN_FIELDS_BOUND < (self.size_limit or self._response_limit):
                return response  # PERF: under the limit whatever its text (see size_bound): not measured
            return self._guard(view, body, {u"Content-Type": JSON}, [], route, integration, response)
        return self._finish(view, status, {u"Content-Type": JSON}, None, body, None, route, integration)

    cpdef dict respond(
        self, object view, int status, object headers, list cookies, object body, bint is_base64, object integration
    ):
        """The response dict in the integration's layout, with a ``statusDescription`` where it has one."""
        self._learn(integration)
        cdef dict result = {u"statusCode": status}
        result.update(self._serialize_headers(headers, cookies, self._layout(view)))
        return self._complete(result, status, body, is_base64)

    cdef dict _complete(self, dict result, int status, object body, bint is_base64):
        if self._status_description:
            line = (<dict>_STATUS_LINES).get(status)
            result[u"statusDescription"] = status_line(status) if line is None else line
        result[u"body"] = body
        result[u"isBase64Encoded"] = is_base64
        return result

    cdef int _layout(self, object view) except? -1:
        if self._multi_layout >= 0 and view._data.get(u"multiValueHeaders") is not None:
            return self._multi_layout
        return self._single_layout

    cdef dict _guard(
        self, object view, object body, object headers, list cookies, object route, object integration, dict result
    ):
        limit = self.size_limit or self._response_limit
        if size_bound(result) > limit and self.size_guard != u"off":
            return fit(self, accepts_gzip, encode_body, view, body, headers, cookies, route, integration, result)
        return result

    cdef object _serialize(self, object value, object route):
        try:
            return self.serializer(value)
        except Exception as exc:
            from .exceptions import ResponseSerializationError  # PERF: made on first use (see apigw.exceptions)

            raise ResponseSerializationError(route.method, route.rule, route.handler_name, exc, value) from exc

    cdef dict _finish(
        self,
        object view,
        int status,
        object headers,
        object cookies,
        object body,
        object compress,
        object route,
        object integration,
    ):
        cdef dict result
        cdef list set_cookies
        cors_headers_only = None
        if route.cors:
            origin = view.get_header_value(u"origin") or None  # an empty Origin is no Origin
            cors_headers = self.cors.headers_for(origin)
            if cors_headers:
                if origin is None and integration.cors_without_origin_in_headers_only:
                    cors_headers_only = cors_headers
                else:
                    add_headers(headers, cors_headers)
        if route.cache_control:
            headers[u"Cache-Control"] = route.cache_control if status == 200 else u"no-cache"
        if compress is None:
            compress = route.compress
        if compress:
            # The body depends on Accept-Encoding: shared caches must key on it, whichever way this one goes.
            add_headers(headers, VARY_ACCEPT_ENCODING)
            compress = accepts_gzip(accept_encoding(view))
        text, is_base64, gzipped = encode_body(body, bool(compress))
        if gzipped:
            headers[u"Content-Encoding"] = u"gzip"
        set_cookies = [str(cookie) for cookie in cookies] if cookies else []
        result = self.respond(view, status, headers, set_cookies, text, is_base64, integration)
        if cors_headers_only:
            add_headers(result[u"headers"], cors_headers_only)
        return self._guard(view, body, headers, set_cookies, route, integration, result)

"""Response body encoding, pure-Python twin of ``_encoder_c.pyx``.

- ``dumps``: compact JSON (see ``apigw._shared.dumps``, shared by both twins: it is json's C encoder either way).
- ``accepts_gzip``: does an ``Accept-Encoding`` value allow gzip? ``q=0`` is a refusal, ``*`` a wildcard.
- ``encode_body``: a response body (``str``, ``bytes``, ``None``) to the text the integration carries, gzipped
  when asked for and allowed, base64 for bytes.
- ``size_bound``: a cheap upper bound of a response dict's size as JSON, so that only responses that may be near
  an integration's limit are measured exactly.
- ``ResponseWriter``: a handler's result to the integration's response dict, all of the above together with the
  route's settings and the integration's layout (the per-request half of a resolver's work).
"""

from __future__ import annotations

from ._shared import (
    _STATUS_LINES,
    JSON,
    PLAIN_FIELDS_BOUND,
    VARY_ACCEPT_ENCODING,
    accept_encoding,
    add_headers,
    dumps,
    fit,
    gzip_compress,
    quality_above_zero,
    status_code,
    status_line,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from types import ModuleType
    from typing import Any, Callable, Dict, List, Optional, Tuple

__all__ = ["ResponseWriter", "accepts_gzip", "dumps", "encode_body", "gzip_compress", "size_bound"]


def accepts_gzip(accept_encoding: Optional[str]) -> bool:
    """True when the ``Accept-Encoding`` request header lets the response be gzipped.

    ``gzip`` (or ``x-gzip``) with a non-zero quality accepts; ``gzip;q=0`` refuses even if ``*`` is listed; a
    ``*`` with a non-zero quality accepts when gzip is not named. Names are case-insensitive.

    >>> accepts_gzip("gzip, deflate, br")
    True
    >>> accepts_gzip("gzip;q=0, *")
    False
    """
    if not accept_encoding:
        return False
    wildcard = False
    for item in accept_encoding.split(","):
        coding, _, params = item.partition(";")
        coding = coding.strip().lower()
        if coding == "gzip" or coding == "x-gzip":
            return quality_above_zero(params)
        if coding == "*":
            wildcard = quality_above_zero(params)
    return wildcard


def encode_body(body: Any, compress: bool) -> Tuple[Optional[str], bool, bool]:
    """``(text, is_base64, gzipped)`` for a response ``body``.

    ``str`` bodies stay text unless compressed; ``bytes`` (and ``bytearray``/``memoryview``) become base64;
    ``compress`` gzips the body (then base64). ``None`` stays ``None`` and is never compressed.

    >>> encode_body("hi", False)
    ('hi', False, False)
    >>> encode_body(b"\\x89PNG", False)
    ('iVBORw==', True, False)
    """
    if body is None:
        return None, False, False
    if isinstance(body, str):
        if not compress:
            return body, False, False
        data = body.encode("utf-8")
    elif isinstance(body, (bytes, bytearray, memoryview)):
        data = bytes(body)
    else:
        raise TypeError(f"a response body must be str, bytes or None, not {type(body).__name__}")
    if compress:
        data = gzip_compress(data)
    from binascii import b2a_base64  # PERF: loaded by the first binary or gzipped body, not at cold start

    return b2a_base64(data, newline=False).decode("ascii"), True, bool(compress)


def size_bound(result: Dict[str, Any]) -> int:
    """An upper bound of the bytes of ``result`` (a response dict) written as JSON, escaped or UTF-8.

    Each string counts 6 bytes a character when it is ASCII (``\\u0000`` is the longest escape), else 12 (an
    astral character escapes to a surrogate pair); every other value counts 32.

    >>> size_bound({"statusCode": 200, "body": "ok"}) >= len('{"statusCode": 200, "body": "ok"}')
    True
    """
    total = 2
    for key, value in result.items():
        total += _text_bound(key) + 4
        if isinstance(value, str):
            total += _text_bound(value)
        elif isinstance(value, dict):
            for name, item in value.items():
                total += _text_bound(name) + 4
                if isinstance(item, str):
                    total += _text_bound(item)
                elif isinstance(item, list):
                    for one in item:
                        total += _text_bound(one) + 2 if isinstance(one, str) else 32
                else:
                    total += 32
        elif isinstance(value, list):
            for one in value:
                total += _text_bound(one) + 2 if isinstance(one, str) else 32
        else:
            total += 32
    return total


def _text_bound(text: str) -> int:
    # PERF: str.isascii() is O(1) in CPython (the string knows its kind).
    return 6 * len(text) + 2 if text.isascii() else 12 * len(text) + 2


class ResponseWriter:
    """Turns a handler's result into the integration's response dict: the route's settings (CORS, cache control,
    compression and its ``Vary``), the serialization (errors name the route), the body encoding, the integration's
    layout and quirks, and the size guard. One per app, holding its choices; ``ResponseBuilder`` makes its own.

    ``headers`` is the headers twin of the same implementation; ``cors`` the app's ``CORSConfig`` (or the default
    one); ``size_limit`` overrides the integration's; ``size_guard`` is what an oversize response becomes:
    ``"answer"`` (gzip if it fits, else a 500), ``"raise"`` (``ResponseSizeExceededError`` through the exception
    handlers, Powertools' ALB validation) or ``"off"`` (sent as is).
    """

    __slots__ = (
        "serializer",
        "cors",
        "headers",
        "size_limit",
        "size_guard",
        "_integration",
        "_single_layout",
        "_multi_layout",
        "_status_description",
        "_response_limit",
    )

    def __init__(
        self, serializer: Callable[[Any], str], cors: Any, headers: ModuleType, size_limit: Optional[int] = None
    ) -> None:
        self.serializer = serializer
        self.cors = cors
        self.headers = headers
        self.size_limit = size_limit
        self.size_guard = "answer"
        # PERF: the integration of the last response and the facts the writer reads of it, learnt where a response
        # starts (write_result, respond); the compiled twin keeps them in C fields instead of four attribute lookups
        # per response.
        self._integration: Any = None
        self._single_layout = self._multi_layout = -1  # _multi_layout -1: none
        self._status_description = False
        self._response_limit = 0

    def _learn(self, integration: Any) -> None:
        if integration is not self._integration:
            multi = integration.multi_value_layout
            self._single_layout = integration.layout
            self._multi_layout = -1 if multi is None else multi
            self._status_description = integration.status_description
            self._response_limit = integration.response_limit
            self._integration = integration

    def write(self, view: Any, response: Any, route: Any, integration: Any) -> Dict[str, Any]:
        """The response dict for a ``Response``, finished with the route's settings."""
        status = response.status_code
        if type(status) is not int or not 100 <= status <= 599:
            status = status_code(status, "Response.status_code")
        body = response.body
        if body is None and not integration.null_body:
            body = ""  # ALB turns a null body into a 502; COMPAT: blanked before serializing, as Powertools
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
        response.base64_encoded = result["isBase64Encoded"]
        return result

    def write_result(self, view: Any, result: Any, status: int, route: Any, integration: Any) -> Dict[str, Any]:
        """``write`` for a plain JSON result (what ``Response(status, "application/json", result)`` would be), without
        building the ``Response``. PERF: the common case of a handler returning a dict or a list."""
        self._learn(integration)
        body = self._serialize(result, route)
        if route.plain:
            # PERF: no CORS, cache control or compression to add: the layout's fields of the one JSON header.
            response: Dict[str, Any] = {"statusCode": status}
            self.headers.add_json_fields(response, self._layout(view))
            self._complete(response, status, body, False)
            if 12 * len(body) + PLAIN_FIELDS_BOUND < (self.size_limit or self._response_limit):
                return response  # PERF: under the limit whatever its text (see size_bound): not measured
            return self._guard(view, body, {"Content-Type": JSON}, [], route, integration, response)
        return self._finish(view, status, {"Content-Type": JSON}, None, body, None, route, integration)

    def respond(
        self,
        view: Any,
        status: int,
        headers: Dict[str, Any],
        cookies: List[str],
        body: Optional[str],
        is_base64: bool,
        integration: Any,
    ) -> Dict[str, Any]:
        """The response dict in the integration's layout (``multi_value_layout`` when the request has
        ``multiValueHeaders``: ALB), with a ``statusDescription`` where the integration has one."""
        self._learn(integration)
        result: Dict[str, Any] = {"statusCode": status}
        result.update(self.headers.serialize(headers, cookies, self._layout(view)))
        return self._complete(result, status, body, is_base64)

    def _complete(self, result: Dict[str, Any], status: int, body: Optional[str], is_base64: bool) -> Dict[str, Any]:
        """The fields after the headers: ``statusDescription`` where the integration has one, body, base64 flag."""
        if self._status_description:
            line = _STATUS_LINES.get(status)
            result["statusDescription"] = status_line(status) if line is None else line
        result["body"] = body
        result["isBase64Encoded"] = is_base64
        return result

    def _layout(self, view: Any) -> int:
        """The integration's header layout for this request (``multi_value_layout`` when the event has
        ``multiValueHeaders``: an ALB target group with multi-value headers on)."""
        if self._multi_layout >= 0 and view._data.get("multiValueHeaders") is not None:
            return self._multi_layout
        return self._single_layout

    def _guard(
        self,
        view: Any,
        body: Any,
        headers: Dict[str, Any],
        cookies: List[str],
        route: Any,
        integration: Any,
        result: Dict[str, Any],
    ) -> Dict[str, Any]:
        """``result``, unless it may be over the integration's limit (``fit`` measures it and decides)."""
        limit = self.size_limit or self._response_limit
        if size_bound(result) > limit and self.size_guard != "off":
            return fit(self, accepts_gzip, encode_body, view, body, headers, cookies, route, integration, result)
        return result

    def _serialize(self, value: Any, route: Any) -> str:
        try:
            return self.serializer(value)
        except Exception as exc:
            from .exceptions import ResponseSerializationError  # PERF: made on first use (see apigw.exceptions)

            raise ResponseSerializationError(route.method, route.rule, route.handler_name, exc, value) from exc

    def _finish(
        self,
        view: Any,
        status: int,
        headers: Dict[str, Any],
        cookies: Optional[List[Any]],
        body: Any,
        compress: Optional[bool],
        route: Any,
        integration: Any,
    ) -> Dict[str, Any]:
        cors_headers_only = None
        if route.cors:
            origin = view.get_header_value("origin") or None  # an empty Origin is no Origin
            cors_headers = self.cors.headers_for(origin)
            if cors_headers:
                if origin is None and integration.cors_without_origin_in_headers_only:
                    cors_headers_only = cors_headers
                else:
                    add_headers(headers, cors_headers)
        if route.cache_control:
            headers["Cache-Control"] = route.cache_control if status == 200 else "no-cache"
        if compress is None:
            compress = route.compress
        if compress:
            # The body depends on Accept-Encoding: shared caches must key on it, whichever way this one goes.
            add_headers(headers, VARY_ACCEPT_ENCODING)
            compress = accepts_gzip(accept_encoding(view))
        text, is_base64, gzipped = encode_body(body, compress)
        if gzipped:
            headers["Content-Encoding"] = "gzip"
        set_cookies = [str(cookie) for cookie in cookies] if cookies else []
        result = self.respond(view, status, headers, set_cookies, text, is_base64, integration)
        if cors_headers_only:
            add_headers(result["headers"], cors_headers_only)
        return self._guard(view, body, headers, set_cookies, route, integration, result)

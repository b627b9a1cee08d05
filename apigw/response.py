"""What a route can return for full control (``Response``), and the CORS policy (``CORSConfig``)."""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Sequence, Union

from . import content_types

HeaderValue = Union[str, List[str]]


class Response:
    """A response with an explicit status, content type, body, headers and cookies.

    ``body`` may be ``str``, ``bytes`` (sent base64-encoded), ``None``, or, when the content type is JSON, any
    object the resolver's serializer accepts. Header values are a string or a list of strings. ``Content-Type`` in
    ``headers`` wins over ``content_type``. ``compress`` overrides the route's ``compress`` setting (gzip is still
    only used when the client accepts it).

    >>> Response(418, content_types.TEXT_PLAIN, "I'm a teapot", {"X-Custom": "X-Value"}).headers
    {'X-Custom': 'X-Value', 'Content-Type': 'text/plain'}
    """

    def __init__(
        self,
        status_code: int,
        content_type: Optional[str] = None,
        body: Any = None,
        headers: Optional[Mapping[str, HeaderValue]] = None,
        cookies: Optional[Sequence[Any]] = None,
        compress: Optional[bool] = None,
    ) -> None:
        self.status_code = status_code
        self.body = body
        self.base64_encoded = False
        self.headers: Dict[str, HeaderValue] = dict(headers) if headers else {}
        self.cookies: List[Any] = list(cookies) if cookies else []
        self.compress = compress
        self.content_type = content_type
        if content_type:
            self.headers.setdefault("Content-Type", content_type)

    def is_json(self) -> bool:
        """True when the ``Content-Type`` is ``application/json`` (so a non-string body gets serialized)."""
        content_type = self.headers.get("Content-Type", "")
        if isinstance(content_type, list):
            content_type = content_type[0] if content_type else ""
        return content_type.startswith(content_types.APPLICATION_JSON)

    def __repr__(self) -> str:
        return f"Response(status_code={self.status_code!r}, headers={self.headers!r}, body={self.body!r})"


class CORSConfig:
    """Cross-origin resource sharing for the routes of a resolver.

    Defaults follow the seed documentation: ``allow_origin="*"`` (use a real origin in production), the allowed
    headers ``Authorization, Content-Type, X-Amz-Date, X-Api-Key, X-Amz-Security-Token`` plus ``allow_headers``,
    no exposed headers, no ``Max-Age``, no credentials.

    Which ``Access-Control-Allow-Origin`` a response gets:

    - the request has no ``Origin`` header: ``allow_origin`` (so the headers are always there, as documented);
    - the request's ``Origin`` is ``allow_origin`` or one of ``extra_origins``: that origin, echoed;
    - otherwise, if ``"*"`` is allowed: ``*``; if not, no CORS headers at all (the browser will refuse).

    Whenever the value is not ``*`` the response also gets ``Vary: Origin`` (its headers depend on the request's
    origin, so shared caches must key on it). ``Access-Control-Allow-Credentials: true`` is only ever sent with a
    specific origin: browsers reject credentials combined with ``*``.
    """

    REQUIRED_HEADERS = ("Authorization", "Content-Type", "X-Amz-Date", "X-Api-Key", "X-Amz-Security-Token")

    def __init__(
        self,
        allow_origin: str = "*",
        extra_origins: Optional[Sequence[str]] = None,
        allow_headers: Optional[Sequence[str]] = None,
        expose_headers: Optional[Sequence[str]] = None,
        max_age: Optional[int] = None,
        allow_credentials: bool = False,
    ) -> None:
        self.allow_origin = allow_origin
        self.extra_origins = list(extra_origins or ())
        self.allow_headers = set(self.REQUIRED_HEADERS) | set(allow_headers or ())
        self.expose_headers = list(expose_headers or ())
        self.max_age = max_age
        self.allow_credentials = allow_credentials
        self._allowed_origins = frozenset([allow_origin, *self.extra_origins])
        # PERF: everything but the origin is the same for every response; built once.
        fixed = {"Access-Control-Allow-Headers": ",".join(sorted(self.allow_headers))}
        if self.expose_headers:
            fixed["Access-Control-Expose-Headers"] = ",".join(self.expose_headers)
        if max_age is not None:
            fixed["Access-Control-Max-Age"] = str(max_age)
        self._fixed = fixed
        self._default_headers = self._with_origin(allow_origin)
        self._wildcard_headers = self._with_origin("*") if "*" in self._allowed_origins else None

    def _with_origin(self, origin: str) -> Dict[str, str]:
        headers = {"Access-Control-Allow-Origin": origin, **self._fixed}
        if origin != "*":
            headers["Vary"] = "Origin"
            if self.allow_credentials:
                headers["Access-Control-Allow-Credentials"] = "true"
        return headers

    def headers_for(self, request_origin: Optional[str]) -> Optional[Dict[str, str]]:
        """The CORS response headers for a request from ``request_origin`` (``None`` when it has no ``Origin``),
        or ``None`` when that origin is not allowed. The returned dict is shared: copy it before changing it."""
        if not request_origin:
            return self._default_headers
        if request_origin == self.allow_origin:
            return self._default_headers
        if request_origin in self._allowed_origins and request_origin != "*":
            return self._with_origin(request_origin)
        return self._wildcard_headers

    def to_dict(self, origin: Optional[str] = None) -> Dict[str, str]:
        """The CORS headers as a new dict (for ``origin``, or for a request without ``Origin``)."""
        return dict(self.headers_for(origin) or {})

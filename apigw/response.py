"""What a route can return for full control (``Response``; its cookies are ``apigw.cookies.Cookie``), and the CORS
policy (``CORSConfig``)."""

from __future__ import annotations

from ._shared import JSON

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, Generic, List, Mapping, Optional, Sequence, TypeVar, Union

    HeaderValue = Union[str, List[str]]
    _BodyT = TypeVar("_BodyT")
else:
    from ._shared import Generic  # COMPAT: Response[Todo] as in Powertools, without typing at run time

    _BodyT = None


class Response(Generic[_BodyT]):
    """A response with an explicit status, content type, body, headers and cookies.

    ``body`` may be ``str``, ``bytes`` (sent base64-encoded), ``None``, or, when the content type is JSON, any
    object the resolver's serializer accepts. Header values are a string or a list of strings. ``Content-Type`` in
    ``headers`` wins over ``content_type``. ``compress`` overrides the route's ``compress`` setting (gzip is still
    only used when the client accepts it).

    >>> Response(418, "text/plain", "I'm a teapot", {"X-Custom": "X-Value"}).headers
    {'X-Custom': 'X-Value', 'Content-Type': 'text/plain'}

    ``Response[Model]`` is the type of a response whose body is a ``Model`` (a return annotation that response
    validation reads); at run time it is ``Response`` itself.
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
        return content_type.startswith(JSON)

    def __repr__(self) -> str:
        return f"Response(status_code={self.status_code!r}, headers={self.headers!r}, body={self.body!r})"


class CORSConfig:
    """Cross-origin resource sharing for the routes of a resolver.

    Defaults follow the seed documentation: ``allow_origin="*"`` (use a real origin in production), the allowed
    headers ``Authorization, Content-Type, X-Amz-Date, X-Api-Key, X-Amz-Security-Token`` plus ``allow_headers``,
    no exposed headers, no ``Max-Age``, no credentials.

    Which ``Access-Control-Allow-Origin`` a response gets:

    - the request has no ``Origin`` header: ``allow_origin`` (so the headers are always there, as documented);
    - the request's ``Origin`` is ``allow_origin``, one of ``extra_origins``, or any origin when ``"*"`` is
      allowed: that origin, echoed;
    - otherwise no CORS headers at all (the browser will refuse).

    Whenever the value is not ``*`` the response also gets ``Vary: Origin`` (its headers depend on the request's
    origin, so shared caches must key on it). ``Access-Control-Allow-Credentials: true`` is only sent for an origin
    named in the configuration, never for one allowed through ``"*"``: that would hand credentials to any site.
    """

    REQUIRED_HEADERS = ("Authorization", "Content-Type", "X-Amz-Date", "X-Api-Key", "X-Amz-Security-Token")
    _REQUIRED_HEADERS = list(REQUIRED_HEADERS)  # COMPAT: the name Powertools' own tests build expectations from

    def __init__(
        self,
        allow_origin: str = "*",
        extra_origins: Optional[Sequence[str]] = None,
        allow_headers: Optional[Sequence[str]] = None,
        expose_headers: Optional[Sequence[str]] = None,
        max_age: Optional[int] = None,
        allow_credentials: bool = False,
    ) -> None:
        if not isinstance(allow_origin, str):
            raise TypeError(
                f"CORSConfig: allow_origin must be one origin (a str such as 'https://app.example.com'), not "
                f"{allow_origin!r}; list further origins in extra_origins=[...]"
            )
        if max_age is not None and (not isinstance(max_age, int) or isinstance(max_age, bool)):
            raise TypeError(f"CORSConfig: max_age must be a number of seconds (an int), not {max_age!r}")
        if not isinstance(allow_credentials, bool):
            raise TypeError(f"CORSConfig: allow_credentials must be True or False, not {allow_credentials!r}")
        self.allow_origin = allow_origin
        self.extra_origins = _names("extra_origins", extra_origins)
        self.allow_headers = set(self.REQUIRED_HEADERS) | set(_names("allow_headers", allow_headers))
        self.expose_headers = _names("expose_headers", expose_headers)
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
        self._default_headers = self._with_origin(allow_origin, allow_origin != "*")
        self._wildcard = "*" in self._allowed_origins

    def _with_origin(self, origin: str, named: bool) -> Dict[str, str]:
        headers = {"Access-Control-Allow-Origin": origin, **self._fixed}
        if origin != "*":
            headers["Vary"] = "Origin"
            if named and self.allow_credentials:
                headers["Access-Control-Allow-Credentials"] = "true"
        return headers

    def headers_for(self, request_origin: Optional[str]) -> Optional[Dict[str, str]]:
        """The CORS response headers for a request from ``request_origin`` (``None`` when it has no ``Origin``),
        or ``None`` when that origin is not allowed. The returned dict may be shared: copy it before changing it."""
        if not request_origin or request_origin == self.allow_origin:
            return self._default_headers
        if request_origin in self._allowed_origins:
            return self._with_origin(request_origin, True)
        if self._wildcard:
            return self._with_origin(request_origin, False)
        return None

    def to_dict(self, origin: Optional[str] = None) -> Dict[str, str]:
        """The CORS headers as a new dict (for ``origin``, or for a request without ``Origin``)."""
        return dict(self.headers_for(origin) or {})


def _names(option: str, value: Optional[Sequence[str]]) -> List[str]:
    """A list option of CORSConfig: a single str is one item (not its characters); every item must be a str."""
    if value is None:
        return []
    items = [value] if isinstance(value, str) else list(value)
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"CORSConfig: {option} must be a list of str, and {item!r} is not one")
    return items


if TYPE_CHECKING:
    from .cookies import Cookie as Cookie
    from .cookies import SameSite as SameSite
else:

    def __getattr__(name: str) -> Any:
        # PERF: the cookie classes load with the first cookie (see apigw.cookies).
        if name in ("Cookie", "SameSite"):
            from . import cookies

            return getattr(cookies, name)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

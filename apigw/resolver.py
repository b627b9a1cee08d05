"""The resolver: register routes with decorators, then ``resolve(event, context)`` one Lambda event.

One request flows down once: event view -> matcher -> handler (inside the middlewares) -> encoder -> the
integration's response layout::

    app = APIGatewayRestResolver()

    @app.get("/orders/<order_id>")
    def get_order(order_id):
        return {"id": order_id}

    def lambda_handler(event, context):
        return app.resolve(event, context)

Errors: a ``ServiceError`` raised by a handler becomes ``{"statusCode": N, "message": "..."}`` with that status; a
handler registered with ``exception_handler`` answers for its exception type (the most specific class wins); any
other exception propagates to Lambda (so the integration answers 502/500 and the error is logged), unless debug
mode is on, which answers 500 with the traceback as text. Errors raised while the result is turned into a response
(a result JSON cannot encode, a header carrying a line break) take the same path. An event of another integration
raises ``InvalidEventError`` naming the resolver to use.

Request state (``current_event``, ``lambda_context``, ``context``, ``request``) belongs to the request being
resolved in the current thread or asyncio task (context variables), never to the app alone: one app may resolve
several requests at once.
"""

from __future__ import annotations

import os
import re
import sys
import warnings
from enum import Enum

from . import _impl, _shared, integrations
from ._impl import ContextVar
from ._shared import JSON
from ._shared import status_code as _status
from .events import BaseProxyEvent

TYPE_CHECKING = False
if TYPE_CHECKING:
    from types import ModuleType
    from typing import (
        Any,
        Callable,
        Coroutine,
        Dict,
        Generic,
        List,
        Mapping,
        Optional,
        Pattern,
        Protocol,
        Sequence,
        Set,
        Tuple,
        Type,
        TypeVar,
        Union,
        overload,
    )

    from ._alb import ALBResolver as ALBResolver
    from ._http_api import APIGatewayHttpResolver as APIGatewayHttpResolver
    from ._http_api import LambdaFunctionUrlResolver as LambdaFunctionUrlResolver
    from ._rest_api import APIGatewayRestResolver as APIGatewayRestResolver
    from ._vpc_lattice import VPCLatticeResolver as VPCLatticeResolver
    from ._vpc_lattice import VPCLatticeV2Resolver as VPCLatticeV2Resolver
    from .any_integration import ResponseBuilder as ResponseBuilder
    from .exceptions import InvalidEventError, NotFoundError
    from .integrations import Integration
    from .openapi.models import OpenAPI
    from .request import Request
    from .router import Router

    Handler = Callable[..., Any]
    AnyCallable = TypeVar("AnyCallable", bound=Callable[..., Any])
    ExceptionT = TypeVar("ExceptionT", bound=BaseException)
    NotFoundHandler = TypeVar("NotFoundHandler", bound=Callable[[NotFoundError], Any])
    HeaderValue = Union[str, List[str]]
    _BodyT = TypeVar("_BodyT")

    class _MethodDecorator(Protocol):
        """What type checkers see of ``get``, ``post``, ``put``, ``delete``, ``patch`` and ``head``: every keyword of
        ``route`` but ``method``, in Powertools' order, so a misspelled keyword is a type error."""

        def __call__(
            self,
            rule: str,
            cors: Optional[bool] = None,
            compress: bool = False,
            cache_control: Optional[str] = None,
            summary: Optional[str] = None,
            description: Optional[str] = None,
            responses: Optional[Dict[int, Any]] = None,
            response_description: str = "Successful Response",
            tags: Optional[List[str]] = None,
            operation_id: Optional[str] = None,
            include_in_schema: bool = True,
            security: Optional[List[Dict[str, List[str]]]] = None,
            openapi_extensions: Optional[Dict[str, Any]] = None,
            deprecated: bool = False,
            enable_validation: Optional[bool] = None,
            custom_response_validation_http_code: Optional[int] = None,
            status_code: int = 200,
            middlewares: Optional[Sequence[Callable[..., Any]]] = None,
        ) -> Callable[[AnyCallable], AnyCallable]: ...

else:
    from ._shared import Generic  # COMPAT: Response[Todo] as in Powertools, without typing at run time

    _BodyT = None


_TRUTHY = ("1", "true", "t", "yes", "y", "on")
_DEFAULT_RESPONSE_DESCRIPTION = "Successful Response"
_OPENAPI_TITLE = "Powertools for AWS Lambda (Python) API"  # COMPAT: Powertools' default document title

# The app resolving in this thread or task: lets a Router included in several apps follow the one at work.
_ACTIVE_APP: ContextVar[Optional[ApiGatewayResolver]] = ContextVar("apigw_active_app", default=None)

# Index of the fields of one request's state (a list: the cheapest per-request object to build). The route, its
# parameters and the path are filled once matched; IN_FLIGHT is True until the request's response is written.
# ``_REQUEST`` is appended only when someone asks for ``app.request``.
_EVENT, _LAMBDA_CONTEXT, _ROUTE, _PARAMS, _PATH, _IN_FLIGHT, _REQUEST = 0, 1, 2, 3, 4, 5, 6


_PROXY_EVENT_TYPES = (
    "APIGatewayProxyEvent",
    "APIGatewayProxyEventV2",
    "ALBEvent",
    "LambdaFunctionUrlEvent",
    "VPCLatticeEvent",
    "VPCLatticeEventV2",
)
_PROXY_EVENT_TYPE_DOC = (
    "Which integration's event format an ``ApiGatewayResolver`` reads and writes (the view class's name)."
)

if TYPE_CHECKING:

    class ProxyEventType(Enum):
        __doc__ = _PROXY_EVENT_TYPE_DOC
        APIGatewayProxyEvent = "APIGatewayProxyEvent"
        APIGatewayProxyEventV2 = "APIGatewayProxyEventV2"
        ALBEvent = "ALBEvent"
        LambdaFunctionUrlEvent = "LambdaFunctionUrlEvent"
        VPCLatticeEvent = "VPCLatticeEvent"
        VPCLatticeEventV2 = "VPCLatticeEventV2"

else:

    def __getattr__(name: str) -> Any:
        # PERF: an Enum class costs a cold start a few hundred microseconds; ProxyEventType is made on first use
        # (most apps name their resolver instead).
        if name == "ProxyEventType":
            cls = Enum(name, [(member, member) for member in _PROXY_EVENT_TYPES], module=__name__)
            cls.__doc__ = _PROXY_EVENT_TYPE_DOC
            globals()[name] = cls
            return cls
        return _shared.load_lazily(globals(), _LAZY_NAMES, name, __name__)


# PERF: making a class costs a cold start 6-20 µs (the more bases, the more). The resolvers named after their
# integration live in its module, with its event view, and load with it: an app makes its own integration's only.
# ResponseBuilder (an app never needs one) is in apigw.any_integration.
_LAZY_NAMES = {
    "ResponseBuilder": "any_integration",
    "APIGatewayRestResolver": "_rest_api",
    "APIGatewayHttpResolver": "_http_api",
    "LambdaFunctionUrlResolver": "_http_api",
    "ALBResolver": "_alb",
    "VPCLatticeResolver": "_vpc_lattice",
    "VPCLatticeV2Resolver": "_vpc_lattice",
}


def __dir__() -> List[str]:
    return sorted({*globals(), "ProxyEventType", *_LAZY_NAMES})


_BY_PROXY_TYPE: Dict[str, Integration] = {
    integration.view_name: integration
    for integration in (
        integrations.REST_API,
        integrations.HTTP_API,
        integrations.ALB,
        integrations.FUNCTION_URL,
        integrations.VPC_LATTICE,
        integrations.VPC_LATTICE_V2,
    )
}


# -- what a handler returns, and the CORS policy (public in apigw.response) --------------------------------------
# PERF: defined here, where every app needs them, rather than in a module of their own: a cold start pays ~50 µs for
# each module it imports. Powertools keeps them with its resolvers too.


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


class Route:
    """One registered (method, rule) and how its responses are finished."""

    __slots__ = (
        "method",
        "rule",
        "func",
        "cors",
        "compress",
        "cache_control",
        "middlewares",
        "status_code",
        "openapi",
        "invoke",
        "chain",
        "async_chain",
        "plain",
        "_openapi_path",
    )

    def __init__(
        self,
        method: str,
        rule: str,
        func: Handler,
        cors: bool,
        compress: bool,
        cache_control: Optional[str],
        middlewares: Sequence[Callable[..., Any]] = (),
        status_code: int = 200,
        openapi: Optional[Dict[str, Any]] = None,
    ) -> None:
        self.method = method
        self.rule = rule
        self.func = func
        self.cors = cors
        self.compress = compress
        self.cache_control = cache_control
        self.middlewares = tuple(middlewares)
        self.status_code = status_code
        #: route keywords that only document the route (summary, tags, ...), for the OpenAPI schema
        self.openapi = openapi or {}
        #: ``invoke(app, params) -> result`` when the handler needs more than its path parameters (injected
        #: ``Request``, ``Depends``, validation); ``None`` calls ``func(**params)``
        self.invoke: Optional[Callable[[Any, Dict[str, str]], Any]] = None
        #: no CORS, cache control or compression to add to its responses (PERF: the writer's shortest path)
        self.plain = not (cors or compress or cache_control)
        self.chain: Optional[Callable[[Any], Any]] = None  # built on first use, see ApiGatewayResolver._chain
        self.async_chain: Optional[Callable[[Any], Any]] = None  # the same for resolve_async (apigw._async)
        self._openapi_path: Optional[str] = None

    @property
    def openapi_path(self) -> str:
        """The rule as an OpenAPI path template (``/orders/{order_id}``), as ``app.request.route`` and the OpenAPI
        document show it. PERF: worked out on first use, then kept (two regex substitutions otherwise)."""
        path = self._openapi_path
        if path is None:
            from .request import openapi_path

            path = self._openapi_path = openapi_path(self.rule)
        return path

    @property
    def handler_name(self) -> str:
        """``module.function`` of the handler, for messages."""
        return _callable_name(self.func)

    def __repr__(self) -> str:
        return f"Route({self.method} {self.rule!r} -> {self.handler_name})"


# Route keywords of Powertools v3 that only document an OpenAPI schema.
_OPENAPI_DEFAULTS: Dict[str, Any] = {
    "summary": None,
    "description": None,
    "responses": None,
    "response_description": _DEFAULT_RESPONSE_DESCRIPTION,
    "tags": None,
    "operation_id": None,
    "include_in_schema": True,
    "security": None,
    "openapi_extensions": None,
    "deprecated": False,
    "enable_validation": None,
    "custom_response_validation_http_code": None,
}
_OPENAPI_DEFAULT_VALUES = tuple(_OPENAPI_DEFAULTS.values())  # in route()'s order of the keywords


def _method_route(method: str) -> Callable[..., Any]:
    """``BaseRouter.get`` and its siblings: ``route`` for one method (type checkers read ``_MethodDecorator``)."""

    methods = (method,)

    def method_route(self: BaseRouter, rule: str, cors: Optional[bool] = None, *args: Any, **kwargs: Any) -> Any:
        if args or kwargs or type(self).route is not _BASE_ROUTE:
            return self.route(rule, method, cors, *args, **kwargs)
        # PERF: the usual @app.get(rule): route()'s defaults, without binding its nineteen parameters
        return _registrar(self, methods, rule, cors, False, None, (), 200, {})

    method_route.__name__ = method.lower()
    method_route.__qualname__ = f"BaseRouter.{method_route.__name__}"
    method_route.__doc__ = f"Register the decorated function for ``{method} rule`` (see ``route``)."
    return method_route


class BaseRouter:
    """Route decorators, middlewares, exception handlers and request context, shared by resolvers and ``Router``."""

    _exception_handlers: Dict[type, Callable[[Any], Any]]
    _middlewares: List[Callable[..., Any]]

    def route(
        self,
        rule: str,
        method: Union[str, Sequence[str]],
        cors: Optional[bool] = None,
        compress: bool = False,
        cache_control: Optional[str] = None,
        summary: Optional[str] = None,
        description: Optional[str] = None,
        responses: Optional[Dict[int, Any]] = None,
        response_description: str = _DEFAULT_RESPONSE_DESCRIPTION,
        tags: Optional[List[str]] = None,
        operation_id: Optional[str] = None,
        include_in_schema: bool = True,
        security: Optional[List[Dict[str, List[str]]]] = None,
        openapi_extensions: Optional[Dict[str, Any]] = None,
        deprecated: bool = False,
        enable_validation: Optional[bool] = None,
        custom_response_validation_http_code: Optional[int] = None,
        status_code: int = 200,
        middlewares: Optional[Sequence[Callable[..., Any]]] = None,
    ) -> Callable[[AnyCallable], AnyCallable]:
        """Register the decorated function for ``rule`` and one method or a list of methods.

        ``rule`` is a path with optional ``<name>`` placeholders (each matches one path segment and is passed to
        the function as a keyword argument; API Gateway's ``{name}`` is accepted too, and ``{name+}`` matches the
        rest of the path), or a regular expression that must match the whole path. ``cors=None`` follows the
        resolver's CORS configuration; ``compress=True`` gzips responses for clients that accept gzip;
        ``cache_control`` is sent as ``Cache-Control`` on 200 responses (others get ``no-cache``); ``middlewares``
        run around this route after the app's own; ``status_code`` is the status of results that are not a
        ``Response`` or a ``(body, status)`` tuple. The other keywords document the route in the OpenAPI schema
        (``summary``, ``tags``, ...) and choose its validation, as in Powertools.

        A handler that cannot take the rule's placeholders as keyword arguments is refused here, with a
        ``TypeError`` naming both.
        """
        if type(method) is str and method:  # PERF: the usual call, checked without a generator
            methods: Tuple[str, ...] = (method,)
        else:
            methods = (method,) if isinstance(method, str) else tuple(method)
            if not methods or not all(isinstance(one, str) and one for one in methods):
                raise TypeError(f"route {rule!r}: method must be an HTTP method name or a list of them, not {method!r}")
        if type(status_code) is not int or not 100 <= status_code <= 599:  # PERF: the message only when needed
            status_code = _status(status_code, f"route {rule!r}")
        documented = (
            summary,
            description,
            responses,
            response_description,
            tags,
            operation_id,
            include_in_schema,
            security,
            openapi_extensions,
            deprecated,
            enable_validation,
            custom_response_validation_http_code,
        )
        openapi = (
            {}  # PERF: the usual route documents nothing; one tuple comparison says so
            if documented == _OPENAPI_DEFAULT_VALUES
            else {key: value for key, value in zip(_OPENAPI_DEFAULTS, documented) if value != _OPENAPI_DEFAULTS[key]}
        )
        return _registrar(
            self, methods, rule, cors, compress, cache_control, tuple(middlewares or ()), status_code, openapi
        )

    def _add_route(
        self,
        method: str,
        rule: str,
        func: Handler,
        cors: Optional[bool],
        compress: bool,
        cache_control: Optional[str],
        middlewares: Tuple[Callable[..., Any], ...],
        status_code: int,
        openapi: Dict[str, Any],
    ) -> None:
        """Register one (method, rule): an app makes it a ``Route``; a ``Router`` keeps the arguments until an app
        includes it (``include_router``)."""
        raise NotImplementedError

    # The method decorators: route() for one method. COMPAT: they take route's keywords in Powertools' order (the
    # first ones positionally too); type checkers see them all (_MethodDecorator), while at run time they are passed
    # on to route(), which checks every one.
    if TYPE_CHECKING:
        get: _MethodDecorator
        post: _MethodDecorator
        put: _MethodDecorator
        delete: _MethodDecorator
        patch: _MethodDecorator
        head: _MethodDecorator
    else:
        get, post, put = _method_route("GET"), _method_route("POST"), _method_route("PUT")
        delete, patch, head = _method_route("DELETE"), _method_route("PATCH"), _method_route("HEAD")

    def use(self, middlewares: Sequence[Callable[..., Any]]) -> None:
        """Add middlewares that run around every route (see ``apigw.middlewares``)."""
        if callable(middlewares):
            raise TypeError("use() takes a list of middlewares: use(middlewares=[my_middleware])")
        for middleware in middlewares:
            if not callable(middleware):
                raise TypeError(
                    f"a middleware must be callable as middleware(app, next_middleware), not {middleware!r}"
                )
        self._middlewares.extend(middlewares)
        self._middlewares_changed()

    def _middlewares_changed(self) -> None:
        pass

    def exception_handler(
        self, exc_class: Union[Type[ExceptionT], Sequence[Type[ExceptionT]]]
    ) -> Callable[[Callable[[ExceptionT], Any]], Callable[[ExceptionT], Any]]:
        """Register the decorated function to answer exceptions of ``exc_class`` (a class or a list of classes).

        It receives the exception and returns anything a route may return. The handler of the most specific class
        in the exception's MRO wins.
        """
        classes: Sequence[type] = [exc_class] if isinstance(exc_class, type) else list(exc_class)
        for one_class in classes:
            if not (isinstance(one_class, type) and issubclass(one_class, BaseException)):
                raise TypeError(f"exception_handler() takes exception classes, not {one_class!r}")

        def register(func: Callable[[ExceptionT], Any]) -> Callable[[ExceptionT], Any]:
            for one_class in classes:
                self._exception_handlers[one_class] = func
            return func

        return register

    if TYPE_CHECKING:

        @overload
        def not_found(self, func: None = None) -> Callable[[NotFoundHandler], NotFoundHandler]: ...
        @overload
        def not_found(self, func: NotFoundHandler) -> NotFoundHandler: ...

    def not_found(self, func: Any = None) -> Any:
        """Register the decorated function to answer requests no route matches (it receives a ``NotFoundError``)."""
        from .exceptions import NotFoundError

        if func is None:
            return self.exception_handler(NotFoundError)
        return self.exception_handler(NotFoundError)(func)

    # -- request context (per request: see ApiGatewayResolver) ------------------------------------------------------

    @property
    def context(self) -> Dict[str, Any]:
        """Data shared by middlewares and handlers during one request; emptied after each request."""
        raise NotImplementedError

    def append_context(self, **additional_context: Any) -> None:
        """Add key/value pairs to ``context``."""
        self.context.update(additional_context)

    def clear_context(self) -> None:
        """Empty ``context``."""
        self.context.clear()


_BASE_ROUTE = BaseRouter.route


def _registrar(
    router: BaseRouter,
    methods: Tuple[str, ...],
    rule: str,
    cors: Optional[bool],
    compress: bool,
    cache_control: Optional[str],
    middlewares: Tuple[Callable[..., Any], ...],
    status_code: int,
    openapi: Dict[str, Any],
) -> Callable[[AnyCallable], AnyCallable]:
    """The decorator ``route()`` returns: registers the decorated function for each method."""
    if not isinstance(rule, str):
        raise TypeError(f"a route rule must be a str such as '/orders/<order_id>', not {type(rule).__name__}")

    def register(func: AnyCallable) -> AnyCallable:
        if not callable(func):
            raise TypeError(f"@route({rule!r}) decorates a function, not {type(func).__name__}")
        for method in methods:
            router._add_route(
                method.upper(), rule, func, cors, compress, cache_control, middlewares, status_code, openapi
            )
        return func

    return register


class ApiGatewayResolver(BaseRouter):
    """Routes API Gateway REST (v1), HTTP API (v2), ALB, Function URL and VPC Lattice events to decorated functions.

    ``proxy_type`` selects the event format (REST v1 by default); ``cors`` enables CORS for every route (a route
    can opt out with ``cors=False``) and answers pre-flight ``OPTIONS`` requests; ``debug`` (or the environment
    variable ``POWERTOOLS_EVENT_HANDLER_DEBUG`` / ``POWERTOOLS_DEV`` set to true) prints each event and response
    and answers unhandled exceptions with a 500 carrying the traceback; ``serializer`` turns non-string JSON bodies
    into text (default: compact JSON with ``Decimal`` as string); ``strip_prefixes`` lists path prefixes (strings,
    or compiled patterns removed with ``re.sub``) to drop before routing, e.g. a custom-domain API mapping;
    ``json_body_deserializer`` parses ``current_event.json_body`` (default ``json.loads``).

    ``response_size_limit`` overrides the integration's response limit (bytes of response JSON: 6 MB for Lambda,
    1 MB behind an ALB). A larger response never leaves ``resolve``: it is sent gzipped when the client accepts
    gzip and that fits, otherwise it becomes a 500 naming the route and both sizes (and a log line).

    HTTP-correct answers, off by default (Powertools answers 404 to both): ``method_not_allowed=True`` answers
    ``405 Method Not Allowed`` with an ``Allow`` header when the path exists under other methods; ``auto_head=True``
    answers ``HEAD`` for every ``GET`` route (the GET handler runs; its headers are kept, its body dropped).
    """

    _integration: Integration = integrations.REST_API
    _ignore_trailing_slash = False

    def __init__(
        self,
        proxy_type: Optional[Union[ProxyEventType, str]] = None,
        cors: Optional[CORSConfig] = None,
        debug: Optional[bool] = None,
        serializer: Optional[Callable[[Any], str]] = None,
        strip_prefixes: Optional[List[Union[str, Pattern[str]]]] = None,
        enable_validation: bool = False,
        response_validation_error_http_code: Optional[int] = None,
        json_body_deserializer: Optional[Callable[[str], Any]] = None,
        *,
        response_size_limit: Optional[int] = None,
        method_not_allowed: bool = False,
        auto_head: bool = False,
    ) -> None:
        if proxy_type is not None:
            value = proxy_type.value if isinstance(proxy_type, Enum) else proxy_type
            if value not in _BY_PROXY_TYPE:
                known = ", ".join(f"ProxyEventType.{name}" for name in _PROXY_EVENT_TYPES)
                raise ValueError(f"proxy_type {proxy_type!r} is not an HTTP event type apigw reads ({known})")
            self._integration = _BY_PROXY_TYPE[value]
        if cors is not None and not isinstance(cors, CORSConfig):
            raise TypeError(f"cors must be a CORSConfig (cors=CORSConfig(allow_origin=...)), not {type(cors).__name__}")
        if serializer is not None and not callable(serializer):
            raise TypeError(f"serializer must be a function turning an object into JSON text, not {serializer!r}")
        self._cors = cors
        self._cors_enabled = cors is not None
        self._debug = debug if debug is not None else _env_debug()
        # COMPAT: as Powertools, only a list counts, and only its non-empty strings and compiled patterns.
        prefixes = strip_prefixes if isinstance(strip_prefixes, list) else []
        self._strip_prefixes = [p for p in prefixes if (isinstance(p, str) and p) or isinstance(p, re.Pattern)] or None
        self._json_body_deserializer = json_body_deserializer
        # The view class of this app's events (ALBResolver(decode_query_parameters=True) uses a configured one).
        self._event_class: Callable[..., BaseProxyEvent] = self._view_class()
        if response_validation_error_http_code is not None and not enable_validation:
            # COMPAT: Powertools' message, word for word (its tests and users match on it).
            raise ValueError("'response_validation_error_http_code' cannot be set when enable_validation is False.")
        self._enable_validation = bool(enable_validation)
        self._response_validation_error_http_code = (
            None
            if response_validation_error_http_code is None
            else _http_status(response_validation_error_http_code, "an HTTP status code")
        )
        #: the OpenAPI document's settings (``configure_openapi``); ``apigw.openapi.config.OpenAPIConfig``
        self.openapi_config: Any = None
        if response_size_limit is not None and (not isinstance(response_size_limit, int) or response_size_limit < 1024):
            raise ValueError(
                f"response_size_limit must be a number of bytes (at least 1024), not {response_size_limit!r}"
            )
        self._serializer = serializer or _impl.encoder.dumps
        self._writer = _impl.encoder.ResponseWriter(
            self._serializer, cors or _DEFAULT_CORS, _impl.headers, response_size_limit
        )
        self._method_not_allowed = bool(method_not_allowed)
        self._auto_head = bool(auto_head)
        self._matcher = _impl.matcher.Matcher(ignore_trailing_slash=self._ignore_trailing_slash)
        self._routes: List[Route] = []
        self._route_keys: Set[Tuple[str, str]] = set()
        self._exception_handlers = {}
        self._middlewares = []
        self._routers: List[Router] = []
        #: replacements for ``Depends()`` dependencies, for tests: ``app.dependency_overrides[get_db] = fake_db``
        self.dependency_overrides: Dict[Callable[..., Any], Callable[..., Any]] = {}
        # Per-request state, per thread and per asyncio task (see the module docstring).
        self._request_state: ContextVar[Optional[List[Any]]] = ContextVar(f"apigw_request_{id(self)}", default=None)
        self._request_context: ContextVar[Optional[Dict[str, Any]]] = ContextVar(
            f"apigw_context_{id(self)}", default=None
        )
        self._not_found_route = Route("*", "*", self._answer_not_found, self._cors_enabled, False, None)
        self._not_found_body: Optional[str] = None

    # -- request state ----------------------------------------------------------------------------------------------

    def _get_current_event(self) -> Any:
        state = self._request_state.get()
        return None if state is None else state[_EVENT]

    def _set_current_event(self, event: Any) -> None:
        state = self._request_state.get()
        self._request_state.set([event, None if state is None else state[_LAMBDA_CONTEXT], None, None, None, False])

    if TYPE_CHECKING:  # read-only for type checkers, so each resolver can narrow it to its own view

        @property
        def current_event(self) -> BaseProxyEvent:
            """The view of the event being resolved in this thread or task (the last one, after ``resolve``)."""
    else:
        current_event = property(
            _get_current_event,
            _set_current_event,
            doc="The view of the event being resolved in this thread or task (the last one, after ``resolve``).",
        )

    @property
    def lambda_context(self) -> Any:
        """The Lambda context object of the request being resolved in this thread or task."""
        state = self._request_state.get()
        return None if state is None else state[_LAMBDA_CONTEXT]

    @lambda_context.setter
    def lambda_context(self, value: Any) -> None:
        state = self._request_state.get()
        self._request_state.set([None if state is None else state[_EVENT], value, None, None, None, False])

    @property
    def context(self) -> Dict[str, Any]:
        """Data shared by middlewares and handlers during one request; emptied after each request.

        Filled before ``resolve`` (``app.append_context(...)`` in the Lambda handler), it is the context of the next
        request resolved in the same thread or task.
        """
        context = self._request_context.get()
        if context is None:
            context = {}
            state = self._request_state.get()
            if state is not None and state[_IN_FLIGHT]:
                _add_route_context(context, state)
            self._request_context.set(context)
        return context

    @context.setter
    def context(self, value: Dict[str, Any]) -> None:
        self._request_context.set(value)

    @property
    def integration(self) -> Integration:
        """The integration whose events this resolver reads (``apigw.integrations``)."""
        return self._integration

    @property
    def routes(self) -> List[Route]:
        """The registered routes, in registration order."""
        return list(self._routes)

    @property
    def request(self) -> Request:
        """The request being resolved (``apigw.request.Request``): matched route, path parameters, headers, body.

        Built on first use in a request, then the same object until the request ends. In a request no route
        matches, ``route`` is the path itself and ``path_parameters`` is empty. Raises ``RuntimeError`` outside a
        request (before it is matched, or after its response is written).
        """
        state = self._request_state.get()
        if state is None or not state[_IN_FLIGHT]:
            raise RuntimeError(
                "app.request is only available after route resolution. Use it inside middleware or a route handler."
            )
        if len(state) > _REQUEST:
            return state[_REQUEST]  # type: ignore[no-any-return]
        from .request import Request, openapi_path

        route, view = state[_ROUTE], state[_EVENT]
        if route is None:  # COMPAT: Powertools' not-found route has the request path as its rule
            request = Request(openapi_path(state[_PATH] or view.path), {}, view, self.context)
        else:
            request = Request(route.openapi_path, state[_PARAMS], view, self.context)
        state.append(request)
        return request

    # -- registration ---------------------------------------------------------------------------------------------

    def _add_route(
        self,
        method: str,
        rule: str,
        func: Handler,
        cors: Optional[bool],
        compress: bool,
        cache_control: Optional[str],
        middlewares: Tuple[Callable[..., Any], ...],
        status_code: int,
        openapi: Dict[str, Any],
        *,
        stacklevel: int = 3,
    ) -> None:
        if "{" in rule or not rule.startswith("/"):  # PERF: the usual rule is taken as it is
            rule = _normalize_rule(rule, func)
        key = (method, rule)
        if key in self._route_keys:
            warnings.warn(
                f"A route for {method} {rule!r} is already registered; the first one registered wins",
                stacklevel=stacklevel,  # the user line: the decorated function, or the include_router call
            )
        self._route_keys.add(key)
        cors = self._cors_enabled if cors is None else cors
        route = Route(method, rule, func, cors, compress, cache_control, middlewares, status_code, openapi)
        try:
            self._matcher.add(rule, method, route)
        except ValueError as exc:
            raise ValueError(f"{exc} (registered by {route.handler_name})") from None
        placeholders = _shared.keyword_names(rule)
        validation = openapi.get("enable_validation")
        _check_handler(route, placeholders, self._enable_validation if validation is None else validation)
        # PERF: a route with nothing documented, in an app without validation, in a process where no handler can ask
        # for injection, keeps route.invoke = None: func(**params)
        if openapi or self._enable_validation or _injection_loaded():
            route.invoke = _invoke_plan(self, route, placeholders, validation)
        self._routes.append(route)

    def include_router(self, router: Router, prefix: Optional[str] = None) -> None:
        """Add the routes of ``router`` (each rule behind ``prefix``, ``"/"`` becoming the prefix itself), its
        exception handlers and its context. COMPAT: as in Powertools v3, the router's own middlewares
        (``router.use``) join the app's middlewares at this point, so they run around every route of the app, in
        the order ``use`` and ``include_router`` were called. A router may be included in several apps: during a
        request, ``router.current_event`` and friends are those of the app resolving it."""
        from .router import include

        include(self, router, prefix)

    # -- OpenAPI (apigw.openapi: pydantic, loaded only when one of these is called) --------------------------------

    def get_openapi_schema(
        self,
        *,
        title: str = _OPENAPI_TITLE,
        version: str = "1.0.0",
        openapi_version: str = "3.1.0",
        summary: Optional[str] = None,
        description: Optional[str] = None,
        tags: Optional[List[Any]] = None,
        servers: Optional[List[Any]] = None,
        terms_of_service: Optional[str] = None,
        contact: Optional[Any] = None,
        license_info: Optional[Any] = None,
        security_schemes: Optional[Dict[str, Any]] = None,
        security: Optional[List[Dict[str, List[str]]]] = None,
        external_documentation: Optional[Any] = None,
        openapi_extensions: Optional[Dict[str, Any]] = None,
    ) -> OpenAPI:
        """The app's OpenAPI 3.1 document (an ``apigw.openapi.models.OpenAPI``): one operation per route, built
        from the handlers' signatures and the routes' documentation keywords. Arguments not given come from
        ``configure_openapi``. Needs pydantic (``pip install 'apigw[validation]'``)."""
        options = _given(locals())
        from .openapi._app import openapi_schema

        return openapi_schema(self, **options)

    def get_openapi_json_schema(
        self,
        *,
        title: str = _OPENAPI_TITLE,
        version: str = "1.0.0",
        openapi_version: str = "3.1.0",
        summary: Optional[str] = None,
        description: Optional[str] = None,
        tags: Optional[List[Any]] = None,
        servers: Optional[List[Any]] = None,
        terms_of_service: Optional[str] = None,
        contact: Optional[Any] = None,
        license_info: Optional[Any] = None,
        security_schemes: Optional[Dict[str, Any]] = None,
        security: Optional[List[Dict[str, List[str]]]] = None,
        external_documentation: Optional[Any] = None,
        openapi_extensions: Optional[Dict[str, Any]] = None,
    ) -> str:
        """``get_openapi_schema()`` as JSON text (indented, without empty fields)."""
        options = _given(locals())
        from .openapi._app import openapi_json

        return openapi_json(self, **options)

    def configure_openapi(
        self,
        title: str = _OPENAPI_TITLE,
        version: str = "1.0.0",
        openapi_version: str = "3.1.0",
        summary: Optional[str] = None,
        description: Optional[str] = None,
        tags: Optional[List[Any]] = None,
        servers: Optional[List[Any]] = None,
        terms_of_service: Optional[str] = None,
        contact: Optional[Any] = None,
        license_info: Optional[Any] = None,
        security_schemes: Optional[Dict[str, Any]] = None,
        security: Optional[List[Dict[str, List[str]]]] = None,
        external_documentation: Optional[Any] = None,
        openapi_extensions: Optional[Dict[str, Any]] = None,
    ) -> None:
        """Store document-wide OpenAPI settings (``apigw.openapi.config.OpenAPIConfig``), used by
        ``get_openapi_schema`` and ``enable_swagger`` for arguments they are not given."""
        options = _given(locals())
        from .openapi.config import OpenAPIConfig  # PERF: a dataclass; pydantic is loaded by the document only

        self.openapi_config = OpenAPIConfig(**options)

    def enable_swagger(
        self,
        *,
        path: str = "/swagger",
        title: str = _OPENAPI_TITLE,
        version: str = "1.0.0",
        openapi_version: str = "3.1.0",
        summary: Optional[str] = None,
        description: Optional[str] = None,
        tags: Optional[List[Any]] = None,
        servers: Optional[List[Any]] = None,
        terms_of_service: Optional[str] = None,
        contact: Optional[Any] = None,
        license_info: Optional[Any] = None,
        swagger_base_url: Optional[str] = None,
        middlewares: Optional[List[Callable[..., Any]]] = None,
        compress: bool = False,
        security_schemes: Optional[Dict[str, Any]] = None,
        security: Optional[List[Dict[str, List[str]]]] = None,
        oauth2_config: Optional[Any] = None,
        persist_authorization: bool = False,
        external_documentation: Optional[Any] = None,
        openapi_extensions: Optional[Dict[str, Any]] = None,
    ) -> None:
        """Serve Swagger UI at ``GET path`` (``?format=json``: the OpenAPI document). The browser loads Swagger UI's
        script and stylesheet from ``swagger_base_url`` (default: the jsDelivr CDN; see
        ``apigw.openapi.swagger_ui``). The document is generated on the first request for it."""
        options = _given(locals())
        for key in ("path", "swagger_base_url", "middlewares", "compress", "oauth2_config", "persist_authorization"):
            options.pop(key, None)
        from .openapi._app import swagger_handler

        handler = swagger_handler(self, swagger_base_url, oauth2_config, persist_authorization, options)
        self.get(path, middlewares=middlewares, include_in_schema=False, compress=compress)(handler)

    def _middlewares_changed(self) -> None:
        for route in (*self._routes, self._not_found_route):
            route.chain = route.async_chain = None

    # -- resolution -----------------------------------------------------------------------------------------------

    def _view_class(self) -> Callable[..., BaseProxyEvent]:
        """What builds the view of each event (``AnyIntegrationResolver``: a function choosing it per event)."""
        return self._integration.event_class

    def resolve(self, event: Mapping[str, Any], context: Any) -> Dict[str, Any]:
        """Route one Lambda event and return the response dict for the integration."""
        # PERF: the steps of _start and _end (which resolve_async calls) are written out here: this is the per-event
        # path, and every Python call on it shows in the benchmark.
        if type(event) is not dict:  # PERF: the common case first; isinstance on an ABC costs a Python call
            if isinstance(event, BaseProxyEvent):
                event = _unwrap_view(event)
            if not isinstance(event, dict):
                raise self._invalid_event(event)
        if self._debug:
            print(self._serializer(event))
        integration = self._integration
        view = self._event_class(event, self._json_body_deserializer)
        if integration is None:  # AnyIntegrationResolver: each event's own integration
            integration = _integration_of_view(view)
        state = [view, context, None, _NO_PARAMS, None, True]
        self._request_state.set(state)
        pending = self._request_context.get()
        if pending is not None:
            pending = dict(pending)  # this request's own copy (see _start)
            self._request_context.set(pending)
        active = _ACTIVE_APP.set(self) if self._routers else None
        try:
            try:
                method, path = view._request_line()
            except _shared.InvalidEventError:
                raise self._invalid_event(event) from None
            expects_elb = integration.expects_elb
            if expects_elb is not None:  # PERF: integrations.mismatch() written out
                request_context = event.get("requestContext")
                if (
                    type(request_context) is dict
                    and ("elb" in request_context) is not expects_elb
                    and (request_context or not expects_elb)
                ):
                    raise self._invalid_event(event)
            if self._strip_prefixes:
                path = self._remove_prefix(path)
            state[_PATH] = path
            hit = self._matcher.match(method, path)
            if hit is None:
                if method == "HEAD" and self._auto_head:
                    hit = self._matcher.match("GET", path)
                if hit is None:
                    route, params = self._not_found_route, _NO_PARAMS
                else:
                    route, params = state[_ROUTE], state[_PARAMS] = hit
            else:
                route, params = state[_ROUTE], state[_PARAMS] = hit
            if pending is not None:
                _add_route_context(pending, state)
            try:
                if self._middlewares or route.middlewares:
                    result = (route.chain or self._chain(route))(self)
                elif route.invoke is None:
                    result = route.func(**params)
                else:
                    result = route.invoke(self, params)
                if type(result) is dict or type(result) is list:
                    response = self._writer.write_result(view, result, route.status_code, route, integration)
                else:
                    response = self._writer.write(
                        view, self._to_response(result, route.status_code), route, integration
                    )
            except Exception as exc:
                response = (_errors or _load_errors()).write_error(self, view, exc, route, integration)
        finally:
            state[_IN_FLIGHT] = False
            if active is not None:
                _ACTIVE_APP.reset(active)
            if self._request_context.get() is not None:
                self._request_context.set(None)
        if self._auto_head:
            _drop_head_body(method, route, response)
        if self._debug:
            self._print_debug(state, response)
        return response

    def _print_debug(self, state: List[Any], response: Dict[str, Any]) -> None:
        """Debug mode, after a request: the middlewares it went through (stdout, as Powertools prints them) and the
        response (stderr: stdout keeps the event JSON document and the middleware list)."""
        route = state[_ROUTE] or self._not_found_route
        names = [_callable_name(middleware) for middleware in (*self._middlewares, *route.middlewares)]
        names.append(route.handler_name)
        print("\nProcessed Middlewares:\n======================")
        print("\n".join(f"[{name}] next call chain is {name} -> {after}" for name, after in zip(names, names[1:])))
        print("======================")
        print(self._serializer(response), file=sys.stderr)

    def resolve_async(self, event: Mapping[str, Any], context: Any) -> Coroutine[Any, Any, Dict[str, Any]]:
        """``resolve`` for apps with ``async def`` handlers, middlewares or exception handlers (sync ones work too)::

            def lambda_handler(event, context):
                return asyncio.run(app.resolve_async(event, context))

        Concurrent calls (``asyncio.gather``) each see their own request state. A synchronous middleware placed
        before asynchronous parts of the chain runs in a worker thread, so it never blocks the event loop.
        """
        # PERF: a plain method handing out the coroutine of apigw._async (one coroutine per request, not two); that
        # module is loaded on the first call, so apps that never use it never load it.
        resolve = _resolve_async or _load_resolve_async()
        return resolve(self, event, context)

    def __call__(self, event: Mapping[str, Any], context: Any) -> Dict[str, Any]:
        return self.resolve(event, context)

    def _invalid_event(self, event: Any) -> InvalidEventError:
        """The error for an event this resolver cannot read: says what the event is and which resolver reads it."""
        return (_errors or _load_errors()).invalid_event(self, event)

    def _chain(self, route: Route) -> Callable[[Any], Any]:
        """Build (once per route) the middleware chain: app middlewares, then route middlewares, then the route.
        PERF: its classes are in apigw._chain, loaded by the first route that has middlewares."""
        from ._chain import build_chain

        return build_chain(self, route)

    def _route_middlewares(self, route: Route, asynchronous: bool = False) -> List[Any]:
        """The middlewares around ``route``, outermost first: the app's, then the route's; with request validation
        first and injection into middlewares that ask for ``Request`` or ``Depends()`` (see apigw._injection)."""
        from ._callables import may_inject

        middlewares = [*self._middlewares, *route.middlewares]
        if route.invoke is not None or any(map(may_inject, middlewares)):
            from ._injection import chain_middlewares

            middlewares = chain_middlewares(route, middlewares, asynchronous=asynchronous)
        return middlewares

    def _remove_prefix(self, path: str) -> str:
        for prefix in self._strip_prefixes or ():
            if isinstance(prefix, str):
                if path == prefix:
                    return "/"
                if path.startswith(prefix) and path[len(prefix)] == "/":
                    return path[len(prefix) :]
            else:
                path = prefix.sub("", path)
                if not path:
                    return "/"
        return path

    def _answer_not_found(self) -> Response[Any]:
        """The not-found route: a 404, or what apigw._errors answers (a CORS pre-flight, a 405 with
        ``method_not_allowed``, the app's ``not_found`` handler)."""
        if not self._cors_enabled and not self._method_not_allowed and not self._exception_handlers:
            # PERF: the plain 404 (no pre-flight, no 405, no handler to ask): its body serialized once per app.
            body = self._not_found_body
            if body is None:
                body = self._not_found_body = self._serializer({"statusCode": 404, "message": "Not found"})
            return Response(404, JSON, body)
        return (_errors or _load_errors()).answer_not_found(self)

    def allowed_methods(self, path: str) -> List[str]:
        """The methods this app answers for ``path`` (sorted; ``[]`` when no route matches it): the ``Allow`` header
        of its 405 answers. ``HEAD`` counts with ``auto_head`` and a ``GET`` route, ``OPTIONS`` with CORS."""
        methods = self._matcher.methods_for(path)
        if methods:
            if self._auto_head and "GET" in methods:
                methods.add("HEAD")
            if self._cors_enabled:
                methods.add("OPTIONS")
        return sorted(methods)

    def error_response(self, exc: Exception) -> Response[Any]:
        """The app's own error response for ``exc``: what its exception handlers, the ``ServiceError`` rule or debug
        mode answer (an exception nothing answers is raised again).

        For middlewares that finish every response, errors included::

            def add_request_id(app, next_middleware):
                try:
                    response = next_middleware(app)
                except Exception as exc:
                    response = app.error_response(exc)
                response.headers["X-Request-Id"] = app.lambda_context.aws_request_id
                return response
        """
        return (_errors or _load_errors()).handle_exception(self, exc)

    def _to_response(self, result: Any, status: int = 200) -> Response[Any]:
        if isinstance(result, Response):
            return result
        if isinstance(result, tuple) and len(result) == 2:
            result, status = result
            if type(status) is not int or not 100 <= status <= 599:
                status = _status(status, "a (body, status) result")
        return Response(status, JSON, result)


_DEFAULT_CORS = CORSConfig()
_NO_PARAMS: Dict[str, str] = {}


class _NamedResolver(ApiGatewayResolver):
    """The constructor of the resolvers named after their integration: ``ApiGatewayResolver``'s without
    ``proxy_type``."""

    def __init__(
        self,
        cors: Optional[CORSConfig] = None,
        debug: Optional[bool] = None,
        serializer: Optional[Callable[[Any], str]] = None,
        strip_prefixes: Optional[List[Union[str, Pattern[str]]]] = None,
        enable_validation: bool = False,
        response_validation_error_http_code: Optional[int] = None,
        json_body_deserializer: Optional[Callable[[str], Any]] = None,
        *,
        response_size_limit: Optional[int] = None,
        method_not_allowed: bool = False,
        auto_head: bool = False,
    ) -> None:
        super().__init__(
            None,
            cors,
            debug,
            serializer,
            strip_prefixes,
            enable_validation,
            response_validation_error_http_code,
            json_body_deserializer,
            response_size_limit=response_size_limit,
            method_not_allowed=method_not_allowed,
            auto_head=auto_head,
        )


# PERF: AnyIntegrationResolver asks this for every event: one dict lookup once a view class has been seen.
_INTEGRATION_OF_VIEW_CLASS: Dict[type, Integration] = {}


def _integration_of_view(event: BaseProxyEvent) -> Integration:
    view_class = type(event)
    found = _INTEGRATION_OF_VIEW_CLASS.get(view_class)
    if found is not None:
        return found
    # The nearest apigw view class among its bases, found by name so that no other view module is imported.
    for base in view_class.__mro__:
        found = _BY_PROXY_TYPE.get(base.__name__)
        if found is not None and base is found.event_class:
            _INTEGRATION_OF_VIEW_CLASS[view_class] = found
            return found
    raise TypeError(f"ResponseBuilder.build() takes an HTTP event view such as APIGatewayProxyEvent, not {event!r}")


# -- registration checks --------------------------------------------------------------------------------------------

_BRACES = r"\{(\w+)(\+?)\}"  # PERF: compiled on first use (re caches it), not at import


def _normalize_rule(rule: str, func: Callable[..., Any]) -> str:
    """The rule as the matcher takes it: API Gateway's ``{name}`` becomes ``<name>`` and ``{name+}`` a named group
    matching the rest of the path. A literal rule without a leading ``/`` can never match: refused."""
    if "{" in rule:
        rule = re.sub(_BRACES, lambda found: f"(?P<{found[1]}>.+)" if found[2] else f"<{found[1]}>", rule)
    if not rule.startswith("/") and not _shared.is_regex(rule):
        raise ValueError(
            f"route rule {rule!r} (registered by {_callable_name(func)}) does not start with '/': a request path "
            f"always does, so it could never match. Did you mean {'/' + rule!r}?"
        )
    return rule


def _check_handler(route: Route, placeholders: Tuple[str, ...], validation: bool) -> None:
    """Refuse a handler that cannot take the rule's placeholders as keyword arguments (without ``**kwargs``), or
    that requires an argument nobody provides (with validation on, such parameters come from the query string)."""
    func = route.func
    code = getattr(func, "__code__", None)
    if code is None:
        code = getattr(getattr(func, "__call__", None), "__code__", None)  # a callable object
        if code is None:
            return
        bound = 1
    else:
        bound = 1 if getattr(func, "__self__", None) is not None else 0
    if code.co_flags & 0x08:  # CO_VARKEYWORDS: **kwargs takes any placeholder
        return
    names = code.co_varnames  # PERF: a new tuple at each read (CPython 3.11+): read once
    positional = names[code.co_posonlyargcount + bound : code.co_argcount]
    keyword_only = names[code.co_argcount : code.co_argcount + code.co_kwonlyargcount]
    if positional == placeholders and not keyword_only:
        return  # PERF: the usual handler takes exactly its rule's placeholders (none, for a literal rule)
    accepted = set(positional) | set(keyword_only)
    missing = [name for name in placeholders if name not in accepted]
    if missing:
        names = ", ".join(repr(name) for name in missing)
        raise TypeError(
            f"{route.method} {route.rule!r}: handler {route.handler_name} has no parameter named {names}, which the "
            f"rule passes as keyword argument(s); rename the parameter to match the rule, or accept **kwargs"
        )
    defaults = len(getattr(func, "__defaults__", None) or ())
    required = [name for name in positional[: len(positional) - defaults] if name not in placeholders]
    kwdefaults = getattr(func, "__kwdefaults__", None) or {}
    required += [name for name in keyword_only if name not in placeholders and name not in kwdefaults]
    if required and not validation and not _may_be_injected(func, required):
        names = ", ".join(repr(name) for name in required)
        raise TypeError(
            f"{route.method} {route.rule!r}: handler {route.handler_name} requires {names}, which the rule does not "
            f"provide; add <{required[0]}> to the rule, or give the parameter a default"
        )


def _may_be_injected(func: Callable[..., Any], names: List[str]) -> bool:
    """True when every name is annotated (``Request``, ``Annotated[..., Depends()]``, validation markers):
    the injection module decides those, not this check. COMPAT: an annotated parameter nobody provides is allowed, as
    in Powertools, for apps that only document routes (OpenAPI without validation)."""
    annotations = getattr(func, "__annotations__", None) or {}
    return all(name in annotations for name in names)


def _injection_loaded() -> bool:
    """Whether ``Request`` or ``Depends`` exist in this process: without them no handler can ask for injection."""
    return "apigw.request" in sys.modules or "apigw.depends" in sys.modules


def _invoke_plan(
    app: ApiGatewayResolver, route: Route, placeholders: Tuple[str, ...], validation: Optional[bool]
) -> Optional[Callable[[Any, Dict[str, str]], Any]]:
    """The route's call plan (``Route.invoke``): ``None`` for a plain handler, which keeps ``func(**params)``.

    PERF: decided without ``inspect``: a handler can ask for ``Request``/``Depends()`` only when those modules are
    loaded and it has annotations or defaults; only validated routes and such handlers load ``apigw._injection``.
    """
    custom_code = route.openapi.get("custom_response_validation_http_code")
    if custom_code is not None:
        if not app._enable_validation:
            raise ValueError(
                "'custom_response_validation_http_code' cannot be set for route when enable_validation is False on "
                "resolver."
            )
        route.openapi["custom_response_validation_http_code"] = _http_status(
            custom_code, "an HTTP status code or an enum of type HTTPStatus"
        )
    if validation is None:
        validation = app._enable_validation
    if not validation:
        if not _injection_loaded():
            return None
        func = route.func
        target = func if hasattr(func, "__code__") else getattr(func, "__call__", func)
        if not (
            getattr(target, "__annotations__", None)
            or getattr(target, "__defaults__", None)
            or getattr(target, "__kwdefaults__", None)
            or not hasattr(target, "__code__")  # a partial or builtin: let the analysis decide
        ):
            return None
    from ._injection import build_plan

    return build_plan(app, route, placeholders, bool(validation))


#: ``apigw._errors`` once a request went wrong. PERF: it loads with a process's first error, and an import statement
#: would cost every such answer ~0.8 µs again.
_errors: Optional[ModuleType] = None


def _load_errors() -> ModuleType:
    global _errors
    from . import _errors as errors

    _errors = errors
    return errors


_resolve_async: Optional[Callable[..., Coroutine[Any, Any, Dict[str, Any]]]] = None


def _load_resolve_async() -> Callable[..., Coroutine[Any, Any, Dict[str, Any]]]:
    global _resolve_async
    from ._async import resolve_async

    _resolve_async = resolve_async
    return resolve_async


def _unwrap_view(event: BaseProxyEvent) -> Mapping[str, Any]:
    warnings.warn(
        # COMPAT: the opening words are the ones Powertools users (and its tests) look for.
        "You don't need to serialize event to an event data class: resolve() takes the raw Lambda event and builds "
        "its own view (this one is unwrapped)",
        stacklevel=3,
    )
    return event.raw_event


def _add_route_context(context: Dict[str, Any], state: List[Any]) -> None:
    """COMPAT: what Powertools keeps in ``app.context`` during a request: the matched ``_route`` (``None`` for a
    miss), the ``_path`` it matched and the ``_route_args``."""
    context["_route"] = state[_ROUTE]
    context["_path"] = state[_PATH]
    context["_route_args"] = state[_PARAMS]


def _callable_name(func: Any) -> str:
    name = getattr(func, "__qualname__", None) or getattr(type(func), "__qualname__", repr(func))
    module = getattr(func, "__module__", None)
    return f"{module}.{name}" if module and module != "__main__" else str(name)


def _given(arguments: Dict[str, Any]) -> Dict[str, Any]:
    """A method's keyword arguments (its ``locals()``) without ``self``."""
    return {key: value for key, value in arguments.items() if key != "self"}


def _http_status(code: Any, expected: str) -> Any:
    """``code`` as an ``http.HTTPStatus`` (Powertools keeps validation error codes that way)."""
    from http import HTTPStatus  # PERF: only apps that configure a validation error code

    try:
        return HTTPStatus(code)
    except ValueError:
        # COMPAT: Powertools' message, word for word.
        raise ValueError(f"'{code}' must be an integer representing {expected}.") from None


def _drop_head_body(method: str, route: Route, response: Dict[str, Any]) -> None:
    """``auto_head``: a HEAD request a GET route answered keeps the GET answer's headers and sends no body."""
    if method == "HEAD" and route.method == "GET" and response.get("body"):
        response["body"] = ""
        response["isBase64Encoded"] = False


def _env_debug() -> bool:
    return any(
        os.environ.get(name, "").strip().lower() in _TRUTHY
        for name in ("POWERTOOLS_EVENT_HANDLER_DEBUG", "POWERTOOLS_DEV")
    )


__all__ = [
    "ALBResolver",
    "APIGatewayHttpResolver",
    "APIGatewayRestResolver",
    "ApiGatewayResolver",
    "BaseRouter",
    "LambdaFunctionUrlResolver",
    "ProxyEventType",
    "ResponseBuilder",
    "Route",
    "VPCLatticeResolver",
    "VPCLatticeV2Resolver",
]

"""The resolver: register routes with decorators, then ``resolve(event, context)`` one Lambda event.

One request flows down once (see DESIGN.md): event view -> matcher -> handler -> encoder -> headers::

    app = APIGatewayRestResolver()

    @app.get("/orders/<order_id>")
    def get_order(order_id):
        return {"id": order_id}

    def lambda_handler(event, context):
        return app.resolve(event, context)

Errors: a ``ServiceError`` raised by a handler becomes ``{"statusCode": N, "message": "..."}`` with that status; a
handler registered with ``exception_handler`` answers for its exception type (the most specific class wins); any
other exception propagates to Lambda (so the integration answers 502/500 and the error is logged), unless debug
mode is on, which answers 500 with the traceback as text. An event that is not an HTTP event of the resolver's
kind raises ``InvalidEventError``.
"""

from __future__ import annotations

import os
import re
import sys
import warnings
from enum import Enum
from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    Dict,
    List,
    Mapping,
    NamedTuple,
    Optional,
    Pattern,
    Sequence,
    Set,
    Tuple,
    Type,
    Union,
)

from . import _impl, content_types
from .events import ALBEvent, APIGatewayProxyEvent, APIGatewayProxyEventV2, BaseProxyEvent, LambdaFunctionUrlEvent
from .exceptions import NotFoundError, ServiceError
from .response import CORSConfig, Response

if TYPE_CHECKING:
    from .router import Router

Handler = Callable[..., Any]

_REASONS: Dict[int, str] = {}  # status -> reason phrase, filled on the first ALB response
_TRUTHY = ("1", "true", "t", "yes", "y", "on")


class ProxyEventType(Enum):
    """Which integration's event format a resolver reads and writes."""

    APIGatewayProxyEvent = "APIGatewayProxyEvent"
    APIGatewayProxyEventV2 = "APIGatewayProxyEventV2"
    ALBEvent = "ALBEvent"
    LambdaFunctionUrlEvent = "LambdaFunctionUrlEvent"


# proxy type -> (event view class, response header layout)
_FORMATS: Dict[ProxyEventType, Tuple[Type[BaseProxyEvent], str]] = {
    ProxyEventType.APIGatewayProxyEvent: (APIGatewayProxyEvent, "REST"),
    ProxyEventType.APIGatewayProxyEventV2: (APIGatewayProxyEventV2, "HTTP"),
    ProxyEventType.ALBEvent: (ALBEvent, "ALB"),
    ProxyEventType.LambdaFunctionUrlEvent: (LambdaFunctionUrlEvent, "HTTP"),
}


class Route:
    """One registered (method, rule) and how its responses are finished."""

    __slots__ = ("method", "rule", "func", "cors", "compress", "cache_control", "middlewares", "status_code", "chain")

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
    ) -> None:
        self.method = method
        self.rule = rule
        self.func = func
        self.cors = cors
        self.compress = compress
        self.cache_control = cache_control
        self.middlewares = tuple(middlewares)
        self.status_code = status_code
        self.chain: Optional[Callable[[Any], Any]] = None  # built on first use, see ApiGatewayResolver._chain

    def __repr__(self) -> str:
        return f"Route({self.method} {self.rule!r} -> {getattr(self.func, '__qualname__', self.func)!r})"


# Route keyword arguments of Powertools v3 that only document an OpenAPI schema: accepted so apps keep working,
# otherwise ignored (apigw generates no OpenAPI).
_OPENAPI_ONLY = frozenset(
    {
        "summary",
        "description",
        "responses",
        "response_description",
        "tags",
        "operation_id",
        "include_in_schema",
        "security",
        "openapi_extensions",
        "deprecated",
    }
)


class Registration(NamedTuple):
    """One (method, rule) as a decorator registered it: what an app turns into a ``Route``, and what a ``Router``
    keeps until ``include_router`` replays it."""

    method: str
    rule: str
    func: Handler
    cors: Optional[bool]  # None: follow the resolver's CORS configuration
    compress: bool
    cache_control: Optional[str]
    middlewares: Tuple[Callable[..., Any], ...]
    status_code: int


class BaseRouter:
    """Route decorators, middlewares, exception handlers and request context, shared by resolvers and ``Router``."""

    _exception_handlers: Dict[type, Callable[[Exception], Any]]
    _middlewares: List[Callable[..., Any]]

    def route(
        self,
        rule: str,
        method: Union[str, Sequence[str]],
        cors: Optional[bool] = None,
        compress: bool = False,
        cache_control: Optional[str] = None,
        middlewares: Optional[Sequence[Callable[..., Any]]] = None,
        status_code: int = 200,
        **openapi: Any,
    ) -> Callable[[Handler], Handler]:
        """Register the decorated function for ``rule`` and one method or a list of methods.

        ``rule`` is a path with optional ``<name>`` placeholders (each matches one path segment and is passed to
        the function as a keyword argument), or a regular expression that must match the whole path.
        ``cors=None`` follows the resolver's CORS configuration; ``compress=True`` gzips responses for clients that
        accept gzip; ``cache_control`` is sent as ``Cache-Control`` on 200 responses (others get ``no-cache``);
        ``middlewares`` run around this route after the app's own; ``status_code`` is the status of results that
        are not a ``Response`` or a ``(body, status)`` tuple. OpenAPI-only keywords of Powertools (``summary``,
        ``tags``, ...) are accepted and ignored.
        """
        unknown = set(openapi) - _OPENAPI_ONLY
        if unknown:
            raise TypeError(f"route() got unexpected keyword arguments: {', '.join(sorted(unknown))}")
        methods = (method,) if isinstance(method, str) else tuple(method)
        route_middlewares = tuple(middlewares or ())

        def register(func: Handler) -> Handler:
            for one_method in methods:
                self._add_route(
                    Registration(
                        one_method.upper(), rule, func, cors, compress, cache_control, route_middlewares, status_code
                    )
                )
            return func

        return register

    def _add_route(self, registration: Registration) -> None:
        raise NotImplementedError

    def get(self, rule: str, cors: Optional[bool] = None, compress: bool = False, cache_control: Optional[str] = None,
            middlewares: Optional[Sequence[Callable[..., Any]]] = None, **kwargs: Any):
        """Register the decorated function for ``GET rule`` (see ``route``)."""
        return self.route(rule, "GET", cors, compress, cache_control, middlewares, **kwargs)

    def post(self, rule: str, cors: Optional[bool] = None, compress: bool = False, cache_control: Optional[str] = None,
             middlewares: Optional[Sequence[Callable[..., Any]]] = None, **kwargs: Any):
        """Register the decorated function for ``POST rule`` (see ``route``)."""
        return self.route(rule, "POST", cors, compress, cache_control, middlewares, **kwargs)

    def put(self, rule: str, cors: Optional[bool] = None, compress: bool = False, cache_control: Optional[str] = None,
            middlewares: Optional[Sequence[Callable[..., Any]]] = None, **kwargs: Any):
        """Register the decorated function for ``PUT rule`` (see ``route``)."""
        return self.route(rule, "PUT", cors, compress, cache_control, middlewares, **kwargs)

    def delete(self, rule: str, cors: Optional[bool] = None, compress: bool = False,
               cache_control: Optional[str] = None, middlewares: Optional[Sequence[Callable[..., Any]]] = None,
               **kwargs: Any):
        """Register the decorated function for ``DELETE rule`` (see ``route``)."""
        return self.route(rule, "DELETE", cors, compress, cache_control, middlewares, **kwargs)

    def patch(self, rule: str, cors: Optional[bool] = None, compress: bool = False,
              cache_control: Optional[str] = None, middlewares: Optional[Sequence[Callable[..., Any]]] = None,
              **kwargs: Any):
        """Register the decorated function for ``PATCH rule`` (see ``route``)."""
        return self.route(rule, "PATCH", cors, compress, cache_control, middlewares, **kwargs)

    def head(self, rule: str, cors: Optional[bool] = None, compress: bool = False, cache_control: Optional[str] = None,
             middlewares: Optional[Sequence[Callable[..., Any]]] = None, **kwargs: Any):
        """Register the decorated function for ``HEAD rule`` (see ``route``)."""
        return self.route(rule, "HEAD", cors, compress, cache_control, middlewares, **kwargs)

    def use(self, middlewares: Sequence[Callable[..., Any]]) -> None:
        """Add middlewares that run around every route (see ``apigw.middlewares``)."""
        self._middlewares.extend(middlewares)
        self._middlewares_changed()

    def _middlewares_changed(self) -> None:
        pass

    def exception_handler(self, exc_class: Union[Type[Exception], Sequence[Type[Exception]]]):
        """Register the decorated function to answer exceptions of ``exc_class`` (a class or a list of classes).

        It receives the exception and returns anything a route may return. The handler of the most specific class
        in the exception's MRO wins.
        """
        classes: Sequence[Type[Exception]] = [exc_class] if isinstance(exc_class, type) else exc_class

        def register(func: Callable[[Exception], Any]) -> Callable[[Exception], Any]:
            for one_class in classes:
                self._exception_handlers[one_class] = func
            return func

        return register

    def not_found(self, func: Optional[Callable[[Exception], Any]] = None):
        """Register the decorated function to answer requests no route matches (it receives a ``NotFoundError``)."""
        if func is None:
            return self.exception_handler(NotFoundError)
        return self.exception_handler(NotFoundError)(func)

    @property
    def context(self) -> Dict[str, Any]:
        """Data shared by middlewares and handlers during one request; emptied after each request."""
        return self._context

    @context.setter
    def context(self, value: Dict[str, Any]) -> None:
        self._context = value

    def append_context(self, **additional_context: Any) -> None:
        """Add key/value pairs to ``context``."""
        self.context.update(additional_context)

    def clear_context(self) -> None:
        """Empty ``context``."""
        self.context.clear()


class ApiGatewayResolver(BaseRouter):
    """Routes API Gateway REST (v1), HTTP API (v2), ALB and Function URL events to decorated functions.

    ``proxy_type`` selects the event format (REST v1 by default); ``cors`` enables CORS for every route (a route
    can opt out with ``cors=False``) and answers pre-flight ``OPTIONS`` requests; ``debug`` (or the environment
    variable ``POWERTOOLS_EVENT_HANDLER_DEBUG`` / ``POWERTOOLS_DEV`` set to true) prints each event and response
    and answers unhandled exceptions with a 500 carrying the traceback; ``serializer`` turns non-string JSON bodies
    into text (default: compact JSON with ``Decimal`` as string); ``strip_prefixes`` lists path prefixes (strings,
    or compiled patterns removed with ``re.sub``) to drop before routing, e.g. a custom-domain API mapping.
    """

    _default_proxy_type = ProxyEventType.APIGatewayProxyEvent
    _ignore_trailing_slash = False

    current_event: BaseProxyEvent
    lambda_context: Any

    def __init__(
        self,
        proxy_type: Optional[ProxyEventType] = None,
        cors: Optional[CORSConfig] = None,
        debug: Optional[bool] = None,
        serializer: Optional[Callable[[Any], str]] = None,
        strip_prefixes: Optional[List[Union[str, Pattern[str]]]] = None,
    ) -> None:
        self._proxy_type = proxy_type or self._default_proxy_type
        self._event_class, self._layout = _FORMATS[ProxyEventType(self._proxy_type)]
        self._cors = cors
        self._cors_enabled = cors is not None
        self._debug = debug if debug is not None else _env_debug()
        # COMPAT: as Powertools, only a list counts, and only its non-empty strings and compiled patterns.
        prefixes = strip_prefixes if isinstance(strip_prefixes, list) else []
        self._strip_prefixes = [p for p in prefixes if (isinstance(p, str) and p) or isinstance(p, re.Pattern)] or None
        # The implementation (compiled or pure) is bound once, when the app is built.
        self._headers = _impl.headers
        self._encoder = _impl.encoder
        self._serializer = serializer or self._encoder.dumps
        self._matcher = _impl.matcher.Matcher(ignore_trailing_slash=self._ignore_trailing_slash)
        self._routes: List[Route] = []
        self._route_keys: Set[Tuple[str, str]] = set()
        self._exception_handlers = {}
        self._middlewares = []
        self._context: Dict[str, Any] = {}
        # PERF: a miss reuses this route instead of building one per request (its func reads _missed).
        self._not_found_route = Route("*", "*", self._answer_not_found, self._cors_enabled, False, None)
        self._missed: Tuple[str, str] = ("", "")
        self.current_event = None  # type: ignore[assignment]
        self.lambda_context = None

    # -- registration ---------------------------------------------------------------------------------------------

    def _add_route(self, registration: Registration) -> None:
        method, rule = registration.method, registration.rule
        key = (method, rule)
        if key in self._route_keys:
            warnings.warn(
                f"A route for {method} {rule!r} is already registered; the first one registered wins",
                stacklevel=3,  # the user line: the decorated function, or the include_router call
            )
        self._route_keys.add(key)
        cors = self._cors_enabled if registration.cors is None else registration.cors
        route = Route(
            method,
            rule,
            registration.func,
            cors,
            registration.compress,
            registration.cache_control,
            registration.middlewares,
            registration.status_code,
        )
        self._matcher.add(rule, method, route)
        self._routes.append(route)

    def include_router(self, router: "Router", prefix: Optional[str] = None) -> None:
        """Add the routes of ``router`` (each rule behind ``prefix``, ``"/"`` becoming the prefix itself), its
        exception handlers and its context. COMPAT: as in Powertools v3, the router's own middlewares
        (``router.use``) join the app's middlewares at this point, so they run around every route of the app, in
        the order ``use`` and ``include_router`` were called."""
        self._context.update(router.context)
        router.api_resolver = self
        self._exception_handlers.update(router._exception_handlers)
        if router._middlewares:
            self.use(router._middlewares)
        for registration in router._registrations:
            if prefix:
                rule = prefix if registration.rule == "/" else f"{prefix}{registration.rule}"
                registration = registration._replace(rule=rule)
            self._add_route(registration)

    def _middlewares_changed(self) -> None:
        for route in self._routes:
            route.chain = None
        self._not_found_route.chain = None

    # -- resolution -----------------------------------------------------------------------------------------------

    def resolve(self, event: Mapping[str, Any], context: Any) -> Dict[str, Any]:
        """Route one Lambda event and return the response dict for the integration."""
        if isinstance(event, BaseProxyEvent):
            event = event.raw_event
        if self._debug:
            print(self._serializer(event))
        view = self._event_class(event)
        self.current_event = view
        self.lambda_context = context
        try:
            response = self._resolve(view)
        finally:
            if self._context:
                self._context.clear()
        if self._debug:
            # stderr: stdout carries exactly one JSON document per request (the event), as in Powertools.
            print(self._serializer(response), file=sys.stderr)
        return response

    def __call__(self, event: Mapping[str, Any], context: Any) -> Dict[str, Any]:
        return self.resolve(event, context)

    def _resolve(self, view: BaseProxyEvent) -> Dict[str, Any]:
        method = view.http_method.upper()
        path = view.path
        if self._strip_prefixes:
            path = self._remove_prefix(path)
        hit = self._matcher.match(method, path)
        if hit is None:
            route = self._not_found_route
            params: Dict[str, str] = {}
            self._missed = (method, path)
        else:
            route, params = hit
        try:
            if self._middlewares or route.middlewares:
                self._context["_route_args"] = params
                result = (route.chain or self._chain(route))(self)
            else:
                result = route.func(**params)
            response = self._to_response(result, route.status_code)
        except Exception as exc:
            response = self._handle_exception(exc)
        return self._build(view, response, route)

    def _chain(self, route: Route) -> Callable[[Any], Any]:
        """Build (once per route) the middleware chain: app middlewares, then route middlewares, then the route."""
        chain: Callable[[Any], Any] = _CallRoute(route)
        for middleware in reversed([*self._middlewares, *route.middlewares]):
            chain = _Next(middleware, chain)
        route.chain = chain
        return chain

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

    def _answer_not_found(self) -> Response:
        """The not-found route: a CORS pre-flight answer, the app's ``not_found`` handler, or a 404."""
        method, path = self._missed
        if self._cors_enabled and method == "OPTIONS":
            methods = ",".join(sorted(self._cors_methods_for(path)))
            return Response(204, None, "", {"Access-Control-Allow-Methods": methods})
        return self._handle_exception(NotFoundError())

    def _cors_methods_for(self, path: str) -> Set[str]:
        """The methods a pre-flight may allow: those of ``path`` whose winning route has CORS enabled, or, for a
        path without any, every CORS-enabled method of the app (COMPAT: Powertools answers 204 for any path)."""
        methods = {"OPTIONS"}
        for method in self._matcher.methods_for(path):
            hit = self._matcher.match(method, path)
            if hit is not None and hit[0].cors:
                methods.add(method)
        if len(methods) == 1:
            methods.update(route.method for route in self._routes if route.cors)
        return methods

    def _handle_exception(self, exc: Exception) -> Response:
        """A response for ``exc`` from a registered handler or the ServiceError rule; re-raises otherwise."""
        handler = self._lookup_exception_handler(type(exc))
        if handler is not None:
            try:
                return self._to_response(handler(exc))
            except ServiceError as service_error:
                exc = service_error
        if isinstance(exc, ServiceError):
            body = self._serializer({"statusCode": exc.status_code, "message": exc.msg})
            return Response(exc.status_code, content_types.APPLICATION_JSON, body)
        if self._debug:
            import traceback  # PERF: debug mode only; it costs a millisecond of cold start

            return Response(500, content_types.TEXT_PLAIN, "".join(traceback.format_exception(exc)))
        raise exc

    def _lookup_exception_handler(self, exc_class: type) -> Optional[Callable[[Exception], Any]]:
        if not self._exception_handlers:
            return None
        for cls in exc_class.__mro__:
            handler = self._exception_handlers.get(cls)
            if handler is not None:
                return handler
        return None

    def _to_response(self, result: Any, status: int = 200) -> Response:
        if isinstance(result, Response):
            return result
        if isinstance(result, tuple) and len(result) == 2:
            result, status = result
        return Response(status, content_types.APPLICATION_JSON, result)

    def _build(self, view: BaseProxyEvent, response: Response, route: Route) -> Dict[str, Any]:
        headers = response.headers
        status = response.status_code
        headers_only_cors = None
        if route.cors:
            origin = view.get_header_value("origin") or None  # an empty Origin is no Origin
            cors_headers = (self._cors or _DEFAULT_CORS).headers_for(origin)
            if cors_headers:
                if origin is None and self._layout == "REST":
                    # COMPAT: without an Origin the seed page's CORS headers go in `headers` only. Clients get them
                    # (API Gateway merges the two maps), and `multiValueHeaders` stays as Powertools v3 has it.
                    headers_only_cors = cors_headers
                else:
                    _add_cors(headers, cors_headers)
        if route.cache_control:
            headers["Cache-Control"] = route.cache_control if status == 200 else "no-cache"
        compress = route.compress if response.compress is None else response.compress
        if compress:
            # Several Accept-Encoding lines form one comma-separated list (RFC 9110, 5.3).
            compress = self._encoder.accepts_gzip(", ".join(view.headers.get_all("accept-encoding")))

        body = response.body
        if body is None and self._layout == "ALB":
            body = ""  # ALB turns a null body into a 502; COMPAT: blanked before serializing, as Powertools
        elif not isinstance(body, (str, bytes)) and response.is_json():
            body = self._serializer(body)  # a JSON None is "null", as Powertools sends it
        text, is_base64, gzipped = self._encoder.encode_body(body, compress)
        if gzipped:
            headers["Content-Encoding"] = "gzip"
        response.base64_encoded = is_base64

        cookies = [str(cookie) for cookie in response.cookies] if response.cookies else []
        result: Dict[str, Any] = {"statusCode": status}
        if self._layout == "REST":
            result.update(self._headers.serialize(headers, cookies, self._headers.REST))
            if headers_only_cors:
                _add_cors(result["headers"], headers_only_cors)
        elif self._layout == "HTTP":
            result.update(self._headers.serialize(headers, cookies, self._headers.HTTP))
        else:
            multi = view.raw_event.get("multiValueHeaders") is not None
            layout = self._headers.ALB_MULTI if multi else self._headers.ALB_SINGLE
            result.update(self._headers.serialize(headers, cookies, layout))
            result["statusDescription"] = f"{status} {_reason(int(status))}"
        result["body"] = text
        result["isBase64Encoded"] = is_base64
        return result


class APIGatewayRestResolver(ApiGatewayResolver):
    """Resolver for API Gateway REST APIs (and HTTP API payload 1.0). Trailing slashes are ignored: ``/orders/``
    matches the rule ``/orders``."""

    _default_proxy_type = ProxyEventType.APIGatewayProxyEvent
    _ignore_trailing_slash = True

    def __init__(
        self,
        cors: Optional[CORSConfig] = None,
        debug: Optional[bool] = None,
        serializer: Optional[Callable[[Any], str]] = None,
        strip_prefixes: Optional[List[Union[str, Pattern[str]]]] = None,
    ) -> None:
        super().__init__(None, cors, debug, serializer, strip_prefixes)


class APIGatewayHttpResolver(APIGatewayRestResolver):
    """Resolver for API Gateway HTTP APIs (payload 2.0)."""

    _default_proxy_type = ProxyEventType.APIGatewayProxyEventV2
    _ignore_trailing_slash = False


class ALBResolver(APIGatewayRestResolver):
    """Resolver for Application Load Balancer targets (single-value or multi-value headers, detected per request)."""

    _default_proxy_type = ProxyEventType.ALBEvent
    _ignore_trailing_slash = False


class LambdaFunctionUrlResolver(APIGatewayRestResolver):
    """Resolver for Lambda Function URLs (payload 2.0)."""

    _default_proxy_type = ProxyEventType.LambdaFunctionUrlEvent
    _ignore_trailing_slash = False


_DEFAULT_CORS = CORSConfig()
_PLAIN_ROUTE = Route("*", "*", lambda: None, False, False, None)


class ResponseBuilder:
    """Builds the integration's response dict for a ``Response`` outside an app (as Powertools' class of that
    name): ``ResponseBuilder(response).build(event_view)``. The format follows the event view's class; a
    ``route`` (``Route``) adds its CORS, cache-control and compression settings."""

    def __init__(
        self, response: Response, serializer: Optional[Callable[[Any], str]] = None, route: Optional[Route] = None
    ) -> None:
        self.response = response
        self.serializer = serializer
        self.route = route

    def build(self, event: BaseProxyEvent, cors: Optional[CORSConfig] = None) -> Dict[str, Any]:
        proxy_type = next(kind for kind, (view, _) in _FORMATS.items() if type(event) is view)
        app = ApiGatewayResolver(proxy_type=proxy_type, cors=cors, serializer=self.serializer)
        return app._build(event, self.response, self.route or _PLAIN_ROUTE)


class _Next:
    """One link of a middleware chain: ``link(app)`` runs ``middleware(app, next_link)``."""

    __slots__ = ("middleware", "next_link")

    def __init__(self, middleware: Callable[..., Any], next_link: Callable[[Any], Any]) -> None:
        self.middleware = middleware
        self.next_link = next_link

    @property
    def __name__(self) -> str:
        return getattr(self.middleware, "__name__", type(self.middleware).__name__)

    def __call__(self, app: Any) -> Any:
        return self.middleware(app, self.next_link)


class _CallRoute:
    """The end of a middleware chain: calls the route with its path parameters, always returns a ``Response``."""

    __slots__ = ("route",)

    def __init__(self, route: Route) -> None:
        self.route = route

    @property
    def __name__(self) -> str:
        return getattr(self.route.func, "__name__", "route")

    def __call__(self, app: "ApiGatewayResolver") -> Response:
        return app._to_response(self.route.func(**app.context.get("_route_args", {})), self.route.status_code)


def _reason(status: int) -> str:
    """The reason phrase of an HTTP status, for ALB's ``statusDescription``."""
    if not _REASONS:
        from http import HTTPStatus  # PERF: imported on the first ALB response, not at cold start

        _REASONS.update((item.value, item.phrase) for item in HTTPStatus)
    return _REASONS.get(status, "Unknown")


def _add_cors(headers: Dict[str, Any], cors_headers: Dict[str, str]) -> None:
    """Add CORS headers to response headers; ``Vary: Origin`` joins a ``Vary`` the handler set."""
    vary = headers.get("Vary")
    headers.update(cors_headers)
    if vary and "Vary" in cors_headers:
        headers["Vary"] = _merge_vary(vary, cors_headers["Vary"])


def _merge_vary(existing: Any, extra: str) -> str:
    existing_text = ", ".join(existing) if isinstance(existing, list) else str(existing)
    names = [name.strip().lower() for name in existing_text.split(",")]
    return existing_text if extra.lower() in names else f"{existing_text}, {extra}"


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
]

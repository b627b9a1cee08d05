"""Call plans for handlers that need more than their path parameters: ``Request`` and ``Depends()`` injection.

Loaded only when an app has such a handler (or validation on). Everything a plan needs is read from the
handler's signature once, when the route is registered (``inspect`` and ``typing`` are used here, at registration,
never per request). A plan is ``plan(app, params) -> result`` and replaces ``func(**params)`` (see
``Route.invoke``); a handler that needs nothing gets no plan and keeps the plain call.

The same analysis serves middlewares: a function middleware may declare, after ``(app, next_middleware)``,
parameters annotated ``Request`` or declared with ``Depends()``; they are passed as keyword arguments.
"""

from __future__ import annotations

import inspect
import re
import types
import typing
import weakref
from typing import Annotated, Any, Callable, Dict, List, Optional, Sequence, Tuple, Union

from ._callables import is_async, may_inject
from .depends import DependencyResolutionError, Depends
from .request import Request
from .resolver import _callable_name as callable_name

if typing.TYPE_CHECKING:
    from .resolver import ApiGatewayResolver, Route

EMPTY = inspect.Parameter.empty
_VARIADIC = (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
#: Key of the per-request dependency cache in ``app.context`` (shared by middlewares and the handler, as in
#: Powertools; the context is emptied after each request).
DEPENDENCY_CACHE_KEY = "_dependency_cache"
_MISSING = object()
#: what ``typing.get_origin`` gives for ``Union[X, Y]``/``Optional[X]`` and for ``X | Y``
UNION_ORIGINS: Tuple[Any, ...] = (Union, types.UnionType)


class HandlerParam:
    """One parameter of a handler or dependency, as read at registration."""

    __slots__ = ("name", "kind", "annotation", "default", "depends", "is_request")

    def __init__(self, name: str, kind: Any, annotation: Any, default: Any) -> None:
        self.name = name
        self.kind = kind
        self.annotation = annotation  # resolved (``typing.get_type_hints``), ``EMPTY`` when there is none
        self.default = default  # ``EMPTY`` when there is none
        self.is_request = unwrap_optional(annotation) is Request
        self.depends = None if self.is_request else depends_of(annotation, default)

    @property
    def required(self) -> bool:
        return self.default is EMPTY

    @property
    def injected(self) -> bool:
        return self.is_request or self.depends is not None


class Signature:
    """A callable's parameters (without ``*args``/``**kwargs``), return annotation and kind, read once."""

    __slots__ = ("params", "return_annotation", "var_keyword", "is_async")

    def __init__(self, params: List[HandlerParam], return_annotation: Any, var_keyword: bool, is_async: bool) -> None:
        self.params = params
        self.return_annotation = return_annotation
        self.var_keyword = var_keyword
        self.is_async = is_async

    @property
    def request_param(self) -> Optional[str]:
        """The first parameter annotated ``Request`` (Powertools injects one)."""
        return next((param.name for param in self.params if param.is_request), None)


def unwrap_optional(annotation: Any) -> Any:
    """``X`` for ``Optional[X]``/``X | None`` (Python 3.10 wraps ``= None`` parameters in it), else itself."""
    if typing.get_origin(annotation) in UNION_ORIGINS:
        args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def depends_of(annotation: Any, default: Any) -> Optional[Depends]:
    """The ``Depends`` of ``Annotated[T, Depends(f)]`` or of a ``= Depends(f)`` default, if any."""
    annotation = unwrap_optional(annotation)
    if typing.get_origin(annotation) is Annotated:
        for extra in annotation.__metadata__:
            if isinstance(extra, Depends):
                return extra
    return default if isinstance(default, Depends) else None


def read_signature(func: Callable[..., Any], where: str) -> Signature:
    """The parameters of ``func`` with their annotations resolved (string annotations included)."""
    try:
        signature = inspect.signature(func)
    except (TypeError, ValueError):  # a builtin without a signature: nothing to inject
        return Signature([], EMPTY, True, False)
    hints = _type_hints(func, signature, where)
    params = []
    var_keyword = False
    for param in signature.parameters.values():
        if param.kind in _VARIADIC:
            var_keyword = var_keyword or param.kind is inspect.Parameter.VAR_KEYWORD
            continue
        params.append(HandlerParam(param.name, param.kind, hints.get(param.name, param.annotation), param.default))
    return_annotation = hints.get("return", signature.return_annotation)
    return Signature(params, return_annotation, var_keyword, is_async(func))


def _hints_target(func: Any) -> Any:
    """What ``typing.get_type_hints`` reads for ``func``: the function behind a class, partial or callable object."""
    if inspect.isclass(func):
        return func.__init__
    if inspect.isfunction(func) or inspect.ismethod(func):
        return func
    inner = getattr(func, "func", None)  # functools.partial
    if inner is not None and callable(inner):
        return _hints_target(inner)
    return getattr(type(func), "__call__", func)


#: ``Request`` or ``Depends`` as a whole word of an annotation's text (``Request | None``, ``apigw.Request``,
#: ``Annotated[User, Depends(get_user)]``; not ``RequestBody``). Linear: no nested repetition.
_INJECTION_WORD = re.compile(r"\b(?:Request|Depends)\b")


def _type_hints(func: Any, signature: inspect.Signature, where: str) -> Dict[str, Any]:
    target = _hints_target(func)
    try:
        return typing.get_type_hints(target, include_extras=True)
    except Exception:  # an annotation naming something not importable at run time
        pass
    # One by one: annotations that do resolve still count (nested quoted names included); one that cannot be
    # resolved must not be one apigw would have acted on, or the handler would silently miss its injection.
    namespace = getattr(inspect.unwrap(target), "__globals__", {})
    hints: Dict[str, Any] = {}
    for param in signature.parameters.values():
        annotation = param.annotation
        if not isinstance(annotation, str):
            continue
        try:
            hints[param.name] = _resolve(annotation, namespace)
        except Exception as exc:
            if _INJECTION_WORD.search(annotation):
                raise TypeError(
                    f"{where}: cannot resolve the annotation {annotation!r} of parameter {param.name!r} "
                    f"({type(exc).__name__}: {exc}). apigw must resolve it to inject the Request or a Depends() "
                    "dependency: import what it names at module level, not only under 'if TYPE_CHECKING:' (e.g. "
                    "'from apigw import Depends, Request'), and define dependencies at module level too"
                ) from None
    return hints


def _resolve(annotation: str, namespace: Dict[str, Any]) -> Any:
    """One annotation's text as ``typing.get_type_hints`` resolves it (quoted names inside it too)."""

    def holder() -> None:
        pass

    holder.__annotations__ = {"value": annotation}
    return typing.get_type_hints(holder, globalns=namespace, include_extras=True)["value"]


# -- dependency trees ---------------------------------------------------------------------------------------------


class Dependency:
    """One ``Depends()`` of a parameter: what to call, and the dependencies and request its call needs."""

    __slots__ = ("param", "call", "use_cache", "request_param", "sub")

    def __init__(
        self, param: str, call: Callable[..., Any], use_cache: bool, request_param: Optional[str], sub: Tuple[Any, ...]
    ) -> None:
        self.param = param
        self.call = call
        self.use_cache = use_cache
        self.request_param = request_param
        self.sub: Tuple[Dependency, ...] = sub


def dependency_tree(params: Sequence[HandlerParam], where: str, stack: Tuple[Any, ...] = ()) -> Tuple[Dependency, ...]:
    """The ``Depends()`` parameters among ``params``, each with its own dependencies, checked now: a dependency's
    parameter apigw cannot provide is refused here rather than failing on every request."""
    nodes = []
    for param in params:
        if param.depends is None:
            continue
        call = param.depends.dependency
        if any(call is seen for seen in stack):
            chain = " -> ".join(callable_name(one) for one in (*stack, call))
            raise TypeError(f"{where}: dependency cycle {chain}")
        request_param, sub = _dependency_plan(call, where, (*stack, call))
        nodes.append(Dependency(param.name, call, param.depends.use_cache, request_param, sub))
    return tuple(nodes)


def _dependency_plan(
    call: Callable[..., Any], where: str, stack: Tuple[Any, ...] = ()
) -> Tuple[Optional[str], Tuple[Dependency, ...]]:
    """How to call one dependency: its ``Request`` parameter and its own dependencies."""
    signature = read_signature(call, where)
    for param in signature.params:
        if param.required and not param.injected:
            raise TypeError(
                f"{where}: dependency {callable_name(call)} requires {param.name!r}, which apigw cannot provide: a "
                "dependency's parameters are other dependencies (Depends(...)), the Request (annotate it Request), "
                "or have a default"
            )
    return signature.request_param, dependency_tree(signature.params, where, stack)


# Plans of ``dependency_overrides`` replacements: built on first use (tests set overrides after registration).
_OVERRIDE_PLANS: "weakref.WeakKeyDictionary[Any, Tuple[Optional[str], Tuple[Dependency, ...]]]" = (
    weakref.WeakKeyDictionary()
)


def _override_plan(call: Callable[..., Any]) -> Tuple[Optional[str], Tuple[Dependency, ...]]:
    try:
        return _OVERRIDE_PLANS[call]
    except (KeyError, TypeError):
        pass
    plan = _dependency_plan(call, f"dependency_overrides[...] = {callable_name(call)}")
    try:
        _OVERRIDE_PLANS[call] = plan
    except TypeError:  # not weak-referenceable: analysed again next time
        pass
    return plan


def solve(nodes: Tuple[Dependency, ...], app: ApiGatewayResolver, cache: Dict[Any, Any]) -> Dict[str, Any]:
    """The values of ``nodes`` for the current request, depth first, each dependency called once per request
    unless it opted out of the cache."""
    overrides = app.dependency_overrides
    values: Dict[str, Any] = {}
    for node in nodes:
        call, request_param, sub = node.call, node.request_param, node.sub
        if overrides:
            replacement = overrides.get(call)
            if replacement is not None:
                call = replacement
                request_param, sub = _override_plan(replacement)
        if node.use_cache:
            try:
                value = cache.get(call, _MISSING)
            except TypeError:  # an unhashable callable object: never cached
                value = _MISSING
            if value is not _MISSING:
                values[node.param] = value
                continue
        kwargs = solve(sub, app, cache) if sub else {}
        if request_param is not None:
            kwargs[request_param] = app.request
        try:
            value = call(**kwargs)
        except Exception as exc:
            name = getattr(call, "__name__", None) or repr(call)
            raise DependencyResolutionError(
                f"Failed to resolve dependency '{name}' for parameter '{node.param}': {exc}"
            ) from exc
        if node.use_cache:
            try:
                cache[call] = value
            except TypeError:
                pass
        values[node.param] = value
    return values


def request_cache(app: ApiGatewayResolver) -> Dict[Any, Any]:
    """This request's dependency cache: the one middlewares started, else a new one."""
    context = app._request_context.get()
    cache = context.get(DEPENDENCY_CACHE_KEY) if context else None
    return {} if cache is None else cache


def inject(
    kwargs: Dict[str, Any],
    app: ApiGatewayResolver,
    request_param: Optional[str],
    dependencies: Tuple[Dependency, ...],
    middleware: bool = False,
) -> Dict[str, Any]:
    """``kwargs`` with the ``Request`` and the dependency values a handler (or ``middleware``) asks for added.
    A middleware starts the request's dependency cache in ``app.context``, for the handler to share."""
    if request_param is not None:
        kwargs[request_param] = app.request
    if dependencies:
        cache = app.context.setdefault(DEPENDENCY_CACHE_KEY, {}) if middleware else request_cache(app)
        kwargs.update(solve(dependencies, app, cache))
    return kwargs


# -- plans ---------------------------------------------------------------------------------------------------------


class InjectingCall:
    """``func(**params, request=..., dependency values...)``: the plan of a handler taking ``Request`` or
    ``Depends()`` parameters (validation off)."""

    __slots__ = ("func", "request_param", "dependencies")

    def __init__(self, func: Callable[..., Any], request_param: Optional[str], dependencies: Tuple[Dependency, ...]):
        self.func = func
        self.request_param = request_param
        self.dependencies = dependencies

    def __call__(self, app: ApiGatewayResolver, params: Dict[str, Any]) -> Any:
        # An ``async def`` handler gives the coroutine, which resolve_async awaits.
        return self.func(**inject(dict(params), app, self.request_param, self.dependencies))


def route_where(route: Route) -> str:
    return f"{route.method} {route.rule!r} (handler {route.handler_name})"


def build_plan(
    app: ApiGatewayResolver, route: Route, placeholders: Tuple[str, ...], validation: bool
) -> Optional[Callable[[Any, Dict[str, Any]], Any]]:
    """The call plan of ``route``'s handler, or ``None`` when ``func(**params)`` is all it needs."""
    where = route_where(route)
    signature = read_signature(route.func, where)
    if validation:
        from .openapi._validation import validated_plan  # pydantic: only apps that turned validation on

        return validated_plan(app, route, signature, placeholders)
    dependencies = dependency_tree(signature.params, where)
    request_param = signature.request_param
    if request_param is None and not dependencies:
        return None
    return InjectingCall(route.func, request_param, dependencies)


# -- middlewares ----------------------------------------------------------------------------------------------------


class InjectingMiddleware:
    """A function middleware with ``Request``/``Depends()`` parameters after ``(app, next_middleware)``."""

    __slots__ = ("middleware", "request_param", "dependencies", "__name__")

    def __init__(
        self, middleware: Callable[..., Any], request_param: Optional[str], dependencies: Tuple[Dependency, ...]
    ):
        self.middleware = middleware
        self.request_param = request_param
        self.dependencies = dependencies
        self.__name__ = getattr(middleware, "__name__", type(middleware).__name__)

    def __call__(self, app: ApiGatewayResolver, next_middleware: Callable[..., Any]) -> Any:
        extra = inject({}, app, self.request_param, self.dependencies, middleware=True)
        return self.middleware(app, next_middleware, **extra)


_MIDDLEWARE_PLANS: "weakref.WeakKeyDictionary[Any, Any]" = weakref.WeakKeyDictionary()


def prepare_middleware(middleware: Callable[..., Any]) -> Callable[..., Any]:
    """``middleware`` itself, or a wrapper passing it the ``Request``/dependencies it declares."""
    if not may_inject(middleware):  # (app, next_middleware) only: nothing to do
        return middleware
    try:
        return _MIDDLEWARE_PLANS[middleware]  # type: ignore[no-any-return]
    except (KeyError, TypeError):
        pass
    where = f"middleware {callable_name(middleware)}"
    signature = read_signature(middleware, where)
    extra = signature.params[2:]
    dependencies = dependency_tree(extra, where)
    request_param = next((param.name for param in extra if param.is_request), None)
    prepared: Callable[..., Any] = middleware
    if request_param is not None or dependencies:
        prepared = InjectingMiddleware(middleware, request_param, dependencies)
    try:
        _MIDDLEWARE_PLANS[middleware] = prepared
    except TypeError:
        pass
    return prepared


def chain_middlewares(
    route: Route, middlewares: List[Callable[..., Any]], asynchronous: bool = False
) -> List[Callable[..., Any]]:
    """The middlewares of ``route``'s chain: a validated route's request validation first (it runs before the
    user's middlewares, as in Powertools), then each middleware, wrapped when it asks for injection.
    ``asynchronous``: the chain of ``resolve_async`` (request validation as an ``async`` link)."""
    first = getattr(route.invoke, "async_first_middleware" if asynchronous else "first_middleware", None)
    prepared = [prepare_middleware(middleware) for middleware in middlewares]
    return [first, *prepared] if first is not None else prepared

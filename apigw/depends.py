"""``Depends()``: values a handler declares it needs, computed for it before each call.

::

    def get_tenant(request: Request) -> str:
        return request.headers.get("x-tenant", "public")

    def get_table(tenant: Annotated[str, Depends(get_tenant)]) -> Table:
        return Table(f"orders-{tenant}")

    @app.get("/orders")
    def list_orders(table: Annotated[Table, Depends(get_table)]):   # or: table: Table = Depends(get_table)
        return table.scan()

A dependency is any callable. Its own parameters may be dependencies too (a tree, resolved depth first) or be
annotated ``Request`` (the request being resolved). Within one request each dependency runs once and its value is
shared by everyone that asks for it (``use_cache=False`` runs it for each use); nothing is kept between requests.
Dependencies are synchronous, also for ``async def`` handlers.

``app.dependency_overrides[get_table] = lambda: FakeTable()`` replaces a dependency (for tests); the replacement's
own parameters are resolved as a dependency's are.

An exception raised by a dependency reaches the app as ``DependencyResolutionError`` (naming the dependency and the
parameter), caused by the original. The app's exception handling then treats the original exception as if the
handler had raised it: a ``ServiceError`` such as ``UnauthorizedError`` becomes its response, an exception handler
registered for its class answers. Only when nothing handles it does the ``DependencyResolutionError`` propagate,
unless a handler is registered for ``DependencyResolutionError`` itself, which then gets it.

Everything about a handler's dependencies is worked out once, when the route is registered.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

__all__ = ["DependencyResolutionError", "Depends"]


class DependencyResolutionError(Exception):
    """A dependency could not be resolved: it raised (the original exception is ``__cause__``), or it is not a
    callable."""


class Depends:
    """Declares that a parameter's value is what ``dependency()`` returns for the current request.

    ``use_cache=True`` (the default) calls the dependency once per request however many parameters ask for it.
    """

    __slots__ = ("dependency", "use_cache")

    def __init__(self, dependency: Callable[..., Any], *, use_cache: bool = True) -> None:
        if not callable(dependency):
            raise DependencyResolutionError(
                f"Depends() requires a callable, got {type(dependency).__name__}: {dependency!r}"
            )
        self.dependency = dependency
        self.use_cache = use_cache

    def __repr__(self) -> str:
        name = getattr(self.dependency, "__qualname__", None) or repr(self.dependency)
        return f"Depends({name}{'' if self.use_cache else ', use_cache=False'})"

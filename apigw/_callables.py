"""What the router needs to know about a callable, told without ``inspect`` where it can be (this module is loaded
on the request path, so it imports nothing when loaded)."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def may_inject(middleware: Any) -> bool:
    """Whether ``middleware`` may declare parameters apigw injects (``Request``, ``Depends()``) after
    ``(app, next_middleware)``: a function taking more than those two. Callable objects get only the two.

    PERF: a code-object test, so that chains of plain middlewares never load ``apigw._injection`` (with
    ``inspect`` and ``typing``); ``_injection.prepare_middleware`` reads the signature of those it accepts only.
    """
    code = getattr(middleware, "__code__", None)
    return code is not None and code.co_argcount + code.co_kwonlyargcount > 2


def is_async(func: Any) -> bool:
    """Whether calling ``func`` gives a coroutine: an ``async def`` function or method (also behind
    ``functools.partial``), or a callable object whose ``__call__`` is one. Not a class: calling it makes an
    instance, whatever its ``__call__`` is."""
    # Those who ask (resolve_async, the injection analysis) have loaded inspect already.
    from inspect import isclass, iscoroutinefunction, isfunction

    if iscoroutinefunction(func):
        return True
    return not isfunction(func) and not isclass(func) and iscoroutinefunction(getattr(func, "__call__", None))

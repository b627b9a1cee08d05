"""Run-time stand-ins for the ``typing`` constructs apigw's public classes are declared with.

PERF: ``typing`` is not loaded by the Lambda runtime before the handler module (``json``, ``re``, ``enum`` are),
and importing it costs a cold start milliseconds. Type checkers read the real ``typing`` (``if TYPE_CHECKING``
branches); at run time ``Generic[T]`` is a plain base whose subclasses stay subscriptable (``Response[Todo]`` is a
``types.GenericAlias``, which ``typing.get_origin``/``get_args`` understand), ``Protocol`` is ``object`` and
``overload`` keeps the implementation.
"""

from types import GenericAlias


class GenericBase:
    """What a class declared ``Generic[T]`` derives from at run time: subscriptable, nothing else."""

    __slots__ = ()
    __class_getitem__ = classmethod(GenericAlias)  # type: ignore[var-annotated]


class Generic:
    """``Generic[T]`` at run time: the plain ``GenericBase``."""

    def __class_getitem__(cls, params: object) -> type:
        return GenericBase


Protocol = object


def overload(func: object) -> object:
    """``typing.overload`` at run time: the last definition (the implementation) is the one kept."""
    return func

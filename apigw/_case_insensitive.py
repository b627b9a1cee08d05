"""``CaseInsensitiveDict``, the type of the multi-value and "resolved" header maps of the event views, in a module
of its own: PERF, built only when such a map is read (``multi_value_headers``, ``resolved_headers_field``), so a
cold start does not pay for it. Import it from ``apigw.events``.
"""

from __future__ import annotations

from collections.abc import Mapping

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, Iterable, Tuple, Union

    _AnyDict = Dict[str, Any]
else:
    _AnyDict = dict

__all__ = ["CaseInsensitiveDict", "split_values"]


class CaseInsensitiveDict(_AnyDict):
    """A ``dict`` whose string keys are stored lowercased, so every lookup ignores their letter case.

    The type of the multi-value and "resolved" header maps (``multi_value_headers``, ``resolved_headers_field``),
    as in Powertools. They are built when read; the hot ``headers`` property is the lazy ``Headers`` view instead.

    >>> d = CaseInsensitiveDict({"Content-Type": "text/plain"}, X_Id="1")
    >>> d["CONTENT-TYPE"], "x_id" in d, d == {"content-type": "text/plain", "X_ID": "1"}
    ('text/plain', True, True)
    """

    __slots__ = ()

    def __init__(self, data: Union[Mapping[str, Any], Iterable[Tuple[str, Any]], None] = None, **kwargs: Any) -> None:
        super().__init__()
        self.update(data, **kwargs)

    def __getitem__(self, key: str) -> Any:
        return super().__getitem__(key.lower())

    def __setitem__(self, key: str, value: Any) -> None:
        super().__setitem__(key.lower(), value)

    def __delitem__(self, key: str) -> None:
        super().__delitem__(key.lower())

    def __contains__(self, key: object) -> bool:
        return super().__contains__(key.lower() if isinstance(key, str) else key)

    def get(self, key: str, default: Any = None) -> Any:
        return super().get(key.lower(), default)

    def pop(self, key: str, *default: Any) -> Any:
        return super().pop(key.lower(), *default)

    def setdefault(self, key: str, default: Any = None) -> Any:
        return super().setdefault(key.lower(), default)

    def update(  # type: ignore[override]
        self, data: Union[Mapping[str, Any], Iterable[Tuple[str, Any]], None] = None, **kwargs: Any
    ) -> None:
        if data is not None:
            items = data.items() if isinstance(data, Mapping) else data
            super().update((key.lower(), value) for key, value in items)
        if kwargs:
            super().update((key.lower(), value) for key, value in kwargs.items())

    def copy(self) -> CaseInsensitiveDict:
        return CaseInsensitiveDict(self)

    def __or__(self, other: object) -> Any:
        if not isinstance(other, Mapping):
            return NotImplemented
        merged = self.copy()
        merged.update(other)
        return merged

    def __ror__(self, other: object) -> Any:
        if not isinstance(other, Mapping):
            return NotImplemented
        merged = CaseInsensitiveDict(other)
        merged.update(self)
        return merged

    def __ior__(self, other: Any) -> CaseInsensitiveDict:  # type: ignore[override,misc]
        self.update(other)
        return self

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Mapping):
            return False
        if not isinstance(other, CaseInsensitiveDict):
            other = CaseInsensitiveDict(other)
        return dict.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:  # type: ignore[override]
        # COMPAT: hashable as in Powertools, as long as the values are (list values are not).
        return hash(frozenset(self.items()))


def split_values(headers: Mapping[str, Any]) -> CaseInsensitiveDict:
    """Header values joined with ``,`` (HTTP API, Function URL, Lattice v1) split back into lists."""
    return CaseInsensitiveDict(
        (name, value.split(",") if isinstance(value, str) and "," in value else value)
        for name, value in headers.items()
    )

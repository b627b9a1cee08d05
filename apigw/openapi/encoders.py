"""``jsonable_encoder``: any result a handler returns turned into JSON data (dicts, lists, str, numbers, bool, None).

With validation on, a JSON response without a return annotation goes through it (as in Powertools): pydantic
models are dumped in JSON mode with their aliases, dataclasses become dicts, ``datetime``/``date``/``time`` ISO
strings, ``Decimal`` an int (no fractional part) or a float, ``Enum`` its value, ``UUID``/paths/secrets strings,
sets/tuples/generators lists. Anything else goes to ``custom_serializer`` when given, else is read as
``dict(obj)`` or ``vars(obj)``; what cannot be read is a ``SerializationError``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import deque
from decimal import Decimal
from enum import Enum
from pathlib import PurePath
from re import Pattern
from types import GeneratorType
from typing import Any, Callable, Dict, Optional, Set, Union
from uuid import UUID

from pydantic import BaseModel
from pydantic.types import SecretBytes, SecretStr

from .exceptions import SerializationError

__all__ = ["jsonable_encoder"]

IncEx = Union[Set[int], Set[str], Dict[int, Any], Dict[str, Any]]

_JSON_SCALARS = (str, int, float, bool, type(None))


def _decimal(value: Decimal) -> Union[int, float]:
    # An integral Decimal stays an int, so that it reads back as the same number.
    exponent = value.as_tuple().exponent
    return int(value) if isinstance(exponent, int) and exponent >= 0 else float(value)


#: How values of these types become JSON data (exact type first, then subclasses in this order).
ENCODERS_BY_TYPE: Dict[type, Callable[[Any], Any]] = {
    bytes: lambda value: value.decode(),
    dt.datetime: lambda value: value.isoformat(),
    dt.date: lambda value: value.isoformat(),
    dt.time: lambda value: value.isoformat(),
    dt.timedelta: lambda value: value.total_seconds(),
    Decimal: _decimal,
    Enum: lambda value: value.value,
    PurePath: str,
    Pattern: lambda value: value.pattern,
    SecretBytes: str,
    SecretStr: str,
    UUID: str,
}
_SEQUENCES = (list, set, frozenset, GeneratorType, tuple, deque)


def jsonable_encoder(
    obj: Any,
    include: Optional[IncEx] = None,
    exclude: Optional[IncEx] = None,
    by_alias: bool = True,
    exclude_unset: bool = False,
    exclude_defaults: bool = False,
    exclude_none: bool = False,
    custom_serializer: Optional[Callable[[Any], Any]] = None,
) -> Any:
    """``obj`` as JSON data (see the module docstring); ``include``/``exclude`` pick keys of models and dicts."""
    if include is not None and not isinstance(include, (set, dict)):
        include = set(include)
    if exclude is not None and not isinstance(exclude, (set, dict)):
        exclude = set(exclude)
    try:
        return _encode(
            obj, include, exclude, by_alias, exclude_unset, exclude_defaults, exclude_none, custom_serializer
        )
    except ValueError as exc:
        raise SerializationError(
            f"Unable to serialize the object {obj!r} as it is not a supported type. Error details: {exc}"
        ) from exc


def _encode(
    obj: Any,
    include: Any,
    exclude: Any,
    by_alias: bool,
    exclude_unset: bool,
    exclude_defaults: bool,
    exclude_none: bool,
    custom: Optional[Callable[[Any], Any]],
) -> Any:
    kind = type(obj)
    if kind in _JSON_SCALARS:  # PERF: most values; no isinstance chain
        return obj
    if isinstance(obj, BaseModel):
        data = obj.model_dump(
            mode="json",
            include=include,
            exclude=exclude,
            by_alias=by_alias,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            exclude_none=exclude_none,
        )
        if isinstance(data, dict) and "__root__" in data:
            data = data["__root__"]
        return _encode(data, None, None, by_alias, False, exclude_defaults, exclude_none, None)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        data = dataclasses.asdict(obj)
        return _encode(data, include, exclude, by_alias, exclude_unset, exclude_defaults, exclude_none, custom)
    encoder = ENCODERS_BY_TYPE.get(kind)
    if encoder is not None:
        return encoder(obj)
    for base, encoder in ENCODERS_BY_TYPE.items():
        if isinstance(obj, base):
            return encoder(obj)
    if isinstance(obj, _JSON_SCALARS):  # subclasses of str, int, ...
        return obj
    if isinstance(obj, dict):
        keys = set(obj)
        if include is not None:
            keys &= set(include)
        if exclude is not None:
            keys -= set(exclude)
        encoded = {}
        for key, value in obj.items():
            if key not in keys or (value is None and exclude_none):
                continue
            if isinstance(key, str) and key.startswith("_sa"):  # COMPAT: SQLAlchemy instance state, as Powertools
                continue
            encoded_key = _encode(key, None, None, by_alias, exclude_unset, False, exclude_none, custom)
            encoded[encoded_key] = _encode(value, None, None, by_alias, exclude_unset, False, exclude_none, custom)
        return encoded
    if isinstance(obj, _SEQUENCES):
        return [
            _encode(item, include, exclude, by_alias, exclude_unset, exclude_defaults, exclude_none, custom)
            for item in obj
        ]
    if custom is not None:
        return custom(obj)
    try:
        data = dict(obj)
    except Exception as first:
        try:
            data = vars(obj)
        except Exception as second:
            raise ValueError([first, second]) from second
    return _encode(data, include, exclude, by_alias, exclude_unset, exclude_defaults, exclude_none, custom)

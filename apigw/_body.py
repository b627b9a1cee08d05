"""What both encoder twins share, one definition each: the JSON encoder (json's C encoder either way), the
``Accept-Encoding`` quality rule, and deterministic gzip."""

from __future__ import annotations

import json
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["dumps", "gzip_compress", "quality_above_zero"]


class CoroutineResultError(TypeError):
    """A result that is a coroutine: an ``async def`` handler or middleware resolved with ``resolve``."""


def _default(obj: Any) -> Any:
    # PERF: decimal and dataclasses are not imported for this (cold starts): an object can only be a Decimal if
    # the decimal module was imported by someone, and dataclass classes carry __dataclass_fields__. Pydantic models
    # are recognised by their model_dump method, so pydantic is never imported here.
    decimal = sys.modules.get("decimal")
    if decimal is not None and isinstance(obj, decimal.Decimal):
        return float("nan") if obj.is_nan() else str(obj)
    cls = type(obj)
    if hasattr(cls, "model_dump") and hasattr(cls, "model_fields"):
        return obj.model_dump(mode="json")  # COMPAT: pydantic v2 models, as Powertools 3.x serializes them
    if hasattr(cls, "__dataclass_fields__"):
        import dataclasses

        return dataclasses.asdict(obj)
    if hasattr(obj, "cr_await"):
        obj.close()  # never awaited: close it, so Python does not add a "never awaited" warning to this error
        raise CoroutineResultError("the result is a coroutine")
    raise TypeError(f"Object of type {cls.__name__} is not JSON serializable")


_ENCODER = json.JSONEncoder(separators=(",", ":"), default=_default)

# PERF: json.dumps(obj, separators=...) builds a JSONEncoder and then a C encoder on every call; this C encoder is
# built once. It skips the circular-reference bookkeeping (its shared state would go stale after an error), so a
# circular structure recurses until RecursionError, and then the checking encoder above says what is wrong.
try:
    from json.encoder import c_make_encoder, encode_basestring_ascii  # type: ignore[attr-defined]

    _FAST_ENCODE = c_make_encoder(None, _default, encode_basestring_ascii, None, ":", ",", False, False, True)
except (ImportError, TypeError):  # pragma: no cover - Pythons without json's C accelerator
    _FAST_ENCODE = None


def dumps(obj: Any) -> str:
    """Compact JSON for a handler's result, byte-identical to ``json.dumps(obj, separators=(",", ":"))``, with
    ``Decimal`` as a JSON string (``"1.5"``; a NaN ``Decimal`` as ``NaN``, as ``float("nan")`` is), dataclass
    instances and pydantic models as objects. Circular structures raise ``ValueError``.

    >>> from decimal import Decimal
    >>> dumps({"price": Decimal("1.50"), "tags": ["a"]})
    '{"price":"1.50","tags":["a"]}'
    """
    if _FAST_ENCODE is not None:
        try:
            return "".join(_FAST_ENCODE(obj, 0))
        except RecursionError:
            pass
    return _ENCODER.encode(obj)


def quality_above_zero(params: str) -> bool:
    """True unless the ``;``-separated parameters of an ``Accept-Encoding`` item hold a zero ``q``."""
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "q":
            # RFC 9110 qvalue: "0" or "0." followed by up to three digits means "not acceptable".
            value = value.strip()
            return not (value[:1] == "0" and value[1:2] in ("", ".") and value[2:].strip("0") == "")
    return True


# gzip member header (RFC 1952): magic, deflate, no flags, mtime 0, "max compression", OS 3 (Unix).
# NOTE: written by hand because zlib's own header names the OS it was built on (19 on macOS): this way a body
# compresses to the same bytes on a laptop as on Lambda.
_GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03"


def gzip_compress(data: bytes) -> bytes:
    """gzip at level 9, zero timestamp: the same body always compresses to the same bytes."""
    import zlib  # PERF: loaded by the first gzipped body, not at cold start

    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    deflated = compressor.compress(data) + compressor.flush()
    trailer = zlib.crc32(data).to_bytes(4, "little") + (len(data) & 0xFFFFFFFF).to_bytes(4, "little")
    return b"".join((_GZIP_HEADER, deflated, trailer))

"""Response body encoding, pure-Python twin of ``_encoder_c.pyx``.

- ``dumps``: compact JSON, byte-identical to ``json.dumps(obj, separators=(",", ":"))``, with ``Decimal`` written
  as a JSON string (``"1.5"``; a NaN ``Decimal`` as ``NaN``, as ``float("nan")`` is) and dataclass instances as
  objects. Circular structures raise ``ValueError``.
- ``accepts_gzip``: does an ``Accept-Encoding`` value allow gzip? ``q=0`` is a refusal, ``*`` a wildcard.
- ``encode_body``: a response body (``str``, ``bytes``, ``None``) to the text the integration carries, gzipped
  when asked for and allowed, base64 for bytes.
"""

from __future__ import annotations

import binascii
import json
import sys
import zlib
from typing import Any, Optional, Tuple

__all__ = ["accepts_gzip", "dumps", "encode_body", "gzip_compress"]


def _default(obj: Any) -> Any:
    # PERF: decimal and dataclasses are not imported for this (cold starts): an object can only be a Decimal if
    # the decimal module was imported by someone, and dataclass classes carry __dataclass_fields__.
    decimal = sys.modules.get("decimal")
    if decimal is not None and isinstance(obj, decimal.Decimal):
        return float("nan") if obj.is_nan() else str(obj)
    if hasattr(type(obj), "__dataclass_fields__"):
        import dataclasses

        return dataclasses.asdict(obj)
    raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")


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
    """Compact JSON for a handler's result, byte-identical to ``json.dumps(obj, separators=(",", ":"))``.

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


def accepts_gzip(accept_encoding: Optional[str]) -> bool:
    """True when the ``Accept-Encoding`` request header lets the response be gzipped.

    ``gzip`` (or ``x-gzip``) with a non-zero quality accepts; ``gzip;q=0`` refuses even if ``*`` is listed; a
    ``*`` with a non-zero quality accepts when gzip is not named. Names are case-insensitive.

    >>> accepts_gzip("gzip, deflate, br")
    True
    >>> accepts_gzip("gzip;q=0, *")
    False
    """
    if not accept_encoding:
        return False
    wildcard = False
    for item in accept_encoding.split(","):
        coding, _, params = item.partition(";")
        coding = coding.strip().lower()
        if coding == "gzip" or coding == "x-gzip":
            return _quality_above_zero(params)
        if coding == "*":
            wildcard = _quality_above_zero(params)
    return wildcard


def _quality_above_zero(params: str) -> bool:
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
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    deflated = compressor.compress(data) + compressor.flush()
    trailer = zlib.crc32(data).to_bytes(4, "little") + (len(data) & 0xFFFFFFFF).to_bytes(4, "little")
    return b"".join((_GZIP_HEADER, deflated, trailer))


def encode_body(body: Any, compress: bool) -> Tuple[Optional[str], bool, bool]:
    """``(text, is_base64, gzipped)`` for a response ``body``.

    ``str`` bodies stay text unless compressed; ``bytes`` (and ``bytearray``/``memoryview``) become base64;
    ``compress`` gzips the body (then base64). ``None`` stays ``None`` and is never compressed.

    >>> encode_body("hi", False)
    ('hi', False, False)
    >>> encode_body(b"\\x89PNG", False)
    ('iVBORw==', True, False)
    """
    if body is None:
        return None, False, False
    if isinstance(body, str):
        if not compress:
            return body, False, False
        data = body.encode("utf-8")
    elif isinstance(body, (bytes, bytearray, memoryview)):
        data = bytes(body)
    else:
        raise TypeError(f"a response body must be str, bytes or None, not {type(body).__name__}")
    if compress:
        data = gzip_compress(data)
    return binascii.b2a_base64(data, newline=False).decode("ascii"), True, bool(compress)

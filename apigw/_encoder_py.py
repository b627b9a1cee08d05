"""Response body encoding, pure-Python twin of ``_encoder_c.pyx``.

- ``dumps``: compact JSON (see ``apigw._body.dumps``, shared by both twins: it is json's C encoder either way).
- ``accepts_gzip``: does an ``Accept-Encoding`` value allow gzip? ``q=0`` is a refusal, ``*`` a wildcard.
- ``encode_body``: a response body (``str``, ``bytes``, ``None``) to the text the integration carries, gzipped
  when asked for and allowed, base64 for bytes.
- ``size_bound``: a cheap upper bound of a response dict's size as JSON, so that only responses that may be near
  an integration's limit are measured exactly.
"""

from __future__ import annotations

from ._body import dumps, gzip_compress, quality_above_zero

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, Optional, Tuple

__all__ = ["accepts_gzip", "dumps", "encode_body", "gzip_compress", "size_bound"]


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
            return quality_above_zero(params)
        if coding == "*":
            wildcard = quality_above_zero(params)
    return wildcard


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
    from binascii import b2a_base64  # PERF: loaded by the first binary or gzipped body, not at cold start

    return b2a_base64(data, newline=False).decode("ascii"), True, bool(compress)


def size_bound(result: Dict[str, Any]) -> int:
    """An upper bound of the bytes of ``result`` (a response dict) written as JSON, escaped or UTF-8.

    Each string counts 6 bytes a character when it is ASCII (``\\u0000`` is the longest escape), else 12 (an
    astral character escapes to a surrogate pair); every other value counts 32.

    >>> size_bound({"statusCode": 200, "body": "ok"}) >= len('{"statusCode": 200, "body": "ok"}')
    True
    """
    total = 2
    for key, value in result.items():
        total += _text_bound(key) + 4
        if isinstance(value, str):
            total += _text_bound(value)
        elif isinstance(value, dict):
            for name, item in value.items():
                total += _text_bound(name) + 4
                if isinstance(item, str):
                    total += _text_bound(item)
                elif isinstance(item, list):
                    for one in item:
                        total += _text_bound(one) + 2 if isinstance(one, str) else 32
                else:
                    total += 32
        elif isinstance(value, list):
            for one in value:
                total += _text_bound(one) + 2 if isinstance(one, str) else 32
        else:
            total += 32
    return total


def _text_bound(text: str) -> int:
    # PERF: str.isascii() is O(1) in CPython (the string knows its kind).
    return 6 * len(text) + 2 if text.isascii() else 12 * len(text) + 2

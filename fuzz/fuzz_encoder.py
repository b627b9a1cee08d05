"""Fuzz target: ``apigw._encoder_c`` against its pure twin ``apigw._encoder_py``.

    python fuzz/fuzz_encoder.py -runs=100000 -seed=1        # libFuzzer flags; or use fuzz/run.py
    python fuzz/fuzz_encoder.py crash-<sha1>                  # replay one input

Each input checks one function on fuzzed data:

- ``accepts_gzip(accept_encoding)``: ``None``, values built by the header's grammar with near misses (codings,
  ``;q=`` qualities such as ``0.000`` and ``0.0000``, spaces, empty items), token soups, and any text. Both twins
  must answer the same ``bool``.
- ``encode_body(body, compress)``: ``str`` (lone surrogates too), ``bytes``, ``bytearray``, ``memoryview`` (strided
  ones too), ``str``/``bytes`` subclasses, ``None`` and types a body cannot be (int, list, dict, ...), with
  ``compress`` true, false, or merely truthy or falsy. The same tuple (same types) or the same exception; and
  the text decodes (base64, gunzip) back to the body.
- ``size_bound(result)``: response dicts as the integrations build them (status, headers, multi-value headers,
  cookies, body; any text, astral characters, control characters) and odd ones (values of other types, nesting).
  Both twins must answer the same number, and where the contract applies (text keys; every value text, a dict of
  text to text or lists, or a list, with other values no longer than 32 characters as JSON) it must be at least
  ``len(json.dumps(result))`` with ``ensure_ascii`` true and the UTF-8 length with it false (how the Lambda runtime
  writes responses before and from python3.12).
- ``dumps(obj)`` (one shared definition, ``apigw._shared.dumps``): byte-identical to compact ``json.dumps``.
"""

from __future__ import annotations

import base64
import gzip
import json
import math
import warnings
from typing import Any, Dict

import atheris
from _inputs import Draw, TextSubclass, fail, outcome, run, same
from oracles import ENCODING_TOKENS

with atheris.instrument_imports(include=["apigw._encoder_py", "apigw._shared"]):
    from apigw import _encoder_c, _encoder_py

warnings.simplefilter("ignore")  # warnings are not outcomes

TEXT_ALPHABET = 'ab \t"\\/\x00\x1f\x7fé\u2028\U0001f600\ud800'


class BytesSubclass(bytes):
    pass


CODINGS = ["gzip", "x-gzip", "GZIP", "*", "br", "deflate", "identity", "", "gzip2", "xgzip", "g zip"]
PARAMS = ["q", "Q", " q ", "level", "q=1;q"]
QVALUES = ["0", "0.", "0.0", "0.000", "0.0000", "0.001", "00", "1", "1.0", "", " 0 ", "0.5", "-0", "O", "0\t"]
SPACES = ["", " ", "\t", "  "]


def draw_accept_encoding(draw: Draw) -> str:
    """``Accept-Encoding`` by its grammar, with near misses: codings, ``;q=`` qualities, spaces, empty items."""
    items = []
    for _ in range(draw.integer(1, 4)):
        item = draw.pick(SPACES) + draw.pick(CODINGS) + draw.pick(SPACES)
        for _ in range(draw.integer(0, 2)):
            item += ";" + draw.pick(SPACES) + draw.pick(PARAMS) + "=" + draw.pick(QVALUES)
        items.append(item)
    return ",".join(items)


def check_accepts_gzip(draw: Draw) -> None:
    choice = draw.integer(0, 9)
    if choice == 0:
        value = None
    elif choice <= 4:
        value = draw_accept_encoding(draw)
        value = TextSubclass(value) if draw.one_in(16) else value
    elif choice <= 6:
        value = draw.tokens(ENCODING_TOKENS, 12)
    elif choice <= 8:
        parts = range(draw.integer(0, 8))
        value = "".join(draw.pick(ENCODING_TOKENS) if draw.boolean() else draw.text(2) for _ in parts)
    else:
        value = draw.text(32)
    got = outcome(_encoder_c.accepts_gzip, value)
    expected = outcome(_encoder_py.accepts_gzip, value)
    same("accepts_gzip", got, expected, {"accept_encoding": value})


def draw_body(draw: Draw) -> Any:
    choice = draw.integer(0, 15)
    if choice <= 4:
        return draw.text(64)
    if choice <= 8:
        return draw.binary(64)
    if choice == 9:
        return None
    if choice == 10:
        return bytearray(draw.binary(32))
    if choice == 11:
        view = memoryview(draw.binary(32))
        return view[:: draw.integer(1, 3)] if draw.boolean() else view
    if choice == 12:
        return TextSubclass(draw.text(16)) if draw.boolean() else BytesSubclass(draw.binary(16))
    return draw.pick([0, 1, 2.5, True, [], ["a"], {}, {"a": 1}, ("a",), object, 10**30])


def check_encode_body(draw: Draw) -> None:
    body = draw_body(draw)
    compress = draw.boolean() if draw.integer(0, 7) else draw.pick([0, 1, None, "", "yes", 2, [], [0]])
    case = {"body": body, "compress": compress}
    got = outcome(_encoder_c.encode_body, body, compress)
    expected = outcome(_encoder_py.encode_body, body, compress)
    same("encode_body", got, expected, case)
    if expected[0] != "returned":
        return
    text, is_base64, gzipped = expected[1]
    if body is None:
        if (text, is_base64, gzipped) != (None, False, False):
            fail(f"encode_body(None, ...) returned {expected[1]!r}", case)
        return
    if not is_base64:
        if text is not body or gzipped:
            fail(f"encode_body kept text but returned {expected[1]!r}", case)
        return
    raw = body.encode("utf-8") if isinstance(body, str) else bytes(body)
    data = base64.b64decode(text, validate=True)
    if (gzip.decompress(data) if gzipped else data) != raw or gzipped is not bool(compress):
        fail(f"encode_body returned {expected[1]!r}, which does not decode to the body", case)


def draw_json_text(draw: Draw) -> str:
    choice = draw.integer(0, 15)
    if choice == 0:
        return TextSubclass(draw.text_from(TEXT_ALPHABET, 8))  # a StrEnum member as a header name or value
    return draw.text_from(TEXT_ALPHABET, 12) if choice <= 8 else draw.text(24)


def draw_headers(draw: Draw, multi: bool) -> Dict[str, Any]:
    headers: Dict[str, Any] = {}
    for _ in range(draw.integer(0, 5)):
        name = draw_json_text(draw)
        headers[name] = [draw_json_text(draw) for _ in range(draw.integer(0, 3))] if multi else draw_json_text(draw)
    return headers


ODD_VALUES = [
    0,
    -1,
    10**20,
    -(10**30),
    1.5,
    -2.2250738585072014e-308,
    math.inf,
    math.nan,
    True,
    False,
    None,
    (),
    ("a", "é"),
    [1, 2],
    {"a": {"b": "c"}},
    {"a": [1, "x"]},
    [None],
    {},
    [],
    10**40,
    "x" * 40,
]


def draw_response(draw: Draw) -> Dict[str, Any]:
    result: Dict[str, Any] = {}
    if draw.integer(0, 7):
        result["statusCode"] = draw.integer(100, 599)
    if draw.one_in(4):
        result["statusDescription"] = draw_json_text(draw) if draw.boolean() else draw.pick(["200 OK", "404 Not Found"])
    if draw.integer(0, 3):
        result["headers"] = draw_headers(draw, multi=False)
    if draw.boolean():
        result["multiValueHeaders"] = draw_headers(draw, multi=True)
    if draw.one_in(3):
        result["cookies"] = [draw_json_text(draw) for _ in range(draw.integer(0, 3))]
    if draw.integer(0, 7):
        result["body"] = draw.text(128) if draw.boolean() else draw_json_text(draw) * draw.integer(0, 8)
    else:
        result["body"] = None
    result["isBase64Encoded"] = draw.boolean()
    for _ in range(draw.integer(0, 2) if draw.one_in(3) else 0):  # odd shapes: extra keys of any type of value
        key = draw_json_text(draw) if draw.integer(0, 7) else draw.pick([1, None, b"k"])  # non-text keys fail alike
        if draw.boolean():
            result[key] = draw.pick(ODD_VALUES)
        else:
            name = draw_json_text(draw) if draw.integer(0, 7) else draw.pick([2, b"n"])
            result[key] = {name: draw.pick(ODD_VALUES + [[draw_json_text(draw), 3]])}
    if draw.one_in(8) and result:
        # reorder: the bound must not depend on key order
        keys = list(result)
        keys.insert(draw.integer(0, len(keys) - 1), keys.pop())
        result = {key: result[key] for key in keys}
    return result


def _short_scalar(value: Any) -> bool:
    """A value the bound counts as 32 bytes: true when it is not a container and its JSON is that short."""
    if isinstance(value, (dict, list, tuple)):
        return False
    try:
        return len(json.dumps(value)) <= 32
    except (TypeError, ValueError):
        return False


def _within_contract(result: Dict[str, Any]) -> bool:
    for key, value in result.items():
        if not isinstance(key, str):
            return False
        if isinstance(value, str) or _short_scalar(value):
            continue
        if isinstance(value, dict):
            for name, item in value.items():
                if not isinstance(name, str):
                    return False
                if isinstance(item, list):
                    if not all(isinstance(one, str) or _short_scalar(one) for one in item):
                        return False
                elif not (isinstance(item, str) or _short_scalar(item)):
                    return False
        elif isinstance(value, list):
            if not all(isinstance(one, str) or _short_scalar(one) for one in value):
                return False
        else:
            return False
    return True


def check_size_bound(draw: Draw) -> None:
    result = draw_response(draw)
    case = {"result": result}
    got = outcome(_encoder_c.size_bound, result)
    expected = outcome(_encoder_py.size_bound, result)
    same("size_bound", got, expected, case)
    if expected[0] != "returned" or not _within_contract(result):
        return
    bound = expected[1]
    escaped = len(json.dumps(result, ensure_ascii=True))
    # A lone surrogate cannot be UTF-8; the runtime would fail on it. surrogatepass counts it as 3 bytes.
    utf8 = len(json.dumps(result, ensure_ascii=False).encode("utf-8", "surrogatepass"))
    if bound < escaped or bound < utf8:
        fail(f"size_bound returned {bound}, but the JSON is {escaped} bytes escaped, {utf8} bytes as UTF-8", case)


def draw_json(draw: Draw, depth: int = 0) -> Any:
    choice = draw.integer(0, 8 if depth < 3 else 5)
    if choice == 0:
        return None
    if choice == 1:
        return draw.boolean()
    if choice == 2:
        return draw.integer(-(2**70), 2**70)
    if choice == 3:
        value = draw.number()
        return value if math.isfinite(value) else 0.5
    if choice <= 5:
        return draw_json_text(draw)
    if choice <= 7:
        return [draw_json(draw, depth + 1) for _ in range(draw.integer(0, 3))]
    return {draw_json_text(draw): draw_json(draw, depth + 1) for _ in range(draw.integer(0, 3))}


def check_dumps(draw: Draw) -> None:
    obj = draw_json(draw)
    got = outcome(_encoder_py.dumps, obj)
    expected = outcome(_compact_json, obj)
    same("dumps (against json.dumps)", got, expected, {"obj": obj})
    same("dumps", outcome(_encoder_c.dumps, obj), got, {"obj": obj})


def _compact_json(obj: Any) -> str:
    return json.dumps(obj, separators=(",", ":"))


def test_one_input(data: bytes) -> None:
    draw = Draw(data)
    choice = draw.integer(0, 9)
    if choice <= 2:
        check_accepts_gzip(draw)
    elif choice <= 5:
        check_encode_body(draw)
    elif choice <= 8:
        check_size_bound(draw)
    else:
        check_dumps(draw)


if __name__ == "__main__":
    run(test_one_input)

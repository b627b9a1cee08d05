"""Fuzz target: ``apigw._headers_c`` against its pure twin ``apigw._headers_py``.

    python fuzz/fuzz_headers.py -runs=100000 -seed=1        # libFuzzer flags; or use fuzz/run.py
    python fuzz/fuzz_headers.py crash-<sha1>                  # replay one input

Each input checks, on fuzzed data:

- ``get_header(headers, multi_value_headers, name, default)`` and ``get_header_values(...)``: request maps that are
  ``None``, empty, dicts, read-only mappings, or not mappings at all (a hostile event can hold a list or a string
  there), with keys in any letter case (including characters whose lowercase is another length, and the KELVIN
  SIGN, which lowers to ``k``), non-text keys, and values that are text, lists, ``None`` or other types. The
  compiled twin must return the very same object (``is``), or raise the same exception type and message.
- ``serialize(headers, cookies, layout)`` in every layout (and an unknown one): names and values with CR, LF and
  NUL (header injection, refused with ``InvalidResponseHeaderError``), empty and non-text names, values that are
  lists, tuples, ints, bools, floats, bytes, ``None``; cookies that are not text; up to 40 cookies (each needs its
  own ``Set-Cookie`` spelling in the ALB single-value layout). Results must be equal in types and dict key order.
"""

from __future__ import annotations

import types
import warnings
from typing import Any, Dict, List

import atheris
from _inputs import Draw, TextSubclass, outcome, run, same, strict

with atheris.instrument_imports(include=["apigw._headers_py", "apigw._shared", "apigw.exceptions"]):
    from apigw import _headers_c, _headers_py

warnings.simplefilter("ignore")  # str(b"...") under -b, and such: warnings are not outcomes

LAYOUTS = [
    _headers_py.SINGLE_AND_MULTI,
    _headers_py.JOINED_WITH_COOKIES,
    _headers_py.SINGLE,
    _headers_py.MULTI,
    _headers_py.JOINED_COOKIES_IN_MULTI,
]
NAMES = [
    "Content-Type",
    "content-type",
    "X-Id",
    "Accept",
    "Set-Cookie",
    "set-cookie",
    "SET-COOKIE",
    "Set-Coo\u212aie",
    "Accept-Encoding",
    "İd",
    "i̇d",
    "ß",
    "SS",
    "",
    " ",
    "x-other",
]
NAME_ALPHABET = "SsEeTt-CcOoKkIi\u212aİßxX_ \r\n\x00é"
TEXT_ALPHABET = "abAB ,;=1é\t\r\n\x00\x7f\u2028"
INJECTION = ["X-A\r\nB", "X\x00", "\n", "a\rb", "ok"]
DEFAULT = object()


def draw_name(draw: Draw) -> str:
    choice = draw.integer(0, 7)
    if choice <= 3:
        return draw.pick(NAMES)
    if choice <= 5:
        return "".join(char.upper() if draw.boolean() else char.lower() for char in draw.pick(NAMES))
    if choice == 6:
        return draw.text_from(NAME_ALPHABET, 8)
    return draw.text(8)


def draw_text(draw: Draw) -> str:
    choice = draw.integer(0, 3)
    if choice <= 1:
        return draw.text_from(TEXT_ALPHABET, 6)
    if choice == 2:
        return draw.text(8)
    return draw.pick(INJECTION)


# ---------------------------------------------------------------------------------------------------------------
# get_header, get_header_values
# ---------------------------------------------------------------------------------------------------------------


def draw_request_key(draw: Draw) -> Any:
    if draw.integer(0, 7):
        return draw_name(draw)
    return draw.pick([1, None, b"content-type", ("a",), 0.5, True])


def draw_request_value(draw: Draw) -> Any:
    choice = draw.integer(0, 7)
    if choice <= 2:
        return draw_text(draw)
    if choice <= 4:
        return [draw_text(draw) for _ in range(draw.integer(0, 3))]
    if choice == 5:
        return None
    return draw.pick([("a", "b"), 0, 7, b"x", {"a": "b"}, [], "", TextSubclass("sub")])


def draw_request_map(draw: Draw) -> Any:
    choice = draw.integer(0, 9)
    if choice == 0:
        return None
    if choice == 1:
        return {}
    if choice == 2:
        return draw.pick([["content-type"], "content-type", 1, ("a", "b"), b"x", True])  # not mappings
    mapping = {draw_request_key(draw): draw_request_value(draw) for _ in range(draw.integer(0, 6))}
    if choice == 3:
        return types.MappingProxyType(mapping)
    return mapping


def check_lookup(draw: Draw) -> None:
    headers = draw_request_map(draw)
    multi = draw_request_map(draw)
    name = draw_name(draw)
    default = draw.pick([None, "dflt", DEFAULT])
    case = {"headers": headers, "multi_value_headers": multi, "name": name, "default": default}

    got = outcome(_headers_c.get_header, headers, multi, name, default)
    expected = outcome(_headers_py.get_header, headers, multi, name, default)
    same("get_header", got, expected, case, compare=identical)

    got = outcome(_headers_c.get_header_values, headers, multi, name)
    expected = outcome(_headers_py.get_header_values, headers, multi, name)
    same("get_header_values", got, expected, case, compare=identical)


def identical(got: Any, expected: Any) -> bool:
    """Same exception, or the same object; a list of the same objects, in order."""
    if got[0] != expected[0]:
        return False
    if got[0] == "raised":
        return got == expected
    value, wanted = got[1], expected[1]
    if type(wanted) is list and wanted is not value:
        return type(value) is list and len(value) == len(wanted) and all(a is b for a, b in zip(value, wanted))
    return value is wanted


# ---------------------------------------------------------------------------------------------------------------
# serialize
# ---------------------------------------------------------------------------------------------------------------


def draw_response_name(draw: Draw) -> Any:
    choice = draw.integer(0, 11)
    if choice <= 8:
        return draw_name(draw)
    if choice == 9:
        return draw.pick(INJECTION)
    if choice == 10:
        return TextSubclass(draw_name(draw))
    return draw.pick([1, None, b"X-A", ("X",)])


def draw_item(draw: Draw) -> Any:
    if draw.integer(0, 5):
        return draw_text(draw)
    return draw.pick([1, 0, None, b"raw", True, 2.5, TextSubclass("sub")])


def draw_response_value(draw: Draw) -> Any:
    choice = draw.integer(0, 11)
    if choice <= 4:
        return draw_text(draw)
    if choice <= 6:
        return [draw_item(draw) for _ in range(draw.integer(0, 4))]
    if choice == 7:
        return tuple(draw_item(draw) for _ in range(draw.integer(0, 3)))
    if choice == 8:
        return None
    if choice == 9:
        return draw.integer(-2, 600)
    return draw.pick([0, False, True, 0.0, 1.5, float("nan"), b"", b"x", [], (), {}, {"a": 1}, "", TextSubclass("s")])


def draw_cookie(draw: Draw) -> Any:
    choice = draw.integer(0, 15)
    if choice <= 10:
        return f"c{draw.integer(0, 99)}=v" + draw.pick(["", "; Path=/", "; Expires=Wed, 21 Oct 2015 07:28:00 GMT"])
    if choice <= 13:
        return draw_text(draw)
    return draw.pick([1, None, b"c=1", TextSubclass("s=1")])


def check_serialize(draw: Draw) -> None:
    headers: Dict[Any, Any] = {draw_response_name(draw): draw_response_value(draw) for _ in range(draw.integer(0, 8))}
    # NOTE: up to 40 cookies, not past the 512 Set-Cookie spellings of the ALB single-value layout: naming them costs
    # ~5 ms, and a fuzzer that reaches that branch keeps mutating the input and runs 4x slower.
    # tests/test_differential.py checks that limit on both twins.
    count = draw.integer(0, 5) if draw.integer(0, 7) else draw.integer(6, 40)
    cookies: List[Any] = [draw_cookie(draw) for _ in range(count)]
    layout = draw.pick(LAYOUTS) if draw.integer(0, 15) else draw.pick([4, -1])
    case = {"headers": headers, "cookies": cookies, "layout": layout}
    got = outcome(_headers_c.serialize, headers, list(cookies), layout)
    expected = outcome(_headers_py.serialize, headers, list(cookies), layout)
    same("serialize", got, expected, case, compare=equal_serialized)


def equal_serialized(got: Any, expected: Any) -> bool:
    # NOTE: compared through repr, so that a NaN in an error message's value equals itself.
    return repr(strict(got)) == repr(strict(expected))


def test_one_input(data: bytes) -> None:
    draw = Draw(data)
    if draw.boolean():
        check_lookup(draw)
    else:
        check_serialize(draw)


if __name__ == "__main__":
    run(test_one_input)

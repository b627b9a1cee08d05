"""Differential tests: the compiled twins against the pure twins (the documented source of truth), and the
matcher also against a naive reference (docs/architecture.md, "Which route wins": compile every rule to a regex and
scan).

Hypothesis generates the inputs. Route tables use a deliberately small alphabet of words and placeholder names
so that rules collide, overlap and shadow each other; paths are mostly built from the rules themselves, with
placeholder values drawn from characters a placeholder accepts and characters it must refuse.

Plain tests named ``test_regression_*`` keep concrete inputs on which the implementations were found to
disagree (each one says what the contract expects).
"""

from __future__ import annotations

import base64
import dataclasses
import decimal
import enum
import gzip
import json
import math
import re
import types
from typing import Any, Dict, List, Tuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from oracles import ENCODING_TOKENS, ReferenceMatcher

from apigw import _encoder_py, _headers_py, _impl, _matcher_py, _shared

_matcher_c, _headers_c, _encoder_c = _impl.load("cython")

pytestmark = pytest.mark.compiled

COMMON = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# ---------------------------------------------------------------------------------------------------------------
# Matcher: a naive reference
# ---------------------------------------------------------------------------------------------------------------


# ---------------------------------------------------------------------------------------------------------------
# Matcher: strategies
# ---------------------------------------------------------------------------------------------------------------

METHODS = ["GET", "POST", "PUT"]
QUERY_METHODS = METHODS + ["DELETE"]  # DELETE is never registered

WORDS = ["a", "b", "ab", "v1", ""]  # small on purpose: rules collide
NAMES = ["id", "name", "x", "major"]  # "id" and "major" also appear inside the regex segments below

# Characters for placeholder values: the extra characters a placeholder accepts, word characters (ASCII and
# not), and characters it must refuse.
ALLOWED_EXTRA = _shared.SEGMENT_EXTRA_CHARS
VALUE_ALPHABET = ALLOWED_EXTRA + "abxy019_é٣ß" + "/?#\n\t\x00\u00a0\u2028"
values = st.text(VALUE_ALPHABET, max_size=4)


def _digits(draw) -> str:
    return draw(st.text("0123456789٣", max_size=3))


# regex segments: rule text -> how to draw a path segment that likely (not always) matches it
REGEX_SEGMENTS = {
    ".+": lambda draw: draw(st.one_of(values, st.sampled_from(["a/b", "x", "a", ""]))),
    ".*": lambda draw: draw(st.one_of(values, st.sampled_from(["", "a/b/"]))),
    "[0-9]+": _digits,
    "(x|y)": lambda draw: draw(st.sampled_from(["x", "y", "xy", ""])),
    "v<major>.json": lambda draw: "v" + draw(values) + draw(st.sampled_from([".json", "xjson", ".json/"])),
    "file-<id>": lambda draw: "file-" + draw(values),
    "a.b": lambda draw: draw(st.sampled_from(["a.b", "axb", "a/b"])),
    "a|b": lambda draw: draw(st.sampled_from(["a", "b", "a|b", "ab"])),  # alternation at the top level of a rule
}

# a segment spec: ("word", text) | ("param", name) | ("regex", rule text)
segment_specs = st.one_of(
    st.tuples(st.just("word"), st.sampled_from(WORDS)),
    st.tuples(st.just("word"), st.sampled_from(WORDS)),
    st.tuples(st.just("param"), st.sampled_from(NAMES)),
    st.tuples(st.just("param"), st.sampled_from(NAMES)),
    st.tuples(st.just("regex"), st.sampled_from(sorted(REGEX_SEGMENTS))),
)


def _segment_rule_text(spec: Tuple[str, str]) -> str:
    kind, text = spec
    return f"<{text}>" if kind == "param" else text


@st.composite
def rule_specs(draw) -> Tuple[bool, List[Tuple[str, str]], bool]:
    leading = draw(st.sampled_from([True, True, True, True, False]))
    specs = draw(st.lists(segment_specs, min_size=0, max_size=4))
    trailing = draw(st.sampled_from([False, False, False, True]))
    return leading, specs, trailing


def rule_text(rule: Tuple[bool, List[Tuple[str, str]], bool]) -> str:
    leading, specs, trailing = rule
    text = "/".join(_segment_rule_text(spec) for spec in specs)
    return ("/" if leading else "") + text + ("/" if trailing and specs else "")


@st.composite
def path_from_rule(draw, rule) -> str:
    """A path shaped like ``rule``: same words (sometimes swapped), placeholder values, regex samples."""
    leading, specs, _trailing = rule
    parts = []
    for kind, text in specs:
        if kind == "word":
            parts.append(text if draw(st.integers(0, 5)) else draw(st.sampled_from(WORDS)))
        elif kind == "param":
            parts.append(draw(st.one_of(values, values, st.sampled_from(WORDS))))
        else:
            parts.append(REGEX_SEGMENTS[text](draw))
    path = ("/" if leading else "") + "/".join(parts)
    return draw(_decorate(path))


@st.composite
def _decorate(draw, path: str) -> str:
    """Maybe add trailing slashes, or double one slash."""
    choice = draw(st.integers(0, 9))
    if choice == 0:
        path += "/" * draw(st.integers(1, 3))
    elif choice == 1 and "/" in path:
        index = draw(st.sampled_from([i for i, char in enumerate(path) if char == "/"]))
        path = path[:index] + "/" + path[index:]
    return path


random_paths = st.one_of(
    st.lists(st.one_of(st.sampled_from(WORDS), values), max_size=4).map(lambda parts: "/" + "/".join(parts)),
    st.sampled_from(["", "/", "//", "%", "/%", "/a%2Fb", "/a/", "/ab//", "/v1/a", "/file-1", "/v2.json"]),
    st.text(VALUE_ALPHABET, max_size=6),
)


@st.composite
def route_tables(draw):
    """(ignore_trailing_slash, [(rule, method)], [path]) with paths mostly derived from the rules."""
    ignore = draw(st.booleans())
    rules = draw(st.lists(rule_specs(), min_size=1, max_size=12))
    table = [(rule_text(rule), draw(st.sampled_from(METHODS))) for rule in rules]
    paths = []
    for _ in range(draw(st.integers(1, 8))):
        if draw(st.integers(0, 3)):
            paths.append(draw(path_from_rule(draw(st.sampled_from(rules)))))
        else:
            paths.append(draw(random_paths))
    return ignore, table, paths


def _build(ignore: bool, table: List[Tuple[str, str]]):
    """The three matchers with ``table`` registered; a rule must be refused by all three or by none."""
    pure = _matcher_py.Matcher(ignore_trailing_slash=ignore)
    compiled = _matcher_c.Matcher(ignore_trailing_slash=ignore)
    reference = ReferenceMatcher(ignore_trailing_slash=ignore)
    for index, (rule, method) in enumerate(table):
        target = f"route{index}"
        outcomes = []
        for matcher in (pure, compiled, reference):
            try:
                matcher.add(rule, method, target)
                outcomes.append("added")
            except (ValueError, re.error) as exc:
                # re.error is named PatternError from Python 3.13 on: compare by class, not by name.
                outcomes.append("error" if isinstance(exc, re.error) else type(exc).__name__)
        assert outcomes in (["added"] * 3, ["ValueError", "ValueError", "error"]), (
            f"rule {rule!r} (ignore_trailing_slash={ignore}): pure/compiled/reference -> {outcomes}"
        )
    assert len(pure) == len(compiled) == len(reference.static) + len(reference.dynamic)
    return pure, compiled, reference


# ---------------------------------------------------------------------------------------------------------------
# Matcher: properties
# ---------------------------------------------------------------------------------------------------------------


@settings(max_examples=400, **COMMON)
@given(route_tables())
def test_pure_compiled_and_reference_matchers_pick_the_same_route_and_params(case):
    ignore, table, paths = case
    pure, compiled, reference = _build(ignore, table)
    for path in paths:
        for method in QUERY_METHODS:
            expected = reference.match(method, path)
            got_pure = pure.match(method, path)
            got_compiled = compiled.match(method, path)
            assert got_pure == expected, f"pure vs reference: {method} {path!r}: {got_pure!r} != {expected!r}"
            assert got_compiled == got_pure, f"compiled vs pure: {method} {path!r}: {got_compiled!r} != {got_pure!r}"


@settings(max_examples=300, **COMMON)
@given(route_tables())
def test_pure_compiled_and_reference_matchers_allow_the_same_methods(case):
    ignore, table, paths = case
    pure, compiled, reference = _build(ignore, table)
    for path in paths:
        expected = reference.methods_for(path)
        assert pure.methods_for(path) == expected, f"pure vs reference for {path!r}"
        assert compiled.methods_for(path) == expected, f"compiled vs reference for {path!r}"


@settings(max_examples=150, **COMMON)
@given(
    st.lists(st.sampled_from(NAMES), min_size=2, max_size=3).filter(lambda names: len(set(names)) < len(names)),
    st.lists(st.sampled_from(WORDS), max_size=2),
    st.booleans(),
)
def test_a_placeholder_name_used_twice_is_refused_by_all_matchers(names, words, ignore):
    rule = "/" + "/".join(words + [f"<{name}>" for name in names])
    for cls in (_matcher_py.Matcher, _matcher_c.Matcher):
        with pytest.raises(ValueError):
            cls(ignore_trailing_slash=ignore).add(rule, "GET", "t")
    with pytest.raises(re.error):
        ReferenceMatcher(ignore_trailing_slash=ignore).add(rule, "GET", "t")


# Placeholder names that are word characters but not regex group names (not identifiers).
NON_IDENTIFIER_NAMES = ["1", "1st", "٣", "2x", "x²", "½"]


@settings(max_examples=100, **COMMON)
@given(
    st.sampled_from(NON_IDENTIFIER_NAMES),
    st.lists(st.sampled_from(["a", "b", "<id>"]), max_size=2, unique=True),
    st.booleans(),
)
def test_a_placeholder_name_that_is_not_a_group_name_is_refused_like_the_reference(name, words, ignore):
    """``add`` promises ValueError for a rule that is not a valid regex once placeholders are expanded."""
    rule = "/" + "/".join(words + [f"<{name}>"])
    with pytest.raises(re.error):
        ReferenceMatcher(ignore_trailing_slash=ignore).add(rule, "GET", "t")
    for cls in (_matcher_py.Matcher, _matcher_c.Matcher):
        with pytest.raises(ValueError):
            cls(ignore_trailing_slash=ignore).add(rule, "GET", "t")


@pytest.mark.parametrize("rule", ["/users/<1>", "/a/<x²>"])
def test_regression_placeholder_whose_name_is_not_a_group_name_is_refused(rule):
    """Found by the property above: both twins accept these rules (classified "segment", so never compiled, and
    ``match("GET", "/users/5")`` then returns ``('t', {'1': '5'})``), while the expanded regex ``(?P<1>...)`` is
    invalid: the reference (and Powertools) raise ``re.error``, and ``Matcher.add`` promises ``ValueError``."""
    with pytest.raises(re.error):
        ReferenceMatcher().add(rule, "GET", "t")
    for cls in (_matcher_py.Matcher, _matcher_c.Matcher):
        with pytest.raises(ValueError):
            cls().add(rule, "GET", "t")


def test_rule_to_regex_expands_placeholders_like_powertools():
    segment = r"[-._~()'!*:@,;=+&$%<> \[\]{}|^\w]+"
    assert _shared.rule_to_regex("/a/<id>/v<major>.json") == f"/a/(?P<id>{segment})/v(?P<major>{segment}).json"


def test_placeholder_segments_are_recognised_exactly_as_the_regex_would():
    """``placeholder_name`` (string methods, no regex compiled at import) against ``<(\\w+)>``, for every character
    of the Basic Multilingual Plane inside a name, and for the shapes around it."""
    reference = re.compile(r"<(\w+)>")
    for code in range(0x10000):
        char = chr(code)
        for segment in (f"<{char}>", f"<a{char}>", f"<{char}_1>"):
            found = reference.fullmatch(segment)
            assert _shared.placeholder_name(segment) == (found and found.group(1)), segment
    for segment in ("", "<", ">", "<>", "<<a>>", "<a>b>", "x<a>", "<a>x", "<a", "a>", "<a b>", "<𝒳>", "<١٢>"):
        found = reference.fullmatch(segment)
        assert _shared.placeholder_name(segment) == (found and found.group(1)), segment


# ---------------------------------------------------------------------------------------------------------------
# Segment values
# ---------------------------------------------------------------------------------------------------------------

SEGMENT_REFERENCE = re.compile(r"[-._~()'!*:@,;=+&$%<> \[\]{}|^\w]+")


def _check_segment_value(text: str) -> None:
    expected = SEGMENT_REFERENCE.fullmatch(text) is not None
    assert _matcher_py.is_segment_value(text) is expected, f"pure on {text!r}"
    assert bool(_matcher_c.is_segment_value(text)) is expected, f"compiled on {text!r}"


@settings(max_examples=500, **COMMON)
@given(st.text(st.characters(), max_size=8))  # every category, surrogates included
def test_segment_value_of_any_text_agrees_with_the_reference_class(text):
    _check_segment_value(text)


@settings(max_examples=500, **COMMON)
@given(st.text(st.one_of(st.sampled_from(VALUE_ALPHABET), st.characters()), max_size=8))
def test_segment_value_of_near_miss_text_agrees_with_the_reference_class(text):
    _check_segment_value(text)


def test_segment_value_of_every_single_code_point_agrees_with_the_reference_class():
    disagreements = []
    for code in range(0x110000):
        char = chr(code)
        expected = SEGMENT_REFERENCE.fullmatch(char) is not None
        if (
            _matcher_py.is_segment_value(char) is not expected
            or bool(_matcher_c.is_segment_value(char)) is not expected
        ):
            disagreements.append(char)
    assert disagreements == []


# ---------------------------------------------------------------------------------------------------------------
# Headers
# ---------------------------------------------------------------------------------------------------------------

HEADER_NAMES = ["Content-Type", "X-Id", "Accept", "Set-Cookie"]


@st.composite
def cased(draw, name: str) -> str:
    """``name`` in a random mix of upper and lower case."""
    flips = draw(st.lists(st.booleans(), min_size=len(name), max_size=len(name)))
    return "".join(char.upper() if flip else char.lower() for char, flip in zip(name, flips))


header_names = st.one_of(
    st.sampled_from(HEADER_NAMES),
    st.sampled_from(HEADER_NAMES).flatmap(cased),
    st.sampled_from(["", "x-other", "Set-Coo\u212aie"]),  # U+212A KELVIN SIGN lowers to "k"
)
header_text = st.text("abAB ,;=1é", max_size=4)
request_values = st.one_of(st.none(), header_text, st.lists(header_text, max_size=3))


request_keys = st.one_of(header_names, header_names, header_names, st.sampled_from([1, None]))  # non-str keys too
request_maps = st.one_of(
    st.none(),
    st.just({}),
    st.dictionaries(request_keys, request_values, max_size=5),
    st.dictionaries(request_keys, request_values, max_size=5).map(types.MappingProxyType),  # not a dict
)

DEFAULT = object()


@settings(max_examples=400, **COMMON)
@given(request_maps, request_maps, header_names, st.sampled_from([None, "dflt", DEFAULT]))
def test_compiled_get_header_returns_what_pure_get_header_returns(headers, multi, name, default):
    expected = _headers_py.get_header(headers, multi, name, default)
    got = _headers_c.get_header(headers, multi, name, default)
    assert got is expected or got == expected


@settings(max_examples=400, **COMMON)
@given(request_maps, request_maps, header_names)
def test_compiled_get_header_values_returns_what_pure_get_header_values_returns(headers, multi, name):
    expected = _headers_py.get_header_values(headers, multi, name)
    got = _headers_c.get_header_values(headers, multi, name)
    assert type(got) is list and got == expected


LAYOUT_NAMES = ("SINGLE_AND_MULTI", "JOINED_WITH_COOKIES", "SINGLE", "MULTI", "JOINED_COOKIES_IN_MULTI")
LAYOUTS = [getattr(_headers_py, name) for name in LAYOUT_NAMES]


def test_both_twins_number_the_layouts_alike():
    for name in LAYOUT_NAMES:
        assert getattr(_headers_c, name) == getattr(_headers_py, name)


cookie_strings = st.builds(
    lambda index, extra: f"c{index}=v{index}{extra}",
    st.integers(0, 99),
    st.sampled_from(["", "; Path=/", "; Expires=Wed, 21 Oct 2015 07:28:00 GMT", "; HttpOnly"]),
)
# Response text may carry what must never reach a response: CR, LF, NUL (header injection).
response_text = st.one_of(header_text, st.text("ab \r\n\x00\t", max_size=4))
response_values = st.one_of(
    st.none(),
    response_text,
    st.lists(response_text, max_size=3),
    st.lists(response_text, max_size=3).map(tuple),
    st.integers(-2, 300),
)
response_names = st.one_of(header_names, st.sampled_from(["X-A\r\nB", "X\x00", "\n"]))
response_headers = st.dictionaries(response_names, response_values, max_size=6)


def outcome(func: Any, *args: Any) -> Any:
    """What a call does, comparable between twins: its result, or the type and message of what it raised."""
    try:
        return func(*args)
    except Exception as exc:
        return ("raised", type(exc).__name__, str(exc))


def ordered(value: Any) -> Any:
    """A comparable form that keeps dict key order and container types."""
    if isinstance(value, dict):
        return ("dict", [(key, ordered(item)) for key, item in value.items()])
    if isinstance(value, list):
        return ("list", [ordered(item) for item in value])
    if isinstance(value, tuple):
        return ("tuple", [ordered(item) for item in value])
    return (type(value).__name__, value)


@settings(max_examples=500, **COMMON)
@given(response_headers, st.lists(st.one_of(cookie_strings, response_text), max_size=4), st.sampled_from(LAYOUTS))
def test_compiled_serialize_returns_what_pure_serialize_returns_in_every_layout_and_key_order(headers, cookies, layout):
    expected = outcome(_headers_py.serialize, headers, list(cookies), layout)
    got = outcome(_headers_c.serialize, headers, list(cookies), layout)
    assert got == expected
    assert ordered(got) == ordered(expected)


@pytest.mark.parametrize("count", [511, 512, 513])
def test_compiled_serialize_answers_what_pure_serialize_answers_around_the_512_set_cookie_spellings(count):
    """ALB single-value responses send each cookie under its own spelling of Set-Cookie; there are 512 (the fuzzer
    stays below this limit: naming them is too slow to reach often)."""
    cookies = [f"c{index}=v" for index in range(count)]
    expected = outcome(_headers_py.serialize, {}, list(cookies), _headers_py.SINGLE)
    assert outcome(_headers_c.serialize, {}, list(cookies), _headers_c.SINGLE) == expected
    assert isinstance(expected, tuple) is (count > 512)  # ("raised", "ValueError", message) past 512


def _as_texts(value: Any) -> List[str]:
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value]
    return [str(value)]


def _header_cookies(headers: Dict[str, Any]) -> List[str]:
    found = []
    for key, value in headers.items():
        if key.lower() == "set-cookie" and value is not None:
            found.extend(_as_texts(value))
    return found


# For the cookie properties, Set-Cookie headers carry cookie strings and other headers never contain "=".
cookie_values = st.one_of(st.none(), cookie_strings, st.lists(cookie_strings, max_size=3))
plain_values = st.one_of(st.none(), st.text("abAB ,;1é", max_size=4), st.lists(st.text("ab ,", max_size=3), max_size=3))


@st.composite
def headers_with_cookies(draw) -> Dict[str, Any]:
    headers = {}
    for name in draw(st.lists(header_names.filter(bool), max_size=6, unique=True)):
        headers[name] = draw(cookie_values if name.lower() == "set-cookie" else plain_values)
    return headers


@settings(max_examples=300, **COMMON)
@given(headers_with_cookies(), st.lists(cookie_strings, max_size=6))
def test_alb_single_value_mode_loses_no_cookie(headers, cookies):
    expected = list(cookies) + _header_cookies(headers)
    for module in (_headers_py, _headers_c):
        out = module.serialize(headers, list(cookies), module.SINGLE)
        assert set(out) == {"headers"}
        sent = [value for key, value in out["headers"].items() if key.lower() == "set-cookie"]
        assert sorted(sent) == sorted(expected), module.__name__


@settings(max_examples=300, **COMMON)
@given(headers_with_cookies(), st.lists(cookie_strings, max_size=6))
def test_http_mode_sends_cookies_only_in_the_cookies_list(headers, cookies):
    expected = list(cookies) + _header_cookies(headers)
    for module in (_headers_py, _headers_c):
        out = module.serialize(headers, list(cookies), module.JOINED_WITH_COOKIES)
        assert set(out) == {"headers", "cookies"}
        assert out["cookies"] == expected, module.__name__
        for key, value in out["headers"].items():
            assert key.lower() != "set-cookie", module.__name__
            assert isinstance(value, str) and "=" not in value, module.__name__


# ---------------------------------------------------------------------------------------------------------------
# Encoder: accepts_gzip
# ---------------------------------------------------------------------------------------------------------------

accept_encodings = st.one_of(
    st.lists(st.sampled_from(ENCODING_TOKENS), max_size=10).map("".join),
    st.lists(st.one_of(st.sampled_from(ENCODING_TOKENS), st.text(max_size=2)), max_size=8).map("".join),
    st.text(),
    st.none(),
)


@settings(max_examples=800, **COMMON)
@given(accept_encodings)
def test_compiled_accepts_gzip_answers_what_pure_accepts_gzip_answers(value):
    assert bool(_encoder_c.accepts_gzip(value)) is _encoder_py.accepts_gzip(value)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("gzip", True),
        ("gzip, deflate, br", True),
        ("GZIP", True),
        ("x-gzip", True),
        (" gzip ;q=0.5", True),
        ("gzip;q=0", False),
        ("gzip;q=0.", False),
        ("gzip;q=0.000", False),
        ("gzip; Q=0", False),
        ("gzip;q=0.001", True),
        ("gzip;q=1", True),
        ("*;q=0", False),
        ("*", True),
        ("br, *;q=0.1", True),
        ("gzip;q=0, *", False),
        ("*, gzip;q=0", False),
        ("br, deflate", False),
        ("identity", False),
        (None, False),
        ("", False),
    ],
)
def test_accepts_gzip_honours_quality_values_and_the_wildcard(value, expected):
    assert _encoder_py.accepts_gzip(value) is expected
    assert bool(_encoder_c.accepts_gzip(value)) is expected


# ---------------------------------------------------------------------------------------------------------------
# Encoder: encode_body
# ---------------------------------------------------------------------------------------------------------------

bodies = st.one_of(st.none(), st.text(), st.binary(), st.binary().map(bytearray))


@settings(max_examples=400, **COMMON)
@given(bodies, st.booleans())
def test_compiled_encode_body_returns_what_pure_encode_body_returns(body, compress):
    expected = _encoder_py.encode_body(body, compress)
    got = _encoder_c.encode_body(body, compress)
    assert type(got) is tuple and got == expected


@settings(max_examples=300, **COMMON)
@given(bodies, st.booleans())
def test_encode_body_round_trips_and_compresses_deterministically(body, compress):
    raw = body.encode("utf-8") if isinstance(body, str) else None if body is None else bytes(body)
    for module in (_encoder_py, _encoder_c):
        text, is_base64, gzipped = module.encode_body(body, compress)
        if body is None:
            assert (text, is_base64, gzipped) == (None, False, False)
        elif isinstance(body, str) and not compress:
            assert (text, is_base64, gzipped) == (body, False, False)
        else:
            assert is_base64 is True and gzipped is compress
            data = base64.b64decode(text, validate=True)
            assert (gzip.decompress(data) if compress else data) == raw
            assert module.encode_body(body, compress) == (text, is_base64, gzipped)


# ---------------------------------------------------------------------------------------------------------------
# Encoder: dumps
# ---------------------------------------------------------------------------------------------------------------

json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text()),
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(st.text(), children, max_size=4)),
    max_leaves=20,
)


@settings(max_examples=400, **COMMON)
@given(json_values)
def test_dumps_is_byte_identical_to_compact_json_dumps(obj):
    expected = json.dumps(obj, separators=(",", ":"))
    assert _encoder_py.dumps(obj) == expected
    assert _encoder_c.dumps(obj) == expected


finite_decimals = st.decimals(allow_nan=False)


@settings(max_examples=300, **COMMON)
@given(finite_decimals)
def test_dumps_writes_a_decimal_as_a_json_string(value):
    for module in (_encoder_py, _encoder_c):
        assert module.dumps(value) == json.dumps(str(value))
        assert json.loads(module.dumps({"v": [value]})) == {"v": [str(value)]}


@settings(max_examples=200, **COMMON)
@given(
    st.recursive(
        st.one_of(st.none(), st.integers(), st.text(max_size=3), finite_decimals),
        lambda children: st.one_of(
            st.lists(children, max_size=3), st.dictionaries(st.text(max_size=3), children, max_size=3)
        ),
        max_leaves=10,
    )
)
def test_dumps_of_structures_with_decimals_matches_json_dumps_with_decimals_as_strings(obj):
    expected = json.dumps(obj, separators=(",", ":"), default=str)
    assert _encoder_py.dumps(obj) == expected
    assert _encoder_c.dumps(obj) == expected


def test_dumps_writes_a_nan_decimal_as_nan_like_a_nan_float():
    for module in (_encoder_py, _encoder_c):
        assert module.dumps(decimal.Decimal("NaN")) == json.dumps(math.nan) == "NaN"
        assert module.dumps([decimal.Decimal("1.50")]) == '["1.50"]'


@dataclasses.dataclass
class _Point:
    x: int
    label: str


def test_dumps_writes_a_dataclass_as_an_object():
    for module in (_encoder_py, _encoder_c):
        assert module.dumps({"p": _Point(1, "é")}) == json.dumps({"p": {"x": 1, "label": "é"}}, separators=(",", ":"))


def test_dumps_refuses_a_circular_structure_with_value_error():
    loop: list = []
    loop.append(loop)
    for module in (_encoder_py, _encoder_c):
        with pytest.raises(ValueError):
            module.dumps(loop)


# ---------------------------------------------------------------------------------------------------------------
# Text that is a str subclass
# ---------------------------------------------------------------------------------------------------------------


class Text(str, enum.Enum):
    """What applications name their headers, content types and routes with: members are ``str`` instances."""

    KIND = "X-Kind"
    JSON = "application/json"
    GZIP = "gzip"
    ROUTE = "/items/<id>"
    LITERAL = "/items"


def _both(call: str, name: str, *args: Any) -> Tuple[str, Any, Any]:
    """(call, compiled outcome, pure outcome) of function ``name`` of a twin pair on ``args``."""
    module = {"serialize": "headers", "get_header": "headers", "get_header_values": "headers"}.get(name)
    module = module or ("matcher" if name == "is_segment_value" else "encoder")
    compiled, pure = {
        "headers": (_headers_c, _headers_py),
        "encoder": (_encoder_c, _encoder_py),
        "matcher": (_matcher_c, _matcher_py),
    }[module]
    return call, outcome(getattr(compiled, name), *args), outcome(getattr(pure, name), *args)


def _str_subclass_calls() -> List[Tuple[str, Any, Any]]:
    """(call, compiled outcome, pure outcome) for every twin function given str subclass arguments."""
    calls = []
    for layout in LAYOUTS:
        for args in (({Text.KIND: "v"}, ["a=1"], layout), ({"X-A": Text.JSON}, [], layout), ({}, [Text.JSON], layout)):
            calls.append(_both(f"serialize{args!r}", "serialize", *args))
    for args in (({"x-kind": "1"}, None, Text.KIND), (None, {"X-Kind": ["1"]}, Text.KIND)):
        calls.append(_both(f"get_header{args!r}", "get_header", *args))
        calls.append(_both(f"get_header_values{args!r}", "get_header_values", *args))
    results = ({"headers": {"X-A": Text.JSON}}, {"headers": {Text.KIND: "v"}}, {"body": Text.JSON}, {Text.KIND: []})
    for result in results:
        calls.append(_both(f"size_bound({result!r})", "size_bound", result))
    calls.append(_both("accepts_gzip(Text.GZIP)", "accepts_gzip", Text.GZIP))
    calls.append(_both("is_segment_value(Text.GZIP)", "is_segment_value", Text.GZIP))
    for ignore in (False, True):
        answers = []
        for module in (_matcher_c, _matcher_py):
            matcher = module.Matcher(ignore_trailing_slash=ignore)
            added = [outcome(matcher.add, rule, Text.GZIP, rule.name) for rule in (Text.ROUTE, Text.LITERAL)]
            found = [outcome(matcher.match, Text.GZIP, Text.LITERAL), outcome(matcher.match, "gzip", "/items/1")]
            answers.append((added, found, outcome(matcher.methods_for, Text.ROUTE)))
        calls.append((f"Matcher(ignore_trailing_slash={ignore})", *answers))
    return calls


def test_regression_compiled_twins_take_str_subclasses_like_the_pure_twins():
    """Found by the fuzzer (fuzz/fuzz_headers.py): a ``str`` typed Cython argument accepts only exact ``str``, so
    the compiled twins raised ``TypeError: Expected str, got Text`` for an enum member used as a header name or
    value, a body, a looked-up header name or a route rule, where the pure twins (and the apps built on them)
    answered normally."""
    calls = _str_subclass_calls()
    disagreements = [(call, got, expected) for call, got, expected in calls if ordered(got) != ordered(expected)]
    assert disagreements == []
    assert _encoder_c.accepts_gzip(Text.GZIP) is True
    expected = {"headers": {"X-A": "application/json"}, "cookies": []}
    assert _headers_c.serialize({"X-A": Text.JSON}, [], _headers_c.JOINED_WITH_COOKIES) == expected


@pytest.mark.compiled
def test_regex_rules_in_trailing_slash_mode_take_str_subclasses_in_both_twins():
    class Text(str):
        pass

    for cls in (_matcher_py.Matcher, _matcher_c.Matcher):
        matcher = cls(ignore_trailing_slash=True)
        matcher.add(Text("/.+/"), "GET", "catch-all")
        assert matcher.match("GET", Text("")) is None, cls
        assert matcher.match("GET", Text("/a/")) == ("catch-all", {}), cls
        assert matcher.methods_for(Text("/a//")) == {"GET"}, cls


@pytest.mark.compiled
@pytest.mark.parametrize("layout", LAYOUTS)
def test_json_fields_are_what_serialize_writes_for_one_json_header_in_both_twins(layout):
    expected = _headers_py.serialize({"Content-Type": "application/json"}, [], layout)
    for module in (_headers_py, _headers_c):
        fields, again = {}, {}
        module.add_json_fields(fields, layout)
        module.add_json_fields(again, layout)
        assert ordered(fields) == ordered(expected), module.__name__
        assert all(fields[key] is not again[key] for key in fields)  # fresh dicts: callers may change them

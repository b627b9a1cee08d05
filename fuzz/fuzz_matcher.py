"""Fuzz target: ``apigw._matcher_c`` against its pure twin ``apigw._matcher_py`` (and a naive reference).

    python fuzz/fuzz_matcher.py -runs=100000 -seed=1        # libFuzzer flags; or use fuzz/run.py
    python fuzz/fuzz_matcher.py crash-<sha1>                  # replay one input

Each input builds a route table (``Matcher(ignore_trailing_slash)`` and up to 10 rules: literal, ``<name>``
segments, regex rules from a vocabulary of fragments, invalid ones), registers it in the compiled matcher, the
pure matcher and the reference, then asks ``match(method, path)`` and ``methods_for(path)`` for up to 8 paths:
shaped like a rule (placeholder values near the accepted character class), random text, or hostile (hundreds of
segments or slashes, up to 512 characters, control characters, ``%2F``). ``is_segment_value`` is asked for every
path segment. Rules, methods and paths are sometimes a ``str`` subclass (as a StrEnum member is).

The twins must agree exactly: the same result (target, params in the same key order) or the same exception type
and message (``add`` of an invalid rule). The reference (every rule compiled to its regex and scanned in order,
static rules first) must pick the same route, and refuse the same rules.

Another mode registers one free-form rule (any text, or a soup of regex syntax) to compare ``add``'s acceptance
and error message; it is matched only against short paths, so that a rule like ``(a+)+b``, which a developer
could register, cannot make one input run for minutes (rules are the developer's, paths the attacker's: the
route table's own regexes are never this hostile).
"""

from __future__ import annotations

import warnings
from typing import Any, Dict, List, Tuple

import atheris
from _inputs import Draw, TextSubclass, fail, outcome, run, same
from oracles import ReferenceMatcher

with atheris.instrument_imports(include=["apigw._matcher_py", "apigw._shared"]):
    from apigw import _matcher_c, _matcher_py, _shared

warnings.simplefilter("ignore")  # `re`'s FutureWarnings about rules: warnings are not outcomes

METHODS = ["GET", "POST", "PUT"]
WORDS = ["a", "b", "ab", "v1", "", "é", "A", "a b", "%2F"]
NAMES = ["id", "name", "x", "major", "é"]
BAD_NAMES = ["1", "1st", "٣", "x²", "½", "_"]  # "_" is an identifier; the others are word characters only
# Characters of placeholder values: accepted ones (word characters, ASCII and not, the extra set) and refused ones.
VALUE_ALPHABET = _shared.SEGMENT_EXTRA_CHARS + "abxy019_éß٣ǅ" + "/?#\n\t\r\x00\u00a0\u2028\U0001f600\u0301"
LITERAL_ALPHABET = "ab-._~ %é\t\n\x00=&!@,;"  # no regex metacharacter: the rule stays literal or segment

# Regex fragments a developer writes.
SAFE_REGEX = [
    "[0-9]+",
    "(x|y)",
    "v<major>.json",
    "file-<id>",
    "a.b",
    "a|b",
    "(?P<g>[a-z]+)",
    r"\d{2}",
    "a?",
    "x{1,3}",
    "(?:ab)+",
    "<id>.<ext>",
    "(?P<id>[^/]+)",
    "[^/]+",
    "[é-ü]",
    "^a",
    "a$",
    r"\.",
    "(?i)a",
]
# Unbounded quantifiers that can match "/" ("*" after a "/" is "/*": a glob, as a developer may mean it). Rules
# are the developer's and `re` backtracks: two of them in one rule cost O(n^2) or more on a path of n slashes (the
# REST resolver's trailing-slash mode no longer appends a "/*" of its own). One per rule, and hostile paths of at
# most 512 characters, keep one input well under a second; see fuzz/README.md, "Findings".
WILDCARDS = [".+", ".*", "(?P<rest>.+)", "*", "+"]
# Fragments that make a rule invalid (or odd: "{1,2}" alone is literal text to `re`, "?" after "/" is "/?").
INVALID_REGEX = [
    "(",
    ")",
    "[",
    "a**",
    "(?P<g>",
    "\\",
    "{1,2}",
    "(?P<1>x)",
    "<id><id>",
    "[z-a]",
    "(?<=a+)b",
    "(?P<x>a)",
    "?",
    "(?",
    "\\k",
    "(?P=nope)",
    "a{2,1}",
    "**",
]
REGEX_SOUP = "()[]{}<>?P*+.|\\^$-:=!a1/_"


def maybe_subclass(draw: Draw, text: str) -> str:
    return TextSubclass(text) if draw.one_in(32) else text


def draw_segment(draw: Draw, spec: List[Any], wildcards: List[int]) -> str:
    """One rule segment; ``spec`` records how to draw a path segment that (likely) matches it."""
    kind = draw.integer(0, 9)
    if kind <= 2:
        text = draw.pick(WORDS)
        spec.append(("word", text))
    elif kind == 3:
        text = draw.text_from(LITERAL_ALPHABET, 4)
        spec.append(("word", text))
    elif kind <= 5:
        name = draw.pick(NAMES) if draw.integer(0, 7) else draw.pick(BAD_NAMES)
        text = f"<{name}>"
        spec.append(("param", name))
    elif kind <= 7:
        text = draw.pick(SAFE_REGEX)
        spec.append(("regex", text))
    elif kind == 8 and wildcards[0] < 1:
        wildcards[0] += 1
        text = draw.pick(WILDCARDS)
        spec.append(("wild", text))
    else:
        text = draw.pick(INVALID_REGEX)
        spec.append(("regex", text))
    return text


def draw_rule(draw: Draw) -> Tuple[str, List[Any]]:
    spec: List[Any] = []
    wildcards = [0]
    segments = [draw_segment(draw, spec, wildcards) for _ in range(draw.integer(0, 5))]
    leading = draw.integer(0, 5) != 0
    trailing = draw.one_in(4)
    rule = ("/" if leading else "") + "/".join(segments) + ("/" if trailing and segments else "")
    return maybe_subclass(draw, rule), spec


def draw_value(draw: Draw) -> str:
    choice = draw.integer(0, 5)
    if choice == 0:
        return draw.pick(WORDS)
    if choice == 1:
        return draw.text(6)
    return draw.text_from(VALUE_ALPHABET, 6)


def path_like(draw: Draw, leading: bool, spec: List[Any]) -> str:
    """A path shaped like a rule: its words (sometimes another one), placeholder values, regex-ish samples."""
    parts = []
    for kind, text in spec:
        if kind == "word":
            parts.append(text if draw.integer(0, 5) else draw.pick(WORDS))
        elif kind == "param":
            parts.append(draw_value(draw))
        elif kind == "wild":
            parts.append(draw.pick(["a/b", "x", "", "a//b/"]) if draw.boolean() else draw_value(draw))
        else:
            parts.append(draw.pick(["x", "y", "42", "ab", "a.b", "v1.json", "file-1", "é", "A", "a", "b"]))
    path = ("/" if leading else "") + "/".join(parts)
    decoration = draw.integer(0, 9)
    if decoration == 0:
        path += "/" * draw.integer(1, 3)
    elif decoration == 1 and "/" in path:
        slashes = [index for index, char in enumerate(path) if char == "/"]
        index = draw.pick(slashes)
        path = path[:index] + "/" + path[index:]
    elif decoration == 2:
        path += draw.pick(["\n", "\x00", "?q=1", "#f", "%2F", " "])
    return path


def hostile_path(draw: Draw) -> str:
    """Paths an attacker sends: long, deep, full of separators or characters the placeholder refuses."""
    count = draw.integer(1, 512)
    unit = draw.pick(["/", "/a", "/é", "//", "/%2F", "/\x00", "a", "/" + "a" * 40, "/ab/", "/<id>", "/.."])
    return (draw.pick(["", "/", "/v1"]) + unit * count)[:512] + draw.pick(["", "/", "x", "\n"])


def draw_path(draw: Draw, rules: List[Tuple[str, List[Any]]]) -> str:
    choice = draw.integer(0, 15)
    if choice <= 9:
        rule, spec = draw.pick(rules)
        return path_like(draw, rule.startswith("/"), spec)
    if choice <= 12:
        return draw.text(24)
    if choice <= 14:
        return "/" + "/".join(draw_value(draw) for _ in range(draw.integer(0, 4)))
    return hostile_path(draw)


def draw_method(draw: Draw) -> str:
    return maybe_subclass(draw, draw.pick(METHODS + ["DELETE", "get"]) if draw.integer(0, 15) else draw.text(5))


def build(ignore: bool, table: List[Tuple[str, str]], case: Dict[str, Any]) -> Tuple[Any, Any, ReferenceMatcher]:
    """The three matchers with ``table`` added; each rule must be accepted or refused alike."""
    compiled = _matcher_c.Matcher(ignore)
    pure = _matcher_py.Matcher(ignore)
    reference = ReferenceMatcher(ignore)
    for index, (rule, method) in enumerate(table):
        target = f"route{index}"
        got = outcome(compiled.add, rule, method, target)
        expected = outcome(pure.add, rule, method, target)
        same(f"Matcher.add({rule!r}, {method!r})", got, expected, case)
        try:
            reference.add(rule, method, target)
            reference_added = True
        except Exception:  # re.error, or whatever else `re` raises: the twins must refuse it with ValueError
            reference_added = False
        if reference_added != (expected[0] == "returned"):
            fail(
                f"Matcher.add({rule!r}, {method!r}): the twins answer {expected!r}, the reference "
                f"{'accepts' if reference_added else 'refuses'} the rule",
                case,
            )
        if expected[0] == "raised" and expected[1] != "ValueError":
            fail(f"Matcher.add({rule!r}, {method!r}) raised {expected[1]}, the contract says ValueError", case)
    same("len(Matcher)", len(compiled), len(pure), case)
    return compiled, pure, reference


def check_paths(compiled, pure, reference, queries: List[Tuple[str, str]], case: Dict[str, Any]) -> None:
    for method, path in queries:
        expected = outcome(pure.match, method, path)
        same(f"Matcher.match({method!r}, {path!r})", outcome(compiled.match, method, path), expected, case)
        wanted = outcome(reference.match, method, path)
        if expected != wanted:
            fail(f"Matcher.match({method!r}, {path!r}): twins {expected!r}, reference {wanted!r}", case)
        expected = outcome(pure.methods_for, path)
        same(f"Matcher.methods_for({path!r})", outcome(compiled.methods_for, path), expected, case)
        wanted = outcome(reference.methods_for, path)
        if expected != wanted:
            fail(f"Matcher.methods_for({path!r}): twins {expected!r}, reference {wanted!r}", case)
        for segment in path.split("/")[:64]:
            pure_answer = _matcher_py.is_segment_value(segment)
            same(f"is_segment_value({segment!r})", bool(_matcher_c.is_segment_value(segment)), pure_answer, case)


def test_one_input(data: bytes) -> None:
    draw = Draw(data)
    ignore = draw.boolean()
    if draw.one_in(8):
        # Free-form rule: acceptance and error messages; short paths only (see the module docstring).
        rule = draw.text(16) if draw.boolean() else draw.text_from(REGEX_SOUP, 16)
        method = draw.pick(METHODS)
        queries = [(draw.pick(METHODS), draw.text_from(REGEX_SOUP, 8)) for _ in range(draw.integer(0, 4))]
        case = {"ignore_trailing_slash": ignore, "rules": [(rule, method)], "queries": queries}
        matchers = build(ignore, [(rule, method)], case)
        check_paths(*matchers, queries, case)
        return
    rules = [draw_rule(draw) for _ in range(draw.integer(1, 10))]
    table = [(rule, draw.pick(METHODS) if draw.integer(0, 31) else draw.text(4)) for rule, _spec in rules]
    queries = [(draw_method(draw), maybe_subclass(draw, draw_path(draw, rules))) for _ in range(draw.integer(1, 8))]
    case = {"ignore_trailing_slash": ignore, "rules": table, "queries": queries}
    matchers = build(ignore, table, case)
    check_paths(*matchers, queries, case)


if __name__ == "__main__":
    run(test_one_input)

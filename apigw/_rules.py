"""Route rules, read once at registration: shared by both matcher twins and the resolver (one definition, no twin).

A rule is classified once, when it is added:

- **literal** (``/orders``): no regex metacharacter, no placeholder. Found by one dict lookup of the whole path.
- **segment** (``/orders/<order_id>/items``): every ``/``-separated segment is either literal or exactly one
  ``<name>`` placeholder. Stored in a segment trie.
- **regex** (anything else, e.g. ``/files/.+`` or ``/v<major>.json``): placeholders become named groups and the
  rule is used as a regular expression that must match the whole path, as in Powertools.
"""

from __future__ import annotations

import re

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Dict, Optional, Pattern, Tuple

__all__ = [
    "PLACEHOLDER_PATTERN",
    "SEGMENT_CLASS",
    "SEGMENT_EXTRA_CHARS",
    "classify",
    "compile_rule",
    "is_regex",
    "keyword_names",
    "placeholder_name",
    "rule_to_regex",
]

#: Characters a ``<name>`` placeholder accepts besides word characters (Powertools' safe and unsafe URI sets).
SEGMENT_EXTRA_CHARS = "-._~()'!*:@,;=+&$%<> []{}|^"

# PERF: no regular expression is compiled at import (a cold start pays 30-50 µs for each): placeholder segments are
# recognised with string methods, and these patterns are compiled (then kept in ``re``'s own cache) the first time a
# regex rule needs them.
#: "<name>", but not the "<name>" of a regex named group "(?P<name>...)", which is already a group.
PLACEHOLDER_PATTERN = r"(?<!\?P)<(\w+)>"
_NAMED_GROUP_PATTERN = r"\(\?P<(\w+)>"
# PERF: one character class with "+": linear time, no backtracking, whatever the input.
SEGMENT_CLASS = r"[-._~()'!*:@,;=+&$%<> \[\]{}|^\w]+"
_REGEX_METACHARS = frozenset(".^$*+?{}[]\\|()<>")  # "<>" too: a placeholder, or text we let `re` interpret


def rule_to_regex(rule: str) -> str:
    """The regular expression Powertools builds from a rule: each ``<name>`` becomes a named group."""
    return re.sub(PLACEHOLDER_PATTERN, lambda found: f"(?P<{found.group(1)}>{SEGMENT_CLASS})", rule)


def keyword_names(rule: str) -> Tuple[str, ...]:
    """The keyword arguments a rule passes to its handler: ``<name>`` placeholders and ``(?P<name>...)`` groups."""
    kind, names = classify(rule)
    if kind != "regex":
        return names
    return tuple(dict.fromkeys(re.findall(PLACEHOLDER_PATTERN, rule) + re.findall(_NAMED_GROUP_PATTERN, rule)))


def placeholder_name(segment: str) -> Optional[str]:
    """``name`` when a path segment is exactly one ``<name>`` placeholder (word characters, as ``\\w+``), else
    ``None``."""
    if len(segment) > 2 and segment[0] == "<" and segment[-1] == ">":
        name = segment[1:-1]
        # re's \w is a character for which str.isalnum() is true, or "_".
        if name.replace("_", "a").isalnum():
            return name
    return None


def is_regex(rule: str) -> bool:
    """True when the rule is more than a literal path (placeholders or regular-expression syntax)."""
    return not _REGEX_METACHARS.isdisjoint(rule)


def classify(rule: str) -> Tuple[str, Tuple[str, ...]]:
    """``("literal" | "segment" | "regex", placeholder names)`` for a rule."""
    # PERF: each registration asks twice (the matcher, then the resolver for the handler's keywords); the answers
    # for the rules of this process are kept (registration only: requests never classify).
    known = _CLASSIFIED.get(rule)
    if known is None:
        known = _CLASSIFIED[rule] = _classify(rule)
    return known


_CLASSIFIED: Dict[str, Tuple[str, Tuple[str, ...]]] = {}


def _classify(rule: str) -> Tuple[str, Tuple[str, ...]]:
    if _REGEX_METACHARS.isdisjoint(rule):
        return "literal", ()
    names = []
    for segment in rule.split("/"):
        name = placeholder_name(segment)
        if name is not None:
            names.append(name)
        elif not _REGEX_METACHARS.isdisjoint(segment):
            return "regex", ()
    for name in names:
        # The rule must behave as its regex would, and a regex group name must be an identifier ("<1>" is not).
        if not name.isidentifier():
            raise ValueError(f"invalid route rule {rule!r}: placeholder name {name!r} is not a Python identifier")
    if len(set(names)) != len(names):
        raise ValueError(f"invalid route rule {rule!r}: a placeholder name is used twice")
    return "segment", tuple(names)


def compile_rule(rule: str) -> Pattern[str]:
    """The compiled regular expression of a regex rule; ``ValueError`` pointing at the rule's own text.

    APPSEC: no ``/*`` is appended for resolvers that ignore trailing slashes (Powertools appends one): the matchers
    match the path without its trailing slashes instead (then with one back). ``.+/*`` on a path of many slashes
    that fails at its end backtracks quadratically.
    """
    try:
        return re.compile("(?:%s)" % rule_to_regex(rule))
    except re.error as exc:
        raise ValueError(f"invalid route rule {rule!r}: {_locate(rule, exc)}") from None


def _locate(rule: str, exc: re.error) -> str:
    """The error message with a position in the user's rule, not in the expanded pattern ``re`` saw."""
    # Each placeholder stands for one literal run of the same length, so positions map one to one.
    same_length = re.sub(PLACEHOLDER_PATTERN, lambda found: "x" * len(found.group(0)), rule)
    try:
        re.compile(same_length)
    except re.error as own:
        if own.pos is not None:
            return f"{own.msg} at position {own.pos}: {rule[: own.pos]}>>>{rule[own.pos :]}"
        return own.msg
    return exc.msg  # only the expansion fails (say a placeholder name used twice): no position in the rule

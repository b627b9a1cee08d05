"""Route matcher, pure-Python twin of ``_matcher_c.pyx`` (same classes, same behaviour).

A rule is classified once, when it is added:

- **literal** (``/orders``): no regex metacharacter, no placeholder. Found by one dict lookup of the whole path.
- **segment** (``/orders/<order_id>/items``): every ``/``-separated segment is either literal or exactly one
  ``<name>`` placeholder. Stored in a segment trie; a lookup walks one trie node per path segment.
- **regex** (anything else, e.g. ``/files/.+`` or ``/v<major>.json``): placeholders become named groups and the
  rule is used as a regular expression that must match the whole path, as in Powertools.

Precedence is the contract (Powertools v3): rules whose regex has no capturing group ("static") are tried before
rules with one ("dynamic"); inside each of the two groups, registration order; the first rule that matches the
path *and* the method wins. The structures above only make that choice fast, they never change it; the
differential tests check this against a naive "compile every rule and scan" reference.

A placeholder matches one non-empty path segment made of word characters (``str.isalnum()`` or ``_``) and
``-._~()'!*:@,;=+&$%<> []{}|^``; never ``/``. Matches are never cached by path (the key space belongs to
whoever sends requests).
"""

from __future__ import annotations

import re

from ._shared import SEGMENT_CLASS, classify, compile_rule

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, List, Optional, Set, Tuple

__all__ = ["Matcher", "is_segment_value"]

_SEGMENT = re.compile(SEGMENT_CLASS)


def is_segment_value(segment: str) -> bool:
    """True if ``segment`` can be the value of a ``<name>`` placeholder."""
    # PERF: most ids are plain alphanumerics; str.isalnum() answers them without the regex engine.
    return segment.isalnum() or _SEGMENT.fullmatch(segment) is not None


class _Node:
    """A segment-trie node: literal children, one shared placeholder child, and the routes ending here."""

    __slots__ = ("literal", "param", "ends", "low")

    def __init__(self) -> None:
        self.literal: Dict[str, _Node] = {}
        self.param: Optional[_Node] = None
        # method -> (order, target, placeholder names): the first rule registered for that method wins
        self.ends: Dict[str, Tuple[int, Any, Tuple[str, ...]]] = {}
        # lowest registration order anywhere below: lets a search skip subtrees that cannot win
        self.low: int = 1 << 62


class Matcher:
    """Finds the route for a method and path.

    >>> m = Matcher()
    >>> m.add("/orders/<order_id>", "GET", "get_order")
    >>> m.match("GET", "/orders/42")
    ('get_order', {'order_id': '42'})
    >>> m.match("POST", "/orders/42") is None
    True
    >>> sorted(m.methods_for("/orders/42"))
    ['GET']

    ``ignore_trailing_slash=True`` (the REST resolver's mode) strips trailing ``/`` from rules and treats
    ``/orders/42/`` like ``/orders/42``.
    """

    def __init__(self, ignore_trailing_slash: bool = False) -> None:
        self.ignore_trailing_slash = ignore_trailing_slash
        self._count = 0
        # whole path -> method -> (order, target)
        self._literal: Dict[str, Dict[str, Tuple[int, Any]]] = {}
        self._root = _Node()
        # (order, compiled regex, method, target), in registration order
        self._static_regex: List[Tuple[int, Any, str, Any]] = []
        self._dynamic_regex: List[Tuple[int, Any, str, Any]] = []

    def __len__(self) -> int:
        return self._count

    def add(self, rule: str, method: str, target: Any) -> None:
        """Register ``target`` for ``method`` (upper case) and ``rule``.

        Raises ``ValueError`` for a rule that is not a valid regular expression once its placeholders are
        expanded (for example one placeholder name used twice).
        """
        if self.ignore_trailing_slash:
            rule = rule.rstrip("/")
        order = self._count
        kind, names = classify(rule)
        if kind == "literal":
            self._literal.setdefault(rule, {}).setdefault(method, (order, target))
        elif kind == "segment":
            self._add_segments(rule, method, target, order, names)
        else:
            compiled = compile_rule(rule)
            entry = (order, compiled, method, target)
            (self._dynamic_regex if compiled.groups else self._static_regex).append(entry)
        self._count += 1

    def _add_segments(self, rule: str, method: str, target: Any, order: int, names: Tuple[str, ...]) -> None:
        node = self._root
        node.low = min(node.low, order)
        for segment in rule.split("/"):
            if segment[:1] == "<":  # classify said "segment": each one is literal text or exactly one placeholder
                if node.param is None:
                    node.param = _Node()
                node = node.param
            else:
                node = node.literal.setdefault(segment, _Node())
            node.low = min(node.low, order)
        node.ends.setdefault(method, (order, target, names))

    def match(self, method: str, path: str) -> Optional[Tuple[Any, Dict[str, str]]]:
        """Return ``(target, params)`` for the winning rule, or ``None`` when no rule matches path and method."""
        key = path.rstrip("/") if self.ignore_trailing_slash else path

        # Static group: literal rules and group-less regex rules, in registration order.
        best_order = 1 << 62
        best: Any = None
        found = False
        methods = self._literal.get(key)
        if methods is not None:
            hit = methods.get(method)
            if hit is not None:
                best_order, best = hit
                found = True
        for order, compiled, rule_method, target in self._static_regex:
            if order > best_order:
                break
            if rule_method == method and _fullmatch(compiled, path, key) is not None:
                return target, {}
        if found:
            return best, {}

        # Dynamic group: segment rules and regex rules with groups, in registration order.
        segments = key.split("/")
        winner = _search(self._root, segments, 0, method, [], [1 << 62, None, (), []])
        best_order = winner[0]
        for order, compiled, rule_method, target in self._dynamic_regex:
            if order > best_order:
                break
            if rule_method == method:
                found_match = _fullmatch(compiled, path, key)
                if found_match is not None:
                    return target, found_match.groupdict()
        if winner[1] is None:
            return None
        return winner[1], dict(zip(winner[2], winner[3]))

    def methods_for(self, path: str) -> Set[str]:
        """Every method some rule accepts for ``path`` (for CORS pre-flight and ``Allow`` headers)."""
        key = path.rstrip("/") if self.ignore_trailing_slash else path
        found = set(self._literal.get(key, ()))
        _collect_methods(self._root, key.split("/"), 0, found)
        for _order, compiled, rule_method, _target in self._static_regex + self._dynamic_regex:
            if rule_method not in found and _fullmatch(compiled, path, key) is not None:
                found.add(rule_method)
        return found


def _fullmatch(compiled: Any, path: str, key: str) -> Any:
    """A regex rule against the path; ignoring trailing slashes (``key`` is the path without them), against
    ``key``, then ``key`` with one slash back (for rules that end in one)."""
    found = compiled.fullmatch(key)
    if found is None and len(key) != len(path):
        found = compiled.fullmatch(key + "/")
    return found


def _search(node: _Node, segments: List[str], index: int, method: str, values: List[str], best: List[Any]) -> List[Any]:
    """Depth-first search for the lowest-order route of ``method``; ``best`` is [order, target, names, values]."""
    if index == len(segments):
        end = node.ends.get(method)
        if end is not None and end[0] < best[0]:
            best[0], best[1], best[2], best[3] = end[0], end[1], end[2], list(values)
        return best
    segment = segments[index]
    child = node.literal.get(segment)
    if child is not None and child.low < best[0]:
        _search(child, segments, index + 1, method, values, best)
    child = node.param
    if child is not None and child.low < best[0] and is_segment_value(segment):
        values.append(segment)
        _search(child, segments, index + 1, method, values, best)
        values.pop()
    return best


def _collect_methods(node: _Node, segments: List[str], index: int, found: Set[str]) -> None:
    if index == len(segments):
        found.update(node.ends)
        return
    segment = segments[index]
    child = node.literal.get(segment)
    if child is not None:
        _collect_methods(child, segments, index + 1, found)
    if node.param is not None and is_segment_value(segment):
        _collect_methods(node.param, segments, index + 1, found)

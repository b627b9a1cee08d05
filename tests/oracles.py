"""Oracles shared by the differential tests (tests/test_differential.py) and the fuzzers (fuzz/): the naive
matcher the route-matching contract is defined by, and the tokens ``Accept-Encoding`` values are built from.

Plain Python with no test dependency, so the fuzzers import it too.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Tuple

from apigw import _shared

#: What Accept-Encoding values are made of: codings in any case, qualities near zero, separators, odd spaces.
ENCODING_TOKENS = [
    "gzip",
    "x-gzip",
    "GZIP",
    "Gzip",
    "*",
    "br",
    "deflate",
    "identity",
    ";",
    ",",
    "q=",
    "Q=",
    "q",
    "=",
    "0",
    "0.",
    "0.000",
    "0.001",
    "1",
    "1.0",
    " ",
    "\t",
    "00",
    ".",
    "\u00a0",
    "\u2028",
    "gzİp",
    "q=0 ",
    "q =0",
]


class ReferenceMatcher:
    """The straightforward algorithm the contract is defined by: every rule is a regex, scanned in order.

    Rules whose regex has no group ("static") come before the others ("dynamic"); registration order inside
    each list; the first rule with the same method whose regex matches the whole path wins.
    """

    def __init__(self, ignore_trailing_slash: bool = False) -> None:
        self.ignore_trailing_slash = ignore_trailing_slash
        self.static: List[Tuple[Any, str, Any]] = []
        self.dynamic: List[Tuple[Any, str, Any]] = []

    def add(self, rule: str, method: str, target: Any) -> None:
        if self.ignore_trailing_slash:
            rule = rule.rstrip("/")
        compiled = re.compile("(?:" + _shared.rule_to_regex(rule) + ")")
        (self.dynamic if compiled.groups else self.static).append((compiled, method, target))

    def _fullmatch(self, compiled: Any, path: str) -> Any:
        # Ignoring trailing slashes: the path without them, or with one back (a rule may end in "/").
        if not self.ignore_trailing_slash:
            return compiled.fullmatch(path)
        key = path.rstrip("/")
        return compiled.fullmatch(key) or (compiled.fullmatch(key + "/") if key != path else None)

    def match(self, method: str, path: str) -> Optional[Tuple[Any, Dict[str, str]]]:
        for compiled, rule_method, target in self.static + self.dynamic:
            if rule_method == method:
                found = self._fullmatch(compiled, path)
                if found is not None:
                    return target, found.groupdict()
        return None

    def methods_for(self, path: str) -> set:
        return {method for compiled, method, _ in self.static + self.dynamic if self._fullmatch(compiled, path)}

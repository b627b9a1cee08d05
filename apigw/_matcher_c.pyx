# cython: language_level=3
"""Route matcher, compiled twin of ``_matcher_py.py``: same classes, same behaviour (read the pure twin's
docstrings for the contract). What differs is only how: typed trie nodes, a C loop over each segment's
characters instead of the regex engine, and no Python frames on the lookup path."""

# Rule classification runs once per route at registration: one shared module, not duplicated in the twins.
from ._shared import classify, compile_rule

cdef Py_ssize_t NO_ORDER = 1 << 62


cdef inline bint _is_extra(Py_UCS4 ch):
    # PERF: SEGMENT_EXTRA_CHARS spelled out, so Cython emits a C switch instead of a string search.
    return ch in u"-._~()'!*:@,;=+&$%<> []{}|^"


cdef inline str _exact(object text):
    # NOTE: public functions take `object` where the pure twin takes any str: a `str` typed argument accepts only
    # exact str, and a str subclass (a StrEnum member) is text too. str.__str__ gives its exact-str value.
    return text if type(text) is str else str.__str__(text)


cpdef bint is_segment_value(object segment):
    """True if ``segment`` can be the value of a ``<name>`` placeholder."""
    cdef Py_UCS4 ch
    cdef str text = _exact(segment)
    if not text:
        return False
    for ch in text:
        if not (ch.isalnum() or ch == u"_" or _is_extra(ch)):
            return False
    return True


cdef class _Node:
    cdef public dict literal
    cdef public _Node param
    cdef public dict ends
    cdef public Py_ssize_t low

    def __cinit__(self):
        self.literal = {}
        self.param = None
        self.ends = {}
        self.low = NO_ORDER


cdef class _Best:
    cdef Py_ssize_t order
    cdef object target
    cdef tuple names
    cdef list values

    def __cinit__(self):
        self.order = NO_ORDER
        self.target = None
        self.names = ()
        self.values = None


cdef class Matcher:
    """Finds the route for a method and path (see ``_matcher_py.Matcher``)."""

    cdef readonly bint ignore_trailing_slash
    cdef Py_ssize_t _count
    cdef dict _literal
    cdef _Node _root
    cdef list _static_regex
    cdef list _dynamic_regex

    def __cinit__(self, bint ignore_trailing_slash=False):
        self.ignore_trailing_slash = ignore_trailing_slash
        self._count = 0
        self._literal = {}
        self._root = _Node()
        self._static_regex = []
        self._dynamic_regex = []

    def __len__(self):
        return self._count

    def add(self, object rule, object method, object target):
        """Register ``target`` for ``method`` and ``rule``; ``ValueError`` for an invalid rule."""
        if self.ignore_trailing_slash:
            rule = rule.rstrip("/")
        cdef Py_ssize_t order = self._count
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

    cdef _add_segments(self, object rule, object method, object target, Py_ssize_t order, tuple names):
        cdef _Node node = self._root
        cdef _Node child
        node.low = min(node.low, order)
        for segment in rule.split("/"):
            if segment[:1] == "<":  # classify said "segment": each one is literal text or exactly one placeholder
                if node.param is None:
                    node.param = _Node()
                node = node.param
            else:
                child = node.literal.get(segment)
                if child is None:
                    child = _Node()
                    node.literal[segment] = child
                node = child
            node.low = min(node.low, order)
        node.ends.setdefault(method, (order, target, names))

    def match(self, object method, object path):
        """``(target, params)`` for the winning rule, or ``None``."""
        cdef str key = _exact(path).rstrip("/") if self.ignore_trailing_slash else _exact(path)
        cdef Py_ssize_t best_order = NO_ORDER
        cdef object best = None
        cdef bint found = False
        cdef dict methods
        cdef tuple hit, entry
        cdef _Best winner

        methods = self._literal.get(key)
        if methods is not None:
            hit = methods.get(method)
            if hit is not None:
                best_order = hit[0]
                best = hit[1]
                found = True
        for entry in self._static_regex:
            if <Py_ssize_t>entry[0] > best_order:
                break
            if entry[2] == method and _fullmatch(entry[1], path, key) is not None:
                return entry[3], {}
        if found:
            return best, {}

        winner = _Best()
        if self._root.low < NO_ORDER:
            _search(self._root, key.split("/"), 0, method, [], winner)
        for entry in self._dynamic_regex:
            if <Py_ssize_t>entry[0] > winner.order:
                break
            if entry[2] == method:
                found_match = _fullmatch(entry[1], path, key)
                if found_match is not None:
                    return entry[3], found_match.groupdict()
        if winner.target is None:
            return None
        return winner.target, dict(zip(winner.names, winner.values))

    def methods_for(self, object path):
        """Every method some rule accepts for ``path``."""
        cdef str key = _exact(path).rstrip("/") if self.ignore_trailing_slash else _exact(path)
        found = set(self._literal.get(key, ()))
        _collect_methods(self._root, key.split("/"), 0, found)
        for _order, compiled, rule_method, _target in self._static_regex + self._dynamic_regex:
            if rule_method not in found and _fullmatch(compiled, path, key) is not None:
                found.add(rule_method)
        return found


cdef object _fullmatch(object compiled, object path, object key):
    found = compiled.fullmatch(key)
    if found is None and len(key) != len(path):
        found = compiled.fullmatch(key + u"/")
    return found


cdef void _search(_Node node, list segments, Py_ssize_t index, object method, list values, _Best best) except *:
    cdef tuple end
    cdef _Node child
    cdef str segment
    if index == len(segments):
        end = node.ends.get(method)
        if end is not None and <Py_ssize_t>end[0] < best.order:
            best.order = end[0]
            best.target = end[1]
            best.names = end[2]
            best.values = list(values)
        return
    segment = segments[index]
    child = node.literal.get(segment)
    if child is not None and child.low < best.order:
        _search(child, segments, index + 1, method, values, best)
    child = node.param
    if child is not None and child.low < best.order and is_segment_value(segment):
        values.append(segment)
        _search(child, segments, index + 1, method, values, best)
        values.pop()


cdef void _collect_methods(_Node node, list segments, Py_ssize_t index, set found) except *:
    cdef str segment
    cdef _Node child
    if index == len(segments):
        found.update(node.ends)
        return
    segment = segments[index]
    child = node.literal.get(segment)
    if child is not None:
        _collect_methods(child, segments, index + 1, found)
    if node.param is not None and is_segment_value(segment):
        _collect_methods(node.param, segments, index + 1, found)

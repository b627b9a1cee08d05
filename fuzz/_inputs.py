"""What the three fuzz targets share: turning the fuzzer's bytes into structured inputs, and comparing the
compiled twin's answer with the pure twin's.

``Draw`` wraps ``atheris.FuzzedDataProvider``: every choice a target makes (how many rules, which word, which
layout) reads a few bytes, so a mutation of the bytes is a mutation of the structure, and an input that reaches a
new branch of the pure twin is kept by the fuzzer and mutated further. An exhausted buffer answers zeros and empty
strings, so every byte string is a valid input.

``outcome`` runs one side of a comparison and turns whatever it raised into a comparable value; ``same`` compares
two outcomes strictly (types, dict key order, container types); ``Mismatch`` is the one exception a target raises,
and its message is the reproducer: the call, both answers, and the structured inputs.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Callable, List, Optional, Sequence

import atheris

# The oracles the differential tests use too (tests/oracles.py): one naive matcher, one token list.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))


class Mismatch(AssertionError):
    """The compiled twin and its pure oracle disagree on one input (or a documented property does not hold)."""


class TextSubclass(str):
    """A ``str`` subclass, as a StrEnum member is: applications name headers, content types and routes with them,
    and the twins must take them wherever they take text. Its repr says what it is, for reproducers."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"TextSubclass({str.__repr__(self)})"


class Draw:
    """Structured values read from fuzzer bytes (see the module docstring)."""

    __slots__ = ("_fdp",)

    def __init__(self, data: bytes) -> None:
        self._fdp = atheris.FuzzedDataProvider(data)

    def integer(self, low: int, high: int) -> int:
        """An integer in ``[low, high]``."""
        return self._fdp.ConsumeIntInRange(low, high)

    def boolean(self) -> bool:
        return self._fdp.ConsumeBool()

    def one_in(self, n: int) -> bool:
        """True for about one input in ``n`` (for rare, expensive shapes)."""
        # NOTE: the highest value, not 0: an exhausted buffer reads as zeros, and short inputs must stay common.
        return self._fdp.ConsumeIntInRange(0, n - 1) == n - 1

    def pick(self, choices: Sequence[Any]) -> Any:
        return choices[self._fdp.ConsumeIntInRange(0, len(choices) - 1)]

    def text(self, max_size: int) -> str:
        """Any text, lone surrogates included (ASCII, UCS-2 or UCS-4 range, chosen by the bytes)."""
        return self._fdp.ConsumeUnicode(self._fdp.ConsumeIntInRange(0, max_size))

    def text_from(self, alphabet: str, max_size: int) -> str:
        """Text of up to ``max_size`` characters of ``alphabet``."""
        raw = self._fdp.ConsumeBytes(self._fdp.ConsumeIntInRange(0, max_size))
        return "".join(alphabet[byte % len(alphabet)] for byte in raw)

    def tokens(self, vocabulary: Sequence[str], max_count: int) -> str:
        """Up to ``max_count`` tokens of ``vocabulary``, concatenated."""
        return "".join(self.pick(vocabulary) for _ in range(self.integer(0, max_count)))

    def binary(self, max_size: int) -> bytes:
        return self._fdp.ConsumeBytes(self._fdp.ConsumeIntInRange(0, max_size))

    def number(self) -> float:
        return self._fdp.ConsumeFloat()


def outcome(func: Callable[..., Any], *args: Any) -> Any:
    """What ``func(*args)`` does, comparable between twins: ``("returned", value)`` or ``("raised", type name,
    message)``. A ``Mismatch`` raised inside (a target's own check) is not an outcome: it propagates."""
    try:
        return ("returned", func(*args))
    except Mismatch:
        raise
    except Exception as exc:
        return ("raised", type(exc).__name__, str(exc))


def strict(value: Any) -> Any:
    """A comparable form that keeps types, dict key order and container types (``{"a": 1, "b": 2}`` and
    ``{"b": 2, "a": 1}`` differ; so do ``[1]`` and ``(1,)``, and ``1`` and ``True``)."""
    if isinstance(value, dict):
        return (type(value).__name__, [(strict(key), strict(item)) for key, item in value.items()])
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, [strict(item) for item in value])
    if isinstance(value, (set, frozenset)):
        return (type(value).__name__, sorted(map(repr, value)))
    return (type(value).__name__, value)


def same(what: str, got: Any, expected: Any, inputs: Any, compare: Optional[Callable[[Any, Any], bool]] = None) -> None:
    """Raise ``Mismatch`` unless the compiled outcome ``got`` equals the pure outcome ``expected`` (``strict``
    forms, or ``compare(got, expected)``)."""
    equal = compare(got, expected) if compare is not None else strict(got) == strict(expected)
    if not equal:
        raise Mismatch(
            f"{what}: compiled twin and pure twin disagree\n"
            f"  compiled: {got!r}\n"
            f"  pure:     {expected!r}\n"
            f"  inputs:   {inputs!r}"
        )


def fail(what: str, inputs: Any) -> None:
    """Raise ``Mismatch`` for a property (not a twin comparison) that does not hold."""
    raise Mismatch(f"{what}\n  inputs:   {inputs!r}")


def run(test_one_input: Callable[[bytes], None], argv: Optional[List[str]] = None) -> None:
    """Hand ``test_one_input`` to libFuzzer (through atheris) with ``argv`` as its flags; never returns."""
    atheris.Setup(sys.argv if argv is None else argv, test_one_input)
    atheris.Fuzz()

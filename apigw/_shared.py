"""What several of apigw's modules share, written once (no twin), in one module: a cold start pays ~50 µs for each
module it imports (PERF), and these are needed by every app.

- **Route rules** (both matcher twins, the resolver, the OpenAPI paths): how a rule is classified and matched.
- **Writing responses** (both encoder twins, both headers twins, the resolver): the JSON encoder, gzip, statuses,
  ``Vary``, oversize responses, and the response header layouts.
- **The errors of every request path**, ``_shared.ServiceError`` and ``_shared.InvalidEventError``: the classes of
  ``apigw.exceptions``, which loads when a request first needs one (PERF: a cold start makes no error class).
- **Typing stand-ins** (``apigw.events``, ``apigw.resolver``, ``apigw.middlewares``): what their classes are
  declared with at run time, since ``typing`` is not loaded.
- **Names loaded on first use** (``apigw``, ``apigw.events``, ``apigw.resolver``, ``apigw.response``, this module):
  their module ``__getattr__``.

A compiled module and its pure twin both import from here, so the compiled build never imports a pure twin.
"""

from __future__ import annotations

import importlib
import json
import re
import sys
from types import GenericAlias

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, List, Mapping, Optional, Pattern, Tuple

    from .exceptions import InvalidEventError as InvalidEventError
    from .exceptions import ServiceError as ServiceError

__all__ = [
    "add_headers",
    "classify",
    "compile_rule",
    "dumps",
    "fit",
    "Generic",
    "gzip_compress",
    "is_regex",
    "JOINED_COOKIES_IN_MULTI",
    "JOINED_WITH_COOKIES",
    "keyword_names",
    "MULTI",
    "overload",
    "placeholder_name",
    "PLACEHOLDER_PATTERN",
    "Protocol",
    "quality_above_zero",
    "response_size",
    "rule_to_regex",
    "SEGMENT_CLASS",
    "SEGMENT_EXTRA_CHARS",
    "set_cookie_spellings",
    "SINGLE",
    "SINGLE_AND_MULTI",
    "status_code",
    "status_line",
]


# == Route rules ====================================================================================================
# Route rules, read once at registration: shared by both matcher twins and the resolver (one definition, no twin).
#
# A rule is classified once, when it is added:
#
# - **literal** (``/orders``): no regex metacharacter, no placeholder. Found by one dict lookup of the whole path.
# - **segment** (``/orders/<order_id>/items``): every ``/``-separated segment is either literal or exactly one
#   ``<name>`` placeholder. Stored in a segment trie.
# - **regex** (anything else, e.g. ``/files/.+`` or ``/v<major>.json``): placeholders become named groups and the
#   rule is used as a regular expression that must match the whole path, as in Powertools.

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
        if _REGEX_METACHARS.isdisjoint(segment):
            continue  # PERF: literal text, the usual segment, settled without a call
        name = placeholder_name(segment)
        if name is None:
            return "regex", ()
        names.append(name)
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


# == Writing responses ==============================================================================================
# What the twins that write responses share, one definition each: the JSON encoder (json's C encoder either way),
# the ``Accept-Encoding`` quality rule, deterministic gzip and the rare paths of writing a response (statuses given as
# text, ``Vary`` merging, reason phrases, oversize responses), for the encoder twins; the response header layouts,
# the contract between ``apigw.integrations`` (which integration uses which) and the headers twins (how each is
# written, see ``_headers_py.serialize``).

JSON = "application/json"
VARY_ACCEPT_ENCODING = {"Vary": "Accept-Encoding"}
# More than the encoder twins' size_bound of every field of a plain JSON response except its body, in any layout
# and with any status line (tests/test_safety.py checks it): below the limit by this much plus the body's own
# bound, such a response cannot be too large, and is not measured.
PLAIN_FIELDS_BOUND = 2048


def _default(obj: Any) -> Any:
    # PERF: decimal and dataclasses are not imported for this (cold starts): an object can only be a Decimal if
    # the decimal module was imported by someone, and dataclass classes carry __dataclass_fields__. Pydantic models
    # are recognised by their model_dump method, so pydantic is never imported here.
    decimal = sys.modules.get("decimal")
    if decimal is not None and isinstance(obj, decimal.Decimal):
        return float("nan") if obj.is_nan() else str(obj)
    cls = type(obj)
    if hasattr(cls, "model_dump") and hasattr(cls, "model_fields"):
        return obj.model_dump(mode="json")  # COMPAT: pydantic v2 models, as Powertools 3.x serializes them
    if hasattr(cls, "__dataclass_fields__"):
        import dataclasses

        return dataclasses.asdict(obj)
    raise TypeError(f"Object of type {cls.__name__} is not JSON serializable")


_ENCODER = json.JSONEncoder(separators=(",", ":"), default=_default)

# PERF: json.dumps(obj, separators=...) builds a JSONEncoder and then a C encoder on every call; this C encoder is
# built once. It skips the circular-reference bookkeeping (its shared state would go stale after an error), so a
# circular structure recurses until RecursionError, and then the checking encoder above says what is wrong.
try:
    from json.encoder import c_make_encoder, encode_basestring_ascii  # type: ignore[attr-defined]

    _FAST_ENCODE = c_make_encoder(None, _default, encode_basestring_ascii, None, ":", ",", False, False, True)
except (ImportError, TypeError):  # pragma: no cover - Pythons without json's C accelerator
    _FAST_ENCODE = None


def dumps(obj: Any) -> str:
    """Compact JSON for a handler's result, byte-identical to ``json.dumps(obj, separators=(",", ":"))``, with
    ``Decimal`` as a JSON string (``"1.5"``; a NaN ``Decimal`` as ``NaN``, as ``float("nan")`` is), dataclass
    instances and pydantic models as objects. Circular structures raise ``ValueError``.

    >>> from decimal import Decimal
    >>> dumps({"price": Decimal("1.50"), "tags": ["a"]})
    '{"price":"1.50","tags":["a"]}'
    """
    if _FAST_ENCODE is not None:
        try:
            return "".join(_FAST_ENCODE(obj, 0))
        except RecursionError:
            pass
    return _ENCODER.encode(obj)


def quality_above_zero(params: str) -> bool:
    """True unless the ``;``-separated parameters of an ``Accept-Encoding`` item hold a zero ``q``."""
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "q":
            # RFC 9110 qvalue: "0" or "0." followed by up to three digits means "not acceptable".
            value = value.strip()
            return not (value[:1] == "0" and value[1:2] in ("", ".") and value[2:].strip("0") == "")
    return True


# gzip member header (RFC 1952): magic, deflate, no flags, mtime 0, "max compression", OS 3 (Unix).
# NOTE: written by hand because zlib's own header names the OS it was built on (19 on macOS): this way a body
# compresses to the same bytes on a laptop as on Lambda.
_GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03"


def gzip_compress(data: bytes) -> bytes:
    """gzip at level 9, zero timestamp: the same body always compresses to the same bytes."""
    import zlib  # PERF: loaded by the first gzipped body, not at cold start

    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    deflated = compressor.compress(data) + compressor.flush()
    trailer = zlib.crc32(data).to_bytes(4, "little") + (len(data) & 0xFFFFFFFF).to_bytes(4, "little")
    return b"".join((_GZIP_HEADER, deflated, trailer))


def status_code(status: Any, where: str) -> int:
    """An HTTP status as an int: ``201``, ``"201"`` and ``HTTPStatus.CREATED`` are 201; anything else is refused."""
    if type(status) is int:
        code = status
    elif isinstance(status, int) and not isinstance(status, bool):
        code = int(status)  # an IntEnum such as HTTPStatus
    elif isinstance(status, str) and status.strip().isascii() and status.strip().isdigit():
        code = int(status.strip())  # NOTE: ASCII digits only: "²" is a digit to str.isdigit, not to int()
    else:
        raise TypeError(f"{where}: an HTTP status is an int such as 200, not {status!r}")
    if not 100 <= code <= 599:
        raise ValueError(f"{where}: {code} is not an HTTP status (100-599)")
    return code


_STATUS_LINES: Dict[int, str] = {}  # status -> "200 OK", filled on the first response that needs one


def status_line(status: int) -> str:
    """``"200 OK"``: the status and its reason phrase (``statusDescription`` of ALB and VPC Lattice responses)."""
    line = _STATUS_LINES.get(status)
    if line is None:
        if not _STATUS_LINES:
            from http import HTTPStatus  # PERF: loaded on the first response that needs it, not at cold start

            _STATUS_LINES.update((item.value, f"{item.value} {item.phrase}") for item in HTTPStatus)
        line = _STATUS_LINES.get(status) or f"{status} Unknown"
    return line


def add_headers(headers: Dict[str, Any], extra: Mapping[str, str]) -> None:
    """Add headers to response headers; a ``Vary`` joins one the handler set."""
    vary = headers.get("Vary")
    headers.update(extra)
    if vary and "Vary" in extra:
        headers["Vary"] = _merge_vary(vary, extra["Vary"])


def _merge_vary(existing: Any, extra: str) -> str:
    existing_text = ", ".join(existing) if isinstance(existing, list) else str(existing)
    names = [name.strip().lower() for name in existing_text.split(",")]
    return existing_text if extra.lower() in names else f"{existing_text}, {extra}"


def accept_encoding(view: Any) -> str:
    """Every ``Accept-Encoding`` line as one comma-separated list (RFC 9110, 5.3); junk values are no encodings."""
    return ", ".join(value for value in view.headers.get_all("accept-encoding") if isinstance(value, str))


def response_size(result: Dict[str, Any]) -> int:
    """Bytes of the response JSON as the Lambda runtime writes it: escaped ASCII before the python3.12 runtime,
    UTF-8 from it on."""
    import os

    runtime = os.environ.get("AWS_EXECUTION_ENV", "")
    version = runtime.rpartition("python3.")[2]
    ensure_ascii = not (runtime.startswith("AWS_Lambda_python3.") and version.isdigit() and int(version) >= 12)
    return len(json.dumps(result, ensure_ascii=ensure_ascii).encode("utf-8"))


def fit(
    writer: Any,
    accepts_gzip: Any,
    encode_body: Any,
    view: Any,
    body: Any,
    headers: Dict[str, Any],
    cookies: List[str],
    route: Any,
    integration: Any,
    result: Dict[str, Any],
) -> Dict[str, Any]:
    """An oversize candidate of ``writer`` (a ``ResponseWriter`` of either twin, which passes its module's
    ``accepts_gzip`` and ``encode_body``): measured exactly; gzipped if that fits and the client takes it; else an
    error (raised, or a 500 that fits and a log line)."""
    from .exceptions import ResponseSizeExceededError

    limit = writer.size_limit or integration.response_limit
    size = response_size(result)
    if size <= limit:
        return result
    if writer.size_guard == "raise":
        raise ResponseSizeExceededError(actual_size=size, max_size=limit, route=route, integration=integration)
    if accepts_gzip(accept_encoding(view)) and "Content-Encoding" not in headers and body:
        text, _, _ = encode_body(body, True)
        headers = dict(headers, **{"Content-Encoding": "gzip"})
        add_headers(headers, VARY_ACCEPT_ENCODING)
        compressed = writer.respond(view, result["statusCode"], headers, cookies, text, True, integration)
        if "headers" in result and "headers" in compressed:
            for name, value in result["headers"].items():
                compressed["headers"].setdefault(name, value)
        if response_size(compressed) <= limit:
            return compressed
    error = ResponseSizeExceededError(actual_size=size, max_size=limit, route=route, integration=integration)
    import logging  # PERF: only oversize responses pay for it (the Lambda runtime has it loaded anyway)

    logging.getLogger("apigw").error("%s", error)
    text = writer.serializer({"statusCode": 500, "message": str(error)})
    return writer.respond(view, 500, {"Content-Type": JSON}, [], text, False, integration)


# -- response header layouts ------------------------------------------------------------------------------------

SINGLE_AND_MULTI = 0  # `headers` (single-valued) + `multiValueHeaders` (all), cookies as Set-Cookie values
JOINED_WITH_COOKIES = 1  # `headers` (values joined with ", ") + `cookies`
SINGLE = 2  # `headers` only, one value per name; cookies under differently-cased Set-Cookie names
MULTI = 3  # `multiValueHeaders` only
JOINED_COOKIES_IN_MULTI = 4  # `headers` (values joined with ", "), cookies as Set-Cookie values of `multiValueHeaders`


def set_cookie_spellings(count: int) -> List[str]:
    """``count`` distinct spellings of Set-Cookie for the ``SINGLE`` layout: the canonical one first, then other
    upper/lower-case mixes (header names are case-insensitive for clients, dict keys are not)."""
    spellings = ["Set-Cookie"]
    letters = "setcookie"  # the 9 letters of set-cookie: 512 spellings, far more than a response carries
    mask = 0
    while len(spellings) < count:
        if mask >= 1 << len(letters):
            raise ValueError(f"cannot send {count} cookies in an ALB single-value response")
        chars = []
        bit = 0
        for char in "set-cookie":
            if char == "-":
                chars.append(char)
                continue
            chars.append(char.upper() if mask >> bit & 1 else char)
            bit += 1
        mask += 1
        spelling = "".join(chars)
        if spelling not in spellings:
            spellings.append(spelling)
    return spellings[:count]


# == Typing stand-ins ===============================================================================================
# Run-time stand-ins for the ``typing`` constructs apigw's public classes are declared with.
#
# PERF: ``typing`` is not loaded by the Lambda runtime before the handler module (``json``, ``re``, ``enum`` are),
# and importing it costs a cold start milliseconds. Type checkers read the real ``typing`` (``if TYPE_CHECKING``
# branches); at run time ``Generic[T]`` is a plain base whose subclasses stay subscriptable (``Response[Todo]`` is a
# ``types.GenericAlias``, which ``typing.get_origin``/``get_args`` understand), ``Protocol`` is ``object`` and
# ``overload`` keeps the implementation.


class Generic:
    """``Generic`` at run time: a plain, subscriptable base. ``Generic[T]`` is a ``types.GenericAlias``, which a class
    statement replaces by its origin, this class (``__mro_entries__``); its subclasses are subscriptable too."""

    __slots__ = ()
    __class_getitem__ = classmethod(GenericAlias)  # type: ignore[var-annotated]


Protocol = object


def overload(func: object) -> object:
    """``typing.overload`` at run time: the last definition (the implementation) is the one kept."""
    return func


# == Names loaded on first use ======================================================================================


def load_lazily(namespace: Dict[str, Any], module_of: Mapping[str, str], name: str, where: str) -> Any:
    """A module's ``__getattr__`` (PEP 562): ``name`` from the apigw module ``module_of`` names for it (the module
    itself when they are the same name), kept in ``namespace`` so the next read is a plain attribute;
    ``AttributeError`` for a name the table does not have. ``where`` is the module asked, for the message."""
    module = module_of.get(name)
    if module is None:
        raise AttributeError(f"module {where!r} has no attribute {name!r}")
    loaded = importlib.import_module(f"apigw.{module}")
    value = loaded if module == name else getattr(loaded, name)
    namespace[name] = value
    return value


if not TYPE_CHECKING:
    _ERRORS = {"InvalidEventError": "exceptions", "ServiceError": "exceptions"}

    def __getattr__(name: str) -> Any:
        # The errors of every request path (see the module docstring): ``_shared.InvalidEventError`` at the point
        # of use, since an import at the top of a module would make the class at every cold start.
        return load_lazily(globals(), _ERRORS, name, __name__)

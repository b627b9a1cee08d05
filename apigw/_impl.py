"""The one place that chooses between the compiled and the pure-Python hot modules.

The three hot modules (``matcher``, ``headers``, ``encoder``) are chosen together, all compiled or all pure, so a
process never mixes them. Environment variables (``0``, ``false``, ``no``, ``off`` or empty mean off):

- ``APIGW_NO_EXTENSIONS=1``: use the pure-Python twins even if the compiled ones are installed.
- ``APIGW_REQUIRE_EXTENSIONS=1`` (or ``CIBUILDWHEEL=1``): a missing compiled module is an ``ImportError``.

Without either, a missing compiled module falls back to pure Python with a ``RuntimeWarning`` (a silent fallback
to the slow path is how production regressions hide), except in a package built pure on purpose (the pure
``py3-none-any`` wheel and layers made from it carry a ``_build_mode`` marker saying ``pure``).
"""

from __future__ import annotations

import importlib
import os
import sys
import warnings

# PERF: where importlib.machinery takes these from. The Lambda runtime has loaded these modules (the import system is
# made of them), not importlib.machinery: importing it would cost a cold start another module.
from importlib._bootstrap import ModuleSpec
from importlib._bootstrap_external import EXTENSION_SUFFIXES, ExtensionFileLoader
from types import ModuleType

TYPE_CHECKING = False


__all__ = [
    "ContextVar",
    "IMPLEMENTATION",
    "NO_EXTENSIONS",
    "REQUIRE_EXTENSIONS",
    "build_mode",
    "encoder",
    "headers",
    "load",
    "matcher",
]


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() not in ("", "0", "false", "no", "off")


NO_EXTENSIONS = _flag("APIGW_NO_EXTENSIONS")
REQUIRE_EXTENSIONS = _flag("APIGW_REQUIRE_EXTENSIONS") or _flag("CIBUILDWHEEL")


def build_mode() -> str:
    """How this copy of apigw was built: ``"pure"`` (on purpose, ``APIGW_NO_EXTENSIONS=1``), ``"fallback"`` (the
    compile failed) or ``"compiled"`` (also an editable install, which has no marker file)."""
    try:
        with open(os.path.join(os.path.dirname(__file__), "_build_mode")) as marker:
            return marker.read().strip() or "compiled"
    except OSError:
        return "compiled"


def load(name: str) -> tuple[ModuleType, ModuleType, ModuleType]:
    """Import the ``"cython"`` or the ``"python"`` set of hot modules (matcher, headers, encoder)."""
    if name == "cython":
        library = _compiled_library()
        matcher, headers, encoder = (
            _load_compiled(f"_{module}_c", library) for module in ("matcher", "headers", "encoder")
        )
    elif name == "python":
        # import_module, not "from . import": its error says "No module named 'apigw._matcher_py'", which is the truth.
        matcher, headers, encoder = (
            importlib.import_module(f"{__package__}._{module}_py") for module in ("matcher", "headers", "encoder")
        )
    else:
        raise ValueError(f"unknown apigw implementation {name!r} (expected 'cython' or 'python')")
    return matcher, headers, encoder


# PERF: the three compiled modules live in ONE shared library, apigw/_speedups.<extension suffix>: a cold start pays
# ~110 µs for each shared library it loads. An import looks for one file per module, so _load_compiled creates each
# module from that file (CPython calls the library's PyInit_<module name>) and registers it as an import would.


def _compiled_library() -> str:
    folder = os.path.dirname(__file__)
    for suffix in EXTENSION_SUFFIXES:
        path = os.path.join(folder, "_speedups" + suffix)
        if os.path.isfile(path):
            return path
    raise ImportError(
        f"No module named '{__package__}._speedups': the compiled modules' library "
        f"(_speedups{EXTENSION_SUFFIXES[0]}) is not in {folder}",
        name=f"{__package__}._speedups",
    )


def _load_compiled(short_name: str, library: str) -> ModuleType:
    full_name = f"{__package__}.{short_name}"
    if full_name in sys.modules:  # loaded already, or None: blocked, which an import honours too
        module = sys.modules[full_name]
        if module is None:
            raise ImportError(f"import of {full_name} halted; None in sys.modules", name=full_name)
        return module
    loader = ExtensionFileLoader(full_name, library)
    spec = ModuleSpec(full_name, loader, origin=library)
    module = loader.create_module(spec)  # sets __file__, __loader__ and __package__ from the spec
    module.__spec__ = spec
    loader.exec_module(module)
    sys.modules[full_name] = module
    setattr(sys.modules[__package__], short_name, module)  # `from apigw import _matcher_c` works, as after an import
    return module


if TYPE_CHECKING:
    from contextvars import ContextVar

    # Type checkers read the typed, documented pure twins.
    from . import _encoder_py as encoder
    from . import _headers_py as headers
    from . import _matcher_py as matcher

    IMPLEMENTATION: str
elif NO_EXTENSIONS:
    IMPLEMENTATION = "python"
    matcher, headers, encoder = load("python")
else:
    try:
        matcher, headers, encoder = load("cython")
        IMPLEMENTATION = "cython"
    except ImportError as exc:  # pragma: no cover - depends on how the package was built
        if REQUIRE_EXTENSIONS:
            raise ImportError(
                f"apigw: APIGW_REQUIRE_EXTENSIONS is set but the compiled modules are missing: {exc}"
            ) from exc
        if build_mode() != "pure":  # a pure wheel (or a layer made from one) is pure on purpose: no warning
            warnings.warn(
                f"apigw: compiled modules not available ({exc}); using the slower pure-Python implementation. "
                "Set APIGW_NO_EXTENSIONS=1 to choose pure Python explicitly and silence this warning.",
                RuntimeWarning,
                stacklevel=2,
            )
        IMPLEMENTATION = "python"
        matcher, headers, encoder = load("python")

# The type of the resolver's per-request context variables: lent by the compiled library when it is loaded (PERF:
# see apigw/_speedups.pyx), else the C module itself, without contextvars.py around it. Either way the same class.
if not TYPE_CHECKING:
    if IMPLEMENTATION == "cython":
        ContextVar = _load_compiled("_speedups", _compiled_library()).ContextVar
    else:
        from _contextvars import ContextVar

"""Extension list and the build policy for apigw's compiled twins.

Metadata lives in pyproject.toml. This file only decides whether to compile:

- ``APIGW_NO_EXTENSIONS=1``: build nothing, ship the pure-Python package.
- ``APIGW_REQUIRE_EXTENSIONS=1`` (implied by ``CIBUILDWHEEL=1``): a failed compile fails the build.
- otherwise: try to compile; if Cython or the C compiler fails, warn loudly and ship the pure-Python package
  (``pip install -v`` shows the warning; ``import apigw`` warns again at run time).
"""

import os
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
from setuptools.command.build_py import build_py

COMPILED_MODULES = ("_matcher_c", "_headers_c", "_encoder_c")
# PERF: the compiled modules (and _speedups.pyx, which says what the library is) are linked into ONE shared library:
# a cold start pays for each shared library it loads, and apigw/_impl.py creates all three modules from this one.
LIBRARY = "_speedups"


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() not in ("", "0", "false", "no", "off")


NO_EXTENSIONS = _flag("APIGW_NO_EXTENSIONS")
REQUIRE_EXTENSIONS = _flag("APIGW_REQUIRE_EXTENSIONS") or _flag("CIBUILDWHEEL")

FALLBACK_BANNER = """
********************************************************************************
apigw: the compiled modules could not be built ({reason}).
apigw is installed as PURE PYTHON: correct, but slower per request.
Install a C compiler and the Python headers and reinstall to get the fast build,
or set APIGW_NO_EXTENSIONS=1 to choose pure Python on purpose.
********************************************************************************
"""


# The build marker: a one-word file in the built package, read by apigw/_impl.py only when the compiled modules do not
# import. "pure" (built so on purpose: silent), "fallback" (the compile failed: warn), "compiled" (they should be
# there: warn). An editable install has no marker and counts as "compiled".
BUILD_MARKER = "_build_mode"


def _write_marker(build_lib: str, mode: str) -> None:
    package = os.path.join(build_lib, "apigw")
    if os.path.isdir(package):
        with open(os.path.join(package, BUILD_MARKER), "w") as marker:
            marker.write(mode + "\n")


class BuildPyWithMarker(build_py):
    """Writes the build marker next to the modules."""

    def run(self) -> None:
        super().run()
        _write_marker(self.build_lib, "pure" if NO_EXTENSIONS else "compiled")


def _warn_fallback(reason: object) -> None:
    sys.stderr.write(FALLBACK_BANNER.format(reason=reason))
    sys.stderr.flush()


class OptionalBuildExt(build_ext):
    """Turns a failed compile into a warning, unless the build requires the extensions.

    All or nothing: after any failure every compiled output of this build is removed, including ones an earlier
    build left in ``build/`` (pip builds a local directory in place), so no stale module can ship.
    """

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # compiler missing or broken
            if REQUIRE_EXTENSIONS:
                raise
            self._fall_back(exc)

    def build_extensions(self) -> None:
        for ext in self.extensions:
            try:
                self.build_extension(ext)
            except Exception as exc:
                if REQUIRE_EXTENSIONS:
                    raise
                self._fall_back(f"{ext.name}: {exc}")
                return

    def _fall_back(self, reason: object) -> None:
        for ext in self.extensions:
            path = self.get_ext_fullpath(ext.name)
            if os.path.exists(path):
                os.remove(path)
        _write_marker(self.build_lib, "fallback")
        _warn_fallback(reason)


def _extensions() -> list:
    if NO_EXTENSIONS:
        print("apigw: APIGW_NO_EXTENSIONS is set, building the pure-Python package", file=sys.stderr)
        return []
    try:
        from Cython.Build import cythonize
    except ImportError as exc:
        if REQUIRE_EXTENSIONS:
            raise
        _warn_fallback(f"Cython is not installed: {exc}")
        return []
    # Installed size is a product feature (Lambda layers, cold starts): no debug info, stripped symbols on Linux.
    flags = (
        {"extra_compile_args": ["-O2", "-g0"], "extra_link_args": ["-s"]} if sys.platform.startswith("linux") else {}
    )
    generated = cythonize(
        [f"apigw/{name}.pyx" for name in (*COMPILED_MODULES, LIBRARY)],
        compiler_directives={
            "language_level": "3",
            # NOTE: boundscheck/wraparound stay on: the twins index Python lists (values[-1]), where turning them
            # off would trade a measured nothing for a segfault.
            "embedsignature": True,
            # PERF: plain builtin functions instead of cyfunctions: about 15% less import time for the same calls.
            "binding": False,
        },
    )
    # Each generated .c keeps its own PyInit_<module> entry point; everything else in them is static. export_symbols
    # names all four (setuptools would name only the library's own); only MSVC's linker reads it.
    return [
        Extension(
            f"apigw.{LIBRARY}",
            [source for ext in generated for source in ext.sources],
            export_symbols=[f"PyInit_{name}" for name in (*COMPILED_MODULES, LIBRARY)],
            **flags,
        )
    ]


setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt, "build_py": BuildPyWithMarker})

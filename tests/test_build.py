"""How apigw chooses its implementation, and proof that the compiled one is really in use."""

from __future__ import annotations

import importlib
import importlib.machinery
import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.once

TWIN_NAMES = ["matcher", "headers", "encoder"]


def twins(name: str):
    """(compiled, pure) modules; imported inside the tests, so a pure-Python install can collect this file."""
    from apigw import _impl

    compiled = dict(zip(TWIN_NAMES, _impl.load("cython")))[name]
    return compiled, importlib.import_module(f"apigw._{name}_py")


def run_python(code: str, *flags: str, cwd: object = None, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("APIGW_", "CIBUILDWHEEL"))}
    environment.update(env)
    command = [sys.executable, *flags, "-c", code]
    return subprocess.run(command, capture_output=True, text=True, env=environment, timeout=60, cwd=cwd)


# A stand-in for an install where the compiler failed: the compiled modules cannot be imported.
WITHOUT_COMPILED = "import sys\nfor m in ('_matcher_c', '_headers_c', '_encoder_c'): sys.modules['apigw.' + m] = None\n"
REPORT = "import warnings, json, apigw; print(json.dumps(apigw.IMPLEMENTATION))"


@pytest.mark.compiled
def test_the_compiled_modules_are_extension_modules():
    for name in TWIN_NAMES:
        compiled, _pure = twins(name)
        assert compiled.__file__.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)), compiled.__file__


@pytest.mark.compiled
def test_the_compiled_modules_come_from_one_shared_library():
    import apigw._speedups as library

    files = {twins(name)[0].__file__ for name in TWIN_NAMES}

    assert files == {library.__file__}
    assert os.path.basename(library.__file__).startswith("_speedups.")
    assert library.MODULES == tuple(f"apigw._{name}_c" for name in TWIN_NAMES)


@pytest.mark.compiled
def test_the_compiled_modules_import_by_name_as_their_own_modules():
    result = run_python(
        "import apigw._matcher_c, sys\n"
        "from apigw import _headers_c, _encoder_c\n"
        "print(apigw._matcher_c.__name__, _headers_c.__name__, sys.modules['apigw._encoder_c'] is _encoder_c)"
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["apigw._matcher_c", "apigw._headers_c", "True"]


def test_a_missing_compiled_library_is_an_import_error_that_names_it(tmp_path):
    import shutil

    import apigw

    source = os.path.dirname(apigw.__file__)
    shutil.copytree(source, tmp_path / "apigw", ignore=shutil.ignore_patterns("*.so", "*.c", "__pycache__"))

    result = run_python(REPORT, "-S", cwd=tmp_path, APIGW_REQUIRE_EXTENSIONS="1")

    assert result.returncode != 0
    assert "ImportError" in result.stderr and "apigw._speedups" in result.stderr, result.stderr


@pytest.mark.compiled
def test_a_plain_import_selects_the_compiled_implementation():
    result = run_python(REPORT)

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == "cython"


@pytest.mark.compiled
@pytest.mark.parametrize("name", TWIN_NAMES)
def test_each_compiled_twin_has_every_public_name_of_its_pure_twin(name):
    compiled, pure = twins(name)
    assert set(pure.__all__) <= set(dir(compiled))


def test_no_extensions_selects_pure_python():
    result = run_python(REPORT, APIGW_NO_EXTENSIONS="1")

    assert json.loads(result.stdout) == "python"


def unmarked_copy(tmp_path) -> str:
    """A copy of the installed package without its build marker (``_build_mode``): what a compiled install whose
    modules fail to load looks like, whichever way the package under test was built (the pure wheel has a marker)."""
    import shutil

    import apigw

    source = os.path.dirname(apigw.__file__)
    shutil.copytree(source, tmp_path / "apigw", ignore=shutil.ignore_patterns("__pycache__", "_build_mode"))
    return str(tmp_path)


@pytest.mark.parametrize("value", ["0", "false", "", "off"])
def test_off_values_do_not_force_pure_python(value, tmp_path):
    result = run_python(WITHOUT_COMPILED + REPORT, "-S", cwd=unmarked_copy(tmp_path), APIGW_NO_EXTENSIONS=value)

    assert json.loads(result.stdout) == "python"
    assert "compiled modules not available" in result.stderr


def test_a_missing_compiled_module_falls_back_with_a_runtime_warning(tmp_path):
    result = run_python(WITHOUT_COMPILED + REPORT, "-S", cwd=unmarked_copy(tmp_path))

    assert result.returncode == 0
    assert json.loads(result.stdout) == "python"
    assert "RuntimeWarning" in result.stderr and "pure-Python" in result.stderr


@pytest.mark.parametrize("variable", ["APIGW_REQUIRE_EXTENSIONS", "CIBUILDWHEEL"])
def test_require_extensions_makes_a_missing_compiled_module_an_import_error(variable):
    result = run_python(WITHOUT_COMPILED + REPORT, **{variable: "1"})

    assert result.returncode != 0
    assert "ImportError" in result.stderr and "APIGW_REQUIRE_EXTENSIONS" in result.stderr


@pytest.mark.compiled
def test_the_compiled_build_never_loads_a_pure_twin_while_answering():
    # Cookies, an oversize response, a 404: paths that once borrowed pure-twin helpers.
    result = run_python(
        "import sys, apigw\n"
        "from apigw import ALBResolver, APIGatewayRestResolver, Response\n"
        "from apigw.integrations import ALB, REST_API\n"
        "cookies = ['a=1', 'b=2']\n"
        "apps = ((ALBResolver(), ALB), (APIGatewayRestResolver(response_size_limit=1024), REST_API))\n"
        "for app, integration in apps:\n"
        "    app.get('/c')(lambda: Response(200, 'text/plain', 'x', cookies=cookies))\n"
        "    app.get('/big')(lambda: {'x': 'y' * 5000})\n"
        "    for path in ('/c', '/big', '/nope'):\n"
        "        app.resolve(integration.build_event('GET', path, headers={'Accept-Encoding': 'gzip'}), None)\n"
        "print(apigw.IMPLEMENTATION, [m for m in sys.modules if m.startswith('apigw._') and m.endswith('_py')])"
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["cython", "[]"]


def test_the_selector_chooses_all_three_modules_together():
    result = run_python(
        "import sys; sys.modules['apigw._encoder_c'] = None\n"
        "from apigw import _impl; print(_impl.matcher.__name__, _impl.headers.__name__, _impl.encoder.__name__)"
    )

    assert result.stdout.split() == ["apigw._matcher_py", "apigw._headers_py", "apigw._encoder_py"]


@pytest.mark.parametrize("mode, warns", [("pure", False), ("fallback", True), ("compiled", True), (None, True)])
def test_only_a_package_built_pure_on_purpose_imports_pure_python_silently(tmp_path, mode, warns):
    # A copy of the package without compiled modules, as a pure wheel, a failed compile or a broken install leaves it.
    import shutil

    import apigw

    source = os.path.dirname(apigw.__file__)
    shutil.copytree(
        source, tmp_path / "apigw", ignore=shutil.ignore_patterns("*.so", "*.c", "__pycache__", "_build_mode")
    )
    if mode is not None:
        (tmp_path / "apigw" / "_build_mode").write_text(mode + "\n")

    # -S: no site-packages, so the copy is what imports (not an editable install's finder).
    result = run_python(REPORT, "-S", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == "python"
    assert ("RuntimeWarning" in result.stderr) is warns, result.stderr

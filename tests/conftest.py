"""Every test runs twice: against the compiled modules and against the pure-Python twins.

A missing compiled module fails the run. Only a run that explicitly asks for pure Python (``--pure-python`` or
``APIGW_NO_EXTENSIONS=1``) tests the twins alone. Tests marked ``differential`` compare the two implementations
directly and are not parametrized.
"""

from __future__ import annotations

import pytest

import apigw
from apigw import _impl


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--pure-python",
        action="store_true",
        help="test only the pure-Python twins (the compiled modules are then not required)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "differential: compares the compiled and the pure twins directly")


def pure_python_only(config: pytest.Config) -> bool:
    return bool(config.getoption("--pure-python")) or _impl.NO_EXTENSIONS


def pytest_report_header(config: pytest.Config) -> str:
    mode = "pure Python only" if pure_python_only(config) else "compiled and pure Python"
    return f"apigw: testing {mode}; imported implementation: {apigw.IMPLEMENTATION}"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "implementation" not in metafunc.fixturenames or metafunc.definition.get_closest_marker("differential"):
        return
    names = ["python"] if pure_python_only(metafunc.config) else ["cython", "python"]
    metafunc.parametrize("implementation", names, indirect=True)


@pytest.fixture(autouse=True)
def implementation(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):
    """Switch apigw's hot modules to one implementation for this test; apps built in the test use it."""
    name = getattr(request, "param", None)
    if name is None:  # a differential test: it imports both twins itself
        if pure_python_only(request.config):
            pytest.skip("compares the compiled twins, and this run asked for pure Python only")
        yield None
        return
    try:
        modules = _impl.load(name)
    except ImportError as exc:
        pytest.fail(f"the compiled modules are missing ({exc}); build them, or run with --pure-python")
    for attribute, module in zip(("matcher", "headers", "encoder"), modules):
        monkeypatch.setattr(_impl, attribute, module)
    monkeypatch.setattr(_impl, "IMPLEMENTATION", name)
    monkeypatch.setattr(apigw, "IMPLEMENTATION", name)
    yield name

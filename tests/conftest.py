"""Every test runs twice: against the compiled modules and against the pure-Python twins.

A missing compiled module fails the run. Only a run that explicitly asks for pure Python (``--pure-python`` or
``APIGW_NO_EXTENSIONS=1``) tests the twins alone. Tests marked ``compiled`` need the compiled modules themselves
(differential tests, build and layer checks): they run once, and not at all in a pure-Python-only run. Tests
marked ``once`` do not depend on the implementation and run once.
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
    config.addinivalue_line("markers", "compiled: needs the compiled modules themselves; run once")
    config.addinivalue_line("markers", "once: does not depend on the implementation; run once")


def pure_python_only(config: pytest.Config) -> bool:
    return bool(config.getoption("--pure-python")) or _impl.NO_EXTENSIONS


def pytest_ignore_collect(collection_path, config: pytest.Config):
    # test_differential.py imports the compiled twins at module level: a pure-Python install cannot even collect it.
    if collection_path.name == "test_differential.py" and pure_python_only(config):
        return True
    return None


def pytest_report_header(config: pytest.Config) -> str:
    mode = "pure Python only" if pure_python_only(config) else "compiled and pure Python"
    return f"apigw: testing {mode}; imported implementation: {apigw.IMPLEMENTATION}, from {apigw.__file__}"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "implementation" not in metafunc.fixturenames:
        return
    if metafunc.definition.get_closest_marker("compiled") or metafunc.definition.get_closest_marker("once"):
        return
    names = ["python"] if pure_python_only(metafunc.config) else ["cython", "python"]
    metafunc.parametrize("implementation", names, indirect=True)


@pytest.fixture(autouse=True)
def implementation(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):
    """Switch apigw's hot modules to one implementation for this test; apps built in the test use it."""
    name = getattr(request, "param", None)
    if name is None:  # a "once" or "compiled" test
        if request.node.get_closest_marker("compiled") and pure_python_only(request.config):
            pytest.skip("needs the compiled modules, and this run asked for pure Python only")
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

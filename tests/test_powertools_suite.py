"""The Powertools-suite runner (``tools/powertools_suite.py``): its import map, and whole runs on a tiny test tree.

The trees here are written by the tests themselves in a temporary folder: test files in the shape of Powertools'
(importing ``aws_lambda_powertools.event_handler``), never Powertools' own files.
"""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import pytest

import apigw

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import powertools_suite  # noqa: E402

pytestmark = pytest.mark.once

ROUTING_TEST = """
    from aws_lambda_powertools.event_handler import APIGatewayRestResolver
    from aws_lambda_powertools.event_handler.exceptions import NotFoundError


    def test_routes_a_request():
        app = APIGatewayRestResolver()

        @app.get("/orders")
        def orders():
            return {"orders": []}

        assert app({"path": "/orders", "httpMethod": "GET"}, None)["statusCode"] == 200


    def test_the_resolver_is_apigw_s():
        assert APIGatewayRestResolver.__module__.startswith("apigw")


    def test_the_exceptions_are_apigw_s():
        assert NotFoundError.__module__ == "apigw.exceptions"
"""

# A name Powertools has and apigw never will: the gap list must show it as an import error of this file.
GAP_TEST = """
    from aws_lambda_powertools.event_handler import APIGatewayRestResolver
    from aws_lambda_powertools.event_handler import AppSyncResolver  # not an HTTP resolver: apigw has none


    def test_without_the_missing_name():
        assert APIGatewayRestResolver() is not None


    def test_with_the_missing_name():
        assert AppSyncResolver() is not None
"""

CONFTEST_GAP = """
    from aws_lambda_powertools.event_handler import BedrockAgentResolver  # not an HTTP resolver: never in apigw
"""


def write_tree(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    return root


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    return write_tree(
        tmp_path / "powertools",
        {
            "tests/__init__.py": "",
            "tests/suite/__init__.py": "",
            "tests/suite/test_routing.py": ROUTING_TEST,
            "tests/suite/test_gap.py": GAP_TEST,
        },
    )


def run(tree: Path, tmp_path: Path, capsys, *options: str) -> dict:
    results = tmp_path / "results.txt"
    if apigw.IMPLEMENTATION == "python" and "--impl" not in options:
        options = (*options, "--impl", "python")  # a pure install (the pure wheel's test run) has no compiled twins
    exit_code = powertools_suite.main(["--tests", str(tree), "--results", str(results), *options, "tests/suite"])
    assert exit_code == 0
    capsys.readouterr()
    return json.loads(results.with_suffix(".json").read_text())


@pytest.mark.parametrize(
    ("powertools_module", "apigw_module"),
    [
        ("aws_lambda_powertools.event_handler", "apigw"),
        ("aws_lambda_powertools.event_handler.api_gateway", "apigw"),
        ("aws_lambda_powertools.event_handler.middlewares.schema_validation", "apigw.middlewares"),
        ("aws_lambda_powertools.event_handler.openapi.params", "apigw.openapi.params"),
        ("aws_lambda_powertools.event_handler.http_resolver", "apigw.http_resolver"),
        ("aws_lambda_powertools.shared.cookies", "apigw.response"),
        ("aws_lambda_powertools.utilities.data_classes.vpc_lattice", "apigw.events"),
    ],
)
def test_import_map_names_the_apigw_counterpart(powertools_module, apigw_module):
    assert powertools_suite.apigw_target(powertools_module) == apigw_module


@pytest.mark.parametrize(
    "powertools_module",
    ["aws_lambda_powertools", "aws_lambda_powertools.shared.json_encoder", "aws_lambda_powertools.utilities.typing"],
)
def test_modules_outside_the_import_map_stay_powertools_s(powertools_module):
    assert powertools_suite.apigw_target(powertools_module) is None


def test_against_powertools_runs_the_tests_unchanged(tree, tmp_path, capsys):
    results = run(tree, tmp_path, capsys, "--against", "powertools")

    outcomes = results["powertools"]
    assert outcomes["tests/suite/test_routing.py::test_routes_a_request"]["outcome"] == "passed"
    assert outcomes["tests/suite/test_routing.py::test_the_resolver_is_apigw_s"]["outcome"] == "failed"
    assert outcomes["tests/suite/test_gap.py::test_with_the_missing_name"]["outcome"] == "passed"
    assert results["apigw"] is None


def test_against_apigw_switches_the_imports(tree, tmp_path, capsys):
    results = run(tree, tmp_path, capsys, "--against", "apigw")

    outcomes = results["apigw"]
    assert outcomes["tests/suite/test_routing.py::test_routes_a_request"]["outcome"] == "passed"
    assert outcomes["tests/suite/test_routing.py::test_the_resolver_is_apigw_s"]["outcome"] == "passed"
    assert outcomes["tests/suite/test_routing.py::test_the_exceptions_are_apigw_s"]["outcome"] == "passed"


def test_a_name_apigw_lacks_is_an_import_error_of_its_file(tree, tmp_path, capsys):
    results = run(tree, tmp_path, capsys, "--against", "apigw")

    gap = results["score"]["broken_files"]["tests/suite/test_gap.py"]
    assert "cannot import name 'AppSyncResolver'" in gap
    failing = results["score"]["failing"]
    assert failing["tests/suite/test_gap.py::test_without_the_missing_name"]["outcome"] == "collection-error"


def test_a_test_failing_on_powertools_is_left_out_of_the_score(tree, tmp_path, capsys):
    results = run(tree, tmp_path, capsys, "--against", "apigw")

    nodeid = "tests/suite/test_routing.py::test_the_resolver_is_apigw_s"
    assert nodeid in results["score"]["baseline_failing"]
    assert nodeid not in results["score"]["passing"] + list(results["score"]["failing"])


def test_stub_missing_runs_the_rest_of_a_file_with_a_gap(tree, tmp_path, capsys):
    results = run(tree, tmp_path, capsys, "--against", "apigw", "--stub-missing")

    outcomes = results["apigw"]
    assert outcomes["tests/suite/test_gap.py::test_without_the_missing_name"]["outcome"] == "passed"
    used = outcomes["tests/suite/test_gap.py::test_with_the_missing_name"]
    assert used["outcome"] == "failed"
    assert "missing in apigw: apigw.AppSyncResolver" in used["reason"]
    assert "apigw.AppSyncResolver" in results["missing"]


def test_a_conftest_that_does_not_import_fails_its_folder_not_the_run(tree, tmp_path, capsys):
    write_tree(tree, {"tests/suite/conftest.py": CONFTEST_GAP})

    results = run(tree, tmp_path, capsys, "--against", "apigw")

    broken = results["score"]["broken_files"]
    assert set(broken) == {"tests/suite/test_gap.py", "tests/suite/test_routing.py"}
    assert all("BedrockAgentResolver" in reason for reason in broken.values())


def test_pure_python_runs_with_the_pure_twins(tree, tmp_path, capsys):
    write_tree(
        tree,
        {
            "tests/suite/test_implementation.py": """
                def test_reports_the_implementation():
                    import apigw

                    assert apigw.IMPLEMENTATION == "python"
            """
        },
    )

    results = run(tree, tmp_path, capsys, "--against", "apigw", "--impl", "python")

    assert (
        results["apigw"]["tests/suite/test_implementation.py::test_reports_the_implementation"]["outcome"] == "passed"
    )

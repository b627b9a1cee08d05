"""The documentation-examples runner (``tools/powertools_examples.py``): whole runs on a tiny examples folder.

The folder is written by the tests themselves: example apps in the shape of Powertools' documentation examples
(importing ``aws_lambda_powertools.event_handler``), never Powertools' own files.
"""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import pytest

pytest.importorskip("aws_lambda_powertools")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import powertools_examples  # noqa: E402

pytestmark = pytest.mark.once

TODOS_APP = """
    import requests

    from aws_lambda_powertools.event_handler import APIGatewayRestResolver

    app = APIGatewayRestResolver()


    @app.get("/todos/<todo_id>")
    def get_todo(todo_id: str):
        return {"todo": requests.get(f"https://jsonplaceholder.typicode.com/todos/{todo_id}").json()}


    def lambda_handler(event, context):
        return app.resolve(event, context)
"""

HELPER_MODULE = """
    def add_header(app, next_middleware):
        return next_middleware(app)
"""


def write_examples(folder: Path, **files: str) -> Path:
    for name, text in files.items():
        (folder / name).write_text(textwrap.dedent(text).lstrip())
    return folder


def run(folder: Path, capsys, *names: str) -> tuple:
    status = powertools_examples.main(["--examples", str(folder), "--impl", "python", *names])
    return status, capsys.readouterr().out


def test_an_example_answering_alike_on_both_is_ok(tmp_path, capsys):
    folder = write_examples(tmp_path, **{"todos.py": TODOS_APP})

    status, output = run(folder, capsys)

    assert status == 0
    assert "todos  ok            2 request(s)" in output


def test_a_module_without_resolver_is_skipped_with_the_reason(tmp_path, capsys):
    folder = write_examples(tmp_path, **{"todos.py": TODOS_APP, "helpers.py": HELPER_MODULE})

    status, output = run(folder, capsys, "helpers")

    assert status == 0
    assert "skipped       no HTTP resolver in the module" in output


def test_the_paired_event_is_sent_and_the_documented_output_checked(tmp_path, capsys):
    event = {"httpMethod": "GET", "path": "/todos/2", "resource": "/todos/{todo_id}"}
    documented = {"statusCode": 200, "body": json.dumps({"todo": {"userId": 1, "id": 2}})}
    folder = write_examples(tmp_path, **{"todos.py": TODOS_APP})
    (folder / "todos.json").write_text(json.dumps(event))
    (folder / "todos_output.json").write_text(json.dumps(documented))

    status, output = run(folder, capsys)

    assert status == 0
    assert "1 request(s); todos_output.json matched by neither (illustrative)" in output


def test_a_difference_is_reported_and_fails_the_run(tmp_path, capsys, monkeypatch):
    folder = write_examples(tmp_path, **{"todos.py": TODOS_APP})
    monkeypatch.setattr(powertools_examples, "REQUEST_HEADERS", {"Origin": "https://www.example.com"})
    real_differences = powertools_examples.differences

    def one_more(powertools, apigw, swagger=False):
        return [*real_differences(powertools, apigw, swagger), ("header", "x-made-up", ["a"], ["b"])]

    monkeypatch.setattr(powertools_examples, "differences", one_more)

    status, output = run(folder, capsys)

    assert status == 1
    assert "differs       [GET /todos/1] header x-made-up: powertools=['a'] apigw=['b']" in output


def test_client_headers_merge_both_maps_and_cookies_per_lower_cased_name():
    response = {
        "headers": {"Content-Type": "application/json"},
        "multiValueHeaders": {"content-type": ["application/json"], "X-Id": ["1", "2"]},
        "cookies": ["a=1"],
    }

    assert powertools_examples.client_headers(response) == {
        "content-type": ["application/json"],
        "x-id": ["1", "2"],
        "set-cookie": ["a=1"],
    }


def test_a_vary_header_only_apigw_sends_is_an_expected_difference():
    assert powertools_examples.expected_reason(("header", "vary", None, ["Origin"])) == "vary"
    assert powertools_examples.expected_reason(("header", "vary", ["Origin"], None)) is None

"""``python -m apigw routes | event | invoke`` (``serve`` is in test_dev_server.py), and the cold-start promise that
``import apigw`` loads none of the dev tools."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from apigw.cli import main

APP = """
from apigw import APIGatewayRestResolver, CORSConfig

app = APIGatewayRestResolver(cors=CORSConfig(), method_not_allowed=True, auto_head=True)


def audit(app, next_middleware):
    return next_middleware(app)


app.use(middlewares=[audit])


@app.get("/users/<user_id>")
def get_user(user_id):
    return {"id": user_id}


@app.get("/users/me")
def me():
    return {"me": True}


@app.post("/users", cors=False, compress=True, middlewares=[audit])
def create_user():
    return {"created": True}, 201


def lambda_handler(event, context):
    return app.resolve(event, context)
"""

SHADOWED = """
import warnings

from apigw import APIGatewayHttpResolver

app = APIGatewayHttpResolver()


@app.get("/files/.+")
def any_file():
    return {}


@app.get("/files/readme")
def readme():
    return {}


@app.get("/users/<user_id>")
def by_id(user_id):
    return {}


@app.get("/users/<name>")
def by_name(name):
    return {}


with warnings.catch_warnings():
    warnings.simplefilter("ignore")

    @app.get("/users/<user_id>")
    def by_id_again(user_id):
        return {}
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A folder with service.py (a clean app) and shadowed.py, as the current directory."""
    (tmp_path / "service.py").write_text(APP)
    (tmp_path / "shadowed.py").write_text(SHADOWED)
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in ("service", "shadowed"):
        sys.modules.pop(name, None)
    yield tmp_path
    for name in ("service", "shadowed"):
        sys.modules.pop(name, None)


# ------------------------------------------------------------------------------------------------ routes


def test_routes_prints_method_rule_handler_cors_compress_and_middlewares(project, capsys):
    assert main(["routes", "service:app"]) == 0

    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "APIGatewayRestResolver: API Gateway REST API, 3 route(s)"
    assert lines[1].split() == ["METHOD", "RULE", "HANDLER", "CORS", "COMPRESS", "MIDDLEWARES", "NOTE"]
    assert lines[2].split() == ["GET", "/users/<user_id>", "service.get_user", "yes", "no", "-"]
    assert lines[6].split() == ["POST", "/users", "service.create_user", "no", "yes", "audit"]
    assert "middlewares around every route: audit" in out


def test_routes_shows_the_http_options(project, capsys):
    main(["routes", "service:app"])

    out = capsys.readouterr().out
    assert "HEAD    /users/<user_id>  service.get_user" in out
    assert "auto_head: the GET answer without its body" in out
    assert "other methods on a known path: 405 Method Not Allowed with Allow" in out


def test_routes_flags_duplicates_and_shadowed_routes_and_exits_1(project, capsys):
    assert main(["routes", "shadowed.py:app"]) == 1

    out = capsys.readouterr().out
    assert "SHADOWED by GET /files/.+ (shadowed.any_file): never answers" in out
    assert "SHADOWED by GET /users/<user_id> (shadowed.by_id): never answers" in out
    assert "DUPLICATE: never answers, the first GET /users/<user_id> registration wins" in out
    assert "3 route(s) flagged" in out


def test_routes_does_not_flag_a_literal_rule_that_beats_a_placeholder(project, capsys):
    main(["routes", "service:app"])

    assert "SHADOWED" not in capsys.readouterr().out  # /users/me is tried before /users/<user_id>


def test_routes_of_a_handler_function_points_at_the_resolver(project, capsys):
    assert main(["routes", "service:lambda_handler"]) == 2

    assert "lambda_handler is not a resolver (a function); try service:app" in capsys.readouterr().err


def test_routes_finds_app_when_no_attribute_is_named(project, capsys):
    assert main(["routes", "service"]) == 0


def test_routes_of_a_subclass_of_any_integration_resolver_lists_every_integration(project, capsys):
    (project / "anywhere.py").write_text(
        "from apigw import AnyIntegrationResolver\n\n\n"
        "class MyResolver(AnyIntegrationResolver):\n    pass\n\n\n"
        "app = MyResolver()\n\n\n"
        "@app.get('/ping')\ndef ping():\n    return {}\n"
    )

    assert main(["routes", "anywhere.py:app"]) == 0

    assert capsys.readouterr().out.splitlines()[0] == "MyResolver: every integration, 1 route(s)"


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("no_such_module:app", "cannot import 'no_such_module'"),
        ("service:nothing", "module 'service' has no attribute 'nothing'"),
        ("missing.py:app", "no such file: missing.py"),
    ],
)
def test_a_target_that_cannot_be_loaded_is_a_usage_error(project, capsys, target, message):
    assert main(["routes", target]) == 2

    assert message in capsys.readouterr().err


# ------------------------------------------------------------------------------------------------ event


def test_event_prints_the_integrations_event(capsys):
    assert (
        main(
            [
                "event",
                "http",
                "post",
                "/orders?tag=a&tag=b",
                "-H",
                "Content-Type: application/json",
                "-d",
                '{"id": 1}',
                "--cookie",
                "session=abc",
                "--query",
                "page=2",
            ]
        )
        == 0
    )

    event = json.loads(capsys.readouterr().out)
    assert event["requestContext"]["http"]["method"] == "POST"
    assert event["rawQueryString"] == "tag=a&tag=b&page=2"
    assert event["queryStringParameters"] == {"tag": "a,b", "page": "2"}
    assert event["headers"] == {"content-type": "application/json"}
    assert event["cookies"] == ["session=abc"]
    assert event["body"] == '{"id": 1}'


def test_event_sends_a_files_bytes_base64_encoded(tmp_path, capsys):
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\x00")

    main(["event", "alb", "PUT", "/logo", "-d", f"@{tmp_path / 'logo.png'}", "--multi-value-headers"])

    event = json.loads(capsys.readouterr().out)
    assert (event["isBase64Encoded"], base64.b64decode(event["body"])) == (True, b"\x89PNG\x00")
    assert event["multiValueHeaders"] == {}


def test_event_refuses_an_unknown_integration(capsys):
    assert main(["event", "apigw", "GET", "/"]) == 2

    assert (
        "unknown integration 'apigw': use one of alb, http, lattice, lattice-v2, rest, url" in capsys.readouterr().err
    )


def test_serve_asks_which_events_to_send_an_any_integration_resolver(project, capsys):
    (project / "anywhere.py").write_text("from apigw import AnyIntegrationResolver\n\napp = AnyIntegrationResolver()\n")

    assert main(["serve", "anywhere.py:app", "--port", "0"]) == 2

    err = capsys.readouterr().err
    assert "AnyIntegrationResolver answers every integration" in err
    assert "add --integration (alb, http, lattice, lattice-v2, rest, url)" in err


def test_event_refuses_a_header_without_a_colon(capsys):
    assert main(["event", "rest", "GET", "/", "-H", "X-Trace abc"]) == 2

    assert "a header is 'Name: value'" in capsys.readouterr().err


# ------------------------------------------------------------------------------------------------ invoke


def test_invoke_prints_the_response_of_an_event_file(project, capsys):
    main(["event", "rest", "GET", "/users/42"])
    (project / "event.json").write_text(capsys.readouterr().out)

    assert main(["invoke", "service:lambda_handler", "event.json"]) == 0

    response = json.loads(capsys.readouterr().out)
    assert response["statusCode"] == 200
    assert json.loads(response["body"]) == {"id": "42"}


def test_invoke_reads_the_event_from_standard_input(project, capsys, monkeypatch):
    main(["event", "rest", "POST", "/users"])
    monkeypatch.setattr(sys, "stdin", __import__("io").StringIO(capsys.readouterr().out))

    assert main(["invoke", "service:app", "-"]) == 0

    assert json.loads(capsys.readouterr().out)["statusCode"] == 201


def test_invoke_flags_a_response_the_integration_would_refuse_and_exits_1(project, capsys):
    (project / "broken.py").write_text(
        "def lambda_handler(event, context):\n    return {'statusCode': 200, 'body': 5}\n"
    )
    main(["event", "rest", "GET", "/"])
    (project / "event.json").write_text(capsys.readouterr().out)

    assert main(["invoke", "broken.py:lambda_handler", "event.json"]) == 1

    assert "would refuse this response: 'body' is a int" in capsys.readouterr().err


def test_invoke_reports_a_crash_and_exits_1(project, capsys):
    (project / "event.json").write_text('{"Records": []}')

    assert main(["invoke", "service:app", "event.json"]) == 1

    err = capsys.readouterr().err
    assert "InvalidEventError" in err
    assert "the function raised" in err


def test_invoke_refuses_a_file_that_is_not_json(project, capsys):
    (project / "event.json").write_text("{not json")

    assert main(["invoke", "service:app", "event.json"]) == 2

    assert "event.json is not JSON" in capsys.readouterr().err


# ------------------------------------------------------------------------------------------------ as a command


@pytest.mark.once
def test_python_m_apigw_runs_the_command_line(tmp_path):
    import apigw

    env = dict(os.environ, PYTHONPATH=str(Path(apigw.__file__).resolve().parent.parent))
    result = subprocess.run(
        [sys.executable, "-m", "apigw", "event", "url", "GET", "/hello"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    assert ".lambda-url." in json.loads(result.stdout)["requestContext"]["domainName"]


@pytest.mark.once
def test_import_apigw_loads_none_of_the_dev_tools():
    import apigw

    code = (
        "import sys, apigw\n"
        "app = apigw.APIGatewayRestResolver()\n"
        "app.get('/x')(lambda: {})\n"
        "app.resolve({'path': '/x', 'httpMethod': 'GET'}, None)\n"
        "dev = ['apigw.testing', 'apigw.cli', 'apigw.server', 'apigw._wire']\n"
        "dev += ['http.server', 'urllib.parse', 'argparse']\n"
        "print([name for name in dev if name in sys.modules])\n"
    )
    env = dict(os.environ, PYTHONPATH=str(Path(apigw.__file__).resolve().parent.parent))
    # -S: without site, whose editable-install finder imports urllib.parse itself
    result = subprocess.run([sys.executable, "-S", "-c", code], capture_output=True, text=True, env=env, timeout=60)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"

"""The dev server, talked to by real HTTP clients over loopback on a free port (always shut down, bounded waits)."""

from __future__ import annotations

import gzip
import http.client
import io
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import pytest

from apigw import (
    ALBResolver,
    APIGatewayHttpResolver,
    APIGatewayRestResolver,
    Cookie,
    CORSConfig,
    LambdaFunctionUrlResolver,
    Response,
    VPCLatticeResolver,
    VPCLatticeV2Resolver,
)
from apigw.server import DevServer, request_body

TIMEOUT = 10  # seconds, for every socket operation of a test

ORIGIN = "http://127.0.0.1:9"


def shop_app(resolver_class=APIGatewayRestResolver):
    app = resolver_class(
        cors=CORSConfig(allow_origin=ORIGIN, allow_headers=["X-Trace"]), method_not_allowed=True, auto_head=True
    )

    @app.get("/hello")
    def hello():
        return {"hello": app.current_event.get_query_string_value("name", "world")}

    @app.get("/tags")
    def tags():
        return {"tags": app.current_event.get_multi_value_query_string_values("tag")}

    @app.post("/echo")
    def echo():
        event = app.current_event
        content_type = event.headers.get("content-type") or "application/octet-stream"
        return Response(200, content_type, event.body_bytes or b"")

    @app.get("/report", compress=True)
    def report():
        return {"rows": ["row"] * 500}

    @app.get("/login")
    def login():
        return Response(200, "text/plain", "welcome", cookies=[Cookie("session", "abc"), Cookie("theme", "dark")])

    @app.get("/whoami")
    def whoami():
        event = app.current_event
        return {"cookies": event.cookies, "forwarded_for": event.headers.get("x-forwarded-for")}

    return app


class Answer:
    def __init__(self, status: int, headers: http.client.HTTPMessage, body: bytes) -> None:
        self.status, self.headers, self.body = status, headers, body

    def json(self) -> Any:
        return json.loads(self.body)


def call(
    server: DevServer,
    method: str,
    path: str,
    headers: Optional[Dict[str, str]] = None,
    body: Optional[bytes] = None,
) -> Answer:
    """One request over a fresh connection (http.client does not decode gzip: the bytes are the wire's)."""
    host, port = server.httpd.server_address[:2]
    connection = http.client.HTTPConnection(str(host), port, timeout=TIMEOUT)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return Answer(response.status, response.headers, response.read())
    finally:
        connection.close()


@pytest.fixture
def log():
    return io.StringIO()


@pytest.fixture
def server(log):
    with DevServer(shop_app(), port=0, log=log) as running:
        yield running


# ------------------------------------------------------------------------------------------------ basics


def test_json_reaches_a_real_client(server):
    with urllib.request.urlopen(f"{server.url}/hello?name=lambda", timeout=TIMEOUT) as response:
        assert response.status == 200
        assert response.headers["Content-Type"] == "application/json"
        assert json.loads(response.read()) == {"hello": "lambda"}


def test_repeated_query_keys_all_arrive(server):
    assert call(server, "GET", "/tags?tag=a&tag=b%20c").json() == {"tags": ["a", "b c"]}


def test_a_binary_upload_is_echoed_byte_exact(server):
    data = os.urandom(300_000)

    answer = call(server, "POST", "/echo", {"Content-Type": "application/octet-stream"}, data)

    assert answer.status == 200
    assert answer.body == data


def test_a_text_upload_is_echoed_byte_exact(server):
    data = "grüße, 世界\n".encode() * 100

    assert call(server, "POST", "/echo", {"Content-Type": "text/plain; charset=utf-8"}, data).body == data


def test_a_chunked_upload_is_read_whole(server):
    data = os.urandom(70_000)
    host, port = server.httpd.server_address[:2]
    connection = http.client.HTTPConnection(str(host), port, timeout=TIMEOUT)
    try:
        connection.request("POST", "/echo", body=iter([data[:30_000], data[30_000:]]), encode_chunked=True)
        response = connection.getresponse()
        assert response.read() == data
    finally:
        connection.close()


def test_gzip_is_kept_on_the_wire_with_its_content_encoding(server):
    answer = call(server, "GET", "/report", {"Accept-Encoding": "gzip"})

    assert answer.headers["Content-Encoding"] == "gzip"
    assert answer.body[:2] == b"\x1f\x8b"
    assert json.loads(gzip.decompress(answer.body)) == {"rows": ["row"] * 500}
    assert int(answer.headers["Content-Length"]) == len(answer.body)


def test_each_cookie_is_its_own_set_cookie_header(server):
    answer = call(server, "GET", "/login")

    assert answer.headers.get_all("Set-Cookie") == ["session=abc; Secure", "theme=dark; Secure"]


def test_request_cookies_and_the_client_address_reach_the_app(server):
    answer = call(server, "GET", "/whoami", {"Cookie": "a=1; b=2"})

    assert answer.json() == {"cookies": ["a=1", "b=2"], "forwarded_for": "127.0.0.1"}


def test_an_unknown_path_is_a_404(server):
    assert call(server, "GET", "/nowhere").status == 404


def test_another_method_on_a_known_path_is_a_405_with_allow(server):
    answer = call(server, "DELETE", "/hello")

    assert answer.status == 405
    assert answer.headers["Allow"] == "GET, HEAD, OPTIONS"


def test_head_answers_the_get_headers_without_a_body(server):
    answer = call(server, "HEAD", "/hello")

    assert (answer.status, answer.body) == (200, b"")
    assert answer.headers["Content-Type"] == "application/json"


def test_a_cors_pre_flight_is_answered(server):
    answer = call(
        server,
        "OPTIONS",
        "/hello",
        {"Origin": ORIGIN, "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "x-trace"},
    )

    assert answer.status == 204
    assert answer.headers["Access-Control-Allow-Origin"] == ORIGIN
    assert "X-Trace" in answer.headers["Access-Control-Allow-Headers"]
    assert "GET" in answer.headers["Access-Control-Allow-Methods"]


def test_a_connection_serves_several_requests(server):
    host, port = server.httpd.server_address[:2]
    connection = http.client.HTTPConnection(str(host), port, timeout=TIMEOUT)
    try:
        for name in ("a", "b", "c"):
            connection.request("GET", f"/hello?name={name}")
            assert json.loads(connection.getresponse().read()) == {"hello": name}
    finally:
        connection.close()


def test_one_log_line_per_request(server, log):
    call(server, "GET", "/hello")
    call(server, "GET", "/nowhere")

    lines = log.getvalue().splitlines()
    assert lines[0].startswith('127.0.0.1 "GET /hello" 200 ')
    assert lines[1].startswith('127.0.0.1 "GET /nowhere" 404 ')


# ------------------------------------------------------------------------------------------------ integrations


@pytest.mark.parametrize(
    ("resolver_class", "multi"),
    [
        (APIGatewayRestResolver, False),
        (APIGatewayHttpResolver, False),
        (LambdaFunctionUrlResolver, False),
        (ALBResolver, False),
        (ALBResolver, True),
        (VPCLatticeResolver, False),
        (VPCLatticeV2Resolver, False),
    ],
)
def test_every_integration_serves_binary_cookies_and_json(resolver_class, multi):
    data = os.urandom(50_000)
    with DevServer(shop_app(resolver_class), port=0, multi_value_headers=multi, log=io.StringIO()) as running:
        assert call(running, "POST", "/echo", {"Content-Type": "image/png"}, data).body == data
        assert len(call(running, "GET", "/login").headers.get_all("Set-Cookie")) == 2
        assert call(running, "GET", "/hello?name=x").json() == {"hello": "x"}
        tags = call(running, "GET", "/tags?tag=a&tag=b").json()["tags"]
        single_valued = resolver_class is VPCLatticeResolver or (resolver_class is ALBResolver and not multi)
        assert tags == (["b"] if single_valued else ["a", "b"])


def test_a_handler_function_is_served_as_the_named_integration():
    def lambda_handler(event, context):
        return {"statusCode": 200, "headers": {"content-type": "text/plain"}, "body": event["rawPath"]}

    with DevServer(lambda_handler, integration="url", port=0, log=io.StringIO()) as running:
        assert call(running, "GET", "/a%20b").body == b"/a%20b"


# ------------------------------------------------------------------------------------------------ 502 and 413


def test_an_illegal_response_answers_502_and_prints_why(log):
    def lambda_handler(event, context):
        return {"statusCode": "200", "body": "ok"}

    with DevServer(lambda_handler, integration="rest", port=0, log=log) as running:
        answer = call(running, "GET", "/")

    assert answer.status == 502
    assert answer.json() == {"message": "Internal server error"}
    assert "'statusCode' is '200' (str), not an int" in log.getvalue()


def test_a_crash_answers_502_and_prints_the_traceback(log):
    app = APIGatewayHttpResolver()

    @app.get("/crash")
    def crash():
        raise RuntimeError("the database is gone")

    with DevServer(app, port=0, log=log) as running:
        assert call(running, "GET", "/crash").status == 502

    assert "Traceback (most recent call last)" in log.getvalue()
    assert "RuntimeError: the database is gone" in log.getvalue()


def test_a_body_larger_than_the_integration_takes_is_a_413():
    with DevServer(shop_app(ALBResolver), port=0, log=io.StringIO()) as running:
        host, port = running.httpd.server_address[:2]
        connection = http.client.HTTPConnection(str(host), port, timeout=TIMEOUT)
        try:
            # Only the headers: the server answers from Content-Length, before any of the body arrives.
            connection.putrequest("POST", "/echo")
            connection.putheader("Content-Type", "text/plain")
            connection.putheader("Content-Length", str(1024 * 1024 + 1))
            connection.endheaders()
            response = connection.getresponse()
            status, body = response.status, response.read()
        finally:
            connection.close()

    assert status == 413
    assert json.loads(body) == {"message": "the request body is 1048577 bytes; the integration takes at most 1048576"}


def test_a_request_target_that_is_not_a_path_is_a_400(server):
    # A proxy-style absolute URL: no integration delivers such a request to a function.
    answer = call(server, "GET", "http://elsewhere.example/hello")

    assert answer.status == 400
    assert "is not a path" in answer.json()["message"]


def test_a_request_body_is_text_for_text_types_and_bytes_otherwise():
    assert request_body("application/json; charset=utf-8", b'{"a":1}') == '{"a":1}'
    assert request_body("application/vnd.api+json", b"{}") == "{}"
    assert request_body("text/plain", b"\xff") == b"\xff"  # not UTF-8: sent base64
    assert request_body("image/png", b"abc") == b"abc"
    assert request_body(None, b"abc") == b"abc"
    assert request_body("text/plain", b"") is None


def test_the_server_binds_loopback_by_default():
    server = DevServer(shop_app(), port=0, log=io.StringIO())
    try:
        assert server.httpd.server_address[0] == "127.0.0.1"
    finally:
        server.shutdown()


def test_an_alb_setting_for_another_integration_is_refused():
    with pytest.raises(ValueError, match="ALB setting"):
        DevServer(shop_app(), port=0, multi_value_headers=True)


def test_a_stage_for_an_integration_without_stages_is_refused():
    with pytest.raises(ValueError, match="no stages"):
        DevServer(shop_app(VPCLatticeResolver), port=0, stage="Prod")


# ------------------------------------------------------------------------------------------------ python -m apigw serve


def subprocess_env() -> Dict[str, str]:
    import apigw

    env = dict(os.environ)
    package_parent = str(Path(apigw.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_parent, env.get("PYTHONPATH")) if p)
    env["PYTHONUNBUFFERED"] = "1"
    return env


class ServeProcess:
    """``python -m apigw serve ... --port 0`` in its own process group; a thread collects its stderr lines."""

    def __init__(self, args: List[str], cwd: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "apigw", "serve", *args, "--port", "0"],
            cwd=cwd,
            env=subprocess_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        self.lines: List[str] = []
        self._queue: "queue.Queue[str]" = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self._queue.put(line)
        self._queue.put("")  # end of output

    def wait_for(self, text: str, timeout: float = 30) -> str:
        """The next stderr line containing ``text`` (fails after ``timeout`` seconds or when the process ends)."""
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            try:
                line = self._queue.get(timeout=max(0.01, remaining))
            except queue.Empty:
                line = None
            if not line or remaining <= 0:
                raise AssertionError(f"no line with {text!r} within {timeout} s; stderr so far:\n{''.join(self.lines)}")
            self.lines.append(line)
            if text in line:
                return line

    def url(self) -> str:
        line = self.wait_for("Listening on ")
        return line.split("Listening on ", 1)[1].split()[0]

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)


def fetch(url: str) -> Tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
        return response.status, response.read()


APP_SOURCE = """
from apigw import APIGatewayHttpResolver

app = APIGatewayHttpResolver()


@app.get("/version")
def version():
    return {{"version": {version}}}
"""


@pytest.mark.once
def test_python_m_apigw_serve_prints_its_routes_and_serves(tmp_path):
    (tmp_path / "service.py").write_text(APP_SOURCE.format(version=1))
    serve = ServeProcess(["service:app"], tmp_path)
    try:
        url = serve.url()
        assert fetch(f"{url}/version") == (200, b'{"version":1}')
        serve.wait_for('"GET /version" 200')
    finally:
        serve.stop()
    banner = "".join(serve.lines)
    assert "service:app as API Gateway HTTP API" in banner
    assert "GET     /version" in banner


@pytest.mark.once
def test_reload_restarts_the_server_when_a_source_file_changes(tmp_path):
    source = tmp_path / "service.py"
    source.write_text(APP_SOURCE.format(version=1))
    serve = ServeProcess(["service.py:app", "--reload"], tmp_path)
    try:
        assert fetch(f"{serve.url()}/version")[1] == b'{"version":1}'
        source.write_text(APP_SOURCE.format(version=2))
        os.utime(source, ns=(time.time_ns(), time.time_ns() + 2_000_000_000))  # a new mtime, even on coarse clocks
        serve.wait_for("changed; restarting")
        assert fetch(f"{serve.url()}/version")[1] == b'{"version":2}'
    finally:
        serve.stop()


@pytest.mark.once
def test_serve_says_what_to_do_when_the_integration_cannot_be_told(tmp_path):
    (tmp_path / "handler.py").write_text("def lambda_handler(event, context):\n    return {}\n")

    result = subprocess.run(
        [sys.executable, "-m", "apigw", "serve", "handler:lambda_handler", "--port", "0"],
        cwd=tmp_path,
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 2
    assert "add --integration" in result.stderr

"""A real browser against the dev server: headless Chromium loads a page from another origin (a second loopback
port) whose script calls the dev server with ``fetch`` and a custom header, so the browser itself sends the CORS
pre-flight and must accept the answers before the page can read the response.

Chromium is driven with ``--dump-dom``: the page writes its result into the DOM, and ``--virtual-time-budget`` makes
Chromium wait for the page's network activity before printing the DOM. No extra dependency, no debugging protocol.

Needs the Debian package ``chromium`` (``.ci/run`` installs it). Without it the test is skipped with the install
command, unless ``APIGW_REQUIRE_BROWSER=1`` (set by ``.ci/run``) makes it a failure.
"""

from __future__ import annotations

import html
import io
import json
import os
import re
import shutil
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Iterator

import pytest

from apigw import APIGatewayHttpResolver, CORSConfig, Response
from apigw.server import DevServer

pytestmark = pytest.mark.once

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",  # NOTE: CI runs as root, where Chromium's sandbox cannot start
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",  # containers often have a tiny /dev/shm
]

PAGE = """<!doctype html>
<html><body><pre id="result">no result</pre><script>
fetch("{api}/orders/42", {{
  method: "PUT",
  headers: {{"X-Trace": "trace-1", "Content-Type": "application/json"}},
  body: JSON.stringify({{"quantity": 3}})
}})
  .then(function (response) {{
    return response.json().then(function (body) {{
      return {{status: response.status, body: body, order: response.headers.get("X-Order")}};
    }});
  }})
  .then(function (result) {{ show(result); }})
  .catch(function (error) {{ show({{error: String(error)}}); }});
function show(result) {{ document.getElementById("result").textContent = JSON.stringify(result); }}
</script></body></html>
"""


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    message = "headless Chromium is not installed (Debian: apt-get install -y chromium)"
    if os.environ.get("APIGW_REQUIRE_BROWSER", "").lower() in ("1", "true", "yes"):
        pytest.fail(message)
    pytest.skip(message)


def orders_app(allowed_origin: str) -> APIGatewayHttpResolver:
    app = APIGatewayHttpResolver(
        cors=CORSConfig(allow_origin=allowed_origin, allow_headers=["X-Trace"], expose_headers=["X-Order"])
    )

    @app.put("/orders/<order_id>")
    def put_order(order_id: str) -> Response[Any]:
        event = app.current_event
        body = {"id": order_id, "trace": event.headers.get("x-trace"), "quantity": event.json_body["quantity"]}
        return Response(200, "application/json", body, {"X-Order": order_id})

    return app


class _PageHandler(BaseHTTPRequestHandler):
    server: _PageServer

    def do_GET(self) -> None:  # noqa: N802
        body = PAGE.format(api=self.server.api).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


class _PageServer(ThreadingHTTPServer):
    daemon_threads = True
    api = ""


@pytest.fixture
def page_server() -> Iterator[_PageServer]:
    """The page's origin: another loopback port than the dev server's."""
    server = _PageServer(("127.0.0.1", 0), _PageHandler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()


def run_page(browser: str, page: _PageServer, api_url: str, profile: str) -> Any:
    """Load the page in headless Chromium; the JSON its script wrote into the DOM."""
    page.api = api_url
    page_url = f"http://127.0.0.1:{page.server_address[1]}/"
    completed = subprocess.run(
        [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--virtual-time-budget=20000", "--dump-dom", page_url],
        capture_output=True,
        text=True,
        timeout=120,
    )
    found = re.search(r'<pre id="result">(.*?)</pre>', completed.stdout, re.S)
    assert found is not None, f"Chromium printed no page (exit {completed.returncode}):\n{completed.stderr[-3000:]}"
    return json.loads(html.unescape(found.group(1)))


def test_chromium_sends_a_pre_flight_and_accepts_the_dev_servers_cors_answers(page_server, tmp_path):
    browser = chromium()
    page_origin = f"http://127.0.0.1:{page_server.server_address[1]}"
    log = io.StringIO()

    with DevServer(orders_app(page_origin), port=0, log=log) as dev:
        result = run_page(browser, page_server, dev.url, str(tmp_path / "profile"))

    assert result == {"status": 200, "body": {"id": "42", "trace": "trace-1", "quantity": 3}, "order": "42"}
    requests = [line.split('"')[1] for line in log.getvalue().splitlines() if line.startswith("127.0.0.1 ")]
    assert requests == ["OPTIONS /orders/42", "PUT /orders/42"]  # the browser's own pre-flight, then the call


def test_chromium_refuses_the_answer_for_an_origin_the_app_does_not_allow(page_server, tmp_path):
    browser = chromium()
    log = io.StringIO()

    with DevServer(orders_app("https://elsewhere.example"), port=0, log=log) as dev:
        result = run_page(browser, page_server, dev.url, str(tmp_path / "profile"))

    assert "error" in result and "fetch" in result["error"].lower()
    assert "PUT /orders/42" not in log.getvalue()  # the pre-flight failed, so the browser never sent the call

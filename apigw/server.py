"""A local HTTP server for a Lambda HTTP app: ``python -m apigw serve MODULE:ATTR`` (see ``apigw.cli``).

Each real HTTP request is turned into the event its integration sends (``Integration.build_event``, the builder the
test client uses), the function is invoked with a Lambda-like context, and its response dict is written back as AWS
would write it: the status, every header, each cookie as its own ``Set-Cookie``, base64 bodies as bytes, gzip bodies
kept gzipped with their ``Content-Encoding``. A response the integration would refuse, or a function that raises,
answers ``502`` (as API Gateway and ALB do) and the reason is printed. One log line per request.

Standard library only (``http.server``, one thread per connection). It is a development tool: it binds the loopback
interface unless told otherwise, and has no TLS, no authentication and no rate limits.

In tests::

    with DevServer(app, port=0) as server:       # port 0: a free port chosen by the system
        urllib.request.urlopen(server.url + "/hello")
"""

from __future__ import annotations

import json
import sys
import threading
import time
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import IO, Any, Callable, Dict, List, Optional, Tuple, Union

from . import _wire
from .integrations import Integration
from .testing import LambdaContext, _integration_for

__all__ = ["DevServer", "request_body"]

# Content types whose bodies an integration hands over as text; anything else arrives base64-encoded.
_TEXT_TYPES = (
    "application/json",
    "application/javascript",
    "application/xml",
    "application/x-www-form-urlencoded",
    "application/graphql",
    "application/x-ndjson",
    "application/yaml",
    "application/x-yaml",
)
_FORWARDED = frozenset(("x-forwarded-for", "x-forwarded-proto", "x-forwarded-port"))
_READ_TIMEOUT_SECONDS = 60


class BodyTooLargeError(Exception):
    """A request body larger than the integration accepts."""


def request_body(content_type: Optional[str], data: bytes) -> Union[str, bytes, None]:
    """The body as the event carries it: ``None`` when empty; ``str`` for text types (and valid UTF-8); ``bytes``
    (sent base64-encoded) otherwise. Text and base64 both reach the function byte for byte."""
    if not data:
        return None
    media = (content_type or "").split(";")[0].strip().lower()
    textual = media.startswith("text/") or media in _TEXT_TYPES or media.endswith(("+json", "+xml"))
    if textual:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data
    return data


class DevServer:
    """Serves ``app`` (a resolver, or a ``lambda_handler(event, context)`` function with ``integration=``) over
    HTTP on ``host:port`` (``port=0`` picks a free port; ``url`` says which).

    ``start()`` serves from a background thread (``with DevServer(...) as server`` starts and always stops it);
    ``serve_forever()`` serves from the calling thread until ``shutdown()`` or Ctrl+C. ``log`` receives one line per
    request, and the reason of every 502.
    """

    def __init__(
        self,
        app: Any,
        *,
        integration: Optional[str] = None,
        host: str = "127.0.0.1",
        port: int = 3000,
        stage: Optional[str] = None,
        multi_value_headers: bool = False,
        log: Optional[IO[str]] = None,
    ) -> None:
        self.app = app
        self.integration: Integration = _integration_for(app, integration)
        self.integration.check_settings(stage=stage, multi_value=multi_value_headers)  # bad settings fail here
        self.stage = stage
        self.multi_value_headers = multi_value_headers
        self.log = log if log is not None else sys.stderr
        self._log_lock = threading.Lock()
        resolve = getattr(app, "resolve", None)
        self.handler: Callable[[Dict[str, Any], Any], Any] = (
            resolve if callable(resolve) and hasattr(app, "routes") else app
        )
        self.httpd = _HTTPServer((host, port), _RequestHandler)
        self.httpd.dev = self
        self._thread: Optional[threading.Thread] = None

    @property
    def url(self) -> str:
        """``http://host:port`` of the listening socket."""
        address = self.httpd.server_address
        host, port = str(address[0]), address[1]
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}"

    def serve_forever(self) -> None:
        """Serve requests in this thread until ``shutdown()`` (from another thread) or Ctrl+C."""
        try:
            self.httpd.serve_forever(poll_interval=0.2)
        except KeyboardInterrupt:
            pass
        finally:
            self.httpd.server_close()

    def start(self) -> DevServer:
        """Serve from a daemon thread; returns ``self``."""
        self._thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def shutdown(self) -> None:
        """Stop serving and close the socket (waits for the serving loop, not for open connections)."""
        if self._thread is not None:
            self.httpd.shutdown()
            self._thread.join(timeout=10)
            self._thread = None
        self.httpd.server_close()

    def __enter__(self) -> DevServer:
        return self.start()

    def __exit__(self, *exc_info: Any) -> None:
        self.shutdown()

    def write_log(self, text: str) -> None:
        with self._log_lock:
            print(text, file=self.log, flush=True)

    # -- one request ----------------------------------------------------------------------------------------------

    def answer(
        self, method: str, target: str, headers: List[Tuple[str, str]], data: bytes, client_ip: str, port: int
    ) -> Tuple[int, List[Tuple[str, str]], bytes, List[str]]:
        """``(status, headers, body, notes)`` for one request: what to send back, and what to print below the log
        line (why a 502 happened)."""
        integration = self.integration
        content_type = next((value for name, value in headers if name.lower() == "content-type"), None)
        # What the AWS front end adds: the client address, the scheme and the port it was reached on.
        forwarded = [("X-Forwarded-For", client_ip), ("X-Forwarded-Proto", "http"), ("X-Forwarded-Port", str(port))]
        sent = [pair for pair in headers if pair[0].lower() not in _FORWARDED]
        event = integration.build_event(
            method,
            target,
            headers=sent + forwarded,
            body=request_body(content_type, data),
            stage=self.stage,
            multi_value=self.multi_value_headers,
            source_ip=client_ip,
        )
        try:
            raw = self.handler(event, LambdaContext())
        except Exception:
            notes = ["the function raised an exception (the integration answers 502):", traceback.format_exc()]
            return _bad_gateway(notes)
        problems = integration.response_problems(raw, event)
        if problems:
            shown = repr(raw)
            notes = [f"the {integration.title} refuses this response (it answers 502):"]
            notes += [f"  - {problem}" for problem in problems]
            notes.append(f"  response: {shown if len(shown) <= 800 else shown[:800] + '...'}")
            return _bad_gateway(notes)
        status, pairs, body = integration.http_response(raw, event)
        return status, pairs, body, []


def _bad_gateway(notes: List[str]) -> Tuple[int, List[Tuple[str, str]], bytes, List[str]]:
    return (*_error(502, "Internal server error"), notes)


def _error(status: int, message: str) -> Tuple[int, List[Tuple[str, str]], bytes]:
    return status, [("Content-Type", "application/json")], json.dumps({"message": message}).encode()


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True  # connections left open by a client never keep the process alive
    dev: DevServer


class _RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as browsers expect; every answer carries its Content-Length
    server_version = "apigw-dev"
    sys_version = ""
    server: _HTTPServer

    def setup(self) -> None:
        super().setup()
        self.connection.settimeout(_READ_TIMEOUT_SECONDS)  # a silent client cannot hold a thread forever

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass  # one line of our own per request, see _answer

    def _answer(self) -> None:
        started = time.perf_counter()
        dev = self.server.dev
        method = self.command
        target = self.path
        notes: List[str] = []
        try:
            if not target.startswith("/"):
                raise ValueError(f"request target {target!r} is not a path")
            data = self._read_body(dev.integration.response_limit)
            client_ip, port = self.client_address[0], self.server.server_address[1]
            status, pairs, body, notes = dev.answer(method, target, list(self.headers.items()), data, client_ip, port)
        except BodyTooLargeError as exc:
            status, pairs, body = _error(413, str(exc))
            self.close_connection = True  # the rest of the body was never read
        except ValueError as exc:  # a request no integration could deliver (bad path, bad header)
            status, pairs, body = _error(400, str(exc))
            self.close_connection = True
        elapsed = (time.perf_counter() - started) * 1000
        line = f'{self.client_address[0]} "{method} {target}" {status} {len(body)} bytes {elapsed:.1f} ms'
        dev.write_log("\n".join([line, *notes]))  # before the answer: a client that got it finds the line there
        self._write(status, pairs, body)

    # Every method is answered the same way; http.server answers 501 to a method without a do_ handler.
    do_GET = do_HEAD = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = _answer  # noqa: N815

    def _read_body(self, limit: int) -> bytes:
        length_header = self.headers.get("Content-Length")
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            return self._read_chunked(limit)
        if not length_header:
            return b""
        if not length_header.strip().isdigit():
            raise ValueError(f"Content-Length {length_header!r} is not a number")
        length = int(length_header)
        if length > limit:
            raise BodyTooLargeError(f"the request body is {length} bytes; the integration takes at most {limit}")
        return self.rfile.read(length)

    def _read_chunked(self, limit: int) -> bytes:
        chunks: List[bytes] = []
        total = 0
        while True:
            size_line = self.rfile.readline(1024).split(b";")[0].strip()
            try:
                size = int(size_line, 16)
            except ValueError:
                raise ValueError(f"bad chunk size {size_line!r}") from None
            if size == 0:
                while self.rfile.readline(1024).strip():  # trailers
                    pass
                return b"".join(chunks)
            total += size
            if total > limit:
                raise BodyTooLargeError(f"the request body is over {limit} bytes, more than the integration takes")
            chunks.append(self.rfile.read(size))
            self.rfile.readline(16)  # the CRLF after each chunk

    def _write(self, status: int, pairs: List[Tuple[str, str]], body: bytes) -> None:
        headers, body = _wire.framed(self.command, status, pairs, body)
        lines = [f"HTTP/1.1 {status} {self.responses.get(status, ('Unknown',))[0]}"]
        lines.append(f"Date: {self.date_time_string()}")
        lines.append(f"Server: {self.server_version}")
        lines.extend(f"{name}: {value}" for name, value in headers)
        if self.close_connection:
            lines.append("Connection: close")
        # NOTE: header values are sent as UTF-8 (API Gateway passes non-ASCII values through as UTF-8 bytes).
        self.wfile.write(("\r\n".join(lines) + "\r\n\r\n").encode("utf-8") + body)
        self.wfile.flush()

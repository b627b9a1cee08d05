"""Cold start as Lambda runs it: layer unpacked read-only, no bytecode writes, awslambdaric polling a Runtime API.

    python benchmarks/coldstart.py [--quick] [--samples N] [--workdir DIR] [--importtime]

One command, one table of ratios. Each sample is a fresh process started the way Lambda starts a Python function:
``python -m awslambdaric app.lambda_handler`` (AWS's runtime interface client, the ``bench`` extra) with
``AWS_LAMBDA_RUNTIME_API`` pointing at a stand-in for the Lambda Runtime API written here (standard library,
127.0.0.1 on an ephemeral port, one server per sample, timeouts everywhere, the child killed on overrun), with
``PYTHONDONTWRITEBYTECODE=1``, the function code, the layer and the runtime in folders made read-only, and
``sys.path`` ordered as on Lambda (function code, then /opt/python, then the runtime). The interpreter is a
virtual environment without packages made from the running Python.

Contenders (the same 20-route function, ``benchmarks/function/app.py``, import-switched between apigw and
Powertools; the floor is ``benchmarks/function/floor.py``):

- ``floor``: a hand-written handler, dict dispatch and one prebuilt JSON encoder;
- ``apigw-layer-c``: the layer zip of ``tools/build_layer.py`` as built (compiled modules and bytecode), from a
  wheel built here from this checkout;
- ``apigw-layer-py``: the same from the pure ``py3-none-any`` wheel (``APIGW_NO_EXTENSIONS=1``);
- ``apigw-layer-c-nopyc``: the compiled layer without bytecode (``--no-bytecode``, what the builder made before);
- ``apigw-pip-c``: ``pip install --target`` of the compiled wheel, with the bytecode pip writes;
- ``powertools``: ``pip install --target aws-lambda-powertools==<the installed version>`` (pip writes bytecode);
- ``apigw-layer-c-checked`` (only with ``--contenders``): the compiled layer with checked-hash bytecode.

Per sample the stand-in serves one event, then warm events, then records and kills the process:

- init: from just before the process is started until the runtime's first ``next`` request: wall time (the
  parent's clock) and CPU time of the child (its process CPU clock, read while it waits for that answer; utime +
  stime of /proc/<pid>/stat, at 10 ms resolution, where that clock cannot be read);
- first invoke: from sending the first event until its response is posted (lazy imports of the first request);
- warm invoke: the median over the warm events of the same span;
- peak RSS: the child's VmHWM after the last event.

Samples are interleaved (one of each contender per round, the order rotated each round); the table gives medians,
and ratios to the floor and to Powertools as the median of the per-round ratios (the samples of a round are taken
back to back, in the same state of the machine); the targets also show the ratio of the medians. Every response is
checked (status and JSON body) before it counts, and the read-only folders are checked to have gained no file (no
bytecode was written). ``--importtime`` instead lists the modules that importing the handler (``import apigw`` and
building the 20-route app) loads beyond what the runtime had already loaded, with ``python -X importtime`` in the
same setup.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import importlib.metadata
import json
import os
import platform
import shutil
import socket
import stat
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import venv
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Dict, List, NamedTuple, Optional, Sequence, Tuple

ROOT = Path(__file__).resolve().parent.parent
FUNCTION_DIR = Path(__file__).resolve().parent / "function"
sys.path.insert(0, str(ROOT / "tools"))
from build_layer import build_layer  # noqa: E402

RUNTIME_API = "/2018-06-01/runtime"
FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:coldstart"
SAMPLE_TIMEOUT_S = 60  # a sample that has not finished by then is killed and the run fails
WARM_EVENTS, QUICK_WARM_EVENTS = 20, 10
DEFAULT_CONTENDERS = ("floor", "apigw-layer-c", "apigw-layer-py", "apigw-layer-c-nopyc", "apigw-pip-c", "powertools")
EXTRA_CONTENDERS = ("apigw-layer-c-checked",)


# -- events -------------------------------------------------------------------------------------------------------


class Invocation(NamedTuple):
    event: Dict[str, Any]
    status: int
    body: Any  # the expected JSON body, parsed


def rest_event(method: str, path: str, body: Any = None, query: Optional[Dict[str, str]] = None) -> Dict[str, Any]:
    """A REST API (payload v1) event like API Gateway sends, from the sample in events/."""
    event = json.loads((ROOT / "events" / "rest-api-v1.json").read_text())
    event.update(
        httpMethod=method,
        path=path,
        resource=path,
        queryStringParameters=query,
        multiValueQueryStringParameters={k: [v] for k, v in query.items()} if query else None,
        body=None if body is None else json.dumps(body),
        isBase64Encoded=False,
    )
    event["requestContext"].update(httpMethod=method, path="/prod" + path)
    return event


FIRST = Invocation(rest_event("GET", "/users/42"), 200, {"id": "42", "name": "Ada"})
WARM_CYCLE = (
    FIRST,
    Invocation(rest_event("GET", "/health"), 200, {"status": "ok"}),
    Invocation(
        rest_event("POST", "/orders", {"sku": "A-1", "quantity": 2}), 201, {"created": {"sku": "A-1", "quantity": 2}}
    ),
    Invocation(rest_event("GET", "/products/7/reviews"), 200, {"product": "7", "reviews": [{"stars": 5}]}),
    Invocation(rest_event("GET", "/search", query={"q": "lamp"}), 200, {"query": "lamp", "results": []}),
    Invocation(rest_event("GET", "/users/42/unknown"), 404, {"statusCode": 404, "message": "Not found"}),
)


def invocations(warm: int) -> List[Invocation]:
    return [FIRST] + [WARM_CYCLE[i % len(WARM_CYCLE)] for i in range(warm)]


# -- the Runtime API stand-in ---------------------------------------------------------------------------------------


def process_cpu_seconds(pid: int) -> Tuple[float, str]:
    """CPU time (user + system) of process ``pid`` so far, and how it was read."""
    try:  # Linux: the CPU clock of another process is clockid ((~pid) << 3) | CPUCLOCK_SCHED (2), ns resolution.
        return time.clock_gettime_ns(((~pid) << 3) | 2) / 1e9, "process CPU clock"
    except (OSError, OverflowError):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"), "/proc/<pid>/stat utime+stime"


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/<pid>/status (Linux only)")


class Sample:
    """One cold start: the events to serve, and what was measured while serving them."""

    def __init__(self, calls: List[Invocation]) -> None:
        self.calls = calls
        self.next_index = 0
        self.pid = 0
        self.started = 0.0
        self.init_wall: Optional[float] = None
        self.init_cpu: Optional[float] = None
        self.cpu_source = ""
        self.sent: Dict[str, Tuple[int, float]] = {}  # request id -> (index, perf_counter at send)
        self.latencies: Dict[int, float] = {}
        self.peak_rss: Optional[float] = None
        self.problems: List[str] = []
        self.done = threading.Event()  # set by the stand-in: measured (or failed)
        self.ended = threading.Event()  # set by the parent once the process is gone
        self.lock = threading.Lock()

    def fail(self, problem: str) -> None:
        self.problems.append(problem)
        self.done.set()


class RuntimeAPIHandler(BaseHTTPRequestHandler):
    """What awslambdaric calls: ``invocation/next``, ``invocation/<id>/response|error``, ``init/error``."""

    protocol_version = "HTTP/1.1"  # the runtime keeps one connection open across calls
    timeout = SAMPLE_TIMEOUT_S  # socket timeout: a silent peer does not hold a thread forever
    server: "RuntimeAPIServer"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's signature
        pass

    def setup(self) -> None:
        super().setup()
        # PERF: no Nagle delay: a small reply must not wait for the peer's delayed ACK (~40 ms on loopback).
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def reply(self, status: int, body: bytes = b"", headers: Optional[Dict[str, str]] = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0], 16)
                chunk = self.rfile.read(size)
                self.rfile.readline()
                if size == 0:
                    return b"".join(chunks)
                chunks.append(chunk)
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def do_GET(self) -> None:
        sample = self.server.sample
        if self.path != f"{RUNTIME_API}/invocation/next":
            sample.fail(f"unexpected GET {self.path}")
            return self.reply(404)
        now = time.perf_counter()
        with sample.lock:
            if sample.init_wall is None:  # the first `next`: init is over; the child waits for this answer
                sample.init_wall = now - sample.started
                sample.init_cpu, sample.cpu_source = process_cpu_seconds(sample.pid)
            index = sample.next_index
            sample.next_index += 1
        if index >= len(sample.calls):  # every event answered: measure, then the parent ends the process
            if index == len(sample.calls):
                sample.peak_rss = peak_rss_mb(sample.pid)
                sample.done.set()
            # No answer: the runtime waits here, as a frozen Lambda sandbox does, until the parent kills it
            # (answering, or closing the connection, would make it retry or exit on its own).
            sample.ended.wait(SAMPLE_TIMEOUT_S)
            self.close_connection = True
            return None
        request_id = f"00000000-0000-4000-8000-{index:012d}"
        body = json.dumps(sample.calls[index].event).encode()
        headers = {
            "Content-Type": "application/json",
            "Lambda-Runtime-Aws-Request-Id": request_id,
            "Lambda-Runtime-Deadline-Ms": str(int(time.time() * 1000) + 30_000),
            "Lambda-Runtime-Invoked-Function-Arn": FUNCTION_ARN,
            "Lambda-Runtime-Trace-Id": f"Root=1-00000000-{index:024d};Parent=0000000000000001;Sampled=0",
        }
        sample.sent[request_id] = (index, time.perf_counter())
        return self.reply(200, body, headers)

    def do_POST(self) -> None:
        received = time.perf_counter()
        sample = self.server.sample
        body = self.read_body()
        parts = self.path[len(RUNTIME_API) :].strip("/").split("/")
        if parts == ["init", "error"]:
            sample.fail(f"init error: {body.decode(errors='replace')}")
        elif len(parts) == 3 and parts[0] == "invocation" and parts[1] in sample.sent:
            index, sent = sample.sent[parts[1]]
            if parts[2] == "response":
                sample.latencies[index] = received - sent
                problem = check_response(sample.calls[index], body)
                if problem:
                    sample.fail(problem)
            else:
                sample.fail(f"invocation error: {body.decode(errors='replace')}")
        else:
            sample.fail(f"unexpected POST {self.path}")
            return self.reply(404)
        return self.reply(202, b'{"status":"OK"}', {"Content-Type": "application/json"})


class RuntimeAPIServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, sample: Sample) -> None:
        super().__init__(("127.0.0.1", 0), RuntimeAPIHandler)  # loopback only, ephemeral port
        self.sample = sample

    @property
    def address(self) -> str:
        host, port = self.server_address[:2]
        return f"{host}:{port}"


def check_response(call: Invocation, posted: bytes) -> Optional[str]:
    """A problem with the function's answer, or None when it has the expected status and JSON body."""
    try:
        response = json.loads(posted)
        if response.get("statusCode") == call.status and json.loads(response.get("body") or "null") == call.body:
            return None
    except (ValueError, AttributeError):
        pass
    return f"WRONG ANSWER to {call.event['httpMethod']} {call.event['path']}: {posted[:300]!r}"


# -- contenders -----------------------------------------------------------------------------------------------------


class Contender(NamedTuple):
    name: str
    handler: str  # module.function, as Lambda's handler setting
    paths: Tuple[Path, ...]  # sys.path entries after the function code, as /opt/python on Lambda
    env: Dict[str, str]


class Setup(NamedTuple):
    python: Path  # the interpreter of the children: a virtual environment without packages
    runtime: Path  # awslambdaric and its dependencies (pip install --target)
    task: Path  # the function code (Lambda's /var/task)
    contenders: Dict[str, Contender]
    readonly: Tuple[Path, ...]


def run(command: Sequence[str], **kwargs: Any) -> None:
    done = subprocess.run(command, capture_output=True, text=True, timeout=900, **kwargs)
    if done.returncode != 0:
        sys.exit(f"coldstart: {' '.join(map(str, command))} failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")


def pip_target(target: Path, *args: str) -> None:
    """``pip install --target``, as a Lambda deployment folder is made (pip writes the bytecode)."""
    run([sys.executable, "-m", "pip", "install", "-q", "--target", str(target), *args])


def installed_version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        sys.exit(f"coldstart: {distribution} is not installed here: pip install -e '.[bench]'")


def build_wheels(out: Path) -> Tuple[Path, Path]:
    """(compiled wheel for this Python, pure wheel), built here from a clean copy of this checkout."""
    if not list(out.glob("*.whl")):
        with tempfile.TemporaryDirectory(prefix="apigw-coldstart-src-") as scratch:
            source = Path(scratch) / "source"
            shutil.copytree(
                ROOT,
                source,
                ignore=shutil.ignore_patterns(".*", "build", "dist", "*.egg-info", "*.so", "*.c", "__pycache__"),
            )
            for flag in ("APIGW_REQUIRE_EXTENSIONS", "APIGW_NO_EXTENSIONS"):
                env = {
                    key: value
                    for key, value in os.environ.items()
                    if key not in ("APIGW_REQUIRE_EXTENSIONS", "APIGW_NO_EXTENSIONS")
                }
                shutil.rmtree(source / "build", ignore_errors=True)
                run(
                    [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(source)],
                    env={**env, flag: "1"},
                )
    tag = f"cp{sys.version_info[0]}{sys.version_info[1]}"
    compiled = sorted(out.glob(f"apigw-*-{tag}-{tag}-*.whl"))
    pure = sorted(out.glob("apigw-*-py3-none-any.whl"))
    if not compiled or not pure:
        sys.exit(f"coldstart: need a {tag} wheel and a py3-none-any wheel of apigw in {out}")
    return compiled[-1], pure[-1]


def unpack(layer: Path, target: Path) -> Path:
    if not target.exists():
        with zipfile.ZipFile(layer) as archive:
            archive.extractall(target)
    return target / "python"


def prepare(work: Path, wheelhouse: Optional[Path], names: Sequence[str]) -> Setup:
    """Build or reuse everything the children run: wheels, layers, installs, the interpreter, the function."""
    arch = platform.machine()
    python = work / "python" / "bin" / "python"
    if not python.exists():
        venv.EnvBuilder(with_pip=False, symlinks=True).create(work / "python")
    runtime = work / "runtime"
    if not runtime.exists():
        pip_target(runtime, f"awslambdaric=={installed_version('awslambdaric')}")
    task = work / "task"
    if not task.exists():
        task.mkdir()
        for source in FUNCTION_DIR.glob("*.py"):
            shutil.copy(source, task / source.name)
    compiled, pure = build_wheels(wheelhouse or work / "wheels")
    layers = work / "layers"
    contenders = {"floor": Contender("floor", "floor.lambda_handler", (), {})}
    apigw_c = {"BENCH_ROUTER": "apigw", "APIGW_REQUIRE_EXTENSIONS": "1"}
    layer_builds = {  # contender -> (wheel, bytecode)
        "apigw-layer-c": (compiled, "unchecked-hash"),
        "apigw-layer-py": (pure, "unchecked-hash"),
        "apigw-layer-c-nopyc": (compiled, None),
        "apigw-layer-c-checked": (compiled, "checked-hash"),
    }
    for name, (wheel, bytecode) in layer_builds.items():
        if name not in names:
            continue
        zip_path = layers / f"{name}.zip"
        if not zip_path.exists():
            print(f"building {name}:")
            build_layer(arch, [wheel], layers, [sys.executable] if bytecode else [], bytecode, name=zip_path.name)
        env = {"BENCH_ROUTER": "apigw", "APIGW_NO_EXTENSIONS": "1"} if wheel == pure else apigw_c
        contenders[name] = Contender(name, "app.lambda_handler", (unpack(zip_path, work / "opt" / name),), env)
    if "apigw-pip-c" in names:
        target = work / "pip" / "apigw-pip-c"
        if not target.exists():
            pip_target(target, "--no-deps", str(compiled))
        contenders["apigw-pip-c"] = Contender("apigw-pip-c", "app.lambda_handler", (target,), apigw_c)
    if "powertools" in names:
        target = work / "pip" / "powertools"
        if not target.exists():
            pip_target(target, f"aws-lambda-powertools=={installed_version('aws-lambda-powertools')}")
        contenders["powertools"] = Contender(
            "powertools", "app.lambda_handler", (target,), {"BENCH_ROUTER": "powertools"}
        )
    readonly = (runtime, task, *(path for contender in contenders.values() for path in contender.paths))
    for folder in readonly:
        make_readonly(folder)
    return Setup(python, runtime, task, {name: contenders[name] for name in names}, readonly)


def make_readonly(folder: Path) -> None:
    """Remove every write bit, as Lambda's read-only /opt and /var/task (root ignores them: the children also run
    with PYTHONDONTWRITEBYTECODE=1, and ``files_of`` checks afterwards that nothing was written)."""
    for path in (folder, *folder.rglob("*")):
        mode = path.lstat().st_mode
        if not stat.S_ISLNK(mode):
            path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def files_of(folders: Sequence[Path]) -> set[Path]:
    return {path for folder in folders for path in folder.rglob("*")}


def child_environment(setup: Setup, contender: Contender, api: str) -> Dict[str, str]:
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "LANG": "en_US.UTF-8",
        "TZ": ":UTC",
        "PYTHONDONTWRITEBYTECODE": "1",  # as on Lambda, where /var/task and /opt are read-only
        "PYTHONPATH": os.pathsep.join(map(str, (setup.task, *contender.paths, setup.runtime))),
        "LAMBDA_TASK_ROOT": str(setup.task),
        "LAMBDA_RUNTIME_DIR": str(setup.runtime),
        "AWS_LAMBDA_RUNTIME_API": api,
        "AWS_LAMBDA_FUNCTION_NAME": "coldstart",
        "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "1024",
        "AWS_LAMBDA_LOG_GROUP_NAME": "/aws/lambda/coldstart",
        "AWS_LAMBDA_LOG_STREAM_NAME": "2026/01/01/[$LATEST]0",
        "AWS_REGION": "us-east-1",
        "AWS_DEFAULT_REGION": "us-east-1",
        "_HANDLER": contender.handler,
        **contender.env,
    }


# -- one sample -----------------------------------------------------------------------------------------------------


class Measurement(NamedTuple):
    init_wall_ms: float
    init_cpu_ms: float
    first_ms: float
    warm_ms: float
    peak_rss_mb: float


def run_sample(
    setup: Setup, contender: Contender, calls: List[Invocation], logs: Path, extra_args: Sequence[str] = ()
) -> Tuple[Measurement, str, str]:
    """Start one fresh runtime process, serve it ``calls``, and return what was measured, the CPU clock's name and
    the child's stderr."""
    sample = Sample(calls)
    server = RuntimeAPIServer(sample)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    stdout_path, stderr_path = logs / f"{contender.name}.out", logs / f"{contender.name}.err"
    try:
        with open(stdout_path, "wb") as stdout, open(stderr_path, "wb") as stderr:
            env = child_environment(setup, contender, server.address)
            sample.started = time.perf_counter()
            child = subprocess.Popen(
                [str(setup.python), *extra_args, "-m", "awslambdaric", contender.handler],
                cwd=setup.task,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=stdout,
                stderr=stderr,
            )
            sample.pid = child.pid
            deadline = time.monotonic() + SAMPLE_TIMEOUT_S
            try:
                while not sample.done.wait(0.02):
                    if child.poll() is not None:
                        sample.fail(f"the runtime exited early (status {child.returncode})")
                    elif time.monotonic() > deadline:
                        sample.fail(f"no result within {SAMPLE_TIMEOUT_S} s")
            finally:
                child.kill()  # Lambda freezes and later discards the sandbox; the runtime never exits by itself
                child.wait(timeout=SAMPLE_TIMEOUT_S)
    finally:
        sample.ended.set()
        server.shutdown()
        server.server_close()
    child_stderr = stderr_path.read_text(errors="replace")
    if sample.problems or sample.init_cpu is None or sample.peak_rss is None or len(sample.latencies) != len(calls):
        sys.exit(
            f"coldstart: {contender.name} failed: {'; '.join(sample.problems) or 'incomplete sample'}\n"
            f"--- its stderr ---\n{child_stderr[-4000:]}"
        )
    assert sample.init_wall is not None
    warm = [sample.latencies[i] for i in range(1, len(calls))]
    measurement = Measurement(
        sample.init_wall * 1000,
        sample.init_cpu * 1000,
        sample.latencies[0] * 1000,
        statistics.median(warm) * 1000 if warm else 0.0,
        sample.peak_rss,
    )
    return measurement, sample.cpu_source, child_stderr


# -- report ---------------------------------------------------------------------------------------------------------


def measure(setup: Setup, samples: int, warm: int, logs: Path) -> Tuple[Dict[str, List[Measurement]], str]:
    """Every contender's samples, in round order: sample ``i`` of each contender was taken in round ``i``."""
    names = list(setup.contenders)
    calls = invocations(warm)
    results: Dict[str, List[Measurement]] = {name: [] for name in names}
    cpu_source = ""
    for round_ in range(samples):
        for name in names[round_ % len(names) :] + names[: round_ % len(names)]:
            measurement, cpu_source, _ = run_sample(setup, setup.contenders[name], calls, logs)
            results[name].append(measurement)
    return results, cpu_source


def paired_ratio(results: Dict[str, List[Measurement]], name: str, base: str, field: str) -> float:
    """The median over rounds of ``name``'s sample divided by ``base``'s sample of the same round.

    A round runs one sample of every contender back to back, so each ratio compares samples taken in the same
    state of the machine; a slower spell that lasts part of a run moves both sides of the ratios it covers, where it
    would move one median more than the other (medians of 30 samples of this shared machine drift by a few percent
    within a run)."""
    return statistics.median(
        getattr(mine, field) / getattr(theirs, field) for mine, theirs in zip(results[name], results[base])
    )


def print_report(results: Dict[str, List[Measurement]], samples: int, warm: int, cpu_source: str) -> None:
    print("apigw cold start benchmark", datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))
    print(
        f"machine: {platform.platform()}; {os.cpu_count()} CPUs; load average: "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    print(
        f"python {platform.python_version()}; awslambdaric {installed_version('awslambdaric')}; "
        f"aws-lambda-powertools {installed_version('aws-lambda-powertools')}"
    )
    print(
        f"{samples} fresh processes per contender, interleaved; each: 1 first + {warm} warm REST events of a "
        f"20-route function; medians; ratios: medians of the per-round ratios; init CPU read from the {cpu_source}"
    )
    medians = {
        name: Measurement(*(statistics.median(column) for column in zip(*rows))) for name, rows in results.items()
    }
    has_pt = "powertools" in results
    print()
    print(
        f"{'contender':<22}{'init wall':>10}{'init CPU':>10}{'1st inv.':>10}{'warm inv.':>10}{'peak RSS':>10}"
        f"{'CPU/floor':>11}{'CPU/pt':>8}{'wall/floor':>11}{'1st/floor':>10}{'warm/floor':>11}{'RSS/floor':>10}"
    )
    print(f"{'':<22}{'ms':>10}{'ms':>10}{'ms':>10}{'ms':>10}{'MB':>10}")
    for name, m in medians.items():
        ratio = functools.partial(paired_ratio, results, name)
        cpu_pt = f"{ratio('powertools', 'init_cpu_ms'):>8.2f}" if has_pt else f"{'-':>8}"
        print(
            f"{name:<22}{m.init_wall_ms:>10.1f}{m.init_cpu_ms:>10.1f}{m.first_ms:>10.2f}{m.warm_ms:>10.3f}"
            f"{m.peak_rss_mb:>10.1f}{ratio('floor', 'init_cpu_ms'):>11.2f}{cpu_pt}"
            f"{ratio('floor', 'init_wall_ms'):>11.2f}{ratio('floor', 'first_ms'):>10.2f}"
            f"{ratio('floor', 'warm_ms'):>11.2f}{ratio('floor', 'peak_rss_mb'):>10.2f}"
        )
    if "apigw-layer-c" not in medians:
        return
    targets = [("floor", "init_cpu_ms", 1.10), ("floor", "peak_rss_mb", 1.10), ("floor", "warm_ms", 1.3)]
    if has_pt:
        targets.insert(1, ("powertools", "init_cpu_ms", 0.35))
    labels = {"init_cpu_ms": "init CPU", "peak_rss_mb": "peak RSS", "warm_ms": "warm invoke"}
    print("\nTargets (issue 10; computed from this run; in brackets the ratio of the medians)")
    for base, field, limit in targets:
        value = paired_ratio(results, "apigw-layer-c", base, field)
        of_medians = getattr(medians["apigw-layer-c"], field) / getattr(medians[base], field)
        text = f"{labels[field]}: apigw-layer-c <= {limit:.2f}x {base}"
        print(f"{'PASS' if value <= limit else 'FAIL'}  {text:<50} measured {value:.3f}x  [{of_medians:.3f}x]")


# -- import times ---------------------------------------------------------------------------------------------------


def import_report(setup: Setup, runs: int, logs: Path) -> None:
    """The modules importing the handler loads (``-X importtime``), each with its least self time over ``runs``
    runs (the least disturbed by other processes: a few hundred µs are at the mercy of a neighbour), and the sum
    of those over the module and the modules listed under it.

    The runtime imports the handler module with ``importlib.import_module``, which ``-X importtime`` does not
    report, so the handler's imports are told apart by difference: every module the floor's process imports (the
    runtime's own, before and after loading a handler that imports nothing new) is left out."""
    calls = invocations(0)
    runtime_modules = set()
    for _ in range(3):
        _, _, stderr = run_sample(setup, setup.contenders["floor"], calls, logs, extra_args=("-X", "importtime"))
        runtime_modules.update(module for _, _, _, module in import_times(stderr))
    for name, contender in setup.contenders.items():
        if name == "floor":
            continue
        self_times: Dict[str, List[int]] = {}
        tree: List[Tuple[int, str]] = []  # (depth, module) in the order printed: a module after those it imports
        for _ in range(runs):
            _, _, stderr = run_sample(setup, contender, calls, logs, extra_args=("-X", "importtime"))
            for depth, self_us, _, module in import_times(stderr):
                if module in runtime_modules:
                    continue
                if module not in self_times:
                    tree.append((depth, module))
                self_times.setdefault(module, []).append(self_us)
        least = {module: min(times) for module, times in self_times.items()}
        print(
            f"\n{name}: modules loaded by importing {contender.handler.split('.')[0]} (import apigw, build the "
            f"20-route app) beyond what the runtime loads anyway; least of {runs} runs, in import order"
        )
        print(
            f"{'self µs':>9}{'subtree µs':>12}  module (indented under the module importing it; subtree: itself "
            "and the modules under it)"
        )
        for position, (depth, module) in enumerate(tree):
            subtree = least[module]
            for child_depth, child in reversed(tree[:position]):  # children are printed just before their parent
                if child_depth <= depth:
                    break
                subtree += least[child]
            print(f"{least[module]:>9}{subtree:>12}  {'  ' * depth}{module}")
        print(
            f"{sum(least.values()):>9}{'':>12}  total of {len(tree)} modules (the handler module itself not included)"
        )


def import_times(stderr: str) -> List[Tuple[int, int, int, str]]:
    """(depth, self µs, cumulative µs, module) of each line of ``-X importtime`` output, in the order printed."""
    entries = []
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line or "self [us]" in line:
            continue
        self_us, cumulative_us, name = line[len("import time:") :].split("|")
        depth = (len(name) - len(name.lstrip(" ")) - 1) // 2  # one space, then two per level
        entries.append((depth, int(self_us), int(cumulative_us), name.strip()))
    return entries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"10 samples and {QUICK_WARM_EVENTS} warm events")
    parser.add_argument("--samples", type=int, help="fresh processes per contender (default 30; --quick 10)")
    parser.add_argument(
        "--contenders",
        help=f"comma-separated, from {', '.join(DEFAULT_CONTENDERS + EXTRA_CONTENDERS)}"
        " (default: all but the extra ones); floor is always included",
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        help="build and install into this folder and keep it (reused by the next run); default: a temporary folder",
    )
    parser.add_argument("--wheelhouse", type=Path, help="take the apigw wheels from here instead of building them")
    parser.add_argument("--importtime", action="store_true", help="list the modules the handler import loads")
    args = parser.parse_args()
    samples = args.samples or (10 if args.quick else 30)
    warm = QUICK_WARM_EVENTS if args.quick else WARM_EVENTS
    names = list(DEFAULT_CONTENDERS)
    if args.contenders:
        names = ["floor"] + [n for n in args.contenders.split(",") if n and n != "floor"]
        unknown = set(names) - set(DEFAULT_CONTENDERS + EXTRA_CONTENDERS)
        if unknown:
            parser.error(f"unknown contenders: {', '.join(sorted(unknown))}")
    if args.importtime:
        chosen = [n for n in names if n.startswith("apigw")] if args.contenders else ["apigw-layer-c", "apigw-layer-py"]
        names = ["floor"] + (chosen or ["apigw-layer-c"])
    with tempfile.TemporaryDirectory(prefix="apigw-coldstart-") as scratch:
        work = args.workdir or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        setup = prepare(work, args.wheelhouse, names)
        before = files_of(setup.readonly)
        logs = Path(scratch) / "logs"
        logs.mkdir()
        if args.importtime:
            import_report(setup, 11, logs)
        else:
            for contender in setup.contenders.values():  # warm-up: page cache, and a first check of every answer
                run_sample(setup, contender, invocations(1), logs)
            results, cpu_source = measure(setup, samples, warm, logs)
            print_report(results, samples, warm, cpu_source)
        written = files_of(setup.readonly) - before
        if written:
            sys.exit(f"coldstart: files were written into the read-only folders: {sorted(map(str, written))[:10]}")


if __name__ == "__main__":
    main()

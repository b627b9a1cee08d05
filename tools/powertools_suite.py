"""Run Powertools' own event-handler tests against apigw, with only the imports switched.

    python tools/powertools_suite.py --tests /path/to/powertools-tree --against powertools
    python tools/powertools_suite.py --tests /path/to/powertools-tree --against apigw [--impl python] [--stub-missing]

``--tests`` is a copy of (part of) the Powertools repository: a folder holding ``tests/`` (with its ``__init__.py``
files, ``tests/functional/utils.py`` and the ``tests/events/*.json`` the tests load). Powertools' test files are never
part of this repository; fetch them separately. Positional paths narrow the run (default:
``tests/functional/event_handler``, relative to ``--tests``); anything after ``--`` goes to pytest unchanged.

``--against powertools`` runs the tests unchanged: the baseline of what passes on the installed Powertools.
``--against apigw`` runs that baseline first, then the same tests with the import hook of this module loaded as a
pytest plugin: every module named in ``IMPORT_MAP`` below resolves to its apigw counterpart, anything else (typing
helpers, shared Powertools utilities, the tests' own helpers) stays Powertools'. A module or name apigw lacks is an
import error of the test file that wants it: that list is the gap list. ``--stub-missing`` replaces missing apigw
names and modules with placeholders that fail only when used, so the rest of such a file still runs and shows
behaviour differences. ``--impl python`` (or ``--pure-python``) runs apigw's pure-Python twins
(``APIGW_NO_EXTENSIONS=1``); ``--impl cython`` (the default) requires the compiled modules.

The run prints one row per test file (passed / failed / errors / skipped in each mode) and writes every failing test
id with a one-line reason to ``--results`` (text) and a ``.json`` twin. A test that fails on Powertools itself is left
out of the apigw score and listed separately. The test runs need what the Powertools tests import: pytest,
aws-lambda-powertools, and for the validation and async suites pydantic, fastjsonschema and pytest-asyncio.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.abc
import importlib.machinery
import json
import os
import subprocess
import sys
import tempfile
import types
from collections import Counter, defaultdict
from pathlib import Path

# The whole contract of the switch: Powertools module -> apigw module. A key ending in ".*" covers every submodule
# under it; a "*" in its value is replaced by the rest of the name (".openapi.params" -> "apigw.openapi.params").
# Exact keys win over prefixes, longer prefixes over shorter ones.
IMPORT_MAP: dict[str, str] = {
    "aws_lambda_powertools.event_handler": "apigw",
    "aws_lambda_powertools.event_handler.api_gateway": "apigw",
    "aws_lambda_powertools.event_handler.router": "apigw.router",
    "aws_lambda_powertools.event_handler.middlewares": "apigw.middlewares",
    "aws_lambda_powertools.event_handler.middlewares.base": "apigw.middlewares",
    "aws_lambda_powertools.event_handler.middlewares.schema_validation": "apigw.middlewares",
    "aws_lambda_powertools.event_handler.exceptions": "apigw.exceptions",
    "aws_lambda_powertools.event_handler.content_types": "apigw.content_types",
    "aws_lambda_powertools.event_handler.request": "apigw.request",
    "aws_lambda_powertools.event_handler.depends": "apigw.depends",
    "aws_lambda_powertools.event_handler.http_resolver": "apigw.http_resolver",
    "aws_lambda_powertools.event_handler.vpc_lattice": "apigw",
    "aws_lambda_powertools.event_handler.lambda_function_url": "apigw",
    "aws_lambda_powertools.event_handler.openapi": "apigw.openapi",
    "aws_lambda_powertools.event_handler.openapi.*": "apigw.openapi.*",
    # Any other event-handler module is apigw's business too: its absence is a gap, not a reason to test Powertools.
    "aws_lambda_powertools.event_handler.*": "apigw.*",
    "aws_lambda_powertools.shared.cookies": "apigw.response",
    "aws_lambda_powertools.utilities.data_classes": "apigw.events",
    "aws_lambda_powertools.utilities.data_classes.*": "apigw.events",
}

DEFAULT_SUITE = "tests/functional/event_handler"
TARGET_ENV = "POWERTOOLS_SUITE_TARGET"  # "apigw" installs the import hook in the pytest process
STUB_ENV = "POWERTOOLS_SUITE_STUB_MISSING"
REPORT_ENV = "POWERTOOLS_SUITE_REPORT"  # where the pytest process writes its outcomes (JSON)
OUTCOMES = ("passed", "failed", "errors", "skipped")
SUBPROCESS_TIMEOUT_SECONDS = 1800
MISSING_SEEN: set[str] = set()  # apigw modules and names that --stub-missing had to stand in for, over every run


def apigw_target(module_name: str) -> str | None:
    """The apigw module that stands for a Powertools module, or None when the module stays Powertools'."""
    if module_name in IMPORT_MAP:
        return IMPORT_MAP[module_name]
    best_prefix = ""
    for key in IMPORT_MAP:
        if key.endswith(".*"):
            prefix = key[:-1]  # keep the dot: "pkg.*" covers "pkg.x", never "pkg" or "pkgx"
            if module_name.startswith(prefix) and len(prefix) > len(best_prefix):
                best_prefix = prefix
    if not best_prefix:
        return None
    return IMPORT_MAP[best_prefix + "*"].replace("*", module_name[len(best_prefix) :])


# --- the import hook (runs inside the pytest process) ------------------------------------------------------------


class MissingFromApigw(ImportError):
    """A Powertools name the mapped apigw module does not have, reached through a --stub-missing placeholder."""


class _PlaceholderMeta(type):
    # NOTE: a class, not an instance, so that isinstance(), except clauses and pytest.raises() still work (and
    # simply never match); creating, subscripting or reading an attribute of one is the failure.
    def __call__(cls, *args, **kwargs):
        raise MissingFromApigw(cls._missing)

    def __getitem__(cls, item):
        raise MissingFromApigw(cls._missing)

    def __getattr__(cls, name):
        if name.startswith("__"):
            raise AttributeError(name)
        raise MissingFromApigw(cls._missing)


_placeholders: dict[str, type] = {}  # "apigw.module.Name" -> its placeholder: one object per name, as imports expect


def _placeholder(target: str, name: str) -> type:
    qualified = f"{target}.{name}"
    if qualified not in _placeholders:
        message = f"missing in apigw: {qualified} (a --stub-missing placeholder)"
        _placeholders[qualified] = _PlaceholderMeta(name, (Exception,), {"_missing": message, "__module__": target})
    return _placeholders[qualified]


class _StubbedModule(types.ModuleType):
    """Stands for a Powertools module under --stub-missing: apigw's names, placeholders for the rest."""

    def __init__(self, name: str, target: str, real: types.ModuleType | None) -> None:
        super().__init__(name)
        self.__path__: list[str] = []  # a package, so that its submodules come through the hook as well
        self._target = target
        self._real = real

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        if self._real is not None and hasattr(self._real, name):
            return getattr(self._real, name)
        return _placeholder(self._target, name)


_missing_modules: set[str] = set()


class _AliasLoader(importlib.abc.Loader):
    def __init__(self, target: str, stub_missing: bool) -> None:
        self.target = target
        self.stub_missing = stub_missing

    def create_module(self, spec):
        try:
            real = importlib.import_module(self.target)
        except ImportError as exc:
            if not self.stub_missing:
                raise ModuleNotFoundError(
                    f"No module named {self.target!r} (apigw counterpart of {spec.name}): {exc}", name=self.target
                ) from exc
            real = None
            _missing_modules.add(self.target)
        if self.stub_missing:
            return _StubbedModule(spec.name, self.target, real)
        # COMPAT: the very same module object, so identity checks, isinstance() and monkeypatching hit apigw itself.
        return real

    def exec_module(self, module) -> None:
        return None


class ApigwImportFinder(importlib.abc.MetaPathFinder):
    """Resolves the Powertools modules named in IMPORT_MAP to their apigw counterparts."""

    def __init__(self, stub_missing: bool = False) -> None:
        self.stub_missing = stub_missing

    def find_spec(self, fullname, path=None, target=None):
        apigw_module = apigw_target(fullname)
        if apigw_module is None:
            return None
        loader = _AliasLoader(apigw_module, self.stub_missing)
        return importlib.machinery.ModuleSpec(fullname, loader, is_package=True)


def install_import_hook(stub_missing: bool = False) -> ApigwImportFinder:
    """Put the finder first on sys.meta_path and forget any mapped module imported before it."""
    for name in list(sys.modules):
        if apigw_target(name) is not None:
            del sys.modules[name]
    finder = ApigwImportFinder(stub_missing)
    sys.meta_path.insert(0, finder)
    return finder


# --- the pytest plugin half (loaded with -p powertools_suite in the pytest process) ---------------------------------

_outcomes: dict[str, dict[str, str]] = {}


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _error_line(longrepr_text: str) -> str:
    """The exception line of a pytest failure report ("E   ImportError: ..."), else its last non-empty line."""
    lines = [line for line in longrepr_text.splitlines() if line.strip()]
    error_lines = [line[1:].strip() for line in lines if line.startswith("E ")]
    if error_lines:
        # The first "E" line names the exception; pytest's "where ..." explanations follow it.
        return error_lines[0]
    return lines[-1].strip() if lines else ""


def _reason(report) -> str:
    if report.skipped and isinstance(report.longrepr, tuple):
        return _one_line(str(report.longrepr[2]))
    return _one_line(_error_line(report.longreprtext))


def pytest_report_header(config) -> str:
    target = os.environ.get(TARGET_ENV, "powertools")
    if target != "apigw":
        return "powertools suite: unchanged Powertools imports"
    import apigw

    return f"powertools suite: imports switched to apigw ({apigw.IMPLEMENTATION}) from {apigw.__file__}"


def pytest_collectreport(report) -> None:
    if report.failed:
        _outcomes[report.nodeid] = {"outcome": "collection-error", "reason": _reason(report)}


def pytest_runtest_logreport(report) -> None:
    previous = _outcomes.get(report.nodeid, {}).get("outcome")
    if report.when == "call" or report.failed or report.skipped:
        if report.passed:
            outcome = "passed"
        elif report.skipped:
            outcome = "skipped"
        elif report.when == "call":
            outcome = "failed"
        else:
            outcome = "errors"
        if previous in ("failed", "errors") and outcome == "errors":
            return  # a teardown error after a failure: the first reason is the one that matters
        _outcomes[report.nodeid] = {"outcome": outcome, "reason": "" if report.passed else _reason(report)}


def pytest_sessionfinish(session, exitstatus) -> None:
    report_path = os.environ.get(REPORT_ENV)
    if report_path:
        missing = sorted(_missing_modules | set(_placeholders))
        Path(report_path).write_text(json.dumps({"outcomes": _outcomes, "missing": missing}, indent=1, sort_keys=True))


if os.environ.get(TARGET_ENV) == "apigw" and __name__ != "__main__":
    # At import of the plugin, before pytest loads the first conftest.py (which may import Powertools modules).
    install_import_hook(stub_missing=os.environ.get(STUB_ENV) == "1")


# --- the runner (runs in the calling process) ------------------------------------------------------------------------


def _pytest_once(tree: Path, paths: list[str], target: str, impl: str, stub_missing: bool, extra: list[str]):
    """One pytest process over ``paths``: (outcomes or None when pytest gave up, its output)."""
    with tempfile.TemporaryDirectory(prefix="powertools-suite-") as scratch:
        scratch_dir = Path(scratch)
        # NOTE: an ini of our own, so that no pytest configuration around the tree (like apigw's) changes the run.
        ini = scratch_dir / "pytest.ini"
        ini.write_text("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
        report = scratch_dir / "outcomes.json"
        env = dict(os.environ)
        env.update({TARGET_ENV: target, REPORT_ENV: str(report), STUB_ENV: "1" if stub_missing else "0"})
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(__file__).resolve().parent), env.get("PYTHONPATH")]))
        env.pop("APIGW_NO_EXTENSIONS", None)
        env.pop("APIGW_REQUIRE_EXTENSIONS", None)
        if target == "apigw":
            env["APIGW_NO_EXTENSIONS" if impl == "python" else "APIGW_REQUIRE_EXTENSIONS"] = "1"
        command = [
            sys.executable, "-m", "pytest", "-q", "-p", "powertools_suite", "-p", "no:cacheprovider",
            "-c", str(ini), "--rootdir", str(tree), "--confcutdir", str(tree), "-o", "addopts=",
            "--continue-on-collection-errors", *extra, *paths,
        ]  # fmt: skip
        completed = subprocess.run(
            command, cwd=tree, env=env, capture_output=True, text=True, timeout=SUBPROCESS_TIMEOUT_SECONDS
        )
        output = completed.stdout + completed.stderr
        if not report.exists():
            return None, output
        report_data = json.loads(report.read_text())
        MISSING_SEEN.update(report_data["missing"])
        return _spread_folder_errors(tree, report_data["outcomes"]), output


def _spread_folder_errors(tree: Path, outcomes: dict) -> dict:
    """A folder whose conftest.py does not import is one collection error: make it one per test file inside."""
    spread = {}
    for nodeid, record in outcomes.items():
        folder = tree / nodeid
        if record["outcome"] == "collection-error" and folder.is_dir():
            for test_file in sorted(folder.rglob("test_*.py")):
                spread[str(test_file.relative_to(tree))] = record
        else:
            spread[nodeid] = record
    return spread


def run_suite(tree: Path, paths: list[str], target: str, impl: str, stub_missing: bool, extra: list[str]) -> dict:
    """Run pytest over ``paths`` of the Powertools tree; returns nodeid -> {"outcome", "reason"}.

    pytest gives up on a whole run when a conftest.py does not import (against apigw: a conftest that wants a
    missing module). The run is then repeated one path, one folder and at last one file at a time; a file that
    still cannot run is recorded as a collection error with the reason pytest printed.
    """
    outcomes, output = _pytest_once(tree, paths, target, impl, stub_missing, extra)
    if outcomes is not None:
        return outcomes
    if len(paths) > 1:
        merged: dict = {}
        for path in paths:
            merged.update(run_suite(tree, [path], target, impl, stub_missing, extra))
        return merged
    (path,) = paths
    folder = tree / path
    children = []
    if folder.is_dir():
        children = [
            str(p.relative_to(tree)) for p in sorted(folder.iterdir()) if p.is_dir() and any(p.rglob("test_*.py"))
        ]
        children += [str(p.relative_to(tree)) for p in sorted(folder.glob("test_*.py"))]
    if not children:
        reason = _one_line(_error_line(output)) or "pytest stopped before running any test"
        return {path: {"outcome": "collection-error", "reason": reason}}
    merged = {}
    for child in children:
        merged.update(run_suite(tree, [child], target, impl, stub_missing, extra))
    return merged


def file_of(nodeid: str) -> str:
    return nodeid.split("::", 1)[0]


def count_by_file(outcomes: dict) -> dict[str, Counter]:
    counts: dict[str, Counter] = defaultdict(Counter)
    for nodeid, record in outcomes.items():
        outcome = record["outcome"]
        counts[file_of(nodeid)]["errors" if outcome == "collection-error" else outcome] += 1
    return counts


def import_errors(outcomes: dict) -> dict[str, str]:
    return {file_of(n): r["reason"] for n, r in outcomes.items() if r["outcome"] == "collection-error"}


def score(baseline: dict, switched: dict) -> dict:
    """Compare the two runs; a test counts only if it passes on Powertools."""
    broken_files = import_errors(switched)
    baseline_passing = [n for n, r in baseline.items() if r["outcome"] == "passed"]
    failing, passing = {}, []
    for nodeid in baseline_passing:
        record = switched.get(nodeid)
        if record is None:
            reason = broken_files.get(file_of(nodeid), "not collected when run against apigw")
            record = {"outcome": "collection-error", "reason": reason}
        if record["outcome"] == "passed":
            passing.append(nodeid)
        else:
            failing[nodeid] = record
    baseline_failing = {n: r for n, r in baseline.items() if r["outcome"] not in ("passed", "skipped")}
    return {"passing": passing, "failing": failing, "baseline_failing": baseline_failing, "broken_files": broken_files}


def format_counts(counter: Counter | None, import_error: bool = False) -> str:
    if import_error:
        return "IMPORT ERROR"
    counter = counter or Counter()
    return " / ".join(f"{counter.get(key, 0):>3}" for key in OUTCOMES)


def print_table(baseline: dict, switched: dict | None, result: dict | None) -> None:
    base_counts = count_by_file(baseline)
    switched_counts = count_by_file(switched) if switched is not None else {}
    broken = result["broken_files"] if result else {}
    files = sorted(set(base_counts) | set(switched_counts))
    common = os.path.commonpath(files) if len(files) > 1 else os.path.dirname(files[0]) if files else ""
    shown = {name: name[len(common) :].lstrip("/") or name for name in files}
    width = max([len(f) for f in shown.values()] + [24])
    print(f"test files under {common or '.'}/")
    header = f"{'test file':<{width}}  {'powertools  pass/fail/err/skip':>31}"
    if switched is not None:
        header += f"  {'apigw  pass/fail/err/skip':>26}  {'score':>9}"
    print(header)
    print("-" * len(header))
    for name in files:
        line = f"{shown[name]:<{width}}  {format_counts(base_counts.get(name)):>31}"
        if switched is not None and result is not None:
            ok = sum(1 for n in result["passing"] if file_of(n) == name)
            of = ok + sum(1 for n in result["failing"] if file_of(n) == name)
            cell = format_counts(switched_counts.get(name), import_error=name in broken)
            line += f"  {cell:>26}  {f'{ok}/{of}':>9}"
        print(line)
    total = sum(base_counts.values(), Counter())
    line = f"{'TOTAL':<{width}}  {format_counts(total):>31}"
    if switched is not None and result is not None:
        switched_total = sum(switched_counts.values(), Counter())
        ok, of = len(result["passing"]), len(result["passing"]) + len(result["failing"])
        line += f"  {format_counts(switched_total):>26}  {f'{ok}/{of}':>9}"
    print("-" * len(header))
    print(line)


def write_results(path: Path, mode: str, baseline: dict, switched: dict | None, result: dict | None) -> None:
    lines = [f"# Powertools suite results: {mode}", ""]
    if result is not None:
        lines.append(f"## Failing against apigw ({len(result['failing'])} of the tests that pass on Powertools)")
        if result["broken_files"]:
            lines += ["", "### Test files that do not import against apigw"]
            lines += [f"{name}  {reason}" for name, reason in sorted(result["broken_files"].items())]
        lines += ["", "### Tests"]
        lines += [f"{nodeid}  [{r['outcome']}]  {r['reason']}" for nodeid, r in sorted(result["failing"].items())]
        failing_on_powertools = result["baseline_failing"]
    else:
        failing_on_powertools = {n: r for n, r in baseline.items() if r["outcome"] not in ("passed", "skipped")}
    if MISSING_SEEN:
        lines += ["", f"## apigw modules and names the tests wanted and apigw lacks ({len(MISSING_SEEN)})"]
        lines += sorted(MISSING_SEEN)
    lines += ["", f"## Failing on Powertools itself, left out of the score ({len(failing_on_powertools)})"]
    lines += [f"{nodeid}  [{r['outcome']}]  {r['reason']}" for nodeid, r in sorted(failing_on_powertools.items())]
    path.write_text("\n".join(lines) + "\n")
    payload = {
        "mode": mode,
        "powertools": baseline,
        "apigw": switched,
        "score": result,
        "missing": sorted(MISSING_SEEN),
    }
    path.with_suffix(".json").write_text(json.dumps(payload, indent=1, sort_keys=True))


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    extra: list[str] = []
    if "--" in argv:
        extra = argv[argv.index("--") + 1 :]
        argv = argv[: argv.index("--")]
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--tests", required=True, type=Path, help="folder holding the Powertools tests/ tree")
    parser.add_argument("--against", choices=("powertools", "apigw"), default="apigw")
    parser.add_argument("--impl", choices=("cython", "python"), default="cython", help="apigw implementation to test")
    parser.add_argument("--pure-python", action="store_true", help="same as --impl python")
    parser.add_argument("--stub-missing", action="store_true", help="placeholders for missing apigw names/modules")
    parser.add_argument("--results", type=Path, default=Path("powertools_suite_results.txt"))
    parser.add_argument("paths", nargs="*", help=f"test paths inside --tests (default: {DEFAULT_SUITE})")
    args = parser.parse_args(argv)

    tree = args.tests.resolve()
    if not (tree / "tests").is_dir():
        parser.error(f"{tree} has no tests/ folder: point --tests at the root of a Powertools test tree")
    paths = args.paths or [DEFAULT_SUITE]
    missing = [p for p in paths if not (tree / p).exists()]
    if missing:
        parser.error(f"not in {tree}: {', '.join(missing)}")
    impl = "python" if args.pure_python else args.impl

    baseline = run_suite(tree, paths, "powertools", impl, False, extra)
    switched = result = None
    mode = "powertools"
    if args.against == "apigw":
        switched = run_suite(tree, paths, "apigw", impl, args.stub_missing, extra)
        result = score(baseline, switched)
        mode = f"apigw ({impl}{', stub-missing' if args.stub_missing else ''})"
    print_table(baseline, switched, result)
    write_results(args.results, mode, baseline, switched, result)
    print(f"\nfailures with reasons: {args.results} (and {args.results.with_suffix('.json')})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""What importing the handler costs in CPU instructions, counted by valgrind: a measurement that noise cannot move.

    python benchmarks/import_cost.py [--workdir DIR] [--contenders floor,apigw-layer-c,...]

``coldstart.py`` times cold starts on a shared machine, where a run's ratios move by a few hundredths from one run
to the next. This script counts instead. For each contender of ``coldstart.py`` (the same wheels, layers, runtime
and function, prepared by its code) it runs a fresh process that imports what AWS's runtime client imports before
a handler (``awslambdaric`` and its standard-library modules), then imports the function module (``app``: the
router and the 20-route app; ``floor`` for the floor) and exits without tearing down the interpreter. valgrind's
callgrind counts the instructions of that process and of the same process without the handler import; the
difference is the cost of the handler import, the same from run to run (``PYTHONHASHSEED=0``; the garbage
collector runs as it does on Lambda). Needs valgrind (``apt install valgrind``); about 20 s with built layers.

Instructions are not time: they leave out cache misses and page faults (a bigger import touches more memory), so
``coldstart.py`` stays the measurement of record. They are what a change to the import path should move, and this
script shows whether it did.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import coldstart  # noqa: E402  (this folder's module: the same setup as the cold start benchmark)

# What the runtime client has imported when it imports the handler (its bootstrap and what that imports).
RUNTIME_IMPORTS = "import awslambdaric.bootstrap, awslambdaric.lambda_runtime_client, json, logging, decimal, warnings"
# The handler module is imported as the runtime client imports it (importlib.import_module).
CHILD = RUNTIME_IMPORTS + (
    "\nimport importlib, os\nif os.environ['IMPORT_COST_HANDLER']:\n"
    "    importlib.import_module(os.environ['IMPORT_COST_HANDLER'])\nos._exit(0)\n"
)


def instructions(setup: coldstart.Setup, contender: coldstart.Contender, with_handler: bool) -> int:
    env = coldstart.child_environment(setup, contender, "127.0.0.1:9")
    handler_module = contender.handler.rpartition(".")[0]  # "app" of "app.lambda_handler"
    env.update(PYTHONHASHSEED="0", IMPORT_COST_HANDLER=handler_module if with_handler else "")
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", str(setup.python), "-c", CHILD],
        cwd=setup.task,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or found is None:
        sys.exit(f"import_cost: {contender.name} failed:\n{done.stderr[-3000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workdir", type=Path, help="keep (or reuse) the built wheels, layers and installs here")
    parser.add_argument(
        "--contenders",
        default="floor,apigw-layer-c,apigw-layer-py,apigw-pip-c,powertools",
        help="comma-separated names of coldstart.py's contenders",
    )
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("import_cost: needs valgrind (apt install valgrind)")
    names = ["floor"] + [name for name in args.contenders.split(",") if name and name != "floor"]
    with tempfile.TemporaryDirectory(prefix="apigw-import-cost-") as scratch:
        work = args.workdir or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        setup = coldstart.prepare(work, None, names)
        costs = {}
        for name in names:
            contender = setup.contenders[name]
            costs[name] = instructions(setup, contender, True) - instructions(setup, contender, False)
    print("instructions of importing the handler module (the router and the 20-route app), valgrind callgrind")
    print(f"{'contender':22s} {'instructions':>14s} {'/floor':>8s} {'over floor':>14s}")
    for name, cost in costs.items():
        print(f"{name:22s} {cost:14,d} {cost / costs['floor']:8.2f} {cost - costs['floor']:14,d}")


if __name__ == "__main__":
    main()

"""Run the fuzz targets: each compiled module against its pure twin, a fixed number of inputs or a fixed time.

    python fuzz/run.py --runs 100000 --seed 1                  # what CI runs (every module, 30-45 s here)
    python fuzz/run.py --module headers --runs 10000000        # a longer run of one module
    python fuzz/run.py --time 3600 --corpus fuzz/corpus        # an hour per module, keeping what it learns
    python fuzz/run.py --module matcher -- -max_len=8192       # anything after "--" goes to libFuzzer

Each target runs in its own process (libFuzzer, through atheris, owns the process it fuzzes). Its output goes to
``<artifacts>/<module>.log``; a summary line per module is printed. On a mismatch (or a crash, or one input
running longer than ``--timeout`` seconds) the run goes on with the other modules, then prints the end of the
failing module's log (the call, both answers and the structured inputs), where libFuzzer saved the input and the
command that replays it, and exits 1.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
MODULES = ("matcher", "headers", "encoder")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module", action="append", choices=MODULES, help="fuzz this module (repeatable; default all)")
    parser.add_argument("--runs", type=int, help="inputs per module (libFuzzer -runs)")
    parser.add_argument("--time", type=int, help="seconds per module (libFuzzer -max_total_time)")
    parser.add_argument("--seed", type=int, default=1, help="libFuzzer -seed (default 1; 0 lets libFuzzer choose)")
    parser.add_argument("--corpus", type=Path, help="keep each module's corpus in CORPUS/<module> (reused next time)")
    parser.add_argument("--artifacts", type=Path, default=HERE / "artifacts", help="logs and failing inputs")
    parser.add_argument("--timeout", type=int, default=30, help="seconds one input may take (libFuzzer -timeout)")
    parser.add_argument("libfuzzer_flags", nargs="*", help="after --: more libFuzzer flags")
    args = parser.parse_args()
    if args.runs is None and args.time is None:
        parser.error("say how long: --runs N and/or --time SECONDS")

    args.artifacts.mkdir(parents=True, exist_ok=True)
    print(f"fuzzing with {sys.executable} ({sys.version.split()[0]}); seed {args.seed}; logs in {args.artifacts}")
    print(f"{'module':<9}{'inputs':>11}{'seconds':>9}{'inputs/s':>10}{'corpus':>8}  result")
    failures = []
    total = time.perf_counter()
    for module in args.module or MODULES:
        log = args.artifacts / f"{module}.log"
        command = [
            sys.executable,
            str(HERE / f"fuzz_{module}.py"),
            f"-seed={args.seed}",
            f"-timeout={args.timeout}",
            f"-artifact_prefix={args.artifacts}/{module}-",
            "-print_final_stats=1",
            *([f"-runs={args.runs}"] if args.runs is not None else []),
            *([f"-max_total_time={args.time}"] if args.time is not None else []),
            *args.libfuzzer_flags,
        ]
        if args.corpus is not None:
            corpus = args.corpus / module
            corpus.mkdir(parents=True, exist_ok=True)
            command.append(str(corpus))
        start = time.perf_counter()
        with open(log, "w") as out:
            # The targets import `_inputs` from their own folder and apigw from wherever it is installed.
            returncode = subprocess.run(command, stdout=out, stderr=subprocess.STDOUT, cwd=HERE).returncode
        seconds = time.perf_counter() - start
        text = log.read_text(errors="replace")
        stats = dict(re.findall(r"^stat::(\w+):\s*(\d+)", text, re.MULTILINE))
        inputs = int(stats.get("number_of_executed_units", 0))
        corpus_size = re.findall(r" corp: (\d+)/", text)
        result = "ok" if returncode == 0 else f"FAILED (exit {returncode})"
        print(
            f"{module:<9}{inputs:>11,}{seconds:>9.1f}{inputs / seconds:>10,.0f}"
            f"{corpus_size[-1] if corpus_size else '-':>8}  {result}",
            flush=True,
        )
        if returncode != 0:
            failures.append((module, log, text))
    print(f"total {time.perf_counter() - total:.1f} s")

    for module, log, text in failures:
        print(f"\n===== {module}: the end of {log} =====")
        print("\n".join(text.splitlines()[-60:]))
        target = HERE / f"fuzz_{module}.py"
        saved = re.findall(r"Test unit written to (\S+)", text)
        if saved:
            path = Path(saved[-1])
            path = path if path.is_absolute() else HERE / path
            print(f"\nreproduce: {sys.executable} {target} {path}")
        encoded = re.findall(r"^Base64: (\S*)$", text, re.MULTILINE)
        if encoded:  # the input itself, for when the artifacts are gone (a CI machine)
            replay = f"python {target.relative_to(HERE.parent)} input.bin"
            print(f"or anywhere: echo '{encoded[-1]}' | base64 -d > input.bin && {replay}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

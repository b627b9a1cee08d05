"""Build a Lambda layer zip of apigw for one architecture from its wheels, with bytecode for every Python it serves.

    python tools/build_layer.py --arch x86_64 wheelhouse/*.whl          # -> dist/apigw-layer-x86_64.zip
    python tools/build_layer.py --arch aarch64 --out dist wheelhouse/*.whl
    python tools/build_layer.py --arch x86_64 --python python3.12 dist/apigw-0.1.0-py3-none-any.whl
    python tools/build_layer.py --verify dist/apigw-layer-x86_64.zip    # check a built layer's bytecode

Lambda unpacks a layer into /opt and puts /opt/python on sys.path for every Python runtime, so one zip per
architecture serves every Python version: the ``.py`` files are shared and each wheel adds its own
``_speedups.cpython-3XX-<arch>-linux-gnu.so`` (the one shared library of the compiled modules) side by side. Only
wheels of the requested architecture (or pure ``py3-none-any`` ones, for a pure-Python layer) are used. Sources that
Lambda never runs (``.pyx``, ``.c``, ``.pyi``) and tests are left out. Prints what went in and the zip's size.

Bytecode. Lambda cannot write ``__pycache__`` into /opt, so a layer without bytecode compiles every ``.py`` file
from source at every cold start. The layer therefore carries ``__pycache__/<module>.cpython-3XX.pyc`` for each
Python version it serves, compiled by that version's interpreter as *unchecked-hash* pycs (PEP 552): Python loads
them without looking at the source's modification time, which unzipping does not preserve reliably (zip keeps
local time at a 2-second resolution), nor hashing the source. A layer is immutable once published, so the check
buys nothing. The bytecode leaves out the bodies of ``if TYPE_CHECKING:`` blocks, which never run (apigw's modules set
``TYPE_CHECKING = False``) but would be unmarshalled at every cold start; line numbers stay the source's. The
interpreters are the ``--python`` ones, by default ``python3.X`` (on PATH, or the running
interpreter) for every version whose compiled modules are in the wheels; for a pure layer, the running
interpreter. After building, each interpreter imports every module of the unpacked layer with bytecode writes
off, and the build fails if any module was compiled from source.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Dict, List, NamedTuple, Optional, Sequence

LEFT_OUT_SUFFIXES = (".pyx", ".c", ".pyi")
# Where Lambda unpacks a layer's python/ folder: the path recorded in the bytecode as the source file name.
LAMBDA_LAYER_ROOT = "/opt/python"
# The bytecode kinds a layer may carry, with their PEP 552 flags (bit 0: hash-based; bit 1: check the source's hash).
PYC_FLAGS = {"unchecked-hash": 0b01, "checked-hash": 0b11}


class Interpreter(NamedTuple):
    executable: str
    version: str  # "3.11"
    cache_tag: str  # "cpython-311"


def wheel_architecture(wheel: Path) -> str:
    """``x86_64``, ``aarch64`` or ``any`` from a wheel's platform tag."""
    platform_tag = wheel.stem.split("-")[-1]
    if platform_tag == "any":
        return "any"
    for arch in ("x86_64", "aarch64"):
        if platform_tag.endswith(arch):
            return arch
    return platform_tag


def wheel_python_version(wheel: Path) -> Optional[str]:
    """``"3.11"`` for a ``cp311`` wheel, ``None`` for a pure ``py3`` one."""
    match = re.fullmatch(r"cp3(\d+)", wheel.stem.split("-")[-3])
    return f"3.{match.group(1)}" if match else None


def layer_members(wheels: List[Path]) -> Dict[str, bytes]:
    """``python/...`` path -> content, merged from the wheels (the first wheel's dist-info is kept)."""
    members: Dict[str, bytes] = {}
    dist_info_taken = False
    for wheel in wheels:
        with zipfile.ZipFile(wheel) as archive:
            names = [name for name in archive.namelist() if not name.endswith("/")]
            has_dist_info = any(".dist-info/" in name for name in names)
            for name in names:
                if name.endswith(LEFT_OUT_SUFFIXES) or name.startswith("tests/") or "/__pycache__/" in name:
                    continue
                if ".dist-info/" in name and dist_info_taken:
                    continue
                members[f"python/{name}"] = archive.read(name)
            dist_info_taken = dist_info_taken or has_dist_info
    return members


# -- interpreters -------------------------------------------------------------------------------------------------


def describe_interpreter(executable: str) -> Interpreter:
    """Run ``executable`` to learn its version and bytecode cache tag; fail with what to do if it does not run."""
    probe = "import sys; print(sys.implementation.cache_tag, '%d.%d' % sys.version_info[:2])"
    try:
        done = subprocess.run([executable, "-I", "-c", probe], capture_output=True, text=True, timeout=60)
    except OSError as exc:
        raise SystemExit(f"build_layer: cannot run the interpreter {executable!r} ({exc})") from None
    if done.returncode != 0 or len(done.stdout.split()) != 2:
        detail = (done.stderr or done.stdout).strip().splitlines()[:1]
        raise SystemExit(
            f"build_layer: the interpreter {executable!r} does not run ({' '.join(detail) or 'no output'})"
            ": pass --python with a working interpreter of that version"
        )
    cache_tag, version = done.stdout.split()
    return Interpreter(executable, version, cache_tag)


def choose_interpreters(requested: Sequence[str], wheel_versions: Sequence[str]) -> List[Interpreter]:
    """The interpreters that compile the layer's bytecode, one per Python version it serves.

    ``requested`` are ``--python`` values; without them: ``python3.X`` for each version with compiled modules in
    the wheels (the running interpreter when it is that version), or the running interpreter for a pure layer."""
    running = f"{sys.version_info[0]}.{sys.version_info[1]}"
    if requested:
        interpreters = [describe_interpreter(executable) for executable in requested]
    elif wheel_versions:
        interpreters = []
        for version in wheel_versions:
            if version == running:
                interpreters.append(describe_interpreter(sys.executable))
                continue
            found = shutil.which(f"python{version}")
            if found is None:
                raise SystemExit(
                    f"build_layer: the wheels have compiled modules for Python {version}, but there is no "
                    f"python{version} on PATH to compile its bytecode: pass --python /path/to/python{version} "
                    "(or --no-bytecode for a layer that compiles its sources at every cold start)"
                )
            interpreters.append(describe_interpreter(found))
    else:
        interpreters = [describe_interpreter(sys.executable)]
    by_version: Dict[str, Interpreter] = {}
    for interpreter in interpreters:
        if interpreter.version in by_version:
            raise SystemExit(
                f"build_layer: two interpreters for Python {interpreter.version}: "
                f"{by_version[interpreter.version].executable} and {interpreter.executable}"
            )
        by_version[interpreter.version] = interpreter
    if wheel_versions:
        missing = sorted(set(wheel_versions) - set(by_version), key=_version_key)
        extra = sorted(set(by_version) - set(wheel_versions), key=_version_key)
        if missing:
            raise SystemExit(
                f"build_layer: the wheels have compiled modules for Python {', '.join(missing)} but no "
                "--python for it: its bytecode would be missing (add --python for each version)"
            )
        if extra:
            raise SystemExit(
                f"build_layer: --python given for Python {', '.join(extra)}, but no wheel has compiled "
                "modules for it: such a runtime would fall back to pure Python (add its wheel)"
            )
    return sorted(by_version.values(), key=lambda interpreter: _version_key(interpreter.version))


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


# -- bytecode -----------------------------------------------------------------------------------------------------

# Run by each target interpreter: compiles the given sources (relative to the layer root) into __pycache__, as
# py_compile would (PEP 552 header: magic, flags, the source's hash; then the marshalled code), with one difference:
# the body of each `if TYPE_CHECKING:` block is compiled as `pass`. PERF: every apigw module sets TYPE_CHECKING =
# False, so those bodies (typing-only imports, Protocols, overloads) never run, yet CPython compiles them (the test
# is a name) and a cold start would unmarshal them: ~230k instructions. Line numbers are the source's: tracebacks and
# inspect.getsource point at the shipped .py files.
COMPILE_SCRIPT = """\
import ast, importlib.util, marshal, os, sys
root, lambda_root, flags = sys.argv[1], sys.argv[2], int(sys.argv[3])

def typing_only(test):
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
        and isinstance(test.value, ast.Name) and test.value.id == "typing")

class DropTypingOnly(ast.NodeTransformer):
    def visit_If(self, node):
        self.generic_visit(node)
        if typing_only(node.test):
            node.body = [ast.copy_location(ast.Pass(), node.body[0])]
        return node

for relative in sys.argv[4:]:
    source = root + "/" + relative
    with open(source, "rb") as file:
        data = file.read()
    tree = DropTypingOnly().visit(ast.parse(data, source))
    # The name recorded in the code objects is the path on Lambda, so the loader need not rewrite it.
    code = compile(tree, lambda_root + "/" + relative, "exec", dont_inherit=True)
    pyc = importlib.util.cache_from_source(source)
    os.makedirs(os.path.dirname(pyc), exist_ok=True)
    with open(pyc, "wb") as file:
        file.write(importlib.util.MAGIC_NUMBER + flags.to_bytes(4, "little") + importlib.util.source_hash(data))
        file.write(marshal.dumps(code))
"""


def compile_bytecode(members: Dict[str, bytes], interpreters: Sequence[Interpreter], mode: str) -> Dict[str, bytes]:
    """``python/.../__pycache__/<module>.<cache tag>.pyc`` -> content for every ``.py`` member and interpreter."""
    sources = sorted(name[len("python/") :] for name in members if name.endswith(".py"))
    compiled: Dict[str, bytes] = {}
    with tempfile.TemporaryDirectory(prefix="apigw-layer-") as scratch:
        root = Path(scratch) / "python"
        for name, content in members.items():
            if name.endswith(".py"):
                (Path(scratch) / name).parent.mkdir(parents=True, exist_ok=True)
                (Path(scratch) / name).write_bytes(content)
        for interpreter in interpreters:
            done = subprocess.run(
                [
                    interpreter.executable,
                    "-I",
                    "-c",
                    COMPILE_SCRIPT,
                    str(root),
                    LAMBDA_LAYER_ROOT,
                    str(PYC_FLAGS[mode]),
                    *sources,
                ],
                capture_output=True,
                text=True,
                timeout=300,
            )
            if done.returncode != 0:
                raise SystemExit(
                    f"build_layer: Python {interpreter.version} ({interpreter.executable}) failed to "
                    f"compile the layer's sources:\n{done.stderr}"
                )
        for pyc in sorted(root.rglob("__pycache__/*.pyc")):
            compiled[f"python/{pyc.relative_to(root).as_posix()}"] = pyc.read_bytes()
    expected = len(sources) * len(interpreters)
    if len(compiled) != expected:
        raise SystemExit(f"build_layer: expected {expected} bytecode files, the compilers wrote {len(compiled)}")
    return compiled


# -- verification -------------------------------------------------------------------------------------------------

# Run by each interpreter against an unpacked layer with PYTHONDONTWRITEBYTECODE=1: imports every module and
# reports those whose code was compiled from source (SourceLoader.source_to_code is the only way there) instead of
# loaded from their bytecode. The module list comes from the layer's files, not from what `import apigw` reaches.
VERIFY_SCRIPT = """\
import importlib, importlib.machinery, json, sys
from importlib._bootstrap_external import SourceLoader
layer, modules = sys.argv[1], json.loads(sys.argv[2])
sys.path.insert(0, layer)
from_source = []
compile_source = SourceLoader.source_to_code
def spy(self, data, path, *args, **kwargs):
    from_source.append(path)
    return compile_source(self, data, path, *args, **kwargs)
SourceLoader.source_to_code = spy
loaded, optional = {}, {}
for name in modules:
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name is None or exc.name.split(".")[0] == name.split(".")[0]:
            raise
        optional[name] = exc.name  # needs an optional extra (say pydantic): its own code was still loaded
        continue
    spec = module.__spec__
    loaded[name] = spec.cached if isinstance(spec.loader, importlib.machinery.SourceFileLoader) else spec.origin
print(json.dumps({"from_source": from_source, "loaded": loaded, "optional": optional}))
"""


def layer_versions(names: Sequence[str]) -> Dict[str, List[str]]:
    """Cache tag (``cpython-311``) -> the layer's members that belong to it (its ``.pyc`` and ``.so`` files)."""
    tags: Dict[str, List[str]] = {}
    for name in names:
        match = re.search(r"\.(cpython-3\d+)(?:\.pyc|-[^/]*\.so)$", name)
        if match:
            tags.setdefault(match.group(1), []).append(name)
    return tags


def module_names(names: Sequence[str]) -> List[str]:
    """Importable module names of the layer's ``python/`` files (``.py`` sources and compiled extensions)."""
    modules = set()
    for name in names:
        if not name.startswith("python/") or "/__pycache__/" in name or ".dist-info/" in name:
            continue
        path = name[len("python/") :]
        if path.endswith(".py"):
            path = path[: -len(".py")]
        elif path.endswith(".so"):
            path = path.split(".", 1)[0]
        else:
            continue
        parts = path.split("/")
        if parts[-1] == "__init__":
            parts.pop()
        modules.add(".".join(parts))
    return sorted(modules)


def verify_layer(layer: Path, interpreters: Sequence[Interpreter]) -> None:
    """Fail unless, for each interpreter, every ``.py`` of the layer has a valid bytecode file that Python uses.

    Valid: an unchecked-hash pyc of that interpreter's cache tag whose recorded source hash is the source's; used:
    importing every module of the unpacked layer, with bytecode writes off, compiles nothing from source."""
    with zipfile.ZipFile(layer) as archive:
        names = archive.namelist()
        with tempfile.TemporaryDirectory(prefix="apigw-layer-check-") as scratch:
            archive.extractall(scratch)
            root = Path(scratch) / "python"
            sources = [name for name in names if name.endswith(".py") and ".dist-info/" not in name]
            modules = module_names(names)
            tags = layer_versions(names)
            host = platform.machine()
            for interpreter in interpreters:
                pycs = set(tags.get(interpreter.cache_tag, ()))
                # A layer for another architecture (aarch64 built on x86_64): its compiled modules cannot load
                # here, so the check imports the Python modules only (all of them, twins included).
                native = {name for name in pycs if name.endswith(".so") and f"-{host}-" in name}
                foreign = _has_so(pycs) and not native
                compiled = set(module_names([name for name in names if name.endswith(".so")]))
                to_import = [m for m in modules if not foreign or m not in compiled]
                missing = [name for name in sources if _pyc_name(name, interpreter.cache_tag) not in pycs]
                if missing:
                    raise SystemExit(
                        f"build_layer: {layer.name} has no Python {interpreter.version} bytecode for "
                        f"{', '.join(missing)}"
                    )
                _check_pyc_headers(interpreter, root, sources)
                done = subprocess.run(
                    # -B: no bytecode writes (-I ignores PYTHONDONTWRITEBYTECODE), as on Lambda's read-only /opt.
                    [interpreter.executable, "-I", "-B", "-c", VERIFY_SCRIPT, str(root), json.dumps(to_import)],
                    capture_output=True,
                    text=True,
                    timeout=120,
                    # A layer with this version's compiled modules must load them; a pure one says it is pure.
                    env={"APIGW_REQUIRE_EXTENSIONS" if native else "APIGW_NO_EXTENSIONS": "1"},
                )
                if done.returncode != 0:
                    raise SystemExit(
                        f"build_layer: importing {layer.name} with Python {interpreter.version} failed:\n{done.stderr}"
                    )
                report = json.loads(done.stdout)
                if report["from_source"]:
                    raise SystemExit(
                        f"build_layer: with Python {interpreter.version}, {layer.name} compiled from "
                        f"source: {', '.join(report['from_source'])} (its bytecode was not used)"
                    )
            versions = ", ".join(interpreter.version for interpreter in interpreters)
            skipped = len(to_import) < len(modules)
            foreign_note = "; compiled modules of another architecture not loaded" if skipped else ""
            print(
                f"{layer}: bytecode valid and used for Python {versions} ({len(to_import)} modules imported each"
                f"{foreign_note})"
            )


def _pyc_name(source: str, cache_tag: str) -> str:
    folder, _, filename = source.rpartition("/")
    return f"{folder}/__pycache__/{filename[: -len('.py')]}.{cache_tag}.pyc"


def _has_so(names: Sequence[str] | set[str]) -> bool:
    return any(name.endswith(".so") for name in names)


# Run by the target interpreter: for each (source, pyc), the pyc's flags and whether its hash is the source's.
HEADER_SCRIPT = """\
import importlib.util, json, sys
root = sys.argv[1]
out = {}
for relative in json.loads(sys.argv[2]):
    source = root + "/" + relative
    with open(importlib.util.cache_from_source(source), "rb") as pyc:
        header = pyc.read(16)
    with open(source, "rb") as src:
        digest = importlib.util.source_hash(src.read())
    out[relative] = [header[:4] == importlib.util.MAGIC_NUMBER, int.from_bytes(header[4:8], "little"),
                     header[8:16] == digest]
print(json.dumps(out))
"""


def _check_pyc_headers(interpreter: Interpreter, root: Path, sources: Sequence[str]) -> None:
    relative = [name[len("python/") :] for name in sources]
    done = subprocess.run(
        [interpreter.executable, "-I", "-c", HEADER_SCRIPT, str(root), json.dumps(relative)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    if done.returncode != 0:
        raise SystemExit(f"build_layer: reading the Python {interpreter.version} bytecode failed:\n{done.stderr}")
    for name, (magic_ok, flags, hash_ok) in json.loads(done.stdout).items():
        # PEP 552 flags: bit 0 = hash-based, bit 1 = check the source. 0b01: unchecked hash.
        problem = (
            "not this Python's bytecode (magic number)"
            if not magic_ok
            else "not an unchecked-hash pyc"
            if flags != 0b01
            else "compiled from another source (hash)"
            if not hash_ok
            else None
        )
        if problem:
            raise SystemExit(f"build_layer: Python {interpreter.version} bytecode of {name}: {problem}")


# -- the layer ----------------------------------------------------------------------------------------------------


def build_layer(
    arch: str,
    wheels: List[Path],
    out_dir: Path,
    pythons: Sequence[str] = (),
    bytecode: Optional[str] = "unchecked-hash",
    name: Optional[str] = None,
) -> Path:
    """Build ``out_dir/apigw-layer-<arch>.zip`` (or ``name``) and return its path.

    ``pythons``: interpreters that compile the bytecode (see the module docstring for the default); ``bytecode``:
    ``"unchecked-hash"`` (what Lambda should run), ``"checked-hash"`` (for comparison) or ``None`` (sources only)."""
    chosen = sorted(wheel for wheel in wheels if wheel_architecture(wheel) == arch)
    if not chosen:
        chosen = sorted(wheel for wheel in wheels if wheel_architecture(wheel) == "any")
    if not chosen:
        raise SystemExit(f"no {arch} (or py3-none-any) wheel among: {', '.join(str(w) for w in wheels) or 'none'}")
    members = layer_members(chosen)
    interpreters: List[Interpreter] = []
    if bytecode is not None:
        if bytecode not in PYC_FLAGS:
            raise ValueError(f"bytecode must be one of {tuple(PYC_FLAGS)} or None, not {bytecode!r}")
        wheel_versions = sorted({v for v in map(wheel_python_version, chosen) if v}, key=_version_key)
        interpreters = choose_interpreters(pythons, wheel_versions)
        members.update(compile_bytecode(members, interpreters, bytecode))
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / (name or f"apigw-layer-{arch}.zip")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as layer:
        for member in sorted(members):
            layer.writestr(member, members[member])
    unpacked = sum(len(content) for content in members.values())
    for wheel in chosen:
        print(f"  from {wheel.name}")
    if interpreters:
        print(f"  bytecode ({bytecode}) for Python " + ", ".join(f"{i.version} ({i.executable})" for i in interpreters))
    else:
        print("  no bytecode: every cold start compiles the sources")
    print(
        f"{target}: {len(members)} files, {target.stat().st_size / 1024:.0f} KB zipped, "
        f"{unpacked / 1024:.0f} KB unpacked"
    )
    if bytecode == "unchecked-hash":
        verify_layer(target, interpreters)
    return target


def verify_main(layer: Path, pythons: Sequence[str]) -> None:
    """``--verify``: check the bytecode of every Python version the layer contains."""
    with zipfile.ZipFile(layer) as archive:
        tags = sorted(layer_versions(archive.namelist()))
    if not tags:
        raise SystemExit(f"build_layer: {layer} has no bytecode and no compiled modules for any Python version")
    versions = [f"3.{tag[len('cpython-3') :]}" for tag in tags]
    given = [describe_interpreter(executable) for executable in pythons]
    by_tag = {interpreter.cache_tag: interpreter for interpreter in given}
    running = describe_interpreter(sys.executable)
    interpreters = []
    for tag, version in zip(tags, versions):
        if tag in by_tag:
            interpreters.append(by_tag[tag])
        elif tag == running.cache_tag:
            interpreters.append(running)
        elif shutil.which(f"python{version}"):
            interpreters.append(describe_interpreter(shutil.which(f"python{version}") or ""))
        else:
            raise SystemExit(f"build_layer: {layer} contains Python {version}; pass --python for it to check it")
    verify_layer(layer, interpreters)


def main(argv: List[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--arch", choices=["x86_64", "aarch64"], help="the layer's architecture (to build one)")
    parser.add_argument("--out", default="dist", type=Path, help="output folder (default: dist)")
    parser.add_argument(
        "--python",
        action="append",
        default=[],
        metavar="INTERPRETER",
        help="an interpreter compiling the bytecode for its version (repeat for each version; default: "
        "python3.X for each version with compiled modules in the wheels)",
    )
    parser.add_argument(
        "--no-bytecode",
        action="store_true",
        help="ship sources only (every cold start then compiles them; for comparison)",
    )
    parser.add_argument(
        "--verify",
        type=Path,
        metavar="LAYER_ZIP",
        help="check that a built layer ships valid, used bytecode for each Python version it contains",
    )
    parser.add_argument("wheels", nargs="*", type=Path)
    args = parser.parse_args(argv)
    if args.verify:
        verify_main(args.verify, args.python)
        return
    if not args.arch or not args.wheels:
        parser.error("building a layer needs --arch and at least one wheel")
    build_layer(args.arch, args.wheels, args.out, args.python, None if args.no_bytecode else "unchecked-hash")


if __name__ == "__main__":
    main(sys.argv[1:])

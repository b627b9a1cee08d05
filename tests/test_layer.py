"""The Lambda layer zip: ``python/`` at its root, compiled modules that import, no sources or tests, and bytecode
that every Python version it serves loads instead of compiling the sources (Lambda cannot write ``__pycache__``)."""

from __future__ import annotations

import glob
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path
from typing import Dict, List

import pytest

import apigw

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from build_layer import build_layer, describe_interpreter, verify_layer  # noqa: E402

pytestmark = pytest.mark.compiled

LAYER_PYTHONS = ("3.10", "3.11", "3.12", "3.13")  # the Lambda runtimes the wheels are built for


def find_python(version: str) -> str | None:
    """An interpreter of ``version`` that runs: this one, ``python3.X`` on PATH, or a pyenv installation."""
    if version == f"{sys.version_info[0]}.{sys.version_info[1]}":
        return sys.executable
    pyenv_root = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
    installed = sorted(glob.glob(f"{pyenv_root}/versions/{version}.*/bin/python{version}"))
    candidates = [shutil.which(f"python{version}"), *installed]
    for candidate in filter(None, candidates):
        done = subprocess.run(
            [candidate, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        if done.returncode == 0 and done.stdout.strip() == version:
            return candidate
    return None


def build_wheel(out: Path, pure: bool) -> List[Path]:
    """A wheel of this checkout (compiled for this Python, or pure), built from a clean copy of it."""
    # A clean copy: pip builds a local directory in place, and its build/ folder must not leak into other builds.
    source = out / ("source-pure" if pure else "source")
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".*", "build", "dist", "*.egg-info", "*.so", "*.c"))
    flags = ("APIGW_NO_EXTENSIONS", "APIGW_REQUIRE_EXTENSIONS")
    env = {key: value for key, value in os.environ.items() if key not in flags}
    env["APIGW_NO_EXTENSIONS" if pure else "APIGW_REQUIRE_EXTENSIONS"] = "1"
    wheels = out / ("wheels-pure" if pure else "wheels")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(source)],
        check=True,
        env=env,
        timeout=600,
    )
    return sorted(wheels.glob("*.whl"))


@pytest.fixture(scope="module")
def layer(tmp_path_factory) -> Path:
    """A layer for this machine's architecture: from $APIGW_LAYER_WHEELHOUSE, else from a wheel built here."""
    out = tmp_path_factory.mktemp("layer")
    wheelhouse = os.environ.get("APIGW_LAYER_WHEELHOUSE")
    if wheelhouse:
        wheels = sorted(Path(wheelhouse).glob("*.whl"))
        pythons = []  # python3.X of every version in the wheelhouse, as the builder finds them
    elif Path(apigw.__file__).resolve().is_relative_to(ROOT):
        wheels = build_wheel(out, pure=False)
        pythons = [sys.executable]
    else:
        pytest.skip("testing an installed wheel: the layer is built from the wheelhouse (APIGW_LAYER_WHEELHOUSE)")
    return build_layer(platform.machine(), wheels, out, pythons)


@pytest.fixture(scope="module")
def pure_layer(tmp_path_factory) -> Path:
    """A pure-Python layer with bytecode for every Lambda Python version found on this machine."""
    if not Path(apigw.__file__).resolve().is_relative_to(ROOT):
        pytest.skip("testing an installed wheel: the pure layer is built from the checkout")
    out = tmp_path_factory.mktemp("pure-layer")
    pythons = [python for python in map(find_python, LAYER_PYTHONS) if python]
    return build_layer(platform.machine(), build_wheel(out, pure=True), out, pythons)


def layer_versions(layer: Path) -> Dict[str, str]:
    """``"3.11"`` -> its interpreter, for every Python version the layer has compiled modules or bytecode for."""
    tags = {
        match.group(1)
        for name in zipfile.ZipFile(layer).namelist()
        if (match := re.search(r"\.cpython-3(\d+)(?:\.pyc$|-)", name))
    }
    versions = {f"3.{tag}": find_python(f"3.{tag}") for tag in sorted(tags, key=int)}
    missing = [version for version, python in versions.items() if python is None]
    assert not missing, f"the layer serves Python {missing}, but no interpreter for it is here to prove its bytecode"
    return {version: python for version, python in versions.items() if python}


def imports_from_source(python: str, layer: Path, tmp_path: Path, env: Dict[str, str]) -> Dict[str, List[str]]:
    """Import every apigw module of the unpacked layer with ``python -v`` and bytecode writes off; return, from the
    verbose log, the layer files each code object came from: ``{"pyc": [...], "source": [...]}``."""
    opt = tmp_path / "opt"
    if not opt.exists():
        zipfile.ZipFile(layer).extractall(opt)
    root = opt / "python"
    modules = sorted(
        {
            ".".join(path.relative_to(root).with_suffix("").parts).split(".cpython")[0].removesuffix(".__init__")
            for path in (root / "apigw").rglob("*")
            if path.suffix in (".py", ".so") and "__pycache__" not in path.parts
        }
    )
    # Every module, subpackages included; one that needs an optional extra this interpreter lacks (pydantic) has
    # still loaded its own code when its import of that package fails.
    code = (
        "import sys, importlib; sys.path.insert(0, sys.argv[1])\n"
        "for m in sys.argv[2:]:\n"
        "    try: importlib.import_module(m)\n"
        "    except ModuleNotFoundError as exc:\n"
        "        if (exc.name or 'apigw').startswith('apigw'): raise\n"
    )
    # -B: no bytecode writes, as on Lambda's read-only /opt (-I ignores PYTHONDONTWRITEBYTECODE).
    result = subprocess.run(
        [python, "-I", "-B", "-v", "-c", code, str(root), *modules],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    # -v: "# code object from '<...>.pyc'" when the bytecode is loaded, "# code object from <...>.py" when compiled.
    found: Dict[str, List[str]] = {"pyc": [], "source": []}
    for line in result.stderr.splitlines():
        match = re.match(r"# code object from '?(.+?)'?$", line)
        if match and Path(match.group(1)).is_relative_to(opt):
            found["pyc" if match.group(1).endswith(".pyc") else "source"].append(match.group(1))
    return found


def test_layer_has_python_at_its_root_and_no_sources_or_tests(layer):
    names = zipfile.ZipFile(layer).namelist()

    assert names and all(name.startswith("python/") for name in names)
    assert "python/apigw/__init__.py" in names
    assert not [name for name in names if name.endswith((".pyx", ".c", ".pyi")) or "/tests/" in name]


def test_layer_carries_the_compiled_library_for_this_python(layer):
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    names = set(zipfile.ZipFile(layer).namelist())

    assert f"python/apigw/_speedups{suffix}" in names


def test_layer_carries_one_shared_library_per_python_version(layer):
    libraries = [name for name in zipfile.ZipFile(layer).namelist() if name.endswith(".so")]

    assert libraries and len({name.split(".")[1] for name in libraries}) == len(libraries), libraries
    assert all(name.startswith("python/apigw/_speedups.") for name in libraries), libraries


def test_layer_carries_bytecode_of_every_source_for_every_python_it_serves(layer):
    names = set(zipfile.ZipFile(layer).namelist())
    sources = [name for name in names if name.endswith(".py")]

    for version in layer_versions(layer):
        tag = "cpython-3" + version.split(".")[1]
        for source in sources:
            folder, _, filename = source.rpartition("/")
            assert f"{folder}/__pycache__/{filename[:-3]}.{tag}.pyc" in names


def test_layer_bytecode_is_unchecked_hash_of_the_shipped_source(layer, tmp_path):
    # PEP 552 header: magic, flags (0b01: hash-based, source not checked), the source's hash; checked by each
    # version's own interpreter, since the magic number and the hash key differ per version.
    zipfile.ZipFile(layer).extractall(tmp_path)
    code = (
        "import importlib.util, json, sys, pathlib\n"
        "out = {}\n"
        "for source in pathlib.Path(sys.argv[1]).rglob('*.py'):\n"
        "    header = open(importlib.util.cache_from_source(str(source)), 'rb').read(16)\n"
        "    out[source.name] = [header[:4] == importlib.util.MAGIC_NUMBER, int.from_bytes(header[4:8], 'little'),\n"
        "                        header[8:] == importlib.util.source_hash(source.read_bytes())]\n"
        "print(json.dumps(out))"
    )
    for version, python in layer_versions(layer).items():
        result = subprocess.run(
            [python, "-I", "-c", code, str(tmp_path / "python" / "apigw")], capture_output=True, text=True, timeout=60
        )
        assert result.returncode == 0, result.stderr

        headers = json.loads(result.stdout)
        assert headers and headers == {name: [True, 0b01, True] for name in headers}, version


def test_layer_bytecode_leaves_out_typing_only_blocks_and_keeps_the_source_lines(layer, tmp_path):
    # Each version's interpreter compares the layer's code objects with those it compiles from the shipped source:
    # the same functions at the same lines, less those defined under `if TYPE_CHECKING:` (which never run).
    zipfile.ZipFile(layer).extractall(tmp_path)
    code = (
        "import importlib.util, json, marshal, pathlib, sys, types\n"
        "def functions(code):\n"
        "    for const in code.co_consts:\n"
        "        if isinstance(const, types.CodeType):\n"
        "            yield f'{const.co_name}@{const.co_firstlineno}'\n"
        "            yield from functions(const)\n"
        "out = {}\n"
        "for name in sys.argv[2:]:\n"
        "    source = pathlib.Path(sys.argv[1], name)\n"
        "    shipped = marshal.loads(open(importlib.util.cache_from_source(str(source)), 'rb').read()[16:])\n"
        "    full = compile(source.read_bytes(), str(source), 'exec', dont_inherit=True)\n"
        "    out[name] = [sorted(set(functions(full)) - set(functions(shipped))),\n"
        "                 sorted(set(functions(shipped)) - set(functions(full)))]\n"
        "print(json.dumps(out))"
    )
    for version, python in layer_versions(layer).items():
        result = subprocess.run(
            [python, "-I", "-c", code, str(tmp_path / "python" / "apigw"), "resolver.py", "events.py", "request.py"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr

        found = json.loads(result.stdout)
        # resolver.py's typing-only Protocol (_MethodDecorator), events.py's __get__ overloads: left out.
        assert any(name.startswith("_MethodDecorator@") for name in found["resolver.py"][0]), version
        assert any(name.startswith("__get__@") for name in found["events.py"][0]), version
        # Nothing else differs: no function added, none moved to another line (request.py's typing-only block
        # holds imports only).
        assert all(added == [] for _, added in found.values()), version
        assert found["request.py"] == [[], []], version


def test_every_python_the_layer_serves_loads_its_bytecode_and_compiles_nothing(layer, tmp_path):
    for version, python in layer_versions(layer).items():
        found = imports_from_source(python, layer, tmp_path, {"APIGW_REQUIRE_EXTENSIONS": "1"})

        assert found["source"] == [], version
        assert {Path(pyc).name for pyc in found["pyc"]} >= {
            f"resolver.cpython-3{version.split('.')[1]}.pyc",
            f"events.cpython-3{version.split('.')[1]}.pyc",
        }


def test_pure_layer_bytecode_is_used_by_every_python_found_here(pure_layer, tmp_path):
    versions = layer_versions(pure_layer)
    assert f"{sys.version_info[0]}.{sys.version_info[1]}" in versions

    for version, python in versions.items():
        found = imports_from_source(python, pure_layer, tmp_path, {"APIGW_NO_EXTENSIONS": "1"})

        assert found["source"] == [], version
        sources = [
            n for n in zipfile.ZipFile(pure_layer).namelist() if n.startswith("python/apigw/") and n.endswith(".py")
        ]
        # A module whose import failed on a missing optional extra may load again later: count distinct files.
        assert len(set(found["pyc"])) == len(sources), version


def test_a_layer_without_bytecode_compiles_every_module_at_import(layer, tmp_path):
    # The check above can fail: the same layer, its bytecode left out, is caught compiling its sources.
    stripped = tmp_path / "stripped.zip"
    with zipfile.ZipFile(layer) as source, zipfile.ZipFile(stripped, "w") as target:
        for name in source.namelist():
            if "/__pycache__/" not in name:
                target.writestr(name, source.read(name))

    found = imports_from_source(sys.executable, stripped, tmp_path, {"APIGW_REQUIRE_EXTENSIONS": "1"})

    assert found["pyc"] == [] and any(path.endswith("resolver.py") for path in found["source"])


def test_verify_rejects_bytecode_of_another_source(layer, tmp_path):
    edited = tmp_path / "edited.zip"
    with zipfile.ZipFile(layer) as source, zipfile.ZipFile(edited, "w") as target:
        for name in source.namelist():
            content = source.read(name)
            target.writestr(name, content + b"\n# edited after the build\n" if name.endswith("/router.py") else content)

    with pytest.raises(SystemExit, match=r"router\.py: compiled from another source"):
        verify_layer(edited, [describe_interpreter(sys.executable)])


def test_builder_fails_clearly_without_an_interpreter_for_a_version_in_the_wheels(tmp_path):
    wheel = tmp_path / "apigw-0.1.0-cp399-cp399-linux_x86_64.whl"  # no python3.99 anywhere
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("apigw/__init__.py", "")

    with pytest.raises(SystemExit, match=r"no python3\.99 on PATH.*--python"):
        build_layer("x86_64", [wheel], tmp_path / "out")


def test_builder_refuses_an_interpreter_for_a_version_without_compiled_modules(tmp_path):
    wheel = tmp_path / "apigw-0.1.0-cp39-cp39-linux_x86_64.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("apigw/__init__.py", "")

    with pytest.raises(SystemExit, match=r"no --python for it"):
        build_layer("x86_64", [wheel], tmp_path / "out", [sys.executable])


def test_apigw_imports_from_the_unpacked_layer_with_compiled_modules(layer, tmp_path):
    opt = tmp_path / "opt"
    zipfile.ZipFile(layer).extractall(opt)
    code = (
        "import sys, json; sys.path.insert(0, sys.argv[1]); import apigw; from apigw import _impl\n"
        "print(json.dumps([apigw.IMPLEMENTATION, _impl.matcher.__file__, apigw.__file__]))"
    )
    # -I: no user site, no cwd, no PYTHON* variables: only the layer can provide apigw, as on Lambda.
    result = subprocess.run(
        [sys.executable, "-I", "-c", code, str(opt / "python")],
        capture_output=True,
        text=True,
        timeout=60,
        env={"APIGW_REQUIRE_EXTENSIONS": "1", "PATH": os.environ.get("PATH", "")},
    )

    assert result.returncode == 0, result.stderr
    implementation, matcher_file, package_file = json.loads(result.stdout)
    assert implementation == "cython"
    assert Path(matcher_file).is_relative_to(opt) and Path(package_file).is_relative_to(opt)

"""The Lambda layer zip: ``python/`` at its root, compiled modules that import, no sources or tests."""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

import apigw

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from build_layer import build_layer  # noqa: E402

pytestmark = pytest.mark.compiled


@pytest.fixture(scope="module")
def layer(tmp_path_factory) -> Path:
    """A layer for this machine's architecture: from $APIGW_LAYER_WHEELHOUSE, else from a wheel built here."""
    out = tmp_path_factory.mktemp("layer")
    wheelhouse = os.environ.get("APIGW_LAYER_WHEELHOUSE")
    if wheelhouse:
        wheels = sorted(Path(wheelhouse).glob("*.whl"))
    elif Path(apigw.__file__).resolve().is_relative_to(ROOT):
        # A clean copy: pip builds a local directory in place, and its build/ folder must not leak into other builds.
        source = out / "source"
        shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".*", "build", "dist", "*.egg-info", "*.so", "*.c"))
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out / "wheels"), str(source)],
            check=True,
            env={**os.environ, "APIGW_REQUIRE_EXTENSIONS": "1"},
            timeout=600,
        )
        wheels = sorted((out / "wheels").glob("*.whl"))
    else:
        pytest.skip("testing an installed wheel: the layer is built from the wheelhouse (APIGW_LAYER_WHEELHOUSE)")
    return build_layer(platform.machine(), wheels, out)


def test_layer_has_python_at_its_root_and_no_sources_or_tests(layer):
    names = zipfile.ZipFile(layer).namelist()

    assert names and all(name.startswith("python/") for name in names)
    assert "python/apigw/__init__.py" in names
    assert not [name for name in names if name.endswith((".pyx", ".c", ".pyi")) or "/tests/" in name]


def test_layer_carries_the_compiled_modules_for_this_python(layer):
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    names = set(zipfile.ZipFile(layer).namelist())

    for module in ("_matcher_c", "_headers_c", "_encoder_c"):
        assert f"python/apigw/{module}{suffix}" in names


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

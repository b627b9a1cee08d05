"""Types a user can lean on: a small app (tests/typing/strict_app.py) passes ``mypy --strict``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.once

APP = Path(__file__).resolve().parent / "typing" / "strict_app.py"


def test_a_user_app_passes_mypy_strict():
    pytest.importorskip("mypy", reason="mypy is a test dependency: pip install -e '.[test]'")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(APP)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    # Only the app's own lines count here (the package itself is checked by .ci/run's mypy step).
    app_errors = [line for line in result.stdout.splitlines() if line.startswith(str(APP)) or "strict_app.py" in line]
    assert app_errors == [], result.stdout
    assert "error" not in result.stderr.lower(), result.stderr


def test_mypy_strict_reports_a_misspelled_or_mistyped_route_keyword(tmp_path):
    pytest.importorskip("mypy", reason="mypy is a test dependency: pip install -e '.[test]'")
    app = tmp_path / "mistakes.py"
    app.write_text(
        "from apigw import APIGatewayRestResolver, Router\n"
        "app = APIGatewayRestResolver()\n"
        "router = Router()\n"
        "@app.get('/a', tagz=['orders'])\n"
        "def a() -> dict[str, str]:\n"
        "    return {}\n"
        "@router.post('/b', status_code='201')\n"
        "def b() -> dict[str, str]:\n"
        "    return {}\n"
        "@app.put('/c', None, False, None, 'summary', tags=['ok'], middlewares=[])\n"
        "def c() -> dict[str, str]:\n"
        "    return {}\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(app)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    errors = [line for line in result.stdout.splitlines() if "mistakes.py" in line and "error" in line]
    assert any(":4:" in line and "tagz" in line for line in errors), result.stdout
    assert any(":7:" in line and "status_code" in line for line in errors), result.stdout
    assert len(errors) == 2, result.stdout  # the positional and keyword use on line 10 is fine

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

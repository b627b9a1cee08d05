"""Run an example's handler against a sample event and print the response.

Usage: ``python examples/<example>.py [path/to/event.json]`` (default: the matching file in ``events/``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Callable

EVENTS_DIR = Path(__file__).resolve().parent.parent / "events"


def main(handler: Callable[[dict, Any], Any], default_event: str) -> None:
    """Load the event named on the command line (or ``events/<default_event>``), call ``handler(event, None)``
    and print its response as indented JSON."""
    event_path = Path(sys.argv[1]) if len(sys.argv) > 1 else EVENTS_DIR / default_event
    event = json.loads(event_path.read_text(encoding="utf-8"))
    print(json.dumps(handler(event, None), indent=2))

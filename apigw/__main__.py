"""``python -m apigw``: the dev tools' command line (``serve``, ``routes``, ``event``, ``invoke``; see ``apigw.cli``)."""

import sys

from .cli import main

sys.exit(main())

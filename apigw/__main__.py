"""``python -m apigw``: the dev tools' command line (``serve``, ``routes``, ``event``, ``invoke``: ``apigw.cli``)."""

import sys

# NOTE: guarded, so that importing apigw.__main__ as a module (the layer checks import every module) runs nothing.
if __name__ == "__main__":
    from .cli import main

    sys.exit(main())

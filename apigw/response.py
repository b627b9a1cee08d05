"""What a route can return for full control (``Response``; its cookies are ``apigw.cookies.Cookie``), and the CORS
policy (``CORSConfig``): the names a handler module imports, as Powertools' ``shared.cookies`` and resolver module
offer them.

``Response`` and ``CORSConfig`` are defined in ``apigw.resolver`` (PERF: every app loads that module, and a cold start
pays ~50 µs for each module it imports); ``Cookie`` and ``SameSite`` load with the first cookie (see
``apigw.cookies``).

>>> from apigw.response import Response
>>> Response(418, "text/plain", "I'm a teapot", {"X-Custom": "X-Value"}).headers
{'X-Custom': 'X-Value', 'Content-Type': 'text/plain'}
"""

from __future__ import annotations

from ._shared import load_lazily
from .resolver import CORSConfig, Response

TYPE_CHECKING = False

__all__ = ["CORSConfig", "Cookie", "Response", "SameSite"]

if TYPE_CHECKING:
    from .cookies import Cookie as Cookie
    from .cookies import SameSite as SameSite
else:
    _COOKIE_NAMES = {"Cookie": "cookies", "SameSite": "cookies"}

    def __getattr__(name: str) -> object:
        # PERF: the cookie classes load with the first cookie (see apigw.cookies).
        return load_lazily(globals(), _COOKIE_NAMES, name, __name__)

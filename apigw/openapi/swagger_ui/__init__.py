"""Swagger UI for the app's OpenAPI document (``app.enable_swagger()``).

The page is a small HTML document embedding the OpenAPI JSON; the Swagger UI script and stylesheet are loaded by
the browser from ``swagger_base_url`` (default: the ``swagger-ui-dist`` package on the jsDelivr CDN), never fetched
or bundled by the Lambda function. Host ``swagger-ui-bundle.min.js``, ``swagger-ui.min.css`` and
``oauth2-redirect.js`` yourself (S3, CloudFront) and pass their folder as ``swagger_base_url`` when browsers of
your API cannot reach the CDN.
"""

from __future__ import annotations

from .html import DEFAULT_SWAGGER_BASE_URL, generate_oauth2_redirect_html, generate_swagger_html

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .oauth2 import OAuth2Config


def __getattr__(name: str) -> object:
    # PERF: OAuth2Config is a pydantic model; serving the page (which imports this package) does not need it.
    if name == "OAuth2Config":
        from .oauth2 import OAuth2Config

        return OAuth2Config
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["DEFAULT_SWAGGER_BASE_URL", "OAuth2Config", "generate_oauth2_redirect_html", "generate_swagger_html"]

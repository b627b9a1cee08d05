"""The Swagger UI page and the OAuth2 redirect page (written for apigw; the Swagger UI code itself is loaded by
the browser from ``swagger_base_url``)."""

from __future__ import annotations

from html import escape

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional

    from .oauth2 import OAuth2Config

#: where browsers load Swagger UI from by default: the swagger-ui-dist npm package (major version 5) on jsDelivr
DEFAULT_SWAGGER_BASE_URL = "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5"


def asset_urls(swagger_base_url: Optional[str]) -> tuple:  # type: ignore[type-arg]
    """``(script, stylesheet)`` URLs under ``swagger_base_url`` (default: the CDN)."""
    base = (swagger_base_url or DEFAULT_SWAGGER_BASE_URL).rstrip("/")
    return f"{base}/swagger-ui-bundle.min.js", f"{base}/swagger-ui.min.css"


def generate_swagger_html(
    spec: str,
    swagger_js: str,
    swagger_css: str,
    swagger_base_url: Optional[str],
    oauth2_config: Optional[OAuth2Config],
    persist_authorization: bool = False,
) -> str:
    """The Swagger UI page for ``spec`` (OpenAPI JSON with ``</`` written ``<\\/``, safe inside a script).

    ``swagger_js``/``swagger_css`` are the URLs of Swagger UI's script and stylesheet.
    """
    oauth = (
        f"ui.initOAuth({oauth2_config.model_dump_json(exclude_none=True, exclude_unset=True)});"
        if oauth2_config
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Cache-control" content="no-cache, no-store, must-revalidate">
  <title>Swagger UI</title>
  <link rel="stylesheet" type="text/css" href="{escape(swagger_css, quote=True)}">
</head>
<body>
  <div id="swagger-ui">Loading...</div>
  <script src="{escape(swagger_js, quote=True)}"></script>
  <script>
    var page = new URL(window.location.href);
    var ui = SwaggerUIBundle({{
      spec: {spec},
      dom_id: "#swagger-ui",
      layout: "BaseLayout",
      deepLinking: true,
      docExpansion: "list",
      filter: true,
      showExtensions: true,
      showCommonExtensions: true,
      withCredentials: true,
      presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
      plugins: [SwaggerUIBundle.plugins.DownloadUrl],
      persistAuthorization: {"true" if persist_authorization else "false"},
      oauth2RedirectUrl: page.origin + page.pathname + "?format=oauth2-redirect",
    }});
    ui.specActions.updateUrl(page.pathname + "?format=json");
    {oauth}
  </script>
</body>
</html>"""


def generate_oauth2_redirect_html(swagger_base_url: Optional[str] = None) -> str:
    """The page an OAuth2 provider redirects to (``?format=oauth2-redirect``): it runs Swagger UI's
    ``oauth2-redirect.js``, which hands the result back to the Swagger UI window that opened it."""
    base = (swagger_base_url or DEFAULT_SWAGGER_BASE_URL).rstrip("/")
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Swagger UI: OAuth2 Redirect</title></head>
<body>
  <script src="{escape(base, quote=True)}/oauth2-redirect.js"></script>
</body>
</html>"""

"""What the resolver's OpenAPI methods do (``get_openapi_schema``, ``get_openapi_json_schema``,
``enable_swagger``): kept here so that apps that never call them never load pydantic.

PERF: enabling Swagger UI loads only this module and the page templates; the document builder (pydantic and
the OpenAPI models) is loaded by the first request for the page or the document.
"""

from __future__ import annotations

from ..response import Response
from .constants import DEFAULT_CONTENT_TYPE
from .swagger_ui.html import asset_urls, generate_oauth2_redirect_html, generate_swagger_html

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Dict, List, Optional, Tuple

    from ..resolver import ApiGatewayResolver
    from .models import OpenAPI


def openapi_schema(app: ApiGatewayResolver, **options: Any) -> OpenAPI:
    from ._schema import build_openapi

    return build_openapi(app, **options)


def openapi_json(app: ApiGatewayResolver, **options: Any) -> str:
    return to_json(openapi_schema(app, **options))


def to_json(document: OpenAPI) -> str:
    return document.model_dump_json(by_alias=True, exclude_none=True, indent=2)


def swagger_handler(
    app: ApiGatewayResolver,
    swagger_base_url: Optional[str],
    oauth2_config: Any,
    persist_authorization: bool,
    options: Dict[str, Any],
) -> Callable[[], Response]:
    """The handler of the Swagger UI route: the page, ``?format=json`` the document, ``?format=oauth2-redirect``
    the OAuth2 redirect page. The document is generated on first request and kept (per base path) until routes
    are added."""
    documents: Dict[Tuple[int, str], str] = {}

    def swagger() -> Response:
        view = app.current_event
        wanted = view.get_query_string_value("format")
        if wanted == "oauth2-redirect":
            return Response(200, "text/html", generate_oauth2_redirect_html(swagger_base_url))
        integration = app._integration  # None for AnyIntegrationResolver, whose integrations all keep the stage
        base_path = _base_path(view.raw_event) if integration is None or integration.stage_in_urls else ""
        key = (len(app._routes), base_path)
        spec = documents.get(key)
        if spec is None:
            from .models import Server

            given = dict(options)
            given["servers"] = given.get("servers") or [Server(url=base_path or "/")]
            # "</" written "<\/": still the same JSON, and no "</script>" can end the page's script early.
            spec = to_json(openapi_schema(app, **given)).replace("</", "<\\/")
            documents.clear()
            documents[key] = spec
        if wanted == "json":
            return Response(200, DEFAULT_CONTENT_TYPE, spec)
        script, stylesheet = asset_urls(swagger_base_url)
        page = generate_swagger_html(spec, script, stylesheet, swagger_base_url, oauth2_config, persist_authorization)
        return Response(200, "text/html", page)

    return swagger


def _base_path(event: Any) -> str:
    """The stage prefix of the request path (``/prod``) when the URL has it (not behind a custom domain)."""
    context = event.get("requestContext") if isinstance(event, dict) else None
    if not isinstance(context, dict):
        return ""
    stage = context.get("stage")
    if not stage or stage == "$default" or not isinstance(stage, str):
        return ""
    http = context.get("http")
    path = http.get("path") if isinstance(http, dict) else context.get("path")
    # The whole /{stage} segment: stage "local" must not claim "/localdocs".
    if isinstance(path, str) and (path == f"/{stage}" or path.startswith(f"/{stage}/")):
        return f"/{stage}"
    return ""


__all__: List[str] = ["openapi_json", "openapi_schema", "swagger_handler"]

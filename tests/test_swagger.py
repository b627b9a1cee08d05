"""Swagger UI (``enable_swagger``): the page, its OpenAPI JSON, the OAuth2 redirect page and where assets come from."""

import base64
import gzip
import json

import pytest

pytest.importorskip("pydantic")

from builders import http_event, rest_event  # noqa: E402

from apigw import AnyIntegrationResolver, APIGatewayHttpResolver, APIGatewayRestResolver, Response  # noqa: E402
from apigw.http_resolver import HttpResolverLocal  # noqa: E402
from apigw.openapi.swagger_ui import DEFAULT_SWAGGER_BASE_URL, OAuth2Config  # noqa: E402


def swagger_app(**kwargs):
    app = APIGatewayRestResolver(enable_validation=True)
    app.enable_swagger(**kwargs)

    @app.get("/todos/<todo_id>")
    def get_todo(todo_id: int):
        return {"id": todo_id}

    return app


def get(app, path="/swagger", **query):
    return app.resolve(rest_event(path, query=query or None), None)


def test_page_is_html_loading_swagger_ui_from_the_cdn_by_default():
    response = get(swagger_app())

    assert response["statusCode"] == 200
    assert response["multiValueHeaders"]["Content-Type"] == ["text/html"]
    assert f"{DEFAULT_SWAGGER_BASE_URL}/swagger-ui-bundle.min.js" in response["body"]
    assert f"{DEFAULT_SWAGGER_BASE_URL}/swagger-ui.min.css" in response["body"]


def test_page_embeds_the_document_and_points_the_json_view_at_itself():
    body = get(swagger_app(title="Todo API"))["body"]

    assert '"title": "Todo API"' in body
    assert '"/todos/{todo_id}"' in body
    assert 'updateUrl(page.pathname + "?format=json")' in body


def test_custom_base_url_serves_assets_from_there():
    body = get(swagger_app(swagger_base_url="https://assets.example.com/swagger/"))["body"]

    assert "https://assets.example.com/swagger/swagger-ui-bundle.min.js" in body
    assert "https://assets.example.com/swagger/swagger-ui.min.css" in body
    assert DEFAULT_SWAGGER_BASE_URL not in body


def test_json_view_is_the_openapi_document():
    response = get(swagger_app(), format="json")
    data = json.loads(response["body"])

    assert response["multiValueHeaders"]["Content-Type"] == ["application/json"]
    assert data["openapi"] == "3.1.0"
    assert "/swagger" not in data["paths"]  # the Swagger UI route documents itself out
    assert "/todos/{todo_id}" in data["paths"]


def test_custom_path_serves_the_page_there():
    app = swagger_app(path="/docs")

    assert get(app, "/docs")["statusCode"] == 200
    assert get(app, "/swagger")["statusCode"] == 404


def test_document_servers_follow_the_stage_of_the_request():
    app = APIGatewayHttpResolver()
    app.enable_swagger()
    event = http_event("/prod/swagger", stage="prod", queryStringParameters={"format": "json"})
    event["requestContext"]["http"]["path"] = "/prod/swagger"

    assert json.loads(app.resolve(event, None)["body"])["servers"] == [{"url": "/prod"}]


def test_local_http_resolver_documents_urls_without_the_stage():
    app = HttpResolverLocal()
    app.enable_swagger()
    event = rest_event("/swagger", query={"format": "json"})
    event["requestContext"].update(stage="prod", path="/prod/swagger")

    assert json.loads(app.resolve(event, None)["body"])["servers"] == [{"url": "/"}]


def test_any_integration_resolver_documents_urls_with_the_stage_of_the_event():
    app = AnyIntegrationResolver()
    app.enable_swagger()
    event = rest_event("/prod/swagger", query={"format": "json"})
    event["path"] = "/swagger"
    event["requestContext"].update(stage="prod", path="/prod/swagger")

    assert json.loads(app.resolve(event, None)["body"])["servers"] == [{"url": "/prod"}]


def test_script_closing_text_in_the_document_cannot_end_the_page_script():
    app = swagger_app(description="</script><script>alert(1)</script>")

    body = get(app)["body"]

    assert "</script><script>alert(1)" not in body
    assert "<\\/script>" in body


def test_persist_authorization_and_oauth2_settings_reach_the_page():
    config = OAuth2Config(client_id="web", app_name="Todos", scopes=["todos:read"])

    body = get(swagger_app(persist_authorization=True, oauth2_config=config))["body"]

    assert "persistAuthorization: true" in body
    assert 'ui.initOAuth({"clientId":"web","appName":"Todos","scopes":["todos:read"]});' in body


def test_oauth2_redirect_page_runs_swagger_uis_redirect_script():
    response = get(swagger_app(swagger_base_url="https://assets.example.com"), format="oauth2-redirect")

    assert response["multiValueHeaders"]["Content-Type"] == ["text/html"]
    assert '<script src="https://assets.example.com/oauth2-redirect.js"></script>' in response["body"]


def test_oauth2_client_secret_needs_powertools_dev(monkeypatch):
    monkeypatch.delenv("POWERTOOLS_DEV", raising=False)
    with pytest.raises(ValueError, match="cannot use client_secret without POWERTOOLS_DEV mode"):
        OAuth2Config(app_name="Todos", client_id="web", client_secret="s3cret")

    monkeypatch.setenv("POWERTOOLS_DEV", "1")
    with pytest.warns(UserWarning, match="DO NOT USE THIS OUTSIDE LOCAL DEVELOPMENT"):
        assert OAuth2Config(app_name="Todos", client_id="web", client_secret="s3cret").clientSecret == "s3cret"


def test_compressed_page_is_gzipped_for_clients_that_accept_it():
    app = swagger_app(compress=True)
    event = rest_event("/swagger", headers={"Accept-Encoding": "gzip"})

    response = app.resolve(event, None)

    assert response["isBase64Encoded"] is True
    assert b"SwaggerUIBundle" in gzip.decompress(base64.b64decode(response["body"]))


def test_swagger_route_middlewares_run():
    def guard(app, next_middleware):
        return Response(403, "text/plain", "no docs for you")

    assert get(swagger_app(middlewares=[guard]))["statusCode"] == 403


def test_document_is_built_once_and_rebuilt_when_routes_are_added(monkeypatch):
    from apigw.openapi import _schema

    app, builds = swagger_app(), []
    real = _schema.build_openapi
    monkeypatch.setattr(_schema, "build_openapi", lambda *a, **k: builds.append(1) or real(*a, **k))

    get(app)
    get(app, format="json")
    app.get("/later")(lambda: {})
    later = json.loads(get(app, format="json")["body"])

    assert len(builds) == 2
    assert "/later" in later["paths"]

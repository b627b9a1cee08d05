"""The OpenAPI 3.1 document: get_openapi_schema(), get_openapi_json_schema(), configure_openapi() and the route
keywords that only document. Every document built here is checked against the OpenAPI 3.1 specification."""

import json
import warnings
from typing import Annotated, List, Optional

import pytest

pytest.importorskip("pydantic")
openapi_spec_validator = pytest.importorskip("openapi_spec_validator")

from pydantic import BaseModel, Field  # noqa: E402

from apigw import APIGatewayRestResolver, Depends, Request, Response, Router  # noqa: E402
from apigw.openapi.exceptions import SchemaValidationError  # noqa: E402
from apigw.openapi.models import (  # noqa: E402
    APIKey,
    APIKeyIn,
    Contact,
    Example,
    ExternalDocumentation,
    HTTPBearer,
    License,
    OAuth2,
    OAuthFlowAuthorizationCode,
    OAuthFlows,
    Server,
    Tag,
)
from apigw.openapi.params import Body, Cookie, File, Form, Header, Query, UploadFile  # noqa: E402


class Todo(BaseModel):
    id: int
    title: str = Field(description="What to do", examples=["buy milk"])
    done: bool = False


def document(app, **kwargs):
    """The app's document as JSON data, after checking it against the OpenAPI 3.1 specification."""
    data = json.loads(app.get_openapi_json_schema(**kwargs))
    openapi_spec_validator.validate(data)
    return data


def todo_app(**kwargs):
    app = APIGatewayRestResolver(**kwargs)

    @app.get("/todos")
    def list_todos(limit: Annotated[int, Query(gt=0, description="page size")] = 10) -> List[Todo]:
        return []

    @app.get("/todos/<todo_id>")
    def get_todo(todo_id: int) -> Todo:
        return Todo(id=todo_id, title="x")

    @app.post("/todos", status_code=201)
    def create_todo(todo: Todo) -> Todo:
        return todo

    return app


def test_document_has_the_openapi_version_info_and_default_server():
    data = document(todo_app())

    assert data["openapi"] == "3.1.0"
    assert data["info"] == {"title": "Powertools for AWS Lambda (Python) API", "version": "1.0.0"}
    assert data["servers"] == [{"url": "/"}]


def test_each_route_is_an_operation_with_summary_and_operation_id():
    data = document(todo_app())
    operation = data["paths"]["/todos/{todo_id}"]["get"]

    assert operation["summary"] == "GET /todos/{todo_id}"
    assert operation["operationId"] == "get_todo_todos__todo_id__get"


def test_path_and_query_parameters_are_documented_with_their_constraints():
    data = document(todo_app())

    assert data["paths"]["/todos/{todo_id}"]["get"]["parameters"] == [
        {"name": "todo_id", "in": "path", "required": True, "schema": {"type": "integer", "title": "Todo Id"}}
    ]
    assert data["paths"]["/todos"]["get"]["parameters"] == [
        {
            "name": "limit",
            "in": "query",
            "required": False,
            "description": "page size",
            "schema": {
                "type": "integer",
                "exclusiveMinimum": 0,
                "default": 10,
                "title": "Limit",
                "description": "page size",
            },
        }
    ]


def test_body_and_return_models_are_components():
    data = document(todo_app())
    post = data["paths"]["/todos"]["post"]

    assert post["requestBody"] == {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Todo"}}},
    }
    assert post["responses"]["201"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Todo"}
    assert data["components"]["schemas"]["Todo"]["properties"]["title"]["examples"] == ["buy milk"]


def test_validation_adds_the_422_response_and_its_schemas():
    data = document(todo_app(enable_validation=True))
    responses = data["paths"]["/todos/{todo_id}"]["get"]["responses"]

    assert responses["422"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/HTTPValidationError"
    }
    assert {"HTTPValidationError", "ValidationError"} <= set(data["components"]["schemas"])


def test_response_validation_codes_are_documented():
    app = APIGatewayRestResolver(enable_validation=True, response_validation_error_http_code=500)

    @app.get("/a")
    def a() -> Todo:
        return Todo(id=1, title="x")

    @app.get("/b", custom_response_validation_http_code=502)
    def b() -> Todo:
        return Todo(id=1, title="x")

    data = document(app)

    assert "500" in data["paths"]["/a"]["get"]["responses"]
    assert "502" in data["paths"]["/b"]["get"]["responses"]
    assert "500" not in data["paths"]["/b"]["get"]["responses"]


def test_documentation_route_keywords_land_in_the_operation():
    app = APIGatewayRestResolver()
    app.configure_openapi(security_schemes={"apiKey": APIKey(name="X-API-Key", in_=APIKeyIn.header)})

    @app.get(
        "/reports",
        summary="List reports",
        description="Every report, newest first",
        response_description="The reports",
        tags=["reports"],
        operation_id="listReports",
        security=[{"apiKey": []}],
        openapi_extensions={"x-amazon-apigateway-integration": {"type": "aws_proxy"}},
        deprecated=True,
    )
    def reports():
        return []

    operation = document(app)["paths"]["/reports"]["get"]

    assert operation["summary"] == "List reports"
    assert operation["description"] == "Every report, newest first"
    assert operation["responses"]["200"]["description"] == "The reports"
    assert operation["tags"] == ["reports"]
    assert operation["operationId"] == "listReports"
    assert operation["security"] == [{"apiKey": []}]
    assert operation["x-amazon-apigateway-integration"] == {"type": "aws_proxy"}
    assert operation["deprecated"] is True


def test_declared_responses_replace_the_default_one_and_may_name_models():
    app = APIGatewayRestResolver()

    class Problem(BaseModel):
        message: str

    @app.get(
        "/todos/<todo_id>",
        responses={
            200: {"description": "The todo"},
            404: {"description": "No such todo", "content": {"application/json": {"model": Problem}}},
        },
    )
    def get_todo(todo_id: int) -> Todo:
        return Todo(id=todo_id, title="x")

    responses = document(app)["paths"]["/todos/{todo_id}"]["get"]["responses"]

    assert responses["200"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Todo"}
    assert responses["404"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Problem"}


def test_include_in_schema_false_leaves_the_route_out():
    app = APIGatewayRestResolver()
    app.get("/internal", include_in_schema=False)(lambda: {})

    assert document(app)["paths"] == {}


def test_headers_cookies_and_omitted_parameters():
    app = APIGatewayRestResolver()

    @app.get("/me")
    def me(
        x_tenant: Annotated[str, Header()],
        session: Annotated[Optional[str], Cookie()] = None,
        debug: Annotated[bool, Query(include_in_schema=False)] = False,
        content_type: Annotated[str, Header()] = "",
    ):
        return {}

    parameters = document(app)["paths"]["/me"]["get"]["parameters"]

    assert [(p["name"], p["in"], p["required"]) for p in parameters] == [
        ("x-tenant", "header", True),
        ("session", "cookie", False),
    ]


def test_query_model_is_documented_as_one_parameter_per_field():
    app = APIGatewayRestResolver()

    class Paging(BaseModel):
        limit: int = Field(10, description="page size")
        cursor: Optional[str] = None

    @app.get("/items")
    def items(paging: Annotated[Paging, Query()]):
        return []

    parameters = document(app)["paths"]["/items"]["get"]["parameters"]

    assert parameters == [
        {"name": "limit", "in": "query", "required": False, "description": "page size", "schema": {"type": "integer"}},
        {"name": "cursor", "in": "query", "required": False, "schema": {"type": "string"}},
    ]


def test_form_and_file_bodies_have_their_media_types():
    app = APIGatewayRestResolver()

    @app.post("/signup")
    def signup(name: Annotated[str, Form()], age: Annotated[int, Form()] = 0):
        return {}

    @app.post("/upload")
    def upload(picture: Annotated[UploadFile, File()], caption: Annotated[str, Form()] = ""):
        return {}

    data = document(app)
    signup_body = data["paths"]["/signup"]["post"]["requestBody"]["content"]
    upload_body = data["paths"]["/upload"]["post"]["requestBody"]["content"]
    upload_schema = data["components"]["schemas"]["Body_upload_upload_post"]

    assert list(signup_body) == ["application/x-www-form-urlencoded"]
    assert list(upload_body) == ["multipart/form-data"]
    assert upload_schema["properties"]["picture"] == {"type": "string", "format": "binary", "title": "Picture"}


def test_embedded_bodies_get_a_body_model():
    app = APIGatewayRestResolver()

    @app.post("/todos")
    def create(todo: Annotated[Todo, Body(embed=True)], note: Annotated[str, Body()] = ""):
        return {}

    data = document(app)
    body = data["paths"]["/todos"]["post"]["requestBody"]["content"]["application/json"]

    assert body["schema"] == {"$ref": "#/components/schemas/Body_create_todos_post"}
    assert set(data["components"]["schemas"]["Body_create_todos_post"]["properties"]) == {"todo", "note"}


def test_body_examples_are_documented():
    app = APIGatewayRestResolver()
    example = Example(summary="A todo", value={"id": 1, "title": "x"})

    @app.post("/todos")
    def create(todo: Annotated[Todo, Body(openapi_examples={"one": example})]):
        return {}

    body = document(app)["paths"]["/todos"]["post"]["requestBody"]["content"]["application/json"]

    assert body["examples"] == {"one": {"summary": "A todo", "value": {"id": 1, "title": "x"}}}


def test_request_and_dependencies_are_not_parameters():
    app = APIGatewayRestResolver()

    def tenant(request: Request) -> str:
        return "t"

    @app.get("/orders")
    def orders(request: Request, who: Annotated[str, Depends(tenant)], status: str = "open"):
        return []

    parameters = document(app)["paths"]["/orders"]["get"]["parameters"]

    assert [p["name"] for p in parameters] == ["status"]


def test_router_routes_are_documented_behind_their_prefix():
    app, router = APIGatewayRestResolver(), Router()

    @router.get("/<item_id>", tags=["items"])
    def get_item(item_id: int):
        return {}

    app.include_router(router, prefix="/items")

    assert document(app)["paths"]["/items/{item_id}"]["get"]["tags"] == ["items"]


def test_configure_openapi_sets_document_fields_and_explicit_arguments_win():
    app = todo_app()
    app.configure_openapi(
        title="Todos",
        version="2.0.0",
        summary="Todo service",
        description="Keeps your todos",
        tags=["todos", Tag(name="admin", description="Admin only")],
        servers=[Server(url="https://api.example.com/v2", description="production")],
        terms_of_service="https://example.com/terms",
        contact=Contact(name="Team", email="team@example.com"),
        license_info=License(name="MIT"),
        external_documentation=ExternalDocumentation(url="https://example.com/docs"),
        openapi_extensions={"x-owner": "team"},
    )

    data = document(app, version="2.1.0")

    assert data["info"]["title"] == "Todos"
    assert data["info"]["version"] == "2.1.0"
    assert data["info"]["summary"] == "Todo service"
    assert data["info"]["contact"] == {"name": "Team", "email": "team@example.com"}
    assert data["info"]["license"] == {"name": "MIT"}
    assert data["servers"] == [{"url": "https://api.example.com/v2", "description": "production"}]
    assert data["tags"] == [{"name": "todos"}, {"name": "admin", "description": "Admin only"}]
    assert data["externalDocs"] == {"url": "https://example.com/docs"}
    assert data["x-owner"] == "team"


def test_security_schemes_and_global_security_are_documented():
    app = todo_app()
    schemes = {
        "bearer": HTTPBearer(bearerFormat="JWT"),
        "oauth": OAuth2(
            flows=OAuthFlows(
                authorizationCode=OAuthFlowAuthorizationCode(
                    authorizationUrl="https://auth.example.com/authorize",
                    tokenUrl="https://auth.example.com/token",
                    scopes={"todos:read": "read todos"},
                )
            )
        ),
    }

    data = document(app, security_schemes=schemes, security=[{"bearer": []}])

    assert data["security"] == [{"bearer": []}]
    assert data["components"]["securitySchemes"]["bearer"] == {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
    }
    assert data["components"]["securitySchemes"]["oauth"]["type"] == "oauth2"


def test_security_naming_an_undeclared_scheme_is_refused():
    app = APIGatewayRestResolver()
    app.get("/x", security=[{"nope": []}])(lambda: {})

    with pytest.raises(SchemaValidationError, match="Security configuration was not found"):
        app.get_openapi_schema()


def test_model_extension_keys_must_start_with_x():
    with pytest.raises(SchemaValidationError, match="must start with x-"):
        Server(url="https://api.example.com", openapi_extensions={"bad": 1})


def test_server_extensions_are_documented():
    server = Server(url="https://api.example.com", openapi_extensions={"x-region": "eu-west-1"})

    assert document(todo_app(), servers=[server])["servers"] == [
        {"url": "https://api.example.com", "x-region": "eu-west-1"}
    ]


def test_validation_and_the_document_reuse_the_routes_template(monkeypatch):
    import apigw.request

    rules, original = [], apigw.request.openapi_path
    monkeypatch.setattr(apigw.request, "openapi_path", lambda rule: rules.append(rule) or original(rule))
    app = APIGatewayRestResolver(enable_validation=True)

    @app.get("/todos/<todo_id>")
    def get_todo(todo_id: int) -> Todo:
        return Todo(id=todo_id, title="x")

    first, second = document(app), document(app)

    assert list(first["paths"]) == list(second["paths"]) == ["/todos/{todo_id}"]
    assert rules == ["/todos/<todo_id>"]


@pytest.mark.once
@pytest.mark.parametrize(
    "name",
    # Every object of the document but Info, Reference and Discriminator (which drop unknown keys, as in Powertools).
    "Contact License ServerVariable Server XML ExternalDocumentation Schema Example Encoding MediaType Parameter "
    "Header RequestBody Link Response Tag Operation PathItem OAuthFlow OAuthFlowImplicit OAuthFlows Components "
    "OpenAPI APIKey".split(),
)
def test_document_objects_keep_keys_they_do_not_declare(name):
    from apigw.openapi import models

    model = getattr(models, name)

    assert model.model_config.get("extra") == "allow"


@pytest.mark.once
@pytest.mark.parametrize("name", ["Info", "Reference", "Discriminator"])
def test_info_reference_and_discriminator_drop_keys_they_do_not_declare(name):
    from apigw.openapi import models

    assert getattr(models, name).model_config.get("extra") in (None, "ignore")


@pytest.mark.once
def test_contact_keeps_an_extension_key():
    contact = Contact(name="Team", **{"x-slack": "#team"})

    assert contact.model_dump(by_alias=True, exclude_none=True) == {"name": "Team", "x-slack": "#team"}


def test_get_openapi_schema_returns_models_readable_as_powertools_documents():
    schema = todo_app().get_openapi_schema()
    parameter = schema.paths["/todos/{todo_id}"].get.parameters[0]

    assert (parameter.name, parameter.in_.value, parameter.schema_.type) == ("todo_id", "path", "integer")


def test_openapi_3_0_is_not_generated_and_says_so():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        data = document(todo_app(), openapi_version="3.0.3")

    assert data["openapi"] == "3.1.0"
    assert "Forcing OpenAPI 3.1" in str(caught[-1].message)


def test_response_annotated_return_documents_its_inner_type():
    app = APIGatewayRestResolver()

    @app.get("/todo")
    def todo() -> Response[Todo]:
        return Response(200, "application/json", Todo(id=1, title="x"))

    content = document(app)["paths"]["/todo"]["get"]["responses"]["200"]["content"]["application/json"]

    assert content == {"schema": {"$ref": "#/components/schemas/Todo"}}


def test_duplicate_operation_ids_warn():
    app = APIGatewayRestResolver()
    app.get("/a", operation_id="same")(lambda: {})
    app.get("/b", operation_id="same")(lambda: {})

    with pytest.warns(UserWarning, match="Duplicate Operation ID same"):
        app.get_openapi_schema()


def test_document_of_a_validated_app_is_the_one_its_validation_uses():
    app = todo_app(enable_validation=True)
    route = next(route for route in app.routes if route.method == "POST")

    assert route.invoke.fields.body_field.annotation is Todo


def test_powertools_private_create_model_field_is_there_for_its_published_tests():
    """COMPAT: Powertools' own ``test_openapi_params.py`` imports the private ``_create_model_field``; without it that
    whole module (about fifty tests of public behaviour) fails to import against apigw."""
    from apigw.openapi.params import Param, ParamTypes, _create_model_field

    assert _create_model_field(None, int, "name", False) is None
    assert _create_model_field(Param(), int, "name", False).field_info.in_ == ParamTypes.query
    assert _create_model_field(Header(alias=None, convert_underscores=True), int, "user_id", False).alias == "user-id"

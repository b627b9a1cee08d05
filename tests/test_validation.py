"""Request and response validation (``enable_validation=True``, pydantic v2), as Powertools 3.37 does it."""

import base64
import json
from dataclasses import dataclass
from typing import Annotated, List, Optional

import pytest

pydantic = pytest.importorskip("pydantic")  # the validation extra: pip install 'apigw[validation]'

from builders import alb_event, http_event, lattice_v2_event, rest_event, url_event  # noqa: E402
from pydantic import BaseModel, ConfigDict, Field  # noqa: E402

from apigw import (  # noqa: E402
    ALBResolver,
    APIGatewayHttpResolver,
    APIGatewayRestResolver,
    Depends,
    LambdaFunctionUrlResolver,
    Request,
    Response,
    Router,
    VPCLatticeV2Resolver,
)
from apigw.openapi.exceptions import RequestValidationError, ResponseValidationError  # noqa: E402
from apigw.openapi.params import Body, Cookie, File, Form, Header, Path, Query, UploadFile  # noqa: E402


class Item(BaseModel):
    name: str
    price: float
    tags: List[str] = []


def validated_app(**kwargs):
    return APIGatewayRestResolver(enable_validation=True, **kwargs)


def body_of(response):
    return json.loads(response["body"])


def detail_of(response):
    return body_of(response)["detail"]


# -- path, query, headers, cookies --------------------------------------------------------------------------------


def test_path_parameter_is_converted_to_its_annotation():
    app = validated_app()

    @app.get("/orders/<order_id>")
    def get_order(order_id: int):
        return {"id": order_id, "type": type(order_id).__name__}

    assert body_of(app.resolve(rest_event("/orders/42"), None)) == {"id": 42, "type": "int"}


def test_invalid_path_parameter_answers_422_with_location_and_type_only():
    app = validated_app()

    @app.get("/orders/<order_id>")
    def get_order(order_id: int):
        return {}

    response = app.resolve(rest_event("/orders/abc"), None)

    assert response["statusCode"] == 422
    assert body_of(response) == {"statusCode": 422, "detail": [{"loc": ["path", "order_id"], "type": "int_parsing"}]}


def test_scalar_parameter_without_marker_is_a_query_parameter_with_its_default():
    app = validated_app()

    @app.get("/items")
    def list_items(limit: int = 10, verbose: bool = False):
        return {"limit": limit, "verbose": verbose}

    assert body_of(app.resolve(rest_event("/items", query={"verbose": "true"}), None)) == {"limit": 10, "verbose": True}


def test_missing_required_query_parameter_is_reported_as_missing():
    app = validated_app()

    @app.get("/search")
    def search(q: str):
        return {}

    response = app.resolve(rest_event("/search"), None)

    assert detail_of(response) == [{"loc": ["query", "q"], "type": "missing"}]


def test_query_constraints_and_alias_apply():
    app = validated_app()

    @app.get("/items")
    def list_items(page_size: Annotated[int, Query(alias="pageSize", gt=0, le=100)] = 20):
        return {"page_size": page_size}

    ok = app.resolve(rest_event("/items", query={"pageSize": "50"}), None)
    too_big = app.resolve(rest_event("/items", query={"pageSize": "500"}), None)

    assert body_of(ok) == {"page_size": 50}
    assert detail_of(too_big) == [{"loc": ["query", "pageSize"], "type": "less_than_equal"}]


def test_list_query_parameter_reads_every_value_of_a_rest_event():
    app = validated_app()

    @app.get("/users")
    def users(ids: Annotated[List[int], Query()]):
        return {"ids": ids}

    event = rest_event("/users", multiValueQueryStringParameters={"ids": ["1", "2", "3"]})

    assert body_of(app.resolve(event, None)) == {"ids": [1, 2, 3]}


def test_http_api_joined_values_are_split_for_lists_and_kept_whole_for_scalars():
    app = APIGatewayHttpResolver(enable_validation=True)

    @app.get("/search")
    def search(tags: Annotated[List[str], Query()], title: str):
        return {"tags": tags, "title": title}

    event = http_event("/search", queryStringParameters={"tags": "a,b", "title": "hello, world"})
    event["rawQueryString"] = "tags=a&tags=b&title=hello%2C%20world"

    assert body_of(app.resolve(event, None)) == {"tags": ["a", "b"], "title": "hello, world"}


def test_http_api_repeated_parameter_given_to_a_scalar_is_refused():
    app = APIGatewayHttpResolver(enable_validation=True)

    @app.get("/search")
    def search(title: str):
        return {"title": title}

    event = http_event("/search", queryStringParameters={"title": "a,b"})
    event["rawQueryString"] = "title=a&title=b"

    assert app.resolve(event, None)["statusCode"] == 422


def test_vpc_lattice_v2_repeated_parameter_given_to_a_scalar_is_refused_but_a_comma_is_not():
    app = VPCLatticeV2Resolver(enable_validation=True)

    @app.get("/search")
    def search(title: str):
        return {"title": title}

    repeated = app.resolve(lattice_v2_event("/search", query={"title": ["a", "b"]}), None)
    comma = app.resolve(lattice_v2_event("/search", query={"title": ["a,b"]}), None)

    assert repeated["statusCode"] == 422
    assert body_of(comma) == {"title": "a,b"}


class CountingDict(dict):
    """A dict that counts how often its items are walked."""

    walks = 0

    def items(self):
        type(self).walks += 1
        return super().items()


@pytest.mark.once
def test_query_names_are_checked_for_repeats_only_when_a_value_holds_a_comma():
    from apigw.events import APIGatewayProxyEventV2
    from apigw.openapi._validation import _Query

    CountingDict.walks = 0
    event = http_event("/search")
    event["queryStringParameters"] = CountingDict(title="hello", tags="a,b")
    event["rawQueryString"] = "title=hello&tags=a&tags=b"
    query = _Query(APIGatewayProxyEventV2(event), decode=False)

    plain = query.get("title", False), CountingDict.walks
    with_comma = query.get("tags", False), CountingDict.walks
    again = query.get("tags", False), CountingDict.walks

    assert plain == ("hello", 0)
    assert with_comma == (["a", "b"], 1)
    assert again == (["a", "b"], 1)  # worked out once per request


def test_decode_query_parameters_is_read_at_registration_not_per_request():
    reads = []

    class Resolver(APIGatewayRestResolver):
        @property
        def decode_query_parameters(self):
            reads.append(1)
            return False

    app = Resolver(enable_validation=True)

    @app.get("/search")
    def search(q: str):
        return {"q": q}

    registered = len(reads)
    responses = [app.resolve(rest_event("/search", query={"q": "x"}), None) for _ in range(3)]

    assert [body_of(one) for one in responses] == [{"q": "x"}] * 3
    assert len(reads) == registered


def test_query_model_reads_each_field_and_reports_errors_under_the_parameter():
    app = validated_app()

    class Paging(BaseModel):
        limit: int = Field(default=10, ge=1)
        cursor: Optional[str] = None

    @app.get("/items")
    def list_items(paging: Annotated[Paging, Query()]):
        return paging.model_dump()

    ok = app.resolve(rest_event("/items", query={"cursor": "abc"}), None)
    bad = app.resolve(rest_event("/items", query={"limit": "0"}), None)

    assert body_of(ok) == {"limit": 10, "cursor": "abc"}
    assert detail_of(bad) == [{"loc": ["query", "paging", "limit"], "type": "greater_than_equal"}]


def test_header_parameter_underscores_read_dashes_in_any_letter_case():
    app = validated_app()

    @app.get("/hello")
    def hello(x_request_id: Annotated[str, Header()]):
        return {"id": x_request_id}

    event = rest_event("/hello", headers={"X-Request-Id": "r-1"})

    assert body_of(app.resolve(event, None)) == {"id": "r-1"}


def test_header_model_fields_read_dashed_names():
    app = validated_app()

    class Client(BaseModel):
        user_agent: str
        accept_language: str = "en"

    @app.get("/hello")
    def hello(client: Annotated[Client, Header()]):
        return client.model_dump()

    event = rest_event("/hello", headers={"User-Agent": "curl/8"})

    assert body_of(app.resolve(event, None)) == {"user_agent": "curl/8", "accept_language": "en"}


def test_cookie_parameter_reads_the_cookie_header_and_http_api_cookies():
    rest, http = validated_app(), APIGatewayHttpResolver(enable_validation=True)
    for app in (rest, http):

        @app.get("/hello")
        def hello(session: Annotated[str, Cookie()]):
            return {"session": session}

    rest_response = rest.resolve(rest_event("/hello", headers={"Cookie": "theme=dark; session=abc"}), None)
    http_response = http.resolve(http_event("/hello", cookies=["theme=dark", "session=xyz"]), None)

    assert body_of(rest_response) == {"session": "abc"}
    assert body_of(http_response) == {"session": "xyz"}


def test_every_error_of_a_request_is_reported_at_once():
    app = validated_app()

    @app.get("/orders/<order_id>")
    def get_order(order_id: int, limit: int, x_tenant: Annotated[str, Header()]):
        return {}

    response = app.resolve(rest_event("/orders/x", query={"limit": "y"}), None)

    assert [error["loc"] for error in detail_of(response)] == [
        ["path", "order_id"],
        ["query", "limit"],
        ["header", "x-tenant"],
    ]


# -- bodies ----------------------------------------------------------------------------------------------------------


def test_model_parameter_is_the_json_body():
    app = validated_app()

    @app.post("/items")
    def create(item: Item):
        return {"name": item.name, "price": item.price}

    event = rest_event("/items", "POST", body=json.dumps({"name": "pen", "price": "1.5"}))

    assert body_of(app.resolve(event, None)) == {"name": "pen", "price": 1.5}


def test_invalid_body_field_is_located_inside_the_body():
    app = validated_app()

    @app.post("/items")
    def create(item: Item):
        return {}

    response = app.resolve(rest_event("/items", "POST", body=json.dumps({"name": "pen"})), None)

    assert detail_of(response) == [{"loc": ["body", "price"], "type": "missing"}]


def test_embedded_body_parameters_are_read_by_name():
    app = validated_app()

    @app.post("/items")
    def create(item: Annotated[Item, Body(embed=True)], note: Annotated[str, Body()] = ""):
        return {"item": item.name, "note": note}

    event = rest_event("/items", "POST", body=json.dumps({"item": {"name": "pen", "price": 1}, "note": "gift"}))

    assert body_of(app.resolve(event, None)) == {"item": "pen", "note": "gift"}


def test_embedded_single_value_member_sent_as_a_list_takes_its_first_item_even_null():
    # COMPAT: Powertools 3.37 answers {"a": null, "b": 7}: the first item is validated, a null one is not "missing".
    app = validated_app()

    @app.post("/items")
    def create(a: Annotated[Optional[int], Body(embed=True)] = 5, b: Annotated[int, Body(embed=True)] = 0):
        return {"a": a, "b": b}

    event = rest_event("/items", "POST", body=json.dumps({"a": [None, 3], "b": [7, 8]}))

    assert body_of(app.resolve(event, None)) == {"a": None, "b": 7}


def test_body_that_is_not_json_answers_422_json_invalid():
    app = validated_app()

    @app.post("/items")
    def create(item: Item):
        return {}

    response = app.resolve(rest_event("/items", "POST", body="{"), None)

    assert response["statusCode"] == 422
    assert detail_of(response)[0]["type"] == "json_invalid"


def test_body_of_an_unreadable_content_type_answers_415():
    app = validated_app()

    @app.post("/items")
    def create(item: Item):
        return {}

    event = rest_event("/items", "POST", headers={"Content-Type": "text/csv"}, body="a,b")
    response = app.resolve(event, None)

    assert response["statusCode"] == 415
    assert detail_of(response) == [{"loc": ["body"], "type": "unsupported_content_type"}]


def test_form_fields_are_read_from_an_urlencoded_body():
    app = validated_app()

    @app.post("/signup")
    def signup(name: Annotated[str, Form()], tags: Annotated[List[str], Form()] = []):
        return {"name": name, "tags": tags}

    event = rest_event(
        "/signup", "POST", headers={"Content-Type": "application/x-www-form-urlencoded"}, body="name=ana&tags=a&tags=b"
    )

    assert body_of(app.resolve(event, None)) == {"name": "ana", "tags": ["a", "b"]}


def multipart(boundary, *parts):
    """A multipart/form-data body: parts are (name, value) or (name, filename, content_type, bytes)."""
    chunks = []
    for part in parts:
        if len(part) == 2:
            name, value = part
            chunks.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode() + value.encode()
            )
        else:
            name, filename, content_type, data = part
            head = (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                f"Content-Type: {content_type}\r\n\r\n"
            )
            chunks.append(head.encode() + data)
    return b"\r\n".join(chunks) + f"\r\n--{boundary}--\r\n".encode()


def test_multipart_file_and_fields_are_read_binary_safe():
    app = validated_app()
    png = bytes(range(256)) + b"\r\n--not-a-boundary\r\n"

    @app.post("/upload")
    def upload(
        picture: Annotated[UploadFile, File()],
        raw: Annotated[bytes, File()],
        caption: Annotated[str, Form()],
    ):
        return {
            "same": picture.content == png and raw == png,
            "filename": picture.filename,
            "type": picture.content_type,
            "caption": caption,
        }

    body = multipart(
        "XyZ", ("picture", "cat.png", "image/png", png), ("raw", "cat.png", "image/png", png), ("caption", "héllo")
    )
    event = rest_event(
        "/upload",
        "POST",
        headers={"Content-Type": 'multipart/form-data; boundary="XyZ"'},
        body=base64.b64encode(body).decode(),
        isBase64Encoded=True,
    )

    assert body_of(app.resolve(event, None)) == {
        "same": True,
        "filename": "cat.png",
        "type": "image/png",
        "caption": "héllo",
    }


def test_multipart_without_boundary_answers_422():
    app = validated_app()

    @app.post("/upload")
    def upload(caption: Annotated[str, Form()]):
        return {}

    event = rest_event("/upload", "POST", headers={"Content-Type": "multipart/form-data"}, body="x")
    response = app.resolve(event, None)

    assert response["statusCode"] == 422
    assert detail_of(response) == [{"loc": ["body"], "type": "multipart_invalid"}]


def test_missing_required_file_is_reported_as_missing():
    app = validated_app()

    @app.post("/upload")
    def upload(picture: Annotated[bytes, File()]):
        return {}

    body = multipart("b", ("caption", "x"))
    event = rest_event(
        "/upload",
        "POST",
        headers={"Content-Type": "multipart/form-data; boundary=b"},
        body=base64.b64encode(body).decode(),
        isBase64Encoded=True,
    )

    assert detail_of(app.resolve(event, None)) == [{"loc": ["body", "picture"], "type": "missing"}]


# -- responses ------------------------------------------------------------------------------------------------------


def test_return_annotation_serializes_a_model_with_its_aliases():
    app = validated_app()

    class Out(BaseModel):
        model_config = ConfigDict(populate_by_name=True)
        item_id: int = Field(alias="itemId")

    @app.get("/out")
    def out() -> Out:
        return Out(item_id=7)

    assert body_of(app.resolve(rest_event("/out"), None)) == {"itemId": 7}


def test_return_annotation_validates_dicts_dataclasses_and_lists_of_them():
    app = validated_app()

    @dataclass
    class Point:
        x: int
        y: int

    @app.get("/points")
    def points() -> List[Point]:
        return [Point(1, 2), {"x": "3", "y": 4}]  # type: ignore[list-item]

    assert body_of(app.resolve(rest_event("/points"), None)) == [{"x": 1, "y": 2}, {"x": 3, "y": 4}]


def test_response_annotation_validates_the_body_and_keeps_status_and_headers():
    app = validated_app()

    @app.get("/item")
    def item() -> Response[Item]:
        return Response(201, "application/json", {"name": "pen", "price": "2"}, headers={"X-Id": "1"})

    response = app.resolve(rest_event("/item"), None)

    assert response["statusCode"] == 201
    assert response["headers"]["X-Id"] == "1"
    assert body_of(response) == {"name": "pen", "price": 2.0, "tags": []}


def test_tuple_result_is_validated_against_the_first_type():
    app = validated_app()

    @app.post("/items")
    def create() -> tuple[Item, int]:
        return {"name": "pen", "price": 1}, 201  # type: ignore[return-value]

    response = app.resolve(rest_event("/items", "POST"), None)

    assert response["statusCode"] == 201
    assert body_of(response)["price"] == 1.0


def test_invalid_result_answers_422_by_default_as_powertools():
    app = validated_app()

    @app.get("/item")
    def item() -> Item:
        return {"name": "pen"}  # type: ignore[return-value]

    response = app.resolve(rest_event("/item"), None)

    assert response["statusCode"] == 422
    assert detail_of(response) == [{"loc": ["response", "price"], "type": "missing"}]


def test_invalid_result_answers_the_apps_response_validation_code():
    app = validated_app(response_validation_error_http_code=500)

    @app.get("/item")
    def item() -> Item:
        return None  # type: ignore[return-value]

    response = app.resolve(rest_event("/item"), None)

    assert response["statusCode"] == 500
    assert body_of(response) == {"statusCode": 500, "detail": [{"loc": ["response"], "type": "model_attributes_type"}]}


def test_route_response_validation_code_wins_over_the_apps():
    app = validated_app(response_validation_error_http_code=500)

    @app.get("/item", custom_response_validation_http_code=502)
    def item() -> Item:
        return {}  # type: ignore[return-value]

    assert app.resolve(rest_event("/item"), None)["statusCode"] == 502


def test_response_validation_error_can_be_answered_by_an_exception_handler():
    app = validated_app(response_validation_error_http_code=500)

    @app.exception_handler(ResponseValidationError)
    def hide(exc):
        return Response(500, "text/plain", f"bad result ({len(exc.errors())} errors, source {exc.source})")

    @app.get("/item")
    def item() -> Item:
        return {}  # type: ignore[return-value]

    assert app.resolve(rest_event("/item"), None)["body"] == "bad result (2 errors, source app)"


def test_results_without_annotation_are_made_json_data():
    import datetime
    import decimal
    import enum

    class Color(enum.Enum):
        RED = "red"

    app = validated_app()

    @app.get("/mixed")
    def mixed():
        return {
            "when": datetime.date(2024, 1, 2),
            "price": decimal.Decimal("2.50"),
            "count": decimal.Decimal("3"),
            "color": Color.RED,
            "item": Item(name="pen", price=1),
            "set": {1},
        }

    assert body_of(app.resolve(rest_event("/mixed"), None)) == {
        "when": "2024-01-02",
        "price": 2.5,
        "count": 3,
        "color": "red",
        "item": {"name": "pen", "price": 1.0, "tags": []},
        "set": [1],
    }


def test_bare_response_annotation_is_not_validated():
    app = validated_app()

    @app.get("/text")
    def text() -> Response:
        return Response(200, "text/plain", "hi")

    assert app.resolve(rest_event("/text"), None)["body"] == "hi"


def test_a_return_type_pydantic_cannot_validate_is_refused_at_registration():
    app = validated_app()

    class Opaque:
        pass

    with pytest.raises(TypeError, match="return annotation .*Opaque.* cannot be validated"):

        @app.get("/x")
        def x() -> Opaque:
            return Opaque()


# -- errors, order, settings -----------------------------------------------------------------------------------------


def test_request_validation_error_can_be_answered_by_an_exception_handler():
    app = validated_app()

    @app.exception_handler(RequestValidationError)
    def explain(exc):
        first = exc.errors()[0]
        return Response(400, "application/json", {"problem": first["msg"], "where": list(first["loc"])})

    @app.get("/orders/<order_id>")
    def get_order(order_id: int):
        return {}

    response = app.resolve(rest_event("/orders/x"), None)

    assert response["statusCode"] == 400
    assert body_of(response)["where"] == ["path", "order_id"]
    assert "integer" in body_of(response)["problem"]


def test_request_validation_runs_before_user_middlewares_and_response_validation_inside_them():
    app, seen = validated_app(), []

    def watch(app, next_middleware):
        seen.append(("args", dict(app.context["_route_args"])))
        response = next_middleware(app)
        seen.append(("body", response.body))
        return response

    app.use(middlewares=[watch])

    @app.get("/orders/<order_id>")
    def get_order(order_id: int) -> Item:
        return {"name": "pen", "price": order_id}  # type: ignore[return-value]

    assert app.resolve(rest_event("/orders/x"), None)["statusCode"] == 422
    assert seen == []  # the invalid request never reached the middleware
    app.resolve(rest_event("/orders/3"), None)
    assert seen == [("args", {"order_id": 3}), ("body", {"name": "pen", "price": 3.0, "tags": []})]


def test_a_middlewares_own_response_is_not_validated():
    app = validated_app()
    app.use(middlewares=[lambda app, next_middleware: Response(401, "application/json", {"error": "who?"})])

    @app.get("/item")
    def item() -> Item:
        raise AssertionError("not reached")

    response = app.resolve(rest_event("/item"), None)

    assert (response["statusCode"], body_of(response)) == (401, {"error": "who?"})


def test_route_can_turn_validation_off_on_a_validating_app():
    app = validated_app()

    @app.get("/raw/<value>", enable_validation=False)
    def raw(value):
        return {"value": value}

    assert body_of(app.resolve(rest_event("/raw/abc"), None)) == {"value": "abc"}
    assert app.routes[0].invoke is None


def test_route_can_turn_validation_on_in_a_plain_app():
    app = APIGatewayRestResolver()

    @app.get("/strict/<value>", enable_validation=True)
    def strict(value: int):
        return {"value": value}

    assert app.resolve(rest_event("/strict/abc"), None)["statusCode"] == 422


def test_bad_response_validation_codes_are_refused():
    with pytest.raises(ValueError, match="'20' must be an integer representing an HTTP status code"):
        APIGatewayRestResolver(enable_validation=True, response_validation_error_http_code=20)
    with pytest.raises(ValueError, match="cannot be set when enable_validation is False"):
        APIGatewayRestResolver(response_validation_error_http_code=500)
    app = APIGatewayRestResolver()
    with pytest.raises(ValueError, match="cannot be set for route when enable_validation is False"):
        app.get("/x", custom_response_validation_http_code=500)(lambda: {})


def test_request_and_dependencies_are_injected_next_to_validated_values():
    app = validated_app()

    def tenant(request: Request) -> str:
        return request.headers.get("x-tenant", "public")

    @app.get("/orders/<order_id>")
    def get_order(order_id: int, request: Request, who: Annotated[str, Depends(tenant)], limit: int = 5):
        return {"id": order_id, "route": request.route, "tenant": who, "limit": limit}

    event = rest_event("/orders/1", headers={"X-Tenant": "acme"}, query={"limit": "2"})

    assert body_of(app.resolve(event, None)) == {"id": 1, "route": "/orders/{order_id}", "tenant": "acme", "limit": 2}


def test_router_routes_are_validated_behind_their_prefix():
    app, router = validated_app(), Router()

    @router.get("/<item_id>")
    def get_item(item_id: int):
        return {"id": item_id}

    app.include_router(router, prefix="/items")

    assert body_of(app.resolve(rest_event("/items/4"), None)) == {"id": 4}
    assert app.resolve(rest_event("/items/four"), None)["statusCode"] == 422


@pytest.mark.parametrize(
    "app_class, event",
    [
        (APIGatewayHttpResolver, http_event("/items/3", headers={"x-limit": "2"})),
        (LambdaFunctionUrlResolver, url_event("/items/3", headers={"x-limit": "2"})),
        (ALBResolver, alb_event("/items/3", headers={"x-limit": "2"})),
        (ALBResolver, alb_event("/items/3", headers={"x-limit": "2"}, multi_value=True)),
    ],
    ids=["http-api", "function-url", "alb", "alb-multi-value"],
)
def test_every_integration_validates_path_and_headers(app_class, event):
    app = app_class(enable_validation=True)

    @app.get("/items/<item_id>")
    def get_item(item_id: int, x_limit: Annotated[int, Header()]):
        return {"id": item_id, "limit": x_limit}

    assert body_of(app.resolve(event, None)) == {"id": 3, "limit": 2}


def test_alb_query_values_are_url_decoded_when_asked():
    app = ALBResolver(enable_validation=True, decode_query_parameters=True)

    @app.get("/search")
    def search(q: str):
        return {"q": q}

    event = alb_event("/search", queryStringParameters={"q": "hello%20world"})

    assert body_of(app.resolve(event, None)) == {"q": "hello world"}


def test_validators_are_built_at_registration_not_per_request(monkeypatch):
    import pydantic as pydantic_module

    app = validated_app()

    @app.post("/items/<item_id>")
    def create(item_id: int, item: Item, limit: int = 1) -> Item:
        return item

    def forbidden(*args, **kwargs):
        raise AssertionError("a TypeAdapter was built during a request")

    monkeypatch.setattr(pydantic_module.TypeAdapter, "__init__", forbidden)
    event = rest_event("/items/1", "POST", body=json.dumps({"name": "pen", "price": 1}))

    assert app.resolve(event, None)["statusCode"] == 200


def test_async_handler_result_is_validated_after_it_is_awaited():
    import asyncio

    app = validated_app()

    @app.get("/items/<item_id>")
    async def get_item(item_id: int) -> Item:
        return {"name": "pen", "price": item_id}  # type: ignore[return-value]

    response = asyncio.run(app.resolve_async(rest_event("/items/2"), None))

    assert body_of(response) == {"name": "pen", "price": 2.0, "tags": []}


def test_resolve_async_validates_the_request_before_async_middlewares():
    import asyncio

    app, seen = validated_app(), []

    async def watch(app, next_middleware):
        seen.append(dict(app.context["_route_args"]))
        return await next_middleware(app)

    app.use(middlewares=[watch])

    @app.get("/items/<item_id>")
    async def get_item(item_id: int):
        return {"id": item_id}

    bad = asyncio.run(app.resolve_async(rest_event("/items/x"), None))
    good = asyncio.run(app.resolve_async(rest_event("/items/5"), None))

    assert bad["statusCode"] == 422
    assert (body_of(good), seen) == ({"id": 5}, [{"item_id": 5}])


def test_marker_with_its_own_default_in_annotated_is_refused_with_a_message():
    app = validated_app()

    with pytest.raises(TypeError, match="parameter 'limit': a marker in Annotated.* cannot carry a default"):

        @app.get("/items")
        def items(limit: Annotated[int, Query(10)]):
            return {}


def test_path_marker_on_a_name_the_rule_lacks_is_refused():
    app = validated_app()

    with pytest.raises(TypeError, match="parameter 'item_id'"):

        @app.get("/items")
        def items(item_id: Annotated[int, Path()]):
            return {}


@pytest.mark.once
@pytest.mark.parametrize("marker", [Query, Header, Cookie, Body, Form])
def test_marker_keeps_its_openapi_settings_and_hands_pydantic_keywords_to_the_field(marker):
    examples = {"first": {"value": 3}}

    info = marker(
        3, alias="n", title="Count", gt=1, deprecated=True, include_in_schema=False, openapi_examples=examples, unit="s"
    )

    assert (info.deprecated, info.include_in_schema, info.openapi_examples) == (True, False, examples)
    assert (info.default, info.alias, info.validation_alias, info.title) == (3, "n", "n", "Count")
    assert info.json_schema_extra == {"unit": "s"}
    assert any(getattr(one, "gt", None) == 1 for one in info.metadata)
    assert repr(info) == f"{marker.__name__}(3)"


@pytest.mark.once
def test_marker_defaults_document_it_as_neither_deprecated_nor_hidden():
    for info in (Query(), Body()):
        assert (info.deprecated, info.include_in_schema, info.openapi_examples) == (None, True, None)


def test_pep_604_unions_classify_like_optional_scalar_query_list_query_and_model_body():
    app = validated_app()

    @app.post("/items")
    def create(item: Item | None, limit: int | None = None, tags: Annotated[list[str] | None, Query()] = None):
        return {"item": item.name if item else None, "limit": limit, "tags": tags}

    event = rest_event("/items", "POST", body=json.dumps({"name": "pen", "price": 1}))
    event["multiValueQueryStringParameters"] = {"limit": ["5"], "tags": ["a", "b"]}

    assert body_of(app.resolve(event, None)) == {"item": "pen", "limit": 5, "tags": ["a", "b"]}


def test_validated_handler_shares_the_middlewares_dependency_value_and_gets_the_request():
    app, calls = validated_app(), []

    def user() -> dict:
        calls.append(1)
        return {"name": "ana"}

    def audit(app, next_middleware, who: Annotated[dict, Depends(user)], request: Request):
        who["audited_route"] = request.route
        return next_middleware(app)

    app.use(middlewares=[audit])

    @app.get("/items/<item_id>")
    def get_item(item_id: int, who: Annotated[dict, Depends(user)], request: Request):
        return {"id": item_id, "who": who, "method": request.method}

    responses = [app.resolve(rest_event(f"/items/{n}"), None) for n in (1, 2)]

    assert [body_of(one) for one in responses] == [
        {"id": n, "who": {"name": "ana", "audited_route": "/items/{item_id}"}, "method": "GET"} for n in (1, 2)
    ]
    assert len(calls) == 2  # once per request

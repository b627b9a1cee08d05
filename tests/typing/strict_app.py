"""A small app as a user writes it; tests/test_typing.py checks it with ``mypy --strict``."""

from __future__ import annotations

from typing import Any

from apigw import (
    ALBResolver,
    APIGatewayHttpResolver,
    APIGatewayRestResolver,
    BaseMiddlewareHandler,
    CORSConfig,
    HttpResolverLocal,
    NextMiddleware,
    Response,
    Router,
    content_types,
)
from apigw.exceptions import NotFoundError, ServiceError

app = APIGatewayHttpResolver(cors=CORSConfig(allow_origin="https://app.example", max_age=300))
router = Router()


@app.get("/orders/<order_id>")
def get_order(order_id: str) -> dict[str, str]:
    raw: str = app.current_event.raw_query_string  # typed per resolver: an HTTP API 2.0 view
    return {"id": order_id, "query": raw}


# The decorator keeps the function's own type.
order: dict[str, str] = get_order("42")


@app.post("/orders", status_code=201, middlewares=[])
def create_order() -> Response[dict[str, str]]:
    body = app.current_event.json_body
    return Response(201, content_types.APPLICATION_JSON, {"created": str(body)})


@router.get("/health")
def health() -> tuple[dict[str, bool], int]:
    return {"ok": True}, 200


app.include_router(router, prefix="/v1")


@app.exception_handler(ValueError)
def on_value_error(exc: ValueError) -> Response[str]:
    return Response(400, content_types.TEXT_PLAIN, str(exc))


@app.exception_handler(ServiceError)
def on_service_error(exc: ServiceError) -> Response[str]:
    return Response(exc.status_code, content_types.TEXT_PLAIN, exc.msg)


@app.not_found
def missing(exc: NotFoundError) -> Response[str]:
    return Response(404, content_types.TEXT_PLAIN, "nothing here")


class Timing(BaseMiddlewareHandler[APIGatewayHttpResolver]):
    def handler(self, app: APIGatewayHttpResolver, next_middleware: NextMiddleware) -> Response[object]:
        response = next_middleware(app)
        response.headers["X-Timing"] = "1"
        return response


def audit(app: APIGatewayHttpResolver, next_middleware: NextMiddleware) -> Response[object]:
    return next_middleware(app)


app.use(middlewares=[Timing(), audit])

rest = APIGatewayRestResolver()
stage: str | None = rest.current_event.request_context.stage  # a REST view
alb = ALBResolver(decode_query_parameters=True)
target: str | None = alb.current_event.request_context.elb_target_group_arn  # an ALB view


def lambda_handler(event: dict[str, object], context: object) -> dict[str, object]:
    return app.resolve(event, context)


local = HttpResolverLocal(cors=CORSConfig(allow_origin="*"))


@local.get("/items/<item_id>")
async def get_item(item_id: str) -> dict[str, str]:
    return {"id": item_id, "path": local.current_event.path}  # a REST view


async def serve(scope: dict[str, object], receive: Any, send: Any) -> None:
    await local(scope, receive, send)  # the ASGI application

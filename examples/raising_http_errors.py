"""Raising HTTP errors: ``ServiceError`` and the pre-defined 400, 401, 404 and 500 errors."""

# NOTE: the page's Powertools Logger/Tracer lines are dropped: apigw examples stay dependency-free.
from apigw import ApiGatewayResolver
from apigw.exceptions import (
    BadRequestError,
    InternalServerError,
    NotFoundError,
    ServiceError,
    UnauthorizedError,
)

app = ApiGatewayResolver()


@app.get(rule="/bad-request-error")
def bad_request_error():
    # HTTP  400
    raise BadRequestError("Missing required parameter")


@app.get(rule="/unauthorized-error")
def unauthorized_error():
    # HTTP 401
    raise UnauthorizedError("Unauthorized")


@app.get(rule="/not-found-error")
def not_found_error():
    # HTTP 404
    raise NotFoundError


@app.get(rule="/internal-server-error")
def internal_server_error():
    # HTTP 500
    raise InternalServerError("Internal server error")


@app.get(rule="/service-error", cors=True)
def service_error():
    raise ServiceError(502, "Something went wrong!")
    # alternatively
    # from http import HTTPStatus
    # raise ServiceError(HTTPStatus.BAD_GATEWAY.value, "Something went wrong)


def handler(event, context):
    return app.resolve(event, context)


if __name__ == "__main__":
    from _run import main  # imported here so the example stays importable from anywhere

    main(handler, "rest-api-v1.json")

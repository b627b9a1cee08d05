"""apigw: a fast, correct HTTP event router for AWS Lambda, with a Powertools-compatible API.

>>> from apigw import APIGatewayRestResolver
>>> app = APIGatewayRestResolver()
>>> @app.get("/hello/<name>")
... def hello(name):
...     return {"message": f"hello {name}"}
>>> app.resolve({"path": "/hello/you", "httpMethod": "GET"}, None)["body"]
'{"message":"hello you"}'

``apigw.IMPLEMENTATION`` says whether the compiled modules (``"cython"``) or the pure-Python twins
(``"python"``) serve requests.
"""

from . import content_types
from ._impl import IMPLEMENTATION
from .any_integration import AnyIntegrationResolver
from .exceptions import (
    BadRequestError,
    ForbiddenError,
    InternalServerError,
    MethodNotAllowedError,
    NotFoundError,
    RequestEntityTooLargeError,
    RequestTimeoutError,
    ServiceError,
    ServiceUnavailableError,
    TooManyRequestsError,
    UnauthorizedError,
)
from .middlewares import BaseMiddlewareHandler, NextMiddleware
from .resolver import (
    ALBResolver,
    APIGatewayHttpResolver,
    APIGatewayRestResolver,
    ApiGatewayResolver,
    BaseRouter,
    LambdaFunctionUrlResolver,
    ProxyEventType,
    ResponseBuilder,
    Route,
    VPCLatticeResolver,
    VPCLatticeV2Resolver,
)
from .response import Cookie, CORSConfig, Response, SameSite
from .router import (
    ALBRouter,
    APIGatewayHttpRouter,
    APIGatewayRouter,
    LambdaFunctionUrlRouter,
    Router,
    VPCLatticeRouter,
    VPCLatticeV2Router,
)

__version__ = "0.1.0"

__all__ = [
    "ALBResolver",
    "ALBRouter",
    "AnyIntegrationResolver",
    "APIGatewayHttpRouter",
    "APIGatewayRouter",
    "LambdaFunctionUrlRouter",
    "ResponseBuilder",
    "APIGatewayHttpResolver",
    "APIGatewayRestResolver",
    "ApiGatewayResolver",
    "BadRequestError",
    "BaseMiddlewareHandler",
    "BaseRouter",
    "CORSConfig",
    "Cookie",
    "ForbiddenError",
    "IMPLEMENTATION",
    "InternalServerError",
    "LambdaFunctionUrlResolver",
    "MethodNotAllowedError",
    "NextMiddleware",
    "NotFoundError",
    "ProxyEventType",
    "RequestEntityTooLargeError",
    "RequestTimeoutError",
    "Response",
    "Route",
    "Router",
    "SameSite",
    "ServiceError",
    "ServiceUnavailableError",
    "TooManyRequestsError",
    "UnauthorizedError",
    "VPCLatticeResolver",
    "VPCLatticeRouter",
    "VPCLatticeV2Resolver",
    "VPCLatticeV2Router",
    "content_types",
]

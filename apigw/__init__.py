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

from . import _shared
from ._impl import IMPLEMENTATION
from .resolver import ApiGatewayResolver, BaseRouter, CORSConfig, Response, Route

__version__ = "0.1.0"

TYPE_CHECKING = False
if TYPE_CHECKING:
    from . import content_types as content_types
    from ._alb import ALBResolver
    from ._http_api import APIGatewayHttpResolver, LambdaFunctionUrlResolver
    from ._rest_api import APIGatewayRestResolver
    from ._vpc_lattice import VPCLatticeResolver, VPCLatticeV2Resolver
    from .any_integration import AnyIntegrationResolver, ResponseBuilder
    from .cookies import Cookie, SameSite
    from .depends import DependencyResolutionError, Depends
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
    from .http_resolver import HttpResolver, HttpResolverLocal
    from .middlewares import BaseMiddlewareHandler, NextMiddleware
    from .request import Request
    from .resolver import ProxyEventType
    from .router import (
        ALBRouter,
        APIGatewayHttpRouter,
        APIGatewayRouter,
        LambdaFunctionUrlRouter,
        Router,
        VPCLatticeRouter,
        VPCLatticeV2Router,
    )

# PERF: loaded on first use, so that apps which use none of them do not pay for them at cold start.
_LAZY = {
    "content_types": "content_types",  # the module itself
    # the resolvers named after their integration: apigw.resolver finds them in their integration's module
    "APIGatewayRestResolver": "resolver",
    "APIGatewayHttpResolver": "resolver",
    "LambdaFunctionUrlResolver": "resolver",
    "ALBResolver": "resolver",
    "VPCLatticeResolver": "resolver",
    "VPCLatticeV2Resolver": "resolver",
    "ServiceError": "exceptions",
    "BadRequestError": "exceptions",
    "MethodNotAllowedError": "exceptions",
    "NotFoundError": "exceptions",
    "ForbiddenError": "exceptions",
    "InternalServerError": "exceptions",
    "RequestEntityTooLargeError": "exceptions",
    "RequestTimeoutError": "exceptions",
    "ServiceUnavailableError": "exceptions",
    "TooManyRequestsError": "exceptions",
    "UnauthorizedError": "exceptions",
    "AnyIntegrationResolver": "any_integration",
    "ResponseBuilder": "resolver",
    "Request": "request",
    "Depends": "depends",
    "DependencyResolutionError": "depends",
    "HttpResolver": "http_resolver",
    "HttpResolverLocal": "http_resolver",
    "BaseMiddlewareHandler": "middlewares",
    "NextMiddleware": "middlewares",
    "ProxyEventType": "resolver",
    "Cookie": "cookies",
    "SameSite": "cookies",
    "Router": "router",
    "ALBRouter": "router",
    "APIGatewayHttpRouter": "router",
    "APIGatewayRouter": "router",
    "LambdaFunctionUrlRouter": "router",
    "VPCLatticeRouter": "router",
    "VPCLatticeV2Router": "router",
}


def __getattr__(name: str) -> object:
    return _shared.load_lazily(globals(), _LAZY, name, __name__)


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
    "DependencyResolutionError",
    "Depends",
    "ForbiddenError",
    "HttpResolver",
    "HttpResolverLocal",
    "IMPLEMENTATION",
    "InternalServerError",
    "LambdaFunctionUrlResolver",
    "MethodNotAllowedError",
    "NextMiddleware",
    "NotFoundError",
    "ProxyEventType",
    "Request",
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

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
from .exceptions import (
    BadRequestError,
    InternalServerError,
    NotFoundError,
    ServiceError,
    UnauthorizedError,
)
from .resolver import (
    ALBResolver,
    APIGatewayHttpResolver,
    APIGatewayRestResolver,
    ApiGatewayResolver,
    LambdaFunctionUrlResolver,
    ProxyEventType,
)
from .response import CORSConfig, Response

__version__ = "0.1.0"

__all__ = [
    "ALBResolver",
    "APIGatewayHttpResolver",
    "APIGatewayRestResolver",
    "ApiGatewayResolver",
    "BadRequestError",
    "CORSConfig",
    "IMPLEMENTATION",
    "InternalServerError",
    "LambdaFunctionUrlResolver",
    "NotFoundError",
    "ProxyEventType",
    "Response",
    "ServiceError",
    "UnauthorizedError",
    "content_types",
]

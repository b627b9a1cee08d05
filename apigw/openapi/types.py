"""Shapes of the OpenAPI document shared by the schema builder and route keywords (``responses=``)."""

from __future__ import annotations

import types
from typing import Any, Dict, TypedDict, Union

try:
    from typing import NotRequired
except ImportError:  # Python 3.10
    from typing_extensions import NotRequired

UnionType = types.UnionType  # COMPAT: Powertools names it here (Python 3.10+ has it in types)

COMPONENT_REF_PREFIX = "#/components/schemas/"
COMPONENT_REF_TEMPLATE = "#/components/schemas/{model}"
#: methods whose operations document a request body
METHODS_WITH_BODY = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"}

# The 422 answer's schema. NOTE: its items list "msg" as required although the answer leaves messages out; kept as
# Powertools documents it, so that generated clients are the same.
validation_error_definition: Dict[str, Any] = {
    "title": "ValidationError",
    "type": "object",
    "properties": {
        "loc": {
            "title": "Location",
            "type": "array",
            "items": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
        },
        "type": {"title": "Error Type", "type": "string"},
    },
    "required": ["loc", "msg", "type"],
}

validation_error_response_definition: Dict[str, Any] = {
    "title": "HTTPValidationError",
    "type": "object",
    "properties": {
        "detail": {"title": "Detail", "type": "array", "items": {"$ref": f"{COMPONENT_REF_PREFIX}ValidationError"}},
    },
}

response_validation_error_response_definition: Dict[str, Any] = {
    "title": "ResponseValidationError",
    "type": "object",
    "properties": {
        "detail": {"title": "Detail", "type": "array", "items": {"$ref": f"{COMPONENT_REF_PREFIX}ValidationError"}},
    },
}


class OpenAPIResponseHeader(TypedDict, total=False):
    """A response header in ``responses={...}``."""

    description: NotRequired[str]
    schema: NotRequired[Dict[str, Any]]
    examples: NotRequired[Dict[str, Any]]
    style: NotRequired[str]
    explode: NotRequired[bool]
    allowReserved: NotRequired[bool]
    deprecated: NotRequired[bool]


class OpenAPIResponseContentSchema(TypedDict, total=False):
    """Response content given as a JSON schema."""

    schema: Dict[str, Any]
    examples: NotRequired[Dict[str, Any]]
    encoding: NotRequired[Dict[str, Any]]


class OpenAPIResponseContentModel(TypedDict, total=False):
    """Response content given as a model (a pydantic model, dataclass, ...): its schema is generated."""

    model: Any
    examples: NotRequired[Dict[str, Any]]
    encoding: NotRequired[Dict[str, Any]]


class OpenAPIResponse(TypedDict, total=False):
    """One entry of a route's ``responses={status: {...}}``."""

    description: str
    headers: NotRequired[Dict[str, OpenAPIResponseHeader]]
    content: NotRequired[Dict[str, Union[OpenAPIResponseContentSchema, OpenAPIResponseContentModel]]]
    links: NotRequired[Dict[str, Any]]

"""The OpenAPI 3.1 document of an app, built from its routes' fields (``_fields``) on request, as Powertools 3
builds it: one operation per route, parameters and request body from the handler's signature, responses from its
return annotation and ``responses=``, JSON schemas of models under ``components/schemas``.
"""

from __future__ import annotations

import copy
import warnings
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Set, Tuple

from pydantic.json_schema import GenerateJsonSchema

from .._injection import read_signature, route_where
from ._fields import BODY, ParamField, RouteFields
from ._validation import ValidatedCall, route_fields
from .constants import (
    DEFAULT_API_VERSION,
    DEFAULT_CONTENT_TYPE,
    DEFAULT_OPENAPI_RESPONSE_DESCRIPTION,
    DEFAULT_OPENAPI_TITLE,
    DEFAULT_OPENAPI_VERSION,
)
from .exceptions import SchemaValidationError
from .models import OpenAPI, PathItem, Server, Tag
from .types import (
    COMPONENT_REF_PREFIX,
    COMPONENT_REF_TEMPLATE,
    METHODS_WITH_BODY,
    response_validation_error_response_definition,
    validation_error_definition,
    validation_error_response_definition,
)

if TYPE_CHECKING:
    from ..resolver import ApiGatewayResolver, Route

FieldMapping = Dict[Tuple[ParamField, str], Dict[str, Any]]
_SECURITY_HELP = (
    "Security configuration was not found in security_schemas or security_schema was not defined. "
    "Declare every scheme a route's or the app's security names in security_schemes."
)
_DOCUMENT_KEYS = (
    "summary",
    "description",
    "tags",
    "servers",
    "terms_of_service",
    "contact",
    "license_info",
    "security_schemes",
    "security",
    "external_documentation",
    "openapi_extensions",
)


def fields_of(app: ApiGatewayResolver, route: Route) -> RouteFields:
    """The route's fields: those of its validation plan, else read from its handler now (kept per app)."""
    if isinstance(route.invoke, ValidatedCall):
        return route.invoke.fields
    cache: Dict[int, Tuple[Route, RouteFields]] = app.__dict__.setdefault("_openapi_route_fields", {})
    hit = cache.get(id(route))
    if hit is not None and hit[0] is route:
        return hit[1]
    from .. import _shared

    where = route_where(route)
    fields = route_fields(route, read_signature(route.func, where), _shared.keyword_names(route.rule), where)
    cache[id(route)] = (route, fields)
    return fields


def settings(app: ApiGatewayResolver, given: Dict[str, Any]) -> Dict[str, Any]:
    """The document settings: each argument given, else the app's ``configure_openapi`` value (as Powertools)."""
    config = app.openapi_config
    merged = dict(given)
    if config is None:
        return merged
    if merged["title"] == DEFAULT_OPENAPI_TITLE and config.title:
        merged["title"] = config.title
    if merged["version"] == DEFAULT_API_VERSION and config.version:
        merged["version"] = config.version
    if merged["openapi_version"] == DEFAULT_OPENAPI_VERSION and config.openapi_version:
        merged["openapi_version"] = config.openapi_version
    for key in _DOCUMENT_KEYS:
        merged[key] = merged.get(key) or getattr(config, key)
    return merged


def security_defined(security: List[Dict[str, List[str]]], schemes: Optional[Dict[str, Any]]) -> bool:
    return bool(schemes) and all(name in schemes for requirement in security for name in requirement)  # type: ignore[operator]


def build_openapi(app: ApiGatewayResolver, **given: Any) -> OpenAPI:
    """The app's OpenAPI document (see ``ApiGatewayResolver.get_openapi_schema``)."""
    options = settings(app, given)
    openapi_version = options["openapi_version"]
    if not str(openapi_version).startswith("3.1"):
        # COMPAT: Powertools' warning text (pydantic v2 writes JSON Schema 2020-12, which is what OpenAPI 3.1 uses).
        warnings.warn(
            "You are using Pydantic v2, which is incompatible with OpenAPI schema 3.0. Forcing OpenAPI 3.1",
            stacklevel=3,
        )
        openapi_version = "3.1.0"
    info: Dict[str, Any] = {"title": options["title"], "version": options["version"]}
    optional_info = {
        "summary": options.get("summary"),
        "description": options.get("description"),
        "termsOfService": options.get("terms_of_service"),
        "contact": options.get("contact"),
        "license": options.get("license_info"),
    }
    info.update({key: value for key, value in optional_info.items() if value})
    extensions = options.get("openapi_extensions")
    if not isinstance(extensions, dict):
        extensions = {}
    schemes = options.get("security_schemes")
    security = options.get("security")
    if security and not security_defined(security, schemes):
        raise SchemaValidationError(_SECURITY_HELP)
    output: Dict[str, Any] = {
        "openapi": openapi_version,
        "info": info,
        "servers": options.get("servers") or [Server(url="/")],
        "security": security or None,
        **extensions,
    }
    if options.get("external_documentation"):
        output["externalDocs"] = options["external_documentation"]

    # COMPAT: routes with parameters first, then literal ones (Powertools' order of paths).
    routes = sorted(app._routes, key=lambda route: 0 if ("<" in route.rule or "(" in route.rule) else 1)
    per_route = [(route, fields_of(app, route)) for route in routes]
    all_fields: List[ParamField] = []
    for _, fields in per_route:
        if fields.return_field is not None:
            all_fields.append(fields.return_field)
        all_fields.extend(fields.response_models)
    for _, fields in per_route:
        all_fields.extend(fields.params)
    for _, fields in per_route:
        if fields.body_field is not None:
            all_fields.append(fields.body_field)
    generator = GenerateJsonSchema(ref_template=COMPONENT_REF_TEMPLATE)
    inputs = [(field, field.mode, field.adapter.core_schema) for field in all_fields]
    field_mapping, generated = generator.generate_definitions(inputs=inputs)  # type: ignore[arg-type]
    definitions: Dict[str, Any] = {str(name): schema for name, schema in generated.items()}

    paths: Dict[str, Dict[str, Any]] = {}
    operation_ids: Set[str] = set()
    app_code = app._response_validation_error_http_code
    for route, fields in per_route:
        route_security = route.openapi.get("security")
        if route_security and not security_defined(route_security, schemes):
            raise SchemaValidationError(_SECURITY_HELP)
        if not route.openapi.get("include_in_schema", True):
            continue
        operation, route_definitions = _operation(app, route, fields, field_mapping, operation_ids)  # type: ignore[arg-type]
        if app_code is not None and "ResponseValidationError" not in route_definitions:
            operation["responses"][int(app_code)] = _error_response(
                "Response Validation Error", "ResponseValidationError"
            )
        paths.setdefault(route.openapi_path, {})[route.method.lower()] = operation
        definitions.update(route_definitions)

    components: Dict[str, Any] = {}
    if definitions:
        schemas = {name: definitions[name] for name in sorted(definitions)}
        # COMPAT: Powertools always declares it (its default response validation code is set even when unused).
        schemas.setdefault("ResponseValidationError", response_validation_error_response_definition)
        components["schemas"] = schemas
    if schemes:
        components["securitySchemes"] = schemes
    if components:
        output["components"] = components
    tags = options.get("tags")
    if tags:
        output["tags"] = [Tag(name=tag) if isinstance(tag, str) else tag for tag in tags]
    output["paths"] = {path: PathItem(**operations) for path, operations in paths.items()}
    return OpenAPI(**output)


def _error_response(description: str, schema_name: str) -> Dict[str, Any]:
    return {
        "description": description,
        "content": {DEFAULT_CONTENT_TYPE: {"schema": {"$ref": f"{COMPONENT_REF_PREFIX}{schema_name}"}}},
    }


def _schema_of(field: ParamField, field_mapping: FieldMapping) -> Dict[str, Any]:
    schema = field_mapping[(field, field.mode)]
    if "$ref" not in schema:
        schema["title"] = field.field_info.title or field.alias.title().replace("_", " ")
    return schema


def _operation(
    app: ApiGatewayResolver,
    route: Route,
    fields: RouteFields,
    field_mapping: FieldMapping,
    operation_ids: Set[str],
) -> Tuple[Dict[str, Any], Dict[str, Any]]:
    options = route.openapi
    path = route.openapi_path
    operation_id = fields.operation_id
    if operation_id in operation_ids:
        where = getattr(route.func, "__globals__", {}).get("__file__")
        name = getattr(route.func, "__name__", repr(route.func))
        warnings.warn(
            f"Duplicate Operation ID {operation_id} for function {name}" + (f" in {where}" if where else ""),
            stacklevel=4,
        )
    operation_ids.add(operation_id)
    operation: Dict[str, Any] = {
        "summary": options.get("summary") or f"{route.method.upper()} {path}",
        "operationId": operation_id,
        "deprecated": options.get("deprecated") or None,
    }
    if options.get("tags"):
        operation["tags"] = options["tags"]
    if options.get("description"):
        operation["description"] = options["description"]
    if options.get("security"):
        operation["security"] = options["security"]
    if options.get("openapi_extensions"):
        operation.update(options["openapi_extensions"])

    parameters = _parameters(fields, field_mapping)
    if parameters:
        operation["parameters"] = parameters
    if route.method.upper() in METHODS_WITH_BODY and fields.body_field is not None:
        operation["requestBody"] = _request_body(fields.body_field, field_mapping)

    definitions: Dict[str, Any] = {}
    responses: Dict[int, Any] = {}
    if app._enable_validation:
        responses[422] = _error_response("Validation Error", "HTTPValidationError")
    custom_code = options.get("custom_response_validation_http_code")
    if custom_code:
        responses[int(custom_code)] = _error_response("Response Validation Error", "ResponseValidationError")
        definitions["ResponseValidationError"] = response_validation_error_response_definition
    declared = options.get("responses")
    if declared:
        for code, response in declared.items():
            responses[code] = _declared_response(copy.deepcopy(response), fields, field_mapping)
    else:
        responses[route.status_code] = {
            "description": options.get("response_description") or DEFAULT_OPENAPI_RESPONSE_DESCRIPTION,
            "content": {DEFAULT_CONTENT_TYPE: _return_content(fields.return_field, field_mapping)},
        }
    operation["responses"] = responses
    if "ValidationError" not in definitions:
        definitions["ValidationError"] = validation_error_definition
        definitions["HTTPValidationError"] = validation_error_response_definition
    return operation, definitions


def _parameters(fields: RouteFields, field_mapping: FieldMapping) -> List[Dict[str, Any]]:
    found: List[Dict[str, Any]] = []
    for field in fields.params:
        info = field.field_info
        if not getattr(info, "include_in_schema", True):
            continue
        location = field.location.value
        if field.model_lookup is not None:  # a Query/Header model: one parameter per model field
            model: Any = field.annotation
            for name, model_field in model.model_fields.items():
                entry: Dict[str, Any] = {
                    "name": model_field.alias or name,
                    "in": location,
                    "required": model_field.is_required(),
                    "schema": _basic_schema(model_field.annotation),
                }
                if model_field.description:
                    entry["description"] = model_field.description
                found.append(entry)
            continue
        entry = {
            "name": field.alias,
            "in": location,
            "required": field.required,
            "schema": _schema_of(field, field_mapping),
        }
        if info.description:
            entry["description"] = info.description
        if getattr(info, "openapi_examples", None):
            entry["examples"] = info.openapi_examples  # type: ignore[attr-defined]
        if getattr(info, "deprecated", None):
            entry["deprecated"] = info.deprecated
        found.append(entry)
    # A Content-Type header parameter is not allowed by OpenAPI (the request body says it).
    found = [one for one in found if not (one["in"] == "header" and one["name"].lower() == "content-type")]
    # One parameter per (in, name); a required one wins.
    unique = {(one["in"], one["name"]): one for one in found}
    unique.update({(one["in"], one["name"]): one for one in found if one.get("required")})
    return list(unique.values())


def _basic_schema(annotation: Any) -> Dict[str, str]:
    for base, name in ((bool, "boolean"), (int, "integer"), (float, "number")):
        try:
            if issubclass(annotation, base):
                return {"type": name}
        except TypeError:
            break
    return {"type": "string"}


def _request_body(field: ParamField, field_mapping: FieldMapping) -> Dict[str, Any]:
    info = field.field_info
    body: Dict[str, Any] = {}
    if field.required:
        body["required"] = True
    if info.description:
        body["description"] = info.description
    content: Dict[str, Any] = {"schema": _schema_of(field, field_mapping)}
    if getattr(info, "openapi_examples", None):
        content["examples"] = info.openapi_examples  # type: ignore[attr-defined]
    body["content"] = {getattr(info, "media_type", DEFAULT_CONTENT_TYPE): content}
    return body


def _return_content(field: Optional[ParamField], field_mapping: FieldMapping) -> Dict[str, Any]:
    return {} if field is None else {"schema": _schema_of(field, field_mapping)}


def _declared_response(response: Dict[str, Any], fields: RouteFields, field_mapping: FieldMapping) -> Dict[str, Any]:
    if "content" not in response:
        response["content"] = {DEFAULT_CONTENT_TYPE: _return_content(fields.return_field, field_mapping)}
        return response
    for content_type, payload in response["content"].items():
        if "model" not in payload:
            continue
        model_field = next((one for one in fields.response_models if one.annotation == payload["model"]), None)
        if model_field is None:
            raise AssertionError("Model declared in custom responses was not found")
        resolved = {key: value for key, value in payload.items() if key != "model"}
        resolved.update(_return_content(model_field, field_mapping))
        response["content"][content_type] = resolved
    return response


__all__ = ["BODY", "build_openapi", "fields_of"]

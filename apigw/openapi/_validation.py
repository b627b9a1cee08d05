"""Request and response validation: the call plan of a validated route (``Route.invoke``).

Built once per route when it is registered (``validated_plan``): the handler's fields (``_fields.analyse``), their
pydantic validators, its dependencies. Per request it only reads each declared value from the event, validates it,
calls the handler, then validates and serializes the result against the return annotation.

Order, as in Powertools 3.37: request validation runs before the app's and the route's middlewares (a request
that fails it never reaches them: ``first_middleware`` is put at the head of the chain), response validation
right after the handler, inside them (so a middleware's own early response is not validated). Without
middlewares the plan does both around the handler.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Optional, Tuple
from urllib.parse import parse_qs, unquote

from pydantic import ValidationError

from .._injection import Signature, dependency_tree, inject, route_where
from ._fields import ParamField, RouteFields, analyse
from .exceptions import RequestUnsupportedContentType, RequestValidationError, ResponseValidationError
from .params import UploadFile

if TYPE_CHECKING:
    from ..events import BaseProxyEvent
    from ..resolver import ApiGatewayResolver, Route
    from ..response import Response

_MISSING: Any = object()
_NONE_TYPES = (None, type(None))


class ValidatedArgs(dict):  # type: ignore[type-arg]
    """The handler's arguments once request validation (in the middleware chain) has produced them."""


def validated_plan(
    app: ApiGatewayResolver, route: Route, signature: Signature, placeholders: Tuple[str, ...]
) -> ValidatedCall:
    """The plan of a route with validation on (pydantic validators built here, once)."""
    where = route_where(route)
    fields = route_fields(route, signature, placeholders, where)
    for field in (*fields.params, *fields.body):
        try:
            field.adapter  # noqa: B018 - build the validator now
        except Exception as exc:
            raise TypeError(f"{where}: parameter {field.name!r} cannot be validated: {exc}") from exc
    dependencies = dependency_tree(signature.params, where)
    return ValidatedCall(app, route, fields, signature, dependencies)


def route_fields(route: Route, signature: Signature, placeholders: Tuple[str, ...], where: str) -> RouteFields:
    return analyse(
        route.func,
        signature,
        placeholders,
        route.openapi_path,
        route.method,
        route.openapi.get("operation_id"),
        route.openapi.get("responses"),
        where,
    )


def missing_error(loc: Tuple[Any, ...]) -> Dict[str, Any]:
    """pydantic's "Field required" error at ``loc`` (with ``input`` None, as Powertools reports it)."""
    error = ValidationError.from_exception_data("Field required", [{"type": "missing", "loc": loc, "input": {}}])
    found: Dict[str, Any] = dict(error.errors()[0])
    found["input"] = None
    return found


class RequestValidation:
    """The head of a validated route's middleware chain: validates the request before any user middleware and
    hands the validated arguments down (``app.context["_route_args"]``, as Powertools does)."""

    __slots__ = ("plan",)
    __name__ = "OpenAPIRequestValidationMiddleware"

    def __init__(self, plan: ValidatedCall) -> None:
        self.plan = plan

    def __call__(self, app: ApiGatewayResolver, next_middleware: Callable[[Any], Any]) -> Any:
        context = app.context
        context["_route_args"] = ValidatedArgs(self.plan.read_request(app, context.get("_route_args") or {}))
        return next_middleware(app)


class AsyncRequestValidation(RequestValidation):
    """``RequestValidation`` as an ``async`` link of ``resolve_async``'s chain (no worker thread for it)."""

    __slots__ = ()

    async def __call__(self, app: ApiGatewayResolver, next_middleware: Callable[[Any], Any]) -> Any:  # type: ignore[override]
        context = app.context
        context["_route_args"] = ValidatedArgs(self.plan.read_request(app, context.get("_route_args") or {}))
        return await next_middleware(app)


class ValidatedCall:
    """``plan(app, params)``: validate the request (unless the chain did), call the handler, validate the result."""

    __slots__ = (
        "fields",
        "func",
        "route",
        "request_param",
        "dependencies",
        "is_async",
        "status_code",
        "custom_code",
        "app_code",
        "custom_serializer",
        "decode_query",
        "first_middleware",
        "async_first_middleware",
        "_path",
        "_query",
        "_header",
        "_cookie",
        "_body",
        "_body_embedded",
        "_return",
    )

    def __init__(
        self,
        app: ApiGatewayResolver,
        route: Route,
        fields: RouteFields,
        signature: Signature,
        dependencies: Tuple[Any, ...],
    ) -> None:
        self.fields = fields
        self.func = route.func
        self.route = route
        self.request_param = signature.request_param
        self.dependencies = dependencies
        self.is_async = signature.is_async
        self.status_code = route.status_code
        self.custom_code = route.openapi.get("custom_response_validation_http_code")
        self.app_code = app._response_validation_error_http_code
        serializer = app._serializer
        # COMPAT: a serializer the app was given also serializes what jsonable_encoder cannot (Powertools).
        self.custom_serializer = None if getattr(serializer, "__module__", "").startswith("apigw.") else serializer
        #: ALBResolver(decode_query_parameters=True): ALB passes query names and values as the client sent them
        self.decode_query = bool(getattr(app, "decode_query_parameters", False))
        self.first_middleware = RequestValidation(self)
        self.async_first_middleware = AsyncRequestValidation(self)
        self._path = tuple(fields.path)
        self._query = tuple(fields.query)
        self._header = tuple(fields.header)
        self._cookie = tuple(fields.cookie)
        self._body = tuple(fields.body)
        self._body_embedded = fields.body_embedded
        self._return = fields.return_field

    # -- the call ---------------------------------------------------------------------------------------------

    def __call__(self, app: ApiGatewayResolver, params: Dict[str, Any]) -> Any:
        if type(params) is ValidatedArgs:
            values = dict(params)
        else:
            values = self.read_request(app, params)
        result = self.func(**inject(values, app, self.request_param, self.dependencies))
        if self.is_async:
            return self._finish_later(app, result)
        return self.finish(app, result)

    async def _finish_later(self, app: ApiGatewayResolver, coroutine: Any) -> Response:
        return self.finish(app, await coroutine)

    # -- request ------------------------------------------------------------------------------------------------

    def read_request(self, app: ApiGatewayResolver, params: Dict[str, Any]) -> Dict[str, Any]:
        """The handler's validated arguments, or ``RequestValidationError`` listing every problem."""
        view: BaseProxyEvent = app._request_state.get()[0]  # type: ignore[index]
        values: Dict[str, Any] = {}
        errors: List[Dict[str, Any]] = []
        for field in self._path:
            _take(field, params.get(field.alias, _MISSING), ("path", field.alias), values, errors)
        if self._query:
            query = _Query(view, self.decode_query)
            for field in self._query:
                value = (
                    query.model(field) if field.model_lookup is not None else query.get(field.alias, field.is_sequence)
                )
                _take(field, value, ("query", field.alias), values, errors)
        if self._header:
            headers = _Headers(view)
            for field in self._header:
                value = (
                    headers.model(field)
                    if field.model_lookup is not None
                    else headers.get(field.alias, field.is_sequence)
                )
                _take(field, value, ("header", field.alias), values, errors)
        if self._cookie:
            cookies = _cookies(view)
            for field in self._cookie:
                _take(field, cookies.get(field.alias, _MISSING), ("cookie", field.alias), values, errors)
        if self._body:
            self._read_body(view, values, errors)
        if errors:
            raise RequestValidationError(errors)
        return values

    def _read_body(self, view: BaseProxyEvent, values: Dict[str, Any], errors: List[Dict[str, Any]]) -> None:
        received = _body_of(view)
        embedded = self._body_embedded
        for field in self._body:
            if not embedded:
                value = received
            elif isinstance(received, dict):
                value = received.get(field.alias)
            else:  # no body, or a JSON array or scalar where an object with members was expected
                value = None
            _take(field, value, ("body", field.alias) if embedded else ("body",), values, errors, body=True)

    # -- response -----------------------------------------------------------------------------------------------

    def finish(self, app: ApiGatewayResolver, result: Any) -> Response:
        """The handler's result as a ``Response`` whose body is validated and serialized JSON data."""
        response = app._to_response(result, self.status_code)
        field = self._return
        if field is None:
            if response.is_json():
                from .encoders import jsonable_encoder  # PERF: only routes without a return annotation need it

                response.body = jsonable_encoder(response.body, custom_serializer=self.custom_serializer)
            return response
        body = response.body
        # An empty body stands for None (ALB blanks None bodies) when the annotation says None.
        content = None if body == "" and field.annotation in _NONE_TYPES else body
        value, errors = field.validate(content, ("response",))
        if errors:
            if self.custom_code is not None:
                raise ResponseValidationError(errors, body=content, source="route")
            if self.app_code is not None:
                raise ResponseValidationError(errors, body=content, source="app")
            raise RequestValidationError(errors, body=content)
        response.body = field.adapter.serializer.to_python(value, mode="json", by_alias=True)
        return response


def _take(
    field: ParamField,
    value: Any,
    loc: Tuple[Any, ...],
    values: Dict[str, Any],
    errors: List[Dict[str, Any]],
    body: bool = False,
) -> None:
    """Validate one request value into ``values``, or record why not. ``body``: a body or form member, taken as
    its field wants it first (``_one_or_many``); an uploaded file is handed over as it is (COMPAT: Powertools)."""
    if value is _MISSING or value is None:
        if field.required:
            errors.append(missing_error(loc))
        else:
            values[field.name] = field.get_default()
        return
    if body:
        value = _one_or_many(value, field)
        if isinstance(value, UploadFile):
            values[field.name] = value
            return
    validated, problems = field.validate(value, loc)
    if problems:
        errors.extend(problems)
    else:
        values[field.name] = validated


def _one_or_many(value: Any, field: ParamField) -> Any:
    """A form value as the field takes it: the list for list fields, else the first value."""
    if isinstance(value, UploadFile) and field.annotation is bytes:
        return value.content
    if field.is_sequence:
        return value
    if isinstance(value, list) and value:
        first = value[0]
        return first.content if isinstance(first, UploadFile) and field.annotation is bytes else first
    return value


# -- reading the event --------------------------------------------------------------------------------------------


class _Query:
    """The query string of one request, read the way Powertools validates it: a repeated parameter is a list
    (HTTP API joins repeats with ``,`` and its ``rawQueryString`` tells a repeat from a value holding a comma; VPC
    Lattice v2 sends lists, joined by the view)."""

    __slots__ = ("single", "multi", "raw", "lists", "decoded", "_repeated")

    def __init__(self, view: BaseProxyEvent, decode: bool) -> None:
        data = view.raw_event
        self.single = view.query_string_parameters or None  # every integration's single-value form
        self.multi = data.get("multiValueQueryStringParameters") or None  # REST and ALB: native repeats
        self.raw = data.get("rawQueryString") or ""
        self.lists = data.get("queryStringParameters")  # as sent: VPC Lattice v2 gives repeats as lists
        # PERF: which names are repeated is worked out on first need only (a comma in a single-value parameter).
        self._repeated: Optional[set] = None  # type: ignore[type-arg]
        self.decoded = _decoded(self.lists, self.multi) if decode else None

    def get(self, name: str, sequence: bool) -> Any:
        if self.decoded is not None:
            found = self.decoded.get(name)
            if found is None:
                return _MISSING
            value, native = found
            if native or sequence:
                return _values(value if native else value.split(","), sequence)
            return value
        multi = self.multi
        if multi:
            values = multi.get(name)
            if values is not None:
                return _values(values, sequence)
        single = self.single
        if single:
            value = single.get(name)
            if value is not None:
                if not isinstance(value, str):
                    return _values(value, sequence)
                if sequence:
                    return value.split(",")
                if "," in value and name in self.repeated():
                    return value.split(",")  # a repeated parameter given to a single-value field: refused
                return value
        return _MISSING

    def repeated(self) -> set:  # type: ignore[type-arg]
        """Names the client sent more than once (from ``rawQueryString``, or VPC Lattice v2's lists)."""
        repeated = self._repeated
        if repeated is None:
            counts = parse_qs(self.raw, keep_blank_values=True) if self.raw else {}
            repeated = {name for name, values in counts.items() if len(values) > 1}
            lists = self.lists
            if isinstance(lists, dict):
                repeated.update(name for name, value in lists.items() if isinstance(value, list) and len(value) > 1)
            self._repeated = repeated
        return repeated

    def model(self, field: ParamField) -> Dict[str, Any]:
        return _model_data(self.get, field)


class _Headers:
    """The request headers as validation reads them: any letter case; a repeated header is a list."""

    __slots__ = ("view", "split_joined")

    def __init__(self, view: BaseProxyEvent) -> None:
        self.view = view.headers
        # Without multiValueHeaders (HTTP API, ALB single-value) repeated headers arrive joined with ",".
        self.split_joined = not view.raw_event.get("multiValueHeaders")

    def get(self, name: str, sequence: bool) -> Any:
        values = self.view.get_all(name)
        if not values:
            return _MISSING
        if sequence:
            if len(values) == 1 and self.split_joined:
                return values[0].split(",")
            return values
        return values[0] if len(values) == 1 else values

    def model(self, field: ParamField) -> Dict[str, Any]:
        return _model_data(self.get, field)


def _model_data(get: Callable[[str, bool], Any], field: ParamField) -> Dict[str, Any]:
    """The input of a Query/Header model: each of its fields read by alias (or by name, when the model allows)."""
    data: Dict[str, Any] = {}
    for alias, name, sequence in field.model_lookup or ():
        value = get(alias, sequence)
        if value is _MISSING and name is not None:
            value = get(name, sequence)
        if value is _MISSING:
            continue
        if not sequence and isinstance(value, list) and value:
            value = value[0]  # COMPAT: a repeated value for a single-value model field: the first (Powertools)
        data[alias] = value
    return data


def _values(values: Any, sequence: bool) -> Any:
    if not isinstance(values, list):
        values = [values]
    if sequence:
        return values
    return values[0] if len(values) == 1 else values


def _decoded(single: Any, multi: Any) -> Dict[str, Tuple[Any, bool]]:
    """URL-decoded query parameters: ``{name: (value or values, from the multi-value field)}``. COMPAT: as
    Powertools merges them: multi-value entries replace single ones of the same raw name, and when two raw names
    decode to the same name, the later one wins."""
    single, multi = single or {}, multi or {}
    decoded: Dict[str, Tuple[Any, bool]] = {}
    for name in {**single, **multi}:
        if name in multi:
            values = multi[name] if isinstance(multi[name], list) else [multi[name]]
            decoded[unquote(name)] = ([unquote(one) if isinstance(one, str) else one for one in values], True)
        else:
            value = single[name]
            decoded[unquote(name)] = (unquote(value) if isinstance(value, str) else value, False)
    return decoded


def _cookies(view: BaseProxyEvent) -> Dict[str, str]:
    cookies = {}
    for item in view.cookies:
        name, equals, value = item.partition("=")
        if equals:
            cookies[name.strip()] = value.strip()
    return cookies


def _body_of(view: BaseProxyEvent) -> Any:
    """The request body parsed by its content type: JSON (also without a content type), URL-encoded form or
    multipart; any other content type is a ``RequestUnsupportedContentType`` (415)."""
    content_type = (view.headers.get("content-type") or "").strip()
    lowered = content_type.lower()
    if not content_type or lowered.startswith("application/json"):
        import json

        try:
            return view.json_body
        except json.JSONDecodeError as exc:
            raise RequestValidationError(
                [
                    {
                        "type": "json_invalid",
                        "loc": ("body", exc.pos),
                        "msg": "JSON decode error",
                        "input": {},
                        "ctx": {"error": exc.msg},
                    }
                ],
                body=exc.doc,
            ) from exc
    if lowered.startswith("application/x-www-form-urlencoded"):
        return parse_qs(view.decoded_body or "", keep_blank_values=True)
    if lowered.startswith("multipart/form-data"):
        return _multipart(view, content_type)
    raise RequestUnsupportedContentType(
        "Unsupported content type",
        errors=[
            {
                "type": "unsupported_content_type",
                "loc": ("body",),
                "msg": f"Unsupported content type: {content_type}",
                "input": {},
                "ctx": {},
            }
        ],
    )


def _multipart_error(reason: str) -> RequestValidationError:
    return RequestValidationError(
        [
            {
                "type": "multipart_invalid",
                "loc": ("body",),
                "msg": "Multipart form data parsing error",
                "input": {},
                "ctx": {"error": reason},
            }
        ]
    )


def _multipart(view: BaseProxyEvent, content_type: str) -> Dict[str, Any]:
    boundary = _header_param(content_type, "boundary")
    if not boundary:
        raise _multipart_error("Missing boundary in multipart/form-data content-type header")
    if not view.is_base64_encoded and view.body:
        warnings.warn(
            "Received multipart/form-data without base64 encoding: binary file parts may be corrupted. API Gateway "
            "REST APIs need 'multipart/form-data' among their binary media types.",
            stacklevel=2,
        )
    try:
        body = view.body_bytes or b""
    except ValueError as exc:  # InvalidBase64BodyError: answered as the malformed form it is
        raise _multipart_error(str(exc)) from exc
    try:
        return parse_multipart(body, boundary)
    except ValueError as exc:
        raise _multipart_error(str(exc)) from exc


def parse_multipart(body: bytes, boundary: str) -> Dict[str, Any]:
    """``multipart/form-data`` (RFC 7578) as ``{name: str | UploadFile | [several]}``: text fields decoded as UTF-8,
    parts with a ``filename`` as ``UploadFile`` with their bytes untouched. ``ValueError`` when malformed."""
    delimiter = b"--" + boundary.encode("latin-1")
    result: Dict[str, Any] = {}
    chunks = body.split(delimiter)
    for chunk in chunks[1:]:  # chunks[0] is the preamble
        if chunk.startswith(b"--"):  # the closing delimiter: the rest is the epilogue
            break
        if chunk.startswith(b"\r\n"):
            chunk = chunk[2:]
        elif chunk.startswith(b"\n"):
            chunk = chunk[1:]
        if chunk.endswith(b"\r\n"):
            chunk = chunk[:-2]
        elif chunk.endswith(b"\n"):
            chunk = chunk[:-1]
        if not chunk.strip():
            continue
        head_end = chunk.find(b"\r\n\r\n")
        skip = 4
        if head_end == -1:
            head_end, skip = chunk.find(b"\n\n"), 2
            if head_end == -1:
                raise ValueError("a part has no blank line between its headers and its content")
        headers = _part_headers(chunk[:head_end])
        content = chunk[head_end + skip :]
        disposition = headers.get("content-disposition", "")
        name = _header_param(disposition, "name")
        if name is None:
            continue  # not a form field
        filename = _header_param(disposition, "filename")
        if filename is not None:
            value: Any = UploadFile(content=content, filename=filename, content_type=headers.get("content-type"))
        else:
            try:
                value = content.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise ValueError(f"form field {name!r} is not UTF-8 text: {exc}") from None
        previous = result.get(name, _MISSING)
        if previous is _MISSING:
            result[name] = value
        elif isinstance(previous, list):
            previous.append(value)
        else:
            result[name] = [previous, value]
    return result


def _part_headers(block: bytes) -> Dict[str, str]:
    headers = {}
    for line in block.decode("utf-8", "replace").replace("\r\n", "\n").split("\n"):
        name, colon, value = line.partition(":")
        if colon:
            headers[name.strip().lower()] = value.strip()
    return headers


def _header_param(value: str, wanted: str) -> Optional[str]:
    """A parameter of a header value (``form-data; name="file"; filename="a;b.txt"``), quotes honoured; linear."""
    index, length = 0, len(value)
    # Skip the main value.
    while index < length and value[index] != ";":
        index += 1
    while index < length:
        index += 1  # the ";"
        start = index
        while index < length and value[index] not in "=;":
            index += 1
        key = value[start:index].strip().lower()
        if index >= length or value[index] == ";":
            continue
        index += 1  # the "="
        while index < length and value[index] == " ":
            index += 1
        if index < length and value[index] == '"':
            index += 1
            chars = []
            while index < length and value[index] != '"':
                if value[index] == "\\" and index + 1 < length:
                    index += 1
                chars.append(value[index])
                index += 1
            index += 1  # the closing quote
            found = "".join(chars)
            while index < length and value[index] != ";":
                index += 1
        else:
            start = index
            while index < length and value[index] != ";":
                index += 1
            found = value[start:index].strip()
        if key == wanted:
            return found
    return None


__all__ = ["RequestValidation", "ValidatedArgs", "ValidatedCall", "parse_multipart", "validated_plan"]

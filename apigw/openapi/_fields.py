"""A route's handler signature read as request fields (where each parameter comes from, how it validates) and a
response field: what request validation and the OpenAPI document are both built from. Built once per route.

A parameter is classified as Powertools 3 does it:

- a marker in ``Annotated[T, Marker()]`` (or ``Marker`` alone, or the parameter's default) decides; a second,
  plain pydantic ``Field(...)`` next to the marker adds its constraints;
- without a marker: named in the rule -> path; a scalar type -> query; anything else (model, dataclass, list,
  dict, union of those) -> body;
- ``Request`` and ``Depends()`` parameters are injected, not read from the request (see ``apigw._injection``).
"""

from __future__ import annotations

import collections
import collections.abc
import copy
import dataclasses
import inspect
import re
from typing import Annotated, Any, Callable, Dict, List, Optional, Sequence, Tuple, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError, create_model
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from .._injection import EMPTY, UNION_ORIGINS, HandlerParam, Signature
from ..response import Response
from .params import Body, File, Form, Header, Param, ParamTypes, Path, Query

_SEQUENCE_CLASSES = (list, tuple, set, frozenset, collections.deque, collections.abc.Sequence)
BODY = "body"


class ParamField:
    """One value read from the request (or the response body): where, under which name, validated how."""

    __slots__ = (
        "name",
        "alias",
        "location",
        "field_info",
        "annotation",
        "mode",
        "is_sequence",
        "model_lookup",
        "_adapter",
        "_validate",
    )

    def __init__(self, name: str, field_info: FieldInfo, location: Any, mode: str = "validation") -> None:
        self.name = name
        self.field_info = field_info
        self.location = location  # a ParamTypes member, or BODY
        self.annotation = field_info.annotation
        alias = field_info.alias if field_info.alias is not None else name
        # Header names match in any letter case: keep them lower-case (and so in the OpenAPI document).
        self.alias = alias.lower() if location is ParamTypes.header else alias
        self.mode = mode  # "validation" (request) or "serialization" (response), for the JSON schema
        self.is_sequence = contains_sequence(self.annotation)
        #: a Query/Header model: (lookup name, field name, is sequence) of each of its fields
        self.model_lookup: Optional[List[Tuple[str, Optional[str], bool]]] = None
        self._adapter: Optional[TypeAdapter[Any]] = None
        self._validate: Optional[Callable[..., Any]] = None

    @property
    def required(self) -> bool:
        return bool(self.field_info.is_required())

    @property
    def type_(self) -> Any:
        return self.annotation

    def get_default(self) -> Any:
        """The default value (a ``default_factory`` is called each time)."""
        return self.field_info.get_default(call_default_factory=True)

    @property
    def adapter(self) -> TypeAdapter[Any]:
        """The pydantic ``TypeAdapter`` of this field (built once)."""
        adapter = self._adapter
        if adapter is None:
            annotation = self.annotation
            if get_origin(annotation) is Annotated and getattr(self.field_info, "discriminator", None) is not None:
                adapter = TypeAdapter(annotation)  # type: ignore[arg-type]  # the discriminator is in its Field
            else:
                adapter = TypeAdapter(Annotated[annotation, self.field_info])  # type: ignore[arg-type]
            self._adapter = adapter
        return adapter

    def validate(self, value: Any, loc: Tuple[Any, ...]) -> Tuple[Any, Optional[List[Dict[str, Any]]]]:
        """``(validated value, None)`` or ``(None, errors located under loc)``."""
        check = self._validate
        if check is None:
            check = self._validate = self.adapter.validator.validate_python
        try:
            return check(value, from_attributes=True), None
        except ValidationError as exc:
            return None, [{**error, "loc": (*loc, *error["loc"])} for error in exc.errors()]

    def __repr__(self) -> str:
        where = self.location if isinstance(self.location, str) else self.location.value
        return f"ParamField({self.name!r} in {where} as {self.alias!r})"


class RouteFields:
    """Everything read from one handler's signature for validation and documentation."""

    __slots__ = (
        "path",
        "query",
        "header",
        "cookie",
        "body",
        "return_field",
        "response_models",
        "operation_id",
        "_body",
    )

    def __init__(self, operation_id: str) -> None:
        self.path: List[ParamField] = []
        self.query: List[ParamField] = []
        self.header: List[ParamField] = []
        self.cookie: List[ParamField] = []
        self.body: List[ParamField] = []
        self.return_field: Optional[ParamField] = None
        self.response_models: List[ParamField] = []
        self.operation_id = operation_id
        self._body: Any = False  # the combined body field, built on first use

    @property
    def params(self) -> List[ParamField]:
        return [*self.path, *self.query, *self.header, *self.cookie]

    @property
    def body_embedded(self) -> bool:
        """Whether body parameters are members of a JSON object body (else the one body parameter is the body)."""
        return len(self.body) > 1 or bool(self.body and getattr(self.body[0].field_info, "embed", False))

    @property
    def body_field(self) -> Optional[ParamField]:
        """The request body as one field: the single body parameter, or a model of the embedded ones."""
        if self._body is False:
            self._body = _combined_body(self)
        return self._body  # type: ignore[no-any-return]


def operation_id_of(func: Callable[..., Any], openapi_path: str, method: str) -> str:
    """Powertools' default ``operationId``: function name + path, non-word characters as ``_``, + method."""
    name = getattr(func, "__name__", type(func).__name__)
    return re.sub(r"\W", "_", name + openapi_path) + "_" + method.lower()


def analyse(
    func: Callable[..., Any],
    signature: Signature,
    placeholders: Sequence[str],
    openapi_path: str,
    method: str,
    operation_id: Optional[str],
    responses: Optional[Dict[int, Any]],
    where: str,
) -> RouteFields:
    """Read ``func``'s parameters and return annotation as fields (``TypeError`` naming the route on mistakes)."""
    fields = RouteFields(operation_id or operation_id_of(func, openapi_path, method))
    path_names = set(placeholders)
    for param in signature.params:
        if param.injected:
            continue
        try:
            field = _param_field(param, param.name in path_names)
        except (AssertionError, TypeError, ValueError) as exc:
            raise TypeError(f"{where}: parameter {param.name!r}: {exc}") from exc
        if field.location == BODY:
            fields.body.append(field)
        else:
            getattr(fields, field.location.value).append(field)
    if signature.return_annotation is not EMPTY:
        fields.return_field = _response_field(signature.return_annotation, where)
    for response in (responses or {}).values():
        for content in (response.get("content") or {}).values():
            if "model" in content:
                model_field = _response_field(content["model"], where, keep_response=True)
                if model_field is not None:
                    fields.response_models.append(model_field)
    return fields


# -- parameters ---------------------------------------------------------------------------------------------------


def _param_field(param: HandlerParam, is_path: bool) -> ParamField:
    field_info, annotation = _marker_and_type(param.annotation, param.default, is_path)
    default = param.default
    if isinstance(default, FieldInfo):  # ``limit: int = Query(10)``
        if field_info is not None:
            raise AssertionError("use either a marker in Annotated[...] or a marker as default value, not both")
        field_info = copy.copy(default)
        field_info.annotation = annotation
    if field_info is None:
        value = PydanticUndefined if default is EMPTY else default
        if is_path:
            field_info = Path(annotation=annotation)
        elif is_complex(annotation):
            field_info = Body(value, annotation=annotation)
        else:
            field_info = Query(value, annotation=annotation)
    if is_path:
        if not isinstance(field_info, Path):
            raise AssertionError("Path parameters must be of type Path")
    location: Any
    if isinstance(field_info, Param):
        location = field_info.in_ or ParamTypes.query
        if location is ParamTypes.path and not is_path:
            raise AssertionError("a Path() parameter must be named in the route rule")
        if location is ParamTypes.path and is_complex(field_info.annotation):
            raise AssertionError("Path params must be of one of the supported types")
    elif isinstance(field_info, Body) or is_complex(field_info.annotation):  # a plain Field(): where its type says
        location = BODY
    else:
        location = ParamTypes.query
    if isinstance(field_info, Header):
        field_info = _header_names(field_info, param.name)
    field = ParamField(param.name, field_info, location)
    if location in (ParamTypes.query, ParamTypes.header) and _model_class(field.annotation) is not None:
        field.model_lookup = _model_lookup(_model_class(field.annotation))  # type: ignore[arg-type]
    return field


def _marker_and_type(annotation: Any, default: Any, is_path: bool) -> Tuple[Optional[FieldInfo], Any]:
    """The location marker (a copy, with its default set) and the type to validate, from an annotation."""
    if annotation is EMPTY:
        return None, Any
    if get_origin(annotation) is not Annotated:
        return None, annotation
    base, *metadata = get_args(annotation)
    markers = [one for one in metadata if isinstance(one, FieldInfo)]
    markers += [one() for one in metadata if _is_field_class(one)]
    others = [one for one in metadata if not isinstance(one, FieldInfo) and not _is_field_class(one)]
    if not markers:
        return None, annotation
    if len(markers) > 2:
        raise AssertionError("Only one FieldInfo can be used per parameter")
    field_info: FieldInfo
    if len(markers) == 2:
        # A location marker plus a plain pydantic Field: the marker says where, the Field how to validate, so the
        # whole Annotated type is what the adapter validates.
        locations = [one for one in markers if isinstance(one, (Param, Body))]
        plain = [one for one in markers if not isinstance(one, (Param, Body))]
        if len(locations) != 1 or len(plain) != 1:
            raise AssertionError("Only one FieldInfo can be used per parameter")
        field_info = copy.copy(locations[0])
        field_info.annotation = annotation
        type_ = annotation
    else:
        field_info = copy.copy(markers[0])
        type_ = _flatten(base, others)
        field_info.annotation = type_
    if field_info.default is not PydanticUndefined and field_info.default is not Ellipsis:
        raise AssertionError(
            "a marker in Annotated[...] cannot carry a default; give the parameter a default value instead"
        )
    if default is not EMPTY:
        if is_path:
            raise AssertionError("Cannot use a FieldInfo as a path parameter and pass a value")
        field_info.default = default
    else:
        field_info.default = PydanticUndefined
    return field_info, type_


def _is_field_class(value: Any) -> bool:
    return isinstance(value, type) and issubclass(value, FieldInfo)


def _flatten(base: Any, others: List[Any]) -> Any:
    """``base`` with constraint metadata (``annotated_types``...) kept, nested ``Annotated`` flattened, plain
    pydantic ``FieldInfo`` dropped (the marker carries the field settings)."""
    constraints = list(others)
    while get_origin(base) is Annotated:
        inner, *inner_metadata = get_args(base)
        constraints = [one for one in inner_metadata if not isinstance(one, FieldInfo)] + constraints
        base = inner
    constraints = [one for one in constraints if not isinstance(one, FieldInfo)]
    return Annotated[(base, *constraints)] if constraints else base  # type: ignore[return-value]


def _header_names(field_info: Header, name: str) -> Header:
    """A header's name: ``x_tenant`` reads ``x-tenant``; a model's fields likewise (a subclass with that alias
    generator, so the model's own config is untouched)."""
    if not field_info.convert_underscores:
        return field_info
    if field_info.alias is None:
        field_info.alias = name.replace("_", "-")
    annotation: Any = field_info.annotation
    if _model_class(annotation) is not None:
        config = dict(annotation.model_config)
        config["alias_generator"] = _dashes
        field_info.annotation = type(
            f"{annotation.__name__}WithHeaderAliases",
            (annotation,),
            {"model_config": config, "__module__": annotation.__module__},
        )
    return field_info


def _dashes(name: str) -> str:
    return name.replace("_", "-")


def _model_class(annotation: Any) -> Optional[type]:
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


def _model_lookup(model: type) -> List[Tuple[str, Optional[str], bool]]:
    """For each field of a Query/Header model: its name in the request, its field name when the model also
    accepts field names, and whether it takes several values."""
    config = model.model_config  # type: ignore[attr-defined]
    by_name = bool(config.get("validate_by_name") or config.get("populate_by_name"))
    lookup = []
    for name, info in model.model_fields.items():  # type: ignore[attr-defined]
        alias = info.alias or name
        lookup.append((alias, name if by_name and name != alias else None, contains_sequence(info.annotation)))
    return lookup


# -- return annotation ------------------------------------------------------------------------------------------


def _response_field(annotation: Any, where: str, keep_response: bool = False) -> Optional[ParamField]:
    """The field validating and serializing results: ``Response[T]`` and ``(T, status)`` read ``T``; a bare
    ``Response`` (no body type) validates nothing."""
    if annotation is Response or annotation is None and keep_response:
        return None
    field_info, type_ = _response_type(annotation)
    if field_info is None:
        field_info = FieldInfo(annotation=type_)
    field_info.default = PydanticUndefined
    field = ParamField("return", field_info, BODY, mode="serialization")
    try:
        field.adapter  # noqa: B018 - build now: a type pydantic cannot validate is a registration error
    except Exception as exc:
        raise TypeError(f"{where}: return annotation {annotation!r} cannot be validated: {exc}") from exc
    return field


def _response_type(annotation: Any) -> Tuple[Optional[FieldInfo], Any]:
    origin = get_origin(annotation)
    if origin is Annotated:
        return _marker_and_type(annotation, EMPTY, False)
    if origin is Response:
        (inner,) = get_args(annotation)
        return _response_type(inner)
    if origin is tuple and len(get_args(annotation)) == 2:
        return _response_type(get_args(annotation)[0])
    return None, annotation


# -- body ---------------------------------------------------------------------------------------------------------


def _combined_body(fields: RouteFields) -> Optional[ParamField]:
    if not fields.body:
        return None
    if not fields.body_embedded:
        return fields.body[0]
    definitions = {field.name: (field.field_info.annotation, field.field_info) for field in fields.body}
    model = create_model(f"Body_{fields.operation_id}", **definitions)  # type: ignore[call-overload]
    required = any(field.required for field in fields.body)
    kwargs: Dict[str, Any] = {"annotation": model, "alias": "body"}
    if not required:
        kwargs["default"] = None
    infos = [field.field_info for field in fields.body]
    if any(isinstance(info, File) for info in infos):
        kwargs["media_type"] = "multipart/form-data"
    elif any(isinstance(info, Form) for info in infos):
        kwargs["media_type"] = "application/x-www-form-urlencoded"
    else:
        media_types = {getattr(info, "media_type", "application/json") for info in infos}
        if len(media_types) == 1:
            kwargs["media_type"] = media_types.pop()
    return ParamField("body", Body(**kwargs), BODY)


# -- type predicates ------------------------------------------------------------------------------------------------


def _strip_annotated(annotation: Any) -> Any:
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    return annotation


def _is_sequence_class(annotation: Any) -> bool:
    return (
        inspect.isclass(annotation)
        and not issubclass(annotation, (str, bytes))
        and issubclass(annotation, _SEQUENCE_CLASSES)
    )


def _is_complex_class(annotation: Any) -> bool:
    if not inspect.isclass(annotation):
        return False
    return (
        issubclass(annotation, (BaseModel, collections.abc.Mapping))
        or _is_sequence_class(annotation)
        or dataclasses.is_dataclass(annotation)
    )


def is_complex(annotation: Any) -> bool:
    """Whether values of this type come from a body (models, mappings, sequences, dataclasses, unions of them)."""
    annotation = _strip_annotated(annotation)
    origin = get_origin(annotation)
    if origin in UNION_ORIGINS:
        return any(is_complex(arg) for arg in get_args(annotation))
    return (
        _is_complex_class(annotation)
        or _is_complex_class(origin)
        or hasattr(origin, "__pydantic_core_schema__")
        or hasattr(origin, "__get_pydantic_core_schema__")
    )


def contains_sequence(annotation: Any) -> bool:
    """Whether a field of this type takes several values (a list, or a union or RootModel holding one)."""
    annotation = _strip_annotated(annotation)
    if _is_sequence_class(annotation) or _is_sequence_class(get_origin(annotation)):
        return True
    if get_origin(annotation) in UNION_ORIGINS:
        return any(contains_sequence(arg) for arg in get_args(annotation))
    if _model_class(annotation) is not None and getattr(annotation, "__pydantic_root_model__", False):
        root = annotation.model_fields.get("root")  # type: ignore[attr-defined]
        return root is not None and contains_sequence(root.annotation)
    return False

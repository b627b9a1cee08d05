"""Where a handler parameter comes from, and how it is validated and documented.

::

    @app.get("/orders/<order_id>")
    def get_order(
        order_id: int,                                               # the rule's <order_id>: Path
        limit: Annotated[int, Query(gt=0, le=100)] = 10,             # ?limit=..., 1 to 100
        tags: Annotated[list[str], Query()] = [],                    # ?tags=a&tags=b
        tenant: Annotated[str, Header(alias="x-tenant-id")] = "public",
        session: Annotated[str | None, Cookie()] = None,
    ): ...

    @app.post("/orders")
    def create(order: Order): ...                                    # a pydantic model, dataclass, list...: Body

Without a marker, a parameter named in the rule is a path parameter, one of a scalar type (``int``, ``str``,
``datetime``, ``Enum``, ...) a query parameter, and any other (models, dataclasses, lists, dicts) the JSON body.
Markers go in ``Annotated[T, Query(...)]`` (or ``Query`` alone, or as the default: ``limit: int = Query(10)``) and
take pydantic's ``Field`` constraints and documentation (``gt``, ``max_length``, ``pattern``, ``alias``,
``description``, ``examples``, ...), plus ``openapi_examples``, ``deprecated`` and ``include_in_schema`` for the
OpenAPI document.

A ``Query``/``Header`` annotated with a pydantic model reads each of the model's fields from the query string or
headers. ``Header`` turns ``_`` into ``-`` in the name (``x_tenant`` reads ``x-tenant``) unless
``convert_underscores=False``; header names match in any letter case. ``Body(embed=True)`` reads the parameter under
its name in a JSON object body (several body parameters are always read so). ``Form`` reads
``application/x-www-form-urlencoded`` or ``multipart/form-data`` fields, ``File`` a multipart file part (as
``bytes``, or as ``UploadFile`` with its file name and content type).
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Optional, Union

from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

if TYPE_CHECKING:
    from .models import Example

__all__ = ["Body", "Cookie", "File", "Form", "Header", "Param", "ParamTypes", "Path", "Query", "UploadFile"]

_Unset: Any = PydanticUndefined


class ParamTypes(Enum):
    """Where a non-body parameter is read: the OpenAPI ``in`` of the parameter."""

    query = "query"
    header = "header"
    path = "path"
    cookie = "cookie"


def _field_kwargs(
    default: Any,
    given: Dict[str, Any],
    alias: Optional[str],
    validation_alias: Any,
    json_schema_extra: Optional[Dict[str, Any]],
    extra: Dict[str, Any],
) -> Dict[str, Any]:
    """The keywords pydantic's ``FieldInfo`` takes, from a marker's: unset ones left out, alias and validation
    alias kept in step (pydantic 2.12+ no longer copies one to the other, and apigw looks values up by alias)."""
    if validation_alias is _Unset and alias is not None:
        validation_alias = alias
    elif alias is None and validation_alias not in (_Unset, None) and isinstance(validation_alias, str):
        alias = validation_alias
    kwargs = {key: value for key, value in given.items() if value is not _Unset and value is not None}
    kwargs["default"] = default
    if alias is not None:
        kwargs["alias"] = alias
    if validation_alias is not _Unset and validation_alias is not None:
        kwargs["validation_alias"] = validation_alias
    schema_extra = json_schema_extra or extra  # COMPAT: unknown keywords document the schema, as in Powertools
    if schema_extra:
        kwargs["json_schema_extra"] = schema_extra
    return kwargs


#: Constructor keywords of ``Param`` and ``Body`` that are not pydantic ``FieldInfo``'s own.
_OWN_KEYWORDS = frozenset({"self", "embed", "media_type", "deprecated", "include_in_schema", "openapi_examples"})


def _init_marker(marker: Union[Param, Body], arguments: Dict[str, Any]) -> None:
    """The shared body of the ``Param`` and ``Body`` constructors, given their ``locals()``: the OpenAPI-only
    settings become attributes, the rest initializes the ``FieldInfo``. NOTE: the constructors keep their explicit
    keywords (rather than ``**kwargs``) so that type checkers and IDEs know them."""
    given = {key: value for key, value in arguments.items() if key not in _OWN_KEYWORDS}
    default = given.pop("default")
    alias = given.pop("alias")
    validation_alias = given.pop("validation_alias")
    json_schema_extra = given.pop("json_schema_extra")
    extra = given.pop("extra")
    FieldInfo.__init__(marker, **_field_kwargs(default, given, alias, validation_alias, json_schema_extra, extra))
    #: shown on the parameter (or request body) in the OpenAPI document; set after ``FieldInfo.__init__``, which
    #: resets its own ``deprecated``
    marker.deprecated = arguments["deprecated"]
    #: ``False`` leaves the parameter out of the OpenAPI document (it is still validated)
    marker.include_in_schema = arguments["include_in_schema"]
    #: named examples (``{"first": Example(...)}``) in the OpenAPI document
    marker.openapi_examples = arguments["openapi_examples"]


def _marker_repr(marker: FieldInfo) -> str:
    return f"{type(marker).__name__}({marker.default})"


class Param(FieldInfo):  # type: ignore[misc]
    """A non-body parameter (base of ``Path``, ``Query``, ``Header``, ``Cookie``); ``in_`` says where it is read,
    ``None`` for a bare ``Param()`` (read as ``Query``)."""

    in_: Optional[ParamTypes] = None
    include_in_schema: bool
    openapi_examples: Optional[Dict[str, Example]]

    def __init__(
        self,
        default: Any = PydanticUndefined,
        *,
        default_factory: Optional[Callable[[], Any]] = _Unset,
        annotation: Optional[Any] = None,
        alias: Optional[str] = None,
        alias_priority: Optional[int] = _Unset,
        validation_alias: Optional[str] = _Unset,
        serialization_alias: Optional[str] = None,
        title: Optional[str] = None,
        description: Optional[str] = None,
        gt: Optional[float] = None,
        ge: Optional[float] = None,
        lt: Optional[float] = None,
        le: Optional[float] = None,
        min_length: Optional[int] = None,
        max_length: Optional[int] = None,
        pattern: Optional[str] = None,
        discriminator: Optional[str] = None,
        strict: Optional[bool] = _Unset,
        multiple_of: Optional[float] = _Unset,
        allow_inf_nan: Optional[bool] = _Unset,
        max_digits: Optional[int] = _Unset,
        decimal_places: Optional[int] = _Unset,
        examples: Optional[List[Any]] = None,
        openapi_examples: Optional[Dict[str, Example]] = None,
        deprecated: Optional[bool] = None,
        include_in_schema: bool = True,
        json_schema_extra: Optional[Dict[str, Any]] = None,
        **extra: Any,
    ) -> None:
        _init_marker(self, locals())

    __repr__ = _marker_repr


class Path(Param):  # type: ignore[misc]
    """A path parameter: one of the rule's ``<name>`` placeholders (always required)."""

    in_ = ParamTypes.path

    def __init__(self, default: Any = ..., **kwargs: Any) -> None:
        if default is not ...:
            raise AssertionError("Path parameters cannot have a default value")
        super().__init__(PydanticUndefined, **kwargs)


class Query(Param):  # type: ignore[misc]
    """A query string parameter; a list type reads every value (``?id=1&id=2``)."""

    in_ = ParamTypes.query


class Header(Param):  # type: ignore[misc]
    """A request header, matched in any letter case; ``_`` in the parameter name reads ``-`` unless
    ``convert_underscores=False``. A list type reads every value of a repeated header."""

    in_ = ParamTypes.header

    def __init__(self, default: Any = PydanticUndefined, *, convert_underscores: bool = True, **kwargs: Any) -> None:
        #: read ``x_request_id`` as the header ``x-request-id``
        self.convert_underscores = convert_underscores
        super().__init__(default, **kwargs)


class Cookie(Param):  # type: ignore[misc]
    """A request cookie (``Cookie`` header, or the ``cookies`` list of HTTP API v2 events)."""

    in_ = ParamTypes.cookie


class Body(FieldInfo):  # type: ignore[misc]
    """The request body, or with ``embed=True`` (and whenever a handler has several body parameters) one member of
    a JSON object body, read under the parameter's name or alias. ``media_type`` documents the body's content type."""

    include_in_schema: bool
    openapi_examples: Optional[Dict[str, Example]]

    def __init__(
        self,
        default: Any = PydanticUndefined,
        *,
        default_factory: Optional[Callable[[], Any]] = _Unset,
        annotation: Optional[Any] = None,
        embed: bool = False,
        media_type: str = "application/json",
        alias: Optional[str] = None,
        alias_priority: Optional[int] = _Unset,
        validation_alias: Optional[str] = _Unset,
        serialization_alias: Optional[str] = None,
        title: Optional[str] = None,
        description: Optional[str] = None,
        gt: Optional[float] = None,
        ge: Optional[float] = None,
        lt: Optional[float] = None,
        le: Optional[float] = None,
        min_length: Optional[int] = None,
        max_length: Optional[int] = None,
        pattern: Optional[str] = None,
        discriminator: Optional[str] = None,
        strict: Optional[bool] = _Unset,
        multiple_of: Optional[float] = _Unset,
        allow_inf_nan: Optional[bool] = _Unset,
        max_digits: Optional[int] = _Unset,
        decimal_places: Optional[int] = _Unset,
        examples: Optional[List[Any]] = None,
        openapi_examples: Optional[Dict[str, Example]] = None,
        deprecated: Optional[bool] = None,
        include_in_schema: bool = True,
        json_schema_extra: Optional[Dict[str, Any]] = None,
        **extra: Any,
    ) -> None:
        #: read the parameter as a member of a JSON object body rather than as the whole body
        self.embed = embed
        #: the body's content type in the OpenAPI document
        self.media_type = media_type
        _init_marker(self, locals())

    __repr__ = _marker_repr


class Form(Body):  # type: ignore[misc]
    """A form field of an ``application/x-www-form-urlencoded`` or ``multipart/form-data`` body."""

    def __init__(
        self, default: Any = PydanticUndefined, *, media_type: str = "application/x-www-form-urlencoded", **kwargs: Any
    ) -> None:
        kwargs.pop("embed", None)  # a form field is always one member of the form
        super().__init__(default, embed=True, media_type=media_type, **kwargs)


class File(Form):  # type: ignore[misc]
    """A file part of a ``multipart/form-data`` body: ``bytes`` (the content) or ``UploadFile`` (content, file name
    and content type). Documented as ``{"type": "string", "format": "binary"}``."""

    def __init__(
        self, default: Any = PydanticUndefined, *, media_type: str = "multipart/form-data", **kwargs: Any
    ) -> None:
        schema_extra = dict(kwargs.pop("json_schema_extra", None) or {})
        schema_extra["format"] = "binary"
        super().__init__(default, media_type=media_type, json_schema_extra=schema_extra, **kwargs)


class UploadFile:
    """An uploaded file: ``content`` (bytes), ``filename`` and ``content_type`` as the client sent them.

    ``Annotated[UploadFile, File()]`` receives one; ``Annotated[bytes, File()]`` only the content.
    """

    __slots__ = ("content", "content_type", "filename")

    def __init__(self, *, content: bytes, filename: Optional[str] = None, content_type: Optional[str] = None) -> None:
        self.content = content
        self.filename = filename
        self.content_type = content_type

    def __len__(self) -> int:
        return len(self.content)

    def __repr__(self) -> str:
        return f"UploadFile(filename={self.filename!r}, content_type={self.content_type!r}, size={len(self.content)})"

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(
            cls._check, serialization=core_schema.plain_serializer_function_ser_schema(lambda value: value)
        )

    @classmethod
    def _check(cls, value: Any) -> UploadFile:
        if isinstance(value, cls):
            return value
        raise ValueError(f"Expected UploadFile, got {type(value).__name__}")

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> Dict[str, Any]:
        return {"type": "string", "format": "binary"}


def _create_model_field(
    field_info: Optional[FieldInfo],
    type_annotation: Any,
    param_name: str,
    is_path_param: bool,
    is_response_param: bool = False,
) -> Any:
    """COMPAT: Powertools' private helper of this name (a field for one parameter), for code that calls it: a
    marker without a location becomes a ``Query``; a ``Header`` gets its dashed name."""
    if field_info is None:
        return None
    from ._fields import BODY, ParamField, _header_names

    if isinstance(field_info, Param) and field_info.in_ is None:
        field_info.in_ = ParamTypes.query
    if field_info.annotation is None:
        field_info.annotation = type_annotation
    if isinstance(field_info, Header):
        field_info = _header_names(field_info, param_name)
    location = field_info.in_ if isinstance(field_info, Param) else BODY
    return ParamField(param_name, field_info, location, "serialization" if is_response_param else "validation")


from ..depends import Depends  # noqa: E402  COMPAT: Powertools' documentation imports Depends from here too

__all__ += ["Depends"]

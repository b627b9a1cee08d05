"""``OpenAPIConfig``: the document-wide settings ``app.configure_openapi(...)`` stores (title, version, servers,
security schemes, ...). ``get_openapi_schema()`` and ``enable_swagger()`` use them for any argument not given."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Union

from .constants import DEFAULT_API_VERSION, DEFAULT_OPENAPI_TITLE, DEFAULT_OPENAPI_VERSION

if TYPE_CHECKING:
    from .models import Contact, ExternalDocumentation, License, SecurityScheme, Server, Tag

__all__ = ["OpenAPIConfig"]


@dataclass
class OpenAPIConfig:
    """Settings of the OpenAPI document (the fields of ``configure_openapi``)."""

    title: str = DEFAULT_OPENAPI_TITLE
    version: str = DEFAULT_API_VERSION
    openapi_version: str = DEFAULT_OPENAPI_VERSION
    summary: Optional[str] = None
    description: Optional[str] = None
    tags: Optional[List[Union[Tag, str]]] = None
    servers: Optional[List[Server]] = None
    terms_of_service: Optional[str] = None
    contact: Optional[Contact] = None
    license_info: Optional[License] = None
    security_schemes: Optional[Dict[str, SecurityScheme]] = None
    security: Optional[List[Dict[str, List[str]]]] = None
    external_documentation: Optional[ExternalDocumentation] = None
    openapi_extensions: Optional[Dict[str, Any]] = None

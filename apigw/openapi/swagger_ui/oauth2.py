"""``OAuth2Config``: what Swagger UI's "Authorize" button uses (``ui.initOAuth``)."""

from __future__ import annotations

import os
import warnings
from typing import Dict, Optional, Sequence

from pydantic import BaseModel, ConfigDict, Field, field_validator

_TRUTHY = ("1", "true", "t", "yes", "y", "on")


class OAuth2Config(BaseModel):
    """Swagger UI's OAuth2 settings (keyword names in snake case: ``client_id``, ``app_name``, ...).

    ``client_secret`` ends up in the page every visitor downloads: it is refused unless ``POWERTOOLS_DEV`` is set
    (local development), and warned about then.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    clientId: Optional[str] = Field(default=None, alias="client_id")
    clientSecret: Optional[str] = Field(default=None, alias="client_secret")
    realm: Optional[str] = None
    appName: str = Field(alias="app_name")
    scopes: Sequence[str] = Field(default=[])
    additionalQueryStringParams: Dict[str, str] = Field(default={}, alias="additional_query_string_params")
    useBasicAuthenticationWithAccessCodeGrant: bool = Field(
        default=False, alias="use_basic_authentication_with_access_code_grant"
    )
    usePkceWithAuthorizationCodeGrant: bool = Field(default=False, alias="use_pkce_with_authorization_code_grant")

    @field_validator("clientSecret")
    @classmethod
    def _secret_only_in_development(cls, secret: Optional[str]) -> Optional[str]:
        if not secret:
            return None
        if os.environ.get("POWERTOOLS_DEV", "").strip().lower() not in _TRUTHY:
            raise ValueError(
                "cannot use client_secret without POWERTOOLS_DEV mode: the secret would be sent to every visitor "
                "of the Swagger UI page"
            )
        warnings.warn(
            "OAuth2Config is using client_secret and POWERTOOLS_DEV is set. This reveals sensitive information. "
            "DO NOT USE THIS OUTSIDE LOCAL DEVELOPMENT",
            stacklevel=2,
        )
        return secret

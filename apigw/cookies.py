"""Cookies a route sets: ``Cookie`` (``Response(cookies=[...])``) and the values of its ``SameSite`` attribute.

PERF: loaded when a cookie is first made (``apigw.Cookie``, ``apigw.response.Cookie`` and ``apigw.SameSite`` read
from here): an Enum class alone costs a cold start a hundred microseconds. COMPAT: Powertools keeps the same two
classes in ``aws_lambda_powertools.shared.cookies``.
"""

from __future__ import annotations

from enum import Enum

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import datetime
    from typing import List, Optional

__all__ = ["Cookie", "SameSite"]


class SameSite(Enum):
    """Values of a cookie's ``SameSite`` attribute."""

    DEFAULT_MODE = ""
    LAX_MODE = "Lax"
    STRICT_MODE = "Strict"
    NONE_MODE = "None"


# APPSEC: a ";" or a line break in a cookie part would let request data add attributes or headers.
_COOKIE_NAME_FORBIDDEN = frozenset('()<>@,;:\\"/[]?={} \t')
_COOKIE_PART_FORBIDDEN = frozenset(";\r\n\x00")


class Cookie:
    """A ``Set-Cookie`` for ``Response(cookies=[...])``; ``str(cookie)`` is the header value.

    ``secure`` defaults to true. A ``max_age`` of zero or less becomes ``Max-Age=0`` (delete the cookie).
    ``ValueError`` for a name that is not an HTTP token, or a part containing ``;`` or a line break.

    >>> str(Cookie("session", "abc", path="/", http_only=True, same_site=SameSite.LAX_MODE))
    'session=abc; Path=/; HttpOnly; Secure; SameSite=Lax'
    """

    def __init__(
        self,
        name: str,
        value: str,
        path: str = "",
        domain: str = "",
        secure: bool = True,
        http_only: bool = False,
        max_age: Optional[int] = None,
        expires: Optional[datetime] = None,
        same_site: Optional[SameSite] = None,
        custom_attributes: Optional[List[str]] = None,
    ) -> None:
        if not name or any(ch in _COOKIE_NAME_FORBIDDEN or ord(ch) < 32 or ord(ch) == 127 for ch in name):
            raise ValueError(f"invalid cookie name {name!r}: it must be a non-empty HTTP token")
        for part_name, part in (
            ("value", value),
            ("path", path),
            ("domain", domain),
            *(("custom attribute", attribute) for attribute in custom_attributes or ()),
        ):
            if any(ch in _COOKIE_PART_FORBIDDEN for ch in str(part)):
                raise ValueError(f"invalid cookie {part_name} {part!r}: ';' and line breaks are not allowed")
        self.name = name
        self.value = value
        self.path = path
        self.domain = domain
        self.secure = secure
        self.http_only = http_only
        self.max_age = max_age
        self.expires = expires
        self.same_site = same_site
        self.custom_attributes = custom_attributes

    def __str__(self) -> str:
        parts = [f"{self.name}={self.value}"]
        if self.path:
            parts.append(f"Path={self.path}")
        if self.domain:
            parts.append(f"Domain={self.domain}")
        if self.expires:
            parts.append(f"Expires={self.expires.strftime('%a, %d %b %Y %H:%M:%S GMT')}")
        if self.max_age is not None:
            parts.append(f"Max-Age={max(self.max_age, 0)}")
        if self.http_only:
            parts.append("HttpOnly")
        if self.secure:
            parts.append("Secure")
        if self.same_site:
            parts.append(f"SameSite={self.same_site.value}")
        parts.extend(self.custom_attributes or ())
        return "; ".join(parts)

    def __repr__(self) -> str:
        return f"Cookie({str(self)!r})"

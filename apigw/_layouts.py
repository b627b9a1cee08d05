"""Response header layouts: the contract between ``apigw.integrations`` (which integration uses which) and the
headers twins (how each is written). See ``_headers_py.serialize`` for what each layout puts where."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import List

SINGLE_AND_MULTI = 0  # `headers` (single-valued) + `multiValueHeaders` (all), cookies as Set-Cookie values
JOINED_WITH_COOKIES = 1  # `headers` (values joined with ", ") + `cookies`
SINGLE = 2  # `headers` only, one value per name; cookies under differently-cased Set-Cookie names
MULTI = 3  # `multiValueHeaders` only
JOINED_COOKIES_IN_MULTI = 4  # `headers` (values joined with ", "), cookies as Set-Cookie values of `multiValueHeaders`


def set_cookie_spellings(count: int) -> List[str]:
    """``count`` distinct spellings of Set-Cookie for the ``SINGLE`` layout: the canonical one first, then other
    upper/lower-case mixes (header names are case-insensitive for clients, dict keys are not)."""
    spellings = ["Set-Cookie"]
    letters = "setcookie"  # the 9 letters of set-cookie: 512 spellings, far more than a response carries
    mask = 0
    while len(spellings) < count:
        if mask >= 1 << len(letters):
            raise ValueError(f"cannot send {count} cookies in an ALB single-value response")
        chars = []
        bit = 0
        for char in "set-cookie":
            if char == "-":
                chars.append(char)
                continue
            chars.append(char.upper() if mask >> bit & 1 else char)
            bit += 1
        mask += 1
        spelling = "".join(chars)
        if spelling not in spellings:
            spellings.append(spelling)
    return spellings[:count]

"""Cookies and multi-valued headers, emitted exactly as each integration reads them."""

from __future__ import annotations

import base64
import gzip
from datetime import datetime, timezone

import pytest
from builders import alb_event, http_event, rest_event, url_event

from apigw import (
    ALBResolver,
    APIGatewayHttpResolver,
    APIGatewayRestResolver,
    Cookie,
    LambdaFunctionUrlResolver,
    Response,
    SameSite,
    content_types,
)

COOKIES = [Cookie("session", "abc", path="/", http_only=True), Cookie("theme", "dark", secure=False)]
SESSION = "session=abc; Path=/; HttpOnly; Secure"
THEME = "theme=dark"


def app_with_cookies(resolver_class):
    app = resolver_class()

    @app.get("/login")
    def login():
        return Response(200, content_types.TEXT_PLAIN, "ok", {"X-Many": ["a", "b"]}, cookies=COOKIES)

    @app.get("/one")
    def one():
        return Response(200, content_types.TEXT_PLAIN, "ok", cookies=[COOKIES[0]])

    @app.get("/header-cookie")
    def header_cookie():
        return Response(
            200, content_types.TEXT_PLAIN, "ok", {"Set-Cookie": ["a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT"]}
        )

    return app


# -- Cookie ---------------------------------------------------------------------------------------------------------


def test_cookie_renders_every_attribute_in_set_cookie_syntax():
    cookie = Cookie(
        "id",
        "42",
        path="/app",
        domain="example.com",
        max_age=3600,
        expires=datetime(2026, 10, 21, 7, 28, tzinfo=timezone.utc),
        http_only=True,
        same_site=SameSite.STRICT_MODE,
        custom_attributes=["Partitioned"],
    )

    assert str(cookie) == (
        "id=42; Path=/app; Domain=example.com; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Max-Age=3600; HttpOnly; Secure; "
        "SameSite=Strict; Partitioned"
    )


def test_cookie_with_non_positive_max_age_deletes_it():
    assert str(Cookie("id", "", max_age=-1, secure=False)) == "id=; Max-Age=0"


@pytest.mark.parametrize(
    "kwargs",
    [
        {"name": "bad name", "value": "v"},
        {"name": "", "value": "v"},
        {"name": "id", "value": "v; Domain=evil.example"},
        {"name": "id", "value": "v\r\nX-Injected: 1"},
        {"name": "id", "value": "v", "path": "/;HttpOnly"},
    ],
)
def test_cookie_rejects_parts_that_would_inject_attributes_or_headers(kwargs):
    with pytest.raises(ValueError, match="invalid cookie"):
        Cookie(**kwargs)


# -- per integration ------------------------------------------------------------------------------------------------


def test_rest_sends_every_cookie_in_multi_value_headers():
    response = app_with_cookies(APIGatewayRestResolver)(rest_event("/login"), None)

    assert response["multiValueHeaders"]["Set-Cookie"] == [SESSION, THEME]
    assert "Set-Cookie" not in response["headers"]
    assert response["multiValueHeaders"]["X-Many"] == ["a", "b"]


def test_rest_sends_a_single_cookie_in_both_header_maps():
    response = app_with_cookies(APIGatewayRestResolver)(rest_event("/one"), None)

    assert response["headers"]["Set-Cookie"] == SESSION
    assert response["multiValueHeaders"]["Set-Cookie"] == [SESSION]


@pytest.mark.parametrize(
    "resolver_class, event", [(APIGatewayHttpResolver, http_event), (LambdaFunctionUrlResolver, url_event)]
)
def test_payload_v2_sends_cookies_in_cookies_and_joins_other_headers(resolver_class, event):
    response = app_with_cookies(resolver_class)(event("/login"), None)

    assert response["cookies"] == [SESSION, THEME]
    assert response["headers"]["X-Many"] == "a, b"
    assert not [name for name in response["headers"] if name.lower() == "set-cookie"]


def test_payload_v2_moves_a_set_cookie_header_to_cookies_instead_of_comma_joining_it():
    response = app_with_cookies(APIGatewayHttpResolver)(http_event("/header-cookie"), None)

    assert response["cookies"] == ["a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT"]
    assert "Set-Cookie" not in response["headers"]


def test_alb_single_value_mode_keeps_every_cookie_under_distinct_spellings():
    response = app_with_cookies(ALBResolver)(alb_event("/login"), None)

    set_cookies = {name: value for name, value in response["headers"].items() if name.lower() == "set-cookie"}
    assert sorted(set_cookies.values()) == sorted([SESSION, THEME])
    assert set_cookies["Set-Cookie"] == SESSION
    assert response["headers"]["X-Many"] == "a, b"


def test_alb_multi_value_mode_sends_cookies_in_multi_value_headers():
    response = app_with_cookies(ALBResolver)(alb_event("/login", multi_value=True), None)

    assert response["multiValueHeaders"]["Set-Cookie"] == [SESSION, THEME]
    assert response["multiValueHeaders"]["X-Many"] == ["a", "b"]
    assert "headers" not in response


def test_cookies_may_be_plain_strings():
    app = APIGatewayHttpResolver()
    app.get("/s")(lambda: Response(200, content_types.TEXT_PLAIN, "ok", cookies=["raw=1; Secure"]))

    assert app(http_event("/s"), None)["cookies"] == ["raw=1; Secure"]


@pytest.mark.parametrize(
    "resolver_class, event, headers_key",
    [
        (APIGatewayRestResolver, rest_event, "headers"),
        (APIGatewayHttpResolver, http_event, "headers"),
        (LambdaFunctionUrlResolver, url_event, "headers"),
        (ALBResolver, alb_event, "headers"),
        (ALBResolver, lambda *a, **k: alb_event(*a, multi_value=True, **k), "multiValueHeaders"),
    ],
)
def test_compression_works_in_every_mode(resolver_class, event, headers_key):
    app = resolver_class()
    app.get("/z", compress=True)(lambda: {"data": "x" * 100})

    response = app(event("/z", headers={"Accept-Encoding": "gzip"}), None)

    encoding = response[headers_key]["Content-Encoding"]
    assert encoding in ("gzip", ["gzip"])
    assert gzip.decompress(base64.b64decode(response["body"])) == b'{"data":"' + b"x" * 100 + b'"}'

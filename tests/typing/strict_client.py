"""A user's test with the test client; tests/test_testing_client.py checks it with ``mypy --strict``."""

from __future__ import annotations

from typing import Any, Dict

from apigw import AnyIntegrationResolver, APIGatewayRestResolver
from apigw.testing import Client, ClientResponse

app = APIGatewayRestResolver(method_not_allowed=True, auto_head=True)


@app.get("/orders/<order_id>")
def get_order(order_id: str) -> Dict[str, str]:
    return {"id": order_id}


def lambda_handler(event: Dict[str, Any], context: Any) -> Dict[str, Any]:
    return app.resolve(event, context)


def test_get_order() -> None:
    client = Client(app)
    response: ClientResponse = client.get("/orders/42", query={"expand": ["items", "customer"]}, headers={"X-A": "1"})
    status: int = response.status_code
    body: bytes = response.body
    cookies: Dict[str, str] = response.cookies
    values: list[str] = response.headers.get_all("set-cookie")
    assert status == 200 and body and not cookies and not values
    assert response.json() == {"id": "42"}
    posted = client.post("/orders", json={"id": 1}, cookies={"session": "abc"})
    assert posted.status_code == 405 and posted.text
    paired = client.get("/orders/7", query=[("tag", "a"), ("tag", 2)], headers=[("X-A", "1"), ("X-A", 2)])
    assert paired.status_code == 200
    mixed = client.get("/orders/7", query={"tag": ["a", "b"], "page": 2}, headers={"X-Id": ["1", "2"], "X-A": "1"})
    assert mixed.status_code == 200
    assert client.delete("/orders/7", headers={"X-N": 3, "X-A": "1"}, cookies=["a=1", "b=2"]).status_code == 405


def test_handler() -> None:
    response = Client(lambda_handler, integration="rest").put("/orders/1", body=b"\x00")
    assert response.raw["statusCode"] == 405
    Client(AnyIntegrationResolver(), integration="alb", multi_value_headers=True).head("/orders/1")

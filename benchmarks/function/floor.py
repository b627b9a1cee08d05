"""The hand-written floor of the cold start benchmark: the same 20 routes as ``app.py``, without a framework.

What a careful developer writes by hand: a dict for the static routes, one ``split`` and a dict for the routes with
an id (every one here is ``/<collection>/<id>[/<sub>]``), one prebuilt compact JSON encoder, and the REST response
dict with the headers in both of its maps.
"""

import json

encode = json.JSONEncoder(separators=(",", ":")).encode  # PERF: built once, not per response
HEADERS = {"Content-Type": "application/json"}
MULTI_VALUE_HEADERS = {"Content-Type": ["application/json"]}
NOT_FOUND = (404, {"statusCode": 404, "message": "Not found"})


def body(event):
    return json.loads(event["body"]) if event.get("body") else None


STATIC = {
    ("GET", "/health"): lambda event: (200, {"status": "ok"}),
    ("GET", "/users"): lambda event: (200, {"users": [], "next": None}),
    ("POST", "/users"): lambda event: (201, {"created": body(event)}),
    ("GET", "/orders"): lambda event: (200, {"orders": []}),
    ("POST", "/orders"): lambda event: (201, {"created": body(event)}),
    ("GET", "/products"): lambda event: (200, {"products": []}),
    ("GET", "/search"): lambda event: (
        200,
        {"query": (event.get("queryStringParameters") or {}).get("q", ""), "results": []},
    ),
}
WITH_ID = {  # (method, collection, sub-resource) -> handler(event, id)
    ("GET", "users", ()): lambda event, id: (200, {"id": id, "name": "Ada"}),
    ("PUT", "users", ()): lambda event, id: (200, {"id": id, "updated": body(event)}),
    ("DELETE", "users", ()): lambda event, id: (200, {"id": id, "deleted": True}),
    ("GET", "users", ("orders",)): lambda event, id: (200, {"user": id, "orders": []}),
    ("GET", "orders", ()): lambda event, id: (200, {"id": id, "status": "shipped"}),
    ("PATCH", "orders", ()): lambda event, id: (200, {"id": id, "patched": body(event)}),
    ("DELETE", "orders", ()): lambda event, id: (200, {"id": id, "deleted": True}),
    ("GET", "orders", ("items",)): lambda event, id: (200, {"order": id, "items": []}),
    ("GET", "products", ()): lambda event, id: (200, {"id": id, "price": "19.99"}),
    ("GET", "products", ("reviews",)): lambda event, id: (200, {"product": id, "reviews": [{"stars": 5}]}),
    ("POST", "products", ("reviews",)): lambda event, id: (201, {"product": id, "review": body(event)}),
    ("GET", "carts", ()): lambda event, id: (200, {"id": id, "items": []}),
    ("POST", "carts", ("items",)): lambda event, id: (201, {"cart": id, "added": body(event)}),
}


def lambda_handler(event, context):
    method, path = event["httpMethod"], event["path"]
    route = STATIC.get((method, path))
    if route is not None:
        status, result = route(event)
    else:
        parts = path.split("/")  # "/users/42/orders" -> ["", "users", "42", "orders"]
        route = WITH_ID.get((method, parts[1], tuple(parts[3:]))) if len(parts) >= 3 and parts[2] else None
        status, result = route(event, parts[2]) if route is not None else NOT_FOUND
    return {
        "statusCode": status,
        "headers": HEADERS.copy(),
        "multiValueHeaders": {name: values.copy() for name, values in MULTI_VALUE_HEADERS.items()},
        "body": encode(result),
        "isBase64Encoded": False,
    }

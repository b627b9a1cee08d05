"""The 20-route function of the cold start benchmark, the same code for apigw and for Powertools.

``BENCH_ROUTER=powertools`` imports ``aws_lambda_powertools.event_handler``, anything else ``apigw``: the switch a
user makes by changing one import. ``benchmarks/coldstart.py`` runs it with ``app.lambda_handler`` as the handler.
"""

import os

if os.environ.get("BENCH_ROUTER") == "powertools":
    from aws_lambda_powertools.event_handler import APIGatewayRestResolver
else:
    from apigw import APIGatewayRestResolver

app = APIGatewayRestResolver()


@app.get("/health")
def health():
    return {"status": "ok"}


@app.get("/users")
def list_users():
    return {"users": [], "next": None}


@app.post("/users")
def create_user():
    return {"created": app.current_event.json_body}, 201


@app.get("/users/<user_id>")
def get_user(user_id):
    return {"id": user_id, "name": "Ada"}


@app.put("/users/<user_id>")
def update_user(user_id):
    return {"id": user_id, "updated": app.current_event.json_body}


@app.delete("/users/<user_id>")
def delete_user(user_id):
    return {"id": user_id, "deleted": True}


@app.get("/users/<user_id>/orders")
def user_orders(user_id):
    return {"user": user_id, "orders": []}


@app.get("/orders")
def list_orders():
    return {"orders": []}


@app.post("/orders")
def create_order():
    return {"created": app.current_event.json_body}, 201


@app.get("/orders/<order_id>")
def get_order(order_id):
    return {"id": order_id, "status": "shipped"}


@app.patch("/orders/<order_id>")
def patch_order(order_id):
    return {"id": order_id, "patched": app.current_event.json_body}


@app.delete("/orders/<order_id>")
def delete_order(order_id):
    return {"id": order_id, "deleted": True}


@app.get("/orders/<order_id>/items")
def order_items(order_id):
    return {"order": order_id, "items": []}


@app.get("/products")
def list_products():
    return {"products": []}


@app.get("/products/<product_id>")
def get_product(product_id):
    return {"id": product_id, "price": "19.99"}


@app.get("/products/<product_id>/reviews")
def product_reviews(product_id):
    return {"product": product_id, "reviews": [{"stars": 5}]}


@app.post("/products/<product_id>/reviews")
def add_review(product_id):
    return {"product": product_id, "review": app.current_event.json_body}, 201


@app.get("/carts/<cart_id>")
def get_cart(cart_id):
    return {"id": cart_id, "items": []}


@app.post("/carts/<cart_id>/items")
def add_cart_item(cart_id):
    return {"cart": cart_id, "added": app.current_event.json_body}, 201


@app.get("/search")
def search():
    return {"query": app.current_event.get_query_string_value("q", ""), "results": []}


def lambda_handler(event, context):
    return app.resolve(event, context)

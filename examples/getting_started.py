"""Getting started: the "hello universe" API Gateway REST API (v1) example of the seed page."""

# NOTE: the page's Powertools Logger/Tracer lines are dropped: apigw examples stay dependency-free.
from apigw import ApiGatewayResolver

app = ApiGatewayResolver()  # by default API Gateway REST API (v1)


@app.get("/hello")
def get_hello_universe():
    return {"message": "hello universe"}


def lambda_handler(event, context):
    return app.resolve(event, context)


if __name__ == "__main__":
    from _run import main  # imported here so the example stays importable from anywhere

    main(lambda_handler, "rest-api-v1.json")

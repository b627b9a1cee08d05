"""HTTP API: conform to the API Gateway HTTP API (payload 2.0) contract via ``proxy_type``."""

# NOTE: the page's Powertools Logger/Tracer lines are dropped: apigw examples stay dependency-free.
from apigw import ApiGatewayResolver, ProxyEventType

app = ApiGatewayResolver(proxy_type=ProxyEventType.APIGatewayProxyEventV2)


@app.get("/hello")
def get_hello_universe():
    return {"message": "hello universe"}


def lambda_handler(event, context):
    return app.resolve(event, context)


if __name__ == "__main__":
    from _run import main  # imported here so the example stays importable from anywhere

    main(lambda_handler, "http-api-v2.json")

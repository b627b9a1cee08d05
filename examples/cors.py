"""CORS: ``CORSConfig`` at the resolver, opted out per route with ``cors=False``."""

# NOTE: the page's Powertools Logger/Tracer lines are dropped: apigw examples stay dependency-free.
from apigw import ApiGatewayResolver, CORSConfig

cors_config = CORSConfig(allow_origin="https://example.com", max_age=300)
app = ApiGatewayResolver(cors=cors_config)


@app.get("/hello/<name>")
def get_hello_you(name):
    return {"message": f"hello {name}"}


@app.get("/hello", cors=False)  # optionally exclude CORS from response, if needed
def get_hello_no_cors_needed():
    return {"message": "hello, no CORS needed for this path ;)"}


def lambda_handler(event, context):
    return app.resolve(event, context)


if __name__ == "__main__":
    from _run import main  # imported here so the example stays importable from anywhere

    main(lambda_handler, "rest-api-v1.json")

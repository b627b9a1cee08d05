"""Dynamic routes: ``/hello/<name>`` passes the path segment as the ``name`` argument."""

# NOTE: the page's Powertools Logger/Tracer lines are dropped: apigw examples stay dependency-free.
from apigw import ApiGatewayResolver

app = ApiGatewayResolver()


@app.get("/hello/<name>")
def get_hello_you(name):
    return {"message": f"hello {name}"}


def lambda_handler(event, context):
    return app.resolve(event, context)


if __name__ == "__main__":
    from _run import main  # imported here so the example stays importable from anywhere

    main(lambda_handler, "rest-api-v1.json")

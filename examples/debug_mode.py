"""Debug mode: full tracebacks in error responses, request and response printed (never in production)."""

from apigw import ApiGatewayResolver

app = ApiGatewayResolver(debug=True)


@app.get("/hello")
def get_hello_universe():
    return {"message": "hello universe"}


def lambda_handler(event, context):
    return app.resolve(event, context)


if __name__ == "__main__":
    from _run import main  # imported here so the example stays importable from anywhere

    main(lambda_handler, "rest-api-v1.json")

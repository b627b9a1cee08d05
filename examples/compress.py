"""Compress: gzip and base64 the response when the route has ``compress=True`` and the client accepts gzip."""

from apigw import ApiGatewayResolver

app = ApiGatewayResolver()


@app.get("/hello", compress=True)
def get_hello_you():
    return {"message": "hello universe"}


def lambda_handler(event, context):
    return app.resolve(event, context)


if __name__ == "__main__":
    from _run import main  # imported here so the example stays importable from anywhere

    main(lambda_handler, "rest-api-v1.json")

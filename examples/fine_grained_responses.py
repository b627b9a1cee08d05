"""Fine grained responses: the ``Response`` class sets status code, content type, headers and body."""

import json  # NOTE: missing on the page, which calls json.dumps below

from apigw import ApiGatewayResolver, Response

app = ApiGatewayResolver()


@app.get("/hello")
def get_hello_you():
    payload = json.dumps({"message": "I'm a teapot"})
    custom_headers = {"X-Custom": "X-Value"}

    return Response(status_code=418, content_type="application/json", body=payload, headers=custom_headers)


def lambda_handler(event, context):
    return app.resolve(event, context)


if __name__ == "__main__":
    from _run import main  # imported here so the example stays importable from anywhere

    main(lambda_handler, "rest-api-v1.json")

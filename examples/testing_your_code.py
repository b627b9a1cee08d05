"""Testing your code: the app under test (its pytest example is ``tests/test_examples.py::test_lambda_handler``)."""

# NOTE: the page's Powertools Logger line (inject_lambda_context) is dropped: apigw examples stay dependency-free.
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

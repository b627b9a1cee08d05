"""Accessing request details: headers via ``app.current_event.headers`` and ``get_header_value``."""

from apigw import ApiGatewayResolver

app = ApiGatewayResolver()


@app.get("/hello")
def get_hello_you():
    headers_as_dict = app.current_event.headers
    name = app.current_event.get_header_value(name="X-Name", default_value="")

    # NOTE: the page has f"hello {name}}" (a stray "}", a SyntaxError); this is the intended string.
    return {"message": f"hello {name}"}


def lambda_handler(event, context):
    return app.resolve(event, context)


if __name__ == "__main__":
    from _run import main  # imported here so the example stays importable from anywhere

    main(lambda_handler, "rest-api-v1.json")

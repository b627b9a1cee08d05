"""Accessing request details: query strings and payload via ``app.current_event``."""

from apigw import ApiGatewayResolver

app = ApiGatewayResolver()


@app.get("/hello")
def get_hello_you():
    query_strings_as_dict = app.current_event.query_string_parameters
    json_payload = app.current_event.json_body
    payload = app.current_event.body

    name = app.current_event.get_query_string_value(name="name", default_value="")
    # NOTE: the page has f"hello {name}}" (a stray "}", a SyntaxError); this is the intended string.
    return {"message": f"hello {name}"}


def lambda_handler(event, context):
    return app.resolve(event, context)


if __name__ == "__main__":
    from _run import main  # imported here so the example stays importable from anywhere

    main(lambda_handler, "rest-api-v1.json")

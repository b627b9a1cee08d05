"""Dynamic routes, nested: ``/<message>/<name>``."""

# NOTE: the page's Powertools Logger/Tracer lines are dropped: apigw examples stay dependency-free.
from apigw import ApiGatewayResolver

app = ApiGatewayResolver()


@app.get("/<message>/<name>")
def get_message(message, name):
    # NOTE: the page has f"{message}, {name}}" (a stray "}", a SyntaxError); this is the intended string.
    return {"message": f"{message}, {name}"}


def lambda_handler(event, context):
    return app.resolve(event, context)


if __name__ == "__main__":
    from _run import main  # imported here so the example stays importable from anywhere

    main(lambda_handler, "rest-api-v1.json")

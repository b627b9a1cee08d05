"""Custom Domain API Mappings: ``strip_prefixes`` removes the ``/payment`` base-path mapping before routing."""

# NOTE: the page's Powertools Logger/Tracer lines are dropped: apigw examples stay dependency-free.
from apigw import ApiGatewayResolver

app = ApiGatewayResolver(strip_prefixes=["/payment"])


@app.get("/subscriptions/<subscription>")
def get_subscription(subscription):
    return {"subscription_id": subscription}


def lambda_handler(event, context):
    return app.resolve(event, context)


if __name__ == "__main__":
    from _run import main  # imported here so the example stays importable from anywhere

    main(lambda_handler, "rest-api-v1.json")

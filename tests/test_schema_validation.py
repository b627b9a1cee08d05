"""SchemaValidationMiddleware: JSON Schema on request and response bodies, with Powertools' error responses."""

from __future__ import annotations

import json
import sys

import pytest
from builders import rest_event

from apigw import APIGatewayRestResolver, Response, content_types
from apigw.middlewares import SchemaValidationMiddleware

ORDER = {
    "type": "object",
    "required": ["item", "quantity"],
    "properties": {"item": {"type": "string"}, "quantity": {"type": "integer", "minimum": 1}},
}
CONFIRMATION = {"type": "object", "required": ["id"], "properties": {"id": {"type": "string", "format": "order-id"}}}


def order_app(result=None, **middleware_options):
    app = APIGatewayRestResolver()
    validate = SchemaValidationMiddleware(inbound_schema=ORDER, **middleware_options)

    @app.post("/orders", middlewares=[validate])
    def create_order():
        return result if result is not None else {"id": "o-1"}

    return app


def post(app, body):
    return app(rest_event("/orders", "POST", body=json.dumps(body)), None)


def test_a_valid_request_reaches_the_handler():
    response = post(order_app(), {"item": "book", "quantity": 2})

    assert response["statusCode"] == 200
    assert json.loads(response["body"]) == {"id": "o-1"}


@pytest.mark.parametrize("body", [{"item": "book"}, {"item": 1, "quantity": 1}, {"item": "x", "quantity": 0}, []])
def test_an_invalid_request_answers_400_exactly_as_powertools(body):
    from aws_lambda_powertools.event_handler import APIGatewayRestResolver as PowertoolsResolver
    from aws_lambda_powertools.event_handler.middlewares.schema_validation import (
        SchemaValidationMiddleware as PowertoolsMiddleware,
    )

    theirs = PowertoolsResolver()
    theirs.post("/orders", middlewares=[PowertoolsMiddleware(inbound_schema=ORDER)])(lambda: {"id": "o-1"})

    ours = post(order_app(), body)
    expected = post(theirs, body)

    assert ours["statusCode"] == expected["statusCode"] == 400
    assert json.loads(ours["body"]) == json.loads(expected["body"])
    assert json.loads(ours["body"])["message"].startswith("Bad Request: Failed schema validation. Error: data")


def test_the_response_is_validated_against_outbound_schema_with_custom_formats():
    formats = {"order-id": r"^o-\d+$"}
    good = order_app(outbound_schema=CONFIRMATION, outbound_formats=formats)
    bad = order_app(result={"id": "nope"}, outbound_schema=CONFIRMATION, outbound_formats=formats)

    assert post(good, {"item": "book", "quantity": 1})["statusCode"] == 200
    response = post(bad, {"item": "book", "quantity": 1})
    assert response["statusCode"] == 400
    assert json.loads(response["body"])["message"].startswith("Bad Response: Failed schema validation.")


def test_a_json_text_response_body_is_validated_as_json():
    app = order_app(result=Response(200, content_types.APPLICATION_JSON, '{"id": 5}'), outbound_schema=CONFIRMATION)

    assert post(app, {"item": "book", "quantity": 1})["statusCode"] == 400


@pytest.mark.parametrize("schema", [{"type": "nope"}, "schema.json"])
def test_an_invalid_schema_is_reported_when_made_and_answers_500_as_powertools(schema):
    with pytest.warns(RuntimeWarning, match="inbound_schema is not a valid JSON Schema"):
        middleware = SchemaValidationMiddleware(inbound_schema=schema)
    app = APIGatewayRestResolver()
    app.post("/orders", middlewares=[middleware])(lambda: {})

    response = post(app, {"item": "book", "quantity": 1})

    assert response["statusCode"] == 500
    assert response["body"] == '{"statusCode":500,"message":"Internal Server Error"}'


def test_fastjsonschema_is_imported_only_by_the_middleware():
    import subprocess

    code = "import sys, apigw, apigw.middlewares; print('fastjsonschema' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)

    assert result.stdout.strip() == "False", result.stderr

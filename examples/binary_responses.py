"""Binary responses: bytes bodies are base64 encoded automatically."""

import os
from pathlib import Path

from apigw import ApiGatewayResolver, Response

app = ApiGatewayResolver()
# NOTE: the page reads $LAMBDA_TASK_ROOT/logo.svg; outside Lambda we fall back to this file's directory.
logo_file: bytes = Path(os.getenv("LAMBDA_TASK_ROOT", str(Path(__file__).resolve().parent)) + "/logo.svg").read_bytes()


@app.get("/logo")
def get_logo():
    return Response(status_code=200, content_type="image/svg+xml", body=logo_file)


def lambda_handler(event, context):
    return app.resolve(event, context)


if __name__ == "__main__":
    from _run import main  # imported here so the example stays importable from anywhere

    main(lambda_handler, "rest-api-v1.json")

"""The Lambda context object outside Lambda: what the test client, the dev server and ``HttpResolverLocal``'s ASGI
requests hand a handler as ``context``. Standard library only (``os``, ``time``): ``HttpResolverLocal`` loads it with
its module, and a resolver at work never needs more."""

from __future__ import annotations

import os
import time

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

# Made-up but well-formed AWS identifiers (documentation ranges and example ids), shared with the event builders.
ACCOUNT_ID = "123456789012"
REGION = "us-east-1"


def new_request_id() -> str:
    """A random id in the UUID layout AWS uses for request ids."""
    text = os.urandom(16).hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


class LambdaContext:
    """A stand-in for the context object the Lambda runtime passes to a handler: same attribute names, made-up
    values, a fresh ``aws_request_id`` per request and a ``get_remaining_time_in_millis`` that counts down."""

    def __init__(self, function_name: str = "apigw-local", timeout_seconds: float = 30.0) -> None:
        self.function_name = function_name
        self.function_version = "$LATEST"
        self.invoked_function_arn = f"arn:aws:lambda:{REGION}:{ACCOUNT_ID}:function:{function_name}"
        self.memory_limit_in_mb = 128
        self.aws_request_id = new_request_id()
        self.log_group_name = f"/aws/lambda/{function_name}"
        self.log_stream_name = "2024/01/01/[$LATEST]" + self.aws_request_id.replace("-", "")
        self.identity: Any = None
        self.client_context: Any = None
        self.tenant_id: Optional[str] = None
        self._deadline = time.monotonic() + timeout_seconds

    def get_remaining_time_in_millis(self) -> int:
        """Milliseconds left before this invocation would time out."""
        return max(0, int((self._deadline - time.monotonic()) * 1000))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(function_name={self.function_name!r}, aws_request_id={self.aws_request_id!r})"

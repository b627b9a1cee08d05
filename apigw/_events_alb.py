"""The views of Application Load Balancer events: ``ALBEvent`` and its ``ALBEventRequestContext``. Loaded on first
use; the public names are in ``apigw.events``.
"""

from __future__ import annotations

import json

from .events import BaseProxyEvent, DictWrapper, _child, _merged_query

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any, Callable, Dict, List, Optional


class ALBEventRequestContext(DictWrapper):
    """``requestContext`` of an ALB event."""

    __slots__ = ()

    @property
    def elb_target_group_arn(self) -> Optional[str]:
        """The ARN of the target group that invoked the function."""
        return _child(self._data, "elb").get("targetGroupArn")


class ALBEvent(BaseProxyEvent):
    """An Application Load Balancer event.

    An ALB sends either ``headers``/``queryStringParameters`` or, when the target group enables multi-value
    headers, ``multiValueHeaders``/``multiValueQueryStringParameters``; the accessors read whichever is there.
    Query values arrive exactly as the client sent them, NOT URL-decoded (``a%20b`` stays ``a%20b``), and the
    accessors keep them that way: decode with ``urllib.parse.unquote`` where needed.

    ``decode_query_parameters`` (a keyword and an attribute, set by ``ALBResolver(decode_query_parameters=True)``
    in Powertools) makes ``resolved_query_string_parameters`` URL-decode names and values (``%20`` becomes a
    space, ``+`` stays ``+``); as in Powertools, the other query accessors are not affected.
    """

    __slots__ = ("decode_query_parameters",)

    _KIND = "ALB"

    def __init__(
        self,
        data: Mapping[str, Any],
        json_deserializer: Optional[Callable[[str], Any]] = None,
        *,
        decode_query_parameters: bool = False,
    ) -> None:
        self._data = data
        self._json_deserializer = json_deserializer or json.loads
        self.decode_query_parameters = decode_query_parameters

    @property
    def resolved_query_string_parameters(self) -> Dict[str, List[str]]:
        """Every query parameter with the list of its values (both fields merged, multi-value first);
        URL-decoded when ``decode_query_parameters`` is set."""
        params = _merged_query(self)
        if not self.decode_query_parameters:
            return params
        from urllib.parse import unquote  # PERF: only apps that ask for decoding import it

        return {unquote(name): [unquote(value) for value in values] for name, values in params.items()}

    @property
    def resolved_headers_field(self) -> Mapping[str, Any]:
        """``multi_value_headers`` (every value, as lists) in multi-value mode, else ``headers``."""
        return self.multi_value_headers or self.headers

    @property
    def request_context(self) -> ALBEventRequestContext:
        """A view of ``requestContext`` (empty when missing)."""
        return ALBEventRequestContext(_child(self._data, "requestContext"))

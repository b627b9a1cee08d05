"""Application Load Balancers: the event views ``ALBEvent`` and ``ALBEventRequestContext``, and the resolver
``ALBResolver``. Loaded on first use; the public names are in ``apigw.events`` and ``apigw``.
"""

from __future__ import annotations

import json

from . import integrations
from .events import BaseProxyEvent, DictWrapper, _child, _merged_query
from .resolver import ApiGatewayResolver

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any, Callable, Dict, List, Optional, Pattern, Union

    from .resolver import CORSConfig


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


class ALBResolver(ApiGatewayResolver):
    """Resolver for Application Load Balancer targets (single-value or multi-value headers, detected per request).

    ``decode_query_parameters=True`` URL-decodes query parameter names and values (ALB passes them as sent).

    ``enable_response_size_validation``: left out (``None``), apigw guards the 1 MB limit its own way (gzip when
    the client takes it and it fits, else a 500 that fits: see ``ApiGatewayResolver``). ``True``: as Powertools,
    an oversize response raises ``ResponseSizeExceededError`` through the exception handlers (whose response is
    checked again; still too large, the error propagates). ``False``: no check at all, as Powertools' default
    (ALB answers 502 to an oversize response).
    """

    _integration = integrations.ALB

    if TYPE_CHECKING:

        @property
        def current_event(self) -> ALBEvent: ...

    def __init__(
        self,
        cors: Optional[CORSConfig] = None,
        debug: Optional[bool] = None,
        serializer: Optional[Callable[[Any], str]] = None,
        strip_prefixes: Optional[List[Union[str, Pattern[str]]]] = None,
        enable_validation: bool = False,
        response_validation_error_http_code: Optional[int] = None,
        json_body_deserializer: Optional[Callable[[str], Any]] = None,
        decode_query_parameters: bool = False,
        enable_response_size_validation: Optional[bool] = None,
        *,
        response_size_limit: Optional[int] = None,
        method_not_allowed: bool = False,
        auto_head: bool = False,
    ) -> None:
        super().__init__(
            None,
            cors,
            debug,
            serializer,
            strip_prefixes,
            enable_validation,
            response_validation_error_http_code,
            json_body_deserializer,
            response_size_limit=response_size_limit,
            method_not_allowed=method_not_allowed,
            auto_head=auto_head,
        )
        self.decode_query_parameters = decode_query_parameters
        if decode_query_parameters:
            from functools import partial

            self._event_class = partial(self._integration.event_class, decode_query_parameters=True)
        if enable_response_size_validation is not None:
            self._writer.size_guard = "raise" if enable_response_size_validation else "off"

"""Type names for annotations (the module Powertools users import ``EventHandlerInstance`` from).

Imported only by code that annotates with it; ``import apigw`` does not load it (nor ``typing``).
"""

from typing import TypeVar

from .resolver import ApiGatewayResolver

#: Any resolver: the type of the ``app`` a middleware receives.
EventHandlerInstance = TypeVar("EventHandlerInstance", bound=ApiGatewayResolver)

__all__ = ["EventHandlerInstance"]

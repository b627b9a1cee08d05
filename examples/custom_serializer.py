"""Custom serializer: a ``serializer`` callable that turns Enums into their value and sets into sorted lists."""

import json
from enum import Enum
from json import JSONEncoder
from typing import Dict

from apigw import ApiGatewayResolver  # NOTE: missing on the page


class CustomEncoder(JSONEncoder):
    """Your customer json encoder"""

    def default(self, obj):
        if isinstance(obj, Enum):
            return obj.value
        try:
            iterable = iter(obj)
        except TypeError:
            pass
        else:
            return sorted(iterable)
        return JSONEncoder.default(self, obj)


def custom_serializer(obj) -> str:
    """Your custom serializer function ApiGatewayResolver will use"""
    return json.dumps(obj, cls=CustomEncoder)


# Assigning your custom serializer
app = ApiGatewayResolver(serializer=custom_serializer)


class Color(Enum):
    RED = 1
    BLUE = 2


@app.get("/colors")
def get_color() -> Dict:
    return {
        # Color.RED will be serialized to 1 as expected now
        "color": Color.RED,
        "variations": {"light", "dark"},
    }


# NOTE: the page's snippet stops before the handler; this is the usual one.
def lambda_handler(event, context):
    return app.resolve(event, context)


if __name__ == "__main__":
    from _run import main  # imported here so the example stays importable from anywhere

    main(lambda_handler, "rest-api-v1.json")

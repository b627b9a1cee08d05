"""Common ``Content-Type`` values (the names Powertools users already import)."""

APPLICATION_JSON = "application/json"
APPLICATION_XML = "application/xml"
TEXT_HTML = "text/html"
TEXT_PLAIN = "text/plain"
APPLICATION_OCTET_STREAM = "application/octet-stream"

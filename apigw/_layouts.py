"""Response header layouts: the contract between ``apigw.integrations`` (which integration uses which) and the
headers twins (how each is written). See ``_headers_py.serialize`` for what each layout puts where."""

SINGLE_AND_MULTI = 0  # `headers` (single-valued) + `multiValueHeaders` (all), cookies as Set-Cookie values
JOINED_WITH_COOKIES = 1  # `headers` (values joined with ", ") + `cookies`
SINGLE = 2  # `headers` only, one value per name; cookies under differently-cased Set-Cookie names
MULTI = 3  # `multiValueHeaders` only
JOINED_COOKIES_IN_MULTI = 4  # `headers` (values joined with ", "), cookies as Set-Cookie values of `multiValueHeaders`

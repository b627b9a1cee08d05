"""Request/response validation and the OpenAPI 3.1 document (pydantic v2: ``pip install 'apigw[validation]'``).

Nothing here is imported by ``import apigw``: an app loads this package only when it turns validation on
(``enable_validation=True``), asks for its OpenAPI schema, enables Swagger UI, or imports the markers itself
(``from apigw.openapi.params import Query``). Module layout follows Powertools' ``event_handler.openapi``:

- ``params``: where a handler parameter comes from (``Path``, ``Query``, ``Header``, ``Cookie``, ``Body``, ``Form``,
  ``File``) and ``UploadFile``;
- ``exceptions``: ``RequestValidationError`` (answered 422), ``ResponseValidationError``, ``SchemaValidationError``;
- ``models``: the OpenAPI document as pydantic models (``OpenAPI``, ``Server``, ``Tag``, ``APIKey``, ...);
- ``config``: ``OpenAPIConfig``, what ``configure_openapi`` stores;
- ``encoders``: ``jsonable_encoder``;
- ``swagger_ui``: the Swagger UI page and its OAuth2 settings.
"""

"""The request-context views of API Gateway events (REST and HTTP API 1.0, HTTP API 2.0 and Function URLs), with
their mutual TLS client certificates. Loaded the first time an event's ``request_context`` is read: most apps
never read it. The public names are in ``apigw.events``.
"""

from __future__ import annotations

from .events import DictWrapper, _child, _Field, _FieldOr, _mapping

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any, Dict, List, Optional


# --------------------------------------------------------------------------------------------------------------
# Mutual TLS client certificates (REST identity.clientCert, HTTP API authentication.clientCert)
# --------------------------------------------------------------------------------------------------------------


class ClientCertValidity(DictWrapper):
    """``validity`` of a client certificate: when it starts and stops being valid."""

    __slots__ = ()

    not_before: _Field[str] = _Field("notBefore", 'Start of validity, e.g. ``"May 28 12:30:02 2019 GMT"``.')
    not_after: _Field[str] = _Field("notAfter", 'End of validity, e.g. ``"Aug  5 09:36:04 2021 GMT"``.')


class RequestContextClientCert(DictWrapper):
    """The client certificate of a mutual TLS request, as API Gateway verified it."""

    __slots__ = ()

    client_cert_pem: _Field[str] = _Field("clientCertPem", "The certificate in PEM format.")
    issuer_dn: _Field[str] = _Field("issuerDN", "The distinguished name of the issuer.")
    serial_number: _Field[str] = _Field("serialNumber", "The serial number of the certificate.")
    subject_dn: _Field[str] = _Field("subjectDN", "The distinguished name of the subject.")

    @property
    def validity(self) -> ClientCertValidity:
        """A view of ``validity`` (empty when missing)."""
        return ClientCertValidity(_child(self._data, "validity"))

    @property
    def validity_not_before(self) -> Optional[str]:
        """Start of validity (``validity.notBefore``)."""
        return _child(self._data, "validity").get("notBefore")

    @property
    def validity_not_after(self) -> Optional[str]:
        """End of validity (``validity.notAfter``)."""
        return _child(self._data, "validity").get("notAfter")


def _client_cert(container: Mapping[str, Any]) -> Optional[RequestContextClientCert]:
    cert = _mapping(container.get("clientCert"))
    return None if cert is None else RequestContextClientCert(cert)


# --------------------------------------------------------------------------------------------------------------
# API Gateway REST API (and HTTP API payload format 1.0): requestContext
# --------------------------------------------------------------------------------------------------------------


class APIGatewayEventIdentity(DictWrapper):
    """``requestContext.identity`` of a REST event: who called (fields are ``None`` when not sent)."""

    __slots__ = ()

    access_key: _Field[str] = _Field("accessKey", "The caller's access key (IAM-signed requests).")
    account_id: _Field[str] = _Field("accountId", "The caller's AWS account id (IAM-signed requests).")
    api_key: _Field[str] = _Field("apiKey", "The API key the request carried (usage plans).")
    api_key_id: _Field[str] = _Field("apiKeyId", "The id of that API key.")
    caller: _Field[str] = _Field("caller", "The principal id of the caller (IAM-signed requests).")
    cognito_authentication_provider: _Field[str] = _Field(
        "cognitoAuthenticationProvider", "The Cognito providers that authenticated the caller."
    )
    cognito_authentication_type: _Field[str] = _Field(
        "cognitoAuthenticationType", '``"authenticated"`` or ``"unauthenticated"`` for Cognito callers.'
    )
    cognito_identity_id: _Field[str] = _Field("cognitoIdentityId", "The Cognito identity id of the caller.")
    cognito_identity_pool_id: _Field[str] = _Field(
        "cognitoIdentityPoolId", "The Cognito identity pool id of the caller."
    )
    principal_org_id: _Field[str] = _Field("principalOrgId", "The AWS Organizations id of the caller.")
    source_ip: _Field[str] = _Field("sourceIp", "The client IP address as API Gateway saw it.")
    user: _Field[str] = _Field("user", "The principal id of the user (IAM-signed requests).")
    user_agent: _Field[str] = _Field("userAgent", "The client's ``User-Agent``.")
    user_arn: _Field[str] = _Field("userArn", "The ARN of the authenticated user.")

    @property
    def client_cert(self) -> Optional[RequestContextClientCert]:
        """The client certificate of a mutual TLS request, or ``None``."""
        return _client_cert(self._data)


class APIGatewayEventAuthorizer(DictWrapper):
    """``requestContext.authorizer`` of a REST event.

    A Lambda authorizer's context values sit directly in this dict: read them with ``get``/``[]`` or
    ``get_context()``.
    """

    __slots__ = ()

    claims: _FieldOr[Dict[str, Any]] = _FieldOr("claims", dict, "The Cognito user pool claims (``{}`` when none).")
    scopes: _FieldOr[List[str]] = _FieldOr("scopes", list, "The OAuth scopes of the token (``[]`` when none).")
    principal_id: _FieldOr[str] = _FieldOr(
        "principalId", str, 'The principal id a Lambda authorizer returned (``""`` when none).'
    )
    integration_latency: _Field[int] = _Field("integrationLatency", "How long the authorizer took, in milliseconds.")

    def get_context(self) -> Dict[str, Any]:
        """The whole authorizer dict (where a Lambda authorizer's context lives)."""
        return self._data  # type: ignore[return-value]


class _RequestContext(DictWrapper):
    """What the ``requestContext`` of every API Gateway payload (REST, HTTP API, Function URL) has."""

    __slots__ = ()

    account_id: _Field[str] = _Field("accountId", "The AWS account that owns the API.")
    api_id: _Field[str] = _Field("apiId", "The API's id.")
    domain_name: _Field[str] = _Field("domainName", "The host name the client called.")
    domain_prefix: _Field[str] = _Field("domainPrefix", "The first label of ``domain_name``.")
    request_id: _Field[str] = _Field("requestId", "API Gateway's id of this request.")
    stage: _Field[str] = _Field("stage", "The deployment stage.")
    route_key: _Field[str] = _Field(
        "routeKey", 'The route key, such as ``"$default"`` or ``"GET /orders/{id}"``, when the payload carries one.'
    )


class APIGatewayEventRequestContext(_RequestContext):
    """``requestContext`` of a REST (or HTTP API payload 1.0) event."""

    __slots__ = ()

    extended_request_id: _Field[str] = _Field("extendedRequestId", "API Gateway's extended request id.")
    http_method: _Field[str] = _Field("httpMethod", "The request method.")
    path: _Field[str] = _Field(
        "path", "The request path including ``/{stage}`` (the event's top-level ``path`` has no stage)."
    )
    protocol: _Field[str] = _Field("protocol", 'The request protocol, e.g. ``"HTTP/1.1"``.')
    request_time: _Field[str] = _Field(
        "requestTime", "The request time in CLF format (``dd/MMM/yyyy:HH:mm:ss +0000``)."
    )
    request_time_epoch: _Field[int] = _Field("requestTimeEpoch", "The request time in epoch milliseconds.")
    resource_id: _Field[str] = _Field("resourceId", "The id of the API Gateway resource.")
    resource_path: _Field[str] = _Field("resourcePath", 'The resource template that matched, e.g. ``"/orders/{id}"``.')
    operation_name: _Field[str] = _Field("operationName", "The operation name set on the method, if any.")
    # The WebSocket API fields, which Powertools keeps on the REST request context.
    connected_at: _Field[int] = _Field("connectedAt", "When the WebSocket connection was opened (epoch milliseconds).")
    connection_id: _Field[str] = _Field("connectionId", "The id of the WebSocket connection.")
    event_type: _Field[str] = _Field("eventType", '``"CONNECT"``, ``"MESSAGE"`` or ``"DISCONNECT"`` (WebSocket).')
    message_direction: _Field[str] = _Field("messageDirection", "The direction of a WebSocket message.")
    message_id: _Field[str] = _Field("messageId", "The id of a WebSocket message (``MESSAGE`` events).")

    @property
    def identity(self) -> APIGatewayEventIdentity:
        """A view of ``identity`` (empty when missing)."""
        return APIGatewayEventIdentity(_child(self._data, "identity"))

    @property
    def authorizer(self) -> APIGatewayEventAuthorizer:
        """A view of ``authorizer`` (empty when missing)."""
        return APIGatewayEventAuthorizer(_child(self._data, "authorizer"))


# --------------------------------------------------------------------------------------------------------------
# API Gateway HTTP API payload 2.0 and Lambda Function URLs: requestContext
# --------------------------------------------------------------------------------------------------------------


class RequestContextV2Http(DictWrapper):
    """``requestContext.http`` of a 2.0 event."""

    __slots__ = ()

    method: _Field[str] = _Field("method", "The request method.")
    path: _Field[str] = _Field("path", "The request path.")
    protocol: _Field[str] = _Field("protocol", 'The request protocol, e.g. ``"HTTP/1.1"``.')
    source_ip: _Field[str] = _Field("sourceIp", "The client IP address.")
    user_agent: _Field[str] = _Field("userAgent", "The client's ``User-Agent``.")


class RequestContextV2AuthorizerIam(DictWrapper):
    """``requestContext.authorizer.iam`` of a 2.0 event signed with AWS credentials (``""`` for what is missing)."""

    __slots__ = ()

    access_key: _FieldOr[str] = _FieldOr("accessKey", str, "The caller's access key.")
    account_id: _FieldOr[str] = _FieldOr("accountId", str, "The caller's AWS account id.")
    caller_id: _FieldOr[str] = _FieldOr("callerId", str, "The principal id of the caller.")

    @property
    def cognito_amr(self) -> List[str]:
        """How a Cognito caller authenticated (authentication methods references; ``[]`` when none)."""
        return _child(self._data, "cognitoIdentity").get("amr") or []

    @property
    def cognito_identity_id(self) -> str:
        """The Cognito identity id of the caller (``""`` when none)."""
        identity_id: str = _child(self._data, "cognitoIdentity").get("identityId", "")
        return identity_id

    @property
    def cognito_identity_pool_id(self) -> str:
        """The Cognito identity pool id of the caller (``""`` when none)."""
        return _child(self._data, "cognitoIdentity").get("identityPoolId") or ""

    principal_org_id: _FieldOr[str] = _FieldOr("principalOrgId", str, "The AWS Organizations id of the caller.")
    user_arn: _FieldOr[str] = _FieldOr("userArn", str, "The ARN of the caller.")
    user_id: _FieldOr[str] = _FieldOr("userId", str, "The IAM user id of the caller.")


class RequestContextV2Authorizer(DictWrapper):
    """``requestContext.authorizer`` of a 2.0 event: JWT, Lambda or IAM authorizer output."""

    __slots__ = ()

    @property
    def jwt_claim(self) -> Dict[str, Any]:
        """The JWT claims (``{}`` when none)."""
        return _child(self._data, "jwt").get("claims") or {}

    @property
    def jwt_scopes(self) -> List[str]:
        """The JWT scopes (``[]`` when none)."""
        return _child(self._data, "jwt").get("scopes") or []

    @property
    def get_lambda(self) -> Dict[str, Any]:
        """The context a Lambda authorizer returned (``{}`` when none). A property, as in Powertools."""
        return self._data.get("lambda") or {}

    def get_context(self) -> Dict[str, Any]:
        """Same as ``get_lambda``."""
        return self.get_lambda

    @property
    def iam(self) -> RequestContextV2AuthorizerIam:
        """A view of ``iam`` (empty when missing)."""
        return RequestContextV2AuthorizerIam(_child(self._data, "iam"))


class RequestContextV2(_RequestContext):
    """``requestContext`` of an HTTP API 2.0 or Function URL event."""

    __slots__ = ()

    time: _Field[str] = _Field("time", "The request time in CLF format.")
    time_epoch: _Field[int] = _Field("timeEpoch", "The request time in epoch milliseconds.")

    @property
    def http(self) -> RequestContextV2Http:
        """A view of ``http`` (empty when missing)."""
        return RequestContextV2Http(_child(self._data, "http"))

    @property
    def authentication(self) -> Optional[RequestContextClientCert]:
        """The client certificate of a mutual TLS request (``authentication.clientCert``), or ``None``.

        As in Powertools, this is the certificate itself: ``request_context.authentication.subject_dn``.
        """
        return _client_cert(_child(self._data, "authentication"))

    @property
    def authorizer(self) -> RequestContextV2Authorizer:
        """A view of ``authorizer`` (empty when missing)."""
        return RequestContextV2Authorizer(_child(self._data, "authorizer"))

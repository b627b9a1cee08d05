"""VPC Lattice: the event views of structure v1 (``VPCLatticeEvent``) and v2 (``VPCLatticeEventV2``, with its request
context and identity), and the resolvers ``VPCLatticeResolver`` and ``VPCLatticeV2Resolver``. Loaded on first use; the
public names are in ``apigw.events`` and ``apigw``.
"""

from __future__ import annotations

from . import integrations
from ._case_insensitive import CaseInsensitiveDict, split_values
from .events import (
    _EMPTY,
    _MISSING,
    BaseProxyEvent,
    DictWrapper,
    Headers,
    _child,
    _Field,
    _FieldOr,
    _mapping,
)
from .resolver import _NamedResolver

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any, Dict, List, NoReturn, Optional, Tuple, overload


def _get_any_case(data: Mapping[str, Any], key: str) -> Optional[str]:
    """``data[key]``, else the value of the first key equal to ``key`` ignoring case, else ``None``."""
    found: Any = data.get(key, _MISSING)
    if found is _MISSING:
        lowered = key.lower()
        found = next((value for name, value in data.items() if isinstance(name, str) and name.lower() == lowered), None)
    value: Optional[str] = found
    return value


class _FieldAnyCase(property):
    # Like _Field for a ``str`` field whose key AWS spells in more than one letter case: ``view._data[key]``, else
    # the first key equal to it ignoring case, else None (see ``_get_any_case``).

    __slots__ = ("key", "__doc__")

    def __init__(self, key: str, doc: str) -> None:
        super().__init__(lambda view: _get_any_case(view._data, key))
        self.key = key
        self.__doc__ = doc

    if TYPE_CHECKING:

        @overload
        def __get__(self, obj: None, owner: Optional[type] = None) -> _FieldAnyCase: ...
        @overload
        def __get__(self, obj: object, owner: Optional[type] = None) -> Optional[str]: ...
        def __get__(self, obj: Any, owner: Optional[type] = None) -> Any: ...
        def __set__(self, obj: object, value: NoReturn) -> None: ...


# --------------------------------------------------------------------------------------------------------------
# Amazon VPC Lattice (Lambda target groups, event structure v1 and v2)
# --------------------------------------------------------------------------------------------------------------


class _VPCLatticeEventBase(BaseProxyEvent):
    """What both VPC Lattice event structures have: ``method``, ``headers``, ``body``.

    VPC Lattice sends no multi-value fields besides its own (v2 ``headers`` and ``queryStringParameters`` hold
    lists), no path parameters, no stage variables and no ``multiValueHeaders``.
    """

    __slots__ = ()
    _PLAIN_REQUEST_LINE = False  # the path may carry the query string

    _KIND = "VPC Lattice"
    _METHOD_KEY = "method"

    method: _Field[str] = _Field("method", "The request method, as the event spells it (see ``http_method``).")

    @property
    def path(self) -> str:
        """The request path, without the query string VPC Lattice may leave in it."""
        path = self._data.get(self._PATH_KEY)
        if not isinstance(path, str):
            raise self._invalid(self._PATH_KEY)
        return path.partition("?")[0]


class VPCLatticeEvent(_VPCLatticeEventBase):
    """A VPC Lattice event, structure version 1: snake_case keys.

    ``{"raw_path": "/orders?id=1", "method": "GET", "headers": {...}, "query_string_parameters": {...},
    "body": "...", "is_base64_encoded": false}``: single-valued headers and query parameters.
    """

    __slots__ = ()

    _HINT = "is this a VPC Lattice v1 event? v2 events carry 'version': '2.0' and need VPCLatticeEventV2"
    _PATH_KEY = "raw_path"
    _BASE64_KEY = "is_base64_encoded"

    raw_path: _Field[str] = _Field("raw_path", "The ``raw_path`` field: the path, possibly with its query string.")
    query_string_parameters: _FieldOr[Dict[str, str]] = _FieldOr(
        "query_string_parameters", dict, "The ``query_string_parameters`` field (``{}`` when none)."
    )

    @property
    def headers(self) -> Headers:
        """Case-insensitive view of the request headers (empty when the event has none)."""
        return self._headers_view(self._data.get("headers"), None)

    def _single_query(self) -> Optional[Mapping[str, Any]]:
        return _mapping(self._data.get("query_string_parameters"))

    def _multi_query(self) -> Optional[Mapping[str, Any]]:
        return None

    @property
    def resolved_headers_field(self) -> Mapping[str, Any]:
        """The headers with comma-joined values split into lists, in a ``CaseInsensitiveDict``."""
        return split_values(self.headers)


class VPCLatticeEventV2Identity(DictWrapper):
    """``requestContext.identity`` of a VPC Lattice v2 event: the caller, as VPC Lattice authenticated it.

    The key of each field is matched in any letter case (AWS's examples spell ``principalOrgID``, ``x509SanDns``
    and ``X509SubjectCn`` inconsistently).
    """

    __slots__ = ()

    source_vpc_arn = _FieldAnyCase("sourceVpcArn", "The ARN of the VPC the request came from.")
    get_type = _FieldAnyCase(
        "type", 'How the caller authenticated, e.g. ``"AWS_IAM"`` (the ``type`` field; the name is Powertools\').'
    )
    principal = _FieldAnyCase("principal", "The authenticated principal (an IAM or STS ARN).")
    principal_org_id = _FieldAnyCase("principalOrgID", "The AWS Organizations id of the principal.")
    session_name = _FieldAnyCase("sessionName", "The name of the authenticated session.")
    x509_subject_cn = _FieldAnyCase("X509SubjectCn", "The subject name (CN) of an IAM Roles Anywhere certificate.")
    x509_issuer_ou = _FieldAnyCase("X509IssuerOu", "The issuer (OU) of an IAM Roles Anywhere certificate.")
    x509_san_dns = _FieldAnyCase(
        "x509SanDns", "The subject alternative name (DNS) of an IAM Roles Anywhere certificate."
    )
    x509_san_uri = _FieldAnyCase(
        "X509SanUri", "The subject alternative name (URI) of an IAM Roles Anywhere certificate."
    )
    x509_san_name_cn = _FieldAnyCase(
        "X509SanNameCn", "The alternative name (Name/CN) of an IAM Roles Anywhere certificate."
    )


class VPCLatticeEventV2RequestContext(DictWrapper):
    """``requestContext`` of a VPC Lattice v2 event: which service network, service and target group."""

    __slots__ = ()

    service_network_arn: _Field[str] = _Field("serviceNetworkArn", "The ARN of the service network.")
    service_arn: _Field[str] = _Field("serviceArn", "The ARN of the service that received the request.")
    target_group_arn: _Field[str] = _Field("targetGroupArn", "The ARN of the target group that invoked the function.")
    region: _Field[str] = _Field("region", "The AWS Region of the service.")
    time_epoch: _Field[str] = _Field(
        "timeEpoch", 'The request time in epoch microseconds, as AWS sends it: a string (``"1724875399456789"``).'
    )

    @property
    def identity(self) -> VPCLatticeEventV2Identity:
        """A view of ``identity`` (empty when missing)."""
        return VPCLatticeEventV2Identity(_child(self._data, "identity"))


class VPCLatticeEventV2(_VPCLatticeEventBase):
    """A VPC Lattice event, structure version 2.0.

    ``headers`` and ``queryStringParameters`` map each name to the list of its values. ``headers`` here is the
    usual case-insensitive view (a value is the last one; ``headers.get_all(name)`` has them all);
    ``query_string_parameters`` joins each list with ``,`` (as Powertools does), and
    ``get_multi_value_query_string_values`` returns the list itself.
    """

    __slots__ = ("_query",)
    _query: Tuple[Any, Dict[str, str]]

    _HINT = "is this a VPC Lattice v2 event? v1 events carry 'raw_path' and need VPCLatticeEvent"

    version: _Field[str] = _Field("version", 'The event structure version, ``"2.0"``.')

    @property
    def headers(self) -> Headers:
        """Case-insensitive view of the request headers: a value is the last one, ``get_all`` has every one."""
        # Every value is a list: the multi-value side of the Headers view.
        return self._headers_view(None, self._data.get("headers"))

    def _multi_query(self) -> Optional[Mapping[str, Any]]:
        return _mapping(self._data.get("queryStringParameters"))

    def _single_query(self) -> Optional[Mapping[str, Any]]:
        return self.query_string_parameters

    @property
    def query_string_parameters(self) -> Dict[str, str]:  # type: ignore[override]
        """The query parameters, each list of values joined with ``,`` (``{}`` when none)."""
        raw = self._data.get("queryStringParameters")
        try:
            seen, query = self._query
            # Reused only while the event holds the same dict: a middleware replacing it is seen (as headers).
            if seen is raw:
                return query
        except AttributeError:
            pass
        found = _mapping(raw) or _EMPTY
        query = {name: ",".join(value) if isinstance(value, list) else value for name, value in found.items()}
        self._query = (raw, query)
        return query

    @property
    def multi_value_query_string_parameters(self) -> Dict[str, List[str]]:  # type: ignore[override]
        """The query parameters with the list of their values (``{}`` when none)."""
        raw = _mapping(self._data.get("queryStringParameters")) or _EMPTY
        return {name: value if isinstance(value, list) else [value] for name, value in raw.items()}

    @property
    def multi_value_headers(self) -> Dict[str, List[str]]:
        """The headers with the list of their values, in a ``CaseInsensitiveDict``."""
        return CaseInsensitiveDict(_mapping(self._data.get("headers")))

    @property
    def resolved_query_string_parameters(self) -> Dict[str, List[str]]:
        """The query parameters with the list of their values."""
        return self.multi_value_query_string_parameters

    @property
    def resolved_headers_field(self) -> Mapping[str, Any]:
        """The headers with the list of their values, in a ``CaseInsensitiveDict``."""
        return self.multi_value_headers

    @property
    def request_context(self) -> VPCLatticeEventV2RequestContext:
        """A view of ``requestContext`` (empty when missing)."""
        return VPCLatticeEventV2RequestContext(_child(self._data, "requestContext"))


# COMPAT: Powertools' spellings of the two Lattice v2 context classes.
vpcLatticeEventV2RequestContext = VPCLatticeEventV2RequestContext
vpcLatticeEventV2Identity = VPCLatticeEventV2Identity


class VPCLatticeResolver(_NamedResolver):
    """Resolver for VPC Lattice targets, event structure version 1."""

    _integration = integrations.VPC_LATTICE

    if TYPE_CHECKING:

        @property
        def current_event(self) -> VPCLatticeEvent: ...


class VPCLatticeV2Resolver(_NamedResolver):
    """Resolver for VPC Lattice targets, event structure version 2."""

    _integration = integrations.VPC_LATTICE_V2

    if TYPE_CHECKING:

        @property
        def current_event(self) -> VPCLatticeEventV2: ...

"""Refuse to reach private, loopback and link-local addresses unless config allows it.

Used for webhook endpoints and for the pages that feed entries link to (`full_text`).

A webhook URL comes from config, and a typo or a hostile DNS answer could point it at the
machine itself or the internal network (the cloud metadata service at 169.254.169.254, an admin
panel on 10.0.0.1). Checking the URL text is not enough: `hooks.example.org` may resolve to
127.0.0.1, or resolve to a public address when checked and a private one a moment later (DNS
rebinding). So the check runs inside the connection itself: the host is resolved once, every
address is checked, and the socket connects to those checked addresses and no others.
"""

from __future__ import annotations

import ipaddress
import socket
import sys
from collections.abc import Iterable
from typing import Any

from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError
from urllib3.poolmanager import PoolManager
from urllib3.util.connection import allowed_gai_family


class RefusedAddress(OSError):
    """The host resolves to an address that endpoints may not reach without `allow_private`."""


def is_public(address: str) -> bool:
    """Whether an address is globally routable (not private, loopback, link-local, reserved, ...)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def resolve(host: str, port: int) -> list[tuple[int, int, int, tuple[Any, ...]]]:
    """Every (family, type, proto, sockaddr) the host resolves to, as urllib3 would pick them."""
    infos = socket.getaddrinfo(host.strip("[]"), port, allowed_gai_family(), socket.SOCK_STREAM)
    return [(family, kind, proto, sockaddr) for family, kind, proto, _name, sockaddr in infos]


def check_addresses(host: str, addresses: Iterable[str]) -> None:
    """Raise RefusedAddress naming the first address an endpoint may not reach."""
    for address in addresses:
        if not is_public(address):
            raise RefusedAddress(f"{host} resolves to {address}, a private, loopback or link-local address; "
                                 "set allow_private: true on the endpoint to send there")


def check_host(host: str, port: int = 443) -> None:
    """Resolve a host and check every address (for senders whose sockets we do not own, like Apprise)."""
    try:
        found = resolve(host, port)
    except socket.gaierror as exc:
        raise RefusedAddress(f"{host} cannot be resolved: {exc.strerror}") from exc
    check_addresses(host, [str(sockaddr[0]) for *_, sockaddr in found])


def connect_checked(host: str, port: int, timeout: float | None, source_address: tuple[str, int] | None,
                    options: list[tuple[int, int, int | bytes]] | None) -> socket.socket:
    """Resolve, check every address, then connect to the first checked address that answers."""
    found = resolve(host, port)
    check_addresses(host, [str(sockaddr[0]) for *_, sockaddr in found])
    error: OSError | None = None
    for family, kind, proto, sockaddr in found:
        sock = socket.socket(family, kind, proto)
        try:
            for level, name, value in options or ():
                sock.setsockopt(level, name, value)
            if timeout is not None:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
            return sock
        except OSError as exc:
            error = exc
            sock.close()
    raise error or OSError(f"{host} resolved to no address")


class GuardedConnection(HTTPConnection):
    """An HTTP connection whose socket only ever reaches checked, public addresses."""

    def _new_conn(self) -> socket.socket:
        try:
            sock = connect_checked(self._dns_host, self.port, self.timeout,  # type: ignore[arg-type]
                                   self.source_address, self.socket_options)  # type: ignore[arg-type]
        except RefusedAddress as exc:
            raise NewConnectionError(self, f"refused: {exc}") from exc
        except socket.gaierror as exc:
            raise NameResolutionError(self.host, self, exc) from exc
        except TimeoutError as exc:
            raise ConnectTimeoutError(self, f"connection to {self.host} timed out") from exc
        except OSError as exc:
            raise NewConnectionError(self, f"failed to establish a new connection: {exc}") from exc
        sys.audit("http.client.connect", self, self.host, self.port)
        return sock


class GuardedHTTPSConnection(GuardedConnection, HTTPSConnection):
    """The same for HTTPS; TLS still verifies the certificate against the URL's host name."""


class GuardedPool(HTTPConnectionPool):
    ConnectionCls = GuardedConnection


class GuardedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = GuardedHTTPSConnection


def pool(*, allow_private: bool, size: int = 4) -> PoolManager:
    """Keep-alive connections for deliveries; guarded unless the endpoint allows private addresses.

    Made directly on urllib3, so no proxy from the environment is used: it would bypass the guard.
    """
    made = PoolManager(num_pools=32, maxsize=size)
    if not allow_private:
        made.pool_classes_by_scheme = {"http": GuardedPool, "https": GuardedHTTPSPool}
    return made


def causes(exc: BaseException) -> list[BaseException]:
    """An exception and everything it wraps (causes, contexts, urllib3 reasons, args), once each."""
    found: list[BaseException] = []
    stack: list[BaseException] = [exc]
    while stack:
        current = stack.pop()
        if any(current is seen for seen in found):
            continue
        found.append(current)
        linked = [current.__cause__, current.__context__, getattr(current, "reason", None), *current.args]
        stack.extend(item for item in linked if isinstance(item, BaseException))
    return found


def refusal_in(exc: BaseException) -> RefusedAddress | None:
    """The RefusedAddress in an exception's chain, if the guard is why a request failed."""
    return next((item for item in causes(exc) if isinstance(item, RefusedAddress)), None)

"""Which requests go through the proxy the environment names (``http_proxy``, ``https_proxy``, ``no_proxy``).

Scrapy's ``HttpProxyMiddleware`` asks ``urllib.request.proxy_bypass``, which reads ``no_proxy`` entries
as host names and domain suffixes only: ``127.0.0.0/8`` (a network, as GNOME writes it, and curl
and requests read it) and ``127.0.0.1:8000`` (a host and port) never matched, so a crawl of a mirror
on this machine went to the proxy, which answered for it (a 502 or 407 reported as the mirror's).
``ProxyMiddleware`` reads those forms too; everything else is Scrapy's.
"""

from __future__ import annotations

import ipaddress
import os
import urllib.request

from scrapy.downloadermiddlewares.httpproxy import HttpProxyMiddleware
from scrapy.utils.httpobj import urlparse_cached

_DEFAULT_PORTS = {"http": 80, "https": 443}


def _no_proxy_entries() -> list[str]:
    value = os.environ.get("no_proxy") or os.environ.get("NO_PROXY") or ""
    return [entry.strip().lower() for entry in value.split(",") if entry.strip()]


def _entry_matches(entry: str, host: str, port: int | None, address) -> bool:
    """One ``no_proxy`` entry in the forms urllib does not read: a network (``10.0.0.0/8``,
    ``fd00::/8``), an address or host with a port (``127.0.0.1:8000``, ``[::1]:8000``, ``mirror:8000``)."""
    if "/" in entry:
        if address is None:
            return False
        try:
            return address in ipaddress.ip_network(entry.strip("[]"), strict=False)
        except ValueError:
            return False
    name, sep, entry_port = entry.rpartition(":") if not entry.endswith("]") else ("", "", "")
    if not sep or not entry_port.isdigit() or (name.count(":") and not name.startswith("[")):
        return False  # (no port: urllib's own form; an IPv6 address without brackets has no port)
    name = name.strip("[]").lstrip(".")
    return port == int(entry_port) and (host == name or host.endswith("." + name))


def bypasses_proxy(host: str, port: int | None = None, scheme: str = "http") -> bool:
    """True if a request to ``host`` (and ``port``, else ``scheme``'s) should not go through the
    environment's proxy: ``urllib.request.proxy_bypass``, or a ``no_proxy`` entry naming a network
    that holds the address, or this host with this port."""
    host = host.strip("[]").lower()
    port = port or _DEFAULT_PORTS.get(scheme)
    if urllib.request.proxy_bypass(host):
        return True
    entries = _no_proxy_entries()
    if not entries:
        return False
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        address = None
    return any(_entry_matches(entry, host, port, address) for entry in entries)


class ProxyMiddleware(HttpProxyMiddleware):
    """Scrapy's ``HttpProxyMiddleware`` that also honours ``no_proxy`` networks and host:port entries
    (``bypasses_proxy``); a request's own ``proxy`` meta is Scrapy's business as before."""

    def process_request(self, request, spider=None):
        if self.proxies and "proxy" not in request.meta:
            parsed = urlparse_cached(request)
            if parsed.scheme in self.proxies and parsed.hostname and bypasses_proxy(
                    parsed.hostname, parsed.port, parsed.scheme):
                self._set_proxy_and_creds(request, None, None, None)
                return None
        return super().process_request(request)

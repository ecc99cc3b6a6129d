"""The crawl's host name resolver: Scrapy's default, plus IP address literals, IPv6 ones too.

Scrapy's default resolver (``CachingThreadedResolver``: a cache, and ``DNS_TIMEOUT``) reads IPv4
only: a mirror at ``base_url=http://[::1]:8000`` failed as a host name that "does not resolve".
An address literal needs no lookup: it is answered at once, as an address of its family; every
other name goes to Scrapy's resolver as before.
"""

from __future__ import annotations

import ipaddress

from scrapy.resolver import CachingThreadedResolver
from twisted.internet._resolver import HostResolution, SimpleResolverComplexifier
from twisted.internet.address import IPv4Address, IPv6Address
from twisted.internet.interfaces import IHostnameResolver, IHostResolution
from zope.interface import implementer


@implementer(IHostnameResolver)
class Resolver:
    """``TWISTED_DNS_RESOLVER``: IP address literals answered at once; names resolved by Scrapy's
    ``CachingThreadedResolver`` (its cache and ``DNS_TIMEOUT``)."""

    def __init__(self, reactor, names: CachingThreadedResolver):
        self.reactor = reactor
        self.names = SimpleResolverComplexifier(names)

    @classmethod
    def from_crawler(cls, crawler, reactor):
        return cls(reactor, CachingThreadedResolver.from_crawler(crawler, reactor))

    def install_on_reactor(self) -> None:
        self.reactor.installNameResolver(self)

    def resolveHostName(self, resolutionReceiver, hostName: str, portNumber: int = 0, addressTypes=None,
                        transportSemantics: str = "TCP") -> IHostResolution:
        try:
            address = ipaddress.ip_address(hostName.strip("[]"))
        except ValueError:
            return self.names.resolveHostName(resolutionReceiver, hostName, portNumber, addressTypes, transportSemantics)
        resolution = HostResolution(hostName)
        resolutionReceiver.resolutionBegan(resolution)
        family = IPv6Address if address.version == 6 else IPv4Address
        if addressTypes is None or family in addressTypes:
            resolutionReceiver.addressResolved(family("TCP", str(address), portNumber))
        resolutionReceiver.resolutionComplete()
        return resolution

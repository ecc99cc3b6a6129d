"""The crawl's resolver: IP address literals answered at once (IPv6 too), names left to Scrapy's resolver."""

from __future__ import annotations

import pytest
from twisted.internet.address import IPv4Address, IPv6Address

from interfax.resolver import Resolver


class _Receiver:
    def __init__(self):
        self.began = self.complete = False
        self.addresses = []

    def resolutionBegan(self, resolution):
        self.began = True

    def addressResolved(self, address):
        self.addresses.append(address)

    def resolutionComplete(self):
        self.complete = True


class _Names:
    """Scrapy's resolver stand-in: what it was asked."""

    def __init__(self):
        self.asked = []

    def getHostByName(self, name, timeout=()):
        from twisted.internet import defer

        self.asked.append(name)
        return defer.succeed("10.0.0.7")


@pytest.mark.parametrize("host, address", [
    ("::1", IPv6Address("TCP", "::1", 8000)),
    ("[::1]", IPv6Address("TCP", "::1", 8000)),
    ("127.0.0.1", IPv4Address("TCP", "127.0.0.1", 8000)),
])
def test_an_ip_address_literal_is_answered_without_a_lookup(host, address):
    names = _Names()
    resolver = Resolver(None, names)
    receiver = _Receiver()
    resolver.resolveHostName(receiver, host, 8000)
    assert (receiver.began, receiver.addresses, receiver.complete) == (True, [address], True)
    assert names.asked == []


def test_a_host_name_goes_to_scrapys_resolver():
    names = _Names()
    receiver = _Receiver()
    Resolver(None, names).resolveHostName(receiver, "interfax.com.ua", 443)
    assert names.asked == ["interfax.com.ua"]
    assert receiver.addresses == [IPv4Address("TCP", "10.0.0.7", 443)] and receiver.complete


def test_the_project_installs_it():
    from scrapy.utils.project import get_project_settings

    assert get_project_settings()["TWISTED_DNS_RESOLVER"] == "interfax.resolver.Resolver"

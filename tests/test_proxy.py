"""interfax/proxy.py: which requests skip the proxy the environment names."""

import pytest
import scrapy

from interfax.proxy import ProxyMiddleware, bypasses_proxy


@pytest.fixture
def proxy_env(monkeypatch):
    for name in ("http_proxy", "https_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("http_proxy", "http://user:pw@10.9.9.9:3128")
    monkeypatch.setenv("https_proxy", "http://10.9.9.9:3128")
    return monkeypatch


@pytest.mark.parametrize("no_proxy, host, port, want", [
    ("127.0.0.0/8,localhost", "127.0.0.1", 8000, True),      # a network, as GNOME writes it
    ("127.0.0.0/8", "127.5.6.7", 80, True),
    ("10.0.0.0/8", "192.168.1.2", 80, False),
    ("fd00::/8", "fd12::1", 80, True),
    ("127.0.0.1:8000", "127.0.0.1", 8000, True),              # a host with its port
    ("127.0.0.1:8000", "127.0.0.1", 8001, False),
    ("[::1]:8000", "::1", 8000, True),
    (".example.org:8080", "mirror.example.org", 8080, True),
    ("mirror.lan:8080", "mirror.lan", 80, False),
    ("127.0.0.1", "127.0.0.1", 8000, True),                   # urllib's own forms, as before
    (".interfax.com.ua", "interfax.com.ua", 443, True),
    ("*", "interfax.com.ua", 443, True),
    ("", "127.0.0.1", 8000, False),
    ("10.0.0.0/99,bad:port", "10.0.0.1", 80, False),          # entries that do not parse match nothing
])
def test_no_proxy_networks_and_ports(proxy_env, no_proxy, host, port, want):
    proxy_env.setenv("no_proxy", no_proxy)
    assert bypasses_proxy(host, port) is want


def test_uppercase_no_proxy_is_read(proxy_env):
    proxy_env.setenv("NO_PROXY", "127.0.0.0/8")
    assert bypasses_proxy("127.0.0.1", 80)


def test_the_middleware_sends_a_mirror_on_a_no_proxy_network_direct_and_the_rest_through_the_proxy(proxy_env):
    proxy_env.setenv("no_proxy", "127.0.0.0/8,localhost")
    mw = ProxyMiddleware()
    direct = scrapy.Request("http://127.0.0.1:8000/news/general.html")
    mw.process_request(direct)
    assert direct.meta.get("proxy") is None and b"Proxy-Authorization" not in direct.headers
    proxied = scrapy.Request("http://interfax.com.ua/news/general.html")
    mw.process_request(proxied)
    assert proxied.meta["proxy"] == "http://10.9.9.9:3128" and proxied.headers[b"Proxy-Authorization"].startswith(b"Basic ")
    # a request's own proxy is its own
    own = scrapy.Request("http://127.0.0.1:8000/x.html", meta={"proxy": "http://10.1.1.1:8080"})
    mw.process_request(own)
    assert own.meta["proxy"] == "http://10.1.1.1:8080"

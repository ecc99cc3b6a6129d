"""Which links count and what they mean: raw link -> expected article, table-driven."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interfax import urls

MIRROR = "http://127.0.0.1:8123"
PAGE = "https://interfax.com.ua/news/general/1063374.html"


@pytest.mark.parametrize(
    "href, expected",
    [
        ("/news/general/1063374.html", ("interfax.com.ua", "general", 1063374)),
        ("https://interfax.com.ua/news/general/1063374.html", ("interfax.com.ua", "general", 1063374)),
        ("https://ua.interfax.com.ua/news/general/1063374.html", ("interfax.com.ua", "general", 1063374)),
        ("https://www.interfax.com.ua/news/general/1063374.html", ("interfax.com.ua", "general", 1063374)),
        ("http://interfax.com.ua/news/general/1063374.html", ("interfax.com.ua", "general", 1063374)),
        ("/news/general/1063374-amp.html", ("interfax.com.ua", "general", 1063374)),
        ("/news/general/1063374.html?utm_source=telegram", ("interfax.com.ua", "general", 1063374)),
        ("/news/general/1063374.html#comments", ("interfax.com.ua", "general", 1063374)),
        ("1063120.html", ("interfax.com.ua", "general", 1063120)),
        ("../political/1062871-amp.html?utm_source=fb", ("interfax.com.ua", "political", 1062871)),
        ("https://ru.interfax.com.ua/news/general/1063376.html", ("ru.interfax.com.ua", "general", 1063376)),
        ("https://en.interfax.com.ua/news/press-announcement/1131831.html", ("en.interfax.com.ua", "press-announcement", 1131831)),
        (f"{MIRROR}/news/economic/1063001.html", ("interfax.com.ua", "economic", 1063001)),
        # written in capitals or with a trailing slash: the same article (the canonical URL is lower case)
        ("/NEWS/General/1063374.html", ("interfax.com.ua", "general", 1063374)),
        ("HTTPS://Interfax.com.ua/News/GENERAL/1063374.HTML", ("interfax.com.ua", "general", 1063374)),
        ("/news/general/1063374-AMP.html", ("interfax.com.ua", "general", 1063374)),
        ("/news/general/1063374.html/", ("interfax.com.ua", "general", 1063374)),
        ("https://interfax.com.ua/news/general/1063374.html//?utm_source=x", ("interfax.com.ua", "general", 1063374)),
        # as a browser reads them: tabs and line breaks inside the href dropped (a template that wraps
        # a long link), a run of slashes in the path one (a template joining "/news/" and "/general/...":
        # the site's nginx merges them); before, the article was left out of its listing in silence
        ("/news/gen\neral/1063374.html", ("interfax.com.ua", "general", 1063374)),
        ("/news/general/\t1063374.html?utm_source=x&amp;utm_medium=y", ("interfax.com.ua", "general", 1063374)),
        ("https://interfax.com.ua/news/general/10633\r\n74.html", ("interfax.com.ua", "general", 1063374)),
        ("/news//general/1063374.html", ("interfax.com.ua", "general", 1063374)),
        ("https://interfax.com.ua//news/general//1063374-amp.html", ("interfax.com.ua", "general", 1063374)),
        (f"{MIRROR}/news/economic///1063001.html", ("interfax.com.ua", "economic", 1063001)),
        # the AMP twin written as a query
        ("/news/general/1063374.html?amp=1", ("interfax.com.ua", "general", 1063374)),
        ("https://interfax.com.ua/news/general/1063374.html?amp", ("interfax.com.ua", "general", 1063374)),
    ],
)
def test_article_links(href, expected):
    ref = urls.article_ref(href, PAGE, MIRROR)
    assert ref is not None
    assert (ref.host, ref.section, ref.id) == expected
    assert ref.url == f"https://{expected[0]}/news/{expected[1]}/{expected[2]}.html"
    if href.startswith(("/", "http", "HTTP")):  # (by its path alone: no relative links)
        assert urls.href_article_id(href) == expected[2]


@pytest.mark.parametrize(
    "href",
    [
        "/news/general.html",
        "/news/general-2.html",
        "/news/latest.html",
        "/news/tag/%D0%A1%D0%A8%D0%90.html",
        "/news/tag/2025.html",  # a tag named by a number is not article 2025
        "/news/author/1234.html",
        "https://www.ukr.net/news/details/politics/111.html",
        "https://evil.example/news/general/1063374.html",
        "mailto:news@interfax.com.ua",
        "javascript:void(0)",
        "/news/general/0.html",
        "/news/general/abc.html",
        "/static/articles/images/2025/04/11/photo.jpg",
        "/news/general/1063374.html/extra",
        "/NEWS/TAG/2025.html",
        "/news/tag//2025.html",  # (slashes merged: still a tag page)
        "//news/general/1063374.html",  # (a host named "news")
        "\n\t",
        "http://[::1/news/general/1.html",
        "",
    ],
)
def test_not_article_links(href):
    assert urls.article_ref(href, PAGE, MIRROR) is None


@pytest.mark.parametrize("href, site", [
    ("https://interfax.com.ua?utm_source=telegram", ("interfax.com.ua", "/")),
    ("https://interfax.com.ua#top", ("interfax.com.ua", "/")),
    (f"{MIRROR}?x=1", ("interfax.com.ua", "/")),
    ("https://i?nterfax.com.ua/news/economic/1063398.html", None),  # (host "i": off the site)
])
def test_a_link_with_a_query_or_fragment_right_after_its_host_is_no_article(href, site):
    """No path before the ``?`` or ``#`` (the home page with a tracking query, a logo's "#top"): the
    home page, not an article; it raised TypeError, and the page holding it (a listing, an article
    whose canonical link was written so) was lost."""
    assert urls.site_path(href, PAGE, MIRROR) == site
    assert urls.article_ref(href, PAGE, MIRROR) is None


def test_canonical_url_is_live_and_plain():
    ref = urls.article_ref(f"{MIRROR}/news/general/1063374-amp.html?utm_source=telegram#x", PAGE, MIRROR)
    assert ref.url == "https://interfax.com.ua/news/general/1063374.html"
    assert urls.article_fetch_url(ref, MIRROR) == f"{MIRROR}/news/general/1063374.html"
    assert urls.amp_fetch_url(ref, MIRROR) == f"{MIRROR}/news/general/1063374-amp.html"


def test_other_editions_keep_their_host():
    ref = urls.article_ref("https://ru.interfax.com.ua/news/general/1063376.html", PAGE, MIRROR)
    assert ref.url == "https://ru.interfax.com.ua/news/general/1063376.html"
    assert urls.edition_of(ref.host) == "ru"


@pytest.mark.parametrize(
    "section, page, path",
    [("general", 1, "/news/general.html"), ("general", 2, "/news/general-2.html"), ("latest", 3, "/news/latest-3.html")],
)
def test_listing_paths(section, page, path):
    assert urls.listing_path(section, page) == path
    assert urls.listing_page(MIRROR + path + "?x=1", section) == page


@pytest.mark.parametrize("path, page", [
    ("/news/General-2.html", 2), ("/NEWS/GENERAL-3.HTML", 3), ("/news/general-2.html/", 2), ("/news/General.html", 1),
])
def test_a_listing_page_in_capitals_or_with_a_trailing_slash_is_the_same_page(path, page):
    assert urls.listing_page(MIRROR + path, "general") == page
    assert urls.listing_link(path, MIRROR + "/news/general.html", MIRROR, "general") == ("uk", page)


def test_listing_page_of_other_section_is_none():
    assert urls.listing_page("/news/political-2.html", "general") is None
    assert urls.listing_page("/news/general/1063374.html", "general") is None


@pytest.mark.parametrize("raw, origin", [("http://127.0.0.1:8000/", "http://127.0.0.1:8000"), ("https://interfax.com.ua", "https://interfax.com.ua")])
def test_normalize_origin(raw, origin):
    assert urls.normalize_origin(raw) == origin


@pytest.mark.parametrize("raw", ["ftp://x", "interfax.com.ua", "https://interfax.com.ua/news/", "http://host:99999", ""])
def test_normalize_origin_rejects(raw):
    with pytest.raises(ValueError):
        urls.normalize_origin(raw)


def test_an_origin_with_a_user_and_password_is_refused_without_showing_the_password():
    """``http://user:secret@host``: no request reached the host (its robots.txt "could not be read", the run
    ended with exit 3), and the password was written into the log's start-up line and the stats."""
    with pytest.raises(ValueError) as error:
        urls.normalize_origin("http://user:secret@127.0.0.1:8000")
    assert "user name or password" in str(error.value) and "secret" not in str(error.value)
    assert str(error.value).endswith("http://user:***@127.0.0.1:8000")


def test_live_url_maps_mirror_back():
    assert urls.live_url(f"{MIRROR}/news/general.html", MIRROR) == "https://interfax.com.ua/news/general.html"



def test_amp_article_id():
    assert urls.amp_article_id("https://interfax.com.ua/news/general/1063374-amp.html") == 1063374
    assert urls.amp_article_id(f"{MIRROR}/news/general/1063374-amp.html?utm_source=x", MIRROR) == 1063374
    assert urls.amp_article_id("https://interfax.com.ua/news/general/1063374.html") is None
    assert urls.amp_article_id("https://interfax.com.ua/news/general.html") is None


@pytest.mark.parametrize("href, fetch", [
    ("/news/general/1063374-amp.html", f"{MIRROR}/news/general/1063374-amp.html"),
    ("https://interfax.com.ua/news/general/1063374-amp.html", f"{MIRROR}/news/general/1063374-amp.html"),
    # the twin as a query of the article's own URL: fetched with it (without it, the desktop page again)
    ("/news/general/1063374.html?amp=1", f"{MIRROR}/news/general/1063374.html?amp=1"),
    ("https://interfax.com.ua/news/general/1063374.html?amp", f"{MIRROR}/news/general/1063374.html?amp"),
    ("/news/general/1063374.html?utm_source=x&amp=1#top", f"{MIRROR}/news/general/1063374.html?amp=1"),
    # no twin: the page itself, without an amp query (or amp=0), or a link off the site
    ("/news/general/1063374.html", None),
    ("/news/general/1063374.html?utm_source=x", None),
    ("/news/general/1063374.html?amp=0", None),
    ("https://evil.example/news/general/1063374-amp.html", None),
])
def test_amp_twin_fetch_url(href, fetch):
    page = f"{MIRROR}/news/general/1063374.html"
    assert urls.amp_twin_fetch_url(href, page, MIRROR, "/news/general/1063374.html") == fetch


def test_amp_article_id_of_a_query_twin():
    assert urls.amp_article_id(f"{MIRROR}/news/general/1063374.html?amp=1", MIRROR) == 1063374
    assert urls.amp_article_id(f"{MIRROR}/news/general/1063374.html?amp", MIRROR) == 1063374
    assert urls.amp_article_id(f"{MIRROR}/news/general/1063374.html?amp=0", MIRROR) is None


_URL_CHARS = "aZ09-._~/?=&#%:@!$'()*+,;[]|\\ \t\u00a0іЇ"


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:8123/news/general/1063374.html", "https://interfax.com.ua/news/general/1063374-amp.html",
    "https://interfax.com.ua/news/general/1063374.html?amp=1", "https://interfax.com.ua/news/general/1063374.html?amp",
    "https://interfax.com.ua/news/general-2.html", "http://localhost:80/news/general.html", "http://127.1/news/a.html",
    "http://Interfax.com.ua/news/a.html", "https://interfax.com.ua/news/./a.html", "https://interfax.com.ua/news/../a.html",
    "https://interfax.com.ua/news/a.html?", "https://interfax.com.ua/news/a.html#x", "https://interfax.com.ua",
    "https://interfax.com.ua/новини/a.html", "https://інтерфакс.укр/news/a.html", "https://user:pw@interfax.com.ua/a",
    "https://interfax.com.ua/a b.html", " https://interfax.com.ua/a.html", "https://interfax.com.ua/a%20b.html",
    "https://interfax.com.ua:443/a.html", "https://interfax.com.ua:99999/a.html", "http://[::1]:8000/news/a.html",
])
def test_a_request_of_a_safe_url_skips_escaping_with_the_same_url(url):
    """``SiteRequest`` skips w3lib's escaping only of a URL it would leave as it is: its URL is always
    what ``scrapy.Request`` makes of it."""
    import scrapy
    from w3lib.url import safe_url_string

    from interfax.spiders.articles import SiteRequest

    if urls.is_safe_url(url):
        assert safe_url_string(url) == url
    try:
        expected = scrapy.Request(url).url
    except ValueError as exc:
        with pytest.raises(type(exc)):
            SiteRequest(url)
        return
    assert SiteRequest(url).url == expected


def test_the_urls_the_crawler_builds_are_told_safe():
    """Listing, article and AMP twin URLs, on the live origin and a mirror's: no escaping to run."""
    ref = urls.ArticleRef(1063374, "general")
    for origin in (urls.LIVE_ORIGIN, MIRROR):
        for url in (urls.fetch_url(urls.listing_path("general", 2), origin), urls.article_fetch_url(ref, origin),
                    urls.amp_fetch_url(ref, origin), urls.article_fetch_url(ref, origin) + "?amp=1"):
            assert urls.is_safe_url(url), url


@given(st.text(alphabet=_URL_CHARS, max_size=30), st.sampled_from(["http://127.0.0.1:8123", "https://interfax.com.ua",
                                                                  "http://Host:80", "https://xn--80a.com"]))
@settings(max_examples=500, deadline=None, database=None)
def test_a_url_told_safe_is_one_w3lib_leaves_as_it_is(path, origin):
    from w3lib.url import safe_url_string

    url = origin + "/" + path
    if urls.is_safe_url(url):
        assert safe_url_string(url) == url


def test_onto_base_maps_the_sites_hosts_onto_a_mirror_only():
    assert urls.onto_base("https://interfax.com.ua/news/general/1.html?utm_source=x", MIRROR) == \
        f"{MIRROR}/news/general/1.html?utm_source=x"
    assert urls.onto_base("http://WWW.interfax.com.ua/news/general/1.html", MIRROR) == f"{MIRROR}/news/general/1.html"
    assert urls.onto_base("https://ru.interfax.com.ua/news/general/1.html", MIRROR) == f"{MIRROR}/news/general/1.html"
    assert urls.onto_base("https://example.invalid/news/general/1.html", MIRROR) is None
    assert urls.onto_base(f"{MIRROR}/news/general/1.html", MIRROR) is None
    assert urls.onto_base("https://www.interfax.com.ua/news/general/1.html", "https://interfax.com.ua") is None  # the site itself
    assert urls.onto_base("http://[::1/x", MIRROR) is None


def test_an_amp_cache_url_is_the_page_it_caches():
    cached = "https://interfax-com-ua.cdn.ampproject.org/c/s/interfax.com.ua/news/general/1100012-amp.html"
    assert urls.from_amp_cache(cached) == "https://interfax.com.ua/news/general/1100012-amp.html"
    assert urls.amp_twin_fetch_url(cached, "https://interfax.com.ua/news/general/1100012.html", "http://127.0.0.1:8000") == (
        "http://127.0.0.1:8000/news/general/1100012-amp.html")
    assert urls.from_amp_cache("https://interfax.com.ua/news/general/1.html") == "https://interfax.com.ua/news/general/1.html"


@pytest.mark.parametrize("href, why", [
    ("https://ru.interfax.com.ua/news/general/1100216-amp.html", "another edition's page (ru.interfax.com.ua)"),
    ("https://en.interfax.com.ua/news/general/1100012-amp.html", "another edition's page (en.interfax.com.ua)"),
    ("https://interfax.com.ua/news/general/1100216-amp.html", "another article's page (article 1100216)"),
    ("/news/general/1100012-amp.html", None),
    ("https://ua.interfax.com.ua/news/general/1100012-amp.html", None),
    ("/news/general/1100012.html?amp=1", None),
])
def test_an_amp_link_naming_another_article_or_edition_is_no_twin(href, why):
    assert urls.amp_twin_refusal(href, "https://interfax.com.ua/news/general/1100012.html", "http://127.0.0.1:8000", 1100012) == why


def test_an_article_link_under_an_edition_prefix_is_that_editions():
    page = "https://interfax.com.ua/news/general/1.html"
    assert urls.article_ref("/ru/news/general/1100994.html", page) == urls.ArticleRef(1100994, "general", "ru.interfax.com.ua")
    assert urls.article_ref("/en/news/economic/7.html", page) == urls.ArticleRef(7, "economic", "en.interfax.com.ua")
    assert urls.article_ref("/de/news/economic/7.html", page) is None

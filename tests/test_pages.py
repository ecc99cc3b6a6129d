"""Stored mirror pages -> the expected JSON of tests/expected, one test per article and field."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import expected_records, record_from_pages

EXPECTED = expected_records()
CASES = [(aid, field) for aid, rec in EXPECTED.items() for field in rec if field != "crawled_at"]
_cache: dict[int, dict] = {}


def produced(article_id: int) -> dict:
    if article_id not in _cache:
        _cache[article_id] = record_from_pages(EXPECTED[article_id]["url"])
    return _cache[article_id]


def test_expected_records_exist():
    assert len(EXPECTED) >= 20
    assert 1063374 in EXPECTED  # the reference article this project started from


@pytest.mark.parametrize("article_id, field", CASES, ids=[f"{a}-{f}" for a, f in CASES])
def test_field(article_id, field):
    record = produced(article_id)
    assert record is not None, "no item produced"
    assert record.get(field) == EXPECTED[article_id][field]


def test_css_by_id_uses_the_documents_first_element_with_it():
    from lxml import etree

    from interfax.pages.base import css

    root = etree.fromstring(
        '<html><body><div id="a"><p id="b">x</p></div><div id="c"></div><b id="a">dup</b></body></html>', etree.HTMLParser()
    )
    (first,) = css(root, "#a")
    assert first.tag == "div"
    assert css(root, "#b")[0].tag == "p" and css(first, "#b") == css(root, "#b")
    assert css(css(root, "#c")[0], "#b") == []  # not below the context element
    assert css(root, "#missing") == []


def test_source_pre_tests_never_hide_text_written_with_character_references():
    from scrapy.http import HtmlResponse

    from interfax.pages.article import ArticlePage

    html = (
        "<html><body><article><h1>Заголовок</h1><div class='article-content'><p>Текст статті.</p>"
        "<p>&#1058;еги: #Енергетика #Київ</p><p>2 &#1093;в читати</p></div>"
        "<h3>&#1065;Е ЗА ТЕМОЮ</h3><ul><li><a href='/news/general/1063374.html'>Інша новина</a></li></ul>"
        "</article></body></html>"
    )
    page = ArticlePage(HtmlResponse("https://interfax.com.ua/news/general/1.html", body=html.encode(), encoding="utf-8"))
    assert page.tags() == ["Енергетика", "Київ"]
    assert page.reading_time() == 2
    assert [link.ref.id for link in page.related()] == [1063374]
    plain = ArticlePage(HtmlResponse("https://interfax.com.ua/news/general/1.html", encoding="utf-8",
                                     body=b"<html><body><article><h1>T</h1><p>Text</p></article></body></html>"))
    assert not plain.may_contain("Теги") and plain.tags() == [] and plain.related() == []


@given(st.text(alphabet="/.\\ab?#:;%= -_щ\t", max_size=20))
@settings(max_examples=500, deadline=None, database=None)
def test_image_url_fast_path_agrees_with_urljoin(path):
    """The fast path gives what urljoin gives, as a browser requests it (w3lib's safe_url_string: "щ" and
    a space percent-encoded)."""
    from urllib.parse import urljoin

    from w3lib.url import safe_url_string

    from interfax.pages.article import _image_url

    for src in ("/" + path, "https://interfax.com.ua/" + path, "http://127.0.0.1:1/" + path):
        try:
            # a mirror URL stands for the same path on the live site (not a protocol-relative "//host")
            want = safe_url_string(urljoin("https://interfax.com.ua/", src.strip().replace("http://127.0.0.1:1/", "https://interfax.com.ua/", 1)))
        except ValueError:
            want = None
        assert _image_url(src, "http://127.0.0.1:1") == want


def test_related_by_heading_climbs_a_lone_wrapper_and_stops_at_the_next_list():
    from scrapy.http import HtmlResponse

    from interfax.pages.article import ArticlePage

    html = (
        "<html><body><article><h1>Заголовок</h1><div class='article-content'><p>Текст статті.</p></div>"
        "<div class='box'><div><!-- x --><h2>Ще за темою</h2></div>"
        "<ul><li><a href='/news/general/1063374.html'>Перша</a></li></ul>"
        "<ul><li><a href='/news/economic/1062540-amp.html?utm_source=x'>Друга</a></li></ul>"
        "<h2>ОСТАННЄ</h2><ul><li><a href='/news/general/1063390.html'>Не пов'язана</a></li></ul></div>"
        "</article></body></html>"
    )
    page = ArticlePage(HtmlResponse("https://interfax.com.ua/news/general/1.html", body=html.encode(), encoding="utf-8"))
    assert [(link.ref.id, link.title) for link in page.related()] == [(1063374, "Перша"), (1062540, "Друга")]


_TAGS = ("div", "p", "a", "span", "article", "h1")
_CLASSES = ("x", "y", "x-y", "Y")


@st.composite
def _trees(draw, depth=0):
    """Small HTML trees whose class attributes mix tokens, repeats, tabs, newlines and nbsp."""
    tag = draw(st.sampled_from(_TAGS))
    tokens = draw(st.lists(st.sampled_from(_CLASSES + ("", "x\u00a0y")), max_size=3))
    sep = draw(st.sampled_from((" ", "  ", "\t", "\n ", "\u00a0")))
    attr = f' class="{sep.join(tokens)}"' if tokens else ""
    children = draw(st.lists(_trees(depth + 1), max_size=3)) if depth < 3 else []
    return f"<{tag}{attr}>t{''.join(children)}</{tag}>"


_SELECTORS = st.lists(
    st.tuples(st.sampled_from((" ", " > ", ">")), st.sampled_from((None,) + _TAGS), st.sampled_from((None,) + _CLASSES))
    .filter(lambda p: p[1:] != (None, None)),
    min_size=1, max_size=3,
).map(lambda parts: "".join((comb if i else "") + (tag or "") + (f".{cls}" if cls else "") for i, (comb, tag, cls) in enumerate(parts)))


@given(_trees(), _SELECTORS, st.integers(min_value=0, max_value=6), st.booleans())
@settings(max_examples=400, deadline=None, database=None)
def test_select_agrees_with_css(tree, selector, start, indexed_first):
    """The walk's and the class index's answers are cssselect's: the same elements in the same order."""
    from scrapy.http import HtmlResponse

    from interfax.pages.article import ArticlePage
    from interfax.pages.base import css

    page = ArticlePage(HtmlResponse("https://interfax.com.ua/news/general/1.html", encoding="utf-8",
                                    body=f"<html><body>{tree}</body></html>".encode()))
    elements = [page.root] + list(page.root.iter("body", *_TAGS))
    el = elements[min(start, len(elements) - 1)]
    if indexed_first:
        page.index_on(el)
        page.select(el, ".x")  # the index is built: later lookups use it
    assert page.select(el, selector) == css(el, selector)


_BODIES = [
    "<html><body><p>Текст</p></body></html>",
    "\n  <!DOCTYPE html>\n<html lang='uk'><head><meta charset='utf-8'></head><body><p>а&nbsp;б</p></body></html>\n\n",
    "\ufeff<html><body><p>BOM</p></body></html>",
    "<html><body><p>NUL\x00 inside</p></body></html>",
    "<html><body><p>after the end</p></body></html>\u00a0",
    "\u2003<p>starts with an em space</p>",
    "plain text, no markup",
    "",
    "   \n ",
    "<p>unclosed <b>bold",
]


@pytest.mark.parametrize("charset", ["utf-8", "", "windows-1251"])
@pytest.mark.parametrize("body", _BODIES + [b"<html><body><p>bad \xff\xfe utf-8 \xd0</p></body></html>",
                                            "<html><body><p>Кирилиця cp1251</p></body></html>".encode("cp1251")])
def test_parse_html_gives_parsels_tree(body, charset):
    """The reused-parser bytes path builds exactly the tree parsel builds from ``response.text``."""
    from lxml import etree
    from parsel.selector import create_root_node
    from scrapy.http import HtmlResponse

    from interfax.pages.base import parse_html

    raw = body if isinstance(body, bytes) else body.encode("utf-8")
    headers = {"Content-Type": f"text/html; charset={charset}" if charset else "text/html"}
    for _ in range(2):  # the parser is reused: a second page parses as the first
        response = HtmlResponse("https://interfax.com.ua/news/general/1.html", body=raw, headers=headers)
        want = create_root_node(response.text, etree.HTMLParser, base_url=response.url)
        got = parse_html(response)
        assert etree.tostring(got, encoding="unicode") == etree.tostring(want, encoding="unicode")
        assert got.getroottree().docinfo.URL == want.getroottree().docinfo.URL


def test_parse_html_takes_the_bytes_path_only_for_plain_utf8():
    from scrapy.http import HtmlResponse

    from interfax.pages.base import _plain_utf8_body

    def body_of(raw: bytes, charset: str = "utf-8"):
        return _plain_utf8_body(HtmlResponse("https://interfax.com.ua/", body=raw,
                                             headers={"Content-Type": f"text/html; charset={charset}"}))

    assert body_of(b"\n<html><p>\xd0\xa2</p></html>\n") == b"<html><p>\xd0\xa2</p></html>"
    assert body_of("<html><p>Т</p></html>".encode("cp1251"), "windows-1251") is None
    assert body_of(b"\xef\xbb\xbf<html></html>") is None
    assert body_of(b"<html>\x00</html>") is None
    assert body_of(b"<html></html>\xc2\xa0") is None
    assert body_of(b"") is None


# ---------------------------------------------------------------- variants of the live markup


def _variant(body: str, head: str = "", url: str = "https://interfax.com.ua/news/economic/1064999.html"):
    from scrapy.http import HtmlResponse

    from interfax.pages.article import ArticlePage

    html = f'<!DOCTYPE html><html lang="uk"><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'
    return ArticlePage(HtmlResponse(url, body=html.encode("utf-8"), encoding="utf-8"))


_HEADER = ('<article class="article-content-view"><div class="article-content-secondary-header">'
           '<div class="article-time">{time}</div></div><h1>Заголовок статті</h1>'
           '<div class="article-content"><p>Перший абзац статті, досить довгий для тексту.</p>{body}</div></article>{after}')


def test_json_ld_article_wins_over_a_webpage_listed_first():
    graph = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
             '{"@type": "WebPage", "name": "Сторінка", "datePublished": "2020-01-01T00:00:00Z"},'
             '{"@type": "NewsArticle", "headline": "Заголовок статті", "datePublished": "2025-02-03T05:45:00Z",'
             ' "dateModified": "2025-02-03T06:00:00Z", "image": {"url": "https://interfax.com.ua/static/a.jpg"}}]}</script>')
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body="", after=""), head=graph)
    assert page.published_at()[0] == "2025-02-03T05:45:00Z"
    assert page.modified_at() == ["2025-02-03T06:00:00Z"]
    assert "https://interfax.com.ua/static/a.jpg" in [img["url"] for img in page.images()]
    # an ImageObject that names its file by contentUrl only, in a list beside the publisher's
    listed = ('<script type="application/ld+json">[{"@type": "Organization", "logo": {"@type": "ImageObject", "url": "/static/logo.png"}},'
              '{"@type": "NewsArticle", "headline": "Заголовок статті", "image": {"@type": "ImageObject", "contentUrl": "/static/b.jpg"}}]</script>')
    assert [img["url"] for img in _variant(_HEADER.format(time="07:45 03.02.2025", body="", after=""), head=listed).images()] == [
        "https://interfax.com.ua/static/b.jpg"]
    # a WebPage alone still gives what it has; one holding its article as mainEntity gives the article
    alone = _variant("<p>x</p>", head='<script type="application/ld+json">{"@type": "WebPage", "datePublished": "2025-01-01T10:00:00+02:00"}</script>')
    assert alone.ld("datePublished") == "2025-01-01T10:00:00+02:00"
    nested = _variant("<p>x</p>", head='<script type="application/ld+json">{"@type": "WebPage", "mainEntity": '
                                        '{"@type": "NewsArticle", "headline": "Вкладена"}}</script>')
    assert nested.ld("headline") == "Вкладена"


@pytest.mark.parametrize("embed, where", [
    ('<div itemprop="video" itemscope itemtype="https://schema.org/VideoObject">'
     '<meta itemprop="datePublished" content="2024-01-01T10:00:00+02:00"></div>', "header"),
    ('<div class="embed" itemscope itemtype="https://schema.org/NewsArticle">'
     '<meta itemprop="datePublished" content="2023-05-05T10:00:00+03:00"><a href="https://ukrinform.ua/x.html">Інша</a></div>', "body"),
])
def test_an_embedded_blocks_microdata_does_not_date_the_page(embed, where):
    header = ('<article class="article-content-view"><div class="article-time">21:32 11.04.2025</div>{pre}<h1>Заголовок статті</h1>'
              '<div class="article-content"><p>Перший абзац статті, досить довгий для тексту.</p>{body}</div></article>')
    page = _variant(header.format(pre=embed if where == "header" else "", body=embed if where == "body" else ""))
    assert page.published_at() == ["21:32 11.04.2025"]
    # the page's own microdata counts: outside any itemscope, or in the article's own
    for own in ('<article class="article-content-view" itemscope itemtype="https://schema.org/NewsArticle">',
                '<article class="article-content-view"><div itemscope itemtype="https://schema.org/NewsArticle">'):
        marked = _variant(own + '<meta itemprop="datePublished" content="2025-04-11T21:32:00+03:00">'
                          + header.split(">", 1)[1].format(pre="", body=embed))
        assert marked.published_at()[0] == "2025-04-11T21:32:00+03:00"


def test_a_webpage_objects_date_does_not_beat_the_header():
    webpage = '<script type="application/ld+json">{"@type": "WebPage", "datePublished": "2025-04-09T10:00:00+03:00"}</script>'
    page = _variant(_HEADER.format(time="21:32 11.04.2025", body="", after=""), head=webpage)
    assert page.published_at() == ["21:32 11.04.2025", "2025-04-09T10:00:00+03:00"]
    article = webpage.replace("WebPage", "NewsArticle")
    assert _variant(_HEADER.format(time="21:32 11.04.2025", body="", after=""), head=article).published_at()[0] == (
        "2025-04-09T10:00:00+03:00")


def test_json_ld_strings_with_character_references_are_decoded():
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "НБУ: &laquo;Ринок&raquo; &amp; банки"}</script>'
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body="", after=""), head=head)
    assert page.title() == "НБУ: «Ринок» & банки"


_LD = ('{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Заголовок статті",'
       ' "datePublished": "2025-02-03T07:45:00+02:00", "dateModified": "2025-02-03T08:10:00+02:00",'
       ' "image": ["https://interfax.com.ua/static/a.jpg",], "publisher": {"@type": "Organization", "name": "Інтерфакс-Україна"}}')


@pytest.mark.parametrize("script", [
    _LD,  # a trailing comma in a list (a template's loop): not strict JSON
    _LD[:-1] + ",}",  # and in an object
    "//<![CDATA[\n" + _LD.replace(",]", "]") + "\n//]]>",  # a CDATA wrapper
    "/*<![CDATA[*/" + _LD.replace(",]", "]") + "/*]]>*/",
    "\ufeff" + _LD.replace(",]", "]"),  # a byte order mark
    _LD.replace(",]", "]") + ";",  # a trailing semicolon
    '{"@type": "WebSite", "name": "Інтерфакс-Україна"}\n' + _LD.replace(",]", "]"),  # two objects one after the other
])
def test_json_ld_broken_as_templates_break_it_is_still_read(script):
    """Before, such a script was no JSON-LD at all: the live site's ``dateModified`` is in JSON-LD only,
    so ``modified_at`` was exported null without a word."""
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body="", after=""),
                    head=f'<script type="application/ld+json">{script}</script>')
    assert page.published_at()[0] == "2025-02-03T07:45:00+02:00"
    assert page.modified_at() == ["2025-02-03T08:10:00+02:00"]
    assert page.ld("headline") == "Заголовок статті"


def test_json_ld_that_is_no_json_at_all_is_left_out():
    for script in ("{'@type': 'NewsArticle', 'headline': 'x'}", '{"@type": "NewsArticle", "headline": "a "b" c"}', "var x = 1;", ""):
        page = _variant(_HEADER.format(time="07:45 03.02.2025", body="", after=""),
                        head=f'<script type="application/ld+json">{script}</script>')
        assert page.json_ld == {} and page.published_at() == ["07:45 03.02.2025"]


def test_a_time_outside_the_article_is_not_its_date():
    sidebar = '<aside><time datetime="2026-01-12T10:15:00+02:00">12.01.2026</time></aside>'
    related = ('<div class="article-related"><time datetime="2026-01-13T10:15:00+02:00">13.01.2026</time>'
               '<a href="/news/general/1.html">Інша</a></div>')
    page = _variant(sidebar + _HEADER.format(time="07:45 03.02.2025", body=related, after=""))
    assert page.published_at() == ["07:45 03.02.2025"]
    own = _variant(_HEADER.format(time='<time datetime="2025-02-03T07:45:00+02:00">07:45 03.02.2025</time>', body="", after=sidebar))
    assert own.published_at()[0] == "2025-02-03T07:45:00+02:00"
    marked = _variant(sidebar + '<time itemprop="datePublished" datetime="2025-02-04T08:00:00+02:00"></time>'
                      + _HEADER.format(time="", body="", after=""))
    assert marked.published_at()[0] == "2025-02-04T08:00:00+02:00"


_OTHER_ITEM = ('<div class="article-time"><span class="time">18:05</span> <span>10.04.2025</span></div>'
               '<h1 class="article-link-wrapper"><a class="article-link" href="/news/general/1063120.html">Інша новина</a></h1>')


@pytest.mark.parametrize("related", [
    # under the "ЩЕ ЗА ТЕМОЮ" heading, the block's classes unknown
    f'<div class="u-more"><h2 class="hh">ЩЕ ЗА ТЕМОЮ</h2><div class="lst"><div class="it">{_OTHER_ITEM}</div></div></div>',
    # the related block by its id, no heading
    f'<div id="related-articles"><div class="it">{_OTHER_ITEM}</div></div>',
    # an item of another article with no heading or block around it: its time is beside the other's link
    f'<div class="it">{_OTHER_ITEM}</div>',
])
def test_another_articles_item_time_is_not_the_header_time(related):
    """A redesign whose header has no known class: the site's ``div.article-time`` of an item of another
    article in the article's element (a related block below the body) is not the article's date."""
    page = _variant('<main class="m-1"><div class="pst"><div class="hdr"><span>Інтерфакс-Україна</span> '
                    '<span>21:59 11.04.2025</span></div><h1 class="ttl">Заголовок статті</h1><div class="bd-3">'
                    '<p>Перший абзац статті, досить довгий для тексту.</p><p>Другий абзац статті.</p></div></div>'
                    f'{related}</main>')
    assert page.published_at() == ["21:59 11.04.2025"]
    # the site's own header still wins over an item's time below it
    known = _variant(_HEADER.format(time="07:45 03.02.2025", body="", after=related))
    assert known.published_at() == ["07:45 03.02.2025"]


@pytest.mark.parametrize("shown, instant", [
    ("4 квітня 2017, 14:08", "2017-04-04T14:08:00+03:00"),
    ("5 июля 2011, 14:45", "2011-07-05T14:45:00+03:00"),
    ("Четвер, 27 березня 2025, 16:12", "2025-03-27T16:12:00+02:00"),
    ("14:08 4 квітня 2025 р.", "2025-04-04T14:08:00+03:00"),
    ("13 лютий 2026", "2026-02-13T00:00:00+02:00"),
])
def test_a_header_date_with_a_month_name_is_read(shown, instant):
    from interfax import dates

    page = _variant(_HEADER.format(time=shown, body="", after=""))
    assert page.published_at() == [shown]
    assert dates.normalize(page.published_at()[0]) == instant
    # an unknown header (no known class): found among the article's short texts
    other = _variant(f'<article><div class="meta"><span>{shown}</span></div><h1>Заголовок статті</h1>'
                     '<p>Перший абзац статті, досить довгий для тексту.</p></article>')
    assert dates.normalize(other.published_at()[0]) == instant


@pytest.mark.parametrize("shown, want", [
    ("Оновлено: 10:05 16.07.2025 | Опубліковано: 18:30 15.07.2025", "18:30 15.07.2025"),
    ("Updated 10:00 12.04.2025, published 21:32 11.04.2025", "21:32 11.04.2025"),
    ("21:32 11.04.2025 (оновлено 22:10 11.04.2025)", "21:32 11.04.2025"),
    # the update first, the publication with no label of its own
    ("Оновлено: 16:45 10.11.2025<br>14:00 10.11.2025", "14:00 10.11.2025"),
    ('<span class="updated">Оновлено: 16:45 10.11.2025</span> <span class="time">14:00</span> <span>10.11.2025</span>', "14:00 10.11.2025"),
    ("(оновлено 16:45 10.11.2025) 14:00 10.11.2025", "14:00 10.11.2025"),
    ("Оновлено: 00:20 11.11.2025<br>23:50 10.11.2025", "23:50 10.11.2025"),
])
def test_a_header_that_shows_the_update_first_gives_the_publication(shown, want):
    page = _variant(_HEADER.format(time=shown, body="", after=""))
    assert page.published_at() == [want]
    if "Оновлено: " in shown:
        assert page.modified_at() == [shown.split("Оновлено: ")[1][:16]]


@pytest.mark.parametrize("shown, instant", [
    ('<span class="time">21.32</span> <span>11.04.2025</span>', "2025-04-11T21:32:00+03:00"),
    ("21.32 11.04.2025", "2025-04-11T21:32:00+03:00"),
    ("11.04.2025 о 21.32", "2025-04-11T21:32:00+03:00"),
    ('<span class="time">18:32 UTC</span> <span>11.04.2025</span>', "2025-04-11T21:32:00+03:00"),
    ("21:32:15 11.04.2025", "2025-04-11T21:32:15+03:00"),
    ("21:32:15, 11.04.2025", "2025-04-11T21:32:15+03:00"),
    ("11.04.2025 21:32:15", "2025-04-11T21:32:15+03:00"),
    ("11.04.2025", "2025-04-11T00:00:00+03:00"),
])
def test_a_header_time_in_a_form_near_the_sites_is_read_whole(shown, instant):
    from interfax import dates

    for page in (_variant(_HEADER.format(time=shown, body="", after="")),  # a known header, and an unknown one
                 _variant(f'<article><div class="meta">{shown}</div><h1>Заголовок статті</h1>'
                          '<p>Перший абзац статті, досить довгий для тексту.</p></article>')):
        assert dates.normalize(page.published_at()[0]) == instant
        assert page.time_unread is None


def test_a_header_time_the_crawl_cannot_read_is_noted_not_silent():
    page = _variant(_HEADER.format(time="21.32 за Києвом 11.04.2025", body="", after=""))
    assert page.published_at() == ["11.04.2025"]
    assert page.time_unread == "21.32 за Києвом 11.04.2025"


@pytest.mark.parametrize("shown, minutes", [
    ('<span class="reading-time"><i class="icon-clock"></i> 3 хв</span>', 3),
    ("<span>Читати 4 хв</span>", 4),
    ("<div>Менше 1 хв читати</div>", 1),
])
def test_reading_time_forms(shown, minutes):
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body="", after="").replace("<h1>", shown + "<h1>"))
    assert page.reading_time() == minutes


def test_a_header_without_a_date_gives_none():
    page = _variant(_HEADER.format(time="1 хв читати", body="<p>У 2025 році ціни зросли.</p>", after=""))
    assert page.published_at() == []


def test_lazy_loaded_images_give_their_real_url():
    body = ('<figure><img src="data:image/gif;base64,R0lGOD" data-src="/static/articles/images/a.jpg" alt="А"></figure>'
            '<figure><img src="/static/img/blank.gif" data-lazy-src="/static/articles/images/b.jpg" alt="Б"></figure>'
            '<figure><img src="/static/img/blank.gif" alt="placeholder only"></figure>'
            '<figure><img src="/static/articles/images/c.jpg" alt="В"></figure>')
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body=body, after=""))
    assert [img["url"] for img in page.images()] == [
        "https://interfax.com.ua/static/articles/images/a.jpg",
        "https://interfax.com.ua/static/articles/images/b.jpg",
        "https://interfax.com.ua/static/articles/images/c.jpg",
    ]


def test_a_banner_in_an_ad_block_without_classes_is_not_an_image():
    ad = '<div><div>РЕКЛАМА</div><a href="https://ads.example.com/x"><img src="https://ads.example.com/b.jpg" alt="Кредит"></a></div>'
    photo = '<figure><img src="/static/articles/images/a.jpg" alt="Фото"><figcaption>Підпис</figcaption></figure>'
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body=photo + ad, after=""))
    assert [img["url"] for img in page.images()] == ["https://interfax.com.ua/static/articles/images/a.jpg"]


def test_a_banner_in_a_table_row_after_a_row_of_an_ad_label_is_not_an_image():
    photo = '<figure><img src="/static/articles/images/a.jpg" alt="Фото"><figcaption>Підпис</figcaption></figure>'
    banner = '<tr><td><a href="https://ads.example.com/y"><img src="https://ads.example.com/t.jpg"></a></td></tr>'
    for label in ("РЕКЛАМА", "Фото дня"):  # (a row of another label: the table's own photo)
        ad = f'<table class="tb"><tr><td>{label}</td></tr>{banner}</table>'
        page = _variant(_HEADER.format(time="07:45 03.02.2025", body=photo + ad, after=""))
        shown = ["https://interfax.com.ua/static/articles/images/a.jpg"] + ([] if label == "РЕКЛАМА" else ["https://ads.example.com/t.jpg"])
        assert [img["url"] for img in page.images()] == shown


def test_related_items_take_their_title_from_the_link_with_text_and_leave_the_time_out():
    related = ('<div class="article-related"><h3>ЩЕ ЗА ТЕМОЮ</h3>'
               '<div class="item"><a href="/news/general/1001.html"><img src="/static/t.jpg"></a>'
               '<span>09:05 14.07.2025</span><a class="article-link" href="/news/general/1001.html">Перша новина</a></div>'
               '<a href="/news/general/1002.html"><div>10:15 14.07.2025</div><div>Друга новина</div></a></div>')
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body="", after=related))
    assert [(link.ref.id, link.title, link.listed_at) for link in page.related()] == [
        (1001, "Перша новина", "09:05 14.07.2025"),
        (1002, "Друга новина", "10:15 14.07.2025"),
    ]


def test_related_titles_leave_out_a_day_word_and_time_the_link_wraps():
    related = ('<div><h4>Ще за темою:</h4><ul><li><a href="/news/general/1001.html">Перша новина <small>Вчора, 18:40</small></a></li>'
               '<li><a href="/news/general/1002.html"><span>Сьогодні, 11:59</span> Друга новина</a></li>'
               '<li><a href="/news/general/1003.html">Вчора о 18:40 відбулася нарада</a></li></ul></div>')
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body="", after=related))
    assert [(link.title, link.listed_at) for link in page.related()] == [
        ("Перша новина", "Вчора, 18:40"), ("Друга новина", "Сьогодні, 11:59"), ("Вчора о 18:40 відбулася нарада", None)]


def test_a_related_heading_in_plain_divs_stops_at_the_latest_list():
    blocks = ('<div class="blk-head">ЩЕ ЗА ТЕМОЮ</div><div class="blk-list"></div>'
              '<div class="blk-head">ОСТАННЄ</div><div class="blk-list"><a href="/news/general/1139015.html">Інша</a></div>')
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body="", after=blocks))
    assert page.related() == []
    filled = blocks.replace('<div class="blk-list"></div>', '<div class="blk-list"><a href="/news/general/1001.html">Своя</a></div>', 1)
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body="", after=filled))
    assert [link.ref.id for link in page.related()] == [1001]


def test_a_listing_item_whose_first_link_is_a_thumbnail_keeps_its_title():
    from scrapy.http import HtmlResponse

    from interfax.pages.listing import ListingPage

    html = ('<html><body><div class="articles-section-view"><div class="grid article">'
            '<a href="/news/general/1001.html"><img src="/static/t.jpg"></a>'
            '<div class="article-time"><span>09:05</span> <span>14.07.2025</span></div>'
            '<a href="/news/general/1001.html">Перша новина</a></div></div></body></html>')
    page = ListingPage(HtmlResponse("https://interfax.com.ua/news/general.html", body=html.encode(), encoding="utf-8"), "general")
    assert [(link.ref.id, link.title, link.listed_at) for link in page.items()] == [(1001, "Перша новина", "09:05 14.07.2025")]


@pytest.mark.parametrize("block, want", [
    ('<div class="tags-block"><b>Теги:</b> <a>#НБУ</a> <a>#облікова_ставка</a></div>', ["НБУ", "облікова_ставка"]),
    ('<p>Теги: НБУ, банки</p>', ["НБУ", "банки"]),
    ('<div class="x"><a href="/news/tag/%D0%9D%D0%91%D0%A3.html">НБУ</a> <a href="/news/tag/x.html">#банки</a></div>', ["НБУ", "банки"]),
])
def test_tags_in_other_markup(block, want):
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body=block, after=""))
    assert page.tags() == want


def test_a_source_named_by_its_link_text_gives_the_link():
    line = '<p>Джерело: <a href="https://t.me/Ukrenergo/4321">Telegram-канал «Укренерго»</a></p>'
    assert _variant(_HEADER.format(time="07:45 03.02.2025", body=line, after="")).source() == "https://t.me/Ukrenergo/4321"
    plain = '<p>Джерело: https://example.org/a.html.</p>'
    assert _variant(_HEADER.format(time="07:45 03.02.2025", body=plain, after="")).source() == "https://example.org/a.html"
    named = '<p>Джерело: пресслужба НБУ</p>'
    assert _variant(_HEADER.format(time="07:45 03.02.2025", body=named, after="")).source() == "пресслужба НБУ"


@pytest.mark.parametrize("line", ["Джерело – Associated Press", "Джерело — Associated Press", "Source - Associated Press"])
def test_a_source_line_with_a_dash_names_the_source(line):
    assert _variant(_HEADER.format(time="07:45 03.02.2025", body=f"<p>Текст.</p><p>{line}</p>", after="")).source() == "Associated Press"


@pytest.mark.parametrize("shown", ["21:32 31.12", "31.12 21:32", "31 грудня, 21:32", "31 грудня о 21:32"])
def test_a_header_date_without_a_year_is_read_and_takes_the_year_of_the_crawl(shown):
    """A header showing no year ("21:32 31.12", as some pages show this year's dates) is still the
    page's date; read on 1 January it is the year that just ended, not a date a year ahead."""
    from datetime import datetime

    from interfax import dates

    page = _variant(_HEADER.format(time=shown, body="", after=""))
    assert page.published_at() == [shown]
    crawled = datetime(2025, 12, 31, 22, 15, tzinfo=dates.UTC)  # 00:15 on 1 January 2026 in Kyiv
    assert dates.pick(page.published_at(), crawled)[0] == "2025-12-31T21:32:00+02:00"


@pytest.mark.parametrize("shown", ["15:00", "10 хв", "Події", "1.5 хв"])
def test_a_header_with_a_bare_time_or_duration_is_no_date(shown):
    """A bare time would silently date an old article today: such a header gives no candidate."""
    page = _variant(_HEADER.format(time=shown, body="", after=""))
    assert page.published_at() == []


# ---------------------------------------------------------------- variants from a fourth unseen mirror


@pytest.mark.parametrize("head, body, want", [
    # a template's default og:title, the real headline in the h1
    ('<meta property="og:title" content="Інтерфакс-Україна">', "", "Заголовок статті"),
    # og:title escaped twice, markup in the JSON-LD headline
    ('<meta property="og:title" content="&amp;laquo;Укрзалізниця&amp;raquo; додасть поїзди">', "", "«Укрзалізниця» додасть поїзди"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Рада призначила <b>нового</b>\\nміністра"}</script>',
     "", "Рада призначила нового міністра"),
])
def test_a_title_is_the_headline_never_the_site_name_or_markup(head, body, want):
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body=body, after=""), head=head)
    assert page.title() == want


@pytest.mark.parametrize("title", [
    "Компанія <<Нафтогаз>> отримала прибуток у третьому кварталі",
    'Суд обрав запобіжний захід "<script>"-хакеру, який зламав сайт МОН',
    "Інфляція сповільнилася до <12%, курс: 1 USD > 41 грн",
])
def test_text_in_angle_brackets_in_a_title_is_text_not_markup(title):
    # escaped in og:title, the h1 and the page title, \u003c in the JSON-LD: before, "Компанія < > отримала …"
    escaped = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    ld = json.dumps({"@type": "NewsArticle", "headline": title}, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
    shown = _HEADER.format(time="07:45 03.02.2025", body="", after="").replace("Заголовок статті", escaped)
    for head in (f'<meta property="og:title" content="{escaped}">', f'<script type="application/ld+json">{ld}</script>', ""):
        assert _variant(shown, head=head).title() == title, head


def test_a_logo_in_an_h1_or_a_site_prefix_in_the_page_title_is_not_the_title():
    old = _variant('<div id="top"><h1 class="logo"><a href="/">Інтерфакс-Україна</a></h1></div>'
                   '<div class="news-text"><b>Кабмін затвердив програму</b><p>Текст новини.</p></div>',
                   head="<title>Кабмін затвердив програму | Інтерфакс-Україна</title>")
    assert old.title() == "Кабмін затвердив програму"
    prefixed = _variant('<article><h1></h1><p>Текст.</p></article>', head="<title>Інтерфакс-Україна: Омбудсман повідомив</title>")
    assert prefixed.title() == "Омбудсман повідомив"
    for shown in ("Інтерфакс-Україна :: Омбудсман повідомив", "Омбудсман повідомив :: Інтерфакс-Україна", "Омбудсман повідомив || Interfax-Ukraine"):
        doubled = _variant('<article><h2>Омбудсман повідомив</h2><p>Текст.</p></article>', head=f"<title>{shown}</title>")
        assert doubled.title() == "Омбудсман повідомив"
    nothing = _variant('<h1>Інтерфакс-Україна</h1><p>Текст.</p>', head="<title>Інтерфакс-Україна</title>")
    assert nothing.title() is None  # dropped as no_title, with its warning, rather than titled with the site's name


@pytest.mark.parametrize("shown", [
    "Інтерфакс-Україна » Політика » Рада ухвалила закон про «Нафтогаз» у першому читанні",
    "Інтерфакс-Україна › Новини › Політика › Рада ухвалила закон про «Нафтогаз» у першому читанні",
    "Інтерфакс-Україна / Політика / Рада ухвалила закон про «Нафтогаз» у першому читанні",
    "Рада ухвалила закон про «Нафтогаз» у першому читанні | Політика | Інтерфакс-Україна",
    "Рада ухвалила закон про «Нафтогаз» у першому читанні | Інтерфакс-Україна",
    "Рада ухвалила закон про «Нафтогаз» у першому читанні » Політика » Interfax-Ukraine",
])
def test_a_breadcrumb_page_title_as_the_only_title_gives_the_headline(shown):
    """A page title written as a breadcrumb (the agency, the section, the headline) is the headline
    alone when it is the only title the page gives."""
    page = _variant('<article><p>Текст статті.</p></article>', head=f"<title>{shown}</title>")
    assert page.title() == "Рада ухвалила закон про «Нафтогаз» у першому читанні"
    og = _variant('<article><p>Текст статті.</p></article>', head=f'<meta property="og:title" content="{shown}">')
    assert og.title() == "Рада ухвалила закон про «Нафтогаз» у першому читанні"


@pytest.mark.parametrize("shown", [
    # a headline with a slash or a bar of its own, the agency's name at neither end: kept whole
    "Зеленський / Трамп: що відомо про зустріч",
    "Інтерфакс-Україна: Уряд / Рада: хто відповідає за бюджет після голосування у парламенті",
])
def test_a_page_title_that_is_no_breadcrumb_keeps_its_separators(shown):
    page = _variant('<article><p>Текст статті.</p></article>', head=f"<title>{shown}</title>")
    assert page.title() == shown.removeprefix("Інтерфакс-Україна: ")


def test_the_sites_own_description_is_not_the_lead():
    generic = '<meta name="description" content="Інтерфакс-Україна - новини України та світу, економіка, політика">'
    assert _variant(_HEADER.format(time="07:45 03.02.2025", body="", after=""), head=generic).lead() is None
    own = '<meta name="description" content="Кабмін затвердив програму &amp;quot;Ліки&amp;quot;">'
    assert _variant(_HEADER.format(time="07:45 03.02.2025", body="", after=""), head=own).lead() == 'Кабмін затвердив програму "Ліки"'


def test_another_articles_microdata_is_not_this_pages_date():
    ticker = ('<div class="ticker"><span itemscope itemtype="https://schema.org/NewsArticle">'
              '<meta itemprop="datePublished" content="2026-01-12T09:15:00+02:00"><a href="/news/general/1.html">Інша</a></span></div>')
    page = _variant(ticker + _HEADER.format(time="10:20 08.04.2025", body="", after=""))
    assert page.published_at() == ["10:20 08.04.2025"]
    own = '<meta itemprop="datePublished" content="2025-04-08T10:20:00+03:00">'
    page = _variant(ticker + _HEADER.format(time="10:20 08.04.2025", body=own, after=""))
    assert page.published_at()[0] == "2025-04-08T10:20:00+03:00"
    in_head = _variant(ticker + _HEADER.format(time="", body="", after=""), head=own)
    assert in_head.published_at()[0] == "2025-04-08T10:20:00+03:00"


def test_a_header_time_and_date_split_by_a_bar_keep_the_time():
    from interfax import dates

    page = _variant(_HEADER.format(time="14:08 | 04.04.2017", body="", after=""))
    assert dates.normalize(page.published_at()[0]) == "2017-04-04T14:08:00+03:00"


def test_a_date_in_a_body_sentence_is_not_the_publication_date():
    body = '<article><h1>Заголовок статті</h1><div class="article-content"><p>Перший абзац статті.</p>{}</div></article>'
    deadline = _variant(body.format("<p>Кінцевий строк подання пропозицій: 15.05.2025</p>"))
    assert deadline.published_at() == []
    dateline = _variant(body.format("<p>15.05.2025</p>"))  # a dateline alone still dates an article without a header
    assert dateline.published_at() == ["15.05.2025"]


@pytest.mark.parametrize("figure, want", [
    # a company's new logo illustrating the news
    ('<figure><img src="/static/articles/images/naftogaz-new-logo.jpg"><figcaption>Новий логотип</figcaption></figure>',
     ("https://interfax.com.ua/static/articles/images/naftogaz-new-logo.jpg", "Новий логотип")),
    # src is the image; srcset only its renditions
    ('<figure><img src="/static/a/grain.jpg" srcset="/static/a/grain-320.jpg 320w, /static/a/grain-1280.jpg 1280w" alt="Зерно"></figure>',
     ("https://interfax.com.ua/static/a/grain.jpg", "Зерно")),
    # a lazy image known only by its srcset: the largest
    ('<figure><img src="/static/img/blank.gif" data-srcset="/static/a/s.jpg 1x, /static/a/l.jpg 2x" alt="Л"></figure>',
     ("https://interfax.com.ua/static/a/l.jpg", "Л")),
    # a srcset whose URLs hold commas (an image CDN's transforms): split as the HTML standard splits it
    ('<figure><img src="/static/img/blank.gif" data-srcset="/images/w_400,h_300/c.jpg 400w, '
     'https://media.interfax.com.ua/images/w_1200,h_800/c.jpg 1200w" alt="Л"></figure>',
     ("https://media.interfax.com.ua/images/w_1200,h_800/c.jpg", "Л")),
    ('<figure><img src="/static/img/blank.gif" data-srcset="/a/w_2,h_1/s.jpg 1x,/a/w_4,h_2/l.jpg 2x" alt="Л"></figure>',
     ("https://interfax.com.ua/a/w_4,h_2/l.jpg", "Л")),
    # a file name with a space and Cyrillic letters: percent-encoded, as a browser requests it
    ('<figure><img src="/static/articles/images/2025/09/03/фото 1.jpg"><figcaption>Міст</figcaption></figure>',
     ("https://interfax.com.ua/static/articles/images/2025/09/03/%D1%84%D0%BE%D1%82%D0%BE%201.jpg", "Міст")),
    ('<figure><img src="/static/a/міст.jpg"><figcaption>Міст</figcaption></figure>',
     ("https://interfax.com.ua/static/a/%D0%BC%D1%96%D1%81%D1%82.jpg", "Міст")),
    # a gallery thumbnail links to the full image
    ('<div class="gallery"><a href="/static/a/bridge1.jpg"><img src="/static/a/bridge1-thumb.jpg" alt="Міст"></a></div>',
     ("https://interfax.com.ua/static/a/bridge1.jpg", "Міст")),
    # a photo's description by a class of another name than "caption"
    ('<div class="photo"><img src="/static/a/ugs.jpg" alt=""><div class="photo-description">Газосховище</div></div>',
     ("https://interfax.com.ua/static/a/ugs.jpg", "Газосховище")),
    ('<div class="article__image"><img src="/static/a/ugs.jpg"><p class="image__desc">Газосховище</p></div>',
     ("https://interfax.com.ua/static/a/ugs.jpg", "Газосховище")),
])
def test_image_variants(figure, want):
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body=figure, after=""))
    assert [(img["url"], img["caption"]) for img in page.images()] == [want]


@pytest.mark.parametrize("head", [
    '<meta property="og:image" content="https://interfax.com.ua/static/articles/images/interfax_ukraine_logo_ukr.svg">',
    '<script type="application/ld+json">{"@type": "NewsArticle", "image": "/static/articles/images/Interfax-Logo.png"}</script>',
])
def test_the_agencys_logo_in_structured_data_is_no_image(head):
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body="", after=""), head=head)
    assert page.images() == []
    # a company's logo given as the article's image is one
    other = head.replace("interfax_ukraine_logo_ukr.svg", "naftogaz-logo.jpg").replace("Interfax-Logo.png", "naftogaz-logo.jpg")
    assert [img["url"] for img in _variant(_HEADER.format(time="07:45 03.02.2025", body="", after=""), head=other).images()] == [
        "https://interfax.com.ua/static/articles/images/naftogaz-logo.jpg"]


def test_a_caption_told_only_by_the_credit_it_ends_with_is_the_images_not_text():
    from interfax import cleaning

    body = ('<div class="photo"><img src="/static/a/shkola.jpg" alt="shkola"></div>'
            '<div class="photo-signature">Підземна школа в Харкові. Фото: Харківська ОВА</div><p>Будівництво тривало.</p>'
            '<p><img src="/static/a/b.jpg" alt="Будинок"></p><p>На фото: будинок, зруйнований ударом, який ми бачимо тут.</p>')
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body=body, after=""))
    assert [img["caption"] for img in page.images()] == ["Підземна школа в Харкові", "Будинок"]
    assert page.photo_credit() == "Харківська ОВА"
    assert cleaning.clean_paragraphs(page.text(), page.title(), [img["caption"] for img in page.images()]) == [
        "Перший абзац статті, досить довгий для тексту.", "Будівництво тривало.", "На фото: будинок, зруйнований ударом, який ми бачимо тут."]


def test_the_agencys_logo_is_never_an_image():
    logo = '<div class="header"><img src="/static/articles/images/interfax_ukraine_logo_ukr.svg" alt="Інтерфакс-Україна"></div>'
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body=logo, after=""))
    assert page.images() == []


@pytest.mark.parametrize("caption, want_caption, want_credit", [
    ("Зеленський у Києві. Фото: УНІАН", "Зеленський у Києві", "УНІАН"),
    ("Фото – Офіс президента", None, "Офіс президента"),
    ("Фото: Reuters. Дональд Трамп у Білому домі", "Дональд Трамп у Білому домі", "Reuters"),
    ("Фото: О. Петренко", None, "О. Петренко"),
    ("Мітинг у Львові (фото: Л. Іваненко)", "Мітинг у Львові", "Л. Іваненко"),
    # a credit without a colon, and other labels: the credit alone, no caption (before, the caption was the credit)
    ("Фото Reuters", None, "Reuters"),
    ("Фото УНІАН", None, "УНІАН"),
    ("Фото надано пресслужбою ОП", None, "пресслужбою ОП"),
    ("Колаж: Інтерфакс-Україна", None, "Інтерфакс-Україна"),
    ("Міст через Південний Буг. Ілюстративне фото: Depositphotos", "Міст через Південний Буг", "Depositphotos"),
    # "Фото" before a name that is no agency's is a caption ("photo of Zelensky")
    ("Фото Зеленського на саміті", "Фото Зеленського на саміті", None),
])
def test_photo_credits_in_captions(caption, want_caption, want_credit):
    from interfax.pages.article import split_credit

    assert split_credit(caption) == (want_caption, want_credit)
    figure = f'<figure><img src="/static/a/x.jpg" alt="Альт"><figcaption>{caption}</figcaption></figure>'
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body=figure, after=""))
    assert page.images()[0]["caption"] == (want_caption or "Альт")
    assert page.photo_credit() == want_credit


def test_a_slides_caption_after_its_counter_is_the_images_caption_and_its_credit_the_photo_credit():
    # before, the counter ("1 / 2") between them hid the caption: the alt text was taken
    slide = ('<div class="slide"><a href="/static/a/{n}-full.jpg"><img src="/static/a/{n}.jpg" alt="Альт"></a>'
             '<div class="slide-counter">{n} / 2</div><div class="caption">{caption}</div></div>')
    gallery = ('<div class="article-gallery">' + slide.format(n=1, caption="Занурення в ополонку. Фото Павло Багмут")
               + slide.format(n=2, caption="Освячення води. Photo: Reuters") + "</div>")
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body=gallery, after=""))
    assert [i["caption"] for i in page.images()] == ["Занурення в ополонку", "Освячення води"]
    assert page.photo_credit() == "Павло Багмут"


def test_an_emphasised_line_below_an_image_in_its_paragraph_is_its_caption_not_text():
    # <img><br><em>…</em> in one paragraph: before, the caption was null and the line stayed in the text
    body = ('<p style="text-align:center"><img src="/static/a/egg.jpg" alt="egg"><br><em>Інсталяція на Софійській площі</em></p>'
            '<p>Інсталяції простоять до 20 квітня.</p><p><img src="/static/a/b.jpg" alt="Другий знімок"> <em>Не підпис</em>, а текст абзацу.</p>')
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body=body, after=""))
    assert [i["caption"] for i in page.images()] == ["Інсталяція на Софійській площі", "Другий знімок"]
    from interfax import cleaning

    text = cleaning.clean_paragraphs(page.text(), captions=[i["caption"] for i in page.images()])
    assert "Інсталяція на Софійській площі" not in text
    assert "Не підпис, а текст абзацу." in text


def test_a_sentence_about_a_photo_is_no_photo_credit():
    # before, "Фото: на одному з …" was taken for a credit: the whole sentence became photo_credit
    sentence = "<p>Фото: на одному з фейкових знімків зображено зруйнований міст, якого не існує, зазначили в поліції.</p>"
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body=sentence, after=""))
    assert page.photo_credit() is None
    credited = _variant(_HEADER.format(time="07:45 03.02.2025", body=sentence + "<p>Фото: пресслужба Нацполіції</p>", after=""))
    assert credited.photo_credit() == "пресслужба Нацполіції"


def test_the_articles_tag_block_after_the_article_element_is_read_but_not_a_sidebar_cloud():
    tags = '<div class="article-tags">Теги: <a href="/news/tag/a.html">#кібербезпека</a> <a href="/news/tag/b.html">#фішинг</a></div>'
    cloud = '<aside><div class="article-tags"><a href="/news/tag/c.html">#усе</a></div></aside>'
    assert _variant(_HEADER.format(time="07:45 03.02.2025", body="", after=cloud + tags)).tags() == ["кібербезпека", "фішинг"]
    assert _variant(_HEADER.format(time="07:45 03.02.2025", body="", after=cloud)).tags() == []
    # a "Теги:" line after the article in a block no tag class names wins over the site's default keywords
    line = ('<div class="post-meta-bottom"><span>Теги:</span> <a href="/news/tag/a.html">#футбол</a> '
            '<a href="/news/tag/b.html">#Євро-2024</a></div>')
    keywords = '<meta name="keywords" content="новини, Україна, Інтерфакс">'
    assert _variant(_HEADER.format(time="07:45 03.02.2025", body="", after=line), head=keywords).tags() == ["футбол", "Євро-2024"]
    # (a sidebar's tags are not the article's; the site's default keywords are no tags either)
    assert _variant(_HEADER.format(time="07:45 03.02.2025", body="", after=f"<aside>{line}</aside>"), head=keywords).tags() == []



@pytest.mark.parametrize("after, want", [
    ('<div class="tags-block"><a href="/news/tag/Starlink.html">Starlink</a></div>', ["Starlink"]),
    ('<div><a href="/news/tag/a.html">#НБУ</a> <a href="/news/tag/b.html">#ставка</a></div>', ["НБУ", "ставка"]),
    # not a sidebar's cloud, nor a list that only links a tag among other links
    ('<aside><a href="/news/tag/a.html">#усе</a></aside>', []),
    ('<div><a href="/news/general/1.html">Інша новина</a> <a href="/news/tag/a.html">#усе</a></div>', []),
])
def test_tag_links_right_after_the_article_element(after, want):
    assert _variant(_HEADER.format(time="07:45 03.02.2025", body="", after=after)).tags() == want


@pytest.mark.parametrize("keywords, want", [
    ("Інтерфакс-Україна, новини, новини України, Україна", []),
    ("Interfax-Ukraine, news, Ukraine news, Ukraine", []),
    ("Останні новини, Інтерфакс, Starlink, Укренерго", ["Starlink", "Укренерго"]),
    ("НБУ, облікова ставка", ["НБУ", "облікова ставка"]),
])
def test_site_wide_keywords_are_no_tags(keywords, want):
    for head in (f'<meta name="keywords" content="{keywords}">',
                 '<script type="application/ld+json">{"@type": "NewsArticle", "keywords": "%s"}</script>' % keywords):
        assert _variant(_HEADER.format(time="07:45 03.02.2025", body="", after=""), head=head).tags() == want


def test_a_related_block_by_heading_stops_at_a_latest_heading_in_a_plain_div():
    blocks = ('<section><div class="block-heading">ЩЕ ЗА ТЕМОЮ</div></section>'
              '<section><div class="block-heading">ОСТАННЄ</div><div><a href="/news/general/1199020.html">Інша</a></div></section>')
    assert _variant(_HEADER.format(time="07:45 03.02.2025", body="", after=blocks)).related() == []


def _listing(body: str):
    from scrapy.http import HtmlResponse

    from interfax.pages.listing import ListingPage

    html = f"<html><body>{body}</body></html>"
    return ListingPage(HtmlResponse("https://interfax.com.ua/news/sport.html", body=html.encode(), encoding="utf-8"), "sport")


def test_listing_cards_in_a_sidebar_are_not_the_listings_items():
    card = '<div class="grid article"><div class="article-time">10:00 01.04.2025</div><a class="article-link" href="/news/sport/{}.html">Н</a></div>'
    page = _listing(f'<div class="articles-section-view">{card.format(1001)}</div>'
                    f'<aside class="sidebar"><div class="latest-news"><div class="articles-section-view">{card.format(1199010)}</div></div></aside>')
    assert [link.ref.id for link in page.items()] == [1001]


@pytest.mark.parametrize("body_class, wrapper_class", [
    ("page-latest", "grid content"),          # the page's own class names the latest listing
    ("has-sidebar", "grid content"),          # a theme's layout class on the body
    ("", "grid content layout-with-sidebar"),  # ... or on the wrapper of the main column and the sidebar
    ("news-latest sidebar-right", "content-with-sidebar"),
])
def test_a_listings_items_are_read_whatever_layout_classes_the_page_and_its_wrappers_carry(body_class, wrapper_class):
    from scrapy.http import HtmlResponse

    from interfax.pages.listing import ListingPage

    card = ('<div class="grid article"><div class="article-time"><span>10:00</span> <span>01.04.2025</span></div>'
            '<h1 class="article-link-wrapper"><a class="article-link" href="/news/sport/{}.html">Н</a></h1></div>')
    html = (f'<html><body class="{body_class}"><div class="{wrapper_class}"><div class="col-23">'
            f'<div class="articles-section-view">{card.format(1001)}{card.format(1002)}</div></div>'
            f'<aside class="col-13"><div class="latest-news">{card.format(1199010)}</div></aside>'
            f'<div class="col-13 sidebar"><div class="articles-section-view">{card.format(1199011)}</div></div></div></body></html>')
    page = ListingPage(HtmlResponse("https://interfax.com.ua/news/sport.html", body=html.encode(), encoding="utf-8"), "sport")
    assert [link.ref.id for link in page.items()] == [1001, 1002]


def test_a_listing_judges_each_block_above_its_items_once(monkeypatch):
    """Whether a block is a sidebar is asked once per block, not once per item below it: a listing of 20
    items 10 blocks deep asked ~400 times (a tenth of a listing page's reading), for the same answers."""
    from interfax.pages import listing

    calls = []
    judge = listing._side_block
    monkeypatch.setattr(listing, "_side_block", lambda a: calls.append(a) or judge(a))
    card = ('<div class="grid article"><div class="article-time"><span>10:00</span> <span>01.04.2025</span></div>'
            '<h1 class="article-link-wrapper"><a class="article-link" href="/news/sport/{}.html">Н</a></h1></div>')
    column = "".join(card.format(1001 + i) for i in range(20))
    for _ in range(6):
        column = f'<div class="wrap">{column}</div>'
    sidebar = f'<aside class="col-13"><div class="latest-news">{card.format(1199010)}</div></aside>'
    page = _listing(f'<div class="grid content"><div class="col-23 articles-section-view">{column}</div>{sidebar}</div>')
    assert [link.ref.id for link in page.items()] == [1001 + i for i in range(20)]
    judged = [a for a in calls if a.get("class") != "grid article"]
    assert len(judged) <= 2 * len({id(a) for a in judged})  # (once to find the list's wrappers, once to place the items)


@pytest.mark.parametrize("column, listed", [
    ('<div class="col-23 latest-page"><div class="articles-section-view">{items}</div></div>', "main column named for the page"),
    ('<div class="col-23"><div class="articles-section-view latest-news-list">{items}</div></div>', "the list itself"),
    ('<div class="latest"><div class="articles-section-view">{items}</div></div>', "a bare 'latest' block"),
    ('<div class="col-23 js-pager-content"><div class="articles-section-view">{items}</div></div>', "a script pager's content block"),
])
def test_the_latest_listings_own_blocks_named_like_a_sidebar_hold_its_items(column, listed):
    from scrapy.http import HtmlResponse

    from interfax.pages.listing import ListingPage

    card = ('<div class="grid article"><div class="article-time"><span>10:00</span> <span>01.04.2025</span></div>'
            '<h1 class="article-link-wrapper"><a class="article-link" href="/news/general/{}.html">Н</a></h1></div>')
    sidebar = f'<div class="col-13"><div class="latest-news"><div class="articles-section-view">{card.format(1199010)}</div></div></div>'
    html = (f'<html><body><div class="grid content">{column.format(items=card.format(1001) + card.format(1002))}'
            f'{sidebar}</div></body></html>')
    page = ListingPage(HtmlResponse("https://interfax.com.ua/news/latest.html", body=html.encode(), encoding="utf-8"), "latest")
    assert [link.ref.id for link in page.items()] == [1001, 1002], listed


def test_a_redesigned_listings_items_leave_out_a_latest_list_told_only_by_its_heading():
    feed = ('<ul class="news-feed"><li><span>21:32 11.04.2025</span> <a href="/news/general/1001.html">Перша</a></li>'
            '<li><span>20:15 11.04.2025</span> <a href="/news/political/1002.html">Друга</a></li></ul>')
    latest = ('<div class="col-right"><div><div class="h">Останнє</div><ul><li><a href="/news/general/1090.html">Остання</a></li></ul></div>'
              '<div><h3>Ще за темою</h3><a href="/news/general/1091.html">Пов’язана</a></div></div>')
    assert [link.ref.id for link in _listing(feed + latest).items()] == [1001, 1002]
    # the latest listing's own heading reads like the list: its items are still the listing's
    own = _listing('<h1>Останні новини</h1><ul><li><a href="/news/general/1001.html">Перша</a></li></ul>')
    assert [link.ref.id for link in own.items()] == [1001]


_CARD = ('<div class="grid article"><div class="article-time"><span>10:00</span> <span>29.11.2026</span></div>'
         '<h1 class="article-link-wrapper"><a class="article-link" href="/news/{}.html">Н</a></h1></div>')


@pytest.mark.parametrize("heading", ["ОСТАННЄ", "Популярне", "Стрічка новин"])
@pytest.mark.parametrize("main", [
    '<ul class="news-list">' + "".join(f'<li><span>10:00 29.11.2026</span> <h3><a href="/news/sport/{i}.html">Н</a></h3></li>'
                                       for i in (1001, 1002, 1003)) + '</ul>',
    '<div class="articles-section-view">' + "".join(_CARD.format(f"sport/{i}") for i in (1001, 1002, 1003)) + '</div>',
], ids=["redesigned list", "documented list"])
@pytest.mark.parametrize("before", [True, False], ids=["column before", "column after"])
def test_a_list_of_the_listing_markup_under_a_latest_or_popular_heading_is_not_the_listing(heading, main, before):
    column = (f'<div class="col-13"><div class="news-block"><h2 class="section-title">{heading}</h2><div class="articles-section-view">'
              + _CARD.format("general/1090") + _CARD.format("economic/1091") + '</div></div></div>')
    main = f'<div class="col-23"><h1>Спорт</h1>{main}</div>'
    page = _listing(f'<div class="grid content">{column + main if before else main + column}</div>')
    assert [link.ref.id for link in page.items()] == [1001, 1002, 1003]


def test_a_story_cluster_card_lists_each_of_its_articles_with_its_own_time():
    cluster = ('<div class="grid article"><div class="article-time"><span>10:00</span> <span>29.11.2026</span></div>'
               '<h1 class="article-link-wrapper"><a class="article-link" href="/news/sport/1001.html">Головна</a></h1>'
               '<ul class="story-more"><li><a href="/news/sport/1002.html"><img src="/t.jpg"></a>'
               '<a href="/news/sport/1002.html">Друга</a></li>'
               '<li><a href="/news/sport/1003.html">Третя</a> <span>08:00 29.11.2026</span></li></ul></div>')
    page = _listing(f'<div class="articles-section-view">{cluster}{_CARD.format("sport/1004")}</div>')
    assert [(link.ref.id, link.title, link.listed_at) for link in page.items()] == [
        (1001, "Головна", "10:00 29.11.2026"), (1002, "Друга", None), (1003, "Третя", "08:00 29.11.2026"),
        (1004, "Н", "10:00 29.11.2026")]


def test_the_only_list_of_the_listing_markup_under_a_list_heading_is_still_the_listing():
    top = '<div class="top"><h2><a href="/news/sport/1009.html">Головна</a></h2></div>'
    cards = "".join(_CARD.format(f"sport/{i}") for i in (1001, 1002, 1003))
    page = _listing(f'{top}<div><h2>Стрічка новин</h2><div class="articles-section-view">{cards}</div></div>')
    assert [link.ref.id for link in page.items()] == [1009, 1001, 1002, 1003]
    # the latest listing's own list under its heading "Останні новини"
    from scrapy.http import HtmlResponse

    from interfax.pages.listing import ListingPage

    html = f'<html><body><h1>Останні новини</h1><div class="articles-section-view">{cards}</div></body></html>'
    latest = ListingPage(HtmlResponse("https://interfax.com.ua/news/latest.html", body=html.encode(), encoding="utf-8"), "latest")
    assert [link.ref.id for link in latest.items()] == [1001, 1002, 1003]


@pytest.mark.parametrize("card, shown", [
    ('<a class="article-link" href="/news/sport/1001.html">Новина</a><time datetime="2025-03-01T10:00:00+02:00">1 березня</time>',
     "2025-03-01T10:00:00+02:00"),
    ('<a class="article-link" href="/news/sport/1001.html">Новина</a><span class="date">10:00 01.03.2025</span>', "10:00 01.03.2025"),
])
def test_a_listing_cards_time_outside_the_time_block_is_read(card, shown):
    page = _listing(f'<div class="articles-section-view"><div class="grid article">{card}</div></div>')
    assert [(link.ref.id, link.listed_at) for link in page.items()] == [(1001, shown)]


@pytest.mark.parametrize("items, want", [
    # a redesign's cards in ul/li: the link on the image, the title in an h3 or a span, a <time datetime>
    ('<ul class="cards"><li><a href="/news/sport/1001.html"><img src="/t.jpg"></a><h3><a href="/news/sport/1001.html">Перша</a></h3>'
     '<time datetime="2026-11-29T10:15:00+02:00">10:15</time></li>'
     '<li><a href="/news/sport/1002.html"><img src="/t.jpg"><span>Друга</span></a><div><time datetime="2026-11-20T12:00:00+02:00">20 листопада</time></div></li></ul>',
     [(1001, "2026-11-29T10:15:00+02:00"), (1002, "2026-11-20T12:00:00+02:00")]),
    # items of their own, the time a day word or a month name before the title: not the next item's date
    ('<section><article><span class="time">Сьогодні, 08:05</span> <h2><a href="/news/sport/1001.html">Перша</a></h2><p>Опис.</p></article>'
     '<article><span class="time">20 листопада, 10:00</span> <h2><a href="/news/sport/1002.html">Друга</a></h2><p>Опис.</p></article>'
     '<article><span class="time">15.11.2026</span> <h2><a href="/news/sport/1003.html">Третя</a></h2><p>Опис.</p></article></section>',
     [(1001, "Сьогодні, 08:05"), (1002, "20 листопада, 10:00"), (1003, "15.11.2026")]),
    # an item that shows no time of its own gets none (not its neighbour's)
    ('<ul><li><h3><a href="/news/sport/1001.html">Перша</a></h3><p>Опис.</p></li>'
     '<li><span>10:00 28.11.2026</span> <h3><a href="/news/sport/1002.html">Друга</a></h3></li></ul>',
     [(1001, None), (1002, "10:00 28.11.2026")]),
])
def test_a_redesigned_listings_items_take_the_time_each_shows(items, want):
    assert [(link.ref.id, link.listed_at) for link in _listing(items).items()] == want


def test_a_time_alone_in_a_feed_grouped_by_day_is_on_its_headings_day():
    item = ('<div class="grid article"><div class="article-time"><span>{t}</span></div>'
            '<h1 class="article-link-wrapper"><a class="article-link" href="/news/sport/{id}.html">Н</a></h1></div>')
    page = _listing('<div class="articles-section-view"><div class="day">Сьогодні</div>' + item.format(t="11:59", id=1003)
                    + '<div class="day">27 листопада 2026</div>' + item.format(t="14:00", id=1002) + item.format(t="09:30", id=1004)
                    + '<h2>20.11.2026</h2>' + item.format(t="10:00", id=1001) + '</div>')
    assert [(link.ref.id, link.listed_at) for link in page.items()] == [
        (1003, "Сьогодні, 11:59"), (1002, "27 листопада 2026, 14:00"), (1004, "27 листопада 2026, 09:30"), (1001, "20.11.2026, 10:00")]
    # no day heading: a time alone shows no date (the article's page tells; it was read as today's)
    assert [link.listed_at for link in _listing('<div class="articles-section-view">' + item.format(t="11:59", id=1003) + '</div>').items()] == [None]


@pytest.mark.parametrize("item", [
    '<li><div class="article-time"><span>{t}</span></div><h3><a href="/news/sport/{id}.html">Н</a></h3></li>',
    '<li><h3><a href="/news/sport/{id}.html">Н</a></h3> <span class="time">{t}</span></li>',
])
def test_a_time_alone_in_a_redesigned_feed_grouped_by_day_is_on_its_headings_day(item):
    page = _listing('<ul class="news-list"><li class="day"><h4>Сьогодні</h4></li>' + item.format(t="11:59", id=1003)
                    + '<li class="day"><h4>27 листопада 2026</h4></li>' + item.format(t="14:00", id=1002)
                    + item.format(t="09:30", id=1001) + '</ul>')
    assert [(link.ref.id, link.listed_at) for link in page.items()] == [
        (1003, "Сьогодні, 11:59"), (1002, "27 листопада 2026, 14:00"), (1001, "27 листопада 2026, 09:30")]
    # no day heading: a time alone shows no date (the article's page tells)
    assert [link.listed_at for link in _listing('<ul>' + item.format(t="11:59", id=1003) + '</ul>').items()] == [None]


@pytest.mark.parametrize("shown, want", [
    ('<time datetime="2025-10-25T21:30:00Z">00:30</time>', "2025-10-25T21:30:00Z"),
    ('<time datetime="2025-10-26T00:30:00+03:00">00:30</time>', "2025-10-26T00:30:00+03:00"),
    ('<time datetime="2025-10-26">00:30</time>', "2025-10-26"),
    ('<time datetime="2025-10-25T21:30:00Z">00:30 26.10.2025</time>', "00:30 26.10.2025"),  # the site's form shown: as shown
])
def test_a_listings_time_element_gives_the_instant_its_datetime_names_not_the_clock_it_shows(shown, want):
    page = _listing(f'<div class="articles-section-view"><div class="grid article"><div class="article-time">{shown}</div>'
                    '<h1 class="article-link-wrapper"><a class="article-link" href="/news/sport/1001.html">Н</a></h1></div></div>')
    assert [link.listed_at for link in page.items()] == [want]


def test_a_featured_item_above_a_listings_list_is_listed_first():
    item = ('<div class="grid article"><div class="article-time"><span>{t}</span> <span>29.11.2026</span></div>'
            '<h1 class="article-link-wrapper"><a class="article-link" href="/news/sport/{id}.html">Н</a></h1></div>')
    top = ('<div class="top-news"><a href="/news/sport/1003.html"><img src="/t.jpg"></a>'
           '<h2><a href="/news/sport/1003.html">Головна</a></h2><span>Сьогодні, 12:30</span></div>')
    latest = '<div><h2>Останнє</h2><a href="/news/general/1090.html">Остання</a> <span>12:00 29.11.2026</span></div>'
    after = '<div class="promo"><a href="/news/sport/1004.html">Після списку</a></div>'
    page = _listing(f'<h1>Спорт</h1>{latest}{top}<div class="articles-section-view">{item.format(t="11:00", id=1002)}'
                    f'{item.format(t="10:00", id=1003)}{item.format(t="09:00", id=1001)}</div>{after}')
    assert [(link.ref.id, link.listed_at) for link in page.items()] == [
        (1003, "Сьогодні, 12:30"), (1002, "11:00 29.11.2026"), (1001, "09:00 29.11.2026")]


@pytest.mark.parametrize("shown, want", [
    ('<span class="article-time-big">Вчора, 18:40</span>', "Вчора, 18:40"),
    ('<span class="pinned">Закріплено</span> <span>10:00</span> <span>10.03.2025</span>', "10:00 10.03.2025"),
])
def test_a_listings_time_block_gives_its_date_without_a_label(shown, want):
    page = _listing(f'<div class="articles-section-view"><div class="grid article"><div class="article-time">{shown}</div>'
                    '<h1 class="article-link-wrapper"><a class="article-link" href="/news/sport/1001.html">Н</a></h1></div></div>')
    assert [(link.ref.id, link.listed_at) for link in page.items()] == [(1001, want)]


@pytest.mark.parametrize("items, want", [
    # a redesign's li items: the time block after a headline with a date of its own
    ('<ul class="news-list"><li><div class="article-time"><span>06:00</span> <span>29.11.2026</span></div>'
     '<h3><a href="/news/sport/1001.html">Кабмін скасував постанову від 15.03.2024 про тарифи</a></h3></li>'
     '<li><div class="article-time"><span>05:20</span> <span>29.11.2026</span></div>'
     '<h3><a href="/news/sport/1002.html">Засідання, призначене на 12:00 10.09.2024, перенесли</a></h3></li></ul>',
     [(1001, "06:00 29.11.2026"), (1002, "05:20 29.11.2026")]),
    # a summary sentence with an older date before the card's time
    ('<section><article><h2><a href="/news/sport/1001.html">Перша</a></h2><p>Відповідну постанову уряд ухвалив ще 12.02.2024 року.</p>'
     '<span class="date">10:00, 29.11.2026</span></article>'
     '<article><h2><a href="/news/sport/1002.html">Друга</a></h2><p>Уряд ухвалив її 12.02.2024.</p>'
     '<span class="date">09:00, 29.11.2026</span></article></section>',
     [(1001, "10:00, 29.11.2026"), (1002, "09:00, 29.11.2026")]),
    # a card that is one big link holding its time span and a headline with a date
    ('<div class="feed"><a class="card" href="/news/sport/1001.html"><span class="time">06:10 29.11.2026</span>'
     '<h2>Тарифи: постанова від 01.06.2024 більше не діє</h2></a>'
     '<a class="card" href="/news/sport/1002.html"><h2>Кабмін продовжив термін до 31.12.2026</h2><span>06:05 29.11.2026</span></a></div>',
     [(1001, "06:10 29.11.2026"), (1002, "06:05 29.11.2026")]),
    # no time shown: none (the article's page tells), not the headline's date
    ('<ul><li><h3><a href="/news/sport/1001.html">Кабмін скасував постанову від 15.03.2024</a></h3></li>'
     '<li><h3><a href="/news/sport/1002.html">Уряд ухвалив рішення</a></h3></li></ul>', [(1001, None), (1002, None)]),
])
def test_a_date_in_a_listed_headline_or_summary_is_not_the_items_listed_time(items, want):
    assert [(link.ref.id, link.listed_at) for link in _listing(items).items()] == want


@pytest.mark.parametrize("title", ["Кабмін продовжив термін подання декларацій до 31.12.2026",
                                   "Засідання перенесли на 10:00 10.09.2024"])
def test_a_listing_cards_headline_ending_in_a_date_keeps_it_and_gives_no_listed_time(title):
    featured = f'<div class="top"><h2><a href="/news/sport/1002.html">{title}</a></h2><span class="time">06:10 29.11.2026</span></div>'
    card = f'<div class="grid article"><h1 class="article-link-wrapper"><a class="article-link" href="/news/sport/1001.html">{title}</a></h1></div>'
    page = _listing(f'{featured}<div class="articles-section-view">{card}</div>')
    assert [(link.ref.id, link.title, link.listed_at) for link in page.items()] == [
        (1002, title, "06:10 29.11.2026"), (1001, title, None)]


@pytest.mark.parametrize("photo", [
    '<p><img src="/static/articles/images/a.jpg" alt="Ілюстрація"></p>',
    '<figure><img src="/static/articles/images/a.jpg" alt="Ілюстрація"></figure>',
    '<img src="/static/articles/images/a.jpg" alt="Ілюстрація">',
])
def test_an_ad_label_among_the_bodys_paragraphs_does_not_hide_its_photos(photo):
    body = photo + "<p>Інший абзац статті.</p><p>РЕКЛАМА</p>"
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body=body, after=""))
    assert [img["url"] for img in page.images()] == ["https://interfax.com.ua/static/articles/images/a.jpg"]


def test_an_alt_that_is_the_images_file_name_is_no_caption():
    figure = ('<figure><img src="/static/articles/images/photo-2025-04-11-21-10-38.jpg" alt="photo-2025-04-11-21-10-38"></figure>'
              '<figure><img src="/static/articles/images/b.jpg" alt="NBU-2025"></figure>')
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body=figure, after=""))
    assert [img["caption"] for img in page.images()] == [None, "NBU-2025"]


@pytest.mark.parametrize("alt", ["photo-2025-07-15-19-00-12", "IMG_4521", "DSC01234", "20250715_190012", "kyiv.JPG"])
def test_an_alt_that_is_a_file_name_under_another_name_than_the_images_is_no_caption(alt):
    # the name the photo was uploaded under stays in its alt when the served file is renamed
    figure = (f'<figure><img src="/static/articles/images/2025/07/15/football.jpg" alt="{alt}"></figure>'
              '<figure><img src="/static/articles/images/b.jpg" alt="F-16"></figure>')
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body=figure, after=""))
    assert [img["caption"] for img in page.images()] == [None, "F-16"]


@pytest.mark.parametrize("href", ["/news/Sport-2.html", "/NEWS/SPORT-2.HTML", "/news/sport-2.html/", "https://Interfax.com.ua/news/Sport-2.html"])
def test_a_pager_link_in_capitals_or_with_a_trailing_slash_is_the_next_page(href):
    page = _listing('<div class="articles-section-view"><div class="grid article"><a class="article-link" '
                    f'href="/news/sport/1001.html">Н</a></div></div><div class="pager"><a href="{href}">»</a></div>')
    assert page.next_page_url() == "/news/sport-2.html"
    assert page.unread_next_link() is None  # (it said: not a /news/sport-2.html page)


@pytest.mark.parametrize("pager, unread", [
    ('<div class="pager"><a href="/news/sport.html?page=2">Наступна »</a></div>', "/news/sport.html?page=2"),
    ('<link rel="next" href="https://interfax.com.ua/news/sport/page/2/">', "https://interfax.com.ua/news/sport/page/2/"),
    ('<div class="pager"><a href="/news/sport.html">»</a></div>', None),  # the last page's "»" back to page 1
    ('<div class="pager"><a href="/news/sport-2.html">»</a></div>', None),  # read by next_page_url
    # a "load more" button: its URL in a data attribute, read when it names the next page, else named
    ('<div class="more"><button class="load-more" data-url="/news/sport-2.html">Завантажити ще</button></div>', None),
    ('<button data-url="/news/sport.html?offset=20">Показати більше</button>', "/news/sport.html?offset=20"),
    ('<button onclick="more()">Load more</button>', "Load more"),
    # ... or a link that goes nowhere without its script
    ('<a href="#" class="load-more" data-url="/news/sport-2.html">Показати ще</a>', None),
    ('<a href="javascript:void(0)" data-href="/news/sport-2.html">Наступна</a>', None),
    ('<a href="#" class="load-more" data-url="/news/sport.html?offset=20">Показати ще</a>', "/news/sport.html?offset=20"),
    ('<a href="javascript:void(0)" onclick="more()">Завантажити більше</a>', "Завантажити більше"),
    ('<a href="#top">Нагору</a>', None),
    # a <select> pager naming /news/sport-2.html is read; a numbers-only pager in another scheme is named
    ('<select onchange="location=this.value"><option value="/news/sport.html" selected>Сторінка 1</option>'
     '<option value="/news/sport-2.html">Сторінка 2</option></select>', None),
    ('<div class="pager"><span>1</span> <a href="/news/sport/page/2/">2</a> <a href="/news/sport/page/3/">3</a></div>',
     "/news/sport/page/2/"),
    ('<div class="pager"><span>1</span> <a href="/news/sport.html?p=2">2</a></div>', "/news/sport.html?p=2"),
    ('<select><option value="/news/sport/page/1/">1</option><option value="/news/sport/page/2/">2</option></select>',
     "/news/sport/page/2/"),
    ('<div class="calendar"><a href="/news/2026/11/02">2</a></div>', None),  # a calendar's day, no pager
    # a headline with one number, N+1, is an article's link, no pager's (it was named, and paging stopped)
    ('<div class="latest"><a href="/news/sport/1199002.html">Остання новина номер 2 про події</a></div>', None),
    ('<div class="articles-section-view"><div class="grid article"><a class="article-link" href="/news/sport/1002.html">Н</a>'
     ' <a href="/news/sport/tag/2">Тур 2</a></div></div>', None),  # nor any link in a listed item
])
def test_a_next_link_the_crawler_cannot_follow_is_named(pager, unread):
    page = _listing(f'<div class="articles-section-view"><div class="grid article"><a class="article-link" '
                    f'href="/news/sport/1001.html">Н</a></div></div>{pager}')
    assert page.unread_next_link() == unread
    assert page.next_page_url() == ("/news/sport-2.html" if "sport-2" in pager else None)


@pytest.mark.parametrize("pager, other", [
    ('<div class="pager"><a href="https://ru.interfax.com.ua/news/sport-2.html">»</a></div>', "https://ru.interfax.com.ua/news/sport-2.html"),
    ('<div class="pager"><a href="/ru/news/sport-2.html">Наступна</a></div>', "/ru/news/sport-2.html"),
    ('<link rel="next" href="https://en.interfax.com.ua/news/sport-2.html">', "https://en.interfax.com.ua/news/sport-2.html"),
    ('<div class="more"><button data-url="//ru.interfax.com.ua/news/sport-2.html">Завантажити ще</button></div>',
     "//ru.interfax.com.ua/news/sport-2.html"),
])
def test_a_next_link_to_another_edition_is_not_the_next_page(pager, other):
    """The next page of the Ukrainian listing is never a page of the ru./en. edition (nor this
    edition's page 2 guessed from it): the link is named, not followed."""
    page = _listing(f'<div class="articles-section-view"><div class="grid article"><a class="article-link" '
                    f'href="/news/sport/1001.html">Н</a></div></div>{pager}')
    assert page.next_page_url() is None
    assert page.other_edition_next_link() == other
    assert page.unread_next_link() is None  # understood: another edition's page, not an unknown scheme
    # beside this edition's own link to page 2, it is only another edition's switcher
    both = _listing(f'<div class="articles-section-view"><div class="grid article"><a class="article-link" '
                    f'href="/news/sport/1001.html">Н</a></div></div>{pager}<div class="pager"><a href="/news/sport-2.html">2</a></div>')
    assert both.next_page_url() == "/news/sport-2.html"


def test_related_items_beside_an_empty_related_articles_container_are_read():
    block = ('<div class="article-related"><h2>ЩЕ ЗА ТЕМОЮ</h2><div id="related-articles"></div>'
             '<ul><li><a href="/news/general/1090010.html">Перша</a></li><li><a href="/news/general/1090011.html">Друга</a></li></ul></div>')
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body="", after=block))
    assert [link.ref.id for link in page.related()] == [1090010, 1090011]
    empty = block.split("<ul>")[0] + "</div>"  # as on the live site: filled by script, so the AMP twin's list is used
    assert _variant(_HEADER.format(time="07:45 03.02.2025", body="", after=empty)).related() == []


_LATEST_CARDS = ''.join(f'<div class="grid article"><h1 class="article-link-wrapper"><a class="article-link" '
                        f'href="/news/general/114900{i}.html">Остання новина номер {i}</a></h1></div>' for i in (1, 2, 3))


@pytest.mark.parametrize("latest", [
    f'<h2 class="section-title">ОСТАННЄ</h2><div class="articles-section-view">{_LATEST_CARDS}</div>',
    f'<div class="latest-news"><h2 class="section-title">ОСТАННЄ</h2><div class="articles-section-view">{_LATEST_CARDS}</div></div>',
    f'<div class="latest-news"><div class="articles-section-view">{_LATEST_CARDS}</div></div>',  # by its class alone
    f'<div><b>Популярне</b><ul><li>{_LATEST_CARDS}</li></ul></div>',
])
def test_a_latest_list_in_the_related_blocks_wrapper_is_no_related_item(latest):
    """The "ОСТАННЄ" list inside the related block's wrapper, beside its empty container (filled by script):
    not related items; the block is empty, so the AMP twin's are read. Items under "ЩЕ ЗА ТЕМОЮ" before it are."""
    head = '<link rel="amphtml" href="https://interfax.com.ua/news/economic/1064999-amp.html">'
    empty = f'<div class="article-related"><h2>ЩЕ ЗА ТЕМОЮ</h2><div id="related-articles"></div>{latest}</div>'
    assert _variant(_HEADER.format(time="07:45 03.02.2025", body="", after=empty), head).related() == []
    shown = empty.replace('<div id="related-articles"></div>', '<div id="related-articles"></div><ul><li>'
                          '<a href="/news/general/1090010.html">Перша</a></li></ul>')
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body="", after=shown), head)
    assert [link.ref.id for link in page.related()] == [1090010]


def test_every_related_block_of_the_page_is_read_once_in_page_order():
    """A "ЩЕ ЗА ТЕМОЮ" block before the text (``#related-articles`` in its wrapper) and a second one after it:
    both blocks' items, each once; before, only the first block's were read."""
    first = ('<div class="article-related"><h2>ЩЕ ЗА ТЕМОЮ</h2><div id="related-articles">'
             '<a href="/news/general/1090011.html">Перша</a></div></div>')
    second = ('<div class="article-related"><h2>ЩЕ ЗА ТЕМОЮ</h2><a href="/news/general/1090012.html">Друга</a>'
              '<a href="/news/general/1090011.html">Перша</a></div>')
    page = _variant(first + _HEADER.format(time="07:45 03.02.2025", body="", after=second))
    assert [link.ref.id for link in page.related()] == [1090011, 1090012]


def test_related_items_shown_in_the_article_are_read_when_the_known_container_is_empty():
    shown = ('<h3>ЩЕ ЗА ТЕМОЮ</h3><ul><li><a href="/news/general/1090010.html">Перша</a></li>'
             '<li><a href="/news/general/1090011.html">Друга</a></li></ul>')
    empty = '<div class="article-related"><h2>ЩЕ ЗА ТЕМОЮ</h2><div id="related-articles"></div></div>'
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body=shown, after=empty))
    assert [link.ref.id for link in page.related()] == [1090010, 1090011]
    text = "\n".join(page.fields()["text"])
    assert text.startswith("Перший абзац") and "Перша" not in text and "ЩЕ ЗА ТЕМОЮ" not in text
    # beside the article, under a shorter heading
    beside = '<div class="more-on-topic"><h3>За темою</h3><ul><li><a href="/news/general/1090012.html">Третя</a></li></ul></div>'
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body="", after=beside + empty))
    assert [link.ref.id for link in page.related()] == [1090012]


@pytest.mark.parametrize("items, want", [
    # AMP form, "title, then time", the items flat siblings with no element around each
    ('<a href="/news/general/1001-amp.html">Перша</a><div>10:00, 01.01.2020</div>'
     '<a href="/news/general/1002-amp.html">Друга</a><div>12:00, 26.11.2026</div>',
     [(1001, "10:00, 01.01.2020"), (1002, "12:00, 26.11.2026")]),
    # times before titles
    ('<span>10:00 01.01.2020</span> <a href="/news/general/1001.html">Перша</a>'
     '<span>12:00 26.11.2026</span> <a href="/news/general/1002.html">Друга</a>',
     [(1001, "10:00 01.01.2020"), (1002, "12:00 26.11.2026")]),
    # a thumbnail link, the time, the title link: one item
    ('<a href="/news/general/1001.html"><img src="/t1.jpg"></a> 10:00, 01.01.2020 <a href="/news/general/1001.html">Перша</a>'
     '<a href="/news/general/1002.html"><img src="/t2.jpg"></a> 12:00, 26.11.2026 <a href="/news/general/1002.html">Друга</a>',
     [(1001, "10:00, 01.01.2020"), (1002, "12:00, 26.11.2026")]),
    # an item that shows no time does not take another item's
    ('<ul><li><a href="/news/general/1001.html">Перша</a> 10:00, 01.01.2020</li><li><a href="/news/general/1002.html">Друга</a></li></ul>',
     [(1001, "10:00, 01.01.2020"), (1002, None)]),
    # items of their own, the time a day word before the title: not the next item's date
    ('<ul><li><span>Вчора, 16:05</span> <a href="/news/general/1001.html">Перша</a></li>'
     '<li><span>27.11.2026</span> <a href="/news/general/1002.html">Друга</a></li></ul>',
     [(1001, "Вчора, 16:05"), (1002, "27.11.2026")]),
])
def test_related_items_in_a_flat_list_take_their_own_time_not_the_lists_first(items, want):
    block = f'<section><h2>ЩЕ ЗА ТЕМОЮ</h2>{items}</section>'
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body="", after=block))
    assert [(link.ref.id, link.listed_at) for link in page.related()] == want


@pytest.mark.parametrize("heading", ["По темі", "За темою:", "ПО ТЕМЕ"])
def test_a_related_block_under_a_shorter_heading_is_read(heading):
    block = (f'<section><h2>{heading}</h2><div><span>20:00 27.11.2026</span> <a href="/news/general/1001.html">Перша</a></div>'
             '<div><span>10:00 25.11.2026</span> <a href="/news/general/1002.html">Друга</a></div></section>')
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body="", after=block))
    assert [(link.ref.id, link.title) for link in page.related()] == [(1001, "Перша"), (1002, "Друга")]


def test_a_related_item_whose_thumbnail_and_title_links_are_siblings_under_the_heading_keeps_its_title():
    block = ('<section><h2>ЩЕ ЗА ТЕМОЮ</h2><a href="/news/general/1001-amp.html"><amp-img src="/t1.jpg" alt=""></amp-img></a>'
             '<a href="/news/general/1001-amp.html">Перша</a><div>10:00, 25.11.2026</div></section>')
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body="", after=block))
    assert [(link.ref.id, link.title, link.listed_at) for link in page.related()] == [(1001, "Перша", "10:00, 25.11.2026")]


def test_a_page_of_several_article_elements_keeps_the_later_entries_text():
    """A live blog or a digest: several article elements in a row. Only the first was read, so its
    updates were lost from the text; a card of another article among them (its headline a link) is not text."""
    entry = ('<article class="article-content-view"><div class="article-time">{time}</div>{head}'
             '<div class="article-content"><p>{text}</p></div></article>')
    body = ('<main>' + entry.format(time="10:00 12.04.2025", head="<h1>Онлайн-трансляція засідання Ради</h1>", text="Засідання почалося.")
            + entry.format(time="10:45", head="<h2>Рада ухвалила закон</h2>", text="За проголосували 250 депутатів.")
            + entry.format(time="11:30 12.04.2025", head="", text="Засідання закрито.")
            + entry.format(time="12:00 12.04.2025", head='<h2><a href="/news/general/1000001.html">Інша новина дня</a></h2>',
                           text="Анонс іншої новини.")
            + '</main>')
    page = _variant(body)
    assert page.title() == "Онлайн-трансляція засідання Ради" and page.published_at() == ["10:00 12.04.2025"]
    assert page.text() == ["Засідання почалося.", "10:45", "Рада ухвалила закон", "За проголосували 250 депутатів.",
                           "11:30 12.04.2025", "Засідання закрито."]
    # plain article elements, no body class
    plain = ("<main><article><h1>Дайджест дня</h1><time>10:00 12.04.2025</time><p>Перша новина дайджесту.</p></article>"
             "<article><h2>Друга</h2><p>Друга новина дайджесту.</p></article></main>")
    assert _variant(plain).text() == ["Дайджест дня", "10:00 12.04.2025", "Перша новина дайджесту.", "Друга", "Друга новина дайджесту."]
    # one article among teaser cards of others: its text alone
    cards = ('<article class="article-content-view"><h1>Заголовок</h1><div class="article-content"><p>Текст.</p></div></article>'
             '<article class="article-content-view"><h3><a href="/news/general/1000002.html">Інша</a></h3><p>Анонс.</p></article>')
    assert _variant(cards).text() == ["Текст."]
    # the next story appended below the article (its own headline, date and body): not this article's text
    nxt = ('<article class="article-content-view"><h1>Заголовок</h1><div class="article-time">10:00 12.04.2025</div>'
           '<div class="article-content"><p>Текст.</p></div></article>'
           '<article class="article-content-view"><h1>Наступна новина</h1><div class="article-time">09:40 12.04.2025</div>'
           '<div class="article-content"><p>Текст наступної новини.</p></div></article>'
           '<article class="article-content-view"><h2>Оновлення наступної новини</h2>'
           '<div class="article-content"><p>Її оновлення.</p></div></article>')
    assert _variant(nxt).text() == ["Текст."]
    # updates of another class of the same kind ("article live-entry" after "article article-content-view"):
    # before, only entries with the first one's exact class were read
    live = ('<div class="live-blog"><article class="article article-content-view"><div class="article-time">18:00 29.11.2026</div>'
            '<h1>Онлайн-трансляція</h1><div class="article-content"><p>Трансляція почалася.</p></div></article>'
            '<article class="article live-entry"><div class="live-time">19:05</div><h2>Оновлення</h2>'
            '<div class="article-content"><p>Кількість постраждалих зросла.</p></div></article>'
            '<article class="promo-card"><div class="article-content"><p>Промо.</p></div></article></div>')
    assert _variant(live).text() == ["Трансляція почалася.", "19:05", "Оновлення", "Кількість постраждалих зросла."]


def test_a_related_card_whose_only_link_is_its_thumbnail_takes_the_headline_from_the_images_alt():
    """A card with the headline only in its thumbnail's alt (or title): the related item's title was null."""
    block = ('<div class="article-related"><h2>ЩЕ ЗА ТЕМОЮ</h2><ul>'
             '<li><a href="/news/general/1001.html"><img src="/t1.jpg" alt="Умєров провів переговори з міністрами оборони"></a>'
             '<span>10:00 25.11.2026</span></li>'
             '<li><a href="/news/general/1002.html"><amp-img src="/t2.jpg" title="ЄС працює над ініціативою"></amp-img></a></li>'
             # the image's file name, or a word, is no headline
             '<li><a href="/news/general/1003.html"><img src="/photo-2025-04-11-21-10-38.jpg" alt="photo-2025-04-11-21-10-38"></a></li>'
             '<li><a href="/news/general/1004.html"><img src="/t4.jpg" alt="фото"></a></li>'
             # a thumbnail and a link with text: the link's text, not the alt
             '<li><a href="/news/general/1005.html"><img src="/t5.jpg" alt="Опис фото до новини"></a>'
             '<a href="/news/general/1005.html">Заголовок новини</a></li>'
             '</ul></div>')
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body="", after=block))
    assert [(link.ref.id, link.title, link.listed_at) for link in page.related()] == [
        (1001, "Умєров провів переговори з міністрами оборони", "10:00 25.11.2026"), (1002, "ЄС працює над ініціативою", None),
        (1003, None, None), (1004, None, None), (1005, "Заголовок новини", None),
    ]


@pytest.mark.parametrize("ad", [
    '<div class="adv-block"><a href="/news/general/1090099.html">Партнерська новина</a></div>',
    '<li class="item sponsored"><a href="/news/general/1090099.html">Партнерська новина</a></li>',
    '<div id="taboola-below-article"><a href="/news/general/1090099.html">Партнерська новина</a></div>',
])
def test_an_ad_inside_the_related_block_is_not_a_related_item(ad):
    block = ('<div class="article-related"><h2>ЩЕ ЗА ТЕМОЮ</h2><ul>'
             f'<li><a href="/news/general/1090010.html">Перша</a></li>{ad}<li><a href="/news/general/1090011.html">Друга</a></li>'
             '</ul></div>')
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body="", after=block))
    assert [link.ref.id for link in page.related()] == [1090010, 1090011]
    # by heading, without a class, too
    plain = block.replace(' class="article-related"', "")
    assert [link.ref.id for link in _variant(_HEADER.format(time="07:45 03.02.2025", body="", after=plain)).related()] == [1090010, 1090011]


def test_a_tag_line_after_the_article_is_read_on_a_windows_1251_page_too():
    from scrapy.http import HtmlResponse

    from interfax.pages.article import ArticlePage

    line = '<div class="post-meta-bottom"><span>Метки:</span> <a href="/news/tag/a.html">#футбол</a></div>'
    html = ('<!DOCTYPE html><html lang="uk"><head><meta charset="windows-1251"></head><body>'
            + _HEADER.format(time="07:45 03.02.2025", body="", after=line) + "</body></html>")
    page = ArticlePage(HtmlResponse("https://interfax.com.ua/news/economic/1064999.html", body=html.encode("cp1251")))
    assert page.tags() == ["футбол"]


def test_an_old_page_without_an_article_element_reads_its_fields_from_the_block_around_body_and_headline():
    # an old design: no article element, the body in div.news-text; the site's header shows today's
    # date, the sidebar a tag cloud and thumbnails: none of them is the article's
    header = ('<header class="header"><a class="logo" href="/">Інтерфакс-Україна</a>'
              '<div class="header-date">Субота, 14 червня 2025</div></header>')
    story = ('<div class="news-item"><h1 class="news-title">Зеленський підписав закон</h1>'
             '<div class="news-date">11 квітня 2025, 21:32</div>'
             '<div class="news-text"><p>Президент підписав закон про посилення відповідальності.</p></div></div>')
    sidebar = ('<aside><div class="popular"><h3>Популярне</h3><a href="/news/general/1100001.html">'
               '<img src="/static/articles/images/2025/06/14/energy-thumb.jpg" alt="Енергетика"></a></div>'
               '<div class="cloud"><h3>Популярні теги</h3><a href="/news/tag/war.html">війна</a></div></aside>')
    page = _variant(header + '<div class="content">' + story + sidebar + '</div>')
    assert page.article_node.get("class") == "news-item"
    assert page.published_at() == ["11 квітня 2025, 21:32"]
    assert page.tags() == []
    assert page.images() == []
    assert page.title() == "Зеленський підписав закон"
    assert page.text() == ["Президент підписав закон про посилення відповідальності."]
    # without a headline around the body, the page is still read as a whole
    assert _variant('<div class="news-text"><p>Текст без заголовка, але з датою.</p></div>').article_node is None


def test_a_linked_banner_right_after_a_bare_ad_label_is_not_an_image():
    photo = '<figure><img src="/static/articles/images/a.jpg" alt="Меморіал"></figure>'
    banner = '<p>Реклама</p><p><a href="https://promo.example.com/"><img src="https://promo.example.com/banner.jpg" alt="Знижки"></a></p>'
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body=photo + banner + "<p>Меморіал створено за кошти громади.</p>", after=""))
    assert [img["url"] for img in page.images()] == ["https://interfax.com.ua/static/articles/images/a.jpg"]
    # a photo after a whole ad block (its label inside), or one linked to its full image, is the article's
    after_block = ('<div class="advert"><span>РЕКЛАМА</span><div id="adpro-1"></div></div>'
                   '<p><a href="/news/general/1.html"><img src="/static/articles/images/b.jpg" alt="Б"></a></p>'
                   '<p>Реклама</p><p><a href="/static/articles/images/c.jpg"><img src="/static/articles/images/c-thumb.jpg" alt="В"></a></p>')
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body=after_block, after=""))
    assert [img["url"] for img in page.images()] == ["https://interfax.com.ua/static/articles/images/b.jpg",
                                                    "https://interfax.com.ua/static/articles/images/c.jpg"]


@pytest.mark.parametrize("shown, instant", [
    ("Вчора 21:32", "2026-11-28T21:32:00+02:00"),
    ("Сьогодні, 08:15", "2026-11-29T08:15:00+02:00"),
])
def test_a_header_of_a_day_word_and_a_time_in_an_unknown_class_is_read(shown, instant):
    from datetime import datetime

    from interfax import dates

    page = _variant(f'<article><div class="article-header"><span class="article-date">{shown}</span></div>'
                    '<h1>Заголовок статті</h1><div class="article-body"><p>Перший абзац статті, досить довгий для тексту.</p>'
                    '<p>Вчора о 18:40 відбулася нарада.</p></div></article>')
    assert page.published_at() == [shown]
    assert dates.normalize(page.published_at()[0], now=datetime.fromisoformat("2026-11-29T12:00:00+02:00")) == instant
    # a sentence that starts with a day word and a time is no dateline
    assert _variant('<article><h1>Заголовок статті</h1><div class="article-body"><p>Вчора о 18:40 відбулася нарада.</p>'
                    '</div></article>').published_at() == []


def test_related_links_in_capitals_with_a_trailing_slash_or_an_amp_query_are_the_same_articles():
    block = ('<section><h2>ЩЕ ЗА ТЕМОЮ</h2><ul>'
             '<li><a href="/NEWS/General/1001.html">Перша</a> 10:00, 01.01.2020</li>'
             '<li><a href="/news/political/1002.html/">Друга</a> 11:00, 01.01.2020</li>'
             '<li><a href="https://interfax.com.ua/news/economic/1003.html?amp=1">Третя</a> 12:00, 01.01.2020</li>'
             '<li><a href="/news/economic/1003.html">Третя</a> 12:00, 01.01.2020</li></ul></section>')
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body="", after=block))
    assert [link.as_related() for link in page.related()] == [
        {"id": 1001, "url": "https://interfax.com.ua/news/general/1001.html", "title": "Перша"},
        {"id": 1002, "url": "https://interfax.com.ua/news/political/1002.html", "title": "Друга"},
        {"id": 1003, "url": "https://interfax.com.ua/news/economic/1003.html", "title": "Третя"},
    ]


def _amp(body: str, head: str = ""):
    from scrapy.http import HtmlResponse

    from interfax.pages.amp import AmpArticlePage

    html = (f'<!DOCTYPE html><html amp lang="uk"><head><meta charset="utf-8">{head}</head><body>'
            '<article class="amp-article"><h1 class="amp-article-title">Заголовок</h1>'
            f'<div class="amp-article-content"><p>Текст статті.</p></div></article>{body}</body></html>')
    return AmpArticlePage(HtmlResponse("https://interfax.com.ua/news/general/1100500-amp.html", body=html.encode(), encoding="utf-8"))


_AMP_ITEMS = ('[{"url": "https://interfax.com.ua/news/general/1100401-amp.html", "title": "Перша &laquo;новина&raquo;", "time": "18:05, 10.04.2025"},'
              ' {"url": "/news/political/1100402.html", "title": "Друга <b>новина</b>", "time": "12:40, 09.04.2025"},'
              ' {"url": "/news/general/1100500.html", "title": "Ця ж стаття", "time": "12:00, 09.04.2025"},'
              ' {"url": "https://ads.example.com/x", "title": "Реклама", "time": ""}]')
_AMP_TEMPLATE = ('<template type="amp-mustache"><div class="amp-related-item"><a href="{{url}}">{{{title}}}</a>'
                 '{{#time}}<div class="amp-related-time">{{time}}</div>{{/time}}</div></template>')
_AMP_WANT = [(1100401, "https://interfax.com.ua/news/general/1100401.html", "Перша «новина»", "18:05, 10.04.2025"),
             (1100402, "https://interfax.com.ua/news/political/1100402.html", "Друга новина", "12:40, 09.04.2025")]


@pytest.mark.parametrize("block", [
    # inline JSON in the amp-list, its own template
    f'<section class="amp-related"><h2>ЩЕ ЗА ТЕМОЮ</h2><amp-list layout="fixed-height" height="200">'
    f'<script type="application/json">{{"items": {_AMP_ITEMS}}}</script>{_AMP_TEMPLATE}</amp-list></section>',
    # the list's data in an amp-state elsewhere in the page, the template named by id, another items path
    f'<section class="amp-related"><h2>ЩЕ ЗА ТЕМОЮ</h2><amp-list src="amp-state:relatedState" items="data.related" '
    f'template="rel-tpl" layout="fixed-height" height="200"></amp-list></section>'
    f'<amp-state id="relatedState"><script type="application/json">{{"data": {{"related": {_AMP_ITEMS}}}}}</script></amp-state>'
    + _AMP_TEMPLATE.replace('<template type="amp-mustache">', '<template id="rel-tpl" type="amp-mustache">'),
    # a bound [src] naming the state, a bare list (items="."), no template: the items' url and title
    f'<div class="amp-related"><h3>ЩЕ ЗА ТЕМОЮ</h3><amp-list [src]="relatedState" items="." height="200"></amp-list></div>'
    f'<amp-state id="relatedState"><script type="application/json">{_AMP_ITEMS}</script></amp-state>',
    # no class on the block: found under its heading
    f'<section><h2>ЩЕ ЗА ТЕМОЮ</h2><amp-list height="200"><script type="application/json">{{"items": {_AMP_ITEMS}}}</script>'
    f'</amp-list></section><section><h2>ОСТАННЄ</h2><a href="/news/general/1100999.html">Остання</a></section>',
    # a dotted state path, the state's JSON repeating its own name
    f'<section class="amp-related"><h2>ЩЕ ЗА ТЕМОЮ</h2><amp-list src="amp-state:page.related" items="items" height="200">'
    f'{_AMP_TEMPLATE}</amp-list></section>'
    f'<amp-state id="page"><script type="application/json">{{"page": {{"related": {{"items": {_AMP_ITEMS}}}}}}}</script></amp-state>',
    # two blocks: one with only a link to the article itself, the other an amp-list
    f'<section class="amp-related"><h2>ЩЕ ЗА ТЕМОЮ</h2><a href="/news/general/1100500.html">Ця ж стаття</a></section>'
    f'<section class="amp-related"><amp-list height="200"><script type="application/json">{{"items": {_AMP_ITEMS}}}</script>'
    f'{_AMP_TEMPLATE}</amp-list></section>',
])
def test_an_amp_twins_related_amp_list_is_read_from_its_json(block):
    """An AMP twin whose "ЩЕ ЗА ТЕМОЮ" block is an amp-list (its items as JSON, inline or in an
    amp-state) gives those items, rendered with the list's template when it has one; the article
    itself and links off the site are not items."""
    page = _amp(block)
    assert [(link.ref.id, link.ref.url, link.title, link.listed_at) for link in page.related()] == _AMP_WANT


@pytest.mark.parametrize("latest", [
    '</section><section class="amp-related"><h2>ОСТАННЄ</h2>{items}</section>',  # a second block of the kind
    '<h2>Останнє</h2>{items}</section>',  # one block holding both headings
])
def test_an_amp_twins_latest_list_is_no_related_item(latest):
    items = "".join(f'<div class="amp-related-item"><a href="/news/general/114900{i}-amp.html">Остання {i}</a></div>'
                    for i in (1, 2))
    block = ('<section class="amp-related"><h2>ЩЕ ЗА ТЕМОЮ</h2><div class="amp-related-item">'
             '<a href="/news/general/1100403-amp.html">Повʼязана</a></div>' + latest.format(items=items))
    assert [link.ref.id for link in _amp(block).related()] == [1100403]


def test_an_amp_list_is_read_only_when_the_block_shows_no_links():
    block = ('<section class="amp-related"><h2>ЩЕ ЗА ТЕМОЮ</h2><div class="amp-related-item">'
             '<a href="/news/general/1100403-amp.html">Показана</a><div>10:00, 01.04.2025</div></div>'
             f'<amp-list height="200"><script type="application/json">{{"items": {_AMP_ITEMS}}}</script></amp-list></section>')
    assert [link.ref.id for link in _amp(block).related()] == [1100403]
    # JSON that does not parse, or holds no list: no items, no error
    for data in ('{"items": [', '{"items": {"url": 5}}', '"text"', '{"other": []}'):
        broken = f'<section class="amp-related"><h2>ЩЕ ЗА ТЕМОЮ</h2><amp-list><script type="application/json">{data}</script></amp-list></section>'
        assert _amp(broken).related() == []


@pytest.mark.parametrize("opener", ["<div>", "<span>", "<div><p>Рядок шаблону.</p>"])
def test_a_page_nested_past_pythons_recursion_limit_is_read(opener):
    """A broken template leaving 1500 elements unclosed nests the article 1500 deep (libxml2 goes
    to 2048): the body walks recurse once per level, past Python's default 1000 frames."""
    body = "<p>Другий абзац статті, що стоїть глибоко у вкладених блоках.</p>"
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body=opener * 1500 + body, after=""))
    text = page.text()
    assert text[0] == "Перший абзац статті, досить довгий для тексту."
    assert text[-1] == "Другий абзац статті, що стоїть глибоко у вкладених блоках."
    assert page.title() == "Заголовок статті" and page.published_at() == ["07:45 03.02.2025"]


# ---------------------------------------------------------------- language


_ENGLISH = ("Ukraine's economy grew by 3.2% in the first quarter, the National Bank said on Thursday, citing "
            "stronger exports of grain and metals and a recovery in domestic demand after the winter.")
_RUSSIAN = ("Экономика Украины выросла на 3,2% в первом квартале, сообщил в четверг Национальный банк, объяснив это "
            "ростом экспорта зерна и металлов и восстановлением внутреннего спроса после зимы.")
_UKRAINIAN = ("Економіка України зросла на 3,2% у першому кварталі, повідомив у четвер Національний банк, пояснивши це "
              "зростанням експорту зерна й металів та відновленням внутрішнього попиту після зими.")


@pytest.mark.parametrize(("body", "declared", "lang"), [
    (_UKRAINIAN, "uk", "uk"),
    # an old English item on the Ukrainian host: the template still says "uk"
    (_ENGLISH, "uk", "en"),
    (_RUSSIAN, "uk", "ru"),
    (_UKRAINIAN, "en", "uk"),
    (_ENGLISH, "en", "en"),
    # Latin names and brands in Ukrainian text do not make it English
    ("Компанії SoftServe, EPAM Systems, GlobalLogic, Luxoft та Ciklum увійшли до топ-10 IT-роботодавців України.", "uk", "uk"),
    # too little text to tell: the declared language
    ("Photo: Reuters", "uk", "uk"),
    # short Russian text with no ы, э, ъ, ё (before: "uk"), and with one only; Ukrainian has і, ї or є in any sentence
    ("Киевстар в 2010 году увеличил число абонентов мобильного интернета на 20%, сообщила пресс-служба компании.", "uk", "ru"),
    ("Общее число абонентов оператора превысило 23 млн.", "uk", "ru"),
    ("Кабмін ухвалив постанову про підвищення пенсій з 1 березня.", "uk", "uk"),
])
def test_lang_is_the_language_the_text_is_plainly_written_in(body, declared, lang):
    from scrapy.http import HtmlResponse

    from interfax.pages.article import ArticlePage

    html = (f'<!DOCTYPE html><html lang="{declared}"><head><meta charset="utf-8"></head><body>'
            f'<article class="article-content-view"><h1>Title</h1><div class="article-content"><p>{body}</p>'
            '<p>РЕКЛАМА</p></div></article></body></html>')
    page = ArticlePage(HtmlResponse("https://interfax.com.ua/news/economic/12345.html", body=html.encode(), encoding="utf-8"))
    assert page.fields()["lang"] == lang


@pytest.mark.parametrize("kind", ["LiveBlogPosting", "OpinionNewsArticle", "BackgroundNewsArticle", "ReportageNews",
                                  "TechArticle", '["WebPage", "ReportageNews"]'])
def test_json_ld_of_a_live_blog_or_another_news_article_type_is_the_articles(kind):
    kind = kind if kind.startswith("[") else f'"{kind}"'
    head = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": %s,'
            ' "headline": "Масована атака: онлайн", "datePublished": "2025-11-05T09:00:00+02:00",'
            ' "dateModified": "2025-11-05T13:45:00+02:00", "liveBlogUpdate": [{"@type": "BlogPosting",'
            ' "headline": "Оновлення", "datePublished": "2025-11-05T13:45:00+02:00"}]}</script>' % kind)
    page = _variant(_HEADER.format(time="09:00 05.11.2025", body="", after=""), head=head)
    assert page.title() == "Масована атака: онлайн"
    assert page.published_at()[0] == "2025-11-05T09:00:00+02:00"
    assert page.modified_at() == ["2025-11-05T13:45:00+02:00"]


@pytest.mark.parametrize("header, want", [
    ('<div class="article-time">15:02 10.11.2025</div><div class="article-updated">Оновлено: 16:45 10.11.2025</div>', "16:45 10.11.2025"),
    ('<div class="article-time">15:02 10.11.2025</div><div><span>Оновлено</span> <span>16:45 10.11.2025</span></div>', "16:45 10.11.2025"),
    ('<div class="article-time">21:32 11.04.2025 (оновлено 22:10 11.04.2025)</div>', "22:10 11.04.2025"),
    ('<div class="article-time">Оновлено: 10:05 16.07.2025 | Опубліковано: 18:30 15.07.2025</div>', "10:05 16.07.2025"),
    ('<div class="article-time">15:02 10.11.2025</div><div>Оновлено о 16:45</div>', "16:45 10.11.2025"),
    ('<div class="article-time">15:02 10.11.2025</div><div>Updated 16:45 10.11.2025</div>', "16:45 10.11.2025"),
    # a header in month-name form: the update in that form, or a time alone on the header's day
    ('<div class="article-time">12 січня 2026, 10:15</div><div>Оновлено 12 січня 2026, 12:40</div>', "12 січня 2026, 12:40"),
    ('<div class="article-time">12 січня 2026, 10:15</div><div>Оновлено о 12:40</div>', "12:40 12.01.2026"),
    # the time first, then its own day in month-name form: that day, not the header's
    ('<div class="article-time">12 січня 2026, 10:15</div><div>Оновлено 12:40, 13 січня 2026</div>', "12:40, 13 січня 2026"),
    ('<div class="article-time">12 січня 2026, 10:15</div><div>Оновлено о 09:05, 13 січня 2026</div>', "09:05, 13 січня 2026"),
])
def test_an_update_the_header_shows_is_the_modified_time(header, want):
    from interfax import dates

    page = _variant(f'<article class="article-content-view"><div class="article-content-secondary-header">{header}</div>'
                    '<h1>Заголовок статті</h1><div class="article-content"><p>Перший абзац статті, досить довгий для тексту.</p></div></article>')
    assert page.modified_at() == [want]
    assert dates.normalize(page.published_at()[0]) < dates.normalize(want)


def test_an_update_line_in_the_text_or_a_headline_is_no_modified_time():
    body = ('<p><strong>Оновлено о 16:40.</strong> Голова Ради заявив, що підпише закон.</p>'
            '<p>Оновлено: 17:00 10.11.2025</p>')
    related = '<div class="related"><a href="/news/general/1.html">Оновлено прогноз ВВП</a> 12:00 03.07.2025</div>'
    beside = _variant(_HEADER.format(time="15:02 10.11.2025", body="", after="").replace(
        "</div></div><h1>", "</div><div>Оновлено прогноз ВВП на 2026 рік</div></div><h1>"))
    assert beside.modified_at() == []
    page = _variant(_HEADER.format(time="15:02 10.11.2025", body=body, after="") .replace("</article>", related + "</article>"))
    assert page.modified_at() == []
    # a modified time in JSON-LD or meta is taken before the header's
    head = '<meta property="article:modified_time" content="2025-11-10T17:30:00+02:00">'
    shown = _variant(_HEADER.format(time="15:02 10.11.2025 Оновлено: 16:45 10.11.2025", body="", after=""), head=head)
    assert shown.modified_at() == ["2025-11-10T17:30:00+02:00"]


def test_an_update_beside_a_header_date_directly_in_the_article_is_read():
    page = _variant('<article><div class="date">15:02 10.11.2025</div><div class="upd">Оновлено: 16:45 10.11.2025</div>'
                    '<h1>Заголовок статті</h1><div class="article-content"><p>Перший абзац статті, досить довгий для тексту.</p>'
                    '<p>Оновлено: 17:00 10.11.2025</p></div></article>')
    assert page.published_at() == ["15:02 10.11.2025"]
    assert page.modified_at() == ["16:45 10.11.2025"]


def test_a_photos_description_by_another_class_name_is_no_text():
    body = '<div class="photo"><img src="/static/a/ugs.jpg" alt=""><div class="photo-description">Газосховище на заході України</div></div>'
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body=body, after=""))
    assert page.text() == ["Перший абзац статті, досить довгий для тексту."]


@pytest.mark.parametrize("cls", ["reklama-block", "rklm", "b-reklama", "reclama_300"])
def test_an_ad_block_named_in_transliteration_is_no_text_and_its_banner_no_image(cls):
    ad = (f'<div class="{cls}"><a href="https://partner.example.com/?utm=ifx"><img src="https://partner.example.com/banner-300x250.jpg"></a>'
          '<p>ЖК «Сонячний» — квартири від 30 000 грн/м²</p></div>')
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body=ad + "<p>Другий абзац.</p>", after=""))
    assert page.text() == ["Перший абзац статті, досить довгий для тексту.", "Другий абзац."]
    assert page.images() == []


def test_a_related_link_to_the_article_itself_is_no_related_item():
    block = ('<div class="article-related"><h2>ЩЕ ЗА ТЕМОЮ</h2><div id="related-articles">'
             '<a href="/news/economic/1064999.html#comments">Заголовок статті</a>'
             '<a href="https://ua.interfax.com.ua/news/economic/1064999-amp.html">Заголовок статті</a>'
             '<a href="/news/general/1064001.html">Інша</a></div></div>')
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body="", after=block))
    assert [(r["id"], r["url"]) for r in page.fields()["related"]] == [(1064001, "https://interfax.com.ua/news/general/1064001.html")]


def test_an_empty_listings_sidebar_in_the_list_markup_is_still_no_item():
    card = '<div class="grid article"><a class="article-link" href="/news/general/{}.html">Н</a></div>'
    page = _listing('<div class="articles-section-view"></div>'
                    f'<div class="col-13 sidebar"><div class="articles-section-view">{card.format(1199010)}{card.format(1199011)}</div></div>')
    assert page.items() == []


def test_a_small_sections_latest_sidebar_in_the_list_markup_is_not_listed():
    """A section listing of 3 articles beside an "ОСТАННЄ" sidebar of 10 in the same card markup, in a
    block named "latest-news": the sidebar holds most of the cards, and is still no part of the list."""
    from scrapy.http import HtmlResponse

    from interfax.pages.listing import ListingPage

    def card(article_id):
        return ('<div class="grid article"><div class="article-time"><span>10:00</span> <span>20.11.2026</span></div>'
                f'<h1 class="article-link-wrapper"><a class="article-link" href="/news/pharmacy/{article_id}.html">Новина</a></h1></div>')

    main = "".join(card(1100000 + n) for n in range(3))
    side = "".join(card(1200000 + n) for n in range(10))
    html = (f'<html><body><div class="col-23"><h1>Фармацевтика</h1><div class="articles-section-view">{main}</div></div>'
            f'<div class="col-13 latest-news"><h2>ОСТАННЄ</h2><div class="articles-section-view">{side}</div></div></body></html>')
    page = ListingPage(HtmlResponse("https://interfax.com.ua/news/pharmacy.html", body=html.encode(), encoding="utf-8"), "pharmacy")
    assert sorted(link.ref.id for link in page.items()) == [1100000, 1100001, 1100002]


def _article_page(ld_date_json: str | None = None, header: str | None = None):
    from scrapy.http import HtmlResponse

    from interfax.pages.article import ArticlePage

    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Заголовок новини", %s}</script>'
          % ld_date_json) if ld_date_json else ""
    time = f'<div class="article-time">{header}</div>' if header else ""
    html = (f"<html><head>{ld}</head><body><article class='article-content-view'>"
            f"<div class='article-content-secondary-header'>{time}</div><h1>Заголовок новини</h1>"
            "<div class='article-content'><p>Текст статті про події дня.</p></div></article></body></html>")
    return ArticlePage(HtmlResponse("https://interfax.com.ua/news/general/1.html", body=html.encode(), encoding="utf-8"))


@pytest.mark.parametrize("value, candidate", [
    ('["2025-03-29T20:00:00+02:00"]', "2025-03-29T20:00:00+02:00"),  # a list: the page was dropped as undated
    ('["", "2025-03-29T20:00:00+02:00", "2025-03-30T10:00:00+03:00"]', "2025-03-29T20:00:00+02:00"),
    ("1743271200", "2025-03-29T18:00:00+00:00"),  # a Unix timestamp
    ("1743271200000", "2025-03-29T18:00:00+00:00"),  # in milliseconds
    ('"1743271200"', "2025-03-29T18:00:00+00:00"),
    ('"2025-03-29T20:00:00+02:00"', "2025-03-29T20:00:00+02:00"),
])
def test_a_json_ld_date_given_as_a_list_or_a_timestamp_is_a_candidate(value, candidate):
    page = _article_page(f'"datePublished": {value}, "dateModified": {value}')
    assert page.published_at() == [candidate]
    assert page.modified_at() == [candidate]


@pytest.mark.parametrize("value", ['""', "null", "true", '{"@value": "x"}', "[]", '"  "'])
def test_a_json_ld_date_that_is_no_date_gives_way_to_the_header(value):
    page = _article_page(f'"datePublished": {value}', header="21:32 11.04.2025")
    assert page.published_at() == ["21:32 11.04.2025"]


@pytest.mark.parametrize("header", ["30.10.11 03:30", "03:30 30.10.11", "30.10.11, 03:30", "11.04.25 о 21:32"])
def test_a_header_date_with_a_two_digit_year_is_read(header):
    """Before, a header in these forms was not found: the article took its listed time (a warning), or was dropped."""
    assert _article_page(header=header).published_at() == [header]


def test_an_infographic_whose_body_is_only_its_image_takes_the_caption_as_text():
    """An infographic or photo item: the words are in the image; before, it was dropped as no_text."""
    figure = ('<figure class="article-image"><img src="/static/articles/images/2026/01/20/debt.png" alt="Структура боргу">'
              "<figcaption>Структура державного боргу України на 31 грудня 2025 року</figcaption></figure>")
    page = _variant(_HEADER.format(time="18:50 20.01.2026", body="", after="").replace(
        "<p>Перший абзац статті, досить довгий для тексту.</p>", figure))
    assert page.text() == ["Структура державного боргу України на 31 грудня 2025 року"]
    # a body without an image, or with paragraphs, is read as before
    assert _variant(_HEADER.format(time="18:50 20.01.2026", body="", after="").replace(
        "<p>Перший абзац статті, досить довгий для тексту.</p>", "<div></div>")).text() == []
    assert _variant(_HEADER.format(time="18:50 20.01.2026", body=figure, after="")).text() == [
        "Перший абзац статті, досить довгий для тексту."]
    # its only text the item's label ("Інфографіка", "Фотогалерея"), which the cleaning drops: the captions
    # (before, the label counted as text, was dropped, and the item with it as no_text)
    for label in ("Інфографіка", "<b>Фотогалерея</b>", "(Інфографіка)"):
        labelled = _variant(_HEADER.format(time="18:50 20.01.2026", body="", after="").replace(
            "<p>Перший абзац статті, досить довгий для тексту.</p>", f"<p>{label}</p>" + figure))
        assert labelled.text() == ["Структура державного боргу України на 31 грудня 2025 року"]
    # a label with no caption to take: the label stays (and is dropped as a label: no text)
    bare = _variant(_HEADER.format(time="18:50 20.01.2026", body="", after="").replace(
        "<p>Перший абзац статті, досить довгий для тексту.</p>", '<p>Інфографіка</p><img src="/static/a.png">'))
    assert bare.text() == ["Інфографіка"]


def test_a_credit_inside_an_embedded_post_is_not_the_articles_photo_credit():
    tweet = ('<blockquote class="twitter-tweet"><p>Пожежу ліквідовано.<br><br>Фото: ДСНС <a href="https://t.co/Qw">pic.twitter.com/Qw</a></p>'
             '— ДСНС (@SESU_UA) <a href="https://twitter.com/SESU_UA/status/1882">22 січня 2026 р.</a></blockquote>')
    page = _variant(_HEADER.format(time="22:15 22.01.2026", body=tweet, after=""))
    assert page.photo_credit() is None
    credited = _variant(_HEADER.format(time="22:15 22.01.2026", body=tweet + '<p class="photo-credit">Фото: Укрінформ</p>', after=""))
    assert credited.photo_credit() == "Укрінформ"


@pytest.mark.parametrize("body, want", [
    # an old page's credit set off by one <br> from the dateline: the credit ends at the line break
    ("<p>Фото: УНІАН<br>КИЇВ. 19 січня. Уряд ухвалив рішення про нові виплати переселенцям.</p>", "УНІАН"),
    ("<p>Фото: Reuters<br>Президент прибув до Брюсселя на саміт лідерів ЄС, де обговорять оборонну допомогу. "
     + "Він зустрінеться з головою Єврокомісії та прем'єр-міністрами кількох країн-членів. " * 3 + "</p>", "Reuters"),
    ("<p>Текст новини про засідання уряду.<br>Фото: <b>Офіс президента</b></p>", "Офіс президента"),
])
def test_a_credit_set_off_by_a_line_break_ends_at_it(body, want):
    # before, the credit ran on into the next line ("УНІАН КИЇВ. 19 січня"), or a long paragraph hid it
    assert _variant(_HEADER.format(time="22:15 22.01.2026", body=body, after="")).photo_credit() == want


_UNKNOWN_DESIGN = (
    '<header class="header"><nav><a href="/news/general.html">Загальні</a></nav><p>Новини України та світу щодня, '
    'цілодобово, з 1992 року: політика, економіка, спорт.</p></header>'
    '<div class="main-column"><div class="article-view">'
    '<div class="article-view-header"><span class="article-view-date">23:15 30.03.2019</span></div>'
    '<h1 class="article-view-title">Україна в неділю переходить на літній час</h1>'
    '<div class="article-view-text"><p>У ніч на неділю, 31 березня, Україна переходить на літній час.</p>'
    '<p>Укрзалізниця повідомила, що графік руху поїздів буде скориговано.</p></div></div></div>'
    '<div class="right-column"><div class="last-news"><div class="block-title">ОСТАННЄ</div>'
    '<p>Новина зі списку останніх, довша за абзаци статті, щоб її не взяли за текст статті через її довжину, '
    'а список усе одно лишився списком.</p></div></div>'
    '<aside><p>Бічна колонка з довгим абзацом тексту, якого немає в статті, і його не можна брати за текст статті.</p></aside>'
    '<footer class="footer"><p>© 1992-2026 Інформаційне агентство «Інтерфакс-Україна». Усі права захищено, передрук заборонено.</p></footer>'
)


def test_a_body_in_a_container_of_an_unknown_design_is_guessed_and_said():
    # before, no known container: the article was dropped as no_text ("unknown layout")
    page = _variant(_UNKNOWN_DESIGN, url="https://interfax.com.ua/news/general/598120.html")
    assert page.text() == ["У ніч на неділю, 31 березня, Україна переходить на літній час.",
                           "Укрзалізниця повідомила, що графік руху поїздів буде скориговано."]
    assert page.body_guessed and page.body_node.get("class") == "article-view-text"
    assert page.title() == "Україна в неділю переходить на літній час"
    assert page.published_at() == ["23:15 30.03.2019"]
    # the header, a list, a sidebar, a footer are never the body; nor a line too short to be a news item
    bare = _UNKNOWN_DESIGN.replace('<p>У ніч на неділю, 31 березня, Україна переходить на літній час.</p>', "").replace(
        '<p>Укрзалізниця повідомила, що графік руху поїздів буде скориговано.</p>', "<p>Див. також</p>")
    page = _variant(bare, url="https://interfax.com.ua/news/general/598120.html")
    assert page.text() == [] and page.body_node is None and not page.body_guessed
    # an older page: the text its own, set off by <br>s, in a table cell of no known class
    old = ('<table><tr><td class="menu"><a href="/news/general.html">Загальні</a></td><td class="news-cell">'
           '<h1>Кабмін затвердив програму</h1><b>КИЇВ. 1 травня.</b> Кабінет міністрів затвердив державну програму '
           'розвитку доріг.<br><br>Фінансування програми становить 10 млрд грн.</td></tr></table>')
    page = _variant(old, url="https://interfax.com.ua/news/general/12345.html")
    assert page.body_guessed and page.text() == ["Кабмін затвердив програму", "КИЇВ. 1 травня. Кабінет міністрів затвердив "
                                                 "державну програму розвитку доріг.", "Фінансування програми становить 10 млрд грн."]
    # a known container wins, and is not "guessed"
    known = _variant(_HEADER.format(time="22:15 22.01.2026", body="", after=""))
    assert known.text() == ["Перший абзац статті, досить довгий для тексту."] and not known.body_guessed


def test_a_tag_line_set_off_by_a_line_break_gives_the_tags():
    # before, "Текст.<br>Теги: #a #b" left the tag line out of the text but gave no tags
    for label in ("Теги", "Теґи"):
        body = f"<p>Ціни знизилися в середньому на 12%.<br>{label}: #аптеки #ціни</p>"
        assert _variant(_HEADER.format(time="11:15 20.11.2026", body=body, after="")).tags() == ["аптеки", "ціни"]


def test_a_sentence_with_a_credit_set_off_below_it_after_an_image_is_text_not_its_caption():
    # "Текст.<br>Фото: УНІАН" after a figure without a caption: before, the sentence became the image's caption
    body = ('<figure><img src="https://interfax.com.ua/static/articles/images/2026/11/14/school.jpg" alt="Школа після утеплення">'
            "</figure><p>Уряд виділив 1 млрд грн на ремонти шкіл.<br>Фото: УНІАН</p><p>Роботи завершаться до зими.</p>")
    page = _variant(_HEADER.format(time="11:15 20.11.2026", body=body, after=""))
    assert page.images() == [{"url": "https://interfax.com.ua/static/articles/images/2026/11/14/school.jpg",
                              "caption": "Школа після утеплення"}]
    assert "Уряд виділив 1 млрд грн на ремонти шкіл." in " ".join(page.text())
    assert page.photo_credit() == "УНІАН"
    # a caption that ends in its credit on the same line is still the image's
    same_line = body.replace("<br>Фото", " Фото").replace("Уряд виділив 1 млрд грн на ремонти шкіл.", "Школа в Харкові.")
    assert _variant(_HEADER.format(time="11:15 20.11.2026", body=same_line, after="")).images()[0]["caption"] == "Школа в Харкові"


@pytest.mark.parametrize("sentence", [
    "Рятувальники ліквідували пожежу на складі у Броварах, яка виникла внаслідок нічної атаки ударних дронів, "
    "повідомили в Державній службі з надзвичайних ситуацій.",
    "Міністри обговорили посилення протиповітряної оборони.",
])
def test_a_sentence_that_ends_in_a_credit_after_an_image_is_text_not_its_caption(sentence):
    from interfax import cleaning

    # before, the whole sentence became the image's caption and was lost from the text
    body = ('<figure><img src="https://interfax.com.ua/static/articles/images/2026/11/14/fire.jpg" alt="Пожежа"></figure>'
            f"<p>{sentence} Фото: ДСНС</p><p>Постраждалих немає.</p>")
    page = _variant(_HEADER.format(time="11:15 20.11.2026", body=body, after=""))
    assert page.images()[0]["caption"] == "Пожежа"
    assert cleaning.clean_paragraphs(page.text())[-2:] == [sentence, "Постраждалих немає."]
    assert page.photo_credit() == "ДСНС"


def test_a_lazy_image_whose_source_is_only_in_its_noscript_fallback_is_kept():
    # before, the placeholder was skipped and the <noscript> copy taken for a tracking pixel: the image was lost
    body = ('<figure><img src="/static/img/placeholder.gif" class="lazy" alt="Школа"><noscript>'
            '<img src="https://interfax.com.ua/static/articles/images/2026/11/14/school.jpg" alt="Школа"></noscript>'
            "<figcaption>Школа у Львові</figcaption></figure>"
            '<noscript><img src="https://www.facebook.com/tr?id=1&ev=PageView" width="1" height="1"></noscript>')
    page = _variant(_HEADER.format(time="11:15 20.11.2026", body=body, after=""))
    assert page.images() == [{"url": "https://interfax.com.ua/static/articles/images/2026/11/14/school.jpg",
                              "caption": "Школа у Львові"}]


def test_links_are_read_against_the_pages_base_href():
    """A listing or article with <base href="https://interfax.com.ua/"> and links "news/economic/1.html":
    before, they were read against the page's URL (/news/news/economic/...) and lost without a word."""
    from scrapy.http import HtmlResponse

    from interfax.pages.listing import ListingPage

    items = "".join(f'<div class="article"><div class="article-time">10:0{n} 20.11.2026</div>'
                    f'<a class="article-link" href="news/economic/{1100000 + n}.html">Новина {n} про економіку</a></div>'
                    for n in range(3))
    html = ('<!DOCTYPE html><html><head><base href="https://interfax.com.ua/"></head><body>'
            f'<div class="articles-section-view">{items}</div>'
            '<div class="pager"><a class="pager-next" href="news/economic-2.html">2</a></div></body></html>')
    page = ListingPage(HtmlResponse("http://127.0.0.1:8000/news/economic.html", body=html.encode(), encoding="utf-8"), "economic")
    assert [link.ref.id for link in page.items()] == [1100000, 1100001, 1100002]
    assert page.next_page_url() is not None
    related = ('<div class="article-related"><h2>ЩЕ ЗА ТЕМОЮ</h2><div id="related-articles">'
               '<a href="news/general/1000001.html">Пов\'язана новина</a></div></div>')
    article = _variant(_HEADER.format(time="11:15 20.11.2026", body="", after=related), head='<base href="/">',
                       url="http://127.0.0.1:8000/news/economic/1064999.html")
    assert [(link.ref.id, link.ref.url) for link in article.related()] == [
        (1000001, "https://interfax.com.ua/news/general/1000001.html")]


def test_a_page_without_a_canonical_link_is_the_article_its_og_url_names():
    # another article's page at this URL, its canonical link left out: before, exported under the id asked for
    head = '<meta property="og:url" content="https://interfax.com.ua/news/general/1141220.html">'
    page = _variant(_HEADER.format(time="11:15 20.11.2026", body="", after=""), head=head,
                    url="https://interfax.com.ua/news/economic/1062200.html")
    assert (page.ref.id, page.ref.url) == (1141220, "https://interfax.com.ua/news/general/1141220.html")
    # a canonical link wins over og:url; og:url naming no article leaves the page's own
    both = head + '<link rel="canonical" href="https://interfax.com.ua/news/economic/1062200.html">'
    assert _variant(_HEADER.format(time="11:15 20.11.2026", body="", after=""), head=both,
                    url="https://interfax.com.ua/news/economic/1062200.html").ref.id == 1062200
    home = '<meta property="og:url" content="https://interfax.com.ua/">'
    assert _variant(_HEADER.format(time="11:15 20.11.2026", body="", after=""), head=home,
                    url="https://interfax.com.ua/news/economic/1062200.html").ref.id == 1062200


@pytest.mark.parametrize("body, want", [
    # the body split around an ad into two containers of one kind
    ('<div class="article-content"><p>Перший.</p></div><div class="advert"><span>РЕКЛАМА</span></div>'
     '<div class="article-content"><p>Другий.</p></div><div class="article-tags"><a href="/news/tag/x.html">x</a></div>',
     ["Перший.", "Другий."]),
    # paragraphs the CMS left after the container, in the article
    ('<div class="article-content"><p>Перший.</p></div><p>Другий.</p><p>Третій.</p>', ["Перший.", "Другий.", "Третій."]),
    # a lead of its own before the container; not twice when the body repeats it
    ('<div class="article-lead"><strong>Лід.</strong></div><div class="article-content"><p>Перший.</p></div>', ["Лід.", "Перший."]),
    ('<div class="article-lead"><strong>Лід.</strong></div><div class="article-content"><p><b>Лід.</b></p><p>Перший.</p></div>',
     ["Лід.", "Перший."]),
    # a lead picture's block is no lead text
    ('<div class="article-lead-image"><img src="/a.jpg"><p>Підпис до фото тут.</p></div><div class="article-content"><p>Перший.</p></div>',
     ["Перший."]),
    # not the body's: a classed paragraph, another kind of container
    ('<div class="article-content"><p>Перший.</p></div><p class="copyright">© Інтерфакс</p><div class="article-share">Поділитися</div>',
     ["Перший."]),
])
def test_body_text_outside_its_container_is_read(body, want):
    page = _variant(f'<article class="article-content-view"><h1>Заголовок статті</h1>'
                    f'<div class="article-time">07:45 03.02.2025</div>{body}</article>')
    assert page.fields()["text"] == want


@pytest.mark.parametrize("article_date", ["12:40 18.11.2009", "18 листопада 2009"])
def test_an_old_page_without_a_headline_takes_the_articles_date_not_the_site_headers_day(article_date):
    """The page's top shows today's date; with no h1 the scope is the page: a day alone gives way to a later
    date with a time."""
    page = _variant('<table><tr><td class="top"><a href="/"><img src="/logo.gif"></a> <span class="today">30 листопада 2026</span>'
                    '</td></tr><tr><td><div class="news-title"><b>Кабмін затвердив порядок</b></div>'
                    f'<div class="date">{article_date}</div><div class="news-text"><p>Текст статті, досить довгий.</p></div>'
                    '</td></tr></table>', head="<title>Кабмін затвердив порядок - Інтерфакс-Україна</title>")
    assert page.scope.tag == "html"  # (no headline element: the whole page)
    assert page.published_at() == [article_date]


@pytest.mark.parametrize("body", [
    '<p>25 листопада 2026 р., 11:00</p><p>Тема: стан вугільної галузі та опалювальний сезон.</p>',
    '<p><strong>03.11.2026, 12:00</strong></p><p>Відбудеться засідання Громадської ради.</p>',
    '<p>Запрошуємо на презентацію.</p><table><tr><th>Дата</th><th>Час</th></tr><tr><td>03.11.2026</td><td>12:00</td></tr></table>',
    '<p>Початок: <time datetime="2026-11-25T11:00:00+02:00">25 листопада о 11:00</time>.</p>',
])
def test_an_events_date_in_the_text_under_an_empty_header_is_no_publication_date(body):
    """A press announcement whose header shows no date: the date in its text is the event's (the listing's
    time or a dropped item, never the event's day as the publication)."""
    page = _variant(f'<article class="article-content-view"><div class="article-content-secondary-header">'
                    f'<div class="article-time"></div></div><h1>Прес-конференція</h1><div class="article-content">{body}</div></article>')
    assert page.published_at() == []


def test_a_time_element_in_the_text_does_not_beat_the_headers_date():
    body = '<p>Початок: <time datetime="2026-11-25T11:00:00+02:00">25 листопада о 11:00</time>.</p>'
    page = _variant(_HEADER.format(time="16:40 20.11.2026", body=body, after=""))
    assert page.published_at() == ["16:40 20.11.2026"]
    # a page whose only date is a <time> in its header (no known header class) still has it
    header = ('<article><h1>Заголовок статті</h1><time datetime="2026-11-20T16:40:00+02:00">20 листопада</time>'
              '<div class="article-content"><p>Перший абзац статті, досить довгий для тексту.</p></div></article>')
    assert _variant(header).published_at()[0] == "2026-11-20T16:40:00+02:00"


@pytest.mark.parametrize("text", [
    "Русие ишгъаль эткен Къырымда бир сыра къырымтатар тевкъиф этильди. Адвокатлар бу акъта малюмат бердилер.",
    "Rusiye işğal etken Qırımda bir sıra qırımtatar tevqif etildi. Advokatlar bu aqta malümat berdiler ve işni devam ettirdiler.",
])
def test_crimean_tatar_text_keeps_the_declared_language(text):
    """Neither Russian by its ы and ъ (written before a consonant) nor English by its Latin script."""
    from interfax.pages.article import written_language

    assert written_language([text], "uk") is None


@pytest.mark.parametrize("text, want", [
    # an old Russian item on the Ukrainian host naming a Ukrainian brand early (it was exported as uk)
    ("Компания «Київстар» сообщила об увеличении числа абонентов мобильной связи до 26,5 млн, говорится в "
     "пресс-релизе оператора. Выручка компании в третьем квартале выросла на 9%.", "ru"),
    # a Ukrainian text quoting a Russian name stays Ukrainian
    ("Компанія «Київстар» повідомила про збільшення кількості абонентів, зазначив голова правління. Раніше "
     "ТОВ «Объединённые системы» заявило про вихід з ринку.", "uk"),
])
def test_a_russian_text_naming_a_ukrainian_brand_is_russian(text, want):
    from interfax.pages.article import written_language

    assert written_language([text], "uk") == want


@pytest.mark.parametrize("title, text, declared, want", [
    ("Кабмин выделил средства", "Кабмин выделил средства.", "uk", "ru"),  # ы
    ("Молния", "Зеленский подписал закон о мобилизации.", "uk", "ru"),  # "-ский", "-ции"
    ("Кабмін виділив кошти", "Кабмін виділив кошти.", "ru", "uk"),  # і
    ("Курс долара", "Курс долара на торгах.", "uk", None),  # neither: as declared
    ("Къырым", "Къырымда мектеп ачылды.", "uk", None),  # ъ before a consonant: Crimean Tatar
])
def test_a_short_text_is_told_by_letters_of_one_language(title, text, declared, want):
    from interfax.pages.article import written_language

    assert written_language([text], declared, lambda: title) == want
    page = _variant(_HEADER.format(time="07:45 03.02.2025", body="", after="").replace(
        "Заголовок статті", title).replace("Перший абзац статті, досить довгий для тексту.", text))
    assert page.lang() == (want or "uk")


@pytest.mark.parametrize("encoding", ["utf-8", "cp1251"])
def test_a_page_nested_past_the_parsers_depth_limit_is_read_again_flatter(encoding):
    """2100 wrapper divs opened one after the other (a broken template): libxml2 stops reading at 2048 levels
    and the page's text was lost in silence; it is read again with the run as one wrapper."""
    from scrapy.http import HtmlResponse

    from interfax.pages.base import parse_html

    html = ("<html><body>" + '<div class="w">' * 2100 + "<p>Глибокий абзац.</p>" + "</div>" * 2100 + "<p>Після.</p></body></html>")
    faults: list[str] = []
    root = parse_html(HtmlResponse("https://interfax.com.ua/news/general/1.html", body=html.encode(encoding), encoding=encoding), faults)
    assert [p.text for p in root.iter("p")] == ["Глибокий абзац.", "Після."]
    assert faults == ["too_deep_repaired"]
    # nesting with text at every level cannot be flattened: read up to the limit, said
    deep = "<html><body>" + "<div>а " * 2100 + "</div>" * 2100 + "</body></html>"
    faults = []
    parse_html(HtmlResponse("https://interfax.com.ua/news/general/1.html", body=deep.encode(encoding), encoding=encoding), faults)
    assert faults == ["too_deep"]


def test_an_old_page_is_dated_below_its_body_not_by_a_read_also_items_time():
    page = _variant('<div class="top">Інтерфакс-Україна | Понеділок, 30 листопада 2026</div><div class="main">'
                    '<h1>Укргазвидобування збільшило видобуток</h1><div class="body">'
                    '<p>ПАТ "Укргазвидобування" за 9 місяців 2017 року збільшило видобуток газу на 3,6%.</p>'
                    '<p>Читайте також: <a href="/news/economic/450000.html">Укргазвидобування відкрило нове родовище</a> (10:00 01.03.2017)</p>'
                    '<p>Компанія планує пробурити 100 свердловин до кінця року.</p></div>'
                    '<div class="pub">Опубліковано: 14.10.2017 12:45</div></div>')
    assert page.visible_time() == "14.10.2017 12:45"


@pytest.mark.parametrize("block", ["latest-news", "last-news", "latest"])
def test_the_latest_listings_own_list_in_other_markup_inside_a_block_named_latest_is_its_list(block):
    """The latest listing's only list (a plain ``ul``, not the documented cards) inside a block named like
    the "ОСТАННЄ" sidebar: on the latest listing that block is the list, not a sidebar to leave out
    (it gave no item at all: the whole latest section was lost)."""
    from scrapy.http import HtmlResponse

    from interfax.pages.listing import ListingPage

    feed = "".join(f'<li><span>10:{i:02d} 29.11.2026</span> <h3><a href="/news/general/{1001 + i}.html">Н</a></h3></li>'
                   for i in range(5))
    html = (f'<html><body><div class="{block}"><h1 class="section-title">Останні новини</h1><ul>{feed}</ul></div>'
            '<div class="pager"><a href="/news/latest-2.html">2</a></div></body></html>')
    page = ListingPage(HtmlResponse("https://interfax.com.ua/news/latest.html", body=html.encode(), encoding="utf-8"), "latest")
    assert [link.ref.id for link in page.items()] == [1001 + i for i in range(5)]
    assert page.items()[0].listed_at == "10:00 29.11.2026"
    # on a section's listing a block named "latest" is its "ОСТАННЄ" sidebar: no item of the section's
    section = ListingPage(HtmlResponse("https://interfax.com.ua/news/general.html", body=html.encode(), encoding="utf-8"), "general")
    if "latest" in block:
        assert section.items() == []

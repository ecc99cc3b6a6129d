"""Stored mirror pages -> the expected JSON of tests/expected, one test per article and field."""

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
    from urllib.parse import urljoin

    from interfax.pages.article import _image_url

    for src in ("/" + path, "https://interfax.com.ua/" + path, "http://127.0.0.1:1/" + path):
        try:
            # a mirror URL stands for the same path on the live site (not a protocol-relative "//host")
            want = urljoin("https://interfax.com.ua/", src.strip().replace("http://127.0.0.1:1/", "https://interfax.com.ua/", 1))
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

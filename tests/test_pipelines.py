"""The cleaning pipeline on items as the spider yields them."""

from scrapy.utils.test import get_crawler

from interfax.items import Article
from interfax.pipelines import CleanTextPipeline
from interfax.spiders.articles import ArticlesSpider


def _clean(title: str, paragraphs: list[str], captions=()) -> tuple[Article, object]:
    crawler = get_crawler(ArticlesSpider, settings_dict={"INTERFAX_DEFAULT_FEED": ""})
    item = Article(title=title, text=paragraphs, images=[{"url": "https://x/a.jpg", "caption": c} for c in captions],
                   word_count=0, lead=None)
    return CleanTextPipeline(crawler).process_item(item), crawler.stats


def test_a_repeated_title_is_dropped_from_text():
    item, stats = _clean("НБУ підвищив облікову ставку", ["НБУ підвищив облікову ставку", "Рішення ухвалило правління."])
    assert item["text"] == "Рішення ухвалило правління."
    assert not stats.get_value("interfax/clean/headline_only_text")


def test_a_flash_whose_only_paragraph_is_its_headline_keeps_it():
    item, stats = _clean("НБУ підвищив облікову ставку до 15,5%", ["НБУ підвищив облікову ставку до 15,5%", "РЕКЛАМА"],
                         captions=["Фото банку"])
    assert item["text"] == "НБУ підвищив облікову ставку до 15,5%" and item["word_count"] == 6
    assert stats.get_value("interfax/clean/headline_only_text") == 1
    # a caption alone is still not text
    item, _ = _clean("Заголовок", ["Фото банку"], captions=["Фото банку"])
    assert item["text"] == ""

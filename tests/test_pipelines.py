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


def test_a_flash_whose_only_paragraph_is_also_its_image_alt_keeps_it():
    # the main image's alt repeats the title, and so does the only paragraph
    title = "Повітряна тривога оголошена по всій Україні"
    item, stats = _clean(title, [title], captions=[title])
    assert item["text"] == title and item["word_count"] == 6
    assert stats.get_value("interfax/clean/headline_only_text") == 1


def test_a_photo_item_whose_only_sentence_is_its_caption_keeps_it():
    caption = "Перші весняні квіти на Володимирській гірці в Києві"
    item, stats = _clean("Київ у перший день весни", [caption, "РЕКЛАМА"], captions=[caption])
    assert item["text"] == caption and item["lead"] == caption
    assert stats.get_value("interfax/clean/headline_only_text") == 1


def test_an_empty_body_stays_empty_whatever_its_title_and_captions():
    item, stats = _clean("Заголовок", ["", "РЕКЛАМА", "Поділитися"], captions=["Фото банку"])
    assert item["text"] == "" and item["word_count"] == 0
    assert not stats.get_value("interfax/clean/headline_only_text")

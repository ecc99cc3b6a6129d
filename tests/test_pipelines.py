"""The cleaning pipeline on items as the spider yields them."""

import pytest

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


def _dates(published, modified):
    from interfax.pipelines import DatesPipeline

    crawler = get_crawler(ArticlesSpider, settings_dict={"INTERFAX_DEFAULT_FEED": ""})
    item = Article(url="https://interfax.com.ua/news/general/1.html", published_at=published, modified_at=modified,
                   crawled_at="2025-06-01T00:00:00+00:00")
    return DatesPipeline(crawler).process_item(item), crawler.stats


def test_dates_take_the_headers_time_and_say_why():
    item, stats = _dates(["2025-04-09", "16:47 09.04.2025"], ["2025-04-09"])
    assert item["published_at"] == "2025-04-09T16:47:00+03:00"
    assert item["modified_at"] is None  # "that day" says nothing once the time is known
    assert stats.get_value("interfax/dates/time_from_later") == 1 and stats.get_value("interfax/dates/modified_day_only") == 1
    # a CMS that writes UTC without an offset: both dates shifted alike
    item, stats = _dates(["2025-03-28T07:00:00", "09:00 28.03.2025"], ["2025-03-28T07:05:00"])
    assert (item["published_at"], item["modified_at"]) == ("2025-03-28T09:00:00+02:00", "2025-03-28T09:05:00+02:00")
    assert stats.get_value("interfax/dates/naive_utc") == 2


def test_a_modification_before_the_publication_is_kept_and_counted(caplog):
    item, stats = _dates(["2025-03-30T04:10:00+03:00"], ["2025-03-29T10:00:00Z"])
    assert (item["published_at"], item["modified_at"]) == ("2025-03-30T04:10:00+03:00", "2025-03-29T12:00:00+02:00")
    assert stats.get_value("interfax/dates/modified_before_published") == 1
    assert "is before published_at" in caplog.text


def test_a_naive_time_that_disagrees_with_the_header_is_kept_with_a_warning(caplog):
    item, stats = _dates(["2025-03-28T07:00:00", "12:30 28.03.2025"], [])
    assert item["published_at"] == "2025-03-28T07:00:00+02:00"
    assert stats.get_value("interfax/dates/disagree") == 1 and "disagrees with" in caplog.text


def test_a_structured_time_the_header_contradicts_is_kept_with_a_warning(caplog):
    # JSON-LD in Kyiv's own offset, three hours off the header: before, kept without a word
    item, stats = _dates(["2025-04-11T21:32:00+03:00", "18:32 11.04.2025"], [])
    assert item["published_at"] == "2025-04-11T21:32:00+03:00"
    assert stats.get_value("interfax/dates/disagree") == 1
    assert "'2025-04-11T21:32:00+03:00' disagrees with ['18:32 11.04.2025'] shown on the page" in caplog.text


def test_a_lead_that_repeats_the_title_or_is_a_placeholder_gives_way_to_the_first_paragraph():
    title = "НБУ знизив облікову ставку до 14,5%"
    for lead in (title, "НБУ знизив облікову ставку до 14,5%.", "Опис", None):
        crawler = get_crawler(ArticlesSpider, settings_dict={"INTERFAX_DEFAULT_FEED": ""})
        item = Article(title=title, text=["Правління НБУ ухвалило рішення в четвер."], images=[], word_count=0, lead=lead)
        assert CleanTextPipeline(crawler).process_item(item)["lead"] == "Правління НБУ ухвалило рішення в четвер."
    item = Article(title=title, text=["Правління НБУ ухвалило рішення."], images=[], word_count=0, lead="Регулятор пояснив своє рішення")
    assert CleanTextPipeline(crawler).process_item(item)["lead"] == "Регулятор пояснив своє рішення"


def test_a_publication_date_after_the_crawl_gives_way_to_the_pages_next_date(caplog):
    """JSON-LD dated three days after the crawl (a scheduled or mistyped date): the header's date is the
    publication date, with one warning and a count; a page whose every date is after the crawl keeps it, said."""
    from interfax.pipelines import DatesPipeline

    crawler = get_crawler(ArticlesSpider, settings_dict={"INTERFAX_DEFAULT_FEED": ""})
    pipeline = DatesPipeline(crawler)
    url = "https://interfax.com.ua/news/general/1.html"
    item = Article(url=url, published_at=["2025-04-14T21:32:00+03:00", "21:32 11.04.2025"], modified_at=None,
                   crawled_at="2025-04-11T19:00:00+00:00")
    assert pipeline.process_item(item)["published_at"] == "2025-04-11T21:32:00+03:00"
    assert crawler.stats.get_value("interfax/dates/future_skipped") == 1
    assert "'2025-04-14T21:32:00+03:00' is after the crawl (2025-04-11T19:00:00+00:00), not a publication date" in caplog.text
    only = Article(url=url, published_at=["2025-04-14T21:32:00+03:00"], modified_at=None, crawled_at="2025-04-11T19:00:00+00:00")
    assert pipeline.process_item(only)["published_at"] == "2025-04-14T21:32:00+03:00"
    assert crawler.stats.get_value("interfax/dates/future") == 1
    assert "this machine's clock is behind" in caplog.text
    edited = Article(url=url, published_at=["21:32 11.04.2025"], modified_at=["2025-04-14T21:32:00+03:00", "22:10 11.04.2025"],
                     crawled_at="2025-04-11T19:00:00+00:00")
    assert pipeline.process_item(edited)["modified_at"] == "2025-04-11T22:10:00+03:00"
    assert "modified_at of %s: '2025-04-14T21:32:00+03:00' is after the crawl (2025-04-11T19:00:00+00:00), not a modification date" % url in caplog.text


def test_a_json_ld_date_in_an_implausible_year_is_said_to_be_so_not_unparsed(caplog):
    """JSON-LD dated 1970 (an unset timestamp) or 2099 (a placeholder): the header's date is used, and
    the log line said the date "did not parse" (at INFO) though it is a well-formed date."""
    caplog.set_level("INFO")
    for raw, where in (("1970-01-01T00:00:00+00:00", "before 1990"), ("2099-12-31T00:00:00+02:00", "more than a year after the crawl")):
        caplog.clear()
        item, stats = _dates([raw, "21:32 11.04.2025"], [])
        assert item["published_at"] == "2025-04-11T21:32:00+03:00"
        assert stats.get_value("interfax/dates/implausible_year") == 1 and stats.get_value("interfax/dates/fallback") == 1
        (record,) = [r for r in caplog.records if "published_at of" in r.getMessage()]
        assert record.levelname == "WARNING" and "did not parse" not in record.getMessage()
        assert record.getMessage() == (f"published_at of https://interfax.com.ua/news/general/1.html: {raw!r} is dated "
                                       f"{raw[:4]}, {where}: an unset or placeholder date, not the article's; used '21:32 11.04.2025'")
    # the only date given: no date, and the warning says why
    caplog.clear()
    item, stats = _dates(["1970-01-01T00:00:00Z"], [])
    assert item["published_at"] is None and stats.get_value("interfax/dates/implausible_year") == 1
    assert "no date in ['1970-01-01T00:00:00Z'] ('1970-01-01T00:00:00Z' is dated 1970, before 1990" in caplog.text
    # a text that is no date still "did not parse"
    caplog.clear()
    item, stats = _dates(["не дата 12", "21:32 11.04.2025"], [])
    assert "'не дата 12' did not parse" in caplog.text and not stats.get_value("interfax/dates/implausible_year")


def test_kyiv_time_under_a_wrong_offset_is_read_as_the_header_shows_it(caplog):
    """JSON-LD that writes Kyiv time with a "Z" (or the other season's offset): published_at was 3 (or 1)
    hours late, past 21:00 on the next day; the modified time, from the same CMS, is read the same way."""
    caplog.set_level("INFO")
    item, stats = _dates(["2025-04-11T21:32:00Z", "21:32 11.04.2025"], ["2025-04-11T22:05:00Z"])
    assert (item["published_at"], item["modified_at"]) == ("2025-04-11T21:32:00+03:00", "2025-04-11T22:05:00+03:00")
    assert stats.get_value("interfax/dates/wrong_offset") == 2
    assert "'2025-04-11T21:32:00Z' is the time shown on the page, '21:32 11.04.2025', under an offset Kyiv did not have" in caplog.text
    # a modified time in Kyiv's own offset is left as it is
    item, stats = _dates(["2025-01-11T21:32:00+03:00", "21:32 11.01.2025"], ["2025-01-11T22:05:00+02:00"])
    assert (item["published_at"], item["modified_at"]) == ("2025-01-11T21:32:00+02:00", "2025-01-11T22:05:00+02:00")
    assert stats.get_value("interfax/dates/wrong_offset") == 1


def test_a_time_in_the_hour_a_dst_switch_repeats_or_skips_is_read_by_the_rule_and_counted(caplog):
    """No offset anywhere: 03:30 on the last Sunday of October happens twice (read as the first, +03:00),
    03:30 on the last Sunday of March never (moved forward to 04:30); each counted, with a warning."""
    item, stats = _dates(["2024-10-27T03:30:00", "03:30 27.10.2024"], [])
    assert item["published_at"] == "2024-10-27T03:30:00+03:00"
    assert stats.get_value("interfax/dates/ambiguous_hour") == 1
    assert "'2024-10-27T03:30:00' is a Kyiv time that the daylight-saving switch repeats" in caplog.text
    item, stats = _dates(["03:30 30.03.2025"], [])
    assert item["published_at"] == "2025-03-30T04:30:00+03:00"
    assert stats.get_value("interfax/dates/nonexistent_hour") == 1
    # an offset names the instant; a UTC time without one, matched by the header, too: nothing to count
    for published in (["2024-10-27T03:30:00+02:00", "03:30 27.10.2024"], ["2024-10-27T01:30:00", "03:30 27.10.2024"],
                      ["04:30 30.03.2025"], ["02:59 27.10.2024"]):
        item, stats = _dates(published, [])
        assert not stats.get_value("interfax/dates/ambiguous_hour") and not stats.get_value("interfax/dates/nonexistent_hour")
    item, _ = _dates(["2024-10-27T01:30:00", "03:30 27.10.2024"], [])
    assert item["published_at"] == "2024-10-27T03:30:00+02:00"  # the second 03:30, as the UTC time says


def test_a_press_announcements_event_time_is_text_and_the_headers_time_again_is_not():
    crawler = get_crawler(ArticlesSpider, settings_dict={"INTERFAX_DEFAULT_FEED": ""})
    item = Article(title="Прес-конференція: ринок праці у 2026 році", word_count=0, lead=None, images=[],
                   text=["Прес-конференція на тему: «Ринок праці в умовах війни»", "10:00 19.01.2026", "22 січня 2026 р., 11:00",
                         "Місце проведення: прес-центр агентства."],
                   published_at="2026-01-19T10:00:00+02:00", modified_at=None, crawled_at="2026-01-20T08:00:00+00:00")
    item = CleanTextPipeline(crawler).process_item(item)
    assert item["text"].split("\n\n") == ["Прес-конференція на тему: «Ринок праці в умовах війни»", "22 січня 2026 р., 11:00",
                                          "Місце проведення: прес-центр агентства."]


def test_an_article_is_built_and_read_as_scrapys_item_builds_and_reads_it():
    """``Article(**fields)`` keeps the values as Scrapy's Item does (same order, same errors), and the
    pipelines and the exporter read and write that one dict of values (``values_of``)."""
    import pytest
    import scrapy

    from interfax.items import FIELDS, values_of

    fields = {name: f"v-{name}" for name in reversed(FIELDS)}
    item = Article(**fields)
    reference = scrapy.Item.__new__(Article)
    scrapy.Item.__init__(reference, **fields)
    assert list(item.items()) == list(reference.items()) == list(fields.items())
    assert values_of(item) == dict(reference) and values_of(item) is not fields
    assert dict(Article(fields)) == fields  # (a positional mapping: Scrapy's own path)
    with pytest.raises(KeyError, match="does not support field: author"):
        Article(title="t", author="x")
    assert Article().get("title") is None and len(Article()) == 0
    values_of(item)["text"] = "written"  # (a pipeline's write)
    assert item["text"] == "written" and item.copy()["text"] == "written"


def test_word_count_counts_words_not_stand_alone_dashes():
    item, _ = _clean("Заголовок", ["Уряд – за, опозиція — проти - поки що.", "Ціна – 15,5 грн."])
    assert item["word_count"] == 6 + 3


@pytest.mark.parametrize("first", [
    "КИЇВ. 14 лютого. ІНТЕРФАКС-УКРАЇНА", "ОНОВЛЕНО", "28 січня 2026 р., 11:00", "Дата: 3 березня 2026 р.",
    "Дата і час: 3 березня 2026 р., 11:00. Місце: прес-центр агентства «Інтерфакс-Україна»",
    "ОНОВЛЕНО о 15:30 (додано коментар міністра)",
    "ОНОВЛЕНО.", "Олена Петренко.", "КИЇВ. 14 лютого.",  # a label, a name, a dateline with full stops: no sentences
])
def test_the_lead_taken_from_the_text_is_its_first_sentence_not_a_dateline_label_or_event_time(first):
    sentence = "Група Нафтогаз у 2025 році збільшила видобуток газу на 6%, повідомила компанія."
    item, _ = _clean("Заголовок", [first, sentence, "Другий абзац статті."])
    assert item["lead"] == sentence


@pytest.mark.parametrize("first", [
    "Міністр закордонних справ Андрій Сибіга після зустрічі з колегами з ЄС заявив журналістам:",  # a quotation follows
    "Уряд протягом тижня ухвалив низку рішень, серед яких:",  # a list follows
    "У Львові відкрили найбільший в Україні центр протезування (відео)",
    "Кабінет міністрів ухвалив рішення про виділення 5 млрд грн на відновлення енергетичної інфраструктури",
])
def test_the_lead_taken_from_the_text_is_its_opening_prose_whatever_its_last_character(first):
    # before, the first paragraph that ended in a full stop was taken: a quotation, a list's end, the closing sentence
    item, _ = _clean("Заголовок", [first, "- індексація пенсій;", "«Ми очікуємо рішення в грудні», – сказав він.",
                                   "Усі рішення набудуть чинності з 1 грудня."])
    assert item["lead"] == first


@pytest.mark.parametrize("first", ["Уряд ухвалив закон.", "Реклама алкоголю заборонена.", "Тривога скасована!",
                                   "НБУ знизив облікову ставку."])
def test_the_lead_taken_from_the_text_is_a_short_first_sentence(first):
    # before, a sentence under four words was passed over: the lead was the second paragraph
    item, _ = _clean("Заголовок", [first, "Відповідний закон підписав президент у п'ятницю, повідомили в Офісі президента.",
                                   "Наступна зустріч запланована на травень."])
    assert item["lead"] == first


_STAND_INS = [
    "Warning: include(/var/www/templates/article_body.php): failed to open stream: No such file or directory in "
    "/var/www/interfax/index.php on line 88",
    "Error establishing a database connection",
    "SQLSTATE[HY000] [2002] Connection refused",
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.",
]


@pytest.mark.parametrize("text", _STAND_INS)
def test_a_text_that_is_only_the_cms_error_or_placeholder_is_dropped_and_listed(text):
    """A PHP warning, a database error or "Lorem ipsum" in place of the body was exported as the article."""
    from interfax.pipelines import StandInText, ValidatePipeline

    crawler = get_crawler(ArticlesSpider)
    item = Article(id=1, url="https://interfax.com.ua/news/general/1.html", title="Заголовок", text=text,
                   published_at="2026-01-01T10:00:00+02:00")
    with pytest.raises(StandInText) as dropped:
        ValidatePipeline.from_crawler(crawler).process_item(item)
    assert text[:20] in dropped.value.why and "soft 404" not in dropped.value.why  # listed as one to retry
    assert crawler.stats.get_value("interfax/drop/stand_in_text") == 1


@pytest.mark.parametrize("text", [
    # an article that reports or quotes such a message is an article
    "Сайт ЦВК вранці видавав «Error establishing a database connection», повідомили в комісії.",
    "Lorem ipsum dolor sit amet – так починається текст-заповнювач, який дизайнери використовують з XVI століття.",
    _STAND_INS[0] + "\n\n" + "Це повідомлення бачили користувачі сайту міністерства протягом години. " * 3,
    "Database error rates at the bank fell sharply in 2025, the regulator said in its annual report on payments.",
])
def test_an_article_about_a_cms_error_or_lorem_ipsum_is_kept(text):
    from interfax.pipelines import ValidatePipeline

    item = Article(id=1, url="https://interfax.com.ua/news/general/1.html", title="Заголовок", text=text,
                   published_at="2026-01-01T10:00:00+02:00")
    assert ValidatePipeline.from_crawler(get_crawler(ArticlesSpider)).process_item(item) is item

"""What is noise: raw body HTML / lines -> expected paragraphs, table-driven."""

import pytest
from lxml import html
from hypothesis import example, given, settings
from hypothesis import strategies as st

from scrapy.http import HtmlResponse

from interfax import cleaning, dates
from interfax.pages import article


def body_paragraphs(fragment: str) -> list[str]:
    root = html.fragment_fromstring(fragment, create_parent="div")
    return cleaning.clean_paragraphs(article.body_paragraphs(root))


def article_page(body: str) -> article.ArticlePage:
    """A desktop article page whose body (``div.article-content``) is ``body``."""
    page = (
        '<!DOCTYPE html><html lang="uk"><head><meta charset="utf-8"></head><body>'
        '<article class="article-content-view"><h1>Заголовок статті</h1>'
        f'<div class="article-content">{body}</div></article></body></html>'
    )
    url = "https://interfax.com.ua/news/economic/1064999.html"
    return article.ArticlePage(HtmlResponse(url, body=page.encode(), encoding="utf-8"))


_BLOCKS = frozenset({"p", "div", "section", "article", "main", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6",
                     "blockquote", "pre", "table", "thead", "tbody", "tr", "td", "th", "dl", "dt", "dd", "hr", "center"})


def _plain_flatten(el, out: list[str]) -> None:
    """The test's oracle: each block element a paragraph, two <br> split one (no skipping, no label tests);
    loose text right after a <p> that goes on with its sentence ends that paragraph."""
    buf: list[str] = []
    breaks = 0
    after_p = False

    def flush():
        nonlocal after_p
        text = cleaning.squash("".join(buf))
        if text and after_p and (text[0].islower() or text[0] in ",;") and out[-1][-1] not in ".!?…":
            out[-1] += ("" if text[0] in ",;" else " ") + text
        elif text:
            out.append(text)
        buf.clear()
        after_p = False

    def inline(node, pieces):
        """An inline element's text; "\x00" where a paragraph ends in it (two <br> in a row, a block's edges)."""
        pieces.append(node.text or "")
        inner_breaks = 0
        for child in node:
            if isinstance(child.tag, str):
                if child.tag == "br":
                    inner_breaks += 1
                    pieces.append("\x00" if inner_breaks >= 2 else " ")
                elif child.tag in _BLOCKS:
                    inner_breaks = 0
                    pieces.append("\x00")
                    inline(child, pieces)
                    pieces.append("\x00")
                else:
                    inner_breaks = 0
                    inline(child, pieces)
            if child.tail and child.tail.strip():
                inner_breaks = 0
            pieces.append(child.tail or "")

    buf.append(el.text or "")
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "br":
            breaks += 1
            flush() if breaks >= 2 else buf.append(" ")
        elif tag in _BLOCKS:
            breaks = 0
            flush()
            count = len(out)
            _plain_flatten(child, out)
            after_p = tag == "p" and len(out) > count
        elif tag:
            breaks = 0
            pieces: list[str] = []
            inline(child, pieces)
            first, *rest = "".join(pieces).split("\x00")
            buf.append(first)
            for piece in rest:
                flush()
                buf.append(piece)
        if child.tail:
            if child.tail.strip():
                breaks = 0
            buf.append(child.tail)
    flush()


@pytest.mark.parametrize(
    "fragment, expected",
    [
        # ad containers by class, by id, bare labels, scripts
        ('<p>Один.</p><div class="advert advert-inline"><span class="advert-label">РЕКЛАМА</span><div id="adpro-inline-1"></div></div><p>Два.</p>', ["Один.", "Два."]),
        ('<p>Один.</p><div id="adpro-inline-2"><script>adpro.push(1)</script></div><p>Два.</p>', ["Один.", "Два."]),
        ("<p>Один.</p><p>РЕКЛАМА</p><p>Реклама</p><p>Два.</p>", ["Один.", "Два."]),
        ('<p>Один.</p><ins class="adsbygoogle" data-ad-slot="1"></ins><p>Два.</p>', ["Один.", "Два."]),
        # an ad whose only marker is its visible label
        ('<p>Один.</p><div><div>Реклама</div><div id="x1"></div></div><p>Два.</p>', ["Один.", "Два."]),
        # an ad label in a small block of its own takes the block's ad line with it
        ('<p>Перший абзац статті, досить довгий для тексту.</p><div><p>Реклама</p><p>Сонячні панелі для дому: монтаж за 1 день, '
         'гарантія 25 років, розстрочка 0% на 24 місяці. Дзвоніть!</p></div><p>Два.</p>', ["Перший абзац статті, досить довгий для тексту.", "Два."]),
        ('<p>Один.</p><div><span class="x">РЕКЛАМА</span></div><p>Два.</p>', ["Один.", "Два."]),
        # a label set off by dashes, with a banner and an ad line in its block
        ('<p>Перший абзац статті, досить довгий для тексту.</p><div class="mgid-container"><div>— Реклама —</div>'
         '<a href="https://ads.example.com/x"><img src="https://ads.example.com/b.jpg"></a><div>Кредит онлайн під 0% на 30 днів</div></div>'
         '<p>Два.</p>', ["Перший абзац статті, досить довгий для тексту.", "Два."]),
        ("<p>Один.</p><p>- РЕКЛАМА -</p><p>– Реклама, – сказав він.</p>", ["Один.", "– Реклама, – сказав він."]),
        # the UKR.NET informer, by class and by heading
        ('<p>Один.</p><div class="informer"><a href="https://www.ukr.net/">UKR.NET- новини з усієї України</a><ul><li><a href="https://www.ukr.net/1.html">Партнер</a></li></ul></div>', ["Один."]),
        ('<p>Один.</p><div><a href="https://www.ukr.net/">UKR.NET- новини з усієї України</a><ul><li><a href="https://www.ukr.net/1.html">Новина партнера</a></li></ul></div><p>Два.</p>', ["Один.", "Два."]),
        # ... its heading split across elements, its items told by their links to ukr.net
        ('<p>Один.</p><div class="partner-news"><div><a href="https://www.ukr.net/">UKR.NET</a>- новини з усієї України</div>'
         '<ul><li><a href="https://www.ukr.net/news/1.html">Заголовок партнера</a></li></ul></div><p>Два.</p>', ["Один.", "Два."]),
        # ... the name a link, the tagline its tail, the items in the same block
        ('<p>Один.</p><div><a href="https://www.ukr.net/">UKR.NET</a> - новини з усієї України<ul><li><a href="https://www.ukr.net/news/1.html">'
         'Новина 1</a></li><li><a href="https://www.ukr.net/news/2.html">Новина 2</a></li></ul></div><p>Два.</p>', ["Один.", "Два."]),
        ('<p>Один.</p><a href="https://www.ukr.net/">UKR.NET</a>- новини з усієї України<ul><li><a href="https://www.ukr.net/news/1.html">'
         'Новина 1</a></li></ul><p>Два.</p>', ["Один.", "Два."]),
        ('<p>Один.</p><div><b>UKR</b>.NET- новини з усієї України</div><ul><li><a href="https://www.ukr.net/news/1.html">Заголовок</a>'
         ' – опис новини партнера, довший за заголовок</li></ul><p>Два.</p>', ["Один.", "Два."]),
        # lists under headings, with no class at all
        ('<p>Один.</p><div><b>ОСТАННЄ</b><ul><li><a href="/news/general/1139011.html">Якась новина</a></li></ul></div><p>Два.</p>', ["Один.", "Два."]),
        ('<p>Один.</p><h3>ЩЕ ЗА ТЕМОЮ</h3><ul><li><a href="/news/general/1.html">Пов’язана новина</a></li></ul><p>Два, після списку.</p>', ["Один.", "Два, після списку."]),
        # list items that show a time and date beside their link (below the link-density threshold)
        ('<p>Один.</p><h4>ОСТАННЄ</h4><div><span>10:05 21.01.2025</span> <a href="/news/general/1.html">Курси валют на 21 січня</a></div>'
         '<div><span>09:40 21.01.2025</span> <a href="/news/general/2.html">Інша новина</a></div>', ["Один."]),
        ('<p>Один.</p><div><b>ОСТАННЄ</b><ul><li><a href="/news/general/1.html">Курси валют</a> 10:05, 21.01.2025</li></ul></div><p>Два.</p>', ["Один.", "Два."]),
        ('<p>Один.</p><h4>ОСТАННЄ</h4><div><a href="/news/general/1.html">Новина</a></div><p>З 21.01.2025 діє <a href="/x">постанова</a> уряду.</p>',
         ["Один.", "З 21.01.2025 діє постанова уряду."]),
        # share widgets, placeholders, empty paragraphs, reading time, tag line
        ('<p>Один.</p><div class="share-buttons"><a href="https://facebook.com/sharer">Facebook</a><a href="https://t.me/share">Telegram</a></div>', ["Один."]),
        # a share widget whose class is not known: its line is only share words
        ('<p>Один.</p><div class="soc-buttons"><span>Поділитися:</span> <a>Facebook</a> <a>Telegram</a></div>', ["Один."]),
        ("<p>Загрузка...</p><p>Один.</p><p>&nbsp;</p><p> </p>", ["Один."]),
        ("<p>2 хв читати</p><p>Один.</p>", ["Один."]),
        ('<p>Один.</p><div class="article-tags">Теги: <a href="/news/tag/x.html">#США</a></div>', ["Один."]),
        ("<p>Один.</p><p>Теги: #США #санкції</p>", ["Один."]),
        # images, captions and credits are not text
        ('<p>Один.</p><figure><img src="/a.jpg" alt="photo-1"><figcaption>Підпис. Фото: Reuters</figcaption></figure><p>Два.</p>', ["Один.", "Два."]),
        ('<p>Один.</p><p class="photo-credit">Фото: Офіс Президента</p>', ["Один."]),
        ('<p>Один.</p><img src="/a.jpg"><div class="image-caption">Підпис до фото</div><p>Два.</p>', ["Один.", "Два."]),
        ('<p>Один.</p><p><img src="/a.jpg"></p><p class="photo-caption">Підпис до фото</p><p>Два.</p>', ["Один.", "Два."]),
        ('<p>Один.</p><img src="/a.jpg"><span class="caption">Підпис до фото</span><p>Два.</p>', ["Один.", "Два."]),
        ("<p>Один.</p><p>Фото: Офіс Президента</p>", ["Один."]),
        # the source line is text
        ("<p>Один.</p><p>Джерело: https://t.me/mod</p>", ["Один.", "Джерело: https://t.me/mod"]),
        # paragraphs: inline markup kept in one paragraph, whitespace squashed, <br><br> splits
        ("<p>Один <b>жирний</b>\n  і <a href='/x'>посилання</a>.</p>", ["Один жирний і посилання."]),
        ("Перший рядок.<br><br>Другий абзац.<br>Той самий абзац.", ["Перший рядок.", "Другий абзац. Той самий абзац."]),
        ("<ul><li>Пункт один</li><li>Пункт два</li></ul><blockquote>Цитата</blockquote>", ["Пункт один", "Пункт два", "Цитата"]),
    ],
)
def test_body_cleaning(fragment, expected):
    assert body_paragraphs(fragment) == expected


@pytest.mark.parametrize(
    "fragment, expected",
    [
        # a background box in an aside is part of the article a reader sees: it was dropped with the aside
        ("<p>Один.</p><aside><h4>Довідка</h4><p>Компанія заснована у 1991 році.</p></aside><p>Два.</p>",
         ["Один.", "Довідка", "Компанія заснована у 1991 році.", "Два."]),
        ('<p>Один.</p><aside class="box"><b>Довідка Інтерфакс-Україна:</b> компанія заснована у 1991 році.</aside>',
         ["Один.", "Довідка Інтерфакс-Україна: компанія заснована у 1991 році."]),
        ("<p>Один.</p><aside><p>СПРАВКА</p><p>Компания основана в 1991 году.</p></aside>",
         ["Один.", "СПРАВКА", "Компания основана в 1991 году."]),
        # an aside of related links, an ad or a list stays out, whatever its heading
        ('<p>Один.</p><aside class="related"><h4>Довідка</h4><p>Компанія заснована у 1991 році.</p></aside>', ["Один."]),
        ("<p>Один.</p><aside><h4>Читайте також</h4><p>Новина дня.</p></aside>", ["Один."]),
        ('<p>Один.</p><aside><a href="/news/general/1.html">Довідка про санкції ЄС проти Росії</a></aside>', ["Один."]),
    ],
)
def test_a_background_box_in_an_aside_is_text_and_other_asides_are_not(fragment, expected):
    assert body_paragraphs(fragment) == expected


@pytest.mark.parametrize(
    "line",
    [
        "РЕКЛАМА", "Реклама", " реклама ", "Загрузка...", "Завантаження…", "1 хв читати", "12 хв читати",
        "2 min read", "Теги: #a #b", "Tags: #x", "ЩЕ ЗА ТЕМОЮ", "ОСТАННЄ", "MORE ABOUT", "UKR.NET- новини з усієї України",
        "Поділитися", "Facebook", "Telegram", "Фото: Reuters", "\u00a0", "", "  ", "—",
        "Поділитися: Facebook Telegram", "Share: Facebook, X, LinkedIn", "ПоділитисяFacebookTelegramКопіювати посилання", "Копіювати посилання | Друк",
        "Фотогалерея", "ФОТОРЕПОРТАЖ", "Відео:", "(Фото)", "Photo gallery",
        "Поширити: Facebook Telegram", "Поділіться: Facebook, Viber", "Поширити",
        "#Львів #реабілітація", "#ЗСУ, #фронт", "#Укренерго", "Фото ілюстративне", "Фото з відкритих джерел.", "Ілюстративне фото",
        "(Фото ілюстративне)", "Завантажується...", "Загружается…", "Loading…", "Зачекайте, будь ласка...",
        "Реклама: Знижки на ноутбуки до 40%", "РЕКЛАМА: Знижки на ноутбуки до 40% у мережі магазинів «Техно»",
    ],
)
def test_boilerplate_lines(line):
    assert cleaning.is_boilerplate_line(line)


_INTRO = "Найпопулярнішими платформами для отримання новин респонденти назвали:"


@pytest.mark.parametrize(
    "paragraphs, expected",
    [
        # network and messenger names as the items of a list the text introduces are text
        ([_INTRO, "Telegram", "Viber", "WhatsApp", "Facebook", "Частка телебачення знижується."],
         [_INTRO, "Telegram", "Viber", "WhatsApp", "Facebook", "Частка телебачення знижується."]),
        ([_INTRO, "", "Telegram", "X, LinkedIn"], [_INTRO, "Telegram", "X, LinkedIn"]),
        # a share widget's buttons on lines of their own: after a finished paragraph, after a share label,
        # after another boilerplate line, or a share action in the list
        (["Один.", "Facebook", "Telegram"], ["Один."]),
        (["Один:", "Поділитися:", "Facebook", "Telegram"], ["Один:"]),
        ([_INTRO, "Telegram", "РЕКЛАМА", "Viber"], [_INTRO, "Telegram"]),
        ([_INTRO, "Telegram", "Поділитися", "Копіювати посилання"], [_INTRO, "Telegram"]),
    ],
)
def test_network_names_listed_by_the_text_are_kept(paragraphs, expected):
    assert cleaning.clean_paragraphs(paragraphs) == expected
    assert cleaning.clean_text("\n\n".join(expected)) == "\n\n".join(expected)  # still idempotent


def test_a_list_of_messengers_in_the_body_is_text_and_a_share_list_is_not():
    listed = f"<p>{_INTRO}</p><ul><li>Telegram</li><li>Viber</li><li>WhatsApp</li><li>Facebook</li></ul><p>Кінець.</p>"
    assert body_paragraphs(listed) == [_INTRO, "Telegram", "Viber", "WhatsApp", "Facebook", "Кінець."]
    share = ('<p>Кінець.</p><ul><li><a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a></li>'
             '<li><a href="https://t.me/share/url?url=x">Telegram</a></li></ul>')
    assert body_paragraphs(share) == ["Кінець."]
    assert body_paragraphs(f'<p>{_INTRO}</p><ul class="share"><li><a>Telegram</a></li></ul>') == [_INTRO]


@pytest.mark.parametrize(
    "line",
    [
        "Реклама алкоголю заборонена з 2024 року, повідомив міністр.",
        "Останнє засідання Ради відбулося у вівторок.",
        "Джерело: https://t.me/mod",
        "Фотовиставка відкрилася у Києві.",
        "Президент провів зустріч у Telegram-каналі.",
        "Telegram-канал",
        "Xiaomi", "Telegramм", "Printeх",
        "UKR.NET оновив дизайн головної сторінки.",
        "Facebook і Telegram",
        "Telegram 35%",
        "Фотогалерею можна переглянути на сайті ОВА.", "Відео оприлюднив Генштаб.",
        "#1 у рейтингу Forbes", "Фото з відкритих джерел підтверджують удар по НПЗ.", "#Львів – місто, де відкрили центр.",
        "Реклама в Україні подорожчала на 15% у 2025 році.", "Реклама: ринок зріс на 15% за рік, повідомила коаліція.",
        "Завантаження енергосистеми у вечірні години зросло на 5%.", "Зачекайте на оновлення графіків, закликали в ДТЕК.",
    ],
)
def test_text_lines_kept(line):
    assert not cleaning.is_boilerplate_line(line)


@pytest.mark.parametrize(
    "body, expected",
    [
        # a label inline at the start of a paragraph of prose
        ("<p>Один.</p><p><strong>Реклама.</strong> Витрати на рекламу зросли на 31%.</p>",
         ["Один.", "Реклама. Витрати на рекламу зросли на 31%."]),
        ("<p><b>Останнє</b> засідання Ради відбулося у вівторок.</p>", ["Останнє засідання Ради відбулося у вівторок."]),
        # a sentence that starts with the informer's name is no heading completed by its tail
        ('<p>Один.</p><a href="https://www.ukr.net/">UKR.NET</a> оновив головну.<ul><li><a href="https://www.ukr.net/1.html">Новина</a></li></ul>',
         ["Один.", "UKR.NET оновив головну.", "Новина"]),
        # a table cell, an item of a list
        ("<table><tr><td>Реклама</td><td>42%</td></tr><tr><td>Телебачення</td><td>30%</td></tr></table>",
         ["Реклама 42%", "Телебачення 30%"]),
        ("<ul><li>Телебачення</li><li>Реклама</li><li>Преса</li></ul>", ["Телебачення", "Реклама", "Преса"]),
        # a label does not take a container of the article's paragraphs with it ...
        ("<div><p>Реклама</p><p>Короткий абзац статті.</p><p>Ще один абзац.</p></div>",
         ["Короткий абзац статті.", "Ще один абзац."]),
        # ... nor the only paragraph of a short article, nor the section under a heading that reads like one
        ("<div><p>Реклама</p><p>Єдиний абзац короткої новини.</p></div>", ["Єдиний абзац короткої новини."]),
        ("<p>Ринок медіа зріс за рік на чверть, свідчать дані асоціації.</p><div><h3>Реклама</h3><p>Витрати на рекламу зросли на 31%.</p></div>",
         ["Ринок медіа зріс за рік на чверть, свідчать дані асоціації.", "Витрати на рекламу зросли на 31%."]),
        # a label directly in the body goes alone
        ("<p>Один.</p><p>Реклама</p><p>Наступний абзац статті, довший за вісімдесят символів, щоб перевірити, що він лишається.</p>",
         ["Один.", "Наступний абзац статті, довший за вісімдесят символів, щоб перевірити, що він лишається."]),
    ],
)
def test_label_words_in_content_are_kept(body, expected):
    """What reads like a label but is content stays in the page's paragraphs (a list item that is
    only the word still goes as a line, in the cleaning pipeline; a table row is one line)."""
    assert article_page(body).text() == expected


def test_caption_beside_an_image_is_its_caption_not_text():
    page = article_page(
        '<p>Один.</p><img src="/a.jpg" alt="photo-1"><div class="image-caption">Підпис до фото. Фото: Reuters</div>'
        '<div class="wp-caption"><img src="/b.jpg"><p class="wp-caption-text">Другий підпис</p></div><p>Два.</p>'
    )
    assert page.text() == ["Один.", "Два."]
    assert [(i["url"], i["caption"]) for i in page.images()] == [
        ("https://interfax.com.ua/a.jpg", "Підпис до фото"),
        ("https://interfax.com.ua/b.jpg", "Другий підпис"),
    ]


def test_a_caption_repeated_with_its_credit_is_dropped_but_not_other_text():
    captions = ["Підземна школа в Харкові"]
    assert cleaning.is_boilerplate_line("Підземна школа в Харкові. Фото: Харківська ОВА", captions=captions)
    assert not cleaning.is_boilerplate_line("Підземна школа в Харкові. Фото: Харківська ОВА", captions=["Інший підпис"])
    assert not cleaning.is_boilerplate_line("Підземна школа в Харкові відкрилася. Фото: ОВА", captions=captions)


def test_repeated_title_and_captions_dropped():
    text = "Заголовок новини\n\nПерший абзац.\n\nphoto-2025-04-11\n\nДругий абзац."
    assert cleaning.clean_text(text, title="Заголовок  новини", captions=["photo-2025-04-11"]) == "Перший абзац.\n\nДругий абзац."


def test_clean_text_idempotent_example():
    raw = "РЕКЛАМА\n\n  Один   абзац. \n\n\n\nДва.\n\n1 хв читати"
    once = cleaning.clean_text(raw)
    assert once == "Один абзац.\n\nДва."
    assert cleaning.clean_text(once) == once


@pytest.mark.parametrize(
    "line, minutes", [("1 хв читати", 1), ("15 хв читати", 15), ("3 min read", 3), ("2 мин чтения", 2), ("хв читати", None), ("0 хв читати", None),
                     ("Час читання: 3 хв", 3), ("Время чтения: 4 мин.", 4), ("Reading time: 2 min", 2), ("Час читання", None),
                     ("Час прочитання: 3 хв", 3), ("Час на читання: 5 хв", 5), ("2 хв на читання", 2), ("~4 хв читання", 4),
                     ("Время прочтения: 2 мин", 2), ("3 хв. прочитання", 3), ("Час прочитання книги: 3 хв", None),
                     ("Читати 4 хв", 4), ("Читати: 6 хвилин", 6), ("Менше 1 хв читати", 1), ("Less than 1 min read", 1),
                     ("Читати далі", None), ("3 хв", None)]
)
def test_reading_minutes(line, minutes):
    assert cleaning.reading_minutes(line) == minutes


@pytest.mark.parametrize("line, minutes", [("3 хв", 3), ("~5 хвилин", 5), ("Менше 1 хв", 1), ("2 min", 2), ("3 хв тому", None), ("хв", None)])
def test_minutes_alone_count_under_a_reading_time_class(line, minutes):
    assert cleaning.reading_minutes(line, labelled=True) == minutes


_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\xad\x00"


def test_squash_drops_invisible_characters():
    assert cleaning.squash("Сло\u00adво\u2060 і\u200c ще\u200d.") == "Слово і ще."
    assert cleaning.squash("\u00ad") == ""


@given(st.text(alphabet=st.sampled_from(list("ab щ.\t\n\r\x0b\x0c\xa0\u2009\u2028\x1c" + _INVISIBLE)), max_size=30))
@settings(max_examples=500, deadline=None, database=None)
def test_squash_fast_path_agrees_with_the_definition(text):
    reference = " ".join("".join(c for c in text if c not in _INVISIBLE).split())
    assert cleaning.squash(text) == reference
    assert cleaning.squash(reference) == reference


@given(
    st.sampled_from(sorted(cleaning.AD_LABELS | cleaning.LIST_HEADINGS | {"UKR.NET- новини з усієї України"})),
    st.integers(min_value=1, max_value=40),
    st.sampled_from(("", " ", ":", " …", ".")),
    st.sampled_from(("", " ", "\u00a0", "\n")),
    st.booleans(),
)
@settings(max_examples=300, deadline=None, database=None)
def test_label_pre_test_lets_every_label_through(label, cut, trailing, pad, lower):
    """Any leading piece of an element whose whole text is a label passes the cheap pre-test."""
    text = (label.lower() if lower else label) + trailing
    own, rest = text[:cut], text[cut:]
    assert cleaning.is_boilerplate_heading(own + rest)
    if (pad + own).strip():
        assert cleaning.could_start_label((pad + own).strip())


_PIECES = ("Один.", "10:05 21.01.2025", "РЕКЛАМА", "Реклама", "ОСТАННЄ", "ЩЕ ЗА", " ТЕМОЮ", "UKR.NET- новини", "UKR.NET", "За словами",
           "  ", "\u00a0", "\x0b", "a\x01b", "Р", "\n", "Довгий абзац тексту статті, що не є міткою.", "")


@st.composite
def _bodies(draw, depth=0):
    """Body fragments mixing text, labels, noise nodes (by tag and class), comments, <br>, control characters."""
    parts = [draw(st.sampled_from(_PIECES))]
    for _ in range(draw(st.integers(0, 3 if depth < 3 else 0))):
        kind = draw(st.sampled_from(("p", "div", "span", "b", "a", "br", "ul", "li", "h3", "script", "ins", "ad", "share", "caption", "comment", "img",
                                     "ukrnet", "tweet")))
        if kind == "comment":
            parts.append("<!-- c -->")
        elif kind in ("br", "img"):
            parts.append(f"<{kind}>")
        else:
            tag, attr = {"ad": ("div", ' class="advert"'), "share": ("span", ' class="share-buttons"'),
                         "caption": ("p", ' class="image-caption"'),
                         "ukrnet": ("a", ' href="https://www.ukr.net/news/1.html"'),
                         "tweet": ("blockquote", ' class="twitter-tweet"')}.get(kind, (kind, ""))  # (its <p>s are the post's words)
            parts.append(f"<{tag}{attr}>{draw(_bodies(depth + 1))}</{tag}>")
        parts.append(draw(st.sampled_from(_PIECES)))
    return "".join(parts)


@given(_bodies())
@example("A<p>РЕКЛАМА</p>B")  # an ad label under the body goes alone: one paragraph "AB"
@example("<p>x</p>A<p>Реклама</p> <script>1</script>B<ins></ins> C")  # noise tails join the label's tail first
@example("<p>РЕКЛАМА<script>x</script></p>\x0bz<ins></ins>y")
@example("<div><p>РЕКЛАМА</p>t</div>after")  # deeper: its container goes too (stripped on a copy)
@example('x<b>ОСТАННЄ</b><ul><li><a href="/a">y</a></li></ul>z')  # a list heading and its list
@example("<span>x<br><script>1</script> <br>y<p>z</p></span>w")  # paragraphs end inside an inline element
@example('<p>Один.</p><p>Реклама</p><script>1</script><p><a href="https://x.example/">Купуйте</a></p>z')  # a bare label's ad copy
@example('<p>Реклама</p>t<p><a href="/a">y</a></p>')  # text between them: no ad copy
@example('<p>t</p><ul><li><a href="https://www.ukr.net/1.html">a</a></li><li><a href="//ukr.net/2.html">b</a></li></ul>')  # the headless informer
@example('<p>t</p><div class="advert"><ul><li><a href="https://www.ukr.net/1.html">a</a></li><li><a href="//ukr.net/2.html">b</a></li></ul></div>')
@example('<p>Реклама<a href="https://www.ukr.net/1.html">a</a></p><ul><li><a href="//ukr.net/2.html">b</a></li></ul>z')
@example('x<p>Реклама</p> a<blockquote class="twitter-tweet"><p>Слова допису</p>— A (@a)</blockquote>b<p><a href="/x">y</a></p>')  # a post's words
@example('<span>x<blockquote class="twitter-tweet"><p>ОСТАННЄ</p><p>w</p></blockquote>y</span>z')  # in an inline element; a label as its words
@settings(max_examples=600, deadline=None, database=None)
def test_body_paragraphs_walk_agrees_with_stripping_a_copy(fragment):
    """The one-walk path gives what stripping a copy gives, and leaves the page's tree as it was."""
    import copy

    from lxml import etree

    page = etree.fromstring(f"<html><body><div>{fragment}</div></body></html>".encode(), etree.HTMLParser(encoding="utf-8"))
    body = page.find("body/div")
    before = etree.tostring(body)
    clean = copy.deepcopy(body)
    cleaning.strip_boilerplate(clean)
    expected: list[str] = []
    _plain_flatten(clean, expected)
    assert article.body_paragraphs(body) == expected
    assert etree.tostring(body) == before


@given(_bodies())
@example("a<!-- c -->b<?pi x?>c<b>d</b><!-- e -->")  # comments' and PIs' own text out, their tails in
@example("<p></p><br><span>\x0b</span>")
@settings(max_examples=300, deadline=None, database=None)
def test_texts_is_itertext(fragment):
    """``cleaning.texts`` gives every element's ``itertext()`` (also on a stripped copy, whose removals join tails)."""
    import copy

    from lxml import etree

    page = etree.fromstring(f"<html><body><div>{fragment}</div></body></html>".encode(), etree.HTMLParser(encoding="utf-8"))
    stripped = copy.deepcopy(page)
    cleaning.strip_boilerplate(stripped.find("body/div"))
    for tree in (page, stripped):
        for el in tree.iter(etree.Element):
            assert cleaning.texts(el) == list(el.itertext())


def test_a_table_row_is_one_line_and_a_label_in_a_cell_is_content():
    from scrapy.http import HtmlResponse

    from interfax.pages.article import ArticlePage

    html = ("<html><body><article><h1>Витрати бізнесу</h1><div class='article-content'><p>Структура витрат:</p>"
            "<table><tr><th>Стаття</th><th>Частка</th></tr><tr><td>Реклама</td><td>42%</td></tr>"
            "<tr><td>Дослідження</td><td><b>18</b>%</td></tr></table><p>Кінець.</p></div></article></body></html>")
    page = ArticlePage(HtmlResponse("https://interfax.com.ua/news/economic/1.html", body=html.encode(), encoding="utf-8"))
    paragraphs = page.text()
    assert paragraphs == ["Структура витрат:", "Стаття Частка", "Реклама 42%", "Дослідження 18%", "Кінець."]
    assert cleaning.clean_paragraphs(paragraphs, "Витрати бізнесу") == paragraphs


@pytest.mark.parametrize(
    "row, expected",
    [
        # paragraphs in a cell (CKEditor): a space between them, the row still one line
        ('<tr><td><p>"На весь рік.</p><p>Жодних затримок не буде", - сказав він.</p></td></tr>',
         '"На весь рік. Жодних затримок не буде", - сказав він.'),
        ("<tr><td>Видобуток газу</td><td><p>1,2</p><p>млрд куб. м</p></td></tr>", "Видобуток газу 1,2 млрд куб. м"),
        ("<tr><td><div>Імпорт</div><div>електроенергії</div></td><td>5%</td></tr>", "Імпорт електроенергії 5%"),
        # inline markup in a cell is still one word
        ("<tr><td><b>1</b>8%</td></tr>", "18%"),
    ],
)
def test_block_children_of_a_table_cell_are_set_off_by_a_space(row, expected):
    assert body_paragraphs(f"<p>Один.</p><table>{row}</table>") == ["Один.", expected]


def test_a_layout_tables_paragraphs_are_paragraphs():
    """An old design's table around the text: a cell of paragraphs of prose is not one line."""
    first = "Уряд ухвалив рішення щодо відновлення енергетичної інфраструктури у прифронтових областях країни."
    second = "Фінансування передбачено з резервного фонду державного бюджету та коштів міжнародних партнерів."
    assert body_paragraphs(f'<table><tr><td><p>{first}</p><p>{second}</p></td><td><div class="advert">Реклама</div></td></tr>'
                           '</table><table><tr><th>Рік</th><th>Млрд грн</th></tr><tr><td>2024</td><td><p>1,2</p></td></tr></table>') == [
        first, second, "Рік Млрд грн", "2024 1,2"]


@pytest.mark.parametrize(
    "body, expected",
    [
        # a 2012 page: the text in a <font>, paragraphs split by <br><br> (a line break between them)
        ('<font size="2">Перший абзац.<br><br>\nДругий абзац.<br><br>\nТретій абзац.</font>',
         ["Перший абзац.", "Другий абзац.", "Третій абзац."]),
        # pasted Word text: a <span>, deeper inline wrappers, whitespace or a comment between the two <br>
        ('<span style="font-size:12pt">Один.<br> <br>Два.<br><!-- x --><br><b>Три.</b></span>', ["Один.", "Два.", "Три."]),
        ("<font><span><i>Один.<br><br>Два.</i></span></font> Далі.", ["Один.", "Два. Далі."]),
        ("<span>Один.<br><br><br><br>Два.</span>", ["Один.", "Два."]),
        # one <br> is a line break inside the paragraph; text or an element between two <br> keeps them one
        ("<span>Рядок один,<br>рядок два.</span>", ["Рядок один, рядок два."]),
        ("<span>Один<br>два<br>три.</span>", ["Один два три."]),
        ("<span>Один<br><b>два</b><br>три.</span>", ["Один два три."]),
        # paragraphs in an inline wrapper are paragraphs
        ("<font><p>Один.</p><p>Два.</p></font>", ["Один.", "Два."]),
        # in a table cell they stay on the row's line
        ("<table><tr><td>Один.<br><br>Два.</td><td>3%</td></tr></table>", ["Один. Два. 3%"]),
        ("<span><table><tr><td>Експорт</td><td>41,7</td></tr></table></span>", ["Експорт 41,7"]),
    ],
)
def test_two_br_end_a_paragraph_inside_inline_elements(body, expected):
    assert body_paragraphs(body) == expected


@pytest.mark.parametrize(
    "body, expected",
    [
        # an old page's credit set off from the text by one <br>: the dateline stays the text's
        ('<font size="2"><img src="/a.jpg"><font size="1">Фото: УНІАН</font><br>\nКИЇВ. 29 березня. ІНТЕРФАКС-УКРАЇНА - '
         'Нацбанк підвищив ставку.<br><br>Друге.</font>',
         ["КИЇВ. 29 березня. ІНТЕРФАКС-УКРАЇНА - Нацбанк підвищив ставку.", "Друге."]),
        # a credit, a tag line, a cross-link after one <br>: not the text's; a source line stays, on its own line
        ("<p>Текст статті про подію.<br>Фото: УНІАН</p>", ["Текст статті про подію."]),
        ("<div>Перший рядок тексту.<br>Теги: НБУ, гривня</div>", ["Перший рядок тексту."]),
        ('<div>Читайте також: <a href="/news/general/1.html">Заголовок</a><br>Наступний абзац тексту статті.</div>',
         ["Наступний абзац тексту статті."]),
        ("<p>Текст статті про подію.<br>Джерело: https://x.com/a</p>", ["Текст статті про подію.", "Джерело: https://x.com/a"]),
        # the lines after a labelled one join again; a word such as "фото" inside a line is no label
        ("<p>Фото – ДСНС<br>Рятувальники працювали<br>всю ніч.</p>", ["Рятувальники працювали всю ніч."]),
        ("<p>На фото: Президент<br>у Києві.</p>", ["На фото: Президент у Києві."]),
        ("<span>Рядок один,<br>фото показали<br>пізніше.</span>", ["Рядок один, фото показали пізніше."]),
    ],
)
def test_one_br_sets_off_a_credit_tag_or_source_line(body, expected):
    assert body_paragraphs(body) == expected


@pytest.mark.parametrize(
    "body, expected",
    [
        # an ad block dropped into a sentence (the parser ends the <p> at the <div>): its label found on a copy ...
        ('<p>Ощадбанк запустив кешбек на оплату комунальних послуг <div><span>РЕКЛАМА</span><a href="https://ads.example.com/c">'
         '<img src="/ads/b.jpg"></a></div> для пенсіонерів, повідомив банк.</p><p>Програма діятиме до кінця року.</p>',
         ["Ощадбанк запустив кешбек на оплату комунальних послуг для пенсіонерів, повідомив банк.", "Програма діятиме до кінця року."]),
        # ... or by its class, in the one walk; with inline markup after it
        ('<p>Уряд ухвалив <div class="advert"><script>ad()</script></div> постанову <b>№ 15</b>, повідомили в Мінфіні.</p>',
         ["Уряд ухвалив постанову № 15, повідомили в Мінфіні."]),
        ('<p>Експорт зріс <div id="adpro-inline-1"></div>, зокрема зерна.</p>', ["Експорт зріс, зокрема зерна."]),
        # an inline ad inside the paragraph (the <p> is not split)
        ('<p>Експорт зріс <ins class="adsbygoogle"></ins> на 5%.</p>', ["Експорт зріс на 5%."]),
        # an ad block between paragraphs still separates them, whatever the next one starts with
        ('<p>Перший абзац без крапки</p><div class="advert">x</div><p>другий абзац.</p>', ["Перший абзац без крапки", "другий абзац."]),
        # loose text after a finished sentence, or starting a new one, is a paragraph of its own
        ('<p>Речення скінчилося.</p><div class="advert">x</div> далі текст.', ["Речення скінчилося.", "далі текст."]),
        ('<p>Перше речення <div class="advert">x</div> Друге речення.</p>', ["Перше речення", "Друге речення."]),
        # after a block other than <p> the text is its own
        ('<div>Блок без крапки</div> і текст після.', ["Блок без крапки", "і текст після."]),
    ],
)
def test_an_ad_inside_a_paragraph_leaves_its_sentence_one_paragraph(body, expected):
    assert body_paragraphs(body) == expected


@pytest.mark.parametrize(
    "body, expected",
    [
        # after a list heading only lists go: a paragraph with words of its own besides its link stays
        ("<p>Один.</p><p><strong>Читайте також:</strong> <a href='/news/general/1.html'>Інша новина</a></p>"
         "<p><a href='/news/general/2.html'>Президент України Володимир Зеленський</a> підписав закон.</p>",
         ["Один.", "Президент України Володимир Зеленський підписав закон."]),
        # an embedded post is a quotation: its words (its code's <p>) are text, its widget's chrome (author
        # and date line, "View this post on Instagram", Facebook's code without a <p>) is not
        ("<p>Один.</p><blockquote class='twitter-tweet'><p>Текст твіта</p>— Хтось (@x) April 11, 2025</blockquote>"
         "<blockquote class='instagram-media'><a>View this post on Instagram</a></blockquote><div class='fb-post'>Допис</div>"
         "<p>Два.</p>", ["Один.", "Текст твіта", "Два."]),
        # ... also when the CMS stripped their classes (a tweet's embed ends in its status link), unlike a quotation
        ("<p>Один.</p><blockquote><p lang='uk'>Провів розмову. <a href='https://t.co/xyz'>pic.twitter.com/xyz</a></p>&mdash; Andrii "
         "(@andrii_sybiha) <a href='https://twitter.com/andrii_sybiha/status/1936?ref_src=twsrc%5Etfw'>June 20, 2025</a></blockquote>"
         "<blockquote data-instgrm-permalink='https://www.instagram.com/p/X/'><a href='https://www.instagram.com/p/X/'>Допис</a></blockquote>"
         "<blockquote><p>«Цитата», – написав він у <a href='https://x.com/a/status/1'>X</a>.</p></blockquote><p>Два.</p>",
         ["Один.", "Провів розмову.", "«Цитата», – написав він у X.", "Два."]),
        # a table in a figure (CKEditor) is text; its caption that only numbers it is not (a title is: see below)
        ("<p>Один.</p><figure class='table'><table><tr><td>Експорт, млрд $</td><td>41,7</td></tr></table>"
         "<figcaption>Таблиця 1</figcaption></figure>", ["Один.", "Експорт, млрд $ 41,7"]),
    ],
)
def test_body_variants(body, expected):
    assert article_page(body).text() == expected


@pytest.mark.parametrize("line", [
    "Читайте також: Рада провалила голосування за бюджет",
    "ЧИТАЙТЕ ТАКОЖ: Рада провалила голосування",
    "Дивіться також: " + "дуже довгий заголовок іншої новини " * 5,
    "Read also: Parliament fails budget vote",
    "Читайте также: Рада провалила голосование",
    "Інтерфакс-Україна",
    "(Интерфакс-Украина)",
])
def test_cross_link_and_sign_off_lines_are_boilerplate(line):
    assert cleaning.is_boilerplate_line(line)


def test_a_cross_link_label_inside_a_sentence_is_text():
    assert not cleaning.is_boilerplate_line("Депутати не проголосували. Читайте також: що далі з бюджетом.")
    assert not cleaning.is_boilerplate_line("Агентство Інтерфакс-Україна повідомило про це першим.")


@pytest.mark.parametrize("line", ["Facebook 12 Telegram 3", "Telegram 12 тис. Viber 3", "Поділитися: Facebook 1,2K | Telegram 34 | X 5", "Facebook (0) Viber (2)"])
def test_a_share_widget_with_counters_is_boilerplate(line):
    assert cleaning.is_boilerplate_line(line)


def test_the_ukrnet_informer_without_a_heading_is_not_text_but_a_sentence_linking_to_ukrnet_is():
    informer = ('<div><a href="https://www.ukr.net/"><img src="https://www.ukr.net/img/ukrnet-logo.svg" alt="UKR.NET"></a>'
                '<ul><li><a href="https://www.ukr.net/news/details/economics/333.html">У Києві подорожчав проїзд</a></li>'
                '<li><a href="https://www.ukr.net/news/details/politics/444.html">Депутати ухвалили закон</a></li></ul></div>')
    page = article_page('<p>ЄБРР надав Укрзалізниці кредит на €200 млн.</p>' + informer
                        + '<p>За даними <a href="https://www.ukr.net/">UKR.NET</a>, новину прочитали 10 тисяч разів.</p>')
    assert page.text() == ["ЄБРР надав Укрзалізниці кредит на €200 млн.",
                           "За даними UKR.NET, новину прочитали 10 тисяч разів."]
    assert page.images() == []
    assert body_paragraphs('<ul><li><a href="//ukr.net/news/1.html">Новина партнера</a> 10:05</li>'
                           '<li><a href="https://sport.ukr.net/news/2.html">Друга новина</a> 10:01</li></ul><p>Текст.</p>') == ["Текст."]


_UKRNET_ITEMS = ('<ul><li><a href="https://www.ukr.net/news/details/economics/333.html">У Києві подорожчав проїзд</a></li>'
                 '<li><a href="https://www.ukr.net/news/details/politics/444.html">Депутати ухвалили закон</a></li></ul>')


@pytest.mark.parametrize("informer", [
    # a container of the list and a heading of its own words, the logo an image from ukr.net
    '<div class="partners-feed"><div class="partners-feed__head"><img src="https://www.ukr.net/img/ukrnet-logo.svg" alt="UKR.NET">'
    f' Новини з усієї України</div>{_UKRNET_ITEMS}</div>',
    # the logo from the site's own folder, named by its alt text
    f'<div class="partner-news"><h3><img src="/static/ukrnet.png" alt="UKR.NET"> Новини партнерів</h3>{_UKRNET_ITEMS}</div>',
    # the heading and the list right in the body
    f'<h3>Новини партнерів</h3>{_UKRNET_ITEMS}',
    f'<div class="block-title">Новини партнерів</div>{_UKRNET_ITEMS}',
])
def test_the_ukrnet_informers_own_heading_and_logo_go_with_it(informer):
    page = article_page(f'<p>ЄБРР надав Укрзалізниці кредит на €200 млн.</p>{informer}<p>Кредит надано на 10 років.</p>')
    assert page.text() == ["ЄБРР надав Укрзалізниці кредит на €200 млн.", "Кредит надано на 10 років."]
    assert page.images() == []


def test_a_paragraph_before_the_ukrnet_informer_or_beside_it_in_a_container_is_text():
    page = article_page(f'<p>Кредит надано на 10 років.</p>{_UKRNET_ITEMS}'
                        f'<div><p>Про це повідомили в банку у вівторок.</p>{_UKRNET_ITEMS}</div>')
    assert page.text() == ["Кредит надано на 10 років.", "Про це повідомили в банку у вівторок."]


def test_a_sponsored_articles_disclosure_line_is_not_text_but_the_article_is():
    page = article_page('<p>Банк запустив програму кредитування малого бізнесу.</p>'
                        '<p>Реклама на телебаченні подорожчала на 20%.</p><p><em>На правах реклами</em></p>')
    assert cleaning.clean_paragraphs(page.text()) == ["Банк запустив програму кредитування малого бізнесу.",
                                                      "Реклама на телебаченні подорожчала на 20%."]
    for line in ("На правах реклами", "(На правах рекламы)", "Матеріал на правах реклами.", "Спонсорський матеріал"):
        assert cleaning.is_boilerplate_line(line)
    assert not cleaning.is_boilerplate_line("Закон дозволяє розміщувати матеріали на правах реклами лише з позначкою.")


def test_a_sentence_after_a_credit_on_its_line_is_text_but_the_credit_and_a_caption_are_not():
    assert cleaning.clean_paragraphs([
        "Один.",
        "Фото: ДСНС. Рятувальники ліквідували пожежу на складі.",
        "Фото: О. Петренко. Вогонь перекинувся на сусідній будинок!",
        "Фото: Reuters. Дональд Трамп у Білому домі",  # a caption after the credit: no sentence
        "Фото: УНІАН",
        "Photo: AP. Biden signed the bill into law.",
    ]) == ["Один.", "Рятувальники ліквідували пожежу на складі.", "Вогонь перекинувся на сусідній будинок!",
           "Biden signed the bill into law."]
    page = article_page('<p>Один.</p><p>Фото: ДСНС. Рятувальники ліквідували пожежу на складі.</p>')
    assert page.photo_credit() == "ДСНС"


def test_a_sentence_after_a_credit_is_text_whatever_its_last_character():
    # prose after the credit without a final full stop, or ending in a quotation's "»": before, it was lost with the line
    no_stop = "Рятувальники ліквідували пожежу на складі у Броварах, площа загоряння становила 2 тис. кв. м"
    quoted = "Президент США під час брифінгу в Білому домі заявив: «Війна має закінчитися цього року»"
    assert cleaning.clean_paragraphs([
        f"Фото: ДСНС. {no_stop}", f"Фото: Reuters. {quoted}", "Постраждалих немає.",
        "Фото: Reuters. Президент Володимир Зеленський та прем'єр-міністр Великої Британії Кір Стармер у Лондоні",
    ]) == [no_stop, quoted, "Постраждалих немає."]
    page = article_page(f"<p>Фото: ДСНС. {no_stop}</p><p>Постраждалих немає.</p>")
    assert cleaning.clean_paragraphs(page.text()) == [no_stop, "Постраждалих немає."] and page.photo_credit() == "ДСНС"


def test_a_credit_that_ends_prose_without_its_full_stop_is_cut_off():
    # before, "Фото: МЗС України" stayed in the text (and was the photo_credit too)
    prose = "Міністри оборони обговорили посилення протиповітряної оборони та постачання ракет (відео)"
    page = article_page(f"<p>{prose} Фото: МЗС України</p><p>Наступна зустріч запланована на грудень.</p>")
    assert cleaning.clean_paragraphs(page.text()) == [prose, "Наступна зустріч запланована на грудень."]
    assert page.photo_credit() == "МЗС України"


def test_a_sentence_after_a_photo_source_credit_is_text_too():
    # "Джерело фото:" is a credit label as "Фото:" is: the sentence after it was lost with the line
    assert cleaning.clean_paragraphs([
        "Один.",
        "Джерело фото: ДСНС. Рятувальники ліквідували пожежу на складі.",
        "джерело фото: Укрінформ",
    ]) == ["Один.", "Рятувальники ліквідували пожежу на складі."]


def test_a_sentence_after_a_credit_written_with_a_dash_is_text_too():
    # "Фото – ДСНС." is a credit as "Фото: ДСНС." is: the sentence after it was lost with the line
    assert cleaning.clean_paragraphs([
        "Один.",
        "Фото – ДСНС. Рятувальники працювали на місці понад чотири години.",
        "Фото — Офіс президента",
        "Фото - Reuters. Дональд Трамп у Білому домі",
    ]) == ["Один.", "Рятувальники працювали на місці понад чотири години."]


def test_text_for_screen_readers_only_is_not_text():
    # before, "(відкривається в новому вікні)" stood inside the sentence
    for cls in ("sr-only", "visually-hidden", "screen-reader-text", "u-visually-hidden"):
        page = article_page(f'<p>Площа пожежі становила 2 тис. кв. м, повідомили в <a href="https://dsns.gov.ua/">ДСНС'
                            f'<span class="{cls}"> (відкривається в новому вікні)</span></a>.</p><p>Далі.</p>')
        assert cleaning.clean_paragraphs(page.text()) == ["Площа пожежі становила 2 тис. кв. м, повідомили в ДСНС.", "Далі."]


def test_an_inline_quotation_reads_in_quotation_marks():
    # <q> shows its quotation marks in a browser: before, they were lost
    page = article_page("<p>Як сказав один із командирів, <q>реформа ВЛК запізнилася на два роки</q>.</p>"
                        "<p><b>Він додав: <q>Це <q>нова</q> норма</q>.</b></p>")
    assert cleaning.clean_paragraphs(page.text()) == ["Як сказав один із командирів, «реформа ВЛК запізнилася на два роки».",
                                                      "Він додав: «Це «нова» норма»."]


def test_a_footnotes_back_link_is_not_text():
    page = article_page('<p>Борг становив $190,4 млрд<a href="#fn1" id="ref1"><sup>1</sup></a>.</p><div class="footnotes"><ol>'
                        '<li id="fn1">Включно з зобов\'язаннями перед МВФ. <a href="#ref1">↩</a></li>'
                        '<li id="fn2">Дані Мінфіну. <a href="#ref2">\u21a9\ufe0e</a></li></ol></div>')
    assert cleaning.clean_paragraphs(page.text())[1:] == ["Включно з зобов'язаннями перед МВФ.", "Дані Мінфіну."]


def test_a_tables_title_in_its_figures_caption_is_text():
    # CKEditor's <figure class="table"><figcaption>: before, the table's title was dropped as an image caption
    page = article_page('<p>Ціни зросли.</p><figure class="table"><figcaption>Середні ціни на АЗС, грн/л</figcaption>'
                        '<table><tr><td>А-95</td><td>58,40</td></tr></table></figure>'
                        '<figure><img src="/a.jpg" alt="a"><figcaption>Підпис фото</figcaption></figure><p>Далі.</p>')
    assert cleaning.clean_paragraphs(page.text()) == ["Ціни зросли.", "Середні ціни на АЗС, грн/л", "А-95 58,40", "Далі."]


def test_credit_lines_of_other_forms_are_not_text():
    # before, each of these stayed in the text as a paragraph of its own
    page = article_page(
        '<figure><img src="/a.jpg" alt="Пожежа"></figure><p>© Суспільне</p><p>Рятувальники ліквідували пожежу.</p>'
        '<p><img src="/b.jpg" alt="b"></p><p>Колаж: Інтерфакс-Україна</p><p>Довжина мосту – 420 м.</p>'
        '<p>Ілюстративне фото: Depositphotos</p><p>Фото УНІАН</p><p>Фото Reuters.</p><p>Фотоколаж: ОП</p>'
        '<p>Ілюстрація: Getty Images</p><p>Вартість – 1,2 млрд грн.</p>')
    assert cleaning.clean_paragraphs(page.text()) == [
        "Рятувальники ліквідували пожежу.", "Довжина мосту – 420 м.", "Вартість – 1,2 млрд грн."]
    # a sentence that mentions a photo, or a photo of someone, is text
    for line in ("На фото - будинок, зруйнований ударом дрона.", "Фото Зеленського", "Фото дня",
                 "Фото УНІАН показує, як рятувальники розбирають завали будинку.", "Колаж з фотографій висів у холі.",
                 "© 2026: автор просить не копіювати текст без дозволу редакції, зазначили в агентстві."):
        assert not cleaning.is_boilerplate_line(line), line


def test_a_credit_that_ends_a_sentence_is_cut_off_but_the_sentence_is_text():
    # "Сторони обговорили посилення ППО. Фото: МЗС України": before, the credit stayed in the text
    page = article_page("<p>Сибіга провів переговори.</p><p>Сторони обговорили посилення ППО. Фото: МЗС України</p><p>Далі.</p>")
    assert cleaning.clean_paragraphs(page.text()) == ["Сибіга провів переговори.", "Сторони обговорили посилення ППО.", "Далі."]
    assert page.photo_credit() == "МЗС України"
    # a caption with its credit is no sentence; a photo mentioned inside a sentence is text
    assert cleaning.clean_paragraphs(["Школа в Харкові. Фото: ОВА", "Він показав фото: зруйнований будинок у Бучі."]) == [
        "Школа в Харкові. Фото: ОВА", "Він показав фото: зруйнований будинок у Бучі."]


def test_a_sentence_about_a_photo_that_opens_with_its_label_is_text():
    # before, it was dropped as a credit line (and became the photo_credit)
    sentence = "Фото: на одному з фейкових знімків зображено зруйнований міст, якого не існує, зазначили в поліції."
    assert cleaning.clean_paragraphs(["Один.", sentence, "Фото: пресслужба Київської міської військової адміністрації."]) == [
        "Один.", sentence]


def test_a_promotion_of_the_agencys_channels_is_not_text():
    page = article_page('<p>Уряд ухвалив постанову.</p>'
                        '<p><a href="https://t.me/interfaxua">Підписуйтесь на канал Інтерфакс-Україна в Telegram</a></p>'
                        '<p><strong>Читайте нас у Viber</strong></p>')
    assert cleaning.clean_paragraphs(page.text()) == ["Уряд ухвалив постанову."]
    for line in ("Підписуйтеся на наш Telegram-канал", "Підпишіться на наш YouTube", "Слідкуйте за нашими новинами в X",
                 "Подписывайтесь на наш канал в Viber", "Follow us on Facebook", "— Читайте нас у Telegram: t.me/interfaxua",
                 "Стежте за новинами Інтерфакс-Україна у Threads"):
        assert cleaning.is_boilerplate_line(line), line
    for line in ("Підписуйтесь на петицію, закликав мер.", "Підписи зібрано у Facebook", "Стежте за оновленнями.",
                 "Стежте за повідомленнями ДСНС у Telegram.", "Слідкуйте за сигналами тривоги в застосунку та Telegram-каналах ОВА.",
                 "Зеленський заявив, що Telegram має бути зареєстрований.", "Підписання угоди в Telegram відбулося вчора.",
                 "«Стежте за оновленнями в Telegram-каналі ОВА», - написав Кіпер.",  # a quotation: someone's words
                 "„Підписуйтеся на наш канал у Viber“, - закликали в ДСНС."):
        assert not cleaning.is_boilerplate_line(line), line


def test_a_caption_after_a_line_break_is_the_images_caption():
    page = article_page('<p>Один.</p><p><img src="/a.jpg" alt="ТЕЦ"><br><span class="caption">ТЕЦ у Києві. Фото: Укрінформ</span></p>'
                        '<p><img src="/b.jpg" alt="Б"> текст після фото<br><span class="caption">Не підпис</span></p>')
    assert [(i["url"], i["caption"]) for i in page.images()] == [("https://interfax.com.ua/a.jpg", "ТЕЦ у Києві"),
                                                                ("https://interfax.com.ua/b.jpg", "Б")]
    assert page.photo_credit() == "Укрінформ"
    assert page.text() == ["Один.", "текст після фото"]


@pytest.mark.parametrize("line, dropped", [
    ("21:32 11.04.2025", True),
    ("2025-06-13 22:10", True),
    ("11 квітня 2025 р., 21:32", True),
    ("18:05, 10.04.2025", True),
    ("Вчора 21:32", True),  # a day word and a time: the header's too
    ("Сьогодні, 11:59", True),
    ("Вчора о 21:32 відбулася нарада", False),
    ("15 травня 2025", False),  # a date alone may head a chronology's entry
    ("10:05 Повітряна тривога", False),
    ("12.06.2025", False),
    ("11 квітня 2025, 21:32 відбулося засідання", False),
])
def test_a_line_that_is_only_the_headers_date_and_time_is_not_text(line, dropped):
    assert cleaning.is_boilerplate_line(line) is dropped


@pytest.mark.parametrize("shown", ["2025-06-13 22:10", "Вчора 21:32"])
def test_a_body_without_a_body_class_leaves_the_headers_date_out_of_the_text(shown):
    from scrapy.http import HtmlResponse

    page = ('<!DOCTYPE html><html lang="uk"><head><meta charset="utf-8"></head><body><article class="post">'
            f'<div class="post-meta"><span class="post-date">{shown}</span></div><h1>Порт Одеси відновив роботу</h1>'
            '<p>Порт Одеси відновив роботу після нічної атаки.</p></article></body></html>')
    read = article.ArticlePage(HtmlResponse("https://interfax.com.ua/news/general/1100020.html", body=page.encode(), encoding="utf-8"))
    assert read.published_at() == [shown]
    assert cleaning.clean_paragraphs(read.text(), title=read.title()) == ["Порт Одеси відновив роботу після нічної атаки."]


def test_the_ad_copy_right_after_a_bare_ad_label_is_not_text():
    assert body_paragraphs('<p>Дрони передадуть підрозділам ППО.</p><p>Реклама</p>'
                           '<p><a href="https://shop.example.com/?utm_source=interfax">Купуйте меблі зі знижкою до 50%</a></p>'
                           '<p>Поставки триватимуть до кінця року.</p>') == [
        "Дрони передадуть підрозділам ППО.", "Поставки триватимуть до кінця року."]
    # a section heading "Реклама" introduces text, and a paragraph with words of its own besides its link is text
    assert body_paragraphs('<h3>Реклама</h3><p><a href="/news/economic/1.html">Ринок реклами</a></p>') == ["Ринок реклами"]
    assert body_paragraphs('<p>Реклама</p><p><a href="/news/economic/1.html">Ринок реклами</a> зріс на 20% за рік.</p>') == [
        "Ринок реклами зріс на 20% за рік."]


def test_an_ad_item_in_a_list_goes_with_the_link_item_after_it():
    for tag in ("ul", "ol"):
        listed = (f'<{tag}><li>Перший етап;</li><li>Реклама</li><li><a href="https://ads.example.com/x">Купуйте квартиру у розстрочку</a></li>'
                  f'<li>Другий етап.</li></{tag}>')
        assert body_paragraphs(listed) == ["Перший етап;", "Другий етап."]
    # an item of words of its own after the label is content
    assert body_paragraphs('<ul><li>Реклама</li><li><a href="/news/economic/1.html">Ринок реклами</a> зріс на 20%.</li></ul>') == [
        "Ринок реклами зріс на 20%."]


_HEADLINES = ("<p>22:10 Внаслідок обстрілу на Чернігівщині пошкоджено енергооб’єкт</p>"
              "<p>21:58 З лінії фронту за добу евакуйовано 51 людину</p>")


@pytest.mark.parametrize(
    "block, expected",
    [
        # a list heading in its own wrapper opens a list, its items plain lines: a time and a headline, or a headline
        (f'<div class="o9"><h3>ОСТАННЄ</h3>{_HEADLINES}</div>', []),
        ('<div class="u9"><h3>UKR.NET- новини з усієї України</h3><p>Новина партнера про політику</p>'
         '<p>Новина партнера про економіку</p></div>', []),
        ('<div><b>Останнє</b><ul><li>22:10 Внаслідок обстрілу</li><li>21:58 З лінії фронту</li></ul></div>', []),
        # a subheading "Останнє" over prose: the prose is text
        ('<div><h3>Останнє</h3><p>Останні зміни стосуються енергетичних компаній, уточнили в Мінекономіки.</p>'
         '<p>Нові правила</p></div>',
         ["Останні зміни стосуються енергетичних компаній, уточнили в Мінекономіки.", "Нові правила"]),
        # the heading not first in its wrapper: not the list's own
        (f'<div><p>Вступ</p><h3>ОСТАННЄ</h3>{_HEADLINES}</div>',
         ["Вступ", "22:10 Внаслідок обстрілу на Чернігівщині пошкоджено енергооб’єкт", "21:58 З лінії фронту за добу евакуйовано 51 людину"]),
    ],
)
def test_a_list_its_heading_opens_goes_with_it_links_or_not(block, expected):
    assert body_paragraphs(f"<p>Уряд ухвалив рішення.</p>{block}") == ["Уряд ухвалив рішення.", *expected]


_SHARER = "https://www.facebook.com/sharer/sharer.php?u=x"


@pytest.mark.parametrize(
    "block, expected",
    [
        (f'<div class="s1"><a href="{_SHARER}">Поділитися у Facebook</a> <a href="https://t.me/share/url?url=x">Поділитися в Telegram</a></div>', []),
        (f'<p>Поділитися: <span><a href="{_SHARER}">у Facebook</a></span> | <a href="viber://forward?text=x">у Viber</a></p>', []),
        # words of their own beside the link, or a long quotation linked to be shared: text
        (f'<p>Друзі, <a href="{_SHARER}">поділіться</a> новиною.</p>', ["Друзі, поділіться новиною."]),
        ('<blockquote><a href="https://twitter.com/intent/tweet?text=x">«Ми продовжимо підтримку стільки, скільки буде потрібно»</a></blockquote>',
         ["«Ми продовжимо підтримку стільки, скільки буде потрібно»"]),
        # a link elsewhere: text
        ('<p><a href="https://t.me/mod_ukraine">Поділитися в Telegram</a> Міноборони закликало фото.</p>',
         ["Поділитися в Telegram Міноборони закликало фото."]),
    ],
)
def test_a_line_of_share_links_is_not_text_whatever_its_words(block, expected):
    for where in (f"{block}<p>Уряд ухвалив рішення.</p>", f"<p>Уряд ухвалив рішення.</p>{block}"):
        got = body_paragraphs(where)
        assert sorted(got) == sorted(["Уряд ухвалив рішення.", *expected])


@pytest.mark.parametrize(
    "block",
    [
        '<div class="tl"><div>Теги:</div><div><a href="/news/tag/a.html">оборона</a>, <a href="/news/tag/b.html">ЄС</a></div></div>',
        '<p>Теги:</p><p><a href="/news/tag/a.html">оборона</a> <a href="/news/tag/b.html">ЄС</a></p>',
        '<p>Tags</p><ul><li><a href="/news/tag/a.html">defence</a></li><li><a href="/news/tag/b.html">EU</a></li></ul>',
    ],
)
def test_a_tag_label_takes_the_tag_links_in_the_next_block(block):
    assert body_paragraphs(f"<p>Уряд ухвалив рішення.</p>{block}") == ["Уряд ухвалив рішення."]
    # the tags themselves are still the page's
    assert article_page(f"<p>Уряд ухвалив рішення.</p>{block}").tags() in (["оборона", "ЄС"], ["defence", "EU"])


def test_a_tag_label_before_prose_leaves_the_prose():
    assert body_paragraphs('<p>Теги:</p><p>Теги та хештеги стали <a href="/x.html">інструментом</a> пропаганди.</p>') == [
        "Теги та хештеги стали інструментом пропаганди."]


_QUOTE = "Ми продовжимо підтримку України стільки, скільки буде потрібно."


@pytest.mark.parametrize(
    "body, expected",
    [
        # a quotation's attribution in the blockquote's footer (HTML's own pattern, Bootstrap's blockquote-footer)
        (f'<p>Один.</p><blockquote><p>{_QUOTE}</p><footer>— Кая Каллас, Висока представниця ЄС</footer></blockquote><p>Кінець.</p>',
         ["Один.", _QUOTE, "— Кая Каллас, Висока представниця ЄС", "Кінець."]),
        (f'<blockquote class="blockquote"><p>{_QUOTE}</p><footer class="blockquote-footer">Кая Каллас</footer></blockquote>',
         [_QUOTE, "Кая Каллас"]),
        # a quotation in a figure: a pull quote (WordPress), a figcaption naming who said it (HTML's pattern)
        (f'<p>Один.</p><figure class="wp-block-pullquote"><blockquote><p>{_QUOTE}</p><cite>Рустем Умєров</cite></blockquote></figure>',
         ["Один.", _QUOTE, "Рустем Умєров"]),
        (f'<figure><blockquote><p>{_QUOTE}</p></blockquote><figcaption>— Кая Каллас</figcaption></figure><p>Кінець.</p>',
         [_QUOTE, "— Кая Каллас", "Кінець."]),
    ],
    ids=["footer", "blockquote-footer", "pullquote", "figcaption"],
)
def test_a_quotation_and_who_said_it_are_text(body, expected):
    assert article_page(body).text() == expected
    assert body_paragraphs(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        '<p>Один.</p><figure><img src="/a.jpg"><figcaption>Наслідки обстрілу. Фото: ДСНС</figcaption></figure>',
        '<p>Один.</p><footer>© 1992-2025 Інформаційне агентство «Інтерфакс-Україна»</footer>',
        # an embedded post in a figure is no quotation figure: its caption is not text (its words are, see test_embedded_posts)
        '<p>Один.</p><figure><blockquote class="twitter-tweet"></blockquote><figcaption>Допис у X</figcaption></figure>',
    ],
    ids=["image", "page-footer", "embedded-post"],
)
def test_figures_and_footers_that_hold_no_quotation_stay_out_of_the_text(body):
    assert article_page(body).text() == ["Один."]


def test_a_share_widget_by_its_soc_class_or_with_the_word_poshyryty_is_no_text():
    assert body_paragraphs('<p>Текст статті один.</p><div class="soc-buttons"><a href="https://t.me/share/url?url=1">Надіслати</a></div>') == [
        "Текст статті один."]
    assert body_paragraphs('<p>Текст статті один.</p><div class="icons">Поширити: <a href="https://facebook.com/sharer.php?u=1">Facebook</a> '
                           '<a href="https://t.me/share/url?url=1">Telegram</a></div>') == ["Текст статті один."]
    # the word in a sentence is text
    assert body_paragraphs("<p>Поширити інформацію просять у поліції.</p>") == ["Поширити інформацію просять у поліції."]


_TWEET = ('<blockquote class="twitter-tweet" data-lang="uk"><p lang="en" dir="ltr">Another massive strike. Air defense is needed now. '
          '<a href="https://t.co/AbC123">pic.twitter.com/AbC123</a></p>&mdash; Andrii Sybiha 🇺🇦 (@andrii_sybiha) '
          '<a href="https://twitter.com/andrii_sybiha/status/1881234567890123456?ref_src=twsrc%5Etfw">20 січня 2026 р.</a></blockquote>'
          '<script async src="https://platform.twitter.com/widgets.js"></script>')
_WORDS = "Another massive strike. Air defense is needed now."


@pytest.mark.parametrize(
    "body, expected",
    [
        # a tweet's words are a quotation: without its picture link, its author and date line
        (f"<p>Глава МЗС написав у X:</p>{_TWEET}<p>Два.</p>", ["Глава МЗС написав у X:", _WORDS, "Два."]),
        # ... in WordPress's embed figure, without the figure's caption
        (f'<p>Один.</p><figure class="wp-block-embed"><div class="wp-block-embed__wrapper">{_TWEET}</div>'
         "<figcaption>Допис у X</figcaption></figure>", ["Один.", _WORDS]),
        # ... a line of the words after a <br> is a space, an emoji's image shows nothing
        ('<p>Один.</p><blockquote class="twitter-tweet"><p>Рядок один,<br>рядок два <img alt="🇺🇦" src="/e.png"></p>&mdash; A (@a) '
         '<a href="https://x.com/a/status/1">1 січня 2026 р.</a></blockquote>', ["Один.", "Рядок один, рядок два"]),
        # Facebook's code: the post's paragraph, not "Опубліковано <author> <date>" (also without its fb-post wrapper)
        ('<p>Один.</p><div class="fb-post" data-href="https://www.facebook.com/n/posts/1"><blockquote cite="https://www.facebook.com/n/posts/1" '
         'class="fb-xfbml-parse-ignore"><p>Ще EUR300 млн на закупівлю газу.</p>Опубліковано <a href="https://www.facebook.com/n">Naftogaz</a>&nbsp;'
         '<a href="https://www.facebook.com/n/posts/1">Вівторок, 20 січня 2026 р.</a></blockquote></div>',
         ["Один.", "Ще EUR300 млн на закупівлю газу."]),
        ('<p>Один.</p><blockquote cite="https://www.facebook.com/n/posts/2" class="fb-xfbml-parse-ignore"><p>Закачування газу триває.</p>'
         'Posted by <a href="https://www.facebook.com/n">Naftogaz of Ukraine</a> on&nbsp;<a href="https://www.facebook.com/n/posts/2">'
         'Tuesday, January 20, 2026</a></blockquote><p>Два.</p>', ["Один.", "Закачування газу триває.", "Два."]),
        # Instagram's code shows no words of the post, only its chrome: also with its class and attributes stripped
        ('<p>Один.</p><blockquote><div> <a href="https://www.instagram.com/reel/GHI789/?utm_source=ig_embed"> <div> Переглянути цей допис в '
         'Instagram</div></a><p><a href="https://www.instagram.com/reel/GHI789/?utm_source=ig_embed">Допис, поширений Shakhtar (@fcshakhtar)'
         '</a></p></div></blockquote><p>Два.</p>', ["Один.", "Два."]),
        ('<p>Один.</p><blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/D/"><div><a href="https://www.'
         'instagram.com/p/D/"><div>View this post on Instagram</div></a><p><a href="https://www.instagram.com/p/D/">A post shared by Dynamo '
         '(@fcdynamoua)</a></p></div></blockquote><p>Два.</p>', ["Один.", "Два."]),
        # a Telegram post's blockquote: its words, not its link ("Переглянути допис у Telegram"); the widget's script shows nothing
        ('<p>Один.</p><blockquote data-telegram-post="Ukrenergo/4012"><p>Завтра застосовуватимуться графіки відключень.</p>'
         '<a href="https://t.me/Ukrenergo/4012">Переглянути допис у Telegram</a></blockquote>'
         '<script async src="https://telegram.org/js/telegram-widget.js?22" data-telegram-post="Ukrenergo/4012"></script><p>Два.</p>',
         ["Один.", "Завтра застосовуватимуться графіки відключень.", "Два."]),
        # two <br> end a paragraph of the post: its photo's credit is a line of its own, not text
        ('<blockquote class="twitter-tweet"><p>Пожежу ліквідовано.<br><br>Фото: ДСНС <a href="https://t.co/Qw">pic.twitter.com/Qw</a></p>'
         '— ДСНС (@SESU_UA) <a href="https://twitter.com/SESU_UA/status/1882">22 січня 2026 р.</a></blockquote>', ["Пожежу ліквідовано."]),
        # a quotation that links to a post is a quotation, whole
        ("<blockquote>Ми пам'ятаємо кожного, <a href='https://t.me/nsju/77'>написали</a> в НСЖУ.</blockquote>",
         ["Ми пам'ятаємо кожного, написали в НСЖУ."]),
    ],
    ids=["tweet", "tweet-in-figure", "tweet-br-emoji", "facebook", "facebook-bare", "instagram-stripped", "instagram",
         "telegram", "tweet-photo-credit", "quotation"],
)
def test_an_embedded_post_keeps_its_words_and_drops_its_widget(body, expected):
    assert cleaning.clean_paragraphs(article_page(body).text()) == expected
    assert body_paragraphs(body) == expected


@pytest.mark.parametrize("line", [
    "View this post on Instagram", "Переглянути цей допис в Instagram", "A post shared by Dynamo Kyiv (@fcdynamoua)",
    "Допис, поширений Shakhtar Donetsk (@fcshakhtar)", "Переглянути допис у Telegram", "Дивитися на YouTube", "Watch on YouTube",
    "pic.twitter.com/AbC123xyz", "— Andrii Sybiha 🇺🇦 (@andrii_sybiha) January 20, 2026", "— Andrii Sybiha (@andrii_sybiha) 20 січня 2026 р.",
    "Відео: ДСНС України", "Дивіться відео:", "Дивіться відео", "Інфографіка",
    "Помітили помилку? Виділіть текст і натисніть Ctrl+Enter", "Повідомити про помилку",
    "Якщо ви помітили помилку, виділіть необхідний текст і натисніть Ctrl+Enter, щоб повідомити про це редакцію.",
    "Якщо ви помітили помилку в тексті новини, будь ласка, виділіть її мишею та натисніть комбінацію клавіш Ctrl + Enter, і ми її виправимо.",
    "Слідкуйте за нами в Facebook", "Стежте за нами у Telegram та Viber.", "Долучайтеся до нашого Telegram-каналу",
    "Читайте також – Метро на Виноградар: коли відкриють", "ЧИТАЙТЕ ТАКОЖ >> Проїзд у маршрутках",
    "Допис у Telegram:", "Відео на YouTube:",
])
def test_widget_call_to_action_and_cross_link_lines_are_boilerplate(line):
    assert cleaning.is_boilerplate_line(line)


@pytest.mark.parametrize("line", [
    "Інтерфакс-Україна:",  # a speaker's label in an interview, not the sign-off
    "Відео: як працює новий термінал Укрзалізниці у Львові",
    "Дивіться відео про результати дослідження на YouTube-каналі асоціації – радять автори звіту.",
    "Переглянути трансляцію можна на YouTube",
    "Стежте за повідомленнями ДСНС у Telegram",
    "Відео стало найпопулярнішим форматом реклами: на нього припадає 45% бюджетів.",
    "Підписуйтесь на канали з перевіреною інформацією, закликають експерти.",
    "Користувачі скаржаться, що після натискання Ctrl+Enter нічого не відбувається.",
    "Читайте також інші матеріали на цю тему в нашому спецпроєкті.",
    "Допис у Telegram набрав 2 млн переглядів.",
])
def test_lines_that_only_mention_widgets_networks_or_video_are_text(line):
    assert not cleaning.is_boilerplate_line(line)


def test_an_interviews_speaker_labels_are_text_and_the_sign_off_is_not():
    paragraphs = ["Інтерфакс-Україна:", "Які податкові зміни розглядає комітет?", "Підласа:", "— Ми обговорюємо зміни.",
                  "Інтерфакс-Україна"]
    assert cleaning.clean_paragraphs(paragraphs) == paragraphs[:-1]


def test_a_date_and_time_line_is_dropped_only_when_it_shows_the_articles_own_time():
    """A press announcement's event time is text; the header's time repeated in the body is not."""
    paragraphs = ["Прес-конференція на тему: «Ринок праці в умовах війни»", "22 січня 2026 р., 11:00", "10:00 19.01.2026",
                  "23.01.2026, 12:00", "Місце проведення: прес-центр агентства."]
    shown = ("2026-01-19T10:00:00+02:00", None)
    assert cleaning.clean_paragraphs(paragraphs, shown=shown) == [paragraphs[0], "22 січня 2026 р., 11:00", "23.01.2026, 12:00",
                                                                  paragraphs[-1]]
    assert cleaning.clean_paragraphs(["Вчора 10:00", "Сьогодні, 15:00", "Текст."], shown=shown,
                                     now=dates.from_iso("2026-01-20T09:00:00+02:00")) == ["Сьогодні, 15:00", "Текст."]
    # the article's instants unknown: every such line is taken for the header's, as before
    assert cleaning.clean_paragraphs(paragraphs) == [paragraphs[0], paragraphs[-1]]


@pytest.mark.parametrize("line", ["Інтерфакс-Україна 21:59 11.04.2025", "ІНТЕРФАКС-УКРАЇНА, 21:59 11.04.2025",
                                  "21:59 11.04.2025 | Інтерфакс-Україна", "Interfax-Ukraine 21:59 11.04.2025"])
def test_the_headers_agency_and_date_on_one_line_are_not_text(line):
    """A redesign's header line in the body (the agency's name and the header's date and time) is the header's, as each
    alone is; a line of the agency's name and another instant (an event's time), or a sentence, stays."""
    shown = ("2025-04-11T21:59:00+03:00", None)
    assert cleaning.clean_paragraphs([line, "Текст статті."], shown=shown) == ["Текст статті."]
    assert cleaning.is_boilerplate_line(line)  # (the article's instants unknown: taken for the header's)
    other = line.replace("21:59", "11:00")
    assert cleaning.clean_paragraphs([other, "Текст статті."], shown=shown) == [other, "Текст статті."]
    sentence = "Інтерфакс-Україна 11.04.2025 о 21:59 повідомив про атаку."
    assert cleaning.clean_paragraphs([sentence], shown=shown) == [sentence]


def test_a_redesigns_header_line_is_not_the_first_paragraph():
    page = ('<!DOCTYPE html><html lang="uk"><head><meta charset="utf-8"></head><body><main class="m-1"><div class="pst">'
            '<div class="hdr"><span>Інтерфакс-Україна</span> <span>21:59 11.04.2025</span></div><h1 class="ttl">Порт Одеси '
            'відновив роботу</h1><div class="bd-3"><p>Порт Одеси відновив роботу після нічної атаки.</p></div></div></main>'
            '</body></html>')
    read = article.ArticlePage(HtmlResponse("https://interfax.com.ua/news/general/1100021.html", body=page.encode(), encoding="utf-8"))
    shown = (dates.normalize(read.published_at()[0]), None)
    assert cleaning.clean_paragraphs(read.text(), title=read.title(), shown=shown) == [
        "Порт Одеси відновив роботу після нічної атаки."]


def test_breadcrumbs_donation_and_cookie_banners_in_the_body_are_no_text():
    body = ('<div class="breadcrumbs"><a href="/">Головна</a> / <a href="/news/general.html">Події</a></div>'
            "<p>У Львові запрацював новий центр реабілітації ветеранів.</p>"
            '<div class="donate-block"><p>Підтримайте незалежну журналістику</p><a class="btn" href="/donate">Підтримати</a></div>'
            '<div class="cookie-consent" id="cookie-notice"><p>Ми використовуємо файли cookie.</p><a href="#">Прийняти</a></div>')
    assert article_page(body).text() == ["У Львові запрацював новий центр реабілітації ветеранів."]


def test_a_block_of_thousands_of_short_elements_is_cleaned_in_linear_time():
    """Each short element (a ``<span>`` run of a pasted text, a table cell) has its ancestors' text
    asked whether it is a heading: reading the whole block's text every time made a body of 50 000
    such spans take minutes (4000: 3.6 s). The text is kept, and the time grows with the size, not its square."""
    import time

    def timed(n: int) -> float:
        # (each word in a span, as a pasted text has it; "з", a preposition, could start a label: "З інших джерел")
        body = html.fromstring("<div><div>" + "<span>з</span> <span>так</span> " * n + "</div><p>РЕКЛАМА</p><p>Текст.</p></div>")
        started = time.perf_counter()
        cleaning.strip_boilerplate(body)
        elapsed = time.perf_counter() - started
        assert body.text_content().count("з так") == n and "РЕКЛАМА" not in body.text_content()
        return elapsed

    small, large = min(timed(2000) for _ in range(3)), timed(16000)
    assert large < 5.0 and large < 30 * max(small, 0.002), (small, large)  # quadratic: 64 times


def test_a_short_hidden_text_is_not_text_but_a_hidden_rest_of_the_story_is():
    rest = " ".join(["Решта історії, яку показує кнопка «Читати далі», теж є текстом статті."] * 4)
    page = article_page('<p>Перший абзац.</p><p style="display:none">Ключові слова енергетика світло тепло</p>'
                        '<div hidden>Прихований текст для пошукових систем.</div>'
                        '<p style="color: grey; visibility: hidden !important">Ще один.</p>'
                        f'<div style="display: none" class="more">{rest}</div>'
                        '<p style="display:block">Видимий абзац.</p>')
    assert page.text() == ["Перший абзац.", rest, "Видимий абзац."]


@pytest.mark.parametrize("label", ["Advertisement", "РЕКЛАМА", "Реклама"])
def test_an_ad_block_of_unknown_class_goes_whole_when_its_label_is_followed_by_a_banner_link(label):
    line = "За словами міністра, перші роботи розпочнуться вже наступного тижня і триватимуть до кінця зими."
    page = article_page(f'<p>{line}</p><div class="gx-slot-4"><small>{label}</small><a href="https://ad.doubleclick.net/clk/1">'
                        '<img src="https://tpc.googlesyndication.com/simgad/1.jpg" alt=""></a>'
                        f'<div>Купуйте квартиру в ЖК «Сонячний» з розстрочкою на 5 років</div></div><p>{line}</p>')
    assert cleaning.clean_paragraphs(page.text()) == [line, line]


def test_a_poll_widget_is_not_text():
    page = article_page('<p>Перший абзац.</p><div class="poll"><div class="poll__q">Чи вистачить світла цієї зими?</div>'
                        '<label><input type="radio" name="p"> Так</label> <label><input type="radio" name="p"> Ні</label>'
                        '<button>Голосувати</button></div><p>Другий абзац.</p>')
    assert page.text() == ["Перший абзац.", "Другий абзац."]


@pytest.mark.parametrize("line", [
    "Коментарі (2)", "Коментарів поки немає. Будьте першим!", "Залишити коментар", "Завантаження коментарів...",
    "Сторінки: 1 2 Далі »", "Сторінка 1 з 1", "Версія для друку", "1 / 3", "00:00 / 01:12", "1 з 12", "Фото 2 з 12", "Photo 3 of 5",
    "Читайте Інтерфакс-Україна в Google News", "Більше новин – у Viber-каналі Інтерфакс-Україна",
    "Інтерфакс-Україна тепер у Google News – підписуйтесь!", "Наш YouTube-канал: youtube.com/@interfaxua",
    "Автор фото: Іван Коваль", "Фото надано пресслужбою Мінекономіки", "Фото/відео: ДСНС",
])
def test_widget_promotion_and_credit_lines_are_not_text(line):
    assert cleaning.is_boilerplate_line(line)


@pytest.mark.parametrize("line", [
    "Коментарі експертів різняться.", "Інтерфакс-Україна запустив канал у Viber, повідомили в агентстві.",
    "Стежте за оновленнями в Telegram-каналі ОВА.", "Рахунок 1 / 3 на користь господарів.",
    "Фото надано пресслужбою Мінекономіки, яка повідомила про візит делегації до Києва минулого тижня.",
    "«Читайте нас в Telegram», – закликав Інтерфакс-Україна ведучий.",
])
def test_sentences_like_widget_promotion_or_credit_lines_are_text(line):
    assert not cleaning.is_boilerplate_line(line)


def test_a_comments_widget_and_an_author_box_are_not_text():
    page = article_page('<p>Перший абзац.</p><div class="author-info"><img src="/static/authors/koval.jpg" alt="Іван Коваль">'
                        '<p class="author-name">Іван Коваль</p><p class="author-position">оглядач «Інтерфакс-Україна»</p></div>'
                        '<div class="comments"><h3>Коментарі (2)</h3><div class="comment"><span class="comment-author">Петро</span> '
                        '<span class="comment-date">21.11.2026 10:15</span><p>А хто віддавати буде?</p></div></div>'
                        '<div id="disqus_thread"><p>Обговорення</p></div><p>Другий абзац.</p>')
    assert page.text() == ["Перший абзац.", "Другий абзац."]
    assert page.images() == []


def test_a_copyright_credit_is_not_part_of_a_caption():
    page = article_page('<figure><img src="/static/a.jpg" alt="x"><figcaption>Будинок після влучання. © Reuters / Sofiia Gatilova'
                        '</figcaption></figure><p>Текст.</p>')
    assert page.images()[0]["caption"] == "Будинок після влучання"


@pytest.mark.parametrize("block, shown", [
    ('<table class="survey-results"><tr><th>Інституція</th><th>Довіряють, %</th></tr><tr><td>ЗСУ</td><td>62</td></tr>'
     '<tr><td>Уряд</td><td>21</td></tr></table>', ["Інституція Довіряють, %", "ЗСУ 62", "Уряд 21"]),
    ('<table class="shares-table"><tr><td>Укрнафта</td><td>212,50</td></tr><tr><td>Центренерго</td><td>8,90</td></tr></table>',
     ["Укрнафта 212,50", "Центренерго 8,90"]),
    ('<div class="poll-method"><p>Опитування проведено 1-8 березня методом телефонних інтерв\'ю.</p></div>',
     ["Опитування проведено 1-8 березня методом телефонних інтерв'ю."]),
    ('<div class="credit-rating"><p>Рейтинг у національній валюті: CCC+.</p><p>Рейтинг стелі країни: B-.</p></div>',
     ["Рейтинг у національній валюті: CCC+.", "Рейтинг стелі країни: B-."]),
    ('<div class="social-payments"><p>Видатки на соціальні виплати становитимуть 9% ВВП.</p></div>',
     ["Видатки на соціальні виплати становитимуть 9% ВВП."]),
    ('<div class="article-teaser"><p>Акції "Укрнафти" за тиждень подорожчали на 12%.</p></div>',
     ['Акції "Укрнафти" за тиждень подорожчали на 12%.']),
    ('<div class="expert-comments"><p>"Інфляція сповільнюється", – зазначив економіст ICU Віталій Ваврищук.</p></div>',
     ['"Інфляція сповільнюється", – зазначив економіст ICU Віталій Ваврищук.']),
    ('<div class="nbu-recommendations"><p>НБУ рекомендує банкам переглянути тарифи.</p></div>',
     ["НБУ рекомендує банкам переглянути тарифи."]),
])
def test_a_block_named_by_an_ambiguous_noise_word_that_holds_content_is_text(block, shown):
    assert article_page(f"<p>Перший абзац.</p>{block}<p>Другий абзац.</p>").text() == ["Перший абзац.", *shown, "Другий абзац."]


@pytest.mark.parametrize("block", [
    '<div class="social-share"><span>Поділитися:</span><ul><li><a href="https://t.me/share">Telegram</a></li></ul></div>',
    '<p class="photo-credit">Фото надано пресслужбою Міноборони.</p>',
    '<div class="recommended"><ul><li><a href="/news/general/1.html">Уряд ухвалив нове рішення про тарифи.</a></li>'
    '<li><a href="/news/general/2.html">Рада ухвалила бюджет у першому читанні.</a></li></ul></div>',
    '<div class="survey"><p>Чи вистачить світла цієї зими?</p><label><input type="radio" name="p"> Так</label></div>',
    '<div class="teaser-card"><a href="/news/general/3.html">Новий закон про митницю набуде чинності.</a></div>',
])
def test_a_widget_named_by_an_ambiguous_noise_word_is_not_text(block):
    assert article_page(f"<p>Перший абзац.</p>{block}<p>Другий абзац.</p>").text() == ["Перший абзац.", "Другий абзац."]


@pytest.mark.parametrize("broken", [
    '<figure><img src="/static/a.jpg" alt="ЦНАП"><figcaption>Новий ЦНАП</figcaption>',  # no </figure>
    '<figure><img src="/static/a.jpg" alt="ЦНАП"><figcaption>Новий ЦНАП',  # no </figcaption> either
    '<div class="advert advert-inline"><span class="advert-label">РЕКЛАМА</span><div id="adpro-inline-1"></div>',  # no </div>
])
def test_the_story_after_a_figure_or_an_ad_block_left_open_is_text(broken):
    page = article_page(f"<p>Перший абзац.</p>{broken}<p>У центрі можна отримати понад 300 послуг.</p><p>Третій абзац.</p>")
    assert page.text() == ["Перший абзац.", "У центрі можна отримати понад 300 послуг.", "Третій абзац."]
    assert page.stray_rescued == 2


@pytest.mark.parametrize("closed", [
    '<div class="advert"><span>РЕКЛАМА</span><p>Купуйте квартиру в ЖК «Сонячний».</p></div>',  # a native ad's copy
    '<figure><img src="/static/a.jpg"><figcaption>Новий ЦНАП</figcaption><p>Центр відкрили після ремонту у березні.</p></figure>',
])
def test_what_a_closed_figure_or_a_native_ad_holds_stays_out_of_the_text(closed):
    page = article_page(f'<p>Перший абзац.</p>{closed}<p>Другий абзац.</p>')
    assert page.text() == ["Перший абзац.", "Другий абзац."]
    assert page.stray_rescued == 0


def test_sectioning_elements_in_the_body_are_text():
    page = article_page('<p>Перший абзац.</p><section><header><h2>Хронологія подій</h2></header><p>Перший раунд відбувся 16 травня.</p>'
                        '</section><aside class="pullquote"><p>«Підвищення ПДВ зараз вдарить по найбіднішим», – Юлія Свириденко</p></aside>'
                        '<aside class="context"><h4>Контекст</h4><p>МВФ рекомендував переглянути пільги.</p></aside>'
                        '<footer class="article-note"><p>Уточнення: у попередній версії новини неправильно вказано дату.</p></footer>')
    assert page.text() == ["Перший абзац.", "Хронологія подій", "Перший раунд відбувся 16 травня.",
                           "«Підвищення ПДВ зараз вдарить по найбіднішим», – Юлія Свириденко", "Контекст",
                           "МВФ рекомендував переглянути пільги.", "Уточнення: у попередній версії новини неправильно вказано дату."]


@pytest.mark.parametrize("part", [
    '<aside class="related-box"><h4>Контекст</h4><p>Уряд ухвалив рішення.</p></aside>',  # noise by class
    '<aside><h4>Дивіться також</h4><ul><li><a href="/news/general/1.html">Уряд ухвалив рішення</a></li>'
    '<li><a href="/news/general/2.html">Рада ухвалила бюджет</a></li></ul></aside>',  # a list of links
    '<footer><form><input name="email"><button>Надіслати</button></form></footer>',  # a form
])
def test_a_sectioning_element_in_the_body_that_is_a_widget_is_not_text(part):
    assert article_page(f"<p>Перший абзац.</p>{part}<p>Другий абзац.</p>").text() == ["Перший абзац.", "Другий абзац."]


def test_the_header_and_footer_of_an_article_read_as_its_body_are_not_text():
    page = ('<!DOCTYPE html><html lang="uk"><body><article><header><h1>Заголовок статті</h1><p>Автор: Іван Коваль, оглядач.</p></header>'
            '<p>Перший абзац статті про події тижня.</p><p>Другий абзац.</p><footer><p>Усі права захищено, передрук заборонено.</p>'
            '</footer></article></body></html>')
    response = HtmlResponse("https://interfax.com.ua/news/economic/1064999.html", body=page.encode(), encoding="utf-8")
    assert article.ArticlePage(response).text() == ["Перший абзац статті про події тижня.", "Другий абзац."]

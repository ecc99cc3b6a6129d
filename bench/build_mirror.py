"""Build a large offline mirror of interfax.com.ua for the crawl benchmark.

    python bench/build_mirror.py DIR --articles 5000 [--seed 1]

Writes DIR/news/... in the markup of the project's reference pages
(``interfax/mirror/site/news/general.html``, ``.../general/1063374.html`` and its AMP twin), with
generated Ukrainian text. Standard library only; it never reads ``/work/shared`` nor the network.

What the mirror holds (``build()`` returns the same figures as a dict, also written to
``DIR/bench-manifest.json``):

* ``n_articles`` articles with distinct growing ids, spread over 2025 (Kyiv time), each in one of
  the 8 topical sections; every article is listed on ``/news/latest.html`` and on its section's
  listing, newest first, 20 items a page, with a pager (``div.pager``: previous, neighbouring
  pages, ``a.pager-next``); the last page has no next link;
* about 4% "archive" articles are on no listing: they are reached only through the
  "ЩЕ ЗА ТЕМОЮ" links of listed articles (depth 1), and about 1% "deep" ones only through
  archive articles (depth 2), so a crawler must follow related links to see them all;
* article pages: header, title, reading time, 5-12 paragraphs (an inline ad after the 2nd or
  3rd), a photo on most, a "Джерело:" line on some, tags, the "ЩЕ ЗА ТЕМОЮ" block with 3-6
  links (filled on ~80% of the articles; empty, as filled by script on the real site, on ~20%,
  whose AMP twin ``<id>-amp.html`` then lists the related items), the ОСТАННЄ sidebar, ads and
  the UKR.NET informer; JSON-LD and meta dates on ~90%, meta dates only on ~5%, and only the
  visible header time on ~5%;
* ``/robots.txt`` allowing everything.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from html import escape
from pathlib import Path
from urllib.parse import quote

SITE = "https://interfax.com.ua"
#: topical sections (the spider's defaults without ``latest``) -> name in menus and listings
SECTION_NAMES = {
    "general": "Загальні",
    "political": "Політика",
    "economic": "Економіка",
    "greendeal": "Green Deal",
    "sport": "Спорт",
    "telecom": "Телеком",
    "investments": "Інвестиції",
    "pharmacy": "Медицина",
}
#: label above the article header (the site shows "Події" for general)
SECTION_LABELS = {**SECTION_NAMES, "general": "Події"}
#: relative weight of each section among the articles
SECTION_WEIGHTS = {"general": 40, "political": 14, "economic": 16, "greendeal": 5, "sport": 8,
                   "telecom": 5, "investments": 6, "pharmacy": 6}
#: every listing the crawl starts from: all news, then the topical sections
SECTIONS = ("latest", *SECTION_NAMES)
PER_PAGE = 20
FIRST_ID = 1030000

WORDS = """
україна україни україні уряд уряду міністр міністра міністерство президент президента парламент
верховна рада депутати законопроєкт закон постанова рішення засідання комітет комісія голова
прем'єр-міністр кабінет міністрів оборони фінансів економіки енергетики охорони здоров'я освіти
київ києва харків харкова одеса одеси дніпро дніпра львів львова запоріжжя херсон суми полтава
область області обласна військова адміністрація громада громади мешканці населення жителі
обстріл обстрілу атака атаки ракета ракети дрон дрони безпілотники ппо повітряні сили генштаб
фронт фронту лінії зіткнень позиції підрозділи захисники окупанти противник втрати евакуйовано
енергооб'єкт електроенергія знеструмлено відновлено ремонтні бригади підстанція мережі газ тепло
компанія компанії підприємство банк банку ринок ринку експорт імпорт зерна металу продукції
мільйонів мільярдів гривень доларів євро бюджет бюджету податків інвестиції кредит фінансування
допомога допомоги партнери партнерів союзу європейського сша німеччини польщі франції британії
переговори зустріч зустрічі домовленості угода угоди меморандум співпраця підтримка санкції
суд суду прокуратура поліція розслідування справа підозра затримано повідомила повідомив заявив
заявила зазначив зазначила підкреслив наголосив за словами як повідомляється відповідно до даних
у та і в на з із до від для про що який яка які після під час через понад близько майже також
вже ще лише зокрема водночас тому однак крім того раніше згодом нині сьогодні вчора минулого
тижня місяця року понеділок вівторок середу четвер п'ятницю суботу неділю ранку вечора ночі
нові новий нова нових великий велика значна важливий ключовий спільний міжнародний державний
національний регіональний місцевий цивільний військовий технічний економічний політичний
програма програми проєкт проєкти реформа реформи стратегія план плану заходи заходів умови
ціни ціна тарифи тарифів зростання зниження рівень показник показники статистика дані звіт
спортсмени команда збірна чемпіонат турнір матч перемога медалі олімпійські тренер сезон
мобільний зв'язок оператор інтернет мережа цифрові послуги абоненти технології платформа
лікарні лікарі пацієнти вакцини препарати медичні заклади ліки аптеки лікування здоров'я
енергоефективність відновлювана енергетика сонячні електростанції викиди клімат довкілля
""".split()
NAMES = ("Умєров", "Каллас", "Свириденко", "Шмигаль", "Кулеба", "Сибіга", "Зеленський", "Маркарова",
         "Стефанчук", "Марченко", "Гетманцев", "Пишний", "Кличко", "Федоров", "Ляшко", "Галущенко")
TAGS = ("війна", "обстріл", "енергетика", "економіка", "бюджет", "ЄС", "США", "оборона", "санкції",
        "Київ", "Харків", "Одеса", "спорт", "футбол", "телеком", "інвестиції", "медицина", "зерно",
        "газ", "банки", "податки", "реформи", "евакуація", "допомога", "переговори", "НБУ")


# ------------------------------------------------------------------------------- text


def _sentence(rng: random.Random, lo: int = 9, hi: int = 24) -> str:
    words = rng.choices(WORDS, k=rng.randint(lo, hi))
    if rng.random() < 0.5:
        words.insert(rng.randrange(len(words)), rng.choice(NAMES))
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), str(rng.randint(2, 950)))
    if len(words) > 8 and rng.random() < 0.6:
        words[rng.randrange(2, len(words) - 2)] += ","
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random) -> str:
    text = " ".join(_sentence(rng) for _ in range(rng.randint(2, 5)))
    if rng.random() < 0.25:  # a quotation, as in wire copy
        text = f"\"{_sentence(rng)}\", — {rng.choice(('зазначив', 'заявила', 'наголосив', 'повідомили'))} {rng.choice(NAMES)}. " + text
    return text


def _title(rng: random.Random) -> str:
    title = _sentence(rng, 6, 14).rstrip(".")
    if rng.random() < 0.3:
        title += " – " + rng.choice(("ОВА", "Генштаб", "Міноборони", "НБУ", "ЗМІ", "Повітряні сили", "поліція"))
    return title


def _t(text: str) -> str:
    return escape(text, quote=False)


def _a(text: str) -> str:
    return escape(text, quote=True)


# ------------------------------------------------------------------------------- model


@dataclass
class Art:
    id: int
    section: str
    when: datetime  # Kyiv local, naive
    title: str
    kind: str = "listed"  # listed | archive | deep
    related: list[int] = field(default_factory=list)
    amp_only: bool = False  # empty desktop block, related items in the AMP twin
    structured: str = "ld"  # ld (JSON-LD + meta) | meta | none

    @property
    def path(self) -> str:
        return f"/news/{self.section}/{self.id}.html"

    @property
    def amp_path(self) -> str:
        return f"/news/{self.section}/{self.id}-amp.html"


def _last_sunday(year: int, month: int) -> date:
    last = (date(year, month + 1, 1) if month < 12 else date(year + 1, 1, 1)) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - 6) % 7)


def iso_kyiv(local: datetime) -> str:
    start = datetime.combine(_last_sunday(local.year, 3), datetime.min.time()).replace(hour=3)
    end = datetime.combine(_last_sunday(local.year, 10), datetime.min.time()).replace(hour=4)
    return f"{local:%Y-%m-%dT%H:%M:%S}+{3 if start <= local < end else 2:02d}:00"


def _articles(rng: random.Random, n: int) -> list[Art]:
    """n articles in time order (ids grow with time), with kinds, related links and page features."""
    start = datetime(2025, 1, 1)
    seconds = sorted(rng.randrange(365 * 86400 - 3600) for _ in range(n))
    sections = rng.choices(list(SECTION_WEIGHTS), weights=list(SECTION_WEIGHTS.values()), k=n)
    arts: list[Art] = []
    next_id = FIRST_ID
    for sec, s in zip(sections, seconds):
        next_id += rng.randint(1, 4)
        art = Art(next_id, sec, (start + timedelta(seconds=s)).replace(second=0), _title(rng))
        r = rng.random()
        art.structured = "ld" if r < 0.90 else "meta" if r < 0.95 else "none"
        art.amp_only = rng.random() < 0.20
        arts.append(art)
    # archive (on no listing) and deep (linked only from archive articles); never the newest ones
    candidates = list(range(50, n - 10)) if n > 100 else []
    rng.shuffle(candidates)
    n_archive, n_deep = round(n * 0.04), round(n * 0.01)
    for i in candidates[:n_archive]:
        arts[i].kind = "archive"
    for i in candidates[n_archive:n_archive + n_deep]:
        arts[i].kind = "deep"
    listed = [i for i, a in enumerate(arts) if a.kind == "listed"]
    archive = [i for i, a in enumerate(arts) if a.kind == "archive"]
    deep = [i for i, a in enumerate(arts) if a.kind == "deep"]
    # related: 3-6 earlier listed articles, mostly of the same section
    by_section: dict[str, list[int]] = {s: [] for s in SECTION_NAMES}
    for i, art in enumerate(arts):
        pool = by_section[art.section][-150:]
        picks: list[int] = []
        want = rng.randint(3, 6)
        for _ in range(want * 3):
            if len(picks) >= want:
                break
            if pool and rng.random() < 0.8:
                j = rng.choice(pool)
            elif i:
                j = rng.randrange(max(0, i - 400), i)
            else:
                break
            if arts[j].kind == "listed" and j not in picks:
                picks.append(j)
        art.related = picks
        if art.kind == "listed":
            by_section[art.section].append(i)
    # every archive article: in the related block of 3 listed articles; every deep one: of 2 archive ones
    for j in archive:
        for parent in rng.sample(listed, 3):
            arts[parent].related.insert(rng.randrange(len(arts[parent].related) + 1), j)
    for j in deep:
        for parent in rng.sample(archive, min(2, len(archive))):
            arts[parent].related.insert(rng.randrange(len(arts[parent].related) + 1), j)
    for art in arts:  # index -> id
        art.related = [arts[j].id for j in art.related]
    return arts


# ------------------------------------------------------------------------------- markup

NAV = """<header class="header">
  <a class="logo" href="/"><img src="/static/articles/images/interfax_ukraine_logo_ukr.svg" alt="Інтерфакс-Україна"></a>
  <nav class="main-menu">
    <a href="/news/latest.html">Останні новини</a>
    <a href="/news/general.html">Загальні</a>
    <a href="/news/political.html">Політика</a>
    <a href="/news/economic.html">Економіка</a>
    <a href="/news/greendeal.html">Green Deal</a>
    <a href="/news/sport.html">Спорт</a>
    <a href="/news/telecom.html">Телеком</a>
    <a href="/news/investments.html">Інвестиції</a>
    <a href="/news/pharmacy.html">Медицина</a>
  </nav>
{lang}</header>
<div class="advert advert-top"><span class="advert-label">РЕКЛАМА</span><div id="adpro-top"></div><script>window.adpro && adpro.push("top");</script></div>"""

LANG_SWITCH = ('  <div class="lang-switch"><a href="https://interfax.com.ua/">UA</a> '
               '<a href="https://ru.interfax.com.ua/">RU</a> <a href="https://en.interfax.com.ua/">EN</a></div>\n')

INFORMER = """  <div id="ukrnet-informer" class="informer">
    <a class="informer-title" href="https://www.ukr.net/">UKR.NET- новини з усієї України</a>
    <ul><li><a href="https://www.ukr.net/news/details/politics/111.html">Новина партнера 1</a></li><li><a href="https://www.ukr.net/news/details/economics/222.html">Новина партнера 2</a></li></ul>
  </div>"""


def _hhmm_date(when: datetime) -> tuple[str, str]:
    return f"{when:%H:%M}", f"{when:%d.%m.%Y}"


def sidebar_html(latest: list[Art]) -> str:
    items = "\n".join(f'    <div class="grid article"><a class="article-link" href="{a.path}">{_t(a.title)}</a></div>'
                      for a in latest)
    return f"""<aside class="col-13 sidebar">
  <div class="latest-news">
    <h2 class="section-title">ОСТАННЄ</h2>
{items}
  </div>
  <div class="advert advert-sidebar"><span class="advert-label">РЕКЛАМА</span><div id="adpro-side"></div></div>
  <div class="advert advert-sidebar"><span class="advert-label">РЕКЛАМА</span><div id="adpro-side-2"></div></div>
{INFORMER}
  <div class="advert advert-sidebar"><span class="advert-label">РЕКЛАМА</span><div id="adpro-side-3"></div></div>
</aside>"""


@dataclass
class Body:
    paragraphs: list[str]
    image: str | None
    source: str | None
    tags: list[str]
    reading: int | None
    description: str


def _body(rng: random.Random, art: Art) -> Body:
    paragraphs = [_paragraph(rng) for _ in range(rng.randint(5, 12))]
    image = None
    if rng.random() < 0.7:
        image = f"{SITE}/static/articles/images/{art.when:%Y/%m/%d}/photo-{art.when:%Y-%m-%d-%H-%M}-{art.id % 97:02d}.jpg"
    source = f"https://t.me/{rng.choice(('mod_ukraine', 'nbu_ua', 'kmva_official', 'police_ua'))}/{rng.randint(1000, 99999)}" \
        if rng.random() < 0.1 else None
    tags = rng.sample(TAGS, rng.randint(2, 5)) if rng.random() < 0.8 else []
    words = sum(len(p.split()) for p in paragraphs)
    reading = max(1, round(words / 200)) if rng.random() < 0.8 else None
    description = paragraphs[0].split(". ")[0].rstrip(".")[:300]
    return Body(paragraphs, image, source, tags, reading, description)


def article_html(art: Art, body: Body, by_id: dict[int, Art], latest: list[Art]) -> str:
    url = SITE + art.path
    ts = iso_kyiv(art.when)
    head = ['<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_t(art.title)} | Інтерфакс-Україна</title>",
            f'<link rel="canonical" href="{url}">',
            f'<link rel="amphtml" href="{SITE}{art.amp_path}">',
            f'<link rel="alternate" hreflang="uk" href="{url}">']
    if art.structured != "none":
        head += [f'<meta name="description" content="{_a(body.description)}">',
                 '<meta property="og:type" content="article">',
                 '<meta property="og:site_name" content="Інтерфакс-Україна">',
                 f'<meta property="og:url" content="{url}">',
                 f'<meta property="og:title" content="{_a(art.title)}">',
                 f'<meta property="og:description" content="{_a(body.description)}">']
        if body.image:
            head.append(f'<meta property="og:image" content="{body.image}">')
        head += [f'<meta property="article:published_time" content="{ts}">',
                 f'<meta property="article:section" content="{_a(SECTION_NAMES[art.section])}">']
    if art.structured == "ld":
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "mainEntityOfPage": url,
              "headline": art.title[:110], "datePublished": ts,
              "dateModified": iso_kyiv(art.when + timedelta(minutes=3))}
        if body.image:
            ld["image"] = [body.image]
        if body.tags:
            ld["keywords"] = ", ".join(body.tags)
        ld.update({"inLanguage": "uk", "articleSection": SECTION_NAMES[art.section],
                   "publisher": {"@type": "Organization", "name": "Інтерфакс-Україна"}})
        head.append('<script type="application/ld+json">\n' + json.dumps(ld, ensure_ascii=False) + "\n</script>")
    head.append('<script src="/static/js/app.js"></script>')

    hh, dd = _hhmm_date(art.when)
    content = []
    ad_at = 2 if len(body.paragraphs) < 8 else 3
    for i, p in enumerate(body.paragraphs):
        if i == 1 and body.image:
            content.append(f'    <figure class="article-image"><img src="{body.image}" alt="{body.image.rsplit("/", 1)[1][:-4]}"></figure>')
        if i == ad_at:
            content.append(f'    <div class="advert advert-inline"><span class="advert-label">РЕКЛАМА</span><div id="adpro-inline-{art.id}"></div></div>')
        content.append(f"    <p>{_t(p)}</p>")
    if body.source:
        content.append(f'    <p>Джерело: <a href="{body.source}" target="_blank" rel="nofollow noopener">{body.source}</a></p>')
    content += ["    <p>&nbsp;</p>", "    <p>&nbsp;</p>"]
    parts = ['<article class="article article-content-view">',
             '  <div class="grid article-content-secondary-header">',
             '    <div class="col-57 article-agency">Інтерфакс-Україна</div>',
             f'    <div class="col-57 article-category"><a href="/news/{art.section}.html">{_t(SECTION_LABELS[art.section])}</a></div>',
             f'    <div class="col-27 article-time"><span class="time">{hh}</span> <span>{dd}</span></div>',
             '  </div>',
             f'  <h1 class="article-content-title">{_t(art.title)}</h1>']
    if body.reading:
        parts.append(f'  <div class="article-reading-time">{body.reading} хв читати</div>')
    parts += ['  <div class="article-content">', *content, "  </div>"]
    if body.tags:
        links = " ".join(f'<a href="/news/tag/{quote(tag, safe="")}.html">#{_t(tag)}</a>' for tag in body.tags)
        parts.append(f'  <div class="article-tags">Теги: {links}</div>')
    parts.append("</article>")

    if art.amp_only or not art.related:
        inner, script = "", '\n  <script>loadRelated("related-articles");</script>'
    else:
        items = []
        for rid in art.related:
            rel = by_id[rid]
            rh, rd = _hhmm_date(rel.when)
            items.append(f'    <div class="grid article"><div class="article-time"><span class="time">{rh}</span> <span>{rd}</span></div>'
                         f' <a class="article-link" href="{rel.path}">{_t(rel.title)}</a></div>')
        inner, script = "\n" + "\n".join(items) + "\n  ", ""
    related = (f'<div class="article-related">\n  <h2 class="section-title">ЩЕ ЗА ТЕМОЮ</h2>\n'
               f'  <div class="articles-section-view" id="related-articles" data-article-id="{art.id}">{inner}</div>{script}\n</div>')
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="uk">', "<head>", *head, "</head>", "<body>", NAV.format(lang=LANG_SWITCH),
        '<div class="grid content">', '<div class="col-23">', *parts, related, "</div>", sidebar_html(latest), "</div>",
        '<footer class="footer">© 1992-2025 Інформаційне агентство «Інтерфакс-Україна». <a href="/about.html">Про агентство</a></footer>',
        "</body>", "</html>", ""])


def amp_html(art: Art, body: Body, by_id: dict[int, Art]) -> str:
    content = []
    for i, p in enumerate(body.paragraphs):
        if i == 1 and body.image:
            content.append(f'    <amp-img src="{body.image}" width="800" height="533" layout="responsive" alt="photo"></amp-img>')
        content.append(f"    <p>{_t(p)}</p>")
    related = []
    for rid in art.related:
        rel = by_id[rid]
        rh, rd = _hhmm_date(rel.when)
        related.append(f'  <div class="amp-related-item">\n    <a href="{SITE}{rel.amp_path}">{_t(rel.title)}</a>\n'
                       f'    <div class="amp-related-time">{rh}, {rd}</div>\n  </div>')
    section = ('<section class="amp-related">\n  <h2>ЩЕ ЗА ТЕМОЮ</h2>\n' + "\n".join(related) + "\n</section>\n") if related else ""
    ad = ('<div class="amp-ad-wrapper"><div class="amp-ad-label">Реклама</div>'
          '<amp-ad width="300" height="250" type="adpro" data-slot="amp-{n}"></amp-ad></div>')
    content_html = "\n".join(content)
    return f"""<!doctype html>
<html ⚡ lang="uk">
<head>
<meta charset="utf-8">
<title>{_t(art.title)}</title>
<link rel="canonical" href="{SITE}{art.path}">
<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<script async custom-element="amp-ad" src="https://cdn.ampproject.org/v0/amp-ad-0.1.js"></script>
<style amp-custom>body{{font-family:sans-serif}}</style>
</head>
<body>
<header class="amp-header"><a href="https://interfax.com.ua/"><amp-img src="/static/articles/images/interfax_ukraine_logo_ukr.svg" width="160" height="40" alt="Інтерфакс-Україна"></amp-img></a></header>
<main>
<article class="amp-article">
  <h1 class="amp-article-title">{_t(art.title)}</h1>
  <div class="amp-article-content">
{content_html}
  </div>
</article>
{ad.format(n=1)}
{ad.format(n=2)}
{section}</main>
<footer>© 1992-2025 Інформаційне агентство «Інтерфакс-Україна»</footer>
</body>
</html>
"""


def _page_path(slug: str, page: int) -> str:
    return f"/news/{slug}.html" if page == 1 else f"/news/{slug}-{page}.html"


def pager_html(slug: str, page: int, pages: int) -> str:
    """Previous, pages page-3..page+3 (the current one a span), next; the last page has no next."""
    if pages <= 1:
        return ""
    lines = []
    if page > 1:
        lines.append(f'  <a class="pager-prev" href="{_page_path(slug, page - 1)}">« Попередня</a>')
    for n in range(max(1, page - 3), min(pages, page + 3) + 1):
        lines.append(f'  <span class="pager-current">{n}</span>' if n == page else f'  <a href="{_page_path(slug, n)}">{n}</a>')
    if page < pages:
        lines.append(f'  <a class="pager-next" href="{_page_path(slug, page + 1)}">Наступна »</a>')
    return '<div class="pager">\n' + "\n".join(lines) + "\n</div>"


def listing_html(slug: str, page: int, pages: int, items: list[Art], rng: random.Random) -> str:
    heading = "Останні новини" if slug == "latest" else SECTION_NAMES[slug]
    rows = []
    for k, art in enumerate(items):
        hh, dd = _hhmm_date(art.when)
        thumb = (f'\n      <a href="{art.path}"><img src="{SITE}/static/articles/images/{art.when:%Y/%m/%d}/thumb-{art.id}.jpg" alt=""></a>'
                 if rng.random() < 0.4 else "")
        rows.append(f"""  <div class="grid article">
    <div class="col-27 article-image-wrapper">{thumb}
      <div class="article-time"><span class="article-time-big">{hh}</span> <span>{dd}</span></div>
    </div>
    <div class="col-57">
      <h3 class="category-title"><a href="/news/{art.section}.html">{_t(SECTION_NAMES[art.section])}</a></h3>
      <h1 class="article-link-wrapper"><a class="article-link" href="{art.path}">{_t(art.title)}</a></h1>
    </div>
  </div>""")
        if k == 1:
            rows.append(f'  <div class="advert advert-inline"><span class="advert-label">РЕКЛАМА</span><div id="adpro-list-{page}"></div></div>')
    title = heading if page == 1 else f"{heading} – сторінка {page}"
    pager = pager_html(slug, page, pages)
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="uk">', "<head>", '<meta charset="utf-8">',
        f"<title>{_t(title)} | Інтерфакс-Україна</title>",
        f'<link rel="canonical" href="{SITE}{_page_path(slug, page)}">',
        '<link rel="alternate" type="application/rss+xml" title="Інтерфакс-Україна" href="https://interfax.com.ua/news/last.rss">',
        "</head>", "<body>", NAV.format(lang=""), '<div class="grid content">', '<div class="col-23">',
        f'<h1 class="section-title">{_t(heading)}</h1>', '<div class="articles-section-view">', *rows, "</div>",
        *([pager] if pager else []), "</div>",
        '<aside class="col-13 sidebar">',
        '  <div class="advert advert-sidebar"><span class="advert-label">РЕКЛАМА</span><div id="adpro-side"></div></div>',
        INFORMER, "</aside>", "</div>",
        '<footer class="footer">© 1992-2025 Інформаційне агентство «Інтерфакс-Україна».</footer>', "</body>", "</html>", ""])


ROBOTS_TXT = "User-agent: *\nAllow: /\n"


# ------------------------------------------------------------------------------- build


def build(root: Path, n_articles: int = 5000, seed: int = 1) -> dict:
    """Write the mirror under ``root`` (created; existing files are overwritten); return its manifest."""
    if n_articles < 1:
        raise ValueError("n_articles must be at least 1")
    started = time.monotonic()
    root = Path(root)
    rng = random.Random(seed)
    arts = _articles(rng, n_articles)
    by_id = {a.id: a for a in arts}
    newest_first = arts[::-1]
    latest = newest_first[:10]
    news = root / "news"
    for section in SECTION_NAMES:
        (news / section).mkdir(parents=True, exist_ok=True)
    (root / "robots.txt").write_text(ROBOTS_TXT, encoding="utf-8")

    total_bytes = 0
    amp_pages = 0
    for art in arts:
        body = _body(rng, art)
        page = article_html(art, body, by_id, latest).encode("utf-8")
        (root / art.path.lstrip("/")).write_bytes(page)
        total_bytes += len(page)
        if art.amp_only or not art.related:  # the desktop block is empty: the crawler fetches the twin
            amp = amp_html(art, body, by_id).encode("utf-8")
            (root / art.amp_path.lstrip("/")).write_bytes(amp)
            total_bytes += len(amp)
            amp_pages += 1

    listing_pages = 0
    listed = [a for a in newest_first if a.kind == "listed"]
    for slug in SECTIONS:
        items = listed if slug == "latest" else [a for a in listed if a.section == slug]
        pages = max(1, -(-len(items) // PER_PAGE))
        for page in range(1, pages + 1):
            chunk = items[(page - 1) * PER_PAGE:page * PER_PAGE]
            html = listing_html(slug, page, pages, chunk, rng).encode("utf-8")
            (root / _page_path(slug, page).lstrip("/")).write_bytes(html)
            total_bytes += len(html)
            listing_pages += 1

    kinds = {k: sum(1 for a in arts if a.kind == k) for k in ("listed", "archive", "deep")}
    manifest = {
        "n_articles": n_articles,
        "seed": seed,
        "sections": list(SECTIONS),
        "listed": kinds["listed"],
        "archive_depth1": kinds["archive"],
        "deep_depth2": kinds["deep"],
        "amp_twins": amp_pages,
        "listing_pages": listing_pages,
        "json_ld": sum(1 for a in arts if a.structured == "ld"),
        "bytes": total_bytes,
        "first_id": arts[0].id,
        "last_id": arts[-1].id,
        "build_seconds": round(time.monotonic() - started, 2),
    }
    (root / "bench-manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path, help="folder to write the mirror into (created)")
    parser.add_argument("--articles", type=int, default=5000, help="number of articles (default 5000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    opts = parser.parse_args(argv)
    manifest = build(opts.root, opts.articles, opts.seed)
    print(json.dumps(manifest, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

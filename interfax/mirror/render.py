"""HTML for mirror pages, in the site's markup (modelled on the three reference pages).

- ``article_html``: desktop article, modern (``article.article-content-view``), old design
  (``div.article-content-view``, no structured data) or older still ("plain": no article element).
- ``amp_html``: the AMP twin (``section.amp-related`` holds the related items).
- ``listing_html``: a listing page (``div.articles-section-view > div.grid.article``, ``div.pager``).
"""

from __future__ import annotations

import json
from datetime import datetime
from html import escape
from urllib.parse import quote

from interfax.mirror.model import (
    SECTION_LABELS, SECTION_NAMES, SITE, Article, Block, Img, header_time, iso_kyiv, iso_utc_z,
    key_path, month_name_time,
)

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

INFORMER_SIDEBAR = """  <div id="ukrnet-informer" class="informer">
    <a class="informer-title" href="https://www.ukr.net/">UKR.NET- новини з усієї України</a>
    <ul><li><a href="https://www.ukr.net/news/details/politics/111.html">Новина партнера 1</a></li><li><a href="https://www.ukr.net/news/details/economics/222.html">Новина партнера 2</a></li></ul>
  </div>"""

FOOTER = ('<footer class="footer">© 1992-{year} Інформаційне агентство «Інтерфакс-Україна». '
          '<a href="/about.html">Про агентство</a></footer>')


def a(text: str) -> str:
    """Escape for an attribute value."""
    return escape(text, quote=True)


def t(text: str) -> str:
    """Escape for text content."""
    return escape(text, quote=False)


def tag_href(tag: str) -> str:
    return f"/news/tag/{quote(tag, safe='')}.html"


def tag_line(tags: list[str]) -> str:
    links = " ".join(f'<a href="{tag_href(tag)}">#{t(tag)}</a>' for tag in tags)
    return f'<div class="article-tags">Теги: {links}</div>'


def share_links(url: str) -> list[tuple[str, str, str]]:
    q = quote(url, safe="")
    return [("facebook", "Facebook", f"https://www.facebook.com/sharer/sharer.php?u={q}"),
            ("telegram", "Telegram", f"https://t.me/share/url?url={q}"),
            ("x", "X", f"https://x.com/intent/tweet?url={q}")]


def img_tag(img: Img, cls: str = "") -> str:
    cls_attr = f' class="{cls}"' if cls else ""
    return f'<img{cls_attr} src="{a(img.src)}" alt="{a(img.alt)}">'


def figure(img: Img, cls: str = "article-image") -> str:
    caption = f"<figcaption>{t(img.caption)}</figcaption>" if img.caption else ""
    return f'<figure class="{cls}">{img_tag(img)}{caption}</figure>'


# -- body blocks --------------------------------------------------------------------------------
def block_html(block: Block, article: Article, titles) -> str:
    kind, arg = block
    if kind == "p":
        return f"<p>{arg}</p>"
    if kind in ("h2", "h3"):
        return f"<{kind}>{arg}</{kind}>"
    if kind in ("ul", "ol"):
        items = "\n".join(f"      <li>{item}</li>" for item in arg)
        return f"<{kind}>\n{items}\n    </{kind}>"
    if kind == "quote":
        return f"<blockquote>{arg}</blockquote>"
    if kind == "source":
        return f'<p>Джерело: <a href="{a(arg)}" target="_blank" rel="nofollow noopener">{t(arg)}</a></p>'
    if kind == "fig":
        return figure(arg)
    if kind == "img":
        return img_tag(arg, "article-inline-image")
    if kind == "pimg":
        return f"<p>{img_tag(arg)}</p>"
    if kind == "ad":
        return (f'<div class="advert advert-inline"><span class="advert-label">РЕКЛАМА</span>'
                f'<div id="{arg}"></div><script>window.adpro && adpro.push("{arg}");</script></div>')
    if kind == "ad_p":
        return f"<p>{t(arg)}</p>"
    if kind == "ad_id":
        return f'<div id="{arg}"><script>window.adpro && adpro.push("{arg}");</script></div>'
    if kind == "ad_img":
        return ('<div class="advert advert-inline"><span class="advert-label">РЕКЛАМА</span>'
                '<a href="https://ads.adpro.com.ua/click?b=77&amp;z=inline" rel="nofollow sponsored">'
                '<img src="https://ads.adpro.com.ua/banners/300x250-business-credit.jpg" width="300" height="250" '
                'alt="Кредит для бізнесу"></a></div>')
    if kind == "adsense":
        return ('<ins class="adsbygoogle" style="display:block" data-ad-client="ca-pub-0000000000000000" '
                'data-ad-slot="1234567890" data-ad-format="auto"></ins>\n'
                '    <script>(adsbygoogle = window.adsbygoogle || []).push({});</script>')
    if kind == "pixel":
        return ('<noscript><img src="https://www.facebook.com/tr?id=1234567890&amp;ev=PageView&amp;noscript=1" '
                'width="1" height="1" style="display:none" alt=""></noscript>')
    if kind == "informer":
        return ('<div class="informer"><a class="informer-title" href="https://www.ukr.net/">UKR.NET- новини з усієї України</a>'
                '<ul><li><a href="https://www.ukr.net/news/details/politics/333.html">Новина партнера 3</a></li>'
                '<li><a href="https://www.ukr.net/news/details/society/444.html">Новина партнера 4</a></li></ul></div>')
    if kind == "latest_box":
        items = "".join(f'<li><a href="{key_path(k)}">{t(titles(k))}</a></li>' for k in arg)
        return f"<div><b>ОСТАННЄ</b><ul>{items}</ul></div>"
    if kind == "loading":
        return "<p>Загрузка...</p>"
    if kind == "nbsp":
        return "<p>&nbsp;</p>"
    if kind == "share":
        links = share_links(article.url)
        if arg == "social":
            items = "".join(f'<li><a class="share-{c}" href="{a(h)}" target="_blank">{n}</a></li>' for c, n, h in links)
            return f'<div class="social-share"><span class="social-share-label">Поділитися:</span><ul>{items}</ul></div>'
        items = " ".join(f'<a class="share-{c}" href="{a(h)}" target="_blank">{n}</a>' for c, n, h in links)
        return f'<div class="share-buttons">{items}</div>'
    if kind == "reading_p":
        return f"<p>{arg} хв читати</p>"
    if kind == "title_caption":
        return f'<p class="image-caption">{t(article.title)}</p>'
    if kind == "tags_inline":
        return tag_line(article.tags)
    if kind == "credit_p":
        return f'<p class="photo-credit">Фото: {t(arg)}</p>'
    if kind == "post":
        return post_html(*arg)
    if kind == "widget":
        return f"<p>{t(arg)}</p>"
    raise ValueError(f"unknown block kind {kind!r}")


def post_html(network: str, words: str) -> str:
    """A social post's embed code as the network gives it to paste."""
    if network == "x":
        return ('<blockquote class="twitter-tweet" data-lang="uk"><p lang="uk" dir="ltr">'
                f'{words} <a href="https://t.co/Xy12AbCd">pic.twitter.com/Xy12AbCd</a></p>&mdash; MFA of Ukraine 🇺🇦 '
                '(@MFA_Ukraine) <a href="https://twitter.com/MFA_Ukraine/status/1910712345678901234?ref_src=twsrc%5Etfw">'
                '11 квітня 2025 р.</a></blockquote>\n    <script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>')
    if network == "facebook":
        return ('<div class="fb-post" data-href="https://www.facebook.com/MFA.Ukraine/posts/pfbid02" data-width="500">'
                '<blockquote cite="https://www.facebook.com/MFA.Ukraine/posts/pfbid02" class="fb-xfbml-parse-ignore">'
                f'<p>{words}</p>Опубліковано <a href="https://www.facebook.com/MFA.Ukraine">MFA of Ukraine</a>&nbsp;'
                '<a href="https://www.facebook.com/MFA.Ukraine/posts/pfbid02">11 квітня 2025 р.</a></blockquote></div>')
    if network == "instagram":
        link = "https://www.instagram.com/p/DIx1Ab2c/?utm_source=ig_embed&amp;utm_campaign=loading"
        return (f'<blockquote class="instagram-media" data-instgrm-permalink="{link}" data-instgrm-version="14">'
                f'<div><a href="{link}" target="_blank"><div>Переглянути цей допис в Instagram</div></a>'
                f'<p><a href="{link}" target="_blank">Допис, поширений MFA of Ukraine (@mfa_ukraine)</a></p></div></blockquote>'
                '\n    <script async src="//www.instagram.com/embed.js"></script>')
    if network == "telegram":
        return ('<script async src="https://telegram.org/js/telegram-widget.js?22" data-telegram-post="MFA_Ukraine/5210" '
                'data-width="100%"></script>')
    raise ValueError(f"unknown network {network!r}")


# -- article ------------------------------------------------------------------------------------
def json_ld(article: Article) -> str:
    stamp = iso_utc_z if article.jsonld_utc else iso_kyiv
    ld: dict = {"@context": "https://schema.org", "@type": "NewsArticle", "mainEntityOfPage": article.url,
                "headline": article.title, "datePublished": stamp(article.when)}
    if article.modified:
        ld["dateModified"] = stamp(article.modified)
    if article.og_image:
        ld["image"] = {"list": [article.og_image], "string": article.og_image,
                       "object": {"@type": "ImageObject", "url": article.og_image}}[article.ld_image_style]
    if article.tags and article.keywords_style != "none":
        ld["keywords"] = list(article.tags) if article.keywords_style == "list" else ", ".join(article.tags)
    if article.description:
        ld["description"] = article.description
    ld.update({"inLanguage": "uk", "articleSection": SECTION_LABELS[article.section],
               "publisher": {"@type": "Organization", "name": "Інтерфакс-Україна"}})
    body = json.dumps(ld, ensure_ascii=False, indent=1)
    return f'<script type="application/ld+json">\n{body}\n</script>'


def related_block(article: Article, titles, whens) -> str:
    markup = article.related_markup
    if markup == "none":
        return ""
    heading = ('<h3 class="related-title">ЩЕ ЗА ТЕМОЮ</h3>' if markup == "h3"
               else '<h2 class="section-title">ЩЕ ЗА ТЕМОЮ</h2>')
    items = []
    for rel in article.related:
        href = rel.href or key_path(rel.target)
        title = rel.title or titles(rel.target)
        hh, dd = header_time(rel.when or whens(rel.target))
        if markup == "listing":
            items.append(
                f'    <div class="grid article">\n'
                f'      <div class="col-27"><div class="article-time"><span class="article-time-big">{hh}</span> <span>{dd}</span></div></div>\n'
                f'      <div class="col-57"><h1 class="article-link-wrapper"><a class="article-link" href="{a(href)}">{t(title)}</a></h1></div>\n'
                f'    </div>')
        else:
            items.append(f'    <div class="grid article"><div class="article-time"><span class="time">{hh}</span> <span>{dd}</span></div>'
                         f' <a class="article-link" href="{a(href)}">{t(title)}</a></div>')
    if items:
        inner = "\n" + "\n".join(items) + "\n  "
        script = ""
    else:  # empty in the served HTML, filled by script in a browser (as on the real site)
        inner, script = "", '\n  <script>loadRelated("related-articles");</script>'
    return (f'<div class="article-related">\n  {heading}\n'
            f'  <div class="articles-section-view" id="related-articles" data-article-id="{article.id}">{inner}</div>{script}\n'
            f'</div>')


def sidebar(latest: list[str], titles) -> str:
    items = "\n".join(f'    <div class="grid article"><a class="article-link" href="{key_path(k)}">{t(titles(k))}</a></div>'
                      for k in latest)
    return f"""<aside class="col-13 sidebar">
  <div class="latest-news">
    <h2 class="section-title">ОСТАННЄ</h2>
{items}
  </div>
  <div class="advert advert-sidebar"><span class="advert-label">РЕКЛАМА</span><div id="adpro-side"></div></div>
{INFORMER_SIDEBAR}
  <div class="advert advert-sidebar"><span class="advert-label">РЕКЛАМА</span><div id="adpro-side-3"></div></div>
</aside>"""


def article_html(article: Article, titles, whens, latest: list[str]) -> str:
    """The desktop page. ``titles(key)``/``whens(key)`` give a linked article's title/time;
    ``latest`` is the ОСТАННЄ sidebar (keys)."""
    if article.design == "old":
        return old_article_html(article)
    if article.design == "plain":
        return plain_article_html(article, titles)
    canon = article.url
    head = ['<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{t(article.title)} | Інтерфакс-Україна</title>",
            f'<link rel="canonical" href="https://{article.canonical_host}{article.path}">']
    if article.amp:
        head.append(f'<link rel="amphtml" href="{SITE}{article.amp_path}">')
    if article.description:
        head.append(f'<meta name="description" content="{a(article.description)}">')
    head += ['<meta property="og:type" content="article">', '<meta property="og:site_name" content="Інтерфакс-Україна">',
             f'<meta property="og:url" content="{canon}">', f'<meta property="og:title" content="{a(article.title)}">']
    if article.description:
        head.append(f'<meta property="og:description" content="{a(article.description)}">')
    if article.og_image:
        head.append(f'<meta property="og:image" content="{a(article.og_image)}">')
    if article.meta_dates:
        head.append(f'<meta property="article:published_time" content="{iso_kyiv(article.when)}">')
        if article.modified:
            head.append(f'<meta property="article:modified_time" content="{iso_kyiv(article.modified)}">')
    head.append(f'<meta property="article:section" content="{a(SECTION_LABELS[article.section])}">')
    if article.jsonld:
        head.append(json_ld(article))
    head.append('<script src="/static/js/app.js"></script>')

    hh, dd = header_time(article.when)
    parts = ['<article class="article article-content-view">',
             '  <div class="grid article-content-secondary-header">',
             '    <div class="col-57 article-agency">Інтерфакс-Україна</div>',
             f'    <div class="col-57 article-category"><a href="/news/{article.section}.html">{t(SECTION_LABELS[article.section])}</a></div>',
             f'    <div class="col-27 article-time"><span class="time">{hh}</span> <span>{dd}</span></div>',
             '  </div>',
             f'  <h1 class="article-content-title">{article.title_html or t(article.title)}</h1>']
    if article.reading_time is not None:
        parts.append(f'  <div class="article-reading-time">{article.reading_time} хв читати</div>')
    if article.header_image:
        parts.append("  " + figure(article.header_image, "article-main-image"))
    parts.append('  <div class="article-content">')
    parts += ["    " + block_html(b, article, titles) for b in article.body]
    parts.append("  </div>")
    inline_tags = any(b.kind == "tags_inline" for b in article.body)
    if article.tags and not inline_tags:
        parts.append("  " + tag_line(article.tags))
    parts.append("</article>")
    related = related_block(article, titles, whens)
    lang = ('  <div class="lang-switch"><a href="https://interfax.com.ua/">UA</a> '
            '<a href="https://ru.interfax.com.ua/">RU</a> <a href="https://en.interfax.com.ua/">EN</a></div>\n')
    side = sidebar(latest, titles) if article.sidebar else ""
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="uk">', "<head>", *head, "</head>", "<body>", NAV.format(lang=lang),
        '<div class="grid content">', '<div class="col-23">', *parts, *([related] if related else []), "</div>",
        *([side] if side else []), "</div>", FOOTER.format(year=max(article.when.year, 2025)), "</body>", "</html>", ""])


def _old_head(article: Article) -> str:
    """The start of an older design's page, to the canonical link: no structured data, a plain title."""
    desc = f'<meta name="description" content="{a(article.description)}">\n' if article.description else ""
    return f"""<!DOCTYPE html>
<html lang="uk">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{t(article.title)} | Інтерфакс-Україна</title>
{desc}<link rel="canonical" href="https://{article.canonical_host}{article.path}">
"""


def old_article_html(article: Article) -> str:
    """An old page: ``div.article-content-view``, plain ``h1``, no structured data, no AMP."""
    assert not (article.jsonld or article.meta_dates or article.amp or article.related)
    hh, dd = header_time(article.when)
    body = "\n".join("    " + block_html(b, article, lambda k: k) for b in article.body)
    return f"""{_old_head(article)}<link rel="stylesheet" href="/static/css/old/main.css">
</head>
<body>
<div id="header"><a href="/"><img src="/static/images/old/logo_ua.gif" alt="Інтерфакс-Україна" width="220" height="60"></a>
  <ul class="menu"><li><a href="/news/latest.html">Новини</a></li><li><a href="/news/general.html">Загальні</a></li><li><a href="/news/political.html">Політика</a></li><li><a href="/news/economic.html">Економіка</a></li></ul>
</div>
<div id="content">
  <div class="article-content-view">
    <div class="article-time">{hh} {dd}</div>
    <h1>{article.title_html or t(article.title)}</h1>
    <div class="article-content">
{body}
    </div>
  </div>
  <div class="banner"><span>Реклама</span><div id="adriver-240x400"></div></div>
</div>
<div id="footer">© 1992-{article.when.year} Інформаційне агентство «Інтерфакс-Україна»</div>
</body>
</html>
"""


def plain_article_html(article: Article, titles) -> str:
    """An older page still: no article element (the story in a ``div.news-item`` of a two-column
    layout), a month-name date, no structured data, no AMP; the page's top bar shows the day it was
    served, and its side column a tag cloud and thumbnails of other articles (``titles``)."""
    assert not (article.jsonld or article.meta_dates or article.amp or article.related)
    body = "\n".join("        " + block_html(b, article, titles) for b in article.body)
    thumbs = "".join(f'<li><a href="{key_path(k)}"><img src="/static/articles/images/thumbs/{k.split("/")[1]}.jpg" '
                     f'alt="{a(titles(k))}"></a></li>' for k in ("general/1139007", "general/1139004"))
    return f"""{_old_head(article)}</head>
<body>
<div id="top"><a href="/"><img src="/static/images/old/logo_ua.gif" alt="Інтерфакс-Україна" width="220" height="60"></a>
  <div class="today">Понеділок, 12 січня 2026</div>
  <ul class="menu"><li><a href="/news/latest.html">Новини</a></li><li><a href="/news/general.html">Загальні</a></li><li><a href="/news/economic.html">Економіка</a></li></ul>
</div>
<div id="page">
  <div class="col-main">
    <div class="news-item">
      <div class="news-date">{month_name_time(article.when)}</div>
      <h1 class="news-title">{article.title_html or t(article.title)}</h1>
      <div class="news-text">
{body}
      </div>
    </div>
    <div class="banner"><span>Реклама</span><div id="adriver-468x60"></div></div>
  </div>
  <div class="col-side">
    <div class="cloud"><h3>Популярні теги</h3><a href="{tag_href("США")}">США</a> <a href="{tag_href("енергетика")}">енергетика</a></div>
    <div class="popular"><h3>Популярне</h3><ul>{thumbs}</ul></div>
  </div>
</div>
<div id="footer">© 1992-2026 Інформаційне агентство «Інтерфакс-Україна»</div>
</body>
</html>
"""


# -- AMP twin -----------------------------------------------------------------------------------
def amp_html(article: Article, titles, whens) -> str:
    content = []
    for block in article.body:
        if block.kind in ("p", "h2", "h3", "quote", "source", "ul", "ol"):
            content.append("    " + block_html(block, article, titles))
        elif block.kind in ("fig", "img", "pimg"):
            img: Img = block.arg
            content.append(f'    <amp-img src="{a(img.src)}" width="800" height="533" layout="responsive" alt="{a(img.alt)}"></amp-img>')
    related = []
    for rel in article.amp_items:
        title = rel.title or titles(rel.target)
        hh, dd = header_time(rel.when or whens(rel.target))
        href = f"{SITE}/news/{rel.target}-amp.html"
        related.append(f'  <div class="amp-related-item">\n    <a href="{href}">{t(title)}</a>\n'
                       f'    <div class="amp-related-time">{hh}, {dd}</div>\n  </div>')
    section = ('<section class="amp-related">\n  <h2>ЩЕ ЗА ТЕМОЮ</h2>\n' + "\n".join(related) + "\n</section>\n") if related else ""
    ad = ('<div class="amp-ad-wrapper"><div class="amp-ad-label">Реклама</div>'
          '<amp-ad width="300" height="250" type="adpro" data-slot="amp-{n}"></amp-ad></div>')
    header_img = ""
    if article.header_image:
        header_img = (f'  <amp-img src="{a(article.header_image.src)}" width="800" height="533" layout="responsive" '
                      f'alt="{a(article.header_image.alt)}"></amp-img>\n')
    return f"""<!doctype html>
<html ⚡ lang="uk">
<head>
<meta charset="utf-8">
<title>{t(article.title)}</title>
<link rel="canonical" href="{article.url}">
<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<script async custom-element="amp-ad" src="https://cdn.ampproject.org/v0/amp-ad-0.1.js"></script>
<style amp-custom>body{{font-family:sans-serif}}</style>
</head>
<body>
<header class="amp-header"><a href="https://interfax.com.ua/"><amp-img src="/static/articles/images/interfax_ukraine_logo_ukr.svg" width="160" height="40" alt="Інтерфакс-Україна"></amp-img></a></header>
<main>
<article class="amp-article">
  <h1 class="amp-article-title">{t(article.title)}</h1>
{header_img}  <div class="amp-article-content">
{chr(10).join(content)}
  </div>
</article>
{ad.format(n=1)}
{ad.format(n=2)}
{section}</main>
<footer>© 1992-{max(article.when.year, 2025)} Інформаційне агентство «Інтерфакс-Україна»</footer>
</body>
</html>
"""


# -- listings -----------------------------------------------------------------------------------
def listing_href(key: str, form: str) -> str:
    """A listing link in one of the forms seen: rel, abs, ua (old host), amp, utm, frag."""
    path = key_path(key)
    return {"rel": path, "abs": SITE + path, "ua": "https://ua.interfax.com.ua" + path,
            "amp": path[:-len(".html")] + "-amp.html", "utm": path + "?utm_source=telegram",
            "frag": path + "#comments"}[form]


def page_path(slug: str, page: int, base: str = "/news/") -> str:
    return f"{base}{slug}.html" if page == 1 else f"{base}{slug}-{page}.html"


def pager_html(slug: str, page: int, pages: int, single_pager: bool = False) -> str:
    """The pager. Page 1: numbers then "Наступна »"; middle pages: "« Попередня", numbers,
    "Наступна »"; the LAST page: numbers then "« Попередня", so its last link points back."""
    if pages == 1:
        return '<div class="pager">\n  <span class="pager-current">1</span>\n</div>' if single_pager else ""
    lines = []
    if 1 < page < pages:
        lines.append(f'  <a class="pager-prev" href="{page_path(slug, page - 1)}">« Попередня</a>')
    for n in range(1, pages + 1):
        lines.append(f'  <span class="pager-current">{n}</span>' if n == page else f'  <a href="{page_path(slug, n)}">{n}</a>')
    if page < pages:
        lines.append(f'  <a class="pager-next" href="{page_path(slug, page + 1)}">Наступна »</a>')
    else:
        lines.append(f'  <a class="pager-prev" href="{page_path(slug, page - 1)}">« Попередня</a>')
    return '<div class="pager">\n' + "\n".join(lines) + "\n</div>"


def listing_item(key: str, form: str, title: str, when: datetime, thumb: str | None) -> str:
    section = key.split("/")[0]
    href = listing_href(key, form)
    hh, dd = header_time(when)
    thumb_html = f'\n      <a href="{a(href)}"><img src="{a(thumb)}" alt=""></a>' if thumb else ""
    return f"""  <div class="grid article">
    <div class="col-27 article-image-wrapper">{thumb_html}
      <div class="article-time"><span class="article-time-big">{hh}</span> <span>{dd}</span></div>
    </div>
    <div class="col-57">
      <h3 class="category-title"><a href="/news/{section}.html">{t(SECTION_NAMES[section])}</a></h3>
      <h1 class="article-link-wrapper"><a class="article-link" href="{a(href)}">{t(title)}</a></h1>
    </div>
  </div>"""


def listing_html(slug: str, page: int, pages: int, items: list[str], heading: str, *,
                 path: str | None = None, single_pager: bool = False, empty_text: str | None = None) -> str:
    """``items``: rendered ``listing_item``s. An advert sits after the second item."""
    body = list(items)
    if len(body) > 2:
        body.insert(2, f'  <div class="advert advert-inline"><span class="advert-label">РЕКЛАМА</span><div id="adpro-list-{page}"></div></div>')
    if not body and empty_text:
        body.append(f'  <p class="articles-empty">{t(empty_text)}</p>')
    path = path or page_path(slug, page)
    title = heading if page == 1 else f"{heading} – сторінка {page}"
    pager = pager_html(slug, page, pages, single_pager)
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="uk">', "<head>", '<meta charset="utf-8">',
        f"<title>{t(title)} | Інтерфакс-Україна</title>",
        f'<link rel="canonical" href="{SITE}{path}">',
        '<link rel="alternate" type="application/rss+xml" title="Інтерфакс-Україна" href="https://interfax.com.ua/news/last.rss">',
        "</head>", "<body>", NAV.format(lang=""), '<div class="grid content">', '<div class="col-23">',
        f'<h1 class="section-title">{t(heading)}</h1>', '<div class="articles-section-view">', *body, "</div>",
        *([pager] if pager else []), "</div>",
        '<aside class="col-13 sidebar">',
        '  <div class="advert advert-sidebar"><span class="advert-label">РЕКЛАМА</span><div id="adpro-side"></div></div>',
        INFORMER_SIDEBAR, "</aside>", "</div>",
        '<footer class="footer">© 1992-2025 Інформаційне агентство «Інтерфакс-Україна».</footer>', "</body>", "</html>", ""])


ROBOTS_TXT = """# Offline mirror of interfax.com.ua (the project's test fixture, served on 127.0.0.1).
# Everything may be crawled: the crawler's politeness settings are tested, not robots rules.
User-agent: *
Allow: /
"""

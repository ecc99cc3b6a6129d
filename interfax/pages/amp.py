"""The AMP twin of an article (``/news/<section>/<id>-amp.html``).

Same story, simpler markup: the related items ("ЩЕ ЗА ТЕМОЮ") are in its HTML even when the
desktop page fills them by script. Only the selectors differ from the desktop page.
"""

from interfax.pages.article import ArticlePage


class AmpArticlePage(ArticlePage):
    article_selectors = ("article.amp-article", "article", "main")
    body_selectors = (".amp-article-content", ".article-content", "[itemprop='articleBody']")
    title_selectors = ("h1.amp-article-title", "h1")
    related_selectors = (".amp-related",)

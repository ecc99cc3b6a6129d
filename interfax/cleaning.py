"""What is noise: ads, informers, related/latest lists, share widgets and other boilerplate.

Two levels, both pure functions:

* nodes (used by the page parsers on the article body): an element is boilerplate by its tag
  (scripts, ad slots), its class or id tokens (``advert``, ``informer``, ``share`` ..., and
  ``image-caption``: a caption belongs to its image) or its visible heading ("РЕКЛАМА", "ЩЕ ЗА
  ТЕМОЮ", "ОСТАННЄ", "UKR.NET- новини з усієї України") standing as a block of its own, so a
  redesign that renames classes is still cleaned by what a reader sees (the same word inline in
  prose, in a table cell or a list item is content). ``strip_boilerplate``
  defines the result on a tree it may change; ``pages.article.body_paragraphs`` gets the same
  paragraphs by walking the page's own tree past ``is_noise_node`` nodes, and copies and strips
  only a body with a label or list heading in it;
* lines (used by the cleaning pipeline on the text): a paragraph that is only an ad label, a
  placeholder, a reading-time line, a tag line, a share button (not a network's name in a list
  the text introduces), a widget's line (an embed's chrome, a typo-report request), a photo credit
  or the repeated title is dropped. ``clean_text`` is idempotent: cleaning clean text changes nothing.

An embedded social post is noise but for its words (``post_words``), which are a quotation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import islice

from lxml import etree

from interfax import dates

#: characters lxml will not set as text (C0 controls other than tab/newline/CR, U+FFFE/U+FFFF, surrogates)
_XML_UNSAFE_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


#: invisible characters ``squash`` drops: zero-width space, non-joiner and joiner, word joiner, BOM,
#: soft hyphen, NUL (none is printable, so the fast path never returns one)
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\xad\x00]")


def squash(text: str | None) -> str:
    """Collapse every whitespace run (nbsp included) to one space, drop invisible characters
    (zero-width ones, the word joiner, the soft hyphen); strip."""
    if not text:
        return ""
    # already squashed (the common case): printable means no whitespace but the ASCII space, no
    # invisible characters, no NUL; a str subclass (lxml's smart strings) is copied below instead
    if type(text) is str and text.isprintable() and text[0] != " " and text[-1] != " " and "  " not in text:
        return text
    if ("\x00" in text) if text.isascii() else _INVISIBLE_RE.search(text):  # (only NUL is ASCII)
        text = _INVISIBLE_RE.sub("", text)
    return " ".join(text.split())


#: every text node at or below an element, in document order, as plain strings
_TEXT_NODES = etree.XPath("descendant-or-self::text()", smart_strings=False)


def texts(el: etree._Element) -> list[str]:
    """``list(el.itertext())`` of an element, built by libxml2: its text and the texts and tails below
    it, in document order (a comment's or processing instruction's own text left out, its tail in).
    lxml's ``itertext`` walks with a Python-level event iterator: ~30 000 instructions for a link's
    one text, three times this. (The parser and lxml's text setters never leave two text nodes side
    by side, so each node is one piece, as ``itertext`` gives it.)"""
    if len(el):
        return _TEXT_NODES(el)
    text = el.text  # (a leaf: most links, headlines and spans)
    return [text] if text is not None and isinstance(el.tag, str) else []


def _key(text: str) -> str:
    """Comparison form of a short visible text: squashed, upper case, without trailing punctuation
    and without dashes before it (a label set off by dashes: "— Реклама —")."""
    return squash(text).upper().rstrip(" :.…-–—").lstrip(" -–—")


# ---------------------------------------------------------------- headings a reader sees

#: visible labels of ad slots
AD_LABELS = frozenset({"РЕКЛАМА", "РЕКЛАМНИЙ БЛОК", "ADVERTISEMENT", "ADVERTISING", "AD", "ПАРТНЕРСЬКИЙ МАТЕРІАЛ"})
#: the labels of a tag line ("Теги: #a #b"), as pages write them
TAG_LABELS = ("Теги", "Тэги", "Теґи", "Метки", "Tags")
_TAG_KEYS = frozenset(label.upper() for label in TAG_LABELS)
#: visible headings of the "ЩЕ ЗА ТЕМОЮ" (related) block, and its shorter forms ("По темі")
RELATED_HEADINGS = frozenset({"ЩЕ ЗА ТЕМОЮ", "ЗА ТЕМОЮ", "ПО ТЕМІ", "ЕЩЕ ПО ТЕМЕ", "ЕЩЁ ПО ТЕМЕ", "ПО ТЕМЕ", "MORE ABOUT",
                              "MORE ON THE TOPIC"})
#: visible headings of lists that are not the article: related, latest (a news feed), popular, read-also
LIST_HEADINGS = RELATED_HEADINGS | frozenset(
    {
        "ОСТАННЄ",
        "ОСТАННІ НОВИНИ",
        "ПОСЛЕДНЕЕ",
        "ПОСЛЕДНИЕ НОВОСТИ",
        "LATEST",
        "LATEST NEWS",
        "СТРІЧКА НОВИН",
        "ЛЕНТА НОВОСТЕЙ",
        "NEWS FEED",
        "ПОПУЛЯРНЕ",
        "ПОПУЛЯРНІ НОВИНИ",
        "НАЙПОПУЛЯРНІШЕ",
        "НАЙЧИТАНІШЕ",
        "ПОПУЛЯРНОЕ",
        "POPULAR",
        "MOST READ",
        "ЧИТАЙТЕ ТАКОЖ",
        "ДИВІТЬСЯ ТАКОЖ",
        "ЧИТАЙТЕ ТАКЖЕ",
        "READ ALSO",
    }
)
#: the informer's heading (``_key`` form): "UKR.NET" alone or with its tagline ("UKR.NET- новини з усієї
#: України"), not a sentence that starts with the name ("UKR.NET оновив головну сторінку")
_INFORMER_RE = re.compile(
    r"^UKR\.NET(?:\s*[-–—:|]?\s*(?:НОВИНИ З УСІЄЇ УКРАЇНИ|НОВОСТИ СО ВСЕЙ УКРАИНЫ|НОВИНИ|НОВОСТИ|NEWS))?$", re.I
)
#: any related heading in a text, whatever its case and spacing (a cheap pre-test)
#: (lower-cased, searched in lower-cased text: re.I over Cyrillic text costs five times as much, ~110 µs a page)
_RELATED_HEADING_LOWER_RE = re.compile(
    "|".join("[\\s\u200b\ufeff]+".join(map(re.escape, h.lower().split())) for h in sorted(RELATED_HEADINGS))
)


def related_headings(text: str) -> int:
    """How many related headings a text holds, whatever their case and spacing (a cheap pre-test)."""
    return len(_RELATED_HEADING_LOWER_RE.findall(text.lower()))


#: the start of any heading of another list ("ОСТАННЄ", "Популярне", "Читайте також", the informer's): its first
#: word's first five letters, lower-cased (a cheap pre-test: a headline "Останнє слово …" passes it too)
_OTHER_LIST_STEMS = tuple(sorted({h.lower().split()[0][:5] for h in LIST_HEADINGS - RELATED_HEADINGS} | {"ukr.n"}))
#: class or id tokens of a list that is not the related one: the "ОСТАННЄ" feed (``latest-news``), the popular
#: list, the informer
_OTHER_LIST_TOKEN_RE = re.compile(r"(?:^|[-_])(?:latest|popular\w*|most-?read|informer\w*|ukrnet|ukr-net)(?:$|[-_\d])", re.I)
#: what every such token holds (a cheap pre-test: "post", "host" hold one too)
_OTHER_LIST_HINT_RE = re.compile("atest|opular|ost|nformer|kr")


def may_name_other_list(text: str) -> bool:
    """A text may show the heading of a list other than the related one (a cheap pre-test)."""
    low = text.lower()
    return any(stem in low for stem in _OTHER_LIST_STEMS)  # (a substring search each: cheaper than one regex of them)


def may_hold_other_list(el: etree._Element) -> bool:
    """Some element below ``el`` may be named as a list that is not the related one (a cheap pre-test
    of ``names_other_list``)."""
    hint = _OTHER_LIST_HINT_RE.search
    return any(((v := e.get("class")) and hint(v)) or ((v := e.get("id")) and hint(v)) for e in el.iterdescendants(etree.Element))


def names_other_list(el: etree._Element) -> bool:
    """The element's class or id names a list that is not the related one (``div.latest-news``, ``popular``,
    ``most-read``, the informer)."""
    return any(_OTHER_LIST_TOKEN_RE.search(token) for value in (el.get("class"), el.get("id")) if value
               for token in value.split())


def is_ad_label(text: str) -> bool:
    return _key(text) in AD_LABELS


def is_list_heading(text: str) -> bool:
    return _key(text) in LIST_HEADINGS


def is_related_heading(text: str) -> bool:
    return _key(text) in RELATED_HEADINGS


def is_informer_heading(text: str) -> bool:
    return bool(_INFORMER_RE.match(_key(text)))


def is_tag_label(text: str) -> bool:
    """A tag line's label alone ("Теги:", "Tags"): its tags follow in the next block."""
    return _key(text) in _TAG_KEYS


def is_boilerplate_heading(text: str) -> bool:
    """An ad label, a list heading (related, latest, read-also) or the informer's heading."""
    return bool(text) and (is_ad_label(text) or is_list_heading(text) or is_informer_heading(text))


# ---------------------------------------------------------------- nodes

#: elements that never hold article text
NOISE_TAGS = frozenset(
    {
        "script", "style", "noscript", "iframe", "ins", "template", "svg", "button", "form", "input",
        "select", "textarea", "object", "embed", "video", "audio", "canvas", "img", "picture", "source",
        "figure", "figcaption", "amp-ad", "amp-img", "amp-iframe", "amp-social-share", "amp-embed",
        "nav", "aside", "footer", "header", "link", "meta",
    }
)
#: class tokens of a social network's embed code: the post's blockquote or the block the code puts around it
_POST_TOKENS = r"twitter-tweet|instagram-media|fb-post|fb-video|fb-xfbml\w*|telegram-post|tiktok-embed|text-post-media"
_NOISE_TOKEN_RE = re.compile(
    r"(?:^|[-_])(?:adv?|ads|advert\w*|adsbygoogle|adpro|adriver|banner\w*|reklam\w*|reclam\w*|rklm|informer\w*|ukrnet|ukr-net|"
    r"soc|likes|related|latest|tags?|tagline|reading|readtime|"
    r"promo|subscribe|newsletter|sponsor\w*|outbrain|taboola|donat\w*|breadcrumbs?|crumbs?|"
    r"cookies?|gdpr|consent|cmp-wall|cmp-banner|cmp-container|qc-cmp\w*|didomi\w*|onetrust\w*|cookiebot\w*|usercentrics\w*|paywall\w*|quiz|"
    r"(?<!expert[-_])(?<!experts[-_])comments|disqus\w*|author-(?:info|box|bio|card|avatar|position)|"
    # text for screen readers only ("(відкривається в новому вікні)"), never shown
    r"sr-only|visually-hidden|visuallyhidden|screen-reader-text|screen-reader-only|element-invisible|show-for-sr|"
    rf"twitter-timeline|{_POST_TOKENS})"
    r"(?:$|[-_\d])",
    re.I,
)
#: class tokens of noise named by an ordinary word that also names content: a share widget or a market's
#: ``shares-table``, a poll's form or ``poll-method`` note, a credit line or a ``credit-rating`` box, a
#: ``teaser`` card or the article's lead: noise unless the block plainly holds content (``holds_content``)
_AMBIGUOUS_TOKEN_RE = re.compile(
    r"(?:^|[-_])(?:share|shares|sharing|social|socials|credit|credits|polls?|voting|survey|teaser\w*|recommend\w*|"
    r"experts?[-_]comments)(?:$|[-_\d])",
    re.I,
)


#: class or id tokens of an image caption outside a figure (``image-caption``, ``wp-caption-text``)
#: (also a photo's description by another name: ``photo-description``, ``image-desc``, ``photo__signature``, ``pic-note``)
_CAPTION_TOKEN_RE = re.compile(
    r"(?:^|[-_])(?:(?:fig)?captions?|(?:photo|foto|image|img|pic|picture)[-_]+(?:desc|description|sign|signature|note|info|subtitle|label))"
    r"(?:$|[-_\d])",
    re.I,
)
_NOISE, _CAPTION, _AMBIGUOUS = 2, 1, 3


def noise_tokens(el: etree._Element) -> bool:
    """True if the element's class or id names an ad, informer, share widget, list or tag line
    (an image inside one is not the article's)."""
    return _marks(el) == _NOISE


def caption_tokens(el: etree._Element) -> bool:
    """True if the element's class or id names an image caption (and nothing noisier): not text,
    but the caption of the image beside it."""
    return _marks(el) == _CAPTION


def _marks(el: etree._Element) -> int:
    """What the element's class and id tokens name: ``_NOISE``, else ``_CAPTION``, else 0. A block
    named only by an ambiguous word (``_AMBIGUOUS_TOKEN_RE``) is noise unless it holds content."""
    found = 0
    for attr in ("class", "id"):
        value = el.get(attr)
        if value:
            marks = _marks_of(value)
            if marks == _NOISE:
                return _NOISE
            if marks == _AMBIGUOUS:
                if not holds_content(el):
                    return _NOISE
                marks = 0
            found = found or marks
    return found


@lru_cache(maxsize=4096)
def _marks_of(value: str) -> int:
    tokens = value.split()
    if any(_NOISE_TOKEN_RE.search(token) for token in tokens):
        return _NOISE
    if any(_AMBIGUOUS_TOKEN_RE.search(token) for token in tokens):
        return _AMBIGUOUS
    return _CAPTION if any(_CAPTION_TOKEN_RE.search(token) for token in tokens) else 0


#: elements of a form: a poll's or a comment box's, never an article's content
_FORM_TAGS = ("form", "input", "button", "select", "textarea")
#: a block's text at least this long is prose, sentences or not
_PROSE_LENGTH = 200


def holds_content(el: etree._Element) -> bool:
    """Does a block plainly hold article content: a data table (rows of two or more cells), or prose
    (a sentence or long text, few links, no form controls)? A share widget, a poll's form, a credit
    line or a list of links does not."""
    if any(True for _ in el.iter(_FORM_TAGS)):
        return False
    if is_data_table(el):
        return True
    text = squash(" ".join(texts(el)))
    if len(text) < _PROSE_LENGTH and (not reads_as_sentence(text) or is_boilerplate_line(text)):
        return False
    return _link_density(el) < 0.3


def is_data_table(el: etree._Element) -> bool:
    """A table (the element or one in it) of two or more rows of two or more cells each."""
    rows = 0
    for row in el.iter("tr"):
        if sum(1 for cell in row if _tag(cell) in ("td", "th")) >= 2:
            rows += 1
            if rows >= 2:
                return True
    return False


#: class or id tokens of an ad or a sponsored widget (a narrower set than the noise tokens: a related
#: or latest list is noise in the text but not an ad)
_AD_TOKEN_RE = re.compile(
    r"(?:^|[-_])(?:adv?|ads|advert\w*|adsbygoogle|adpro|adriver|banner\w*|reklam\w*|reclam\w*|rklm|promo|sponsor\w*|outbrain|taboola)(?:$|[-_\d])",
    re.I,
)


@lru_cache(maxsize=4096)
def _names_ad(value: str) -> bool:
    return any(_AD_TOKEN_RE.search(token) for token in value.split())


def ad_tokens(el: etree._Element) -> bool:
    """True if the element's class or id names an ad or a sponsored widget (``adv-block``, ``banner``, ``taboola``)."""
    for attr in ("class", "id"):
        value = el.get(attr)
        if value and _names_ad(value):
            return True
    return False


def own_heading(el: etree._Element) -> str:
    """The visible text of an element when it is short (a label or heading), else ''.

    Its text is read only until it is known to be long: ``heading_block`` asks it of every ancestor of
    each short element, and reading the whole text of a block that holds thousands of them (a body of
    ``<span>`` runs, a long table) each time made a page take minutes."""
    parts, size, check = [], 0, 61
    for piece in el.itertext():
        parts.append(piece)
        size += len(piece)
        if size >= check:  # (squashed, a prefix never gets shorter: long already means long)
            if len(squash("".join(parts))) > 60:
                return ""
            check = 2 * size
    text = squash("".join(parts))
    return text if len(text) <= 60 else ""


def _tag(el) -> str:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


def _link_density(el: etree._Element) -> float:
    text = squash("".join(texts(el)))
    if not text:
        return 1.0
    linked = sum(len(squash("".join(texts(a)))) for a in el.iter("a"))
    return linked / len(text)


def _remove(el: etree._Element) -> None:
    """Remove an element but keep its tail text (it belongs to the parent's flow)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail and tail.strip():
        prev = el.getprevious()
        # lxml keeps control characters it parsed but refuses them on assignment: drop them
        if prev is not None:
            prev.tail = _XML_UNSAFE_RE.sub("", (prev.tail or "") + tail)
        else:
            parent.text = _XML_UNSAFE_RE.sub("", (parent.text or "") + tail)
    parent.remove(el)


def strip_boilerplate(body: etree._Element) -> int:
    """Remove boilerplate elements from ``body`` in place; return how many were removed.

    Order matters: first by tag and class/id, then by visible headings (``heading_block``), where
    the block that a heading introduces goes with it (its container when the heading is wrapped,
    else the following link lists).
    """
    removed = strip_noise(body)
    if has_informer_link(body):
        removed += _strip_informers(body)
    removed += _strip_share_lines(body)
    for el in list(body.iter()):
        if el is body or not isinstance(el.tag, str):
            continue
        # a label or heading starts in an element's own text (``<b>ОСТАННЄ</b>``, ``<p>РЕКЛАМА</p>``)
        if not could_be_heading(el.text) or not within(el.getparent(), body):
            continue
        found = heading_block(el, body)
        if found:
            removed += _remove_block(*found, body)
        else:
            removed += _remove_label_and_links(el)
    return removed


def could_be_heading(own: str | None) -> bool:
    """Cheap pre-test on an element's own text (``el.text``): could the element be a heading that
    ``strip_boilerplate`` acts on? (Short, and starting like a label, a list heading or the informer.)"""
    if not own or (len(own) > 60 and not own[0].isspace() and not own[-1].isspace()):
        return False  # (most paragraphs: too long, and nothing to strip)
    own = own.strip()
    return bool(own) and len(own) <= 60 and could_start_label(own)


def heading_block(el: etree._Element, body: etree._Element) -> tuple[etree._Element, str] | None:
    """(the element, its visible text) of the heading that ``el`` starts in ``body`` (noise removed),
    when ``strip_boilerplate`` removes it with its block: an ad label, a list heading or the informer's.

    The heading is the outermost element below ``body`` whose whole visible text is that heading, so a
    heading split across elements ("<a>UKR.NET</a>- новини з усієї України") is one. It must stand as
    a block of its own (``_stands_alone``): a label inline in a line of prose, a table cell or an item
    of a list is content.
    """
    found = None
    node, text = el, own_heading(el)
    while text and could_start_label(text):
        if is_boilerplate_heading(text):
            found = node, text
        elif found is not None:
            break  # more than the heading found below
        parent = node.getparent()
        if parent is None or parent is body:
            break
        node, text = parent, own_heading(parent)
    if found is None:
        return None
    if _stands_alone(*found):
        return found
    joined = _completed_by_tail(*found)
    return (found[0], joined) if joined else None


def _completed_by_tail(heading: etree._Element, text: str) -> str | None:
    """The heading an inline element starts and its tail ends, when that line stands alone
    ("<a>UKR.NET</a>- новини з усієї України<ul>…"): the whole line's text, else None."""
    tail = heading.tail
    if not tail or not tail.strip() or _tag(heading) in BLOCK_TAGS:
        return None
    joined = squash(text + tail)
    if len(joined) > 60 or not is_boilerplate_heading(joined) or not _alone_in_line(heading, with_tail=True):
        return None
    return joined


#: block elements: each is a paragraph of its own in the text
BLOCK_TAGS = frozenset(
    {
        "p", "div", "section", "article", "main", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "pre", "table", "thead", "tbody", "tr", "td", "th", "dl", "dt", "dd", "hr", "center", "figure",
    }
)
#: parts of a table or a list: their text is content even when it reads like a label
_ITEM_TAGS = frozenset({"li", "dt", "dd", "tr", "td", "th", "thead", "tbody"})
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def is_own_block(el: etree._Element) -> bool:
    """True if ``el``'s tag makes it a block of its own wherever it stands: a block element that is
    not a part of a table or a list."""
    tag = _tag(el)
    return tag in BLOCK_TAGS and tag not in _ITEM_TAGS


def _stands_alone(heading: etree._Element, text: str) -> bool:
    """Is a heading element (``text``: its visible text) a block of its own? A block element is,
    unless a part of a table or a list; an inline one is when nothing shares its line, or (not an ad
    label) when the rest of its line is links ("<b>Читайте також:</b> <a>...</a>")."""
    if is_own_block(heading):
        return True
    if _tag(heading) in _ITEM_TAGS:
        return False
    if _alone_in_line(heading):
        return True
    parent = heading.getparent()
    rest = len(squash("".join(parent.itertext()))) - len(text)
    return not is_ad_label(text) and _is_listing(parent, heading, rest)


def _alone_in_line(el: etree._Element, with_tail: bool = False) -> bool:
    """True if nothing shares an inline element's line (``with_tail``: nothing but its tail): no
    text around it, and for neighbours block elements or the edges of a block parent."""
    parent = el.getparent()
    before, after = el.getprevious(), el.getnext()
    text_before = before.tail if before is not None else parent.text
    if (text_before and text_before.strip()) or (not with_tail and el.tail and el.tail.strip()):
        return False
    # an inline neighbour that shows nothing (a banner's link once its image is gone) shares no line
    while after is not None and _shows_nothing(after) and _tag(after) not in BLOCK_TAGS:
        after = after.getnext()
    edge = _tag(parent) in BLOCK_TAGS
    return (_tag(before) in BLOCK_TAGS if before is not None else edge) and (
        _tag(after) in BLOCK_TAGS if after is not None else edge
    )


def _shows_nothing(el: etree._Element) -> bool:
    """An element with no text, nor any after it on its line (its tail), nor an image: a reader sees nothing of it."""
    return not (el.tail or "").strip() and el.find(".//img") is None and not "".join(texts(el)).strip()


def strip_noise(parent: etree._Element) -> int:
    """Remove comments and noise elements (by tag, class or id) below ``parent``; don't enter them. An
    embedded social post leaves its words (``post_words``) in its place, a ``<p>`` each."""
    return _strip_where(parent, is_noise_node, comments=True, keep=post_words)


def _strip_where(parent: etree._Element, out, comments: bool = False, keep=None) -> int:
    """Remove the elements below ``parent`` for which ``out(el)`` is true, the outermost of each (not
    entered), and comments and processing instructions if ``comments``; how many elements went.
    ``keep(el)``: paragraphs of a removed element to leave in its place, a ``<p>`` each."""
    removed = 0
    for el in list(parent):
        if not isinstance(el.tag, str):  # comments, processing instructions
            if comments:
                _remove(el)
        elif out(el):
            for text in keep(el) if keep is not None else ():
                p = etree.Element("p")
                p.text = text
                el.addprevious(p)
            _remove(el)
            removed += 1
        elif len(el):
            removed += _strip_where(el, out, comments, keep)
    return removed


def is_noise_node(el: etree._Element) -> bool:
    """What ``strip_boilerplate`` removes before it looks at headings: comments, processing
    instructions and noise elements (by tag, or class or id: noise or an image caption)."""
    tag = el.tag
    if not isinstance(tag, str):
        return True
    tag = tag.lower()
    if tag in NOISE_TAGS:
        if tag == "figure":  # a table (CKEditor) or a quotation (a pull quote) in a figure is text
            return el.find(".//table") is None and not is_quotation(el)
        if tag in _QUOTE_PARTS:  # who said it: a blockquote's footer, a quotation figure's caption
            parent = el.getparent()
            if parent is not None and (_tag(parent) == "blockquote" or (_tag(parent) == "figure" and (
                    is_quotation(parent) or (tag == "figcaption" and _is_table_title(el, parent))))):
                return False
        if tag in _SECTION_PARTS:  # a background box ("Довідка"), a section's heading, a note or a pull quote in the body
            return not (is_background_box(el) or _is_section_part(el))
        return True
    if tag == "blockquote" and is_embedded_post(el):
        return True
    return _marks(el) != 0 or is_hidden_snippet(el)


#: a table's number alone as its caption ("Таблиця 1", "Табл. 2", "Table 3"): a label, not a title
_TABLE_NUMBER_RE = re.compile(r"^(?:таблиця|табл\.|таблица|table)\s*№?\s*\d+\.?$", re.I)


def _is_table_title(caption: etree._Element, figure: etree._Element) -> bool:
    """The caption of a figure that holds a table and no image (CKEditor's ``<figure class="table">``) is the
    table's title, text ("Середні ціни на АЗС, грн/л"), unless it is only the table's number ("Таблиця 1")."""
    return (figure.find(".//table") is not None and figure.find(".//img") is None
            and not _TABLE_NUMBER_RE.match(squash("".join(texts(caption)))))


#: the blocks of a story that a noise node left open by a broken template holds (the HTML parser
#: puts the rest of the body inside it)
_STRAY_TAGS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "table"})


def stray_story(el: etree._Element) -> tuple[etree._Element, list]:
    """The story's blocks that a noise node holds when its end tag is missing, and the node they go
    after: paragraphs a figure holds after its caption (``<figure><img><figcaption>…</figcaption>`` with
    no ``</figure>``), or its caption after the caption's own words (no ``</figcaption>`` either: they go
    after the figure), or an ad block holds after its label and its empty slot (``<div class="advert">
    <span>РЕКЛАМА</span><div id="adpro-1"></div>`` with no ``</div>``); a browser shows them as the
    story's. A native ad's own copy follows its label directly (no empty slot before it), and stays the
    ad's; a caption of paragraphs only (``<figcaption><p>…</p></figcaption>``) stays a caption."""
    tag = _tag(el)
    if tag == "figcaption":
        figure = el.getparent()
        if _tag(figure) != "figure" or not _left_open(figure) or not (el.text or "").strip():
            return el, []
        return figure, [child for child in el if _tag(child) in _STRAY_TAGS]
    if tag == "figure":
        start = el.find("figcaption") if _left_open(el) else None
    elif tag in BLOCK_TAGS and ad_tokens(el):
        start = _empty_slot_after_label(el)
    else:
        return el, []
    if start is None:
        return el, []
    return el, [child for child in start.itersiblings() if _tag(child) in _STRAY_TAGS]


def _left_open(el: etree._Element) -> bool:
    """``el`` may lack its end tag: nothing follows it in its parent (the parent's end closed it)."""
    return all(not isinstance(sibling.tag, str) for sibling in el.itersiblings())


def _empty_slot_after_label(el: etree._Element) -> etree._Element | None:
    """In an ad block: the empty element (the ad's slot) right after its label ("РЕКЛАМА"), else None."""
    label = None
    for child in el:
        if not isinstance(child.tag, str) or _tag(child) in ("script", "noscript", "style"):
            continue
        if label is None:
            if not is_ad_label(squash("".join(texts(child)))):
                return None
            label = child
        else:
            return child if _shows_nothing(child) else None
    return None


#: an inline style that hides the element
_HIDDEN_STYLE_RE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)", re.I)
#: hidden text longer than this is the rest of a story a "read more" button shows, not a snippet
HIDDEN_SNIPPET_MAX = 200


def is_hidden_snippet(el: etree._Element) -> bool:
    """A short text no reader sees: an element with the ``hidden`` attribute or an inline ``display: none`` /
    ``visibility: hidden`` style whose text is under ``HIDDEN_SNIPPET_MAX`` characters (text for search
    engines, a template's fragment). A longer hidden block is kept: the rest of the story behind a "read
    more" button."""
    if el.get("hidden") is None:
        style = el.get("style")
        if not style or not _HIDDEN_STYLE_RE.search(style):
            return False
    return len(squash(" ".join(texts(el)))) < HIDDEN_SNIPPET_MAX


#: the heading a background box starts with ("Довідка", "Довідка Інтерфакс-Україна:", "ДОВІДКА",
#: "Для довідки", "Справка", "Background")
_BACKGROUND_HEADING_RE = re.compile(r"\W*(?:для\s+)?(?:довідк|справк|background\b|fact\s?box)", re.I)


def is_background_box(el: etree._Element) -> bool:
    """An ``<aside>`` holding background facts (headed "Довідка", "Справка", "Background"), which
    a reader sees as part of the article: not noise by its class or id, and mostly not links (an
    aside of links, related items or ads is no background box)."""
    if _marks(el) != 0:
        return False
    first = next((t for t in el.itertext() if t.strip()), "")
    return bool(_BACKGROUND_HEADING_RE.match(first)) and _link_density(el) < 0.5


#: sectioning elements: the page's or the article's header, footer and sidebars, but inside the body
#: container a section's heading, a correction note, a pull quote or a context box (``_is_section_part``)
_SECTION_PARTS = frozenset({"header", "footer", "aside"})
#: elements whose header, footer and asides are the page's or the article's own, not the text's
_PAGE_PARTS = frozenset({"html", "body", "article", "main"})

#: the headings of a part of the text (a section's)
_SUBHEADINGS = ("h2", "h3", "h4", "h5", "h6")


def _is_section_part(el: etree._Element) -> bool:
    """A ``header``, ``footer`` or ``aside`` that is part of the text: inside a block of the body (not a
    child of the page, of the article element or of ``main``: their header, footer and sidebars), not
    noise by its class or id, nor headed as a list, ad or informer ("Читайте також", "Реклама"), no form,
    mostly not links (a list of related items is no part of the text)."""
    parent = el.getparent()
    if parent is None or _tag(parent) in _PAGE_PARTS or _marks(el) != 0:
        return False
    first = next((t for t in el.itertext() if t.strip()), "")
    if is_boilerplate_heading(squash(first)) or any(True for _ in el.iter(_FORM_TAGS)):
        return False
    tag = _tag(el)
    if tag == "footer":  # a note ("Уточнення: …"), not a credit or copyright line
        return holds_content(el)
    if tag == "header" and el.find(".//h1") is None and any(True for _ in el.iter(_SUBHEADINGS)):
        return True  # a section's heading
    return _link_density(el) < 0.5 and (tag == "aside" or holds_content(el))


#: noise tags that are a quotation's attribution inside a blockquote or a quotation figure
_QUOTE_PARTS = frozenset({"footer", "header", "figcaption"})


def is_quotation(figure: etree._Element) -> bool:
    """A figure holding a quotation (a blockquote that is no embedded post nor noise by its class)."""
    if figure.find(".//blockquote") is None:  # (most figures: an image)
        return False
    return any(not is_noise_node(quote) for quote in figure.iter("blockquote"))


#: the link that ends a tweet's embed code ("— Name (@handle) <a href=".../status/1…">June 20, 2025</a>"),
#: or a Telegram post's ("<a href="https://t.me/channel/4012">Переглянути допис у Telegram</a>")
_POST_LINK_RE = re.compile(
    r"^\s*(?:https?:)?//(?:(?:www\.|mobile\.)?(?:twitter|x)\.com/\w+/status(?:es)?/\d|t\.me/(?:s/)?\w+/\d)", re.I)
#: a link to an Instagram post, as its embed code links every piece of itself ("View this post on Instagram")
_INSTAGRAM_POST_RE = re.compile(r"^\s*(?:https?:)?//(?:www\.)?instagram\.com/(?:p|reel|tv)/", re.I)
#: attributes of other networks' embed codes (Instagram, Threads, Telegram)
_POST_ATTRS = ("data-instgrm-permalink", "data-instgrm-version", "data-text-post-permalink", "data-telegram-post")


def is_embedded_post(el: etree._Element) -> bool:
    """A ``blockquote`` that is a social network's embed code even without its class (a CMS that
    strips classes): a tweet's or a Telegram post's ends in a link of its own to the post (nothing
    after it); Instagram's links to the post (also with its attributes stripped); Instagram's,
    Threads' and Telegram's carry their data attributes. A quotation in the text is neither."""
    if any(el.get(attr) is not None for attr in _POST_ATTRS):
        return True
    last = None
    for last in el.iterchildren("a"):
        pass
    if last is not None and not (last.tail or "").strip() and _POST_LINK_RE.match(last.get("href") or ""):
        return True  # (a link the quotation's sentence goes on after is the quotation's own)
    return any(_INSTAGRAM_POST_RE.match(a.get("href") or "") for a in el.iter("a"))


_POST_TOKEN_RE = re.compile(rf"(?:^|[-_])(?:{_POST_TOKENS})(?:$|[-_\d])", re.I)
#: a tweet's link to its picture, shown as "pic.twitter.com/AbC123" at the end of its words
_PIC_LINK_RE = re.compile(r"^\s*(?:https?://)?pic\.(?:twitter|x)\.com/", re.I)
#: elements inside a post's paragraph that show no words (an emoji's image, a script)
_WORDLESS_TAGS = frozenset({"script", "style", "img", "svg", "noscript", "template"})


def post_words(el: etree._Element) -> list[str]:
    """The post's own words that an embedded social post's code shows (``el``: a noise node, a post's
    blockquote, the block around it or a figure holding it): the paragraphs (``<p>``) of a tweet, a
    Facebook or Telegram post (two ``<br>`` end one too), each squashed, without the tweet's "pic.twitter.com/…" link, the widget's chrome ("A post
    shared by …", the author and date line, "View this post on Instagram") left out. A quoted post
    is a quotation, as a blockquote is; [] for any other node, and for a code that shows no words
    (Instagram's, a script or an iframe)."""
    tag = el.tag
    if tag == "figure":  # a post in a figure (WordPress's embed block): the post's words, not the caption
        return [text for quote in el.iter("blockquote") for text in post_words(quote)]
    if tag != "blockquote" and tag != "div":  # (most noise nodes: a script, an image, an ad)
        return []
    cls = el.get("class")
    if not ((cls and _names_post(cls)) or (tag == "blockquote" and is_embedded_post(el))):
        return []
    words = []
    for p in el.iter("p"):
        parts: list[str] = []
        _post_text(p, parts)
        for piece in _POST_PARAGRAPH_RE.split("".join(parts)):  # (two <br> end a paragraph of the post)
            text = xml_safe(squash(piece))
            if text and not is_widget_line(text):
                words.append(text)
    return words


@lru_cache(maxsize=1024)
def _names_post(value: str) -> bool:
    return any(_POST_TOKEN_RE.search(token) for token in value.split())


#: a ``<br>`` in a post's paragraph as ``_post_text`` writes it: a space around a NUL (no parsed text holds
#: one: the encoding middleware strips them; ``squash`` drops it), and where two in a row end a paragraph
_POST_BR = " \x00 "
_POST_PARAGRAPH_RE = re.compile(r"\x00\s*\x00")


def _post_text(el: etree._Element, parts: list[str]) -> None:
    """The words of a post's paragraph: its text, a ``<br>`` a line break (two end a paragraph), no
    picture link, no wordless element."""
    parts.append(el.text or "")
    for child in el:
        tag = _tag(child)
        if tag == "br":
            parts.append(_POST_BR)
        elif tag and tag not in _WORDLESS_TAGS and not (tag == "a" and _PIC_LINK_RE.match("".join(child.itertext()))):
            _post_text(child, parts)
        parts.append(child.tail or "")


def xml_safe(text: str) -> str:
    """``text`` without the characters lxml refuses to store (``strip_boilerplate`` drops them
    from the texts it joins when it removes an element)."""
    return _XML_UNSAFE_RE.sub("", text)


_INFORMER_KEY = "UKR.NET"
#: every start of a label, list heading or tag label, in comparison form (``_key``)
_LABEL_PREFIXES = frozenset(
    key[:n].rstrip(" :.…-–—") for key in AD_LABELS | LIST_HEADINGS | _TAG_KEYS | {_INFORMER_KEY} for n in range(1, len(key) + 1)
)


def could_start_label(text: str) -> bool:
    """Cheap pre-check on an element's own leading text: could the element's whole visible text
    (which starts with it) be a label, a list heading or the informer's heading?"""
    key = _key(text)
    return key in _LABEL_PREFIXES or key.startswith(_INFORMER_KEY)


def _remove_block(heading: etree._Element, text: str, body: etree._Element) -> int:
    """Remove what a boilerplate heading (``text``: its visible text) introduces.

    The heading's container goes when the container holds nothing but the heading and links (a
    wrapped list) or, for an ad label, when it is the label's own small ad block (``_is_ad_block``);
    otherwise the heading goes with the link lists that follow it (after the informer's heading, a
    list whose links all go to ukr.net is one, whatever its link density).
    """
    ad, informer = is_ad_label(text), is_informer_heading(text)
    block = heading
    while block.getparent() is not None and block.getparent() is not body:
        parent = block.getparent()
        rest = len(squash("".join(parent.itertext()))) - len(text)
        if ad and _is_ad_block(parent, block, heading, rest, body):
            block = parent
        elif not ad and (_is_listing(parent, heading, rest) or _opens_item_list(parent, block)):
            block = parent
        else:
            break
    removed = 1
    copy = ad_copy_after(block) if ad and block is heading else None
    if copy is not None and not (block.tail or "").strip():
        _remove(copy)
        removed += 1
    if block is heading and block.tail and text != own_heading(heading):
        block.tail = None  # the heading's line ends in its tail ("<a>UKR.NET</a>- новини з усієї України")
    if not ad:
        sibling = block.getnext()
        while sibling is not None and isinstance(sibling.tag, str) and (
            _is_link_list(sibling) or informer and _tag(sibling) in ("ul", "ol") and _ukrnet_links(sibling)
        ):
            nxt = sibling.getnext()
            _remove(sibling)
            removed += 1
            sibling = nxt
    _remove(block)
    return removed


def ad_copy_after(label: etree._Element) -> etree._Element | None:
    """The paragraph or block right after a bare ad label (noise nodes aside) when it is only links:
    the ad's copy or banner ("<p>Реклама</p><p><a href=…>Купуйте меблі…</a></p>"); for a label that is a
    list's item, the next item ("<li>Реклама</li><li><a href=…>Купуйте квартиру…</a></li>"); else None. A
    section heading (``<h3>Реклама</h3>``) introduces text, not an ad."""
    tag = _tag(label)
    if tag in _HEADING_TAGS or not (tag == "li" or is_own_block(label)):
        return None
    return _links_after(label, ("li",) if tag == "li" else ("p", "div"))


def _links_after(label: etree._Element, kinds: tuple[str, ...]) -> etree._Element | None:
    """The element right after ``label`` (noise nodes aside) when it is one of ``kinds`` (tags) and only
    links (``_is_link_list``), else None."""
    after = label.getnext()
    while after is not None and is_noise_node(after) and not post_words(after):  # (a post's words stay: not skipped)
        after = after.getnext()
    return after if after is not None and _tag(after) in kinds and _is_link_list(after) else None


def _remove_label_and_links(el: etree._Element) -> int:
    """Remove a bare label that no heading block takes, with the links right after it that are its own: an ad
    label as a list's item with its ad copy, the next item; a tag label ("<p>Теги:</p>") with the block of
    tag links after it. How many elements went (none: another label, or nothing of links after it)."""
    tag = _tag(el)
    if tag == "li":
        text = own_heading(el)
        links = ad_copy_after(el) if text and is_ad_label(text) else None
    elif is_own_block(el):
        text = own_heading(el)
        links = _links_after(el, ("p", "div", "ul", "ol")) if text and is_tag_label(text) else None
    else:
        return 0
    if links is None:
        return 0
    _remove(links)
    _remove(el)
    return 2


#: text an ad block may hold besides its label: an ad line or two
_AD_COPY_LENGTH = 300
#: text the body must hold outside an ad block, so that the block is not the article's (a short paragraph)
_TEXT_OUTSIDE_AD_BLOCK = 40


def _is_ad_block(
    el: etree._Element, branch: etree._Element, label: etree._Element, rest: int, body: etree._Element
) -> bool:
    """Is ``el`` (not the body; ``branch``, its child, holds the ad ``label``) the label's own ad block,
    to be removed with it? A table cell or list item is content, and a section heading
    (``<h3>Реклама</h3>``) never takes its section with it; else a block with nothing besides the
    label is, and so is a small, separate one: ``rest`` (its text besides the label's) at most an ad
    line or two, at most one paragraph of prose besides the label, and text of the body's own outside it."""
    if _tag(el) in _ITEM_TAGS or (rest > 0 and _tag(label) in _HEADING_TAGS):
        return False
    if rest <= 0:
        return True
    if rest > _AD_COPY_LENGTH or _prose_paragraphs(el, branch) > 1:
        return False
    outside = len(squash("".join(body.itertext()))) - len(squash("".join(el.itertext())))
    return outside >= _TEXT_OUTSIDE_AD_BLOCK


def _prose_paragraphs(el: etree._Element, skip: etree._Element) -> int:
    """How many paragraphs of prose (text that is not mostly links) ``el`` holds outside ``skip``:
    its block children, and its loose text (its own, its inline children's) as one."""
    count = 0
    loose = [el.text or ""]
    for child in el:
        if child is not skip and isinstance(child.tag, str):
            if _tag(child) in BLOCK_TAGS:
                if _link_density(child) < 0.6:
                    count += 1
            elif _tag(child) != "a":
                loose.append(_text_outside_links(child, None))
        loose.append(child.tail or "")
    return count + bool("".join(loose).strip())


def _is_listing(el: etree._Element, heading: etree._Element, text: int) -> bool:
    """True if ``el``'s text besides the heading's (``text`` characters) is a list of links: 60% link
    text or more (links in the heading aside), or nothing but links and site dates and times."""
    if text <= 0:
        return True
    linked = sum(len(squash("".join(a.itertext()))) for a in el.iter("a") if not within(a, heading))
    return linked / text >= 0.6 or _only_times_besides_links(el, heading)


#: the longest line an item of a list shows without a link (a time and a headline)
_ITEM_LINE_LENGTH = 160


def _opens_item_list(el: etree._Element, heading: etree._Element) -> bool:
    """True if ``el`` is a list that its heading opens, its items plain lines: ``heading`` (the branch that
    holds the list heading) is its first child, and every block after it is an item (or a ``ul``/``ol``
    of them), a short line that does not end as a sentence ends: a time and a headline, or a headline
    ("22:10 Внаслідок обстрілу …", "Новина партнера про політику"). Prose under a subheading "Останнє"
    (sentences, or anything besides blocks) is text."""
    if (el.text or "").strip() or el[0] is not heading or len(el) < 2:
        return False
    for child in el[1:]:
        if not isinstance(child.tag, str) or (child.tail or "").strip():
            return False
        items = child if _tag(child) in ("ul", "ol") else (child,)
        if not all(_tag(item) in ("p", "div", "li") and _is_item_line(item) for item in items):
            return False
    return True


def _is_item_line(el: etree._Element) -> bool:
    """A list item's line: short text that is not a sentence (a headline, a time before it)."""
    text = squash("".join(texts(el)))
    return 0 < len(text) <= _ITEM_LINE_LENGTH and not text.endswith(_SENTENCE_END)


_UKRNET_HREF_RE = re.compile(r"^\s*(?:https?:)?//(?:[\w-]+\.)*ukr\.net(?:[/:?#]|\s*$)", re.I)


def _ukrnet_links(el: etree._Element) -> bool:
    """True if ``el`` has links and every one goes to ukr.net (the informer's items)."""
    hrefs = [a.get("href") for a in el.iter("a")]
    return bool(hrefs) and all(map(is_informer_href, hrefs))


def is_informer_href(href: str | None) -> bool:
    """A link to ukr.net: the informer's."""
    return bool(href) and "ukr.net" in href.lower() and bool(_UKRNET_HREF_RE.match(href))


def has_informer_link(el: etree._Element) -> bool:
    """True if a link below ``el`` goes to ukr.net outside the noise nodes (an informer with its class
    is one): a cheap test before looking for the informer's blocks."""
    return any(is_informer_href(a.get("href")) and not _under_noise(a, el) for a in el.iter("a"))


#: a share widget's link: a network's "share" address ("facebook.com/sharer/…", "t.me/share/url?…",
#: "twitter.com/intent/tweet?…", "viber://forward?…", LinkedIn's "shareArticle")
_SHARE_HREF_RE = re.compile(
    r"facebook\.com/shar(?:er|e\.php)|(?:t|telegram)\.me/share|(?:twitter|x)\.com/(?:intent/|share)|viber://forward"
    r"|whatsapp://send|api\.whatsapp\.com/send|wa\.me/\?|linkedin\.com/(?:share|cws/share)|reddit\.com/submit"
    r"|pinterest\.com/pin/create|vk\.com/share\.php|connect\.ok\.ru/offer",
    re.I,
)
#: the longest text of a share widget's link ("Поділитися у Facebook"); a longer one is a quotation to share
_SHARE_LINK_LENGTH = 40


def is_share_href(href: str | None) -> bool:
    """A link to a network's share address: a share widget's button."""
    return bool(href) and href[0] != "/" and _may_be_share_href(href) and _SHARE_HREF_RE.search(href) is not None


def _may_be_share_href(href: str) -> bool:
    """A cheap pre-test of ``is_share_href``: a word every share address holds (substring searches, ~0.2 µs;
    the pattern takes ~10 µs a link)."""
    return "shar" in href or "intent/" in href or "forward" in href or "send" in href or "submit" in href \
        or "pin/create" in href or "offer" in href or "wa.me/" in href


def _strip_share_lines(body: etree._Element) -> int:
    """Remove the lines below ``body`` made only of share links (``is_share_href``), whatever their words
    ("Поділитися у Facebook Поділитися в Telegram"), with at most share words and punctuation besides them;
    how many lines went. A line with words of its own, or a long linked quotation to share, is text."""
    removed = 0
    for a in [a for a in body.iter("a") if is_share_href(a.get("href"))]:
        line = a.getparent()
        while line is not None and line is not body and _tag(line) not in BLOCK_TAGS:
            line = line.getparent()
        if line is not None and line is not body and within(line, body) and _only_share_links(line):
            _remove(line)
            removed += 1
    return removed


def _only_share_links(el: etree._Element) -> bool:
    """``el`` holds share links only, short ones, and at most share words and punctuation besides them."""
    if not all(is_share_href(a.get("href")) and len(squash("".join(texts(a)))) <= _SHARE_LINK_LENGTH for a in el.iter("a")):
        return False
    key = _key(_text_outside_links(el, None))
    return not key or _SHARE_LINE_RE.match(key) is not None


def _under_noise(el: etree._Element, top: etree._Element) -> bool:
    """``el`` or an element between it and ``top`` is a noise node."""
    while el is not None and el is not top:
        if is_noise_node(el):
            return True
        el = el.getparent()
    return False


def is_informer_block(el: etree._Element) -> bool:
    """The UKR.NET informer without a heading a reader sees (its logo an image): a list of two links or
    more, every one to ukr.net, with nothing but times besides them. A sentence that links to ukr.net,
    or a list of one such link, is text. Also such a list in a container with a heading of its own words
    and nothing else ("Новини партнерів", a logo and "Новини з усієї України")."""
    if not _ukrnet_links(el) or sum(1 for _ in el.iter("a")) < 2:
        return False
    if _is_link_list(el):
        return True
    if _tag(el) not in ("div", "section", "aside") or (el.text or "").strip():
        return False
    children = [child for child in el if isinstance(child.tag, str)]
    lists = [child for child in children if is_informer_block(child)]
    return len(lists) == 1 and all(child in lists or _short_heading(child) for child in children) \
        and not any((child.tail or "").strip() for child in children)


def _strip_informers(body: etree._Element) -> int:
    """Remove the UKR.NET informer's blocks below ``body`` (``is_informer_block``), each with the heading
    just before it when it is one (``h2``-``h6``, or an element whose class names a heading or title:
    "Новини партнерів" above the list); how many elements went."""
    blocks: list = []

    def find(parent):
        for el in parent:
            if isinstance(el.tag, str):
                if is_informer_block(el):
                    blocks.append(el)
                elif len(el):
                    find(el)

    find(body)
    removed = 0
    for block in blocks:
        before = block.getprevious()
        if before is not None and isinstance(before.tag, str) and not (before.tail or "").strip() and _short_heading(before) \
                and (_tag(before) in ("h2", "h3", "h4", "h5", "h6") or class_words(before.get("class")) & {"head", "heading", "title"}):
            _remove(before)
            removed += 1
        _remove(block)
        removed += 1
    return removed


def _short_heading(el: etree._Element) -> bool:
    """``el`` reads as a heading: a few words (at most 8, 60 characters), no sentence's end, no link but to ukr.net."""
    text = squash(" ".join(texts(el)))
    return len(text) <= 60 and len(text.split()) <= 8 and not text.endswith((".", "!", "?")) \
        and all(is_informer_href(a.get("href")) for a in el.iter("a"))


def class_words(value: str | None) -> set[str]:
    """The words of a class attribute's names, lower-cased ("article-lead news__Intro" -> {"article", "lead", "news", "intro"})."""
    return {word for token in (value or "").lower().split() for word in re.split(r"[-_]+", token) if word}




def within(el: etree._Element, ancestor: etree._Element) -> bool:
    """``el`` is ``ancestor`` or below it."""
    node = el
    while node is not None:
        if node is ancestor:
            return True
        node = node.getparent()
    return False


def _is_link_list(el: etree._Element) -> bool:
    """A list that follows a list heading: links with at most site dates and times beside them, or a
    ``ul``/``ol`` mostly of links. A paragraph or block with words of its own besides its links is
    text ("<a>Президент України</a> підписав закон."), however much of it is linked."""
    tag = _tag(el)
    if tag not in ("ul", "ol", "div", "section", "p", "li") or not any(True for _ in el.iter("a")):
        return False
    return _only_times_besides_links(el) or (tag in ("ul", "ol") and _link_density(el) >= 0.6)


#: a site date or time as list items show it beside their links ("10:05 21.01.2025", "18:05, 10.04.2025")
_LISTED_TIME_RE = re.compile(r"\d{1,2}:\d{2}(?:\s*,?\s*\d{1,2}\.\d{1,2}\.\d{4})?|\d{1,2}\.\d{1,2}\.\d{4}(?:\s*,?\s*\d{1,2}:\d{2})?")
_PUNCTUATION_RE = re.compile(r"[\W_]*")
#: an ISO date and time as a page may show it ("2025-06-13 22:10", "2025-06-13T22:10:00")
_ISO_DATETIME_RE = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?")
_YEAR_RE = re.compile(r"\d{4}")


def is_day_word_time(text: str) -> bool:
    """The text is a day word and a time, nothing else ("Вчора 21:32", "Сьогодні, 11:59")."""
    return bool(text) and text[0] in dates.DAY_WORD_FIRST and dates.DAY_WORD_TIME_RE.fullmatch(text) is not None


def is_dateline(text: str) -> bool:
    """A short line that is only a date with its time ("21:32 11.04.2025", "2025-06-13 22:10",
    "11 квітня 2025 р., 21:32", "Вчора 21:32"): the article's header, not its text (a date alone may
    head a chronology's entry, and a sentence with a date is text)."""
    if is_day_word_time(text):
        return True
    if len(text) > 40 or not text[:1].isdigit() or ":" not in text or not _YEAR_RE.search(text):
        return False
    rest = _LISTED_TIME_RE.sub("", _ISO_DATETIME_RE.sub("", dates.DAY_MONTH_YEAR_RE.sub("", text)))
    return len(rest) < len(text) - 8 and bool(_PUNCTUATION_RE.fullmatch(rest.replace("р.", "")))


def _only_times_besides_links(el: etree._Element, skip: etree._Element | None = None) -> bool:
    """True if ``el``'s text outside its links (and outside ``skip``) is only site dates and times
    and punctuation: an item "10:05 21.01.2025 <a>Заголовок</a>", whatever its link density."""
    outside = _text_outside_links(el, skip)
    return bool(_PUNCTUATION_RE.fullmatch(_LISTED_TIME_RE.sub("", outside)))


def _text_outside_links(el: etree._Element, skip: etree._Element | None) -> str:
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child is not skip and _tag(child) != "a":
            parts.append(_text_outside_links(child, skip))
        parts.append(child.tail or "")
    return "".join(parts)


# ---------------------------------------------------------------- lines

#: a placeholder a script replaces ("Завантаження...", "Завантажується…", "Loading…", "Зачекайте, будь ласка...")
_PLACEHOLDER_RE = re.compile(
    r"^(?:загрузка|загружается|завантаження|завантажується|loading|зачекайте|подождите|please wait)"
    r"(?:,?\s*(?:будь ласка|пожалуйста))?\s*(?:\.{1,3}|…)?$", re.I
)
#: a number of minutes as a reading time shows it ("3 хв", "~6 хвилин", "менше 1 хв", "less than 1 min")
_MINUTES = r"~?\s*(?:(?:менше|меньше|менее|less than|under|<)\s*)?\d{1,3}\s*(?:хв|хвилин[аиу]?|мин|минут[аы]?|min|mins|minutes?)\.?"
_READING_TIME_RE = re.compile(
    rf"^(?:{_MINUTES}\s*(?:на\s+)?(?:читати|читання|прочитання|чтения|читать|прочтения|чтение|read)"
    # the label first: "Час читання: 3 хв", "Час прочитання: 3 хв", "Время чтения: 2 мин", "Reading time: 1 min", "Читати 4 хв"
    r"|(?:час (?:на )?(?:про)?читання|время (?:на )?(?:прочтени[ея]|чтени[ея])|reading time|читати|читать|read)\s*:?\s*"
    rf"{_MINUTES})$",
    re.I,
)
#: minutes alone, in an element a reading-time class names ("<span class="reading-time"><i></i> 3 хв</span>")
_MINUTES_RE = re.compile(rf"^{_MINUTES}$", re.I)
TAG_LINE_RE = re.compile(r"^(?:%s)\s*:" % "|".join(TAG_LABELS), re.I)
#: a credit line without a colon, a few words: "Фото надано пресслужбою Мінекономіки", an agency's name in
#: capitals or Latin letters after "Фото" ("Фото УНІАН", "Фото Reuters"; "Фото Зеленського" is no credit),
#: "© Суспільне"; the ``credit`` group is the name
_BARE_CREDIT_RE = re.compile(
    r"^(?:(?:фото|світлини|фотографії)\s+(?:надан[оаі]|надали)\s+"
    r"|(?:фото|photo)\s+(?=(?-i:[A-Z]|[А-ЯІЇЄҐ]{2,}(?![а-яіїєґ'’])))|©\s*)"
    r"(?P<credit>(?:[^\s.!?:]+\s*){1,6}?)\.?$",
    re.I,
)
#: the labels of a credit line with a colon: a photo's, its source's or author's, a collage's or an illustration's
#: ("Колаж: Інтерфакс-Україна", "Ілюстративне фото: Depositphotos")
CREDIT_LABELS = (r"(?:автор|автори)\s+(?:фото|світлин\w*)|фото(?:\s*/\s*(?:відео|video)|\s+(?:і|та)\s+відео)?|photo(?:\s*/\s*video)?"
                 r"|джерело фото|(?:фото)?кол+аж|collage|ілюстрація|иллюстрация|illustration|ілюстративне фото"
                 r"|иллюстративное фото|illustrative photo|фото ілюстративне")
_CREDIT_RE = re.compile(rf"^(?:{CREDIT_LABELS})\s*:\s*\S|{_BARE_CREDIT_RE.pattern}", re.I)
#: a short credit line written with a dash ("Фото – Офіс президента"); "Фото-звіт" is not one
_CREDIT_DASH_RE = re.compile(r"^(?:фото|photo)\s+[–—-]\s*\S", re.I)
#: the first letters a photo note starts with (a cheap test before ``_PHOTO_NOTE_RE``)
_PHOTO_NOTE_FIRST = frozenset("ФфІіИиPpIi(")
#: the first letters a credit line starts with (a cheap test before ``_CREDIT_RE``)
_CREDIT_FIRST = frozenset("ФфPpДдАаСсКкІіИиIi")
#: how far into a line a credit label's colon is at most ("Иллюстративное фото:"), and the first letters of a
#: credit line without one ("Фото – ДСНС"): cheap tests before ``sentence_after_credit``
_CREDIT_LABEL_SPAN = 24
_DASH_CREDIT_FIRST = frozenset("ФфPp")
#: where a credit that opens a line ends: a full stop before a capital ("Фото: Reuters. Дональд …");
#: an initial ("О. Петренко") is not an end: two letters before the stop
CREDIT_END_RE = re.compile(r"(?<=[^\W\d_]{2})\.\s+(?=[«\"A-ZА-ЯІЇЄҐЁ])")
#: words a sentence after a credit has at least, and how it ends (a caption after a credit has no full stop)
_SENTENCE_MIN_WORDS = 4
_SENTENCE_END = (".", "!", "?", "…", ".»", '."')


def reads_as_sentence(text: str) -> bool:
    """Does ``text`` (squashed) read as a sentence: a few words that end as a sentence ends?"""
    return text.endswith(_SENTENCE_END) and len(text.split()) >= _SENTENCE_MIN_WORDS


#: a word that starts lower-case (not a name, an abbreviation, a number): prose has several, whatever its
#: last character; a caption ("Дональд Трамп у Білому домі"), a dateline, a label or an event's time few
_LOWER_WORD_RE = re.compile(r"(?<![\w'’-])[a-zа-яіїєґё][\w'’-]+")
_PROSE_MIN_WORDS = 5


def reads_as_prose(text: str) -> bool:
    """Does ``text`` (squashed) read as prose: a sentence, or one whatever its last character (a colon before
    a quotation or a list, "(відео)", no full stop): five words or more that start lower-case?"""
    return reads_as_sentence(text) or (  # (the first five such words only: a long paragraph is not read to its end)
        text.count(" ") >= _PROSE_MIN_WORDS
        and sum(1 for _ in islice(_LOWER_WORD_RE.finditer(text), _PROSE_MIN_WORDS)) == _PROSE_MIN_WORDS)


#: what a CMS prints in place of an article's body: a PHP message (with its "on line N"), a database error,
#: placeholder Latin
_STAND_IN_TEXT_RE = re.compile(
    r"(?:PHP )?(?:Warning|Notice|Deprecated|(?:Catchable )?Fatal error|Parse error)\s*:.*?\bon line \d+"
    r"|Error establishing a database connection|SQLSTATE\[|mysqli?_(?:real_)?connect\(|(?:database|db|mysql) (?:connection )?error\W*$"
    r"|Lorem ipsum dolor sit amet\b",
    re.I | re.S,
)
#: the longest text that may be such a message alone
_STAND_IN_MAX = 1000
_CYRILLIC_LETTER_RE = re.compile("[\u0400-\u04ff]")


def stand_in_text(text: str) -> str | None:
    """The start of an article's text (cleaned) that is only what a CMS printed in place of its body: a PHP
    warning ("Warning: include(...): failed to open stream ... on line 88"), a database error ("Error
    establishing a database connection"), a template's "Lorem ipsum dolor sit amet ..."; else None. Only a
    short text that starts so and holds no Cyrillic letter: an article that quotes or reports such a message is text."""
    if len(text) > _STAND_IN_MAX or not _STAND_IN_TEXT_RE.match(text) or _CYRILLIC_LETTER_RE.search(text):
        return None
    return text[:80]


#: a word of two letters or more (not a number, an initial, "р." of a date)
_LETTER_WORD_RE = re.compile(r"[^\W\d_]{2,}")


def reads_as_lead(text: str) -> bool:
    """Could a paragraph (squashed) be the article's lead: a sentence of words, not a dateline
    ("КИЇВ. 14 лютого. ІНТЕРФАКС-УКРАЇНА"), a label ("ОНОВЛЕНО") or an event's time ("Дата: 3 березня 2026 р.")?
    Prose is one whatever its last character ("… заявив журналістам:", "… центр протезування (відео)")."""
    if _SHORT_SENTENCE_RE.fullmatch(text) is not None:
        return True
    return reads_as_prose(text) and (len(text) > _LEAD_SURE or len(_LETTER_WORD_RE.findall(text)) >= _SENTENCE_MIN_WORDS)


#: a short sentence, under the word minimum of ``reads_as_sentence`` ("Уряд ухвалив закон.", "Тривога скасована!"): a
#: capitalised word, then words of letters only that start lower-case, the end of a sentence. A name with its full stop
#: ("Олена Петренко."), a label ("ОНОВЛЕНО.") or a dateline ("КИЇВ. 14 лютого.") is none
_WORD_LETTERS = r"[^\W\d_]*(?:['’-][^\W\d_]+)*"
_SHORT_SENTENCE_RE = re.compile(
    rf"[A-ZА-ЯІЇЄҐЁ]{_WORD_LETTERS},?(?: [a-zа-яіїєґё]{_WORD_LETTERS},?)+(?:[.!?…]|\.»|\.\")")


#: a sentence this long is a lead (no dateline, label or event time is: most leads are told by their length alone)
_LEAD_SURE = 80


#: a token with no letter or digit in it (a dash between words, a bullet)
_WORDLESS_TOKEN_RE = re.compile(r" (?:[^\w\s]|_)+(?= |$)")  # (a space first: a fast literal search)


def count_words(paragraph: str) -> int:
    """The words of a squashed paragraph (single spaces): its tokens that hold a letter or digit
    ("–" between two words is none)."""
    return paragraph.count(" ") + 1 - len(_WORDLESS_TOKEN_RE.findall(" " + paragraph)) if paragraph else 0


def bare_credit(text: str) -> str | None:
    """The name a credit line without a colon gives ("Фото УНІАН", "Фото надано пресслужбою ОП", "© Суспільне"), else None."""
    m = _BARE_CREDIT_RE.match(text)
    return m.group("credit").strip() if m else None


#: a sentence about a photo after "Фото:" ("Фото: на одному з фейкових знімків зображено зруйнований міст, …,
#: зазначили в поліції."): lower-case after the colon, ten words or more, ending as a sentence ends; a credit is a
#: name ("Фото: пресслужба ОВА")
_PHOTO_SENTENCE_RE = re.compile(r"^(?:фото|photo)\s*:\s*(?-i:[a-zа-яіїєґ])", re.I)
_PHOTO_SENTENCE_MIN_SPACES = 10


def is_photo_sentence(text: str) -> bool:
    """Is ``text`` (squashed) a sentence about a photo that opens with "Фото:", text, not a credit?"""
    return (text.count(" ") >= _PHOTO_SENTENCE_MIN_SPACES and text.endswith(_SENTENCE_END)
            and _PHOTO_SENTENCE_RE.match(text) is not None)


def _is_labelled_line(text: str) -> bool:
    """A tag line, a photo credit or a cross-link line (not a sentence about a photo); ``text`` squashed, not empty."""
    return text[0] in _LABELLED_FIRST and _LABELLED_LINE_RE.match(text) is not None and not is_photo_sentence(text)


def text_before_credit(text: str) -> str | None:
    """The sentence a photo credit ends ("Сторони обговорили посилення ППО. Фото: МЗС України", also prose
    without its full stop: the credit is not text), else None (a caption with its credit, "Школа в Харкові. Фото: ОВА", is no sentence)."""
    m = CAPTION_CREDIT_RE.search(text)
    if m is None or m.start() == 0:
        return None
    before = text[: m.start() + 1].rstrip() if text[m.start()] == "." else text[: m.start()]
    return before if reads_as_prose(before) else None


def sentence_after_credit(text: str) -> str | None:
    """The sentence a credit line goes on with ("Фото: ДСНС. Рятувальники ліквідували пожежу.", also
    "Фото – ДСНС. …", and prose without its full stop), which is text; None when the line is a credit alone or
    a credit and a caption ("Фото: Reuters. Дональд Трамп у Білому домі")."""
    if not (_CREDIT_RE.match(text) or _CREDIT_DASH_RE.match(text)):
        return None
    end = CREDIT_END_RE.search(text)
    rest = text[end.end():].strip() if end else ""
    return rest if reads_as_prose(rest) else None


#: a source line ("Джерело: <url>"), kept as text but a line of its own
_SOURCE_LINE_RE = re.compile(r"^(?:джерело|источник|source)\s*:", re.I)
#: the first letters of a line that ``opens_labelled_line`` may be true of (a cheap pre-test)
_LABELLED_FIRST = frozenset("ФфДдТтМмЧчСсИиКкІіАа" "PpTtRrSsCcIi©")  # Cyrillic, then Latin


def opens_labelled_line(text: str) -> bool:
    """Does ``text`` (squashed) open a line of its own kind: a photo credit, a tag line, a
    "Читайте також:" cross-link or a "Джерело:" source line? Old pages set such a line off from the
    text by one ``<br>`` only ("Фото: УНІАН<br>КИЇВ. 29 березня. …"), which is a line break, not a
    space, there."""
    return bool(text) and text[0] in _LABELLED_FIRST and bool(
        _is_labelled_line(text) or _CREDIT_DASH_RE.match(text) or _SOURCE_LINE_RE.match(text))


#: a note under a photo that says what it is or where it is from, without a credit's colon ("Фото
#: ілюстративне", "Ілюстративне фото", "Фото з відкритих джерел"): the image's, not the text's
_PHOTO_NOTE_RE = re.compile(
    r"^\(?\s*(?:(?:фото|photo)\s+(?:ілюстративне|ілюстративного характеру|для ілюстрації|з відкритих джерел|із відкритих джерел|"
    r"з соцмереж|із соцмереж|з соціальних мереж|иллюстративное|для иллюстрации|из открытых источников|из соцсетей|"
    r"illustrative|for illustration)|ілюстративне фото|иллюстративное фото|illustrative photo)\W*$",
    re.I,
)
#: a line of hashtags only ("#Львів #реабілітація"): a tag line without its label
_HASHTAG_LINE_RE = re.compile(r"^#[^\W_][\w'’-]*(?:[\s,;]+#[^\W_][\w'’-]*)*$")


#: a cross-link line: "Читайте також: <title>", also set off by a dash or arrows ("Читайте також – …",
#: "ЧИТАЙТЕ ТАКОЖ >> …"); a label inside a sentence is text
_READ_ALSO_RE = re.compile(
    r"^(?:читайте також|дивіться також|читайте также|смотрите также|read also|see also)\s*(?::|[–—-]\s|>>|»|→)", re.I)
#: a tag line, a photo credit or a cross-link line (one match for all, on long paragraphs)
_LABELLED_LINE_RE = re.compile(f"{TAG_LINE_RE.pattern}|{_CREDIT_RE.pattern}|{_READ_ALSO_RE.pattern}", re.I)
#: the agency's sign-off at the end of a text ("Інтерфакс-Україна"), in comparison form
_SIGN_OFFS = frozenset({"ІНТЕРФАКС-УКРАЇНА", "ИНТЕРФАКС-УКРАИНА", "INTERFAX-UKRAINE", "ІНТЕРФАКС", "ИНТЕРФАКС", "INTERFAX"})
#: the agency's name at a line's start or end, with a separator ("Інтерфакс-Україна 21:59 11.04.2025",
#: "21:59 11.04.2025 | Інтерфакс-Україна": a redesign's header line)
_AGENCY_EDGE_RE = re.compile(
    r"^(?:{0})\s*[,|·•–—-]?\s*|\s*[,|·•–—-]?\s*(?:{0})$".format("|".join(map(re.escape, sorted(_SIGN_OFFS, key=len, reverse=True)))),
    re.I)
#: a sponsored article's disclosure line ("На правах реклами"), in comparison form: a label of the
#: article, not its text (the article is kept; a sentence about advertising is text)
_SPONSOR_LINES = frozenset(
    {"НА ПРАВАХ РЕКЛАМИ", "НА ПРАВАХ РЕКЛАМЫ", "МАТЕРІАЛ НА ПРАВАХ РЕКЛАМИ", "МАТЕРИАЛ НА ПРАВАХ РЕКЛАМЫ",
     "СПОНСОРСЬКИЙ МАТЕРІАЛ", "СПОНСОРСКИЙ МАТЕРИАЛ", "ПАРТНЕРСКИЙ МАТЕРИАЛ", "SPONSORED CONTENT", "PARTNER CONTENT"}
)
#: a photo gallery's or a video's own label ("Фотогалерея" above the thumbnails, "Відео" above an
#: embed), in comparison form: the widget's, not the text's (a sentence naming a gallery is text)
_MEDIA_LABELS = frozenset(
    {"ФОТОГАЛЕРЕЯ", "ФОТОРЕПОРТАЖ", "ГАЛЕРЕЯ", "ФОТО", "ВІДЕО", "ВИДЕО", "ФОТО ТА ВІДЕО", "ФОТО І ВІДЕО", "ФОТО И ВИДЕО",
     "PHOTO GALLERY", "PHOTOGALLERY", "GALLERY", "PHOTO", "PHOTOS", "VIDEO",
     # an embedded video's call to watch it, an infographic's label (the text is in the image)
     "ДИВІТЬСЯ ВІДЕО", "ДИВІТЬСЯ ВІДЕО НИЖЧЕ", "ДИВИТИСЯ ВІДЕО", "СМОТРИТЕ ВИДЕО", "WATCH THE VIDEO", "WATCH VIDEO",
     "ІНФОГРАФІКА", "ИНФОГРАФИКА", "INFOGRAPHIC", "INFOGRAPHICS"}
)


def is_media_label(text: str) -> bool:
    """A gallery's, video's or infographic's own label ("Фотогалерея", "(Інфографіка)"): the widget's, not text."""
    return len(text) <= 40 and _key(text).strip("()") in _MEDIA_LABELS


#: lines that are only a label in brackets or without: the sign-off, a sponsor disclosure, a gallery's label
_LABEL_LINES = _SIGN_OFFS | _SPONSOR_LINES | _MEDIA_LABELS
_SHARE_WORDS = frozenset(
    {
        "ПОДІЛИТИСЯ", "ПОДЕЛИТЬСЯ", "SHARE", "FACEBOOK", "TELEGRAM", "TWITTER", "X", "VIBER", "WHATSAPP",
        "LINKEDIN", "EMAIL", "E-MAIL", "КОПІЮВАТИ ПОСИЛАННЯ", "КОПИРОВАТЬ ССЫЛКУ", "COPY LINK", "ДРУК", "PRINT",
        "ПОДІЛИТИСЬ", "ПОДІЛІТЬСЯ", "ПОШИРИТИ", "ПОДЕЛИТЕСЬ", "РОЗШАРИТИ",
    }
)
_SHARE_WORD_ALTERNATIVES = "|".join(map(re.escape, sorted(_SHARE_WORDS, key=len, reverse=True)))
#: a line made only of share words and punctuation ("Поділитися: Facebook Telegram"), also glued
#: together as a widget's adjacent buttons read ("ПоділитисяFacebookTelegram"); "Telegram-канал" is text
_SHARE_LINE_RE = re.compile(r"^[\W_]*(?:(?:%s)(?!-)[\W_]*)+$" % _SHARE_WORD_ALTERNATIVES, re.I)
#: the same, with the counters a widget's buttons may show ("Facebook 12 Telegram 3"); a line with
#: numbers is a widget only with two share words at least ("Telegram 35%" alone may be text)
_SHARE_COUNTED_RE = re.compile(
    r"^[\W_]*(?:(?:%s)(?!-)[\W_]*(?:\d+(?:[.,]\d+)?\s*(?:[KM]|К|М|ТИС|ТЫС)?(?!\w)[\W_]*)*)+$" % _SHARE_WORD_ALTERNATIVES, re.I
)
_SHARE_WORD_RE = re.compile(r"(?:%s)(?!-)" % _SHARE_WORD_ALTERNATIVES, re.I)
#: a promotion of the agency's channels ("Підписуйтесь на канал Інтерфакс-Україна в Telegram", "Читайте
#: нас у Viber"): a line that starts by asking to subscribe or follow and names a network or messenger
#: (a line that opens with a quotation mark is someone's words: «Стежте за оновленнями в Telegram-каналі ОВА», - написав ...)
_SUBSCRIBE_START_RE = re.compile(
    r"^[^\w«„“\"]*(?:підписуйт|підписуйс|підпишіт|підпишис|приєднуйт|приєднуйс|долучайт|долучайс|слідкуйте|стежте|читайте нас|"
    r"дивіться нас|шукайте нас|подписывайт|подписывайс|подпишит|подпишис|присоединяйт|следите|follow us|"
    r"follow interfax|subscribe|join us)", re.I
)
_SUBSCRIBE_FIRST = frozenset("ПпСсЧчДдШшFfSsJj")  # (a cheap pre-test on the first letter)
_NETWORK_RE = re.compile(
    r"telegram|телеграм|facebook|фейсбук|viber|вайбер|youtube|ютуб|instagram|інстаграм|инстаграм|twitter|"
    r"tiktok|тікток|whatsapp|google news|threads|t\.me/|(?<!\w)X(?!\w)", re.I
)


#: the promoted channel is the agency's own: "нас", "наш канал", "Інтерфакс-Україна", "us" ("Стежте за
#: повідомленнями ДСНС у Telegram" is the text's advice, not a promotion)
_OWN_CHANNEL_RE = re.compile(r"(?<!\w)(?:нас|нами|наш\w*|нам|us|our)(?!\w)|інтерфакс|интерфакс|interfax", re.I)


#: a promotion's words anywhere in a short line naming the agency and a network ("Читайте Інтерфакс-Україна в
#: Google News", "Більше новин – у Viber-каналі Інтерфакс-Україна", "Інтерфакс-Україна тепер у Google News –
#: підписуйтесь!"); or the agency's channel named as such ("Наш YouTube-канал: youtube.com/@interfaxua")
_PROMO_WORDS_RE = re.compile(
    r"підписуйт|підписуйс|підпишіт|підпишис|приєднуйт|долучайт|слідкуйте|стежте|читайте|дивіться|шукайте|більше новин|"
    r"подписывайт|подпишит|следите|больше новостей|follow|subscribe|more news", re.I
)
_OWN_CHANNEL_LINE_RE = re.compile(r"^(?:наш|наша|наші|our)\s+\S*\s*(?:канал|сторінка|сторінки|акаунт|channel|page|account)", re.I)


def is_subscribe_promo(text: str) -> bool:
    """A short line asking readers to subscribe to or follow the agency on a network: not article text."""
    if (text[0] in _SUBSCRIBE_FIRST or not text[0].isalnum()) and _SUBSCRIBE_START_RE.match(text) is not None:
        return _NETWORK_RE.search(text) is not None and _OWN_CHANNEL_RE.search(text) is not None
    # the agency named, or "Наш …-канал" (cheap tests first: most lines are neither)
    agency = "нтерфакс" in text or "НТЕРФАКС" in text or "nterfax" in text or "NTERFAX" in text
    if not (agency or text[:3] in _OWN_FIRST):
        return False
    if len(text) > _MAX_LABEL_LENGTH or text.startswith(("«", "„", "“", '"')) or _NETWORK_RE.search(text) is None:
        return False
    return bool(agency and _PROMO_WORDS_RE.search(text) or _OWN_CHANNEL_LINE_RE.match(text))


#: how a line naming the agency's own channel starts ("Наш YouTube-канал: …", "Our Telegram channel")
_OWN_FIRST = frozenset({"Наш", "наш", "НАШ", "Our", "our", "OUR"})


#: a line asking readers to report a typo to the editors ("Помітили помилку? Виділіть текст і натисніть
#: Ctrl+Enter"): the site's widget, not the text; its link alone ("Повідомити про помилку"), in comparison form
_ERROR_REPORT_RE = re.compile(r"(?:помилк|ошибк|error|typo|mistake).*ctrl\s*\+\s*enter|ctrl\s*\+\s*enter.*(?:помилк|ошибк|error|typo|mistake)", re.I)
_ERROR_REPORT_LINES = frozenset({"ПОВІДОМИТИ ПРО ПОМИЛКУ", "ПОВІДОМИТИ ПРО ПОМИЛКУ В ТЕКСТІ", "СООБЩИТЬ ОБ ОШИБКЕ", "REPORT AN ERROR",
                                 "REPORT A TYPO", "REPORT A MISTAKE"})
#: an embedded post's or video's own words (widget chrome), as a line: "View this post on Instagram",
#: "Переглянути цей допис в Instagram", "Дивитися на YouTube", "A post shared by Name (@handle)",
#: "Допис, поширений Name (@handle)", a bare "pic.twitter.com/…" link, a tweet's "— Name (@handle) January
#: 20, 2026" line, an embed's label ("Допис у Telegram:"); a sentence that names a network is text
_EMBED_CHROME_RE = re.compile(
    r"^(?:(?:(?:view|watch|see|open)(?:\s+this)?(?:\s+(?:post|video|reel|photo|profile))?\s+on"
    r"|(?:переглянути|переглядайте|дивитися|дивіться|відкрити|смотреть|посмотреть|открыть)(?:\s+(?:цей|цю|этот|эту))?"
    r"(?:\s+(?:допис|пост|публікацію|публикацию|відео|видео|запис|запись|фото))?\s+(?:в|у|на)"
    # the embed's own label: "Допис у Telegram:", "Відео на YouTube:"
    r"|(?:допис|пост|публікація|публикация|відео|видео|запис|запись|post|video)\s+(?:в|у|на|in|on|from))"
    r"\s+(?:instagram|facebook|x|twitter|threads|tiktok|youtube|telegram|vimeo)\W*"
    r"|(?:a post shared by|допис,? поширений|публікація,? поширена|пост,? опублікований|публикация,? (?:опубликованная|поделился))"
    r"\s.{1,80}\(@[\w.]+\)\W*"
    r"|(?:https?://)?pic\.(?:twitter|x)\.com/\w+"
    r"|[—–-]\s*.{1,80}\(@\w{1,15}\)\s+.{1,30}\d{4}(?:\s*р\.)?)$",
    re.I,
)
#: a video's credit line ("Відео: ДСНС України", a few words), as "Фото: …" is a photo's
_VIDEO_CREDIT_RE = re.compile(r"^(?:відео|видео|video)\s*[:–—]\s*(?:[^\s.!?:]+\s*){1,6}\.?$", re.I)


#: the first letters of the lines ``is_widget_line`` is true of (cheap pre-tests): an embed's chrome, a video's
#: credit, the link to report a typo
_CHROME_FIRST = frozenset("VvWwSsOoAaHhPp—–-" "ПпДдВвСсОо")
_VIDEO_FIRST = frozenset("ВвVv")
_ERROR_REPORT_FIRST = frozenset("ПпСсRr")


#: a reader comments widget's own lines ("Коментарі (2)", "Коментарів поки немає. Будьте першим!", "Залишити
#: коментар", "Завантаження коментарів..."), a pager's within the article ("Сторінки: 1 2 Далі »", "Сторінка 1 з 1"),
#: a print link ("Версія для друку"), a gallery's or a player's counter ("1 / 3", "00:00 / 01:12")
_WIDGET_LINE_RE = re.compile(
    r"^(?:(?:коментарі|комментарии|comments)\s*(?:\(\d+\)|\d+)?"
    r"|(?:коментарів|комментариев|no comments)\s+(?:поки\s+|пока\s+|yet\s+)?(?:немає|нет)?\W*(?:будьте\s+першим\W*|будьте\s+первым\W*)?"
    r"|(?:залишити|додати|написати|оставить|добавить|leave\s+an?|add\s+an?)\s+(?:коментар|комментарий|comment)"
    r"|(?:завантаження|загрузка|loading)\s+(?:коментарів|комментариев|comments)"
    r"|(?:сторінки|страницы|pages)\s*:?\s*(?:\d+\s*)+(?:(?:далі|далее|next|наступна)\s*»?)?"
    r"|(?:сторінка|страница|page)\s+\d+\s+(?:з|из|of)\s+\d+"
    r"|(?:версія|версия)\s+для\s+друку|версия\s+для\s+печати|print\s+version"
    r"|(?:фото\s+|photo\s+)?\d{1,3}\s*(?:/|з|из|of)\s*\d{1,3}|\d{1,2}:\d{2}\s*/\s*\d{1,2}:\d{2})\W*$",
    re.I,
)
_WIDGET_LINE_FIRST = frozenset("КкЗзСсВвФфNnCcLlAaPp0123456789")


def is_widget_line(text: str) -> bool:
    """A short line (squashed, not empty) that is a widget's, not the text's: an embed's chrome, a video's
    credit, a request to report a typo, a comments widget's, a pager's or a counter's line (``_WIDGET_LINE_RE``)."""
    first = text[0]
    if first in _WIDGET_LINE_FIRST and len(text) <= 60 and _WIDGET_LINE_RE.match(text):
        return True
    if first in _CHROME_FIRST and _EMBED_CHROME_RE.match(text):
        return True
    if first in _VIDEO_FIRST and _VIDEO_CREDIT_RE.match(text):
        return True
    if first in _ERROR_REPORT_FIRST and _key(text) in _ERROR_REPORT_LINES:
        return True
    return _asks_to_report_typo(text)


def _asks_to_report_typo(text: str) -> bool:
    """"Помітили помилку? Виділіть текст і натисніть Ctrl+Enter", at any length (a cheap test first)."""
    return ("nter" in text or "NTER" in text) and _ERROR_REPORT_RE.search(text) is not None


_READING_TIME_VALUE_RE = re.compile(r"(\d{1,3})\s*(?:хв|мин|min)", re.I)


#: the longest reading-time line ("Время на прочтение: 15 минут." is 29 characters)
_READING_TIME_MAX = 50


def is_reading_time_line(line: str) -> bool:
    """A reading-time line ("1 хв читати", "Читати: 6 хвилин"): short (a cheap test first)."""
    return len(line) <= _READING_TIME_MAX and _READING_TIME_RE.match(line) is not None


def reading_minutes(text: str, labelled: bool = False) -> int | None:
    """Minutes of a reading-time line ("1 хв читати", "2 min read", "Читати: 6 хвилин", "Менше 1 хв читати"),
    else None; ``labelled`` (an element a reading-time class names): minutes alone too ("3 хв")."""
    line = squash(text)
    if not is_reading_time_line(line) and not (labelled and _MINUTES_RE.match(line)):
        return None
    m = _READING_TIME_VALUE_RE.search(line)
    minutes = int(m.group(1)) if m else 0
    return minutes or None


def is_boilerplate_line(line: str, title: str | None = None, captions: Iterable[str] = ()) -> bool:
    """True for a paragraph that is boilerplate on its own (see the module docstring)."""
    text = squash(line)
    return _is_boilerplate(text, _key(title) if title else None, {_key(c) for c in captions if c})


#: a photo credit that ends a short caption text ("Підземна школа в Харкові. Фото: Харківська ОВА"):
#: capitalised, after the caption's full stop or a space, the credit short and without a sentence of its own
CAPTION_CREDIT_RE = re.compile(r"(?:^|[.;]?\s+)(?:Фото|Photo)\s*[:–—-]\s*[^.:!?]{1,60}\.?$")

#: longer paragraphs are text unless they repeat the title or a caption
_MAX_LABEL_LENGTH = 120


def _is_boilerplate(text: str, title_key: str | None, caption_keys: set[str], header: _Header | None = None) -> bool:
    if not text:
        return True
    if len(text) > _MAX_LABEL_LENGTH:  # a long paragraph: text, unless a tag line, a credit or a repeat
        if _is_labelled_line(text):
            return True
        if _asks_to_report_typo(text):  # a long request to report a typo
            return True
        if _maybe_repeat(len(text), title_key, caption_keys):
            key = _key(text)
            return key == title_key or key in caption_keys
        return False
    key = _key(text)
    if not key:  # only punctuation
        return True
    if key == title_key or key in caption_keys:
        return True
    if caption_keys and ("Фото" in text or "Photo" in text):
        m = CAPTION_CREDIT_RE.search(text)  # an image's caption again, with its credit ("Школа. Фото: ОВА")
        if m and _key(text[: m.start()]) in caption_keys:
            return True
    if key in AD_LABELS or key in LIST_HEADINGS:
        return True
    if text[0] in _AD_LABEL_FIRST and ":" in text and is_ad_line(text):
        return True
    if _SHARE_COUNTED_RE.match(key) and (_SHARE_LINE_RE.match(key) or len(_SHARE_WORD_RE.findall(key)) >= 2):
        return True  # (one pattern on every short line; the second only on the rare share lines)
    if _is_labelled_line(text) or _CREDIT_DASH_RE.match(text):
        return True
    if key.strip("()") in _LABEL_LINES:
        # the agency's name with a colon is a speaker's label in an interview ("Інтерфакс-Україна:"), not its sign-off
        return not (text[-1] == ":" and key in _SIGN_OFFS)
    if text[0] == "#" and _HASHTAG_LINE_RE.match(text):
        return True
    if text[0] in _PHOTO_NOTE_FIRST and _PHOTO_NOTE_RE.match(text):
        return True
    if (text[0].isdigit() or text[0] in dates.DAY_WORD_FIRST) and is_dateline(text) and (header is None or header.shows(text)):
        return True
    if ":" in text and ("НТЕРФАКС" in key or "NTERFAX" in key) and _is_agency_dateline(text, header):
        return True
    if is_subscribe_promo(text):
        return True
    return bool(_PLACEHOLDER_RE.match(text) or is_reading_time_line(text) or is_informer_heading(text) or is_widget_line(text))


def _is_agency_dateline(text: str, header: "_Header | None") -> bool:
    """The agency's name and the header's date and time on one line ("Інтерфакс-Україна 21:59 11.04.2025": a
    redesign's header read as the body's first line), the header's as each alone is (another instant stays)."""
    rest = _AGENCY_EDGE_RE.sub("", text, count=1)
    return rest != text and is_dateline(rest) and (header is None or header.shows(rest))


#: the first letters of the ad labels (a cheap pre-test)
_AD_LABEL_FIRST = frozenset("".join(label[0] + label[0].lower() for label in AD_LABELS))


def is_ad_line(text: str) -> bool:
    """A line of ad copy after its label and a colon, not a sentence ("Реклама: Знижки на ноутбуки до 40%",
    the copy a banner's link or plain text). A sentence after the label is text, and so is a line that
    only starts with the word ("Реклама в Україні подорожчала …")."""
    label, colon, copy = text.partition(":")
    return bool(colon) and _key(label) in AD_LABELS and not reads_as_sentence(copy.strip())


class _Header:
    """The instants the article's header gives (publication, update), to the minute: a dateline in the
    text is the header's again only when it shows one of them ("22 січня 2026 р., 11:00" in a press
    announcement published on 19 January is the event's time, text)."""

    __slots__ = ("instants", "now")

    def __init__(self, instants: Iterable[str | None], now=None):
        self.instants, self.now = instants, now  # (read only when a text has such a line: rare)

    def shows(self, line: str) -> bool:
        now = dates.from_iso(self.now) if isinstance(self.now, str) else self.now
        instant = dates.normalize(line, now)
        return instant is not None and any(t and t[:16] == instant[:16] for t in self.instants)


def _maybe_repeat(length: int, title_key: str | None, caption_keys: set[str]) -> bool:
    """Could a paragraph this long be the title or a caption again (punctuation aside)?"""
    if title_key and abs(length - len(title_key)) <= 8:
        return True
    return any(abs(length - len(k)) <= 8 for k in caption_keys)


#: share words that name an action of a share widget, not a network or messenger
_SHARE_ACTIONS = frozenset(
    {"ПОДІЛИТИСЯ", "ПОДІЛИТИСЬ", "ПОДЕЛИТЬСЯ", "ПОДІЛІТЬСЯ", "ПОШИРИТИ", "ПОДЕЛИТЕСЬ", "РОЗШАРИТИ", "SHARE", "КОПІЮВАТИ ПОСИЛАННЯ",
     "КОПИРОВАТЬ ССЫЛКУ", "COPY LINK", "ДРУК", "PRINT"}
)
_SHARE_ACTION_RE = re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % "|".join(map(re.escape, sorted(_SHARE_ACTIONS, key=len, reverse=True))), re.I)


def _is_listed_name(text: str) -> bool:
    """Could a paragraph be an item of a list of networks or messengers in the text ("Telegram",
    "Viber"): share words only, none of them a share widget's action ("Поділитися", "Друк")?"""
    if len(text) > _MAX_LABEL_LENGTH:
        return False
    key = _key(text)
    return bool(key) and bool(_SHARE_LINE_RE.match(key)) and not _SHARE_ACTION_RE.search(key)


def is_lead(description: str | None, title: str | None) -> bool:
    """Whether a page's description can stand as the article's lead: not empty, not the headline
    again (the site often repeats it), not a template's placeholder ("Опис", a word or two)."""
    if not description or description.count(" ") < 2:
        return False
    return not title or _key(description) != _key(title)


#: how far from a line's end a credit that ends it starts at most (``CAPTION_CREDIT_RE``: "Фото: " and 60 characters)
_CREDIT_TAIL_SPAN = 72
#: a footnote's back-link arrow (↩, also with its text variation selector)
_BACK_LINK_RE = re.compile("\\s*\u21a9\ufe0e?")


def clean_paragraphs(paragraphs: Iterable[str], title: str | None = None, captions: Iterable[str] = (),
                     shown: Iterable[str | None] | None = None, now=None) -> list[str]:
    """Squash each paragraph and keep those that are not boilerplate, in order.

    ``shown``: the article's publication and update instants (Kyiv ISO): a line that is only a date
    and time is dropped when it shows one of them (read against ``now``, the crawl's time, a datetime
    or its ISO string), and kept otherwise (an event's time); without ``shown``, every such line is
    taken for the header's.

    Network or messenger names on lines of their own (a share widget's buttons) are text when they
    are the items of a list that a kept paragraph introduces ("…платформами респонденти назвали:",
    "Telegram", "Viber"); after a share label ("Поділитися:") they are the widget's."""
    title_key = _key(title) if title else None
    caption_keys = {_key(c) for c in captions if c}
    header = _Header(shown, now) if shown is not None else None
    out = []
    listed = False  # the kept paragraphs end with one that introduces a list, then its items
    for p in paragraphs:
        text = squash(p)
        if text and text[0] in _CREDIT_FIRST and (text[0] in _DASH_CREDIT_FIRST or ":" in text[:_CREDIT_LABEL_SPAN]) and (
                sentence := sentence_after_credit(text)):
            text = sentence  # "Фото: ДСНС. Рятувальники ліквідували пожежу.": the credit is not text, the sentence is
        if "↩" in text:  # a footnote's link back to its mark ("… перед МВФ. ↩")
            text = squash(_BACK_LINK_RE.sub("", text))
        if ("Фото" in (end := text[-_CREDIT_TAIL_SPAN:]) or "Photo" in end) and (sentence := text_before_credit(text)):
            text = sentence  # "Сторони обговорили посилення ППО. Фото: МЗС України": the sentence is text, the credit not
        if not _is_boilerplate(text, title_key, caption_keys, header):
            out.append(text)
            listed = text[-1] == ":"
        elif listed and _is_listed_name(text):
            out.append(text)
        elif text:
            listed = False
    return out


def clean_text(text: str, title: str | None = None, captions: Iterable[str] = ()) -> str:
    """Clean a text whose paragraphs are separated by blank lines. Idempotent."""
    return "\n\n".join(clean_paragraphs(re.split(r"\n\s*\n", text or ""), title, captions))

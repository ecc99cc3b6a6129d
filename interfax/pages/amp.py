"""The AMP twin of an article (``/news/<section>/<id>-amp.html``).

Same story, simpler markup: the related items ("ЩЕ ЗА ТЕМОЮ") are in its HTML even when the
desktop page fills them by script. Only the selectors differ from the desktop page, and one
more source of related items: a block that is an ``amp-list`` whose items are JSON in the page
(inline in the list, or in an ``amp-state``), rendered with the list's mustache template.
"""

from __future__ import annotations

import html
import json
import re

from lxml import etree

from interfax.pages.article import ArticlePage, _plain_title
from interfax.pages.base import Link, xpath

#: a mustache tag: {{{name}}}, or {{name}} with an optional sigil (# section, ^ inverted, / end,
#: & unescaped, ! comment, > partial)
_MUSTACHE_RE = re.compile(r"\{\{\{\s*([^{}]*?)\s*\}\}\}|\{\{\s*([#^/&!>]?)\s*([^{}]*?)\s*\}\}")
#: the keys an item without a template names its link, title and time by
_URL_KEYS = ("url", "href", "link", "canonical", "ampUrl", "amp_url")
_TITLE_KEYS = ("title", "name", "headline", "text")
_TIME_KEYS = ("time", "date", "datetime", "published", "publishedAt", "published_at", "datePublished")


class AmpArticlePage(ArticlePage):
    article_selectors = ("article.amp-article", "article", "main")
    body_selectors = (".amp-article-content", ".article-content", "[itemprop='articleBody']")
    title_selectors = ("h1.amp-article-title", "h1")
    related_selectors = (".amp-related",)

    def related_links(self, nodes: list) -> list[Link]:
        """The block's links; when it shows none (but a link to the twin's own article) and holds an
        ``amp-list``, the list's items."""
        links = super().related_links(nodes)
        own = self.id()
        if any(link.ref.id != own for link in links):
            return links
        lists = [el for node in nodes for el in node.iter("amp-list")]
        rendered = [self._rendered(amp_list) for amp_list in lists]
        return self.links_under(*(r for r in rendered if r is not None), skip_ads=True) if lists else []

    def _rendered(self, amp_list):
        """The items of an ``amp-list`` as the page would show them (an element holding one
        ``div`` per item), or None when its data cannot be read."""
        items = self._amp_list_items(amp_list)
        if not items:
            return None
        template = self._amp_template(amp_list)
        parts = []
        for item in items:
            if template is not None:
                parts.append(render_mustache(template, item if isinstance(item, dict) else {".": item}))
            elif isinstance(item, dict):
                parts.append(_plain_item(item))
        markup = "".join(f"<div>{part}</div>" for part in parts if part)
        if not markup:
            return None
        root = etree.fromstring(f"<html><body><div>{markup}</div></body></html>", etree.HTMLParser())
        return root.find("body/div") if root is not None else None

    def _amp_list_items(self, amp_list) -> list:
        """The list's items: JSON in a ``script`` inside it, else in the ``amp-state`` its ``src``
        (``amp-state:name``) or bound ``[src]`` (``name``) names; at its ``items`` path ("items" by default)."""
        data = None
        script = next((s for s in amp_list.iter("script") if (s.get("type") or "").strip().lower() == "application/json"), None)
        if script is not None:
            data = _json(script.text)
        else:
            src = (amp_list.get("src") or "").strip()
            name = src[len("amp-state:"):] if src.startswith("amp-state:") else (amp_list.get("[src]") or "").strip()
            if name and re.fullmatch(r"[\w-]+(?:\.[\w-]+)*", name):
                state, *path = name.split(".")
                found = xpath(self.root, "//amp-state[@id=$id]//script", id=state)
                value = _json(found[0].text) if found else None
                data = _at_path(value, path)
                if data is None and isinstance(value, dict) and path and state in value:
                    data = _at_path(value[state], path)  # a state whose JSON repeats its own name: {"page": {"related": …}}
        path = (amp_list.get("items") or "items").strip()
        items = _at_path(data, [] if path == "." else path.split("."))
        if isinstance(items, dict):  # (single-item)
            items = [items]
        return items if isinstance(items, list) else []

    def _amp_template(self, amp_list) -> str | None:
        """The source of the list's mustache template: a ``template`` inside it, else the one its
        ``template`` attribute names by id; None if it has none."""
        tid = (amp_list.get("template") or "").strip()
        found = xpath(self.root, "//*[@id=$id]", id=tid) if tid else list(amp_list.iter("template"))
        if not found:
            return None
        template = found[0]
        if template.tag == "script":  # <script type="text/plain" template="amp-mustache">
            return template.text or ""
        # (serialised as XML: the HTML serialiser would %-escape "{{url}}" in an href)
        return (template.text or "") + "".join(etree.tostring(child, method="xml", encoding=str) for child in template)


def _json(text: str | None):
    try:
        return json.loads(text or "", strict=False)
    except (ValueError, RecursionError):
        return None


def _at_path(data, path: list[str]):
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    return data


def _plain_item(item: dict) -> str:
    """Markup of one item that has no template: its link and title, then its time."""
    url = next((item[k] for k in _URL_KEYS if isinstance(item.get(k), str) and item[k].strip()), None)
    if url is None:
        return ""
    title = next((t for t in (_plain_title(item.get(k), drop_site_name=False) for k in _TITLE_KEYS) if t), "")
    shown = next((item[k] for k in _TIME_KEYS if isinstance(item.get(k), str) and item[k].strip()), "")
    return f'<a href="{html.escape(url.strip())}">{html.escape(title)}</a> <span>{html.escape(shown)}</span>'


def render_mustache(template: str, context: dict) -> str:
    """A mustache template rendered with ``context`` (variables, sections and inverted sections;
    partials and comments left out): as much as an ``amp-list`` item template uses."""
    out: list[str] = []
    pos = 0
    while True:
        m = _MUSTACHE_RE.search(template, pos)
        if m is None:
            out.append(template[pos:])
            return "".join(out)
        out.append(template[pos:m.start()])
        pos = m.end()
        raw, sigil, name = m.group(1), m.group(2), m.group(3)
        if raw is not None:
            out.append(_text(_lookup(context, raw)))
        elif sigil in ("#", "^"):
            end = _section_end(template, name, pos)
            inner = template[pos:end[0]]
            pos = end[1]
            value = _lookup(context, name)
            if sigil == "^":
                out.append("" if value else render_mustache(inner, context))
            elif isinstance(value, list):
                out.extend(render_mustache(inner, {**context, **v} if isinstance(v, dict) else {**context, ".": v}) for v in value)
            elif isinstance(value, dict):
                out.append(render_mustache(inner, {**context, **value}))
            elif value:
                out.append(render_mustache(inner, context))
        elif sigil == "&":
            out.append(_text(_lookup(context, name)))
        elif sigil in ("/", "!", ">"):
            continue
        else:
            out.append(html.escape(_text(_lookup(context, name))))


def _section_end(template: str, name: str, pos: int) -> tuple[int, int]:
    """(start, end) of the tag that closes section ``name`` opened before ``pos`` (the template's end if none)."""
    depth = 1
    for m in _MUSTACHE_RE.finditer(template, pos):
        if m.group(3) != name:
            continue
        if m.group(2) in ("#", "^"):
            depth += 1
        elif m.group(2) == "/":
            depth -= 1
            if depth == 0:
                return m.start(), m.end()
    return len(template), len(template)


def _lookup(context: dict, name: str):
    if name == ".":
        return context.get(".")
    value = context
    for key in name.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _text(value) -> str:
    if value is None or value is False:
        return ""
    return value if isinstance(value, str) else str(value)

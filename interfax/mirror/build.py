"""Render mirror pages and the expected items from article definitions.

Two mirrors come out of the same code:

- the small, hand-written one (``catalog``): ``build_small()`` renders it into
  ``interfax/mirror/site`` and writes ``tests/expected/<id>.json`` + ``_crawl.json``. It never
  writes the three verbatim reference pages (``REFERENCE_PAGES``).
- a large synthetic one for benchmarks: ``build_site(root, n_articles=5000, seed=1)`` renders
  thousands of articles across sections with paginated listings, related links (some only
  through the AMP twin, some missing), ads and boilerplate; with ``expected_dir`` it also writes
  the expected items and ``_crawl.json``.

Command line::

    python -m interfax.mirror.build small                 # re-render the committed mirror + expected
    python -m interfax.mirror.build large OUT_DIR [--articles 5000] [--seed 1] [--expected DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from interfax.mirror import render
from interfax.urls import DEFAULT_SECTIONS
from interfax.mirror.model import (
    AD, AD_ID, AD_P, ADSENSE, H2, INFORMER, LOADING, MONTHS_GEN, NBSP, PIMG, SECTION_NAMES, SHARE, SOURCE, UL, Article,
    Img, P, Rel, expected_item, key_id, key_path,
)
from interfax.mirror.server import DEFAULT_ROOT

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_EXPECTED = REPO_ROOT / "tests" / "expected"
#: copied verbatim from the site reconstruction: the generator never writes them
REFERENCE_PAGES = ("news/general.html", "news/general/1063374.html", "news/general/1063374-amp.html")
#: the sections the `articles` spider starts from, in order
CRAWL_SECTIONS = list(DEFAULT_SECTIONS)  # the listings a default crawl starts from
MAX_DEPTH = 2


@dataclass
class Site:
    """Everything a mirror holds: articles to export, traps, missing links, listings."""

    articles: list[Article]
    traps: list[Article] = field(default_factory=list)
    missing: dict[str, tuple[str, datetime]] = field(default_factory=dict)
    listings: dict[str, list[list[tuple[str, str]]]] = field(default_factory=dict)
    verbatim_listing_pages: set = field(default_factory=set)
    single_pagers: set = field(default_factory=set)
    tag_pages: dict[str, list[str]] = field(default_factory=dict)
    sidebar: list[str] = field(default_factory=list)
    extra_never_requested: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.by_key = {a.key: a for a in self.articles + self.traps}
        assert len(self.by_key) == len(self.articles) + len(self.traps), "duplicate article keys"
        assert len({a.id for a in self.articles + self.traps}) == len(self.by_key), "duplicate ids"

    def title(self, key: str) -> str:
        return self.by_key[key].title if key in self.by_key else self.missing[key][0]

    def when(self, key: str) -> datetime:
        return self.by_key[key].when if key in self.by_key else self.missing[key][1]

    def listed_keys(self) -> list[str]:
        seen, out = set(), []
        for slug in CRAWL_SECTIONS:
            for page in self.listings.get(slug, []):
                for key, _form in page:
                    if key not in seen:
                        seen.add(key)
                        out.append(key)
        return out

    def listing_paths(self) -> list[str]:
        return [render.page_path(slug, n) for slug in CRAWL_SECTIONS for n in range(1, len(self.listings.get(slug, [])) + 1)]


# -- the crawl a correct spider makes -------------------------------------------------------------
def related_targets(site: Site, key: str) -> list[str]:
    article = site.by_key.get(key)
    return [r.target for r in article.effective_related()] if article else []


def simulate_crawl(site: Site) -> dict:
    """Breadth-first: listed articles at depth 0, related hops +1, nothing beyond MAX_DEPTH."""
    depth: dict[str, int] = {}
    frontier = site.listed_keys()
    for d in range(MAX_DEPTH + 1):
        nxt = []
        for key in frontier:
            if key in depth:
                continue
            depth[key] = d
            nxt.extend(related_targets(site, key))
        frontier = nxt
    exported = sorted((k for k in depth if k in site.by_key), key=key_id)
    missing = sorted({key_path(k) for k in depth if k not in site.by_key})
    amp = [site.by_key[k].amp_path for k in exported if not site.by_key[k].related and site.by_key[k].amp]
    tag_paths = {render.tag_href(tag) for a in site.articles + site.traps for tag in a.tags}
    tag_paths |= {render.tag_href(tag) for tag in site.tag_pages}
    never = [t.path for t in sorted(site.traps, key=lambda a: a.id)] + sorted(tag_paths)
    never += [p for p in site.extra_never_requested if p not in never]
    return {
        "exported_ids": sorted(key_id(k) for k in exported),
        "never_exported_ids": sorted(t.id for t in site.traps),
        "never_requested_paths": never,
        "missing_paths": missing,
        "listing_paths": site.listing_paths(),
        "amp_fallback_paths": sorted(amp),
        "depths": {str(key_id(k)): depth[k] for k in exported},
        "_keys": exported,
    }


def depth_sets(site: Site) -> dict[str, set[int]]:
    """Every depth (<= MAX_DEPTH) at which a key can be first fetched, over simple paths from
    any listed article: what the crawl could see depending on the order pages arrive in."""
    out: dict[str, set[int]] = defaultdict(set)

    def walk(key: str, d: int, on_path: frozenset) -> None:
        out[key].add(d)
        if d == MAX_DEPTH:
            return
        for target in related_targets(site, key):
            if target not in on_path:
                walk(target, d + 1, on_path | {target})

    for key in site.listed_keys():
        walk(key, 0, frozenset({key}))
    return out


def check_site(site: Site, crawl: dict, strict_order: bool = True) -> None:
    """Assertions that keep the mirror and its expected output honest."""
    keys = set(crawl["_keys"])
    for article in site.articles:
        assert article.key in keys, f"{article.key} is defined to be exported but the crawl never reaches it"
        if not (article.jsonld or article.meta_dates) or article.design != "modern":
            assert article.modified is None, f"{article.key}: modified time without a source that shows it"
        for rel in article.related + (article.amp_related or []):
            assert rel.target in site.by_key or rel.target in site.missing, f"{article.key}: unknown related {rel.target}"
    for trap in site.traps:
        assert trap.key not in keys, f"trap {trap.key} would be exported"
    listed = set(site.listed_keys())
    for key in listed:
        assert key in site.by_key or key in site.missing, f"listed {key} is neither an article nor missing"
    reached = set(depth_sets(site))
    for trap in site.traps:
        assert trap.key not in reached, f"trap {trap.key} is reachable within depth {MAX_DEPTH}"
    if strict_order:
        for key, depths in depth_sets(site).items():
            if len(depths) > 1:
                stray = [t for t in related_targets(site, key) if t not in listed]
                assert not stray, (f"{key} can be fetched at depths {sorted(depths)}, so its related {stray} "
                                   f"would be exported or not depending on fetch order")
    fetched = set(crawl["listing_paths"]) | {site.by_key[k].path for k in keys} | set(crawl["missing_paths"]) \
        | set(crawl["amp_fallback_paths"])
    clash = fetched & set(crawl["never_requested_paths"])
    assert not clash, f"paths both fetched and never-requested: {sorted(clash)}"


# -- writing --------------------------------------------------------------------------------------
def _write(root: Path, rel_path: str, text: str, written: list[str]) -> None:
    path = root / rel_path
    if path.resolve() in {(DEFAULT_ROOT / p).resolve() for p in REFERENCE_PAGES}:
        raise RuntimeError(f"refusing to overwrite the verbatim reference page {rel_path}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
    written.append(rel_path)


def render_site(site: Site, root: Path) -> list[str]:
    """Write every non-verbatim page of ``site`` under ``root``; return the relative paths."""
    root = Path(root)
    written: list[str] = []
    for article in site.articles + site.traps:
        if article.verbatim:
            continue
        _write(root, article.path.lstrip("/"), render.article_html(article, site.title, site.when, site.sidebar), written)
        if article.amp:
            _write(root, article.amp_path.lstrip("/"), render.amp_html(article, site.title, site.when), written)
    for slug, pages in site.listings.items():
        heading = SECTION_NAMES[slug]
        for n, items in enumerate(pages, start=1):
            if (slug, n) in site.verbatim_listing_pages:
                continue
            rendered = [render.listing_item(k, form, site.title(k), site.when(k), _thumb(site, k)) for k, form in items]
            html = render.listing_html(slug, n, len(pages), rendered, heading, single_pager=slug in site.single_pagers,
                                       empty_text="У цьому розділі поки немає новин.")
            _write(root, render.page_path(slug, n).lstrip("/"), html, written)
    for tag, keys in site.tag_pages.items():
        rendered = [render.listing_item(k, "rel", site.title(k), site.when(k), None) for k in keys]
        html = render.listing_html("tag", 1, 1, rendered, f"#{tag}", path=render.tag_href(tag))
        _write(root, f"news/tag/{tag}.html", html, written)
    _write(root, "robots.txt", render.ROBOTS_TXT, written)
    return written


def _thumb(site: Site, key: str) -> str | None:
    article = site.by_key.get(key)
    if article and article.header_image:
        src = article.header_image.src
        return src.rsplit(".", 1)[0] + "-thumb." + src.rsplit(".", 1)[1]
    return None


def dump_json(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def write_expected(site: Site, crawl: dict, expected_dir: Path) -> list[str]:
    expected_dir = Path(expected_dir)
    expected_dir.mkdir(parents=True, exist_ok=True)
    wanted = {f"{key_id(k)}.json" for k in crawl["_keys"]}
    for stale in expected_dir.glob("*.json"):
        if stale.stem.isdigit() and stale.name not in wanted:
            stale.unlink()
    written = []
    for key in crawl["_keys"]:
        item = expected_item(site.by_key[key], site.title)
        name = f"{item['id']}.json"
        (expected_dir / name).write_text(dump_json(item), encoding="utf-8", newline="\n")
        written.append(name)
    summary = {k: v for k, v in crawl.items() if not k.startswith("_")}
    (expected_dir / "_crawl.json").write_text(dump_json(summary), encoding="utf-8", newline="\n")
    return written


# -- the small mirror -----------------------------------------------------------------------------
def small_site() -> Site:
    from interfax.mirror import catalog

    extra = list(catalog.EXTRA_NEVER_REQUESTED)
    return Site(articles=catalog.ARTICLES, traps=catalog.TRAPS, missing=catalog.MISSING, listings=catalog.LISTINGS,
                verbatim_listing_pages=catalog.VERBATIM_LISTING_PAGES, single_pagers=catalog.SINGLE_PAGERS,
                tag_pages=catalog.TAG_PAGES, sidebar=catalog.SIDEBAR, extra_never_requested=extra)


def build_small(root: Path = DEFAULT_ROOT, expected_dir: Path | None = DEFAULT_EXPECTED) -> dict:
    """Render the committed mirror (all but the reference pages) and, unless ``expected_dir``
    is None, its expected items. Returns the crawl summary (as in ``_crawl.json``) plus
    ``written``: the pages written, relative to ``root``."""
    site = small_site()
    crawl = simulate_crawl(site)
    check_site(site, crawl)
    for page in REFERENCE_PAGES:
        assert (Path(root) / page).is_file() or root != DEFAULT_ROOT, f"reference page missing: {page}"
    written = render_site(site, Path(root))
    if expected_dir is not None:
        write_expected(site, crawl, Path(expected_dir))
    return {**{k: v for k, v in crawl.items() if not k.startswith("_")}, "written": written}


# -- a large synthetic mirror ---------------------------------------------------------------------
_SUBJECTS = ["Кабінет міністрів", "Національний банк", "Міністерство енергетики", "Київська міська державна адміністрація",
             "Міністерство оборони", "Верховна Рада", "Міністерство фінансів", "Укрзалізниця", "Мінцифри",
             "Фонд державного майна", "ДСНС", "Міністерство охорони здоров’я", "Міністерство економіки", "Укренерго",
             "Державна митна служба", "Міністерство розвитку громад та територій"]
_VERBS = ["оголошує старт програми", "затверджує план", "спрямує кошти на", "розпочинає підготовку до",
          "презентує проєкт", "посилює контроль за", "розширює підтримку", "завершує перший етап"]
_OBJECTS = ["відновлення енергетичної інфраструктури", "підтримки малого бізнесу", "розвитку громадського транспорту",
            "модернізації лікарень", "цифровізації адміністративних послуг", "захисту критичної інфраструктури",
            "будівництва укриттів у школах", "експорту агропродукції", "ремонту мостів і доріг",
            "розмінування сільгоспугідь", "енергоефективності громад", "житлових програм для ветеранів"]
_REGIONS = ["Київській області", "Харківській області", "Одеській області", "Львівській області", "Дніпропетровщині",
            "Чернігівщині", "Сумщині", "Полтавщині", "Вінниччині", "Житомирщині", "Запорізькій області"]
_SOURCES = ["Мінфін", "НБУ", "ОВА", "Мінекономіки", "Міненерго", "Мінцифри", "КМДА", "ДСНС", "Повітряні сили"]
_TAGS = ["енергетика", "бюджет", "ППО", "Київ", "НБУ", "інвестиції", "розмінування", "транспорт", "медицина", "США",
         "ЄС", "санкції", "погода", "спорт", "телеком", "приватизація"]
_SECTION_WEIGHTS = [("general", 6), ("political", 3), ("economic", 3), ("greendeal", 1), ("sport", 1), ("telecom", 1),
                    ("investments", 1), ("pharmacy", 1)]


def _sentence(rng: random.Random, when: datetime) -> str:
    subject, obj = rng.choice(_SUBJECTS), rng.choice(_OBJECTS)
    return rng.choice([
        f"За словами представників відомства, питання {obj} залишається одним із пріоритетів на {when.year} рік.",
        f"На ці цілі планують спрямувати {rng.randint(12, 980)} млн грн з державного та місцевих бюджетів.",
        f"Перший етап робіт має завершитися до кінця {rng.choice(MONTHS_GEN)} {when.year} року.",
        f"У {rng.choice(_REGIONS)} вже реалізовано {rng.randint(2, 40)} подібних проєктів.",
        "Детальніші параметри програми оприлюднять найближчими тижнями.",
        f"Як повідомлялося, раніше {subject} {rng.choice(_VERBS)} {obj}.",
        f"Станом на {when.day} {MONTHS_GEN[when.month - 1]} подано {rng.randint(30, 2500)} заявок від громад і підприємств.",
        f"Партнери України з ЄС та США долучаться до фінансування на суму понад ${rng.randint(5, 300)} млн.",
        "Звернутися по допомогу можна через застосунок \"Дія\" або до центру надання адміністративних послуг.",
        f"Окремо {subject} наголошує на прозорості всіх процедур і щоквартальній звітності.",
    ])


def _synthetic_article(rng: random.Random, aid: int, section: str, when: datetime) -> Article:
    subject, verb, obj = rng.choice(_SUBJECTS), rng.choice(_VERBS), rng.choice(_OBJECTS)
    title = f"{subject} {verb} {obj}" + rng.choice(["", f" – {rng.choice(_SOURCES)}", f" у {rng.choice(_REGIONS)}"])
    body = []
    for _ in range(rng.randint(3, 8)):
        body.append(P(" ".join(_sentence(rng, when) for _ in range(rng.randint(1, 3)))))
    noise = [AD(f"adpro-inline-{rng.randint(1, 4)}"), AD_P(rng.choice(["РЕКЛАМА", "Реклама"])), AD_ID("adpro-inline-2"),
             ADSENSE(), NBSP(), LOADING(), SHARE(rng.choice(["buttons", "social"])), INFORMER()]
    for _ in range(rng.randint(1, 4)):
        body.insert(rng.randint(1, len(body)), rng.choice(noise))
    if rng.random() < 0.15:
        body.insert(rng.randint(1, len(body)), H2(f"Що відомо про {obj}"))
    if rng.random() < 0.1:
        body.insert(rng.randint(1, len(body)), UL(*(f"{r} – {rng.randint(1, 90)} об’єктів;" for r in rng.sample(_REGIONS, 3))))
    if rng.random() < 0.05:
        body.append(SOURCE(f"https://t.me/interfax_wire/{aid}"))
    header = None
    stamp = f"{when:%Y/%m/%d}"
    if rng.random() < 0.5:
        credit = rng.choice(["", " Фото: Reuters", " Фото: пресслужба", " Фото: Інтерфакс-Україна"])
        caption = rng.choice([None, f"Ілюстративне фото.{credit}" if credit else "Ілюстративне фото"])
        header = Img(f"/static/articles/images/{stamp}/{aid}-main.jpg", rng.choice(["", title]), caption)
    if rng.random() < 0.2:
        body.insert(rng.randint(1, len(body)), PIMG(Img(f"https://interfax.com.ua/static/articles/images/{stamp}/{aid}-2.jpg",
                                                        rng.choice(["", "Ілюстрація"]))))
    mode = rng.choices(["jsonld", "meta", "header", "utc"], weights=[60, 15, 20, 5])[0]
    modified = when + timedelta(minutes=rng.randint(1, 90)) if mode != "header" and rng.random() < 0.7 else None
    tags = rng.sample(_TAGS, rng.randint(0, 3))
    return Article(
        aid, section, title, when, body, description=title if rng.random() < 0.7 and mode != "header" else None,
        jsonld=mode in ("jsonld", "utc"), jsonld_utc=mode == "utc", meta_dates=mode == "meta", modified=modified,
        tags=tags, header_image=header, og_image=("https://interfax.com.ua" + header.src) if header else None,
        reading_time=rng.choice([None, 1, 1, 2, 3]), amp=rng.random() < 0.85,
        related_markup=rng.choices(["standard", "h3", "listing"], weights=[85, 10, 5])[0],
    )


def build_site(root: Path, n_articles: int = 2000, seed: int = 0, *, page_size: int = 20,
               expected_dir: Path | None = None, start: datetime = datetime(2025, 11, 20, 22, 0),
               first_id: int = 1_125_000, unlisted_share: float = 0.1) -> dict:
    """Render a synthetic mirror of ``n_articles`` articles under ``root`` (for benchmarks).

    Every section and ``latest`` get listings of ``page_size`` items with the site's pager
    (the last page's last link points back). About ``unlisted_share`` of the articles appear
    in no listing and are reached only as related items (depth 1) of listed ones; 10% of the
    articles show related items only in their AMP twin; 2% link a missing article.
    Deterministic for a given ``seed``. Returns the crawl summary (``_crawl.json`` shape) and
    writes the expected items when ``expected_dir`` is given. ``exported_ids`` assume the crawl
    pages every listing to its end: ``latest`` alone has ``n_articles / page_size`` pages (a crawl
    with ``since`` pages to the end unless given a smaller ``max_pages``)."""
    rng = random.Random(seed)
    sections = [s for s, w in _SECTION_WEIGHTS for _ in range(w)]
    articles: list[Article] = []
    aid, when = first_id, start
    for i in range(n_articles):
        articles.append(_synthetic_article(rng, aid, rng.choice(sections), when))
        aid -= rng.randint(2, 7)  # gaps leave ids for missing links
        when -= timedelta(minutes=rng.randint(3, 45))
        if when.hour < 6:
            when -= timedelta(hours=rng.randint(0, 4))
    used_ids = {a.id for a in articles}
    listed = [a for i, a in enumerate(articles) if i < 10 or rng.random() >= unlisted_share]
    listed_keys = {a.key for a in listed}
    unlisted = [a for a in articles if a.key not in listed_keys]
    missing: dict[str, tuple[str, datetime]] = {}
    index = {a.key: i for i, a in enumerate(articles)}
    for i, article in enumerate(articles):
        pool = articles[i + 1:i + 300]
        if article.key not in listed_keys:  # unlisted: related only to listed ones (keeps depth unambiguous)
            pool = [a for a in pool if a.key in listed_keys]
        targets = rng.sample(pool, min(len(pool), rng.randint(0, 4)))
        article.related = [Rel(t.key) for t in targets]
        if rng.random() < 0.02 and article.key in listed_keys:
            gone = article.id - 1
            if gone not in used_ids:
                key = f"{article.section}/{gone}"
                missing[key] = (f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}",
                                article.when - timedelta(minutes=1))
                article.related.append(Rel(key))
    for article in unlisted:  # every unlisted article is somebody's related item
        newer = [a for a in listed if index[a.key] < index[article.key]]
        if newer and not any(r.target == article.key for a in newer[-3:] for r in a.related):
            newer[-1].related.append(Rel(article.key))
    for article in articles:
        if article.amp and article.related and rng.random() < 0.1:
            article.amp_related, article.related = article.related, []
        if not article.related and article.amp_related is None:
            article.amp_related = []
    listings: dict[str, list[list[tuple[str, str]]]] = {}
    forms = ["rel"] * 20 + ["abs", "amp", "utm", "frag", "ua"]
    for slug in CRAWL_SECTIONS:
        items = [a for a in listed if slug == "latest" or a.section == slug]
        pages = [items[i:i + page_size] for i in range(0, len(items), page_size)] or [[]]
        listings[slug] = [[(a.key, rng.choice(forms)) for a in page] for page in pages]
    site = Site(articles=articles, missing=missing, listings=listings, sidebar=[a.key for a in listed[:10]])
    crawl = simulate_crawl(site)
    check_site(site, crawl, strict_order=False)
    written = render_site(site, Path(root))
    if expected_dir is not None:
        write_expected(site, crawl, Path(expected_dir))
    return {**{k: v for k, v in crawl.items() if not k.startswith("_")}, "written": len(written)}


# -- command line -----------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m interfax.mirror.build", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("small", help="re-render interfax/mirror/site and tests/expected from the catalog")
    large = sub.add_parser("large", help="render a large synthetic mirror for benchmarks")
    large.add_argument("root", type=Path)
    large.add_argument("--articles", type=int, default=5000)
    large.add_argument("--seed", type=int, default=1)
    large.add_argument("--page-size", type=int, default=20)
    large.add_argument("--expected", type=Path, default=None, help="also write expected items here")
    args = parser.parse_args(argv)
    if args.command == "small":
        summary = build_small()
        print(f"{len(summary['written'])} files, {len(summary['exported_ids'])} expected items")
    else:
        summary = build_site(args.root, args.articles, args.seed, page_size=args.page_size, expected_dir=args.expected)
        print(f"{summary['written']} pages, {len(summary['exported_ids'])} articles to export, "
              f"{len(summary['listing_paths'])} listing pages -> {args.root}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

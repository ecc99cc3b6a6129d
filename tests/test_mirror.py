"""The offline mirror: its static server, and the consistency of its pages with tests/expected.

Server tests talk HTTP to a real MirrorServer on 127.0.0.1. Consistency tests read the files:
every expected item maps to a page, every listed link exists or is a known 404, the crawl graph
that the HTML encodes gives exactly the ids of ``_crawl.json``, and re-rendering the mirror from
its definitions reproduces the committed files.
"""

from __future__ import annotations

import filecmp
import hashlib
import http.client
import json
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from datetime import datetime
from html import unescape
from pathlib import Path
from urllib.parse import unquote
from zoneinfo import ZoneInfo

import pytest
from parsel import Selector

from interfax.mirror import build, model
from interfax.mirror.server import DEFAULT_ROOT, MirrorServer, content_type

REPO = Path(__file__).resolve().parents[1]
EXPECTED_DIR = REPO / "tests" / "expected"
CRAWL = json.loads((EXPECTED_DIR / "_crawl.json").read_text("utf-8"))
EXPECTED = {int(p.stem): json.loads(p.read_text("utf-8")) for p in sorted(EXPECTED_DIR.glob("[0-9]*.json"))}

#: the three pages copied verbatim from the site reconstruction (they must never change)
REFERENCE_SHA256 = {
    "news/general.html": "f321cc01aa72dcaf2491db1ea8cfd17f4f01bf9106478cc25323784a27a70f24",
    "news/general/1063374.html": "b87c84155ef3a5caa40bb6de7251823f5aa2d6d316113cabe054f301dab0d15a",
    "news/general/1063374-amp.html": "61b7497cb0f8104aacf2a616f93ad86bc7c6c827b62dcbbf8076ca07b47d0a40",
}
ARTICLE_HREF = re.compile(r"^(?:https?://(?:ua\.)?interfax\.com\.ua)?(/news/[a-z0-9-]+/\d+)(?:-amp)?\.html(?:[?#].*)?$")


# -- helpers ----------------------------------------------------------------------------------------
def fetch(server: MirrorServer, path: str, method: str = "GET") -> tuple[http.client.HTTPResponse, bytes]:
    conn = http.client.HTTPConnection(server.host, server.port, timeout=5)
    try:
        conn.request(method, path)
        response = conn.getresponse()
        return response, response.read()
    finally:
        conn.close()


def mirror_file(path: str) -> Path:
    return DEFAULT_ROOT / unquote(path).lstrip("/")


def article_path(href: str) -> str | None:
    """Canonical mirror path of an article link (-amp, query, fragment, site hosts dropped)."""
    match = ARTICLE_HREF.match(href.strip())
    return match.group(1) + ".html" if match else None


def page(path: str) -> Selector:
    return Selector(text=mirror_file(path).read_text("utf-8"))


def normalized(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def server():
    with MirrorServer() as running:
        yield running


# -- the server -----------------------------------------------------------------------------------
def test_serves_a_page_with_its_content_type(server):
    response, body = fetch(server, "/news/general/1063374.html")
    assert response.status == 200
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert body == (DEFAULT_ROOT / "news/general/1063374.html").read_bytes()
    assert int(response.getheader("Content-Length")) == len(body)


def test_serves_robots_txt_allowing_everything(server):
    response, body = fetch(server, "/robots.txt")
    assert response.status == 200
    assert response.getheader("Content-Type") == "text/plain; charset=utf-8"
    text = body.decode("utf-8")
    assert text.startswith("#") and "User-agent: *" in text and "Disallow: /" not in text


def test_content_type_comes_from_the_extension():
    assert content_type("a/b.html") == "text/html; charset=utf-8"
    assert content_type("robots.txt") == "text/plain; charset=utf-8"
    assert content_type("last.rss") == "application/rss+xml; charset=utf-8"
    assert content_type("x.JPG") == "image/jpeg"
    assert content_type("blob.bin") == "application/octet-stream"


def test_missing_page_is_404_with_a_small_html_body(server):
    response, body = fetch(server, "/news/general/1063318.html")
    assert response.status == 404
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert b"404" in body and len(body) < 1000


@pytest.mark.parametrize("path", [
    "/../etc/passwd", "/news/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/news/%2E%2E/%2E%2E/etc/passwd",
    "/..%2f..%2fetc%2fpasswd", "/news/..\\..\\etc\\passwd", "/robots.txt%00.html", "/%ff%fe", "/news/",
])
def test_traversal_and_oddities_are_404(server, path):
    response, body = fetch(server, path)
    assert response.status == 404
    assert b"root:" not in body


def test_query_string_and_fragment_are_ignored(server):
    _, plain = fetch(server, "/news/general.html")
    response, with_query = fetch(server, "/news/general.html?utm_source=telegram&utm_medium=social")
    assert response.status == 200 and with_query == plain
    response, with_fragment = fetch(server, "/news/general.html#comments")
    assert response.status == 200 and with_fragment == plain


def test_percent_encoded_paths_are_decoded(server):
    response, body = fetch(server, "/news/tag/%D0%A1%D0%A8%D0%90.html")
    assert response.status == 200 and "#США".encode() in body


def test_head_sends_headers_only(server):
    response, body = fetch(server, "/news/latest.html", method="HEAD")
    assert response.status == 200 and body == b""
    assert int(response.getheader("Content-Length")) == (DEFAULT_ROOT / "news/latest.html").stat().st_size
    response, body = fetch(server, "/nope.html", method="HEAD")
    assert response.status == 404 and body == b""


def test_other_methods_are_refused(server):
    response, _ = fetch(server, "/news/latest.html", method="POST")
    assert response.status == 405


def test_binds_only_to_loopback(server):
    assert server.server_address[0] == "127.0.0.1"
    assert server._httpd.socket.getsockname()[0] == "127.0.0.1"
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+", server.base_url)
    assert server.url("/news/latest.html") == server.base_url + "/news/latest.html"
    for host in ("0.0.0.0", "192.168.1.10", "example.com", "::"):
        with pytest.raises(ValueError):
            MirrorServer(host=host)


def test_records_every_request_in_order():
    with MirrorServer() as srv:
        for path in ("/news/latest.html", "/news/latest-2.html?utm_source=x", "/nope.html"):
            fetch(srv, path)
        fetch(srv, "/robots.txt", method="HEAD")
        assert srv.requests == ["/news/latest.html", "/news/latest-2.html", "/nope.html", "/robots.txt"]
        hits = srv.hits
        assert [h.status for h in hits] == [200, 200, 404, 200]
        assert hits[1].query == "utm_source=x" and hits[3].method == "HEAD"
        srv.clear_requests()
        assert srv.requests == []


def test_records_concurrent_requests_without_losing_any():
    paths = [f"/news/latest.html?n={i}" for i in range(40)] + [f"/missing/{i}.html" for i in range(10)]
    with MirrorServer() as srv:
        threads = [threading.Thread(target=fetch, args=(srv, p)) for p in paths]
        for t in threads:
            t.start()
        for t in threads:
            t.join(10)
        assert len(srv.requests) == len(paths)
        assert sorted(srv.requests) == sorted(p.split("?")[0] for p in paths)


def test_requests_is_a_snapshot(server):
    snapshot = server.requests
    fetch(server, "/robots.txt")
    assert len(server.requests) == len(snapshot) + 1


def test_stops_cleanly_even_with_an_idle_keep_alive_connection():
    srv = MirrorServer().start()
    port = srv.port
    idle = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    idle.request("GET", "/robots.txt")
    idle.getresponse().read()  # the connection stays open (HTTP/1.1 keep-alive)
    thread = srv._thread
    started = time.monotonic()
    srv.stop()
    assert time.monotonic() - started < 3
    assert not thread.is_alive() and not srv.running
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    srv.stop()  # idempotent
    with pytest.raises(RuntimeError):
        srv.base_url
    idle.close()


def test_context_manager_starts_and_stops():
    with MirrorServer() as srv:
        assert srv.running
        assert fetch(srv, "/robots.txt")[0].status == 200
    assert not srv.running


def test_quiet_unless_verbose(capfd):
    with MirrorServer() as srv:
        fetch(srv, "/news/latest.html")
        fetch(srv, "/nope.html")
        conn = socket.create_connection(("127.0.0.1", srv.port))
        conn.sendall(b"GET /news/latest.html HTTP/1.1\r\nHost: x\r\n\r\n")
        conn.close()  # hang up before the answer
        time.sleep(0.2)
    out, err = capfd.readouterr()
    assert out == "" and err == ""
    with MirrorServer(verbose=True) as srv:
        fetch(srv, "/nope.html")
    assert "/nope.html" in capfd.readouterr().err


def test_serves_another_root(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "index.html").write_text("<p>привіт</p>", encoding="utf-8")
    with MirrorServer(root=tmp_path) as srv:
        response, body = fetch(srv, "/news/")
        assert response.status == 200 and body.decode() == "<p>привіт</p>"
        assert fetch(srv, "/news/general.html")[0].status == 404
    with pytest.raises(FileNotFoundError):
        MirrorServer(root=tmp_path / "nowhere")


def test_command_line_serve_prints_the_base_url_and_stops_on_ctrl_c():
    proc = subprocess.Popen([sys.executable, "-m", "interfax.mirror", "serve", "--port", "0"], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        base_url = proc.stdout.readline().strip()
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", base_url)
        host, port = base_url[len("http://"):].split(":")
        conn = http.client.HTTPConnection(host, int(port), timeout=5)
        conn.request("GET", "/news/latest.html")
        assert conn.getresponse().status == 200
        conn.close()
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_command_line_requires_a_command():
    result = subprocess.run([sys.executable, "-m", "interfax.mirror"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 2 and "serve" in result.stderr


# -- the mirror and tests/expected ----------------------------------------------------------------
@pytest.mark.parametrize("rel_path", sorted(REFERENCE_SHA256))
def test_reference_pages_are_verbatim(rel_path):
    assert hashlib.sha256((DEFAULT_ROOT / rel_path).read_bytes()).hexdigest() == REFERENCE_SHA256[rel_path]


def test_expected_items_have_every_field_but_crawled_at():
    from interfax.items import FIELDS

    want = [f for f in FIELDS if f != "crawled_at"]
    assert model.EXPECTED_FIELDS == want
    for article_id, item in EXPECTED.items():
        assert list(item) == want, article_id


def test_expected_items_match_the_schema():
    import jsonschema
    schema = json.loads((REPO / "interfax" / "schemas" / "article.json").read_text("utf-8"))
    for item in EXPECTED.values():
        jsonschema.validate({**item, "crawled_at": "2026-01-01T00:00:00+00:00"}, schema)


def test_expected_urls_map_to_mirror_files():
    for article_id, item in EXPECTED.items():
        match = re.fullmatch(r"https://interfax\.com\.ua(/news/([a-z0-9-]+)/(\d+)\.html)", item["url"])
        assert match, item["url"]
        assert int(match.group(3)) == article_id == item["id"] and match.group(2) == item["section"]
        assert mirror_file(match.group(1)).is_file(), item["url"]


def test_crawl_summary_agrees_with_the_expected_files():
    assert CRAWL["exported_ids"] == sorted(EXPECTED)
    assert not set(CRAWL["exported_ids"]) & set(CRAWL["never_exported_ids"])
    pages = {p.relative_to(DEFAULT_ROOT).as_posix() for p in DEFAULT_ROOT.rglob("*.html")}
    existing_ids = {int(m.group(1)) for p in pages if (m := re.fullmatch(r"news/[a-z0-9-]+/(\d+)\.html", p))}
    assert set(CRAWL["never_exported_ids"]) <= existing_ids, "traps must exist in the mirror"
    for path in CRAWL["missing_paths"]:
        assert not mirror_file(path).exists(), path
    for path in CRAWL["listing_paths"] + CRAWL["amp_fallback_paths"]:
        assert mirror_file(path).is_file(), path
    fetched = set(CRAWL["listing_paths"]) | set(CRAWL["amp_fallback_paths"]) | set(CRAWL["missing_paths"]) | {
        re.sub(r"^https://interfax\.com\.ua", "", item["url"]) for item in EXPECTED.values()}
    assert not fetched & set(CRAWL["never_requested_paths"])
    assert {int(k) for k in CRAWL["depths"]} == set(EXPECTED)


def _listing_links(path: str) -> list[str]:
    return page(path).css("div.articles-section-view a.article-link::attr(href)").getall()


def test_listing_links_exist_or_are_known_404s():
    missing = set(CRAWL["missing_paths"])
    for listing in CRAWL["listing_paths"]:
        for href in _listing_links(listing):
            path = article_path(href)
            assert path, f"{listing}: not an article link {href}"
            assert mirror_file(path).is_file() or path in missing, f"{listing}: {href}"


def test_listing_pagers_end_with_a_backward_link():
    by_section: dict[str, list[str]] = {}
    for listing in CRAWL["listing_paths"]:
        by_section.setdefault(re.sub(r"-\d+\.html$", ".html", listing), []).append(listing)
    for pages in by_section.values():
        for n, listing in enumerate(pages, start=1):
            links = page(listing).css("div.pager a::attr(href)").getall()
            if len(pages) == 1:
                assert not links
            elif n < len(pages):
                assert links[-1] == pages[n], f"{listing}: last pager link should be the next page"
            else:
                assert links[-1] == pages[n - 2], f"{listing}: last page's last link should point back"


def _related_paths(path: str) -> tuple[list[str], str | None]:
    """Related article paths of a page (desktop block, else the AMP twin's) and the AMP path used."""
    sel = page(path)
    hrefs = sel.css("div.article-related a.article-link::attr(href)").getall()
    amp_used = None
    if not hrefs:
        amp = sel.css('link[rel="amphtml"]::attr(href)').get()
        if amp:
            amp_used = re.sub(r"^https://interfax\.com\.ua", "", amp)
            hrefs = page(amp_used).css("section.amp-related a::attr(href)").getall()
    return [article_path(h) for h in hrefs], amp_used


def test_crawl_graph_in_the_html_gives_the_expected_ids():
    """Walk the HTML itself (listings + pagers, related blocks, AMP fallback), depth <= 2."""
    listed = []
    for listing in CRAWL["listing_paths"]:
        listed += [article_path(h) for h in _listing_links(listing)]
    depth: dict[str, int] = {}
    amp_fetched, frontier = set(), listed
    for d in range(3):
        nxt = []
        for path in frontier:
            if path in depth:
                continue
            depth[path] = d
            if mirror_file(path).is_file():
                related, amp = _related_paths(path)
                if amp:
                    amp_fetched.add(amp)
                if d < 2:
                    nxt += related
        frontier = nxt
    found = {p for p in depth if mirror_file(p).is_file()}
    assert sorted(int(re.search(r"(\d+)\.html$", p).group(1)) for p in found) == CRAWL["exported_ids"]
    assert sorted(p for p in depth if p not in found) == CRAWL["missing_paths"]
    assert sorted(amp_fetched) == CRAWL["amp_fallback_paths"]
    assert {str(int(re.search(r"(\d+)\.html$", p).group(1))): d for p, d in depth.items() if p in found} == CRAWL["depths"]


def test_expected_content_is_on_the_pages():
    """A light independent check of each expected item against its page's visible text."""
    for item in EXPECTED.values():
        path = re.sub(r"^https://interfax\.com\.ua", "", item["url"])
        raw = mirror_file(path).read_text("utf-8")
        sel = Selector(text=raw)
        body_text = normalized(sel.xpath("string(//body)").get())
        assert item["title"] in normalized(sel.css("h1").xpath("string()").get()), item["id"]
        for paragraph in item["text"].split("\n\n"):
            assert paragraph in body_text, (item["id"], paragraph)
        local = datetime.fromisoformat(item["published_at"]).astimezone(ZoneInfo("Europe/Kyiv"))
        shown_day = (f"{local:%d.%m.%Y}", f"{local.day} {model.MONTHS_GEN[local.month - 1]} {local.year}")  # (an older page: "9 березня 2012")
        assert f"{local:%H:%M}" in body_text and any(day in body_text for day in shown_day), item["id"]
        for image in item["images"]:
            tail = image["url"].split("interfax.com.ua", 1)[1]
            assert tail in unescape(raw), (item["id"], image["url"])
        for tag in item["tags"]:
            assert f"#{tag}" in body_text, (item["id"], tag)
        related_paths, amp = _related_paths(path)
        block = page(amp).css("section.amp-related") if amp else sel.css("div.article-related")
        block_text = normalized(block.xpath("string()").get() or "")
        assert [re.sub(r"^https://interfax\.com\.ua", "", r["url"]) for r in item["related"]] == related_paths
        for rel in item["related"]:
            assert rel["title"] in block_text, (item["id"], rel)
        if item["source"]:
            assert f"Джерело: {item['source']}" in item["text"]
        if item["photo_credit"]:
            assert f"Фото: {item['photo_credit']}" in body_text
        if item["reading_time"]:
            assert f"{item['reading_time']} хв читати" in body_text
        assert item["word_count"] == sum(1 for word in item["text"].split() if any(c.isalnum() for c in word))  # (a dash is no word)


def test_published_times_are_kyiv_time_with_the_right_offset():
    kyiv = ZoneInfo("Europe/Kyiv")
    for item in EXPECTED.values():
        for field in ("published_at", "modified_at"):
            if item[field]:
                stamp = datetime.fromisoformat(item[field])
                assert stamp.utcoffset() == stamp.astimezone(kyiv).utcoffset(), (item["id"], field)
    assert EXPECTED[1060107]["published_at"] == "2025-03-30T04:10:00+03:00"  # just after the spring switch
    assert EXPECTED[1118870]["published_at"] == "2025-10-26T21:12:00+02:00"  # after the autumn switch
    assert EXPECTED[1039312]["published_at"] == "2025-01-15T10:05:00+02:00"  # given in UTC on the page
    assert EXPECTED[1063374]["published_at"] == "2025-04-11T21:32:00+03:00"


def test_reference_article_expectation_by_hand():
    item = EXPECTED[1063374]
    assert item["text"].count("\n\n") == 4 and "(R&D)" in item["text"]
    assert item["images"] == [{"url": "https://interfax.com.ua/static/articles/images/2025/04/11/photo-2025-04-11-21-10-38.jpg",
                               "caption": None}]  # the alt is the file's name, not a caption
    assert item["tags"] == [] and item["reading_time"] == 1
    assert item["modified_at"] == "2025-04-11T21:35:12+03:00"
    assert [r["id"] for r in item["related"]] == [1063120, 1062871]


def test_kyiv_offset_rule_matches_the_tz_database():
    kyiv = ZoneInfo("Europe/Kyiv")
    for stamp in ["2025-03-30 02:59", "2025-03-30 04:00", "2025-10-26 02:59", "2025-10-26 04:00", "2017-08-17 14:26",
                  "2025-01-15 10:05", "2026-01-12 09:12", "2024-03-31 04:30", "2024-10-27 05:00"]:
        local = datetime.strptime(stamp, "%Y-%m-%d %H:%M")
        assert model.kyiv_offset_hours(local) * 3600 == local.replace(tzinfo=kyiv).utcoffset().total_seconds(), stamp


def test_rebuilding_reproduces_the_committed_mirror(tmp_path):
    summary = build.build_small(tmp_path / "site", tmp_path / "expected")
    for rel_path in summary["written"]:
        assert filecmp.cmp(tmp_path / "site" / rel_path, DEFAULT_ROOT / rel_path, shallow=False), \
            f"{rel_path} differs from a fresh render: run `python -m interfax.mirror.build small`"
    committed = {p.relative_to(DEFAULT_ROOT).as_posix() for p in DEFAULT_ROOT.rglob("*") if p.is_file()}
    assert committed == set(summary["written"]) | set(build.REFERENCE_PAGES), "stale or unknown files in the mirror"
    fresh = sorted(p.name for p in (tmp_path / "expected").glob("*.json"))
    assert fresh == sorted(p.name for p in EXPECTED_DIR.glob("*.json"))
    for name in fresh:
        assert json.loads((tmp_path / "expected" / name).read_text("utf-8")) == \
            json.loads((EXPECTED_DIR / name).read_text("utf-8")), name


def test_build_site_renders_a_consistent_synthetic_mirror(tmp_path):
    summary = build.build_site(tmp_path / "site", n_articles=150, seed=3, page_size=10, expected_dir=tmp_path / "exp")
    again = build.build_site(tmp_path / "site2", n_articles=150, seed=3, page_size=10)
    assert summary["exported_ids"] == again["exported_ids"]  # deterministic
    assert len(summary["exported_ids"]) == len(list((tmp_path / "exp").glob("[0-9]*.json")))
    assert len(summary["exported_ids"]) >= 140
    for listing in summary["listing_paths"]:
        assert (tmp_path / "site" / listing.lstrip("/")).is_file()
    for path in summary["missing_paths"]:
        assert not (tmp_path / "site" / path.lstrip("/")).exists()
    assert summary["amp_fallback_paths"]
    assert (tmp_path / "site" / "robots.txt").is_file()
    with MirrorServer(root=tmp_path / "site") as srv:
        assert fetch(srv, summary["listing_paths"][-1])[0].status == 200


def test_the_offline_command_crawls_the_mirror_and_says_so_in_one_line(tmp_path):
    """The README's first crawl: one summary line naming the articles, the file and the failures."""
    out = tmp_path / "articles.jsonl"
    result = subprocess.run([sys.executable, "-m", "interfax.offline", "-O", str(out)], cwd=REPO,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    summary = result.stdout.strip()
    assert re.fullmatch(rf"offline crawl finished: {len(records)} articles -> {re.escape(str(out))} "
                        r"\(\d+ requests to http://127\.0\.0\.1:\d+, 0 dropped, 4 failed, [\d.]+s\)", summary), summary
    # an output it cannot write: one line and exit 2 before anything is served, not a traceback per
    # record followed by a summary naming a file that was never written
    result = subprocess.run([sys.executable, "-m", "interfax.offline", "-O", str(tmp_path)], cwd=REPO,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == f"python -m interfax.offline: error: cannot write the output: {tmp_path} is a folder, not a file"
    assert result.stdout == "" and "Traceback" not in result.stderr


def test_the_offline_command_exits_3_when_a_monitor_fails_as_scrapy_crawl_does(tmp_path):
    """A failed end-of-run check is a failed run for the offline command too: the monitors' report
    on stderr and exit code 3 (the bundled mirror's own crawl passes them: exit 0 above)."""
    out = tmp_path / "articles.jsonl"
    result = subprocess.run([sys.executable, "-m", "interfax.offline", "-O", str(out), "-s", "INTERFAX_MONITOR_MIN_ITEMS=100000"],
                            cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 3, result.stderr[-3000:]
    assert result.stdout.startswith("offline crawl finished: ")  # the summary still says what was crawled
    tail = result.stderr[result.stderr.index("interfax monitors FAILED:"):].splitlines()
    assert tail[0] == "interfax monitors FAILED:"
    assert len(tail) == 2 and "INTERFAX_MONITOR_MIN_ITEMS" in tail[1], tail


def test_serve_on_a_busy_port_says_so_in_one_line_and_exits_2():
    """Before: a raw OSError traceback."""
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "interfax.mirror", "serve", "--port", str(port)],
                                cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr == (f"python -m interfax.mirror serve: error: cannot listen on 127.0.0.1:{port}: Address already in use "
                             "(another process uses that port: pick another --port, or 0 for any free one)\n")
    assert result.stdout == ""

"""A tiny static HTTP server for the offline mirror of interfax.com.ua.

Files under ``root`` are served at their path: ``root/news/general/1063374.html`` answers
``GET /news/general/1063374.html``. Standard library only (``http.server``), one thread per
connection, bound to 127.0.0.1 and nothing else.

    with MirrorServer() as server:
        server.base_url            # 'http://127.0.0.1:54321'
        ...                        # crawl server.base_url + '/news/latest.html'
        server.requests            # ['/news/latest.html', '/news/latest-2.html', ...]

Rules:

- The query string and fragment are ignored (``/x.html?utm_source=telegram`` serves ``x.html``).
- ``GET`` and ``HEAD``; anything else gets 405.
- A directory answers its ``index.html`` if it has one.
- Missing files, directories without an index, ``..`` segments (also percent-encoded), NUL
  bytes and backslashes answer 404 with a small HTML page. Nothing outside ``root`` is served,
  also not through symlinks.
- ``Content-Type`` comes from the file extension (``CONTENT_TYPES``); text types say
  ``charset=utf-8``.
- Every request is recorded: ``requests`` holds the request paths in arrival order (raw, as
  sent: percent-escapes kept, query dropped), ``hits`` the same with method, query and status.
- Quiet: no access log and no tracebacks on stderr unless ``verbose=True``.
"""

from __future__ import annotations

import http.server
import ipaddress
import os
import posixpath
import socket
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

DEFAULT_ROOT = Path(__file__).resolve().parent / "site"

#: extension -> Content-Type. Anything else is served as application/octet-stream.
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".rss": "application/rss+xml; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".js": "application/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".ico": "image/x-icon",
}

NOT_FOUND_BODY = (
    '<!DOCTYPE html>\n<html lang="uk">\n<head><meta charset="utf-8">'
    "<title>404 – Сторінку не знайдено | Інтерфакс-Україна</title></head>\n"
    "<body><h1>404</h1><p>Сторінку не знайдено.</p></body>\n</html>\n"
).encode("utf-8")

METHOD_NOT_ALLOWED_BODY = (
    '<!DOCTYPE html>\n<html lang="uk">\n<head><meta charset="utf-8"><title>405</title></head>\n'
    "<body><h1>405</h1><p>Method not allowed.</p></body>\n</html>\n"
).encode("utf-8")


def content_type(path: Path | str) -> str:
    """The Content-Type for a file name, from its extension."""
    return CONTENT_TYPES.get(posixpath.splitext(str(path))[1].lower(), "application/octet-stream")


def _check_loopback(host: str) -> str:
    """Return the IPv4 loopback address to bind to; refuse anything else."""
    if host == "localhost":
        return "127.0.0.1"
    try:
        address = ipaddress.IPv4Address(host)
    except ValueError:
        raise ValueError(f"MirrorServer binds only to 127.0.0.1, not {host!r}") from None
    if not address.is_loopback:
        raise ValueError(f"MirrorServer binds only to 127.0.0.1, not {host!r}")
    return str(address)


@dataclass(frozen=True)
class Hit:
    """One request the server answered."""

    method: str
    path: str  # raw request path, query dropped
    query: str
    status: int


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _HTTPServer
    protocol_version = "HTTP/1.1"  # keep-alive; every answer carries Content-Length
    server_version = "InterfaxMirror/1.0"
    sys_version = ""
    timeout = 10  # seconds an idle keep-alive connection is kept

    # -- methods ---------------------------------------------------------------------------
    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        self._serve(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._serve(send_body=False)

    def _not_allowed(self) -> None:
        path, query = self._split_target()
        self.server.mirror._record(Hit(self.command, path, query, 405))
        self._send(405, "text/html; charset=utf-8", METHOD_NOT_ALLOWED_BODY, True, {"Allow": "GET, HEAD"})

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _not_allowed  # noqa: N815

    # -- helpers ---------------------------------------------------------------------------
    def _split_target(self) -> tuple[str, str]:
        parts = urlsplit(self.path)
        return parts.path or "/", parts.query

    def _serve(self, send_body: bool) -> None:
        path, query = self._split_target()
        file = self.server.mirror.resolve(path)
        if file is None:
            status, ctype, body = 404, "text/html; charset=utf-8", NOT_FOUND_BODY
        else:
            try:
                body = file.read_bytes()
            except OSError:
                status, ctype, body = 404, "text/html; charset=utf-8", NOT_FOUND_BODY
            else:
                status, ctype = 200, content_type(file)
        self.server.mirror._record(Hit(self.command, path, query, status))
        self._send(status, ctype, body, send_body)

    def _send(self, status: int, ctype: str, body: bytes, send_body: bool, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (http.server signature)
        if self.server.mirror.verbose:
            sys.stderr.write(f"mirror: {self.address_string()} {format % args}\n")


class _HTTPServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    # socketserver listens with a backlog of 5: a crawl opening its connections at once (16 by
    # default) could have one dropped, and the client's kernel retries it only a second later
    request_queue_size = 128
    block_on_close = False  # stop() never waits for a client that keeps its connection open
    allow_reuse_address = True
    mirror: MirrorServer

    def handle_error(self, request, client_address) -> None:
        # Clients that hang up mid-answer (a stopped crawl) are normal here: stay quiet.
        if self.mirror.verbose:
            super().handle_error(request, client_address)

    def process_request(self, request, client_address) -> None:
        self.mirror._track(request, add=True)
        super().process_request(request, client_address)

    def shutdown_request(self, request) -> None:
        self.mirror._track(request, add=False)
        super().shutdown_request(request)


class MirrorServer:
    """Serve ``root`` on 127.0.0.1 in a background thread.

    ``port=0`` picks a free port. Start with ``start()`` or ``with MirrorServer() as s:``;
    ``stop()`` (idempotent) closes the listening socket and open connections and joins the
    thread. A subclass that answers otherwise sets ``handler`` (its request handler reaches the
    server object as ``self.server.mirror``) and ``name``.
    """

    handler: type[http.server.BaseHTTPRequestHandler] = _Handler
    name = "mirror"

    def __init__(self, root: str | os.PathLike = DEFAULT_ROOT, host: str = "127.0.0.1", port: int = 0,
                 verbose: bool = False) -> None:
        self.root = Path(root).resolve()
        if not self.root.is_dir():
            raise FileNotFoundError(f"mirror root is not a directory: {self.root}")
        self.host = _check_loopback(host)
        self.port = int(port)
        self.verbose = verbose
        self._lock = threading.Lock()
        self._hits: list[Hit] = []
        self._connections: set[socket.socket] = set()
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------
    def start(self) -> MirrorServer:
        if self._httpd is not None:
            return self
        httpd = _HTTPServer((self.host, self.port), self.handler)
        httpd.mirror = self
        self._httpd = httpd
        self.port = httpd.server_address[1]
        self._thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.1},
                                        name=f"{self.name}-server-{self.port}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        httpd, thread = self._httpd, self._thread
        if httpd is None:
            return
        self._httpd = self._thread = None
        httpd.shutdown()
        httpd.server_close()
        with self._lock:
            connections = list(self._connections)
            self._connections.clear()
        for conn in connections:  # idle keep-alive connections: wake their threads up
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        if thread is not None:
            thread.join(timeout=5)

    def serve_forever(self) -> None:
        """Serve in the calling thread until KeyboardInterrupt (for the command line)."""
        self.start()
        try:
            while self._thread is not None and self._thread.is_alive():
                self._thread.join(timeout=0.5)
        finally:
            self.stop()

    def __enter__(self) -> MirrorServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self._httpd is not None

    @property
    def server_address(self) -> tuple[str, int]:
        return (self.host, self.port)

    @property
    def base_url(self) -> str:
        if self._httpd is None:
            raise RuntimeError(f"{type(self).__name__} is not running: call start() or use it as a context manager")
        return f"http://{self.host}:{self.port}"

    def url(self, path: str = "/") -> str:
        """``base_url`` + ``path`` (a site path such as ``/news/latest.html``)."""
        return self.base_url + (path if path.startswith("/") else "/" + path)

    # -- what was requested ----------------------------------------------------------------
    @property
    def requests(self) -> list[str]:
        """Request paths in arrival order (a copy): raw as sent, without the query."""
        with self._lock:
            return [hit.path for hit in self._hits]

    @property
    def hits(self) -> list[Hit]:
        """Every request answered, in arrival order (a copy)."""
        with self._lock:
            return list(self._hits)

    def clear_requests(self) -> None:
        with self._lock:
            self._hits.clear()

    def _record(self, hit: Hit) -> None:
        with self._lock:
            self._hits.append(hit)

    def _track(self, conn: socket.socket, add: bool) -> None:
        with self._lock:
            if add:
                self._connections.add(conn)
            else:
                self._connections.discard(conn)

    # -- path -> file ----------------------------------------------------------------------
    def resolve(self, path: str) -> Path | None:
        """The file under ``root`` that answers URL ``path``, or None (-> 404)."""
        try:
            path = unquote(urlsplit(path).path, errors="strict")
        except UnicodeDecodeError:
            return None
        if not path.startswith("/") or "\x00" in path or "\\" in path:
            return None
        segments = [s for s in path.split("/") if s not in ("", ".")]
        if any(s == ".." for s in segments):
            return None
        candidate = self.root.joinpath(*segments)
        try:
            candidate = candidate.resolve()
        except (OSError, RuntimeError):
            return None
        if candidate != self.root and self.root not in candidate.parents:
            return None
        if candidate.is_dir():
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None

"""``python -m interfax.mirror <command>``: tools around the offline mirror.

Commands:
    serve   serve the mirror on 127.0.0.1 until Ctrl-C and print its base URL

Adding a command: write ``add_<name>_parser(subparsers)`` that registers the sub-parser and
sets ``func`` (a function taking the parsed args and returning an exit code), and call it
from ``build_parser``.
"""

from __future__ import annotations

import argparse
import errno
import signal
import sys
import threading
from pathlib import Path

from interfax.mirror.server import DEFAULT_ROOT, MirrorServer


def cmd_serve(args: argparse.Namespace) -> int:
    server = MirrorServer(root=args.root, port=args.port, verbose=args.verbose)
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):  # Ctrl-C / kill: a flag, never an exception mid-way
        signal.signal(signum, lambda *_: stop.set())
    try:
        server.start()
    except OSError as exc:  # the port is taken, or not ours to bind: one line, no traceback
        print(f"python -m interfax.mirror serve: error: cannot listen on {server.host}:{args.port}: {exc.strerror or exc}"
              + (" (another process uses that port: pick another --port, or 0 for any free one)"
                 if exc.errno == errno.EADDRINUSE else ""), file=sys.stderr)
        return 2
    try:
        print(server.base_url, flush=True)
        print(f"serving {server.root} (Ctrl-C to stop)", file=sys.stderr, flush=True)
        while not stop.wait(0.2):
            pass
    finally:
        server.stop()
    return 0


def add_serve_parser(subparsers) -> None:
    p = subparsers.add_parser("serve", help="serve the mirror on 127.0.0.1 until Ctrl-C",
                              description="Serve the offline mirror on 127.0.0.1 and print its base URL.")
    p.add_argument("--port", type=int, default=0, help="port to listen on (default: 0 = any free port)")
    p.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="directory to serve (default: %(default)s)")
    p.add_argument("-v", "--verbose", action="store_true", help="log every request to stderr")
    p.set_defaults(func=cmd_serve)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m interfax.mirror",
                                     description="Tools around the offline mirror of interfax.com.ua.")
    subparsers = parser.add_subparsers(dest="command", required=True)
    add_serve_parser(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())

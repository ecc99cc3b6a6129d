"""Offline mirror of interfax.com.ua: static pages whose file paths are the site's URL paths
(``site/``), a stdlib static server for them (``server.MirrorServer``) and the generator that
renders the non-reference pages and the expected items (``build``). See README.md here.
"""

from interfax.mirror.server import DEFAULT_ROOT, MirrorServer

__all__ = ["DEFAULT_ROOT", "MirrorServer"]

"""The local web viewer: a small WSGI application over a store opened read-only.

Every page has a JSON twin at the same path with `.json` (`/actors/mao_zedong.json`). The server
binds 127.0.0.1 unless told otherwise.
"""
from __future__ import annotations

import re
import socketserver
from collections.abc import Callable, Iterable
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from ..store.db import connect
from . import views
from .render import render, static_names, static_text, to_json

CSP = ("default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")
CONTENT_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}
NAV = [("/", "Documents"), ("/actors", "Actors"), ("/quotes", "Quotes"), ("/timeline", "Timeline"),
       ("/network", "Network"), ("/search", "Search")]

ROUTES: list[tuple[re.Pattern, Callable]] = [
    (re.compile(r"^/(?:index)?$"), lambda conn, p: views.index(conn, p)),
    (re.compile(r"^/documents/([^/]+)$"), lambda conn, p, key, cache: views.document(conn, key, p, cache=cache)),
    (re.compile(r"^/actors$"), lambda conn, p: views.actors(conn, p)),
    (re.compile(r"^/actors/([^/]+)$"), lambda conn, p, slug: views.actor(conn, slug, p)),
    (re.compile(r"^/quotes$"), lambda conn, p: views.quotes(conn, p)),
    (re.compile(r"^/search$"), lambda conn, p: views.search(conn, p)),
    (re.compile(r"^/timeline$"), lambda conn, p: views.timeline(conn, p)),
    (re.compile(r"^/network$"), lambda conn, p: views.network(conn, p)),
]


class Viewer:
    """WSGI application. Opens the database read-only for each request (threads share nothing)."""

    def __init__(self, db_path: str) -> None:
        self.db_path = db_path
        connect(db_path, readonly=True).close()  # fail now, with the file's name, not on the first request
        self.static = static_names()
        self.cache = views.DocumentCache()

    def __call__(self, environ: dict, start_response) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "GET")
        path = environ.get("PATH_INFO", "/") or "/"
        if method not in ("GET", "HEAD"):
            return self._send(start_response, "405 Method Not Allowed", "text/plain; charset=utf-8",
                              "read-only viewer: GET only\n", method, [("Allow", "GET, HEAD")])
        if path.startswith("/static/"):
            name = path[len("/static/"):]
            if name not in self.static:
                return self._error(start_response, "404 Not Found", f"no file {name}", False, method)
            ext = name[name.rfind("."):]
            return self._send(start_response, "200 OK", CONTENT_TYPES.get(ext, "text/plain; charset=utf-8"),
                              static_text(name), method)
        as_json = path.endswith(".json")
        if as_json:
            path = path[:-5]
            if path == "/index":
                path = "/"
        params = {k: v[-1] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
        for pattern, handler in ROUTES:
            m = pattern.match(path)
            if not m:
                continue
            conn = connect(self.db_path, readonly=True)
            try:
                extra = (self.cache,) if pattern.pattern.startswith("^/documents/") else ()
                view = handler(conn, params, *m.groups(), *extra)
            except views.NotFound as e:
                return self._error(start_response, "404 Not Found", str(e), as_json, method)
            except views.BadRequest as e:
                return self._error(start_response, "400 Bad Request", str(e), as_json, method)
            finally:
                conn.close()
            if as_json:
                return self._send(start_response, "200 OK", "application/json; charset=utf-8", to_json(view.data),
                                  method)
            html = render(view.template, title=view.title, data=view.data, nav=NAV, path=path, params=params,
                          mode="server", json_href=_json_href(path, environ), **view.html)
            return self._send(start_response, "200 OK", "text/html; charset=utf-8", html, method)
        return self._error(start_response, "404 Not Found", f"no page {path}", as_json, method)

    def _error(self, start_response, status: str, message: str, as_json: bool, method: str):
        if as_json:
            return self._send(start_response, status, "application/json; charset=utf-8",
                              to_json({"error": message}), method)
        html = render("error.html", title=status, message=message, nav=NAV, path="", params={}, mode="server",
                      json_href=None)
        return self._send(start_response, status, "text/html; charset=utf-8", html, method)

    @staticmethod
    def _send(start_response, status: str, ctype: str, body: str, method: str, extra: list | None = None):
        data = body.encode("utf-8")
        headers = [("Content-Type", ctype), ("Content-Length", str(len(data))), ("Content-Security-Policy", CSP),
                   ("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer"),
                   ("Cache-Control", "no-store")] + (extra or [])
        start_response(status, headers)
        return [b""] if method == "HEAD" else [data]


def _json_href(path: str, environ: dict) -> str:
    base = "/index" if path == "/" else path
    qs = environ.get("QUERY_STRING", "")
    return base + ".json" + (f"?{qs}" if qs else "")


class _ThreadingServer(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args) -> None:  # noqa: A002 - the base class's signature
        pass


def make_viewer_server(db_path: str, host: str = "127.0.0.1", port: int = 8000, quiet: bool = True):
    """A threaded HTTP server for the viewer (call `serve_forever()`); port 0 picks a free port."""
    app = Viewer(db_path)
    handler = _QuietHandler if quiet else WSGIRequestHandler
    return make_server(host, port, app, server_class=_ThreadingServer, handler_class=handler)


__all__ = ["Viewer", "make_viewer_server"]

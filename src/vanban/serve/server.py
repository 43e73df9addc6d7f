"""The HTTP side of ``vanban serve``: routes over a ``Site``, on 127.0.0.1 only.

Nothing is read by a path taken from the request: a plan is looked up by its key among the
plans found under PATH, a build file by its number and one of a few fixed names, a static file
by name among the package's own. So ``..``, encoded slashes and symlinks lead nowhere but to a
404. Requests whose Host is not this server are refused (a web page elsewhere cannot reach it by
DNS rebinding), and the server only answers GET and HEAD: it never writes what a request says.

Routes: ``/`` the plans; ``/api/plans`` the plans with their status and numbers of errors
(JSON); ``/events/?since=V`` server-sent events when that list changes (a plan added, removed,
or with new errors); ``/plan/KEY`` a plan's page; ``/api/plan/KEY`` its state (JSON);
``/api/changes/KEY?rev=R`` its changes since a revision; ``/events/KEY?since=V`` server-sent
events when its state changes; ``/file/KEY?build=N&name=page-1.png`` a build's file;
``/compare/KEY?rev=R&kind=bang-so-sanh`` (or ``theo-doi-thay-doi``) the bảng so sánh (or the
tracked-changes DOCX) against a revision, made on demand into the cache folder, with the column
headers ``old-header``, ``new-header``, ``reason-header`` as ``vanban compare`` takes them and the
reasons of the plan's ``.ly-do.yaml``; ``/static/NAME`` the page's script and style.
"""

from __future__ import annotations

import html
import json
import re
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import PurePosixPath
from urllib.parse import parse_qs, quote, unquote, urlsplit

from vanban.serve import words_en
from vanban.serve.engine import ATTACHED_SUFFIX
from vanban.serve.history import COMPARE_KINDS
from vanban.serve.site import Site

HOST = "127.0.0.1"
HEARTBEAT_SECONDS = 15.0
STATIC_TYPES = {"app.js": "text/javascript; charset=utf-8", "index.js": "text/javascript; charset=utf-8",
                "style.css": "text/css; charset=utf-8", "icon.svg": "image/svg+xml"}
FILE_TYPES = {".png": "image/png", ".pdf": "application/pdf",
              ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; object-src 'self'; frame-ancestors 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def static_text(name: str) -> str:
    """A file of the page (HTML, CSS, JS) shipped in the package."""
    return (resources.files("vanban.serve") / "static" / name).read_text(encoding="utf-8")


class Server(ThreadingHTTPServer):
    """A threading HTTP server bound to 127.0.0.1 that serves one ``Site``."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, site: Site, port: int = 0) -> None:
        self.site = site
        super().__init__((HOST, port), Handler)

    @property
    def port(self) -> int:
        return self.server_address[1]

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/"


class Handler(BaseHTTPRequestHandler):
    server: Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass  # the terminal shows the address and the builds, not every request

    # -- dispatch ----------------------------------------------------------------------------

    def do_HEAD(self) -> None:
        self._dispatch(head=True)

    def do_GET(self) -> None:
        self._dispatch(head=False)

    def _refuse(self) -> None:
        self.head = self.command == "HEAD"
        self._send(HTTPStatus.METHOD_NOT_ALLOWED,
                   (self._say(words_en.READ_ONLY) + "\n").encode(), "text/plain; charset=utf-8",
                   extra={"Allow": "GET, HEAD"})

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _refuse

    def _dispatch(self, head: bool) -> None:
        self.head = head
        if not self._host_ok():
            return self._error(HTTPStatus.FORBIDDEN, self._say(words_en.LOCAL_ONLY))
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        raw = parts.path
        if "\\" in raw or "\x00" in raw:
            return self._not_found()
        if raw in ("/", "/index.html"):
            return self.index("", query)
        for prefix, route in ROUTES:
            if raw.startswith(prefix):
                try:
                    rest = unquote(raw[len(prefix):], errors="strict")
                except UnicodeDecodeError:
                    return self._not_found()
                return route(self, rest, query)
        return self._not_found()

    def _host_ok(self) -> bool:
        host = self.headers.get("Host", "")
        return host in (f"{HOST}:{self.server.port}", f"localhost:{self.server.port}")

    def _say(self, pair: tuple[str, str]) -> str:
        return words_en.said(pair, self.server.site.lang)

    def _plan(self, key: str) -> str | None:
        """The key when it names a plan of the site (the only way to reach a plan)."""
        return key if key and self.server.site.has(key) else None

    # -- routes ------------------------------------------------------------------------------

    def index(self, _rest: str, _query: dict) -> None:
        rows = "\n".join(
            f'<li><a href="/plan/{html.escape(quote(k), quote=True)}">{html.escape(k)}</a></li>'
            for k in self.server.site.plan_keys())
        page = words_en.page(static_text("index.html"), self.server.site.lang).replace(
            "<!--PLANS-->", rows or f"<li>{self._say(words_en.NO_PLANS)}</li>")
        self._send(HTTPStatus.OK, page.encode(), "text/html; charset=utf-8")

    def plan_page(self, rest: str, _query: dict) -> None:
        key = self._plan(rest)
        if key is None:
            return self._not_found()
        values = {"plan": html.escape(key, quote=True),
                  "name": html.escape(PurePosixPath(key).stem)}
        page = re.sub(r"\{\{(plan|name)\}\}", lambda m: values[m.group(1)],
                      words_en.page(static_text("plan.html"), self.server.site.lang))
        # (one pass: a name cannot inject a field)
        self._send(HTTPStatus.OK, page.encode(), "text/html; charset=utf-8")

    def api_plan(self, rest: str, _query: dict) -> None:
        key = self._plan(rest)
        if key is None:
            return self._not_found()
        self.server.site.want(key)
        self._json(self.server.site.snapshot(key))

    def api_changes(self, rest: str, query: dict) -> None:
        from vanban.serve import history

        key = self._plan(rest)
        source = self.server.site.source(key) if key else None
        if source is None:
            return self._not_found()
        answer = history.changes(source, query.get("rev", ["HEAD"])[0], self.server.site.lang)
        answer["revisions"] = history.revisions(source, self.server.site.depends(key))
        answer["reasons"] = history.reasons_name(source)
        self._json(answer)

    def api_plans(self, rest: str, _query: dict) -> None:
        if rest:
            return self._not_found()
        self._json(self.server.site.plans())

    def events(self, rest: str, query: dict) -> None:
        site = self.server.site
        since = _int(query.get("since", ["0"])[0])
        if rest == "":  # the list of plans
            return self._stream(since, site.wait_index, site.follow_index)
        key = self._plan(rest)
        if key is None:
            return self._not_found()
        return self._stream(since, lambda since, timeout: site.wait(key, since, timeout),
                            lambda on: site.follow(key, on))

    def _stream(self, since: int, wait, follow) -> None:
        """Server-sent events: ``state`` with the new version each time ``wait`` sees one."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        if self.head:
            return
        follow(True)
        try:
            # A page whose server stopped tries again every second (a restart is seen at once).
            self.wfile.write(b"retry: 1000\n\n")
            while True:
                version = wait(since, HEARTBEAT_SECONDS)
                if version is None:
                    return
                if version > since:
                    since = version
                    self.wfile.write(f"event: state\ndata: {version}\n\n".encode())
                else:
                    self.wfile.write(b": ping\n\n")
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            return
        finally:
            follow(False)

    def file(self, rest: str, query: dict) -> None:
        key = self._plan(rest)
        build = _int(query.get("build", [""])[0])
        name = query.get("name", [""])[0]
        path = self.server.site.file(key, build, name) if key else None
        if path is None:
            return self._not_found()
        extra = {"Cache-Control": "private, max-age=3600"}  # a build's files never change
        if path.suffix != ".png":
            # The PDF opens in the browser (and in the page when there are no page images);
            # the DOCX is saved. Both under the plan's name (a second output: its own name, as
            # vanban build writes it).
            how = "inline" if path.suffix == ".pdf" else "attachment"
            second = ATTACHED_SUFFIX if path.stem == "attached" else ""
            download = PurePosixPath(key).stem + second + path.suffix
            extra["Content-Disposition"] = (f"{how}; filename=\"{_ascii(download)}\"; "
                                            f"filename*=UTF-8''{quote(download)}")
        self._send(HTTPStatus.OK, path.read_bytes(), FILE_TYPES[path.suffix], extra=extra)

    def compare(self, rest: str, query: dict) -> None:
        key = self._plan(rest)
        kind = query.get("kind", [""])[0]
        if key is None or kind not in COMPARE_KINDS:
            return self._not_found()
        if self.head:  # a HEAD does not make the document
            return self._send(HTTPStatus.OK, b"", FILE_TYPES[".docx"])
        rev = query.get("rev", ["HEAD"])[0]
        columns = tuple(_header(query, name) for name in COLUMN_PARAMETERS)
        path, why = self.server.site.compare(key, rev, kind, columns)
        if path is None:
            return self._error(HTTPStatus.CONFLICT, why)
        download = f"{PurePosixPath(key).stem}-{kind}.docx"
        self._send(HTTPStatus.OK, path.read_bytes(), FILE_TYPES[".docx"], extra={
            "Content-Disposition": f"attachment; filename=\"{_ascii(download)}\"; "
                                   f"filename*=UTF-8''{quote(download)}"})

    def static(self, rest: str, _query: dict) -> None:
        if rest not in STATIC_TYPES:
            return self._not_found()
        self._send(HTTPStatus.OK, static_text(rest).encode(), STATIC_TYPES[rest])

    # -- answers -----------------------------------------------------------------------------

    def _json(self, value: object) -> None:
        body = json.dumps(value, ensure_ascii=False).encode()
        self._send(HTTPStatus.OK, body, "application/json; charset=utf-8")

    def _not_found(self) -> None:
        self._error(HTTPStatus.NOT_FOUND, self._say(words_en.NOT_FOUND))

    def _error(self, status: HTTPStatus, message: str) -> None:
        self._send(status, (message + "\n").encode(), "text/plain; charset=utf-8")

    def _send(self, status: HTTPStatus, body: bytes, content_type: str, *,
              extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        headers = {"Cache-Control": "no-store", **SECURITY_HEADERS, **(extra or {})}
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if not self.head:
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass


ROUTES = (
    ("/plan/", Handler.plan_page),
    ("/api/plan/", Handler.api_plan),
    ("/api/changes/", Handler.api_changes),
    ("/events/", Handler.events),
    ("/api/plans", Handler.api_plans),
    ("/file/", Handler.file),
    ("/compare/", Handler.compare),
    ("/static/", Handler.static),
)


def _int(text: str) -> int:
    return int(text) if text.isdigit() and len(text) < 12 else -1


def _ascii(name: str) -> str:
    """The ASCII stand-in of a file name (``filename*`` carries the real one)."""
    return "".join(c if c.isascii() and c not in '"\\' and c.isprintable() else "_"
                   for c in name)


COLUMN_PARAMETERS = ("old-header", "new-header", "reason-header")
"""The bảng so sánh's column headers in a /compare request: ``vanban compare``'s options."""
MAX_HEADER = 120


def _header(query: dict, name: str) -> str:
    """A column header from the query: printable text, at most MAX_HEADER characters; "" for
    the default."""
    import unicodedata

    text = unicodedata.normalize("NFC", query.get(name, [""])[0])
    return "".join(c for c in text if c.isprintable())[:MAX_HEADER].strip()

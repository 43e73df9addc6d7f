"""``vanban serve`` put together: a cache folder, the warm office, the site, the watcher and
the HTTP server, started in that order and stopped in the reverse order."""

from __future__ import annotations

import errno
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from vanban.errors import display_path, error
from vanban.serve import engine
from vanban.serve.office import INSTALL_HINT, Office
from vanban.serve.server import Server
from vanban.serve.site import Site
from vanban.watcher import Watcher

OFFICE_WORDS = {
    "vi": {"warm": "LibreOffice giữ sẵn (xem trước nhanh)",
           "cold": "LibreOffice khởi động cho mỗi lần dựng (chậm hơn; cài python3-uno để giữ "
                   "LibreOffice chạy sẵn)",
           "none": f"không có LibreOffice: chỉ hiện lỗi và nội dung chữ. {INSTALL_HINT}"},
    "en": {"warm": "LibreOffice kept running (fast previews)",
           "cold": "LibreOffice started for each build (slower; install python3-uno to keep it "
                   "running)",
           "none": "no LibreOffice: diagnostics and text only. Install: sudo apt-get install "
                   "libreoffice-writer-nogui python3-uno fonts-liberation2 poppler-utils"},
}
WORDS = {
    "vi": ("vanban serve: {url}  (Ctrl+C để dừng)", "Thư mục: {root}; {office}.", "Đã dừng."),
    "en": ("vanban serve: {url}  (Ctrl+C to stop)", "Folder: {root}; {office}.", "Stopped."),
}


class Preview:
    """A running preview of the plans under ``root`` (start with ``start``, end with
    ``close``); ``url`` is its address."""

    def __init__(self, root: Path, *, port: int = 0, out: Path | None = None,
                 workspace: Path | None = None, lang: str = "vi", warm: bool = True) -> None:
        if not root.is_dir():
            raise error("serve.not-folder", "Cần một thư mục chứa kế hoạch (ví dụ plans/).",
                        display_path(root), message_en="A folder of plans is needed (plans/).")
        self.root = root.resolve()
        self.workspace = (workspace or Path.cwd()).resolve()
        self.cache = Path(tempfile.mkdtemp(prefix="vanban-serve-"))
        self.office = Office(self.cache / "office-profile", warm=warm)
        self.site = Site(self.root, self.workspace, self.cache, office=self.office,
                         out=out.resolve() if out else None, lang=lang)
        try:
            self.server = Server(self.site, port)
        except OSError as exc:
            self._cleanup()
            if exc.errno == errno.EADDRINUSE:
                raise error("serve.port-busy", f"Cổng {port} đang được dùng; chọn cổng khác, ví "
                            f"dụ --port {port + 1}.", "--port",
                            message_en=f"Port {port} is in use; pick another one, e.g. --port {port + 1}.") from None
            raise error("serve.cannot-listen", f"Không mở được cổng {port}: {exc.strerror}.",
                        "--port",
                        message_en=f"Cannot listen on port {port}: {exc.strerror}.") from None
        self.watcher = Watcher(engine.watched_folders(self.root, self.workspace),
                               self.site.changed)

    @property
    def url(self) -> str:
        return self.server.url

    def start(self) -> None:
        """Start building, watching and answering (the server in a thread of its own)."""
        self.site.start()
        self.watcher.start()
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.2},
                         name="vanban-http", daemon=True).start()

    def close(self) -> None:
        """Stop everything started and remove the cache folder."""
        self.server.shutdown()
        self.watcher.stop()
        self.site.close()
        self.server.server_close()
        self._cleanup()

    def _cleanup(self) -> None:
        self.office.close()
        shutil.rmtree(self.cache, ignore_errors=True)


def run(root: Path, *, port: int, out: Path | None, lang: str,
        say: Callable[[str], None], opened: Callable[[str], None] | None = None) -> None:
    """Serve until Ctrl+C (or SIGTERM); VanbanError when the server cannot start."""
    preview = Preview(root, port=port, out=out, lang=lang)
    stop = threading.Event()

    def _stop(*_args: object) -> None:
        stop.set()

    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        preview.start()
        started, folder, _ = WORDS[lang]
        say(started.format(url=preview.url))
        say(folder.format(root=display_path(preview.root),
                          office=OFFICE_WORDS[lang][preview.office.mode]))
        if opened is not None:
            opened(preview.url)
        try:
            while not stop.wait(0.5):
                pass
        except KeyboardInterrupt:
            pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        preview.close()
        say(WORDS[lang][2])


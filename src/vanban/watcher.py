"""Watching the plans, the registries and the templates for saves (the only user of watchfiles):
`vanban serve` and `vanban build --watch` rebuild on what it reports.

Editors save in bursts (a temporary file, a rename, a second write); watchfiles gathers the
changes of a short quiet spell (the debounce) into one set, and the site rebuilds each affected
plan once for it.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from pathlib import Path

DEBOUNCE_MS = 120
WATCHED_SUFFIXES = (".yaml", ".yml", ".docx", ".xlsx", ".csv")  # .xlsx, .csv: report data


def _interesting(_change: object, path: str) -> bool:
    name = Path(path).name
    # Word's lock files (~$x.docx) and editors' swap files are not sources.
    return name.endswith(WATCHED_SUFFIXES) and not name.startswith(("~$", ".#", "."))


class Watcher:
    """A thread calling ``on_change(paths)`` after each burst of saves under ``folders``."""

    def __init__(self, folders: list[Path], on_change: Callable[[list[Path]], object], *,
                 debounce_ms: int = DEBOUNCE_MS) -> None:
        self.folders, self.on_change, self.debounce_ms = folders, on_change, debounce_ms
        self._stop = threading.Event()
        self.ready = threading.Event()  # set once the watch is in place (saves are seen)
        self._thread = threading.Thread(target=self._run, name="vanban-watcher", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        from watchfiles import watch

        # yield_on_timeout: an empty set after each quiet spell, the first one saying that the
        # watch is in place (a save before that would be missed).
        for changes in watch(*self.folders, watch_filter=_interesting, stop_event=self._stop,
                             debounce=self.debounce_ms, step=20, yield_on_timeout=True,
                             rust_timeout=200, raise_interrupt=False):
            self.ready.set()
            paths = sorted({Path(path) for _, path in changes})
            if not paths:
                continue
            try:
                self.on_change(paths)
            except Exception:  # noqa: BLE001  (a bug: say it, and keep watching)
                traceback.print_exc()

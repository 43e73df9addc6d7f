"""What ``vanban serve`` knows: the plans under PATH, the state of each preview, and the one
builder thread that rebuilds a plan when it is opened or when a file it reads changes.

A build goes worker (validate, render, check, text) → office (PDF) → pdftoppm (page images),
each under a time limit, into a numbered folder of the cache. A plan with errors keeps its
last good build on show (the page greys it and puts the errors on top). Every change of a
state takes a new version number; the pages wait for one (server-sent events).
"""

from __future__ import annotations

import itertools
import secrets
import shutil
import sys
import threading
import time
import traceback
from collections import deque
from pathlib import Path

from vanban.errors import VanbanError
from vanban.serve import engine, history, words_en
from vanban.serve.office import INSTALL_HINT, INSTALL_HINT_EN, Office, OfficeError
from vanban.serve.pages import PAGE_NAME, PagesError, rasterize
from vanban.serve.process import LineProcess, ProcessError
from vanban.serve.state import PlanState, count_problems, server_problem

BUILD_TIMEOUT = 60.0
KEEP_BUILDS = 2  # the shown build and the one before it (a page may still be loading it)
FILE_NAMES = ("document.docx", "document.pdf", "attached.docx", "attached.pdf")
"""A build's files: the document, and the second output when the plan makes one (a Quyết định
in the two-files layout: ``<name>-kem-theo.docx``, the document it issues)."""
KEEP_COMPARES = 4


def worker_argv() -> list[str]:
    """The command of the build worker: this Python, running ``vanban.serve.worker``."""
    return [sys.executable, "-m", "vanban.serve.worker"]


class Site:
    """The plans under ``root`` and their previews; outputs go to ``cache`` (and, with ``out``,
    the DOCX/PDF also to ``out``, mirroring the plan folders)."""

    def __init__(self, root: Path, workspace: Path, cache: Path, *, office: Office | None,
                 out: Path | None = None, lang: str = "vi", timeout: float = BUILD_TIMEOUT,
                 worker: LineProcess | None = None) -> None:
        self.root, self.workspace, self.cache, self.out = root, workspace, cache, out
        self.office, self.lang, self.timeout = office, lang, timeout
        self.worker = worker or LineProcess(worker_argv(), ready_timeout=timeout)
        self._states: dict[str, PlanState] = {}
        self._versions = itertools.count(1)
        self._builds = itertools.count(1)
        self._compares = itertools.count(1)
        self._changed = threading.Condition()
        self._queue: deque[str] = deque()
        self._checks: deque[str] = deque()  # plans to validate only (for the list of plans)
        self._index_viewers = 0
        self.index_version = 0
        """Changes whenever the list of plans would read differently (the list page waits
        for it)."""
        self._closing = False
        self._thread: threading.Thread | None = None
        self.instance = secrets.token_hex(8)
        """Changes when the server is started again (its version numbers start over)."""
        self.rescan()

    # -- plans -------------------------------------------------------------------------------

    def rescan(self) -> None:
        """Find the plans again (a plan file was added or removed)."""
        found = {p.relative_to(self.root).as_posix(): p for p in engine.plan_files(self.root)}
        with self._changed:
            gone = [key for key in self._states if key not in found]
            for key in gone:
                del self._states[key]
            for key, source in found.items():
                if key not in self._states:
                    # Versions start at 1: a page that (re)connects with since=0 is told at once.
                    self._states[key] = PlanState(key, source, version=next(self._versions))
                    self.index_version = self._states[key].version
                    self._check(self._states[key])
            if gone:
                self.index_version = next(self._versions)
            self._changed.notify_all()

    def plan_keys(self) -> list[str]:
        with self._changed:
            return sorted(self._states)

    def has(self, key: str) -> bool:
        with self._changed:
            return key in self._states

    # -- life --------------------------------------------------------------------------------

    def start(self) -> None:
        """Start the builder thread; warm the worker and the office up in the background."""
        self._thread = threading.Thread(target=self._run, name="vanban-builder", daemon=True)
        self._thread.start()
        threading.Thread(target=self._warm, daemon=True).start()

    def _warm(self) -> None:
        try:
            self.worker.start()
        except ProcessError:
            pass  # reported at the first build
        if self.office is not None:
            self.office.start()

    def close(self) -> None:
        """Stop building, and stop the worker and the office."""
        with self._changed:
            self._closing = True
            self._changed.notify_all()
        # Killed first: a build under way then ends at once (with an error no one will see).
        self.worker.close()
        if self.office is not None:
            self.office.close()
        if self._thread is not None:
            self._thread.join(timeout=10)

    # -- what the pages ask ------------------------------------------------------------------

    def want(self, key: str) -> None:
        """The plan is being looked at: build it if it never was."""
        with self._changed:
            state = self._states.get(key)
            if state is None:
                return
            state.wanted = True
            if state.status == "new":
                self._enqueue(state)

    def follow(self, key: str, on: bool) -> None:
        """A page starts (``on``) or stops following the plan; once no page follows it, a
        change no longer rebuilds it (it is built again when opened)."""
        with self._changed:
            state = self._states.get(key)
            if state is None:
                return
            state.viewers += 1 if on else -1
            if state.viewers <= 0:
                state.viewers, state.wanted = 0, False
            else:
                state.wanted = True

    def snapshot(self, key: str) -> dict | None:
        """The state of a plan as the page reads it (JSON-ready)."""
        with self._changed:
            s = self._states.get(key)
            if s is None:
                return None
            office = self.office.mode if self.office is not None else "none"
            return dict(s.as_page(office, self.lang), server=self.instance)

    def plans(self) -> dict:
        """The list of plans as the list page reads it (JSON-ready): each plan's key, status
        and numbers of errors and warnings (None while not known)."""
        with self._changed:
            rows = []
            for key in sorted(self._states):
                s = self._states[key]
                errors, warnings = s.problems if s.problems is not None else (None, None)
                rows.append({"plan": key, "status": s.status, "errors": errors,
                             "warnings": warnings})
            return {"server": self.instance, "version": self.index_version, "plans": rows}

    def follow_index(self, on: bool) -> None:
        """A list page starts (``on``) or stops following the list; while one does, every plan
        not yet validated since its last change is validated (not built) to show its errors."""
        with self._changed:
            self._index_viewers = max(0, self._index_viewers + (1 if on else -1))
            for state in self._states.values():
                self._check(state)

    def wait_index(self, since: int, timeout: float) -> int | None:
        """Wait until the list's version passes ``since`` (or ``timeout`` seconds pass); its
        version then, or None when the server is closing."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while not self._closing:
                left = deadline - time.monotonic()
                if self.index_version > since or left <= 0:
                    return self.index_version
                self._changed.wait(left)
            return None

    def wait(self, key: str, since: int, timeout: float) -> int | None:
        """Wait until the plan's version passes ``since`` (or ``timeout`` seconds pass); its
        version then, or None when the plan is gone or the server is closing."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                state = self._states.get(key)
                if state is None or self._closing:
                    return None
                left = deadline - time.monotonic()
                if state.version > since or left <= 0:
                    return state.version
                self._changed.wait(left)

    def file(self, key: str, build: int, name: str) -> Path | None:
        """A file of a build of the plan (a page image, the DOCX, the PDF), or None."""
        if name not in FILE_NAMES and not PAGE_NAME.fullmatch(name):
            return None
        with self._changed:
            state = self._states.get(key)
            if state is None or build not in state.builds:
                return None
        path = self.cache / "builds" / str(build) / name
        return path if path.is_file() else None

    def source(self, key: str) -> Path | None:
        with self._changed:
            state = self._states.get(key)
            return state.source if state is not None else None

    def depends(self, key: str) -> frozenset[Path]:
        """The other files the plan's document was last made from (a decision's attached
        plan, a report's data), as its last build said; empty before it."""
        with self._changed:
            state = self._states.get(key)
            return state.depends if state is not None else frozenset()

    def compare(self, key: str, rev: str, kind: str, columns: tuple[str, ...] = ()
                ) -> tuple[Path | None, str]:
        """The bảng so sánh or tracked-changes DOCX of the plan against ``rev`` (``kind`` one
        of ``history.COMPARE_KINDS``; the table's ``columns`` headers, "" for a default), made
        now by the worker into the cache folder; (the file, "") or (None, why not, in the
        preview's language)."""
        source = self.source(key)
        if source is None or kind not in history.COMPARE_KINDS:
            return None, self._say(*words_en.NOT_FOUND)
        folder = self.cache / "compare" / str(next(self._compares))
        folder.mkdir(parents=True)
        out = folder / f"{kind}.docx"
        request = {"op": "compare", "source": str(source), "rev": rev, "kind": kind,
                   "workspace": str(self.workspace), "out": str(out), "columns": list(columns),
                   "lang": self.lang}
        try:
            answer = self.worker.request(request, self.timeout)
        except ProcessError as exc:
            answer = {"ok": False, "message": self._say(
                f"Không lập được tài liệu so sánh: {exc}.",
                f"Cannot make the comparison document: {exc}.")}
        if "bug" in answer:
            answer = {"ok": False, "message": self._say(
                "Lỗi của vanban khi lập tài liệu so sánh (xin báo lại kèm nội dung sau): ",
                "A bug of vanban while making the comparison document (please report it with "
                "what follows): ") + answer["bug"]}
        # Only the newest few stay (a download is read at once).
        for old in sorted((p for p in folder.parent.iterdir() if p.name.isdigit()),
                          key=lambda p: int(p.name))[:-KEEP_COMPARES]:
            shutil.rmtree(old, ignore_errors=True)
        if answer.get("ok") and out.is_file():
            return out, ""
        return None, answer.get("message") or self._say(
            "Không lập được tài liệu so sánh.", "Cannot make the comparison document.")

    def _say(self, vietnamese: str, english: str) -> str:
        return english if self.lang == "en" else vietnamese

    # -- changes on disk ---------------------------------------------------------------------

    def changed(self, paths: list[Path]) -> list[str]:
        """Files changed on disk: rebuild the plans they affect (those being looked at; the
        others are built when opened). Returns the keys queued."""
        if any(p.suffix in (".yaml", ".yml") for p in paths):
            self.rescan()
        queued = []
        with self._changed:
            for state in self._states.values():
                if any(engine.affects(state.source, p) or p.resolve() in state.depends
                       or p.resolve().parent in state.depends  # a file of a data folder
                       for p in paths):
                    if state.wanted:
                        self._enqueue(state)
                        queued.append(state.key)
                    else:
                        state.status, state.problems = "new", None
                        self._bump(state)
                        self._check(state)
        return queued

    # -- the builder -------------------------------------------------------------------------

    def _enqueue(self, state: PlanState) -> None:
        """Queue a build (the caller holds the lock)."""
        if state.key not in self._queue:
            self._queue.append(state.key)
            if state.status != "building":
                state.status = "queued"
            self._bump(state)

    def _check(self, state: PlanState) -> None:
        """Queue a validation of a plan whose problems are not known, when a list page is open
        (the caller holds the lock)."""
        if (self._index_viewers and state.problems is None and state.key not in self._checks
                and state.key not in self._queue):
            self._checks.append(state.key)
            self._changed.notify_all()

    def _bump(self, state: PlanState) -> None:
        state.version = next(self._versions)
        self.index_version = state.version
        self._changed.notify_all()

    def _run(self) -> None:
        while True:
            with self._changed:
                while not self._queue and not self._checks and not self._closing:
                    self._changed.wait()
                if self._closing:
                    return
                check = None
                if self._queue:
                    key = self._queue.popleft()
                else:  # builds first: validating for the list of plans can wait
                    key = self._checks.popleft()
                    state = self._states.get(key)
                    if state is None or state.problems is not None:
                        continue
                    check = state.source
            if check is not None:
                self._validate(key, check)
                continue
            with self._changed:
                state = self._states.get(key)
                if state is None:
                    continue
                state.status = "building"
                self._bump(state)
                source = state.source
            try:
                self._build(key, source)
            except Exception:  # noqa: BLE001  (a bug: shown on the page, the builder goes on)
                self._failed(key, server_problem("serve.bug", self._say(
                    "Lỗi của vanban khi dựng (xin báo lại kèm nội dung sau): ",
                    "A bug of vanban while building (please report it with what follows): ")
                    + traceback.format_exc(), source, self.lang))

    def _validate(self, key: str, source: Path) -> None:
        """Validate a plan without building it: its numbers of errors and warnings."""
        request = {"op": "validate", "source": str(source), "root": str(self.root),
                   "lang": self.lang}
        try:
            answer = self.worker.request(request, self.timeout)
        except ProcessError:
            answer = {"diagnostics": [{"severity": "error"}]}  # the page tells the rest
        found = answer.get("diagnostics", [{"severity": "error"}])
        with self._changed:
            state = self._states.get(key)
            if state is not None and state.problems is None:
                state.problems = count_problems(found)
                self.index_version = next(self._versions)
                self._changed.notify_all()

    def _failed(self, key: str, problem: dict) -> None:
        with self._changed:
            state = self._states.get(key)
            if state is not None:
                state.status, state.diagnostics, state.problems = "error", [problem], (1, 0)
                self._bump(state)

    def _build(self, key: str, source: Path) -> None:
        started = time.monotonic()
        number = next(self._builds)
        folder = self.cache / "builds" / str(number)
        folder.mkdir(parents=True, exist_ok=True)
        docx = folder / "document.docx"
        request = {"source": str(source), "root": str(self.root),
                   "workspace": str(self.workspace), "lang": self.lang, "docx_out": str(docx)}
        try:
            answer = self.worker.request(request, self.timeout)
        except ProcessError as exc:
            answer = {"ok": False, "diagnostics": [server_problem(
                "serve.build-failed", self._say(
                    f"Không dựng được kế hoạch: {exc}. Kiểm tra mẫu (template) và kế hoạch; máy "
                    "chủ vẫn chạy và sẽ thử lại khi tệp được lưu.",
                    f"Cannot build the plan: {exc}. Check the template and the plan; the server "
                    "keeps running and tries again when a file is saved."), source, self.lang)]}
        if "bug" in answer:
            answer = {"ok": False, "diagnostics": [server_problem(
                "serve.bug", self._say(
                    "Lỗi của vanban khi dựng (xin báo lại kèm nội dung sau): ",
                    "A bug of vanban while building (please report it with what follows): ")
                + answer["bug"], source, self.lang)]}
        notice, pages, files, attached_pages = "", [], [], []
        if answer.get("ok"):
            files.append("document.docx")
            notice, pages, made_pdf = self._pdf(docx, folder)
            if made_pdf:
                files.append("document.pdf")
            if answer.get("attached"):
                files.append("attached.docx")
                second, attached_pages, made_pdf = self._pdf(folder / "attached.docx", folder,
                                                             "attached-page")
                notice = notice or second
                if made_pdf:
                    files.append("attached.pdf")
            if self.out is not None:
                notice = self._write_out(source, folder, files) or notice
        with self._changed:
            state = self._states.get(key)
            if state is None:
                shutil.rmtree(folder, ignore_errors=True)
                return
            state.diagnostics = answer.get("diagnostics", [])
            state.problems = count_problems(state.diagnostics)
            state.seconds = round(time.monotonic() - started, 2)
            if answer.get("ok"):
                state.depends = frozenset(Path(p).resolve() for p in answer.get("depends", []))
                state.status, state.findings, state.text = "ok", answer["findings"], answer["text"]
                state.measured = False
                state.build, state.pages, state.files, state.notice = number, pages, files, notice
                state.attached_pages = attached_pages
                state.builds.append(number)
                for old in state.builds[:-KEEP_BUILDS]:
                    shutil.rmtree(self.cache / "builds" / str(old), ignore_errors=True)
                state.builds = state.builds[-KEEP_BUILDS:]
            else:
                state.status = "error"
                shutil.rmtree(folder, ignore_errors=True)
            self._bump(state)
        if "document.pdf" in files:
            self._check_pdf(key, number, folder, source, "attached.pdf" in files)

    def _check_pdf(self, key: str, number: int, folder: Path, source: Path,
                   attached: bool) -> None:
        """Second step, once the pages are on show: the check findings again, now with the
        rules that measure the PDF (margins, rules, page numbers)."""
        request = {"op": "check-pdf", "docx": str(folder / "document.docx"),
                   "pdf": str(folder / "document.pdf"), "lang": self.lang}
        if attached:
            request.update(attached_docx=str(folder / "attached.docx"),
                           attached_pdf=str(folder / "attached.pdf"),
                           attached_name=f"{source.stem}{engine.ATTACHED_SUFFIX}.docx")
        try:
            answer = self.worker.request(request, self.timeout)
        except ProcessError:
            return  # the findings of the DOCX alone stay
        with self._changed:
            state = self._states.get(key)
            if state is None or state.build != number or "findings" not in answer:
                return
            state.findings, state.measured = answer["findings"], True
            self._bump(state)

    def _pdf(self, docx: Path, folder: Path, prefix: str = "page"
             ) -> tuple[str, list[str], bool]:
        """(notice, page images, whether a PDF was made) for a built DOCX (its PDF beside it,
        its pages named ``prefix``-N.png)."""
        if self.office is None or not self.office.available:
            return (INSTALL_HINT_EN if self.lang == "en" else INSTALL_HINT), [], False
        pdf = docx.with_suffix(".pdf")
        try:
            self.office.convert(docx, pdf)
        except OfficeError as exc:
            return str(exc), [], False
        try:
            return "", rasterize(pdf, folder, timeout=self.timeout, prefix=prefix), True
        except PagesError as exc:
            return str(exc), [], True

    def _write_out(self, source: Path, folder: Path, files: list[str]) -> str:
        """Copy the build's DOCX/PDF to ``--out``; the reason why not, or ""."""
        assert self.out is not None
        target = (self.out / source.relative_to(self.root)).with_suffix(".docx")
        try:
            for name in files:
                stem = target.stem + (engine.ATTACHED_SUFFIX if name.startswith("attached") else "")
                engine.write_output(target.with_name(stem + Path(name).suffix),
                                    (folder / name).read_bytes())
        except VanbanError as exc:
            return " ".join(d.text() for d in exc.diagnostics)
        return ""

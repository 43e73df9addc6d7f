"""DOCX → PDF with one headless LibreOffice process per batch of files.

Starting LibreOffice costs about a second; converting a page costs little, so every file of a
build goes through a single ``soffice --convert-to pdf`` call. Each call gets a throw-away user
profile, so parallel builds and a LibreOffice the user has open do not share (or lock) one. PDFs
are written into a temporary folder first and moved next to their DOCX (or into ``out_dir``)
only when every file converted: a failed run leaves no half-finished set of PDFs behind.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from vanban.errors import Diagnostic, Severity, Span, VanbanError, error
from vanban.output import write_atomic
from vanban.pdf.normalize import normalize_pdf

ENV_VAR = "VANBAN_SOFFICE"
"""Environment variable naming the LibreOffice executable to use (a path or a command)."""

_COMMANDS = ("soffice", "libreoffice")
_KNOWN_PATHS = (
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
)
_LOG_LINES = 6  # lines of LibreOffice's own output quoted in a diagnostic


def find_soffice(file: str = "") -> Path:
    """Path of the LibreOffice executable: ``$VANBAN_SOFFICE`` if set, else ``soffice`` or
    ``libreoffice`` on PATH, else a usual install location. Raises VanbanError
    ``pdf.no-libreoffice`` (located at ``file``) when there is none."""
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        found = shutil.which(override)
        if found:
            return Path(found)
        raise error(
            "pdf.no-libreoffice",
            f"Không tìm thấy LibreOffice tại {override} (biến môi trường {ENV_VAR}).",
            file or override,
            message_en=f"LibreOffice not found at {override} (environment variable {ENV_VAR}).",
            hint=f"Sửa hoặc xóa biến {ENV_VAR}, hoặc bỏ tùy chọn --pdf.",
            hint_en=f"Fix or unset {ENV_VAR}, or drop the --pdf option.",
        )
    for name in _COMMANDS:
        found = shutil.which(name)
        if found:
            return Path(found)
    for candidate in _KNOWN_PATHS:
        if os.access(candidate, os.X_OK) and Path(candidate).is_file():
            return Path(candidate)
    raise error(
        "pdf.no-libreoffice",
        "Không tìm thấy LibreOffice (lệnh soffice). Cài đặt: sudo apt-get install "
        "libreoffice-writer, hoặc bỏ tùy chọn --pdf.",
        file or "soffice",
        message_en="LibreOffice (the soffice command) was not found. Install it: "
        "sudo apt-get install libreoffice-writer, or drop the --pdf option.",
    )


def convert_to_pdf(docx_paths: Sequence[Path], out_dir: Path | None = None, *,
                   timeout: float = 600) -> list[Path]:
    """Convert every DOCX to PDF; returns the PDF paths in the order of ``docx_paths``.

    Each PDF is named after its DOCX and written into ``out_dir``, or beside the DOCX when
    ``out_dir`` is None; an unchanged PDF is not rewritten. All files go through one LibreOffice
    process, limited to ``timeout`` seconds. Raises VanbanError (``pdf.no-libreoffice``,
    ``pdf.convert-failed``, ``pdf.name-clash``) listing every file that failed; then no PDF is
    written at all.
    """
    sources = [Path(p).resolve() for p in docx_paths]
    if not sources:
        return []
    targets = [(Path(out_dir).resolve() if out_dir is not None else src.parent)
               / f"{src.stem}.pdf" for src in sources]
    _check_inputs(sources, targets)
    unique = list(dict.fromkeys(sources))
    made = dict(zip(unique, pdf_bytes([(str(src), src.read_bytes()) for src in unique],
                                      timeout=timeout)))
    for src, target in zip(sources, targets):
        write_atomic(target, made[src])
    return targets


def pdf_bytes(documents: Sequence[tuple[str, bytes]], *, timeout: float = 600,
              processes: int = 1) -> list[bytes]:
    """The PDF of each (name, DOCX bytes), in order, made by LibreOffice in a temporary folder;
    nothing is written anywhere else. Raises VanbanError (``pdf.no-libreoffice``,
    ``pdf.convert-failed``) listing every document that failed."""
    made = pdf_results(documents, timeout=timeout, processes=processes)
    problems = [m for m in made if isinstance(m, Diagnostic)]
    if problems:
        raise VanbanError(problems)
    return made  # type: ignore[return-value]


# Below this many documents one LibreOffice process is faster than two (start-up dominates).
SPLIT_AT = 8


def pdf_results(documents: Sequence[tuple[str, bytes]], *, timeout: float = 600,
                processes: int = 1) -> list[bytes | Diagnostic]:
    """The PDF of each (name, DOCX bytes), or the ``pdf.convert-failed`` diagnostic of a
    document LibreOffice could not convert: one bad file never hides the others. With
    ``processes`` 2 and at least ``SPLIT_AT`` documents, the batch is split across two
    LibreOffice processes. Raises VanbanError ``pdf.no-libreoffice`` only."""
    if not documents:
        return []
    soffice = find_soffice(documents[0][0])
    with tempfile.TemporaryDirectory(prefix="vanban-pdf-") as tmp:
        # LibreOffice names each PDF after its input, so every input gets a unique name: then
        # all of them go through one process, same-named files included.
        inputs = Path(tmp) / "in"
        inputs.mkdir()
        staged = []
        for i, (name, data) in enumerate(documents):
            copy = inputs / f"{i:04d}-{Path(name).name}"
            copy.write_bytes(data)
            staged.append(copy)
        outdir = Path(tmp) / "out"
        outdir.mkdir()
        n = 2 if processes > 1 and len(staged) >= SPLIT_AT else 1
        batches = [staged[k::n] for k in range(n)]
        outcome = _run_all(soffice, batches, outdir, Path(tmp), timeout)
        made: list[bytes | Diagnostic] = []
        for (name, data), copy in zip(documents, staged):
            pdf = outdir / f"{copy.stem}.pdf"
            timed_out, failure, log = outcome[copy]
            if not timed_out and pdf.is_file() and pdf.stat().st_size > 0:
                made.append(normalize_pdf(pdf.read_bytes(), _epoch(data)))
            else:
                made.append(_convert_failed(name, failure, log))
    return made


def _run_all(soffice: Path, batches: list[list[Path]], outdir: Path, tmp: Path,
             timeout: float) -> dict[Path, tuple[bool, str | None, str]]:
    """Run one LibreOffice per batch (in parallel threads, each with its own profile); the
    outcome of each staged file's batch."""
    import threading

    outcome: dict[Path, tuple[bool, str | None, str]] = {}

    procs: list[subprocess.Popen] = []

    def one(k: int, batch: list[Path]) -> None:
        result = _run(soffice, batch, outdir, tmp / f"profile{k}", timeout, procs)
        outcome.update(dict.fromkeys(batch, result))

    if len(batches) == 1:
        one(0, batches[0])
        return outcome
    threads = [threading.Thread(target=one, args=(k, b), daemon=True)
               for k, b in enumerate(batches) if b]
    try:
        with _terminate_as_exit():
            for t in threads:
                t.start()
            for t in threads:
                while t.is_alive():
                    t.join(0.2)  # short waits keep Ctrl-C and SIGTERM deliverable
    except BaseException:
        for proc in procs:
            _kill(proc, sys.platform != "win32")
            proc.wait()
        raise
    return outcome


def _check_inputs(sources: list[Path], targets: list[Path]) -> None:
    """Raise one VanbanError for all missing inputs and all PDFs two inputs would both write."""
    problems = [
        Diagnostic("pdf.convert-failed", "Không tìm thấy tệp DOCX cần chuyển sang PDF.",
                   Span(str(src)), message_en="The DOCX file to convert to PDF does not exist.")
        for src in dict.fromkeys(sources) if not src.is_file()
    ]
    owner: dict[Path, Path] = {}
    for src, target in zip(sources, targets):
        first = owner.setdefault(target, src)
        if first != src:
            problems.append(Diagnostic(
                "pdf.name-clash",
                f"Tệp PDF {target} trùng tên với tệp PDF của {first}.",
                Span(str(src)),
                message_en=f"The PDF {target} would also be written for {first}.",
                hint="Đổi tên một trong hai tệp hoặc bỏ tùy chọn thư mục đầu ra chung.",
                hint_en="Rename one of the files or do not use one shared output folder.",
            ))
    if problems:
        raise VanbanError(problems)


def _run(soffice: Path, batch: list[Path], outdir: Path, profile: Path,
         timeout: float, procs: list | None = None) -> tuple[bool, str | None, str]:
    """Run one LibreOffice conversion; returns (whether it timed out, None or a Vietnamese
    reason why it failed, the tail of its output)."""
    cmd = [
        str(soffice), f"-env:UserInstallation={profile.as_uri()}",
        "--headless", "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
        "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(outdir),
        *(str(src) for src in batch),
    ]
    env = dict(os.environ, TZ="UTC")
    posix = sys.platform != "win32"
    proc = None
    # SIGTERM becomes SystemExit before the child starts, so no signal can land between its
    # start and the cleanup below.
    with _terminate_as_exit():
        try:
            with _signals_held():  # a signal during Popen would lose the started child
                try:
                    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                            env=env, start_new_session=posix)
                except OSError as exc:
                    return False, f"không chạy được {soffice}: {exc}", ""
                if procs is not None:
                    procs.append(proc)
            out, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill(proc, posix)
            out, _ = proc.communicate()
            return True, f"LibreOffice chạy quá {timeout:g} giây", _tail(out)
        except BaseException:
            # Ctrl-C, SIGTERM or any error while waiting: LibreOffice runs in its own session,
            # so the terminal's signal never reached it; end it before the temporary folder
            # goes.
            if proc is not None:
                _kill(proc, posix)
                proc.communicate()  # waits, and closes its output pipe
            raise
    if proc.returncode != 0:
        return False, f"LibreOffice kết thúc với mã {proc.returncode}", _tail(out)
    return False, None, _tail(out)


class _terminate_as_exit:
    """Turns SIGTERM into SystemExit while LibreOffice runs (main thread only), so the cleanup
    in ``finally`` blocks and ``with`` statements runs instead of the process dying at once."""

    def __enter__(self):
        import threading

        self.previous = None
        if sys.platform != "win32" and threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGTERM, _exit_on_term)
        return self

    def __exit__(self, *exc):
        if self.previous is not None:
            signal.signal(signal.SIGTERM, self.previous)
        return False


class _signals_held:
    """SIGTERM and Ctrl-C wait (main thread only) until the block is done, then act as they
    would have: raised inside ``subprocess.Popen`` they would leave its child running with no
    one holding it; raised after, the caller's cleanup ends the child."""

    def __enter__(self):
        import threading

        self.held: list[int] = []
        self.previous: dict[int, object] = {}
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGTERM, signal.SIGINT) if sys.platform != "win32" else ():
                self.previous[sig] = signal.signal(sig, lambda n, _f: self.held.append(n))
        return self

    def __exit__(self, *exc):
        for sig, handler in self.previous.items():
            signal.signal(sig, handler)
        for sig in self.held[:1]:
            handler = self.previous[sig]
            if handler == signal.SIG_IGN:
                continue
            if callable(handler):
                handler(sig, None)  # raises: SystemExit (SIGTERM here) or KeyboardInterrupt
            else:
                raise SystemExit(128 + sig)
        return False


def _exit_on_term(signum, frame) -> None:
    raise SystemExit(128 + signum)


def _kill(proc: subprocess.Popen, posix: bool) -> None:
    """Stop the LibreOffice we started, with the helper processes it spawned."""
    if posix:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # its own session: the group id is its pid
        except ProcessLookupError:
            pass
    else:
        proc.kill()


def _tail(output: bytes) -> str:
    """The last lines of LibreOffice's output, without its progress lines ("convert a -> b")
    and its harmless Java warning."""
    text = output.decode("utf-8", "replace")
    lines = [ln.strip() for ln in text.splitlines()
             if ln.strip() and "javaldx" not in ln and not ln.startswith("convert ")]
    return " | ".join(lines[-_LOG_LINES:])


def _convert_failed(name: str, reason: str | None, log: str) -> Diagnostic:
    """The diagnostic for a DOCX that produced no PDF."""
    why = reason or "LibreOffice không tạo ra tệp PDF"
    short = Path(name).name
    return Diagnostic(
        "pdf.convert-failed",
        f"Không chuyển được {short} sang PDF: {why}.",
        Span(name),
        severity=Severity.ERROR,
        message_en=f"Could not convert {short} to PDF"
        + ("" if reason else ": LibreOffice produced no PDF") + ".",
        hint=f"LibreOffice: {log}" if log else "",
        hint_en=f"LibreOffice: {log}" if log else "",
    )


def _epoch(docx: bytes) -> int:
    """The PDF's date: ``SOURCE_DATE_EPOCH`` when set, else the date stamped in the DOCX (the
    document's own date), so that the same sources give the same PDF on any checkout."""
    from vanban.ooxml.package import modified_time
    from vanban.output import source_date

    stamped = modified_time(io.BytesIO(docx))
    when = source_date(stamped.replace(tzinfo=None).isoformat() if stamped else None)
    return int(when.replace(tzinfo=dt.timezone.utc).timestamp())



"""LibreOffice for the previews, kept warm while the server runs.

A cold ``soffice --convert-to pdf`` pays LibreOffice's start on every save; the server instead
keeps one office running behind ``uno_bridge.py``, which needs a Python that has LibreOffice's
``uno`` module (Debian's python3-uno belongs to /usr/bin/python3, not to the project's Python).
When there is no such Python the office is started for each conversion (slower, same PDF); when
there is no LibreOffice at all the page says what to install. A bridge that dies or stops
answering is killed and started again at the next conversion.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
from pathlib import Path

from vanban.errors import VanbanError
from vanban.serve import engine
from vanban.serve.process import LineProcess, ProcessError

UNO_PYTHON_VAR = "VANBAN_UNO_PYTHON"
"""Environment variable naming a Python that can ``import uno`` (LibreOffice's Python)."""

INSTALL_HINT = ("Cài LibreOffice để xem bản in: sudo apt-get install libreoffice-writer-nogui "
                "python3-uno fonts-liberation2 poppler-utils")
INSTALL_HINT_EN = ("Install LibreOffice to see the printed pages: sudo apt-get install "
                   "libreoffice-writer-nogui python3-uno fonts-liberation2 poppler-utils")
BRIDGE = Path(__file__).with_name("uno_bridge.py")
_names = itertools.count(1)


class OfficeError(Exception):
    """A DOCX could not be converted to PDF; the message says why, in Vietnamese."""


def find_uno_python(soffice: Path) -> str | None:
    """A Python that can import ``uno``: ``$VANBAN_UNO_PYTHON``, LibreOffice's own Python, or
    the system's python3; None when none can."""
    override = os.environ.get(UNO_PYTHON_VAR, "").strip()
    program = soffice.resolve().parent
    candidates = [override] if override else [
        str(program / "python"), str(program / "python.exe"), "/usr/bin/python3"]
    for candidate in candidates:
        found = shutil.which(candidate)
        if not found:
            continue
        try:
            ok = subprocess.run([found, "-c", "import uno"], capture_output=True, timeout=30,
                                check=False, stdin=subprocess.DEVNULL).returncode == 0
        except (OSError, subprocess.TimeoutExpired):
            ok = False
        if ok:
            return found
    return None


class Office:
    """Converts DOCX files to PDF: ``mode`` is "warm" (a LibreOffice kept running), "cold" (one
    LibreOffice per conversion) or "none" (no LibreOffice: no PDF preview)."""

    def __init__(self, profile: Path, *, timeout: float = 60, warm: bool = True) -> None:
        self.timeout = timeout
        self.profile = profile
        self.soffice = engine.find_soffice()
        python = find_uno_python(self.soffice) if (self.soffice and warm) else None
        self.mode = "none" if self.soffice is None else ("warm" if python else "cold")
        self._bridge = LineProcess([python or "", str(BRIDGE)], ready_timeout=timeout) \
            if python else None

    @property
    def available(self) -> bool:
        return self.mode != "none"

    @property
    def pid(self) -> int | None:
        """The bridge's process id (its group holds the office), when it runs."""
        return self._bridge.pid if self._bridge is not None and self._bridge.alive else None

    def start(self) -> None:
        """Start the warm office now (the first preview then need not wait for it)."""
        if self._bridge is not None:
            self._fresh_argv()
            try:
                self._bridge.start()
            except ProcessError:
                pass  # tried again, and reported, at the first conversion

    def convert(self, docx: Path, pdf: Path) -> None:
        """Write the PDF of ``docx`` to ``pdf``; OfficeError when that fails."""
        if self.mode == "none":
            raise OfficeError(INSTALL_HINT)
        if self._bridge is None:
            try:
                pdf.write_bytes(engine.pdf_cold(docx.read_bytes(), docx.name, self.timeout))
            except VanbanError as exc:
                raise OfficeError(" ".join(d.message for d in exc.diagnostics)) from None
            return
        request = {"in": str(docx), "out": str(pdf)}
        for attempt in (1, 2):
            if not self._bridge.alive:
                self._fresh_argv()
            try:
                answer = self._bridge.request(request, self.timeout)
                break
            except ProcessError as exc:
                # An office that had died (and was not yet seen to) gets one fresh start; one
                # that hangs is not tried again at once.
                if exc.timed_out or attempt == 2:
                    raise OfficeError(f"LibreOffice: {exc} (sẽ khởi động lại ở lần sau).") \
                        from None
        if not answer.get("ok") or not pdf.is_file():
            raise OfficeError(f"LibreOffice không chuyển được sang PDF: {answer.get('error')}")

    def close(self) -> None:
        """Shut the office down."""
        if self._bridge is not None:
            self._bridge.close()

    def _fresh_argv(self) -> None:
        """A new pipe name for each office started, so a killed one cannot be in the way."""
        assert self._bridge is not None
        name = f"vanban-serve-{os.getpid()}-{next(_names)}"
        self._bridge.argv = [self._bridge.argv[0], str(BRIDGE), str(self.soffice),
                             self.profile.resolve().as_uri(), name]

"""A helper process spoken to in JSON lines, with a time limit on every answer.

``vanban serve`` keeps two of them warm: the build worker (``python -m vanban.serve.worker``)
and the LibreOffice bridge (``uno_bridge.py`` under LibreOffice's Python). Work that may hang (a
template that loops, an office that stops answering) runs there, so the server only waits up to
a time limit, then kills the process with everything it started and starts a new one next time.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Sequence

_POSIX = sys.platform != "win32"


class ProcessError(Exception):
    """The helper process died, answered nonsense, or did not answer in time."""

    def __init__(self, message: str, *, timed_out: bool = False) -> None:
        super().__init__(message)
        self.timed_out = timed_out


class LineProcess:
    """One helper process: a JSON request per line in, a JSON answer per line out.

    The process is started on first use and again after it died or was killed. Calls are
    serialised (one request at a time).
    """

    def __init__(self, argv: Sequence[str], *, env: dict[str, str] | None = None,
                 cwd: str | None = None, ready_timeout: float = 60) -> None:
        self.argv, self.env, self.cwd = list(argv), env, cwd
        self.ready_timeout = ready_timeout
        self._proc: subprocess.Popen | None = None
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._lock = threading.Lock()
        self._closed = False

    @property
    def alive(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def start(self) -> None:
        """Start the process (if it is not running) and wait for its first line."""
        with self._lock:
            self._ensure()

    def request(self, message: dict, timeout: float) -> dict:
        """Send one request and return its answer; ProcessError when the process dies or
        takes longer than ``timeout`` seconds (it is killed then)."""
        with self._lock:
            self._ensure()
            assert self._proc is not None and self._proc.stdin is not None
            try:
                self._proc.stdin.write(json.dumps(message, ensure_ascii=False) + "\n")
                self._proc.stdin.flush()
            except OSError as exc:
                self._kill()
                raise ProcessError(f"không gửi được yêu cầu: {exc}") from None
            return self._answer(timeout)

    def stop(self) -> None:
        """Kill the process and what it started (the next request starts it again)."""
        with self._lock:
            self._kill()

    def close(self) -> None:
        """Kill the process for good, at once, even in the middle of a request (which then
        fails); it is not started again."""
        self._closed = True
        proc = self._proc
        if proc is not None and proc.poll() is None:
            _signal_group(proc)
        with self._lock:
            self._kill()

    def _ensure(self) -> None:
        if self._closed:
            raise ProcessError("đã dừng")
        if self.alive:
            return
        self._kill()
        self._lines = queue.Queue()
        try:
            self._proc = subprocess.Popen(
                self.argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL, text=True, encoding="utf-8", env=self.env,
                cwd=self.cwd, start_new_session=_POSIX)
        except OSError as exc:
            self._proc = None
            raise ProcessError(f"không chạy được {self.argv[0]}: {exc}") from None
        if self._closed:  # close() came while Popen ran: it could not see the process to kill
            self._kill()
            raise ProcessError("đã dừng")
        threading.Thread(target=self._read, args=(self._proc, self._lines), daemon=True).start()
        first = self._answer(self.ready_timeout)
        if not first.get("ready"):
            self._kill()
            raise ProcessError(f"{self.argv[0]} không sẵn sàng: {first}")

    @staticmethod
    def _read(proc: subprocess.Popen, lines: queue.Queue) -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line)
        lines.put(None)  # end of output: the process is gone

    def _answer(self, timeout: float) -> dict:
        try:
            line = self._lines.get(timeout=timeout)
        except queue.Empty:
            self._kill()
            raise ProcessError(f"quá {timeout:g} giây không trả lời", timed_out=True) from None
        if line is None:
            self._kill()
            raise ProcessError("tiến trình đã dừng giữa chừng")
        try:
            answer = json.loads(line)
        except ValueError:
            self._kill()
            raise ProcessError(f"câu trả lời không đọc được: {line[:200]!r}") from None
        if not isinstance(answer, dict):
            self._kill()
            raise ProcessError(f"câu trả lời không đọc được: {line[:200]!r}")
        return answer

    def _kill(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if proc.poll() is None:
            _signal_group(proc)
        for stream in (proc.stdin, proc.stdout):
            try:
                if stream is not None:
                    stream.close()
            except OSError:
                pass
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass


def _signal_group(proc: subprocess.Popen) -> None:
    """Kill the process with everything it started."""
    try:
        if _POSIX:
            os.killpg(proc.pid, signal.SIGKILL)  # its own session: the group id is its pid
        else:
            proc.kill()
    except (ProcessLookupError, PermissionError):
        pass

"""`vanban build --watch` as a clerk runs it: build, save a plan, see it built again (only it),
save a broken plan, see the error and the old output kept, Ctrl+C ends it cleanly."""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PLAN = Path("plans/quang-binh/2024/ke-hoach-hoa-giai.yaml")
OUT = Path("outputs/quang-binh/2024/ke-hoach-hoa-giai.docx")
LIVENESS = 120  # seconds to wait for a line before calling the watcher stuck (not a speed test)


class Lines:
    """The lines a process prints (stderr joined to stdout, in the order written), read by a
    thread."""

    def __init__(self, proc: subprocess.Popen) -> None:
        self.queue: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self.threads = [threading.Thread(target=self._pump, args=(proc.stdout,), daemon=True)]
        for thread in self.threads:
            thread.start()

    def join(self) -> None:
        for thread in self.threads:
            thread.join(timeout=LIVENESS)

    def _pump(self, stream) -> None:
        for line in stream:
            self.queue.put(line.rstrip("\n"))

    def until(self, needle: str) -> list[str]:
        """Every line up to the first one containing ``needle``."""
        got = []
        while True:
            try:
                line = self.queue.get(timeout=LIVENESS)
            except queue.Empty:
                pytest.fail(f"no line with {needle!r}; seen: {self.seen[-20:]}")
            got.append(line)
            self.seen.append(line)
            if needle in line:
                return got

    def until_all(self, *needles: str) -> list[str]:
        """Every line up to the one by which each of ``needles`` has been seen, in any order."""
        got: list[str] = []
        for needle in needles:
            if not any(needle in line for line in got):
                got += self.until(needle)
        return got


@pytest.fixture()
def ws(tmp_path) -> Path:
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    return tmp_path


def test_watch_builds_again_what_was_saved_and_stops_on_ctrl_c(ws):
    proc = subprocess.Popen([sys.executable, "-m", "vanban.cli", "build", "--watch", "--jobs",
                             "1"], cwd=ws, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    lines = Lines(proc)
    try:
        first = lines.until_all("Đang theo dõi thay đổi", f"Đã ghi {OUT}")
        assert f"Đã ghi {OUT}" in first
        good = (ws / OUT).read_bytes()
        plan = ws / PLAN
        text = plan.read_text(encoding="utf-8")
        plan.write_text(text.replace("- Bộ Tư pháp\n", "- Bộ Nội vụ\n", 1), encoding="utf-8")
        saved = lines.until_all("Xong:", f"Đã ghi {OUT}")
        assert any("--- Đã lưu: ke-hoach-hoa-giai.yaml; dựng lại ---" in x for x in saved)
        assert f"Đã ghi {OUT}" in saved
        summary = next(x for x in saved if x.startswith("Xong:"))
        assert "văn bản bỏ qua vì nguồn không đổi" in summary  # the others were not made
        edited = (ws / OUT).read_bytes()
        assert edited != good
        plan.write_text(text.replace("\ntitle:", "\ntitel:"), encoding="utf-8")
        broken = lines.until("[schema.")
        assert any(f"{PLAN}:" in x and "lỗi" in x for x in broken)
        proc.send_signal(signal.SIGINT)
        lines.until("Đã dừng theo dõi.")
        assert proc.wait(timeout=LIVENESS) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        lines.join()
        proc.stdout.close()
    assert (ws / OUT).read_bytes() == edited  # the error replaced nothing
    leftovers = [p.name for p in (ws / "outputs").rglob("*") if p.suffix in (".tmp", ".old")]
    assert leftovers == []
    assert os.listdir(ws / "plans" / "quang-binh" / "2024").count("ke-hoach-hoa-giai.yaml") == 1

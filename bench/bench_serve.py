"""Benchmark: `vanban serve`, from saving the 2024 plan to its updated preview.

Run: python bench/bench_serve.py [--repeat 8]

A real preview (HTTP server, watcher, build worker, warm LibreOffice, pdftoppm) runs on a copy
of the workspace. Each round rewrites the plan's title on disk and measures:
  save → state   until the plan's state is the new build (what the page's event announces)
  save → pages   and every page image of it fetched over HTTP (what the browser then loads)
Then LibreOffice alone on the same DOCX: warm (the kept office) against cold (one soffice run),
and the changes tab's two downloads (bảng so sánh, tracked changes) against the first commit.
Target (issue 11): save → pages < 1.5 s with warm LibreOffice.
"""

from __future__ import annotations

import argparse
import http.client
import json
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KEY = "quang-binh/2024/ke-hoach-hoa-giai.yaml"


def fetch(port: int, path: str) -> bytes:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", path)
        answer = conn.getresponse()
        body = answer.read()
        assert answer.status == 200, (path, answer.status)
        return body
    finally:
        conn.close()


def wait_build(preview, old_build: int | None) -> dict:
    version = 0
    while True:
        s = preview.site.snapshot(KEY)
        if s["status"] == "ok" and s["build"] != old_build:
            return s
        assert s["status"] != "error", s["diagnostics"]
        version = preview.site.wait(KEY, version, 60)


def summary(samples: list[float]) -> str:
    return (f"median {statistics.median(samples):.2f} s, min {min(samples):.2f} s, "
            f"max {max(samples):.2f} s (n={len(samples)})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=8)
    args = parser.parse_args()

    from vanban.serve import engine
    from vanban.serve.app import Preview

    with tempfile.TemporaryDirectory() as tmp:
        ws = Path(tmp)
        shutil.copytree(ROOT / "plans", ws / "plans")
        shutil.copytree(ROOT / "templates", ws / "templates")
        for git in (["init", "-q"], ["add", "-A"],
                    ["-c", "user.name=b", "-c", "user.email=b@b", "commit", "-qm", "bench"]):
            subprocess.run(["git", *git], cwd=ws, check=True, capture_output=True)
        plan = ws / "plans" / KEY
        original = plan.read_text(encoding="utf-8")
        preview = Preview(ws / "plans", workspace=ws)
        preview.start()
        try:
            assert preview.office.mode == "warm", f"LibreOffice is {preview.office.mode}"
            port = preview.server.port
            fetch(port, f"/api/plan/{KEY}")  # open the plan: first build
            s = wait_build(preview, None)
            to_state, to_pages, builds = [], [], []
            for i in range(args.repeat):
                time.sleep(0.3)  # let the watcher settle between saves
                started = time.perf_counter()
                plan.write_text(original.replace("năm 2024", f"năm 2024 ({i})", 1),
                                encoding="utf-8")
                s = wait_build(preview, s["build"])
                to_state.append(time.perf_counter() - started)
                json.loads(fetch(port, f"/api/plan/{KEY}"))
                for name in s["pages"]:
                    fetch(port, f"/file/{KEY}?build={s['build']}&name={name}")
                to_pages.append(time.perf_counter() - started)
                builds.append(s["seconds"])
            docx = preview.cache / "builds" / str(s["build"]) / "document.docx"
            warm, cold = [], []
            for i in range(3):
                t = time.perf_counter()
                preview.office.convert(docx, ws / f"warm{i}.pdf")
                warm.append(time.perf_counter() - t)
                t = time.perf_counter()
                engine.pdf_cold(docx.read_bytes(), docx.name, 120)
                cold.append(time.perf_counter() - t)
            documents = {"bang-so-sanh": [], "theo-doi-thay-doi": []}
            for _ in range(3):
                for kind, samples in documents.items():
                    t = time.perf_counter()
                    fetch(port, f"/compare/{KEY}?rev=HEAD&kind={kind}")
                    samples.append(time.perf_counter() - t)
        finally:
            preview.close()
    print(f"plan: {KEY} ({len(s['pages'])} pages)")
    print(f"save → state:  {summary(to_state)}")
    print(f"save → pages:  {summary(to_pages)}")
    print(f"  of which the build (worker + PDF + page images): {summary(builds)}")
    print(f"LibreOffice warm: {summary(warm)}")
    print(f"LibreOffice cold: {summary(cold)}")
    for kind, samples in documents.items():
        print(f"changes tab, {kind}.docx: {summary(samples)}")


if __name__ == "__main__":
    main()

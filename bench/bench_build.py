"""Benchmark: building the 2024 plan against a bare docxtpl render of the same size.

Run: python bench/bench_build.py [--repeat 30]

Both sides run in this one process, interleaved, so machine noise hits them alike:
  vanban    load + validate + compose + render + finish + deterministic zip + atomic write
  baseline  docxtpl renders a one-loop template holding the same paragraphs (same count, same
            text) and saves it to a file
Targets (issue 2): vanban / baseline < 1.5; `vanban --help` < 0.3 s.
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import docx
from docxtpl import DocxTemplate

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "plans" / "quang-binh" / "2024" / "ke-hoach-hoa-giai.yaml"


def bare_template() -> bytes:
    document = docx.Document()
    for text in ("{%p for p in paras %}", "{{ p }}", "{%p endfor %}"):
        document.add_paragraph(text)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def vanban_once(out_dir: Path) -> None:
    from vanban.batch import build
    from vanban.jobs import discover

    build(discover([PLAN], out_dir, ROOT / "plans"), workspace=ROOT)


def baseline_once(template: bytes, paras: list[str], out: Path) -> None:
    tpl = DocxTemplate(io.BytesIO(template))
    tpl.render({"paras": paras}, autoescape=True)
    tpl.save(out)


def paragraphs_of_plan() -> list[str]:
    from vanban.ooxml.reader import read_docx

    with tempfile.TemporaryDirectory() as tmp:
        vanban_once(Path(tmp))
        target = next(Path(tmp).rglob("*.docx"))
        return [p.text for p in read_docx(target).paragraphs if p.text]


def summary(samples: list[float]) -> str:
    q = statistics.quantiles(samples, n=4)
    return (f"median {statistics.median(samples) * 1000:7.1f} ms  "
            f"IQR {q[0] * 1000:6.1f}–{q[2] * 1000:6.1f} ms  min {min(samples) * 1000:6.1f} ms")


def help_time(repeat: int = 10) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "vanban.cli", "--help"], check=True,
                       capture_output=True)
        samples.append(time.perf_counter() - start)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    template, paras = bare_template(), paragraphs_of_plan()
    vanban_times, base_times = [], []
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        vanban_once(tmp_path / "warm")  # imports and caches, both sides
        baseline_once(template, paras, tmp_path / "warm.docx")
        for i in range(args.repeat):
            start = time.perf_counter()
            vanban_once(tmp_path / f"v{i}")
            vanban_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            baseline_once(template, paras, tmp_path / f"b{i}.docx")
            base_times.append(time.perf_counter() - start)
    ratio = statistics.median(vanban_times) / statistics.median(base_times)
    helps = help_time()
    print(f"paragraphs: {len(paras)}; repeats: {args.repeat}")
    print(f"vanban build (2024 plan): {summary(vanban_times)}")
    print(f"bare docxtpl baseline:    {summary(base_times)}")
    print(f"ratio (median/median):    {ratio:.2f}  (target < 1.5)")
    print(f"vanban --help:            {summary(helps)}  (target < 300 ms)")


if __name__ == "__main__":
    main()

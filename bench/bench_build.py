"""Benchmark, in one process: building the 2024 plan against a like-for-like python-docx program.

Run: python bench/bench_build.py [--repeat 30]

Both sides run in this one process (imports already paid), interleaved, so machine noise hits
them alike:
  vanban    load + validate + resolve + compose + render + finish + deterministic zip + write
  baseline  python-docx opens vanban's own frame template (body emptied: same styles, same page
            setup) and writes the same paragraphs, with the same styles, then saves the file
            (bench/baseline_docx.py; the earlier baseline, docxtpl on python-docx's default
            template with ~790 KB of styles, flattered vanban)
The whole-process figures (what a clerk waits for) are in bench/bench_process.py.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from baseline_docx import main as baseline_once
from bench_process import PLAN, ROOT, prepare


def vanban_once(out_dir: Path) -> None:
    from vanban.batch import build
    from vanban.jobs import discover

    build(discover([PLAN], out_dir, ROOT / "plans"), workspace=ROOT)


def summary(samples: list[float]) -> str:
    q = statistics.quantiles(samples, n=4)
    return (f"median {statistics.median(samples) * 1000:7.1f} ms  "
            f"IQR {q[0] * 1000:6.1f}–{q[2] * 1000:6.1f} ms  min {min(samples) * 1000:6.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    vanban_times, base_times = [], []
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        frame, paras = prepare(tmp_path)
        vanban_once(tmp_path / "warm")  # imports and caches, both sides
        baseline_once(str(frame), str(paras), str(tmp_path / "warm.docx"))
        for i in range(args.repeat):
            start = time.perf_counter()
            vanban_once(tmp_path / f"v{i}")
            vanban_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            baseline_once(str(frame), str(paras), str(tmp_path / f"b{i}.docx"))
            base_times.append(time.perf_counter() - start)
    ratio = statistics.median(vanban_times) / statistics.median(base_times)
    print(f"repeats: {args.repeat}, in one process, interleaved")
    print(f"vanban build (2024 plan):  {summary(vanban_times)}")
    print(f"python-docx, same frame:   {summary(base_times)}")
    print(f"ratio (median/median):     {ratio:.2f}")


if __name__ == "__main__":
    main()

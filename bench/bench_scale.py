"""Benchmark at the scale of a province: whole `vanban` processes over N generated plans.

Run: python bench/bench_scale.py [--plans 1000] [--repeat 3] [--pdf]

What a user waits for is measured: each case is a whole process (interpreter start, imports,
work, shutdown), timed from spawn to exit, with its peak resident memory (the largest process of
its tree, from wait4). Cases are interleaved across repeats so that machine noise hits them alike;
medians and the spread (min–max) are printed. Targets (issue 7) are printed beside each figure;
no test asserts any of them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from workspace import edit_one, make_workspace

VANBAN = [sys.executable, "-m", "vanban.cli"]


def run(args: list[str], cwd: Path) -> tuple[float, float]:
    """Seconds from spawn to exit and peak RSS in MiB of one whole process (it must succeed)."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode not in (0,):
        raise SystemExit(f"{' '.join(args)} failed ({proc.returncode}):\n{err[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024


def summary(samples: list[float], unit: str = "s") -> str:
    return (f"median {statistics.median(samples):8.3f} {unit}  "
            f"(min {min(samples):.3f} – max {max(samples):.3f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pdf", action="store_true", help="also the LibreOffice cases (slow)")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        ws = make_workspace(Path(tmp) / "ws", args.plans)
        out = ws / "outputs"

        def fresh(jobs: int) -> Callable[[], tuple[float, float]]:
            def case():
                shutil.rmtree(out, ignore_errors=True)
                return run(VANBAN + ["build", "plans", "--jobs", str(jobs)], ws)
            return case

        def unchanged():
            return run(VANBAN + ["build", "plans"], ws)

        stamp = iter(range(1, 10_000))

        def one_edited():
            edit_one(ws, 0, next(stamp))
            return run(VANBAN + ["build", "plans"], ws)

        def validate():
            return run(VANBAN + ["validate", "plans"], ws)

        first_100 = None

        def check_100():
            nonlocal first_100
            if first_100 is None:
                first_100 = [str(p) for p in sorted(out.rglob("*.docx"))[:100]]
            return run(VANBAN + ["check", *first_100], ws)

        cases: dict[str, tuple[Callable[[], tuple[float, float]], str]] = {
            "build, fresh, --jobs 1": (fresh(1), "≤ 10 s"),
            f"build, fresh, --jobs {cores}": (fresh(cores), "≤ 10 s"),
            "build, nothing changed": (unchanged, "≤ 1 s"),
            "build, one plan edited": (one_edited, "≤ 1.5 s"),
            "validate": (validate, "≤ 5 s"),
            "check, 100 DOCX": (check_100, "≤ 2 s"),
        }
        if args.pdf:
            pdf_ws = make_workspace(Path(tmp) / "pdf", 50)

            def build_pdf_50():
                shutil.rmtree(pdf_ws / "outputs", ignore_errors=True)
                return run(VANBAN + ["build", "plans", "--pdf"], pdf_ws)

            def check_pdf_100():
                return run(VANBAN + ["check", "--pdf", *first_100], ws)

            cases["build --pdf, 50 plans"] = (build_pdf_50, "≤ 6 s")
            cases["check --pdf, 100 DOCX"] = (check_pdf_100, "≤ 20 s")
        times: dict[str, list[float]] = {name: [] for name in cases}
        peaks: dict[str, list[float]] = {name: [] for name in cases}
        for r in range(args.repeat):
            for name, (case, _) in cases.items():
                seconds, mib = case()
                times[name].append(seconds)
                peaks[name].append(mib)
                print(f"  [{r + 1}/{args.repeat}] {name}: {seconds:.3f} s, {mib:.0f} MiB",
                      file=sys.stderr)
    print(f"{args.plans} plans, {args.repeat} interleaved repeats, {cores} cores, "
          f"Python {sys.version.split()[0]}")
    for name, (_, target) in cases.items():
        print(f"{name:28} {summary(times[name])}  peak {max(peaks[name]):5.0f} MiB"
              f"  target {target}")


if __name__ == "__main__":
    main()

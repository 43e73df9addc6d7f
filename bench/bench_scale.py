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
from workspace import ROOT, edit_one, edit_registry, make_workspace

VANBAN = [sys.executable, "-c", "from vanban.cli import run; run()"]  # what `vanban` runs


def run(args: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float]:
    """Seconds from spawn to exit and peak RSS in MiB of one whole process (it must succeed)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            err.seek(0)
            raise SystemExit(f"{' '.join(args)} failed:\n{err.read().decode()[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024


def summary(samples: list[float]) -> str:
    return (f"{statistics.median(samples):7.3f} s ({min(samples):.2f}–{max(samples):.2f})")


def cases_for(ws: Path, env: dict, cores: int, pdf_ws: Path | None, stamps: bool = True
              ) -> dict[str, tuple[Callable[[], tuple[float, float]], str]]:
    """The cases, each a callable running one whole process in workspace ``ws``."""
    out = ws / "outputs"
    stamp = iter(range(1, 10_000))
    first_100: list[str] = []

    def fresh(jobs: int):
        def case():
            shutil.rmtree(out, ignore_errors=True)
            return run(VANBAN + ["build", "plans", "--jobs", str(jobs)], ws, env)
        return case

    def unchanged():
        return run(VANBAN + ["build", "plans", "--jobs", str(cores)], ws, env)

    def one_edited():
        edit_one(ws, 0, next(stamp))
        return run(VANBAN + ["build", "plans", "--jobs", str(cores)], ws, env)

    def registry_edited():
        edit_registry(ws, next(stamp))
        return run(VANBAN + ["build", "plans", "--jobs", str(cores)], ws, env)

    def validate():
        return run(VANBAN + ["validate", "plans"], ws, env)

    def validate_cold():  # as if nothing had been built: every plan checked
        empty = ["--out", str(ws / "nothing-built")] if stamps else []
        return run(VANBAN + ["validate", "plans", *empty], ws, env)

    def hundred() -> list[str]:
        if not out.is_dir():  # the cases chosen with --only built nothing yet (not timed)
            run(VANBAN + ["build", "plans", "--jobs", str(cores)], ws, env)
        if not first_100:
            first_100.extend(str(p) for p in sorted(out.rglob("*.docx"))[:100])
        return first_100

    def check_100():
        return run(VANBAN + ["check", *hundred()], ws, env)

    cases = {
        "build, fresh, --jobs 1": (fresh(1), "≤ 10 s"),
        f"build, fresh, --jobs {cores}": (fresh(cores), "≤ 10 s"),
        "build, nothing changed": (unchanged, "≤ 1 s"),
        "build, one plan edited": (one_edited, "≤ 1.5 s"),
        "build, registry edited": (registry_edited, "≤ 1.5 s"),
        "validate, after a build": (validate, "≤ 5 s"),
        "validate, nothing built": (validate_cold, "≤ 5 s"),
        "check, 100 DOCX": (check_100, "≤ 2 s"),
    }
    if pdf_ws is not None:
        def build_pdf_50():
            shutil.rmtree(pdf_ws / "outputs", ignore_errors=True)
            return run(VANBAN + ["build", "plans", "--pdf", "--jobs", str(cores)], pdf_ws, env)

        def check_pdf_100():
            return run(VANBAN + ["check", "--pdf", *hundred()], ws, env)

        cases["build --pdf, 50 plans"] = (build_pdf_50, "≤ 6 s")
        cases["check --pdf, 100 DOCX"] = (check_pdf_100, "≤ 20 s")
    return cases


def _has_stamps(env: dict) -> bool:
    """Whether this vanban keeps a stamp book (its validate takes --out): then "nothing built"
    points validate at an empty folder; an older one validates every plan anyway."""
    shown = subprocess.run(VANBAN + ["validate", "--help"], env=env, capture_output=True, check=True,
                           text=True).stdout
    return "--out" in shown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pdf", action="store_true", help="also the LibreOffice cases (slow)")
    parser.add_argument("--baseline", type=Path, metavar="SRC",
                        help="another vanban's src/ folder (e.g. a worktree of an older commit), "
                             "run interleaved with this one on the same cases")
    parser.add_argument("--only", default="", help="only the cases whose name contains this")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    impls = {"this": dict(os.environ)}
    if args.baseline:
        impls = {"baseline": {**os.environ, "PYTHONPATH": str(args.baseline.resolve())}, **impls}
    with tempfile.TemporaryDirectory() as tmp:
        sets = {}
        for name, env in impls.items():
            root = args.baseline.resolve().parent if name == "baseline" else ROOT
            ws = make_workspace(Path(tmp) / name / "ws", args.plans, root)
            pdf_ws = make_workspace(Path(tmp) / name / "pdf", 50, root) if args.pdf else None
            sets[name] = cases_for(ws, env, cores, pdf_ws, stamps=_has_stamps(env))
        names = [n for n in next(iter(sets.values())) if args.only in n]
        times = {(i, n): [] for i in impls for n in names}
        peaks = {(i, n): [] for i in impls for n in names}
        for r in range(args.repeat):
            for n in names:
                for i in impls:  # the implementations alternate case by case
                    seconds, mib = sets[i][n][0]()
                    times[i, n].append(seconds)
                    peaks[i, n].append(mib)
                    print(f"  [{r + 1}/{args.repeat}] {i}: {n}: {seconds:.3f} s, {mib:.0f} MiB",
                          file=sys.stderr)
    print(f"{args.plans} plans, {args.repeat} interleaved repeats, {cores} cores, Python "
          f"{sys.version.split()[0]}; whole processes: median (min–max), peak RSS of the process")
    for n in names:
        row = f"{n:26}"
        for i in impls:
            row += f"  {i}: {summary(times[i, n])} {max(peaks[i, n]):4.0f} MiB"
        print(row + f"  target {sets['this'][n][1]}")


if __name__ == "__main__":
    main()

"""Benchmark: one document, whole processes, against a like-for-like baseline.

Run: python bench/bench_process.py [--repeat 15]

Every figure is a whole process timed from spawn to exit (what a clerk waits for), with its CPU
time (user + system, from wait4). The cases run interleaved, round after round, so machine noise
hits them alike; medians and the spread (min–max) are printed.

  vanban build    `vanban build <the 2024 plan> --out <new folder>` (the installed script's code,
                  vanban.cli:run; `python -m vanban.cli` would run the cli module twice)
  baseline        bench/baseline_docx.py: python-docx writes the same paragraphs with the same
                  styles into vanban's own frame template (body emptied); no validation at all
  vanban text     the git diff driver, run once per file in a diff
  vanban validate `vanban validate <the 2024 plan> --out <new folder>`: no earlier build to
                  compare with (a stamp book or an issued DOCX in outputs/ would make it skip the
                  plan or render it in full), so every run checks the plan and tries its template
  vanban --help, vanban check (one DOCX)
  stack imports   `python -c "import click, yaml, jinja2, docxtpl"`: only importing the libraries
                  the design names for a build (docxtpl brings python-docx and lxml), doing nothing
  stack+pydantic  the same and pydantic's BaseModel, which vanban's plan models are built on

With ``--src NAME=FOLDER`` (repeatable) every vanban case runs once per source tree, with
PYTHONPATH set to that folder, interleaved with the others: e.g. the main branch against a
worktree, like for like (``--src main=/tmp/base/src --src mine=src``).

Targets (issue 7): build/baseline ≤ 1.0 (CPU); `vanban text` ≤ 0.08 s. Not asserted in tests.
The two "stack" lines are the floor of any build made with those libraries: when they alone cost
more than the baseline, the 1.0 target cannot be met without leaving them.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "plans" / "quang-binh" / "2024" / "ke-hoach-hoa-giai.yaml"
OUTPUT = ROOT / "outputs" / "quang-binh" / "2024" / "ke-hoach-hoa-giai.docx"
TEMPLATE = ROOT / "templates" / "mau-1-4.docx"
VANBAN = [sys.executable, "-c", "from vanban.cli import run; run()"]  # what `vanban` runs
STACK = "import click, yaml, jinja2, docxtpl"


def run(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one whole process, which must succeed."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(args)}")
    return wall, usage.ru_utime + usage.ru_stime


def prepare(folder: Path) -> tuple[Path, Path]:
    """vanban's frame with its body emptied, and the [style, text] of every output paragraph."""
    frame = docx.Document(str(TEMPLATE))
    body = frame.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    frame_path = folder / "frame.docx"
    frame.save(str(frame_path))
    made = docx.Document(str(OUTPUT))
    rows = [[p.style.name, p.text] for p in made.paragraphs]
    for table in made.tables:
        for row in table.rows:
            for cell in row.cells:
                rows.extend([p.style.name, p.text] for p in cell.paragraphs)
    paras = folder / "paras.json"
    paras.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return frame_path, paras


def summary(samples: list[float]) -> str:
    return (f"{statistics.median(samples) * 1000:7.1f} ms "
            f"({min(samples) * 1000:.0f}–{max(samples) * 1000:.0f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--src", action="append", default=[], metavar="NAME=FOLDER",
                        help="run the vanban cases with PYTHONPATH=FOLDER (repeatable)")
    args = parser.parse_args()
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("warning: PYTHONDONTWRITEBYTECODE is set: every process compiles vanban again",
              file=sys.stderr)
    trees = {}
    for item in args.src:
        name, _, folder = item.partition("=")
        if not folder:
            parser.error(f"--src {item}: NAME=FOLDER expected")
        trees[name] = {**os.environ, "PYTHONPATH": str(Path(folder).resolve())}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        frame, paras = prepare(folder)
        counter = iter(range(1_000_000))
        cases = {
            "vanban build (1 plan)": lambda: VANBAN + [
                "build", str(PLAN), "--out", str(folder / f"o{next(counter)}")],
            "baseline python-docx": lambda: [
                sys.executable, str(ROOT / "bench" / "baseline_docx.py"), str(frame), str(paras),
                str(folder / f"b{next(counter)}.docx")],
            "vanban text": lambda: VANBAN + ["text", str(OUTPUT)],
            "vanban --help": lambda: VANBAN + ["--help"],
            "vanban validate (1 plan)": lambda: VANBAN + [
                "validate", str(PLAN), "--out", str(folder / f"v{next(counter)}")],
            "vanban check (1 DOCX)": lambda: VANBAN + ["check", str(OUTPUT)],
            "python -c pass": lambda: [sys.executable, "-c", "pass"],
            "stack imports": lambda: [sys.executable, "-c", STACK],
            "stack+pydantic": lambda: [sys.executable, "-c",
                                       STACK + "; from pydantic import BaseModel"],
        }
        envs = {name: None for name in cases}
        if trees:
            for name in [n for n in cases if n.startswith("vanban")]:
                make = cases.pop(name)
                for tree, env in trees.items():
                    cases[f"{name} [{tree}]"] = make
                    envs[f"{name} [{tree}]"] = env
        walls = {name: [] for name in cases}
        cpus = {name: [] for name in cases}
        for name, make in cases.items():  # warm the file cache (and write the .pyc) once
            run(make(), envs.get(name))
        for _ in range(args.repeat):
            for name, make in cases.items():
                wall, cpu = run(make(), envs.get(name))
                walls[name].append(wall)
                cpus[name].append(cpu)
    print(f"{args.repeat} interleaved rounds, {os.cpu_count()} cores, Python "
          f"{sys.version.split()[0]}; wall median (min–max) and CPU median")
    for name in cases:
        print(f"{name:34} wall {summary(walls[name])}   cpu {summary(cpus[name])}")
    base = "baseline python-docx"
    for build in [n for n in cases if n.startswith("vanban build")]:
        print(f"ratio {build}/baseline: wall "
              f"{statistics.median(walls[build]) / statistics.median(walls[base]):.2f}"
              f", cpu {statistics.median(cpus[build]) / statistics.median(cpus[base]):.2f}"
              "  (target ≤ 1.0)")
    for floor in ("stack imports", "stack+pydantic"):
        print(f"ratio {floor}/baseline: cpu "
              f"{statistics.median(cpus[floor]) / statistics.median(cpus[base]):.2f}")


if __name__ == "__main__":
    main()

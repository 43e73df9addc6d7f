"""Benchmark: vanban diff across a whole plans/ tree of 100 plans (issue 10: under a second).

Run: python bench/bench_diff.py [--plans 100] [--repeat 5]

Builds two temporary trees of N plans each (copies of the 2024 and 2025 examples under
plans/<unit-k>/<year>/, sharing one registry), changes one word in every fourth plan of the
new tree, and times load + validate + compose + semantic diff of the two trees, the way
`vanban diff OLD NEW` runs it. Reported, never asserted in tests.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

SOURCES = [ROOT / "plans/quang-binh/2024/ke-hoach-hoa-giai.yaml",
           ROOT / "plans/quang-binh/2025/ke-hoach-hoa-giai.yaml"]


def make_tree(root: Path, count: int, edited: bool) -> Path:
    plans = root / "plans"
    shutil.copytree(ROOT / "plans/_shared", plans / "_shared")
    for k in range(count):
        source = SOURCES[k % 2]
        text = source.read_text(encoding="utf-8")
        if edited and k % 4 == 0:
            text = text.replace("đảm bảo theo lộ trình", "bảo đảm theo lộ trình")
        target = plans / f"don-vi-{k:03d}" / source.parent.name / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return plans


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--plans", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from vanban.review.sides import compare_sides
    from vanban.review_inputs import load_side

    with tempfile.TemporaryDirectory() as tmp:
        old = make_tree(Path(tmp) / "old", args.plans, edited=False)
        new = make_tree(Path(tmp) / "new", args.plans, edited=True)
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            before = load_side(str(old), "old")
            result = compare_sides(before, load_side(str(new), "new", reuse=before))
            times.append(time.perf_counter() - start)
        changed = sum(1 for _, _, d in result.plans if not d.empty)
        print(f"{args.plans} plans, {changed} changed: median {statistics.median(times):.3f} s, "
              f"best {min(times):.3f} s (target < 1 s)")


if __name__ == "__main__":
    main()

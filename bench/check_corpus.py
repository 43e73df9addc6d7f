"""Corpus report: run ``vanban check`` over a folder of DOCX and summarise what it says.

Run: python bench/check_corpus.py ../shared/corpus/real-docx [--pdf N] [--rule ID ...] [--show K]

Prints findings per rule (errors, warnings, documents touched), the number of documents that pass
(no error) and the time taken. ``--pdf N`` also converts and measures the first N files (sorted),
``--show K`` prints K sample findings of each rule (or of the ``--rule`` ones), ``--json`` writes
every finding for later comparison.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from vanban.check.api import check_files
from vanban.errors import Severity


def report(folder: Path, *, pdf: int = 0, show: int = 0, rules: tuple[str, ...] = (),
           out_json: Path | None = None) -> None:
    files = sorted(folder.glob("*.docx"))
    start = time.perf_counter()
    results = check_files(files)
    elapsed = time.perf_counter() - start
    _summary(f"{len(files)} DOCX, no PDF", results, elapsed, show, rules)
    if pdf:
        sample = files[:pdf]
        start = time.perf_counter()
        with_pdf = check_files(sample, pdf=True)
        elapsed = time.perf_counter() - start
        _summary(f"{len(sample)} DOCX, --pdf", with_pdf, elapsed, show, rules)
    if out_json:
        out_json.write_text(json.dumps(
            {Path(k).name: [f.as_dict() for f in v] for k, v in results.items()},
            ensure_ascii=False, indent=1), encoding="utf-8")


def _summary(title: str, results: dict, elapsed: float, show: int,
             rules: tuple[str, ...]) -> None:
    per_rule: Counter = Counter()
    errors: Counter = Counter()
    docs: dict[str, set] = defaultdict(set)
    samples: dict[str, list] = defaultdict(list)
    for file, findings in results.items():
        for f in findings:
            per_rule[f.rule] += 1
            errors[f.rule] += f.severity is Severity.ERROR
            docs[f.rule].add(file)
            samples[f.rule].append(f.text(Path(file).name))
    passing = sum(not any(f.severity is Severity.ERROR for f in fs) for fs in results.values())
    drafts = sum(getattr(fs, "draft", False) for fs in results.values())
    total = sum(per_rule.values())
    print(f"== {title}: {total} findings, {passing}/{len(results)} documents pass, "
          f"{drafts} drafts, {elapsed:.1f} s")
    print(f"{'rule':28} {'findings':>8} {'errors':>7} {'docs':>5}")
    for rule_id, n in per_rule.most_common():
        print(f"{rule_id:28} {n:8} {errors[rule_id]:7} {len(docs[rule_id]):5}")
    for rule_id in rules or (tuple(per_rule) if show else ()):
        print(f"-- {rule_id}")
        for line in samples[rule_id][:show or 10]:
            print("   " + line)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--pdf", type=int, default=0, metavar="N", help="also check N files with PDF")
    ap.add_argument("--show", type=int, default=0, metavar="K", help="K samples per rule")
    ap.add_argument("--rule", action="append", default=[], help="show samples of this rule")
    ap.add_argument("--json", type=Path, default=None, help="write all findings here")
    args = ap.parse_args()
    report(args.folder, pdf=args.pdf, show=args.show, rules=tuple(args.rule),
           out_json=args.json)


if __name__ == "__main__":
    main()

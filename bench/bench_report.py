"""Benchmark: a year-end report over 600 communes' rows (issue 9).

Run: python bench/bench_report.py [--units 600] [--repeat 5]

A workspace is generated in a temporary folder: the example registry, the 2024 Quảng Bình plan,
a registry of N communes, their data as .xlsx, as .csv and as a folder of one .xlsx per commune
(as they e-mail their files), and a report on the plan. Each case
is timed in this process (imports already done), interleaved across repeats; medians and the
spread are printed. Target: the report over 600 communes builds in well under a second. No test
asserts any figure.
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

HEADER = ["STT", "Đơn vị", "Số tổ hòa giải", "Tổ được kiện toàn", "Số hòa giải viên",
          "Hòa giải viên nữ", "Số vụ việc tiếp nhận", "Hòa giải thành", "Hòa giải không thành",
          "Đang giải quyết"]
TASKS = ("van-ban-dieu-hanh", "ra-soat-hoa-giai-vien", "tai-lieu-boi-duong", "tap-huan",
         "mo-hinh-dien-hinh", "cntt-co-so-du-lieu", "dang-tai-tai-lieu", "thong-tin-hai-chieu")


def rows(n: int) -> list[list]:
    out = []
    for i in range(1, n + 1):
        so_to = 3 + i % 7
        received = 1 + i % 11
        thanh = received * 4 // 5
        khong = (received - thanh) // 2
        out.append([i, f"Xã Số {i:03d}", so_to, so_to - i % 2, so_to * 6, so_to * 2, received,
                    thanh, khong, received - thanh - khong])
    return out


def make_workspace(folder: Path, units: int) -> dict[str, Path]:
    import csv

    from openpyxl import Workbook

    shutil.copytree(ROOT / "plans" / "_shared", folder / "plans" / "_shared")
    year = folder / "plans" / "bench" / "2024"
    year.mkdir(parents=True)
    shutil.copy(ROOT / "plans" / "quang-binh" / "2024" / "ke-hoach-hoa-giai.yaml", year)
    shared = folder / "plans" / "bench" / "_shared"
    shared.mkdir()
    (shared / "xa.yaml").write_text("units:\n" + "".join(
        f"  xa-{i:03d}:\n    name: Xã Số {i:03d}\n" for i in range(1, units + 1)), "utf-8")
    data = rows(units)
    book = Workbook()
    book.active.append(HEADER)
    for row in data:
        book.active.append(row)
    book.save(year / "so-lieu.xlsx")
    with open(year / "so-lieu.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([HEADER, *data])
    units_folder = year / "so-lieu"  # each commune's own workbook, as they e-mail them
    units_folder.mkdir()
    for row in data:
        book = Workbook()
        book.active.append(["BIỂU SỐ LIỆU HÒA GIẢI Ở CƠ SỞ"])
        book.active.append(HEADER)
        book.active.append(row)
        book.save(units_folder / f"{row[1]}.xlsx")
    reports = {}
    for kind in ("xlsx", "csv", "folder"):
        path = year / f"bao-cao-{kind}.yaml"
        ref = "so-lieu/" if kind == "folder" else f"so-lieu.{kind}"
        path.write_text(
            "type: bao-cao-ket-qua\nplan: ke-hoach-hoa-giai.yaml\nissuer: ubnd-quang-binh\n"
            "number: 9\ndate: 2024-12-16\nyear: 2024\ntitle: Kết quả thực hiện Kế hoạch năm 2024\n"
            f"data: {{file: {ref}, level: xã, scope: Toàn huyện}}\n"
            "rates:\n  - {id: thanh, name: Tỷ lệ hòa giải thành, of: thanh, over: tiep_nhan}\n"
            "indicators:\n  - {id: kt, name: Tổ được kiện toàn, unit: \"%\", of: to_kien_toan, "
            "over: so_to, plan: 95}\n"
            "tasks:\n" + "".join(f"  {t}: {{status: hoàn thành}}\n" for t in TASKS)
            + "recipients: [Bộ Tư pháp]\narchive: {unit: NCVX}\n"
            "signature: {on_behalf_of: ỦY BAN NHÂN DÂN, authority: KT., head: CHỦ TỊCH, "
            "signer: ho-an-phong}\n", "utf-8")
        reports[kind] = path
    return reports


def cases(reports: dict[str, Path], out: Path) -> dict[str, object]:
    from vanban.batch import build
    from vanban.jobs import discover
    from vanban.report.load import load_report

    found = {f"read + check + compute ({kind})": (lambda p=path: load_report(p))
             for kind, path in reports.items()}
    for kind, path in reports.items():
        jobs = discover([path], out, path.parents[2])

        def whole(jobs=jobs, workspace=path.parents[3]) -> None:
            for job in jobs:  # a fresh build every time, as after an edit of the data
                job.target.unlink(missing_ok=True)
            build(jobs, workspace=workspace)

        found[f"whole report to DOCX ({kind})"] = whole
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=600)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        reports = make_workspace(folder, args.units)
        import os

        os.chdir(folder)
        todo = cases(reports, folder / "outputs")
        (folder / "outputs").mkdir()
        samples: dict[str, list[float]] = {name: [] for name in todo}
        for _ in range(args.repeat):
            for name, run in todo.items():
                start = time.perf_counter()
                run()
                samples[name].append(time.perf_counter() - start)
    print(f"Báo cáo trên {args.units} đơn vị (mục tiêu: dưới 1 giây):")
    for name, values in samples.items():
        print(f"  {name:40s} median {statistics.median(values):.3f} s "
              f"(min {min(values):.3f} – max {max(values):.3f})")


if __name__ == "__main__":
    main()

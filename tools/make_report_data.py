"""Write the example statistics tables of the Quảng Bình reports (.xlsx and .csv).

Run: python tools/make_report_data.py

The figures are ILLUSTRATIVE, invented for the examples: plausible sizes for the eight districts
of Quảng Bình (before 1 July 2025), not official statistics. The .xlsx is written with fixed
properties and zip dates so that running this again gives the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
from pathlib import Path

from openpyxl import Workbook

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from vanban.output import normalise_zip
from vanban.report.columns import BY_KEY

COLUMNS = ("stt", "don_vi", "so_to", "to_kien_toan", "to_5_tot", "hoa_giai_vien", "hgv_nu",
           "hgv_tap_huan", "hgv_moi", "hgv_moi_tap_huan", "tiep_nhan", "thanh", "khong_thanh",
           "dang_giai_quyet")

# so_to, to_kien_toan, to_5_tot, hgv, nữ, tập huấn, mới, mới tập huấn, tiếp nhận, thành,
# không thành, đang giải quyết
DATA = {
    2024: [
        ("Đồng Hới", 145, 140, 92, 1012, 318, 720, 64, 60, 98, 84, 9, 5),
        ("Ba Đồn", 96, 92, 55, 668, 201, 470, 41, 38, 72, 60, 8, 4),
        ("Minh Hóa", 122, 115, 61, 781, 212, 520, 52, 47, 41, 36, 3, 2),
        ("Tuyên Hóa", 141, 134, 76, 902, 265, 611, 58, 55, 63, 54, 6, 3),
        ("Quảng Trạch", 137, 131, 80, 951, 287, 650, 60, 57, 88, 76, 8, 4),
        ("Bố Trạch", 215, 204, 121, 1503, 452, 1022, 95, 90, 131, 113, 12, 6),
        ("Quảng Ninh", 118, 113, 66, 812, 240, 560, 49, 46, 69, 60, 6, 3),
        ("Lệ Thủy", 172, 163, 98, 1195, 356, 820, 77, 72, 112, 96, 11, 5),
    ],
    2025: [
        ("Đồng Hới", 145, 142, 97, 1020, 325, 760, 38, 37, 104, 88, 11, 5),
        ("Ba Đồn", 96, 94, 58, 671, 205, 495, 25, 24, 75, 62, 9, 4),
        ("Minh Hóa", 122, 118, 63, 785, 215, 548, 31, 28, 44, 37, 5, 2),
        ("Tuyên Hóa", 141, 136, 79, 905, 268, 640, 34, 32, 66, 55, 8, 3),
        ("Quảng Trạch", 137, 133, 84, 955, 290, 688, 36, 34, 93, 79, 10, 4),
        ("Bố Trạch", 215, 207, 126, 1510, 458, 1080, 57, 53, 138, 116, 15, 7),
        ("Quảng Ninh", 118, 114, 69, 815, 243, 590, 29, 27, 72, 61, 8, 3),
        ("Lệ Thủy", 172, 166, 101, 1199, 360, 862, 46, 44, 118, 99, 14, 5),
    ],
}

NOTE = ("Số liệu minh họa, tự đặt cho ví dụ (không phải số liệu thống kê chính thức) của 08 "
        "huyện, thị xã, thành phố tỉnh Quảng Bình")


def rows(year: int) -> list[list]:
    return [[i, *row] for i, row in enumerate(DATA[year], 1)]


def header() -> list[str]:
    return [BY_KEY[key].label for key in COLUMNS]


def xlsx(year: int) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Số liệu"
    sheet.append([f"SỐ LIỆU HÒA GIẢI Ở CƠ SỞ NĂM {year}. {NOTE}."])
    sheet.append([])
    sheet.append(header())
    for row in rows(year):
        sheet.append(row)
    when = dt.datetime(year, 12, 14)
    book.properties.created = book.properties.modified = when
    book.properties.creator = "vanban (ví dụ)"
    buffer = io.BytesIO()
    book.save(buffer)
    return normalise_zip(buffer.getvalue(), when)


def csv_text(year: int) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([f"{NOTE}, năm {year}."])
    writer.writerow(header())
    writer.writerows(rows(year))
    return out.getvalue()


def main() -> None:
    for year in DATA:
        folder = ROOT / "plans" / "quang-binh" / str(year) / "so-lieu"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"hoa-giai-{year}.xlsx").write_bytes(xlsx(year))
        (folder / f"hoa-giai-{year}.csv").write_text(csv_text(year), encoding="utf-8")


if __name__ == "__main__":
    main()

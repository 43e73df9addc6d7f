"""Every computed figure of a report over the example data, against an independent computation
made here from the CSV with the csv module and integer arithmetic."""

from __future__ import annotations

import csv
import shutil

import pytest
from tests.unit.report.conftest import ROOT, all_done, run, write_report

from vanban.report.load import load_report

DATA = ROOT / "plans" / "quang-binh" / "2024" / "so-lieu"
R = "plans/quang-binh/2024"
LABELS = {"so_to": "Số tổ hòa giải", "hoa_giai_vien": "Số hòa giải viên",
          "hgv_nu": "Hòa giải viên nữ", "to_kien_toan": "Tổ được kiện toàn",
          "tiep_nhan": "Số vụ việc tiếp nhận", "thanh": "Hòa giải thành",
          "khong_thanh": "Hòa giải không thành", "dang_giai_quyet": "Đang giải quyết",
          "hgv_moi": "Hòa giải viên mới", "hgv_moi_tap_huan": "Hòa giải viên mới được tập huấn"}

EXTRA = """
rates:
  - {id: thanh-tiep-nhan, name: Tỷ lệ hòa giải thành, of: thanh, over: tiep_nhan}
  - {id: thanh-ket-thuc, name: Tỷ lệ hòa giải thành, of: thanh, over: da_ket_thuc}
indicators:
  - {id: vu-viec, name: Số vụ việc tiếp nhận, unit: vụ việc, total: tiep_nhan}
  - {id: kien-toan, name: Tỷ lệ tổ được kiện toàn, unit: "%", of: to_kien_toan, over: so_to,
     plan: 96}
  - {id: moi, name: Hòa giải viên mới được tập huấn, unit: "%", of: hgv_moi_tap_huan,
     over: hgv_moi, plan: 90}
"""


def _sums() -> dict[str, int]:
    with open(DATA / "hoa-giai-2024.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))[1:]  # line 1 is the note
    header, body = rows[0], rows[1:]
    return {key: sum(int(r[header.index(label)]) for r in body) for key, label in LABELS.items()}


def _pct(part: int, whole: int) -> str:
    tenths = (2000 * part + whole) // (2 * whole)
    return f"{tenths // 10:,}".replace(",", ".") + f",{tenths % 10}"


def _dots(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@pytest.fixture(params=["csv", "xlsx"])
def report(workspace, request):
    shutil.copytree(DATA, workspace / "so-lieu")
    name = f"so-lieu/hoa-giai-2024.{request.param}"
    path = write_report(workspace, data=name, tasks=all_done().replace(
        "  tap-huan: {status: hoàn thành}", "  tap-huan: {status: đang thực hiện}"))
    text = path.read_text(encoding="utf-8")
    head = 3 if request.param == "xlsx" else 2
    text = text.replace(f"  file: {name}\n", f"  file: {name}\n  header_row: {head}\n")
    text = text[:text.index("rates:")] + EXTRA.lstrip() + text[text.index("tasks:"):]
    path.write_text(text, encoding="utf-8")
    return path


def test_totals_rates_and_sentences(report):
    s = _sums()
    item = load_report(report)
    assert {k: item.results.totals[k] for k in s} == s
    result = run("report", "validate", f"{R}/bc.yaml")
    assert result.exit_code == 0, result.stderr
    out = result.stdout.splitlines()
    assert "Đã hoàn thành 7/8 nhiệm vụ; 1 nhiệm vụ đang thực hiện." in out
    assert (f"Toàn tỉnh có {_dots(s['so_to'])} tổ hòa giải với {_dots(s['hoa_giai_vien'])} hòa "
            f"giải viên, trong đó {_dots(s['hgv_nu'])} hòa giải viên nữ.") in out
    assert (f"Các tổ hòa giải đã tiếp nhận {_dots(s['tiep_nhan'])} vụ việc; hòa giải thành "
            f"{_dots(s['thanh'])} vụ việc, không thành {_dots(s['khong_thanh'])} vụ việc, đang "
            f"giải quyết {_dots(s['dang_giai_quyet'])} vụ việc.") in out
    concluded = s["thanh"] + s["khong_thanh"]
    assert (f"Tỷ lệ hòa giải thành đạt {_pct(s['thanh'], s['tiep_nhan'])}% ({_dots(s['thanh'])}/"
            f"{_dots(s['tiep_nhan'])} vụ việc, tính trên tổng số vụ việc tiếp nhận).") in out
    assert (f"Tỷ lệ hòa giải thành đạt {_pct(s['thanh'], concluded)}% ({_dots(s['thanh'])}/"
            f"{_dots(concluded)} vụ việc, tính trên tổng số vụ việc hòa giải thành và không "
            "thành).") in out


def test_targets_table_rows(report):
    s = _sums()
    out = run("report", "validate", f"{R}/bc.yaml").stdout.splitlines()
    kien_toan = _pct(s["to_kien_toan"], s["so_to"])
    # Against the plan: the rate over the plan figure, from the exact fraction (one rounding).
    against = _pct(s["to_kien_toan"] * 100, s["so_to"] * 96)
    missed = s["to_kien_toan"] * 100 < 96 * s["so_to"]
    moi = _pct(s["hgv_moi_tap_huan"], s["hgv_moi"])
    moi_missed = s["hgv_moi_tap_huan"] * 100 < 90 * s["hgv_moi"]
    # No report of last year: no "Cùng kỳ năm trước" and "So với cùng kỳ" columns.
    assert out[out.index("STT | Chỉ tiêu | ĐVT | Kế hoạch | Thực hiện | Tỷ lệ so với kế hoạch")
               + 1:][:3] == [
        f"1 | Số vụ việc tiếp nhận | vụ việc |  | {s['tiep_nhan']} | ",
        f"2 | Tỷ lệ tổ được kiện toàn | % | 96 | {kien_toan} | {against}%"
        + (" (chưa đạt)" if missed else ""),
        f"3 | Hòa giải viên mới được tập huấn | % | 90 | {moi} | "
        f"{_pct(s['hgv_moi_tap_huan'] * 100, s['hgv_moi'] * 90)}%"
        + (" (chưa đạt)" if moi_missed else ""),
    ]
    graded = 2 - missed - moi_missed
    assert f"Có {graded}/2 chỉ tiêu đạt kế hoạch" in "\n".join(out)


def test_csv_and_xlsx_give_the_same_figures(workspace):
    shutil.copytree(DATA, workspace / "so-lieu")
    figures = []
    for suffix, head in (("csv", 2), ("xlsx", 3)):
        path = write_report(workspace, data=f"so-lieu/hoa-giai-2024.{suffix}")
        path.write_text(path.read_text(encoding="utf-8").replace(
            "so-lieu/hoa-giai-2024." + suffix + "\n",
            f"so-lieu/hoa-giai-2024.{suffix}\n  header_row: {head}\n"), encoding="utf-8")
        item = load_report(path)
        figures.append((item.results.totals, [r.value for r in item.results.rates],
                        [(row.unit_id, row.counts) for row in item.table.rows]))
    assert figures[0] == figures[1]
    assert len(figures[0][2]) == 8

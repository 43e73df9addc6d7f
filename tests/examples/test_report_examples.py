"""The example year-end reports as built: every figure in the DOCX against an independent
computation from the districts' CSV files (decimal arithmetic here, exact fractions in vanban),
the task counts against the report source, and the table facts in the XML (header row repeated,
rows kept whole, the appendix landscape with its own page numbers)."""

from __future__ import annotations

import csv
import re
import zipfile
from decimal import ROUND_HALF_UP, Decimal, localcontext

import pytest
from tests.conftest import PLANS

from vanban.ooxml.reader import read_docx
from vanban.source.loader import load_file

IDS = ["quang-binh/2024/bao-cao-hoa-giai", "quang-binh/2025/bao-cao-hoa-giai"]
COLUMNS = {"so_to": "Số tổ hòa giải", "to_kien_toan": "Tổ được kiện toàn",
           "to_5_tot": 'Tổ đạt "5 tốt"', "hoa_giai_vien": "Số hòa giải viên",
           "hgv_nu": "Hòa giải viên nữ", "hgv_tap_huan": "Hòa giải viên được tập huấn",
           "hgv_moi": "Hòa giải viên mới", "hgv_moi_tap_huan": "Hòa giải viên mới được tập huấn",
           "tiep_nhan": "Số vụ việc tiếp nhận", "thanh": "Hòa giải thành",
           "khong_thanh": "Hòa giải không thành", "dang_giai_quyet": "Đang giải quyết"}


def _rows(year: int) -> list[dict[str, str]]:
    path = PLANS / "quang-binh" / str(year) / "so-lieu" / f"hoa-giai-{year}.csv"
    with open(path, encoding="utf-8", newline="") as f:
        lines = list(csv.reader(f))[1:]  # the first line says the figures are illustrative
    return [dict(zip(lines[0], line)) for line in lines[1:]]


def _sums(year: int) -> dict[str, int]:
    return {key: sum(int(r[label]) for r in _rows(year)) for key, label in COLUMNS.items()}


def _dec(num: int, den: int) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = 60
        return Decimal(num) / Decimal(den)


def _one(value: Decimal) -> str:
    """One decimal, halves away from zero, Vietnamese comma, "." between thousands."""
    q = abs(value).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    whole, frac = f"{q:f}".split(".")
    return ("-" if value < 0 and q else "") + f"{int(whole):,}".replace(",", ".") + "," + frac


def _n(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _rate_row(stt, name, of, over, plan, now, before):
    actual = _dec(100 * now[of], now[over])
    previous = _dec(100 * before[of], before[over])
    against = _one(_dec(100 * 100 * now[of], plan * now[over])) + "%"
    if now[of] * 100 < plan * now[over]:
        against += " (chưa đạt)"
    diff = actual - previous
    change = ("bằng cùng kỳ" if _one(diff) in ("0,0", "-0,0") else
              f"{'tăng' if diff > 0 else 'giảm'} {_one(abs(diff))} điểm %")
    return [str(stt), name, "%", str(plan), _one(actual), against, _one(previous), change]


def _count_row(stt, name, unit, key, now, before):
    return [str(stt), name, unit, "", _n(now[key]), "", _n(before[key]),
            _one(_dec(100 * now[key], before[key])) + "%"]


@pytest.fixture(scope="module")
def docs(built):
    return {i: read_docx(built[i]) for i in IDS}


def _table(doc, index):
    table = doc.tables[index]
    return [[doc.paragraphs[c.paragraphs[0]].text if c.paragraphs else "" for c in row]
            for row in table.rows]


def test_2025_targets_table_against_an_independent_computation(docs):
    now, before = _sums(2025), _sums(2024)
    expected = [
        _rate_row(1, "Tỷ lệ hòa giải thành (trên tổng số vụ việc tiếp nhận)", "thanh",
                  "tiep_nhan", 90, now, before),
        _rate_row(2, "Tỷ lệ tổ hòa giải được củng cố, kiện toàn", "to_kien_toan", "so_to", 95,
                  now, before),
        _rate_row(3, "Tỷ lệ hòa giải viên mới được tập huấn", "hgv_moi_tap_huan", "hgv_moi", 100,
                  now, before),
        _count_row(4, "Số vụ việc tiếp nhận", "vụ việc", "tiep_nhan", now, before),
        _count_row(5, "Số tổ đạt “Tổ hòa giải ở cơ sở 5 tốt”", "tổ", "to_5_tot", now, before),
    ]
    table = _table(docs[IDS[1]], 1)
    assert table[0] == ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện",
                        "Tỷ lệ so với kế hoạch", "Cùng kỳ năm trước", "So với cùng kỳ"]
    assert table[1:] == expected
    met = sum("chưa đạt" not in row[5] for row in expected[:3])
    text = "\n".join(p.text for p in docs[IDS[1]].paragraphs)
    assert f"Có {met}/3 chỉ tiêu đạt kế hoạch; chỉ tiêu chưa đạt: " in text


@pytest.mark.parametrize("report_id, year", [(IDS[0], 2024), (IDS[1], 2025)])
def test_sentences_and_appendix_against_an_independent_computation(docs, report_id, year):
    doc, s = docs[report_id], _sums(year)
    text = "\n".join(p.text for p in doc.paragraphs)
    assert (f"Toàn tỉnh có {_n(s['so_to'])} tổ hòa giải với {_n(s['hoa_giai_vien'])} hòa giải "
            f"viên, trong đó {_n(s['hgv_nu'])} hòa giải viên nữ.") in text
    assert (f"Tỷ lệ hòa giải thành đạt {_one(_dec(100 * s['thanh'], s['tiep_nhan']))}% "
            f"({_n(s['thanh'])}/{_n(s['tiep_nhan'])} vụ việc, tính trên tổng số vụ việc tiếp "
            "nhận).") in text
    appendix = _table(doc, -1)
    # The data file writes "Tổ đạt ""5 tốt"""; the appendix prints “5 tốt”.
    printed = [label.replace('"5 tốt"', "“5 tốt”") for label in COLUMNS.values()]
    assert appendix[0] == ["STT", "Đơn vị", *printed, "Tỷ lệ hòa giải thành (%)"]
    for i, (row, source) in enumerate(zip(appendix[1:-1], _rows(year)), 1):
        assert row[0] == str(i)
        assert row[1].endswith(source["Đơn vị"])  # "Thành phố Đồng Hới" for "Đồng Hới"
        assert row[2:-1] == [_n(int(source[label])) for label in COLUMNS.values()]
        assert row[-1] == _one(_dec(100 * int(source["Hòa giải thành"]),
                                    int(source["Số vụ việc tiếp nhận"])))
    assert appendix[-1] == ["", "Tổng cộng", *(_n(s[k]) for k in COLUMNS),
                            _one(_dec(100 * s["thanh"], s["tiep_nhan"]))]


@pytest.mark.parametrize("report_id", IDS)
def test_task_counts_against_the_report_source(docs, report_id):
    tasks = load_file(PLANS / f"{report_id}.yaml").data["tasks"]
    statuses = [t["status"] for t in tasks.values()]
    done = statuses.count("hoàn thành")
    text = "\n".join(p.text for p in docs[report_id].paragraphs)
    assert f"Đã hoàn thành {done}/{len(statuses)} nhiệm vụ" in text


@pytest.mark.parametrize("report_id", IDS)
def test_tables_repeat_their_header_and_keep_rows_whole(built, report_id):
    with zipfile.ZipFile(built[report_id]) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    tables = re.findall(r"<w:tbl>.*?</w:tbl>", xml, re.DOTALL)
    data_tables = [t for t in tables if "Chỉ tiêu" in t or "Tổng cộng" in t]
    assert len(data_tables) == 2  # the targets table and the appendix
    for table in data_tables:
        rows = re.findall(r"<w:tr[ >].*?</w:tr>", table, re.DOTALL)
        assert "<w:tblHeader/>" in rows[0]
        assert all("<w:cantSplit/>" in row for row in rows)


@pytest.mark.parametrize("report_id", IDS)
def test_appendix_is_landscape_with_its_own_page_numbers(docs, report_id):
    doc = docs[report_id]
    assert [s.orient for s in doc.sections] == ["portrait", "landscape"]
    assert doc.sections[1].pg_num_start == 1
    ref = [p.text for p in doc.paragraphs if p.style_id == "VBKemTheo"]
    assert ref and ref[0].startswith("(Kèm theo Báo cáo số 41")


def test_2024_indicators_table_against_an_independent_computation(docs):
    s = _sums(2024)

    def rate(of, over):
        return _one(_dec(100 * s[of], s[over]))

    # 2024 has no report of the year before: no "cùng kỳ" columns.
    assert _table(docs[IDS[0]], 1)[0] == ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện",
                                          "Tỷ lệ so với kế hoạch"]
    assert _table(docs[IDS[0]], 1)[1:] == [
        ["1", "Số vụ việc tiếp nhận", "vụ việc", "", _n(s["tiep_nhan"]), ""],
        ["2", "Tỷ lệ hòa giải thành (trên tổng số vụ việc tiếp nhận)", "%", "",
         rate("thanh", "tiep_nhan"), ""],
        ["3", "Tỷ lệ tổ hòa giải được củng cố, kiện toàn", "%", "",
         rate("to_kien_toan", "so_to"), ""],
        ["4", "Tỷ lệ hòa giải viên mới được tập huấn", "%", "",
         rate("hgv_moi_tap_huan", "hgv_moi"), ""],
        ["5", "Số tổ đạt “Tổ hòa giải ở cơ sở 5 tốt”", "tổ", "", _n(s["to_5_tot"]), ""],
    ]
    text = "\n".join(p.text for p in docs[IDS[0]].paragraphs)
    concluded = s["thanh"] + s["khong_thanh"]
    assert (f"Tỷ lệ hòa giải thành đạt {_one(_dec(100 * s['thanh'], concluded))}% "
            f"({_n(s['thanh'])}/{_n(concluded)} vụ việc, tính trên tổng số vụ việc hòa giải "
            "thành và không thành).") in text
    assert (f"Tỷ lệ hòa giải viên được tập huấn đạt "
            f"{_one(_dec(100 * s['hgv_tap_huan'], s['hoa_giai_vien']))}% "
            f"({_n(s['hgv_tap_huan'])}/{_n(s['hoa_giai_vien'])} người, tính trên tổng số hòa "
            "giải viên).") in text
    assert "- Lớp tập huấn kỹ năng hòa giải ở cơ sở tại huyện Bố Trạch (ngày 16/05/2024): 180 " \
           "người được tập huấn;" in text

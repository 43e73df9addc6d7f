"""Random data tables (random cells, missing and unknown columns, huge numbers, empty sheets) in
CSV and XLSX through `vanban build`: a DOCX that opens, or diagnostics that each name the data
file and (but for the file-level ones) its row and column, with the old output untouched and no
file left behind. Never a traceback, never a partial file."""

from __future__ import annotations

import csv
import io
import math
import os
import re
import zipfile

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from tests.unit.report.conftest import error_lines, run, write_report

from vanban.report.columns import HOA_GIAI

COLUMNS = HOA_GIAI.columns

EXAMPLES = 400 if os.environ.get("VANBAN_FUZZ") == "deep" else 40
R = "plans/quang-binh/2024"
OLD = b"the good report of an earlier build"
LOCATED = re.compile(r"^plans/quang-binh/2024/so-lieu\.(csv|xlsx):(\d+):(\d+): lỗi \[data\.[a-z-]+\] ")
LOCATED_ANY = re.compile(r"^plans/quang-binh/2024/so-lieu\.(csv|xlsx):(\d+):(\d+): ")
FILE_LEVEL = re.compile(r"^plans/quang-binh/2024/so-lieu\.(csv|xlsx): lỗi "
                        r"\[data\.(unreadable|sheet-unknown|encoding|csv)\] ")

HEADERS = [c.label for c in COLUMNS] + ["Ghi chu", "Số tổ", "", "Tổng"]
UNITS = ["Đồng Hới", "Ba Đồn", "Minh Hóa", "Lệ Thủy", "Thành phố Đồng Hới", "Tổng cộng",
         "Đồng Hớii", "", "ubnd-quang-binh"]
cells = st.one_of(
    st.integers(-5, 300), st.integers(10**8, 10**15), st.sampled_from(UNITS),
    st.floats(allow_nan=True, allow_infinity=True), st.booleans(), st.none(),
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=6), st.just("=B2*2"),
    st.just("1.106"))
rows = st.lists(st.lists(cells, max_size=10), max_size=6)
headers = st.one_of(
    st.just([c.label for c in COLUMNS if c.required]),
    st.permutations([c.label for c in COLUMNS if c.kind != "text"]).map(list),
    st.lists(st.sampled_from(HEADERS), max_size=10))


GOOD = {"don_vi": None, "so_to": 10, "hoa_giai_vien": 50, "tiep_nhan": 6, "thanh": 4,
        "khong_thanh": 1, "dang_giai_quyet": 1}


def _plausible_rows(header: list, n: int) -> list[list]:
    """``n`` valid rows for ``header`` (whatever its order), on three real districts."""
    names = ["Đồng Hới", "Ba Đồn", "Minh Hóa"]
    keys = [HOA_GIAI.match_header(h) if h else None for h in header]
    return [[names[i] if k == "don_vi" else GOOD.get(k, 0) for k in keys] for i in range(n)]


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(kind=st.sampled_from(["csv", "xlsx"]), header=headers,
       body=st.one_of(st.just([]), st.just([]), rows),
       good=st.integers(0, 3), empty_sheet=st.integers(0, 9).map(lambda n: n == 0))
def test_random_tables_end_in_figures_or_located_diagnostics(workspace, kind, header, body,
                                                              good, empty_sheet):
    table = [] if empty_sheet else [header, *_plausible_rows(header, good), *body]
    if kind == "xlsx":
        book = Workbook()
        sheet = book.active
        for row in table:
            sheet.append([None if isinstance(v, float) and math.isnan(v) else v for v in row])
        book.save(workspace / "so-lieu.xlsx")
    else:
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(
            [["" if v is None else str(v) for v in row] for row in table])
        (workspace / "so-lieu.csv").write_text(out.getvalue(), encoding="utf-8")
    write_report(workspace, data=f"so-lieu.{kind}")
    target = workspace.parents[2] / "outputs" / "quang-binh" / "2024" / "bc.docx"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(OLD)
    result = run("build", f"{R}/bc.yaml")
    lines = error_lines(result)
    event(f"exit {result.exit_code}")
    assert sorted(p.name for p in target.parent.iterdir()) == ["bc.docx"]  # no temporary file
    if result.exit_code == 0:
        # at most the warning that numbers were typed as text, located like any diagnostic
        assert all(": cảnh báo [data.number-as-text] " in ln and LOCATED_ANY.match(ln)
                   for ln in lines if " [" in ln), lines
        with zipfile.ZipFile(target) as z:
            assert "Đã hoàn thành 8/8 nhiệm vụ." in z.read("word/document.xml").decode("utf-8")
    else:
        assert result.exit_code == 1
        assert lines
        assert target.read_bytes() == OLD
        # every line located; the located warning about numbers typed as text may come with
        # the errors (a file whose only fault is a wrong total still has its text numbers)
        for line in lines:
            assert (LOCATED.match(line) or FILE_LEVEL.match(line)
                    or (": cảnh báo [data.number-as-text] " in line and LOCATED_ANY.match(line))
                    ), line
        assert any(LOCATED.match(ln) or FILE_LEVEL.match(ln) for ln in lines), lines

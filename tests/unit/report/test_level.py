"""The level of the reporting units in the title of the data appendix: "xã, phường" for a
period ending on or after 01/7/2025 (there is no cấp huyện since), "huyện, thị xã, thành phố"
before, unless the report gives ``data: {level: …}``; ``report init`` writes the line."""

from __future__ import annotations

import pytest
from tests.unit.report.conftest import GOOD_ROWS, HEADER, ROOT, run, write_report

from vanban.report.compose import appendix
from vanban.report.load import load_report
from vanban.source.loader import load_file

CASES = [
    ("2024", None, ("SỐ LIỆU KẾT QUẢ THỰC HIỆN CỦA CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ "
                   "(TỪ NGÀY 15/12/2023 ĐẾN NGÀY 14/12/2024)")),
    ("{start: 2025-01-01, end: 2025-06-30}", None,
     ("SỐ LIỆU KẾT QUẢ THỰC HIỆN CỦA CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ "
     "(TỪ NGÀY 01/01/2025 ĐẾN NGÀY 30/06/2025)")),
    ("{start: 2025-01-01, end: 2025-07-01}", None,
     "SỐ LIỆU KẾT QUẢ THỰC HIỆN CỦA CÁC XÃ, PHƯỜNG (TỪ NGÀY 01/01/2025 ĐẾN NGÀY 01/07/2025)"),
    ("{start: 2025-12-15, end: 2026-12-14}", None,
     "SỐ LIỆU KẾT QUẢ THỰC HIỆN CỦA CÁC XÃ, PHƯỜNG (TỪ NGÀY 15/12/2025 ĐẾN NGÀY 14/12/2026)"),
    ("{start: 2025-12-15, end: 2026-12-14}", "huyện, thị xã, thành phố",
     ("SỐ LIỆU KẾT QUẢ THỰC HIỆN CỦA CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ "
     "(TỪ NGÀY 15/12/2025 ĐẾN NGÀY 14/12/2026)")),
]


@pytest.mark.parametrize(("period", "level", "title"), CASES,
                         ids=["2024", "before-july-2025", "july-2025", "2026", "given"])
def test_the_appendix_title_follows_the_period(workspace, period, level, title):
    (workspace / "so-lieu.csv").write_text(HEADER + "\n" + GOOD_ROWS, encoding="utf-8")
    path = write_report(workspace)
    text = path.read_text(encoding="utf-8")
    if period != "2024":
        text = text.replace("year: 2024\n", f"year: 2024\nperiod: {period}\n")
    if level:
        text = text.replace("  file: so-lieu.csv\n", f"  file: so-lieu.csv\n  level: {level}\n")
    path.write_text(text, encoding="utf-8")
    assert appendix(load_report(path)).title == title


@pytest.mark.parametrize(("year", "level"), [("2024", "huyện, thị xã, thành phố"),
                                             ("2025", "xã, phường")])
def test_init_writes_the_level(workspace, year, level):
    folder = workspace.parent / year
    folder.mkdir(exist_ok=True)
    plan = ROOT / "plans" / "quang-binh" / year / "ke-hoach-hoa-giai.yaml"
    (folder / plan.name).write_text(plan.read_text(encoding="utf-8"), encoding="utf-8")
    result = run("report", "init", f"plans/quang-binh/{year}/ke-hoach-hoa-giai.yaml", "-o",
                 f"plans/quang-binh/{year}/bc-moi.yaml")
    assert result.exit_code == 0, result.stderr
    text = (folder / "bc-moi.yaml").read_text(encoding="utf-8")
    assert f'  level: "{level}"' in text
    assert load_file(folder / "bc-moi.yaml").data["data"]["level"] == level

"""A report over 70 communes as LibreOffice lays it out (one conversion for the module): the
per-unit appendix runs over several landscape pages, each starting with the header row, its page
numbers restarting at 1, no unit's row cut between two pages, the totals on the last page, each
total on one line (five digits in a narrow column of thirteen)."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner
from tests.unit.report.conftest import ROOT, TASK_IDS

from vanban.cli import main
from vanban.pdf.measure import measure, page_number_candidates
from vanban.rules import nd30

pytestmark = pytest.mark.pdf
UNITS = 70
HEADER = ("Đơn vị,Số tổ hòa giải,Tổ được kiện toàn,Tổ đạt 5 tốt,Số hòa giải viên,Hòa giải viên nữ,"
          "Hòa giải viên được tập huấn,Hòa giải viên mới,Hòa giải viên mới được tập huấn,"
          "Số vụ việc tiếp nhận,Hòa giải thành,Hòa giải không thành,Đang giải quyết")
"""Every column of the form: thirteen figure columns share the landscape page."""


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    from vanban.errors import VanbanError
    from vanban.pdf.convert import convert_to_pdf, find_soffice
    try:
        find_soffice()
    except VanbanError:
        pytest.skip("LibreOffice (soffice) is not installed")
    root = tmp_path_factory.mktemp("communes")
    shutil.copytree(ROOT / "plans" / "_shared", root / "plans" / "_shared")
    year = root / "plans" / "huyen" / "2024"
    year.mkdir(parents=True)
    shutil.copy(ROOT / "plans" / "quang-binh" / "2024" / "ke-hoach-hoa-giai.yaml", year)
    (root / "plans" / "huyen" / "_shared").mkdir()
    (root / "plans" / "huyen" / "_shared" / "xa.yaml").write_text("units:\n" + "".join(
        f"  xa-{i:03d}: {{name: Xã Số {i:03d}}}\n" for i in range(1, UNITS + 1)), "utf-8")
    (year / "so-lieu.csv").write_text(HEADER + "\n" + "".join(
        f"Xã Số {i:03d},{i % 9 + 1},{i % 9 + 1},1,{i % 50 + 250},100,200,10,9,"
        f"{i % 7 + 3},{i % 7 + 1},1,1\n"
        for i in range(1, UNITS + 1)), "utf-8")
    (year / "bao-cao.yaml").write_text(
        "type: bao-cao-ket-qua\nplan: ke-hoach-hoa-giai.yaml\nissuer: ubnd-quang-binh\n"
        "number: 9\ndate: 2024-12-16\ntitle: Kết quả thực hiện Kế hoạch năm 2024\n"
        "data: {file: so-lieu.csv, level: xã, scope: Toàn huyện}\n"
        "rates: [{id: thanh, name: Tỷ lệ hòa giải thành, of: thanh, over: tiep_nhan}]\n"
        "tasks:\n" + "".join(f"  {t}: {{status: hoàn thành}}\n" for t in TASK_IDS)
        + "recipients: [Bộ Tư pháp]\narchive: {unit: NCVX}\n"
        "signature: {on_behalf_of: ỦY BAN NHÂN DÂN, authority: KT., head: CHỦ TỊCH, "
        "signer: ho-an-phong}\n", "utf-8")
    import os

    cwd = os.getcwd()
    os.chdir(root)
    try:
        result = CliRunner().invoke(main, ["build", "plans/huyen/2024/bao-cao.yaml"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    pdf = convert_to_pdf([root / "outputs" / "huyen" / "2024" / "bao-cao.docx"])[0]
    return measure(pdf).pages


def _appendix(pages):
    return [p for p in pages if p.width_mm > p.height_mm]


def test_the_appendix_runs_over_several_landscape_pages(pages):
    appendix = _appendix(pages)
    assert len(appendix) >= 2
    assert all(p.width_mm == pytest.approx(nd30.PAGE_HEIGHT_MM, abs=0.5) for p in appendix)
    assert list(pages[-len(appendix):]) == appendix  # the appendix ends the document


def test_every_appendix_page_starts_with_the_header_row(pages):
    for page in _appendix(pages):
        texts = [ln.text for ln in page.lines]
        assert "STT" in texts and "Đơn vị" in texts, page.number
        stt = next(ln for ln in page.lines if ln.text == "STT")
        units = [ln for ln in page.lines if ln.text.startswith("Xã Số ")]
        assert units and all(ln.top > stt.top for ln in units)


def test_appendix_page_numbers_restart(pages):
    appendix = _appendix(pages)
    assert page_number_candidates(appendix[0], nd30.MARGIN_TOP.default) == []  # first page
    for n, page in enumerate(appendix[1:], 2):
        assert [ln.text for ln in page_number_candidates(page, nd30.MARGIN_TOP.default)] == [
            str(n)]


def test_no_row_is_cut_and_the_totals_come_last(pages):
    appendix = _appendix(pages)
    seen = []
    for page in appendix:
        for line in page.lines:
            if line.text.startswith("Xã Số "):
                number = int(line.text.removeprefix("Xã Số "))
                seen.append(number)
                # the row's STT cell stands on the same page, on the same line
                assert any(ln.text == str(number) and abs(ln.baseline - line.baseline) < 1
                           for ln in page.lines), (page.number, number)
    assert seen == list(range(1, UNITS + 1))
    assert any(ln.text == "Tổng cộng" for ln in appendix[-1].lines)


def test_each_total_stands_on_one_line(pages):
    last = _appendix(pages)[-1]
    label = next(ln for ln in last.lines if ln.text == "Tổng cộng")
    totals = [ln.text for ln in last.lines if abs(ln.baseline - label.baseline) < 1]
    hgv = sum(i % 50 + 250 for i in range(1, UNITS + 1))
    assert f"{hgv // 1000}.{hgv % 1000:03d}" == "18.935"
    assert "18.935" in totals and "14.000" in totals and "7.000" in totals, totals

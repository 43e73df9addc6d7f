"""A year-end report of Hà Tĩnh (communes and wards, no districts) as a reviewer reads it:
the targets quoted from the plan, the Nơi nhận, the communes' rows of the data table."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from vanban.cli import main

REGISTRY = """\
units:
  ubnd-tinh:
    name: Ủy ban nhân dân tỉnh Hà Tĩnh
    short: UBND tỉnh
    abbr: UBND
    header: [ỦY BAN NHÂN DÂN, TỈNH HÀ TĨNH]
    place: Hà Tĩnh
    collective: true
  so-tu-phap: {name: Sở Tư pháp, abbr: STP}
  ubnd-cap-xa: {name: "Ủy ban nhân dân các xã, phường"}
  phuong-thanh-sen: {name: phường Thành Sen}
  xa-cam-xuyen: {name: xã Cẩm Xuyên}
signers:
  le-thi-hoa: {name: Lê Thị Hoa, position: PHÓ CHỦ TỊCH, unit: ubnd-tinh}
"""

PLAN = """\
id: ke-hoach-hoa-giai
issuer: ubnd-tinh
number: 12
date: 2026-01-15
title: Triển khai công tác hòa giải ở cơ sở năm 2026
sections:
  - title: CHỈ TIÊU
    content:
      - target: Phấn đấu tỷ lệ hòa giải thành đạt trên 90% tổng số vụ việc tiếp nhận;
        id: ty-le-hoa-giai-thanh
        value: 90
        unit: "%"
      - target: 100% tổ hòa giải ở thôn, tổ dân phố mới được kiện toàn.
        id: to-hoa-giai-kien-toan
        value: 100
        unit: "%"
  - title: NHIỆM VỤ
    content:
      - task: Kiện toàn tổ hòa giải
        id: kien-toan
        lead: ubnd-cap-xa
        timeline: Quý I năm 2026
recipients: [Bộ Tư pháp]
archive: {unit: NC}
signature: {on_behalf_of: ỦY BAN NHÂN DÂN, authority: KT., head: CHỦ TỊCH, signer: le-thi-hoa}
"""

REPORT = """\
type: bao-cao-ket-qua
plan: ke-hoach-hoa-giai.yaml
issuer: ubnd-tinh
year: 2026
title: Kết quả thực hiện Kế hoạch số 12/KH-UBND năm 2026
kinh_gui: [Bộ Tư pháp]
data: {file: so-lieu.csv}
tasks:
  kien-toan: {status: hoàn thành}
targets:
  ty-le-hoa-giai-thanh: {of: thanh, over: tiep_nhan}
  to-hoa-giai-kien-toan: {of: to_kien_toan, over: so_to}
recipients: [Thường trực Tỉnh ủy]
archive: {unit: NC}
signature: {on_behalf_of: ỦY BAN NHÂN DÂN, authority: KT., head: CHỦ TỊCH, signer: le-thi-hoa}
"""

DATA = """\
Đơn vị,Số tổ hòa giải,Tổ được kiện toàn,Số hòa giải viên,Số vụ việc tiếp nhận,Hòa giải thành,\
Hòa giải không thành,Đang giải quyết
{a},42,42,285,64,58,4,2
{b},46,44,310,72,60,10,2
"""


def workspace(root: Path, a: str = "phường Thành Sen", b: str = "xã Cẩm Xuyên") -> Path:
    shared = root / "plans" / "_shared"
    shared.mkdir(parents=True)
    (shared / "don-vi.yaml").write_text(REGISTRY, encoding="utf-8")
    year = root / "plans" / "2026"
    year.mkdir()
    (year / "ke-hoach-hoa-giai.yaml").write_text(PLAN, encoding="utf-8")
    (year / "bao-cao-hoa-giai.yaml").write_text(REPORT, encoding="utf-8")
    (year / "so-lieu.csv").write_text(DATA.format(a=a, b=b), encoding="utf-8")
    return year


@pytest.fixture()
def built(tmp_path, monkeypatch) -> str:
    workspace(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    shown = CliRunner().invoke(main, ["text", "outputs/2026/bao-cao-hoa-giai.docx"])
    assert shown.exit_code == 0, shown.output
    return shown.output


def test_missed_targets_are_quoted_without_their_end_marks(built):
    """A target is a line of the plan ending in ";" or "."; quoted in the report's sentence
    and in its table, that mark would print ";;" and ".." (a văn thư sends it back)."""
    sentence = next(line for line in built.splitlines() if "chỉ tiêu chưa đạt" in line)
    assert sentence.endswith(
        "Có 0/2 chỉ tiêu đạt kế hoạch; chỉ tiêu chưa đạt: Phấn đấu tỷ lệ hòa giải thành đạt "
        "trên 90% tổng số vụ việc tiếp nhận; 100% tổ hòa giải ở thôn, tổ dân phố mới được "
        "kiện toàn.")
    cells = [line.split("> ", 1)[1] for line in built.splitlines()
             if line.startswith(("T2.2.2 ", "T2.3.2 "))]
    assert cells == ["Phấn đấu tỷ lệ hòa giải thành đạt trên 90% tổng số vụ việc tiếp nhận",
                     "100% tổ hòa giải ở thôn, tổ dân phố mới được kiện toàn"]


def test_a_recipient_already_addressed_in_kinh_gui_is_a_warning(tmp_path, monkeypatch):
    """report init copies the plan's Nơi nhận; with "kinh_gui: [Bộ Tư pháp]" the report
    printed "- Như trên;" then "- Bộ Tư pháp;": the Bộ twice, and nothing said so."""
    year = workspace(tmp_path)
    report = year / "bao-cao-hoa-giai.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace(
        "recipients: [Thường trực Tỉnh ủy]", "recipients: [Thường trực Tỉnh ủy, Bộ Tư pháp]"),
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["validate", "plans/2026/bao-cao-hoa-giai.yaml"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        'plans/2026/bao-cao-hoa-giai.yaml:13:35: cảnh báo [recipients.kinh-gui] recipients[1]: '
        'Nơi nhận "Bộ Tư pháp" đã có ở Kính gửi: dòng "- Như trên;" (công cụ tự thêm) đã gồm '
        'nơi này, nên nơi này sẽ được ghi hai lần. Xóa dòng này.')


def test_a_commune_written_with_a_capital_is_the_registrys_and_prints_capitalised(
        tmp_path, monkeypatch):
    """The registry names communes as a sentence says them ("xã Cẩm Xuyên"); each commune's
    row begins "Xã Cẩm Xuyên". That was an error for every row; and the appendix, printing the
    registry's name, began its cells in lower case."""
    workspace(tmp_path, a="Phường Thành Sen", b="Xã Cẩm Xuyên")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    shown = CliRunner().invoke(main, ["text", "outputs/2026/bao-cao-hoa-giai.docx"]).output
    names = [line.split("> ", 1)[1] for line in shown.splitlines()
             if line.startswith(("T4.2.2 ", "T4.3.2 ", "T4.4.2 "))]
    assert names == ["Phường Thành Sen", "Xã Cẩm Xuyên", "Tổng cộng"]


def test_the_appendix_begins_a_lower_case_registry_name_with_a_capital(built):
    names = [line.split("> ", 1)[1] for line in built.splitlines()
             if line.startswith(("T4.2.2 ", "T4.3.2 "))]
    assert names == ["Phường Thành Sen", "Xã Cẩm Xuyên"]


DECISION = """\
type: quyet-dinh
issuer: ubnd-tinh
number: 45
date: 2026-01-15
title: Ban hành Kế hoạch triển khai công tác hòa giải ở cơ sở năm 2026
authority_line: ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH
can_cu:
  - Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025
articles:
  - article: Ban hành kèm theo Quyết định này Kế hoạch.
  - article: Quyết định này có hiệu lực kể từ ngày ký.
attachment: {plan: ke-hoach-hoa-giai.yaml}
recipients: [Bộ Tư pháp]
archive: {unit: NC}
signature: {on_behalf_of: ỦY BAN NHÂN DÂN, authority: KT., head: CHỦ TỊCH, signer: le-thi-hoa}
"""


def test_a_title_written_before_the_decision_had_its_number_is_warned_of(tmp_path,
                                                                         monkeypatch):
    """report init, run while the decision issuing the plan had no number, writes "Kết quả
    thực hiện Kế hoạch ban hành kèm theo Quyết định của …"; once the decision has its number,
    the report's opening cites it but the title still did not, and nothing said so."""
    year = workspace(tmp_path)
    plan = year / "ke-hoach-hoa-giai.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "number: 12\ndate: 2026-01-15\n", "number: null\nyear: 2026\n"), encoding="utf-8")
    (year / "quyet-dinh.yaml").write_text(DECISION, encoding="utf-8")
    report = year / "bao-cao-hoa-giai.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace(
        "title: Kết quả thực hiện Kế hoạch số 12/KH-UBND năm 2026",
        "title: Kết quả thực hiện Kế hoạch ban hành kèm theo Quyết định của Ủy ban nhân dân "
        "tỉnh về triển khai công tác hòa giải ở cơ sở năm 2026"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["validate", "plans/2026/bao-cao-hoa-giai.yaml"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        "plans/2026/bao-cao-hoa-giai.yaml:5:8: cảnh báo [report.title-unnumbered] title: Trích "
        'yếu nêu "… kèm theo Quyết định của …" mà không có số, trong khi kế hoạch là "Kế hoạch '
        'ban hành kèm theo Quyết định số 45/QĐ-UBND ngày 15/01/2026 của Ủy ban nhân dân tỉnh Hà '
        'Tĩnh". Ví dụ: title: "Kết quả thực hiện Kế hoạch ban hành kèm theo Quyết định số '
        "45/QĐ-UBND ngày 15/01/2026 của Ủy ban nhân dân tỉnh Hà Tĩnh về triển khai công tác hòa "
        'giải ở cơ sở năm 2026".')


def _figures_changed(tmp_path: Path, year: Path, new_rows) -> None:
    """The report's data as it was kept under cu/ and read by plans/2026/bc-cu.yaml (the old
    report); the data file itself rewritten by ``new_rows`` (its text → the new text)."""
    old = tmp_path / "cu"
    old.mkdir()
    data = year / "so-lieu.csv"
    (old / "so-lieu.csv").write_text(data.read_text(encoding="utf-8"), encoding="utf-8")
    data.write_text(new_rows(data.read_text(encoding="utf-8")), encoding="utf-8")
    report = year / "bao-cao-hoa-giai.yaml"
    (year / "bc-cu.yaml").write_text(report.read_text(encoding="utf-8").replace(
        "file: so-lieu.csv", "file: ../../cu/so-lieu.csv"), encoding="utf-8")


def _diff_old_new():
    """``vanban diff`` of the old report (bc-cu.yaml) with the report."""
    return CliRunner().invoke(main, ["diff", "plans/2026/bc-cu.yaml",
                                     "plans/2026/bao-cao-hoa-giai.yaml"])


def _tracked_text() -> str:
    """``vanban text`` of the tracked DOCX of the old report against the report."""
    result = CliRunner().invoke(main, ["compare", "--tracked", "plans/2026/bc-cu.yaml",
                                       "plans/2026/bao-cao-hoa-giai.yaml", "-o", "theo-doi.docx"])
    assert result.exit_code == 0 and "compare.tracked" not in result.output, result.output
    return CliRunner().invoke(main, ["text", "theo-doi.docx"]).output


def test_a_commune_s_figures_corrected_are_a_change_of_the_report(tmp_path, monkeypatch):
    """A commune sends a corrected figure: the report's sentences and targets table showed it
    changed, but its appendix (the figures of every commune, and the Tổng cộng row) did not,
    in vanban diff, the bảng so sánh and the tracked changes alike."""
    year = workspace(tmp_path)
    _figures_changed(tmp_path, year, lambda rows: rows.replace(
        "phường Thành Sen,42,42,285,64,58,4,2", "phường Thành Sen,42,42,285,64,60,2,2"))
    monkeypatch.chdir(tmp_path)
    result = _diff_old_new()
    assert result.exit_code == 1, result.output
    lines = [line.strip() for line in result.output.splitlines()]
    # Named as the report prints it, not "[đoạn 12]" (its place in the whole body).
    assert lines[1].startswith("[Mục II, đoạn 2] Sửa câu chữ (đoạn): Các tổ hòa giải"), lines
    assert lines[2].startswith("[Mục II, bảng 1] Sửa dòng 1 (Phấn đấu"), lines
    assert lines[-2:] == [
        ("[Phụ lục, bảng 1] Sửa dòng 1 (Phường Thành Sen): Hòa giải thành: 58 → 60; Hòa giải "
        "không thành: 4 → 2"),
        ("[Phụ lục, bảng 1] Sửa dòng 3 (Tổng cộng): Hòa giải thành: 118 → 120; Hòa giải không "
        "thành: 14 → 12")], lines
    shown = _tracked_text()
    appendix = shown[shown.index("Phụ lục"):]
    assert [line.split("> ", 1)[1] for line in appendix.splitlines() if "{+" in line] == [
        "[-58-]{+60+}", "[-4-]{+2+}", "[-118-]{+120+}", "[-14-]{+12+}"]


def test_a_commune_added_changes_the_total_row_it_does_not_replace_it(tmp_path, monkeypatch):
    """A commune added to the data changes every figure of the appendix's Tổng cộng row: the
    row was too unlike its old self to be paired, so the diff said "Bỏ dòng 3 (Tổng cộng)" and
    "Thêm dòng 4 (Tổng cộng)" and the tracked DOCX deleted the row and inserted it again."""
    year = workspace(tmp_path)
    registry = tmp_path / "plans" / "_shared" / "don-vi.yaml"
    registry.write_text(registry.read_text(encoding="utf-8").replace(
        "signers:", "  xa-ky-anh: {name: xã Kỳ Anh}\nsigners:"), encoding="utf-8")
    _figures_changed(tmp_path, year, lambda rows: rows + "xã Kỳ Anh,10,10,50,12,10,1,1\n")
    monkeypatch.chdir(tmp_path)
    result = _diff_old_new()
    assert result.exit_code == 1, result.output
    lines = [line.strip() for line in result.output.splitlines() if "[Phụ lục" in line]
    assert [line.split(":", 1)[0] for line in lines] == [
        "[Phụ lục, bảng 1] Thêm dòng 3 (Xã Kỳ Anh)", "[Phụ lục, bảng 1] Sửa dòng 4 (Tổng cộng)"]
    assert lines[1].endswith("Số tổ hòa giải: 88 → 98; Tổ được kiện toàn: 86 → 96; Số hòa giải "
                             "viên: 595 → 645; Số vụ việc tiếp nhận: 136 → 148; Hòa giải thành: "
                             "118 → 128; Hòa giải không thành: 14 → 15; Đang giải quyết: 4 → 5")
    shown = _tracked_text()
    appendix = shown[shown.index("Phụ lục"):]
    assert [line.split("> ", 1)[1] for line in appendix.splitlines() if "[-" in line] == [
        "[-88-]{+98+}", "[-86-]{+96+}", "[-595-]{+645+}", "[-136-]{+148+}", "[-118-]{+128+}",
        "[-14-]{+15+}", "[-4-]{+5+}"]


def test_a_commune_is_paired_with_itself_not_with_a_new_one_of_like_figures(tmp_path,
                                                                           monkeypatch):
    """Thành Sen's figures corrected and Kỳ Anh added after it with Thành Sen's old figures:
    the rows were paired by likeness, so the diff said Thành Sen was added and renamed
    "Phường Thành Sen → Xã Kỳ Anh"."""
    year = workspace(tmp_path)
    registry = tmp_path / "plans" / "_shared" / "don-vi.yaml"
    registry.write_text(registry.read_text(encoding="utf-8").replace(
        "signers:", "  xa-ky-anh: {name: xã Kỳ Anh}\nsigners:"), encoding="utf-8")
    _figures_changed(tmp_path, year, lambda rows: rows.replace(
        "phường Thành Sen,42,42,285,64,58,4,2",
        "phường Thành Sen,40,30,200,50,45,3,2\nxã Kỳ Anh,42,42,285,64,58,4,2"))
    monkeypatch.chdir(tmp_path)
    result = _diff_old_new()
    assert result.exit_code == 1, result.output
    lines = [line.strip() for line in result.output.splitlines() if "[Phụ lục" in line]
    assert [line.split(":", 1)[0] for line in lines] == [
        "[Phụ lục, bảng 1] Sửa dòng 1 (Phường Thành Sen)", "[Phụ lục, bảng 1] Thêm dòng 2 (Xã Kỳ Anh)",
        "[Phụ lục, bảng 1] Sửa dòng 4 (Tổng cộng)"]  # Cẩm Xuyên only numbered 3 now: no change
    assert "Đơn vị:" not in lines[0], lines[0]


def test_a_commune_removed_renumbers_the_rows_below_without_a_change_each(tmp_path,
                                                                         monkeypatch):
    """Thành Sen's row removed: each row below it was listed "STT: 2 → 1" in the diff and the
    bảng so sánh; the row the tracked DOCX puts back deleted was laid out like the bold
    header row above it (Reject would have restored a header-styled row)."""
    year = workspace(tmp_path)
    _figures_changed(tmp_path, year, lambda rows: rows.replace(
        "phường Thành Sen,42,42,285,64,58,4,2\n", ""))
    monkeypatch.chdir(tmp_path)
    result = _diff_old_new()
    assert result.exit_code == 1, result.output
    lines = [line.strip() for line in result.output.splitlines() if "[Phụ lục" in line]
    assert [line.split(":", 1)[0] for line in lines] == [
        "[Phụ lục, bảng 1] Bỏ dòng 1 (Phường Thành Sen)", "[Phụ lục, bảng 1] Sửa dòng 2 (Tổng cộng)"]
    assert "STT" not in lines[1], lines[1]
    shown = _tracked_text()
    appendix = shown[shown.index("Phụ lục"):].splitlines()
    header = next(line for line in appendix if line.endswith("> STT"))
    gone = next(line for line in appendix if "[-Phường Thành Sen-]" in line)
    first = next(line for line in appendix if line.endswith("> Xã Cẩm Xuyên"))
    assert gone.split("] <")[0].split(" ", 1)[1] == first.split("] <")[0].split(" ", 1)[1]
    def run_format(line: str) -> list[str]:
        return line.split("<", 1)[1].split(">", 1)[0].split()

    assert "B" not in run_format(gone) and "B" in run_format(header)
    # The tracked DOCX still marks each number (Reject all gives back the old table exactly).
    assert any(line.endswith("> [-2-]{+1+}") for line in appendix), appendix

"""vanban compare: the bảng so sánh, read back from its XML."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.unit.review.marks import comparison_rows

from vanban.cli import main

ROOT = Path(__file__).resolve().parents[3]
P2024 = "plans/quang-binh/2024/ke-hoach-hoa-giai.yaml"
ROUND = "tests/review/round-1/ke-hoach-hoa-giai.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(autouse=True)
def _in_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def run(*args: str):
    return CliRunner().invoke(main, list(args))




@pytest.fixture(scope="module")
def table(tmp_path_factory):
    out = tmp_path_factory.mktemp("bss") / "bang-so-sanh.docx"
    result = CliRunner().invoke(main, ["compare", str(ROOT / P2024), str(ROOT / ROUND), "-o",
                                       str(out), "--reasons",
                                       str(ROOT / "tests/review/round-1/ly-do.yaml"),
                                       "--old-header", "Dự thảo lần 1", "--new-header",
                                       "Dự thảo lần 2"])
    assert result.exit_code == 0, result.output
    assert result.output.endswith("(8 thay đổi).\n")
    return out


def test_one_row_per_change_with_marks(table):
    root, rows = comparison_rows(table)
    assert [c[0] for c in rows[0]] == ["STT", "Dự thảo lần 1", "Dự thảo lần 2",
                                       "Lý do, giải trình"]
    body = rows[1:]
    assert [r[0][0] for r in body] == [str(i) for i in range(1, 9)]
    # (struck words in the old column, inserted words in the new column) per row
    # (rows in the order the document reads: the Nơi nhận after the body)
    assert [(r[1][1], r[2][2]) for r in body] == [
        (["11"], ["12"]),
        ([], []),  # moved: no words changed, noted as moved
        ([], ["4.", "Tổ chức Hội thi hòa giải viên giỏi cấp tỉnh", "Đơn vị chủ trì:",
              "Sở Tư pháp", "Đơn vị phối hợp:", ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng "
              "Bình; UBND các huyện, thị xã, thành phố"), "Thời gian thực hiện:",
              "Quý III năm 2024"]),
        (["Thông tin và Truyền thông"], ["Khoa học và Công nghệ"]),
        ([], ["Quảng Bình"]),
        (["Thông tin và Truyền thông"], ["Khoa học và Công nghệ"]),
        (["đảm bảo"], ["bảo đảm"]),
        ([], ["- Báo Quảng Bình, Đài Phát thanh - Truyền hình Quảng Bình;"]),
    ]
    assert body[1][1][0].startswith("2. In ấn tài liệu") and "(chuyển vị trí)" in body[1][2][0]
    assert [r[3][0] for r in body] == [
        "Dời hạn để khớp kỳ báo cáo năm của Bộ Tư pháp.", "",
        "Theo đề nghị của Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh.", "", "", "",
        'Thống nhất dùng "bảo đảm" theo Luật Ban hành văn bản quy phạm pháp luật.',
        "Bổ sung cơ quan báo chí thực hiện tuyên truyền (mục IV.3)."]
    table_el = next(t for t in root.iter(f"{W}tbl") if "Lý do" in "".join(
        x.text or "" for x in t.iter(f"{W}t")))
    # A paragraph follows the table: two adjacent tables would merge into one in Word/LO.
    assert table_el.getnext().tag == f"{W}p"
    size = root.find(f"{W}body/{W}sectPr/{W}pgSz")
    assert size.get(f"{W}orient") == "landscape"
    text = "".join(t.text or "" for t in root.iter(f"{W}t"))
    assert "BẢNG SO SÁNH" in text and "Hồ An Phong" in text and "TỈNH QUẢNG BÌNH" in text
    # Ô 9b is a component of every signed document (Điều 8); the table goes with a
    # submission, so its Nơi nhận holds only the archive line.
    assert "Nơi nhận:- Lưu: VT, NCVX." in text


def test_the_table_passes_the_checker(table):
    """Its own frame, a type-like title, landscape from page 1 for its table, Nơi nhận."""
    from vanban.check.api import check_docx, format_text

    findings = check_docx(table)
    assert findings == [], format_text({table.name: findings})


@pytest.mark.pdf
@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")
def test_the_table_passes_the_checker_with_pdf(table):
    """The summary's rule is sized for the landscape line, and the table's top border right
    under it is not taken for that rule."""
    from vanban.check.api import check_files, format_text

    results = check_files([table], pdf=True)
    assert results == {str(table): []}, format_text(results)


def test_deterministic_and_audit_clean(table, tmp_path):
    again = tmp_path / "lan-2.docx"
    result = run("compare", P2024, ROUND, "-o", str(again), "--reasons",
                 "tests/review/round-1/ly-do.yaml", "--old-header", "Dự thảo lần 1",
                 "--new-header", "Dự thảo lần 2")
    assert result.exit_code == 0
    assert again.read_bytes() == table.read_bytes()
    if shutil.which("openxml-audit") is None:
        pytest.skip("openxml-audit is not installed")
    audit = subprocess.run(["openxml-audit", str(table)], capture_output=True, text=True,
                           check=False)
    assert audit.returncode == 0 and "Errors: 0" in audit.stdout, audit.stdout


def test_reasons_unknown_id_is_a_located_warning(tmp_path):
    reasons = tmp_path / "ly-do.yaml"
    reasons.write_text("hoi-thi-hoa-giai: Lý do.\ntap-huan-moi: Gõ nhầm mã.\n", encoding="utf-8")
    result = run("compare", P2024, ROUND, "-o", str(tmp_path / "b.docx"), "--reasons",
                 str(reasons))
    assert result.exit_code == 0
    first = result.output.splitlines()[0]
    assert first.startswith(f"{reasons}:2:1: cảnh báo [reasons.unknown-ref] tap-huan-moi: "
                            '"tap-huan-moi" không phải mục nào có thay đổi. Các mã có thay đổi: ')


def test_compare_refuses_folders_and_keeps_output(tmp_path):
    out = tmp_path / "b.docx"
    out.write_bytes(b"old")
    result = run("compare", "plans", "plans", "-o", str(out))
    assert result.exit_code == 1
    assert "[compare.not-file]" in result.output
    assert out.read_bytes() == b"old"


def test_a_removed_block_and_the_one_renumbered_into_its_place_are_twocomparison_rows(tmp_path):
    """IV.3 removed, and the old IV.4 (now IV.3) reworded: one address, two rows."""
    shutil.copytree(ROOT / "plans/_shared", tmp_path / "_shared")
    text = (ROOT / P2024).read_text(encoding="utf-8")
    start = text.index("      - numbered: >-\n          Đài Phát thanh")
    end = text.index("      - unit: so-tttt")
    new = (text[:start] + text[end:]).replace("phối hợp với Sở Tư pháp triển khai các nhiệm vụ",
                                              "phối hợp chặt chẽ với Sở Tư pháp triển khai các "
                                              "nhiệm vụ")
    (tmp_path / "moi.yaml").write_text(new, encoding="utf-8")
    out = tmp_path / "b.docx"
    result = run("compare", P2024, str(tmp_path / "moi.yaml"), "-o", str(out), "--lang", "en")
    assert result.exit_code == 0, result.output
    _, rows = comparison_rows(out)
    assert [(r[1][0][:30], r[1][1], r[2][2]) for r in rows[1:]] == [
        # each row says where its block is (the section's own "3." would not)
        ("IV.3: Đài Phát thanh - Truyền ", [("Đài Phát thanh - Truyền hình Quảng Bình, Báo "
                                            "Quảng Bình thực hiện tuyên truyền, phổ biến trên báo "
                                            "đài các quy định pháp luật về hòa giải ở cơ sở và "
                                            "tình hình triển khai thi hành pháp luật về hòa giải "
                                            "ở cơ sở.")], []),
        ("IV.4: Sở Thông tin và Truyền t", [], ["chặt chẽ"]),  # IV.3 in the new column
    ]


@pytest.fixture()
def with_reasons_beside(tmp_path) -> Path:
    """The round-1 draft in a folder of its own, its reasons beside it by the convention."""
    folder = tmp_path / "round-1"
    shutil.copytree(ROOT / "tests/review/round-1", folder)
    (folder / "ly-do.yaml").rename(folder / "ke-hoach-hoa-giai.ly-do.yaml")
    return folder / "ke-hoach-hoa-giai.yaml"


def test_the_reasons_beside_the_new_plan_are_taken_by_default(table, with_reasons_beside,
                                                             tmp_path):
    out = tmp_path / "bang.docx"
    result = run("compare", P2024, str(with_reasons_beside), "-o", str(out), "--old-header",
                 "Dự thảo lần 1", "--new-header", "Dự thảo lần 2")
    assert result.exit_code == 0, result.output
    beside = with_reasons_beside.with_name("ke-hoach-hoa-giai.ly-do.yaml")
    assert result.stdout.splitlines() == [f"Lý do, giải trình lấy từ {beside}",
                                          f"Đã ghi {out} (8 thay đổi)."]
    assert out.read_bytes() == table.read_bytes()  # as with --reasons naming that file


def test_a_reasons_file_is_no_plan(with_reasons_beside, tmp_path):
    from vanban.jobs import discover

    folder = with_reasons_beside.parent
    jobs = discover([folder], tmp_path / "out", folder)
    assert sorted(j.source.name for j in jobs) == ["du-thao-quang-trach.yaml",
                                                   "ke-hoach-hoa-giai.yaml"]
    same = run("diff", str(folder), str(folder))  # compared as a folder of plans
    assert same.exit_code == 0, same.output


def test_two_equal_versions_write_no_table(tmp_path):
    out = tmp_path / "b.docx"
    result = run("compare", P2024, P2024, "-o", str(out))
    assert (result.exit_code, result.output) == (
        0, "Hai phiên bản không khác nhau: không lập bảng so sánh, không ghi tệp nào.\n")
    assert not out.exists()
    tracked = run("compare", "--tracked", P2024, P2024, "-o", str(out))
    assert tracked.exit_code == 0 and out.is_file()  # the document itself, nothing marked

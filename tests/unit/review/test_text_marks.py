"""vanban text (the git diff driver for DOCX) keeps what was struck, deleted and inserted:
[-…-] for text struck through or deleted with Track Changes, {+…+} for text inserted."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from vanban.cli import main

ROOT = Path(__file__).resolve().parents[3]
OLD = str(ROOT / "plans/quang-binh/2024/ke-hoach-hoa-giai.yaml")
NEW = str(ROOT / "tests/review/round-1/ke-hoach-hoa-giai.yaml")


@pytest.fixture(scope="module")
def texts(tmp_path_factory) -> dict[str, list[str]]:
    """`vanban text` of the bảng so sánh and of the tracked-changes document of one edit."""
    out = {}
    folder = tmp_path_factory.mktemp("marks")
    for name, extra in (("table", []), ("tracked", ["--tracked", "--author", "A"])):
        docx = folder / f"{name}.docx"
        made = CliRunner().invoke(main, ["compare", OLD, NEW, "-o", str(docx), *extra])
        assert made.exit_code == 0, made.output
        shown = CliRunner().invoke(main, ["text", str(docx)])
        assert shown.exit_code == 0, shown.output
        out[name] = shown.output.splitlines()
    return out


def test_struck_words_of_the_table(texts):
    lines = [x for x in texts["table"] if "[-" in x]
    assert lines == [
        "T2.2.2 [VB Bảng L sp=3/3] <13pt> Thời gian thực hiện: Tháng 6, tháng [-11-] năm 2024",
        ("T2.5.2 [VB Bảng L sp=3/3] <13pt> Đơn vị phối hợp: Sở [-Thông tin và Truyền thông-]; "
        "UBND các huyện, thị xã, thành phố và các đơn vị có liên quan"),
        ("T2.7.2 [VB Bảng L sp=3/3] <13pt> IV.4: Sở [-Thông tin và Truyền thông-] phối hợp với Sở "
        "Tư pháp triển khai các nhiệm vụ theo nội dung của Kế hoạch. Chỉ đạo các cơ quan thông "
        "tin truyền thông triển khai hoạt động truyền thông quy định pháp luật về hòa giải ở cơ "
        "sở và tình hình thực hiện pháp luật về hòa giải ở cơ sở."),
        ("T2.8.2 [VB Bảng L sp=3/3] <13pt> IV.6, gạch đầu dòng thứ 1: Xây dựng kế hoạch thực hiện Đề án năm 2024 tại địa "
        "phương; trong đó cần chú trọng rà soát số lượng hòa giải viên trên địa bàn và chủ động "
        "tổ chức tập huấn bồi dưỡng pháp luật cho đội ngũ hòa giải viên tại địa phương "
        "[-đảm bảo-] theo lộ trình của Đề án."),
    ]


def test_deleted_and_inserted_words_of_tracked_changes(texts):
    lines = texts["tracked"]
    assert ("¶ [VB Đoạn văn J first=12.7 sp=6/0] <14pt> Thời gian thực hiện: Tháng 6, tháng "
            "[-11-]{+12+} năm 2024.") in lines
    assert ("¶ [VB Đoạn văn J first=12.7 sp=6/0] <14pt> [-Đơn vị chủ trì: Sở Tư pháp.-]"
            in lines)
    assert "¶ [VB Khoản (1.) J first=12.7 sp=6/0] <14pt B> {+4. Tổ chức Hội thi hòa giải viên " \
           "giỏi cấp tỉnh+}" in lines
    assert sum("[-" in x for x in lines) == 8 and sum("{+" in x for x in lines) == 14


def test_the_marks_are_in_the_help():
    shown = CliRunner().invoke(main, ["text", "--help"])
    assert "[-…-]" in shown.output and "{+…+}" in shown.output


def test_a_line_break_inside_a_paragraph_stays_on_its_line(tmp_path):
    """A title typed on two lines (``title: |-``) is one paragraph with a line break: the text
    keeps it one line, the break written ↵, so git diff shows the second line with its place
    and format (it printed as a bare line of its own)."""
    plan = tmp_path / "plans" / "quang-binh" / "2024" / "ke-hoach-hoa-giai.yaml"
    plan.parent.mkdir(parents=True)
    source = Path(OLD).read_text(encoding="utf-8")
    head, _, rest = source.partition("\ntitle: ")
    _, _, rest = rest.partition("\n")
    while rest.startswith("  "):  # the title's folded lines
        _, _, rest = rest.partition("\n")
    plan.write_text(head + "\ntitle: |-\n  Triển khai Đề án hòa giải ở cơ sở\n  năm 2024\n" + rest,
                    encoding="utf-8")
    shared = ROOT / "plans" / "_shared"
    (tmp_path / "plans" / "_shared").mkdir()
    for f in shared.iterdir():
        (tmp_path / "plans" / "_shared" / f.name).write_bytes(f.read_bytes())
    built = CliRunner().invoke(main, ["build", str(plan), "--out", str(tmp_path / "out")])
    assert built.exit_code == 0, built.output
    (docx_path,) = (tmp_path / "out").rglob("*.docx")
    shown = CliRunner().invoke(main, ["text", str(docx_path)])
    assert shown.exit_code == 0, shown.output
    titles = [x for x in shown.output.splitlines() if "Triển khai Đề án" in x]
    assert titles == ["¶ [VB Trích yếu C] <14pt B> Triển khai Đề án hòa giải ở cơ sở↵năm 2024"]
    assert not any(x.startswith("năm 2024") for x in shown.output.splitlines())

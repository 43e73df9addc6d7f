"""Bold cells in a body table ({text, bold: true}): a "Cộng" row across a merged cell, a bold
sub-heading in a table without merges. Rendered, and read back from word/document.xml: the
runs with w:b are exactly the cells written bold; the DOCX passes `vanban check`; `vanban diff`
of a plan before and after making a row bold runs."""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from pathlib import Path

from click.testing import CliRunner
from lxml import etree
from tests.unit.test_compose import _compose
from tests.unit.test_table_merge import _plan, body_tables

from vanban.cli import main
from vanban.compose.table import BodyTable
from vanban.pipeline import find_template
from vanban.render.docx import render

ROOT = Path(__file__).resolve().parents[2]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

BOLD = """\
      - table:
          - {title: STT, width: 12, align: center}
          - {title: Đơn vị, width: 45}
          - Nhiệm vụ
          - {title: Kinh phí, width: 25, align: center}
        rows:
          - [1, {text: Sở Tư pháp, rows: 2}, Tập huấn hòa giải viên, 40]
          - [2, Biên soạn tài liệu, 15]
          - [{text: Cộng, cols: 3, bold: true}, {text: 55, bold: true}]
      - table:
          - {title: STT, width: 15, align: center}
          - Nội dung
          - {title: Số lớp, width: 30, align: center}
        rows:
          - ["", {text: I. Cấp tỉnh, bold: true}, ""]
          - [1, Sở Tư pháp, 4]
          - [{text: Tổng cộng, bold: true}, "", {text: 4, bold: true}]
"""
ASKED = ["Cộng", "55", "I. Cấp tỉnh", "Tổng cộng", "4"]  # in document order


def _plain(block: str) -> str:
    """The same tables with nothing bold (the form every plan had before)."""
    return (block.replace("{text: Cộng, cols: 3, bold: true}", "{text: Cộng, cols: 3}")
            .replace("{text: 55, bold: true}", "55").replace("{text: I. Cấp tỉnh, bold: true}",
                                                             "I. Cấp tỉnh")
            .replace("{text: Tổng cộng, bold: true}", "Tổng cộng")
            .replace("{text: 4, bold: true}", "4"))


def _render(tmp_path: Path, block: str) -> bytes:
    tmp_path.mkdir(exist_ok=True)
    doc = _compose(tmp_path, _plan(block))
    return render(doc, find_template(doc.type_key, ROOT))


def _bold_runs(element) -> list[str]:
    """The text of every run with direct bold (w:b), in document order."""
    return ["".join(t.text or "" for t in r.iter(f"{W}t")) for r in element.iter(f"{W}r")
            if r.find(f"{W}rPr/{W}b") is not None]


def _document(data: bytes):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read("word/document.xml"))


def test_only_the_cells_written_bold_are_bold(tmp_path):
    bold = _render(tmp_path / "a", BOLD)
    plain = _render(tmp_path / "b", _plain(BOLD))
    tables = body_tables(bold)
    assert len(tables) == 2
    assert [text for t in tables for text in _bold_runs(t)] == ASKED
    # Nothing else in the document changed to bold: the difference is the asked cells.
    added = Counter(_bold_runs(_document(bold))) - Counter(_bold_runs(_document(plain)))
    assert added == Counter(ASKED)
    assert [text for t in body_tables(plain) for text in _bold_runs(t)] == []
    # The bold "Cộng" is the merged cell across three columns, the total row's last cell too.
    last = tables[0].findall(f"{W}tr")[-1]
    cells = last.findall(f"{W}tc")
    assert cells[0].find(f"{W}tcPr/{W}gridSpan").get(f"{W}val") == "3"
    assert [_bold_runs(tc) for tc in cells] == [["Cộng"], ["55"]]


def test_a_table_with_bold_cells_reads_back_as_before(tmp_path):
    """Bold cells lay a table without merges on the grid, but its header and rows (what review
    compares) are those of the same table without bold."""
    def tables(block, where):
        where.mkdir()
        return [b for b in _compose(where, _plan(block)).body if isinstance(b, BodyTable)]

    bold, plain = tables(BOLD, tmp_path / "a"), tables(_plain(BOLD), tmp_path / "b")
    assert plain[1].cells == () and bold[1].cells != () and bold[1].head == 1
    assert [(t.header, t.rows, t.widths) for t in bold] == [
        (t.header, t.rows, t.widths) for t in plain]
    assert [c.bold for c in bold[1].cells[0]] == [False, False, False]  # header: its style
    assert [c.bold for c in bold[1].cells[3]] == [True, False, True]


def test_the_built_docx_passes_check_and_diff_runs(tmp_path):
    out = tmp_path / "bang.docx"
    out.write_bytes(_render(tmp_path, BOLD))
    runner = CliRunner()
    result = runner.invoke(main, ["check", str(out)])
    assert result.exit_code == 0, result.output
    assert "(0 lỗi, 0 cảnh báo)" in result.output
    # Bold is formatting, not wording: review compares the words, so a row made bold alone is
    # no change, and a reworded cell of a table with bold cells is found as in any table.
    (tmp_path / "cu.yaml").write_text(_plain(_plan(BOLD)), encoding="utf-8")
    result = runner.invoke(main, ["diff", str(tmp_path / "cu.yaml"), str(tmp_path / "plan.yaml")])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1] == "  Không có thay đổi."
    (tmp_path / "cu.yaml").write_text(_plan(BOLD).replace("Biên soạn tài liệu", "Biên soạn"),
                                      encoding="utf-8")
    result = runner.invoke(main, ["diff", str(tmp_path / "cu.yaml"), str(tmp_path / "plan.yaml")])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.output.splitlines()[1] == (
        "  [Mục I, bảng 1] Sửa dòng 2 (Biên soạn tài liệu): Nhiệm vụ: Biên soạn → Biên soạn tài liệu")

"""Merged cells in a body table: a header group over two columns, a unit name merged down three
rows, a "Cộng" cell across three columns. Read back from word/document.xml (w:gridSpan,
w:vMerge, the grid) and measured in the PDF LibreOffice makes of it (one conversion)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from tests.conftest import _soffice_available
from tests.unit.test_compose import PLAN, _compose

from vanban.compose.table import BodyTable, GridCell
from vanban.pipeline import find_template
from vanban.render.docx import render

ROOT = Path(__file__).resolve().parents[2]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

MERGED = """\
      - table:
          - {title: STT, width: 12, align: center}
          - {title: Đơn vị, width: 45}
          - Nhiệm vụ
          - {title: Tỉnh, width: 22, align: center, group: Kinh phí}
          - {title: Huyện, width: 22, align: center, group: Kinh phí}
        rows:
          - [1, {text: Sở Tư pháp, rows: 3}, Tập huấn hòa giải viên, 40, 10]
          - [2, Biên soạn tài liệu, 15, 5]
          - [3, Hội thi hòa giải viên giỏi, 30, ""]
          - [{text: Cộng, cols: 3}, 85, 15]
"""
WIDTHS = (12, 45, 64, 22, 22)  # Nhiệm vụ takes what is left of 165 mm


def _plan(block: str) -> str:
    return PLAN.replace("      - numbered: Đoạn có số.\n", "      - numbered: Đoạn có số.\n" + block)


def body_tables(data: bytes) -> list:
    """The body tables of a rendered DOCX (the layout tables of the frame have no borders)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return [t for t in root.iter(f"{W}tbl")
            if t.find(f"{W}tblPr/{W}tblBorders/{W}top").get(f"{W}val") == "single"]


def _table(tmp_path: Path):
    doc = _compose(tmp_path, _plan(MERGED))
    data = render(doc, find_template(doc.type_key, ROOT))
    tables = body_tables(data)
    assert len(tables) == 1
    return data, tables[0]


def _cell_facts(tc) -> tuple[str, int, str]:
    """(text, gridSpan, vMerge) of a cell; vMerge "" when the cell is not merged down."""
    span = tc.find(f"{W}tcPr/{W}gridSpan")
    merge = tc.find(f"{W}tcPr/{W}vMerge")
    return ("".join(t.text for t in tc.iter(f"{W}t")),
            int(span.get(f"{W}val")) if span is not None else 1,
            merge.get(f"{W}val") if merge is not None else "")


def test_the_composed_grid(tmp_path):
    table = next(b for b in _compose(tmp_path, _plan(MERGED)).body if isinstance(b, BodyTable))
    assert table.widths == WIDTHS
    assert table.head == 2
    assert table.header == ("STT", "Đơn vị", "Nhiệm vụ", "Tỉnh", "Huyện")
    assert table.rows[1] == ("2", "", "Biên soạn tài liệu", "15", "5")  # covered: ""
    assert table.cells[0][-1] == GridCell("Kinh phí", 3, 2)
    assert table.cells[3][1] == GridCell("", 1, 1, "continue")


def test_a_plain_table_keeps_its_plain_form(tmp_path):
    plain = MERGED.replace("{text: Sở Tư pháp, rows: 3}", "Sở Tư pháp").replace(
        ", group: Kinh phí", "").replace(
        "[2, Biên", "[2, Sở Tư pháp, Biên").replace("[3, Hội", "[3, Sở Tư pháp, Hội").replace(
        "[{text: Cộng, cols: 3}, 85, 15]", "['', Cộng, '', 85, 15]")
    table = next(b for b in _compose(tmp_path, _plan(plain)).body if isinstance(b, BodyTable))
    assert table.cells == () and table.head == 1


def test_merged_cells_in_the_xml(tmp_path):
    _data, table = _table(tmp_path)
    grid = [int(g.get(f"{W}w")) for g in table.iter(f"{W}gridCol")]
    assert grid == [round(mm * 1440 / 25.4) for mm in WIDTHS]  # one column per column, as ever
    rows = table.findall(f"{W}tr")
    assert len(rows) == 6
    assert [r.find(f"{W}trPr/{W}tblHeader") is not None for r in rows] == [True, True] + [False] * 4
    facts = [[_cell_facts(tc) for tc in r.findall(f"{W}tc")] for r in rows]
    assert facts == [
        [("STT", 1, "restart"), ("Đơn vị", 1, "restart"), ("Nhiệm vụ", 1, "restart"),
         ("Kinh phí", 2, "")],
        [("", 1, "continue"), ("", 1, "continue"), ("", 1, "continue"), ("Tỉnh", 1, ""),
         ("Huyện", 1, "")],
        [("1", 1, ""), ("Sở Tư pháp", 1, "restart"), ("Tập huấn hòa giải viên", 1, ""),
         ("40", 1, ""), ("10", 1, "")],
        [("2", 1, ""), ("", 1, "continue"), ("Biên soạn tài liệu", 1, ""), ("15", 1, ""),
         ("5", 1, "")],
        [("3", 1, ""), ("", 1, "continue"), ("Hội thi hòa giải viên giỏi", 1, ""), ("30", 1, ""),
         ("", 1, "")],
        [("Cộng", 3, ""), ("85", 1, ""), ("15", 1, "")],
    ]
    for r in rows:  # every row fills the grid; a cell is as wide as the columns it takes
        assert sum(span for _t, span, _m in map(_cell_facts, r.findall(f"{W}tc"))) == 5
    total = int(rows[5].find(f"{W}tc/{W}tcPr/{W}tcW").get(f"{W}w"))
    assert total == round(sum(WIDTHS[:3]) * 1440 / 25.4)
    every = [tc for r in rows for tc in r.findall(f"{W}tc")]
    assert all(tc.find(f"{W}p") is not None for tc in every)  # Word needs a paragraph in each


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    if not _soffice_available():
        pytest.skip("LibreOffice (soffice) is not installed")
    from vanban.pdf.convert import pdf_bytes
    from vanban.pdf.measure import measure

    data, _table_el = _table(tmp_path_factory.mktemp("merge"))
    (pdf,) = pdf_bytes([("merged.docx", data)])
    return measure(pdf).pages[0]


def _line(page, text: str):
    found = [ln for ln in page.lines if ln.text == text]
    assert len(found) == 1, (text, [ln.text for ln in page.lines])
    return found[0]


def _left(page) -> float:
    """The table's left edge: where the rule above its header row starts."""
    top = _line(page, "STT").top
    return min(r.x0 for r in page.rules if r.y < top and top - r.y < 10)


def test_a_header_group_is_centred_over_its_columns(page):
    group = _line(page, "Kinh phí")
    left = _left(page)
    span = (left + sum(WIDTHS[:3]), left + sum(WIDTHS))
    assert group.centre == pytest.approx((span[0] + span[1]) / 2, abs=1.0)
    assert group.bottom < _line(page, "Tỉnh").top  # above the titles of its columns
    below = [r for r in page.rules if group.bottom < r.y < _line(page, "Tỉnh").top]
    assert below and all(r.x0 >= span[0] - 0.5 for r in below)  # the rule under it only


def test_a_cell_merged_down_sits_in_the_middle_of_its_rows(page):
    unit, first, middle, last = (_line(page, t) for t in ("Sở Tư pháp", "1", "2", "3"))
    assert unit.baseline == pytest.approx(middle.baseline, abs=1.0)
    left = _left(page)
    inside = left + WIDTHS[0] + WIDTHS[1] / 2  # the middle of the Đơn vị column
    for upper, lower in ((first, middle), (middle, last)):
        between = [r for r in page.rules if upper.bottom < r.y < lower.top]
        assert between, "no border between the rows"
        assert not any(r.x0 < inside < r.x1 for r in between)  # none across the merged cell
        assert any(r.x0 < left + WIDTHS[0] / 2 < r.x1 for r in between)  # but across STT


def test_a_cell_across_columns_is_as_wide_as_they_are(page):
    total = _line(page, "Cộng")  # centred (the STT column's style) across three columns
    left = _left(page)
    assert total.centre == pytest.approx(left + sum(WIDTHS[:3]) / 2, abs=1.0)


def test_an_edit_inside_a_merged_table_is_tracked(tmp_path):
    """The body rows hold "" where a cell merged down covers them, as the DOCX does, so
    ``compare --tracked`` finds the table and marks the reworded cell."""
    from click.testing import CliRunner

    from vanban.cli import main

    plain = MERGED.replace(", group: Kinh phí", "")  # a header group is another matter
    _compose(tmp_path, _plan(plain))  # writes _shared/don-vi.yaml and plan.yaml
    (tmp_path / "moi.yaml").write_text(_plan(plain).replace(
        "Biên soạn tài liệu", "Biên soạn tài liệu hướng dẫn"), encoding="utf-8")
    result = CliRunner().invoke(main, [
        "compare", "--tracked", str(tmp_path / "plan.yaml"), str(tmp_path / "moi.yaml"),
        "-o", str(tmp_path / "t.docx"), "--author", "Sở Tư pháp", "--date", "2024-01-20"])
    assert result.exit_code == 0, result.output
    assert "cảnh báo" not in result.output
    with zipfile.ZipFile(tmp_path / "t.docx") as z:
        root = etree.fromstring(z.read("word/document.xml"))
    inserted = ["".join(t.text for t in m.iter(f"{W}t")) for m in root.iter(f"{W}ins")]
    assert any("hướng dẫn" in text for text in inserted), inserted

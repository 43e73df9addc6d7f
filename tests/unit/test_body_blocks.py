"""Body blocks beyond paragraphs and numbered items: a table (header repeated on every page,
rows kept whole, widths as given or shared) and a target at the "+" level of bullets."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_compose import _compose
from tests.unit.test_table_merge import _plan, body_tables

from vanban.compose.document import BodyTable, Para
from vanban.pipeline import find_template
from vanban.render.docx import render

ROOT = Path(__file__).resolve().parents[2]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

TABLE = """\
      - table:
          - {title: STT, width: 15, align: center}
          - Đơn vị
          - {title: Số lớp, width: 30, align: center}
        rows:
          - [1, Sở Tư pháp, 4]
          - [2, 'UBND các huyện, thị xã, thành phố', 12]
          - [3, Cộng, ""]
"""

TARGET = """\
      - bullets:
          - text: Chỉ tiêu năm 2024
            bullets:
              - Tổ chức tập huấn cho hòa giải viên;
              - target: 100% hòa giải viên mới được tập huấn.
                id: tap-huan-moi
                value: 100
                unit: "%"
"""


def test_a_table_composes_with_shared_widths(tmp_path):
    doc = _compose(tmp_path, _plan(TABLE))
    table = doc.body[-1]
    assert isinstance(table, BodyTable)
    assert table.header == ("STT", "Đơn vị", "Số lớp")
    assert table.widths == (15, 120, 30)  # 165 mm less the given widths
    assert table.aligns == ("center", "left", "center")
    assert table.rows[1] == ("2", "UBND các huyện, thị xã, thành phố", "12")
    assert table.rows[2][2] == ""
    last_para = [p for p in doc.body if isinstance(p, Para)][-1]
    assert last_para.text.endswith("./.")  # the body still ends with ./.


def test_a_table_in_the_docx_repeats_its_header_and_keeps_rows_whole(tmp_path):
    doc = _compose(tmp_path, _plan(TABLE))
    data = render(doc, find_template(doc.type_key, ROOT))
    tables = body_tables(data)
    assert len(tables) == 1
    rows = tables[0].findall(f"{W}tr")
    assert len(rows) == 4
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
    assert all(r.find(f"{W}trPr/{W}tblHeader") is None for r in rows[1:])
    assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows)
    grid = [int(g.get(f"{W}w")) for g in tables[0].iter(f"{W}gridCol")]
    assert grid == [round(mm * 1440 / 25.4) for mm in (15, 120, 30)]
    styles = [p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") for p in rows[1].iter(f"{W}p")]
    assert styles == ["VBBangSTT", "VBBang", "VBBangSTT"]
    header = ["".join(t.text for t in c.iter(f"{W}t")) for c in rows[0].findall(f"{W}tc")]
    assert header == ["STT", "Đơn vị", "Số lớp"]
    # The body ends with the table: a 1-point paragraph keeps it apart from the signature
    # table, which would otherwise join it (and lend it its lack of borders).
    after = tables[0].getnext()
    assert after.tag == f"{W}p"
    assert after.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "VBCuoi"
    assert after.getnext().tag == f"{W}tbl"


def test_a_target_at_the_plus_level(tmp_path):
    doc = _compose(tmp_path, _plan(TARGET))
    lines = [(p.kind, p.full) for p in doc.body if isinstance(p, Para)][-3:]
    assert lines == [("gach", "- Chỉ tiêu năm 2024"),
                     ("cong", "+ Tổ chức tập huấn cho hòa giải viên;"),
                     ("cong", "+ 100% hòa giải viên mới được tập huấn./.")]

"""What keeps with the paragraph after it, read back from the rendered DOCX through the style
chain: every heading (Mục, Khoản, a unit's name without text of its own), and the paragraph
that leads into a table ("Phân bổ lớp tập huấn dự kiến như sau"); not the bullets under them.

A clerk found "4. Ủy ban nhân dân các xã, phường, đặc khu" alone at the bottom of a page of a
PDF made by LibreOffice 7.4 while its bullets began the next page. The DOCX is right (the
heading's style keeps with next); LibreOffice drops the keep on a page holding a footnote and a
table (see the helper's report): these facts are what Word and LibreOffice are asked to do."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_compose_types import _resolved

from vanban import doctypes
from vanban.ooxml.reader import read_docx
from vanban.pipeline import find_template
from vanban.render.docx import render

ROOT = Path(__file__).resolve().parents[2]

PLAN = """\
type: ke-hoach
issuer: ubnd-tinh
number: 5
date: 2026-02-03
title: Triển khai công tác hòa giải ở cơ sở năm 2026
sections:
  - title: NỘI DUNG
    content:
      - item: Tập huấn
        content:
          - paragraph: Phân bổ lớp tập huấn dự kiến như sau
            footnote: Số lớp có thể điều chỉnh theo kinh phí được giao.
          - table:
              - {title: STT, width: 15, align: center}
              - Địa bàn
            rows:
              - [1, Phường Đồng Hới]
          - paragraph: Kinh phí từ nguồn ngân sách nhà nước.
  - title: TỔ CHỨC THỰC HIỆN
    content:
      - unit: so-tu-phap
        content:
          - bullets:
              - Xây dựng kế hoạch thực hiện năm 2026;
              - Báo cáo kết quả trước ngày 30 tháng 11 năm 2026.
recipients: [Bộ Tư pháp]
archive: {unit: STP}
signature: {on_behalf_of: ỦY BAN NHÂN DÂN, authority: KT., head: CHỦ TỊCH, signer: ky}
"""


def test_headings_and_a_table_lead_in_keep_with_next(tmp_path):
    resolved = _resolved(tmp_path, PLAN)
    kind = doctypes.lookup(resolved.plan.type)
    doc = kind.compose(resolved)
    facts = read_docx(render(doc, find_template(kind.key, ROOT), contract=kind.contract))
    body = [(p.text, p.keep_next) for p in facts.paragraphs
            if p.container == ("body",) and p.style_id not in (None, "VBCuoi")]
    start = next(i for i, (text, _) in enumerate(body) if text.startswith("I. "))
    assert body[start:] == [
        ("I. NỘI DUNG", True),
        ("1. Tập huấn", True),
        ("Phân bổ lớp tập huấn dự kiến như sau", True),  # leads into the table
        ("Kinh phí từ nguồn ngân sách nhà nước.", False),
        ("II. TỔ CHỨC THỰC HIỆN", True),
        ("1. Sở Tư pháp", True),  # a unit without text: a heading over its bullets
        ("- Xây dựng kế hoạch thực hiện năm 2026;", False),
        ("- Báo cáo kết quả trước ngày 30 tháng 11 năm 2026./.", True),  # with the signature
    ]

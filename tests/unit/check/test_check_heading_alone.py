"""ND30-PDF-HEADING-ALONE on a clerk's real plan, rendered by vanban and converted once by
LibreOffice: with its footnote, LibreOffice 7.4 leaves "4. Ủy ban nhân dân các xã, phường, đặc
khu" alone at the bottom of page 2 (keep-with-next ignored); without it, the heading goes to
page 3 with its bullets and nothing is said."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from tests.unit.test_compose import _compose

from vanban.check.api import check_facts
from vanban.ooxml.reader import read_docx
from vanban.pipeline import find_template
from vanban.render.docx import render

pytestmark = pytest.mark.pdf

ROOT = Path(__file__).resolve().parents[3]
PLAN = (Path(__file__).parent / "data" / "heading-alone.yaml").read_text(encoding="utf-8")
FOOTNOTE = "        footnote: Số lớp có thể điều chỉnh theo kinh phí được giao.\n"
REGISTRY = """\
units:
  ubnd-tinh:
    name: Ủy ban nhân dân tỉnh Quảng Trị
    short: UBND tỉnh
    abbr: UBND
    header: [ỦY BAN NHÂN DÂN, TỈNH QUẢNG TRỊ]
    place: Quảng Trị
    collective: true
  so-tu-phap: {name: Sở Tư pháp, abbr: STP}
  so-tai-chinh: {name: Sở Tài chính}
  ubmttq-tinh: {name: Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, short: UBMTTQVN tỉnh}
  bao-dai: {name: "Báo và Phát thanh, Truyền hình Quảng Trị"}
  ubnd-cap-xa:
    name: Ủy ban nhân dân các xã, phường, đặc khu
    short: UBND các xã, phường, đặc khu
signers:
  hoang-nam: {name: Hoàng Nam, position: PHÓ CHỦ TỊCH, unit: ubnd-tinh}
"""
HEADING = "4. Ủy ban nhân dân các xã, phường, đặc khu"
RULE = "ND30-PDF-HEADING-ALONE"


@pytest.fixture(scope="module")
def measured(tmp_path_factory) -> dict:
    """(facts, geometry) of the plan with its footnote ("alone") and without ("kept")."""
    from vanban.errors import VanbanError
    from vanban.pdf.convert import convert_to_pdf, find_soffice
    from vanban.pdf.measure import measure

    try:
        find_soffice()
    except VanbanError:
        pytest.skip("LibreOffice (soffice) is not installed")
    assert FOOTNOTE in PLAN
    paths = {}
    for name, plan in (("alone", PLAN), ("kept", PLAN.replace(FOOTNOTE, ""))):
        folder = tmp_path_factory.mktemp(name)
        doc = _compose(folder, plan, REGISTRY)
        paths[name] = folder / f"{name}.docx"
        paths[name].write_bytes(render(doc, find_template(doc.type_key, ROOT)))
    pdfs = convert_to_pdf(list(paths.values()))
    return {name: (read_docx(path.read_bytes(), name=path.name), measure(pdf))
            for (name, path), pdf in zip(paths.items(), pdfs)}


def test_a_heading_left_alone_at_the_bottom_of_a_page_is_warned(measured):
    facts, geometry = measured["alone"]
    found = check_facts(facts, pdf_geometry=geometry)
    assert [f.rule for f in found] == [RULE]  # the plan itself conforms
    (f,) = found
    index = next(p.index for p in facts.paragraphs if p.text == HEADING)
    assert (f.where.page, f.where.paragraph) == (2, index)
    assert f.text() == (
        f"trang 2, đoạn {index + 1} «4. Ủy ban nhân dân các xã, phường, đặc …»: cảnh báo "
        f"[{RULE}] Đề mục «{HEADING}» đứng một mình ở cuối trang 2; phần tiếp theo bắt đầu ở "
        "trang 3. LibreOffice có thể bỏ qua «giữ với đoạn sau» (keep with next) trên trang có "
        "bảng hoặc chú thích; thêm hoặc bớt một dòng phía trước, hoặc xuất PDF bằng Word, sẽ "
        "đưa đề mục sang trang sau cùng nội dung. [đề mục đi liền đoạn sau (Nghị định không quy định; "
        "quy ước trình bày)]")
    assert f.pick("en")[0] == (
        f"The heading '{HEADING}' stands alone at the bottom of page 2; what follows it starts "
        "on page 3. LibreOffice may ignore 'keep with next' on a page with tables or "
        "footnotes; adding or removing a line before it, or making the PDF with Word, moves the heading to the "
        "next page with its content.")


def test_a_heading_kept_with_its_content_is_not_warned(measured):
    facts, geometry = measured["kept"]
    assert [f.text() for f in check_facts(facts, pdf_geometry=geometry)] == []


def test_a_page_break_the_writer_asked_for_is_no_fault(measured):
    # The same pages, but the bullets after the heading start a new page on purpose.
    facts, geometry = measured["alone"]
    index = next(p.index for p in facts.paragraphs if p.text == HEADING)
    paragraphs = list(facts.paragraphs)
    paragraphs[index + 1] = dataclasses.replace(paragraphs[index + 1], page_break_before=True)
    broken = dataclasses.replace(facts, paragraphs=tuple(paragraphs))
    assert [f.rule for f in check_facts(broken, pdf_geometry=geometry)] == []



def test_a_heading_whose_table_starts_on_the_next_page_is_alone_too(measured):
    # The same pages, cut after the line that announces the table ("Phân bổ lớp tập huấn dự
    # kiến như sau", kept with the table): the table and the rest move to a page of their own,
    # as LibreOffice prints a table that does not fit under its heading.
    facts, geometry = measured["alone"]
    page = geometry.pages[1]
    cut = next(j for j, ln in enumerate(page.lines) if ln.text.startswith("Phân bổ lớp"))
    rest = page.lines[cut + 1:]
    up = rest[0].top - page.lines[1].top  # the table's first row where page 2's text starts
    moved = dataclasses.replace(page, number=3, lines=(page.lines[0], *(
        dataclasses.replace(ln, top=ln.top - up, bottom=ln.bottom - up,
                            baseline=ln.baseline - up) for ln in rest)))
    pages = (geometry.pages[0], dataclasses.replace(page, lines=page.lines[:cut + 1]), moved,
             *(dataclasses.replace(pg, number=pg.number + 1) for pg in geometry.pages[2:]))
    found = [f for f in check_facts(facts, pdf_geometry=dataclasses.replace(
        geometry, pages=pages, page_count=None)) if f.rule == RULE]
    assert [f.message.split(";")[0] for f in found] == [
        "Đề mục «Phân bổ lớp tập huấn dự kiến như sau» đứng một mình ở cuối trang 2",
        f"Đề mục «{HEADING}» đứng một mình ở cuối trang 3"]

"""Footnote numbers as LibreOffice draws them (one conversion for the module): the mark after
the text in the body and the number that opens each footnote at the foot of the page are both
superscript, smaller than the text beside them and raised above its baseline.

LibreOffice draws the number in the footnote area with Word's built-in "footnote reference"
style alone, whatever style the run holding ``<w:footnoteRef/>`` names: before the build added
that style, the number there came out full size on the baseline ("1 Chú thích …").
"""

from __future__ import annotations

import pytest
from tests.unit.test_compose import _compose
from tests.unit.test_footnotes import PLAN_WITH_NOTES, ROOT

from vanban.pdf.geometry import PageGeometry, TextLine
from vanban.pipeline import find_template
from vanban.render.docx import render

pytestmark = pytest.mark.pdf

BODY = ("Đoạn đầu có chú thích.", "Dòng có chú thích;", "Đoạn có số và chú thích.",
        "Dòng cuối văn bản")  # then its mark, then "./." (see the last test)
NOTES = ("Chú thích của đoạn văn.", "Chú thích của dòng gạch đầu dòng.",
         "Chú thích của đoạn có số.", "Chú thích của dòng cuối.")
RAISED_MM = 0.5  # a superscript sits about a third of the text size above the baseline
NEAR_MM = 1.5    # touching its text, or one space (12 pt: 1.06 mm) before it


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> tuple[PageGeometry, ...]:
    from vanban.errors import VanbanError
    from vanban.pdf.convert import convert_to_pdf, find_soffice
    from vanban.pdf.measure import measure
    try:
        find_soffice()
    except VanbanError:
        pytest.skip("LibreOffice (soffice) is not installed")
    root = tmp_path_factory.mktemp("footnotes")
    doc = _compose(root, PLAN_WITH_NOTES)
    docx = root / "chu-thich.docx"
    docx.write_bytes(render(doc, find_template(doc.type_key, ROOT)))
    (pdf,) = convert_to_pdf([docx])
    return measure(pdf).pages


def _line_with(pages, text: str) -> tuple[PageGeometry, TextLine]:
    found = [(page, line) for page in pages for line in page.lines if text in line.text]
    assert len(found) == 1, (text, [line.text for _page, line in found])
    return found[0]


def _mark(page: PageGeometry, number: int, beside: TextLine, *, before: bool) -> TextLine:
    """The line holding only ``number`` just before (footnote area) or after (body) ``beside``."""
    near = [ln for ln in page.lines if ln.text == str(number)
            and abs((ln.x1 - beside.x0) if before else (ln.x0 - beside.x1)) <= NEAR_MM
            and abs(ln.baseline - beside.baseline) <= beside.size_pt / 72 * 25.4]
    assert len(near) == 1, (number, beside.text, [ln.text for ln in page.lines])
    return near[0]


@pytest.mark.parametrize("number", [1, 2, 3, 4])
def test_the_number_opening_a_footnote_is_superscript(pages, number):
    page, text = _line_with(pages, NOTES[number - 1])
    assert text.text.startswith(NOTES[number - 1])  # the number is not part of the text's line
    mark = _mark(page, number, text, before=True)
    assert mark.size_pt < text.size_pt * 0.75, (mark.size_pt, text.size_pt)
    assert mark.baseline < text.baseline - RAISED_MM, (mark.baseline, text.baseline)


@pytest.mark.parametrize("number", [1, 2, 3])
def test_the_mark_in_the_body_is_superscript(pages, number):
    page, text = _line_with(pages, BODY[number - 1])
    assert text.text.endswith(BODY[number - 1])
    mark = _mark(page, number, text, before=False)
    assert mark.size_pt < text.size_pt * 0.75, (mark.size_pt, text.size_pt)
    assert mark.baseline < text.baseline - RAISED_MM, (mark.baseline, text.baseline)


def test_footnote_text_is_in_the_footnote_size_below_the_body(pages):
    from vanban.rules import nd30
    body_page, body = _line_with(pages, BODY[-1])
    for text in NOTES:
        page, line = _line_with(pages, text)
        assert line.size_pt == pytest.approx(nd30.FOOTNOTE.size.default, abs=0.1)
        if page.number == body_page.number:
            assert line.top > body.bottom


def test_the_end_mark_follows_the_mark_of_the_last_line(pages):
    # "…văn bản⁴./.": the mark right after the words it annotates, the end of the body last
    # (before the fix the mark came after "./.", the line ending at the mark).
    from vanban.rules import nd30
    from vanban.rules.metrics import text_width_pt
    page, text = _line_with(pages, BODY[-1])
    assert text.text.endswith(nd30.END_OF_BODY)
    marks = [ln for ln in page.lines if ln.text == "4" and text.x0 < ln.x0 and ln.x1 < text.x1
             and abs(ln.baseline - text.baseline) <= text.size_pt / 72 * 25.4]
    assert len(marks) == 1, [ln.text for ln in page.lines]
    mark = marks[0]
    end_mm = text_width_pt(nd30.END_OF_BODY, text.size_pt) * nd30.MM_PER_PT
    assert text.x1 - mark.x1 == pytest.approx(end_mm, abs=0.6), (text.x1, mark.x1, end_mm)
    assert mark.size_pt < text.size_pt * 0.75, (mark.size_pt, text.size_pt)
    assert mark.baseline < text.baseline - RAISED_MM, (mark.baseline, text.baseline)

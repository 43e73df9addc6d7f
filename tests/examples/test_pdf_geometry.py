"""Geometry of every example as LibreOffice renders it: margins, rules, page numbers, signature.

All examples are converted in one LibreOffice run (the ``pdfs`` fixture) and measured with
pdfplumber; lengths in mm.
"""

from __future__ import annotations

import pytest
from tests.conftest import PLANS, example_ids

from vanban.pdf.measure import measure, page_number_candidates
from vanban.rules import nd30

pytestmark = pytest.mark.pdf
IDS = example_ids("ke-hoach", "bao-cao-ket-qua")  # others: test_doctype_examples.py
TOL = 0.5


@pytest.fixture(scope="module")
def geometry(pdfs):
    return {plan_id: measure(path) for plan_id, path in pdfs.items()}


def _sections(geo):
    """Split pages into sections: a new section starts where page numbering restarts."""
    sections, current = [], []
    for page in geo.pages:
        if current and page.width_mm != current[-1].width_mm:
            sections.append(current)
            current = []
        current.append(page)
    sections.append(current)
    return sections


def _body_lines(page):
    top = nd30.MARGIN_TOP.default
    return [ln for ln in page.lines if ln.top > top - 1]


@pytest.mark.parametrize("plan_id", IDS)
def test_margins(geometry, plan_id):
    for page in geometry[plan_id].pages:
        lines = _body_lines(page)
        assert lines, f"page {page.number} is empty"
        left = min(ln.x0 for ln in lines)
        right = max(ln.x1 for ln in lines)
        # The text area starts at the top margin: with the first line, or with the top border
        # of a table that continues from the previous page.
        top = min([ln.top for ln in lines] + [r.y for r in page.rules])
        bottom = max(ln.bottom for ln in lines)
        assert left >= nd30.MARGIN_LEFT.default - TOL
        assert right <= page.width_mm - nd30.MARGIN_RIGHT.default + TOL
        assert top == pytest.approx(nd30.MARGIN_TOP.default, abs=TOL)
        assert bottom <= page.height_mm - nd30.MARGIN_BOTTOM.default + TOL
    # Justified body lines run from margin to margin: the text area is where the decree puts it.
    lines = [ln for p in geometry[plan_id].pages if p.width_mm < p.height_mm
             for ln in _body_lines(p) if ln.x1 - ln.x0 > 150]
    assert min(ln.x0 for ln in lines) == pytest.approx(nd30.MARGIN_LEFT.default, abs=TOL)
    assert max(ln.x1 for ln in lines) == pytest.approx(
        nd30.PAGE_WIDTH_MM - nd30.MARGIN_RIGHT.default, abs=TOL)


def _block_above(page, rule):
    """The lines of the paragraph just above ``rule``: same size and weight, stacked closely."""
    above = sorted((ln for ln in page.lines if ln.baseline < rule.y and ln.x1 > rule.x0
                    and ln.x0 < rule.x1), key=lambda ln: ln.baseline)
    if not above:
        return []
    block = [above[-1]]
    for ln in reversed(above[:-1]):
        prev = block[-1]
        if (ln.size_pt, ln.bold) == (prev.size_pt, prev.bold) and prev.top - ln.bottom < 1.0:
            block.append(ln)
        else:
            break
    return block


def _width(line) -> float:
    return line.x1 - line.x0


@pytest.mark.parametrize("plan_id", IDS)
def test_rules_have_the_decree_lengths(geometry, plan_id):
    page = geometry[plan_id].pages[0]
    rules = sorted(page.rules, key=lambda r: (round(r.y), r.x0))
    assert len(rules) == 3, rules
    by_text = {}
    for rule in rules:
        block = _block_above(page, rule)
        assert block, rule
        by_text[block[0].text] = (rule, max(_width(ln) for ln in block), block)
    tieu_ngu, width, block = by_text[nd30.TIEU_NGU_TEXT]
    assert tieu_ngu.length_mm == pytest.approx(width, rel=0.02)
    assert tieu_ngu.centre == pytest.approx(block[0].centre, abs=TOL)
    others = [v for k, v in by_text.items() if k != nd30.TIEU_NGU_TEXT]
    assert len(others) == 2
    for rule, width, block in others:
        assert nd30.RULE_ISSUER.lo <= rule.length_mm / width <= nd30.RULE_ISSUER.hi, block
        assert rule.centre == pytest.approx((block[0].x0 + block[0].x1) / 2, abs=1.0)


@pytest.mark.parametrize("plan_id", IDS)
def test_page_numbers(geometry, plan_id):
    for section in _sections(geometry[plan_id]):
        first = section[0]
        assert not page_number_candidates(first, nd30.MARGIN_TOP.default), \
            f"page {first.number} shows a page number"
        for n, page in enumerate(section[1:], start=2):
            found = page_number_candidates(page, nd30.MARGIN_TOP.default)
            assert [ln.text for ln in found] == [str(n)], f"page {page.number}"
            number = found[0]
            centre = nd30.MARGIN_LEFT.default + (page.width_mm - nd30.MARGIN_LEFT.default
                                                 - nd30.MARGIN_RIGHT.default) / 2
            assert number.centre == pytest.approx(centre, abs=1.0)
            assert number.size_pt in nd30.PAGE_NUMBER.size
            assert not number.bold and not number.italic
            assert number.bottom < nd30.MARGIN_TOP.default


@pytest.mark.parametrize("plan_id", IDS)
def test_signature_beside_recipients(geometry, plan_id):
    for page in geometry[plan_id].pages:
        label = [ln for ln in page.lines if ln.text == nd30.NOI_NHAN_LABEL_TEXT]
        if not label:
            continue
        label = label[0]
        assert label.italic and label.bold and label.size_pt == 12
        authority = [ln for ln in page.lines if ln.bold and ln.size_pt == 14
                     and abs(ln.top - label.top) < 2.5 and ln.x0 > label.x1]
        assert authority, "the first authority line is level with Nơi nhận"
        assert authority[0].x0 > nd30.MARGIN_LEFT.default + nd30.SIGNATURE_LEFT_COLUMN_MM - 1
        return
    pytest.fail("no Nơi nhận found")


WITH_APPENDIX = [i for i in IDS
                 if "tasks_display: appendix" in (PLANS / f"{i}.yaml").read_text(encoding="utf-8")]


def test_an_example_has_an_appendix():
    assert WITH_APPENDIX


@pytest.mark.parametrize("plan_id", WITH_APPENDIX)
def test_appendix_rule_length(geometry, plan_id):
    sections = _sections(geometry[plan_id])
    assert len(sections) == 2
    page = sections[1][0]
    rules = [r for r in page.rules if r.length_mm < 150]  # not the table's borders
    (rule,) = [r for r in rules if any(ln.text.startswith("(Kèm theo") for ln in _block_above(page, r))]
    block = _block_above(page, rule)
    longest = max(_width(ln) for ln in block)
    assert nd30.RULE_APPENDIX.lo <= rule.length_mm / longest <= nd30.RULE_APPENDIX.hi
    assert rule.centre == pytest.approx(page.width_mm / 2 + (nd30.MARGIN_LEFT.default
                                        - nd30.MARGIN_RIGHT.default) / 2, abs=1.0)

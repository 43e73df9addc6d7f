"""Formatting facts read back from the XML of every example, against the rule pack."""

from __future__ import annotations

import re

import pytest
from tests.conftest import example_ids

from vanban.ooxml.reader import read_docx
from vanban.ooxml.styles import BY_ID
from vanban.rules import nd30

IDS = example_ids("ke-hoach")  # the Kế hoạch examples; other types: test_doctype_examples.py


@pytest.fixture(scope="module")
def facts(built):
    return {plan_id: read_docx(path) for plan_id, path in built.items()}


def _by_style(doc, style_id):
    return [p for p in doc.paragraphs if p.style_id == style_id]


@pytest.mark.parametrize("plan_id", IDS)
def test_page_setup(facts, plan_id):
    main = facts[plan_id].sections[0]
    assert main.orient == "portrait"
    assert main.page_w_mm == pytest.approx(nd30.PAGE_WIDTH_MM, abs=0.05)
    assert main.page_h_mm == pytest.approx(nd30.PAGE_HEIGHT_MM, abs=0.05)
    assert main.margin_top_mm == pytest.approx(nd30.MARGIN_TOP.default, abs=0.05)
    assert main.margin_bottom_mm == pytest.approx(nd30.MARGIN_BOTTOM.default, abs=0.05)
    assert main.margin_left_mm == pytest.approx(nd30.MARGIN_LEFT.default, abs=0.05)
    assert main.margin_right_mm == pytest.approx(nd30.MARGIN_RIGHT.default, abs=0.05)
    assert main.header_mm == pytest.approx(nd30.HEADER_DISTANCE_MM, abs=0.05)


@pytest.mark.parametrize("plan_id", IDS)
def test_page_numbers_from_page_two(facts, plan_id):
    for section in facts[plan_id].sections:
        assert section.title_pg, "first page must differ (no number on page 1)"
        assert "PAGE" in section.headers["default"].fields
        assert not section.headers["first"].fields
        assert section.headers["first"].text.strip() == ""
        number = [r for p in section.headers["default"].paragraphs for r in p.runs if r.field]
        assert number and all(r.size_pt == nd30.PAGE_NUMBER.size.default for r in number)
        assert all(p.align == "center" for p in section.headers["default"].paragraphs)


@pytest.mark.parametrize("plan_id", IDS)
def test_times_new_roman_in_every_run(facts, plan_id):
    doc = facts[plan_id]
    runs = [r for p in doc.paragraphs for r in p.runs if r.text.strip()]
    runs += [r for s in doc.sections for h in s.headers.values() for p in h.paragraphs
             for r in p.runs]
    assert runs
    for run in runs:
        assert run.fonts == (nd30.FONT,) * 4, run.text


@pytest.mark.parametrize("plan_id", IDS)
def test_every_styled_paragraph_has_its_component_format(facts, plan_id):
    """Size, weight and slant of each run equal the rule pack's value for its component."""
    checked = 0
    for p in facts[plan_id].paragraphs:
        spec = BY_ID.get(p.style_id or "")
        if spec is None or spec.rule or not p.text.strip():
            continue
        for run in p.runs:
            if not run.text.strip():
                continue
            assert run.size_pt == spec.fmt.size.default, (p.style_id, p.text)
            assert run.bold == spec.fmt.bold, (p.style_id, p.text)
            assert run.italic == spec.fmt.italic, (p.style_id, p.text)
            assert spec.fmt.size.lo <= run.size_pt <= spec.fmt.size.hi
            checked += 1
        assert p.align == spec.fmt.align, (p.style_id, p.text)
        if spec.fmt.upper:
            assert p.text == p.text.upper(), p.text
    assert checked > 50


@pytest.mark.parametrize("plan_id", IDS)
def test_body_paragraphs(facts, plan_id):
    body = [p for p in facts[plan_id].paragraphs
            if p.style_id in ("VBDoan", "VBDoanSo", "VBGach", "VBCong", "VBMuc", "VBKhoan")]
    assert body
    for p in body:
        assert p.align == "both"
        assert round(p.first_line_mm, 1) in nd30.FIRST_LINE_INDENT_MM
        assert p.space_before_pt >= nd30.PARA_SPACING_MIN_PT
        value, rule = p.line_spacing
        assert rule == "auto" and nd30.LINE_SPACING.lo <= value <= nd30.LINE_SPACING.hi
        assert p.runs[0].size_pt in nd30.BODY.size


@pytest.mark.parametrize("plan_id", IDS)
def test_number_date_and_type(facts, plan_id):
    doc = facts[plan_id]
    number = _by_style(doc, "VBSoKyHieu")[0].text
    match = nd30.NUMBER_PATTERN.match(number)
    assert match, number
    assert match["code"].startswith("KH-")
    if match["num"].strip():
        n = int(match["num"])
        assert match["num"] == (f"{n:02d}")
    date = _by_style(doc, "VBDiaDanh")[0].text
    m = nd30.DATE_PATTERN.match(date)
    assert m, date
    day, month = m["day"], m["month"]
    assert len(day) == 2
    assert month == (f"{int(month):02d}" if int(month) <= 2 else str(int(month)))
    assert _by_style(doc, "VBTenLoai")[0].text == "KẾ HOẠCH"


@pytest.mark.parametrize("plan_id", IDS)
def test_recipients_and_end_of_body(facts, plan_id):
    doc = facts[plan_id]
    assert _by_style(doc, "VBNoiNhan")[0].text == nd30.NOI_NHAN_LABEL_TEXT
    entries = [p.text for p in _by_style(doc, "VBNoiNhanMuc")]
    assert all(e.startswith("- ") for e in entries)
    assert all(e.endswith(";") for e in entries[:-1])
    assert re.fullmatch(r"- Lưu: VT, \S.*\.", entries[-1])
    body = [p for p in doc.paragraphs if p.style_id and p.style_id.startswith("VB")
            and p.container == ("body",) and p.section == 0
            and p.style_id not in ("VBCuoi", "VBTenLoai", "VBTrichYeu", "VBKeTrichYeu")]
    assert body[-1].text.endswith(nd30.END_OF_BODY)
    assert sum(p.text.endswith(nd30.END_OF_BODY) for p in doc.paragraphs) == 1


@pytest.mark.parametrize("plan_id", IDS)
def test_signature_block(facts, plan_id):
    doc = facts[plan_id]
    lines = [p.text for p in _by_style(doc, "VBChucVu")]
    assert lines and all(line == line.upper() for line in lines)
    prefix = lines[0].split(" ")[0]
    if prefix.endswith("."):
        assert prefix in nd30.AUTHORITY_PREFIXES
    if any(line.startswith("KT.") for line in lines):
        assert lines[-1].startswith(nd30.DEPUTY_WORD)
    assert len(_by_style(doc, "VBNguoiKy")) == 1


@pytest.mark.parametrize("plan_id", IDS)
def test_heading_numbers_are_sequential(facts, plan_id):
    doc = facts[plan_id]
    romans = [p.text.split(".")[0] for p in _by_style(doc, "VBMuc")]
    parts = [p.text for p in _by_style(doc, "VBPhan")]
    if not parts:
        assert romans == [nd30.roman(i) for i in range(1, len(romans) + 1)]
    expected = 0
    for p in doc.paragraphs:
        if p.style_id == "VBMuc":
            expected = 0
        elif p.style_id in ("VBKhoan", "VBDoanSo") and re.match(r"^\d+\. ", p.text):
            expected += 1
            assert p.text.startswith(f"{expected}. "), p.text


@pytest.mark.parametrize("plan_id", IDS)
def test_appendix_sections(facts, plan_id):
    doc = facts[plan_id]
    labels = _by_style(doc, "VBPhuLuc")
    if not labels:
        assert len(doc.sections) == 1
        return
    appendix = doc.sections[1]
    assert appendix.pg_num_start == 1 and appendix.title_pg
    assert appendix.orient == "landscape"
    assert appendix.page_w_mm == pytest.approx(nd30.PAGE_HEIGHT_MM, abs=0.05)
    ref = _by_style(doc, "VBKemTheo")[0].text
    assert ref.startswith("(Kèm theo Kế hoạch số ") and ref.endswith(")")
    table = doc.tables[-1]
    header = [doc.paragraphs[c.paragraphs[0]].text for c in table.rows[0]]
    assert header == ["STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp",
                      "Thời gian thực hiện", "Sản phẩm"]

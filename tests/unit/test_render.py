"""Rendering a small plan end to end and reading the DOCX back."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from tests.unit.test_compose import PLAN, REGISTRY, _compose

from vanban.ooxml.reader import read_docx
from vanban.pipeline import find_template
from vanban.render.docx import render
from vanban.rules import nd30
from vanban.rules.metrics import longest_line_pt

ROOT = Path(__file__).resolve().parents[2]


def _render(tmp_path, plan: str = PLAN, registry: str = REGISTRY):
    doc = _compose(tmp_path, plan, registry)
    data = render(doc, find_template(doc.type_key, ROOT))
    return read_docx(data)


def _texts(facts, style):
    return [p.text for p in facts.paragraphs if p.style_id == style]


def test_markup_characters_come_through_intact(tmp_path):
    plan = PLAN.replace("title: Thử nghiệm", "title: 'Về A & B <C> \"D\" ''E'''")
    plan = plan.replace("recipients: [Bộ Tư pháp]", "recipients: ['Sở <Tài chính> & \"Kho bạc\"']")
    facts = _render(tmp_path, plan)
    assert _texts(facts, "VBTrichYeu") == ["Về A & B <C> \"D\" 'E'"]
    assert _texts(facts, "VBNoiNhanMuc")[0] == "- Sở <Tài chính> & \"Kho bạc\";"


def test_jinja_syntax_in_plan_text_is_printed_not_run(tmp_path):
    plan = PLAN.replace("title: Thử nghiệm", "title: '{{ 7*7 }} {% if x %}'")
    facts = _render(tmp_path, plan)
    assert _texts(facts, "VBTrichYeu") == ["{{ 7*7 }} {% if x %}"]


def test_decomposed_unicode_is_written_as_nfc(tmp_path):
    nfd = unicodedata.normalize("NFD", "Thử nghiệm hòa giải")
    facts = _render(tmp_path, PLAN.replace("title: Thử nghiệm", f"title: {nfd}"))
    (title,) = _texts(facts, "VBTrichYeu")
    assert title == "Thử nghiệm hòa giải"
    assert unicodedata.is_normalized("NFC", title)


def test_code_override_and_acting_head(tmp_path):
    plan = PLAN.replace("number: 5", "number: 5\ncode: KH-UBND-NC").replace(
        "signature: {on_behalf_of: ỦY BAN NHÂN DÂN, authority: KT., head: CHỦ TỊCH, signer: ky}",
        "signature: {authority: Q., head: CHỦ TỊCH, signer: ky}")
    facts = _render(tmp_path, plan)
    assert _texts(facts, "VBSoKyHieu") == ["Số: 05/KH-UBND-NC"]
    assert _texts(facts, "VBChucVu") == ["Q. CHỦ TỊCH"]
    assert _texts(facts, "VBNguoiKy") == ["Nguyễn Văn A"]


@pytest.mark.parametrize("style,above,ratio", [
    ("VBKeTieuNgu", "VBTieuNgu", nd30.RULE_TIEU_NGU.default),
    ("VBKeCoQuan", "VBCoQuanBanHanh", nd30.RULE_ISSUER.default),
    ("VBKeTrichYeu", "VBTrichYeu", nd30.RULE_SUMMARY.default),
])
def test_rules_are_indented_to_their_length(tmp_path, style, above, ratio):
    facts = _render(tmp_path)
    rule = next(p for p in facts.paragraphs if p.style_id == style)
    texts = [p for p in facts.paragraphs if p.style_id == above]
    run = texts[0].runs[0]
    if rule.container[0] == "table":
        _, t, r, c = rule.container
        width = facts.tables[t].rows[r][c].width_mm
    else:
        width = nd30.PAGE_WIDTH_MM - nd30.MARGIN_LEFT.default - nd30.MARGIN_RIGHT.default
    longest = max(longest_line_pt(p.text, width * 72 / 25.4, run.size_pt, bold=run.bold,
                                  italic=run.italic) for p in texts) * 25.4 / 72
    length = width - rule.left_mm - rule.right_mm
    assert rule.left_mm == pytest.approx(rule.right_mm, abs=0.02)
    assert length == pytest.approx(ratio * longest, abs=0.05)
    assert rule.border_top


def test_portrait_appendix(tmp_path):
    plan = PLAN.replace("sections:", "tasks_display: appendix\n"
                        "appendix: {title: DANH MỤC, orientation: portrait}\nsections:")
    facts = _render(tmp_path, plan)
    assert len(facts.sections) == 2
    assert facts.sections[1].orient == "portrait" and facts.sections[1].pg_num_start == 1
    assert _texts(facts, "VBPhuLuc") == ["Phụ lục"]

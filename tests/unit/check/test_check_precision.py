"""Precision audit on ../shared/corpus/real-docx (second pass): each case rebuilds, in a few
paragraphs, the layout of one corpus document on which a rule said something wrong (or missed
something), and asserts the exact finding now given."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "check_corpus"))

from real_patterns import END, document, header, p, signature, title

from vanban.check.api import check_docx

_LEFT_12_7 = '<w:ind w:left="720" w:firstLine="0"/>'
_LONG = ("Ban Chấp hành Hội có trách nhiệm tổ chức triển khai thực hiện Nghị quyết Đại hội, "
         "lãnh đạo mọi hoạt động của Hội giữa hai kỳ Đại hội và báo cáo kết quả hằng năm.")


def _doc(body: str) -> bytes:
    return document(header() + title() + p("I. MỤC ĐÍCH, YÊU CẦU", b=True) + body + END
                    + signature())


def _findings(data: bytes, rule: str) -> list[tuple[str, str]]:
    return [(f.where.excerpt, f.found) for f in check_docx(data, name="x.docx")
            if f.rule == rule]


def test_a_one_line_paragraph_pushed_in_whole_is_indented_like_body_text():
    # 059.docx: "3. Về hoạt động" set with Lề trái 12,7 mm and no first-line indent prints
    # exactly where a first-line indent of 12,7 mm puts it.
    doc = _doc(p("3. Về hoạt động", first=0, extra=_LEFT_12_7))
    assert _findings(doc, "ND30-BODY-INDENT") == []


def test_a_wrapped_paragraph_pushed_in_whole_is_still_reported():
    doc = _doc(p(_LONG, first=0, extra=_LEFT_12_7))
    assert _findings(doc, "ND30-BODY-INDENT") == [
        (_LONG[:39] + "…", "0 mm, cả đoạn lùi trái 12,7 mm")]


def test_an_indent_typed_with_spaces_is_named_so():
    # 174.docx: eight spaces before "Điều 2. Tôn chỉ, mục đích", no indent of its own.
    doc = _doc(p("        Điều 2. Tôn chỉ, mục đích", b=True, first=0))
    assert _findings(doc, "ND30-BODY-INDENT") == [
        ("Điều 2. Tôn chỉ, mục đích", "0 mm, lùi bằng 8 dấu cách")]


def test_a_wrapped_left_aligned_paragraph_is_not_taken_for_one_line():
    # The one-line test measured the longest line after wrapping, which always fits: a
    # left-aligned paragraph of several lines passed as "prints the same as justified".
    text = _LONG + " Hội viên tham gia đầy đủ các buổi sinh hoạt."
    doc = _doc(p(text, jc="left"))
    assert _findings(doc, "ND30-BODY-ALIGN") == [(text[:39] + "…", "căn trái")]

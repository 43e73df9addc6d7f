"""``vanban text`` prints footnotes: their marks where they stand ([^1]) and, under the line of
the paragraph that calls them, one line per footnote paragraph, tracked changes marked too."""

from __future__ import annotations

import difflib
from pathlib import Path

from click.testing import CliRunner
from tests.unit.review.test_review_clerk import (  # noqa: F401 (ws is a fixture)
    NOTE_YAML,
    TO_TRINH,
    _edit,
    _tracked,
    _without_the_noted_paragraph,
    ws,
)
from tests.unit.test_footnotes import PLAN_WITH_NOTES, ROOT, _compose

from vanban.cli import main
from vanban.pipeline import find_template
from vanban.render.docx import render

BODY = "[VB Đoạn văn J first=12.7 sp=6/0] <14pt>"
BULLET = "[VB Gạch đầu dòng J first=12.7 sp=6/0] <14pt>"
NOTE = "[VB Chú thích J] <12pt>"
YEAR_END = ("Năm 2025 là năm cuối thực hiện Đề án; việc ban hành Kế hoạch nhằm tiếp tục củng cố, "
            "kiện toàn đội ngũ hòa giải viên, đồng thời tổng kết, đánh giá toàn diện kết quả 05 "
            "năm thực hiện Đề án.")
TO_TRINH_NOTE = ("Theo Đề án, giai đoạn 2021-2025 có {} tổ hòa giải ở cơ sở trên địa bàn tỉnh "
                 "(số liệu minh họa).")


def _text(path: Path | str) -> list[str]:
    result = CliRunner().invoke(main, ["text", str(path)])
    assert result.exit_code == 0, result.output
    return result.output.splitlines()


def _built(tmp_path: Path, name: str, plan: str) -> Path:
    doc = _compose(tmp_path, plan)
    out = tmp_path / name
    out.write_bytes(render(doc, find_template(doc.type_key, ROOT)))
    return out


def _noted(lines: list[str]) -> list[str]:
    return [line for line in lines if "[^" in line]


def test_marks_stand_in_the_text_and_notes_under_their_paragraph(tmp_path):
    lines = _text(_built(tmp_path, "a.docx", PLAN_WITH_NOTES))
    assert _noted(lines) == [
        f"¶ {BODY} Đoạn đầu có chú thích.[^1]",
        f"  [^1] {NOTE} Chú thích của đoạn văn.",
        f"¶ {BULLET} - Dòng có chú thích;[^2]",
        f"  [^2] {NOTE} Chú thích của dòng gạch đầu dòng.",
        "¶ [VB Khoản không tiêu đề J first=12.7 sp=6/0] <14pt> 2. Đoạn có số và chú thích.[^3]",
        f"  [^3] {NOTE} Chú thích của đoạn có số.",
        f"¶ {BULLET} - Dòng cuối văn bản[^4]./.",  # "./." stays last
        f"  [^4] {NOTE} Chú thích của dòng cuối.",
    ]
    at = lines.index(f"¶ {BULLET} - Dòng có chú thích;[^2]")  # the "+" line follows its note
    assert lines[at + 2] == "¶ [VB Dấu cộng J first=12.7 sp=6/0] <14pt> + Dòng cộng không chú thích;"


def test_an_edited_footnote_is_a_one_line_difference(tmp_path):
    old = _text(_built(tmp_path, "a.docx", PLAN_WITH_NOTES))
    edited = PLAN_WITH_NOTES.replace("Chú thích của đoạn có số.", "Chú thích đã sửa của đoạn có số.")
    new = _text(_built(tmp_path, "b.docx", edited))
    changed = [line for line in difflib.unified_diff(old, new, lineterm="", n=0)
               if line[:1] in "+-" and line[:3] not in ("---", "+++")]
    assert changed == [f"-  [^3] {NOTE} Chú thích của đoạn có số.",
                       f"+  [^3] {NOTE} Chú thích đã sửa của đoạn có số."]


def test_tracked_changes_in_a_footnote_are_marked(ws):  # noqa: F811
    old = str(ws / TO_TRINH)
    _tracked(old, _edit(ws, TO_TRINH, ("có 1.106 tổ", "có 1.146 tổ")))
    assert _noted(_text("t.docx")) == [
        f"¶ {BODY} {YEAR_END}[^1]",
        f"  [^1] {NOTE} {TO_TRINH_NOTE.format('[-1.106-]{+1.146+}')}"]


def test_a_footnote_added_is_marked_inserted_mark_and_text(ws):  # noqa: F811
    _tracked(_edit(ws, TO_TRINH, (NOTE_YAML, "")), str(ws / TO_TRINH))
    assert _noted(_text("t.docx")) == [
        f"¶ {BODY} {YEAR_END}{{+[^1]+}}",
        f"  [^1] {NOTE} {{+{TO_TRINH_NOTE.format('1.106')}+}}"]


def test_the_footnote_of_a_deleted_paragraph_is_marked_deleted(ws):  # noqa: F811
    old, new = str(ws / TO_TRINH), _without_the_noted_paragraph(ws, other_note=True)
    _tracked(old, new)
    assert _noted(_text("t.docx")) == [
        f"¶ {BODY} {{+Kế hoạch bảo đảm tính khả thi.[^1]+}}",
        f"  [^1] {NOTE} {{+Ghi chú mới.+}}",
        f"¶ {BODY} [-{YEAR_END}[^2]-]",
        f"  [^2] {NOTE} [-{TO_TRINH_NOTE.format('1.106')}-]"]

"""Content checks as functions: the timeline reader, each check on a tiny plan, the examples clean."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from vanban.errors import Severity
from vanban.model.checks import CODES, check_plan, timeline
from vanban.model.diagnostics import coercion_hint, date_message
from vanban.pipeline import load_plan, load_typed
from vanban.resolve import resolve
from vanban.workspace import load_registry, shared_dirs

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "cases"

D = dt.date


@pytest.mark.parametrize(("text", "spans"), [
    ("năm 2024", [(D(2024, 1, 1), D(2024, 12, 31))]),
    ("Năm 2024", [(D(2024, 1, 1), D(2024, 12, 31))]),
    ("Tháng 6, tháng 11 năm 2024", [(D(2024, 6, 1), D(2024, 6, 30)),
                                    (D(2024, 11, 1), D(2024, 11, 30))]),
    ("Quý II năm 2024", [(D(2024, 4, 1), D(2024, 6, 30))]),
    ("Quý II, quý III năm 2025", [(D(2025, 4, 1), D(2025, 6, 30)),
                                  (D(2025, 7, 1), D(2025, 9, 30))]),
    ("Quý I/2025", [(D(2025, 1, 1), D(2025, 3, 31))]),
    ("Quý 4/2024", [(D(2024, 10, 1), D(2024, 12, 31))]),
    ("6 tháng đầu năm 2024", [(D(2024, 1, 1), D(2024, 6, 30))]),
    ("6 tháng cuối năm 2024", [(D(2024, 7, 1), D(2024, 12, 31))]),
    ("trước ngày 30/10/2024", [(D(2024, 10, 30), D(2024, 10, 30))]),
    ("Trước ngày 30 tháng 10 năm 2024.", [(D(2024, 10, 30), D(2024, 10, 30))]),
    ("trước ngày 15/3", [(D(2024, 3, 15), D(2024, 3, 15))]),  # the plan's year
    ("Tháng 6/2024", [(D(2024, 6, 1), D(2024, 6, 30))]),
    ("Từ tháng 3 đến tháng 5 năm 2024", [(D(2024, 3, 1), D(2024, 3, 31)),
                                         (D(2024, 5, 1), D(2024, 5, 31))]),
    ("Trong năm 2024", [(D(2024, 1, 1), D(2024, 12, 31))]),
], ids=lambda v: v if isinstance(v, str) else "")
def test_timeline_periods(text, spans):
    found = timeline.read(text, 2024)
    assert not found.unreadable and not found.impossible
    assert [(p.start, p.end) for p in found.periods] == spans


@pytest.mark.parametrize("text", ["Thường xuyên", "Hằng năm", "hàng quý", "Cả năm", "Định kỳ",
                                  "Thường xuyên trong năm", "Khi có yêu cầu"])
def test_recurring_timelines_have_no_dates(text):
    found = timeline.read(text, 2024)
    assert found.recurring and not found.periods and not found.unreadable


@pytest.mark.parametrize(("text", "spans"), [
    ("Dịp Ngày Pháp luật Việt Nam (09/11)", [(D(2027, 11, 9), D(2027, 11, 9))]),
    ("Nhân dịp Ngày Pháp luật Việt Nam 09/11/2027", [(D(2027, 11, 9), D(2027, 11, 9))]),
    ("Hưởng ứng Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam",
     [(D(2027, 11, 9), D(2027, 11, 9))]),
    ("Tháng 11 năm 2027, cao điểm Ngày Pháp luật Việt Nam",
     [(D(2027, 11, 1), D(2027, 11, 30)), (D(2027, 11, 9), D(2027, 11, 9))]),
    ("Đợt 1: Quý II; đợt 2: Quý IV năm 2027", [(D(2027, 4, 1), D(2027, 6, 30)),
                                                (D(2027, 10, 1), D(2027, 12, 31))]),
], ids=lambda v: v if isinstance(v, str) else "")
def test_timelines_of_a_law_dissemination_plan(text, spans):
    """The phrases a Kế hoạch phổ biến, giáo dục pháp luật writes are read, with their dates."""
    found = timeline.read(text, 2027)
    assert not found.unreadable and not found.impossible
    assert [(p.start, p.end) for p in found.periods] == spans


@pytest.mark.parametrize("text", ["Theo kế hoạch của Bộ Tư pháp", "Theo chỉ đạo của UBND tỉnh",
                                  ("Theo hướng dẫn của Hội đồng phối hợp phổ biến, giáo dục pháp "
                                   "luật tỉnh"), "Định kỳ 6 tháng, năm", "Khi có văn bản mới ban hành",
                                  "Khi có luật, nghị quyết mới được ban hành",
                                  "Năm 2027 và những năm tiếp theo"])
def test_on_demand_timelines_are_recurring(text):
    found = timeline.read(text, 2027)
    assert found.recurring and not found.unreadable


def test_a_law_day_of_the_year_before_is_before_the_plan():
    found = timeline.read("Dịp Ngày Pháp luật Việt Nam 09/11/2026", 2027)
    assert [(p.start, p.end) for p in found.periods] == [(D(2026, 11, 9), D(2026, 11, 9))]


@pytest.mark.parametrize(("text", "words"), [
    ("Theo lộ trình của UBND tỉnh", "Theo lộ trình"),
    ("sau khi có kinh phí", "khi có kinh"),
    ("ASAP", "ASAP"),
])
def test_unreadable_timelines_name_the_first_unknown_words(text, words):
    assert timeline.read(text, 2024).unreadable == words


@pytest.mark.parametrize(("text", "message"), [
    ("trước ngày 30/02/2024", '"ngày 30/02/2024" không có trong lịch: tháng 2 năm 2024 chỉ có 29'),
    ("trước ngày 29/02/2023", "tháng 2 năm 2023 chỉ có 28 ngày"),
    ("Tháng 13 năm 2024", 'Không có "Tháng 13"'),
    ("Quý V năm 2024", 'Không có "Quý V"'),
    ("ngày 12/14/2024", "Tháng 14"),
])
def test_impossible_dates_in_a_timeline(text, message):
    found = timeline.read(text, 2024)
    assert found.impossible and message in found.impossible[0][0]


def test_a_month_without_a_year_and_no_plan_year_is_not_dated():
    assert timeline.read("Tháng 6", None).periods == []


# --- checks on the real examples and on small plans -----------------------------------------

@pytest.mark.parametrize("plan", sorted(p for p in (ROOT / "plans").rglob("*.yaml")
                                        if "_shared" not in p.parts
                                        and not p.name.startswith("bao-cao-")),
                         ids=lambda p: p.parent.name + "/" + p.stem)
def test_the_example_plans_are_clean(plan):
    parsed, loaded, doctype = load_typed(plan, plan.name)
    assert doctype.check(resolve(parsed, load_registry(shared_dirs(plan)), loaded)) == []


def _check(tmp_path, text: str):
    shared = tmp_path / "_shared"
    shared.mkdir(exist_ok=True)
    (shared / "don-vi.yaml").write_bytes((CASES / "_shared" / "don-vi.yaml").read_bytes())
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    parsed, loaded = load_plan(path, "plan.yaml")
    return check_plan(resolve(parsed, load_registry([shared]), loaded))


BASE = (CASES / "valid" / "plan.yaml").read_text(encoding="utf-8")


def test_the_base_plan_is_clean(tmp_path):
    assert _check(tmp_path, BASE) == []


@pytest.mark.parametrize(("old", "new", "code"), [
    ("timeline: Quý II năm 2024", "timeline: năm 2023", "task.timeline-before-year"),
    ("timeline: Quý II năm 2024", "timeline: 2023", "task.timeline-before-year"),
    ("timeline: Quý II năm 2024", "timeline: Quý I/2025", "task.timeline-after-year"),
    ("number: 5\n", "number: 5\ncode: KH-UBND-STP\n", None),
    ("number: 5\n", "number: 5\ncode: kh-ubnd\n", "plan.code-format"),
    ("number: 5\n", "number: 5\ncode: KH - UBND\n", "plan.code-format"),
    ("  - Bộ Tư pháp\n", "  - Bộ Tư pháp\n  - bộ tư pháp.\n", "recipients.duplicate"),
    ("  - Bộ Tư pháp\n", "  - Lưu VT\n", "recipients.archive-line"),
    ("archive: {unit: STP}", "archive: {unit: 'NC, STP'}", None),
    ("archive: {unit: STP}", "archive: {unit: stp}", "archive.unit-format"),
    ("  authority: KT.\n", "  authority: Q.\n", None),
    ("  authority: KT.\n  head: CHỦ TỊCH\n", "  authority: TL.\n", "signature.head-missing"),
    ("  signer: ky\n", "  signer: ky\n  position: Phó Chủ tịch\n", "signature.not-upper"),
    ("  signer: ky\n", "  signer: giam-doc\n", "signature.kt-deputy"),
    ("lead: so-tttt", "lead: [so-tttt, Sở Tư pháp]\n        support: [Sở Thông tin và Truyền thông]",
     "task.lead-also-support"),
    ("lead: so-tttt", "lead: [so-tttt]\n        support: [và Sở Thông tin và Truyền thông]",
     "task.lead-also-support"),
    ("Nâng cao năng lực", "Phòng Tư Pháp nâng cao năng lực", "text.capitalisation"),
    ("Nâng cao năng lực", "Sở Văn hóa, thể thao và du lịch nâng cao năng lực",
     "text.capitalisation"),
    ("Nâng cao năng lực", "HĐND Huyện nâng cao năng lực", "text.capitalisation"),
    ("Nâng cao năng lực", "Hội đồng Nhân dân nâng cao năng lực", "text.capitalisation"),
    ("Nâng cao năng lực", "Cán bộ tư pháp và cơ sở y tế nâng cao năng lực", None),
    ("Nâng cao năng lực", "UBND Phường 15 và Thành phố Hồ Chí Minh nâng cao năng lực", None),
    ("Nâng cao năng lực", "ỦY BAN NHÂN DÂN TỈNH nâng cao năng lực", None),
    ("Nâng cao năng lực", "Nhân dân nâng cao năng lực", None),
    ("Nâng cao năng lực", "thừa uỷ quyền nâng cao năng lực", "text.spelling-variant"),
    ("      - Nâng cao năng lực đội ngũ hòa giải viên.\n",
     "      - bullets:\n          - \"- Một\"\n          - Hai\n", "content.typed-label"),
    ("      - Nâng cao năng lực đội ngũ hòa giải viên.\n",
     "      - item: 2024 là năm bản lề\n", None),
], ids=lambda v: v if isinstance(v, str) and "\n" not in v and len(v) < 40 else None)
def test_one_edit_one_code(tmp_path, old, new, code):
    assert old in BASE
    found = _check(tmp_path, BASE.replace(old, new, 1))
    assert [d.code for d in found] == ([code] if code else [])
    for d in found:
        assert d.span.line >= 1 and d.message and d.message_en
        assert CODES[d.code][0] == d.severity.value


def test_duplicate_id_names_the_first_line(tmp_path):
    found = _check(tmp_path, BASE.replace("id: dang-tai", "id: tap-huan"))
    assert found[0].span.line == 18
    assert "đã dùng ở dòng 13" in found[0].message


def test_diagnostics_come_in_file_order(tmp_path):
    text = BASE.replace("head: CHỦ TỊCH", "head: Chủ tịch").replace(
        "date: 2024-03-05", "date: 2025-03-05")
    found = _check(tmp_path, text)
    assert [d.span.line for d in found] == sorted(d.span.line for d in found)
    assert {d.severity for d in found} == {Severity.ERROR, Severity.WARNING}


# --- schema message helpers -------------------------------------------------------------------

@pytest.mark.parametrize(("coerced", "value", "kind", "part"), [
    ("int", "087", "int_type", "viết 87"),
    ("int", "0", "int_type", "viết 0"),
    ("octal", "0o17", "int_type", "chữ số 0–9"),
    ("bool", True, "string_type", 'ngoặc kép: "true"'),
    ("bool", "no", "int_type", ""),
    ("null", None, "string_type", "để trống"),
    ("timestamp", "2024-01-16", "int_type", "là một ngày"),
    ("int", 2024, "string_type", 'ngoặc kép: "2024"'),
])
def test_coercion_hints(coerced, value, kind, part):
    hint, hint_en = coercion_hint(coerced, value, kind)
    assert part in hint
    assert bool(hint) == bool(hint_en)


@pytest.mark.parametrize(("value", "part", "hint"), [
    ("2024-02-30", "tháng 2 năm 2024 chỉ có 29 ngày", "Sửa lại ngày"),
    ("2023-02-29", "chỉ có 28 ngày", "Sửa lại ngày"),
    ("2024-13-01", "không có tháng 13", "YYYY-MM-DD"),
    ("16/01/2024", "viết sai dạng", 'Có phải "2024-01-16"?'),
    ("31/04/2024", "tháng 4 năm 2024 chỉ có 30 ngày", "Sửa lại ngày"),
    ("hôm nay", "nguyên văn", "2024-01-16"),
])
def test_date_messages(value, part, hint):
    vi, _en, h, _h_en = date_message(value, "nguyên văn", "as is")
    assert part in vi and hint in h


@pytest.mark.parametrize(("date", "code", "fix"), [
    ("2025-03-05", "plan.date-year-ahead", "2024-03-05"),    # typed a year ahead: one error
    ("2023-03-05", "plan.date-year-mismatch", "2024-03-05"),  # copied from last year
    ("2025-01-01", "plan.date-year-ahead", "2024-01-01"),
])
def test_a_wrong_issue_year_is_said_once_at_the_date(tmp_path, date, code, fix):
    text = BASE.replace("date: 2024-03-05", f"date: {date}").replace("year: 2024\n", "")
    assert "year:" not in text
    found = _check(tmp_path, text)
    assert [(d.code, d.span.line) for d in found] == [(code, 3)]
    assert f'"date" (ví dụ {fix})' in found[0].hint


def test_a_29_february_date_in_the_wrong_year_suggests_a_real_day(tmp_path):
    text = (BASE.replace("date: 2024-03-05", "date: 2028-02-29").replace("year: 2024\n", "")
            .replace(" 2024", " 2027"))
    found = _check(tmp_path, text)
    assert [d.code for d in found] == ["plan.date-year-ahead"]
    assert "2027-02-28" in found[0].hint


@pytest.mark.parametrize(("unit", "position", "codes"), [
    ("so-tu-phap", None, ["signature.signer-unit"]),  # the department's signer on the UBND's plan
    ("ubnd-tinh", None, []),
    ("so-tu-phap", "PHÓ TRƯỞNG BAN", []),  # a role the clerk wrote: their choice
])
def test_a_registered_signer_of_another_agency_is_warned(tmp_path, unit, position, codes):
    shared = tmp_path / "_shared"
    shared.mkdir()
    registry = (CASES / "_shared" / "don-vi.yaml").read_text(encoding="utf-8")
    registry = registry.replace("    position: PHÓ CHỦ TỊCH\n",
                                f"    position: PHÓ CHỦ TỊCH\n    unit: {unit}\n", 1)
    (shared / "don-vi.yaml").write_text(registry, encoding="utf-8")
    text = BASE if position is None else BASE.replace("  signer: ky\n",
                                                      f"  signer: ky\n  position: {position}\n")
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    parsed, loaded = load_plan(path, "plan.yaml")
    found = check_plan(resolve(parsed, load_registry([shared]), loaded))
    assert [d.code for d in found] == codes
    for d in found:
        assert "Nguyễn Văn An" in d.message and "Ủy ban nhân dân tỉnh" in d.message


APPENDIX = "tasks_display: appendix\nappendix: {title: DANH MỤC NHIỆM VỤ}\nrecipients:\n"


def test_a_section_of_tasks_only_moved_to_the_appendix_is_warned(tmp_path):
    """All its tasks print in the Phụ lục table: the body would keep a bare heading "II. NỘI DUNG"
    with nothing under it, as vanban printed it for a Kế hoạch phổ biến, giáo dục pháp luật."""
    found = _check(tmp_path, BASE.replace("recipients:\n", APPENDIX, 1))
    assert [(d.code, d.span.line, d.severity.value) for d in found] == [
        ("section.appendix-only", 10, "warning")]
    assert found[0].message == (
        'Mục "NỘI DUNG" chỉ có nhiệm vụ, mà các nhiệm vụ in thành bảng ở Phụ lục (tasks_display: '
        "appendix): trong thân văn bản mục này chỉ còn tên mục.")
    assert found[0].hint == ('Thêm một đoạn dẫn đứng đầu content: của mục, ví dụ "- Nhiệm vụ cụ '
                             'thể tại Phụ lục kèm theo Kế hoạch này."')
    assert CODES["section.appendix-only"][0] == "warning"


def test_a_section_with_a_lead_sentence_before_its_tasks_is_clean(tmp_path):
    text = BASE.replace("recipients:\n", APPENDIX, 1).replace(
        "  - title: NỘI DUNG\n    content:\n",
        "  - title: NỘI DUNG\n    content:\n      - Nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.\n")
    assert _check(tmp_path, text) == []


TARGET = """\
      - target: {text}
        id: chi-tieu
        value: {value}
        unit: {unit}
"""


def _with_target(text: str, value: str, unit: str) -> str:
    return BASE.replace("      - Nâng cao năng lực đội ngũ hòa giải viên.\n",
                        TARGET.format(text=text, value=value, unit=unit), 1)


@pytest.mark.parametrize(("text", "value", "unit", "message"), [
    ("Phát hành ít nhất 20.000 bản tài liệu phổ biến pháp luật", "2000", "bản",
     ("Chỉ tiêu ghi value: 2.000 nhưng câu chỉ tiêu không có số này (câu có: 20.000): báo cáo "
     "cuối năm sẽ so kết quả với 2.000.")),
    ("Mỗi xã, phường tổ chức ít nhất 02 hội nghị năm 2024", "100", '"%"',
     ("Chỉ tiêu ghi value: 100 nhưng câu chỉ tiêu không có số này (câu có: 02): báo cáo cuối năm "
     "sẽ so kết quả với 100.")),
    ("Tỷ lệ hòa giải thành đạt trên 90%", "9", '"%"',
     ("Chỉ tiêu ghi value: 9 nhưng câu chỉ tiêu không có số này (câu có: 90): báo cáo cuối năm "
     "sẽ so kết quả với 9.")),
], ids=["thousands", "per-commune", "percent"])
def test_a_target_value_its_sentence_does_not_write_is_warned(tmp_path, text, value, unit,
                                                              message):
    found = _check(tmp_path, _with_target(text, value, unit))
    assert [(d.code, d.span.line, d.severity.value) for d in found] == [
        ("target.value-text", 11, "warning")]
    assert found[0].message == message
    assert CODES["target.value-text"][0] == "warning"


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("Phát hành ít nhất 20.000 bản tài liệu", "20000", "bản"),
    ("100% xã, phường tổ chức ít nhất 02 hội nghị", "100", '"%"'),
    ("Tất cả xã, phường xây dựng kế hoạch năm 2024", "100", '"%"'),
    ("Kinh phí 2,5 tỷ đồng", "2.5", "tỷ đồng"),
    ("Tỷ lệ hòa giải thành đạt trên 90%", "90", '"%"'),
    ("Xây dựng kế hoạch năm 2024", "1", "kế hoạch"),  # no number but the year: not compared
], ids=["thousands", "percent-and-count", "all-in-words", "decimal", "percent", "year-only"])
def test_a_target_value_its_sentence_writes_is_clean(tmp_path, text, value, unit):
    assert _check(tmp_path, _with_target(text, value, unit)) == []

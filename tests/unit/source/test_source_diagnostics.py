"""One row per diagnostic code of the source layer: exact line, column, code and message."""

from __future__ import annotations

import pytest

from vanban.errors import Diagnostic, Severity, VanbanError
from vanban.source.loader import load_text

E, W = Severity.ERROR, Severity.WARNING

# (id, YAML text, line, column, code, severity, Vietnamese message)
CASES = [
    ("tab-indent", "a:\n\tb: 1\n", 2, 1, "yaml.tab", E,
     "Có ký tự Tab ở đầu dòng; YAML chỉ cho thụt lề bằng dấu cách."),
    ("tab-indent-deeper", "a:\n  b:\n  \tc: 1\n", 3, 3, "yaml.tab", E,
     "Có ký tự Tab ở đầu dòng; YAML chỉ cho thụt lề bằng dấu cách."),
    ("indent-dedent", "a:\n  b: 1\n c: 2\n", 3, 2, "yaml.indent", E,
     "Thụt lề không khớp với các dòng trên (số dấu cách đầu dòng không đúng cấp)."),
    ("indent-deeper", "a:\n  b: 1\n    c: 2\n", 3, 6, "yaml.indent", E,
     "Dòng này thụt lề sâu hơn dòng trên nên không thể bắt đầu một trường mới ở đây."),
    ("colon-in-value", "noi_nhan: Lưu: VT, STP\n", 1, 14, "yaml.colon", E,
     'Dấu ":" nằm trong một giá trị không có ngoặc kép; YAML hiểu nhầm đó là một trường mới.'),
    ("unclosed-quote", 'ten: "Kế hoạch\nso: 1\n', 1, 6, "yaml.unclosed-quote", E,
     "Ngoặc kép mở ở đây nhưng không được đóng lại."),
    ("unclosed-bracket", "don_vi: [Sở Tư pháp, Sở Nội vụ\nso: 1\n", 1, 9,
     "yaml.unclosed-bracket", E, 'Dấu ngoặc vuông "[" mở ở đây nhưng không được đóng đúng.'),
    ("unclosed-brace", "a: {x: 1\n", 1, 4, "yaml.unclosed-bracket", E,
     'Dấu ngoặc nhọn "{" mở ở đây nhưng không được đóng đúng.'),
    ("bad-escape", 'duong_dan: "C:\\Users\\vanban"\n', 1, 17, "yaml.escape", E,
     'Trong ngoặc kép, dấu "\\" bắt đầu một ký tự đặc biệt không hợp lệ.'),
    ("reserved-char", "ghi_chu: @ban_tu_phap\n", 1, 10, "yaml.reserved-char", E,
     'Giá trị không được bắt đầu bằng ký tự "@" khi không có ngoặc kép.'),
    ("missing-colon", "a: 1\nb\nc: 2\n", 2, 1, "yaml.missing-colon", E,
     ('Dòng này không có dấu ":" sau tên trường (hoặc là phần tiếp của dòng trên nhưng '
     "thụt lề sai).")),
    ("after-quote", 'ten: "Đề án" hòa giải\n', 1, 14, "yaml.after-quote", E,
     "Có chữ nằm sau dấu ngoặc đóng của giá trị."),
    ("key-missing", ": 1\n", 1, 1, "yaml.key", E, 'Thiếu tên trường trước dấu ":".'),
    ("key-collection", "? [a, b]\n: 1\n", 1, 3, "yaml.key", E,
     "Tên trường phải là chữ, không được là danh sách hay nhóm trường."),
    ("duplicate-key", "ten: A\nso: 1\nten: B\n", 3, 1, "yaml.duplicate-key", E,
     ('Trường "ten" bị lặp (đã có ở dòng 1); YAML chỉ giữ giá trị sau cùng, nên hãy xóa một '
     "trong hai.")),
    ("multi-document", "a: 1\n---\nb: 2\n", 2, 1, "yaml.multi-document", E,
     'Tệp chỉ được chứa một văn bản; dòng "---" ở đây bắt đầu văn bản thứ hai.'),
    ("alias-unknown", "a: *goc\n", 1, 4, "yaml.alias-unknown", E,
     'Bí danh "*goc" chưa được khai báo (cần "&goc" ở trên).'),
    ("tag", "a: !!python/object x\n", 1, 4, "yaml.tag", E,
     'Không dùng thẻ kiểu YAML "!!python/object" trong kế hoạch.'),
    ("merge-not-mapping", "a: 1\nb:\n  <<: [1]\n", 3, 3, "yaml.merge", E,
     'Sau "<<:" phải là bí danh của một nhóm trường (*tên).'),
    ("control-c0", "ten: Kế\x07 hoạch\n", 1, 8, "text.control", E,
     "Có ký tự điều khiển U+0007 không được phép trong văn bản."),
    ("control-c1", "ten: Kế\x92 hoạch\n", 1, 8, "text.control", E,
     "Có ký tự điều khiển U+0092 không được phép trong văn bản."),
    ("noncharacter", "ten: Kế\ufffe hoạch\n", 1, 8, "text.control", E,
     "Có ký tự không hợp lệ U+FFFE không được phép trong văn bản."),
    ("lone-surrogate", "ten: Kế\ud800 hoạch\n", 1, 8, "text.control", E,
     "Có ký tự không hợp lệ U+D800 không được phép trong văn bản."),
    ("zero-width-space", "ten: Kế\u200b hoạch\n", 1, 8, "text.invisible", W,
     "Có ký tự ẩn U+200B (dấu cách độ rộng 0, zero-width space); đã bỏ ký tự này."),
    ("soft-hyphen", "ten: Kế hoạch\u00ad\n", 1, 14, "text.invisible", W,
     "Có ký tự ẩn U+00AD (gạch nối mềm, soft hyphen); đã bỏ ký tự này."),
    ("bidi-control", "ten: \u202bKế hoạch\n", 1, 6, "text.invisible", W,
     "Có ký tự ẩn U+202B (right-to-left embedding); đã bỏ ký tự này."),
    ("line-separator", "ten: Kế\u2028hoạch\n", 1, 8, "text.line-separator", W,
     "Có ký tự ngắt dòng lạ U+2028 (line separator); đã thay bằng dấu cách."),
    ("nbsp-indent", "a:\n\u00a0 b: 1\n", 2, 1, "text.space-indent", W,
     "Đầu dòng có U+00A0 (dấu cách không ngắt, no-break space); đã thay bằng dấu cách thường."),
    ("nfd", "a: Ke\u0302\u0301 hoa\u0323ch\n", 1, 5, "text.nfd", W,
     ("Văn bản có chữ ở dạng tổ hợp (Unicode NFD, dấu tách rời khỏi chữ); đã chuẩn hóa sang "
     "dạng dựng sẵn (NFC).")),
    ("mojibake-tcvn3", "co_quan: Uû ban nh©n d©n tØnh Qu¶ng B×nh\n", 1, 10, "text.mojibake", E,
     ("Có chữ gõ bằng bảng mã TCVN3 (ABC, phông .VnTime) rồi dán vào, nên hiện sai dấu: "
     '"Uû ban nh©n d©n tØnh Qu¶ng B×nh".')),
    ("mojibake-vni", "co_quan: UÛy ban nhaân daân tænh\n", 1, 10, "text.mojibake", E,
     ("Có chữ gõ bằng bảng mã VNI (phông VNI-Times) rồi dán vào, nên hiện sai dấu: "
     '"UÛy ban nhaân daân tænh".')),
]


def _diagnostics(text: str) -> list[Diagnostic]:
    try:
        return load_text(text, "kh.yaml").warnings
    except VanbanError as exc:
        return exc.diagnostics


@pytest.mark.parametrize(("text", "line", "col", "code", "severity", "message"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_diagnostic(text: str, line: int, col: int, code: str, severity: Severity,
                    message: str) -> None:
    found = _diagnostics(text)
    assert [(d.span.line, d.span.col, d.code, d.severity, d.message) for d in found] == [
        (line, col, code, severity, message)]
    assert found[0].span.file == "kh.yaml"
    assert found[0].message_en, "every diagnostic has an English message"


def test_every_code_has_a_row() -> None:
    codes = {c[4] for c in CASES}
    assert codes >= {
        "yaml.tab", "yaml.indent", "yaml.colon", "yaml.unclosed-quote", "yaml.unclosed-bracket",
        "yaml.escape", "yaml.reserved-char", "yaml.missing-colon", "yaml.after-quote",
        "yaml.key", "yaml.duplicate-key", "yaml.multi-document", "yaml.alias-unknown",
        "yaml.tag", "yaml.merge", "text.control", "text.invisible", "text.line-separator",
        "text.space-indent", "text.nfd", "text.mojibake"}


def test_all_problems_of_a_file_in_one_run() -> None:
    text = ("ten: Kế\u200b hoạch\nso: 1\nten: B\nco_quan: x\x01y\nso: 2\n"
            "ghi_chu: \u00adz\n")
    found = _diagnostics(text)
    assert [(d.span.line, d.span.col, d.code) for d in found] == [
        (1, 8, "text.invisible"), (3, 1, "yaml.duplicate-key"), (4, 11, "text.control"),
        (5, 1, "yaml.duplicate-key"), (6, 10, "text.invisible")]


def test_one_tab_report_per_line_and_every_line() -> None:
    found = _diagnostics("a:\n\t\tb: 1\n\tc: 2\n")
    assert [(d.span.line, d.span.col, d.code) for d in found] == [
        (2, 1, "yaml.tab"), (3, 1, "yaml.tab")]


def test_positions_after_removed_characters_are_file_positions() -> None:
    # The zero-width space is removed before parsing; the ":" error must still point at the
    # ":" where the editor shows it (column 6, not 5).
    found = _diagnostics("b: x\u200b: y\n")
    assert [(d.span.line, d.span.col, d.code) for d in found] == [
        (1, 5, "text.invisible"), (1, 6, "yaml.colon")]


def test_positions_after_nfd_count_the_file_characters() -> None:
    found = _diagnostics("a: Vie\u0302\u0323t: Nam\n")
    assert [(d.span.line, d.span.col, d.code) for d in found] == [
        (1, 6, "text.nfd"), (1, 10, "yaml.colon")]


def test_hints_and_english() -> None:
    (found,) = _diagnostics("noi_nhan: Lưu: VT, STP\n")
    assert found.hint == ('Nếu đoạn chữ có dấu ":" hoặc "#" hãy đặt cả đoạn trong ngoặc kép, '
                          'ví dụ: "Lưu: VT, STP".')
    assert found.message_en.startswith('A ":" inside an unquoted value')
    assert found.text("en").startswith("kh.yaml:1:14: error [yaml.colon] A \":\" inside")


def test_repeated_problem_is_capped_with_a_summary() -> None:
    text = "".join(f"k{i}: a\u200bb\n" for i in range(25))
    found = _diagnostics(text)
    assert len(found) == 21
    assert found[-1].message == "… và 5 chỗ khác có cùng lỗi này."


def test_messages_are_nfc() -> None:
    import unicodedata

    for case in CASES:
        assert unicodedata.is_normalized("NFC", case[6])

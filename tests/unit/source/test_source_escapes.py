"""Escapes in double-quoted scalars get the checks of the file text, located at the escape.

YAML turns ``"\\x01"``, ``"\\u200b"``, ``"e\\u0301"`` into real characters after the raw text was
checked; each row is a tiny plan, the exact diagnostics found, and the value that was read.
"""

from __future__ import annotations

import pytest

from vanban.errors import Diagnostic, Severity, VanbanError
from vanban.source.loader import load_text

E, W = Severity.ERROR, Severity.WARNING

CONTROL = "Có ký tự điều khiển U+{} không được phép trong văn bản."
INVALID = "Có ký tự không hợp lệ U+{} không được phép trong văn bản."
ZWSP = "Có ký tự ẩn U+200B (dấu cách độ rộng 0, zero-width space); đã bỏ ký tự này."
NFD = ("Văn bản có chữ ở dạng tổ hợp (Unicode NFD, dấu tách rời khỏi chữ); đã chuẩn hóa sang "
       "dạng dựng sẵn (NFC).")

# (id, YAML text, [(line, column, code, severity, message)], value of "ten" when it loads)
# The YAML texts are raw strings: a backslash is what the clerk typed.
CASES = [
    ("x01", r'ten: "A\x01B"', [(1, 8, "text.control", E, CONTROL.format("0001"))], None),
    ("vertical-tab", r'ten: "Bộ\x0bTư pháp"',
     [(1, 9, "text.control", E, CONTROL.format("000B"))], None),
    ("vertical-tab-short", r'ten: "Bộ\vTư pháp"',
     [(1, 9, "text.control", E, CONTROL.format("000B"))], None),
    ("nul", r'ten: "\0"', [(1, 7, "text.control", E, CONTROL.format("0000"))], None),
    ("bell", r'ten: "A\aB"', [(1, 8, "text.control", E, CONTROL.format("0007"))], None),
    ("escape-char", r'ten: "\e[1m"', [(1, 7, "text.control", E, CONTROL.format("001B"))], None),
    ("c1", r'ten: "A\x92"', [(1, 8, "text.control", E, CONTROL.format("0092"))], None),
    ("noncharacter", r'ten: "A\uFFFE"', [(1, 8, "text.control", E, INVALID.format("FFFE"))],
     None),
    ("noncharacter-long", r'ten: "A\U0000FFFF"',
     [(1, 8, "text.control", E, INVALID.format("FFFF"))], None),
    ("lone-surrogate", r'ten: "Kế\uD800hoạch"',
     [(1, 9, "text.control", E, INVALID.format("D800"))], None),
    ("zero-width", r'ten: "A\u200bB"', [(1, 8, "text.invisible", W, ZWSP)], "AB"),
    ("zero-width-long", r'ten: "A\U0000200BB"', [(1, 8, "text.invisible", W, ZWSP)], "AB"),
    ("soft-hyphen", r'ten: "hòa\xADgiải"',
     [(1, 10, "text.invisible", W,
       "Có ký tự ẩn U+00AD (gạch nối mềm, soft hyphen); đã bỏ ký tự này.")], "hòagiải"),
    ("bidi", r'ten: "\u202EKế hoạch"',
     [(1, 7, "text.invisible", W,
       "Có ký tự ẩn U+202E (right-to-left override); đã bỏ ký tự này.")], "Kế hoạch"),
    ("bom-inside", r'ten: "A\uFEFF"',
     [(1, 8, "text.invisible", W,
       "Có ký tự ẩn U+FEFF (zero-width no-break space, BOM); đã bỏ ký tự này.")], "A"),
    ("nfd", r'ten: "e\u0301"', [(1, 8, "text.nfd", W, NFD)], "é"),
    ("nfd-vietnamese", r'ten: "Vie\u0302\u0323t Nam"', [(1, 10, "text.nfd", W, NFD)],
     "Việt Nam"),
    ("nfd-after-invisible", r'ten: "e\u200b\u0301"',
     [(1, 8, "text.invisible", W, ZWSP), (1, 14, "text.nfd", W, NFD)], "é"),
    ("all-in-order", r'ten: "e\u0301\x01"',
     [(1, 8, "text.nfd", W, NFD), (1, 14, "text.control", E, CONTROL.format("0001"))], None),
    ("second-line", 'so: 1\nten: "dòng một\n  hai \\x01 ba"',
     [(3, 7, "text.control", E, CONTROL.format("0001"))], None),
    ("in-a-list", 'ten:\n  - "Bộ Tư pháp"\n  - "Bộ\\x0bTư pháp"',
     [(3, 8, "text.control", E, CONTROL.format("000B"))], None),
    ("in-a-key", r'"t\u200ben": A', [(1, 3, "text.invisible", W, ZWSP)], "A"),
    ("control-in-a-key", r'"t\x01en": A', [(1, 3, "text.control", E, CONTROL.format("0001"))],
     None),
    ("after-removed-char", 'ten: "\u200bX\\x01"',
     [(1, 7, "text.invisible", W, ZWSP), (1, 9, "text.control", E, CONTROL.format("0001"))],
     None),
    ("anchored-once", 'ten: &t "A\\u200bB"\nkhac: *t',
     [(1, 11, "text.invisible", W, ZWSP)], "AB"),
    ("escaped-backslash", r'ten: "\\x01"', [], "\\x01"),
    ("single-quoted", r"ten: '\x01'", [], "\\x01"),
    ("block", 'ten: |\n  \\u200b', [], "\\u200b\n"),
    ("tab-and-newline", r'ten: "a\tb\nc"', [], "a\tb\nc"),
    ("no-break-space", r'ten: "5\_km"', [], "5\u00a0km"),
    ("precomposed", r'ten: "\u1EC7"', [], "ệ"),
]


def _load(text: str) -> tuple[list[Diagnostic], object]:
    try:
        loaded = load_text(text + "\n", "kh.yaml")
    except VanbanError as exc:
        return exc.diagnostics, None
    data = loaded.data
    return loaded.warnings, data.get("ten") if isinstance(data, dict) else data


@pytest.mark.parametrize(("text", "expected", "value"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_escape(text: str, expected: list[tuple], value: object) -> None:
    found, loaded = _load(text)
    assert [(d.span.line, d.span.col, d.code, d.severity, d.message) for d in found] == expected
    assert all(d.span.file == "kh.yaml" and d.message_en for d in found)
    assert loaded == value


def test_a_refused_value_never_loads() -> None:
    with pytest.raises(VanbanError):
        load_text('ten: "A\\x01B"\nso: "\\uD800"\n', "kh.yaml")


def test_every_problem_of_a_value_in_one_run() -> None:
    found, _ = _load(r'ten: "\x01\u200b\uFFFE\x0b"')
    assert [(d.span.col, d.code) for d in found] == [
        (7, "text.control"), (11, "text.invisible"), (17, "text.control"),
        (23, "text.control")]


def test_hint_names_the_escape() -> None:
    (found,), _ = _load(r'ten: "A\x01B"')
    assert found.hint.startswith('Hãy xóa mã thoát (phần bắt đầu bằng "\\")')
    assert found.text("en") == (
        "kh.yaml:1:8: error [text.control] Control character U+0001 is not allowed in a "
        'document. Remove the escape (starting with "\\") that makes this character.')


def test_a_key_keeps_its_cleaned_text() -> None:
    loaded = load_text('"t\\u200ben": A\n', "kh.yaml")
    assert loaded.data == {"ten": "A"}
    assert loaded.key_spans[("ten",)].col == 1

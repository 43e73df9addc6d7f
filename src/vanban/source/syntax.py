"""PyYAML's syntax errors, retold in Vietnamese for a clerk, at the place the mistake is.

PyYAML's wording ("expected <block end>, but found '<block mapping start>'") names parser
states, not mistakes. Each rule below recognises one family of messages and says which mistake
usually causes it and how to fix it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml

from vanban.errors import Diagnostic, Severity, Span


@dataclass(frozen=True)
class Explained:
    """A syntax error explained: its code, messages, hint, and which mark to point at."""

    code: str
    message: str
    message_en: str
    hint: str = ""
    hint_en: str = ""
    at_context: bool = False  # point at the construct's start rather than where it broke


_QUOTE_HINT = ("Nếu đoạn chữ có dấu \":\" hoặc \"#\" hãy đặt cả đoạn trong ngoặc kép, "
               "ví dụ: \"Lưu: VT, STP\".")
_QUOTE_HINT_EN = 'Quote text that holds ":" or "#", e.g. "Lưu: VT, STP".'
WORD_QUOTES = "“”‘’"
WORD_QUOTES_HINT = ("Dấu “ ” (ngoặc kép kiểu Word) không phải dấu ngoặc kép của YAML nên "
                    "dấu \":\" trong dòng làm YAML hiểu thành \"khóa: giá trị\"; đặt cả đoạn "
                    "trong ngoặc đơn thẳng ('…'), giữ nguyên “ ” bên trong, hoặc bỏ “ ” nếu "
                    "không muốn in chúng.")
WORD_QUOTES_HINT_EN = ("Word's curly quotes “ ” are not YAML quotes, so the \":\" made this "
                       "line a key: value; wrap the whole text in straight single quotes, or "
                       "drop the “ ” if they should not print.")


def yaml_quoted(text: str) -> str:
    """``text`` as a YAML quoted scalar a clerk can paste: in double quotes, or in single
    quotes (each ' doubled) when it holds a double quote."""
    return f'"{text}"' if '"' not in text else "'" + text.replace("'", "''") + "'"


def shorten(text: str, limit: int = 60, *, keep_end: bool = False) -> str:
    """``text`` cut at a word to about ``limit`` characters, "…" marking the cut (at the start
    with ``keep_end``), for showing a clerk's own text inside a hint."""
    if len(text) <= limit:
        return text
    if keep_end:
        tail = text[-limit:]
        return "…" + (tail.split(" ", 1)[1] if " " in tail[1:] else tail)
    head = text[:limit]
    return (head.rsplit(" ", 1)[0] if " " in head else head).rstrip(" ,;:") + "…"


def _indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _previous_content_line(lines: list[str], index: int) -> str | None:
    for line in reversed(lines[:index]):
        if line.strip() and not line.lstrip().startswith("#"):
            return line
    return None


def _colon(exc: yaml.MarkedYAMLError, lines: list[str]) -> Explained:
    """A ":" where no mapping may start: an unquoted value holding ": ", or a key indented
    deeper than the line above it allows."""
    mark = exc.problem_mark
    line = lines[mark.line] if mark and mark.line < len(lines) else ""
    before = line[: mark.column] if mark else ""
    previous = _previous_content_line(lines, mark.line) if mark else None
    starts_key = ":" not in before and not before.lstrip().startswith(("-", "'", '"'))
    if starts_key and previous is not None and _indent_of(line) > _indent_of(previous) \
            and not previous.rstrip().endswith(":"):
        return Explained(
            "yaml.indent",
            "Dòng này thụt lề sâu hơn dòng trên nên không thể bắt đầu một trường mới ở đây.",
            "This line is indented deeper than the line above, so no key may start here.",
            "Hãy thụt lề dòng này bằng đúng số dấu cách của các trường cùng cấp.",
            "Indent it with exactly as many spaces as its sibling keys.")
    word = any(q in before for q in WORD_QUOTES)
    return Explained(
        "yaml.colon",
        "Dấu \":\" nằm trong một giá trị không có ngoặc kép; YAML hiểu nhầm đó là một trường mới.",
        'A ":" inside an unquoted value; YAML reads it as the start of a new key.',
        WORD_QUOTES_HINT if word else _QUOTE_HINT, WORD_QUOTES_HINT_EN if word else _QUOTE_HINT_EN)


def _found_char(exc: yaml.MarkedYAMLError, lines: list[str]) -> Explained:
    problem = exc.problem or ""
    if "'\\t'" in problem:
        return Explained(
            "yaml.tab", "Có ký tự Tab; YAML chỉ cho dùng dấu cách để thụt lề và ngăn cách.",
            "Tab character; YAML only allows spaces for indentation and separation.",
            "Hãy thay Tab bằng dấu cách.", "Replace the tab with spaces.")
    char = problem.split("'")[1] if problem.count("'") >= 2 else "?"
    return Explained(
        "yaml.reserved-char",
        f"Giá trị không được bắt đầu bằng ký tự \"{char}\" khi không có ngoặc kép.",
        f'A value cannot start with "{char}" unless it is quoted.',
        f"Hãy đặt giá trị trong ngoặc kép, ví dụ: \"{char}…\".",
        f'Quote the value, e.g. "{char}…".')


def _block_end(exc: yaml.MarkedYAMLError, lines: list[str]) -> Explained:
    """A block collection ended badly: text after a closing quote, a line starting with ":",
    or (most often) a line indented to no level used above."""
    mark = exc.problem_mark
    line = lines[mark.line] if mark and mark.line < len(lines) else ""
    before = line[: mark.column].rstrip() if mark else ""
    if "found ':'" in (exc.problem or ""):
        return Explained("yaml.key", "Thiếu tên trường trước dấu \":\".",
                         'A key is missing before ":".',
                         "Hãy viết \"tên_trường: giá trị\".", 'Write "key: value".')
    bracketed = _bracketed(line, before)
    if "'<scalar>'" in (exc.problem or "") and bracketed is not None:
        return bracketed
    if before.endswith(("'", '"')) and _quoted_value(line):  # a word, ",", "." after it
        return Explained(
            "yaml.after-quote", "Có chữ nằm sau dấu ngoặc đóng của giá trị.",
            "Text follows the closing quote of a value.",
            "Nếu ngoặc kép là một phần của nội dung, hãy đặt cả giá trị trong ngoặc đơn, ví dụ: "
            "'Đề án \"Hòa giải\" năm 2025'.",
            "If the quotes belong to the text, wrap the whole value in single quotes.")
    return Explained(
        "yaml.indent",
        "Thụt lề không khớp với các dòng trên (số dấu cách đầu dòng không đúng cấp).",
        "The indentation does not match the lines above.",
        "Các trường cùng cấp phải thẳng cột với nhau; phần tử danh sách bắt đầu bằng \"- \".",
        'Sibling keys must line up; list items start with "- ".')


_VALUE_START = r"^\s*(?:-\s+)*(?:[^\s\[\]{}'\"#:-][^:]*?:\s+)?"  # compiled on first use


def _quoted_value(line: str) -> bool:
    """The line's value (after "- " and "key: ") opens with a quote."""
    prefix = re.match(_VALUE_START, line)
    return line[prefix.end() if prefix else 0:].lstrip()[:1] in ("'", '"')


def _bracketed(line: str, before: str) -> Explained | None:
    """Text after a value that opened with "[" or "{" (``- [Dự kiến] Giải quyết …``): YAML
    read the bracketed part as a list (or a mapping), and the words after it cannot follow."""
    prefix = re.match(_VALUE_START, line)
    value = line[prefix.end():].rstrip() if prefix else ""
    if value[:1] not in ("[", "{") or not before.endswith(("]", "}")):
        return None
    lead = prefix.group(0).strip() if prefix else ""
    shown = shorten(value)
    fix = f"{lead} {yaml_quoted(shown)}".strip()
    what, what_en = ("một danh sách", "a list") if value[0] == "[" else (
        "một nhóm trường", "a mapping")
    closing = "]" if value[0] == "[" else "}"
    return Explained(
        "yaml.bracket-start",
        f"Giá trị bắt đầu bằng \"{value[0]}\" nên YAML đọc phần đến \"{closing}\" là {what}, "
        "rồi không hiểu phần chữ phía sau.",
        f'A value starting with "{value[0]}" is read by YAML as {what_en} up to '
        f'"{closing}"; the text after it cannot follow.',
        f"Đặt cả dòng trong ngoặc kép: {fix}",
        f"Quote the whole line: {fix}")


_Rule = Callable[[yaml.MarkedYAMLError, list[str]], Explained]


def _fixed(explained: Explained) -> _Rule:
    return lambda exc, lines: explained


# (text found in PyYAML's context or problem, how to explain it), first match wins.
_RULES: tuple[tuple[str, _Rule], ...] = (
    ("mapping values are not allowed", _colon),
    ("that cannot start any token", _found_char),
    ("while scanning a quoted scalar", _fixed(Explained(
        "yaml.unclosed-quote", "Ngoặc kép mở ở đây nhưng không được đóng lại.",
        "A quote opened here is never closed.",
        "Hãy thêm dấu ngoặc kép đóng ở cuối giá trị (và viết \\\" cho ngoặc kép nằm bên trong).",
        'Add the closing quote (write \\" for a quote inside the text).', at_context=True))),
    ("while scanning a double-quoted scalar", _fixed(Explained(
        "yaml.escape",
        "Trong ngoặc kép, dấu \"\\\" bắt đầu một ký tự đặc biệt không hợp lệ.",
        'Inside double quotes, "\\" starts an invalid escape sequence.',
        "Hãy viết \"\\\\\" thay cho \"\\\", hoặc dùng ngoặc đơn '…' (ví dụ 'C:\\Users').",
        "Write \\\\ for a backslash, or use single quotes."))),
    ("while parsing a flow sequence", _fixed(Explained(
        "yaml.unclosed-bracket", "Dấu ngoặc vuông \"[\" mở ở đây nhưng không được đóng đúng.",
        'A "[" opened here is not closed properly.',
        "Hãy kiểm tra dấu \"]\" và dấu phẩy giữa các phần tử; "
        "phần tử có dấu \":\" hoặc \",\" phải đặt trong ngoặc kép.",
        'Check the "]" and the commas; quote items that hold ":" or ",".', at_context=True))),
    ("while parsing a flow mapping", _fixed(Explained(
        "yaml.unclosed-bracket", "Dấu ngoặc nhọn \"{\" mở ở đây nhưng không được đóng đúng.",
        'A "{" opened here is not closed properly.',
        "Hãy kiểm tra dấu \"}\" và dấu phẩy giữa các phần tử.",
        'Check the "}" and the commas.', at_context=True))),
    ("could not find expected ':'", _fixed(Explained(
        "yaml.missing-colon",
        "Dòng này không có dấu \":\" sau tên trường (hoặc là phần tiếp của dòng trên nhưng "
        "thụt lề sai).",
        'This line has no ":" after its key (or continues the line above with wrong indentation).',
        "Hãy viết \"tên_trường: giá trị\", hoặc thụt lề cho khớp với dòng trên.",
        'Write "key: value", or fix the indentation.', at_context=True))),
    ("while scanning an alias", _fixed(Explained(
        "yaml.reserved-char", "Giá trị không được bắt đầu bằng ký tự \"*\" khi không có ngoặc kép.",
        'A value cannot start with "*" unless it is quoted.',
        "Hãy đặt giá trị trong ngoặc kép, ví dụ: \"* Ghi chú\".", 'Quote the value.'))),
    ("while scanning an anchor", _fixed(Explained(
        "yaml.reserved-char", "Giá trị không được bắt đầu bằng ký tự \"&\" khi không có ngoặc kép.",
        'A value cannot start with "&" unless it is quoted.',
        "Hãy đặt giá trị trong ngoặc kép.", 'Quote the value.'))),
    ("expected <block end>", _block_end),
    ("expected a single document", _fixed(Explained(
        "yaml.multi-document", "Tệp chỉ được chứa một văn bản; dòng \"---\" ở đây bắt đầu văn "
        "bản thứ hai.", 'A file holds one document; this "---" starts a second one.',
        "Hãy xóa dòng \"---\" hoặc tách thành tệp riêng.",
        'Remove the "---" line or split the file.'))),
)

_FALLBACK = Explained(
    "yaml.syntax", "Cú pháp YAML không hợp lệ ở đây.", "Invalid YAML syntax here.",
    "Hãy kiểm tra thụt lề, dấu \":\" và ngoặc kép ở dòng này và dòng trên.",
    'Check the indentation, ":" and quotes on this line and the one above.')


def explain(exc: yaml.MarkedYAMLError, lines: list[str]) -> Explained:
    """The explanation of PyYAML error ``exc`` raised on text split into ``lines``."""
    said = f"{exc.context or ''}\n{exc.problem or ''}"
    for needle, rule in _RULES:
        if needle in said:
            return rule(exc, lines)
    return _FALLBACK


def diagnose(exc: yaml.MarkedYAMLError, lines: list[str], file: str,
             position: Callable[[int, int], tuple[int, int]]) -> Diagnostic:
    """A located diagnostic for ``exc``; ``position`` maps 0-based marks to file positions."""
    explained = explain(exc, lines)
    mark = exc.context_mark if (explained.at_context and exc.context_mark) else None
    mark = mark or exc.problem_mark or exc.context_mark
    line, col = position(mark.line, mark.column) if mark else (0, 0)
    if mark and mark.line >= len(lines):  # end of stream after a final newline
        line, col = len(lines), 1
    english = f"{explained.message_en} (PyYAML: {(exc.problem or exc.context or '').strip()})"
    return Diagnostic(explained.code, explained.message, Span(file, line, col),
                      severity=Severity.ERROR, message_en=english, hint=explained.hint,
                      hint_en=explained.hint_en)

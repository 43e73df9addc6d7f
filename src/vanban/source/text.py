"""Check and clean decoded text before YAML reads it, keeping every position true to the file.

What is found (each at its exact line and column in the file as the clerk's editor shows it):

- ``text.control`` (error): characters an XML document cannot hold — C0 controls other than
  tab and line breaks, DEL and the C1 controls, U+FFFE/U+FFFF, lone surrogates. They are
  replaced by a space so that the rest of the file can still be checked, but the file is refused.
- ``text.invisible`` (warning): zero-width and direction characters (U+200B–U+200F,
  U+202A–U+202E, U+2060–U+2064, U+2066–U+2069, U+FEFF after the start, U+180E) and the soft
  hyphen U+00AD. Removed: they carry no meaning in a plan, only surprises (a key that looks
  right and is unknown, a word Word cannot find).
- ``text.line-separator`` (warning): U+2028, U+2029 and U+0085, which YAML counts as line
  breaks but editors do not; replaced by a space.
- ``text.space-indent`` (warning): a no-break or other unusual space in a line's indentation,
  where YAML only accepts plain spaces; replaced by a plain space. No-break spaces inside
  values are kept: they are legitimate in Vietnamese documents.
- ``yaml.tab`` (error): a tab in a line's indentation.
- ``text.nfd`` (warning, once per file): decomposed Unicode; the text is normalised to NFC.

The control, invisible and NFD checks run again on the value of each double-quoted scalar
(:func:`clean_value`), since its escapes (``"\\x01"``, ``"\\u200b"``, ``"e\\u0301"``, ``"\\uD800"``) make characters the
file text does not hold.

Columns in diagnostics count characters of the original line (what VS Code or Notepad++ shows),
1-based. :class:`Cleaned` maps positions in the cleaned text back to the original.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from vanban.errors import Span
from vanban.source.reports import Reporter

_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff\ud800-\udfff"
_INVISIBLE = "\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_SEPARATOR = "\u0085\u2028\u2029"
_ODD_SPACE = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_SPECIAL = re.compile(f"[{_CONTROL}{_INVISIBLE}{_SEPARATOR}\t{_ODD_SPACE}]")
_VALUE_SPECIAL = re.compile(f"[{_CONTROL}{_INVISIBLE}]")
_CONTROL_CHAR = re.compile(f"[{_CONTROL}]")
_INVISIBLE_CHAR = re.compile(f"[{_INVISIBLE}]")
_INDENT = re.compile(f"[ \t{_ODD_SPACE}{_INVISIBLE}]*")

_NAMES = {
    "\u00ad": "gạch nối mềm, soft hyphen", "\u200b": "dấu cách độ rộng 0, zero-width space",
    "\u200c": "zero-width non-joiner", "\u200d": "zero-width joiner",
    "\u200e": "dấu chiều trái sang phải, LRM", "\u200f": "dấu chiều phải sang trái, RLM",
    "\u2060": "word joiner", "\ufeff": "zero-width no-break space, BOM",
    "\u00a0": "dấu cách không ngắt, no-break space",
}


def char_name(ch: str) -> str:
    """A short name for an odd character, with its code point ("U+200B zero-width ...")."""
    name = _NAMES.get(ch) or unicodedata.name(ch, "").lower() or "ký tự điều khiển"
    return f"U+{ord(ch):04X} ({name})"


@dataclass
class Cleaned:
    """Text ready for the YAML parser and the way back to file positions.

    ``columns[line]`` (0-based line) lists, for each character of the cleaned line and one past
    its end, the 0-based column it came from; lines left unchanged have no entry.
    """

    text: str
    columns: dict[int, list[int]] = field(default_factory=dict)

    def position(self, line: int, col: int) -> tuple[int, int]:
        """The 1-based (line, column) in the file of 0-based ``line``/``col`` of the text."""
        mapping = self.columns.get(line)
        if mapping is None:
            return line + 1, col + 1
        return line + 1, mapping[min(max(col, 0), len(mapping) - 1)] + 1


def _nfc_with_map(chars: list[str], cols: list[int]) -> tuple[list[str], list[int]]:
    """NFC of ``chars``, each output character mapped to the column of its cluster's start."""
    out: list[str] = []
    out_cols: list[int] = []
    start = 0
    for i in range(1, len(chars) + 1):
        if i == len(chars) or unicodedata.combining(chars[i]) == 0:
            composed = unicodedata.normalize("NFC", "".join(chars[start:i]))
            out.extend(composed)
            out_cols.extend([cols[start]] * len(composed))
            start = i
    whole = unicodedata.normalize("NFC", "".join(chars))
    if "".join(out) != whole:  # composition across clusters (not Vietnamese): keep it simple
        out = list(whole)
        out_cols = [cols[min(i, len(cols) - 1)] for i in range(len(whole))]
    return out, out_cols


class _LineCleaner:
    def __init__(self, file: str, report: Reporter, quiet_soft_hyphen: frozenset[int]) -> None:
        self.file = file
        self.report = report
        self.quiet_soft_hyphen = quiet_soft_hyphen
        self.nfd_seen = False
        self.tab_lines: set[int] = set()

    def clean(self, number: int, line: str) -> tuple[str, list[int] | None]:
        if _SPECIAL.search(line) is None and unicodedata.is_normalized("NFC", line):
            return line, None
        indent_end = _INDENT.match(line).end()  # type: ignore[union-attr]
        chars: list[str] = []
        cols: list[int] = []
        for col, ch in enumerate(line):
            kept = self._check(number, col, ch, col < indent_end)
            if kept:
                chars.append(kept)
                cols.append(col)
        if not unicodedata.is_normalized("NFC", "".join(chars)):
            self._nfd(number, chars, cols)
            chars, cols = _nfc_with_map(chars, cols)
        cols.append(len(line))
        return "".join(chars), cols

    def _check(self, number: int, col: int, ch: str, in_indent: bool) -> str:
        """The replacement for ``ch`` ("" to drop it), reporting what needs reporting."""
        where = Span(self.file, number + 1, col + 1)
        if ch == "\t":
            if in_indent and number not in self.tab_lines:
                self.tab_lines.add(number)
                self.report.error(
                    "yaml.tab", where,
                    "Có ký tự Tab ở đầu dòng; YAML chỉ cho thụt lề bằng dấu cách.",
                    "Tab in indentation; indent YAML with spaces only.",
                    hint="Hãy thay Tab bằng dấu cách (thường là 2 dấu cách cho mỗi cấp).",
                    hint_en="Replace the tab with spaces (usually 2 per level).")
            return ch
        if _CONTROL_CHAR.match(ch):
            _control(self.report, where, ch)
            return " "
        if ch in _SEPARATOR:
            self.report.warning(
                "text.line-separator", where,
                f"Có ký tự ngắt dòng lạ {char_name(ch)}; đã thay bằng dấu cách.",
                f"Unusual line separator U+{ord(ch):04X} was replaced by a space.")
            return " "
        if _INVISIBLE_CHAR.match(ch):
            if not (ch == "\u00ad" and number in self.quiet_soft_hyphen) and (number or col):
                _invisible(self.report, where, ch)
            return ""
        if in_indent and ch != " " and re.match(f"[{_ODD_SPACE}]", ch):
            self.report.warning(
                "text.space-indent", where,
                f"Đầu dòng có {char_name(ch)}; đã thay bằng dấu cách thường.",
                f"Indentation holds U+{ord(ch):04X}; replaced by a plain space.")
            return " "
        return ch

    def _nfd(self, number: int, chars: list[str], cols: list[int]) -> None:
        if self.nfd_seen:
            return
        self.nfd_seen = True
        _nfd(self.report, Span(self.file, number + 1, cols[_first_nfd(chars)] + 1))


def _control(report: Reporter, where: Span, ch: str, escaped: bool = False) -> None:
    if escaped:
        hint = ("Hãy xóa mã thoát (phần bắt đầu bằng \"\\\") sinh ra ký tự này trong ngoặc kép; "
                "văn bản Word không chứa được ký tự đó.")
        hint_en = "Remove the escape (starting with \"\\\") that makes this character."
    else:
        hint = "Hãy xóa ký tự này (thường do dán từ tệp PDF hoặc phần mềm cũ)."
        hint_en = "Delete it (it usually comes from pasting out of a PDF or old software)."
    report.error(
        "text.control", where,
        f"Có ký tự {_what(ch)} U+{ord(ch):04X} không được phép trong văn bản.",
        f"{_what_en(ch)} U+{ord(ch):04X} is not allowed in a document.",
        hint=hint, hint_en=hint_en)


def _what(ch: str) -> str:
    """A control character, or one that is not a character at all (U+FFFE, a lone surrogate)."""
    return "điều khiển" if unicodedata.category(ch) == "Cc" else "không hợp lệ"


def _what_en(ch: str) -> str:
    return "Control character" if unicodedata.category(ch) == "Cc" else "Invalid character"


def _invisible(report: Reporter, where: Span, ch: str) -> None:
    report.warning(
        "text.invisible", where,
        f"Có ký tự ẩn {char_name(ch)}; đã bỏ ký tự này.",
        f"Invisible character U+{ord(ch):04X} was removed.")


def _nfd(report: Reporter, where: Span) -> None:
    report.warning(
        "text.nfd", where,
        "Văn bản có chữ ở dạng tổ hợp (Unicode NFD, dấu tách rời khỏi chữ); "
        "đã chuẩn hóa sang dạng dựng sẵn (NFC).",
        "Decomposed Unicode (NFD) was normalised to NFC.",
        hint="Nên chọn bảng mã \"Unicode dựng sẵn\" trong Unikey/EVKey khi gõ.",
        hint_en="Set the keyboard tool (Unikey/EVKey) to precomposed Unicode.")


def _first_nfd(chars: list[str]) -> int:
    """The index where the first cluster that NFC would change starts."""
    start = 0
    for i in range(1, len(chars) + 1):
        if i == len(chars) or unicodedata.combining(chars[i]) == 0:
            if not unicodedata.is_normalized("NFC", "".join(chars[start:i])):
                return start
            start = i
    return 0


def _first_mark(chars: list[str], start: int) -> int:
    """The first combining mark of the cluster at ``start`` (``start`` itself if it has none)."""
    mark = start + 1
    return mark if mark < len(chars) and unicodedata.combining(chars[mark]) else start


def clean_value(value: str, report: Reporter,
                locate: Callable[[list[int]], list[Span]]) -> str:
    """``value`` after the checks of :func:`clean`, for text YAML made from escapes.

    A double-quoted scalar can spell characters the file itself does not hold (``"\\x01"``,
    ``"\\u200b"``, ``"e\\u0301"``); they are found here with the same codes: control characters
    are errors (and replaced by a space), invisible ones are removed with a warning, decomposed
    text is normalised to NFC with a warning. ``locate`` turns indexes of ``value`` (in
    increasing order) into their file positions. Line separators and no-break spaces from
    escapes (``\\L``, ``\\_``) are what the clerk asked for and are kept.
    """
    if _VALUE_SPECIAL.search(value) is None and unicodedata.is_normalized("NFC", value):
        return value
    chars: list[str] = []
    kept: list[int] = []  # the index in value of each character of chars
    found: list[tuple[int, Callable[[Reporter, Span], None]]] = []
    for i, ch in enumerate(value):
        if _CONTROL_CHAR.match(ch):
            found.append((i, lambda r, w, ch=ch: _control(r, w, ch, escaped=True)))
            chars.append(" ")
            kept.append(i)
        elif _INVISIBLE_CHAR.match(ch):
            found.append((i, lambda r, w, ch=ch: _invisible(r, w, ch)))
        else:
            chars.append(ch)
            kept.append(i)
    text = "".join(chars)
    if not unicodedata.is_normalized("NFC", text):
        at = kept[_first_mark(chars, _first_nfd(chars))]
        found.append((at, _nfd))
        found.sort(key=lambda item: item[0])
        text = unicodedata.normalize("NFC", text)
    for (_, say), where in zip(found, locate([i for i, _ in found]), strict=True):
        say(report, where)
    return text


def clean(text: str, file: str, report: Reporter,
          quiet_soft_hyphen: frozenset[int] = frozenset()) -> Cleaned:
    """Check ``text`` (line breaks already ``\\n``) and return what the YAML parser should read.

    Problems go to ``report``; soft hyphens on the 0-based lines in ``quiet_soft_hyphen``
    (text in TCVN3, where that byte is the letter ư) are removed without a warning.
    """
    cleaner = _LineCleaner(file, report, quiet_soft_hyphen)
    lines = text.split("\n")
    columns: dict[int, list[int]] = {}
    for number, line in enumerate(lines):
        new, mapping = cleaner.clean(number, line)
        if mapping is not None:
            lines[number] = new
            columns[number] = mapping
    return Cleaned("\n".join(lines), columns)

"""The name vanban gives a changed block without an id ("Mục III, đoạn 1", "Kế hoạch kèm
theo, I.2, gạch đầu dòng thứ 2"), said in English for ``--lang en`` ("Section III, paragraph
1", "attached plan, I.2, bullet 2").

The Vietnamese name stays the key (the bảng so sánh, the JSON, the tracked DOCX use it); the
English one is only how ``vanban diff --lang en`` prints it, and a reasons file may use either
(``english_keys`` pairs them). Printed numbers ("II.3", "a") and ids ("tap-huan") are the same
in both languages.
"""

from __future__ import annotations

import re

ATTACHED_EN = {
    "kế hoạch": "plan", "chương trình": "programme", "đề án": "scheme", "dự án": "project",
    "phương án": "option paper", "quy chế": "regulation", "quy định": "rules",
    "hướng dẫn": "guidance", "báo cáo": "report", "văn bản": "document",
}
"""The type names of documents a decision issues, in English (others stay as printed)."""

_WORDS = (
    (re.compile(r"\bgạch đầu dòng thứ (\d+)"), r"bullet \1"),
    (re.compile(r"(?<![\w])dòng \+ thứ (\d+)"), r"sub-bullet \1"),
    (re.compile(r"(?<![\w])mở đầu (\d+)"), r"opening paragraph \1"),
    (re.compile(r"(?<![\w])phụ lục\b"), "appendix"),
    (re.compile(r"(?<![\w])đoạn (\d+)"), r"paragraph \1"),
    (re.compile(r"(?<![\w])bảng (\d+)"), r"table \1"),
    (re.compile(r"(?<![\w])Bảng\b"), "Table"),
    (re.compile(r"(?<![\w])dòng (\d+)"), r"row \1"),
    (re.compile(r"(?<![\w])khoản (\S+)"), r"clause \1"),
    (re.compile(r"(?<![\w])điểm (\S+)"), r"point \1"),
    (re.compile(r"(?<![\w])Điều (\d+)"), r"Article \1"),
    (re.compile(r"(?<![\w])Mục (\S+)"), r"Section \1"),
    (re.compile(r"(?<![\w])Phần (\S+)"), r"Part \1"),
    (re.compile(r"(?<![\w])Phụ lục\b"), "Appendix"),
    (re.compile(r"^trích yếu$"), "title"),
)
_ATTACHED = re.compile(r"^(\w+(?: \w+)?) kèm theo\b")


def _attached(match: re.Match) -> str:
    name = match.group(1)
    return f"attached {ATTACHED_EN.get(name.lower(), name)}"


def place_en(ref: str) -> str:
    """``ref`` (a changed block's key) with vanban's own Vietnamese words in English; an id or
    a printed number is returned as it is."""
    out = _ATTACHED.sub(_attached, ref)
    for pattern, english in _WORDS:
        out = pattern.sub(english, out)
    return out


def place(ref: str, lang: str) -> str:
    """``ref`` as ``vanban diff`` prints it in ``lang``."""
    return place_en(ref) if lang == "en" else ref


def english_keys(refs) -> dict[str, str]:
    """Each of ``refs`` by its English name, where that differs: a reasons file written from
    ``vanban diff --lang en`` names the blocks so."""
    return {english: ref for ref in refs if (english := place_en(ref)) != ref}

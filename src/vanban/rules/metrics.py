"""Text widths in Times New Roman (advance widths of the metric-compatible Liberation Serif).

Used to size horizontal rules relative to the text above them, without any font installed.
"""

from __future__ import annotations

import json
import unicodedata
from functools import lru_cache
from importlib import resources

_FALLBACK = "n"  # width used for a character the table does not know


@lru_cache(maxsize=1)
def _table() -> dict:
    data = resources.files("vanban.rules").joinpath("times_metrics.json").read_text("utf-8")
    return json.loads(data)


def _style(bold: bool, italic: bool) -> str:
    return ("bold" if bold else "") + ("italic" if italic else "") or "regular"


def text_width_pt(text: str, size_pt: float, *, bold: bool = False, italic: bool = False) -> float:
    """Width in points of ``text`` set on one line."""
    table = _table()
    widths = table["styles"][_style(bold, italic)]
    fallback = widths[_FALLBACK]
    units = 0
    for ch in unicodedata.normalize("NFC", text):
        units += widths.get(ch, fallback)
    return units * size_pt / table["units_per_em"]


def wrap(text: str, width_pt: float, size_pt: float, *, bold: bool = False,
         italic: bool = False) -> list[str]:
    """Greedy word wrap, as Word and LibreOffice break a centred line between words."""
    return _wrap_words(text.split(), width_pt, size_pt, bold=bold, italic=italic)


def _wrap_words(words: list[str], width_pt: float, size_pt: float, *, bold: bool = False,
                italic: bool = False) -> list[str]:
    """Greedy wrap of ``words`` (each kept whole on one line, spaces inside it included)."""
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if current and text_width_pt(candidate, size_pt, bold=bold, italic=italic) > width_pt:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def longest_line_pt(text: str, width_pt: float, size_pt: float, *, bold: bool = False,
                    italic: bool = False) -> float:
    """Width of the longest line ``text`` wraps into within ``width_pt``."""
    lines = []
    for para in text.split("\n"):
        lines.extend(wrap(para, width_pt, size_pt, bold=bold, italic=italic))
    return max((text_width_pt(ln, size_pt, bold=bold, italic=italic) for ln in lines), default=0.0)


GLUED = frozenset({"ngày", "số", "năm", "tháng", "quý", "giai", "đoạn", "điều", "khoản"})
"""Words a clerk never leaves at the end of a line, apart from what follows them: "ngày
15/01/2026", "số 12/KH-UBND", "năm 2026", "giai đoạn 2021-2025"."""


COMPOUNDS = frozenset("""
ban hành|thực hiện|triển khai|kế hoạch|công tác|hòa giải|hoà giải|cơ sở|pháp luật|phổ biến|giáo dục
tuyên truyền|địa bàn|nhân dân|ủy ban|uỷ ban|tập huấn|nghiệp vụ|năng lực|đội ngũ|kiện toàn|củng cố
nâng cao|tổ chức|đề án|quyết định|báo cáo|kết quả|tiếp cận|trợ giúp|pháp lý|hành chính|cải cách
thông tin|truyền thông|cán bộ|công chức|viên chức|thành phố|thị xã|thị trấn|hướng dẫn|chỉ đạo
kiểm tra|giám sát|đánh giá|tổng kết|sơ kết|chương trình|nhiệm vụ|giải pháp|tăng cường|hiệu quả
chất lượng|xây dựng|phát triển|quản lý|an toàn|trật tự|xã hội|mặt trận|tổ quốc|việt nam|đoàn thể
hội nghị|hội thi|bồi dưỡng|tài liệu|thi hành|văn bản|quy phạm|chuyển đổi|hộ tịch|chứng thực
""".replace("\n", "|").strip("|").split("|"))
"""Two-syllable words common in titles, never split across lines ("thực / hiện")."""


def _phrases(text: str) -> list[str]:
    """The words of ``text`` grouped as a line may not part them: a two-syllable word of
    ``COMPOUNDS`` stays whole, and a word of ``GLUED`` stays with the one after it."""
    out: list[str] = []
    glue = False
    for word in text.split():
        last = out[-1].rsplit(" ", 1)[-1] if out else ""
        pair = f"{last} {word}".casefold().strip("“”\"',.;:()")
        if out and (glue or pair in COMPOUNDS):
            out[-1] += " " + word
        else:
            out.append(word)
        glue = word.casefold() in GLUED
    return out


BREAK_BEFORE = frozenset({"của", "về", "trên", "cho", "tại", "theo", "trong", "đối", "với",
                          "và", "giai", "năm", "ngày", "nhằm", "để", "giữa"})
"""Words a line reads well starting with (a clerk breaks a title before them)."""


def balanced(text: str, width_pt: float, size_pt: float, count: int, *,
             bold: bool = False) -> list[str]:
    """``text`` in ``count`` lines, each within ``width_pt``, as even as the words allow and
    broken before a word such as "của", "về", "trên" where that costs little evenness (a date,
    a number or a year stays with the word before it). Fewer lines when the words cannot make
    ``count``."""
    words = _phrases(text)
    n = len(words)
    if n == 0:
        return []
    widths = {}

    def width(i: int, j: int) -> float:
        if (i, j) not in widths:
            widths[i, j] = text_width_pt(" ".join(words[i:j]), size_pt, bold=bold)
        return widths[i, j]

    mean = width(0, n) / count
    penalty = (0.12 * width_pt) ** 2  # a break before an ordinary word
    inf = float("inf")
    # best[k][j]: the least cost of the first j words in k lines, and where the last began
    best = [[(inf, 0)] * (n + 1) for _ in range(count + 1)]
    best[0][0] = (0.0, 0)
    for k in range(1, count + 1):
        for j in range(1, n + 1):
            for i in range(j - 1, -1, -1):
                w = width(i, j)
                if w > width_pt:
                    break
                before = best[k - 1][i][0]
                if before == inf:
                    continue
                cost = before + (w - mean) ** 2
                if i > 0 and words[i].split()[0].casefold() not in BREAK_BEFORE:
                    cost += penalty
                if cost < best[k][j][0]:
                    best[k][j] = (cost, i)
    k = count
    while k > 1 and best[k][n][0] == inf:
        k -= 1
    if best[k][n][0] == inf:
        return _wrap_words(words, width_pt, size_pt, bold=bold)
    lines, j = [], n
    for level in range(k, 0, -1):
        i = best[level][j][1]
        lines.append(" ".join(words[i:j]))
        j = i
    return lines[::-1]


SHORT_LAST_LINE = 0.25
"""A last line narrower than this share of the width stands out under full lines."""
EVEN_MAX_LINES = 5
"""Titles of more lines are not evened (nor a pasted page of text made to cost seconds)."""


def even_lines(text: str, width_pt: float, size_pt: float, *, bold: bool = False
               ) -> list[str] | None:
    """When ``text`` wraps leaving a short last line (a word or two under full lines), the
    same number of lines made even; None when it wraps well as it is."""
    lines = wrap(text, width_pt, size_pt, bold=bold)
    if not 2 <= len(lines) <= EVEN_MAX_LINES or text_width_pt(lines[-1], size_pt, bold=bold) >= (
            SHORT_LAST_LINE * width_pt):
        return None
    even = balanced(text, width_pt, size_pt, len(lines), bold=bold)
    return even if len(even) == len(lines) else None

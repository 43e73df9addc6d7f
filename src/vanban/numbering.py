"""Heading numbers as text: a pure function of a block's position in the document tree.

Sections are Roman ("I."), items inside them Arabic ("1."), then "1.1.", then letters ("a)"),
in the decree's alphabet (a, b, c, d, đ, e, g …). Numbers are computed, never typed: inserting a
block renumbers everything after it.
"""

from __future__ import annotations

from vanban.rules.nd30 import diem_letter, roman

MAX_DEPTH = 3


def part_label(n: int) -> str:
    """1 → "Phần I"."""
    return f"Phần {roman(n)}"


def section_label(n: int) -> str:
    """1 → "I."."""
    return f"{roman(n)}."


def item_label(path: tuple[int, ...]) -> str:
    """(2,) → "2.", (1, 3) → "1.3.", (1, 3, 5) → "đ)"; ``path`` is 1-based within a section."""
    if not 1 <= len(path) <= MAX_DEPTH:
        raise ValueError(f"numbering depth {len(path)} is outside 1..{MAX_DEPTH}")
    if len(path) == 3:
        return f"{diem_letter(path[2])})"
    return ".".join(str(n) for n in path) + "."


ARTICLE_DEPTH = 2


def article_label(n: int) -> str:
    """1 → "Điều 1."."""
    return f"Điều {n}."


def article_item_label(path: tuple[int, ...]) -> str:
    """Inside an article: (2,) → "2." (khoản), (2, 1) → "a)" (điểm); restarting in each Điều."""
    if not 1 <= len(path) <= ARTICLE_DEPTH:
        raise ValueError(f"numbering depth {len(path)} is outside 1..{ARTICLE_DEPTH}")
    return f"{path[0]}." if len(path) == 1 else f"{diem_letter(path[1])})"


def appendix_label(n: int, count: int) -> str:
    """"Phụ lục" alone for a single appendix; "Phụ lục I", "Phụ lục II" when there are several."""
    return "Phụ lục" if count == 1 else f"Phụ lục {roman(n)}"

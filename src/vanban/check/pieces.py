"""The pieces of text the locator works with: a span of a paragraph, and how a line is split
and recognised (rules typed as underscores, "(Kèm theo …)" lines)."""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass

from vanban.ooxml.reader import ParaFacts
from vanban.rules import nd30


@dataclass(frozen=True)
class Piece:
    """A span of one paragraph's text: ``text == paragraphs[para].text[start:end]``."""

    para: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Appendix:
    """An appendix: its 'Phụ lục …' label, title lines, '(Kèm theo …)' line and section."""

    label: Piece
    title: tuple[Piece, ...]
    ref: Piece | None
    section: int


def norm(text: str) -> str:
    """NFC, whitespace collapsed, stripped."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def letters(text: str) -> str:
    """``text`` without its tone and letter marks, whitespace collapsed ("Độc lâp" → "Doc lap"):
    a line typed with a mark wrong is still found where it stands, and reported there."""
    bare = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return " ".join("".join(ch for ch in bare if not unicodedata.combining(ch)).split())


def is_rule_text(text: str) -> bool:
    """A line drawn with underscores or dashes."""
    t = text.strip()
    return len(t) >= 3 and set(t) <= nd30.RULE_CHARS


# Where a header typed with spaces instead of a table or tabs splits: before the national name,
# the motto, the number or a place-and-date.
_SPACE_SPLIT = re.compile(r" {3,}(?=CỘNG HÒA|CỘNG HOÀ|Độc lập|Số\s*:|[^\s,][^,]{0,30}, ngày)")


def segments(p: ParaFacts) -> list[Piece]:
    """The non-blank segments of a paragraph split at tabs, line breaks, and the wide gaps of a
    header typed with spaces."""
    out = []
    for m in re.finditer(r"[^\t\n]+", p.text):
        pos = m.start()
        chunk = m.group()
        # Only a short line with a wide gap can be a header typed with spaces (cheap test
        # first: the split pattern backtracks on long paragraphs full of spaces).
        gaps = () if "   " not in chunk or len(chunk) > 240 else \
            (g.end() for g in _SPACE_SPLIT.finditer(chunk))
        cuts = [0, *gaps, len(chunk)]
        for a, b in itertools.pairwise(cuts):
            part = chunk[a:b]
            body = part.strip()
            if body:
                lead = len(part) - len(part.lstrip())
                out.append(Piece(p.index, pos + a + lead, pos + a + lead + len(body), body))
    return out


def is_attached_ref(text: str) -> bool:
    """A "(Kèm theo …)", "(Ban hành kèm theo …)", "(Phê duyệt kèm theo …)" line."""
    t = norm(text)
    return t.startswith(nd30.ATTACHED_REF_PREFIXES) or bool(nd30.ATTACHED_REF_PATTERN.match(t))


def whole(p: ParaFacts) -> Piece:
    """The paragraph's text without its leading and trailing blanks, as a Piece."""
    text = p.text.strip()
    start = p.text.index(text) if text else 0
    return Piece(p.index, start, start + len(text), text)

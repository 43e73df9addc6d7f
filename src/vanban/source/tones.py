"""The five Vietnamese tone marks, and one key for the old and the new way of placing them
("hoá"/"hóa", "thuỷ"/"thủy", "hoà"/"hòa" are one word). Light on purpose: the checker's start-up
imports it."""

from __future__ import annotations

import re
import unicodedata

TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
"""The five tone marks (huyền, sắc, ngã, hỏi, nặng) as combining characters."""

_SYLLABLE = re.compile(r"\w+|\W+")


def tone_key(text: str) -> str:
    """``text`` in NFC with each syllable's tone mark moved to its end: the old and the new
    placement of one word ("hoá"/"hóa", "thuỷ"/"thủy", "hoà"/"hòa") give the same key."""
    out = []
    for part in _SYLLABLE.findall(unicodedata.normalize("NFC", text)):
        decomposed = unicodedata.normalize("NFD", part)
        tones = "".join(ch for ch in decomposed if ch in TONES)
        base = "".join(ch for ch in decomposed if ch not in TONES)
        out.append(unicodedata.normalize("NFC", base) + tones)
    return "".join(out)

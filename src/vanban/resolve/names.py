"""How a clerk's spelling of a name is compared with the registry's when it matches no name
exactly: without diacritics or case ("So Tu phap" is "Sở Tư pháp"), and with the common
abbreviations written out ("UBND tỉnh Hà Tĩnh" is "Ủy ban nhân dân tỉnh Hà Tĩnh").

Only for suggestions: a name is resolved by its exact spelling, so that what prints is what
the registry says."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from vanban.source.tones import tone_key  # noqa: F401  (re-exported)

# Abbreviations in units' names, each with the words it stands for (Phụ lục II uses both).
ABBREVIATIONS = {
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "MTTQ": "Mặt trận Tổ quốc",
}
_ABBREVIATION = re.compile(r"\b(" + "|".join(ABBREVIATIONS) + r")\b")


def fold(text: str) -> str:
    """``text`` without diacritics, case or repeated spaces: "Sở  Tư pháp" → "so tu phap"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def key(text: str) -> str:
    """The form two spellings of one name share: abbreviations written out, then folded."""
    return fold(_ABBREVIATION.sub(lambda m: ABBREVIATIONS[m.group(1)], text))


def closest(ref: str, names: Iterable[str], *, cutoff: float = 0.75, n: int = 2) -> list[str]:
    """The names closest to ``ref``: those equal to it once folded and abbreviations written out,
    else those close to it in that form."""
    keyed: dict[str, list[str]] = {}
    for name in names:
        keyed.setdefault(key(name), []).append(name)
    wanted = key(ref)
    if wanted in keyed:
        return keyed[wanted][:n]
    import difflib  # only to suggest a name: not paid by a plan without errors
    close = difflib.get_close_matches(wanted, list(keyed), n=n, cutoff=cutoff)
    return [keyed[c][0] for c in close]

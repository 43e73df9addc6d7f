"""Word-level comparison of two printed texts, on syllable tokens.

Texts are compared after NFC and with the tone mark taken off its vowel (``hòa`` and ``hoà``
are one word written two ways, not a change). A diff is a list of segments whose old parts
concatenate to the old text and whose new parts concatenate to the new text, exactly, so the
same segments serve the report, the comparison table and the tracked-changes document.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass

from vanban.resolve.names import tone_key

# A number is one word: "3.099" (thousands grouped by "."), "84,1" (decimal comma), so that a
# changed figure reads "3.099 → 3.104", not "3.[-099-]{+104+}".
_TOKEN = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?(?!\d)|\d+,\d+|\w+|\s+|[^\w\s]")


@functools.lru_cache(maxsize=1 << 16)
def word_key(word: str) -> str:
    """The comparison key of one token: NFC, the tone mark moved to the end of the syllable
    (the registry's ``tone_key``), any run of white space one space."""
    if word.isspace():
        return " "
    return tone_key(word)


@functools.lru_cache(maxsize=1 << 14)
def text_key(text: str) -> str:
    """The comparison key of a whole text (what "no change" means for wording)."""
    return "".join(word_key(t) for t in tokens(text.strip()))


def tokens(text: str) -> list[str]:
    """Syllables, runs of white space and single punctuation marks, covering ``text`` exactly."""
    return _TOKEN.findall(unicodedata.normalize("NFC", text))


@dataclass(frozen=True)
class Segment:
    """A piece of a diff: ``op`` is "equal", "delete", "insert" or "replace"."""

    op: str
    old: str
    new: str


def diff_words(old: str, new: str) -> tuple[Segment, ...]:
    """The segments that turn ``old`` into ``new``, word by word."""
    a, b = tokens(old), tokens(new)
    matcher = difflib.SequenceMatcher(None, [word_key(t) for t in a], [word_key(t) for t in b],
                                      autojunk=False)
    raw: list[Segment] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        raw.append(Segment(op, "".join(a[i1:i2]), "".join(b[j1:j2])))
    return _tidy(raw)


def _tidy(segments: list[Segment]) -> tuple[Segment, ...]:
    """Fold a lone space or punctuation mark between two changes into the change, so that a
    reader sees "đội ngũ hòa giải viên" → "tổ hòa giải" as one replacement, not three."""
    out: list[Segment] = []
    for seg in segments:
        if (seg.op == "equal" and len(out) >= 1 and out[-1].op != "equal"
                and _bridge(seg.old) and seg is not segments[-1]):
            prev = out.pop()
            out.append(Segment("replace", prev.old + seg.old, prev.new + seg.new))
            continue
        if out and out[-1].op != "equal" and seg.op != "equal":
            prev = out.pop()
            out.append(Segment("replace", prev.old + seg.old, prev.new + seg.new))
            continue
        out.append(seg)
    return tuple(_trim(s) for s in out)


def _bridge(text: str) -> bool:
    """A piece of unchanged text short enough to read as part of the changes around it:
    white space, a comma, or one word ("đảm bảo" → "bảo đảm" is one replacement)."""
    words = [t for t in tokens(text) if not t.isspace()]
    return len(words) <= 1 and len(text) <= 12


def _trim(seg: Segment) -> Segment:
    if seg.op == "replace" and not seg.old:
        return Segment("insert", "", seg.new)
    if seg.op == "replace" and not seg.new:
        return Segment("delete", seg.old, "")
    return seg


def similarity(old: str, new: str) -> float:
    """How much of two texts is the same wording (0…1), on word keys."""
    a = [word_key(t) for t in tokens(old) if not t.isspace()]
    b = [word_key(t) for t in tokens(new) if not t.isspace()]
    if not a and not b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()

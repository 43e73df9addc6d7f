"""How much a piece of text looks like Vietnamese: the yardstick for guessing encodings.

A Vietnamese word is a run of syllables, each an optional initial consonant, a vowel group, an
optional final consonant and at most one tone mark. Text decoded with the wrong table breaks
that shape ("nh©n", "nhaân", "NhÂn"), so counting well-formed syllables tells the right reading
from the wrong ones.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from vanban.source.tones import TONES

_ONSET = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx]"
# Vowel groups that end in a glide (or are ia/ua/ưa) close the syllable: no final consonant.
_OPEN = ["iêu", "yêu", "ươi", "ươu", "uôi", "oai", "oay", "oeo", "uây", "uya", "uyu", "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui", "ưa", "ưi", "ưu"]
_CLOSABLE = ["uyê", "iê", "oa", "oă", "oe", "oo", "uâ", "uê", "uô", "uơ", "uy", "ươ", "yê", "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
_CODA = "ch|ng|nh|[cmnpt]"
_SYLLABLE = re.compile(
    f"(?:{_ONSET})?(?:(?:{'|'.join(_OPEN)})|(?:{'|'.join(_CLOSABLE)})(?:{_CODA})?)")
# Words are split at ASCII spaces, digits and punctuation only: the Latin-1 symbols that
# legacy encodings use for letters ("©", "«", "¸") must stay inside their word.
_SPLIT = re.compile(r"[\s0-9!-/:-@\[-`{-~\u2018-\u201e\u2026]+")


def word_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) character offsets of the words of ``text``, as :func:`score` splits it."""
    spans = []
    start = 0
    for gap in _SPLIT.finditer(text):
        if gap.start() > start:
            spans.append((start, gap.start()))
        start = gap.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def is_syllable(word: str) -> bool:
    """Whether ``word`` is one well-formed Vietnamese syllable (any case, at most one tone)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(c in TONES for c in decomposed) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
    return _SYLLABLE.fullmatch(bare) is not None


@dataclass(frozen=True)
class Score:
    """Counts of words with non-ASCII letters that are / are not well-formed syllables."""

    valid: int
    invalid: int

    @property
    def value(self) -> int:
        """Valid minus invalid: higher means more Vietnamese-looking."""
        return self.valid - self.invalid


def score(text: str, *, only: str | None = None) -> Score:
    """Score the words of ``text`` that hold a non-ASCII character.

    With ``only``, the words are taken from ``only`` (a reading of the same text before
    conversion) so that every candidate reading is judged on the same words.
    """
    words = _SPLIT.split(text)
    basis = _SPLIT.split(only) if only is not None else words
    valid = invalid = 0
    if len(basis) != len(words):
        basis = words
    for word, original in zip(words, basis):
        if not word or original.isascii():
            continue
        if is_syllable(word):
            valid += 1
        else:
            invalid += 1
    return Score(valid, invalid)

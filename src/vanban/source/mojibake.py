"""Find words typed in a legacy font and pasted into Unicode text, and convert just those words.

A clerk who copies one sentence out of an old ``.VnTime`` or ``VNI-Times`` document gets its
bytes as Latin-1 characters in the middle of normal Unicode text:
"Uû ban nh©n d©n tØnh Triển khai …" holds the TCVN3 run "Uû ban nh©n d©n tØnh" (for
"Uỷ ban nhân dân tỉnh"). Each word of a line is judged twice, as it stands and read as TCVN3
or VNI (:mod:`vanban.source.legacy`), with the syllable yardstick of
:mod:`vanban.source.syllables`:

- *strong*: not a Vietnamese syllable as it stands, one when read ("nh©n" → "nhân");
- *both*: a syllable either way ("Bé" → "Bộ", "có" → "cú");
- *odd*: changed by the reading but a syllable neither way ("Q§" → "QĐ", "Café");
- *plain*: unchanged by the reading (ASCII words, most Unicode Vietnamese under VNI);
- *unicode*: a syllable only as it stands, or holding a character no legacy byte makes
  ("Tây" → "Tõy", "Triển").

A run is the stretch from the first to the last strong or odd word between two unicode words;
it counts when it holds more strong words with an ASCII letter than odd words, and two of them
or one that looks broken ("nh©n", "tØnh"; never a lone "©", "×" or "µm", nor the German "daß"
that TCVN3 would read as "daò"). Words that read well both ways join a run at
its edge only when they touch it (spaces only between) and nothing on that side of the line is
unicode: "- Bé T\\xad ph¸p" is all TCVN3 ("Bộ Tư pháp"), but in "Kế hoạch có tuyªn truyÒn" the
"có" stays as typed. (A Unicode word that reads well both ways and starts a line right before
pasted words, "Phòng T\\xad ph¸p", is converted with them: the words alone cannot tell.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from vanban.source import legacy
from vanban.source.syllables import _SPLIT as _SPLIT_WORDS
from vanban.source.syllables import is_syllable, word_spans

TCVN3, VNI = "tcvn3", "vni"
CONVERTERS: dict[str, Callable[[str], str]] = {
    TCVN3: legacy.tcvn3_to_unicode, VNI: legacy.vni_to_unicode}

# Characters that some legacy reading changes: a line without any has no mojibake.
_LEGACY_CHARS = frozenset(legacy.TCVN3_DECODE) | frozenset(
    ch for chars in legacy.VNI_DECODE for ch in chars if not ch.isascii())
_STRONG, _BOTH, _ODD, _PLAIN, _UNICODE = "strong", "both", "odd", "plain", "unicode"


@dataclass(frozen=True)
class Run:
    """Adjacent legacy-font words of one line: 0-based character offsets ``start``–``end``,
    the text as it stands and as read in the line's legacy encoding."""

    start: int
    end: int
    text: str
    converted: str


@dataclass(frozen=True)
class Found:
    """The legacy encoding (``tcvn3`` or ``vni``) of a line's pasted words, and their runs."""

    encoding: str
    runs: tuple[Run, ...]

    @property
    def col(self) -> int:
        """The 0-based column of the first legacy-font word."""
        return self.runs[0].start

    def fix(self, line: str) -> str:
        """``line`` with each run replaced by its Unicode reading."""
        for run in reversed(self.runs):
            line = line[:run.start] + run.converted + line[run.end:]
        return line


def _could_be_legacy(word: str) -> bool:
    """Whether every character of ``word`` is one a legacy byte can turn into (≤ U+00FF or a
    Windows-1252 symbol)."""
    for ch in word:
        if ord(ch) > 0xFF:
            try:
                ch.encode("cp1252")
            except UnicodeEncodeError:
                return False
    return True


@lru_cache(maxsize=65536)
def _kind(word: str, encoding: str) -> str:
    """How ``word`` reads as it stands and in ``encoding`` (cached: a plan repeats its words)."""
    if word.isascii():  # every legacy reading leaves ASCII as it is (a third of a plan's words)
        return _PLAIN
    if not _could_be_legacy(word):
        return _UNICODE
    read = CONVERTERS[encoding](word)
    if read == word:
        return _PLAIN
    as_is, as_read = is_syllable(word) and not _mixed_case(word), is_syllable(read)
    if as_read:
        return _BOTH if as_is else _STRONG
    return _UNICODE if as_is else _ODD


def _is_evidence(word: str) -> bool:
    """Whether a strong word has an ASCII letter: lone symbols ("©", "×", "½") read as
    one-letter syllables, but prove nothing by themselves."""
    return any(c.isascii() and c.isalpha() for c in word)


def _mixed_case(word: str) -> bool:
    """Whether a non-ASCII capital follows a small letter ("kÕ", "trÝ", "liÖu": TCVN3 writes
    small toned letters with the bytes of Latin-1 capitals)."""
    return any(c.isupper() and not c.isascii() and prev.islower()
               for prev, c in zip(" " + word[:-1], word, strict=True))


def _looks_broken(word: str) -> bool:
    """Whether ``word`` holds what no language writes inside a word: a symbol ("nh©n", "T\xad")
    or a capital after a small letter ("tØnh", "luËt")."""
    return _mixed_case(word) or not all(c.isalpha() for c in word)


def _counts(words: list[str], kinds: list[str]) -> bool:
    strong = [w for w, k in zip(words, kinds, strict=True) if k == _STRONG and _is_evidence(w)]
    if len(strong) <= kinds.count(_ODD):
        return False
    # One word alone must look broken, unlike "daß", "può" or "µm" (TCVN3 "daò", VNI "puị").
    return len(strong) >= 2 or _looks_broken(strong[0])


def _joins(line: str, spans: list[tuple[int, int]], kinds: list[str], k: int, near: int) -> bool:
    """Whether word ``k``, next to word ``near`` of a run with only spaces between, joins it."""
    gap = line[spans[min(k, near)][1]:spans[max(k, near)][0]]
    return kinds[k] == _BOTH and gap.isspace()


def _runs(line: str, encoding: str) -> tuple[list[Run], int]:
    """The runs of ``line`` read as ``encoding``, and how many strong words they hold."""
    convert = CONVERTERS[encoding]
    spans = word_spans(line)
    words = [line[a:b] for a, b in spans]
    kinds = [_kind(w, encoding) for w in words]
    runs: list[Run] = []
    strong = 0
    bounds = [k for k, kind in enumerate(kinds) if kind == _UNICODE]
    seg_start = 0
    for seg_end in [*bounds, len(words)]:
        core = [k for k in range(seg_start, seg_end) if kinds[k] in (_STRONG, _ODD)]
        if core and _counts(words[core[0]:core[-1] + 1], kinds[core[0]:core[-1] + 1]):
            first, last = core[0], core[-1]
            # Words that read well both ways, just before or after the run, join it when
            # nothing unicode is on that side of the line ("- Bé T\xad ph¸p").
            if seg_start == 0:
                while first > 0 and _joins(line, spans, kinds, first - 1, first):
                    first -= 1
            if seg_end == len(words):
                while last < len(words) - 1 and _joins(line, spans, kinds, last + 1, last):
                    last += 1
            start, end = spans[first][0], spans[last][1]
            runs.append(Run(start, end, line[start:end], convert(line[start:end])))
            strong += kinds[first:last + 1].count(_STRONG)
        seg_start = seg_end + 1
    return runs, strong


def find(line: str, encodings: Iterable[str] = (TCVN3, VNI)) -> Found | None:
    """The legacy-font words of ``line`` in the encoding (of ``encodings``, TCVN3 first on a
    tie) that explains the most of them, or None."""
    if line.isascii() or _LEGACY_CHARS.isdisjoint(line):
        return None
    best: Found | None = None
    best_strong = 0
    for encoding in encodings:
        runs, strong = _runs(line, encoding)
        if runs and strong > best_strong:
            best, best_strong = Found(encoding, tuple(runs)), strong
    return best


def find_all(text: str, encodings: Iterable[str] = (TCVN3, VNI)) -> dict[int, Found]:
    """The lines (0-based) of ``text`` holding legacy-font words, with what :func:`find` says."""
    names = tuple(encodings)
    found: dict[int, Found] = {}
    # A run needs a word that reads better in a legacy encoding than as it stands: when no
    # word of the whole text does, no line can hold one (the common case, checked once per word).
    words = set(_SPLIT_WORDS.split(text))
    if not any(_kind(w, e) in (_STRONG, _ODD) for w in words if w for e in names):
        return found
    for number, line in enumerate(text.split("\n")):
        hit = find(line, names)
        if hit is not None:
            found[number] = hit
    return found


def fix(text: str, encodings: Iterable[str] = (TCVN3, VNI)) -> str:
    """``text`` with the legacy-font words of every line converted, the rest left as it is."""
    found = find_all(text, encodings)
    if not found:
        return text
    lines = text.split("\n")
    for number, hit in found.items():
        lines[number] = hit.fix(lines[number])
    return "\n".join(lines)

"""Guess how a plan file's bytes encode Vietnamese, and convert any of them to Unicode.

Handles UTF-8 (with or without BOM), UTF-16 (with or without BOM), Windows-1258, and the legacy
8-bit encodings TCVN3 (ABC) and VNI, as whole files and as "mojibake": lines of a UTF-8 file
holding words that were typed in a legacy font and pasted as Unicode ("Uû ban nh©n d©n"),
found by :mod:`vanban.source.mojibake`.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass, field

from vanban.source import legacy, mojibake
from vanban.source.mojibake import TCVN3, VNI
from vanban.source.syllables import Score, score

# Encoding names used by EncodingGuess and accepted by fix_encoding(source=...).
UTF8, UTF8_BOM, UTF16LE, UTF16BE = "utf-8", "utf-8-sig", "utf-16-le", "utf-16-be"
CP1258, UNKNOWN = "cp1258", "unknown"

LABELS = {
    UTF8: "UTF-8", UTF8_BOM: "UTF-8 (có BOM)", UTF16LE: "UTF-16", UTF16BE: "UTF-16",
    TCVN3: "TCVN3 (ABC, phông .VnTime)", VNI: "VNI (phông VNI-Times)",
    CP1258: "Windows-1258", UNKNOWN: "không rõ",
}
LABELS_EN = {**LABELS, UTF8_BOM: "UTF-8 (with BOM)", TCVN3: "TCVN3 (ABC, the .VnTime fonts)",
             VNI: "VNI (the VNI-Times fonts)", UNKNOWN: "unknown"}
_ALIASES = {
    "utf8": UTF8, "utf-8": UTF8, "utf-8-sig": UTF8_BOM, "utf-16": UTF16LE, "utf16": UTF16LE,
    "utf-16-le": UTF16LE, "utf-16le": UTF16LE, "utf-16-be": UTF16BE, "utf-16be": UTF16BE,
    "tcvn3": TCVN3, "abc": TCVN3, "tcvn": TCVN3, "vni": VNI, "vni-windows": VNI,
    "cp1258": CP1258, "windows-1258": CP1258, "1258": CP1258,
}
# Bytes examined when guessing a whole file's encoding (the guess needs a sample, not all).
_SAMPLE = 256 * 1024


@dataclass(frozen=True)
class EncodingGuess:
    """The likely encoding of some bytes, and where the evidence starts.

    ``encoding`` is one of ``utf-8``, ``utf-8-sig``, ``utf-16-le``, ``utf-16-be``, ``cp1258``,
    ``tcvn3``, ``vni`` or ``unknown``. For UTF-8 text, ``mojibake`` names the legacy encoding
    of pasted text found in it (``tcvn3`` or ``vni``) and ``mojibake_lines`` lists those lines
    (1-based). ``line``/``col`` (1-based, 0 if none) locate the first byte that is not UTF-8,
    or the first mojibake character.
    """

    encoding: str
    confidence: float = 1.0
    mojibake: str | None = None
    mojibake_lines: tuple[int, ...] = field(default=())
    line: int = 0
    col: int = 0

    @property
    def label(self) -> str:
        """The encoding's name as shown to users ("TCVN3 (ABC, phông .VnTime)")."""
        return LABELS.get(self.encoding, self.encoding)

    @property
    def is_utf8(self) -> bool:
        """Whether the bytes decode as UTF-8 (possibly still holding mojibake)."""
        return self.encoding in (UTF8, UTF8_BOM)

    def describe(self, source: str | None = None) -> tuple[str, str]:
        """What :func:`fix_encoding` with ``source`` reads these bytes as, in Vietnamese and in
        English: "UTF-8, có các dòng gõ bằng TCVN3 đã được chuyển" / "utf-8, tcvn3 lines
        converted" when pasted legacy-font words were converted."""
        forced = _ALIASES.get(source.lower()) if source else None
        if self.is_utf8 and self.mojibake and forced in (None, TCVN3, VNI):
            legacy_name = forced or self.mojibake
            return (f"{self.label}, có các dòng gõ bằng {legacy_name.upper()} đã được chuyển",
                    f"{self.encoding}, {legacy_name} lines converted")
        if forced and not (self.is_utf8 and forced in (TCVN3, VNI)):
            return LABELS.get(forced, forced), forced
        return self.label, self.encoding


def char_view(raw: bytes) -> str:
    """Each byte as the character Windows shows for it (Windows-1252, Latin-1 where undefined)."""
    return raw.decode("cp1252", errors="latin1_fallback")


def _latin1_fallback(exc: UnicodeError) -> tuple[str, int]:
    assert isinstance(exc, UnicodeDecodeError)
    return exc.object[exc.start:exc.end].decode("latin-1"), exc.end


codecs.register_error("latin1_fallback", _latin1_fallback)


def _utf16_without_bom(raw: bytes) -> str | None:
    sample = raw[: 8192 - (min(len(raw), 8192) % 2)]
    if len(sample) < 4 or len(raw) % 2:
        return None
    pairs = len(sample) // 2
    zero_even = sample[0::2].count(0) / pairs
    zero_odd = sample[1::2].count(0) / pairs
    if zero_odd > 0.3 and zero_even < 0.05:
        return UTF16LE
    if zero_even > 0.3 and zero_odd < 0.05:
        return UTF16BE
    return None


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    col = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return raw.count(b"\n", 0, offset) + 1, col


def _legacy_readings(view: str) -> dict[str, str]:
    return {TCVN3: legacy.tcvn3_to_unicode(view), VNI: legacy.vni_to_unicode(view)}


def _best(readings: dict[str, str], basis: str) -> tuple[str, Score] | None:
    scored = {name: score(text, only=basis) for name, text in readings.items()}
    name = max(scored, key=lambda n: (scored[n].value, -list(scored).index(n)))
    return (name, scored[name]) if scored[name].valid else None


def mojibake_lines(text: str, encodings: tuple[str, ...] = (TCVN3, VNI)) -> dict[int, str]:
    """The lines (0-based) of Unicode ``text`` that hold pasted legacy-font words, each with
    their likely encoding (``tcvn3`` or ``vni``); see :mod:`vanban.source.mojibake`."""
    return {number: hit.encoding for number, hit in mojibake.find_all(text, encodings).items()}


def _majority(found: dict[int, mojibake.Found]) -> str | None:
    names = [hit.encoding for hit in found.values()]
    return max(names, key=names.count) if names else None


def detect(raw: bytes) -> EncodingGuess:
    """The likely encoding of ``raw`` (a whole plan file)."""
    if raw.startswith(codecs.BOM_UTF8):
        encoding = UTF8_BOM
    elif raw.startswith(codecs.BOM_UTF16_LE):
        return EncodingGuess(UTF16LE)
    elif raw.startswith(codecs.BOM_UTF16_BE):
        return EncodingGuess(UTF16BE)
    else:
        encoding = UTF8
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        utf16 = _utf16_without_bom(raw)
        if utf16:
            return EncodingGuess(utf16, 0.9)
        line, col = _position(raw, exc.start)
        return _guess_8bit(raw[:_SAMPLE], line, col)
    if "\x00" in text[:4096]:
        utf16 = _utf16_without_bom(raw)
        if utf16:
            return EncodingGuess(utf16, 0.9)
    found = mojibake.find_all(text)
    if not found:
        return EncodingGuess(encoding)
    first = min(found)
    return EncodingGuess(encoding, 1.0, _majority(found), tuple(n + 1 for n in sorted(found)),
                         first + 1, found[first].col + 1)


def _guess_8bit(sample: bytes, line: int, col: int) -> EncodingGuess:
    view = char_view(sample)
    readings = _legacy_readings(view)
    readings[CP1258] = unicodedata.normalize("NFC", sample.decode("cp1258", errors="replace"))
    best = _best(readings, view)
    if best is None:
        return EncodingGuess(UNKNOWN, 0.0, line=line, col=col)
    name, found = best
    confidence = found.valid / max(1, found.valid + found.invalid)
    return EncodingGuess(name, round(confidence, 2), line=line, col=col)


def _decode(raw: bytes, encoding: str) -> str:
    if encoding in (UTF16LE, UTF16BE):
        bom = codecs.BOM_UTF16_LE if encoding == UTF16LE else codecs.BOM_UTF16_BE
        body = raw.removeprefix(bom)
        return body.decode(encoding)
    if encoding == CP1258:
        return raw.decode("cp1258", errors="replace")
    if encoding == TCVN3:
        return legacy.tcvn3_to_unicode(char_view(raw))
    if encoding == VNI:
        return legacy.vni_to_unicode(char_view(raw))
    return raw.decode("utf-8-sig")


def fix_mojibake(text: str, encoding: str | None = None) -> str:
    """``text`` with its pasted legacy-font words converted to Unicode, each line from its own
    likely legacy encoding, or all from ``encoding`` (``tcvn3`` or ``vni``) when given; the
    Unicode text around them is kept as it is."""
    return mojibake.fix(text, (encoding,) if encoding else (TCVN3, VNI))


def fix_encoding(raw: bytes, source: str | None = None) -> str:
    """The text of ``raw`` as Unicode NFC, whatever Vietnamese encoding it used.

    ``source`` forces the encoding (``tcvn3``/``abc``, ``vni``, ``cp1258``, ``utf-16``,
    ``utf-8``); by default it is guessed with :func:`detect`. For UTF-8 input, lines holding
    TCVN3 or VNI mojibake are converted (with ``source`` naming the legacy encoding if given).
    Raises ``ValueError`` for an unknown ``source`` or bytes whose encoding cannot be guessed.
    """
    forced = _ALIASES.get(source.lower()) if source else None
    if source and forced is None:
        raise ValueError(f"unknown encoding {source!r}; use one of {sorted(set(_ALIASES))}")
    guess = detect(raw)
    encoding = forced or guess.encoding
    if encoding == UNKNOWN:
        raise ValueError("cannot guess the encoding of these bytes")
    if guess.is_utf8 and forced in (TCVN3, VNI):
        text = fix_mojibake(raw.decode("utf-8-sig"), forced)
    elif encoding in (UTF8, UTF8_BOM):
        text = fix_mojibake(raw.decode("utf-8-sig"))
    else:
        text = _decode(raw, encoding)
    return unicodedata.normalize("NFC", text)

"""The legacy Vietnamese 8-bit encodings TCVN3 (ABC) and VNI, as text-to-text converters.

Old office files typed with the ``.VnTime`` (TCVN3) or ``VNI-Times`` (VNI) fonts store one byte
per glyph. When such text is read as Windows-1252 — or copied out of Word as Unicode — each byte
shows up as the Latin-1 character with the same number: "Uû ban nh©n d©n" is TCVN3 for
"Uỷ ban nhân dân", "UÛy ban nhaân daân" is VNI for "Ủy ban nhân dân". Every function here works on
that character view of the bytes (``bytes.decode("latin-1")``, or the pasted Unicode text).

TCVN3 here is TCVN 5712:1993 VN3, the table the ABC fonts use: the lowercase letters plus
Ă Â Ê Ô Ơ Ư Đ (positions cross-checked against glibc's TCVN5712-1). VN3 has no capital letters
with tone marks; converters such as Unikey write them as the capital base letter followed by the
lowercase toned letter ("A¸" for "Á"), and :func:`tcvn3_to_unicode` joins such pairs back.

VNI writes a base letter followed by one mark byte ("a" + "ù" for "á"; "A" + "Ù" for "Á"); a few
letters have a byte of their own (ơ "ô", ư "ö", đ "ñ", ì í ỉ ĩ ị, ỵ).
"""

from __future__ import annotations

import re
import unicodedata

# TCVN3 byte (as its Latin-1 character) → Unicode, in byte order 0xA1–0xFE.
_TCVN3_BYTES = "¡¢£¤¥¦§¨©ª«¬\xad®µ¶·¸¹»¼½¾ÆÇÈÉÊËÌÎÏÐÑÒÓÔÕÖ×ØÜÝÞßáâãäåæçèéêëìíîïñòóôõö÷øùúûüýþ"
_TCVN3_CHARS = "ĂÂÊÔƠƯĐăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
assert len(_TCVN3_BYTES) == len(_TCVN3_CHARS) == 74

TCVN3_DECODE: dict[str, str] = dict(zip(_TCVN3_BYTES, _TCVN3_CHARS))
TCVN3_ENCODE: dict[str, str] = dict(zip(_TCVN3_CHARS, _TCVN3_BYTES))

# Combining tone marks, in VNI's mark order: acute, grave, hook above, tilde, dot below.
_TONES = ("\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
# VNI mark bytes after a plain vowel (a e o u y, and ơ ư): lowercase, uppercase.
_VNI_TONE = ("ùøûõï", "ÙØÛÕÏ")
# VNI circumflex (â ê ô) with no tone and with each tone; breve (ă) likewise.
_VNI_CIRC = ("âáàåãä", "ÂÁÀÅÃÄ")
_VNI_BREVE = ("êéèúüë", "ÊÉÈÚÜË")
# Letters VNI writes as a single byte: ơ ư đ, i with each tone, ỵ.
_VNI_SINGLE = {
    "ơ": "ô", "Ơ": "Ô", "ư": "ö", "Ư": "Ö", "đ": "ñ", "Đ": "Ñ",
    "í": "í", "ì": "ì", "ỉ": "æ", "ĩ": "ó", "ị": "ò",
    "Í": "Í", "Ì": "Ì", "Ỉ": "Æ", "Ĩ": "Ó", "Ị": "Ò",
    "ỵ": "î", "Ỵ": "Î",
}


def _compose(*parts: str) -> str:
    return unicodedata.normalize("NFC", "".join(parts))


def _vni_table() -> dict[str, str]:
    """Unicode letter → VNI character sequence, for every Vietnamese letter VNI can write."""
    table = dict(_VNI_SINGLE)
    for upper in (False, True):
        case = 1 if upper else 0
        tone_marks = _VNI_TONE[case]
        for base in "aeouy":
            b = base.upper() if upper else base
            for tone, mark in zip(_TONES, tone_marks):
                table.setdefault(_compose(b, tone), b + mark)
        for base, vni in (("ơ", "ô"), ("ư", "ö")):
            b, v = (base.upper(), vni.upper()) if upper else (base, vni)
            for tone, mark in zip(_TONES, tone_marks):
                table[_compose(b, tone)] = v + mark
        for base in "aeo":
            b = base.upper() if upper else base
            circ = _VNI_CIRC[case]
            table[_compose(b, "\u0302")] = b + circ[0]
            for tone, mark in zip(_TONES, circ[1:]):
                table[_compose(b, "\u0302", tone)] = b + mark
        b = "A" if upper else "a"
        breve = _VNI_BREVE[case]
        table[_compose(b, "\u0306")] = b + breve[0]
        for tone, mark in zip(_TONES, breve[1:]):
            table[_compose(b, "\u0306", tone)] = b + mark
    return table


VNI_ENCODE: dict[str, str] = _vni_table()
VNI_DECODE: dict[str, str] = {v: k for k, v in VNI_ENCODE.items()}
_VNI_PAIRS = re.compile("|".join(sorted(map(re.escape, VNI_DECODE), key=len, reverse=True)))

# Capital base letter + lowercase toned letter of the same vowel (Unikey's TCVN3 capitals).
_TCVN3_CAPITAL_PAIR = re.compile(f"([AĂÂEÊIOÔƠUƯY])([{_TCVN3_CHARS[14:]}])")


def _strip_tone(ch: str) -> str:
    decomposed = unicodedata.normalize("NFD", ch)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))


def _join_capital(match: re.Match[str]) -> str:
    base, letter = match.group(1), match.group(2)
    if letter.islower() and letter != _strip_tone(letter) and _strip_tone(letter) == base.lower():
        return letter.upper()
    return match.group(0)


def tcvn3_to_unicode(text: str) -> str:
    """Unicode NFC text for ``text`` read as TCVN3 (ABC) characters."""
    decoded = "".join(TCVN3_DECODE.get(c, c) for c in text)
    return unicodedata.normalize("NFC", _TCVN3_CAPITAL_PAIR.sub(_join_capital, decoded))


def vni_to_unicode(text: str) -> str:
    """Unicode NFC text for ``text`` read as VNI characters."""
    return unicodedata.normalize("NFC", _VNI_PAIRS.sub(lambda m: VNI_DECODE[m.group(0)], text))


def unicode_to_tcvn3(text: str) -> str:
    """TCVN3 characters for Unicode ``text`` (capitals with tone marks as Unikey writes them).

    Characters TCVN3 cannot hold are left as they are.
    """
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in TCVN3_ENCODE:
            out.append(TCVN3_ENCODE[ch])
        elif ch.isupper() and ch.lower() in TCVN3_ENCODE and ch != _strip_tone(ch):
            base = _strip_tone(ch)
            out.append(TCVN3_ENCODE.get(base, base) + TCVN3_ENCODE[ch.lower()])
        else:
            out.append(ch)
    return "".join(out)


def unicode_to_vni(text: str) -> str:
    """VNI characters for Unicode ``text``; characters VNI cannot hold are left as they are."""
    return "".join(VNI_ENCODE.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


def to_bytes(chars: str) -> bytes:
    """The bytes a legacy-encoded character view stands for (Latin-1, or Windows-1252 for
    the characters Word substitutes for bytes 0x80–0x9F)."""
    out = bytearray()
    for ch in chars:
        code = ord(ch)
        if code < 0x100:
            out.append(code)
        else:
            out += ch.encode("cp1252", errors="replace")
    return bytes(out)

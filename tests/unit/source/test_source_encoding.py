"""Legacy Vietnamese encodings: round trips through our tables, detection, conversion."""

from __future__ import annotations

import codecs
import unicodedata

import pytest

from vanban.source.encoding import detect, fix_encoding, mojibake_lines
from vanban.source.legacy import (
    TCVN3_DECODE,
    VNI_ENCODE,
    tcvn3_to_unicode,
    to_bytes,
    unicode_to_tcvn3,
    unicode_to_vni,
    vni_to_unicode,
)

SENTENCES = [
    "Ủy ban nhân dân tỉnh Quảng Bình",
    ("Kế hoạch triển khai thực hiện Đề án “Nâng cao năng lực đội ngũ hòa giải viên ở cơ sở” "
    "giai đoạn 2024–2030"),
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Sở Tư pháp; Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh; Trường Đại học Khoa học Tự nhiên",
    "ƯỚC TÍNH ỨNG DỤNG ỔN ĐỊNH ẤN TƯỢNG ỢT ẶC ỶỸỴỲÝ",
    "Quyết định số 087/QĐ-UBND ngày 16 tháng 01 năm 2024 về việc phê duyệt",
]
ALL_LETTERS = "".join(sorted({
    unicodedata.normalize("NFC", base + tone)
    for base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
    for tone in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")})) + "đĐ"
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _cp1258(text: str) -> bytes:
    """Windows-1258 bytes: precomposed base letters, tone marks as combining bytes."""
    out = b""
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
            out += base.encode("cp1258") + "".join(c for c in parts if c in _TONES).encode(
                "cp1258")
    return out


def test_tables_cover_every_vietnamese_letter() -> None:
    assert len(ALL_LETTERS) == 146  # 12 vowels × 6 tones × 2 cases + đ Đ
    assert set(ALL_LETTERS) <= set(VNI_ENCODE) | set("aeiouyAEIOUY")
    assert len(TCVN3_DECODE) == 74  # VN3: 67 lowercase letters and 7 capitals


@pytest.mark.parametrize(("chars", "text"), [
    ("Uû ban nh©n d©n", "Uỷ ban nhân dân"),
    ("B¶o Th¾ng", "Bảo Thắng"),
    ("M\xadêng Kh\xad¬ng", "Mường Khương"),
    ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
], ids=["uy-ban", "bao-thang", "muong-khuong", "doc-lap"])
def test_tcvn3_known_samples(chars: str, text: str) -> None:
    assert tcvn3_to_unicode(chars) == text


@pytest.mark.parametrize(("chars", "text"), [
    ("UÛy ban nhaân daân", "Ủy ban nhân dân"),
    ("Keá hoaïch", "Kế hoạch"),
    ("Sôû Tö phaùp", "Sở Tư pháp"),
    ("Chính phuû ban haønh Nghò ñònh", "Chính phủ ban hành Nghị định"),
], ids=["uy-ban", "ke-hoach", "so-tu-phap", "nghi-dinh"])
def test_vni_known_samples(chars: str, text: str) -> None:
    assert vni_to_unicode(chars) == text


@pytest.mark.parametrize("text", [ALL_LETTERS.lower(), ALL_LETTERS, *SENTENCES],
                         ids=["letters", "LETTERS", *[f"s{i}" for i in range(len(SENTENCES))]])
def test_round_trip_through_our_tables(text: str) -> None:
    assert tcvn3_to_unicode(unicode_to_tcvn3(text)) == text
    assert vni_to_unicode(unicode_to_vni(text)) == text


ENCODERS = {
    "tcvn3": lambda s: to_bytes(unicode_to_tcvn3(s)),
    "vni": lambda s: to_bytes(unicode_to_vni(s)),
    "cp1258": _cp1258,
    "utf-16-le": lambda s: codecs.BOM_UTF16_LE + s.encode("utf-16-le"),
    "utf-16-be": lambda s: s.encode("utf-16-be"),
}


@pytest.mark.parametrize("name", list(ENCODERS))
@pytest.mark.parametrize("index", range(len(SENTENCES)))
def test_detect_and_fix_whole_files(name: str, index: int) -> None:
    text = f"ten: {SENTENCES[index]}\nco_quan: Ủy ban nhân dân tỉnh Quảng Bình\n"
    raw = ENCODERS[name](text)
    assert detect(raw).encoding == name
    assert fix_encoding(raw) == text
    assert fix_encoding(raw, name) == text


@pytest.mark.parametrize("name", ["tcvn3", "vni"])
@pytest.mark.parametrize("index", range(len(SENTENCES)))
def test_mojibake_inside_utf8(name: str, index: int) -> None:
    legacy = unicode_to_tcvn3 if name == "tcvn3" else unicode_to_vni
    text = f"a: Hà Nội\nten: {legacy(SENTENCES[index])}\nb: Sở Tư pháp\n"
    guess = detect(text.encode())
    assert (guess.encoding, guess.mojibake, guess.mojibake_lines, guess.line) == (
        "utf-8", name, (2,), 2)
    assert fix_encoding(text.encode()) == f"a: Hà Nội\nten: {SENTENCES[index]}\nb: Sở Tư pháp\n"


@pytest.mark.parametrize("text", [
    *SENTENCES, "Cà Mau", "Tây Ninh", "Bà Rịa – Vũng Tàu", "Hà Tĩnh", "Café, résumé, naïve",
    "Điều 5. Trách nhiệm thi hành", "Tên: Hà", "Lê Văn Tám", "Nguyễn Thị Ánh",
], ids=lambda s: s[:12])
def test_unicode_text_is_not_mojibake(text: str) -> None:
    assert mojibake_lines(f"ten: {text}\n") == {}
    assert detect(f"ten: {text}\n".encode()).mojibake is None


def test_fix_encoding_is_nfc_and_keeps_utf8() -> None:
    assert fix_encoding("Vie\u0302\u0323t Nam".encode()) == "Việt Nam"
    assert fix_encoding("Việt Nam".encode("utf-8-sig")) == "Việt Nam"


def test_fix_encoding_refuses_unknown_names() -> None:
    with pytest.raises(ValueError, match="unknown encoding"):
        fix_encoding(b"x", "latin-9")


def test_detect_locates_the_first_non_utf8_byte() -> None:
    raw = b"a: 1\nten: " + to_bytes(unicode_to_tcvn3("Ủy ban nhân dân")) + b"\n"
    guess = detect(raw)
    assert (guess.encoding, guess.line, guess.col, guess.label) == (
        "tcvn3", 2, 7, "TCVN3 (ABC, phông .VnTime)")

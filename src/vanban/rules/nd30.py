"""Decree 30/2020/NĐ-CP, Phụ lục I, as data: the one rule pack read by the renderer and the checker.

Every value that the decree gives as a range is a ``Range`` whose ``default`` is the project's
choice (shared/spec/nd30.md §8). The renderer uses the defaults; the checker accepts the range.
Each fact carries where it comes from (``ref``: ô number and section of Phụ lục I).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MM_PER_PT = 25.4 / 72
TWIPS_PER_MM = 1440 / 25.4


@dataclass(frozen=True)
class Range:
    """An inclusive range of allowed values with the project's default inside it."""

    lo: float
    hi: float
    default: float
    ref: str = ""

    def __contains__(self, value: float) -> bool:
        return self.lo - 1e-6 <= value <= self.hi + 1e-6


@dataclass(frozen=True)
class TextFormat:
    """How one component is typeset: size range (pt), weight, slant, case and alignment."""

    size: Range
    bold: bool = False
    italic: bool = False
    upper: bool = False
    align: str = "center"  # center | both | left
    ref: str = ""


# --- Page setup (Phụ lục I, phần I, mục I) --------------------------------------------------------
PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0
MARGIN_TOP = Range(20, 25, 20, "Phụ lục I, I.1")
MARGIN_BOTTOM = Range(20, 25, 20, "Phụ lục I, I.1")
MARGIN_LEFT = Range(30, 35, 30, "Phụ lục I, I.1")
MARGIN_RIGHT = Range(15, 20, 15, "Phụ lục I, I.1")
TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGIN_LEFT.default - MARGIN_RIGHT.default  # 165 mm of text
HEADER_DISTANCE_MM = 10.0
FONT = "Times New Roman"
FONT_REF = "Phụ lục I, I.1 (TCVN 6909:2001)"

# --- Components -----------------------------------------------------------------------------------
QUOC_HIEU_TEXT = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU_TEXT = "Độc lập - Tự do - Hạnh phúc"

QUOC_HIEU = TextFormat(Range(12, 13, 13), bold=True, upper=True, ref="ô 1, Phụ lục I, II.1")
TIEU_NGU = TextFormat(Range(13, 14, 14), bold=True, ref="ô 1, Phụ lục I, II.1")
SUPERIOR_BODY = TextFormat(Range(12, 13, 13), upper=True, ref="ô 2, Phụ lục I, II.2")
ISSUER = TextFormat(Range(12, 13, 13), bold=True, upper=True, ref="ô 2, Phụ lục I, II.2")
NUMBER = TextFormat(Range(13, 13, 13), ref="ô 3, Phụ lục I, II.3")
PLACE_DATE = TextFormat(Range(13, 14, 14), italic=True, ref="ô 4, Phụ lục I, II.4")
TYPE_NAME = TextFormat(Range(13, 14, 14), bold=True, upper=True, ref="ô 5a, Phụ lục I, II.5")
SUMMARY = TextFormat(Range(13, 14, 14), bold=True, ref="ô 5a, Phụ lục I, II.5")
CAN_CU = TextFormat(Range(13, 14, 14), italic=True, align="both", ref="ô 6, Phụ lục I, II.6.a")
BODY = TextFormat(Range(13, 14, 14), align="both", ref="ô 6, Phụ lục I, II.6")
AUTHORITY = TextFormat(Range(13, 14, 14), bold=True, upper=True, ref="ô 7a, Phụ lục I, II.7")
SIGNER_NAME = TextFormat(Range(13, 14, 14), bold=True, ref="ô 7b, Phụ lục I, II.7")
NOI_NHAN_LABEL = TextFormat(Range(12, 12, 12), bold=True, italic=True, align="left",
                            ref="ô 9b, Phụ lục I, II.9.b")
NOI_NHAN_ENTRY = TextFormat(Range(11, 11, 11), align="left", ref="ô 9b, Phụ lục I, II.9.b")
PAGE_NUMBER = TextFormat(Range(13, 14, 14), ref="Phụ lục I, I.1")
APPENDIX_LABEL = TextFormat(Range(14, 14, 14), bold=True, ref="Phụ lục I, III.1.đ")
APPENDIX_TITLE = TextFormat(Range(13, 14, 14), bold=True, upper=True, ref="Phụ lục I, III.1.đ")
APPENDIX_REF = TextFormat(Range(13, 14, 14), italic=True, ref="Phụ lục I, III.1.đ")
TABLE_TEXT = TextFormat(Range(12, 14, 13), align="left", ref="Phụ lục I, II.6 (bảng)")

# Body paragraph geometry (ô 6): first-line indent 1 cm or 1.27 cm, ≥ 6 pt between paragraphs,
# line spacing from single to 1.5 lines.
FIRST_LINE_INDENT_MM = (10.0, 12.7)
FIRST_LINE_INDENT_DEFAULT_MM = 12.7
PARA_SPACING_MIN_PT = 6.0
PARA_SPACE_BEFORE_PT = 6.0
PARA_SPACE_AFTER_PT = 0.0
LINE_SPACING = Range(1.0, 1.5, 1.0, "ô 6, Phụ lục I, II.6")

# Horizontal rules: fraction of the text line above them.
RULE_TIEU_NGU = Range(1.0, 1.0, 1.0, "ô 1, Phụ lục I, II.1")
RULE_ISSUER = Range(1 / 3, 1 / 2, 0.4, "ô 2, Phụ lục I, II.2")
RULE_SUMMARY = Range(1 / 3, 1 / 2, 0.4, "ô 5a, Phụ lục I, II.5")
RULE_APPENDIX = Range(1 / 3, 1 / 2, 0.4, "Mẫu 2.1, Phụ lục III")

# Layout of the borderless tables (text width 165 mm with the default margins).
HEADER_LEFT_COLUMN_MM = 63.0
SIGNATURE_LEFT_COLUMN_MM = 70.0

# --- Number, code, date ---------------------------------------------------------------------------
END_OF_BODY = "./."
TYPED_END_OF_BODY = re.compile(r"\s*\.?/\.\s*$")  # "./." or "/." typed at a text's end
# Labels the frame prints itself, when a clerk types them too (warned; printed once).
TYPED_LINE_DASH = re.compile(r"^[-–+•]\s*")  # "- " before a Nơi nhận or Kính gửi line
TYPED_V_V = re.compile(r"^V\s*/\s*V\b[\s.:]*", re.IGNORECASE)  # before a Công văn's summary
TYPED_KINH_GUI = re.compile(r"^[-–]?\s*Kính\s+gửi\s*:?\s*", re.IGNORECASE)
DRAFT_NUMBER_BLANK = "     "  # with the space after the colon: "Số:      /KH-UBND" on a draft


def number_and_code(number: int | None, code: str) -> str:
    """``05/KH-UBND``; numbers below 10 take a leading zero; a draft has a blank number."""
    shown = DRAFT_NUMBER_BLANK if number is None else f"{number:02d}"
    return f"{shown}/{code}"


def format_number(number: int | None, code: str) -> str:
    """Ô 3: ``Số: 05/KH-UBND`` (a draft: ``Số:      /KH-UBND``)."""
    return f"Số: {number_and_code(number, code)}"


def format_day(day: int) -> str:
    """Ô 4: days below 10 take a leading zero."""
    return f"{day:02d}"


def format_month(month: int) -> str:
    """Ô 4: only months 1 and 2 take a leading zero."""
    return f"{month:02d}" if month <= 2 else str(month)


def format_date(year: int, month: int, day: int) -> str:
    """``ngày 05 tháng 3 năm 2024``."""
    return f"ngày {format_day(day)} tháng {format_month(month)} năm {year}"


# Ký hiệu: groups joined by "-" with no spaces, e.g. KH-UBND, QĐ-BNV, QyĐ-STP, UBND-VX.
CODE_PATTERN = re.compile(r"^[A-ZĐ][A-Za-zĐđ]*(?:-[A-ZĐ0-9][A-Za-zĐđ0-9]*)+$")
# An organisation's abbreviation inside a code: UBND, STP, SNN&PTNT is not one ("&" is not allowed).
ABBREVIATION_PATTERN = re.compile(r"^[A-ZĐ][A-Za-zĐđ0-9]*$")
NUMBER_PATTERN = re.compile(
    r"^Số: (?P<num>\d{2,}|\s+)/(?P<code>" + CODE_PATTERN.pattern.strip("^$") + r")$")
DATE_PATTERN = re.compile(
    r"^(?P<place>[^,]+), ngày (?P<day>\d{1,2}) tháng (?P<month>\d{1,2}) năm (?P<year>\d{4})$")

# --- Document types and their abbreviations (Điều 7, Phụ lục III) --------------------------------
DOCUMENT_TYPES: dict[str, tuple[str, str | None]] = {
    # key: (TYPE NAME as printed, abbreviation)
    "nghi-quyet": ("NGHỊ QUYẾT", "NQ"),
    "quyet-dinh": ("QUYẾT ĐỊNH", "QĐ"),
    "chi-thi": ("CHỈ THỊ", "CT"),
    "quy-che": ("QUY CHẾ", "QC"),
    "quy-dinh": ("QUY ĐỊNH", "QyĐ"),
    "thong-cao": ("THÔNG CÁO", "TC"),
    "thong-bao": ("THÔNG BÁO", "TB"),
    "huong-dan": ("HƯỚNG DẪN", "HD"),
    "chuong-trinh": ("CHƯƠNG TRÌNH", "CTr"),
    "ke-hoach": ("KẾ HOẠCH", "KH"),
    "phuong-an": ("PHƯƠNG ÁN", "PA"),
    "de-an": ("ĐỀ ÁN", "ĐA"),
    "du-an": ("DỰ ÁN", "DA"),
    "bao-cao": ("BÁO CÁO", "BC"),
    "bien-ban": ("BIÊN BẢN", "BB"),
    "to-trinh": ("TỜ TRÌNH", "TTr"),
    "hop-dong": ("HỢP ĐỒNG", "HĐ"),
    "cong-dien": ("CÔNG ĐIỆN", "CĐ"),
    "ban-ghi-nho": ("BẢN GHI NHỚ", "BGN"),
    "ban-thoa-thuan": ("BẢN THỎA THUẬN", "BTT"),
    "giay-uy-quyen": ("GIẤY ỦY QUYỀN", "GUQ"),
    "giay-moi": ("GIẤY MỜI", "GM"),
    "giay-gioi-thieu": ("GIẤY GIỚI THIỆU", "GGT"),
    "giay-nghi-phep": ("GIẤY NGHỈ PHÉP", "GNP"),
    "phieu-gui": ("PHIẾU GỬI", "PG"),
    "phieu-chuyen": ("PHIẾU CHUYỂN", "PC"),
    "phieu-bao": ("PHIẾU BÁO", "PB"),
}

# Types laid out by Mẫu 1.4 ("văn bản có tên loại"); the renderer supports these today.
MAU_1_4_TYPES = frozenset({
    "chi-thi", "quy-che", "quy-dinh", "thong-cao", "thong-bao", "huong-dan", "chuong-trinh",
    "ke-hoach", "phuong-an", "de-an", "du-an", "bao-cao", "to-trinh", "giay-uy-quyen",
    "phieu-gui", "phieu-chuyen", "phieu-bao",
})

# --- Signature authority (ô 7a, Điều 13) ----------------------------------------------------------
THAY_MAT = "TM."  # on behalf of a collective
KY_THAY = "KT."  # a deputy signs for the head
AUTHORITY_PREFIXES = (THAY_MAT, KY_THAY, "Q.", "TL.", "TUQ.")
DEPUTY_WORD = "PHÓ"

# --- Nơi nhận (ô 9b) ------------------------------------------------------------------------------
NOI_NHAN_LABEL_TEXT = "Nơi nhận:"
LUU_PREFIX = "Lưu: VT"

# --- Heading numbering in a Kế hoạch / Báo cáo (§3) -------------------------------------------------
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
         "XV", "XVI", "XVII", "XVIII", "XIX", "XX")
# Điểm letters: Vietnamese alphabet order, with đ, without f, j, w, z.
DIEM_LETTERS = ("a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q",
                "r", "s", "t", "u", "v", "x", "y")


def roman(n: int) -> str:
    """1 → I, 2 → II … (sections and appendices)."""
    if 1 <= n <= len(ROMAN):
        return ROMAN[n - 1]
    vals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
            (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = []
    for v, s in vals:
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


def diem_letter(n: int) -> str:
    """1 → a, 5 → đ, 7 → g (the decree's own order)."""
    letters = DIEM_LETTERS
    if n <= len(letters):
        return letters[n - 1]
    return letters[(n - 1) // len(letters) - 1] + letters[(n - 1) % len(letters)]

# --- Facts the conformance checker needs (vanban.check) -------------------------------------------
PAGE_REF = "Phụ lục I, I.1"
PAGE_SIZE_TOLERANCE_MM = 1.0
LENGTH_TOLERANCE_MM = 0.3  # twips → mm rounding when comparing margins and indents
# Old-style accent placement ("HOÀ") is still common; Phụ lục I prints "HÒA" (spec §7.11).
QUOC_HIEU_VARIANTS = (QUOC_HIEU_TEXT, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
# Single line spacing of Times New Roman as a multiple of the font size (ascent + descent + gap);
# an exact/at-least line spacing in pt is compared with LINE_SPACING × this × the font size.
TIMES_LINE_HEIGHT = 1.15
# Horizontal rules: allowed deviation (fraction of the text width) around RULE_* ranges, because
# underscores and borders only approximate a length.
RULE_LENGTH_TOLERANCE = 0.1
RULE_CHARS = frozenset("_─━—–-‗")
CONG_VAN_PREFIX = "V/v"
CONG_VAN_SUMMARY = TextFormat(Range(12, 13, 12), ref="ô 5b, Phụ lục I, II.5.b")
HEADING_REF = "ô 6, Phụ lục I, II.6.đ"
END_OF_BODY_REF = "ô 6, Mẫu 1.4 Phụ lục III (mọi mẫu kết thúc phần nội dung bằng ./.)"
SIGNATURE_REF = "ô 7a, Phụ lục I, II.7; Điều 13"
NOI_NHAN_REF = "ô 9b, Phụ lục I, II.9.b"
LUU_PATTERN = re.compile(r"^-\s*Lưu:\s*VT\s*,\s*\S.*\.$")
# Marks that may sit in the header area without being part of the issuer block (ô 10a, 10b, 11).
HEADER_MARKS = frozenset({"TUYỆT MẬT", "TỐI MẬT", "MẬT", "HỎA TỐC", "HOẢ TỐC", "THƯỢNG KHẨN",
                          "KHẨN", "XEM XONG TRẢ LẠI", "LƯU HÀNH NỘI BỘ", "DỰ THẢO"})

# --- Layouts beyond Mẫu 1.4 (Phụ lục III): Công văn, Quyết định, Kính gửi, attached documents --------
# Choices the decree leaves open are marked "choice" and repeated in the README.
KINH_GUI_LABEL = "Kính gửi:"
KINH_GUI_TEXT = TextFormat(Range(13, 14, 14), align="left", ref="ô 9a, Phụ lục I, II.9.a")
# choice: "Kính gửi:" starts this far from the left margin (Mẫu 1.5 shows about 35 mm on a 14 pt
# line; 30 mm keeps a long recipient on one line); the dashes of several recipients stand under
# its colon, and a recipient that wraps continues under its first letter.
KINH_GUI_INDENT_MM = 30.0
# Kính gửi is used by Công văn, Tờ trình and Báo cáo sent to a superior body (ô 9a).
KINH_GUI_TYPES = frozenset({"cong-van", "to-trinh", "bao-cao"})
NHU_TREN = "Như trên"  # first Nơi nhận line where Kính gửi is used (ô 9b)
CONG_VAN_GAP_PT = 6.0  # space between the Số line and the V/v line (ô 5b)

# Quyết định (Mẫu 1.1–1.3): the authority line, "Theo đề nghị …", "QUYẾT ĐỊNH:", Điều.
DECISION_WORD = "QUYẾT ĐỊNH:"
AUTHORITY_LINE = TextFormat(Range(13, 14, 14), bold=True, upper=True, ref="Mẫu 1.2, Phụ lục III")
DECISION = TextFormat(Range(13, 14, 14), bold=True, upper=True, ref="Mẫu 1.2, Phụ lục III")
# choice: the Nơi nhận of a Quyết định starts "- Như Điều N;" where N is the article marked
# `executors: true`, else the last article (the one that names who carries the decision out).
NHU_DIEU = "Như Điều"
# A document issued with a Quyết định (Mẫu 1.3): header without Số, place or date; the line below.
ATTACHED_REF_LINE = "(Kèm theo Quyết định số {number} {date} của {issuer})"
CONG_VAN = "cong-van"  # the key of a Công văn: no type name and no type abbreviation (Điều 7)
BUILT_TYPES = tuple(sorted(MAU_1_4_TYPES | {CONG_VAN, "quyet-dinh", "bao-cao-ket-qua"}))
"""Every ``type:`` vanban builds (vanban.doctypes holds an entry for each; a test keeps them
equal), and the type of a file without ``type:``."""
DEFAULT_TYPE = "ke-hoach"
# choice: footnotes (the decree gives no size) in 12 pt, justified; the mark is superscript.
FOOTNOTE = TextFormat(Range(10, 13, 12), align="both", ref="chú thích (Nghị định không quy định)")

# --- checker: reading documents written by others (issue 12) -----------------------------------
# Type names of legal documents (Luật Ban hành văn bản quy phạm pháp luật) that offices also
# draft; the checker knows them so the type and summary checks run on them too.
LEGAL_DOCUMENT_TYPES: dict[str, tuple[str, str | None]] = {
    "thong-tu": ("THÔNG TƯ", "TT"),
    "thong-tu-lien-tich": ("THÔNG TƯ LIÊN TỊCH", "TTLT"),
    "nghi-dinh": ("NGHỊ ĐỊNH", "NĐ"),
    "luat": ("LUẬT", None),
    "phap-lenh": ("PHÁP LỆNH", None),
}
# Lines that open a reference to the document an appendix or attached document belongs to.
ATTACHED_REF_PREFIXES = ("(Kèm theo", "(Ban hành kèm theo", "(kèm theo", "(ban hành kèm theo")
# A number with the year between number and code (legal documents): "Số: 12/2025/TT-BTC".
LEGAL_NUMBER_PATTERN = re.compile(r"^(?P<num>[^/]*)/(?P<year>\d{4})/(?P<code>.+)$")
# Position words a head signs under (the line below "KT. …" may name the deputy's office).
DEPUTY_WORDS = ("PHÓ", "THỨ TRƯỞNG", "THỨ TRƯỞNG,")
# Công văn (Mẫu 1.5): "Kính gửi:" label; its recipients follow as "- …;" lines, the last "."
KINH_GUI = "Kính gửi"
# Quyết định (Mẫu 1.1–1.3): the line before the articles, and the article label.
QUYET_DINH_DECIDES = DECISION_WORD
ARTICLE_PATTERN = re.compile(r"^Điều\s+(?P<n>\d+)\s*[.:]")
# Structural units above the khoản: numbering of khoản and điểm restarts inside each one.
STRUCTURE_PATTERN = re.compile(r"^(Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC|Tiểu mục)\s+"
                               r"(?P<n>[IVXLC]+|\d+|[A-ZĐ]|thứ\s+\S+|THỨ\s+\S+)(\b|$)")
# Quyết định (Mẫu 1.1–1.3): the authority line before the căn cứ ("CHỦ TỊCH ỦY BAN NHÂN DÂN
# TỈNH …", or the collective body), the "QUYẾT ĐỊNH:" line before the articles, article labels.
QD_AUTHORITY = TextFormat(Range(13, 14, 14), bold=True, upper=True,
                          ref="ô 5a, Mẫu 1.1–1.3 Phụ lục III")
QD_DECIDES = TextFormat(Range(13, 14, 14), bold=True, upper=True,
                        ref="Mẫu 1.1–1.3 Phụ lục III")
ARTICLE_REF = "ô 6, Phụ lục I, II.6.đ; Mẫu 1.1–1.3 Phụ lục III"
# Công văn (Mẫu 1.5): "Kính gửi:" upright, 14 pt; V/v under the number, no type name.
KINH_GUI_FORMAT = TextFormat(Range(13, 14, 14), align="left", ref="ô 9a, Mẫu 1.5 Phụ lục III")
KINH_GUI_REF = "ô 9a, Phụ lục I, II.9.a; Mẫu 1.5 Phụ lục III"
CONG_VAN_REF = "ô 5b, Phụ lục I, II.5.b; Mẫu 1.5 Phụ lục III"
ATTACHED_REF = "Mẫu 1.3 Phụ lục III (văn bản ban hành kèm theo quyết định)"
# Any "(… kèm theo …)" line: "(Kèm theo", "(Ban hành kèm theo", "(Phê duyệt kèm theo",
# "(Được công nhận kèm theo" Quyết định số …).
ATTACHED_REF_PATTERN = re.compile(r"^\((?:[^()]{0,30}?\s)?kèm theo\s", re.IGNORECASE)

# --- checker: the first Nơi nhận line (Phụ lục I, II.9.b; Mẫu 1.1–1.5 Phụ lục III) -------------
# A document with "Kính gửi" (Công văn; Tờ trình, Báo cáo sent up) lists "Như trên" first under
# "Nơi nhận" (the decree's own words, II.9.b); "Như Kính gửi" says the same in other words.
NHU_TREN_REF = "ô 9b, Phụ lục I, II.9.b"
NHU_TREN_VARIANTS = ("như kính gửi",)
# A Quyết định's "- Như Điều N;" names an article of its own: the one naming who carries the
# decision out (Mẫu 1.1–1.3 show it first in the Nơi nhận).
NHU_DIEU_REF = "ô 9b, Mẫu 1.1–1.3 Phụ lục III"
NHU_DIEU_PATTERN = re.compile(r"^-?\s*như\s+điều\s+(?P<nums>\d+(?:\s*(?:,|và|-|–)\s*(?:điều\s+)?"
                              r"\d+)*)", re.IGNORECASE)
# Words of the article that names the executors ("… chịu trách nhiệm thi hành Quyết định này").
EXECUTORS_WORDS = ("chịu trách nhiệm thi hành", "thi hành quyết định này")

# --- checker: a heading kept with the next paragraph (check --pdf) ------------------------------
# The decree says nothing of page breaks; a heading alone at the bottom of a page, its content
# on the next, is a layout fault the project reports as a warning (Word keeps them together;
# LibreOffice may not, on a page with footnotes and tables).
KEEP_WITH_NEXT_REF = "đề mục đi liền đoạn sau (Nghị định không quy định; quy ước trình bày)"

# Words of the signing authority and position lines (ô 7a, Phụ lục I, II.7) besides the
# prefixes: the titles and bodies they name. The checker tells a position typed in ordinary case
# ("KT. Giám đốc") from other text in the signature block by them.
POSITION_WORDS = (DEPUTY_WORD, "CHỦ TỊCH", "GIÁM ĐỐC", "TRƯỞNG", "CHÁNH", "BÍ THƯ", "ỦY BAN",
                  "UỶ BAN", "UBND", "HỘI ĐỒNG", "THỦ TƯỚNG", "TỔNG", "CỤC", "VIỆN", "CHỈ HUY",
                  "QUYỀN", "VĂN PHÒNG", "THƯ KÝ")

# The superior body (ô 2, Phụ lục I, II.2) is set upright, not bold. Typed bold like the issuing
# body under it, it is told from a name wrapped on two lines ("ỦY BAN NHÂN DÂN" / "TỈNH LÂM
# ĐỒNG") by its words: a superior line is a whole body ("UBND TỈNH …", "BỘ …", or naming its
# administrative unit), and the line under it opens the name of a body of its own ("SỞ …").
SUPERIOR_OPENINGS = ("UBND", "BỘ")
ADMIN_UNIT_WORDS = ("TỈNH", "THÀNH PHỐ", "HUYỆN", "QUẬN", "THỊ XÃ", "XÃ", "PHƯỜNG", "THỊ TRẤN",
                    "ĐẶC KHU")
BODY_OPENINGS = ("SỞ", "BAN", "PHÒNG", "CỤC", "CHI CỤC", "TỔNG CỤC", "VỤ", "VĂN PHÒNG",
                 "TRUNG TÂM", "THANH TRA", "CÔNG AN", "BỘ CHỈ HUY", "TRƯỜNG", "BỆNH VIỆN",
                 "VIỆN", "KHO BẠC", "BẢO HIỂM", "CHI NHÁNH", "ĐÀI", "BÁO", "QUỸ", "HỘI",
                 "HIỆP HỘI", "LIÊN ĐOÀN", "ĐOÀN")

# The signer's name carries no academic title, degree or honour (ô 7b, Phụ lục I, II.7), save in
# the sectors whose rules allow them (armed forces, education, health, science): a warning.
ACADEMIC_TITLES = ("GS", "PGS", "TSKH", "TS", "ThS", "Ths", "BS", "BSCKI", "BSCKII", "KS", "CN",
                   "NCS", "Th.S")

# By order (Điều 13.4): the unit head given it may hand it on to a deputy, who signs for him.
THUA_LENH = "TL."


def document_name(code: str) -> str | None:
    """The type a number and ký hiệu names, as a sentence writes it ("215/KH-STP" → "Kế
    hoạch", "12/2025/TT-BTP" → "Thông tư"); None when the ký hiệu names no type (a Công văn's
    "STP-PBGDPL") or is not "number/code"."""
    number, slash, code = code.partition("/")
    legal = LEGAL_NUMBER_PATTERN.match(f"{number}/{code}") if slash else None
    if legal:
        code = legal.group("code")
    abbr = code.split("-")[0] if slash and "-" in code else ""
    for name, short in (*DOCUMENT_TYPES.values(), *LEGAL_DOCUMENT_TYPES.values()):
        if short and short == abbr:
            return name.capitalize()
    return None

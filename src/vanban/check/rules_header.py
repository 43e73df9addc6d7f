"""The header block: Quốc hiệu and Tiêu ngữ (ô 1), issuer (ô 2), number (ô 3), place/date (ô 4)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from vanban.check.context import Context, missing
from vanban.check.finding import Hit, rule
from vanban.check.locate import Piece, norm
from vanban.rules import nd30


@rule("ND30-QUOC-HIEU", "Quốc hiệu", "National name", nd30.QUOC_HIEU.ref)
def quoc_hieu(ctx: Context) -> Iterator[Hit]:
    qh = ctx.layout.quoc_hieu
    if qh is None:
        yield missing(ctx, "Quốc hiệu", "national name (Quốc hiệu)", nd30.QUOC_HIEU_TEXT)
        return
    if norm(qh.text) not in nd30.QUOC_HIEU_VARIANTS:
        yield Hit(ctx.where(qh), nd30.QUOC_HIEU_TEXT, norm(qh.text),
                  "Quốc hiệu phải ghi đúng nguyên văn, in hoa.",
                  "The national name must read exactly, in upper case.")
    yield from ctx.format_hits(qh, nd30.QUOC_HIEU, "Quốc hiệu", "national name")


@rule("ND30-TIEU-NGU", "Tiêu ngữ", "Motto", nd30.TIEU_NGU.ref)
def tieu_ngu(ctx: Context) -> Iterator[Hit]:
    tn = ctx.layout.tieu_ngu
    if tn is None:
        yield missing(ctx, "Tiêu ngữ", "motto (Tiêu ngữ)", nd30.TIEU_NGU_TEXT)
        return
    if norm(tn.text) != nd30.TIEU_NGU_TEXT:
        yield Hit(ctx.where(tn), nd30.TIEU_NGU_TEXT, norm(tn.text),
                  "Tiêu ngữ phải ghi đúng nguyên văn, các cụm từ nối bằng gạch nối (-) có cách "
                  "chữ trước và sau.",
                  "The motto must read exactly, its phrases joined by a spaced hyphen (-).")
    yield from ctx.format_hits(tn, nd30.TIEU_NGU, "Tiêu ngữ", "motto")


def _rule_hits(ctx: Context, piece: Piece, rng: nd30.Range, what: str, what_en: str,
               shape: str, shape_en: str) -> Iterator[Hit]:
    line = ctx.rule_under(piece)
    where = ctx.where(piece)
    if line is None:
        yield Hit(where, f"đường kẻ {shape}", "không có",
                  f"Dưới {what} phải có đường kẻ ngang nét liền {shape}.",
                  f"A solid horizontal rule {shape_en} must be drawn under the {what_en}.")
        return
    text = ctx.text_width_mm(piece)
    if line.length_mm is None or not text:
        return
    ratio = line.length_mm / text
    tol = nd30.RULE_LENGTH_TOLERANCE
    if not (rng.lo - tol <= ratio <= rng.hi + tol):
        yield Hit(where, f"{shape} (≈ {text * rng.lo:.0f}–{text * rng.hi:.0f} mm)",
                  f"{line.length_mm:.0f} mm ({ratio:.2f} × dòng chữ)",
                  f"Đường kẻ dưới {what} phải dài {shape}.",
                  f"The rule under the {what_en} must be {shape_en}.")


@rule("ND30-TIEU-NGU-RULE", "Đường kẻ dưới Tiêu ngữ", "Rule under the motto",
      nd30.RULE_TIEU_NGU.ref)
def tieu_ngu_rule(ctx: Context) -> Iterator[Hit]:
    if ctx.layout.tieu_ngu is not None:
        yield from _rule_hits(ctx, ctx.layout.tieu_ngu, nd30.RULE_TIEU_NGU, "Tiêu ngữ", "motto",
                              "bằng độ dài dòng chữ", "as long as the text")


@rule("ND30-ISSUER", "Tên cơ quan ban hành", "Issuing body", nd30.ISSUER.ref)
def issuer(ctx: Context) -> Iterator[Hit]:
    lines = ctx.layout.issuer
    if not lines:
        yield missing(ctx, "tên cơ quan, tổ chức ban hành văn bản", "issuing body", "ô 2")
        return
    bold = [all(r.bold for r in ctx.runs(p)) for p in lines]
    last_plain = max((i for i, b in enumerate(bold) if not b), default=-1)
    if last_plain == len(lines) - 1:
        yield from ctx.format_hits(lines[-1], nd30.ISSUER, "tên cơ quan ban hành",
                                   "issuing body name")
        return
    for i, piece in enumerate(lines):
        fmt = nd30.SUPERIOR_BODY if i <= last_plain else nd30.ISSUER
        what = ("tên cơ quan chủ quản", "superior body name") if i <= last_plain else \
            ("tên cơ quan ban hành", "issuing body name")
        yield from ctx.format_hits(piece, fmt, *what)


@rule("ND30-ISSUER-RULE", "Đường kẻ dưới tên cơ quan ban hành", "Rule under the issuing body",
      nd30.RULE_ISSUER.ref)
def issuer_rule(ctx: Context) -> Iterator[Hit]:
    if ctx.layout.issuer:
        yield from _rule_hits(ctx, ctx.layout.issuer[-1], nd30.RULE_ISSUER, "tên cơ quan ban hành",
                              "issuing body", "từ 1/3 đến 1/2 dòng chữ",
                              "1/3 to 1/2 of the text line")


_NUMBER = re.compile(r"^Số(?P<colon>\s*:?)\s*(?P<num>[^/]*?)\s*/\s*(?P<code>.+)$")


def _abbreviations() -> set[str]:
    return {abbr for _name, abbr in nd30.DOCUMENT_TYPES.values() if abbr}


@rule("ND30-NUMBER", "Số, ký hiệu văn bản", "Number and code", nd30.NUMBER.ref)
def number(ctx: Context) -> Iterator[Hit]:
    piece = ctx.layout.number
    if piece is None:
        if ctx.layout.type_key or ctx.layout.vv:
            yield missing(ctx, "số, ký hiệu văn bản (Số: …/…)", "number and code", "Số: 05/KH-UBND")
        return
    text = norm(piece.text)
    where = ctx.where(piece)
    m = _NUMBER.match(text)
    if m is None or m.group("colon").strip() != ":":
        yield Hit(where, "Số: 05/KH-UBND", text, "Số, ký hiệu phải có dạng «Số: 05/KH-UBND» "
                  "(chữ «Số» có dấu hai chấm, «/» giữa số và ký hiệu).",
                  "The number must read like 'Số: 05/KH-UBND'.")
    else:
        num, code = m.group("num"), m.group("code")
        if num and not set(num) <= set("…. _") and not (num.isdigit() and len(num) >= 2
                                                          and (len(num) == 2 or num[0] != "0")):
            yield Hit(where, "số có 2 chữ số trở lên (05, 12, 105)", num,
                      "Số nhỏ hơn 10 phải ghi thêm số 0 phía trước; số khác ghi bình thường.",
                      "Numbers below 10 take a leading zero; others are written plainly.")
        groups = code.split("-")
        if " " in code or not all(groups) or len(groups) < 2 or \
                any(g != g.upper() and g not in _abbreviations() for g in groups):
            yield Hit(where, "KH-UBND (chữ in hoa, nối bằng «-», không cách)", code,
                      "Ký hiệu gồm các nhóm chữ in hoa nối với nhau bằng gạch nối không cách.",
                      "The code is upper-case groups joined by hyphens without spaces.")
    yield from ctx.format_hits(piece, nd30.NUMBER, "số, ký hiệu", "number and code",
                               check_align=False)


@rule("ND30-NUMBER-TYPE", "Ký hiệu đúng loại văn bản", "Code matches the document type",
      "Phụ lục III, I; ô 3, Phụ lục I, II.3")
def number_type(ctx: Context) -> Iterator[Hit]:
    piece, key = ctx.layout.number, ctx.layout.type_key
    m = _NUMBER.match(norm(piece.text)) if piece else None
    if m is None or key is None:
        return
    name, abbr = nd30.DOCUMENT_TYPES[key]
    first = m.group("code").split("-")[0].strip()
    if abbr and first != abbr:
        yield Hit(ctx.where(piece), f"{abbr}-…", first,
                  f"Văn bản là {name} nên ký hiệu phải bắt đầu bằng «{abbr}».",
                  f"A {name} has a code starting with '{abbr}'.")


_DATE = re.compile(r"^(?P<place>[^,]*?)\s*(?P<comma>,?)\s*ngày\s+(?P<day>\S*)\s+tháng\s+"
                   r"(?P<month>\S*)\s+năm\s+(?P<year>\S+)$", re.IGNORECASE)


@rule("ND30-DATE", "Địa danh và ngày, tháng, năm", "Place and date", nd30.PLACE_DATE.ref)
def place_date(ctx: Context) -> Iterator[Hit]:
    piece = ctx.layout.place_date
    if piece is None:
        if ctx.layout.type_key or ctx.layout.vv:
            yield missing(ctx, "địa danh và ngày, tháng, năm ban hành", "place and date",
                          "Hà Nội, ngày 05 tháng 01 năm 2024")
        return
    text, where = norm(piece.text), ctx.where(piece)
    m = _DATE.match(text)
    if m is None or not m.group("comma") or not m.group("place") or \
            not m.group("place")[0].isupper():
        yield Hit(where, "Hà Nội, ngày 05 tháng 01 năm 2024", text,
                  "Ghi địa danh (viết hoa chữ cái đầu), dấu phẩy, rồi «ngày … tháng … năm …».",
                  "Write the place name (capitalised), a comma, then 'ngày … tháng … năm …'.")
    elif m.group("day").isdigit() and m.group("month").isdigit() and \
            not (1 <= int(m.group("day")) <= 31 and 1 <= int(m.group("month")) <= 12):
        yield Hit(where, "ngày 1–31, tháng 1–12", text, "Ngày, tháng không hợp lệ.",
                  "The day or month is not valid.")
    yield from ctx.format_hits(piece, nd30.PLACE_DATE, "địa danh, ngày tháng", "place and date",
                               check_align=False)
    num = ctx.layout.number
    if num is not None:
        a, b = ctx.para(num.para).container, ctx.para(piece.para).container
        same_row = num.para == piece.para or (a[0] == b[0] == "table" and a[1:3] == b[1:3])
        if not same_row:
            yield Hit(where, "cùng hàng với số, ký hiệu", "khác hàng",
                      "Địa danh, ngày tháng phải nằm cùng hàng với số, ký hiệu.",
                      "Place and date must be on the same row as the number.")


@rule("ND30-DATE-PADDING", "Số 0 trước ngày < 10 và tháng 1, 2", "Zero padding of day and "
      "month", nd30.PLACE_DATE.ref)
def date_padding(ctx: Context) -> Iterator[Hit]:
    piece = ctx.layout.place_date
    m = _DATE.match(norm(piece.text)) if piece else None
    if m is None:
        return
    for word, word_en, value, want in (("ngày", "day", m.group("day"), None),
                                       ("tháng", "month", m.group("month"), None)):
        if not value.isdigit():
            continue
        n = int(value)
        want = nd30.format_day(n) if word == "ngày" else nd30.format_month(n)
        if value != want:
            yield Hit(ctx.where(piece), f"{word} {want}", f"{word} {value}",
                      "Chỉ ghi số 0 trước ngày nhỏ hơn 10 và tháng 1, 2.",
                      f"Only days below 10 and months 1 and 2 take a leading zero ({word_en}).")

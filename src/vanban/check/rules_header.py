"""The header block: Quốc hiệu and Tiêu ngữ (ô 1), issuer (ô 2), number (ô 3), place/date (ô 4)."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from fractions import Fraction

from vanban.check.context import NONE, Context, missing
from vanban.check.finding import LINES, Hit, Text, collapse, mm, num, rule, same_found
from vanban.check.locate import DATE_RE, TITLED, Piece, norm
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


def _fraction(value: float) -> str:
    """1/3, 1/2 (rule lengths are given by the decree as fractions of the text line)."""
    return str(Fraction(value).limit_denominator(12))


def rule_shape(rng: nd30.Range) -> Text:
    """How long the rule must be, relative to the text above it."""
    if rng.lo == rng.hi == 1:
        return Text("bằng độ dài dòng chữ", "as long as the text")
    lo, hi = _fraction(rng.lo), _fraction(rng.hi)
    return Text(f"từ {lo} đến {hi} dòng chữ", f"{lo} to {hi} of the text line")


def rule_lengths(text_mm: float, rng: nd30.Range, lang: str) -> str:
    """The allowed rule lengths for a text ``text_mm`` wide: ``60 mm``, ``8–12 mm``."""
    lo, hi = num(text_mm * rng.lo, lang, 0), num(text_mm * rng.hi, lang, 0)
    return f"{lo} mm" if lo == hi else f"{lo}–{hi} mm"


def _rule_hits(ctx: Context, piece: Piece, rng: nd30.Range, what: str,
               what_en: str, block: tuple[Piece, ...] = ()) -> Iterator[Hit]:
    """A missing rule under ``piece``, or one whose length is outside ``rng`` × the text."""
    shape, shape_en = rule_shape(rng).vi, rule_shape(rng).en
    # The rule is measured against the longest line of the component (all of its lines).
    widths = [w for w in (ctx.text_width_mm(x) for x in (*block, piece)) if w]
    text = max(widths) if widths else None
    line = ctx.rule_under(piece, text * (rng.lo + rng.hi) / 2 if text else None,
                          tuple(x.para for x in block))
    where = ctx.where(piece)
    if line is None:
        yield Hit(where, Text(f"đường kẻ {shape}", f"a rule {shape_en}"), NONE,
                  f"Dưới {what} phải có đường kẻ ngang nét liền {shape}.",
                  f"A solid horizontal rule {shape_en} must be drawn under the {what_en}.")
        return
    if line.length_mm is None or not text:
        return
    ratio = line.length_mm / text
    tol = nd30.RULE_LENGTH_TOLERANCE
    if not (rng.lo - tol <= ratio <= rng.hi + tol):
        length = line.length_mm
        yield Hit(where, Text(f"{shape} (≈ {rule_lengths(text, rng, 'vi')})",
                              f"{shape_en} (≈ {rule_lengths(text, rng, 'en')})"),
                  Text(f"{mm(length, 'vi', 0)} ({num(ratio, 'vi', 2)} × dòng chữ)",
                       f"{mm(length, 'en', 0)} ({num(ratio, 'en', 2)} × the text)"),
                  f"Đường kẻ dưới {what} phải dài {shape}.",
                  f"The rule under the {what_en} must be {shape_en}.")


@rule("ND30-TIEU-NGU-RULE", "Đường kẻ dưới Tiêu ngữ", "Rule under the motto",
      nd30.RULE_TIEU_NGU.ref)
def tieu_ngu_rule(ctx: Context) -> Iterator[Hit]:
    if ctx.layout.tieu_ngu is not None:
        yield from _rule_hits(ctx, ctx.layout.tieu_ngu, nd30.RULE_TIEU_NGU, "Tiêu ngữ", "motto")


@rule("ND30-ISSUER", "Tên cơ quan ban hành", "Issuing body", nd30.ISSUER.ref)
def issuer(ctx: Context) -> Iterator[Hit]:
    lines = ctx.layout.issuer
    if not lines:
        yield missing(ctx, "tên cơ quan, tổ chức ban hành văn bản", "issuing body",
                      Text("ô 2", "box 2 (ô 2)"))
        return
    last_plain = _superior_lines(ctx, lines) - 1
    if last_plain == len(lines) - 1:
        yield from ctx.format_hits(lines[-1], nd30.ISSUER, "tên cơ quan ban hành",
                                   "issuing body name")
        return
    hits = []
    for i, piece in enumerate(lines):
        fmt = nd30.SUPERIOR_BODY if i <= last_plain else nd30.ISSUER
        what = ("tên cơ quan chủ quản", "superior body name") if i <= last_plain else \
            ("tên cơ quan ban hành", "issuing body name")
        hits.extend(ctx.format_hits(piece, fmt, *what))
    # A name set on two lines ("ỦY BAN NHÂN DÂN" / "TỈNH LÂM ĐỒNG") in 14 pt is one mistake.
    yield from collapse(hits, same_found, LINES)


@rule("ND30-ISSUER-RULE", "Đường kẻ dưới tên cơ quan ban hành", "Rule under the issuing body",
      nd30.RULE_ISSUER.ref)
def issuer_rule(ctx: Context) -> Iterator[Hit]:
    name = issuer_name(ctx)
    if name:
        yield from _rule_hits(ctx, name[-1], nd30.RULE_ISSUER, "tên cơ quan ban hành",
                              "issuing body", name[:-1])


def issuer_name(ctx: Context) -> tuple[Piece, ...]:
    """The lines of the issuing body's name: the bold lines under any plain line of a superior
    body. The name may take two lines ("ỦY BAN NHÂN DÂN" / "XÃ TÂN LẬP"); the rule under it is
    measured against the longer, as the one text line of the name."""
    lines = ctx.layout.issuer
    first = _superior_lines(ctx, lines)
    return tuple(lines[first:]) if first < len(lines) else tuple(lines[-1:])


def _superior_lines(ctx: Context, lines: tuple[Piece, ...]) -> int:
    """How many of the issuer lines name the superior body: those down to the last line not
    set bold; when all are bold, the first line if its words make it a superior body
    ("UBND TỈNH LÂM ĐỒNG" over "SỞ NỘI VỤ", not "ỦY BAN NHÂN DÂN" over "TỈNH LÂM ĐỒNG")."""
    bold = [all(r.bold for r in ctx.runs(p)) for p in lines]
    plain = max((i for i, b in enumerate(bold) if not b), default=-1) + 1
    if plain or len(lines) < 2:
        return plain
    top, under = (f" {norm(p.text).upper()} " for p in lines[:2])
    whole_body = top.startswith(tuple(f" {w} " for w in nd30.SUPERIOR_OPENINGS)) or \
        any(f" {w} " in top for w in nd30.ADMIN_UNIT_WORDS)
    opens_body = under.startswith(tuple(f" {w} " for w in nd30.BODY_OPENINGS))
    return 1 if whole_body and opens_body else 0


# Lenient on purpose: finds the parts of a Số line however it was typed; the rule pack judges
# each part (nd30.number_and_code for the number, nd30.CODE_PATTERN for the ký hiệu).
_NUMBER = re.compile(r"^Số(?P<colon>\s*:?)\s*(?P<num>[^/]*?)\s*/\s*(?P<code>.+)$")
_DRAFT_BLANK = frozenset("…. _")  # a draft leaves the number blank: "Số:      /KH-UBND"
_EXAMPLE_NUMBER = nd30.format_number(5, "KH-UBND")
_EXAMPLE_DATE = f"Hà Nội, {nd30.format_date(2024, 1, 5)}"


@rule("ND30-NUMBER", "Số, ký hiệu văn bản", "Number and code", nd30.NUMBER.ref)
def number(ctx: Context) -> Iterator[Hit]:
    piece = ctx.layout.number
    if piece is None:
        # A bảng so sánh goes with a submission and has no number of its own.
        if (ctx.layout.type_key or ctx.layout.vv) and not ctx.layout.attached and \
                ctx.layout.type_key not in TITLED.values():
            yield missing(ctx, "số, ký hiệu văn bản (Số: …/…)", "number and code",
                          _EXAMPLE_NUMBER)
        return
    text = norm(piece.text)
    where = ctx.where(piece)
    m = _NUMBER.match(text)
    if m is None or m.group("colon").strip() != ":":
        yield Hit(where, _EXAMPLE_NUMBER, text,
                  f"Số, ký hiệu phải có dạng «{_EXAMPLE_NUMBER}» "
                  "(chữ «Số» có dấu hai chấm, «/» giữa số và ký hiệu).",
                  f"The number must read like '{_EXAMPLE_NUMBER}'.")
    else:
        shown, code = m.group("num"), m.group("code")
        legal = nd30.LEGAL_NUMBER_PATTERN.match(f"{shown}/{code}")
        if legal:  # a legal document's number carries its year: "Số: 12/2025/TT-BTC"
            code = legal.group("code")
        if shown and not set(shown) <= _DRAFT_BLANK:
            digits = shown.isascii() and shown.isdigit()
            want = nd30.number_and_code(int(shown), code).split("/")[0] if digits else None
            if want != shown:
                yield Hit(where, want or Text("chữ số (05, 12, 105)", "digits (05, 12, 105)"),
                          shown,
                          "Số nhỏ hơn 10 phải ghi thêm số 0 phía trước; số khác ghi bình thường.",
                          "Numbers below 10 take a leading zero; others are written plainly.")
        if not nd30.CODE_PATTERN.match(code):
            squeezed = "".join(code.split())  # "QĐ- UBND": the same code without its spaces
            example = squeezed if nd30.CODE_PATTERN.match(squeezed) else "KH-UBND"
            yield Hit(where, Text(f"{example} (các nhóm chữ nối bằng «-», không cách)",
                                  f"{example} (letter groups joined by '-', no spaces)"), code,
                      "Ký hiệu gồm các nhóm chữ viết tắt (bắt đầu bằng chữ in hoa) nối với nhau "
                      "bằng gạch nối không cách.",
                      "The code is abbreviations (each starting with a capital) joined by "
                      "hyphens without spaces.")
    yield from ctx.format_hits(piece, nd30.NUMBER, "số, ký hiệu", "number and code")


@rule("ND30-NUMBER-TYPE", "Ký hiệu đúng loại văn bản", "Code matches the document type",
      "Phụ lục III, I; ô 3, Phụ lục I, II.3")
def number_type(ctx: Context) -> Iterator[Hit]:
    piece, key = ctx.layout.number, ctx.layout.type_key
    m = _NUMBER.match(norm(piece.text)) if piece else None
    types = {**nd30.DOCUMENT_TYPES, **nd30.LEGAL_DOCUMENT_TYPES}
    if m is None:
        return
    first = m.group("code").split("/")[-1].split("-")[0].strip()
    if key is None and ctx.layout.vv:  # a Công văn: no type name, so no type in its code
        typed = {a: n for n, a in types.values() if a}
        if first in typed:
            yield Hit(ctx.where(piece), Text("chữ viết tắt cơ quan ban hành đứng đầu",
                                             "the issuer's abbreviation first"), first,
                      f"Công văn không có tên loại nên ký hiệu không bắt đầu bằng «{first}» "
                      f"(ký hiệu của {typed[first].lower()}): ký hiệu công văn gồm chữ viết tắt "
                      "cơ quan ban hành, rồi đơn vị soạn thảo, ví dụ «UBND-NC».",
                      f"A Công văn has no type name, so its code does not start with '{first}' "
                      "(another type's): it is the issuer's abbreviation, then the drafting "
                      "unit's, e.g. 'UBND-NC'.")
        return
    if key not in types:
        return
    name, abbr = types[key]
    if abbr and first != abbr:
        yield Hit(ctx.where(piece), f"{abbr}-…", first,
                  f"Văn bản là {name} nên ký hiệu phải bắt đầu bằng «{abbr}».",
                  f"A {name} has a code starting with '{abbr}'.")


@rule("ND30-DATE", "Địa danh và ngày, tháng, năm", "Place and date", nd30.PLACE_DATE.ref)
def place_date(ctx: Context) -> Iterator[Hit]:
    piece = ctx.layout.place_date
    if piece is None:
        if (ctx.layout.type_key or ctx.layout.vv) and not ctx.layout.attached:
            yield missing(ctx, "địa danh và ngày, tháng, năm ban hành", "place and date",
                          _EXAMPLE_DATE)
        return
    text, where = norm(piece.text), ctx.where(piece)
    m = DATE_RE.match(text)
    if m is None or not m.group("comma") or not m.group("place") or \
            not m.group("place")[0].isupper():
        yield Hit(where, _EXAMPLE_DATE, text,
                  "Ghi địa danh (viết hoa chữ cái đầu), dấu phẩy, rồi «ngày … tháng … năm …».",
                  "Write the place name (capitalised), a comma, then 'ngày … tháng … năm …'.")
    elif m.group("day").isdigit() and m.group("month").isdigit() and \
            not _real_day(int(m.group("day")), int(m.group("month")), m.group("year")):
        yield Hit(where, Text("ngày 1–31, tháng 1–12", "day 1–31, month 1–12"), text,
                  "Ngày, tháng không hợp lệ.",
                  "The day or month is not valid.")
    yield from ctx.format_hits(piece, nd30.PLACE_DATE, "địa danh, ngày tháng", "place and date")
    num = ctx.layout.number
    if num is not None:
        a, b = ctx.para(num.para).container, ctx.para(piece.para).container
        same_row = num.para == piece.para or (a[0] == b[0] == "table" and a[1:3] == b[1:3])
        if not same_row:
            yield Hit(where, Text("cùng hàng với số, ký hiệu", "on the row of the number"),
                      Text("khác hàng", "on another row"),
                      "Địa danh, ngày tháng phải nằm cùng hàng với số, ký hiệu.",
                      "Place and date must be on the same row as the number.")


def _real_day(day: int, month: int, year: str) -> bool:
    """A day of the calendar: 1–31 and 1–12, and no "ngày 30 tháng 02" (in the given year, or
    in a leap year when the year is left blank)."""
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return False
    leap = 2024 if not year.isdigit() else int(year)
    return day <= calendar.monthrange(leap, month)[1]


@rule("ND30-DATE-PADDING", "Số 0 trước ngày < 10 và tháng 1, 2", "Zero padding of day and "
      "month", nd30.PLACE_DATE.ref)
def date_padding(ctx: Context) -> Iterator[Hit]:
    piece = ctx.layout.place_date
    m = DATE_RE.match(norm(piece.text)) if piece else None
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

"""Page setup, fonts and page numbers (Phụ lục I, I.1)."""

from __future__ import annotations

from collections.abc import Iterator

from vanban.check.context import NONE, Context
from vanban.check.finding import Hit, Text, Where, both, excerpt, mm, num, pt_range, pts, rule
from vanban.errors import Severity
from vanban.ooxml.reader import ParaFacts, SectionFacts
from vanban.rules import nd30

_NOT_SET = Text("không đặt", "not set")


def _size(w: float | None, h: float | None, lang: str) -> str:
    return f"{mm(w, lang)} × {mm(h, lang)}"


def _a4(lang: str) -> str:
    return f"A4 ({num(nd30.PAGE_WIDTH_MM, lang)} × {mm(nd30.PAGE_HEIGHT_MM, lang)})"


def _section_where(sec: SectionFacts) -> Where:
    return Where(part="section", section=sec.index)


@rule("ND30-PAGE-SIZE", "Khổ giấy A4", "A4 paper", nd30.PAGE_REF)
def page_size(ctx: Context) -> Iterator[Hit]:
    tol = nd30.PAGE_SIZE_TOLERANCE_MM
    for sec in ctx.facts.sections:
        w, h = sec.page_w_mm, sec.page_h_mm
        dims = sorted((w or 0, h or 0))
        if abs(dims[0] - nd30.PAGE_WIDTH_MM) > tol or abs(dims[1] - nd30.PAGE_HEIGHT_MM) > tol:
            yield Hit(_section_where(sec), both(_a4),
                      both(_size, w, h),
                      f"Khổ giấy phải là {_a4('vi')}.", f"The paper must be {_a4('en')}.")


@rule("ND30-PAGE-ORIENT", "Hướng giấy dọc", "Portrait orientation", nd30.PAGE_REF)
def page_orientation(ctx: Context) -> Iterator[Hit]:
    for sec in ctx.facts.sections:
        if sec.orient != "landscape":
            continue
        tables = [t for t in ctx.facts.tables if t.section == sec.index]
        if sec.index == 0 or not tables:
            yield Hit(_section_where(sec), Text("dọc (portrait)", "portrait"),
                      Text("ngang (landscape)", "landscape"),
                      "Trang nằm ngang chỉ dùng cho phần có bảng, biểu; trang đầu phải khổ dọc.",
                      "Landscape pages are only for tables and forms; page 1 must be portrait.")


@rule("ND30-MARGINS", "Lề trang", "Page margins", nd30.MARGIN_TOP.ref)
def margins(ctx: Context) -> Iterator[Hit]:
    tol = nd30.LENGTH_TOLERANCE_MM
    sides = (("trên", "top", "margin_top_mm", nd30.MARGIN_TOP),
             ("dưới", "bottom", "margin_bottom_mm", nd30.MARGIN_BOTTOM),
             ("trái", "left", "margin_left_mm", nd30.MARGIN_LEFT),
             ("phải", "right", "margin_right_mm", nd30.MARGIN_RIGHT))
    for sec in ctx.facts.sections:
        for vi, en, attr, rng in sides:
            value = getattr(sec, attr)
            if value is None or not (rng.lo - tol <= value <= rng.hi + tol):
                # A landscape section may be laid out for its table: warn, do not fail.
                sev = Severity.WARNING if sec.orient == "landscape" else None
                yield Hit(_section_where(sec), both(_mm_range, rng),
                          both(mm, value),
                          f"Lề {vi} phải từ {num(rng.lo)} đến {mm(rng.hi)}.",
                          f"The {en} margin must be {_mm_range(rng, 'en')}.", sev)


def _mm_range(rng: nd30.Range, lang: str) -> str:
    return f"{num(rng.lo, lang)}–{mm(rng.hi, lang)}"


def _all_paragraphs(ctx: Context) -> Iterator[tuple[ParaFacts, Where]]:
    for p in ctx.facts.paragraphs:
        yield p, ctx.where(p.index)
    seen = set()
    for sec in ctx.facts.sections:
        for kind in ("headers", "footers"):
            for part in getattr(sec, kind).values():
                if id(part) in seen:
                    continue
                seen.add(id(part))
                for p in part.paragraphs:
                    yield p, Where(part="header", section=sec.index, excerpt=excerpt(p.text))


def _font_hits(ctx: Context, slots: tuple[int, ...]) -> Iterator[tuple[Where, Text]]:
    for p, where in _all_paragraphs(ctx):
        for r in p.runs:
            if r.hidden or not r.text.strip():
                continue
            bad = [r.fonts[i] for i in slots if r.fonts[i] != nd30.FONT]
            if bad:
                yield Where(where.paragraph, where.cell, where.part, where.section,
                            excerpt=excerpt(r.text)), _fonts(bad)
                break


def _fonts(names: list[str | None]) -> Text:
    return Text(", ".join(f or _NOT_SET.vi for f in names),
                ", ".join(f or _NOT_SET.en for f in names))


@rule("ND30-FONT", "Phông chữ Times New Roman", "Times New Roman font", nd30.FONT_REF)
def font(ctx: Context) -> Iterator[Hit]:
    for where, found in _font_hits(ctx, (0, 1)):
        yield Hit(where, nd30.FONT, found, f"Chữ phải dùng phông {nd30.FONT}.",
                  f"Text must be set in {nd30.FONT}.")


@rule("ND30-FONT-SLOTS", "Times New Roman ở cả bốn vị trí phông", "Times New Roman in all four "
      "font slots", nd30.FONT_REF, severity=Severity.WARNING)
def font_slots(ctx: Context) -> Iterator[Hit]:
    for where, found in _font_hits(ctx, (2, 3)):
        yield Hit(where, f"{nd30.FONT} (eastAsia, cs)", found,
                  f"Phông cho chữ Đông Á và chữ phức hợp (eastAsia, cs) nên cũng là {nd30.FONT}.",
                  f"The eastAsia and cs font slots should also be {nd30.FONT}.")


@rule("ND30-FONT-COLOR", "Chữ màu đen", "Black text", nd30.FONT_REF)
def font_color(ctx: Context) -> Iterator[Hit]:
    for p, where in _all_paragraphs(ctx):
        for r in p.runs:
            if r.text.strip() and not r.hidden and r.color is not None:
                yield Hit(Where(where.paragraph, where.cell, where.part, where.section,
                                excerpt=excerpt(r.text)), Text("đen", "black"), f"#{r.color}",
                          "Chữ phải màu đen.", "Text must be black.")
                break


def _page_fields(part) -> list[ParaFacts]:
    return [p for p in part.paragraphs if any(f.split()[:1] == ["PAGE"] for f in p.fields)]


@rule("ND30-PAGE-NUMBER", f"Số trang ở lề trên, giữa, {pt_range(nd30.PAGE_NUMBER.size)}",
      f"Page number in the top margin, centred, {pt_range(nd30.PAGE_NUMBER.size, 'en')}",
      nd30.PAGE_NUMBER.ref)
def page_number(ctx: Context) -> Iterator[Hit]:
    fmt = nd30.PAGE_NUMBER
    for sec in ctx.facts.sections:
        where = Where(part="header", section=sec.index)
        header = sec.headers.get("default")
        in_header = _page_fields(header) if header else []
        in_footer = [p for f in sec.footers.values() for p in _page_fields(f)]
        if in_footer:
            yield Hit(where, Text("lề trên (header)", "top margin (header)"),
                      Text("lề dưới (footer)", "bottom margin (footer)"),
                      "Số trang phải đặt ở lề trên, không đặt ở chân trang.",
                      "The page number belongs in the top margin, not the footer.")
        if not in_header and not in_footer:
            pages = _page_count(ctx)
            sev = Severity.ERROR if pages and pages > 1 else Severity.WARNING
            yield Hit(where, Text("trường PAGE ở đầu trang", "a PAGE field in the header"), NONE,
                      "Không có số trang ở đầu trang (bắt buộc khi văn bản có từ 2 trang).",
                      "No page number field in the header (required from page 2 on).", sev)
        for p in in_header:
            runs = [r for r in p.runs if r.field and r.field.split()[:1] == ["PAGE"]
                    and r.text.strip()] or [r for r in p.runs if r.field]
            sizes = sorted({r.size_pt for r in runs})
            if any(s not in fmt.size for s in sizes):
                yield Hit(where, both(pt_range, fmt.size),
                          both(pts, sizes),
                          f"Số trang phải cỡ chữ {pt_range(fmt.size)}.",
                          f"The page number must be {pt_range(fmt.size, 'en')}.")
            if any(r.italic or r.bold for r in runs):
                yield Hit(where, Text("chữ đứng", "upright"),
                          Text("nghiêng hoặc đậm", "italic or bold"), "Số trang phải chữ đứng, "
                          "không đậm.", "The page number must be upright and not bold.")
            if p.align != "center":
                yield Hit(where, Text("căn giữa", "centred"), p.align, "Số trang phải căn giữa.",
                          "The page number must be centred.")
        if sec.index == 0 and sec.pg_num_start not in (None, 1):
            yield Hit(where, Text("bắt đầu từ 1", "starting at 1"), str(sec.pg_num_start),
                      "Số trang phải bắt đầu từ 1.", "Page numbers must start at 1.")


@rule("ND30-PAGE-NUMBER-FIRST", "Không hiện số trang ở trang 1", "No page number on page 1",
      nd30.PAGE_NUMBER.ref)
def page_number_first(ctx: Context) -> Iterator[Hit]:
    if not ctx.facts.sections:
        return
    sec = ctx.facts.sections[0]
    first = sec.headers.get("first") if sec.title_pg else sec.headers.get("default")
    if first is not None and _page_fields(first):
        yield Hit(Where(part="header", section=0, page=1),
                  Text("trang 1 không có số trang", "no page number on page 1"),
                  Text("có số trang", "a page number") if sec.title_pg else
                  Text("không bật 'trang đầu khác'", "'different first page' is off"),
                  "Trang 1 không được hiện số trang (bật 'Different first page' với đầu trang "
                  "đầu để trống).",
                  "Page 1 must not show a page number (use a different, empty first-page "
                  "header).")


def _page_count(ctx: Context) -> int | None:
    pages = getattr(ctx.geometry, "pages", None)
    return len(pages) if pages is not None else None

"""Page setup, fonts and page numbers (Phụ lục I, I.1)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from vanban.check.context import NONE, Context
from vanban.check.finding import (
    PARAGRAPHS,
    SECTIONS,
    Hit,
    Text,
    Where,
    and_more,
    both,
    collapse,
    excerpt,
    mm,
    num,
    pt_range,
    pts,
    rule,
    same_found,
)
from vanban.check.locate import TITLED, norm
from vanban.check.pages import evidently_one_page, evidently_several_pages, measured_pages
from vanban.errors import Severity
from vanban.ooxml.reader import ParaFacts, RunFacts, SectionFacts
from vanban.rules import nd30

_NOT_SET = Text("không đặt", "not set")


def _size(w: float | None, h: float | None, lang: str) -> str:
    return f"{mm(w, lang)} × {mm(h, lang)}"


def _a4(lang: str) -> str:
    return f"A4 ({num(nd30.PAGE_WIDTH_MM, lang)} × {mm(nd30.PAGE_HEIGHT_MM, lang)})"


def _section_where(ctx: Context, sec: SectionFacts) -> Where:
    """A section's page setup, and for a section after the first the text it starts with
    («Phụ lục II»): a clerk does not count sections."""
    start = ""
    if sec.index:
        paras = ctx.facts.paragraphs[sec.first_paragraph:sec.last_paragraph + 1]
        start = next((excerpt(norm(p.text)) for p in paras if p.text.strip()), "")
    return Where(part="section", section=sec.index, excerpt=start)


@rule("ND30-PAGE-SIZE", "Khổ giấy A4", "A4 paper", nd30.PAGE_REF)
def page_size(ctx: Context) -> Iterator[Hit]:
    tol = nd30.PAGE_SIZE_TOLERANCE_MM
    seen: dict[tuple, list[SectionFacts]] = {}
    for sec in ctx.facts.sections:
        w, h = sec.page_w_mm, sec.page_h_mm
        dims = sorted((w or 0, h or 0))
        if abs(dims[0] - nd30.PAGE_WIDTH_MM) > tol or abs(dims[1] - nd30.PAGE_HEIGHT_MM) > tol:
            seen.setdefault((round(dims[0]), round(dims[1])), []).append(sec)
    for secs in seen.values():  # one finding per paper size, at its first section
        sec, more = secs[0], len(secs) - 1
        found = both(_size, sec.page_w_mm, sec.page_h_mm)
        yield Hit(_section_where(ctx, sec), both(_a4),
                  and_more(found, more, SECTIONS),
                  f"Khổ giấy phải là {_a4('vi')}.", f"The paper must be {_a4('en')}.")


@rule("ND30-PAGE-ORIENT", "Hướng giấy dọc", "Portrait orientation", nd30.PAGE_REF)
def page_orientation(ctx: Context) -> Iterator[Hit]:
    for sec in ctx.facts.sections:
        if sec.orient != "landscape":
            continue
        tables = [t for t in ctx.facts.tables if t.section == sec.index]
        # A bảng so sánh is one landscape table from page 1 on (the decree allows landscape
        # pages for tables, Phụ lục I, I.1).
        # So may a file that is only an appendix (010.docx: forms, landscape throughout).
        table_document = (ctx.layout.type_key in TITLED.values() or ctx.layout.appendix_only) \
            and any(t.borders for t in tables)
        if (sec.index == 0 and not table_document) or not tables:
            yield Hit(_section_where(ctx, sec), Text("dọc (portrait)", "portrait"),
                      Text("ngang (landscape)", "landscape"),
                      "Trang nằm ngang chỉ dùng cho phần có bảng, biểu; trang đầu phải khổ dọc.",
                      "Landscape pages are only for tables and forms; page 1 must be portrait.")


@rule("ND30-MARGINS", "Lề trang", "Page margins", nd30.MARGIN_TOP.ref)
def margins(ctx: Context) -> Iterator[Hit]:
    # One finding per side and wrong value, at its first section: a document of twelve
    # sections with the same left margin has one mistake, not twelve.
    sides = (("trên", "top", nd30.MARGIN_TOP), ("dưới", "bottom", nd30.MARGIN_BOTTOM),
             ("trái", "left", nd30.MARGIN_LEFT), ("phải", "right", nd30.MARGIN_RIGHT))
    seen: dict[tuple, list[SectionFacts]] = {}
    for sec in ctx.facts.sections:
        for vi, en, rng in sides:
            value = getattr(sec, f"margin_{en}_mm")
            if not margin_ok(sec, en):
                key = (vi, en, None if value is None else round(value, 1),
                       sec.orient == "landscape")
                seen.setdefault(key, []).append(sec)
    for (vi, en, _value, landscape), secs in seen.items():
        sec, rng = secs[0], {e: r for _v, e, r in sides}[en]
        value = getattr(sec, f"margin_{en}_mm")
        more = len(secs) - 1
        # A landscape section may be laid out for its table: warn, do not fail.
        sev = Severity.WARNING if landscape else None
        found = both(mm, value)
        yield Hit(_section_where(ctx, sec), both(_mm_range, rng),
                  and_more(found, more, SECTIONS),
                  f"Lề {vi} phải từ {num(rng.lo)} đến {mm(rng.hi)}.",
                  f"The {en} margin must be {_mm_range(rng, 'en')}.", sev)


def _mm_range(rng: nd30.Range, lang: str) -> str:
    return f"{num(rng.lo, lang)}–{mm(rng.hi, lang)}"


def at_run(where: Where, r: RunFacts, ctx: Context | None = None) -> Where:
    """``where`` narrowed to the run ``r`` (its text as the excerpt). A run of a character or
    two (a red "." ending a paragraph, 125.docx) cannot be searched for: the excerpt is then
    the start of its body paragraph, followed by the run's text."""
    text = r.text.strip()
    if ctx is not None and len(text) < 4 and where.part == "body" and \
            where.paragraph is not None and where.paragraph < len(ctx.facts.paragraphs):
        start = excerpt(norm(ctx.facts.paragraphs[where.paragraph].text))
        if start and start != text:
            return Where(where.paragraph, where.cell, where.part, where.section,
                         excerpt=start, chars=text)
    return Where(where.paragraph, where.cell, where.part, where.section, excerpt=excerpt(r.text))


_FACES = frozenset({"", "bold", "italic", "bold italic", "regular"})


@functools.lru_cache(maxsize=1024)
def is_times(name: str | None) -> bool:
    """Times New Roman, also when a converter named one of its faces ("Times New Roman Bold"):
    Word draws that with the family's bold face."""
    if name is None or not name.startswith(nd30.FONT):
        return False
    return name[len(nd30.FONT):].strip().casefold() in _FACES


def _fonts(names: list[str | None]) -> Text:
    """Each distinct font once, in order of appearance (``Arial``, not ``Arial, Arial``)."""
    distinct = list(dict.fromkeys(names))
    return Text(", ".join(f or _NOT_SET.vi for f in distinct),
                ", ".join(f or _NOT_SET.en for f in distinct))


@rule("ND30-FONT", "Phông chữ Times New Roman", "Times New Roman font", nd30.FONT_REF)
def font(ctx: Context) -> Iterator[Hit]:
    # One finding per wrong font, at its first paragraph, counting the others: a document set
    # in Arial is one mistake, not one per paragraph.
    faces = _wrong_values(ctx, lambda r: dict.fromkeys(r.fonts[i] for i in (0, 1)
                                                       if not is_times(r.fonts[i])))
    for face, (where, count) in faces.items():
        yield Hit(where, nd30.FONT,
                  and_more(_fonts([face]), count - 1, PARAGRAPHS),
                  f"Chữ phải dùng phông {nd30.FONT}.", f"Text must be set in {nd30.FONT}.")


def _wrong_values(ctx: Context, wrong: Callable[[RunFacts], Iterable[Any]]
                  ) -> dict[Any, tuple[Where, int]]:
    """Each wrong value a visible run has (``wrong`` of the run: fonts, a colour), in order of
    appearance: the first run that has it, and the number of paragraphs it shows in."""
    first: dict[Any, Where] = {}
    places: dict[Any, set] = {}
    for r, where in ctx.visible_runs:
        for value in wrong(r):
            if value not in first:
                first[value] = at_run(where, r, ctx)
            places.setdefault(value, set()).add(
                (where.part, where.section, where.paragraph, where.cell))
    return {value: (where, len(places[value])) for value, where in first.items()}


_SLOTS = ((2, "eastAsia"), (3, "cs"))

_EAST_ASIAN = ((0x2E80, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF), (0xFE30, 0xFE4F),
               (0xFF00, 0xFFEF))
"""CJK radicals to ideographs, Hangul, compatibility ideographs and forms, full-width forms:
the characters Word always draws with the eastAsia font."""
_COMPLEX = ((0x0590, 0x08FF), (0x0E00, 0x0E7F))
"""Hebrew, Arabic, Syriac, Thaana …, and Thai: drawn with the cs (complex script) font."""


def _script(ranges: tuple[tuple[int, int], ...]) -> re.Pattern[str]:
    """One character of ``ranges`` (matched in C: the test runs on every character of a
    document whose runs name a font in the slot, as most drafts do)."""
    return re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in ranges) + "]")


_EAST_ASIAN_CHAR = _script(_EAST_ASIAN)
_COMPLEX_CHAR = _script(_COMPLEX)


def _drawn_by_slot(r: RunFacts, slot: str) -> str:
    """The characters of ``r`` Word draws with its ``slot`` font: those of that slot's own
    scripts, and with ``w:hint`` naming the slot every character outside ASCII (Vietnamese
    letters, quotes, dashes: ECMA-376 §17.3.2.26)."""
    if r.font_hint == slot:
        return "".join(ch for ch in r.text if ord(ch) > 0x7F and not ch.isspace())
    return "".join((_EAST_ASIAN_CHAR if slot == "eastAsia" else _COMPLEX_CHAR).findall(r.text))


@rule("ND30-FONT-SLOTS", "Chữ Word vẽ bằng phông Đông Á / phức hợp (eastAsia, cs) cũng là Times "
      "New Roman", "Text drawn with the eastAsia / cs font is in Times New Roman too",
      nd30.FONT_REF, severity=Severity.WARNING)
def font_slots(ctx: Context) -> Iterator[Hit]:
    # Vietnamese text is drawn with the ascii/hAnsi fonts: a SimSun or Calibri left in the
    # eastAsia or cs slot (Word's own defaults put them there) draws nothing, and 104 of the
    # 105 corpus documents naming one showed no character in it. It matters where Word does
    # use the slot: a run marked w:hint="eastAsia" (110.docx draws its "ư" in Calibri so) or
    # text of an East Asian or complex script. The whole document gets one finding.
    first: Where | None = None
    runs = 0
    slots: dict[str, list[str]] = {}
    chars: dict[str, None] = {}  # ordered and unique, without a scan per character
    for r, where in ctx.visible_runs:
        bad = [(name, r.fonts[i], drawn) for i, name in _SLOTS
               if r.fonts[i] is not None and not is_times(r.fonts[i])
               and (drawn := _drawn_by_slot(r, name))]
        if not bad:
            continue
        runs += 1
        first = first or at_run(where, r)
        for name, face, drawn in bad:
            faces = slots.setdefault(name, [])
            if face not in faces:
                faces.append(face)  # type: ignore[arg-type]
            chars.update(dict.fromkeys(drawn))
    if first is None:
        return
    names = ", ".join(slots)
    faces = ", ".join(dict.fromkeys(f for fs in slots.values() for f in fs))
    shown = "".join(list(chars)[:12]) + ("…" if len(chars) > 12 else "")
    found = "; ".join(f"{name}: {', '.join(fs)}" for name, fs in slots.items())
    yield Hit(first, f"{nd30.FONT} ({names})",
              Text(f"{found}, chữ «{shown}» ({runs} run)",
                   f"{found}, characters «{shown}» ({_runs(runs)})"),
              f"Word hiển thị một số chữ («{shown}») bằng phông {faces} (phông {names} của "
              f"đoạn chữ), không phải {nd30.FONT}: đặt phông {names} là {nd30.FONT}.",
              f"Word draws some characters («{shown}») in {faces} (the run's {names} font), "
              f"not {nd30.FONT}: set the {names} font to {nd30.FONT}.")


def _runs(n: int) -> str:
    return f"{n} run" if n == 1 else f"{n} runs"


@rule("ND30-FONT-COLOR", "Chữ màu đen", "Black text", nd30.FONT_REF)
def font_color(ctx: Context) -> Iterator[Hit]:
    colors = _wrong_values(ctx, lambda r: (r.color,) if r.color is not None and
                           not _near_black(r.color) else ())
    for color, (where, count) in colors.items():  # one finding per colour
        yield Hit(where, Text("đen", "black"),
                  and_more(f"#{color}", count - 1, PARAGRAPHS),
                  "Chữ phải màu đen.", "Text must be black.")


_NEAR_BLACK = 0x1A  # each of red, green, blue at most 10 % up from black


def _near_black(color: str) -> bool:
    """Word's "Black, Text 1, Lighter 5%" (#0D0D0D) and such: black on paper (028.docx sets
    its whole body so)."""
    try:
        rgb = bytes.fromhex(color)
    except ValueError:
        return False
    return len(rgb) == 3 and max(rgb) <= _NEAR_BLACK


def _page_fields(part) -> list[ParaFacts]:
    return [p for p in part.paragraphs if any(f.split()[:1] == ["PAGE"] for f in p.fields)]


@rule("ND30-PAGE-NUMBER", f"Số trang ở lề trên, giữa, {pt_range(nd30.PAGE_NUMBER.size)}",
      f"Page number in the top margin, centred, {pt_range(nd30.PAGE_NUMBER.size, 'en')}",
      nd30.PAGE_NUMBER.ref)
def page_number(ctx: Context) -> Iterator[Hit]:
    # Sections share (inherit) their headers: one finding per mistake, at its first section.
    yield from collapse(list(_page_number_hits(ctx)), same_found, SECTIONS)


def _page_number_hits(ctx: Context) -> Iterator[Hit]:
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
            hit = _missing_page_number(ctx, where)
            if hit:
                yield hit
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
            # A number centred with a tab stop reads as left-aligned: --pdf measures where it is.
            if p.align != "center" and "\t" not in p.text:
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


def _missing_page_number(ctx: Context, where: Where) -> Hit | None:
    """No PAGE field: an error when the PDF shows 2+ pages, nothing for a one-page document
    (counted on the PDF, or evidently short from the DOCX), else a warning, since the decree
    asks for page numbers only from page 2 on and the DOCX alone cannot say where pages break."""
    pages = measured_pages(ctx)
    if pages == 1 or (pages is None and evidently_one_page(ctx)):
        return None
    expected = Text("trường PAGE ở đầu trang", "a PAGE field in the header")
    if pages:
        return Hit(where, expected, NONE,
                   f"Văn bản có {pages} trang nhưng không có số trang ở đầu trang.",
                   f"The document has {pages} pages but no page number field in the header.",
                   Severity.ERROR)
    if evidently_several_pages(ctx):
        # 040.docx: a report of 450 paragraphs, a dozen pages, was only a warning.
        return Hit(where, expected, NONE,
                   "Văn bản dài hơn một trang nhưng không có số trang ở đầu trang.",
                   "The document runs past one page but has no page number field in the "
                   "header.", Severity.ERROR)
    return Hit(where, expected, NONE,
               "Không có số trang ở đầu trang (bắt buộc nếu văn bản có từ 2 trang).",
               "No page number field in the header (required if the document has 2 pages or "
               "more).", Severity.WARNING)


def shows_page_number_on_page_1(ctx: Context) -> bool:
    """The first page's header holds a PAGE field (what ND30-PAGE-NUMBER-FIRST reports)."""
    if not ctx.facts.sections:
        return False
    sec = ctx.facts.sections[0]
    first = sec.headers.get("first") if sec.title_pg else sec.headers.get("default")
    return first is not None and bool(_page_fields(first))


def has_header_page_number(sec: SectionFacts) -> bool:
    """The section's default header holds a PAGE field (else ND30-PAGE-NUMBER reports it)."""
    header = sec.headers.get("default")
    return header is not None and bool(_page_fields(header))


def margin_ok(sec: SectionFacts, side: str) -> bool:
    """The section's ``side`` margin ('top', 'bottom', 'left', 'right') is within the decree's
    range (else ND30-MARGINS reports it)."""
    rng = {"top": nd30.MARGIN_TOP, "bottom": nd30.MARGIN_BOTTOM, "left": nd30.MARGIN_LEFT,
           "right": nd30.MARGIN_RIGHT}[side]
    value = getattr(sec, f"margin_{side}_mm")
    tol = nd30.LENGTH_TOLERANCE_MM
    return value is not None and rng.lo - tol <= value <= rng.hi + tol


def page_number_size_wrong(sec: SectionFacts) -> bool:
    """The DOCX sets the section's header page number in a size outside the decree's range
    (ND30-PAGE-NUMBER reports it)."""
    header = sec.headers.get("default")
    for p in _page_fields(header) if header else []:
        runs = [r for r in p.runs if r.field and r.field.split()[:1] == ["PAGE"]]
        if any(r.size_pt not in nd30.PAGE_NUMBER.size for r in runs):
            return True
    return False

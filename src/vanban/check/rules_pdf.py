"""Rules on the rendered layout (``vanban check --pdf``): margins, rules, page numbers, signature.

They read ``vanban.pdf.geometry.PdfGeometry`` (pages of text lines and horizontal rules in mm,
measured from LibreOffice's PDF) and only run when the document was converted.
"""

from __future__ import annotations

from collections.abc import Iterator

from vanban.check import finding
from vanban.check.context import NONE, Context
from vanban.check.finding import Hit, Text, Where, both, excerpt, mm, num, pt, pt_range, rule
from vanban.check.locate import norm
from vanban.check.rules_header import issuer_name, rule_lengths, rule_shape
from vanban.check.rules_page import (
    has_header_page_number,
    margin_ok,
    page_number_size_wrong,
    shows_page_number_on_page_1,
)
from vanban.rules import nd30

# Layout slack for measured positions: glyph side bearings, border widths, rounding.
PDF_TOLERANCE_MM = 1.5
# "Level with": the authority line and "Nơi nhận:" start within this distance of each other.
LEVEL_TOLERANCE_MM = 4.0


def _pages(ctx: Context):
    return getattr(ctx.geometry, "pages", ()) or ()


def _section_for_page(ctx: Context, number: int):
    """The section a page belongs to, from where each section's first text shows up."""
    sections = ctx.facts.sections
    starts = ctx.section_starts
    index = max((i for i, first in enumerate(starts) if first <= number), default=0)
    return sections[min(index, len(sections) - 1)]


def collapse(hits: list[Hit]) -> Iterator[Hit]:
    """One hit per distinct mistake, at its first page, counting the other pages."""
    return finding.collapse(hits, finding.same_expected, finding.PAGES)


@rule("ND30-PDF-MARGINS", "Lề trang đo trên bản PDF", "Margins measured on the PDF",
      nd30.MARGIN_LEFT.ref, needs_pdf=True)
def pdf_margins(ctx: Context) -> Iterator[Hit]:
    yield from collapse(list(_pdf_margin_hits(ctx)))


def _pdf_margin_hits(ctx: Context) -> Iterator[Hit]:
    tol = PDF_TOLERANCE_MM
    for page in _pages(ctx):
        # A page number in the header or footer is not body text in the margin (a footer
        # page number is ND30-PAGE-NUMBER's finding).
        lines = [ln for ln in page.lines if not (ln.text.isdigit() and (
            ln.bottom <= nd30.MARGIN_TOP.lo + tol or
            page.height_mm - ln.top <= nd30.MARGIN_BOTTOM.hi + tol))]
        if not lines:
            continue
        # The line that comes nearest each edge: quoted, so the clerk finds it (the Quốc hiệu
        # of a header table wider than the text, a wide table of Phụ lục II …).
        left = min(lines, key=lambda ln: ln.x0)
        right = max(lines, key=lambda ln: ln.x1)
        high = min(lines, key=lambda ln: ln.top)
        low = max(lines, key=lambda ln: ln.bottom)
        checks = (("trái", "left", left.x0, nd30.MARGIN_LEFT.lo, left),
                  ("phải", "right", page.width_mm - right.x1, nd30.MARGIN_RIGHT.lo, right),
                  ("trên", "top", high.top, nd30.MARGIN_TOP.lo, high),
                  ("dưới", "bottom", page.height_mm - low.bottom, nd30.MARGIN_BOTTOM.lo, low))
        sec = _section_for_page(ctx, page.number)
        for vi, en, room, lo, line in checks:
            # A margin set too small is reported once, by ND30-MARGINS from the DOCX setting;
            # here only text that runs into a correctly set margin (negative indents, wide
            # tables, pictures) - what the DOCX setting cannot show.
            if room < lo - tol and margin_ok(sec, en):
                where = Where(part="page", page=page.number, excerpt=excerpt(norm(line.text)))
                yield Hit(where, both(_at_least, lo), both(mm, room),
                          f"Chữ lấn vào lề {vi} (lề tối thiểu {mm(lo)}).",
                          f"Text runs into the {en} margin (at least {mm(lo, 'en')}).")


def _at_least(value: float, lang: str) -> str:
    return f"≥ {mm(value, lang)}"


def _off_by(value: float, lang: str) -> str:
    """``lệch 2,5 mm`` / ``off by 2.5 mm``."""
    return f"{'lệch' if lang != 'en' else 'off by'} {mm(value, lang)}"


def _ratio(length: float, ratio: float, lang: str) -> str:
    return f"{mm(length, lang)} ({num(ratio, lang, 2)} ×)"


@rule("ND30-PDF-RULES", "Độ dài đường kẻ đo trên bản PDF", "Rule lengths measured on the PDF",
      "ô 1, ô 2, ô 5a, Phụ lục I, II.1, II.2, II.5", needs_pdf=True)
def pdf_rules(ctx: Context) -> Iterator[Hit]:
    pages = _pages(ctx)
    if not pages:
        return
    lay = ctx.layout
    targets = []
    if lay.tieu_ngu:
        targets.append((norm(lay.tieu_ngu.text), nd30.RULE_TIEU_NGU, "Tiêu ngữ", "motto",
                        "ND30-TIEU-NGU-RULE"))
    if lay.issuer:  # all the lines of the name, as ND30-ISSUER-RULE measures it
        targets.append((" ".join(norm(x.text) for x in issuer_name(ctx)), nd30.RULE_ISSUER,
                        "tên cơ quan ban hành", "issuing body", "ND30-ISSUER-RULE"))
    if lay.summary:
        # All of a summary typed on several paragraphs, as ND30-SUMMARY-RULE measures it: its
        # longest line is the "dòng chữ" (223.docx: 142 mm over a last line of 68 mm).
        targets.append((" ".join(norm(x.text) for x in lay.summary), nd30.RULE_SUMMARY,
                        "trích yếu", "summary", "ND30-SUMMARY-RULE"))
    from vanban.pdf.geometry import line_above

    page = pages[0]
    tol = nd30.RULE_LENGTH_TOLERANCE
    # The rule of a component is the nearest one under its text: a table right below the
    # summary (a bảng so sánh) has its own top border under the same line.
    nearest: dict[int, tuple] = {}
    for r in page.rules:
        above = line_above(page, r)
        if above is None:
            continue
        text = norm(above.text)
        for k, (target, *_rest) in enumerate(targets):
            if not text or text not in target:
                continue
            # A wrapped component: compare with its longest line (up to 4 lines above).
            block = [ln for ln in page.lines if ln.baseline < r.y and r.y - ln.top < 25
                     and norm(ln.text) and norm(ln.text) in target
                     and ln.x1 > r.x0 - 60 and ln.x0 < r.x1 + 60]
            if not _reads_as(block or [above], target):
                continue  # a line that only shares words (a table's "2" over its border)
            widest = max(block or [above], key=lambda ln: ln.x1 - ln.x0)
            gap = r.y - above.baseline
            if k not in nearest or gap < nearest[k][0]:
                nearest[k] = (gap, r, widest)
            break
    for k, (_gap, r, widest) in sorted(nearest.items()):
        _target, rng, vi, en, estimate = targets[k]
        width = widest.x1 - widest.x0
        ratio = r.length_mm / width if width else 0
        where = Where(part="page", page=1, excerpt=excerpt(norm(widest.text)))
        if not rng.lo - tol <= ratio <= rng.hi + tol:
            shape = rule_shape(rng)
            yield Hit(where, Text(f"{shape.vi} (≈ {rule_lengths(width, rng, 'vi')})",
                                  f"{shape.en} (≈ {rule_lengths(width, rng, 'en')})"),
                      both(_ratio, r.length_mm, ratio),
                      f"Đường kẻ dưới {vi} dài không đúng tỉ lệ với dòng chữ.",
                      f"The rule under the {en} has the wrong length for its text.",
                      replaces=estimate)
        if abs(r.centre - widest.centre) > PDF_TOLERANCE_MM * 2:
            yield Hit(where, Text("căn giữa dưới dòng chữ", "centred under the text"),
                      both(_off_by, r.centre - widest.centre),
                      f"Đường kẻ dưới {vi} phải căn giữa dòng chữ.",
                      f"The rule under the {en} must be centred on its text.")


def _reads_as(block: list, target: str) -> bool:
    """Whether the lines right above a rule are the component itself (its wrapped lines end
    the component's text); lines that only hold a piece of it, like the "2" of a table row
    above the table's border, are not."""
    texts = [norm(ln.text) for ln in sorted(block, key=lambda ln: ln.top)]
    squash = "".join(target.split())
    for start in range(len(texts)):
        if "".join("".join(texts[start:]).split()) == squash:
            return True
    return False


@rule("ND30-PDF-PAGE-NUMBER", "Số trang đo trên bản PDF", "Page numbers measured on the PDF",
      nd30.PAGE_NUMBER.ref, needs_pdf=True)
def pdf_page_number(ctx: Context) -> Iterator[Hit]:
    yield from collapse(list(_pdf_page_number_hits(ctx)))


def _pdf_page_number_hits(ctx: Context) -> Iterator[Hit]:
    from vanban.pdf.geometry import page_number_candidates

    for page in _pages(ctx):
        sec = _section_for_page(ctx, page.number)
        top = (sec.margin_top_mm or nd30.MARGIN_TOP.hi) + PDF_TOLERANCE_MM
        numbers = page_number_candidates(page, top)
        first = page.lines[0] if page.lines else None
        if not numbers and first is not None and first.text.isascii() and \
                first.text.isdigit() and first.top <= top:
            numbers = [first]  # a tall header pushes the number below the margin line
        where = Where(part="page", page=page.number)
        if page.number == 1:
            # A PAGE field in the first page's header is reported by ND30-PAGE-NUMBER-FIRST.
            if numbers and not shows_page_number_on_page_1(ctx):
                yield Hit(where, Text("không có số trang", "no page number"), numbers[0].text,
                          "Trang 1 không hiện số trang.", "Page 1 must not show a page number.")
            continue
        labels = {norm(a.label.text) for a in ctx.layout.appendices}
        body_lines = [ln for ln in page.lines if ln not in numbers]
        opens_appendix = bool(body_lines) and norm(body_lines[0].text) in labels
        # The first page of a later section with "different first page" shows its own
        # (empty) first-page header: an appendix or attached document starting anew.
        title_page = sec.index > 0 and sec.title_pg and \
            ctx.section_starts[sec.index] == page.number
        if not numbers:
            # No PAGE field in the DOCX header (missing, or in the footer): ND30-PAGE-NUMBER.
            if not opens_appendix and not title_page and has_header_page_number(sec):
                yield Hit(where, Text("số trang ở lề trên", "a page number in the top margin"),
                          NONE,
                          "Không thấy số trang ở lề trên.", "No page number in the top margin.")
            continue
        n = numbers[0]
        left, right = sec.margin_left_mm or 0, sec.margin_right_mm or 0
        centre = left + (page.width_mm - left - right) / 2
        if abs(n.centre - centre) > PDF_TOLERANCE_MM * 2:
            yield Hit(where, Text("căn giữa", "centred"), both(_off_by, n.centre - centre),
                      "Số trang phải căn giữa theo chiều ngang.",
                      "The page number must be centred horizontally.")
        # A size the DOCX sets wrong is ND30-PAGE-NUMBER's finding; here only what it cannot
        # see (a size from a style LibreOffice resolves differently, a typed number).
        if n.size_pt not in nd30.PAGE_NUMBER.size and not page_number_size_wrong(sec):
            size = nd30.PAGE_NUMBER.size
            yield Hit(where, both(pt_range, size), both(pt, n.size_pt),
                      f"Số trang phải cỡ chữ {pt_range(size)}.",
                      f"The page number must be {pt_range(size, 'en')}.")


@rule("ND30-PDF-SIGNATURE", "Chữ ký ngang hàng Nơi nhận", "Signature level with Nơi nhận",
      nd30.NOI_NHAN_REF, needs_pdf=True)
def pdf_signature(ctx: Context) -> Iterator[Hit]:
    lay = ctx.layout
    if lay.noi_nhan_label is None or not lay.signature:
        return
    first = norm(lay.signature[0].text)
    for page in _pages(ctx):
        label = next((ln for ln in page.lines if norm(ln.text).startswith("Nơi nhận")), None)
        if label is None:
            continue
        sig = next((ln for ln in page.lines if norm(ln.text) == first), None)
        where = Where(part="page", page=page.number, excerpt=excerpt(first))
        if sig is None:
            yield Hit(where, Text("cùng trang với Nơi nhận", "on the page of 'Nơi nhận'"),
                      Text("khác trang", "on another page"),
                      "Khối chữ ký phải nằm cùng trang, ngang hàng với «Nơi nhận».",
                      "The signature block must be on the same page as, and level with, "
                      "'Nơi nhận'.")
        elif abs(sig.top - label.top) > LEVEL_TOLERANCE_MM or sig.x0 <= label.x1:
            yield Hit(where, Text("ngang hàng, bên phải «Nơi nhận:»",
                                  "level with 'Nơi nhận:', to its right"),
                      both(_off_by, sig.top - label.top),
                      "Dòng thẩm quyền ký phải ngang hàng với «Nơi nhận:», ở bên phải.",
                      "The authority line must be level with 'Nơi nhận:', to its right.")
        return

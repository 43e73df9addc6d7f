"""How many pages a document has: counted on the PDF, or bounded from the DOCX alone.

The decree asks for a page number only "from page 2 on" (Phụ lục I, I.5), so without a PDF the
checker needs to know whether a document is evidently one page. The estimate here errs towards
"more than one page": it never calls a two-page document short, and a document it cannot bound
(no page size, a page break, several sections) is not short.
"""

from __future__ import annotations

from collections import defaultdict

from vanban.check.context import MM_PER_PT, Context
from vanban.check.locate import norm
from vanban.ooxml.facts import ParaFacts
from vanban.rules import metrics

# Times New Roman's single line is 1.15 em; the estimate rounds up on every paragraph.
_LINE_EM = 1.15
# Fraction of the text area the estimate may fill and still call the document one page: wrapping
# in the real font, widows and keep-with-next can move a few lines on. Measured on the real
# corpus (bench/check_corpus.py): one-page drafts estimate 0.88-1.19 of the page, two-page ones
# 1.07 and more, so 0.95 keeps every two-page document seen and frees a third of the one-pagers.
_SHORT_FILL = 0.95
# The fill from which a document surely has two pages or more: one-page drafts estimate up to
# 1.19 of the page; on the corpus every document estimated 1.3 or more printed on 2+ pages.
_LONG_FILL = 1.6
_EMPTY_SIZE_PT = 14.0


def measured_pages(ctx: Context) -> int | None:
    """Pages of the rendered PDF (``--pdf``), None without one."""
    pages = getattr(ctx.geometry, "pages", None)
    return ctx.geometry.total_pages if pages is not None else None


def evidently_one_page(ctx: Context) -> bool:
    """True when the DOCX surely fits on one page (a generous upper bound of its height fits)."""
    facts = ctx.facts
    if len(facts.sections) != 1:
        return False
    fill = ctx.page_fill
    # Word's own count when it saved the file: one page, and nothing estimated says more
    # (147.docx, a one-page Tờ trình, was asked for page numbers "from 2 pages").
    if facts.saved_pages == 1 and (fill is None or fill < _LONG_FILL):
        return True
    if any(p.page_break_before or p.breaks_page for p in facts.paragraphs):
        return False
    return fill is not None and fill <= _SHORT_FILL


def evidently_several_pages(ctx: Context) -> bool:
    """True when the DOCX surely runs past one page: its estimated height is well beyond the
    text area (page breaks and new sections, which only add pages, are not counted)."""
    fill = ctx.page_fill
    return fill is not None and fill >= _LONG_FILL


def page_fill(ctx: Context) -> float | None:
    """The estimated height of the document's text over the first page's text area (1.0 is
    one full page); None when it cannot be estimated (use ``Context.page_fill``, which keeps
    the result: every paragraph is wrapped to estimate it)."""
    facts = ctx.facts
    if not facts.sections:
        return None
    sec = facts.sections[0]
    if None in (sec.page_h_mm, sec.margin_top_mm, sec.margin_bottom_mm):
        return None
    room = sec.page_h_mm - sec.margin_top_mm - sec.margin_bottom_mm  # type: ignore[operator]
    if room <= 0:
        return None
    height = 0.0
    cells: dict[tuple, float] = defaultdict(float)
    for p in facts.paragraphs:
        h = _height_mm(ctx, p)
        if h is None:
            return None
        if p.container[0] == "table":
            cells[p.container[1:]] += h
        else:
            height += h
    rows: dict[tuple, float] = defaultdict(float)
    for (table, row, _col), h in cells.items():
        rows[(table, row)] = max(rows[(table, row)], h)
    return (height + sum(rows.values())) / room


def _height_mm(ctx: Context, p: ParaFacts) -> float | None:
    """An upper bound of the paragraph's height, spacing included."""
    runs = [r for r in p.runs if not r.hidden and r.text]
    size = max((r.size_pt for r in runs), default=_EMPTY_SIZE_PT)
    avail = ctx.available_mm(p)
    if avail is None or avail <= 0:
        return None
    bold = any(r.bold for r in runs)
    lines = 0
    for part in p.text.split("\n"):
        width = avail - max(p.first_line_mm, 0)
        lines += max(len(metrics.wrap(part, width / MM_PER_PT, size, bold=bold)), 1)
    value, kind = p.line_spacing
    natural = size * _LINE_EM
    line_pt = value if kind == "exact" else max(value, natural) if kind == "atLeast" \
        else natural * value
    return (lines * line_pt + p.space_before_pt + p.space_after_pt) * MM_PER_PT


def _probe(ctx: Context, first: int, last: int, seen: set[str]) -> str:
    """The first words of the section's first paragraph whose first words no earlier
    paragraph (``seen``) begins with: a document issued with a decision (Mẫu 1.3) or an
    appendix may open with the same header lines ("ỦY BAN NHÂN DÂN") as page 1, which would
    place the section there."""
    texts = [t for t in (norm(p.text) for p in ctx.facts.paragraphs[first:last + 1]) if t]
    for text in texts[:12]:  # the opening lines are enough; a section repeating all is odd
        if text[:25] not in seen:
            return text[:25]
    return texts[0][:25] if texts else ""


def section_starts(ctx: Context) -> list[int]:
    """First page of each section: the page where the section's first line of text is found,
    searching on from the previous section's first page; a section whose text is not found
    on any page counts as part of the one before it."""
    pages = _page_texts(ctx)
    starts, page_at = [], 1
    seen: set[str] = set()  # first words of the paragraphs of the sections before
    for sec in ctx.facts.sections:
        probe = _probe(ctx, sec.first_paragraph, sec.last_paragraph, seen) if sec.index else ""
        seen.update(norm(p.text)[:25] for p in
                    ctx.facts.paragraphs[sec.first_paragraph:sec.last_paragraph + 1])
        found = None
        if probe and sec.index > 0:
            for number, lines in pages:
                if number >= page_at and any(text[:25] == probe or
                                             (len(probe) > 8 and probe in text)
                                             for text in lines):
                    found = number
                    break
        page_at = found or (page_at if sec.index else 1)
        starts.append(page_at if found or sec.index == 0 else 10 ** 9)
    return starts


# How far past the last placed paragraph the next one's first words are looked for, in lines:
# about three pages, so a table of a few pages between two body paragraphs is passed.
_LOOKAHEAD_LINES = 150
# Where on its line a paragraph's first words may start: after a list label the DOCX does not
# hold as text ("IV. ", "1.1.2. ", "- "), not in the middle of another paragraph's line.
_LABEL_CHARS = 12
# Line comparisons allowed per measured line: a hostile file of many paragraphs the PDF does
# not show (only the first 60 pages are measured) stops being placed, not scanned for ever.
_BUDGET_PER_LINE = 40


def paragraph_lines(ctx: Context) -> dict[int, tuple[int, int]]:
    """Where each paragraph of the body and its tables starts on the measured pages: (index
    into the measured pages, index of the line on that page), found once per document by its
    first words (``place``); paragraphs not found are left out (use
    ``Context.paragraph_lines``, which keeps the result)."""
    pages = getattr(ctx.geometry, "pages", ()) or ()
    where = [(k, j) for k, page in enumerate(pages) for j in range(len(page.lines))]
    texts = [norm(ln.text) for page in pages for ln in page.lines]
    probes = [(p.index, norm(p.text)[:20], p.container[:3] if p.container[0] == "table" else None)
              for p in ctx.facts.paragraphs if p.container[0] in ("body", "table")]
    placed, _compared = place(probes, texts)
    return {index: where[line] for index, line in placed.items()}


def place(probes: list[tuple[int, str, object]], lines: list[str]) -> tuple[dict[int, int], int]:
    """(line each paragraph starts on, lines compared): ``probes`` are (paragraph index, first
    words, table row or None) in document order, ``lines`` the text of every measured line.

    The search only moves forward, at most ``_LOOKAHEAD_LINES`` lines past the last paragraph
    placed, and stops after ``_BUDGET_PER_LINE`` comparisons per line. The cells of a table row
    share their first line's height, so a cell is looked for from where its row starts, not
    after the cell before it (which may run over several lines). First words shorter than 4
    characters ("1", "STT") would match anywhere and are not looked for.
    """
    budget, compared = _BUDGET_PER_LINE * len(lines), 0
    out: dict[int, int] = {}
    cursor = 0  # the first line a body paragraph may start on
    row, row_start = None, 0
    for index, probe, in_row in probes:
        if len(probe) < 4:
            continue
        start = cursor
        if in_row is not None:
            if in_row != row:
                row, row_start = in_row, cursor
            start = row_start
        end = min(len(lines), start + _LOOKAHEAD_LINES)
        hit = next((i for i in range(start, end)
                    if 0 <= lines[i].find(probe) <= _LABEL_CHARS), None)
        compared += (end if hit is None else hit + 1) - start
        if compared > budget:
            break
        if hit is not None:
            out[index] = hit
            cursor = max(cursor, hit + 1)
    return out, compared


def _page_texts(ctx: Context) -> list[tuple[int, list[str]]]:
    """Each measured page's number and its lines' text, normalised once (``norm``)."""
    pages = getattr(ctx.geometry, "pages", ()) or ()
    return [(page.number, [norm(ln.text) for ln in page.lines]) for page in pages]


def with_pages(ctx: Context, findings: list) -> list:
    """``findings`` with the page filled in for those about a body paragraph (``--pdf``)."""
    from dataclasses import replace

    wanted = {f.where.paragraph for f in findings
              if f.where.paragraph is not None and f.where.page is None and
              f.where.part == "body"}
    # Every paragraph placed in order at the start of a line (``paragraph_lines``): a search
    # of the wanted ones alone found "Phụ lục I" inside a sentence of page 1 (271.docx).
    placed = ctx.paragraph_lines if wanted else {}
    pages = getattr(ctx.geometry, "pages", ()) or ()
    where = {i: pages[placed[i][0]].number for i in wanted if i in placed}
    return [replace(f, where=replace(f.where, page=where[f.where.paragraph]))
            if f.where.paragraph in where and f.where.page is None else f for f in findings]

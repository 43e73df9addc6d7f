"""A heading left alone at the bottom of a page (``vanban check --pdf``).

A body paragraph that keeps with the next one (``w:keepNext``, set on it or through its style:
``ParaFacts.keep_next``) is a heading; Word moves it to the next page with its content, but
LibreOffice 7.4 sometimes leaves it as the last line of a page that has footnotes and tables
(a clerk's Kế hoạch printed "4. Ủy ban nhân dân các xã, phường, đặc khu" alone at the bottom of
page 2). The PDF is what the clerk sends, so the rule reads where the heading and what follows
it landed on the measured pages.
"""

from __future__ import annotations

from collections.abc import Iterator

from vanban.check.context import Context
from vanban.check.finding import Hit, Where, excerpt, rule
from vanban.check.locate import norm
from vanban.errors import Severity
from vanban.rules import nd30

# A run of more keep-with-next paragraphs than heading levels (I., 1., 1.1., a)) is a text
# with keep-with-next on everything (set on its Normal style): no program can keep it on one
# page, so a page break inside it is no fault.
_HEADING_LEVELS = 4
# A heading is a line or three, not a paragraph of text that happens to keep with the next.
_HEADING_CHARS = 300
# Lines smaller than the heading by more than this are footnotes and their marks, not text.
_SMALLER_PT = 0.5
# The heading as printed, in the message: most headings whole (the place shows 40 characters).
_MESSAGE_CHARS = 90
# Layout slack on measured positions (mm).
_TOLERANCE_MM = 1.5


@rule("ND30-PDF-HEADING-ALONE", "Đề mục không đứng một mình ở cuối trang",
      "No heading alone at the bottom of a page", nd30.KEEP_WITH_NEXT_REF,
      severity=Severity.WARNING, needs_pdf=True)
def heading_alone(ctx: Context) -> Iterator[Hit]:
    pages = getattr(ctx.geometry, "pages", ()) or ()
    yield from _title_alone(ctx, pages)
    body = ctx.layout.body
    if not pages or len(body) < 2:
        return
    placed = ctx.paragraph_lines
    notes = _footnote_text(ctx)
    for pos, index in enumerate(body[:-1]):  # the last body paragraph has nothing to keep with
        p = ctx.para(index)
        if not p.keep_next or len(norm(p.text)) > _HEADING_CHARS or \
                _keep_run(ctx, body, pos) > _HEADING_LEVELS or index not in placed:
            continue
        follower = _follower(ctx, index, body[pos + 1])
        if follower is None:
            continue
        k, first = placed[index]
        shown = _lines_of(p.text, pages[k].lines, first)
        if not _last_on_page(ctx, p, pages[k], shown[-1], notes):
            continue
        nxt, skipped = follower
        # What follows opens the very next page (a long document's middle pages are not
        # measured: the page after may not be the next one).
        if nxt not in placed or placed[nxt][0] != k + 1 or \
                pages[k + 1].number != pages[k].number + 1 or \
                _lines_before(pages[k + 1], placed[nxt][1], ctx, p.section) > 3 * skipped:
            continue
        printed = " ".join(norm(pages[k].lines[j].text) for j in shown)
        heading = excerpt(printed, _MESSAGE_CHARS)  # whole in the message, as printed
        page, later = pages[k].number, pages[k + 1].number
        yield Hit(Where(paragraph=index, section=p.section, page=page, excerpt=excerpt(printed)),
                  "", "",
                  f"Đề mục «{heading}» đứng một mình ở cuối trang {page}; phần tiếp theo bắt "
                  f"đầu ở trang {later}. LibreOffice có thể bỏ qua «giữ với đoạn sau» (keep "
                  "with next) trên trang có bảng hoặc chú thích; thêm hoặc bớt một dòng phía "
                  "trước, hoặc xuất PDF bằng Word, sẽ đưa đề mục sang trang sau cùng nội dung.",
                  f"The heading '{heading}' stands alone at the bottom of page {page}; what "
                  f"follows it starts on page {later}. LibreOffice may ignore 'keep with next' "
                  "on a page with tables or footnotes; adding or removing a line before it, or "
                  "making the PDF with Word, moves the heading to the next page with its "
                  "content.")


def _title_alone(ctx: Context, pages) -> Iterator[Hit]:
    """An attached document's title (Mẫu 1.3) printed at the foot of a page, the lines under it
    (its summary, its "(Kèm theo …)" line) on the next: 187.docx pushes "DANH SÁCH" down with
    blank lines instead of a page break, and it lands alone at the bottom of page 2."""
    lay = ctx.layout
    if not pages or not lay.attached or lay.type_name is None:
        return
    placed = ctx.paragraph_lines
    title = lay.type_name.para
    under = next((x.para for x in (*lay.summary, *lay.attached_ref)
                  if x.para != title and x.para in placed), None)
    if title not in placed or under is None:
        return
    k, later = placed[title][0], placed[under][0]
    if later != k + 1 or pages[later].number != pages[k].number + 1:
        return
    name, page = norm(lay.type_name.text), pages[k].number
    yield Hit(Where(paragraph=title, section=ctx.para(title).section, page=page,
                    excerpt=excerpt(name)), "", "",
              f"Tiêu đề «{name}» của văn bản kèm theo nằm ở cuối trang {page}, trích yếu và "
              f"dòng «Kèm theo …» sang trang {page + 1}. Đặt ngắt trang (Ctrl+Enter) trước văn "
              "bản kèm theo thay cho các dòng trống.",
              f"The attached document's title '{name}' is at the bottom of page {page}, its "
              f"summary and 'Kèm theo' line on page {page + 1}. Put a page break (Ctrl+Enter) "
              "before the attached document instead of blank lines.")


def _keep_run(ctx: Context, body: tuple[int, ...], pos: int) -> int:
    """How many body paragraphs in a row around ``body[pos]`` keep with the next one."""
    lo = hi = pos
    while lo > 0 and ctx.para(body[lo - 1]).keep_next and hi - lo < _HEADING_LEVELS:
        lo -= 1
    while hi + 1 < len(body) and ctx.para(body[hi + 1]).keep_next and hi - lo < _HEADING_LEVELS:
        hi += 1
    return hi - lo + 1


def _follower(ctx: Context, index: int, next_body: int) -> tuple[int, int] | None:
    """The first paragraph after the heading that can be found on the pages (its text is long
    enough), with how many printed paragraphs come before it; None when a page break or a new
    section comes between them (a break the writer asked for)."""
    heading = ctx.para(index)
    if heading.breaks_page:
        return None
    skipped = 0
    for q in ctx.facts.paragraphs[index + 1:next_body + 1]:
        if q.page_break_before or q.section != heading.section:
            return None
        if len(norm(q.text)) >= 4 and q.index in ctx.paragraph_lines:
            return q.index, skipped
        if q.breaks_page:
            return None
        skipped += bool(norm(q.text))
    return None


def _lines_of(text: str, lines, first: int) -> list[int]:
    """The heading's lines on its page: its first line and the lines after it that are a piece
    of its text (a heading that wraps)."""
    whole, out = norm(text), [first]
    for j in range(first + 1, len(lines)):
        piece = norm(lines[j].text)
        if not piece or piece not in whole:
            break
        out.append(j)
    return out


def _last_on_page(ctx: Context, heading, page, last: int, notes: str) -> bool:
    """True when nothing of the text comes below the heading's last line on ``page``: only
    footnotes (``notes``: their text; or smaller type, as their marks) and what the bottom
    margin holds (a footer, a page number)."""
    line = page.lines[last]
    sec = ctx.section(heading.section)
    floor = page.height_mm - (sec.margin_bottom_mm or nd30.MARGIN_BOTTOM.lo) + _TOLERANCE_MM
    for other in page.lines[last + 1:]:
        if other.top < line.bottom - _TOLERANCE_MM or other.top >= floor:
            continue  # on the heading's own line (a mark), or in the bottom margin
        text = norm(other.text)
        if other.size_pt >= line.size_pt - _SMALLER_PT and not (text and text in notes):
            return False
    return True


def _footnote_text(ctx: Context) -> str:
    """The text of every footnote, normalised, one per line (a footnote's printed lines are
    pieces of it)."""
    return "\n".join(norm(p.text) for paras in ctx.facts.footnotes.values() for p in paras)


def _lines_before(page, line: int, ctx: Context, section: int) -> int:
    """Lines of text above line ``line`` of ``page`` below the top margin (a page number and
    a header are not text) and not a footnote mark."""
    sec = ctx.section(section)
    ceiling = (sec.margin_top_mm or nd30.MARGIN_TOP.lo) - _TOLERANCE_MM
    size = page.lines[line].size_pt
    return sum(1 for other in page.lines[:line]
               if other.top >= ceiling and other.size_pt >= size * 0.75)


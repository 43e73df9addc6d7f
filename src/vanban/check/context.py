"""What every rule reads: the document's facts, where its components are, and small helpers."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from vanban.check.finding import Hit, Text, Where, both, excerpt, pt_range, pts
from vanban.check.locate import Layout, Piece, is_rule_text
from vanban.errors import Severity
from vanban.ooxml.reader import DocFacts, ParaFacts, RunFacts, SectionFacts
from vanban.rules import metrics, nd30

MM_PER_PT = nd30.MM_PER_PT


@dataclass(frozen=True)
class RuleLine:
    """A horizontal rule found under a line of text."""

    para: int
    kind: str
    """'border' | 'drawing' | 'underscores'."""
    length_mm: float | None


@dataclass(frozen=True)
class Context:
    """One document being checked."""

    name: str
    facts: DocFacts
    layout: Layout
    geometry: Any = None
    """``vanban.pdf.measure.PdfGeometry`` when the document was converted and measured."""

    @cached_property
    def section_starts(self) -> list[int]:
        """First page of each section in the measured PDF (``vanban.check.pages``)."""
        from vanban.check.pages import section_starts

        return section_starts(self)

    @cached_property
    def paragraph_lines(self) -> dict[int, tuple[int, int]]:
        """Where each paragraph starts on the measured PDF: (page index, line index), found
        once per document (``vanban.check.pages.paragraph_lines``)."""
        from vanban.check.pages import paragraph_lines

        return paragraph_lines(self)

    @cached_property
    def page_fill(self) -> float | None:
        """The estimated height of the text over one page's text area, found once per
        document (``vanban.check.pages.page_fill``)."""
        from vanban.check.pages import page_fill

        return page_fill(self)

    @cached_property
    def visible_runs(self) -> list[tuple[RunFacts, Where]]:
        """Runs that show text, in the body and in the headers and footers, each with its
        paragraph's place (read by the font and colour rules)."""
        return [(r, where) for p, where in self._all_paragraphs()
                for r in p.runs if not r.hidden and r.text.strip()]

    def _all_paragraphs(self) -> Iterator[tuple[ParaFacts, Where]]:
        """The body's paragraphs, then those of every header and footer (a part shared by
        several sections once)."""
        for p in self.facts.paragraphs:
            yield p, self.where(p.index)
        seen = set()
        for sec in self.facts.sections:
            for kind in ("headers", "footers"):
                for part in getattr(sec, kind).values():
                    if id(part) in seen:
                        continue
                    seen.add(id(part))
                    for p in part.paragraphs:
                        yield p, Where(part="header", section=sec.index, excerpt=excerpt(p.text))

    # --- places --------------------------------------------------------------------------------
    def section(self, index: int) -> SectionFacts:
        """The page setup of section ``index`` (the last section for an index past it)."""
        return self.facts.sections[min(index, len(self.facts.sections) - 1)]

    def para(self, index: int) -> ParaFacts:
        return self.facts.paragraphs[index]

    def where(self, item: Piece | int | None, text: str | None = None) -> Where:
        if item is None:
            return Where(excerpt=excerpt(text or ""))
        index = item.para if isinstance(item, Piece) else item
        p = self.para(index)
        cell = tuple(p.container[1:]) if p.container[0] == "table" else None
        shown = text if text is not None else (item.text if isinstance(item, Piece) else p.text)
        return Where(paragraph=index, cell=cell, section=p.section,  # type: ignore[arg-type]
                     excerpt=excerpt(shown))

    def piece(self, index: int) -> Piece:
        p = self.para(index)
        text = p.text.strip()
        start = p.text.index(text) if text else 0
        return Piece(index, start, start + len(text), text)

    # --- formatting ----------------------------------------------------------------------------
    def runs(self, piece: Piece) -> list[RunFacts]:
        """Visible runs that show text inside the piece's span."""
        out, pos = [], 0
        for r in self.para(piece.para).runs:
            if r.hidden:
                continue
            start, end = pos, pos + len(r.text)
            pos = end
            overlap = r.text[max(piece.start - start, 0):max(min(piece.end, end) - start, 0)]
            if overlap.strip():
                out.append(r)
        return out

    def size(self, piece: Piece) -> float | None:
        runs = self.runs(piece)
        return max(r.size_pt for r in runs) if runs else None

    def format_hits(self, piece: Piece, fmt: nd30.TextFormat, what: str, what_en: str,
                    *, check_align: bool = True) -> list[Hit]:
        """Size, weight, slant, case and alignment of one component against its TextFormat."""
        hits = []
        runs = self.runs(piece)
        where = self.where(piece)
        sizes = sorted({r.size_pt for r in runs})
        bad = [s for s in sizes if s not in fmt.size]
        if bad:
            hits.append(Hit(where, both(pt_range, fmt.size), _sizes_found(runs, sizes, bad),
                            f"Cỡ chữ của {what} phải {_size_rule(fmt.size)}.",
                            f"The size of the {what_en} must be {pt_range(fmt.size, 'en')}."))
        # Weight and slant are judged on the letters: a plain ":" after a bold-italic
        # "Nơi nhận" (221.docx) is no fault a reader sees (its size is, and is named above).
        lettered = [r for r in runs if any(ch.isalnum() for ch in r.text)] or runs
        for attr, want, on, off in (("bold", fmt.bold, _BOLD, _NOT_BOLD),
                                    ("italic", fmt.italic, _ITALIC, _UPRIGHT)):
            wrong = [r for r in lettered if getattr(r, attr) != want]
            if wrong:
                right, seen = (on, off) if want else (off, on)
                hits.append(Hit(where, right, seen, f"{_cap(what)} phải {right.vi}.",
                                f"The {what_en} must {'be' if want else 'not be'} {attr}."))
        letters = piece.text
        if fmt.upper and letters != letters.upper() and not any(r.caps for r in runs):
            hits.append(Hit(where, Text("CHỮ IN HOA", "UPPER CASE"), excerpt(letters),
                            f"{_cap(what)} phải viết in hoa.",
                            f"The {what_en} must be in upper case."))
        p = self.para(piece.para)
        single = p.text.strip() == piece.text
        # A one-line justified paragraph prints exactly as a left-aligned one.
        same = p.align == fmt.align or (fmt.align == "left" and p.align == "both")
        if check_align and single and not same and not self._placed_by_hand(piece, fmt):
            want, seen = align_text(fmt.align), align_text(p.align)
            hits.append(Hit(where, want, seen, f"{_cap(what)} phải {want.vi}.",
                            f"The {what_en} must be {want.en}."))
        return hits

    def _placed_by_hand(self, piece: Piece, fmt: nd30.TextFormat) -> bool:
        """The one-line paragraph of ``piece``, not aligned as ``fmt`` says, still lands where
        it should (measured only when its alignment is judged)."""
        p = self.para(piece.para)
        # Text pushed into place with leading spaces or tabs: where it lands depends on tab
        # stops and widths only the rendered page shows (the --pdf rules measure it).
        by_hand = p.text[:1] == "\t" or p.text.startswith("  ")
        if by_hand and fmt.align == "center" and "\t" not in p.text[:len(p.text) -
                                                                     len(p.text.lstrip())]:
            by_hand = self._centred_by_spaces(piece)
        if not by_hand and fmt.align == "center":
            # Centred by an indent, or set right in a cell its line nearly fills: it prints
            # centred all the same (037.docx indents its date 7,5 mm in a left-aligned cell).
            by_hand = self._lands_centred(piece)
        return by_hand

    def _centred_by_spaces(self, piece: Piece) -> bool:
        """A one-line paragraph pushed right with spaces lands about centred: within 12 mm of
        the middle, the slack of a block of lines centred on each other by eye."""
        p = self.para(piece.para)
        runs = self.runs(piece)
        avail = self.available_mm(p)
        if not runs or avail is None or p.align not in ("left", "both"):
            return False
        r = runs[0]
        lead = len(p.text) - len(p.text.lstrip(" "))
        space = metrics.text_width_pt(" " * lead, r.size_pt, bold=r.bold) * MM_PER_PT
        width = metrics.text_width_pt(piece.text, r.size_pt, bold=r.bold) * MM_PER_PT
        return width <= avail and abs(space + width / 2 - avail / 2) <= 12.0

    def _lands_centred(self, piece: Piece) -> bool:
        """A one-line paragraph not set centred (left, justified or right, with indents) whose
        line still lands within 4 mm of the middle of its cell or page. On the corpus such
        lines land within 3 mm when centring was meant (an indent, a line filling its cell)
        and 7 mm or more off when it was not (a short line left or right in a wide cell)."""
        p = self.para(piece.para)
        runs = self.runs(piece)
        avail = self.available_mm(p)
        if not runs or avail is None or "\t" in p.text or p.align not in ("left", "both", "right"):
            return False
        r = runs[0]
        lead = len(p.text) - len(p.text.lstrip(" "))
        space = metrics.text_width_pt(" " * lead, r.size_pt, bold=r.bold) * MM_PER_PT
        width = metrics.text_width_pt(piece.text, r.size_pt, bold=r.bold,
                                      italic=r.italic) * MM_PER_PT
        first = p.first_line_mm
        # The widths are estimated: a line up to 2 mm wider than its cell by the estimate
        # still fits in print (118.docx: the Quốc hiệu at 13 pt bold, 95,7 mm estimated in a
        # 94,5 mm cell, prints on one line).
        if space + width + max(first, 0) > avail + _FITS_SLACK_MM:
            return False  # it wraps: where its lines land is for the --pdf rules
        start = avail - width if p.align == "right" else first + space
        return abs(start + width / 2 - avail / 2) <= _LANDS_CENTRED_MM

    # --- geometry ------------------------------------------------------------------------------
    def available_mm(self, p: ParaFacts) -> float | None:
        """Width between the paragraph's indents in its cell or on its page."""
        if p.container[0] == "table":
            table = self.facts.tables[p.container[1]]
            inner = self.facts.inner_cells.get(p.index)  # a table nested in the cell (058.docx)
            cells = [inner] if inner is not None else \
                [c for c in table.cells if c.row == p.container[2] and c.col == p.container[3]]
            if not cells or cells[0].width_mm is None:
                return None
            outer = cells[0].width_mm - cells[0].margin_left_mm - cells[0].margin_right_mm
        else:
            sec = self.section(p.section)
            if None in (sec.page_w_mm, sec.margin_left_mm, sec.margin_right_mm):
                return None
            outer = sec.page_w_mm - sec.margin_left_mm - sec.margin_right_mm  # type: ignore
        return outer - max(p.left_mm, 0) - max(p.right_mm, 0)

    def _as_set(self, piece: Piece) -> tuple[str, RunFacts] | None:
        """The piece's text as it prints (upper case under caps) and the run whose format
        measures it (its first); None when no run shows it."""
        runs = self.runs(piece)
        if not runs:
            return None
        r = runs[0]
        return (piece.text.upper() if r.caps else piece.text), r

    def text_width_mm(self, piece: Piece) -> float | None:
        """Width of the longest line the piece wraps into, in Times New Roman."""
        found = self._as_set(piece)
        avail = self.available_mm(self.para(piece.para))
        if found is None or avail is None:
            return None
        text, r = found
        # 1 mm of slack: a line that just fits (e.g. a border sized to its text) does not wrap.
        return metrics.longest_line_pt(text, (avail + 1) / MM_PER_PT, r.size_pt, bold=r.bold,
                                       italic=r.italic) * MM_PER_PT

    def one_line_width_mm(self, piece: Piece) -> float | None:
        """Width of the piece set on a single line, unwrapped, in Times New Roman (the test
        of whether a paragraph fits on one line: ``text_width_mm`` wraps first, so a long
        paragraph's longest line fits by construction)."""
        found = self._as_set(piece)
        if found is None:
            return None
        text, r = found
        return metrics.text_width_pt(text, r.size_pt, bold=r.bold,
                                     italic=r.italic) * MM_PER_PT

    def rule_under(self, piece: Piece, want_mm: float | None = None,
                   block: tuple[int, ...] = ()) -> RuleLine | None:
        """The horizontal rule drawn under a component, if any: a bottom border, a shape
        anchored in the paragraph, in the blank lines after it in its cell, or in the first
        lines of the cell below (a header table often anchors the rule there), or a line of
        underscores. Of several shapes, the one closest to ``want_mm`` long. ``block`` names the
        other lines of a component set on several paragraphs: a shape may hang from any."""
        p = self.para(piece.para)
        if p.border_bottom:
            return RuleLine(p.index, "border", self.available_mm(p))
        if p.drawings:
            return RuleLine(p.index, "drawing", _closest(p.drawings, want_mm))
        for i in block:
            if i != p.index and self.para(i).drawings:
                return RuleLine(i, "drawing", _closest(self.para(i).drawings, want_mm))
        for nxt in self._below(p):
            if nxt.border_top or (nxt.border_bottom and not nxt.text.strip()):
                return RuleLine(nxt.index, "border", self.available_mm(nxt))
            # A line shape belongs to the text above it even when Word anchored it in the next
            # line of text (the Số line of the row below, typically).
            if nxt.drawings:
                return RuleLine(nxt.index, "drawing", _closest(nxt.drawings, want_mm))
            if is_rule_text(nxt.text):
                line = self.piece(nxt.index)
                runs = self.runs(line)
                size = runs[0].size_pt if runs else 12.0
                if runs and runs[0].vert_align in ("superscript", "subscript"):
                    size *= SUPERSCRIPT_SCALE  # Word draws raised text at about 2/3 size
                width = metrics.text_width_pt(line.text, size, bold=bool(runs and runs[0].bold))
                return RuleLine(nxt.index, "underscores", width * MM_PER_PT)
            if nxt.text.strip():
                return None
        return None

    def _below(self, p: ParaFacts, limit: int = 2) -> list[ParaFacts]:
        """Up to ``limit`` paragraphs under ``p``: the next ones in its cell (or the body); at
        the end of a table cell, the first ones of the cell below in the same column."""
        paras = self.facts.paragraphs
        out = [q for q in paras[p.index + 1:p.index + 1 + limit] if q.container == p.container]
        if len(out) < limit and p.container[0] == "table":
            _t, table, row, col = p.container
            below = [c for c in self.facts.tables[table].cells if c.row == row + 1
                     and c.col == col]
            if below:
                out += [paras[i] for i in below[0].paragraphs[:limit - len(out)]]
            elif len(self.facts.tables[table].cells) == 1:
                # A one-cell box (059.docx frames its trích yếu so): the rule is drawn in the
                # body under the box.
                end = max(self.facts.tables[table].cells[0].paragraphs)
                out += [q for q in paras[end + 1:end + 1 + limit - len(out)]
                        if q.container == ("body",)]
            else:
                # The last row of the header table: Word may anchor the rule in the blank
                # paragraph that follows the table (170.docx: the issuer's 21 mm line). Only
                # a paragraph holding shapes and no text counts; of several shapes there,
                # rule_under takes the one whose length fits.
                end = max(i for c in self.facts.tables[table].cells for i in c.paragraphs)
                nxt = paras[end + 1] if end + 1 < len(paras) else None
                if nxt is not None and nxt.container == ("body",) and nxt.drawings \
                        and not nxt.text.strip():
                    out.append(nxt)
        return out


def _closest(lengths: tuple[float, ...], want: float | None) -> float:
    """Of the shapes anchored in one paragraph, the one nearest ``want`` (else the longest)."""
    if want is None:
        return max(lengths)
    return min(lengths, key=lambda v: abs(v - want))


SUPERSCRIPT_SCALE = 2 / 3


_ALIGN = {"center": Text("căn giữa", "centred"), "both": Text("căn đều hai bên", "justified"),
          "left": Text("căn trái", "left-aligned"), "right": Text("căn phải", "right-aligned")}
_BOLD, _NOT_BOLD = Text("in đậm", "bold"), Text("không in đậm", "not bold")
_ITALIC, _UPRIGHT = Text("in nghiêng", "italic"), Text("đứng", "upright")
NONE = Text("không có", "none")
"""``found`` for something that is not there."""


def align_text(value: str) -> Text:
    """An OOXML alignment (``both``, ``center`` …) in words."""
    return _ALIGN.get(value, Text(value, value))


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def missing(ctx: Context, what: str, what_en: str, expected: str | Text,
            severity: Severity | None = None) -> Hit:
    """A hit for a component that was not found at all."""
    return Hit(Where(excerpt=""), expected, NONE, f"Không tìm thấy {what}.",
               f"No {what_en} was found.", severity)


def _sizes_found(runs: list[RunFacts], sizes: list[float], bad: list[float]) -> Text:
    """``11 pt, 13 pt («-»)``: the sizes of a line, and, when a wrong size is set on a few
    characters only (the dash of "- Như trên;" in 13 pt, 022.docx), those characters, which a
    clerk cannot otherwise find."""
    vi, en = [], []
    for s in sizes:
        chars = "".join(r.text for r in runs if r.size_pt == s).strip()
        note = f" («{chars}»)" if len(sizes) > 1 and s in bad and len(chars) <= 3 else ""
        vi.append(pts([s]) + note)
        en.append(pts([s], "en") + note)
    return Text(", ".join(vi), ", ".join(en))


def _size_rule(r: nd30.Range) -> str:
    """``từ 13–14 pt`` for a range, ``là 11 pt`` for one size ("phải từ 11 pt" reads wrong)."""
    return f"là {pt_range(r)}" if r.lo == r.hi else f"từ {pt_range(r)}"


_LANDS_CENTRED_MM = 4.0
_FITS_SLACK_MM = 2.0

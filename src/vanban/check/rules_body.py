"""Type name and trích yếu (ô 5a/5b), the body (ô 6), headings, the end mark, appendices."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable, Iterator

from vanban.check.context import Context, align_text, missing
from vanban.check.finding import (
    LINES,
    PARAGRAPHS,
    Hit,
    Say,
    Text,
    and_more,
    both,
    collapse,
    mm,
    num,
    pt,
    pt_range,
    pts,
    rule,
    same_expected,
    same_found,
)
from vanban.check.locate import Piece, norm, type_name_of
from vanban.check.rules_header import _rule_hits
from vanban.errors import Severity
from vanban.ooxml.reader import ParaFacts
from vanban.rules import nd30

_ROMAN = re.compile(r"^(?P<n>[IVXLC]+)\.\s")
# "1. ", also "1.Nội dung" typed without the space (not "1.1." nor "1.000").
_ARABIC = re.compile(r"^(?P<n>\d+)\.(?=\s|[^\d\s.])")
_LETTER = re.compile(r"^(?P<n>[a-zđ])\)\s")
_LETTER_DOT = re.compile(r"^(?P<n>[a-zđ])\.\s")  # "a. …" typed for "a) …"


@rule("ND30-TYPE-NAME", "Tên loại văn bản", "Document type name", nd30.TYPE_NAME.ref)
def type_name(ctx: Context) -> Iterator[Hit]:
    piece = ctx.layout.type_name
    if piece is not None:
        name, typed = type_name_of(piece.text), norm(piece.text)
        if name is not None and typed.upper() != name:
            yield Hit(ctx.where(piece), name, typed,
                      f"Tên loại văn bản phải ghi đúng «{name}» (đúng dấu, không thêm dấu câu).",
                      f"The type name must read '{name}' (right marks, no punctuation after it).")
        yield from ctx.format_hits(piece, nd30.TYPE_NAME, "tên loại văn bản", "type name")


@rule("ND30-SUMMARY", "Trích yếu nội dung", "Summary (trích yếu)",
      "ô 5a, ô 5b, Phụ lục I, II.5")
def summary(ctx: Context) -> Iterator[Hit]:
    # Each finding cites its own box: the summary under a type name is ô 5a, a Công văn's
    # "V/v …" is ô 5b.
    for hit in _summary_hits(ctx):
        yield hit if hit.citation else dataclasses.replace(hit, citation=nd30.SUMMARY.ref)


def _summary_hits(ctx: Context) -> Iterator[Hit]:
    lay = ctx.layout
    if lay.type_name is not None:
        if not lay.summary and not lay.attached:  # an attached title may say it all
            yield missing(ctx, "trích yếu nội dung dưới tên loại văn bản", "summary line",
                          Text("trích yếu", "a summary line"), Severity.WARNING)
        hits = [h for piece in lay.summary
                for h in ctx.format_hits(piece, nd30.SUMMARY, "trích yếu", "summary")]
        yield from collapse(hits, same_found, LINES)
        yield from _summary_case(ctx)
    # A summary on three lines set in 11 pt is one mistake (260.docx).
    hits = [dataclasses.replace(h, citation=nd30.CONG_VAN_SUMMARY.ref) for piece in lay.vv
            for h in ctx.format_hits(piece, nd30.CONG_VAN_SUMMARY, "trích yếu công văn (V/v)",
                                     "letter summary (V/v)")]
    yield from collapse(hits, same_found, LINES)


def _summary_case(ctx: Context) -> Iterator[Hit]:
    """The summary is in ordinary case (Phụ lục I, II.5): typed in capitals, or set in Caps,
    it reads as a second type name. An attached document's title may run on in capitals
    ("ĐIỀU LỆ" / "HIỆP HỘI …", Mẫu 1.3): not looked at."""
    if ctx.layout.attached:
        return
    for piece in ctx.layout.summary:
        letters = [ch for ch in piece.text if ch.isalpha()]
        caps = any(r.caps for r in ctx.runs(piece))
        if len(letters) > 3 and (piece.text == piece.text.upper() or caps):
            yield Hit(ctx.where(piece), Text("chữ thường", "ordinary case"),
                      Text("chữ in hoa", "capitals"),
                      "Trích yếu nội dung viết chữ thường (chỉ hoa chữ cái đầu và tên riêng), "
                      "không viết in hoa.",
                      "The summary is written in ordinary case, not in capitals.")
            return  # a summary typed in capitals on three lines is one mistake


@rule("ND30-SUMMARY-RULE", "Đường kẻ dưới trích yếu", "Rule under the summary",
      nd30.RULE_SUMMARY.ref)
def summary_rule(ctx: Context) -> Iterator[Hit]:
    lay = ctx.layout
    if lay.type_name is not None and lay.attached_ref:
        # Mẫu 1.3: the attached document's rule is drawn under its "(Kèm theo …)" line.
        yield from _rule_hits(ctx, lay.attached_ref[-1], nd30.RULE_SUMMARY,
                              "dòng «Kèm theo …»", "'Kèm theo' line", lay.attached_ref)
    elif lay.type_name is not None and lay.summary:
        yield from _rule_hits(ctx, lay.summary[-1], nd30.RULE_SUMMARY, "trích yếu", "summary",
                              lay.summary)


def _is_heading(p: ParaFacts) -> bool:
    """A heading or a centred note ("(Phân công nhiệm vụ theo Phụ lục)"), not running text."""
    t = norm(p.text)
    return bool(_ROMAN.match(t)) or (p.align == "center" and t == t.upper()) or \
        bool(nd30.STRUCTURE_PATTERN.match(t)) or bool(_UPPER_LETTER.match(t)) or \
        (p.align == "center" and t.startswith("(") and t.endswith(")"))


def _body_paras(ctx: Context, *, plain: bool = False) -> list[ParaFacts]:
    """Body paragraphs; with ``plain`` only running text (not Mục headings or centred titles)."""
    paras = [ctx.para(i) for i in ctx.layout.body]
    return [p for p in paras if not (plain and _is_heading(p))]


def _summarise(ctx: Context, bad: list[tuple[ParaFacts, Say]], expected: Say, vi: str, en: str,
               severity: Severity | None = None) -> Iterator[Hit]:
    """One hit for the first offending paragraph, counting the others (keeps reports short)."""
    if not bad:
        return
    p, found = bad[0]
    yield Hit(ctx.where(p.index), expected, and_more(found, len(bad) - 1, PARAGRAPHS), vi, en,
              severity)


def _per_paragraph(ctx: Context, paras: list[ParaFacts],
                   test: Callable[[ParaFacts], Say | None]) -> list[tuple[ParaFacts, Say]]:
    out = []
    for p in paras:
        found = test(p)
        if found is not None:
            out.append((p, found))
    return out


@rule("ND30-BODY-SIZE", "Cỡ chữ phần nội dung", "Body text size", nd30.BODY.ref)
def body_size(ctx: Context) -> Iterator[Hit]:
    def test(p: ParaFacts) -> Say | None:
        sizes = sorted({r.size_pt for r in p.runs if r.text.strip() and not r.hidden})
        bad = [s for s in sizes if s not in nd30.BODY.size]
        return both(pts, bad) if bad else None

    yield from _summarise(ctx, _per_paragraph(ctx, _body_paras(ctx), test),
                          both(pt_range, nd30.BODY.size),
                          f"Phần nội dung phải cỡ chữ {pt_range(nd30.BODY.size)}.",
                          f"Body text must be {pt_range(nd30.BODY.size, 'en')}.")


@rule("ND30-BODY-ALIGN", "Căn đều hai bên", "Justified body text", nd30.BODY.ref)
def body_align(ctx: Context) -> Iterator[Hit]:
    def test(p: ParaFacts) -> Say | None:
        if p.align == "both":
            return None
        if p.align == "left" and _one_line(ctx, p):
            return None  # a one-line paragraph prints the same left-aligned or justified
        return align_text(p.align)

    bad = _per_paragraph(ctx, _body_paras(ctx, plain=True), test)
    yield from _summarise(ctx, bad, align_text("both"),
                          "Đoạn văn phần nội dung phải căn đều hai bên.",
                          "Body paragraphs must be justified.")


def _one_line(ctx: Context, p: ParaFacts) -> bool:
    """The paragraph fits on one line (its first-line indent included)."""
    width = ctx.one_line_width_mm(ctx.piece(p.index))
    avail = ctx.available_mm(p)
    return width is not None and avail is not None and "\n" not in p.text.strip() and \
        width + max(p.first_line_mm, 0) <= avail


def _indents(lang: str) -> str:
    """``từ 10 mm đến 12,7 mm`` / ``10 mm to 12.7 mm`` (the allowed first-line indents)."""
    lo, hi = (mm(v, lang) for v in (min(nd30.FIRST_LINE_INDENT_MM),
                                     max(nd30.FIRST_LINE_INDENT_MM)))
    return f"từ {lo} đến {hi}" if lang != "en" else f"{lo} to {hi}"


_SPACING_MIN = nd30.PARA_SPACING_MIN_PT


@rule("ND30-BODY-INDENT", f"Lùi đầu dòng {_indents('vi')}", f"First-line indent {_indents('en')}",
      nd30.BODY.ref)
def body_indent(ctx: Context) -> Iterator[Hit]:
    tol = nd30.LENGTH_TOLERANCE_MM

    lo, hi = min(nd30.FIRST_LINE_INDENT_MM), max(nd30.FIRST_LINE_INDENT_MM)

    def test(p: ParaFacts) -> Say | None:
        # The decree: "từ 1 cm đến 1,27 cm"; an indent between the two cannot look wrong.
        first = _first_line_start(p)
        if lo - tol <= first <= hi + tol:
            return None  # (a paragraph in the margin is ND30-PDF-MARGINS' to measure)
        if p.numbering is None and p.left_mm < -tol:
            # Pulled into the margin (Lề trái −2 mm, first line 14,7 mm, 021.docx): its first
            # line looks right on paper; the left indent is the thing to fix.
            return Text(f"{mm(first)}, cả đoạn lấn vào lề trái {mm(-p.left_mm)} (lề trái của "
                        "đoạn phải là 0)",
                        f"{mm(first, 'en')}, whole paragraph pulled {mm(-p.left_mm, 'en')} into "
                        "the left margin (its left indent must be 0)")
        if p.numbering is None and lo - tol <= p.left_mm + p.first_line_mm <= hi + tol \
                and _one_line(ctx, p):
            # One line pushed in whole (Lề trái) prints exactly like one indented by its first
            # line: 059.docx sets its heading "3. Về hoạt động" so.
            return None
        if p.numbering is None and p.left_mm > tol:
            # The whole paragraph is pushed in (Lề trái), not its first line: say so, or
            # "0 mm" reads wrong beside a line that visibly starts 12,5 mm in.
            return Text(f"{mm(first)}, cả đoạn lùi trái {mm(p.left_mm)}",
                        f"{mm(first, 'en')}, whole paragraph indented {mm(p.left_mm, 'en')}")
        spaces = len(p.text) - len(p.text.lstrip(" \u00a0"))
        if spaces >= 2:
            # Pushed in with the space bar: "0 mm" alone reads wrong beside a line that
            # visibly starts further in (174.docx: eight spaces before "Điều 2.").
            return Text(f"{mm(first)}, lùi bằng {spaces} dấu cách",
                        f"{mm(first, 'en')}, pushed in with {spaces} spaces")
        return both(mm, first)

    yield from _summarise(ctx, _per_paragraph(ctx, _body_paras(ctx, plain=True), test),
                          both(_indents),
                          f"Dòng đầu mỗi đoạn phải lùi vào {_indents('vi')}.",
                          f"The first line must be indented {_indents('en')}.")


def _first_line_start(p: ParaFacts) -> float:
    """Where the first line of ``p`` starts, in mm from the text margin. An item of Word's
    automatic numbering starts at its label (left indent plus first-line indent: a "1." hung
    at 12,7 mm is indented like body text). A paragraph opened with one tab and no indent of
    its own starts at the first tab stop, Word's default 12,7 mm, the way many drafts indent."""
    if p.numbering is not None:
        return p.left_mm + p.first_line_mm
    if p.text.startswith("\t") and not p.text.startswith("\t\t") and \
            abs(p.first_line_mm) < 0.05 and abs(p.left_mm) < 0.05:
        return _DEFAULT_TAB_MM
    return p.first_line_mm


_DEFAULT_TAB_MM = 12.7  # Word's default tab stop (w:defaultTabStop 720 twips)


@rule("ND30-BODY-SPACING", f"Khoảng cách giữa các đoạn ≥ {pt(_SPACING_MIN)}",
      f"At least {pt(_SPACING_MIN, 'en')} between paragraphs", nd30.BODY.ref)
def body_spacing(ctx: Context) -> Iterator[Hit]:
    paras = _body_paras(ctx)
    bad = []
    for prev, p in itertools.pairwise(paras):
        if p.index != prev.index + 1 or (_is_heading(prev) and _is_heading(p)):
            continue  # a heading set on two lines ("Chương I" / "QUY ĐỊNH CHUNG") is one
        gap = _gap_pt(prev, p)
        if gap < nd30.PARA_SPACING_MIN_PT - 0.01:
            bad.append((p, both(pt, gap)))
    yield from _summarise(ctx, bad, both(lambda lang: f"≥ {pt(_SPACING_MIN, lang)}"),
                          f"Khoảng cách giữa các đoạn văn phải tối thiểu {pt(_SPACING_MIN)}.",
                          f"Paragraphs must be at least {pt(_SPACING_MIN, 'en')} apart.")


def _gap_pt(prev: ParaFacts, p: ParaFacts) -> float:
    """The space Word leaves between two paragraphs: the first's space after and the
    second's before, each dropped when that paragraph has "Don't add space between paragraphs
    of the same style" on and the other has its style (015.docx: List Paragraph items with
    6 pt before print with none)."""
    same = prev.style_id == p.style_id
    after = 0.0 if same and prev.contextual_spacing else prev.space_after_pt
    before = 0.0 if same and p.contextual_spacing else p.space_before_pt
    return after + before


def _lines(value: float, lang: str) -> str:
    """``1,5 dòng`` / ``1.5 lines``."""
    if lang != "en":
        return f"{num(value, lang, 2)} dòng"
    return f"{num(value, lang, 2)} {'line' if value == 1 else 'lines'}"


def _line_range(lang: str) -> str:
    rng = nd30.LINE_SPACING
    if lang != "en":
        return f"từ {_lines(rng.lo, lang)} (single) đến {_lines(rng.hi, lang)}"
    return f"from {_lines(rng.lo, lang)} (single) to {_lines(rng.hi, lang)}"


@rule("ND30-BODY-LINE-SPACING", f"Giãn dòng {_line_range('vi')}",
      f"Line spacing {_line_range('en')}", nd30.LINE_SPACING.ref)
def body_line_spacing(ctx: Context) -> Iterator[Hit]:
    rng = nd30.LINE_SPACING

    def test(p: ParaFacts) -> Say | None:
        value, kind = p.line_spacing
        if kind == "auto":
            return None if value in rng else both(_lines, value)
        sizes = [r.size_pt for r in p.runs if r.text.strip()] or [nd30.BODY.size.default]
        single = max(sizes) * nd30.TIMES_LINE_HEIGHT
        lo, hi = single * rng.lo - 0.5, single * rng.hi + 0.5
        if (kind == "exact" and not lo <= value <= hi) or (kind == "atLeast" and value > hi):
            return Text(f"{pt(value)} ({kind})", f"{pt(value, 'en')} ({kind})")
        return None

    yield from _summarise(ctx, _per_paragraph(ctx, _body_paras(ctx), test),
                          both(_line_range),
                          f"Khoảng cách giữa các dòng phải {_line_range('vi')}.",
                          f"Line spacing must be {_line_range('en')}.")


@rule("ND30-HEADING-SEQ", "Số thứ tự phần, mục, khoản, điểm", "Heading numbering sequence",
      nd30.HEADING_REF)
def heading_sequence(ctx: Context) -> Iterator[Hit]:
    # Numbering restarts inside each structural unit: khoản after every "Điều N.", everything
    # after a Phần / Chương / Mục heading; a capital-letter heading ("A.", "B.") opens a part.
    roman = arabic = letter = 0
    outlier: list[set[int] | None] = [None, None, None]
    """Per level, the counts a number may carry on after a number out of order (``_next``)."""
    quoting = 0
    dotted: list[Hit] = []
    for p in _body_paras(ctx):
        text = norm(p.text)
        # A quotation (a law's khoản cited word for word) keeps its own numbering; it ends at
        # its closing quote, and at the latest at a heading or after a few paragraphs.
        if quoting and (_ROMAN.match(text) or nd30.STRUCTURE_PATTERN.match(text) or
                        _is_heading(p)):
            quoting = 0
        if quoting or text[:1] in _OPEN_QUOTES:
            closed = text.rstrip(".;,/ ").endswith(_CLOSE_QUOTES)
            quoting = 0 if closed else (quoting or _QUOTE_SPAN) - 1
            continue
        if nd30.STRUCTURE_PATTERN.match(text) or _UPPER_LETTER.match(text):
            roman = arabic = letter = 0
            outlier[:] = [None, None, None]
            continue
        if nd30.ARTICLE_PATTERN.match(text):
            arabic = letter = 0
            outlier[1:] = [None, None]
            continue
        fmt = ctx.facts.list_formats.get(p.numbering) if p.numbering is not None else None
        if fmt in _LIST_BULLETS:
            continue  # an automatic "-" item numbers nothing: the counts carry on over it
        if fmt in _LIST_LETTERS:
            # An automatic điểm ("a)"): the điểm count is Word's; a typed khoản after the list
            # carries on the khoản count ("1.", a) b) c), "3." is a "2." skipped: 261.docx).
            letter = -1
            outlier[2] = None
            continue
        if p.numbering is not None:
            # An automatically numbered item: Word draws its label ("1.", "a)", "-"), which is
            # not in the text, so its number is unknown; the next typed khoản or điểm sets the
            # count again (a typed "2." after an automatic "1." is right). An item written as
            # a mục heading (upper case) may be an automatic "II.": the mục count too.
            arabic = letter = -1
            outlier[1:] = [None, None]
            if text == text.upper() and any(ch.isalpha() for ch in text):
                roman = -1
                outlier[0] = None
            continue
        m = _LETTER_DOT.match(text)
        if m and not ctx.layout.attached and m.group("n") in nd30.DIEM_LETTERS:
            n = nd30.DIEM_LETTERS.index(m.group("n")) + 1
            if n == 1 or n == letter + 1:  # an item of the list, not a stray "c. …"
                dotted.append(Hit(ctx.where(p.index), f"{m.group('n')})", f"{m.group('n')}.",
                                  "Điểm đánh bằng chữ cái tiếng Việt và dấu ngoặc đơn: a), b), "
                                  "c) …, không dùng dấu chấm.",
                                  "A điểm is lettered with a closing parenthesis: a), b), c) …, "
                                  "not a full stop."))
                letter = n
                outlier[2] = None
                continue
        for regex, level in ((_ROMAN, 0), (_ARABIC, 1), (_LETTER, 2)):
            m = regex.match(text)
            if not m:
                continue
            n = m.group("n")
            if level == 0 and roman < 0 and n in nd30.ROMAN:
                roman, arabic, letter = nd30.ROMAN.index(n) + 1, 0, 0
            elif level == 1 and arabic < 0:
                arabic, letter = int(n), 0
            elif level == 0:
                seen = nd30.ROMAN.index(n) + 1 if n in nd30.ROMAN else None
                roman, hit = _next(ctx, p, roman, seen, f"{n}.", outlier, 0, nd30.roman, ".")
                arabic, letter = 0, 0
                yield from hit
            elif level == 1:
                arabic, hit = _next(ctx, p, arabic, int(n), f"{n}.", outlier, 1, str, ".")
                letter = 0
                yield from hit
            else:
                if letter < 0 and n in nd30.DIEM_LETTERS:
                    letter = nd30.DIEM_LETTERS.index(n) + 1
                    break
                seen = nd30.DIEM_LETTERS.index(n) + 1 if n in nd30.DIEM_LETTERS else None
                # A letter the Vietnamese alphabet does not have (f, j, w, z) leaves the count
                # unknown until the next one.
                letter, hit = _next(ctx, p, max(letter, 0), seen, f"{n})", outlier, 2,
                                    nd30.diem_letter, ")")
                if seen is None:
                    letter = -1
                yield from hit
            for deeper in range(level + 1, 3):
                outlier[deeper] = None  # a new mục or khoản: its own count starts afresh
            break
    # "a.", "b.", "c." for a), b), c) is one habit, said once with the count of lines.
    yield from collapse(dotted, lambda hit: (hit.message,), LINES)


def _next(ctx: Context, p: ParaFacts, count: int, seen: int | None, got: str,
          outlier: list, level: int, label: Callable[[int], str],
          mark: str) -> tuple[int, list[Hit]]:
    """The count after number ``seen`` (None: not a number of the series) where ``count + 1``
    is due, and the finding if it is out of order. One wrong number is one finding: after it
    the next number may carry on the count it broke ("1.", "17.", "3." with "2." meant), start
    over ("1." after a heading typed as a khoản), or follow the wrong one ("4." after a "3."
    skipped), and none of these is flagged again."""
    want = count + 1
    after = outlier[level]
    outlier[level] = None
    if seen == want or (after is not None and seen is not None and seen - 1 in after):
        return seen, []
    outlier[level] = {want, 0}
    hit = _seq_hit(ctx, p, f"{label(want)}{mark}", got)
    return (seen if seen is not None else want), [hit]


_LIST_BULLETS = frozenset({"bullet", "none"})
_LIST_LETTERS = frozenset({"lowerLetter", "upperLetter"})
_OPEN_QUOTES = ("“", '"', "«")
_QUOTE_SPAN = 8  # paragraphs a quotation without its closing quote may run on
_CLOSE_QUOTES = ("”", '"', "»")
_UPPER_LETTER = re.compile(r"^[A-HJ-UWYZĐ]\.\s")  # not I, V, X: those are roman numerals


def _seq_hit(ctx: Context, p: ParaFacts, want: str, got: str) -> Hit:
    return Hit(ctx.where(p.index), want, got,
               "Số thứ tự phần, mục, khoản, điểm phải liên tục (I, II, III; 1, 2, 3 đánh lại trong "
               "mỗi mục; a, b, c, d, đ, e, g).",
               "Headings must be numbered without gaps (I, II, III; 1, 2, 3 restarting in each "
               "section; a, b, c, d, đ, e, g).")


@rule("ND30-HEADING-STYLE", "Tiêu đề mục in hoa, đậm", "Section headings upper case and bold",
      nd30.HEADING_REF)
def heading_style(ctx: Context) -> Iterator[Hit]:
    for p in _body_paras(ctx):
        text = p.text.strip()
        if not _ROMAN.match(text):
            continue
        # A run-in heading "III. KIẾN NGHỊ, ĐỀ XUẤT: Không." (016.docx): the title is what
        # comes before the colon; the answer after it is text.
        title = text.split(":", 1)[0]
        start = p.text.index(title)
        runs = ctx.runs(Piece(p.index, start, start + len(title), title))
        lower = title != title.upper() and not all(r.caps for r in runs)
        light = not all(r.bold for r in runs)
        if lower or light:
            found = [w for w, on in ((Text("chữ thường", "lower case"), lower),
                                     (Text("không đậm", "not bold"), light)) if on]
            yield Hit(ctx.where(p.index), Text("IN HOA, đậm", "UPPER CASE, bold"),
                      Text(", ".join(w.vi for w in found), ", ".join(w.en for w in found)),
                      "Tiêu đề mục (I, II, III) phải in hoa, đậm.",
                      "Section headings (I, II, III) must be upper case and bold.")


@rule("ND30-END-MARK", "Dấu ./. cuối nội dung", "'./.' at the end of the body",
      nd30.END_OF_BODY_REF, severity=Severity.WARNING)
def end_mark(ctx: Context) -> Iterator[Hit]:
    body = ctx.layout.body
    if body and not ctx.para(body[-1]).text.rstrip().endswith(nd30.END_OF_BODY):
        yield Hit(ctx.where(body[-1]), f"… {nd30.END_OF_BODY}",
                  ctx.para(body[-1]).text.rstrip()[-12:],
                  "Cuối phần nội dung văn bản cần có dấu ./.",
                  "The body should end with './.'.")


@rule("ND30-APPENDIX", "Phụ lục: số, tên, dòng «Kèm theo»", "Appendix header",
      nd30.APPENDIX_LABEL.ref)
def appendix(ctx: Context) -> Iterator[Hit]:
    for app in ctx.layout.appendices:
        label = app.label
        if label.text == label.text.upper():
            yield Hit(ctx.where(label), "Phụ lục …", label.text,
                      "Chữ «Phụ lục» phải viết chữ thường, chỉ viết hoa chữ cái đầu (không "
                      "viết in hoa cả chữ).",
                      "'Phụ lục' must be in ordinary case (only its first letter capital), "
                      "not all capitals.")
        yield from ctx.format_hits(label, nd30.APPENDIX_LABEL, "chữ «Phụ lục»", "appendix label")
        # A title on two lines set in ordinary case is one mistake (126.docx).
        hits = [h for piece in app.title
                for h in ctx.format_hits(piece, nd30.APPENDIX_TITLE, "tên phụ lục",
                                         "appendix title")]
        yield from collapse(hits, same_expected, LINES)
        if app.ref is not None:
            yield from ctx.format_hits(app.ref, nd30.APPENDIX_REF, "dòng «Kèm theo …»",
                                       "'Kèm theo' line")
        sec = ctx.section(app.section)
        starts_section = not any(ctx.para(i).text.strip()
                                 for i in range(sec.first_paragraph, label.para))
        # A file that is only an appendix numbers its pages from 1 without being told to.
        own_file = ctx.layout.appendix_only and app.section == 0 and \
            sec.pg_num_start in (None, 1)
        if not own_file and (not starts_section or sec.pg_num_start != 1):
            yield Hit(ctx.where(label), Text("section riêng, số trang bắt đầu từ 1",
                                             "own section, pages numbered from 1"),
                      Text("nối tiếp", "continues the previous section"),
                      "Phụ lục phải được đánh số trang riêng: ngắt section (Layout → Breaks → "
                      "Next Page) trước dòng «Phụ lục», rồi đặt số trang của section đó bắt đầu "
                      "từ 1 (Page Number → Format → Start at 1).",
                      "Each appendix must be numbered on its own: a section break (Next Page) "
                      "before its label, page numbers of that section starting at 1.",
                      Severity.WARNING)

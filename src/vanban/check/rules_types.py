"""What one document type adds to the shared frame: the Quyết định's authority line, its
"QUYẾT ĐỊNH:" line and articles (Mẫu 1.1–1.3), the Công văn's V/v and Kính gửi (Mẫu 1.5), and
the attached document's header without number and date (Mẫu 1.3)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from vanban.check.context import NONE, Context, missing
from vanban.check.finding import (
    ARTICLES,
    LINES,
    PARAGRAPHS,
    Hit,
    Text,
    and_more,
    both,
    collapse,
    pt,
    rule,
    same_found,
)
from vanban.check.locate import norm
from vanban.errors import Severity
from vanban.rules import nd30


@rule("ND30-QD-FRAME", "Quyết định: dòng thẩm quyền ban hành và «QUYẾT ĐỊNH:»",
      "Decision: authority line and 'QUYẾT ĐỊNH:'", nd30.QD_DECIDES.ref)
def qd_frame(ctx: Context) -> Iterator[Hit]:
    lay = ctx.layout
    if lay.type_key != "quyet-dinh" or lay.attached:
        return
    if lay.qd_authority is None:
        yield missing(ctx, "dòng thẩm quyền ban hành trước phần căn cứ (CHỦ TỊCH ỦY BAN NHÂN "
                      "DÂN …)", "authority line before the căn cứ",
                      Text("CHỦ TỊCH ỦY BAN NHÂN DÂN …", "CHỦ TỊCH ỦY BAN NHÂN DÂN …"))
    else:
        yield from ctx.format_hits(lay.qd_authority, nd30.QD_AUTHORITY,
                                   "dòng thẩm quyền ban hành", "authority line")
    if lay.qd_decides is None:
        yield missing(ctx, f"dòng «{nd30.QUYET_DINH_DECIDES}» trước các điều",
                      f"'{nd30.QUYET_DINH_DECIDES}' line before the articles",
                      nd30.QUYET_DINH_DECIDES)
        return
    if norm(lay.qd_decides.text) != nd30.QUYET_DINH_DECIDES:
        yield Hit(ctx.where(lay.qd_decides), nd30.QUYET_DINH_DECIDES, norm(lay.qd_decides.text),
                  f"Ghi «{nd30.QUYET_DINH_DECIDES}» (in hoa, có dấu hai chấm).",
                  f"Write '{nd30.QUYET_DINH_DECIDES}' (upper case, with a colon).")
    yield from ctx.format_hits(lay.qd_decides, nd30.QD_DECIDES, f"dòng «{nd30.QUYET_DINH_DECIDES}»",
                               f"'{nd30.QUYET_DINH_DECIDES}' line")


@rule("ND30-CAN-CU", "Quyết định: căn cứ ban hành in nghiêng, kết thúc bằng «;»",
      "Decision: legal bases in italic, ending with ';'",
      nd30.CAN_CU.ref)
def can_cu(ctx: Context) -> Iterator[Hit]:
    # The lines between the authority line and "QUYẾT ĐỊNH:" (Căn cứ …; Theo đề nghị …) are
    # italic, body size (Mẫu 1.2); 224.docx set them upright. One finding per mistake.
    lay = ctx.layout
    if lay.type_key != "quyet-dinh" or lay.attached or lay.qd_decides is None:
        return
    hits = []
    bases = [i for i in lay.body if i < lay.qd_decides.para]
    for i in bases:
        hits.extend(ctx.format_hits(ctx.piece(i), nd30.CAN_CU, "phần căn cứ", "legal bases",
                                    check_align=False))
    yield from collapse(hits, same_found, PARAGRAPHS)
    yield from _can_cu_ends(ctx, bases)


def _can_cu_ends(ctx: Context, bases: list[int]) -> Iterator[Hit]:
    """Each basis ends with ";", the last (often "Theo đề nghị của …") with "." (Phụ lục I,
    II.6.a). A line ending in a letter, carried on by a line starting in lower case, is one
    basis typed on two paragraphs."""
    for k, i in enumerate(bases):
        text = norm(ctx.para(i).text)
        last = k == len(bases) - 1
        want = "." if last else ";"
        if not text or text.endswith(want):
            continue
        following = norm(ctx.para(bases[k + 1]).text) if not last else ""
        if text[-1].isalnum() and following[:1].islower():
            continue
        end = text[-1]
        found = Text("không có dấu cuối dòng", "no mark at the end") if end.isalnum() else \
            Text(f"«{end}» cuối dòng", f"'{end}' at the end")
        yield Hit(ctx.where(i), Text(f"«{want}» cuối dòng", f"'{want}' at the end"), found,
                  "Mỗi căn cứ ban hành kết thúc bằng dấu chấm phẩy «;», căn cứ cuối cùng "
                  "kết thúc bằng dấu chấm «.».",
                  "Each legal basis ends with ';' and the last one with '.'.")


@rule("ND30-ARTICLE", "Điều: đánh số liên tục, «Điều N.» in đậm", "Articles numbered in order, "
      "'Điều N.' in bold", nd30.ARTICLE_REF)
def articles(ctx: Context) -> Iterator[Hit]:
    lay = ctx.layout
    if lay.type_key == "quyet-dinh" and not lay.attached and not lay.articles:
        yield missing(ctx, "các điều của quyết định (Điều 1., Điều 2. …)", "articles",
                      "Điều 1.")
    expected, plain = 0, []
    for piece in lay.articles:
        m = nd30.ARTICLE_PATTERN.match(piece.text)
        n = int(m.group("n")) if m else expected + 1
        expected += 1
        if n != expected:
            yield Hit(ctx.where(piece), f"Điều {expected}.", f"Điều {n}.",
                      "Các điều được đánh số liên tục bằng chữ số Ả Rập (Điều 1, Điều 2 …).",
                      "Articles are numbered in order (Điều 1, Điều 2 …).")
            expected = n  # one gap is one finding, not one per following article
        label = piece.text[:m.end()] if m else piece.text
        # The word and the number must be bold; the "." or ":" after them is not looked at
        # (a plain full stop after a bold "Điều 2" cannot be seen: 20 corpus drafts have it).
        words = m.end("n") if m else len(label)
        runs, pos = [], 0
        for r in ctx.para(piece.para).runs:
            if r.hidden:
                continue
            if pos < piece.start + words and pos + len(r.text) > piece.start and \
                    r.text.strip():
                runs.append(r)
            pos += len(r.text)
        if runs and not all(r.bold for r in runs):
            plain.append((piece, label.strip()))
    if plain:  # one finding for the document, counting the articles
        piece, label = plain[0]
        more = len(plain) - 1
        yield Hit(ctx.where(piece), Text(f"«{label}» in đậm", f"'{label}' in bold"),
                  and_more(Text("không in đậm", "not bold"), more, ARTICLES),
                  "Chữ «Điều» và số thứ tự của điều phải in đậm.",
                  "The word 'Điều' and the article's number must be bold.")


@rule("ND30-KINH-GUI", "Kính gửi", "'Kính gửi' (addressees)", nd30.KINH_GUI_REF)
def kinh_gui(ctx: Context) -> Iterator[Hit]:
    lines = ctx.layout.kinh_gui
    if not lines:
        if is_cong_van(ctx):
            # Mẫu 1.5: a letter names its addressees after "Kính gửi:", under the V/v line
            # (all 48 letters of the corpus do). Not a rule the decree words as a must: a warning.
            yield missing(ctx, f"dòng «{nd30.KINH_GUI}:» của công văn",
                          f"the letter's '{nd30.KINH_GUI}:' line", f"{nd30.KINH_GUI}: …",
                          Severity.WARNING)
        return
    label = lines[0]
    key = ctx.layout.type_key
    # A Công văn's "V/v" with a type name typed above it is ND30-VV's one finding.
    if key in nd30.DOCUMENT_TYPES and key not in nd30.KINH_GUI_TYPES and \
            not ctx.layout.attached and not ctx.layout.vv:
        name = nd30.DOCUMENT_TYPES[key][0].capitalize()
        yield Hit(ctx.where(label), Text("không có «Kính gửi»", "no 'Kính gửi'"),
                  norm(label.text),
                  f"«{nd30.KINH_GUI}» chỉ dùng cho công văn, tờ trình và báo cáo gửi cấp trên; "
                  f"{name.lower()} ghi nơi nhận ở phần «Nơi nhận».",
                  f"'{nd30.KINH_GUI}' is used only by a Công văn, and a Tờ trình or Báo cáo sent "
                  f"to a superior body; a {name} lists its recipients under 'Nơi nhận'.")
    if not norm(label.text).startswith(f"{nd30.KINH_GUI}:"):
        yield Hit(ctx.where(label), f"{nd30.KINH_GUI}:", norm(label.text)[:20],
                  "Ghi «Kính gửi:» (có dấu hai chấm) rồi tên nơi nhận.",
                  "Write 'Kính gửi:' (with a colon), then the addressees.")
    yield from ctx.format_hits(label, nd30.KINH_GUI_FORMAT, "dòng «Kính gửi»",
                               "'Kính gửi' line", check_align=False)
    entries = [x for x in lines[1:] if x.text.startswith("-")]
    if len(entries) < 2:
        return  # one addressee goes on the label's line
    for piece in entries[:-1]:
        if not piece.text.rstrip().endswith(";"):
            yield Hit(ctx.where(piece), "- …;", piece.text,
                      "Khi có nhiều nơi nhận, mỗi nơi một dòng bắt đầu bằng «-», kết thúc bằng «;».",
                      "With several addressees, each goes on a line starting with '-' and "
                      "ending with ';'.")
    last = entries[-1]
    if not last.text.rstrip().endswith("."):
        yield Hit(ctx.where(last), "- ….", last.text,
                  "Nơi nhận cuối cùng sau «Kính gửi:» kết thúc bằng dấu chấm.",
                  "The last addressee after 'Kính gửi:' ends with a full stop.")


def is_cong_van(ctx: Context) -> bool:
    """No type name, a number line: a Công văn (Mẫu 1.5)."""
    lay = ctx.layout
    return lay.type_name is None and lay.number is not None and not lay.attached


@rule("ND30-VV", "Công văn: trích yếu «V/v …», không có tên loại",
      "Official letter: a 'V/v …' summary and no type name", nd30.CONG_VAN_REF)
def vv(ctx: Context) -> Iterator[Hit]:
    lay = ctx.layout
    if lay.vv and lay.type_name is not None:
        yield Hit(ctx.where(lay.type_name), Text("không có tên loại (công văn)",
                                                 "no type name (official letter)"),
                  norm(lay.type_name.text),
                  "Văn bản có «V/v» là công văn: không ghi tên loại văn bản.",
                  "A document with a 'V/v' summary is an official letter: it has no type name.")
    if is_cong_van(ctx) and not lay.vv:
        boxed = _vv_in_a_box(ctx)
        if boxed is not None:
            # 028.docx: the V/v is typed in a text box under the number; it prints, but its
            # size and place cannot be read like the text's.
            yield Hit(ctx.where(boxed[0], boxed[1]), Text("V/v … dưới số, ký hiệu",
                                                          "V/v … under the number"),
                      Text("trong khung văn bản (text box)", "in a text box"),
                      "Trích yếu «V/v …» nằm trong khung văn bản (text box) nên không kiểm tra "
                      "được cỡ chữ và vị trí; nên gõ trực tiếp dưới số, ký hiệu.",
                      "The 'V/v …' summary is in a text box, so its size and place cannot be "
                      "checked; type it under the number instead.", Severity.WARNING)
        else:
            yield missing(ctx, "trích yếu nội dung công văn (V/v …) dưới số, ký hiệu",
                          "letter summary (V/v …) under the number", "V/v …")
    if lay.vv and not lay.vv[0].text.startswith(nd30.CONG_VAN_PREFIX):
        yield Hit(ctx.where(lay.vv[0]), f"{nd30.CONG_VAN_PREFIX} …", lay.vv[0].text[:12],
                  f"Trích yếu công văn bắt đầu bằng «{nd30.CONG_VAN_PREFIX}» (V hoa, v thường).",
                  f"A letter summary starts with '{nd30.CONG_VAN_PREFIX}'.")
    if lay.vv and lay.number is not None:
        a, b = ctx.para(lay.number.para).container, ctx.para(lay.vv[0].para).container
        beside = a[0] == b[0] == "table" and a[1] == b[1] and a[3] != b[3]
        if beside:
            yield Hit(ctx.where(lay.vv[0]), Text("dưới số, ký hiệu", "under the number"),
                      Text("cột khác", "in another column"),
                      "Trích yếu công văn đặt canh giữa dưới số, ký hiệu.",
                      "The letter summary goes centred under the number.")
        gap = _vv_gap_pt(ctx)
        if gap is not None and gap < _VV_GAP_PT - _VV_GAP_TOLERANCE_PT:
            yield Hit(ctx.where(lay.vv[0]), both(pt, _VV_GAP_PT), both(pt, gap),
                      f"Dòng trích yếu «V/v …» phải cách dòng số, ký hiệu {pt(_VV_GAP_PT)} "
                      "(đặt khoảng cách trước đoạn V/v, hoặc sau dòng số, ký hiệu).",
                      f"The 'V/v …' summary must be set {pt(_VV_GAP_PT, 'en')} below the "
                      "number line (space before the V/v paragraph, or after the number).")


def _vv_in_a_box(ctx: Context) -> tuple[int, str] | None:
    """The paragraph anchoring a text box that holds the V/v, and the box's text, looked for
    from the top of the document down to the number's paragraph and a few after it."""
    end = (ctx.layout.number.para if ctx.layout.number else 0) + _BOX_SEARCH
    for p in ctx.facts.paragraphs[:end]:
        for text in p.boxes:
            if norm(text).startswith(nd30.CONG_VAN_PREFIX):
                return p.index, norm(text)
    return None


_BOX_SEARCH = 12  # paragraphs after the number line a boxed V/v may be anchored in


_VV_GAP_PT = 6.0
"""Phụ lục I, II.5.b: the V/v line is set "cách dòng 6pt với số và ký hiệu văn bản"."""
_VV_GAP_TOLERANCE_PT = 0.5


def _vv_gap_pt(ctx: Context) -> float | None:
    """Space between the number line and the V/v line under it, in pt: the number's space
    after, the V/v paragraph's space before and the leading a wider line spacing adds above
    its text. None when the gap is made some other way (blank paragraphs between them, the
    two on one paragraph or in cells not stacked in one column), which is not judged."""
    lay = ctx.layout
    n = ctx.para(lay.number.para)  # type: ignore[union-attr]
    v = ctx.para(lay.vv[0].para)
    if n.container != v.container or v.index != n.index + 1:
        # Blank lines between them make a gap of a line or more; a V/v in the row below
        # sits under the Số row, whose height (w:trHeight, the other cells) is not read
        # (002.docx: a row 20,6 pt high leaves 7,8 pt under a 13 pt Số line).
        return None
    runs = ctx.runs(lay.vv[0])
    size = runs[0].size_pt if runs else 12.0
    value, kind = v.line_spacing
    single = size * nd30.TIMES_LINE_HEIGHT
    extra = (value - 1) * single if kind == "auto" else value - single
    return round(n.space_after_pt + v.space_before_pt + max(extra, 0.0), 1)


@rule("ND30-ATTACHED", "Văn bản kèm theo: không số, không ngày, không Nơi nhận",
      "Attached document: no number, date or Nơi nhận", nd30.ATTACHED_REF)
def attached(ctx: Context) -> Iterator[Hit]:
    lay = ctx.layout
    if not lay.attached:
        return
    for piece, vi, en in ((lay.number, "số, ký hiệu", "number"),
                          (lay.place_date, "địa danh, ngày tháng", "place and date"),
                          (lay.noi_nhan_label, "Nơi nhận", "Nơi nhận")):
        if piece is not None:
            yield Hit(ctx.where(piece), NONE, norm(piece.text)[:30],
                      f"Văn bản ban hành kèm theo quyết định không ghi {vi} (số và ngày là của "
                      "quyết định, ghi ở dòng «Kèm theo»).",
                      f"A document issued with a decision has no {en} of its own (the "
                      "decision's are given in the 'Kèm theo' line).")
    # Mẫu 1.3: the "(Kèm theo Quyết định …)" line is set like an appendix's, in italics; on
    # two lines it is one mistake.
    hits = [h for piece in lay.attached_ref
            for h in ctx.format_hits(piece, nd30.APPENDIX_REF, "dòng «Kèm theo …»",
                                     "'Kèm theo' line")]
    yield from collapse(hits, same_found, LINES)


# A second citation typed after a ";" in one basis: "…; Nghị định số …", "…; Luật …".
# A type name in capitals starts a citation ("Luật phòng, chống ma túy", 224.docx); one in
# lower case only with its number ("hướng dẫn số 37/HD-BCA", 223.docx).
_TYPES = ("Bộ luật", "Luật", "Pháp lệnh", "Nghị quyết", "Nghị định", "Quyết định",
          "Thông tư liên tịch", "Thông tư", "Chỉ thị", "Kế hoạch", "Hướng dẫn", "Công văn",
          "Văn bản")
_NEXT_BASIS = re.compile(
    rf";\s+(?:(?P<type>{'|'.join(_TYPES)})\s+\w|"
    rf"(?P<lower>{'|'.join(t.lower() for t in _TYPES)})\s+(?:số\b|\d))")
# An amending document grouped with the one it amends ("Luật …; Luật sửa đổi, bổ sung một số
# điều của Luật …") is how central bodies cite them too: 11 corpus decisions do it.
_AMENDS = ("sửa đổi", "bổ sung")
_CAN_CU = "Căn cứ"


@rule("ND30-CAN-CU-LINE", "Quyết định: mỗi căn cứ ban hành một dòng",
      "Decision: one legal basis per line", nd30.CAN_CU.ref)
def can_cu_line(ctx: Context) -> Iterator[Hit]:
    # Phụ lục I, II.6.a: "sau mỗi căn cứ phải xuống dòng". 271.docx typed two unrelated
    # decisions in one basis, 224.docx three laws; both passed the checker.
    lay = ctx.layout
    if lay.type_key != "quyet-dinh" or lay.attached or lay.qd_decides is None:
        return
    for i in lay.body:
        if i >= lay.qd_decides.para:
            break
        text = norm(ctx.para(i).text)
        if not text.startswith(_CAN_CU):
            continue
        matches = list(_NEXT_BASIS.finditer(text))
        if not matches:
            continue
        ends = [m.start() for m in matches[1:]] + [len(text)]
        extra = [m for m, end in zip(matches, ends, strict=True)
                 if not any(w in text[m.start():end] for w in _AMENDS)]
        if not extra:
            continue
        first = extra[0]
        start = first.start("type") if first.group("type") else first.start("lower")
        typed = f"«…; {text[start:start + 40].rsplit(' ', 1)[0]} …»"  # whole words
        n = len(extra) + 1
        yield Hit(ctx.where(i), Text("một căn cứ trên một dòng", "one basis per line"),
                  Text(f"{n} căn cứ trên một dòng: {typed}", f"{n} bases on one line: {typed}"),
                  "Mỗi căn cứ ban hành phải xuống dòng riêng, kết thúc bằng «;» (chỉ văn bản "
                  "sửa đổi, bổ sung có thể ghi cùng dòng với văn bản được sửa đổi).",
                  "Each legal basis goes on its own line, ending with ';' (only an amending "
                  "document may share the line of the document it amends).")

"""Nơi nhận (ô 9b) and the signature block (ô 7a, 7b; Điều 13)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from vanban.check.context import NONE, Context, missing
from vanban.check.finding import LINES, Hit, Text, collapse, rule, same_found
from vanban.check.locate import Piece, norm
from vanban.check.locate_end import entry_groups
from vanban.errors import Severity
from vanban.rules import nd30
from vanban.source.tones import tone_key


@rule("ND30-NOI-NHAN", "Nơi nhận", "Recipients (Nơi nhận)", nd30.NOI_NHAN_REF)
def noi_nhan(ctx: Context) -> Iterator[Hit]:
    label, entries = ctx.layout.noi_nhan_label, ctx.layout.noi_nhan
    if label is None:
        if ctx.layout.attached:  # an attached document has no Nơi nhận of its own (Mẫu 1.3)
            return
        yield missing(ctx, "phần «Nơi nhận:»", "'Nơi nhận:' block", nd30.NOI_NHAN_LABEL_TEXT)
        return
    if norm(label.text) != nd30.NOI_NHAN_LABEL_TEXT:
        yield Hit(ctx.where(label), nd30.NOI_NHAN_LABEL_TEXT, label.text,
                  "Ghi «Nơi nhận:» (có dấu hai chấm) trên một dòng riêng.",
                  "Write 'Nơi nhận:' (with a colon) on its own line.")
    yield from ctx.format_hits(label, nd30.NOI_NHAN_LABEL, "chữ «Nơi nhận»", "'Nơi nhận' label")
    if not entries:
        yield Hit(ctx.where(label), "- …;", NONE, "Nơi nhận phải liệt kê các nơi nhận.",
                  "The Nơi nhận block must list its recipients.")
        return
    for group in entry_groups(entries)[:-1]:
        piece = group[0]
        if not (piece.text.startswith("-") and group[-1].text.rstrip().endswith(";")):
            yield Hit(ctx.where(piece), "- …;", " ".join(x.text for x in group),
                      "Mỗi nơi nhận trên một dòng, bắt đầu bằng gạch đầu dòng, kết thúc bằng «;».",
                      "Each recipient goes on its own line starting with '-' and ending with ';'.")
    # Recipient lines set in 12 pt are one mistake, said once with the count of lines.
    hits = [h for piece in entries
            for h in ctx.format_hits(piece, nd30.NOI_NHAN_ENTRY, "dòng nơi nhận",
                                     "recipient line", check_align=False)]
    yield from collapse(hits, same_found, LINES)
    yield from _nhu_tren(ctx, entries)
    yield from _nhu_dieu(ctx, entries)


_NHU_TREN_LINE = f"- {nd30.NHU_TREN};"


def _nhu_tren(ctx: Context, entries: tuple[Piece, ...]) -> Iterator[Hit]:
    """With "Kính gửi" (Công văn; Tờ trình, Báo cáo sent up), the Nơi nhận list opens with
    "- Như trên;" (Phụ lục I, II.9.b): the addressees are not listed twice."""
    key = ctx.layout.type_key
    if not ctx.layout.kinh_gui or ctx.layout.attached or \
            (key in nd30.DOCUMENT_TYPES and key not in nd30.KINH_GUI_TYPES):
        return  # a "Kính gửi" the type has no use for: ND30-KINH-GUI says so, once
    first = entries[0]
    words = norm(first.text).lstrip("-–+• ").casefold()
    if words.startswith(nd30.NHU_TREN.casefold()):
        return
    if words.startswith(nd30.NHU_TREN_VARIANTS):
        # The same meaning in other words: the decree's own wording is asked for, gently.
        yield Hit(ctx.where(first), _NHU_TREN_LINE, norm(first.text),
                  f"Nghị định ghi «{nd30.NHU_TREN}» ở dòng đầu Nơi nhận của văn bản có «Kính "
                  f"gửi»; nên ghi «{_NHU_TREN_LINE}».",
                  f"The decree words the first Nơi nhận line of a document with 'Kính gửi' as "
                  f"'{nd30.NHU_TREN}'; write '{_NHU_TREN_LINE}'.",
                  Severity.WARNING, nd30.NHU_TREN_REF)
        return
    yield Hit(ctx.where(first), _NHU_TREN_LINE, norm(first.text),
              f"Văn bản có «Kính gửi» thì dòng đầu tiên của Nơi nhận là «{_NHU_TREN_LINE}» "
              "(nơi nhận ở phần Kính gửi không liệt kê lại).",
              f"In a document with 'Kính gửi' the first Nơi nhận line is '{_NHU_TREN_LINE}' "
              "(the addressees are not listed again).", citation=nd30.NHU_TREN_REF)


def _nhu_dieu(ctx: Context, entries: tuple[Piece, ...]) -> Iterator[Hit]:
    """ "- Như Điều N;" names an article the document has, normally the one that names who
    carries the decision out."""
    articles = _article_numbers(ctx)
    if not articles:
        return  # no article found: ND30-ARTICLE says so
    # Articles numbered with a gap (ND30-ARTICLE says so) leave "Như Điều N" ambiguous: the
    # N-th article or the one labelled N. Only a number beyond both is surely wrong.
    in_order = articles == list(range(1, len(articles) + 1))
    executors = _executor_articles(ctx) if in_order else []
    for piece in entries:
        m = nd30.NHU_DIEU_PATTERN.match(norm(piece.text))
        if m is None:
            continue
        for n in (int(x) for x in re.findall(r"\d+", m.group("nums"))):
            want = executors[-1] if executors else max(articles)
            if n not in articles and (in_order or n > max(len(articles), max(articles))):
                yield Hit(ctx.where(piece), f"Như Điều {want}", norm(piece.text),
                          f"Nơi nhận ghi «Như Điều {n}» nhưng văn bản chỉ có {len(articles)} "
                          f"điều (Điều {_span(articles)}): sửa số điều, hoặc thêm chữ «Điều {n}.» "
                          "nếu đoạn đó bị thiếu.",
                          f"The Nơi nhận names 'Như Điều {n}' but the document has only "
                          f"{len(articles)} article{'s' if len(articles) != 1 else ''} "
                          f"(Điều {_span(articles)}): correct the number, or add the missing "
                          f"'Điều {n}.' label.", citation=nd30.NHU_DIEU_REF)
            elif executors and n not in executors:
                yield Hit(ctx.where(piece), f"Như Điều {want}", norm(piece.text),
                          f"«Như Điều …» trong Nơi nhận chỉ điều giao trách nhiệm thi hành "
                          f"(Điều {want}), không phải Điều {n}.",
                          f"'Như Điều …' in the Nơi nhận names the article on who carries the "
                          f"decision out (Điều {want}), not Điều {n}.",
                          Severity.WARNING, nd30.NHU_DIEU_REF)
        break  # "Như Điều" opens the list; a later line naming an article is another matter


def _article_numbers(ctx: Context) -> list[int]:
    out = []
    for piece in ctx.layout.articles:
        m = nd30.ARTICLE_PATTERN.match(norm(piece.text))
        if m:
            out.append(int(m.group("n")))
    return out


def _executor_articles(ctx: Context) -> list[int]:
    """Numbers of the articles whose text says who carries the decision out."""
    body = ctx.layout.body
    starts = [(body.index(p.para), p) for p in ctx.layout.articles if p.para in body]
    out = []
    for k, (start, piece) in enumerate(starts):
        m = nd30.ARTICLE_PATTERN.match(norm(piece.text))
        end = starts[k + 1][0] if k + 1 < len(starts) else len(body)
        text = " ".join(norm(ctx.para(i).text) for i in body[start:end]).casefold()
        if m and any(w in text for w in nd30.EXECUTORS_WORDS):
            out.append(int(m.group("n")))
    return out


def _span(numbers: list[int]) -> str:
    """``1–3`` for consecutive numbers, else ``1, 2, 4``."""
    ordered = sorted(set(numbers))
    if ordered == list(range(ordered[0], ordered[-1] + 1)) and len(ordered) > 2:
        return f"{ordered[0]}–{ordered[-1]}"
    return ", ".join(str(n) for n in ordered)


@rule("ND30-LUU", "Dòng «- Lưu: VT, …» cuối Nơi nhận", "Final '- Lưu: VT, …' line",
      nd30.NOI_NHAN_REF)
def luu(ctx: Context) -> Iterator[Hit]:
    entries = ctx.layout.noi_nhan
    if not entries:
        return
    group = entry_groups(entries)[-1]
    last = group[0]
    text = norm(" ".join(x.text for x in group))
    if nd30.LUU_PATTERN.match(text):
        return
    if nd30.LUU_PATTERN.match(text + "."):  # the one slip most drafts make: say just that
        yield Hit(ctx.where(last), f"{text}.", text,
                  "Dòng «- Lưu: …» cuối Nơi nhận phải kết thúc bằng dấu chấm «.».",
                  "The '- Lưu: …' line ending the Nơi nhận block must end with a full stop.")
    else:
        yield Hit(ctx.where(last), Text(f"- {nd30.LUU_PREFIX}, <đơn vị soạn thảo>.",
                                        f"- {nd30.LUU_PREFIX}, <drafting unit>."),
                  " ".join(x.text for x in group),
                  f"Dòng cuối của Nơi nhận phải là «- {nd30.LUU_PREFIX}, <viết tắt đơn vị "
                  "soạn thảo>.».",
                  f"The last recipient line must be '- {nd30.LUU_PREFIX}, <drafting unit>.'.")


def _split(lines: tuple[Piece, ...]) -> tuple[list[Piece], Piece | None]:
    """(authority and position lines, signer's name). The name is the last line in ordinary
    case, or a last line in capitals set apart by the signing space (``_name_in_capitals``).
    A line above the name typed in ordinary case that names a position ("KT. Giám đốc") is an
    authority line too, so that its case is checked; other text there is not looked at."""
    rest = [p for p in lines if p.text != p.text.upper()]
    name = rest[-1] if rest else _name_in_capitals(lines)
    if name is not None and name is lines[0] and _is_position_line(name.text):
        name = None  # a draft's lone "Chủ tịch", its name not typed yet: a position
    authority = [p for p in lines if p is not name and (
        p.text == p.text.upper() or
        ((name is None or p.para < name.para) and _names_position(p.text)))]
    return authority, name


# A line holding none of these is no position ("Hdfđ" typed in 061.docx).
_POSITION_WORDS = tuple(x.rstrip(".") for x in nd30.AUTHORITY_PREFIXES) + nd30.POSITION_WORDS


def _words(text: str) -> str:
    """The line's words in capitals, dots read as spaces, between spaces (" KT GIÁM ĐỐC "):
    a position word is looked for whole."""
    return f" {' '.join(norm(text).upper().replace('.', ' ').split())} "


def _names_position(text: str) -> bool:
    words = _words(text)
    return any(f" {w} " in words for w in _POSITION_WORDS)


def _is_position_line(text: str) -> bool:
    """A line that opens with an authority prefix or holds a position of two words or more
    ("Chủ tịch", "Giám đốc"): one-word titles ("Phó", "Chánh") are also surnames and names."""
    words = _words(text)
    return norm(text).upper().startswith(nd30.AUTHORITY_PREFIXES) or \
        any(f" {w} " in words for w in nd30.POSITION_WORDS if " " in w)


def _name_in_capitals(lines: tuple[Piece, ...]) -> Piece | None:
    """The signer's name typed in capitals ("HỒ VĂN MƯỜI"): the last line, below the signing
    space (blank lines; another position of the signer may stand between it and the name),
    two to five words of letters naming no position."""
    if len(lines) < 2:
        return None
    last = lines[-1]
    words = norm(last.text).split()
    spaced = any(b.para - a.para >= 2 for a, b in itertools.pairwise(lines))
    if spaced and 2 <= len(words) <= 5 and all(w.isalpha() for w in words) and \
            not _names_position(last.text):
        return last
    return None


@rule("ND30-SIGN-BLOCK", "Chức vụ và họ tên người ký", "Signer's position and name",
      nd30.SIGNATURE_REF)
def sign_block(ctx: Context) -> Iterator[Hit]:
    if ctx.layout.noi_nhan_label is None and not ctx.layout.signature:
        return
    authority, name = _split(ctx.layout.signature)
    if not authority:
        yield missing(ctx, "quyền hạn, chức vụ của người ký", "signer's authority and position",
                      Text("CHỨC VỤ", "POSITION (CHỨC VỤ)"))
    hits = [h for piece in authority
            for h in ctx.format_hits(piece, nd30.AUTHORITY, "quyền hạn, chức vụ người ký",
                                     "signing authority / position",
                                     check_align=_in_cell(ctx, piece))]
    yield from collapse(hits, same_found, LINES)
    if name is None:
        # A draft may leave the name for the signer's office to type: warn, do not fail.
        yield missing(ctx, "họ tên người ký", "signer's name", Text("họ tên", "full name"),
                      Severity.WARNING if ctx.layout.draft else None)
        return
    if name.text == name.text.upper():
        yield Hit(ctx.where(name), Text("chữ thường, hoa chữ cái đầu", "ordinary case"),
                  Text("chữ in hoa", "capitals"),
                  "Họ tên người ký viết chữ thường (hoa chữ cái đầu của mỗi tiếng), không viết "
                  "in hoa cả dòng.",
                  "The signer's name is written in ordinary case (each word capitalised), not "
                  "in capitals.")
    title = _TITLE.match(norm(name.text))
    if title:
        yield Hit(ctx.where(name), Text("họ tên, không có học hàm, học vị", "the name alone"),
                  title.group().strip(),
                  "Không ghi học hàm, học vị (TS., ThS. …) trước họ tên người ký, trừ ngành có "
                  "quy định riêng (quân đội, giáo dục, y tế, khoa học).",
                  "No academic title or degree (TS., ThS. …) before the signer's name, except in "
                  "sectors whose rules allow it (armed forces, education, health, science).",
                  Severity.WARNING)
    yield from ctx.format_hits(name, nd30.SIGNER_NAME, "họ tên người ký", "signer's name",
                               check_align=_in_cell(ctx, name))


# "TS. Nguyễn Văn A", "PGS.TS Nguyễn Văn A": titles followed by a dot or a space, then a name.
_TITLE = re.compile(rf"^(?:(?:{'|'.join(re.escape(t) for t in nd30.ACADEMIC_TITLES)})"
                    r"(?:\.\s*|\s+))+(?=[A-ZĐÀ-Ỹ])")


def _in_cell(ctx: Context, piece: Piece) -> bool:
    """A signature line in a table cell, which it is centred in. Typed in the body, the block
    stands in the right half of the page, pushed there with spaces or tabs (032.docx): its
    middle is not the page's, and the DOCX alone cannot say where the line lands."""
    return ctx.para(piece.para).container[0] == "table"


_PREFIXES = ", ".join(nd30.AUTHORITY_PREFIXES)
_KY_THAY = nd30.KY_THAY  # a deputy signs for the head (Điều 13)
_DEPUTY = f"{nd30.DEPUTY_WORD} …"


@rule("ND30-SIGN-AUTHORITY", f"Thẩm quyền ký ({_PREFIXES})", f"Signing authority prefix "
      f"({_PREFIXES})", nd30.SIGNATURE_REF)
def sign_authority(ctx: Context) -> Iterator[Hit]:
    authority, _name = _split(ctx.layout.signature)
    for i, piece in enumerate(authority):
        text = norm(piece.text)
        first = text.split(" ")[0]
        stripped = first.replace("/", "").rstrip(".")
        if stripped in {p.rstrip(".") for p in nd30.AUTHORITY_PREFIXES} and \
                first not in nd30.AUTHORITY_PREFIXES:
            yield Hit(ctx.where(piece), f"{stripped}.", first,
                      f"Viết tắt thẩm quyền ký là «{stripped}.» (có dấu chấm).",
                      f"The authority prefix is written '{stripped}.'.")
        if first == _KY_THAY:
            below = authority[i + 1] if i + 1 < len(authority) else None
            # A deputy's title: "PHÓ …", or a ministry's "THỨ TRƯỞNG".
            if below is None or not norm(below.text).startswith(nd30.DEPUTY_WORDS):
                yield Hit(ctx.where(below or piece), _DEPUTY,
                          norm(below.text) if below else NONE,
                          f"Ký thay ({_KY_THAY}) thì dòng chức vụ bên dưới phải là cấp phó "
                          f"({_DEPUTY}).",
                          f"Under '{_KY_THAY}' the position line must be a deputy's ({_DEPUTY}).")
        if first in nd30.AUTHORITY_PREFIXES and i + 1 >= len(authority):
            yield Hit(ctx.where(piece), Text("dòng chức vụ người ký", "the signer's position"),
                      NONE,
                      "Sau dòng thẩm quyền ký phải có dòng chức vụ của người ký.",
                      "The authority line must be followed by the signer's position.")


_THAY_MAT = nd30.THAY_MAT  # on behalf of a collective (Điều 13.2)
# Lines a deputy does not sign straight under: on behalf of a collective (Điều 13.2), by order
# (Điều 13.4). The deputy signs for the head there: "KT. <head>" goes between.
_OVER_DEPUTY = (_THAY_MAT, nd30.THUA_LENH)


@rule("ND30-SIGN-DEPUTY", f"Cấp phó ký dưới dòng {_THAY_MAT}, {nd30.THUA_LENH}: ký thay "
      f"({_KY_THAY} …) người đứng đầu", f"A deputy under a {_THAY_MAT} or {nd30.THUA_LENH} "
      f"line signs for the head ({_KY_THAY} …)", nd30.SIGNATURE_REF)
def sign_deputy(ctx: Context) -> Iterator[Hit]:
    # Điều 13.2: under a collective regime the head signs on behalf of the collective; a
    # deputy signs on behalf of the collective *and for the head*. Điều 13.4: a unit head
    # signing by order may hand it on to a deputy, who signs for him. Six reports of a Ban chỉ
    # đạo (015.docx …) put the deputy's title straight under the collective's line.
    authority, _name = _split(ctx.layout.signature)
    for above, below in itertools.pairwise(authority):
        top, title = norm(above.text), norm(below.text)
        if not top.startswith(_OVER_DEPUTY) or not title.startswith(f"{nd30.DEPUTY_WORD} "):
            continue
        head = title.removeprefix(f"{nd30.DEPUTY_WORD} ").strip()
        want = f"{_KY_THAY} {head}"
        yield Hit(ctx.where(below), Text(f"«{top}» / «{want}» / «{title}»",
                                         f"'{top}' / '{want}' / '{title}'"),
                  Text(f"«{top}» / «{title}»", f"'{top}' / '{title}'"),
                  f"Cấp phó không ký thẳng dưới dòng «{top}» mà ký thay người đứng đầu: thêm "
                  f"dòng «{want}» giữa «{top}» và «{title}».",
                  f"A deputy does not sign straight under '{top}' but for the head: add the "
                  f"line '{want}' between '{top}' and '{title}'.")


def _fold(text: str) -> str:
    """Upper-case words with the old tone placement read as the new ("UỶ" as "ỦY", "HOÁ" as
    "HÓA")."""
    return " ".join(tone_key(norm(text).upper()).split())


@rule("ND30-QD-SIGNER", f"Quyết định: chữ ký đúng thẩm quyền ban hành ({_THAY_MAT} chỉ khi "
      "tập thể ban hành)", f"Decision: the signature matches the issuing authority ({_THAY_MAT} "
      "only when a collective issues it)", nd30.SIGNATURE_REF)
def qd_signer(ctx: Context) -> Iterator[Hit]:
    # Điều 13: "TM." signs on behalf of a collective. A decision whose authority line names
    # a person's office ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …", Mẫu 1.2) is that person's: he
    # signs with his title (or his deputy "KT."), not for the collective. 223.docx did so;
    # 224.docx, its next version, wrote the collective's authority line instead.
    lay = ctx.layout
    if lay.type_key != "quyet-dinh" or lay.attached or lay.qd_authority is None:
        return
    authority, _name = _split(lay.signature)
    if not authority:
        return
    top = norm(authority[0].text)
    if not top.startswith(f"{_THAY_MAT} "):
        return
    body = top.removeprefix(f"{_THAY_MAT} ").strip()
    issuer = norm(lay.qd_authority.text)
    if _fold(issuer).startswith(_fold(body)):
        return
    yield Hit(ctx.where(authority[0]),
              Text(f"chữ ký của người ban hành: «{issuer}»",
                   f"the signature of the issuing authority: '{issuer}'"),
              top,
              f"Quyết định do «{issuer}» ban hành thì người có thẩm quyền ký bằng chức vụ của "
              f"mình (cấp phó ký «{_KY_THAY} …»), không ký «{top}»; nếu tập thể ban hành thì "
              f"dòng thẩm quyền ban hành ghi tên tập thể «{body} …».",
              f"A decision issued by '{issuer}' is signed with that office's title (a deputy "
              f"signs '{_KY_THAY} …'), not '{top}'; if the collective issues it, the authority "
              f"line names the collective, '{body} …'.")

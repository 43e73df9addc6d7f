"""Nơi nhận (ô 9b) and the signature block (ô 7a, 7b; Điều 13)."""

from __future__ import annotations

from collections.abc import Iterator

from vanban.check.context import NONE, Context, missing
from vanban.check.finding import LINES, Hit, Text, collapse, rule
from vanban.check.locate import Piece, entry_groups, norm
from vanban.errors import Severity
from vanban.rules import nd30


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
    yield from collapse(hits, lambda h: (h.message, str(h.found)), LINES)


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
    """(authority and position lines, signer's name)."""
    upper = [p for p in lines if p.text == p.text.upper()]
    rest = [p for p in lines if p.text != p.text.upper()]
    return upper, (rest[-1] if rest else None)


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
    yield from collapse(hits, lambda h: (h.message, str(h.found)), LINES)
    if name is None:
        # A draft may leave the name for the signer's office to type: warn, do not fail.
        yield missing(ctx, "họ tên người ký", "signer's name", Text("họ tên", "full name"),
                      Severity.WARNING if ctx.layout.draft else None)
        return
    yield from ctx.format_hits(name, nd30.SIGNER_NAME, "họ tên người ký", "signer's name",
                               check_align=_in_cell(ctx, name))


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

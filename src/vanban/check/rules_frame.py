"""Whether the checker can read the document at all: legacy font encodings, and the frame of a
Decree-30 document (without it, no component is looked for, so none is invented)."""

from __future__ import annotations

from collections.abc import Iterator

from vanban.check.context import Context
from vanban.check.finding import PARAGRAPHS, Hit, Text, Where, and_more, excerpt, rule
from vanban.check.locate import norm
from vanban.errors import Severity

# Paragraphs read for legacy text: enough to judge a document, bounded for huge ones.
_ENCODING_SCAN = 400


@rule("ND30-ENCODING", "Chữ gõ bằng bảng mã cũ (TCVN3, VNI)", "Text in a legacy encoding "
      "(TCVN3, VNI)", "Điều 8 khoản 1 (phông chữ tiếng Việt bộ mã Unicode TCVN 6909:2001)")
def encoding(ctx: Context) -> Iterator[Hit]:
    from vanban.source.mojibake import find_all

    paras = [p for p in ctx.facts.paragraphs[:_ENCODING_SCAN] if p.text.strip()]
    # One pass over the whole text: most documents hold no word a legacy reading improves.
    found = find_all("\n".join(p.text.replace("\n", " ") for p in paras))
    first, count, kinds = None, 0, []
    for line in sorted(found):
        p, hit = paras[line], found[line]
        count += 1
        if first is None:
            first = (p, hit)
        if hit.encoding not in kinds:
            kinds.append(hit.encoding)
    if first is None:
        return
    p, hit = first
    names = ", ".join({"tcvn3": "TCVN3 (ABC)", "vni": "VNI"}[k] for k in kinds)
    reading = excerpt(hit.fix(p.text))
    yield Hit(ctx.where(p.index), Text(f"chữ Unicode: «{reading}»", f"Unicode text: «{reading}»"),
              and_more(Text(f"bảng mã {names}", f"{names} encoding"), count - 1, PARAGRAPHS),
              f"Văn bản có chữ gõ bằng bảng mã cũ {names}, không phải Unicode; hãy chuyển mã "
              "(Unikey: Công cụ chuyển mã) rồi kiểm tra lại.",
              f"The document holds text typed in the legacy {names} encoding, not Unicode; "
              "convert it (e.g. Unikey's converter) and check again.")


@rule("ND30-FRAME", "Thể thức văn bản hành chính", "Frame of an administrative document",
      "Điều 8, Phụ lục I", severity=Severity.WARNING)
def frame(ctx: Context) -> Iterator[Hit]:
    if ctx.layout.frame:
        return
    title = ctx.layout.other_title
    if title is not None:
        yield Hit(ctx.where(title), Text("tên loại văn bản hành chính (Phụ lục III)",
                                         "an administrative type name (Appendix III)"),
                  norm(title.text),
                  f"«{norm(title.text)}» không phải tên loại văn bản hành chính của Nghị định 30; "
                  "văn bản này không được kiểm tra theo thể thức của Nghị định.",
                  f"'{norm(title.text)}' is not a type of administrative document of Decree 30; "
                  "this document was not checked against the decree's layout.")
        return
    first = next((p for p in ctx.facts.paragraphs if p.text.strip()), None)
    head = ctx.layout.quoc_hieu or ctx.layout.tieu_ngu or \
        (ctx.layout.issuer[0] if ctx.layout.issuer else None)
    if head is not None:
        # The header is there (201.docx: a draft charter with no "(Kèm theo …)" line yet):
        # say what is missing, not that the Quốc hiệu is.
        yield Hit(ctx.where(head), Text("số, ký hiệu hoặc tên loại văn bản",
                                        "a number line or a type name"),
                  Text("không có", "none"),
                  "Có Quốc hiệu hoặc tên cơ quan nhưng không có số, ký hiệu, tên loại văn bản "
                  "của Nghị định 30 hay dòng «(Kèm theo …)»; văn bản này không được kiểm tra "
                  "theo Nghị định 30.",
                  "There is a national name or an issuing body but no number line, no type name "
                  "of Decree 30 and no '(Kèm theo …)' line; this document was not checked "
                  "against Decree 30.")
        return
    yield Hit(Where(paragraph=first.index if first else None,
                    excerpt=excerpt(first.text) if first else ""),
              Text("Quốc hiệu, tên cơ quan, số ký hiệu hoặc tên loại văn bản",
                   "national name, issuing body, number or type name"),
              Text("không có", "none"),
              "Không nhận ra thể thức văn bản hành chính (không có Quốc hiệu hoặc tên cơ quan "
              "cùng số, ký hiệu hoặc tên loại văn bản); văn bản này không được kiểm tra theo "
              "Nghị định 30.",
              "This does not look like an administrative document (no national name or issuing "
              "body with a number or type name); it was not checked against Decree 30.")


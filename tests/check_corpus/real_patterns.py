"""Small DOCX rebuilt from the layouts of the real documents in ../shared/corpus/real-docx.

Each is written as raw WordprocessingML, the way Word saves what a clerk typed: header tables
with shapes for rules, blank draft numbers, ``Kính gửi`` blocks, khoản restarting in each
Điều. ``document(...)`` assembles the package; the ``p``/``cell``/``table`` helpers write the
XML of one paragraph, cell or table. Text is XML-escaped; ``"\\t"`` becomes a ``w:tab``.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (f'xmlns:w="{W}" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:v="urn:schemas-microsoft-com:vml" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"')
TNR = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>'


def run(text: str, *, b: bool = False, i: bool = False, sz: float = 14,
        vert: str | None = None, extra: str = "") -> str:
    """One ``w:r``; tabs in ``text`` become ``w:tab``."""
    props = TNR + ("<w:b/>" if b else "") + ("<w:i/>" if i else "") + \
        (f'<w:vertAlign w:val="{vert}"/>' if vert else "") + f'<w:sz w:val="{int(sz * 2)}"/>'
    parts = []
    for k, chunk in enumerate(text.split("\t")):
        if k:
            parts.append("<w:tab/>")
        if chunk:
            parts.append(f'<w:t xml:space="preserve">{escape(chunk)}</w:t>')
    return f"<w:r><w:rPr>{props}</w:rPr>{extra}{''.join(parts)}</w:r>"


def p(text: str = "", *, jc: str = "both", b: bool = False, i: bool = False, sz: float = 14,
      first: float = 12.7, after: int = 120, runs: str | None = None, extra: str = "",
      vert: str | None = None, before: int = 0) -> str:
    """One paragraph; ``first`` is the first-line indent in mm, ``before``/``after`` the space
    before/after in twips; ``runs`` replaces the single run made from ``text``; ``extra``
    goes into pPr."""
    ind = f'<w:ind w:firstLine="{round(first * 1440 / 25.4)}"/>' if first else ""
    body = runs if runs is not None else (run(text, b=b, i=i, sz=sz, vert=vert) if text else "")
    return (f'<w:p><w:pPr><w:spacing w:before="{before}" w:after="{after}"/>{ind}'
            f'<w:jc w:val="{jc}"/>{extra}</w:pPr>{body}</w:p>')


def c(text: str = "", *, after: int = 0, **kw) -> str:
    """A centred paragraph without indent (header cells, titles)."""
    return p(text, jc="center", first=0, after=after, **kw)


def vml_line(width_mm: float) -> str:
    """A VML line shape as Word anchors a rule (``v:shape`` with a width and no height)."""
    pt = width_mm * 72 / 25.4
    return (f'<w:pict><v:shape style="position:absolute;margin-left:40pt;width:{pt:.1f}pt;'
            'height:0" type="#_x0000_t32"/></w:pict>')


def shape_run(width_mm: float, text: str = "", **kw) -> str:
    """A run holding a line shape, then ``text``."""
    return run(text, extra=vml_line(width_mm), **kw)


def cell(width_mm: float, *paras: str) -> str:
    tw = round(width_mm * 1440 / 25.4)
    return f'<w:tc><w:tcPr><w:tcW w:w="{tw}" w:type="dxa"/></w:tcPr>{"".join(paras)}</w:tc>'


def table(*rows: list[str]) -> str:
    """A borderless table of rows of cells (the header and signature blocks)."""
    grid = "".join(f'<w:gridCol w:w="{round(w * 1440 / 25.4)}"/>' for w in (65, 100))
    borders = "".join(f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right",
                                                         "insideH", "insideV"))
    body = "".join(f"<w:tr>{''.join(r)}</w:tr>" for r in rows)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>{borders}'
            f'</w:tblBorders></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>')


def page_field(sz: float = 14) -> str:
    """Runs of a PAGE field showing "2"."""
    props = f'<w:rPr>{TNR}<w:sz w:val="{int(sz * 2)}"/></w:rPr>'
    return (f'<w:r>{props}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r>{props}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            f'<w:r>{props}<w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r>{props}<w:t>2</w:t></w:r>'
            f'<w:r>{props}<w:fldChar w:fldCharType="end"/></w:r>')


SECT = ('<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="851" w:bottom="1134" '
        'w:left="1701" w:header="567" w:footer="567" w:gutter="0"/>')


def section_break(*, restart: bool = False) -> str:
    """A paragraph ending a section (the next one may restart its page numbers at 1)."""
    start = '<w:pgNumType w:start="1"/>' if restart else ""
    refs = ('<w:headerReference w:type="default" r:id="rheaderdefault"/>'
            '<w:headerReference w:type="first" r:id="rheaderfirst"/>')
    return f"<w:p><w:pPr><w:sectPr>{refs}{SECT}{start}<w:titlePg/></w:sectPr></w:pPr></w:p>"


def document(body: str, *, headers: dict[str, str] | None = None,
             footers: dict[str, str] | None = None, title_pg: bool = True,
             settings: str = "", last_section: str = "") -> bytes:
    """A DOCX holding ``body``; ``headers``/``footers`` map a type ('default', 'first',
    'even') to the XML of its paragraphs. Page 1 gets an empty first-page header."""
    headers = {"default": c(runs=page_field()), "first": c(), **(headers or {})}
    footers = footers or {}
    rels, refs, parts = [], [], {}
    for kind, items in (("header", headers), ("footer", footers)):
        for typ, xml in items.items():
            rid = f"r{kind}{typ}"
            name = f"{kind}{typ}.xml"
            rels.append(f'<Relationship Id="{rid}" Type="http://schemas.openxmlformats.org/'
                        f'officeDocument/2006/relationships/{kind}" Target="{name}"/>')
            refs.append(f'<w:{kind}Reference w:type="{typ}" r:id="{rid}"/>')
            tag = "hdr" if kind == "header" else "ftr"
            parts[f"word/{name}"] = f'<w:{tag} {NS}>{xml}</w:{tag}>'
    rels.append('<Relationship Id="rset" Type="http://schemas.openxmlformats.org/'
                'officeDocument/2006/relationships/settings" Target="settings.xml"/>')
    sect = (f"<w:sectPr>{''.join(refs)}{SECT}{last_section}"
            f"{'<w:titlePg/>' if title_pg else ''}</w:sectPr>")
    parts["word/document.xml"] = f"<w:document {NS}><w:body>{body}{sect}</w:body></w:document>"
    parts["word/settings.xml"] = f'<w:settings {NS}>{settings}</w:settings>'
    parts["word/_rels/document.xml.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(rels) + "</Relationships>")
    parts["_rels/.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    parts["[Content_Types].xml"] = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(parts):
            z.writestr(zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0)), parts[name])
    return buf.getvalue()


# --- the frame of a real UBND document ---------------------------------------------------------

def header(*, number: str = "Số: 12/KH-UBND",
           date: str = "Lâm Đồng, ngày 05 tháng 3 năm 2026", vv: tuple[str, ...] = (),
           issuer_rule: float | None = 18.0, tn_rule: float | None = 60.0,
           under_issuer: str = "", under_tn: str = "",
           issuer: tuple[str, str] = ("ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG")) -> str:
    """A header table as the corpus's UBND documents have it: the rules are line shapes
    anchored in the Số and date paragraphs of the row below (where Word puts them);
    ``under_issuer``/``under_tn`` are paragraphs added under the issuer / motto instead."""
    top = [cell(65, c(issuer[0], b=True, sz=13), c(issuer[1], b=True, sz=13), under_issuer),
           cell(100, c("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b=True, sz=13),
                c("Độc lập - Tự do - Hạnh phúc", b=True), under_tn)]
    num = shape_run(issuer_rule, number, sz=13) if issuer_rule else run(number, sz=13)
    day = shape_run(tn_rule, date, i=True) if tn_rule else run(date, i=True)
    second = [cell(65, c(runs=num)), cell(100, c(runs=day))]
    rows = [top, second]
    if vv:
        # The V/v is set 6 pt under the number (Phụ lục I, II.5.b).
        rows.append([cell(65, *(c(line, sz=12, before=120 if k == 0 else 0)
                                for k, line in enumerate(vv))), cell(100, c())])
    return table(*rows)


def signature(*recipients: str, authority: tuple[str, ...] = ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
              name: str = "Nguyễn Văn An", label_jc: str = "left") -> str:
    """The Nơi nhận / signature table."""
    entries = recipients or ("- Như trên;", "- Lưu: VT, NC.")
    left = [p("Nơi nhận:", jc=label_jc, b=True, i=True, sz=12, first=0, after=0)] + \
        [p(e, jc="left", sz=11, first=0, after=0) for e in entries]
    right = [c(a, b=True) for a in authority] + [c(), c(), c(name, b=True)]
    return table([cell(65, *left), cell(100, *right)])


def title(type_name: str = "KẾ HOẠCH", *summary: str, rule: float = 50.0) -> str:
    """Type name, summary lines, and the rule under them as a shape in an empty paragraph."""
    lines = summary or ("Triển khai công tác cải cách hành chính năm 2026",)
    return c(type_name, b=True) + "".join(c(s, b=True) for s in lines) + \
        c(runs=shape_run(rule))


END = p("Các cơ quan, đơn vị tổ chức thực hiện nghiêm túc Kế hoạch này./.")


# --- one clean document per type, and its mutants (each caught by its own rule only) -----------

def kinh_gui(label: str = "Kính gửi:", *entries: str, b: bool = False) -> str:
    items = entries or ("- Các cơ quan chuyên môn thuộc UBND tỉnh;",
                        "- UBND các xã, phường, đặc khu.")
    return (p(label, jc="center", first=0, b=b)
            + "".join(p(e, jc="left", first=0) for e in items))


def cong_van(*, vv: tuple[str, ...] = ("V/v triển khai thực hiện Kế hoạch",),
             kinh: str | None = None, type_name: str = "", number: str = "Số: 125/UBND-NC") -> str:
    """A Công văn (Mẫu 1.5): V/v under the number, Kính gửi, no type name."""
    named = title(type_name, rule=30) if type_name else ""
    return (header(number=number, vv=vv) + named + (kinh if kinh is not None else kinh_gui())
            + p("Thực hiện Kế hoạch số 12/KH-UBND ngày 05/3/2026 của Ủy ban nhân dân tỉnh, "
                "đề nghị các cơ quan, đơn vị triển khai thực hiện nghiêm túc./.")
            + signature("- Như trên;", "- Lưu: VT, NC."))


def quyet_dinh(*, authority: str | None = None, decides: str | None = "QUYẾT ĐỊNH:",
               numbers: tuple[int, ...] = (1, 2, 3), label_bold: bool = True) -> str:
    """A Quyết định (Mẫu 1.1): authority line, căn cứ, QUYẾT ĐỊNH:, articles."""
    auth = authority if authority is not None else \
        c("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", b=True, after=120)
    dec = c(decides, b=True, after=120) if decides else ""
    arts = "".join(p(runs=run(f"Điều {n}.", b=label_bold) + run(f" Nội dung của điều {n}."))
                   for n in numbers)
    return (header(number="Số: 12/QĐ-UBND")
            + title("QUYẾT ĐỊNH", "Về việc phê duyệt Điều lệ Hội", rule=30) + auth
            + p("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", i=True)
            + p("Theo đề nghị của Giám đốc Sở Nội vụ.", i=True) + dec + arts
            + p("Chánh Văn phòng Ủy ban nhân dân tỉnh chịu trách nhiệm thi hành./.")
            + signature("- Như Điều 3;", "- Lưu: VT, NC."))


def attached(*, number: str = "", with_noi_nhan: bool = False) -> str:
    """A plan issued with a decision (Mẫu 1.3): the header without Số and date."""
    top = [cell(65, c("ỦY BAN NHÂN DÂN", b=True, sz=13), c("TỈNH LÂM ĐỒNG", b=True, sz=13),
                c(runs=shape_run(18)), c(number, sz=13) if number else ""),
           cell(100, c("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b=True, sz=13),
                c("Độc lập - Tự do - Hạnh phúc", b=True), c(runs=shape_run(60)))]
    return (table(top) + c("KẾ HOẠCH", b=True)
            + c("Triển khai công tác cải cách hành chính năm 2026", b=True)
            + c("(Kèm theo Quyết định số 12/QĐ-UBND ngày 05/3/2026 của UBND tỉnh)", i=True)
            + c(runs=shape_run(35), after=120)
            + p("I. MỤC ĐÍCH, YÊU CẦU", b=True) + p("Nâng cao chất lượng phục vụ./.")
            + (signature() if with_noi_nhan else ""))


TYPE_CLEAN = {
    "cong-van": lambda: cong_van(),
    "cong-van-one-addressee": lambda: cong_van(
        kinh=p("Kính gửi: Ủy ban nhân dân tỉnh Lâm Đồng.", jc="center", first=0)),
    "quyet-dinh": lambda: quyet_dinh(),
    "attached-plan": lambda: attached(),
}

TYPE_VARIANTS = {  # id → (document, the one rule that must catch it)
    "cong-van-no-vv": (lambda: cong_van(vv=()), "ND30-VV"),
    "cong-van-vv-upper": (lambda: cong_van(vv=("V/V triển khai thực hiện Kế hoạch",)),
                          "ND30-VV"),
    "cong-van-with-type-name": (lambda: cong_van(type_name="KẾ HOẠCH",
                                                 number="Số: 125/KH-UBND"), "ND30-VV"),
    "kinh-gui-no-colon": (lambda: cong_van(kinh=kinh_gui("Kính gửi")), "ND30-KINH-GUI"),
    "kinh-gui-bold": (lambda: cong_van(kinh=kinh_gui(b=True)), "ND30-KINH-GUI"),
    "kinh-gui-last-semicolon": (lambda: cong_van(kinh=kinh_gui(
        "Kính gửi:", "- Các sở, ban, ngành;", "- UBND các xã;")), "ND30-KINH-GUI"),
    "qd-no-decides-line": (lambda: quyet_dinh(decides=None), "ND30-QD-FRAME"),
    "qd-decides-no-colon": (lambda: quyet_dinh(decides="QUYẾT ĐỊNH"), "ND30-QD-FRAME"),
    "qd-authority-plain": (lambda: quyet_dinh(
        authority=c("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", after=120)), "ND30-QD-FRAME"),
    "qd-article-gap": (lambda: quyet_dinh(numbers=(1, 3, 4)), "ND30-ARTICLE"),
    "qd-article-label-plain": (lambda: quyet_dinh(label_bold=False), "ND30-ARTICLE"),
    "attached-with-number": (lambda: attached(number="Số: 12/KH-UBND"), "ND30-ATTACHED"),
    "attached-with-noi-nhan": (lambda: attached(with_noi_nhan=True), "ND30-ATTACHED"),
}

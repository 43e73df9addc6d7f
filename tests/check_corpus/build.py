"""Builds the checker's test corpus with plain python-docx (a different route from our renderer).

``build(**knobs)`` makes one Kế hoạch; the defaults conform to Decree 30. ``CONFORMANT`` lists the
clean documents, ``VARIANTS`` the documents broken in exactly one way, each with the one rule that
must catch it. ``python tests/check_corpus/build.py OUT_DIR`` writes them all as .docx files.
"""

from __future__ import annotations

import io
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from vanban.rules import metrics

TNR = "Times New Roman"
CENTER, JUSTIFY, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT
HEADER_COLS_MM = (63.0, 102.0)
SIGN_COLS_MM = (70.0, 95.0)
CELL_MARGIN_MM = 1.905

DEFAULTS: dict = {
    "typed": False, "filler": 0, "outdent_mm": 0, "theme": False, "page": (210, 297), "landscape": False, "margins": (20, 20, 30, 15), "title_pg": True,
    "page_field": "header", "page_size": 14,
    "superior": "UBND TỈNH QUẢNG BÌNH", "issuer": "SỞ NỘI VỤ", "issuer_bold": True, "issuer_size": 13,
    "issuer_rule": 0.4, "qh": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "qh_size": 13, "qh_bold": True,
    "tn": "Độc lập - Tự do - Hạnh phúc", "tn_size": 14, "tn_rule": 1.0,
    "number": "Số: 05/KH-SNV", "number_size": 13, "date": "Quảng Bình, ngày 05 tháng 01 năm 2024",
    "date_italic": True, "date_size": 14, "type_name": "KẾ HOẠCH", "type_bold": True,
    "summary": "Triển khai công tác cải cách hành chính năm 2024", "summary_size": 14,
    "summary_rule": 0.4, "body_size": 14, "body_align": JUSTIFY, "indent_mm": 12.7, "before": 6, "after": 0,
    "line": 1.0, "line_exact": None,
    "headings": ("I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG", "III. TỔ CHỨC THỰC HIỆN"),
    "end": "Các cơ quan, đơn vị tổ chức thực hiện nghiêm Kế hoạch này./.",
    "arial_run": False, "east_asia_run": False, "cs_run": False, "red_run": False,
    "noi_nhan_label_bold": True,
    "recipients": ("- Ủy ban nhân dân tỉnh;", "- Các sở, ban, ngành;", "- Lưu: VT, CCHC."),
    "authority": ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), "name": "Nguyễn Văn An", "name_bold": True,
    "appendix": False, "appendix_label": "Phụ lục I",
}


@dataclass(frozen=True)
class Case:
    """One corpus document: its id, knobs, and the rule ids it must trigger (none if clean)."""

    id: str
    knobs: dict = field(default_factory=dict)
    rules: tuple[str, ...] = ()


THEMED = {"theme": True, "margins": (25, 20, 35, 20), "qh_size": 12, "tn_size": 13, "body_size": 13,
              "indent_mm": 10.0, "before": 0, "after": 6, "line_exact": 18, "summary_size": 13,
              "page_size": 13, "appendix": True, "issuer_size": 12,
              "authority": ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")}

# As a clerk types it in Word: the Normal style set to Times New Roman 14 in the font box (which
# names only the ascii/hAnsi slots; eastAsia and cs stay unset), one page, so no page number.
TYPED = {"typed": True, "page_field": None, "title_pg": False}

CONFORMANT = (
    Case("plain-explicit-fonts"),
    Case("typed-in-word", TYPED),
    Case("theme-fonts-with-appendix", THEMED),
    # A ký hiệu with lower-case letters inside a group (QyĐ) is valid: nd30.CODE_PATTERN.
    Case("quy-dinh-code-qyd", {"type_name": "QUY ĐỊNH", "number": "Số: 05/QyĐ-SNV"}),
)

VARIANTS = (
    Case("letter-paper", {"page": (215.9, 279.4)}, ("ND30-PAGE-SIZE",)),
    Case("landscape-page-1", {"landscape": True}, ("ND30-PAGE-ORIENT",)),
    Case("left-margin-25", {"margins": (20, 20, 25, 15)}, ("ND30-MARGINS",)),
    Case("arial-run", {"arial_run": True}, ("ND30-FONT",)),
    Case("east-asia-slot", {"east_asia_run": True}, ("ND30-FONT-SLOTS",)),
    Case("red-run", {"red_run": True}, ("ND30-FONT-COLOR",)),
    Case("typed-east-asia-simsun", {**TYPED, "east_asia_run": True}, ("ND30-FONT-SLOTS",)),
    Case("typed-cs-arial", {**TYPED, "cs_run": True}, ("ND30-FONT-SLOTS",)),
    Case("typed-arial-run", {**TYPED, "arial_run": True}, ("ND30-FONT",)),
    Case("typed-two-pages-no-page-number", {**TYPED, "filler": 12}, ("ND30-PAGE-NUMBER",)),
    Case("page-number-footer", {"page_field": "footer"}, ("ND30-PAGE-NUMBER",)),
    Case("page-number-12pt", {"page_size": 12}, ("ND30-PAGE-NUMBER",)),
    Case("page-number-on-page-1", {"title_pg": False}, ("ND30-PAGE-NUMBER-FIRST",)),
    Case("quoc-hieu-not-bold", {"qh_bold": False}, ("ND30-QUOC-HIEU",)),
    Case("quoc-hieu-text", {"qh": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM."}, ("ND30-QUOC-HIEU",)),
    Case("tieu-ngu-en-dash", {"tn": "Độc lập – Tự do – Hạnh phúc"}, ("ND30-TIEU-NGU",)),
    Case("tieu-ngu-12pt", {"tn_size": 12}, ("ND30-TIEU-NGU",)),
    Case("tieu-ngu-rule-twice", {"tn_rule": None}, ("ND30-TIEU-NGU-RULE",)),
    Case("issuer-not-bold", {"issuer_bold": False}, ("ND30-ISSUER",)),
    Case("issuer-rule-missing", {"issuer_rule": 0}, ("ND30-ISSUER-RULE",)),
    Case("issuer-rule-too-long", {"issuer_rule": 0.9}, ("ND30-ISSUER-RULE",)),
    Case("number-not-padded", {"number": "Số: 5/KH-SNV"}, ("ND30-NUMBER",)),
    Case("number-no-colon", {"number": "Số 05/KH-SNV"}, ("ND30-NUMBER",)),
    Case("number-wrong-type", {"number": "Số: 05/BC-SNV"}, ("ND30-NUMBER-TYPE",)),
    Case("number-three-digits-zero", {"number": "Số: 005/KH-SNV"}, ("ND30-NUMBER",)),
    Case("number-code-spaced", {"number": "Số: 05/KH - SNV"}, ("ND30-NUMBER",)),
    Case("number-code-ampersand", {"number": "Số: 05/KH-SNV&PTNT"}, ("ND30-NUMBER",)),
    Case("date-month-03", {"date": "Quảng Bình, ngày 15 tháng 03 năm 2024"},
         ("ND30-DATE-PADDING",)),
    Case("date-day-5", {"date": "Quảng Bình, ngày 5 tháng 01 năm 2024"}, ("ND30-DATE-PADDING",)),
    Case("date-not-italic", {"date_italic": False}, ("ND30-DATE",)),
    Case("date-no-comma", {"date": "Quảng Bình ngày 05 tháng 01 năm 2024"}, ("ND30-DATE",)),
    Case("type-name-not-bold", {"type_bold": False}, ("ND30-TYPE-NAME",)),
    Case("summary-12pt", {"summary_size": 12}, ("ND30-SUMMARY",)),
    Case("summary-rule-missing", {"summary_rule": 0}, ("ND30-SUMMARY-RULE",)),
    Case("body-12pt", {"body_size": 12}, ("ND30-BODY-SIZE",)),
    Case("body-left-aligned", {"body_align": LEFT}, ("ND30-BODY-ALIGN",)),
    Case("body-no-indent", {"indent_mm": 0}, ("ND30-BODY-INDENT",)),
    Case("body-no-spacing", {"before": 0, "after": 0}, ("ND30-BODY-SPACING",)),
    Case("body-double-spaced", {"line": 2.0}, ("ND30-BODY-LINE-SPACING",)),
    Case("body-exact-12pt-lines", {"line_exact": 12}, ("ND30-BODY-LINE-SPACING",)),
    Case("heading-gap", {"headings": ("I. MỤC ĐÍCH, YÊU CẦU", "III. NỘI DUNG",
                                       "IV. TỔ CHỨC THỰC HIỆN")}, ("ND30-HEADING-SEQ",)),
    Case("heading-lower-case", {"headings": ("I. Mục đích, yêu cầu", "II. NỘI DUNG",
                                              "III. TỔ CHỨC THỰC HIỆN")}, ("ND30-HEADING-STYLE",)),
    Case("no-end-mark", {"end": "Các cơ quan, đơn vị tổ chức thực hiện nghiêm Kế hoạch này."},
         ("ND30-END-MARK",)),
    Case("noi-nhan-label-plain", {"noi_nhan_label_bold": False}, ("ND30-NOI-NHAN",)),
    Case("missing-luu", {"recipients": ("- Ủy ban nhân dân tỉnh;", "- Các sở, ban, ngành;")},
         ("ND30-LUU",)),
    Case("kt-above-head-title", {"authority": ("KT. GIÁM ĐỐC", "GIÁM ĐỐC")},
         ("ND30-SIGN-AUTHORITY",)),
    Case("kt-without-dot", {"authority": ("KT GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")},
         ("ND30-SIGN-AUTHORITY",)),
    Case("signer-name-not-bold", {"name_bold": False}, ("ND30-SIGN-BLOCK",)),
    Case("appendix-label-upper", {**THEMED, "appendix_label": "PHỤ LỤC I"}, ("ND30-APPENDIX",)),
    Case("theme-body-12pt", {**THEMED, "body_size": 12}, ("ND30-BODY-SIZE",)),
)

# Broken in a way only the rendered page shows (``vanban check --pdf``): the DOCX settings are
# right, so without --pdf these give no finding, and with it exactly the one PDF rule.
PDF_VARIANTS = (
    Case("text-in-left-margin", {"outdent_mm": 20}, ("ND30-PDF-MARGINS",)),
)


# --- Building -------------------------------------------------------------------------------------
def _border(paragraph, side: str) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    el = OxmlElement(f"w:{side}")
    for k, v in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "auto")):
        el.set(qn(f"w:{k}"), v)
    bdr.append(el)
    ppr.append(bdr)


def _fonts(rpr_owner, **slots: str) -> None:
    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for k, v in slots.items():
        fonts.set(qn(f"w:{k}"), v)


def _para(container, text: str = "", *, size: float, bold=False, italic=False, align=CENTER,
          indent: float | None = 0, before: float = 0, after: float = 0, line: bool = True):
    p = container.add_paragraph()
    fmt = p.paragraph_format
    fmt.alignment = align
    if indent is not None:
        fmt.first_line_indent = Mm(indent)
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if line:
        fmt.line_spacing = 1.0
    if text:
        run = p.add_run(text)
        run.font.size, run.font.bold, run.font.italic = Pt(size), bold, italic
    return p


def _cell_text_rule(cell, paragraph, text: str, size: float, bold: bool, ratio: float | None,
                    cell_mm: float) -> None:
    """Set symmetric indents so a border drawn on ``paragraph`` spans ``ratio`` × the text."""
    avail = cell_mm - 2 * CELL_MARGIN_MM
    width = metrics.text_width_pt(text, size, bold=bold) * 25.4 / 72
    length = avail if ratio is None else width * ratio
    side = max((avail - length) / 2, 0)
    paragraph.paragraph_format.left_indent = Mm(side)
    paragraph.paragraph_format.right_indent = Mm(side)


def _field(paragraph, instr: str, size: float) -> None:
    for kind, text in (("begin", None), ("instr", instr), ("separate", None), ("result", "2"),
                       ("end", None)):
        run = paragraph.add_run("2" if kind == "result" else "")
        run.font.size = Pt(size)
        if kind == "instr":
            it = OxmlElement("w:instrText")
            it.set(qn("xml:space"), "preserve")
            it.text = f" {text} "
            run._r.append(it)
        elif kind != "result":
            fc = OxmlElement("w:fldChar")
            fc.set(qn("w:fldCharType"), kind)
            run._r.append(fc)


def _table(d, widths_mm: tuple[float, float]):
    """A borderless 2-column table whose grid and cell widths agree (LibreOffice reads the
    grid, Word the cell widths)."""
    table = d.add_table(rows=1, cols=2)
    for col, w in zip(table._tbl.tblGrid.gridCol_lst, widths_mm):
        col.w = Mm(w)
    for cell, w in zip(table.rows[0].cells, widths_mm):
        cell.width = Mm(w)
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    return table


def _setup_section(section, k: dict, *, restart: bool = False) -> None:
    w, h = k["page"]
    if k["landscape"]:
        section.orientation = WD_ORIENT.LANDSCAPE
        w, h = h, w
    section.page_width, section.page_height = Mm(w), Mm(h)
    top, bottom, left, right = k["margins"]
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.header_distance = section.footer_distance = Mm(10)
    section.different_first_page_header_footer = k["title_pg"]
    if restart:
        pg = OxmlElement("w:pgNumType")
        pg.set(qn("w:start"), "1")
        section._sectPr.append(pg)


def _page_number(section, k: dict) -> None:
    section.header.is_linked_to_previous = False
    story = section.header if k["page_field"] == "header" else section.footer
    p = story.paragraphs[0]
    p.alignment = CENTER
    _field(p, "PAGE", k["page_size"])
    if k["title_pg"]:
        section.first_page_header.is_linked_to_previous = False
        section.first_page_header.paragraphs[0].text = ""


def build(**knobs) -> bytes:
    """One Kế hoạch as DOCX bytes; ``knobs`` override ``DEFAULTS``."""
    unknown = set(knobs) - set(DEFAULTS)
    if unknown:
        raise KeyError(f"unknown knobs: {sorted(unknown)}")
    k = {**DEFAULTS, **knobs}
    d = docx.Document()
    normal = d.styles["Normal"]
    normal.font.size = Pt(k["body_size"])
    if k["typed"]:
        normal.font.name = TNR  # Word's font box: ascii and hAnsi only
    elif not k["theme"]:
        _fonts(normal.element, ascii=TNR, hAnsi=TNR, eastAsia=TNR, cs=TNR)
    pf = normal.paragraph_format
    pf.alignment = JUSTIFY
    pf.first_line_indent = Mm(k["indent_mm"])
    pf.space_before, pf.space_after = Pt(k["before"]), Pt(k["after"])
    if k["line_exact"]:
        pf.line_spacing = Pt(k["line_exact"])
    else:
        pf.line_spacing = k["line"]
    _setup_section(d.sections[0], k)
    if k["page_field"]:
        _page_number(d.sections[0], k)

    head = _table(d, HEADER_COLS_MM)
    left, right = head.rows[0].cells
    _para(left, k["superior"], size=k["issuer_size"])
    _para(left, k["issuer"], size=k["issuer_size"], bold=k["issuer_bold"])
    if k["issuer_rule"]:
        rule = _para(left, size=6)
        _border(rule, "top")
        _cell_text_rule(left, rule, k["issuer"], k["issuer_size"], True, k["issuer_rule"],
                        HEADER_COLS_MM[0])
    _para(left, k["number"], size=k["number_size"], before=6)
    _para(right, k["qh"], size=k["qh_size"], bold=k["qh_bold"])
    _para(right, k["tn"], size=k["tn_size"], bold=True)
    rule = _para(right, size=6)
    _border(rule, "top")
    _cell_text_rule(right, rule, k["tn"], k["tn_size"], True, k["tn_rule"], HEADER_COLS_MM[1])
    _para(right, k["date"], size=k["date_size"], italic=k["date_italic"], before=6)

    body_kw = {"size": k["body_size"], "align": k["body_align"], "indent": None, "before": k["before"],
                   "after": k["after"], "line": False}
    _para(d, "", size=k["body_size"])
    _para(d, k["type_name"], size=14, bold=k["type_bold"], before=6)
    _para(d, k["summary"], size=k["summary_size"], bold=True)
    if k["summary_rule"]:
        rule = _para(d, size=6)
        _border(rule, "top")
        text_w = metrics.text_width_pt(k["summary"], k["summary_size"], bold=True) * 25.4 / 72
        page_w = max(k["page"]) if k["landscape"] else k["page"][0]
        avail = page_w - k["margins"][2] - k["margins"][3]
        side = (avail - text_w * k["summary_rule"]) / 2
        rule.paragraph_format.left_indent = rule.paragraph_format.right_indent = Mm(side)
    intro = _para(d, "Thực hiện Kế hoạch của Ủy ban nhân dân tỉnh, Sở Nội vụ ban hành Kế hoạch "
                  "như sau:", **body_kw)
    if k["arial_run"]:
        _fonts(intro.add_run(" (kèm phụ lục)")._r, ascii="Arial", hAnsi="Arial")
    # The eastAsia / cs font draws these runs' accented letters only because the run is
    # marked with w:hint (110.docx: "ư" drawn in Calibri); without it the slot draws nothing.
    if k["east_asia_run"]:
        _fonts(intro.add_run(" (bản điện tử)")._r, eastAsia="SimSun", hint="eastAsia")
    if k["cs_run"]:
        _fonts(intro.add_run(" (bản điện tử)")._r, cs="Arial", hint="cs")
    if k["red_run"]:
        intro.add_run(" (khẩn)").font.color.rgb = RGBColor(0xFF, 0, 0)
    h1, h2, h3 = k["headings"]
    _para(d, h1, bold=True, **body_kw)
    _para(d, "1. Mục đích", bold=True, **body_kw)
    aim = _para(d, "Nâng cao chất lượng phục vụ người dân và doanh nghiệp.", **body_kw)
    if k["outdent_mm"]:
        aim.paragraph_format.left_indent = Mm(-k["outdent_mm"])
    _para(d, "2. Yêu cầu", bold=True, **body_kw)
    _para(d, "a) Bám sát nhiệm vụ được giao;", **body_kw)
    _para(d, "b) Bảo đảm tiến độ, chất lượng;", **body_kw)
    _para(d, h2, bold=True, **body_kw)
    _para(d, "1. Rà soát thủ tục hành chính thuộc thẩm quyền giải quyết.", **body_kw)
    _para(d, "2. Đẩy mạnh ứng dụng công nghệ thông tin.", **body_kw)
    for i in range(k["filler"]):
        _para(d, f"{i + 3}. Tổ chức triển khai, kiểm tra, đôn đốc việc thực hiện các nhiệm vụ "
              "cải cách hành chính tại cơ quan, đơn vị.", **body_kw)
    _para(d, h3, bold=True, **body_kw)
    _para(d, k["end"], **body_kw)

    sign = _table(d, SIGN_COLS_MM)
    nn, sig = sign.rows[0].cells
    _para(nn, "Nơi nhận:", size=12, bold=k["noi_nhan_label_bold"],
          italic=k["noi_nhan_label_bold"], align=LEFT, before=12)
    for line in k["recipients"]:
        _para(nn, line, size=11, align=LEFT)
    for i, line in enumerate(k["authority"]):
        _para(sig, line, size=14, bold=True, before=12 if i == 0 else 0)
    for _ in range(3):
        _para(sig, "", size=14)
    _para(sig, k["name"], size=14, bold=k["name_bold"])

    if k["appendix"]:
        _appendix(d, k)
    out = io.BytesIO()
    d.save(out)
    data = out.getvalue()
    return _tnr_theme(data) if k["theme"] else data


def _appendix(d, k: dict) -> None:
    section = d.add_section()
    _setup_section(section, k, restart=True)
    _para(d, k["appendix_label"], size=14, bold=True)
    _para(d, "DANH SÁCH ĐƠN VỊ THỰC HIỆN", size=14, bold=True)
    _para(d, "(Kèm theo Kế hoạch số 05/KH-SNV ngày 05 tháng 01 năm 2024 của Sở Nội vụ)",
          size=14, italic=True)
    table = d.add_table(rows=2, cols=2)
    table.style = d.styles["Table Grid"]
    for r, row in enumerate((("STT", "Đơn vị"), ("1", "Văn phòng Sở"))):
        for c, text in enumerate(row):
            table.cell(r, c).paragraphs[0].add_run(text).font.size = Pt(13)


def _tnr_theme(data: bytes) -> bytes:
    """Point every theme font (major/minor latin, ea, cs) at Times New Roman."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            blob = src.read(item.filename)
            if item.filename == "word/theme/theme1.xml":
                text = blob.decode()
                for tag in ("latin", "ea", "cs"):
                    for face in ("Calibri", "Cambria", ""):
                        text = text.replace(f'<a:{tag} typeface="{face}"',
                                            f'<a:{tag} typeface="{TNR}"')
                blob = text.encode()
            dst.writestr(item, blob)
    return out.getvalue()


def main(argv: list[str]) -> int:
    out = Path(argv[1] if len(argv) > 1 else "check_corpus_out")
    out.mkdir(parents=True, exist_ok=True)
    for case in CONFORMANT + VARIANTS + PDF_VARIANTS:
        (out / f"{case.id}.docx").write_bytes(build(**case.knobs))
    print(f"{len(CONFORMANT) + len(VARIANTS) + len(PDF_VARIANTS)} documents in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))


"""Ways to plant one defect into a real draft, for test_check_recall.py: each takes the
document (``Docx``) and ``at`` (a paragraph by anchor name or regex) and returns where the defect
now is: the paragraph, ``SECTION`` (page setup or page header) or ``WHOLE`` (many places)."""

from __future__ import annotations

import re
from collections.abc import Callable

from docx_mutate import (
    Docx,
    child,
    etree,
    no,
    remove,
    replace_text,
    set_font,
    set_para,
    set_run,
    set_text,
    text_of,
    w,
)

SECTION = "section"  # a defect of the page setup or of the page header, not of a paragraph
WHOLE = "whole"  # a defect spread over many paragraphs: the rule must fire, anywhere


def edit(key: str, fn: Callable[[etree._Element], object]):
    """Apply ``fn`` to the paragraph at anchor ``key``; the defect is there."""
    def run(doc: Docx, at) -> etree._Element:
        p = at(key)
        fn(p)
        return p
    return run


def retext(key: str, old: str, new: str):
    """Replace ``old`` by ``new`` in the text of the paragraph at anchor ``key``."""
    return edit(key, lambda p: replace_text(p, old, new))


def margin(side: str, twips: int):
    def run(doc: Docx, at) -> str:
        doc.sections()[0].find(w("pgMar")).set(w(side), str(twips))
        return SECTION
    return run


def letter(doc: Docx, at) -> str:
    for s in doc.sections():
        size = s.find(w("pgSz"))
        size.set(w("w"), "12240")
        size.set(w("h"), "15840")
    return SECTION


def landscape(doc: Docx, at) -> str:
    size = doc.sections()[0].find(w("pgSz"))
    wide, high = size.get(w("h")), size.get(w("w"))
    size.set(w("w"), wide)
    size.set(w("h"), high)
    size.set(w("orient"), "landscape")
    return SECTION


def first_page_number(doc: Docx, at) -> str:
    for s in doc.sections():
        for el in s.findall(w("titlePg")):
            s.remove(el)
    return SECTION


def page_number_size(doc: Docx, at) -> str:
    for name in doc.header_parts():
        for p in doc.paragraphs(name):
            if any("PAGE" in (x.text or "") for x in p.iter(w("instrText"))):
                for r in p.iter(w("r")):
                    rpr = child(r, "rPr", first=True)
                    for old in rpr.findall(w("sz")):
                        rpr.remove(old)
                    etree.SubElement(rpr, w("sz")).set(w("val"), "24")
    return SECTION


def default_font(doc: Docx, at) -> str:
    """Times New Roman named in the styles and the runs becomes Arial."""
    for part in ("word/styles.xml", "word/document.xml"):
        for fonts in doc.part(part).iter(w("rFonts")):
            for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
                if fonts.get(w(slot)) == "Times New Roman":
                    fonts.set(w(slot), "Arial")
    return WHOLE


def drop_rule_under(key: str):
    """Remove the drawn line (shape, VML line or bottom border) under a header line."""
    def run(doc: Docx, at) -> str:
        p = at(key)
        for cur in (p, p.getnext(), p.getnext().getnext() if p.getnext() is not None else None):
            if cur is None or cur.tag != w("p"):
                break
            for r in list(cur.iter(w("r"))):
                if r.find(w("drawing")) is not None or r.find(w("pict")) is not None or \
                        r.find("{http://schemas.openxmlformats.org/markup-compatibility/2006}"
                               "AlternateContent") is not None:
                    r.getparent().remove(r)
            ppr = cur.find(w("pPr"))
            if ppr is not None and ppr.find(w("pBdr")) is not None:
                ppr.remove(ppr.find(w("pBdr")))
        return WHOLE
    return run


def spacing(key: str, **attrs: str):
    return edit(key, lambda p: set_para(p, "spacing", attrs))


def indent(key: str, first: str):
    def fn(p):
        set_para(p, "ind", {"firstLine": first, "left": "0"})
        for tab in list(p.iter(w("tab"))):
            if tab.getparent().tag == w("r"):  # a tab typed as indent, not a tab stop
                remove(tab)
    return edit(key, fn)


def lower_type(p) -> None:
    text = text_of(p).strip()
    set_text(p, text[:1] + text[1:].lower())
    no(p, "caps")


def title_case(p) -> None:
    text = text_of(p).strip()
    prefix, dot, rest = text.partition(". ")
    set_text(p, f"{prefix}. {rest.title()}" if dot else text.title())
    no(p, "caps")


def upper(p) -> None:
    text = text_of(p)
    set_text(p, text.upper())


def drop_luu(doc: Docx, at) -> str:
    remove(at("luu"))
    return WHOLE


def set_code(at, code: str) -> etree._Element:
    p = at("number")
    m = re.search(r"/\s*[A-ZĐ][\w-]*", text_of(p))
    replace_text(p, m.group(), f"/{code}")
    return p


def one_run(p, tag: str, value: str) -> None:
    """Set ``w:tag`` on the longest run of ``p`` only (a phrase pasted in another size)."""
    run = max((r for r in p.iter(w("r")) if r.find(w("t")) is not None),
              key=lambda r: len("".join(t.text or "" for t in r.iter(w("t")))))
    rpr = child(run, "rPr", first=True)
    for old in rpr.findall(w(tag)):
        rpr.remove(old)
    etree.SubElement(rpr, w(tag)).set(w("val"), value)


def style_12pt(doc: Docx, at) -> etree._Element:
    """The body paragraph takes a paragraph style of 12 pt, its runs naming no size."""
    style = etree.SubElement(doc.part("word/styles.xml"), w("style"))
    style.set(w("type"), "paragraph")
    style.set(w("styleId"), "Nho12")
    etree.SubElement(style, w("name")).set(w("val"), "Nho 12")
    rpr = etree.SubElement(style, w("rPr"))
    etree.SubElement(rpr, w("sz")).set(w("val"), "24")
    etree.SubElement(rpr, w("szCs")).set(w("val"), "24")
    p = at("body")
    set_run(p, "sz", None)
    set_run(p, "szCs", None)
    ppr = child(p, "pPr", first=True)
    for old in ppr.findall(w("pStyle")):
        ppr.remove(old)
    ref = etree.Element(w("pStyle"))
    ref.set(w("val"), "Nho12")
    ppr.insert(0, ref)
    return p


def luu_first(at) -> etree._Element:
    """The "- Lưu: VT" line moved to the top of the Nơi nhận list (the lines are paragraphs of
    one cell or of the body, one after the other)."""
    luu = at("luu")
    last, first = luu.getprevious(), luu
    while first.getprevious() is not None and text_of(first.getprevious()).strip() \
            .startswith("-"):
        first = first.getprevious()
    first.addprevious(luu)
    return last  # now the last line, which is not "- Lưu: …"


def page_number_left(doc: Docx, at) -> str:
    for name in doc.header_parts():
        for p in doc.paragraphs(name):
            if any("PAGE" in (x.text or "") for x in p.iter(w("instrText"))):
                set_para(p, "jc", {"val": "left"})
    return SECTION


def tracked(p) -> None:
    """The paragraph's runs, set in Arial, inside a tracked insertion (w:ins)."""
    set_font(p, "Arial")
    ins = etree.Element(w("ins"))
    ins.set(w("id"), "9001")
    ins.set(w("author"), "x")
    text_runs = [r for r in p if r.tag == w("r")]
    text_runs[0].addprevious(ins)
    for r in text_runs:
        ins.append(r)


def set_number(at, new: str) -> etree._Element:
    """The draft's blank "Số:      /" becomes ``new`` (its code stays)."""
    p = at("number")
    m = re.search(r"Số:\s*/", text_of(p))
    replace_text(p, m.group(), new)
    return p


def whole_number(at, make: Callable[[str], str]) -> etree._Element:
    """The whole "Số: …/CODE" becomes ``make(CODE)``."""
    p = at("number")
    m = re.search(r"Số:\s*/\s*(?P<code>[A-ZĐ][\w&-]*)", text_of(p))
    replace_text(p, m.group(), make(m.group("code")))
    return p


def set_date(at, new: str) -> etree._Element:
    p = at("date")
    m = re.search(r"ngày\s+tháng\s+\S*\s*năm \d{4}", text_of(p))
    replace_text(p, m.group(), new)
    return p


def last_char(key: str, new: str):
    """The paragraph's final punctuation mark becomes ``new``."""
    def fn(p):
        text = text_of(p).rstrip()
        replace_text(p, text, text[:-1] + new)
    return edit(key, fn)


def set_place_date(at, new: str) -> etree._Element:
    p = at("date")
    m = re.search(r"Lâm Đồng, ngày\s+tháng\s+\S*\s*năm \d{4}", text_of(p))
    replace_text(p, m.group(), new)
    return p


def kinh_gui_before(key: str):
    """A "Kính gửi:" line typed above the paragraph ``key`` (a copy of it, new text)."""
    def run(doc: Docx, at) -> etree._Element:
        p = at(key)
        line = etree.fromstring(etree.tostring(p))
        set_text(line, "Kính gửi: Các sở, ban, ngành tỉnh.")
        no(line, "b")
        no(line, "i")
        p.addprevious(line)
        return line
    return run


_MISSPELT = {"TỜ TRÌNH": "TỜ TRINH", "BÁO CÁO": "BAO CÁO", "QUYẾT ĐỊNH": "QUYÊT ĐỊNH",
             "KẾ HOẠCH": "KẾ HOACH"}


def misspell(p) -> None:
    """The type name typed with one mark wrong."""
    text = text_of(p).strip()
    replace_text(p, text, _MISSPELT[text])


def drop_kinh_gui(doc: Docx, at) -> str:
    """The "Kính gửi: …" line taken out."""
    remove(at(r"^Kính gửi:"))
    return WHOLE

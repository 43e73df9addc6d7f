"""WordprocessingML of a bảng so sánh: the comparison table put into a rendered frame.

The frame (issuer, quốc hiệu, title, signature block) is rendered by the normal template with
one marker paragraph as its body; here the marker becomes the table and the page turns
landscape. Deleted words are struck through, inserted words bold and underlined, notes italic.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from lxml import etree

from vanban.ooxml.body import _cell
from vanban.ooxml.finish import size_rules
from vanban.ooxml.xml import W_NS, escape, twips, w
from vanban.output import normalise_zip
from vanban.rules import nd30

MARKS = {"": "", "del": "<w:strike/>", "ins": '<w:b/><w:u w:val="single"/>', "note": "<w:i/>"}
WIDTHS_MM = (15.0, 97.0, 97.0, 43.0)
"""STT | old | new | reason on an A4 landscape page (297 − 30 − 15 = 252 mm of text)."""


def _runs(runs) -> str:
    out = []
    for text, mark in _unmarked_edges(runs):
        props = f"<w:rPr>{MARKS[mark]}</w:rPr>" if MARKS[mark] else ""
        out.append(f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>')
    return "".join(out)


def _unmarked_edges(runs):
    """The runs with the spaces at the edges of a struck or underlined piece left plain: an
    inserted " chặt chẽ" is underlined from its first letter, not from the space before it."""
    for text, mark in runs:
        core = text.strip() if mark in ("del", "ins") else text
        if not core or core == text:
            yield text, mark if core else ""
            continue
        start = text.index(core)
        if start:
            yield text[:start], ""
        yield core, mark
        if start + len(core) < len(text):
            yield text[start + len(core):], ""


def _paras(style: str, lines) -> str:
    lines = lines or ((),)
    return "".join(f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{_runs(ln)}</w:p>'
                   for ln in lines)


def table_xml(headers: tuple[str, str, str, str], rows) -> str:
    """The table: a repeated header row, then (STT, old lines, new lines, reason) rows."""
    border = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                     for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    out = [
        f'<w:tbl xmlns:w="{W_NS}"><w:tblPr>',
        f'<w:tblW w:w="{twips(sum(WIDTHS_MM))}" w:type="dxa"/><w:jc w:val="center"/>',
        f"<w:tblBorders>{border}</w:tblBorders>", '<w:tblLayout w:type="fixed"/>',
        ('<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
         'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'),
        "</w:tblPr><w:tblGrid>",
        "".join(f'<w:gridCol w:w="{twips(x)}"/>' for x in WIDTHS_MM),
        "</w:tblGrid><w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>",
        "".join(_cell(x, _paras("VBBangTieuDe", (((h, ""),),)), shade=True)
                for x, h in zip(WIDTHS_MM, ("STT", *headers[:3]))),
        "</w:tr>",
    ]
    for number, old, new, reason in rows:
        out.append("<w:tr>")
        out.append(_cell(WIDTHS_MM[0], _paras("VBBangSTT", (((str(number), ""),),))))
        out.append(_cell(WIDTHS_MM[1], _paras("VBBang", old)))
        out.append(_cell(WIDTHS_MM[2], _paras("VBBang", new)))
        out.append(_cell(WIDTHS_MM[3], _paras("VBBang", (((reason, ""),),) if reason else ())))
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(w("t")))


def put_table(docx: bytes, marker: str, table: str, when: dt.datetime) -> bytes:
    """``docx`` with ``table`` before the paragraph reading ``marker`` (left empty), and every
    section turned landscape; zip members stamped ``when``."""
    src = zipfile.ZipFile(io.BytesIO(docx))
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.fromstring(src.read("word/document.xml"), parser)
    body = root.find(w("body"))
    target = next(p for p in body.iter(w("p")) if _text(p) == marker)
    target.addprevious(etree.fromstring(table, parser))
    # The marker's paragraph stays, emptied: two tables with no paragraph between them are
    # one table to Word and LibreOffice (this one would take the signature table's widths).
    for child in list(target):
        if child.tag != w("pPr"):
            target.remove(child)
    for sect in root.iter(w("sectPr")):
        size = sect.find(w("pgSz"))
        size.set(w("w"), str(twips(nd30.PAGE_HEIGHT_MM)))
        size.set(w("h"), str(twips(nd30.PAGE_WIDTH_MM)))
        size.set(w("orient"), "landscape")
    # The rules under the summary were sized for the portrait text width; the landscape
    # line of the summary is longer, so its rule is sized again.
    size_rules(body, etree.fromstring(src.read("word/styles.xml"), parser))
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return normalise_zip(docx, when, {"word/document.xml": xml})

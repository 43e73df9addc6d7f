"""Footnotes: the footnotes part of a rendered document, its relationship and its styles.

A document without footnotes gets nothing, so its bytes do not change. The styles are added to
the document only when the template does not define them (a clerk may restyle them in Word).
The mark style is based on Word's built-in "footnote reference" style, added too when missing:
LibreOffice draws the number at the start of each footnote (in the footnote area) with that
built-in style alone and ignores the run's own style and formatting, so without it the number
there came out full size on the baseline while Word raised it.
"""

from __future__ import annotations

from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn

from vanban.ooxml.body import FOOTNOTE_MARK_STYLE, FOOTNOTE_TEXT_STYLE
from vanban.ooxml.xml import W_NS, el, escape, half_points, rfonts, sub
from vanban.rules import nd30

_SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240"'
    ' w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0"'
    ' w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
    '</w:footnote>')


def footnotes_xml(texts: list[str]) -> bytes:
    """The footnotes part: the two separators, then footnote 1, 2 … holding ``texts``."""
    notes = "".join(
        f'<w:footnote w:id="{i}"><w:p><w:pPr><w:pStyle w:val="{FOOTNOTE_TEXT_STYLE}"/></w:pPr>'
        f'<w:r><w:rPr><w:rStyle w:val="{FOOTNOTE_MARK_STYLE}"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>'
        for i, text in enumerate(texts, 1))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:footnotes xmlns:w="{W_NS}">{_SEPARATORS}{notes}</w:footnotes>').encode()


def add_footnotes(document, texts: list[str]) -> None:
    """Give ``document`` (python-docx) its footnotes; nothing when ``texts`` is empty."""
    if not texts:
        return
    part = Part(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, footnotes_xml(texts),
                document.part.package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    styles = document.styles.element
    known = {s.get(qn("w:styleId")) for s in styles.iter(qn("w:style"))}
    builtin = _builtin_reference_id(styles)
    if builtin is None:
        builtin = BUILTIN_REFERENCE_STYLE
        styles.append(_builtin_reference_style())
    if FOOTNOTE_TEXT_STYLE not in known:
        styles.append(_text_style())
    if FOOTNOTE_MARK_STYLE not in known:
        styles.append(_mark_style(builtin))


BUILTIN_REFERENCE_STYLE = "FootnoteReference"
"""Id of Word's built-in character style named "footnote reference" when vanban adds it."""
_BUILTIN_REFERENCE_NAME = "footnote reference"


def _builtin_reference_id(styles) -> str | None:
    """Id of the template's character style named "footnote reference", if it has one."""
    for style in styles.iter(qn("w:style")):
        name = style.find(qn("w:name"))
        if (style.get(qn("w:type")) == "character" and name is not None
                and name.get(qn("w:val"), "").lower() == _BUILTIN_REFERENCE_NAME):
            return style.get(qn("w:styleId"))
    return None


def _builtin_reference_style():
    style = el("style", {"type": "character", "styleId": BUILTIN_REFERENCE_STYLE})
    sub(style, "name", {"val": _BUILTIN_REFERENCE_NAME})
    sub(style, "basedOn", {"val": "DefaultParagraphFont"})
    sub(style, "semiHidden")
    sub(style, "unhideWhenUsed")
    sub(sub(style, "rPr"), "vertAlign", {"val": "superscript"})
    return style


def _text_style():
    style = el("style", {"type": "paragraph", "customStyle": 1, "styleId": FOOTNOTE_TEXT_STYLE})
    sub(style, "name", {"val": "VB Chú thích"})
    sub(style, "basedOn", {"val": "Normal"})
    ppr = sub(style, "pPr")
    sub(ppr, "spacing", {"before": 0, "after": 0, "line": 240, "lineRule": "auto"})
    sub(ppr, "jc", {"val": nd30.FOOTNOTE.align})
    rpr = sub(style, "rPr")
    rpr.append(rfonts(nd30.FONT))
    size = half_points(nd30.FOOTNOTE.size.default)
    sub(rpr, "sz", {"val": size})
    sub(rpr, "szCs", {"val": size})
    return style


def _mark_style(based_on: str):
    style = el("style", {"type": "character", "customStyle": 1, "styleId": FOOTNOTE_MARK_STYLE})
    sub(style, "name", {"val": "VB Số chú thích"})
    sub(style, "basedOn", {"val": based_on})
    sub(sub(style, "rPr"), "vertAlign", {"val": "superscript"})
    return style

"""Finishing touches on a rendered document tree: rule lengths, appendix sections, the last
paragraph and the core properties.

Horizontal rules are empty paragraphs with a top border in a rule style. A border runs from the
paragraph's left indent to its right indent, so its length is set by indenting the paragraph
symmetrically: the length is the style's fraction of the longest line of the text above it,
measured with Times New Roman metrics at the size and weight of that text's style.
"""

from __future__ import annotations

import copy
import datetime as dt

from docx.oxml.ns import qn
from lxml import etree

from vanban.ooxml.body import SECTION_BREAK_BOOKMARK
from vanban.ooxml.styles import RULE_STYLES
from vanban.ooxml.xml import el, mm_from_twips, sub, twips
from vanban.output import MAKER
from vanban.rules import nd30
from vanban.rules.metrics import longest_line_pt

PT_PER_MM = 72 / 25.4


class _Styles:
    """Size, bold and italic of each paragraph style, following basedOn to the doc defaults."""

    def __init__(self, styles_el: etree._Element) -> None:
        self.by_id = {s.get(qn("w:styleId")): s for s in styles_el.iter(qn("w:style"))}
        rpr = styles_el.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        self.default_size = 10.0
        if rpr is not None and rpr.find(qn("w:sz")) is not None:
            self.default_size = int(rpr.find(qn("w:sz")).get(qn("w:val"))) / 2

    def _prop(self, style_id: str | None, tag: str):
        seen = set()
        while style_id and style_id not in seen and style_id in self.by_id:
            seen.add(style_id)
            style = self.by_id[style_id]
            node = style.find(f"{qn('w:rPr')}/{qn(tag)}")
            if node is not None:
                return node.get(qn("w:val"), "1")
            based = style.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None
        return None

    def font(self, style_id: str | None) -> tuple[float, bool, bool]:
        size = self._prop(style_id, "w:sz")
        bold = self._prop(style_id, "w:b")
        italic = self._prop(style_id, "w:i")
        return ((int(size) / 2 if size else self.default_size),
                bold not in (None, "0", "false", "off"), italic not in (None, "0", "false", "off"))


def _style_of(p: etree._Element) -> str | None:
    node = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return node.get(qn("w:val")) if node is not None else None


def _text(p: etree._Element) -> str:
    """The paragraph's text, a line break as "\\n"."""
    return "".join("\n" if node.tag == qn("w:br") else (node.text or "")
                   for node in p.iter(qn("w:t"), qn("w:br")))


def _text_width_mm(sect: etree._Element) -> float:
    size, mar = sect.find(qn("w:pgSz")), sect.find(qn("w:pgMar"))
    return mm_from_twips(int(size.get(qn("w:w"))) - int(mar.get(qn("w:left")))
                         - int(mar.get(qn("w:right"))))


def _container_width_mm(p: etree._Element, sect: etree._Element) -> float:
    tc = next((a for a in p.iterancestors(qn("w:tc"))), None)
    if tc is None:
        return _text_width_mm(sect)
    width = mm_from_twips(tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}").get(qn("w:w")))
    tbl = next(tc.iterancestors(qn("w:tbl")))
    for side in ("left", "right"):
        mar = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}/{qn('w:' + side)}")
        width -= mm_from_twips(mar.get(qn("w:w"))) if mar is not None else 1.9
    return width


def _governing_sect(p: etree._Element, body: etree._Element) -> etree._Element:
    for following in p.itersiblings(qn("w:p")):
        sect = following.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
        if sect is not None:
            return sect
    return body.find(qn("w:sectPr"))


def size_rules(body: etree._Element, styles_el: etree._Element) -> None:
    """Indent every rule paragraph so that its border has the length its style asks for."""
    styles = _Styles(styles_el)
    for style_node in body.iter(qn("w:pStyle")):
        ratio = RULE_STYLES.get(style_node.get(qn("w:val")) or "")
        if not ratio:
            continue
        p = style_node.getparent().getparent()
        above = []
        prev = p.getprevious()
        above_style = _style_of(prev) if prev is not None else None
        while prev is not None and prev.tag == qn("w:p") and _style_of(prev) == above_style:
            above.append(prev)
            prev = prev.getprevious()
        width = _container_width_mm(p, _governing_sect(p, body))
        size, bold, italic = styles.font(above_style)
        longest = max((longest_line_pt(_text(q), width * PT_PER_MM, size, bold=bold,
                                       italic=italic) for q in above), default=0.0)
        length = min(width, ratio * longest / PT_PER_MM)
        side = twips((width - length) / 2)
        ppr = p.find(qn("w:pPr"))
        old = ppr.find(qn("w:ind"))
        if old is not None:
            ppr.remove(old)
        ind = el("ind", {"left": side, "right": side, "firstLine": 0})
        # schema order: ... spacing, ind, ..., jc ...
        jc = ppr.find(qn("w:jc"))
        if jc is not None:
            jc.addprevious(ind)
        else:
            ppr.append(ind)


def _whole(node: etree._Element | None, *names: str) -> bool:
    """True when ``node`` exists and each attribute ``w:<name>`` of it is a whole number."""
    if node is None:
        return False
    values = [node.get(qn("w:" + name)) or "" for name in names]
    return all(v.strip().lstrip("-").isdigit() for v in values)


def page_setup_missing(body: etree._Element) -> str | None:
    """What the body's final page setup lacks for finishing (sections, rule lengths), as the
    XML names it, or None when it is whole: a template saved without it (or edited by hand)
    would otherwise stop the build with a crash instead of a message about the template."""
    sect = body.find(qn("w:sectPr"))
    if sect is None:
        return "w:sectPr"
    if not _whole(sect.find(qn("w:pgSz")), "w", "h"):
        return "w:pgSz"
    if not _whole(sect.find(qn("w:pgMar")), "left", "right"):
        return "w:pgMar"
    return None


def split_sections(body: etree._Element, landscapes: list[bool]) -> None:
    """End a section at every marker paragraph: the first section keeps the template's page
    setup; each later one (an appendix, a document issued with a Quyết định) starts on a new
    page with page numbers restarting at 1, landscape when ``landscapes`` says so (one flag per
    marker, in document order)."""
    markers = [bm.getparent() for bm in body.iter(qn("w:bookmarkStart"))
               if bm.get(qn("w:name")) == SECTION_BREAK_BOOKMARK]
    if not markers:
        return
    final = body.find(qn("w:sectPr"))
    base = copy.deepcopy(final)
    flags = list(landscapes) + [False] * (len(markers) - len(landscapes))
    for i, marker in enumerate(markers):
        for tag in ("w:bookmarkStart", "w:bookmarkEnd"):
            for node in marker.findall(qn(tag)):
                marker.remove(node)
        props = copy.deepcopy(base)
        if i:
            _later_section(props, flags[i - 1])
        marker.find(qn("w:pPr")).append(props)
    _later_section(final, flags[len(markers) - 1])


def _later_section(sect: etree._Element, landscape: bool) -> None:
    """A section after the first: new page, numbers from 1, landscape when asked."""
    type_el = sect.find(qn("w:type"))
    if type_el is None:
        type_el = el("type")
        sect.find(qn("w:pgSz")).addprevious(type_el)
    type_el.set(qn("w:val"), "nextPage")
    if landscape:
        size = sect.find(qn("w:pgSz"))
        size.set(qn("w:w"), str(twips(nd30.PAGE_HEIGHT_MM)))
        size.set(qn("w:h"), str(twips(nd30.PAGE_WIDTH_MM)))
        size.set(qn("w:orient"), "landscape")
    num = sect.find(qn("w:pgNumType"))
    if num is None:
        num = el("pgNumType")
        # schema order: … pgMar, paperSrc, pgBorders, lnNumType, pgNumType, cols …
        before = [sect.find(qn(t)) for t in ("w:pgMar", "w:paperSrc", "w:pgBorders",
                                                "w:lnNumType")]
        [n for n in before if n is not None][-1].addnext(num)
    num.set(qn("w:start"), "1")


def drop_first_section(body: etree._Element) -> None:
    """Remove everything up to the end of the first section, so that the document starts with
    its second section (a document issued with a Quyết định, laid out on its own)."""
    for child in list(body):
        end = child.tag == qn("w:p") and child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None
        body.remove(child)
        if end:
            break


def ensure_last_paragraph(body: etree._Element) -> None:
    """A body must end with a paragraph, not a table: add a 1-point empty one if needed."""
    sect = body.find(qn("w:sectPr"))
    last = sect.getprevious() if sect is not None else body[-1]
    if last is None or last.tag != qn("w:p"):
        p = el("p")
        sub(sub(p, "pPr"), "pStyle", {"val": "VBCuoi"})
        if sect is not None:
            sect.addprevious(p)
        else:
            body.append(p)


def set_core_properties(props, *, title: str, author: str, subject: str,
                        when: dt.datetime) -> None:
    """Fixed core properties, so that rebuilding gives the same bytes. Word keeps at most 255
    characters in a core property, so longer values are cut (the document text is not)."""
    props.title = _property(title)
    props.author = _property(author)
    props.subject = _property(subject)
    props.last_modified_by = MAKER  # how a build knows its own file (saved_by_other)
    props.revision = 1
    props.created = when
    props.modified = when
    props.last_printed = when
    props.comments = ""
    props.keywords = ""
    props.category = ""


CORE_PROPERTY_MAX = 255


def _property(value: str) -> str:
    """One line of at most 255 characters."""
    flat = " ".join(value.split())
    return flat if len(flat) <= CORE_PROPERTY_MAX else flat[:CORE_PROPERTY_MAX - 1] + "…"

"""Section facts (page, margins, numbering) and the header/footer parts each section shows."""

from __future__ import annotations

from lxml import etree

from vanban.ooxml.facts import HeaderFacts, SectionFacts
from vanban.ooxml.opc import _Package
from vanban.ooxml.props import _TWIPS_PER_MM, R_NS, _on, _twips, _w
from vanban.ooxml.story import _Story
from vanban.ooxml.style_chain import _Styles


def _section(pkg: _Package, styles: _Styles, sect: etree._Element, index: int, first: int,
             last: int, inherited: dict[str, dict[str, HeaderFacts]],
             rels: dict[str, tuple[str, str]]) -> SectionFacts:
    def mm(el, attr):
        v = _twips(el.get(_w(attr))) if el is not None else None
        return None if v is None else abs(v) / _TWIPS_PER_MM

    pg_sz = sect.find(_w("pgSz"))
    mar = sect.find(_w("pgMar"))
    w, h = mm(pg_sz, "w"), mm(pg_sz, "h")
    orient = pg_sz.get(_w("orient")) if pg_sz is not None else None
    if orient not in ("portrait", "landscape"):
        orient = "landscape" if (w and h and w > h) else "portrait"
    title = sect.find(_w("titlePg"))
    pg_num = sect.find(_w("pgNumType"))
    start = pg_num.get(_w("start")) if pg_num is not None else None
    for kind in ("header", "footer"):
        refs = dict(inherited[kind])
        for ref in sect.findall(_w(f"{kind}Reference")):
            rid = ref.get(f"{{{R_NS}}}id")
            if rid in rels:
                refs[ref.get(_w("type"), "default")] = _header(pkg, styles, rels[rid][1], rid)
        inherited[kind] = refs
    return SectionFacts(
        index=index, page_w_mm=w, page_h_mm=h, orient=orient,
        margin_top_mm=mm(mar, "top"), margin_bottom_mm=mm(mar, "bottom"),
        margin_left_mm=mm(mar, "left"), margin_right_mm=mm(mar, "right"),
        header_mm=mm(mar, "header"), footer_mm=mm(mar, "footer"),
        title_pg=title is not None and _on(title),
        pg_num_start=int(start) if start and start.lstrip("-").isdigit() else None,
        headers=inherited["header"], footers=inherited["footer"],
        first_paragraph=first, last_paragraph=last)


def _header(pkg: _Package, styles: _Styles, part: str, rid: str) -> HeaderFacts:
    root = pkg.xml(part)
    if root is None:
        return HeaderFacts((), ())
    story = _Story(styles, ("header", rid))
    story.walk(root, ("header", rid))
    return HeaderFacts(tuple(story.paragraphs),
                       tuple(f for p in story.paragraphs for f in p.fields))

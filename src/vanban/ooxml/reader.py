"""Effective formatting of any DOCX: every paragraph and run with its fully resolved properties.

Resolution order (ECMA-376 §17.7.2): document defaults → table style → paragraph style (basedOn
chain) → paragraph direct pPr; for runs, then the character style chain (rStyle) → run direct
rPr. Theme fonts (``w:asciiTheme`` …) resolve through the theme part's major/minor fonts. The
toggle properties (bold, italic, caps, hidden) follow §17.7.3: each style level that sets one
flips it; direct formatting sets it absolutely. Numbering-level properties and table-style
conditional formatting are not applied. Lengths are in mm, sizes in pt.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from vanban.errors import error, read_reason
from vanban.ooxml.facts import (
    CellFacts,
    DocFacts,
    HeaderFacts,
    ParaFacts,
    RunFacts,
    SectionFacts,
    TableFacts,
)
from vanban.ooxml.opc import PKG_REL_NS, _Package
from vanban.ooxml.props import A_NS, R_NS, V_NS, W_NS, WP_NS, _w
from vanban.ooxml.sections import _section
from vanban.ooxml.story import _Story
from vanban.ooxml.style_chain import _Styles

__all__ = [
    "A_NS",
    "PKG_REL_NS",
    "R_NS",
    "V_NS",
    "WP_NS",
    "W_NS",
    "CellFacts",
    "DocFacts",
    "HeaderFacts",
    "ParaFacts",
    "RunFacts",
    "SectionFacts",
    "TableFacts",
    "read_docx",
]


def read_docx(source: Path | str | bytes, *, name: str | None = None) -> DocFacts:
    """Read a DOCX (path or bytes) into its effective formatting facts.

    Raises VanbanError ``docx.not-docx``, ``docx.encrypted`` or ``docx.corrupt`` for files that
    cannot be read as a Word document; never a raw exception for those.
    """
    if isinstance(source, (bytes, bytearray)):
        data, label = bytes(source), name or "<bytes>"
    else:
        label = name or str(source)
        try:
            data = Path(source).read_bytes()
        except OSError as exc:
            vi, en = read_reason(exc)
            raise error("docx.unreadable", f"Không đọc được tệp {label}: {vi}.",
                        label, message_en=f"Cannot read {label}: {en}.") from None
    pkg = _Package(data, label)
    doc = pkg.xml(pkg.main)
    body = doc.find(_w("body")) if doc is not None else None
    if body is None:
        raise pkg.corrupt("không có phần thân w:body", "no w:body element")
    styles = _Styles(pkg.part_of_type("/styles"), pkg.part_of_type("/theme"))
    story = _Story(styles)
    story.walk(body)
    ends = list(story.section_ends)
    final = body.find(_w("sectPr"))
    if final is not None or not ends or ends[-1][1] != len(story.paragraphs) - 1:
        ends.append((final if final is not None else etree.Element(_w("sectPr")),
                     len(story.paragraphs) - 1))
    rels = pkg.rels()
    inherited: dict[str, dict[str, HeaderFacts]] = {"header": {}, "footer": {}}
    sections, first = [], 0
    for i, (sect, last) in enumerate(ends):
        sections.append(_section(pkg, styles, sect, i, first, last, inherited, rels))
        first = last + 1
    return DocFacts(label, tuple(story.paragraphs), tuple(story.tables), tuple(sections))

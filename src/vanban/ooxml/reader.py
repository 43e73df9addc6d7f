"""Effective formatting of any DOCX: every paragraph and run with its fully resolved properties.

Resolution order (ECMA-376 §17.7.2): document defaults → table style → paragraph style (basedOn
chain) → paragraph direct pPr; for runs, then the character style chain (rStyle) → run direct
rPr. Theme fonts (``w:asciiTheme`` …) resolve through the theme part's major/minor fonts. The
toggle properties (bold, italic, caps, hidden) follow §17.7.3: each style level that sets one
flips it; direct formatting sets it absolutely. Numbering-level properties and table-style
conditional formatting are not applied. Lengths are in mm, sizes in pt.
"""

from __future__ import annotations

import os
import stat
from dataclasses import replace
from pathlib import Path

from lxml import etree

from vanban.errors import VanbanError, error, read_reason
from vanban.ooxml.facts import (
    CellFacts,
    DocFacts,
    HeaderFacts,
    ParaFacts,
    RunFacts,
    SectionFacts,
    TableFacts,
)
from vanban.ooxml.lists import list_formats
from vanban.ooxml.opc import PKG_REL_NS, _Package
from vanban.ooxml.props import A_NS, R_NS, V_NS, W_NS, WP_NS, _on, _w
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
    "read_source",
]

MAX_PARAGRAPHS = 200_000
"""Most paragraphs read from one document (a 1,700-page report has 50,000)."""
MAX_FILE_BYTES = 64 * 1024 * 1024
"""Largest DOCX read from disk (Word refuses documents far smaller than this)."""


def read_source(source: Path | str) -> bytes:
    """The bytes of a DOCX on disk. Only a regular file is read, and its size is checked
    before reading (``/dev/zero`` or a FIFO named ``x.docx`` is refused, never waited on).
    Raises VanbanError ``docx.unreadable``, ``docx.not-a-file`` or ``docx.too-large``."""
    label = str(source)
    try:
        info = os.stat(source)
        if not stat.S_ISREG(info.st_mode):
            raise error("docx.not-a-file",
                        f"{label} không phải là tệp thông thường (thiết bị, FIFO hay socket); "
                        "không đọc.", label,
                        message_en=f"{label} is not a regular file (a device, FIFO or socket); "
                                   "not read.")
        if info.st_size > MAX_FILE_BYTES:
            raise _too_large(label)
        with open(source, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        vi, en = read_reason(exc)
        raise error("docx.unreadable", f"Không đọc được tệp {label}: {vi}.",
                    label, message_en=f"Cannot read {label}: {en}.") from None
    if len(data) > MAX_FILE_BYTES:  # grew while we read it
        raise _too_large(label)
    return data


def _too_large(label: str):
    limit = MAX_FILE_BYTES // (1024 * 1024)
    return error("docx.too-large", f"Tệp {label} quá lớn (hơn {limit} MB); không đọc.", label,
                 message_en=f"{label} is too large (more than {limit} MB); not read.")


def read_docx(source: Path | str | bytes, *, name: str | None = None) -> DocFacts:
    """Read a DOCX (path or bytes) into its effective formatting facts.

    Raises VanbanError ``docx.not-docx``, ``docx.encrypted`` or ``docx.corrupt`` for files that
    cannot be read as a Word document; never a raw exception for those.
    """
    if isinstance(source, (bytes, bytearray)):
        data, label = bytes(source), name or "<bytes>"
    else:
        label = name or str(source)
        data = read_source(source)
    pkg = _Package(data, label)
    doc = pkg.xml(pkg.main)
    body = doc.find(_w("body")) if doc is not None else None
    if body is None:
        raise pkg.corrupt("không có phần thân w:body", "no w:body element")
    styles = _Styles(pkg.part_of_type("/styles"), pkg.part_of_type("/theme"))
    story = _Story(styles, limit=MAX_PARAGRAPHS, name=label)
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
    settings = pkg.part_of_type("/settings")
    even = settings is not None and any(_on(el) for el in settings.iter(_w("evenAndOddHeaders")))
    return DocFacts(label, tuple(story.paragraphs), tuple(story.tables),
                    tuple(_shown(sec, even) for sec in sections),
                    _footnotes(pkg.part_of_type("/footnotes"), styles, label),
                    story.inner_cells,
                    _saved_pages(pkg, any(p.text.strip() for p in story.paragraphs)),
                    list_formats(pkg.part_of_type("/numbering")))


def _saved_pages(pkg: _Package, has_text: bool) -> int | None:
    """``docProps/app.xml``'s Pages: what Word (or LibreOffice) counted when it saved the file;
    None when unknown: the part is missing or unreadable, or stale (a file made by a program
    from a template keeps the template's "Pages 1, Words 0" whatever text it holds:
    ``has_text``)."""
    try:
        root = pkg.xml("docProps/app.xml")
    except VanbanError:
        return None
    counts: dict[str, int] = {}
    for el in () if root is None else root.iter():
        if isinstance(el.tag, str) and el.tag.rsplit("}", 1)[-1] in ("Pages", "Words"):
            text = (el.text or "").strip()
            if text.isascii() and text.isdigit() and len(text) < 7:  # not "²": int() fails
                counts[el.tag.rsplit("}", 1)[-1]] = int(text)
    # Word's own word count differs from a split on spaces by up to half (edits after the
    # last count, text boxes): only "no words at all" under a document with text is stale.
    if "Pages" not in counts or (not counts.get("Words") and has_text):
        return None
    return counts["Pages"]


def _footnotes(part: etree._Element | None, styles: _Styles,
               label: str) -> dict[str, tuple[ParaFacts, ...]]:
    """Footnote id → its paragraphs; the separators (typed footnotes) left out."""
    notes: dict[str, tuple[ParaFacts, ...]] = {}
    if part is None:
        return notes
    for note in part.iter(_w("footnote")):
        key = note.get(_w("id"))
        if key is None or note.get(_w("type"), "normal") != "normal":
            continue
        story = _Story(styles, ("footnote", key), limit=MAX_PARAGRAPHS, name=label)
        story.walk(note)
        notes[key] = tuple(story.paragraphs)
    return notes


def _shown(sec: SectionFacts, even: bool) -> SectionFacts:
    """The section with only the headers and footers Word shows: 'even' ones only when the
    document turns on different odd and even pages, 'first' ones only with a different first
    page (the others stay in the file but are never printed)."""
    kinds = {"default"} | ({"even"} if even else set()) | ({"first"} if sec.title_pg else set())
    return replace(sec, headers={k: v for k, v in sec.headers.items() if k in kinds},
                   footers={k: v for k, v in sec.footers.items() if k in kinds})

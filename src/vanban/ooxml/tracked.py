"""Word tracked changes (w:ins / w:del, and w:moveFrom / w:moveTo for a paragraph moved) written
into a rendered document at given paragraphs.

The caller names paragraphs by their printed text, in groups that each appear in document
order (the body, the Nơi nhận lines, …), and says for each one what changed: the whole
paragraph was inserted, or a list of segments (equal / deleted / inserted text). Paragraphs
that were deleted are given with their text and put back as deleted paragraphs. Every revision
carries an id, the author and one fixed date, so the output stays byte-identical. A whole
inserted or deleted paragraph also marks its paragraph mark; paragraph properties are never
marked as revised (LibreOffice shows such revisions only as unknown changes).

``resolve`` accepts or rejects every revision and returns the paragraphs' text: what Word shows
after "Accept All" or "Reject All".

This module finds the places and numbers the revisions; the marks inside a paragraph are made
by ``tracked_runs``, those of table rows by ``tracked_rows``, those of footnotes by
``tracked_notes``.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from vanban.ooxml.tracked_notes import (
    NOTES_PART,
    add_deleted_note,
    load_notes,
    mark_notes,
    next_note,
    with_notes_part,
)
from vanban.ooxml.tracked_rows import RowGroup, mark_rows
from vanban.ooxml.tracked_runs import (
    PARSER,
    Deleted,
    Moved,
    Revisions,
    deleted_paragraph,
    insert_whole,
    move_here,
    paragraph_text,
    rewrite,
)
from vanban.ooxml.xml import w
from vanban.output import normalise_zip

__all__ = [
    "NOTES_PART",
    "Deleted",
    "Group",
    "Moved",
    "RowGroup",
    "mark",
    "paragraph_text",
    "resolve",
    "revisions",
]


@dataclass
class Group:
    """Paragraphs found one after another in the document, with their changes.

    ``texts`` are the new document's paragraphs as printed; ``edits`` maps an index of
    ``texts`` to "insert" or to segments ``(op, old, new)``; ``deleted`` maps an index to the
    old paragraphs that stood just before it (``len(texts)``: after the last one).
    """

    texts: list[str]
    edits: dict[int, object] = field(default_factory=dict)
    deleted: dict[int, list[Deleted]] = field(default_factory=dict)


def _find(paragraphs: list[etree._Element], texts: list[str]) -> list[etree._Element] | None:
    """The paragraphs reading ``texts``, in order (None when they are not all there, or when
    there are none to find: a part printed only in the old document has no place to show its
    deleted lines)."""
    if not texts:
        return None
    found, k = [], 0
    for p in paragraphs:
        if k == len(texts):
            break
        if paragraph_text(p) == texts[k]:
            found.append(p)
            k += 1
    return found if k == len(texts) else None


def mark(docx: bytes, groups: list[Group], *, author: str, date: dt.datetime,
         when: dt.datetime, notes: dict[int, object] | None = None
         ) -> tuple[bytes, list[int]]:
    """``docx`` with the changes of ``groups`` as tracked revisions, and those of ``notes``
    (footnote number → "insert" or segments) in its footnotes, zip members stamped ``when``;
    also the indexes of the groups whose paragraphs were not found (not marked), the footnotes
    not found counted as one more index (``len(groups)``)."""
    src = zipfile.ZipFile(io.BytesIO(docx))
    if NOTES_PART not in src.namelist() and any(
            item.footnote for g in groups if isinstance(g, Group)
            for gone in g.deleted.values() for item in gone):
        docx = with_notes_part(docx, when)
        src = zipfile.ZipFile(io.BytesIO(docx))
    root = etree.fromstring(src.read("word/document.xml"), PARSER)
    part = load_notes(src)
    gone_notes: list[tuple[int, str]] = []  # the footnotes of deleted paragraphs
    revs = Revisions(author, date.strftime("%Y-%m-%dT%H:%M:%SZ"))
    missing = []
    used: set = set()  # the tables marked (kept alive, so that lxml gives them back as such)
    for gi, group in enumerate(groups):
        if isinstance(group, RowGroup):
            if not mark_rows(root, group, revs, used):
                missing.append(gi)
            continue
        paragraphs = list(root.iter(w("p")))
        found = _find(paragraphs, group.texts)
        if found is None:
            missing.append(gi)
            continue
        # Deleted paragraphs first (their neighbours are still as rendered), then the edits.
        for at, gone in sorted(group.deleted.items()):
            before = at < len(found)
            near = anchor = found[at] if before else found[-1]
            if not before:
                for _ in range(gone[0].after_tables):
                    if anchor.getnext() is None or anchor.getnext().tag != w("tbl"):
                        break
                    anchor = anchor.getnext()
            for item in (gone if before else reversed(gone)):
                note = 0
                if item.footnote and part is not None:
                    note = next_note(part) + len(gone_notes)
                    gone_notes.append((note, item.footnote))
                new = deleted_paragraph(near, item, revs, note)
                (anchor.addprevious if before else anchor.addnext)(new)
        for index, edit in sorted(group.edits.items()):
            if edit == "insert":
                insert_whole(found[index], revs)
            elif isinstance(edit, Moved):
                move_here(found[index], edit, revs)
            else:
                rewrite(found[index], edit, revs)
    lost = mark_notes(part, root, notes or {}, revs)
    if lost:
        missing.append(len(groups))
    for number, text in sorted(gone_notes):
        add_deleted_note(part, number, text, revs)
    n = _number(root, 0)  # ids in reading order
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    parts = {"word/document.xml": xml}
    if part is not None and (notes or gone_notes):  # its revisions numbered after the text's
        _number(part, n)
        parts[NOTES_PART] = etree.tostring(part, xml_declaration=True, encoding="UTF-8",
                                           standalone=True)
    return normalise_zip(docx, when, parts), missing


_REVISIONS = tuple(w(t) for t in ("ins", "del", "moveFrom", "moveTo"))
_MOVE_RANGES = {w(f"{kind}Range{edge}"): edge for kind in ("moveFrom", "moveTo")
                for edge in ("Start", "End")}


def _number(root: etree._Element, last: int) -> int:
    """Number the revisions and move ranges of ``root`` after ``last``, in reading order (a
    range's end takes its start's number); the last number given."""
    starts: dict[str, str] = {}
    for node in root.iter(*_REVISIONS, *_MOVE_RANGES):
        if _MOVE_RANGES.get(node.tag) == "End":
            node.set(w("id"), starts.get(node.get(w("id")), node.get(w("id"))))
            continue
        last += 1
        if node.tag in _MOVE_RANGES:
            starts[node.get(w("id"))] = str(last)
        node.set(w("id"), str(last))
    return last


def _roots(docx: bytes) -> list[etree._Element]:
    """The text, then its footnotes (where it has any)."""
    src = zipfile.ZipFile(io.BytesIO(docx))
    names = ["word/document.xml"] + ([NOTES_PART] if NOTES_PART in src.namelist() else [])
    return [etree.fromstring(src.read(name), PARSER) for name in names]


def revisions(docx: bytes) -> list[tuple[str, str]]:
    """Every w:ins, w:del, w:moveFrom and w:moveTo of the document: (kind, text), in document
    order, then those of its footnotes."""
    out = []
    for node in (n for root in _roots(docx) for n in root.iter(*_REVISIONS)):
        if node.getparent().tag == w("rPr"):  # a paragraph mark
            out.append((etree.QName(node).localname + "-mark", ""))
            continue
        if node.getparent().tag == w("trPr"):  # a whole table row
            out.append((etree.QName(node).localname + "-row", ""))
            continue
        text = "".join(t.text or "" for t in node.iter(w("t"), w("delText")))
        out.append((etree.QName(node).localname, text))
    return out


def resolve(docx: bytes, *, accept: bool, part: str = "word/document.xml") -> list[str]:
    """The text of every paragraph after accepting (or rejecting) every revision (of the text,
    or of another ``part``: ``NOTES_PART``, the footnotes)."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read(part), PARSER)
    drops = {w("del"), w("moveFrom")} if accept else {w("ins"), w("moveTo")}
    gone_marks = []
    for node in list(root.iter(*_REVISIONS)):
        drop = node.tag if node.tag in drops else None
        parent = node.getparent()
        if parent.getparent() is None:
            continue  # inside a row already taken out
        if parent.tag == w("trPr"):  # a whole row
            row = parent.getparent()
            if node.tag == drop:
                row.getparent().remove(row)
            else:
                parent.remove(node)
            continue
        if parent.tag == w("rPr"):  # a paragraph mark
            if node.tag == drop:
                gone_marks.append(parent.getparent().getparent())
            parent.remove(node)
        elif node.tag == drop:
            parent.remove(node)
        else:
            for child in node:
                for t in child.iter(w("delText")):
                    t.tag = w("t")
            for child in list(node):
                node.addprevious(child)
            parent.remove(node)
    for p in gone_marks:  # the paragraph joins the next one
        nxt = p.getnext()
        runs = [c for c in p if c.tag != w("pPr")]
        if nxt is not None and nxt.tag == w("p"):
            at = 1 if nxt.find(w("pPr")) is not None else 0
            for k, run in enumerate(runs):
                nxt.insert(at + k, run)
        p.getparent().remove(p)
    return [paragraph_text(p) for p in root.iter(w("p"))]

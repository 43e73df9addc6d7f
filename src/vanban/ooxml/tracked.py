"""Word tracked changes (w:ins / w:del) written into a rendered document at given paragraphs.

The caller names paragraphs by their printed text, in groups that each appear in document
order (the body, the Nơi nhận lines, …), and says for each one what changed: the whole
paragraph was inserted, or a list of segments (equal / deleted / inserted text). Paragraphs
that were deleted are given with their text and put back as deleted paragraphs. Every revision
carries an id, the author and one fixed date, so the output stays byte-identical. A whole
inserted or deleted paragraph also marks its paragraph mark; paragraph properties are never
marked as revised (LibreOffice shows such revisions only as unknown changes).

``resolve`` accepts or rejects every revision and returns the paragraphs' text: what Word shows
after "Accept All" or "Reject All".
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from vanban.ooxml.compare_table import rezip
from vanban.ooxml.xml import w

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


@dataclass(frozen=True)
class Deleted:
    """A paragraph of the old document that is gone: its text and paragraph style."""

    text: str
    style: str | None = None
    after_tables: int = 0
    """How many tables stood between it and the paragraph before it (placed after the last
    paragraph of a group, it goes after those tables too)."""
    runs: tuple[tuple[str, str | None], ...] = ()
    """Its text as printed run by run, each with its character style (None: the paragraph's
    own), for a body paragraph ("Điều 2." in the label style, the rest in the body's); empty:
    one run formatted like the paragraph it is put back beside."""


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


@dataclass
class RowGroup:
    """Table rows found one after another, by their cells' text, with their changes.

    ``edits`` maps a row index to "insert" (a new row) or to {cell index: segments};
    ``deleted`` maps a row index to the old rows (cell texts) that stood just before it.
    """

    rows: list[tuple[str, ...]]
    edits: dict[int, object] = field(default_factory=dict)
    deleted: dict[int, list[tuple[str, ...]]] = field(default_factory=dict)


class _Revisions:
    def __init__(self, author: str, date: str) -> None:
        self.author, self.date, self.next_id = author, date, 1

    def mark(self, tag: str) -> etree._Element:
        node = etree.Element(w(tag))
        node.set(w("id"), str(self.next_id))
        node.set(w("author"), self.author)
        node.set(w("date"), self.date)
        self.next_id += 1
        return node


def paragraph_text(p: etree._Element) -> str:
    """A paragraph's visible text; a line break reads as a newline."""
    out = []
    for node in p.iter(w("t"), w("br"), w("tab"), w("delText")):
        if node.tag == w("br"):
            out.append("\n")
        elif node.tag == w("tab"):
            out.append("\t")
        elif node.tag == w("t"):
            out.append(node.text or "")
    return "".join(out)


def _run(text: str, rpr: etree._Element | None, deleted: bool) -> etree._Element:
    run = etree.Element(w("r"))
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    for i, line in enumerate(text.split("\n")):
        if i:
            etree.SubElement(run, w("br"))
        if line:
            t = etree.SubElement(run, w("delText" if deleted else "t"))
            t.text = line
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return run


def _wrapped(tag: str, text: str, rpr, revs: _Revisions) -> etree._Element:
    wrapper = revs.mark(tag)
    wrapper.append(_run(text, rpr, tag == "del"))
    return wrapper


def _base_rpr(p: etree._Element) -> etree._Element | None:
    run = p.find(w("r"))
    return run.find(w("rPr")) if run is not None else None


def _clear_runs(p: etree._Element) -> None:
    for child in list(p):
        if child.tag != w("pPr"):
            p.remove(child)


def _mark_paragraph(p: etree._Element, tag: str, revs: _Revisions) -> None:
    """Flag the paragraph mark as inserted or deleted (pPr/rPr/w:ins|w:del)."""
    ppr = p.find(w("pPr"))
    if ppr is None:
        ppr = etree.Element(w("pPr"))
        p.insert(0, ppr)
    rpr = ppr.find(w("rPr"))
    if rpr is None:
        rpr = etree.Element(w("rPr"))
        sect = ppr.find(w("sectPr"))
        if sect is not None:
            sect.addprevious(rpr)
        else:
            ppr.append(rpr)
    rpr.insert(0, revs.mark(tag))


class _Formats:
    """Where each run's formatting stands in a paragraph's text: a label run ("Điều 2.", in
    its own character style) keeps its style and the text after it keeps its own, whatever
    the segments a rewrite lays over them; runs without text (a footnote mark) keep their
    place."""

    def __init__(self, p: etree._Element) -> None:
        self.spans: list[tuple[int, int, etree._Element | None]] = []
        self.marks: list[tuple[int, etree._Element]] = []
        at = 0
        for child in p:
            if child.tag == w("pPr"):
                continue
            text = paragraph_text(child) if child.tag == w("r") else ""
            if child.tag == w("r") and text:
                self.spans.append((at, at + len(text), child.find(w("rPr"))))
                at += len(text)
            elif child.tag == w("r") and (child.find(w("footnoteReference")) is not None
                                          or child.find(w("footnoteRef")) is not None):
                self.marks.append((at, child))
        self.end = at

    def at(self, pos: int) -> etree._Element | None:
        """The formatting of the character at ``pos`` (past the end: of the last one)."""
        for start, end, rpr in self.spans:
            if start <= pos < end:
                return rpr
        return self.spans[-1][2] if self.spans else None

    def pieces(self, pos: int, text: str) -> list[tuple[str, etree._Element | None]]:
        """``text``, standing at ``pos`` of the paragraph, cut where the formatting changes
        (pieces alike stay one)."""
        out: list[tuple[str, etree._Element | None]] = []
        for k, ch in enumerate(text):
            rpr = self.at(pos + k)
            if out and _same(out[-1][1], rpr):
                out[-1] = (out[-1][0] + ch, out[-1][1])
            else:
                out.append((ch, rpr))
        return out


def _same(a: etree._Element | None, b: etree._Element | None) -> bool:
    if a is None or b is None:
        return a is b
    return a is b or etree.tostring(a) == etree.tostring(b)


def _rewrite(p: etree._Element, segments, revs: _Revisions) -> None:
    formats = _Formats(p)
    _clear_runs(p)
    marks = list(formats.marks)
    pos = 0
    for op, old, new in segments:
        while marks and marks[0][0] <= pos < formats.end:  # a mark inside the text
            p.append(marks.pop(0)[1])
        if op == "equal":
            for text, rpr in formats.pieces(pos, new):
                p.append(_run(text, rpr, False))
            pos += len(new)
            continue
        if old:
            p.append(_wrapped("del", old, formats.at(pos), revs))
        if new:
            wrapper = revs.mark("ins")
            for text, rpr in formats.pieces(pos, new):
                wrapper.append(_run(text, rpr, False))
            p.append(wrapper)
            pos += len(new)
    for _, run in marks:  # a footnote mark ends the paragraph
        p.append(run)


def _as_inserted(p: etree._Element, revs: _Revisions) -> None:
    """The paragraph's runs as one insertion, each run with its own formatting (its paragraph
    mark left as it is)."""
    runs = [c for c in p if c.tag == w("r")]
    if not paragraph_text(p) and not runs:
        return
    formats = _Formats(p)
    if not formats.marks and all(_same(rpr, formats.at(0)) for _, _, rpr in formats.spans):
        text = paragraph_text(p)
        rpr = _base_rpr(p)
        _clear_runs(p)
        if text:
            p.append(_wrapped("ins", text, rpr, revs))
        return
    wrapper = revs.mark("ins")
    runs[0].addprevious(wrapper)
    for run in runs:
        wrapper.append(run)


def _insert_whole(p: etree._Element, revs: _Revisions) -> None:
    _as_inserted(p, revs)
    _mark_paragraph(p, "ins", revs)


def _deleted_paragraph(like: etree._Element, gone: Deleted, revs: _Revisions) -> etree._Element:
    p = etree.Element(w("p"))
    ppr = like.find(w("pPr"))
    if ppr is not None:
        ppr = copy.deepcopy(ppr)
        for node in ppr.findall(w("rPr")) + ppr.findall(w("sectPr")):
            ppr.remove(node)
        if gone.style:
            style = ppr.find(w("pStyle"))
            if style is None:
                style = etree.Element(w("pStyle"))
                ppr.insert(0, style)
            style.set(w("val"), gone.style)
        p.append(ppr)
    if gone.runs:
        wrapper = revs.mark("del")
        for text, style in gone.runs:
            rpr = None
            if style:
                rpr = etree.Element(w("rPr"))
                etree.SubElement(rpr, w("rStyle")).set(w("val"), style)
            if text:
                wrapper.append(_run(text, rpr, True))
        p.append(wrapper)
    elif gone.text:
        p.append(_wrapped("del", gone.text, _base_rpr(like), revs))
    _mark_paragraph(p, "del", revs)
    return p


def _cells(tr: etree._Element) -> list[etree._Element]:
    return tr.findall(w("tc"))


def _row_text(tr: etree._Element) -> tuple[str, ...]:
    return tuple("\n".join(paragraph_text(p) for p in tc.findall(w("p"))) for tc in _cells(tr))


def _mark_row(tr: etree._Element, tag: str, revs: _Revisions) -> None:
    """Flag a whole table row as inserted or deleted (w:trPr/w:ins|w:del, last in trPr)."""
    trpr = tr.find(w("trPr"))
    if trpr is None:
        trpr = etree.Element(w("trPr"))
        tr.insert(0, trpr)
    trpr.append(revs.mark(tag))


def _deleted_row(like: etree._Element, cells: tuple[str, ...], revs: _Revisions
                 ) -> etree._Element:
    """A copy of the row ``like`` holding ``cells`` as deleted text, flagged deleted."""
    tr = copy.deepcopy(like)
    for node in list(tr.iter(w("ins"), w("del"))):
        node.getparent().remove(node)
    for tc, text in zip(_cells(tr), cells):
        paragraphs = tc.findall(w("p"))
        for extra in paragraphs[1:]:
            tc.remove(extra)
        p = paragraphs[0]
        rpr = _base_rpr(p)
        _clear_runs(p)
        if text:
            p.append(_wrapped("del", text, rpr, revs))
    _mark_row(tr, "del", revs)
    return tr


def _table_rows(root: etree._Element, group: RowGroup, used: set) -> list | None:
    """The rows of the first table not yet used whose last rows read ``group.rows`` (a task
    table's heading row is not part of the group)."""
    for tbl in root.iter(w("tbl")):
        if id(tbl) in used:
            continue
        rows = tbl.findall(w("tr"))
        if len(rows) >= len(group.rows) and [_row_text(tr) for tr in
                                             rows[len(rows) - len(group.rows):]] == group.rows:
            used.add(id(tbl))
            return rows[len(rows) - len(group.rows):]
    return None


def _mark_rows(root: etree._Element, group: RowGroup, revs: _Revisions, used: set) -> bool:
    found = _table_rows(root, group, used)
    if found is None or not found:
        return False
    for at, gone in sorted(group.deleted.items()):
        before = at < len(found)
        anchor = found[at] if before else found[-1]
        for cells in (gone if before else reversed(gone)):
            like = next((tr for tr in found if len(_cells(tr)) == len(cells)), anchor)
            new = _deleted_row(like, cells, revs)
            (anchor.addprevious if before else anchor.addnext)(new)
    for index, edit in sorted(group.edits.items()):
        tr = found[index]
        if edit == "insert":
            for p in tr.iter(w("p")):
                _as_inserted(p, revs)
            _mark_row(tr, "ins", revs)
            continue
        for cell, segments in sorted(edit.items()):
            _rewrite(_cells(tr)[cell].find(w("p")), segments, revs)
    return True


def _find(paragraphs: list[etree._Element], texts: list[str]) -> list[etree._Element] | None:
    """The paragraphs reading ``texts``, in order (None when they are not all there)."""
    found, k = [], 0
    for p in paragraphs:
        if k == len(texts):
            break
        if paragraph_text(p) == texts[k]:
            found.append(p)
            k += 1
    return found if k == len(texts) else None


NOTES_PART = "word/footnotes.xml"


def _mark_notes(src: zipfile.ZipFile, root: etree._Element, notes: dict[int, object],
                revs: _Revisions) -> tuple[bytes | None, list[int]]:
    """The footnotes part with the changes of ``notes`` (footnote id → "insert" or segments of
    its text) tracked in each footnote's paragraph; a new footnote's mark in the text (in
    ``root``) is tracked inserted too. Also the ids not found."""
    if not notes or NOTES_PART not in src.namelist():
        return None, sorted(notes)
    part = etree.fromstring(src.read(NOTES_PART), _PARSER)
    found = {n.get(w("id")): n for n in part.iter(w("footnote"))}
    refs = {r.get(w("id")): r for r in root.iter(w("footnoteReference"))}
    missing = []
    for number, edit in sorted(notes.items()):
        note = found.get(str(number))
        p = note.find(w("p")) if note is not None else None
        if p is None:
            missing.append(number)
            continue
        if edit == "insert":
            _as_inserted(p, revs)
            run = refs[str(number)].getparent() if str(number) in refs else None
            if run is not None and run.getparent().tag != w("ins"):
                wrapper = revs.mark("ins")
                run.addprevious(wrapper)
                wrapper.append(run)
            continue
        text = paragraph_text(p)
        new = "".join(seg[2] for seg in edit)
        if not text.endswith(new):
            missing.append(number)
            continue
        lead = text[:len(text) - len(new)]  # the space after the footnote's number
        _rewrite(p, ([("equal", lead, lead)] if lead else []) + list(edit), revs)
    return etree.tostring(part, xml_declaration=True, encoding="UTF-8", standalone=True), missing


def mark(docx: bytes, groups: list[Group], *, author: str, date: dt.datetime,
         when: dt.datetime, notes: dict[int, object] | None = None
         ) -> tuple[bytes, list[int]]:
    """``docx`` with the changes of ``groups`` as tracked revisions, and those of ``notes``
    (footnote number → "insert" or segments) in its footnotes, zip members stamped ``when``;
    also the indexes of the groups whose paragraphs were not found (not marked), the footnotes
    not found counted as one more index (``len(groups)``)."""
    src = zipfile.ZipFile(io.BytesIO(docx))
    root = etree.fromstring(src.read("word/document.xml"), _PARSER)
    revs = _Revisions(author, date.strftime("%Y-%m-%dT%H:%M:%SZ"))
    missing = []
    used: set[int] = set()
    for gi, group in enumerate(groups):
        if isinstance(group, RowGroup):
            if not _mark_rows(root, group, revs, used):
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
            anchor = found[at] if before else found[-1]
            if not before:
                for _ in range(gone[0].after_tables):
                    if anchor.getnext() is None or anchor.getnext().tag != w("tbl"):
                        break
                    anchor = anchor.getnext()
            for item in (gone if before else reversed(gone)):
                new = _deleted_paragraph(found[at] if before else found[-1], item, revs)
                (anchor.addprevious if before else anchor.addnext)(new)
        for index, edit in sorted(group.edits.items()):
            if edit == "insert":
                _insert_whole(found[index], revs)
            else:
                _rewrite(found[index], edit, revs)
    notes_xml, lost = _mark_notes(src, root, notes or {}, revs)
    if lost:
        missing.append(len(groups))
    n = 0
    for n, node in enumerate(root.iter(w("ins"), w("del")), 1):  # ids in reading order
        node.set(w("id"), str(n))
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    parts = {"word/document.xml": xml}
    if notes_xml is not None:  # its revisions numbered after the text's: ids are unique
        part = etree.fromstring(notes_xml, _PARSER)
        for k, node in enumerate(part.iter(w("ins"), w("del")), n + 1):
            node.set(w("id"), str(k))
        parts[NOTES_PART] = etree.tostring(part, xml_declaration=True, encoding="UTF-8",
                                           standalone=True)
    return rezip(src, parts, when), missing


def _roots(docx: bytes) -> list[etree._Element]:
    """The text, then its footnotes (where it has any)."""
    src = zipfile.ZipFile(io.BytesIO(docx))
    names = ["word/document.xml"] + ([NOTES_PART] if NOTES_PART in src.namelist() else [])
    return [etree.fromstring(src.read(name), _PARSER) for name in names]


def revisions(docx: bytes) -> list[tuple[str, str]]:
    """Every w:ins and w:del of the document: (kind, text), in document order, then those of
    its footnotes."""
    out = []
    for node in (n for root in _roots(docx) for n in root.iter(w("ins"), w("del"))):
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
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read(part), _PARSER)
    drop, keep = (w("del"), w("ins")) if accept else (w("ins"), w("del"))
    gone_marks = []
    for node in list(root.iter(drop, keep)):
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

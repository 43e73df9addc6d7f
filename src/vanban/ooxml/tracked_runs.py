"""Tracked changes inside one paragraph: the w:ins / w:del runs of a reworded, inserted or
deleted paragraph, each formatted like the text it stands for (a label run keeps its character
style, a footnote mark its place).

Every revision carries an id, the author and one fixed date (``Revisions``), so the output stays
byte-identical. A whole inserted or deleted paragraph also marks its paragraph mark; paragraph
properties are never marked as revised (LibreOffice shows such revisions only as unknown changes).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from lxml import etree

from vanban.ooxml.body import footnote_reference
from vanban.ooxml.xml import W_NS, w

PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


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
    footnote: str = ""
    """The text of the footnote its mark called (empty: none). The mark comes back deleted at
    the end of the paragraph and the footnote deleted with it, as Word tracks the deletion of
    text holding a footnote mark: "Reject All" restores both, "Accept All" removes both."""
    after_note: str = ""
    """Text the build prints after the footnote mark (the end-of-body mark "./." of the last
    paragraph), put back deleted after the mark."""
    move: str = ""
    """The name of the move when the paragraph was moved, not removed: it comes back as moved
    away (w:moveFrom) and its new place, a ``Moved`` edit of the same name, as moved there."""


@dataclass(frozen=True)
class Moved:
    """The edit of a paragraph moved here from the place of the ``Deleted`` of the same
    ``name``: the whole of it moved (``segments`` empty), or its words, the reworded ones
    inserted (segments ``(op, old, new)``: the old words stand in the moved-away text)."""

    name: str
    segments: tuple = ()


class Revisions:
    """Makes the w:ins / w:del marks of one document: ids in order, one author, one date."""

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
    """A paragraph's visible text; a line break reads as a newline. Text moved away from here
    (w:moveFrom, which keeps w:t) is not visible, as deleted text is not."""
    out = []
    for node in p.iter(w("t"), w("br"), w("tab"), w("delText")):
        if _moved_away(node, p):
            continue
        if node.tag == w("br"):
            out.append("\n")
        elif node.tag == w("tab"):
            out.append("\t")
        elif node.tag == w("t"):
            out.append(node.text or "")
    return "".join(out)


def _moved_away(node: etree._Element, top: etree._Element) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not top:
        if parent.tag == _MOVE_FROM:
            return True
        parent = parent.getparent()
    return False


_MOVE_FROM = w("moveFrom")


def text_run(text: str, rpr: etree._Element | None, deleted: bool) -> etree._Element:
    """A run of ``text`` (a newline: a line break) formatted ``rpr``, as deleted text or not."""
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


def wrapped(tag: str, text: str, rpr, revs: Revisions) -> etree._Element:
    """``text`` in one run inside a new w:ins, w:del, w:moveFrom or w:moveTo (``tag``)."""
    wrapper = revs.mark(tag)
    wrapper.append(text_run(text, rpr, tag == "del"))
    return wrapper


def base_rpr(p: etree._Element) -> etree._Element | None:
    """The run properties of the paragraph's first run (None: it has none)."""
    run = p.find(w("r"))
    return run.find(w("rPr")) if run is not None else None


def clear_runs(p: etree._Element) -> None:
    """Remove everything of the paragraph but its properties."""
    for child in list(p):
        if child.tag != w("pPr"):
            p.remove(child)


def move_range(p: etree._Element, kind: str, name: str, revs: Revisions) -> None:
    """Enclose the paragraph's content in a move range (``kind`` "moveFrom" or "moveTo")
    named ``name``: the start after its properties, the end last, both of one id."""
    start = revs.mark(f"{kind}RangeStart")
    start.set(w("name"), name)
    end = etree.Element(w(f"{kind}RangeEnd"))
    end.set(w("id"), start.get(w("id")))
    ppr = p.find(w("pPr"))
    p.insert(0 if ppr is None else p.index(ppr) + 1, start)
    p.append(end)


def mark_paragraph(p: etree._Element, tag: str, revs: Revisions) -> None:
    """Flag the paragraph mark as inserted, deleted or moved (pPr/rPr/w:ins|w:del|w:moveFrom|
    w:moveTo)."""
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


def rewrite(p: etree._Element, segments, revs: Revisions, *, moved: bool = False) -> None:
    """Lay ``segments`` (op, old, new) over the paragraph's text: equal text as it was, old
    text deleted, new text inserted, each piece formatted like the text at its place. In a
    ``moved`` paragraph the equal text is moved here (w:moveTo) and the old text is not put
    back (it stands in the moved-away paragraph)."""
    formats = _Formats(p)
    clear_runs(p)
    marks = list(formats.marks)
    pos = 0

    def put_marks() -> None:  # the marks standing at ``pos`` inside the text
        while marks and marks[0][0] <= pos < formats.end:
            p.append(marks.pop(0)[1])

    for op, old, new in segments:
        put_marks()
        if op != "equal" and old and not moved:
            p.append(wrapped("del", old, formats.at(pos), revs))
        while new:
            # Cut at a mark inside the text ("…năm 2026¹./.": the end mark after the note's).
            cut = next((at - pos for at, _ in marks if pos < at < pos + len(new)), len(new))
            piece, new = new[:cut], new[cut:]
            wrapper = (revs.mark("moveTo") if moved else p) if op == "equal" else \
                revs.mark("ins")
            for text, rpr in formats.pieces(pos, piece):
                wrapper.append(text_run(text, rpr, False))
            if wrapper is not p:
                p.append(wrapper)
            pos += len(piece)
            put_marks()
    for _, run in marks:  # a footnote mark ends the paragraph
        p.append(run)


def as_inserted(p: etree._Element, revs: Revisions, tag: str = "ins") -> None:
    """The paragraph's runs as one insertion (or move here: ``tag`` "moveTo"), each run with
    its own formatting (its paragraph mark left as it is)."""
    runs = [c for c in p if c.tag == w("r")]
    if not paragraph_text(p) and not runs:
        return
    formats = _Formats(p)
    if not formats.marks and all(_same(rpr, formats.at(0)) for _, _, rpr in formats.spans):
        text = paragraph_text(p)
        rpr = base_rpr(p)
        clear_runs(p)
        if text:
            p.append(wrapped(tag, text, rpr, revs))
        return
    wrapper = revs.mark(tag)
    runs[0].addprevious(wrapper)
    for run in runs:
        wrapper.append(run)


def as_deleted(p: etree._Element, revs: Revisions) -> None:
    """The paragraph's runs as one deletion, each run with its own formatting (its paragraph
    mark left as it is)."""
    runs = [c for c in p if c.tag == w("r")]
    if not runs:
        return
    wrapper = revs.mark("del")
    runs[0].addprevious(wrapper)
    for run in runs:
        for t in run.iter(w("t")):
            t.tag = w("delText")
        wrapper.append(run)


def insert_whole(p: etree._Element, revs: Revisions) -> None:
    """Track the whole paragraph as inserted, its paragraph mark too."""
    as_inserted(p, revs)
    mark_paragraph(p, "ins", revs)


def move_here(p: etree._Element, edit: Moved, revs: Revisions) -> None:
    """Track the paragraph as moved here (the move ``edit.name``), its paragraph mark too:
    all of it, or its words as ``edit.segments`` say (the reworded ones inserted)."""
    if edit.segments:
        rewrite(p, edit.segments, revs, moved=True)
    else:
        as_inserted(p, revs, "moveTo")
    move_range(p, "moveTo", edit.name, revs)
    mark_paragraph(p, "moveTo", revs)


def deleted_paragraph(like: etree._Element, gone: Deleted, revs: Revisions, note: int = 0
                      ) -> etree._Element:
    """The paragraph ``gone`` put back as deleted, laid out like ``like`` (in its own
    style when it has one); ``note`` > 0: ending with the deleted mark of that footnote."""
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
    tag = "moveFrom" if gone.move else "del"  # moved-away text keeps w:t (ECMA-376 17.13.5.22)
    if gone.runs:
        wrapper = revs.mark(tag)
        for text, style in gone.runs:
            rpr = None
            if style:
                rpr = etree.Element(w("rPr"))
                etree.SubElement(rpr, w("rStyle")).set(w("val"), style)
            if text:
                wrapper.append(text_run(text, rpr, not gone.move))
        p.append(wrapper)
    elif gone.text:
        p.append(wrapped(tag, gone.text, base_rpr(like), revs))
    if note:  # the mark inside the deleted text: one deletion with it
        wrapper = p[-1] if len(p) and p[-1].tag == w("del") else None
        if wrapper is None:
            wrapper = revs.mark("del")
            p.append(wrapper)
        wrapper.append(etree.fromstring(f'<w:document xmlns:w="{W_NS}">'
                                        f'{footnote_reference(note)}</w:document>')[0])
        if gone.after_note:
            wrapper.append(text_run(gone.after_note, None, True))
    if gone.move:
        move_range(p, "moveFrom", gone.move, revs)
    mark_paragraph(p, tag, revs)
    return p

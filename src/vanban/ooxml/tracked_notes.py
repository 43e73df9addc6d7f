"""Tracked changes in the footnotes part: a footnote reworded or new (its mark in the text too),
and the footnote of a deleted paragraph put back deleted."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from lxml import etree

from vanban.ooxml.tracked_runs import (
    PARSER,
    Revisions,
    as_deleted,
    as_inserted,
    paragraph_text,
    rewrite,
)
from vanban.ooxml.xml import w
from vanban.output import normalise_zip

NOTES_PART = "word/footnotes.xml"


def with_notes_part(docx: bytes, when: dt.datetime) -> bytes:
    """``docx`` given an empty footnotes part (the two separators), its relationship and the
    footnote styles, as the build gives them to a document with footnotes; members stamped
    ``when``."""
    import docx as python_docx

    from vanban.ooxml.notes import add_footnotes, footnotes_xml

    document = python_docx.Document(io.BytesIO(docx))
    add_footnotes(document, [""])  # one footnote: the build adds nothing for none
    out = io.BytesIO()
    document.save(out)
    return normalise_zip(out.getvalue(), when, {NOTES_PART: footnotes_xml([])})


def load_notes(src: zipfile.ZipFile) -> etree._Element | None:
    """The footnotes part of the package (None: it has none)."""
    return etree.fromstring(src.read(NOTES_PART), PARSER) if NOTES_PART in src.namelist() else None


def next_note(part: etree._Element) -> int:
    """The id a new footnote takes: after every one the part holds."""
    return max([int(n.get(w("id"))) for n in part.iter(w("footnote"))] + [0]) + 1


def add_deleted_note(part: etree._Element, number: int, text: str, revs: Revisions) -> None:
    """Footnote ``number`` holding ``text`` as the build prints a footnote, its text deleted."""
    from vanban.ooxml.notes import footnotes_xml

    note = etree.fromstring(footnotes_xml([text]), PARSER).findall(w("footnote"))[-1]
    note.set(w("id"), str(number))
    for p in note.iter(w("p")):
        as_deleted(p, revs)
    part.append(note)


def mark_notes(part: etree._Element | None, root: etree._Element, notes: dict[int, object],
               revs: Revisions) -> list[int]:
    """Track the changes of ``notes`` (footnote id → "insert" or segments of its text) in each
    footnote's paragraph of the footnotes ``part``; a new footnote's mark in the text (in
    ``root``) is tracked inserted too. The ids not found."""
    if part is None:
        return sorted(notes)
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
            as_inserted(p, revs)
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
        rewrite(p, ([("equal", lead, lead)] if lead else []) + list(edit), revs)
    return missing

"""Tracked changes in the footnotes part: a footnote reworded or new (its mark in the text too)."""

from __future__ import annotations

import zipfile

from lxml import etree

from vanban.ooxml.tracked_runs import PARSER, Revisions, as_inserted, paragraph_text, rewrite
from vanban.ooxml.xml import w

NOTES_PART = "word/footnotes.xml"


def mark_notes(src: zipfile.ZipFile, root: etree._Element, notes: dict[int, object],
               revs: Revisions) -> tuple[bytes | None, list[int]]:
    """The footnotes part with the changes of ``notes`` (footnote id → "insert" or segments of
    its text) tracked in each footnote's paragraph; a new footnote's mark in the text (in
    ``root``) is tracked inserted too. Also the ids not found."""
    if not notes or NOTES_PART not in src.namelist():
        return None, sorted(notes)
    part = etree.fromstring(src.read(NOTES_PART), PARSER)
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
    return etree.tostring(part, xml_declaration=True, encoding="UTF-8", standalone=True), missing

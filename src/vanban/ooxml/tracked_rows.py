"""Tracked changes in table rows: cells reworded, rows inserted, old rows put back deleted."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from lxml import etree

from vanban.ooxml.tracked_runs import (
    Revisions,
    as_inserted,
    base_rpr,
    clear_runs,
    paragraph_text,
    rewrite,
    wrapped,
)
from vanban.ooxml.xml import w


@dataclass
class RowGroup:
    """Table rows found one after another, by their cells' text, with their changes.

    ``edits`` maps a row index to "insert" (a new row) or to {cell index: segments};
    ``deleted`` maps a row index to the old rows (cell texts) that stood just before it.
    """

    rows: list[tuple[str, ...]]
    edits: dict[int, object] = field(default_factory=dict)
    deleted: dict[int, list[tuple[str, ...]]] = field(default_factory=dict)


def _cells(tr: etree._Element) -> list[etree._Element]:
    return tr.findall(w("tc"))


def _row_text(tr: etree._Element) -> tuple[str, ...]:
    return tuple("\n".join(paragraph_text(p) for p in tc.findall(w("p"))) for tc in _cells(tr))


def _mark_row(tr: etree._Element, tag: str, revs: Revisions) -> None:
    """Flag a whole table row as inserted or deleted (w:trPr/w:ins|w:del, last in trPr)."""
    trpr = tr.find(w("trPr"))
    if trpr is None:
        trpr = etree.Element(w("trPr"))
        tr.insert(0, trpr)
    trpr.append(revs.mark(tag))


def _deleted_row(like: etree._Element, cells: tuple[str, ...], revs: Revisions
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
        rpr = base_rpr(p)
        clear_runs(p)
        if text:
            p.append(wrapped("del", text, rpr, revs))
    _mark_row(tr, "del", revs)
    return tr


def _table_rows(root: etree._Element, group: RowGroup, used: set) -> list | None:
    """The rows of the first table not yet used whose last rows read ``group.rows`` (a task
    table's heading row is not part of the group)."""
    for tbl in root.iter(w("tbl")):
        if tbl in used:  # the element itself: an id() of a freed lxml proxy comes back
            continue
        rows = tbl.findall(w("tr"))
        if len(rows) >= len(group.rows) and [_row_text(tr) for tr in
                                             rows[len(rows) - len(group.rows):]] == group.rows:
            used.add(tbl)
            return rows[len(rows) - len(group.rows):]
    return None


def _is_header(tr: etree._Element) -> bool:
    trpr = tr.find(w("trPr"))
    return trpr is not None and trpr.find(w("tblHeader")) is not None


def _like(found: list, at: int, count: int, anchor: etree._Element) -> etree._Element:
    """The row a deleted row of ``count`` cells is laid out like: a body row beside where it
    stood (not the bold header row above the first body row), else any row as wide."""
    near = [found[k] for k in (at - 1, at, at + 1) if 0 <= k < len(found)]
    for tr in (*near, *found):
        if len(_cells(tr)) == count and not _is_header(tr):
            return tr
    return next((tr for tr in found if len(_cells(tr)) == count), anchor)


def mark_rows(root: etree._Element, group: RowGroup, revs: Revisions, used: set) -> bool:
    """Track the changes of ``group`` in the first table not in ``used`` that holds its rows;
    False when no table does."""
    found = _table_rows(root, group, used)
    if found is None or not found:
        return False
    for at, gone in sorted(group.deleted.items()):
        before = at < len(found)
        anchor = found[at] if before else found[-1]
        for cells in (gone if before else reversed(gone)):
            like = _like(found, at, len(cells), anchor)
            new = _deleted_row(like, cells, revs)
            (anchor.addprevious if before else anchor.addnext)(new)
    for index, edit in sorted(group.edits.items()):
        tr = found[index]
        if edit == "insert":
            for p in tr.iter(w("p")):
                as_inserted(p, revs)
            _mark_row(tr, "ins", revs)
            continue
        for cell, segments in sorted(edit.items()):
            rewrite(_cells(tr)[cell].find(w("p")), segments, revs)
    return True

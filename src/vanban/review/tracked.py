"""The new document with Word tracked changes, from vanban's own structural diff.

The new plan is rendered as usual; then, paragraph by paragraph, the changes the diff found are
marked where they are printed: a reworded line gets its deleted and inserted words, an added
block its whole paragraphs, a removed block comes back as deleted paragraphs at its old place,
a moved block is deleted there and inserted here. Numbers are never marked: renumbering is not
an edit, so after "Reject All" the old wording stands under the new numbers.
"""

from __future__ import annotations

import datetime as dt

from vanban.contract import (
    KINH_GUI_LINE_STYLE,
    KINH_GUI_STYLE,
    LABEL_STYLE_OF_KIND,
    STYLE_OF_KIND,
)
from vanban.errors import Diagnostic, Severity, Span
from vanban.ooxml.tracked import Deleted, Group, Moved, RowGroup, mark
from vanban.review.addressees import as_built, kept, printed
from vanban.review.align import align_lines, placed_before
from vanban.review.diff import PlanDiff
from vanban.review.outline import table_at
from vanban.review.places import place_en
from vanban.review.tables import pair_rows, table_rows
from vanban.review.words import diff_words, text_key


def _is_para(item) -> bool:
    return hasattr(item, "full")


def _segments(old: str, new: str, label: str = "") -> list[tuple[str, str, str]]:
    head = [("equal", label + " ", label + " ")] if label else []
    return head + [(s.op, s.old, s.new) for s in diff_words(old, new)]


def _table_rows(table) -> list[tuple[str, ...]]:
    """Every row of a body table as the document holds it (``tables.table_rows``)."""
    return table_rows(table)[0]


def table_group(old, new) -> RowGroup:
    """A body table's changes, row by row (rows paired as ``tables.pair_rows`` pairs them); ``old`` is
    None for a table that is new."""
    b = _table_rows(new)
    group = RowGroup(b)
    if old is None:
        group.edits = {k: "insert" for k in range(len(b))}
        return group
    a = _table_rows(old)
    ka, kb = [tuple(map(text_key, r)) for r in a], [tuple(map(text_key, r)) for r in b]
    matched = pair_rows(a, b, ka, kb)
    for i, j in matched.items():
        if ka[i] != kb[j]:
            group.edits[j] = {k: _segments(x, y) for k, (x, y) in enumerate(zip(a[i], b[j]))
                              if text_key(x) != text_key(y)}
    paired = set(matched.values())
    group.edits.update({j: "insert" for j in range(len(b)) if j not in paired})
    for i in range(len(a)):
        if i not in matched:
            group.deleted.setdefault(placed_before(matched, i, len(b)), []).append(a[i])
    return group


def _in_part(diff: PlanDiff, part: int) -> list[tuple[int | None, int | None]]:
    """The pairs of nodes of part ``part`` (0: the document itself, k: its k-th attached
    document)."""
    def part_of(oi: int | None, nj: int | None) -> int:
        return (diff.new.nodes[nj] if nj is not None else diff.old.nodes[oi]).part

    return [(oi, nj) for oi, nj in diff.pairs if part_of(oi, nj) == part]


def body_group(diff: PlanDiff, part: int = 0) -> tuple[Group, int]:
    """The body's changes (of the ``part``-th attached document's body, for a part); also how
    many changed blocks are printed nowhere it can mark."""
    old_doc, new_doc = diff.old.part(part), diff.new.part(part)
    # Body tables are not paragraphs: the group holds the paragraphs, indexed apart.
    new_at = {j: k for k, j in enumerate(j for j, p in enumerate(new_doc.body) if _is_para(p))}
    group = Group([p.full for p in new_doc.body if _is_para(p)])
    kept: dict[int, int] = {}
    gone: list[int] = []
    # old paragraph → the name of its move (of its part too: a name is one move in the file)
    moves: dict[int, str] = {}
    unmarked = 0
    for oi, nj in _in_part(diff, part):
        o = diff.old.nodes[oi] if oi is not None else None
        n = diff.new.nodes[nj] if nj is not None else None
        if o is not None and n is not None and nj in diff.moved:
            # Each line of a block moved (its text, lead, timeline …) moved away from its old
            # place and here, reworded or not: Word shows it as a move, not as two changes.
            for name in sorted(set(o.paras) & set(n.paras)):
                i, j = o.paras[name], n.paras[name]
                a, b = old_doc.body[i], new_doc.body[j]
                if getattr(a, "footnote", "") or getattr(b, "footnote", ""):
                    continue  # a footnote's mark moves with no move of its own: a change
                moves[i] = f"move{len(moves) + 1}" + (f"-{part}" if part else "")
                same = text_key(a.text) == text_key(b.text)
                group.edits[new_at[j]] = Moved(moves[i], () if same else tuple(
                    _segments(a.text, b.text, b.label)))
                gone.append(i)
            for j in (j for name, j in n.paras.items() if new_at[j] not in group.edits):
                group.edits[new_at[j]] = "insert"
            gone.extend(i for i in o.paras.values() if i not in moves)
            continue
        if o is not None and n is not None and nj not in diff.moved:
            for name in sorted(set(o.paras) | set(n.paras)):
                i, j = o.paras.get(name), n.paras.get(name)
                if i is not None and j is not None:
                    kept[i] = new_at[j]
                    if name == "number":  # "Phần I" → "Phần II" is renumbering: never marked
                        continue
                    a, b = old_doc.body[i], new_doc.body[j]
                    if text_key(a.text) != text_key(b.text):
                        group.edits[new_at[j]] = _segments(a.text, b.text, b.label)
                elif j is not None:
                    group.edits[new_at[j]] = "insert"
                else:
                    gone.append(i)
            continue
        if n is not None:
            group.edits.update({new_at[j]: "insert" for j in n.paras.values()})
            unmarked += (not n.paras and n.row is None and n.table is None
                         and n.kind != "title")  # an attached title: marked by attached_groups
        if o is not None:
            gone.extend(o.paras.values())
            # A table that is gone (or moved) cannot be shown deleted at its old place.
            unmarked += ((not o.paras and n is None and o.row is None and o.kind != "title")
                         or o.table is not None)
    for i in sorted(gone):
        at = placed_before(kept, i, len(group.texts))
        para = old_doc.body[i]
        tables = 0  # tables right before it in the old body
        while i - tables - 1 >= 0 and not _is_para(old_doc.body[i - tables - 1]):
            tables += 1
        # Its footnote comes back deleted with it (the build marks no labelled paragraph).
        note = "" if para.kind in LABEL_STYLE_OF_KIND else getattr(para, "footnote", "")
        runs, after = _printed_runs(para), para.around_note[1] if note else ""
        if after:  # "./." after the mark, as the build prints it
            runs = runs[:-1] + ((runs[-1][0][:-len(after)], runs[-1][1]),)
        group.deleted.setdefault(at, []).append(
            Deleted(para.full, STYLE_OF_KIND[para.kind], tables, runs, note, after,
                    moves.get(i, "")))
    return group, unmarked


def _printed_runs(para) -> tuple[tuple[str, str | None], ...]:
    """A body paragraph's runs as the build prints them: a label of its own character style
    ("Điều 2.") apart from the text after it, in the paragraph's style."""
    label_style = LABEL_STYLE_OF_KIND.get(para.kind)
    if label_style and para.label and para.full.startswith(para.label):
        return ((para.label, label_style), (para.full[len(para.label):], None))
    return ((para.full, None),)


def _cells(row) -> tuple[str, ...]:
    """A task-table row's cells as printed (a group row has two)."""
    if row.group:
        return (row.label, row.content)
    return (row.label, row.content, row.lead, row.support, row.timeline, row.output)


def table_groups(diff: PlanDiff, part: int = 0) -> list[tuple[str, RowGroup]]:
    """The changes of the body's tables, each with the table's name: a reworded table cell by
    cell, a new one whole (a table that is gone is counted as not marked by ``body_group``)."""
    out = []
    moved = diff.moved
    for oi, nj in _in_part(diff, part):
        n = diff.new.nodes[nj] if nj is not None else None
        if n is None or n.table is None:
            continue
        o = diff.old.nodes[oi] if oi is not None and nj not in moved else None
        if o is not None and text_key(o.text) == text_key(n.text):
            continue
        old_table = table_at(diff.old.part(part), o.table) if o is not None else None
        # Named as printed ("Mục II, bảng 1"); a table with an id by its id.
        name = n.address if "bảng " in n.address else f"bảng {n.address}"
        out.append((name, table_group(old_table, table_at(diff.new.part(part), n.table))))
    return out


def row_group(diff: PlanDiff, part: int = 0) -> RowGroup | None:
    """The changes of the appendix task table (of the ``part``-th attached document, for a
    part): cells reworded, rows added, rows removed. The number cell is never marked
    (renumbering is not an edit)."""
    old_rows = [r for a in getattr(diff.old.part(part), "appendices", ()) for r in a.rows]
    new_rows = [r for a in getattr(diff.new.part(part), "appendices", ()) for r in a.rows]
    if not new_rows:
        return None
    group = RowGroup([_cells(r) for r in new_rows])
    kept: dict[int, int] = {}
    gone: list[int] = []
    for oi, nj in _in_part(diff, part):
        o = diff.old.nodes[oi] if oi is not None else None
        n = diff.new.nodes[nj] if nj is not None else None
        if o is not None and n is not None and nj not in diff.moved:
            if o.row is None or n.row is None:
                continue
            kept[o.row] = n.row
            a, b = _cells(old_rows[o.row]), _cells(new_rows[n.row])
            cells = {k: [(s.op, s.old, s.new) for s in diff_words(a[k], b[k])]
                     for k in range(1, min(len(a), len(b))) if text_key(a[k]) != text_key(b[k])}
            if cells:
                group.edits[n.row] = cells
            continue
        if n is not None and n.row is not None:
            group.edits[n.row] = "insert"
        if o is not None and o.row is not None:
            gone.append(o.row)
    for i in sorted(gone):
        at = placed_before(kept, i, len(group.rows))
        group.deleted.setdefault(at, []).append(_cells(old_rows[i]))
    return group if group.edits or group.deleted else None


def list_group(old: tuple[str, ...], new: tuple[str, ...], styles: tuple[str, str] | None = None
               ) -> Group:
    """Lines printed one a paragraph (Nơi nhận, căn cứ, signature lines, a single field). A
    line that is gone comes back where it stood, before the lines that replace it; with
    ``styles`` (first line's, other lines'), in the paragraph style it was printed in."""
    group = Group(list(new))
    for hunk in align_lines(old, new):
        for i, j in hunk.reworded:
            group.edits[j] = _segments(old[i], new[j])
        group.edits.update({j: "insert" for j in hunk.added})
        if hunk.removed:
            at = hunk.added[0] if hunk.added else hunk.at
            group.deleted.setdefault(at, []).extend(
                Deleted(old[i], styles[i > 0] if styles else None) for i in hunk.removed)
    return group


def kinh_gui_group(old: tuple[str, ...], new: tuple[str, ...]) -> Group:
    """The Kính gửi's lines: the first line (the heading, with the addressee when there is
    one) to the first line, the addressees' own lines paired by addressee. From one addressee
    to several, "Kính gửi:" stays and the old name is deleted from it; an addressee's line
    that is gone comes back where it stood, in the style of those lines."""
    if not (old and new and as_built(old) and as_built(new)):
        return list_group(old, new, (KINH_GUI_STYLE, KINH_GUI_LINE_STYLE))
    group = Group(list(new))
    if text_key(old[0]) != text_key(new[0]):
        group.edits[0] = _segments(old[0], new[0])
    pa, pb = printed(old), printed(new)
    a = [k for k, line in enumerate(pa) if line.own]  # the lines of one addressee each
    b = [k for k, line in enumerate(pb) if line.own]
    pairs = kept(tuple(pa[k].name for k in a), tuple(pb[k].name for k in b))
    for i, j in pairs.items():
        if text_key(old[a[i]]) != text_key(new[b[j]]):
            group.edits[b[j]] = _segments(old[a[i]], new[b[j]])
    paired = set(pairs.values())
    group.edits.update({b[j]: "insert" for j in range(len(b)) if j not in paired})
    for i in range(len(a)):
        if i not in pairs:
            at = 1 + placed_before(pairs, i, len(b))
            group.deleted.setdefault(at, []).append(Deleted(old[a[i]], KINH_GUI_LINE_STYLE))
    return group


def frame_groups(diff: PlanDiff) -> list[tuple[str, Group]]:
    """The changes of the frame, each with the name of the part (Số, Trích yếu, Nơi nhận …)."""
    a, b = diff.old.document, diff.new.document
    pairs = [("Số, ký hiệu", (a.number_line,), (b.number_line,)),
             ("Địa danh, ngày tháng", (a.place_date,), (b.place_date,)),
             ("Trích yếu", (a.title,), (b.title,)),
             ("Cơ quan ban hành", a.issuer_lines, b.issuer_lines),
             ("Căn cứ", a.can_cu, b.can_cu), ("Nơi nhận", a.recipients, b.recipients),
             ("Chức vụ người ký", a.signature_lines, b.signature_lines),
             ("Người ký", (a.signer_name,), (b.signer_name,)), ("V/v", (a.v_v,), (b.v_v,)),
             ("Kính gửi", a.kinh_gui, b.kinh_gui),
             ("Thẩm quyền ban hành", (a.authority_line,), (b.authority_line,)),
             ("Theo đề nghị", a.proposal, b.proposal)]
    groups = [(name, kinh_gui_group(old, new) if name == "Kính gửi" else list_group(old, new))
              for name, old, new in pairs]
    return [(name, g) for name, g in groups if g.edits or g.deleted]


def attached_groups(diff: PlanDiff) -> tuple[list[tuple[str, object]], int]:
    """The changes of each document issued with the new one (a Quyết định's plan): its title,
    body, appendix task table and body tables, each group named after the document; also how
    many changes cannot be marked (a whole attached document that comes or goes)."""
    from vanban.review.attached import part_name

    out: list[tuple[str, object]] = []
    unmarked = 0
    new_parts, old_parts = diff.new.document.attachments, diff.old.document.attachments
    for k in range(1, max(len(new_parts), len(old_parts)) + 1):
        if k > len(new_parts) or k > len(old_parts):
            unmarked += 1  # its heading (type name, title, "(Kèm theo …)") is not marked
        if k > len(new_parts):
            continue
        name = part_name(new_parts[k - 1], len(new_parts), k)
        if k <= len(old_parts):
            title = list_group((old_parts[k - 1].title,), (new_parts[k - 1].title,))
            if title.edits or title.deleted:
                out.append((f"Trích yếu ({name})", title))
        body, missed = body_group(diff, k)
        unmarked += missed
        if body.edits or body.deleted:
            out.append((f"nội dung ({name})", body))
        rows = row_group(diff, k)
        if rows:
            out.append((f"bảng nhiệm vụ ({name}, phụ lục)", rows))
        # A body table's name already begins with its document's ("Kế hoạch kèm theo, …").
        out += [(label if label.startswith(name) else f"{label} ({name})", g)
                for label, g in table_groups(diff, k)]
    return out, unmarked


def _note_numbers(doc) -> dict[tuple[int, int], int]:
    """(part, body index) → the number of the footnote that paragraph's mark calls (the text's
    footnotes first, then those of each document issued with it, as the build numbers them)."""
    out: dict[tuple[int, int], int] = {}
    for part, body in enumerate([doc.body] + [a.body for a in doc.attachments]):
        for i, p in enumerate(body):
            if _is_para(p) and p.footnote:
                out[(part, i)] = len(out) + 1
    return out


def note_edits(diff: PlanDiff) -> tuple[dict[int, object], int]:
    """The changes of the footnotes (footnote number → "insert", or segments of its text);
    also how many cannot be marked (a footnote that is gone has no mark left to show)."""
    numbers = _note_numbers(diff.new.document)
    edits: dict[int, object] = {}
    unmarked = 0
    for oi, nj in diff.pairs:
        o = diff.old.nodes[oi] if oi is not None else None
        n = diff.new.nodes[nj] if nj is not None else None
        a = o.fields.get("footnote", "") if o is not None else ""
        b = n.fields.get("footnote", "") if n is not None else ""
        number = numbers.get((n.part, n.paras.get("text"))) if n is not None and b else None
        if number is None:
            unmarked += bool(a and n is not None)  # its paragraph stays, its footnote went
            continue
        if o is None or nj in diff.moved or not a:
            edits[number] = "insert"
        elif text_key(a) != text_key(b):
            edits[number] = _segments(a, b)
    return edits, unmarked


def tracked_docx(diff: PlanDiff, author: str, date: dt.datetime, render, display: str = ""
                 ) -> tuple[bytes, int, list[Diagnostic]]:
    """The new document with the diff's changes tracked (``render`` lays the new document out
    with its template); the number of revisions, and what could not be marked (as warnings)."""
    from vanban.ooxml.tracked import revisions
    from vanban.output import source_date

    doc = diff.new.document
    body, unmarked = body_group(diff)
    rows = row_group(diff)
    if bool(doc.appendices) != bool(diff.old.document.appendices):
        # The whole task appendix comes or goes: its heading and table frame are not marked.
        unmarked += sum(len(a.rows) for a in doc.appendices + diff.old.document.appendices)
    named = (frame_groups(diff) + ([("nội dung", body)] if body.edits or body.deleted else [])
             + ([("bảng nhiệm vụ (phụ lục)", rows)] if rows else []) + table_groups(diff))
    attached, missed = attached_groups(diff)
    named += attached
    unmarked += missed
    notes, missed = note_edits(diff)
    unmarked += missed
    data, missing = mark(render(doc), [g for _, g in named], author=author, date=date,
                         when=source_date(doc.date_iso), notes=notes)
    named.append(("chú thích", None))  # the footnotes, when they are not found
    warnings = []
    if unmarked:
        warnings.append(Diagnostic(
            "compare.tracked-unmarked", f"{unmarked} thay đổi không có đoạn in tương ứng nên "
            "không được đánh dấu (xem vanban diff hoặc bảng so sánh).", Span(display),
            severity=Severity.WARNING,
            message_en=f"{unmarked} change(s) have no printed paragraph to mark, so they are not "
            "marked (see vanban diff or the comparison table)."))
    if missing:
        # Said as found: vanban could not place these parts in the document it rendered (a
        # workspace template printing them otherwise is one cause, not the only one).
        parts = ", ".join(named[i][0] for i in missing)
        parts_en = ", ".join(part_en(named[i][0]) for i in missing)
        warnings.append(Diagnostic(
            "compare.tracked-not-found", f"Không tìm thấy chỗ in của {parts} trong văn bản "
            "dựng ra nên các thay đổi ở đó không được đánh dấu; xem vanban diff hoặc bảng so "
            "sánh.", Span(display), severity=Severity.WARNING,
            message_en=f"Where {parts_en} is printed was not found in the rendered document; "
                       "its changes are not marked (see vanban diff or the comparison table)."))
    count = sum(1 for kind, _ in revisions(data) if not kind.endswith("-mark"))
    return data, count, warnings


PARTS_EN = {
    "Số, ký hiệu": "number", "Địa danh, ngày tháng": "place and date", "Trích yếu": "title",
    "Cơ quan ban hành": "issuer", "Căn cứ": "legal bases (Căn cứ)",
    "Nơi nhận": "recipients (Nơi nhận)", "Chức vụ người ký": "signer's title",
    "Người ký": "signer", "V/v": "subject line (V/v)", "Kính gửi": "addressees (Kính gửi)",
    "Thẩm quyền ban hành": "issuing authority", "Theo đề nghị": "proposal line",
    "nội dung": "body", "bảng nhiệm vụ": "task table", "chú thích": "footnotes",
}
"""The parts of a document ``tracked_docx`` names, in English."""


def part_en(name: str) -> str:
    """A part's name as ``tracked_docx`` gives it ("nội dung (Kế hoạch kèm theo)", "Mục II,
    bảng 1", "Nơi nhận") in English."""
    import re

    found = re.fullmatch(r"(.+?) \((.+?)(, phụ lục)?\)", name)
    if found and found.group(1) in PARTS_EN:  # a part of an attached document
        where = place_en(found.group(2)) + (", appendix" if found.group(3) else "")
        return f"{PARTS_EN[found.group(1)]} ({where})"
    if name == "bảng nhiệm vụ (phụ lục)":
        return "task table (appendix)"
    return PARTS_EN.get(name) or place_en(name)

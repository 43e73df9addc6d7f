"""The rows of a bảng so sánh (comparison table): one row per changed item of a plan diff.

A row holds the old and the new wording of the item as printed (number, text, a task's lines),
deleted words marked "del" and inserted words marked "ins", and the reason given for it in the
reasons file. Renumbering is not a row: it is a consequence, not an edit.
"""

from __future__ import annotations

from dataclasses import dataclass

from vanban.review.addressees import names_of, printed
from vanban.review.align import align_lines
from vanban.review.diff import Change, PlanDiff
from vanban.review.outline import LINE_LABELS, Node, table_at
from vanban.review.report import FRAME
from vanban.review.words import Segment, diff_words

Run = tuple[str, str]
"""A piece of text and its mark: "" (plain), "del", "ins" or "note"."""
Lines = tuple[tuple[Run, ...], ...]
"""A cell: paragraphs of runs."""

NOTES = {
    "added": ("(bổ sung mới)", "(new)"), "removed": ("(bỏ)", "(removed)"),
    "moved": ("(chuyển vị trí)", "(moved)"),
}

FOOTNOTE_LABEL = "Chú thích"
"""The line that shows a paragraph's footnote under it."""

FRAME_LABELS = {"frame.title": "Trích yếu", "frame.issuer": "Cơ quan ban hành",
                "frame.signer": "Người ký", "frame.authority": "Thẩm quyền ban hành"}
"""The name a frame field's line is shown after; the other lines say what they are."""

RECIPIENT_CODES = ("recipient.added", "recipient.removed", "recipient.wording")
"""A Nơi nhận line does not say what it is ("- Sở Tư pháp;"): its row names the part as
``vanban diff`` does ("Thêm nơi nhận: - Sở Tư pháp;"), not "Nơi nhận: …", which would read as
the table's own Nơi nhận block (ô 9b) to ``vanban check``."""


@dataclass(frozen=True)
class TableRow:
    """One changed item: what it was, what it is, why."""

    ref: str
    old: Lines
    new: Lines
    reason: str = ""


def _marked(segments: tuple[Segment, ...], side: str) -> tuple[Run, ...]:
    out: list[Run] = []
    for s in segments:
        text = s.old if side == "old" else s.new
        if text:
            out.append((text, "" if s.op == "equal" else ("del" if side == "old" else "ins")))
    return tuple(out)


def _plain(text: str, mark: str = "") -> tuple[Run, ...]:
    return ((text, mark),) if text else ()


def _node_lines(old: Node | None, new: Node | None, side: str, whole: str = "") -> Lines:
    """The printed lines of a block on one side, compared with the other side word by word;
    ``whole`` marks everything (an added or removed block)."""
    node = old if side == "old" else new
    if node is None:
        return ()
    other = new if side == "old" else old
    lines: list[tuple[Run, ...]] = []
    label = f"{node.label} " if node.label else ""
    named = False  # the label says where the block is, it is not printed with it
    if node.address.startswith("Điều ") and ", " in node.address or node.part or (
            node.kind != "section" and ("." in node.address or ", " in node.address)):
        # A khoản is named with its article ("Điều 2, khoản 1"), a block of the plan a
        # decision issues with that document ("Kế hoạch kèm theo, II.2"), a block inside a
        # section with it ("II.1": each section numbers its items from 1 again).
        label, named = f"{node.address}: ", True

    def line(prefix: str, mine: str, theirs: str | None) -> tuple[Run, ...]:
        if whole or theirs is None:
            # Where it is ("Kế hoạch kèm theo, IV: ") is not a word added or removed.
            return _plain(prefix, "" if named and prefix == label else whole) + _plain(mine, whole)
        a, b = (mine, theirs) if side == "old" else (theirs, mine)
        return _plain(prefix) + _marked(diff_words(a, b), side)

    lines.append(line(label, node.text, other.text if other else None))
    for name, title in (*LINE_LABELS.items(), ("footnote", FOOTNOTE_LABEL)):
        if name in node.fields:
            theirs = other.fields.get(name, "") if other else None
            lines.append(line(f"{title}: ", node.fields[name], theirs))
    return tuple(lines)


def _table_name(address: str) -> str:
    """A table's name at the start of a line: "Mục III, bảng 1", "Bảng 1" ("bảng 1"), a table
    with an id "Bảng kinh-phi"."""
    name = address if "bảng " in address else f"Bảng {address}"
    return name[:1].upper() + name[1:]


def _table_lines(ref: str, node: Node, side, mark: str) -> Lines:
    """A table added or removed whole, a line per row as it prints ("1 | Tập huấn | 120"),
    after its name as ``vanban diff`` gives it ("Mục III, bảng 1: " then the header), rather
    than all its rows run into one line."""
    table = table_at(side.part(node.part), node.table)
    head = f"{_table_name(ref)}: "
    rows = [" | ".join(table.header), *(" | ".join(r) for r in table.rows)]
    return tuple((_plain(head) if k == 0 else ()) + _plain(text, mark)
                 for k, text in enumerate(rows))


def _frame_lines(change: Change, side: str) -> Lines:
    """A frame field's line as printed, after the field's name where the line does not say
    what it is ("Trích yếu: …"; a "V/v …", "Căn cứ …" or "Số: …" line speaks for itself)."""
    label = (FRAME[change.code][0] if change.code in RECIPIENT_CODES
             else FRAME_LABELS.get(change.code, ""))
    mine = change.old if side == "old" else change.new
    if not mine:
        return ()
    if change.segments:
        body = _marked(change.segments, side)
    else:
        body = _plain(mine, "del" if side == "old" else "ins")
    return ((_plain(f"{label}: ") if label else ()) + body,)


def _kinh_gui_lines(old: tuple[str, ...], new: tuple[str, ...], side: str) -> Lines:
    """A Kính gửi whole on one side, its addressees paired as the diff pairs them: a reworded
    addressee marked word by word, one added or removed marked whole (its own line whole); the
    heading, dashes and end marks that change with the number of addressees are not marked."""
    a, b = printed(old), printed(new)
    na, nb = names_of(a), names_of(b)
    mine = a if side == "old" else b
    whole = "del" if side == "old" else "ins"
    marked: dict[int, tuple[Run, ...]] = {}
    alone: set[int] = set()  # added or removed
    for hunk in align_lines(na, nb):
        for i, j in hunk.reworded:
            marked[i if side == "old" else j] = _marked(diff_words(na[i], nb[j]), side)
        for k in hunk.removed if side == "old" else hunk.added:
            marked[k] = _plain((na if side == "old" else nb)[k], whole)
            alone.add(k)
    out: list[tuple[Run, ...]] = []
    k = -1
    for line in mine:
        if line.name is None:
            out.append(_plain(line.text))
            continue
        k += 1
        if k in alone and line.own:
            out.append(_plain(line.text, whole))
        else:
            out.append(_plain(line.before) + marked.get(k, _plain(line.name))
                       + _plain(line.after))
    return tuple(out)


def _row_lines(changes: list[Change], address: str) -> tuple[Lines, Lines]:
    """The changed rows of a body table, a line each in both columns: the row named after the
    table by the name ``vanban diff`` and the reasons file give it, as the document prints it
    ("Mục I, bảng 1, dòng 3 (Hội thi hòa giải viên giỏi): "; a table with an id: "Bảng
    kinh-phi, dòng 3 …"), then its changed cells after their columns' titles,
    marked word by word; a row added or removed whole."""
    old_lines: list[tuple[Run, ...]] = []
    new_lines: list[tuple[Run, ...]] = []
    name = _table_name(address)
    for change in changes:
        edit = change.row
        for side, lines in (("old", old_lines), ("new", new_lines)):
            if edit.action == ("added" if side == "old" else "removed"):
                continue
            head = _plain(f"{name}, {edit.where(old=side == 'old')}: ")
            runs: list[Run] = list(head)
            for title, old, new in edit.cells:
                mine = old if side == "old" else new
                if edit.action != "wording" and not mine:
                    continue
                if len(runs) > len(head):
                    runs.append(("; ", ""))
                runs += _plain(f"{title}: ") if title else ()
                if edit.action == "wording":
                    runs += _marked(diff_words(old, new), side) or _plain("∅")
                else:
                    runs += _plain(mine, "del" if side == "old" else "ins")
            lines.append(tuple(runs))
    return tuple(old_lines), tuple(new_lines)


def rows(diff: PlanDiff, reasons: dict[str, str] | None = None,
         by_block: dict[tuple, str] | None = None) -> list[TableRow]:
    """The rows of ``diff``, in the new document's order: one per changed item; its reason by
    its name in ``reasons``, else by its block (``Change.nodes``) in ``by_block``."""
    reasons, by_block = reasons or {}, by_block or {}
    by_ref: dict[object, list[Change]] = {}
    for i, change in enumerate(diff.changes):
        if change.renumbering:
            continue
        # A block's changes make one row; each frame change (a recipient …) is its own row.
        # The Kính gửi is one block: its lines are shown together, in both columns.
        key = (change.nodes if change.kind != "frame" else
               change.ref if change.ref == "kinh-gui" else f"frame {i}")
        by_ref.setdefault(key, []).append(change)
    out = []
    for changes in by_ref.values():
        first = changes[0]
        reason = reasons.get(first.ref, "") or by_block.get(first.nodes, "")
        if first.ref == "kinh-gui":
            old_kg, new_kg = diff.old.frame.kinh_gui, diff.new.frame.kinh_gui
            out.append(TableRow(first.ref, _kinh_gui_lines(old_kg, new_kg, "old"),
                                _kinh_gui_lines(old_kg, new_kg, "new"), reason))
            continue
        if first.kind == "frame":
            out.append(TableRow(first.ref, _frame_lines(first, "old"),
                                _frame_lines(first, "new"), reason))
            continue
        if any(c.field == "row" for c in changes):
            moved = any(c.code.endswith(".moved") for c in changes)
            node = diff.new.nodes[first.nodes[1]]
            old_lines, new_lines = _row_lines([c for c in changes if c.field == "row"],
                                              node.address)
            if moved:
                new_lines = new_lines + (((NOTES["moved"][0], "note"),),)
            out.append(TableRow(first.ref, old_lines, new_lines, reason))
            continue
        action = first.code.rsplit(".", 1)[-1]
        i, j = first.nodes
        old = diff.old.nodes[i] if i is not None else None
        new = diff.new.nodes[j] if j is not None else None
        note = NOTES.get(action, ("", ""))[0]
        whole_old = "del" if action == "removed" else ""
        whole_new = "ins" if action == "added" else ""
        # A moved block is compared with itself at its old place: words reworded while it
        # moved are marked like any other rewording (an unchanged move marks nothing).
        old_lines = _node_lines(old, new, "old", whole_old)
        new_lines = _node_lines(old, new, "new", whole_new)
        if action in ("added", "removed") and (old or new).kind == "table":
            side = diff.old if action == "removed" else diff.new
            lines = _table_lines(first.ref, old or new, side, whole_old or whole_new)
            old_lines, new_lines = (lines, ()) if action == "removed" else ((), lines)
        if note:
            new_lines = new_lines + (((note, "note"),),)
        out.append(TableRow(first.ref, old_lines, new_lines, reason))
    return out

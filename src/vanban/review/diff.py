"""The semantic diff of two outlines of a plan: what a reviewer would list, in the plan's terms.

Tasks and targets are matched by their ids (those of the plan a Quyết định issues too: its
printed copy knows them, ``outline``), other blocks by their wording (in printed order, then by
similarity for a reworded block); two blocks with ids of their own are never one block. A matched block that only got another number is
"renumbered", one that left its place is "moved"; wording is compared word by word
(``words``), task fields (lead, coordinating units, timeline, output) one by one, and the frame
(number, date, title, signer, căn cứ, Nơi nhận) field by field.
"""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass, field

from vanban.review.addressees import names
from vanban.review.align import align, align_lines
from vanban.review.outline import Frame, Node, Outline, table_at
from vanban.review.tables import RowEdit, row_edits
from vanban.review.words import Segment, diff_words, similarity, text_key


@dataclass(frozen=True)
class Change:
    """One difference. ``ref`` names the block for people and for the reasons file: a task's or
    target's id, a frame field ("so", "ngay", "trich-yeu", "nguoi-ky", "noi-nhan"), or the
    block's printed address ("II.3", "I.1.-2")."""

    code: str
    ref: str
    kind: str
    old: str = ""
    new: str = ""
    old_label: str = ""
    new_label: str = ""
    segments: tuple[Segment, ...] = ()
    field: str = "text"
    extra: tuple[tuple[str, str], ...] = ()
    """An added or removed block's fields (a task's lead, support, timeline, output; a
    target's value; a paragraph's footnote)."""
    nodes: tuple[int | None, int | None] = (None, None)
    """The block's index in the old and in the new outline (None where it is absent)."""
    row: object = None
    """For a change of a body table (``field`` "row"): the row's ``tables.RowEdit``."""

    @property
    def renumbering(self) -> bool:
        return self.code == "renumbered"


@dataclass
class PlanDiff:
    """The changes between two versions of one plan, in the new version's order (the frame's
    head, the body, then Nơi nhận and the signer)."""

    old: Outline
    new: Outline
    changes: list[Change] = field(default_factory=list)
    pairs: list[tuple[int | None, int | None]] = field(default_factory=list)
    """Every old and new node: matched (both indexes), removed (new None) or added (old None)."""
    moved: set[int] = field(default_factory=set)
    """Indexes of the new nodes that left their place (with everything inside them)."""
    issued_changed: bool = False
    """The plan has its number on both sides (it was issued) and its content changed."""

    @property
    def empty(self) -> bool:
        return not self.changes

    def summary(self) -> dict[str, int]:
        """Tasks and targets with an id: how many came, went, and changed (renumbering alone
        is not a change)."""
        # A decision's own: the ids of the plan it issues are not printed in it.
        old = {n.key: n for n in self.old.nodes if n.key and not n.part}
        new = {n.key: n for n in self.new.nodes if n.key and not n.part}
        edited = {c.ref for c in self.changes if not c.renumbering
                  and not c.code.endswith((".added", ".removed"))}
        return {"added": len(set(new) - set(old)), "removed": len(set(old) - set(new)),
                "changed": sum(1 for k in set(old) & set(new) if new[k].address in edited)}


def _pair_nodes(old: list[Node], new: list[Node]) -> dict[int, int]:
    """old index → new index for every block found on both sides: by id, then by wording; a
    block of a document issued with the compared one (``Node.part``) only with a block of the
    same document."""
    matched: dict[int, int] = {}
    for part in sorted({n.part for n in old} & {n.part for n in new}):
        matched.update(_pair_part([n for n in old if n.part == part],
                                  [n for n in new if n.part == part]))
    return matched


def _pair_part(old: list[Node], new: list[Node]) -> dict[int, int]:
    matched: dict[int, int] = {}
    new_keys = {n.key: n for n in new if n.key}
    for n in old:
        m = new_keys.get(n.key) if n.key else None
        if m is not None and m.kind == n.kind:
            matched[n.index] = m.index
    taken = set(matched.values())
    a = [n for n in old if n.index not in matched]
    b = [n for n in new if n.index not in taken]
    # Two blocks with their own ids left over are two blocks, however alike (a task removed
    # and another added in its place): ``_pair_moved`` says why.
    pairs = align([(n.kind, text_key(n.text)) for n in a], [(n.kind, text_key(n.text)) for n in b],
                  lambda i, j: similarity(a[i].text, b[j].text)
                  if b[j].kind == a[i].kind and not (a[i].key and b[j].key) else 0.0)
    matched.update((a[i].index, b[j].index) for i, j in pairs.items()
                   if not (a[i].key and b[j].key))
    _pair_moved(old, new, matched)
    return matched


def _pair_moved(old: list[Node], new: list[Node], matched: dict[int, int]) -> None:
    """Pair, in ``matched``, the blocks without id left over by the in-order alignment whose
    wording is the same on both sides, once each: a block moved past others (a task of a
    plan issued with a decision, printed without its id, moved to another item) is found
    moved, as its plan's own diff finds it by id, not removed at one place and added at the
    other; then, most alike first, those whose wording is nearly the same (moved and
    reworded)."""
    # A task or target with an id is itself by its id alone: one left over was removed (or
    # added), however alike its wording ("… xã Cẩm Xuyên" removed, "… xã Cẩm Bình" added).
    old, new = ([n for n in nodes if not n.key and n.text.strip()] for nodes in (old, new))
    taken = set(matched.values())
    groups: dict[tuple[str, str], tuple[list[int], list[int]]] = {}
    for side, nodes, skip in ((0, old, matched), (1, new, taken)):
        for n in nodes:
            if n.index not in skip:
                groups.setdefault((n.kind, text_key(n.text)), ([], []))[side].append(n.index)
    for olds, news in groups.values():
        if len(olds) == 1 and len(news) == 1:
            matched[olds[0]] = news[0]
    # Then a block reworded as it moved, most alike first, when it is nearly the same wording.
    taken = set(matched.values())
    a = [n for n in old if n.index not in matched]
    b = [n for n in new if n.index not in taken]
    if len(a) * len(b) > MOVED_PAIRS:  # a rewrite, not a move: removed and added
        return
    scored = sorted((-similarity(x.text, y.text), k, m) for k, x in enumerate(a)
                    for m, y in enumerate(b) if x.kind == y.kind)
    used_old: set[int] = set()
    used_new: set[int] = set()
    for score, k, m in scored:
        if -score < MOVED_ALIKE:
            break
        if k not in used_old and m not in used_new:
            used_old.add(k)
            used_new.add(m)
            matched[a[k].index] = b[m].index


MOVED_PAIRS = 10_000
"""At most this many (left over, new) pairs are weighed for a moved-and-reworded block (each
a word-by-word comparison): past it, a document mostly rewritten is not searched for moves."""

MOVED_ALIKE = 0.8
"""How alike the wording of a block left over at its old place and one at a new place must be
to be one block moved and reworded (stricter than the in-place ``SIMILAR``: far apart, two
blocks that share half their words are more often two blocks)."""


def _kept_in_order(matched: dict[int, int]) -> set[int]:
    """The old indexes of the longest run of matches that kept their relative order."""
    items = sorted(matched.items())
    tails: list[int] = []
    tail_at: list[int] = []
    back: list[int] = [-1] * len(items)
    for pos, (_, j) in enumerate(items):
        k = bisect.bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            tail_at.append(pos)
        else:
            tails[k], tail_at[k] = j, pos
        back[pos] = tail_at[k - 1] if k else -1
    keep = set()
    pos = tail_at[-1] if tail_at else -1
    while pos >= 0:
        keep.add(items[pos][0])
        pos = back[pos]
    return keep


def _fields(old: Node, new: Node, ref: str) -> list[Change]:
    out = []
    for name in ("lead", "support", "timeline", "output", "value", "footnote"):
        a, b = old.fields.get(name, ""), new.fields.get(name, "")
        if text_key(a) != text_key(b):
            out.append(Change(f"{new.kind}.{name}", ref, new.kind, a, b, old.label, new.label,
                              diff_words(a, b), name))
    return out


def compare(old: Outline, new: Outline) -> PlanDiff:
    """Every change from ``old`` to ``new``."""
    matched = _pair_nodes(old.nodes, new.nodes)
    keep = _kept_in_order(matched)
    back = {j: i for i, j in matched.items()}
    result = PlanDiff(old, new)
    moved_new: set[int] = set()
    for i, j in matched.items():
        po, pn = old.nodes[i].parent, new.nodes[j].parent
        parent_moved = (po is None) != (pn is None) or (po is not None and matched.get(po) != pn)
        if i not in keep or parent_moved:
            moved_new.add(j)
    # A block moved with its parent is not reported (nor marked) on its own.
    top_moved = {j for j in moved_new
                 if new.nodes[j].parent is None or new.nodes[j].parent not in moved_new}
    result.moved = moved_new
    body: list[tuple[float, Change]] = []

    def add(at: float, change: Change, i: int | None, j: int | None) -> None:
        body.append((at, dataclasses.replace(change, nodes=(i, j))))

    for n in new.nodes:
        j = n.index
        ref = n.address
        if j not in back:
            add(j, Change(f"{n.kind}.added", ref, n.kind, "", n.text, "", n.label,
                          extra=tuple(n.fields.items())), None, j)
            continue
        o = old.nodes[back[j]]
        if j in top_moved:
            add(j, Change(f"{n.kind}.moved", ref, n.kind, o.text, n.text, o.label, n.label,
                          field="place"), o.index, j)
        elif o.label != n.label and j not in moved_new:
            add(j, Change("renumbered", ref, n.kind, o.label, n.label, o.label, n.label,
                          field="label"), o.index, j)
        if text_key(o.text) != text_key(n.text) and n.table is not None and o.table is not None:
            for k, edit in enumerate(row_edits(table_at(old.part(o.part), o.table),
                                               table_at(new.part(n.part), n.table))):
                add(j + 0.1 + k * 1e-4, _row_change(edit, ref), o.index, j)
        elif text_key(o.text) != text_key(n.text):
            add(j + 0.1, Change(f"{n.kind}.wording", ref, n.kind, o.text, n.text, o.label,
                                n.label, diff_words(o.text, n.text)), o.index, j)
        for c in _fields(o, n, ref):
            add(j + 0.2, c, o.index, j)
    for o in old.nodes:
        if o.index in matched:
            continue
        # Shown where it stood: after the new place of the block that preceded it.
        before = [matched[i] for i in range(o.index) if i in matched]
        at = (max(before) if before else -1) + 0.5
        add(at, Change(f"{o.kind}.removed", o.address, o.kind, o.text, "", o.label, "",
                       extra=tuple(o.fields.items())), o.index, None)
    body.sort(key=lambda item: item[0])
    head, tail = _frame(old.frame, new.frame)
    result.changes = head + [c for _, c in body] + tail
    result.pairs = _pairs(old, new, matched)
    result.issued_changed = bool(old.frame.issued and new.frame.issued and result.changes
                                 and old.frame.number == new.frame.number)
    return result


def _row_change(edit: RowEdit, ref: str) -> Change:
    """One changed row of a body table, named after the table (``ref``)."""
    old = " | ".join(x for _, x, _ in edit.cells)
    new = " | ".join(y for _, _, y in edit.cells)
    code = "table.row" if edit.action == "wording" else f"table.row-{edit.action}"
    return Change(code, ref, "table", old if edit.action != "added" else "",
                  new if edit.action != "removed" else "", field="row", row=edit)


def _pairs(old: Outline, new: Outline, matched: dict[int, int]
           ) -> list[tuple[int | None, int | None]]:
    back = {j: i for i, j in matched.items()}
    out: list[tuple[int | None, int | None]] = [(back.get(n.index), n.index) for n in new.nodes]
    out += [(o.index, None) for o in old.nodes if o.index not in matched]
    return out


FRAME_FIELDS = (("issuer", "co-quan", "frame.issuer"), ("number", "so", "frame.number"),
                ("v_v", "v-v", "frame.v-v"), ("place_date", "ngay", "frame.date"),
                ("title", "trich-yeu", "frame.title"), ("authority", "tham-quyen", "frame.authority"))
"""The fields of the document's head, in the order it is read (issuer and number on the left,
then place and date, then the title)."""


def _frame(old: Frame, new: Frame) -> tuple[list[Change], list[Change]]:
    """The frame's changes as the document reads: those of its head (before the body), and
    those of its foot (Nơi nhận, then the signer: after the body)."""
    out = []
    for name, ref, code in FRAME_FIELDS:
        a, b = getattr(old, name), getattr(new, name)
        a, b = (" / ".join(a), " / ".join(b)) if isinstance(a, tuple) else (a, b)
        if text_key(a) != text_key(b):
            out.append(Change(code, ref, "frame", a, b, segments=diff_words(a, b), field=name))
    out += _list_changes(old.can_cu, new.can_cu, "can-cu", "frame.can-cu")
    out += _list_changes(old.proposal, new.proposal, "de-nghi", "frame.proposal")
    # The addressees, not their lines: the "Kính gửi:" heading above a list is frame.
    out += _list_changes(names(old.kinh_gui), names(new.kinh_gui), "kinh-gui", "frame.kinh-gui")
    foot = _list_changes(old.recipients, new.recipients, "noi-nhan", "recipient")
    a = signer_text(old)
    b = signer_text(new)
    if text_key(a) != text_key(b):
        foot.append(Change("frame.signer", "nguoi-ky", "frame", a, b, segments=diff_words(a, b),
                           field="signer"))
    return out, foot


def signer_text(frame: Frame) -> str:
    """The signer by name and position, as printed: "Hồ An Phong (KT. CHỦ TỊCH, PHÓ CHỦ TỊCH)"."""
    lines = [ln for ln in frame.signature if not ln.startswith("TM.")]
    return f"{frame.signer} ({', '.join(lines)})" if lines else frame.signer


def _list_changes(old: tuple[str, ...], new: tuple[str, ...], ref: str, code: str
                  ) -> list[Change]:
    """Entries added, removed or reworded in a list printed one entry a line."""
    out = []
    for hunk in align_lines(old, new):
        for i, j in hunk.reworded:
            x, y = old[i], new[j]
            out.append(Change(f"{code}.wording", ref, "frame", x, y, segments=diff_words(x, y),
                              field=ref))
        out += [Change(f"{code}.removed", ref, "frame", old[i], "", field=ref)
                for i in hunk.removed]
        out += [Change(f"{code}.added", ref, "frame", "", new[j], field=ref) for j in hunk.added]
    return out

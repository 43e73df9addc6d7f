"""The reasons of a plan carried to the bảng so sánh of the Quyết định that issues it.

A reviewer writes the reasons of a round once, beside the plan (``ke-hoach.ly-do.yaml``), keyed
as the plan's own ``vanban diff`` names its blocks: a task by its id, a table by "Mục III, bảng
1". The decision's comparison names the same blocks as its attached copy prints them ("Kế hoạch
kèm theo, II.2.2"). A task or target of the copy knows its id (``Node.key``, given by the plan
the copy prints); another block of the copy and a block of the plan are the same when they
print from the same paragraph, table or appendix row (``Node.place``: the copy is the plan's
own composed body).
"""

from __future__ import annotations

from vanban.review.diff import PlanDiff
from vanban.review.outline import Node, Outline


def _names(node: Node, by_place: dict[tuple, Node]) -> list[str]:
    """The names the plan's own comparison gives ``node`` (a block of the copy), or gave it
    once (a reasons file written with an earlier vanban): its id first."""
    out = [node.key.partition(":")[2]] if node.key else []
    plan = by_place.get(node.place)
    if plan is not None:
        out += [x for x in (plan.address, plan.former) if x]
    return out


def carried_reasons(diff: PlanDiff, plans: tuple[Outline | None, Outline | None],
                    reasons: dict[str, str]) -> dict[tuple, str]:
    """The reasons of ``diff`` (a decision's comparison) for the changed blocks of the plan it
    issues, by block (``Change.nodes``: a block removed at "II.2.2" and one moved to "II.2.2"
    share their printed name, not their reason), from ``reasons`` (keyed as the plan's own
    comparison keys them); ``plans`` are the plan's outlines at the old and the new side
    (None: not read)."""
    by_place = [{n.place: n for n in plan.nodes if n.place is not None}
                if plan is not None else {} for plan in plans]
    out: dict[tuple, str] = {}
    for change in diff.changes:
        if change.renumbering or change.kind == "frame" or change.nodes in out:
            continue
        for k, (side, at) in enumerate(zip((diff.old, diff.new), change.nodes)):
            if at is None:
                continue
            node = side.nodes[at]
            if node.part != 1:  # a block of the decision itself, or of a second attachment
                continue
            name = next((x for x in _names(node, by_place[k]) if x in reasons), None)
            if name is not None:
                out[change.nodes] = reasons[name]
                break
    return out

"""Where a plan names units: the data path of every unit reference, for the text editors
(new-year, rename-unit) that rewrite a plan file in place. Any document type: the body is
walked through ``model.walk``."""

from __future__ import annotations

from vanban.model import walk


def unit_paths(plan) -> list[tuple]:
    """The data path of every unit reference of ``plan``: the issuer, a Công văn's Kính gửi,
    a task's lead and coordinating units, a unit's duties."""
    from vanban.model.blocks import Task, UnitDuty

    out: list[tuple] = [("issuer",)]
    out += [("kinh_gui", k) for k in range(len(getattr(plan, "kinh_gui", ())))]
    for path, block in walk.blocks(plan):
        if isinstance(block, Task):
            out.extend(path + ("lead", k) for k in range(len(block.lead)))
            out.extend(path + ("support", k) for k in range(len(block.support)))
        elif isinstance(block, UnitDuty):
            out.extend(path + ("unit", k) for k in range(len(block.unit)))
    return out


def value_at(plan, path: tuple) -> str:
    """The reference at ``path`` as written (without a leading "và ")."""
    node = plan
    for step in path:
        node = node[step] if isinstance(step, int) else getattr(node, step)
    return node.removeprefix("và ")

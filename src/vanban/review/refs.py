"""Where a plan names units: the data path of every unit reference, for the text editors
(new-year, rename-unit) that rewrite a plan file in place."""

from __future__ import annotations


def sections(plan):
    """(path of the content list, blocks) of every section, inside parts too."""
    if plan.parts:
        for pi, part in enumerate(plan.parts):
            for si, section in enumerate(part.sections):
                yield ("parts", pi, "sections", si, "content"), section.content
    else:
        for si, section in enumerate(plan.sections):
            yield ("sections", si, "content"), section.content


def unit_paths(plan) -> list[tuple]:
    """The data path of every unit reference of ``plan``: the issuer, a task's lead and
    coordinating units, a unit's duties."""
    from vanban.model.blocks import Item, Numbered, Task, UnitDuty

    out: list[tuple] = [("issuer",)]

    def walk(blocks, path: tuple) -> None:
        for i, block in enumerate(blocks):
            here = path + (i,)
            if isinstance(block, Task):
                out.extend(here + ("lead", k) for k in range(len(block.lead)))
                out.extend(here + ("support", k) for k in range(len(block.support)))
            if isinstance(block, UnitDuty):
                out.extend(here + ("unit", k) for k in range(len(block.unit)))
            if isinstance(block, (Task, Item, Numbered, UnitDuty)):
                walk(block.content, here + ("content",))

    for content_path, blocks in sections(plan):
        walk(blocks, content_path)
    return out


def value_at(plan, path: tuple) -> str:
    """The reference at ``path`` as written (without a leading "và ")."""
    node = plan
    for step in path:
        node = node[step] if isinstance(step, int) else getattr(node, step)
    return node.removeprefix("và ")

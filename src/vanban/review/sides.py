"""The diff of two sides: two plans, or two folders of plans with their registries.

Plans of two folders are paired by their path inside the folder. A registry change (a unit
renamed, a signer's position) is listed with the plans whose printed text it changes: the plans
whose own file did not change but whose composed text did. A plan whose own file did not change
but a file it names did (the plan a Quyết định issues) is listed with that file: the decision
prints the plan, so a plan edit changes it too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vanban.errors import Diagnostic, Span, VanbanError
from vanban.review.diff import PlanDiff, compare
from vanban.review.outline import outline


@dataclass
class PlanSource:
    """One plan, loaded, validated and composed."""

    rel: str
    """Its path inside the compared folder (a single file: its file name)."""
    display: str
    plan: object
    loaded: object
    document: object
    registry: object
    doctype: object = None


@dataclass
class Side:
    """One side of a comparison: its plans by relative path, and the registries they use."""

    spec: str
    is_tree: bool
    plans: dict[str, PlanSource] = field(default_factory=dict)
    source_text: dict[str, str] = field(default_factory=dict)
    """Each plan file's own text (to tell a plan edit from a registry edit)."""
    registry_text: dict[str, tuple] = field(default_factory=dict)
    """The text of the registry files each plan sees (the same text: the same registry)."""


@dataclass(frozen=True)
class RegistryChange:
    """One registry entry added, removed or changed (``what`` is "unit" or "signer")."""

    what: str
    id: str
    old: str
    new: str


@dataclass
class SideDiff:
    old_spec: str
    new_spec: str
    plans: list[tuple[str, str, PlanDiff]] = field(default_factory=list)
    """(old display, new display, diff) for every plan present on both sides."""
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    registry: list[RegistryChange] = field(default_factory=list)
    registry_effects: list[str] = field(default_factory=list)
    """Plans whose file is the same on both sides but whose printed text changed with the
    registry."""
    file_effects: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    """Plans whose file is the same on both sides but whose printed text changed with a file
    they name (the plan a Quyết định issues, a report's data): (plan, those files)."""
    renamed: list[tuple[str, str]] = field(default_factory=list)
    """(old display, new display) of the plans renamed or moved; each is diffed in ``plans``."""

    @property
    def empty(self) -> bool:
        return (not self.added and not self.removed and not self.registry and not self.renamed
                and all(d.empty for _, _, d in self.plans))


def compare_sides(old: Side, new: Side) -> SideDiff:
    """Pair the plans of the two sides and diff each pair."""
    if old.is_tree != new.is_tree:
        raise VanbanError([Diagnostic(
            "diff.mixed", "Hai bên phải cùng là tệp kế hoạch, hoặc cùng là thư mục.",
            Span(f"{old.spec} {new.spec}"),
            message_en="Both sides must be plan files, or both folders.")])
    out = SideDiff(old.spec, new.spec)
    if not old.is_tree:
        (a,), (b,) = old.plans.values(), new.plans.values()
        diff = _diff(a, b)
        out.plans.append((a.display, b.display, diff))
        # One plan: a registry edit it does not print (a unit it never calls) is no change
        # of it; one it prints is listed beside the plan's changes, as their cause.
        if a.document != b.document:
            out.registry = registry_changes(old, new)
        if not diff.empty and old.source_text.get(a.rel) == new.source_text.get(b.rel):
            _effect(out, b.display, old.registry_text.get(a.rel), new.registry_text.get(b.rel),
                    bool(out.registry))
        return out
    renamed = _renamed(old, new)
    for rel in sorted(set(old.plans) | set(new.plans)):
        a, b = old.plans.get(rel), new.plans.get(rel)
        if a is None and rel in renamed.values():
            continue  # diffed as the file it was renamed from
        if a is not None and rel in renamed:
            b = new.plans[renamed[rel]]
            out.renamed.append((a.display, b.display))
        if a is None:
            out.added.append(b.display)
        elif b is None:
            out.removed.append(a.display)
        else:
            diff = _diff(a, b)
            out.plans.append((a.display, b.display, diff))
            if not diff.empty and old.source_text.get(rel) == new.source_text.get(rel):
                _effect(out, b.display, old.registry_text.get(rel), new.registry_text.get(rel))
    out.registry = registry_changes(old, new)
    return out


def _renamed(old: Side, new: Side) -> dict[str, str]:
    """Old path → new path of the plans renamed or moved (``git mv``): a file only on the old
    side and one only on the new side with the same text, else of one type with the same id
    (a plan renamed and edited). A pair is taken only when it is the one candidate both ways."""
    gone = [r for r in old.plans if r not in new.plans]
    came = [r for r in new.plans if r not in old.plans]

    def same(a: str, b: str) -> bool:
        if old.source_text.get(a) is not None and old.source_text.get(a) == new.source_text.get(b):
            return True
        pa, pb = old.plans[a].plan, new.plans[b].plan
        ida, idb = getattr(pa, "id", None), getattr(pb, "id", None)
        return bool(ida) and ida == idb and type(pa) is type(pb)

    out = {}
    for a in gone:
        mine = [b for b in came if same(a, b)]
        if len(mine) == 1 and [x for x in gone if same(x, mine[0])] == [a]:
            out[a] = mine[0]
    return out


def _effect(out: SideDiff, display: str, old_made, new_made, registry: bool = True) -> None:
    """Say why a plan whose own file did not change prints differently: a file it names
    changed (``made`` is a side's (registry files, named files) of the plan), else the
    registry (listed only when ``registry``: a single plan's diff lists it with the registry's
    changes)."""
    old_named = dict(old_made[1]) if old_made else {}
    new_named = dict(new_made[1]) if new_made else {}
    changed = tuple(name for name in sorted(set(old_named) | set(new_named))
                    if old_named.get(name) != new_named.get(name))
    if changed:
        out.file_effects.append((display, changed))
    elif registry:
        out.registry_effects.append(display)


def _diff(a, b) -> PlanDiff:
    old, new = outline(a.plan, a.document), outline(b.plan, b.document)
    if a.document == b.document:  # the same printed document: nothing to align
        return PlanDiff(old, new, pairs=[(n.index, n.index) for n in new.nodes])
    return compare(old, new)


def _entries(side: Side) -> dict[tuple[str, str], str]:
    """Every unit and signer the side's plans can see, printed as a reviewer reads them."""
    out: dict[tuple[str, str], str] = {}
    for item in side.plans.values():
        registry = item.registry
        for uid, unit in registry.units.items():
            out.setdefault(("unit", uid), unit.name)
        for sid, signer in registry.signers.items():
            out.setdefault(("signer", sid), f"{signer.name} ({signer.position})")
    return out


def registry_changes(old: Side, new: Side) -> list[RegistryChange]:
    a, b = _entries(old), _entries(new)
    return [RegistryChange(what, rid, a.get((what, rid), ""), b.get((what, rid), ""))
            for what, rid in sorted(set(a) | set(b)) if a.get((what, rid)) != b.get((what, rid))]

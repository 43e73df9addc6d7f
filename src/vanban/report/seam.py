"""The one place the report package meets the rest of vanban's model: the plan's model and
loader, the registry, the schema-diagnostic translation and the shared value types.

When those move, only this module changes. (The other direction, the report as a document type
of the build, is ``vanban.doctypes.report``.)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from vanban.errors import Diagnostic, Span, VanbanError
from vanban.model.blocks import Item, Numbered, Strict, Target, Task, UnitDuty
from vanban.model.diagnostics import dotted, from_validation_error
from vanban.model.plan import Archive, Plan, Signature
from vanban.model.types import Int, IsoDate, Number, Slug, Text, Word, Year, as_tuple
from vanban.resolve.registry import Registry, unknown_unit
from vanban.rules import nd30
from vanban.source.loader import Loaded, load_file
from vanban.workspace import load_registry, shared_dirs

__all__ = [
    "Archive", "Int", "IsoDate", "Loaded", "Number", "PlanFacts", "PlanTarget", "PlanTask",
    "Registry", "Signature", "Slug", "Strict", "Text", "Word", "Year", "as_tuple", "dotted",
    "from_validation_error", "load_file", "nd30", "plan_facts", "registry_for", "shared_dirs",
    "unknown_unit",
]


@dataclass(frozen=True)
class PlanTask:
    """A task of the plan: its stable id, its text and the heading it stands under."""

    id: str
    text: str
    group: str


@dataclass(frozen=True)
class PlanTarget:
    """A numeric target (chỉ tiêu) of the plan."""

    id: str
    text: str
    value: float | None
    unit: str | None


@dataclass(frozen=True)
class PlanFacts:
    """What a report needs of its plan."""

    path: Path
    display: str
    plan: Plan
    tasks: tuple[PlanTask, ...]
    targets: tuple[PlanTarget, ...]
    year: int
    type_name: str
    reference: str
    """"Kế hoạch số 87/KH-UBND ngày 16/01/2024 của Ủy ban nhân dân tỉnh Quảng Bình"."""


def plan_facts(path: Path, display: str, registry: Registry, loaded: Loaded | None = None
               ) -> PlanFacts:
    """Load and validate the plan at ``path`` (its YAML ``loaded`` already, when given);
    VanbanError with its problems."""
    plan = load_plan(path, display, loaded)
    tasks: list[PlanTask] = []
    targets: list[PlanTarget] = []
    sections = [s for part in plan.parts for s in part.sections] or list(plan.sections)
    for section in sections:
        _walk(section.content, section.title, tasks, targets)
    type_name = nd30.DOCUMENT_TYPES[plan.type][0].capitalize()
    issuer = registry.unit(plan.issuer)
    issuer_name = issuer.unit.name if issuer else plan.issuer
    abbr = nd30.DOCUMENT_TYPES[plan.type][1] or ""
    code = plan.code or (f"{abbr}-{issuer.unit.abbr}" if issuer and issuer.unit.abbr else abbr)
    reference = type_name
    if plan.number is not None:
        reference += f" số {nd30.number_and_code(plan.number, code)}"
    if plan.date is not None:
        reference += f" ngày {plan.date.day:02d}/{plan.date.month:02d}/{plan.date.year}"
    reference += f" của {issuer_name}"
    year = plan.year or (plan.date.year if plan.date else 0)
    return PlanFacts(path, display, plan, tuple(tasks), tuple(targets), year, type_name,
                     reference)


def load_plan(path: Path, display: str, loaded: Loaded | None = None) -> Plan:
    """Read and validate a plan file (a Kế hoạch or another Mẫu 1.4 document) as the build
    does, without the build: the build knows the report type and sits above this package."""
    loaded = loaded if loaded is not None else load_file(path, display)
    if not isinstance(loaded.data, dict):
        raise VanbanError([Diagnostic(
            "plan.not-mapping", "Tệp kế hoạch phải là một nhóm trường (issuer:, title:, …).",
            Span(display, 1, 1), message_en="A plan file must be a YAML mapping.")])
    try:
        return Plan.model_validate(loaded.data)
    except ValidationError as exc:
        raise VanbanError(loaded.warnings + from_validation_error(exc, loaded, Plan)) from None


def _walk(blocks: tuple, group: str, tasks: list[PlanTask], targets: list[PlanTarget]) -> None:
    for block in blocks:
        if isinstance(block, Target):
            if block.id:
                targets.append(PlanTarget(block.id, block.target, block.value, block.unit))
        elif isinstance(block, Task):
            tasks.append(PlanTask(block.id, block.task, group))
            _walk(block.content, group, tasks, targets)
        elif isinstance(block, Item):
            _walk(block.content, block.item, tasks, targets)
        elif isinstance(block, (Numbered, UnitDuty)):
            _walk(block.content, group, tasks, targets)


def registry_for(source: Path) -> Registry:
    """The registry of the ``_shared`` folders above ``source``; VanbanError when broken."""
    return load_registry(shared_dirs(source))

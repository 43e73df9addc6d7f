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
from vanban.model.checks.title_lines import summary_lines
from vanban.model.diagnostics import dotted, from_validation_error, type_unsupported
from vanban.model.plan import Archive, Plan, Signature
from vanban.model.quyet_dinh import QuyetDinh
from vanban.model.types import Int, IsoDate, Number, Slug, Text, Word, Year, as_tuple
from vanban.resolve.names import fold as without_marks
from vanban.resolve.registry import Registry, unknown_unit
from vanban.rules import nd30
from vanban.source.loader import Loaded, load_file, load_text
from vanban.workspace import load_registry, shared_dirs

__all__ = [
    "PLAN_TYPES", "Archive", "Int", "IsoDate", "Issuing", "Loaded", "Number", "PlanFacts",
    "PlanTarget", "PlanTask", "QuyetDinh", "Registry", "Signature", "Slug", "Strict", "Text",
    "Word", "Year", "as_tuple", "dotted", "from_validation_error", "load_file", "load_text",
    "nd30", "plan_facts", "registry_for", "shared_dirs", "summary_lines", "unknown_unit",
    "without_marks",
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
    subject: str = ""
    """The plan's trích yếu as the words after "về": "triển khai công tác phổ biến, giáo dục
    pháp luật năm 2026" (empty when the plan has no title)."""
    issuer_id: str | None = None
    """The registry id of the plan's issuer (None when the registry does not know it)."""

    @property
    def about(self) -> str:
        """The reference with the plan's subject: "Kế hoạch số … của … về <trích yếu>"."""
        return f"{self.reference} về {self.subject}" if self.subject else self.reference


def plan_facts(path: Path, display: str, registry: Registry, loaded: Loaded | None = None,
               named_at: Span | None = None, issued_by: Issuing | None = None) -> PlanFacts:
    """Load and validate the plan at ``path`` (its YAML ``loaded`` already, when given);
    VanbanError with its problems. ``named_at`` is where the report names the plan (the file
    of another type is said to be so there); ``issued_by`` the Quyết định that issues it, through
    which it is then named."""
    plan = load_plan(path, display, loaded, named_at)
    tasks: list[PlanTask] = []
    targets: list[PlanTarget] = []
    sections = [s for part in plan.parts for s in part.sections] or list(plan.sections)
    for section in sections:
        _walk(section.content, section.title, tasks, targets)
    type_name = nd30.DOCUMENT_TYPES[plan.type][0].capitalize()
    about = subject(plan.title)
    if issued_by is not None:
        named, issuer = _number_date(issued_by.decision, registry)
        reference = f"{type_name} ban hành kèm theo Quyết định{named}"
    else:
        named, issuer = _number_date(plan, registry)
        reference = type_name + named
    issuer_name = issuer.unit.name if issuer else plan.issuer
    reference += f" của {without_place(issuer_name, about)}"
    year = plan.year or (plan.date.year if plan.date else 0)
    return PlanFacts(path, display, plan, tuple(tasks), tuple(targets), year, type_name,
                     reference, about, issuer.id if issuer else None)


@dataclass(frozen=True)
class Issuing:
    """A Quyết định that issues a plan (``attachment:``): its file and its validated model."""

    path: Path
    decision: QuyetDinh


def _number_date(doc: Plan | QuyetDinh, registry: Registry) -> tuple[str, object]:
    """" số 87/KH-UBND ngày 16/01/2024" (what the document has of them) and its issuer's hit."""
    issuer = registry.unit(doc.issuer)
    abbr = nd30.DOCUMENT_TYPES[doc.type][1] or ""
    code = doc.code or (f"{abbr}-{issuer.unit.abbr}" if issuer and issuer.unit.abbr else abbr)
    out = ""
    if doc.number is not None:
        out += f" số {nd30.number_and_code(doc.number, code)}"
    if doc.date is not None:
        out += f" ngày {doc.date.day:02d}/{doc.date.month:02d}/{doc.date.year}"
    return out, issuer


PLACE_LEVELS = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "đặc khu")
"""The words before a place's name in an authority's name ("Ủy ban nhân dân tỉnh Quảng Trị")."""


def without_place(name: str, about: str) -> str:
    """``name`` without its place's name when the subject ``about`` names that place already:
    "Ủy ban nhân dân tỉnh Quảng Trị" → "Ủy ban nhân dân tỉnh" before "… trên địa bàn tỉnh
    Quảng Trị …" (so the reference does not say "tỉnh Quảng Trị" twice, as real reports
    write it); else ``name``."""
    folded = f" {about.casefold()} "
    for level in PLACE_LEVELS:
        at = name.rfind(f" {level} ")
        place = name[at + 1:] if at >= 0 else ""
        words = place[len(level) + 1:].split()
        if words and all(w[:1].isupper() for w in words) and f" {place.casefold()} " in folded:
            return name[:at + 1 + len(level)]
    return name


def subject(title: str | None) -> str:
    """A plan's trích yếu as the words after "Kế hoạch … về": one line, the first letter small
    unless the first word is an abbreviation (UBND), without a leading "Kế hoạch" or "về việc"
    (the reference says them) and without the final full stop."""
    text = " ".join((title or "").split()).rstrip(".").strip()
    for lead in ("kế hoạch ", "về việc ", "về "):
        if text.casefold().startswith(lead):
            text = text[len(lead):].lstrip(" :")
    first = text.split(" ", 1)[0]
    if first[1:2].islower() or len(first) == 1:
        text = text[:1].lower() + text[1:]
    return text


PLAN_TYPES = ("ke-hoach", "chuong-trinh", "de-an", "du-an", "phuong-an")
"""The types a report may be on: documents that assign tasks and targets."""



def _type_name(key: str) -> str:
    if key == nd30.CONG_VAN:
        return "công văn"
    if key == "bao-cao-ket-qua":
        return "báo cáo kết quả thực hiện kế hoạch"
    return nd30.DOCUMENT_TYPES[key][0].lower()


def check_type(loaded: Loaded, named_at: Span | None = None) -> None:
    """VanbanError when the plan file names no supported type (the build's own error, and only
    it) or a supported type that is not a plan (one error where the report names the file)."""
    key = loaded.data.get("type", nd30.DEFAULT_TYPE)
    if not isinstance(key, str) or key not in nd30.BUILT_TYPES:
        raise type_unsupported(key, loaded)
    if key not in PLAN_TYPES:
        others = ", ".join(_type_name(k) for k in PLAN_TYPES[1:])
        raise VanbanError([Diagnostic(
            "report.plan-type", f'Tệp "{loaded.file}" là {_type_name(key)}; báo cáo kết quả chỉ '
            f"lập cho kế hoạch (hoặc {others}).",
            named_at or loaded.span(("type",)), "plan" if named_at else "type",
            message_en=f'The file "{loaded.file}" is a {_type_name(key).capitalize()} (type: '
            f"{key}); a year-end report is made only on a plan (type: "
            f"{', '.join(PLAN_TYPES)}).")])


def load_plan(path: Path, display: str, loaded: Loaded | None = None,
              named_at: Span | None = None) -> Plan:
    """Read and validate a plan file (a Kế hoạch, Chương trình, Đề án, Dự án or Phương án) as
    the build does, without the build: the build knows the report type and sits above this
    package. The type is looked up first, so a file of another type is said to be one."""
    loaded = loaded if loaded is not None else load_file(path, display)
    if not isinstance(loaded.data, dict):
        raise VanbanError([Diagnostic(
            "plan.not-mapping", "Tệp kế hoạch phải là một nhóm trường (issuer:, title:, …).",
            Span(display, 1, 1), message_en="A plan file must be a YAML mapping.")])
    check_type(loaded, named_at)
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

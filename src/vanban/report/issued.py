"""The plan a report is on, named as the office knows it: by its own number and date, or, for a
plan issued with a Quyết định (the decision's ``attachment:`` names the plan file, and the plan
keeps ``number: null``), through that decision: "Kế hoạch ban hành kèm theo Quyết định số
45/QĐ-UBND ngày 15/01/2026 của Ủy ban nhân dân tỉnh …".

``plan:`` of a report may name the plan file or the decision that issues it. Naming the plan
file of a plan without a number, the decision that issues it is looked for in the plan's
folder (as the build finds a decision's plan: ``Attachment.file``). Files are read through the
caller's ``load`` (the report build's ``Reads``): none is read twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from vanban.errors import Diagnostic, Severity, Span, VanbanError, display_path
from vanban.report.seam import (
    Issuing,
    Loaded,
    PlanFacts,
    QuyetDinh,
    Registry,
    from_validation_error,
    plan_facts,
)

DECISION_TYPE = "quyet-dinh"


@dataclass(frozen=True)
class NamedPlan:
    """The plan a report is on, how it is named, the files that name it and what to warn of."""

    facts: PlanFacts
    files: tuple[Path, ...]
    warnings: tuple[Diagnostic, ...] = ()


def _attached_name(data: object) -> str | None:
    """The plan file a Quyết định's plain data issues (``attachment: {plan: …}``), else None."""
    if not isinstance(data, dict) or data.get("type") != DECISION_TYPE:
        return None
    attachment = data.get("attachment")
    plan = attachment.get("plan") if isinstance(attachment, dict) else None
    return plan if isinstance(plan, str) else None


def _decision(path: Path, loaded: Loaded) -> Issuing:
    """The Quyết định at ``path``, validated; VanbanError with its problems."""
    try:
        return Issuing(path, QuyetDinh.model_validate(loaded.data))
    except ValidationError as exc:
        raise VanbanError(loaded.warnings + from_validation_error(
            exc, loaded, QuyetDinh, "quyết định")) from None


def named_plan(path: Path, registry: Registry, load: Callable[[Path], Loaded],
               named_at: Span | None = None) -> NamedPlan:
    """The plan ``path`` names (the plan itself, or the Quyết định that issues it) with the
    reference the report uses; VanbanError with the problems of the files read. ``named_at``
    is where the report names it: a missing attached file and an unnumbered plan are said
    there."""
    loaded = load(path)
    attached = _attached_name(loaded.data)
    if attached is not None:
        issuing = _decision(path, loaded)
        plan_path = issuing.decision.attachment.file(path)
        if not plan_path.is_file():
            raise VanbanError([Diagnostic(
                "report.plan-missing", f'Quyết định "{loaded.file}" ban hành kèm theo '
                f'"{attached}", nhưng không có tệp đó (tính từ thư mục của quyết định).',
                named_at or loaded.span(("attachment", "plan")), "plan",
                message_en=f'The decision issues "{attached}", but there is no such file.')])
        files: tuple[Path, ...] = (path, plan_path)
    else:
        plan_path, issuing, files = path, None, (path,)
        if isinstance(loaded.data, dict) and loaded.data.get("number") is None:
            issuing = issuing_decision(path, load)
            files = files + ((issuing.path,) if issuing else ())
    facts = plan_facts(plan_path, display_path(plan_path), registry, load(plan_path), named_at,
                       issuing)
    return NamedPlan(facts, files, tuple(_unnumbered(facts, issuing, named_at)))


def issuing_decision(plan: Path, load: Callable[[Path], Loaded]) -> Issuing | None:
    """The Quyết định in ``plan``'s folder whose ``attachment:`` is ``plan`` (a numbered one
    before a draft, then by file name); None when there is none. Files that cannot be read or
    are not valid decisions are passed over: their own build says what is wrong with them."""
    found: list[Issuing] = []
    for candidate in sorted(plan.parent.glob("*.y*ml")):
        if candidate.resolve() == plan.resolve():
            continue
        try:
            loaded = load(candidate)
            name = _attached_name(loaded.data)
            if name is None or (candidate.parent / name).resolve() != plan.resolve():
                continue
            found.append(_decision(candidate, loaded))
        except VanbanError:
            continue
    found.sort(key=lambda i: i.decision.number is None)  # stable: file order otherwise
    return found[0] if found else None


def _unnumbered(facts: PlanFacts, issuing: Issuing | None, at: Span | None) -> list[Diagnostic]:
    """A warning when the report would cite a document without a number."""
    if at is None:
        return []
    if issuing is not None and issuing.decision.number is None:
        shown = display_path(issuing.path)
        return [Diagnostic(
            "report.plan-unnumbered", f'Quyết định "{shown}" ban hành kế hoạch chưa có số '
            "(number: null): báo cáo sẽ nêu quyết định không có số.", at, "plan",
            Severity.WARNING, message_en="The decision that issues the plan has no number yet: "
            "the report would cite it without one.",
            hint="Ghi số, ngày của quyết định khi đã ban hành.",
            hint_en="Give the decision's number and date once it is issued.")]
    if issuing is None and facts.plan.number is None:
        return [Diagnostic(
            "report.plan-unnumbered", f'Kế hoạch "{facts.display}" chưa có số (number: null) và '
            "không có quyết định nào ban hành kèm theo nó trong thư mục: báo cáo sẽ nêu kế "
            "hoạch không có số, ngày.", at, "plan", Severity.WARNING,
            message_en="The plan has no number and no decision beside it issues it: the report "
            "would cite a plan without a number.",
            hint="Ghi số, ngày của kế hoạch (number:, date:); hoặc, nếu kế hoạch được ban hành "
            "kèm theo quyết định, ghi plan: <tệp quyết định>.",
            hint_en="Give the plan's number and date, or name the decision that issues it.")]
    return []

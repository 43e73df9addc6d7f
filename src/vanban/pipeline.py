"""load → type → validate → resolve → check → compose → render in memory → write: the build,
with nothing written until every plan of the build has validated and rendered.

The plan's document type is looked up once (``vanban.doctypes``); its entry gives the model, the
checks, the composition and the template. The registry files are read here, once per build.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from vanban import doctypes, heavy
from vanban.compose.document import Document
from vanban.doctypes import DocType
from vanban.errors import Diagnostic, Severity, Span, VanbanError, display_path
from vanban.jobs import (  # noqa: F401  (re-exported)
    ATTACHED_SUFFIX,
    PLAN_SUFFIXES,
    SHARED_DIR,
    Job,
    discover,
    shared_dirs,
)
from vanban.model.diagnostics import from_validation_error
from vanban.resolve import Registry, resolve
from vanban.source.loader import Loaded, load_file
from vanban.workspace import load_registry

DEFAULT_TEMPLATE = "mau-1-4.docx"
"""The frame of the default type (Kế hoạch), for a type that names none."""


@dataclass
class Prepared:
    job: Job
    document: Document
    loaded: Loaded
    warnings: list[Diagnostic] = field(default_factory=list)
    doctype: DocType = field(default_factory=lambda: doctypes.TYPES[doctypes.DEFAULT_TYPE])
    second: Path | None = None
    """Where the document issued with a Quyết định goes when it is a file of its own."""
    depends: tuple[Path, ...] = ()
    """Other files the plan named and was made from (the plan a Quyết định issues): a change to
    any of them makes its outputs stale."""


def load_plan(path: Path, display: str) -> tuple[object, Loaded]:
    """Read one plan file and validate it against the model of its type; VanbanError with every
    problem found."""
    plan, loaded, _ = load_typed(path, display)
    return plan, loaded


def load_typed(path: Path, display: str) -> tuple[object, Loaded, DocType]:
    """Read one plan file, look its type up, validate it against that type's model."""
    loaded = load_file(path, display)
    if not isinstance(loaded.data, dict):
        raise VanbanError([Diagnostic(
            "plan.not-mapping", "Tệp kế hoạch phải là một nhóm trường (issuer:, title:, …).",
            Span(display, 1, 1), message_en="A plan file must be a YAML mapping.")])
    doctype = document_type(loaded)
    try:
        with heavy.first_time(doctype.model):  # builds its validator
            plan = doctype.model.model_validate(loaded.data)
    except ValidationError as exc:
        raise VanbanError(loaded.warnings + from_validation_error(
            exc, loaded, doctype.model, doctype.document)) from None
    return plan, loaded, doctype


def document_type(loaded: Loaded) -> DocType:
    """The type a plan file names (``type:``, Kế hoạch by default); an unsupported one is an
    error that lists the supported types (never a guess at another type)."""
    key = loaded.data.get("type", doctypes.DEFAULT_TYPE)
    found = doctypes.lookup(key) if isinstance(key, str) else None
    if found is not None:
        return found
    shown = ", ".join(doctypes.supported())
    raise VanbanError(loaded.warnings + [Diagnostic(
        "plan.type-unsupported", f'Loại văn bản "{key}" chưa được hỗ trợ. Các loại đang hỗ '
        f"trợ: {shown}.", loaded.span(("type",)), "type",
        message_en=f'The document type "{key}" is not supported yet. Supported: {shown}.')])


def _registry(folders: tuple[Path, ...],
              cache: dict[tuple[Path, ...], Registry | VanbanError]) -> Registry:
    """The registry of ``folders``, loaded once per build; its errors are raised every time."""
    if folders not in cache:
        try:
            with heavy.first_time(load_registry):  # builds the registry's validator
                cache[folders] = load_registry(list(folders))
        except VanbanError as exc:
            cache[folders] = exc
    found = cache[folders]
    if isinstance(found, VanbanError):
        raise found
    return found


def prepare(job: Job, registries: dict[tuple[Path, ...], Registry | VanbanError],
            nested: bool = False) -> Prepared:
    """Validate and compose one plan; the plan's own errors and its registry's are both found.
    A Quyết định that issues a plan (``attachment``) gets that plan prepared the same way."""
    problems: list[Diagnostic] = []
    try:
        plan, loaded, doctype = load_typed(job.source, job.display)
    except VanbanError as exc:
        problems.extend(exc.diagnostics)
    try:
        registry = _registry(tuple(shared_dirs(job.source)), registries)
    except VanbanError as exc:
        problems.extend(exc.diagnostics)
    if problems:
        raise VanbanError(problems)
    resolved = resolve(plan, registry, loaded)
    found = doctype.check(resolved)
    attached, attached_problems = _attachment(job, plan, loaded, registries, nested)
    try:  # composition reports the resolve stage's problems with its own
        document = doctype.compose(resolved)
    except VanbanError as exc:
        raise VanbanError(loaded.warnings + _in_file_order(found + exc.diagnostics)
                          + attached_problems) from None
    if any(d.severity is Severity.ERROR for d in found) or attached_problems:
        raise VanbanError(loaded.warnings + _in_file_order(found + list(document.warnings))
                          + attached_problems)
    warnings = (list(registry.warnings) + list(loaded.warnings)
                + _in_file_order(found + list(document.warnings)))
    second = None
    depends = tuple(getattr(document, "depends", ()))  # a year-end report's plan, data …
    if attached is not None:
        from vanban.compose.attach import attach

        document = attach(document, attached.document)
        warnings += attached.warnings
        if plan.attachment.layout == "two-files":
            second = job.target.with_name(f"{job.target.stem}{ATTACHED_SUFFIX}.docx")
        depends = (*depends, attached.job.source, *attached.depends)
    return Prepared(job, document, loaded, warnings, doctype, second, depends)




def _attachment(job: Job, plan: object, loaded: Loaded,
                registries: dict[tuple[Path, ...], Registry | VanbanError], nested: bool
                ) -> tuple[Prepared | None, list[Diagnostic]]:
    """The plan a Quyết định issues, prepared from its own file (and its problems)."""
    attachment = getattr(plan, "attachment", None)
    if attachment is None:
        return None, []
    where = loaded.span(("attachment", "plan"))
    path = (job.source.parent / attachment.plan)
    if nested:
        return None, [Diagnostic(
            "attachment.nested", "Văn bản kèm theo không được có văn bản kèm theo của nó.",
            where, "attachment", message_en="An attached document cannot attach another.")]
    if not path.is_file():
        return None, [Diagnostic(
            "attachment.not-found", f'Không tìm thấy tệp kèm theo "{attachment.plan}" (tính từ '
            "thư mục của tệp này).", where, "attachment.plan",
            message_en=f'No file "{attachment.plan}" (relative to this file\'s folder).')]
    try:
        item = prepare(Job(path, display_path(path), job.target), registries, nested=True)
    except VanbanError as exc:
        return None, list(exc.diagnostics)
    if item.doctype.layout != "Mẫu 1.4":
        return None, [Diagnostic(
            "attachment.type", "Quyết định chỉ ban hành kèm theo văn bản có tên loại (Mẫu 1.4), "
            f'ví dụ kế hoạch; "{attachment.plan}" là {item.doctype.key}.', where,
            "attachment.plan", message_en="Only a Mẫu 1.4 document can be issued with it.")]
    return item, []


def _in_file_order(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=lambda d: (d.span.line, d.span.col))


def find_template(doc_type: str, workspace: Path) -> Path:
    """``templates/<type>.docx`` of the workspace, else the type's own layout frame there (e.g.
    ``mau-1-4.docx``), else the packaged copy of that frame. Never another layout's frame."""
    frame = doctypes.TYPES[doc_type].template if doc_type in doctypes.TYPES else DEFAULT_TEMPLATE
    for name in (f"{doc_type}.docx", frame):
        candidate = workspace / "templates" / name
        if candidate.is_file():
            return candidate
    from importlib import resources

    return Path(str(resources.files("vanban") / "templates" / frame))


def validate_all(jobs: list[Job]) -> tuple[list[Prepared], list[Diagnostic]]:
    """Prepare every job; collect the problems of all of them."""
    registries: dict[tuple[Path, ...], Registry | VanbanError] = {}
    prepared, problems = [], []
    for job in jobs:
        try:
            prepared.append(prepare(job, registries))
        except VanbanError as exc:
            problems.extend(exc.diagnostics)
    # A registry shared by several plans reports its problems once.
    return prepared, list(dict.fromkeys(problems))


def render_outputs(item: Prepared, workspace: Path) -> list[tuple[Job, bytes]]:
    """Every file one prepared plan gives: its DOCX, and the document it issues when that is a
    file of its own (the decision then without it)."""
    import dataclasses

    render = heavy.load("vanban.render.docx").render
    template = find_template(item.doctype.key, workspace)
    shown, contract = display_path(template), item.doctype.contract
    if item.second is None:
        return [(item.job, render(item.document, template, shown, contract))]
    alone = dataclasses.replace(item.document, attachments=())
    return [(item.job, render(alone, template, shown, contract)),
            (Job(item.job.source, item.job.display, item.second),
             render(item.document, template, shown, contract, attachment_only=True))]

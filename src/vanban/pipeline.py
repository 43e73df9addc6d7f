"""load → type → validate → resolve → check → compose → render in memory → write: the build,
with nothing written until every plan of the build has validated and rendered.

The plan's document type is looked up once (``vanban.doctypes``); its entry gives the model, the
checks, the composition and the template. The registry files are read here, once per build.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from vanban import doctypes
from vanban.compose.document import Document
from vanban.doctypes import DocType
from vanban.errors import Diagnostic, Severity, Span, VanbanError, display_path
from vanban.model.diagnostics import from_validation_error
from vanban.resolve import Registry, resolve
from vanban.source import Loaded, load_file
from vanban.workspace import SHARED_DIR, load_registry, shared_dirs

PLAN_SUFFIXES = (".yaml", ".yml")
DEFAULT_TEMPLATE = doctypes.TYPES[doctypes.DEFAULT_TYPE].template


@dataclass(frozen=True)
class Job:
    """One plan to build: where it is, how it is shown in messages, where its DOCX goes."""

    source: Path
    display: str
    target: Path


@dataclass
class Prepared:
    job: Job
    document: Document
    loaded: Loaded
    warnings: list[Diagnostic] = field(default_factory=list)
    doctype: DocType = field(default_factory=lambda: doctypes.TYPES[doctypes.DEFAULT_TYPE])


def discover(paths: Iterable[Path], out_dir: Path, plans_root: Path) -> list[Job]:
    """Plan files under ``paths`` (files or folders), sorted, with their mirrored output paths.

    A plan inside ``plans_root`` keeps its folders under ``out_dir``
    (plans/quang-binh/2024/x.yaml → outputs/quang-binh/2024/x.docx); another one goes to
    ``out_dir`` by its file name. ``_shared`` folders hold the registry, not plans.
    """
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(p for p in sorted(path.rglob("*"))
                         if p.suffix in PLAN_SUFFIXES and p.is_file()
                         and SHARED_DIR not in p.relative_to(path).parts
                         and not any(part.startswith(".") for part in p.relative_to(path).parts))
        elif path.is_file():
            if path.suffix not in PLAN_SUFFIXES:
                raise VanbanError([Diagnostic(
                    "args.not-plan", "Đây không phải tệp kế hoạch (.yaml hoặc .yml). Lệnh build "
                    "đọc kế hoạch YAML; muốn kiểm tra một tệp DOCX, dùng: vanban check TỆP.docx",
                    Span(str(path)), message_en="Not a plan file (.yaml/.yml); to check a DOCX "
                    "use: vanban check FILE.docx")])
            files.append(path)
        else:
            raise VanbanError([Diagnostic(
                "args.not-found", "Không tìm thấy tệp hoặc thư mục này.", Span(str(path)),
                message_en="No such file or folder.",
                hint="Kiểm tra lại đường dẫn; lệnh chạy trong thư mục dự án (nơi có plans/).",
                hint_en="Check the path; run the command in the project folder (with plans/).")])
    jobs, seen, owners = [], set(), {}
    out_root = out_dir.resolve()
    for f in files:
        resolved = f.resolve()
        if resolved in seen:
            continue
        seen.add(resolved)
        try:
            rel = resolved.relative_to(plans_root.resolve())
        except ValueError:
            rel = Path(resolved.name)
        target = (out_root / rel).with_suffix(".docx")
        if out_root not in target.resolve().parents:
            raise VanbanError([Diagnostic(
                "output.outside", "Đường dẫn tệp kết quả nằm ngoài thư mục kết quả.",
                Span(display_path(f)), message_en="The output path leaves the output folder.")])
        if target in owners:
            raise VanbanError([Diagnostic(
                "output.collision",
                f"Kế hoạch này và {owners[target]} sẽ cùng ghi ra {display_path(target)}; đổi tên "
                "một trong hai tệp.", Span(display_path(f)),
                message_en=f"This plan and {owners[target]} would both write "
                           f"{display_path(target)}; rename one of them.")])
        owners[target] = display_path(f)
        jobs.append(Job(f, display_path(f), target))
    return jobs


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
        plan = doctype.model.model_validate(loaded.data)
    except ValidationError as exc:
        raise VanbanError(loaded.warnings + from_validation_error(exc, loaded, doctype.model)
                          ) from None
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
            cache[folders] = load_registry(list(folders))
        except VanbanError as exc:
            cache[folders] = exc
    found = cache[folders]
    if isinstance(found, VanbanError):
        raise found
    return found


def prepare(job: Job, registries: dict[tuple[Path, ...], Registry | VanbanError]) -> Prepared:
    """Validate and compose one plan; the plan's own errors and its registry's are both found."""
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
    try:  # composition reports the resolve stage's problems with its own
        document = doctype.compose(resolved)
    except VanbanError as exc:
        raise VanbanError(loaded.warnings + _in_file_order(found + exc.diagnostics)) from None
    if any(d.severity is Severity.ERROR for d in found):
        raise VanbanError(loaded.warnings + _in_file_order(found + list(document.warnings)))
    return Prepared(job, document, loaded, list(registry.warnings) + list(loaded.warnings)
                    + _in_file_order(found + list(document.warnings)), doctype)


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


@dataclass
class BuildResult:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)


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


def render_one(item: Prepared, workspace: Path) -> bytes:
    from vanban.render.docx import render

    template = find_template(item.doctype.key, workspace)
    return render(item.document, template, display_path(template), item.doctype.contract)


def render_all(prepared: list[Prepared], workspace: Path, *, workers: int = 1,
               progress: Callable[[str], None] | None = None
               ) -> tuple[list[tuple[Job, bytes]], list[Diagnostic]]:
    """Render every prepared plan in memory; the problems of all of them (a broken template is
    reported once)."""
    rendered, problems = [], []
    if workers > 1 and len(prepared) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(render_one, item, workspace) for item in prepared]
            outcomes = [(item, future) for item, future in zip(prepared, futures)]
            results = []
            for item, future in outcomes:
                try:
                    results.append((item, future.result()))
                except VanbanError as exc:
                    problems.extend(exc.diagnostics)
    else:
        results = []
        for item in prepared:
            try:
                results.append((item, render_one(item, workspace)))
            except VanbanError as exc:
                problems.extend(exc.diagnostics)
    for item, data in results:
        rendered.append((item.job, data))
        if progress:
            progress(item.job.display)
    return rendered, list(dict.fromkeys(problems))


def _output_warnings(rendered: list[tuple[Job, bytes]], issued: set[Path], pdf: bool
                     ) -> list[Diagnostic]:
    """What a clerk should know before outputs change: an issued document (it has a number)
    whose DOCX changes, and a PDF that would be left older than its DOCX."""
    out = []
    for job, data in rendered:
        if not job.target.is_file() or job.target.read_bytes() == data:
            continue
        shown = display_path(job.target)
        if job.source in issued:
            out.append(Diagnostic(
                "output.issued-changed", "Văn bản đã có số (đã ban hành) nhưng nội dung dựng ra "
                "khác tệp đang có; xem lại thay đổi (git diff) trước khi gửi đi.", Span(shown),
                severity=Severity.WARNING,
                message_en="This document has a number (it was issued) but its content changes."))
        if not pdf and job.target.with_suffix(".pdf").is_file():
            out.append(Diagnostic(
                "output.stale-pdf", "Tệp PDF cạnh tệp này sẽ cũ hơn bản DOCX mới; dựng lại với "
                "--pdf để cập nhật.", Span(display_path(job.target.with_suffix(".pdf"))),
                severity=Severity.WARNING,
                message_en="The PDF beside it will be older than the new DOCX; build with --pdf."))
    return out


def build(jobs: list[Job], *, workspace: Path, strict: bool = False, pdf: bool = False,
          progress: Callable[[str], None] | None = None, workers: int = 1) -> BuildResult:
    """Build every job or nothing: all plans validate and render before any file is written,
    and the files are then written all together or not at all."""
    prepared, problems = validate_all(jobs)
    warnings = [p for p in problems if p.severity is Severity.WARNING]
    for item in prepared:
        warnings.extend(item.warnings)
    warnings = list(dict.fromkeys(warnings))  # a shared registry's warnings once
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if not errors:
        if pdf:  # fail before writing anything when the PDFs cannot be made
            from vanban.pdf import find_soffice

            find_soffice()
        rendered, render_errors = render_all(prepared, workspace, workers=workers,
                                             progress=progress)
        errors += render_errors
        issued = {item.job.source for item in prepared if item.document.issued}
        warnings += _output_warnings(rendered, issued, pdf) if not errors else []
    if strict:
        errors += warnings
    if errors:
        raise VanbanError(errors + ([] if strict else warnings))
    from vanban.output import write_all

    items = [(job.target, data, display_path(job.target)) for job, data in rendered]
    if pdf and rendered:  # made before anything is written, then written with the DOCX files
        pdfs = _pdf_bytes(rendered)
        for (job, _), data in zip(rendered, pdfs):
            target = job.target.with_suffix(".pdf")
            items.append((target, data, display_path(target)))
    result = BuildResult(warnings=warnings)
    for (target, _, _), change in zip(items, write_all(items)):
        (result.written if change else result.unchanged).append(target)
    return result


def _pdf_bytes(rendered: list[tuple[Job, bytes]]) -> list[bytes]:
    """The PDF of each rendered DOCX, made by one LibreOffice run before anything is written."""
    from vanban.pdf.convert import pdf_bytes

    return pdf_bytes([(display_path(job.target), data) for job, data in rendered])

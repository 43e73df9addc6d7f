"""load → type → validate → resolve → check → compose → render in memory → write: the build,
with nothing written until every plan of the build has validated and rendered.

The plan's document type is looked up once (``vanban.doctypes``); its entry gives the model, the
checks, the composition and the template. The registry files are read here, once per build,
and so is each plan file (``BuildCache``): the plan a Quyết định issues is not read again for
every decision. The review commands prepare a plan here too, as the build does.
"""

from __future__ import annotations

from collections.abc import Callable
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
from vanban.model.diagnostics import from_validation_error, type_unsupported
from vanban.resolve import Registry, resolve
from vanban.resolve.recorder import Recorder
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
    plan: object = None
    """The validated plan (the model of its type)."""
    registry: Registry | None = None
    """The registry it was resolved with (a ``Recorder`` of it)."""
    recorders: tuple[Recorder, ...] = ()
    """What it and the plan it issues asked of their registries (see ``reads``)."""

    def reads(self) -> dict[str, str]:
        """Every question the document's making asked of the registry of its own folder, with
        a digest of the answer (``vanban.resolve.recorder``); the plan it issues, when under
        other registry folders, counts as having read the whole registry."""
        out: dict[str, str] = {}
        for recorder in self.recorders:
            if recorder.folders != self.recorders[0].folders:
                recorder.everything()
            out.update(recorder.reads)
        return out


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
    raise type_unsupported(key, loaded)


PLANS_KEPT = 64
"""How many plan files a build keeps prepared (the most recently used): a decision and the plan
it issues sit in one folder, so they are near in the build's order, and memory stays flat
whatever the number of plans."""


@dataclass
class BuildCache:
    """What one build has read so far, each thing once: the registries (by their folders) and
    the plan files (by resolved path and shown name, each validated, checked and composed once,
    or its problems). One per build; a worker process holds its own."""

    registries: dict = field(default_factory=dict)
    plans: dict = field(default_factory=dict)
    answers: dict = field(default_factory=dict)
    """Digests of the registries' answers by folders, then question (``Recorder``)."""
    shown: Callable[[Path], str] = display_path
    """How messages show a file that a plan names (the review of a git revision: ``REV:path``)."""
    root: Path | None = None
    """Registry files are shown relative to it (the working folder when None)."""


@dataclass
class _Composed:
    """One plan file validated, checked and composed on its own (without a document it issues);
    ``document`` is None when composition failed with ``problems``."""

    plan: object
    loaded: Loaded
    doctype: DocType
    registry: Registry
    found: list[Diagnostic]
    document: Document | None
    problems: list[Diagnostic]


def _registry(folders: tuple[Path, ...], cache: BuildCache) -> Registry:
    """The registry of ``folders``, loaded once per build; its errors are raised every time."""
    if folders not in cache.registries:
        try:
            with heavy.first_time(load_registry):  # builds the registry's validator
                cache.registries[folders] = load_registry(list(folders), cache.root)
        except VanbanError as exc:
            cache.registries[folders] = exc
    found = cache.registries[folders]
    if isinstance(found, VanbanError):
        raise found
    return found


def _composed(source: Path, display: str, cache: BuildCache) -> _Composed:
    """``source`` validated, checked and composed, once per build (its errors raised each time):
    a plan that is a job of the build and issued by decisions of it is read once."""
    key = (source.resolve(), display)
    found = cache.plans.pop(key, None)  # put back last: the most recently used
    if found is None:
        found = _compose_file(source, display, cache)
    cache.plans[key] = found
    while len(cache.plans) > PLANS_KEPT:
        del cache.plans[next(iter(cache.plans))]
    if isinstance(found, VanbanError):
        raise found
    return found


def _compose_file(source: Path, display: str, cache: BuildCache) -> _Composed | VanbanError:
    """Read, validate, resolve, check and compose one plan file; the plan's own errors and its
    registry's are both found."""
    problems: list[Diagnostic] = []
    try:
        plan, loaded, doctype = load_typed(source, display)
    except VanbanError as exc:
        problems.extend(exc.diagnostics)
    try:
        folders = tuple(shared_dirs(source))
        registry = Recorder(_registry(folders, cache), folders,
                            cache.answers.setdefault(folders, {}))
    except VanbanError as exc:
        problems.extend(exc.diagnostics)
    if problems:
        return VanbanError(problems)
    if doctype.reads_other_files:
        registry.everything()
    try:
        resolved = resolve(plan, registry, loaded)
        found = doctype.check(resolved)
    except VanbanError as exc:
        return exc
    try:  # composition reports the resolve stage's problems with its own
        return _Composed(plan, loaded, doctype, registry, found, doctype.compose(resolved), [])
    except VanbanError as exc:
        return _Composed(plan, loaded, doctype, registry, found, None, list(exc.diagnostics))


def prepare(job: Job, cache: BuildCache, nested: bool = False) -> Prepared:
    """Validate and compose one plan; the plan's own errors and its registry's are both found.
    A Quyết định that issues a plan (``attachment``) gets that plan prepared the same way (from
    ``cache`` when this build has prepared it already)."""
    own = _composed(job.source, job.display, cache)
    loaded, found = own.loaded, own.found
    attached, attached_problems = _attachment(job, own, cache, nested)
    if own.document is None:
        raise VanbanError(loaded.warnings + _in_file_order(found + own.problems)
                          + attached_problems)
    document = own.document
    if any(d.severity is Severity.ERROR for d in found) or attached_problems:
        raise VanbanError(loaded.warnings + _in_file_order(found + list(document.warnings))
                          + attached_problems)
    warnings = (list(own.registry.warnings) + list(loaded.warnings)
                + _in_file_order(found + list(document.warnings)))
    second = None
    depends = tuple(getattr(document, "depends", ()))  # a year-end report's plan, data …
    if attached is not None:
        from vanban.compose.attach import attach

        document = attach(document, attached.document, attached.plan)
        warnings += attached.warnings
        if own.plan.attachment.layout == "two-files":
            second = job.target.with_name(f"{job.target.stem}{ATTACHED_SUFFIX}.docx")
        depends = (*depends, attached.job.source, *attached.depends)
    depends = (*depends, *other_registries(job.source, depends))
    recorders = (own.registry, *(attached.recorders if attached is not None else ()))
    return Prepared(job, document, loaded, warnings, own.doctype, second, depends, own.plan,
                    own.registry, recorders)


def other_registries(source: Path, files: tuple) -> tuple[Path, ...]:
    """The ``_shared`` folders, there or not yet, that a file a plan was made from sees and the
    plan does not (the plan a decision issues from another district, a report's plan): that
    file was read with them, so making one, or editing one, changes the output as an edit of
    the file would (its own registry is in the plan's stamp; these are in its dependencies)."""
    mine = set(source.resolve().parents)
    out: dict[Path, None] = {}
    for file in files:
        for folder in Path(file).resolve().parents:
            if folder not in mine:
                out.setdefault(folder / SHARED_DIR)
    return tuple(out)


def _attachment(job: Job, own: _Composed, cache: BuildCache, nested: bool
                ) -> tuple[Prepared | None, list[Diagnostic]]:
    """The plan a Quyết định issues, prepared from its own file (and its problems)."""
    attachment = getattr(own.plan, "attachment", None)
    if attachment is None:
        return None, []
    where = own.loaded.span(("attachment", "plan"))
    path = attachment.file(job.source)
    if nested:
        return None, [Diagnostic(
            "attachment.nested", "Văn bản kèm theo không được có văn bản kèm theo của nó.",
            where, "attachment", message_en="An attached document cannot attach another.")]
    if not path.is_file():
        near = _near_plan(path, job.source)
        return None, [Diagnostic(
            "attachment.not-found", f'Không tìm thấy tệp kèm theo "{attachment.plan}" (tính từ '
            "thư mục của tệp này).", where, "attachment.plan",
            message_en=f'No file "{attachment.plan}" (relative to this file\'s folder).',
            hint=(f'Có phải "{near}"? Tệp kế hoạch đã đổi tên (git mv) thì sửa attachment.plan '
                  "theo tên mới." if near else ""),
            hint_en=(f'Did you mean "{near}"? If the plan was renamed (git mv), write its new '
                     "name in attachment.plan." if near else ""))]
    try:
        item = prepare(Job(path, cache.shown(path), job.target), cache, nested=True)
    except VanbanError as exc:
        # A file of another supported type is said to be so, once, at this line (its own
        # problems do not matter here); a type that is no type is the file's own error.
        doctype = _type_of(path, cache)
        if doctype is not None and doctype.layout != "Mẫu 1.4":
            return None, [_not_issuable(attachment.plan, doctype, where)]
        return None, list(exc.diagnostics)
    if item.doctype.layout != "Mẫu 1.4":
        return None, [_not_issuable(attachment.plan, item.doctype, where)]
    return item, []


def _near_plan(missing: Path, source: Path) -> str | None:
    """The plan file beside ``missing`` whose name is closest to it (a plan renamed since the
    Quyết định named it), as ``attachment.plan`` would name it; None when none is close."""
    import difflib

    from vanban.jobs import is_plan_file

    folder = missing.parent
    if not folder.is_dir():
        return None
    names = [p.name for p in sorted(folder.iterdir()) if p.resolve() != source.resolve()
             and is_plan_file(p, folder)]
    found = difflib.get_close_matches(missing.name, names, n=1, cutoff=0.6)
    if not found:
        return None
    try:
        return (folder / found[0]).relative_to(source.parent).as_posix()
    except ValueError:
        return str(folder / found[0])


def _type_of(path: Path, cache: BuildCache) -> DocType | None:
    """The supported type a plan file names (looked up as for any plan), or None when it
    cannot be read or names no supported type."""
    try:
        loaded = load_file(path, cache.shown(path))
        return document_type(loaded) if isinstance(loaded.data, dict) else None
    except VanbanError:
        return None


def _not_issuable(name: str, doctype: DocType, where: Span) -> Diagnostic:
    return Diagnostic(
        "attachment.type", f'Tệp "{name}" là {doctype.document}; Quyết định chỉ ban hành kèm '
        "theo văn bản có tên loại (Mẫu 1.4) như kế hoạch, chương trình, đề án, quy chế.", where,
        "attachment.plan", message_en=f'"{name}" is a {doctype.key}; a Quyết định issues only a '
        "document with a type name (Mẫu 1.4), such as a kế hoạch.")


def _in_file_order(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=lambda d: (d.span.line, d.span.col))


def template_files(doc_type: str, workspace: Path) -> tuple[Path, ...]:
    """The workspace files looked at to pick the template of ``doc_type``, in order, up to the
    one picked (``templates/<type>.docx``, then the layout's frame there): adding one that was
    missing or changing the one picked changes the output; the rest cannot."""
    out = []
    for name in (f"{doc_type}.docx", _frame_name(doc_type)):
        out.append(workspace / "templates" / name)
        if out[-1].is_file():
            break
    return tuple(out)


def find_template(doc_type: str, workspace: Path) -> Path:
    """``templates/<type>.docx`` of the workspace, else the type's own layout frame there (e.g.
    ``mau-1-4.docx``), else the packaged copy of that frame. Never another layout's frame."""
    looked = template_files(doc_type, workspace)
    if looked[-1].is_file():
        return looked[-1]
    return packaged_frame(doc_type)


def packaged_frame(doc_type: str) -> Path:
    """vanban's own copy of the frame of ``doc_type``'s layout (e.g. ``mau-1-4.docx``), the one
    a workspace without templates/ uses: made from the type's contract (tools/make_templates.py),
    and rendered with every kind of plan of the type by vanban's own tests."""
    from importlib import resources

    return Path(str(resources.files("vanban") / "templates" / _frame_name(doc_type)))


def _frame_name(doc_type: str) -> str:
    """The file name of the frame of ``doc_type``'s layout."""
    return doctypes.TYPES[doc_type].template if doc_type in doctypes.TYPES else DEFAULT_TEMPLATE


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

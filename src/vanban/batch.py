"""Building many plans: skip what is current, make the rest in parallel, write all or nothing.

1. Every plan's inputs are stamped (``vanban.stamps``); a plan whose output is current is neither
   validated nor rendered again, and its recorded warnings are shown again. This step imports
   no validator or renderer.
2. The others go through the whole per-plan pipeline (load, validate, resolve, check, compose,
   render) in worker processes (``--jobs``, the number of cores by default), each worker reading
   a registry once and compiling a template once.
3. Results stream back in plan order; each changed DOCX is staged at once beside its target (a
   synced temporary file), so memory stays flat whatever the number of plans.
4. When every plan has succeeded, the staged files (and the PDFs, when asked) are put in place
   together, and the stamps are saved. On any error, nothing is replaced and nothing is left.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from vanban import heavy, stamps
from vanban.errors import Diagnostic, Severity, Span, VanbanError, display_path
from vanban.jobs import Job, shared_dirs


@dataclass
class BuildResult:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)  # current by their stamps: not even made
    warnings: list[Diagnostic] = field(default_factory=list)


@dataclass
class Outcome:
    """What one plan gave: its files (its DOCX first), or the problems that stopped it."""

    job: Job
    files: list[tuple[Job, bytes]]
    diagnostics: list[Diagnostic]
    issued: bool = False
    depends: list[Path] = field(default_factory=list)
    """Files the plan named, and the workspace templates looked at to pick its template (not
    its registries: see ``reads``)."""
    reads: dict[str, str] = field(default_factory=dict)
    """What its making asked of its registry, with digests of the answers."""


def default_jobs() -> int:
    """Worker processes by default: the cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def make(job: Job, workspace: Path, registries: dict, plans: dict | None = None,
         answers: dict | None = None) -> Outcome:
    """The whole pipeline for one plan, in this process: bytes, or located problems.
    ``registries``, ``plans`` and ``answers`` hold the registries, the plan files and the
    digests of registry answers of this build so far (each read or made once: the plan a
    Quyết định issues too)."""
    pipeline = heavy.load("vanban.pipeline")
    cache = pipeline.BuildCache(registries, {} if plans is None else plans,
                                {} if answers is None else answers)
    try:
        prepared = pipeline.prepare(job, cache)
    except VanbanError as exc:
        return Outcome(job, [], list(exc.diagnostics))
    try:
        files = pipeline.render_outputs(prepared, workspace)
    except VanbanError as exc:
        return Outcome(job, [], list(exc.diagnostics) + prepared.warnings)
    # The templates it was laid out with are its own dependencies: editing one remakes only
    # the plans that use it, adding an override remakes only the plans it now applies to.
    looked = pipeline.template_files(prepared.doctype.key, workspace)
    return Outcome(job, files, prepared.warnings, prepared.document.issued,
                   [*prepared.depends, *looked], prepared.reads())


# A worker process serves one build (its pool ends with it): its registries and plan files,
# each read once.
_worker_registries: dict = {}
_worker_plans: dict = {}
_worker_answers: dict = {}


def _make_in_worker(args: tuple[Job, Path]) -> Outcome:
    return make(*args, _worker_registries, _worker_plans, _worker_answers)


def _in_order(function: Callable, items: list, workers: int) -> Iterator:
    """``function`` of each item, in item order, in ``workers`` new processes (in this one when
    there is one worker or one item)."""
    if workers <= 1 or len(items) <= 1:
        yield from map(function, items)
        return
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, min(16, len(items) // (workers * 4)))
    with ProcessPoolExecutor(max_workers=min(workers, len(items))) as pool:
        yield from pool.map(function, items, chunksize=chunk)


def _outcomes(jobs: list[Job], workspace: Path, workers: int) -> Iterator[Outcome]:
    """Each job's outcome, in job order, made in ``workers`` processes."""
    if workers <= 1 or len(jobs) <= 1:
        registries: dict = {}  # this build's, even in a long-running process (watch)
        plans: dict = {}
        answers: dict = {}
        yield from (make(job, workspace, registries, plans, answers) for job in jobs)
        return
    yield from _in_order(_make_in_worker, [(job, workspace) for job in jobs], workers)


def _keys(jobs: list[Job], workspace: Path, fresh: _Fresh) -> dict[Path, str]:
    """Each job's inputs key (see vanban.stamps), by its target."""
    # Only what changes the DOCX bytes; a PDF is checked by its own digest in the stamp.
    options = {"SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "")}
    return {job.target: stamps.inputs_key(job.source, list(fresh.dirs(job)), workspace,
                                          options) for job in jobs}


class _Fresh:
    """Whether a stamp's registry reads still stand: its registry files are the same, or the
    registry as it is now answers every question the plan asked of it alike (an edit of one
    signer of a province's registry makes only the plans that name that signer again). The
    registry is read, once per folder, only when its files changed."""

    def __init__(self, workspace: Path) -> None:
        self.workspace = workspace
        self.folders: dict[Path, tuple[Path, ...]] = {}
        self.keys: dict[tuple[Path, ...], str] = {}
        self.registries: dict[tuple[Path, ...], object] = {}

    def dirs(self, job: Job) -> tuple[Path, ...]:
        """The plan's registry folders, looked for once per plan folder in this build."""
        # (a plan file that is a link is looked up on its own: its folders are its target's)
        where = job.source if job.source.is_symlink() else job.source.parent
        if where not in self.folders:
            self.folders[where] = tuple(shared_dirs(job.source))
        return self.folders[where]

    def key(self, job: Job) -> str:
        folders = self.dirs(job)
        if folders not in self.keys:
            self.keys[folders] = stamps.registry_key(list(folders), self.workspace)
        return self.keys[folders]

    def of(self, job: Job) -> Callable[[stamps.Stamp], bool]:
        def fresh(stamp: stamps.Stamp) -> bool:
            if stamp.registry == self.key(job):
                return True
            if not stamp.reads:
                return False
            folders = self.dirs(job)
            if folders not in self.registries:
                try:  # as the pipeline reads it (messages relative to the working folder)
                    workspace = heavy.load("vanban.workspace")
                    self.registries[folders] = workspace.load_registry(list(folders))
                except VanbanError:  # a broken registry: made again, its errors said
                    self.registries[folders] = None
            registry = self.registries[folders]
            recorder = heavy.load("vanban.resolve.recorder")
            return registry is not None and recorder.still_answers(registry, stamp.reads)
        return fresh


def build(jobs: list[Job], *, workspace: Path, out_dir: Path | None = None,
          strict: bool = False, pdf: bool = False, workers: int = 1, force: bool = False,
          progress: Callable[[str], None] | None = None) -> BuildResult:
    """Build every job whose output is not current, all or nothing (see the module's text).
    Without ``out_dir`` no stamps are read or kept: every plan is made."""
    from vanban import output

    stamps.reset()
    book = stamps.StampBook(out_dir) if out_dir is not None else stamps.NoBook()
    fresh = _Fresh(workspace)
    keys = _keys(jobs, workspace, fresh)
    current_against: dict[str, str] = {}  # skipped plans: the registry they stand against
    result = BuildResult()
    todo: list[Job] = []
    for job in jobs:
        current = None if force else book.current_all(job.target, job.display,
                                                       keys[job.target], pdf, fresh.of(job))
        if current is None:
            todo.append(job)
        else:
            result.skipped.append(job.target)
            result.warnings.extend(stamps.warnings_of(current[0]))
            current_against[job.display] = fresh.key(job)
            if progress:
                progress(job.display)
    if todo and pdf:  # fail before making anything when the PDFs cannot be made
        from vanban.pdf.convert import find_soffice
        find_soffice()
    errors: list[Diagnostic] = []
    made: list[tuple[Outcome, Job, str]] = []  # (plan's outcome, one of its files, its digest)
    staged: list = []
    try:
        for outcome in _outcomes(todo, workspace, workers):
            if progress:
                progress(outcome.job.display)
            problems = [d for d in outcome.diagnostics if d.severity is Severity.ERROR]
            result.warnings.extend(d for d in outcome.diagnostics
                                   if d.severity is Severity.WARNING)
            if problems or not outcome.files:
                errors.extend(problems)
                continue
            for file_job, data in outcome.files:
                target, shown = file_job.target, display_path(file_job.target)
                if output.differs(target, data) and not errors:
                    output.check_writable(target, shown)
                    # (its bytes differ: issued_changed without reading the file again)
                    result.warnings.extend(_change_warnings(target, _issued(
                        book.was_issued(target), outcome.issued), pdf, staged))
                    staged.append(output.stage(target, data, shown))
                made.append((outcome, file_job, stamps.digest_bytes(data)))
            outcome.files = []  # staged on disk: the bytes are not kept (memory stays flat)
        def claimed() -> set[Path]:  # asked only when a plan file is gone (resolving costs)
            return {job.target.resolve() for job in jobs} | {
                file_job.target.resolve() for _, file_job, _ in made}

        if (workspace / "plans").is_dir():  # plans named from the workspace root: comparable
            result.warnings.extend(_orphaned(book, workspace, claimed))
        result.warnings = list(dict.fromkeys(result.warnings))  # a shared registry's once
        errors = list(dict.fromkeys(errors))  # a broken template once
        if strict:
            errors += result.warnings
        if errors:
            raise VanbanError(errors + ([] if strict else result.warnings))
        pdfs: dict[Path, bytes] = {}
        kept: dict[Path, str] = {}  # PDFs already made from the very same DOCX: their digests
        if pdf:
            for _, file_job, digest in made:  # --force: every PDF again (LibreOffice changed)
                if not force and (same := book.pdf_of(file_job.target, digest)) is not None:
                    kept[file_job.target.with_suffix(".pdf")] = same
            pdfs = _make_pdfs([file_job for _, file_job, _ in made
                               if file_job.target.with_suffix(".pdf") not in kept],
                              staged, workers)
            for target, data in pdfs.items():
                if output.differs(target, data):
                    shown = display_path(target)
                    output.check_writable(target, shown)
                    staged.append(output.stage(target, data, shown))
        output.commit(staged)
    finally:
        output.discard(staged)
    changed = {item.target for item in staged}
    for outcome, file_job, digest in made:
        target, pdf_target = file_job.target, file_job.target.with_suffix(".pdf")
        book.record(target, keys[outcome.job.target], digest,
                    pdfs.get(pdf_target, kept.get(pdf_target)),
                    outcome.diagnostics if target == outcome.job.target else [],
                    outcome.job.display, stamps.depends_on(outcome.depends, book),
                    outcome.issued, fresh.key(outcome.job), outcome.reads)
        (result.written if target in changed else result.unchanged).append(target)
        if pdf_target in pdfs:
            (result.written if pdf_target in changed else result.unchanged).append(pdf_target)
    book.set_registry(current_against)
    book.save()
    return result


def issued_changed(target: Path, data: bytes, was_issued: bool | None, issued: bool) -> bool:
    """Whether writing ``data`` changes an issued document: the file at ``target`` is one (as
    its stamp says, ``was_issued``; when no stamp tells, as the document now is, ``issued``)
    and its bytes differ. The one meaning of [output.issued-changed], for build and validate:
    a draft given its number, or a source edit that renders the same bytes, changes nothing
    issued."""
    from vanban import output

    if not _issued(was_issued, issued):
        return False
    return target.is_file() and output.differs(target, data)


def _issued(was_issued: bool | None, issued: bool) -> bool:
    """Whether the file at an output is an issued document: as its stamp says, else as the
    document now is."""
    return issued if was_issued is None else was_issued


def _change_warnings(target: Path, issued_change: bool, pdf: bool, staged: list
                     ) -> list[Diagnostic]:
    """What a clerk should know before an output changes: a file saved in Word (its copy
    ``.bak`` is added to ``staged``, put in place with the outputs), an issued document (it has
    a number) whose DOCX changes (``issued_change``), and a PDF that would be left older than
    its DOCX."""
    from vanban import output

    out = []
    if not target.is_file():
        return out
    if (who := output.saved_by_other(target)) is not None:
        out.append(_edited_in_word(target, who, _keep_aside(target, staged)))
    if issued_change:
        out.append(Diagnostic(
            "output.issued-changed", "Văn bản đã có số (đã ban hành) nhưng nội dung dựng ra "
            "khác tệp đang có; xem lại thay đổi (git diff) trước khi gửi đi.",
            Span(display_path(target)), severity=Severity.WARNING,
            message_en="This document has a number (it was issued) but its content changes; "
                       "review the change (git diff) before sending it."))
    if not pdf and target.with_suffix(".pdf").is_file():
        out.append(Diagnostic(
            "output.stale-pdf", "Tệp PDF cạnh tệp này sẽ cũ hơn bản DOCX mới; dựng lại với "
            "--pdf để cập nhật.", Span(display_path(target.with_suffix(".pdf"))),
            severity=Severity.WARNING,
            message_en="The PDF beside it will be older than the new DOCX; build with --pdf."))
    return out


def _orphaned(book: stamps.StampBook, workspace: Path, claimed: Callable[[], set[Path]]
              ) -> list[Diagnostic]:
    """A warning for every output whose plan file is gone (renamed, moved or deleted), with
    the command that removes it from the repository."""
    out = []
    for target, source in book.orphans(workspace, claimed):
        shown = display_path(target)
        pdf = target.with_suffix(".pdf")
        remove = f"git rm {shown}" + (f" {display_path(pdf)}" if pdf.is_file() else "")
        out.append(Diagnostic(
            "output.orphan", f"Tệp này được dựng từ {source}, nay không còn tệp kế hoạch đó (đã "
            "đổi tên, chuyển chỗ hoặc xóa): không lệnh dựng nào cập nhật nó nữa.", Span(shown),
            severity=Severity.WARNING,
            message_en=f"This file was built from {source}, which is no longer there (renamed, "
                       "moved or deleted): no build updates it any more.",
            hint=f"Không cần nữa thì xóa tệp; tệp đã commit thì xóa bằng: {remove}",
            hint_en=f"If it is no longer needed, delete it; once committed: {remove}"))
    return out


def _keep_aside(target: Path, staged: list) -> Path | None:
    """Stage a copy of ``target`` as ``<name>.bak`` beside it (replacing an older copy when the
    build puts its outputs in place, never when it fails); None when it cannot be staged."""
    from vanban import output

    copy = target.with_name(target.name + ".bak")
    try:
        staged.append(output.stage(copy, target.read_bytes(), display_path(copy)))
    except (OSError, VanbanError):
        return None
    return copy


def _edited_in_word(target: Path, who: str, copy: Path | None) -> Diagnostic:
    """The warning for an output that was saved in Word (by ``who``) and is now made again
    from its plan: the edits made in Word are not in the new file (``copy``: the old one kept
    as ``.bak``)."""
    kept = (f" Bản đã sửa được giữ ở {display_path(copy)}." if copy else "")
    kept_en = (f" The edited file is kept as {display_path(copy)}." if copy else "")
    return Diagnostic(
        "output.edited-in-word", f"Tệp này đã được mở và lưu lại ngoài vanban (người lưu: "
        f"{who}); bản dựng mới lấy nội dung từ kế hoạch nên không còn những chỗ sửa trong Word."
        + kept, Span(display_path(target)), severity=Severity.WARNING,
        message_en=f"This file was saved outside vanban (by {who}); the new build takes its "
                   "content from the plan, without the edits made in Word." + kept_en,
        hint="Chép những chỗ cần sửa vào tệp kế hoạch (YAML) rồi dựng lại; không sửa tệp trong "
             "outputs/ bằng Word.",
        hint_en="Copy the edits into the plan (YAML) and build again; do not edit the files "
                "of outputs/ in Word.")


def _make_pdfs(jobs: list[Job], staged: list, workers: int) -> dict[Path, bytes]:
    """The PDF of every DOCX made by this build (from the staged bytes when it changes), in two
    LibreOffice processes when there are cores and documents enough."""
    from vanban.pdf.convert import pdf_bytes

    new = {item.target: item.tmp for item in staged}
    pairs = []
    for job in jobs:
        source = Path(new[job.target]) if job.target in new else job.target
        pairs.append((display_path(job.target), source.read_bytes()))
    return {job.target.with_suffix(".pdf"): data
            for job, data in zip(jobs, pdf_bytes(pairs, processes=workers))}


# --- validate: every plan checked, no DOCX rendered but one per template ----------------------------

@dataclass
class Checked:
    """What validating one plan found, and which template its type renders with."""

    job: Job
    diagnostics: list[Diagnostic]
    template: str = ""  # the type's key when the plan validated (its template is then tried)
    issued_changed: bool = False
    """Building it again would change the bytes of an issued document (``issued_changed``)."""
    rendered: bool = False
    """It was rendered in memory (to compare): its template's problems are in ``diagnostics``."""


def check(job: Job, registries: dict, plans: dict | None = None, workspace: Path | None = None,
          was_issued: bool | None = False) -> Checked:
    """Validate one plan in this process (load, type, schema, resolve, checks, compose). When
    the file at its output may be an issued document (``was_issued`` True, or None: no stamp
    tells, and the document now has its number), it is rendered in memory and compared with
    that file's bytes, as a build would."""
    pipeline = heavy.load("vanban.pipeline")
    try:
        prepared = pipeline.prepare(job, pipeline.BuildCache(
            registries, {} if plans is None else plans))
    except VanbanError as exc:
        return Checked(job, list(exc.diagnostics))
    result = Checked(job, prepared.warnings, prepared.doctype.key)
    issued = prepared.document.issued
    if workspace is None or not _issued(was_issued, issued):
        return result
    result.rendered = True
    try:
        files = pipeline.render_outputs(prepared, workspace)
    except VanbanError as exc:
        result.diagnostics = [*result.diagnostics, *_template_codes(exc)]
        return result
    result.issued_changed = any(issued_changed(file_job.target, data, was_issued, issued)
                                for file_job, data in files)
    return result


def _check_in_worker(args: tuple[Job, Path, bool | None]) -> Checked:
    return check(args[0], _worker_registries, _worker_plans, args[1], args[2])


def _template_codes(exc: VanbanError) -> list[Diagnostic]:
    """A template's own problems among a render's (the plan's are found by validating it)."""
    return [d for d in exc.diagnostics if d.code.startswith("template.")]


def validate(jobs: list[Job], *, out_dir: Path, workspace: Path, workers: int = 1
             ) -> list[Diagnostic]:
    """Every problem of every plan, in plan order, then the templates' own problems (each
    template is rendered once, in memory, with the first plan that uses it; not vanban's own
    frame of a type, or a copy of it with the same bytes, which has none). A plan whose last
    build is current is not validated again: its recorded warnings stand. An issued document
    that building again would change is said to be so (it is rendered in memory and compared
    with the file there, exactly as a build decides it: only for a changed plan whose output
    is an issued document)."""
    stamps.reset()
    book = stamps.StampBook(out_dir)
    fresh = _Fresh(workspace)
    keys = _keys(jobs, workspace, fresh)
    found: list[Diagnostic] = []
    todo: list[Job] = []
    for job in jobs:
        current = book.current_all(job.target, job.display, keys[job.target], pdf=False,
                                   fresh=fresh.of(job))
        if current is None:
            todo.append(job)
        else:
            found.extend(stamps.warnings_of(current[0]))
    registries: dict = {}
    plans: dict = {}
    # The file at an output that is no issued document (by its stamp) needs no comparing.
    was = {job.target: (book.was_issued(job.target) if job.target.is_file() else False)
           for job in todo}
    if workers > 1 and len(todo) > 1:
        results = list(_in_order(_check_in_worker, [(job, workspace, was[job.target])
                                                    for job in todo], workers))
    else:
        results = [check(job, registries, plans, workspace, was[job.target]) for job in todo]
    first_of: dict[Path, Job | None] = {}
    template_of: dict[str, Path] = {}  # by type: looked up, and compared with vanban's, once
    for result in results:
        found.extend(result.diagnostics)
        if result.template:
            template = template_of.get(result.template)
            if template is None:
                find_template = heavy.load("vanban.pipeline").find_template
                template = template_of[result.template] = find_template(result.template,
                                                                        workspace)
                if _packaged(template, result.template):  # nothing to try
                    first_of[template] = None
            if result.rendered:  # tried already
                first_of[template] = None
            first_of.setdefault(template, result.job)
            if result.issued_changed:
                found.append(_issued_source_changed(result.job))
    found.extend(_template_problems([j for j in first_of.values() if j is not None], workspace,
                                    registries, plans))
    return list(dict.fromkeys(found))  # a shared registry's problems once


def _packaged(template: Path, doc_type: str) -> bool:
    """Whether ``template`` holds the very bytes of vanban's own frame for ``doc_type``: trying
    it could find no template problem (vanban's tests render every kind of plan of the type
    with it), so validate neither tries it nor imports the renderer for it."""
    own = heavy.load("vanban.pipeline").packaged_frame(doc_type)
    return stamps.file_digest(template) == stamps.file_digest(own) != ""


def _template_problems(jobs, workspace: Path, registries: dict, plans: dict
                       ) -> list[Diagnostic]:
    """Render one plan per template in memory: the template's own problems."""
    out: list[Diagnostic] = []
    if not jobs:  # every plan current: nothing to render, nothing to import
        return out
    pipeline = heavy.load("vanban.pipeline")
    cache = pipeline.BuildCache(registries, plans)
    for job in jobs:
        try:
            pipeline.render_outputs(pipeline.prepare(job, cache), workspace)
        except VanbanError as exc:
            out.extend(_template_codes(exc))
    return out


def _issued_source_changed(job: Job) -> Diagnostic:
    """The warning at the plan's ``number:`` line (what makes it issued) when building again
    would change its issued output."""
    shown = display_path(job.target)
    try:
        lines = job.source.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeError):
        lines = []
    line = next((i for i, text in enumerate(lines, 1) if text.startswith("number:")), 0)
    return Diagnostic(
        "output.issued-changed", f"Văn bản đã có số (đã ban hành) nhưng nguồn đã đổi từ lần dựng "
        f"ra {shown}; dựng lại sẽ làm nội dung văn bản đã ban hành thay đổi: xem lại (git diff).",
        Span(job.display, line, 1 if line else 0), "number", severity=Severity.WARNING,
        message_en=f"This document has a number (it was issued) but its sources changed since "
                   f"{shown} was built; building again changes an issued document: review it "
                   "(git diff).")

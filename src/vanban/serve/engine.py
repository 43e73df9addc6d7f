"""Where ``vanban serve`` calls the build machinery (the adapter; ``history.py`` is its other
half, for the "changes" tab).

Everything the server needs from the rest of vanban goes through these functions and those of
``history.py``: which plans there are, which plans a changed file affects, validating or
building one plan in memory (diagnostics, DOCX and a second output, check findings, text
projection). They return plain data (dicts, bytes, text) so that the build can run in a worker
process and cross a pipe as JSON.
"""

from __future__ import annotations

from pathlib import Path, PurePath

from vanban.errors import Diagnostic, Severity, VanbanError
from vanban.jobs import ATTACHED_SUFFIX  # noqa: F401  (the second output's name ending)

TEMPLATE_SUFFIX = ".docx"


def plan_files(root: Path) -> list[Path]:
    """The plans under ``root`` (sorted), without any file whose real path leaves ``root``
    (a symlink pointing outside is not served)."""
    from vanban.jobs import discover, is_plan_file

    real_root = root.resolve()
    try:
        found = [job.source for job in discover([root], root / ".vanban-serve-none", root)]
    except VanbanError:  # two plans that would build one output (x.yaml, x.yml): both shown
        found = [p for p in sorted(root.rglob("*")) if is_plan_file(p, root)]
    return [path for path in found if _inside(path.resolve(), real_root)]


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def watched_folders(root: Path, workspace: Path) -> list[Path]:
    """What to watch: the plans folder, the registries above it and the workspace templates."""
    from vanban.pipeline import shared_dirs

    folders = [root.resolve()]
    folders += [d for d in shared_dirs(root / "plan.yaml") if not _inside(d, folders[0])]
    templates = (workspace / "templates").resolve()
    if templates.is_dir():
        folders.append(templates)
    return folders


def affects(plan: Path, changed: Path) -> bool:
    """Whether a change of the file ``changed`` can change the document of ``plan``: the plan
    itself, a registry file the plan reads, or a template (any .docx of a templates folder)."""
    from vanban.pipeline import SHARED_DIR, shared_dirs

    changed, plan = changed.resolve(), plan.resolve()
    if changed == plan:
        return True
    if changed.parent.name == SHARED_DIR:
        return changed.parent in shared_dirs(plan)
    return changed.suffix == TEMPLATE_SUFFIX and changed.parent.name == "templates"


def diagnostic_dict(d: Diagnostic, lang: str) -> dict:
    """A diagnostic as the page shows it: ``file:line:col``, code, message, and the file's
    absolute path for an editor link."""
    out = d.as_dict(lang)
    out["where"] = str(d.span)
    out["text"] = d.text(lang)
    target = Path(d.span.file)
    out["abs"] = str(target.resolve()) if d.span.file else ""
    out["link"] = editor_link(target.resolve(), d.span.line, d.span.col) \
        if d.span.file and d.span.line else ""
    return out


def editor_link(path: PurePath, line: int, col: int) -> str:
    """The link that opens ``path`` at ``line:col`` in VS Code: ``vscode://file/home/x.yaml:3:5``
    (POSIX) or ``vscode://file/C:/x.yaml:3:5`` (Windows): one slash after ``file``."""
    from urllib.parse import quote

    posix = path.as_posix()
    return f"vscode://file/{quote(posix.lstrip('/'), safe='/:')}:{line}:{col or 1}"


def validate_plan(source: Path, root: Path, lang: str = "vi") -> dict:
    """``vanban validate`` of one plan (nothing rendered): ``{"diagnostics": [...]}``."""
    from vanban import batch
    from vanban.jobs import discover

    try:
        (job,) = discover([source], root / ".vanban-serve-none", root)
        problems = batch.check(job, {}).diagnostics
    except VanbanError as exc:
        problems = list(exc.diagnostics)
    return {"diagnostics": [diagnostic_dict(d, lang) for d in dict.fromkeys(problems)]}


def build_plan(source: Path, root: Path, workspace: Path, lang: str = "vi") -> dict:
    """Validate, render and check one plan in memory (``vanban.batch.make``); nothing is written.

    Returns ``{"diagnostics": [...], "ok": bool, "docx": bytes | None, "attached": bytes |
    None, "text": str, "findings": [...], "depends": [...]}``; ``ok`` is false when there is an
    error (then there is no DOCX); ``attached`` is the second output when the plan makes one (a
    Quyết định in the two-files layout: the document it issues), whose text and findings follow
    the first's; ``depends`` names the other files the document is made from.
    """
    from vanban import batch
    from vanban.jobs import discover

    result: dict = {"diagnostics": [], "ok": False, "docx": None, "attached": None, "text": "",
                    "findings": [], "depends": []}
    try:
        (job,) = discover([source], root / ".vanban-serve-none", root)
        made = batch.make(job, workspace, {})
        diagnostics, outputs = list(dict.fromkeys(made.diagnostics)), made.files
        result["depends"] = [str(p) for p in made.depends]
    except VanbanError as exc:
        diagnostics, outputs = list(exc.diagnostics), []
    result["diagnostics"] = [diagnostic_dict(d, lang) for d in diagnostics]
    if not outputs or any(d.severity is Severity.ERROR for d in diagnostics):
        return result
    data = outputs[0][1]
    result.update(ok=True, docx=data, text=text_of(data), findings=check(data, source.name, lang))
    if len(outputs) > 1:
        attached_job, attached = outputs[1]
        attached_name = attached_job.target.name
        result["attached"] = attached
        result["text"] += f"\n\n{ATTACHED_HEADING}: {attached_name}\n\n" + text_of(attached)
        result["findings"] += attached_findings(check(attached, attached_name, lang), lang)
    return result


ATTACHED_HEADING = "VĂN BẢN KÈM THEO"


def attached_findings(findings: list[dict], lang: str = "vi") -> list[dict]:
    """The findings of the second output, marked as its own (the page shows them after the
    first document's)."""
    head = "Attached document" if lang == "en" else "Văn bản kèm theo"
    return [dict(f, document="attached", text=f"{head}: {f['text']}")
            for f in findings]


def text_of(docx: bytes) -> str:
    """What ``vanban text`` prints for this DOCX."""
    from vanban.review.projection import project

    return project(docx)


def check(docx: bytes, name: str, lang: str = "vi", *, pdf: Path | None = None) -> list[dict]:
    """The ``vanban check`` findings of a DOCX (with ``pdf``, its PDF measured too, as
    ``vanban check --pdf`` does), as the page shows them."""
    from vanban.check.api import check_docx

    geometry = None
    if pdf is not None:
        from vanban.pdf.measure import measure

        geometry = measure(pdf)
    return [dict(f.as_dict(lang), text=f.text("", lang), place=f.where.text(lang))
            for f in check_docx(docx, name=name, pdf_geometry=geometry)]


def pdf_cold(docx: bytes, name: str, timeout: float) -> bytes:
    """The PDF of a DOCX by a LibreOffice started for it (when no warm one can be had)."""
    from vanban.pdf.convert import pdf_bytes

    return pdf_bytes([(name, docx)], timeout=timeout)[0]


def find_soffice() -> Path | None:
    """The LibreOffice executable, or None when there is none."""
    from vanban.pdf.convert import find_soffice as find

    try:
        return find()
    except VanbanError:
        return None


def write_output(target: Path, data: bytes) -> bool:
    """Write an output (``--out``) atomically, skipping unchanged bytes."""
    from vanban.output import write_atomic

    return write_atomic(target, data)

"""The one place where ``vanban serve`` calls the build machinery (the adapter).

Everything the server needs from the rest of vanban goes through these functions: which plans
there are, which plans a changed file affects, building one plan in memory (diagnostics, DOCX,
check findings, text projection), and the "changes" view. They return plain data (dicts, bytes,
text) so that the build can run in a worker process and cross a pipe as JSON.
"""

from __future__ import annotations

import subprocess
from pathlib import Path, PurePath

from vanban.errors import Diagnostic, Severity, VanbanError, display_path

TEMPLATE_SUFFIX = ".docx"


def plan_files(root: Path) -> list[Path]:
    """The plans under ``root`` (sorted), without any file whose real path leaves ``root``
    (a symlink pointing outside is not served)."""
    from vanban.pipeline import PLAN_SUFFIXES, SHARED_DIR, discover

    real_root = root.resolve()
    try:
        found = [job.source for job in discover([root], root / ".vanban-serve-none", root)]
    except VanbanError:  # two plans that would build one output (x.yaml, x.yml): both shown
        found = [p for p in sorted(root.rglob("*")) if p.suffix in PLAN_SUFFIXES and p.is_file()
                 and not any(part == SHARED_DIR or part.startswith(".")
                             for part in p.relative_to(root).parts)]
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
    from vanban.pipeline import discover, validate_all

    try:
        prepared, problems = validate_all(discover([source], root / ".vanban-serve-none", root))
        for item in prepared:
            problems = problems + item.warnings
    except VanbanError as exc:
        problems = list(exc.diagnostics)
    return {"diagnostics": [diagnostic_dict(d, lang) for d in dict.fromkeys(problems)]}


ATTACHED_SUFFIX = "-kem-theo"
"""The name ending of a second output (``pipeline.ATTACHED_SUFFIX``: a Quyết định in the
two-files layout gives ``<name>-kem-theo.docx``, the document it issues)."""


def build_plan(source: Path, root: Path, workspace: Path, lang: str = "vi") -> dict:
    """Validate, render and check one plan in memory; nothing is written.

    Returns ``{"diagnostics": [...], "ok": bool, "docx": bytes | None, "attached": bytes |
    None, "text": str, "findings": [...], "depends": [...]}``; ``ok`` is false when there is an
    error (then there is no DOCX); ``attached`` is the second output when the plan makes one (a
    Quyết định in the two-files layout: the document it issues), whose text and findings follow
    the first's; ``depends`` names the other plans the document is made from (a Quyết định and
    the plan it issues), when the pipeline says so.
    """
    from vanban.pipeline import discover, render_outputs, validate_all

    result: dict = {"diagnostics": [], "ok": False, "docx": None, "attached": None, "text": "",
                    "findings": [], "depends": []}
    try:
        jobs = discover([source], root / ".vanban-serve-none", root)
        prepared, problems = validate_all(jobs)
        for item in prepared:
            problems = problems + item.warnings
            result["depends"] = [str(p) for p in getattr(item, "depends", ())]
        diagnostics = list(dict.fromkeys(problems))
        if not any(d.severity is Severity.ERROR for d in diagnostics) and prepared:
            outputs = [data for _, data in render_outputs(prepared[0], workspace)]
        else:
            outputs = []
    except VanbanError as exc:
        diagnostics, outputs = list(exc.diagnostics), []
    result["diagnostics"] = [diagnostic_dict(d, lang) for d in diagnostics]
    if not outputs:
        return result
    data = outputs[0]
    result.update(ok=True, docx=data, text=text_of(data), findings=check(data, source.name, lang))
    if len(outputs) > 1:
        attached_name = f"{source.stem}{ATTACHED_SUFFIX}.docx"
        result["attached"] = outputs[1]
        result["text"] += f"\n\n{ATTACHED_HEADING}: {attached_name}\n\n" + text_of(outputs[1])
        result["findings"] += attached_findings(check(outputs[1], attached_name, lang))
    return result


ATTACHED_HEADING = "VĂN BẢN KÈM THEO"


def attached_findings(findings: list[dict]) -> list[dict]:
    """The findings of the second output, marked as its own (the page shows them after the
    first document's)."""
    return [dict(f, document="attached", text=f"Văn bản kèm theo: {f['text']}")
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


def _revision(plan: Path, rev: str) -> tuple[Path, str] | str:
    """(the repository's top folder, the plan's path in it) for ``rev``, or why not (Vietnamese)."""
    # A revision only: no option (-…), and no "REV:path" that would name another file.
    if not rev or rev.startswith("-") or ":" in rev or any(c.isspace() for c in rev):
        return "Tên phiên bản (revision) không hợp lệ."
    folder = plan.resolve().parent
    top = _git(["rev-parse", "--show-toplevel"], folder)
    if top is None:
        return "Thư mục này không nằm trong kho git."
    root = Path(top.strip()).resolve()
    rel = plan.resolve().relative_to(root).as_posix()
    if _git(["cat-file", "-e", f"{rev}:{rel}"], folder) is None:
        return f"Không có {rel} ở phiên bản {rev} (tệp mới, hoặc phiên bản không có)."
    return root, rel


NOT_COMPARABLE = ("Bảng so sánh và bản theo dõi thay đổi chỉ lập được khi kế hoạch hợp lệ ở cả "
                  "hai phiên bản")


def changes(plan: Path, rev: str = "HEAD") -> dict:
    """What changed in ``plan`` since revision ``rev`` of its git repository.

    The semantic ``vanban diff`` of the plan against ``REV:path``; when a side does not
    validate, the unified diff of the YAML text, saying why. Returns ``{"ok", "rev", "text",
    "documents", "why"}``; ``ok`` is false (with a Vietnamese reason in ``text``) outside git or
    for an unknown revision; ``documents`` says whether the bảng so sánh and the tracked-changes
    DOCX can be made (both sides validate), else ``why`` says why not.
    """
    import difflib

    found = _revision(plan, rev)
    if isinstance(found, str):
        return {"ok": False, "rev": rev, "text": found, "documents": False, "why": found}
    top, rel = found
    old = _git(["show", f"{rev}:{rel}"], plan.resolve().parent)
    if old is None:
        why = f"Không đọc được {rel} ở phiên bản {rev}."
        return {"ok": False, "rev": rev, "text": why, "documents": False, "why": why}
    semantic, why = _semantic_changes(plan, rev, rel, top)
    if semantic is not None:
        return {"ok": True, "rev": rev, "text": semantic or f"Không có thay đổi so với {rev}.",
                "documents": True, "why": ""}
    why_documents = f"{NOT_COMPARABLE} ({why.rstrip('.')})."
    try:
        new = plan.read_text(encoding="utf-8", errors="replace")
    except OSError:
        gone = f"Không đọc được {rel} (tệp vừa bị xóa?)."
        return {"ok": False, "rev": rev, "text": gone, "documents": False, "why": gone}
    diff = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                f"{rev}:{rel}", rel)
    text = "".join(diff)
    note = (f"Không so sánh theo nội dung được ({why}); dưới đây là khác biệt của tệp YAML.\n\n"
            if why else "")
    return {"ok": True, "rev": rev, "text": note + (text or f"Không có thay đổi so với {rev}."),
            "documents": False, "why": why_documents}


def _semantic_changes(plan: Path, rev: str, rel: str, top: Path) -> tuple[str | None, str]:
    """``vanban diff REV:path path`` as text (tasks by id, renumbering apart, wording word by
    word), or None and why not (a side that does not validate: the YAML diff is shown then)."""
    from vanban.errors import VanbanError
    from vanban.review.report import render_text
    from vanban.review.sides import compare_sides
    from vanban.review_inputs import load_side

    try:
        old = load_side(f"{rev}:{rel}", "old", cwd=top)
        new = load_side(str(plan.resolve()), "new", cwd=top, reuse=old)
        result = compare_sides(old, new)
    except VanbanError as exc:
        first = exc.diagnostics[-1] if exc.diagnostics else None
        return None, (first.message if first else "lỗi")
    lines = render_text(result, "vi", "text").splitlines()
    return "\n".join(lines[1:] if lines and "→" in lines[0] else lines).strip(), ""


def revisions(plan: Path, limit: int = 20) -> list[dict]:
    """The last commits that changed ``plan`` (newest first), for the page to pick from:
    ``[{"rev": short hash, "label": "hash date subject"}]``; empty outside git."""
    out = _git(["log", f"-n{limit}", "--format=%h%x09%cs%x09%s", "--", plan.name],
               plan.resolve().parent)
    rows = []
    for line in (out or "").splitlines():
        rev, _, rest = line.partition("\t")
        date, _, subject = rest.partition("\t")
        rows.append({"rev": rev, "label": f"{rev} {date} {subject}"[:120]})
    return rows


COMPARE_KINDS = ("bang-so-sanh", "theo-doi-thay-doi")
"""The documents of the "changes" tab: the bảng so sánh (``vanban compare``) and the new
document with tracked changes (``vanban compare --tracked``); also their file name endings."""


def compare_docx(plan: Path, rev: str, kind: str, workspace: Path, out: Path) -> dict:
    """Write to ``out`` the bảng so sánh (``kind`` "bang-so-sanh") or the tracked-changes DOCX
    ("theo-doi-thay-doi") of ``plan`` against ``REV:path``, as ``vanban compare [--tracked]``
    makes it (default column headers, no reasons file; author and date from git).

    Returns ``{"ok": True, "count": n, "warnings": [...]}`` or ``{"ok": False, "message"}``
    (Vietnamese) when a side does not validate or the revision cannot be read.
    """
    from vanban.errors import VanbanError
    from vanban.review.sides import compare_sides
    from vanban.review_inputs import load_side

    found = _revision(plan, rev) if kind in COMPARE_KINDS else "Không có loại tài liệu này."
    if isinstance(found, str):
        return {"ok": False, "message": found}
    top, rel = found
    try:
        old = load_side(f"{rev}:{rel}", "old", cwd=top)
        new = load_side(str(plan.resolve()), "new", cwd=top, reuse=old)
        diff = compare_sides(old, new).plans[0][2]
        render = _renderer(workspace)
        if kind == "theo-doi-thay-doi":
            from vanban.review.tracked import tracked_docx

            data, count, warnings = tracked_docx(diff, _git_author(top), _commit_date(
                top, diff.new.document.date_iso), render, display_path(plan))
        else:
            from vanban.review.comparison import comparison_docx

            data = comparison_docx(diff, {}, render)
            count, warnings = len([c for c in diff.changes if not c.renumbering]), []
    except VanbanError as exc:
        lines = [d.text() for d in exc.diagnostics]
        return {"ok": False, "message": f"{NOT_COMPARABLE}:\n" + "\n".join(lines)}
    out.write_bytes(data)
    return {"ok": True, "count": count, "warnings": [w.text() for w in warnings]}


def _renderer(workspace: Path):
    """``review_inputs.render_document`` with the templates of ``workspace`` (not of the
    current folder)."""
    from vanban import doctypes
    from vanban.pipeline import find_template
    from vanban.render.docx import render

    def lay_out(document) -> bytes:
        template = find_template(document.type_key, workspace)
        contract = doctypes.TYPES[document.type_key].contract
        return render(document, template, display_path(template), contract)

    return lay_out


def _git_author(top: Path) -> str:
    """The author of the tracked changes: git's user.name, as ``vanban compare`` takes it."""
    name = _git(["config", "user.name"], top)
    return (name or "").strip() or "vanban"


def _commit_date(top: Path, document_date: str | None):
    """The date of every revision, as ``vanban compare`` takes it: HEAD's commit date, else the
    document's date (never the clock: the same sources give the same file)."""
    import datetime as dt

    stamp = _git(["log", "-1", "--format=%cI"], top)
    try:
        when = dt.datetime.fromisoformat((stamp or "").strip())
        return when.astimezone(dt.timezone.utc).replace(tzinfo=None)
    except ValueError:
        return dt.datetime.fromisoformat(document_date) if document_date \
            else dt.datetime(1980, 1, 1)


def _git(args: list[str], cwd: Path) -> str | None:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=20, check=False,
                              stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if proc.returncode != 0:
        return None
    return proc.stdout.decode("utf-8", "replace")

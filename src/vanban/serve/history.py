"""The "changes" tab's side of the adapter (``engine.py`` is the build side): a plan against
a git revision of it, through the review machinery of ``vanban diff`` and ``vanban compare``.

``changes`` gives the semantic diff (or the YAML diff when a side does not validate) and says
whether the comparison documents can be made; ``compare_docx`` makes the bảng so sánh or the
tracked-changes DOCX as ``vanban compare [--tracked]`` does; ``revisions`` lists the plan's
commits for the page to pick from. A revision given by the page is only ever a revision (no
option, no ``REV:path``), so it can name no file outside the plan.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from vanban.errors import display_path


def _revision(plan: Path, rev: str, lang: str = "vi") -> tuple[Path, str] | str:
    """(the repository's top folder, the plan's path in it) for ``rev``, or why not."""
    en = lang == "en"
    # A revision only: no option (-…), and no "REV:path" that would name another file.
    if not rev or rev.startswith("-") or ":" in rev or any(c.isspace() for c in rev):
        return "Not a valid revision name." if en else "Tên phiên bản (revision) không hợp lệ."
    folder = plan.resolve().parent
    top = _git(["rev-parse", "--show-toplevel"], folder)
    if top is None:
        return ("This folder is not in a git repository." if en else
                "Thư mục này không nằm trong kho git.")
    root = Path(top.strip()).resolve()
    rel = plan.resolve().relative_to(root).as_posix()
    if _git(["cat-file", "-e", f"{rev}:{rel}"], folder) is None:
        return (f"No {rel} in revision {rev} (a new file, or no such revision)." if en else
                f"Không có {rel} ở phiên bản {rev} (tệp mới, hoặc phiên bản không có).")
    return root, rel


NOT_COMPARABLE = ("Bảng so sánh và bản theo dõi thay đổi chỉ lập được khi kế hoạch hợp lệ ở cả "
                  "hai phiên bản")
NOT_COMPARABLE_EN = ("The comparison table and the tracked-changes document can be made only "
                     "when the plan is valid in both versions")


def changes(plan: Path, rev: str = "HEAD", lang: str = "vi") -> dict:
    """What changed in ``plan`` since revision ``rev`` of its git repository.

    The semantic ``vanban diff`` of the plan against ``REV:path``; when a side does not
    validate, the unified diff of the YAML text, saying why. Returns ``{"ok", "rev", "text",
    "documents", "why"}``; ``ok`` is false (with a Vietnamese reason in ``text``) outside git or
    for an unknown revision; ``documents`` says whether the bảng so sánh and the tracked-changes
    DOCX can be made (both sides validate), else ``why`` says why not.
    """
    import difflib

    en = lang == "en"
    same = f"No change since {rev}." if en else f"Không có thay đổi so với {rev}."
    found = _revision(plan, rev, lang)
    if isinstance(found, str):
        return {"ok": False, "rev": rev, "text": found, "documents": False, "why": found}
    top, rel = found
    semantic, why = _semantic_changes(plan, rev, rel, top, lang)
    if semantic is not None:
        return {"ok": True, "rev": rev, "text": semantic or same,
                "documents": True, "why": ""}
    old = _git(["show", f"{rev}:{rel}"], plan.resolve().parent)  # only the YAML diff needs it
    if old is None:
        why = (f"Cannot read {rel} in revision {rev}." if en else
               f"Không đọc được {rel} ở phiên bản {rev}.")
        return {"ok": False, "rev": rev, "text": why, "documents": False, "why": why}
    why_documents = f"{NOT_COMPARABLE_EN if en else NOT_COMPARABLE} ({why.rstrip('.')})."
    try:
        new = plan.read_text(encoding="utf-8", errors="replace")
    except OSError:
        gone = (f"Cannot read {rel} (deleted just now?)." if en else
                f"Không đọc được {rel} (tệp vừa bị xóa?).")
        return {"ok": False, "rev": rev, "text": gone, "documents": False, "why": gone}
    diff = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                f"{rev}:{rel}", rel)
    text = "".join(diff)
    note = ((f"Cannot compare by content ({why.rstrip('.')}); below is the difference of the "
             "YAML file.\n\n" if en else
             f"Không so sánh theo nội dung được ({why.rstrip('.')}); dưới đây là khác biệt của "
             "tệp YAML.\n\n") if why else "")
    return {"ok": True, "rev": rev, "text": note + (text or same),
            "documents": False, "why": why_documents}


def _semantic_changes(plan: Path, rev: str, rel: str, top: Path, lang: str = "vi"
                      ) -> tuple[str | None, str]:
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
        if first is None:
            return None, "error" if lang == "en" else "lỗi"
        return None, (first.message_en or first.message) if lang == "en" else first.message
    lines = render_text(result, lang, "text").splitlines()
    return "\n".join(lines[1:] if lines and "→" in lines[0] else lines).strip(), ""


def revisions(plan: Path, depends=(), limit: int = 20) -> list[dict]:
    """The last commits that changed what ``plan`` prints (newest first), for the page to pick
    from: the plan, the files it is made from (``depends``: a decision's attached plan, a
    report's data) and the registries (``_shared``) it reads, as ``vanban diff REV:path``
    compares them all; ``[{"rev": short hash, "label": "hash date subject"}]``; empty outside
    git."""
    import os

    from vanban.jobs import shared_dirs

    folder = plan.resolve().parent
    paths = [plan.name]
    for other in (*sorted(Path(p) for p in depends), *shared_dirs(plan)):
        if other.exists():
            paths.append(os.path.relpath(other.resolve(), folder))
    # Not before the plan's first commit: it cannot be compared with a revision without it.
    first = (_git(["log", "--format=%ct", "--", plan.name], folder) or "").split()
    if not first:
        return []
    log = ["log", f"-n{limit}", "--format=%h%x09%cs%x09%s", f"--since={first[-1]}", "--"]
    out = _git([*log, *paths], folder)
    if out is None:  # a file outside the repository: the plan's own commits
        out = _git([*log, plan.name], folder)
    rows = []
    for line in (out or "").splitlines():
        rev, _, rest = line.partition("\t")
        date, _, subject = rest.partition("\t")
        rows.append({"rev": rev, "label": f"{rev} {date} {subject}"[:120]})
    return rows


def reasons_name(plan: Path) -> str:
    """The name of the plan's reasons file (``<plan name>.ly-do.yaml`` beside it, which the
    bảng so sánh takes its reasons from), else, for a decision without one, that of the plan
    it issues (as ``compare_docx`` takes them), or "" when there is none."""
    from vanban.errors import VanbanError
    from vanban.review.documents import reasons_beside
    from vanban.source.loader import load_file

    found = reasons_beside(plan)
    if found is None:
        try:
            data = load_file(plan, plan.name).data
        except (VanbanError, OSError):
            data = None
        attachment = data.get("attachment") if isinstance(data, dict) else None
        issued = attachment.get("plan") if isinstance(attachment, dict) else None
        if isinstance(issued, str) and issued:
            found = reasons_beside(plan.parent / issued)
    return found.name if found else ""


COMPARE_KINDS = ("bang-so-sanh", "theo-doi-thay-doi")
"""The documents of the "changes" tab: the bảng so sánh (``vanban compare``) and the new
document with tracked changes (``vanban compare --tracked``); also their file name endings."""


def compare_docx(plan: Path, rev: str, kind: str, workspace: Path, out: Path,
                 columns: tuple[str, ...] = (), lang: str = "vi") -> dict:
    """Write to ``out`` the bảng so sánh (``kind`` "bang-so-sanh") or the tracked-changes DOCX
    ("theo-doi-thay-doi") of ``plan`` against ``REV:path``, as ``vanban compare [--tracked]``
    makes it: the reasons of ``<plan name>.ly-do.yaml`` beside the plan when there is one, the
    column headers ``columns`` (old, new, reason; the defaults where empty), author and date
    from git.

    Returns ``{"ok": True, "count": n, "warnings": [...]}`` or ``{"ok": False, "message"}``
    (Vietnamese) when a side does not validate, the reasons file is broken or the revision
    cannot be read.
    """
    from vanban.errors import VanbanError
    from vanban.review.documents import compare_document, headers, reasons_beside
    from vanban.review.sides import compare_sides
    from vanban.review_inputs import (
        git_author,
        issued_plan_reasons,
        load_side,
        render_document,
        revision_date,
    )

    en = lang == "en"
    unknown = "No such kind of document." if en else "Không có loại tài liệu này."
    found = _revision(plan, rev, lang) if kind in COMPARE_KINDS else unknown
    if isinstance(found, str):
        return {"ok": False, "message": found}
    top, rel = found
    try:
        old = load_side(f"{rev}:{rel}", "old", cwd=top)
        new = load_side(str(plan.resolve()), "new", cwd=top, reuse=old)
        diff = compare_sides(old, new).plans[0][2]
    except VanbanError as exc:
        lines = [d.text(lang) for d in exc.diagnostics]
        head = NOT_COMPARABLE_EN if en else NOT_COMPARABLE
        return {"ok": False, "message": f"{head}:\n" + "\n".join(lines)}
    tracked = kind == "theo-doi-thay-doi"
    reasons = None if tracked else reasons_beside(plan)
    try:
        carried: tuple = (None, {}, [])  # a decision: the reasons of the plan it issues
        if reasons is None and not tracked:
            carried = issued_plan_reasons(f"{rev}:{rel}", str(plan.resolve()), diff, top)
        data, count, warnings = compare_document(
            diff, lambda document: render_document(document, workspace), tracked=tracked,
            author=git_author(top) if tracked else "",
            date=revision_date(None, diff.new.document.date_iso, top) if tracked else None,
            reasons=reasons, columns=headers(*columns), display=display_path(plan), root=top,
            carried=carried[1])
        warnings = [*carried[2], *warnings]
    except VanbanError as exc:
        lines = [d.text(lang) for d in exc.diagnostics]
        shown = display_path(reasons, top) if reasons else None
        if any(d.span.file == shown for d in exc.diagnostics):
            head = f"The reasons file {shown} has errors" if en else f"Tệp lý do {shown} có lỗi"
        else:
            head = NOT_COMPARABLE_EN if en else NOT_COMPARABLE
        return {"ok": False, "message": f"{head}:\n" + "\n".join(lines)}
    out.write_bytes(data)
    return {"ok": True, "count": count, "warnings": [w.text(lang) for w in warnings]}


def _git(args: list[str], cwd: Path) -> str | None:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=20, check=False,
                              stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if proc.returncode != 0:
        return None
    return proc.stdout.decode("utf-8", "replace")

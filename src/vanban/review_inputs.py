"""What the review commands compare: plan files, folders of plans, or either at a git revision.

The one place where the review commands call the pipeline: a plan file is prepared as a build
prepares it (``pipeline.prepare``: validated, checked, composed, with the plan a Quyết định
issues), and rendered with its type's template; ``review/`` itself works on the composed data it
is given and never imports the pipeline. ``OLD``/``NEW`` arguments are a path, or ``REV:path``
(``HEAD~1:plans/quang-binh/2025/ke-hoach-hoa-giai.yaml``); the files of a revision are read
with git into a temporary folder with the same layout, so the registry (``_shared``) that
stood beside the plan at that revision is the one used.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from pathlib import Path

from vanban.errors import Diagnostic, Span, VanbanError, display_path
from vanban.jobs import SHARED_DIR
from vanban.review.sides import PlanSource, Side

SIDE_NAMES = {"old": ("bản cũ", "the old side"), "new": ("bản mới", "the new side")}
_REV = re.compile(r"^(?P<rev>[^:]+):(?P<path>.*)$")


def _fail(code: str, vi: str, en: str, where: str, hint: str = "", hint_en: str = "",
          ) -> VanbanError:
    return VanbanError([Diagnostic(code, vi, Span(where), message_en=en, hint=hint,
                                   hint_en=hint_en)])


def _git(args: list[str], spec: str, cwd: Path) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except OSError:
        raise _fail("diff.git-missing", "Không chạy được git (chưa cài git?).",
                    "git cannot be run (is it installed?).", spec) from None
    if done.returncode:
        said = (done.stderr.decode("utf-8", "replace").strip().splitlines() or [""])[-1]
        raise _fail("diff.bad-rev", f"git không đọc được \"{spec}\": {said}",
                    f"git cannot read \"{spec}\": {said}", spec)
    return done.stdout


def _split_rev(spec: str) -> tuple[str, str] | None:
    if Path(spec).exists():
        return None
    m = _REV.match(spec)
    return (m.group("rev"), m.group("path")) if m else None


def _checkout(rev: str, path: str, spec: str, cwd: Path, into: Path) -> Path:
    """Copy ``path`` (file or folder) at ``rev``, and every ``_shared`` folder above it (for a
    file: its whole top folder), into ``into`` with the repository's layout; the copied path."""
    top = Path(_git(["rev-parse", "--show-toplevel"], spec, cwd).decode().strip())
    done = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"],
                          cwd=cwd, capture_output=True, check=False)
    if done.returncode:
        raise _fail("diff.bad-rev", f"Không có phiên bản \"{rev}\" trong kho git này.",
                    f"No revision \"{rev}\" in this git repository.", spec,
                    "Xem các phiên bản bằng: git log --oneline", "List them with: git log --oneline")
    rel = _in_repo(path, cwd, top)
    names = _git(["ls-tree", "-r", "--full-tree", "--name-only", "-z", rev], spec, cwd
                 ).decode().split("\0")
    # A single file may name others (the plan a report or a decision is about, a report's data
    # and last year's report): the files of its top folder come with it, as they stood then.
    near = rel.split("/")[0] + "/" if rel in names and "/" in rel else None
    wanted = [n for n in names if n and (n == rel or not rel or n.startswith(rel + "/")
                                         or _shared_above(n, rel)
                                         or (near is not None and n.startswith(near)))]
    if not any(n == rel or not rel or n.startswith(rel + "/") for n in wanted):
        hint = hint_en = ""
        here = Path(os.path.relpath(cwd.resolve() / path, top.resolve())).as_posix()
        if not path.startswith(("./", "../")) and here != rel and any(
                n == here or n.startswith(here + "/") for n in names):
            hint = (f"Đường dẫn sau \"{rev}:\" tính từ gốc kho git; để tính từ thư mục đang "
                    f"đứng, viết \"{rev}:./{path}\".")
            hint_en = (f"The path after \"{rev}:\" is from the repository's root; from the "
                       f"working folder, write \"{rev}:./{path}\".")
        raise _fail("diff.not-in-rev", f"Phiên bản \"{rev}\" không có \"{path}\".",
                    f"Revision \"{rev}\" has no \"{path}\".", spec, hint, hint_en)
    for name, data in zip(wanted, _blobs(rev, wanted, spec, cwd)):
        target = into / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return into / rel if rel else into


def unchanged_since(spec: str, path: Path) -> bool:
    """Whether the file ``path`` has the same bytes at the revision that ``spec`` (``REV:…``)
    names as in the working folder; False when ``spec`` names no revision, the file was not
    there, or git cannot tell."""
    split = _split_rev(spec)
    if split is None:
        return False
    cwd = Path.cwd()
    try:
        top = Path(_git(["rev-parse", "--show-toplevel"], spec, cwd).decode().strip())
        done = subprocess.run(
            ["git", "cat-file", "blob",
             f"{split[0]}:{Path(os.path.relpath(path.resolve(), top.resolve())).as_posix()}"],
            cwd=cwd, capture_output=True, check=False)
    except (VanbanError, OSError):
        return False
    return done.returncode == 0 and done.stdout == path.read_bytes()


def _blobs(rev: str, names: list[str], spec: str, cwd: Path) -> list[bytes]:
    """The bytes of each of ``names`` at ``rev`` (names ``git ls-tree`` gave), read by one
    ``git cat-file --batch``: each answer is "<id> blob <size>", the bytes, a newline."""
    try:
        done = subprocess.run(["git", "cat-file", "--batch"], cwd=cwd, capture_output=True,
                              check=False, input="".join(f"{rev}:{n}\n" for n in names).encode())
    except OSError:
        raise _fail("diff.git-missing", "Không chạy được git (chưa cài git?).",
                    "git cannot be run (is it installed?).", spec) from None
    out, at = [], 0
    for name in names:
        end = done.stdout.find(b"\n", at)
        head = done.stdout[at:end].split()
        if done.returncode or end < 0 or len(head) != 3 or head[1] != b"blob":
            raise _fail("diff.bad-rev", f"git không đọc được \"{rev}:{name}\".",
                        f"git cannot read \"{rev}:{name}\".", spec)
        at = end + 1 + int(head[2])
        out.append(done.stdout[end + 1:at])
        at += 1  # the newline after the bytes
    return out


def _in_repo(path: str, cwd: Path, top: Path) -> str:
    """``path`` of ``REV:path`` as a path from the repository's top, read as git reads it:
    from the top, except "./…" and "../…", which start at the working folder."""
    if path in (".", "..") or path.startswith(("./", "../")):
        path = os.path.relpath((cwd / path).resolve(), top.resolve())
    rel = Path(path).as_posix().strip("/")
    return "" if rel == "." else rel


def _shared_above(name: str, rel: str) -> bool:
    """True for a registry file in a ``_shared`` folder that ``rel`` sees."""
    parts = name.split("/")
    if len(parts) < 2 or parts[-2] != SHARED_DIR:
        return False
    folder = "/".join(parts[:-2])
    return not folder or rel == folder or rel.startswith(folder + "/")


def load_side(spec: str, side: str, cwd: Path | None = None, reuse: Side | None = None
              ) -> Side:
    """Load OLD or NEW (``side`` is "old" or "new"): every plan validated and composed.

    A problem in a plan is reported with its place, after a line that says which side it is.
    A plan whose file and registry files read the same as in ``reuse`` (the other side) is not
    composed again: it is the same document.
    """
    cwd = cwd or Path.cwd()
    rev = _split_rev(spec)
    if rev is None:
        path = Path(spec)
        if not path.exists():
            raise _fail("args.not-found", "Không tìm thấy tệp hoặc thư mục này.",
                        "No such file or folder.", spec)
        return _load(path, side, spec, display_path, None, reuse)
    with tempfile.TemporaryDirectory(prefix="vanban-rev-") as tmp:
        root = Path(tmp)
        copied = _checkout(rev[0], rev[1], spec, cwd, root)
        return _load(copied, side, spec,
                     lambda p: f"{rev[0]}:{p.resolve().relative_to(root.resolve()).as_posix()}",
                     root, reuse)


def _registry_text(folders: tuple[Path, ...]) -> tuple:
    """What the registry of ``folders`` is made of: each file's name and bytes, in order."""
    return tuple((i, p.name, p.read_bytes()) for i, folder in enumerate(folders)
                 for p in sorted(folder.glob("*.yaml")))


def _named(file: Path, depends) -> tuple:
    """The files a plan was made from besides itself and its registry (the plan a Quyết định
    issues, a report's data), by their paths from the plan's folder, with their bytes."""
    return tuple(sorted((Path(os.path.relpath(p, file.parent)).as_posix(), _read(p))
                        for p in {Path(p).resolve() for p in depends}))


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _reusable(reuse: Side | None, rel: str, text: str, file: Path, registry: tuple):
    """The other side's composed plan when this plan is made of the same things: the same text,
    the same registry files, the same files named (read here at the other side's paths)."""
    if reuse is None or rel not in reuse.plans or reuse.source_text.get(rel) != text:
        return None
    their_registry, named = reuse.registry_text[rel]
    if their_registry != registry:
        return None
    if any(_read(file.parent / name) != data for name, data in named):
        return None
    return reuse.plans[rel]


def _load(path: Path, side: str, spec: str, shown, root: Path | None,
          reuse: Side | None = None) -> Side:
    from vanban.jobs import is_plan_file
    from vanban.pipeline import PLAN_SUFFIXES, BuildCache, Job, prepare
    from vanban.workspace import shared_dirs

    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if is_plan_file(p, path))
    else:
        if path.suffix not in PLAN_SUFFIXES:
            raise _fail("args.not-plan", "Đây không phải tệp kế hoạch (.yaml hoặc .yml); lệnh so "
                        "sánh đọc kế hoạch YAML, không đọc DOCX.",
                        "Not a plan file (.yaml/.yml); comparison reads YAML plans.", spec)
        if path.parent.name == SHARED_DIR:
            raise _fail("args.not-plan", "Đây là tệp danh mục (_shared), không phải kế hoạch; "
                        "để so sánh danh mục, so sánh hai thư mục kế hoạch (ví dụ HEAD~1:plans "
                        "plans).", "This is a registry file, not a plan; compare two plan "
                        "folders to see registry changes.", spec)
        files = [path]
    out = Side(spec, path.is_dir())
    problems: list[Diagnostic] = []
    cache = BuildCache(shown=shown, root=root)  # each registry and each plan file read once
    fingerprints: dict[tuple[Path, ...], tuple] = {}
    for file in files:
        rel = file.relative_to(path).as_posix() if path.is_dir() else file.name
        display = shown(file)
        text = file.read_text(encoding="utf-8", errors="replace")
        folders = tuple(shared_dirs(file))
        if folders not in fingerprints:
            fingerprints[folders] = _registry_text(folders)
        same = _reusable(reuse, rel, text, file, fingerprints[folders])
        if same is not None:
            out.plans[rel] = PlanSource(rel, display, same.plan, same.loaded, same.document,
                                        same.registry, same.doctype)
            made_of = reuse.registry_text[rel]
        else:
            try:  # as a build prepares it: checks, and the plan a Quyết định issues
                item = prepare(Job(file, display, file.with_suffix(".docx")), cache)
            except VanbanError as exc:
                problems.extend(exc.diagnostics)
                continue
            out.plans[rel] = PlanSource(rel, display, item.plan, item.loaded, item.document,
                                        item.registry, item.doctype)
            made_of = (fingerprints[folders], _named(file, item.depends))
        out.source_text[rel] = text
        out.registry_text[rel] = made_of
    if problems:
        vi, en = SIDE_NAMES[side]
        head = Diagnostic(f"diff.{side}-invalid",
                          f"{vi.capitalize()} ({spec}) có lỗi nên không so sánh được:",
                          Span(spec), message_en=f"{en.capitalize()} ({spec}) has errors, so "
                          "it cannot be compared:")
        raise VanbanError([head, *dict.fromkeys(problems)])
    return out


def render_document(document, workspace: Path | None = None) -> bytes:
    """The DOCX bytes of a composed document, laid out by the template of its type in
    ``workspace`` (by default the workspace of the working folder, else that folder)."""
    from vanban import doctypes
    from vanban.jobs import workspace_root
    from vanban.pipeline import find_template
    from vanban.render.docx import render

    workspace = workspace or workspace_root((), Path.cwd()) or Path.cwd()
    template = find_template(document.type_key, workspace)
    contract = doctypes.TYPES[document.type_key].contract
    return render(document, template, display_path(template), contract)


def check_draft(text: str, target: Path, display: str, origin: Path | None = None) -> bool:
    """Validate and compose a plan text meant for ``target`` before anything is written, with
    the registry it will see there; when no ``_shared/`` registry is above ``target`` (a draft
    written outside the workspace), with the registry of ``origin``, the plan it was made
    from. True when the draft was checked against ``origin``'s registry for that reason."""
    from vanban.pipeline import load_typed
    from vanban.resolve import resolve
    from vanban.workspace import load_registry, shared_dirs

    with tempfile.TemporaryDirectory(prefix="vanban-draft-") as tmp:
        staged = Path(tmp) / target.name
        staged.write_text(text, encoding="utf-8")
        plan, loaded, doctype = load_typed(staged, display)
    loaded.source = target  # files the draft names (a report's plan) are found beside it
    shared = shared_dirs(target)
    borrowed = not shared and origin is not None and bool(shared := shared_dirs(origin))
    doctype.compose(resolve(plan, load_registry(shared), loaded))
    return borrowed


def git_author(cwd: Path | None = None) -> str:
    """Who the tracked changes are by: git's user.name, else "vanban"."""
    try:
        done = subprocess.run(["git", "config", "user.name"], cwd=cwd, capture_output=True,
                              text=True, check=False, stdin=subprocess.DEVNULL, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return "vanban"
    return done.stdout.strip() or "vanban"


def revision_date(text: str | None, document_date: str | None, cwd: Path | None = None):
    """The one date every revision carries: ``text`` (--date), else HEAD's commit date, else
    the new document's date, else 1980-01-01 (never the clock: the same sources give the same
    file)."""
    import datetime as dt

    if text:
        return dt.datetime.fromisoformat(text).replace(tzinfo=None)
    try:
        done = subprocess.run(["git", "log", "-1", "--format=%cI"], cwd=cwd, capture_output=True,
                              text=True, check=False, stdin=subprocess.DEVNULL, timeout=20)
        stamp = dt.datetime.fromisoformat(done.stdout.strip())
        return stamp.astimezone(dt.timezone.utc).replace(tzinfo=None)
    except (OSError, ValueError, subprocess.TimeoutExpired):
        if document_date:
            return dt.datetime.fromisoformat(document_date)
        return dt.datetime(1980, 1, 1)


def issued_plan_reasons(old: str, new: str, diff, cwd: Path | None = None,
                        ) -> tuple[Path | None, dict[tuple, str], list]:
    """For the bảng so sánh of a Quyết định (NEW a file) that has no reasons file of its own:
    the reasons file beside the plan it issues (``<plan>.ly-do.yaml``), its reasons carried to
    the names the decision's comparison gives the same blocks ("so-tay-hoa-giai" → "Kế hoạch
    kèm theo, II.2.2"), and that file's warnings; (None, {}, []) when there is none."""
    import posixpath

    from vanban.pipeline import load_plan
    from vanban.review.carried import carried_reasons
    from vanban.review.comparison import load_reasons
    from vanban.review.documents import reasons_beside
    from vanban.review.outline import outline

    if len(diff.new.document.attachments) != 1 or not Path(new).is_file():
        return None, {}, []
    # Only its ``attachment.plan`` is wanted: read and validated, not composed again.
    decision, _ = load_plan(Path(new), display_path(Path(new)))
    attachment = getattr(getattr(decision, "attachment", None), "plan", None)
    if not attachment:
        return None, {}, []
    found = reasons_beside(Path(new).parent / attachment)
    if found is None:
        return None, {}, []
    given, warnings = load_reasons(found, set())
    warnings = [w for w in warnings if w.code != "reasons.unknown-ref"]
    plans = []
    for spec in (old, new):
        rev = _split_rev(spec)
        if rev:  # the plan beside the decision at that revision
            other = f"{rev[0]}:" + posixpath.normpath(
                posixpath.join(posixpath.dirname(rev[1]), attachment))
        else:
            other = str(Path(spec).parent / attachment)
        try:
            source = next(iter(load_side(other, "new", cwd).plans.values()))
        except (VanbanError, StopIteration):
            plans.append(None)  # the plan was not there: its removed blocks get no reason
            continue
        plans.append(outline(source.plan, source.document))
    return found, carried_reasons(diff, (plans[0], plans[1]), given), warnings

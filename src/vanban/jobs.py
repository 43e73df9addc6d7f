"""Which plans a command works on, and where each one's output goes: light enough to decide
that nothing needs building without importing the validator or the renderer."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from vanban.errors import Diagnostic, Span, VanbanError, display_path

PLAN_SUFFIXES = (".yaml", ".yml")
PLANS_DIR = "plans"
"""The folder of a workspace that holds its plans (beside it: outputs/, templates/)."""
SHARED_DIR = "_shared"
ATTACHED_SUFFIX = "-kem-theo"
"""The name ending of a document a Quyết định issues in the two-files layout
(``<name>-kem-theo.docx``)."""
OWNER_PREFIX = "~$"
"""The name start of the owner (lock) file Word and Excel put beside a file they have open
(``~$-hoach.yaml``, ``~$hoa-giai.xlsx``): a few bytes of the user's name, never a plan."""
REASONS_SUFFIX = ".ly-do.yaml"
"""The name ending of a plan's reasons file for its bảng so sánh (``<plan name>.ly-do.yaml``
beside the plan): not a plan."""


@dataclass(frozen=True)
class Job:
    """One plan to build: where it is, how it is shown in messages, where its DOCX goes."""

    source: Path
    display: str
    target: Path


def plan_files(paths: Iterable[Path]) -> list[Path]:
    """The plan files named, and those under the folders named (sorted), in that order (a
    file named twice is there twice: callers keep the first); VanbanError for a path that is
    not there or a file that is not a plan."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(p for p in sorted(path.rglob("*")) if is_plan_file(p, path))
        elif path.is_file():
            if path.suffix not in PLAN_SUFFIXES:
                raise VanbanError([Diagnostic(
                    "args.not-plan", "Đây không phải tệp kế hoạch (.yaml hoặc .yml): vanban đọc "
                    "kế hoạch YAML; muốn kiểm tra một tệp DOCX, dùng: vanban check TỆP.docx",
                    Span(str(path)), message_en="Not a plan file (.yaml/.yml); to check a DOCX "
                    "use: vanban check FILE.docx")])
            files.append(path)
        else:
            raise VanbanError([Diagnostic(
                "args.not-found", "Không tìm thấy tệp hoặc thư mục này.", Span(str(path)),
                message_en="No such file or folder.",
                hint="Kiểm tra lại đường dẫn; lệnh chạy trong thư mục dự án (nơi có plans/) "
                "hoặc một thư mục con của nó.",
                hint_en="Check the path; run the command in the project folder (with plans/) "
                "or a folder inside it.")])
    return files


def discover(paths: Iterable[Path], out_dir: Path, plans_root: Path) -> list[Job]:
    """Plan files under ``paths`` (files or folders), sorted, with their mirrored output paths.

    A plan inside ``plans_root`` keeps its folders under ``out_dir``
    (plans/quang-binh/2024/x.yaml → outputs/quang-binh/2024/x.docx); another one goes to
    ``out_dir`` by its file name. ``_shared`` folders hold the registry, not plans.
    """
    files = plan_files(paths)
    jobs, seen, owners = [], set(), {}
    out_root, plans_real = out_dir.resolve(), plans_root.resolve()
    for f in files:
        resolved = f.resolve()
        if resolved in seen:
            continue
        seen.add(resolved)
        try:
            rel = resolved.relative_to(plans_real)
        except ValueError:
            rel = Path(resolved.name)
        target = (out_root / rel).with_suffix(".docx")
        shown = display_path(f)
        if out_root not in target.resolve().parents:
            raise VanbanError([Diagnostic(
                "output.outside", "Đường dẫn tệp kết quả nằm ngoài thư mục kết quả.",
                Span(shown), message_en="The output path leaves the output folder.")])
        if target in owners:
            raise VanbanError([Diagnostic(
                "output.collision",
                f"Kế hoạch này và {owners[target]} sẽ cùng ghi ra {display_path(target)}; đổi tên "
                "một trong hai tệp.", Span(shown),
                message_en=f"This plan and {owners[target]} would both write "
                           f"{display_path(target)}; rename one of them.")])
        owners[target] = shown
        jobs.append(Job(f, shown, target))
    return jobs


def shared_dirs(plan: Path) -> list[Path]:
    """``_shared`` folders beside the plan and in every folder above it, nearest first."""
    out = []
    for folder in plan.resolve().parents:
        candidate = folder / SHARED_DIR
        if candidate.is_dir():
            out.append(candidate)
    return out


def is_plan_file(path: Path, root: Path) -> bool:
    """Whether a file found under the folder ``root`` is a plan: a .yaml/.yml file outside
    ``_shared`` and hidden folders that is no reasons file, nor an Office owner file."""
    parts = path.relative_to(root).parts
    return (path.suffix in PLAN_SUFFIXES and not path.name.endswith(REASONS_SUFFIX)
            and not path.name.startswith(OWNER_PREFIX)
            and SHARED_DIR not in parts and not any(part.startswith(".") for part in parts)
            and path.is_file())


def workspace_root(paths: Iterable[Path], cwd: Path) -> Path | None:
    """The workspace a command works in, resolved; None outside any.

    The folder holding the ``plans/`` that holds every plan named (a plan under
    ``<root>/plans/`` belongs to ``<root>``); else the one whose ``plans/`` holds ``cwd``
    (outputs never go into a folder of plans); else, when no plan is named, the nearest
    folder from ``cwd`` up that holds a ``plans/`` folder. Plans named outside any ``plans/``
    from outside one (a folder of test plans beside a workspace) keep the working folder."""
    here = cwd.resolve()
    owners = {_owner(here / path) for path in paths}
    if len(owners) == 1 and None not in owners:
        return owners.pop()
    if (owner := _owner(here)) is not None or owners:
        return owner
    return next((folder for folder in (here, *here.parents)
                 if (folder / PLANS_DIR).is_dir()), None)


def _owner(path: Path) -> Path | None:
    """The workspace whose ``plans/`` folder is or holds ``path`` (the nearest), or None."""
    path = path.resolve()
    for folder in (path, *path.parents):
        if folder.name == PLANS_DIR and folder.is_dir():
            return folder.parent
    return None

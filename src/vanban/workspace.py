"""The files of a workspace that are not plans: the registry folders (``_shared``) and their
loading. Reading them is the pipeline's job, once per build; composition only looks names up."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from vanban.errors import Diagnostic, VanbanError, display_path
from vanban.model.diagnostics import from_validation_error
from vanban.model.registry import RegistryFile, Signer, Unit
from vanban.resolve.registry import Registry
from vanban.source import load_file

SHARED_DIR = "_shared"


def shared_dirs(plan: Path) -> list[Path]:
    """``_shared`` folders beside the plan and in every folder above it, nearest first."""
    out = []
    for folder in plan.resolve().parents:
        candidate = folder / SHARED_DIR
        if candidate.is_dir():
            out.append(candidate)
    return out


def load_registry(folders: list[Path], display_root: Path | None = None) -> Registry:
    """Merge the registry files of ``folders`` (nearest first: a nearer entry wins)."""
    units: dict[str, Unit] = {}
    signers: dict[str, Signer] = {}
    files: list[str] = []
    problems: list[Diagnostic] = []
    warnings: list[Diagnostic] = []
    for folder in reversed(folders):
        for path in sorted(folder.glob("*.yaml")):
            shown = display_path(path, display_root)
            loaded = load_file(path, shown)
            warnings.extend(loaded.warnings)
            if loaded.data is None:
                continue
            try:
                part = RegistryFile.model_validate(loaded.data)
            except ValidationError as exc:
                problems.extend(from_validation_error(exc, loaded, RegistryFile, "danh mục"))
                continue
            units.update(part.units)
            signers.update(part.signers)
            files.append(shown)
    if problems:
        raise VanbanError(problems)
    return Registry(units, signers, tuple(files), tuple(warnings))

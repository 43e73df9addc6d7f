"""The files of a workspace that are not plans: the registry folders (``_shared``) and their
loading. Reading them is the pipeline's job, once per build; composition only looks names up."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from vanban.errors import Diagnostic, VanbanError, display_path
from vanban.jobs import OWNER_PREFIX, SHARED_DIR, shared_dirs  # noqa: F401  (re-exported)
from vanban.model.diagnostics import from_validation_error
from vanban.model.registry import RegistryFile, Signer, Unit
from vanban.resolve.registry import Registry
from vanban.source.loader import Loaded, load_file


def load_registry(folders: list[Path], display_root: Path | None = None) -> Registry:
    """Merge the registry files of ``folders`` (nearest first: a nearer entry wins)."""
    units: dict[str, Unit] = {}
    signers: dict[str, Signer] = {}
    where: dict[tuple, Loaded] = {}  # ("signers", id) or ("units", id) → the file it came from
    files: list[str] = []
    problems: list[Diagnostic] = []
    warnings: list[Diagnostic] = []
    broken: set[str] = set()  # unit codes of files with errors: reported there, not again
    for folder in reversed(folders):
        for path in sorted(folder.glob("*.yaml")):
            if path.name.startswith(OWNER_PREFIX):  # Word has the file open: not a registry
                continue
            shown = display_path(path, display_root)
            loaded = load_file(path, shown)
            warnings.extend(loaded.warnings)
            if loaded.data is None:
                continue
            try:
                part = RegistryFile.model_validate(loaded.data)
            except ValidationError as exc:
                problems.extend(from_validation_error(exc, loaded, RegistryFile, "danh mục"))
                declared = loaded.data.get("units") if isinstance(loaded.data, dict) else None
                if isinstance(declared, dict):
                    broken.update(k for k in declared if isinstance(k, str))
                continue
            units.update(part.units)
            signers.update(part.signers)
            where.update({("units", k): loaded for k in part.units})
            where.update({("signers", k): loaded for k in part.signers})
            files.append(shown)
    problems.extend(_unknown_codes(units, signers, where, broken))
    if problems:
        raise VanbanError(problems)
    return Registry(units, signers, tuple(files), tuple(warnings))


def _unknown_codes(units: dict[str, Unit], signers: dict[str, Signer],
                   where: dict[tuple, Loaded], broken: set[str]) -> list[Diagnostic]:
    """A signer's ``unit`` and a unit's ``successor`` name a unit code of the merged registry
    (a typo there would silently drop the signer's agency check or the successor hint); a
    code declared in a registry file with errors is not unknown (one misspelt field there
    made every signer of its units an error too)."""
    refs = [(("signers", k, "unit"), v.unit) for k, v in signers.items() if v.unit]
    refs += [(("units", k, "successor"), v.successor) for k, v in units.items() if v.successor]
    out = []
    for path, code in refs:
        if code in units or code in broken:
            continue
        import difflib  # only to suggest a name: not paid by a plan without errors

        close = difflib.get_close_matches(code, list(units), n=1, cutoff=0.6)
        out.append(Diagnostic(
            "registry.unit-unknown", f'Không có đơn vị mã "{code}" trong danh mục đơn vị.',
            where[path[:2]].span(path), ".".join(path), message_en=f'No unit with the code '
            f'"{code}" in the registry.',
            hint=f'Có phải "{close[0]}"?' if close else "Ghi mã một đơn vị có trong units:.",
            hint_en=f'Did you mean "{close[0]}"?' if close else "Use a code listed under units:."))
    return out


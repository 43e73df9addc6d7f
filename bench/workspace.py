"""A generated workspace of N plans, for the scale benchmarks.

Each plan is the 2024 Quảng Bình plan with its own number and a title ending in its index, under
``plans/gen/<index>/ke-hoach.yaml``, next to a copy of the project's registry and templates. The
plans differ in bytes, so no build can share one output between two plans.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "plans" / "quang-binh" / "2024" / "ke-hoach-hoa-giai.yaml"


def make_workspace(folder: Path, count: int, root: Path = ROOT) -> Path:
    """Write ``count`` plans into ``folder`` (a workspace with plans/, templates/); returns it.
    The registry and templates come from ``root`` (another checkout's, for a baseline)."""
    plans = folder / "plans"
    shutil.copytree(root / "plans" / "_shared", plans / "_shared")
    if (root / "templates").is_dir():
        shutil.copytree(root / "templates", folder / "templates")
    text = SEED.read_text(encoding="utf-8")
    for index in range(count):
        target = plans / "gen" / f"{index:04d}" / "ke-hoach.yaml"
        target.parent.mkdir(parents=True)
        target.write_text(plan_text(text, index), encoding="utf-8")
    return folder


def plan_text(seed: str, index: int) -> str:
    """The seed plan made distinct: its number and the last line of its title carry ``index``."""
    out = seed.replace("number: 87 ", f"number: {index + 1} ", 1)
    return out.replace("  giai đoạn 2021-2025” năm 2024\n",
                       f"  giai đoạn 2021-2025” năm 2024 (bản {index + 1})\n", 1)


def edit_one(folder: Path, index: int = 0, stamp: int = 1) -> Path:
    """Change the wording of one plan (as a clerk's save would); returns its path."""
    target = folder / "plans" / "gen" / f"{index:04d}" / "ke-hoach.yaml"
    text = target.read_text(encoding="utf-8")
    edited = re.sub(rf"\(bản {index + 1}(, sửa \d+)?\)", f"(bản {index + 1}, sửa {stamp})",
                    text, count=1)
    assert edited != text, "the edit must change the plan"
    target.write_text(edited, encoding="utf-8")
    return target


def edit_registry(folder: Path, stamp: int = 1) -> Path:
    """Change one signer of the shared registry whom no generated plan names (a province's
    registry edited for one commune); returns the registry file."""
    target = folder / "plans" / "_shared" / "nguoi-ky.yaml"
    text = target.read_text(encoding="utf-8")
    edited = re.sub(r"name: Đặng Minh Khoa( \d+)?\n", f"name: Đặng Minh Khoa {stamp}\n", text,
                    count=1)
    assert edited != text, "the edit must change the registry"
    target.write_text(edited, encoding="utf-8")
    return target

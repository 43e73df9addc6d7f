"""One report build reads each of its files once: the report, its plan, its data, the registry,
and last year's report with its own plan and data (counted at ``io.open``, which every reader
here goes through: the YAML loader, the CSV reader, and openpyxl's zip file)."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
from tests.unit.report.conftest import ROOT

from vanban import batch
from vanban.jobs import Job
from vanban.report.summary import summary

PLANS = ROOT / "plans"
REGISTRY = ("_shared/don-vi.yaml", "_shared/nguoi-ky.yaml", "quang-binh/_shared/don-vi-huyen.yaml")
INPUTS_2025 = (*REGISTRY, "quang-binh/2025/bao-cao-hoa-giai.yaml",
               "quang-binh/2025/ke-hoach-hoa-giai.yaml",
               "quang-binh/2025/so-lieu/hoa-giai-2025.csv",
               "quang-binh/2024/bao-cao-hoa-giai.yaml",
               "quang-binh/2024/ke-hoach-hoa-giai.yaml",
               "quang-binh/2024/so-lieu/hoa-giai-2024.xlsx")




def _under(counts: Counter, root: Path) -> dict[str, int]:
    return {p.relative_to(root).as_posix(): n for p, n in counts.items()
            if p.is_relative_to(root)}


def test_a_build_of_a_report_reads_each_file_once(opened):
    source = PLANS / "quang-binh" / "2025" / "bao-cao-hoa-giai.yaml"
    outcome = batch.make(Job(source, "bao-cao-hoa-giai.yaml", Path("unused.docx")), ROOT, {})
    assert outcome.diagnostics == [] and outcome.files
    read = _under(opened, PLANS)
    assert set(INPUTS_2025) <= set(read)
    assert {p: n for p, n in read.items() if n != 1} == {}
    # The plan is found by its id among the files beside the report: each of them read once too.
    assert "quang-binh/2025/to-trinh-ban-hanh-ke-hoach.yaml" in read


@pytest.fixture()
def by_convention(tmp_path) -> Path:
    """The 2024 and 2025 reports, the 2025 one finding last year's by its folder (no
    ``previous:``)."""
    for part in ("_shared", "quang-binh/_shared", "quang-binh/2024"):
        shutil.copytree(PLANS / part, tmp_path / part)
    year = tmp_path / "quang-binh" / "2025"
    year.mkdir()
    shutil.copytree(PLANS / "quang-binh" / "2025" / "so-lieu", year / "so-lieu")
    shutil.copy(PLANS / "quang-binh" / "2025" / "ke-hoach-hoa-giai.yaml", year)
    text = (PLANS / "quang-binh" / "2025" / "bao-cao-hoa-giai.yaml").read_text(encoding="utf-8")
    assert "previous: ../2024/bao-cao-hoa-giai.yaml\n" in text
    (year / "bao-cao-hoa-giai.yaml").write_text(
        text.replace("previous: ../2024/bao-cao-hoa-giai.yaml\n", ""), encoding="utf-8")
    return year / "bao-cao-hoa-giai.yaml"


def test_last_years_report_found_by_its_folder_is_read_once(by_convention, opened):
    text, _ = summary(by_convention)
    assert "Cùng kỳ năm trước" in text
    row = next(line for line in text.splitlines() if line.startswith("1 | "))
    assert row.split(" | ")[6], row  # last year's figure is there
    read = _under(opened, by_convention.parents[2])
    assert set(read) == set(INPUTS_2025)
    assert {p: n for p, n in read.items() if n != 1} == {}

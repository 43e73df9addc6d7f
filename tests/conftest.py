"""Shared fixtures: the example workspace built once per test session, and its PDFs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PLANS = ROOT / "plans"


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true",
                     help="rewrite tests/golden/*.txt from the current outputs (read the diff!)")


def example_plans() -> list[Path]:
    """Every plan of the example workspace (not the registry)."""
    from vanban.pipeline import discover

    return [job.source for job in discover([PLANS], ROOT / "outputs", PLANS)]


def example_ids() -> list[str]:
    return [str(p.relative_to(PLANS).with_suffix("")) for p in example_plans()]


def is_report(path: Path) -> bool:
    """Whether an example is a year-end report (type: bao-cao-ket-qua) rather than a plan."""
    from vanban.report.load import is_report as report_data
    from vanban.source import load_file

    return report_data(load_file(path).data)


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> dict[str, Path]:
    """Build every example plan into a temporary outputs folder: {plan id: docx path}."""
    from vanban.pipeline import build, discover

    out = tmp_path_factory.mktemp("outputs")
    jobs = discover([PLANS], out, PLANS)
    build(jobs, workspace=ROOT)
    return {str(job.source.relative_to(PLANS).with_suffix("")): job.target for job in jobs}


def _soffice_available() -> bool:
    from vanban.errors import VanbanError
    from vanban.pdf import find_soffice

    try:
        find_soffice()
    except VanbanError:
        return False
    return True


@pytest.fixture(scope="session")
def pdfs(built) -> dict[str, Path]:
    """The examples converted by LibreOffice in one run: {plan id: pdf path}."""
    if not _soffice_available():
        if shutil.which("apt-get") and __import__("os").environ.get("CI"):
            pytest.fail("LibreOffice is missing on CI: .ci/run must install it")
        pytest.skip("LibreOffice (soffice) is not installed")
    from vanban.pdf import convert_to_pdf

    paths = convert_to_pdf(list(built.values()))
    return dict(zip(built, paths))

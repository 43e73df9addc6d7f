"""Shared fixtures: the example workspace built once per test session, and its PDFs."""

from __future__ import annotations

import functools
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parents[1]
PLANS = ROOT / "plans"

def copy_examples(folder: Path, ignore=None) -> Path:
    """The example workspace (plans/ and templates/) copied into ``folder``; returns it. Tests
    write into the copy, never into the repository other test processes read at the time."""
    shutil.copytree(PLANS, folder / "plans", ignore=ignore)
    shutil.copytree(ROOT / "templates", folder / "templates")
    return folder


@pytest.fixture()
def example_workspace(tmp_path, monkeypatch) -> Path:
    """A copy of the example workspace as the working folder."""
    monkeypatch.chdir(copy_examples(tmp_path))
    return tmp_path


# The property tests draw the same examples on every run (a run that fails can be repeated,
# and CI never fails on a draw it has not seen before); VANBAN_FUZZ=deep explores afresh.
settings.register_profile("fixed", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile("explore" if os.environ.get("VANBAN_FUZZ") == "deep" else "fixed")


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true",
                     help="rewrite tests/golden/*.txt from the current outputs (read the diff!)")


def example_plans() -> list[Path]:
    """Every plan of the example workspace (not the registry)."""
    from vanban.pipeline import discover

    return [job.source for job in discover([PLANS], ROOT / "outputs", PLANS)]


@functools.cache  # read once per session: six test modules ask at collection
def example_types() -> dict[str, str]:
    """{output id: document type} of every output the example workspace builds; a decision that
    issues a plan as a file of its own gives a second output, "<id>-kem-theo"."""
    from vanban.pipeline import ATTACHED_SUFFIX, load_typed

    out = {}
    for path in example_plans():
        plan, _loaded, doctype = load_typed(path, path.name)
        plan_id = str(path.relative_to(PLANS).with_suffix(""))
        out[plan_id] = doctype.key
        attachment = getattr(plan, "attachment", None)
        if attachment is not None and attachment.layout == "two-files":
            out[plan_id + ATTACHED_SUFFIX] = "attached"
    return out


def example_ids(*types: str) -> list[str]:
    """Every output id of the example workspace, or those of the given document types."""
    return [i for i, t in example_types().items() if not types or t in types]


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> dict[str, Path]:
    """Build every example plan into a temporary outputs folder: {plan id: docx path}."""
    from vanban.batch import build
    from vanban.jobs import discover

    out = tmp_path_factory.mktemp("outputs")
    jobs = discover([PLANS], out, PLANS)
    result = build(jobs, workspace=ROOT)
    return {str(path.relative_to(out).with_suffix("")): path
            for path in sorted(result.written + result.unchanged) if path.suffix == ".docx"}


def _soffice_available() -> bool:
    from vanban.errors import VanbanError
    from vanban.pdf.convert import find_soffice
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
    from vanban.pdf.convert import convert_to_pdf
    paths = convert_to_pdf(list(built.values()))
    return dict(zip(built, paths))


def command_paths(group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command of a click group, as the words that call it (the group itself first)."""
    import click

    out = [prefix]
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            out += command_paths(command, (*prefix, name))
        else:
            out.append((*prefix, name))
    return out

"""One build prepares each plan file once: the plan a Quyết định issues is read, validated and
composed once, however many decisions of the build issue it and whether or not it is a job of
the build itself; its problems are still reported at every decision that issues it."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from vanban import batch, pipeline
from vanban.errors import VanbanError
from vanban.jobs import discover

ROOT = Path(__file__).resolve().parents[2]
YEAR = Path("quang-binh/2025")
PLAN = "ke-hoach-hoa-giai.yaml"
DECISIONS = ("du-thao-quyet-dinh-hai-tep.yaml", "quyet-dinh-ban-hanh-ke-hoach.yaml")


@pytest.fixture()
def ws(tmp_path, monkeypatch) -> Path:
    """A workspace of one plan and the two decisions that issue it, with their registries."""
    plans = tmp_path / "plans"
    shutil.copytree(ROOT / "plans" / "_shared", plans / "_shared")
    shutil.copytree(ROOT / "plans" / "quang-binh" / "_shared", plans / "quang-binh" / "_shared")
    (plans / YEAR).mkdir(parents=True)
    for name in (PLAN, *DECISIONS):
        shutil.copy(ROOT / "plans" / YEAR / name, plans / YEAR / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture()
def reads(monkeypatch) -> Counter:
    """How many times each plan file is read and validated (by its file name)."""
    counted: Counter = Counter()
    real = pipeline.load_typed

    def counting(path, display):
        counted[Path(path).name] += 1
        return real(path, display)

    monkeypatch.setattr(pipeline, "load_typed", counting)
    return counted


def _jobs(ws: Path):
    return discover([ws / "plans"], ws / "outputs", ws / "plans")


def _docx(ws: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((ws / "outputs").rglob("*.docx"))}


def test_a_plan_issued_by_two_decisions_is_read_once_per_build(ws, reads, monkeypatch):
    assert [j.source.name for j in _jobs(ws)] == [DECISIONS[0], PLAN, DECISIONS[1]]
    batch.build(_jobs(ws), workspace=ws, out_dir=ws / "outputs")
    assert reads == {PLAN: 1, DECISIONS[0]: 1, DECISIONS[1]: 1}
    cached = _docx(ws)
    assert len(cached) == 4  # the plan, both decisions, the second file of the two-files one
    # Without the cache (nothing kept) the plan is read for itself and for each decision, and
    # the outputs are the very same bytes.
    shutil.rmtree(ws / "outputs")
    reads.clear()
    monkeypatch.setattr(pipeline, "PLANS_KEPT", 0)
    batch.build(_jobs(ws), workspace=ws, out_dir=ws / "outputs")
    assert reads[PLAN] == 3
    assert _docx(ws) == cached


def test_a_plan_issued_by_decisions_only_is_read_once(ws, reads):
    """The plan is not a job of the build (only the decisions are built)."""
    jobs = [j for j in _jobs(ws) if j.source.name != PLAN]
    batch.build(jobs, workspace=ws, out_dir=ws / "outputs")
    assert reads == {PLAN: 1, DECISIONS[0]: 1, DECISIONS[1]: 1}


def test_errors_of_an_issued_plan_are_reported_at_each_decision(ws, reads):
    plan = ws / "plans" / YEAR / PLAN
    plan.write_text(plan.read_text(encoding="utf-8").replace("\ntitle:", "\ntitel:", 1),
                    encoding="utf-8")
    cache = pipeline.BuildCache()
    found = {}
    for job in _jobs(ws):
        with pytest.raises(VanbanError) as exc:
            pipeline.prepare(job, cache)
        found[job.source.name] = [(d.span.file, d.code) for d in exc.value.diagnostics
                                  if d.severity.value == "error"]
    assert reads[PLAN] == 1
    expected = (f"plans/{YEAR.as_posix()}/{PLAN}", "schema.extra-forbidden")
    assert all(expected in found[name] for name in (PLAN, *DECISIONS)), found
    with pytest.raises(VanbanError) as exc:  # the whole build: the error, once
        batch.build(_jobs(ws), workspace=ws, out_dir=ws / "outputs")
    assert [(d.span.file, d.code) for d in exc.value.diagnostics].count(expected) == 1
    assert not (ws / "outputs").exists()


def test_a_parallel_build_gives_the_same_bytes(ws):
    batch.build(_jobs(ws), workspace=ws, out_dir=ws / "outputs")
    serial = _docx(ws)
    shutil.rmtree(ws / "outputs")
    batch.build(_jobs(ws), workspace=ws, out_dir=ws / "outputs", workers=2)
    assert _docx(ws) == serial

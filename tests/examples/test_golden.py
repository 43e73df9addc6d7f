"""Golden text projections of every example output (refresh with --update-goldens)."""

from __future__ import annotations

import pytest
from tests.conftest import ROOT, example_ids

from vanban.review.projection import project

GOLDEN = ROOT / "tests" / "golden"


@pytest.mark.parametrize("plan_id", example_ids())
def test_projection_matches_golden(plan_id, built, request):
    actual = project(built[plan_id])
    golden = GOLDEN / f"{plan_id}.txt"
    if request.config.getoption("--update-goldens"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.is_file(), f"no golden for {plan_id}: run pytest --update-goldens and read it"
    assert actual == golden.read_text(encoding="utf-8")


def test_committed_outputs_are_current(built):
    """outputs/ in the repository is what the current code builds from plans/ (byte for byte)."""
    for plan_id, path in built.items():
        committed = ROOT / "outputs" / f"{plan_id}.docx"
        assert committed.is_file(), f"outputs/{plan_id}.docx is not committed"
        assert committed.read_bytes() == path.read_bytes(), f"outputs/{plan_id}.docx is stale"

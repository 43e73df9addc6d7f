"""``check --pdf`` measures many PDFs in worker processes: the same geometry as one by one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from vanban.check import measure_all

pytestmark = [pytest.mark.pdf,
              pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")]

ROOT = Path(__file__).resolve().parents[3]
OUTPUTS = [ROOT / "outputs" / "quang-binh" / "2024" / "ke-hoach-hoa-giai.docx",
           ROOT / "outputs" / "quang-binh" / "2025" / "cong-van-trien-khai-ke-hoach.docx",
           ROOT / "outputs" / "quang-binh" / "2025" / "thong-bao-tap-huan.docx",
           ROOT / "outputs" / "quang-trach" / "2025" / "ke-hoach-hoa-giai.docx"]


def test_parallel_measurement_equals_one_by_one(monkeypatch):
    documents = [(p.name + str(i), p.read_bytes()) for i, p in enumerate(OUTPUTS)]
    assert len(documents) >= measure_all.MEASURE_IN_PARALLEL
    parallel, failed = measure_all.measure_all(documents)
    monkeypatch.setattr(measure_all, "MEASURE_IN_PARALLEL", 10**6)  # one by one, in process
    serial, _ = measure_all.measure_all(documents)
    assert failed == {} and list(parallel) == [name for name, _ in documents]
    assert {n: (g.pages, g.page_count) for n, g in parallel.items()} == {
        n: (g.pages, g.page_count) for n, g in serial.items()}  # all but the temporary path
    assert all(geometry.pages for geometry in parallel.values())

"""``check --pdf`` measures many PDFs in worker processes: the same geometry as one by one."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from vanban.check import measure_all
from vanban.pdf import convert
from vanban.pdf.convert import pdf_results

pytestmark = [pytest.mark.pdf,
              pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")]

ROOT = Path(__file__).resolve().parents[3]
OUTPUTS = [ROOT / "outputs" / "quang-binh" / "2024" / "ke-hoach-hoa-giai.docx",
           ROOT / "outputs" / "quang-binh" / "2025" / "cong-van-trien-khai-ke-hoach.docx",
           ROOT / "outputs" / "quang-binh" / "2025" / "thong-bao-tap-huan.docx",
           ROOT / "outputs" / "quang-trach" / "2025" / "ke-hoach-hoa-giai.docx"]


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one CPU: no worker processes to compare")
def test_parallel_measurement_equals_one_by_one(monkeypatch):
    documents = [(p.name + str(i), p.read_bytes()) for i, p in enumerate(OUTPUTS)]
    assert len(documents) >= measure_all.MEASURE_IN_PARALLEL
    pdfs = pdf_results(documents)  # converted once: measure_all is handed the same PDFs
    monkeypatch.setattr(convert, "pdf_results", lambda docs, processes=1: pdfs)
    parallel, failed = measure_all.measure_all(documents)  # in a pool (2+ CPUs, 4 files)
    serial = {name: measure_all._measure(data) for (name, _), data in zip(documents, pdfs)}
    assert failed == {} and list(parallel) == [name for name, _ in documents]
    assert parallel == serial
    assert all(geometry.pages for geometry in parallel.values())

"""``check --pdf``: convert the readable files with LibreOffice and measure each PDF, keeping
every file's outcome apart (a file LibreOffice cannot load never hides the others' findings)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from vanban.errors import Diagnostic

PROCESSES = 2
"""LibreOffice processes for a large batch (bench/check_corpus.py measured two faster than one
on a 2-core machine)."""


MEASURE_IN_PARALLEL = 4
"""From this many PDFs on, they are measured in worker processes (one per core): reading a PDF's
layout is pure Python and took most of ``check --pdf``'s time."""


def measure_all(documents: Sequence[tuple[str, bytes]]) -> tuple[dict[str, Any],
                                                                   dict[str, list[Diagnostic]]]:
    """(geometry per name, diagnostics per name that could not be converted)."""
    from vanban.pdf.convert import pdf_results

    made = pdf_results(list(documents), processes=PROCESSES)
    geometries: dict[str, Any] = {}
    failed: dict[str, list[Diagnostic]] = {}
    pdfs: list[tuple[str, bytes]] = []
    for (name, _data), result in zip(documents, made):
        if isinstance(result, Diagnostic):
            failed[name] = [result]
        else:
            pdfs.append((name, result))
    workers = min(len(pdfs), os.cpu_count() or 1)
    if workers > 1 and len(pdfs) >= MEASURE_IN_PARALLEL:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers) as pool:
            measured = list(pool.map(_measure, [data for _, data in pdfs], chunksize=4))
    else:
        measured = [_measure(data) for _, data in pdfs]
    for (name, _), geometry in zip(pdfs, measured):
        geometries[name] = geometry
    return geometries, failed


def _measure(data: bytes) -> Any:
    """The geometry of one PDF given as bytes (the pages the checker reads)."""
    from vanban.pdf.measure import MAX_PAGES, measure

    return measure(data, max_pages=MAX_PAGES, rules_on="first")

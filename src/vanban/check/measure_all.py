"""``check --pdf``: convert the readable files with LibreOffice and measure each PDF, keeping
every file's outcome apart (a file LibreOffice cannot load never hides the others' findings)."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from vanban.errors import Diagnostic

PROCESSES = 2
"""LibreOffice processes for a large batch (bench/check_corpus.py measured two faster than one
on a 2-core machine)."""


def measure_all(documents: Sequence[tuple[str, bytes]]) -> tuple[dict[str, Any],
                                                                   dict[str, list[Diagnostic]]]:
    """(geometry per name, diagnostics per name that could not be converted)."""
    from vanban.pdf.convert import pdf_results
    from vanban.pdf.measure import MAX_PAGES, measure

    made = pdf_results(list(documents), processes=PROCESSES)
    geometries: dict[str, Any] = {}
    failed: dict[str, list[Diagnostic]] = {}
    with tempfile.TemporaryDirectory(prefix="vanban-check-") as tmp:
        for i, ((name, _data), result) in enumerate(zip(documents, made)):
            if isinstance(result, Diagnostic):
                failed[name] = [result]
                continue
            pdf = Path(tmp) / f"{i}.pdf"
            pdf.write_bytes(result)
            geometries[name] = measure(pdf, max_pages=MAX_PAGES, rules_on="first")
            pdf.unlink()
    return geometries, failed

"""A report's computed figures as plain text (what ``vanban report validate`` prints)."""

from __future__ import annotations

from pathlib import Path

from vanban.errors import Diagnostic
from vanban.report.compute import data_sentences
from vanban.report.load import load_report
from vanban.report.numbers import ROUNDING


def summary(source: Path, lang: str = "vi") -> tuple[str, tuple[Diagnostic, ...]]:
    """The sentences and the targets table of the report at ``source`` (as the report prints
    them: in Vietnamese; vanban's own label in ``lang``), and its warnings."""
    item = load_report(source)
    results = item.results
    start, end = item.period
    period = "Reporting period" if lang == "en" else "Kỳ báo cáo"
    lines = [f"{item.display}: {item.facts.about}",
             f"{period}: {start:%d/%m/%Y} – {end:%d/%m/%Y}", results.task_sentence()]
    lines += data_sentences(results, item.scope, item.columns)
    if results.targets:
        header, rows = results.target_table()
        lines.append(" | ".join(header))
        lines += [" | ".join(row) for row in rows]
        if sentence := results.target_sentence():
            lines.append(sentence)
        lines.append(ROUNDING)
    return "\n".join(lines) + "\n", item.warnings

"""The year-end report on a plan (``type: bao-cao-ket-qua``) as a document type: the entry of the
table of types for :mod:`vanban.report`.

A report is validated by its own model and resolved like any document (issuer, code BC-…,
place, signer). Composition reads the plan, the data and last year's report, computes every
figure, and lays the result out as a Báo cáo of Mẫu 1.4 — the frame, Kính gửi and Nơi nhận by
the same code as every Báo cáo — with the per-unit appendix table (landscape, own page numbers).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from vanban import numbering
from vanban.compose.document import AppendixDoc, Document, appendix_reference
from vanban.compose.table import plain_table
from vanban.doctypes import mau_1_4
from vanban.doctypes.base import DocType
from vanban.errors import Diagnostic, Severity, VanbanError
from vanban.model.plan import Plan
from vanban.report.compose import FRAME_KEYS, appendix, plan_data
from vanban.report.load import complete
from vanban.report.model import PRINTED_TYPE, REPORT_TYPE, Report
from vanban.resolve import Resolved, resolve

PRINTED = next(t for t in mau_1_4.TYPES if t.key == PRINTED_TYPE)
"""The Báo cáo a report is printed as."""


@dataclass(frozen=True)
class ReportDocument(Document):
    """A report's document, with the files it was computed from (for incremental builds)."""

    depends: tuple[Path, ...] = ()


def check(resolved: Resolved) -> list[Diagnostic]:
    """Nothing before composition: reading the plan and the data is composition's first step,
    and its problems are reported there with the resolve stage's."""
    return []


def _frame_only(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """The Báo cáo checks on the frame fields (the report's own text, at the report's own
    places); the body is generated from the plan and the data, which are checked where they are."""
    return [d for d in diagnostics if d.path.split(".")[0].split("[")[0] in FRAME_KEYS]


def compose(resolved: Resolved) -> Document:
    """The report's document; VanbanError with every problem of the report, its plan, its data
    and its frame."""
    source = resolved.loaded.source or Path(resolved.loaded.file)  # the file actually read
    item = complete(resolved.plan, resolved.loaded, source, resolved.registry)
    data = plan_data(item)
    plan = Plan.model_validate(data)
    inner = resolve(plan, resolved.registry, resolved.loaded)
    found = _frame_only(PRINTED.check(inner))
    document = PRINTED.compose(inner)  # raises with the frame's lookup problems
    if any(d.severity is Severity.ERROR for d in found):
        raise VanbanError(found)
    appendices: tuple[AppendixDoc, ...] = ()
    extra = appendix(item)
    if extra is not None:
        reference = appendix_reference(inner)
        # The "Tổng cộng" row (the last) is bold, as a clerk writes a totals row by hand.
        table = plain_table(extra.widths, extra.aligns, extra.header, extra.rows,
                            bold_rows=frozenset({len(extra.rows) - 1}))
        appendices = (AppendixDoc(numbering.appendix_label(1, 1), extra.title, reference,
                                  extra.landscape, extra.header, (), table=table),)
    warnings = tuple(d for d in found if d.severity is Severity.WARNING) + item.warnings
    same = {f.name: getattr(document, f.name) for f in fields(document)}
    same.update(appendices=appendices, warnings=document.warnings + warnings)
    return ReportDocument(**same, depends=item.files)


TYPE = DocType(key=REPORT_TYPE, name=PRINTED.name, abbr=PRINTED.abbr, layout=PRINTED.layout,
               model=Report, check=check, compose=compose, template=PRINTED.template,
               build_template=PRINTED.build_template, contract=PRINTED.contract,
               profile=PRINTED.profile, reads_other_files=True)
"""The report's entry in the table of document types."""
TYPES = (TYPE,)

"""Content checks on a validated plan: Decree 30 and common sense, beyond what the schema says.

Each check adds located diagnostics with a stable code; errors stop the build, warnings are
printed (and become errors with ``--strict``). The checks read the resolved plan; names the
registry does not know are reported by the resolve stage, not here.
"""

from __future__ import annotations

from vanban.errors import Diagnostic
from vanban.model.checks.base import Findings
from vanban.model.checks.content import check_labels, check_sections, check_tables, check_tasks
from vanban.model.checks.dates import check_issue_date, check_timelines
from vanban.model.checks.frame import (
    check_code,
    check_kinh_gui,
    check_recipients,
    check_signature,
)
from vanban.model.checks.targets import check_target_values
from vanban.model.checks.title_lines import check_title_lines
from vanban.model.checks.validity import check_validity
from vanban.model.checks.wording import check_tabs, check_title_quotes, check_wording
from vanban.resolve import Resolved

__all__ = ["CODES", "check_letter", "check_plan"]

CODES = {
    # code: (severity, what it catches)
    "plan.date-after-year": ("error", "issue date after the plan's year"),
    "plan.date-before-year": ("warning", "issue date more than a year before the plan's year"),
    "plan.code-format": ("error", "code (ký hiệu) not of the form KH-UBND"),
    "plan.code-type": ("error", "code does not start with the document type's abbreviation"),
    "plan.code-issuer": ("warning", "code lacks the issuer's abbreviation"),
    "plan.no-sections": ("warning", "no sections or parts"),
    "task.timeline-unparsed": ("warning", "a timeline that cannot be read"),
    "task.timeline-invalid-date": ("error", "an impossible date, month or quarter in a timeline"),
    "task.timeline-before-year": ("error", "a timeline before the plan's year"),
    "task.timeline-after-year": ("warning", "a timeline after the plan's year"),
    "plan.date-year-mismatch": ("warning", "most timelines after the year of the issue date"),
    "plan.date-year-ahead": ("error", "most timelines before the year of the issue date"),
    "task.timeline-before-issue": ("warning", "a deadline before the issue date"),
    "task.duplicate-id": ("error", "two tasks with one id"),
    "target.duplicate-id": ("error", "two targets with one id"),
    "target.value-text": ("warning", "a target's value that its sentence does not write"),
    "task.lead-missing": ("error", "a task with an empty lead list"),
    "table.row-cells": ("error", "a table row whose cells do not match the columns"),
    "table.too-wide": ("error", "table column widths wider than the text"),
    "table.span-edge": ("error", "a merged cell reaching past the table's edge or last row"),
    "table.span-overlap": ("error", "a merged cell over a cell merged down from above"),
    "table.group-split": ("error", "a header group whose columns are not adjacent"),
    "table.stt-sequence": ("warning", "a typed STT number repeated or skipped"),
    "title.short-last-line": ("warning", "a summary whose last printed line is a word or two"),
    "task.lead-also-support": ("error", "a unit that leads and coordinates one task"),
    "section.empty": ("warning", "a section without content"),
    "section.appendix-only": ("warning", "a section whose tasks all print in the appendix"),
    "section.title-case": ("warning", "a section title not in upper case"),
    "part.title-case": ("warning", "a part title not in upper case"),
    "appendix.title-case": ("warning", "an appendix title not in upper case"),
    "content.typed-label": ("warning", "a typed number or dash that is computed"),
    "signature.head-missing": ("error", "KT./Q./TL./TUQ. without the head's title"),
    "signature.head-unused": ("warning", "head given without an authority"),
    "signature.kt-deputy": ("error", "KT. signed by someone who is not a deputy"),
    "signature.deputy-needs-kt": ("error", "a deputy signing without KT."),
    "signature.tm-not-collective": ("warning", "TM. for an issuer that is not collective"),
    "signature.tm-missing": ("warning", "a collective issuer's signature without TM."),
    "signature.not-upper": ("warning", "signature titles not in upper case"),
    "signature.signer-unit": ("warning", "a registered signer of another agency than the issuer"),
    "plan.kinh-gui-type": ("error", "Kính gửi in a type that does not use it"),
    "recipients.duplicate": ("error", "a recipient listed twice"),
    "recipients.computed-line": ("warning", "a typed \"Như trên\" / \"Như Điều N\" line"),
    "recipients.archive-line": ("error", "a hand-written Lưu line among the recipients"),
    "recipients.typed-dash": ("warning", "a typed dash before a recipient"),
    "archive.unit-format": ("warning", "an archive unit that is not an abbreviation"),
    "text.capitalisation": ("warning", "capitalisation that Phụ lục II settles"),
    "text.spelling-variant": ("warning", "\"uỷ\" for \"ủy\""),
    "text.title-quoted": ("warning", "a summary wrapped in quotes"),
    "text.quoted": ("warning", "a text wrapped in Word's curly quotes"),
    "text.tab": ("warning", "a Tab inside a printed text"),
    "unit.ceased": ("warning", "a unit that had ceased to exist by the plan's date"),
}


def check_plan(resolved: Resolved) -> list[Diagnostic]:
    """Every content problem of a resolved plan, in file order."""
    return _check(resolved, letter=False)


def check_letter(resolved: Resolved) -> list[Diagnostic]:
    """The content checks of a document without sections (Công văn, Quyết định): the frame,
    the body's blocks and the wording."""
    return _check(resolved, letter=True)


def _check(resolved: Resolved, *, letter: bool) -> list[Diagnostic]:
    plan = resolved.plan
    out = Findings(resolved.loaded)
    check_issue_date(plan, out)
    check_code(resolved, out)
    if not letter:
        check_sections(plan, out)
    check_labels(plan, out)
    check_tasks(resolved, out)
    check_target_values(plan, out)
    check_tables(plan, out)
    check_timelines(plan, out)
    check_wording(plan, out)
    check_title_quotes(plan, out)
    check_title_lines(plan, out)
    check_tabs(plan, out)
    check_recipients(plan, out)
    check_signature(resolved, out)
    if not letter:
        check_kinh_gui(resolved, out)
    check_validity(resolved, out)
    return sorted(out.found, key=lambda d: (d.span.line, d.span.col))

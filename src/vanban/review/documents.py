"""The two documents of a comparison, made one way for ``vanban compare`` and for the preview
(``vanban serve``): the bảng so sánh (with its reasons and column headers) or the new document
with Word tracked changes.

The reasons of a plan live beside it by one convention, ``<plan name>.ly-do.yaml``
(``ke-hoach-hoa-giai.yaml`` → ``ke-hoach-hoa-giai.ly-do.yaml``); the build and the review
commands never take that file for a plan (``vanban.jobs.REASONS_SUFFIX``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from vanban.errors import Diagnostic
from vanban.jobs import REASONS_SUFFIX
from vanban.review.comparison import (
    DEFAULT_HEADERS,
    comparison_docx,
    former_refs,
    load_reasons,
    refs,
)
from vanban.review.diff import PlanDiff


def reasons_beside(plan: Path) -> Path | None:
    """The reasons file of ``plan`` by the convention, when there is one."""
    candidate = plan.with_name(plan.stem + REASONS_SUFFIX)
    return candidate if candidate.is_file() else None


def headers(old: str | None = None, new: str | None = None, reason: str | None = None
            ) -> tuple[str, str, str]:
    """The three column headers of the bảng so sánh; an empty or missing one is the default."""
    def one(given: str | None, default: str) -> str:
        return given.strip() if given and given.strip() else default

    return (one(old, DEFAULT_HEADERS[0]), one(new, DEFAULT_HEADERS[1]),
            one(reason, DEFAULT_HEADERS[2]))


def compare_document(diff: PlanDiff, render: Callable[[object], bytes], *, tracked: bool = False,
                     author: str = "", date: dt.datetime | None = None,
                     reasons: Path | None = None,
                     columns: tuple[str, str, str] = DEFAULT_HEADERS, display: str = "",
                     root: Path | None = None, carried: dict[tuple, str] | None = None,
                     ) -> tuple[bytes, int, list[Diagnostic]]:
    """The DOCX of the comparison: the tracked-changes document (``tracked``, by ``author``
    at ``date``) or the bảng so sánh with the reasons of the file ``reasons`` and the headers
    ``columns``; the number of revisions or changes, and the warnings. ``render`` lays a
    composed document out with its template; messages name files from ``root`` (the working
    folder by default); ``carried``: reasons by changed block found otherwise (a decision's,
    from the reasons of the plan it issues), the file's own first. VanbanError for a broken reasons file."""
    if tracked:
        from vanban.review.tracked import tracked_docx

        return tracked_docx(diff, author, date, render, display)
    given, warnings = (load_reasons(reasons, refs(diff), root, former_refs(diff)) if reasons
                       else ({}, []))
    # The changes as the table counts them: one row per block (a Kính gửi's lines are one).
    data, count = comparison_docx(diff, given, render, columns, by_block=carried)
    return data, count, warnings

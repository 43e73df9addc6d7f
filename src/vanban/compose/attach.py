"""A document issued with a Quyết định (Mẫu 1.3): the attached plan as it is printed after the
decision, with the decision's number and date written once."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from vanban.compose.document import AppendixDoc, BodyTable, Document, Para


@dataclass(frozen=True)
class Attached:
    """The attached document: the issuer header without Số, place and date; its type name and
    summary; "(Kèm theo Quyết định số …)"; its body; no signature and no Nơi nhận."""

    superior_lines: tuple[str, ...]
    issuer_lines: tuple[str, ...]
    type_name: str
    title: str
    reference: str
    body: tuple[Para | BodyTable, ...]
    appendices: tuple[AppendixDoc, ...] = ()
    source: object = dataclasses.field(default=None, compare=False, repr=False)
    """The plan (its model) this copy prints, whose tasks and targets keep their ids here
    although the copy prints none (None: not known)."""


def attach(decision: Document, plan: Document, source: object = None) -> Document:
    """``decision`` with ``plan`` issued with it; ``source``: the plan's model, that
    ``plan`` was composed from."""
    attached = Attached(plan.superior_lines, plan.issuer_lines, plan.type_name, plan.title,
                        decision.attach_reference, plan.body, plan.appendices, source)
    return dataclasses.replace(decision, attachments=decision.attachments + (attached,),
                               warnings=decision.warnings + plan.warnings)

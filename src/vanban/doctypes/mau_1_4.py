"""The documents laid out by Mẫu 1.4 (văn bản có tên loại): Kế hoạch and its siblings.

They share one model (``Plan``), one set of content checks, one composition and one template;
only the printed type name and the code's abbreviation differ.
"""

from __future__ import annotations

from vanban.compose.document import compose
from vanban.contract import MAU_1_4
from vanban.doctypes.base import DocType
from vanban.model.checks import check_plan
from vanban.model.plan import Plan
from vanban.ooxml.frame import build_template
from vanban.ooxml.styles import STYLES
from vanban.rules import nd30

TEMPLATE = "mau-1-4.docx"


def _entry(key: str) -> DocType:
    name, abbr = nd30.DOCUMENT_TYPES[key]
    return DocType(key=key, name=name, abbr=abbr or "", layout="Mẫu 1.4", model=Plan,
                   check=check_plan, compose=compose, template=TEMPLATE,
                   build_template=build_template, contract=MAU_1_4,
                   styles=tuple(s.id for s in STYLES))


TYPES = tuple(_entry(key) for key in sorted(nd30.MAU_1_4_TYPES))

"""The documents laid out by Mẫu 1.4 (văn bản có tên loại): Kế hoạch and its siblings.

They share one model (``Plan``), one set of content checks and one composition; only the
printed type name and the code's abbreviation differ. Tờ trình and Báo cáo take a Kính gửi
block (ô 9a), so their template has a place for it.
"""

from __future__ import annotations

from functools import partial

from vanban.compose.document import compose
from vanban.contract import MAU_1_4, MAU_1_4_KINH_GUI
from vanban.doctypes.base import DocType, build_frame
from vanban.model.checks import check_plan
from vanban.model.plan import Plan
from vanban.rules import nd30

TEMPLATE = "mau-1-4.docx"
TEMPLATE_KINH_GUI = "mau-1-4-kinh-gui.docx"


def _entry(key: str) -> DocType:
    name, abbr = nd30.DOCUMENT_TYPES[key]
    kinh_gui = key in nd30.KINH_GUI_TYPES
    contract = MAU_1_4_KINH_GUI if kinh_gui else MAU_1_4
    return DocType(key=key, name=name, abbr=abbr or "", layout="Mẫu 1.4", model=Plan,
                   check=check_plan, compose=compose,
                   template=TEMPLATE_KINH_GUI if kinh_gui else TEMPLATE,
                   build_template=partial(build_frame, contract), contract=contract)


TYPES = tuple(_entry(key) for key in sorted(nd30.MAU_1_4_TYPES))

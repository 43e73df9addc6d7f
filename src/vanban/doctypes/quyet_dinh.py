"""The Quyết định (cá biệt), Mẫu 1.1–1.3: the authority line, căn cứ, QUYẾT ĐỊNH:, Điều; it may
issue a plan with it (Mẫu 1.3), built from the plan's own file."""

from __future__ import annotations

from functools import partial

from vanban.compose.quyet_dinh import compose_quyet_dinh
from vanban.contract import MAU_1_2
from vanban.doctypes.base import DocType, build_frame
from vanban.model.checks import check_letter
from vanban.model.quyet_dinh import QuyetDinh
from vanban.rules import nd30

KEY = "quyet-dinh"
NAME, ABBR = nd30.DOCUMENT_TYPES[KEY]

TYPES = (DocType(key=KEY, name=NAME, abbr=ABBR or "", layout="Mẫu 1.1–1.3", model=QuyetDinh,
                 check=check_letter, compose=compose_quyet_dinh, template="mau-1-2.docx",
                 build_template=partial(build_frame, MAU_1_2), contract=MAU_1_2),)

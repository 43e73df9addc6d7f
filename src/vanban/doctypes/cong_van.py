"""The Công văn (Mẫu 1.5): no type name, V/v under the number, Kính gửi, code
<issuer>-<drafting unit>."""

from __future__ import annotations

from functools import partial

from vanban.compose.cong_van import compose_cong_van
from vanban.contract import MAU_1_5
from vanban.doctypes.base import DocType, build_frame
from vanban.model.checks import check_letter
from vanban.model.cong_van import CongVan
from vanban.rules import nd30

TYPES = (DocType(key=nd30.CONG_VAN, name="", abbr="", layout="Mẫu 1.5", model=CongVan,
                 check=check_letter, compose=compose_cong_van, template="mau-1-5.docx",
                 build_template=partial(build_frame, MAU_1_5), contract=MAU_1_5),)

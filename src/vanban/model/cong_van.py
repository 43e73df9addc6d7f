"""A Công văn (Mẫu 1.5), as the clerk writes it: no type name, V/v under the number, Kính gửi."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from vanban.model.blocks import Block, Strict
from vanban.model.plan import Archive, Section, Signature
from vanban.model.types import Int, IsoDate, Slug, Text, UnitList, Word, Year


class CongVan(Strict):
    """One Công văn, described in YAML."""

    model_config = ConfigDict(json_schema_extra={"description": (
        'Một công văn (Mẫu 1.5, Phụ lục III Nghị định 30/2020/NĐ-CP): không có tên loại; '
        'trích yếu "V/v …" dưới số, ký hiệu; có "Kính gửi".')})

    type: Literal["cong-van"] = Field(description="Loại văn bản: cong-van.")
    issuer: Text = Field(description="Cơ quan ban hành: mã hoặc tên trong danh mục đơn vị.")
    drafter: Text | None = Field(default=None, description=(
        "Đơn vị soạn thảo: mã phòng, ban trong departments của cơ quan ban hành (danh mục); "
        "ký hiệu là <viết tắt cơ quan>-<viết tắt phòng>, ví dụ STP-PBGDPL."))
    number: Int | None = Field(default=None, ge=1, le=99999, description=(
        "Số văn bản; bỏ trống (null) khi còn là dự thảo: in \"Số:      /STP-PBGDPL\"."))
    code: Text | None = Field(default=None, description=(
        "Ký hiệu; mặc định = viết tắt cơ quan ban hành + \"-\" + viết tắt đơn vị soạn thảo. Công "
        "văn không có chữ viết tắt tên loại."))
    place: Text | None = Field(default=None, description="Địa danh; mặc định theo cơ quan ban hành.")
    date: IsoDate | None = Field(default=None, description=(
        "Ngày ban hành, dạng YYYY-MM-DD. Bỏ trống khi dự thảo."))
    year: Year | None = Field(default=None, description="Năm ban hành khi chưa có ngày (dự thảo).")
    title: Text = Field(description=(
        "Trích yếu nội dung, in sau \"V/v\" dưới số, ký hiệu (không gõ \"V/v\"), ví dụ \"triển "
        "khai Kế hoạch … năm 2025\"."))
    kinh_gui: UnitList = Field(min_length=1, description=(
        "Kính gửi: một nơi (in cùng dòng) hoặc nhiều nơi (mỗi nơi một dòng \"- …;\", dòng cuối "
        "kết thúc bằng \".\"); dấu do công cụ thêm."))
    intro: tuple[Text, ...] = Field(default=(), description="Đoạn mở đầu (một hoặc nhiều đoạn).")
    content: tuple[Block, ...] = Field(default=(), description=(
        "Nội dung công văn: đoạn văn, các khoản 1., 2. (numbered, item), gạch đầu dòng, bảng."))
    sections: tuple[Section, ...] = Field(default=(), description=(
        "Các mục I, II … khi công văn dài (thường không cần)."))
    unit_separator: Word = Field(default="; ", description="Dấu nối mặc định giữa các đơn vị.")
    recipients: tuple[Text, ...] = Field(default=(), description=(
        "Nơi nhận ngoài những nơi ở Kính gửi (công cụ in dòng \"- Như trên;\" trước)."))
    archive: Archive | None = Field(default=None, description=(
        "Dòng cuối Nơi nhận; mặc định \"- Lưu: VT, <viết tắt đơn vị soạn thảo>.\""))
    signature: Signature = Field(description="Khối chữ ký (ô 7).")
    id: Slug | None = Field(default=None, description="Mã ổn định của văn bản.")

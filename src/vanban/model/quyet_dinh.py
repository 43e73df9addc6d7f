"""A Quyết định (Mẫu 1.1–1.3), as the clerk writes it: the authority line, căn cứ, "Theo đề
nghị …", "QUYẾT ĐỊNH:", and articles (Điều) whose numbers are computed."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import ConfigDict, Field

from vanban.model.blocks import Block, Strict
from vanban.model.plan import Archive, Signature
from vanban.model.types import Bool, Int, IsoDate, Slug, Text, Word, Year


class Article(Strict):
    """An article (Điều): "Điều N." in bold, its text, and its khoản (1., 2.) and điểm (a), b))."""

    model_config = ConfigDict(json_schema_extra={"description": (
        'Một Điều: "Điều N." in đậm (số do công cụ đánh), nội dung, các khoản 1., 2. và điểm a), '
        'b) (đánh số lại trong mỗi Điều).')})

    article: Text = Field(description="Nội dung dòng Điều, sau \"Điều N.\" (không gõ \"Điều 1.\").")
    content: tuple[Block, ...] = Field(default=(), description=(
        "Các khoản (numbered hoặc item → 1., 2.) và điểm bên trong (→ a), b)), đoạn văn."))
    executors: Bool = Field(default=False, description=(
        "Điều giao trách nhiệm thi hành; Nơi nhận bắt đầu bằng \"- Như Điều N;\". Mặc định là "
        "Điều cuối cùng."))


class Attachment(Strict):
    """The document issued with the decision (Mẫu 1.3), from its own plan file."""

    model_config = ConfigDict(json_schema_extra={"description": (
        'Văn bản ban hành kèm theo Quyết định (Mẫu 1.3), lấy từ tệp kế hoạch của nó.')})

    plan: Text = Field(description=(
        "Đường dẫn tệp kế hoạch, tính từ thư mục của tệp quyết định, ví dụ "
        "\"ke-hoach-hoa-giai.yaml\". Số, ngày của văn bản kèm theo là số, ngày của quyết định."))
    layout: Literal["one-docx", "two-files"] = Field(default="one-docx", description=(
        "one-docx: văn bản kèm theo là một section mới trong cùng tệp DOCX, đánh số trang lại từ "
        "1; two-files: thêm tệp <tên quyết định>-kem-theo.docx."))

    def file(self, decision: Path) -> Path:
        """The attached plan's file: ``plan`` taken from the folder of the ``decision`` file."""
        return decision.parent / self.plan


class QuyetDinh(Strict):
    """One Quyết định (cá biệt), described in YAML."""

    model_config = ConfigDict(json_schema_extra={"description": (
        'Một quyết định (cá biệt), Mẫu 1.1–1.3 Phụ lục III Nghị định 30/2020/NĐ-CP.')})

    type: Literal["quyet-dinh"] = Field(description="Loại văn bản: quyet-dinh.")
    issuer: Text = Field(description="Cơ quan ban hành: mã hoặc tên trong danh mục đơn vị.")
    number: Int | None = Field(default=None, ge=1, le=99999, description=(
        "Số văn bản; bỏ trống (null) khi còn là dự thảo: in \"Số:      /QĐ-UBND\"."))
    code: Text | None = Field(default=None, description=(
        "Ký hiệu; mặc định QĐ-<viết tắt cơ quan ban hành>, ví dụ QĐ-UBND."))
    place: Text | None = Field(default=None, description="Địa danh; mặc định theo cơ quan ban hành.")
    date: IsoDate | None = Field(default=None, description=(
        "Ngày ban hành, dạng YYYY-MM-DD. Bỏ trống khi dự thảo."))
    year: Year | None = Field(default=None, description="Năm ban hành khi chưa có ngày (dự thảo).")
    title: Text = Field(description=(
        "Trích yếu: \"Về việc …\", \"Ban hành …\", \"Phê duyệt …\" (dòng in đậm dưới QUYẾT ĐỊNH)."))
    authority_line: Text = Field(description=(
        "Thẩm quyền ban hành, IN HOA, in đậm giữa trang trước các căn cứ, ví dụ \"CHỦ TỊCH ỦY "
        "BAN NHÂN DÂN TỈNH QUẢNG BÌNH\" hoặc \"ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH\"."))
    can_cu: tuple[Text, ...] = Field(min_length=1, description=(
        "Các căn cứ ban hành, mỗi căn cứ một dòng (in nghiêng; dấu \";\" và \".\" do công cụ thêm)."))
    proposal: tuple[Text, ...] = Field(default=(), description=(
        "Dòng \"Theo đề nghị của …\" (in nghiêng, viết cả chữ \"Theo đề nghị\"); dấu \".\" cuối do "
        "công cụ thêm."))
    articles: tuple[Article, ...] = Field(min_length=1, description="Các Điều của quyết định.")
    attachment: Attachment | None = Field(default=None, description=(
        "Văn bản ban hành kèm theo (Mẫu 1.3), ví dụ một kế hoạch."))
    unit_separator: Word = Field(default="; ", description="Dấu nối mặc định giữa các đơn vị.")
    recipients: tuple[Text, ...] = Field(min_length=1, description=(
        "Nơi nhận sau dòng \"- Như Điều N;\" (công cụ thêm dòng đó, \"- \" và \";\")."))
    archive: Archive = Field(description="Dòng cuối Nơi nhận: \"- Lưu: VT, <đơn vị>.\"")
    signature: Signature = Field(description="Khối chữ ký (ô 7).")
    id: Slug | None = Field(default=None, description="Mã ổn định của quyết định.")

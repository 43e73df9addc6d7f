"""A plan file (Kế hoạch and other documents laid out by Mẫu 1.4), as the clerk writes it."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from vanban.model.blocks import Block, Strict
from vanban.model.types import Int, IsoDate, Slug, Text, UnitList, Word, Year
from vanban.rules import nd30


class Section(Strict):
    """A section ("I. MỤC ĐÍCH, YÊU CẦU"); its Roman number is computed."""

    model_config = ConfigDict(json_schema_extra={"description": (
        'Một mục lớn (I., II., …); số La Mã do công cụ đánh.')})

    title: Text = Field(description="Tên mục, viết IN HOA như sẽ in, không gõ số La Mã.")
    content: tuple[Block, ...] = Field(default=(), description="Nội dung của mục.")


class Part(Strict):
    """A part ("Phần I" + title, centred), holding its own sections."""

    model_config = ConfigDict(json_schema_extra={"description": (
        'Một phần ("Phần I" và tên phần, căn giữa), gồm các mục của nó.')})

    title: Text = Field(description="Tên phần, viết IN HOA, ví dụ \"KẾT QUẢ THỰC HIỆN NĂM 2024\".")
    sections: tuple[Section, ...] = Field(min_length=1, description="Các mục của phần.")


class Signature(Strict):
    """Ô 7: who signs and with which authority."""

    model_config = ConfigDict(json_schema_extra={"description": (
        'Khối chữ ký (ô 7): quyền hạn ký, chức vụ, người ký.')})

    on_behalf_of: Text | None = Field(
        default=None, description="Tập thể ký thay (dòng \"TM. …\"), ví dụ \"ỦY BAN NHÂN DÂN\".")
    authority: Literal[tuple(p for p in nd30.AUTHORITY_PREFIXES if p != nd30.THAY_MAT)
                       + ("none",)] = Field(
        default="none", description="Quyền hạn ký: KT. (ký thay), Q. (quyền), TL. (thừa lệnh), "
                                    "TUQ. (thừa ủy quyền) hoặc none.")
    head: Text | None = Field(
        default=None, description="Chức vụ người đứng đầu sau KT./Q./TL./TUQ., ví dụ \"CHỦ TỊCH\".")
    position: Text | None = Field(
        default=None, description="Chức vụ của người ký, ví dụ \"PHÓ CHỦ TỊCH\" (mặc định theo danh mục).")
    signer: Text = Field(description="Người ký: mã trong danh mục người ký, hoặc họ tên.")


class Archive(Strict):
    """The final Nơi nhận line: "- Lưu: VT, <unit> <copies>."."""

    model_config = ConfigDict(json_schema_extra={"description": (
        'Dòng cuối của Nơi nhận: "- Lưu: VT, <đơn vị soạn thảo>."')})

    unit: Text = Field(description="Viết tắt đơn vị soạn thảo, ví dụ \"NCVX\" hoặc \"PBGDPL\".")
    copies: Text | None = Field(default=None, description="Số bản lưu nếu muốn ghi, ví dụ \"02b\".")


class Appendix(Strict):
    """The Phụ lục that holds the task table when ``tasks_display`` is ``appendix``."""

    model_config = ConfigDict(json_schema_extra={"description": (
        'Phụ lục chứa bảng nhiệm vụ khi tasks_display là appendix.')})

    title: Text = Field(description="Tên phụ lục, IN HOA, ví dụ \"DANH MỤC NHIỆM VỤ …\".")
    orientation: Literal["auto", "portrait", "landscape"] = Field(
        default="auto", description="Hướng trang của phụ lục; auto (mặc định) là trang ngang, vì "
                                    "bảng nhiệm vụ có 6 cột.")


class Plan(Strict):
    """One document (a Kế hoạch by default), described in YAML."""

    model_config = ConfigDict(json_schema_extra={"description": (
        'Một văn bản (mặc định là Kế hoạch) mô tả bằng YAML; vanban dựng thành DOCX đúng thể '
        'thức Nghị định 30/2020/NĐ-CP.')})

    type: Literal[tuple(sorted(nd30.MAU_1_4_TYPES))] = Field(
        default="ke-hoach", description="Loại văn bản có tên loại (Mẫu 1.4), quyết định tên loại in "
                                        "ra và chữ viết tắt trong ký hiệu, ví dụ ke-hoach → KẾ "
                                        "HOẠCH, KH.")
    issuer: Text = Field(description="Cơ quan ban hành: mã hoặc tên trong danh mục đơn vị.")
    number: Int | None = Field(default=None, ge=1, le=99999, description=(
        "Số văn bản; bỏ trống (null) khi còn là dự thảo: in \"Số:      /KH-UBND\"."))
    code: Text | None = Field(default=None, description=(
        "Ký hiệu; mặc định = viết tắt tên loại + \"-\" + viết tắt (abbr) của cơ quan ban hành "
        "trong danh mục, ví dụ KH-UBND; cơ quan chưa có abbr thì phải ghi code."))
    place: Text | None = Field(default=None, description="Địa danh; mặc định theo cơ quan ban hành.")
    date: IsoDate | None = Field(default=None, description=(
        "Ngày ban hành, dạng YYYY-MM-DD; in \"ngày 16 tháng 01 năm 2024\". Bỏ trống khi dự thảo."))
    year: Year | None = Field(default=None, description="Năm của kế hoạch; mặc định là năm ban hành.")
    title: Text = Field(description=(
        "Trích yếu nội dung (dòng in đậm dưới tên loại). Muốn tự ngắt dòng thì viết dạng khối "
        "\"|-\" và xuống dòng ở chỗ cần ngắt."))
    can_cu: tuple[Text, ...] = Field(default=(), description=(
        "Các căn cứ ban hành, mỗi căn cứ một dòng (in nghiêng; dấu \";\" và \".\" do công cụ thêm)."))
    intro: tuple[Text, ...] = Field(default=(), description="Đoạn mở đầu (một hoặc nhiều đoạn).")
    parts: tuple[Part, ...] = Field(default=(), description="Các phần (Phần I, Phần II); dùng thay "
                                                            "cho sections khi văn bản có phần.")
    sections: tuple[Section, ...] = Field(default=(), description="Các mục I, II, III …")
    tasks_display: Literal["inline", "appendix"] = Field(
        default="inline", description="inline: nhiệm vụ in trong thân văn bản; appendix: in thành bảng "
                                      "ở Phụ lục.")
    appendix: Appendix | None = Field(default=None, description="Phụ lục bảng nhiệm vụ.")
    unit_separator: Word = Field(default="; ", description="Dấu nối mặc định giữa các đơn vị.")
    kinh_gui: UnitList = Field(default=(), description=(
        "Kính gửi (chỉ Tờ trình, và Báo cáo gửi cấp trên): một nơi (cùng dòng) hoặc nhiều nơi (mỗi "
        "nơi một dòng \"- …;\"). Khi có Kính gửi, Nơi nhận bắt đầu bằng \"- Như trên;\"."))
    recipients: tuple[Text, ...] = Field(min_length=1, description=(
        "Nơi nhận, mỗi nơi một dòng (công cụ thêm \"- \" và \";\")."))
    archive: Archive = Field(description="Dòng cuối Nơi nhận: \"- Lưu: VT, <đơn vị>.\"")
    signature: Signature = Field(description="Khối chữ ký (ô 7).")
    id: Slug | None = Field(default=None, description="Mã ổn định của kế hoạch (để so sánh giữa các năm).")

"""The registry (danh mục) of units and signers shared by the plans of a workspace.

A unit is named once here and referred to everywhere by its id, official name, short name or
abbreviation, so a change of name is one edit.
"""

from __future__ import annotations

from pydantic import ConfigDict, Field

from vanban.model.blocks import Strict
from vanban.model.types import Bool, IsoDate, Slug, Text


class Department(Strict):
    """A drafting unit inside an agency (phòng, ban), named in a Công văn's code (STP-PBGDPL)."""

    model_config = ConfigDict(json_schema_extra={"description": (
        'Một phòng, ban của cơ quan (đơn vị soạn thảo), dùng trong ký hiệu công văn.')})

    name: Text = Field(description="Tên phòng, ban, ví dụ \"Phòng Phổ biến, giáo dục pháp luật\".")
    abbr: Text = Field(description="Chữ viết tắt trong ký hiệu công văn và dòng Lưu, ví dụ "
                                   "\"PBGDPL\".")


class Unit(Strict):
    """An agency, office or group of units (danh mục đơn vị)."""

    model_config = ConfigDict(json_schema_extra={"description": (
        'Một cơ quan, đơn vị hoặc nhóm đơn vị trong danh mục.')})

    name: Text = Field(description="Tên chính thức, ví dụ \"Ủy ban nhân dân tỉnh Quảng Bình\".")
    short: Text | None = Field(default=None, description="Tên ngắn, ví dụ \"UBND tỉnh\".")
    abbr: Text | None = Field(default=None, description="Chữ viết tắt dùng trong ký hiệu, ví dụ "
                                                        "\"UBND\", \"STP\".")
    header: tuple[Text, ...] = Field(default=(), description=(
        "Tên cơ quan in ở ô 2 (IN HOA), mỗi phần tử một dòng, ví dụ [ỦY BAN NHÂN DÂN, TỈNH QUẢNG BÌNH]."))
    superior_header: tuple[Text, ...] = Field(default=(), description=(
        "Tên cơ quan chủ quản trực tiếp in trên ô 2 (không đậm), ví dụ [UBND TỈNH QUẢNG BÌNH]."))
    place: Text | None = Field(default=None, description="Địa danh ghi ở ô 4, ví dụ \"Quảng Bình\".")
    collective: Bool = Field(default=False, description="Cơ quan làm việc theo chế độ tập thể (ký TM.).")
    aliases: tuple[Text, ...] = Field(default=(), description="Các cách gọi khác được chấp nhận.")
    departments: dict[Slug, Department] = Field(default_factory=dict, description=(
        "Các phòng, ban (đơn vị soạn thảo) theo mã; công văn ghi drafter: <mã> để có ký hiệu "
        "<viết tắt cơ quan>-<viết tắt phòng>, ví dụ STP-PBGDPL."))
    valid_until: IsoDate | None = Field(default=None, description=(
        "Ngày cuối cùng đơn vị còn hoạt động (sáp nhập, giải thể), ví dụ 2025-06-30; kế hoạch "
        "ghi ngày sau đó mà còn gọi đơn vị này sẽ được cảnh báo."))
    successor: Slug | None = Field(default=None, description=(
        "Mã của đơn vị kế thừa (nhận lại nhiệm vụ), ví dụ ubnd-quang-tri."))


class Signer(Strict):
    """A person who signs (danh mục người ký)."""

    model_config = ConfigDict(json_schema_extra={"description": (
        'Một người ký trong danh mục người ký.')})

    name: Text = Field(description="Họ và tên, ví dụ \"Hồ An Phong\".")
    position: Text = Field(description="Chức vụ, IN HOA, ví dụ \"PHÓ CHỦ TỊCH\".")
    unit: Slug | None = Field(default=None, description="Mã đơn vị công tác.")


class RegistryFile(Strict):
    """One YAML file of the registry: any ``*.yaml`` of a ``_shared`` folder (``plans/_shared/``
    or a sub-folder's), all of a folder's files merged, a nearer folder's entries winning."""

    model_config = ConfigDict(json_schema_extra={"description": (
        'Một tệp danh mục dùng chung: mọi tệp .yaml trong thư mục _shared/ (plans/_shared/, hoặc '
        '_shared/ của một thư mục con, được ưu tiên cho các văn bản trong thư mục con đó). Các tệp '
        'được gộp lại; mỗi tệp có units (đơn vị), signers (người ký) hoặc cả hai, thường là '
        'don-vi.yaml và nguoi-ky.yaml.')})

    units: dict[Slug, Unit] = Field(default_factory=dict, description="Danh mục đơn vị theo mã.")
    signers: dict[Slug, Signer] = Field(default_factory=dict, description="Danh mục người ký theo mã.")

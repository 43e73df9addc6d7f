"""A report source (Báo cáo kết quả thực hiện Kế hoạch), as the clerk writes it in YAML.

The report names its plan and its data; everything that can be counted is computed from them
(task counts, totals, rates, the targets table), never typed.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    WithJsonSchema,
)
from pydantic import Strict as StrictType

from vanban.report.columns import COLUMN_ID
from vanban.report.seam import (
    Archive,
    Int,
    IsoDate,
    Number,
    Signature,
    Slug,
    Strict,
    Text,
    Word,
    Year,
    as_tuple,
)

REPORT_TYPE = "bao-cao-ket-qua"
"""The ``type`` that tells a report source from a plan."""
PRINTED_TYPE = "bao-cao"
"""The type a report is printed as (Mẫu 1.4, BÁO CÁO, code BC)."""

STATUSES = ("hoàn thành", "đang thực hiện", "chưa thực hiện", "không thực hiện")
Status = Literal[STATUSES]

ColumnId = Annotated[
    str, StrictType(), StringConstraints(strip_whitespace=True, min_length=1),
    WithJsonSchema({"type": "string", "pattern": COLUMN_ID})]
"""A column of the data table by its id: checked against the report's columns once loaded
(the hòa giải columns, or those declared in ``data.columns``), with a "did you mean"."""
Measure = ColumnId


Paragraphs = Annotated[
    tuple[Text, ...], BeforeValidator(as_tuple),
    WithJsonSchema({"anyOf": [{"type": "string", "minLength": 1},
                              {"type": "array", "items": {"type": "string", "minLength": 1}}]})]
"""One paragraph or a list of them."""

Count = Annotated[Int, Field(ge=0)]


class DocumentEvidence(Strict):
    """A document issued for the task, by its number and date."""

    model_config = ConfigDict(json_schema_extra={"description": (
        "Văn bản đã ban hành để thực hiện nhiệm vụ (số, ký hiệu và ngày).")})

    document: Text = Field(description="Số và ký hiệu văn bản, ví dụ \"125/KH-STP\".")
    date: IsoDate = Field(description="Ngày ban hành, dạng YYYY-MM-DD.")
    title: Text | None = Field(default=None, description="Trích yếu văn bản (tùy chọn).")


class EventEvidence(Strict):
    """An event held (hội nghị, lớp tập huấn, cuộc thi …)."""

    model_config = ConfigDict(json_schema_extra={"description": (
        "Sự kiện đã tổ chức: hội nghị, lớp tập huấn, cuộc thi …")})

    event: Text = Field(description="Tên sự kiện, ví dụ \"Hội nghị tập huấn nghiệp vụ hòa giải\".")
    date: IsoDate = Field(description="Ngày tổ chức, dạng YYYY-MM-DD.")
    participants: Count | None = Field(default=None, description="Số người tham dự.")


class TrainingEvidence(Strict):
    """People trained (a class or a course), with how many."""

    model_config = ConfigDict(json_schema_extra={"description": (
        "Lớp tập huấn, bồi dưỡng đã mở và số người được tập huấn.")})

    training: Text = Field(description="Tên lớp tập huấn, bồi dưỡng.")
    date: IsoDate = Field(description="Ngày khai giảng (hoặc ngày tổ chức), dạng YYYY-MM-DD.")
    trained: Count = Field(description="Số người được tập huấn.")


EVIDENCE_KINDS = ("document", "event", "training")


def _evidence_kind(value: Any) -> str | None:
    if isinstance(value, dict):
        for key in EVIDENCE_KINDS:
            if key in value:
                return key
    return None


Evidence = Annotated[
    Annotated[DocumentEvidence, Tag("document")] | Annotated[EventEvidence, Tag("event")]
    | Annotated[TrainingEvidence, Tag("training")],
    Discriminator(_evidence_kind, custom_error_type="evidence-kind",
                  custom_error_message="Không rõ loại kết quả; mỗi mục bắt đầu bằng document:, "
                                       "event: hoặc training:."),
]


class TaskReport(Strict):
    """What became of one task of the plan."""

    model_config = ConfigDict(json_schema_extra={"description": (
        "Kết quả thực hiện một nhiệm vụ của kế hoạch (theo mã nhiệm vụ).")})

    status: Status | None = Field(default=None, description=(
        "Tình trạng: hoàn thành, đang thực hiện, chưa thực hiện hoặc không thực hiện."))
    reason: Text | None = Field(default=None, description=(
        "Lý do (bắt buộc khi không thực hiện hoặc chưa thực hiện)."))
    result: Paragraphs = Field(default=(), description="Những việc đã làm (một hoặc nhiều đoạn).")
    evidence: tuple[Evidence, ...] = Field(default=(), description=(
        "Minh chứng: văn bản đã ban hành (document), sự kiện (event), lớp tập huấn (training)."))


class MeasureFields(Strict):
    """How a figure is taken from the data: a total, a rate, or a value written by hand."""

    total: Measure | None = Field(default=None, description=(
        "Tổng của một cột số liệu, theo mã cột: cột hòa giải (ví dụ tiep_nhan) hoặc cột khai "
        "báo trong data.columns."))
    of: Measure | None = Field(default=None, description=(
        "Tử số của tỷ lệ, theo mã cột, ví dụ thanh."))
    over: Measure | None = Field(default=None, description=(
        "Mẫu số của tỷ lệ, theo mã cột: tiep_nhan (tổng số vụ việc tiếp nhận), da_ket_thuc "
        "(thành và không thành), so_to, hoa_giai_vien … hoặc cột khai báo trong data.columns."))
    value: Number | None = Field(default=None, description=(
        "Giá trị ghi tay khi số liệu không có trong bảng (ghi rõ nguồn trong phần kết quả)."))
    reaching: Measure | None = Field(default=None, description=(
        "Tỷ lệ (%) đơn vị trong bảng số liệu có cột này đạt từ at_least trở lên, ví dụ "
        "reaching: so_buoi, at_least: 2 → tỷ lệ thôn tổ chức ít nhất 02 buổi."))
    at_least: Number | None = Field(default=None, gt=0, description=(
        "Mức mỗi đơn vị phải đạt ở cột reaching (cùng với reaching)."))


class TargetResult(MeasureFields):
    """The result of one numeric target of the plan (by the target's id)."""

    model_config = ConfigDict(json_schema_extra={"description": (
        "Kết quả của một chỉ tiêu của kế hoạch (theo mã chỉ tiêu): total, of/over hoặc value.")})

    name: Text | None = Field(default=None, description=(
        "Tên chỉ tiêu in trong bảng (mặc định: câu chỉ tiêu của kế hoạch)."))


class Indicator(MeasureFields):
    """A row of the targets table that the plan has no target for (Kế hoạch left empty)."""

    model_config = ConfigDict(json_schema_extra={"description": (
        "Một chỉ tiêu thống kê thêm vào bảng (kế hoạch không giao chỉ tiêu này).")})

    id: Slug = Field(description="Mã ổn định (để so sánh với cùng kỳ năm trước).")
    name: Text = Field(description="Tên chỉ tiêu, ví dụ \"Số vụ việc tiếp nhận\".")
    unit: Word = Field(description="Đơn vị tính, ví dụ \"vụ việc\" hoặc \"%\".")
    plan: Number | None = Field(default=None, description="Kế hoạch giao (nếu có).")


class Rate(Strict):
    """A rate written in the results text, with its denominator named."""

    model_config = ConfigDict(json_schema_extra={"description": (
        "Một tỷ lệ nêu trong phần kết quả; mẫu số do báo cáo chọn và được ghi rõ.")})

    id: Slug = Field(description="Mã của tỷ lệ.")
    name: Text = Field(description="Tên tỷ lệ, ví dụ \"Tỷ lệ hòa giải thành\".")
    of: Measure = Field(description=(
        "Tử số, theo mã cột: ví dụ thanh, hoặc cột khai báo trong data.columns."))
    over: Measure = Field(description=(
        "Mẫu số, theo mã cột: ví dụ tiep_nhan hoặc da_ket_thuc, hoặc cột khai báo trong "
        "data.columns."))


class Period(Strict):
    """The reporting period."""

    model_config = ConfigDict(json_schema_extra={"description": "Kỳ báo cáo (từ ngày, đến ngày)."})

    start: IsoDate = Field(description="Từ ngày, ví dụ 2023-12-15.")
    end: IsoDate = Field(description="Đến ngày, ví dụ 2024-12-14.")


class ColumnSpec(Strict):
    """A count column of the data table, declared by the report."""

    model_config = ConfigDict(json_schema_extra={"description": (
        "Một cột số lượng của bảng số liệu: mã, tên in ở dòng tiêu đề, đơn vị tính.")})

    id: ColumnId = Field(description=(
        "Mã cột (chữ thường không dấu, số, dấu gạch dưới; bắt đầu bằng chữ), ví dụ "
        "luot_nguoi; dùng trong total:, of:, over:."))
    name: Text = Field(description=(
        "Tên cột như các đơn vị ghi ở dòng tiêu đề và như phụ lục in, ví dụ \"Số lượt người "
        "tham dự\"."))
    unit: Word = Field(default="", description="Đơn vị tính in sau số, ví dụ \"lượt người\".")
    noun: Text | None = Field(default=None, description=(
        "Tên gọi khi cột là mẫu số của tỷ lệ (\"tính trên …\"); mặc định là tên cột viết "
        "thường chữ đầu."))
    aliases: tuple[Text, ...] = Field(default=(), description=(
        "Các tên khác của cột trong dòng tiêu đề, ví dụ [Lượt người]."))
    part_of: ColumnId | None = Field(default=None, description=(
        "Mã cột mà cột này là một phần (ví dụ nữ là một phần của lượt người): trên mỗi dòng "
        "không được lớn hơn cột đó."))


class DataSource(Strict):
    """The statistics table: one row per reporting unit."""

    model_config = ConfigDict(json_schema_extra={"description": (
        "Bảng số liệu các đơn vị gửi về: mỗi dòng một đơn vị báo cáo (huyện, xã hoặc tổ hòa "
        "giải). Không ghi columns: thì là bảng hòa giải ở cơ sở (số tổ, hòa giải viên, vụ "
        "việc); kế hoạch khác khai báo các cột của bảng trong columns:.")})

    file: Text = Field(description=(
        "Đường dẫn (tính từ tệp báo cáo) tới tệp .xlsx, .csv hoặc .yaml; hoặc tới một thư mục "
        "chứa các tệp số liệu các đơn vị gửi về (mỗi tệp một hay nhiều đơn vị, cùng tên cột): "
        "mọi tệp .xlsx, .csv, .yaml trong thư mục được đọc theo thứ tự tên tệp và gộp thành "
        "một bảng; mỗi tệp tự tìm dòng tiêu đề của nó trong 15 dòng đầu."))
    sheet: Text | None = Field(default=None, description="Tên trang tính (.xlsx); mặc định trang đầu.")
    header_row: Int = Field(default=1, ge=1, le=50, description=(
        "Dòng tiêu đề cột (mặc định 1). Không dùng khi file: là một thư mục."))
    level: Text | None = Field(default=None, description=(
        "Cấp của đơn vị báo cáo, in trong tên phụ lục số liệu, ví dụ \"xã, phường\" hoặc "
        "\"huyện, thị xã, thành phố\". Mặc định theo kỳ báo cáo: kỳ kết thúc từ 01/7/2025 trở "
        "đi là \"xã, phường\" (không còn cấp huyện), trước đó là \"huyện, thị xã, thành phố\"."))
    scope: Text | None = Field(default=None, description=(
        "Chủ ngữ của câu tổng hợp, ví dụ \"Toàn tỉnh\" hoặc \"Toàn xã\". Mặc định theo cấp "
        "của cơ quan báo cáo trong danh mục (dòng tên ở đầu văn bản): tỉnh, thành phố, huyện, "
        "xã, phường, đặc khu; không rõ cấp thì \"Toàn tỉnh\"."))
    columns: tuple[ColumnSpec, ...] | None = Field(default=None, min_length=1, description=(
        "Các cột số lượng của bảng (cột \"Đơn vị\" luôn có). Bỏ trống: bảng hòa giải ở cơ sở "
        "với các cột cố định (so_to, hoa_giai_vien, tiep_nhan, thanh …)."))


NO_DISTRICTS_FROM = dt.date(2025, 7, 1)
"""From this day there is no cấp huyện: the local units are xã and phường."""
LEVEL_DISTRICTS = "huyện, thị xã, thành phố"
LEVEL_COMMUNES = "xã, phường"


TERRITORIES = ("THÀNH PHỐ", "THỊ XÃ", "THỊ TRẤN", "ĐẶC KHU", "TỈNH", "HUYỆN", "QUẬN", "XÃ",
               "PHƯỜNG")
"""The first words of a header line naming a territory ("XÃ TÂN LẬP", "TỈNH QUẢNG BÌNH")."""


def default_scope(header_lines: tuple[str, ...]) -> str:
    """The subject of the report's summary sentence from its issuer's header lines, nearest
    first (its own, then its superior's): "Toàn xã" for a UBND xã, "Toàn tỉnh" for a Sở of a
    province's UBND; "Toàn tỉnh" when no line names a territory."""
    for line in header_lines:
        padded = f" {' '.join(line.upper().split())} "
        found = [(padded.find(f" {word} "), word) for word in TERRITORIES
                 if f" {word} " in padded]
        if found:  # the first named ("THỊ XÃ" before the "XÃ" inside it)
            return "Toàn " + min(found, key=lambda f: (f[0], -len(f[1])))[1].lower()
    return "Toàn tỉnh"


def default_level(end: dt.date) -> str:
    """The level of the reporting units of a period ending ``end`` (no ``level:`` given)."""
    return LEVEL_COMMUNES if end >= NO_DISTRICTS_FROM else LEVEL_DISTRICTS


class Report(Strict):
    """A year-end report on a plan (Báo cáo kết quả thực hiện Kế hoạch)."""

    model_config = ConfigDict(json_schema_extra={"description": (
        "Báo cáo kết quả thực hiện một kế hoạch: các con số được tính từ kế hoạch và bảng số "
        "liệu, không gõ tay.")})

    kind: Literal[REPORT_TYPE] = Field(alias="type", title="type", description=(
        "Luôn là bao-cao-ket-qua (báo cáo kết quả thực hiện một kế hoạch)."))
    plan: Text = Field(description=(
        "Kế hoạch được báo cáo: đường dẫn tính từ tệp này (ke-hoach-hoa-giai.yaml) hoặc mã "
        "(id) của kế hoạch cùng thư mục."))
    issuer: Text = Field(description="Cơ quan báo cáo: mã hoặc tên trong danh mục đơn vị.")
    number: Int | None = Field(default=None, ge=1, le=99999, description=(
        "Số văn bản; bỏ trống khi còn là dự thảo."))
    code: Text | None = Field(default=None, description="Ký hiệu; mặc định BC-<viết tắt cơ quan>.")
    place: Text | None = Field(default=None, description="Địa danh; mặc định theo cơ quan.")
    date: IsoDate | None = Field(default=None, description="Ngày ban hành, dạng YYYY-MM-DD.")
    year: Year | None = Field(default=None, description="Năm báo cáo; mặc định năm của kế hoạch.")
    title: Text = Field(description="Trích yếu, ví dụ \"Kết quả thực hiện Kế hoạch … năm 2024\".")
    kinh_gui: tuple[Text, ...] = Field(default=(), description=(
        "Kính gửi: cơ quan cấp trên nhận báo cáo (bỏ trống nếu không gửi cấp trên)."))
    period: Period | None = Field(default=None, description=(
        "Kỳ báo cáo; mặc định từ 15/12 năm trước đến 14/12 năm báo cáo."))
    data: DataSource | None = Field(default=None, description=(
        "Bảng số liệu của các đơn vị: bảng hòa giải ở cơ sở, hoặc các cột khai báo trong "
        "data.columns."))
    previous: Text | None = Field(default=None, description=(
        "Báo cáo năm trước (đường dẫn tính từ tệp này), để lấy số liệu cùng kỳ. Bỏ trường này "
        "thì công cụ tìm báo cáo cùng tên trong thư mục năm trước (…/2024/ cho …/2025/); ghi "
        "previous: null để không so sánh."))
    rates: tuple[Rate, ...] = Field(default=(), description="Các tỷ lệ nêu trong phần kết quả.")
    targets: dict[Slug, TargetResult] = Field(default_factory=dict, description=(
        "Kết quả từng chỉ tiêu của kế hoạch, theo mã chỉ tiêu."))
    indicators: tuple[Indicator, ...] = Field(default=(), description=(
        "Các chỉ tiêu thống kê thêm vào bảng (kế hoạch không giao)."))
    tasks: dict[Slug, TaskReport] = Field(default_factory=dict, description=(
        "Kết quả từng nhiệm vụ của kế hoạch, theo mã nhiệm vụ."))
    tinh_hinh: Paragraphs = Field(default=(), description="Tình hình triển khai (chữ tự do).")
    ton_tai: Paragraphs = Field(default=(), description="Tồn tại, hạn chế.")
    nguyen_nhan: Paragraphs = Field(default=(), description="Nguyên nhân của tồn tại, hạn chế.")
    phuong_huong: Paragraphs = Field(default=(), description="Phương hướng, nhiệm vụ thời gian tới.")
    kien_nghi: Paragraphs = Field(default=(), description="Kiến nghị, đề xuất.")
    recipients: tuple[Text, ...] = Field(min_length=1, description="Nơi nhận, mỗi nơi một dòng.")
    archive: Archive = Field(description="Dòng cuối Nơi nhận: \"- Lưu: VT, <đơn vị>.\"")
    signature: Signature = Field(description="Khối chữ ký.")

    @property
    def type(self) -> str:
        """The document type it is printed as: a Báo cáo (BÁO CÁO, code BC-…)."""
        return PRINTED_TYPE

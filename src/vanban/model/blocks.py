"""Body content of a plan: paragraphs, bullets, numbered items, tasks, targets and tables.

A ``content`` list holds blocks; each block is a mapping whose first key names its kind
(``paragraph``, ``bullets``, ``item``, ``numbered``, ``task``, ``unit``, ``target``, ``table``), or
a bare string, which is a paragraph. Numbers (``1.``, ``1.1.``, ``a)``) are computed, never typed.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StrictBool,
    StrictInt,
    Tag,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from vanban.model.types import Number, Slug, Text, Timeline, UnitList, Word


class Strict(BaseModel):
    """Base of every plan model: unknown keys are errors; scalar fields are strict (see types).

    Validators are built when a model is first used (``defer_build``), not when its module is
    imported: a build validates one model of the ~30 defined, and builds it (with the models it
    holds) once per process."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True,
                              field_title_generator=lambda name, _info: name)


class Target(Strict):
    """A numeric target (chỉ tiêu), printed as a "-" line, kept as data for year-end reports."""

    model_config = ConfigDict(json_schema_extra={"description": (
        'Một chỉ tiêu có số liệu, in thành một dòng "-" và giữ số liệu để báo cáo cuối năm.')})

    target: Text = Field(description="Câu chỉ tiêu, in đúng như viết, ví dụ \"Phấn đấu tỷ lệ hòa giải "
                                     "thành đạt trên 90%\".")
    id: Slug | None = Field(default=None, description="Mã ổn định của chỉ tiêu (để báo cáo, so sánh).")
    value: Number | None = Field(default=None, description="Giá trị số của chỉ tiêu, ví dụ 90.")
    unit: Word | None = Field(default=None, description="Đơn vị đo, ví dụ \"%\" hoặc \"lớp\".")


SubBullet = Annotated[Text | Target, Field(union_mode="left_to_right")]
"""A "+" line: text, or a numeric target printed as a "+" line."""


class Bullet(Strict):
    """A "-" line with optional "+" sub-lines."""

    model_config = ConfigDict(json_schema_extra={"description": (
        'Một dòng gạch đầu dòng "-", có thể kèm các dòng cấp dưới "+".')})

    text: Text = Field(description="Nội dung dòng gạch đầu dòng (không gõ dấu \"-\").")
    bullets: tuple[SubBullet, ...] = Field(
        default=(), description="Các dòng cấp dưới, in với dấu \"+\"; mỗi dòng là chữ, hoặc một "
                                "chỉ tiêu {target, id, value, unit}.")
    footnote: Text | None = Field(default=None, description=(
        "Chú thích cuối trang cho dòng này: số chú thích đặt cuối dòng \"-\", nội dung in ở chân "
        "trang."))


BulletItem = Annotated[Text | Bullet, Field(union_mode="left_to_right")]


class Paragraph(Strict):
    """A body paragraph (first-line indent, justified)."""

    model_config = ConfigDict(json_schema_extra={"description": (
        'Một đoạn văn của thân văn bản (thụt đầu dòng, căn đều hai bên).')})

    paragraph: Text = Field(description="Một đoạn văn; in đúng như viết.")
    footnote: Text | None = Field(default=None, description=(
        "Chú thích cuối trang cho đoạn này: số chú thích đặt cuối đoạn, nội dung in ở chân trang."))


class Bullets(Strict):
    """A list of "-" lines (and "+" sub-lines)."""

    model_config = ConfigDict(json_schema_extra={"description": (
        'Danh sách các dòng gạch đầu dòng "-" (và "+").')})

    bullets: tuple[BulletItem, ...] = Field(
        min_length=1, description="Các dòng gạch đầu dòng; mỗi dòng là chữ hoặc {text, bullets, footnote}.")


class Task(Strict):
    """A task (nhiệm vụ): numbered like an item, with lead and coordinating units and a timeline."""

    model_config = ConfigDict(json_schema_extra={"description": (
        'Một nhiệm vụ: đánh số như một mục, kèm đơn vị chủ trì, phối hợp, thời gian, sản '
        'phẩm.')})

    task: Text = Field(description="Nội dung nhiệm vụ (dòng có số thứ tự).")
    id: Slug = Field(description="Mã ổn định của nhiệm vụ, không đổi giữa các năm (ví dụ tap-huan).")
    lead: UnitList = Field(description="Đơn vị chủ trì: tên, tên ngắn, viết tắt hoặc mã trong danh mục "
                                       "đơn vị; một hoặc nhiều.")
    support: UnitList = Field(default=(), description="Đơn vị phối hợp (như lead).")
    separator: Word | None = Field(
        default=None, description="Dấu nối giữa các đơn vị của nhiệm vụ này (mặc định theo kế hoạch).")
    timeline: Timeline = Field(description="Thời gian thực hiện, in đúng như viết: \"năm 2024\", \"Tháng 6,"
                                           " tháng 11 năm 2024\", \"Quý II năm 2024\", \"Thường xuyên\", "
                                           "\"trước ngày 30/10/2024\".")
    output: Text | None = Field(default=None, description="Sản phẩm (kết quả đầu ra) của nhiệm vụ.")
    content: tuple[Block, ...] = Field(default=(), description="Nội dung chi tiết hoặc nhiệm vụ con.")


class Item(Strict):
    """A numbered item with a title (khoản/điểm có tiêu đề), and its content."""

    model_config = ConfigDict(json_schema_extra={"description": (
        'Một mục có tiêu đề, đánh số 1., 1.1. hoặc a) theo cấp, kèm nội dung của nó.')})

    item: Text = Field(description="Tiêu đề của mục (in đậm ở cấp 1).")
    content: tuple[Block, ...] = Field(default=(), description="Nội dung của mục.")


class Numbered(Strict):
    """A numbered paragraph without a title (khoản không có tiêu đề)."""

    model_config = ConfigDict(json_schema_extra={"description": (
        'Một đoạn có số thứ tự nhưng không có tiêu đề (khoản không tiêu đề).')})

    numbered: Text = Field(description="Đoạn văn có số thứ tự, không in đậm.")
    footnote: Text | None = Field(default=None, description=(
        "Chú thích cuối trang cho đoạn này (số chú thích đặt cuối đoạn)."))
    content: tuple[Block, ...] = Field(default=(), description="Nội dung cấp dưới.")


class UnitDuty(Strict):
    """A unit's responsibilities in "Tổ chức thực hiện": "N. <unit> <text>", with bullets."""

    model_config = ConfigDict(json_schema_extra={"description": (
        'Nhiệm vụ của một đơn vị trong phần Tổ chức thực hiện: "N. <đơn vị> <nội dung>".')})

    unit: UnitList = Field(description="Đơn vị (một hoặc nhiều, theo danh mục).")
    prefix: Text | None = Field(default=None, description="Chữ đứng trước tên đơn vị, ví dụ \"Đề nghị\".")
    text: Text | None = Field(default=None, description="Phần còn lại của câu sau tên đơn vị.")
    separator: Word | None = Field(default=None, description="Dấu nối giữa các đơn vị.")
    content: tuple[Block, ...] = Field(default=(), description="Nội dung cấp dưới (thường là bullets).")


def _cell(value: Any) -> Any:
    """A table cell as printed: text as written, a whole number as its digits."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise PydanticCustomError("cell-type", "Ô của bảng phải là chữ hoặc số.")
    return str(value).strip()


Cell = Annotated[str, BeforeValidator(_cell), WithJsonSchema({"type": ["string", "integer"]})]
"""One cell of a body table: text printed as written ("" leaves the cell empty)."""


Span = Annotated[StrictInt, Field(ge=1, le=100)]
"""How many columns or rows a merged cell takes (1: no merge)."""


class SpanCell(Strict):
    """A cell written as a mapping: text taking several columns (gộp ngang) or several rows
    (gộp dọc), and/or printed in bold (a "Cộng" row, a sub-heading row)."""

    model_config = ConfigDict(json_schema_extra={"description": (
        "Một ô viết dạng {text, …}: chiếm nhiều cột (cols) hoặc nhiều dòng (rows) của bảng, "
        "in đậm (bold: true). Các dòng dưới không viết lại ô ở chỗ đã bị ô gộp dọc chiếm.")})

    text: Cell = Field(default="", description="Nội dung của ô gộp, in đúng như viết.")
    cols: Span = Field(default=1, description=(
        "Số cột ô này chiếm, kể cả cột của nó (gộp ngang), ví dụ 2."))
    rows: Span = Field(default=1, description=(
        "Số dòng ô này chiếm, kể cả dòng của nó (gộp dọc); ở các dòng dưới bỏ ô tại cột này."))
    bold: StrictBool = Field(default=False, description=(
        "true: chữ trong ô in đậm (dòng \"Cộng\", \"Tổng cộng\", dòng tiêu đề nhóm), ví dụ "
        "{text: Cộng, cols: 3, bold: true}; mỗi ô cần in đậm viết bold: true."))


def _cell_kind(value: Any) -> str:
    return "<merged>" if isinstance(value, (dict, SpanCell)) else "<cell>"


CellItem = Annotated[Annotated[Cell, Tag("<cell>")] | Annotated[SpanCell, Tag("<merged>")],
                     Discriminator(_cell_kind)]
"""A cell as written: text or a number, or a mapping for a merged cell."""


class Column(Strict):
    """A column of a body table: its header text, and optionally its width and alignment."""

    model_config = ConfigDict(json_schema_extra={"description": (
        "Một cột của bảng: tiêu đề cột, và nếu cần độ rộng (mm) và cách căn lề.")})

    title: Text = Field(description="Tiêu đề cột, in đậm ở dòng tiêu đề (lặp lại ở mỗi trang).")
    width: Number | None = Field(default=None, description=(
        "Độ rộng cột, tính bằng mm; cột không ghi độ rộng chia đều phần còn lại của khổ chữ "
        "(165 mm trên trang dọc)."))
    align: Literal["left", "center"] = Field(
        default="left", description="Căn lề chữ trong cột: left (trái) hoặc center (giữa).")
    group: Text | None = Field(default=None, description=(
        "Tiêu đề chung của một nhóm cột liền nhau, ví dụ \"Kinh phí (triệu đồng)\": các cột liền "
        "nhau cùng group có một ô tiêu đề chung gộp ngang ở trên tiêu đề của chúng; tiêu đề các "
        "cột khác gộp dọc qua hai dòng tiêu đề."))


ColumnItem = Annotated[Text | Column, Field(union_mode="left_to_right")]


class Table(Strict):
    """An ordinary table in the body: a header row repeated on every page, rows kept whole."""

    model_config = ConfigDict(json_schema_extra={"description": (
        "Một bảng trong thân văn bản: dòng tiêu đề lặp lại ở đầu mỗi trang, mỗi dòng không bị "
        "cắt sang trang sau.")})

    table: tuple[ColumnItem, ...] = Field(min_length=1, description=(
        "Các cột của bảng, theo thứ tự: mỗi cột là tiêu đề, hoặc {title, width, align, group}."))
    rows: tuple[tuple[CellItem, ...], ...] = Field(min_length=1, description=(
        "Các dòng của bảng; mỗi dòng là danh sách ô, đủ số cột của bảng. Một ô là chữ hoặc số, "
        "hoặc một ô gộp {text, cols, rows}: cols là số cột, rows là số dòng nó chiếm (ô gộp tính "
        "theo số cột nó chiếm); dòng dưới một ô gộp dọc không viết ô ở cột đó. Ô in đậm viết "
        "{text: …, bold: true}."))
    id: Slug | None = Field(default=None, description="Mã ổn định của bảng (để so sánh).")


def _kind(value: Any) -> str | None:
    if isinstance(value, str):
        return "<text>"
    if isinstance(value, dict):
        for key in KINDS:
            if key in value:
                return f"<{key}>"
    return None


KINDS = ("paragraph", "bullets", "target", "task", "item", "numbered", "unit", "table")
"""The key that names each kind of block, in the order they are tried."""

Block = Annotated[
    Annotated[Text, Tag("<text>")] | Annotated[Paragraph, Tag("<paragraph>")] | Annotated[Bullets, Tag("<bullets>")] | Annotated[Target, Tag("<target>")] | Annotated[Task, Tag("<task>")] | Annotated[Item, Tag("<item>")] | Annotated[Numbered, Tag("<numbered>")] | Annotated[UnitDuty, Tag("<unit>")] | Annotated[Table, Tag("<table>")],
    Discriminator(_kind, custom_error_type="block-kind",
                  custom_error_message="Không rõ loại khối nội dung.",
                  custom_error_context={"kinds": ", ".join(KINDS)}),
]


BLOCK_MODELS = {"paragraph": Paragraph, "bullets": Bullets, "target": Target, "task": Task,
                "item": Item, "numbered": Numbered, "unit": UnitDuty, "table": Table}
"""The model of each kind of block, by the key that names it."""

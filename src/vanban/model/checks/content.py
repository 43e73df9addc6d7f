"""The body: sections, tasks and targets (ids, lead and coordinating units), typed labels."""

from __future__ import annotations

import re

from vanban.model.blocks import (
    Bullet,
    Bullets,
    Item,
    Numbered,
    SpanCell,
    Table,
    Target,
    Task,
)
from vanban.model.checks.base import Findings, blocks, targets
from vanban.model.grid import Misfit, groups, place
from vanban.model.plan import Plan
from vanban.model.walk import moves_to_appendix, sections
from vanban.resolve import Resolved
from vanban.rules import nd30

SECTION_NUMBER = re.compile(r"^(?:[IVXLC]+|\d+)\s*[.)/:-]\s*")
ITEM_NUMBER = re.compile(r"^(?:\d+(?:\.\d+)*[.)]|[a-zđ]\)|[IVX]+\.)\s+")
TYPED_DASH = re.compile(r"^[-+–•]\s+")
ARTICLE_NUMBER = re.compile(r"^Điều\s+\d+\s*[.:]?\s*", re.IGNORECASE)


def check_sections(plan: Plan, out: Findings) -> None:
    """Titles in upper case, without typed Roman numbers; no empty section; some body at all."""
    if not plan.sections and not plan.parts:
        name = nd30.DOCUMENT_TYPES[plan.type][0].capitalize()  # never another type's name
        out.warning("plan.no-sections", (),
                    f"{name} chưa có mục nào (sections hoặc parts).",
                    "The document has no sections (sections or parts).",
                    "Thêm sections: với các mục I, II, III …", "Add sections:.")
    for p, part in enumerate(plan.parts):
        _title_case(part.title, ("parts", p, "title"), "part.title-case", "phần", out)
    for path, section in sections(plan):
        title_path = path + ("title",)
        typed = SECTION_NUMBER.match(section.title)
        if typed:
            out.warning(
                "content.typed-label", title_path,
                f"Không gõ số \"{typed.group(0).strip()}\" trước tên mục: số La Mã được tính tự "
                "động (sẽ in hai lần).",
                f'Do not type "{typed.group(0).strip()}": section numbers are computed (it '
                "would print twice).",
                f"Viết: title: {section.title[typed.end():]}",
                f"Write: title: {section.title[typed.end():]}")
        _title_case(section.title, title_path, "section.title-case", "mục", out)
        if not section.content:
            out.warning(
                "section.empty", path,
                f"Mục \"{section.title}\" chưa có nội dung.",
                f'The section "{section.title}" is empty.',
                "Thêm content: hoặc xóa mục này.", "Add content: or remove the section.",
                key=True)
        elif getattr(plan, "tasks_display", "inline") == "appendix" and all(
                moves_to_appendix(b) for b in section.content):
            out.warning(
                "section.appendix-only", path,
                f"Mục \"{section.title}\" chỉ có nhiệm vụ, mà các nhiệm vụ in thành bảng ở Phụ lục "
                "(tasks_display: appendix): trong thân văn bản mục này chỉ còn tên mục.",
                f'The section "{section.title}" holds only tasks, and the tasks print as the '
                "appendix table: the body keeps only its heading.",
                "Thêm một đoạn dẫn đứng đầu content: của mục, ví dụ \"- Nhiệm vụ cụ thể tại Phụ "
                "lục kèm theo Kế hoạch này.\"",
                "Add a lead sentence first in the section's content:, e.g. \"- Nhiệm vụ cụ thể "
                "tại Phụ lục kèm theo Kế hoạch này.\"", key=True)
    appendix = getattr(plan, "appendix", None)
    if appendix is not None:  # vanban check asks it too (Phụ lục I, III.1.đ)
        _title_case(appendix.title, ("appendix", "title"), "appendix.title-case", "phụ lục", out)


def _title_case(title: str, path: tuple, code: str, what: str, out: Findings) -> None:
    if title != title.upper():
        out.warning(
            code, path, f"Tên {what} phải viết IN HOA: \"{title.upper()}\".",
            f'A {_EN.get(what, "section")} title is upper case: "{title.upper()}".')


_EN = {"phần": "part", "phụ lục": "appendix"}


def check_labels(plan: Plan, out: Findings) -> None:
    """Numbers and dashes are computed; a typed one prints twice ("1. 1. Mục đích")."""
    for a, article in enumerate(getattr(plan, "articles", ())):
        typed = ARTICLE_NUMBER.match(article.article)
        if typed:
            _typed(typed.group(0).strip(), article.article[typed.end():],
                   ("articles", a, "article"), out)
    for path, block in blocks(plan):
        if isinstance(block, (Item, Task, Numbered)):
            field = {Item: "item", Task: "task", Numbered: "numbered"}[type(block)]
            text = getattr(block, field)
            typed = ITEM_NUMBER.match(text)
            if typed:
                _typed(typed.group(0).strip(), text[typed.end():], path + (field,), out)
        elif isinstance(block, Bullets):
            for k, item in enumerate(block.bullets):
                text = item.text if isinstance(item, Bullet) else item
                where = path + ("bullets", k) + (("text",) if isinstance(item, Bullet) else ())
                typed = TYPED_DASH.match(text)
                if typed:
                    _typed(typed.group(0).strip(), text[typed.end():], where, out)


    _typed_frame_labels(plan, out)


def _typed_frame_labels(plan: Plan, out: Findings) -> None:
    """Labels the frame prints itself: "V/v" before a Công văn's summary, "Kính gửi:" before
    its addressees, and "./." after the last paragraph; typed, each would print twice."""
    typed = nd30.TYPED_V_V.match(plan.title)
    if typed:
        rest = plan.title[typed.end():]
        out.warning(
            "content.typed-label", ("title",),
            f"Không gõ \"{typed.group(0).strip()}\" ở đầu trích yếu: công văn tự in \"V/v\" "
            "trước trích yếu (sẽ in hai lần).",
            f'Do not type "{typed.group(0).strip()}": the "V/v" before the summary is printed '
            "by the frame (it would print twice).", f"Viết: title: {rest}",
            f"Write: title: {rest}")
    for i, text in enumerate(getattr(plan, "kinh_gui", ())):
        typed = nd30.TYPED_KINH_GUI.match(text)
        dash = nd30.TYPED_LINE_DASH.match(text)
        if dash and not (typed and typed.group(0).strip() not in ("", "-", "–")):
            _typed(dash.group(0).strip(), text[dash.end():].rstrip(" ;."), ("kinh_gui", i), out)
            continue
        if typed and typed.group(0).strip() not in ("", "-", "–"):
            rest = text[typed.end():]
            out.warning(
                "content.typed-label", ("kinh_gui", i),
                f"Không gõ \"{typed.group(0).strip()}\": chữ \"Kính gửi:\" được in tự động, "
                "mỗi dòng ở đây chỉ ghi tên nơi nhận (sẽ in hai lần).",
                f'Do not type "{typed.group(0).strip()}": "Kính gửi:" is printed by the frame '
                "(it would print twice); each line names one addressee.", f"Viết: - {rest}",
                f"Write: - {rest}")
    for path, text in out.printed(plan):
        typed = nd30.TYPED_END_OF_BODY.search(text)
        if typed and path[0] != "title":
            out.warning(
                "content.typed-label", path,
                f"Không gõ \"{typed.group(0).strip()}\" ở cuối đoạn: dấu \"{nd30.END_OF_BODY}\" "
                "kết thúc văn bản được thêm tự động vào đoạn cuối cùng (sẽ in hai lần).",
                f'Do not type "{typed.group(0).strip()}": the "{nd30.END_OF_BODY}" that ends the '
                "body is added to the last paragraph (it would print twice).",
                "Xóa \"/.\" ở cuối đoạn.", 'Remove the "/." at the end.')


def _typed(label: str, rest: str, path: tuple, out: Findings) -> None:
    out.warning(
        "content.typed-label", path,
        f"Không gõ \"{label}\" ở đầu dòng: số thứ tự và dấu gạch đầu dòng được tạo tự động "
        "(sẽ in hai lần).", f'Do not type "{label}": numbers and dashes are computed (it would '
        "print twice).", f"Viết: \"{rest[:40]}{'…' if len(rest) > 40 else ''}\".",
        f"Write: \"{rest[:40]}{'…' if len(rest) > 40 else ''}\".")


def check_tasks(resolved: Resolved, out: Findings) -> None:
    """Ids unique across the plan; every task led by someone who does not also coordinate."""
    plan = resolved.plan
    seen: dict[str, dict[str, tuple]] = {"task": {}, "target": {}}
    nested = [(p, t) for p, t in targets(plan) if "bullets" in p]
    for path, block in [*blocks(plan), *nested]:
        if isinstance(block, (Task, Target)) and block.id:
            kind = "task" if isinstance(block, Task) else "target"
            first = seen[kind].get(block.id)
            if first is None:
                seen[kind][block.id] = path
            else:
                line = out.line(first + ("id",))
                what = ("nhiệm vụ", "task") if kind == "task" else ("chỉ tiêu", "target")
                out.error(
                    f"{kind}.duplicate-id", path + ("id",),
                    f"Mã {what[0]} \"{block.id}\" bị trùng: đã dùng ở dòng {line}.",
                    f'The {what[1]} id "{block.id}" is already used on line {line}.',
                    "Mỗi mã chỉ dùng một lần trong kế hoạch; đặt mã khác, ví dụ "
                    f"\"{block.id}-2\".", f'Each id is used once; e.g. "{block.id}-2".')
        if isinstance(block, Task):
            _lead_and_support(block, path, resolved, out)


def _lead_and_support(task: Task, path: tuple, resolved: Resolved, out: Findings) -> None:
    if not task.lead:
        out.error("task.lead-missing", path + ("lead",),
                  "Nhiệm vụ chưa có đơn vị chủ trì.", "The task has no lead unit.",
                  "Ghi ít nhất một đơn vị ở \"lead\".", 'Give at least one unit in "lead".')
        return
    leads = {uid for uid in resolved.units[path + ("lead",)].ids if uid}
    support = resolved.units[path + ("support",)].ids if task.support else ()
    for i, (ref, uid) in enumerate(zip(task.support, support)):
        if uid is not None and uid in leads:
            out.error(
                "task.lead-also-support", path + ("support", i),
                f"Đơn vị \"{ref}\" vừa chủ trì vừa phối hợp trong cùng nhiệm vụ.",
                f'The unit "{ref}" both leads and coordinates this task.',
                "Xóa đơn vị này khỏi \"support\".", 'Remove it from "support".')


def check_tables(plan: Plan, out: Findings) -> None:
    """Every row of a table fills its columns exactly (merged cells counted); no merged cell
    reaches past the table's edge or over another; a header group's columns are adjacent; the
    widths given fit the page."""
    for path, block in blocks(plan):
        if not isinstance(block, Table):
            continue
        count = len(block.table)
        _, misfits = place(block)
        for m in misfits:
            _misfit(m, block, path, count, out)
        _split_groups(block, path, out)
        _stt_sequence(block, path, out)
        widths = [c.width for c in block.table if not isinstance(c, str) and c.width]
        free = count - len(widths)
        if any(w <= 0 for w in widths) or sum(widths) + 10 * free > nd30.TEXT_WIDTH_MM + 0.05:
            out.error(
                "table.too-wide", path + ("table",),
                f"Độ rộng các cột ({_mm(sum(widths))} mm, cộng tối thiểu 10 mm cho mỗi cột không "
                f"ghi độ rộng) vượt khổ chữ {_mm(nd30.TEXT_WIDTH_MM)} mm, hoặc có độ rộng không dương.",
                f"The column widths exceed the {_mm(nd30.TEXT_WIDTH_MM)} mm text width, or one is not "
                "positive.", "Giảm độ rộng các cột, hoặc bỏ width để chia đều.",
                "Reduce the widths, or leave width out to share the width equally.", key=True)


def _mm(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _misfit(m: Misfit, block: Table, path: tuple, count: int, out: Findings) -> None:
    """Report one thing that does not fit the table's grid (model.grid.place)."""
    r, k = m.row + 1, m.index + 1
    cell = path + ("rows", m.row, m.index)
    if m.kind == "width" and not m.room and not _spanned(block.rows[m.row]):
        out.error(
            "table.row-cells", path + ("rows", m.row),
            f"Dòng {r} của bảng có {m.index} ô, nhưng bảng có {count} cột.",
            f"Row {r} of the table has {m.index} cells; the table has {count} columns.",
            "Thêm ô trống \"\" hoặc bớt ô cho đủ số cột.",
            'Add empty cells "" or remove cells to match the columns.')
    elif m.kind == "width":
        above = (f", {m.room} cột bị ô gộp dọc ở dòng trên chiếm" if m.room else "")
        above_en = f", {m.room} taken by cells merged from above" if m.room else ""
        out.error(
            "table.row-cells", path + ("rows", m.row),
            f"Dòng {r} của bảng chiếm {m.reach} cột (tính cả ô gộp{above}), nhưng bảng có "
            f"{count} cột.",
            f"Row {r} of the table fills {m.reach} columns (merged cells counted{above_en}); "
            f"the table has {count} columns.",
            ("Ô đã bị ô gộp dọc ở dòng trên chiếm thì không viết lại; t" if m.room else "T")
            + "hêm ô trống \"\", bớt ô hoặc sửa cols cho đủ số cột.",
            ("Do not write cells covered from above; a" if m.room else "A")
            + 'dd "", remove cells or fix cols to match the columns.')
    elif m.kind == "cols-edge":
        out.error(
            "table.span-edge", cell + ("cols",),
            f"Ô thứ {k} của dòng {r} gộp {m.reach} cột, vượt quá cạnh phải của bảng (từ ô này "
            f"đến hết bảng chỉ còn {m.room} cột).",
            f"Cell {k} of row {r} spans {m.reach} columns, past the right edge of the table "
            f"({m.room} left).", f"Sửa thành cols: {m.room} hoặc bớt.",
            f"Use cols: {m.room} or less.")
    elif m.kind == "rows-edge":
        out.error(
            "table.span-edge", cell + ("rows",),
            f"Ô thứ {k} của dòng {r} gộp {m.reach} dòng, vượt quá dòng cuối của bảng (từ dòng "
            f"này đến hết bảng chỉ còn {m.room} dòng).",
            f"Cell {k} of row {r} spans {m.reach} rows, past the last row ({m.room} left).",
            f"Sửa thành rows: {m.room} hoặc bớt.", f"Use rows: {m.room} or less.")
    else:
        out.error(
            "table.span-overlap", cell + ("cols",),
            f"Ô thứ {k} của dòng {r} gộp {m.reach} cột, đè lên cột {m.room} đã bị một ô gộp dọc "
            "ở dòng trên chiếm.",
            f"Cell {k} of row {r} spans {m.reach} columns, over column {m.room}, which a cell "
            "merged down from above already takes.",
            "Bớt cols của ô này, hoặc bớt rows của ô gộp dọc ở trên.",
            "Reduce this cell's cols, or the rows of the cell above.")


_STT_TITLES = {"stt", "tt", "số tt", "số thứ tự"}


def _stt_sequence(block: Table, path: tuple, out: Findings) -> None:
    """A typed STT column counts 1, 2, 3 …: a number repeated, or one that skips, is warned
    (a row numbered again from 1 starts a new run, as under each group heading; rows whose
    first cell is no number, such as "I" or "Cộng", are left alone)."""
    first = block.table[0]
    if (first if isinstance(first, str) else first.title).strip().casefold() not in _STT_TITLES:
        return
    previous = None
    for r, row in enumerate(block.rows):
        cell = row[0] if row else None
        value = cell.text if isinstance(cell, SpanCell) else cell
        number = value if isinstance(value, int) and not isinstance(value, bool) else (
            int(value) if isinstance(value, str) and value.strip().isdigit() else None)
        if number is None:
            continue
        if previous is not None and number not in (previous + 1, 1):
            out.warning(
                "table.stt-sequence", path + ("rows", r, 0),
                f"Cột STT: dòng {r + 1} ghi {number} sau {previous} (số thứ tự trùng hoặc bỏ "
                f"số).", f"STT column: row {r + 1} says {number} after {previous} (a number "
                "repeated or skipped).", f"Có phải {previous + 1}?", f"Did you mean "
                f"{previous + 1}?")
        previous = number


def _spanned(row: tuple) -> bool:
    return any(isinstance(c, SpanCell) and c.cols > 1 for c in row)


def _split_groups(block: Table, path: tuple, out: Findings) -> None:
    """A header group is one run of adjacent columns: its title cannot be printed twice."""
    seen: set[str] = set()
    for name, first, _count in groups(block):
        if name in seen:
            out.error(
                "table.group-split", path + ("table", first, "group"),
                f"Nhóm cột \"{name}\" gồm các cột không liền nhau.",
                f'The column group "{name}" is not one run of adjacent columns.',
                "Đặt các cột cùng group cạnh nhau.", "Put the columns of a group side by side.")
        seen.add(name)

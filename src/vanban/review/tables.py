"""A body table's changes row by row, as a reviewer reads them.

A changed table is not one long line of cells: each row that changed is its own item, named by
its place among the table's rows and by its first cell of text ("dòng 3 (Hội thi hòa giải viên
giỏi)"), with only its changed cells, each after its column's title ("Tỉnh: 30 → 35"); a row
added or removed is listed whole. Rows are paired by their cells' wording, as the tracked
document pairs them.
"""

from __future__ import annotations

from dataclasses import dataclass

from vanban.review.align import align, placed_before
from vanban.review.words import similarity, text_key


def table_rows(table) -> tuple[list[tuple[str, ...]], int]:
    """Every row of a body table as the document holds it, and how many are header rows: the
    header rows (two with column groups: the group titles over their columns' titles, a title
    merged down read "" below), then the body rows (a merged cell once)."""
    head = ([tuple(c.text for c in row) for row in table.cells[:table.head]] if table.cells
            else [tuple(table.header)])
    return [*head, *(tuple(r) for r in table.rows)], len(head)


@dataclass(frozen=True)
class RowEdit:
    """One changed row: "wording" (``cells`` holds the changed cells), "added" or "removed"
    (``cells`` holds every cell)."""

    action: str
    number: int
    """Its place among the body rows (1-based; of the old table for a removed row); 0 for a
    header row."""
    name: str
    cells: tuple[tuple[str, str, str], ...]
    """(column title or "", old text, new text) of each cell shown."""
    old_number: int = 0
    """For a changed row: its place among the old table's body rows."""
    old_name: str = ""

    def where(self, lang: str = "vi", old: bool = False) -> str:
        """"dòng 3 (Hội thi hòa giải viên giỏi)", "dòng tiêu đề" (English with "en"); of the
        old table with ``old`` (a changed row that moved up or down)."""
        number, name = ((self.old_number, self.old_name) if old and self.action == "wording"
                        else (self.number, self.name))
        if not number:
            return "header row" if lang == "en" else "dòng tiêu đề"
        name = f" ({name})" if name else ""
        return f"{'row' if lang == 'en' else 'dòng'} {number}{name}"


def _name(row: tuple[str, ...]) -> str:
    """The row's first cell of text after its number ("Sở Tư pháp"), else its first cell."""
    for cell in row[1:]:
        text = " ".join(cell.split())
        if text and not text.replace(".", "").replace(",", "").isdigit():
            return text
    return " ".join(row[0].split()) if row else ""


def _titles(header: tuple[str, ...], row: tuple[str, ...]) -> tuple[str, ...]:
    """Each cell's column title (none where merged cells make the row shorter)."""
    return tuple(header) if len(header) == len(row) else ("",) * len(row)


def pair_rows(a: list[tuple[str, ...]], b: list[tuple[str, ...]], ka: list[tuple],
              kb: list[tuple]) -> dict[int, int]:
    """Old row → new row for the rows of two versions of a table (``ka``, ``kb``: their cells'
    keys), as the diff and the tracked document pair them: a row named alike on both sides,
    once each ("Tổng cộng", "Xã Cẩm Xuyên"), with its namesake however its figures changed (a
    commune added changes every total), and with no other row; other rows by their cells'
    wording."""
    names_a = [text_key(_name(r)) for r in a]
    names_b = [text_key(_name(r)) for r in b]
    once = ({n for n in names_a if names_a.count(n) == 1}
            & {n for n in names_b if names_b.count(n) == 1}) - {""}

    def score(i: int, j: int) -> float:
        if len(a[i]) != len(b[j]):
            return 0.0
        if names_a[i] in once or names_b[j] in once:
            return 1.0 if names_a[i] == names_b[j] else 0.0
        return similarity(" ".join(a[i]), " ".join(b[j]))

    return align(ka, kb, score)


def renumbered(old: str, new: str, old_number: int, new_number: int) -> bool:
    """Whether a row's first cells are its numbers in the two tables ("2" → "1" once a row
    above it is gone): a number that follows the row's place is not a change of its own."""
    return (old.strip().rstrip(".") == str(old_number) and new.strip().rstrip(".") == str(new_number)
            and old_number > 0 and new_number > 0)


def row_edits(old_table, new_table) -> list[RowEdit]:
    """The rows of ``new_table`` that are new or changed and those of ``old_table`` that are
    gone, in the new table's order (a gone row where it stood)."""
    a, head_a = table_rows(old_table)
    b, head_b = table_rows(new_table)
    ka = [tuple(map(text_key, r)) for r in a]
    kb = [tuple(map(text_key, r)) for r in b]
    matched = pair_rows(a, b, ka, kb)
    back = {j: i for i, j in matched.items()}
    placed: list[tuple[float, RowEdit]] = []
    for j, row in enumerate(b):
        number = j - head_b + 1 if j >= head_b else 0
        titles = _titles(new_table.header, row)
        i = back.get(j)
        if i is None:
            placed.append((j, RowEdit("added", number, _name(row),
                                      tuple((t, "", x) for t, x in zip(titles, row)))))
        elif ka[i] != kb[j]:
            old_number = i - head_a + 1 if i >= head_a else 0
            cells = tuple((t, x, y) for k, (t, x, y) in enumerate(zip(titles, a[i], row))
                          if text_key(x) != text_key(y)
                          and not (k == 0 and renumbered(x, y, old_number, number)))
            if cells:
                placed.append((j, RowEdit("wording", number, _name(row), cells, old_number,
                                          _name(a[i]))))
    for i, row in enumerate(a):
        if i not in matched:
            number = i - head_a + 1 if i >= head_a else 0
            at = placed_before(matched, i, len(b)) - 0.5
            placed.append((at, RowEdit("removed", number, _name(row), tuple(
                (t, x, "") for t, x in zip(_titles(old_table.header, row), row)))))
    placed.sort(key=lambda item: item[0])
    return [edit for _, edit in placed]

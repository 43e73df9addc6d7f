"""One alignment (review.align) serves the diff, the comparison table and the tracked changes:
tested on literals, and kept the only one by reading the imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from vanban.compose.table import BodyTable
from vanban.review.align import Hunk, align, align_lines, placed_before
from vanban.review.tracked import list_group, table_group
from vanban.review.words import similarity, text_key

SRC = Path(__file__).resolve().parents[3] / "src" / "vanban"


def _align_texts(old: list[str], new: list[str]) -> dict[int, int]:
    return align([text_key(x) for x in old], [text_key(x) for x in new],
                 lambda i, j: similarity(old[i], new[j]))


def test_equal_wording_is_matched_in_order_and_a_reworded_line_keeps_its_place():
    old = ["Tổ chức tập huấn cho hòa giải viên", "Rà soát đội ngũ hòa giải viên", "Tổng kết"]
    new = ["Tổ chức tập huấn cho hòa giải viên", "Rà soát, kiện toàn đội ngũ hòa giải viên",
           "Biên soạn tài liệu", "Tổng kết"]
    assert _align_texts(old, new) == {0: 0, 1: 1, 2: 3}


def test_an_old_line_pairs_with_the_most_similar_new_line_after_the_last_pair():
    old = ["Biên soạn tài liệu bồi dưỡng hòa giải viên"]
    new = ["Tổ chức hội thi", "Biên soạn tài liệu", "Biên soạn tài liệu bồi dưỡng cho hòa giải viên"]
    assert _align_texts(old, new) == {0: 2}


def test_nothing_similar_enough_is_not_paired():
    assert _align_texts(["Tổ chức hội thi hòa giải viên giỏi"], ["Số hóa tài liệu"]) == {}


def test_the_first_perfect_match_wins():
    # Same words, other spacing: similarity 1.0, other comparison keys.
    old = ["a ,b"]
    new = ["a, b", "a , b"]
    assert [similarity(old[0], x) for x in new] == [1.0, 1.0]
    assert _align_texts(old, new) == {0: 0}


def test_the_score_decides_what_may_pair():
    # (kind, wording): blocks of another kind never pair, however alike their words.
    old, new = [("task", "Tập huấn")], [("item", "Tập huấn năm 2025")]
    assert align(old, new, lambda i, j: 0.0 if old[i][0] != new[j][0] else 1.0) == {}


@pytest.mark.parametrize("old, new, hunks", [
    (["Bộ Tư pháp", "Lưu: VT"], ["Bộ Tư pháp", "Lưu: VT"], []),
    (["Bộ Tư pháp", "Sở Tài chính"], ["Bộ Tư pháp", "Sở Tài chính tỉnh", "Báo Quảng Bình"],
     [Hunk(((1, 1),), (), (2,), 3)]),
    (["Bộ Tư pháp", "Công an tỉnh", "Lưu: VT"], ["Bộ Tư pháp", "Lưu: VT"],
     [Hunk((), (1,), (), 1)]),
    # Sở Tài chính stood after Sở Nội vụ: after its reworded line, not before it.
    (["Sở Nội vụ", "Sở Tài chính"], ["Sở Nội vụ tỉnh"], [Hunk(((0, 0),), (1,), (), 1)]),
], ids=["same", "reworded-and-added", "removed", "reworded-and-removed"])
def test_lines_of_a_list(old, new, hunks):
    assert align_lines(old, new) == hunks


def test_the_tracked_list_follows_the_hunks():
    group = list_group(("Bộ Tư pháp", "Sở Tài chính", "Công an tỉnh"),
                       ("Bộ Tư pháp", "Sở Tài chính tỉnh", "Báo Quảng Bình"))
    assert group.edits == {1: [("equal", "Sở Tài chính", "Sở Tài chính"),
                               ("insert", "", " tỉnh")], 2: "insert"}
    # The line that is gone stands where it stood: before the line that replaced it.
    assert {at: [d.text for d in gone] for at, gone in group.deleted.items()} == {
        2: ["Công an tỉnh"]}


def _Table(header, rows) -> BodyTable:
    return BodyTable((20.0, 100.0), ("center", "left"), tuple(header),
                     tuple(tuple(r) for r in rows))


def test_a_table_row_that_is_gone_stands_before_the_next_kept_row():
    old = _Table(["STT", "Nội dung"], [["1", "Số tổ hòa giải"], ["2", "Số hòa giải viên"],
                                       ["3", "Số vụ việc tiếp nhận"]])
    new = _Table(["STT", "Nội dung"], [["1", "Số tổ hòa giải"], ["2", "Số vụ việc tiếp nhận"]])
    group = table_group(old, new)
    # Rows are matched by all their cells: the renumbered row is a reworded one.
    assert group.deleted == {2: [("2", "Số hòa giải viên")]}
    assert group.edits == {2: {0: [("replace", "3", "2")]}}
    assert placed_before({0: 0, 2: 1}, 1, 2) == 1 and placed_before({0: 0}, 1, 5) == 5


def test_review_and_ooxml_align_nothing_themselves():
    """difflib (sequence alignment) is imported by review.align and, for the words inside a
    line, review.words only: the diff, the tracked changes and the table share one alignment."""
    users = set()
    for folder in ("review", "ooxml"):
        for path in sorted((SRC / folder).glob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                         [node.module] if isinstance(node, ast.ImportFrom) else [])
                if "difflib" in names:
                    users.add(f"{folder}/{path.name}")
    assert users == {"review/align.py", "review/words.py"}

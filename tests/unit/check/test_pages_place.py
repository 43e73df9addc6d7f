"""Placing paragraphs on the measured lines (``vanban.check.pages.place``), which the --pdf
rules read once per document: forward only, cells from where their row starts, bounded."""

from __future__ import annotations

from vanban.check import pages
from vanban.check.pages import place


def test_paragraphs_are_placed_in_order_after_their_list_labels():
    lines = ["Xác định rõ mục đích và yêu cầu của kế hoạch này.", "I. MỤC ĐÍCH, YÊU CẦU",
             "1. Mục đích của kế hoạch", "- Tiếp tục củng cố, kiện toàn tổ hòa giải;"]
    probes = [(0, "MỤC ĐÍCH, YÊU CẦU", None), (1, "Mục đích của kế hoạ", None),
              (2, "Tiếp tục củng cố, ki", None)]
    # "Mục đích" in the middle of the first line is another paragraph's text, not a heading.
    assert place(probes, lines)[0] == {0: 1, 1: 2, 2: 3}


def test_a_cell_is_looked_for_from_where_its_row_starts():
    # Row 1: the first cell holds two paragraphs, the second cell's line is beside the first.
    lines = ["Rà soát văn bản quy phạm", "Sở Tư pháp chủ trì", "Báo cáo kết quả rà soát",
             "Kinh phí thực hiện Kế hoạch từ ngân sách."]
    row = ("table", 0, 0)
    probes = [(0, "Rà soát văn bản quy ", row), (1, "Báo cáo kết quả rà s", row),
              (2, "Sở Tư pháp chủ trì", row), (3, "Kinh phí thực hiện K", None)]
    assert place(probes, lines)[0] == {0: 0, 1: 2, 2: 1, 3: 3}


def test_short_first_words_are_not_looked_for():
    lines = ["STT", "Nội dung", "1", "Rà soát văn bản"]
    probes = [(0, "STT", ("table", 0, 0)), (1, "Nội dung", ("table", 0, 0)),
              (2, "1", ("table", 0, 1)), (3, "Rà soát văn bản", ("table", 0, 1))]
    assert place(probes, lines)[0] == {1: 1, 3: 3}


def test_paragraphs_the_pages_do_not_show_cost_a_bounded_number_of_comparisons():
    # A hostile file: 20 000 paragraphs, none on the 60 measured pages of 40 lines.
    lines = [f"Dòng thứ {k} của trang đã đo." for k in range(60 * 40)]
    probes = [(k, f"Đoạn không in số {k}", None) for k in range(20_000)]
    placed, compared = place(probes, lines)
    assert placed == {}
    assert compared <= pages._BUDGET_PER_LINE * len(lines) + pages._LOOKAHEAD_LINES
    assert compared < len(probes) * pages._LOOKAHEAD_LINES  # not every paragraph scanned

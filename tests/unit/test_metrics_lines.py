"""Even lines for a summary (rules.metrics.balanced, even_lines): within the width, as many
lines as asked, a date or number kept with its word, broken before "của", "về", "trên"."""

from __future__ import annotations

import pytest

from vanban.rules import nd30
from vanban.rules.metrics import balanced, even_lines, text_width_pt, wrap

WIDTH = nd30.TEXT_WIDTH_MM * 72 / 25.4
SIZE = 14

REPORT = ("Kết quả thực hiện Kế hoạch số 12/KH-UBND ngày 15/01/2026 của Ủy ban nhân dân tỉnh "
          "Quảng Bình về triển khai công tác phổ biến, giáo dục pháp luật năm 2026")
PLAN = ("Triển khai thực hiện Đề án “Củng cố, kiện toàn và nâng cao năng lực đội ngũ hòa giải "
        "viên ở cơ sở trên địa bàn tỉnh Quảng Bình giai đoạn 2021-2025” năm 2025")


@pytest.mark.parametrize("text", [REPORT, PLAN])
def test_even_lines_keep_the_words_and_the_count_and_fit(text):
    natural = wrap(text, WIDTH, SIZE, bold=True)
    even = even_lines(text, WIDTH, SIZE, bold=True)
    assert even is not None and len(even) == len(natural)
    assert " ".join(even).split() == text.split()
    widths = [text_width_pt(line, SIZE, bold=True) for line in even]
    assert max(widths) <= WIDTH
    assert min(widths) > 0.6 * max(widths)  # the natural wrap's last line: under a quarter
    assert text_width_pt(natural[-1], SIZE, bold=True) < 0.25 * WIDTH


def test_a_date_stays_with_its_word_and_lines_start_before_cua_ve():
    assert even_lines(REPORT, WIDTH, SIZE, bold=True) == [
        "Kết quả thực hiện Kế hoạch số 12/KH-UBND",
        "ngày 15/01/2026 của Ủy ban nhân dân tỉnh Quảng Bình",
        "về triển khai công tác phổ biến, giáo dục pháp luật năm 2026"]
    assert even_lines(PLAN, WIDTH, SIZE, bold=True)[-1].startswith("trên địa bàn")


def test_a_title_that_wraps_well_or_fits_is_left_alone():
    assert even_lines("Tập huấn hòa giải ở cơ sở năm 2024", WIDTH, SIZE, bold=True) is None
    two_full = "Triển khai công tác hòa giải ở cơ sở " * 3
    assert even_lines(two_full.strip(), WIDTH, SIZE, bold=True) is None


def test_more_lines_than_words_allow_give_fewer():
    assert balanced("Một hai", WIDTH, SIZE, 5, bold=True) == ["Một", "hai"]


def test_a_two_syllable_word_is_not_split_across_lines():
    title = "Về việc ban hành Kế hoạch triển khai thực hiện công tác hòa giải ở cơ sở năm 2026"
    assert even_lines(title, WIDTH, SIZE, bold=True) == [
        "Về việc ban hành Kế hoạch triển khai", "thực hiện công tác hòa giải ở cơ sở năm 2026"]


def test_a_text_of_many_lines_is_not_evened():
    # A pasted page as a title: no suggestion, and no work growing with its square.
    long = " ".join(["Triển khai công tác hòa giải ở cơ sở"] * 400) + " năm"
    assert len(wrap(long, WIDTH, SIZE, bold=True)) > 5
    assert even_lines(long, WIDTH, SIZE, bold=True) is None

import pytest

from vanban.rules import nd30


@pytest.mark.parametrize("ymd,text", [
    ((2024, 1, 16), "ngày 16 tháng 01 năm 2024"),
    ((2024, 3, 5), "ngày 05 tháng 3 năm 2024"),
    ((2019, 6, 29), "ngày 29 tháng 6 năm 2019"),
    ((2020, 2, 1), "ngày 01 tháng 02 năm 2020"),
    ((2020, 12, 31), "ngày 31 tháng 12 năm 2020"),
], ids=str)
def test_dates_are_padded_the_decree_way(ymd, text):
    assert nd30.format_date(*ymd) == text


@pytest.mark.parametrize("number,text", [
    (87, "Số: 87/KH-UBND"), (5, "Số: 05/KH-UBND"), (None, "Số:      /KH-UBND")])
def test_number_line(number, text):
    assert nd30.format_number(number, "KH-UBND") == text
    assert nd30.NUMBER_PATTERN.match(text)

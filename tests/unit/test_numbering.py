import pytest

from vanban import numbering


@pytest.mark.parametrize("path,label", [
    ((1,), "1."), ((12,), "12."), ((1, 3), "1.3."), ((2, 1, 1), "a)"), ((2, 1, 5), "đ)"),
    ((2, 1, 7), "g)"), ((1, 1, 8), "h)"),
], ids=str)
def test_item_labels(path, label):
    assert numbering.item_label(path) == label


def test_depth_outside_range_is_refused():
    with pytest.raises(ValueError):
        numbering.item_label((1, 1, 1, 1))


@pytest.mark.parametrize("n,label", [(1, "I."), (4, "IV."), (9, "IX."), (14, "XIV."), (40, "XL.")])
def test_section_labels(n, label):
    assert numbering.section_label(n) == label


def test_appendix_labels():
    assert numbering.appendix_label(1, 1) == "Phụ lục"
    assert [numbering.appendix_label(i, 3) for i in (1, 2, 3)] == [
        "Phụ lục I", "Phụ lục II", "Phụ lục III"]

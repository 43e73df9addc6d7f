"""Messages for mistakes a new clerk makes, read through the real loader, registry and CLI:
each names the cause once and shows the fix written with the clerk's own text."""

from __future__ import annotations

from pathlib import Path

import pytest

from vanban.errors import VanbanError
from vanban.workspace import load_registry

REGISTRY = """\
units:
  so-tu-phap:
    name: Sở Tư pháp
    abbr: STP
    departments:
      pbgdpl: {name: Phòng Phổ biến, giáo dục pháp luật, abbr: PBGDPL}
"""


def _registry_errors(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "don-vi.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(VanbanError) as caught:
        load_registry([tmp_path], tmp_path)
    return [d.text() for d in caught.value.diagnostics]


def test_a_registry_name_cut_at_a_comma_inside_braces_shows_the_quoted_fix(tmp_path):
    assert _registry_errors(tmp_path, REGISTRY) == [
        ("don-vi.yaml:6:38: lỗi [schema.extra-forbidden] "
        "units.so-tu-phap.departments.pbgdpl.giáo dục pháp luật: Trường \"giáo dục pháp luật\" "
        "không có trong mẫu danh mục. Trong { } dấu phẩy ngăn cách các trường, nên chữ có dấu "
        "phẩy phải đặt trong ngoặc kép: viết name: \"Phòng Phổ biến, giáo dục pháp luật\".")]


def test_a_quoted_name_with_a_comma_is_read_whole(tmp_path):
    (tmp_path / "don-vi.yaml").write_text(
        REGISTRY.replace("{name: Phòng Phổ biến, giáo dục pháp luật,",
                         "{name: \"Phòng Phổ biến, giáo dục pháp luật\","), encoding="utf-8")
    registry = load_registry([tmp_path], tmp_path)
    department = registry.units["so-tu-phap"].departments["pbgdpl"]
    assert department.name == "Phòng Phổ biến, giáo dục pháp luật"


@pytest.mark.parametrize(("ref", "names", "expected"), [
    ("So Tu phap", ["Sở Tư pháp", "Sở Tài chính"], ["Sở Tư pháp"]),
    ("UBND tỉnh Hà Tĩnh", ["Ủy ban nhân dân tỉnh Hà Tĩnh", "Sở Tư pháp"],
     ["Ủy ban nhân dân tỉnh Hà Tĩnh"]),
    ("Hội đồng nhân dân tỉnh", ["HĐND tỉnh", "UBND tỉnh"], ["HĐND tỉnh"]),
    ("Uỷ ban MTTQ Việt Nam tỉnh", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"],
     ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]),
    ("Trần Bảo Hà", ["Trần Báu Hà", "Võ Trọng Hải"], ["Trần Báu Hà"]),
    ("Sở Y tế", ["Sở Tư pháp", "Sở Tài chính"], []),
], ids=["no-diacritics", "ubnd", "hdnd", "mttq-uy", "one-letter", "none"])
def test_names_compare_without_diacritics_and_with_abbreviations_written_out(ref, names, expected):
    from vanban.resolve.names import closest

    assert closest(ref, names, n=1) == expected


def test_fold_strips_marks_d_and_case():
    from vanban.resolve.names import fold

    assert fold("  Đồng  Hới ") == "dong hoi"
    assert fold("Uỷ") == fold("Ủy") == "uy"

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


def _warnings(text: str) -> list[str]:
    from vanban.source.loader import load_text

    return [d.text() for d in load_text(text, "k.yaml").warnings]


@pytest.mark.parametrize("text", [
    "number: 87   # ghi chú\n", "a: c#d\n", "a: '#1'\n", "a: \"x\" #1\n", "a: [x, y] #1\n",
    "# đầu tệp #1\na: b\n", "a:\n  - b ## ghi chú\n",
], ids=["note", "inside-word", "quoted", "after-quotes", "after-list", "comment-line", "double"])
def test_ordinary_comments_are_silent(text):
    assert _warnings(text) == []


def test_a_comment_glued_to_a_list_item_shows_the_quoted_item():
    assert _warnings("a:\n  - Tổ hòa giải #a\n") == [
        ('k.yaml:2:17: cảnh báo [yaml.hash-in-text] a[0]: "#a" sau giá trị bị YAML hiểu là ghi '
        'chú (vì có dấu cách trước "#") nên không được in. Nếu đó là nội dung, đặt cả giá trị '
        'trong ngoặc kép: "Tổ hòa giải #a"; nếu là ghi chú, thêm dấu cách sau "#".')]


def test_a_mapping_in_braces_followed_by_text_is_explained_with_single_quotes_when_needed():
    from vanban.source.loader import load_text

    with pytest.raises(VanbanError) as caught:
        load_text('a:\n  - {Đề án "A"} năm 2026\n', "k.yaml")
    assert [d.text() for d in caught.value.diagnostics] == [
        ('k.yaml:2:17: lỗi [yaml.bracket-start] Giá trị bắt đầu bằng "{" nên YAML đọc phần đến '
        '"}" là một nhóm trường, rồi không hiểu phần chữ phía sau. Đặt cả dòng trong ngoặc kép: '
        "- '{Đề án \"A\"} năm 2026'")]


@pytest.mark.parametrize(("entry", "path", "hint", "line"), [
    ("signers:\n  ky: {name: Lê Văn A, position: GIÁM ĐỐC, unit: so-tu-phapp}\n",
     "signers.ky.unit", 'Có phải "so-tu-phap"?', 4),
    ("  cu: {name: Sở cũ, successor: ubnd-xyz}\n", "units.cu.successor",
     "Ghi mã một đơn vị có trong units:.", 3),
])
def test_a_registry_code_that_names_no_unit_is_an_error(tmp_path, entry, path, hint, line):
    from vanban.errors import VanbanError
    from vanban.workspace import load_registry

    base = "units:\n  so-tu-phap: {name: Sở Tư pháp, abbr: STP}\n"
    text = base + entry
    (tmp_path / "don-vi.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(VanbanError) as exc:
        load_registry([tmp_path])
    (found,) = exc.value.diagnostics
    assert (found.code, found.path, found.hint) == ("registry.unit-unknown", path, hint)
    assert found.span.line == line and "không" in found.message.lower()


def test_a_misspelt_field_of_a_unit_is_one_error_not_one_per_signer_of_it(tmp_path):
    """"abr: STP" under so-tu-phap invalidated the units file: every signer of the Sở was
    also told its unit "so-tu-phap" does not exist (the registry had it, misspelt)."""
    from vanban.errors import VanbanError
    from vanban.workspace import load_registry

    (tmp_path / "don-vi.yaml").write_text(
        "units:\n  so-tu-phap: {name: Sở Tư pháp, abr: STP}\n", encoding="utf-8")
    (tmp_path / "nguoi-ky.yaml").write_text(
        "signers:\n  a: {name: Lê Văn A, position: GIÁM ĐỐC, unit: so-tu-phap}\n"
        "  b: {name: Lê Văn B, position: PHÓ GIÁM ĐỐC, unit: so-tu-phapp}\n", encoding="utf-8")
    with pytest.raises(VanbanError) as exc:
        load_registry([tmp_path])
    assert [(d.code, d.path) for d in exc.value.diagnostics] == [
        ("schema.extra-forbidden", "units.so-tu-phap.abr"),
        ("registry.unit-unknown", "signers.b.unit")]  # a real typo is still found

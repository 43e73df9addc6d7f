"""Loaded data, source maps, coercible plain scalars, file decoding."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from vanban.errors import Span, VanbanError
from vanban.source.legacy import to_bytes, unicode_to_tcvn3, unicode_to_vni
from vanban.source.loader import Loaded, load_file, load_text

PLAN = """\
ten: Kế hoạch
so: 087
nam: 2025
tasks:
  - id: t1
    lead: Sở Tư pháp
    han: 2024-01-16
  - id: t2
    active: no
"""


def test_data_and_spans() -> None:
    loaded = load_text(PLAN, "kh.yaml")
    assert isinstance(loaded, Loaded)
    assert loaded.data == {
        "ten": "Kế hoạch", "so": "087", "nam": 2025,
        "tasks": [{"id": "t1", "lead": "Sở Tư pháp", "han": "2024-01-16"},
                  {"id": "t2", "active": "no"}]}
    assert loaded.spans[("tasks", 0, "lead")] == Span("kh.yaml", 6, 11)
    assert loaded.key_spans[("tasks", 0, "lead")] == Span("kh.yaml", 6, 5)
    assert loaded.span(("tasks", 1, "active", "x")) == Span("kh.yaml", 9, 13)
    assert loaded.span(("tasks", 1, "missing"), key=True) == Span("kh.yaml", 8, 5)
    assert loaded.warnings == []


@pytest.mark.parametrize(("plain", "value", "kind"), [
    ("no", "no", "bool"), ("Yes", "Yes", "bool"), ("on", "on", "bool"), ("OFF", "OFF", "bool"),
    ("y", "y", "bool"), ("true", True, "bool"), ("~", None, "null"), ("12", 12, "int"),
    ("087", "087", "int"), ("017", "017", "octal"), ("0o17", "0o17", "octal"), ("0x1F", "0x1F", "hex"),
    ("0b101", "0b101", "binary"), ("1:30", "1:30", "sexagesimal"),
    ("190:20:30", "190:20:30", "sexagesimal"), ("1.5", "1.5", "float"),
    ("1e3", "1e3", "float"), ("-.5", "-.5", "float"), (".inf", ".inf", "float"),
    ("-.INF", "-.INF", "float"), (".NaN", ".NaN", "float"),
    ("2024-01-16", "2024-01-16", "timestamp"),
    ("2024-1-6 10:00:00", "2024-1-6 10:00:00", "timestamp"),
    ("16/01/2024", "16/01/2024", None), ("KH-UBND", "KH-UBND", None), (".", ".", None),
], ids=lambda v: str(v))
def test_plain_scalars_stay_text_and_are_recorded(plain: str, value: object,
                                                  kind: str | None) -> None:
    loaded = load_text(f"x: {plain}\ny: '{plain}'\n", "f.yaml")
    assert loaded.data["x"] == value
    assert loaded.data["y"] == plain
    assert loaded.coercible.get(("x",)) == kind
    assert ("y",) not in loaded.coercible


def test_keys_are_always_text() -> None:
    assert load_text("1: a\nno: b\n2024-01-16: c\n", "f.yaml").data == {
        "1": "a", "no": "b", "2024-01-16": "c"}


def test_str_tag_keeps_text() -> None:
    assert load_text("so: !!str 087\n", "f.yaml").data == {"so": "087"}


def test_merge_key() -> None:
    loaded = load_text("base: &b\n  x: 1\n  y: 2\nc:\n  <<: *b\n  y: 3\n", "f.yaml")
    assert loaded.data["c"] == {"y": 3, "x": 1}
    assert loaded.key_spans[("c", "x")] == Span("f.yaml", 5, 3)


def test_invisible_characters_never_reach_the_data() -> None:
    loaded = load_text("te\u200bn: Kế\u00ad hoạch\u2060 \u202a2025\n", "f.yaml")
    assert loaded.data == {"ten": "Kế hoạch 2025"}
    assert [(w.span.col, w.code) for w in loaded.warnings] == [
        (3, "text.invisible"), (9, "text.invisible"), (16, "text.invisible"),
        (18, "text.invisible")]


def test_nbsp_inside_values_is_kept() -> None:
    loaded = load_text("ten: Điều\u00a05\n", "f.yaml")
    assert loaded.data == {"ten": "Điều\u00a05"}
    assert loaded.warnings == []


def test_line_endings() -> None:
    assert load_text("a: 1\r\nb: x\ry: 2\r\n", "f.yaml").data == {"a": 1, "b": "x", "y": 2}


def test_errors_come_with_warnings_in_file_order() -> None:
    with pytest.raises(VanbanError) as info:
        load_text("a: x\u200b\nb: 1\na: 2\n", "f.yaml")
    assert [(d.span.line, d.code) for d in info.value.diagnostics] == [
        (1, "text.invisible"), (3, "yaml.duplicate-key")]


def test_empty_file() -> None:
    assert load_text("", "f.yaml").data is None
    assert load_text("# only a comment\n", "f.yaml").data is None


# -- files -------------------------------------------------------------------------------------


def test_load_file_utf8_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "kh.yaml"
    path.write_bytes(codecs.BOM_UTF8 + PLAN.encode())
    assert load_file(path, "kh.yaml").data["ten"] == "Kế hoạch"


@pytest.mark.parametrize("raw", [
    codecs.BOM_UTF16_LE + PLAN.encode("utf-16-le"), PLAN.encode("utf-16-le"),
    codecs.BOM_UTF16_BE + PLAN.encode("utf-16-be"),
], ids=["le-bom", "le", "be-bom"])
def test_load_file_utf16_is_read_with_a_warning(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "kh.yaml"
    path.write_bytes(raw)
    loaded = load_file(path, "kh.yaml")
    assert loaded.data == load_text(PLAN, "kh.yaml").data
    assert [(w.code, w.message) for w in loaded.warnings] == [(
        "text.encoding", ("Tệp dùng bảng mã UTF-16; vanban vẫn đọc được, nhưng nên lưu lại với "
        "bảng mã UTF-8."))]


@pytest.mark.parametrize(("name", "raw", "line", "col", "label"), [
    ("tcvn3", to_bytes(unicode_to_tcvn3(PLAN)), 1, 7, "TCVN3 (ABC, phông .VnTime)"),
    ("vni", to_bytes(unicode_to_vni(PLAN)), 1, 8, "VNI (phông VNI-Times)"),
    ("cp1258", PLAN.replace("ế", "ê\u0301").replace("ạ", "a\u0323").replace("ở", "ơ\u0309")
     .replace("á", "a\u0301").encode("cp1258"), 1, 7, "Windows-1258"),
], ids=["tcvn3", "vni", "cp1258"])
def test_load_file_legacy_encoding_is_named(tmp_path: Path, name: str, raw: bytes, line: int,
                                            col: int, label: str) -> None:
    path = tmp_path / "kh.yaml"
    path.write_bytes(raw)
    with pytest.raises(VanbanError) as info:
        load_file(path, "kh.yaml")
    (found,) = info.value.diagnostics
    assert (found.code, found.span.line, found.span.col) == ("text.encoding", line, col)
    assert found.message == f"Tệp không phải Unicode (UTF-8): có vẻ dùng bảng mã {label}."
    assert found.hint.startswith("Hãy chuyển tệp sang Unicode (UTF-8) bằng lệnh: "
                                 "vanban fix-encoding kh.yaml")


def test_load_file_unknown_encoding(tmp_path: Path) -> None:
    path = tmp_path / "kh.yaml"
    path.write_bytes(b"a: \xff\xfe\xfd\n")
    with pytest.raises(VanbanError) as info:
        load_file(path, "kh.yaml")
    assert info.value.diagnostics[0].message == (
        "Tệp không phải Unicode (UTF-8) và không nhận ra bảng mã đã dùng.")


def test_load_file_missing(tmp_path: Path) -> None:
    with pytest.raises(VanbanError) as info:
        load_file(tmp_path / "none.yaml", "none.yaml")
    assert info.value.diagnostics[0].code == "file.read"

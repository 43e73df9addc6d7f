"""Absurd inputs are refused quickly and without building them."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from vanban.errors import VanbanError
from vanban.source.builder import MAX_DEPTH, MAX_NODES
from vanban.source.loader import load_file, load_text


def _alias_bomb(levels: int = 9) -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    previous = "a"
    for name in "bcdefghijk"[: levels - 1]:
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
        previous = name
    return "\n".join(lines) + "\n"


def _refused(call: Callable[[], object]) -> tuple[VanbanError, int]:
    """The error ``call`` raises and its peak traced memory in bytes.

    Bounds are on memory and on work (how far the reader got), never on wall-clock time: a busy
    machine must not fail a test (speed is measured in bench/)."""
    tracemalloc.start()
    try:
        with pytest.raises(VanbanError) as info:
            call()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return info.value, peak


def test_50_mb_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)
    error, peak = _refused(lambda: load_file(path, "big.yaml"))
    (found,) = error.diagnostics
    assert (found.code, found.span.line) == ("file.too-large", 0)
    assert found.message == "Tệp quá lớn (51.200 KB; tối đa 2.048 KB)."
    assert peak < 1024 * 1024


def test_million_line_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lines.yaml"
    path.write_bytes(b"\n" * 1_000_000)
    error, peak = _refused(lambda: load_file(path, "lines.yaml"))
    (found,) = error.diagnostics
    assert found.message == "Tệp có quá nhiều dòng (1.000.001 dòng; tối đa 50.000)."
    assert peak < 8 * 1024 * 1024


def test_alias_bomb_is_refused_while_reading() -> None:
    error, peak = _refused(lambda: load_text(_alias_bomb(), "bomb.yaml"))
    (found,) = error.diagnostics
    assert (found.code, found.span.line, found.span.col) == ("yaml.too-many-nodes", 6, 8)
    assert found.message == ("Tệp có quá nhiều phần tử sau khi khai triển các bí danh (*tên) "
                             "(trên 100.000); vanban không đọc tiếp.")
    assert peak < 4 * 1024 * 1024


def test_small_aliases_are_fine_and_shared() -> None:
    loaded = load_text("a: &x [1, 2]\nb: *x\nc:\n  - *x\n", "f.yaml")
    assert loaded.data == {"a": [1, 2], "b": [1, 2], "c": [[1, 2]]}
    assert loaded.span(("b", 1)).line == 2  # inside an alias: the alias's own place


@pytest.mark.parametrize("text", [
    "a: " + "[" * 100_000 + "]" * 100_000 + "\n",
    "".join(" " * i + "-\n" for i in range(1000)),
    "".join(" " * i + f"k{i}:\n" for i in range(1000)),
], ids=["flow", "block-sequence", "block-mapping"])
def test_deep_nesting_is_refused(text: str) -> None:
    error, peak = _refused(lambda: load_text(text, "deep.yaml"))
    (found,) = error.diagnostics
    assert found.code == "yaml.too-deep"
    assert found.message == f"Các mục lồng nhau quá sâu (trên {MAX_DEPTH} cấp)."
    assert peak < 64 * 1024 * 1024


def test_node_limit_without_aliases() -> None:
    text = "[" + ",".join(["1"] * (MAX_NODES + 1)) + "]\n"
    with pytest.raises(VanbanError) as info:
        load_text(text, "many.yaml")
    assert info.value.diagnostics[0].message == (
        "Tệp có quá nhiều phần tử (trên 100.000); vanban không đọc tiếp.")

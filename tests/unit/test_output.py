"""Atomic writes: a file is written completely or not at all; a failed build keeps the old file."""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile

import pytest

from vanban import output
from vanban.errors import VanbanError


def test_write_then_unchanged(tmp_path):
    target = tmp_path / "a" / "b.docx"
    assert output.write_atomic(target, b"one") is True
    assert output.write_atomic(target, b"one") is False
    assert target.read_bytes() == b"one"
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_write_that_fails_part_way_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "plan.docx"
    target.write_bytes(b"good old output")
    real_fsync = os.fsync

    def broken_fsync(fd):
        real_fsync(fd)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(VanbanError) as info:
        output.write_atomic(target, b"new bytes that never land")
    assert info.value.diagnostics[0].code == "output.write"
    assert "tệp cũ (nếu có) được giữ nguyên" in info.value.diagnostics[0].message
    assert target.read_bytes() == b"good old output"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.docx"]  # no temp file left


def test_read_only_folder_gives_a_clear_message(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root ignores folder permissions")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(VanbanError) as info:
            output.write_atomic(folder / "x.docx", b"data")
        assert info.value.diagnostics[0].code == "output.write"
    finally:
        folder.chmod(0o700)


def test_normalised_zip_is_stable():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<x/>")
        z.writestr("[Content_Types].xml", "<t/>")
    when = dt.datetime(2024, 1, 16)
    a = output.normalise_zip(buf.getvalue(), when)
    assert a == output.normalise_zip(buf.getvalue(), when)
    with zipfile.ZipFile(io.BytesIO(a)) as z:
        assert z.namelist() == ["[Content_Types].xml", "word/document.xml"]
        assert {i.date_time for i in z.infolist()} == {(2024, 1, 16, 0, 0, 0)}


def test_source_date(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert output.source_date("2024-01-16") == dt.datetime(2024, 1, 16)
    assert output.source_date(None) == dt.datetime(1980, 1, 1)  # zip's first possible date
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert output.source_date("2024-01-16") == dt.datetime(1970, 1, 1)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "99999999999999999999")  # beyond any calendar
    assert output.source_date("2024-01-16") == dt.datetime(2024, 1, 16)


def test_zip_dates_are_clamped_to_what_zip_can_hold():
    assert output.zip_member("a", dt.datetime(1970, 1, 1)).date_time == (1980, 1, 1, 0, 0, 0)
    assert output.zip_member("a", dt.datetime(2200, 3, 5)).date_time == (2107, 12, 31, 23, 59, 58)


def test_a_failed_swap_undoes_the_files_already_swapped(tmp_path, monkeypatch):
    """All or nothing even when the second replacement fails (a file held open by Word)."""
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    a.write_bytes(b"old a")
    b.write_bytes(b"old b")
    real_replace = os.replace

    def replace(src, dst):
        if str(dst) == str(b) and str(src).endswith(".tmp"):  # the new b cannot go in
            raise PermissionError(13, "Permission denied")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(VanbanError) as info:
        output.write_all([(a, b"new a", "a.docx"), (b, b"new b", "b.docx")])
    assert info.value.diagnostics[0].span.file == "b.docx"
    assert (a.read_bytes(), b.read_bytes()) == (b"old a", b"old b")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "b.docx"]


def test_a_folder_in_the_way_is_found_before_anything_is_written(tmp_path):
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    a.write_bytes(b"old a")
    b.mkdir()
    (b / "x").write_bytes(b"")
    with pytest.raises(VanbanError) as info:
        output.write_all([(a, b"new a", "a.docx"), (b, b"new b", "b.docx")])
    assert "đã có một thư mục trùng tên" in info.value.diagnostics[0].message
    assert a.read_bytes() == b"old a"

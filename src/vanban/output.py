"""Deterministic DOCX bytes and atomic writes.

python-docx stamps every zip member with the current time; here every member gets one fixed
timestamp (the document's date, or SOURCE_DATE_EPOCH), a fixed order and fixed attributes, so the
same sources give byte-identical files. Writes go to a temporary file in the target folder and are
moved into place only when complete; an unchanged file is not rewritten.
"""

from __future__ import annotations

import datetime as dt
import errno
import io
import os
import re
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from vanban.errors import Diagnostic, Span, VanbanError

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
ZIP_LAST = (2107, 12, 31, 23, 59, 58)  # the zip format's dates run from 1980 to 2107


def source_date(document_date: str | None) -> dt.datetime:
    """The timestamp stamped into outputs: SOURCE_DATE_EPOCH if set, else the document's date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).replace(tzinfo=None)
        except (OverflowError, OSError, ValueError):
            pass  # out of any calendar: fall back to the document's own date
    if document_date:
        return dt.datetime.fromisoformat(document_date)
    return dt.datetime(*ZIP_EPOCH)


def zip_member(name: str, when: dt.datetime) -> zipfile.ZipInfo:
    """A zip entry header with fixed timestamp, attributes and compression."""
    stamp = min(max(when, dt.datetime(*ZIP_EPOCH)), dt.datetime(*ZIP_LAST))
    info = zipfile.ZipInfo(name, date_time=stamp.timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 0
    return info


def normalise_zip(data: bytes, when: dt.datetime, replaced: dict[str, bytes] | None = None
                  ) -> bytes:
    """Rewrite a zip with fixed timestamps, attributes and compression (the parts named in
    ``replaced`` swapped in); member order is kept."""
    out = io.BytesIO()
    replaced = replaced or {}
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        names = src.namelist()
        # [Content_Types].xml first, as Office writes it; the rest in their original order.
        names.sort(key=lambda n: n != "[Content_Types].xml")
        for name in names:
            data = replaced[name] if name in replaced else src.read(name)
            dst.writestr(zip_member(name, when), data, compresslevel=6)
    return out.getvalue()


_REASONS = {
    errno.EACCES: ("không có quyền ghi vào đây", "no permission to write here"),
    errno.EPERM: ("không có quyền ghi vào đây", "no permission to write here"),
    errno.EROFS: ("ổ đĩa chỉ cho đọc", "the disk is read-only"),
    errno.ENOSPC: ("ổ đĩa đã đầy", "the disk is full"),
    errno.EDQUOT: ("đã hết dung lượng được cấp", "the disk quota is used up"),
    errno.EISDIR: ("đã có một thư mục trùng tên với tệp", "a folder has the file's name"),
    errno.ENOTDIR: ("một phần của đường dẫn là tệp, không phải thư mục",
                    "part of the path is a file, not a folder"),
    errno.ENOENT: ("không tìm thấy thư mục", "the folder does not exist"),
    errno.EBUSY: ("tệp đang được chương trình khác dùng", "another program is using the file"),
    errno.ETXTBSY: ("tệp đang được chương trình khác dùng", "another program is using the file"),
}


_LOCKED = {errno.EACCES, errno.EPERM, errno.EBUSY, errno.ETXTBSY}


def _write_error(exc: OSError, shown: str) -> VanbanError:
    vi, en = _REASONS.get(exc.errno or 0, (exc.strerror or str(exc), exc.strerror or str(exc)))
    locked = exc.errno in _LOCKED
    return VanbanError([Diagnostic(
        "output.write",
        f"Không ghi được tệp: {vi}. Không tệp nào của lần dựng này được ghi; tệp cũ (nếu có) "
        "được giữ nguyên.", Span(shown),
        message_en=f"Cannot write the file: {en}. Nothing of this build was written; the "
                   "previous files are kept.",
        hint="Nếu tệp đang mở trong Word, hãy đóng lại rồi chạy lại." if locked else "",
        hint_en="If the file is open in Word, close it and run again." if locked else "")])


def _read_only(target: Path, shown: str) -> VanbanError:
    return VanbanError([Diagnostic(
        "output.read-only",
        "Tệp đang đặt chỉ đọc (read-only) nên không ghi đè; tệp cũ được giữ nguyên.", Span(shown),
        message_en="The file is marked read-only, so it is not overwritten.",
        hint="Bỏ thuộc tính chỉ đọc của tệp (Properties → bỏ chọn Read-only), hoặc dùng --out.",
        hint_en="Clear the file's read-only attribute, or use --out.")])


def write_all(items: list[tuple[Path, bytes, str]]) -> list[bool]:
    """Write every (target, data, shown name) or none.

    Each file first goes to a synced temporary file beside its target. Then the targets are
    swapped in one by one, each old file kept aside until all are in place; if any swap fails,
    the ones already made are undone. Returns, per item, whether its file changed (an unchanged
    file is not rewritten)."""
    changed = [differs(target, data) for target, data, _ in items]
    for (target, _, shown), change in zip(items, changed):
        if change:
            check_writable(target, shown)
    staged: list[Staged] = []
    try:
        for (target, data, shown), change in zip(items, changed):
            if change:
                staged.append(stage(target, data, shown))
        commit(staged)
    finally:
        discard(staged)
    return changed


def check_writable(target: Path, shown: str) -> None:
    """Refuse, before anything is written, a target that is a folder or marked read-only."""
    if target.is_dir():
        raise _write_error(IsADirectoryError(errno.EISDIR, "Is a directory"), shown)
    if target.exists() and not target.stat().st_mode & 0o222:
        raise _read_only(target, shown)


@dataclass
class Staged:
    """A complete, synced temporary copy of one output beside its target, not yet in place."""

    tmp: str
    target: Path
    shown: str


def stage(target: Path, data: bytes, shown: str) -> Staged:
    """Stage ``data`` for ``target`` (nothing is replaced yet)."""
    try:
        return Staged(_stage(target, data), target, shown)
    except OSError as exc:
        raise _write_error(exc, shown) from None


def commit(staged: list[Staged]) -> None:
    """Put every staged file in place, all or none: each old file is kept aside until every swap
    has succeeded; a failed swap undoes the ones already made."""
    swapped: list[tuple[Path, str | None]] = []  # (target, where its old file was put aside)
    try:
        for item in staged:
            try:
                swapped.append((item.target, _swap(item.tmp, item.target)))
            except OSError as exc:
                _undo(swapped)
                swapped = []
                raise _write_error(exc, item.shown) from None
    finally:
        for _, aside in swapped:
            if aside:
                _unlink(aside)


def discard(staged: list[Staged]) -> None:
    """Remove staged files that were not put in place (none is left after a failure)."""
    for item in staged:
        _unlink(item.tmp)


def _swap(tmp: str, target: Path) -> str | None:
    """Put ``tmp`` in ``target``'s place; the old file is moved aside (its new name returned)."""
    aside = None
    if target.exists():
        fd, aside = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent)
        os.close(fd)
        try:
            os.replace(target, aside)
        except OSError:
            _unlink(aside)
            raise
    try:
        os.replace(tmp, target)
    except OSError:
        if aside:
            os.replace(aside, target)
        raise
    return aside


def _undo(swapped: list[tuple[Path, str | None]]) -> None:
    """Put back the old files of the swaps already made (newest first)."""
    for target, aside in reversed(swapped):
        try:
            if aside:
                os.replace(aside, target)
            else:
                target.unlink()
        except OSError:
            pass


def _unlink(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass


def write_atomic(target: Path, data: bytes, display: str | None = None) -> bool:
    """Write ``data`` to ``target`` completely or not at all; False when the file was unchanged."""
    return write_all([(target, data, display or str(target))])[0]


def differs(target: Path, data: bytes) -> bool:
    """Whether writing ``data`` would change ``target`` (a missing file always changes)."""
    try:
        return not (target.is_file() and target.read_bytes() == data)
    except OSError:
        return True


def _stage(target: Path, data: bytes) -> str:
    """A complete, synced temporary copy of ``data`` in ``target``'s folder; its name."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_name, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        os.unlink(tmp_name)
        raise
    return tmp_name


MAKER = "vanban"
"""The ``cp:lastModifiedBy`` of every DOCX vanban writes; Word puts its user's name there."""
_LAST_BY = re.compile(rb"<cp:lastModifiedBy>([^<]*)</cp:lastModifiedBy>")


_APPLICATION = re.compile(rb"<Application>\s*LibreOffice")


def saved_by_other(target: Path) -> str | None:
    """Who last saved the DOCX at ``target`` when it was not vanban (a clerk who opened it in
    Word and saved it, by the name Word records; "LibreOffice" when LibreOffice saved it, which
    keeps the last author it found, vanban's); None for vanban's own file, a missing or
    unreadable one, or one that names nobody."""
    try:
        with zipfile.ZipFile(target) as docx:
            found = _LAST_BY.search(docx.read("docProps/core.xml")[:64 * 1024])
            app = docx.read("docProps/app.xml")[:64 * 1024] if found is not None and \
                found.group(1).strip() == MAKER.encode() else b""
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError, ValueError):
        return None
    if found is None:
        return None
    if _APPLICATION.search(app):
        return "LibreOffice"
    import html  # the name as XML text: "Phòng A &amp; B" is "Phòng A & B"

    name = html.unescape(found.group(1).decode("utf-8", "replace")).strip()
    return name if name and name != MAKER else None


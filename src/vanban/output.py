"""Deterministic DOCX bytes and atomic writes.

python-docx stamps every zip member with the current time; here every member gets one fixed
timestamp (the document's date, or SOURCE_DATE_EPOCH), a fixed order and fixed attributes, so the
same sources give byte-identical files. Writes go to a temporary file in the target folder and are
moved into place only when complete; an unchanged file is not rewritten.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
import zipfile
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


def normalise_zip(data: bytes, when: dt.datetime) -> bytes:
    """Rewrite a zip with fixed timestamps, attributes and compression; member order is kept."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        names = src.namelist()
        # [Content_Types].xml first, as Office writes it; the rest in their original order.
        names.sort(key=lambda n: n != "[Content_Types].xml")
        for name in names:
            dst.writestr(zip_member(name, when), src.read(name), compresslevel=6)
    return out.getvalue()


def write_atomic(target: Path, data: bytes, display: str | None = None) -> bool:
    """Write ``data`` to ``target`` completely or not at all; False when the file was unchanged."""
    shown = display or str(target)
    try:
        if target.is_file() and target.read_bytes() == data:
            return False
    except OSError:
        pass
    tmp_name = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                        dir=target.parent)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_name, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, target)
        tmp_name = None
        return True
    except OSError as exc:
        raise VanbanError([Diagnostic(
            "output.write",
            f"Không ghi được tệp ({exc.strerror}). Nếu tệp đang mở trong Word, hãy đóng lại rồi "
            "chạy lại; tệp cũ được giữ nguyên.", Span(shown),
            message_en=f"Cannot write the file ({exc.strerror}); the previous file is kept. "
                       "Close it in Word and run again.")]) from None
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass

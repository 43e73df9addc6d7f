"""Save a python-docx document as deterministic DOCX bytes in one pass.

python-docx stamps every zip member with the current time; this writes the same parts, in the
same order, with the fixed headers of ``vanban.output.zip_member`` instead, so no second
decompress-and-recompress pass is needed.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from docx.opc.pkgwriter import PackageWriter

from vanban.output import zip_member


class _FixedZipWriter:
    """The part of python-docx's physical package writer that PackageWriter uses."""

    def __init__(self, buffer: io.BytesIO, when: dt.datetime) -> None:
        self._zip = zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)
        self._when = when

    def write(self, pack_uri, blob: bytes) -> None:
        self._zip.writestr(zip_member(pack_uri.membername, self._when), blob, compresslevel=6)

    def close(self) -> None:
        self._zip.close()


def docx_bytes(document, when: dt.datetime) -> bytes:
    """The DOCX bytes of ``document`` with every zip member stamped ``when``."""
    package = document.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    buffer = io.BytesIO()
    writer = _FixedZipWriter(buffer, when)
    PackageWriter._write_content_types_stream(writer, parts)
    PackageWriter._write_pkg_rels(writer, package.rels)
    PackageWriter._write_parts(writer, parts)
    writer.close()
    return buffer.getvalue()


def modified_time(path) -> dt.datetime | None:
    """The ``dcterms:modified`` core property of a DOCX (vanban writes the document's own date
    there), or None when the file has none that can be read."""
    from lxml import etree

    try:
        with zipfile.ZipFile(path) as z:
            root = etree.fromstring(z.read("docProps/core.xml"),
                                    etree.XMLParser(resolve_entities=False, no_network=True))
    except (OSError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return None
    node = root.find("{http://purl.org/dc/terms/}modified")
    try:
        return dt.datetime.fromisoformat((node.text or "").replace("Z", "+00:00"))
    except (AttributeError, ValueError):
        return None
